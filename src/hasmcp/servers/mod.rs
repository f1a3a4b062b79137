//! HasMCP servers: the model, its attachments, and the requests that read and write it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    error::Platform,
    hasmcp::{check_id, Client, Prompt, Provider, ProviderId, Resource, ServerId, ToolId},
    id::{self, IntoId, Refused},
    paging::List,
    transport::{
        self,
        ops::{self, Operation},
    },
    wire::{null_as_default, object_model, timestamp},
    Error,
};

mod create;
mod transfer;
mod update;

pub use create::{CreateServer, CreateServerBody, CreateServerFields};
pub use transfer::ServerExport;
pub use update::{UpdateServer, UpdateServerBody, UpdateServerFields};

/// The operation id of the PATCH, also named by the conflicts an update reports.
const OP: &Operation = &ops::HASMCP_UPDATE_SERVER;

object_model! {
    /// A HasMCP MCP server.
    ///
    /// Decodes both response flavours: the hosted service's full form (`description`,
    /// full providers) and the open-source edition's (`instructions`, providers as
    /// `{id, tools:[{id}]}`, empty fields omitted).
    ///
    /// `#[non_exhaustive]`, so a field the service adds arrives in a minor release; to
    /// build one outside this crate, decode it:
    ///
    /// ```
    /// use mcp_admin::hasmcp::Server;
    ///
    /// let s: Server = serde_json::from_value(serde_json::json!({"id": "ASuB9Gf6aD4"})).unwrap();
    /// assert_eq!((s.id.as_str(), s.version), ("ASuB9Gf6aD4", None));
    /// ```
    ///
    /// A struct literal, even one naming every field, is refused:
    ///
    /// ```compile_fail,E0639
    /// use mcp_admin::hasmcp::{Server, ServerId};
    ///
    /// let s = Server {
    ///     id: ServerId::new("ASuB9Gf6aD4").unwrap(),
    ///     created_at: None,
    ///     updated_at: None,
    ///     name: String::new(),
    ///     description: None,
    ///     instructions: None,
    ///     request_headers_proxy_enabled: false,
    ///     dynamic_tool_discovery_enabled: None,
    ///     version: None,
    ///     git_provider: None,
    ///     git_repo_full_name: None,
    ///     providers: Vec::new(),
    ///     resources: Vec::new(),
    ///     prompts: Vec::new(),
    /// };
    /// ```
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct Server {
        /// The server id.
        pub id: ServerId,
        /// Creation time.
        #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
        pub created_at: Option<DateTime<Utc>>,
        /// Last update.
        #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
        pub updated_at: Option<DateTime<Utc>>,
        /// Name (1–16 of `[A-Za-z0-9]`); omitted by the server when empty.
        #[serde(
            default,
            deserialize_with = "null_as_default",
            skip_serializing_if = "String::is_empty"
        )]
        pub name: String,
        /// The server text as the hosted service reports it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<String>,
        /// The server text as the open-source edition reports it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub instructions: Option<String>,
        /// Whether request headers are proxied to providers.
        #[serde(default, deserialize_with = "null_as_default")]
        pub request_headers_proxy_enabled: bool,
        /// Dynamic tool discovery (hosted service).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub dynamic_tool_discovery_enabled: Option<bool>,
        /// Optimistic-concurrency version; each successful update adds 1.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub version: Option<i64>,
        /// Git provider (hosted service).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub git_provider: Option<String>,
        /// Git repository (hosted service).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub git_repo_full_name: Option<String>,
        /// Attached providers and, inside each, the attached tools.
        #[serde(
            default,
            deserialize_with = "null_as_default",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub providers: Vec<Provider>,
        /// Attached resources.
        #[serde(
            default,
            deserialize_with = "null_as_default",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub resources: Vec<Resource>,
        /// Attached prompts.
        #[serde(
            default,
            deserialize_with = "null_as_default",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub prompts: Vec<Prompt>,
    }
}

object_model! {
    /// `{"server": …}`: how HasMCP wraps every server it returns. Public for the raw client.
    #[non_exhaustive]
    pub struct ServerEnvelope {
        /// The server.
        pub server: Server,
    }
}

impl Server {
    /// The server's instructions under whichever name the server used
    /// (`instructions`, else `description`), or `""`.
    pub fn instructions_text(&self) -> &str {
        self.instructions
            .as_deref()
            .or(self.description.as_deref())
            .unwrap_or("")
    }
}

