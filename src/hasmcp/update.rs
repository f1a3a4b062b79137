//! The HasMCP update builder: a partial update on top of a replacing PATCH.

use crate::{
    error::{ConflictError, Platform},
    hasmcp::{
        models::check_id, Client, IdRef, ProviderRef, Server, ServerId, ServerUpdate,
        UpdateServerBody,
    },
    transport::{
        self,
        ops::{self, Operation},
    },
    Error, Patch,
};

const OP: &Operation = &ops::HASMCP_UPDATE_SERVER;
const MAX_NAME: usize = 16;
const MAX_INSTRUCTIONS: usize = 4096;

/// An update of one HasMCP server that changes exactly the fields you name.
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
///
/// # What no client can detect
///
/// A stale PATCH whose name, instructions and flag equal the winner's looks exactly like
/// a success: same answer, same version. So when two writers race and both change only
/// attachments (or both write the same scalars), the later one's attachments replace the
/// earlier one's and both calls succeed. Serialize attachment changes to one server on
/// your side (one task, a lock, a queue) when they can run concurrently.
///
/// ```no_run
/// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
/// use mcp_admin::hasmcp::ProviderRef;
///
/// let server = hm
///     .update_server("kSuB9Gf6aD4")
///     .name("GitHubTools")                      // instructions, tools, … are kept
///     .providers([ProviderRef::new("kSuB9Gf6aD4").tools(["kSuB9Gf6aD5"])])
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
/// server it detaches whatever you leave out.
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdateServer {
    client: Client,
    id: String,
    changes: Changes,
    expected_version: Option<i64>,
    retry_on_conflict: u32,
}

/// What the caller asked to change; re-applied on every conflict retry.
#[derive(Debug, Clone, Default)]
struct Changes {
    name: Patch<String>,
    instructions: Patch<String>,
    request_headers_proxy_enabled: Patch<bool>,
    providers: Patch<Vec<ProviderRef>>,
    resources: Patch<Vec<IdRef>>,
    prompts: Patch<Vec<IdRef>>,
}

impl UpdateServer {
    pub(crate) fn new(client: Client, id: String) -> Self {
        UpdateServer {
            client,
            id,
            changes: Changes::default(),
            expected_version: None,
            retry_on_conflict: 0,
        }
    }

