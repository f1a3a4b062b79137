//! GetMCP servers: the model, its enums, and the requests that read and write it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::{
    error::Platform,
    getmcp::{Client, ServerId, ServerRef},
    id::{self, IntoId, Refused},
    transport::{self, ops, ops::Operation},
    wire::{null_as_default, object_model, timestamp, wire_enum},
    Error, Redacted,
};

mod create;
mod credentials;
mod list;
mod update;

pub use create::{CreateServer, CreateServerBody, MAX_INSTRUCTIONS_BYTES};
pub use credentials::CredentialsStatus;
pub use list::{ListServers, ServerOrderBy, ServersQuery, SortOrder};
pub use update::{UpdateServer, UpdateServerBody};

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
    /// [`AuthType::NoAuth`] is the wire value `none`.
    pub enum AuthType {
        /// `none`: no authentication; switching to it wipes stored credentials.
        NoAuth = "none",
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
    /// [`OutboundAuthType::NoAuth`] is the wire value `none`.
    pub enum OutboundAuthType {
        /// `none`: no authentication.
        NoAuth = "none",
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

/// `rate_limit_per_min` with its special values named.
///
/// ```
/// use mcp_admin::getmcp::RateLimit;
/// assert_eq!(RateLimit::from_wire(-1), Some(RateLimit::Unlimited));
/// assert_eq!(RateLimit::from_wire(0), Some(RateLimit::SiteDefault));
/// assert_eq!(RateLimit::PerMinute(60).to_wire(), 60);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
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

object_model! {
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
    #[non_exhaustive]
    pub struct Server {
        /// Numeric id.
        pub id: ServerId,
        /// The UUID the API documents as the server's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub uuid: Option<Uuid>,
        /// Owner's WordPress user id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<u64>,
        /// Display name.
        #[serde(default, deserialize_with = "null_as_default")]
        pub name: String,
        /// URL slug; re-derived from the name when the name changes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub slug: Option<String>,
        /// The 16-hex public id, wire `server_id`: not the numeric [`id`](Self::id) that
        /// a tool's, resource's or prompt's `server_id` holds, and not a [`ServerRef`]
        /// (the routes take the UUID or the numeric id).
        #[serde(
            default,
            rename = "server_id",
            skip_serializing_if = "Option::is_none"
        )]
        pub public_id: Option<String>,
        /// `active`, `paused` or `draft`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<ServerStatus>,
        /// `streamable-http`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub transport_type: Option<TransportType>,
        /// Inbound authentication.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub auth_type: Option<AuthType>,
        /// As sent: a JSON-encoded string, or null. May hold credentials, so [`Redacted`].
        #[serde(default)]
        pub auth_config: Option<Redacted<Value>>,
        /// Outbound authentication; may be null.
        #[serde(default)]
        pub outbound_auth_type: Option<OutboundAuthType>,
        /// As sent: a JSON-encoded string, or null. May hold credentials, so [`Redacted`].
        #[serde(default)]
        pub outbound_auth_config: Option<Redacted<Value>>,
        /// Comma-separated origins; `None` or empty means all origins.
        #[serde(default)]
        pub cors_origins: Option<String>,
        /// Raw `rate_limit_per_min`; see [`Server::rate_limit`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub rate_limit_per_min: Option<i64>,
        /// All settings, kept whole (unknown keys survive); see [`Server::description`].
        /// Normally an object; PHP's empty `[]`, `null` and a missing key read as `{}`.
        /// The plugin stores whatever JSON a client sent here, so a list, a string or a
        /// number is kept as it came rather than failing the whole answer.
        #[serde(default = "empty_settings", deserialize_with = "settings_value")]
        pub settings: Value,
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
        #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
        pub created_at: Option<DateTime<Utc>>,
        /// Last update (UTC).
        #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
        pub updated_at: Option<DateTime<Utc>>,
    }
}

