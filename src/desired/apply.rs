//! Applying a plan: each server's steps in order (fields, then links), servers side
//! by side up to a bound, every target re-read first so a change made since the plan
//! is reported rather than overwritten.

use std::{
    collections::BTreeMap,
    fmt,
    sync::atomic::{AtomicBool, Ordering},
    time::{Duration, SystemTime},
};

use chrono::{DateTime, Utc};

use serde::Serialize;
use serde_json::{json, Value};

use super::{
    bounded,
    live::{self, GmFields, GmItem, GmLive, HasFields, HasLive, LinkKind},
    plan::{
        Action, FieldChange, ItemChange, ItemKind, LinkChange, Plan, ReadState, ServerChange,
        Target,
    },
    Clients,
};
use crate::{ConflictKind, Error};

/// How a plan is applied.
///
/// ```
/// use std::time::Duration;
/// use mcp_admin::desired::ApplyOptions;
///
/// let options = ApplyOptions::new().concurrency(8).max_age(Duration::from_secs(600));
/// // A plan saved for review and applied the next day, knowingly:
/// let late = ApplyOptions::new().set_max_age(None);
/// ```
#[derive(Debug, Clone)]
pub struct ApplyOptions {
    concurrency: usize,
    max_age: Option<Duration>,
}

/// One hour: long enough to read a plan and approve it (a review, a pipeline's manual
/// step), short enough that a forgotten plan is not applied against a day of others'
/// changes. The per-step checks see a changed field, but not everything a plan
/// decided from its reads: which servers were missing (so created) or not listed
/// (so deleted when pruning).
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(3600);

impl Default for ApplyOptions {
    fn default() -> Self {
        ApplyOptions {
            concurrency: 4,
            max_age: Some(DEFAULT_MAX_AGE),
        }
    }
}

impl ApplyOptions {
    /// 4 servers at once; plans at most [`DEFAULT_MAX_AGE`] old.
    pub fn new() -> Self {
        ApplyOptions::default()
    }

    /// Refuses, before any request, a plan whose [`planned_at`](super::Plan::planned_at)
    /// is further back than `age` (default [`DEFAULT_MAX_AGE`]): every step is reported
    /// [`NotApplied::PlanTooOld`].
    pub fn max_age(self, age: Duration) -> Self {
        self.set_max_age(Some(age))
    }

    /// The maximum age, or `None` to apply a plan of any age.
    pub fn set_max_age(mut self, age: Option<Duration>) -> Self {
        self.max_age = age;
        self
    }

    /// At most this many servers changed at once (default 4; 0 counts as 1). One
    /// server's steps always run in order.
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }
}

/// Why a step was not applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotApplied {
    /// The target changed since the plan read it: plan again.
    Stale {
        /// The field that changed (`version`, `updated_at`, or a field the step writes;
        /// for a create, the key: `name`, `uri`).
        field: String,
        /// Its value when the plan was made (`null` for a create: nothing had the key).
        planned: Value,
        /// Its value now (`"deleted"` when the server is gone; for a create, the ids of
        /// what has the key now).
        current: Value,
    },
    /// An earlier step failed, so no new step was started.
    AfterFailure,
    /// An earlier step of the same server (its create or update) was not applied.
    EarlierStepNotApplied,
    /// The plan is older than [`ApplyOptions::max_age`]: nothing was sent; plan again.
    PlanTooOld {
        /// When the plan read the live state.
        planned_at: DateTime<Utc>,
        /// The maximum age allowed, in seconds.
        max_age_secs: u64,
    },
}

/// How one step ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// Done (or found already done: a link that existed, a server already deleted).
    Applied,
    /// Not attempted; nothing was written.
    NotApplied {
        /// Why.
        #[serde(flatten)]
        why: NotApplied,
    },
    /// Refused or failed; nothing was written.
    Failed {
        /// The error, as it displays.
        error: String,
    },
    /// The write was sent and its outcome is unknown (a timeout, a lost connection, a
    /// lost race): plan again before anything else, and look a create up by its key.
    MayHaveApplied {
        /// The error, as it displays.
        error: String,
    },
}

