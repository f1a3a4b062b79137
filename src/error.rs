//! [`Error`] and [`ApiError`]: one error type for the whole crate, both platforms.

use std::{fmt, time::Duration};

use serde_json::Value;

use crate::transport::FailureKind;

/// The most bytes an error keeps of any one piece of a response: the body, the
/// message, the code, `data`, `additional_errors`, a decode reason, a redirect's
/// target. An error never holds an unbounded page; a cut is marked `…`.
pub const BODY_SNIPPET_LIMIT: usize = 2048;

/// How HasMCP's database says an id is unknown, inside a 500.
const RECORD_NOT_FOUND: &str = "record not found";

/// 403 codes that are not about the credentials (GetMCP's plan limits).
const NOT_AUTH_403: &[&str] = &["tier_limit_auth_method"];

/// Which platform an error came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Platform {
    /// HasMCP (`/api/v1`).
    HasMcp,
    /// GetMCP, the WordPress plugin (`/wp-json/getmcp/v1`).
    GetMcp,
    /// Neither in particular: a value made before it is given to a client of either
    /// platform ([`Certificate`](crate::Certificate), [`Identity`](crate::Identity),
    /// [`Proxy`](crate::Proxy)).
    Any,
}

impl Platform {
    /// The platform an operation id (`hasmcp_…`, `getmcp_…`) belongs to.
    pub(crate) fn of_operation(id: &str) -> Platform {
        if id.starts_with("hasmcp") {
            Platform::HasMcp
        } else {
            Platform::GetMcp
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Platform::HasMcp => "HasMCP",
            Platform::GetMcp => "GetMCP",
            Platform::Any => "mcp-admin",
        })
    }
}

