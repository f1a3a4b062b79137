//! A provider's tools: each one an upstream endpoint (method and path) exposed to MCP
//! clients as a tool, and what servers attach.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    hasmcp::{
        catalog::{self, option_setters},
        Client, InvalidId, ProviderId, SecretValue, ToolId,
    },
    id::{self, IntoId},
    paging::List,
    transport::{self, ops},
    wire::{null_as_default, object_model, wire_enum},
    Error, Patch, Redacted,
};

wire_enum! {
    /// The HTTP method a tool calls.
    pub enum ToolMethod {
        /// `GET`
        Get = "GET",
        /// `HEAD`
        Head = "HEAD",
        /// `POST`
        Post = "POST",
        /// `PUT`
        Put = "PUT",
        /// `PATCH`
        Patch = "PATCH",
        /// `DELETE`
        Delete = "DELETE",
        /// `CONNECT`
        Connect = "CONNECT",
        /// `OPTIONS`
        Options = "OPTIONS",
        /// `TRACE`
        Trace = "TRACE",
    }
}

/// A tool of a provider: one upstream endpoint. A server's answer carries only the
/// attached tools' ids; the provider's own routes carry every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Tool {
    /// Tool id.
    pub id: ToolId,
    /// Owning provider (inside a server's answer the open-source edition reports
    /// `00000000000`).
    #[serde(
        default,
        rename = "providerID",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider_id: Option<ProviderId>,
    /// HTTP method (fixed at creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<ToolMethod>,
    /// Path template, e.g. `/users/{id}` (fixed at creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// MCP tool name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// MCP tool title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON schema of the path arguments, kept as sent.
    #[serde(
        default,
        rename = "pathArgsJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub path_args_json_schema: Option<Value>,
    /// JSON schema of the query arguments, kept as sent.
    #[serde(
        default,
        rename = "queryArgsJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub query_args_json_schema: Option<Value>,
    /// JSON schema of the request body, kept as sent.
    #[serde(
        default,
        rename = "reqBodyJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub req_body_json_schema: Option<Value>,
    /// JSON schema of the response body, kept as sent (open-source edition (code)).
    #[serde(
        default,
        rename = "resBodyJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub res_body_json_schema: Option<Value>,
    /// Headers sent upstream; their values never show in `Debug`.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub headers: Vec<ToolHeader>,
    /// OAuth2 scopes. The open-source edition answers `[""]` for a tool without
    /// scopes; empty scopes are dropped when read.
    #[serde(
        default,
        rename = "oauth2Scopes",
        deserialize_with = "non_empty_scopes",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub oauth2_scopes: Vec<String>,
}

/// Reads a scope list (`null` as none) without its empty entries.
fn non_empty_scopes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let mut scopes: Vec<String> = null_as_default(d)?;
    scopes.retain(|s| !s.is_empty());
    Ok(scopes)
}

/// A header a tool sends upstream. Its value may be a secret, so it is [`Redacted`].
///
/// ```
/// use mcp_admin::hasmcp::ToolHeader;
///
/// let h = ToolHeader::new("Authorization", "Bearer UPSTREAM");
/// assert_eq!(format!("{h:?}"), r#"ToolHeader { key: "Authorization", value: "[redacted]" }"#);
/// assert_eq!(
///     serde_json::to_string(&h).unwrap(),
///     r#"{"key":"Authorization","value":"Bearer UPSTREAM"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolHeader {
    /// Header name.
    #[serde(default)]
    pub key: String,
    /// Header value.
    #[serde(default)]
    pub value: Redacted<String>,
}

impl ToolHeader {
    /// A header `key: value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        ToolHeader {
            key: key.into(),
            value: Redacted::new(value.into()),
        }
    }
}

object_model! {
    /// `{"tool": …}`: how HasMCP wraps a tool it returns. Public for the raw client.
    #[non_exhaustive]
    pub struct ToolEnvelope {
        /// The tool.
        pub tool: Tool,
    }
}

