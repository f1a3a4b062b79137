//! The fake HasMCP: `GET` and `PATCH /api/v1/servers/{id}` with the semantics of the
//! open-source edition.

use std::{
    collections::BTreeMap,
    fmt,
    sync::{Arc, Mutex},
};

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use wiremock::{matchers::any, Mock, MockServer, Request, Respond, ResponseTemplate};

use super::{
    faults::{self, FaultQueue, Flavour},
    lock, mix, rfc3339, Clock, Fault,
};

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
pub struct FakeHasMcp {
    mock: MockServer,
    state: Arc<Mutex<State>>,
    token: String,
}

impl fmt::Debug for FakeHasMcp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeHasMcp")
            .field("uri", &self.mock.uri())
            .finish_non_exhaustive()
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
        let token = token.into();
        let state = Arc::new(Mutex::new(State {
            token: token.clone(),
            faults: FaultQueue::default(),
            clock: Clock::default(),
            ids: 0,
            servers: BTreeMap::new(),
        }));
        let mock = MockServer::start().await;
        Mock::given(any())
            .respond_with(Responder(Arc::clone(&state)))
            .mount(&mock)
            .await;
        FakeHasMcp { mock, state, token }
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
        self.mock.uri()
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
        &self.token
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
        let seed = match Seed::deserialize(&server) {
            Ok(seed) => seed,
            Err(e) => panic!("FakeHasMcp::insert_server: not a HasMCP server: {e}"),
        };
        let mut st = lock(&self.state);
        let id = match seed.id {
            Some(id) => canonical_id(&id),
            None => st.new_id(),
        };
        if st.servers.contains_key(&id) {
            panic!("FakeHasMcp::insert_server: a server with id {id} exists");
        }
        let created_at = seed.created_at.unwrap_or_else(|| st.clock.tick());
        let record = Server {
            id: id.clone(),
            created_at,
            updated_at: seed.updated_at.unwrap_or(created_at),
            name: seed.name.unwrap_or_default(),
            instructions: seed.instructions.unwrap_or_default(),
            version: seed.version.unwrap_or(1),
            proxy_headers: seed.request_headers_proxy_enabled.unwrap_or(false),
            tools: tool_rows(
                seed.providers
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| (p.id, p.tools.unwrap_or_default().into_iter().map(|t| t.id))),
            ),
            resources: id_rows(seed.resources.unwrap_or_default().into_iter().map(|r| r.id)),
            prompts: id_rows(seed.prompts.unwrap_or_default().into_iter().map(|p| p.id)),
        };
        st.servers.insert(id.clone(), record);
        id
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
        lock(&self.state).new_id()
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
        lock(&self.state)
            .servers
            .get(&canonical_id(id))
            .map(Server::wire)
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
        lock(&self.state).faults.push(fault, times);
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
    pub async fn requests(&self) -> Vec<Request> {
        self.mock.received_requests().await.unwrap_or_default()
    }
}

/// Everything the fake knows, behind one lock.
#[derive(Debug)]
struct State {
    token: String,
    faults: FaultQueue,
    clock: Clock,
    /// How many ids were generated.
    ids: u64,
    servers: BTreeMap<String, Server>,
}

impl State {
    fn new_id(&mut self) -> String {
        loop {
            self.ids += 1;
            // Below 2^62: positive as an int64, so the id round-trips like a real one.
            let n = mix(self.ids) >> 2;
            let id = encode_id(n);
            if n != 0 && !self.servers.contains_key(&id) {
                return id;
            }
        }
    }

    fn handle(&mut self, req: &Request) -> ResponseTemplate {
        let path = req.url.path();
        let under_api = path == "/api/v1" || path.starts_with("/api/v1/");
        if under_api && !self.authorized(req) {
            return text(
                401,
                r#"{"error": {"message":"authentication failed", "code":401}}"#,
            );
        }
        let route = path
            .strip_prefix("/api/v1/servers/")
            .map(|rest| rest.strip_suffix('/').unwrap_or(rest))
            .filter(|id| !id.is_empty() && !id.contains('/'));
        let Some(id) = route else {
            return text(404, &format!("Cannot {} {}", req.method, path));
        };
        match req.method.as_str() {
            "GET" => self.get(id),
            "PATCH" => self.patch(id, &req.body),
            _ => text(405, "Method Not Allowed"),
        }
    }

