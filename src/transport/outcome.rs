//! A failed call as an [`Error`]: from the generated code's error and what the hooks
//! saw of the last response. Every piece of text kept is masked and bounded.

use std::time::Duration;

use bytes::Bytes;
use progenitor_client::Error as P;
use reqwest::{StatusCode, Url};
use serde::{de::IgnoredAny, Serialize};

use super::{
    body::{kept_text, parse, parse_small, snippet, without_bom, Mask},
    config::without_userinfo,
    failure::{classify, root_cause},
    retry, TransportInner,
};
use crate::error::{ApiError, Error, Platform, TransportError, RAW_OPERATION};

/// What the last attempt's response showed, kept by the hooks for error mapping.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) retry_after: Option<Duration>,
    /// The `Location` header as sent (bounded, not yet masked).
    pub(super) location: Option<String>,
    /// The body as read: empty when the generated code reads it itself, or when it
    /// was over the limit.
    pub(super) body: Bytes,
    /// The body was over the limit and not read further.
    pub(super) too_large: bool,
}

impl Answer {
    /// A status and nothing else: the generated code reads the body itself.
    pub(super) fn status_only(status: StatusCode) -> Self {
        Answer {
            status,
            retry_after: None,
            location: None,
            body: Bytes::new(),
            too_large: false,
        }
    }
}

/// An error of the generated client used directly, as the crate's error: there is no
/// record of the response, so only what the raw error holds is kept, masked by key name
/// (the client's token is not known here).
pub(crate) fn from_raw<E: Serialize>(platform: Platform, error: P<E>) -> Error {
    let mask = Mask::default();
    let call = Call {
        platform,
        operation: RAW_OPERATION,
        mask: &mask,
        limits: None,
    };
    match error {
        P::ErrorResponse(response) => {
            let status = response.status();
            let retry_after = retry::retry_after(response.headers());
            let body = serde_json::to_vec(&response.into_inner()).unwrap_or_default();
            let api = ApiError::from_response(
                platform,
                RAW_OPERATION,
                status.as_u16(),
                retry_after,
                &body,
                &mask,
            );
            unsupported(&api, &body).unwrap_or(Error::Api(api))
        }
        P::UnexpectedResponse(response) => {
            let status = response.status();
            if status.is_success() {
                return call.decode(
                    Some(status),
                    &format!("unexpected status {status}"),
                    String::new(),
                );
            }
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            call.refused(Answer {
                retry_after: retry::retry_after(response.headers()),
                location,
                ..Answer::status_only(status)
            })
        }
        P::InvalidResponsePayload(body, e) => {
            let parsed = parse_small(&body);
            call.decode(
                None,
                &shape_reason(&e, &body),
                snippet(&mask, &body, parsed.as_ref()),
            )
        }
        other => call.map_error(other, None),
    }
}

/// The call an outcome belongs to: what names it, what its errors mask, and the limits
/// that explain a timeout.
pub(super) struct Call<'a> {
    platform: Platform,
    operation: &'static str,
    mask: &'a Mask,
    /// The client's settings and how long the call ran; `None` for an error converted
    /// from the raw client's, which knows neither.
    limits: Option<(&'a TransportInner, Duration)>,
}

impl<'a> Call<'a> {
    pub(super) fn new(
        t: &'a TransportInner,
        operation: &'static str,
        mask: &'a Mask,
        elapsed: Duration,
    ) -> Self {
        Call {
            platform: t.platform,
            operation,
            mask,
            limits: Some((t, elapsed)),
        }
    }

    /// Maps the generated code's `error`; `answer` is the last response as the hooks
    /// saw it, if one arrived.
    pub(super) fn map_error<E>(&self, error: P<E>, answer: Option<Answer>) -> Error {
        match (error, answer) {
            (_, Some(answer)) if answer.too_large => self.too_large(answer.status),
            // The body was cut short after the status arrived: keep the status.
            (P::CommunicationError(e) | P::ResponseBodyError(e), Some(answer))
                if !e.is_timeout() =>
            {
                self.cut_short(&e, answer)
            }
            (P::CommunicationError(e) | P::ResponseBodyError(e) | P::InvalidUpgrade(e), _) => {
                self.failed(e)
            }
            (P::InvalidRequest(reason) | P::Custom(reason), _) => {
                Error::invalid("request", reason).at_named(self.platform, self.operation)
            }
            (error, Some(answer)) => self.answered(&error, answer),
            // Only reachable through a raw client used outside `call`: keep what we know.
            (_, None) => self.decode(None, "response not recorded", String::new()),
        }
    }

