//! The fake GetMCP, a WordPress site running the plugin: its public API here, its state
//! and router in `state`, WordPress's request and error rules in `emulation`, its text
//! sanitizers in `sanitize`, and one module per resource (`servers`, `credentials`).

mod children;
mod credentials;
mod emulation;
mod lifecycle;
mod paging;
mod prompts;
mod resources;
mod sanitize;
mod servers;
mod state;
mod tools;

use std::fmt;

use serde_json::Value;
use uuid::Uuid;

use self::state::State;
use super::{shell::FakeServer, Fault, RecordedRequest};
use crate::getmcp::ServerRef;

/// A fake WordPress site running GetMCP, on a random loopback port.
///
/// It serves `GET` and `PATCH /wp-json/getmcp/v1/servers/{id}` (and a `POST` or any
/// method carrying `X-HTTP-Method-Override: PATCH` or `?_method=PATCH`, which
/// WordPress handles as the PATCH) and `GET /wp-json/getmcp/v1/servers/{id}/credentials`,
/// in WordPress's order:
///
/// 1. injected [`Fault`]s, for a request that bears the key (one without it goes on
///    to the steps below and uses none);
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
/// 7. the auth settings, as the plugin (with its extensions add-on) handles them:
///    a stale `authentication_revision` is a 409 `authentication_conflict`; a
///    `clear_credentials` that is not a list of slot names, an `auth_config_mode` other
///    than `merge` or `replace`, or an `auth_config` / `outbound_auth_config` that is a
///    list, bad JSON or holds a secret-like key at any depth (`secret`, `password`,
///    `api_key`, `authorization`, `access_token`, `refresh_token`) is a 400
///    `authentication_invalid`; a configuration is merged over the stored one key by
///    key, or stored as sent with `replace`, a type change or a new `provider` /
///    `client_id`, and is `"[]"` while its type is `none` (emptied before the secret
///    check, so a secret there is dropped with a 200, as on the site); any `auth_type`
///    change resets `auth_config` (to the one sent, else `"[]"`) and wipes the test
///    credentials, dropping test credentials sent with it, and the inbound ones unless
///    new ones come with it; inbound and outbound credentials are merged over the
///    stored ones part by part, checked against their type as the test credentials
///    are, and wiped while their type is `none`; with `auth_type` `oauth`, a
///    configuration whose `provider` is not `getmcp` or `external` is a 400
///    `getmcp_invalid_oauth_provider`, and `getmcp` (the site's own OAuth server)
///    wipes the inbound credentials;
///    an empty `test_auth_credentials` (`""`) keeps the stored ones, and only
///    `"clear_credentials": ["test_auth_credentials"]` clears them; while the type is
///    `none` or `oauth` test credentials are dropped (200); otherwise they must have
///    the type's fields (bearer `token`; api-key `name`, `value`, `location` of
///    `header` or `query`; basic `username`, `password`), else a 400
///    `getmcp_invalid_credentials` such as `auth_credentials for auth_type "bearer"
///    must include: token.`;
/// 8. only the keys present change, as stored by the plugin: `name` and `description`
///    lose HTML tags (`sanitize_text_field`, `sanitize_textarea_field`); `description`
///    goes into `settings.description` with the other settings kept; `settings`
///    replace the stored ones, or are merged over them when a `description` comes too
///    (which is written over them); a create stores them with its `instructions` and
///    `description` written in, and its `auth_config` as sent; a `name`
///    re-derives the slug with WordPress's `sanitize_title` (`Café Tools_v3.0` →
///    `cafe-tools_v3-0`, `日本語` → `%e6%97%a5%e6%9c%ac%e8%aa%9e`), made unique with
///    `-1`, `-2`, …, and with it `endpoint_url`; a `rate_limit_per_min` above
///    2147483647 is stored as 2147483647; `updated_at` moves. The answer is the server
///    object.
///
/// `GET …/credentials` answers with the `has_*` flags, the auth types, the public auth
/// configs and an `authentication_revision`, never a credential. Answers on a matched
/// route carry WordPress's `Allow` header (`GET, PATCH, DELETE` for a server,
/// `GET` for its credentials) when the key is good.
///
/// Credentials are kept out of the server object, as the real plugin does; see
/// It also serves the rest of the management API, with the same order of checks and
/// WordPress's paging: the server list (`GET /servers`: `per_page` 1–100, `page` from 1,
/// a 400 `rest_invalid_param` outside them, `X-WP-Total` and `X-WP-TotalPages`, an
/// empty array past the last page), create (201), delete (cascading to the server's
/// tools, resources and prompts; a second delete is a 404), `PATCH …/toggle` and
/// `POST …/duplicate`; and each server's tools, resources and prompts (list, create,
/// get, update, delete), with seeds ([`FakeGetMcp::seed_tool`],
/// [`FakeGetMcp::seed_resource`], [`FakeGetMcp::seed_prompt`]).
///
/// Test credentials are kept out of the server object, as the real plugin does; see
/// [`FakeGetMcp::test_credentials`]. Both the numeric id and the UUID find a server.
///
/// Not modelled: licence tiers (`tier_limit_auth_method`), encryption
/// (`getmcp_encryption_unavailable`), the settings sanitizers (PII redaction, icons,
/// logos, variables, the mailbox and database connectors' passwords), how the plugin
/// declares `settings` (not seen: an object, a list or a JSON string is taken), the
/// add-on's `extra_authorize_params` and URL checks, the `allowed_user_ids` check of the
/// site's own OAuth provider, and the built-in servers' reserved slugs.
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
pub struct FakeGetMcp(FakeServer<State>);

