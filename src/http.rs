//! The one transport both platforms share: base-URL and token checks, timeouts,
//! retries with backoff and `Retry-After`, bounded response bodies, the user agent,
//! tracing, and the mapping of every outcome into [`Error`].
//!
//! The generated client (`crate::raw`) carries a [`Transport`] as its inner value;
//! progenitor calls our [`ClientHooks`] for every request, so nothing else talks HTTP.

use std::{
    cell::RefCell,
    fmt,
    future::Future,
    hash::{BuildHasher, Hasher},
    sync::Arc,
    time::{Duration, Instant, SystemTime},
};

use bytes::{Bytes, BytesMut};
use progenitor_client::{ClientHooks, ClientInfo, OperationInfo, ResponseValue};
use reqwest::{
    header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER},
    Method, Request, Response, ResponseBuilderExt, StatusCode, Url,
};
use tracing::{field::Empty, Instrument};

use crate::error::{snippet, snippet_parsed, ApiError, Error, Platform};

/// Default limit for one HTTP request, including its retries and their waits.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default limit for establishing a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default cap on a response body: far above any real server object, far below harm.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;
/// The default `User-Agent`.
pub const DEFAULT_USER_AGENT: &str = concat!("mcp-admin/", env!("CARGO_PKG_VERSION"));

const METHOD_OVERRIDE: HeaderName = HeaderName::from_static("x-http-method-override");
const API_VERSION: HeaderName = HeaderName::from_static("api-version");

/// When and how often a failed request is tried again.
///
/// Retried: connection failures (refused, or not established within the connect
/// timeout: nothing was sent) and the statuses 429, 502, 503 and 504. Never retried:
/// any other 4xx, timeouts (the limit covers the request and its retries), a request whose body
/// cannot be replayed. Waits grow exponentially with jitter, each capped by
/// [`RetryPolicy::max_backoff`]; a `Retry-After` longer than the cap is not waited for:
/// the error is returned with [`Error::retry_after`] set.
///
/// ```
/// use std::time::Duration;
/// use mcp_admin::RetryPolicy;
///
/// let policy = RetryPolicy::default().max_attempts(5).max_backoff(Duration::from_secs(2));
/// assert_eq!(policy.attempts(), 5);
/// assert_eq!(RetryPolicy::none().attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// 3 attempts, 250 ms initial backoff doubling each time, no single wait over 10 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Total attempts including the first (at least 1).
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// The wait before the first retry; later waits double it.
    pub fn initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The longest single wait, including a server's `Retry-After`.
    pub fn max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// The number of attempts this policy allows.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait after failed attempt `attempt` (1-based), or `None` when the server asked
    /// for longer than the cap.
    fn backoff(&self, attempt: u32, retry_after: Option<Duration>) -> Option<Duration> {
        if let Some(wait) = retry_after {
            return (wait <= self.max_backoff).then_some(wait);
        }
        let exp = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(attempt.saturating_sub(1)))
            .min(self.max_backoff);
        // Equal jitter: half fixed, half random, so concurrent clients spread out.
        let half = exp / 2;
        let nanos = u64::try_from(half.as_nanos()).unwrap_or(u64::MAX);
        let jitter = if nanos == 0 { 0 } else { random_u64() % nanos };
        Some(half + Duration::from_nanos(jitter))
    }
}

fn random_u64() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos().into()),
    );
    h.finish()
}

/// Client settings shared by both platforms' builders.
#[derive(Clone)]
pub(crate) struct TransportConfig {
    pub(crate) token: Option<String>,
    pub(crate) timeout: Duration,
    pub(crate) connect_timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) user_agent: String,
    pub(crate) allow_insecure_http: bool,
    pub(crate) max_response_bytes: usize,
    pub(crate) method_override: bool,
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
        }
    }
}

