//! HasMCP client against wiremock: the exact PATCH bodies of the read–merge–write
//! update, the conflict paths, `send_exact()`, input checks made before any request,
//! both response flavours, error mapping and wire details.

mod seeds;

use std::time::Duration;

use chrono::{DateTime, Utc};
use mcp_admin::{
    hasmcp::{
        ApiType, Client, ClientBuilder, IdRef, OAuth2Config, Prompt, PromptId, Provider,
        ProviderId, ProviderRef, Resource, ResourceId, Server, ServerId, Tool, ToolHeader, ToolId,
        ToolMethod, UpdateServer, UpdateServerBody, UpdateServerFields, VisibilityType,
    },
    ConflictError, Error, Platform, RetryPolicy,
};
use serde_json::{json, Value};
use wiremock::{
    matchers::{any, method, path},
    Mock, MockServer, Request, Respond, ResponseTemplate,
};

const SERVER: &str = "kSuB9Gf6aD4";
const SERVER_PATH: &str = "/api/v1/servers/kSuB9Gf6aD4";
const PROVIDER: &str = "Prov0000001";
const PROVIDER_2: &str = "Prov0000002";
const TOOL_1: &str = "Tool0000001";
const TOOL_2: &str = "Tool0000002";
const TOOL_3: &str = "Tool0000003";
const RESOURCE_1: &str = "Rsrc0000001";
const RESOURCE_2: &str = "Rsrc0000002";
const RESOURCE_3: &str = "Rsrc0000003";
const PROMPT_1: &str = "Prmt0000001";
const PROMPT_2: &str = "Prmt0000002";
const INSTRUCTIONS: &str = "Use these tools for GitHub";

// ---------------------------------------------------------------- fixtures

/// The open-source edition's answer for a populated server at `version`.
fn open_source(version: i64) -> Value {
    json!({"server": {
        "id": SERVER,
        "createdAt": "2025-03-18T10:00:00Z",
        "updatedAt": "2025-03-18T11:00:00Z",
        "name": "GitHubTools",
        "instructions": INSTRUCTIONS,
        "requestHeadersProxyEnabled": true,
        "version": version,
        "providers": [{"id": PROVIDER, "tools": [
            {"id": TOOL_1, "providerID": "00000000000"},
            {"id": TOOL_2, "providerID": "00000000000"}
        ]}],
        "resources": [{"id": RESOURCE_1}, {"id": RESOURCE_2}],
        "prompts": [{"id": PROMPT_1}]
    }})
}

/// `open_source(version)` with one edit.
fn open_source_with(version: i64, edit: impl FnOnce(&mut Value)) -> Value {
    let mut v = open_source(version);
    edit(&mut v["server"]);
    v
}

fn hosted_seed() -> Value {
    seeds::hasmcp_update_response()
}

/// The whole PATCH body `send()` must produce from `open_source(7)` with no change.
fn full_body() -> Value {
    json!({"server": {
        "name": "GitHubTools",
        "instructions": INSTRUCTIONS,
        "version": 7,
        "requestHeadersProxyEnabled": true,
        "providers": [{"id": PROVIDER, "tools": [{"id": TOOL_1}, {"id": TOOL_2}]}],
        "resources": [{"id": RESOURCE_1}, {"id": RESOURCE_2}],
        "prompts": [{"id": PROMPT_1}]
    }})
}

/// `full_body()` with one edit of the inner server object.
fn full_body_with(edit: impl FnOnce(&mut Value)) -> Value {
    let mut v = full_body();
    edit(&mut v["server"]);
    v
}

// ---------------------------------------------------------------- harness

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .token("tok")
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

async fn mock_get(server: &MockServer, answer: Value, times: u64) {
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .expect(times)
        .mount(server)
        .await;
}

/// Answers a PATCH like the open-source server does on the current version: the
/// sent server back, with the id and version + 1.
struct Echo;

impl Respond for Echo {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let mut server = body["server"].clone();
        server["id"] = json!(SERVER);
        if let Some(v) = server["version"].as_i64() {
            server["version"] = json!(v + 1);
        }
        ResponseTemplate::new(200).set_body_json(json!({ "server": server }))
    }
}

async fn mock_patch_echo(server: &MockServer, times: u64) {
    Mock::given(method("PATCH"))
        .and(path(SERVER_PATH))
        .respond_with(Echo)
        .expect(times)
        .mount(server)
        .await;
}

