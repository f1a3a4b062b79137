//! The HasMCP update builder: a partial update on top of a replacing PATCH, and the
//! bodies it sends.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::OP;
use crate::{
    error::{ConflictError, Platform},
    hasmcp::{
        attachments::{typed_id, Attachment},
        check_id, Client, IdRef, InvalidId, PromptId, ProviderId, ProviderRef, ResourceId, Server,
        ServerId, ToolId,
    },
    id::{IntoId, Refused},
    transport, Error, Patch,
};

const MAX_NAME: usize = 16;
const MAX_INSTRUCTIONS: usize = 4096;

/// The fields of an update, as sent inside `{"server": …}`. `None` is not sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateServerFields {
    /// `name` (required by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `instructions` (`""` empties them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// `version`: the version this update is based on (required by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// `requestHeadersProxyEnabled`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_headers_proxy_enabled: Option<bool>,
    /// `providers` (`[]` detaches all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub providers: Option<Vec<ProviderRef>>,
    /// `resources` (`[]` detaches all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<IdRef>>,
    /// `prompts` (`[]` detaches all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompts: Option<Vec<IdRef>>,
}

/// The PATCH body, `{"server": …}`. Public for the raw client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServerBody {
    /// The fields to send.
    pub server: UpdateServerFields,
}

/// An update of one HasMCP server that changes exactly the fields you name.
///
/// # Attachments: relative changes or whole lists
///
/// To add or remove single tools, resources or prompts, use the relative changes
/// ([`attach_tools`](Self::attach_tools), [`detach_tools`](Self::detach_tools),
/// [`attach_resources`](Self::attach_resources), …). They are applied to what the server
/// holds when the update runs, on every round: an update made of nothing but relative
/// changes goes through the server's link endpoints, one atomic request per link, and
/// sends **no PATCH**, so it cannot undo a concurrent writer's links, nor lose its own.
/// What is already as asked is skipped (attaching an attached tool is not an error
/// here, unlike [`Client::attach_tool`]).
///
/// The whole-list setters ([`providers`](Self::providers), [`resources`](Self::resources),
/// [`prompts`](Self::prompts) and their `clear_` forms) state the complete set: use them
/// when you mean "exactly these", e.g. to mirror a configuration file.
///
/// # Why [`send`](Self::send) reads first
///
/// HasMCP's PATCH *replaces* the server: `name` and `version` are required, omitted
/// `instructions` are emptied, an omitted `requestHeadersProxyEnabled` resets to false,
/// and omitted providers, tools, resources and prompts are detached. A plain PATCH of
/// `{"server":{"name":"x"}}` is refused for the missing version, and with a version it
/// would silently detach every tool.
///
/// So `send()` GETs the server, applies your changes to what it read, and PATCHes the
/// whole result with the version it read: what you did not touch survives. If someone
/// else wrote in between, the server still answers 200 (it ignores a stale version for
/// the name and instructions but replaces the attachments); `send()` notices because the
/// returned version is not the sent one + 1, or the name, instructions or flag it sent
/// are not the ones reported, and returns [`Error::Conflict`].
/// [`retry_on_conflict`](Self::retry_on_conflict) re-reads and re-applies your changes.
/// An answer without a version is not a success either: whether it was applied is
/// unknown, and that too is a conflict error whose `may_have_applied` is `true`.
///
/// # What no client can detect
///
/// A PATCH carries the attachments as they were read. A link another client adds
/// between that read and the PATCH (through the link endpoints, which do not move the
/// version) is replaced away, and the PATCH looks like a plain success. A stale PATCH
/// whose name, instructions and flag equal the winner's looks the same. So: **attach
/// and detach on their own** (relative changes only, or [`Client::attach_tool`]), and
/// change the name, instructions or flag in a separate call; when several writers must
/// PATCH one server, serialize them on your side (one task, a lock, a queue).
///
/// ```no_run
/// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
/// // One more tool, nothing else: link requests only, no PATCH, nothing to race.
/// hm.update_server("ASuB9Gf6aD4")
///     .attach_tools("ASuB9Gf6aD5", ["ASuB9Gf6aD6"])
///     .send()
///     .await?;
/// // A rename: a PATCH, retried on a detected race.
/// let server = hm
///     .update_server("ASuB9Gf6aD4")
///     .name("GitHubTools") // instructions, tools, … are kept
///     .retry_on_conflict(2)
///     .send()
///     .await?;
/// # Ok(()) }
/// ```
///
/// # When to use [`send_exact`](Self::send_exact)
///
/// For a server with true merge semantics (or when you hold the whole state yourself),
/// `send_exact()` skips the read and sends only what you set, with
/// [`expected_version`](Self::expected_version) as the version. Against the replacing
/// server it detaches whatever you leave out. It sends no relative changes.
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdateServer {
    client: Client,
    /// The id, checked once when the builder is made.
    id: Result<ServerId, InvalidId>,
    /// Text given for an attachment's id that is not one: reported at `send()`.
    refused: Refused,
    changes: Changes,
    expected_version: Option<i64>,
    retry_on_conflict: u32,
}

/// What the caller asked to change; re-applied on every conflict retry. Fields the
/// server cannot empty are `Option`s: they have no clear form.
#[derive(Debug, Clone, Default, PartialEq)]
struct Changes {
    name: Option<String>,
    instructions: Patch<String>,
    request_headers_proxy_enabled: Option<bool>,
    providers: Patch<Vec<ProviderRef>>,
    resources: Patch<Vec<IdRef>>,
    prompts: Patch<Vec<IdRef>>,
    relative: Relative,
}