impl fmt::Debug for TransportConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportConfig")
            .field("token", &self.token.as_ref().map(|_| "[redacted]"))
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .field("user_agent", &self.user_agent)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("method_override", &self.method_override)
            .finish()
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

        /// The `User-Agent` header (default `mcp-admin/<version>`).
        pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
            self.transport.user_agent = user_agent.into();
            self
        }

        /// Allow a plain `http://` base URL on a host that is not loopback.
        /// Without it `build()` refuses one: the token would cross the network in clear.
        pub fn allow_insecure_http(mut self) -> Self {
            self.transport.allow_insecure_http = true;
            self
        }

        /// The largest response body accepted (default 8 MiB); a larger one is an
        /// [`Error::ResponseTooLarge`](crate::Error::ResponseTooLarge), read no further.
        pub fn max_response_bytes(mut self, limit: usize) -> Self {
            self.transport.max_response_bytes = limit;
            self
        }
    };
}
pub(crate) use transport_builder_methods;

/// The inner value of the generated client: per-client settings and the bearer header.
#[derive(Clone)]
pub struct Transport {
    inner: Arc<TransportInner>,
}

struct TransportInner {
    platform: Platform,
    auth: HeaderValue,
    retry: RetryPolicy,
    timeout: Duration,
    connect_timeout: Duration,
    max_response_bytes: usize,
    method_override: bool,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("platform", &self.inner.platform)
            .field("auth", &"[redacted]")
            .field("retry", &self.inner.retry)
            .field("timeout", &self.inner.timeout)
            .field("connect_timeout", &self.inner.connect_timeout)
            .field("max_response_bytes", &self.inner.max_response_bytes)
            .field("method_override", &self.inner.method_override)
            .finish()
    }
}

impl PartialEq for Transport {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Transport {
    /// The platform this transport talks to.
    pub fn platform(&self) -> Platform {
        self.inner.platform
    }
}

/// Checks the base URL and token and builds the generated client.
pub(crate) fn build_raw_client(
    platform: Platform,
    base_url: &str,
    config: TransportConfig,
    token_var: &'static str,
) -> Result<crate::raw::Client, Error> {
    let base = check_base_url(base_url, config.allow_insecure_http)?;
    let token = config.token.as_deref().ok_or_else(|| {
        Error::Config(format!(
            "{platform}: no token set (use the builder or {token_var})"
        ))
    })?;
    if token.trim().is_empty() {
        return Err(Error::Config(format!("{platform}: the token is empty")));
    }
    // Visible ASCII only: a newline could inject headers, and spaces, tabs or non-ASCII
    // are never part of a real key (usually a stray newline from a file). The token is
    // not echoed.
    if let Some(at) = token.chars().position(|c| !c.is_ascii_graphic()) {
        return Err(Error::Config(format!(
            "{platform}: the token has a character that cannot go in an HTTP header \
             (whitespace, control or non-ASCII) at position {at}"
        )));
    }
    let mut auth = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
        Error::Config(format!(
            "{platform}: the token contains characters that cannot go in an HTTP header"
        ))
    })?;
    auth.set_sensitive(true);

    let builder = reqwest::Client::builder()
        .connect_timeout(config.connect_timeout)
        .timeout(config.timeout)
        .user_agent(config.user_agent.as_str())
        .redirect(redirect_policy());
    let http = tls(builder)
        .build()
        .map_err(|e| Error::Config(format!("{platform}: cannot build the HTTP client: {e}")))?;

    let transport = Transport {
        inner: Arc::new(TransportInner {
            platform,
            auth,
            retry: config.retry,
            timeout: config.timeout,
            connect_timeout: config.connect_timeout,
            max_response_bytes: config.max_response_bytes,
            method_override: config.method_override,
        }),
    };
    Ok(crate::raw::Client::new_with_client(
        base.as_str().trim_end_matches('/'),
        http,
        transport,
    ))
}

/// Redirects are never followed: a 301 or 302 turns a POST (`patch_via_post`) into a
/// GET, a 303 any update, and the update would silently become a read that still
/// reports success. A redirect comes back as an error with its status instead.
fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::none()
}

#[cfg(feature = "rustls")]
fn tls(builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    // reqwest is built without a provider; ring is ours unless the application chose one.
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Losing a race to another installer is fine: a provider is then installed.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
    builder.tls_backend_rustls()
}

