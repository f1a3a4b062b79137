//! The fake GetMCP: `GET` and `PATCH /wp-json/getmcp/v1/servers/{id}` on a WordPress
//! that behaves like the real one.

use std::{
    fmt,
    sync::{Arc, Mutex},
};

use serde_json::{json, Map, Value};
use uuid::Uuid;
use wiremock::{matchers::any, Mock, MockServer, Request, Respond, ResponseTemplate};

use super::{
    faults::{self, FaultQueue, Flavour},
    lock, mix, rfc3339, Clock, Fault,
};
use crate::getmcp::ServerRef;

/// A fake WordPress site running GetMCP, on a random loopback port.
///
/// It serves `GET` and `PATCH /wp-json/getmcp/v1/servers/{id}` (and a `POST` or any
/// method carrying `X-HTTP-Method-Override: PATCH` or `?_method=PATCH`, which
/// WordPress handles as the PATCH), in WordPress's order:
///
/// 1. injected [`Fault`]s;
/// 2. the route: an id that is neither digits nor a UUID (any case) is a 404
///    `rest_no_route`, and so is any other method;
/// 3. the body, read only with a JSON `Content-Type` (without one it is silently
///    ignored: 200, nothing changes): malformed JSON is a 400 `rest_invalid_json`;
/// 4. argument validation, before the key is checked: a 400 `rest_invalid_param`
///    listing every bad argument in `data.params` and `data.details`
///    (`rest_invalid_type`, `rest_not_in_enum` for `status` and `auth_type`,
///    `rest_out_of_bounds` for a `rate_limit_per_min` below −1). `null` counts as
///    absent, numeric strings pass as integers, as in WordPress;
/// 5. the key: `Authorization: Bearer <key>`, else 403 `rest_forbidden`;
/// 6. an unknown server is a 404 `getmcp_not_found` ("Server not found.");
/// 7. `test_auth_credentials` must be `""` (clears them) or a JSON-encoded object,
///    else a 400 `getmcp_invalid_credentials`;
/// 8. only the keys present change: `description` goes into `settings.description`
///    with the other settings kept; a new `name` re-derives `slug` and `endpoint_url`;
///    `auth_type: none` wipes the test credentials and `auth_config`; `updated_at`
///    moves. The answer is the server object.
///
/// Test credentials are kept out of the server object, as the real plugin does; see
/// [`FakeGetMcp::test_credentials`]. Both the numeric id and the UUID find a server.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), mcp_admin::Error> {
/// use mcp_admin::{getmcp, testing::FakeGetMcp};
///
/// let fake = FakeGetMcp::start().await;
/// let (id, uuid) = fake.seed_server("GitHub Tools");
/// let gm = getmcp::Client::builder(fake.uri()).api_key(FakeGetMcp::API_KEY).build()?;
/// let server = gm.update_server(uuid).name("GitHub Tools v2").send().await?;
/// assert_eq!(server.slug.as_deref(), Some("github-tools-v2"));
/// assert_eq!(fake.server(id).unwrap()["name"], "GitHub Tools v2");
/// # Ok(()) }
/// ```
pub struct FakeGetMcp {
    mock: MockServer,
    state: Arc<Mutex<State>>,
    api_key: String,
}

impl fmt::Debug for FakeGetMcp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeGetMcp")
            .field("uri", &self.mock.uri())
            .finish_non_exhaustive()
    }
}

impl FakeGetMcp {
    /// The API key [`FakeGetMcp::start`] accepts: `gmcp_` and 32 hex digits.
    pub const API_KEY: &'static str = "gmcp_0123456789abcdef0123456789abcdef";

    /// Starts a fake site with no servers that accepts [`FakeGetMcp::API_KEY`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// assert!(fake.uri().starts_with("http://127.0.0.1:"));
    /// # }
    /// ```
    pub async fn start() -> Self {
        Self::with_api_key(Self::API_KEY).await
    }

