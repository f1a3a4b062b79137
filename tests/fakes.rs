//! The fakes over plain HTTP: every rule they implement, with the exact status, content
//! type and body, and that refused or faulted requests leave the state as it was.

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use mcp_admin::testing::{FakeGetMcp, FakeHasMcp, Fault};
use serde_json::{json, Value};

thread_local! {
    /// One client per test (each test has its own thread and runtime): building one
    /// loads the system's certificates, which is slow.
    static CLIENT: reqwest::Client = {
        #[cfg(feature = "rustls")]
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::Client::builder().no_proxy().build().unwrap()
    };
}

/// A plain HTTP client (no proxy: the fakes are on loopback).
fn http() -> reqwest::Client {
    CLIENT.with(reqwest::Client::clone)
}

/// What a test looks at in an answer.
#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: String,
    retry_after: Option<String>,
    /// WordPress's `Allow` header.
    allow: Option<String>,
    text: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.text))
    }
}

async fn send(req: reqwest::RequestBuilder) -> Reply {
    let res = req.send().await.unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let content_type = header("content-type").unwrap_or_default();
    let retry_after = header("retry-after");
    let allow = header("allow");
    Reply {
        status: res.status().as_u16(),
        content_type,
        retry_after,
        allow,
        text: res.text().await.unwrap(),
    }
}

/// Waits up to 10 s for `done`, checking every 10 ms: whether it came true.
async fn eventually(mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    done()
}

/// A request that gives up after `after`, as a client with a short timeout does.
async fn gives_up(req: reqwest::RequestBuilder, after: Duration) {
    let err = req.timeout(after).send().await.expect_err("too slow");
    assert!(err.is_timeout(), "{err:?}");
}

// ---------------------------------------------------------------- HasMCP

const HM_JSON: &str = "application/json";

fn hm_url(fake: &FakeHasMcp, id: &str) -> String {
    format!("{}/api/v1/servers/{id}", fake.uri())
}

async fn hm_get(fake: &FakeHasMcp, id: &str) -> Reply {
    send(http().get(hm_url(fake, id)).bearer_auth(FakeHasMcp::TOKEN)).await
}

async fn hm_patch(fake: &FakeHasMcp, id: &str, body: &str) -> Reply {
    send(
        http()
            .patch(hm_url(fake, id))
            .bearer_auth(FakeHasMcp::TOKEN)
            .header("content-type", "application/json")
            .body(body.to_owned()),
    )
    .await
}

async fn hm_patch_json(fake: &FakeHasMcp, id: &str, body: Value) -> Reply {
    hm_patch(fake, id, &body.to_string()).await
}

/// Any request to the HasMCP fake, authorized, with a raw body (`None`: no body).
async fn hm_raw(fake: &FakeHasMcp, verb: &str, path: &str, body: Option<&[u8]>) -> Reply {
    let method = reqwest::Method::from_bytes(verb.as_bytes()).expect("a method");
    let mut req = http()
        .request(method, format!("{}{path}", fake.uri()))
        .bearer_auth(FakeHasMcp::TOKEN);
    if let Some(body) = body {
        req = req
            .header("content-type", "application/json")
            .body(body.to_vec());
    }
    send(req).await
}

/// A JSON request to the HasMCP fake: its status and body.
async fn hm_call(fake: &FakeHasMcp, verb: &str, path: &str, body: Value) -> (u16, Reply) {
    let reply = hm_raw(fake, verb, path, Some(body.to_string().as_bytes())).await;
    (reply.status, reply)
}

fn hasmcp_client(fake: &FakeHasMcp) -> mcp_admin::hasmcp::Client {
    mcp_admin::hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .build()
        .expect("client builds")
}

/// A server with every field set and something attached of every kind.
struct Rich {
    id: String,
    provider: String,
    tools: [String; 2],
    resource: String,
    prompt: String,
}

fn seed_rich(fake: &FakeHasMcp) -> Rich {
    let (provider, mut tools, resource, prompt) = (
        fake.new_id(),
        [fake.new_id(), fake.new_id()],
        fake.new_id(),
        fake.new_id(),
    );
    // The server lists attachments in id order.
    tools.sort();
    let id = fake.insert_server(json!({
        "name": "GitHubTools",
        "instructions": "Use these tools for GitHub",
        "version": 3,
        "requestHeadersProxyEnabled": true,
        "providers": [{"id": provider, "tools": [{"id": tools[0]}, {"id": tools[1]}]}],
        "resources": [{"id": resource}],
        "prompts": [{"id": prompt}],
    }));
    Rich {
        id,
        provider,
        tools,
        resource,
        prompt,
    }
}

#[tokio::test]
async fn hasmcp_get_returns_the_seeded_server_in_wire_form() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("GitHubTools", "Use these tools for GitHub");
    let reply = hm_get(&fake, &id).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.content_type, HM_JSON);
    let expected = json!({"server": {
        "id": id,
        "createdAt": "2025-01-01T00:00:01Z",
        "updatedAt": "2025-01-01T00:00:01Z",
        "requestHeadersProxyEnabled": false,
        "name": "GitHubTools",
        "instructions": "Use these tools for GitHub",
        "version": 1,
    }});
    assert_eq!(reply.json(), expected);
    assert_eq!(Some(expected["server"].clone()), fake.server(&id));
}

#[tokio::test]
async fn hasmcp_nested_items_carry_ids_only_and_empty_fields_are_omitted() {
    let fake = FakeHasMcp::start().await;
    let rich = seed_rich(&fake);
    let empty = fake.insert_server(json!({"version": 0}));
    assert_eq!(
        hm_get(&fake, &rich.id).await.json()["server"],
        json!({
            "id": rich.id,
            "createdAt": "2025-01-01T00:00:01Z",
            "updatedAt": "2025-01-01T00:00:01Z",
            "requestHeadersProxyEnabled": true,
            "name": "GitHubTools",
            "instructions": "Use these tools for GitHub",
            "version": 3,
            "providers": [{"id": rich.provider, "tools": [
                {"id": rich.tools[0], "providerID": "00000000000"},
                {"id": rich.tools[1], "providerID": "00000000000"},
            ]}],
            "resources": [{"id": rich.resource}],
            "prompts": [{"id": rich.prompt}],
        })
    );
    assert_eq!(
        hm_get(&fake, &empty).await.json()["server"],
        json!({
            "id": empty,
            "createdAt": "2025-01-01T00:00:02Z",
            "updatedAt": "2025-01-01T00:00:02Z",
            "requestHeadersProxyEnabled": false,
        })
    );
}

#[tokio::test]
async fn hasmcp_auth_header_must_be_exactly_bearer_token() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let url = hm_url(&fake, &id);
    let body = json!({"server": {"name": "Changed", "version": 1}}).to_string();
    let unauthorized = json!({"error": {"message": "authentication failed", "code": 401}});
    for req in [
        http().get(&url),
        http().get(&url).bearer_auth("wrong"),
        http()
            .get(&url)
            .header("authorization", format!("bearer {}", FakeHasMcp::TOKEN)),
        http().get(&url).header("authorization", FakeHasMcp::TOKEN),
        http()
            .get(&url)
            .header("authorization", format!("Bearer  {}", FakeHasMcp::TOKEN)),
        http().patch(&url).body(body.clone()),
    ] {
        let reply = send(req).await;
        assert_eq!(reply.status, 401);
        assert!(
            reply.content_type.starts_with("text/plain"),
            "{}",
            reply.content_type
        );
        assert_eq!(reply.json(), unauthorized);
    }
    assert_eq!(fake.server(&id).unwrap()["name"], "Docs");

    let custom = FakeHasMcp::with_token("my-token").await;
    let id = custom.seed_server("Docs", "");
    assert_eq!(custom.token(), "my-token");
    let ok = send(http().get(hm_url(&custom, &id)).bearer_auth("my-token")).await;
    assert_eq!(ok.status, 200);
    let default_token = send(
        http()
            .get(hm_url(&custom, &id))
            .bearer_auth(FakeHasMcp::TOKEN),
    )
    .await;
    assert_eq!(default_token.status, 401);
}

#[tokio::test]
async fn hasmcp_an_injected_rate_limit_answers_the_token_bearers_and_touches_nothing() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "Read the docs");
    let before = fake.server(&id);
    fake.inject(Fault::RateLimited { retry_after: 7 }, 2);

    // A request without the token uses none of the faults.
    assert_eq!(send(http().get(hm_url(&fake, &id))).await.status, 401);
    let limited = send(
        http()
            .get(hm_url(&fake, &id))
            .bearer_auth(FakeHasMcp::TOKEN),
    )
    .await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.retry_after.as_deref(), Some("7"));
    assert!(limited.content_type.starts_with("text/plain"));
    assert_eq!(
        limited.json(),
        json!({"error": {"message": "ratelimited", "code": 429}})
    );

    let patch = hm_patch_json(
        &fake,
        &id,
        json!({"server": {"name": "Changed", "version": 1}}),
    )
    .await;
    assert_eq!(patch.status, 429);
    assert_eq!(fake.server(&id), before);

    assert_eq!(send(http().get(hm_url(&fake, &id))).await.status, 401);
}

