//! Planning: validate the description, read the live servers, and compare them in the
//! server's normal form, so that a plan made after an apply is empty.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    fmt,
};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Value};

use super::{
    bounded,
    live::{self, CatalogItem, GmItem, GmLive, HasLive, LinkKind},
    spec::{CredentialsSpec, Desired, GetMcpServer, GetMcpSite, HasMcpServer, ItemRef, ToolRef},
    Clients, PlanError,
};
use crate::{getmcp, hasmcp};

/// The plan's JSON `format_version`: [`Plan::from_json`] refuses a plan of another
/// version. Version 2 added `planned_at` and a GetMCP server's tools, resources and
/// prompts.
pub(crate) const FORMAT_VERSION: u32 = 2;

/// The statuses and auth types the plugin accepts.
const STATUSES: [&str; 3] = ["active", "paused", "draft"];
const AUTH_TYPES: [&str; 5] = ["none", "bearer", "api-key", "basic", "oauth"];

/// How a plan is made.
///
/// ```
/// use mcp_admin::desired::PlanOptions;
/// let options = PlanOptions::new().prune(true).concurrency(8);
/// ```
#[derive(Debug, Clone)]
pub struct PlanOptions {
    prune: bool,
    concurrency: usize,
    credentials_sent: BTreeMap<String, u64>,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            prune: false,
            concurrency: 4,
            credentials_sent: BTreeMap::new(),
        }
    }
}

impl PlanOptions {
    /// Not pruning, 4 reads at once.
    pub fn new() -> Self {
        PlanOptions::default()
    }

    /// Plan deletes for live servers the description owns (`owns`) but does not list.
    /// Off by default: without it, such servers are listed as not managed.
    pub fn prune(mut self, prune: bool) -> Self {
        self.prune = prune;
        self
    }

    /// At most this many reads at once (default 4; 0 counts as 1).
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// The `credentials_version` last sent for a GetMCP server (`site/slug`), as
    /// [`Report::credentials_sent`](super::Report::credentials_sent) returns it: a
    /// description with another version sends the credentials again. Credentials
    /// cannot be read back, so without this they are sent only when the server has
    /// none stored or its `auth_type` changes.
    pub fn credentials_sent(mut self, key: impl Into<String>, version: u64) -> Self {
        self.credentials_sent.insert(key.into(), version);
        self
    }
}

/// What a change is addressed to: the key a person wrote.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "platform", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Target {
    /// A HasMCP server, by name.
    Hasmcp {
        /// The name.
        name: String,
    },
    /// A GetMCP server, by site and slug.
    Getmcp {
        /// The site, as the description names it.
        site: String,
        /// The slug.
        slug: String,
    },
    /// A GetMCP server's tool, resource or prompt, by its key.
    GetmcpItem {
        /// The site, as the description names it.
        site: String,
        /// The server's slug.
        slug: String,
        /// Tool, resource or prompt.
        kind: ItemKind,
        /// The tool's or prompt's name, the resource's URI.
        key: String,
    },
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Hasmcp { name } => write!(f, "hasmcp server \"{name}\""),
            Target::Getmcp { site, slug } => write!(f, "getmcp {site}/{slug}"),
            Target::GetmcpItem {
                site,
                slug,
                kind,
                key,
            } => write!(f, "getmcp {site}/{slug} {} \"{key}\"", kind.as_str()),
        }
    }
}

/// What happens to a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Action {
    /// Created, then its attachments linked.
    Create,
    /// Fields updated (and attachments linked or unlinked, items changed).
    Update,
    /// Only what the server holds: HasMCP attachments linked or unlinked, a GetMCP
    /// server's tools, resources or prompts created, updated or deleted.
    Attachments,
    /// Deleted (only when pruning).
    Delete,
}

/// What a change was planned from: apply refuses it when the target moved on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReadState {
    /// HasMCP's `version`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// `updatedAt` / `updated_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// One field: its value as read (`None` on a create) and the value planned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FieldChange {
    /// The field's name in the description.
    pub field: String,
    /// The live value; absent on a create. A live `null` stays `Some(Value::Null)`
    /// through JSON, so the stale check of a saved plan still compares it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub old: Option<Value>,
    /// The value to write.
    pub new: Value,
}

/// One attachment linked or unlinked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkChange {
    /// `true` to attach, `false` to detach.
    pub attach: bool,
    /// Tool, resource or prompt.
    pub kind: LinkKind,
    /// The catalog id.
    pub id: String,
    /// How the description named it (`GitHub/GET /repos`), or the id.
    pub label: String,
}

/// Test credentials to send. Only the reference is kept: the value is read when the
/// plan is applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CredentialsChange {
    /// The credentials, with the secret as its `${env:NAME}` reference.
    pub spec: CredentialsSpec,
    /// The `credentials_version` written in the description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    /// Why they are sent.
    pub reason: String,
}

/// Everything planned for one server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerChange {
    /// The server's key.
    pub target: Target,
    /// What happens to it.
    pub action: Action,
    /// The live server's id (`None` for a create): the step's executable target, so a
    /// rename between plan and apply cannot retarget it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What was read when planning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<ReadState>,
    /// Fields written, old → new.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Credentials sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<CredentialsChange>,
    /// Attachments linked and unlinked (HasMCP).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<LinkChange>,
    /// The server's own tools, resources and prompts created, updated or deleted
    /// (GetMCP).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemChange>,
    /// Side effects the platform adds, one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Fields the description states that already match.
    #[serde(default)]
    pub unchanged: usize,
}

/// What a GetMCP server holds: tools, resources and prompts, each a row of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ItemKind {
    /// A tool, keyed by its name.
    Tool,
    /// A resource, keyed by its URI.
    Resource,
    /// A prompt, keyed by its name.
    Prompt,
}

impl ItemKind {
    /// Every kind, in the order a plan lists them.
    pub const ALL: [ItemKind; 3] = [ItemKind::Tool, ItemKind::Resource, ItemKind::Prompt];

    /// `tool`, `resource` or `prompt`.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Tool => "tool",
            ItemKind::Resource => "resource",
            ItemKind::Prompt => "prompt",
        }
    }

    /// The field that is the key: `name`, or `uri` for a resource.
    pub fn key_field(self) -> &'static str {
        match self {
            ItemKind::Resource => "uri",
            ItemKind::Tool | ItemKind::Prompt => "name",
        }
    }
}

/// One of a GetMCP server's tools, resources or prompts created, updated or deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ItemChange {
    /// Tool, resource or prompt.
    pub kind: ItemKind,
    /// Its key: the tool's or prompt's name, the resource's URI.
    pub key: String,
    /// [`Action::Create`], [`Action::Update`] or [`Action::Delete`].
    pub action: Action,
    /// The live item's id (`None` for a create).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What was read when planning (`updated_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<ReadState>,
    /// Fields written, old → new.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Fields the description states that already match.
    #[serde(default)]
    pub unchanged: usize,
}