/// Everything that can go wrong, on either platform.
///
/// Match on the helpers ([`Error::is_not_found`], [`Error::status`], …) rather than on
/// variants where you can: they read the same across platforms.
///
/// Every piece of text an error keeps from a response (message, code, `data`, body,
/// reason) is bounded by [`BODY_SNIPPET_LIMIT`] and masked: the client's token and the
/// credentials it sent never appear in `Display` or `Debug`, whatever the server
/// echoes, and neither does anything under a secret-named key (`password`,
/// `clientSecret`, `Authorization`, `X-Api-Key`, `headers`, …).
///
/// ```
/// # async fn demo(client: mcp_admin::getmcp::Client) {
/// match client.get_server(42u64).await {
///     Ok(server) => println!("{}", server.name),
///     Err(e) if e.is_not_found() => println!("no such server"),
///     Err(e) if e.is_unauthorized() => println!("check GETMCP_API_KEY: {e}"),
///     Err(e) => eprintln!("failed: {e}"),
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The caller's input was refused before any request was sent. [`Error::status`]
    /// is `None`.
    #[error("{platform} {operation}: invalid input for `{field}`: {reason}")]
    InvalidInput {
        /// The platform the input was meant for.
        platform: Platform,
        /// The operation id the call was building (e.g. `hasmcp_update_server`), or, for
        /// an id parsed on its own, the function that parsed it (`ServerId::new`).
        operation: &'static str,
        /// The builder field or argument at fault.
        field: &'static str,
        /// Why it was refused.
        reason: String,
    },

    /// The client could not be configured (bad base URL, token, missing variable).
    /// [`Error::status`] is `None`.
    #[error("{platform} {operation}: client configuration: {reason}")]
    Config {
        /// The platform of the client being built.
        platform: Platform,
        /// What was called: `ClientBuilder::build` or `Client::from_env`.
        operation: &'static str,
        /// What is wrong.
        reason: String,
    },

    /// The server answered with a status that is not a success. [`Error::status`] is
    /// that status.
    #[error(transparent)]
    Api(#[from] ApiError),

    /// Someone else changed the server between our read and our write.
    /// [`Error::status`] is the status of the answer that showed it, `None` when it
    /// showed before writing.
    #[error(transparent)]
    Conflict(#[from] ConflictError),

    /// No complete answer within the configured time. [`Error::status`] is `None`.
    ///
    /// The message says everything; [`source()`](std::error::Error::source) is `None`
    /// (see [`TransportError`] for the underlying chain).
    #[error(
        "{platform} {operation}: timed out after {elapsed:?} ({} {after:?}){}",
        if cause.is_connect() { "connect timeout" } else { "timeout" },
        StepText(*step)
    )]
    Timeout {
        /// The platform.
        platform: Platform,
        /// The operation id, e.g. `getmcp_update_server`.
        operation: &'static str,
        /// The limit that ran out: the client's `connect_timeout` when the last attempt
        /// could not connect in time, else its `timeout`.
        after: Duration,
        /// How long the call ran, every attempt and the waits between them included (to
        /// the millisecond).
        elapsed: Duration,
        /// What the last attempt came to.
        cause: TransportError,
        /// The read inside `operation` whose request failed, where it was not the
        /// operation's own request (`reading the server` in an update that reads
        /// first). A read changes nothing, so such a failure applied nothing by itself.
        step: Option<&'static str>,
    },

    /// The request got no complete answer (connection refused, reset, TLS, an answer
    /// that is not HTTP, …). [`Error::status`] is `None`.
    ///
    /// The message ends with the innermost cause ("Connection refused (os error
    /// 111)"), so that it shows in the top line; for that reason
    /// [`source()`](std::error::Error::source) is `None` and the full chain is
    /// reached through `cause`.
    #[error("{platform} {operation}: {cause}: {}{}", cause.root_cause, StepText(*step))]
    Transport {
        /// The platform.
        platform: Platform,
        /// The operation id.
        operation: &'static str,
        /// What happened.
        cause: TransportError,
        /// The read inside `operation` whose request failed, where it was not the
        /// operation's own request (`reading the server` in an update that reads
        /// first). A read changes nothing, so such a failure applied nothing by itself.
        step: Option<&'static str>,
    },

    /// A success status whose body is not the expected JSON. Never a success.
    /// [`Error::status`] is that status (`None` when unknown).
    ///
    /// A body that starts with a UTF-8 byte order mark is read as the JSON after it; a
    /// PHP notice or any other text before the JSON is this error.
    #[error(
        "{platform} {operation}: {} with a body that is not the expected response: {reason}; body: {body:?}{}",
        status_text(*status),
        StepText(*step)
    )]
    Decode {
        /// The platform.
        platform: Platform,
        /// The operation id.
        operation: &'static str,
        /// The HTTP status; 0 when unknown (an error converted from the `raw` client's).
        status: u16,
        /// Why the body was not accepted.
        reason: String,
        /// The start of the body, at most [`BODY_SNIPPET_LIMIT`] bytes.
        body: String,
        /// The read inside `operation` whose request failed, where it was not the
        /// operation's own request (`reading the server` in an update that reads
        /// first). A read changes nothing, so such a failure applied nothing by itself.
        step: Option<&'static str>,
    },

    /// Part of a call landed and part did not, or its outcome is not known.
    ///
    /// Two cases. The platform answered a write with success but did not store part of
    /// it (GetMCP drops test credentials in some states and still answers 200): `cause`
    /// is `None`. Or a call made of several requests (a write then a check or a read of
    /// the result, several link requests, a write then a re-send) had a later request
    /// fail after an earlier write landed: `cause` is that request's error (its status,
    /// code and message are also in `reason`), and [`Error::may_have_applied`] is `true`.
    ///
    /// What was sent and stored is in `applied` (field names, or steps such as
    /// `detach_tools`); what was not kept, or is not confirmed because the request that
    /// would apply or verify it failed, is in `not_applied`.
    ///
    /// ```
    /// # async fn demo(gm: mcp_admin::getmcp::Client) {
    /// use mcp_admin::{getmcp::{AuthType, TestAuthCredentials}, Error};
    ///
    /// let sent = gm
    ///     .update_server(7u64)
    ///     .auth_type(AuthType::Bearer)
    ///     .test_auth_credentials(TestAuthCredentials::bearer("tok"))
    ///     .send()
    ///     .await;
    /// if let Err(Error::NotApplied { applied, not_applied, cause, .. }) = &sent {
    ///     eprintln!("stored: {applied:?}; not stored or unknown: {not_applied:?}");
    ///     if let Some(failed) = cause {
    ///         eprintln!("the request that failed: {failed}");
    ///     }
    /// }
    /// # }
    /// ```
    #[error("{}", not_applied_text(*platform, operation, *status, applied, not_applied, reason, cause.is_some()))]
    NotApplied {
        /// The platform.
        platform: Platform,
        /// The operation id: the call's (`getmcp_update_server`, `hasmcp_update_server`, …).
        operation: &'static str,
        /// The HTTP status of the answer to the write that landed; 0 when not known.
        status: u16,
        /// The fields sent and stored, or the steps that landed.
        applied: Vec<&'static str>,
        /// The fields sent and not stored, or not confirmed; the steps not done.
        not_applied: Vec<&'static str>,
        /// Why, as far as the client can tell.
        reason: String,
        /// The later request's error, when one failed after an earlier write landed.
        #[source]
        cause: Option<Box<Error>>,
    },

    /// The platform has no such route: the plugin is too old, the feature is not
    /// installed, or the edition lacks the operation. Never [`Error::is_not_found`]
    /// (nothing was looked up) and never a write that may have applied.
    ///
    /// What reads as this: WordPress's `404 rest_no_route`; from HasMCP, its open-source
    /// edition's web page (a success with an HTML body where JSON was expected: its
    /// catch-all `GET /*` answers every unknown `GET`), a `405`, or its router's plain
    /// `404 Cannot <METHOD> <path>`. See [`Error::is_unsupported`].
    #[error(
        "{platform} {operation}: the service has no such route (HTTP {status}: {reason}){}",
        StepText(*step)
    )]
    Unsupported {
        /// The platform.
        platform: Platform,
        /// The operation id.
        operation: &'static str,
        /// The HTTP status of the answer.
        status: u16,
        /// What in the answer says so.
        reason: String,
        /// The start of the body, at most [`BODY_SNIPPET_LIMIT`] bytes.
        body: String,
        /// The read inside `operation` whose request failed, where it was not the
        /// operation's own request (`reading the server` in an update that reads
        /// first). A read changes nothing, so such a failure applied nothing by itself.
        step: Option<&'static str>,
    },

    /// The response body was larger than the client's limit; it was not read further.
    /// [`Error::status`] is the status it came with.
    #[error(
        "{platform} {operation}: HTTP {status} response body exceeds the {limit}-byte limit{}",
        StepText(*step)
    )]
    ResponseTooLarge {
        /// The platform.
        platform: Platform,
        /// The operation id.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// The configured limit in bytes.
        limit: usize,
        /// The read inside `operation` whose request failed, where it was not the
        /// operation's own request (`reading the server` in an update that reads
        /// first). A read changes nothing, so such a failure applied nothing by itself.
        step: Option<&'static str>,
    },
}

/// [`Error::NotApplied`]'s message: what was not stored (or not confirmed, when a later
/// request failed), why, and what was applied.
fn not_applied_text(
    platform: Platform,
    operation: &str,
    status: u16,
    applied: &[&str],
    not_applied: &[&str],
    reason: &str,
    later_failed: bool,
) -> String {
    let applied = if applied.is_empty() {
        "nothing else was sent".to_owned()
    } else {
        format!("applied: {}", applied.join(", "))
    };
    if !later_failed && not_applied.is_empty() {
        return format!(
            "{platform} {operation}: {}, but the result is not confirmed: {reason}; {applied}",
            status_text(status)
        );
    }
    if !later_failed {
        return format!(
            "{platform} {operation}: {}, but {} not stored: {reason}; {applied}",
            status_text(status),
            not_applied.join(", ")
        );
    }
    let unconfirmed = match not_applied {
        [] => "the result not read".to_owned(),
        list => format!("{} not applied or not confirmed", list.join(", ")),
    };
    format!("{platform} {operation}: partly applied, {unconfirmed}: {reason}; {applied}")
}

/// ` (reading the server)` after a message, for an error of a step; nothing otherwise.
struct StepText(Option<&'static str>);

impl fmt::Display for StepText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(step) => write!(f, " ({step})"),
            None => Ok(()),
        }
    }
}