#[tokio::test]
async fn hasmcp_undecodable_bodies_are_422_with_code_400() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "Read the docs");
    let before = fake.server(&id);
    for body in [
        "",
        "{",
        "not json",
        "[]",
        "\"server\"",
        r#"{"server": []}"#,
        r#"{"server": "Docs"}"#,
        r#"{"server": {"name": "Docs", "version": "1"}}"#,
        r#"{"server": {"name": "Docs", "version": 1.5}}"#,
        r#"{"server": {"name": "Docs", "version": 2147483648}}"#,
        r#"{"server": {"name": 5, "version": 1}}"#,
        r#"{"server": {"name": "Docs", "version": 1, "requestHeadersProxyEnabled": "yes"}}"#,
        r#"{"server": {"name": "Docs", "version": 1, "providers": {}}}"#,
        r#"{"server": {"name": "Docs", "version": 1, "resources": [{"id": 7}]}}"#,
        r#"{"server": {"name": "Docs", "version": 1, "providers": [{"id": "a", "tools": [{"id": []}]}]}}"#,
    ] {
        let reply = hm_patch(&fake, &id, body).await;
        assert_eq!(reply.status, 422, "{body}");
        assert_eq!(reply.content_type, HM_JSON);
        assert_eq!(
            reply.json(),
            json!({"error": {"message": "invalid request payload", "code": 400}}),
            "{body}"
        );
    }
    assert_eq!(fake.server(&id), before);
}

#[tokio::test]
async fn hasmcp_validation_is_400_and_the_first_failure_wins() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "Read the docs");
    let before = fake.server(&id);
    let error = |message: &str, data: Value| json!({"error": {"code": 400, "message": message, "data": data}});
    let version = error("invalid server version", json!({"version": 0}));
    let length = |name: &str| {
        error(
            "name must be between 1 and 16 characters",
            json!({"name": name}),
        )
    };
    let long_instructions = "x".repeat(4097);
    let cases = [
        // A missing `server` object decodes to all zero values.
        (json!({}), version.clone()),
        (json!(null), version.clone()),
        (json!({"server": null}), version.clone()),
        (json!({"server": {"name": "Docs"}}), version.clone()),
        (
            json!({"server": {"name": "Docs", "version": 0}}),
            version.clone(),
        ),
        // Before the name is looked at.
        (json!({"server": {"name": "bad name!"}}), version),
        (json!({"server": {"version": 1}}), length("")),
        (
            json!({"server": {"name": "A23456789012345678", "version": 1}}),
            length("A23456789012345678"),
        ),
        (
            json!({"server": {"name": "Git Hub", "version": 1}}),
            error(
                "name must be `[a-zA-Z0-9]{1,16}",
                json!({"name": "Git Hub"}),
            ),
        ),
        (
            json!({"server": {"name": "Docs", "version": 1, "instructions": long_instructions}}),
            error(
                "instructions must be less than 4096 characters",
                json!({"instructions": long_instructions}),
            ),
        ),
        (
            json!({"server": {"name": "Docs", "version": 1, "providers": [
                {"id": "00000000001", "tools": [{"id": "00000000002"}]},
                {"id": "00000000003"},
            ]}}),
            error(
                "max providers allowed per MCP server is set to 1",
                json!({"providersCount": 2}),
            ),
        ),
    ];
    for (body, expected) in cases {
        let reply = hm_patch_json(&fake, &id, body.clone()).await;
        assert_eq!(reply.status, 400, "{body}");
        assert_eq!(reply.content_type, HM_JSON);
        assert_eq!(reply.json(), expected, "{body}");
    }
    // Exactly 16 and exactly 4096 pass.
    let reply = hm_patch_json(
        &fake,
        &id,
        json!({"server": {"name": "A234567890123456", "version": 1, "instructions": "x".repeat(4096)}}),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_ne!(fake.server(&id), before);
}

#[tokio::test]
async fn hasmcp_path_id_decoding_to_zero_is_an_invalid_server_id() {
    let fake = FakeHasMcp::start().await;
    let reply = hm_patch_json(
        &fake,
        "00000000000",
        json!({"server": {"name": "Docs", "version": 1}}),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json(),
        json!({"error": {"code": 400, "message": "invalid server ID", "data": {"serverID": 0}}})
    );
}

#[tokio::test]
async fn hasmcp_unknown_id_is_404_with_the_numeric_id_after_validation() {
    let fake = FakeHasMcp::start().await;
    let not_found = |server_id: i64| {
        json!({"error": {
            "code": 404,
            "message": "server not found",
            "data": {"reason": "record not found", "serverID": server_id},
        }})
    };
    let get = hm_get(&fake, "0000000000g").await;
    assert_eq!(get.status, 404);
    assert_eq!(get.content_type, HM_JSON);
    assert_eq!(get.json(), not_found(42));

    // 4 × 62 + 2
    let patch = hm_patch_json(
        &fake,
        "00000000042",
        json!({"server": {"name": "Docs", "version": 1}}),
    )
    .await;
    assert_eq!(patch.status, 404);
    assert_eq!(patch.json(), not_found(250));

    // Ids beyond an int64 are reported the way the server's decoding wraps them.
    let big = hm_get(&fake, "zzzzzzzzzzz").await;
    assert_eq!(big.json(), not_found(-1));

    // Validation runs before the lookup.
    let invalid = hm_patch_json(&fake, "00000000042", json!({"server": {"name": "Docs"}})).await;
    assert_eq!(invalid.status, 400);
}

#[tokio::test]
async fn hasmcp_ids_resolve_after_base62_decoding() {
    let fake = FakeHasMcp::start().await;
    let id = fake.insert_server(json!({"id": "1", "name": "Docs"}));
    assert_eq!(id, "00000000001");
    let reply = hm_get(&fake, "1").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["server"]["id"], "00000000001");
    // The vendor's example ids are beyond an int64: they wrap as monoflake wraps them,
    // and the answer names the wrapped id (H1).
    let big = fake.insert_server(json!({"id": "kSuB9Gf6aD4", "name": "Big"}));
    assert_eq!(big, "2VXbzESm16Y");
    assert_eq!(
        hm_get(&fake, "kSuB9Gf6aD4").await.json()["server"]["id"],
        "2VXbzESm16Y"
    );
}

