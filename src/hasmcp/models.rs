//! HasMCP server model, ids, enums and the update body.

use std::{fmt, str::FromStr};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::wire::{lenient_time, object_only_serde, wire_enum};

/// A HasMCP id: 11 characters `[A-Za-z0-9]`, e.g. `kSuB9Gf6aD4`.
///
/// Parsing refuses anything else, so a caller's string never reaches the request path
/// unchecked. Ids decoded from responses are taken as sent.
///
/// ```
/// use mcp_admin::hasmcp::ServerId;
///
/// let id: ServerId = "kSuB9Gf6aD4".parse()?;
/// assert_eq!(id.as_str(), "kSuB9Gf6aD4");
/// assert!("short".parse::<ServerId>().unwrap_err().is_invalid_input());
/// assert!("kSuB9Gf6aD/".parse::<ServerId>().is_err());
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ServerId(String);

/// Tools, providers, resources and prompts share the id format.
pub type Id = ServerId;

impl ServerId {
    /// Checks `s` against `^[A-Za-z0-9]{11}$`.
    pub fn new(s: impl Into<String>) -> Result<Self, crate::Error> {
        let s = s.into();
        if s.len() == 11 && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Ok(ServerId(s))
        } else {
            Err(crate::Error::invalid(
                "id",
                format!("{s:?} is not a HasMCP id (11 characters A-Z, a-z, 0-9)"),
            ))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for ServerId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ServerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for ServerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for ServerId {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ServerId::new(s)
    }
}

impl TryFrom<&str> for ServerId {
    type Error = crate::Error;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        ServerId::new(s)
    }
}

impl TryFrom<String> for ServerId {
    type Error = crate::Error;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ServerId::new(s)
    }
}

impl TryFrom<&String> for ServerId {
    type Error = crate::Error;
    fn try_from(s: &String) -> Result<Self, Self::Error> {
        ServerId::new(s.as_str())
    }
}

impl From<&ServerId> for ServerId {
    fn from(id: &ServerId) -> Self {
        id.clone()
    }
}

wire_enum! {
    /// A provider's API type; `REST` is the only supported one.
    pub enum ApiType {
        /// `INVALID`
        Invalid = "INVALID",
        /// `REST`
        Rest = "REST",
    }
}

wire_enum! {
    /// A provider's visibility.
    pub enum VisibilityType {
        /// `INVALID`
        Invalid = "INVALID",
        /// `INTERNAL`
        Internal = "INTERNAL",
        /// `PUBLIC`
        Public = "PUBLIC",
    }
}

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

/// A HasMCP MCP server.
///
/// Decodes both response flavours: the hosted service's full form (`description`,
/// full providers) and the open-source edition's (`instructions`, providers as
/// `{id, tools:[{id}]}`, empty fields omitted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
pub struct Server {
    /// The server id.
    pub id: ServerId,
    /// Creation time.
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update.
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Name (1–16 of `[A-Za-z0-9]`); omitted by the server when empty.
    #[serde(
        default,
        deserialize_with = "crate::wire::null_as_default",
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
    #[serde(default, deserialize_with = "crate::wire::null_as_default")]
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
        deserialize_with = "crate::wire::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub providers: Vec<Provider>,
    /// Attached resources.
    #[serde(
        default,
        deserialize_with = "crate::wire::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub resources: Vec<Resource>,
    /// Attached prompts.
    #[serde(
        default,
        deserialize_with = "crate::wire::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub prompts: Vec<Prompt>,
}

object_only_serde!(Server);

/// `{"server": …}`: how HasMCP wraps every server it returns. Public for the raw client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct ServerEnvelope {
    /// The server.
    pub server: Server,
}

object_only_serde!(ServerEnvelope);

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

/// A provider attached to a server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// Provider id.
    pub id: ServerId,
    /// Creation time.
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update.
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Provider version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// API type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_type: Option<ApiType>,
    /// Visibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility_type: Option<VisibilityType>,
    /// Upstream base URL.
    #[serde(default, rename = "baseURL", skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Documentation URL.
    #[serde(
        default,
        rename = "documentURL",
        skip_serializing_if = "Option::is_none"
    )]
    pub document_url: Option<String>,
    /// Icon URL.
    #[serde(default, rename = "iconURL", skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// Secret prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_prefix: Option<String>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The tools of this provider attached to the server.
    #[serde(
        default,
        deserialize_with = "crate::wire::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tools: Vec<Tool>,
    /// OAuth2 settings; `client_secret` is redacted in `Debug`.
    #[serde(
        default,
        rename = "oauth2Config",
        skip_serializing_if = "Option::is_none"
    )]
    pub oauth2_config: Option<OAuth2Config>,
}

