//! HasMCP's server lifecycle, link endpoints, relative attachment changes and MCP
//! tokens against wiremock: the exact requests sent (method, path, whole body, and
//! nothing else), the decoded answers, each documented quirk, answers about another
//! resource refused, and inputs refused before anything is sent.

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use mcp_admin::{
    hasmcp::{Client, ProviderRef},
    Error, Platform, RetryPolicy,
};
use serde_json::{json, Value};
use wiremock::{
    matchers::{any, method, path},
    Mock, MockServer, ResponseTemplate,
};

const SERVER: &str = "ASuB9Gf6aD4";
const OTHER: &str = "ASuB9Gf6aZZ";
const PROVIDER: &str = "0Prov000001";
const PROVIDER_2: &str = "0Prov000002";
const TOOL_1: &str = "0Tool000001";
const TOOL_2: &str = "0Tool000002";
const TOOL_3: &str = "0Tool000003";
const RESOURCE_1: &str = "0Rsrc000001";
const RESOURCE_2: &str = "0Rsrc000002";
const PROMPT_1: &str = "0Prmt000001";
const PROMPT_2: &str = "0Prmt000002";
const TOKEN: &str = "tQ9pV1mN8xK";
const ZERO: &str = "00000000000";

fn client_for(mock: &MockServer) -> Client {
    Client::builder()
        .base_url(mock.uri())
        .token("tok")
        .retry(RetryPolicy::none().initial_backoff(Duration::from_millis(1)))
        .build()
        .expect("client builds")
}

/// Answers `verb path` with `status` and `body`, expecting it `times` times.
async fn on(mock: &MockServer, verb: &str, at: &str, status: u16, body: Option<Value>, times: u64) {
    let mut answer = ResponseTemplate::new(status);
    if let Some(body) = body {
        answer = answer.set_body_json(body);
    }
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(answer)
        .expect(times)
        .mount(mock)
        .await;
}

/// Answers the first `verb` of the server itself with 200 and `body`, before any other
/// answer mounted for it.
async fn first(mock: &MockServer, verb: &str, body: Value) {
    Mock::given(method(verb))
        .and(path(server_path("")))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(mock)
        .await;
}

/// Every request received: method, path and body (`None` when empty).
async fn sent(mock: &MockServer) -> Vec<(String, String, Option<Value>)> {
    mock.received_requests()
        .await
        .expect("recording is on")
        .into_iter()
        .map(|r| {
            let body = (!r.body.is_empty())
                .then(|| serde_json::from_slice(&r.body).expect("bodies are JSON"));
            (r.method.to_string(), r.url.path().to_owned(), body)
        })
        .collect()
}

fn req(verb: &str, at: &str, body: Option<Value>) -> (String, String, Option<Value>) {
    (verb.to_owned(), at.to_owned(), body)
}

/// Refuses every request: for calls that must send nothing.
async fn nothing_sent(mock: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(mock)
        .await;
}

fn invalid(e: &Error) -> (&'static str, &str) {
    match e {
        Error::InvalidInput { field, reason, .. } => (field, reason.as_str()),
        other => panic!("expected Error::InvalidInput, got {other:?}"),
    }
}

fn decode_reason(e: &Error) -> (&'static str, u16, &str) {
    match e {
        Error::Decode {
            platform: Platform::HasMcp,
            operation,
            status,
            reason,
            ..
        } => (operation, *status, reason.as_str()),
        other => panic!("expected a HasMCP Error::Decode, got {other:?}"),
    }
}

fn server_path(suffix: &str) -> String {
    format!("/api/v1/servers/{SERVER}{suffix}")
}

/// The open-source edition's server with `tools` of `PROVIDER`, one resource and one
/// prompt, at version 7.
fn read(tools: &[&str]) -> Value {
    let tools: Vec<Value> = tools
        .iter()
        .map(|t| json!({"id": t, "providerID": ZERO}))
        .collect();
    let mut server = json!({"server": {
        "id": SERVER,
        "createdAt": "2025-03-18T10:00:00Z",
        "updatedAt": "2025-03-18T11:00:00Z",
        "requestHeadersProxyEnabled": false,
        "name": "GitHubTools",
        "instructions": "Use these tools",
        "version": 7,
        "resources": [{"id": RESOURCE_1}],
        "prompts": [{"id": PROMPT_1}],
    }});
    if !tools.is_empty() {
        server["server"]["providers"] = json!([{"id": PROVIDER, "tools": tools}]);
    }
    server
}

fn zero_tool_link() -> Value {
    json!({"tool": {"serverID": ZERO, "providerID": ZERO, "toolID": ZERO}})
}

fn hasmcp_error(status: u16, message: &str, data: Value) -> Value {
    json!({"error": {"code": status, "message": message, "data": data}})
}

// ---------------------------------------------------------------- link endpoints

#[tokio::test]
async fn attach_tool_posts_only_the_tool_id_and_returns_nothing_of_the_zero_answer() {
    let mock = MockServer::start().await;
    on(
        &mock,
        "POST",
        &server_path("/tools"),
        201,
        Some(zero_tool_link()),
        1,
    )
    .await;
    client_for(&mock)
        .attach_tool(SERVER, TOOL_1)
        .await
        .expect("201");
    assert_eq!(
        sent(&mock).await,
        [req(
            "POST",
            &server_path("/tools"),
            Some(json!({"tool": {"toolID": TOOL_1}}))
        )]
    );
}

#[tokio::test]
async fn attach_answers_naming_the_ids_asked_for_are_accepted_others_refused() {
    let mock = MockServer::start().await;
    let echo = json!({"tool": {"serverID": SERVER, "providerID": PROVIDER, "toolID": TOOL_1}});
    on(&mock, "POST", &server_path("/tools"), 200, Some(echo), 1).await;
    client_for(&mock)
        .attach_tool(SERVER, TOOL_1)
        .await
        .expect("the KB's 200 with the ids");

    for (answer, reason) in [
        (
            json!({"tool": {"serverID": OTHER, "toolID": TOOL_1}}),
            format!("asked about {SERVER}, the answer's serverID is {OTHER}"),
        ),
        (
            json!({"tool": {"serverID": SERVER, "toolID": TOOL_2}}),
            format!("asked about {TOOL_1}, the answer's toolID is {TOOL_2}"),
        ),
    ] {
        let mock = MockServer::start().await;
        on(&mock, "POST", &server_path("/tools"), 201, Some(answer), 1).await;
        let err = client_for(&mock)
            .attach_tool(SERVER, TOOL_1)
            .await
            .unwrap_err();
        assert_eq!(
            decode_reason(&err),
            ("hasmcp_attach_tool", 201, reason.as_str())
        );
    }
}

