//! A server's life cycle besides reads and updates: create, duplicate, toggle, delete.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::{
    getmcp::{
        shared::{self, expect_server},
        AuthType, Client, OutboundAuth, RateLimit, Server, ServerRef, ServerStatus,
        TestAuthCredentials, UpdateServer, UpdateServerBody,
    },
    id::{self, IntoId, Refused},
    transport::{self, ops},
    Error, Patch,
};

/// The most bytes of `instructions` the plugin stores.
pub const MAX_INSTRUCTIONS_BYTES: usize = 8192;

/// The create body: the update's fields (`name` always set) and the fields only a create
/// takes.
///
/// Built by [`CreateServer`]; public for the raw client.
///
/// ```
/// use mcp_admin::getmcp::{CreateServerBody, UpdateServerBody};
///
/// let body = CreateServerBody {
///     fields: UpdateServerBody { name: Some("Tools".into()), ..Default::default() },
///     slug: Some("tools".into()),
///     ..Default::default()
/// };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"Tools","slug":"tools"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateServerBody {
    /// What an update can send too, with the update's wire rules.
    #[serde(flatten)]
    pub fields: UpdateServerBody,
    /// `slug`; derived from the name when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// `instructions`, stored as `settings.instructions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
}

/// A new server: `name` is required, every other field optional and sent only when set.
///
/// The fields and their checks are the update's ([`UpdateServer`]), plus
/// [`slug`](Self::slug) and [`instructions`](Self::instructions). What the site fills in
/// for what you leave out: status `active`, auth type `none`, 60 requests per minute,
/// and a slug derived from the name, de-duplicated with `-1`, `-2`, …
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), mcp_admin::Error> {
/// use mcp_admin::{getmcp::{self, AuthType, ServerStatus}, testing::FakeGetMcp};
///
/// let fake = FakeGetMcp::start().await;
/// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
/// let server = gm
///     .create_server("GitHub Tools")
///     .description("Tools for GitHub")
///     .auth_type(AuthType::Bearer)
///     .rate_limit_per_min(30)
///     .send()
///     .await?;
/// assert_eq!(server.slug.as_deref(), Some("github-tools"));
/// assert_eq!(server.status, Some(ServerStatus::Active));
/// assert_eq!(server.description(), Some("Tools for GitHub"));
/// # Ok(()) }
/// ```
///
/// A create that fails on the way back (a timeout after the request was sent) may have
/// created the server ([`Error::may_have_applied`](crate::Error::may_have_applied) says
/// so): list by name before trying again. The same holds for a 502 or 504 from a proxy,
/// which is why the client's [`RetryPolicy`](crate::RetryPolicy) never repeats a create
/// after one (it does after a 429 or 503, which say the site did not handle it).
#[must_use = "a create does nothing until `.send()` is awaited"]
#[derive(Clone)]
pub struct CreateServer {
    client: Client,
    /// The update's fields, checks and body, with the name set; its server is never used.
    fields: UpdateServer,
    slug: Option<String>,
    instructions: Option<String>,
}

impl fmt::Debug for CreateServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateServer")
            .field("body", &self.body())
            .finish()
    }
}

impl CreateServer {
    fn new(client: &Client, name: String) -> Self {
        CreateServer {
            client: client.clone(),
            fields: UpdateServer::new(client.clone(), ServerRef::Id(0), Refused::default())
                .name(name),
            slug: None,
            instructions: None,
        }
    }

    fn with(mut self, f: impl FnOnce(UpdateServer) -> UpdateServer) -> Self {
        self.fields = f(self.fields);
        self
    }

    /// The URL slug (lower-case letters, digits and `-`). The site makes it unique as it
    /// does a slug derived from the name: when another server has it, the new server
    /// gets `-1`, `-2`, … appended (`github-tools` → `github-tools-1`; plugin code, and a
    /// run on WordPress). [`send`](Self::send) still returns `Ok`, since the server
    /// exists and an error would invite a duplicate create: compare the answer's
    /// `slug` with the one asked for. A `tracing` warning names both.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// fake.seed_server("GitHub Tools"); // slug github-tools
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let server = gm.create_server("Other").slug("github-tools").send().await?;
    /// assert_eq!(server.slug.as_deref(), Some("github-tools-1"));
    /// # Ok(()) }
    /// ```
    pub fn slug(self, slug: impl Into<String>) -> Self {
        self.set_slug(Some(slug.into()))
    }