impl Changes {
    /// Whether the update changes any attachment: only then can a lost round have
    /// replaced attachments with ones the caller asked for.
    fn attachments(&self) -> bool {
        self.providers != Patch::Keep
            || self.resources != Patch::Keep
            || self.prompts != Patch::Keep
            || self.relative != Relative::default()
    }
}

/// Attachments to add or remove, applied to the server's state at each round.
#[derive(Debug, Clone, Default, PartialEq)]
struct Relative {
    /// `(provider, tool)`
    attach_tools: Vec<(String, String)>,
    detach_tools: Vec<String>,
    attach_resources: Vec<String>,
    detach_resources: Vec<String>,
    attach_prompts: Vec<String>,
    detach_prompts: Vec<String>,
}

impl Changes {
    /// Whether only relative attachment changes were asked for: then the link
    /// endpoints do it all and no PATCH is sent.
    fn links_only(&self) -> bool {
        self.relative != Relative::default()
            && Changes {
                relative: Relative::default(),
                ..self.clone()
            } == Changes::default()
    }
}

impl UpdateServer {
    pub(super) fn new(client: Client, id: Result<ServerId, InvalidId>) -> Self {
        UpdateServer {
            client,
            id,
            refused: Refused::default(),
            changes: Changes::default(),
            expected_version: None,
            retry_on_conflict: 0,
        }
    }

    /// New name: 1–16 characters `[A-Za-z0-9]`.
    pub fn name(self, name: impl Into<String>) -> Self {
        self.set_name(Some(name.into()))
    }

