//! The GetMCP partial-update builder and the body it sends.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::about;
/// The operation every refusal of this builder names.
const OP: &ops::Operation = &ops::GETMCP_UPDATE_SERVER;

use crate::{
    error::Platform,
    getmcp::{
        credentials::{check_config, php_empty},
        AuthType, Client, CredentialsStatus, OutboundAuth, OutboundAuthType, RateLimit, Server,
        ServerRef, ServerStatus, TestAuthCredentials,
    },
    id::Refused,
    transport::{self, ops, ops::Operation},
    Error, Patch, Redacted,
};

/// The most `rate_limit_per_min` the site stores: its column is a 32-bit integer, and a
/// larger value comes back clamped to this one.
const MAX_RATE_LIMIT: i64 = i32::MAX as i64;

/// The credentials slots, as sent and as `clear_credentials` names them.
const TEST_CREDENTIALS: &str = "test_auth_credentials";
const AUTH_CREDENTIALS: &str = "auth_credentials";
const OUTBOUND_CREDENTIALS: &str = "outbound_auth_credentials";

/// The PATCH body: only the fields that are `Some` are sent.
///
/// Built by [`UpdateServer`]; public for the raw client. Every credentials field and
/// `settings` (which may hold a connector's password) are [`Redacted`].
///
/// ```
/// use mcp_admin::getmcp::UpdateServerBody;
///
/// let body = UpdateServerBody { name: Some("Tools".into()), ..Default::default() };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"Tools"}"#);
/// assert!(UpdateServerBody::default().is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// `auth_config`: the inbound auth configuration, a JSON-encoded object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_config: Option<String>,
    /// `auth_config_mode`: `replace` makes the sites that merge a sent configuration
    /// over the stored one (the extensions add-on) store it as sent, as the plugin
    /// without the add-on does; sent with every configuration (`auth_config` or
    /// `outbound_auth_config`), never on a create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_config_mode: Option<String>,
    /// `auth_credentials`: the inbound credentials, a JSON-encoded string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_credentials: Option<Redacted<String>>,
    /// `test_auth_credentials`: a JSON-encoded string. The current plugin reads `""` as
    /// "leave them as they are"; older versions read it as a clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_auth_credentials: Option<Redacted<String>>,
    /// `outbound_auth_type`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_auth_type: Option<OutboundAuthType>,
    /// `outbound_auth_config`: a JSON-encoded object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_auth_config: Option<String>,
    /// `outbound_auth_credentials`: a JSON-encoded string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_auth_credentials: Option<Redacted<String>>,
    /// `clear_credentials`: the credential slots to empty (`auth_credentials`,
    /// `test_auth_credentials`, `outbound_auth_credentials`). Not in the documented
    /// arguments, but what the plugin reads to clear one; versions that do not know it
    /// ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clear_credentials: Option<Vec<String>>,
    /// `cors_origins`: comma-separated; `""` allows all origins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cors_origins: Option<String>,
    /// `rate_limit_per_min`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_min: Option<i64>,
    /// `settings`: a JSON object (`description` and `instructions` live in it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Redacted<Map<String, Value>>>,
}

impl UpdateServerBody {
    /// `true` when no field is set: such a PATCH would change nothing.
    pub fn is_empty(&self) -> bool {
        *self == UpdateServerBody::default()
    }

    /// The wire names of the fields set, in the body's order.
    fn fields(&self) -> Vec<&'static str> {
        [
            ("name", self.name.is_some()),
            ("description", self.description.is_some()),
            ("status", self.status.is_some()),
            ("auth_type", self.auth_type.is_some()),
            ("auth_config", self.auth_config.is_some()),
            ("auth_config_mode", self.auth_config_mode.is_some()),
            (AUTH_CREDENTIALS, self.auth_credentials.is_some()),
            (TEST_CREDENTIALS, self.test_auth_credentials.is_some()),
            ("outbound_auth_type", self.outbound_auth_type.is_some()),
            ("outbound_auth_config", self.outbound_auth_config.is_some()),
            (
                OUTBOUND_CREDENTIALS,
                self.outbound_auth_credentials.is_some(),
            ),
            ("clear_credentials", self.clear_credentials.is_some()),
            ("cors_origins", self.cors_origins.is_some()),
            ("rate_limit_per_min", self.rate_limit_per_min.is_some()),
            ("settings", self.settings.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

/// A partial update of one GetMCP server: a real merge-PATCH, so only the fields you
/// set are sent, and everything else on the server stays as it is.
///
/// Inputs are checked by [`send`](Self::send) (or [`body`](Self::body)) before any
/// request: an update with nothing set, an empty name, a malformed origin, a rate limit
/// below −1 or above 2147483647, an empty credential part, test credentials together
/// with `auth_type` `none` or `oauth`, inbound credentials or a configuration with
/// `none`, a configuration key that reads as a secret, or a `settings` map with a
/// `description` while the description is set too is an [`Error::InvalidInput`] and
/// nothing is sent.
///
/// What the site does with what it is sent (code, and a run of the plugin's server code
/// on WordPress 6.1): it strips HTML tags from `name` and `description`; a `name` re-derives
/// the slug with WordPress's `sanitize_title` (and so the `endpoint_url`); any `auth_type`
/// change resets `auth_config` to `"[]"` and drops the test credentials, those stored and
/// those sent with it; test credentials are also dropped while the type is `none` or
/// `oauth`, and must have the fields the type needs (else a 400
/// `getmcp_invalid_credentials`). A change of the test credentials is therefore checked
/// after the PATCH: see [`send`](Self::send).
///
/// ```no_run
/// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
/// use mcp_admin::getmcp::{AuthType, ServerRef, ServerStatus, TestAuthCredentials};
///
/// let server = gm
///     .update_server("836995ae-1cff-41ec-823e-a4f07ccca3a0".parse::<ServerRef>()?)
///     .name("GitHub Tools v2")
///     .status(ServerStatus::Active)
///     .auth_type(AuthType::Bearer)
///     .test_auth_credentials(TestAuthCredentials::bearer("tok"))
///     .cors_origins(["https://a.example", "https://b.example"])
///     .rate_limit_per_min(60)
///     .send()
///     .await?;
/// assert_eq!(server.name, "GitHub Tools v2");
/// # Ok(()) }
/// ```
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdateServer {
    client: Client,
    server: ServerRef,
    refused: Refused,
    changes: Changes,
}

/// What the caller asked to change. Fields the plugin cannot empty are `Option`s: they
/// have no clear form.
#[derive(Debug, Clone, Default, PartialEq)]
struct Changes {
    name: Option<String>,
    description: Patch<String>,
    status: Option<ServerStatus>,
    auth_type: Option<AuthType>,
    /// Redacted: a secret put here by mistake is refused, and not shown before.
    auth_config: Patch<Redacted<Map<String, Value>>>,
    auth_credentials: Patch<TestAuthCredentials>,
    test_auth_credentials: Patch<TestAuthCredentials>,
    outbound_auth: Patch<OutboundAuth>,
    cors_origins: Patch<Vec<String>>,
    rate_limit_per_min: Option<i64>,
    /// Redacted: settings can hold a connector's password.
    settings: Patch<Redacted<Map<String, Value>>>,
}

impl UpdateServer {
    pub(super) fn new(client: Client, server: ServerRef, refused: Refused) -> Self {
        UpdateServer {
            client,
            server,
            refused,
            changes: Changes::default(),
        }
    }

    /// New name. The site strips HTML tags and collapses whitespace
    /// (`<b>Docs</b>  v2` is stored as `Docs v2`), then re-derives the slug from it with
    /// WordPress's `sanitize_title`: accents folded, lower case, `.` and spaces become `-`,
    /// other characters dropped, non-Latin letters percent-encoded, and `-1`, `-2`, …
    /// appended while another server has it. The `endpoint_url` follows the slug.
    pub fn name(self, name: impl Into<String>) -> Self {
        self.set_name(Some(name.into()))
    }

    /// The name, or `None` to leave it; a name cannot be emptied.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_name(Some("Tools".into())).body()?;
    /// assert_eq!(body.name.as_deref(), Some("Tools"));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_name(mut self, name: Option<String>) -> Self {
        self.changes.name = name;
        self
    }

    /// New description, stored as `settings.description` with the other settings kept.
    /// The site strips HTML tags from it (`<b>Bold</b> desc` is stored as `Bold desc`);
    /// line breaks stay.
    pub fn description(self, description: impl Into<String>) -> Self {
        self.set_description(Patch::Set(description.into()))
    }

    /// Empties the description: sends `"description": ""`.
    pub fn clear_description(self) -> Self {
        self.set_description(Patch::Clear)
    }

    /// Sets, clears or keeps the description in one call.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_description(mcp_admin::Patch::Clear).body()?;
    /// assert_eq!(body.description.as_deref(), Some(""));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_description(mut self, description: Patch<String>) -> Self {
        self.changes.description = description;
        self
    }

    /// `active`, `paused` or `draft`.
    pub fn status(self, status: ServerStatus) -> Self {
        self.set_status(Some(status))
    }

    /// The status, or `None` to leave it.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_status(Some(mcp_admin::getmcp::ServerStatus::Paused)).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"status":"paused"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_status(mut self, status: Option<ServerStatus>) -> Self {
        self.changes.status = status;
        self
    }

