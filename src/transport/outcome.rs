//! A failed call as an [`Error`]: from the generated code's error and what the hooks
//! saw of the last response.

use std::time::Duration;

use bytes::Bytes;
use progenitor_client::Error as P;
use reqwest::StatusCode;
use serde_json::Value;

use super::{
    body::{snippet, snippet_parsed},
    TransportInner,
};
use crate::error::{ApiError, Error};

/// What the last attempt's response showed, kept by the hooks for error mapping.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) retry_after: Option<Duration>,
    /// The `Location` header, bounded.
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

/// Maps the generated code's `error` for `operation` into the crate's error; `answer`
/// is the last response as the hooks saw it, if one arrived.
pub(super) fn map_error<E>(
    t: &TransportInner,
    operation: &'static str,
    error: P<E>,
    answer: Option<Answer>,
) -> Error {
    let call = Call { t, operation };
    match (error, answer) {
        (_, Some(answer)) if answer.too_large => call.too_large(answer.status),
        // The body was cut short after the status arrived: keep the status.
        (P::CommunicationError(e) | P::ResponseBodyError(e), Some(answer)) if !e.is_timeout() => {
            call.cut_short(&e, answer)
        }
        (P::CommunicationError(e) | P::ResponseBodyError(e) | P::InvalidUpgrade(e), _) => {
            call.failed(e)
        }
        (P::InvalidRequest(reason) | P::Custom(reason), _) => Error::InvalidInput {
            field: "request",
            reason,
        },
        (error, Some(answer)) => call.answered(&error, answer),
        // Only reachable through a raw client used outside `call`: keep what we know.
        (_, None) => call.decode(None, "response not recorded", ""),
    }
}

/// The call an outcome belongs to: the settings that explain it, and its operation.
struct Call<'a> {
    t: &'a TransportInner,
    operation: &'static str,
}

impl Call<'_> {
    fn too_large(&self, status: StatusCode) -> Error {
        Error::ResponseTooLarge {
            platform: self.t.platform,
            operation: self.operation,
            status: status.as_u16(),
            limit: self.t.max_response_bytes,
        }
    }

    /// No complete response: a timeout names the limit that ran out.
    fn failed(&self, source: reqwest::Error) -> Error {
        let (platform, operation) = (self.t.platform, self.operation);
        if !source.is_timeout() {
            return Error::Transport {
                platform,
                operation,
                source,
            };
        }
        // A connect that timed out ran out of the connect limit; any other timeout is
        // the whole-request deadline.
        let after = if source.is_connect() {
            self.t.connect_timeout
        } else {
            self.t.timeout
        };
        Error::Timeout {
            platform,
            operation,
            after,
            source,
        }
    }

    /// The status arrived, then reading the body failed.
    fn cut_short(&self, e: &reqwest::Error, answer: Answer) -> Error {
        if answer.status.is_success() {
            let reason = format!("the body was cut short ({e})");
            self.decode(Some(answer.status), reason, snippet(&answer.body))
        } else {
            Error::Api(self.api_error(&answer))
        }
    }

    /// A whole response that is not the expected success.
    fn answered<E>(&self, error: &P<E>, answer: Answer) -> Error {
        if answer.status.is_success() {
            return self.undecodable(error, answer);
        }
        let mut api = self.api_error(&answer);
        if let (true, None, Some(location)) = (
            answer.status.is_redirection(),
            &api.message,
            answer.location,
        ) {
            api.message = Some(format!(
                "redirect to {location} not followed (is the base URL right?)"
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
        let parsed = serde_json::from_slice::<Value>(&body);
        let reason = match (&parsed, error) {
            (Err(_), _) if body.is_empty() => "empty body".to_owned(),
            (Err(e), _) => format!("not JSON ({e})"),
            (Ok(_), P::InvalidResponsePayload(_, e)) => format!("unexpected shape ({e})"),
            (Ok(_), _) => format!("unexpected status {}", answer.status),
        };
        let body = snippet_parsed(&body, parsed.ok());
        self.decode(Some(answer.status), reason, body)
    }

    fn decode(
        &self,
        status: Option<StatusCode>,
        reason: impl Into<String>,
        body: impl Into<String>,
    ) -> Error {
        Error::Decode {
            platform: self.t.platform,
            operation: self.operation,
            status: status.map_or(0, |s| s.as_u16()),
            reason: reason.into(),
            body: body.into(),
        }
    }

    fn api_error(&self, answer: &Answer) -> ApiError {
        ApiError::from_response(
            self.t.platform,
            self.operation,
            answer.status.as_u16(),
            answer.retry_after,
            &answer.body,
        )
    }
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
        )
    }

    fn answer(status: u16, body: &'static [u8]) -> Answer {
        Answer {
            body: Bytes::from_static(body),
            ..Answer::status_only(StatusCode::from_u16(status).unwrap())
        }
    }

    fn map(error: P<()>, answer: Option<Answer>) -> Error {
        map_error(&transport().inner, OP, error, answer)
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
                r#"{"name":"x","token":"T"#.to_owned()
            )
        );
        let e = map(
            P::CommunicationError(reqwest_error()),
            Some(answer(502, b"<html>bad gateway")),
        );
        assert_eq!(
            api(e),
            ApiError::from_response(Platform::GetMcp, OP, 502, None, b"<html>bad gateway")
        );
    }

    #[test]
    fn no_response_is_a_transport_error() {
        let e = map(P::CommunicationError(reqwest_error()), None);
        assert!(
            matches!(&e, Error::Transport { platform: Platform::GetMcp, operation: OP, source } if source.is_builder()),
            "{e:?}"
        );
    }

    #[test]
    fn a_refused_request_is_invalid_input() {
        let e = map(P::InvalidRequest("bad id".into()), None);
        assert!(matches!(
            e,
            Error::InvalidInput { field: "request", reason } if reason == "bad id"
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
        let shape = serde_json::from_slice::<u64>(wrong).unwrap_err();
        let e = map(payload_error(wrong), Some(answer(200, b"")));
        assert_eq!(
            decoded(e),
            (
                200,
                format!("unexpected shape ({shape})"),
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
        assert_eq!(
            api(e),
            ApiError::from_response(Platform::GetMcp, OP, 404, None, body)
        );

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
    fn an_unrecorded_response_is_a_decode_error_without_status() {
        let e = map(payload_error(b"{}"), None);
        assert_eq!(
            decoded(e),
            (0, "response not recorded".into(), String::new())
        );
    }
}
