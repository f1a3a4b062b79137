//! A provider's tool routes, `/api/v1/providers/{id}/tools[/{toolID}]`, as the
//! open-source edition answers them: a read ignores the provider in the path and
//! answers an unknown tool with a plain 500 `record not found`; every update replaces
//! the headers with the ones sent (none: emptied) and refuses one whose only fields are
//! `name`, `headers` or `oauth2Scopes`; a tool without scopes reads back
//! `"oauth2Scopes": [""]`; every write adds 1 to the provider's version.

use serde_json::{json, Value};

use super::{
    catalog::Record,
    emulation::{
        self, canonical_id, decode_body, decode_id, field, internal, items, present, text,
        undecodable, TOOL_BODY,
    },
    providers,
    state::State,
};
use crate::testing::{rfc3339, shell::Reply, FakeHasMcp};

/// The four JSON-schema fields, with the message of a schema that does not compile.
const SCHEMAS: [(&str, &str); 4] = [
    (
        "pathArgsJSONSchema",
        "invalid path arguments JSON schema for provider tool",
    ),
    (
        "queryArgsJSONSchema",
        "invalid query arguments JSON schema for provider tool",
    ),
    (
        "reqBodyJSONSchema",
        "invalid request body JSON schema for provider tool",
    ),
    (
        "resBodyJSONSchema",
        "invalid response body JSON schema for provider tool",
    ),
];

/// The methods a tool may have, in the order of the numbers the service stores them
/// as (`GET` is 1).
pub(super) const METHODS: [&str; 9] = [
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE",
];

/// `GET /providers/{id}/tools`: `{}` for a provider without tools and for an unknown
/// one alike.
pub(super) fn list(st: &State, provider: &str) -> Reply {
    let tools = st.tools_of(provider).into_iter().map(render).collect();
    emulation::list("tools", tools)
}

/// `POST /providers/{id}/tools`: the provider comes from the path and is not checked;
/// a second tool with the same method and path on one provider breaks a unique index
/// (500).
pub(super) fn create(st: &mut State, provider: &str, body: &[u8]) -> Reply {
    let Some(t) = decode_body(body, TOOL_BODY, "tool") else {
        return undecodable();
    };
    if let Err(refusal) = check_create(&t) {
        return refusal;
    }
    let provider = canonical_id(provider);
    let method = text(&t, "method").to_ascii_uppercase();
    let path = text(&t, "path");
    let taken = st
        .tools_of(&provider)
        .iter()
        .any(|other| text_of(other, "method") == method && text_of(other, "path") == path);
    if taken {
        return emulation::error(
            500,
            "failed to create provider tool",
            json!({
                // The SQLite dialect translates the unique violation to GORM's error.
                "reason": "duplicated key not allowed",
                "providerID": decode_id(&provider),
            }),
        );
    }
    let mut fields = json!({ "providerID": provider, "method": method, "path": path });
    for key in ["name", "title", "description"] {
        if !text(&t, key).is_empty() {
            fields[key] = text(&t, key).into();
        }
    }
    for (key, _) in SCHEMAS {
        if let Some(schema) = present(&t, key) {
            fields[key] = schema.clone();
        }
    }
    fields["headers"] = headers(&t);
    fields["oauth2Scopes"] = scopes(&t);
    let id = st.add_record(|c| &mut c.tools, fields, false);
    bump_provider(st, &provider);
    answer(st, 201, &id)
}

/// `GET /providers/{id}/tools/{toolID}`: the provider is ignored.
pub(super) fn get(st: &State, tool: &str) -> Reply {
    if st.tool(tool).is_none() {
        return internal("record not found");
    }
    answer(st, 200, tool)
}

/// `PATCH /providers/{id}/tools/{toolID}`.
pub(super) fn patch(st: &mut State, provider: &str, tool: &str, body: &[u8]) -> Reply {
    let Some(t) = decode_body(body, TOOL_BODY, "tool") else {
        return undecodable();
    };
    if let Err(refusal) = check_update(&t) {
        return refusal;
    }
    if let Some(record) = st.catalog.tools.get_mut(&canonical_id(tool)) {
        for key in ["name", "title", "description"] {
            if !text(&t, key).is_empty() {
                record.insert(key.into(), text(&t, key).into());
            }
        }
        for (key, _) in SCHEMAS {
            if let Some(schema) = present(&t, key) {
                record.insert(key.into(), schema.clone());
            }
        }
        let scopes = scopes(&t);
        if scopes.as_array().is_some_and(|s| !s.is_empty()) {
            record.insert("oauth2Scopes".into(), scopes);
        }
        // The request type always carries a (maybe empty) header list.
        record.insert("headers".into(), headers(&t));
    }
    bump_provider(st, provider);
    if st.tool(tool).is_none() {
        return emulation::error(
            500,
            "failed to get the provider tool",
            json!({
                "reason": "record not found",
                "toolID": decode_id(tool),
                "providerID": decode_id(provider),
            }),
        );
    }
    answer(st, 200, tool)
}