    /// Inbound authentication of the MCP endpoint. Any change of type resets
    /// `auth_config` to `"[]"` and wipes the stored test credentials; a change to
    /// [`AuthType::NoAuth`] wipes the inbound credentials too. Test credentials set in the
    /// same update are re-sent after it if the site dropped them (see
    /// [`send`](Self::send)); with `none` or `oauth` they are refused before sending, as
    /// the site never stores them for those types.
    pub fn auth_type(self, auth_type: AuthType) -> Self {
        self.set_auth_type(Some(auth_type))
    }

    /// The inbound authentication, or `None` to leave it.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_auth_type(Some(mcp_admin::getmcp::AuthType::Bearer)).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"auth_type":"bearer"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_auth_type(mut self, auth_type: Option<AuthType>) -> Self {
        self.changes.auth_type = auth_type;
        self
    }

    /// Credentials for the admin panel's **Test** button, JSON-encoded for you: the
    /// API takes them as a string holding JSON.
    ///
    /// The site checks them against the server's auth type (bearer needs `token`,
    /// api-key `name`, `value` and `location`, basic `username` and `password`; else a
    /// 400 `getmcp_invalid_credentials`), and drops them with a 200 when they come with an
    /// `auth_type` change or while the type is `none` or `oauth`. So
    /// [`send`](Self::send) checks afterwards that they were stored, and re-sends them
    /// on their own once if they were dropped.
    ///
    /// ```
    /// use mcp_admin::getmcp::{KeyLocation, TestAuthCredentials};
    ///
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm
    ///     .update_server(3u64)
    ///     .test_auth_credentials(TestAuthCredentials::api_key("key", "v", KeyLocation::Query))
    ///     .body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({"test_auth_credentials": r#"{"name":"key","value":"v","location":"query"}"#})
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn test_auth_credentials(self, credentials: TestAuthCredentials) -> Self {
        self.set_test_auth_credentials(Patch::Set(credentials))
    }

    /// Removes the stored test credentials: sends
    /// `"clear_credentials": ["test_auth_credentials"]`, which is what the current plugin
    /// reads as a clear (it keeps the credentials on `""`), and `"test_auth_credentials":
    /// ""`, which older versions read as a clear and the current one ignores. So the
    /// clear works on both; [`send`](Self::send) then checks that none are stored.
    pub fn clear_test_auth_credentials(self) -> Self {
        self.set_test_auth_credentials(Patch::Clear)
    }

    /// Sets, clears or keeps the test credentials in one call.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_test_auth_credentials(mcp_admin::Patch::Clear).body()?;
    /// assert_eq!(
    ///     serde_json::to_string(&body).unwrap(),
    ///     r#"{"test_auth_credentials":"","clear_credentials":["test_auth_credentials"]}"#
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_test_auth_credentials(mut self, credentials: Patch<TestAuthCredentials>) -> Self {
        self.changes.test_auth_credentials = credentials;
        self
    }

    /// The inbound auth configuration (what an `oauth` server's provider needs, for
    /// example `{"provider": "external", "client_id": …}`), sent JSON-encoded and
    /// replacing the stored one whole: `"auth_config_mode": "replace"` goes with it, so
    /// that sites with the extensions add-on, which otherwise merge it key by key, store
    /// it as sent too.
    ///
    /// A key that reads as a secret (`secret`, `password`, `api_key`, `authorization`,
    /// `access_token`, `refresh_token`, at any depth) is refused before sending: the
    /// site refuses it (400 `authentication_invalid`) and returns the configuration in
    /// every read; secrets go in [`auth_credentials`](Self::auth_credentials). With an
    /// [`auth_type`](Self::auth_type) of `none` in the same update it is refused too:
    /// the site stores no configuration for `none`. An `auth_type` change without a
    /// configuration resets it to `"[]"`. With `auth_type` `oauth` in the same update,
    /// a `provider` other than `"getmcp"` or `"external"` is refused (the site's 400
    /// `getmcp_invalid_oauth_provider`), and so are inbound credentials with
    /// `"getmcp"`, for which the site wipes them. On sites with the extensions add-on, a
    /// `provider` or `client_id` other than the stored one wipes the stored inbound and
    /// test credentials, as a type change does (credentials sent in the same update are
    /// kept); [`send`](Self::send) checks only the credentials the update sets.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let config = serde_json::json!({"provider": "external", "client_id": "abc"});
    /// let body = gm.update_server(3u64).auth_config(config.as_object().unwrap().clone()).body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({
    ///         "auth_config": r#"{"client_id":"abc","provider":"external"}"#,
    ///         "auth_config_mode": "replace"
    ///     })
    /// );
    ///
    /// let secret = serde_json::json!({"client_secret": "s"});
    /// let refused = gm.update_server(3u64).auth_config(secret.as_object().unwrap().clone()).body();
    /// assert!(refused.is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn auth_config(self, config: Map<String, Value>) -> Self {
        self.set_auth_config(Patch::Set(config))
    }

    /// Empties the inbound auth configuration: sends `"auth_config": "{}"` with
    /// `"auth_config_mode": "replace"` (plugin code: the plugin stores what it is sent,
    /// and the add-on replaces instead of merging in that mode).
    pub fn clear_auth_config(self) -> Self {
        self.set_auth_config(Patch::Clear)
    }

    /// Sets, clears or keeps the inbound auth configuration in one call.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_auth_config(mcp_admin::Patch::Clear).body()?;
    /// assert_eq!(body.auth_config.as_deref(), Some("{}"));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_auth_config(mut self, config: Patch<Map<String, Value>>) -> Self {
        self.changes.auth_config = config.map(Redacted::new);
        self
    }

    /// The inbound credentials the MCP endpoint's callers must present (the same
    /// shapes as the test credentials; for `oauth`, a raw `{"client_secret": …}`),
    /// JSON-encoded for you. Checked against an [`auth_type`](Self::auth_type) set in
    /// the same update, and refused with `none` (the site wipes inbound credentials
    /// for `none`). [`send`](Self::send) checks afterwards that they were stored. On
    /// sites with the extensions add-on, credentials sent while the type stays the same
    /// are merged over the stored ones part by part (a part left out keeps its stored
    /// value); with a type change they replace them.
    ///
    /// ```
    /// use mcp_admin::getmcp::{AuthType, TestAuthCredentials};
    ///
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm
    ///     .update_server(3u64)
    ///     .auth_type(AuthType::Bearer)
    ///     .auth_credentials(TestAuthCredentials::bearer("caller-token"))
    ///     .body()?;
    /// assert_eq!(body.auth_credentials.unwrap().expose(), r#"{"token":"caller-token"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn auth_credentials(self, credentials: TestAuthCredentials) -> Self {
        self.set_auth_credentials(Patch::Set(credentials))
    }

    /// Removes the stored inbound credentials: sends
    /// `"clear_credentials": ["auth_credentials"]` (what the current plugin reads as a
    /// clear) and `"auth_credentials": ""` (what older versions read as one), as the
    /// test credentials' clear does; [`send`](Self::send) then checks that none are
    /// stored.
    pub fn clear_auth_credentials(self) -> Self {
        self.set_auth_credentials(Patch::Clear)
    }

    /// Sets, clears or keeps the inbound credentials in one call.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_auth_credentials(mcp_admin::Patch::Clear).body()?;
    /// assert_eq!(
    ///     serde_json::to_string(&body).unwrap(),
    ///     r#"{"auth_credentials":"","clear_credentials":["auth_credentials"]}"#
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_auth_credentials(mut self, credentials: Patch<TestAuthCredentials>) -> Self {
        self.changes.auth_credentials = credentials;
        self
    }

    /// How the server authenticates towards its upstream API: type, credentials and
    /// optional configuration in one value (see [`OutboundAuth`]), sent as
    /// `outbound_auth_type`, `outbound_auth_credentials` and `outbound_auth_config`.
    /// [`send`](Self::send) checks afterwards that the credentials were stored.
    ///
    /// ```
    /// use mcp_admin::getmcp::OutboundAuth;
    ///
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm.update_server(3u64).outbound_auth(OutboundAuth::basic("me", "pw")).body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({
    ///         "outbound_auth_type": "basic",
    ///         "outbound_auth_credentials": r#"{"username":"me","password":"pw"}"#
    ///     })
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn outbound_auth(self, auth: OutboundAuth) -> Self {
        self.set_outbound_auth(Patch::Set(auth))
    }

    /// Removes the outbound authentication: sends `"outbound_auth_type": "none"`, for
    /// which the site wipes the outbound credentials (and, with the extensions add-on,
    /// the outbound configuration); [`send`](Self::send) then checks that none are
    /// stored.
    pub fn clear_outbound_auth(self) -> Self {
        self.set_outbound_auth(Patch::Clear)
    }

    /// Sets, clears or keeps the outbound authentication in one call.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_outbound_auth(mcp_admin::Patch::Clear).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"outbound_auth_type":"none"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_outbound_auth(mut self, auth: Patch<OutboundAuth>) -> Self {
        self.changes.outbound_auth = auth;
        self
    }

    /// The server's `settings` object, sent as a JSON object. The site **replaces** the
    /// stored settings with it, and the description and the instructions live there:
    /// a map without them empties them. With [`description`](Self::description) in the
    /// same update the site merges the map over the stored settings instead (keys not
    /// in it are kept) and then sets the description; a map that holds a
    /// `description` key as well is refused, as the two would collide. Never logged:
    /// settings can hold a connector's password.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let settings = serde_json::json!({"description": "Docs", "log_level": "debug"});
    /// let body = gm.update_server(3u64).settings(settings.as_object().unwrap().clone()).body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({"settings": {"description": "Docs", "log_level": "debug"}})
    /// );
    ///
    /// let both = gm.update_server(3u64).description("A").settings(settings.as_object().unwrap().clone());
    /// assert!(both.body().is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn settings(self, settings: Map<String, Value>) -> Self {
        self.set_settings(Patch::Set(settings))
    }

    /// Empties the settings (the description and instructions with them): sends
    /// `"settings": {}`, which the plugin stores as an empty object (plugin code).
    pub fn clear_settings(self) -> Self {
        self.set_settings(Patch::Clear)
    }

    /// Sets, clears or keeps the settings in one call.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_settings(mcp_admin::Patch::Clear).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"settings":{}}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_settings(mut self, settings: Patch<Map<String, Value>>) -> Self {
        self.changes.settings = settings.map(Redacted::new);
        self
    }

    /// The allowed CORS origins, each `scheme://host[:port]` written the way browsers
    /// send it in the `Origin` header (lower-case host, punycode, no default port); sent
    /// comma-joined. An empty list is refused: use
    /// [`allow_all_origins`](Self::allow_all_origins).
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm
    ///     .update_server(3u64)
    ///     .cors_origins(["https://a.example", "http://localhost:8080"])
    ///     .body()?;
    /// assert_eq!(body.cors_origins.as_deref(), Some("https://a.example,http://localhost:8080"));
    ///
    /// // Never matches a browser's `Origin: https://a.example`, so it is refused.
    /// assert!(gm.update_server(3u64).cors_origins(["https://a.example:443"]).body().is_err());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn cors_origins<I, S>(self, origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.set_cors_origins(Patch::Set(origins.into_iter().map(Into::into).collect()))
    }

    /// Allows every origin: sends `"cors_origins": ""`.
    pub fn allow_all_origins(self) -> Self {
        self.set_cors_origins(Patch::Clear)
    }

    /// Sets the origins, allows all ([`Patch::Clear`]) or keeps them, in one call.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// use mcp_admin::Patch;
    /// let body = gm.update_server(3u64).set_cors_origins(Patch::Set(vec!["https://a.example".into()])).body()?;
    /// assert_eq!(body.cors_origins.as_deref(), Some("https://a.example"));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_cors_origins(mut self, origins: Patch<Vec<String>>) -> Self {
        self.changes.cors_origins = origins;
        self
    }

    /// Requests per minute; `-1` is no limit and `0` the site default (see
    /// [`rate_limit`](Self::rate_limit) for those by name). Below −1 is refused, and so is
    /// anything above 2147483647: the site stores a 32-bit integer and would silently
    /// clamp it.
    pub fn rate_limit_per_min(self, per_min: i64) -> Self {
        self.set_rate_limit_per_min(Some(per_min))
    }

    /// Requests per minute, or `None` to leave the limit.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_rate_limit_per_min(Some(60)).body()?;
    /// assert_eq!(body.rate_limit_per_min, Some(60));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_rate_limit_per_min(mut self, per_min: Option<i64>) -> Self {
        self.changes.rate_limit_per_min = per_min;
        self
    }

    /// The rate limit with its special values named. A
    /// [`RateLimit::PerMinute`] above 2147483647 is refused, as in
    /// [`rate_limit_per_min`](Self::rate_limit_per_min).
    ///
    /// ```
    /// use mcp_admin::getmcp::RateLimit;
    ///
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm.update_server(3u64).rate_limit(RateLimit::Unlimited).body()?;
    /// assert_eq!(body.rate_limit_per_min, Some(-1));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn rate_limit(self, limit: RateLimit) -> Self {
        self.set_rate_limit(Some(limit))
    }

    /// The rate limit with its special values named, or `None` to leave it.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_server(3u64).set_rate_limit(Some(mcp_admin::getmcp::RateLimit::SiteDefault)).body()?;
    /// assert_eq!(body.rate_limit_per_min, Some(0));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_rate_limit(self, limit: Option<RateLimit>) -> Self {
        self.set_rate_limit_per_min(limit.map(RateLimit::to_wire))
    }

    /// The body this update sends, after checking every input; no I/O.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm.update_server(3u64).name("Tools").allow_all_origins().body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"Tools","cors_origins":""}"#);
    ///
    /// let nothing = gm.update_server(3u64).body();
    /// assert!(nothing.is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<UpdateServerBody, Error> {
        self.refused.check(OP)?;
        self.checked_body().map_err(|e| e.at(OP))
    }

    /// The body, checked; a refusal names no operation yet (the create reuses it).
    pub(super) fn checked_body(&self) -> Result<UpdateServerBody, Error> {
        let c = &self.changes;
        c.body(Moved {
            name: c.name.clone(),
            description: c.description.clone(),
            status: c.status.clone(),
            auth_type: c.auth_type.clone(),
        })
    }

    /// Checks the inputs, sends the PATCH with exactly the fields set, and returns the
    /// server as the site reports it afterwards. An answer about another server than the
    /// one asked for is an [`Error::Decode`] naming both.
    ///
    /// When the update sets or clears credentials (test, inbound or outbound), the
    /// site's 200 does not say whether it stored the change, so `send` asks
    /// [`get_server_credentials`](Client::get_server_credentials) afterwards, once for
    /// all of them. Inbound or outbound credentials not stored (the site drops them
    /// while the matching type is `none`, and inbound ones for an `oauth` server whose
    /// `provider` is `getmcp`), or still stored after a clear, are an
    /// [`Error::NotApplied`] naming those slots; they are not sent again, as a second
    /// try would meet the same type. For the test credentials:
    ///
    /// - set, and stored: done (one PATCH, one GET);
    /// - set, and dropped (sent with an `auth_type` change): the credentials are sent
    ///   again in a PATCH of their own and checked again;
    /// - still not stored, or dropped while the server's `auth_type` is `none` or `oauth`
    ///   (nothing is re-sent then), or still stored after a clear: an
    ///   [`Error::NotApplied`] for `getmcp_update_server` listing the fields that were
    ///   applied and the credentials that were not. The other fields *were* applied.
    ///
    /// An inbound configuration ([`auth_config`](Self::auth_config)) that the answer
    /// shows empty (the site stores none while the type is `none`) is an
    /// [`Error::NotApplied`] naming `auth_config`, beside any credentials not stored.
    ///
    /// On a site without the credentials route (404 `rest_no_route`, older plugin
    /// versions) the change cannot be verified: the PATCH's answer is returned and a
    /// `tracing` warning says so. A failure of any request after the first PATCH (the
    /// check, the re-send, the second check) is an [`Error::NotApplied`] whose `cause` is
    /// that request's error: `applied` names the fields the first PATCH stored (an
    /// `auth_type` change among them), `not_applied` the test credentials (not stored, or
    /// not known to be), and [`Error::may_have_applied`] is `true`.
    ///
    /// Credentials whose shape cannot pass the site's check for an `auth_type` set in the
    /// same update (bearer credentials with `api-key`, raw JSON without the keys the type
    /// needs, …) are an [`Error::InvalidInput`] and nothing is sent: the site would change
    /// the type, wipe the stored credentials, and then refuse these. The flag says
    /// that test credentials are stored, not whose: a site that dropped these while
    /// keeping older ones would pass (the plugin observed wipes them in every case that
    /// drops).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp::{self, AuthType, TestAuthCredentials}, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("Docs"); // auth_type none
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// // The site drops credentials sent with the type change; send() re-sends them.
    /// let server = gm
    ///     .update_server(id)
    ///     .auth_type(AuthType::Bearer)
    ///     .test_auth_credentials(TestAuthCredentials::bearer("tok"))
    ///     .send()
    ///     .await?;
    /// assert_eq!(server.auth_type, Some(AuthType::Bearer));
    /// assert_eq!(fake.test_credentials(id), Some(serde_json::json!({"token": "tok"})));
    /// assert_eq!(fake.requests().await.len(), 4); // PATCH, GET, PATCH, GET
    /// # Ok(()) }
    /// ```
    pub async fn send(mut self) -> Result<Server, Error> {
        self.refused.check(OP)?;
        let c = &mut self.changes;
        let moved = Moved {
            name: c.name.take(),
            description: std::mem::take(&mut c.description),
            status: c.status.take(),
            auth_type: c.auth_type.take(),
        };
        let body = c.body(moved).map_err(|e| e.at(OP))?;
        let wanted = c.wanted();
        let server = self.patch(body.clone()).await?;
        let dropped = config_dropped(&body, &server);
        let outcome = if wanted.is_empty() {
            Ok(server)
        } else {
            self.verify(&body, wanted, server).await
        };
        if !dropped {
            return outcome;
        }
        // The configuration was not stored either: say so beside what else was not.
        Err(match outcome {
            Ok(_) => not_applied(&body, vec![AUTH_CONFIG], CONFIG_DROPPED),
            Err(Error::NotApplied {
                platform,
                operation,
                status,
                mut applied,
                mut not_applied,
                reason,
                cause,
            }) => {
                applied.retain(|f| *f != AUTH_CONFIG);
                not_applied.insert(0, AUTH_CONFIG);
                Error::NotApplied {
                    platform,
                    operation,
                    status,
                    applied,
                    not_applied,
                    reason: format!("{CONFIG_DROPPED}; {reason}"),
                    cause,
                }
            }
            Err(e) => e,
        })
    }

    /// After a PATCH that landed with `body` and answered `server`: checks that the
    /// credential changes `wanted` were stored, re-sending test credentials dropped
    /// with a type change once (see [`send`](Self::send)).
    async fn verify(
        &self,
        body: &UpdateServerBody,
        wanted: Vec<(&'static str, bool)>,
        server: Server,
    ) -> Result<Server, Error> {
        let slots: Vec<&'static str> = wanted.iter().map(|(slot, _)| *slot).collect();
        // The PATCH landed: from here on an error says so.
        let landed = |what: &str, e: Error| {
            Error::partly_applied(
                Platform::GetMcp,
                WRITE.id,
                200,
                applied(body, &slots),
                slots.clone(),
                what,
                e,
            )
        };
        let checked = self.stored(&slots).await.map_err(|e| {
            let what = if slots == [TEST_CREDENTIALS] {
                "the update was answered 200; checking whether the site stored the change of the test credentials failed"
            } else {
                "the update was answered 200; checking whether the site stored the change of the credentials failed"
            };
            landed(what, e)
        })?;
        let Some(status) = checked else {
            return Ok(server);
        };
        let off: Vec<(&'static str, bool)> = wanted
            .iter()
            .copied()
            .filter(|(slot, want)| has(&status, slot) != *want)
            .collect();
        if off.is_empty() {
            return Ok(server);
        }
        // Only test credentials the site dropped with a type change are worth sending
        // again: the other slots keep what comes with a type change.
        if off != [(TEST_CREDENTIALS, true)] {
            let why: Vec<String> = off
                .iter()
                .map(|(slot, want)| match (*slot, want) {
                    (TEST_CREDENTIALS, false) => {
                        "test credentials are still stored after the clear".to_owned()
                    }
                    (TEST_CREDENTIALS, true) => {
                        "the site answered 200 and did not store the test credentials".to_owned()
                    }
                    (slot, false) => format!("{slot} are still stored after the clear"),
                    (OUTBOUND_CREDENTIALS, true) => format!(
                        "the site answered 200 and did not store {OUTBOUND_CREDENTIALS} (it drops them while the outbound_auth_type is none)"
                    ),
                    (slot, true) => format!(
                        "the site answered 200 and did not store {slot} (it drops them while the auth_type is none, \
                         and for an oauth server whose provider is \"getmcp\")"
                    ),
                })
                .collect();
            let not: Vec<&'static str> = off.iter().map(|(slot, _)| *slot).collect();
            return Err(not_applied(body, not, &why.join("; ")));
        }
        let test = vec![TEST_CREDENTIALS];
        if let Some(t @ (AuthType::NoAuth | AuthType::OAuth)) = &server.auth_type {
            return Err(not_applied(
                body,
                test,
                &format!("the site drops test credentials while the server's auth_type is \"{t}\"; they were not sent again"),
            ));
        }
        let alone = UpdateServerBody {
            test_auth_credentials: body.test_auth_credentials.clone(),
            ..UpdateServerBody::default()
        };
        let dropped = if body.auth_type.is_some() {
            "the site dropped the test credentials sent with the auth_type change (which also wiped those stored before)"
        } else {
            "the site dropped the test credentials sent with the update"
        };
        let landed_test = |what: &str, e: Error| {
            Error::partly_applied(
                Platform::GetMcp,
                WRITE.id,
                200,
                applied(body, &test),
                test.clone(),
                what,
                e,
            )
        };
        let server = self.patch(alone).await.map_err(|e| {
            landed_test(
                &format!("{dropped}; sending them again on their own failed"),
                e,
            )
        })?;
        let checked = self.stored(&test).await.map_err(|e| {
            landed_test(
                &format!("{dropped}; they were sent again on their own and answered 200, but checking whether they were stored failed"),
                e,
            )
        })?;
        match checked {
            Some(status) if !status.has_test_auth_credentials => Err(not_applied(
                body,
                test,
                "the site answered 200 to the update and to the credentials sent again on their own, and stored them neither time",
            )),
            _ => Ok(server),
        }
    }

    /// One PATCH of this server with `body`; the answer must be about this server.
    async fn patch(&self, body: UpdateServerBody) -> Result<Server, Error> {
        let raw = self.client.raw();
        let op = raw.getmcp_update_server().id(self.server).body(body);
        about(
            self.server,
            WRITE,
            transport::call(raw, WRITE, move || op.send()).await?,
        )
    }

    /// Which credentials are stored now, or `None` where the site cannot say; `slots`
    /// name what is checked, for the warning and the step.
    async fn stored(&self, slots: &[&str]) -> Result<Option<CredentialsStatus>, Error> {
        match self.client.get_server_credentials(self.server).await {
            Ok(status) => Ok(Some(status)),
            Err(e) if e.is_unsupported() => {
                if slots == [TEST_CREDENTIALS] {
                    tracing::warn!(
                        server = %self.server,
                        "GetMCP: the site has no GET /servers/{{id}}/credentials route, so whether \
                         the test credentials were changed cannot be verified; returning the \
                         update's answer"
                    );
                } else {
                    tracing::warn!(
                        server = %self.server,
                        slots = %slots.join(","),
                        "GetMCP: the site has no GET /servers/{{id}}/credentials route, so whether \
                         the credentials were changed cannot be verified; returning the \
                         update's answer"
                    );
                }
                Ok(None)
            }
            Err(e) => {
                let step = if slots == [TEST_CREDENTIALS] {
                    "checking the stored test credentials"
                } else {
                    "checking the stored credentials"
                };
                Err(e.in_step(WRITE, step))
            }
        }
    }
}

/// The inbound configuration's wire name.
const AUTH_CONFIG: &str = "auth_config";

/// Why a configuration sent is not applied.
const CONFIG_DROPPED: &str = "the site answered 200 and stored an empty auth_config (it stores none while the auth_type is none)";

/// Whether the site answered `server` without the configuration `body` set: one was
/// sent (not the clear, `{}`) and the answer shows an empty one (`"[]"`, as the site
/// stores while the type is `none`). An answer without the field cannot tell.
fn config_dropped(body: &UpdateServerBody, server: &Server) -> bool {
    if body.auth_config.as_deref().is_none_or(|sent| sent == "{}") {
        return false;
    }
    match server.auth_config.as_ref().map(Redacted::expose) {
        None => false,
        Some(Value::String(text)) => {
            serde_json::from_str::<Value>(text).map_or(text.trim().is_empty(), |v| php_empty(&v))
        }
        Some(v) => php_empty(v),
    }
}

/// Whether `status` says credentials are stored in `slot`.
fn has(status: &CredentialsStatus, slot: &str) -> bool {
    match slot {
        AUTH_CREDENTIALS => status.has_auth_credentials,
        OUTBOUND_CREDENTIALS => status.has_outbound_auth_credentials,
        _ => status.has_test_auth_credentials,
    }
}

/// The fields a body takes over from the changes whole: moved out by
/// [`UpdateServer::send`], cloned by [`UpdateServer::body`].
struct Moved {
    name: Option<String>,
    description: Patch<String>,
    status: Option<ServerStatus>,
    auth_type: Option<AuthType>,
}

impl Changes {
    /// The credential slots this update sets (`true`) or clears (`false`), in the
    /// body's order: what [`UpdateServer::send`] checks afterwards.
    fn wanted(&self) -> Vec<(&'static str, bool)> {
        fn want<T>(patch: &Patch<T>) -> Option<bool> {
            match patch {
                Patch::Keep => None,
                Patch::Set(_) => Some(true),
                Patch::Clear => Some(false),
            }
        }
        [
            (AUTH_CREDENTIALS, want(&self.auth_credentials)),
            (TEST_CREDENTIALS, want(&self.test_auth_credentials)),
            (OUTBOUND_CREDENTIALS, want(&self.outbound_auth)),
        ]
        .into_iter()
        .filter_map(|(slot, want)| want.map(|w| (slot, w)))
        .collect()
    }

    /// Checks the changes and builds the body from them and `moved`.
    fn body(&self, moved: Moved) -> Result<UpdateServerBody, Error> {
        let c = self;
        if moved.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(Error::invalid("name", "the name must not be empty"));
        }
        let cors_origins = match &c.cors_origins {
            Patch::Keep => None,
            Patch::Clear => Some(String::new()),
            Patch::Set(list) => Some(join_origins(list)?),
        };
        match c.rate_limit_per_min {
            Some(n) if n < -1 => {
                return Err(Error::invalid(
                    "rate_limit_per_min",
                    format!("{n} is below -1 (-1 = no limit, 0 = site default)"),
                ))
            }
            Some(n) if n > MAX_RATE_LIMIT => {
                return Err(Error::invalid(
                    "rate_limit_per_min",
                    format!("{n} is above {MAX_RATE_LIMIT}, the most the site stores (it would keep {MAX_RATE_LIMIT})"),
                ))
            }
            _ => {}
        }
        let mut clear_credentials = Vec::new();
        let auth_config = match &c.auth_config {
            Patch::Keep => None,
            Patch::Clear => Some("{}".to_owned()),
            Patch::Set(config) => {
                let config = config.expose();
                check_config("auth_config", config)?;
                if let Some(AuthType::NoAuth) = &moved.auth_type {
                    return Err(Error::invalid(
                        "auth_config",
                        "the site stores no configuration for auth_type \"none\" set in this update",
                    ));
                }
                Some(Value::Object(config.clone()).to_string())
            }
        };
        let auth_credentials = match &c.auth_credentials {
            Patch::Keep => None,
            Patch::Clear => {
                clear_credentials.push(AUTH_CREDENTIALS.to_owned());
                Some(String::new())
            }
            Patch::Set(credentials) => {
                if let Some(AuthType::NoAuth) = &moved.auth_type {
                    return Err(Error::invalid(
                        AUTH_CREDENTIALS,
                        "the site wipes inbound credentials for auth_type \"none\" set in this update",
                    ));
                }
                if let Some(t) = &moved.auth_type {
                    credentials.check_fits_as(AUTH_CREDENTIALS, "auth_type", t)?;
                }
                Some(credentials.encode(AUTH_CREDENTIALS)?)
            }
        };
        if let (Some(AuthType::OAuth), Patch::Set(config)) = (&moved.auth_type, &c.auth_config) {
            match config.expose().get("provider") {
                None => {}
                Some(p) if p == "external" => {}
                Some(p) if p == "getmcp" => {
                    if matches!(c.auth_credentials, Patch::Set(_)) {
                        return Err(Error::invalid(
                            AUTH_CREDENTIALS,
                            "the site wipes inbound credentials for an oauth server whose \
                             provider is \"getmcp\" (its own OAuth server needs no client secret)",
                        ));
                    }
                }
                Some(p) => {
                    return Err(Error::invalid(
                        "auth_config",
                        format!(
                            "provider {p} with auth_type \"oauth\": the site takes only \"getmcp\" \
                             or \"external\" (400 getmcp_invalid_oauth_provider)"
                        ),
                    ))
                }
            }
        }
        let test_auth_credentials = match &c.test_auth_credentials {
            Patch::Keep => None,
            Patch::Clear => {
                clear_credentials.push(TEST_CREDENTIALS.to_owned());
                Some(String::new())
            }
            Patch::Set(credentials) => {
                if let Some(t @ (AuthType::NoAuth | AuthType::OAuth)) = &moved.auth_type {
                    return Err(Error::invalid(
                        TEST_CREDENTIALS,
                        format!("the site never stores test credentials for auth_type \"{t}\""),
                    ));
                }
                if let Some(t) = &moved.auth_type {
                    credentials.check_fits(t)?;
                }
                Some(credentials.to_json_string()?)
            }
        };
        let (outbound_auth_type, outbound_auth_credentials, outbound_auth_config) =
            match &c.outbound_auth {
                Patch::Keep => (None, None, None),
                Patch::Clear => (Some(OutboundAuthType::NoAuth), None, None),
                Patch::Set(auth) => {
                    let (t, credentials, config) = auth.encode()?;
                    (Some(t), Some(credentials), config)
                }
            };
        // Either configuration is stored as sent, also where the add-on would merge it.
        let auth_config_mode =
            (auth_config.is_some() || outbound_auth_config.is_some()).then(|| REPLACE.to_owned());
        let settings = match &c.settings {
            Patch::Keep => None,
            Patch::Clear => Some(Redacted::new(Map::new())),
            Patch::Set(settings) => {
                if !matches!(moved.description, Patch::Keep)
                    && settings.expose().contains_key("description")
                {
                    return Err(Error::invalid(
                        "settings",
                        "holds a `description` key and the description is set in this update too; \
                         the site would keep only one of them: set it in one place",
                    ));
                }
                Some(settings.clone())
            }
        };
        let body = UpdateServerBody {
            name: moved.name,
            description: moved.description.into_wire(String::new),
            status: moved.status,
            auth_type: moved.auth_type,
            auth_config,
            auth_config_mode,
            auth_credentials: auth_credentials.map(Redacted::new),
            test_auth_credentials: test_auth_credentials.map(Redacted::new),
            outbound_auth_type,
            outbound_auth_config,
            outbound_auth_credentials: outbound_auth_credentials.map(Redacted::new),
            clear_credentials: (!clear_credentials.is_empty()).then_some(clear_credentials),
            cors_origins,
            rate_limit_per_min: c.rate_limit_per_min,
            settings,
        };
        if body.is_empty() {
            return Err(Error::invalid(
                "update",
                "nothing to update: set at least one field",
            ));
        }
        Ok(body)
    }
}

