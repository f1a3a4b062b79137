//! The GetMCP client and its builder. The operations are `Client` methods defined in
//! the module of the resource they act on.

use crate::{
    error::Platform,
    raw,
    transport::{self, transport_builder_methods, transport_client_methods, TransportConfig},
    Error, Redacted,
};

/// Environment variable with the WordPress site URL.
pub const SITE_URL_VAR: &str = "GETMCP_SITE_URL";
/// Environment variable with the GetMCP API key.
pub const API_KEY_VAR: &str = "GETMCP_API_KEY";

/// A client for one WordPress site running the GetMCP plugin.
///
/// Cheap to clone (the connection pool is shared); build it once and share it.
///
/// ```no_run
/// # async fn demo() -> Result<(), mcp_admin::Error> {
/// use mcp_admin::getmcp;
///
/// let gm = getmcp::Client::builder("https://yoursite.com")
///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
///     .build()?;
/// let server = gm.get_server(42u64).await?;
/// println!("{} is {:?}", server.name, server.status);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    raw: raw::Client,
}

impl Client {
    /// Starts a builder for the site at `site_url`: an origin
    /// (`https://yoursite.com`) or a WordPress in a sub-folder (`https://site/blog`).
    pub fn builder(site_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            site_url: site_url.into(),
            transport: TransportConfig::default(),
        }
    }

    /// A client from `GETMCP_SITE_URL` and `GETMCP_API_KEY`; the error names a
    /// missing variable.
    ///
    /// ```no_run
    /// let gm = mcp_admin::getmcp::Client::from_env()?;
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn from_env() -> Result<Client, Error> {
        let site = transport::env_var(SITE_URL_VAR)?;
        let key = transport::env_var(API_KEY_VAR)?;
        Client::builder(site).api_key(key).build()
    }

    transport_client_methods!();

    /// The generated low-level client, sharing this client's transport (key, retries,
    /// timeouts): the escape hatch for what the typed methods do not cover.
    ///
    /// ```no_run
    /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let server = gm.raw().getmcp_get_server().id(42u64).send().await?.into_inner();
    /// println!("{}", server.name);
    /// # Ok(()) }
    /// ```
    pub fn raw(&self) -> &raw::Client {
        &self.raw
    }

    /// The site URL requests go to, without a trailing slash.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://site.example/blog/")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// assert_eq!(gm.base_url(), "https://site.example/blog");
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn base_url(&self) -> &str {
        use progenitor_client::ClientInfo;
        self.raw.baseurl()
    }
}

/// Configures a [`Client`]. Nothing is checked until [`ClientBuilder::build`].
///
/// ```
/// use std::time::Duration;
/// use mcp_admin::{getmcp, RetryPolicy};
///
/// let gm = getmcp::Client::builder("https://yoursite.com")
///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
///     .timeout(Duration::from_secs(10))
///     .retry(RetryPolicy::default().max_attempts(5))
///     .build()?;
///
/// // Plain http is refused off loopback: the key would cross the network in clear.
/// let refused = getmcp::Client::builder("http://yoursite.com").api_key("k").build();
/// assert!(matches!(refused, Err(mcp_admin::Error::Config { .. })));
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ClientBuilder {
    site_url: String,
    transport: TransportConfig,
}

impl ClientBuilder {
    /// The API key (`gmcp_…` or 32 hex characters), sent as a bearer token.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.transport.token = Some(Redacted::new(key.into()));
        self
    }

    /// Send updates as `POST` with `X-HTTP-Method-Override: PATCH`, for hosts and
    /// firewalls that block the PATCH verb. WordPress handles them as the PATCH. Reads
    /// stay `GET`.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .patch_via_post(true)
    ///     .build()?;
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn patch_via_post(mut self, enabled: bool) -> Self {
        self.transport.method_override = enabled;
        self
    }

    transport_builder_methods!();

    /// Checks the settings and builds the client: the site URL must be https (or
    /// loopback, or [`allow_insecure_http`](Self::allow_insecure_http)), and the key
    /// must be set and fit in a header.
    pub fn build(self) -> Result<Client, Error> {
        let raw = transport::build_raw_client(
            Platform::GetMcp,
            &self.site_url,
            self.transport,
            API_KEY_VAR,
        )?;
        Ok(Client { raw })
    }
}