#[tokio::test]
async fn link_ids_are_checked_before_anything_is_sent() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let bad = "ASuB9Gf6aD/";
    let why = format!("{bad:?} is not a HasMCP id (11 characters A-Z, a-z, 0-9)");
    for (err, field) in [
        (hm.attach_tool(bad, TOOL_1).await.unwrap_err(), "id"),
        (hm.attach_tool(SERVER, bad).await.unwrap_err(), "tool_id"),
        (hm.detach_tool(SERVER, bad).await.unwrap_err(), "tool_id"),
        (
            hm.attach_resource(SERVER, bad).await.unwrap_err(),
            "resource_id",
        ),
        (hm.detach_resource(bad, RESOURCE_1).await.unwrap_err(), "id"),
        (
            hm.attach_prompt(SERVER, bad).await.unwrap_err(),
            "prompt_id",
        ),
        (
            hm.detach_prompt(SERVER, bad).await.unwrap_err(),
            "prompt_id",
        ),
        (hm.list_server_tools(bad).all().await.unwrap_err(), "id"),
        (hm.list_server_resources(bad).all().await.unwrap_err(), "id"),
        (hm.list_server_prompts(bad).all().await.unwrap_err(), "id"),
    ] {
        assert_eq!(invalid(&err), (field, why.as_str()));
    }
}

#[tokio::test]
async fn a_409_is_a_conflict_error_whose_message_and_reason_are_kept() {
    for (message, reason) in [
        ("server tool already exists", "duplicated key not allowed"),
        ("tool does not exist", "record not found"),
    ] {
        let mock = MockServer::start().await;
        let body = hasmcp_error(
            409,
            message,
            json!({"reason": reason, "serverID": 7, "toolID": 9}),
        );
        on(&mock, "POST", &server_path("/tools"), 409, Some(body), 1).await;
        let err = client_for(&mock)
            .attach_tool(SERVER, TOOL_1)
            .await
            .unwrap_err();
        assert!(err.is_conflict() && !err.is_not_found(), "{err}");
        assert_eq!((err.status(), err.code()), (Some(409), Some("409")));
        assert_eq!(
            err.to_string(),
            format!("HasMCP hasmcp_attach_tool: HTTP 409: {message} (reason: {reason})")
        );
        let api = err.as_api().expect("an API error");
        assert_eq!(
            api.data.as_ref().map(|d| &d["reason"]),
            Some(&json!(reason))
        );
    }
}

#[tokio::test]
async fn unexpected_statuses_keep_the_servers_message_and_reason() {
    let cases = [
        (
            500,
            hasmcp_error(
                500,
                "internal server error",
                json!({"reason": "tool ID must be greater than 0"}),
            ),
            "HasMCP hasmcp_attach_tool: HTTP 500: internal server error (reason: tool ID must be greater than 0)",
            Some("tool ID must be greater than 0"),
        ),
        (
            422,
            json!({"error": {"message": "invalid request payload", "code": 400}}),
            "HasMCP hasmcp_attach_tool: HTTP 422 (code 400): invalid request payload",
            None,
        ),
    ];
    for (status, body, display, reason) in cases {
        let mock = MockServer::start().await;
        on(&mock, "POST", &server_path("/tools"), status, Some(body), 1).await;
        let err = client_for(&mock)
            .attach_tool(SERVER, TOOL_1)
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(status));
        assert_eq!(err.to_string(), display);
        let data = err.as_api().and_then(|a| a.data.clone());
        assert_eq!(data.as_ref().and_then(|d| d["reason"].as_str()), reason);
    }
}

/// `data.reason` is where HasMCP says what a 500 was about (a plain Go error), so
/// `Display` shows it beside the message.
#[tokio::test]
async fn a_500s_data_reason_reaches_display() {
    let mock = MockServer::start().await;
    let body = hasmcp_error(
        500,
        "internal server error",
        json!({"reason": "tool ID must be greater than 0"}),
    );
    on(&mock, "POST", &server_path("/tools"), 500, Some(body), 1).await;
    let err = client_for(&mock)
        .attach_tool(SERVER, TOOL_1)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("tool ID must be greater than 0"),
        "{err}"
    );
}

#[tokio::test]
async fn detach_tool_deletes_one_link_and_an_unknown_server_is_not_found() {
    let mock = MockServer::start().await;
    on(
        &mock,
        "DELETE",
        &server_path(&format!("/tools/{TOOL_1}")),
        204,
        None,
        1,
    )
    .await;
    client_for(&mock)
        .detach_tool(SERVER, TOOL_1)
        .await
        .expect("204");
    assert_eq!(
        sent(&mock).await,
        [req(
            "DELETE",
            &server_path(&format!("/tools/{TOOL_1}")),
            None
        )]
    );

    let mock = MockServer::start().await;
    let gone = hasmcp_error(
        404,
        "server not found",
        json!({"reason": "record not found", "serverID": 0}),
    );
    on(
        &mock,
        "DELETE",
        &server_path(&format!("/tools/{TOOL_1}")),
        404,
        Some(gone),
        1,
    )
    .await;
    let err = client_for(&mock)
        .detach_tool(SERVER, TOOL_1)
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
}