impl Outcome {
    fn failed(e: &Error) -> Self {
        if e.may_have_applied() {
            Outcome::MayHaveApplied {
                error: e.to_string(),
            }
        } else {
            Outcome::Failed {
                error: e.to_string(),
            }
        }
    }

    fn not(why: NotApplied) -> Self {
        Outcome::NotApplied { why }
    }

    fn stale(field: &str, planned: Value, current: Value) -> Self {
        Outcome::not(NotApplied::Stale {
            field: field.into(),
            planned,
            current,
        })
    }

    fn is_failure(&self) -> bool {
        matches!(
            self,
            Outcome::Failed { .. } | Outcome::MayHaveApplied { .. }
        )
    }
}

/// One step and how it ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StepReport {
    /// The server.
    pub target: Target,
    /// `create`, `update`, `delete`, `attach tool GitHub/GET /repos`, …
    pub step: String,
    /// How it ended.
    pub outcome: Outcome,
}

/// What an apply did, step by step, in the plan's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// Every step of the plan.
    pub steps: Vec<StepReport>,
    /// `site/slug` → the `credentials_version` sent, for
    /// [`PlanOptions::credentials_sent`](super::PlanOptions::credentials_sent).
    pub credentials_sent: BTreeMap<String, u64>,
}

impl Report {
    /// Whether every step was applied.
    pub fn all_applied(&self) -> bool {
        self.steps.iter().all(|s| s.outcome == Outcome::Applied)
    }

    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.steps.iter().filter(|s| f(&s.outcome)).count()
    }

    /// `Applied 5 of 8; 1 failed; 0 may have applied; 2 not applied; …`.
    pub fn summary(&self) -> String {
        let applied = self.count(|o| *o == Outcome::Applied);
        if applied == self.steps.len() {
            return format!("Applied {applied} of {applied}.");
        }
        let too_old = |o: &Outcome| {
            matches!(
                o,
                Outcome::NotApplied {
                    why: NotApplied::PlanTooOld { .. }
                }
            )
        };
        if self.count(too_old) == self.steps.len() {
            return format!(
                "Applied 0 of {}: the plan is older than the maximum age and nothing was sent; plan again.",
                self.steps.len()
            );
        }
        format!(
            "Applied {applied} of {}; {} failed; {} may have applied; {} not applied; \
             the servers are partially changed: plan again.",
            self.steps.len(),
            self.count(|o| matches!(o, Outcome::Failed { .. })),
            self.count(|o| matches!(o, Outcome::MayHaveApplied { .. })),
            self.count(|o| matches!(o, Outcome::NotApplied { .. })),
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.steps {
            write!(f, "{}: {}: ", s.target, s.step)?;
            match &s.outcome {
                Outcome::Applied => writeln!(f, "applied")?,
                Outcome::Failed { error } => writeln!(f, "failed: {error}")?,
                Outcome::MayHaveApplied { error } => writeln!(f, "may have applied: {error}")?,
                Outcome::NotApplied { why } => match why {
                    NotApplied::Stale {
                        field,
                        planned,
                        current,
                    } if planned.is_null() => writeln!(
                        f,
                        "not applied, stale: nothing had this {field} when planned; {current} has it now"
                    )?,
                    NotApplied::Stale {
                        field,
                        planned,
                        current,
                    } => writeln!(
                        f,
                        "not applied, stale: {field} was {planned} when planned, is {current} now"
                    )?,
                    NotApplied::AfterFailure => writeln!(f, "not applied: an earlier step failed")?,
                    NotApplied::EarlierStepNotApplied => {
                        writeln!(f, "not applied: the server's earlier step was not")?
                    }
                    NotApplied::PlanTooOld {
                        planned_at,
                        max_age_secs,
                    } => writeln!(
                        f,
                        "not applied: the plan was made at {planned_at}, more than {max_age_secs} s ago"
                    )?,
                },
            }
        }
        write!(f, "{}", self.summary())
    }
}

