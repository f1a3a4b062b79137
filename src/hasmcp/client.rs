//! The HasMCP client and its builder. The operations are `Client` methods defined in
//! the module of the resource they act on.

use crate::{
    error::Platform,
    raw,
    transport::{self, transport_builder_methods, transport_client_methods, TransportConfig},
    Error, Redacted,
};

/// The hosted service's origin.
pub const DEFAULT_BASE_URL: &str = "https://app.hasmcp.com";
/// Environment variable with the access token.
pub const ACCESS_TOKEN_VAR: &str = "HASMCP_ACCESS_TOKEN";
/// Environment variable overriding the origin (self-hosted editions).
pub const BASE_URL_VAR: &str = "HASMCP_BASE_URL";

/// A client for the HasMCP manager API.
///
/// Cheap to clone (the connection pool is shared); build it once and share it.
///
/// ```no_run
/// # async fn demo() -> Result<(), mcp_admin::Error> {
/// use mcp_admin::hasmcp;
///
/// let hm = hasmcp::Client::builder().token("…").build()?;
/// let server = hm.get_server("ASuB9Gf6aD4").await?;
/// println!("{} v{:?}", server.name, server.version);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    raw: raw::Client,
}

impl Client {
    /// Starts a builder for `https://app.hasmcp.com`; see [`ClientBuilder::base_url`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            transport: TransportConfig::default(),
        }
    }

    /// A client from `HASMCP_ACCESS_TOKEN` and, if set, `HASMCP_BASE_URL`; the error
    /// names a missing variable.
    pub fn from_env() -> Result<Client, Error> {
        let token = transport::env_var(ACCESS_TOKEN_VAR)?;
        let mut builder = Client::builder().token(token);
        if let Some(base) = transport::optional_env_var(BASE_URL_VAR)? {
            builder = builder.base_url(base);
        }
        builder.build()
    }

    transport_client_methods!();

    /// The generated low-level client, sharing this client's transport.
    pub fn raw(&self) -> &raw::Client {
        &self.raw
    }

    /// The origin requests go to.
    pub fn base_url(&self) -> &str {
        use progenitor_client::ClientInfo;
        self.raw.baseurl()
    }
}

/// Configures a [`Client`]. Nothing is checked until [`ClientBuilder::build`].
#[derive(Debug, Clone)]
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    transport: TransportConfig,
}

impl ClientBuilder {
    /// The access token, sent as `Authorization: Bearer <token>`.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.transport.token = Some(Redacted::new(token.into()));
        self
    }

    /// The origin, for self-hosted editions (default `https://app.hasmcp.com`);
    /// requests go to `<origin>/api/v1/servers/{id}`.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    transport_builder_methods!();

    /// Checks the settings and builds the client: the origin must be https (or
    /// loopback, or [`allow_insecure_http`](Self::allow_insecure_http)), and the token
    /// must be set and fit in a header.
    pub fn build(self) -> Result<Client, Error> {
        let raw = transport::build_raw_client(
            Platform::HasMcp,
            &self.base_url,
            self.transport,
            ACCESS_TOKEN_VAR,
        )?;
        Ok(Client { raw })
    }
}