impl ItemChange {
    /// `create tool "get_forecast"`, as the plan and the report name the step.
    pub fn step(&self) -> String {
        let verb = match self.action {
            Action::Create => "create",
            Action::Delete => "delete",
            _ => "update",
        };
        format!("{verb} {} \"{}\"", self.kind.as_str(), self.key)
    }

    /// Records `field` as a change when the live value differs.
    pub(crate) fn field(&mut self, field: &str, old: Option<Value>, new: Value) {
        record(&mut self.fields, &mut self.unchanged, field, old, new);
    }
}

/// A field the description states: a change when `old` differs, else one more unchanged.
fn record(
    fields: &mut Vec<FieldChange>,
    unchanged: &mut usize,
    field: &str,
    old: Option<Value>,
    new: Value,
) {
    if old.as_ref() == Some(&new) {
        *unchanged += 1;
    } else {
        fields.push(FieldChange {
            field: field.into(),
            old,
            new,
        });
    }
}

/// Reads `format_version`, refusing any but [`FORMAT_VERSION`].
fn this_version<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let found = u32::deserialize(d)?;
    if found != FORMAT_VERSION {
        return Err(serde::de::Error::custom(format!(
            "format_version {found}: this version of mcp-admin applies only format_version {FORMAT_VERSION}"
        )));
    }
    Ok(found)
}

/// Reads a present value as `Some`, `null` included (absent is `None` by `default`).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

impl ServerChange {
    fn new(target: Target, action: Action) -> Self {
        ServerChange {
            target,
            action,
            id: None,
            read: None,
            fields: Vec::new(),
            credentials: None,
            links: Vec::new(),
            items: Vec::new(),
            notes: Vec::new(),
            unchanged: 0,
        }
    }

    /// Records `field` as a change when the live value differs.
    fn field(&mut self, field: &str, old: Option<Value>, new: Value) {
        record(&mut self.fields, &mut self.unchanged, field, old, new);
    }

    fn is_noop(&self) -> bool {
        self.fields.is_empty()
            && self.links.is_empty()
            && self.items.is_empty()
            && self.credentials.is_none()
    }
}

/// A plan: what [`apply`](super::apply) would do, server by server.
///
/// `Display` prints it for a person (`+` create, `~` update, `-` delete, secrets
/// `(sensitive)`); `Serialize` gives machines the same with a `format_version`, and
/// [`Plan::from_json`] reads it back for a later apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// The JSON layout's version. Reading a plan of another version with serde fails
    /// too, not only through [`Plan::from_json`].
    #[serde(deserialize_with = "this_version")]
    pub format_version: u32,
    /// When the live state was read: [`ApplyOptions::max_age`](super::ApplyOptions::max_age)
    /// refuses a plan older than that.
    pub planned_at: DateTime<Utc>,
    /// The changes, HasMCP first, then the sites in the description's order.
    pub changes: Vec<ServerChange>,
    /// Live servers (and a described GetMCP server's tools, resources and prompts) the
    /// description does not list and the plan leaves alone.
    #[serde(default)]
    pub unmanaged: Vec<Target>,
}

impl Plan {
    /// Whether applying it would change nothing (`terraform plan -detailed-exitcode` 0).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Reads a plan saved as JSON (`serde_json::to_string(&plan)`), refusing one of
    /// another `format_version` before reading anything else: its steps may mean
    /// something else to this version, so it is planned again rather than guessed at.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use mcp_admin::{desired::{self, Clients, Desired, Plan, PlanError}, hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let clients = Clients::new().hasmcp(hm);
    /// let desired = Desired::from_value(serde_json::json!({"hasmcp": {"servers": [{"name": "Docs"}]}}))?;
    /// let plan = desired::plan(&clients, &desired).await?;
    ///
    /// let saved = serde_json::to_string(&plan)?;
    /// assert_eq!(Plan::from_json(&saved)?, plan);
    ///
    /// let other = saved.replacen("\"format_version\":2", "\"format_version\":1", 1);
    /// assert!(matches!(Plan::from_json(&other), Err(PlanError::FormatVersion { .. })));
    /// # Ok(()) }
    /// ```
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let value: Value = serde_json::from_str(text).map_err(|e| PlanError::SavedPlan {
            reason: format!("not JSON: {e}"),
        })?;
        let found = value.get("format_version").cloned().unwrap_or(Value::Null);
        if found != json!(FORMAT_VERSION) {
            return Err(PlanError::FormatVersion {
                found,
                expected: FORMAT_VERSION,
            });
        }
        Plan::deserialize(&value).map_err(|e| PlanError::SavedPlan {
            reason: e.to_string(),
        })
    }

    fn count(&self, f: impl Fn(&ServerChange) -> usize) -> usize {
        self.changes.iter().map(f).sum()
    }

    /// `Plan: 1 to create, 2 to update, 3 to attach, 0 to detach, 0 to delete.` A
    /// GetMCP server's tools, resources and prompts count with the servers.
    pub fn summary(&self) -> String {
        let action = |a: Action| {
            self.count(|c| {
                usize::from(c.action == a) + c.items.iter().filter(|i| i.action == a).count()
            })
        };
        let links =
            |attach: bool| self.count(|c| c.links.iter().filter(|l| l.attach == attach).count());
        format!(
            "Plan: {} to create, {} to update, {} to attach, {} to detach, {} to delete.",
            action(Action::Create),
            action(Action::Update),
            links(true),
            links(false),
            action(Action::Delete),
        )
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            writeln!(f, "No changes. The live servers match the description.")?;
        }
        for c in &self.changes {
            let sign = match c.action {
                Action::Create => '+',
                Action::Update | Action::Attachments => '~',
                Action::Delete => '-',
            };
            write!(f, "{sign} {}", c.target)?;
            if let Some(id) = &c.id {
                write!(f, " (id {id}")?;
                if let Some(v) = c.read.as_ref().and_then(|r| r.version) {
                    write!(f, ", version {v}")?;
                }
                write!(f, ")")?;
            }
            writeln!(f)?;
            show_fields(f, "    ", &c.fields)?;
            if let Some(creds) = &c.credentials {
                writeln!(
                    f,
                    "    test_credentials: (sensitive) from {} ({})",
                    creds.spec.secret(),
                    creds.reason
                )?;
            }
            if c.action == Action::Create {
                writeln!(f, "    id: (known after apply)")?;
            }
            for l in &c.links {
                let (sign, verb) = if l.attach {
                    ('+', "attach")
                } else {
                    ('-', "detach")
                };
                let kind = match l.kind {
                    LinkKind::Tool => "tool",
                    LinkKind::Resource => "resource",
                    LinkKind::Prompt => "prompt",
                };
                writeln!(f, "    {sign} {verb} {kind} {}", l.label)?;
            }
            for note in &c.notes {
                writeln!(f, "    # {note}")?;
            }
            if c.unchanged > 0 {
                writeln!(f, "    ({} unchanged fields hidden)", c.unchanged)?;
            }
            for item in &c.items {
                show_item(f, item)?;
            }
        }
        if !self.unmanaged.is_empty() {
            writeln!(
                f,
                "# not managed by this description ({}):",
                self.unmanaged.len()
            )?;
            for t in &self.unmanaged {
                writeln!(f, "#   {t}")?;
            }
        }
        writeln!(f)?;
        write!(f, "{}", self.summary())
    }
}