/// `HTTP 200`, or words for a status that is not known (0).
fn status_text(status: u16) -> String {
    match status {
        0 => "a response".to_owned(),
        s => format!("HTTP {s}"),
    }
}

/// The operation of an [`Error::InvalidInput`] before [`Error::at`] names it.
const UNSTAMPED: &str = "";

/// The operation name of an error converted from the `raw` client's, which does not
/// say which operation failed.
pub const RAW_OPERATION: &str = "raw client";

/// Whether `operation` may change something on the server. An operation the table does
/// not know (the `raw` client's conversions) counts as one.
fn is_write(operation: &str) -> bool {
    crate::transport::ops::by_id(operation).is_none_or(|op| !matches!(op.method, "GET" | "HEAD"))
}

/// The most bytes of the caller's input (an id, a URL, a name) an error message echoes.
pub(crate) const INPUT_ECHO_LIMIT: usize = 128;

/// The most bytes an [`Error::InvalidInput`] reason keeps: whatever input it echoes, a
/// message stays short.
const REASON_LIMIT: usize = 1024;

/// Input echoed in an error, cut to [`INPUT_ECHO_LIMIT`] bytes (`…` marking a cut).
pub(crate) fn bounded_input(input: &str) -> String {
    crate::transport::bounded(input, INPUT_ECHO_LIMIT)
}

/// `reason` within [`REASON_LIMIT`]: a longer one keeps its start and its end (where
/// the explanation usually is), an echoed input in the middle cut out.
fn bounded_reason(reason: String) -> String {
    if reason.len() <= REASON_LIMIT {
        return reason;
    }
    let half = REASON_LIMIT / 2;
    let mut head = half;
    while !reason.is_char_boundary(head) {
        head -= 1;
    }
    let mut tail = reason.len() - half;
    while !reason.is_char_boundary(tail) {
        tail += 1;
    }
    format!("{}…{}", &reason[..head], &reason[tail..])
}

