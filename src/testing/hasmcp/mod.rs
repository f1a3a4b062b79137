//! The fake HasMCP, with the semantics of the open-source edition: its public API
//! here, its state and router in `state`, the Go service's decoding and error rules in
//! `emulation`, and one module per resource (`servers`).

mod catalog;
mod emulation;
mod servers;
mod state;
// The catalog's routes.
mod items;
mod providers;
mod tools;
mod variables;

use std::fmt;

use serde_json::{json, Value};

use self::state::State;
use super::{shell::FakeServer, Fault, RecordedRequest};

/// A fake HasMCP on a random loopback port, with the semantics of the open-source
/// edition.
///
/// It serves `GET` and `PATCH /api/v1/servers/{id}`, in the order the real server
/// checks things:
///
/// 1. injected [`Fault`]s (the rate limiter runs first);
/// 2. `Authorization` must be exactly `Bearer <token>`, else 401
///    `{"error": {"message":"authentication failed", "code":401}}` as `text/plain`;
/// 3. a body that does not decode (bad JSON, empty, a wrong type anywhere, neither an
///    object nor `null`) is a 422 whose body says `"code":400`. Decoding is Go's: keys
///    match in any case, unknown keys are ignored, and a body without a `server`
///    object decodes to zero values, so it fails validation instead;
/// 4. validation, 400, first failure wins: the path id decodes to 0
///    (`invalid server ID`), `version` missing or 0 (`invalid server version`), `name`
///    not 1–16 of `[a-zA-Z0-9]`, `instructions` over 4096 bytes, more than 1 provider;
/// 5. an unknown id is a 404 whose `data` has `reason` and the id as an int64
///    `serverID`;
/// 6. the PATCH **replaces**: omitted `instructions` become `""`, an omitted
///    `requestHeadersProxyEnabled` becomes `false`, omitted `providers`, `resources` and
///    `prompts` are detached. When the body's `version` is the stored one, name,
///    instructions and flag are written and the version goes up by 1; when it is not,
///    the answer is still 200 with those left alone — but the attachments are replaced.
///
/// Responses are `{"server": …}` with `id`, `createdAt`, `updatedAt` and
/// `requestHeadersProxyEnabled` always present, `name`, `instructions`, `version`,
/// `providers`, `resources` and `prompts` left out when empty, and attachments as ids
/// only: `providers: [{"id": …, "tools": [{"id": …, "providerID": "00000000000"}]}]`.
///
/// Like the real server, the fake does not check that attached providers, tools,
/// resources and prompts exist: any ids are stored and echoed back (see
/// [`FakeHasMcp::new_id`] for fresh ones). Attachments are stored as tool rows, so a
/// provider sent without tools is not kept. Ids are compared after the server's own
/// base62 decoding (`1` and `00000000001` are the same server), except ids too large
/// for an int64, which are kept as sent (the open-source edition would mangle them).
///
/// The catalog (providers and their tools, variables, resources, prompts) is served at
/// `/api/v1/providers[/{id}[/tools[/{toolID}]]]`, `/api/v1/variables[/{id}]`,
/// `/api/v1/resources[/{id}]` and `/api/v1/prompts[/{id}]`, with the open-source
/// edition's quirks: provider validation failures are 500s with `data.reason`; lists
/// are `{}` when empty (variables: `{"variables": []}`) and the provider list leaves
/// tools out; stored secrets read back as `***`; updates apply only non-empty fields,
/// and the variable, resource and prompt updates answer 204 (resources and prompts even
/// for an unknown id); a tool update replaces the headers with those sent and refuses
/// one of only `name`, `headers` or `oauth2Scopes`; an unknown tool is a 500 `record
/// not found`; deletes are 204 whether or not the item existed, and deleting a provider,
/// tool, resource or prompt removes its server links. Seed with
/// [`FakeHasMcp::seed_provider`], [`FakeHasMcp::seed_tool`],
/// [`FakeHasMcp::seed_variable`], [`FakeHasMcp::seed_resource`] and
/// [`FakeHasMcp::seed_prompt`].
///
/// Every update to a server happens under one lock: concurrent writers see the
/// versions a database would give them.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), mcp_admin::Error> {
/// use mcp_admin::{hasmcp, testing::FakeHasMcp};
///
/// let fake = FakeHasMcp::start().await;
/// let id = fake.seed_server("GitHubTools", "Use these tools for GitHub");
/// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(FakeHasMcp::TOKEN).build()?;
/// hm.update_server(id.as_str()).name("GitHubTools2").send().await?;
/// assert_eq!(fake.server(&id).unwrap()["name"], "GitHubTools2");
/// # Ok(()) }
/// ```
pub struct FakeHasMcp(FakeServer<State>);