/// One line per field, `name: old -> new` (or `name: new` on a create).
fn show_fields(f: &mut fmt::Formatter<'_>, indent: &str, fields: &[FieldChange]) -> fmt::Result {
    for field in fields {
        match &field.old {
            Some(old) => writeln!(f, "{indent}{}: {old} -> {}", field.field, field.new)?,
            None => writeln!(f, "{indent}{}: {}", field.field, field.new)?,
        }
    }
    Ok(())
}

/// `    ~ tool "get_forecast" (id 5)` and its fields, one level in from its server.
fn show_item(f: &mut fmt::Formatter<'_>, item: &ItemChange) -> fmt::Result {
    let sign = match item.action {
        Action::Create => '+',
        Action::Delete => '-',
        _ => '~',
    };
    write!(f, "    {sign} {} \"{}\"", item.kind.as_str(), item.key)?;
    if let Some(id) = &item.id {
        write!(f, " (id {id})")?;
    }
    writeln!(f)?;
    show_fields(f, "        ", &item.fields)?;
    if item.unchanged > 0 {
        writeln!(f, "        ({} unchanged fields hidden)", item.unchanged)?;
    }
    Ok(())
}

/// Plans with the default options: no pruning, 4 reads at once.
pub async fn plan(clients: &Clients, desired: &Desired) -> Result<Plan, PlanError> {
    plan_with(clients, desired, &PlanOptions::default()).await
}

/// Plans with `options`. The description is checked in full before any request.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use mcp_admin::{desired::{self, Clients, Desired, PlanOptions}, hasmcp, testing::FakeHasMcp};
///
/// let fake = FakeHasMcp::start().await;
/// fake.seed_server("Stale", "");
/// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
/// let desired = Desired::from_value(serde_json::json!({"hasmcp": {"owns": "all", "servers": []}}))?;
/// let clients = Clients::new().hasmcp(hm);
///
/// let plan = desired::plan_with(&clients, &desired, &PlanOptions::new().prune(true)).await?;
/// assert_eq!(plan.summary(), "Plan: 0 to create, 0 to update, 0 to attach, 0 to detach, 1 to delete.");
/// # Ok(()) }
/// ```
pub async fn plan_with(
    clients: &Clients,
    desired: &Desired,
    options: &PlanOptions,
) -> Result<Plan, PlanError> {
    check(clients, desired)?;
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        planned_at: DateTime::<Utc>::from(std::time::SystemTime::now()),
        changes: Vec::new(),
        unmanaged: Vec::new(),
    };
    if let Some(account) = &desired.hasmcp {
        plan_hasmcp(clients.has()?, account, options, &mut plan).await?;
    }
    for (i, site) in desired.getmcp.iter().enumerate() {
        let client = clients
            .gm(&site.site)
            .ok_or_else(|| PlanError::invalid(format!("getmcp[{i}]"), "no client"))?;
        plan_site(client, i, site, options, &mut plan).await?;
    }
    Ok(plan)
}

// ---- checks made before any request ----