/// H1: attachment ids above an int64 are stored under the wrapped id (or −1), and a
/// resource PATCH of such an id is the mapper's 422.
#[tokio::test]
async fn hasmcp_out_of_range_ids_wrap_or_become_minus_one() {
    let fake = FakeHasMcp::start().await;
    let server = fake.seed_server("Docs", "");
    let version = fake.server(&server).expect("seeded")["version"].clone();
    let reply = hm_patch_json(
        &fake,
        &server,
        json!({"server": {"name": "Docs", "version": version,
            "resources": [{"id": "kSuB9Gf6aD4"}, {"id": "zzzzzzzzzzz"}, {"id": "a0000000000"}]}}),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    let ids: Vec<Value> = reply.json()["server"]["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, [json!("2VXbzESm16Y"), json!("LygHa16AHYF")]);
    let (status, _) = hm_call(
        &fake,
        "PATCH",
        "/api/v1/resources/zzzzzzzzzzz",
        json!({"resource": {"name": "x"}}),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = hm_call(
        &fake,
        "PATCH",
        "/api/v1/variables/zzzzzzzzzzz",
        json!({"variable": {"value": "x"}}),
    )
    .await;
    assert_eq!(status, 422);
    // Through the client: the answer is about another id, and the error says why.
    fake.insert_server(json!({"id": "kSuB9Gf6aD4", "name": "Big"}));
    let hm = hasmcp_client(&fake);
    let e = hm
        .get_server("kSuB9Gf6aD4")
        .await
        .expect_err("another id answered");
    assert!(
        e.to_string()
            .contains("kSuB9Gf6aD4 is out of the range HasMCP stores"),
        "{e}"
    );
}

#[tokio::test]
async fn hasmcp_patch_replaces_what_it_omits() {
    let fake = FakeHasMcp::start().await;
    let rich = seed_rich(&fake);
    let reply = hm_patch_json(
        &fake,
        &rich.id,
        json!({"server": {"name": "Renamed", "version": 3}}),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.content_type, HM_JSON);
    let expected = json!({"server": {
        "id": rich.id,
        "createdAt": "2025-01-01T00:00:01Z",
        "updatedAt": "2025-01-01T00:00:02Z",
        "requestHeadersProxyEnabled": false,
        "name": "Renamed",
        "version": 4,
    }});
    assert_eq!(reply.json(), expected);
    assert_eq!(hm_get(&fake, &rich.id).await.json(), expected);
}

#[tokio::test]
async fn hasmcp_current_version_writes_everything_and_bumps() {
    let fake = FakeHasMcp::start().await;
    let rich = seed_rich(&fake);
    let (p, t) = (fake.new_id(), fake.new_id());
    let reply = hm_patch_json(
        &fake,
        &rich.id,
        json!({"server": {
            "id": "ignored",
            "name": "GitHubTools2",
            "instructions": "New text",
            "version": 3,
            "requestHeadersProxyEnabled": true,
            "unknownField": {"anything": [1]},
            // Duplicates are one row; a second tool list entry for the same pair too.
            "providers": [{"id": p, "name": "ignored", "tools": [{"id": t}, {"id": t}]}],
            "resources": [{"id": rich.resource}, {"id": rich.resource}],
            "prompts": [],
        }}),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.json(),
        json!({"server": {
            "id": rich.id,
            "createdAt": "2025-01-01T00:00:01Z",
            "updatedAt": "2025-01-01T00:00:02Z",
            "requestHeadersProxyEnabled": true,
            "name": "GitHubTools2",
            "instructions": "New text",
            "version": 4,
            "providers": [{"id": p, "tools": [{"id": t, "providerID": "00000000000"}]}],
            "resources": [{"id": rich.resource}],
        }})
    );
}

#[tokio::test]
async fn hasmcp_keys_match_case_insensitively_like_go() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "Read");
    let reply = hm_patch(&fake, &id, r#"{"SERVER": {"Name": "Docs2", "VERSION": 1}}"#).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["server"]["name"], "Docs2");
    assert_eq!(reply.json()["server"]["version"], 2);
}

#[tokio::test]
async fn hasmcp_stale_version_keeps_scalars_but_replaces_attachments() {
    let fake = FakeHasMcp::start().await;
    let rich = seed_rich(&fake);
    let first = hm_patch_json(
        &fake,
        &rich.id,
        json!({"server": {
            "name": "Winner",
            "instructions": "Winner text",
            "version": 3,
            "requestHeadersProxyEnabled": true,
            "providers": [{"id": rich.provider, "tools": [{"id": rich.tools[0]}]}],
        }}),
    )
    .await
    .json();
    assert_eq!(first["server"]["version"], 4);
    assert_eq!(first["server"]["updatedAt"], "2025-01-01T00:00:02Z");

    let new_resource = fake.new_id();
    for stale in [3, 1, 99, -5] {
        let reply = hm_patch_json(
            &fake,
            &rich.id,
            json!({"server": {
                "name": "Loser",
                "instructions": "",
                "version": stale,
                "resources": [{"id": new_resource}],
            }}),
        )
        .await;
        assert_eq!(reply.status, 200, "version {stale}");
        assert_eq!(
            reply.json(),
            json!({"server": {
                "id": rich.id,
                "createdAt": "2025-01-01T00:00:01Z",
                "updatedAt": "2025-01-01T00:00:02Z",
                "requestHeadersProxyEnabled": true,
                "name": "Winner",
                "instructions": "Winner text",
                "version": 4,
                "resources": [{"id": new_resource}],
            }}),
            "version {stale}"
        );
    }
}

#[tokio::test]
async fn hasmcp_a_provider_sent_without_tools_is_not_kept() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let provider = fake.new_id();
    let reply = hm_patch_json(
        &fake,
        &id,
        json!({"server": {"name": "Docs", "version": 1, "providers": [{"id": provider, "tools": []}]}}),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert!(reply.json()["server"].get("providers").is_none());
}

#[tokio::test]
async fn hasmcp_other_routes_and_methods() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let nothing = send(
        http()
            .get(format!("{}/api/v1/nothing", fake.uri()))
            .bearer_auth(FakeHasMcp::TOKEN),
    )
    .await;
    // G7a: the catch-all `GET /*` answers with the web page, as the open-source server.
    assert_eq!(nothing.status, 200);
    assert!(nothing.content_type.starts_with("text/html"));
    assert!(
        nothing.text.starts_with("<!doctype html>"),
        "{}",
        nothing.text
    );
    let variable = send(
        http()
            .get(format!("{}/api/v1/variables/00000000001", fake.uri()))
            .bearer_auth(FakeHasMcp::TOKEN),
    )
    .await;
    assert_eq!(
        (variable.status, variable.text.as_str()),
        (200, nothing.text.as_str())
    );
    // Authentication covers the whole API prefix.
    let anonymous = send(http().get(format!("{}/api/v1/nothing", fake.uri()))).await;
    assert_eq!(anonymous.status, 401);
    let put = send(
        http()
            .put(hm_url(&fake, &id))
            .bearer_auth(FakeHasMcp::TOKEN),
    )
    .await;
    assert_eq!((put.status, put.text.as_str()), (405, "Method Not Allowed"));
    let slash = send(
        http()
            .get(format!("{}/", hm_url(&fake, &id)))
            .bearer_auth(FakeHasMcp::TOKEN),
    )
    .await;
    assert_eq!(slash.status, 200);
}

#[tokio::test]
async fn hasmcp_concurrent_writers_with_one_version_produce_one_bump() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let client = http();
    let url = hm_url(&fake, &id);
    let mut writers = tokio::task::JoinSet::new();
    for i in 0..20 {
        let req = client
            .patch(&url)
            .bearer_auth(FakeHasMcp::TOKEN)
            .body(json!({"server": {"name": format!("Writer{i}"), "version": 1}}).to_string());
        writers.spawn(async move { (i, send(req).await) });
    }
    let replies = writers.join_all().await;
    let mut winners = 0;
    for (i, reply) in &replies {
        assert_eq!(reply.status, 200);
        let server = &reply.json()["server"];
        assert_eq!(server["version"], 2);
        if server["name"] == format!("Writer{i}") {
            winners += 1;
        }
    }
    assert_eq!(winners, 1);
    assert_eq!(fake.server(&id).unwrap()["version"], 2);
}

#[tokio::test]
async fn hasmcp_faults_answer_in_order_and_leave_state_alone() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let before = fake.server(&id);
    fake.inject(Fault::Unavailable, 1);
    fake.inject(Fault::HtmlPage, 1);
    let body = json!({"server": {"name": "Changed", "version": 1}});

    let unavailable = hm_patch_json(&fake, &id, body.clone()).await;
    assert_eq!(
        (unavailable.status, unavailable.text.as_str()),
        (503, "Service Unavailable")
    );
    assert!(unavailable.content_type.starts_with("text/plain"));
    assert_eq!(unavailable.retry_after, None);

    let html = hm_patch_json(&fake, &id, body.clone()).await;
    assert_eq!(html.status, 500);
    assert!(html.content_type.starts_with("text/html"));
    assert!(html.text.starts_with("<!DOCTYPE html>"));
    assert_eq!(fake.server(&id), before);

    assert_eq!(hm_patch_json(&fake, &id, body).await.status, 200);
    assert_eq!(fake.requests().await.len(), 3);
}

#[tokio::test]
async fn hasmcp_a_delayed_request_is_served_late_and_applied() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    fake.inject(Fault::Delay(Duration::from_millis(150)), 1);
    let start = Instant::now();
    let reply = hm_patch_json(
        &fake,
        &id,
        json!({"server": {"name": "Slow", "version": 1}}),
    )
    .await;
    assert!(start.elapsed() >= Duration::from_millis(150));
    assert_eq!(reply.status, 200);
    assert_eq!(fake.server(&id).unwrap()["name"], "Slow");
    // The fault was used up: the next answer is not delayed (a loose bound, for a
    // loaded machine, well under the injected delay's tenfold).
    let start = Instant::now();
    assert_eq!(hm_get(&fake, &id).await.status, 200);
    assert!(start.elapsed() < Duration::from_millis(1_500));
}

#[tokio::test]
async fn hasmcp_unavailable_for_says_when_to_come_back() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let before = fake.server(&id);
    fake.inject(Fault::UnavailableFor { retry_after: 30 }, 1);
    let reply = hm_patch_json(
        &fake,
        &id,
        json!({"server": {"name": "Changed", "version": 1}}),
    )
    .await;
    assert_eq!(
        (reply.status, reply.text.as_str()),
        (503, "Service Unavailable")
    );
    assert_eq!(reply.content_type, "text/plain; charset=utf-8");
    assert_eq!(reply.retry_after.as_deref(), Some("30"));
    assert_eq!(fake.server(&id), before);
}

#[tokio::test]
async fn hasmcp_an_internal_error_is_its_own_json_500() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let before = fake.server(&id);
    let reason = "sql: database is closed";
    fake.inject(
        Fault::InternalError {
            reason: reason.into(),
        },
        1,
    );
    let reply = hm_patch_json(
        &fake,
        &id,
        json!({"server": {"name": "Changed", "version": 1}}),
    )
    .await;
    assert_eq!((reply.status, reply.content_type.as_str()), (500, HM_JSON));
    assert_eq!(
        reply.json(),
        json!({"error": {"code": 500, "message": "internal server error", "data": {"reason": reason}}})
    );
    assert_eq!(reply.retry_after, None);
    assert_eq!(fake.server(&id), before);
    assert_eq!(hm_get(&fake, &id).await.status, 200);
}

#[tokio::test]
async fn hasmcp_a_delayed_write_lands_after_the_delay_even_when_the_client_gave_up() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let delay = Duration::from_millis(1_000);
    fake.inject(Fault::Delay(delay), 1);
    let started = Instant::now();
    gives_up(
        http()
            .patch(hm_url(&fake, &id))
            .bearer_auth(FakeHasMcp::TOKEN)
            .body(json!({"server": {"name": "Slow", "version": 1}}).to_string()),
        Duration::from_millis(100),
    )
    .await;
    // Received at once, handled later: the slow server is still at work.
    assert_eq!(fake.requests().await.len(), 1);
    assert_eq!(fake.server(&id).unwrap()["name"], "Docs");
    assert!(eventually(|| fake.server(&id).unwrap()["name"] == "Slow").await);
    assert!(started.elapsed() >= delay);
    assert_eq!(fake.server(&id).unwrap()["version"], 2);
}

