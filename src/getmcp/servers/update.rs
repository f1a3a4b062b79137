//! The GetMCP partial-update builder and the body it sends.

use serde::{Deserialize, Serialize};

use crate::{
    getmcp::{AuthType, Client, RateLimit, Server, ServerRef, ServerStatus, TestAuthCredentials},
    transport::{self, ops},
    Error, Patch, Redacted,
};

/// The PATCH body: only the fields that are `Some` are sent.
///
/// Built by [`UpdateServer`]; public for the raw client. `test_auth_credentials` is
/// [`Redacted`].
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
    /// `test_auth_credentials`: a JSON-encoded string; `""` clears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_auth_credentials: Option<Redacted<String>>,
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

/// A partial update of one GetMCP server: a real merge-PATCH, so only the fields you
/// set are sent, and everything else on the server stays as it is.
///
/// Inputs are checked by [`send`](Self::send) (or [`body`](Self::body)) before any
/// request: an update with nothing set, an empty name, a malformed origin, a rate limit
/// below −1 or an empty credential part is an [`Error::InvalidInput`] and nothing is sent.
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
///
/// Note: on the plugin code observed so far, `test_auth_credentials` sent together with
/// an `auth_type` change was not stored; it was stored when sent again afterwards.
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdateServer {
    client: Client,
    server: ServerRef,
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
    test_auth_credentials: Patch<TestAuthCredentials>,
    cors_origins: Patch<Vec<String>>,
    rate_limit_per_min: Option<i64>,
}

impl UpdateServer {
    pub(super) fn new(client: Client, server: ServerRef) -> Self {
        UpdateServer {
            client,
            server,
            changes: Changes::default(),
        }
    }

    /// New name. Renaming re-derives the slug, and so the `endpoint_url`.
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

    /// New description (stored as `settings.description`; other settings are kept).
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

    /// Inbound authentication of the MCP endpoint. [`AuthType::None`] makes the plugin
    /// wipe the stored credentials.
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

    /// Removes the stored test credentials: sends `"test_auth_credentials": ""`.
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
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"test_auth_credentials":""}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_test_auth_credentials(mut self, credentials: Patch<TestAuthCredentials>) -> Self {
        self.changes.test_auth_credentials = credentials;
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
    /// [`rate_limit`](Self::rate_limit) for those by name). Below −1 is refused.
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

    /// The rate limit with its special values named.
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
        let c = &self.changes;
        if c.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(Error::invalid("name", "the name must not be empty"));
        }
        let cors_origins = match &c.cors_origins {
            Patch::Keep => None,
            Patch::Clear => Some(String::new()),
            Patch::Set(list) => Some(join_origins(list)?),
        };
        if let Some(n) = c.rate_limit_per_min.filter(|n| *n < -1) {
            return Err(Error::invalid(
                "rate_limit_per_min",
                format!("{n} is below -1 (-1 = no limit, 0 = site default)"),
            ));
        }
        let test_auth_credentials = match &c.test_auth_credentials {
            Patch::Keep => None,
            Patch::Clear => Some(String::new()),
            Patch::Set(c) => Some(c.to_json_string()?),
        };
        let body = UpdateServerBody {
            name: c.name.clone(),
            description: c.description.clone().into_wire(String::new),
            status: c.status.clone(),
            auth_type: c.auth_type.clone(),
            test_auth_credentials: test_auth_credentials.map(Redacted::new),
            cors_origins,
            rate_limit_per_min: c.rate_limit_per_min,
        };
        if body.is_empty() {
            return Err(Error::invalid(
                "update",
                "nothing to update: set at least one field",
            ));
        }
        Ok(body)
    }

    /// Checks the inputs, sends the PATCH with exactly the fields set, and returns the
    /// server as the site reports it afterwards.
    pub async fn send(self) -> Result<Server, Error> {
        let body = self.body()?;
        let raw = self.client.raw();
        let op = raw.getmcp_update_server().id(self.server).body(body).send();
        transport::call(raw, &ops::GETMCP_UPDATE_SERVER, op).await
    }
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

#[cfg(test)]
mod tests {
    use super::{check_origin, UpdateServer};
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
            r#"{"description":"","test_auth_credentials":"","cors_origins":""}"#
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
        ] {
            assert!(check_origin(bad).is_err(), "{bad}");
        }
    }
}