    /// The slug, or `None` to derive it from the name.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_server("Tools").set_slug(Some("gh-tools".into())).body()?;
    /// assert_eq!(body.slug.as_deref(), Some("gh-tools"));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_slug(mut self, slug: Option<String>) -> Self {
        self.slug = slug;
        self
    }

    /// Instructions for the AI clients, stored as `settings.instructions`: at most
    /// [`MAX_INSTRUCTIONS_BYTES`]; the site strips control characters (plugin code).
    pub fn instructions(self, text: impl Into<String>) -> Self {
        self.set_instructions(Some(text.into()))
    }

    /// The instructions, or `None` for none.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let too_long = "x".repeat(mcp_admin::getmcp::MAX_INSTRUCTIONS_BYTES + 1);
    /// assert!(gm.create_server("Tools").set_instructions(Some(too_long)).body().is_err());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_instructions(mut self, text: Option<String>) -> Self {
        self.instructions = text;
        self
    }

    /// The description, stored as `settings.description`.
    pub fn description(self, description: impl Into<String>) -> Self {
        self.with(|u| u.description(description))
    }

    /// The description, or `None` for none.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_server("Tools").set_description(None).body()?;
    /// assert_eq!(body.fields.description, None);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_description(self, description: Option<String>) -> Self {
        self.with(|u| u.set_description(Patch::from(description)))
    }

    /// The status; `active` when not set.
    pub fn status(self, status: ServerStatus) -> Self {
        self.with(|u| u.status(status))
    }

    /// The status, or `None` for the site's default (`active`).
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_server("Tools").set_status(Some(mcp_admin::getmcp::ServerStatus::Draft)).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"Tools","status":"draft"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_status(self, status: Option<ServerStatus>) -> Self {
        self.with(|u| u.set_status(status))
    }

    /// Inbound authentication of the MCP endpoint; `none` when not set.
    pub fn auth_type(self, auth_type: AuthType) -> Self {
        self.with(|u| u.auth_type(auth_type))
    }

    /// The inbound authentication, or `None` for the site's default (`none`).
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_server("Tools").set_auth_type(Some(mcp_admin::getmcp::AuthType::Basic)).body()?;
    /// assert_eq!(body.fields.auth_type, Some(mcp_admin::getmcp::AuthType::Basic));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_auth_type(self, auth_type: Option<AuthType>) -> Self {
        self.with(|u| u.set_auth_type(auth_type))
    }

    /// Credentials for the admin panel's **Test** button, JSON-encoded for you. The site
    /// stores them only with an [`auth_type`](Self::auth_type) of bearer, api-key or
    /// basic (a new server's type defaults to none, which drops them with a 200), so
    /// without one of those they are refused before sending.
    pub fn test_auth_credentials(self, credentials: TestAuthCredentials) -> Self {
        self.with(|u| u.test_auth_credentials(credentials))
    }

    /// The test credentials, or `None` for none.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// use mcp_admin::getmcp::{AuthType, TestAuthCredentials};
    /// let body = gm
    ///     .create_server("Tools")
    ///     .auth_type(AuthType::Bearer)
    ///     .set_test_auth_credentials(Some(TestAuthCredentials::bearer("t")))
    ///     .body()?;
    /// assert_eq!(body.fields.test_auth_credentials.unwrap().expose(), r#"{"token":"t"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_test_auth_credentials(self, credentials: Option<TestAuthCredentials>) -> Self {
        self.with(|u| u.set_test_auth_credentials(Patch::from(credentials)))
    }

    /// The inbound auth configuration, sent JSON-encoded; checked as on the update
    /// ([`UpdateServer::auth_config`]: no secret-like key). The site stores it as sent.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// use mcp_admin::getmcp::AuthType;
    /// let config = serde_json::json!({"provider": "external"});
    /// let body = gm
    ///     .create_server("Tools")
    ///     .auth_type(AuthType::OAuth)
    ///     .auth_config(config.as_object().unwrap().clone())
    ///     .body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({"name": "Tools", "auth_type": "oauth", "auth_config": r#"{"provider":"external"}"#})
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn auth_config(self, config: Map<String, Value>) -> Self {
        self.set_auth_config(Some(config))
    }

    /// The inbound auth configuration, or `None` for none.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_server("Tools").set_auth_config(None).body()?;
    /// assert_eq!(body.fields.auth_config, None);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_auth_config(self, config: Option<Map<String, Value>>) -> Self {
        self.with(|u| u.set_auth_config(Patch::from(config)))
    }

    /// The inbound credentials callers of the MCP endpoint present, JSON-encoded for
    /// you and checked against the [`auth_type`](Self::auth_type), which must be set:
    /// a new server's type defaults to `none`, for which the site wipes them.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// use mcp_admin::getmcp::{AuthType, TestAuthCredentials};
    /// let body = gm
    ///     .create_server("Tools")
    ///     .auth_type(AuthType::Basic)
    ///     .auth_credentials(TestAuthCredentials::basic("me", "pw"))
    ///     .body()?;
    /// assert_eq!(body.fields.auth_credentials.unwrap().expose(), r#"{"username":"me","password":"pw"}"#);
    /// assert!(gm.create_server("Tools").auth_credentials(TestAuthCredentials::bearer("t")).body().is_err());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn auth_credentials(self, credentials: TestAuthCredentials) -> Self {
        self.set_auth_credentials(Some(credentials))
    }

    /// The inbound credentials, or `None` for none.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// use mcp_admin::getmcp::{AuthType, TestAuthCredentials};
    /// let body = gm
    ///     .create_server("Tools")
    ///     .auth_type(AuthType::Bearer)
    ///     .set_auth_credentials(Some(TestAuthCredentials::bearer("caller")))
    ///     .body()?;
    /// assert_eq!(body.fields.auth_credentials.unwrap().expose(), r#"{"token":"caller"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_auth_credentials(self, credentials: Option<TestAuthCredentials>) -> Self {
        self.with(|u| u.set_auth_credentials(Patch::from(credentials)))
    }

    /// How the server authenticates towards its upstream API ([`OutboundAuth`]); none
    /// when not set.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// use mcp_admin::getmcp::OutboundAuth;
    /// let body = gm.create_server("Tools").outbound_auth(OutboundAuth::bearer("up")).body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({"name": "Tools", "outbound_auth_type": "bearer", "outbound_auth_credentials": r#"{"token":"up"}"#})
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn outbound_auth(self, auth: OutboundAuth) -> Self {
        self.set_outbound_auth(Some(auth))
    }

    /// The outbound authentication, or `None` for none.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_server("Tools").set_outbound_auth(None).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"Tools"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_outbound_auth(self, auth: Option<OutboundAuth>) -> Self {
        self.with(|u| u.set_outbound_auth(Patch::from(auth)))
    }

    /// The server's `settings` object. The site stores it with
    /// [`description`](Self::description) and [`instructions`](Self::instructions)
    /// written into it (as `settings.description` and `settings.instructions`); a map
    /// holding either key while its typed setter is used too is refused, as the site
    /// would keep only the typed one.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let settings = serde_json::json!({"log_level": "debug"});
    /// let body = gm.create_server("Tools").settings(settings.as_object().unwrap().clone()).instructions("Be brief").body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({"name": "Tools", "settings": {"log_level": "debug"}, "instructions": "Be brief"})
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn settings(self, settings: Map<String, Value>) -> Self {
        self.set_settings(Some(settings))
    }

    /// The settings, or `None` for none.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let settings = serde_json::json!({"log_level": "debug"});
    /// let body = gm.create_server("Tools").set_settings(settings.as_object().cloned()).body()?;
    /// assert_eq!(body.fields.settings.unwrap().expose()["log_level"], "debug");
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_settings(self, settings: Option<Map<String, Value>>) -> Self {
        self.with(|u| u.set_settings(Patch::from(settings)))
    }

    /// The allowed CORS origins, checked as on the update; all origins when not set.
    pub fn cors_origins<I, S>(self, origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.with(|u| u.cors_origins(origins))
    }

    /// The origins, or `None` to allow every origin.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_server("Tools").set_cors_origins(Some(vec!["https://a.example".into()])).body()?;
    /// assert_eq!(body.fields.cors_origins.as_deref(), Some("https://a.example"));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_cors_origins(self, origins: Option<Vec<String>>) -> Self {
        self.with(|u| u.set_cors_origins(Patch::from(origins)))
    }

    /// Requests per minute (`-1` no limit, `0` the site default); 60 when not set.
    pub fn rate_limit_per_min(self, per_min: i64) -> Self {
        self.with(|u| u.rate_limit_per_min(per_min))
    }

    /// Requests per minute, or `None` for the default of 60.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// assert!(gm.create_server("Tools").set_rate_limit_per_min(Some(-2)).body().is_err());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_rate_limit_per_min(self, per_min: Option<i64>) -> Self {
        self.with(|u| u.set_rate_limit_per_min(per_min))
    }

    /// The rate limit with its special values named.
    pub fn rate_limit(self, limit: RateLimit) -> Self {
        self.with(|u| u.rate_limit(limit))
    }

    /// The rate limit with its special values named, or `None` for the default.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_server("Tools").set_rate_limit(Some(mcp_admin::getmcp::RateLimit::Unlimited)).body()?;
    /// assert_eq!(body.fields.rate_limit_per_min, Some(-1));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_rate_limit(self, limit: Option<RateLimit>) -> Self {
        self.with(|u| u.set_rate_limit(limit))
    }

    /// The body this create sends, after checking every input; no I/O.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm.create_server("GitHub Tools").instructions("Use for GitHub").body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({"name": "GitHub Tools", "instructions": "Use for GitHub"})
    /// );
    /// assert!(gm.create_server(" ").body().is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<CreateServerBody, Error> {
        self.checked_body()
            .map_err(|e| e.at(&ops::GETMCP_CREATE_SERVER))
    }

    fn checked_body(&self) -> Result<CreateServerBody, Error> {
        if let Some(slug) = &self.slug {
            let ok = !slug.is_empty()
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !ok {
                return Err(Error::invalid(
                    "slug",
                    format!("{slug:?}: use lower-case letters, digits and `-`"),
                ));
            }
        }
        if let Some(n) = self
            .instructions
            .as_ref()
            .map(String::len)
            .filter(|n| *n > MAX_INSTRUCTIONS_BYTES)
        {
            return Err(Error::invalid(
                "instructions",
                format!("{n} bytes; the site stores at most {MAX_INSTRUCTIONS_BYTES}"),
            ));
        }
        // The update builder's checks already refuse credentials with an explicit `none`
        // or `oauth`; a new server without a type is `none` too.
        let mut fields = self.fields.checked_body()?;
        // A create stores the configuration as sent: there is nothing to merge with.
        fields.auth_config_mode = None;
        if self.instructions.is_some()
            && fields
                .settings
                .as_ref()
                .is_some_and(|s| s.expose().contains_key("instructions"))
        {
            return Err(Error::invalid(
                "settings",
                "holds an `instructions` key and the instructions are set in this create too; \
                 the site would keep only one of them: set them in one place",
            ));
        }
        if fields.auth_credentials.is_some() && fields.auth_type.is_none() {
            return Err(Error::invalid(
                "auth_credentials",
                "a new server keeps inbound credentials only with an auth_type other than none \
                 (its type defaults to none, which wipes them); set one",
            ));
        }
        if fields.test_auth_credentials.is_some() && fields.auth_type.is_none() {
            return Err(Error::invalid(
                "test_auth_credentials",
                "a new server stores test credentials only with an auth_type of bearer, \
                 api-key or basic (its type defaults to none, which drops them); set one",
            ));
        }
        Ok(CreateServerBody {
            fields,
            slug: self.slug.clone(),
            instructions: self.instructions.clone(),
        })
    }

    /// Checks the inputs, sends the POST with exactly the fields set, and returns the new
    /// server. A [`slug`](Self::slug) the site changed (because it was taken) is
    /// returned as the site stored it, with a `tracing` warning naming both slugs.
    pub async fn send(self) -> Result<Server, Error> {
        let body = self.body()?;
        let asked = body.slug.clone();
        let raw = self.client.raw();
        let op = raw.getmcp_create_server().body(body);
        let server: Server =
            transport::call(raw, &ops::GETMCP_CREATE_SERVER, move || op.send()).await?;
        if let Some(asked) = asked.filter(|a| server.slug.as_deref() != Some(a.as_str())) {
            tracing::warn!(
                asked = %asked,
                stored = %server.slug.as_deref().unwrap_or_default(),
                server = server.id.0,
                "GetMCP: the slug asked for is taken; the site stored the new server under another"
            );
        }
        Ok(server)
    }
}

