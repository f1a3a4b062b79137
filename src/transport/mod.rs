//! The one transport both platforms share: base-URL and token checks, timeouts,
//! retries with backoff and `Retry-After`, bounded response bodies, the user agent,
//! tracing, and the mapping of every outcome into [`Error`].
//!
//! The generated client (`crate::raw`) carries a [`Transport`] as its inner value;
//! progenitor calls our `ClientHooks` for every request, so nothing else talks HTTP.
//!
//! - `config`: client settings, the shared builder and per-call methods, building the
//!   client.
//! - `net`: the TLS roots, client identity and proxy a builder takes.
//! - `hooks`: the hooks: headers, the send loop, bounded buffering.
//! - `retry`: the retry policy and the decision after each attempt.
//! - `failure`: what an attempt without a complete answer came to.
//! - `outcome`: a failed call's outcome as an [`Error`].
//! - `body`: error bodies read, bounded and masked.
//! - `response`: success bodies decoded and path parameters encoded for the generated
//!   code, without progenitor-client's copies.
//! - `trace`: each attempt's span, with OpenTelemetry's HTTP client field names.
//! - `ops`: the operations of `openapi.yaml`, generated.
//! - `tls`: one rustls configuration per process, its root store read when first needed.

mod body;
mod config;
mod failure;
mod hooks;
mod net;
pub(crate) mod ops;
mod outcome;
mod response;
mod retry;
#[cfg(feature = "rustls")]
mod tls;
mod trace;

use std::{
    cell::RefCell,
    fmt,
    future::Future,
    sync::Arc,
    time::{Duration, Instant},
};

use progenitor_client::{ClientInfo, ResponseValue};
use reqwest::header::HeaderValue;
use serde::de::DeserializeOwned;

pub(crate) use body::{bounded, Mask, REDACTED};
pub(crate) use config::{
    build_raw_client, check_header, derive, env_var, optional_env_var, transport_builder_methods,
    transport_client_methods, ProxyChoice, TransportConfig,
};
pub(crate) use failure::FailureKind;
pub use net::{Certificate, Identity, Proxy};
pub(crate) use outcome::from_raw;
pub(crate) use response::{decode, empty, invalid_request, PathSegment};
pub(crate) use retry::round_backoff;
pub use retry::RetryPolicy;

use crate::error::{Error, Platform};
use ops::Operation;
use outcome::Answer;

/// The inner value of the generated client: per-client settings and the bearer header.
#[derive(Clone)]
pub struct Transport {
    inner: Arc<TransportInner>,
}

#[derive(Clone)]
struct TransportInner {
    platform: Platform,
    auth: HeaderValue,
    retry: RetryPolicy,
    timeout: Duration,
    /// The reqwest client's own limit is not `timeout` (the caller's client, or a
    /// client derived with another limit): every attempt carries `timeout`'s remainder.
    timeout_on_request: bool,
    connect_timeout: Duration,
    max_response_bytes: usize,
    method_override: bool,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("platform", &self.inner.platform)
            .field("auth", &REDACTED)
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

    /// The mask for a failed call of this client: its token, and the secrets of the
    /// request body it sent.
    fn mask(&self, sent: Option<&[u8]>) -> Mask {
        let token = self.inner.auth.to_str().ok();
        let mut mask = Mask::new(token.and_then(|auth| auth.strip_prefix("Bearer ")));
        if let Some(body) = sent {
            mask.add_body(body);
        }
        mask
    }

    fn new(
        platform: Platform,
        auth: HeaderValue,
        config: TransportConfig,
        timeout_on_request: bool,
    ) -> Self {
        Transport::from_inner(TransportInner {
            platform,
            auth,
            retry: config.retry,
            timeout: config.timeout,
            timeout_on_request,
            connect_timeout: config.connect_timeout,
            max_response_bytes: config.max_response_bytes,
            method_override: config.method_override,
        })
    }

    fn from_inner(inner: TransportInner) -> Self {
        Transport {
            inner: Arc::new(inner),
        }
    }
}

/// One call in flight: its operation, what the last attempt's response showed, and
/// the body it sent (read for secrets only if the call fails).
struct CallRecord {
    operation: &'static Operation,
    answer: Option<Answer>,
    sent: Option<reqwest::Body>,
    /// For a page of a list: its number and the most items it may hold, counted
    /// before the body is decoded.
    page: Option<PageLimit>,
}

/// A page's number and the most items it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageLimit {
    pub(crate) page: u64,
    pub(crate) most: u64,
}

/// The limit of the page the `call` awaiting this response fetches, if it is one.
fn page_limit() -> Option<PageLimit> {
    CALL.try_with(|c| c.borrow().page).ok().flatten()
}

