//! Reads `openapi.yaml` into progenitor's model; a problem is reported with the file and
//! the JSON path of the value at fault, so the build says where to look.

use std::path::Path;

use serde_path_to_error::Segment;

/// The OpenAPI document at `path`.
pub(crate) fn read(path: &Path) -> Result<openapiv3::OpenAPI, String> {
    let name = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let deserializer = serde_yaml_ng::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let (mut at, mut problem) = (json_path(e.path()), e.inner().to_string());
        // A path that stops at a `$ref`-or-item object: find the value inside it.
        if let Ok(doc) = serde_yaml_ng::from_str(&text)
            && let Some((inner_at, inner_problem)) = crate::locate::innermost_problem(&doc)
        {
            problem = format!("{inner_problem} (the reader stopped at {at}: {problem})");
            at = inner_at;
        }
        format!("{name} is not a valid OpenAPI 3.0 document: at {at}: {problem}")
    })
}

/// Where the problem `problem` (found by progenitor in the spec at `path`) is, when the
/// walk can tell.
pub(crate) fn locate(path: &Path, problem: String) -> String {
    let doc = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_yaml_ng::from_str(&text).ok());
    match doc.and_then(|doc| crate::locate::innermost_problem(&doc)) {
        Some((at, inner)) => format!("at {at}: {inner} ({problem})"),
        None => problem,
    }
}

/// `$.paths['/api/v1/servers'].get.responses`: keys that are identifiers after a dot,
/// the others quoted in brackets, list items by index.
pub(crate) fn json_path(path: &serde_path_to_error::Path) -> String {
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => out.push_str(&step(key)),
            Segment::Enum { variant } => out.push_str(&step(variant)),
            Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

/// One key as a JSON path step: `.get`, or `['/api/v1/servers']`.
pub(crate) fn step(key: &str) -> String {
    if is_identifier(key) {
        format!(".{key}")
    } else {
        format!("['{}']", key.replace('\'', "\\'"))
    }
}

fn is_identifier(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// How many operations the spec has.
pub(crate) fn operation_count(spec: &openapiv3::OpenAPI) -> usize {
    spec.paths
        .iter()
        .filter_map(|(_, item)| item.as_item())
        .map(|item| item.iter().count())
        .sum()
}
