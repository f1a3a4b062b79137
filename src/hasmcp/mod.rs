//! HasMCP: client, models and the update builder.
//!
//! One module per resource, each holding its models, builders and the `Client` methods
//! that call it: `servers` (and `servers::update`, `servers::create`), `attachments`
//! (a server's links to tools, resources and prompts), `tokens` (MCP client tokens),
//! `providers` (with their tools), `resources`, `prompts` (and `provider_items`: the
//! same two under a provider); the ids all of them share are in `ids`. Everything is re-exported here, so paths read
//! `mcp_admin::hasmcp::Server`.
//!
//! # Operations and how sure we are of them
//!
//! Sources: the open-source edition's Go code ("code"), the vendor's OpenAPI ("spec"),
//! the vendor's knowledge base ("KB"). Where they disagree, the crate accepts both.
//!
//! | Method | Endpoint | Confidence |
//! |---|---|---|
//! | [`Client::list_servers`] | `GET /servers` (`{}` when empty; no resources or prompts in the items) | code, spec |
//! | [`Client::create_server`] | `POST /servers`, 201 | code, spec |
//! | [`Client::get_server`], [`Client::update_server`] | `GET`, `PATCH /servers/{id}` | code, spec (KB shows a name-only PATCH the code refuses) |
//! | [`Client::delete_server`] | `DELETE /servers/{id}`, 204 also when gone | code, spec |
//! | [`Client::attach_tool`], [`Client::detach_tool`], [`Client::list_server_tools`] | `/servers/{id}/tools[/{toolID}]` | code, spec (KB says 200 for a link, code 201: both accepted) |
//! | [`Client::attach_resource`], [`Client::detach_resource`], [`Client::list_server_resources`] | `/servers/{id}/resources[/{resourceID}]` | code, spec |
//! | [`Client::attach_prompt`], [`Client::detach_prompt`], [`Client::list_server_prompts`] | `/servers/{id}/prompts[/{promptID}]` | code, spec (list key `prompt` in code, `prompts` in spec: both read) |
//! | [`Client::create_server_token`] | `POST /servers/{id}/tokens`, 201 | code, spec (KB: expiry optional, name required; code: expiry required, name ignored) |
//! | [`Client::list_server_tokens`], [`Client::revoke_server_token`] | `GET /servers/{id}/tokens`, `DELETE …/tokens/{tokenID}` | **KB only**: the open-source server keeps no tokens (a JWT stays valid until it expires; these answer [`Error::is_unsupported`](crate::Error::is_unsupported) there) |
//! | [`Client::export_server`], [`Client::import_server`] | `GET /servers/{id}/export`, `POST /servers/import` | **spec only** (hosted service) |
//! | [`Client::list_resources`] … [`Client::delete_prompt`] | `/resources[/{id}]`, `/prompts[/{id}]` | code (open-source server) |
//! | [`Client::list_provider_resources`] … [`Client::delete_provider_prompt`] | `/providers/{id}/resources[/{resourceID}]`, `/providers/{id}/prompts[/{promptID}]` | spec (hosted service) |
//!
//! # Hosted service or self-hosted server: which calls to use
//!
//! The vendor's OpenAPI document (the hosted service, `https://app.hasmcp.com`) and the
//! open-source server's code (a self-hosted edition, [`ClientBuilder::base_url`]) differ
//! in a few routes, and the client offers both, in the same shape:
//!
//! | | hosted service | self-hosted open-source server |
//! |---|---|---|
//! | resources | [`Client::list_provider_resources`], [`Client::get_provider_resource`], [`Client::create_provider_resource`], [`Client::update_provider_resource`], [`Client::delete_provider_resource`] | [`Client::list_resources`], [`Client::get_resource`], [`Client::create_resource`], [`Client::update_resource`], [`Client::delete_resource`] |
//! | prompts | [`Client::list_provider_prompts`], [`Client::get_provider_prompt`], [`Client::create_provider_prompt`], [`Client::update_provider_prompt`], [`Client::delete_provider_prompt`] | [`Client::list_prompts`], [`Client::get_prompt`], [`Client::create_prompt`], [`Client::update_prompt`], [`Client::delete_prompt`] |
//! | server export, import | [`Client::export_server`], [`Client::import_server`] | none |
//! | token list, revoke | [`Client::list_server_tokens`], [`Client::revoke_server_token`] (KB) | none |
//!
//! Both families return the same models and builders, and a server attaches a resource
//! or prompt by its id whichever way it was made. A call the edition lacks fails with
//! [`Error::is_unsupported`](crate::Error::is_unsupported) (the open-source server
//! answers an unknown `GET` with its web page and any other method with a 405), never
//! [`Error::is_not_found`](crate::Error::is_not_found), and changes nothing, so code
//! that must run against either can try one family and fall back to the other:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), mcp_admin::Error> {
//! use mcp_admin::{hasmcp, testing::{Edition, FakeHasMcp}};
//!
//! let fake = FakeHasMcp::builder().edition(Edition::OpenSource).start().await;
//! let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
//! let provider = fake.seed_provider("GitHub");
//! let resources = match hm.list_provider_resources(&provider).all().await {
//!     Err(e) if e.is_unsupported() => hm.list_resources().all().await?, // self-hosted
//!     other => other?,
//! };
//! assert!(resources.is_empty());
//! # Ok(()) }
//! ```
//!
//! An answer about another resource than the one asked for (another server's id in a
//! read, a PATCH answer, a link or a token) is an [`Error::Decode`](crate::Error::Decode),
//! never data; where a read precedes a write, nothing is written.
//!
//! # Attaching without racing another writer
//!
//! Attach and detach **on their own**: [`Client::attach_tool`] and its siblings, or an
//! update made of nothing but relative changes
//! ([`UpdateServer::attach_tools`], [`UpdateServer::detach_tools`], …). Both use the
//! server's link endpoints: one atomic request per link, no read–merge–write, so a
//! concurrent writer's links survive and so do yours. Change the name, instructions or
//! proxy flag **in a separate call**.
//!
//! Why: a PATCH always replaces every attachment with the ones it carries, and those
//! were read before it was sent. A link someone else makes between that read and the
//! PATCH is replaced away, and the link endpoints do not move the version, so the PATCH
//! looks like a plain success: the loss is silent. Only when the other writer also
//! PATCHed (so the version moved) is the race seen, as a conflict error whose
//! `may_have_applied` is `true` and whose message says the attachments may have been
//! replaced; and [`UpdateServer::retry_on_conflict`] then succeeds on the next round,
//! after which nothing reports the loss. The server offers no way to close this window.
//!
//! Measured against the fake (`tests/hasmcp_race.rs`), two writers, 200 rounds each
//! started together, each attaching a tool of its own per round:
//!
//! | Writers | Attachments lost | Reported | Silent |
//! |---|---|---|---|
//! | `attach_tool` and `update_server(..).attach_tools(..)` alone | 0 of 400 | 0 | 0 |
//! | `attach_tool` and a rename with `attach_tools` (a PATCH) | 5–14 of 400 | 0 | all |
//! | both rename with `attach_tools`, no retry | 177–191 | all | 0 |
//! | both rename with `attach_tools`, `retry_on_conflict(3)` | 157–165 of 400 | 0 | all |
//!
//! Two link-only writers never lost an attachment; every PATCH racing a link can.
//!
//! # Why [`UpdateServer::send`] reads first
//!
//! HasMCP's `PATCH /api/v1/servers/{id}` replaces the server instead of merging into it:
//! `name` and `version` are required, omitted `instructions` become `""`, an omitted
//! `requestHeadersProxyEnabled` becomes `false`, and omitted providers, tools, resources
//! and prompts are detached. A PATCH of just a new name would strip every tool.
//!
//! So `send()` GETs the server, applies only the fields you set to what it read, and
//! PATCHes the whole result with the version it read. The server still answers 200 when
//! someone else wrote in between, so `send()` checks that the answered version is the
//! sent one + 1 and otherwise returns [`Error::Conflict`](crate::Error::Conflict);
//! [`UpdateServer::retry_on_conflict`] re-reads and re-applies your fields.
//! [`UpdateServer::merged_body`] shows the body without any I/O:
//!
//! ```
//! # fn main() -> Result<(), mcp_admin::Error> {
//! use mcp_admin::hasmcp;
//!
//! let hm = hasmcp::Client::builder().token("tok").build()?; // no request is made
//! let current: hasmcp::Server = serde_json::from_str(
//!     r#"{"id":"ASuB9Gf6aD4","name":"GitHubTools","instructions":"Use these tools",
//!         "requestHeadersProxyEnabled":true,"version":3,
//!         "providers":[{"id":"ASuB9Gf6aD5","tools":[{"id":"ASuB9Gf6aD6"}]}]}"#,
//! )
//! .unwrap();
//! let body = hm.update_server("ASuB9Gf6aD4").name("Renamed").merged_body(&current)?;
//! assert_eq!(
//!     serde_json::to_value(&body).unwrap(),
//!     serde_json::json!({"server": {
//!         "name": "Renamed",
//!         "instructions": "Use these tools",
//!         "version": 3,
//!         "requestHeadersProxyEnabled": true,
//!         "providers": [{"id": "ASuB9Gf6aD5", "tools": [{"id": "ASuB9Gf6aD6"}]}],
//!         "resources": [],
//!         "prompts": []
//!     }})
//! );
//! # Ok(()) }
//! ```
//!
//! Against a live server:
//!
//! ```no_run
//! # async fn demo() -> Result<(), mcp_admin::Error> {
//! use mcp_admin::hasmcp;
//!
//! let hm = hasmcp::Client::from_env()?; // HASMCP_ACCESS_TOKEN, optional HASMCP_BASE_URL
//! let server = hm
//!     .update_server("ASuB9Gf6aD4")
//!     .instructions("Use these tools for GitHub")
//!     .expected_version(3) // refuse, sending nothing, if the server is not at version 3
//!     .send()
//!     .await?;
//! assert_eq!(server.version, Some(4));
//! # Ok(()) }
//! ```
//!
//! # When to use [`UpdateServer::send_exact`]
//!
//! `send_exact()` skips the read and sends only the fields you set, with
//! [`UpdateServer::expected_version`] as the version. Use it for a server with true merge
//! semantics, or when you hold the complete state yourself and set every field; against
//! the replacing server, whatever you leave out is emptied or detached.
//!
//! ```no_run
//! # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
//! use mcp_admin::hasmcp::ProviderRef;
//!
//! let server = hm
//!     .update_server("ASuB9Gf6aD4")
//!     .name("GitHubTools")
//!     .instructions("Use these tools for GitHub")
//!     .request_headers_proxy_enabled(false)
//!     .providers([ProviderRef::new("ASuB9Gf6aD5").tools(["ASuB9Gf6aD6"])])
//!     .clear_resources()
//!     .clear_prompts()
//!     .expected_version(3)
//!     .send_exact() // one PATCH, no GET, no version check of the answer
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! # The catalog
//!
//! What a server draws from: providers (upstream APIs) and their tools, the account's
//! variables, resources and prompts. Each has list, get (variables: list only), create,
//! update and delete on [`Client`]; see `providers`, `variables`, `resources` and
//! `prompts`. Every catalog update is partial and applies only non-empty fields, so
//! nothing can be cleared (a tool's headers aside) and fields fixed at creation have no
//! setter. Secrets the service stores (a `SECRET` variable's value, an OAuth2 client
//! secret) come back as `***`, read as [`SecretValue::Masked`], which the builders
//! refuse to send back.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), mcp_admin::Error> {
//! use mcp_admin::hasmcp::{Client, ToolMethod, VisibilityType};
//! # let fake = mcp_admin::testing::FakeHasMcp::start().await;
//! # let hm = Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
//!
//! let stripe = hm
//!     .create_provider("stripe").visibility(VisibilityType::Public).base_url("https://api.stripe.com/v1").description("Payments")
//!     .send()
//!     .await?;
//! let tool = hm
//!     .create_provider_tool(&stripe.id, ToolMethod::Get, "/customers/search")
//!     .name("lookupCustomer")
//!     .send()
//!     .await?;
//! // The tool id is what a server attaches.
//! assert_eq!(hm.get_provider(&stripe.id).await?.tools[0].id, tool.id);
//! # Ok(()) }
//! ```
/// Declares the query of a HasMCP list. The platform does not page, so the query has no
/// paging and its one page is the whole list: `$body` gets it, with `$client` the
/// [`Client`] and `$query` the query (`.await` allowed).
macro_rules! whole_list {
    (
        $(#[$meta:meta])*
        $query:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty),* $(,)? } => $item:ty, $op:ident,
        |$client:ident, $q:ident| $body:expr
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $query {
            $($(#[$fmeta])* pub(crate) $field: $ty,)*
        }

        impl crate::paging::Query for $query {
            type Item = $item;
            type Client = crate::hasmcp::Client;
            const OPERATION: &'static str = crate::transport::ops::$op.id;

            async fn fetch(
                &self,
                client: &crate::hasmcp::Client,
                _: crate::paging::Paging,
            ) -> Result<crate::paging::Page<$item>, crate::Error> {
                let ($client, $q) = (client, self);
                let items: Vec<$item> = $body?;
                Ok(crate::paging::Page::whole(items))
            }
        }
    };
}

mod attachments;
mod client;
pub(crate) mod go_url;
mod ids;
mod servers;
mod tokens;
// The catalog: providers and their tools, variables, resources, prompts.
mod catalog;
mod prompt_parts;
mod prompts;
mod provider_items;
mod providers;
mod resources;
mod variables;

pub use crate::paging::{List, Page};
pub use attachments::{
    ListServerPrompts, ListServerResources, ListServerTools, ServerPromptLink, ServerPromptsQuery,
    ServerResourceLink, ServerResourcesQuery, ServerToolLink, ServerToolsQuery,
};
pub use client::{Client, ClientBuilder, ACCESS_TOKEN_VAR, BASE_URL_VAR, DEFAULT_BASE_URL};
pub(crate) use ids::{check_id, InvalidId, MAX_STORED as MAX_STORED_ID};
pub use ids::{PromptId, ProviderId, ResourceId, ServerId, TokenId, ToolId, VariableId};
// The catalog.
pub use catalog::SecretValue;
pub use prompt_parts::{PromptArgument, PromptContent, PromptMessage, Role};
pub use prompts::{
    CreatePrompt, CreatePromptFields, ListPrompts, Prompt, PromptEnvelope, PromptList,
    PromptsQuery, UpdatePrompt, UpdatePromptFields,
};
pub use provider_items::{
    ListProviderPrompts, ListProviderResources, ProviderPromptsQuery, ProviderResourcesQuery,
};
pub use providers::{
    ApiType, CreateProvider, CreateProviderFields, CreateProviderTool, CreateProviderToolFields,
    ListProviderTools, ListProviders, OAuth2Config, Provider, ProviderEnvelope, ProviderList,
    ProviderToolsQuery, ProvidersQuery, Tool, ToolEnvelope, ToolHeader, ToolList, ToolMethod,
    UpdateProvider, UpdateProviderFields, UpdateProviderTool, UpdateProviderToolFields,
    VisibilityType,
};
pub use resources::{
    CreateResource, CreateResourceFields, ListResources, Resource, ResourceEnvelope, ResourceList,
    ResourcesQuery, UpdateResource, UpdateResourceFields, UpdatedResource,
};
pub use servers::{
    CreateServer, CreateServerBody, CreateServerFields, IdRef, ListServers, ProviderRef, Server,
    ServerEnvelope, ServerExport, ServersQuery, UpdateServer, UpdateServerBody, UpdateServerFields,
};
pub use tokens::{CreateServerToken, ListServerTokens, ServerToken, ServerTokensQuery};
pub use variables::{
    CreateVariable, CreateVariableFields, ListVariables, UpdateVariable, UpdateVariableFields,
    UpdatedVariable, Variable, VariableEnvelope, VariableList, VariableType, VariablesQuery,
};