/// Every check that needs no request.
fn check(clients: &Clients, desired: &Desired) -> Result<(), PlanError> {
    if let Some(account) = &desired.hasmcp {
        clients.has()?;
        // Every key (name or renamed_from) with its server's index, sorted: a key used
        // twice sits next to its twin. (Paths are built only for an error.)
        let mut keys: Vec<(&str, usize)> = Vec::with_capacity(account.servers.len());
        for (i, s) in account.servers.iter().enumerate() {
            keys.push((&s.name, i));
            keys.extend(s.renamed_from.as_deref().map(|old| (old, i)));
        }
        keys.sort_unstable();
        if let Some(w) = keys.windows(2).find(|w| w[0].0 == w[1].0) {
            let ((key, first), (_, second)) = (w[0], w[1]);
            let (first, second) = (first.min(second), first.max(second));
            let at = if first == second {
                // A server whose name is its own renamed_from.
                format!("hasmcp.servers[{first}].renamed_from")
            } else {
                format!("hasmcp.servers[{second}]")
            };
            return Err(PlanError::invalid(
                at,
                format!("the server key \"{key}\" is also used by hasmcp.servers[{first}]: each server is listed once"),
            ));
        }
        for (i, s) in account.servers.iter().enumerate() {
            let at = || format!("hasmcp.servers[{i}]");
            check_has_name(i, "name", &s.name)?;
            if let Some(old) = &s.renamed_from {
                check_has_name(i, "renamed_from", old)?;
            }
            if let Some(text) = &s.instructions
                && text.len() > 4096
            {
                return Err(PlanError::invalid(
                    format!("{}.instructions", at()),
                    "HasMCP takes at most 4096 bytes",
                ));
            }
            for (j, t) in s.tools.iter().flatten().enumerate() {
                check_tool(t)
                    .map_err(|why| PlanError::invalid(format!("{}.tools[{j}]", at()), why))?;
            }
            for (list, items) in [("resources", &s.resources), ("prompts", &s.prompts)] {
                for (j, item) in items.iter().flatten().enumerate() {
                    check_item(item)
                        .map_err(|why| PlanError::invalid(format!("{}.{list}[{j}]", at()), why))?;
                }
            }
        }
    }
    let mut sites = HashMap::new();
    for (i, site) in desired.getmcp.iter().enumerate() {
        let at = format!("getmcp[{i}]");
        if clients.gm(&site.site).is_none() {
            return Err(PlanError::invalid(
                &at,
                format!("no GetMCP client was given for the site \"{}\"", site.site),
            ));
        }
        if let Some(first) = sites.insert(site.site.clone(), at.clone()) {
            return Err(PlanError::invalid(
                &at,
                format!("the site \"{}\" is also described at {first}", site.site),
            ));
        }
        let mut slugs = HashMap::new();
        for (j, s) in site.servers.iter().enumerate() {
            let at = format!("{at}.servers[{j}]");
            check_gm_server(&at, s)?;
            if let Some(first) = slugs.insert(s.slug.clone(), at.clone()) {
                return Err(PlanError::invalid(
                    &at,
                    format!(
                        "the slug \"{}\" is also used by {first}: each server is listed once",
                        s.slug
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn check_has_name(i: usize, field: &str, name: &str) -> Result<(), PlanError> {
    if name.is_empty() || name.len() > 16 || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(PlanError::invalid(
            format!("hasmcp.servers[{i}].{field}"),
            format!("HasMCP names are 1–16 of [A-Za-z0-9]; \"{name}\" is not"),
        ));
    }
    Ok(())
}

/// A tool reference names its tool one way. (The path is built by the caller, and only
/// on error: descriptions hold thousands of attachments.)
fn check_tool(t: &ToolRef) -> Result<(), &'static str> {
    match (&t.id, &t.provider, &t.method, &t.path) {
        (Some(_), None, None, None) | (None, Some(_), Some(_), Some(_)) => Ok(()),
        _ => Err("a tool is named by `id`, or by `provider`, `method` and `path` together"),
    }
}

fn check_item(item: &ItemRef) -> Result<(), &'static str> {
    match (&item.id, &item.name) {
        (Some(_), None) | (None, Some(_)) => Ok(()),
        _ => Err("an item is named by `id` or by `name`, one of them"),
    }
}

/// A name or description WordPress would store differently (tags stripped, whitespace
/// folded) never converges: refused with the reason.
fn check_text(at: &str, text: &str, multiline: bool) -> Result<(), PlanError> {
    let refuse = |why: &str| {
        Err(PlanError::invalid(
            at,
            format!("{why}: WordPress would store it changed, so the plan would never be empty"),
        ))
    };
    if text.contains('<') {
        return refuse("it contains `<` (tags are stripped)");
    }
    if text.trim() != text {
        return refuse("it starts or ends with whitespace (trimmed)");
    }
    if !multiline && (text.contains("  ") || text.contains(['\n', '\r', '\t'])) {
        return refuse("it holds runs of whitespace or line breaks (folded into one space)");
    }
    let b = text.as_bytes();
    if b.windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
    {
        return refuse("it holds percent-encoded octets (removed)");
    }
    Ok(())
}

fn check_gm_server(at: &str, s: &GetMcpServer) -> Result<(), PlanError> {
    let slug_ok = !s.slug.is_empty()
        && s.slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !s.slug.starts_with('-')
        && !s.slug.ends_with('-')
        && !s.slug.contains("--");
    if !slug_ok {
        return Err(PlanError::invalid(
            format!("{at}.slug"),
            format!(
                "\"{}\" is not a slug WordPress keeps as is (lower-case ASCII letters, digits, `-`, `_`; no leading, trailing or double `-`); it would be stored as \"{}\"",
                s.slug,
                derive_slug(&s.slug).unwrap_or_else(|| "something else".into())
            ),
        ));
    }
    if let Some(name) = &s.name {
        if name.is_empty() {
            return Err(PlanError::invalid(
                format!("{at}.name"),
                "a name cannot be empty",
            ));
        }
        check_text(&format!("{at}.name"), name, false)?;
    }
    if let Some(d) = &s.description {
        check_text(&format!("{at}.description"), d, true)?;
    }
    if let Some(st) = &s.status
        && !STATUSES.contains(&st.as_str())
    {
        return Err(PlanError::invalid(
            format!("{at}.status"),
            format!("\"{st}\" is not one of {STATUSES:?}"),
        ));
    }
    if let Some(a) = &s.auth_type
        && !AUTH_TYPES.contains(&a.as_str())
    {
        return Err(PlanError::invalid(
            format!("{at}.auth_type"),
            format!("\"{a}\" is not one of {AUTH_TYPES:?}"),
        ));
    }
    if let Some(rate) = s.rate_limit_per_min
        && !(-1..=i64::from(i32::MAX)).contains(&rate)
    {
        return Err(PlanError::invalid(
            format!("{at}.rate_limit_per_min"),
            "−1 (no limit), 0 (the site's default) or a positive number that fits 32 bits",
        ));
    }
    if let Some(creds) = &s.test_credentials {
        let at = format!("{at}.test_credentials");
        if s.auth_type.as_deref() != Some(creds.auth_type()) {
            return Err(PlanError::invalid(
                &at,
                format!("credentials of type {} need `auth_type: {}` on the same server (the site drops them otherwise)", creds.auth_type(), creds.auth_type()),
            ));
        }
        if let CredentialsSpec::ApiKey { location, .. } = creds
            && location != "header"
            && location != "query"
        {
            return Err(PlanError::invalid(&at, "`location` is `header` or `query`"));
        }
        if !creds.secret().is_set() {
            return Err(PlanError::invalid(
                &at,
                format!(
                    "the environment variable {} is not set",
                    creds.secret().name()
                ),
            ));
        }
    } else if s.credentials_version.is_some() {
        return Err(PlanError::invalid(
            format!("{at}.credentials_version"),
            "there are no `test_credentials` to version",
        ));
    }
    check_items(at, s)
}

/// A described server's tools, resources and prompts: each key once, and every value
/// one the site takes (the rest is checked by the client's builders, at apply).
fn check_items(at: &str, s: &GetMcpServer) -> Result<(), PlanError> {
    let one_of = |path: String, v: &Option<String>, allowed: &[&str]| match v {
        Some(v) if !allowed.contains(&v.as_str()) => Err(PlanError::invalid(
            path,
            format!("\"{v}\" is not one of {allowed:?}"),
        )),
        _ => Ok(()),
    };
    for (k, t) in s.tools.iter().flatten().enumerate() {
        let at = format!("{at}.tools[{k}]");
        let method = &t.http_method;
        one_of(
            format!("{at}.http_method"),
            method,
            &["GET", "POST", "PUT", "PATCH", "DELETE"],
        )?;
        one_of(
            format!("{at}.retry_backoff"),
            &t.retry_backoff,
            &["none", "linear", "exponential"],
        )?;
        one_of(format!("{at}.status"), &t.status, &["active", "paused"])?;
        if t.retry_count.is_some_and(|n| n > 5) {
            return Err(PlanError::invalid(format!("{at}.retry_count"), "0 to 5"));
        }
        for (name, p) in t.parameter_mapping.iter().flatten() {
            let target = Some(p.target.clone());
            one_of(
                format!("{at}.parameter_mapping.{name}.target"),
                &target,
                &["path", "query", "body", "header"],
            )?;
        }
    }
    for (k, r) in s.resources.iter().flatten().enumerate() {
        let at = format!("{at}.resources[{k}]");
        let scheme = r.uri.split_once(':').map(|(scheme, _)| scheme);
        if !scheme.is_some_and(|sc| {
            sc.starts_with(|c: char| c.is_ascii_alphabetic())
                && sc
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }) {
            return Err(PlanError::invalid(
                format!("{at}.uri"),
                format!("\"{}\" has no scheme (`docs://guide`)", r.uri),
            ));
        }
        one_of(
            format!("{at}.data_source_type"),
            &r.data_source_type,
            &["static", "url", "wp_query", "callback"],
        )?;
    }
    let keys = [
        (
            ItemKind::Tool,
            "tools",
            s.tools
                .iter()
                .flatten()
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>(),
        ),
        (
            ItemKind::Resource,
            "resources",
            s.resources
                .iter()
                .flatten()
                .map(|r| r.uri.as_str())
                .collect(),
        ),
        (
            ItemKind::Prompt,
            "prompts",
            s.prompts
                .iter()
                .flatten()
                .map(|p| p.name.as_str())
                .collect(),
        ),
    ];
    for (kind, list, keys) in keys {
        let mut seen = HashMap::new();
        for (k, key) in keys.into_iter().enumerate() {
            let path = format!("{at}.{list}[{k}]");
            if key.trim().is_empty() {
                return Err(PlanError::invalid(
                    format!("{path}.{}", kind.key_field()),
                    format!("a {} needs a {}", kind.as_str(), kind.key_field()),
                ));
            }
            if let Some(first) = seen.insert(key, k) {
                return Err(PlanError::invalid(
                    path,
                    format!(
                        "the {} {} \"{key}\" is also used by {at}.{list}[{first}]: each {} is listed once",
                        kind.as_str(),
                        kind.key_field(),
                        kind.as_str()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The slug WordPress derives from an ASCII name (`sanitize_title`), or `None` where this
/// crate cannot tell (non-ASCII letters, entities).
pub(crate) fn derive_slug(name: &str) -> Option<String> {
    if !name.is_ascii() || name.contains(['<', '&', '%']) {
        return None;
    }
    let mut t: String = name
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '.' || c == '/' { '-' } else { c })
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, ' ' | '_' | '-'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect();
    while t.contains("--") {
        t = t.replace("--", "-");
    }
    Some(t.trim_matches('-').to_owned())
}

// ---- HasMCP ----

async fn plan_hasmcp(
    c: &hasmcp::Client,
    account: &super::HasMcpAccount,
    options: &PlanOptions,
    plan: &mut Plan,
) -> Result<(), PlanError> {
    let live = live::has_list(c).await?;
    let mut by_name: HashMap<&str, Vec<&HasLive>> = HashMap::new();
    for s in &live {
        by_name.entry(s.name.as_str()).or_default().push(s);
    }
    let one = |name: &str| -> Result<Option<&HasLive>, PlanError> {
        match by_name.get(name).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([s]) => Ok(Some(*s)),
            Some(many) => Err(PlanError::Ambiguous {
                key: Target::Hasmcp { name: name.into() }.to_string(),
                ids: many.iter().map(|s| s.id.clone()).collect(),
            }),
        }
    };
    // Match each described server to at most one live one.
    let mut matched: Vec<Option<&HasLive>> = Vec::new();
    for s in &account.servers {
        let found = match one(&s.name)? {
            Some(found) => Some(found),
            None => match &s.renamed_from {
                Some(old) => one(old)?,
                None => None,
            },
        };
        matched.push(found);
    }
    // Resources and prompts come only with a server's own GET.
    let wants_full = |s: &HasMcpServer| s.resources.is_some() || s.prompts.is_some();
    let mut full: Vec<Option<HasLive>> = vec![None; account.servers.len()];
    let reads: Vec<(usize, &str)> = account
        .servers
        .iter()
        .zip(&matched)
        .enumerate()
        .filter_map(|(i, (s, m))| m.filter(|_| wants_full(s)).map(|m| (i, m.id.as_str())))
        .collect();
    if !reads.is_empty() {
        let results = bounded(options.concurrency, reads, |(i, id)| async move {
            (i, live::has_get(c, id).await)
        })
        .await;
        for (i, read) in results {
            full[i] = read?;
        }
    }
    let mut catalog = Catalog::new(c, options.concurrency);
    for (i, (s, m)) in account.servers.iter().zip(&matched).enumerate() {
        let at = format!("hasmcp.servers[{i}]");
        let current = full[i].as_ref().or(*m);
        let change = diff_hasmcp(&at, s, current, &mut catalog).await?;
        if let Some(change) = change {
            plan.changes.push(change);
        }
    }
    let described: BTreeSet<&str> = matched.iter().flatten().map(|s| s.id.as_str()).collect();
    for s in live.iter().filter(|s| !described.contains(s.id.as_str())) {
        let target = Target::Hasmcp {
            name: s.name.clone(),
        };
        let owned = account.owns.as_ref().is_some_and(|o| o.owns(&s.name));
        if options.prune && owned {
            let mut change = ServerChange::new(target, Action::Delete);
            change.id = Some(s.id.clone());
            change.read = Some(ReadState {
                version: s.version,
                updated_at: s.updated_at,
            });
            plan.changes.push(change);
        } else {
            plan.unmanaged.push(target);
        }
    }
    Ok(())
}

async fn diff_hasmcp(
    at: &str,
    s: &HasMcpServer,
    live: Option<&HasLive>,
    catalog: &mut Catalog<'_>,
) -> Result<Option<ServerChange>, PlanError> {
    let target = Target::Hasmcp {
        name: s.name.clone(),
    };
    let mut change = ServerChange::new(
        target,
        if live.is_some() {
            Action::Update
        } else {
            Action::Create
        },
    );
    let old = |v: Value| live.map(|_| v);
    change.field(
        "name",
        old(json!(live.map(|l| l.name.as_str()).unwrap_or(""))),
        json!(s.name),
    );
    if let Some(text) = &s.instructions {
        change.field(
            "instructions",
            old(json!(live.map(|l| l.instructions.as_str()).unwrap_or(""))),
            json!(text),
        );
    }
    if let Some(proxy) = s.request_headers_proxy_enabled {
        change.field(
            "request_headers_proxy_enabled",
            old(json!(live.is_some_and(|l| l.proxy))),
            json!(proxy),
        );
    }
    if let Some(l) = live {
        change.id = Some(l.id.clone());
        change.read = Some(ReadState {
            version: l.version,
            updated_at: l.updated_at,
        });
    }
    // Attachments, as sets of catalog ids.
    let empty = BTreeSet::new();
    if let Some(tools) = &s.tools {
        let attached = live.map(|l| &l.tools);
        let mut want = Vec::with_capacity(tools.len());
        for (j, t) in tools.iter().enumerate() {
            // An id already attached needs neither the catalog nor a label: no step names it.
            if let Some(id) =
                t.id.as_deref()
                    .filter(|id| attached.is_some_and(|a| a.contains(*id)))
            {
                want.push(Wanted::Attached(id));
                continue;
            }
            let id = catalog
                .tool(|| format!("{at}.tools[{j}]"), t, attached)
                .await?;
            let label = label(attached, &id, t);
            want.push(Wanted::Found(id, label));
        }
        links(
            &mut change,
            LinkKind::Tool,
            want,
            attached.unwrap_or(&empty),
        );
    }
    for (kind, items, have) in [
        (
            LinkKind::Resource,
            &s.resources,
            live.and_then(|l| l.resources.as_ref()),
        ),
        (
            LinkKind::Prompt,
            &s.prompts,
            live.and_then(|l| l.prompts.as_ref()),
        ),
    ] {
        let Some(items) = items else { continue };
        let list = if kind == LinkKind::Resource {
            "resources"
        } else {
            "prompts"
        };
        let mut want = Vec::with_capacity(items.len());
        for (j, item) in items.iter().enumerate() {
            let id = catalog
                .item(|| format!("{at}.{list}[{j}]"), kind, item, have)
                .await?;
            let label = label(have, &id, item);
            want.push(Wanted::Found(id, label));
        }
        links(&mut change, kind, want, have.unwrap_or(&empty));
    }
    if change.action == Action::Update && change.fields.is_empty() {
        change.action = Action::Attachments;
    }
    if change.action != Action::Create && change.is_noop() {
        return Ok(None);
    }
    if change.action == Action::Update && change.fields.iter().any(|f| f.field == "name") {
        change
            .notes
            .push("renamed: the server keeps its id, links and tokens".into());
    }
    if change.action == Action::Update && live.is_some_and(|l| l.providers > 1) {
        change.notes.push(
            "tools of several providers are attached: HasMCP refuses the update until one provider is left"
                .into(),
        );
    }
    Ok(Some(change))
}

/// How the description named an item to attach; nothing for one already attached,
/// which no step names.
fn label(attached: Option<&BTreeSet<String>>, id: &str, named: &dyn fmt::Display) -> String {
    if attached.is_some_and(|a| a.contains(id)) {
        String::new()
    } else {
        named.to_string()
    }
}

/// An attachment the description names, resolved to its catalog id.
enum Wanted<'a> {
    /// An id already attached, as written.
    Attached(&'a str),
    /// An id found in the catalog, and how the description named it.
    Found(String, String),
}

impl Wanted<'_> {
    fn id(&self) -> &str {
        match self {
            Wanted::Attached(id) => id,
            Wanted::Found(id, _) => id,
        }
    }
}

/// Adds the attach and detach steps that turn `have` into `want`'s ids (a set: the
/// same id named twice is one attachment).
fn links(
    change: &mut ServerChange,
    kind: LinkKind,
    mut want: Vec<Wanted<'_>>,
    have: &BTreeSet<String>,
) {
    want.sort_unstable_by(|a, b| a.id().cmp(b.id()));
    want.dedup_by(|a, b| a.id() == b.id());
    let before = change.links.len();
    for w in &want {
        if let Wanted::Found(id, label) = w
            && !have.contains(id)
        {
            change.links.push(LinkChange {
                attach: true,
                kind,
                id: id.clone(),
                label: label.clone(),
            });
        }
    }
    // Detach what is attached and not wanted; in a converged server the two sorted
    // lists are equal, which one comparison tells.
    let same = have.len() == want.len() && have.iter().zip(&want).all(|(h, w)| h == w.id());
    if !same {
        for id in have {
            if want.binary_search_by(|w| w.id().cmp(id)).is_err() {
                change.links.push(LinkChange {
                    attach: false,
                    kind,
                    id: id.clone(),
                    label: id.clone(),
                });
            }
        }
    }
    // A set with nothing to link or unlink counts as one unchanged field.
    change.unchanged += usize::from(change.links.len() == before);
}

/// The HasMCP catalog, read only as far as the description needs it.
struct Catalog<'a> {
    client: &'a hasmcp::Client,
    concurrency: usize,
    providers: Option<Vec<CatalogItem>>,
    tools: HashMap<String, Vec<CatalogItem>>,
    all_tools: Option<BTreeSet<String>>,
    items: HashMap<LinkKind, Vec<CatalogItem>>,
}

impl<'a> Catalog<'a> {
    fn new(client: &'a hasmcp::Client, concurrency: usize) -> Self {
        Catalog {
            client,
            concurrency,
            providers: None,
            tools: HashMap::new(),
            all_tools: None,
            items: HashMap::new(),
        }
    }

    async fn providers(&mut self) -> Result<&[CatalogItem], PlanError> {
        if self.providers.is_none() {
            self.providers = Some(live::has_providers(self.client).await?);
        }
        Ok(self.providers.as_deref().unwrap_or_default())
    }

    async fn tools_of(&mut self, provider: &str) -> Result<&[CatalogItem], PlanError> {
        if !self.tools.contains_key(provider) {
            let tools = live::has_provider_tools(self.client, provider).await?;
            self.tools.insert(provider.to_owned(), tools);
        }
        Ok(self
            .tools
            .get(provider)
            .map(Vec::as_slice)
            .unwrap_or_default())
    }

    /// The tool's id. An id already attached needs no read; another is checked against
    /// every provider's tools (read once, `concurrency` at a time).
    async fn tool(
        &mut self,
        at: impl Fn() -> String,
        t: &ToolRef,
        attached: Option<&BTreeSet<String>>,
    ) -> Result<String, PlanError> {
        if let Some(id) = &t.id {
            if attached.is_some_and(|a| a.contains(id)) {
                return Ok(id.clone());
            }
            if self.all_tools.is_none() {
                let providers: Vec<String> = self
                    .providers()
                    .await?
                    .iter()
                    .map(|p| p.id.clone())
                    .collect();
                let client = self.client;
                let lists = bounded(self.concurrency, providers, |p| async move {
                    live::has_provider_tools(client, &p).await
                })
                .await;
                let mut all = BTreeSet::new();
                for list in lists {
                    all.extend(list?.into_iter().map(|t| t.id));
                }
                self.all_tools = Some(all);
            }
            return match self.all_tools.as_ref().is_some_and(|all| all.contains(id)) {
                true => Ok(id.clone()),
                false => Err(PlanError::invalid(
                    at(),
                    format!("no tool in the catalog has the id {id}"),
                )),
            };
        }
        let (Some(provider), Some(method), Some(path)) = (&t.provider, &t.method, &t.path) else {
            return Err(PlanError::invalid(at(), "incomplete tool reference"));
        };
        let matches: Vec<String> = self
            .providers()
            .await?
            .iter()
            .filter(|p| &p.name == provider)
            .map(|p| p.id.clone())
            .collect();
        let provider_id = match matches.as_slice() {
            [one] => one.clone(),
            [] => {
                return Err(PlanError::invalid(
                    at(),
                    format!("no provider is named \"{provider}\""),
                ))
            }
            many => {
                return Err(PlanError::invalid(
                    at(),
                    format!(
                        "{} providers are named \"{provider}\" ({}); name the tool by id",
                        many.len(),
                        many.join(", ")
                    ),
                ))
            }
        };
        let want = format!("{} {path}", method.to_uppercase());
        let found: Vec<String> = self
            .tools_of(&provider_id)
            .await?
            .iter()
            .filter(|t| t.name == want)
            .map(|t| t.id.clone())
            .collect();
        match found.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(PlanError::invalid(
                at(),
                format!("the provider \"{provider}\" has no tool {want}"),
            )),
            many => Err(PlanError::invalid(
                at(),
                format!(
                    "the provider \"{provider}\" has {} tools {want} ({}); name it by id",
                    many.len(),
                    many.join(", ")
                ),
            )),
        }
    }

    /// Every resource or prompt of the catalog: the top-level list, or on the hosted
    /// service, where that list is unsupported, every provider's list (the providers read
    /// once, `concurrency` lists at a time).
    async fn items_of(&mut self, kind: LinkKind) -> Result<Vec<CatalogItem>, PlanError> {
        match live::has_items(self.client, kind, None).await {
            Err(e) if e.is_unsupported() => {}
            other => return Ok(other?),
        }
        let providers: Vec<String> = self
            .providers()
            .await?
            .iter()
            .map(|p| p.id.clone())
            .collect();
        let client = self.client;
        let lists = bounded(self.concurrency, providers, |p| async move {
            live::has_items(client, kind, Some(&p)).await
        })
        .await;
        let mut all = Vec::new();
        for list in lists {
            all.extend(list?);
        }
        Ok(all)
    }

    /// A resource's or prompt's id.
    async fn item(
        &mut self,
        at: impl Fn() -> String,
        kind: LinkKind,
        item: &ItemRef,
        attached: Option<&BTreeSet<String>>,
    ) -> Result<String, PlanError> {
        if let Some(id) = &item.id
            && attached.is_some_and(|a| a.contains(id))
        {
            return Ok(id.clone());
        }
        if !self.items.contains_key(&kind) {
            let list = self.items_of(kind).await?;
            self.items.insert(kind, list);
        }
        let list = self.items.get(&kind).map(Vec::as_slice).unwrap_or_default();
        let what = if kind == LinkKind::Resource {
            "resource"
        } else {
            "prompt"
        };
        let found: Vec<&CatalogItem> = list
            .iter()
            .filter(|c| match (&item.id, &item.name) {
                (Some(id), _) => &c.id == id,
                (None, Some(name)) => &c.name == name,
                (None, None) => false,
            })
            .collect();
        match found.as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(PlanError::invalid(
                at(),
                format!("no {what} in the catalog is {item}"),
            )),
            many => Err(PlanError::invalid(
                at(),
                format!("{} {what}s are named {item}; name it by id", many.len()),
            )),
        }
    }
}

// ---- GetMCP ----

async fn plan_site(
    c: &getmcp::Client,
    index: usize,
    site: &GetMcpSite,
    options: &PlanOptions,
    plan: &mut Plan,
) -> Result<(), PlanError> {
    let live = live::gm_list(c).await?;
    let by_slug: HashMap<&str, &GmLive> = live.iter().map(|s| (s.slug.as_str(), s)).collect();
    // Whether test credentials are stored, for servers that describe them.
    let creds_reads = site
        .servers
        .iter()
        .map(|s| match by_slug.get(s.slug.as_str()) {
            Some(l) if s.test_credentials.is_some() => Some(l.id),
            _ => None,
        });
    let stored: Vec<Option<bool>> = bounded(options.concurrency, creds_reads, |id| async move {
        match id {
            Some(id) => live::gm_has_test_credentials(c, id).await.map(Some),
            None => Ok(None),
        }
    })
    .await
    .into_iter()
    .collect::<Result<_, crate::Error>>()?;
    // The tools, resources and prompts of existing servers, for the kinds described.
    let item_reads = site.servers.iter().flat_map(|s| {
        let id = by_slug.get(s.slug.as_str()).map(|l| l.id);
        ItemKind::ALL.map(|kind| id.filter(|_| stated(s, kind)).map(|id| (id, kind)))
    });
    let mut items = bounded(options.concurrency, item_reads, |read| async move {
        match read {
            Some((id, kind)) => live::gm_items(c, id, kind).await.map(Some),
            None => Ok(None),
        }
    })
    .await
    .into_iter();
    for (j, s) in site.servers.iter().enumerate() {
        let at = format!("getmcp[{index}].servers[{j}]");
        let key = format!("{}/{}", site.site, s.slug);
        let sent = options.credentials_sent.get(&key).copied();
        let mut change = diff_getmcp(
            &at,
            &site.site,
            s,
            by_slug.get(s.slug.as_str()).copied(),
            &by_slug,
            stored[j],
            sent,
        )?;
        for kind in ItemKind::ALL {
            let read = items.next().transpose()?.flatten();
            let mut found = Items {
                site: &site.site,
                at: &at,
                server: s,
                kind,
                prune: options.prune,
                unmanaged: &mut plan.unmanaged,
            };
            found.diff(&mut change, read.as_deref())?;
        }
        if change.action == Action::Update
            && change.fields.is_empty()
            && change.credentials.is_none()
        {
            change.action = Action::Attachments;
        }
        if change.action == Action::Create || !change.is_noop() {
            plan.changes.push(change);
        }
    }
    let described: BTreeSet<&str> = site.servers.iter().map(|s| s.slug.as_str()).collect();
    for l in live.iter().filter(|l| !described.contains(l.slug.as_str())) {
        let target = Target::Getmcp {
            site: site.site.clone(),
            slug: l.slug.clone(),
        };
        if options.prune && site.owns.as_ref().is_some_and(|o| o.owns(&l.slug)) {
            let mut change = ServerChange::new(target, Action::Delete);
            change.id = Some(l.id.to_string());
            change.read = Some(ReadState {
                version: None,
                updated_at: l.updated_at,
            });
            plan.changes.push(change);
        } else {
            plan.unmanaged.push(target);
        }
    }
    Ok(())
}

fn diff_getmcp(
    at: &str,
    site: &str,
    s: &GetMcpServer,
    live: Option<&GmLive>,
    by_slug: &HashMap<&str, &GmLive>,
    stored: Option<bool>,
    sent: Option<u64>,
) -> Result<ServerChange, PlanError> {
    let target = Target::Getmcp {
        site: site.into(),
        slug: s.slug.clone(),
    };
    let Some(l) = live else {
        let Some(name) = &s.name else {
            return Err(PlanError::invalid(
                format!("{at}.name"),
                "a new server needs a name",
            ));
        };
        let mut change = ServerChange::new(target, Action::Create);
        change.field("slug", None, json!(s.slug));
        change.field("name", None, json!(name));
        set_fields(&mut change, s, None);
        if let Some(spec) = &s.test_credentials {
            change.credentials = Some(CredentialsChange {
                spec: spec.clone(),
                version: s.credentials_version,
                reason: "new server".into(),
            });
        }
        change
            .notes
            .push("endpoint_url: (known after apply)".into());
        return Ok(change);
    };
    let mut change = ServerChange::new(target, Action::Update);
    change.id = Some(l.id.to_string());
    change.read = Some(ReadState {
        version: None,
        updated_at: l.updated_at,
    });
    if let Some(name) = &s.name {
        change.field("name", Some(json!(l.name)), json!(name));
        if name != &l.name {
            // The plugin re-derives the slug from a new name; it must come out as the key.
            match derive_slug(name) {
                Some(d) if d == s.slug => {}
                Some(d) => {
                    let taken = by_slug.get(d.as_str()).is_some_and(|o| o.id != l.id);
                    return Err(PlanError::invalid(format!("{at}.name"), format!(
                        "renaming re-derives the slug on GetMCP: \"{name}\" would move the server to \"{d}\"{} and change its endpoint_url; keep a name whose slug is \"{}\"",
                        if taken { " (taken, so with a -1 suffix)" } else { "" }, s.slug
                    )));
                }
                None => return Err(PlanError::invalid(format!("{at}.name"), format!(
                    "renaming re-derives the slug on GetMCP, and which slug \"{name}\" gives cannot be told here (non-ASCII or entities); rename it by hand"
                ))),
            }
        }
    }
    set_fields(&mut change, s, Some(l));
    if let Some(spec) = &s.test_credentials {
        let type_changes = change.fields.iter().any(|f| f.field == "auth_type");
        let reason = if type_changes {
            Some("the auth_type changes, which wipes stored credentials".to_owned())
        } else if stored == Some(false) {
            Some("none are stored".to_owned())
        } else if let (Some(sent), Some(want)) = (sent, s.credentials_version) {
            (sent != want).then(|| format!("credentials_version {sent} -> {want}"))
        } else {
            None
        };
        match reason {
            Some(reason) => {
                change.credentials = Some(CredentialsChange {
                    spec: spec.clone(),
                    version: s.credentials_version,
                    reason,
                })
            }
            None => change.unchanged += 1,
        }
    }
    if change.fields.iter().any(|f| f.field == "auth_type") && s.test_credentials.is_none() {
        change
            .notes
            .push("an auth_type change wipes the stored credentials".into());
    }
    Ok(change)
}

/// Whether the description states a server's tools, resources or prompts.
fn stated(s: &GetMcpServer, kind: ItemKind) -> bool {
    match kind {
        ItemKind::Tool => s.tools.is_some(),
        ItemKind::Resource => s.resources.is_some(),
        ItemKind::Prompt => s.prompts.is_some(),
    }
}

/// An item as described: its key, and each field stated with its value.
type Described<'a> = (&'a str, Vec<(String, Value)>);

/// The description's items of one kind: key and the fields stated (what the spec
/// serializes: a field left out is skipped), in the description's order.
fn wanted(s: &GetMcpServer, kind: ItemKind) -> Option<Vec<Described<'_>>> {
    fn described<'a, T: Serialize>(
        items: &'a [T],
        kind: ItemKind,
        key: fn(&T) -> &str,
    ) -> Vec<Described<'a>> {
        items
            .iter()
            .map(|item| {
                let mut fields = match serde_json::to_value(item) {
                    Ok(Value::Object(fields)) => fields,
                    _ => serde_json::Map::new(),
                };
                fields.remove(kind.key_field());
                (key(item), fields.into_iter().collect())
            })
            .collect()
    }
    Some(match kind {
        ItemKind::Tool => described(s.tools.as_ref()?, kind, |t| &t.name),
        ItemKind::Resource => described(s.resources.as_ref()?, kind, |r| &r.uri),
        ItemKind::Prompt => described(s.prompts.as_ref()?, kind, |p| &p.name),
    })
}

/// The fields a create of each kind cannot do without (beside the key).
fn required(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Tool => &[],
        ItemKind::Resource => &["name"],
        ItemKind::Prompt => &["template_content"],
    }
}