    fn too_large(&self, status: StatusCode) -> Error {
        Error::ResponseTooLarge {
            platform: self.platform,
            operation: self.operation,
            status: status.as_u16(),
            limit: self.limits.map_or(0, |(t, _)| t.max_response_bytes),
            step: None,
        }
    }

    /// No complete response: a timeout says how long the call ran and which limit ran
    /// out.
    fn failed(&self, source: reqwest::Error) -> Error {
        let (platform, operation) = (self.platform, self.operation);
        let timed_out = source.is_timeout();
        let cause = transport_error(source, self.mask);
        match self.limits {
            Some((t, elapsed)) if timed_out => {
                let after = if cause.is_connect() {
                    t.connect_timeout
                } else {
                    t.timeout
                };
                Error::Timeout {
                    platform,
                    operation,
                    after,
                    elapsed: Duration::from_millis(
                        u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
                    ),
                    cause,
                    step: None,
                }
            }
            _ => Error::Transport {
                platform,
                operation,
                cause,
                step: None,
            },
        }
    }

    /// The status arrived, then reading the body failed.
    fn cut_short(&self, e: &reqwest::Error, answer: Answer) -> Error {
        if answer.status.is_success() {
            let reason = format!("the body was cut short ({e})");
            let body = snippet(self.mask, &answer.body, parse(&answer.body).as_ref());
            self.decode(Some(answer.status), &reason, body)
        } else {
            Error::Api(self.api_error(&answer))
        }
    }

    /// A whole response that is not the expected success.
    fn answered<E>(&self, error: &P<E>, answer: Answer) -> Error {
        if answer.status.is_success() {
            self.undecodable(error, answer)
        } else {
            self.refused(answer)
        }
    }

    /// A response with a status that is not a success; a redirect says where to.
    fn refused(&self, answer: Answer) -> Error {
        let mut api = self.api_error(&answer);
        if let Some(unsupported) = unsupported(&api, &answer.body) {
            return unsupported;
        }
        if api.platform == Platform::HasMcp
            && api
                .message
                .as_deref()
                .is_some_and(|m| m.ends_with("ID must be greater than 0"))
        {
            // The SDK sends no zero id: an id above the stored range became −1.
            api.message = api.message.take().map(|m| {
                format!(
                    "{m} (an id sent is out of the range HasMCP stores: ids are 63-bit \
                     numbers in base 62, at most {}, and a larger one becomes -1)",
                    crate::hasmcp::MAX_STORED_ID
                )
            });
        }
        if let (true, None, Some(location)) = (
            answer.status.is_redirection(),
            &api.message,
            answer.location,
        ) {
            let location = without_password(&location);
            api.message = Some(kept_text(
                self.mask,
                &format!("redirect to {location} not followed (is the base URL right?)"),
            ));
        }
        Error::Api(api)
    }

    /// A success status whose body is not the expected response.
    fn undecodable<E>(&self, error: &P<E>, answer: Answer) -> Error {
        let body = match error {
            P::InvalidResponsePayload(bytes, _) if answer.body.is_empty() => bytes.clone(),
            _ => answer.body,
        };
        // Checked without building anything: a huge page must not become a huge tree.
        let valid = serde_json::from_slice::<IgnoredAny>(without_bom(&body));
        if self.platform == Platform::HasMcp && valid.is_err() && is_web_page(&body) {
            return Error::Unsupported {
                platform: self.platform,
                operation: self.operation,
                status: answer.status.as_u16(),
                reason: "a web page (HTML) where JSON was expected: the service's web app \
                         answered a GET of a route this edition does not have"
                    .to_owned(),
                body: snippet(self.mask, &body, None),
                step: None,
            };
        }
        let reason = match (&valid, error) {
            (Err(_), _) if body.is_empty() => "empty body".to_owned(),
            (Err(e), _) => format!("not JSON ({})", without_values(e)),
            (Ok(_), P::InvalidResponsePayload(_, e)) => shape_reason(e, &body),
            (Ok(_), _) => format!("unexpected status {}", answer.status),
        };
        let parsed = valid.ok().and_then(|_| parse_small(&body));
        let body = snippet(self.mask, &body, parsed.as_ref());
        self.decode(Some(answer.status), &reason, body)
    }