async fn mock_patch_answer(server: &MockServer, answer: Value, times: u64) {
    Mock::given(method("PATCH"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .expect(times)
        .mount(server)
        .await;
}

/// Refuses (and counts) every request: for paths where nothing may be sent.
async fn mock_nothing_sent(server: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .named("no request at all")
        .mount(server)
        .await;
}

async fn requests(server: &MockServer, verb: &str) -> Vec<Request> {
    server
        .received_requests()
        .await
        .expect("recording is on")
        .into_iter()
        .filter(|r| r.method.as_str() == verb)
        .collect()
}

async fn patch_bodies(server: &MockServer) -> Vec<Value> {
    requests(server, "PATCH")
        .await
        .iter()
        .map(|r| serde_json::from_slice(&r.body).expect("PATCH body is JSON"))
        .collect()
}

fn conflict(e: &Error) -> &ConflictError {
    match e {
        Error::Conflict(c) => c,
        other => panic!("expected Error::Conflict, got {other:?}"),
    }
}

fn invalid_field(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected Error::InvalidInput, got {other:?}"),
    }
}

type Edit = fn(UpdateServer) -> UpdateServer;
type BodyEdit = fn(&mut Value);

/// One `send()` against `open_source(7)`: exactly one GET and one PATCH whose whole
/// body is `expected`.
async fn assert_send_body(case: &str, edit: Edit, expected: Value) -> Server {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    mock_patch_echo(&mock, 1).await;
    let client = client_for(&mock);
    let updated = edit(client.update_server(SERVER))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{case}: {e}"));
    let bodies = patch_bodies(&mock).await;
    assert_eq!(bodies, vec![expected], "{case}: PATCH body");
    assert_eq!(updated.version, Some(8), "{case}: version after the PATCH");
    updated
}

// ---------------------------------------------------------------- 1, 2: send() bodies

#[tokio::test]
async fn rename_keeps_everything_else_and_sends_the_read_version() {
    let updated = assert_send_body(
        "rename",
        |u| u.name("Renamed"),
        full_body_with(|s| s["name"] = json!("Renamed")),
    )
    .await;
    assert_eq!(updated.name, "Renamed");
    assert_eq!(updated.instructions_text(), INSTRUCTIONS);
    assert!(updated.request_headers_proxy_enabled);
    assert_eq!(updated.providers.len(), 1);
    assert_eq!(updated.providers[0].tools.len(), 2);
    assert_eq!(updated.resources.len(), 2);
    assert_eq!(updated.prompts.len(), 1);
}

#[tokio::test]
async fn each_single_field_change_keeps_the_rest() {
    let cases: Vec<(&str, Edit, BodyEdit)> = vec![
        (
            "instructions",
            |u| u.instructions("New text"),
            |s| s["instructions"] = json!("New text"),
        ),
        (
            "request_headers_proxy_enabled(false)",
            |u| u.request_headers_proxy_enabled(false),
            |s| s["requestHeadersProxyEnabled"] = json!(false),
        ),
        (
            "request_headers_proxy_enabled(true) on a true server",
            |u| u.request_headers_proxy_enabled(true),
            |_| {},
        ),
        (
            "providers replace",
            |u| u.providers([ProviderRef::new(PROVIDER_2).tools([TOOL_3])]),
            |s| s["providers"] = json!([{"id": PROVIDER_2, "tools": [{"id": TOOL_3}]}]),
        ),
        (
            "providers with a subset of tools",
            |u| u.providers([ProviderRef::new(PROVIDER).tools([TOOL_2])]),
            |s| s["providers"] = json!([{"id": PROVIDER, "tools": [{"id": TOOL_2}]}]),
        ),
        (
            "resources replace",
            |u| u.resources([RESOURCE_3]),
            |s| s["resources"] = json!([{"id": RESOURCE_3}]),
        ),
        (
            "prompts replace",
            |u| u.prompts([PROMPT_2, PROMPT_1]),
            |s| s["prompts"] = json!([{"id": PROMPT_2}, {"id": PROMPT_1}]),
        ),
        (
            "clear_instructions",
            |u| u.clear_instructions(),
            |s| s["instructions"] = json!(""),
        ),
        (
            "clear_providers",
            |u| u.clear_providers(),
            |s| s["providers"] = json!([]),
        ),
        (
            "clear_resources",
            |u| u.clear_resources(),
            |s| s["resources"] = json!([]),
        ),
        (
            "clear_prompts",
            |u| u.clear_prompts(),
            |s| s["prompts"] = json!([]),
        ),
        (
            "an empty resource list is a clear",
            |u| u.resources(Vec::<String>::new()),
            |s| s["resources"] = json!([]),
        ),
        (
            "the last call wins: clear then set",
            |u| u.clear_instructions().instructions("Again"),
            |s| s["instructions"] = json!("Again"),
        ),
        (
            "the last call wins: set then clear",
            |u| u.prompts([PROMPT_2]).clear_prompts(),
            |s| s["prompts"] = json!([]),
        ),
        (
            "several fields at once",
            |u| {
                u.name("Renamed")
                    .clear_instructions()
                    .request_headers_proxy_enabled(false)
                    .clear_prompts()
                    .expected_version(7)
            },
            |s| {
                s["name"] = json!("Renamed");
                s["instructions"] = json!("");
                s["requestHeadersProxyEnabled"] = json!(false);
                s["prompts"] = json!([]);
            },
        ),
    ];
    for (case, edit, body_edit) in cases {
        assert_send_body(case, edit, full_body_with(body_edit)).await;
    }
}

#[tokio::test]
async fn hosted_flavour_instructions_come_from_description() {
    let mock = MockServer::start().await;
    let mut seed = hosted_seed();
    seed["server"]["description"] = json!("Hosted text");
    mock_get(&mock, seed, 1).await;
    mock_patch_echo(&mock, 1).await;
    let updated = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .expect("update succeeds");
    assert_eq!(
        patch_bodies(&mock).await,
        vec![json!({"server": {
            "name": "Renamed",
            "instructions": "Hosted text",
            "version": 123,
            "requestHeadersProxyEnabled": true,
            "providers": [{"id": "kSuB9Gf6aD4", "tools": [{"id": "kSuB9Gf6aD4"}]}],
            "resources": [{"id": "kSuB9Gf6aD4"}],
            "prompts": [{"id": "kSuB9Gf6aD4"}]
        }})]
    );
    assert_eq!(updated.version, Some(124));
}

#[tokio::test]
async fn instructions_win_over_description_when_both_are_reported() {
    let mock = MockServer::start().await;
    let answer = open_source_with(7, |s| s["description"] = json!("Older text"));
    mock_get(&mock, answer, 1).await;
    mock_patch_echo(&mock, 1).await;
    client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .expect("update succeeds");
    assert_eq!(
        patch_bodies(&mock).await,
        vec![full_body_with(|s| s["name"] = json!("Renamed"))]
    );
}

#[tokio::test]
async fn omitted_empty_fields_are_sent_as_empty() {
    // The open-source edition omits empty fields: a bare server still gets a whole body.
    let mock = MockServer::start().await;
    let bare = json!({"server": {
        "id": SERVER,
        "createdAt": "2025-03-18T10:00:00Z",
        "updatedAt": "2025-03-18T10:00:00Z",
        "name": "Bare",
        "requestHeadersProxyEnabled": false,
        "version": 1
    }});
    mock_get(&mock, bare, 1).await;
    mock_patch_echo(&mock, 1).await;
    client_for(&mock)
        .update_server(SERVER)
        .resources([RESOURCE_1])
        .send()
        .await
        .expect("update succeeds");
    assert_eq!(
        patch_bodies(&mock).await,
        vec![json!({"server": {
            "name": "Bare",
            "instructions": "",
            "version": 1,
            "requestHeadersProxyEnabled": false,
            "providers": [],
            "resources": [{"id": RESOURCE_1}],
            "prompts": []
        }})]
    );
}

#[tokio::test]
async fn a_server_without_version_is_not_patched() {
    let mock = MockServer::start().await;
    let answer = open_source_with(7, |s| {
        s.as_object_mut().map(|o| o.remove("version"));
    });
    mock_get(&mock, answer, 1).await;
    mock_patch_echo(&mock, 0).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .expect_err("no version to send");
    match &err {
        Error::Decode {
            platform,
            operation,
            status,
            reason,
            step,
            ..
        } => {
            // The read is a step of the update called.
            assert_eq!(*platform, Platform::HasMcp);
            assert_eq!(*operation, "hasmcp_update_server");
            assert_eq!(*step, Some("reading the server"));
            assert_eq!(*status, 200);
            assert!(reason.contains("send_exact"), "{reason}");
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

/// A version outside the int32 range is refused, not overflowed; the largest int32 works.
#[tokio::test]
async fn versions_outside_int32_are_refused_without_a_patch() {
    for version in [i64::MAX, i64::from(i32::MAX) + 1, 0, -3] {
        let mock = MockServer::start().await;
        mock_get(&mock, open_source(version), 1).await;
        mock_patch_echo(&mock, 0).await;
        let err = client_for(&mock)
            .update_server(SERVER)
            .name("Renamed")
            .send()
            .await
            .expect_err("no safe version");
        assert!(
            matches!(err, Error::Decode { status: 200, .. }),
            "{version}: {err:?}"
        );
    }
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(i64::from(i32::MAX)), 1).await;
    mock_patch_echo(&mock, 1).await;
    let updated = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .expect("the largest int32 version");
    assert_eq!(updated.version, Some(i64::from(i32::MAX) + 1));
}

#[test]
fn merged_and_exact_bodies_without_io() {
    let client = Client::builder()
        .token("tok")
        .build()
        .expect("client builds");
    let current: Server =
        serde_json::from_value(open_source(7)["server"].clone()).expect("server decodes");

    let update = client
        .update_server(SERVER)
        .name("Renamed")
        .clear_prompts()
        .expected_version(7);
    let merged: UpdateServerBody = update.merged_body(&current).expect("merged body");
    assert_eq!(
        serde_json::to_value(&merged).expect("serializes"),
        full_body_with(|s| {
            s["name"] = json!("Renamed");
            s["prompts"] = json!([]);
        })
    );
    let exact = update.exact_body().expect("exact body");
    assert_eq!(
        exact,
        UpdateServerBody {
            server: UpdateServerFields {
                name: Some("Renamed".into()),
                version: Some(7),
                prompts: Some(vec![]),
                ..UpdateServerFields::default()
            }
        }
    );
    assert_eq!(
        serde_json::to_value(&exact).expect("serializes"),
        json!({"server": {"name": "Renamed", "version": 7, "prompts": []}})
    );

    // The same checks as send(): nothing to do, or bad input, is refused here too.
    let empty = client.update_server(SERVER);
    assert_eq!(
        invalid_field(&empty.merged_body(&current).expect_err("empty")),
        "update"
    );
    assert_eq!(
        invalid_field(&empty.exact_body().expect_err("empty")),
        "update"
    );
    let bad = client.update_server("short").name("Renamed");
    assert_eq!(invalid_field(&bad.exact_body().expect_err("bad id")), "id");
}

// ---------------------------------------------------------------- 3: expected_version

#[tokio::test]
async fn expected_version_mismatch_is_a_conflict_and_sends_no_patch() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    mock_patch_echo(&mock, 0).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .expected_version(6)
        .send()
        .await
        .expect_err("version 6 is gone");
    assert!(err.is_conflict());
    assert!(!err.is_invalid_input());
    assert_eq!(err.status(), None);
    let c = conflict(&err);
    assert_eq!(c.operation, "hasmcp_update_server");
    assert_eq!(c.expected, Some(6));
    assert_eq!(c.found, Some(7));
    assert!(!c.may_have_applied);
    assert_eq!(c.status, None);
    assert!(err.to_string().contains("nothing was sent"), "{err}");
}

#[tokio::test]
async fn expected_version_mismatch_is_not_retried() {
    // Re-reading cannot bring version 6 back: one GET, no PATCH, even with retries allowed.
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    mock_patch_echo(&mock, 0).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .expected_version(6)
        .retry_on_conflict(3)
        .send()
        .await
        .expect_err("version 6 is gone");
    let c = conflict(&err);
    assert_eq!(
        (c.expected, c.found, c.may_have_applied),
        (Some(6), Some(7), false)
    );
}

#[tokio::test]
async fn matching_expected_version_proceeds() {
    assert_send_body(
        "expected_version(7)",
        |u| u.instructions("New text").expected_version(7),
        full_body_with(|s| s["instructions"] = json!("New text")),
    )
    .await;
}

// ---------------------------------------------------------------- 4, 5: after the PATCH

#[tokio::test]
async fn a_stale_version_in_the_answer_is_a_conflict_that_may_have_applied() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    mock_patch_answer(&mock, open_source(7), 1).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .expect_err("someone else wrote first");
    assert!(err.is_conflict());
    assert_eq!(err.status(), Some(200));
    let c = conflict(&err);
    assert_eq!(c.operation, "hasmcp_update_server");
    assert_eq!(c.expected, Some(8));
    assert_eq!(c.found, Some(7));
    assert!(c.may_have_applied);
    assert_eq!(c.status, Some(200));
    assert_eq!(
        patch_bodies(&mock).await,
        vec![full_body_with(|s| s["name"] = json!("Renamed"))]
    );
}

/// Exactly one write came first: the stale answer carries version 8 = 7 + 1, so only
/// the scalars show that ours was not applied (found by the load test).
#[tokio::test]
async fn one_write_first_is_a_conflict_although_the_version_is_sent_plus_one() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    let winner = open_source_with(8, |s| s["instructions"] = json!("the winner's text"));
    mock_patch_answer(&mock, winner, 1).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .instructions("ours")
        .send()
        .await
        .expect_err("the server kept the winner's instructions");
    let c = conflict(&err);
    assert_eq!(
        (c.expected, c.found, c.may_have_applied, c.status),
        (Some(8), Some(8), true, Some(200))
    );
    assert!(
        c.message
            .contains(r#"kept instructions "the winner's text" instead of "ours""#),
        "{}",
        c.message
    );

    // The same answer to an update that did not change the instructions is a conflict
    // too when the name or flag we sent is not the one reported.
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    mock_patch_answer(
        &mock,
        open_source_with(8, |s| s["requestHeadersProxyEnabled"] = json!(true)),
        1,
    )
    .await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .request_headers_proxy_enabled(false)
        .send()
        .await
        .expect_err("the flag we sent was not applied");
    assert!(conflict(&err)
        .message
        .contains("requestHeadersProxyEnabled true instead of false"));
}

#[tokio::test]
async fn a_version_that_jumped_ahead_is_a_conflict_too() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    mock_patch_answer(&mock, open_source(10), 1).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .clear_resources()
        .send()
        .await
        .expect_err("version 10 is not 7 + 1");
    let c = conflict(&err);
    assert_eq!(
        (c.expected, c.found, c.may_have_applied),
        (Some(8), Some(10), true)
    );
}