/// `auth_config_mode` sent with every configuration: store it as sent.
const REPLACE: &str = "replace";

/// The PATCH of this builder.
const WRITE: &Operation = &ops::GETMCP_UPDATE_SERVER;

/// The error for an update the site answered with 200 without storing its change of the
/// credentials `slots`: `why`, and which of the fields sent were applied.
fn not_applied(body: &UpdateServerBody, slots: Vec<&'static str>, why: &str) -> Error {
    Error::NotApplied {
        platform: Platform::GetMcp,
        operation: WRITE.id,
        status: 200,
        applied: applied(body, &slots),
        not_applied: slots,
        reason: why.to_owned(),
        cause: None,
    }
}

/// The fields of a PATCH answered with 200 that the site stores whatever it does with
/// the credentials `slots`: all but those, `clear_credentials` and `auth_config_mode`
/// (how, not what).
fn applied(body: &UpdateServerBody, slots: &[&str]) -> Vec<&'static str> {
    body.fields()
        .into_iter()
        .filter(|f| !slots.contains(f) && *f != "clear_credentials" && *f != "auth_config_mode")
        .collect()
}

/// Checks each origin (`scheme://host[:port]`, no path, comma or whitespace) and joins
/// them with commas.
fn join_origins(origins: &[String]) -> Result<String, Error> {
    if origins.is_empty() {
        return Err(Error::invalid(
            "cors_origins",
            "an empty list would allow every origin; call allow_all_origins() to mean that",
        ));
    }
    for origin in origins {
        check_origin(origin)?;
    }
    Ok(origins.join(","))
}

