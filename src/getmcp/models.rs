//! GetMCP server model, enums, ids and the update body.

use std::{fmt, str::FromStr};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::wire::{lenient_time, object_only_serde, wire_enum};

wire_enum! {
    /// Whether a server is serving (`status`).
    pub enum ServerStatus {
        /// `active`
        Active = "active",
        /// `paused`
        Paused = "paused",
        /// `draft`
        Draft = "draft",
    }
}

wire_enum! {
    /// Inbound authentication required by the MCP endpoint (`auth_type`).
    pub enum AuthType {
        /// `none`: switching to it wipes stored credentials.
        None = "none",
        /// `bearer`
        Bearer = "bearer",
        /// `api-key`
        ApiKey = "api-key",
        /// `basic`
        Basic = "basic",
        /// `oauth`
        OAuth = "oauth",
    }
}

wire_enum! {
    /// Authentication the server uses towards its upstream (`outbound_auth_type`).
    pub enum OutboundAuthType {
        /// `none`
        None = "none",
        /// `bearer`
        Bearer = "bearer",
        /// `api-key`
        ApiKey = "api-key",
        /// `basic`
        Basic = "basic",
    }
}

wire_enum! {
    /// The MCP transport (`transport_type`).
    pub enum TransportType {
        /// `streamable-http`
        StreamableHttp = "streamable-http",
    }
}

/// Which server: its UUID, or its numeric id (accepted for backwards compatibility).
///
/// Parsing accepts exactly those two forms, so a caller's string can never put
/// anything else into the request path.
///
/// ```
/// use mcp_admin::getmcp::ServerRef;
///
/// let by_uuid: ServerRef = "836995ae-1cff-41ec-823e-a4f07ccca3a0".parse()?;
/// let by_id = ServerRef::from(42u64);
/// assert_eq!(by_id.to_string(), "42");
/// assert!("../admin".parse::<ServerRef>().is_err());
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServerRef {
    /// By UUID (the documented form).
    Uuid(Uuid),
    /// By numeric id.
    Id(u64),
}

impl From<Uuid> for ServerRef {
    fn from(u: Uuid) -> Self {
        ServerRef::Uuid(u)
    }
}

impl From<u64> for ServerRef {
    fn from(id: u64) -> Self {
        ServerRef::Id(id)
    }
}

impl From<&Server> for ServerRef {
    /// The server's UUID where it has one, else its numeric id.
    fn from(s: &Server) -> Self {
        s.uuid.map_or(ServerRef::Id(s.id), ServerRef::Uuid)
    }
}

impl FromStr for ServerRef {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse::<u64>().map(ServerRef::Id).map_err(|_| {
                crate::Error::invalid("server", format!("numeric id {s:?} is out of range"))
            });
        }
        // Only the hyphenated 36-character form: it is what the API documents.
        if s.len() == 36 {
            if let Ok(u) = Uuid::try_parse(s) {
                return Ok(ServerRef::Uuid(u));
            }
        }
        Err(crate::Error::invalid(
            "server",
            format!("{s:?} is neither a UUID (8-4-4-4-12 hex) nor a numeric id"),
        ))
    }
}

impl TryFrom<&str> for ServerRef {
    type Error = crate::Error;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for ServerRef {
    type Error = crate::Error;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl fmt::Display for ServerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerRef::Uuid(u) => write!(f, "{}", u.hyphenated()),
            ServerRef::Id(id) => write!(f, "{id}"),
        }
    }
}

impl Serialize for ServerRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ServerRef::Uuid(u) => u.serialize(s),
            ServerRef::Id(id) => s.serialize_u64(*id),
        }
    }
}

impl<'de> Deserialize<'de> for ServerRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Number(n) => n
                .as_u64()
                .map(ServerRef::Id)
                .ok_or_else(|| serde::de::Error::custom("a server id is a non-negative integer")),
            Value::String(s) => s.parse().map_err(serde::de::Error::custom),
            _ => Err(serde::de::Error::custom("expected a UUID or a numeric id")),
        }
    }
}

