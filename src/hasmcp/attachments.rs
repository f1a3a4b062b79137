//! A server's attachments one at a time: the link endpoints
//! (`/servers/{id}/tools|resources|prompts`), which add or remove a single link on the
//! server without a read–merge–write, so two writers cannot undo each other.

use serde::{Deserialize, Serialize};

use crate::{
    hasmcp::{
        servers::{check_answer_id, wrong_answer},
        Client, PromptId, ProviderId, ResourceId, ServerId, ToolId,
    },
    id::InvalidId,
    id::{self, IntoId},
    paging::List,
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
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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

/// An id a link answer carries, unless it is the all-zero one, which names nothing.
fn nonzero(id: Option<&str>) -> Option<&str> {
    id.filter(|id| *id != ZERO_ID)
}

/// One attachment of any kind: what a link request adds or removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::hasmcp) enum Attachment {
    Tool(ToolId),
    Resource(ResourceId),
    Prompt(PromptId),
}

impl Attachment {
    /// The update step that links (`attach`) or unlinks it: `attach_tools`, ….
    pub(in crate::hasmcp) fn kind(&self, attach: bool) -> &'static str {
        match (self, attach) {
            (Attachment::Tool(_), true) => "attach_tools",
            (Attachment::Tool(_), false) => "detach_tools",
            (Attachment::Resource(_), true) => "attach_resources",
            (Attachment::Resource(_), false) => "detach_resources",
            (Attachment::Prompt(_), true) => "attach_prompts",
            (Attachment::Prompt(_), false) => "detach_prompts",
        }
    }

    /// The step in words, with the id: `attach tool ASuB9Gf6aD9`.
    pub(in crate::hasmcp) fn describe(&self, attach: bool) -> String {
        let (kind, id) = match self {
            Attachment::Tool(id) => ("tool", id.as_str()),
            Attachment::Resource(id) => ("resource", id.as_str()),
            Attachment::Prompt(id) => ("prompt", id.as_str()),
        };
        let verb = if attach { "attach" } else { "detach" };
        format!("{verb} {kind} {id}")
    }
}

/// POSTs one link with generated operation `$op` and checks the answer's ids: the
/// zeros the open-source edition sends, or the ones asked for.
macro_rules! post_link {
    ($client:expr, $server:expr, $op:ident, $OP:ident, $body:expr,
     $envelope:ident . $field:ident == $item:expr, $key:literal) => {{
        const OP: &Operation = &ops::$OP;
        let raw = $client.raw();
        let fut = raw.$op().id($server.clone()).body($body);
        let link = transport::call(raw, OP, move || fut.send())
            .await?
            .$envelope;
        let server_id = nonzero(link.server_id.as_ref().map(|id| id.as_str()));
        check_answer_id(OP, 201, "serverID", $server.as_str(), server_id)?;
        let item_id = nonzero(link.$field.as_ref().map(|id| id.as_str()));
        check_answer_id(OP, 201, $key, $item.as_str(), item_id)
    }};
}

/// GETs a server's links with generated operation `$op`, takes them out of the answer
/// with `$take`, and checks each: about this server (when it says) and naming its item
/// (`$item`).
macro_rules! list_links {
    ($client:expr, $server_id:expr, $op:ident, $OP:ident, |$list:ident| $take:expr, $item:ident) => {{
        const OP: &Operation = &ops::$OP;
        let server = $server_id.clone().map_err(|e| e.for_field("id").at(OP))?;
        let raw = $client.raw();
        let fut = raw.$op().id(server.clone());
        let $list = transport::call(raw, OP, move || fut.send()).await?;
        let links = $take;
        for link in &links {
            check_listed(OP, &server, link.server_id.as_ref(), link.$item.is_some())?;
        }
        Ok::<_, Error>(links)
    }};
}

