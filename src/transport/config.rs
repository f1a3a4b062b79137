//! Client settings, the builder methods both platforms share, and building the
//! generated client: base-URL, token and TLS checks, environment variables.

use std::time::Duration;

use reqwest::{header::HeaderValue, Url};

use super::{
    net::{Certificate, Identity, Proxy},
    RetryPolicy, Transport,
};
use crate::{
    error::{Error, Platform},
    Redacted,
};

/// Default limit for one HTTP request, including its retries and their waits.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default limit for establishing a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default cap on a response body: far above any real server object, far below harm.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;
/// The default `User-Agent`.
pub const DEFAULT_USER_AGENT: &str = concat!("mcp-admin/", env!("CARGO_PKG_VERSION"));

/// Client settings shared by both platforms' builders.
#[derive(Clone, Debug)]
pub(crate) struct TransportConfig {
    pub(crate) token: Option<Redacted<String>>,
    pub(crate) timeout: Duration,
    pub(crate) connect_timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) user_agent: String,
    pub(crate) allow_insecure_http: bool,
    pub(crate) max_response_bytes: usize,
    pub(crate) method_override: bool,
    pub(crate) proxy: ProxyChoice,
    pub(crate) tls: TlsSettings,
    /// The caller's client, used as it is (`http_client`).
    pub(crate) http_client: Option<reqwest::Client>,
}

/// Which proxy the client's requests go through.
#[derive(Clone, Debug, Default)]
pub(crate) enum ProxyChoice {
    /// The environment's (`HTTPS_PROXY`, …), for https only.
    #[default]
    Environment,
    /// None (`no_proxy`).
    Direct,
    /// The one set with `proxy`.
    Through(Proxy),
}

/// The TLS settings beyond the backend: extra roots, the built-in ones, a client identity.
#[derive(Clone, Debug)]
#[cfg_attr(not(any(feature = "rustls", feature = "native-tls")), allow(dead_code))]
pub(crate) struct TlsSettings {
    pub(crate) roots: Vec<Certificate>,
    pub(crate) built_in_roots: bool,
    pub(crate) identity: Option<Identity>,
}

impl TlsSettings {
    /// Nothing of the caller's own: the process-wide configuration serves (rustls only).
    #[cfg(feature = "rustls")]
    fn is_default(&self) -> bool {
        self.roots.is_empty() && self.built_in_roots && self.identity.is_none()
    }
}

impl Default for TlsSettings {
    fn default() -> Self {
        TlsSettings {
            roots: Vec::new(),
            built_in_roots: true,
            identity: None,
        }
    }
}

impl Default for TransportConfig {
    fn default() -> Self {
        TransportConfig {
            token: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            retry: RetryPolicy::default(),
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            allow_insecure_http: false,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            method_override: false,
            proxy: ProxyChoice::Environment,
            tls: TlsSettings::default(),
            http_client: None,
        }
    }
}