impl Error {
    /// Input refused before sending; `reason` is bounded, whatever input it echoes. The
    /// operation is filled in by [`Error::at`] where the call that checked it is known.
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            platform: Platform::HasMcp,
            operation: UNSTAMPED,
            field,
            reason: bounded_reason(reason.into()),
        }
    }

    /// A required setter of a create left unset: refused before sending, in the same
    /// words on both platforms (`invalid input for `uri`: required`).
    pub(crate) fn required(field: &'static str) -> Self {
        Error::invalid(field, "required")
    }

    /// Names the operation `op` as the one a refusal before sending belongs to (an
    /// [`Error::InvalidInput`] not yet stamped); any other error is returned as is.
    pub(crate) fn at(self, op: &crate::transport::ops::Operation) -> Self {
        self.at_named(Platform::of_operation(op.id), op.id)
    }

    /// As [`Error::at`], for a refusal outside an operation (an id parsed on its own).
    pub(crate) fn at_named(self, at: Platform, name: &'static str) -> Self {
        match self {
            Error::InvalidInput {
                operation: UNSTAMPED,
                field,
                reason,
                ..
            } => Error::InvalidInput {
                platform: at,
                operation: name,
                field,
                reason,
            },
            other => other,
        }
    }

    /// Names `called` as the operation of an error of one of its reads (`step`, e.g.
    /// `reading the server`): an answer, a transport failure, a timeout, a body that
    /// does not decode. `step` says the failed request was that read, so
    /// [`may_have_applied`](Self::may_have_applied) stays `false` for it. Only reads are
    /// steps; refusals and errors that already name the call are kept as they are.
    pub(crate) fn in_step(
        mut self,
        called: &crate::transport::ops::Operation,
        step: &'static str,
    ) -> Self {
        match &mut self {
            Error::Api(e) => {
                e.operation = called.id;
                e.step = Some(step);
            }
            Error::Timeout {
                operation,
                step: at,
                ..
            }
            | Error::Transport {
                operation,
                step: at,
                ..
            }
            | Error::Decode {
                operation,
                step: at,
                ..
            }
            | Error::Unsupported {
                operation,
                step: at,
                ..
            }
            | Error::ResponseTooLarge {
                operation,
                step: at,
                ..
            } => {
                *operation = called.id;
                *at = Some(step);
            }
            Error::InvalidInput { .. }
            | Error::Config { .. }
            | Error::Conflict(_)
            | Error::NotApplied { .. } => {}
        }
        self
    }

    /// A client that cannot be configured.
    pub(crate) fn config(platform: Platform, reason: impl Into<String>) -> Self {
        Error::config_at(platform, "ClientBuilder::build", reason)
    }

    /// A configuration refused by `operation` (a constructor such as `Proxy::new`).
    pub(crate) fn config_at(
        platform: Platform,
        operation: &'static str,
        reason: impl Into<String>,
    ) -> Self {
        Error::Config {
            platform,
            operation,
            reason: reason.into(),
        }
    }

    /// The HTTP status of the response, where there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode { status, .. }
            | Error::ResponseTooLarge { status, .. }
            | Error::NotApplied { status, .. }
            | Error::Unsupported { status, .. } => Some(*status).filter(|s| *s != 0),
            Error::Conflict(c) => c.status,
            _ => None,
        }
    }

    /// The platform's error code: GetMCP's `getmcp_not_found`, `rest_forbidden`, …, or
    /// HasMCP's numeric code as text.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.code.as_deref(),
            _ => None,
        }
    }

    /// What was asked for does not exist: a 404, or one of HasMCP's 500s that say so
    /// (the database's `record not found` as the message or `data.reason`: a provider
    /// update or a provider tool read of an unknown id answers that way).
    pub fn is_not_found(&self) -> bool {
        match self {
            Error::Unsupported { .. } => false,
            Error::Api(e) if e.platform == Platform::HasMcp && e.status == 500 => {
                let says = |text: Option<&str>| text.is_some_and(|t| t.contains(RECORD_NOT_FOUND));
                says(e.message.as_deref()) || says(e.reason())
            }
            _ => self.status() == Some(404),
        }
    }

    /// The service has no such route ([`Error::Unsupported`]): a plugin version or an
    /// edition without this operation. Trying again will not help; another version or
    /// the other family of operations might.
    ///
    /// ```
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// match hm.list_server_tokens("Abc12345678").all().await {
    ///     Ok(tokens) => println!("{} tokens", tokens.len()),
    ///     Err(e) if e.is_unsupported() => println!("this edition keeps no token list"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    pub fn is_unsupported(&self) -> bool {
        matches!(self, Error::Unsupported { .. })
    }

    /// The token or key was refused: 401, or 403 (WordPress answers a bad key with
    /// `rest_forbidden`). A 403 that is known to mean something else, such as GetMCP's
    /// plan limit `tier_limit_auth_method`, is not.
    pub fn is_unauthorized(&self) -> bool {
        match self.status() {
            Some(401) => true,
            Some(403) => !matches!(self.code(), Some(code) if NOT_AUTH_403.contains(&code)),
            _ => false,
        }
    }

    /// The platform is rate limiting this client (429); see [`Error::retry_after`].
    pub fn is_rate_limited(&self) -> bool {
        self.status() == Some(429)
    }

    /// A concurrent write was detected ([`Error::Conflict`]) or the server said 409.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Error::Conflict(_)) || self.status() == Some(409)
    }

    /// Trying again later may succeed: 429, 502, 503, 504, timeouts, and connection
    /// failures before any answer arrived (no connection, or one closed or reset before
    /// the answer). An answer that is not valid HTTP is not: it would come again.
    ///
    /// The client has already retried these per its `RetryPolicy`, except a write whose
    /// connection was lost: check [`Error::may_have_applied`] before sending it again.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout { .. } => true,
            Error::Transport { cause, .. } => cause.kind.is_transient(),
            _ => matches!(self.status(), Some(429 | 502 | 503 | 504)),
        }
    }

    /// The platform answered a write with success but did not store all of it
    /// ([`Error::NotApplied`]).
    pub fn is_not_applied(&self) -> bool {
        matches!(self, Error::NotApplied { .. })
    }

    /// The input was refused before any request was sent.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Error::InvalidInput { .. })
    }

    /// The request ran out of time.
    pub fn is_timeout(&self) -> bool {
        match self {
            Error::Timeout { .. } => true,
            Error::Transport { cause, .. } => cause.is_timeout(),
            _ => false,
        }
    }

    /// The server refused the input: WordPress `rest_invalid_param`,
    /// `rest_missing_callback_param`, `rest_invalid_json`, `authentication_invalid` and
    /// `getmcp_invalid_*`; HasMCP's 400 and 422 answers, and its 500s whose reason or
    /// message is one of its validation messages ([`HASMCP_500_VALIDATION`]; any other
    /// 500, `database is locked` say, is not). See [`Error::invalid_params`].
    ///
    /// Unlike [`Error::is_invalid_input`], a request was sent.
    pub fn is_validation(&self) -> bool {
        self.as_api().is_some_and(ApiError::is_validation)
    }

    /// WordPress argument errors, `data.params`: each refused argument with the reason.
    ///
    /// ```
    /// # async fn demo(gm: mcp_admin::getmcp::Client) {
    /// if let Err(e) = gm.update_server(7u64).name("x").send().await {
    ///     for (argument, why) in e.invalid_params().into_iter().flatten() {
    ///         eprintln!("{argument}: {why}");
    ///     }
    /// }
    /// # }
    /// ```
    pub fn invalid_params(&self) -> Option<&serde_json::Map<String, Value>> {
        self.as_api()?.params()
    }

    /// The write may have been applied although it did not report success: the request
    /// was sent and then its answer was lost (a timeout after connecting, the connection
    /// closed or reset, an answer that is not HTTP), or a success status came with a body
    /// that could not be read; also a [`ConflictError`] whose `may_have_applied` is set.
    ///
    /// `false` for reads, for anything refused before sending (invalid input, no
    /// connection) and for an answer with an error status. A 502 or 504 from a proxy in
    /// front of the platform counts as such an answer, though the platform behind it may
    /// have applied the write. An error converted from the `raw` client's does not say
    /// which operation it was, and counts as a write.
    pub fn may_have_applied(&self) -> bool {
        match self {
            Error::Conflict(c) => c.may_have_applied,
            // What `applied` lists was stored; after a failed later request, an earlier
            // write landed.
            Error::NotApplied { applied, cause, .. } => !applied.is_empty() || cause.is_some(),
            // A step is a read: its failure applied nothing.
            Error::Transport {
                operation,
                cause,
                step: None,
                ..
            }
            | Error::Timeout {
                operation,
                cause,
                step: None,
                ..
            } => !cause.kind.nothing_sent() && is_write(operation),
            Error::Decode {
                operation,
                status,
                step: None,
                ..
            } => is_write(operation) && (*status == 0 || (200..300).contains(status)),
            Error::ResponseTooLarge {
                operation,
                status,
                step: None,
                ..
            } => is_write(operation) && (200..300).contains(status),
            _ => false,
        }
    }

    /// How long the server asked us to wait (`Retry-After`, seconds or HTTP date).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api(e) => e.retry_after,
            _ => None,
        }
    }

    /// The API error, when the server answered with a non-success status.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The error for a call whose later request failed (`cause`) after an earlier write
    /// landed: an [`Error::NotApplied`] that says what landed, what did not or is not
    /// confirmed, and `what` went wrong, followed by the failing answer.
    pub(crate) fn partly_applied(
        platform: Platform,
        operation: &'static str,
        status: u16,
        applied: Vec<&'static str>,
        not_applied: Vec<&'static str>,
        what: &str,
        cause: Error,
    ) -> Self {
        Error::NotApplied {
            platform,
            operation,
            status,
            applied,
            not_applied,
            reason: format!("{what}: {cause}"),
            cause: Some(Box::new(cause)),
        }
    }
}

/// Errors of the generated `raw` client's GetMCP operations, so that `?` works in a
/// function returning [`Error`]. The status, `Retry-After` and the decoded error body
/// are kept (masked and bounded as usual); the operation is [`RAW_OPERATION`], since the
/// raw error does not say which one failed. An undocumented status keeps no body.
///
/// ```
/// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
/// let server = gm.raw().getmcp_get_server().id(7u64).send().await?;
/// # Ok(()) }
/// ```
impl From<progenitor_client::Error<crate::raw::types::WpError>> for Error {
    fn from(error: progenitor_client::Error<crate::raw::types::WpError>) -> Self {
        crate::transport::from_raw(Platform::GetMcp, error)
    }
}