    fn authorized(&self, req: &Request) -> bool {
        req.headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|t| t == self.token)
    }

    fn get(&self, id: &str) -> ResponseTemplate {
        match self.servers.get(&canonical_id(id)) {
            Some(server) => ok(server),
            None => not_found(id),
        }
    }

    fn patch(&mut self, id: &str, body: &[u8]) -> ResponseTemplate {
        let Some(update) = Update::decode(body) else {
            return json_bytes(
                422,
                r#"{"error": {"message":"invalid request payload", "code":400}}"#,
            );
        };
        if let Err((message, data)) = update.validate(decode_id(id)) {
            return error(400, &message, data);
        }
        let Some(server) = self.servers.get_mut(&canonical_id(id)) else {
            return not_found(id);
        };
        if update.version == server.version {
            server.name = update.name;
            server.instructions = update.instructions;
            server.proxy_headers = update.proxy_headers;
            server.version = server.version.wrapping_add(1);
            server.updated_at = self.clock.tick();
        }
        server.tools = update.tools;
        server.resources = update.resources;
        server.prompts = update.prompts;
        ok(server)
    }
}

/// One stored server, as the database holds it.
#[derive(Debug, Clone)]
struct Server {
    id: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    name: String,
    instructions: String,
    version: i32,
    proxy_headers: bool,
    /// (provider id, tool id) rows, in insertion order.
    tools: Vec<(String, String)>,
    resources: Vec<String>,
    prompts: Vec<String>,
}

impl Server {
    /// The server object of a response.
    fn wire(&self) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), self.id.clone().into());
        m.insert("createdAt".into(), rfc3339(self.created_at).into());
        m.insert("updatedAt".into(), rfc3339(self.updated_at).into());
        m.insert(
            "requestHeadersProxyEnabled".into(),
            self.proxy_headers.into(),
        );
        if !self.name.is_empty() {
            m.insert("name".into(), self.name.clone().into());
        }
        if !self.instructions.is_empty() {
            m.insert("instructions".into(), self.instructions.clone().into());
        }
        if self.version != 0 {
            m.insert("version".into(), self.version.into());
        }
        let mut providers: Vec<(&str, Vec<Value>)> = Vec::new();
        for (provider, tool) in &self.tools {
            let tool = json!({ "id": tool, "providerID": encode_id(0) });
            match providers.iter_mut().find(|(p, _)| p == provider) {
                Some((_, tools)) => tools.push(tool),
                None => providers.push((provider, vec![tool])),
            }
        }
        if !providers.is_empty() {
            let providers: Vec<Value> = providers
                .into_iter()
                .map(|(id, tools)| json!({ "id": id, "tools": tools }))
                .collect();
            m.insert("providers".into(), providers.into());
        }
        for (key, ids) in [("resources", &self.resources), ("prompts", &self.prompts)] {
            if !ids.is_empty() {
                let items: Vec<Value> = ids.iter().map(|id| json!({ "id": id })).collect();
                m.insert(key.into(), items.into());
            }
        }
        Value::Object(m)
    }
}

/// A decoded PATCH body, with Go's zero values for what was omitted.
#[derive(Debug)]
struct Update {
    name: String,
    instructions: String,
    version: i32,
    proxy_headers: bool,
    providers: usize,
    tools: Vec<(String, String)>,
    resources: Vec<String>,
    prompts: Vec<String>,
}

