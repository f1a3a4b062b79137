//! A server's attachments one at a time: the link endpoints
//! (`/servers/{id}/tools|resources|prompts`), which add or remove a single link on the
//! server without a read–merge–write, so two writers cannot undo each other.

use serde::{Deserialize, Serialize};

use crate::{
    hasmcp::{
        servers::{check_answer_id, wrong_answer},
        Client, PromptId, ProviderId, ResourceId, ServerId, ToolId,
    },
    raw::types::{
        HasmcpAttachPrompt, HasmcpAttachPromptRequest, HasmcpAttachResource,
        HasmcpAttachResourceRequest, HasmcpAttachTool, HasmcpAttachToolRequest,
    },
    transport::{
        self,
        ops::{self, Operation},
    },
    Error,
};

/// A server's link to one tool, as `GET /servers/{id}/tools` lists it.
///
/// Every field is optional in the vendor's description; the open-source edition sends
/// all three, and [`Client::list_server_tools`] only returns links that name their
/// tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerToolLink {
    /// The server.
    #[serde(default, rename = "serverID", skip_serializing_if = "Option::is_none")]
    pub server_id: Option<ServerId>,
    /// The provider the tool belongs to.
    #[serde(
        default,
        rename = "providerID",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider_id: Option<ProviderId>,
    /// The tool.
    #[serde(default, rename = "toolID", skip_serializing_if = "Option::is_none")]
    pub tool_id: Option<ToolId>,
}

/// A server's link to one resource, as `GET /servers/{id}/resources` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerResourceLink {
    /// The server.
    #[serde(default, rename = "serverID", skip_serializing_if = "Option::is_none")]
    pub server_id: Option<ServerId>,
    /// The resource.
    #[serde(
        default,
        rename = "resourceID",
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_id: Option<ResourceId>,
}

/// A server's link to one prompt, as `GET /servers/{id}/prompts` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerPromptLink {
    /// The server.
    #[serde(default, rename = "serverID", skip_serializing_if = "Option::is_none")]
    pub server_id: Option<ServerId>,
    /// The prompt.
    #[serde(default, rename = "promptID", skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<PromptId>,
}

/// The all-zero id the open-source edition puts in every link-creation answer.
const ZERO_ID: &str = "00000000000";

/// Checks an id a link answer carries: absent, all zero (the open-source edition's
/// empty answer) or the one asked for.
fn check_link_id(
    op: &Operation,
    status: u16,
    field: &str,
    asked: &str,
    answered: Option<&str>,
) -> Result<(), Error> {
    match answered {
        Some(ZERO_ID) => Ok(()),
        answered => check_answer_id(op, status, field, asked, answered),
    }
}

impl Client {
    /// Attaches one tool to a server (`POST /api/v1/servers/{id}/tools`): one request,
    /// atomic on the server, leaving every other attachment alone. Ids are checked
    /// before anything is sent. The provider is the tool's own: the server derives it.
    ///
    /// A tool that is **already attached** is a conflict error (HTTP 409,
    /// [`Error::is_conflict`]); so is a tool that does not exist (the server answers
    /// 409 `tool does not exist`; the message tells them apart). For "attached
    /// afterwards, whether or not it was before", use
    /// [`UpdateServer::attach_tools`](crate::hasmcp::UpdateServer::attach_tools), which
    /// skips what is attached and treats a link made in between as done.
    ///
    /// The answer carries only zero ids, so nothing is returned: read the links with
    /// [`Client::list_server_tools`]. Confidence: code and spec (the knowledge base
    /// says 200 where the open-source edition answers 201; both are a success). A
    /// server may hold tools of several providers this way, but then a PATCH of the
    /// server (a rename) is refused until one provider is left: the update endpoint
    /// allows one.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let server = fake.seed_server("GitHubTools", "");
    /// let tool = fake.seed_tool(&fake.seed_provider("GitHub"), "listRepos");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    ///
    /// hm.attach_tool(&server, &tool).await?;
    /// let again = hm.attach_tool(&server, &tool).await.unwrap_err();
    /// assert!(again.is_conflict());
    /// assert_eq!(hm.list_server_tools(&server).await?.len(), 1);
    /// # Ok(()) }
    /// ```
    pub async fn attach_tool(
        &self,
        server_id: impl AsRef<str>,
        tool_id: impl AsRef<str>,
    ) -> Result<(), Error> {
        let server = ServerId::new(server_id.as_ref())?;
        let tool = typed_id::<ToolId>("tool_id", tool_id.as_ref())?;
        self.link_tool(&server, &tool).await
    }