    /// Starts a fake site with no servers that accepts `api_key` instead.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let key = "0123456789abcdef0123456789abcdef";
    /// let fake = mcp_admin::testing::FakeGetMcp::with_api_key(key).await;
    /// assert_eq!(fake.api_key(), key);
    /// # }
    /// ```
    pub async fn with_api_key(api_key: impl Into<String>) -> Self {
        let api_key = api_key.into();
        let mock = MockServer::start().await;
        let state = Arc::new(Mutex::new(State {
            api_key: api_key.clone(),
            site: mock.uri(),
            faults: FaultQueue::default(),
            clock: Clock::default(),
            last_id: 0,
            servers: Vec::new(),
        }));
        Mock::given(any())
            .respond_with(Responder(Arc::clone(&state)))
            .mount(&mock)
            .await;
        FakeGetMcp {
            mock,
            state,
            api_key,
        }
    }

    /// The site URL to give [`getmcp::Client::builder`](crate::getmcp::Client::builder),
    /// e.g. `http://127.0.0.1:40123`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let gm = mcp_admin::getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// # Ok(()) }
    /// ```
    pub fn uri(&self) -> String {
        self.mock.uri()
    }

    /// The API key this fake accepts.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// assert_eq!(fake.api_key(), mcp_admin::testing::FakeGetMcp::API_KEY);
    /// # }
    /// ```
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Adds an active server named `name` in the documented form and returns its
    /// numeric id and UUID. Its slug is derived from the name, its settings are empty,
    /// `auth_type` is `none` and `rate_limit_per_min` 60.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (id, uuid) = fake.seed_server("GitHub Tools");
    /// let server = fake.server(uuid).unwrap();
    /// assert_eq!(server["id"], id);
    /// assert_eq!(server["endpoint_url"], format!("{}/mcp/github-tools", fake.uri()));
    /// # }
    /// ```
    pub fn seed_server(&self, name: &str) -> (u64, Uuid) {
        let mut st = lock(&self.state);
        let id = st.last_id + 1;
        let slug = slugify(name);
        let endpoint_url = format!("{}/mcp/{slug}", st.site);
        let now = rfc3339(st.clock.tick());
        let server = json!({
            "id": id,
            "uuid": uuid_for(id),
            "user_id": 1,
            "name": name,
            "slug": slug,
            "server_id": format!("{:016x}", mix(!id)),
            "status": "active",
            "transport_type": "streamable-http",
            "auth_type": "none",
            "auth_config": null,
            "outbound_auth_type": "none",
            "outbound_auth_config": null,
            "cors_origins": null,
            "rate_limit_per_min": 60,
            "settings": {},
            "endpoint_url": endpoint_url,
            "api_auth_pending": false,
            "tool_count": 0,
            "prompt_count": 0,
            "resource_count": 0,
            "created_at": now,
            "updated_at": now,
        });
        st.insert(server)
    }

