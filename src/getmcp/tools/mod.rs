//! A server's tools: the model, its enums, the tool reference, and the requests that
//! list, read, create, update and delete them. The write builders are in `write`.
//!
//! Confidence: list, get, create and update have vendor pages (vendor docs); delete has none and
//! is inferred from its siblings (`DELETE /servers/{server_id}/tools/{id}`, any 2xx is
//! success) (inferred).

use std::{collections::BTreeMap, fmt, str::FromStr};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::{
    getmcp::{
        shared::{self, expect_item, php_object, ItemIds},
        Client, ServerId, ServerRef, ToolId,
    },
    id::{self, IntoId, Refused},
    paging::{self, with_paging, List, Page, Paged, Paging, Query},
    transport::ops,
    wire::{null_as_default, object_model, timestamp, wire_enum},
    Error, Redacted,
};

mod write;

pub use write::{CreateTool, CreateToolBody, UpdateTool, UpdateToolBody, MAX_RETRY_COUNT};

wire_enum! {
    /// The HTTP method a tool calls (`http_method`); `GET` when not set.
    pub enum HttpMethod {
        /// `GET`
        Get = "GET",
        /// `POST`
        Post = "POST",
        /// `PUT`
        Put = "PUT",
        /// `PATCH`
        Patch = "PATCH",
        /// `DELETE`
        Delete = "DELETE",
    }
}

wire_enum! {
    /// A tool's status. The create and update routes take `active` and `paused`
    /// (vendor docs); answers may carry others (`draft` for a tool imported from curl, `inactive`
    /// in the import code (plugin code)), kept as `Unknown`.
    pub enum ToolStatus {
        /// `active`
        Active = "active",
        /// `paused`
        Paused = "paused",
    }
}

wire_enum! {
    /// The delay between a tool's retries (`retry_backoff`).
    /// [`RetryBackoff::NoBackoff`] is the wire value `none`.
    pub enum RetryBackoff {
        /// `none`: retry at once.
        NoBackoff = "none",
        /// `linear`: 1 s, 2 s, 3 s, …
        Linear = "linear",
        /// `exponential`: 1 s, 2 s, 4 s, …
        Exponential = "exponential",
    }
}

wire_enum! {
    /// Where a tool argument goes in the outbound request (`target`).
    pub enum ParameterTarget {
        /// `path`: replaces its placeholder in `endpoint_url`.
        Path = "path",
        /// `query`
        Query = "query",
        /// `body`
        Body = "body",
        /// `header`
        Header = "header",
    }
}

/// One argument's place in the outbound request: `target`, and `key`, the name used
/// there (the argument's own name when `None`).
///
/// ```
/// use mcp_admin::getmcp::{ParameterMapping, ParameterTarget};
///
/// let city = ParameterMapping::new(ParameterTarget::Query).key("q");
/// assert_eq!(serde_json::to_string(&city).unwrap(), r#"{"target":"query","key":"q"}"#);
/// // The older docs called `target` `location`.
/// let old: ParameterMapping = serde_json::from_str(r#"{"location":"path"}"#).unwrap();
/// assert_eq!(old, ParameterMapping::new(ParameterTarget::Path));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ParameterMapping {
    /// Where the argument goes.
    #[serde(alias = "location")]
    pub target: ParameterTarget,
    /// The name used there; the argument's name when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl ParameterMapping {
    /// An argument sent to `target` under its own name.
    pub fn new(target: ParameterTarget) -> Self {
        ParameterMapping { target, key: None }
    }

    /// Sends the argument under `key` instead of its own name.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }
}