impl Update {
    /// Decodes like Go's `json.Unmarshal` into the server's request type; `None` where
    /// that fails.
    fn decode(body: &[u8]) -> Option<Update> {
        let value: Value = serde_json::from_slice(body).ok()?;
        if !fits(&value, BODY) {
            return None;
        }
        let server = field(&value, "server");
        let text = |key| {
            field(server, key)
                .as_str()
                .map(str::to_owned)
                .unwrap_or_default()
        };
        let providers = items(field(server, "providers"));
        let ids = |list: &Value| {
            id_rows(
                items(list)
                    .iter()
                    .map(|item| field(item, "id").as_str().unwrap_or("").to_owned()),
            )
        };
        Some(Update {
            name: text("name"),
            instructions: text("instructions"),
            version: field(server, "version")
                .as_i64()
                .and_then(|v| i32::try_from(v).ok())
                .unwrap_or(0),
            proxy_headers: field(server, "requestHeadersProxyEnabled")
                .as_bool()
                .unwrap_or(false),
            providers: providers.len(),
            tools: tool_rows(providers.iter().map(|p| {
                let provider = field(p, "id").as_str().unwrap_or("").to_owned();
                let tools = items(field(p, "tools"))
                    .iter()
                    .map(|t| field(t, "id").as_str().unwrap_or("").to_owned())
                    .collect::<Vec<_>>();
                (provider, tools)
            })),
            resources: ids(field(server, "resources")),
            prompts: ids(field(server, "prompts")),
        })
    }

    /// The server's validation, in its order: the message and `data` of the first
    /// failure.
    fn validate(&self, server_id: i64) -> Result<(), (String, Value)> {
        if server_id == 0 {
            return Err(("invalid server ID".into(), json!({ "serverID": server_id })));
        }
        if self.version == 0 {
            return Err(("invalid server version".into(), json!({ "version": 0 })));
        }
        if self.name.is_empty() || self.name.len() > 16 {
            return Err((
                "name must be between 1 and 16 characters".into(),
                json!({ "name": self.name }),
            ));
        }
        if !self.name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err((
                "name must be `[a-zA-Z0-9]{1,16}".into(),
                json!({ "name": self.name }),
            ));
        }
        if self.instructions.len() > 4096 {
            return Err((
                "instructions must be less than 4096 characters".into(),
                json!({ "instructions": self.instructions }),
            ));
        }
        if self.providers > 1 {
            return Err((
                "max providers allowed per MCP server is set to 1".into(),
                json!({ "providersCount": self.providers }),
            ));
        }
        Ok(())
    }
}

/// What `insert_server` accepts.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Seed {
    id: Option<String>,
    name: Option<String>,
    instructions: Option<String>,
    version: Option<i32>,
    request_headers_proxy_enabled: Option<bool>,
    providers: Option<Vec<SeedProvider>>,
    resources: Option<Vec<SeedId>>,
    prompts: Option<Vec<SeedId>>,
    created_at: Option<DateTime<Utc>>,
    updated_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct SeedProvider {
    id: String,
    tools: Option<Vec<SeedId>>,
}

#[derive(Deserialize)]
struct SeedId {
    id: String,
}

/// The shape of a Go type, for checking a JSON value decodes into it.
#[derive(Debug, Clone, Copy)]
enum Go {
    Str,
    Bool,
    I32,
    I64,
    /// `json.RawMessage`: anything.
    Raw,
    List(&'static Go),
    Struct(&'static [(&'static str, Go)]),
}