fn check_origin(origin: &str) -> Result<(), Error> {
    let scanned = if let Some(rest) = origin.strip_prefix("https://") {
        serialized_origin(rest, true)
    } else {
        origin
            .strip_prefix("http://")
            .and_then(|rest| serialized_origin(rest, false))
    };
    if scanned == Some(true) {
        return Ok(());
    }
    // Refusals, and punycode labels (valid only if they decode), go through the checks
    // below and the full URL parser, which also says what browsers would send instead.
    let bad = |why: &str| Err(Error::invalid("cors_origins", format!("{origin:?}: {why}")));
    if origin.is_empty() {
        return bad("empty origin");
    }
    if origin.contains(',') {
        return bad("contains a comma; pass each origin separately");
    }
    if origin.chars().any(char::is_whitespace) {
        return bad("contains whitespace");
    }
    if origin == "*" {
        return bad("use allow_all_origins() to allow every origin");
    }
    let Some((scheme, rest)) = origin.split_once("://") else {
        return bad("expected scheme://host[:port]");
    };
    if scheme != "https" && scheme != "http" {
        return bad("the scheme must be http or https");
    }
    if rest.contains(['/', '?', '#', '@']) {
        return bad("an origin has no path, query, fragment or user part");
    }
    match reqwest::Url::parse(origin) {
        Ok(url) if url.host_str().is_some_and(|h| !h.is_empty()) => {
            // Browsers send the serialized origin (lower-case, punycode, no default port);
            // an entry written any other way would never match one.
            let canonical = url.origin().ascii_serialization();
            if canonical == origin {
                Ok(())
            } else {
                bad(&format!(
                    "browsers send this origin as {canonical:?}; pass that form"
                ))
            }
        }
        Ok(_) => bad("no host"),
        Err(e) => bad(&e.to_string()),
    }
}