    /// Adds a server object as given and returns its numeric id and UUID; `id` and
    /// `uuid` are generated and added when absent or `null`. Use it to start from any
    /// state, such as the PHP flavour of a real site (`"settings": []`).
    ///
    /// # Panics
    ///
    /// When `server` is not an object, `id` is not a non-negative integer, `uuid` is not
    /// a UUID, or either is taken: a broken seed is a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use serde_json::json;
    ///
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (id, _) = fake.insert_server(json!({
    ///     "name": "Docs",
    ///     "settings": {"description": "Docs tools", "theme": "dark"},
    /// }));
    /// assert_eq!(fake.server(id).unwrap()["settings"]["theme"], "dark");
    /// # }
    /// ```
    pub fn insert_server(&self, server: Value) -> (u64, Uuid) {
        lock(&self.state).insert(server)
    }

    /// The server as `GET` returns it, found by numeric id or UUID, or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (id, uuid) = fake.seed_server("Docs");
    /// assert_eq!(fake.server(id), fake.server(uuid));
    /// assert!(fake.server(999u64).is_none());
    /// # }
    /// ```
    pub fn server(&self, server: impl Into<ServerRef>) -> Option<Value> {
        let st = lock(&self.state);
        st.find(server.into())
            .map(|i| Value::Object(st.servers[i].object.clone()))
    }

    /// The server's stored test credentials, decoded (as
    /// `GET /servers/{id}/credentials` gives them), or `None` when it has none or
    /// does not exist.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("Docs");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// gm.update_server(id)
    ///     .test_auth_credentials(getmcp::TestAuthCredentials::bearer("tok"))
    ///     .send()
    ///     .await?;
    /// assert_eq!(fake.test_credentials(id), Some(serde_json::json!({"token": "tok"})));
    /// # Ok(()) }
    /// ```
    pub fn test_credentials(&self, server: impl Into<ServerRef>) -> Option<Value> {
        let st = lock(&self.state);
        st.find(server.into())
            .and_then(|i| st.servers[i].credentials.clone())
    }

    /// Makes the next `times` requests meet `fault`, after any faults already queued.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use mcp_admin::testing::{FakeGetMcp, Fault};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// fake.inject(Fault::HtmlPage, 1); // the next request gets an HTML error page
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
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
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
    api_key: String,
    /// The site URL, for `endpoint_url`.
    site: String,
    faults: FaultQueue,
    clock: Clock,
    /// The highest numeric id given out or inserted.
    last_id: u64,
    servers: Vec<Record>,
}

/// One stored server.
#[derive(Debug)]
struct Record {
    id: u64,
    uuid: Uuid,
    /// The server object, exactly as `GET` returns it.
    object: Map<String, Value>,
    /// Decoded test credentials, never part of `object`.
    credentials: Option<Value>,
}

/// The arguments of the PATCH route, in the order WordPress validates them.
const ARGS: [(&str, Arg); 7] = [
    ("name", Arg::Str),
    ("description", Arg::Str),
    ("status", Arg::Enum(&["active", "paused", "draft"])),
    (
        "auth_type",
        Arg::Enum(&["none", "bearer", "api-key", "basic", "oauth"]),
    ),
    ("test_auth_credentials", Arg::Str),
    ("cors_origins", Arg::Str),
    ("rate_limit_per_min", Arg::Int { minimum: -1 }),
];

/// An argument's schema.
#[derive(Debug, Clone, Copy)]
enum Arg {
    Str,
    Enum(&'static [&'static str]),
    Int { minimum: i64 },
}

/// A failed argument check: WordPress's error code, message and data.
type Invalid = (&'static str, String, Value);

impl State {
    fn insert(&mut self, server: Value) -> (u64, Uuid) {
        let Value::Object(mut object) = server else {
            panic!("FakeGetMcp::insert_server: a server is a JSON object, got {server}");
        };
        let id = match object.get("id") {
            None | Some(Value::Null) => self.last_id + 1,
            Some(v) => match v.as_u64() {
                Some(id) => id,
                None => panic!("FakeGetMcp::insert_server: id {v} is not a numeric id"),
            },
        };
        let uuid = match object.get("uuid") {
            None | Some(Value::Null) => uuid_for(id),
            Some(v) => match v.as_str().map(Uuid::try_parse) {
                Some(Ok(uuid)) => uuid,
                _ => panic!("FakeGetMcp::insert_server: uuid {v} is not a UUID"),
            },
        };
        if self.servers.iter().any(|s| s.id == id || s.uuid == uuid) {
            panic!("FakeGetMcp::insert_server: a server with id {id} or uuid {uuid} exists");
        }
        object.entry("id").or_insert(id.into());
        if object.get("uuid").is_none_or(Value::is_null) {
            object.insert("uuid".into(), uuid.to_string().into());
        }
        self.last_id = self.last_id.max(id);
        self.servers.push(Record {
            id,
            uuid,
            object,
            credentials: None,
        });
        (id, uuid)
    }

    fn find(&self, server: ServerRef) -> Option<usize> {
        self.servers.iter().position(|s| match server {
            ServerRef::Id(id) => s.id == id,
            ServerRef::Uuid(uuid) => s.uuid == uuid,
        })
    }

    fn handle(&mut self, req: &Request) -> ResponseTemplate {
        let path = req.url.path();
        let Some(route) = path.strip_prefix("/wp-json") else {
            return ResponseTemplate::new(404).set_body_raw(
                "<!DOCTYPE html>\n<html><head><title>Page not found</title></head>\
                 <body><h1>Page not found</h1></body></html>\n",
                "text/html; charset=UTF-8",
            );
        };
        let id = route
            .trim_end_matches('/')
            .strip_prefix("/getmcp/v1/servers/")
            .and_then(route_id);
        match (id, effective_method(req).as_str()) {
            (Some(id), "GET" | "HEAD") => self.get(req, id),
            (Some(id), "PATCH") => self.patch(req, id),
            _ => wp_error(
                404,
                "rest_no_route",
                "No route was found matching the URL and request method.",
            ),
        }
    }

    fn authorized(&self, req: &Request) -> bool {
        req.headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|key| key == self.api_key)
    }

    fn get(&self, req: &Request, id: Option<ServerRef>) -> ResponseTemplate {
        if !self.authorized(req) {
            // The update's message is the one observed; this one is worded after it.
            return forbidden("You do not have permission to view this server.");
        }
        match id.and_then(|id| self.find(id)) {
            Some(i) => server_json(&self.servers[i].object),
            None => not_found(),
        }
    }

    fn patch(&mut self, req: &Request, id: Option<ServerRef>) -> ResponseTemplate {
        let params = match json_params(req) {
            Ok(params) => params,
            Err((code, message)) => {
                return wp_json(
                    400,
                    &json!({
                        "code": "rest_invalid_json",
                        "message": "Invalid JSON body passed.",
                        "data": {"status": 400, "json_error_code": code, "json_error_message": message},
                    }),
                )
            }
        };

        let mut given: Vec<(&str, Value)> = Vec::new();
        let mut invalid: Vec<(&str, Invalid)> = Vec::new();
        for (key, arg) in ARGS {
            match params.get(key) {
                None | Some(Value::Null) => {}
                Some(v) => match check(key, arg, v) {
                    Ok(v) => given.push((key, v)),
                    Err(e) => invalid.push((key, e)),
                },
            }
        }
        if !invalid.is_empty() {
            return invalid_params(&invalid);
        }

        if !self.authorized(req) {
            return forbidden("You do not have permission to update this server.");
        }
        let Some(i) = id.and_then(|id| self.find(id)) else {
            return not_found();
        };

        let mut credentials = None;
        for (key, v) in &given {
            if *key == "test_auth_credentials" {
                match decode_credentials(v.as_str().unwrap_or("")) {
                    Some(c) => credentials = Some(c),
                    None => {
                        return wp_error(
                            400,
                            "getmcp_invalid_credentials",
                            "Invalid test credentials: expected a JSON-encoded object.",
                        )
                    }
                }
            }
        }

        if !given.is_empty() {
            let to_none = given
                .iter()
                .any(|(key, v)| *key == "auth_type" && v.as_str() == Some("none"));
            let now = rfc3339(self.clock.tick());
            let site = self.site.clone();
            let record = &mut self.servers[i];
            if let Some(c) = credentials {
                record.credentials = c;
            }
            let server = &mut record.object;
            for (key, v) in given {
                match key {
                    "description" => set_description(server, v),
                    "name" => {
                        if server.get("name") != Some(&v) {
                            let slug = slugify(v.as_str().unwrap_or(""));
                            server
                                .insert("endpoint_url".into(), format!("{site}/mcp/{slug}").into());
                            server.insert("slug".into(), slug.into());
                        }
                        server.insert("name".into(), v);
                    }
                    "test_auth_credentials" => {}
                    _ => {
                        server.insert(key.into(), v);
                    }
                }
            }
            if to_none {
                server.insert("auth_config".into(), Value::Null);
                record.credentials = None;
            }
            record.object.insert("updated_at".into(), now.into());
        }
        server_json(&self.servers[i].object)
    }
}

/// The request's JSON body parameters, as WordPress reads them: only with a JSON
/// content type and a non-empty body; a body that is not an object gives none. The
/// error is PHP's JSON error code and message.
fn json_params(req: &Request) -> Result<Map<String, Value>, (u8, &'static str)> {
    let json_type = req
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_json_media_type);
    // PHP's empty(): "" and "0" are both empty.
    if !json_type || req.body.is_empty() || req.body == b"0" {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(&req.body) {
        Ok(Value::Object(params)) => Ok(params),
        Ok(_) => Ok(Map::new()),
        Err(_) if std::str::from_utf8(&req.body).is_err() => Err((
            5,
            "Malformed UTF-8 characters, possibly incorrectly encoded",
        )),
        Err(_) => Err((4, "Syntax error")),
    }
}

/// `application/json`, or any `application/…+json`.
fn is_json_media_type(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    media == "application/json" || (media.starts_with("application/") && media.ends_with("+json"))
}

/// The method WordPress dispatches on: `?_method=`, else `X-HTTP-Method-Override`, else
/// the request's own.
fn effective_method(req: &Request) -> String {
    let from_query = req
        .url
        .query_pairs()
        .find(|(k, _)| k == "_method")
        .map(|(_, v)| v.into_owned());
    let from_header = || {
        req.headers
            .get("x-http-method-override")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    from_query
        .or_else(from_header)
        .unwrap_or_else(|| req.method.to_string())
        .to_ascii_uppercase()
}

/// The route's `{id}`: `None` when the route does not match at all (so `rest_no_route`),
/// `Some(None)` for an id that matches the route but no server can have (a number
/// beyond `u64`).
fn route_id(segment: &str) -> Option<Option<ServerRef>> {
    if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
        return Some(segment.parse::<u64>().ok().map(ServerRef::Id));
    }
    let groups: Vec<&str> = segment.split('-').collect();
    let lens = groups.iter().map(|g| g.len()).collect::<Vec<_>>();
    let hex = groups
        .iter()
        .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()));
    if lens == [8, 4, 4, 4, 12] && hex {
        return Some(Uuid::try_parse(segment).ok().map(ServerRef::Uuid));
    }
    None
}

