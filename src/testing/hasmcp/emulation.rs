//! How the Go service reads requests and writes errors, for every resource: Go's JSON
//! decoding (case-insensitive keys, unknown keys ignored, `null` as the zero value, a
//! wrong type anywhere fails the whole body), the service's request types, its base62
//! ids, and its error bodies.
//!
//! A request goes through the same steps on every route, and the first that fails
//! answers: the rate limiter (injected faults), authentication ([`unauthorized`]),
//! decoding ([`undecodable`]: a 422 whose body says 400), the resource's validation (a
//! 400 from [`error`], first failure wins), the lookup (a 404), then the write.

use serde_json::{json, Value};

use super::gojson;
use crate::testing::shell::Reply;

/// The shape of a Go type, for checking a JSON value decodes into it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Go {
    Str,
    Bool,
    I32,
    I64,
    /// `json.RawMessage`: anything.
    Raw,
    List(&'static Go),
    /// A pointer: `null` makes it nil, anything else fills what it points to.
    Ptr(&'static Go),
    Struct(&'static [(&'static str, Go)]),
}

// The service's request types, by their JSON field names. Each resource's body is
// declared here, beside the types it nests.

const HEADER: Go = Go::Struct(&[("key", Go::Str), ("value", Go::Str)]);
const TOOL: Go = Go::Struct(&[
    ("id", Go::Str),
    ("providerID", Go::Str),
    ("method", Go::Str),
    ("path", Go::Str),
    ("name", Go::Str),
    ("title", Go::Str),
    ("description", Go::Str),
    ("pathArgsJSONSchema", Go::Raw),
    ("queryArgsJSONSchema", Go::Raw),
    ("reqBodyJSONSchema", Go::Raw),
    ("resBodyJSONSchema", Go::Raw),
    ("headers", Go::List(&HEADER)),
    ("oauth2Scopes", Go::List(&Go::Str)),
]);
const OAUTH2: Go = Go::Struct(&[
    ("clientID", Go::Str),
    ("clientSecret", Go::Str),
    ("authURL", Go::Str),
    ("tokenURL", Go::Str),
]);
const PROVIDER: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("version", Go::I32),
    ("apiType", Go::Str),
    ("visibilityType", Go::Str),
    ("baseURL", Go::Str),
    ("documentURL", Go::Str),
    ("iconURL", Go::Str),
    ("secretPrefix", Go::Str),
    ("name", Go::Str),
    ("description", Go::Str),
    ("tools", Go::List(&TOOL)),
    // `*ProviderOauth2Config`: a later `null` drops an object sent before it.
    ("oauth2Config", Go::Ptr(&OAUTH2)),
]);
const RESOURCE: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("name", Go::Str),
    ("description", Go::Str),
    ("uri", Go::Str),
    ("mimeType", Go::Str),
    ("size", Go::I64),
    ("annotations", Go::Raw),
    ("visibilityType", Go::Str),
]);
const PROMPT: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("name", Go::Str),
    ("description", Go::Str),
    ("arguments", Go::Raw),
    ("messages", Go::Raw),
    ("visibilityType", Go::Str),
]);
const SERVER: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("requestHeadersProxyEnabled", Go::Bool),
    ("name", Go::Str),
    ("instructions", Go::Str),
    ("version", Go::I32),
    ("providers", Go::List(&PROVIDER)),
    ("resources", Go::List(&RESOURCE)),
    ("prompts", Go::List(&PROMPT)),
    ("visibilityType", Go::Str),
]);
/// The body of `POST /servers` and `PATCH /servers/{id}`.
pub(super) const SERVER_BODY: Go = Go::Struct(&[("server", SERVER)]);
/// The body of `POST /servers/{id}/tools`.
pub(super) const SERVER_TOOL_BODY: Go = Go::Struct(&[(
    "tool",
    Go::Struct(&[
        ("serverID", Go::Str),
        ("providerID", Go::Str),
        ("toolID", Go::Str),
    ]),
)]);
/// The body of `POST /servers/{id}/resources`.
pub(super) const SERVER_RESOURCE_BODY: Go = Go::Struct(&[(
    "resource",
    Go::Struct(&[("serverID", Go::Str), ("resourceID", Go::Str)]),
)]);
/// The body of `POST /servers/{id}/prompts`.
pub(super) const SERVER_PROMPT_BODY: Go = Go::Struct(&[(
    "prompt",
    Go::Struct(&[("serverID", Go::Str), ("promptID", Go::Str)]),
)]);
/// The body of `POST /servers/{id}/tokens`.
pub(super) const SERVER_TOKEN_BODY: Go = Go::Struct(&[(
    "token",
    Go::Struct(&[
        ("id", Go::Str),
        ("serverID", Go::Str),
        ("createdAt", Go::Str),
        ("expiresAt", Go::Str),
        // Declared in the request view and then ignored: a non-string still fails.
        ("name", Go::Str),
        ("scope", Go::Str),
        ("value", Go::Str),
    ]),
)]);