#[tokio::test]
async fn hasmcp_a_write_hook_runs_once_just_before_the_next_write() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let runs = Arc::new(AtomicUsize::new(0));
    let (counter, target) = (Arc::clone(&runs), id.clone());
    fake.before_next_write(move |fake| {
        counter.fetch_add(1, Ordering::SeqCst);
        // The hook may use the fake: it holds no lock.
        assert_eq!(fake.server(&target).unwrap()["version"], 1);
        fake.rename_server(&target, "Other");
    });
    // Neither a read nor a write that a fault answers runs it.
    assert_eq!(hm_get(&fake, &id).await.status, 200);
    fake.inject(Fault::Unavailable, 1);
    let mine = json!({"server": {"name": "Mine", "version": 1}});
    assert_eq!(hm_patch_json(&fake, &id, mine.clone()).await.status, 503);
    assert_eq!(runs.load(Ordering::SeqCst), 0);

    // The next write runs it first, so the version it carries is stale by the time it
    // is handled: the concurrent rename stands.
    let reply = hm_patch_json(&fake, &id, mine).await;
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert_eq!(reply.status, 200);
    assert_eq!(
        (
            &reply.json()["server"]["name"],
            &reply.json()["server"]["version"]
        ),
        (&json!("Other"), &json!(2))
    );

    // Once only.
    let reply = hm_patch_json(
        &fake,
        &id,
        json!({"server": {"name": "Mine", "version": 2}}),
    )
    .await;
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert_eq!(
        (
            &reply.json()["server"]["name"],
            &reply.json()["server"]["version"]
        ),
        (&json!("Mine"), &json!(3))
    );
}

#[tokio::test]
async fn hasmcp_a_delayed_write_runs_its_hook_after_the_delay() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let delay = Duration::from_millis(300);
    fake.inject(Fault::Delay(delay), 1);
    let ran_at = Arc::new(Mutex::new(None));
    let seen = Arc::clone(&ran_at);
    fake.before_next_write(move |_| {
        *seen.lock().unwrap() = Some(Instant::now());
    });
    let started = Instant::now();
    let reply = hm_patch_json(
        &fake,
        &id,
        json!({"server": {"name": "Slow", "version": 1}}),
    )
    .await;
    assert_eq!(reply.status, 200);
    let ran_at = ran_at.lock().unwrap().expect("the hook ran");
    assert!(ran_at.duration_since(started) >= delay);
}

#[tokio::test]
async fn hasmcp_rename_server_is_another_clients_accepted_update() {
    let rich_fake = FakeHasMcp::start().await;
    let rich = seed_rich(&rich_fake);
    let before = rich_fake.server(&rich.id).unwrap();
    let after = rich_fake.rename_server(&rich.id, "Renamed");
    assert_eq!(rich_fake.server(&rich.id), Some(after.clone()));
    let mut expected = before;
    expected["name"] = json!("Renamed");
    expected["version"] = json!(4);
    expected["updatedAt"] = json!("2025-01-01T00:00:02Z");
    assert_eq!(after, expected);
}

#[tokio::test]
#[should_panic(expected = "FakeHasMcp::rename_server: no server has id 00000000000")]
async fn hasmcp_renaming_a_missing_server_panics() {
    FakeHasMcp::start()
        .await
        .rename_server("00000000000", "Other");
}

#[tokio::test]
async fn hasmcp_inserting_what_server_returns_copies_the_server() {
    let fake = FakeHasMcp::start().await;
    let rich = seed_rich(&fake);
    let mut copy = fake.server(&rich.id).unwrap();
    copy.as_object_mut().unwrap().remove("id");
    let id = fake.insert_server(copy.clone());
    let mut back = fake.server(&id).unwrap();
    back.as_object_mut().unwrap().remove("id");
    assert_eq!(back, copy);
}

#[tokio::test]
#[should_panic(expected = "not a HasMCP server")]
async fn hasmcp_a_malformed_seed_panics() {
    FakeHasMcp::start()
        .await
        .insert_server(json!({"version": "one"}));
}

// ---------------------------------------------------------------- GetMCP

const GM_JSON: &str = "application/json; charset=UTF-8";

fn gm_url(fake: &FakeGetMcp, id: impl std::fmt::Display) -> String {
    format!("{}/wp-json/getmcp/v1/servers/{id}", fake.uri())
}

async fn gm_get(fake: &FakeGetMcp, id: impl std::fmt::Display) -> Reply {
    send(
        http()
            .get(gm_url(fake, id))
            .bearer_auth(FakeGetMcp::API_KEY),
    )
    .await
}

async fn gm_patch(fake: &FakeGetMcp, id: impl std::fmt::Display, body: Value) -> Reply {
    send(
        http()
            .patch(gm_url(fake, id))
            .bearer_auth(FakeGetMcp::API_KEY)
            .json(&body),
    )
    .await
}

fn wp_error(code: &str, message: &str, status: u16) -> Value {
    json!({"code": code, "message": message, "data": {"status": status}})
}

/// The object `seed_server` stores, for a fake whose clock has ticked `tick` times.
fn seeded(
    fake: &FakeGetMcp,
    id: u64,
    uuid: uuid::Uuid,
    name: &str,
    slug: &str,
    tick: u32,
) -> Value {
    let at = format!("2025-01-01T00:00:{tick:02}Z");
    json!({
        "id": id,
        "uuid": uuid.to_string(),
        "user_id": 1,
        "name": name,
        "slug": slug,
        "server_id": fake.server(id).unwrap()["server_id"],
        "status": "active",
        "transport_type": "streamable-http",
        "auth_type": "none",
        "auth_config": null,
        "outbound_auth_type": "none",
        "outbound_auth_config": null,
        "cors_origins": null,
        "rate_limit_per_min": 60,
        "settings": {},
        "endpoint_url": format!("{}/mcp/{slug}", fake.uri()),
        "api_auth_pending": false,
        "tool_count": 0,
        "prompt_count": 0,
        "resource_count": 0,
        "created_at": at,
        "updated_at": at,
    })
}

#[tokio::test]
async fn getmcp_numeric_and_uuid_ids_of_any_case_resolve() {
    let fake = FakeGetMcp::start().await;
    let (id, uuid) = fake.seed_server("GitHub Tools");
    let expected = seeded(&fake, id, uuid, "GitHub Tools", "github-tools", 1);
    let server_id = expected["server_id"].as_str().unwrap();
    assert_eq!(server_id.len(), 16);
    assert!(server_id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(uuid.get_version_num(), 4);
    for reference in [
        id.to_string(),
        uuid.to_string(),
        uuid.to_string().to_uppercase(),
    ] {
        let reply = gm_get(&fake, &reference).await;
        assert_eq!(reply.status, 200, "{reference}");
        assert_eq!(reply.content_type, GM_JSON);
        assert_eq!(reply.json(), expected, "{reference}");
    }
    assert_eq!(fake.server(id), Some(expected.clone()));
    assert_eq!(fake.server(uuid), Some(expected));
}

#[tokio::test]
async fn getmcp_routes_that_do_not_match_are_rest_no_route() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let no_route = wp_error(
        "rest_no_route",
        "No route was found matching the URL and request method.",
        404,
    );
    for req in [
        http().get(gm_url(&fake, "abc")),
        http().get(gm_url(&fake, "836995ae1cff41ec823ea4f07ccca3a0")),
        http().get(gm_url(&fake, "../admin")),
        http().put(gm_url(&fake, id)).json(&json!({"name": "x"})),
        http().post(gm_url(&fake, id)).json(&json!({"name": "x"})),
        http().post(format!("{}/toggle", gm_url(&fake, id))),
        http().get(format!("{}/keys", gm_url(&fake, id))),
        // Resources and prompts are found by numeric id only.
        http().get(format!(
            "{}/resources/836995ae-1cff-41ec-823e-a4f07ccca3a0",
            gm_url(&fake, id)
        )),
    ] {
        let reply = send(req.bearer_auth(FakeGetMcp::API_KEY)).await;
        assert_eq!(reply.status, 404);
        assert_eq!(reply.content_type, GM_JSON);
        assert_eq!(reply.json(), no_route);
    }
    assert_eq!(fake.server(id).unwrap()["name"], "Docs");
}

#[tokio::test]
async fn getmcp_unknown_servers_are_getmcp_not_found() {
    let fake = FakeGetMcp::start().await;
    let not_found = wp_error("getmcp_not_found", "Server not found.", 404);
    for id in [
        "7".to_owned(),
        "836995ae-1cff-41ec-823e-a4f07ccca3a0".to_owned(),
        "99999999999999999999999".to_owned(),
    ] {
        let get = gm_get(&fake, &id).await;
        assert_eq!((get.status, get.json()), (404, not_found.clone()), "{id}");
        let patch = gm_patch(&fake, &id, json!({"name": "x"})).await;
        assert_eq!(
            (patch.status, patch.json()),
            (404, not_found.clone()),
            "{id}"
        );
    }
}

#[tokio::test]
async fn getmcp_only_the_keys_present_change() {
    let fake = FakeGetMcp::start().await;
    let (id, uuid) = fake.insert_server(json!({
        "name": "GitHub Tools",
        "slug": "github-tools",
        "status": "active",
        "auth_type": "bearer",
        "cors_origins": "https://a.example",
        "rate_limit_per_min": 60,
        "settings": {"description": "Old", "theme": "dark"},
        "endpoint_url": "https://yoursite.com/mcp/github-tools",
        "updated_at": "2025-03-18T11:30:00Z",
    }));
    let before = fake.server(id).unwrap();

    let reply = gm_patch(
        &fake,
        uuid,
        json!({"description": "Updated tools for GitHub"}),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.content_type, GM_JSON);
    let mut expected = before.clone();
    expected["settings"] = json!({"description": "Updated tools for GitHub", "theme": "dark"});
    expected["updated_at"] = json!("2025-01-01T00:00:01Z");
    assert_eq!(reply.json(), expected);

    let reply = gm_patch(
        &fake,
        id,
        json!({"status": "paused", "auth_type": "api-key", "cors_origins": "", "rate_limit_per_min": -1}),
    )
    .await;
    expected["status"] = json!("paused");
    expected["auth_type"] = json!("api-key");
    expected["auth_config"] = json!("[]");
    expected["cors_origins"] = json!("");
    expected["rate_limit_per_min"] = json!(-1);
    expected["updated_at"] = json!("2025-01-01T00:00:02Z");
    assert_eq!(reply.json(), expected);
    assert_eq!(fake.server(id), Some(expected));
}