#[tokio::test]
async fn list_server_tools_reads_links_and_an_empty_object() {
    let mock = MockServer::start().await;
    let links = json!({"tools": [
        {"serverID": SERVER, "providerID": PROVIDER, "toolID": TOOL_1},
        {"serverID": SERVER, "providerID": PROVIDER, "toolID": TOOL_2},
    ]});
    on(
        &mock,
        "GET",
        &server_path("/tools"),
        200,
        Some(links.clone()),
        1,
    )
    .await;
    let got = client_for(&mock)
        .list_server_tools(SERVER)
        .all()
        .await
        .expect("200");
    assert_eq!(serde_json::to_value(&got).unwrap(), links["tools"]);

    let mock = MockServer::start().await;
    on(
        &mock,
        "GET",
        &server_path("/tools"),
        200,
        Some(json!({})),
        1,
    )
    .await;
    assert!(client_for(&mock)
        .list_server_tools(SERVER)
        .all()
        .await
        .unwrap()
        .is_empty());

    let mock = MockServer::start().await;
    let about_other =
        json!({"tools": [{"serverID": OTHER, "providerID": PROVIDER, "toolID": TOOL_1}]});
    on(
        &mock,
        "GET",
        &server_path("/tools"),
        200,
        Some(about_other),
        1,
    )
    .await;
    let err = client_for(&mock)
        .list_server_tools(SERVER)
        .all()
        .await
        .unwrap_err();
    let reason = format!("asked about {SERVER}, the answer's serverID is {OTHER}");
    assert_eq!(
        decode_reason(&err),
        ("hasmcp_list_server_tools", 200, reason.as_str())
    );

    let mock = MockServer::start().await;
    on(
        &mock,
        "GET",
        &server_path("/tools"),
        200,
        Some(json!({"tools": [{"serverID": SERVER}]})),
        1,
    )
    .await;
    let err = client_for(&mock)
        .list_server_tools(SERVER)
        .all()
        .await
        .unwrap_err();
    assert_eq!(
        decode_reason(&err),
        (
            "hasmcp_list_server_tools",
            200,
            "a listed link names no item"
        )
    );
}

#[tokio::test]
async fn resources_link_one_at_a_time() {
    let mock = MockServer::start().await;
    let zero = json!({"resource": {"serverID": ZERO, "resourceID": ZERO}});
    on(
        &mock,
        "POST",
        &server_path("/resources"),
        201,
        Some(zero),
        1,
    )
    .await;
    on(
        &mock,
        "DELETE",
        &server_path(&format!("/resources/{RESOURCE_1}")),
        204,
        None,
        1,
    )
    .await;
    let links = json!({"resources": [{"serverID": SERVER, "resourceID": RESOURCE_2}]});
    on(
        &mock,
        "GET",
        &server_path("/resources"),
        200,
        Some(links.clone()),
        1,
    )
    .await;
    let hm = client_for(&mock);
    hm.attach_resource(SERVER, RESOURCE_1).await.expect("201");
    hm.detach_resource(SERVER, RESOURCE_1).await.expect("204");
    let got = hm.list_server_resources(SERVER).all().await.expect("200");
    assert_eq!(serde_json::to_value(&got).unwrap(), links["resources"]);
    assert_eq!(
        sent(&mock).await,
        [
            req(
                "POST",
                &server_path("/resources"),
                Some(json!({"resource": {"resourceID": RESOURCE_1}}))
            ),
            req(
                "DELETE",
                &server_path(&format!("/resources/{RESOURCE_1}")),
                None
            ),
            req("GET", &server_path("/resources"), None),
        ]
    );
}

#[tokio::test]
async fn prompts_link_one_at_a_time_and_list_under_either_key() {
    let mock = MockServer::start().await;
    let zero = json!({"prompt": {"serverID": ZERO, "promptID": ZERO}});
    on(&mock, "POST", &server_path("/prompts"), 201, Some(zero), 1).await;
    on(
        &mock,
        "DELETE",
        &server_path(&format!("/prompts/{PROMPT_1}")),
        204,
        None,
        1,
    )
    .await;
    let hm = client_for(&mock);
    hm.attach_prompt(SERVER, PROMPT_1).await.expect("201");
    hm.detach_prompt(SERVER, PROMPT_1).await.expect("204");
    assert_eq!(
        sent(&mock).await,
        [
            req(
                "POST",
                &server_path("/prompts"),
                Some(json!({"prompt": {"promptID": PROMPT_1}}))
            ),
            req(
                "DELETE",
                &server_path(&format!("/prompts/{PROMPT_1}")),
                None
            ),
        ]
    );

    let link = |id: &str| json!({"serverID": SERVER, "promptID": id});
    for (answer, expected) in [
        (json!({"prompt": [link(PROMPT_1)]}), vec![PROMPT_1]),
        (json!({"prompts": [link(PROMPT_2)]}), vec![PROMPT_2]),
        (
            json!({"prompts": [link(PROMPT_2)], "prompt": [link(PROMPT_1)]}),
            vec![PROMPT_2],
        ),
        (json!({}), vec![]),
    ] {
        let mock = MockServer::start().await;
        on(
            &mock,
            "GET",
            &server_path("/prompts"),
            200,
            Some(answer.clone()),
            1,
        )
        .await;
        let got = client_for(&mock)
            .list_server_prompts(SERVER)
            .all()
            .await
            .expect("200");
        let ids: Vec<&str> = got
            .iter()
            .filter_map(|l| l.prompt_id.as_ref().map(|p| p.as_str()))
            .collect();
        assert_eq!(ids, expected, "{answer}");
    }
}

// ---------------------------------------------------------------- relative changes

#[tokio::test]
async fn attaching_and_detaching_alone_sends_link_requests_and_no_patch() {
    let mock = MockServer::start().await;
    // The read shows TOOL_1 and TOOL_2; the second read, after the links, TOOL_1 and TOOL_3.
    first(&mock, "GET", read(&[TOOL_1, TOOL_2])).await;
    on(
        &mock,
        "GET",
        &server_path(""),
        200,
        Some(read(&[TOOL_1, TOOL_3])),
        1,
    )
    .await;
    on(
        &mock,
        "POST",
        &server_path("/tools"),
        201,
        Some(zero_tool_link()),
        1,
    )
    .await;
    on(
        &mock,
        "DELETE",
        &server_path(&format!("/tools/{TOOL_2}")),
        204,
        None,
        1,
    )
    .await;
    let zero = json!({"resource": {"serverID": ZERO, "resourceID": ZERO}});
    on(
        &mock,
        "POST",
        &server_path("/resources"),
        201,
        Some(zero),
        1,
    )
    .await;
    on(
        &mock,
        "DELETE",
        &server_path(&format!("/prompts/{PROMPT_1}")),
        204,
        None,
        1,
    )
    .await;

    let updated = client_for(&mock)
        .update_server(SERVER)
        .attach_tools(PROVIDER, [TOOL_1, TOOL_3]) // TOOL_1 is attached: skipped
        .detach_tools([TOOL_2, "0Tool000009"]) // the second is not attached: skipped
        .attach_resources([RESOURCE_1, RESOURCE_2]) // RESOURCE_1 is attached: skipped
        .detach_prompts([PROMPT_1])
        .detach_resources(["0Rsrc000009"]) // not attached: skipped
        .send()
        .await
        .expect("links only");
    assert_eq!(updated.version, Some(7));
    assert_eq!(
        sent(&mock).await,
        [
            req("GET", &server_path(""), None),
            req("DELETE", &server_path(&format!("/tools/{TOOL_2}")), None),
            req(
                "POST",
                &server_path("/tools"),
                Some(json!({"tool": {"toolID": TOOL_3}}))
            ),
            req(
                "POST",
                &server_path("/resources"),
                Some(json!({"resource": {"resourceID": RESOURCE_2}}))
            ),
            req(
                "DELETE",
                &server_path(&format!("/prompts/{PROMPT_1}")),
                None
            ),
            req("GET", &server_path(""), None),
        ]
    );
}

