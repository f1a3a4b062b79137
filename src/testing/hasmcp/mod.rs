//! The fake HasMCP, playing the open-source edition or the hosted service (chosen when it
//! starts): its public API here, its state and router in `state`, what runs before any
//! route (body limit, rate limiter) in `limits`, the Go service's decoding and error rules
//! in `emulation` (Go's JSON decoder itself in `gojson`), and one module per resource
//! (`servers`, `links`, `tokens`, `catalog`).

mod catalog;
mod emulation;
mod gojson;
mod limits;
mod links;
mod servers;
mod state;
mod tokens;
mod transfer;
// The catalog's routes.
mod items;
mod providers;
mod tools;
mod variables;

use std::{fmt, time::Duration};

use serde_json::{json, Value};

use self::{limits::Limit, state::State};
use super::{shell::FakeServer, Fault, RecordedRequest};

/// The HasMCP edition a [`FakeHasMcp`] plays, chosen when it starts
/// ([`FakeHasMcpBuilder::edition`]).
///
/// The two share servers, links, providers, tools and variables, and the open-source
/// edition's rules for all of them (the only code there is to read); they differ where
/// the vendor's own OpenAPI document differs from that code:
///
/// | | [`OpenSource`](Edition::OpenSource) (default) | [`Hosted`](Edition::Hosted) |
/// |---|---|---|
/// | resources and prompts | `/resources[/{id}]`, `/prompts[/{id}]` | `/providers/{id}/resources[/{resourceID}]`, `/providers/{id}/prompts[/{promptID}]` |
/// | `PATCH` of a variable or resource | 204, no body | 200 with the item |
/// | token list, revoke | none: the list's `GET` answers the web page, revoke a 405 | `GET /servers/{id}/tokens`, `DELETE …/tokens/{tokenID}` |
/// | server export, import | none (web page, 405) | `GET /servers/{id}/export`, `POST /servers/import` |
///
/// A route an edition does not have is answered as the open-source server answers any
/// route it lacks: a `GET` with its web page (200 `text/html`), any other method with a
/// 405. What the hosted service answers there is not published; the crate reads all of
/// these as [`Error::is_unsupported`](crate::Error::is_unsupported).
///
/// The default is the open-source edition because it is what this fake has always
/// played: resources and prompts at the top level and 204 answers, so tests written
/// against it keep passing. Start it as [`Edition::Hosted`] to test what only the
/// hosted service has: the token list and revoke, server export and import, and
/// resources and prompts under a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Edition {
    /// The open-source server (`hasmcp-ce`), as its code answers.
    #[default]
    OpenSource,
    /// The hosted service, as the vendor's OpenAPI document (and, for the token list and
    /// revoke, its knowledge base) describes it.
    Hosted,
}

/// Starts a [`FakeHasMcp`] of a chosen [`Edition`] and token: [`FakeHasMcp::builder`].
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use mcp_admin::testing::{Edition, FakeHasMcp};
///
/// let fake = FakeHasMcp::builder().edition(Edition::Hosted).token("my-token").start().await;
/// assert_eq!((fake.edition(), fake.token()), (Edition::Hosted, "my-token"));
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use = "nothing starts until `.start()` is awaited"]
pub struct FakeHasMcpBuilder {
    edition: Edition,
    token: String,
}

impl FakeHasMcpBuilder {
    /// The edition to play (default [`Edition::OpenSource`]).
    pub fn edition(mut self, edition: Edition) -> Self {
        self.edition = edition;
        self
    }

    /// The access token to accept (default [`FakeHasMcp::TOKEN`]).
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = token.into();
        self
    }

    /// Starts the fake, with no servers.
    pub async fn start(self) -> FakeHasMcp {
        let edition = self.edition;
        FakeHasMcp(FakeServer::start(self.token, |_| State::new(edition)))
    }
}