/// Applies `plan` with the default options (4 servers at once).
pub async fn apply(clients: &Clients, plan: &Plan) -> Report {
    apply_with(clients, plan, &ApplyOptions::default()).await
}

/// Applies `plan`. On the first failure, steps already running finish and no new one
/// starts; nothing is rolled back. An empty plan sends no request.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use mcp_admin::{desired::{self, ApplyOptions, Clients, Desired}, hasmcp, testing::FakeHasMcp};
///
/// let fake = FakeHasMcp::start().await;
/// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
/// let clients = Clients::new().hasmcp(hm);
/// let desired = Desired::from_value(serde_json::json!({"hasmcp": {"servers": [{"name": "Docs"}]}}))?;
/// let plan = desired::plan(&clients, &desired).await?;
/// let report = desired::apply_with(&clients, &plan, &ApplyOptions::new().concurrency(1)).await;
/// assert_eq!(report.summary(), "Applied 1 of 1.");
/// # Ok(()) }
/// ```
pub async fn apply_with(clients: &Clients, plan: &Plan, options: &ApplyOptions) -> Report {
    if let Some(max) = options.max_age {
        // Reckoned in chrono's range, which holds any date a saved plan can carry
        // (a `SystemTime` on Windows does not reach before 1601). A plan dated after
        // now (another machine's clock) is of age 0; a maximum past chrono's range is
        // no maximum.
        let now = DateTime::<Utc>::from(SystemTime::now());
        let age = now.signed_duration_since(plan.planned_at);
        if chrono::TimeDelta::from_std(max).is_ok_and(|max| age > max) {
            return refuse_all(plan, plan.planned_at, max);
        }
    }
    let stop = AtomicBool::new(false);
    let stop = &stop;
    let groups = bounded(options.concurrency, &plan.changes, |change| async move {
        run(clients, change, stop).await
    })
    .await;
    let mut report = Report {
        steps: Vec::new(),
        credentials_sent: BTreeMap::new(),
    };
    for (change, steps) in plan.changes.iter().zip(groups) {
        if let (Target::Getmcp { site, slug }, Some(creds)) = (&change.target, &change.credentials)
        {
            let applied = steps.first().is_some_and(|s| s.outcome == Outcome::Applied);
            if let (true, Some(v)) = (applied, creds.version) {
                report.credentials_sent.insert(format!("{site}/{slug}"), v);
            }
        }
        report.steps.extend(steps);
    }
    report
}

/// Every step of `plan` reported [`NotApplied::PlanTooOld`], with nothing sent.
fn refuse_all(plan: &Plan, planned_at: DateTime<Utc>, max: Duration) -> Report {
    let why = Outcome::not(NotApplied::PlanTooOld {
        planned_at,
        max_age_secs: max.as_secs(),
    });
    let steps = plan
        .changes
        .iter()
        .flat_map(|c| {
            step_names(c).into_iter().map(|step| StepReport {
                target: c.target.clone(),
                step,
                outcome: why.clone(),
            })
        })
        .collect();
    Report {
        steps,
        credentials_sent: BTreeMap::new(),
    }
}

/// The names of a server's steps, in the order [`run`] reports them.
fn step_names(change: &ServerChange) -> Vec<String> {
    let mut names = Vec::new();
    if change.action != Action::Attachments {
        names.push(scalar_name(change.action).to_owned());
    }
    names.extend(change.links.iter().map(link_name));
    names.extend(change.items.iter().map(|i| i.step()));
    names
}

fn scalar_name(action: Action) -> &'static str {
    match action {
        Action::Create => "create",
        Action::Delete => "delete",
        _ => "update",
    }
}

