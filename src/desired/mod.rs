//! Desired state: describe the servers you run in a file, see how the live ones
//! differ, and make them so — on HasMCP and on any number of GetMCP sites.
//!
//! Three steps, in the shape of `terraform plan`/`apply` and `kubectl diff`:
//!
//! 1. a [`Desired`] description, read with serde from JSON, YAML or TOML. Servers are
//!    keyed by what a person sees (HasMCP name; GetMCP site + slug), never by position;
//!    a field left out is not compared; secrets are only `${env:NAME}` references;
//! 2. [`plan`] reads the live servers (the fewest requests the platforms allow, at most
//!    [`PlanOptions::concurrency`] at once) and returns a [`Plan`]: typed changes that
//!    print as a `+ ~ -` diff and serialize to JSON, each recording what it was read
//!    from (HasMCP `version`, GetMCP `updated_at`);
//! 3. [`apply`] carries the plan out with each platform's safest primitive — link
//!    endpoints for attachments, names and instructions in an update of their own,
//!    credentials verified after the write — re-reading each target first and refusing
//!    a step whose target changed since the plan ([`NotApplied::Stale`]). The
//!    [`Report`] says for every step whether it was applied.
//!
//! After an apply that reports everything applied, a new plan is empty.
//!
//! Covered: HasMCP servers (name, instructions, the proxy flag, attached tools,
//! resources and prompts) and GetMCP servers (name, slug, description, status, auth
//! type, test credentials, CORS origins, rate limit, and their own tools, resources
//! and prompts). A GetMCP server's items are keyed by what an AI client uses them by,
//! which MCP requires to be unique on a server: a tool's and a prompt's name, a
//! resource's URI (its name is only a label). The site keeps no unique index, so a key
//! two live items share is refused, as a HasMCP name is. Each is created, updated
//! field by field or (pruning, and only what the server's `owns` names) deleted
//! through its own route; their routes are known from the vendor's documentation, not
//! from the plugin's code or a run.
//!
//! A saved plan ([`Plan::from_json`]) of another `format_version` is refused, and
//! [`apply`] refuses a plan older than [`ApplyOptions::max_age`] (default
//! [`DEFAULT_MAX_AGE`], one hour) before any request.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use mcp_admin::{desired::{self, Clients, Desired}, hasmcp, testing::FakeHasMcp};
//!
//! let fake = FakeHasMcp::start().await;
//! fake.seed_server("GitHubTools", "old text");
//! let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
//! let clients = Clients::new().hasmcp(hm);
//!
//! let desired = Desired::from_value(serde_json::json!({
//!     "hasmcp": {"servers": [
//!         {"name": "GitHubTools", "instructions": "Use these tools for GitHub"},
//!         {"name": "Docs"},
//!     ]},
//! }))?;
//! let plan = desired::plan(&clients, &desired).await?;
//! assert_eq!(plan.summary(), "Plan: 1 to create, 1 to update, 0 to attach, 0 to detach, 0 to delete.");
//! println!("{plan}");
//!
//! let report = desired::apply(&clients, &plan).await;
//! assert!(report.all_applied(), "{report}");
//! assert!(desired::plan(&clients, &desired).await?.is_empty());
//! # Ok(()) }
//! ```

mod apply;
mod live;
mod plan;
mod spec;

use std::{collections::BTreeMap, future::Future};

use futures_util::stream::{self, StreamExt};

use crate::{getmcp, hasmcp};

pub use apply::{
    apply, apply_with, ApplyOptions, NotApplied, Outcome, Report, StepReport, DEFAULT_MAX_AGE,
};
pub use live::LinkKind;
pub use plan::{
    plan, plan_with, Action, CredentialsChange, FieldChange, ItemChange, ItemKind, LinkChange,
    Plan, PlanOptions, ReadState, ServerChange, Target,
};
pub use spec::{
    ArgumentSpec, CredentialsSpec, Desired, EnvRef, GetMcpPrompt, GetMcpResource, GetMcpServer,
    GetMcpSite, GetMcpTool, HasMcpAccount, HasMcpServer, ItemRef, Ownership, ParameterSpec,
    ToolRef,
};