object_model! {
    /// `{"tools": […]}`: a provider's tools; the key is missing when there are none
    /// (code). Public for the raw client.
    #[non_exhaustive]
    pub struct ToolList {
        /// The tools.
        #[serde(
            default,
            deserialize_with = "null_as_default",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub tools: Vec<Tool>,
    }
}

/// The body of `POST /providers/{id}/tools`, inside `{"tool": …}`: the method, the path
/// and the optional fields as an update sends them. Built and checked by
/// [`CreateProviderTool`]; public for the raw client. The provider comes from the path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateProviderToolFields {
    /// `method`
    pub method: ToolMethod,
    /// `path`: 1–128 bytes.
    pub path: String,
    /// Everything else; on create a title or description may be empty.
    #[serde(flatten)]
    pub fields: UpdateProviderToolFields,
}

/// The body of `PATCH /providers/{id}/tools/{toolID}`, inside `{"tool": …}`, and the
/// optional part of [`CreateProviderToolFields`]: only the fields set are sent. Built and checked by
/// [`UpdateProviderTool`]; public for the raw client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateProviderToolFields {
    /// `name`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `title`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `description`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `pathArgsJSONSchema`
    #[serde(
        default,
        rename = "pathArgsJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub path_args_json_schema: Option<Value>,
    /// `queryArgsJSONSchema`
    #[serde(
        default,
        rename = "queryArgsJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub query_args_json_schema: Option<Value>,
    /// `reqBodyJSONSchema`
    #[serde(
        default,
        rename = "reqBodyJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub req_body_json_schema: Option<Value>,
    /// `resBodyJSONSchema`
    #[serde(
        default,
        rename = "resBodyJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub res_body_json_schema: Option<Value>,
    /// `headers`: replaces the stored list (`[]` empties it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<Vec<ToolHeader>>,
    /// `oauth2Scopes`
    #[serde(
        default,
        rename = "oauth2Scopes",
        skip_serializing_if = "Option::is_none"
    )]
    pub oauth2_scopes: Option<Vec<String>>,
}

/// Checks a tool name: `^[a-z][a-zA-Z0-9]{0,19}$`.
fn check_name(name: &str) -> Result<(), Error> {
    catalog::name(
        "name",
        name,
        "^[a-z][a-zA-Z0-9]{0,19}$",
        20,
        |b| b.is_ascii_lowercase(),
        |b| b.is_ascii_alphanumeric(),
    )
}

/// The checks create and update share: the name pattern, no `null` schema (the
/// service would store it or fail to compile it), and scopes that survive being stored
/// joined by commas (non-empty, no comma).
fn check_fields(f: &UpdateProviderToolFields) -> Result<(), Error> {
    if let Some(name) = &f.name {
        check_name(name)?;
    }
    // The service sends them upstream as they are: a CR or LF would split the request.
    for header in f.headers.iter().flatten() {
        transport::check_header(&header.key, header.value.expose())?;
    }
    for (field, schema) in [
        ("pathArgsJSONSchema", &f.path_args_json_schema),
        ("queryArgsJSONSchema", &f.query_args_json_schema),
        ("reqBodyJSONSchema", &f.req_body_json_schema),
        ("resBodyJSONSchema", &f.res_body_json_schema),
    ] {
        if let Some(schema) = schema {
            catalog::json(field, schema)?;
        }
    }
    let scopes = f.oauth2_scopes.as_deref().unwrap_or_default();
    match scopes.iter().find(|s| s.is_empty() || s.contains(',')) {
        Some(bad) => Err(Error::invalid(
            "oauth2Scopes",
            format!("{bad:?}: a scope must be non-empty and hold no comma"),
        )),
        None => Ok(()),
    }
}

/// The answer is about the tool asked for (when one was) and belongs to the provider
/// asked for. A provider id of `00000000000` or none is "not reported", not another
/// provider.
fn check_tool(
    operation: &'static ops::Operation,
    status: u16,
    provider: &ProviderId,
    asked: Option<&ToolId>,
    tool: &Tool,
) -> Result<(), Error> {
    if let Some(asked) = asked {
        catalog::same_id(operation, status, "tool", asked.as_str(), tool.id.as_str())?;
    }
    match tool.provider_id.as_ref().map(ProviderId::as_str) {
        None | Some("00000000000") => Ok(()),
        Some(owner) => catalog::same_id(operation, status, "provider", provider.as_str(), owner),
    }
}