object_model! {
    /// A tool of a GetMCP server: one outbound HTTP call an AI client can make.
    ///
    /// Header values are [`Redacted`]: they often hold API keys, so `Debug` never shows
    /// them. Timestamps come with or without a `Z`; both read as UTC.
    ///
    /// ```
    /// use mcp_admin::getmcp::{HttpMethod, Tool};
    ///
    /// let tool: Tool = serde_json::from_str(
    ///     r#"{"id":5,"server_id":3,"name":"create_customer","http_method":"POST",
    ///         "headers":{"Authorization":"Bearer SECRET"},"parameter_mapping":[],
    ///         "created_at":"2025-03-18T10:00:00"}"#,
    /// ).unwrap();
    /// assert_eq!(tool.http_method, Some(HttpMethod::Post));
    /// assert_eq!(tool.headers["Authorization"].expose(), "Bearer SECRET");
    /// assert!(tool.parameter_mapping.is_empty());
    /// assert!(tool.created_at.is_some());
    /// assert!(!format!("{tool:?}").contains("SECRET"));
    /// ```
    #[non_exhaustive]
    pub struct Tool {
        /// Numeric id.
        pub id: ToolId,
        /// The UUID the current docs use as the tool's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub uuid: Option<Uuid>,
        /// The server's numeric id ([`Server::id`](crate::getmcp::Server::id)).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub server_id: Option<ServerId>,
        /// The name AI clients call it by (snake_case by convention).
        #[serde(default, deserialize_with = "null_as_default")]
        pub name: String,
        /// What the tool does; AI clients read it to choose a tool.
        #[serde(default)]
        pub description: Option<String>,
        /// The URL called, with path placeholders: `{param}` on the create page,
        /// `{{param}}` on the update page (vendor docs).
        #[serde(default)]
        pub endpoint_url: Option<String>,
        /// The HTTP method called.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub http_method: Option<HttpMethod>,
        /// The JSON Schema of the arguments; empty when the site has none.
        #[serde(default, deserialize_with = "php_object")]
        pub input_schema: Map<String, Value>,
        /// Where each argument goes, by argument name.
        #[serde(default, deserialize_with = "php_object")]
        pub parameter_mapping: BTreeMap<String, ParameterMapping>,
        /// How the answer is shaped for the AI client (`selector`, `format`, `template`).
        #[serde(default, deserialize_with = "php_object")]
        pub response_mapping: Map<String, Value>,
        /// Headers sent with every call; the values are secrets as far as this crate knows.
        #[serde(default, deserialize_with = "php_object")]
        pub headers: BTreeMap<String, Redacted<String>>,
        /// Seconds an answer is cached; 0 = no cache.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cache_ttl: Option<u64>,
        /// Seconds before a call times out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub timeout: Option<u64>,
        /// Calls per minute.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub rate_limit_per_min: Option<i64>,
        /// Retries on connection errors and 408, 429, 500, 502, 503, 504; 0–5.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub retry_count: Option<u64>,
        /// The delay between retries.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub retry_backoff: Option<RetryBackoff>,
        /// Position in the server's list (the list's order).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sort_order: Option<i64>,
        /// `active`, `paused`, or a value kept as sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<ToolStatus>,
        /// Free-form labels.
        #[serde(default, deserialize_with = "null_as_default")]
        pub tags: Vec<String>,
        /// When the tool was last tested from the admin panel.
        #[serde(default, with = "timestamp")]
        pub last_tested_at: Option<DateTime<Utc>>,
        /// How long that test took, in milliseconds.
        #[serde(default)]
        pub last_test_response_ms: Option<u64>,
        /// The server's UUID.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub server_uuid: Option<Uuid>,
        /// The server's 16-hex public id
        /// ([`Server::public_id`](crate::getmcp::Server::public_id)); wire `server_hex`.
        #[serde(
            default,
            rename = "server_hex",
            skip_serializing_if = "Option::is_none"
        )]
        pub server_public_id: Option<String>,
        /// Creation time (UTC).
        #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
        pub created_at: Option<DateTime<Utc>>,
        /// Last update (UTC).
        #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
        pub updated_at: Option<DateTime<Utc>>,
    }
}

/// Which tool: its UUID, or its numeric id (accepted for backwards compatibility).
///
/// Parsing accepts exactly those two forms, as [`ServerRef`] does.
///
/// ```
/// use mcp_admin::getmcp::ToolRef;
///
/// let by_uuid: ToolRef = "5376af81-6bb8-4b01-800c-508d7672e394".parse()?;
/// assert_eq!(ToolRef::from(5u64).to_string(), "5");
/// assert!("create_customer".parse::<ToolRef>().is_err_and(|e| e.is_invalid_input()));
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ToolRef {
    /// By UUID (the documented form).
    Uuid(Uuid),
    /// By numeric id.
    Id(u64),
}