#[tokio::test]
async fn getmcp_description_turns_php_empty_settings_into_an_object() {
    let fake = FakeGetMcp::start().await;
    let (a, _) = fake.insert_server(json!({"name": "A", "settings": []}));
    let (b, _) = fake.insert_server(json!({"name": "B", "settings": null}));
    let (c, _) = fake.insert_server(json!({"name": "C"}));
    for id in [a, b, c] {
        let reply = gm_patch(&fake, id, json!({"description": "Text"})).await;
        assert_eq!(reply.json()["settings"], json!({"description": "Text"}));
    }
}

#[tokio::test]
async fn getmcp_a_name_rederives_slug_and_endpoint_even_when_unchanged() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({
        "name": "GitHub Tools v2",
        "slug": "github-tools",
        "endpoint_url": "https://yoursite.com/mcp/github-tools",
    }));
    // The plugin re-derives the slug whenever a name is sent, the same one included.
    let same = gm_patch(&fake, id, json!({"name": "GitHub Tools v2"}))
        .await
        .json();
    assert_eq!(same["slug"], "github-tools-v2");
    assert_eq!(
        same["endpoint_url"],
        format!("{}/mcp/github-tools-v2", fake.uri())
    );

    let renamed = gm_patch(&fake, id, json!({"name": "  My   *New* Server!  "}))
        .await
        .json();
    assert_eq!(renamed["name"], "My *New* Server!");
    assert_eq!(renamed["slug"], "my-new-server");
    assert_eq!(
        renamed["endpoint_url"],
        format!("{}/mcp/my-new-server", fake.uri())
    );
}

#[tokio::test]
async fn getmcp_html_tags_are_stripped_from_name_and_description() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let reply = gm_patch(
        &fake,
        id,
        json!({
            "name": "<b>Bold</b>  <script>x()</script>Tools",
            "description": "<b>Bold</b> desc\n<i>second</i> line",
        }),
    )
    .await;
    assert_eq!(reply.status, 200);
    let server = reply.json();
    assert_eq!(server["name"], "Bold Tools");
    assert_eq!(server["slug"], "bold-tools");
    assert_eq!(server["settings"]["description"], "Bold desc\nsecond line");
    assert_eq!(fake.server(id), Some(server));
}

#[tokio::test]
async fn getmcp_slugs_follow_sanitize_title_and_stay_unique() {
    let fake = FakeGetMcp::start().await;
    let (first, _) = fake.seed_server("Café Tools_v3.0");
    let (second, _) = fake.seed_server("Docs");
    let (third, _) = fake.seed_server("Other");
    assert_eq!(fake.server(first).unwrap()["slug"], "cafe-tools_v3-0");
    for (id, name, slug) in [
        (second, "Café Tools_v3.0", "cafe-tools_v3-0-1"),
        (third, "Cafe Tools v3.0", "cafe-tools-v3-0"),
        (third, "cafe tools_v3-0", "cafe-tools_v3-0-2"),
        (third, "日本語", "%e6%97%a5%e6%9c%ac%e8%aa%9e"),
        (third, "Œuvre – “Straße”", "oeuvre-strase"),
    ] {
        let server = gm_patch(&fake, id, json!({"name": name})).await.json();
        assert_eq!(server["name"], name);
        assert_eq!(server["slug"], slug, "{name}");
        assert_eq!(
            server["endpoint_url"],
            format!("{}/mcp/{slug}", fake.uri()),
            "{name}"
        );
    }
    // Nothing left to make a slug from: a `server-` token.
    let empty = gm_patch(&fake, third, json!({"name": "<b></b>"}))
        .await
        .json();
    assert_eq!(empty["name"], "");
    let slug = empty["slug"].as_str().unwrap();
    assert!(slug.len() == 15 && slug.starts_with("server-"), "{slug}");
}

#[tokio::test]
async fn getmcp_a_rate_limit_beyond_the_column_is_clamped() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    for (sent, stored) in [
        (json!(2_147_483_648_i64), 2_147_483_647_i64),
        (json!(9_007_199_254_740_993_u64), 2_147_483_647),
        (json!(2_147_483_647), 2_147_483_647),
    ] {
        let reply = gm_patch(&fake, id, json!({"rate_limit_per_min": sent})).await;
        assert_eq!(reply.status, 200, "{sent}");
        assert_eq!(reply.json()["rate_limit_per_min"], stored, "{sent}");
    }
}

/// The server's `GET …/credentials` answer.
async fn gm_credentials(fake: &FakeGetMcp, id: impl std::fmt::Display) -> Value {
    let reply = send(
        http()
            .get(format!("{}/credentials", gm_url(fake, id)))
            .bearer_auth(FakeGetMcp::API_KEY),
    )
    .await;
    assert_eq!(reply.status, 200);
    reply.json()
}

#[tokio::test]
async fn getmcp_credentials_are_stored_hidden_and_only_clear_credentials_clears_them() {
    let fake = FakeGetMcp::start().await;
    let (id, _) =
        fake.insert_server(json!({"name": "Docs", "auth_type": "bearer", "auth_config": "[]"}));
    let reply = gm_patch(
        &fake,
        id,
        json!({"test_auth_credentials": "{\"token\":\"secret-token\"}"}),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert!(!reply.text.contains("secret-token"));
    assert!(reply.json().get("test_auth_credentials").is_none());
    assert_eq!(
        fake.test_credentials(id),
        Some(json!({"token": "secret-token"}))
    );
    // Sent as an object, they are stored too.
    gm_patch(
        &fake,
        id,
        json!({"test_auth_credentials": {"token": "object-token"}}),
    )
    .await;
    assert_eq!(
        fake.test_credentials(id),
        Some(json!({"token": "object-token"}))
    );
    let before = fake.server(id);

    // "" (and any other empty value) keeps them, and changes nothing else.
    for empty in [json!(""), json!("0"), json!({}), json!([])] {
        let reply = gm_patch(&fake, id, json!({"test_auth_credentials": empty})).await;
        assert_eq!(reply.status, 200, "{empty}");
        assert_eq!(
            fake.test_credentials(id),
            Some(json!({"token": "object-token"})),
            "{empty}"
        );
        assert_eq!(fake.server(id), before, "{empty}");
    }
    // Only the undeclared clear list clears them, with or without the "".
    gm_patch(
        &fake,
        id,
        json!({"clear_credentials": ["test_auth_credentials"]}),
    )
    .await;
    assert_eq!(fake.test_credentials(id), None);
    gm_patch(
        &fake,
        id,
        json!({"test_auth_credentials": "{\"token\":\"t\"}"}),
    )
    .await;
    let both = json!({"test_auth_credentials": "", "clear_credentials": ["test_auth_credentials"]});
    assert_eq!(gm_patch(&fake, id, both).await.status, 200);
    assert_eq!(fake.test_credentials(id), None);
    assert!(
        !gm_credentials(&fake, id).await["has_test_auth_credentials"]
            .as_bool()
            .unwrap()
    );
}

#[tokio::test]
async fn getmcp_a_bad_clear_list_is_authentication_invalid() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({
        "name": "Docs",
        "auth_type": "bearer",
        "test_auth_credentials": "{\"token\":\"t\"}",
    }));
    let before = fake.server(id);
    for bad in [
        json!("test_auth_credentials"),
        json!(["token"]),
        json!([1]),
        json!(true),
    ] {
        let reply = gm_patch(
            &fake,
            id,
            json!({"name": "Changed", "clear_credentials": bad}),
        )
        .await;
        assert_eq!(
            (reply.status, reply.json()),
            (
                400,
                wp_error(
                    "authentication_invalid",
                    "Invalid authentication update.",
                    400
                )
            ),
            "{bad}"
        );
    }
    assert_eq!(fake.server(id), before);
    assert_eq!(fake.test_credentials(id), Some(json!({"token": "t"})));
}

#[tokio::test]
async fn getmcp_test_credentials_sent_with_a_type_change_are_dropped() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({
        "name": "Docs",
        "auth_type": "basic",
        "test_auth_credentials": {"username": "u", "password": "p"},
    }));
    let creds = json!({"auth_type": "bearer", "test_auth_credentials": "{\"token\":\"new\"}"});
    let reply = gm_patch(&fake, id, creds).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["auth_type"], "bearer");
    // Dropped, and the stored ones wiped with the change.
    assert_eq!(fake.test_credentials(id), None);
    // Sent again once the type is set, they are stored.
    gm_patch(
        &fake,
        id,
        json!({"test_auth_credentials": "{\"token\":\"new\"}"}),
    )
    .await;
    assert_eq!(fake.test_credentials(id), Some(json!({"token": "new"})));
    // The same type sent again is no change: they stay.
    gm_patch(
        &fake,
        id,
        json!({"auth_type": "bearer", "test_auth_credentials": "{\"token\":\"newer\"}"}),
    )
    .await;
    assert_eq!(fake.test_credentials(id), Some(json!({"token": "newer"})));
    // Credentials of the wrong shape sent with a type change are dropped unchecked.
    let reply = gm_patch(
        &fake,
        id,
        json!({"auth_type": "api-key", "test_auth_credentials": "{}"}),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(fake.test_credentials(id), None);
}