/// `rate_limit_per_min` with its special values named.
///
/// ```
/// use mcp_admin::getmcp::RateLimit;
/// assert_eq!(RateLimit::from_wire(-1), Some(RateLimit::Unlimited));
/// assert_eq!(RateLimit::from_wire(0), Some(RateLimit::SiteDefault));
/// assert_eq!(RateLimit::PerMinute(60).to_wire(), 60);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateLimit {
    /// `-1`: no limit.
    Unlimited,
    /// `0`: the site's default limit.
    SiteDefault,
    /// Requests per minute. `PerMinute(0)` is sent as `0`, which the site reads as
    /// [`RateLimit::SiteDefault`].
    PerMinute(u32),
}

impl RateLimit {
    /// The wire value.
    pub fn to_wire(self) -> i64 {
        match self {
            RateLimit::Unlimited => -1,
            RateLimit::SiteDefault => 0,
            RateLimit::PerMinute(n) => i64::from(n),
        }
    }

    /// Reads a wire value; `None` below −1 or above `u32::MAX`.
    pub fn from_wire(v: i64) -> Option<Self> {
        match v {
            -1 => Some(RateLimit::Unlimited),
            0 => Some(RateLimit::SiteDefault),
            n => u32::try_from(n).ok().map(RateLimit::PerMinute),
        }
    }
}

/// A GetMCP server, as `GET` and `PATCH /servers/{id}` return it.
///
/// Optional and nullable fields are `Option`s; unknown extra fields are accepted.
/// Credentials are never part of it.
///
/// ```
/// use mcp_admin::getmcp::{RateLimit, Server, ServerStatus};
///
/// // As a real WordPress renders it: PHP's empty array for `settings`, escaped slashes.
/// let s: Server = serde_json::from_str(
///     r#"{"id":3,"name":"GitHub Tools","status":"active","settings":[],
///         "cors_origins":"https:\/\/a.example,https:\/\/b.example","rate_limit_per_min":-1}"#,
/// ).unwrap();
/// assert_eq!(s.status, Some(ServerStatus::Active));
/// assert_eq!(s.description(), None);
/// assert_eq!(s.cors_origin_list(), ["https://a.example", "https://b.example"]);
/// assert_eq!(s.rate_limit(), Some(RateLimit::Unlimited));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Server {
    /// Numeric id.
    pub id: u64,
    /// The UUID the API documents as the server's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<Uuid>,
    /// Owner's WordPress user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<u64>,
    /// Display name.
    #[serde(default, deserialize_with = "crate::wire::null_as_default")]
    pub name: String,
    /// URL slug; re-derived from the name when the name changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// 16 hex characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_id: Option<String>,
    /// `active`, `paused` or `draft`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServerStatus>,
    /// `streamable-http`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport_type: Option<TransportType>,
    /// Inbound authentication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<AuthType>,
    /// As sent: a JSON-encoded string, or null.
    #[serde(default)]
    pub auth_config: Option<Value>,
    /// Outbound authentication; may be null.
    #[serde(default)]
    pub outbound_auth_type: Option<OutboundAuthType>,
    /// As sent: a JSON-encoded string, or null.
    #[serde(default)]
    pub outbound_auth_config: Option<Value>,
    /// Comma-separated origins; `None` or empty means all origins.
    #[serde(default)]
    pub cors_origins: Option<String>,
    /// Raw `rate_limit_per_min`; see [`Server::rate_limit`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_min: Option<i64>,
    /// All settings, kept whole (unknown keys survive); see [`Server::description`].
    /// PHP's empty `[]` and `null` read as an empty map.
    #[serde(default, deserialize_with = "settings_map")]
    pub settings: Map<String, Value>,
    /// The MCP endpoint; changes with the slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
    /// Whether API authentication setup is pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_auth_pending: Option<bool>,
    /// Seen as `native` on real sites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_kind: Option<String>,
    /// Number of tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_count: Option<u64>,
    /// Number of prompts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_count: Option<u64>,
    /// Number of resources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_count: Option<u64>,
    /// Creation time (UTC).
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update (UTC).
    #[serde(
        default,
        with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
}