    /// Detaches one tool from a server (`DELETE /api/v1/servers/{id}/tools/{toolID}`),
    /// leaving the others. A tool that is not attached is still a success (204); an
    /// unknown server is [`Error::is_not_found`]. Confidence: code and spec.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let server = fake.seed_server("GitHubTools", "");
    /// let tool = fake.seed_tool(&fake.seed_provider("GitHub"), "listRepos");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// hm.attach_tool(&server, &tool).await?;
    ///
    /// hm.detach_tool(&server, &tool).await?;
    /// hm.detach_tool(&server, &tool).await?; // not attached: still Ok
    /// assert!(hm.list_server_tools(&server).await?.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn detach_tool(
        &self,
        server_id: impl AsRef<str>,
        tool_id: impl AsRef<str>,
    ) -> Result<(), Error> {
        let server = ServerId::new(server_id.as_ref())?;
        let tool = typed_id::<ToolId>("tool_id", tool_id.as_ref())?;
        self.unlink_tool(&server, &tool).await
    }

    /// The tools attached to a server, one link per tool
    /// (`GET /api/v1/servers/{id}/tools`), in the server's order (by id on the
    /// open-source edition). An empty answer (`{}`) is an empty list, and so, on the
    /// open-source edition, is an unknown server: use [`Client::get_server`] to tell.
    /// Each link names its tool; one about another server is an [`Error::Decode`].
    /// Confidence: code and spec.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let server = fake.seed_server("GitHubTools", "");
    /// let provider = fake.seed_provider("GitHub");
    /// let tool = fake.seed_tool(&provider, "listRepos");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// hm.attach_tool(&server, &tool).await?;
    ///
    /// let links = hm.list_server_tools(&server).await?;
    /// assert_eq!(links[0].tool_id.as_ref().map(|t| t.as_str()), Some(tool.as_str()));
    /// assert_eq!(links[0].provider_id.as_ref().map(|p| p.as_str()), Some(provider.as_str()));
    /// # Ok(()) }
    /// ```
    pub async fn list_server_tools(
        &self,
        server_id: impl AsRef<str>,
    ) -> Result<Vec<ServerToolLink>, Error> {
        let server = ServerId::new(server_id.as_ref())?;
        const OP: &Operation = &ops::HASMCP_LIST_SERVER_TOOLS;
        let raw = self.raw();
        let fut = raw.hasmcp_list_server_tools().id(server.clone()).send();
        let links = transport::call(raw, OP, fut).await?.tools;
        for link in &links {
            check_listed(OP, &server, link.server_id.as_ref(), link.tool_id.is_some())?;
        }
        Ok(links)
    }

    /// Attaches one resource to a server (`POST /api/v1/servers/{id}/resources`): one
    /// request, atomic, leaving the others. An attached resource is a conflict error
    /// (409, [`Error::is_conflict`]); an unknown resource or server is
    /// [`Error::is_not_found`]. Nothing is returned (the answer carries zero ids).
    /// Confidence: code and spec.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let server = fake.seed_server("Docs", "");
    /// let readme = fake.seed_resource("readme", "file:///README.md");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    ///
    /// hm.attach_resource(&server, &readme).await?;
    /// assert_eq!(hm.list_server_resources(&server).await?.len(), 1);
    /// hm.detach_resource(&server, &readme).await?;
    /// assert!(hm.list_server_resources(&server).await?.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn attach_resource(
        &self,
        server_id: impl AsRef<str>,
        resource_id: impl AsRef<str>,
    ) -> Result<(), Error> {
        let server = ServerId::new(server_id.as_ref())?;
        let resource = typed_id::<ResourceId>("resource_id", resource_id.as_ref())?;
        self.link_resource(&server, &resource).await
    }

    /// Detaches one resource (`DELETE /api/v1/servers/{id}/resources/{resourceID}`);
    /// a success also when it was not attached, and (open-source edition) for an
    /// unknown server. Confidence: code and spec.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.detach_resource("kSuB9Gf6aD4", "kSuB9Gf6aD7").await?;
    /// # Ok(()) }
    /// ```
    pub async fn detach_resource(
        &self,
        server_id: impl AsRef<str>,
        resource_id: impl AsRef<str>,
    ) -> Result<(), Error> {
        let server = ServerId::new(server_id.as_ref())?;
        let resource = typed_id::<ResourceId>("resource_id", resource_id.as_ref())?;
        self.unlink_resource(&server, &resource).await
    }

    /// The resources attached to a server (`GET /api/v1/servers/{id}/resources`);
    /// `{}` reads as empty. Each link names its resource; one about another server is an
    /// [`Error::Decode`]. Confidence: code and spec.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// for link in hm.list_server_resources("kSuB9Gf6aD4").await? {
    ///     println!("{:?}", link.resource_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list_server_resources(
        &self,
        server_id: impl AsRef<str>,
    ) -> Result<Vec<ServerResourceLink>, Error> {
        let server = ServerId::new(server_id.as_ref())?;
        const OP: &Operation = &ops::HASMCP_LIST_SERVER_RESOURCES;
        let raw = self.raw();
        let fut = raw.hasmcp_list_server_resources().id(server.clone()).send();
        let links = transport::call(raw, OP, fut).await?.resources;
        for link in &links {
            check_listed(
                OP,
                &server,
                link.server_id.as_ref(),
                link.resource_id.is_some(),
            )?;
        }
        Ok(links)
    }

    /// Attaches one prompt to a server (`POST /api/v1/servers/{id}/prompts`): one
    /// request, atomic, leaving the others. An attached prompt is a conflict error
    /// (409); an unknown prompt or server is [`Error::is_not_found`]. Confidence: code
    /// and spec.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let server = fake.seed_server("Docs", "");
    /// let prompt = fake.seed_prompt("summarize");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    ///
    /// hm.attach_prompt(&server, &prompt).await?;
    /// assert_eq!(hm.list_server_prompts(&server).await?.len(), 1);
    /// hm.detach_prompt(&server, &prompt).await?;
    /// # Ok(()) }
    /// ```
    pub async fn attach_prompt(
        &self,
        server_id: impl AsRef<str>,
        prompt_id: impl AsRef<str>,
    ) -> Result<(), Error> {
        let server = ServerId::new(server_id.as_ref())?;
        let prompt = typed_id::<PromptId>("prompt_id", prompt_id.as_ref())?;
        self.link_prompt(&server, &prompt).await
    }

    /// Detaches one prompt (`DELETE /api/v1/servers/{id}/prompts/{promptID}`); a
    /// success also when it was not attached. Confidence: code and spec.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.detach_prompt("kSuB9Gf6aD4", "kSuB9Gf6aD8").await?;
    /// # Ok(()) }
    /// ```
    pub async fn detach_prompt(
        &self,
        server_id: impl AsRef<str>,
        prompt_id: impl AsRef<str>,
    ) -> Result<(), Error> {
        let server = ServerId::new(server_id.as_ref())?;
        let prompt = typed_id::<PromptId>("prompt_id", prompt_id.as_ref())?;
        self.unlink_prompt(&server, &prompt).await
    }

    /// The prompts attached to a server (`GET /api/v1/servers/{id}/prompts`). The
    /// vendor's description lists them under `prompts`, the open-source edition under
    /// `prompt`: either is read (`prompts` when both are there), and `{}` is empty.
    /// Confidence: code and spec, which disagree on that key.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let prompts = hm.list_server_prompts("kSuB9Gf6aD4").await?;
    /// # Ok(()) }
    /// ```
    pub async fn list_server_prompts(
        &self,
        server_id: impl AsRef<str>,
    ) -> Result<Vec<ServerPromptLink>, Error> {
        let server = ServerId::new(server_id.as_ref())?;
        const OP: &Operation = &ops::HASMCP_LIST_SERVER_PROMPTS;
        let raw = self.raw();
        let fut = raw.hasmcp_list_server_prompts().id(server.clone()).send();
        let list = transport::call(raw, OP, fut).await?;
        let links = if list.prompts.is_empty() {
            list.prompt
        } else {
            list.prompts
        };
        for link in &links {
            check_listed(
                OP,
                &server,
                link.server_id.as_ref(),
                link.prompt_id.is_some(),
            )?;
        }
        Ok(links)
    }

    /// `POST /servers/{id}/tools` for checked ids; the answer may carry only zero ids
    /// or the ones asked for.
    pub(in crate::hasmcp) async fn link_tool(
        &self,
        server: &ServerId,
        tool: &ToolId,
    ) -> Result<(), Error> {
        const OP: &Operation = &ops::HASMCP_ATTACH_TOOL;
        let body = HasmcpAttachToolRequest {
            tool: HasmcpAttachTool {
                tool_id: tool.clone(),
                provider_id: None,
                server_id: None,
            },
        };
        let raw = self.raw();
        let fut = raw
            .hasmcp_attach_tool()
            .id(server.clone())
            .body(body)
            .send();
        let link = transport::call(raw, OP, fut).await?.tool;
        let server_id = link.server_id.as_ref().map(ServerId::as_str);
        check_link_id(OP, 201, "serverID", server.as_str(), server_id)?;
        let tool_id = link.tool_id.as_ref().map(ToolId::as_str);
        check_link_id(OP, 201, "toolID", tool.as_str(), tool_id)
    }

    /// `DELETE /servers/{id}/tools/{toolID}` for checked ids.
    pub(in crate::hasmcp) async fn unlink_tool(
        &self,
        server: &ServerId,
        tool: &ToolId,
    ) -> Result<(), Error> {
        let raw = self.raw();
        let fut = raw
            .hasmcp_detach_tool()
            .id(server.clone())
            .tool_id(tool.clone())
            .send();
        transport::call(raw, &ops::HASMCP_DETACH_TOOL, fut).await
    }

    /// `POST /servers/{id}/resources` for checked ids.
    pub(in crate::hasmcp) async fn link_resource(
        &self,
        server: &ServerId,
        resource: &ResourceId,
    ) -> Result<(), Error> {
        const OP: &Operation = &ops::HASMCP_ATTACH_RESOURCE;
        let body = HasmcpAttachResourceRequest {
            resource: HasmcpAttachResource {
                resource_id: resource.clone(),
                server_id: None,
            },
        };
        let raw = self.raw();
        let fut = raw
            .hasmcp_attach_resource()
            .id(server.clone())
            .body(body)
            .send();
        let link = transport::call(raw, OP, fut).await?.resource;
        let server_id = link.server_id.as_ref().map(ServerId::as_str);
        check_link_id(OP, 201, "serverID", server.as_str(), server_id)?;
        let resource_id = link.resource_id.as_ref().map(ResourceId::as_str);
        check_link_id(OP, 201, "resourceID", resource.as_str(), resource_id)
    }

    /// `DELETE /servers/{id}/resources/{resourceID}` for checked ids.
    pub(in crate::hasmcp) async fn unlink_resource(
        &self,
        server: &ServerId,
        resource: &ResourceId,
    ) -> Result<(), Error> {
        let raw = self.raw();
        let fut = raw
            .hasmcp_detach_resource()
            .id(server.clone())
            .resource_id(resource.clone())
            .send();
        transport::call(raw, &ops::HASMCP_DETACH_RESOURCE, fut).await
    }

    /// `POST /servers/{id}/prompts` for checked ids.
    pub(in crate::hasmcp) async fn link_prompt(
        &self,
        server: &ServerId,
        prompt: &PromptId,
    ) -> Result<(), Error> {
        const OP: &Operation = &ops::HASMCP_ATTACH_PROMPT;
        let body = HasmcpAttachPromptRequest {
            prompt: HasmcpAttachPrompt {
                prompt_id: prompt.clone(),
                server_id: None,
            },
        };
        let raw = self.raw();
        let fut = raw
            .hasmcp_attach_prompt()
            .id(server.clone())
            .body(body)
            .send();
        let link = transport::call(raw, OP, fut).await?.prompt;
        let server_id = link.server_id.as_ref().map(ServerId::as_str);
        check_link_id(OP, 201, "serverID", server.as_str(), server_id)?;
        let prompt_id = link.prompt_id.as_ref().map(PromptId::as_str);
        check_link_id(OP, 201, "promptID", prompt.as_str(), prompt_id)
    }

    /// `DELETE /servers/{id}/prompts/{promptID}` for checked ids.
    pub(in crate::hasmcp) async fn unlink_prompt(
        &self,
        server: &ServerId,
        prompt: &PromptId,
    ) -> Result<(), Error> {
        let raw = self.raw();
        let fut = raw
            .hasmcp_detach_prompt()
            .id(server.clone())
            .prompt_id(prompt.clone())
            .send();
        transport::call(raw, &ops::HASMCP_DETACH_PROMPT, fut).await
    }
}

/// Parses a caller's id of kind `T`, naming `field` when it is not one.
pub(in crate::hasmcp) fn typed_id<T: TryFrom<String, Error = Error>>(
    field: &'static str,
    id: &str,
) -> Result<T, Error> {
    crate::hasmcp::check_id(field, id)?;
    T::try_from(id.to_owned())
}

/// Checks one listed link: about the server asked for (when it says), and naming its
/// item.
fn check_listed(
    op: &Operation,
    server: &ServerId,
    listed_server: Option<&ServerId>,
    names_item: bool,
) -> Result<(), Error> {
    check_answer_id(
        op,
        200,
        "serverID",
        server.as_str(),
        listed_server.map(ServerId::as_str),
    )?;
    if names_item {
        Ok(())
    } else {
        Err(wrong_answer(op, 200, "a listed link names no item".into()))
    }
}