    /// The name, or `None` to leave it; the server cannot empty a name.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").set_name(std::env::var("NEW_NAME").ok());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_name(mut self, name: Option<String>) -> Self {
        self.changes.name = name;
        self
    }

    /// New instructions (at most 4096 bytes of UTF-8, as the server counts them).
    pub fn instructions(self, instructions: impl Into<String>) -> Self {
        self.set_instructions(Patch::Set(instructions.into()))
    }

    /// Empties the instructions: sends `"instructions": ""`.
    pub fn clear_instructions(self) -> Self {
        self.set_instructions(Patch::Clear)
    }

    /// Sets, clears or keeps the instructions in one call.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").set_instructions(std::env::var("TEXT").ok().into());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_instructions(mut self, instructions: Patch<String>) -> Self {
        self.changes.instructions = instructions;
        self
    }

    /// Whether request headers are proxied to the providers.
    pub fn request_headers_proxy_enabled(self, enabled: bool) -> Self {
        self.set_request_headers_proxy_enabled(Some(enabled))
    }

    /// The proxy flag, or `None` to leave it.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").set_request_headers_proxy_enabled(Some(true));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_request_headers_proxy_enabled(mut self, enabled: Option<bool>) -> Self {
        self.changes.request_headers_proxy_enabled = enabled;
        self
    }

    /// The provider attachments (at most one provider), replacing the current ones.
    pub fn providers(self, providers: impl IntoIterator<Item = ProviderRef>) -> Self {
        self.set_providers(Patch::Set(providers.into_iter().collect()))
    }

    /// Detaches every provider and tool: sends `"providers": []`.
    pub fn clear_providers(self) -> Self {
        self.set_providers(Patch::Clear)
    }

    /// Sets, clears (detaches all) or keeps the provider attachments in one call.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").set_providers(mcp_admin::Patch::Clear);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_providers(mut self, providers: Patch<Vec<ProviderRef>>) -> Self {
        self.changes.providers = providers;
        self
    }

    /// The resource attachments by id, replacing the current ones.
    pub fn resources<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<ResourceId>,
    {
        let ids = self.refused.keep_all(ids, "resources");
        self.set_resources(Patch::Set(ids))
    }

    /// Detaches every resource: sends `"resources": []`.
    pub fn clear_resources(self) -> Self {
        self.set_resources(Patch::Clear)
    }

    /// Sets, clears (detaches all) or keeps the resource attachments in one call.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").set_resources(Some(vec!["ASuB9Gf6aD7".parse()?]).into());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_resources(mut self, ids: Patch<Vec<ResourceId>>) -> Self {
        self.changes.resources = ids.map(id_refs);
        self
    }

    /// The prompt attachments by id, replacing the current ones.
    pub fn prompts<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<PromptId>,
    {
        let ids = self.refused.keep_all(ids, "prompts");
        self.set_prompts(Patch::Set(ids))
    }

    /// Detaches every prompt: sends `"prompts": []`.
    pub fn clear_prompts(self) -> Self {
        self.set_prompts(Patch::Clear)
    }

    /// Sets, clears (detaches all) or keeps the prompt attachments in one call.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").set_prompts(mcp_admin::Patch::Keep);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_prompts(mut self, ids: Patch<Vec<PromptId>>) -> Self {
        self.changes.prompts = ids.map(id_refs);
        self
    }

    /// Attaches `tools` of `provider`, keeping every other attachment: applied to the
    /// server's state when the update runs (on every round), and skipped for a tool
    /// already attached. Calls add up; an empty list adds nothing, so an optional list
    /// forwards as `opt.into_iter().flatten()`.
    ///
    /// With no other change, the update uses the link endpoint for each tool and sends
    /// no PATCH; the server then takes the provider from the tool itself, and a tool
    /// attached by someone else in between counts as done. In a PATCH, the tool goes
    /// under `provider` (the server keeps at most one provider per PATCH).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let server = fake.seed_server("GitHubTools", "");
    /// let provider = fake.seed_provider("GitHub");
    /// let (a, b) = (fake.seed_tool(&provider, "listRepos"), fake.seed_tool(&provider, "getRepo"));
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    ///
    /// let updated = hm.update_server(&server).attach_tools(&provider, [&a, &b]).send().await?;
    /// assert_eq!(updated.providers[0].tools.len(), 2);
    /// // No PATCH was sent: the version is where it was.
    /// assert_eq!(updated.version, Some(1));
    /// # Ok(()) }
    /// ```
    pub fn attach_tools<I>(mut self, provider: impl IntoId<ProviderId>, tools: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<ToolId>,
    {
        let provider = self.refused.keep_all([provider], "attach_tools");
        let tools = self.refused.keep_all(tools, "attach_tools");
        if let [provider] = provider.as_slice() {
            self.changes.relative.attach_tools.extend(
                tools
                    .iter()
                    .map(|tool| (provider.to_string(), tool.to_string())),
            );
        }
        self
    }

    /// Detaches `tools`, keeping every other attachment; skipped for a tool that is
    /// not attached. Calls add up. With no other change, no PATCH is sent.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").detach_tools(["ASuB9Gf6aD6"]);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn detach_tools<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<ToolId>,
    {
        let ids = self.refused.keep_all(ids, "detach_tools");
        extend(&mut self.changes.relative.detach_tools, ids);
        self
    }

    /// Attaches resources by id, keeping the others; see
    /// [`attach_tools`](Self::attach_tools). Each is a [`ResourceId`], a `&Resource` or
    /// text (refused at `send()` when it is no id).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").attach_resources(["ASuB9Gf6aD7"]);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    ///
    /// An id of another kind does not compile:
    ///
    /// ```compile_fail
    /// # fn demo(hm: mcp_admin::hasmcp::Client, prompt: mcp_admin::hasmcp::Prompt) {
    /// let update = hm.update_server("ASuB9Gf6aD4").attach_resources([&prompt.id]);
    /// # }
    /// ```
    pub fn attach_resources<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<ResourceId>,
    {
        let ids = self.refused.keep_all(ids, "attach_resources");
        extend(&mut self.changes.relative.attach_resources, ids);
        self
    }

    /// Detaches resources by id, keeping the others.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").detach_resources(["ASuB9Gf6aD7"]);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn detach_resources<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<ResourceId>,
    {
        let ids = self.refused.keep_all(ids, "detach_resources");
        extend(&mut self.changes.relative.detach_resources, ids);
        self
    }

    /// Attaches prompts by id, keeping the others.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").attach_prompts(["ASuB9Gf6aD8"]);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn attach_prompts<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<PromptId>,
    {
        let ids = self.refused.keep_all(ids, "attach_prompts");
        extend(&mut self.changes.relative.attach_prompts, ids);
        self
    }

    /// Detaches prompts by id, keeping the others.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").detach_prompts(["ASuB9Gf6aD8"]);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn detach_prompts<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: IntoId<PromptId>,
    {
        let ids = self.refused.keep_all(ids, "detach_prompts");
        extend(&mut self.changes.relative.detach_prompts, ids);
        self
    }

    /// Only update if the server is at this version: [`send`](Self::send) returns a
    /// conflict, sending no PATCH, when the version it reads differs. With
    /// [`send_exact`](Self::send_exact) it is the version sent.
    pub fn expected_version(self, version: i64) -> Self {
        self.set_expected_version(Some(version))
    }

    /// The expected version, or `None` for no check.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_server("ASuB9Gf6aD4").name("Tools").set_expected_version(Some(3));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_expected_version(mut self, version: Option<i64>) -> Self {
        self.expected_version = version;
        self
    }

    /// On a concurrent write detected after the PATCH, wait, read again, re-apply only
    /// the changes set on this builder (relative ones to the fresh state) and try again,
    /// up to `n` more times (default 0). The wait is the client's
    /// [`RetryPolicy`](crate::RetryPolicy) backoff, jittered, so writers that lost
    /// together do not read together again. An
    /// [`expected_version`](Self::expected_version) mismatch is never retried: re-reading
    /// cannot bring an older version back. So with both set, a lost round ends at the next
    /// read with a conflict whose `may_have_applied` is `true`.
    ///
    /// A lost round's PATCH may already have replaced the attachments with those read
    /// before the race (the server applies them even on a stale version); the retry
    /// writes them again from the fresh state, but an attachment change made by the
    /// winner in between can be undone by that lost round. See the type's docs.
    pub fn retry_on_conflict(mut self, n: u32) -> Self {
        self.retry_on_conflict = n;
        self
    }

    /// The complete body [`send`](Self::send) would PATCH given the server's current
    /// state: `current` with this builder's changes applied, and `current`'s version.
    /// Checks every input, including that `current.version` is one an update can be
    /// based on; no I/O.
    ///
    /// ```
    /// # fn demo(hm: mcp_admin::hasmcp::Client, current: mcp_admin::hasmcp::Server) -> Result<(), mcp_admin::Error> {
    /// let body = hm.update_server("ASuB9Gf6aD4").name("Renamed").merged_body(&current)?;
    /// assert_eq!(body.server.instructions.as_deref(), Some(current.instructions_text()));
    /// # Ok(()) }
    /// ```
    pub fn merged_body(&self, current: &Server) -> Result<UpdateServerBody, Error> {
        self.checked_merged_body(current).map_err(|e| e.at(OP))
    }

    fn checked_merged_body(&self, current: &Server) -> Result<UpdateServerBody, Error> {
        self.validate()?;
        let version = usable_version(current.version)
            .map_err(|why| Error::invalid("current.version", format!("the server has {why}")))?;
        self.apply(current, version)
    }

    /// `current` with the changes applied, based on `version`; refused when the result
    /// holds more providers than a PATCH takes.
    fn apply(&self, current: &Server, version: i64) -> Result<UpdateServerBody, Error> {
        let c = self.changes.clone();
        let r = &c.relative;
        let mut providers = c.providers.apply_to(
            current.providers.iter().map(ProviderRef::from).collect(),
            Vec::new,
        );
        if !r.attach_tools.is_empty() || !r.detach_tools.is_empty() {
            for p in &mut providers {
                p.tools.retain(|t| !r.detach_tools.contains(&t.id));
            }
            for (provider, tool) in &r.attach_tools {
                let attached = providers
                    .iter()
                    .any(|p| p.tools.iter().any(|t| t.id == *tool));
                if attached {
                    continue;
                }
                match providers.iter_mut().find(|p| p.id == *provider) {
                    Some(p) => p.tools.push(IdRef::new(tool.as_str())),
                    None => providers.push(ProviderRef::new(provider.as_str()).tools([tool])),
                }
            }
            // A provider without tools is not kept by the server; it would only count
            // against the one-provider limit.
            providers.retain(|p| !p.tools.is_empty());
        }
        if providers.len() > 1 {
            let ids: Vec<&str> = providers.iter().map(|p| p.id.as_str()).collect();
            return Err(Error::invalid(
                "providers",
                format!(
                    "the update would leave {} providers attached ({}); a PATCH takes at \
                     most 1 (detach tools with the link endpoints first)",
                    ids.len(),
                    ids.join(", ")
                ),
            ));
        }
        let resources = relative_ids(
            c.resources.apply_to(
                id_refs(current.resources.iter().map(|r| &r.id).collect()),
                Vec::new,
            ),
            &r.attach_resources,
            &r.detach_resources,
        );
        let prompts = relative_ids(
            c.prompts.apply_to(
                id_refs(current.prompts.iter().map(|p| &p.id).collect()),
                Vec::new,
            ),
            &r.attach_prompts,
            &r.detach_prompts,
        );
        Ok(UpdateServerBody {
            server: UpdateServerFields {
                name: Some(c.name.unwrap_or_else(|| current.name.clone())),
                instructions: Some(
                    c.instructions
                        .apply_to(current.instructions_text().to_owned(), String::new),
                ),
                version: Some(version),
                request_headers_proxy_enabled: Some(
                    c.request_headers_proxy_enabled
                        .unwrap_or(current.request_headers_proxy_enabled),
                ),
                providers: Some(providers),
                resources: Some(resources),
                prompts: Some(prompts),
            },
        })
    }

    /// The body [`send_exact`](Self::send_exact) sends: only the fields set, and
    /// `expected_version` as the version. Checks every input; no I/O. Relative changes
    /// need a read to apply to, so they are refused here.
    ///
    /// ```
    /// # fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let body = hm.update_server("ASuB9Gf6aD4").clear_prompts().expected_version(4).exact_body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"server":{"version":4,"prompts":[]}}"#);
    /// # Ok(()) }
    /// ```
    pub fn exact_body(&self) -> Result<UpdateServerBody, Error> {
        self.checked_exact_body().map_err(|e| e.at(OP))
    }

    fn checked_exact_body(&self) -> Result<UpdateServerBody, Error> {
        self.check_exact()?;
        Ok(exact(self.changes.clone(), self.expected_version))
    }

    /// The checks of [`exact_body`](Self::exact_body).
    fn check_exact(&self) -> Result<(), Error> {
        self.validate()?;
        if self.expected_version.is_none() {
            return Err(Error::invalid(
                "expected_version",
                "send_exact() replaces the whole server (what is not set is emptied: \
                 instructions, attachments) and HasMCP refuses it without the version it \
                 replaces: set expected_version(), or use send()",
            ));
        }
        if self.changes.relative != Relative::default() {
            return Err(Error::invalid(
                "update",
                "attach_*/detach_* apply to the server's current state: use send(), \
                 which reads it",
            ));
        }
        Ok(())
    }

    /// Reads the server, applies the changes, PATCHes the whole result with the
    /// version read, and checks the version the server answers with. See the type's
    /// docs for why; on a detected concurrent write it returns [`Error::Conflict`]
    /// unless [`retry_on_conflict`](Self::retry_on_conflict) allows another round. When
    /// the read of such a later round fails, the earlier round's PATCH may have replaced
    /// the attachments: the error is an [`Error::NotApplied`] with `providers`,
    /// `resources` and `prompts` in `not_applied` and the read's error as `cause`
    /// ([`Error::may_have_applied`] is `true`).
    ///
    /// An update of nothing but relative attachment changes reads the server, sends one
    /// link request per attachment that is not yet as asked (each its own atomic
    /// request: after an error, the ones before it stand), and reads the result: no
    /// PATCH, no version change. When a link request or the final read fails after an
    /// earlier link request landed, the error is an [`Error::NotApplied`]: `applied`
    /// names the steps that landed (`detach_tools`, …), `not_applied` those not done,
    /// `cause` is the failing request's error, and [`Error::may_have_applied`] is `true`.
    ///
    /// A read whose version no update can be based on (none, or outside the int32
    /// range) is that read's [`Error::Decode`]: nothing is PATCHed. So is a read or an
    /// answer about another server than this one.
    pub async fn send(self) -> Result<Server, Error> {
        self.send_unstamped().await.map_err(|e| e.at(OP))
    }

    async fn send_unstamped(self) -> Result<Server, Error> {
        self.validate()?;
        let id = self.id()?;
        if self.changes.links_only() {
            return self.send_links(id).await;
        }
        let mut rounds_left = self.retry_on_conflict;
        let mut round = 0;
        // Whether an earlier round's PATCH reached the server: its attachments may stand.
        let mut patched = false;
        loop {
            let read = self
                .client
                .fetch(id, |read| self.check_read(read, patched))
                .await
                .map_err(|e| e.in_step(OP, READING));
            let (current, checked) = match read {
                Ok(read) => read,
                Err(e) if patched => return Err(reread_failed(e)),
                Err(e) => return Err(e),
            };
            let version = checked?;
            let body = self.apply(&current, version)?;
            let wrote = body.server.clone();
            let updated = self.client.patch(id, body).await?;
            patched = true;
            let attachments = self.changes.attachments();
            let conflict = match lost_race(&wrote, version, &updated, attachments) {
                Outcome::Applied => return Ok(updated),
                Outcome::Unknown(conflict) => return Err(conflict.into()),
                Outcome::Lost(conflict) => conflict,
            };
            if rounds_left == 0 {
                return Err(conflict.into());
            }
            rounds_left -= 1;
            round += 1;
            let wait = transport::round_backoff(self.client.raw(), round);
            tracing::debug!(server = %id, sent = version, found = ?updated.version, rounds_left, ?wait, "hasmcp: concurrent write; re-reading");
            tokio::time::sleep(wait).await;
        }
    }

    /// The update of relative changes only: link requests for what the read shows is
    /// not yet as asked, then a fresh read.
    async fn send_links(&self, id: &ServerId) -> Result<Server, Error> {
        let (current, checked) = self
            .client
            .fetch(id, |read| {
                Ok(match self.expected_version {
                    Some(expected) if read.version != Some(expected) => {
                        Err(stale_read(expected, read.version, false, false))
                    }
                    _ => Ok(()),
                })
            })
            .await
            .map_err(|e| e.in_step(OP, READING))?;
        checked?;
        let r = &self.changes.relative;
        let tools: BTreeSet<&str> = current
            .providers
            .iter()
            .flat_map(|p| p.tools.iter().map(|t| t.id.as_str()))
            .collect();
        let resources: BTreeSet<&str> = current.resources.iter().map(|x| x.id.as_str()).collect();
        let prompts: BTreeSet<&str> = current.prompts.iter().map(|x| x.id.as_str()).collect();
        let mut steps = Vec::new();
        plan(
            &mut steps,
            &tools,
            &r.detach_tools,
            r.attach_tools.iter().map(|(_, tool)| tool),
            Attachment::Tool,
        )?;
        plan(
            &mut steps,
            &resources,
            &r.detach_resources,
            r.attach_resources.iter(),
            Attachment::Resource,
        )?;
        plan(
            &mut steps,
            &prompts,
            &r.detach_prompts,
            r.attach_prompts.iter(),
            Attachment::Prompt,
        )?;
        if steps.is_empty() {
            return Ok(current);
        }
        let mut done: Vec<String> = Vec::new();
        for (i, (attach, item)) in steps.iter().enumerate() {
            if let Err(e) = self.step(id, *attach, item).await {
                if done.is_empty() {
                    return Err(e);
                }
                let what = format!(
                    "{} landed; {} failed",
                    done.join(", "),
                    item.describe(*attach)
                );
                return Err(Error::partly_applied(
                    Platform::HasMcp,
                    OP.id,
                    0,
                    step_kinds(&steps[..i]),
                    step_kinds(&steps[i..]),
                    &what,
                    e,
                ));
            }
            done.push(item.describe(*attach));
        }
        match self.client.fetch(id, |_| Ok(())).await {
            Ok((server, _)) => Ok(server),
            Err(e) => Err(Error::partly_applied(
                Platform::HasMcp,
                OP.id,
                0,
                step_kinds(&steps),
                Vec::new(),
                &format!(
                    "{} landed; reading the server afterwards failed",
                    done.join(", ")
                ),
                e.in_step(OP, "reading the server back"),
            )),
        }
    }

    /// One link request of [`send_links`](Self::send_links).
    async fn step(&self, id: &ServerId, attach: bool, item: &Attachment) -> Result<(), Error> {
        if !attach {
            return self.client.unlink(id, item).await;
        }
        match self.client.link(id, item).await {
            // Linked in between by someone else (done), or, for a tool, no such
            // tool: the server's list tells which.
            Err(e) if e.status() == Some(409) => {
                let linked = self.client.is_linked(id, item).await;
                if linked.map_err(|e| e.in_step(OP, "listing the server's links"))? {
                    Ok(())
                } else {
                    Err(e)
                }
            }
            other => other,
        }
    }

    /// Sends only the fields set, without reading first, wrapped in `{"server": …}`,
    /// with [`expected_version`](Self::expected_version) as the version, which is
    /// required (refused before sending without it: HasMCP answers a PATCH without a
    /// version 400 "invalid server version").
    ///
    /// **It replaces the whole server**: HasMCP empties the instructions and detaches
    /// every provider, resource and prompt that the body does not carry. Use
    /// [`send`](Self::send) for a partial update.
    pub async fn send_exact(self) -> Result<Server, Error> {
        self.send_exact_unstamped().await.map_err(|e| e.at(OP))
    }

    async fn send_exact_unstamped(mut self) -> Result<Server, Error> {
        self.check_exact()?;
        // The builder is used up: its changes move into the body instead of being copied.
        let body = exact(std::mem::take(&mut self.changes), self.expected_version);
        self.client.patch(self.id()?, body).await
    }

    /// Checks a read an update is to be based on: the version it is at, or a conflict
    /// when that is not the expected one, or (the outer error, which the read reports as
    /// its [`Error::Decode`]) why no update can be based on it.
    fn check_read(
        &self,
        read: &Server,
        patched: bool,
    ) -> Result<Result<i64, ConflictError>, String> {
        match self.expected_version {
            Some(expected) if read.version != Some(expected) => Ok(Err(stale_read(
                expected,
                read.version,
                patched,
                self.changes.attachments(),
            ))),
            _ => usable_version(read.version)
                .map(Ok)
                .map_err(|why| format!("the server reported {why}")),
        }
    }

    /// The id given to [`Client::update_server`], or why it is not one.
    fn id(&self) -> Result<&ServerId, Error> {
        self.id.as_ref().map_err(|e| e.clone().for_field("id"))
    }

    /// The checks the server would make, made before any request.
    fn validate(&self) -> Result<(), Error> {
        self.id()?;
        self.refused.check_unstamped()?;
        let c = &self.changes;
        if *c == Changes::default() {
            return Err(Error::invalid(
                "update",
                "nothing to update: set at least one field",
            ));
        }
        if let Some(name) = &c.name {
            check_name(name)?;
        }
        if let Patch::Set(text) = &c.instructions {
            check_instructions(text)?;
        }
        if let Patch::Set(providers) = &c.providers {
            check_providers(providers)?;
        }
        if let Patch::Set(resources) = &c.resources {
            check_id_refs("resources", resources)?;
        }
        if let Patch::Set(prompts) = &c.prompts {
            check_id_refs("prompts", prompts)?;
        }
        let r = &c.relative;
        for (provider, tool) in &r.attach_tools {
            check_id("attach_tools", provider)?;
            check_id("attach_tools", tool)?;
        }
        for (field, attach, detach) in [
            (
                "attach_tools",
                &r.attach_tools.iter().map(|(_, t)| t.clone()).collect(),
                &r.detach_tools,
            ),
            ("attach_resources", &r.attach_resources, &r.detach_resources),
            ("attach_prompts", &r.attach_prompts, &r.detach_prompts),
        ] {
            for id in attach.iter().chain(detach) {
                check_id(field, id)?;
            }
            if let Some(both) = attach.iter().find(|id| detach.contains(id)) {
                return Err(Error::invalid(
                    field,
                    format!("{both} is both attached and detached by this update"),
                ));
            }
        }
        Ok(())
    }
}

