//! The generated client and operation table checked in under `src/generated/` are exactly
//! what `codegen/generate.rs` makes of `openapi.yaml`.
//!
//! `MCP_ADMIN_REGENERATE=1 cargo test --test codegen` writes them instead of comparing.

#[path = "../codegen/generate.rs"]
mod generate;

use std::{env, fs, path::Path};

#[test]
fn checked_in_client_and_operation_table_match_openapi_yaml() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = fs::read_to_string(root.join("openapi.yaml")).expect("read openapi.yaml");
    let (raw, ops) = generate::generate(&spec);
    let regenerate = env::var_os("MCP_ADMIN_REGENERATE").is_some_and(|v| v == "1");
    for (file, fresh) in [("src/generated/raw.rs", raw), ("src/generated/ops.rs", ops)] {
        let path = root.join(file);
        if regenerate {
            fs::write(&path, &fresh).unwrap_or_else(|e| panic!("write {file}: {e}"));
            continue;
        }
        let checked_in = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == fresh,
            "{file} is not what codegen/generate.rs makes of openapi.yaml; \
             regenerate it with `MCP_ADMIN_REGENERATE=1 cargo test --test codegen`"
        );
    }
}
