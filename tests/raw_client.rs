//! The generated operations (`mcp_admin::raw`) round-trip through wiremock with the
//! vendors' own examples: method, path, bearer header, JSON content type, the exact body,
//! no `api-version` header, and the decoded response or error; and the answers where
//! the sources disagree (200 or 204, either list key, any 2xx) are all a success.

mod seeds;

use std::time::Duration;

use chrono::{DateTime, Utc};
use mcp_admin::{getmcp, hasmcp, raw, RetryPolicy};
use serde_json::{json, Value};
use wiremock::{
    matchers::{method, path},
    Mock, MockServer, Request, ResponseTemplate,
};

const HASMCP_TOKEN: &str = "hasmcp-access-token-0123";

fn hasmcp_client(server: &MockServer) -> hasmcp::Client {
    hasmcp::Client::builder()
        .base_url(server.uri())
        .token(HASMCP_TOKEN)
        .retry(RetryPolicy::none())
        .build()
        .expect("a loopback HasMCP client builds")
}

fn getmcp_client(server: &MockServer, retry: RetryPolicy) -> getmcp::Client {
    getmcp::Client::builder(server.uri())
        .api_key(seeds::GETMCP_KEY)
        .retry(retry)
        .build()
        .expect("a loopback GetMCP client builds")
}

fn time(s: &str) -> Option<DateTime<Utc>> {
    Some(s.parse().expect("an RFC 3339 time"))
}

/// The one request `server` received.
async fn only_request(server: &MockServer) -> Request {
    let mut received = server
        .received_requests()
        .await
        .expect("request recording is on");
    assert_eq!(received.len(), 1, "exactly one request: {received:?}");
    received.remove(0)
}

/// Checks everything an operation puts on the wire: method, path (no query), exactly
/// one `Authorization: Bearer <token>`, no `api-version`, and the body with its JSON
/// content type, or no body and no content type.
fn assert_sent(req: &Request, verb: &str, route: &str, token: &str, body: Option<&Value>) {
    assert_eq!(req.method.as_str(), verb);
    assert_eq!(req.url.path(), route);
    assert_eq!(req.url.query(), None);
    let auth: Vec<_> = req.headers.get_all("authorization").iter().collect();
    assert_eq!(auth, [format!("Bearer {token}").as_str()]);
    assert!(
        !req.headers.contains_key("api-version"),
        "api-version must not be sent: {:?}",
        req.headers
    );
    assert!(!req.headers.contains_key("x-http-method-override"));
    match body {
        Some(expected) => {
            let types: Vec<_> = req.headers.get_all("content-type").iter().collect();
            assert_eq!(types, ["application/json"]);
            let sent: Value = serde_json::from_slice(&req.body).expect("the body is JSON");
            assert_eq!(&sent, expected);
        }
        None => {
            assert!(req.body.is_empty(), "a GET sends no body");
            assert!(!req.headers.contains_key("content-type"));
        }
    }
}

/// Checks that `server` received exactly one request, and that it is the one described
/// (see [`assert_sent`]).
async fn assert_sent_once(
    server: &MockServer,
    verb: &str,
    route: &str,
    token: &str,
    body: Option<&Value>,
) {
    assert_sent(&only_request(server).await, verb, route, token, body);
}

/// The seed-000 body, built from the crate's body types rather than parsed.
fn hasmcp_seed_body() -> hasmcp::UpdateServerBody {
    hasmcp::UpdateServerBody {
        server: hasmcp::UpdateServerFields {
            name: Some("<string>".into()),
            instructions: Some("<string>".into()),
            version: Some(123),
            request_headers_proxy_enabled: None,
            providers: Some(vec![
                hasmcp::ProviderRef::new(seeds::HASMCP_ID).tools([seeds::HASMCP_ID])
            ]),
            resources: Some(vec![hasmcp::IdRef::new(seeds::HASMCP_ID)]),
            prompts: Some(vec![hasmcp::IdRef::new(seeds::HASMCP_ID)]),
        },
    }
}