/// First round: GET v7, PATCH answered stale (v7). Second round: GET v8 (someone
/// else changed the instructions and a resource), PATCH answered `second_answer`.
async fn two_rounds(mock: &MockServer, second_answer: Value) {
    let fresh = open_source_with(8, |s| {
        s["instructions"] = json!("Changed by someone else");
        s["resources"] = json!([{"id": RESOURCE_2}]);
    });
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(open_source(7)))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(mock)
        .await;
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(fresh))
        .with_priority(2)
        .expect(1)
        .mount(mock)
        .await;
    Mock::given(method("PATCH"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(open_source(7)))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(mock)
        .await;
    Mock::given(method("PATCH"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(second_answer))
        .with_priority(2)
        .expect(1)
        .mount(mock)
        .await;
}

#[tokio::test]
async fn retry_on_conflict_rereads_and_reapplies_only_the_builders_fields() {
    let mock = MockServer::start().await;
    // The server's answer to the winning round: our rename on top of the fresh state.
    let applied = open_source_with(9, |s| {
        s["name"] = json!("Renamed");
        s["instructions"] = json!("Changed by someone else");
        s["resources"] = json!([{"id": RESOURCE_2}]);
    });
    two_rounds(&mock, applied).await;
    let updated = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .retry_on_conflict(1)
        .send()
        .await
        .expect("the second round wins");
    assert_eq!(updated.version, Some(9));
    assert_eq!(requests(&mock, "GET").await.len(), 2);
    assert_eq!(
        patch_bodies(&mock).await,
        vec![
            full_body_with(|s| s["name"] = json!("Renamed")),
            full_body_with(|s| {
                s["name"] = json!("Renamed");
                s["version"] = json!(8);
                s["instructions"] = json!("Changed by someone else");
                s["resources"] = json!([{"id": RESOURCE_2}]);
            }),
        ]
    );
}

#[tokio::test]
async fn retry_on_conflict_gives_up_after_n_rounds() {
    let mock = MockServer::start().await;
    // The second PATCH is stale as well (sent 8, answered 8).
    two_rounds(&mock, open_source(8)).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .retry_on_conflict(1)
        .send()
        .await
        .expect_err("both rounds lost");
    let c = conflict(&err);
    assert_eq!(
        (c.expected, c.found, c.may_have_applied),
        (Some(9), Some(8), true)
    );
    assert_eq!(requests(&mock, "GET").await.len(), 2);
    assert_eq!(patch_bodies(&mock).await.len(), 2);
}

#[tokio::test]
async fn expected_version_after_a_lost_round_reports_that_a_patch_was_sent() {
    // Round 1 PATCHed (attachments may have been replaced); round 2 reads v8 ≠ 7 and
    // must not claim that nothing was sent.
    let mock = MockServer::start().await;
    let fresh = open_source(8);
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(open_source(7)))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&mock)
        .await;
    mock_get(&mock, fresh, 1).await;
    mock_patch_answer(&mock, open_source(7), 1).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .clear_prompts()
        .expected_version(7)
        .retry_on_conflict(1)
        .send()
        .await
        .expect_err("the server moved past version 7");
    let c = conflict(&err);
    assert_eq!((c.expected, c.found), (Some(7), Some(8)));
    assert!(c.may_have_applied, "a PATCH was sent in the first round");
    assert!(!err.to_string().contains("nothing was sent"), "{err}");
}