impl fmt::Debug for FakeHasMcp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FakeHasMcp {
    /// The access token [`FakeHasMcp::start`] accepts.
    pub const TOKEN: &'static str = "fake-hasmcp-access-token";

    /// Starts a fake with no servers that accepts [`FakeHasMcp::TOKEN`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// assert!(fake.uri().starts_with("http://127.0.0.1:"));
    /// # }
    /// ```
    pub async fn start() -> Self {
        Self::with_token(Self::TOKEN).await
    }

    /// Starts a fake with no servers that accepts `token` instead.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::with_token("my-token").await;
    /// assert_eq!(fake.token(), "my-token");
    /// # }
    /// ```
    pub async fn with_token(token: impl Into<String>) -> Self {
        FakeHasMcp(FakeServer::start(token.into(), |_| State::default()))
    }

    /// The origin to give
    /// [`hasmcp::ClientBuilder::base_url`](crate::hasmcp::ClientBuilder::base_url), e.g.
    /// `http://127.0.0.1:40123`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let hm = mcp_admin::hasmcp::Client::builder()
    ///     .base_url(fake.uri())
    ///     .token(fake.token())
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn uri(&self) -> String {
        self.0.uri().to_owned()
    }

    /// The access token this fake accepts.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// assert_eq!(fake.token(), mcp_admin::testing::FakeHasMcp::TOKEN);
    /// # }
    /// ```
    pub fn token(&self) -> &str {
        self.0.secret()
    }

    /// Adds a server at version 1 with no attachments and returns its new id.
    ///
    /// Seeds are stored as given, unchecked, so a test can start from any state.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_server("GitHubTools", "Use these tools for GitHub");
    /// assert_eq!(id.len(), 11);
    /// assert_eq!(fake.server(&id).unwrap()["version"], 1);
    /// # }
    /// ```
    pub fn seed_server(&self, name: &str, instructions: &str) -> String {
        self.insert_server(json!({ "name": name, "instructions": instructions }))
    }

    /// Adds a server from its wire form and returns its id: `id` (generated when
    /// absent), `name`, `instructions`, `version` (1 when absent),
    /// `requestHeadersProxyEnabled`, `providers: [{"id", "tools": [{"id"}]}]`,
    /// `resources: [{"id"}]`, `prompts: [{"id"}]`, and `createdAt`/`updatedAt`
    /// (RFC 3339; the fake's clock when absent). Other keys are ignored, so a server as
    /// [`FakeHasMcp::server`] returns it can be inserted again.
    ///
    /// # Panics
    ///
    /// When `server` is not of that shape, or its id is taken: a broken seed is a bug
    /// in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use serde_json::json;
    ///
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let (provider, tool, resource) = (fake.new_id(), fake.new_id(), fake.new_id());
    /// let id = fake.insert_server(json!({
    ///     "name": "GitHubTools",
    ///     "version": 3,
    ///     "requestHeadersProxyEnabled": true,
    ///     "providers": [{"id": provider, "tools": [{"id": tool}]}],
    ///     "resources": [{"id": resource}],
    /// }));
    /// let server = fake.server(&id).unwrap();
    /// assert_eq!(server["providers"][0]["tools"][0]["id"], tool.as_str());
    /// assert!(server.get("instructions").is_none()); // empty, so omitted
    /// # }
    /// ```
    pub fn insert_server(&self, server: Value) -> String {
        self.0.with_state(|st| servers::insert(st, &server))
    }