/// Errors of the generated `raw` client's HasMCP operations; as for GetMCP's.
impl From<progenitor_client::Error<crate::raw::types::HasmcpErrorBody>> for Error {
    fn from(error: progenitor_client::Error<crate::raw::types::HasmcpErrorBody>) -> Self {
        crate::transport::from_raw(Platform::HasMcp, error)
    }
}

/// Why a request got no complete answer, classified.
///
/// Its `Display` says what happened ("could not connect"); [`source()`](std::error::Error::source)
/// gives the HTTP library's error, whose chain ends in the root cause.
pub struct TransportError {
    pub(crate) kind: FailureKind,
    /// The innermost cause, masked and bounded.
    pub(crate) root_cause: String,
    source: reqwest::Error,
}

impl TransportError {
    pub(crate) fn new(kind: FailureKind, root_cause: String, source: reqwest::Error) -> Self {
        TransportError {
            kind,
            root_cause,
            source,
        }
    }

    /// No connection was made (refused, unreachable, name not found, TLS handshake,
    /// connect timeout): nothing was sent.
    pub fn is_connect(&self) -> bool {
        self.kind == FailureKind::Connect
    }

    /// A time limit ran out.
    pub fn is_timeout(&self) -> bool {
        self.source.is_timeout()
    }

    /// The connection was closed or reset before any answer arrived; the server may
    /// have received the request.
    pub fn is_connection_lost(&self) -> bool {
        self.kind == FailureKind::Lost
    }

    /// The server answered with something that is not valid HTTP (a garbage status
    /// line, a header too large or invalid, conflicting lengths).
    pub fn is_malformed_response(&self) -> bool {
        self.kind == FailureKind::Malformed
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.summary())
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("root_cause", &self.root_cause)
            .field("source", &self.source)
            .finish()
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// A non-success answer from a platform, with everything it said.
///
/// GetMCP sends WordPress `WP_Error` JSON (`code`, `message`, `data`,
/// `additional_errors`); HasMCP sends `{"error": {"code", "message", "data"}}`. A body
/// that is neither (an HTML page from a proxy, an empty or truncated body) still gives
/// an `ApiError` with the status and the start of the body.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The platform that answered.
    pub platform: Platform,
    /// The operation id, e.g. `hasmcp_update_server`.
    pub operation: &'static str,
    /// The HTTP status. It wins over any status in the body.
    pub status: u16,
    /// The error code: a WordPress code (`getmcp_not_found`, `rest_invalid_param`, …) or
    /// HasMCP's numeric code as text.
    pub code: Option<String>,
    /// The human-readable message.
    pub message: Option<String>,
    /// The error's `data` (WordPress: `status`, `params`, `details`, …; HasMCP: `reason`, ids).
    pub data: Option<Value>,
    /// WordPress `additional_errors`, each a `{code, message, data}` object.
    pub additional_errors: Vec<Value>,
    /// `Retry-After`, where the server sent one.
    pub retry_after: Option<Duration>,
    /// The start of the raw body, at most [`BODY_SNIPPET_LIMIT`] bytes.
    pub body: String,
    /// The step of `operation` whose request this answered, where it was not the
    /// operation's own request (`reading the server` in an update that reads first).
    pub step: Option<&'static str>,
}

impl ApiError {
    /// WordPress argument errors: `data.params`, `{argument: message}`.
    pub fn params(&self) -> Option<&serde_json::Map<String, Value>> {
        self.data.as_ref()?.get("params")?.as_object()
    }

    /// WordPress argument error details: `data.details.<arg>.code`, e.g. `rest_not_in_enum`.
    pub fn details(&self) -> Option<&serde_json::Map<String, Value>> {
        self.data.as_ref()?.get("details")?.as_object()
    }

    /// HasMCP's `data.reason`: the underlying failure behind its message.
    pub fn reason(&self) -> Option<&str> {
        self.data.as_ref()?.get("reason")?.as_str()
    }

    /// The server refused the input; see [`Error::is_validation`].
    pub fn is_validation(&self) -> bool {
        match self.platform {
            Platform::GetMcp => self.code.as_deref().is_some_and(|code| {
                VALIDATION_CODES.contains(&code) || code.starts_with("getmcp_invalid_")
            }),
            Platform::HasMcp => {
                let known = |text: Option<&str>| {
                    text.is_some_and(|t| HASMCP_500_VALIDATION.iter().any(|v| t.contains(v)))
                };
                matches!(self.status, 400 | 422)
                    || (self.status == 500
                        && (known(self.reason()) || known(self.message.as_deref())))
            }
            // No answer comes from no platform in particular.
            Platform::Any => false,
        }
    }
}

/// How HasMCP words a refused input inside a 500 (its own failures, such as `database
/// is locked` or `record not found`, read otherwise): the messages of its validation
/// code, as the open-source edition has them (`name is required`, `invalid visibility
/// type`, `URL must be http or https`, `description exceeds maximum length`, `path must
/// be at least 1 characters`, `invalid request body JSON schema for provider tool`, …).
pub const HASMCP_500_VALIDATION: &[&str] = &[
    " is required",
    "invalid ",
    " must ",
    "URL must",
    "exceeds maximum length",
];