#[cfg(all(feature = "native-tls", not(feature = "rustls")))]
fn tls(builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    builder.tls_backend_native()
}

#[cfg(not(any(feature = "rustls", feature = "native-tls")))]
fn tls(builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    builder
}

/// Reads a required environment variable; the error names it.
pub(crate) fn env_var(name: &'static str) -> Result<String, Error> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => Ok(v),
        Ok(_) => Err(Error::Config(format!(
            "environment variable {name} is empty"
        ))),
        Err(std::env::VarError::NotPresent) => Err(Error::Config(format!(
            "environment variable {name} is not set"
        ))),
        Err(std::env::VarError::NotUnicode(_)) => Err(Error::Config(format!(
            "environment variable {name} is not valid UTF-8"
        ))),
    }
}

/// Reads an optional environment variable (unset or empty is `None`).
pub(crate) fn optional_env_var(name: &'static str) -> Result<Option<String>, Error> {
    match env_var(name) {
        Ok(v) => Ok(Some(v)),
        Err(_) if std::env::var_os(name).is_none_or(|v| v.is_empty()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Parses and checks a base URL: http(s), a host, no credentials, query or fragment;
/// plain http only on loopback or when allowed.
pub(crate) fn check_base_url(base_url: &str, allow_insecure_http: bool) -> Result<Url, Error> {
    let shown = without_userinfo(base_url);
    let bad = |why: &str| Error::Config(format!("base URL {shown:?}: {why}"));
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

/// The URL as given, with anything between `://` and the last `@` masked: a password
/// pasted into a base URL must not reach an error message.
fn without_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    // The last `@` anywhere: a password may itself hold `/`, `?` or `#`. Masking an `@`
    // that was in a path only hides part of an error message.
    match rest.rfind('@') {
        Some(at) => format!("{scheme}://***{}", &rest[at..]),
        None => url.to_owned(),
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// What the transport saw of the last attempt of one call, for error mapping.
#[derive(Default)]
struct CallRecord {
    status: Option<StatusCode>,
    retry_after: Option<Duration>,
    location: Option<String>,
    body: Bytes,
    too_large: bool,
}

tokio::task_local! {
    static CALL: RefCell<CallRecord>;
}

/// Runs one generated operation and maps its outcome into the crate's types.
///
/// Only a 2xx whose body decodes into `T` is a success; everything else is an
/// [`Error`] that carries the status where there was one.
pub(crate) fn call<'a, T: 'a, E: 'a>(
    client: &'a crate::raw::Client,
    operation: &'static str,
    fut: impl Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>> + 'a,
) -> impl Future<Output = Result<T, Error>> + 'a {
    // The generated operation's future is several KB: boxed once here, it is not
    // carried (and copied) inline by every future that awaits this one.
    let fut = Box::pin(fut);
    async move {
        let (result, record) = CALL
            .scope(RefCell::new(CallRecord::default()), async move {
                let result = fut.await;
                (result, CALL.with(|c| c.take()))
            })
            .await;
        match result {
            Ok(value) => Ok(value.into_inner()),
            Err(e) => Err(map_error(&client.inner().inner, operation, e, record)),
        }
    }
}

fn map_error<E>(
    t: &TransportInner,
    operation: &'static str,
    error: progenitor_client::Error<E>,
    record: CallRecord,
) -> Error {
    use progenitor_client::Error as P;
    let platform = t.platform;
    if let (true, Some(status)) = (record.too_large, record.status) {
        return Error::ResponseTooLarge {
            platform,
            operation,
            status: status.as_u16(),
            limit: t.max_response_bytes,
        };
    }
    let from_reqwest = |source: reqwest::Error| {
        if source.is_timeout() {
            // A connect that timed out ran out of the connect limit; any other
            // timeout is the whole-request deadline.
            let after = if source.is_connect() {
                t.connect_timeout
            } else {
                t.timeout
            };
            Error::Timeout {
                platform,
                operation,
                after,
                source,
            }
        } else {
            Error::Transport {
                platform,
                operation,
                source,
            }
        }
    };
    match error {
        // The body was cut short after the status arrived: keep the status.
        P::CommunicationError(e) | P::ResponseBodyError(e)
            if !e.is_timeout() && record.status.is_some() =>
        {
            let status = record.status.unwrap_or_default();
            if status.is_success() {
                Error::Decode {
                    platform,
                    operation,
                    status: status.as_u16(),
                    reason: format!("the body was cut short ({e})"),
                    body: snippet(&record.body),
                }
            } else {
                Error::Api(ApiError::from_response(
                    platform,
                    operation,
                    status.as_u16(),
                    record.retry_after,
                    &record.body,
                ))
            }
        }
        P::CommunicationError(e) | P::ResponseBodyError(e) | P::InvalidUpgrade(e) => {
            from_reqwest(e)
        }
        P::InvalidRequest(reason) | P::Custom(reason) => Error::InvalidInput {
            field: "request",
            reason,
        },
        P::InvalidResponsePayload(_, _) | P::ErrorResponse(_) | P::UnexpectedResponse(_) => {
            let Some(status) = record.status else {
                // Only reachable through a raw client used outside `call`: keep what we know.
                return Error::Decode {
                    platform,
                    operation,
                    status: 0,
                    reason: "response not recorded".into(),
                    body: String::new(),
                };
            };
            if status.is_success() {
                let body = match &error {
                    P::InvalidResponsePayload(bytes, _) if record.body.is_empty() => bytes.clone(),
                    _ => record.body.clone(),
                };
                let parsed = serde_json::from_slice::<serde_json::Value>(&body);
                let reason = match &parsed {
                    Err(_) if body.is_empty() => "empty body".to_owned(),
                    Err(e) => format!("not JSON ({e})"),
                    Ok(_) => match error_reason(&error) {
                        Some(r) => format!("unexpected shape ({r})"),
                        None => format!("unexpected status {status}"),
                    },
                };
                Error::Decode {
                    platform,
                    operation,
                    status: status.as_u16(),
                    reason,
                    body: snippet_parsed(&body, parsed.ok()),
                }
            } else {
                let mut api = ApiError::from_response(
                    platform,
                    operation,
                    status.as_u16(),
                    record.retry_after,
                    &record.body,
                );
                if let (true, None, Some(location)) =
                    (status.is_redirection(), &api.message, record.location)
                {
                    api.message = Some(format!(
                        "redirect to {location} not followed (is the base URL right?)"
                    ));
                }
                Error::Api(api)
            }
        }
    }
}

fn error_reason<E>(error: &progenitor_client::Error<E>) -> Option<String> {
    match error {
        progenitor_client::Error::InvalidResponsePayload(_, e) => Some(e.to_string()),
        _ => None,
    }
}

impl ClientHooks<Transport> for crate::raw::Client {
    async fn pre<E>(
        &self,
        request: &mut Request,
        _info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        let t = &self.inner().inner;
        // progenitor adds the document's version as a header; the platforms don't use it.
        request.headers_mut().remove(API_VERSION);
        request.headers_mut().insert(AUTHORIZATION, t.auth.clone());
        if request.body().is_some() && !request.headers().contains_key(CONTENT_TYPE) {
            // WordPress silently ignores a body without the JSON content type.
            request
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        if t.method_override && request.method() == Method::PATCH {
            *request.method_mut() = Method::POST;
            request
                .headers_mut()
                .insert(METHOD_OVERRIDE, HeaderValue::from_static("PATCH"));
        }
        Ok(())
    }

    async fn exec(&self, request: Request, info: &OperationInfo) -> reqwest::Result<Response> {
        execute(self.inner(), self.client(), request, info).await
    }
}

/// Sends `request`, retrying per the policy within the whole-request deadline, and
/// returns the last response with its body read (bounded) into memory.
async fn execute(
    transport: &Transport,
    client: &reqwest::Client,
    request: Request,
    info: &OperationInfo,
) -> reqwest::Result<Response> {
    let t = &transport.inner;
    // `None`: a limit too large to represent, i.e. no limit.
    let deadline = Instant::now().checked_add(t.timeout);
    let mut current = request;
    let mut attempt = 1u32;
    loop {
        let retry_copy = if attempt < t.retry.max_attempts {
            current.try_clone()
        } else {
            None
        };
        *current.timeout_mut() = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let span = tracing::debug_span!(
            "mcp_admin.request",
            platform = %t.platform,
            operation = info.operation_id,
            method = %current.method(),
            path = path_template(info.operation_id),
            attempt,
            status = Empty,
            elapsed_ms = Empty,
        );
        let started = Instant::now();
        let outcome = client.execute(current).instrument(span.clone()).await;
        span.record("elapsed_ms", started.elapsed().as_millis() as u64);

        let wait = match &outcome {
            Ok(response) => {
                span.record("status", response.status().as_u16());
                span.in_scope(|| tracing::debug!("response"));
                if retryable_status(response.status()) {
                    t.retry.backoff(attempt, retry_after(response.headers()))
                } else {
                    None
                }
            }
            Err(e) if e.is_connect() => t.retry.backoff(attempt, None),
            Err(_) => None,
        };
        match (outcome, retry_copy, wait) {
            (outcome, Some(next), Some(wait)) if fits(wait, deadline) => {
                span.in_scope(|| tracing::debug!(wait_ms = wait.as_millis() as u64, "retrying"));
                drop(outcome);
                tokio::time::sleep(wait).await;
                current = next;
                attempt += 1;
            }
            (Ok(response), _, _) => {
                return buffer(response, t.max_response_bytes)
                    .instrument(span)
                    .await;
            }
            (Err(e), _, _) => {
                span.in_scope(|| tracing::debug!(error = %e, "request failed"));
                return Err(e);
            }
        }
    }
}

/// Whether a wait of `wait` from now ends before `deadline`.
fn fits(wait: Duration, deadline: Option<Instant>) -> bool {
    match (Instant::now().checked_add(wait), deadline) {
        (Some(end), Some(deadline)) => end < deadline,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

fn retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

fn path_template(operation_id: &str) -> &'static str {
    match operation_id {
        "hasmcp_get_server" | "hasmcp_update_server" => "/api/v1/servers/{id}",
        "getmcp_get_server" | "getmcp_update_server" => "/wp-json/getmcp/v1/servers/{id}",
        _ => "?",
    }
}

/// `Retry-After` as seconds or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// Reads the body into memory, stopping at `limit`; records the outcome for `call`.
async fn buffer(mut response: Response, limit: usize) -> reqwest::Result<Response> {
    let status = response.status();
    // The common success: a 200 whose declared length fits. hyper reads no more than
    // that length, so the generated code may read it directly; should it not decode,
    // progenitor hands the bytes back with the error.
    if status == StatusCode::OK && response.content_length().is_some_and(|n| n <= limit as u64) {
        let _ = CALL.try_with(|c| {
            *c.borrow_mut() = CallRecord {
                status: Some(status),
                ..CallRecord::default()
            }
        });
        return Ok(response);
    }
    let version = response.version();
    let mut too_large = response.content_length().is_some_and(|n| n > limit as u64);
    // Moved, not copied: the rebuilt response takes them over.
    let headers = std::mem::take(response.headers_mut());
    let url = response.url().clone();
    let record = |body: Bytes, too_large: bool| {
        let _ = CALL.try_with(|c| {
            *c.borrow_mut() = CallRecord {
                status: Some(status),
                retry_after: retry_after(&headers),
                // A URL, not JSON: only bounded, never parsed.
                location: headers
                    .get(reqwest::header::LOCATION)
                    .map(|v| snippet_parsed(v.as_bytes(), None)),
                body,
                too_large,
            }
        });
    };
    let mut body = BytesMut::new();
    while !too_large {
        match response.chunk().await {
            Ok(Some(chunk)) if body.len() + chunk.len() > limit => too_large = true,
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            Ok(None) => break,
            Err(e) => {
                // Cut short: the status and what arrived still make the error.
                record(body.freeze(), false);
                return Err(e);
            }
        }
    }
    let body = if too_large {
        tracing::debug!(limit, "response body over the limit; not read further");
        Bytes::new()
    } else {
        body.freeze()
    };
    record(body.clone(), too_large);
    let mut rebuilt = http::Response::new(body);
    *rebuilt.status_mut() = status;
    *rebuilt.headers_mut() = headers;
    *rebuilt.version_mut() = version;
    // Without its URL, reqwest would parse a placeholder URL for every response.
    if let Ok(with_url) = http::Response::builder().url(url).body(()) {
        *rebuilt.extensions_mut() = with_url.into_parts().0.extensions;
    }
    Ok(Response::from(rebuilt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_errors_never_show_userinfo() {
        for url in [
            "https://user:s3cret@example.com",
            "http://user:s3cret@example.com/blog",
            "https://u:s3cret@exa mple.com",
            "https://a@b:s3cret@example.com/x?y=@",
        ] {
            let e = check_base_url(url, false).expect_err(url).to_string();
            assert!(!e.contains("s3cret"), "{e}");
            assert!(e.contains("***@"), "{e}");
        }
        for url in [
            "https://user:se#cret@example.com",
            "https://user:se/cret@example.com",
            "https://u:se?cret@x.com",
        ] {
            let e = check_base_url(url, false).expect_err(url).to_string();
            assert!(!e.contains("cret"), "{e}");
        }
        assert_eq!(
            without_userinfo("https://example.com/a"),
            "https://example.com/a"
        );
    }

    #[test]
    fn base_url_rules() {
        assert!(check_base_url("https://app.hasmcp.com", false).is_ok());
        assert!(check_base_url("https://site.example/blog", false).is_ok());
        assert!(check_base_url("http://127.0.0.1:8080", false).is_ok());
        assert!(check_base_url("http://localhost:1", false).is_ok());
        assert!(check_base_url("http://[::1]:1", false).is_ok());
        assert!(check_base_url("http://example.com", false).is_err());
        assert!(check_base_url("http://example.com", true).is_ok());
        assert!(check_base_url("ftp://example.com", true).is_err());
        assert!(check_base_url("https://user:pw@example.com", false).is_err());
        assert!(check_base_url("https://example.com/?a=1", false).is_err());
        assert!(check_base_url("not a url", false).is_err());
    }

    #[test]
    fn auth_header_is_sensitive() {
        let config = TransportConfig {
            token: Some("abc".to_owned()),
            ..TransportConfig::default()
        };
        let raw = build_raw_client(Platform::GetMcp, "https://site.example", config, "VAR")
            .expect("builds");
        let auth = &raw.inner().inner.auth;
        assert!(auth.is_sensitive());
        assert_eq!(auth.to_str().ok(), Some("Bearer abc"));
        assert_eq!(format!("{auth:?}"), "Sensitive");
    }

    #[test]
    fn waits_past_the_deadline_do_not_fit() {
        let soon = Instant::now().checked_add(Duration::from_secs(1));
        assert!(fits(Duration::from_millis(1), soon));
        assert!(!fits(Duration::from_secs(2), soon));
        assert!(fits(Duration::from_secs(2), None));
        assert!(!fits(Duration::MAX, None));
    }

    #[test]
    fn backoff_grows_caps_and_honours_retry_after() {
        let p = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(300));
        for attempt in 1..6 {
            let w = p.backoff(attempt, None).unwrap_or_default();
            let full =
                Duration::from_millis(100 * 2u64.pow(attempt - 1)).min(Duration::from_millis(300));
            assert!(w >= full / 2 && w <= full, "attempt {attempt}: {w:?}");
        }
        assert_eq!(
            p.backoff(1, Some(Duration::from_millis(200))),
            Some(Duration::from_millis(200))
        );
        assert_eq!(p.backoff(1, Some(Duration::from_secs(1))), None);
    }

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let later = SystemTime::now() + Duration::from_secs(120);
        h.insert(
            RETRY_AFTER,
            HeaderValue::from_str(&httpdate::fmt_http_date(later)).unwrap(),
        );
        let got = retry_after(&h).unwrap();
        assert!(got > Duration::from_secs(100) && got <= Duration::from_secs(120));
        h.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h), None);
    }
}