/// The generated setters of the optional fields both tool builders share.
macro_rules! tool_setters {
    ($target:ident) => {
        option_setters! { $target;
            /// The MCP tool name: `^[a-z][a-zA-Z0-9]{0,19}$`.
            name, set_name: String;
            /// The MCP tool title: at most 64 bytes.
            title, set_title: String;
            /// The description: at most 4096 bytes.
            description, set_description: String;
            /// The JSON schema of the path arguments, sent as given (the service
            /// compiles it and refuses one that does not).
            path_args_json_schema, set_path_args_json_schema: Value;
            /// The JSON schema of the query arguments, sent as given.
            query_args_json_schema, set_query_args_json_schema: Value;
            /// The JSON schema of the request body, sent as given.
            req_body_json_schema, set_req_body_json_schema: Value;
            /// The JSON schema of the response body, sent as given (open-source edition).
            res_body_json_schema, set_res_body_json_schema: Value;
        }

        /// The OAuth2 scopes the tool needs (each non-empty, without commas).
        pub fn oauth2_scopes<I, S>(self, scopes: I) -> Self
        where
            I: IntoIterator<Item = S>,
            S: Into<String>,
        {
            self.set_oauth2_scopes(Some(scopes.into_iter().map(Into::into).collect()))
        }

        /// Sets or unsets the scopes in one call; `None` sends nothing for them.
        pub fn set_oauth2_scopes(mut self, scopes: Option<Vec<String>>) -> Self {
            self.$target.oauth2_scopes = scopes;
            self
        }
    };
}

/// A new tool of a provider: made by [`Client::create_provider_tool`] with its method
/// and path; the rest is optional.
///
/// ```
/// use mcp_admin::hasmcp::{Client, ToolHeader, ToolMethod};
/// use serde_json::json;
///
/// let hm = Client::builder().token("tok").build()?;
/// let body = hm
///     .create_provider_tool("ASuB9Gf6aD5", ToolMethod::Get, "/v1/customers/search")
///     .name("lookupCustomer")
///     .query_args_json_schema(json!({"type": "object", "required": ["email"]}))
///     .headers([ToolHeader::new("X-Api-Version", "2")])
///     .body()?;
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     json!({
///         "method": "GET", "path": "/v1/customers/search", "name": "lookupCustomer",
///         "queryArgsJSONSchema": {"type": "object", "required": ["email"]},
///         "headers": [{"key": "X-Api-Version", "value": "2"}]
///     })
/// );
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[must_use = "a create does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct CreateProviderTool {
    client: Client,
    provider: Result<ProviderId, InvalidId>,
    method: ToolMethod,
    path: String,
    fields: UpdateProviderToolFields,
}

impl CreateProviderTool {
    tool_setters!(fields);

    /// The headers the tool sends upstream.
    pub fn headers(self, headers: impl IntoIterator<Item = ToolHeader>) -> Self {
        self.set_headers(Some(headers.into_iter().collect()))
    }

    /// Sets or unsets the headers in one call; `None` sends none.
    pub fn set_headers(mut self, headers: Option<Vec<ToolHeader>>) -> Self {
        self.fields.headers = headers;
        self
    }

    /// The body this create sends, after checking the provider id and every input; no
    /// I/O.
    pub fn body(&self) -> Result<CreateProviderToolFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(&ops::HASMCP_CREATE_PROVIDER_TOOL))
    }

    fn checked_body(&self) -> Result<CreateProviderToolFields, Error> {
        self.provider
            .clone()
            .map_err(|e| e.for_field("provider_id"))?;
        catalog::text("path", &self.path, 128)?;
        let f = &self.fields;
        catalog::at_most("title", f.title.as_deref().unwrap_or(""), 64)?;
        catalog::at_most("description", f.description.as_deref().unwrap_or(""), 4096)?;
        check_fields(f)?;
        Ok(CreateProviderToolFields {
            method: self.method.clone(),
            path: self.path.clone(),
            fields: f.clone(),
        })
    }

    /// Checks the inputs, sends `POST /api/v1/providers/{id}/tools`, and returns the new
    /// tool; the provider's `version` goes up by 1.
    ///
    /// Confidence: code and spec. The open-source edition answers a second tool with the
    /// same method and path on one provider with **500** (a unique index), and a schema
    /// that does not compile with 400.
    pub async fn send(self) -> Result<Tool, Error> {
        self.send_unstamped()
            .await
            .map_err(|e| e.at(&ops::HASMCP_CREATE_PROVIDER_TOOL))
    }

    async fn send_unstamped(self) -> Result<Tool, Error> {
        const OP: &ops::Operation = &ops::HASMCP_CREATE_PROVIDER_TOOL;
        let tool = self.body()?;
        let provider = self.provider.map_err(|e| e.for_field("provider_id"))?;
        let raw = self.client.raw();
        let body = crate::raw::types::HasmcpCreateProviderToolRequest { tool };
        let op = raw
            .hasmcp_create_provider_tool()
            .id(provider.clone())
            .body(body);
        let tool = transport::call(raw, OP, move || op.send()).await?.tool;
        check_tool(OP, 201, &provider, None, &tool)?;
        Ok(tool)
    }
}