#[tokio::test]
async fn a_failed_reread_after_a_lost_round_may_have_applied() {
    // Round 1 PATCHed and lost (its attachments may stand); round 2's read fails, in
    // the answer and in the connection. Neither may claim that nothing applied.
    for body in [
        ResponseTemplate::new(500).set_body_json(
            json!({"error": {"code": 500, "message": "failed to get server", "data": {}}}),
        ),
        ResponseTemplate::new(200).set_body_string("not json"),
    ] {
        let mock = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(SERVER_PATH))
            .respond_with(ResponseTemplate::new(200).set_body_json(open_source(7)))
            .up_to_n_times(1)
            .with_priority(1)
            .expect(1)
            .mount(&mock)
            .await;
        Mock::given(method("GET"))
            .and(path(SERVER_PATH))
            .respond_with(body)
            .expect(1)
            .mount(&mock)
            .await;
        mock_patch_answer(&mock, open_source(7), 1).await;
        let err = client_for(&mock)
            .update_server(SERVER)
            .clear_prompts()
            .retry_on_conflict(1)
            .send()
            .await
            .expect_err("the re-read failed");
        assert!(err.may_have_applied() && err.is_not_applied(), "{err}");
        let Error::NotApplied {
            applied,
            not_applied,
            cause: Some(cause),
            ..
        } = &err
        else {
            panic!("{err:?}")
        };
        assert!(applied.is_empty(), "{err}");
        assert_eq!(not_applied, &["providers", "resources", "prompts"]);
        assert!(
            cause.to_string().ends_with(" (reading the server)"),
            "{cause}"
        );
        assert!(
            err.to_string().starts_with("HasMCP hasmcp_update_server: "),
            "{err}"
        );
        assert_eq!(patch_bodies(&mock).await.len(), 1);
    }
}

#[tokio::test]
async fn a_patch_answer_without_a_version_is_an_unknown_outcome_never_ok() {
    for (case, version) in [("absent", None), ("null", Some(Value::Null))] {
        let mock = MockServer::start().await;
        mock_get(&mock, open_source(7), 1).await;
        let answer = open_source_with(0, |s| {
            s["name"] = json!("Renamed");
            match &version {
                None => drop(s.as_object_mut().map(|o| o.remove("version"))),
                Some(v) => s["version"] = v.clone(),
            }
        });
        mock_patch_answer(&mock, answer, 1).await;
        let err = client_for(&mock)
            .update_server(SERVER)
            .name("Renamed")
            .retry_on_conflict(3)
            .send()
            .await
            .expect_err("no version: whether it was applied is unknown");
        let c = conflict(&err);
        assert_eq!(
            (c.expected, c.found, c.status),
            (Some(8), None, Some(200)),
            "{case}"
        );
        assert!(c.may_have_applied, "{case}");
        assert!(err.is_conflict(), "{case}");
        assert_eq!(
            err.to_string(),
            "HasMCP hasmcp_update_server: conflict: the update was based on version 7 and the server \
             answered without a version, so whether it was applied is unknown",
            "{case}"
        );
        // Not a lost race: no re-read, one PATCH.
        assert_eq!(
            patch_bodies(&mock).await,
            vec![full_body_with(|s| s["name"] = json!("Renamed"))],
            "{case}"
        );
    }
}

// ---------------------------------------------------------------- 6: send_exact()

#[tokio::test]
async fn send_exact_sends_only_the_fields_set_and_never_reads() {
    let cases: Vec<(&str, Edit, Value)> = vec![
        (
            "name with expected_version",
            |u| u.name("Renamed").expected_version(7),
            json!({"server": {"name": "Renamed", "version": 7}}),
        ),
        (
            "clears",
            |u| {
                u.clear_instructions()
                    .clear_providers()
                    .clear_resources()
                    .clear_prompts()
                    .expected_version(7)
            },
            json!({"server": {"instructions": "", "version": 7, "providers": [], "resources": [], "prompts": []}}),
        ),
        (
            "proxy flag false is sent",
            |u| u.request_headers_proxy_enabled(false).expected_version(3),
            json!({"server": {"requestHeadersProxyEnabled": false, "version": 3}}),
        ),
        (
            "every field",
            |u| {
                u.name("GitHubTools")
                    .instructions(INSTRUCTIONS)
                    .request_headers_proxy_enabled(true)
                    .providers([ProviderRef::new(PROVIDER).tools([TOOL_1, TOOL_2])])
                    .resources([RESOURCE_1, RESOURCE_2])
                    .prompts([PROMPT_1])
                    .expected_version(7)
                    .retry_on_conflict(5)
            },
            full_body(),
        ),
    ];
    for (case, edit, expected) in cases {
        let mock = MockServer::start().await;
        mock_get(&mock, open_source(7), 0).await;
        mock_patch_answer(&mock, open_source(8), 1).await;
        let updated = edit(client_for(&mock).update_server(SERVER))
            .send_exact()
            .await
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(updated.version, Some(8), "{case}");
        assert_eq!(patch_bodies(&mock).await, vec![expected], "{case}");
    }
}

#[tokio::test]
async fn send_exact_without_expected_version_is_refused_before_sending() {
    // It replaces the whole server; HasMCP answers a versionless PATCH with 400
    // "invalid server version", so nothing is sent.
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 0).await;
    mock_patch_echo(&mock, 0).await;
    let e = client_for(&mock)
        .update_server(SERVER)
        .instructions("Only this")
        .send_exact()
        .await
        .expect_err("no expected_version");
    assert_eq!(invalid_field(&e), "expected_version");
    assert!(e
        .to_string()
        .starts_with("HasMCP hasmcp_update_server: invalid input for `expected_version`: "));
}

#[tokio::test]
async fn a_provider_without_tools_is_refused_before_sending_naming_it() {
    // The service drops a provider without tools and still answers 200.
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 0).await;
    mock_patch_echo(&mock, 0).await;
    let e = client_for(&mock)
        .update_server(SERVER)
        .providers([ProviderRef::new(PROVIDER_2)])
        .send()
        .await
        .expect_err("no tools");
    assert_eq!(invalid_field(&e), "providers");
    assert!(e.to_string().contains(PROVIDER_2), "{e}");
}

#[tokio::test]
async fn send_exact_does_not_check_the_answered_version() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 0).await;
    mock_patch_answer(&mock, open_source(7), 1).await;
    let updated = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .expected_version(7)
        .send_exact()
        .await
        .expect("send_exact returns what the server answered");
    assert_eq!(updated.version, Some(7));
}

// ---------------------------------------------------------------- 7, 8: refused before any request

const BAD_IDS: &[&str] = &[
    "short",
    "kSuB9Gf6aD/",
    "../../etc",
    "",
    "kSuB9Gf6aD4 ",
    " kSuB9Gf6aD4",
    "kSuB9Gf6aD45",
    "kSuB9Gf6a-4",
    "kSuB9Gf6a%2",
    "kSuB9Gf6aü",
    "kSuB9Gf6aD4/../x",
];

#[tokio::test]
async fn bad_ids_are_refused_before_any_request() {
    let mock = MockServer::start().await;
    mock_nothing_sent(&mock).await;
    let client = client_for(&mock);
    for &id in BAD_IDS {
        let e = client.get_server(id).await.expect_err("bad id");
        assert!(e.is_invalid_input(), "get_server({id:?}): {e:?}");
        assert_eq!(invalid_field(&e), "id", "{id:?}");

        let e = client
            .update_server(id)
            .name("Renamed")
            .send()
            .await
            .expect_err("bad id");
        assert!(e.is_invalid_input(), "send({id:?}): {e:?}");
        assert_eq!(invalid_field(&e), "id", "{id:?}");

        let e = client
            .update_server(id)
            .name("Renamed")
            .expected_version(7)
            .send_exact()
            .await
            .expect_err("bad id");
        assert!(e.is_invalid_input(), "send_exact({id:?}): {e:?}");
        assert_eq!(invalid_field(&e), "id", "{id:?}");

        assert!(id.parse::<ServerId>().is_err(), "{id:?}");
    }
    assert!(mock
        .received_requests()
        .await
        .unwrap_or_default()
        .is_empty());
}