#[tokio::test]
async fn getmcp_test_credentials_are_dropped_while_the_type_is_none_or_oauth() {
    let fake = FakeGetMcp::start().await;
    for auth_type in ["none", "oauth"] {
        let (id, _) = fake.insert_server(json!({"name": auth_type, "auth_type": auth_type}));
        let before = fake.server(id);
        for creds in [json!("{\"token\":\"t\"}"), json!("not even json")] {
            let reply = gm_patch(&fake, id, json!({"test_auth_credentials": creds})).await;
            assert_eq!(
                (reply.status, reply.json()),
                (200, before.clone().unwrap()),
                "{auth_type}"
            );
            assert_eq!(fake.test_credentials(id), None, "{auth_type}");
        }
    }
    // Switching to `none` wipes them, and the inbound credentials too.
    let (id, _) = fake.insert_server(json!({
        "name": "Keyed",
        "auth_type": "bearer",
        "auth_credentials": {"token": "inbound"},
        "test_auth_credentials": {"token": "test"},
    }));
    let status = gm_credentials(&fake, id).await;
    assert_eq!(
        (
            &status["has_auth_credentials"],
            &status["has_test_auth_credentials"]
        ),
        (&json!(true), &json!(true))
    );
    let none = gm_patch(&fake, id, json!({"auth_type": "none"}))
        .await
        .json();
    assert_eq!(none["auth_type"], "none");
    let status = gm_credentials(&fake, id).await;
    assert_eq!(
        (
            &status["has_auth_credentials"],
            &status["has_test_auth_credentials"]
        ),
        (&json!(false), &json!(false))
    );
}

#[tokio::test]
async fn getmcp_credentials_must_have_the_fields_of_the_auth_type() {
    let fake = FakeGetMcp::start().await;
    let invalid = |message: &str| wp_error("getmcp_invalid_credentials", message, 400);
    let not_object = invalid("auth_credentials must be a valid JSON object.");
    let cases = [
        ("bearer", json!("not json"), not_object.clone()),
        ("bearer", json!("\"token\""), not_object.clone()),
        ("bearer", json!("42"), not_object.clone()),
        ("bearer", json!("{\"token\":"), not_object.clone()),
        (
            "bearer",
            json!("{\"tok\":\"x\"}"),
            invalid("auth_credentials for auth_type \"bearer\" must include: token."),
        ),
        (
            "bearer",
            json!("[1,2]"),
            invalid("auth_credentials for auth_type \"bearer\" must include: token."),
        ),
        (
            "bearer",
            json!({"token": ""}),
            invalid("auth_credentials for auth_type \"bearer\" must include: token."),
        ),
        (
            "api-key",
            json!("{\"value\":\"v\"}"),
            invalid("auth_credentials for auth_type \"api-key\" must include: name, location."),
        ),
        (
            "api-key",
            json!({"name": "X-Key", "value": "v", "location": "cookie"}),
            invalid("auth_credentials.location must be \"header\" or \"query\" for api-key auth."),
        ),
        (
            "basic",
            json!({"username": "u", "password": "0"}),
            invalid("auth_credentials for auth_type \"basic\" must include: password."),
        ),
    ];
    for (auth_type, creds, expected) in cases {
        let (id, _) = fake.insert_server(json!({"name": "Docs", "auth_type": auth_type}));
        let before = fake.server(id);
        let reply = gm_patch(
            &fake,
            id,
            json!({"name": "Changed", "test_auth_credentials": creds}),
        )
        .await;
        assert_eq!(
            (reply.status, reply.json()),
            (400, expected),
            "{auth_type} {creds}"
        );
        assert_eq!(fake.server(id), before);
        assert_eq!(fake.test_credentials(id), None);
    }
    for (auth_type, creds, stored) in [
        (
            "api-key",
            json!({"name": "X-Key", "value": "v", "location": "query"}),
            json!({"name": "X-Key", "value": "v", "location": "query"}),
        ),
        (
            "basic",
            json!("{\"username\":\"u\",\"password\":\"p\",\"extra\":1}"),
            json!({"username": "u", "password": "p", "extra": 1}),
        ),
    ] {
        let (id, _) = fake.insert_server(json!({"name": "Docs", "auth_type": auth_type}));
        assert_eq!(
            gm_patch(&fake, id, json!({"test_auth_credentials": creds}))
                .await
                .status,
            200
        );
        assert_eq!(fake.test_credentials(id), Some(stored));
    }
    // Neither a string nor an object: WordPress's type check.
    let (id, _) = fake.insert_server(json!({"name": "Docs", "auth_type": "bearer"}));
    let reply = gm_patch(&fake, id, json!({"test_auth_credentials": 5})).await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json()["data"]["params"],
        json!({"test_auth_credentials": "test_auth_credentials is not of type string,object."})
    );
}

#[tokio::test]
async fn getmcp_any_auth_type_change_sets_auth_config_to_an_empty_php_array() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({
        "name": "Docs",
        "auth_type": "oauth",
        "auth_config": "{\"provider\":\"external\",\"client_id\":\"abc\"}",
    }));
    // The same type: no change.
    let same = gm_patch(&fake, id, json!({"auth_type": "oauth"}))
        .await
        .json();
    assert_eq!(
        same["auth_config"],
        "{\"provider\":\"external\",\"client_id\":\"abc\"}"
    );
    for auth_type in ["bearer", "none", "api-key"] {
        let server = gm_patch(&fake, id, json!({"auth_type": auth_type}))
            .await
            .json();
        assert_eq!(server["auth_type"], auth_type);
        assert_eq!(server["auth_config"], "[]", "{auth_type}");
    }
}

#[tokio::test]
async fn getmcp_the_credentials_route_reports_flags_never_credentials() {
    let fake = FakeGetMcp::start().await;
    let (id, uuid) = fake.insert_server(json!({
        "name": "Docs",
        "auth_type": "bearer",
        "auth_config": "{\"header\":\"X-Token\",\"client_secret\":\"cs\"}",
        "outbound_auth_type": "basic",
        "outbound_auth_config": null,
        "outbound_auth_credentials": "{\"username\":\"u\",\"password\":\"OUT-SECRET\"}",
    }));
    let before = gm_credentials(&fake, uuid).await;
    let revision = before["authentication_revision"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(revision.len() == 64 && revision.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(
        before,
        json!({
            "auth_type": "bearer",
            "auth_config": {"header": "X-Token"},
            "outbound_auth_type": "basic",
            "outbound_auth_config": [],
            "test_auth_type": "bearer",
            "authentication_revision": revision,
            "auth_credentials": null,
            "has_auth_credentials": false,
            "test_auth_credentials": null,
            "has_test_auth_credentials": false,
            "outbound_auth_credentials": null,
            "has_outbound_auth_credentials": true,
        })
    );
    gm_patch(
        &fake,
        id,
        json!({"test_auth_credentials": "{\"token\":\"TEST-SECRET\"}"}),
    )
    .await;
    let after = gm_credentials(&fake, id).await;
    assert_eq!(after["has_test_auth_credentials"], true);
    assert_ne!(after["authentication_revision"], json!(revision));
    assert!(!after.to_string().contains("SECRET"));
    // A stale revision is refused; the current one goes through.
    let stale = gm_patch(
        &fake,
        id,
        json!({"status": "paused", "authentication_revision": revision}),
    )
    .await;
    assert_eq!(
        (stale.status, stale.json()),
        (
            409,
            wp_error(
                "authentication_conflict",
                "Authentication changed. Reload before saving.",
                409
            )
        )
    );
    let current = gm_patch(
        &fake,
        id,
        json!({"status": "paused", "authentication_revision": after["authentication_revision"]}),
    )
    .await;
    assert_eq!(current.json()["status"], "paused");

    // The route's own errors.
    let unknown = send(
        http()
            .get(format!("{}/credentials", gm_url(&fake, 99)))
            .bearer_auth(FakeGetMcp::API_KEY),
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.json()),
        (404, wp_error("getmcp_not_found", "Server not found.", 404))
    );
    let keyless = send(http().get(format!("{}/credentials", gm_url(&fake, id)))).await;
    assert_eq!(
        (keyless.status, keyless.json()),
        (
            403,
            wp_error(
                "rest_forbidden",
                "You do not have permission to update this server.",
                403
            )
        )
    );
    let patch = send(
        http()
            .patch(format!("{}/credentials", gm_url(&fake, id)))
            .bearer_auth(FakeGetMcp::API_KEY)
            .json(&json!({})),
    )
    .await;
    assert_eq!(patch.json()["code"], "rest_no_route");
}

#[tokio::test]
async fn getmcp_answers_on_a_route_carry_its_allow_header_for_a_good_key() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let server = gm_url(&fake, id);
    let credentials = format!("{server}/credentials");
    let keyed = |req: reqwest::RequestBuilder| req.bearer_auth(FakeGetMcp::API_KEY);
    for (req, status, allow) in [
        (keyed(http().get(&server)), 200, Some("GET, PATCH, DELETE")),
        (
            keyed(http().patch(&server).json(&json!({"name": "x"}))),
            200,
            Some("GET, PATCH, DELETE"),
        ),
        (
            keyed(http().patch(&server).json(&json!({"status": "bogus"}))),
            400,
            Some("GET, PATCH, DELETE"),
        ),
        (
            keyed(http().get(gm_url(&fake, 99))),
            404,
            Some("GET, PATCH, DELETE"),
        ),
        (keyed(http().get(&credentials)), 200, Some("GET")),
        (http().get(&server), 403, None),
        (http().get(&credentials), 403, None),
        (keyed(http().get(gm_url(&fake, "abc"))), 404, None),
        (keyed(http().put(&server)), 404, None),
    ] {
        let reply = send(req).await;
        assert_eq!((reply.status, reply.allow.as_deref()), (status, allow));
    }
}