/// The builder methods both platforms' client builders share, written once.
macro_rules! transport_builder_methods {
    () => {
        /// Limit for one HTTP request, its retries and their waits included (default
        /// 30 s). HasMCP's `send()` makes a GET and a PATCH, each with this limit.
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.transport.timeout = timeout;
            self
        }

        /// Limit for establishing a connection (default 10 s).
        pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.transport.connect_timeout = timeout;
            self
        }

        /// How failed requests are retried (default [`RetryPolicy::default()`](crate::RetryPolicy::default)).
        pub fn retry(mut self, policy: $crate::RetryPolicy) -> Self {
            self.transport.retry = policy;
            self
        }

        /// The `User-Agent` header (default `mcp-admin/<version>`). One holding a CR,
        /// LF, NUL or another control character makes `build()` fail with an
        /// [`Error::Config`](crate::Error::Config) naming it.
        pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
            self.transport.user_agent = user_agent.into();
            self
        }

        /// Allow a plain `http://` base URL on a host that is not loopback.
        /// Without it `build()` refuses one: the token would cross the network in clear.
        /// A plain-http client never uses a proxy from the environment.
        pub fn allow_insecure_http(mut self) -> Self {
            self.transport.allow_insecure_http = true;
            self
        }

        /// Ignore the proxy environment variables (`HTTPS_PROXY`, `ALL_PROXY`, …) and
        /// any [`proxy`](Self::proxy) set before, and connect directly. An `https://`
        /// client honours them by default: the token then travels inside TLS through
        /// the proxy's tunnel. A plain `http://` client never uses them, with or without
        /// this, since the token would reach the proxy in clear.
        pub fn no_proxy(mut self) -> Self {
            self.transport.proxy = $crate::transport::ProxyChoice::Direct;
            self
        }

        /// Send every request through `proxy` instead of the environment's proxies
        /// (the last of this and [`no_proxy`](Self::no_proxy) wins). With a plain
        /// `http://` base URL, `build()` refuses a proxy unless it and the target are
        /// both loopback: the proxy would read the token.
        pub fn proxy(mut self, proxy: $crate::Proxy) -> Self {
            self.transport.proxy = $crate::transport::ProxyChoice::Through(proxy);
            self
        }

        /// Trust `certificate` as a root too (a self-hosted server, a company CA).
        /// Call it once per root.
        pub fn add_root_certificate(mut self, certificate: $crate::Certificate) -> Self {
            self.transport.tls.roots.push(certificate);
            self
        }

        /// Whether the system's root certificates are trusted (default `true`). With
        /// `false`, only the roots given to
        /// [`add_root_certificate`](Self::add_root_certificate) are.
        pub fn tls_built_in_root_certs(mut self, enabled: bool) -> Self {
            self.transport.tls.built_in_roots = enabled;
            self
        }

        /// Present `identity` when the server asks for a client certificate (mutual TLS).
        pub fn identity(mut self, identity: $crate::Identity) -> Self {
            self.transport.tls.identity = Some(identity);
            self
        }

        /// Send through the application's own `reqwest::Client` (its connection pool,
        /// TLS and proxy settings) instead of one the builder makes. Kept whatever the
        /// client: the auth header, retries, the whole-request
        /// [`timeout`](Self::timeout) (set on every request), bounded bodies, masked
        /// errors, tracing. Then the caller's settings decide: redirects (reqwest follows
        /// up to 10 by default, and a followed 301/302/303 turns an update into a read
        /// that reports success: build it with `redirect(reqwest::redirect::Policy::none())`),
        /// the connect timeout, proxies (for plain `http://` too), TLS roots and
        /// identity, the `User-Agent`. `build()` refuses this together with
        /// `connect_timeout`, `user_agent`, `proxy`, `no_proxy`, `add_root_certificate`,
        /// `tls_built_in_root_certs` or `identity`: set those on the client given.
        ///
        /// ```no_run
        /// let app = reqwest::Client::builder()
        ///     .redirect(reqwest::redirect::Policy::none())
        ///     .build()?;
        /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        ///     .http_client(app.clone())
        ///     .build()?;
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn http_client(mut self, client: reqwest::Client) -> Self {
            self.transport.http_client = Some(client);
            self
        }

        /// The largest response body accepted (default 8 MiB); a larger one is an
        /// [`Error::ResponseTooLarge`](crate::Error::ResponseTooLarge), read no further.
        /// An error status's body is read only as far as its error needs (64 KiB at
        /// most), and the rest left unread.
        pub fn max_response_bytes(mut self, limit: usize) -> Self {
            self.transport.max_response_bytes = limit;
            self
        }
    };
}
pub(crate) use transport_builder_methods;

/// Checks the base URL and token and builds the generated client.
pub(crate) fn build_raw_client(
    platform: Platform,
    base_url: &str,
    mut config: TransportConfig,
    token_var: &'static str,
) -> Result<crate::raw::Client, Error> {
    let base = check_base_url(platform, base_url, config.allow_insecure_http)?;
    let auth = auth_header(
        platform,
        config.token.as_ref().map(|t| t.expose().as_str()),
        token_var,
    )?;
    check_proxy(platform, &base, &config.proxy)?;
    // The caller's client has its own timeout (or none): each request then carries ours.
    let (http, timeout_on_request) = match config.http_client.take() {
        Some(client) => {
            refuse_client_options(platform, &config)?;
            (client, true)
        }
        None => (
            http_client(platform, &config, base.scheme() == "http")?,
            false,
        ),
    };
    Ok(crate::raw::Client::new_with_client(
        base.as_str().trim_end_matches('/'),
        http,
        Transport::new(platform, auth, config, timeout_on_request),
    ))
}