#[tokio::test]
async fn invalid_updates_are_refused_before_any_request() {
    let cases: Vec<(&str, Edit, &str)> = vec![
        ("nothing set", |u| u, "update"),
        (
            "only expected_version and retries",
            |u| u.expected_version(7).retry_on_conflict(2),
            "update",
        ),
        ("empty name", |u| u.name(""), "name"),
        ("17-character name", |u| u.name("a".repeat(17)), "name"),
        ("name with a space", |u| u.name("has space"), "name"),
        ("non-ASCII name", |u| u.name("ü"), "name"),
        ("name with a dash", |u| u.name("git-hub"), "name"),
        (
            "4097-byte instructions",
            |u| u.instructions("x".repeat(4097)),
            "instructions",
        ),
        (
            // 1,366 characters but 4,098 bytes: the server counts bytes.
            "instructions over 4096 bytes in fewer characters",
            |u| u.instructions("€".repeat(1366)),
            "instructions",
        ),
        (
            "two providers",
            |u| u.providers([ProviderRef::new(PROVIDER), ProviderRef::new(PROVIDER_2)]),
            "providers",
        ),
        (
            "bad provider id",
            |u| u.providers([ProviderRef::new("../x").tools([TOOL_1])]),
            "providers",
        ),
        (
            "bad tool id",
            |u| u.providers([ProviderRef::new(PROVIDER).tools([TOOL_1, "tool"])]),
            "providers.tools",
        ),
        (
            "bad resource id",
            |u| u.resources([RESOURCE_1, "kSuB9Gf6aD/"]),
            "resources",
        ),
        ("bad prompt id", |u| u.prompts([""]), "prompts"),
        (
            "a valid field does not excuse an invalid one",
            |u| u.instructions("fine").name("not fine"),
            "name",
        ),
    ];
    let mock = MockServer::start().await;
    mock_nothing_sent(&mock).await;
    let client = client_for(&mock);
    for (case, edit, field) in cases {
        let e = edit(client.update_server(SERVER))
            .send()
            .await
            .expect_err(case);
        assert!(e.is_invalid_input(), "{case}: {e:?}");
        assert_eq!(invalid_field(&e), field, "send(): {case}");

        let e = edit(client.update_server(SERVER))
            .expected_version(7)
            .send_exact()
            .await
            .expect_err(case);
        assert_eq!(invalid_field(&e), field, "send_exact(): {case}");
    }
}

#[tokio::test]
async fn limits_are_inclusive() {
    let long_name = "a".repeat(16);
    // 4096 bytes exactly, mixing 1- and 3-byte characters.
    let long_text = format!("{}{}", "€".repeat(1365), "x");
    assert_eq!(long_text.len(), 4096);
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    mock_patch_echo(&mock, 1).await;
    client_for(&mock)
        .update_server(SERVER)
        .name(long_name.as_str())
        .instructions(long_text.as_str())
        .providers([ProviderRef::new(PROVIDER_2).tools([TOOL_3])])
        .send()
        .await
        .expect("16-character name and 4096-byte instructions are fine");
    assert_eq!(
        patch_bodies(&mock).await,
        vec![full_body_with(|s| {
            s["name"] = json!(long_name);
            s["instructions"] = json!(long_text);
            s["providers"] = json!([{"id": PROVIDER_2, "tools": [{"id": TOOL_3}]}]);
        })]
    );
}

// ---------------------------------------------------------------- 9: models

/// A model as a struct literal would build it, for types that cannot be built with one
/// outside the crate: decoded from its bare `{"id": …}` form, then every field listed
/// set.
macro_rules! model {
    ($ty:ident { id: $id:expr, $($field:ident: $value:expr),* $(,)? }) => {{
        let id = $id;
        let mut m: $ty = serde_json::from_value(json!({ "id": id })).expect("bare model");
        m.id = id;
        $(m.$field = $value;)*
        m
    }};
}

fn at(s: &str) -> Option<DateTime<Utc>> {
    Some(s.parse().expect("timestamp"))
}

fn seed_server() -> Server {
    let t = at("2023-11-07T05:31:56Z");
    let text = || Some("<string>".to_owned());
    model!(Server {
        id: ServerId::new(SERVER).expect("id"),
        created_at: t,
        updated_at: t,
        name: "<string>".into(),
        description: text(),
        instructions: None,
        request_headers_proxy_enabled: true,
        dynamic_tool_discovery_enabled: None,
        version: Some(123),
        git_provider: None,
        git_repo_full_name: None,
        providers: vec![model!(Provider {
            id: ProviderId::new(SERVER).expect("id"),
            created_at: t,
            updated_at: t,
            version: Some(123),
            api_type: Some(ApiType::Rest),
            visibility_type: Some(VisibilityType::Public),
            base_url: text(),
            document_url: text(),
            icon_url: text(),
            secret_prefix: text(),
            name: text(),
            description: text(),
            tools: vec![model!(Tool {
                id: ToolId::new(SERVER).expect("id"),
                provider_id: Some(ProviderId::new(SERVER).expect("id")),
                method: Some(ToolMethod::Get),
                path: Some("/users/{id}".into()),
                name: Some("makePayment".into()),
                title: Some("Make Payment".into()),
                description: text(),
                path_args_json_schema: Some(json!({})),
                query_args_json_schema: Some(json!({})),
                req_body_json_schema: Some(json!({})),
                res_body_json_schema: None,
                headers: vec![ToolHeader::new("<string>", "<string>")],
                oauth2_scopes: vec!["<string>".into()],
            })],
            oauth2_config: Some(OAuth2Config::new(
                "<string>", "<string>", "<string>", "<string>",
            )),
        })],
        resources: vec![model!(Resource {
            id: ResourceId::new(SERVER).expect("id"),
            created_at: t,
            updated_at: t,
            name: text(),
            description: text(),
            uri: text(),
            mime_type: Some("text/plain".into()),
            size: Some(123),
            annotations: Some(json!({})),
        })],
        prompts: vec![model!(Prompt {
            id: PromptId::new(SERVER).expect("id"),
            created_at: t,
            updated_at: t,
            name: text(),
            description: text(),
            // The vendor document's object form: `{}` is none.
            arguments: vec![],
            messages: vec![],
        })],
    })
}

#[tokio::test]
async fn hosted_seed_decodes_every_field_and_serializes_back() {
    let mock = MockServer::start().await;
    mock_get(&mock, hosted_seed(), 1).await;
    let server = client_for(&mock)
        .get_server(SERVER)
        .await
        .expect("seed decodes");
    assert_eq!(server, seed_server());
    assert_eq!(server.instructions_text(), "<string>");
    assert_eq!(
        serde_json::to_value(&server).expect("serializes"),
        seeds::hasmcp_update_response_written()["server"]
    );
}

#[tokio::test]
async fn open_source_flavour_decodes() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    let server = client_for(&mock).get_server(SERVER).await.expect("decodes");
    let id = |s: &str| ServerId::new(s).expect("id");
    let tool = |s: &str| {
        model!(Tool {
            id: ToolId::new(s).expect("id"),
            provider_id: Some(ProviderId::new("00000000000").expect("id")),
            method: None,
            path: None,
            name: None,
            title: None,
            description: None,
            path_args_json_schema: None,
            query_args_json_schema: None,
            req_body_json_schema: None,
            res_body_json_schema: None,
            headers: vec![],
            oauth2_scopes: vec![],
        })
    };
    let bare_resource = |s: &str| {
        model!(Resource {
            id: ResourceId::new(s).expect("id"),
            created_at: None,
            updated_at: None,
            name: None,
            description: None,
            uri: None,
            mime_type: None,
            size: None,
            annotations: None,
        })
    };
    let expected = model!(Server {
        id: id(SERVER),
        created_at: at("2025-03-18T10:00:00Z"),
        updated_at: at("2025-03-18T11:00:00Z"),
        name: "GitHubTools".into(),
        description: None,
        instructions: Some(INSTRUCTIONS.into()),
        request_headers_proxy_enabled: true,
        dynamic_tool_discovery_enabled: None,
        version: Some(7),
        git_provider: None,
        git_repo_full_name: None,
        providers: vec![model!(Provider {
            id: ProviderId::new(PROVIDER).expect("id"),
            created_at: None,
            updated_at: None,
            version: None,
            api_type: None,
            visibility_type: None,
            base_url: None,
            document_url: None,
            icon_url: None,
            secret_prefix: None,
            name: None,
            description: None,
            tools: vec![tool(TOOL_1), tool(TOOL_2)],
            oauth2_config: None,
        })],
        resources: vec![bare_resource(RESOURCE_1), bare_resource(RESOURCE_2)],
        prompts: vec![model!(Prompt {
            id: PromptId::new(PROMPT_1).expect("id"),
            created_at: None,
            updated_at: None,
            name: None,
            description: None,
            arguments: vec![],
            messages: vec![],
        })],
    });
    assert_eq!(server, expected);
    assert_eq!(server.instructions_text(), INSTRUCTIONS);
    assert_eq!(
        serde_json::to_value(&server).expect("serializes"),
        open_source(7)["server"]
    );
}

