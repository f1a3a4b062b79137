//! Every operation of `openapi.yaml` reaches users: build.rs gives it a constant in the
//! operation table (with the spec's method and path) and a method on the generated `raw`
//! client, and a typed client's method runs it.
//!
//! That the document is OpenAPI 3.0.3 is checked by `tests/openapi.rs`, and on every build
//! by build.rs, which reads it into progenitor's OpenAPI 3.0 model and fails naming the
//! JSON path of anything that does not fit.

use std::{fs, path::Path};

use serde_json::Value;

/// The table's row type, as `src/transport/ops.rs` declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Operation {
    id: &'static str,
    method: &'static str,
    path: &'static str,
}

// The operation table build.rs generated for the library.
include!(concat!(env!("OUT_DIR"), "/ops.rs"));

/// Operations no typed method runs, each with the reason; `raw` still has them.
const WITHOUT_TYPED_METHOD: &[(&str, &str)] = &[];

/// Every (operationId, METHOD, path) of the spec.
fn spec_operations() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join("openapi.yaml")).expect("read openapi.yaml");
    let doc: Value = serde_yaml_ng::from_str(&text).expect("openapi.yaml is YAML");
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths is a map") {
        for (method, op) in item.as_object().expect("a path item") {
            if method == "parameters" {
                continue;
            }
            let id = op["operationId"].as_str().expect("an operationId");
            out.push((id.to_owned(), method.to_uppercase(), path.clone()));
        }
    }
    out
}

/// The text of every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut String) {
    for entry in fs::read_dir(dir).expect("read a source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&fs::read_to_string(&path).expect("read a source file"));
        }
    }
}

fn mentions_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !part(before) && !part(after)
    })
}

#[test]
fn every_operation_has_a_constant_with_the_spec_route() {
    let ops = spec_operations();
    assert!(ops.len() >= 76, "the spec's operations: {}", ops.len());
    for (id, method, path) in &ops {
        let op = by_id(id).unwrap_or_else(|| panic!("{id} has no constant in the table"));
        assert_eq!(
            (op.id, op.method, op.path),
            (id.as_str(), method.as_str(), path.as_str())
        );
    }
    assert_eq!(by_id("no_such_operation"), None);
}

#[test]
fn every_operation_has_a_raw_method_and_a_typed_method() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let raw = fs::read_to_string(Path::new(env!("OUT_DIR")).join("raw.rs")).expect("raw.rs");
    let mut typed = String::new();
    sources(&root.join("src/hasmcp"), &mut typed);
    sources(&root.join("src/getmcp"), &mut typed);
    let mut missing = Vec::new();
    for (id, _, _) in spec_operations() {
        assert!(
            raw.contains(&format!("pub fn {id}(")),
            "{id}: no method on the raw client"
        );
        let exempt = WITHOUT_TYPED_METHOD.iter().any(|(e, _)| *e == id);
        // A typed method runs an operation by its constant (`ops::HASMCP_GET_SERVER`).
        if !exempt && !mentions_word(&typed, &id.to_uppercase()) {
            missing.push(id);
        }
    }
    assert_eq!(
        missing,
        Vec::<String>::new(),
        "operations no typed method runs"
    );
}

#[test]
fn the_word_match_needs_whole_words() {
    assert!(mentions_word(
        "&ops::HASMCP_GET_SERVER,",
        "HASMCP_GET_SERVER"
    ));
    assert!(!mentions_word(
        "HASMCP_GET_SERVER_TOKEN",
        "HASMCP_GET_SERVER"
    ));
    assert!(!mentions_word("XHASMCP_GET_SERVER", "HASMCP_GET_SERVER"));
}
