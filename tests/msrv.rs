//! The declared `rust-version` holds for what is resolved: no dependency the library
//! builds with (every feature on, every target, dev-dependencies aside) declares a newer
//! one. Read from `cargo metadata`, so a `cargo update` that pulls in a dependency
//! needing a newer Rust fails here. Clippy's `incompatible_msrv` lint reads the same
//! `rust-version` (no `msrv` in clippy.toml overrides it), so `cargo clippy` in CI
//! refuses std APIs newer than it.

use std::{
    collections::{BTreeSet, HashMap},
    process::Command,
};

use serde_json::Value;

/// `1.89` or `1.89.0` as (1, 89, 0).
fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().expect(text));
    let mut next = || parts.next().unwrap_or(0);
    (next(), next(), next())
}

fn metadata() -> Value {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--all-features"])
        .args(["--manifest-path", manifest])
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// The packages the library builds with: reachable from the root through normal and
/// build dependencies.
fn library_dependencies(metadata: &Value) -> BTreeSet<String> {
    let resolve = &metadata["resolve"];
    let root = resolve["root"].as_str().expect("a root package").to_owned();
    let nodes: HashMap<&str, &Value> = resolve["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|node| (node["id"].as_str().expect("id"), node))
        .collect();
    let mut seen = BTreeSet::new();
    let mut stack = vec![root.clone()];
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        for dep in nodes[id.as_str()]["deps"].as_array().expect("deps") {
            let kinds = dep["dep_kinds"].as_array().expect("dep_kinds");
            if kinds.iter().any(|k| k["kind"].as_str() != Some("dev")) {
                stack.push(dep["pkg"].as_str().expect("pkg").to_owned());
            }
        }
    }
    seen.remove(&root);
    seen
}

#[test]
fn no_library_dependency_needs_a_newer_rust_than_declared() {
    let declared = env!("CARGO_PKG_RUST_VERSION");
    assert!(!declared.is_empty(), "Cargo.toml declares no rust-version");
    let metadata = metadata();
    let wanted = library_dependencies(&metadata);
    assert!(wanted.len() > 20, "too few dependencies read: {wanted:?}");
    let mut newer = Vec::new();
    let mut highest = (0, 0, 0);
    for package in metadata["packages"].as_array().expect("packages") {
        let id = package["id"].as_str().expect("id");
        let Some(needs) = package["rust_version"].as_str() else {
            continue;
        };
        if !wanted.contains(id) {
            continue;
        }
        highest = highest.max(version(needs));
        if version(needs) > version(declared) {
            newer.push(format!(
                "{} {} needs {needs}",
                package["name"], package["version"]
            ));
        }
    }
    assert!(
        newer.is_empty(),
        "rust-version {declared} is older than what these need: {newer:?}"
    );
    assert!(
        highest >= (1, 0, 0),
        "no dependency declared a rust-version"
    );
}

#[test]
fn clippy_reads_the_declared_rust_version() {
    let clippy = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/clippy.toml"))
        .unwrap_or_default();
    assert!(
        !clippy
            .lines()
            .any(|line| line.trim_start().starts_with("msrv")),
        "clippy.toml sets msrv: keep Cargo.toml's rust-version the one source"
    );
}

#[test]
fn versions_compare_by_number() {
    assert_eq!(version("1.89"), (1, 89, 0));
    assert!(version("1.100") > version("1.89.0"));
    assert!(version("1.89.1") > version("1.89"));
}