#[test]
fn unknown_enum_values_nulls_and_extra_fields_decode() {
    let mut seed = hosted_seed();
    let s = &mut seed["server"];
    s["providers"][0]["apiType"] = json!("GRAPHQL");
    s["providers"][0]["visibilityType"] = json!("SECRET");
    s["providers"][0]["tools"][0]["method"] = json!("QUERY");
    s["providers"][0]["futureField"] = json!({"x": 1});
    s["dynamicToolDiscoveryEnabled"] = json!(true);
    s["gitProvider"] = json!("github");
    s["gitRepoFullName"] = json!("org/repo");
    s["resources"] = Value::Null;
    s["prompts"] = Value::Null;
    s["somethingNew"] = json!([1, 2]);
    s["createdAt"] = json!("not a time");
    let server: Server = serde_json::from_value(seed["server"].clone()).expect("decodes");
    let p = &server.providers[0];
    assert_eq!(p.api_type, Some(ApiType::Unknown("GRAPHQL".into())));
    assert_eq!(
        p.visibility_type,
        Some(VisibilityType::Unknown("SECRET".into()))
    );
    assert_eq!(p.tools[0].method, Some(ToolMethod::Unknown("QUERY".into())));
    assert_eq!(server.dynamic_tool_discovery_enabled, Some(true));
    assert_eq!(server.git_provider.as_deref(), Some("github"));
    assert_eq!(server.git_repo_full_name.as_deref(), Some("org/repo"));
    assert!(server.resources.is_empty());
    assert!(server.prompts.is_empty());
    assert_eq!(server.created_at, None);
    let back = serde_json::to_value(&server).expect("serializes");
    assert_eq!(back["providers"][0]["apiType"], json!("GRAPHQL"));
    assert_eq!(back["providers"][0]["visibilityType"], json!("SECRET"));
    assert_eq!(back["providers"][0]["tools"][0]["method"], json!("QUERY"));

    // `INVALID` has no variant (nothing can send it): read, it is kept as `Unknown`.
    for (wire, api) in [
        ("REST", ApiType::Rest),
        ("INVALID", ApiType::Unknown("INVALID".into())),
    ] {
        assert_eq!(
            serde_json::from_value::<ApiType>(json!(wire)).ok(),
            Some(api)
        );
    }
    for (wire, vis) in [
        ("INTERNAL", VisibilityType::Internal),
        ("PUBLIC", VisibilityType::Public),
        ("INVALID", VisibilityType::Unknown("INVALID".into())),
    ] {
        assert_eq!(
            serde_json::from_value::<VisibilityType>(json!(wire)).ok(),
            Some(vis)
        );
    }
    let methods = [
        ("GET", ToolMethod::Get),
        ("HEAD", ToolMethod::Head),
        ("POST", ToolMethod::Post),
        ("PUT", ToolMethod::Put),
        ("PATCH", ToolMethod::Patch),
        ("DELETE", ToolMethod::Delete),
        ("CONNECT", ToolMethod::Connect),
        ("OPTIONS", ToolMethod::Options),
        ("TRACE", ToolMethod::Trace),
    ];
    for (wire, m) in methods {
        assert_eq!(m.as_str(), wire);
        assert_eq!(
            serde_json::from_value::<ToolMethod>(json!(wire)).ok(),
            Some(m)
        );
    }
}

#[test]
fn debug_never_shows_secrets() {
    const CLIENT_SECRET: &str = "client-secret-value-123";
    const HEADER_VALUE: &str = "Bearer upstream-secret-456";
    let mut seed = hosted_seed();
    let provider = &mut seed["server"]["providers"][0];
    provider["oauth2Config"]["clientSecret"] = json!(CLIENT_SECRET);
    provider["tools"][0]["headers"][0] = json!({"key": "Authorization", "value": HEADER_VALUE});
    let server: Server = serde_json::from_value(seed["server"].clone()).expect("decodes");
    let tool = &server.providers[0].tools[0];
    let oauth = server.providers[0].oauth2_config.as_ref().expect("oauth");
    assert_eq!(oauth.client_secret, Some(CLIENT_SECRET.into()));
    assert_eq!(tool.headers[0].value.expose(), HEADER_VALUE);

    for shown in [
        format!("{server:?}"),
        format!("{server:#?}"),
        format!("{oauth:?}"),
        format!("{:?}", tool.headers[0]),
        format!("{:?}", server.providers[0]),
    ] {
        assert!(!shown.contains(CLIENT_SECRET), "{shown}");
        assert!(!shown.contains("upstream-secret"), "{shown}");
        assert!(shown.contains("[redacted]"), "{shown}");
    }
    assert!(format!("{:?}", tool.headers[0]).contains("Authorization"));
    assert!(
        format!("{oauth:?}").contains("<string>"),
        "the client id stays"
    );

    // The token stays out of the client's and the builder's Debug too.
    let builder: ClientBuilder = Client::builder().token("tok-secret-789");
    assert!(!format!("{builder:?}").contains("tok-secret-789"));
    let client = builder.build().expect("client builds");
    assert!(!format!("{client:?}").contains("tok-secret-789"));
    let update = client.update_server(SERVER).name("Renamed");
    assert!(!format!("{update:?}").contains("tok-secret-789"));
}

#[test]
fn provider_and_id_refs_serialize_as_the_wire_wants() {
    let p = ProviderRef::new(PROVIDER).tools([TOOL_1]);
    assert_eq!(
        serde_json::to_value(&p).expect("serializes"),
        json!({"id": PROVIDER, "tools": [{"id": TOOL_1}]})
    );
    assert_eq!(
        serde_json::to_value(IdRef::new(RESOURCE_1)).expect("serializes"),
        json!({"id": RESOURCE_1})
    );
    let decoded: Provider = serde_json::from_value(json!({
        "id": PROVIDER, "tools": [{"id": TOOL_1, "providerID": "00000000000"}]
    }))
    .expect("decodes");
    assert_eq!(ProviderRef::from(&decoded), p);
}

// ---------------------------------------------------------------- 10: errors

async fn get_answered(template: ResponseTemplate) -> Error {
    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .respond_with(template)
        .expect(1)
        .mount(&mock)
        .await;
    client_for(&mock)
        .get_server(SERVER)
        .await
        .expect_err("an error status is an error")
}

fn api(e: &Error) -> &mcp_admin::ApiError {
    e.as_api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {e:?}"))
}

