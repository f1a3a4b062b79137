//! GetMCP, the WordPress plugin: client, models and the partial-update builder.
//!
//! One module per resource, each holding its models, builders and the `Client` methods
//! that call it: `servers` (with `update`, `list` and `create`), `credentials`, and a
//! server's `tools`, `resources` and `prompts`; the server reference every route takes is
//! in `ids`; the lists are the crate's shared [`List`] and [`Page`] ([`crate::paging`]).
//! Everything is re-exported here, so paths read `mcp_admin::getmcp::Server`.
//!
//! GetMCP's `PATCH /wp-json/getmcp/v1/servers/{id}` is a true merge-PATCH: only the
//! keys present change. [`UpdateServer`] sends exactly the fields you set. The site
//! answers 200 even when it drops a change of credentials (test, inbound or outbound),
//! so such a change is checked afterwards with [`Client::get_server_credentials`],
//! which reports which credentials a server has ([`CredentialsStatus`]) and never the
//! credentials. Every credentials value is typed ([`TestAuthCredentials`],
//! [`OutboundAuth`]), sent JSON-encoded and never shown in `Debug`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), mcp_admin::Error> {
//! use mcp_admin::getmcp;
//!
//! let gm = getmcp::Client::from_env()?; // GETMCP_SITE_URL, GETMCP_API_KEY
//! let server = gm.update_server(42u64).description("Updated tools for GitHub").send().await?;
//! assert_eq!(server.description(), Some("Updated tools for GitHub"));
//! # Ok(()) }
//! ```
mod client;
pub(crate) mod credentials;
mod ids;

mod prompts;
mod resources;
mod servers;
pub(crate) mod shared;
mod tools;

pub use client::{Client, ClientBuilder, API_KEY_VAR, SITE_URL_VAR};
pub use credentials::{KeyLocation, OutboundAuth, TestAuthCredentials};
pub use ids::{PromptId, ResourceId, ServerId, ServerRef, ToolId};
pub use servers::{
    AuthType, CredentialsStatus, OutboundAuthType, RateLimit, Server, ServerStatus, TransportType,
    UpdateServer, UpdateServerBody,
};
// Lists, creates, deletes; a server's tools, resources and prompts.
pub use crate::paging::{List, Page, MAX_PER_PAGE};
pub use prompts::{
    CreatePrompt, CreatePromptBody, ListPrompts, Prompt, PromptArgument, PromptsQuery,
    UpdatePrompt, UpdatePromptBody,
};
pub use resources::{
    CreateResource, CreateResourceBody, DataSourceType, ListResources, Resource, ResourcesQuery,
    UpdateResource, UpdateResourceBody,
};
pub use servers::{
    CreateServer, CreateServerBody, ListServers, ServerOrderBy, ServersQuery, SortOrder,
    MAX_INSTRUCTIONS_BYTES,
};
pub use tools::{
    CreateTool, CreateToolBody, HttpMethod, ListTools, ParameterMapping, ParameterTarget,
    RetryBackoff, Tool, ToolRef, ToolStatus, ToolsQuery, UpdateTool, UpdateToolBody,
    MAX_RETRY_COUNT,
};