#[tokio::test]
async fn relative_changes_already_in_place_send_nothing_after_the_read() {
    let mock = MockServer::start().await;
    on(
        &mock,
        "GET",
        &server_path(""),
        200,
        Some(read(&[TOOL_1])),
        1,
    )
    .await;
    let updated = client_for(&mock)
        .update_server(SERVER)
        .attach_tools(PROVIDER, [TOOL_1])
        .detach_tools([TOOL_2])
        .attach_prompts([PROMPT_1])
        .send()
        .await
        .expect("nothing to do");
    assert_eq!(updated.providers[0].tools[0].id.as_str(), TOOL_1);
    assert_eq!(sent(&mock).await, [req("GET", &server_path(""), None)]);
}

/// The detach landed, the attach failed: the server has neither link, and the error
/// says which step landed, which did not, and what the failing one was answered.
#[tokio::test]
async fn a_link_step_failing_after_one_landed_says_what_landed() {
    let mock = MockServer::start().await;
    on(
        &mock,
        "GET",
        &server_path(""),
        200,
        Some(read(&[TOOL_1, TOOL_2])),
        1,
    )
    .await;
    on(
        &mock,
        "DELETE",
        &server_path(&format!("/tools/{TOOL_2}")),
        204,
        None,
        1,
    )
    .await;
    let failed = hasmcp_error(
        500,
        "internal server error",
        json!({"reason": "database is locked"}),
    );
    on(&mock, "POST", &server_path("/tools"), 500, Some(failed), 1).await;
    let e = client_for(&mock)
        .update_server(SERVER)
        .detach_tools([TOOL_2])
        .attach_tools(PROVIDER, [TOOL_3])
        .attach_resources([RESOURCE_2])
        .send()
        .await
        .expect_err("the attach failed");
    assert!(e.may_have_applied());
    assert_eq!(
        e.to_string(),
        format!(
            "HasMCP hasmcp_update_server: partly applied, attach_tools, attach_resources not \
             applied or not confirmed: detach tool {TOOL_2} landed; attach tool {TOOL_3} failed: \
             HasMCP hasmcp_attach_tool: HTTP 500: internal server error (reason: database is \
             locked); applied: detach_tools"
        )
    );
    let Error::NotApplied {
        platform: Platform::HasMcp,
        applied,
        not_applied,
        cause: Some(cause),
        ..
    } = &e
    else {
        panic!("expected NotApplied with a cause, got {e:?}");
    };
    assert_eq!(applied, &["detach_tools"]);
    assert_eq!(not_applied, &["attach_tools", "attach_resources"]);
    assert_eq!(cause.status(), Some(500));
    assert_eq!(
        sent(&mock).await,
        [
            req("GET", &server_path(""), None),
            req("DELETE", &server_path(&format!("/tools/{TOOL_2}")), None),
            req(
                "POST",
                &server_path("/tools"),
                Some(json!({"tool": {"toolID": TOOL_3}}))
            ),
        ]
    );
}

/// The first step failing is that request's own error: nothing before it landed.
#[tokio::test]
async fn a_first_link_step_failing_is_its_own_error() {
    let mock = MockServer::start().await;
    on(
        &mock,
        "GET",
        &server_path(""),
        200,
        Some(read(&[TOOL_1])),
        1,
    )
    .await;
    let failed = hasmcp_error(
        500,
        "internal server error",
        json!({"reason": "database is locked"}),
    );
    on(&mock, "POST", &server_path("/tools"), 500, Some(failed), 1).await;
    let e = client_for(&mock)
        .update_server(SERVER)
        .attach_tools(PROVIDER, [TOOL_3])
        .send()
        .await
        .expect_err("the attach failed");
    assert!(matches!(e, Error::Api(_)), "{e:?}");
    assert!(!e.may_have_applied());
}

/// Every link landed; the read of the result failed.
#[tokio::test]
async fn a_failed_read_after_the_links_landed_says_they_landed() {
    let mock = MockServer::start().await;
    first(&mock, "GET", read(&[TOOL_1])).await;
    on(&mock, "GET", &server_path(""), 503, None, 1).await;
    on(
        &mock,
        "POST",
        &server_path("/tools"),
        201,
        Some(zero_tool_link()),
        1,
    )
    .await;
    let e = client_for(&mock)
        .update_server(SERVER)
        .attach_tools(PROVIDER, [TOOL_3])
        .send()
        .await
        .expect_err("the final read failed");
    assert!(e.may_have_applied());
    let Error::NotApplied {
        applied,
        not_applied,
        cause: Some(cause),
        reason,
        ..
    } = &e
    else {
        panic!("expected NotApplied with a cause, got {e:?}");
    };
    assert_eq!(applied, &["attach_tools"]);
    assert!(not_applied.is_empty());
    assert_eq!(cause.status(), Some(503));
    assert!(
        reason.starts_with(&format!(
            "attach tool {TOOL_3} landed; reading the server afterwards failed: "
        )),
        "{reason}"
    );
}