/// One server's steps, in order.
async fn run(clients: &Clients, change: &ServerChange, stop: &AtomicBool) -> Vec<StepReport> {
    let mut steps = Vec::new();
    let report = |step: String, outcome: Outcome| StepReport {
        target: change.target.clone(),
        step,
        outcome,
    };
    let mut id = change.id.clone();
    let mut go_on = true;
    if change.action != Action::Attachments {
        let step = scalar_name(change.action);
        let outcome = if stop.load(Ordering::SeqCst) {
            Outcome::not(NotApplied::AfterFailure)
        } else {
            let (outcome, created) = scalar(clients, change).await;
            id = created.or(id);
            outcome
        };
        if outcome.is_failure() {
            stop.store(true, Ordering::SeqCst);
        }
        go_on = outcome == Outcome::Applied;
        steps.push(report(step.into(), outcome));
    }
    for l in &change.links {
        let outcome = if stop.load(Ordering::SeqCst) {
            Outcome::not(NotApplied::AfterFailure)
        } else if !go_on {
            Outcome::not(NotApplied::EarlierStepNotApplied)
        } else {
            link(clients, id.as_deref().unwrap_or_default(), l).await
        };
        if outcome.is_failure() {
            stop.store(true, Ordering::SeqCst);
        }
        steps.push(report(link_name(l), outcome));
    }
    if !change.items.is_empty() {
        for (step, outcome) in item_steps(clients, change, id.as_deref(), go_on, stop).await {
            steps.push(report(step, outcome));
        }
    }
    steps
}

fn link_name(l: &LinkChange) -> String {
    let kind = match l.kind {
        LinkKind::Tool => "tool",
        LinkKind::Resource => "resource",
        LinkKind::Prompt => "prompt",
    };
    format!(
        "{} {kind} {}",
        if l.attach { "attach" } else { "detach" },
        l.label
    )
}

/// A link step: "already attached" is converged, a missing link on detach too (204).
async fn link(clients: &Clients, server: &str, l: &LinkChange) -> Outcome {
    let Some(c) = clients.hasmcp.as_ref() else {
        return Outcome::Failed {
            error: "no HasMCP client was given".into(),
        };
    };
    match live::has_link(c, server, l.kind, &l.id, l.attach).await {
        Ok(()) => Outcome::Applied,
        Err(e) if l.attach && e.is_conflict() && e.to_string().contains("already exists") => {
            Outcome::Applied
        }
        Err(e) => Outcome::failed(&e),
    }
}

/// The create, update or delete step; a create also returns the new id.
async fn scalar(clients: &Clients, change: &ServerChange) -> (Outcome, Option<String>) {
    match &change.target {
        Target::Hasmcp { name } => match clients.hasmcp.as_ref() {
            Some(c) => has_scalar(c, name, change).await,
            None => (
                Outcome::Failed {
                    error: "no HasMCP client was given".into(),
                },
                None,
            ),
        },
        Target::Getmcp { site, slug } => match clients.gm(site) {
            Some(c) => gm_scalar(c, slug, change).await,
            None => (
                Outcome::Failed {
                    error: format!("no GetMCP client was given for {site}"),
                },
                None,
            ),
        },
        other => (
            Outcome::Failed {
                error: format!("{other} is not a server"),
            },
            None,
        ),
    }
}

fn has_fields(fields: &[FieldChange]) -> HasFields {
    let mut f = HasFields::default();
    for c in fields {
        match c.field.as_str() {
            "name" => f.name = c.new.as_str().map(str::to_owned),
            "instructions" => f.instructions = c.new.as_str().map(str::to_owned),
            "request_headers_proxy_enabled" => f.proxy = c.new.as_bool(),
            _ => {}
        }
    }
    f
}

fn has_value(now: &HasLive, field: &str) -> Value {
    match field {
        "name" => json!(now.name),
        "instructions" => json!(now.instructions),
        "request_headers_proxy_enabled" => json!(now.proxy),
        _ => Value::Null,
    }
}

