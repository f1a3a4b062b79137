//! Reading response bodies for errors: the platforms' error JSON, and the bounded,
//! masked snippet an error keeps of any body.

use std::time::Duration;

use serde_json::{Map, Value};

use crate::error::{ApiError, Platform, BODY_SNIPPET_LIMIT};

/// What stands in for a secret wherever the transport shows a value it must not.
pub(crate) use crate::secret::REDACTED;

/// Keys whose values are secrets wherever they appear in a platform's JSON.
const SECRET_KEYS: &[&str] = &[
    "clientSecret",
    "client_secret",
    "password",
    "token",
    "secret",
    "apiKey",
    "api_key",
    "authorization",
    "auth_config",
    "outbound_auth_config",
    "test_auth_credentials",
];

impl ApiError {
    /// Builds an error from a response's parts. Never fails: whatever the body is, the
    /// status is kept.
    pub(crate) fn from_response(
        platform: Platform,
        operation: &'static str,
        status: u16,
        retry_after: Option<Duration>,
        body: &[u8],
    ) -> Self {
        let parsed = serde_json::from_slice::<Value>(body).ok();
        let mut err = ApiError {
            platform,
            operation,
            status,
            code: None,
            message: None,
            data: None,
            additional_errors: Vec::new(),
            retry_after,
            body: String::new(),
        };
        if let Some(Value::Object(obj)) = &parsed {
            match obj.get("error") {
                // HasMCP: {"error": {"code": 404, "message": …, "data": …}}
                Some(Value::Object(inner)) => err.read_fields(inner),
                // WordPress WP_Error: {"code", "message", "data", "additional_errors"}
                _ => {
                    err.read_fields(obj);
                    if let Some(Value::Array(more)) = obj.get("additional_errors") {
                        err.additional_errors = more.clone();
                    }
                }
            }
        }
        err.body = snippet_parsed(body, parsed);
        err
    }

    /// `code`, `message` and `data` (null read as absent) from an error object.
    fn read_fields(&mut self, obj: &Map<String, Value>) {
        self.code = obj.get("code").and_then(code_text);
        self.message = obj
            .get("message")
            .and_then(|v| v.as_str().map(str::to_owned));
        self.data = obj.get("data").filter(|d| !d.is_null()).cloned();
    }
}

fn code_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The start of a body as text, at most [`BODY_SNIPPET_LIMIT`] bytes, cut on a
/// character boundary. A JSON body has its secrets masked first (see [`redact`]): an
/// error must never carry a client secret or a credential the server echoed.
pub(crate) fn snippet(body: &[u8]) -> String {
    snippet_parsed(body, serde_json::from_slice(body).ok())
}

/// [`snippet`] for a body the caller has already parsed (`parsed` is `body` as JSON, or
/// `None` when it is not JSON): the body is not parsed a second time.
pub(crate) fn snippet_parsed(body: &[u8], parsed: Option<Value>) -> String {
    let masked = parsed.and_then(|mut value| {
        redact(&mut value).then(|| serde_json::to_vec(&value).unwrap_or_default())
    });
    let body = masked.as_deref().unwrap_or(body);
    let cut = &body[..body.len().min(BODY_SNIPPET_LIMIT)];
    let mut s = match std::str::from_utf8(cut) {
        Ok(text) => text.to_owned(),
        // Only the last character was cut in two: drop its first bytes.
        Err(e) if e.error_len().is_none() => {
            String::from_utf8_lossy(&cut[..e.valid_up_to()]).into_owned()
        }
        Err(_) => String::from_utf8_lossy(cut).into_owned(),
    };
    if body.len() > BODY_SNIPPET_LIMIT {
        s.push('…');
    }
    s
}