    fn decode(&self, status: Option<StatusCode>, reason: &str, body: String) -> Error {
        Error::Decode {
            platform: self.platform,
            operation: self.operation,
            status: status.map_or(0, |s| s.as_u16()),
            reason: kept_text(self.mask, reason),
            body,
            step: None,
        }
    }

    fn api_error(&self, answer: &Answer) -> ApiError {
        ApiError::from_response(
            self.platform,
            self.operation,
            answer.status.as_u16(),
            answer.retry_after,
            &answer.body,
            self.mask,
        )
    }
}

/// Why a JSON body is not the expected response, naming where and what was expected
/// but never quoting a value of the response: `unexpected shape at servers[2].id:
/// invalid type: string, expected u64`.
fn shape_reason(e: &serde_json::Error, body: &[u8]) -> String {
    let body = without_bom(body);
    let path = path_at(body, offset(body, e.line(), e.column()));
    let at = if path.is_empty() {
        String::new()
    } else {
        format!(" at {path}")
    };
    format!("unexpected shape{at}: {}", without_values(e))
}

/// A serde error's message without the response's values it may quote (`invalid type:
/// string "…"`, `unknown variant `…``) and without its position: what kind of value
/// came and what was expected stay. Field names the model gave (`missing field `id``)
/// are kept.
fn without_values(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) if e.line() != 0 => &text[..at],
        _ => text.as_str(),
    };
    if text.starts_with("missing field") || text.starts_with("duplicate field") {
        return text.to_owned();
    }
    let (got, expected) = match text.find(", expected ") {
        Some(at) => (&text[..at], &text[at..]),
        None => (text, ""),
    };
    let got = got
        .find(['"', '`', '\''])
        .map_or(got, |quote| got[..quote].trim_end());
    format!("{got}{expected}")
}

/// The byte offset of a 1-based `line` and `column` (as serde_json counts them) in `body`.
fn offset(body: &[u8], line: usize, column: usize) -> usize {
    let start = body
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(at, _)| at + 1);
    let start = if line <= 1 { 0 } else { start };
    start.saturating_add(column).min(body.len())
}