/// A partial update of one tool: [`Client::update_provider_tool`].
///
/// Only non-empty fields are applied, so nothing but the headers can be cleared; an
/// empty text is refused here. `method` and `path` are fixed at creation and have no
/// setter.
///
/// # Headers: why [`send`](Self::send) reads first
///
/// The open-source edition replaces a tool's headers on **every** update with the list
/// it is sent, and a body without `headers` empties them (code). So when you do not set
/// headers, `send()` reads the tool and sends its current headers along; what you did
/// not touch survives. [`send_exact`](Self::send_exact) sends only what you set.
///
/// # Updates the open-source edition refuses
///
/// An update whose only fields are `name`, `headers` and/or `oauth2Scopes` answers 400
/// `no changes provided for provider tool update` there, although it is valid: those
/// fields do not count as changes. Send one more field with them (the current
/// description, say).
///
/// ```
/// use mcp_admin::hasmcp::Client;
///
/// let hm = Client::builder().token("tok").build()?;
/// let body = hm
///     .update_provider_tool("ASuB9Gf6aD5", "ASuB9Gf6aD6")
///     .title("Lookup Customer")
///     .description("Finds one customer by email address.")
///     .body()?;
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     serde_json::json!({"title": "Lookup Customer", "description": "Finds one customer by email address."})
/// );
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdateProviderTool {
    client: Client,
    provider: Result<ProviderId, InvalidId>,
    tool: Result<ToolId, InvalidId>,
    changes: UpdateProviderToolFields,
    headers: Patch<Vec<ToolHeader>>,
}

impl UpdateProviderTool {
    tool_setters!(changes);

    /// Replaces the headers with these (at least one; see
    /// [`clear_headers`](Self::clear_headers)).
    pub fn headers(self, headers: impl IntoIterator<Item = ToolHeader>) -> Self {
        self.set_headers(Patch::Set(headers.into_iter().collect()))
    }

    /// Removes every header: sends `"headers": []`, which the service applies
    /// (code); the one field of a tool that can be emptied.
    pub fn clear_headers(self) -> Self {
        self.set_headers(Patch::Clear)
    }