/// The step an update reads the server in, as its errors name it.
const READING: &str = "reading the server";

/// Checks a server name: 1–16 characters `[A-Za-z0-9]`.
pub(super) fn check_name(name: &str) -> Result<(), Error> {
    let ok =
        (1..=MAX_NAME).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "name",
            format!("{name:?}: 1 to {MAX_NAME} characters A-Z, a-z, 0-9"),
        ))
    }
}

/// Checks instructions: at most 4096 bytes of UTF-8.
pub(super) fn check_instructions(text: &str) -> Result<(), Error> {
    // The server (Go) measures with `len`, in bytes of UTF-8, not characters.
    let n = text.len();
    if n > MAX_INSTRUCTIONS {
        return Err(Error::invalid(
            "instructions",
            format!("{n} bytes of UTF-8; at most {MAX_INSTRUCTIONS}"),
        ));
    }
    Ok(())
}

/// Checks a provider list: at most one, every id well formed.
pub(super) fn check_providers(providers: &[ProviderRef]) -> Result<(), Error> {
    if providers.len() > 1 {
        return Err(Error::invalid(
            "providers",
            format!("{} providers; a server takes at most 1", providers.len()),
        ));
    }
    providers.iter().try_for_each(ProviderRef::validate)
}

/// Checks every id of a resource or prompt list.
pub(super) fn check_id_refs(field: &'static str, refs: &[IdRef]) -> Result<(), Error> {
    refs.iter().try_for_each(|r| check_id(field, &r.id))
}