/// Validates and sanitizes one argument the way WordPress's schema validation does.
fn check(key: &str, arg: Arg, v: &Value) -> Result<Value, Invalid> {
    let not_of_type = |ty: &str| {
        (
            "rest_invalid_type",
            format!("{key} is not of type {ty}."),
            json!({ "param": key }),
        )
    };
    match arg {
        Arg::Str => match v {
            Value::String(_) => Ok(v.clone()),
            _ => Err(not_of_type("string")),
        },
        Arg::Enum(allowed) => match v.as_str() {
            None => Err(not_of_type("string")),
            Some(s) if allowed.contains(&s) => Ok(v.clone()),
            Some(_) => Err((
                "rest_not_in_enum",
                format!("{key} is not one of {}.", english_list(allowed)),
                Value::Null,
            )),
        },
        Arg::Int { minimum } => {
            let Some(n) = php_number(v) else {
                return Err(not_of_type("integer"));
            };
            if n < minimum as f64 {
                return Err((
                    "rest_out_of_bounds",
                    format!("{key} must be greater than or equal to {minimum}"),
                    Value::Null,
                ));
            }
            if n.round() != n {
                return Err(not_of_type("integer"));
            }
            let exact = v
                .as_i64()
                .or_else(|| v.as_str().and_then(|s| s.trim().parse::<i64>().ok()));
            // Whole and in range by now: the cast only drops the ".0".
            Ok(exact.unwrap_or(n as i64).into())
        }
    }
}