/// A provider attachment: the provider id and the ids of its tools to attach.
///
/// The provider is named as every id parameter is ([`IntoId`]: a [`ProviderId`], a
/// `&Provider`, or text), its tools as [`ToolId`]s, `&Tool`s or text; text that is not
/// an id is refused when the update is sent (nothing is sent).
///
/// ```
/// use mcp_admin::hasmcp::ProviderRef;
/// let p = ProviderRef::new("ASuB9Gf6aD4").tools(["ASuB9Gf6aD5", "ASuB9Gf6aD6"]);
/// assert_eq!(
///     serde_json::to_string(&p).unwrap(),
///     r#"{"id":"ASuB9Gf6aD4","tools":[{"id":"ASuB9Gf6aD5"},{"id":"ASuB9Gf6aD6"}]}"#
/// );
/// ```
///
/// An id of another kind does not compile:
///
/// ```compile_fail
/// # fn demo(tool: mcp_admin::hasmcp::Tool) {
/// let p = mcp_admin::hasmcp::ProviderRef::new(&tool.id); // a ToolId is not a provider id
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderRef {
    /// Provider id.
    pub id: String,
    /// Tools to attach, by id.
    #[serde(default)]
    pub tools: Vec<IdRef>,
    /// Text given for an id that is not one: reported when the update is sent.
    #[serde(skip)]
    refused: Refused,
}

impl ProviderRef {
    /// A provider with no tools attached; add them with [`ProviderRef::tools`].
    pub fn new(id: impl IntoId<ProviderId>) -> Self {
        let mut refused = Refused::default();
        let id = refused
            .keep_all([id], "providers")
            .first()
            .map(ProviderId::to_string)
            .unwrap_or_default();
        ProviderRef {
            id,
            tools: Vec::new(),
            refused,
        }
    }

    /// The tools to attach (replacing any set before).
    pub fn tools<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<ToolId>,
    {
        self.tools = self
            .refused
            .keep_all(ids, "providers.tools")
            .iter()
            .map(|t| IdRef::new(t.as_str()))
            .collect();
        self
    }

    /// Checks the provider id and every tool id.
    pub(super) fn validate(&self) -> Result<(), crate::Error> {
        self.refused.check_unstamped()?;
        check_id("providers", &self.id)?;
        if self.tools.is_empty() {
            // The service keeps a provider only through its tools: one without any is
            // dropped from the server, and the PATCH still answers 200.
            return Err(crate::Error::invalid(
                "providers",
                format!(
                    "provider {} has no tools: HasMCP drops a provider without tools, so it \
                     would silently not be attached; give it at least one tool",
                    self.id
                ),
            ));
        }
        self.tools
            .iter()
            .try_for_each(|t| check_id("providers.tools", &t.id))
    }
}

impl From<&Provider> for ProviderRef {
    /// The attachment a server currently has: the provider and its attached tools.
    fn from(p: &Provider) -> Self {
        ProviderRef {
            id: p.id.to_string(),
            tools: p.tools.iter().map(|t| IdRef::new(t.id.as_str())).collect(),
            refused: Refused::default(),
        }
    }
}

/// `{"id": …}`: a resource, prompt or tool attachment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IdRef {
    /// The id.
    pub id: String,
}

impl IdRef {
    /// An attachment by id (checked when the update is sent).
    pub fn new(id: impl Into<String>) -> Self {
        IdRef { id: id.into() }
    }
}