/// Whether `authority` (after `http://` or `https://`) is written exactly as a browser
/// serializes an origin's host and port: `Some(true)` yes, `Some(false)` no, `None` when
/// it has a punycode (`xn--`) label, which only a decoder can validate. A byte scan that
/// agrees with `Url::parse` and `Origin::ascii_serialization` without running IDNA.
fn serialized_origin(authority: &str, https: bool) -> Option<bool> {
    let (host, port) = if authority.starts_with('[') {
        match authority.split_once(']') {
            Some((v6, "")) => (&authority[..=v6.len()], None),
            Some((v6, port)) => match port.strip_prefix(':') {
                Some(port) => (&authority[..=v6.len()], Some(port)),
                None => return Some(false),
            },
            None => return Some(false),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if let Some(port) = port {
        let default = if https { 443 } else { 80 };
        let canonical = (port == "0" || !port.starts_with('0'))
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u16>().is_ok_and(|n| n != default);
        if !canonical {
            return Some(false);
        }
    }
    if let Some(v6) = host.strip_prefix('[') {
        return Some(canonical_ipv6(&v6[..v6.len() - 1]));
    }
    canonical_domain(host)
}

/// A domain or IPv4 host as the URL standard serializes it: lower-case ASCII without the
/// characters a host may not hold or that parsing rewrites (`%`), and, when the last label
/// is a number, a dotted-quad IPv4 address in decimal.
fn canonical_domain(host: &str) -> Option<bool> {
    let bytes = host.as_bytes();
    if bytes.is_empty() {
        return Some(false);
    }
    let mut punycode = false;
    let mut label_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'.' => label_start = i + 1,
            b'a'..=b'z' | b'0'..=b'9' | b'-' => {
                if b == b'-' && i == label_start + 3 && bytes[label_start..].starts_with(b"xn--") {
                    punycode = true;
                }
            }
            b'A'..=b'Z'
            | b'%'
            | b','
            | b'#'
            | b'/'
            | b':'
            | b'<'
            | b'>'
            | b'?'
            | b'@'
            | b'['
            | b'\\'
            | b']'
            | b'^'
            | b'|' => return Some(false),
            b'!'..=b'~' => {}
            _ => return Some(false),
        }
    }
    if ends_in_a_number(host) {
        return Some(host.parse::<std::net::Ipv4Addr>().is_ok());
    }
    if punycode {
        None
    } else {
        Some(true)
    }
}