/// The clients a plan reads with and an apply writes with: at most one HasMCP account
/// and one client per GetMCP site, matched to the description's `site` by its text.
///
/// ```
/// use mcp_admin::{desired::Clients, getmcp};
///
/// let gm = getmcp::Client::builder("https://example.com")
///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
///     .build()?;
/// let clients = Clients::new().getmcp("https://example.com", gm);
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Clients {
    hasmcp: Option<hasmcp::Client>,
    getmcp: BTreeMap<String, getmcp::Client>,
}

impl Clients {
    /// No clients yet.
    pub fn new() -> Self {
        Clients::default()
    }

    /// The HasMCP account's client.
    pub fn hasmcp(mut self, client: hasmcp::Client) -> Self {
        self.hasmcp = Some(client);
        self
    }

    /// The client for the GetMCP site the description names `site`.
    pub fn getmcp(mut self, site: impl Into<String>, client: getmcp::Client) -> Self {
        self.getmcp.insert(site.into(), client);
        self
    }

    fn has(&self) -> Result<&hasmcp::Client, PlanError> {
        self.hasmcp.as_ref().ok_or_else(|| {
            PlanError::invalid(
                "hasmcp",
                "the description has a `hasmcp` section, but no HasMCP client was given",
            )
        })
    }

    fn gm(&self, site: &str) -> Option<&getmcp::Client> {
        self.getmcp.get(site)
    }
}

/// Why a description could not be planned. Every variant but [`PlanError::Read`] is
/// raised before any request is sent.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PlanError {
    /// The description is not valid: an unknown key, a duplicate server key, a
    /// missing environment variable, a value the platform would store differently, an
    /// attachment naming nothing in the catalog (found after reading the catalog, before
    /// any write).
    #[error("invalid description at {path}: {reason}")]
    Invalid {
        /// Where in the description (`hasmcp.servers[2].tools[0]`).
        path: String,
        /// What is wrong, and how to fix it.
        reason: String,
    },
    /// A key matches more than one live server (HasMCP names are not unique): updating or
    /// deleting either would be a guess.
    #[error("{key} matches {} live servers ({}); rename or delete all but one", ids.len(), ids.join(", "))]
    Ambiguous {
        /// The key, as the plan prints it.
        key: String,
        /// The ids of the servers it matches.
        ids: Vec<String>,
    },
    /// Reading the live state failed.
    #[error("reading the live servers failed: {0}")]
    Read(#[from] crate::Error),
    /// A saved plan was written by a version of this crate with another JSON layout:
    /// plan again with this one.
    #[error("the saved plan has format_version {found}; this version of mcp-admin applies only format_version {expected}: plan again")]
    FormatVersion {
        /// The plan's `format_version` (`null` when it has none).
        found: serde_json::Value,
        /// The version this crate writes and reads.
        expected: u32,
    },
    /// A saved plan could not be read (not JSON, or not a plan).
    #[error("the saved plan cannot be read: {reason}")]
    SavedPlan {
        /// What is wrong with it.
        reason: String,
    },
}

impl PlanError {
    pub(crate) fn invalid(path: impl Into<String>, reason: impl Into<String>) -> Self {
        PlanError::Invalid {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

/// Runs `f` on every item with at most `n` futures in flight, keeping the items' order.
/// Unordered buffering, then a sort: a slow first item does not hold a slot for the
/// finished ones behind it, as `buffered` would.
pub(crate) async fn bounded<I, F, Fut, T>(n: usize, items: I, mut f: F) -> Vec<T>
where
    I: IntoIterator,
    F: FnMut(I::Item) -> Fut,
    Fut: Future<Output = T>,
{
    let mut done: Vec<(usize, T)> = stream::iter(items.into_iter().enumerate())
        .map(|(i, item)| {
            let fut = f(item);
            async move { (i, fut.await) }
        })
        .buffer_unordered(n.max(1))
        .collect()
        .await;
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}
