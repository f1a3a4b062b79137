//! The schemas whose generated Rust the crate replaces with its own hand-written types.

use progenitor::TypeImpl;

/// Schemas whose generated Rust the crate replaces with its own types.
///
/// Bodies: generated `Option<T>` cannot send `null` or `[]` on request and drops
/// nothing it was not told to; our body types own exactly what goes on the wire.
/// Enums: generated enums reject unknown values; ours keep them as `Unknown(String)`.
/// Models: one hand-written model per concept, shared by the raw and typed clients.
pub(crate) const REPLACEMENTS: &[(&str, &str, &[TypeImpl])] = &[
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
    // The hosted service's server transfer: the export document, sent back as is.
    ("HasmcpServerExport", "crate::hasmcp::ServerExport", &[]),
    ("HasmcpPromptArgument", "crate::hasmcp::PromptArgument", &[]),
    ("HasmcpPromptMessage", "crate::hasmcp::PromptMessage", &[]),
    (
        "HasmcpVariableUpdated",
        "crate::hasmcp::UpdatedVariable",
        &[],
    ),
    (
        "HasmcpResourceUpdated",
        "crate::hasmcp::UpdatedResource",
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
    ("GetmcpToolCreate", "crate::getmcp::CreateToolBody", &[]),
    ("GetmcpToolUpdate", "crate::getmcp::UpdateToolBody", &[]),
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
    (
        "GetmcpResourceCreate",
        "crate::getmcp::CreateResourceBody",
        &[],
    ),
    (
        "GetmcpResourceUpdate",
        "crate::getmcp::UpdateResourceBody",
        &[],
    ),
    (
        "GetmcpDataSourceType",
        "crate::getmcp::DataSourceType",
        &[TypeImpl::Display],
    ),
    ("GetmcpPrompt", "crate::getmcp::Prompt", &[]),
    ("GetmcpPromptCreate", "crate::getmcp::CreatePromptBody", &[]),
    ("GetmcpPromptUpdate", "crate::getmcp::UpdatePromptBody", &[]),
    ("GetmcpPromptArgument", "crate::getmcp::PromptArgument", &[]),
];
