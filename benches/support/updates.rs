//! The updates both benchmarks send, each with its canned server, its SDK client and its
//! raw-reqwest baselines sending the same bytes.

use std::time::Duration;

use mcp_admin::{
    getmcp::{self, AuthType, ServerStatus},
    hasmcp::{self, ProviderRef, ServerEnvelope},
};
use reqwest::Method;

use super::{
    baseline::{Body, RawClient, RawRequest},
    fixtures::{self, GETMCP_UUID, HASMCP_ID, PROVIDER_ID},
    server::Server,
};

pub const GETMCP_KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
pub const HASMCP_TOKEN: &str = "hasmcp-benchmark-token";
/// Tools on the canned HasMCP server the end-to-end benchmarks answer with.
pub const E2E_TOOLS: usize = 5;
/// The version the canned HasMCP server is read at; PATCHes answer one more.
pub const VERSION: i64 = 4;
/// The name and instructions the HasMCP updates write.
pub const NEW_NAME: &str = "GitHubTools2";
pub const NEW_INSTRUCTIONS: &str = "Use these tools for GitHub issues and pull requests.";

/// The GetMCP update with every field but the test credentials (whose write a later
/// version may verify with a second request).
pub fn getmcp_update(gm: &getmcp::Client) -> getmcp::UpdateServer {
    getmcp_update_without_origins(gm).cors_origins(["https://a.example", "https://b.example"])
}

/// [`getmcp_update`] without `cors_origins`: what the origin checks cost.
pub fn getmcp_update_without_origins(gm: &getmcp::Client) -> getmcp::UpdateServer {
    gm.update_server(GETMCP_UUID.parse::<getmcp::ServerRef>().expect("a UUID"))
        .name("GitHub Tools v2")
        .description("Updated tools for GitHub")
        .status(ServerStatus::Active)
        .auth_type(AuthType::Bearer)
        .rate_limit_per_min(60)
}

/// The HasMCP update `send()` benchmarks: a rename, new instructions, the rest kept.
pub fn hasmcp_merge_update(hm: &hasmcp::Client) -> hasmcp::UpdateServer {
    hm.update_server(HASMCP_ID)
        .name(NEW_NAME)
        .instructions(NEW_INSTRUCTIONS)
}

/// The HasMCP update `send_exact()` benchmarks: every field, with the expected version.
pub fn hasmcp_exact_update(hm: &hasmcp::Client) -> hasmcp::UpdateServer {
    let tools: Vec<String> = (0..E2E_TOOLS).map(fixtures::tool_id).collect();
    hm.update_server(HASMCP_ID)
        .name(NEW_NAME)
        .instructions(NEW_INSTRUCTIONS)
        .providers([ProviderRef::new(PROVIDER_ID).tools(tools)])
        .resources(["res00000001"])
        .prompts(["prm00000001"])
        .expected_version(VERSION)
}

/// The `server` of a HasMCP `{"server": …}` answer.
pub fn decode_server(bytes: &[u8]) -> hasmcp::Server {
    serde_json::from_slice::<ServerEnvelope>(bytes)
        .expect("a HasMCP server")
        .server
}

/// A GetMCP client of the site at `url`.
pub fn getmcp_client(url: &str) -> getmcp::Client {
    getmcp::Client::builder(url)
        .api_key(GETMCP_KEY)
        .build()
        .expect("a GetMCP client")
}

/// A HasMCP client of the service at `url`.
pub fn hasmcp_client(url: &str) -> hasmcp::Client {
    hasmcp::Client::builder()
        .base_url(url)
        .token(HASMCP_TOKEN)
        .build()
        .expect("a HasMCP client")
}

/// The GetMCP update against a canned server, and its baselines.
pub struct GetmcpUpdate {
    pub server: Server,
    pub client: getmcp::Client,
    /// The body [`getmcp_update`] sends.
    pub body: getmcp::UpdateServerBody,
    /// Hand-written: serializes the body on every request.
    pub raw: RawRequest,
    /// The transport floor: the body serialized once.
    pub raw_prebuilt: RawRequest,
}