/// A fake HasMCP on a random loopback port, playing one [`Edition`]: the open-source
/// edition unless started otherwise with [`FakeHasMcp::builder`].
///
/// It serves, under `/api/v1`:
///
/// - `GET`, `POST /servers`; `GET`, `PATCH`, `DELETE /servers/{id}`;
/// - `GET`, `POST /servers/{id}/tools|resources|prompts` and
///   `DELETE /servers/{id}/tools|resources|prompts/{itemID}` (one link at a time);
/// - `POST /servers/{id}/tokens`; in the hosted edition also the list (`GET`) and
///   revoke (`DELETE …/tokens/{tokenID}`) that only the vendor's knowledge base
///   describes, and `GET /servers/{id}/export`, `POST /servers/import`.
///
/// A request meets, in the real server's order:
///
/// 1. injected [`Fault`]s, for a request that bears the token (one without it goes
///    on to the steps below and uses none);
/// 2. the body limit, on every path: over 10,000,000 bytes is a 413
///    `{"error": {"message":"max body size", "code":413}}`; then a method the
///    framework does not know (`FOO`) is a 400 `Invalid http method` as `text/plain`.
///    Steps 3 and 4 are the API's middleware, mounted on the prefix: they run for every
///    path that starts with `/api/v1`, `/api/v1foo` included. Before them, a CORS
///    preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is
///    answered 204 (the CORS headers are not modelled);
/// 3. the rate limiter: 1,000 requests per 60-second window counted from the first
///    one, per client (every client of the fake is on loopback, so they share it).
///    Request 1,001 gets a 429 with the service's body and `Retry-After` (the seconds
///    left in the window); the others carry `X-RateLimit-Limit`, `X-RateLimit-Remaining`
///    and `X-RateLimit-Reset`. Tests that send more turn it off with
///    [`FakeHasMcp::without_rate_limit`], or make it small with
///    [`FakeHasMcp::set_rate_limit`];
/// 4. `Authorization` must be exactly `Bearer <token>`, else 401
///    `{"error": {"message":"authentication failed", "code":401}}` as `text/plain`;
///    an `OPTIONS` passes without it (and meets the 405 below);
/// 5. a body that does not decode is a 422 whose body says `"code":400`. Decoding is
///    Go's: keys match in any case, the last of repeated keys wins (so
///    `{"name":"Good","NAME":"bad name!"}` names the server `bad name!`), a wrong type
///    anywhere fails the body even when a later repeat fits (`"version":"x","version":1`
///    is a 422), unknown keys are ignored (checked for syntax only: `1e400` there is
///    fine), `null` leaves a field as it was (a later `"oauth2Config":null` drops an
///    object sent before it), invalid UTF-8 and lone surrogates read as U+FFFD, `-0` is
///    the integer 0, nesting up to 10,000 levels is fine (deeper is the 422), and a body
///    without the envelope decodes to zero values, so it fails validation instead. Not
///    modelled: a raw JSON field (tool schemas, resource annotations, prompt arguments
///    and messages) nested past 128 levels from the body's top, or holding a number
///    out of a double's range, is refused with the 422, where the service stores its
///    text;
/// 6. validation, first failure wins. For a server: the path id decodes to 0
///    (`invalid server ID`), `version` missing or 0 (`invalid server version`), `name`
///    not 1–16 of `[a-zA-Z0-9]`, `instructions` over 4096 bytes, more than 1 provider
///    (all 400). The link routes check that both ids decode to a positive number: a 500
///    with `data.reason` for tools, a 400 for resources and prompts;
/// 7. an unknown server is a 404 whose `data` has `reason` and the id as an int64
///    `serverID`; linking an unknown tool is a **409** `tool does not exist`, an
///    unknown resource or prompt a 404; an existing link is a 409;
/// 8. the write. A PATCH **replaces**: omitted `instructions` become `""`, an omitted
///    `requestHeadersProxyEnabled` becomes `false`, omitted `providers`, `resources`
///    and `prompts` are detached. When the body's `version` is the stored one, name,
///    instructions and flag are written and the version goes up by 1; when it is not,
///    the answer is still 200 with those left alone — but the attachments are replaced.
///    A version at 2,147,483,647 still goes up (the database computes it), and then no
///    read of the server succeeds: every answer about it is a 500 `failed to get
///    server` whose `data.reason` is the driver's out-of-range error.
///
/// Every answer carries `Server: hasmcp-ce v0.2.2`, as the service's framework sends
/// it. JSON answers are written as Go's `json.Marshal` writes them: `<`, `>`, `&`,
/// U+2028 and U+2029 inside strings as `\u003c`, `\u003e`, `\u0026`, `\u2028`,
/// `\u2029`.
///
/// Server responses are `{"server": …}` with `id`, `createdAt`, `updatedAt` and
/// `requestHeadersProxyEnabled` always present, `name`, `instructions`, `version`,
/// `providers`, `resources` and `prompts` left out when empty, and attachments as ids
/// only, in id order: `providers: [{"id": …, "tools": [{"id": …, "providerID":
/// "00000000000"}]}]`. A create answers them as the body sent them instead (it is not
/// read back): in the order sent, repeats included, while each is stored once. The
/// list leaves out resources and prompts, and is `{}` when empty. Creating a link
/// answers 201 with every id `00000000000`; removing one is 204, also when there was
/// none; a server delete is 204 twice. Prompt links are listed under the singular key
/// `prompt`.
///
/// A token needs `expiresAt` in the future (else a 400 `expires at (…) must be in the
/// future`), gets the default scope `session:create session:call session:delete
/// session:stream` when none is sent, and its answer holds the value, a JWT, once; it
/// has no `createdAt` and no `name` (the service ignores the name; the fake keeps it
/// for the list). `expiresAt` is read as Go's `time.RFC3339` reads it (an upper-case
/// `T`, `Z` or `±hh:mm`; anything else is the zero time) and answered as Go writes it:
/// the offset sent, no fraction (`2099-01-01T10:00:00.5+02:00` comes back as
/// `2099-01-01T10:00:00+02:00`).
///
/// A `PATCH` or `POST /servers` does not check that attached providers, tools,
/// resources and prompts exist: any ids are stored and echoed back (see
/// [`FakeHasMcp::new_id`]); the link routes do check, against the catalog
/// ([`FakeHasMcp::seed_tool`] and the other seeds). Attachments are stored as rows, so
/// a provider sent without tools is not kept. Ids are compared after the server's own
/// base62 decoding (`1` and `00000000001` are the same server); ids too large for an
/// int64 wrap or become −1 on the way, as on the open-source edition.
///
/// The catalog (providers and their tools, variables, resources, prompts) is served at
/// `/api/v1/providers[/{id}[/tools[/{toolID}]]]`, `/api/v1/variables[/{id}]`, and
/// resources and prompts where the edition keeps them (`/api/v1/resources[/{id}]` and
/// `/api/v1/prompts[/{id}]` in the open-source edition; under
/// `/api/v1/providers/{id}/` in the hosted one, where deleting a provider deletes its
/// resources and prompts), with the open-source edition's quirks: provider validation failures are 500s with `data.reason`; lists
/// are `{}` when empty (variables: `{"variables": []}`) and the provider list leaves
/// tools out; stored secrets read back as `***`; updates apply only non-empty fields,
/// and the variable, resource and prompt updates answer 204 (resources and prompts even
/// for an unknown id; in the hosted edition a variable or resource update answers 200
/// with the item, and one of an item the provider does not have is a 404); a tool update replaces the headers with those sent and refuses
/// one of only `name`, `headers` or `oauth2Scopes`; an unknown tool is a 500 `record
/// not found`; deletes are 204 whether or not the item existed, and deleting a provider,
/// tool, resource or prompt removes its server links. A provider's tools come in the
/// order SQLite returns them (the query has no `ORDER BY`; predicted from its plan,
/// not settled for Postgres): through the unique index, by the method's number
/// (`GET`, `HEAD`, `POST`, `PUT`, `PATCH`, `DELETE`, `CONNECT`, `OPTIONS`, `TRACE`),
/// then by path. A provider `PATCH` of an unknown id is a 500 `failed to get provider`
/// (the update finds no row, the read after it fails) whose `data` holds the columns
/// it would have set (`attrs`, without the OAuth2 client), `providerID` and `reason`.
/// Seed with
/// [`FakeHasMcp::seed_provider`], [`FakeHasMcp::seed_tool`],
/// [`FakeHasMcp::seed_variable`], [`FakeHasMcp::seed_resource`] and
/// [`FakeHasMcp::seed_prompt`].
///
/// A method a path does not serve is a 405 `Method Not Allowed` whose `Allow` header
/// lists the methods it does, `GET` and `HEAD` always among them (the service's web
/// app answers `GET` on any path). Trailing slashes are ignored, however many
/// (`/servers/{id}//` is the server).
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
        Self::builder().token(token).start().await
    }

    /// A builder for a fake of another [`Edition`] or token.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::{Edition, FakeHasMcp}};
    ///
    /// let fake = FakeHasMcp::builder().edition(Edition::Hosted).start().await;
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let provider = fake.seed_provider("GitHub");
    /// let made = hm
    ///     .create_provider_resource(&provider, "readme")
    ///     .uri("file:///README.md")
    ///     .send()
    ///     .await?;
    /// // The hosted service keeps resources under their provider only.
    /// assert!(hm.list_resources().all().await.unwrap_err().is_unsupported());
    /// assert_eq!(hm.list_provider_resources(&provider).all().await?[0].id, made.id);
    /// # Ok(()) }
    /// ```
    pub fn builder() -> FakeHasMcpBuilder {
        FakeHasMcpBuilder {
            edition: Edition::default(),
            token: Self::TOKEN.to_owned(),
        }
    }

    /// The edition this fake plays.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use mcp_admin::testing::{Edition, FakeHasMcp};
    ///
    /// assert_eq!(FakeHasMcp::start().await.edition(), Edition::OpenSource);
    /// # }
    /// ```
    pub fn edition(&self) -> Edition {
        self.0.with_state(|st| st.edition)
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

    /// Links a tool to a server as another client's `POST /servers/{id}/tools` would,
    /// under the tool's own provider; false when the link existed. In a
    /// [`FakeHasMcp::before_next_write`] hook, it plays a concurrent attach.
    ///
    /// # Panics
    ///
    /// When the server or the tool does not exist: a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let server = fake.seed_server("Docs", "");
    /// let tool = fake.seed_tool(&fake.seed_provider("GitHub"), "listRepos");
    /// assert!(fake.link_tool(&server, &tool));
    /// assert!(!fake.link_tool(&server, &tool));
    /// assert_eq!(fake.attached_tools(&server), [tool]);
    /// # }
    /// ```
    pub fn link_tool(&self, server_id: &str, tool_id: &str) -> bool {
        self.0.with_state(|st| {
            if servers::find(st, server_id).is_none() {
                panic!("FakeHasMcp::link_tool: no server has id {server_id}");
            }
            let Some(provider) = st.tool_provider(tool_id) else {
                panic!("FakeHasMcp::link_tool: no tool has id {tool_id}");
            };
            st.links.link_tool(server_id, &provider, tool_id)
        })
    }

    /// The ids of the tools attached to a server, in id order (empty for an unknown
    /// server).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// assert!(fake.attached_tools(&fake.seed_server("Docs", "")).is_empty());
    /// # }
    /// ```
    pub fn attached_tools(&self, server_id: &str) -> Vec<String> {
        let mut tools: Vec<String> = self.0.with_state(|st| {
            st.links
                .of(server_id)
                .tools
                .into_iter()
                .map(|(_, tool)| tool)
                .collect()
        });
        tools.sort();
        tools.dedup();
        tools
    }

    /// Turns the rate limiter off, for tests that send more than 1,000 requests a
    /// minute. It is on by default, as on the service.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// fake.without_rate_limit();
    /// # }
    /// ```
    pub fn without_rate_limit(&self) {
        self.0.with_state(|st| st.limiter.set(None));
    }

    /// Sets the rate limit to `requests` per `window` (the service's default is 1,000
    /// per 60 s) and starts a new window.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use std::time::Duration;
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp, RetryPolicy};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// fake.set_rate_limit(1, Duration::from_secs(60));
    /// let id = fake.seed_server("Docs", "");
    /// let hm = hasmcp::Client::builder()
    ///     .base_url(fake.uri())
    ///     .token(fake.token())
    ///     .retry(RetryPolicy::none())
    ///     .build()?;
    /// hm.get_server(&id).await?;
    /// let err = hm.get_server(&id).await.unwrap_err();
    /// assert!(err.is_rate_limited());
    /// assert_eq!(err.retry_after(), Some(Duration::from_secs(60)));
    /// # Ok(()) }
    /// ```
    pub fn set_rate_limit(&self, requests: u32, window: Duration) {
        self.0.with_state(|st| {
            st.limiter.set(Some(Limit {
                max: requests,
                window,
            }));
        });
    }

    /// Makes the next `times` requests that bear the token meet `fault`, after any
    /// faults already queued; a request without it uses none.
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

    /// Lets the next `skip` requests through (after any faults already queued), then
    /// makes one request meet `fault`: how a test fails the second or third request of
    /// an operation made of several.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use mcp_admin::testing::{FakeHasMcp, Fault};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// fake.inject_after(2, Fault::HtmlPage); // the third request from now gets a 500 page
    /// # }
    /// ```
    pub fn inject_after(&self, skip: usize, fault: Fault) {
        self.0.inject_after(skip, fault);
    }

    /// Forgets every fault queued and not yet met.
    pub fn clear_faults(&self) {
        self.0.clear_faults();
    }

    /// Makes the `nth` write request from now (1: the next one; any method but `GET`,
    /// `HEAD` and `OPTIONS`) meet `fault`, whatever reads come in between: for testing
    /// what code does when a write part way through a sequence fails. Such a fault
    /// comes before the queue of [`FakeHasMcp::inject`], and like those, a write it answers
    /// never reaches the state (nor runs a write hook), except a [`Fault::Delay`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use mcp_admin::testing::{FakeHasMcp, Fault};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// fake.inject_on_write(4, Fault::InternalError { reason: "disk full".into() });
    /// # }
    /// ```
    pub fn inject_on_write(&self, nth: usize, fault: Fault) {
        self.0.inject_on_write(nth, fault);
    }

    /// Runs `hook` once, just before the next write request (any method but `GET`,
    /// `HEAD` and `OPTIONS`) that bears the token is handled: after the injected faults
    /// let it through (and after a [`Fault::Delay`]'s wait), before validation and the
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