/// A value PHP's `is_numeric` accepts, as a number: JSON numbers and numeric strings.
fn php_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let t = s.trim_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
            let body = t.strip_prefix(['+', '-']).unwrap_or(t);
            let (mantissa, exponent) = match body.find(['e', 'E']) {
                Some(at) => (&body[..at], Some(&body[at + 1..])),
                None => (body, None),
            };
            let digits = mantissa.bytes().filter(u8::is_ascii_digit).count();
            let mantissa_ok = digits > 0
                && mantissa.bytes().filter(|&b| b == b'.').count() <= 1
                && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            let exponent_ok = exponent.is_none_or(|e| {
                let e = e.strip_prefix(['+', '-']).unwrap_or(e);
                !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
            });
            if mantissa_ok && exponent_ok {
                t.parse().ok()
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `a, b, and c` / `a and b`, as WordPress lists enum values.
fn english_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// `Some(None)` clears, `Some(Some(object))` stores, `None` is refused.
fn decode_credentials(encoded: &str) -> Option<Option<Value>> {
    if encoded.is_empty() {
        return Some(None);
    }
    match serde_json::from_str::<Value>(encoded) {
        Ok(v @ Value::Object(_)) => Some(Some(v)),
        _ => None,
    }
}

/// Merges `description` into `settings`, keeping the other settings (PHP's `[]` and
/// `null` become an object).
fn set_description(server: &mut Map<String, Value>, description: Value) {
    let settings = server
        .entry("settings")
        .or_insert_with(|| Value::Object(Map::new()));
    if !settings.is_object() {
        *settings = Value::Object(Map::new());
    }
    if let Value::Object(settings) = settings {
        settings.insert("description".into(), description);
    }
}

/// The slug WordPress derives from a name: lower case, every run of other characters
/// a single `-`, none at either end.
fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// A version-4-shaped UUID that depends only on `id`.
fn uuid_for(id: u64) -> Uuid {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&mix(id).to_be_bytes());
    bytes[8..].copy_from_slice(&mix(id ^ 0xffff_0000).to_be_bytes());
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

fn server_json(object: &Map<String, Value>) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(
        Value::Object(object.clone()).to_string(),
        "application/json; charset=UTF-8",
    )
}