    /// Sets, clears or keeps the headers in one call.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("tok").build()?;
    /// use mcp_admin::Patch;
    /// let body = hm
    ///     .update_provider_tool("ASuB9Gf6aD5", "ASuB9Gf6aD6")
    ///     .description("Finds a customer.")
    ///     .set_headers(Patch::Clear)
    ///     .body()?;
    /// assert_eq!(body.headers, Some(vec![]));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_headers(mut self, headers: Patch<Vec<ToolHeader>>) -> Self {
        self.headers = headers;
        self
    }

    /// The body [`send_exact`](Self::send_exact) sends (and `send` extends with the
    /// current headers), after checking the ids and every input; no I/O.
    pub fn body(&self) -> Result<UpdateProviderToolFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(&ops::HASMCP_UPDATE_PROVIDER_TOOL))
    }

    fn checked_body(&self) -> Result<UpdateProviderToolFields, Error> {
        self.provider
            .clone()
            .map_err(|e| e.for_field("provider_id"))?;
        self.tool.clone().map_err(|e| e.for_field("tool_id"))?;
        let mut body = self.changes.clone();
        body.headers = match &self.headers {
            Patch::Keep => None,
            Patch::Clear => Some(Vec::new()),
            Patch::Set(list) if list.is_empty() => {
                return Err(Error::invalid(
                    "headers",
                    "an empty list: call clear_headers() to remove every header",
                ))
            }
            Patch::Set(list) => Some(list.clone()),
        };
        if body == UpdateProviderToolFields::default() {
            return Err(Error::invalid(
                "update",
                "nothing to update: set at least one field",
            ));
        }
        if let Some(title) = &body.title {
            catalog::text("title", title, 64)?;
        }
        if let Some(description) = &body.description {
            catalog::text("description", description, 4096)?;
        }
        if body.oauth2_scopes.as_ref().is_some_and(Vec::is_empty) {
            return Err(Error::invalid(
                "oauth2Scopes",
                "an empty list is ignored by the service: scopes cannot be cleared",
            ));
        }
        check_fields(&body)?;
        Ok(body)
    }

    /// Checks the inputs; when headers were not set, reads the tool
    /// (`GET …/tools/{toolID}`) and sends its current headers along (see the type's
    /// docs); then sends the PATCH and returns the tool as updated.
    ///
    /// A header read back as `***` cannot be sent back as its value: the update is then
    /// refused before the PATCH, and you set the headers yourself.
    ///
    /// Confidence: code (the spec agrees on the route and the 200 answer). On the
    /// open-source edition an unknown tool answers **500** (`record not found`), which
    /// [`Error::is_not_found`] still reports as not found.
    pub async fn send(self) -> Result<Tool, Error> {
        self.send_unstamped()
            .await
            .map_err(|e| e.at(&ops::HASMCP_UPDATE_PROVIDER_TOOL))
    }

    async fn send_unstamped(self) -> Result<Tool, Error> {
        let mut body = self.body()?;
        let (provider, tool) = self.ids()?;
        if self.headers.is_keep() {
            let current = self.client.get_provider_tool(&provider, &tool).await?;
            if current
                .headers
                .iter()
                .any(|h| h.value.expose() == SecretValue::MASK)
            {
                return Err(Error::invalid(
                    "headers",
                    "the tool's headers were read back masked (`***`); set them with headers(..)",
                ));
            }
            body.headers = Some(current.headers).filter(|h| !h.is_empty());
        }
        self.patch(&provider, &tool, body).await
    }

    /// Checks the inputs and sends exactly the fields set, with no read: on the
    /// open-source edition, a tool's headers are emptied unless you set them.
    pub async fn send_exact(self) -> Result<Tool, Error> {
        self.send_exact_unstamped()
            .await
            .map_err(|e| e.at(&ops::HASMCP_UPDATE_PROVIDER_TOOL))
    }

    async fn send_exact_unstamped(self) -> Result<Tool, Error> {
        let body = self.body()?;
        let (provider, tool) = self.ids()?;
        self.patch(&provider, &tool, body).await
    }

    fn ids(&self) -> Result<(ProviderId, ToolId), Error> {
        let provider = self
            .provider
            .clone()
            .map_err(|e| e.for_field("provider_id"))?;
        let tool = self.tool.clone().map_err(|e| e.for_field("tool_id"))?;
        Ok((provider, tool))
    }

    /// `PATCH /api/v1/providers/{id}/tools/{toolID}` with `tool`.
    async fn patch(
        &self,
        provider: &ProviderId,
        id: &ToolId,
        tool: UpdateProviderToolFields,
    ) -> Result<Tool, Error> {
        const OP: &ops::Operation = &ops::HASMCP_UPDATE_PROVIDER_TOOL;
        let raw = self.client.raw();
        let body = crate::raw::types::HasmcpUpdateProviderToolRequest { tool };
        let op = raw
            .hasmcp_update_provider_tool()
            .id(provider.clone())
            .tool_id(id.clone())
            .body(body);
        let tool = transport::call(raw, OP, move || op.send()).await?.tool;
        check_tool(OP, 200, provider, Some(id), &tool)?;
        Ok(tool)
    }
}