/// WordPress codes for a refused input (besides `getmcp_invalid_*`).
const VALIDATION_CODES: &[&str] = &[
    "rest_invalid_param",
    "rest_missing_callback_param",
    "rest_invalid_json",
    "authentication_invalid",
];

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: HTTP {}",
            self.platform, self.operation, self.status
        )?;
        // HasMCP repeats the status as its code: shown only when it says more.
        match self.code.as_deref() {
            Some(code) if code == self.status.to_string() => {}
            Some(code) if code.bytes().all(|b| b.is_ascii_digit()) => write!(f, " (code {code})")?,
            Some(code) => write!(f, " {code}")?,
            None => {}
        }
        let message = self.message.as_deref().filter(|m| !m.is_empty());
        match message {
            Some(message) => write!(f, ": {message}")?,
            None if !self.body.is_empty() => write!(f, "; body: {:?}", self.body)?,
            None => f.write_str(" (empty body)")?,
        }
        if let Some(reason) = self
            .reason()
            .filter(|r| !r.is_empty() && Some(*r) != message)
        {
            write!(f, " (reason: {reason})")?;
        }
        if let Some(params) = self.params() {
            let names: Vec<&str> = params.keys().map(String::as_str).collect();
            write!(f, " [invalid: {}]", names.join(", "))?;
        }
        if let Some(wait) = self.retry_after {
            write!(f, " (retry after {}s)", wait.as_secs())?;
        }
        if let Some(step) = self.step {
            write!(f, " ({step})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// A write raced with another writer (HasMCP's versioned read–merge–write).
///
/// `Debug` shows its [`kind`](ConflictError::kind), which says why `expected` and
/// `found` made it a conflict (they may be equal).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConflictError {
    /// The platform (HasMCP: only its updates are versioned).
    pub platform: Platform,
    /// The operation id.
    pub operation: &'static str,
    /// The version the caller expected (`expected_version`), or the one the write
    /// should have produced (the sent version + 1).
    pub expected: Option<i64>,
    /// The version the server reported.
    pub found: Option<i64>,
    /// Whether part of the update may have been applied: `true` when the PATCH was sent
    /// and answered (HasMCP replaces attachments even on a stale version).
    pub may_have_applied: bool,
    /// The HTTP status of the response that showed the conflict; `None` when it showed
    /// before writing.
    pub status: Option<u16>,
    /// What happened, in words.
    pub message: String,
}

/// Why a [`ConflictError`] is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConflictKind {
    /// Before writing, the server was not at the version the caller expected; no
    /// write was sent in that round.
    UnexpectedVersion,
    /// The write was answered with a version other than the one it should produce:
    /// another write came first.
    OtherVersion,
    /// The write was answered with the version it should produce (`expected ==
    /// found`), but not with the values written: the server kept another writer's.
    ChangesNotKept,
    /// The write was answered without a version: whether it won cannot be told.
    NoVersion,
}

impl ConflictError {
    /// Why this is a conflict, read from where it showed and the versions.
    pub fn kind(&self) -> ConflictKind {
        match (self.status, self.found) {
            (None, _) => ConflictKind::UnexpectedVersion,
            (Some(_), None) => ConflictKind::NoVersion,
            (Some(_), found) if found == self.expected => ConflictKind::ChangesNotKept,
            (Some(_), _) => ConflictKind::OtherVersion,
        }
    }
}

impl fmt::Debug for ConflictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConflictError")
            .field("platform", &self.platform)
            .field("operation", &self.operation)
            .field("kind", &self.kind())
            .field("expected", &self.expected)
            .field("found", &self.found)
            .field("may_have_applied", &self.may_have_applied)
            .field("status", &self.status)
            .field("message", &self.message)
            .finish()
    }
}

impl fmt::Display for ConflictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: conflict: {}",
            self.platform, self.operation, self.message
        )
    }
}

