//! How WordPress reads REST requests and writes errors, for every route: the method
//! it dispatches on, the JSON body it reads, argument validation against a route's
//! schema (every bad argument reported together, before the permission check), and
//! `WP_Error` bodies.

use serde_json::{json, Map, Value};

use crate::testing::{shell::Reply, RecordedRequest};

/// WordPress's JSON content type.
const JSON: &str = "application/json; charset=UTF-8";

/// What WordPress's fatal error handler says in a REST request.
const CRITICAL_ERROR: &str = "<p>There has been a critical error on this website.</p>\
<p><a href=\"https://wordpress.org/documentation/article/faq-troubleshooting/\">\
Learn more about troubleshooting WordPress.</a></p>";

/// An argument's schema.
#[derive(Debug, Clone, Copy)]
pub(super) enum Arg {
    Str,
    /// `'type' => array( 'string', 'object' )`: a string, or any JSON object or list
    /// (PHP decodes both to an array).
    StrOrObject,
    Enum(&'static [&'static str]),
    Int {
        minimum: i64,
    },
    /// An integer within both bounds, inclusive.
    IntIn(i64, i64),
    /// A JSON object; PHP cannot tell an empty one from `[]`, so that passes too (and an
    /// empty one is stored as `[]`).
    Object,
    Array,
}