// A task-local, not a value passed along: the hooks are the only code that sees the
// response, and nothing they learn can travel back through progenitor. `exec` must
// return a bare `reqwest::Response`, and the generated code turns it into errors that
// drop it (`ErrorResponse` keeps only the decoded body, `InvalidResponsePayload` only
// the bytes, a body cut short only the `reqwest::Error`). A slot on the client would
// mean cloning the client for every call; the task-local costs nothing of the kind.
// Boxed: tokio swaps the value in and out of the thread-local on every poll, and a
// pointer is cheaper to swap than the record.
tokio::task_local! {
    static CALL: RefCell<Box<CallRecord>>;
}

/// Keeps `answer` for the `call` awaiting this request. Outside `call` (the raw client
/// used directly) there is none, and nothing is kept.
fn record_answer(answer: Answer) {
    let _ = CALL.try_with(|c| c.borrow_mut().answer = Some(answer));
}

/// Keeps the body the `call` sends: should it fail, whatever the server echoes of the
/// credentials in it is masked. A bytes body is shared, not copied.
fn record_sent_body(body: reqwest::Body) {
    let _ = CALL.try_with(|c| c.borrow_mut().sent = Some(body));
}

/// In debug builds, checks that the operation given to `call` is the one the generated
/// code runs (`operation_id`), so a wrong constant fails every test that sends it.
fn check_operation(operation_id: &str) {
    if cfg!(debug_assertions) {
        let _ = CALL.try_with(|c| {
            let declared = c.borrow().operation.id;
            debug_assert_eq!(declared, operation_id, "call() was given another operation");
        });
    }
}

/// Runs one generated operation, `operation` in the spec's table, and maps its outcome
/// into the crate's types. `make` starts the operation (`move || op.send()`): called
/// inside the call's own future, the operation's future (several KB) is made where it
/// stays, not made by the caller and copied in.
///
/// Only a 2xx whose body decodes into `T` is a success (after a UTF-8 byte order mark,
/// if one leads); everything else is an [`Error`] that carries the status where there
/// was one.
pub(crate) fn call<'a, T: DeserializeOwned + 'a, E: 'a, F>(
    client: &'a crate::raw::Client,
    operation: &'static Operation,
    make: impl FnOnce() -> F + 'a,
) -> impl Future<Output = Result<T, Error>> + 'a
where
    F: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>> + 'a,
{
    run(client, operation, None, make, ResponseValue::into_inner)
}

/// [`call`], keeping the success's status and headers (a paged list reads its totals
/// there).
pub(crate) fn call_answered<'a, T: DeserializeOwned + 'a, E: 'a, F>(
    client: &'a crate::raw::Client,
    operation: &'static Operation,
    make: impl FnOnce() -> F + 'a,
) -> impl Future<Output = Result<ResponseValue<T>, Error>> + 'a
where
    F: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>> + 'a,
{
    run(client, operation, None, make, |answer| answer)
}

/// [`call_answered`] for one page of a list: a body that is a JSON array of more than
/// `limit.most` items is refused before it is decoded, so a page of many tiny items
/// costs no more memory than its bytes.
pub(crate) fn call_page<'a, T: DeserializeOwned + 'a, E: 'a, F>(
    client: &'a crate::raw::Client,
    operation: &'static Operation,
    limit: PageLimit,
    make: impl FnOnce() -> F + 'a,
) -> impl Future<Output = Result<ResponseValue<T>, Error>> + 'a
where
    F: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>> + 'a,
{
    run(client, operation, Some(limit), make, |answer| answer)
}

/// [`call`] and [`call_answered`]: `keep` takes what the caller wants of a success (one
/// future for both, so the answer is not passed through another layer).
async fn run<T: DeserializeOwned, E, R, F>(
    client: &crate::raw::Client,
    operation: &'static Operation,
    page: Option<PageLimit>,
    make: impl FnOnce() -> F,
    keep: fn(ResponseValue<T>) -> R,
) -> Result<R, Error>
where
    F: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
{
    let started = Instant::now();
    let record = RefCell::new(Box::new(CallRecord {
        operation,
        answer: None,
        sent: None,
        page,
    }));
    let (result, (answer, sent)) = CALL
        .scope(record, async move {
            let result = make().await;
            let kept = CALL.with(|c| {
                let mut c = c.borrow_mut();
                (c.answer.take(), c.sent.take())
            });
            (result, kept)
        })
        .await;
    let error = match result {
        Ok(value) => return Ok(keep(value)),
        Err(error) => error,
    };
    let mask = client
        .inner()
        .mask(sent.as_ref().and_then(reqwest::Body::as_bytes));
    let t = &client.inner().inner;
    let call = outcome::Call::new(t, operation.id, &mask, started.elapsed());
    Err(call.map_error(error, answer))
}