impl Client {
    /// Reads one server. An id that is not 11 characters `[A-Za-z0-9]` is refused
    /// before any request; an answer about another server than the one asked for is an
    /// [`Error::Decode`], never data.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let server = hm.get_server("ASuB9Gf6aD4").await?;
    /// for p in &server.providers {
    ///     println!("provider {} with {} tools", p.id, p.tools.len());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn get_server(&self, id: impl IntoId<ServerId>) -> Result<Server, Error> {
        let id = id::take(id, "id", &ops::HASMCP_GET_SERVER)?;
        Ok(self.fetch(&id, |_| Ok(())).await?.0)
    }

    /// Starts an update of server `id`: a partial update, even though the server
    /// replaces what a PATCH omits (see [`UpdateServer`]). The id is checked here once;
    /// a bad one is reported by every body method and `send`.
    pub fn update_server(&self, id: impl IntoId<ServerId>) -> UpdateServer {
        UpdateServer::new(self.clone(), id::keep(id))
    }

    /// Lists every server (`GET /api/v1/servers`). The open-source edition answers `{}`
    /// when there is none, which reads as an empty list; it has no paging, filtering or
    /// ordering, and its list items carry the attached providers and tools but **never
    /// resources or prompts**: read one server with [`Client::get_server`] for those.
    /// Confidence: code and spec.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// assert!(hm.list_servers().all().await?.is_empty());
    /// fake.seed_server("GitHubTools", "");
    /// assert_eq!(hm.list_servers().all().await?[0].name, "GitHubTools");
    /// # Ok(()) }
    /// ```
    pub fn list_servers(&self) -> ListServers {
        List::new(self.clone(), ServersQuery {})
    }

    /// The whole list, one request.
    async fn all_servers(&self) -> Result<Vec<Server>, Error> {
        let raw = self.raw();
        let op = raw.hasmcp_list_servers();
        Ok(
            transport::call(raw, &ops::HASMCP_LIST_SERVERS, move || op.send())
                .await?
                .servers,
        )
    }

    /// Starts creating a server named `name` (1–16 characters `[A-Za-z0-9]`, checked
    /// when sent); see [`CreateServer`] for the other fields.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let server = hm.create_server("GitHubTools").instructions("Use these tools").send().await?;
    /// assert_eq!(server.version, Some(1));
    /// # Ok(()) }
    /// ```
    pub fn create_server(&self, name: impl Into<String>) -> CreateServer {
        CreateServer::new(self.clone(), name.into())
    }

    /// Deletes a server and its links (`DELETE /api/v1/servers/{id}`). The open-source
    /// edition answers 204 whether or not the server existed, so a second delete also
    /// succeeds. Confidence: code and spec.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let id = fake.seed_server("GitHubTools", "");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// hm.delete_server(&id).await?;
    /// hm.delete_server(&id).await?; // gone already: still Ok
    /// assert!(hm.get_server(&id).await.unwrap_err().is_not_found());
    /// # Ok(()) }
    /// ```
    pub async fn delete_server(&self, id: impl IntoId<ServerId>) -> Result<(), Error> {
        let id = id::take(id, "id", &ops::HASMCP_DELETE_SERVER)?;
        let raw = self.raw();
        let op = raw.hasmcp_delete_server().id(id);
        transport::call(raw, &ops::HASMCP_DELETE_SERVER, move || op.send()).await
    }

    /// `GET /api/v1/servers/{id}`: the one read of a server, for `get_server` and for
    /// every round of an update. A server with another id than `id` is refused; then
    /// `accept` checks what was read: its refusal is this read's [`Error::Decode`].
    pub(in crate::hasmcp) async fn fetch<T>(
        &self,
        id: &ServerId,
        accept: impl FnOnce(&Server) -> Result<T, String>,
    ) -> Result<(Server, T), Error> {
        const READ: &Operation = &ops::HASMCP_GET_SERVER;
        let raw = self.raw();
        let op = raw.hasmcp_get_server().id(id.clone());
        let server = transport::call(raw, READ, move || op.send()).await?.server;
        check_answer_id(READ, 200, "id", id.as_str(), Some(server.id.as_str()))?;
        match accept(&server) {
            Ok(accepted) => Ok((server, accepted)),
            Err(reason) => Err(wrong_answer(READ, 200, reason)),
        }
    }

    /// `PATCH /api/v1/servers/{id}` with `body`; an answer about another server is an
    /// [`Error::Decode`] (the PATCH went to `id`, so it may have been applied).
    async fn patch(&self, id: &ServerId, body: UpdateServerBody) -> Result<Server, Error> {
        let raw = self.raw();
        let op = raw.hasmcp_update_server().id(id.clone()).body(body);
        let server = transport::call(raw, OP, move || op.send()).await?.server;
        check_answer_id(OP, 200, "id", id.as_str(), Some(server.id.as_str()))?;
        Ok(server)
    }
}

/// The error of a success answer that is not about what was asked, or not usable.
pub(in crate::hasmcp) fn wrong_answer(op: &Operation, status: u16, reason: String) -> Error {
    Error::Decode {
        platform: Platform::HasMcp,
        operation: op.id,
        status,
        reason,
        body: String::new(),
        step: None,
    }
}

/// Checks that the `field` id an answer carries, if any, is the one `asked` for: an
/// answer about another resource is an error, never data.
pub(in crate::hasmcp) fn check_answer_id(
    op: &Operation,
    status: u16,
    field: &str,
    asked: &str,
    answered: Option<&str>,
) -> Result<(), Error> {
    match answered {
        Some(answered) if answered != asked => Err(wrong_answer(
            op,
            status,
            format!(
                "asked about {asked}, the answer's {field} is {answered}{}",
                crate::hasmcp::ids::range_note(asked)
            ),
        )),
        _ => Ok(()),
    }
}

whole_list! {
    /// What [`Client::list_servers`] asks for: every server, all of them (HasMCP does not page).
    ServersQuery {} => Server, HASMCP_LIST_SERVERS, |client, _query| client.all_servers().await
}

/// The list [`Client::list_servers`] returns.
pub type ListServers = List<ServersQuery>;

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::{Server, ServerEnvelope};

    #[test]
    fn a_json_array_is_never_a_server() {
        for text in ["[\"ASuB9Gf6aD4\"]", "[]"] {
            let mut d = serde_json::Deserializer::from_str(text);
            assert!(Server::deserialize(&mut d).is_err(), "{text}");
            let mut d = serde_json::Deserializer::from_str(text);
            assert!(ServerEnvelope::deserialize(&mut d).is_err(), "{text}");
        }
        let mut d = serde_json::Deserializer::from_str(r#"{"server":{"id":"ASuB9Gf6aD4"}}"#);
        let envelope = ServerEnvelope::deserialize(&mut d).unwrap();
        assert_eq!(envelope.server.id.as_str(), "ASuB9Gf6aD4");
    }
}
