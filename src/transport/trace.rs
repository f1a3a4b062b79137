//! The span of one attempt, named as the OpenTelemetry HTTP client conventions name
//! things, so that a `tracing-opentelemetry` export lines up with every other HTTP
//! client's spans; the crate's own fields sit under `mcp_admin.`. Nothing here runs
//! unless a subscriber wants the span: field values are only evaluated then.

use std::fmt;

use progenitor_client::OperationInfo;
use reqwest::{Request, StatusCode, Url};
use tracing::{field::Empty, Span};

use super::{body::is_secret_key, failure::FailureKind, ops, TransportInner};

/// Query keys whose values OpenTelemetry asks to redact, beside the secret-named ones.
const SIGNATURE_KEYS: &[&str] = &["awsaccesskeyid", "signature", "sig", "xgoogsignature"];

/// What replaces a credential in `url.full`, as the conventions spell it.
const REDACTED: &str = "REDACTED";

/// The span of one attempt. `url.template` is the spec's path, without the caller's ids;
/// `url.full` has no credentials (see [`FullUrl`]).
pub(super) fn attempt_span(
    t: &TransportInner,
    info: &OperationInfo,
    request: &Request,
    attempt: u32,
) -> Span {
    // Every value is computed only when a subscriber wants the span.
    let url = request.url();
    tracing::debug_span!(
        "mcp_admin.request",
        otel.name = %SpanName(request, info.operation_id),
        otel.kind = "client",
        otel.status_code = Empty,
        http.request.method = %request.method(),
        http.request.resend_count = (attempt > 1).then(|| attempt - 1),
        http.response.status_code = Empty,
        url.full = %FullUrl(url),
        url.template = template(info.operation_id),
        server.address = url.host_str(),
        server.port = url.port_or_known_default(),
        error.type = Empty,
        mcp_admin.platform = %t.platform,
        mcp_admin.operation = info.operation_id,
        mcp_admin.attempt = attempt,
        mcp_admin.elapsed_ms = Empty,
    )
}

/// The spec's path for the operation, e.g. `/api/v1/servers/{id}`.
fn template(operation_id: &str) -> &'static str {
    ops::by_id(operation_id).map_or("", |op| op.path)
}

/// `{method} {url.template}`, the span name the conventions give an HTTP client span.
struct SpanName<'a>(&'a Request, &'a str);

impl fmt::Display for SpanName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0.method(), template(self.1))
    }
}

/// Records an answer's status; from 400 on, it is also the `error.type`.
pub(super) fn record_status(span: &Span, status: StatusCode) {
    span.record("http.response.status_code", status.as_u16());
    if status.as_u16() >= 400 {
        span.record("error.type", status.as_str());
        span.record("otel.status_code", "ERROR");
    }
}

/// Records why an attempt got no answer.
pub(super) fn record_error(span: &Span, kind: FailureKind) {
    span.record("error.type", error_type(kind));
    span.record("otel.status_code", "ERROR");
}

/// A low-cardinality name for a failure; `_OTHER` is the conventions' own fallback.
fn error_type(kind: FailureKind) -> &'static str {
    match kind {
        FailureKind::Connect => "connect",
        FailureKind::Timeout => "timeout",
        FailureKind::Lost => "connection_lost",
        FailureKind::Malformed => "malformed_response",
        FailureKind::Body => "body",
        FailureKind::Refused => "request_not_built",
        FailureKind::Other => "_OTHER",
    }
}

/// A URL as `url.full` shows it: user and password, and the values of secret-named or
/// signature query keys, replaced by `REDACTED`; written as it is when there are none.
struct FullUrl<'a>(&'a Url);

impl fmt::Display for FullUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = self.0;
        let text = url.as_str();
        let (head, query) = match text.split_once('?') {
            Some((head, query)) => (head, Some(query)),
            None => (text, None),
        };
        let credentials = !url.username().is_empty() || url.password().is_some();
        match head.split_once("://") {
            Some((scheme, rest)) if credentials => {
                let after = rest.split_once('@').map_or(rest, |(_, after)| after);
                write!(f, "{scheme}://{REDACTED}:{REDACTED}@{after}")?;
            }
            _ => f.write_str(head)?,
        }
        let Some(query) = query else {
            return Ok(());
        };
        for (n, pair) in query.split('&').enumerate() {
            f.write_str(if n == 0 { "?" } else { "&" })?;
            match pair.split_once('=') {
                Some((key, _)) if is_credential(key) => write!(f, "{key}={REDACTED}")?,
                _ => f.write_str(pair)?,
            }
        }
        Ok(())
    }
}

fn is_credential(key: &str) -> bool {
    is_secret_key(key)
        || SIGNATURE_KEYS
            .iter()
            .any(|k| k.eq_ignore_ascii_case(&key.replace(['-', '_'], "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(url: &str) -> String {
        FullUrl(&Url::parse(url).expect("url")).to_string()
    }

    #[test]
    fn url_full_keeps_a_plain_url_as_it_is() {
        let url = "https://site.example/blog/wp-json/getmcp/v1/servers?page=2&search=git";
        assert_eq!(full(url), url);
        assert_eq!(
            full("http://127.0.0.1:8080/api/v1/servers/x"),
            "http://127.0.0.1:8080/api/v1/servers/x"
        );
    }

    #[test]
    fn url_full_redacts_credentials_and_signatures() {
        assert_eq!(
            full("https://user:pw@site.example/a?page=1&api_key=k1&Signature=s&X-Goog-Signature=g&token=t"),
            "https://REDACTED:REDACTED@site.example/a?page=1&api_key=REDACTED&Signature=REDACTED\
             &X-Goog-Signature=REDACTED&token=REDACTED"
        );
        assert_eq!(
            full("https://user@site.example/"),
            "https://REDACTED:REDACTED@site.example/"
        );
        assert_eq!(
            full("https://site.example/?sig=abc&flag"),
            "https://site.example/?sig=REDACTED&flag"
        );
    }

    #[test]
    fn every_failure_has_its_own_error_type() {
        let names: std::collections::HashSet<_> = [
            FailureKind::Connect,
            FailureKind::Timeout,
            FailureKind::Lost,
            FailureKind::Malformed,
            FailureKind::Body,
            FailureKind::Refused,
            FailureKind::Other,
        ]
        .into_iter()
        .map(error_type)
        .collect();
        assert_eq!(names.len(), 7);
        assert_eq!(error_type(FailureKind::Timeout), "timeout");
    }
}