/// A plain-http request through a proxy shows the token to the proxy and to every
/// network between: allowed only when the proxy and the target are both loopback.
fn check_proxy(platform: Platform, base: &Url, proxy: &ProxyChoice) -> Result<(), Error> {
    let ProxyChoice::Through(proxy) = proxy else {
        return Ok(());
    };
    let target = base.host_str().unwrap_or_default();
    if base.scheme() == "http" && !(is_loopback(target) && is_loopback(proxy.host())) {
        return Err(Error::config(
            platform,
            format!(
                "base URL {:?}: plain http through a proxy would show the token to the \
                 proxy in clear; use https, or no proxy",
                base.as_str()
            ),
        ));
    }
    Ok(())
}

/// The options that configure the HTTP client itself, refused beside `http_client()`:
/// they could not apply, and ignoring them silently would hide it.
fn refuse_client_options(platform: Platform, config: &TransportConfig) -> Result<(), Error> {
    let set = [
        (
            "connect_timeout",
            config.connect_timeout != DEFAULT_CONNECT_TIMEOUT,
        ),
        ("user_agent", config.user_agent != DEFAULT_USER_AGENT),
        ("proxy", matches!(config.proxy, ProxyChoice::Through(_))),
        ("no_proxy", matches!(config.proxy, ProxyChoice::Direct)),
        ("add_root_certificate", !config.tls.roots.is_empty()),
        ("tls_built_in_root_certs", !config.tls.built_in_roots),
        ("identity", config.tls.identity.is_some()),
    ];
    let named: Vec<&str> = set.iter().filter(|(_, on)| *on).map(|(n, _)| *n).collect();
    if named.is_empty() {
        return Ok(());
    }
    Err(Error::config(
        platform,
        format!(
            "http_client() uses the given reqwest::Client as it is; set {} on that client \
             instead",
            named.join(", ")
        ),
    ))
}

/// The `Authorization` header for `token`, marked sensitive so that no `Debug` shows it.
fn auth_header(
    platform: Platform,
    token: Option<&str>,
    token_var: &'static str,
) -> Result<HeaderValue, Error> {
    let token = token.ok_or_else(|| {
        Error::config(
            platform,
            format!("no token set (use the builder or {token_var})"),
        )
    })?;
    if token.trim().is_empty() {
        return Err(Error::config(platform, "the token is empty"));
    }
    // Visible ASCII only: a newline could inject headers, and spaces, tabs or non-ASCII
    // are never part of a real key (usually a stray newline from a file). The token is
    // not echoed.
    if let Some(at) = token.chars().position(|c| !c.is_ascii_graphic()) {
        return Err(Error::config(
            platform,
            format!(
                "the token has a character that cannot go in an HTTP header \
                 (whitespace, control or non-ASCII) at position {at}"
            ),
        ));
    }
    let mut auth = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
        Error::config(
            platform,
            "the token contains characters that cannot go in an HTTP header",
        )
    })?;
    auth.set_sensitive(true);
    Ok(auth)
}

/// The reqwest client: timeouts, user agent, no redirects, the TLS backend and its
/// roots and identity, and the proxy: never one from the environment for `plain_http`.
fn http_client(
    platform: Platform,
    config: &TransportConfig,
    plain_http: bool,
) -> Result<reqwest::Client, Error> {
    if HeaderValue::from_str(&config.user_agent).is_err() {
        return Err(Error::config(
            platform,
            format!(
                "the user agent {:?} has a character that cannot go in an HTTP header (CR, \
                 LF, NUL or another control character)",
                crate::error::bounded_input(&config.user_agent)
            ),
        ));
    }
    let mut builder = reqwest::Client::builder()
        .connect_timeout(config.connect_timeout)
        .timeout(config.timeout)
        .user_agent(config.user_agent.as_str())
        .redirect(redirect_policy());
    builder = match &config.proxy {
        // `check_proxy` allowed it.
        ProxyChoice::Through(proxy) => builder.proxy(proxy.reqwest(platform)?),
        ProxyChoice::Direct => builder.no_proxy(),
        ProxyChoice::Environment if plain_http => builder.no_proxy(),
        ProxyChoice::Environment => builder,
    };
    let config_error = |e: &dyn std::fmt::Display| {
        Error::config(platform, format!("cannot build the HTTP client: {e}"))
    };
    tls(builder, &config.tls, !plain_http)
        .map_err(|e| config_error(&e))?
        .build()
        .map_err(|e| config_error(&e))
}