/// A failed argument check: WordPress's error code, message and data.
type Invalid = (&'static str, String, Value);

/// Validates the arguments of `schema` that `params` holds, in the schema's order:
/// the sanitized values of those given, or a `rest_invalid_param` listing every bad
/// one. `null` counts as absent.
pub(super) fn args(
    params: &Map<String, Value>,
    schema: &[(&'static str, Arg)],
) -> Result<Vec<(&'static str, Value)>, Reply> {
    let mut given = Vec::new();
    let mut invalid: Vec<(&str, Invalid)> = Vec::new();
    for &(key, arg) in schema {
        match params.get(key) {
            None | Some(Value::Null) => {}
            Some(v) => match check(key, arg, v) {
                Ok(v) => given.push((key, v)),
                Err(e) => invalid.push((key, e)),
            },
        }
    }
    if invalid.is_empty() {
        Ok(given)
    } else {
        Err(invalid_params(&invalid))
    }
}

/// The request's JSON body parameters, as WordPress reads them: only with a JSON
/// content type and a non-empty body; a body that is not an object gives none.
/// Malformed JSON is a `rest_invalid_json` with PHP's JSON error code and message.
pub(super) fn json_params(req: &RecordedRequest) -> Result<Map<String, Value>, Reply> {
    let json_type = req.header("content-type").is_some_and(is_json_media_type);
    // PHP's empty(): "" and "0" are both empty.
    if !json_type || req.body.is_empty() || req.body == b"0" {
        return Ok(Map::new());
    }
    let (code, message) = match serde_json::from_slice::<Value>(&req.body) {
        Ok(Value::Object(params)) => return Ok(params),
        Ok(_) => return Ok(Map::new()),
        Err(_) if std::str::from_utf8(&req.body).is_err() => (
            5,
            "Malformed UTF-8 characters, possibly incorrectly encoded",
        ),
        Err(_) => (4, "Syntax error"),
    };
    Err(wp_json(
        400,
        &json!({
            "code": "rest_invalid_json",
            "message": "Invalid JSON body passed.",
            "data": {"status": 400, "json_error_code": code, "json_error_message": message},
        }),
    ))
}

/// `application/json`, or any `application/…+json`.
fn is_json_media_type(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    media == "application/json" || (media.starts_with("application/") && media.ends_with("+json"))
}

/// The method WordPress dispatches on: `?_method=`, else `X-HTTP-Method-Override`, else
/// the request's own.
pub(super) fn effective_method(req: &RecordedRequest) -> String {
    req.query_param("_method")
        .or_else(|| req.header("x-http-method-override").map(str::to_owned))
        .unwrap_or_else(|| req.method.clone())
        .to_ascii_uppercase()
}

/// Validates and sanitizes one argument the way WordPress's schema validation does.
fn check(key: &str, arg: Arg, v: &Value) -> Result<Value, Invalid> {
    let not_of_type = |ty: &str| not_of_type(key, ty);
    match arg {
        Arg::Str => match v {
            Value::String(_) => Ok(v.clone()),
            _ => Err(not_of_type("string")),
        },
        Arg::StrOrObject => match v {
            Value::String(_) | Value::Object(_) | Value::Array(_) => Ok(v.clone()),
            _ => Err(not_of_type("string,object")),
        },
        Arg::Enum(allowed) => match v.as_str() {
            None => Err(not_of_type("string")),
            Some(s) if allowed.contains(&s) => Ok(v.clone()),
            Some(_) => Err((
                "rest_not_in_enum",
                format!("{key} is not one of {}.", english_list(allowed)),
                Value::Null,
            )),
        },
        Arg::Int { minimum } => integer(key, v, minimum, None),
        Arg::IntIn(minimum, maximum) => integer(key, v, minimum, Some(maximum)),
        // Decoded into a PHP array, an empty object is stored and rendered as `[]`.
        Arg::Object => match v {
            Value::Object(m) if !m.is_empty() => Ok(v.clone()),
            Value::Object(_) => Ok(json!([])),
            Value::Array(a) if a.is_empty() => Ok(json!([])),
            _ => Err(not_of_type("object")),
        },
        Arg::Array => match v {
            Value::Array(_) => Ok(v.clone()),
            _ => Err(not_of_type("array")),
        },
    }
}

/// WordPress's type error.
fn not_of_type(key: &str, ty: &str) -> Invalid {
    (
        "rest_invalid_type",
        format!("{key} is not of type {ty}."),
        json!({ "param": key }),
    )
}

/// An integer argument within its bounds, as WordPress checks and sanitizes it.
fn integer(key: &str, v: &Value, minimum: i64, maximum: Option<i64>) -> Result<Value, Invalid> {
    let Some(n) = php_number(v) else {
        return Err(not_of_type(key, "integer"));
    };
    if n < minimum as f64 || maximum.is_some_and(|max| n > max as f64) {
        let message = match maximum {
            Some(max) => {
                format!("{key} must be between {minimum} (inclusive) and {max} (inclusive)")
            }
            None => format!("{key} must be greater than or equal to {minimum}"),
        };
        return Err(("rest_out_of_bounds", message, Value::Null));
    }
    if n.round() != n {
        return Err(not_of_type(key, "integer"));
    }
    let exact = v
        .as_i64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse::<i64>().ok()));
    // Whole and in range by now: the cast only drops the ".0".
    Ok(exact.unwrap_or(n as i64).into())
}

/// The required arguments `params` lacks (`null` counts as absent), as WordPress reports
/// them before any other check: a 400 `rest_missing_callback_param`.
pub(super) fn missing(params: &Map<String, Value>, required: &[&str]) -> Result<(), Reply> {
    let absent: Vec<&str> = required
        .iter()
        .copied()
        .filter(|key| params.get(*key).is_none_or(Value::is_null))
        .collect();
    if absent.is_empty() {
        return Ok(());
    }
    Err(wp_json(
        400,
        &json!({
            "code": "rest_missing_callback_param",
            "message": format!("Missing parameter(s): {}", absent.join(", ")),
            "data": { "status": 400, "params": absent },
        }),
    ))
}

/// The query string's parameters, as WordPress reads them for any method: every value
/// a string (the argument rules then read numbers out of them).
pub(super) fn query_params(req: &RecordedRequest) -> Map<String, Value> {
    let Some(query) = req.query.as_deref() else {
        return Map::new();
    };
    let Ok(url) = reqwest::Url::parse(&format!("http://fake/?{query}")) else {
        return Map::new();
    };
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
        .collect()
}

/// A value PHP's `is_numeric` accepts, as a number: JSON numbers and numeric strings.
fn php_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let t = s.trim_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
            let body = t.strip_prefix(['+', '-']).unwrap_or(t);
            let (mantissa, exponent) = match body.find(['e', 'E']) {
                Some(at) => (&body[..at], Some(&body[at + 1..])),
                None => (body, None),
            };
            let digits = mantissa.bytes().filter(u8::is_ascii_digit).count();
            let mantissa_ok = digits > 0
                && mantissa.bytes().filter(|&b| b == b'.').count() <= 1
                && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            let exponent_ok = exponent.is_none_or(|e| {
                let e = e.strip_prefix(['+', '-']).unwrap_or(e);
                !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
            });
            if mantissa_ok && exponent_ok {
                t.parse().ok()
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `a, b, and c` / `a and b`, as WordPress lists enum values.
fn english_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

fn invalid_params(invalid: &[(&str, Invalid)]) -> Reply {
    let names: Vec<&str> = invalid.iter().map(|(key, _)| *key).collect();
    let mut params = Map::new();
    let mut details = Map::new();
    for (key, (code, message, data)) in invalid {
        params.insert((*key).into(), message.clone().into());
        details.insert(
            (*key).into(),
            json!({ "code": code, "message": message, "data": data }),
        );
    }
    wp_json(
        400,
        &json!({
            "code": "rest_invalid_param",
            "message": format!("Invalid parameter(s): {}", names.join(", ")),
            "data": { "status": 400, "params": params, "details": details },
        }),
    )
}

/// A route that does not exist, or not for this method.
pub(super) fn no_route() -> Reply {
    wp_error(
        404,
        "rest_no_route",
        "No route was found matching the URL and request method.",
    )
}

/// A page outside the REST API that does not exist: the theme's HTML.
pub(super) fn page_not_found() -> Reply {
    Reply::new(
        404,
        "text/html; charset=UTF-8",
        "<!DOCTYPE html>\n<html><head><title>Page not found</title></head>\
         <body><h1>Page not found</h1></body></html>\n",
    )
}

/// A failed permission check.
pub(super) fn forbidden(message: &str) -> Reply {
    wp_error(403, "rest_forbidden", message)
}

/// WordPress's answer to a PHP fatal error in a REST request.
pub(super) fn critical_error() -> Reply {
    wp_json(
        500,
        &json!({
            "code": "internal_server_error",
            "message": CRITICAL_ERROR,
            "data": { "status": 500 },
            "additional_errors": [],
        }),
    )
}

/// A `WP_Error` with only a status in its data.
pub(super) fn wp_error(status: u16, code: &str, message: &str) -> Reply {
    wp_json(
        status,
        &json!({ "code": code, "message": message, "data": { "status": status } }),
    )
}

/// A JSON answer.
pub(super) fn wp_json(status: u16, body: &Value) -> Reply {
    Reply::new(status, JSON, body.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_numeric_strings() {
        let n = |s: &str| php_number(&Value::from(s));
        assert_eq!(n("60"), Some(60.0));
        assert_eq!(n(" 60 "), Some(60.0));
        assert_eq!(n("-1"), Some(-1.0));
        assert_eq!(n("1e3"), Some(1000.0));
        assert_eq!(n(".5"), Some(0.5));
        assert_eq!(n(""), None);
        assert_eq!(n("abc"), None);
        assert_eq!(n("inf"), None);
        assert_eq!(n("0x1A"), None);
        assert_eq!(n("1e"), None);
        assert_eq!(php_number(&Value::Bool(true)), None);
    }

    #[test]
    fn enum_lists_read_like_wordpress() {
        assert_eq!(english_list(&["a", "b"]), "a and b");
        assert_eq!(
            english_list(&["active", "paused", "draft"]),
            "active, paused, and draft"
        );
    }
}
