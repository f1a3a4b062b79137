//! `openapi.yaml` is a well-formed OpenAPI 3.0.3 document for both platforms' management
//! operations, and every `example` in it validates against its own schema and decodes into
//! the crate's typed model (or, where there is none yet, the generated one).
//!
//! OpenAPI 3.0 schemas are not JSON Schema: they are converted first (`$ref` targets
//! moved to `$defs`, `nullable` turned into an `anyOf` with `null`, OpenAPI-only
//! keywords dropped, `x-pattern` checked as `pattern`), then checked with `jsonschema`
//! (draft 2020-12, formats asserted).

use std::collections::BTreeMap;

use mcp_admin::{getmcp, hasmcp, raw};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Map, Value};

mod seeds;

const SPEC: &str = include_str!("../openapi.yaml");

/// The examples the document holds today; fewer means one was deleted.
const EXAMPLES_AT_LEAST: usize = 90;

fn spec() -> Value {
    serde_yaml_ng::from_str(SPEC).expect("openapi.yaml parses as YAML into JSON values")
}

fn pointer_escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

// ---------------------------------------------------------------- conversion

const SCHEMA_REF_PREFIX: &str = "#/components/schemas/";

/// Converts an OpenAPI 3.0 schema object into a JSON Schema 2020-12 one.
fn to_json_schema(schema: &Value) -> Value {
    let Value::Object(obj) = schema else {
        return schema.clone();
    };
    let mut out = Map::new();
    for (key, value) in obj {
        match key.as_str() {
            // OpenAPI-only: annotations or 3.0 semantics handled below.
            "example" | "nullable" | "discriminator" | "xml" | "externalDocs" => {}
            "$ref" => {
                let target = value.as_str().expect("$ref is a string");
                let name = target
                    .strip_prefix(SCHEMA_REF_PREFIX)
                    .unwrap_or_else(|| panic!("unsupported $ref {target:?}"));
                out.insert(key.clone(), json!(format!("#/$defs/{name}")));
            }
            "properties" | "patternProperties" => {
                let props = value.as_object().expect("properties is a map");
                let converted = props
                    .iter()
                    .map(|(name, s)| (name.clone(), to_json_schema(s)))
                    .collect();
                out.insert(key.clone(), Value::Object(converted));
            }
            // A pattern the generated code does not carry yet: checked all the same.
            "x-pattern" => {
                out.insert("pattern".to_owned(), value.clone());
            }
            "items" | "additionalProperties" | "not" => {
                out.insert(key.clone(), to_json_schema(value));
            }
            "allOf" | "anyOf" | "oneOf" => {
                let list = value.as_array().expect("a list of schemas");
                out.insert(
                    key.clone(),
                    Value::Array(list.iter().map(to_json_schema).collect()),
                );
            }
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    // 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` modify `minimum`/`maximum`.
    for (flag, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(Value::Bool(exclusive)) = out.get(flag).cloned() {
            out.remove(flag);
            if exclusive {
                let limit = out.remove(bound).expect("an exclusive flag has its bound");
                out.insert(flag.to_owned(), limit);
            }
        }
    }
    if obj.get("nullable") == Some(&Value::Bool(true)) {
        json!({ "anyOf": [Value::Object(out), { "type": "null" }] })
    } else {
        Value::Object(out)
    }
}

/// Every component schema, converted, keyed by name.
fn defs(doc: &Value) -> Value {
    let schemas = doc["components"]["schemas"]
        .as_object()
        .expect("components.schemas is a map");
    Value::Object(
        schemas
            .iter()
            .map(|(name, s)| (name.clone(), to_json_schema(s)))
            .collect(),
    )
}

fn validator(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = match to_json_schema(schema) {
        Value::Object(m) => m,
        other => panic!("a schema object, got {other}"),
    };
    root.insert("$defs".to_owned(), defs(doc));
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&Value::Object(root))
        .unwrap_or_else(|e| panic!("schema {schema} does not compile: {e}"))
}

/// Every failure of `value` against `schema`, readable.
fn messages(schema: &jsonschema::Validator, value: &Value) -> Vec<String> {
    schema
        .iter_errors(value)
        .map(|e| format!("{} at {:?}", e, e.instance_path().as_str()))
        .collect()
}

fn named(name: &str) -> Value {
    json!({ "$ref": format!("{SCHEMA_REF_PREFIX}{name}") })
}

/// Every failure of `value` against component schema `name`, as (instance path, keyword).
fn failures(doc: &Value, name: &str, value: &Value) -> Vec<(String, String)> {
    validator(doc, &named(name))
        .iter_errors(value)
        .map(|e| {
            (
                e.instance_path().as_str().to_owned(),
                e.kind().keyword().to_owned(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------- the walk

/// One `example` and the schema it must satisfy.
struct Example {
    /// JSON pointer of the `example` key.
    at: String,
    /// The OpenAPI schema (not yet converted).
    schema: Value,
    /// The component schema name, where the schema is one (`$ref` or the component itself).
    name: Option<String>,
    value: Value,
}

/// Keys whose value is a map from names to objects, not an object with fixed fields.
const NAME_MAPS: &[&str] = &[
    "paths",
    "properties",
    "patternProperties",
    "schemas",
    "responses",
    "content",
    "securitySchemes",
    "requestBodies",
    "headers",
    "parameters",
    "links",
    "callbacks",
    "variables",
    "mapping",
    "scopes",
];

/// Keys whose value is data, never a schema or an example holder.
const DATA_KEYS: &[&str] = &["example", "examples", "default", "enum"];

fn ref_name(schema: &Value) -> Option<String> {
    let target = schema.get("$ref")?.as_str()?;
    target.strip_prefix(SCHEMA_REF_PREFIX).map(str::to_owned)
}

fn collect(doc: &Value, node: &Value, at: &str, name_map: bool, out: &mut Vec<Example>) {
    match node {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(doc, item, &format!("{at}/{i}"), false, out);
            }
        }
        Value::Object(obj) if name_map => {
            for (key, child) in obj {
                collect(
                    doc,
                    child,
                    &format!("{at}/{}", pointer_escape(key)),
                    false,
                    out,
                );
            }
        }
        Value::Object(obj) => {
            if let Some(schema) = obj.get("schema") {
                // A media type, parameter or header: its examples belong to `schema`.
                if let Some(value) = obj.get("example") {
                    out.push(Example {
                        at: format!("{at}/example"),
                        schema: schema.clone(),
                        name: ref_name(schema),
                        value: value.clone(),
                    });
                }
                for (key, ex) in obj
                    .get("examples")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    let ex = match ex.get("$ref").and_then(Value::as_str) {
                        Some(target) => doc
                            .pointer(target.trim_start_matches('#'))
                            .unwrap_or_else(|| panic!("{at}: dangling $ref {target}")),
                        None => ex,
                    };
                    if let Some(value) = ex.get("value") {
                        out.push(Example {
                            at: format!("{at}/examples/{}/value", pointer_escape(key)),
                            schema: schema.clone(),
                            name: ref_name(schema),
                            value: value.clone(),
                        });
                    }
                }
            } else if let Some(value) = obj.get("example") {
                // A schema with its own example.
                assert!(
                    !obj.contains_key("$ref"),
                    "{at}: an example beside $ref is ignored in OpenAPI 3.0"
                );
                let name = at.strip_prefix("/components/schemas/").and_then(|rest| {
                    (!rest.contains('/')).then(|| rest.replace("~1", "/").replace("~0", "~"))
                });
                out.push(Example {
                    at: format!("{at}/example"),
                    schema: node.clone(),
                    name,
                    value: value.clone(),
                });
            }
            for (key, child) in obj {
                if DATA_KEYS.contains(&key.as_str()) {
                    continue;
                }
                collect(
                    doc,
                    child,
                    &format!("{at}/{}", pointer_escape(key)),
                    NAME_MAPS.contains(&key.as_str()),
                    out,
                );
            }
        }
        _ => {}
    }
}

fn examples(doc: &Value) -> Vec<Example> {
    let mut out = Vec::new();
    collect(doc, doc, "", false, &mut out);
    out
}

// ---------------------------------------------------------------- typed decoding

fn decode<T: DeserializeOwned>(at: &str, value: &Value) -> T {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| {
        panic!(
            "{at}: does not decode into {}: {e}",
            std::any::type_name::<T>()
        )
    })
}

/// Decodes, and checks that what the model writes back decodes to the same value.
fn decode_stable<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
    at: &str,
    value: &Value,
) -> T {
    let typed: T = decode(at, value);
    let again: T = decode(at, &serde_json::to_value(&typed).expect("serializes"));
    assert_eq!(again, typed, "{at}: re-serialization is not stable");
    typed
}

/// Decodes and checks that serializing gives back exactly the example.
fn decode_exact<T: DeserializeOwned + Serialize>(at: &str, value: &Value) {
    let typed: T = decode(at, value);
    assert_eq!(
        &serde_json::to_value(&typed).expect("serializes"),
        value,
        "{at}: {} does not re-serialize to the example",
        std::any::type_name::<T>()
    );
}

/// Decodes an example of component schema `name` into the crate's model for it, and
/// returns what the model serializes back (to be validated against the schema too).
fn decode_typed(at: &str, name: &str, value: &Value) -> Value {
    fn back<T: Serialize>(t: &T) -> Value {
        serde_json::to_value(t).expect("serializes")
    }
    macro_rules! known_enum {
        ($m:ident :: $ty:ident) => {{
            let v: $m::$ty = decode(at, value);
            assert!(
                !matches!(v, $m::$ty::Unknown(_)),
                "{at}: {value} is not a value the crate knows"
            );
            back(&v)
        }};
    }
    macro_rules! generated {
        (body $ty:ident) => {{
            decode_exact::<raw::types::$ty>(at, value);
            value.clone()
        }};
        (answer $ty:ident) => {
            back(&decode_stable::<raw::types::$ty>(at, value))
        };
    }
    match name {
        "HasmcpServerEnvelope" => {
            let envelope: hasmcp::ServerEnvelope = decode_stable(at, value);
            let server: hasmcp::Server = decode_stable(at, &value["server"]);
            assert_eq!(envelope.server, server);
            back(&envelope)
        }
        "HasmcpServer" => back(&decode_stable::<hasmcp::Server>(at, value)),
        "HasmcpProvider" => back(&decode_stable::<hasmcp::Provider>(at, value)),
        "HasmcpTool" => back(&decode_stable::<hasmcp::Tool>(at, value)),
        "HasmcpToolHeader" => back(&decode_stable::<hasmcp::ToolHeader>(at, value)),
        "HasmcpOAuth2Config" => back(&decode_stable::<hasmcp::OAuth2Config>(at, value)),
        "HasmcpResource" => back(&decode_stable::<hasmcp::Resource>(at, value)),
        "HasmcpPrompt" => back(&decode_stable::<hasmcp::Prompt>(at, value)),
        "HasmcpApiType" => known_enum!(hasmcp::ApiType),
        "HasmcpVisibilityType" => known_enum!(hasmcp::VisibilityType),
        "HasmcpToolMethod" => known_enum!(hasmcp::ToolMethod),
        "HasmcpServerId" => {
            let text = value.as_str().expect("an id is a string");
            let id: hasmcp::ServerId = text
                .parse()
                .unwrap_or_else(|e| panic!("{at}: {text:?} is refused as an id: {e}"));
            back(&id)
        }
        "HasmcpUpdateServerRequest" => {
            decode_exact::<hasmcp::UpdateServerBody>(at, value);
            value.clone()
        }
        "HasmcpServerUpdate" => {
            decode_exact::<hasmcp::UpdateServerFields>(at, value);
            value.clone()
        }
        "HasmcpProviderRef" => {
            decode_exact::<hasmcp::ProviderRef>(at, value);
            value.clone()
        }
        "HasmcpIdRef" => {
            decode_exact::<hasmcp::IdRef>(at, value);
            value.clone()
        }
        "HasmcpErrorBody" => {
            decode_exact::<raw::types::HasmcpErrorBody>(at, value);
            value.clone()
        }
        // The HasMCP catalog: hand-written answers; the generated request envelopes
        // hold the hand-written bodies, so they must survive exactly as well.
        "HasmcpProviderList" => back(&decode_stable::<hasmcp::ProviderList>(at, value)),
        "HasmcpProviderEnvelope" => back(&decode_stable::<hasmcp::ProviderEnvelope>(at, value)),
        "HasmcpToolList" => back(&decode_stable::<hasmcp::ToolList>(at, value)),
        "HasmcpToolEnvelope" => back(&decode_stable::<hasmcp::ToolEnvelope>(at, value)),
        "HasmcpVariableList" => back(&decode_stable::<hasmcp::VariableList>(at, value)),
        "HasmcpVariableEnvelope" => back(&decode_stable::<hasmcp::VariableEnvelope>(at, value)),
        "HasmcpResourceList" => back(&decode_stable::<hasmcp::ResourceList>(at, value)),
        "HasmcpResourceEnvelope" => back(&decode_stable::<hasmcp::ResourceEnvelope>(at, value)),
        "HasmcpPromptList" => back(&decode_stable::<hasmcp::PromptList>(at, value)),
        "HasmcpPromptEnvelope" => back(&decode_stable::<hasmcp::PromptEnvelope>(at, value)),
        "HasmcpServerExport" => back(&decode_stable::<hasmcp::ServerExport>(at, value)),
        "HasmcpPromptArgument" => back(&decode_stable::<hasmcp::PromptArgument>(at, value)),
        "HasmcpPromptMessage" => back(&decode_stable::<hasmcp::PromptMessage>(at, value)),
        "HasmcpVariableUpdated" => back(&decode_stable::<hasmcp::UpdatedVariable>(at, value)),
        "HasmcpResourceUpdated" => back(&decode_stable::<hasmcp::UpdatedResource>(at, value)),
        "GetmcpServer" => back(&decode_stable::<getmcp::Server>(at, value)),
        "GetmcpServerUpdate" => {
            decode_exact::<getmcp::UpdateServerBody>(at, value);
            value.clone()
        }
        "GetmcpServerRef" => back(&decode_stable::<getmcp::ServerRef>(at, value)),
        "GetmcpServerStatus" => known_enum!(getmcp::ServerStatus),
        "GetmcpAuthType" => known_enum!(getmcp::AuthType),
        "GetmcpOutboundAuthType" => known_enum!(getmcp::OutboundAuthType),
        "GetmcpTransportType" => known_enum!(getmcp::TransportType),
        "GetmcpCredentialsStatus" => back(&decode_stable::<getmcp::CredentialsStatus>(at, value)),
        // GetMCP lists, creates, and a server's tools, resources and prompts.
        "GetmcpServerCreate" => {
            decode_exact::<getmcp::CreateServerBody>(at, value);
            value.clone()
        }
        "GetmcpTool" => back(&decode_stable::<getmcp::Tool>(at, value)),
        "GetmcpToolCreate" => {
            decode_exact::<getmcp::CreateToolBody>(at, value);
            value.clone()
        }
        "GetmcpToolUpdate" => {
            decode_exact::<getmcp::UpdateToolBody>(at, value);
            value.clone()
        }
        "GetmcpResource" => back(&decode_stable::<getmcp::Resource>(at, value)),
        "GetmcpResourceCreate" => {
            decode_exact::<getmcp::CreateResourceBody>(at, value);
            value.clone()
        }
        "GetmcpResourceUpdate" => {
            decode_exact::<getmcp::UpdateResourceBody>(at, value);
            value.clone()
        }
        "GetmcpPrompt" => back(&decode_stable::<getmcp::Prompt>(at, value)),
        "GetmcpPromptCreate" => {
            decode_exact::<getmcp::CreatePromptBody>(at, value);
            value.clone()
        }
        "GetmcpPromptUpdate" => {
            decode_exact::<getmcp::UpdatePromptBody>(at, value);
            value.clone()
        }
        // The generated `data` keeps only `status`: compare what it keeps.
        "WpError" => back(&decode_stable::<raw::types::WpError>(at, value)),
        // Schemas the crate has no hand-written type for yet: the generated ones. Bodies
        // must survive exactly (they are what goes on the wire), answers stably.
        "HasmcpServerList" => generated!(answer HasmcpServerList),
        "HasmcpCreateProviderRequest" => generated!(body HasmcpCreateProviderRequest),
        "HasmcpUpdateProviderRequest" => generated!(body HasmcpUpdateProviderRequest),
        "HasmcpCreateProviderToolRequest" => generated!(body HasmcpCreateProviderToolRequest),
        "HasmcpUpdateProviderToolRequest" => generated!(body HasmcpUpdateProviderToolRequest),
        "HasmcpCreateVariableRequest" => generated!(body HasmcpCreateVariableRequest),
        "HasmcpUpdateVariableRequest" => generated!(body HasmcpUpdateVariableRequest),
        "HasmcpCreateResourceRequest" => generated!(body HasmcpCreateResourceRequest),
        "HasmcpUpdateResourceRequest" => generated!(body HasmcpUpdateResourceRequest),
        "HasmcpCreatePromptRequest" => generated!(body HasmcpCreatePromptRequest),
        "HasmcpUpdatePromptRequest" => generated!(body HasmcpUpdatePromptRequest),
        "GetmcpDeleted" => generated!(answer GetmcpDeleted),
        "HasmcpCreateServerRequest" => {
            decode_exact::<hasmcp::CreateServerBody>(at, value);
            value.clone()
        }
        "HasmcpServerToolLinkList" => generated!(answer HasmcpServerToolLinkList),
        "HasmcpServerToolLinkEnvelope" => generated!(answer HasmcpServerToolLinkEnvelope),
        "HasmcpAttachToolRequest" => generated!(body HasmcpAttachToolRequest),
        "HasmcpServerResourceLinkList" => generated!(answer HasmcpServerResourceLinkList),
        "HasmcpServerResourceLinkEnvelope" => {
            generated!(answer HasmcpServerResourceLinkEnvelope)
        }
        "HasmcpAttachResourceRequest" => generated!(body HasmcpAttachResourceRequest),
        "HasmcpServerPromptLinkList" => generated!(answer HasmcpServerPromptLinkList),
        "HasmcpServerPromptLinkEnvelope" => generated!(answer HasmcpServerPromptLinkEnvelope),
        "HasmcpAttachPromptRequest" => generated!(body HasmcpAttachPromptRequest),
        "HasmcpServerTokenList" => generated!(answer HasmcpServerTokenList),
        "HasmcpServerTokenEnvelope" => generated!(answer HasmcpServerTokenEnvelope),
        "HasmcpCreateServerTokenRequest" => generated!(body HasmcpCreateServerTokenRequest),
        other => panic!("{at}: no typed decoding for schema {other}; add it to decode_typed"),
    }
}

// ---------------------------------------------------------------- tests

#[test]
fn document_is_openapi_3_0_3() {
    let doc = spec();
    assert_eq!(doc["openapi"], json!("3.0.3"));
    assert!(doc["info"]["title"].is_string());
    assert!(doc["info"]["version"].is_string());
    assert!(doc["paths"].is_object());
    assert!(doc["components"]["schemas"].is_object());
    // 3.1-only keys would make progenitor refuse the document.
    assert!(doc.get("jsonSchemaDialect").is_none() && doc.get("webhooks").is_none());
}

/// Every operation: id, method, path and success statuses. The ids are the platform
/// followed by the typed client's method name.
const OPERATIONS: &[(&str, &str, &str, &[&str])] = &[
    ("hasmcp_list_servers", "get", "/api/v1/servers", &["200"]),
    ("hasmcp_create_server", "post", "/api/v1/servers", &["201"]),
    ("hasmcp_get_server", "get", "/api/v1/servers/{id}", &["200"]),
    (
        "hasmcp_update_server",
        "patch",
        "/api/v1/servers/{id}",
        &["200"],
    ),
    (
        "hasmcp_delete_server",
        "delete",
        "/api/v1/servers/{id}",
        &["204"],
    ),
    (
        "hasmcp_list_server_tools",
        "get",
        "/api/v1/servers/{id}/tools",
        &["200"],
    ),
    (
        "hasmcp_attach_tool",
        "post",
        "/api/v1/servers/{id}/tools",
        &["200", "201"],
    ),
    (
        "hasmcp_detach_tool",
        "delete",
        "/api/v1/servers/{id}/tools/{toolID}",
        &["204"],
    ),
    (
        "hasmcp_list_server_resources",
        "get",
        "/api/v1/servers/{id}/resources",
        &["200"],
    ),
    (
        "hasmcp_attach_resource",
        "post",
        "/api/v1/servers/{id}/resources",
        &["200", "201"],
    ),
    (
        "hasmcp_detach_resource",
        "delete",
        "/api/v1/servers/{id}/resources/{resourceID}",
        &["204"],
    ),
    (
        "hasmcp_list_server_prompts",
        "get",
        "/api/v1/servers/{id}/prompts",
        &["200"],
    ),
    (
        "hasmcp_attach_prompt",
        "post",
        "/api/v1/servers/{id}/prompts",
        &["200", "201"],
    ),
    (
        "hasmcp_detach_prompt",
        "delete",
        "/api/v1/servers/{id}/prompts/{promptID}",
        &["204"],
    ),
    (
        "hasmcp_list_server_tokens",
        "get",
        "/api/v1/servers/{id}/tokens",
        &["200"],
    ),
    (
        "hasmcp_create_server_token",
        "post",
        "/api/v1/servers/{id}/tokens",
        &["201"],
    ),
    (
        "hasmcp_revoke_server_token",
        "delete",
        "/api/v1/servers/{id}/tokens/{tokenID}",
        &["204"],
    ),
    (
        "hasmcp_list_providers",
        "get",
        "/api/v1/providers",
        &["200"],
    ),
    (
        "hasmcp_create_provider",
        "post",
        "/api/v1/providers",
        &["201"],
    ),
    (
        "hasmcp_get_provider",
        "get",
        "/api/v1/providers/{id}",
        &["200"],
    ),
    (
        "hasmcp_update_provider",
        "patch",
        "/api/v1/providers/{id}",
        &["200"],
    ),
    (
        "hasmcp_delete_provider",
        "delete",
        "/api/v1/providers/{id}",
        &["204"],
    ),
    (
        "hasmcp_list_provider_tools",
        "get",
        "/api/v1/providers/{id}/tools",
        &["200"],
    ),
    (
        "hasmcp_create_provider_tool",
        "post",
        "/api/v1/providers/{id}/tools",
        &["201"],
    ),
    (
        "hasmcp_get_provider_tool",
        "get",
        "/api/v1/providers/{id}/tools/{toolID}",
        &["200"],
    ),
    (
        "hasmcp_update_provider_tool",
        "patch",
        "/api/v1/providers/{id}/tools/{toolID}",
        &["200"],
    ),
    (
        "hasmcp_delete_provider_tool",
        "delete",
        "/api/v1/providers/{id}/tools/{toolID}",
        &["204"],
    ),
    (
        "hasmcp_list_variables",
        "get",
        "/api/v1/variables",
        &["200"],
    ),
    (
        "hasmcp_create_variable",
        "post",
        "/api/v1/variables",
        &["201"],
    ),
    // The vendor spec answers 200 with a body, the open-source edition 204 without (read
    // as `null`: both declare the same schema).
    (
        "hasmcp_update_variable",
        "patch",
        "/api/v1/variables/{id}",
        &["200", "204"],
    ),
    (
        "hasmcp_delete_variable",
        "delete",
        "/api/v1/variables/{id}",
        &["204"],
    ),
    (
        "hasmcp_list_resources",
        "get",
        "/api/v1/resources",
        &["200"],
    ),
    (
        "hasmcp_create_resource",
        "post",
        "/api/v1/resources",
        &["201"],
    ),
    (
        "hasmcp_get_resource",
        "get",
        "/api/v1/resources/{id}",
        &["200"],
    ),
    (
        "hasmcp_update_resource",
        "patch",
        "/api/v1/resources/{id}",
        &["200", "204"],
    ),
    (
        "hasmcp_delete_resource",
        "delete",
        "/api/v1/resources/{id}",
        &["204"],
    ),
    ("hasmcp_list_prompts", "get", "/api/v1/prompts", &["200"]),
    ("hasmcp_create_prompt", "post", "/api/v1/prompts", &["201"]),
    ("hasmcp_get_prompt", "get", "/api/v1/prompts/{id}", &["200"]),
    (
        "hasmcp_update_prompt",
        "patch",
        "/api/v1/prompts/{id}",
        &["204"],
    ),
    (
        "hasmcp_delete_prompt",
        "delete",
        "/api/v1/prompts/{id}",
        &["204"],
    ),
    (
        "hasmcp_list_provider_resources",
        "get",
        "/api/v1/providers/{id}/resources",
        &["200"],
    ),
    (
        "hasmcp_create_provider_resource",
        "post",
        "/api/v1/providers/{id}/resources",
        &["201"],
    ),
    (
        "hasmcp_get_provider_resource",
        "get",
        "/api/v1/providers/{id}/resources/{resourceID}",
        &["200"],
    ),
    (
        "hasmcp_update_provider_resource",
        "patch",
        "/api/v1/providers/{id}/resources/{resourceID}",
        &["200", "204"],
    ),
    (
        "hasmcp_delete_provider_resource",
        "delete",
        "/api/v1/providers/{id}/resources/{resourceID}",
        &["204"],
    ),
    (
        "hasmcp_list_provider_prompts",
        "get",
        "/api/v1/providers/{id}/prompts",
        &["200"],
    ),
    (
        "hasmcp_create_provider_prompt",
        "post",
        "/api/v1/providers/{id}/prompts",
        &["201"],
    ),
    (
        "hasmcp_get_provider_prompt",
        "get",
        "/api/v1/providers/{id}/prompts/{promptID}",
        &["200"],
    ),
    (
        "hasmcp_update_provider_prompt",
        "patch",
        "/api/v1/providers/{id}/prompts/{promptID}",
        &["204"],
    ),
    (
        "hasmcp_delete_provider_prompt",
        "delete",
        "/api/v1/providers/{id}/prompts/{promptID}",
        &["204"],
    ),
    (
        "hasmcp_import_server",
        "post",
        "/api/v1/servers/import",
        &["201"],
    ),
    (
        "hasmcp_export_server",
        "get",
        "/api/v1/servers/{id}/export",
        &["200"],
    ),
    (
        "getmcp_list_servers",
        "get",
        "/wp-json/getmcp/v1/servers",
        &["200"],
    ),
    (
        "getmcp_create_server",
        "post",
        "/wp-json/getmcp/v1/servers",
        &["201"],
    ),
    (
        "getmcp_get_server",
        "get",
        "/wp-json/getmcp/v1/servers/{id}",
        &["200"],
    ),
    (
        "getmcp_update_server",
        "patch",
        "/wp-json/getmcp/v1/servers/{id}",
        &["200"],
    ),
    (
        "getmcp_delete_server",
        "delete",
        "/wp-json/getmcp/v1/servers/{id}",
        &["200"],
    ),
    (
        "getmcp_toggle_server",
        "patch",
        "/wp-json/getmcp/v1/servers/{id}/toggle",
        &["200"],
    ),
    (
        "getmcp_duplicate_server",
        "post",
        "/wp-json/getmcp/v1/servers/{id}/duplicate",
        &["201"],
    ),
    (
        "getmcp_get_server_credentials",
        "get",
        "/wp-json/getmcp/v1/servers/{id}/credentials",
        &["200"],
    ),
    (
        "getmcp_list_tools",
        "get",
        "/wp-json/getmcp/v1/servers/{server_id}/tools",
        &["200"],
    ),
    // Creation status codes are not documented: both, with the same body.
    (
        "getmcp_create_tool",
        "post",
        "/wp-json/getmcp/v1/servers/{server_id}/tools",
        &["200", "201"],
    ),
    (
        "getmcp_get_tool",
        "get",
        "/wp-json/getmcp/v1/servers/{server_id}/tools/{id}",
        &["200"],
    ),
    (
        "getmcp_update_tool",
        "patch",
        "/wp-json/getmcp/v1/servers/{server_id}/tools/{id}",
        &["200"],
    ),
    // Inferred: no vendor page, so any 2xx.
    (
        "getmcp_delete_tool",
        "delete",
        "/wp-json/getmcp/v1/servers/{server_id}/tools/{id}",
        &["2XX"],
    ),
    (
        "getmcp_list_resources",
        "get",
        "/wp-json/getmcp/v1/servers/{server_id}/resources",
        &["200"],
    ),
    (
        "getmcp_create_resource",
        "post",
        "/wp-json/getmcp/v1/servers/{server_id}/resources",
        &["200", "201"],
    ),
    (
        "getmcp_get_resource",
        "get",
        "/wp-json/getmcp/v1/servers/{server_id}/resources/{id}",
        &["200"],
    ),
    (
        "getmcp_update_resource",
        "patch",
        "/wp-json/getmcp/v1/servers/{server_id}/resources/{id}",
        &["200"],
    ),
    (
        "getmcp_delete_resource",
        "delete",
        "/wp-json/getmcp/v1/servers/{server_id}/resources/{id}",
        &["2XX"],
    ),
    (
        "getmcp_list_prompts",
        "get",
        "/wp-json/getmcp/v1/servers/{server_id}/prompts",
        &["200"],
    ),
    (
        "getmcp_create_prompt",
        "post",
        "/wp-json/getmcp/v1/servers/{server_id}/prompts",
        &["200", "201"],
    ),
    (
        "getmcp_get_prompt",
        "get",
        "/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}",
        &["200"],
    ),
    (
        "getmcp_update_prompt",
        "patch",
        "/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}",
        &["200"],
    ),
    (
        "getmcp_delete_prompt",
        "delete",
        "/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}",
        &["2XX"],
    ),
];

/// Operations that send no body although their method could carry one.
const WITHOUT_BODY: &[&str] = &["getmcp_toggle_server", "getmcp_duplicate_server"];

/// Resolves a `$ref` to a component (`#/components/...`), or returns the node itself.
fn resolve<'a>(doc: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(target) => doc
            .pointer(target.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("dangling $ref {target}")),
        None => node,
    }
}