/// The seed-003 body, built from the crate's body type rather than parsed.
fn getmcp_seed_body() -> getmcp::UpdateServerBody {
    getmcp::UpdateServerBody {
        name: Some("GitHub Tools v2".into()),
        description: Some("Updated tools for GitHub".into()),
        auth_type: Some(getmcp::AuthType::Bearer),
        test_auth_credentials: Some(r#"{"token":"your_bearer_token"}"#.into()),
        rate_limit_per_min: Some(60),
        ..Default::default()
    }
}

#[tokio::test]
async fn hasmcp_update_server_sends_the_seed_body_and_decodes_the_seed_response() {
    let server = MockServer::start().await;
    let route = "/api/v1/servers/kSuB9Gf6aD4";
    Mock::given(method("PATCH"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(seeds::hasmcp_update_response()))
        .expect(1)
        .mount(&server)
        .await;
    let client = hasmcp_client(&server);

    let response = client
        .raw()
        .hasmcp_update_server()
        .id(seeds::HASMCP_ID)
        .body(hasmcp_seed_body())
        .send()
        .await
        .expect("200 with the seed response");

    assert_eq!(response.status(), 200);
    let envelope = response.into_inner();
    // Every field of the vendor's response survives decoding: it serializes back whole
    // (the prompt's empty object forms as no key).
    assert_eq!(
        serde_json::to_value(&envelope).expect("serializes"),
        seeds::hasmcp_update_response_written()
    );
    let s = envelope.server;
    assert_eq!(s.id.as_str(), "kSuB9Gf6aD4");
    assert_eq!(s.created_at, time("2023-11-07T05:31:56Z"));
    assert_eq!(s.name, "<string>");
    assert_eq!(s.description.as_deref(), Some("<string>"));
    assert_eq!(s.instructions, None);
    assert_eq!(s.instructions_text(), "<string>");
    assert!(s.request_headers_proxy_enabled);
    assert_eq!(s.version, Some(123));
    let p = &s.providers[0];
    assert_eq!(p.api_type, Some(hasmcp::ApiType::Rest));
    assert_eq!(p.visibility_type, Some(hasmcp::VisibilityType::Public));
    assert_eq!(p.base_url.as_deref(), Some("<string>"));
    let oauth = p.oauth2_config.as_ref().expect("oauth2Config");
    assert_eq!(oauth.client_secret, Some("<string>".into()));
    let t = &p.tools[0];
    assert_eq!(
        t.provider_id.as_ref().map(|p| p.as_str()),
        Some("kSuB9Gf6aD4")
    );
    assert_eq!(t.method, Some(hasmcp::ToolMethod::Get));
    assert_eq!(t.path.as_deref(), Some("/users/{id}"));
    assert_eq!(t.title.as_deref(), Some("Make Payment"));
    assert_eq!(t.path_args_json_schema, Some(json!({})));
    assert_eq!(t.headers[0].value.expose(), "<string>");
    assert_eq!(t.oauth2_scopes, ["<string>"]);
    assert_eq!(s.resources[0].mime_type.as_deref(), Some("text/plain"));
    assert_eq!(s.resources[0].size, Some(123));
    // The vendor document's object form `{}`: no messages.
    assert!(s.prompts[0].messages.is_empty());

    assert_sent_once(
        &server,
        "PATCH",
        route,
        HASMCP_TOKEN,
        Some(&seeds::hasmcp_update_request()),
    )
    .await;
}

#[tokio::test]
async fn hasmcp_get_server_decodes_the_open_source_edition_shape() {
    // `openapi.yaml`'s GET example: ids-only attachments, `instructions`, no description.
    let body = json!({
        "server": {
            "id": "kSuB9Gf6aD4",
            "createdAt": "2023-11-07T05:31:56Z",
            "updatedAt": "2023-11-07T05:31:56Z",
            "name": "GitHubTools",
            "instructions": "Use these tools for GitHub",
            "requestHeadersProxyEnabled": false,
            "version": 3,
            "providers": [{"id": "kSuB9Gf6aD5", "tools": [{"id": "kSuB9Gf6aD6", "providerID": "kSuB9Gf6aD5"}]}],
            "resources": [{"id": "kSuB9Gf6aD7"}],
            "prompts": [{"id": "kSuB9Gf6aD8"}]
        }
    });
    let server = MockServer::start().await;
    let route = "/api/v1/servers/kSuB9Gf6aD4";
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(&body))
        .expect(1)
        .mount(&server)
        .await;
    let client = hasmcp_client(&server);

    let response = client
        .raw()
        .hasmcp_get_server()
        .id(seeds::HASMCP_ID)
        .send()
        .await
        .expect("200");

    assert_eq!(response.status(), 200);
    let envelope = response.into_inner();
    assert_eq!(serde_json::to_value(&envelope).expect("serializes"), body);
    let s = envelope.server;
    assert_eq!(s.name, "GitHubTools");
    assert_eq!(s.instructions_text(), "Use these tools for GitHub");
    assert_eq!(s.description, None);
    assert!(!s.request_headers_proxy_enabled);
    assert_eq!(s.version, Some(3));
    assert_eq!(s.providers[0].id.as_str(), "kSuB9Gf6aD5");
    assert_eq!(s.providers[0].tools[0].id.as_str(), "kSuB9Gf6aD6");
    assert_eq!(s.providers[0].api_type, None);
    assert_eq!(s.resources[0].id.as_str(), "kSuB9Gf6aD7");
    assert_eq!(s.prompts[0].id.as_str(), "kSuB9Gf6aD8");

    assert_sent_once(&server, "GET", route, HASMCP_TOKEN, None).await;
}

#[tokio::test]
async fn getmcp_update_server_sends_the_seed_body_and_decodes_the_seed_response() {
    let server = MockServer::start().await;
    let route = format!("/wp-json/getmcp/v1/servers/{}", seeds::GETMCP_UUID);
    Mock::given(method("PATCH"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(seeds::getmcp_update_response()))
        .expect(1)
        .mount(&server)
        .await;
    let client = getmcp_client(&server, RetryPolicy::none());
    let id: getmcp::ServerRef = seeds::GETMCP_UUID.parse().expect("the seed's UUID");

    let response = client
        .raw()
        .getmcp_update_server()
        .id(id)
        .body(getmcp_seed_body())
        .send()
        .await
        .expect("200 with the seed response");

    assert_eq!(response.status(), 200);
    let s = response.into_inner();
    assert_eq!(
        serde_json::to_value(&s).expect("serializes"),
        seeds::getmcp_update_response()
    );
    assert_eq!(s.id, 3);
    assert_eq!(
        s.uuid.map(|u| u.to_string()).as_deref(),
        Some("9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d")
    );
    assert_eq!(s.name, "GitHub Tools v2");
    assert_eq!(s.description(), Some("Updated tools for GitHub"));
    assert_eq!(s.status, Some(getmcp::ServerStatus::Active));
    assert_eq!(
        s.transport_type,
        Some(getmcp::TransportType::StreamableHttp)
    );
    assert_eq!(s.auth_type, Some(getmcp::AuthType::Bearer));
    assert_eq!(s.auth_config, None);
    assert_eq!(s.outbound_auth_type, Some(getmcp::OutboundAuthType::NoAuth));
    assert_eq!(s.cors_origins, None);
    assert_eq!(s.rate_limit(), Some(getmcp::RateLimit::PerMinute(60)));
    assert_eq!(
        s.endpoint_url.as_deref(),
        Some("https://yoursite.com/mcp/github-tools")
    );
    assert_eq!(s.tool_count, Some(5));
    assert_eq!(s.updated_at, time("2025-03-18T11:30:00Z"));

    assert_sent_once(
        &server,
        "PATCH",
        &route,
        seeds::GETMCP_KEY,
        Some(&seeds::getmcp_update_request()),
    )
    .await;
}

#[tokio::test]
async fn getmcp_get_server_by_numeric_id_decodes_what_php_sends() {
    // `openapi.yaml`'s GET example: PHP's `[]` settings, JSON-encoded `auth_config`,
    // a null `outbound_auth_type` and the extra `server_kind`.
    let body = json!({
        "id": 3,
        "uuid": "9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d",
        "user_id": 1,
        "name": "GitHub Tools",
        "slug": "github-tools",
        "server_id": "c3d4e5f6a1b2c3d4",
        "status": "active",
        "transport_type": "streamable-http",
        "auth_type": "none",
        "auth_config": "[]",
        "outbound_auth_type": null,
        "outbound_auth_config": null,
        "cors_origins": null,
        "rate_limit_per_min": 0,
        "settings": [],
        "endpoint_url": "https://yoursite.com/mcp/github-tools",
        "api_auth_pending": false,
        "server_kind": "native",
        "tool_count": 5,
        "prompt_count": 0,
        "resource_count": 0,
        "created_at": "2025-03-18T10:00:00Z",
        "updated_at": "2025-03-18T10:00:00Z"
    });
    let server = MockServer::start().await;
    let route = "/wp-json/getmcp/v1/servers/3";
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(&body))
        .expect(1)
        .mount(&server)
        .await;
    let client = getmcp_client(&server, RetryPolicy::none());

    let response = client
        .raw()
        .getmcp_get_server()
        .id(3u64)
        .send()
        .await
        .expect("200");

    assert_eq!(response.status(), 200);
    let s = response.into_inner();
    assert_eq!(s.name, "GitHub Tools");
    assert_eq!(s.settings, json!({}));
    assert_eq!(s.description(), None);
    assert_eq!(s.auth_type, Some(getmcp::AuthType::NoAuth));
    assert_eq!(s.auth_config, Some(json!("[]").into()));
    assert_eq!(s.outbound_auth_type, None);
    assert_eq!(s.rate_limit(), Some(getmcp::RateLimit::SiteDefault));
    assert_eq!(s.api_auth_pending, Some(false));
    assert_eq!(s.server_kind.as_deref(), Some("native"));
    assert!(s.cors_origin_list().is_empty());
    assert_eq!(s.created_at, time("2025-03-18T10:00:00Z"));
    // Only PHP's `[]` for an empty object differs when written back.
    let mut expected = body;
    expected["settings"] = json!({});
    assert_eq!(serde_json::to_value(&s).expect("serializes"), expected);

    assert_sent_once(&server, "GET", route, seeds::GETMCP_KEY, None).await;
}

#[tokio::test]
async fn getmcp_update_failed_500_is_an_error_response_and_not_retried() {
    let server = MockServer::start().await;
    let route = format!("/wp-json/getmcp/v1/servers/{}", seeds::GETMCP_UUID);
    Mock::given(method("PATCH"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(500).set_body_json(seeds::getmcp_update_failed()))
        .expect(1)
        .mount(&server)
        .await;
    // Retries allowed, yet a 500 is answered at once: it is not a retryable status.
    let retry = RetryPolicy::default().initial_backoff(Duration::from_millis(1));
    let client = getmcp_client(&server, retry);
    let id: getmcp::ServerRef = seeds::GETMCP_UUID.parse().expect("the seed's UUID");

    let result = client
        .raw()
        .getmcp_update_server()
        .id(id)
        .body(getmcp_seed_body())
        .send()
        .await;

    let Err(raw::Error::ErrorResponse(response)) = result else {
        panic!("expected ErrorResponse, got {result:?}");
    };
    assert_eq!(response.status(), 500);
    let error = response.into_inner();
    assert_eq!(error.code, "getmcp_update_failed");
    assert_eq!(error.message, "Failed to update server.");
    assert_eq!(error.data.as_ref().and_then(|d| d.status), Some(500));
    assert_eq!(
        serde_json::to_value(&error).expect("serializes"),
        seeds::getmcp_update_failed()
    );

    assert_sent_once(
        &server,
        "PATCH",
        &route,
        seeds::GETMCP_KEY,
        Some(&seeds::getmcp_update_request()),
    )
    .await;
}

#[tokio::test]
async fn hasmcp_not_found_is_an_error_response_with_its_body() {
    // `openapi.yaml`'s HasmcpError example: the open-source edition's 404.
    let body = json!({
        "error": {
            "code": 404,
            "message": "server not found",
            "data": {"reason": "record not found", "serverID": 42}
        }
    });
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/servers/kSuB9Gf6aD4"))
        .respond_with(ResponseTemplate::new(404).set_body_json(&body))
        .expect(1)
        .mount(&server)
        .await;
    let client = hasmcp_client(&server);

    let result = client
        .raw()
        .hasmcp_get_server()
        .id(seeds::HASMCP_ID)
        .send()
        .await;

    let Err(raw::Error::ErrorResponse(response)) = result else {
        panic!("expected ErrorResponse, got {result:?}");
    };
    assert_eq!(response.status(), 404);
    let error = response.into_inner().error;
    assert_eq!(error.code, Some(404));
    assert_eq!(error.message.as_deref(), Some("server not found"));
    assert_eq!(error.data.get("serverID"), Some(&json!(42)));
}

#[tokio::test]
async fn ids_outside_the_documented_forms_never_reach_the_server() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let hm = hasmcp_client(&server);
    let gm = getmcp_client(&server, RetryPolicy::none());

    let got = hm.raw().hasmcp_get_server().id("short").send().await;
    assert!(matches!(got, Err(raw::Error::InvalidRequest(_))), "{got:?}");
    let got = hm
        .raw()
        .hasmcp_update_server()
        .id("kSuB9Gf6aD/")
        .body(hasmcp_seed_body())
        .send()
        .await;
    assert!(matches!(got, Err(raw::Error::InvalidRequest(_))), "{got:?}");
    let got = gm.raw().getmcp_get_server().id("../admin").send().await;
    assert!(matches!(got, Err(raw::Error::InvalidRequest(_))), "{got:?}");
    let got = gm
        .raw()
        .getmcp_update_server()
        .id("12a")
        .body(getmcp_seed_body())
        .send()
        .await;
    assert!(matches!(got, Err(raw::Error::InvalidRequest(_))), "{got:?}");
    // A missing parameter is refused too, before any request, and named; a conversion
    // that failed keeps its own message.
    let got = gm.raw().getmcp_update_server().id(3u64).send().await;
    assert!(
        matches!(&got, Err(raw::Error::InvalidRequest(m)) if m == "body was not initialized"),
        "{got:?}"
    );
    let got = gm.raw().getmcp_update_server().send().await;
    assert!(
        matches!(&got, Err(raw::Error::InvalidRequest(m)) if m == "id was not initialized"),
        "{got:?}"
    );
    let got = gm.raw().getmcp_get_server().id("../admin").send().await;
    assert!(
        matches!(&got, Err(raw::Error::InvalidRequest(m)) if m.starts_with("conversion to ") && m.ends_with(" for id failed")),
        "{got:?}"
    );
    // Every kind of id is checked, not only the server's.
    let got = hm
        .raw()
        .hasmcp_get_provider_tool()
        .id(seeds::HASMCP_ID)
        .tool_id("m7G4v2kL9Q")
        .send()
        .await;
    assert!(matches!(got, Err(raw::Error::InvalidRequest(_))), "{got:?}");
    let got = gm
        .raw()
        .getmcp_get_tool()
        .server_id(3u64)
        .id("create_customer")
        .send()
        .await;
    assert!(matches!(got, Err(raw::Error::InvalidRequest(_))), "{got:?}");
    assert!(server
        .received_requests()
        .await
        .expect("recording")
        .is_empty());
}

/// A generated body type, built from the exact JSON it must put on the wire.
fn wire_body<T: serde::de::DeserializeOwned>(json: &Value) -> T {
    serde_json::from_value(json.clone()).expect("the JSON fits the generated body type")
}

/// A server that answers every request with `status` and `body` (none when `None`).
async fn answering(status: u16, body: Option<Value>) -> MockServer {
    let server = MockServer::start().await;
    let mut response = ResponseTemplate::new(status);
    if let Some(body) = body {
        response = response.set_body_json(body);
    }
    Mock::given(wiremock::matchers::any())
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn hasmcp_update_variable_succeeds_on_the_spec_200_and_the_code_204() {
    // The vendor spec answers 200 with the variable, the open-source edition 204 empty:
    // both are a success, and the body is not decoded.
    let body = json!({"variable": {"value": "new_secret_token_123"}});
    let answered =
        json!({"variable": {"id": "kSuB9Gf6aD9", "type": "SECRET", "name": "DB", "value": "***"}});
    for (status, answer) in [(204, None), (200, Some(answered))] {
        let server = answering(status, answer).await;
        let client = hasmcp_client(&server);

        let response = client
            .raw()
            .hasmcp_update_variable()
            .id("kSuB9Gf6aD9")
            .body(wire_body::<raw::types::HasmcpUpdateVariableRequest>(&body))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{status} is a success: {e}"));

        assert_eq!(response.status(), status);
        assert_sent_once(
            &server,
            "PATCH",
            "/api/v1/variables/kSuB9Gf6aD9",
            HASMCP_TOKEN,
            Some(&body),
        )
        .await;
    }
}

#[tokio::test]
async fn hasmcp_attach_tool_sends_one_link_and_decodes_the_zero_id_answer() {
    let zero = json!({"tool": {"serverID": "00000000000", "providerID": "00000000000", "toolID": "00000000000"}});
    let server = answering(201, Some(zero.clone())).await;
    let client = hasmcp_client(&server);
    let body = json!({"tool": {"toolID": "kSuB9Gf6aD6"}});

    let response = client
        .raw()
        .hasmcp_attach_tool()
        .id(seeds::HASMCP_ID)
        .body(wire_body::<raw::types::HasmcpAttachToolRequest>(&body))
        .send()
        .await
        .expect("201");

    assert_eq!(response.status(), 201);
    let link = response.into_inner().tool;
    assert_eq!(
        link.tool_id.as_ref().map(|id| id.as_str()),
        Some("00000000000")
    );
    assert_eq!(
        serde_json::to_value(raw::types::HasmcpServerToolLinkEnvelope { tool: link })
            .expect("serializes"),
        zero
    );
    assert_sent_once(
        &server,
        "POST",
        "/api/v1/servers/kSuB9Gf6aD4/tools",
        HASMCP_TOKEN,
        Some(&body),
    )
    .await;
}

#[tokio::test]
async fn hasmcp_server_prompt_links_read_under_either_key_or_none() {
    let link = json!({"serverID": "kSuB9Gf6aD4", "promptID": "kSuB9Gf6aD8"});
    for (answer, under_spec_key, under_code_key) in [
        (json!({"prompts": [link]}), 1, 0),
        (json!({"prompt": [link]}), 0, 1),
        (json!({}), 0, 0),
    ] {
        let server = answering(200, Some(answer.clone())).await;
        let client = hasmcp_client(&server);

        let list = client
            .raw()
            .hasmcp_list_server_prompts()
            .id(seeds::HASMCP_ID)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{answer} decodes: {e}"))
            .into_inner();

        assert_eq!(
            (list.prompts.len(), list.prompt.len()),
            (under_spec_key, under_code_key),
            "{answer}"
        );
        assert_sent_once(
            &server,
            "GET",
            "/api/v1/servers/kSuB9Gf6aD4/prompts",
            HASMCP_TOKEN,
            None,
        )
        .await;
    }
}

#[tokio::test]
async fn getmcp_list_servers_sends_its_filters_and_keeps_the_total_headers() {
    let server = MockServer::start().await;
    let item =
        json!({"id": 3, "uuid": seeds::GETMCP_UUID, "name": "GitHub Tools", "status": "active"});
    Mock::given(method("GET"))
        .and(path("/wp-json/getmcp/v1/servers"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-WP-Total", "120")
                .insert_header("X-WP-TotalPages", "3")
                .set_body_json(json!([item])),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = getmcp_client(&server, RetryPolicy::none());

    let response = client
        .raw()
        .getmcp_list_servers()
        .per_page(50u64)
        .page(2u64)
        .status(getmcp::ServerStatus::Active)
        .orderby(getmcp::ServerOrderBy::Name)
        .order(getmcp::SortOrder::Asc)
        .search("git")
        .send()
        .await
        .expect("200");

    assert_eq!(response.headers()["x-wp-total"], "120");
    assert_eq!(response.headers()["x-wp-totalpages"], "3");
    let servers = response.into_inner();
    assert_eq!(servers.len(), 1);
    assert_eq!(servers[0].name, "GitHub Tools");
    let req = only_request(&server).await;
    let mut query: Vec<(String, String)> = req
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    query.sort();
    let expected = [
        ("order", "ASC"),
        ("orderby", "name"),
        ("page", "2"),
        ("per_page", "50"),
        ("search", "git"),
        ("status", "active"),
    ];
    assert_eq!(query, expected.map(|(k, v)| (k.to_owned(), v.to_owned())));

    // A page size of 0 is refused before any request.
    let got = client
        .raw()
        .getmcp_list_servers()
        .per_page(0u64)
        .send()
        .await;
    assert!(matches!(got, Err(raw::Error::InvalidRequest(_))), "{got:?}");
}

#[tokio::test]
async fn getmcp_tool_creation_decodes_either_documented_status_and_delete_takes_any_2xx() {
    let tool = json!({"id": 5, "uuid": "5376af81-6bb8-4b01-800c-508d7672e394", "server_id": 3,
        "name": "create_customer", "http_method": "POST", "retry_count": 2, "headers": null});
    let body = json!({"name": "create_customer", "http_method": "POST", "retry_count": 2});
    let route = format!("/wp-json/getmcp/v1/servers/{}/tools", seeds::GETMCP_UUID);
    for status in [200, 201] {
        let server = answering(status, Some(tool.clone())).await;
        let client = getmcp_client(&server, RetryPolicy::none());
        let id: getmcp::ServerRef = seeds::GETMCP_UUID.parse().expect("the seed's UUID");

        let created = client
            .raw()
            .getmcp_create_tool()
            .server_id(id)
            .body(wire_body::<getmcp::CreateToolBody>(&body))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{status} decodes: {e}"))
            .into_inner();

        assert_eq!((created.id.0, created.retry_count), (5, Some(2)));
        assert_eq!(created.http_method, Some(getmcp::HttpMethod::Post));
        assert_sent_once(&server, "POST", &route, seeds::GETMCP_KEY, Some(&body)).await;
    }

    // No vendor page documents the delete: any 2xx is success, with or without a body.
    for (status, answer) in [(200, Some(json!({"deleted": true}))), (204, None)] {
        let server = answering(status, answer).await;
        let client = getmcp_client(&server, RetryPolicy::none());

        let response = client
            .raw()
            .getmcp_delete_tool()
            .server_id(3u64)
            .id("5376af81-6bb8-4b01-800c-508d7672e394")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{status} is a success: {e}"));

        assert_eq!(response.status(), status);
        assert_sent_once(
            &server,
            "DELETE",
            "/wp-json/getmcp/v1/servers/3/tools/5376af81-6bb8-4b01-800c-508d7672e394",
            seeds::GETMCP_KEY,
            None,
        )
        .await;
    }
}