    /// New name: 1–16 characters `[A-Za-z0-9]`.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.changes.name = Patch::Set(name.into());
        self
    }

    /// New instructions (at most 4096 bytes of UTF-8, as the server counts them).
    pub fn instructions(mut self, instructions: impl Into<String>) -> Self {
        self.changes.instructions = Patch::Set(instructions.into());
        self
    }

    /// Empties the instructions: sends `"instructions": ""`.
    pub fn clear_instructions(mut self) -> Self {
        self.changes.instructions = Patch::Clear;
        self
    }

    /// Whether request headers are proxied to the providers.
    pub fn request_headers_proxy_enabled(mut self, enabled: bool) -> Self {
        self.changes.request_headers_proxy_enabled = Patch::Set(enabled);
        self
    }

    /// The provider attachments (at most one provider), replacing the current ones.
    pub fn providers(mut self, providers: impl IntoIterator<Item = ProviderRef>) -> Self {
        self.changes.providers = Patch::Set(providers.into_iter().collect());
        self
    }

    /// Detaches every provider and tool: sends `"providers": []`.
    pub fn clear_providers(mut self) -> Self {
        self.changes.providers = Patch::Clear;
        self
    }

    /// The resource attachments by id, replacing the current ones.
    pub fn resources<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.changes.resources = Patch::Set(ids.into_iter().map(IdRef::new).collect());
        self
    }

    /// Detaches every resource: sends `"resources": []`.
    pub fn clear_resources(mut self) -> Self {
        self.changes.resources = Patch::Clear;
        self
    }

    /// The prompt attachments by id, replacing the current ones.
    pub fn prompts<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.changes.prompts = Patch::Set(ids.into_iter().map(IdRef::new).collect());
        self
    }

    /// Detaches every prompt: sends `"prompts": []`.
    pub fn clear_prompts(mut self) -> Self {
        self.changes.prompts = Patch::Clear;
        self
    }

    /// Only update if the server is at this version: [`send`](Self::send) returns a
    /// conflict, sending no PATCH, when the version it reads differs. With
    /// [`send_exact`](Self::send_exact) it is the version sent.
    pub fn expected_version(mut self, version: i64) -> Self {
        self.expected_version = Some(version);
        self
    }

    /// On a concurrent write detected after the PATCH, read again, re-apply only the
    /// fields set on this builder and try again, up to `n` more times (default 0). An
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
    /// Checks every input; no I/O.
    ///
    /// ```
    /// # fn demo(hm: mcp_admin::hasmcp::Client, current: mcp_admin::hasmcp::Server) -> Result<(), mcp_admin::Error> {
    /// let body = hm.update_server("kSuB9Gf6aD4").name("Renamed").merged_body(&current)?;
    /// assert_eq!(body.server.instructions.as_deref(), Some(current.instructions_text()));
    /// # Ok(()) }
    /// ```
    pub fn merged_body(&self, current: &Server) -> Result<UpdateServerBody, Error> {
        self.validate()?;
        // The version is an int32 on the wire: anything outside 1..=i32::MAX is not one
        // a safe update can be based on (and `version + 1` must not overflow).
        let version = match current.version {
            Some(v) if (1..=i64::from(i32::MAX)).contains(&v) => v,
            other => {
                let reason = match other {
                    None => "the server reported no version, which a safe update needs; \
                             use send_exact() with expected_version()"
                        .to_owned(),
                    Some(v) => format!("the server reported version {v}, outside 1..=2147483647"),
                };
                return Err(Error::Decode {
                    platform: Platform::HasMcp,
                    operation: "hasmcp_get_server",
                    status: 200,
                    reason,
                    body: String::new(),
                });
            }
        };
        let c = self.changes.clone();
        Ok(UpdateServerBody {
            server: ServerUpdate {
                name: Some(c.name.apply_to(current.name.clone(), String::new)),
                instructions: Some(
                    c.instructions
                        .apply_to(current.instructions_text().to_owned(), String::new),
                ),
                version: Some(version),
                request_headers_proxy_enabled: Some(
                    c.request_headers_proxy_enabled
                        .apply_to(current.request_headers_proxy_enabled, || false),
                ),
                providers: Some(c.providers.apply_to(
                    current.providers.iter().map(ProviderRef::from).collect(),
                    Vec::new,
                )),
                resources: Some(
                    c.resources.apply_to(
                        current
                            .resources
                            .iter()
                            .map(|r| IdRef::new(r.id.as_str()))
                            .collect(),
                        Vec::new,
                    ),
                ),
                prompts: Some(
                    c.prompts.apply_to(
                        current
                            .prompts
                            .iter()
                            .map(|p| IdRef::new(p.id.as_str()))
                            .collect(),
                        Vec::new,
                    ),
                ),
            },
        })
    }

    /// The body [`send_exact`](Self::send_exact) sends: only the fields set, and
    /// `expected_version` as the version. Checks every input; no I/O.
    ///
    /// ```
    /// # fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let body = hm.update_server("kSuB9Gf6aD4").clear_prompts().expected_version(4).exact_body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"server":{"version":4,"prompts":[]}}"#);
    /// # Ok(()) }
    /// ```
    pub fn exact_body(&self) -> Result<UpdateServerBody, Error> {
        self.validate()?;
        let c = self.changes.clone();
        Ok(UpdateServerBody {
            server: ServerUpdate {
                name: c.name.into_wire(String::new),
                instructions: c.instructions.into_wire(String::new),
                version: self.expected_version,
                request_headers_proxy_enabled: c.request_headers_proxy_enabled.into_wire(|| false),
                providers: c.providers.into_wire(Vec::new),
                resources: c.resources.into_wire(Vec::new),
                prompts: c.prompts.into_wire(Vec::new),
            },
        })
    }

    /// Reads the server, applies the changes, PATCHes the whole result with the
    /// version read, and checks the version the server answers with. See the type's
    /// docs for why; on a detected concurrent write it returns [`Error::Conflict`]
    /// unless [`retry_on_conflict`](Self::retry_on_conflict) allows another round.
    pub async fn send(self) -> Result<Server, Error> {
        let id = self.checked_id()?;
        self.validate()?;
        let mut rounds_left = self.retry_on_conflict;
        // Whether an earlier round's PATCH reached the server: its attachments may stand.
        let mut patched = false;
        loop {
            let current = self.client.fetch(&id).await?;
            if let Some(expected) = self.expected_version {
                if current.version != Some(expected) {
                    let outcome = if patched {
                        "an earlier attempt's PATCH was answered, so its provider, resource and \
                         prompt attachments may have been applied"
                    } else {
                        "nothing was sent"
                    };
                    return Err(ConflictError {
                        operation: OP.id,
                        expected: Some(expected),
                        found: current.version,
                        may_have_applied: patched,
                        status: None,
                        message: format!(
                            "expected version {expected}, the server is at {}; {outcome}",
                            version_text(current.version)
                        ),
                    }
                    .into());
                }
            }
            let body = self.merged_body(&current)?;
            let sent = body.server.version.unwrap_or_default();
            let wrote = body.server.clone();
            let updated = self.patch(&id, body).await?;
            patched = true;
            let Some(lost) = lost_race(&wrote, sent, &updated) else {
                return Ok(updated);
            };
            let conflict = ConflictError {
                operation: OP.id,
                expected: Some(sent + 1),
                found: updated.version,
                may_have_applied: true,
                status: Some(200),
                message: format!(
                    "the update was based on version {sent} but {lost}: another write came first. \
                     Its name, instructions and flag were not applied; its provider, resource and \
                     prompt attachments may have been"
                ),
            };
            if rounds_left == 0 {
                return Err(conflict.into());
            }
            tracing::debug!(server = %id, sent, found = ?updated.version, rounds_left, "hasmcp: concurrent write; re-reading");
            rounds_left -= 1;
        }
    }

    /// Sends only the fields set, without reading first, wrapped in `{"server": …}`;
    /// the version sent is [`expected_version`](Self::expected_version), if set.
    pub async fn send_exact(self) -> Result<Server, Error> {
        let id = self.checked_id()?;
        let body = self.exact_body()?;
        self.patch(&id, body).await
    }

    async fn patch(&self, id: &ServerId, body: UpdateServerBody) -> Result<Server, Error> {
        let raw = self.client.raw();
        let op = raw.hasmcp_update_server().id(id.clone()).body(body).send();
        Ok(transport::call(raw, OP, op).await?.server)
    }

    fn checked_id(&self) -> Result<ServerId, Error> {
        ServerId::new(self.id.as_str())
    }

    /// The checks the server would make, made before any request.
    fn validate(&self) -> Result<(), Error> {
        self.checked_id()?;
        let c = &self.changes;
        let nothing = c.name.is_keep()
            && c.instructions.is_keep()
            && c.request_headers_proxy_enabled.is_keep()
            && c.providers.is_keep()
            && c.resources.is_keep()
            && c.prompts.is_keep();
        if nothing {
            return Err(Error::invalid(
                "update",
                "nothing to update: set at least one field",
            ));
        }
        if let Patch::Set(name) = &c.name {
            let ok = (1..=MAX_NAME).contains(&name.len())
                && name.bytes().all(|b| b.is_ascii_alphanumeric());
            if !ok {
                return Err(Error::invalid(
                    "name",
                    format!("{name:?}: 1 to {MAX_NAME} characters A-Z, a-z, 0-9"),
                ));
            }
        }
        if let Patch::Set(text) = &c.instructions {
            // The server (Go) measures with `len`, in bytes of UTF-8, not characters.
            let n = text.len();
            if n > MAX_INSTRUCTIONS {
                return Err(Error::invalid(
                    "instructions",
                    format!("{n} bytes of UTF-8; at most {MAX_INSTRUCTIONS}"),
                ));
            }
        }
        if let Patch::Set(providers) = &c.providers {
            if providers.len() > 1 {
                return Err(Error::invalid(
                    "providers",
                    format!("{} providers; a server takes at most 1", providers.len()),
                ));
            }
            providers.iter().try_for_each(ProviderRef::validate)?;
        }
        if let Patch::Set(resources) = &c.resources {
            resources
                .iter()
                .try_for_each(|r| check_id("resources", &r.id))?;
        }
        if let Patch::Set(prompts) = &c.prompts {
            prompts
                .iter()
                .try_for_each(|p| check_id("prompts", &p.id))?;
        }
        Ok(())
    }
}

/// Why a 200 answer to our PATCH shows that another write won, or `None` if ours was
/// applied. The open-source server answers a stale version with 200: version, name,
/// instructions and flag stay as the winner left them. The version alone is not
/// enough: when exactly one write came first, the current version is ours + 1 too, so
/// the scalars we sent must also be the ones the server reports.
fn lost_race(wrote: &ServerUpdate, sent: i64, updated: &Server) -> Option<String> {
    // `sent` is at most i32::MAX (checked in `merged_body`), so `sent + 1` cannot overflow.
    if let Some(v) = updated.version.filter(|v| *v != sent + 1) {
        return Some(format!("the server answered version {v}"));
    }
    let differs = |field: &str, ours: Option<&str>, theirs: &str| {
        ours.filter(|o| *o != theirs)
            .map(|o| format!("the server kept {field} {theirs:?} instead of {o:?}"))
    };
    differs("name", wrote.name.as_deref(), &updated.name)
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
        })
}

fn version_text(v: Option<i64>) -> String {
    v.map_or_else(|| "no version".to_owned(), |v| format!("version {v}"))
}