#[tokio::test]
async fn a_tool_linked_in_between_counts_as_attached_an_unknown_one_does_not() {
    for (listed, ok) in [(true, true), (false, false)] {
        let mock = MockServer::start().await;
        on(
            &mock,
            "GET",
            &server_path(""),
            200,
            Some(read(&[])),
            if ok { 2 } else { 1 },
        )
        .await;
        let (message, reason) = if listed {
            ("server tool already exists", "duplicated key not allowed")
        } else {
            ("tool does not exist", "record not found")
        };
        let body = hasmcp_error(409, message, json!({"reason": reason}));
        on(&mock, "POST", &server_path("/tools"), 409, Some(body), 1).await;
        let links = if listed {
            json!({"tools": [{"serverID": SERVER, "providerID": PROVIDER, "toolID": TOOL_3}]})
        } else {
            json!({})
        };
        on(&mock, "GET", &server_path("/tools"), 200, Some(links), 1).await;
        let got = client_for(&mock)
            .update_server(SERVER)
            .attach_tools(PROVIDER, [TOOL_3])
            .send()
            .await;
        match got {
            Ok(_) => assert!(ok),
            Err(e) => {
                assert!(!ok && e.is_conflict(), "{e}");
                assert_eq!(
                    e.to_string(),
                    format!("HasMCP hasmcp_attach_tool: HTTP 409: {message} (reason: {reason})")
                );
            }
        }
    }
}

#[tokio::test]
async fn relative_changes_with_a_rename_are_applied_to_each_rounds_fresh_read() {
    let mock = MockServer::start().await;
    // Round 1 reads TOOL_1 and TOOL_2 at version 7; its PATCH comes back stale.
    first(&mock, "GET", read(&[TOOL_1, TOOL_2])).await;
    // Round 2 reads what the winner left: TOOL_1 only, under version 8.
    let mut fresh = read(&[TOOL_1]);
    fresh["server"]["version"] = json!(8);
    fresh["server"]["name"] = json!("Winner");
    on(&mock, "GET", &server_path(""), 200, Some(fresh), 1).await;
    let mut stale = read(&[TOOL_1, TOOL_3]);
    stale["server"]["version"] = json!(8);
    stale["server"]["name"] = json!("Winner");
    first(&mock, "PATCH", stale).await;
    let mut applied = read(&[TOOL_1, TOOL_3]);
    applied["server"]["version"] = json!(9);
    applied["server"]["name"] = json!("Renamed");
    on(&mock, "PATCH", &server_path(""), 200, Some(applied), 1).await;

    let updated = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .attach_tools(PROVIDER, [TOOL_3])
        .detach_tools([TOOL_2])
        .retry_on_conflict(1)
        .send()
        .await
        .expect("the second round is applied");
    assert_eq!(updated.version, Some(9));
    let body = |version: i64| {
        json!({"server": {
            "name": "Renamed",
            "instructions": "Use these tools",
            "version": version,
            "requestHeadersProxyEnabled": false,
            "providers": [{"id": PROVIDER, "tools": [{"id": TOOL_1}, {"id": TOOL_3}]}],
            "resources": [{"id": RESOURCE_1}],
            "prompts": [{"id": PROMPT_1}],
        }})
    };
    let patches: Vec<Value> = sent(&mock)
        .await
        .into_iter()
        .filter(|(verb, ..)| verb == "PATCH")
        .filter_map(|(.., body)| body)
        .collect();
    assert_eq!(patches, [body(7), body(8)]);
}

#[tokio::test]
async fn relative_changes_add_a_provider_and_drop_one_left_without_tools() {
    let mock = MockServer::start().await;
    on(
        &mock,
        "GET",
        &server_path(""),
        200,
        Some(read(&[TOOL_1])),
        1,
    )
    .await;
    let hm = client_for(&mock);
    let current = hm.get_server(SERVER).await.expect("read");
    let body = hm
        .update_server(SERVER)
        .instructions("New")
        .detach_tools([TOOL_1])
        .attach_tools(PROVIDER_2, [TOOL_2])
        .attach_resources([RESOURCE_2])
        .detach_resources([RESOURCE_1])
        .attach_prompts([PROMPT_2])
        .merged_body(&current)
        .expect("one provider left");
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"server": {
            "name": "GitHubTools",
            "instructions": "New",
            "version": 7,
            "requestHeadersProxyEnabled": false,
            "providers": [{"id": PROVIDER_2, "tools": [{"id": TOOL_2}]}],
            "resources": [{"id": RESOURCE_2}],
            "prompts": [{"id": PROMPT_1}, {"id": PROMPT_2}],
        }})
    );
    // Keeping TOOL_1 would leave two providers: refused before any PATCH.
    let err = hm
        .update_server(SERVER)
        .instructions("New")
        .attach_tools(PROVIDER_2, [TOOL_2])
        .merged_body(&current)
        .unwrap_err();
    assert_eq!(
        invalid(&err),
        (
            "providers",
            "the update would leave 2 providers attached (0Prov000001, 0Prov000002); a PATCH \
             takes at most 1 (detach tools with the link endpoints first)"
        )
    );
}

#[tokio::test]
async fn a_patch_that_would_carry_two_providers_is_not_sent() {
    let mock = MockServer::start().await;
    let mut two = read(&[TOOL_1]);
    two["server"]["providers"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": PROVIDER_2, "tools": [{"id": TOOL_2}]}));
    on(&mock, "GET", &server_path(""), 200, Some(two), 1).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .unwrap_err();
    assert_eq!(invalid(&err).0, "providers");
    assert_eq!(sent(&mock).await, [req("GET", &server_path(""), None)]);
}

#[tokio::test]
async fn relative_changes_are_checked_before_anything_is_sent() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let cases: Vec<(mcp_admin::hasmcp::UpdateServer, &str, String)> = vec![
        (
            hm.update_server(SERVER)
                .attach_tools(PROVIDER, [TOOL_1])
                .detach_tools([TOOL_1]),
            "attach_tools",
            format!("{TOOL_1} is both attached and detached by this update"),
        ),
        (
            hm.update_server(SERVER)
                .attach_resources([RESOURCE_1])
                .detach_resources([RESOURCE_1]),
            "attach_resources",
            format!("{RESOURCE_1} is both attached and detached by this update"),
        ),
        (
            hm.update_server(SERVER).attach_tools("bad", [TOOL_1]),
            "attach_tools",
            r#""bad" is not a HasMCP id (11 characters A-Z, a-z, 0-9)"#.to_owned(),
        ),
        (
            hm.update_server(SERVER).detach_prompts(["bad"]),
            // The setter given the text is named.
            "detach_prompts",
            r#""bad" is not a HasMCP id (11 characters A-Z, a-z, 0-9)"#.to_owned(),
        ),
    ];
    for (update, field, reason) in cases {
        let err = update.send().await.unwrap_err();
        assert_eq!(invalid(&err), (field, reason.as_str()));
    }
    let err = hm
        .update_server(SERVER)
        .attach_prompts([PROMPT_1])
        .expected_version(3)
        .exact_body()
        .unwrap_err();
    assert_eq!(invalid(&err).0, "update");
}