#[tokio::test]
async fn error_statuses_map_to_api_errors() {
    struct Case {
        status: u16,
        body: Value,
        code: &'static str,
        message: &'static str,
    }
    let cases = [
        Case {
            status: 400,
            body: json!({"error": {"code": 400, "message": "invalid server version"}}),
            code: "400",
            message: "invalid server version",
        },
        Case {
            status: 409,
            body: json!({"error": {"code": 409, "message": "version conflict"}}),
            code: "409",
            message: "version conflict",
        },
        Case {
            status: 422,
            body: json!({"error": {"code": 400, "message": "invalid request body"}}),
            code: "400",
            message: "invalid request body",
        },
        Case {
            status: 500,
            body: json!({"error": {"code": 500, "message": "internal server error"}}),
            code: "500",
            message: "internal server error",
        },
    ];
    for case in cases {
        let e = get_answered(ResponseTemplate::new(case.status).set_body_json(&case.body)).await;
        let a = api(&e);
        assert_eq!(e.status(), Some(case.status), "status wins over the body");
        assert_eq!(e.code(), Some(case.code));
        assert_eq!(a.platform, Platform::HasMcp);
        assert_eq!(a.operation, "hasmcp_get_server");
        assert_eq!(a.message.as_deref(), Some(case.message));
        assert_eq!(a.data, None);
        assert_eq!(a.retry_after, None);
        assert_eq!(
            serde_json::from_str::<Value>(&a.body).ok(),
            Some(case.body),
            "the raw body is kept"
        );
        assert_eq!(e.is_conflict(), case.status == 409, "{}", case.status);
        assert!(!e.is_not_found() && !e.is_unauthorized() && !e.is_rate_limited());
        assert!(!e.is_retryable() && !e.is_invalid_input() && !e.is_timeout());
        // The code shows only when it is not the status repeated.
        let code = if case.code == case.status.to_string() {
            String::new()
        } else {
            format!(" (code {})", case.code)
        };
        assert_eq!(
            e.to_string(),
            format!(
                "HasMCP hasmcp_get_server: HTTP {}{code}: {}",
                case.status, case.message
            )
        );
    }
}

#[tokio::test]
async fn unauthorized_with_a_json_body_sent_as_text_plain() {
    let body = r#"{"error": {"message":"authentication failed", "code":401}}"#;
    let e = get_answered(ResponseTemplate::new(401).set_body_raw(body, "text/plain")).await;
    assert!(e.is_unauthorized());
    assert_eq!(e.status(), Some(401));
    assert_eq!(e.code(), Some("401"));
    assert_eq!(api(&e).message.as_deref(), Some("authentication failed"));
    assert!(!e.to_string().contains("tok"), "{e}");
}

#[tokio::test]
async fn not_found_keeps_data_with_int64_ids() {
    let body = json!({"error": {
        "code": 404,
        "message": "server not found",
        "data": {"reason": "record not found", "serverID": 7205759403792793601_i64}
    }});
    let e = get_answered(ResponseTemplate::new(404).set_body_json(&body)).await;
    assert!(e.is_not_found());
    assert_eq!(e.code(), Some("404"));
    let data = api(&e).data.as_ref().expect("data kept");
    assert_eq!(
        data,
        &json!({"reason": "record not found", "serverID": 7205759403792793601_i64})
    );
    assert_eq!(data["serverID"].as_i64(), Some(7_205_759_403_792_793_601));
}

#[tokio::test]
async fn rate_limited_with_retry_after() {
    let e = get_answered(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "7")
            .set_body_json(json!({"error": {"message": "ratelimited", "code": 429}})),
    )
    .await;
    assert!(e.is_rate_limited());
    assert!(e.is_retryable());
    assert_eq!(e.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(e.code(), Some("429"));
    assert_eq!(api(&e).message.as_deref(), Some("ratelimited"));
}

#[tokio::test]
async fn an_html_502_page_is_an_error_with_a_snippet() {
    let page = format!(
        "<html><head><title>502 Bad Gateway</title></head><body>{}</body></html>",
        "x".repeat(5000)
    );
    let e = get_answered(ResponseTemplate::new(502).set_body_raw(page, "text/html")).await;
    assert_eq!(e.status(), Some(502));
    assert!(e.is_retryable());
    let a = api(&e);
    assert_eq!((a.code.as_deref(), a.message.as_deref()), (None, None));
    assert!(a.body.starts_with("<html><head><title>502"), "{}", a.body);
    assert!(a.body.len() <= mcp_admin::error::BODY_SNIPPET_LIMIT + 3);
}

#[tokio::test]
async fn a_success_status_with_a_wrong_body_is_never_a_success() {
    for (body, content_type) in [
        (r#"{"notServer": {}}"#, "application/json"),
        (r#"{"server": {"name": "NoId"}}"#, "application/json"),
    ] {
        let e = get_answered(ResponseTemplate::new(200).set_body_raw(body, content_type)).await;
        match &e {
            Error::Decode {
                status,
                operation,
                body: kept,
                ..
            } => {
                assert_eq!(*status, 200);
                assert_eq!(*operation, "hasmcp_get_server");
                assert_eq!(kept, body);
            }
            other => panic!("{body}: expected Error::Decode, got {other:?}"),
        }
    }
}

/// A web page where JSON was expected is what the open-source edition's catch-all
/// `GET /*` answers for a route it does not have: unsupported, not a decode error and
/// not "not found".
#[tokio::test]
async fn a_web_page_on_a_json_route_is_unsupported() {
    for page in [
        "<html>maintenance</html>",
        "\n<!DOCTYPE html>\n<html lang=\"en\"><head><title>HasMCP</title></head><body><div id=\"root\"></div></body></html>",
    ] {
        let e = get_answered(ResponseTemplate::new(200).set_body_raw(page, "text/html")).await;
        match &e {
            Error::Unsupported { status: 200, operation: "hasmcp_get_server", body, .. } => {
                assert_eq!(body, page);
            }
            other => panic!("expected Error::Unsupported, got {other:?}"),
        }
        assert!(e.is_unsupported() && !e.is_not_found() && !e.may_have_applied());
    }
    // The router's own 404 and a 405 say the same.
    for (status, body) in [
        (404, "Cannot GET /api/v1/servers/x"),
        (405, "Method Not Allowed"),
    ] {
        let e = get_answered(ResponseTemplate::new(status).set_body_raw(body, "text/plain")).await;
        assert!(e.is_unsupported() && !e.is_not_found(), "{e:?}");
        assert_eq!(e.status(), Some(status));
    }
    // The application's own 404 is about the server.
    let missing = json!({"error": {"code": 404, "message": "server not found"}});
    let e = get_answered(ResponseTemplate::new(404).set_body_json(missing)).await;
    assert!(e.is_not_found() && !e.is_unsupported());
}

/// `kSuB9Gf6aD4` is above `AzL8n0Y58m7` (i64::MAX in base 62): the open-source server
/// reads it as 2105587415960993498 and answers about `2VXbzESm16Y`. The error says why.
#[tokio::test]
async fn an_answer_about_another_id_explains_an_out_of_range_id() {
    let mut answer = json!({"server": {"id": "2VXbzESm16Y", "name": "Wrapped", "version": 1}});
    let e = get_answered(ResponseTemplate::new(200).set_body_json(answer.clone())).await;
    let Error::Decode { reason, .. } = &e else {
        panic!("expected Error::Decode, got {e:?}");
    };
    assert_eq!(
        reason,
        "asked about kSuB9Gf6aD4, the answer's id is 2VXbzESm16Y; kSuB9Gf6aD4 is out of the \
         range HasMCP stores (ids are 63-bit numbers in base 62, at most AzL8n0Y58m7): the \
         service wraps it or reads it as -1, so it answers about another id"
    );
    // An id in range that is answered about another says only that.
    let mock = MockServer::start().await;
    answer["server"]["id"] = json!("AzL8n0Y58m6");
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .mount(&mock)
        .await;
    let e = client_for(&mock)
        .get_server("AzL8n0Y58m7")
        .await
        .expect_err("another id");
    assert!(
        e.to_string()
            .ends_with("asked about AzL8n0Y58m7, the answer's id is AzL8n0Y58m6; body: \"\""),
        "{e}"
    );
}

#[tokio::test]
async fn id_must_be_greater_than_0_says_the_id_is_out_of_range() {
    let body = json!({"error": {"code": 422, "message": "server ID must be greater than 0"}});
    let e = get_answered(ResponseTemplate::new(422).set_body_json(body)).await;
    assert_eq!(
        e.as_api().and_then(|a| a.message.as_deref()),
        Some(
            "server ID must be greater than 0 (an id sent is out of the range HasMCP stores: ids \
             are 63-bit numbers in base 62, at most AzL8n0Y58m7, and a larger one becomes -1)"
        )
    );
    assert!(e.is_validation());
}

#[tokio::test]
async fn a_failed_read_sends_no_patch() {
    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(json!({"error": {"code": 404, "message": "server not found"}})),
        )
        .expect(1)
        .mount(&mock)
        .await;
    mock_patch_echo(&mock, 0).await;
    let e = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .expect_err("not found");
    assert!(e.is_not_found());
    // The operation called, and the step of it that failed.
    assert_eq!(api(&e).operation, "hasmcp_update_server");
    assert_eq!(api(&e).step, Some("reading the server"));
    assert_eq!(
        e.to_string(),
        "HasMCP hasmcp_update_server: HTTP 404: server not found (reading the server)"
    );
}

#[tokio::test]
async fn a_refused_patch_is_an_update_error() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    Mock::given(method("PATCH"))
        .and(path(SERVER_PATH))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(
                json!({"error": {"code": 400, "message": "invalid server version"}}),
            ),
        )
        .expect(1)
        .mount(&mock)
        .await;
    let e = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .retry_on_conflict(3)
        .send()
        .await
        .expect_err("refused");
    assert_eq!(e.status(), Some(400));
    assert!(!e.is_conflict());
    assert_eq!(api(&e).operation, "hasmcp_update_server");
    assert_eq!(api(&e).message.as_deref(), Some("invalid server version"));
}

