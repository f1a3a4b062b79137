//! A request as a fake received it.

use std::fmt;

use serde_json::Value;

/// What `Debug` shows instead of an `Authorization` value.
use crate::{getmcp::credentials::secret_like, secret::REDACTED};

/// One request a fake received, exactly as it arrived; see
/// [`FakeHasMcp::requests`](super::FakeHasMcp::requests) and
/// [`FakeGetMcp::requests`](super::FakeGetMcp::requests).
///
/// The fields hold what was sent, the `Authorization` header included, so a test can
/// assert the credentials its code sends; `Debug` shows that header's value as
/// `[redacted]`, and so the credentials and secret-like fields of a JSON body
/// (`test_auth_credentials`, a `password` in `settings`, …), so a failing assertion
/// does not print them.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), mcp_admin::Error> {
/// use mcp_admin::{getmcp, testing::FakeGetMcp};
///
/// let fake = FakeGetMcp::start().await;
/// let (id, _) = fake.seed_server("Docs");
/// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
/// gm.update_server(id).description("Docs tools").send().await?;
///
/// let sent = &fake.requests().await[0];
/// assert_eq!((sent.method.as_str(), sent.path.as_str()), ("PATCH", "/wp-json/getmcp/v1/servers/1"));
/// assert_eq!(sent.header("Authorization"), Some(format!("Bearer {}", fake.api_key()).as_str()));
/// assert_eq!(sent.body_json(), Some(serde_json::json!({"description": "Docs tools"})));
/// assert!(!format!("{sent:?}").contains(fake.api_key()));
/// # Ok(()) }
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The method, e.g. `PATCH`.
    pub method: String,
    /// The path as sent, still percent-encoded, e.g. `/api/v1/servers/ASuB9Gf6aD4`.
    pub path: String,
    /// The query string without the `?`, if the request had one.
    pub query: Option<String>,
    /// Every header in arrival order, names in lower case. A value that is not UTF-8
    /// has its invalid bytes replaced by `U+FFFD`.
    pub headers: Vec<(String, String)>,
    /// The body, byte for byte.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// The first value of the header `name` (any case), if the request had it.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as text, or `None` when it is not UTF-8.
    pub fn body_text(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
    }

    /// The body parsed as JSON, or `None` when it is not JSON (an empty body is not).
    pub fn body_json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The decoded value of the query parameter `name`, the first one if repeated.
    pub(crate) fn query_param(&self, name: &str) -> Option<String> {
        let query = self.query.as_deref()?;
        let url = reqwest::Url::parse(&format!("http://fake/?{query}")).ok()?;

        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    }

    /// Whether `Authorization` is exactly `Bearer <secret>`, as both platforms check it.
    pub(crate) fn bears(&self, secret: &str) -> bool {
        self.header("authorization")
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|t| t == secret)
    }
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let shown = if name.eq_ignore_ascii_case("authorization") {
                    REDACTED
                } else {
                    value
                };
                (name.as_str(), shown)
            })
            .collect();
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &headers)
            .field("body", &shown_body(&self.body))
            .finish()
    }
}

/// The body as `Debug` shows it: as sent, except that in a JSON body the value of every
/// credentials field (`auth_credentials`, `test_auth_credentials`, …) and of every key the
/// GetMCP plugin reads as secret-like (`password`, `secret`, …) is `[redacted]`, at any
/// depth (`settings` may hold a connector's password).
fn shown_body(body: &[u8]) -> String {
    fn mask(v: &mut Value) -> bool {
        let mut masked = false;
        match v {
            Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    if key.ends_with("credentials") || secret_like(key) {
                        if !value.is_null() {
                            *value = Value::String(REDACTED.to_owned());
                            masked = true;
                        }
                    } else {
                        masked |= mask(value);
                    }
                }
            }
            Value::Array(items) => {
                for item in items {
                    masked |= mask(item);
                }
            }
            _ => {}
        }
        masked
    }
    let text = String::from_utf8_lossy(body);
    match serde_json::from_str::<Value>(&text) {
        Ok(mut json) => {
            if mask(&mut json) {
                json.to_string()
            } else {
                text.into_owned()
            }
        }
        Err(_) => text.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> RecordedRequest {
        RecordedRequest {
            method: "PATCH".into(),
            path: "/wp-json/getmcp/v1/servers/1".into(),
            query: Some("_method=PATCH&x=a%20b&x=c".into()),
            headers: vec![
                ("authorization".into(), "Bearer s3cret".into()),
                ("content-type".into(), "application/json".into()),
                ("x-many".into(), "1".into()),
                ("x-many".into(), "2".into()),
            ],
            body: br#"{"name":"Docs"}"#.to_vec(),
        }
    }

    #[test]
    fn helpers_read_headers_query_and_body() {
        let req = request();
        assert_eq!(req.header("Content-Type"), Some("application/json"));
        assert_eq!(req.header("x-many"), Some("1"));
        assert_eq!(req.header("missing"), None);
        assert_eq!(req.query_param("x").as_deref(), Some("a b"));
        assert_eq!(req.query_param("_method").as_deref(), Some("PATCH"));
        assert_eq!(req.query_param("y"), None);
        assert_eq!(req.body_text(), Some(r#"{"name":"Docs"}"#));
        assert_eq!(req.body_json(), Some(serde_json::json!({"name": "Docs"})));
        assert!(req.bears("s3cret"));
        assert!(!req.bears("s3cre"));
    }

    #[test]
    fn bodies_that_are_not_text_or_json() {
        let req = RecordedRequest {
            body: vec![0xff, b'{'],
            ..request()
        };
        assert_eq!(req.body_text(), None);
        assert_eq!(req.body_json(), None);
        let empty = RecordedRequest {
            body: Vec::new(),
            ..request()
        };
        assert_eq!(empty.body_text(), Some(""));
        assert_eq!(empty.body_json(), None);
    }

    #[test]
    fn debug_redacts_credentials_in_a_json_body() {
        let req = RecordedRequest {
            body: br#"{"name":"Docs","auth_credentials":"{\"token\":\"IN-SECRET\"}","outbound_auth_credentials":null,"settings":{"mailbox":{"password":"PW-SECRET"}}}"#.to_vec(),
            ..request()
        };
        let shown = format!("{req:?}");
        assert!(
            !shown.contains("IN-SECRET") && !shown.contains("PW-SECRET"),
            "{shown}"
        );
        assert!(
            shown.contains(r#"\"auth_credentials\":\"[redacted]\""#),
            "{shown}"
        );
        assert!(shown.contains(r#"\"name\":\"Docs\""#), "{shown}");
        assert!(
            shown.contains(r#"\"outbound_auth_credentials\":null"#),
            "{shown}"
        );
        assert_eq!(
            req.body_json().expect("JSON")["settings"]["mailbox"]["password"],
            "PW-SECRET",
            "the field itself keeps what was sent"
        );
    }

    #[test]
    fn debug_redacts_the_authorization_value_only() {
        let shown = format!("{:?}", request());
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(
            shown.contains(r#"("authorization", "[redacted]")"#),
            "{shown}"
        );
        assert!(
            shown.contains(r#"("content-type", "application/json")"#),
            "{shown}"
        );
        assert!(shown.contains(r#"body: "{\"name\":\"Docs\"}""#), "{shown}");
    }
}