/// The URL standard's "ends in a number": the last label (before one trailing dot) is
/// decimal digits, or an IPv4 number in hex (`0x…`) or octal (`0…`); such a host is parsed
/// as an IPv4 address.
fn ends_in_a_number(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let last = host.rsplit('.').next().unwrap_or(host);
    let digits = |s: &str, radix: u32| s.chars().all(|c| c.is_digit(radix));
    if let Some(hex) = last.strip_prefix("0x").or_else(|| last.strip_prefix("0X")) {
        return digits(hex, 16);
    }
    !last.is_empty() && digits(last, 10)
}

/// An IPv6 address as the URL standard serializes it: lower-case hex pieces without
/// leading zeros, the first longest run of two or more zero pieces as `::`, no embedded
/// IPv4 form.
fn canonical_ipv6(text: &str) -> bool {
    let Ok(address) = text.parse::<std::net::Ipv6Addr>() else {
        return false;
    };
    let pieces = address.segments();
    let (mut run, mut best) = ((0, 0), (0, 0));
    for (i, &piece) in pieces.iter().enumerate() {
        if piece != 0 {
            continue;
        }
        run = if run.1 == i && run.1 > run.0 {
            (run.0, i + 1)
        } else {
            (i, i + 1)
        };
        if run.1 - run.0 > best.1 - best.0 {
            best = run;
        }
    }
    let compress = if best.1 - best.0 >= 2 {
        Some(best)
    } else {
        None
    };
    let mut rest = text.as_bytes();
    let mut i = 0;
    while i < 8 {
        if compress.is_some_and(|(start, _)| start == i) {
            let Some(after) = rest.strip_prefix(b"::") else {
                return false;
            };
            rest = after;
            i = compress.map_or(i, |(_, end)| end);
            continue;
        }
        let sep: &[u8] = if i == 0 || compress.is_some_and(|(_, end)| end == i) {
            b""
        } else {
            b":"
        };
        let Some(after) = rest.strip_prefix(sep) else {
            return false;
        };
        let piece = format_hex(pieces[i]);
        let Some(after) = after.strip_prefix(&piece.0[..piece.1]) else {
            return false;
        };
        rest = after;
        i += 1;
    }
    rest.is_empty()
}