/// `DELETE /providers/{id}/tools/{toolID}`: the tool (of whichever provider) and its
/// server links; 204 whether or not it existed.
pub(super) fn delete(st: &mut State, provider: &str, tool: &str) -> Reply {
    st.catalog.tools.remove(&canonical_id(tool));
    st.unlink_tool(tool);
    bump_provider(st, provider);
    Reply::new(204, "application/json", "")
}

/// A tool as the service renders it: no headers key when there are none, and the
/// scopes split back from their comma-joined column (none reads as `[""]`).
pub(super) fn render(tool: &Record) -> Value {
    let mut t = tool.clone();
    if t.get("headers")
        .and_then(Value::as_array)
        .is_none_or(Vec::is_empty)
    {
        t.remove("headers");
    }
    let joined = t
        .get("oauth2Scopes")
        .and_then(Value::as_array)
        .map(|s| {
            s.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default();
    let split: Vec<Value> = joined.split(',').map(Value::from).collect();
    t.insert("oauth2Scopes".into(), split.into());
    Value::Object(t)
}

fn answer(st: &State, status: u16, id: &str) -> Reply {
    let tool = st.tool(id).map_or(Value::Null, render);
    emulation::json(status, json!({ "tool": tool }).to_string())
}

fn text_of<'a>(record: &'a Record, key: &str) -> &'a str {
    record.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The headers as stored: `{key, value}` pairs, empty parts left out.
fn headers(t: &Value) -> Value {
    items(field(t, "headers"))
        .iter()
        .map(|h| {
            let mut m = serde_json::Map::new();
            for key in ["key", "value"] {
                if !text(h, key).is_empty() {
                    m.insert(key.into(), text(h, key).into());
                }
            }
            Value::Object(m)
        })
        .collect::<Vec<_>>()
        .into()
}

fn scopes(t: &Value) -> Value {
    items(field(t, "oauth2Scopes"))
        .iter()
        .map(|s| Value::from(s.as_str().unwrap_or("")))
        .collect::<Vec<_>>()
        .into()
}

/// Adds 1 to the provider's version, if there is such a provider.
fn bump_provider(st: &mut State, provider: &str) {
    let now = rfc3339(st.clock.tick());
    if let Some(p) = st.catalog.providers.get_mut(&canonical_id(provider)) {
        providers::bump(p, now);
    }
}

/// A typed 400 naming the field at fault.
fn refuse(message: &str, data: Value) -> Reply {
    emulation::error(400, message, data)
}

/// The create checks, in the service's order.
fn check_create(t: &Value) -> Result<(), Reply> {
    let method = text(t, "method").to_ascii_uppercase();
    if !METHODS.contains(&method.as_str()) {
        return Err(refuse("invalid method type: ", json!({ "method": 0 })));
    }
    let path = text(t, "path");
    if path.is_empty() {
        return Err(refuse(
            "path must be at least 1 characters",
            json!({ "path": path }),
        ));
    }
    if path.len() > 128 {
        return Err(refuse(
            "path exceeds maximum length of 128",
            json!({ "path": path }),
        ));
    }
    check_name(t)?;
    check_length(t, "title", 64)?;
    check_length(t, "description", 4096)?;
    check_schemas(t).map(|_| ())
}

/// The update checks, in the service's order. Only a description, a title or a schema
/// count as a change: a valid name, headers or scopes alone are refused.
fn check_update(t: &Value) -> Result<(), Reply> {
    check_length(t, "description", 4096)?;
    check_name(t)?;
    check_length(t, "title", 64)?;
    let texts = ["title", "description"]
        .iter()
        .any(|k| !text(t, k).is_empty());
    if check_schemas(t)? || texts {
        Ok(())
    } else {
        Err(refuse(
            "no changes provided for provider tool update",
            Value::Null,
        ))
    }
}

fn check_name(t: &Value) -> Result<(), Reply> {
    let name = text(t, "name");
    let mut bytes = name.bytes();
    let fits = name.len() <= 20
        && bytes.next().is_none_or(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_alphanumeric());
    if fits {
        Ok(())
    } else {
        Err(refuse(
            "name must be 1-20 chars and start with smallcaps",
            json!({ "name": name }),
        ))
    }
}

fn check_length(t: &Value, key: &str, max: usize) -> Result<(), Reply> {
    let value = text(t, key);
    if value.len() > max {
        return Err(refuse(
            &format!("{key} exceeds maximum length of {max}"),
            json!({ key: value }),
        ));
    }
    Ok(())
}

/// Compiles each schema sent (an object or a boolean compiles); `true` when any was.
fn check_schemas(t: &Value) -> Result<bool, Reply> {
    let mut any = false;
    for (key, message) in SCHEMAS {
        let Some(schema) = present(t, key) else {
            continue;
        };
        // `null` decodes into the compiler's boolean probe as `false` without an error:
        // it compiles and is stored (predicted from the source).
        if !schema.is_null()
            && let Err(reason) = compiles(schema)
        {
            return Err(refuse(
                message,
                json!({ "reason": reason, key: schema.to_string() }),
            ));
        }
        any = true;
    }
    Ok(any)
}

/// What a keyword's value must be for the schema compiler's typed decoding to take it.
#[derive(Clone, Copy)]
enum Keyword {
    Text,
    Number,
    Flag,
    Array,
    Texts,
    /// A string or a list of strings (`type`).
    TextOrTexts,
    Schema,
    Schemas,
    SchemaMap,
}

/// The keywords the compiler decodes into typed fields (source: the compiler's `Schema`
/// struct); a value of another JSON type fails the whole schema.
const KEYWORDS: [(&str, Keyword); 41] = [
    ("$id", Keyword::Text),
    ("$schema", Keyword::Text),
    ("$ref", Keyword::Text),
    ("$anchor", Keyword::Text),
    ("$comment", Keyword::Text),
    ("title", Keyword::Text),
    ("description", Keyword::Text),
    ("format", Keyword::Text),
    ("pattern", Keyword::Text),
    ("contentEncoding", Keyword::Text),
    ("contentMediaType", Keyword::Text),
    ("minLength", Keyword::Number),
    ("maxLength", Keyword::Number),
    ("minItems", Keyword::Number),
    ("maxItems", Keyword::Number),
    ("minProperties", Keyword::Number),
    ("maxProperties", Keyword::Number),
    ("minimum", Keyword::Number),
    ("maximum", Keyword::Number),
    ("exclusiveMinimum", Keyword::Number),
    ("exclusiveMaximum", Keyword::Number),
    ("multipleOf", Keyword::Number),
    ("uniqueItems", Keyword::Flag),
    ("readOnly", Keyword::Flag),
    ("writeOnly", Keyword::Flag),
    ("deprecated", Keyword::Flag),
    ("enum", Keyword::Array),
    ("required", Keyword::Texts),
    ("type", Keyword::TextOrTexts),
    ("not", Keyword::Schema),
    ("items", Keyword::Schema),
    ("additionalProperties", Keyword::Schema),
    ("propertyNames", Keyword::Schema),
    ("if", Keyword::Schema),
    ("then", Keyword::Schema),
    ("else", Keyword::Schema),
    ("allOf", Keyword::Schemas),
    ("anyOf", Keyword::Schemas),
    ("oneOf", Keyword::Schemas),
    ("properties", Keyword::SchemaMap),
    ("$defs", Keyword::SchemaMap),
];

/// Whether the compiler takes `schema`: a boolean, or an object whose known keywords
/// have the JSON type it decodes them into, subschemas included. The reason names the
/// first keyword that does not.
fn compiles(schema: &Value) -> Result<(), String> {
    let object = match schema {
        Value::Bool(_) => return Ok(()),
        Value::Object(object) => object,
        _ => return Err("the schema is not a JSON object or boolean".into()),
    };
    let texts = |v: &Value| v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
    for (name, kind) in KEYWORDS {
        let Some(value) = object.get(name) else {
            continue;
        };
        let fits = match kind {
            Keyword::Text => value.is_string(),
            Keyword::Number => value.is_number(),
            Keyword::Flag => value.is_boolean(),
            Keyword::Array => value.is_array(),
            Keyword::Texts => texts(value),
            Keyword::TextOrTexts => value.is_string() || texts(value),
            Keyword::Schema => {
                compiles(value)?;
                true
            }
            Keyword::Schemas => match value.as_array() {
                Some(items) => {
                    items.iter().try_for_each(compiles)?;
                    true
                }
                None => false,
            },
            Keyword::SchemaMap => match value.as_object() {
                Some(map) => {
                    map.values().try_for_each(compiles)?;
                    true
                }
                None => false,
            },
        };
        if !fits {
            return Err(format!(
                "invalid JSON schema: keyword {name:?} has the wrong type: {value}"
            ));
        }
    }
    Ok(())
}

impl FakeHasMcp {
    /// The tool with this id, as `GET /providers/{id}/tools/{toolID}` returns it inside
    /// `{"tool": …}`, or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let provider = fake.seed_provider("GitHub");
    /// let tool = fake.tool(&fake.seed_tool(&provider, "listRepos")).unwrap();
    /// assert_eq!((tool["method"].as_str(), tool["path"].as_str()), (Some("GET"), Some("/listRepos")));
    /// assert_eq!(tool["oauth2Scopes"], serde_json::json!([""])); // none, as the service says it
    /// # }
    /// ```
    pub fn tool(&self, id: &str) -> Option<Value> {
        self.0.with_state(|st| st.tool(id).map(render))
    }
}