/// Redirects are never followed: a 301 or 302 turns a POST (`patch_via_post`) into a
/// GET, a 303 any update, and the update would silently become a read that still
/// reports success. A redirect comes back as an error with its status instead.
fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::none()
}

/// Whether a TLS backend is compiled in: without one, every https request would fail.
const TLS: bool = cfg!(any(feature = "rustls", feature = "native-tls"));

/// rustls. With the default settings every client of the process shares one
/// configuration (`tls`): built once, its root store read once, and only for `roots_now`
/// (an https site) or at the first handshake. Roots or an identity of the caller's own
/// need a configuration of their own, which reqwest builds per client.
#[cfg(feature = "rustls")]
fn tls(
    builder: reqwest::ClientBuilder,
    settings: &TlsSettings,
    roots_now: bool,
) -> Result<reqwest::ClientBuilder, rustls::Error> {
    if settings.is_default() {
        return Ok(builder.tls_backend_preconfigured(super::tls::client_config(roots_now)?));
    }
    // reqwest is built without a provider; ring is ours unless the application chose one.
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Losing a race to another installer is fine: a provider is then installed.
        // rustls 0.23.48 deprecates ring's provider for lacking post-quantum key
        // exchange; ring stays the lighter build (BENCHMARKS.md), and an application that
        // wants post-quantum installs aws-lc-rs first, which this then leaves alone.
        #[allow(deprecated)]
        let provider = rustls::crypto::ring::default_provider();
        let _ = provider.install_default();
    }
    Ok(tls_settings(builder.tls_backend_rustls(), settings))
}

#[cfg(all(feature = "native-tls", not(feature = "rustls")))]
fn tls(
    builder: reqwest::ClientBuilder,
    settings: &TlsSettings,
    _roots_now: bool,
) -> Result<reqwest::ClientBuilder, std::convert::Infallible> {
    Ok(tls_settings(builder.tls_backend_native(), settings))
}

/// Without a backend there is nothing to configure (and no certificate could be made).
#[cfg(not(any(feature = "rustls", feature = "native-tls")))]
fn tls(
    builder: reqwest::ClientBuilder,
    _settings: &TlsSettings,
    _roots_now: bool,
) -> Result<reqwest::ClientBuilder, std::convert::Infallible> {
    Ok(builder)
}

/// The roots to trust and the identity to present, whichever backend is compiled in.
#[cfg(any(feature = "rustls", feature = "native-tls"))]
fn tls_settings(builder: reqwest::ClientBuilder, tls: &TlsSettings) -> reqwest::ClientBuilder {
    let roots = tls.roots.iter().map(Certificate::reqwest);
    let builder = if tls.built_in_roots {
        builder.tls_certs_merge(roots)
    } else {
        builder.tls_certs_only(roots)
    };
    match &tls.identity {
        Some(identity) => builder.identity(identity.reqwest()),
        None => builder,
    }
}

/// A client like `raw`, with another whole-request limit or retry policy: the same
/// reqwest client (its connection pool), token and other settings. The limit is then
/// set on every request, since the reqwest client's own is the original's.
pub(crate) fn derive(
    raw: &crate::raw::Client,
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
) -> crate::raw::Client {
    use progenitor_client::ClientInfo;
    let mut inner = raw.inner().inner.as_ref().clone();
    if let Some(timeout) = timeout {
        inner.timeout = timeout;
        inner.timeout_on_request = true;
    }
    if let Some(retry) = retry {
        inner.retry = retry;
    }
    crate::raw::Client::new_with_client(
        raw.baseurl(),
        raw.client().clone(),
        Transport::from_inner(inner),
    )
}