/// The first field of `fields` whose value `now` moved from the one planned from, as a
/// stale outcome.
fn moved(fields: &[FieldChange], now: impl Fn(&str) -> Value) -> Option<Outcome> {
    fields.iter().find_map(|f| {
        let current = now(&f.field);
        let old = f.old.as_ref().filter(|old| **old != current)?;
        Some(Outcome::stale(&f.field, old.clone(), current))
    })
}

/// A GetMCP delete's check: stale when `updated_at` moved since the plan read it (the
/// platform has no version; a delete writes no field to compare).
fn touched(read: Option<&ReadState>, now: Option<DateTime<Utc>>) -> Option<Outcome> {
    let planned = read.and_then(|r| r.updated_at);
    (planned != now).then(|| Outcome::stale("updated_at", json!(planned), json!(now)))
}

/// The first field the step writes whose value moved since the plan; else `version`.
fn has_stale(change: &ServerChange, now: &HasLive) -> Outcome {
    if let Some(stale) = moved(&change.fields, |field| has_value(now, field)) {
        return stale;
    }
    let planned = change.read.as_ref().and_then(|r| r.version);
    Outcome::stale("version", json!(planned), json!(now.version))
}

fn gone(change: &ServerChange) -> Outcome {
    Outcome::stale("id", json!(change.id), json!("deleted"))
}

async fn has_scalar(
    c: &crate::hasmcp::Client,
    name: &str,
    change: &ServerChange,
) -> (Outcome, Option<String>) {
    let id = change.id.as_deref().unwrap_or_default();
    let version = change.read.as_ref().and_then(|r| r.version);
    let outcome = match change.action {
        Action::Create => {
            // HasMCP names are not unique: a server of this name created since the plan
            // would get a twin. One list read (the list has no name filter) just before
            // the create; the window between the two stays open, and a twin made in it
            // is refused by the next plan as ambiguous.
            match live::has_list(c).await {
                Ok(now) => {
                    let ids: Vec<&str> = now
                        .iter()
                        .filter(|s| s.name == name)
                        .map(|s| s.id.as_str())
                        .collect();
                    if !ids.is_empty() {
                        return (
                            Outcome::stale("name", Value::Null, json!(ids.join(", "))),
                            None,
                        );
                    }
                }
                Err(e) => return (Outcome::failed(&e), None),
            }
            return match live::has_create(c, name, &has_fields(&change.fields)).await {
                Ok(created) => (Outcome::Applied, Some(created.id)),
                Err(e) => (Outcome::failed(&e), None),
            };
        }
        Action::Delete => match live::has_get(c, id).await {
            Ok(None) => Outcome::Applied,
            Ok(Some(now)) if now.version != version => {
                Outcome::stale("version", json!(version), json!(now.version))
            }
            Ok(Some(_)) => match live::has_delete(c, id).await {
                Ok(()) => Outcome::Applied,
                Err(e) => Outcome::failed(&e),
            },
            Err(e) => Outcome::failed(&e),
        },
        _ => match live::has_update(c, id, version, &has_fields(&change.fields)).await {
            Ok(_) => Outcome::Applied,
            Err(Error::Conflict(ce)) if ce.kind() == ConflictKind::UnexpectedVersion => {
                match live::has_get(c, id).await {
                    Ok(Some(now)) => has_stale(change, &now),
                    Ok(None) => gone(change),
                    Err(_) => Outcome::stale("version", json!(version), json!(ce.found)),
                }
            }
            Err(e) if e.is_not_found() => gone(change),
            Err(e) => Outcome::failed(&e),
        },
    };
    (outcome, None)
}

