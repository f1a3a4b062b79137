//! The rewrites of progenitor's output the crate depends on: no `api-version` header, no
//! unused struct builders, and the operations pointed at `transport/response.rs`. Each
//! counts what it changed so that `build.rs` can check nothing was missed.

use std::collections::BTreeSet;

/// Removes the `api-version` header progenitor adds to every request (the platforms
/// don't use it, and the transport would only remove it again), with the header map it
/// is built in and merged from when the operation has no header parameters. Returns
/// the number of operations changed.
pub(crate) fn drop_api_version_header(file: &mut syn::File) -> Result<usize, String> {
    let Some(builders) = module_items(&mut file.items, "builder") else {
        return Ok(0);
    };
    let mut changed = 0;
    for item in builders {
        let syn::Item::Impl(imp) = item else { continue };
        for member in &mut imp.items {
            let syn::ImplItem::Fn(f) = member else {
                continue;
            };
            if f.sig.ident == "send" && drop_api_version_in(&mut f.block.stmts)? {
                changed += 1;
            }
        }
    }
    Ok(changed)
}

/// In one `send` body: drops `header_map.append(…"api-version"…)`, then the
/// `let mut header_map` and `.headers(header_map)` when nothing else is appended.
fn drop_api_version_in(stmts: &mut Vec<syn::Stmt>) -> Result<bool, String> {
    let Some(at) = stmts.iter().position(is_api_version_append) else {
        return Ok(false);
    };
    stmts.remove(at);
    let Some(map) = stmts.iter().position(|s| local_named(s, "header_map")) else {
        return Ok(true);
    };
    // Header parameters are appended right after the map is created: with none, the
    // next statement is the request's `let`.
    if !stmts
        .get(map + 1)
        .is_some_and(|s| local_named(s, "request"))
    {
        return Ok(true);
    }
    stmts.remove(map);
    if let Some(syn::Stmt::Local(local)) = stmts.get_mut(map)
        && let Some(init) = &mut local.init
    {
        drop_headers_call(&mut init.expr)?;
    }
    Ok(true)
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
fn drop_headers_call(expr: &mut syn::Expr) -> Result<(), String> {
    let mut current = expr;
    loop {
        current = match current {
            syn::Expr::Try(t) => &mut *t.expr,
            syn::Expr::MethodCall(call) if call.method == "headers" => {
                let receiver = std::mem::replace(&mut *call.receiver, syn::Expr::PLACEHOLDER);
                *current = receiver;
                return Ok(());
            }
            syn::Expr::MethodCall(call) => &mut *call.receiver,
            _ => return Err("a generated request chain has no .headers(header_map)".into()),
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
pub(crate) struct CopyFreeCalls {
    pub(crate) decode: usize,
    pub(crate) empty: usize,
    pub(crate) path_segments: usize,
    pub(crate) unset_parameters: usize,
    pub(crate) parameter_checks: usize,
    /// Generated code of a shape the rewrites do not know: the build fails with it.
    problem: Option<String>,
}

impl syn::visit_mut::VisitMut for CopyFreeCalls {
    /// The URL is built in `format!`, whose arguments syn keeps as tokens: they are
    /// parsed, rewritten and put back.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if !mac.path.is_ident("format") {
            return;
        }
        type Args = syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>;
        let mut args = match mac.parse_body_with(Args::parse_terminated) {
            Ok(args) => args,
            Err(e) => return self.fail(format!("a format! in the generated code: {e}")),
        };
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
                    return self.fail("encode_path is not given a reference".into());
                };
                let syn::Expr::MethodCall(to_string) = &mut *arg.expr else {
                    return self.fail("encode_path is not given `&x.to_string()`".into());
                };
                if to_string.method != "to_string" || !to_string.args.is_empty() {
                    return self.fail("encode_path is not given `&x.to_string()`".into());
                }
                let value = std::mem::replace(&mut *to_string.receiver, syn::Expr::PLACEHOLDER);
                *expr = syn::parse_quote!(crate::transport::PathSegment(&#value));
                self.path_segments += 1;
            }
            _ => {}
        }
    }
}

impl CopyFreeCalls {
    /// Rewrites `file` and counts each kind of rewrite.
    pub(crate) fn apply(file: &mut syn::File) -> Result<Self, String> {
        let mut calls = CopyFreeCalls::default();
        syn::visit_mut::VisitMut::visit_file_mut(&mut calls, file);
        match calls.problem.take() {
            Some(problem) => Err(problem),
            None => Ok(calls),
        }
    }

    /// Keeps the first problem found; the visit goes on but the build will fail.
    fn fail(&mut self, problem: String) {
        self.problem.get_or_insert(problem);
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
pub(crate) fn drop_unused_struct_builders(file: &mut syn::File) {
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