/// The per-call methods both platforms' clients share, written once.
macro_rules! transport_client_methods {
    () => {
        /// This client with another whole-request limit (see the builder's `timeout`),
        /// for one slow call: it shares the connection pool, the token and every other
        /// setting, and costs one small allocation.
        ///
        /// ```no_run
        /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
        /// use std::time::Duration;
        /// let patient = gm.with_timeout(Duration::from_secs(120));
        /// let all = patient.list_servers().all().await?;
        /// # Ok(()) }
        /// ```
        pub fn with_timeout(&self, timeout: std::time::Duration) -> Self {
            Self {
                raw: $crate::transport::derive(&self.raw, Some(timeout), None),
            }
        }

        /// This client with another retry policy, sharing the connection pool, the
        /// token and every other setting (one small allocation).
        ///
        /// ```no_run
        /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
        /// use mcp_admin::RetryPolicy;
        /// // A create that must not be sent twice, whatever the policy elsewhere.
        /// let once = gm.with_retry(RetryPolicy::none());
        /// # let _ = once;
        /// # Ok(()) }
        /// ```
        pub fn with_retry(&self, policy: $crate::RetryPolicy) -> Self {
            Self {
                raw: $crate::transport::derive(&self.raw, None, Some(policy)),
            }
        }
    };
}
pub(crate) use transport_client_methods;

/// Reads a required environment variable; the error names it.
pub(crate) fn env_var(name: &'static str) -> Result<String, Error> {
    let why = match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => return Ok(v),
        Ok(_) => "is empty",
        Err(std::env::VarError::NotPresent) => "is not set",
        Err(std::env::VarError::NotUnicode(_)) => "is not valid UTF-8",
    };
    // Every variable the crate reads is named for its platform.
    let platform = if name.starts_with("HASMCP") {
        Platform::HasMcp
    } else {
        Platform::GetMcp
    };
    Err(Error::Config {
        platform,
        operation: "Client::from_env",
        reason: format!("environment variable {name} {why}"),
    })
}

