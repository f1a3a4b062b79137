//! Creating a HasMCP server: the builder and the body it sends.

use serde::{Deserialize, Serialize};

use super::{
    update::{check_id_refs, check_instructions, check_name, check_providers},
    wrong_answer,
};
use crate::{
    hasmcp::{Client, IdRef, PromptId, ProviderRef, ResourceId, Server},
    id::{IntoId, Refused},
    transport::{
        self,
        ops::{self, Operation},
    },
    Error,
};

/// The fields of a new server, as sent inside `{"server": …}`. `None` is not sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateServerFields {
    /// `name` (required: 1–16 characters `[A-Za-z0-9]`).
    pub name: String,
    /// `instructions` (at most 4096 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// `requestHeadersProxyEnabled` (false when not sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_headers_proxy_enabled: Option<bool>,
    /// `providers` (at most 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub providers: Option<Vec<ProviderRef>>,
    /// `resources`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<IdRef>>,
    /// `prompts`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompts: Option<Vec<IdRef>>,
}

/// The create body, `{"server": …}`. Public for the raw client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateServerBody {
    /// The fields to send.
    pub server: CreateServerFields,
}

/// A new HasMCP server (`POST /api/v1/servers`), from [`Client::create_server`].
///
/// Only what you set is sent; the server starts at version 1 with `""` instructions,
/// the proxy flag off and nothing attached unless told otherwise. The name and the
/// other fields follow the update's rules (name 1–16 of `[A-Za-z0-9]`, instructions at
/// most 4096 bytes, at most one provider, 11-character ids) and are checked before
/// anything is sent. The server does not check that attached ids exist. Confidence:
/// code and spec (`requestHeadersProxyEnabled` is the open-source edition's only).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), mcp_admin::Error> {
/// use mcp_admin::{hasmcp::{self, ProviderRef}, testing::FakeHasMcp};
///
/// let fake = FakeHasMcp::start().await;
/// let provider = fake.seed_provider("GitHub");
/// let tool = fake.seed_tool(&provider, "listRepos");
/// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
///
/// let server = hm
///     .create_server("GitHubTools")
///     .instructions("Use these tools for GitHub")
///     .providers([ProviderRef::new(&provider).tools([&tool])])
///     .send()
///     .await?;
/// assert_eq!(server.providers[0].tools[0].id.as_str(), tool);
/// # Ok(()) }
/// ```
#[must_use = "a create does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct CreateServer {
    client: Client,
    fields: CreateServerFields,
    /// Text given for an attachment's id that is not one: reported at `send()`.
    refused: Refused,
}

impl CreateServer {
    pub(super) fn new(client: Client, name: String) -> Self {
        CreateServer {
            client,
            fields: CreateServerFields {
                name,
                ..CreateServerFields::default()
            },
            refused: Refused::default(),
        }
    }

    /// The instructions (at most 4096 bytes of UTF-8).
    pub fn instructions(self, instructions: impl Into<String>) -> Self {
        self.set_instructions(Some(instructions.into()))
    }

    /// The instructions, or `None` to send none.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_server("Docs").set_instructions(std::env::var("TEXT").ok());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_instructions(mut self, instructions: Option<String>) -> Self {
        self.fields.instructions = instructions;
        self
    }

    /// Whether request headers are proxied to the providers.
    pub fn request_headers_proxy_enabled(self, enabled: bool) -> Self {
        self.set_request_headers_proxy_enabled(Some(enabled))
    }

    /// The proxy flag, or `None` to send none (off).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_server("Docs").set_request_headers_proxy_enabled(Some(true));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_request_headers_proxy_enabled(mut self, enabled: Option<bool>) -> Self {
        self.fields.request_headers_proxy_enabled = enabled;
        self
    }

    /// The provider to attach, with its tools (at most one provider).
    pub fn providers(self, providers: impl IntoIterator<Item = ProviderRef>) -> Self {
        self.set_providers(Some(providers.into_iter().collect()))
    }

    /// The providers, or `None` to send none.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_server("Docs").set_providers(None);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_providers(mut self, providers: Option<Vec<ProviderRef>>) -> Self {
        self.fields.providers = providers;
        self
    }

    /// The resources to attach, by id.
    pub fn resources<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<ResourceId>,
    {
        let ids = self.refused.keep_all(ids, "resources");
        self.set_resources(Some(ids))
    }

    /// The resources by id, or `None` to send none.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_server("Docs").set_resources(Some(vec!["ASuB9Gf6aD7".parse()?]));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_resources(mut self, ids: Option<Vec<ResourceId>>) -> Self {
        self.fields.resources =
            ids.map(|ids| ids.iter().map(|id| IdRef::new(id.as_str())).collect());
        self
    }

    /// The prompts to attach, by id.
    pub fn prompts<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<PromptId>,
    {
        let ids = self.refused.keep_all(ids, "prompts");
        self.set_prompts(Some(ids))
    }

    /// The prompts by id, or `None` to send none.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_server("Docs").set_prompts(None);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_prompts(mut self, ids: Option<Vec<PromptId>>) -> Self {
        self.fields.prompts = ids.map(|ids| ids.iter().map(|id| IdRef::new(id.as_str())).collect());
        self
    }

    /// The body [`send`](Self::send) POSTs: only what was set. Checks every input; no
    /// I/O.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let body = hm.create_server("Docs").resources(["ASuB9Gf6aD7"]).body()?;
    /// assert_eq!(
    ///     serde_json::to_string(&body).unwrap(),
    ///     r#"{"server":{"name":"Docs","resources":[{"id":"ASuB9Gf6aD7"}]}}"#
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<CreateServerBody, Error> {
        self.checked_body()
            .map_err(|e| e.at(&ops::HASMCP_CREATE_SERVER))
    }

    fn checked_body(&self) -> Result<CreateServerBody, Error> {
        self.refused.check_unstamped()?;
        let f = &self.fields;
        check_name(&f.name)?;
        if let Some(text) = &f.instructions {
            check_instructions(text)?;
        }
        if let Some(providers) = &f.providers {
            check_providers(providers)?;
        }
        if let Some(resources) = &f.resources {
            check_id_refs("resources", resources)?;
        }
        if let Some(prompts) = &f.prompts {
            check_id_refs("prompts", prompts)?;
        }
        Ok(CreateServerBody { server: f.clone() })
    }

    /// Creates the server and returns it as the server answered (201). An answer
    /// naming another server than the one sent is an [`Error::Decode`]; the server may
    /// have been created all the same.
    pub async fn send(self) -> Result<Server, Error> {
        self.send_unstamped()
            .await
            .map_err(|e| e.at(&ops::HASMCP_CREATE_SERVER))
    }

    async fn send_unstamped(self) -> Result<Server, Error> {
        const OP: &Operation = &ops::HASMCP_CREATE_SERVER;
        let body = self.body()?;
        let raw = self.client.raw();
        let fut = raw.hasmcp_create_server().body(body);
        let server = transport::call(raw, OP, move || fut.send()).await?.server;
        if !server.name.is_empty() && server.name != self.fields.name {
            return Err(wrong_answer(
                OP,
                201,
                format!(
                    "created {:?}, the answer is about {:?} ({})",
                    self.fields.name, server.name, server.id
                ),
            ));
        }
        Ok(server)
    }
}
