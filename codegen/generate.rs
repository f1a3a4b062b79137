//! Generates the low-level client (`mcp_admin::raw`) from `openapi.yaml` with progenitor,
//! and the table of operations (id, method, path template) the transport names them by.
//!
//! Not part of the library: `tests/codegen.rs` runs it, checks that the files checked in
//! under `src/generated/` are what it produces, and rewrites them with
//! `MCP_ADMIN_REGENERATE=1`. The library build then needs none of the generator's crates.

use std::collections::BTreeSet;

use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl};

/// Schemas whose generated Rust the crate replaces with its own types.
///
/// Bodies: generated `Option<T>` cannot send `null` or `[]` on request and drops
/// nothing it was not told to; our body types own exactly what goes on the wire.
/// Enums: generated enums reject unknown values; ours keep them as `Unknown(String)`.
/// Models: one hand-written model per concept, shared by the raw and typed clients.
const REPLACEMENTS: &[(&str, &str, &[TypeImpl])] = &[
    (
        "HasmcpServerId",
        "crate::hasmcp::ServerId",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    ("HasmcpServer", "crate::hasmcp::Server", &[]),
    ("HasmcpServerEnvelope", "crate::hasmcp::ServerEnvelope", &[]),
    ("HasmcpProvider", "crate::hasmcp::Provider", &[]),
    ("HasmcpTool", "crate::hasmcp::Tool", &[]),
    ("HasmcpToolHeader", "crate::hasmcp::ToolHeader", &[]),
    ("HasmcpOAuth2Config", "crate::hasmcp::OAuth2Config", &[]),
    ("HasmcpResource", "crate::hasmcp::Resource", &[]),
    ("HasmcpPrompt", "crate::hasmcp::Prompt", &[]),
    (
        "HasmcpApiType",
        "crate::hasmcp::ApiType",
        &[TypeImpl::Display],
    ),
    (
        "HasmcpVisibilityType",
        "crate::hasmcp::VisibilityType",
        &[TypeImpl::Display],
    ),
    (
        "HasmcpToolMethod",
        "crate::hasmcp::ToolMethod",
        &[TypeImpl::Display],
    ),
    (
        "HasmcpUpdateServerRequest",
        "crate::hasmcp::UpdateServerBody",
        &[],
    ),
    (
        "HasmcpServerUpdate",
        "crate::hasmcp::UpdateServerFields",
        &[],
    ),
    ("HasmcpProviderRef", "crate::hasmcp::ProviderRef", &[]),
    ("HasmcpIdRef", "crate::hasmcp::IdRef", &[]),
    // HasMCP servers: the other id kinds their routes take, the create body, the link
    // rows and the MCP client token (whose value is a secret).
    (
        "HasmcpProviderId",
        "crate::hasmcp::ProviderId",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "HasmcpToolId",
        "crate::hasmcp::ToolId",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "HasmcpResourceId",
        "crate::hasmcp::ResourceId",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "HasmcpPromptId",
        "crate::hasmcp::PromptId",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "HasmcpTokenId",
        "crate::hasmcp::TokenId",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "HasmcpCreateServerRequest",
        "crate::hasmcp::CreateServerBody",
        &[],
    ),
    (
        "HasmcpServerCreate",
        "crate::hasmcp::CreateServerFields",
        &[],
    ),
    ("HasmcpServerToolLink", "crate::hasmcp::ServerToolLink", &[]),
    (
        "HasmcpServerResourceLink",
        "crate::hasmcp::ServerResourceLink",
        &[],
    ),
    (
        "HasmcpServerPromptLink",
        "crate::hasmcp::ServerPromptLink",
        &[],
    ),
    ("HasmcpServerToken", "crate::hasmcp::ServerToken", &[]),
    (
        "GetmcpServerRef",
        "crate::getmcp::ServerRef",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    ("GetmcpServer", "crate::getmcp::Server", &[]),
    ("GetmcpServerUpdate", "crate::getmcp::UpdateServerBody", &[]),
    (
        "GetmcpServerStatus",
        "crate::getmcp::ServerStatus",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpAuthType",
        "crate::getmcp::AuthType",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpOutboundAuthType",
        "crate::getmcp::OutboundAuthType",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpTransportType",
        "crate::getmcp::TransportType",
        &[TypeImpl::Display],
    ),
    // GetMCP servers: the credentials status a server reports (flags only, no secrets).
    (
        "GetmcpCredentialsStatus",
        "crate::getmcp::CredentialsStatus",
        &[],
    ),
    // HasMCP catalog: providers and their tools, variables, resources, prompts. The
    // variable id gets its own kind (the other kinds are replaced above); envelopes and
    // lists decode only from objects; create and update bodies send only what the
    // builders set.
    (
        "HasmcpVariableId",
        "crate::hasmcp::VariableId",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    ("HasmcpProviderList", "crate::hasmcp::ProviderList", &[]),
    (
        "HasmcpProviderEnvelope",
        "crate::hasmcp::ProviderEnvelope",
        &[],
    ),
    (
        "HasmcpProviderCreate",
        "crate::hasmcp::CreateProviderFields",
        &[],
    ),
    (
        "HasmcpProviderUpdate",
        "crate::hasmcp::UpdateProviderFields",
        &[],
    ),
    ("HasmcpToolList", "crate::hasmcp::ToolList", &[]),
    ("HasmcpToolEnvelope", "crate::hasmcp::ToolEnvelope", &[]),
    (
        "HasmcpProviderToolCreate",
        "crate::hasmcp::CreateProviderToolFields",
        &[],
    ),
    (
        "HasmcpProviderToolUpdate",
        "crate::hasmcp::UpdateProviderToolFields",
        &[],
    ),
    (
        "HasmcpVariableType",
        "crate::hasmcp::VariableType",
        &[TypeImpl::Display],
    ),
    ("HasmcpVariable", "crate::hasmcp::Variable", &[]),
    ("HasmcpVariableList", "crate::hasmcp::VariableList", &[]),
    (
        "HasmcpVariableEnvelope",
        "crate::hasmcp::VariableEnvelope",
        &[],
    ),
    (
        "HasmcpVariableCreate",
        "crate::hasmcp::CreateVariableFields",
        &[],
    ),
    (
        "HasmcpVariableUpdate",
        "crate::hasmcp::UpdateVariableFields",
        &[],
    ),
    ("HasmcpResourceList", "crate::hasmcp::ResourceList", &[]),
    (
        "HasmcpResourceEnvelope",
        "crate::hasmcp::ResourceEnvelope",
        &[],
    ),
    (
        "HasmcpResourceCreate",
        "crate::hasmcp::CreateResourceFields",
        &[],
    ),
    (
        "HasmcpResourceUpdate",
        "crate::hasmcp::UpdateResourceFields",
        &[],
    ),
    ("HasmcpPromptList", "crate::hasmcp::PromptList", &[]),
    ("HasmcpPromptEnvelope", "crate::hasmcp::PromptEnvelope", &[]),
    (
        "HasmcpPromptCreate",
        "crate::hasmcp::CreatePromptFields",
        &[],
    ),
    (
        "HasmcpPromptUpdate",
        "crate::hasmcp::UpdatePromptFields",
        &[],
    ),
    // GetMCP lists, creates, and a server's tools, resources and prompts.
    ("GetmcpServerCreate", "crate::getmcp::CreateServerBody", &[]),
    (
        "GetmcpServerOrderBy",
        "crate::getmcp::ServerOrderBy",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpSortOrder",
        "crate::getmcp::SortOrder",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpToolRef",
        "crate::getmcp::ToolRef",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    ("GetmcpTool", "crate::getmcp::Tool", &[]),
    ("GetmcpToolCreate", "crate::getmcp::ToolBody", &[]),
    ("GetmcpToolUpdate", "crate::getmcp::ToolBody", &[]),
    (
        "GetmcpHttpMethod",
        "crate::getmcp::HttpMethod",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpToolStatus",
        "crate::getmcp::ToolStatus",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpRetryBackoff",
        "crate::getmcp::RetryBackoff",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpParameterTarget",
        "crate::getmcp::ParameterTarget",
        &[TypeImpl::Display],
    ),
    (
        "GetmcpParameterMapping",
        "crate::getmcp::ParameterMapping",
        &[],
    ),
    ("GetmcpResource", "crate::getmcp::Resource", &[]),
    ("GetmcpResourceCreate", "crate::getmcp::ResourceBody", &[]),
    ("GetmcpResourceUpdate", "crate::getmcp::ResourceBody", &[]),
    (
        "GetmcpDataSourceType",
        "crate::getmcp::DataSourceType",
        &[TypeImpl::Display],
    ),
    ("GetmcpPrompt", "crate::getmcp::Prompt", &[]),
    ("GetmcpPromptCreate", "crate::getmcp::PromptBody", &[]),
    ("GetmcpPromptUpdate", "crate::getmcp::PromptBody", &[]),
    ("GetmcpPromptArgument", "crate::getmcp::PromptArgument", &[]),
];

/// The first lines of each generated file: where it comes from and how to remake it.
const HEADER: &str = "\
// Generated from openapi.yaml by codegen/generate.rs: do not edit.
// Regenerate with `MCP_ADMIN_REGENERATE=1 cargo test --test codegen`.

";

/// The client (`src/generated/raw.rs`) and the operation table
/// (`src/generated/ops.rs`) for the spec `spec_text`, headers included.
pub fn generate(spec_text: &str) -> (String, String) {
    let spec: openapiv3::OpenAPI = serde_yaml_ng::from_str(spec_text).expect("parse openapi.yaml");

    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_hooks(HooksMode::Expected)
        .with_inner_type(quote_path("crate::transport::Transport"))
        .with_derive("PartialEq");
    for (schema, path, impls) in REPLACEMENTS {
        settings.with_replacement(schema, path, impls.iter().cloned());
    }

    let mut generator = Generator::new(&settings);
    let tokens = generator
        .generate_tokens(&spec)
        .expect("generate the client from openapi.yaml");
    let mut ast: syn::File = syn::parse2(tokens).expect("generated code parses");
    let operations = drop_api_version_header(&mut ast);
    assert_eq!(
        operations,
        operation_count(&spec),
        "every generated operation had its api-version header dropped"
    );
    drop_unused_struct_builders(&mut ast);
    let progenitor_text = prettyplease::unparse(&ast);
    let calls = CopyFreeCalls::apply(&mut ast);
    assert_eq!(
        (calls.decode, calls.empty),
        (
            progenitor_text
                .matches("ResponseValue::from_response(")
                .count(),
            progenitor_text.matches("ResponseValue::empty(").count(),
        ),
        "every response helper call was replaced"
    );
    assert!(calls.path_segments > 0, "path parameters were found");
    assert_eq!(
        calls.unset_parameters,
        progenitor_text
            .matches(" was not initialized\".to_string()")
            .count(),
        "every required parameter starts out unset without a message"
    );
    assert_eq!(
        calls.parameter_checks,
        progenitor_text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("let ") && l.ends_with(".map_err(Error::InvalidRequest)?;"))
            .count(),
        "every parameter check of a plain parameter writes the message"
    );
    let raw = format!("{HEADER}{}", prettyplease::unparse(&ast));
    let ops = format!("{HEADER}{}", operation_table(&spec));
    (raw, ops)
}

/// Removes the `api-version` header progenitor adds to every request (the platforms
/// don't use it, and the transport would only remove it again), with the header map it
/// is built in and merged from when the operation has no header parameters. Returns
/// the number of operations changed.
fn drop_api_version_header(file: &mut syn::File) -> usize {
    let Some(builders) = module_items(&mut file.items, "builder") else {
        return 0;
    };
    let mut changed = 0;
    for item in builders {
        let syn::Item::Impl(imp) = item else { continue };
        for member in &mut imp.items {
            let syn::ImplItem::Fn(f) = member else {
                continue;
            };
            if f.sig.ident == "send" && drop_api_version_in(&mut f.block.stmts) {
                changed += 1;
            }
        }
    }
    changed
}

/// In one `send` body: drops `header_map.append(…"api-version"…)`, then the
/// `let mut header_map` and `.headers(header_map)` when nothing else is appended.
fn drop_api_version_in(stmts: &mut Vec<syn::Stmt>) -> bool {
    let Some(at) = stmts.iter().position(is_api_version_append) else {
        return false;
    };
    stmts.remove(at);
    let Some(map) = stmts.iter().position(|s| local_named(s, "header_map")) else {
        return true;
    };
    // Header parameters are appended right after the map is created: with none, the
    // next statement is the request's `let`.
    if !stmts
        .get(map + 1)
        .is_some_and(|s| local_named(s, "request"))
    {
        return true;
    }
    stmts.remove(map);
    if let Some(syn::Stmt::Local(local)) = stmts.get_mut(map) {
        if let Some(init) = &mut local.init {
            drop_headers_call(&mut init.expr);
        }
    }
    true
}

/// `header_map.append(HeaderName::from_static("api-version"), …);`
fn is_api_version_append(stmt: &syn::Stmt) -> bool {
    let syn::Stmt::Expr(syn::Expr::MethodCall(call), _) = stmt else {
        return false;
    };
    let Some(syn::Expr::Call(name)) = call.args.first() else {
        return false;
    };
    call.method == "append"
        && name.args.iter().any(|arg| {
            matches!(arg, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) if s.value() == "api-version")
        })
}

/// `let [mut] <name> = …;`
fn local_named(stmt: &syn::Stmt, name: &str) -> bool {
    let syn::Stmt::Local(local) = stmt else {
        return false;
    };
    matches!(&local.pat, syn::Pat::Ident(p) if p.ident == name)
}

/// Removes `.headers(header_map)` from the method chain `expr` (`… .build()?`).
fn drop_headers_call(expr: &mut syn::Expr) {
    let mut current = expr;
    loop {
        current = match current {
            syn::Expr::Try(t) => &mut *t.expr,
            syn::Expr::MethodCall(call) if call.method == "headers" => {
                let receiver = std::mem::replace(&mut *call.receiver, syn::Expr::PLACEHOLDER);
                *current = receiver;
                return;
            }
            syn::Expr::MethodCall(call) => &mut *call.receiver,
            _ => panic!("the generated request chain has no .headers(header_map)"),
        };
    }
}

/// Points the operations at the transport's helpers (`crate::transport::response`)
/// where progenitor-client's would copy on every request:
/// `ResponseValue::from_response(r)` → `crate::transport::decode(r)`,
/// `ResponseValue::empty(r)` → `crate::transport::empty(r)` (both move the headers
/// instead of cloning them), and `encode_path(&x.to_string())` →
/// `crate::transport::PathSegment(&x)` (encoded as the URL is formatted, with no
/// intermediate strings; the same bytes).
///
/// And a required parameter starts out as `Err(String::new())` rather than
/// `Err("x was not initialized".to_string())`, allocated by every operation and dropped
/// when the parameter is set: `send` writes the message only when it is still unset
/// (`crate::transport::invalid_request`), so the error reads as before.
#[derive(Default)]
struct CopyFreeCalls {
    decode: usize,
    empty: usize,
    path_segments: usize,
    unset_parameters: usize,
    parameter_checks: usize,
}

impl syn::visit_mut::VisitMut for CopyFreeCalls {
    /// The URL is built in `format!`, whose arguments syn keeps as tokens: they are
    /// parsed, rewritten and put back.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if !mac.path.is_ident("format") {
            return;
        }
        type Args = syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>;
        let mut args = mac
            .parse_body_with(Args::parse_terminated)
            .expect("format! arguments parse");
        for arg in args.iter_mut() {
            self.visit_expr_mut(arg);
        }
        mac.tokens = syn::parse_quote!(#args);
    }

    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        if let syn::Expr::MethodCall(call) = expr {
            self.parameter_check(call);
            return;
        }
        let syn::Expr::Call(call) = expr else { return };
        let syn::Expr::Path(func) = &mut *call.func else {
            return;
        };
        let segments: Vec<String> = func
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segments.as_slice() {
            ["ResponseValue", "from_response"] => {
                func.path = syn::parse_quote!(crate::transport::decode);
                self.decode += 1;
            }
            ["ResponseValue", "empty"] => {
                func.path = syn::parse_quote!(crate::transport::empty);
                self.empty += 1;
            }
            ["Err"] if is_unset_message(call.args.first()) => {
                *expr = syn::parse_quote!(Err(String::new()));
                self.unset_parameters += 1;
            }
            ["encode_path"] => {
                let Some(syn::Expr::Reference(arg)) = call.args.first_mut() else {
                    panic!("encode_path takes a reference")
                };
                let syn::Expr::MethodCall(to_string) = &mut *arg.expr else {
                    panic!("encode_path is given `&x.to_string()`")
                };
                assert!(to_string.method == "to_string" && to_string.args.is_empty());
                let value = std::mem::replace(&mut *to_string.receiver, syn::Expr::PLACEHOLDER);
                *expr = syn::parse_quote!(crate::transport::PathSegment(&#value));
                self.path_segments += 1;
            }
            _ => {}
        }
    }
}

impl CopyFreeCalls {
    fn apply(file: &mut syn::File) -> Self {
        let mut calls = CopyFreeCalls::default();
        syn::visit_mut::VisitMut::visit_file_mut(&mut calls, file);
        calls
    }

    /// `x.map_err(Error::InvalidRequest)` →
    /// `x.map_err(|e| crate::transport::invalid_request(e, "x was not initialized"))`.
    fn parameter_check(&mut self, call: &mut syn::ExprMethodCall) {
        let syn::Expr::Path(receiver) = &*call.receiver else {
            return;
        };
        let Some(name) = receiver.path.get_ident().map(ToString::to_string) else {
            return;
        };
        let is_invalid_request = matches!(
            call.args.first(),
            Some(syn::Expr::Path(p)) if p.path.segments.last().is_some_and(|s| s.ident == "InvalidRequest")
        );
        if call.method != "map_err" || call.args.len() != 1 || !is_invalid_request {
            return;
        }
        let message = format!("{name} was not initialized");
        call.args[0] = syn::parse_quote!(|e| crate::transport::invalid_request(e, #message));
        self.parameter_checks += 1;
    }
}

/// Whether `arg` is `"x was not initialized".to_string()`, the initial value progenitor
/// gives a required parameter.
fn is_unset_message(arg: Option<&syn::Expr>) -> bool {
    let Some(syn::Expr::MethodCall(call)) = arg else {
        return false;
    };
    let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(text),
        ..
    }) = &*call.receiver
    else {
        return false;
    };
    call.method == "to_string" && text.value().ends_with(" was not initialized")
}

/// typify writes a builder struct (setters, conversions) for every generated type;
/// the operation builders use only those of request bodies (`body_map`). The others,
/// and their `Type::builder()` constructors, are dropped.
fn drop_unused_struct_builders(file: &mut syn::File) {
    let used = used_struct_builders(file);
    let Some(types) = module_items(&mut file.items, "types") else {
        return;
    };
    if let Some(builders) = module_items(types, "builder") {
        builders.retain(|item| item_type_name(item).is_none_or(|name| used.contains(&name)));
    }
    types.retain_mut(|item| {
        let syn::Item::Impl(imp) = item else {
            return true;
        };
        let kept =
            imp.trait_.is_some() || type_name(&imp.self_ty).is_none_or(|n| used.contains(&n));
        if kept {
            return true;
        }
        imp.items
            .retain(|m| !matches!(m, syn::ImplItem::Fn(f) if f.sig.ident == "builder"));
        !imp.items.is_empty()
    });
}

/// The names `N` of every `types::builder::N` the operation builders refer to.
fn used_struct_builders(file: &syn::File) -> BTreeSet<String> {
    // Read from the printed code: the paths sit deep in generic bounds and closures.
    let code = prettyplease::unparse(file);
    code.split("types::builder::")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

/// The items of module `name` among `items`.
fn module_items<'a>(items: &'a mut [syn::Item], name: &str) -> Option<&'a mut Vec<syn::Item>> {
    items.iter_mut().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == name => m.content.as_mut().map(|(_, items)| items),
        _ => None,
    })
}