impl Client {
    /// Starts creating a server named `name`; see [`CreateServer`] for every field.
    ///
    /// ```no_run
    /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let server = gm.create_server("GitHub Tools").description("…").rate_limit_per_min(60).send().await?;
    /// println!("created {} at {:?}", server.id, server.endpoint_url);
    /// # Ok(()) }
    /// ```
    pub fn create_server(&self, name: impl Into<String>) -> CreateServer {
        CreateServer::new(self, name.into())
    }

    /// Deletes a server, and with it its tools, resources, prompts, per-server API keys,
    /// sessions, webhooks and call logs (vendor docs and plugin code). Not idempotent: deleting it again is
    /// a 404 `getmcp_not_found` ([`Error::is_not_found`]).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("Old");
    /// fake.seed_tool(id, "get_weather");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// gm.delete_server(id).await?;
    /// assert!(fake.tools(id).is_empty());
    /// assert!(gm.delete_server(id).await.is_err_and(|e| e.is_not_found()));
    /// # Ok(()) }
    /// ```
    pub async fn delete_server(&self, server: impl IntoId<ServerRef>) -> Result<(), Error> {
        let server = id::take(server, "server", &ops::GETMCP_DELETE_SERVER)?;
        let op = self.raw().getmcp_delete_server().id(server);
        shared::call(self, &ops::GETMCP_DELETE_SERVER, move || op.send())
            .await?
            .checked(&ops::GETMCP_DELETE_SERVER, |d| {
                if d.deleted {
                    Ok(())
                } else {
                    Err("the site answered `deleted: false`".into())
                }
            })
            .map(drop)
    }