/// Appends caller ids to a list of relative changes.
/// The body of an exact update: the fields set, and `expected_version` as the version.
fn exact(c: Changes, expected_version: Option<i64>) -> UpdateServerBody {
    UpdateServerBody {
        server: UpdateServerFields {
            name: c.name,
            instructions: c.instructions.into_wire(String::new),
            version: expected_version,
            request_headers_proxy_enabled: c.request_headers_proxy_enabled,
            providers: c.providers.into_wire(Vec::new),
            resources: c.resources.into_wire(Vec::new),
            prompts: c.prompts.into_wire(Vec::new),
        },
    }
}

fn extend<K: std::fmt::Display>(list: &mut Vec<String>, ids: Vec<K>) {
    list.extend(ids.iter().map(K::to_string));
}

/// Adds to `steps` (attach?, item) the links to remove (`detach` found in `current`)
/// and then those to add (`attach` not in `current`).
fn plan<'a, T>(
    steps: &mut Vec<(bool, Attachment)>,
    current: &BTreeSet<&str>,
    detach: &'a [String],
    attach: impl Iterator<Item = &'a String>,
    make: fn(T) -> Attachment,
) -> Result<(), Error>
where
    T: TryFrom<String, Error = Error>,
{
    let detach = detach.iter().filter(|id| current.contains(id.as_str()));
    let attach = attach.filter(|id| !current.contains(id.as_str()));
    for (is_attach, id) in detach
        .map(|id| (false, id))
        .chain(attach.map(|id| (true, id)))
    {
        steps.push((is_attach, make(typed_id("update", id)?)));
    }
    Ok(())
}