#[tokio::test]
async fn an_expected_version_guards_a_links_only_update_too() {
    let mock = MockServer::start().await;
    on(&mock, "GET", &server_path(""), 200, Some(read(&[])), 1).await;
    let err = client_for(&mock)
        .update_server(SERVER)
        .attach_tools(PROVIDER, [TOOL_1])
        .expected_version(6)
        .send()
        .await
        .unwrap_err();
    assert!(err.is_conflict(), "{err}");
    assert_eq!(
        err.to_string(),
        "HasMCP hasmcp_update_server: conflict: expected version 6, the server is at version 7; \
         nothing was sent"
    );
    assert_eq!(sent(&mock).await, [req("GET", &server_path(""), None)]);
}

// ---------------------------------------------------------------- answers about another server

#[tokio::test]
async fn a_read_about_another_server_is_an_error_and_nothing_is_patched() {
    let mut other = read(&[TOOL_1]);
    other["server"]["id"] = json!(OTHER);
    let reason = format!("asked about {SERVER}, the answer's id is {OTHER}");

    let mock = MockServer::start().await;
    on(&mock, "GET", &server_path(""), 200, Some(other.clone()), 1).await;
    let err = client_for(&mock).get_server(SERVER).await.unwrap_err();
    assert_eq!(
        decode_reason(&err),
        ("hasmcp_get_server", 200, reason.as_str())
    );

    for attach_only in [false, true] {
        let mock = MockServer::start().await;
        on(&mock, "GET", &server_path(""), 200, Some(other.clone()), 1).await;
        let update = client_for(&mock).update_server(SERVER);
        let update = if attach_only {
            update.attach_tools(PROVIDER, [TOOL_2])
        } else {
            update.name("Renamed")
        };
        let err = update.send().await.unwrap_err();
        // The read is a step of the update called: it names the update and the step.
        assert_eq!(
            decode_reason(&err),
            ("hasmcp_update_server", 200, reason.as_str())
        );
        assert!(err.to_string().ends_with(" (reading the server)"), "{err}");
        assert!(!err.may_have_applied(), "{err:?}");
        assert_eq!(sent(&mock).await, [req("GET", &server_path(""), None)]);
    }
}

#[tokio::test]
async fn a_patch_answer_about_another_server_is_an_error() {
    let mock = MockServer::start().await;
    on(
        &mock,
        "GET",
        &server_path(""),
        200,
        Some(read(&[TOOL_1])),
        1,
    )
    .await;
    let mut other = read(&[TOOL_1]);
    other["server"]["id"] = json!(OTHER);
    other["server"]["version"] = json!(8);
    other["server"]["name"] = json!("Renamed");
    on(
        &mock,
        "PATCH",
        &server_path(""),
        200,
        Some(other.clone()),
        2,
    )
    .await;
    let hm = client_for(&mock);
    let reason = format!("asked about {SERVER}, the answer's id is {OTHER}");
    let err = hm
        .update_server(SERVER)
        .name("Renamed")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        decode_reason(&err),
        ("hasmcp_update_server", 200, reason.as_str())
    );
    let err = hm
        .update_server(SERVER)
        .name("Renamed")
        .expected_version(7)
        .send_exact()
        .await
        .unwrap_err();
    assert_eq!(
        decode_reason(&err),
        ("hasmcp_update_server", 200, reason.as_str())
    );
}

// ---------------------------------------------------------------- lifecycle

#[tokio::test]
async fn list_servers_reads_the_list_and_an_empty_object() {
    let mock = MockServer::start().await;
    let list = json!({"servers": [read(&[TOOL_1])["server"].clone()]});
    on(&mock, "GET", "/api/v1/servers", 200, Some(list), 1).await;
    let servers = client_for(&mock).list_servers().all().await.expect("200");
    assert_eq!(servers.len(), 1);
    assert_eq!(servers[0].providers[0].tools[0].id.as_str(), TOOL_1);
    assert_eq!(sent(&mock).await, [req("GET", "/api/v1/servers", None)]);

    let mock = MockServer::start().await;
    on(&mock, "GET", "/api/v1/servers", 200, Some(json!({})), 1).await;
    assert!(client_for(&mock)
        .list_servers()
        .all()
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn create_server_posts_only_what_was_set() {
    let mock = MockServer::start().await;
    let answer = json!({"server": {
        "id": SERVER, "createdAt": "2025-03-18T10:00:00Z", "updatedAt": "2025-03-18T10:00:00Z",
        "requestHeadersProxyEnabled": true, "name": "GitHubTools", "version": 1,
    }});
    on(&mock, "POST", "/api/v1/servers", 201, Some(answer), 2).await;
    let hm = client_for(&mock);
    let minimal = hm.create_server("GitHubTools").send().await.expect("201");
    assert_eq!((minimal.id.as_str(), minimal.version), (SERVER, Some(1)));
    hm.create_server("GitHubTools")
        .instructions("Use these tools")
        .request_headers_proxy_enabled(true)
        .providers([ProviderRef::new(PROVIDER).tools([TOOL_1])])
        .resources([RESOURCE_1])
        .prompts([PROMPT_1])
        .send()
        .await
        .expect("201");
    let bodies: Vec<Value> = sent(&mock)
        .await
        .into_iter()
        .filter_map(|(.., b)| b)
        .collect();
    assert_eq!(
        bodies,
        [
            json!({"server": {"name": "GitHubTools"}}),
            json!({"server": {
                "name": "GitHubTools",
                "instructions": "Use these tools",
                "requestHeadersProxyEnabled": true,
                "providers": [{"id": PROVIDER, "tools": [{"id": TOOL_1}]}],
                "resources": [{"id": RESOURCE_1}],
                "prompts": [{"id": PROMPT_1}],
            }}),
        ]
    );
}

#[tokio::test]
async fn create_server_checks_its_input_before_sending() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let cases = [
        (hm.create_server("my server"), "name"),
        (hm.create_server("ThisNameIsTooLong"), "name"),
        (hm.create_server(""), "name"),
        (
            hm.create_server("Ok").instructions("x".repeat(4097)),
            "instructions",
        ),
        (
            hm.create_server("Ok")
                .providers([ProviderRef::new(PROVIDER), ProviderRef::new(PROVIDER_2)]),
            "providers",
        ),
        (hm.create_server("Ok").resources(["short"]), "resources"),
        (hm.create_server("Ok").prompts(["short"]), "prompts"),
    ];
    for (create, field) in cases {
        assert_eq!(invalid(&create.send().await.unwrap_err()).0, field);
    }
}

#[tokio::test]
async fn a_create_answer_naming_another_server_is_an_error() {
    let mock = MockServer::start().await;
    let answer = json!({"server": {"id": OTHER, "name": "SomethingElse", "version": 1}});
    on(&mock, "POST", "/api/v1/servers", 201, Some(answer), 1).await;
    let err = client_for(&mock)
        .create_server("GitHubTools")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        decode_reason(&err),
        (
            "hasmcp_create_server",
            201,
            r#"created "GitHubTools", the answer is about "SomethingElse" (ASuB9Gf6aZZ)"#
        )
    );
}

