//! Generates the low-level client (`mcp_admin::raw`) from `openapi.yaml` with progenitor,
//! and the table of operations (id, method, path template) the transport names them by,
//! into `$OUT_DIR/raw.rs` and `$OUT_DIR/ops.rs`.
//!
//! progenitor's output is then rewritten where the crate depends on it (`build/rewrite.rs`),
//! and each rewrite is counted against what progenitor wrote, so a progenitor release that
//! changes its output fails the build here rather than compiling into something else.
//! The build needs no network and no tool outside Cargo.

use std::{
    env,
    path::{Path, PathBuf},
    process::ExitCode,
};

use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle};

#[path = "build/locate.rs"]
mod locate;
#[path = "build/ops_table.rs"]
mod ops_table;
#[path = "build/replacements.rs"]
mod replacements;
#[path = "build/rewrite.rs"]
mod rewrite;
#[path = "build/spec.rs"]
mod spec;

/// The spec, relative to the package root.
const SPEC: &str = "openapi.yaml";

/// The first lines of each generated file: where it comes from.
const HEADER: &str = "// Generated from openapi.yaml by build.rs: do not edit.\n\n";

fn main() -> ExitCode {
    // Only what generation reads: editing src/ never runs this again.
    for input in ["build.rs", "build", SPEC] {
        println!("cargo:rerun-if-changed={input}");
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(var("CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(var("OUT_DIR")?);
    let spec = spec::read(&root.join(SPEC))?;
    let raw = client(&spec).map_err(|e| {
        let at = spec::locate(&root.join(SPEC), e);
        format!("generating the client from {SPEC}: {at}")
    })?;
    let ops = ops_table::operation_table(&spec).map_err(|e| format!("{SPEC}: {e}"))?;
    write(&out.join("raw.rs"), &format!("{HEADER}{raw}"))?;
    write(&out.join("ops.rs"), &format!("{HEADER}{ops}"))
}

/// The client progenitor generates for `spec`, rewritten.
fn client(spec: &openapiv3::OpenAPI) -> Result<String, String> {
    let inner = "crate::transport::Transport"
        .parse()
        .map_err(|e| format!("the inner type's path: {e}"))?;
    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_hooks(HooksMode::Expected)
        .with_inner_type(inner)
        .with_derive("PartialEq");
    for (schema, path, impls) in replacements::REPLACEMENTS {
        settings.with_replacement(schema, path, impls.iter().cloned());
    }

    let tokens = without_panics(|| Generator::new(&settings).generate_tokens(spec))?
        .map_err(|e| e.to_string())?;
    let mut ast: syn::File =
        syn::parse2(tokens).map_err(|e| format!("progenitor's output does not parse: {e}"))?;
    let operations = rewrite::drop_api_version_header(&mut ast)?;
    check(
        operations == spec::operation_count(spec),
        "every generated operation had its api-version header dropped",
    )?;
    rewrite::drop_unused_struct_builders(&mut ast);
    let progenitor_text = prettyplease::unparse(&ast);
    let calls = rewrite::CopyFreeCalls::apply(&mut ast)?;
    check(
        calls.decode
            == progenitor_text
                .matches("ResponseValue::from_response(")
                .count()
            && calls.empty == progenitor_text.matches("ResponseValue::empty(").count(),
        "every response helper call was replaced",
    )?;
    check(calls.path_segments > 0, "path parameters were found")?;
    check(
        calls.unset_parameters
            == progenitor_text
                .matches(" was not initialized\".to_string()")
                .count(),
        "every required parameter starts out unset without a message",
    )?;
    let plain_checks = progenitor_text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("let ") && l.ends_with(".map_err(Error::InvalidRequest)?;"))
        .count();
    check(
        calls.parameter_checks == plain_checks,
        "every parameter check of a plain parameter writes the message",
    )?;
    Ok(prettyplease::unparse(&ast))
}

/// Runs `f`, turning a panic (progenitor has `todo!()`s for schemas it cannot generate)
/// into an error with its message, which `main` prints without a backtrace.
fn without_panics<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("progenitor stopped: {message}")
    })
}

/// A rewrite's count against progenitor's output: a mismatch means progenitor now writes
/// code of a shape the rewrites do not know.
fn check(held: bool, what: &str) -> Result<(), String> {
    if held {
        Ok(())
    } else {
        Err(format!(
            "progenitor's output changed shape: not true that {what}"
        ))
    }
}

fn var(name: &str) -> Result<String, String> {
    env::var(name).map_err(|e| format!("{name}: {e} (run by Cargo only)"))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