/// One kind of a described GetMCP server's items, compared with the live ones.
struct Items<'a> {
    site: &'a str,
    at: &'a str,
    server: &'a GetMcpServer,
    kind: ItemKind,
    prune: bool,
    unmanaged: &'a mut Vec<Target>,
}

impl Items<'_> {
    /// Adds a create, update or delete for every item that differs. `live` is `None`
    /// for a server not created yet (or a kind not read).
    fn diff(
        &mut self,
        change: &mut ServerChange,
        live: Option<&[GmItem]>,
    ) -> Result<(), PlanError> {
        let kind = self.kind;
        let Some(wanted) = wanted(self.server, kind) else {
            return Ok(());
        };
        let live = live.unwrap_or_default();
        let list = match kind {
            ItemKind::Tool => "tools",
            ItemKind::Resource => "resources",
            ItemKind::Prompt => "prompts",
        };
        let target = |key: &str| Target::GetmcpItem {
            site: self.site.to_owned(),
            slug: self.server.slug.clone(),
            kind,
            key: key.to_owned(),
        };
        for (k, (key, values)) in wanted.iter().enumerate() {
            let matches: Vec<&GmItem> = live.iter().filter(|l| l.key == *key).collect();
            let mut item = ItemChange {
                kind,
                key: (*key).to_owned(),
                action: Action::Update,
                id: None,
                read: None,
                fields: Vec::new(),
                unchanged: 0,
            };
            match matches.as_slice() {
                [] => {
                    if let Some(missing) = required(kind)
                        .iter()
                        .find(|f| !values.iter().any(|(v, _)| v == *f))
                    {
                        return Err(PlanError::invalid(
                            format!("{}.{list}[{k}].{missing}", self.at),
                            format!("a new {} needs a {missing}", kind.as_str()),
                        ));
                    }
                    item.action = Action::Create;
                    item.field(kind.key_field(), None, json!(key));
                    for (field, v) in values {
                        item.field(field, None, v.clone());
                    }
                    change.items.push(item);
                }
                [l] => {
                    for (field, v) in values {
                        let old = l.values.get(field).cloned().unwrap_or(Value::Null);
                        item.field(field, Some(old), v.clone());
                    }
                    if !item.fields.is_empty() {
                        item.id = Some(l.id.to_string());
                        item.read = Some(ReadState {
                            version: None,
                            updated_at: l.updated_at,
                        });
                        change.items.push(item);
                    }
                }
                many => {
                    return Err(PlanError::Ambiguous {
                        key: target(key).to_string(),
                        ids: many.iter().map(|l| l.id.to_string()).collect(),
                    })
                }
            }
        }
        let owns = self.server.owns.as_ref();
        for l in live
            .iter()
            .filter(|l| !wanted.iter().any(|(k, _)| *k == l.key))
        {
            if self.prune && owns.is_some_and(|o| o.owns(&l.key)) {
                change.items.push(ItemChange {
                    kind,
                    key: l.key.clone(),
                    action: Action::Delete,
                    id: Some(l.id.to_string()),
                    read: Some(ReadState {
                        version: None,
                        updated_at: l.updated_at,
                    }),
                    fields: Vec::new(),
                    unchanged: 0,
                });
            } else {
                self.unmanaged.push(target(&l.key));
            }
        }
        Ok(())
    }
}