/// Reads an optional environment variable (unset or empty is `None`).
pub(crate) fn optional_env_var(name: &'static str) -> Result<Option<String>, Error> {
    match env_var(name) {
        Ok(v) => Ok(Some(v)),
        Err(_) if std::env::var_os(name).is_none_or(|v| v.is_empty()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A header the caller asks a platform to send upstream (a tool's headers): a name and
/// value HTTP allows (no CR, LF, NUL or other control character), or an
/// [`Error::InvalidInput`] for `headers` that names the header but never shows its value.
pub(crate) fn check_header(name: &str, value: &str) -> Result<(), Error> {
    let name_shown = || crate::error::bounded_input(name);
    if http::HeaderName::from_bytes(name.as_bytes()).is_err() {
        return Err(Error::invalid(
            "headers",
            format!("{:?} is not a valid header name", name_shown()),
        ));
    }
    if HeaderValue::from_str(value).is_err() {
        return Err(Error::invalid(
            "headers",
            format!(
                "the value of {:?} is not a valid header value",
                name_shown()
            ),
        ));
    }
    Ok(())
}

/// Parses and checks a base URL: http(s), a host, no credentials, query or fragment;
/// plain http only on loopback or when allowed.
fn check_base_url(
    platform: Platform,
    base_url: &str,
    allow_insecure_http: bool,
) -> Result<Url, Error> {
    let shown = crate::error::bounded_input(&without_userinfo(base_url));
    let bad = |why: &str| Error::config(platform, format!("base URL {shown:?}: {why}"));
    let url = Url::parse(base_url.trim()).map_err(|e| bad(&e.to_string()))?;
    let host = url.host_str().ok_or_else(|| bad("has no host"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(
            "must not carry credentials; set the token on the builder",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not have a query or fragment"));
    }
    match url.scheme() {
        "https" if !TLS => {
            return Err(bad(
                "https needs a TLS backend, and mcp-admin was built without one: enable its \
                 `rustls` (the default) or `native-tls` feature",
            ))
        }
        "https" => {}
        "http" if allow_insecure_http || is_loopback(host) => {}
        "http" => {
            return Err(bad(
                "plain http sends the token in clear; use https, or allow_insecure_http()",
            ))
        }
        other => return Err(bad(&format!("unsupported scheme {other:?}"))),
    }
    Ok(url)
}

/// The URL as given, with everything before the last `@` masked but a leading scheme
/// and its slashes: a password pasted into a base URL must not reach an error message,
/// whatever the URL looks like (`user:pw@host`, `//user:pw@host`, `http:/\\user:pw@host`).
pub(super) fn without_userinfo(url: &str) -> String {
    // The last `@` anywhere: a password may itself hold `/`, `?` or `#`. Masking an `@`
    // that was in a path only hides part of an error message.
    let Some(at) = url.rfind('@') else {
        return url.to_owned();
    };
    let scheme = url
        .find(':')
        .filter(|&colon| {
            let name = &url[..colon];
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && url[colon + 1..].starts_with(['/', '\\'])
        })
        .map_or(0, |colon| colon + 1);
    let slashes = url[scheme..at]
        .find(|c| c != '/' && c != '\\')
        .map_or(at, |n| scheme + n);
    format!("{}***{}", &url[..slashes], &url[at..])
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use progenitor_client::ClientInfo;

    use super::*;

    #[test]
    fn base_url_errors_never_show_userinfo() {
        for url in [
            "https://user:s3cret@example.com",
            "http://user:s3cret@example.com/blog",
            "https://u:s3cret@exa mple.com",
            "https://a@b:s3cret@example.com/x?y=@",
        ] {
            let e = check_base_url(Platform::HasMcp, url, false)
                .expect_err(url)
                .to_string();
            assert!(!e.contains("s3cret"), "{e}");
            assert!(e.contains("***@"), "{e}");
        }
        for url in [
            "https://user:se#cret@example.com",
            "https://user:se/cret@example.com",
            "https://u:se?cret@x.com",
        ] {
            let e = check_base_url(Platform::HasMcp, url, false)
                .expect_err(url)
                .to_string();
            assert!(!e.contains("cret"), "{e}");
        }
        assert_eq!(
            without_userinfo("https://example.com/a"),
            "https://example.com/a"
        );
    }

    #[test]
    fn base_urls_without_a_scheme_never_show_their_password() {
        for (url, shown) in [
            ("user:s3cret@host", "***@host"),
            ("//user:s3cret@host", "//***@host"),
            ("http:/\\user:s3cret@host", "http:/\\***@host"),
            ("http:user:s3cret@host", "***@host"),
            ("https://user:s3cret@host/p@th", "https://***@th"),
            (" user:s3cret@host", "***@host"),
        ] {
            assert_eq!(without_userinfo(url), shown.trim(), "{url}");
            let e = check_base_url(Platform::HasMcp, url, false)
                .expect_err(url)
                .to_string();
            assert!(!e.contains("s3cret"), "{e}");
        }
    }

    #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
    #[test]
    fn without_tls_https_is_refused_at_build_naming_the_features() {
        let e = check_base_url(Platform::HasMcp, "https://app.hasmcp.com", false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "HasMCP ClientBuilder::build: client configuration: base URL \
             \"https://app.hasmcp.com\": https needs a TLS backend, and mcp-admin was built \
             without one: enable its `rustls` (the default) or `native-tls` feature"
        );
        assert!(check_base_url(Platform::HasMcp, "http://127.0.0.1:1", false).is_ok());
    }

    #[test]
    fn base_url_rules() {
        // https needs a TLS backend (see the test below for a build without one).
        assert_eq!(
            check_base_url(Platform::HasMcp, "https://app.hasmcp.com", false).is_ok(),
            TLS
        );
        assert_eq!(
            check_base_url(Platform::HasMcp, "https://site.example/blog", false).is_ok(),
            TLS
        );
        assert!(check_base_url(Platform::HasMcp, "http://127.0.0.1:8080", false).is_ok());
        assert!(check_base_url(Platform::HasMcp, "http://localhost:1", false).is_ok());
        assert!(check_base_url(Platform::HasMcp, "http://[::1]:1", false).is_ok());
        assert!(check_base_url(Platform::HasMcp, "http://example.com", false).is_err());
        assert!(check_base_url(Platform::HasMcp, "http://example.com", true).is_ok());
        assert!(check_base_url(Platform::HasMcp, "ftp://example.com", true).is_err());
        assert!(check_base_url(Platform::HasMcp, "https://user:pw@example.com", false).is_err());
        assert!(check_base_url(Platform::HasMcp, "https://example.com/?a=1", false).is_err());
        assert!(check_base_url(Platform::HasMcp, "not a url", false).is_err());
    }

    #[test]
    fn auth_header_is_sensitive() {
        let config = TransportConfig {
            token: Some("abc".to_owned().into()),
            ..TransportConfig::default()
        };
        let raw = build_raw_client(Platform::GetMcp, "http://127.0.0.1:1", config, "VAR")
            .expect("builds");
        let auth = &raw.inner().inner.auth;
        assert!(auth.is_sensitive());
        assert_eq!(auth.to_str().ok(), Some("Bearer abc"));
        assert_eq!(format!("{auth:?}"), "Sensitive");
    }
}