#[tokio::test]
async fn a_409_from_the_patch_is_a_conflict() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 0).await;
    Mock::given(method("PATCH"))
        .and(path(SERVER_PATH))
        .respond_with(
            ResponseTemplate::new(409)
                .set_body_json(json!({"error": {"code": 409, "message": "version conflict"}})),
        )
        .expect(1)
        .mount(&mock)
        .await;
    let e = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .expected_version(7)
        .send_exact()
        .await
        .expect_err("conflict");
    assert!(e.is_conflict());
    assert_eq!(e.status(), Some(409));
    assert_eq!(api(&e).operation, "hasmcp_update_server");
}

#[tokio::test]
async fn transient_statuses_are_retried_per_the_policy() {
    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&mock)
        .await;
    mock_get(&mock, open_source(7), 1).await;
    let client = Client::builder()
        .base_url(mock.uri())
        .token("tok")
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(1)))
        .build()
        .expect("client builds");
    let server = client.get_server(SERVER).await.expect("second try works");
    assert_eq!(server.version, Some(7));
}

// ---------------------------------------------------------------- 11: environment

// In `tests/hasmcp_env.rs`: the environment is process-global, so that binary holds a
// single test.

// ---------------------------------------------------------------- 12: wire details

#[tokio::test]
async fn wire_headers_and_paths() {
    let mock = MockServer::start().await;
    mock_get(&mock, open_source(7), 1).await;
    mock_patch_echo(&mock, 1).await;
    // A trailing slash on the base URL must not double the slash in the path.
    let client = Client::builder()
        .base_url(format!("{}/", mock.uri()))
        .token("tok")
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds");
    assert_eq!(client.base_url(), mock.uri());
    client
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .expect("update succeeds");

    let all = mock.received_requests().await.expect("recording is on");
    assert_eq!(
        all.iter().map(|r| r.method.as_str()).collect::<Vec<_>>(),
        ["GET", "PATCH"],
        "read first, then write"
    );
    for r in &all {
        assert_eq!(r.url.path(), SERVER_PATH);
        assert_eq!(r.url.query(), None);
        let header = |name: &str| r.headers.get(name).and_then(|v| v.to_str().ok());
        assert_eq!(header("authorization"), Some("Bearer tok"));
        assert!(r.headers.get("api-version").is_none(), "{:?}", r.headers);
        assert!(
            header("user-agent").is_some_and(|ua| ua.starts_with("mcp-admin/")),
            "{:?}",
            r.headers
        );
    }
    let patch = &all[1];
    assert_eq!(
        patch
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    assert!(all[0].body.is_empty(), "a GET has no body");
}

#[tokio::test]
async fn a_base_url_with_a_path_prefix_keeps_it() {
    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/hasmcp/api/v1/servers/kSuB9Gf6aD4"))
        .respond_with(ResponseTemplate::new(200).set_body_json(open_source(7)))
        .expect(1)
        .mount(&mock)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/hasmcp/", mock.uri()))
        .token("tok")
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds");
    let server = client
        .get_server(SERVER)
        .await
        .expect("found under the prefix");
    assert_eq!(server.id.as_str(), SERVER);
}

#[test]
fn builder_checks_configuration() {
    match Client::builder().build() {
        Err(Error::Config { reason: msg, .. }) => {
            assert!(msg.contains("HASMCP_ACCESS_TOKEN"), "{msg}")
        }
        other => panic!("expected Error::Config, got {other:?}"),
    }
    match Client::builder()
        .token("tok")
        .base_url("http://example.com")
        .build()
    {
        Err(Error::Config { .. }) => {}
        other => panic!("plain http off loopback must be refused, got {other:?}"),
    }
    let insecure = Client::builder()
        .token("tok")
        .base_url("http://example.com")
        .allow_insecure_http()
        .build()
        .expect("allowed explicitly");
    assert_eq!(insecure.base_url(), "http://example.com");

    fn shareable<T: Clone + Send + Sync + 'static>() {}
    shareable::<Client>();
    shareable::<UpdateServer>();
}

#[tokio::test]
async fn clones_share_the_configuration() {
    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .and(wiremock::matchers::header("authorization", "Bearer tok"))
        .respond_with(ResponseTemplate::new(200).set_body_json(open_source(7)))
        .expect(2)
        .mount(&mock)
        .await;
    let client = client_for(&mock);
    let clone = client.clone();
    assert_eq!(clone.base_url(), client.base_url());
    let (a, b) = tokio::join!(client.get_server(SERVER), clone.get_server(SERVER));
    assert_eq!(a.expect("first").version, Some(7));
    assert_eq!(b.expect("second").version, Some(7));
}

/// Neither the envelope nor the server may come as a JSON array.
#[tokio::test]
async fn a_200_json_array_is_never_a_server() {
    for body in [
        json!({"server": [SERVER]}),
        json!([{"id": SERVER}]),
        json!([[SERVER]]),
    ] {
        let mock = MockServer::start().await;
        mock_get(&mock, body.clone(), 1).await;
        match client_for(&mock).get_server(SERVER).await {
            Err(Error::Decode { status: 200, .. }) => {}
            other => panic!("{body}: expected a decode error, got {other:?}"),
        }
    }
}

/// A 200 that fails to decode keeps a snippet of its body, with the secrets masked.
#[tokio::test]
async fn decode_errors_mask_secrets_in_the_snippet() {
    let mock = MockServer::start().await;
    let body = open_source_with(7, |s| {
        s["resources"] = json!([{"id": RESOURCE_1, "size": "12kB"}]);
        s["providers"] = json!([{
            "id": PROVIDER,
            "oauth2Config": {"clientID": "c", "clientSecret": "TOPSECRET"},
            "tools": [{"id": TOOL_1, "headers": [{"key": "X-Key", "value": "HEADERSECRET"}]}]
        }]);
    });
    mock_get(&mock, body, 1).await;
    let err = client_for(&mock)
        .get_server(SERVER)
        .await
        .expect_err("size is not a number");
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(
            !shown.contains("TOPSECRET") && !shown.contains("HEADERSECRET"),
            "{shown}"
        );
        assert!(shown.contains("[redacted]"), "{shown}");
    }
}