impl Server {
    /// `settings.description`, where `settings` is an object and it is a string.
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

fn empty_settings() -> Value {
    Value::Object(Map::new())
}

/// Any JSON; PHP's empty array and `null` are the empty object they stand for.
fn settings_value<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => empty_settings(),
        Value::Array(a) if a.is_empty() => empty_settings(),
        other => other,
    })
}

/// `server`, an answer of `operation`, when it is about the server `asked` for: a UUID
/// reference must match its `uuid` (any case: both are parsed), a numeric one its `id`.
/// Anything else is an [`Error::Decode`] naming both, so an answer about another server
/// is never taken for this one's.
pub(crate) fn about(
    asked: ServerRef,
    operation: &'static Operation,
    server: Server,
) -> Result<Server, Error> {
    let reason = match asked {
        ServerRef::Uuid(uuid) => match server.uuid {
            Some(answered) if answered == uuid => return Ok(server),
            Some(answered) => format!(
                "asked for server {uuid}, the answer is about server {answered} (id {})",
                server.id
            ),
            None => format!(
                "asked for server {uuid}, the answer carries no uuid (id {})",
                server.id
            ),
        },
        ServerRef::Id(id) if server.id.0 == id => return Ok(server),
        ServerRef::Id(id) => format!(
            "asked for server id {id}, the answer is about server id {}",
            server.id
        ),
    };
    Err(Error::Decode {
        platform: Platform::GetMcp,
        operation: operation.id,
        status: 200,
        reason,
        body: String::new(),
        step: None,
    })
}

impl Client {
    /// Reads one server.
    ///
    /// An answer about another server than the one asked for (its `uuid`, or its `id`
    /// for a numeric reference, differs) is an [`Error::Decode`] naming both.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (_, uuid) = fake.seed_server("GitHub Tools");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let server = gm.get_server(uuid).await?;
    /// assert_eq!(server.slug.as_deref(), Some("github-tools"));
    /// # Ok(()) }
    /// ```
    pub async fn get_server(&self, server: impl IntoId<ServerRef>) -> Result<Server, Error> {
        const READ: &Operation = &ops::GETMCP_GET_SERVER;
        let server = id::take(server, "server", READ)?;
        let raw = self.raw();
        let op = raw.getmcp_get_server().id(server);
        about(
            server,
            READ,
            transport::call(raw, READ, move || op.send()).await?,
        )
    }

    /// Starts a partial update of `server`: only the fields you set are sent. See
    /// [`UpdateServer`] for every field.
    ///
    /// ```no_run
    /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let server = gm.update_server(42u64).rate_limit_per_min(120).send().await?;
    /// assert_eq!(server.rate_limit_per_min, Some(120));
    /// # Ok(()) }
    /// ```
    pub fn update_server(&self, server: impl IntoId<ServerRef>) -> UpdateServer {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        UpdateServer::new(self.clone(), server, refused)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::Server;

    #[test]
    fn a_json_array_is_never_a_server() {
        for text in ["[5]", "[]"] {
            let mut d = serde_json::Deserializer::from_str(text);
            assert!(Server::deserialize(&mut d).is_err(), "{text}");
        }
        let mut d = serde_json::Deserializer::from_str(r#"{"id":5}"#);
        assert_eq!(Server::deserialize(&mut d).unwrap().id, 5);
    }

    #[test]
    fn debug_hides_both_auth_configs() {
        let server: Server = serde_json::from_value(serde_json::json!({
            "id": 3,
            "auth_config": "{\"token\":\"INBOUND\"}",
            "outbound_auth_config": "{\"password\":\"OUTBOUND\"}"
        }))
        .unwrap();
        let shown = format!("{server:?}");
        assert!(
            !shown.contains("INBOUND") && !shown.contains("OUTBOUND"),
            "{shown}"
        );
        assert!(
            shown.contains(concat!(
                r#"auth_config: Some("[redacted]"), outbound_auth_type: None, "#,
                r#"outbound_auth_config: Some("[redacted]")"#
            )),
            "{shown}"
        );
        let back = serde_json::to_value(&server).unwrap();
        assert_eq!(back["auth_config"], "{\"token\":\"INBOUND\"}");
    }
}
