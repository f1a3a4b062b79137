//! Reads `openapi.yaml` into progenitor's model; a problem is reported with the file and
//! the JSON path of the value at fault, so the build says where to look.

use std::{fmt::Write as _, path::Path};

use serde_path_to_error::Segment;

/// The OpenAPI document at `path`.
pub(crate) fn read(path: &Path) -> Result<openapiv3::OpenAPI, String> {
    let name = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let deserializer = serde_yaml_ng::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        format!(
            "{name} is not a valid OpenAPI 3.0 document: at {}: {}",
            json_path(e.path()),
            e.inner()
        )
    })
}

/// `$.paths['/api/v1/servers'].get.responses`: keys that are identifiers after a dot,
/// the others quoted in brackets, list items by index.
fn json_path(path: &serde_path_to_error::Path) -> String {
    let mut out = String::from("$");
    for segment in path.iter() {
        // Writing to a String cannot fail.
        let _ = match segment {
            Segment::Seq { index } => write!(out, "[{index}]"),
            Segment::Map { key } if is_identifier(key) => write!(out, ".{key}"),
            Segment::Map { key } => write!(out, "['{}']", key.replace('\'', "\\'")),
            Segment::Enum { variant } => write!(out, ".{variant}"),
            Segment::Unknown => write!(out, ".?"),
        };
    }
    out
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