/// A tool of a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tool {
    /// Tool id.
    pub id: ServerId,
    /// Owning provider (the open-source edition may report `00000000000`).
    #[serde(
        default,
        rename = "providerID",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider_id: Option<String>,
    /// HTTP method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<ToolMethod>,
    /// Path template, e.g. `/users/{id}`.
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
    /// JSON schema of the path arguments.
    #[serde(
        default,
        rename = "pathArgsJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub path_args_json_schema: Option<Value>,
    /// JSON schema of the query arguments.
    #[serde(
        default,
        rename = "queryArgsJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub query_args_json_schema: Option<Value>,
    /// JSON schema of the request body.
    #[serde(
        default,
        rename = "reqBodyJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub req_body_json_schema: Option<Value>,
    /// Headers sent upstream; values are redacted in `Debug`.
    #[serde(
        default,
        deserialize_with = "crate::wire::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub headers: Vec<ToolHeader>,
    /// OAuth2 scopes.
    #[serde(
        default,
        rename = "oauth2Scopes",
        deserialize_with = "crate::wire::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub oauth2_scopes: Vec<String>,
}

/// A header a tool sends upstream. Its value may be a secret: `Debug` redacts it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolHeader {
    /// Header name.
    #[serde(default)]
    pub key: String,
    /// Header value.
    #[serde(default)]
    pub value: String,
}

impl fmt::Debug for ToolHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ToolHeader")
            .field("key", &self.key)
            .field("value", &"[redacted]")
            .finish()
    }
}

/// A provider's OAuth2 client. `Debug` redacts `client_secret`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct OAuth2Config {
    /// Client id.
    #[serde(default, rename = "clientID", skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Client secret.
    #[serde(
        default,
        rename = "clientSecret",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_secret: Option<String>,
    /// Authorization URL.
    #[serde(default, rename = "authURL", skip_serializing_if = "Option::is_none")]
    pub auth_url: Option<String>,
    /// Token URL.
    #[serde(default, rename = "tokenURL", skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
}

impl fmt::Debug for OAuth2Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuth2Config")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("auth_url", &self.auth_url)
            .field("token_url", &self.token_url)
            .finish()
    }
}

/// A resource attached to a server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    /// Resource id.
    pub id: ServerId,
    /// Creation time.
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update.
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// MIME type (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    /// Annotations, kept whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Map<String, Value>>,
}

/// A prompt attached to a server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Prompt {
    /// Prompt id.
    pub id: ServerId,
    /// Creation time.
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update.
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Arguments, kept whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Value>,
    /// Messages, kept whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messages: Option<Value>,
}

/// A provider attachment: the provider id and the ids of its tools to attach.
///
/// Ids are checked when the update is sent.
///
/// ```
/// use mcp_admin::hasmcp::ProviderRef;
/// let p = ProviderRef::new("kSuB9Gf6aD4").tools(["kSuB9Gf6aD5", "kSuB9Gf6aD6"]);
/// assert_eq!(
///     serde_json::to_string(&p).unwrap(),
///     r#"{"id":"kSuB9Gf6aD4","tools":[{"id":"kSuB9Gf6aD5"},{"id":"kSuB9Gf6aD6"}]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderRef {
    /// Provider id.
    pub id: String,
    /// Tools to attach, by id.
    #[serde(default)]
    pub tools: Vec<IdRef>,
}

impl ProviderRef {
    /// A provider with no tools attached; add them with [`ProviderRef::tools`].
    pub fn new(id: impl Into<String>) -> Self {
        ProviderRef {
            id: id.into(),
            tools: Vec::new(),
        }
    }

    /// The tools to attach (replacing any set before).
    pub fn tools<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tools = ids.into_iter().map(IdRef::new).collect();
        self
    }

    /// Checks the provider id and every tool id.
    pub(crate) fn validate(&self) -> Result<(), crate::Error> {
        check_id("providers", &self.id)?;
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

pub(crate) fn check_id(field: &'static str, id: &str) -> Result<(), crate::Error> {
    ServerId::new(id).map(drop).map_err(|e| match e {
        crate::Error::InvalidInput { reason, .. } => crate::Error::InvalidInput { field, reason },
        other => other,
    })
}

/// The fields of an update, as sent inside `{"server": …}`. `None` is not sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerUpdate {
    /// `name` (required by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `instructions` (`""` empties them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// `version`: the version this update is based on (required by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// `requestHeadersProxyEnabled`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_headers_proxy_enabled: Option<bool>,
    /// `providers` (`[]` detaches all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub providers: Option<Vec<ProviderRef>>,
    /// `resources` (`[]` detaches all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<IdRef>>,
    /// `prompts` (`[]` detaches all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompts: Option<Vec<IdRef>>,
}

/// The PATCH body, `{"server": …}`. Public for the raw client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServerBody {
    /// The fields to send.
    pub server: ServerUpdate,
}