/// The kinds of link steps (`detach_tools`, `attach_prompts`, …) in `steps`, each once,
/// in order: what [`Error::NotApplied`] lists for them.
fn step_kinds(steps: &[(bool, Attachment)]) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    for (attach, item) in steps {
        let kind = item.kind(*attach);
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}

/// `ids` without `detach`, then with each of `attach` that is not there yet.
fn relative_ids(mut ids: Vec<IdRef>, attach: &[String], detach: &[String]) -> Vec<IdRef> {
    ids.retain(|r| !detach.contains(&r.id));
    for id in attach {
        if !ids.iter().any(|r| r.id == *id) {
            ids.push(IdRef::new(id.as_str()));
        }
    }
    ids
}

fn id_refs<K: AsRef<str>>(ids: Vec<K>) -> Vec<IdRef> {
    ids.iter().map(|id| IdRef::new(id.as_ref())).collect()
}

/// The version an update can be based on, or what is wrong with it. The version is an
/// int32 on the wire: anything outside 1..=i32::MAX is not one a safe update can be based
/// on (and `version + 1` must not overflow).
fn usable_version(version: Option<i64>) -> Result<i64, String> {
    match version {
        Some(v) if (1..=i64::from(i32::MAX)).contains(&v) => Ok(v),
        None => Err("no version, which a safe update needs; \
                     use send_exact() with expected_version()"
            .to_owned()),
        Some(v) => Err(format!("version {v}, outside 1..=2147483647")),
    }
}