fn invalid_params(invalid: &[(&str, Invalid)]) -> ResponseTemplate {
    let names: Vec<&str> = invalid.iter().map(|(key, _)| *key).collect();
    let mut params = Map::new();
    let mut details = Map::new();
    for (key, (code, message, data)) in invalid {
        params.insert((*key).into(), message.clone().into());
        details.insert(
            (*key).into(),
            json!({ "code": code, "message": message, "data": data }),
        );
    }
    wp_json(
        400,
        &json!({
            "code": "rest_invalid_param",
            "message": format!("Invalid parameter(s): {}", names.join(", ")),
            "data": { "status": 400, "params": params, "details": details },
        }),
    )
}

fn forbidden(message: &str) -> ResponseTemplate {
    wp_error(403, "rest_forbidden", message)
}

fn not_found() -> ResponseTemplate {
    wp_error(404, "getmcp_not_found", "Server not found.")
}

/// A `WP_Error` with only a status in its data.
fn wp_error(status: u16, code: &str, message: &str) -> ResponseTemplate {
    wp_json(
        status,
        &json!({ "code": code, "message": message, "data": { "status": status } }),
    )
}

fn wp_json(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_string(), "application/json; charset=UTF-8")
}

/// Serves every request from the shared state.
struct Responder(Arc<Mutex<State>>);

impl Respond for Responder {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let mut st = lock(&self.0);
        faults::serve(
            &mut *st,
            |st| &mut st.faults,
            Flavour::GetMcp,
            |st| st.handle(req),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_like_wordpress() {
        assert_eq!(slugify("GitHub Tools v2"), "github-tools-v2");
        assert_eq!(slugify("  --Hello,   World!! "), "hello-world");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn php_numeric_strings() {
        let n = |s: &str| php_number(&Value::from(s));
        assert_eq!(n("60"), Some(60.0));
        assert_eq!(n(" 60 "), Some(60.0));
        assert_eq!(n("-1"), Some(-1.0));
        assert_eq!(n("1e3"), Some(1000.0));
        assert_eq!(n(".5"), Some(0.5));
        assert_eq!(n(""), None);
        assert_eq!(n("abc"), None);
        assert_eq!(n("inf"), None);
        assert_eq!(n("0x1A"), None);
        assert_eq!(n("1e"), None);
        assert_eq!(php_number(&Value::Bool(true)), None);
    }

    #[test]
    fn enum_lists_read_like_wordpress() {
        assert_eq!(english_list(&["a", "b"]), "a and b");
        assert_eq!(
            english_list(&["active", "paused", "draft"]),
            "active, paused, and draft"
        );
    }

    #[test]
    fn route_ids() {
        assert_eq!(route_id("42"), Some(Some(ServerRef::Id(42))));
        assert_eq!(route_id("99999999999999999999999"), Some(None));
        let upper = "836995AE-1CFF-41EC-823E-A4F07CCCA3A0";
        assert!(matches!(route_id(upper), Some(Some(ServerRef::Uuid(_)))));
        assert_eq!(route_id("abc"), None);
        assert_eq!(route_id("836995ae1cff41ec823ea4f07ccca3a0"), None);
    }
}
