//! The operation table (`ops.rs`): one `Operation` constant per operationId, and `by_id`.

/// One `Operation` constant per operationId and `by_id`, the lookup the hooks use: an
/// operation's name, method and path come from the spec, never from a hand-kept list.
pub(crate) fn operation_table(spec: &openapiv3::OpenAPI) -> Result<String, String> {
    let mut consts = String::new();
    let mut arms = String::new();
    for (path, item) in spec.paths.iter() {
        let item = item.as_item().ok_or_else(|| {
            format!("$.paths['{path}'] is a $ref: path items must be written inline")
        })?;
        for (method, op) in item.iter() {
            let id = op
                .operation_id
                .as_deref()
                .ok_or_else(|| format!("$.paths['{path}'].{method} has no operationId"))?;
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
    let file = syn::parse_file(&code).map_err(|e| {
        format!("the operation table does not parse (an operationId that is not a Rust name?): {e}")
    })?;
    Ok(prettyplease::unparse(&file))
}