/// The fields every GetMCP change compares, in the server's normal form.
fn set_fields(change: &mut ServerChange, s: &GetMcpServer, l: Option<&GmLive>) {
    let old = |f: fn(&GmLive) -> Value| l.map(f);
    if let Some(d) = &s.description
        && (l.is_some() || !d.is_empty())
    {
        change.field("description", old(|l| json!(l.description)), json!(d));
    }
    if let Some(v) = &s.status {
        change.field("status", old(|l| json!(l.status)), json!(v));
    }
    if let Some(v) = &s.auth_type {
        change.field("auth_type", old(|l| json!(l.auth_type)), json!(v));
    }
    if let Some(v) = &s.cors_origins {
        let want: BTreeSet<&String> = v.iter().collect();
        if l.is_some() || !want.is_empty() {
            change.field("cors_origins", old(|l| json!(l.cors_origins)), json!(want));
        }
    }
    if let Some(v) = s.rate_limit_per_min {
        change.field(
            "rate_limit_per_min",
            old(|l| json!(l.rate_limit_per_min)),
            json!(v),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_derive_like_sanitize_title_for_ascii_names() {
        assert_eq!(derive_slug("GitHub Tools").as_deref(), Some("github-tools"));
        assert_eq!(derive_slug("Tools_v3.0").as_deref(), Some("tools_v3-0"));
        assert_eq!(derive_slug(" A / B ").as_deref(), Some("a-b"));
        assert_eq!(derive_slug("Café"), None);
    }
}