const HEADER: Go = Go::Struct(&[("key", Go::Str), ("value", Go::Str)]);
const TOOL: Go = Go::Struct(&[
    ("id", Go::Str),
    ("providerID", Go::Str),
    ("method", Go::Str),
    ("path", Go::Str),
    ("name", Go::Str),
    ("title", Go::Str),
    ("description", Go::Str),
    ("pathArgsJSONSchema", Go::Raw),
    ("queryArgsJSONSchema", Go::Raw),
    ("reqBodyJSONSchema", Go::Raw),
    ("resBodyJSONSchema", Go::Raw),
    ("headers", Go::List(&HEADER)),
    ("oauth2Scopes", Go::List(&Go::Str)),
]);
const OAUTH2: Go = Go::Struct(&[
    ("clientID", Go::Str),
    ("clientSecret", Go::Str),
    ("authURL", Go::Str),
    ("tokenURL", Go::Str),
]);
const PROVIDER: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("version", Go::I32),
    ("apiType", Go::Str),
    ("visibilityType", Go::Str),
    ("baseURL", Go::Str),
    ("documentURL", Go::Str),
    ("iconURL", Go::Str),
    ("secretPrefix", Go::Str),
    ("name", Go::Str),
    ("description", Go::Str),
    ("tools", Go::List(&TOOL)),
    ("oauth2Config", OAUTH2),
]);
const RESOURCE: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("name", Go::Str),
    ("description", Go::Str),
    ("uri", Go::Str),
    ("mimeType", Go::Str),
    ("size", Go::I64),
    ("annotations", Go::Raw),
    ("visibilityType", Go::Str),
]);
const PROMPT: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("name", Go::Str),
    ("description", Go::Str),
    ("arguments", Go::Raw),
    ("messages", Go::Raw),
    ("visibilityType", Go::Str),
]);
const SERVER: Go = Go::Struct(&[
    ("id", Go::Str),
    ("createdAt", Go::Str),
    ("updatedAt", Go::Str),
    ("requestHeadersProxyEnabled", Go::Bool),
    ("name", Go::Str),
    ("instructions", Go::Str),
    ("version", Go::I32),
    ("providers", Go::List(&PROVIDER)),
    ("resources", Go::List(&RESOURCE)),
    ("prompts", Go::List(&PROMPT)),
    ("visibilityType", Go::Str),
]);
const BODY: Go = Go::Struct(&[("server", SERVER)]);

/// Whether Go's decoder takes `v` into `shape` without an error. `null` fits anything
/// (it leaves the zero value); unknown keys are ignored; keys match fields
/// case-insensitively, as in Go.
fn fits(v: &Value, shape: Go) -> bool {
    match (shape, v) {
        (_, Value::Null) | (Go::Raw, _) | (Go::Str, Value::String(_)) => true,
        (Go::Bool, Value::Bool(_)) => true,
        (Go::I32, Value::Number(n)) => n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()),
        (Go::I64, Value::Number(n)) => n.as_i64().is_some(),
        (Go::List(item), Value::Array(a)) => a.iter().all(|x| fits(x, *item)),
        (Go::Struct(fields), Value::Object(m)) => m.iter().all(|(key, x)| {
            fields
                .iter()
                .find(|(name, _)| name == key)
                .or_else(|| {
                    fields
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case(key))
                })
                .is_none_or(|(_, shape)| fits(x, *shape))
        }),
        _ => false,
    }
}

/// The value of field `name` of a decoded object: exact key first, then any case, as
/// Go matches them; `Null` when absent.
fn field<'a>(v: &'a Value, name: &str) -> &'a Value {
    const NULL: &Value = &Value::Null;
    let Some(m) = v.as_object() else {
        return NULL;
    };
    m.get(name)
        .or_else(|| {
            m.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
        })
        .unwrap_or(NULL)
}