fn gm_fields(fields: &[FieldChange]) -> GmFields {
    let mut f = GmFields::default();
    let text = |v: &Value| v.as_str().map(str::to_owned);
    for c in fields {
        match c.field.as_str() {
            "name" => f.name = text(&c.new),
            "description" => f.description = text(&c.new),
            "status" => f.status = text(&c.new),
            "auth_type" => f.auth_type = text(&c.new),
            "cors_origins" => {
                f.cors_origins = c
                    .new
                    .as_array()
                    .map(|a| a.iter().filter_map(text).collect())
            }
            "rate_limit_per_min" => f.rate_limit_per_min = c.new.as_i64(),
            _ => {}
        }
    }
    f
}

fn gm_value(now: &GmLive, field: &str) -> Value {
    match field {
        "name" => json!(now.name),
        "description" => json!(now.description),
        "status" => json!(now.status),
        "auth_type" => json!(now.auth_type),
        "cors_origins" => json!(now.cors_origins),
        "rate_limit_per_min" => json!(now.rate_limit_per_min),
        "slug" => json!(now.slug),
        _ => Value::Null,
    }
}

/// GetMCP has no version: the check is the values of the fields the step writes (and
/// `updated_at` for a delete), read just before the write. The window between that
/// read and the write stays open; nothing on GetMCP is conditional.
async fn gm_scalar(
    c: &crate::getmcp::Client,
    slug: &str,
    change: &ServerChange,
) -> (Outcome, Option<String>) {
    let id = change.id.as_deref().and_then(|id| id.parse::<u64>().ok());
    let creds = match &change.credentials {
        None => None,
        Some(creds) => match creds.spec.secret().read() {
            Some(secret) => Some(live::credentials(&creds.spec, secret)),
            None => {
                let error = format!(
                    "the environment variable {} is not set",
                    creds.spec.secret().name()
                );
                return (Outcome::Failed { error }, None);
            }
        },
    };
    let fields = gm_fields(&change.fields);
    let (Action::Update | Action::Delete, Some(id)) = (change.action, id) else {
        let name = fields.name.clone().unwrap_or_default();
        return match live::gm_create(c, slug, &name, &fields, creds).await {
            Ok(created) if created.slug != slug => (
                Outcome::Failed {
                    error: format!(
                        "another server holds the slug \"{slug}\": the site created server {} as \"{}\" instead; delete one of them",
                        created.id, created.slug
                    ),
                },
                None,
            ),
            Ok(created) => (Outcome::Applied, Some(created.id.to_string())),
            Err(e) => (Outcome::failed(&e), None),
        };
    };
    (gm_change(c, slug, change, id, &fields, creds).await, None)
}

/// The update or delete of an existing GetMCP server.
async fn gm_change(
    c: &crate::getmcp::Client,
    slug: &str,
    change: &ServerChange,
    id: u64,
    fields: &GmFields,
    creds: Option<crate::getmcp::TestAuthCredentials>,
) -> Outcome {
    let now = match live::gm_get(c, id).await {
        Ok(Some(now)) => now,
        Ok(None) if change.action == Action::Delete => return Outcome::Applied,
        Ok(None) => return gone(change),
        Err(e) => return Outcome::failed(&e),
    };
    if change.action == Action::Delete {
        if let Some(stale) = touched(change.read.as_ref(), now.updated_at) {
            return stale;
        }
        return match live::gm_delete(c, id).await {
            Ok(()) => Outcome::Applied,
            Err(e) if e.is_not_found() => Outcome::Applied,
            Err(e) => Outcome::failed(&e),
        };
    }
    if let Some(stale) = moved(&change.fields, |field| gm_value(&now, field)) {
        return stale;
    }
    match live::gm_update(c, id, fields, creds).await {
        Ok(after) if after.slug != slug => Outcome::Failed {
            error: format!(
                "the site moved the server's slug from \"{slug}\" to \"{}\"",
                after.slug
            ),
        },
        Ok(_) => Outcome::Applied,
        Err(e) => Outcome::failed(&e),
    }
}