// The catalog's request bodies.
const VARIABLE: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("type", Go::Str),
    ("value", Go::Str),
    ("name", Go::Str),
]);
/// The body of `POST /providers` and `PATCH /providers/{id}`.
pub(super) const PROVIDER_BODY: Go = Go::Struct(&[("provider", PROVIDER)]);
/// The body of `POST` and `PATCH` on a provider's tools.
pub(super) const TOOL_BODY: Go = Go::Struct(&[("tool", TOOL)]);
/// The body of `POST /variables` and `PATCH /variables/{id}`.
pub(super) const VARIABLE_BODY: Go = Go::Struct(&[("variable", VARIABLE)]);
/// The body of `POST /resources` and `PATCH /resources/{id}`.
pub(super) const RESOURCE_BODY: Go = Go::Struct(&[("resource", RESOURCE)]);
/// The body of `POST /prompts` and `PATCH /prompts/{id}`.
pub(super) const PROMPT_BODY: Go = Go::Struct(&[("prompt", PROMPT)]);

/// Decodes `body` like Go's `json.Unmarshal` into a `{key: …}` request type of
/// `shape`, and returns the object under `key` (`Null` when absent, which Go reads as
/// all zero values); `None` when Go's decoder would fail.
pub(super) fn decode_body(body: &[u8], shape: Go, key: &str) -> Option<Value> {
    decode(body, shape).map(|value| field(&value, key).clone())
}

/// A string field as Go reads it: the text, or `""` when absent or `null`.
pub(super) fn text<'a>(v: &'a Value, name: &str) -> &'a str {
    field(v, name).as_str().unwrap_or("")
}

/// Decodes a request body the way Go's `json.Unmarshal` fills a value of `shape`, or
/// `None` where Go reports an error (the 422); see [`gojson::decode`].
pub(super) fn decode(body: &[u8], shape: Go) -> Option<Value> {
    gojson::decode(body, shape)
}

/// The value of field `name` of a decoded object: exact key first, then any case, as
/// Go matches them; `Null` when absent.
pub(super) fn field<'a>(v: &'a Value, name: &str) -> &'a Value {
    const NULL: &Value = &Value::Null;
    present(v, name).unwrap_or(NULL)
}