/// Where `end` is in the JSON `body`: the keys and indexes that lead there
/// (`servers[2].id`), each key cut short. Read up to `end` only, tolerating anything.
fn path_at(body: &[u8], end: usize) -> String {
    enum Step {
        Key(Option<String>),
        Index(usize),
    }
    let mut steps: Vec<Step> = Vec::new();
    let mut i = 0;
    while i < end {
        match body[i] {
            b'"' => {
                let close = crate::transport::body::string_end(body, i);
                let next = crate::transport::body::skip_space(body, close);
                if let (Some(b':'), Some(Step::Key(key))) = (body.get(next), steps.last_mut()) {
                    let name =
                        String::from_utf8_lossy(&body[i + 1..close.saturating_sub(1).max(i + 1)]);
                    *key = Some(crate::error::bounded_input(&name));
                }
                i = close;
                continue;
            }
            b'{' => steps.push(Step::Key(None)),
            b'[' => steps.push(Step::Index(0)),
            b'}' | b']' => {
                steps.pop();
            }
            b',' => {
                if let Some(Step::Index(n)) = steps.last_mut() {
                    *n += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for step in &steps {
        match step {
            Step::Key(Some(key)) if path.is_empty() => path.push_str(key),
            Step::Key(Some(key)) => {
                path.push('.');
                path.push_str(key);
            }
            Step::Key(None) => {}
            Step::Index(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// A redirect's target as an error shows it: a password in its userinfo masked, as the
/// base URL's is.
fn without_password(location: &str) -> String {
    match Url::parse(location.trim()) {
        Ok(mut url) if url.password().is_some() => {
            // Only a URL that cannot hold a password refuses one.
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        Ok(_) => location.to_owned(),
        // Scheme-relative (`//user:pw@host/`): the host and its userinfo follow.
        Err(_)
            if location.trim_start().starts_with(['/', '\\'])
                && location.trim_start()[1..].starts_with(['/', '\\']) =>
        {
            without_userinfo(location)
        }
        Err(_) => location.to_owned(),
    }
}

/// The error for an answer that says the service has no such route, if `api` is one:
/// WordPress's `404 rest_no_route`; HasMCP's `405` or its router's plain
/// `404 Cannot <METHOD> <path>`.
fn unsupported(api: &ApiError, body: &[u8]) -> Option<Error> {
    let no_route = match (api.platform, api.status) {
        (Platform::GetMcp, 404) => api.code.as_deref() == Some("rest_no_route"),
        (Platform::HasMcp, 405) => true,
        (Platform::HasMcp, 404) => without_bom(body).starts_with(b"Cannot "),
        _ => false,
    };
    no_route.then(|| {
        let reason = match (&api.code, &api.message) {
            (Some(code), Some(message)) => format!("{code}: {message}"),
            (_, Some(message)) => message.clone(),
            _ => "Method Not Allowed".to_owned(),
        };
        Error::Unsupported {
            platform: api.platform,
            operation: api.operation,
            status: api.status,
            reason,
            body: api.body.clone(),
            step: None,
        }
    })
}

/// Whether `body` is an HTML page: after any byte order mark and white space, a doctype
/// or an `<html` tag.
fn is_web_page(body: &[u8]) -> bool {
    let start = without_bom(body);
    let start = &start[start
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(start.len())..];
    let head = &start[..start.len().min(15)];
    let lower = head.to_ascii_lowercase();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

/// A failed attempt's error, classified, its root cause masked and bounded.
fn transport_error(source: reqwest::Error, mask: &Mask) -> TransportError {
    let kind = classify(&source);
    let cause = kept_text(mask, &root_cause(&source));
    TransportError::new(kind, cause, source)
}

#[cfg(test)]
mod tests {
    use progenitor_client::ResponseValue;
    use reqwest::header::{HeaderMap, HeaderValue};

    use super::*;
    use crate::{
        error::Platform,
        transport::{Transport, TransportConfig},
    };

    const OP: &str = "getmcp_get_server";

    fn transport() -> Transport {
        let config = TransportConfig {
            max_response_bytes: 64,
            ..TransportConfig::default()
        };
        Transport::new(
            Platform::GetMcp,
            HeaderValue::from_static("Bearer k"),
            config,
            false,
        )
    }

    fn answer(status: u16, body: &'static [u8]) -> Answer {
        Answer {
            body: Bytes::from_static(body),
            ..Answer::status_only(StatusCode::from_u16(status).unwrap())
        }
    }

    fn map(error: P<()>, answer: Option<Answer>) -> Error {
        let t = transport();
        let mask = t.mask(None);
        Call::new(&t.inner, OP, &mask, Duration::ZERO).map_error(error, answer)
    }

    fn from_response(status: u16, body: &[u8]) -> ApiError {
        ApiError::from_response(Platform::GetMcp, OP, status, None, body, &Mask::default())
    }

    /// A `reqwest::Error` made without any I/O.
    fn reqwest_error() -> reqwest::Error {
        reqwest::Client::new().get("not a url").build().unwrap_err()
    }

    fn payload_error(body: &'static [u8]) -> P<()> {
        let e = serde_json::from_slice::<u64>(body).unwrap_err();
        P::InvalidResponsePayload(Bytes::from_static(body), e)
    }

    /// `Decode`'s status, reason and body.
    fn decoded(e: Error) -> (u16, String, String) {
        match e {
            Error::Decode {
                platform: Platform::GetMcp,
                operation: OP,
                status,
                reason,
                body,
                step: None,
            } => (status, reason, body),
            other => panic!("not a Decode error: {other:?}"),
        }
    }

    fn api(e: Error) -> ApiError {
        match e {
            Error::Api(api) => api,
            other => panic!("not an Api error: {other:?}"),
        }
    }

    #[test]
    fn a_body_over_the_limit_wins_over_any_error() {
        let too_large = Answer {
            too_large: true,
            ..answer(200, b"")
        };
        let e = map(payload_error(b""), Some(too_large));
        assert!(matches!(
            e,
            Error::ResponseTooLarge {
                platform: Platform::GetMcp,
                operation: OP,
                status: 200,
                limit: 64,
                step: None,
            }
        ));
    }

    #[test]
    fn a_body_cut_short_keeps_the_status() {
        let source = reqwest_error();
        let e = map(
            P::ResponseBodyError(reqwest_error()),
            Some(answer(200, br#"{"name":"x","token":"T"#)),
        );
        assert_eq!(
            decoded(e),
            (
                200,
                format!("the body was cut short ({source})"),
                r#"{"name":"x","token":"[redacted]"#.to_owned()
            )
        );
        let e = map(
            P::CommunicationError(reqwest_error()),
            Some(answer(502, b"<html>bad gateway")),
        );
        assert_eq!(api(e), from_response(502, b"<html>bad gateway"));
    }

    #[test]
    fn no_response_is_a_transport_error() {
        let e = map(P::CommunicationError(reqwest_error()), None);
        assert!(
            matches!(&e, Error::Transport { platform: Platform::GetMcp, operation: OP, cause, step: None } if cause.kind == crate::transport::FailureKind::Refused),
            "{e:?}"
        );
    }

    #[test]
    fn a_refused_request_is_invalid_input() {
        let e = map(P::InvalidRequest("bad id".into()), None);
        assert!(matches!(
            e,
            Error::InvalidInput { field: "request", reason, .. } if reason == "bad id"
        ));
    }

    #[test]
    fn a_success_that_does_not_decode_says_why() {
        let e = map(payload_error(b""), Some(answer(200, b"")));
        assert_eq!(decoded(e), (200, "empty body".into(), String::new()));

        let e = map(payload_error(b"<html>"), Some(answer(200, b"")));
        let (status, reason, body) = decoded(e);
        assert_eq!((status, body.as_str()), (200, "<html>"));
        assert!(reason.starts_with("not JSON ("), "{reason}");

        let wrong = br#"{"secret":"S"}"#;
        let e = map(payload_error(wrong), Some(answer(200, b"")));
        assert_eq!(
            decoded(e),
            (
                200,
                "unexpected shape: invalid type: map, expected u64".into(),
                r#"{"secret":"[redacted]"}"#.into()
            )
        );

        let unexpected = http::Response::new(Bytes::from_static(b"{}"));
        let e = map(
            P::UnexpectedResponse(unexpected.into()),
            Some(answer(204, b"{}")),
        );
        assert_eq!(
            decoded(e),
            (204, "unexpected status 204 No Content".into(), "{}".into())
        );
    }

    #[test]
    fn an_error_status_is_an_api_error_and_a_redirect_says_where() {
        let body = br#"{"code":"getmcp_not_found","message":"No server"}"#;
        let not_found = ResponseValue::new((), StatusCode::NOT_FOUND, HeaderMap::new());
        let e = map(P::ErrorResponse(not_found), Some(answer(404, body)));
        assert_eq!(api(e), from_response(404, body));

        let moved = Answer {
            location: Some("https://elsewhere.example/".into()),
            ..answer(301, b"")
        };
        let unexpected = http::Response::new(Bytes::new());
        let e = map(P::UnexpectedResponse(unexpected.into()), Some(moved));
        assert_eq!(
            api(e).message.as_deref(),
            Some("redirect to https://elsewhere.example/ not followed (is the base URL right?)")
        );
    }

    #[test]
    fn a_shape_error_names_the_field_and_never_quotes_a_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Item {
            id: u64,
            kind: Option<Kind>,
        }
        #[derive(Debug, serde::Deserialize)]
        enum Kind {
            A,
        }
        let reason = |body: &str| {
            let e = serde_json::from_str::<Vec<Item>>(body).unwrap_err();
            shape_reason(&e, body.as_bytes())
        };
        assert_eq!(
            reason("[{\"id\": 1}, {\"id\": 2},\n {\"x\": {\"y\": [1]}, \"id\": \"resp-secret-ABC123\"}]"),
            "unexpected shape at [2].id: invalid type: string, expected u64"
        );
        assert_eq!(
            reason(r#"[{"id": 1, "kind": "resp-secret-ABC123"}]"#),
            "unexpected shape at [0].kind: unknown variant, expected `A`"
        );
        assert_eq!(
            reason(r#"[{"kind": null}]"#),
            "unexpected shape at [0]: missing field `id`"
        );
        assert_eq!(
            reason(r#"[{"id": -5}]"#),
            "unexpected shape at [0].id: invalid value: integer, expected u64"
        );
    }

    #[test]
    fn a_redirect_never_shows_a_password() {
        for (location, shown) in [
            (
                "https://user:pw-secret@elsewhere.example/x?a=b@c",
                "https://user:***@elsewhere.example/x?a=b@c",
            ),
            (
                "//user:pw-secret@elsewhere.example/",
                "//***@elsewhere.example/",
            ),
            ("/wp-login.php?to=a@b", "/wp-login.php?to=a@b"),
        ] {
            assert_eq!(without_password(location), shown, "{location}");
        }
    }

    #[test]
    fn an_unrecorded_response_is_a_decode_error_without_status() {
        let e = map(payload_error(b"{}"), None);
        assert_eq!(
            decoded(e),
            (0, "response not recorded".into(), String::new())
        );
    }
}