    /// A fresh 11-character id, never given out before by this fake: for providers,
    /// tools, resources and prompts to attach.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let (a, b) = (fake.new_id(), fake.new_id());
    /// assert!(a != b && a.len() == 11 && a.bytes().all(|c| c.is_ascii_alphanumeric()));
    /// # }
    /// ```
    pub fn new_id(&self) -> String {
        self.0.with_state(State::new_id)
    }

    /// The server with this id as `GET` returns it inside `{"server": …}`, or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_server("Docs", "");
    /// let server = fake.server(&id).unwrap();
    /// assert_eq!(server["id"], id.as_str());
    /// assert_eq!(server["requestHeadersProxyEnabled"], false);
    /// assert!(fake.server("00000000000").is_none());
    /// # }
    /// ```
    pub fn server(&self, id: &str) -> Option<Value> {
        self.0.with_state(|st| servers::find(st, id))
    }

    /// Renames a server the way another client's accepted update would: the name
    /// changes (stored as given, unchecked), the version goes up by 1 and `updatedAt`
    /// moves; instructions, flag and attachments stay. Returns the server as
    /// [`FakeHasMcp::server`] does. In a [`FakeHasMcp::before_next_write`] hook, it
    /// plays a concurrent writer.
    ///
    /// # Panics
    ///
    /// When no server has this id: renaming a missing server is a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_server("Docs", "Read the docs");
    /// let server = fake.rename_server(&id, "Manual");
    /// assert_eq!((server["name"].as_str(), server["version"].as_i64()), (Some("Manual"), Some(2)));
    /// assert_eq!(server["instructions"], "Read the docs");
    /// # }
    /// ```
    pub fn rename_server(&self, id: &str, name: &str) -> Value {
        match self.0.with_state(|st| servers::rename(st, id, name)) {
            Some(server) => server,
            None => panic!("FakeHasMcp::rename_server: no server has id {id}"),
        }
    }

    /// Makes the next `times` requests meet `fault`, after any faults already queued.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use mcp_admin::testing::{FakeHasMcp, Fault};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// fake.inject(Fault::Unavailable, 2); // the next 2 requests answer 503
    /// # }
    /// ```
    pub fn inject(&self, fault: Fault, times: usize) {
        self.0.inject(fault, times);
    }

    /// Runs `hook` once, just before the next write request (any method but `GET`,
    /// `HEAD` and `OPTIONS`) is handled: after the injected faults let it through (and
    /// after a [`Fault::Delay`]'s wait), before authentication, validation and the
    /// write. Hooks queue up: each write runs the next one.
    ///
    /// The hook is lent this fake, so it can change the state the way another client
    /// would ([`FakeHasMcp::rename_server`], [`FakeHasMcp::insert_server`]) between
    /// the read and the write of the code under test. It runs on the fake's server
    /// thread with no lock held, so it may call any method of the fake; it must not
    /// send this fake a request and wait for the answer, which would never come while
    /// the hook runs. A hook that panics (a failed assertion, say) has its request
    /// answered with a `500` whose body says the fake panicked.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp, Error};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// let id = fake.seed_server("Docs", "");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let other = id.clone();
    /// // Between the update's GET and its PATCH, someone else renames the server.
    /// fake.before_next_write(move |fake| {
    ///     fake.rename_server(&other, "Manual");
    /// });
    /// let err = hm.update_server(id.as_str()).instructions("Read me").send().await.unwrap_err();
    /// assert!(matches!(err, Error::Conflict(_)));
    /// assert_eq!(fake.server(&id).unwrap()["name"], "Manual");
    /// # Ok(()) }
    /// ```
    pub fn before_next_write(&self, hook: impl FnOnce(&FakeHasMcp) + Send + 'static) {
        self.0.before_next_write(hook);
    }

    /// Every request received so far, faulted ones included, in arrival order.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// assert!(fake.requests().await.is_empty());
    /// # }
    /// ```
    pub async fn requests(&self) -> Vec<RecordedRequest> {
        self.0.requests()
    }
}