/// `n` in lower-case hex without leading zeros: the digits and how many are used.
fn format_hex(n: u16) -> ([u8; 4], usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let len = (16 - n.leading_zeros() as usize).div_ceil(4).max(1);
    let mut out = [0u8; 4];
    for (j, slot) in out[..len].iter_mut().enumerate() {
        *slot = HEX[usize::from((n >> (4 * (len - 1 - j))) & 0xf)];
    }
    (out, len)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{check_origin, serialized_origin, UpdateServer};
    use crate::{
        getmcp::{AuthType, Client, RateLimit, ServerStatus, TestAuthCredentials},
        Patch,
    };

    fn update() -> UpdateServer {
        Client::builder("https://yoursite.com")
            .api_key("gmcp_0123456789abcdef0123456789abcdef")
            .build()
            .unwrap()
            .update_server(3u64)
    }

    fn sent(update: UpdateServer) -> String {
        serde_json::to_string(&update.body().unwrap()).unwrap()
    }

    #[test]
    fn set_keep_and_set_none_send_nothing() {
        let all_left = update()
            .rate_limit_per_min(5)
            .set_name(None)
            .set_description(Patch::Keep)
            .set_status(None)
            .set_auth_type(None)
            .set_test_auth_credentials(Patch::Keep)
            .set_cors_origins(Patch::Keep);
        assert_eq!(sent(all_left), r#"{"rate_limit_per_min":5}"#);
        let limit_left = update()
            .name("Tools")
            .set_rate_limit_per_min(None)
            .set_rate_limit(None);
        assert_eq!(sent(limit_left), r#"{"name":"Tools"}"#);
    }

    #[test]
    fn set_clear_sends_the_empty_form() {
        let cleared = update()
            .set_description(Patch::Clear)
            .set_test_auth_credentials(Patch::Clear)
            .set_cors_origins(Patch::Clear);
        assert_eq!(
            sent(cleared),
            concat!(
                r#"{"description":"","test_auth_credentials":"","#,
                r#""clear_credentials":["test_auth_credentials"],"cors_origins":""}"#
            )
        );
    }

    #[test]
    fn set_some_sends_the_value_like_the_plain_setter() {
        let set = update()
            .set_name(Some("Tools".into()))
            .set_description(Some("About".to_owned()).into())
            .set_status(Some(ServerStatus::Paused))
            .set_auth_type(Some(AuthType::Bearer))
            .set_test_auth_credentials(Patch::Set(TestAuthCredentials::bearer("tok")))
            .set_cors_origins(Patch::Set(vec!["https://a.example".into()]))
            .set_rate_limit(Some(RateLimit::Unlimited));
        let plain = update()
            .name("Tools")
            .description("About")
            .status(ServerStatus::Paused)
            .auth_type(AuthType::Bearer)
            .test_auth_credentials(TestAuthCredentials::bearer("tok"))
            .cors_origins(["https://a.example"])
            .rate_limit_per_min(-1);
        let expected = concat!(
            r#"{"name":"Tools","description":"About","status":"paused","auth_type":"bearer","#,
            r#""test_auth_credentials":"{\"token\":\"tok\"}","cors_origins":"https://a.example","#,
            r#""rate_limit_per_min":-1}"#
        );
        assert_eq!(sent(set), expected);
        assert_eq!(sent(plain), expected);
    }

    #[test]
    fn body_debug_hides_the_credentials() {
        let body = update()
            .test_auth_credentials(TestAuthCredentials::basic("me", "PW-SECRET"))
            .body()
            .unwrap();
        assert_eq!(
            body.test_auth_credentials
                .as_ref()
                .map(|c| c.expose().as_str()),
            Some(r#"{"username":"me","password":"PW-SECRET"}"#)
        );
        let shown = format!("{body:?}");
        assert!(!shown.contains("PW-SECRET"), "{shown}");
        assert!(
            shown.contains(r#"test_auth_credentials: Some("[redacted]")"#),
            "{shown}"
        );
        let builder = format!(
            "{:?}",
            update().test_auth_credentials(TestAuthCredentials::bearer("TOK-SECRET"))
        );
        assert!(!builder.contains("TOK-SECRET"), "{builder}");
    }

    #[test]
    fn origins() {
        for ok in [
            "https://a.example",
            "http://localhost:8080",
            "https://[::1]:3000",
            "https://xn--bcher-kva.example",
            "https://a.example:8443",
            "http://a.example:443",
            "http://127.0.0.1:8080",
            "https://[2001:db8::ff00:42:8329]",
            "http://a.example:0",
        ] {
            assert!(check_origin(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "*",
            "a.example",
            "https://a.example/",
            "https://a.example/path",
            "https://a.example,https://b",
            "https://a .example",
            "ftp://a.example",
            "https://",
            "https://u@a.example",
            "https://a.example?x",
            "https://a.example:99999",
            "https://a.example:",
            "https://a.example:443",
            "http://a.example:80",
            "https://A.example",
            "https://bücher.example",
            "https://%61.example",
            "http://0x7f.1",
            "http://127.000.0.1",
            "https://[0::1]",
            "https://[::FFFF]",
            "https://a.example:08443",
        ] {
            assert!(check_origin(bad).is_err(), "{bad}");
        }
    }

    /// The rule the scan stands for: the URL parser's serialized origin equals the input.
    fn browsers_send_as_is(origin: &str) -> bool {
        match reqwest::Url::parse(origin) {
            Ok(url) if url.host_str().is_some_and(|h| !h.is_empty()) => {
                url.origin().ascii_serialization() == origin
            }
            _ => false,
        }
    }

    fn label() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => "[a-z0-9-]{1,6}",
            2 => "[0-9]{1,4}",
            1 => "0[xX][0-9a-fA-F]{0,3}",
            1 => "[a-zA-Z]{1,4}",
            1 => "[!-~]{1,3}",
            1 => prop::sample::select(vec![" ", "\t", ",", "a b"]).prop_map(str::to_owned),
            1 => Just(String::new()),
            1 => prop::sample::select(vec!["xn--bcher-kva", "xn--", "xn--zz", "xn--a-", "XN--bcher-kva", "bücher", "ü"])
                .prop_map(str::to_owned),
        ]
    }

    fn domain() -> impl Strategy<Value = String> {
        (prop::collection::vec(label(), 1..4), any::<bool>()).prop_map(|(labels, dot)| {
            let mut host = labels.join(".");
            if dot {
                host.push('.');
            }
            host
        })
    }

    fn ipv4() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => (0u32..300).prop_map(|n| n.to_string()),
                1 => (0u32..300).prop_map(|n| format!("0{n}")),
                1 => (0u32..300).prop_map(|n| format!("0x{n:x}")),
                1 => Just(u32::MAX.to_string()),
            ],
            1..6,
        )
        .prop_map(|parts| parts.join("."))
    }

    /// IPv6 addresses written in many forms: every piece, any run compressed, upper
    /// case, leading zeros, an embedded IPv4 tail.
    fn ipv6() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(
                prop_oneof![3 => Just(0u16), 1 => 0u16..16, 1 => any::<u16>()],
                8,
            ),
            0usize..9,
            0usize..9,
            0u8..4,
        )
            .prop_map(|(pieces, a, b, style)| {
                let hex = |p: &u16| match style {
                    1 => format!("{p:X}"),
                    2 => format!("{p:04x}"),
                    _ => format!("{p:x}"),
                };
                let mut text: Vec<String> = pieces.iter().map(hex).collect();
                if style == 3 {
                    text.truncate(6);
                    text.push(format!(
                        "{}.{}.{}.{}",
                        pieces[6] >> 8,
                        pieces[6] & 0xff,
                        pieces[7] >> 8,
                        pieces[7] & 0xff
                    ));
                }
                let (a, b) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
                if b > a {
                    format!("[{}::{}]", text[..a].join(":"), text[b..].join(":"))
                } else {
                    format!("[{}]", text.join(":"))
                }
            })
    }

    fn origin() -> impl Strategy<Value = String> {
        let host = prop_oneof![5 => domain(), 2 => ipv4(), 2 => ipv6()];
        let port = prop_oneof![
            4 => Just(String::new()),
            1 => prop::sample::select(vec![":", ":0", ":00", ":80", ":443", ":8080", ":08080", ":65535", ":65536", ":99999", ":8a"])
                .prop_map(str::to_owned),
            1 => any::<u16>().prop_map(|p| format!(":{p}")),
        ];
        (prop::sample::select(vec!["http", "https"]), host, port)
            .prop_map(|(scheme, host, port)| format!("{scheme}://{host}{port}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Where the scan decides, it decides as the URL parser does; the whole check
        /// accepts exactly what the URL parser serializes unchanged.
        #[test]
        fn the_scan_agrees_with_the_url_parser(origin in origin()) {
            let expected = browsers_send_as_is(&origin);
            let (scheme, rest) = origin.split_once("://").unwrap();
            // What the check refuses before either parse: a list, a path, a user part.
            let plain =
                !rest.contains(['/', '?', '#', '@', ',']) && !rest.chars().any(char::is_whitespace);
            if let Some(decided) = serialized_origin(rest, scheme == "https") {
                prop_assert_eq!(decided, plain && expected, "scan on {:?}", origin);
            }
            prop_assert_eq!(check_origin(&origin).is_ok(), plain && expected, "{:?}", origin);
        }
    }
}