/// The conflict of a read that found another version than the expected one; an earlier
/// round's PATCH (`patched`) may have applied the attachments only if the update changed
/// them (`attachments`).
fn stale_read(
    expected: i64,
    found: Option<i64>,
    patched: bool,
    attachments: bool,
) -> ConflictError {
    let outcome = match (patched, attachments) {
        (true, true) => {
            "an earlier attempt's PATCH was answered, so its provider, resource and \
             prompt attachments may have been applied"
        }
        (true, false) => {
            "an earlier attempt's PATCH was answered, but none of its changes was kept \
             (it changed no attachment)"
        }
        (false, _) => "nothing was sent",
    };
    ConflictError {
        platform: Platform::HasMcp,
        operation: OP.id,
        expected: Some(expected),
        found,
        may_have_applied: patched,
        status: None,
        message: format!(
            "expected version {expected}, the server is at {}; {outcome}",
            found.map_or_else(|| "no version".to_owned(), |v| format!("version {v}"))
        ),
    }
}

/// The re-read of a later round failed after an earlier round's PATCH was answered:
/// that PATCH carried every attachment (as read then, with the caller's changes), which
/// the open-source server applies even to a stale version, so they may stand.
fn reread_failed(read: Error) -> Error {
    Error::partly_applied(
        Platform::HasMcp,
        OP.id,
        200,
        Vec::new(),
        vec!["providers", "resources", "prompts"],
        "an earlier attempt's PATCH was answered, so the attachments it sent may have \
         replaced the server's; reading the server again failed",
        read,
    )
}

/// What a 200 answer to our PATCH shows.
enum Outcome {
    /// Ours was applied.
    Applied,
    /// Another write came first: ours may have replaced the attachments only.
    Lost(ConflictError),
    /// The answer does not say (no version): not a success.
    Unknown(ConflictError),
}

