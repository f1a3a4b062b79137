// Generated from openapi.yaml by codegen/generate.rs: do not edit.
// Regenerate with `MCP_ADMIN_REGENERATE=1 cargo test --test codegen`.

/// `GET /api/v1/servers`
pub(crate) const HASMCP_LIST_SERVERS: Operation = Operation {
    id: "hasmcp_list_servers",
    method: "GET",
    path: "/api/v1/servers",
};
/// `POST /api/v1/servers`
pub(crate) const HASMCP_CREATE_SERVER: Operation = Operation {
    id: "hasmcp_create_server",
    method: "POST",
    path: "/api/v1/servers",
};
/// `GET /api/v1/servers/{id}`
pub(crate) const HASMCP_GET_SERVER: Operation = Operation {
    id: "hasmcp_get_server",
    method: "GET",
    path: "/api/v1/servers/{id}",
};
/// `DELETE /api/v1/servers/{id}`
pub(crate) const HASMCP_DELETE_SERVER: Operation = Operation {
    id: "hasmcp_delete_server",
    method: "DELETE",
    path: "/api/v1/servers/{id}",
};
/// `PATCH /api/v1/servers/{id}`
pub(crate) const HASMCP_UPDATE_SERVER: Operation = Operation {
    id: "hasmcp_update_server",
    method: "PATCH",
    path: "/api/v1/servers/{id}",
};
/// `GET /api/v1/servers/{id}/tools`
pub(crate) const HASMCP_LIST_SERVER_TOOLS: Operation = Operation {
    id: "hasmcp_list_server_tools",
    method: "GET",
    path: "/api/v1/servers/{id}/tools",
};
/// `POST /api/v1/servers/{id}/tools`
pub(crate) const HASMCP_ATTACH_TOOL: Operation = Operation {
    id: "hasmcp_attach_tool",
    method: "POST",
    path: "/api/v1/servers/{id}/tools",
};
/// `DELETE /api/v1/servers/{id}/tools/{toolID}`
pub(crate) const HASMCP_DETACH_TOOL: Operation = Operation {
    id: "hasmcp_detach_tool",
    method: "DELETE",
    path: "/api/v1/servers/{id}/tools/{toolID}",
};
/// `GET /api/v1/servers/{id}/resources`
pub(crate) const HASMCP_LIST_SERVER_RESOURCES: Operation = Operation {
    id: "hasmcp_list_server_resources",
    method: "GET",
    path: "/api/v1/servers/{id}/resources",
};
/// `POST /api/v1/servers/{id}/resources`
pub(crate) const HASMCP_ATTACH_RESOURCE: Operation = Operation {
    id: "hasmcp_attach_resource",
    method: "POST",
    path: "/api/v1/servers/{id}/resources",
};
/// `DELETE /api/v1/servers/{id}/resources/{resourceID}`
pub(crate) const HASMCP_DETACH_RESOURCE: Operation = Operation {
    id: "hasmcp_detach_resource",
    method: "DELETE",
    path: "/api/v1/servers/{id}/resources/{resourceID}",
};
/// `GET /api/v1/servers/{id}/prompts`
pub(crate) const HASMCP_LIST_SERVER_PROMPTS: Operation = Operation {
    id: "hasmcp_list_server_prompts",
    method: "GET",
    path: "/api/v1/servers/{id}/prompts",
};
/// `POST /api/v1/servers/{id}/prompts`
pub(crate) const HASMCP_ATTACH_PROMPT: Operation = Operation {
    id: "hasmcp_attach_prompt",
    method: "POST",
    path: "/api/v1/servers/{id}/prompts",
};
/// `DELETE /api/v1/servers/{id}/prompts/{promptID}`
pub(crate) const HASMCP_DETACH_PROMPT: Operation = Operation {
    id: "hasmcp_detach_prompt",
    method: "DELETE",
    path: "/api/v1/servers/{id}/prompts/{promptID}",
};
/// `GET /api/v1/servers/{id}/tokens`
pub(crate) const HASMCP_LIST_SERVER_TOKENS: Operation = Operation {
    id: "hasmcp_list_server_tokens",
    method: "GET",
    path: "/api/v1/servers/{id}/tokens",
};
/// `POST /api/v1/servers/{id}/tokens`
pub(crate) const HASMCP_CREATE_SERVER_TOKEN: Operation = Operation {
    id: "hasmcp_create_server_token",
    method: "POST",
    path: "/api/v1/servers/{id}/tokens",
};
/// `DELETE /api/v1/servers/{id}/tokens/{tokenID}`
pub(crate) const HASMCP_REVOKE_SERVER_TOKEN: Operation = Operation {
    id: "hasmcp_revoke_server_token",
    method: "DELETE",
    path: "/api/v1/servers/{id}/tokens/{tokenID}",
};
/// `GET /api/v1/providers`
pub(crate) const HASMCP_LIST_PROVIDERS: Operation = Operation {
    id: "hasmcp_list_providers",
    method: "GET",
    path: "/api/v1/providers",
};
/// `POST /api/v1/providers`
pub(crate) const HASMCP_CREATE_PROVIDER: Operation = Operation {
    id: "hasmcp_create_provider",
    method: "POST",
    path: "/api/v1/providers",
};
/// `GET /api/v1/providers/{id}`
pub(crate) const HASMCP_GET_PROVIDER: Operation = Operation {
    id: "hasmcp_get_provider",
    method: "GET",
    path: "/api/v1/providers/{id}",
};
/// `DELETE /api/v1/providers/{id}`
pub(crate) const HASMCP_DELETE_PROVIDER: Operation = Operation {
    id: "hasmcp_delete_provider",
    method: "DELETE",
    path: "/api/v1/providers/{id}",
};
/// `PATCH /api/v1/providers/{id}`
pub(crate) const HASMCP_UPDATE_PROVIDER: Operation = Operation {
    id: "hasmcp_update_provider",
    method: "PATCH",
    path: "/api/v1/providers/{id}",
};
/// `GET /api/v1/providers/{id}/tools`
pub(crate) const HASMCP_LIST_PROVIDER_TOOLS: Operation = Operation {
    id: "hasmcp_list_provider_tools",
    method: "GET",
    path: "/api/v1/providers/{id}/tools",
};
/// `POST /api/v1/providers/{id}/tools`
pub(crate) const HASMCP_CREATE_PROVIDER_TOOL: Operation = Operation {
    id: "hasmcp_create_provider_tool",
    method: "POST",
    path: "/api/v1/providers/{id}/tools",
};
/// `GET /api/v1/providers/{id}/tools/{toolID}`
pub(crate) const HASMCP_GET_PROVIDER_TOOL: Operation = Operation {
    id: "hasmcp_get_provider_tool",
    method: "GET",
    path: "/api/v1/providers/{id}/tools/{toolID}",
};
/// `DELETE /api/v1/providers/{id}/tools/{toolID}`
pub(crate) const HASMCP_DELETE_PROVIDER_TOOL: Operation = Operation {
    id: "hasmcp_delete_provider_tool",
    method: "DELETE",
    path: "/api/v1/providers/{id}/tools/{toolID}",
};
/// `PATCH /api/v1/providers/{id}/tools/{toolID}`
pub(crate) const HASMCP_UPDATE_PROVIDER_TOOL: Operation = Operation {
    id: "hasmcp_update_provider_tool",
    method: "PATCH",
    path: "/api/v1/providers/{id}/tools/{toolID}",
};
/// `GET /api/v1/variables`
pub(crate) const HASMCP_LIST_VARIABLES: Operation = Operation {
    id: "hasmcp_list_variables",
    method: "GET",
    path: "/api/v1/variables",
};
/// `POST /api/v1/variables`
pub(crate) const HASMCP_CREATE_VARIABLE: Operation = Operation {
    id: "hasmcp_create_variable",
    method: "POST",
    path: "/api/v1/variables",
};
/// `DELETE /api/v1/variables/{id}`
pub(crate) const HASMCP_DELETE_VARIABLE: Operation = Operation {
    id: "hasmcp_delete_variable",
    method: "DELETE",
    path: "/api/v1/variables/{id}",
};
/// `PATCH /api/v1/variables/{id}`
pub(crate) const HASMCP_UPDATE_VARIABLE: Operation = Operation {
    id: "hasmcp_update_variable",
    method: "PATCH",
    path: "/api/v1/variables/{id}",
};
/// `GET /api/v1/resources`
pub(crate) const HASMCP_LIST_RESOURCES: Operation = Operation {
    id: "hasmcp_list_resources",
    method: "GET",
    path: "/api/v1/resources",
};
/// `POST /api/v1/resources`
pub(crate) const HASMCP_CREATE_RESOURCE: Operation = Operation {
    id: "hasmcp_create_resource",
    method: "POST",
    path: "/api/v1/resources",
};
/// `GET /api/v1/resources/{id}`
pub(crate) const HASMCP_GET_RESOURCE: Operation = Operation {
    id: "hasmcp_get_resource",
    method: "GET",
    path: "/api/v1/resources/{id}",
};
/// `DELETE /api/v1/resources/{id}`
pub(crate) const HASMCP_DELETE_RESOURCE: Operation = Operation {
    id: "hasmcp_delete_resource",
    method: "DELETE",
    path: "/api/v1/resources/{id}",
};
/// `PATCH /api/v1/resources/{id}`
pub(crate) const HASMCP_UPDATE_RESOURCE: Operation = Operation {
    id: "hasmcp_update_resource",
    method: "PATCH",
    path: "/api/v1/resources/{id}",
};
/// `GET /api/v1/prompts`
pub(crate) const HASMCP_LIST_PROMPTS: Operation = Operation {
    id: "hasmcp_list_prompts",
    method: "GET",
    path: "/api/v1/prompts",
};
/// `POST /api/v1/prompts`
pub(crate) const HASMCP_CREATE_PROMPT: Operation = Operation {
    id: "hasmcp_create_prompt",
    method: "POST",
    path: "/api/v1/prompts",
};
/// `GET /api/v1/prompts/{id}`
pub(crate) const HASMCP_GET_PROMPT: Operation = Operation {
    id: "hasmcp_get_prompt",
    method: "GET",
    path: "/api/v1/prompts/{id}",
};
/// `DELETE /api/v1/prompts/{id}`
pub(crate) const HASMCP_DELETE_PROMPT: Operation = Operation {
    id: "hasmcp_delete_prompt",
    method: "DELETE",
    path: "/api/v1/prompts/{id}",
};
/// `PATCH /api/v1/prompts/{id}`
pub(crate) const HASMCP_UPDATE_PROMPT: Operation = Operation {
    id: "hasmcp_update_prompt",
    method: "PATCH",
    path: "/api/v1/prompts/{id}",
};
/// `GET /wp-json/getmcp/v1/servers`
pub(crate) const GETMCP_LIST_SERVERS: Operation = Operation {
    id: "getmcp_list_servers",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers",
};
/// `POST /wp-json/getmcp/v1/servers`
pub(crate) const GETMCP_CREATE_SERVER: Operation = Operation {
    id: "getmcp_create_server",
    method: "POST",
    path: "/wp-json/getmcp/v1/servers",
};
/// `GET /wp-json/getmcp/v1/servers/{id}`
pub(crate) const GETMCP_GET_SERVER: Operation = Operation {
    id: "getmcp_get_server",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers/{id}",
};
/// `DELETE /wp-json/getmcp/v1/servers/{id}`
pub(crate) const GETMCP_DELETE_SERVER: Operation = Operation {
    id: "getmcp_delete_server",
    method: "DELETE",
    path: "/wp-json/getmcp/v1/servers/{id}",
};
/// `PATCH /wp-json/getmcp/v1/servers/{id}`
pub(crate) const GETMCP_UPDATE_SERVER: Operation = Operation {
    id: "getmcp_update_server",
    method: "PATCH",
    path: "/wp-json/getmcp/v1/servers/{id}",
};
/// `PATCH /wp-json/getmcp/v1/servers/{id}/toggle`
pub(crate) const GETMCP_TOGGLE_SERVER: Operation = Operation {
    id: "getmcp_toggle_server",
    method: "PATCH",
    path: "/wp-json/getmcp/v1/servers/{id}/toggle",
};
/// `POST /wp-json/getmcp/v1/servers/{id}/duplicate`
pub(crate) const GETMCP_DUPLICATE_SERVER: Operation = Operation {
    id: "getmcp_duplicate_server",
    method: "POST",
    path: "/wp-json/getmcp/v1/servers/{id}/duplicate",
};
/// `GET /wp-json/getmcp/v1/servers/{id}/credentials`
pub(crate) const GETMCP_GET_SERVER_CREDENTIALS: Operation = Operation {
    id: "getmcp_get_server_credentials",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers/{id}/credentials",
};
/// `GET /wp-json/getmcp/v1/servers/{server_id}/tools`
pub(crate) const GETMCP_LIST_TOOLS: Operation = Operation {
    id: "getmcp_list_tools",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers/{server_id}/tools",
};
/// `POST /wp-json/getmcp/v1/servers/{server_id}/tools`
pub(crate) const GETMCP_CREATE_TOOL: Operation = Operation {
    id: "getmcp_create_tool",
    method: "POST",
    path: "/wp-json/getmcp/v1/servers/{server_id}/tools",
};
/// `GET /wp-json/getmcp/v1/servers/{server_id}/tools/{id}`
pub(crate) const GETMCP_GET_TOOL: Operation = Operation {
    id: "getmcp_get_tool",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers/{server_id}/tools/{id}",
};
/// `DELETE /wp-json/getmcp/v1/servers/{server_id}/tools/{id}`
pub(crate) const GETMCP_DELETE_TOOL: Operation = Operation {
    id: "getmcp_delete_tool",
    method: "DELETE",
    path: "/wp-json/getmcp/v1/servers/{server_id}/tools/{id}",
};
/// `PATCH /wp-json/getmcp/v1/servers/{server_id}/tools/{id}`
pub(crate) const GETMCP_UPDATE_TOOL: Operation = Operation {
    id: "getmcp_update_tool",
    method: "PATCH",
    path: "/wp-json/getmcp/v1/servers/{server_id}/tools/{id}",
};
/// `GET /wp-json/getmcp/v1/servers/{server_id}/resources`
pub(crate) const GETMCP_LIST_RESOURCES: Operation = Operation {
    id: "getmcp_list_resources",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers/{server_id}/resources",
};
/// `POST /wp-json/getmcp/v1/servers/{server_id}/resources`
pub(crate) const GETMCP_CREATE_RESOURCE: Operation = Operation {
    id: "getmcp_create_resource",
    method: "POST",
    path: "/wp-json/getmcp/v1/servers/{server_id}/resources",
};
/// `GET /wp-json/getmcp/v1/servers/{server_id}/resources/{id}`
pub(crate) const GETMCP_GET_RESOURCE: Operation = Operation {
    id: "getmcp_get_resource",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers/{server_id}/resources/{id}",
};
/// `DELETE /wp-json/getmcp/v1/servers/{server_id}/resources/{id}`
pub(crate) const GETMCP_DELETE_RESOURCE: Operation = Operation {
    id: "getmcp_delete_resource",
    method: "DELETE",
    path: "/wp-json/getmcp/v1/servers/{server_id}/resources/{id}",
};
/// `PATCH /wp-json/getmcp/v1/servers/{server_id}/resources/{id}`
pub(crate) const GETMCP_UPDATE_RESOURCE: Operation = Operation {
    id: "getmcp_update_resource",
    method: "PATCH",
    path: "/wp-json/getmcp/v1/servers/{server_id}/resources/{id}",
};
/// `GET /wp-json/getmcp/v1/servers/{server_id}/prompts`
pub(crate) const GETMCP_LIST_PROMPTS: Operation = Operation {
    id: "getmcp_list_prompts",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers/{server_id}/prompts",
};
/// `POST /wp-json/getmcp/v1/servers/{server_id}/prompts`
pub(crate) const GETMCP_CREATE_PROMPT: Operation = Operation {
    id: "getmcp_create_prompt",
    method: "POST",
    path: "/wp-json/getmcp/v1/servers/{server_id}/prompts",
};
/// `GET /wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`
pub(crate) const GETMCP_GET_PROMPT: Operation = Operation {
    id: "getmcp_get_prompt",
    method: "GET",
    path: "/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}",
};
/// `DELETE /wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`
pub(crate) const GETMCP_DELETE_PROMPT: Operation = Operation {
    id: "getmcp_delete_prompt",
    method: "DELETE",
    path: "/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}",
};
/// `PATCH /wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`
pub(crate) const GETMCP_UPDATE_PROMPT: Operation = Operation {
    id: "getmcp_update_prompt",
    method: "PATCH",
    path: "/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}",
};
/// The operation with this operationId, if the spec has one.
pub(crate) fn by_id(id: &str) -> Option<&'static Operation> {
    match id {
        "hasmcp_list_servers" => Some(&HASMCP_LIST_SERVERS),
        "hasmcp_create_server" => Some(&HASMCP_CREATE_SERVER),
        "hasmcp_get_server" => Some(&HASMCP_GET_SERVER),
        "hasmcp_delete_server" => Some(&HASMCP_DELETE_SERVER),
        "hasmcp_update_server" => Some(&HASMCP_UPDATE_SERVER),
        "hasmcp_list_server_tools" => Some(&HASMCP_LIST_SERVER_TOOLS),
        "hasmcp_attach_tool" => Some(&HASMCP_ATTACH_TOOL),
        "hasmcp_detach_tool" => Some(&HASMCP_DETACH_TOOL),
        "hasmcp_list_server_resources" => Some(&HASMCP_LIST_SERVER_RESOURCES),
        "hasmcp_attach_resource" => Some(&HASMCP_ATTACH_RESOURCE),
        "hasmcp_detach_resource" => Some(&HASMCP_DETACH_RESOURCE),
        "hasmcp_list_server_prompts" => Some(&HASMCP_LIST_SERVER_PROMPTS),
        "hasmcp_attach_prompt" => Some(&HASMCP_ATTACH_PROMPT),
        "hasmcp_detach_prompt" => Some(&HASMCP_DETACH_PROMPT),
        "hasmcp_list_server_tokens" => Some(&HASMCP_LIST_SERVER_TOKENS),
        "hasmcp_create_server_token" => Some(&HASMCP_CREATE_SERVER_TOKEN),
        "hasmcp_revoke_server_token" => Some(&HASMCP_REVOKE_SERVER_TOKEN),
        "hasmcp_list_providers" => Some(&HASMCP_LIST_PROVIDERS),
        "hasmcp_create_provider" => Some(&HASMCP_CREATE_PROVIDER),
        "hasmcp_get_provider" => Some(&HASMCP_GET_PROVIDER),
        "hasmcp_delete_provider" => Some(&HASMCP_DELETE_PROVIDER),
        "hasmcp_update_provider" => Some(&HASMCP_UPDATE_PROVIDER),
        "hasmcp_list_provider_tools" => Some(&HASMCP_LIST_PROVIDER_TOOLS),
        "hasmcp_create_provider_tool" => Some(&HASMCP_CREATE_PROVIDER_TOOL),
        "hasmcp_get_provider_tool" => Some(&HASMCP_GET_PROVIDER_TOOL),
        "hasmcp_delete_provider_tool" => Some(&HASMCP_DELETE_PROVIDER_TOOL),
        "hasmcp_update_provider_tool" => Some(&HASMCP_UPDATE_PROVIDER_TOOL),
        "hasmcp_list_variables" => Some(&HASMCP_LIST_VARIABLES),
        "hasmcp_create_variable" => Some(&HASMCP_CREATE_VARIABLE),
        "hasmcp_delete_variable" => Some(&HASMCP_DELETE_VARIABLE),
        "hasmcp_update_variable" => Some(&HASMCP_UPDATE_VARIABLE),
        "hasmcp_list_resources" => Some(&HASMCP_LIST_RESOURCES),
        "hasmcp_create_resource" => Some(&HASMCP_CREATE_RESOURCE),
        "hasmcp_get_resource" => Some(&HASMCP_GET_RESOURCE),
        "hasmcp_delete_resource" => Some(&HASMCP_DELETE_RESOURCE),
        "hasmcp_update_resource" => Some(&HASMCP_UPDATE_RESOURCE),
        "hasmcp_list_prompts" => Some(&HASMCP_LIST_PROMPTS),
        "hasmcp_create_prompt" => Some(&HASMCP_CREATE_PROMPT),
        "hasmcp_get_prompt" => Some(&HASMCP_GET_PROMPT),
        "hasmcp_delete_prompt" => Some(&HASMCP_DELETE_PROMPT),
        "hasmcp_update_prompt" => Some(&HASMCP_UPDATE_PROMPT),
        "getmcp_list_servers" => Some(&GETMCP_LIST_SERVERS),
        "getmcp_create_server" => Some(&GETMCP_CREATE_SERVER),
        "getmcp_get_server" => Some(&GETMCP_GET_SERVER),
        "getmcp_delete_server" => Some(&GETMCP_DELETE_SERVER),
        "getmcp_update_server" => Some(&GETMCP_UPDATE_SERVER),
        "getmcp_toggle_server" => Some(&GETMCP_TOGGLE_SERVER),
        "getmcp_duplicate_server" => Some(&GETMCP_DUPLICATE_SERVER),
        "getmcp_get_server_credentials" => Some(&GETMCP_GET_SERVER_CREDENTIALS),
        "getmcp_list_tools" => Some(&GETMCP_LIST_TOOLS),
        "getmcp_create_tool" => Some(&GETMCP_CREATE_TOOL),
        "getmcp_get_tool" => Some(&GETMCP_GET_TOOL),
        "getmcp_delete_tool" => Some(&GETMCP_DELETE_TOOL),
        "getmcp_update_tool" => Some(&GETMCP_UPDATE_TOOL),
        "getmcp_list_resources" => Some(&GETMCP_LIST_RESOURCES),
        "getmcp_create_resource" => Some(&GETMCP_CREATE_RESOURCE),
        "getmcp_get_resource" => Some(&GETMCP_GET_RESOURCE),
        "getmcp_delete_resource" => Some(&GETMCP_DELETE_RESOURCE),
        "getmcp_update_resource" => Some(&GETMCP_UPDATE_RESOURCE),
        "getmcp_list_prompts" => Some(&GETMCP_LIST_PROMPTS),
        "getmcp_create_prompt" => Some(&GETMCP_CREATE_PROMPT),
        "getmcp_get_prompt" => Some(&GETMCP_GET_PROMPT),
        "getmcp_delete_prompt" => Some(&GETMCP_DELETE_PROMPT),
        "getmcp_update_prompt" => Some(&GETMCP_UPDATE_PROMPT),
        _ => None,
    }
}
