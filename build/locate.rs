//! Where in `openapi.yaml` a problem is. openapiv3 reads most objects through `$ref`-or-item
//! enums, and serde buffers such an object before it can tell which it is, so the path of a
//! failure inside one stops at the enum. This walk reads each such object on its own,
//! innermost first, and returns the first one that fails with its full path. It also
//! names a schema `type` that OpenAPI 3.0 does not have, which openapiv3 lets through and
//! progenitor stops at.

use serde_yaml_ng::Value;

use crate::spec::{json_path, step as key};

/// Reads `$value` as `$ty` unless it is a `$ref`; records the first failure in `$found`.
macro_rules! read_as {
    ($ty:ty, $value:expr, $at:expr, $found:expr) => {
        if $found.is_none() && $value.get("$ref").is_none() {
            if let Err(e) = serde_path_to_error::deserialize::<_, $ty>($value) {
                let inner = json_path(e.path());
                let at = format!("{}{}", $at, inner.trim_start_matches('$'));
                $found = Some((at, e.inner().to_string()));
            }
        }
    };
}

/// The path and message of the innermost object of `doc` that openapiv3 rejects.
pub(crate) fn innermost_problem(doc: &Value) -> Option<(String, String)> {
    let mut found = None;
    for (path, item) in entries(doc.get("paths")) {
        let at = format!("$.paths{}", key(&path));
        for (method, op) in entries(Some(item)) {
            if method != "parameters" {
                operation(op, &format!("{at}{}", key(&method)), &mut found);
            }
        }
        parameters(item.get("parameters"), &at, &mut found);
        read_as!(openapiv3::PathItem, item, at, found);
    }
    let components = doc.get("components");
    let kinds: [(&str, Walk); 4] = [
        ("schemas", schema),
        ("responses", response),
        ("parameters", parameter),
        ("requestBodies", request_body),
    ];
    for (kind, walk) in kinds {
        for (name, value) in entries(components.and_then(|c| c.get(kind))) {
            walk(
                value,
                &format!("$.components.{kind}{}", key(&name)),
                &mut found,
            );
        }
    }
    found
}

type Found = Option<(String, String)>;

/// Walks one object found at a path.
type Walk = fn(&Value, &str, &mut Found);

fn operation(op: &Value, at: &str, found: &mut Found) {
    parameters(op.get("parameters"), at, found);
    if let Some(body) = op.get("requestBody") {
        request_body(body, &format!("{at}.requestBody"), found);
    }
    for (code, r) in entries(op.get("responses")) {
        response(r, &format!("{at}.responses{}", key(&code)), found);
    }
    read_as!(openapiv3::Operation, op, at, *found);
}

fn parameters(list: Option<&Value>, at: &str, found: &mut Found) {
    let items = list.and_then(Value::as_sequence).into_iter().flatten();
    for (i, p) in items.enumerate() {
        parameter(p, &format!("{at}.parameters[{i}]"), found);
    }
}

fn parameter(p: &Value, at: &str, found: &mut Found) {
    if let Some(s) = p.get("schema") {
        schema(s, &format!("{at}.schema"), found);
    }
    read_as!(openapiv3::Parameter, p, at, *found);
}

fn request_body(b: &Value, at: &str, found: &mut Found) {
    content(b, at, found);
    read_as!(openapiv3::RequestBody, b, at, *found);
}

fn response(r: &Value, at: &str, found: &mut Found) {
    content(r, at, found);
    read_as!(openapiv3::Response, r, at, *found);
}

/// The schemas of a request body's or response's media types.
fn content(holder: &Value, at: &str, found: &mut Found) {
    for (media, m) in entries(holder.get("content")) {
        if let Some(s) = m.get("schema") {
            schema(s, &format!("{at}.content{}.schema", key(&media)), found);
        }
    }
}

/// The types an OpenAPI 3.0 schema may name; openapiv3 reads any other as "any type",
/// which progenitor cannot generate.
const SCHEMA_TYPES: &[&str] = &["string", "number", "integer", "boolean", "array", "object"];

fn schema(s: &Value, at: &str, found: &mut Found) {
    if let Some(ty) = s.get("type")
        && found.is_none()
        && !ty.as_str().is_some_and(|t| SCHEMA_TYPES.contains(&t))
    {
        let named = ty
            .as_str()
            .map_or_else(|| format!("{ty:?}"), |t| format!("`{t}`"));
        let problem = format!("type {named} is none of {}", SCHEMA_TYPES.join(", "));
        *found = Some((format!("{at}.type"), problem));
    }
    for (name, p) in entries(s.get("properties")) {
        schema(p, &format!("{at}.properties{}", key(&name)), found);
    }
    for field in ["items", "additionalProperties", "not"] {
        if let Some(inner) = s.get(field).filter(|v| v.is_mapping()) {
            schema(inner, &format!("{at}.{field}"), found);
        }
    }
    for field in ["allOf", "anyOf", "oneOf"] {
        let list = s
            .get(field)
            .and_then(Value::as_sequence)
            .into_iter()
            .flatten();
        for (i, inner) in list.enumerate() {
            schema(inner, &format!("{at}.{field}[{i}]"), found);
        }
    }
    read_as!(openapiv3::Schema, s, at, *found);
}

/// The entries of a mapping, keys as text; none when `map` is not one.
fn entries(map: Option<&Value>) -> impl Iterator<Item = (String, &Value)> {
    let map = map.and_then(Value::as_mapping).into_iter().flatten();
    map.map(|(k, v)| {
        (
            k.as_str().map_or_else(|| format!("{k:?}"), str::to_owned),
            v,
        )
    })
}