/// Whether a media type holds at least one example.
fn has_example(media: &Value) -> bool {
    media.get("example").is_some()
        || media
            .get("examples")
            .and_then(Value::as_object)
            .is_some_and(|e| !e.is_empty())
}

#[test]
fn every_operation_is_declared_as_designed() {
    let doc = spec();
    let schemes = &doc["components"]["securitySchemes"];
    for scheme in ["hasmcpBearer", "getmcpBearer"] {
        assert_eq!(schemes[scheme]["type"], json!("http"), "{scheme}");
        assert_eq!(schemes[scheme]["scheme"], json!("bearer"), "{scheme}");
    }

    // Every operation in the document, by id: (method, path, operation).
    let mut ops: BTreeMap<String, (String, String, Value)> = BTreeMap::new();
    for (path, item) in doc["paths"].as_object().expect("paths is a map") {
        for (method, op) in item.as_object().expect("a path item") {
            if method == "parameters" {
                continue;
            }
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            let previous = ops.insert(id.to_owned(), (method.clone(), path.clone(), op.clone()));
            assert!(previous.is_none(), "operationId {id} is used twice");
        }
    }
    let declared: Vec<&str> = ops.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = OPERATIONS.iter().map(|o| o.0).collect();
    expected.sort_unstable();
    assert_eq!(declared, expected, "the document's operations");

    for &(id, method, path, success) in OPERATIONS {
        let (m, p, op) = &ops[id];
        assert_eq!((m.as_str(), p.as_str()), (method, path), "{id}");
        let tag = if path.starts_with("/api/v1/") {
            "hasmcp"
        } else {
            assert!(path.starts_with("/wp-json/getmcp/v1/"), "{id}: {path}");
            "getmcp"
        };
        assert!(
            id.starts_with(&format!("{tag}_")),
            "{id}: named after its platform"
        );
        assert_eq!(op["tags"], json!([tag]), "{id}");
        assert_eq!(
            op["security"],
            json!([{ format!("{tag}Bearer"): [] }]),
            "{id}"
        );
        assert!(op["summary"].is_string(), "{id}: summary");
        assert!(op["description"].is_string(), "{id}: description");

        // Success statuses as listed, errors as ranges, never `default`.
        let responses = op["responses"].as_object().expect("responses");
        let mut codes: Vec<&str> = responses.keys().map(String::as_str).collect();
        codes.sort_unstable();
        let mut want: Vec<&str> = success.iter().copied().chain(["4XX", "5XX"]).collect();
        want.sort_unstable();
        assert_eq!(codes, want, "{id}: responses");
        let error = if tag == "hasmcp" {
            "HasmcpErrorBody"
        } else {
            "WpError"
        };
        for range in ["4XX", "5XX"] {
            let response = resolve(&doc, &responses[range]);
            assert_eq!(
                ref_name(&response["content"]["application/json"]["schema"]).as_deref(),
                Some(error),
                "{id}: {range}"
            );
        }
        // Success bodies are JSON of one schema per operation (the generated client has
        // one success type), and at least one success answer shows an example.
        let bodies: Vec<&Value> = success
            .iter()
            .filter_map(|code| responses[*code].get("content"))
            .collect();
        for body in &bodies {
            let types: Vec<&str> = body
                .as_object()
                .expect("content")
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(types, ["application/json"], "{id}: answer type");
            assert_eq!(
                body["application/json"]["schema"], bodies[0]["application/json"]["schema"],
                "{id}: one success schema"
            );
        }
        if bodies.is_empty() {
            for code in success {
                assert!(
                    matches!(*code, "200" | "204" | "2XX"),
                    "{id}: {code} without a body"
                );
            }
        } else {
            assert_eq!(
                bodies.len(),
                success.len(),
                "{id}: every success answer has the body"
            );
            assert!(
                bodies.iter().any(|b| has_example(&b["application/json"])),
                "{id}: no success example"
            );
        }

        // Every `{name}` in the path is a required, typed (named) path parameter.
        let params: Vec<&Value> = doc["paths"][path]["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(op["parameters"].as_array().into_iter().flatten())
            .map(|p| resolve(&doc, p))
            .collect();
        for segment in path.split('/').filter(|s| s.starts_with('{')) {
            let name = segment.trim_matches(|c| c == '{' || c == '}');
            let param = params
                .iter()
                .find(|p| p["name"] == name && p["in"] == "path")
                .unwrap_or_else(|| panic!("{id}: path parameter {name} is not declared"));
            assert_eq!(param["required"], json!(true), "{id}: {name} required");
            assert!(
                ref_name(&param["schema"]).is_some(),
                "{id}: {name} has a named schema"
            );
        }
        for param in params.iter().filter(|p| p["in"] == "query") {
            assert_ne!(
                param["required"],
                json!(true),
                "{id}: query parameters are optional"
            );
        }

        // Bodies: required JSON of a named schema (so it can be replaced by a
        // hand-written type), with an example.
        let sends_body = matches!(method, "post" | "patch") && !WITHOUT_BODY.contains(&id);
        if sends_body {
            let body = &op["requestBody"];
            assert_eq!(body["required"], json!(true), "{id}");
            let content = body["content"].as_object().expect("content");
            let types: Vec<&str> = content.keys().map(String::as_str).collect();
            assert_eq!(types, ["application/json"], "{id}: body type");
            let media = &content["application/json"];
            assert!(
                ref_name(&media["schema"]).is_some(),
                "{id}: body schema is named"
            );
            assert!(has_example(media), "{id}: no body example");
        } else {
            assert!(op.get("requestBody").is_none(), "{id}: no body");
        }
    }
}

#[test]
fn the_conversion_handles_openapi_3_0_specifics() {
    let converted = to_json_schema(&json!({
        "nullable": true,
        "type": "object",
        "example": { "a": 1 },
        "properties": {
            "example": { "type": "string" },
            "next": { "$ref": "#/components/schemas/X", "nullable": false },
            "n": { "type": "integer", "minimum": 0, "exclusiveMinimum": true }
        }
    }));
    assert_eq!(
        converted,
        json!({
            "anyOf": [
                {
                    "type": "object",
                    "properties": {
                        "example": { "type": "string" },
                        "next": { "$ref": "#/$defs/X" },
                        "n": { "type": "integer", "exclusiveMinimum": 0 }
                    }
                },
                { "type": "null" }
            ]
        })
    );
}

#[test]
fn every_example_validates_against_its_schema_and_decodes_into_the_model() {
    let doc = spec();
    let found = examples(&doc);
    let mut decoded: BTreeMap<String, usize> = BTreeMap::new();
    for ex in &found {
        let schema = validator(&doc, &ex.schema);
        let errors = messages(&schema, &ex.value);
        assert!(errors.is_empty(), "{}: {errors:#?}", ex.at);

        if let Some(name) = &ex.name {
            let written = decode_typed(&ex.at, name, &ex.value);
            // What the crate's model writes is itself valid against the schema.
            let errors = messages(&schema, &written);
            assert!(errors.is_empty(), "{} as re-serialized: {errors:#?}", ex.at);
            *decoded.entry(name.clone()).or_default() += 1;
        } else if let (Some(name), Some(items)) =
            (ref_name(&ex.schema["items"]), ex.value.as_array())
        {
            // A bare array of a named schema (the WordPress lists): each item decodes.
            let item_schema = validator(&doc, &ex.schema["items"]);
            for (i, item) in items.iter().enumerate() {
                let at = format!("{}/{i}", ex.at);
                let written = decode_typed(&at, &name, item);
                let errors = messages(&item_schema, &written);
                assert!(errors.is_empty(), "{at} as re-serialized: {errors:#?}");
                *decoded.entry(name.clone()).or_default() += 1;
            }
        }
    }

    println!("examples validated: {}", found.len());
    println!("examples decoded into a typed model: {decoded:?}");
    assert!(
        found.len() >= EXAMPLES_AT_LEAST,
        "{} examples found, expected at least {EXAMPLES_AT_LEAST}: was one deleted?",
        found.len()
    );
    // Both platforms' request, response and error examples reach a typed model.
    for (name, at_least) in [
        ("HasmcpServerEnvelope", 2),
        ("HasmcpUpdateServerRequest", 1),
        ("HasmcpErrorBody", 1),
        ("HasmcpServerId", 1),
        ("GetmcpServer", 2),
        ("GetmcpServerUpdate", 1),
        ("WpError", 2),
        // Both list keys of the server's prompt links, and `{}` for an empty list.
        ("HasmcpServerPromptLinkList", 3),
        ("HasmcpServerList", 2),
        // Every item of the WordPress bare-array lists.
        ("GetmcpServer", 7),
        ("GetmcpTool", 4),
    ] {
        let n = decoded.get(name).copied().unwrap_or(0);
        assert!(
            n >= at_least,
            "{name}: {n} typed examples, expected {at_least}"
        );
    }
}

#[test]
fn the_walk_finds_media_type_and_schema_examples() {
    let doc = spec();
    let at: Vec<String> = examples(&doc).into_iter().map(|e| e.at).collect();
    for expected in [
        "/paths/~1api~1v1~1servers~1{id}/patch/requestBody/content/application~1json/example",
        "/paths/~1api~1v1~1servers~1{id}/patch/responses/200/content/application~1json/example",
        "/paths/~1wp-json~1getmcp~1v1~1servers~1{id}/patch/requestBody/content/application~1json/example",
        "/paths/~1wp-json~1getmcp~1v1~1servers~1{id}/patch/responses/200/content/application~1json/example",
        "/paths/~1wp-json~1getmcp~1v1~1servers~1{id}/patch/responses/5XX/content/application~1json/example",
        "/components/responses/HasmcpError/content/application~1json/example",
        "/components/responses/WpError/content/application~1json/example",
        "/components/schemas/HasmcpServerId/example",
        "/components/schemas/HasmcpTool/properties/path/example",
        "/paths/~1api~1v1~1servers/get/responses/200/content/application~1json/examples/empty/value",
        "/paths/~1wp-json~1getmcp~1v1~1servers/get/responses/200/content/application~1json/example",
        "/paths/~1wp-json~1getmcp~1v1~1servers~1{server_id}~1tools/post/responses/201/content/application~1json/example",
    ] {
        assert!(at.iter().any(|a| a == expected), "{expected} not found in {at:#?}");
    }
}

#[test]
fn the_seed_examples_are_in_the_document_verbatim() {
    let doc = spec();
    let body = |path: &str| {
        doc["paths"][path]["patch"]["requestBody"]["content"]["application/json"]["example"].clone()
    };
    let response = |path: &str, code: &str| {
        doc["paths"][path]["patch"]["responses"][code]["content"]["application/json"]["example"]
            .clone()
    };

    let gm = "/wp-json/getmcp/v1/servers/{id}";
    assert_eq!(body(gm), seeds::getmcp_update_request());
    assert_eq!(response(gm, "200"), seeds::getmcp_update_response());
    assert_eq!(response(gm, "5XX"), seeds::getmcp_update_failed());

    let hm = "/api/v1/servers/{id}";
    assert_eq!(response(hm, "200"), seeds::hasmcp_update_response());
    // The vendor's body, except the `<string>` placeholders the name rule refuses.
    let mut vendor = seeds::hasmcp_update_request();
    vendor["server"]["name"] = json!("GitHubTools");
    vendor["server"]["instructions"] = json!("Use these tools for GitHub");
    assert_eq!(body(hm), vendor);
    assert_eq!(
        failures(
            &doc,
            "HasmcpUpdateServerRequest",
            &seeds::hasmcp_update_request()
        ),
        [("/server/name".to_owned(), "pattern".to_owned())]
    );
}

#[test]
fn the_validator_is_live() {
    let doc = spec();
    let fails = |name: &str, value: Value, path: &str, keyword: &str| {
        let got = failures(&doc, name, &value);
        assert!(
            got.contains(&(path.to_owned(), keyword.to_owned())),
            "{name} {value}: expected {keyword} at {path:?}, got {got:?}"
        );
    };
    let passes = |name: &str, value: Value| {
        let got = failures(&doc, name, &value);
        assert!(got.is_empty(), "{name} {value}: {got:?}");
    };

    // HasMCP ids and the update body's [code] rules.
    passes("HasmcpServerId", json!("kSuB9Gf6aD4"));
    fails("HasmcpServerId", json!("short"), "", "pattern");
    fails("HasmcpServerId", json!("kSuB9Gf6aD/"), "", "pattern");
    let provider = json!({"id": "kSuB9Gf6aD4", "tools": [{"id": "kSuB9Gf6aD5"}]});
    passes(
        "HasmcpServerUpdate",
        json!({"name": "GitHubTools", "version": 1, "providers": [provider]}),
    );
    fails(
        "HasmcpServerUpdate",
        json!({"name": "GitHubTools", "version": 1, "providers": [provider, provider]}),
        "/providers",
        "maxItems",
    );
    fails(
        "HasmcpServerUpdate",
        json!({"name": "GitHubTools", "version": 0}),
        "/version",
        "minimum",
    );
    fails(
        "HasmcpServerUpdate",
        json!({"name": "ThisNameIsTooLong", "version": 1}),
        "/name",
        "maxLength",
    );
    fails(
        "HasmcpServerUpdate",
        json!({"name": "a", "instructions": "x".repeat(4097), "version": 1}),
        "/instructions",
        "maxLength",
    );
    fails(
        "HasmcpServerUpdate",
        json!({"name": "a", "version": 1, "resources": [{"id": "nope"}]}),
        "/resources/0/id",
        "pattern",
    );
    fails("HasmcpUpdateServerRequest", json!({}), "", "required");
    fails(
        "HasmcpServerEnvelope",
        json!({"server": {"id": "kSuB9Gf6aD4", "providers": [{"id": "kSuB9Gf6aD5", "apiType": "SOAP"}]}}),
        "/server/providers/0/apiType",
        "enum",
    );
    fails(
        "HasmcpServer",
        json!({"id": "kSuB9Gf6aD4", "createdAt": "yesterday"}),
        "/createdAt",
        "format",
    );

    // GetMCP enums, bounds and formats.
    passes(
        "GetmcpServerUpdate",
        json!({"status": "paused", "rate_limit_per_min": -1}),
    );
    fails(
        "GetmcpServerUpdate",
        json!({"status": "archived"}),
        "/status",
        "enum",
    );
    fails(
        "GetmcpServerUpdate",
        json!({"rate_limit_per_min": -2}),
        "/rate_limit_per_min",
        "minimum",
    );
    fails(
        "GetmcpServerUpdate",
        json!({"auth_type": "digest"}),
        "/auth_type",
        "enum",
    );
    fails(
        "GetmcpServerUpdate",
        json!({"test_auth_credentials": {"token": "t"}}),
        "/test_auth_credentials",
        "type",
    );
    fails(
        "GetmcpServer",
        json!({"id": 3, "uuid": "not-a-uuid"}),
        "/uuid",
        "format",
    );
    fails(
        "GetmcpServer",
        json!({"id": 3, "server_id": "C3D4"}),
        "/server_id",
        "pattern",
    );
    fails(
        "GetmcpServer",
        json!({"id": 3, "transport_type": "sse"}),
        "/transport_type",
        "enum",
    );
    fails(
        "GetmcpServer",
        json!({"uuid": "9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d"}),
        "",
        "required",
    );
    passes(
        "GetmcpServerRef",
        json!("836995ae-1cff-41ec-823e-a4f07ccca3a0"),
    );
    passes("GetmcpServerRef", json!(42));
    fails("GetmcpServerRef", json!("../admin"), "", "oneOf");

    // `nullable` became "or null", and only where the document says so.
    passes(
        "GetmcpServer",
        json!({"id": 3, "auth_config": null, "outbound_auth_type": null, "settings": null, "cors_origins": null}),
    );
    passes(
        "GetmcpServer",
        json!({"id": 3, "settings": [], "auth_config": "[]"}),
    );
    fails(
        "GetmcpServer",
        json!({"id": 3, "outbound_auth_type": "oauth"}),
        "/outbound_auth_type",
        "anyOf",
    );
    // The plugin stores any JSON a client sent as settings [run].
    passes("GetmcpServer", json!({"id": 3, "settings": [1]}));
    passes(
        "GetmcpServerUpdate",
        json!({"clear_credentials": ["test_auth_credentials"], "rate_limit_per_min": 2147483647}),
    );
    fails(
        "GetmcpServerUpdate",
        json!({"clear_credentials": ["token"]}),
        "/clear_credentials/0",
        "enum",
    );
    fails(
        "GetmcpServerUpdate",
        json!({"rate_limit_per_min": 2147483648_i64}),
        "/rate_limit_per_min",
        "maximum",
    );
    fails(
        "GetmcpServer",
        json!({"id": 3, "auth_config": 5}),
        "/auth_config",
        "anyOf",
    );
    fails(
        "GetmcpServer",
        json!({"id": 3, "status": null}),
        "/status",
        "enum",
    );
    fails(
        "GetmcpServer",
        json!({"id": 3, "name": null}),
        "/name",
        "type",
    );
    passes(
        "WpError",
        json!({"code": "c", "message": "m", "data": null}),
    );
    fails("WpError", json!({"code": "rest_forbidden"}), "", "required");

    // Every kind of HasMCP id has the server id's form.
    for kind in [
        "Provider", "Tool", "Resource", "Prompt", "Variable", "Token",
    ] {
        let name = format!("Hasmcp{kind}Id");
        passes(&name, json!("tQ9pV1mN8xK"));
        fails(&name, json!("m7G4v2kL9Q"), "", "pattern");
        fails(&name, json!("kSuB9Gf6aD_"), "", "pattern");
    }
    fails(
        "HasmcpAttachToolRequest",
        json!({"tool": {"toolID": "../tools"}}),
        "/tool/toolID",
        "pattern",
    );
    fails(
        "HasmcpAttachToolRequest",
        json!({"tool": {}}),
        "/tool",
        "required",
    );
    // The name rules, as `x-pattern` (checked here, not in the generated code).
    let provider = json!({"apiType": "REST", "visibilityType": "PUBLIC",
        "baseURL": "https://api.stripe.com/v1", "description": "d"});
    let with = |base: &Value, key: &str, v: Value| {
        let mut out = base.clone();
        out[key] = v;
        out
    };
    passes(
        "HasmcpProviderCreate",
        with(&provider, "name", json!("stripeApi")),
    );
    fails(
        "HasmcpProviderCreate",
        with(&provider, "name", json!("stripe-api")),
        "/name",
        "pattern",
    );
    fails(
        "HasmcpProviderCreate",
        with(
            &with(&provider, "name", json!("s")),
            "baseURL",
            json!("ftp://x"),
        ),
        "/baseURL",
        "pattern",
    );
    fails("HasmcpProviderCreate", provider.clone(), "", "required");
    fails(
        "HasmcpServerCreate",
        json!({"name": "myCustomMCPServer"}),
        "/name",
        "maxLength",
    );
    fails(
        "HasmcpServerCreate",
        json!({"name": "my server"}),
        "/name",
        "pattern",
    );
    fails("HasmcpServerCreate", json!({}), "", "required");
    let tool = json!({"method": "GET", "path": "/users"});
    passes(
        "HasmcpProviderToolCreate",
        with(&tool, "name", json!("lookupCustomer")),
    );
    fails(
        "HasmcpProviderToolCreate",
        with(&tool, "name", json!("LookupCustomer")),
        "/name",
        "pattern",
    );
    fails(
        "HasmcpProviderToolCreate",
        with(&tool, "method", json!("FETCH")),
        "/method",
        "enum",
    );
    fails(
        "HasmcpProviderToolCreate",
        json!({"method": "GET"}),
        "",
        "required",
    );
    let variable = json!({"type": "SECRET", "value": "v"});
    passes(
        "HasmcpVariableCreate",
        with(&variable, "name", json!("MYDB_URI_2")),
    );
    fails(
        "HasmcpVariableCreate",
        with(&variable, "name", json!("mydb_uri")),
        "/name",
        "pattern",
    );
    fails(
        "HasmcpVariableCreate",
        with(&with(&variable, "name", json!("A")), "type", json!("PLAIN")),
        "/type",
        "enum",
    );
    fails(
        "HasmcpVariableUpdate",
        json!({"value": ""}),
        "/value",
        "minLength",
    );
    fails(
        "HasmcpServerTokenCreate",
        json!({"name": "ci"}),
        "",
        "required",
    );
    fails(
        "HasmcpServerTokenCreate",
        json!({"expiresAt": "next year"}),
        "/expiresAt",
        "format",
    );
    // A list key may be missing, and the server prompt links take either key.
    passes("HasmcpProviderList", json!({}));
    passes(
        "HasmcpServerPromptLinkList",
        json!({"prompt": [{"serverID": "kSuB9Gf6aD4", "promptID": "kSuB9Gf6aD8"}]}),
    );

    // GetMCP tools: bounds, enums, and the PHP forms of an empty map.
    passes(
        "GetmcpToolCreate",
        json!({"name": "get_weather", "retry_count": 5}),
    );
    fails(
        "GetmcpToolCreate",
        json!({"name": "get_weather", "retry_count": 6}),
        "/retry_count",
        "maximum",
    );
    fails(
        "GetmcpToolUpdate",
        json!({"retry_count": -1}),
        "/retry_count",
        "minimum",
    );
    fails(
        "GetmcpToolUpdate",
        json!({"http_method": "HEAD"}),
        "/http_method",
        "enum",
    );
    fails(
        "GetmcpToolUpdate",
        json!({"retry_backoff": "random"}),
        "/retry_backoff",
        "enum",
    );
    fails(
        "GetmcpToolCreate",
        json!({"name": "t", "parameter_mapping": {"city": {"target": "cookie"}}}),
        "/parameter_mapping/city/target",
        "enum",
    );
    fails(
        "GetmcpToolCreate",
        json!({"description": "d"}),
        "",
        "required",
    );
    passes(
        "GetmcpTool",
        json!({"id": 5, "headers": [], "parameter_mapping": [], "input_schema": null}),
    );
    fails(
        "GetmcpTool",
        json!({"id": 5, "server_hex": "A1B2"}),
        "/server_hex",
        "pattern",
    );
    passes(
        "GetmcpToolRef",
        json!("5376af81-6bb8-4b01-800c-508d7672e394"),
    );
    passes("GetmcpToolRef", json!(5));
    fails("GetmcpToolRef", json!("create_customer"), "", "oneOf");
    fails("GetmcpResourceId", json!("3"), "", "type");
    fails(
        "GetmcpResourceCreate",
        json!({"uri": "docs://x", "name": "x", "data_source_type": "dynamic"}),
        "/data_source_type",
        "enum",
    );
    fails(
        "GetmcpPromptCreate",
        json!({"name": "p", "template_content": "t", "arguments": [{"required": true}]}),
        "/arguments/0",
        "required",
    );
    fails("GetmcpDeleted", json!({}), "", "required");
    fails(
        "GetmcpServerCreate",
        json!({"name": "n", "rate_limit_per_min": -2}),
        "/rate_limit_per_min",
        "minimum",
    );

    // Query parameters: the server list's page size is 1–100.
    let per_page = doc["paths"]["/wp-json/getmcp/v1/servers"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .find(|p| p["name"] == "per_page")
        .expect("per_page")["schema"]
        .clone();
    let per_page = validator(&doc, &per_page);
    assert!(per_page.is_valid(&json!(100)));
    assert!(!per_page.is_valid(&json!(101)));
    assert!(!per_page.is_valid(&json!(0)));
}