impl Client {
    /// Lists a provider's tools (`GET /api/v1/providers/{id}/tools`).
    ///
    /// Confidence: code and spec. The open-source edition answers `{}` both for a
    /// provider without tools and for an unknown provider: an empty list does not mean
    /// the provider exists. A tool of another provider in the answer is an error.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// for tool in hm.list_provider_tools("ASuB9Gf6aD5").all().await? {
    ///     println!("{} {:?}", tool.id, tool.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_provider_tools(&self, provider_id: impl IntoId<ProviderId>) -> ListProviderTools {
        let provider = id::keep(provider_id);
        List::new(self.clone(), ProviderToolsQuery { provider })
    }

    /// A provider's tools, one request.
    async fn all_provider_tools(&self, q: &ProviderToolsQuery) -> Result<Vec<Tool>, Error> {
        const OP: &ops::Operation = &ops::HASMCP_LIST_PROVIDER_TOOLS;
        let provider = q
            .provider
            .clone()
            .map_err(|e| e.for_field("provider_id").at(OP))?;
        let raw = self.raw();
        let op = raw.hasmcp_list_provider_tools().id(provider.clone());
        let tools = transport::call(raw, OP, move || op.send()).await?.tools;
        tools
            .iter()
            .try_for_each(|t| check_tool(OP, 200, &provider, None, t))?;
        Ok(tools)
    }

    /// Reads one tool (`GET /api/v1/providers/{id}/tools/{toolID}`).
    ///
    /// Confidence: code and spec. The open-source edition ignores the provider in the
    /// path; this method checks that the tool answered belongs to `provider_id`. An
    /// unknown tool answers **500** `record not found` there, not 404;
    /// [`Error::is_not_found`] reads it as not found all the same.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let tool = hm.get_provider_tool("ASuB9Gf6aD5", "ASuB9Gf6aD6").await?;
    /// println!("{:?} {:?}", tool.method, tool.path);
    /// # Ok(()) }
    /// ```
    pub async fn get_provider_tool(
        &self,
        provider_id: impl IntoId<ProviderId>,
        tool_id: impl IntoId<ToolId>,
    ) -> Result<Tool, Error> {
        const OP: &ops::Operation = &ops::HASMCP_GET_PROVIDER_TOOL;
        let (provider, id) = tool_ids(provider_id, tool_id, OP)?;
        let raw = self.raw();
        let op = raw
            .hasmcp_get_provider_tool()
            .id(provider.clone())
            .tool_id(id.clone());
        let tool = transport::call(raw, OP, move || op.send()).await?.tool;
        check_tool(OP, 200, &provider, Some(&id), &tool)?;
        Ok(tool)
    }

    /// Starts a new tool of provider `provider_id` calling `method path`: the tool's
    /// key, the service's unique index, fixed once created (where another create takes
    /// the item's name). Nothing is sent until [`CreateProviderTool::send`].
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::hasmcp::ToolMethod;
    ///
    /// let tool = hm
    ///     .create_provider_tool("ASuB9Gf6aD5", ToolMethod::Get, "/v1/customers/search")
    ///     .name("lookupCustomer")
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn create_provider_tool(
        &self,
        provider_id: impl IntoId<ProviderId>,
        method: ToolMethod,
        path: impl Into<String>,
    ) -> CreateProviderTool {
        CreateProviderTool {
            client: self.clone(),
            provider: id::keep(provider_id),
            method,
            path: path.into(),
            fields: UpdateProviderToolFields::default(),
        }
    }

    /// Starts a partial update of tool `tool_id` of provider `provider_id` (see
    /// [`UpdateProviderTool`]). The ids are checked here once; a bad one is reported by
    /// `body` and `send`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::hasmcp::{ToolHeader, ToolMethod};
    /// # let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// # let provider = fake.seed_provider("Stripe");
    /// # let hm = mcp_admin::hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let tool = hm
    ///     .create_provider_tool(&provider, ToolMethod::Get, "/v1/customers/search")
    ///     .headers([ToolHeader::new("X-Api-Version", "2")])
    ///     .send()
    ///     .await?;
    /// let tool = hm
    ///     .update_provider_tool(&provider, &tool.id)
    ///     .description("Finds one customer by email address.")
    ///     .send() // reads the tool first and sends its headers along, so they stay
    ///     .await?;
    /// assert_eq!(tool.headers, [ToolHeader::new("X-Api-Version", "2")]);
    /// # Ok(()) }
    /// ```
    pub fn update_provider_tool(
        &self,
        provider_id: impl IntoId<ProviderId>,
        tool_id: impl IntoId<ToolId>,
    ) -> UpdateProviderTool {
        UpdateProviderTool {
            client: self.clone(),
            provider: id::keep(provider_id),
            tool: id::keep(tool_id),
            changes: UpdateProviderToolFields::default(),
            headers: Patch::Keep,
        }
    }

    /// Deletes a tool (`DELETE /api/v1/providers/{id}/tools/{toolID}`) and every
    /// server's link to it; the provider's `version` goes up by 1.
    ///
    /// Confidence: code and spec. The open-source edition answers 204 for an unknown
    /// tool as well.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.delete_provider_tool("ASuB9Gf6aD5", "ASuB9Gf6aD6").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_provider_tool(
        &self,
        provider_id: impl IntoId<ProviderId>,
        tool_id: impl IntoId<ToolId>,
    ) -> Result<(), Error> {
        let (provider, id) = tool_ids(provider_id, tool_id, &ops::HASMCP_DELETE_PROVIDER_TOOL)?;
        let raw = self.raw();
        let op = raw.hasmcp_delete_provider_tool().id(provider).tool_id(id);
        transport::call(raw, &ops::HASMCP_DELETE_PROVIDER_TOOL, move || op.send()).await
    }
}