/// Whether a 200 answer to our PATCH shows that another write won. The open-source
/// server answers a stale version with 200: version, name, instructions and flag stay
/// as the winner left them. The version alone is not enough: when exactly one write
/// came first, the current version is ours + 1 too, so the scalars we sent must also
/// be the ones the server reports. An answer without a version cannot show either.
fn lost_race(
    wrote: &UpdateServerFields,
    sent: i64,
    updated: &Server,
    attachments: bool,
) -> Outcome {
    let conflict = |found, message| ConflictError {
        platform: Platform::HasMcp,
        operation: OP.id,
        expected: Some(sent + 1),
        found,
        may_have_applied: true,
        status: Some(200),
        message,
    };
    // `sent` is at most i32::MAX (checked in `merged_body`), so `sent + 1` cannot overflow.
    let lost = match updated.version {
        None => {
            return Outcome::Unknown(conflict(
                None,
                format!(
                    "the update was based on version {sent} and the server answered without \
                     a version, so whether it was applied is unknown{}",
                    if attachments {
                        "; its provider, resource and prompt attachments may have been"
                    } else {
                        ""
                    }
                ),
            ))
        }
        Some(v) if v != sent + 1 => Some(format!("the server answered version {v}")),
        Some(_) => None,
    };
    let differs = |field: &str, ours: Option<&str>, theirs: &str| {
        ours.filter(|o| *o != theirs)
            .map(|o| format!("the server kept {field} {theirs:?} instead of {o:?}"))
    };
    let lost = lost
        .or_else(|| differs("name", wrote.name.as_deref(), &updated.name))
        .or_else(|| {
            differs(
                "instructions",
                wrote.instructions.as_deref(),
                updated.instructions_text(),
            )
        })
        .or_else(|| {
            wrote
                .request_headers_proxy_enabled
                .filter(|f| *f != updated.request_headers_proxy_enabled)
                .map(|f| {
                    format!(
                        "the server kept requestHeadersProxyEnabled {} instead of {f}",
                        !f
                    )
                })
        });
    match lost {
        None => Outcome::Applied,
        Some(lost) => Outcome::Lost(conflict(
            updated.version,
            format!(
                "the update was based on version {sent} but {lost}: another write came first. \
                 Its name, instructions and flag were not applied{}",
                if attachments {
                    "; its provider, resource and prompt attachments may have been, replacing \
                     those of the other write"
                } else {
                    " (it changed no attachment)"
                }
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::UpdateServer;
    use crate::{
        hasmcp::{Client, ProviderRef, Server},
        Error, Patch,
    };

    fn update() -> UpdateServer {
        Client::builder()
            .token("t")
            .build()
            .unwrap()
            .update_server("ASuB9Gf6aD4")
    }

    fn exact(update: UpdateServer) -> String {
        serde_json::to_string(&update.exact_body().unwrap()).unwrap()
    }

    #[test]
    fn set_keep_and_set_none_send_nothing() {
        let all_left = update()
            .clear_prompts()
            .set_name(None)
            .set_instructions(Patch::Keep)
            .set_request_headers_proxy_enabled(None)
            .set_providers(Patch::Keep)
            .set_resources(Patch::Keep)
            .set_expected_version(Some(3));
        assert_eq!(exact(all_left), r#"{"server":{"version":3,"prompts":[]}}"#);
        let prompts_left = update()
            .clear_resources()
            .set_prompts(Patch::Keep)
            .expected_version(3);
        assert_eq!(
            exact(prompts_left),
            r#"{"server":{"version":3,"resources":[]}}"#
        );
    }

    #[test]
    fn set_clear_sends_the_empty_form() {
        let cleared = update()
            .set_instructions(Patch::Clear)
            .set_providers(Patch::Clear)
            .set_resources(Patch::Clear)
            .set_prompts(Patch::Clear)
            .expected_version(3);
        assert_eq!(
            exact(cleared),
            r#"{"server":{"instructions":"","version":3,"providers":[],"resources":[],"prompts":[]}}"#
        );
    }

    #[test]
    fn set_some_sends_the_value_like_the_plain_setter() {
        let set = update()
            .set_name(Some("Tools".into()))
            .set_instructions(Patch::Set("Use them".into()))
            .set_request_headers_proxy_enabled(Some(false))
            .set_providers(Patch::Set(vec![
                ProviderRef::new("ASuB9Gf6aD5").tools(["ASuB9Gf6aD6"])
            ]))
            .set_resources(Patch::Set(vec!["ASuB9Gf6aD7".parse().unwrap()]))
            .set_prompts(Some(vec!["ASuB9Gf6aD8".parse().unwrap()]).into())
            .set_expected_version(Some(2));
        let plain = update()
            .name("Tools")
            .instructions("Use them")
            .request_headers_proxy_enabled(false)
            .providers([ProviderRef::new("ASuB9Gf6aD5").tools(["ASuB9Gf6aD6"])])
            .resources(["ASuB9Gf6aD7"])
            .prompts(["ASuB9Gf6aD8"])
            .expected_version(2);
        let expected = concat!(
            r#"{"server":{"name":"Tools","instructions":"Use them","version":2,"#,
            r#""requestHeadersProxyEnabled":false,"providers":[{"id":"ASuB9Gf6aD5","tools":[{"id":"ASuB9Gf6aD6"}]}],"#,
            r#""resources":[{"id":"ASuB9Gf6aD7"}],"prompts":[{"id":"ASuB9Gf6aD8"}]}}"#
        );
        assert_eq!(exact(set), expected);
        assert_eq!(exact(plain), expected);
    }

    #[test]
    fn fields_without_a_clear_keep_the_current_value_when_left() {
        let current: Server = serde_json::from_str(
            r#"{"id":"ASuB9Gf6aD4","name":"Old","instructions":"Text","version":3,
                "requestHeadersProxyEnabled":true}"#,
        )
        .unwrap();
        let body = update()
            .set_name(None)
            .set_request_headers_proxy_enabled(None)
            .clear_instructions()
            .merged_body(&current)
            .unwrap();
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            concat!(
                r#"{"server":{"name":"Old","instructions":"","version":3,"#,
                r#""requestHeadersProxyEnabled":true,"providers":[],"resources":[],"prompts":[]}}"#
            )
        );
    }

    #[test]
    fn merged_body_names_an_unusable_version_of_the_given_server() {
        for (version, reason) in [
            (
                "",
                "the server has no version, which a safe update needs; \
                 use send_exact() with expected_version()",
            ),
            (
                r#","version":0"#,
                "the server has version 0, outside 1..=2147483647",
            ),
        ] {
            let current: Server =
                serde_json::from_str(&format!(r#"{{"id":"ASuB9Gf6aD4"{version}}}"#)).unwrap();
            match update().name("Renamed").merged_body(&current) {
                Err(Error::InvalidInput {
                    field, reason: r, ..
                }) => {
                    assert_eq!(field, "current.version");
                    assert_eq!(r, reason);
                }
                other => panic!("{version}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_bad_id_is_reported_by_every_body() {
        let bad = Client::builder()
            .token("t")
            .build()
            .unwrap()
            .update_server("ASuB9Gf6aD/")
            .name("Renamed");
        let current: Server = serde_json::from_str(r#"{"id":"ASuB9Gf6aD4","version":1}"#).unwrap();
        for err in [
            bad.exact_body().unwrap_err(),
            bad.merged_body(&current).unwrap_err(),
        ] {
            match err {
                Error::InvalidInput { field, reason, .. } => {
                    assert_eq!(field, "id");
                    assert_eq!(
                        reason,
                        r#""ASuB9Gf6aD/" is not a HasMCP id (11 characters A-Z, a-z, 0-9)"#
                    );
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
