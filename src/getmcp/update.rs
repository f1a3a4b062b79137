//! The GetMCP partial-update builder.

use std::fmt;

use crate::{
    getmcp::{
        AuthType, Client, RateLimit, Server, ServerRef, ServerStatus, TestAuthCredentials,
        UpdateServerBody,
    },
    transport::{self, ops},
    Error, Patch,
};

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
#[derive(Clone)]
pub struct UpdateServer {
    client: Client,
    server: ServerRef,
    name: Patch<String>,
    description: Patch<String>,
    status: Patch<ServerStatus>,
    auth_type: Patch<AuthType>,
    test_auth_credentials: Patch<TestAuthCredentials>,
    cors_origins: Patch<Vec<String>>,
    rate_limit_per_min: Patch<i64>,
}

impl UpdateServer {
    pub(crate) fn new(client: Client, server: ServerRef) -> Self {
        UpdateServer {
            client,
            server,
            name: Patch::Keep,
            description: Patch::Keep,
            status: Patch::Keep,
            auth_type: Patch::Keep,
            test_auth_credentials: Patch::Keep,
            cors_origins: Patch::Keep,
            rate_limit_per_min: Patch::Keep,
        }
    }

    /// New name. Renaming re-derives the slug, and so the `endpoint_url`.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Patch::Set(name.into());
        self
    }

    /// New description (stored as `settings.description`; other settings are kept).
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Patch::Set(description.into());
        self
    }

    /// Empties the description: sends `"description": ""`.
    pub fn clear_description(mut self) -> Self {
        self.description = Patch::Clear;
        self
    }

    /// `active`, `paused` or `draft`.
    pub fn status(mut self, status: ServerStatus) -> Self {
        self.status = Patch::Set(status);
        self
    }

    /// Inbound authentication of the MCP endpoint. [`AuthType::None`] makes the plugin
    /// wipe the stored credentials.
    pub fn auth_type(mut self, auth_type: AuthType) -> Self {
        self.auth_type = Patch::Set(auth_type);
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
    pub fn test_auth_credentials(mut self, credentials: TestAuthCredentials) -> Self {
        self.test_auth_credentials = Patch::Set(credentials);
        self
    }

    /// Removes the stored test credentials: sends `"test_auth_credentials": ""`.
    pub fn clear_test_auth_credentials(mut self) -> Self {
        self.test_auth_credentials = Patch::Clear;
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
    pub fn cors_origins<I, S>(mut self, origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.cors_origins = Patch::Set(origins.into_iter().map(Into::into).collect());
        self
    }

    /// Allows every origin: sends `"cors_origins": ""`.
    pub fn allow_all_origins(mut self) -> Self {
        self.cors_origins = Patch::Clear;
        self
    }

    /// Requests per minute; `-1` is no limit and `0` the site default (see
    /// [`rate_limit`](Self::rate_limit) for those by name). Below −1 is refused.
    pub fn rate_limit_per_min(mut self, per_min: i64) -> Self {
        self.rate_limit_per_min = Patch::Set(per_min);
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
        self.rate_limit_per_min(limit.to_wire())
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
        let name = self.name.clone().into_wire(String::new);
        if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(Error::invalid("name", "the name must not be empty"));
        }
        let cors_origins = match &self.cors_origins {
            Patch::Keep => None,
            Patch::Clear => Some(String::new()),
            Patch::Set(list) => Some(join_origins(list)?),
        };
        let rate_limit_per_min = self.rate_limit_per_min.clone().into_wire(|| 0);
        if let Some(n) = rate_limit_per_min.filter(|n| *n < -1) {
            return Err(Error::invalid(
                "rate_limit_per_min",
                format!("{n} is below -1 (-1 = no limit, 0 = site default)"),
            ));
        }
        let test_auth_credentials = match &self.test_auth_credentials {
            Patch::Keep => None,
            Patch::Clear => Some(String::new()),
            Patch::Set(c) => Some(c.to_json_string()?),
        };
        let body = UpdateServerBody {
            name,
            description: self.description.clone().into_wire(String::new),
            status: self.status.clone().into_wire(|| ServerStatus::Draft),
            auth_type: self.auth_type.clone().into_wire(|| AuthType::None),
            test_auth_credentials,
            cors_origins,
            rate_limit_per_min,
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

impl fmt::Debug for UpdateServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateServer")
            .field("server", &self.server)
            .field("name", &self.name)
            .field("description", &self.description)
            .field("status", &self.status)
            .field("auth_type", &self.auth_type)
            .field("test_auth_credentials", &self.test_auth_credentials)
            .field("cors_origins", &self.cors_origins)
            .field("rate_limit_per_min", &self.rate_limit_per_min)
            .finish()
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
    use super::check_origin;

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