/// A GetMCP server's item steps, in the plan's order. Each kind's live items are read
/// once, before its first step (the re-read every step is checked against; a server
/// created by this apply has none); the window between that read and each write stays
/// open, as nothing on GetMCP is conditional.
async fn item_steps(
    clients: &Clients,
    change: &ServerChange,
    server: Option<&str>,
    go_on: bool,
    stop: &AtomicBool,
) -> Vec<(String, Outcome)> {
    let mut done = Vec::new();
    let client = match &change.target {
        Target::Getmcp { site, .. } => clients.gm(site),
        _ => None,
    };
    let server = server.and_then(|id| id.parse::<u64>().ok());
    let mut read: BTreeMap<ItemKind, Result<Vec<GmItem>, Outcome>> = BTreeMap::new();
    for item in &change.items {
        let outcome = if stop.load(Ordering::SeqCst) {
            Outcome::not(NotApplied::AfterFailure)
        } else if !go_on {
            Outcome::not(NotApplied::EarlierStepNotApplied)
        } else if let (Some(c), Some(server)) = (client, server) {
            if let std::collections::btree_map::Entry::Vacant(slot) = read.entry(item.kind) {
                slot.insert(if change.action == Action::Create {
                    Ok(Vec::new())
                } else {
                    live::gm_items(c, server, item.kind)
                        .await
                        .map_err(|e| Outcome::failed(&e))
                });
            }
            match read.get(&item.kind) {
                Some(Ok(now)) => item_step(c, server, item, now).await,
                Some(Err(failed)) => failed.clone(),
                None => Outcome::not(NotApplied::EarlierStepNotApplied),
            }
        } else {
            Outcome::Failed {
                error: format!("no GetMCP client or server id for {}", change.target),
            }
        };
        if outcome.is_failure() {
            stop.store(true, Ordering::SeqCst);
        }
        done.push((item.step(), outcome));
    }
    done
}

/// One tool, resource or prompt created, updated or deleted, checked first against
/// `now`, the server's items of that kind as just read.
async fn item_step(
    c: &crate::getmcp::Client,
    server: u64,
    item: &ItemChange,
    now: &[GmItem],
) -> Outcome {
    let key_field = item.kind.key_field();
    let fields: Vec<(&str, &Value)> = item
        .fields
        .iter()
        .filter(|f| f.field != key_field)
        .map(|f| (f.field.as_str(), &f.new))
        .collect();
    if item.action == Action::Create {
        let taken: Vec<String> = now
            .iter()
            .filter(|l| l.key == item.key)
            .map(|l| l.id.to_string())
            .collect();
        if !taken.is_empty() {
            return Outcome::stale(key_field, Value::Null, json!(taken.join(", ")));
        }
        return match live::gm_item_create(c, server, item.kind, &item.key, &fields).await {
            Ok(_) => Outcome::Applied,
            Err(e) => Outcome::failed(&e),
        };
    }
    let id = item.id.as_deref().and_then(|id| id.parse::<u64>().ok());
    let Some(current) = now.iter().find(|l| Some(l.id) == id) else {
        return match item.action {
            Action::Delete => Outcome::Applied,
            _ => Outcome::stale("id", json!(item.id), json!("deleted")),
        };
    };
    let id = current.id;
    if current.key != item.key {
        return Outcome::stale(key_field, json!(item.key), json!(current.key));
    }
    if item.action == Action::Delete {
        if let Some(stale) = touched(item.read.as_ref(), current.updated_at) {
            return stale;
        }
        return match live::gm_item_delete(c, server, item.kind, id).await {
            Ok(()) => Outcome::Applied,
            Err(e) if e.is_not_found() => Outcome::Applied,
            Err(e) => Outcome::failed(&e),
        };
    }
    let value = |field: &str| current.values.get(field).cloned().unwrap_or(Value::Null);
    if let Some(stale) = moved(&item.fields, value) {
        return stale;
    }
    match live::gm_item_update(c, server, item.kind, id, &fields).await {
        Ok(()) => Outcome::Applied,
        Err(e) => Outcome::failed(&e),
    }
}