impl std::error::Error for ConflictError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::Mask;

    /// One error of every variant, as the calls of `op` would make them.
    fn every_variant(
        platform: Platform,
        op: &'static crate::transport::ops::Operation,
    ) -> Vec<Error> {
        let cause = || {
            // A reqwest error made without building a client, which needs a TLS provider.
            let source = reqwest::Proxy::all("not a url").unwrap_err();
            TransportError::new(FailureKind::Connect, "refused".into(), source)
        };
        let all = vec![
            Error::invalid("name", "empty").at(op),
            Error::config(platform, "the token is empty"),
            Error::Api(ApiError::from_response(
                platform,
                op.id,
                404,
                None,
                b"{}",
                &Mask::default(),
            )),
            Error::Conflict(ConflictError {
                platform,
                operation: op.id,
                expected: Some(2),
                found: Some(3),
                may_have_applied: false,
                status: None,
                message: "m".into(),
            }),
            Error::Timeout {
                platform,
                operation: op.id,
                after: Duration::from_secs(1),
                elapsed: Duration::from_secs(1),
                cause: cause(),
                step: None,
            },
            Error::Transport {
                platform,
                operation: op.id,
                cause: cause(),
                step: None,
            },
            Error::Decode {
                platform,
                operation: op.id,
                status: 200,
                reason: "r".into(),
                body: String::new(),
                step: None,
            },
            Error::NotApplied {
                platform,
                operation: op.id,
                status: 200,
                applied: vec![],
                not_applied: vec!["x"],
                reason: "r".into(),
                cause: None,
            },
            Error::partly_applied(
                platform,
                op.id,
                200,
                vec!["name"],
                vec!["x"],
                "checking the write",
                Error::Transport {
                    platform,
                    operation: op.id,
                    cause: cause(),
                    step: None,
                },
            ),
            Error::Unsupported {
                platform,
                operation: op.id,
                status: 404,
                reason: "rest_no_route".into(),
                body: String::new(),
                step: None,
            },
            Error::ResponseTooLarge {
                platform,
                operation: op.id,
                status: 200,
                limit: 1,
                step: None,
            },
        ];
        // The same failures in a read the call made: they name the call and the step.
        let read = &crate::transport::ops::HASMCP_GET_SERVER;
        let mut all = all;
        all.extend(
            [
                Error::Timeout {
                    platform,
                    operation: read.id,
                    after: Duration::from_secs(1),
                    elapsed: Duration::from_secs(1),
                    cause: cause(),
                    step: None,
                },
                Error::Transport {
                    platform,
                    operation: read.id,
                    cause: cause(),
                    step: None,
                },
                Error::Decode {
                    platform,
                    operation: read.id,
                    status: 200,
                    reason: "r".into(),
                    body: String::new(),
                    step: None,
                },
                Error::Unsupported {
                    platform,
                    operation: read.id,
                    status: 404,
                    reason: "rest_no_route".into(),
                    body: String::new(),
                    step: None,
                },
                Error::ResponseTooLarge {
                    platform,
                    operation: read.id,
                    status: 200,
                    limit: 1,
                    step: None,
                },
            ]
            .map(|e| e.in_step(op, "reading the server")),
        );
        // A new variant must join the list: this match has no catch-all.
        for e in &all {
            match e {
                Error::InvalidInput { .. }
                | Error::Config { .. }
                | Error::Api(_)
                | Error::Conflict(_)
                | Error::Timeout { .. }
                | Error::Transport { .. }
                | Error::Decode { .. }
                | Error::NotApplied { .. }
                | Error::Unsupported { .. }
                | Error::ResponseTooLarge { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_variant_starts_with_the_platform_and_the_operation_called() {
        use crate::transport::ops;
        for (platform, op) in [
            (Platform::HasMcp, &ops::HASMCP_UPDATE_SERVER),
            (Platform::GetMcp, &ops::GETMCP_DELETE_PROMPT),
        ] {
            for e in every_variant(platform, op) {
                let text = e.to_string();
                let want = match &e {
                    // A client is configured before any operation: the call is the build.
                    Error::Config { .. } => format!("{platform} ClientBuilder::build: "),
                    _ => format!("{platform} {}: ", op.id),
                };
                assert!(
                    text.starts_with(&want),
                    "{text:?} should start with {want:?}"
                );
            }
        }
    }

    #[test]
    fn a_failed_read_of_any_kind_names_its_step_and_applied_nothing() {
        use crate::transport::ops;
        let op = &ops::HASMCP_UPDATE_SERVER;
        let stepped: Vec<Error> = every_variant(Platform::HasMcp, op)
            .into_iter()
            .filter(|e| e.to_string().ends_with(" (reading the server)"))
            .collect();
        // Timeout, Transport, Decode, Unsupported, ResponseTooLarge.
        assert_eq!(stepped.len(), 5, "{stepped:#?}");
        for e in &stepped {
            assert!(!e.may_have_applied(), "{e}");
        }
    }

    #[test]
    fn a_value_refused_before_any_client_names_its_constructor() {
        let e = crate::Proxy::new("ftp://proxy.example").unwrap_err();
        assert_eq!(
            e.to_string(),
            "mcp-admin Proxy::new: client configuration: proxy URL: unsupported scheme \"ftp\" \
             (http or https)"
        );
        assert!(matches!(
            e,
            Error::Config {
                platform: Platform::Any,
                operation: "Proxy::new",
                ..
            }
        ));
    }

    #[test]
    fn a_failed_step_names_the_operation_called_and_the_step() {
        use crate::transport::ops;
        let read = Error::Api(ApiError::from_response(
            Platform::HasMcp,
            ops::HASMCP_GET_SERVER.id,
            404,
            None,
            br#"{"error":{"code":404,"message":"server not found"}}"#,
            &Mask::default(),
        ));
        let e = read.in_step(&ops::HASMCP_UPDATE_SERVER, "reading the server");
        assert_eq!(
            e.to_string(),
            "HasMCP hasmcp_update_server: HTTP 404: server not found (reading the server)"
        );
        assert!(e.is_not_found() && !e.may_have_applied());
    }

    #[test]
    fn only_not_applied_is_not_applied() {
        let op = &crate::transport::ops::GETMCP_UPDATE_SERVER;
        for e in every_variant(Platform::GetMcp, op) {
            assert_eq!(
                e.is_not_applied(),
                matches!(e, Error::NotApplied { .. }),
                "{e}"
            );
        }
    }

    #[test]
    fn a_locked_database_is_not_a_validation_error() {
        let hm = |body: &str| api(Platform::HasMcp, 500, body);
        let locked = hm(
            r#"{"error":{"code":500,"message":"internal server error","data":{"reason":"database is locked"}}}"#,
        );
        assert!(!locked.is_validation());
        let missing = hm(
            r#"{"error":{"code":500,"message":"internal server error","data":{"reason":"name is required"}}}"#,
        );
        assert!(missing.is_validation());
        let bad_type = hm(r#"{"error":{"code":500,"message":"invalid visibility type"}}"#);
        assert!(bad_type.is_validation());
    }

    #[test]
    fn not_applied_says_what_was_and_was_not_stored() {
        let e = Error::NotApplied {
            platform: Platform::GetMcp,
            operation: "getmcp_update_server",
            status: 200,
            applied: vec!["name", "auth_type"],
            not_applied: vec!["test_auth_credentials"],
            reason: "the site dropped them".into(),
            cause: None,
        };
        assert_eq!(
            e.to_string(),
            "GetMCP getmcp_update_server: HTTP 200, but test_auth_credentials not stored: \
             the site dropped them; applied: name, auth_type"
        );
        assert_eq!(e.status(), Some(200));
        assert!(e.may_have_applied() && !e.is_retryable() && !e.is_conflict());
        let nothing_else = Error::NotApplied {
            platform: Platform::GetMcp,
            operation: "getmcp_update_server",
            status: 200,
            applied: vec![],
            not_applied: vec!["test_auth_credentials"],
            reason: "still stored after the clear".into(),
            cause: None,
        };
        assert!(nothing_else
            .to_string()
            .ends_with("; nothing else was sent"));
        assert!(!nothing_else.may_have_applied());
    }

    #[test]
    fn hasmcp_500s_that_say_record_not_found_are_not_found() {
        let has = |body: &str| api(Platform::HasMcp, 500, body);
        assert!(has(r#"{"error":{"code":500,"message":"record not found"}}"#).is_not_found());
        assert!(has(
            r#"{"error":{"code":500,"message":"failed to get provider","data":{"reason":"record not found"}}}"#
        )
        .is_not_found());
        assert!(!has(
            r#"{"error":{"code":500,"message":"internal server error","data":{"reason":"db down"}}}"#
        )
        .is_not_found());
        // Only HasMCP's database speaks this way; a WordPress 500 is not a not-found.
        let wp = api(
            Platform::GetMcp,
            500,
            r#"{"code":"x","message":"record not found","data":{"status":500}}"#,
        );
        assert!(!wp.is_not_found());
    }

    fn api(platform: Platform, status: u16, body: &str) -> Error {
        let op = "getmcp_update_server";
        Error::Api(ApiError::from_response(
            platform,
            op,
            status,
            None,
            body.as_bytes(),
            &Mask::default(),
        ))
    }

    #[test]
    fn a_plan_limit_403_is_not_unauthorized() {
        let wp = |code: &str| {
            let body = format!(r#"{{"code":"{code}","message":"m","data":{{"status":403}}}}"#);
            api(Platform::GetMcp, 403, &body)
        };
        assert!(wp("rest_forbidden").is_unauthorized());
        assert!(!wp("tier_limit_auth_method").is_unauthorized());
        assert!(api(Platform::GetMcp, 403, "<html>").is_unauthorized());
    }

    #[test]
    fn the_code_shows_only_when_it_says_more_than_the_status() {
        let cases = [
            (
                404,
                r#"{"error":{"code":404,"message":"server not found","data":{"reason":"record not found","serverID":42}}}"#,
                "HTTP 404: server not found (reason: record not found)",
            ),
            (
                422,
                r#"{"error":{"code":400,"message":"invalid request body"}}"#,
                "HTTP 422 (code 400): invalid request body",
            ),
            (
                500,
                r#"{"error":{"code":500,"message":"internal server error","data":{"reason":"name is required"}}}"#,
                "HTTP 500: internal server error (reason: name is required)",
            ),
            (
                409,
                r#"{"error":{"code":409,"message":"tool not found"}}"#,
                "HTTP 409: tool not found",
            ),
            (
                500,
                r#"{"error":{"code":500,"message":""}}"#,
                r#"HTTP 500; body: "{\"error\":{\"code\":500,\"message\":\"\"}}""#,
            ),
        ];
        for (status, body, want) in cases {
            let e = api(Platform::HasMcp, status, body);
            assert_eq!(
                e.to_string(),
                format!("HasMCP getmcp_update_server: {want}")
            );
        }
    }

    #[test]
    fn validation_errors_on_each_platform() {
        let wp = |status: u16, code: &str| {
            let body = format!(
                r#"{{"code":"{code}","message":"m","data":{{"status":{status},"params":{{"status":"bad"}}}}}}"#
            );
            api(Platform::GetMcp, status, &body)
        };
        for code in [
            "rest_invalid_param",
            "rest_missing_callback_param",
            "rest_invalid_json",
            "authentication_invalid",
            "getmcp_invalid_params",
            "getmcp_invalid_credentials",
        ] {
            let e = wp(400, code);
            assert!(e.is_validation(), "{code}");
            assert!(!e.is_invalid_input(), "{code}");
            assert_eq!(
                e.invalid_params().map(|p| p["status"].clone()),
                Some(Value::from("bad"))
            );
        }
        for code in [
            "rest_forbidden",
            "getmcp_not_found",
            "getmcp_update_failed",
            "rest_no_route",
        ] {
            assert!(!wp(400, code).is_validation(), "{code}");
        }
        let hm = |status: u16, body: &str| api(Platform::HasMcp, status, body).is_validation();
        assert!(hm(
            400,
            r#"{"error":{"code":400,"message":"invalid server version"}}"#
        ));
        assert!(hm(422, r#"{"error":{"code":400,"message":"bad body"}}"#));
        assert!(hm(
            500,
            r#"{"error":{"code":500,"message":"internal server error","data":{"reason":"baseURL is required"}}}"#
        ));
        assert!(!hm(
            500,
            r#"{"error":{"code":500,"message":"internal server error"}}"#
        ));
        assert!(!hm(
            404,
            r#"{"error":{"code":404,"message":"server not found","data":{"reason":"x"}}}"#
        ));
        assert!(!hm(
            409,
            r#"{"error":{"code":409,"message":"tool not found"}}"#
        ));
        assert!(Error::invalid("name", "empty").invalid_params().is_none());
    }

    fn conflict(expected: Option<i64>, found: Option<i64>, status: Option<u16>) -> ConflictError {
        ConflictError {
            platform: Platform::HasMcp,
            operation: "hasmcp_update_server",
            expected,
            found,
            may_have_applied: status.is_some(),
            status,
            message: "m".into(),
        }
    }

    #[test]
    fn a_conflict_says_why_even_when_the_versions_are_equal() {
        assert_eq!(
            conflict(Some(4), Some(5), None).kind(),
            ConflictKind::UnexpectedVersion
        );
        assert_eq!(
            conflict(Some(5), Some(7), Some(200)).kind(),
            ConflictKind::OtherVersion
        );
        assert_eq!(
            conflict(Some(5), Some(5), Some(200)).kind(),
            ConflictKind::ChangesNotKept
        );
        assert_eq!(
            conflict(Some(5), None, Some(200)).kind(),
            ConflictKind::NoVersion
        );
        assert_eq!(
            format!("{:?}", conflict(Some(2), Some(2), Some(200))),
            "ConflictError { platform: HasMcp, operation: \"hasmcp_update_server\", kind: ChangesNotKept, \
             expected: Some(2), found: Some(2), may_have_applied: true, status: Some(200), \
             message: \"m\" }"
        );
        let e = Error::from(conflict(Some(5), Some(7), Some(200)));
        assert!(e.may_have_applied() && e.is_conflict());
        assert!(!Error::from(conflict(Some(4), Some(5), None)).may_have_applied());
    }

    #[test]
    fn only_writes_whose_outcome_is_unknown_may_have_applied() {
        let decode = |operation, status| Error::Decode {
            platform: Platform::HasMcp,
            operation,
            status,
            reason: String::new(),
            body: String::new(),
            step: None,
        };
        assert!(decode("hasmcp_update_server", 200).may_have_applied());
        assert!(!decode("hasmcp_get_server", 200).may_have_applied());
        assert!(decode(RAW_OPERATION, 0).may_have_applied());
        assert_eq!(
            decode(RAW_OPERATION, 0).to_string(),
            "HasMCP raw client: a response with a body that is not the expected response: ; body: \"\""
        );
        assert_eq!(decode(RAW_OPERATION, 0).status(), None);
        let too_large = |operation, status| Error::ResponseTooLarge {
            platform: Platform::GetMcp,
            operation,
            status,
            limit: 1,
            step: None,
        };
        assert!(too_large("getmcp_update_server", 200).may_have_applied());
        assert!(!too_large("getmcp_update_server", 502).may_have_applied());
        assert!(!too_large("getmcp_get_server", 200).may_have_applied());
        assert!(!api(Platform::GetMcp, 504, "").may_have_applied());
        assert!(!Error::invalid("name", "empty").may_have_applied());
    }
}
