//! Generates the low-level client (`mcp_admin::raw`) from `openapi.yaml` with progenitor,
//! and the table of operations (id, method, path template) the transport names them by.
//!
//! Only `openapi.yaml` and this file trigger a re-run: editing `src/` never regenerates.

use std::{env, fs, path::PathBuf};

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
    ("HasmcpServerUpdate", "crate::hasmcp::ServerUpdate", &[]),
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
    ("HasmcpServerCreate", "crate::hasmcp::ServerCreate", &[]),
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
    ("HasmcpProviderCreate", "crate::hasmcp::ProviderCreate", &[]),
    ("HasmcpProviderUpdate", "crate::hasmcp::ProviderUpdate", &[]),
    ("HasmcpToolList", "crate::hasmcp::ToolList", &[]),
    ("HasmcpToolEnvelope", "crate::hasmcp::ToolEnvelope", &[]),
    ("HasmcpProviderToolCreate", "crate::hasmcp::ToolCreate", &[]),
    ("HasmcpProviderToolUpdate", "crate::hasmcp::ToolUpdate", &[]),
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
    ("HasmcpVariableCreate", "crate::hasmcp::VariableCreate", &[]),
    ("HasmcpVariableUpdate", "crate::hasmcp::VariableUpdate", &[]),
    ("HasmcpResourceList", "crate::hasmcp::ResourceList", &[]),
    (
        "HasmcpResourceEnvelope",
        "crate::hasmcp::ResourceEnvelope",
        &[],
    ),
    ("HasmcpResourceCreate", "crate::hasmcp::ResourceCreate", &[]),
    ("HasmcpResourceUpdate", "crate::hasmcp::ResourceUpdate", &[]),
    ("HasmcpPromptList", "crate::hasmcp::PromptList", &[]),
    ("HasmcpPromptEnvelope", "crate::hasmcp::PromptEnvelope", &[]),
    ("HasmcpPromptCreate", "crate::hasmcp::PromptCreate", &[]),
    ("HasmcpPromptUpdate", "crate::hasmcp::PromptUpdate", &[]),
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

fn main() {
    println!("cargo:rerun-if-changed=openapi.yaml");
    println!("cargo:rerun-if-changed=build.rs");

    let text = fs::read_to_string("openapi.yaml").expect("read openapi.yaml");
    let spec: openapiv3::OpenAPI = serde_yaml_ng::from_str(&text).expect("parse openapi.yaml");

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
    let ast = syn::parse2(tokens).expect("generated code parses");
    let code = prettyplease::unparse(&ast);

    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR is set by cargo"));
    fs::write(out_dir.join("raw.rs"), code).expect("write the generated client");
    fs::write(out_dir.join("ops.rs"), operation_table(&spec)).expect("write the operation table");
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