impl ToolRef {
    /// The same reference in the server's form, whose parsing and printing it shares.
    fn as_server_form(self) -> ServerRef {
        match self {
            ToolRef::Uuid(u) => ServerRef::Uuid(u),
            ToolRef::Id(id) => ServerRef::Id(id),
        }
    }

    fn from_server_form(r: ServerRef) -> Self {
        match r {
            ServerRef::Uuid(u) => ToolRef::Uuid(u),
            ServerRef::Id(id) => ToolRef::Id(id),
        }
    }
}

impl From<Uuid> for ToolRef {
    fn from(u: Uuid) -> Self {
        ToolRef::Uuid(u)
    }
}

impl From<u64> for ToolRef {
    fn from(id: u64) -> Self {
        ToolRef::Id(id)
    }
}

impl From<&Tool> for ToolRef {
    /// The tool's UUID where it has one, else its numeric id.
    fn from(t: &Tool) -> Self {
        t.uuid.map_or(ToolRef::Id(t.id.0), ToolRef::Uuid)
    }
}

impl FromStr for ToolRef {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse()
            .map(ToolRef::from_server_form)
            .map_err(|e| match e {
                Error::InvalidInput { reason, .. } => Error::invalid("tool", reason),
                other => other,
            })
    }
}

impl TryFrom<&str> for ToolRef {
    type Error = Error;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for ToolRef {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl fmt::Display for ToolRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_server_form(), f)
    }
}

impl Serialize for ToolRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_server_form().serialize(s)
    }
}

impl<'de> Deserialize<'de> for ToolRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ServerRef::deserialize(d).map(ToolRef::from_server_form)
    }
}

/// `Ok` when `tool` is the one asked for (none for a create or a list), on the server
/// asked for.
fn expect_tool(server: ServerRef, asked: Option<ToolRef>, tool: &Tool) -> Result<(), String> {
    let ids = ItemIds {
        id: tool.id.0,
        uuid: tool.uuid,
        server_id: tool.server_id.map(|s| s.0),
        server_uuid: tool.server_uuid,
    };
    expect_item("tool", server, asked.map(ToolRef::as_server_form), ids)
}

/// What a server's tool list asks for besides paging: the server, and a status filter.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolsQuery {
    server: ServerRef,
    refused: Refused,
    status: Option<ToolStatus>,
}

/// `GET /servers/{server_id}/tools`, in the server's `sort_order`: see [`List`] for
/// paging (the site's default is 50 a page).
pub type ListTools = List<ToolsQuery>;

impl List<ToolsQuery> {
    /// Only tools with this status.
    pub fn status(self, status: ToolStatus) -> Self {
        self.set_status(Some(status))
    }

    /// The status filter, or `None` for every tool.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let list = gm.list_tools(3u64).set_status(Some(mcp_admin::getmcp::ToolStatus::Paused));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_status(mut self, status: Option<ToolStatus>) -> Self {
        self.query.status = status;
        self
    }
}

impl Paged for ToolsQuery {}

impl Query for ToolsQuery {
    type Item = Tool;
    type Client = Client;
    const OPERATION: &'static str = ops::GETMCP_LIST_TOOLS.id;

    fn check(&self) -> Result<(), Error> {
        self.refused.check(&ops::GETMCP_LIST_TOOLS)
    }

    async fn fetch(&self, client: &Client, paging: Paging) -> Result<Page<Tool>, Error> {
        let op = client.raw().getmcp_list_tools().server_id(self.server);
        let mut op = with_paging!(op, paging);
        if let Some(status) = &self.status {
            op = op.status(status.clone());
        }
        let check = |item: &_| expect_tool(self.server, None, item);
        paging::fetch(
            client,
            &ops::GETMCP_LIST_TOOLS,
            paging,
            move || op.send(),
            check,
        )
        .await
    }
}