    /// Flips a server's status: `active` becomes `paused`, anything else (`paused`,
    /// `draft`) becomes `active`. Returns the server with its new status. Two callers
    /// toggling at once cancel each other out: to set a status, use
    /// [`update_server`](Self::update_server) with [`UpdateServer::status`].
    ///
    /// The current docs and the code use `PATCH`; older docs said `POST`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp::{self, ServerStatus}, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("Docs");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// assert_eq!(gm.toggle_server(id).await?.status, Some(ServerStatus::Paused));
    /// assert_eq!(gm.toggle_server(id).await?.status, Some(ServerStatus::Active));
    /// # Ok(()) }
    /// ```
    pub async fn toggle_server(&self, server: impl IntoId<ServerRef>) -> Result<Server, Error> {
        let server = id::take(server, "server", &ops::GETMCP_TOGGLE_SERVER)?;
        let op = self.raw().getmcp_toggle_server().id(server);
        shared::call(self, &ops::GETMCP_TOGGLE_SERVER, move || op.send())
            .await?
            .checked(&ops::GETMCP_TOGGLE_SERVER, |s| expect_server(server, s))
    }

    /// Copies a server with its tools, resources and prompts (plugin code; no vendor page). The
    /// copy is named `"<name> (Copy)"`, is a `draft`, has a new UUID, slug and
    /// `server_id`, and **no credentials**: set them on the copy before activating it.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp::{self, ServerStatus}, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("GitHub Tools");
    /// fake.seed_tool(id, "list_repos");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let copy = gm.duplicate_server(id).await?;
    /// assert_eq!(copy.name, "GitHub Tools (Copy)");
    /// assert_eq!(copy.status, Some(ServerStatus::Draft));
    /// assert_eq!(copy.tool_count, Some(1));
    /// # Ok(()) }
    /// ```
    pub async fn duplicate_server(&self, server: impl IntoId<ServerRef>) -> Result<Server, Error> {
        let server = id::take(server, "server", &ops::GETMCP_DUPLICATE_SERVER)?;
        let op = self.raw().getmcp_duplicate_server().id(server);
        shared::call(self, &ops::GETMCP_DUPLICATE_SERVER, move || op.send())
            .await?
            .checked(&ops::GETMCP_DUPLICATE_SERVER, |copy| {
                let itself = match server {
                    ServerRef::Id(id) => copy.id.0 == id,
                    ServerRef::Uuid(uuid) => copy.uuid == Some(uuid),
                };
                if itself {
                    Err(format!("the copy of server {server} is that server itself"))
                } else {
                    Ok(())
                }
            })
    }
}