impl fmt::Debug for FakeGetMcp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
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
        FakeGetMcp(FakeServer::start(api_key.into(), State::new))
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
        self.0.uri().to_owned()
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
        self.0.secret()
    }

    /// Adds an active server named `name` in the documented form and returns its
    /// numeric id and UUID. As the plugin's create: the name loses HTML tags and its
    /// slug is derived from it, unique among the servers. Its settings are empty,
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
        self.0.with_state(|st| servers::seed(st, name))
    }

    /// Adds a server object as given and returns its numeric id and UUID; `id` and
    /// `uuid` are generated and added when absent or `null`. Use it to start from any
    /// state, such as the PHP flavour of a real site (`"settings": []`).
    ///
    /// The keys the plugin stores but never returns are taken out of the object:
    /// `auth_credentials`, `test_auth_credentials` and `outbound_auth_credentials` (a
    /// JSON-encoded string or an object; `null` or `""` for none) become the stored
    /// credentials, and `test_auth_type` (else the object's `auth_type`, else `none`)
    /// what `GET …/credentials` reports.
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
    ///
    /// let (id, _) = fake.insert_server(json!({
    ///     "name": "Keyed",
    ///     "auth_type": "bearer",
    ///     "test_auth_credentials": "{\"token\":\"t\"}",
    /// }));
    /// assert_eq!(fake.test_credentials(id), Some(json!({"token": "t"})));
    /// assert!(fake.server(id).unwrap().get("test_auth_credentials").is_none());
    /// # }
    /// ```
    pub fn insert_server(&self, server: Value) -> (u64, Uuid) {
        self.0.with_state(|st| servers::insert(st, server))
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
        let server = server.into();
        self.0
            .with_state(|st| servers::find(st, server).map(|i| st.servers[i].wire()))
    }

    /// Renames a server the way another client's update would: `name` changes (without
    /// its HTML tags, as the site stores it), `slug` and `endpoint_url` follow it and
    /// `updated_at` moves. Returns the server as [`FakeGetMcp::server`] does. In a
    /// [`FakeGetMcp::before_next_write`] hook, it plays a concurrent writer.
    ///
    /// # Panics
    ///
    /// When there is no such server: renaming a missing server is a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("Docs");
    /// let server = fake.rename_server(id, "Docs v2");
    /// assert_eq!(server["slug"], "docs-v2");
    /// # }
    /// ```
    pub fn rename_server(&self, server: impl Into<ServerRef>, name: &str) -> Value {
        let server = server.into();
        match self.0.with_state(|st| servers::rename(st, server, name)) {
            Some(renamed) => renamed,
            None => panic!("FakeGetMcp::rename_server: no server {server:?}"),
        }
    }

    /// The server's stored test credentials, decoded, or `None` when it has none or
    /// does not exist. (`GET /servers/{id}/credentials` only says whether it has some.)
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.insert_server(serde_json::json!({"name": "Docs", "auth_type": "bearer"}));
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// gm.update_server(id)
    ///     .test_auth_credentials(getmcp::TestAuthCredentials::bearer("tok"))
    ///     .send()
    ///     .await?;
    /// assert_eq!(fake.test_credentials(id), Some(serde_json::json!({"token": "tok"})));
    /// # Ok(()) }
    /// ```
    pub fn test_credentials(&self, server: impl Into<ServerRef>) -> Option<Value> {
        self.stored(server, |s| &s.test)
    }

    /// The server's stored inbound credentials (`auth_credentials`), decoded, or `None`
    /// when it has none or does not exist.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.insert_server(serde_json::json!({"name": "Docs", "auth_type": "bearer"}));
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// gm.update_server(id)
    ///     .auth_credentials(getmcp::TestAuthCredentials::bearer("caller"))
    ///     .send()
    ///     .await?;
    /// assert_eq!(fake.inbound_credentials(id), Some(serde_json::json!({"token": "caller"})));
    /// # Ok(()) }
    /// ```
    pub fn inbound_credentials(&self, server: impl Into<ServerRef>) -> Option<Value> {
        self.stored(server, |s| &s.auth)
    }

    /// The server's stored outbound credentials, decoded, or `None` when it has none or
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
    /// gm.update_server(id).outbound_auth(getmcp::OutboundAuth::bearer("up")).send().await?;
    /// assert_eq!(fake.outbound_credentials(id), Some(serde_json::json!({"token": "up"})));
    /// # Ok(()) }
    /// ```
    pub fn outbound_credentials(&self, server: impl Into<ServerRef>) -> Option<Value> {
        self.stored(server, |s| &s.outbound)
    }

    /// One decoded credentials slot of a server, picked by `slot`.
    fn stored(
        &self,
        server: impl Into<ServerRef>,
        slot: fn(&credentials::Stored) -> &Option<Value>,
    ) -> Option<Value> {
        let server = server.into();
        self.0.with_state(|st| {
            servers::find(st, server).and_then(|i| slot(&st.servers[i].stored).clone())
        })
    }

    /// Makes the next `times` requests that bear the token meet `fault`, after any
    /// faults already queued; a request without it uses none.
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
        self.0.inject(fault, times);
    }

    /// Lets the next `skip` requests through (after any faults already queued), then
    /// makes one request meet `fault`: how a test fails the second or third request of
    /// an operation made of several.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::{FakeGetMcp, Fault}};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("Docs");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// fake.inject_after(1, Fault::HtmlPage); // the PATCH lands, the check gets a 500 page
    /// let e = gm.update_server(id).name("Other").clear_test_auth_credentials().send().await.unwrap_err();
    /// assert!(e.may_have_applied());
    /// assert_eq!(fake.server(id).unwrap()["name"], "Other");
    /// # Ok(()) }
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
    /// comes before the queue of [`FakeGetMcp::inject`], and like those, a write it answers
    /// never reaches the state (nor runs a write hook), except a [`Fault::Delay`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use mcp_admin::testing::{FakeGetMcp, Fault};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// fake.inject_on_write(4, Fault::InternalError { reason: "disk full".into() });
    /// # }
    /// ```
    pub fn inject_on_write(&self, nth: usize, fault: Fault) {
        self.0.inject_on_write(nth, fault);
    }

    /// Runs `hook` once, just before the next write request (any method WordPress
    /// dispatches on, overrides included, but `GET`, `HEAD` and `OPTIONS`) that bears
    /// the key is handled: after the injected faults let it through (and after a
    /// [`Fault::Delay`]'s wait), before the route, validation and the write. Hooks queue up: each write
    /// runs the next one.
    ///
    /// The hook is lent this fake, so it can change the state the way another client
    /// would ([`FakeGetMcp::rename_server`], [`FakeGetMcp::insert_server`]) between
    /// the read and the write of the code under test. It runs on the fake's server
    /// thread with no lock held, so it may call any method of the fake; it must not
    /// send this fake a request and wait for the answer, which would never come while
    /// the hook runs. A hook that panics (a failed assertion, say) has its request
    /// answered with a `500` whose body says the fake panicked.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("Docs");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// fake.before_next_write(move |fake| {
    ///     fake.rename_server(id, "Manual");
    /// });
    /// // GetMCP merges: the concurrent rename survives a description update.
    /// let server = gm.update_server(id).description("Read me").send().await?;
    /// assert_eq!((server.name.as_str(), server.description()), ("Manual", Some("Read me")));
    /// # Ok(()) }
    /// ```
    pub fn before_next_write(&self, hook: impl FnOnce(&FakeGetMcp) + Send + 'static) {
        self.0.before_next_write(hook);
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
    pub async fn requests(&self) -> Vec<RecordedRequest> {
        self.0.requests()
    }
}