#[tokio::test]
async fn getmcp_invalid_arguments_are_reported_together_before_the_key_is_checked() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let before = fake.server(id);
    let body = json!({
        "rate_limit_per_min": -5,
        "auth_type": "token",
        "status": "ACTIVE",
        "name": 5,
        "description": null,
        "unknown": "ignored",
    });
    let expected = json!({
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): name, status, auth_type, rate_limit_per_min",
        "data": {
            "status": 400,
            "params": {
                "name": "name is not of type string.",
                "status": "status is not one of active, paused, and draft.",
                "auth_type": "auth_type is not one of none, bearer, api-key, basic, and oauth.",
                "rate_limit_per_min": "rate_limit_per_min must be greater than or equal to -1",
            },
            "details": {
                "name": {"code": "rest_invalid_type", "message": "name is not of type string.", "data": {"param": "name"}},
                "status": {"code": "rest_not_in_enum", "message": "status is not one of active, paused, and draft.", "data": null},
                "auth_type": {"code": "rest_not_in_enum", "message": "auth_type is not one of none, bearer, api-key, basic, and oauth.", "data": null},
                "rate_limit_per_min": {"code": "rest_out_of_bounds", "message": "rate_limit_per_min must be greater than or equal to -1", "data": null},
            },
        },
    });
    for req in [
        http()
            .patch(gm_url(&fake, id))
            .bearer_auth(FakeGetMcp::API_KEY),
        http().patch(gm_url(&fake, id)),
        http().patch(gm_url(&fake, id)).bearer_auth("wrong"),
    ] {
        let reply = send(req.json(&body)).await;
        assert_eq!(reply.status, 400);
        assert_eq!(reply.content_type, GM_JSON);
        assert_eq!(reply.json(), expected);
    }
    assert_eq!(fake.server(id), before);
}

#[tokio::test]
async fn getmcp_rate_limit_types_follow_wordpress() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let not_integer = |detail_data: Value| {
        json!({
            "code": "rest_invalid_param",
            "message": "Invalid parameter(s): rate_limit_per_min",
            "data": {
                "status": 400,
                "params": {"rate_limit_per_min": "rate_limit_per_min is not of type integer."},
                "details": {"rate_limit_per_min": {
                    "code": "rest_invalid_type",
                    "message": "rate_limit_per_min is not of type integer.",
                    "data": detail_data,
                }},
            },
        })
    };
    for bad in [json!("abc"), json!(1.5), json!(true), json!([1]), json!("")] {
        let reply = gm_patch(&fake, id, json!({"rate_limit_per_min": bad})).await;
        assert_eq!(reply.status, 400, "{bad}");
        assert_eq!(
            reply.json(),
            not_integer(json!({"param": "rate_limit_per_min"})),
            "{bad}"
        );
    }
    for (good, stored) in [
        (json!("120"), 120),
        (json!(30.0), 30),
        (json!(" 7 "), 7),
        (json!(0), 0),
        (json!(-1), -1),
    ] {
        let reply = gm_patch(&fake, id, json!({"rate_limit_per_min": good})).await;
        assert_eq!(reply.status, 200, "{good}");
        assert_eq!(reply.json()["rate_limit_per_min"], stored, "{good}");
    }
}

#[tokio::test]
async fn getmcp_malformed_json_is_rest_invalid_json() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let before = fake.server(id);
    let reply = send(
        http()
            .patch(gm_url(&fake, id))
            .header("content-type", "application/json")
            .body("{\"name\": "),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json(),
        json!({
            "code": "rest_invalid_json",
            "message": "Invalid JSON body passed.",
            "data": {"status": 400, "json_error_code": 4, "json_error_message": "Syntax error"},
        })
    );
    assert_eq!(fake.server(id), before);
}

#[tokio::test]
async fn getmcp_a_body_without_json_content_type_is_ignored() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let before = fake.server(id).unwrap();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let mut req = http()
            .patch(gm_url(&fake, id))
            .bearer_auth(FakeGetMcp::API_KEY)
            .body(r#"{"name": "Changed", "status": "bogus"}"#);
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        let reply = send(req).await;
        assert_eq!(reply.status, 200, "{content_type:?}");
        assert_eq!(reply.json(), before, "{content_type:?}");
    }
    // Any JSON media type counts, and an empty or non-object body changes nothing.
    let vendor = send(
        http()
            .patch(gm_url(&fake, id))
            .bearer_auth(FakeGetMcp::API_KEY)
            .header(
                "content-type",
                "application/merge-patch+json; charset=utf-8",
            )
            .body(r#"{"name": "Changed"}"#),
    )
    .await;
    assert_eq!(vendor.json()["name"], "Changed");
    let changed = fake.server(id).unwrap();
    for body in ["", "[]", "null", "{}"] {
        let reply = send(
            http()
                .patch(gm_url(&fake, id))
                .bearer_auth(FakeGetMcp::API_KEY)
                .header("content-type", "application/json")
                .body(body),
        )
        .await;
        assert_eq!(
            (reply.status, reply.json()),
            (200, changed.clone()),
            "{body:?}"
        );
    }
}

#[tokio::test]
async fn getmcp_a_wrong_or_missing_key_is_rest_forbidden() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let update = wp_error(
        "rest_forbidden",
        "You do not have permission to update this server.",
        403,
    );
    for req in [
        http().patch(gm_url(&fake, id)),
        http()
            .patch(gm_url(&fake, id))
            .bearer_auth("gmcp_ffffffffffffffffffffffffffffffff"),
        http()
            .patch(gm_url(&fake, id))
            .header("authorization", FakeGetMcp::API_KEY),
    ] {
        let reply = send(req.json(&json!({"name": "Changed"}))).await;
        assert_eq!((reply.status, reply.json()), (403, update.clone()));
    }
    let get = send(http().get(gm_url(&fake, id))).await;
    assert_eq!(get.status, 403);
    assert_eq!(get.json()["code"], "rest_forbidden");
    assert_eq!(fake.server(id).unwrap()["name"], "Docs");

    let custom = FakeGetMcp::with_api_key("0123456789abcdef0123456789abcdef").await;
    let (id, _) = custom.seed_server("Docs");
    let reply = send(
        http()
            .get(gm_url(&custom, id))
            .bearer_auth(custom.api_key()),
    )
    .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn getmcp_method_override_is_handled_as_the_patch() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let header = send(
        http()
            .post(gm_url(&fake, id))
            .bearer_auth(FakeGetMcp::API_KEY)
            .header("X-HTTP-Method-Override", "PATCH")
            .json(&json!({"description": "Via header"})),
    )
    .await;
    assert_eq!(header.status, 200);
    assert_eq!(header.json()["settings"]["description"], "Via header");
    let query = send(
        http()
            .post(format!("{}?_method=patch", gm_url(&fake, id)))
            .bearer_auth(FakeGetMcp::API_KEY)
            .json(&json!({"description": "Via query"})),
    )
    .await;
    assert_eq!(query.status, 200);
    assert_eq!(
        fake.server(id).unwrap()["settings"]["description"],
        "Via query"
    );
}

#[tokio::test]
async fn getmcp_faults_answer_first_and_leave_state_alone() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let before = fake.server(id);
    fake.inject(Fault::RateLimited { retry_after: 3 }, 1);
    fake.inject(Fault::HtmlPage, 1);
    fake.inject(Fault::Unavailable, 1);

    let limited = gm_patch(&fake, id, json!({"name": "Changed"})).await;
    assert_eq!(
        (limited.status, limited.text.as_str()),
        (429, "Too Many Requests")
    );
    assert_eq!(limited.retry_after.as_deref(), Some("3"));
    let html = gm_patch(&fake, id, json!({"name": "Changed"})).await;
    assert_eq!(html.status, 500);
    assert_eq!(html.content_type, "text/html; charset=UTF-8");
    assert!(html.text.contains("critical error"));
    // Faults come after the key, before the route and validation; a request without
    // the key uses none.
    let stranger = send(
        http()
            .patch(gm_url(&fake, "abc"))
            .json(&json!({"status": 1})),
    )
    .await;
    assert_ne!(stranger.status, 503);
    let unavailable = send(
        http()
            .patch(gm_url(&fake, "abc"))
            .bearer_auth(FakeGetMcp::API_KEY)
            .json(&json!({"status": 1})),
    )
    .await;
    assert_eq!(unavailable.status, 503);
    assert_eq!(fake.server(id), before);

    assert_eq!(
        gm_patch(&fake, id, json!({"name": "Changed"})).await.status,
        200
    );
    assert_eq!(fake.requests().await.len(), 5);
}

#[tokio::test]
async fn getmcp_a_delayed_request_is_served_late_and_applied() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    fake.inject(Fault::Delay(Duration::from_millis(150)), 1);
    let start = Instant::now();
    let reply = gm_patch(&fake, id, json!({"name": "Slow"})).await;
    assert!(start.elapsed() >= Duration::from_millis(150));
    assert_eq!(reply.json()["name"], "Slow");
}