/// The type a struct defines or an impl is for.
fn item_type_name(item: &syn::Item) -> Option<String> {
    match item {
        syn::Item::Struct(s) => Some(s.ident.to_string()),
        syn::Item::Impl(imp) => type_name(&imp.self_ty),
        _ => None,
    }
}

/// The last segment of a path type: `Foo` for `super::Foo`.
fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// How many operations the spec has.
fn operation_count(spec: &openapiv3::OpenAPI) -> usize {
    spec.paths
        .iter()
        .filter_map(|(_, item)| item.as_item())
        .map(|item| item.iter().count())
        .sum()
}

/// One `Operation` constant per operationId and `by_id`, the lookup the hooks use: an
/// operation's name, method and path come from the spec, never from a hand-kept list.
fn operation_table(spec: &openapiv3::OpenAPI) -> String {
    let mut consts = String::new();
    let mut arms = String::new();
    for (path, item) in spec.paths.iter() {
        let item = item
            .as_item()
            .expect("path items are inline, not references");
        for (method, op) in item.iter() {
            let id = op
                .operation_id
                .as_deref()
                .expect("every operation has an operationId");
            let name = id.to_uppercase();
            let method = method.to_uppercase();
            consts.push_str(&format!(
                "/// `{method} {path}`\n\
                 pub(crate) const {name}: Operation = Operation {{ \
                 id: {id:?}, method: {method:?}, path: {path:?} }};\n"
            ));
            arms.push_str(&format!("{id:?} => Some(&{name}),\n"));
        }
    }
    let code = format!(
        "{consts}\n\
         /// The operation with this operationId, if the spec has one.\n\
         pub(crate) fn by_id(id: &str) -> Option<&'static Operation> {{\n\
         match id {{ {arms} _ => None }}\n}}\n"
    );
    let file = syn::parse_file(&code).expect("the operation table parses");
    prettyplease::unparse(&file)
}

fn quote_path(path: &str) -> proc_macro2::TokenStream {
    path.parse().expect("a valid Rust path")
}