/// DELETEs one link with generated operation `$op`, whose item parameter is `$param`.
macro_rules! delete_link {
    ($client:expr, $server:expr, $op:ident, $OP:ident, $param:ident, $item:expr) => {{
        let raw = $client.raw();
        let fut = raw.$op().id($server.clone()).$param($item.clone());
        transport::call(raw, &ops::$OP, move || fut.send()).await
    }};
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
    /// assert_eq!(hm.list_server_tools(&server).all().await?.len(), 1);
    /// # Ok(()) }
    /// ```
    pub async fn attach_tool(
        &self,
        server_id: impl IntoId<ServerId>,
        tool_id: impl IntoId<ToolId>,
    ) -> Result<(), Error> {
        let server = id::take(server_id, "id", &ops::HASMCP_ATTACH_TOOL)?;
        let tool: ToolId = id::take(tool_id, "tool_id", &ops::HASMCP_ATTACH_TOOL)?;
        self.link(&server, &Attachment::Tool(tool)).await
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
    /// assert!(hm.list_server_tools(&server).all().await?.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn detach_tool(
        &self,
        server_id: impl IntoId<ServerId>,
        tool_id: impl IntoId<ToolId>,
    ) -> Result<(), Error> {
        let server = id::take(server_id, "id", &ops::HASMCP_DETACH_TOOL)?;
        let tool: ToolId = id::take(tool_id, "tool_id", &ops::HASMCP_DETACH_TOOL)?;
        self.unlink(&server, &Attachment::Tool(tool)).await
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
    /// let links = hm.list_server_tools(&server).all().await?;
    /// assert_eq!(links[0].tool_id.as_ref().map(|t| t.as_str()), Some(tool.as_str()));
    /// assert_eq!(links[0].provider_id.as_ref().map(|p| p.as_str()), Some(provider.as_str()));
    /// # Ok(()) }
    /// ```
    pub fn list_server_tools(&self, server_id: impl IntoId<ServerId>) -> ListServerTools {
        List::new(
            self.clone(),
            ServerToolsQuery {
                server: id::keep(server_id),
            },
        )
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
    /// assert_eq!(hm.list_server_resources(&server).all().await?.len(), 1);
    /// hm.detach_resource(&server, &readme).await?;
    /// assert!(hm.list_server_resources(&server).all().await?.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn attach_resource(
        &self,
        server_id: impl IntoId<ServerId>,
        resource_id: impl IntoId<ResourceId>,
    ) -> Result<(), Error> {
        let server = id::take(server_id, "id", &ops::HASMCP_ATTACH_RESOURCE)?;
        let resource: ResourceId =
            id::take(resource_id, "resource_id", &ops::HASMCP_ATTACH_RESOURCE)?;
        self.link(&server, &Attachment::Resource(resource)).await
    }

    /// Detaches one resource (`DELETE /api/v1/servers/{id}/resources/{resourceID}`);
    /// a success also when it was not attached, and (open-source edition) for an
    /// unknown server. Confidence: code and spec.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.detach_resource("ASuB9Gf6aD4", "ASuB9Gf6aD7").await?;
    /// # Ok(()) }
    /// ```
    pub async fn detach_resource(
        &self,
        server_id: impl IntoId<ServerId>,
        resource_id: impl IntoId<ResourceId>,
    ) -> Result<(), Error> {
        let server = id::take(server_id, "id", &ops::HASMCP_DETACH_RESOURCE)?;
        let resource: ResourceId =
            id::take(resource_id, "resource_id", &ops::HASMCP_DETACH_RESOURCE)?;
        self.unlink(&server, &Attachment::Resource(resource)).await
    }

    /// The resources attached to a server (`GET /api/v1/servers/{id}/resources`);
    /// `{}` reads as empty. Each link names its resource; one about another server is an
    /// [`Error::Decode`]. Confidence: code and spec.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// for link in hm.list_server_resources("ASuB9Gf6aD4").all().await? {
    ///     println!("{:?}", link.resource_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_server_resources(&self, server_id: impl IntoId<ServerId>) -> ListServerResources {
        List::new(
            self.clone(),
            ServerResourcesQuery {
                server: id::keep(server_id),
            },
        )
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
    /// assert_eq!(hm.list_server_prompts(&server).all().await?.len(), 1);
    /// hm.detach_prompt(&server, &prompt).await?;
    /// # Ok(()) }
    /// ```
    pub async fn attach_prompt(
        &self,
        server_id: impl IntoId<ServerId>,
        prompt_id: impl IntoId<PromptId>,
    ) -> Result<(), Error> {
        let server = id::take(server_id, "id", &ops::HASMCP_ATTACH_PROMPT)?;
        let prompt: PromptId = id::take(prompt_id, "prompt_id", &ops::HASMCP_ATTACH_PROMPT)?;
        self.link(&server, &Attachment::Prompt(prompt)).await
    }

    /// Detaches one prompt (`DELETE /api/v1/servers/{id}/prompts/{promptID}`); a
    /// success also when it was not attached. Confidence: code and spec.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.detach_prompt("ASuB9Gf6aD4", "ASuB9Gf6aD8").await?;
    /// # Ok(()) }
    /// ```
    pub async fn detach_prompt(
        &self,
        server_id: impl IntoId<ServerId>,
        prompt_id: impl IntoId<PromptId>,
    ) -> Result<(), Error> {
        let server = id::take(server_id, "id", &ops::HASMCP_DETACH_PROMPT)?;
        let prompt: PromptId = id::take(prompt_id, "prompt_id", &ops::HASMCP_DETACH_PROMPT)?;
        self.unlink(&server, &Attachment::Prompt(prompt)).await
    }

    /// The prompts attached to a server (`GET /api/v1/servers/{id}/prompts`). The
    /// vendor's description lists them under `prompts`, the open-source edition under
    /// `prompt`: either is read (`prompts` when both are there), and `{}` is empty.
    /// Confidence: code and spec, which disagree on that key.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let prompts = hm.list_server_prompts("ASuB9Gf6aD4").all().await?;
    /// # Ok(()) }
    /// ```
    pub fn list_server_prompts(&self, server_id: impl IntoId<ServerId>) -> ListServerPrompts {
        List::new(
            self.clone(),
            ServerPromptsQuery {
                server: id::keep(server_id),
            },
        )
    }

    /// Links one attachment (`POST /servers/{id}/tools|resources|prompts`).
    pub(in crate::hasmcp) async fn link(
        &self,
        server: &ServerId,
        item: &Attachment,
    ) -> Result<(), Error> {
        match item {
            Attachment::Tool(tool) => post_link!(
                self,
                server,
                hasmcp_attach_tool,
                HASMCP_ATTACH_TOOL,
                HasmcpAttachToolRequest {
                    tool: HasmcpAttachTool {
                        tool_id: tool.clone(),
                        provider_id: None,
                        server_id: None
                    },
                },
                tool.tool_id == tool,
                "toolID"
            ),
            Attachment::Resource(resource) => post_link!(
                self,
                server,
                hasmcp_attach_resource,
                HASMCP_ATTACH_RESOURCE,
                HasmcpAttachResourceRequest {
                    resource: HasmcpAttachResource {
                        resource_id: resource.clone(),
                        server_id: None
                    },
                },
                resource.resource_id == resource,
                "resourceID"
            ),
            Attachment::Prompt(prompt) => post_link!(
                self,
                server,
                hasmcp_attach_prompt,
                HASMCP_ATTACH_PROMPT,
                HasmcpAttachPromptRequest {
                    prompt: HasmcpAttachPrompt {
                        prompt_id: prompt.clone(),
                        server_id: None
                    },
                },
                prompt.prompt_id == prompt,
                "promptID"
            ),
        }
    }

    /// Unlinks one attachment (`DELETE /servers/{id}/tools|resources|prompts/{itemID}`).
    pub(in crate::hasmcp) async fn unlink(
        &self,
        server: &ServerId,
        item: &Attachment,
    ) -> Result<(), Error> {
        match item {
            Attachment::Tool(tool) => {
                delete_link!(
                    self,
                    server,
                    hasmcp_detach_tool,
                    HASMCP_DETACH_TOOL,
                    tool_id,
                    tool
                )
            }
            Attachment::Resource(resource) => delete_link!(
                self,
                server,
                hasmcp_detach_resource,
                HASMCP_DETACH_RESOURCE,
                resource_id,
                resource
            ),
            Attachment::Prompt(prompt) => delete_link!(
                self,
                server,
                hasmcp_detach_prompt,
                HASMCP_DETACH_PROMPT,
                prompt_id,
                prompt
            ),
        }
    }

    /// Whether the server lists this attachment among its links.
    pub(in crate::hasmcp) async fn is_linked(
        &self,
        server: &ServerId,
        item: &Attachment,
    ) -> Result<bool, Error> {
        Ok(match item {
            Attachment::Tool(tool) => self
                .list_server_tools(server)
                .all()
                .await?
                .iter()
                .any(|l| l.tool_id.as_ref() == Some(tool)),
            Attachment::Resource(resource) => self
                .list_server_resources(server)
                .all()
                .await?
                .iter()
                .any(|l| l.resource_id.as_ref() == Some(resource)),
            Attachment::Prompt(prompt) => self
                .list_server_prompts(server)
                .all()
                .await?
                .iter()
                .any(|l| l.prompt_id.as_ref() == Some(prompt)),
        })
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

whole_list! {
    /// What [`Client::list_server_tools`] asks for: a server's tool links, all of them.
    ServerToolsQuery {
        /// The server, or why the id given is not one.
        server: Result<ServerId, InvalidId>,
    } => ServerToolLink, HASMCP_LIST_SERVER_TOOLS, |client, query| {
        list_links!(
            client,
            query.server,
            hasmcp_list_server_tools,
            HASMCP_LIST_SERVER_TOOLS,
            |list| list.tools,
            tool_id
        )
    }
}

/// The list [`Client::list_server_tools`] returns.
pub type ListServerTools = List<ServerToolsQuery>;

whole_list! {
    /// What [`Client::list_server_resources`] asks for: a server's resource links, all of them.
    ServerResourcesQuery {
        /// The server, or why the id given is not one.
        server: Result<ServerId, InvalidId>,
    } => ServerResourceLink, HASMCP_LIST_SERVER_RESOURCES, |client, query| {
        list_links!(
            client,
            query.server,
            hasmcp_list_server_resources,
            HASMCP_LIST_SERVER_RESOURCES,
            |list| list.resources,
            resource_id
        )
    }
}

/// The list [`Client::list_server_resources`] returns.
pub type ListServerResources = List<ServerResourcesQuery>;

whole_list! {
    /// What [`Client::list_server_prompts`] asks for: a server's prompt links, all of them.
    ServerPromptsQuery {
        /// The server, or why the id given is not one.
        server: Result<ServerId, InvalidId>,
    } => ServerPromptLink, HASMCP_LIST_SERVER_PROMPTS, |client, query| {
        // Both keys: `prompts` (spec) when it has any, else `prompt` (code).
        list_links!(
            client,
            query.server,
            hasmcp_list_server_prompts,
            HASMCP_LIST_SERVER_PROMPTS,
            |list| if list.prompts.is_empty() {
                list.prompt
            } else {
                list.prompts
            },
            prompt_id
        )
    }
}

/// The list [`Client::list_server_prompts`] returns.
pub type ListServerPrompts = List<ServerPromptsQuery>;