/// Field `name` of a decoded object when the key is there, even as `null`: what a
/// `json.RawMessage` field sees (`null` is the four bytes `null`, not nothing).
pub(super) fn present<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    let m = v.as_object()?;
    m.get(name).or_else(|| {
        m.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

/// The items of a decoded list (`null` is empty).
pub(super) fn items(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The value of one base62 digit; the server counts other characters as 0.
fn digit(c: char) -> i64 {
    BASE62
        .iter()
        .position(|&b| char::from(b) == c)
        .and_then(|d| i64::try_from(d).ok())
        .unwrap_or(0)
}

/// The server's own base62 decoding of an id, as it reports it in error `data`: it
/// wraps around on overflow and gives -1 when that turns negative.
pub(super) fn decode_id(s: &str) -> i64 {
    let mut n: i64 = 0;
    for c in s.chars() {
        n = n.wrapping_mul(62).wrapping_add(digit(c));
        if n < 0 {
            return -1;
        }
    }
    n
}

/// The 11-character, zero-padded base62 form of `n`.
pub(super) fn encode_id(mut n: u64) -> String {
    let mut out = [b'0'; 11];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[usize::try_from(n % 62).unwrap_or(0)];
        n /= 62;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An id as the server stores and answers it: decoded as monoflake does and encoded
/// again (`1` becomes `00000000001`). An id above `AzL8n0Y58m7` (an int64's largest)
/// wraps or becomes −1 on the way, as on the open-source server: `kSuB9Gf6aD4` is
/// stored and answered as `2VXbzESm16Y`, `zzzzzzzzzzz` and `a0000000000` both as −1
/// (`LygHa16AHYF`).
pub(super) fn canonical_id(s: &str) -> String {
    // −1 is written as the unsigned number with the same bits, as Go's encoder does.
    encode_id(decode_id(s) as u64)
}

/// The open-source server's web page: its catch-all `GET /*` (registered after the API
/// routes, reached after the API's authentication) answers every `GET` no API route
/// has with the UI's `index.html`, 200 `text/html`.
pub(super) fn web_page() -> Reply {
    Reply::new(
        200,
        "text/html; charset=utf-8",
        "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"UTF-8\" />\n    \
         <title>HasMCP</title>\n  </head>\n  <body>\n    <div id=\"root\"></div>\n  </body>\n\
         </html>\n",
    )
}

/// A 401 for a missing or wrong token, sent as `text/plain` like every framework reply.
pub(super) fn unauthorized() -> Reply {
    Reply::text(
        401,
        r#"{"error": {"message":"authentication failed", "code":401}}"#,
    )
}

/// A 422 for a body that does not decode, whose own `code` says 400.
pub(super) fn undecodable() -> Reply {
    json(
        422,
        r#"{"error": {"message":"invalid request payload", "code":400}}"#.to_owned(),
    )
}

/// The service's typed error: `{"error": {"code", "message", "data"}}`; a `Null`
/// `data` is left out, as the service omits an empty one.
pub(super) fn error(status: u16, message: &str, data: Value) -> Reply {
    let mut error = json!({ "code": status, "message": message });
    if !data.is_null() {
        error["data"] = data;
    }
    json(status, json!({ "error": error }).to_string())
}

/// A 200 list answer `{key: items}`; `{}` when there are none, as Go's `omitempty`
/// renders an empty list.
pub(super) fn list(key: &str, items: Vec<Value>) -> Reply {
    let mut body = serde_json::Map::new();
    if !items.is_empty() {
        body.insert(key.to_owned(), Value::Array(items));
    }
    json(200, Value::Object(body).to_string())
}

/// The 500 of a plain Go error: `internal server error` with the error's text as
/// `data.reason`.
pub(super) fn internal(reason: &str) -> Reply {
    error(500, "internal server error", json!({ "reason": reason }))
}

/// A JSON answer, written as Go's `json.Marshal` writes it: `<`, `>`, `&`, U+2028 and
/// U+2029 escaped (`\u003c`, …). They only occur inside strings, so the text can be
/// escaped after serializing.
pub(super) fn json(status: u16, body: String) -> Reply {
    const ESCAPED: [char; 5] = ['<', '>', '&', '\u{2028}', '\u{2029}'];
    if !body.contains(ESCAPED) {
        return Reply::new(status, "application/json", body);
    }
    let mut out = String::with_capacity(body.len() + 32);
    for c in body.chars() {
        if ESCAPED.contains(&c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Reply::new(status, "application/json", out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_the_servers_base62() {
        assert_eq!(decode_id("00000000001"), 1);
        assert_eq!(decode_id("10"), 62);
        assert_eq!(encode_id(62), "00000000010");
        assert_eq!(canonical_id("1"), "00000000001");
        assert_eq!(decode_id("zzzzzzzzzzz"), -1);
        assert_eq!(canonical_id("kSuB9Gf6aD4"), "2VXbzESm16Y");
        assert_eq!(canonical_id("zzzzzzzzzzz"), "LygHa16AHYF");
        assert_eq!(canonical_id("a0000000000"), "LygHa16AHYF");
        assert_eq!(canonical_id("AzL8n0Y58m7"), "AzL8n0Y58m7");
    }

    #[test]
    fn large_ids_round_trip() {
        let n = (1u64 << 62) + 12_345;
        assert_eq!(decode_id(&encode_id(n)), i64::try_from(n).unwrap());
    }

    #[test]
    fn go_decoding_rules() {
        let ok = |s: &str| decode(s.as_bytes(), SERVER_BODY).is_some();
        assert!(ok("null"));
        assert!(ok("{}"));
        assert!(ok(r#"{"server":null}"#));
        assert!(ok(r#"{"SERVER":{"Name":"a","VERSION":2,"extra":[1]}}"#));
        assert!(!ok("[]"));
        assert!(!ok(""));
        assert!(!ok(r#"{"server":[]}"#));
        assert!(!ok(r#"{"server":{"version":"1"}}"#));
        assert!(!ok(r#"{"server":{"version":1.5}}"#));
        assert!(!ok(r#"{"server":{"version":2147483648}}"#));
        assert!(!ok(r#"{"server":{"requestHeadersProxyEnabled":"true"}}"#));
        assert!(!ok(r#"{"server":{"providers":[{"tools":{}}]}}"#));
        assert!(ok(r#"{"server":{"prompts":[{"arguments":{"any":1}}]}}"#));
        // A wrong type fails the body even when a later repeat fits.
        assert!(!ok(r#"{"server":{"version":"x","version":1}}"#));
        // Unknown keys are never checked.
        assert!(ok(r#"{"server":{"colour":{"deep":[1,"x"]}}}"#));
    }

    #[test]
    fn repeated_keys_the_last_wins_null_leaves_objects_merge() {
        let d = |s: &str| decode(s.as_bytes(), SERVER_BODY).unwrap();
        assert_eq!(
            d(r#"{"server":{"name":"Good","NAME":"bad name!"}}"#),
            json!({"server": {"name": "bad name!"}})
        );
        assert_eq!(
            d(r#"{"server":{"name":"Good","name":null,"version":2}}"#),
            json!({"server": {"name": "Good", "version": 2}})
        );
        assert_eq!(
            d(r#"{"server":{"resources":[{"id":"a"}],"Resources":null}}"#),
            json!({"server": {"resources": null}})
        );
        assert_eq!(
            d(r#"{"server":{"name":"A"},"server":{"version":3}}"#),
            json!({"server": {"name": "A", "version": 3}})
        );
        // Go folds ſ to s and the Kelvin sign to k when matching keys.
        assert_eq!(
            d("{\"\u{17f}erver\":{\"name\":\"x\"}}"),
            json!({"server": {"name": "x"}})
        );
        assert_eq!(
            d(r#"{"server":{"prompts":[{"arguments":{"a":1,"a":2}}]}}"#),
            json!({"server": {"prompts": [{"arguments": {"a": 2}}]}})
        );
    }
}