/// Masks secrets in place: the values of [`SECRET_KEYS`], and the `value` of every
/// entry of a `headers` list (HasMCP tool headers carry upstream credentials). Returns
/// whether anything was masked.
pub(crate) fn redact(value: &mut Value) -> bool {
    let mut masked = false;
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if SECRET_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key)) && !v.is_null() {
                    *v = Value::String(REDACTED.into());
                    masked = true;
                } else if key == "headers" {
                    for header in v.as_array_mut().into_iter().flatten() {
                        if let Some(hv) = header.get_mut("value").filter(|hv| !hv.is_null()) {
                            *hv = Value::String(REDACTED.into());
                            masked = true;
                        }
                    }
                } else {
                    masked |= redact(v);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                masked |= redact(item);
            }
        }
        _ => {}
    }
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wp_error_fields() {
        let body = br#"{"code":"rest_invalid_param","message":"Invalid parameter(s): status","data":{"status":400,"params":{"status":"bad"},"details":{"status":{"code":"rest_not_in_enum"}}},"additional_errors":[{"code":"x","message":"y","data":null}]}"#;
        let e = ApiError::from_response(Platform::GetMcp, "getmcp_update_server", 400, None, body);
        assert_eq!(e.code.as_deref(), Some("rest_invalid_param"));
        assert_eq!(e.message.as_deref(), Some("Invalid parameter(s): status"));
        assert_eq!(e.params().map(|p| p.len()), Some(1));
        assert_eq!(
            e.details().and_then(|d| d["status"]["code"].as_str()),
            Some("rest_not_in_enum")
        );
        assert_eq!(e.additional_errors.len(), 1);
        assert_eq!(
            e.to_string(),
            "GetMCP getmcp_update_server: HTTP 400 rest_invalid_param: Invalid parameter(s): status [invalid: status]"
        );
    }

    #[test]
    fn hasmcp_error_status_wins() {
        let body = br#"{"error":{"code":400,"message":"invalid body"}}"#;
        let e = ApiError::from_response(Platform::HasMcp, "hasmcp_update_server", 422, None, body);
        assert_eq!(e.status, 422);
        assert_eq!(e.code.as_deref(), Some("400"));
        assert_eq!(e.message.as_deref(), Some("invalid body"));
    }

    #[test]
    fn null_data_and_non_text_fields_read_as_absent() {
        let body = br#"{"code":true,"message":7,"data":null}"#;
        let e = ApiError::from_response(Platform::GetMcp, "getmcp_get_server", 500, None, body);
        assert_eq!((e.code, e.message, e.data), (None, None, None));
        assert_eq!(e.body, r#"{"code":true,"message":7,"data":null}"#);
    }

    #[test]
    fn html_keeps_status_and_bounded_snippet() {
        let page = format!("<html>{}</html>", "x".repeat(10_000));
        let e = ApiError::from_response(
            Platform::GetMcp,
            "getmcp_get_server",
            502,
            None,
            page.as_bytes(),
        );
        assert_eq!(e.status, 502);
        assert!(e.code.is_none());
        assert!(e.body.starts_with("<html>"));
        assert!(e.body.len() <= BODY_SNIPPET_LIMIT + '…'.len_utf8());
    }

    #[test]
    fn snippets_mask_secrets_in_json_bodies() {
        let body = br#"{"server":{"id":"kSuB9Gf6aD4","size":"12kB","providers":[{"id":"p","oauth2Config":{"clientID":"c","clientSecret":"TOPSECRET"},"tools":[{"id":"t","headers":[{"key":"X-Key","value":"HEADERSECRET"}]}]}]}}"#;
        let s = snippet(body);
        assert!(
            !s.contains("TOPSECRET") && !s.contains("HEADERSECRET"),
            "{s}"
        );
        assert!(
            s.contains(r#""clientSecret":"[redacted]""#) && s.contains(r#""key":"X-Key""#),
            "{s}"
        );
        // Nothing to mask: the body is kept byte for byte.
        let plain = br#"{ "code": "x",  "message": "y" }"#;
        assert_eq!(snippet(plain), String::from_utf8_lossy(plain));
    }

    #[test]
    fn snippets_cut_on_a_character_boundary() {
        let body = format!("{}é", "a".repeat(BODY_SNIPPET_LIMIT - 1));
        let s = snippet(body.as_bytes());
        assert_eq!(s, format!("{}…", "a".repeat(BODY_SNIPPET_LIMIT - 1)));
    }

    #[test]
    fn snippet_cuts_inside_multibyte_without_panic() {
        let body = "é".repeat(BODY_SNIPPET_LIMIT);
        let s = snippet(body.as_bytes());
        assert!(s.ends_with('…'));
    }
}