impl GetmcpUpdate {
    /// Sends [`GetmcpUpdate::body`] through the generated operation directly: no
    /// builder, no input checks, no `call` wrapper.
    pub async fn send_generated(&self) -> getmcp::Server {
        let id: getmcp::ServerRef = GETMCP_UUID.parse().expect("a UUID");
        let op = self.client.raw().getmcp_update_server();
        op.id(id)
            .body(self.body.clone())
            .send()
            .await
            .expect("the generated operation")
            .into_inner()
    }

    /// A server answering the vendor's example after waiting `delay`.
    pub fn start(delay: Duration) -> GetmcpUpdate {
        let answer = fixtures::GETMCP_SERVER.as_bytes();
        let server = Server::start(answer, answer, delay);
        let client = getmcp_client(&server.url());
        let body = getmcp_update(&client).body().expect("a valid update");
        let raw_client = RawClient::new(GETMCP_KEY);
        let request = |body: Body| RawRequest {
            client: raw_client.clone(),
            method: Method::PATCH,
            origin: server.url().into(),
            path: format!("/wp-json/getmcp/v1/servers/{GETMCP_UUID}").into(),
            body,
        };
        let raw = request(Body::per_request(body.clone()));
        let raw_prebuilt = request(Body::prebuilt(&body));
        GetmcpUpdate {
            server,
            client,
            body,
            raw,
            raw_prebuilt,
        }
    }
}

/// The HasMCP updates against a canned server, and their baselines.
pub struct HasmcpUpdate {
    pub server: Server,
    pub client: hasmcp::Client,
    /// The body [`hasmcp_exact_update`] sends.
    pub exact_body: hasmcp::UpdateServerBody,
    /// The PATCH of `send_exact()`, hand-written.
    pub raw_exact: RawRequest,
    /// The same with the body serialized once.
    pub raw_exact_prebuilt: RawRequest,
    /// The GET of `send()`.
    pub raw_get: RawRequest,
    /// The PATCH of [`hasmcp_merge_update`]'s `send()`, hand-written.
    pub raw_merged_patch: RawRequest,
}

impl HasmcpUpdate {
    /// Sends [`HasmcpUpdate::exact_body`] through the generated operation directly: no
    /// builder, no input checks, no `call` wrapper.
    pub async fn send_generated(&self) -> ServerEnvelope {
        let id: hasmcp::ServerId = HASMCP_ID.parse().expect("an id");
        let op = self.client.raw().hasmcp_update_server();
        op.id(id)
            .body(self.exact_body.clone())
            .send()
            .await
            .expect("the generated operation")
            .into_inner()
    }

    /// A server answering a GET with the server at [`VERSION`] and a PATCH with the
    /// next version, carrying the fields the updates write, after waiting `delay`.
    pub fn start(delay: Duration) -> HasmcpUpdate {
        let read = fixtures::to_bytes(&fixtures::hasmcp_envelope(E2E_TOOLS, VERSION));
        let mut written = fixtures::hasmcp_envelope(E2E_TOOLS, VERSION + 1);
        written["server"]["name"] = NEW_NAME.into();
        written["server"]["description"] = NEW_INSTRUCTIONS.into();
        let server = Server::start(&read, &fixtures::to_bytes(&written), delay);
        let client = hasmcp_client(&server.url());
        let exact_body = hasmcp_exact_update(&client)
            .exact_body()
            .expect("a valid update");
        let merged_body = hasmcp_merge_update(&client)
            .merged_body(&decode_server(&read))
            .expect("a valid update");
        let raw_client = RawClient::new(HASMCP_TOKEN);
        let request = |method: Method, body: Body| RawRequest {
            client: raw_client.clone(),
            method,
            origin: server.url().into(),
            path: format!("/api/v1/servers/{HASMCP_ID}").into(),
            body,
        };
        HasmcpUpdate {
            raw_exact: request(Method::PATCH, Body::per_request(exact_body.clone())),
            raw_exact_prebuilt: request(Method::PATCH, Body::prebuilt(&exact_body)),
            raw_get: request(Method::GET, Body::None),
            raw_merged_patch: request(Method::PATCH, Body::per_request(merged_body)),
            server,
            client,
            exact_body,
        }
    }
}