object_only_serde!(Server);

impl fmt::Debug for Server {
    /// `auth_config` and `outbound_auth_config` may hold credentials: they are shown
    /// only as present or absent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |v: &Option<Value>| v.as_ref().map(|_| "[redacted]");
        f.debug_struct("Server")
            .field("id", &self.id)
            .field("uuid", &self.uuid)
            .field("user_id", &self.user_id)
            .field("name", &self.name)
            .field("slug", &self.slug)
            .field("server_id", &self.server_id)
            .field("status", &self.status)
            .field("transport_type", &self.transport_type)
            .field("auth_type", &self.auth_type)
            .field("auth_config", &hidden(&self.auth_config))
            .field("outbound_auth_type", &self.outbound_auth_type)
            .field("outbound_auth_config", &hidden(&self.outbound_auth_config))
            .field("cors_origins", &self.cors_origins)
            .field("rate_limit_per_min", &self.rate_limit_per_min)
            .field("settings", &self.settings)
            .field("endpoint_url", &self.endpoint_url)
            .field("api_auth_pending", &self.api_auth_pending)
            .field("server_kind", &self.server_kind)
            .field("tool_count", &self.tool_count)
            .field("prompt_count", &self.prompt_count)
            .field("resource_count", &self.resource_count)
            .field("created_at", &self.created_at)
            .field("updated_at", &self.updated_at)
            .finish()
    }
}

impl Server {
    /// `settings.description`, where it is a string.
    pub fn description(&self) -> Option<&str> {
        self.settings.get("description")?.as_str()
    }

    /// `rate_limit_per_min` with its special values named.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.rate_limit_per_min.and_then(RateLimit::from_wire)
    }

    /// The allowed origins; empty means all origins.
    pub fn cors_origin_list(&self) -> Vec<&str> {
        self.cors_origins
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}

fn settings_map<'de, D: Deserializer<'de>>(d: D) -> Result<Map<String, Value>, D::Error> {
    match Value::deserialize(d)? {
        Value::Object(m) => Ok(m),
        Value::Null => Ok(Map::new()),
        Value::Array(a) if a.is_empty() => Ok(Map::new()),
        other => Err(serde::de::Error::custom(format!(
            "settings: expected an object, got {other}"
        ))),
    }
}

/// The PATCH body: only the fields that are `Some` are sent.
///
/// Built by [`UpdateServer`](crate::getmcp::UpdateServer); public for the raw client.
/// `Debug` redacts `test_auth_credentials`.
///
/// ```
/// use mcp_admin::getmcp::UpdateServerBody;
///
/// let body = UpdateServerBody { name: Some("Tools".into()), ..Default::default() };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"Tools"}"#);
/// assert!(UpdateServerBody::default().is_empty());
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServerBody {
    /// `name`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `description` (merged into `settings.description`)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `status`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServerStatus>,
    /// `auth_type`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<AuthType>,
    /// `test_auth_credentials`: a JSON-encoded string; `""` clears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_auth_credentials: Option<String>,
    /// `cors_origins`: comma-separated; `""` allows all origins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cors_origins: Option<String>,
    /// `rate_limit_per_min`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_min: Option<i64>,
}

impl UpdateServerBody {
    /// `true` when no field is set: such a PATCH would change nothing.
    pub fn is_empty(&self) -> bool {
        *self == UpdateServerBody::default()
    }
}

impl fmt::Debug for UpdateServerBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateServerBody")
            .field("name", &self.name)
            .field("description", &self.description)
            .field("status", &self.status)
            .field("auth_type", &self.auth_type)
            .field(
                "test_auth_credentials",
                &self.test_auth_credentials.as_ref().map(|c| {
                    if c.is_empty() {
                        ""
                    } else {
                        "[redacted]"
                    }
                }),
            )
            .field("cors_origins", &self.cors_origins)
            .field("rate_limit_per_min", &self.rate_limit_per_min)
            .finish()
    }
}