#[tokio::test]
async fn delete_server_sends_one_delete() {
    let mock = MockServer::start().await;
    on(&mock, "DELETE", &server_path(""), 204, None, 2).await;
    let hm = client_for(&mock);
    hm.delete_server(SERVER).await.expect("204");
    hm.delete_server(SERVER).await.expect("204 again");
    assert_eq!(
        sent(&mock).await,
        [
            req("DELETE", &server_path(""), None),
            req("DELETE", &server_path(""), None)
        ]
    );
    let err = hm.delete_server("nope").await.unwrap_err();
    assert_eq!(invalid(&err).0, "id");
}

// ---------------------------------------------------------------- tokens

fn in_days(days: u64) -> DateTime<Utc> {
    DateTime::<Utc>::from(SystemTime::now() + Duration::from_secs(days * 86_400))
}

#[tokio::test]
async fn create_server_token_sends_expiry_name_and_scope_and_hides_the_value() {
    let mock = MockServer::start().await;
    let expires: DateTime<Utc> = "2030-01-01T00:00:00Z".parse().unwrap();
    let answer = json!({"token": {
        "id": TOKEN, "serverID": SERVER, "expiresAt": "2030-01-01T00:00:00Z",
        "scope": "session:call", "value": "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
    }});
    on(&mock, "POST", &server_path("/tokens"), 201, Some(answer), 1).await;
    let token = client_for(&mock)
        .create_server_token(SERVER)
        .expires_at(expires)
        .name("ci")
        .scope("session:call")
        .send()
        .await
        .expect("201");
    assert_eq!(
        sent(&mock).await,
        [req(
            "POST",
            &server_path("/tokens"),
            Some(
                json!({"token": {"expiresAt": "2030-01-01T00:00:00Z", "name": "ci", "scope": "session:call"}})
            )
        )]
    );
    assert_eq!(token.id.as_str(), TOKEN);
    assert_eq!(token.expires_at, Some(expires));
    assert_eq!(
        token.value.as_ref().map(|v| v.expose().as_str()),
        Some("eyJhbGciOiJIUzI1NiJ9.e30.c2ln")
    );
    let debug = format!("{token:?}");
    assert!(
        !debug.contains("eyJhbGciOiJIUzI1NiJ9") && debug.contains("[redacted]"),
        "{debug}"
    );
}

#[tokio::test]
async fn a_token_expiry_must_be_set_and_in_the_future_before_anything_is_sent() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let past: DateTime<Utc> = "2020-01-01T00:00:00Z".parse().unwrap();
    let cases = [
        (
            hm.create_server_token(SERVER),
            "expires_at",
            "required: the time the token stops working".to_owned(),
        ),
        (
            hm.create_server_token(SERVER).expires_at(past),
            "expires_at",
            "2020-01-01 00:00:00 UTC is not in the future".to_owned(),
        ),
        (
            hm.create_server_token(SERVER)
                .expires_at(in_days(1))
                .name(" "),
            "name",
            "empty: leave it unset instead".to_owned(),
        ),
        (
            hm.create_server_token(SERVER)
                .expires_at(in_days(1))
                .scope(""),
            "scope",
            "empty: leave it unset instead".to_owned(),
        ),
        (
            hm.create_server_token("bad").expires_at(in_days(1)),
            "server_id",
            r#""bad" is not a HasMCP id (11 characters A-Z, a-z, 0-9)"#.to_owned(),
        ),
    ];
    for (create, field, reason) in cases {
        let err = create.send().await.unwrap_err();
        assert_eq!(invalid(&err), (field, reason.as_str()));
    }
}

#[tokio::test]
async fn a_token_answer_without_a_value_or_about_another_server_is_an_error() {
    for (answer, reason) in [
        (
            json!({"token": {"id": TOKEN, "serverID": SERVER}}),
            format!("token {TOKEN} was answered without its value"),
        ),
        (
            json!({"token": {"id": TOKEN, "serverID": OTHER, "value": "v"}}),
            format!("asked about {SERVER}, the answer's serverID is {OTHER}"),
        ),
    ] {
        let mock = MockServer::start().await;
        on(&mock, "POST", &server_path("/tokens"), 201, Some(answer), 1).await;
        let err = client_for(&mock)
            .create_server_token(SERVER)
            .expires_at(in_days(1))
            .send()
            .await
            .unwrap_err();
        assert_eq!(
            decode_reason(&err),
            ("hasmcp_create_server_token", 201, reason.as_str())
        );
        assert!(!err.to_string().contains("\"v\""), "{err}");
    }
}

#[tokio::test]
async fn tokens_are_listed_without_values_and_revoked_by_id() {
    let mock = MockServer::start().await;
    let list = json!({"tokens": [{
        "id": TOKEN, "serverID": SERVER, "name": "ci",
        "expiresAt": "2030-01-01T00:00:00Z", "createdAt": "2026-01-15T12:00:00Z",
    }]});
    on(
        &mock,
        "GET",
        &server_path("/tokens"),
        200,
        Some(list.clone()),
        1,
    )
    .await;
    on(
        &mock,
        "DELETE",
        &server_path(&format!("/tokens/{TOKEN}")),
        204,
        None,
        1,
    )
    .await;
    let hm = client_for(&mock);
    let tokens = hm.list_server_tokens(SERVER).all().await.expect("200");
    assert_eq!(serde_json::to_value(&tokens).unwrap(), list["tokens"]);
    hm.revoke_server_token(SERVER, TOKEN).await.expect("204");
    assert_eq!(
        sent(&mock).await,
        [
            req("GET", &server_path("/tokens"), None),
            req("DELETE", &server_path(&format!("/tokens/{TOKEN}")), None),
        ]
    );
    assert_eq!(
        invalid(&hm.revoke_server_token(SERVER, "x").await.unwrap_err()).0,
        "token_id"
    );

    let mock = MockServer::start().await;
    let about_other = json!({"tokens": [{"id": TOKEN, "serverID": OTHER}]});
    on(
        &mock,
        "GET",
        &server_path("/tokens"),
        200,
        Some(about_other),
        1,
    )
    .await;
    let err = client_for(&mock)
        .list_server_tokens(SERVER)
        .all()
        .await
        .unwrap_err();
    assert_eq!(decode_reason(&err).0, "hasmcp_list_server_tokens");
}

