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
    ("oauth2Config", OAUTH2),
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
    let value: Value = serde_json::from_slice(body).ok()?;
    fits(&value, shape).then(|| field(&value, key).clone())
}

/// A string field as Go reads it: the text, or `""` when absent or `null`.
pub(super) fn text<'a>(v: &'a Value, name: &str) -> &'a str {
    field(v, name).as_str().unwrap_or("")
}

/// Whether Go's decoder takes `v` into `shape` without an error. `null` fits anything
/// (it leaves the zero value); unknown keys are ignored; keys match fields
/// case-insensitively, as in Go.
pub(super) fn fits(v: &Value, shape: Go) -> bool {
    match (shape, v) {
        (_, Value::Null) | (Go::Raw, _) | (Go::Str, Value::String(_)) => true,
        (Go::Bool, Value::Bool(_)) => true,
        (Go::I32, Value::Number(n)) => n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()),
        (Go::I64, Value::Number(n)) => n.as_i64().is_some(),
        (Go::List(item), Value::Array(a)) => a.iter().all(|x| fits(x, *item)),
        (Go::Struct(fields), Value::Object(m)) => m.iter().all(|(key, x)| {
            fields
                .iter()
                .find(|(name, _)| name == key)
                .or_else(|| {
                    fields
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case(key))
                })
                .is_none_or(|(_, shape)| fits(x, *shape))
        }),
        _ => false,
    }
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

/// An id as the server stores it: decoded and encoded again (`1` becomes
/// `00000000001`). Ids beyond an int64, which the open-source edition would mangle,
/// are kept as sent: the vendor's own examples (`kSuB9Gf6aD4`) are such ids.
pub(super) fn canonical_id(s: &str) -> String {
    let exact = s.chars().try_fold(0i64, |n, c| {
        n.checked_mul(62).and_then(|n| n.checked_add(digit(c)))
    });
    match exact.and_then(|n| u64::try_from(n).ok()) {
        Some(n) => encode_id(n),
        None => s.to_owned(),
    }
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

/// The service's typed error: `{"error": {"code", "message", "data"}}`; `data` is
/// left out when it is `null` or empty, as Go's `omitempty` does.
pub(super) fn error(status: u16, message: &str, data: Value) -> Reply {
    let mut error = json!({ "code": status, "message": message });
    if !data.is_null() && data.as_object().is_none_or(|m| !m.is_empty()) {
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

/// The service's answer to a plain Go error (a validation failure in the provider
/// routes, a lookup that found nothing where no typed error is made): 500 `internal
/// server error` with the error text as `data.reason`.
pub(super) fn internal(reason: &str) -> Reply {
    error(500, "internal server error", json!({ "reason": reason }))
}

/// A JSON answer.
pub(super) fn json(status: u16, body: String) -> Reply {
    Reply::new(status, "application/json", body)
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
        assert_eq!(canonical_id("kSuB9Gf6aD4"), "kSuB9Gf6aD4");
        let n = (1u64 << 62) + 12_345;
        assert_eq!(decode_id(&encode_id(n)), i64::try_from(n).unwrap());
    }

    #[test]
    fn go_decoding_rules() {
        let ok = |s: &str| fits(&serde_json::from_str(s).unwrap(), SERVER_BODY);
        assert!(ok("null"));
        assert!(ok("{}"));
        assert!(ok(r#"{"server":null}"#));
        assert!(ok(r#"{"SERVER":{"Name":"a","VERSION":2,"extra":[1]}}"#));
        assert!(!ok("[]"));
        assert!(!ok(r#"{"server":[]}"#));
        assert!(!ok(r#"{"server":{"version":"1"}}"#));
        assert!(!ok(r#"{"server":{"version":1.5}}"#));
        assert!(!ok(r#"{"server":{"version":2147483648}}"#));
        assert!(!ok(r#"{"server":{"requestHeadersProxyEnabled":"true"}}"#));
        assert!(!ok(r#"{"server":{"providers":[{"tools":{}}]}}"#));
        assert!(ok(r#"{"server":{"prompts":[{"arguments":{"any":1}}]}}"#));
    }
}