/// The items of a decoded list (`null` is empty).
fn items(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// The attachment rows of providers and their tools: canonical ids, duplicates
/// dropped (they are a table's primary key). A provider without tools adds no row.
fn tool_rows<P, T>(providers: P) -> Vec<(String, String)>
where
    P: IntoIterator<Item = (String, T)>,
    T: IntoIterator<Item = String>,
{
    let mut rows: Vec<(String, String)> = Vec::new();
    for (provider, tools) in providers {
        let provider = canonical_id(&provider);
        for tool in tools {
            let row = (provider.clone(), canonical_id(&tool));
            if !rows.contains(&row) {
                rows.push(row);
            }
        }
    }
    rows
}

/// Resource or prompt attachment rows: canonical ids, duplicates dropped.
fn id_rows(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    for id in ids {
        let id = canonical_id(&id);
        if !rows.contains(&id) {
            rows.push(id);
        }
    }
    rows
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The value of one base62 digit; the server counts other characters as 0.
fn digit(c: char) -> i64 {
    BASE62
        .iter()
        .position(|&b| char::from(b) == c)
        .and_then(|d| i64::try_from(d).ok())
        .unwrap_or(0)
}

/// The server's own base62 decoding of an id, as it reports it in error `data`: it
/// wraps around on overflow and gives -1 when that turns negative.
fn decode_id(s: &str) -> i64 {
    let mut n: i64 = 0;
    for c in s.chars() {
        n = n.wrapping_mul(62).wrapping_add(digit(c));
        if n < 0 {
            return -1;
        }
    }
    n
}

/// The 11-character, zero-padded base62 form of `n`.
fn encode_id(mut n: u64) -> String {
    let mut out = [b'0'; 11];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[usize::try_from(n % 62).unwrap_or(0)];
        n /= 62;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An id as the server stores it: decoded and encoded again (`1` becomes
/// `00000000001`). Ids beyond an int64, which the open-source edition would mangle,
/// are kept as sent: the vendor's own examples (`kSuB9Gf6aD4`) are such ids.
fn canonical_id(s: &str) -> String {
    let exact = s.chars().try_fold(0i64, |n, c| {
        n.checked_mul(62).and_then(|n| n.checked_add(digit(c)))
    });
    match exact.and_then(|n| u64::try_from(n).ok()) {
        Some(n) => encode_id(n),
        None => s.to_owned(),
    }
}

fn ok(server: &Server) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(
        json!({ "server": server.wire() }).to_string(),
        "application/json",
    )
}

fn not_found(id: &str) -> ResponseTemplate {
    error(
        404,
        "server not found",
        json!({ "reason": "record not found", "serverID": decode_id(id) }),
    )
}

fn error(status: u16, message: &str, data: Value) -> ResponseTemplate {
    let body = json!({ "error": { "code": status, "message": message, "data": data } });
    json_bytes(status, &body.to_string())
}

fn json_bytes(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body, "application/json")
}

/// A reply sent without a content type of its own: the framework's `text/plain`.
fn text(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body, "text/plain; charset=utf-8")
}

/// Serves every request from the shared state.
struct Responder(Arc<Mutex<State>>);

impl Respond for Responder {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let mut st = lock(&self.0);
        faults::serve(
            &mut *st,
            |st| &mut st.faults,
            Flavour::HasMcp,
            |st| st.handle(req),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_the_servers_base62() {
        assert_eq!(decode_id("00000000001"), 1);
        assert_eq!(decode_id("10"), 62);
        assert_eq!(encode_id(62), "00000000010");
        assert_eq!(canonical_id("1"), "00000000001");
        assert_eq!(decode_id("zzzzzzzzzzz"), -1);
        assert_eq!(canonical_id("kSuB9Gf6aD4"), "kSuB9Gf6aD4");
        let n = (1u64 << 62) + 12_345;
        assert_eq!(decode_id(&encode_id(n)), i64::try_from(n).unwrap());
    }

    #[test]
    fn go_decoding_rules() {
        let ok = |s: &str| fits(&serde_json::from_str(s).unwrap(), BODY);
        assert!(ok("null"));
        assert!(ok("{}"));
        assert!(ok(r#"{"server":null}"#));
        assert!(ok(r#"{"SERVER":{"Name":"a","VERSION":2,"extra":[1]}}"#));
        assert!(!ok("[]"));
        assert!(!ok(r#"{"server":[]}"#));
        assert!(!ok(r#"{"server":{"version":"1"}}"#));
        assert!(!ok(r#"{"server":{"version":1.5}}"#));
        assert!(!ok(r#"{"server":{"version":2147483648}}"#));
        assert!(!ok(r#"{"server":{"requestHeadersProxyEnabled":"true"}}"#));
        assert!(!ok(r#"{"server":{"providers":[{"tools":{}}]}}"#));
        assert!(ok(r#"{"server":{"prompts":[{"arguments":{"any":1}}]}}"#));
    }
}