impl Client {
    /// Lists a server's tools in their `sort_order`, a page at a time (50 by default);
    /// see [`List`]. Every tool answered must belong to the server asked for.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Weather");
    /// fake.seed_tool(server, "get_forecast");
    /// fake.seed_tool(server, "get_alerts");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let tools = gm.list_tools(server).all().await?;
    /// let names: Vec<_> = tools.iter().map(|t| t.name.as_str()).collect();
    /// assert_eq!(names, ["get_forecast", "get_alerts"]);
    /// # Ok(()) }
    /// ```
    pub fn list_tools(&self, server: impl IntoId<ServerRef>) -> ListTools {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        List::new(
            self.clone(),
            ToolsQuery {
                server,
                refused,
                status: None,
            },
        )
    }

    /// Reads one tool of a server.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Weather");
    /// let (_, tool) = fake.seed_tool(server, "get_forecast");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// assert_eq!(gm.get_tool(server, tool).await?.name, "get_forecast");
    /// # Ok(()) }
    /// ```
    pub async fn get_tool(
        &self,
        server: impl IntoId<ServerRef>,
        tool: impl IntoId<ToolRef>,
    ) -> Result<Tool, Error> {
        const OP: &ops::Operation = &ops::GETMCP_GET_TOOL;
        let (server, tool) = (id::take(server, "server", OP)?, id::take(tool, "tool", OP)?);
        let op = self.raw().getmcp_get_tool().server_id(server).id(tool);
        shared::call(self, &ops::GETMCP_GET_TOOL, move || op.send())
            .await?
            .checked(&ops::GETMCP_GET_TOOL, |t| {
                expect_tool(server, Some(tool), t)
            })
    }

    /// Starts creating a tool named `name` on a server; see [`CreateTool`] for every
    /// field.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp::{self, HttpMethod, ParameterMapping, ParameterTarget}, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Weather");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let tool = gm
    ///     .create_tool(server, "get_forecast")
    ///     .endpoint_url("https://api.example.com/forecast/{city}")
    ///     .http_method(HttpMethod::Get)
    ///     .input_schema(serde_json::json!({"type": "object", "properties": {"city": {"type": "string"}}}))
    ///     .parameter("city", ParameterMapping::new(ParameterTarget::Path))
    ///     .header("X-Api-Key", "SECRET")
    ///     .retry_count(2)
    ///     .send()
    ///     .await?;
    /// assert_eq!(tool.server_id, Some(server.into()));
    /// assert_eq!(fake.server(server).unwrap()["tool_count"], 1);
    /// # Ok(()) }
    /// ```
    pub fn create_tool(
        &self,
        server: impl IntoId<ServerRef>,
        name: impl Into<String>,
    ) -> CreateTool {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        CreateTool::new(self.clone(), server, refused, name.into())
    }

    /// Starts a partial update of a tool: only the fields you set are sent.
    ///
    /// ```no_run
    /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let tool = gm.update_tool(3u64, 5u64).timeout(15).retry_count(2).send().await?;
    /// assert_eq!(tool.timeout, Some(15));
    /// # Ok(()) }
    /// ```
    pub fn update_tool(
        &self,
        server: impl IntoId<ServerRef>,
        tool: impl IntoId<ToolRef>,
    ) -> UpdateTool {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        let tool = refused.keep(tool, "tool", ToolRef::Id(0));
        UpdateTool::new(self.clone(), server, refused, tool)
    }

    /// Deletes a tool of a server (inferred: no vendor page documents this route; its
    /// path follows the tool's get and update, and any 2xx is taken as success).
    /// Deleting it again is presumably a 404 ([`Error::is_not_found`]).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Weather");
    /// let (tool, _) = fake.seed_tool(server, "get_forecast");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// gm.delete_tool(server, tool).await?;
    /// assert!(gm.delete_tool(server, tool).await.is_err_and(|e| e.is_not_found()));
    /// # Ok(()) }
    /// ```
    pub async fn delete_tool(
        &self,
        server: impl IntoId<ServerRef>,
        tool: impl IntoId<ToolRef>,
    ) -> Result<(), Error> {
        const OP: &ops::Operation = &ops::GETMCP_DELETE_TOOL;
        let (server, tool) = (id::take(server, "server", OP)?, id::take(tool, "tool", OP)?);
        let op = self.raw().getmcp_delete_tool().server_id(server).id(tool);
        shared::call(self, &ops::GETMCP_DELETE_TOOL, move || op.send())
            .await
            .map(drop)
    }
}
