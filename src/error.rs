//! [`Error`] and [`ApiError`]: one error type for the whole crate, both platforms.

use std::{fmt, time::Duration};

use serde_json::Value;

/// The most bytes of a response body an error keeps (as text), so that an
/// error never holds an unbounded page.
pub const BODY_SNIPPET_LIMIT: usize = 2048;

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
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Platform::HasMcp => "HasMCP",
            Platform::GetMcp => "GetMCP",
        })
    }
}

/// Everything that can go wrong, on either platform.
///
/// Match on the helpers ([`Error::is_not_found`], [`Error::status`], …) rather than on
/// variants where you can: they read the same across platforms.
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
    /// The caller's input was refused before any request was sent.
    #[error("invalid input for `{field}`: {reason}")]
    InvalidInput {
        /// The builder field or argument at fault.
        field: &'static str,
        /// Why it was refused.
        reason: String,
    },

    /// The client could not be configured (bad base URL, token, missing variable).
    #[error("client configuration: {0}")]
    Config(String),

    /// The server answered with a status that is not a success.
    #[error(transparent)]
    Api(#[from] ApiError),

    /// Someone else changed the server between our read and our write.
    #[error(transparent)]
    Conflict(#[from] ConflictError),

    /// No complete answer within the configured time.
    #[error("{platform} {operation}: timed out after {after:?}")]
    Timeout {
        /// The platform.
        platform: Platform,
        /// The operation id, e.g. `getmcp_update_server`.
        operation: &'static str,
        /// The configured limit that ran out.
        after: Duration,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// The request could not be carried out (connection refused, reset, TLS, …).
    #[error("{platform} {operation}: request failed: {source}")]
    Transport {
        /// The platform.
        platform: Platform,
        /// The operation id.
        operation: &'static str,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// A success status whose body is not the expected JSON. Never a success.
    #[error("{platform} {operation}: HTTP {status} with a body that is not the expected response: {reason}; body: {body:?}")]
    Decode {
        /// The platform.
        platform: Platform,
        /// The operation id.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// Why the body was not accepted.
        reason: String,
        /// The start of the body, at most [`BODY_SNIPPET_LIMIT`] bytes.
        body: String,
    },

    /// The response body was larger than the client's limit; it was not read further.
    #[error("{platform} {operation}: HTTP {status} response body exceeds the {limit}-byte limit")]
    ResponseTooLarge {
        /// The platform.
        platform: Platform,
        /// The operation id.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// The configured limit in bytes.
        limit: usize,
    },
}

impl Error {
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field,
            reason: reason.into(),
        }
    }

    /// The HTTP status of the response, where there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode { status, .. } | Error::ResponseTooLarge { status, .. } => Some(*status),
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

    /// The server does not exist (404).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
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

    /// Trying again later may succeed: 429, 502, 503, 504, timeouts and connection
    /// failures. (The client has already retried these per its `RetryPolicy`.)
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout { .. } => true,
            Error::Transport { source, .. } => source.is_connect() || source.is_request(),
            _ => matches!(self.status(), Some(429 | 502 | 503 | 504)),
        }
    }

    /// The input was refused before any request was sent.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Error::InvalidInput { .. })
    }

    /// The request ran out of time.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
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
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: HTTP {}",
            self.platform, self.operation, self.status
        )?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        match &self.message {
            Some(message) => write!(f, ": {message}")?,
            None if !self.body.is_empty() => write!(f, "; body: {:?}", self.body)?,
            None => f.write_str(" (empty body)")?,
        }
        if let Some(params) = self.params() {
            let names: Vec<&str> = params.keys().map(String::as_str).collect();
            write!(f, " [invalid: {}]", names.join(", "))?;
        }
        if let Some(wait) = self.retry_after {
            write!(f, " (retry after {}s)", wait.as_secs())?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// A write raced with another writer (HasMCP's versioned read–merge–write).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConflictError {
    /// The operation id.
    pub operation: &'static str,
    /// The version the caller expected (`expected_version`) or that was sent.
    pub expected: Option<i64>,
    /// The version the server reported.
    pub found: Option<i64>,
    /// Whether part of the update may have been applied: `true` when the PATCH was sent
    /// and answered (HasMCP replaces attachments even on a stale version).
    pub may_have_applied: bool,
    /// The HTTP status of the response that showed the conflict, if any.
    pub status: Option<u16>,
    /// What happened, in words.
    pub message: String,
}

impl fmt::Display for ConflictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: conflict: {}", self.operation, self.message)
    }
}

impl std::error::Error for ConflictError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_limit_403_is_not_unauthorized() {
        let api = |code: &str| {
            Error::Api(ApiError::from_response(
                Platform::GetMcp,
                "getmcp_update_server",
                403,
                None,
                format!(r#"{{"code":"{code}","message":"m","data":{{"status":403}}}}"#).as_bytes(),
            ))
        };
        assert!(api("rest_forbidden").is_unauthorized());
        assert!(!api("tier_limit_auth_method").is_unauthorized());
        let html = Error::Api(ApiError::from_response(
            Platform::GetMcp,
            "op",
            403,
            None,
            b"<html>",
        ));
        assert!(html.is_unauthorized());
    }
}