/// The provider and tool ids, each checked and named by its argument on failure.
fn tool_ids(
    provider: impl IntoId<ProviderId>,
    tool: impl IntoId<ToolId>,
    op: &ops::Operation,
) -> Result<(ProviderId, ToolId), Error> {
    let provider = id::take(provider, "provider_id", op)?;
    let tool = id::take(tool, "tool_id", op)?;
    Ok((provider, tool))
}

whole_list! {
    /// What [`Client::list_provider_tools`] asks for: a provider's tools, all of them.
    ProviderToolsQuery {
        /// The provider, or why the id given is not one.
        provider: Result<ProviderId, InvalidId>,
    } => Tool, HASMCP_LIST_PROVIDER_TOOLS, |client, query| client.all_provider_tools(query).await
}

/// The list [`Client::list_provider_tools`] returns.
pub type ListProviderTools = List<ProviderToolsQuery>;

#[cfg(test)]
mod tests {
    use super::{Tool, ToolList};
    use serde::Deserialize;

    #[test]
    fn the_empty_scope_of_a_tool_without_scopes_is_dropped() {
        for (scopes, expected) in [
            (r#"[""]"#, vec![]),
            ("null", vec![]),
            (r#"["a","","b"]"#, vec!["a", "b"]),
        ] {
            let text = format!(r#"{{"id":"ASuB9Gf6aD6","oauth2Scopes":{scopes}}}"#);
            let tool: Tool = serde_json::from_str(&text).unwrap();
            assert_eq!(tool.oauth2_scopes, expected, "{scopes}");
        }
    }

    #[test]
    fn tool_lists_are_objects_with_an_optional_key() {
        for text in ["{}", r#"{"tools":null}"#] {
            let list: ToolList = serde_json::from_str(text).unwrap();
            assert!(list.tools.is_empty(), "{text}");
        }
        let mut d = serde_json::Deserializer::from_str("[[]]");
        assert!(ToolList::deserialize(&mut d).is_err());
    }
}