// ---------------------------------------------------------------- the hosted service's routes

/// Resources and prompts under a provider, as the vendor's document has them: the same
/// bodies as at the top level, the provider in the path, the update read back from the
/// same place whether its answer is the vendor's 200 with the item or a 204.
#[tokio::test]
async fn provider_resources_and_prompts_go_under_the_provider() {
    let mock = MockServer::start().await;
    let hm = client_for(&mock);
    let list = format!("/api/v1/providers/{PROVIDER}/resources");
    let item = format!("{list}/{RESOURCE_1}");
    let resource = json!({"id": RESOURCE_1, "name": "errorLogs", "uri": "file:///logs"});
    on(
        &mock,
        "POST",
        &list,
        201,
        Some(json!({"resource": resource})),
        1,
    )
    .await;
    on(
        &mock,
        "GET",
        &list,
        200,
        Some(json!({"resources": [resource]})),
        1,
    )
    .await;
    on(
        &mock,
        "PATCH",
        &item,
        200,
        Some(json!({"resource": resource})),
        1,
    )
    .await;
    // A 200 with the item is the answer: the resource is not read again.
    on(
        &mock,
        "GET",
        &item,
        200,
        Some(json!({"resource": resource})),
        0,
    )
    .await;
    on(&mock, "DELETE", &item, 204, None, 1).await;
    let prompts = format!("/api/v1/providers/{PROVIDER}/prompts/{PROMPT_1}");
    let prompt = json!({"id": PROMPT_1, "name": "greeting"});
    on(&mock, "PATCH", &prompts, 204, None, 1).await;
    on(
        &mock,
        "GET",
        &prompts,
        200,
        Some(json!({"prompt": prompt})),
        1,
    )
    .await;

    let made = hm
        .create_provider_resource(PROVIDER, "errorLogs")
        .uri("file:///logs")
        .send()
        .await
        .expect("201");
    assert_eq!(made.id.as_str(), RESOURCE_1);
    assert_eq!(
        hm.list_provider_resources(PROVIDER)
            .all()
            .await
            .expect("200"),
        [made]
    );
    let updated = hm
        .update_provider_resource(PROVIDER, RESOURCE_1)
        .mime_type("text/plain")
        .send()
        .await
        .expect("200 with the item");
    assert_eq!(updated.name.as_deref(), Some("errorLogs"));
    hm.delete_provider_resource(PROVIDER, RESOURCE_1)
        .await
        .expect("204");
    let renamed = hm
        .update_provider_prompt(PROVIDER, PROMPT_1)
        .name("greeting")
        .send()
        .await
        .expect("204, then read");
    assert_eq!(renamed.id.as_str(), PROMPT_1);
    assert_eq!(
        sent(&mock).await,
        [
            req(
                "POST",
                &list,
                Some(json!({"resource": {"name": "errorLogs", "uri": "file:///logs"}}))
            ),
            req("GET", &list, None),
            req(
                "PATCH",
                &item,
                Some(json!({"resource": {"mimeType": "text/plain"}}))
            ),
            req("DELETE", &item, None),
            req(
                "PATCH",
                &prompts,
                Some(json!({"prompt": {"name": "greeting"}}))
            ),
            req("GET", &prompts, None),
        ]
    );
}

/// A read under a provider that answers about another item is an error, not data.
#[tokio::test]
async fn a_provider_item_answer_about_another_item_is_refused() {
    let mock = MockServer::start().await;
    let hm = client_for(&mock);
    let at = format!("/api/v1/providers/{PROVIDER}/prompts/{PROMPT_1}");
    on(
        &mock,
        "GET",
        &at,
        200,
        Some(json!({"prompt": {"id": PROMPT_2}})),
        1,
    )
    .await;
    let e = hm
        .get_provider_prompt(PROVIDER, PROMPT_1)
        .await
        .unwrap_err();
    let (operation, status, reason) = decode_reason(&e);
    assert_eq!((operation, status), ("hasmcp_get_provider_prompt", 200));
    assert!(reason.contains(PROMPT_2), "{reason}");
}

/// Export answers a document, import sends it back as it was read, without an
/// envelope; a document that is not an object is refused.
#[tokio::test]
async fn export_and_import_send_the_document_as_read() {
    let mock = MockServer::start().await;
    let hm = client_for(&mock);
    let doc = json!({"version": "1", "server": {"name": "GitHubTools"},
                     "providers": [{"name": "GitHub", "tools": [{"name": "listRepos"}]}]});
    on(
        &mock,
        "GET",
        &server_path("/export"),
        200,
        Some(doc.clone()),
        1,
    )
    .await;
    let created = json!({"server": {"id": OTHER, "name": "GitHubTools", "version": 1}});
    on(
        &mock,
        "POST",
        "/api/v1/servers/import",
        201,
        Some(created),
        1,
    )
    .await;
    let export = hm.export_server(SERVER).await.expect("200");
    assert_eq!(serde_json::to_value(&export).unwrap(), doc);
    let server = hm.import_server(export).await.expect("201");
    assert_eq!((server.id.as_str(), server.version), (OTHER, Some(1)));
    assert_eq!(
        sent(&mock).await,
        [
            req("GET", &server_path("/export"), None),
            req("POST", "/api/v1/servers/import", Some(doc)),
        ]
    );

    let mock = MockServer::start().await;
    on(
        &mock,
        "GET",
        &server_path("/export"),
        200,
        Some(json!([1])),
        1,
    )
    .await;
    let e = client_for(&mock).export_server(SERVER).await.unwrap_err();
    assert_eq!(decode_reason(&e).0, "hasmcp_export_server");
}