#[tokio::test]
async fn getmcp_unavailable_for_and_internal_error() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let before = fake.server(id);
    fake.inject(Fault::UnavailableFor { retry_after: 120 }, 1);
    fake.inject(
        Fault::InternalError {
            reason: "database is locked".into(),
        },
        1,
    );

    let unavailable = gm_patch(&fake, id, json!({"name": "Changed"})).await;
    assert_eq!(
        (unavailable.status, unavailable.text.as_str()),
        (503, "Service Unavailable")
    );
    assert_eq!(unavailable.content_type, "text/plain; charset=utf-8");
    assert_eq!(unavailable.retry_after.as_deref(), Some("120"));

    let fatal = gm_patch(&fake, id, json!({"name": "Changed"})).await;
    assert_eq!((fatal.status, fatal.content_type.as_str()), (500, GM_JSON));
    assert_eq!(
        fatal.json(),
        json!({
            "code": "internal_server_error",
            "message": "<p>There has been a critical error on this website.</p><p><a href=\"https://wordpress.org/documentation/article/faq-troubleshooting/\">Learn more about troubleshooting WordPress.</a></p>",
            "data": {"status": 500},
            "additional_errors": [],
        })
    );
    assert_eq!(fake.server(id), before);
}

#[tokio::test]
async fn getmcp_a_delayed_write_lands_after_the_delay_even_when_the_client_gave_up() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let delay = Duration::from_millis(1_000);
    fake.inject(Fault::Delay(delay), 1);
    let started = Instant::now();
    gives_up(
        http()
            .patch(gm_url(&fake, id))
            .bearer_auth(FakeGetMcp::API_KEY)
            .json(&json!({"status": "paused"})),
        Duration::from_millis(100),
    )
    .await;
    assert_eq!(fake.server(id).unwrap()["status"], "active");
    assert!(eventually(|| fake.server(id).unwrap()["status"] == "paused").await);
    assert!(started.elapsed() >= delay);
}

#[tokio::test]
async fn getmcp_write_hooks_queue_up_and_overridden_methods_are_writes() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    fake.before_next_write(move |fake| {
        fake.rename_server(id, "First");
    });
    fake.before_next_write(move |fake| {
        fake.rename_server(id, "Second");
        fake.inject(Fault::HtmlPage, 1);
    });
    // A GET does not take a hook; a POST dispatched as the PATCH does.
    assert_eq!(gm_get(&fake, id).await.json()["name"], "Docs");
    let first = send(
        http()
            .post(gm_url(&fake, id))
            .header("x-http-method-override", "PATCH")
            .bearer_auth(FakeGetMcp::API_KEY)
            .json(&json!({"description": "One"})),
    )
    .await;
    assert_eq!(
        (
            &first.json()["name"],
            &first.json()["settings"]["description"]
        ),
        (&json!("First"), &json!("One"))
    );
    let second = gm_patch(&fake, id, json!({"status": "paused"}))
        .await
        .json();
    assert_eq!(
        (&second["name"], &second["slug"], &second["status"]),
        (&json!("Second"), &json!("second"), &json!("paused"))
    );
    // What the hook queued answers next.
    assert_eq!(gm_get(&fake, id).await.status, 500);
}

#[tokio::test]
async fn getmcp_rename_server_rederives_the_slug_and_moves_updated_at() {
    let fake = FakeGetMcp::start().await;
    let (id, uuid) = fake.seed_server("Docs");
    let after = fake.rename_server(uuid, "Docs v2");
    let mut expected = seeded(&fake, id, uuid, "Docs v2", "docs-v2", 1);
    expected["updated_at"] = json!("2025-01-01T00:00:02Z");
    assert_eq!(after, expected);
    assert_eq!(fake.server(id), Some(after));
}

#[tokio::test]
async fn getmcp_ids_and_uuids_are_deterministic() {
    let a = FakeGetMcp::start().await;
    let b = FakeGetMcp::start().await;
    let seeds_a = (a.seed_server("X"), a.seed_server("Y"));
    let seeds_b = (b.seed_server("X"), b.seed_server("Y"));
    assert_eq!(seeds_a, seeds_b);
    assert_eq!(seeds_a.0 .0, 1);
    assert_eq!(seeds_a.1 .0, 2);
    assert_ne!(seeds_a.0 .1, seeds_a.1 .1);
    // Inserted ids move the counter on.
    let (id, _) = a.insert_server(json!({"id": 10, "name": "Z"}));
    assert_eq!(id, 10);
    assert_eq!(a.seed_server("W").0, 11);
}

#[tokio::test]
#[should_panic(expected = "exists")]
async fn getmcp_a_duplicate_seed_panics() {
    let fake = FakeGetMcp::start().await;
    fake.insert_server(json!({"id": 1}));
    fake.insert_server(json!({"id": 1}));
}

// ---------------------------------------------------------------- Both

#[tokio::test]
async fn requests_are_recorded_as_sent_faulted_ones_included() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    fake.inject(Fault::HtmlPage, 1);
    let body = r#"{"name":"Renamed"}"#;
    let faulted = send(
        http()
            .post(format!("{}?_method=PATCH&note=a%20b", gm_url(&fake, id)))
            .bearer_auth(FakeGetMcp::API_KEY)
            .header("x-trace", "abc")
            .header("content-type", "application/json")
            .body(body),
    )
    .await;
    assert_eq!(faulted.status, 500);
    send(http().get(gm_url(&fake, id)).bearer_auth("wrong-key")).await;

    let requests = fake.requests().await;
    assert_eq!(requests.len(), 2);
    let post = &requests[0];
    assert_eq!(
        (
            post.method.as_str(),
            post.path.as_str(),
            post.query.as_deref()
        ),
        (
            "POST",
            format!("/wp-json/getmcp/v1/servers/{id}").as_str(),
            Some("_method=PATCH&note=a%20b")
        )
    );
    let bearer = format!("Bearer {}", FakeGetMcp::API_KEY);
    assert_eq!(post.header("Authorization"), Some(bearer.as_str()));
    assert_eq!(post.header("X-Trace"), Some("abc"));
    assert_eq!(post.body, body.as_bytes());
    assert_eq!(post.body_text(), Some(body));
    assert_eq!(post.body_json(), Some(json!({"name": "Renamed"})));
    let get = &requests[1];
    assert_eq!(
        (get.method.as_str(), get.query.as_deref(), get.body.len()),
        ("GET", None, 0)
    );
    assert_eq!(get.header("authorization"), Some("Bearer wrong-key"));
    assert_eq!(get.body_json(), None);

    let shown = format!("{post:?}");
    assert!(!shown.contains(FakeGetMcp::API_KEY), "{shown}");
    assert!(
        shown.contains(r#"("authorization", "[redacted]")"#),
        "{shown}"
    );
    assert!(shown.contains(r#"("x-trace", "abc")"#), "{shown}");
}

#[tokio::test]
async fn the_fakes_debug_shows_their_address_and_never_their_secret() {
    let hm = FakeHasMcp::with_token("hm-secret-token").await;
    let gm = FakeGetMcp::with_api_key("gm-secret-key").await;
    assert_eq!(
        format!("{hm:?}"),
        format!("FakeHasMcp {{ uri: {:?}, .. }}", hm.uri())
    );
    assert_eq!(
        format!("{gm:?}"),
        format!("FakeGetMcp {{ uri: {:?}, .. }}", gm.uri())
    );
    assert!(!format!("{hm:#?}").contains("hm-secret-token"));
    assert!(!format!("{gm:#?}").contains("gm-secret-key"));

    // Nor does the fake a write hook is lent.
    let lent = Arc::new(Mutex::new(String::new()));
    let shown = Arc::clone(&lent);
    hm.before_next_write(move |fake| {
        *shown.lock().unwrap() = format!("{fake:?}");
    });
    send(
        http()
            .patch(format!("{}/api/v1/servers/1", hm.uri()))
            .bearer_auth("hm-secret-token"),
    )
    .await;
    assert_eq!(
        *lent.lock().unwrap(),
        format!("FakeHasMcp {{ uri: {:?}, .. }}", hm.uri())
    );
}

#[tokio::test]
async fn a_hook_that_panics_answers_its_request_with_a_500_and_the_fake_goes_on() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    fake.before_next_write(|_| panic!("a failed assertion in a hook"));
    let body = json!({"server": {"name": "Mine", "version": 1}});
    let reply = hm_patch_json(&fake, &id, body.clone()).await;
    assert_eq!(
        (reply.status, reply.text.as_str()),
        (500, "the fake panicked while serving this request")
    );
    assert_eq!(fake.server(&id).unwrap()["name"], "Docs");
    assert_eq!(hm_patch_json(&fake, &id, body).await.status, 200);
    assert_eq!(fake.server(&id).unwrap()["name"], "Mine");
}

/// G5a: Go's decoder reads invalid UTF-8 and lone surrogates as U+FFFD, and `-0` as
/// the integer 0, where a strict parser refuses the body.
#[tokio::test]
async fn hasmcp_decodes_bodies_as_leniently_as_go() {
    let fake = FakeHasMcp::start().await;
    let mut body = br#"{"server": {"name": "Docs", "instructions": "a"#.to_vec();
    body.push(0xff);
    body.extend_from_slice(br#"b \ud800"}}"#);
    let created = hm_raw(&fake, "POST", "/api/v1/servers", Some(&body)).await;
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(
        created.json()["server"]["instructions"],
        "a\u{fffd}b \u{fffd}"
    );
    let id = created.json()["server"]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    // `-0` is the version 0: decoded, then refused as the service refuses version 0.
    let zero = hm_patch(&fake, &id, r#"{"server": {"name": "Docs", "version": -0}}"#).await;
    assert_eq!(zero.status, 400, "{}", zero.text);
    assert_eq!(zero.json()["error"]["message"], "invalid server version");
}
