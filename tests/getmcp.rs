//! GetMCP client against wiremock: the exact JSON each builder field puts on the wire,
//! decoding of the vendor's examples and of what a real WordPress sends, the mapping of
//! every documented error, and the inputs refused before any request.

mod seeds;

use chrono::{TimeZone, Utc};
use mcp_admin::{
    getmcp::{
        self, AuthType, KeyLocation, OutboundAuthType, RateLimit, Server, ServerRef, ServerStatus,
        TestAuthCredentials, TransportType, UpdateServer,
    },
    Error, Platform, Redacted, RetryPolicy,
};
use serde_json::{json, Value};
use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc,
};
use uuid::Uuid;
use wiremock::{
    matchers::{any, method, path},
    Mock, MockServer, Request, ResponseTemplate,
};

const KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
const UUID: &str = "836995ae-1cff-41ec-823e-a4f07ccca3a0";
const PATH: &str = "/wp-json/getmcp/v1/servers/836995ae-1cff-41ec-823e-a4f07ccca3a0";

/// What a real WordPress (PHP) renders: `[]` for an empty settings array, configs as
/// JSON-encoded strings, a null outbound type, `server_kind`, escaped slashes.
const WORDPRESS_200: &str = r#"{"id":7,"uuid":"836995ae-1cff-41ec-823e-a4f07ccca3a0","user_id":1,"name":"GitHub Tools","slug":"github-tools","server_id":"c3d4e5f6a1b2c3d4","status":"active","transport_type":"streamable-http","auth_type":"none","auth_config":"[]","outbound_auth_type":null,"outbound_auth_config":null,"cors_origins":"https:\/\/a.example,https:\/\/b.example","rate_limit_per_min":-1,"settings":[],"endpoint_url":"https:\/\/yoursite.com\/mcp\/github-tools","api_auth_pending":false,"server_kind":"native","tool_count":5,"prompt_count":0,"resource_count":0,"created_at":"2025-03-18T10:00:00Z","updated_at":"2025-03-18T10:00:00Z"}"#;

fn client(server: &MockServer) -> getmcp::Client {
    getmcp::Client::builder(server.uri())
        .api_key(KEY)
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

const CREDENTIALS_PATH: &str =
    "/wp-json/getmcp/v1/servers/836995ae-1cff-41ec-823e-a4f07ccca3a0/credentials";

/// The seed's 200 answer, made about the server `r` names. The vendor's page answers
/// about server 3 (`9a3b7c8d-…`) a PATCH of `836995ae-…`; the client refuses an answer
/// about another server (see `an_answer_about_another_server_is_a_decode_error`).
fn seed_about(r: ServerRef) -> Value {
    let mut seed = seeds::getmcp_update_response();
    match r {
        ServerRef::Uuid(uuid) => seed["uuid"] = json!(uuid),
        ServerRef::Id(id) => seed["id"] = json!(id),
        other => panic!("no seed for {other:?}"),
    }
    seed
}

fn seed_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(seed_about(uuid_ref()))
}

fn uuid_ref() -> ServerRef {
    UUID.parse().expect("the documented UUID parses")
}

/// What `GET …/credentials` answers, with `has_test` for the test credentials.
fn credentials_status(has_test: bool) -> Value {
    json!({
        "auth_type": "bearer",
        "auth_config": [],
        "outbound_auth_type": "none",
        "outbound_auth_config": [],
        "test_auth_type": "bearer",
        "authentication_revision": "5d41402abc4b2a76b9719d911017c592a6f8e2c1d0b9a8f7e6d5c4b3a2918070",
        "auth_credentials": null,
        "has_auth_credentials": false,
        "test_auth_credentials": null,
        "has_test_auth_credentials": has_test,
        "outbound_auth_credentials": null,
        "has_outbound_auth_credentials": false,
    })
}

/// Sends the update `build` makes to a fresh server and returns the PATCH that arrived,
/// after checking what every update request carries. An update that changes the test
/// credentials is followed by one check of `…/credentials`, which answers as a site that
/// stored the change.
async fn sent(build: impl FnOnce(UpdateServer) -> UpdateServer) -> Request {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path(PATH))
        .respond_with(seed_ok())
        .expect(1)
        .mount(&server)
        .await;
    // Notes whether the PATCH clears, for the check's answer; never matches itself.
    let cleared = Arc::new(AtomicBool::new(false));
    let seen = Arc::clone(&cleared);
    Mock::given(method("PATCH"))
        .and(path(PATH))
        .and(move |req: &Request| {
            seen.store(
                body(req).get("clear_credentials").is_some(),
                Ordering::SeqCst,
            );
            false
        })
        .respond_with(seed_ok())
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(CREDENTIALS_PATH))
        .respond_with(move |_: &Request| {
            let stored = !cleared.load(Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_json(credentials_status(stored))
        })
        .mount(&server)
        .await;
    let gm = client(&server);
    let returned = build(gm.update_server(uuid_ref()))
        .send()
        .await
        .expect("update succeeds");
    assert_eq!(returned, seed_server(), "the response is decoded");

    let mut requests = server.received_requests().await.expect("recording is on");
    let request = requests.remove(0);
    assert_eq!(request.method.as_str(), "PATCH");
    assert_eq!(request.url.path(), PATH);
    assert_eq!(request.url.query(), None);
    assert_update_headers(&request);
    let checks = usize::from(body(&request).get("test_auth_credentials").is_some());
    assert_eq!(requests.len(), checks, "the PATCH, then {checks} check(s)");
    for check in &requests {
        assert_eq!(
            (check.method.as_str(), check.url.path()),
            ("GET", CREDENTIALS_PATH)
        );
        assert!(check.body.is_empty());
    }
    request
}

fn assert_update_headers(request: &Request) {
    assert_eq!(
        header(request, "authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(header(request, "content-type"), Some("application/json"));
    assert_eq!(header(request, "api-version"), None);
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .get(name)
        .map(|v| v.to_str().expect("ASCII header"))
}

fn body(request: &Request) -> Value {
    serde_json::from_slice(&request.body).expect("the body is JSON")
}

/// The body of the update `build` makes, as JSON.
async fn sent_body(build: impl FnOnce(UpdateServer) -> UpdateServer) -> Value {
    body(&sent(build).await)
}

fn seed_server() -> Server {
    serde_json::from_value(seed_about(uuid_ref())).expect("the seed's example decodes")
}

// ---------------------------------------------------------------------------------------
// 1. One field at a time: the body is exactly the one-key object.
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn name_alone() {
    assert_eq!(
        sent_body(|u| u.name("GitHub Tools v2")).await,
        json!({"name": "GitHub Tools v2"})
    );
}

#[tokio::test]
async fn description_alone() {
    assert_eq!(
        sent_body(|u| u.description("Updated tools for GitHub")).await,
        json!({"description": "Updated tools for GitHub"})
    );
}

#[tokio::test]
async fn clear_description_sends_empty_string() {
    assert_eq!(
        sent_body(|u| u.clear_description()).await,
        json!({"description": ""})
    );
}

#[tokio::test]
async fn status_alone() {
    assert_eq!(
        sent_body(|u| u.status(ServerStatus::Paused)).await,
        json!({"status": "paused"})
    );
}

#[tokio::test]
async fn every_status_value() {
    for (status, wire) in [
        (ServerStatus::Active, "active"),
        (ServerStatus::Paused, "paused"),
        (ServerStatus::Draft, "draft"),
    ] {
        assert_eq!(
            sent_body(|u| u.status(status)).await,
            json!({ "status": wire })
        );
    }
}

#[tokio::test]
async fn auth_type_alone() {
    assert_eq!(
        sent_body(|u| u.auth_type(AuthType::Bearer)).await,
        json!({"auth_type": "bearer"})
    );
}

#[tokio::test]
async fn every_auth_type_value() {
    for (auth, wire) in [
        (AuthType::NoAuth, "none"),
        (AuthType::Bearer, "bearer"),
        (AuthType::ApiKey, "api-key"),
        (AuthType::Basic, "basic"),
        (AuthType::OAuth, "oauth"),
    ] {
        assert_eq!(
            sent_body(|u| u.auth_type(auth)).await,
            json!({ "auth_type": wire })
        );
    }
}

#[test]
fn the_none_wire_values_have_names_that_read_in_debug() {
    let outbound: OutboundAuthType = serde_json::from_value(json!("none")).expect("decodes");
    let backoff: getmcp::RetryBackoff = serde_json::from_value(json!("none")).expect("decodes");
    assert_eq!(
        (
            "none".parse::<AuthType>().expect("infallible"),
            outbound.clone(),
            backoff.clone()
        ),
        (
            AuthType::NoAuth,
            OutboundAuthType::NoAuth,
            getmcp::RetryBackoff::NoBackoff
        )
    );
    assert_eq!(
        [
            json!(AuthType::NoAuth),
            json!(outbound),
            json!(getmcp::RetryBackoff::NoBackoff)
        ],
        [json!("none"), json!("none"), json!("none")]
    );
    assert_eq!(
        format!("{:?}", (Some(AuthType::NoAuth), Some(backoff))),
        "(Some(NoAuth), Some(NoBackoff))"
    );
}

/// The credentials string as it was on the wire.
fn credentials_string(body: &Value) -> &str {
    body["test_auth_credentials"]
        .as_str()
        .expect("test_auth_credentials is a string")
}

#[tokio::test]
async fn bearer_credentials_are_a_json_string() {
    let body = sent_body(|u| u.test_auth_credentials(TestAuthCredentials::bearer("tok-1"))).await;
    assert_eq!(
        body,
        json!({"test_auth_credentials": r#"{"token":"tok-1"}"#})
    );
    assert_eq!(credentials_string(&body), r#"{"token":"tok-1"}"#);
}

#[tokio::test]
async fn api_key_header_credentials() {
    let creds = TestAuthCredentials::api_key("X-API-Key", "your_api_key", KeyLocation::Header);
    let body = sent_body(|u| u.test_auth_credentials(creds)).await;
    assert_eq!(
        body,
        json!({"test_auth_credentials": r#"{"name":"X-API-Key","value":"your_api_key","location":"header"}"#})
    );
}

#[tokio::test]
async fn api_key_query_credentials() {
    let creds = TestAuthCredentials::api_key("api_key", "your_api_key", KeyLocation::Query);
    let body = sent_body(|u| u.test_auth_credentials(creds)).await;
    assert_eq!(
        body,
        json!({"test_auth_credentials": r#"{"name":"api_key","value":"your_api_key","location":"query"}"#})
    );
}

#[tokio::test]
async fn basic_credentials() {
    let creds = TestAuthCredentials::basic("your_username", "your_password");
    let body = sent_body(|u| u.test_auth_credentials(creds)).await;
    assert_eq!(
        body,
        json!({"test_auth_credentials": r#"{"username":"your_username","password":"your_password"}"#})
    );
}

#[tokio::test]
async fn credentials_with_quotes_are_escaped_once() {
    let creds = TestAuthCredentials::basic("a\"b", "p\\w/ü");
    let body = sent_body(|u| u.test_auth_credentials(creds)).await;
    let inner: Value =
        serde_json::from_str(credentials_string(&body)).expect("the string is itself JSON");
    assert_eq!(inner, json!({"username": "a\"b", "password": "p\\w/ü"}));
}

#[tokio::test]
async fn raw_json_credentials_are_sent_as_given() {
    let raw = r#"{"client_id":"abc","client_secret":"s","scopes":["read"]}"#;
    let body = sent_body(|u| u.test_auth_credentials(TestAuthCredentials::raw_json(raw))).await;
    assert_eq!(body, json!({ "test_auth_credentials": raw }));
}

#[tokio::test]
async fn clear_test_auth_credentials_sends_clear_credentials_and_the_empty_string() {
    assert_eq!(
        sent_body(|u| u.clear_test_auth_credentials()).await,
        json!({"test_auth_credentials": "", "clear_credentials": ["test_auth_credentials"]})
    );
}

#[tokio::test]
async fn cors_origins_are_comma_joined() {
    assert_eq!(
        sent_body(|u| u.cors_origins([
            "https://a.example",
            "http://localhost:8080",
            "https://[::1]:3000"
        ]))
        .await,
        json!({"cors_origins": "https://a.example,http://localhost:8080,https://[::1]:3000"})
    );
}

#[tokio::test]
async fn one_cors_origin() {
    assert_eq!(
        sent_body(|u| u.cors_origins(vec![String::from("https://a.example")])).await,
        json!({"cors_origins": "https://a.example"})
    );
}

#[tokio::test]
async fn allow_all_origins_sends_empty_string() {
    assert_eq!(
        sent_body(|u| u.allow_all_origins()).await,
        json!({"cors_origins": ""})
    );
}

#[tokio::test]
async fn rate_limit_per_min_alone() {
    assert_eq!(
        sent_body(|u| u.rate_limit_per_min(60)).await,
        json!({"rate_limit_per_min": 60})
    );
}

#[tokio::test]
async fn rate_limit_unlimited_is_minus_one() {
    assert_eq!(
        sent_body(|u| u.rate_limit(RateLimit::Unlimited)).await,
        json!({"rate_limit_per_min": -1})
    );
}

#[tokio::test]
async fn rate_limit_site_default_is_zero() {
    assert_eq!(
        sent_body(|u| u.rate_limit(RateLimit::SiteDefault)).await,
        json!({"rate_limit_per_min": 0})
    );
}

#[tokio::test]
async fn rate_limit_per_minute_by_name() {
    assert_eq!(
        sent_body(|u| u.rate_limit(RateLimit::PerMinute(120))).await,
        json!({"rate_limit_per_min": 120})
    );
}

#[tokio::test]
async fn raw_minus_one_and_zero_are_accepted() {
    assert_eq!(
        sent_body(|u| u.rate_limit_per_min(-1)).await,
        json!({"rate_limit_per_min": -1})
    );
    assert_eq!(
        sent_body(|u| u.rate_limit_per_min(0)).await,
        json!({"rate_limit_per_min": 0})
    );
}

#[tokio::test]
async fn the_last_call_for_a_field_wins() {
    assert_eq!(
        sent_body(|u| u
            .name("first")
            .name("second")
            .description("d")
            .clear_description()
            .allow_all_origins()
            .cors_origins(["https://a.example"]))
        .await,
        json!({"name": "second", "description": "", "cors_origins": "https://a.example"})
    );
}

// ---------------------------------------------------------------------------------------
// 2. All fields together; the seed's curl example.
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn all_fields_together() {
    let body = sent_body(|u| {
        u.name("GitHub Tools v2")
            .description("Updated tools for GitHub")
            .status(ServerStatus::Active)
            .auth_type(AuthType::ApiKey)
            .test_auth_credentials(TestAuthCredentials::api_key(
                "X-API-Key",
                "k-123",
                KeyLocation::Query,
            ))
            .cors_origins(["https://a.example", "https://b.example"])
            .rate_limit_per_min(60)
    })
    .await;
    assert_eq!(
        body,
        json!({
            "name": "GitHub Tools v2",
            "description": "Updated tools for GitHub",
            "status": "active",
            "auth_type": "api-key",
            "test_auth_credentials": r#"{"name":"X-API-Key","value":"k-123","location":"query"}"#,
            "cors_origins": "https://a.example,https://b.example",
            "rate_limit_per_min": 60
        })
    );
}

#[tokio::test]
async fn all_clears_together() {
    assert_eq!(
        sent_body(|u| u
            .clear_description()
            .clear_test_auth_credentials()
            .allow_all_origins())
        .await,
        json!({
            "description": "",
            "test_auth_credentials": "",
            "clear_credentials": ["test_auth_credentials"],
            "cors_origins": ""
        })
    );
}

#[tokio::test]
async fn seed_curl_example_comes_out_equal() {
    let request = sent(|u| {
        u.name("GitHub Tools v2")
            .description("Updated tools for GitHub")
            .auth_type(AuthType::Bearer)
            .test_auth_credentials(TestAuthCredentials::bearer("your_bearer_token"))
            .rate_limit_per_min(60)
    })
    .await;
    let seed: Value =
        serde_json::from_str(seeds::GETMCP_UPDATE_REQUEST).expect("the seed body is JSON");
    assert_eq!(body(&request), seed);
    assert_eq!(
        credentials_string(&body(&request)),
        r#"{"token":"your_bearer_token"}"#
    );
    // Byte for byte, including the escaping of the inner JSON string.
    assert_eq!(
        std::str::from_utf8(&request.body).expect("UTF-8 body"),
        r#"{"name":"GitHub Tools v2","description":"Updated tools for GitHub","auth_type":"bearer","test_auth_credentials":"{\"token\":\"your_bearer_token\"}","rate_limit_per_min":60}"#
    );
}

#[tokio::test]
async fn body_matches_what_send_puts_on_the_wire() {
    let server = MockServer::start().await;
    let gm = client(&server);
    let update = gm
        .update_server(uuid_ref())
        .name("Tools")
        .rate_limit(RateLimit::Unlimited);
    let preview = update.body().expect("valid update");
    assert_eq!(
        serde_json::to_value(&preview).expect("serializes"),
        json!({"name": "Tools", "rate_limit_per_min": -1})
    );
    let on_wire = sent_body(|u| u.name("Tools").rate_limit(RateLimit::Unlimited)).await;
    assert_eq!(serde_json::to_value(&preview).expect("serializes"), on_wire);
}

// ---------------------------------------------------------------------------------------
// 3. Decoding.
// ---------------------------------------------------------------------------------------

/// `get_server` of the server `body` is about (its `uuid`, else its `id`), answered
/// with `body`.
async fn get_with(body: &str) -> Result<Server, Error> {
    let parsed: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let asked = match (parsed.get("uuid").and_then(Value::as_str), parsed.get("id")) {
        (Some(uuid), _) => uuid.parse().expect("a UUID"),
        (None, Some(id)) => ServerRef::Id(id.as_u64().expect("a numeric id")),
        (None, None) => uuid_ref(),
    };
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/wp-json/getmcp/v1/servers/{asked}")))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    client(&server).get_server(asked).await
}

#[tokio::test]
async fn seed_200_decodes_field_by_field() {
    let s = get_with(seeds::GETMCP_UPDATE_RESPONSE)
        .await
        .expect("the seed decodes");
    assert_eq!(s.id, 3);
    assert_eq!(
        s.uuid,
        Some(Uuid::parse_str("9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d").expect("uuid"))
    );
    assert_eq!(s.user_id, Some(1));
    assert_eq!(s.name, "GitHub Tools v2");
    assert_eq!(s.slug.as_deref(), Some("github-tools"));
    assert_eq!(s.public_id.as_deref(), Some("c3d4e5f6a1b2c3d4"));
    assert_eq!(s.status, Some(ServerStatus::Active));
    assert_eq!(s.transport_type, Some(TransportType::StreamableHttp));
    assert_eq!(s.auth_type, Some(AuthType::Bearer));
    assert_eq!(s.auth_config, None);
    assert_eq!(s.outbound_auth_type, Some(OutboundAuthType::NoAuth));
    assert_eq!(s.outbound_auth_config, None);
    assert_eq!(s.cors_origins, None);
    assert!(s.cors_origin_list().is_empty());
    assert_eq!(s.rate_limit_per_min, Some(60));
    assert_eq!(s.rate_limit(), Some(RateLimit::PerMinute(60)));
    assert_eq!(s.description(), Some("Updated tools for GitHub"));
    assert_eq!(
        s.settings,
        json!({"description": "Updated tools for GitHub"})
    );
    assert_eq!(
        s.endpoint_url.as_deref(),
        Some("https://yoursite.com/mcp/github-tools")
    );
    assert_eq!(s.api_auth_pending, None);
    assert_eq!(s.server_kind, None);
    assert_eq!(s.tool_count, Some(5));
    assert_eq!(s.prompt_count, Some(0));
    assert_eq!(s.resource_count, Some(0));
    assert_eq!(
        s.created_at,
        Some(Utc.with_ymd_and_hms(2025, 3, 18, 10, 0, 0).unwrap())
    );
    assert_eq!(
        s.updated_at,
        Some(Utc.with_ymd_and_hms(2025, 3, 18, 11, 30, 0).unwrap())
    );
    assert_eq!(ServerRef::from(&s), ServerRef::Uuid(s.uuid.expect("uuid")));
}

#[tokio::test]
async fn seed_200_serializes_back_to_itself() {
    let seed = seeds::getmcp_update_response();
    let s: Server = serde_json::from_value(seed.clone()).expect("decodes");
    assert_eq!(serde_json::to_value(&s).expect("serializes"), seed);
}

#[tokio::test]
async fn real_wordpress_flavour_decodes() {
    let s = get_with(WORDPRESS_200).await.expect("decodes");
    assert_eq!(s.id, 7);
    assert_eq!(s.uuid, Some(Uuid::parse_str(UUID).expect("uuid")));
    assert_eq!(s.name, "GitHub Tools");
    assert_eq!(s.settings, json!({}), "PHP's [] reads as an empty object");
    assert_eq!(s.description(), None);
    assert_eq!(s.auth_type, Some(AuthType::NoAuth));
    assert_eq!(
        s.auth_config,
        Some(Redacted::new(Value::String("[]".into())))
    );
    assert_eq!(s.outbound_auth_type, None);
    assert_eq!(s.outbound_auth_config, None);
    assert_eq!(
        s.cors_origins.as_deref(),
        Some("https://a.example,https://b.example")
    );
    assert_eq!(
        s.cors_origin_list(),
        ["https://a.example", "https://b.example"]
    );
    assert_eq!(s.rate_limit_per_min, Some(-1));
    assert_eq!(s.rate_limit(), Some(RateLimit::Unlimited));
    assert_eq!(
        s.endpoint_url.as_deref(),
        Some("https://yoursite.com/mcp/github-tools")
    );
    assert_eq!(s.api_auth_pending, Some(false));
    assert_eq!(s.server_kind.as_deref(), Some("native"));
    assert_eq!(s.tool_count, Some(5));
    assert_eq!(s.created_at, s.updated_at);
}

#[tokio::test]
async fn settings_null_reads_as_empty_and_site_default_rate_limit() {
    let s = get_with(r#"{"id":9,"name":"x","settings":null,"rate_limit_per_min":0}"#)
        .await
        .expect("decodes");
    assert_eq!(s.settings, json!({}));
    assert_eq!(s.rate_limit(), Some(RateLimit::SiteDefault));
}

#[tokio::test]
async fn unknown_enum_values_are_kept() {
    let s = get_with(
        r#"{"id":1,"name":"x","status":"archived","auth_type":"mtls","outbound_auth_type":"oauth","transport_type":"sse"}"#,
    )
    .await
    .expect("unknown values do not fail the response");
    assert_eq!(s.status, Some(ServerStatus::Unknown("archived".into())));
    assert_eq!(s.auth_type, Some(AuthType::Unknown("mtls".into())));
    assert_eq!(
        s.outbound_auth_type,
        Some(OutboundAuthType::Unknown("oauth".into()))
    );
    assert_eq!(s.transport_type, Some(TransportType::Unknown("sse".into())));
    let back = serde_json::to_value(&s).expect("serializes");
    assert_eq!(back["status"], "archived");
    assert_eq!(back["auth_type"], "mtls");
    assert_eq!(back["outbound_auth_type"], "oauth");
    assert_eq!(back["transport_type"], "sse");
}

#[tokio::test]
async fn missing_optional_fields_are_none() {
    let s = get_with(r#"{"id":5}"#).await.expect("only id is required");
    assert_eq!(s.id, 5);
    assert_eq!(s.name, "");
    assert_eq!(s.uuid, None);
    assert_eq!(s.user_id, None);
    assert_eq!(s.slug, None);
    assert_eq!(s.public_id, None);
    assert_eq!(s.status, None);
    assert_eq!(s.transport_type, None);
    assert_eq!(s.auth_type, None);
    assert_eq!(s.auth_config, None);
    assert_eq!(s.outbound_auth_type, None);
    assert_eq!(s.outbound_auth_config, None);
    assert_eq!(s.cors_origins, None);
    assert_eq!(s.rate_limit_per_min, None);
    assert_eq!(s.rate_limit(), None);
    assert_eq!(s.settings, json!({}));
    assert_eq!(s.endpoint_url, None);
    assert_eq!(s.api_auth_pending, None);
    assert_eq!(s.server_kind, None);
    assert_eq!(s.tool_count, None);
    assert_eq!(s.prompt_count, None);
    assert_eq!(s.resource_count, None);
    assert_eq!(s.created_at, None);
    assert_eq!(s.updated_at, None);
    assert_eq!(ServerRef::from(&s), ServerRef::Id(5));
}

#[tokio::test]
async fn nulls_and_unknown_extra_fields_are_accepted() {
    let s = get_with(
        r#"{"id":5,"name":null,"uuid":null,"status":null,"created_at":"0000-00-00 00:00:00","updated_at":"2025-03-18 11:30:00","brand_new_field":{"x":1}}"#,
    )
    .await
    .expect("decodes");
    assert_eq!(s.name, "");
    assert_eq!(s.uuid, None);
    assert_eq!(s.status, None);
    assert_eq!(s.created_at, None, "WordPress's zero date reads as None");
    assert_eq!(
        s.updated_at,
        Some(Utc.with_ymd_and_hms(2025, 3, 18, 11, 30, 0).unwrap())
    );
}

#[tokio::test]
async fn unknown_settings_keys_survive_a_round_trip() {
    let settings = json!({"description": "d", "theme": {"colour": "teal"}, "flags": [1, 2]});
    let s = get_with(&json!({"id": 2, "name": "x", "settings": settings}).to_string())
        .await
        .expect("decodes");
    assert_eq!(s.description(), Some("d"));
    let back = serde_json::to_value(&s).expect("serializes");
    assert_eq!(back["settings"], settings);
}

#[tokio::test]
async fn description_that_is_not_a_string_is_none() {
    let s = get_with(r#"{"id":2,"settings":{"description":42}}"#)
        .await
        .expect("decodes");
    assert_eq!(s.description(), None);
}

// ---------------------------------------------------------------------------------------
// 4. get_server: the path for each kind of reference.
// ---------------------------------------------------------------------------------------

async fn get_path(r: impl Into<ServerRef>) -> String {
    let r = r.into();
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_about(r)))
        .expect(1)
        .mount(&server)
        .await;
    let s = client(&server).get_server(r).await.expect("get succeeds");
    assert_eq!(s, serde_json::from_value(seed_about(r)).expect("decodes"));
    let requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method.as_str(), "GET");
    assert!(request.body.is_empty(), "a GET has no body");
    assert_eq!(
        header(request, "authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(header(request, "api-version"), None);
    assert_eq!(request.url.query(), None);
    request.url.path().to_owned()
}

#[tokio::test]
async fn get_server_by_numeric_id() {
    assert_eq!(get_path(42u64).await, "/wp-json/getmcp/v1/servers/42");
}

#[tokio::test]
async fn get_server_by_uuid() {
    let id = Uuid::parse_str(UUID).expect("uuid");
    assert_eq!(get_path(id).await, PATH);
    assert_eq!(get_path(uuid_ref()).await, PATH);
}

#[tokio::test]
async fn get_server_by_upper_case_uuid_string() {
    let r: ServerRef = UUID.to_uppercase().parse().expect("upper case parses");
    assert_eq!(r, uuid_ref());
    assert_eq!(get_path(r).await, PATH);
}

#[tokio::test]
async fn update_by_numeric_id_uses_its_path() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/wp-json/getmcp/v1/servers/3"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(seeds::GETMCP_UPDATE_RESPONSE, "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let s = client(&server)
        .update_server(3u64)
        .name("x")
        .send()
        .await
        .expect("update succeeds");
    assert_eq!(s.id, 3);
}

#[tokio::test]
async fn site_in_a_sub_folder_keeps_its_prefix() {
    let server = MockServer::start().await;
    let answer = seed_about(ServerRef::Id(42));
    Mock::given(method("GET"))
        .and(path("/blog/wp-json/getmcp/v1/servers/42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;
    let gm = getmcp::Client::builder(format!("{}/blog/", server.uri()))
        .api_key(KEY)
        .retry(RetryPolicy::none())
        .build()
        .expect("builds");
    assert_eq!(gm.base_url(), format!("{}/blog", server.uri()));
    let expected: Server = serde_json::from_value(answer).expect("decodes");
    assert_eq!(gm.get_server(42u64).await.expect("ok"), expected);
}

// ---------------------------------------------------------------------------------------
// 5. Errors.
// ---------------------------------------------------------------------------------------

/// The error a GET gets when the site answers `status` with `body`.
async fn get_error(status: u16, body: &str, content_type: &str) -> Error {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).set_body_raw(body.to_owned(), content_type))
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .get_server(uuid_ref())
        .await
        .expect_err("not a success")
}

fn api(e: &Error) -> &mcp_admin::ApiError {
    match e {
        Error::Api(api) => api,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

/// Checks every field of the `ApiError` a WP_Error body becomes.
async fn wp_error(status: u16, body: Value) -> Error {
    let text = body.to_string();
    let e = get_error(status, &text, "application/json").await;
    let a = api(&e);
    assert_eq!(a.platform, Platform::GetMcp);
    assert_eq!(a.operation, "getmcp_get_server");
    assert_eq!(a.status, status);
    assert_eq!(a.code.as_deref(), body["code"].as_str());
    assert_eq!(a.message.as_deref(), body["message"].as_str());
    assert_eq!(a.data.as_ref(), body.get("data"));
    assert_eq!(a.retry_after, None);
    assert_eq!(a.body, text);
    assert_eq!(e.status(), Some(status));
    assert_eq!(e.code(), body["code"].as_str());
    assert!(!e.is_invalid_input());
    e
}

#[tokio::test]
async fn rest_forbidden_is_unauthorized() {
    let e = wp_error(
        403,
        json!({"code": "rest_forbidden", "message": "You do not have permission to update this server.", "data": {"status": 403}}),
    )
    .await;
    assert!(e.is_unauthorized());
    assert!(!e.is_not_found());
    assert!(!e.is_retryable());
    assert_eq!(
        e.to_string(),
        "GetMCP getmcp_get_server: HTTP 403 rest_forbidden: You do not have permission to update this server."
    );
}

#[tokio::test]
async fn getmcp_not_found_is_not_found() {
    let e = wp_error(
        404,
        json!({"code": "getmcp_not_found", "message": "Server not found.", "data": {"status": 404}}),
    )
    .await;
    assert!(e.is_not_found());
    assert!(!e.is_unauthorized());
    assert!(!e.is_retryable());
}

#[tokio::test]
async fn getmcp_invalid_params() {
    let e = wp_error(
        400,
        json!({"code": "getmcp_invalid_params", "message": "No valid fields to update.", "data": {"status": 400}}),
    )
    .await;
    assert!(!e.is_not_found() && !e.is_unauthorized() && !e.is_retryable());
    assert_eq!(api(&e).params(), None);
}

#[tokio::test]
async fn rest_invalid_param_exposes_params_and_details() {
    let e = wp_error(
        400,
        json!({
            "code": "rest_invalid_param",
            "message": "Invalid parameter(s): status, rate_limit_per_min",
            "data": {
                "status": 400,
                "params": {
                    "status": "status is not one of active, paused, and draft.",
                    "rate_limit_per_min": "rate_limit_per_min must be greater than or equal to -1"
                },
                "details": {
                    "status": {"code": "rest_not_in_enum", "message": "status is not one of active, paused, and draft.", "data": null},
                    "rate_limit_per_min": {"code": "rest_out_of_bounds", "message": "rate_limit_per_min must be greater than or equal to -1", "data": null}
                }
            }
        }),
    )
    .await;
    let a = api(&e);
    let params = a.params().expect("params");
    assert_eq!(
        Value::Object(params.clone()),
        json!({
            "status": "status is not one of active, paused, and draft.",
            "rate_limit_per_min": "rate_limit_per_min must be greater than or equal to -1"
        })
    );
    let details = a.details().expect("details");
    assert_eq!(details["status"]["code"], "rest_not_in_enum");
    assert_eq!(details["rate_limit_per_min"]["code"], "rest_out_of_bounds");
    assert_eq!(details.len(), 2);
    assert!(e.to_string().contains("[invalid: "), "{e}");
}

#[tokio::test]
async fn rest_no_route_is_unsupported_never_not_found() {
    let body = json!({"code": "rest_no_route", "message": "No route was found matching the URL and request method.", "data": {"status": 404}});
    let e = get_error(404, &body.to_string(), "application/json").await;
    assert!(e.is_unsupported() && !e.is_not_found(), "{e:?}");
    assert!(!e.may_have_applied() && !e.is_retryable());
    assert_eq!(e.status(), Some(404));
    assert_eq!(
        e.to_string(),
        "GetMCP getmcp_get_server: the service has no such route (HTTP 404: rest_no_route: No \
         route was found matching the URL and request method.)"
    );
    // A server the site does not have is still not found.
    let missing = json!({"code": "getmcp_not_found", "message": "Server not found.", "data": {"status": 404}});
    let e = get_error(404, &missing.to_string(), "application/json").await;
    assert!(e.is_not_found() && !e.is_unsupported());
}

#[tokio::test]
async fn rest_invalid_json() {
    let e = wp_error(
        400,
        json!({"code": "rest_invalid_json", "message": "Invalid JSON body passed.", "data": {"status": 400, "json_error_code": 4, "json_error_message": "Syntax error"}}),
    )
    .await;
    assert_eq!(api(&e).data.as_ref().expect("data")["json_error_code"], 4);
}

#[tokio::test]
async fn getmcp_invalid_credentials() {
    let e = wp_error(
        400,
        json!({"code": "getmcp_invalid_credentials", "message": "Invalid credentials JSON.", "data": {"status": 400}}),
    )
    .await;
    assert!(!e.is_unauthorized());
}

#[tokio::test]
async fn tier_limit_auth_method_keeps_its_data() {
    let e = wp_error(
        403,
        json!({
            "code": "tier_limit_auth_method",
            "message": "Your plan does not include this authentication method.",
            "data": {"status": 403, "tier": "free", "plan": "Free", "upgrade_url": "https://getmcp.com/pricing"}
        }),
    )
    .await;
    let data = api(&e).data.as_ref().expect("data");
    assert_eq!(data["tier"], "free");
    assert_eq!(data["plan"], "Free");
    assert_eq!(data["upgrade_url"], "https://getmcp.com/pricing");
    assert_eq!(e.code(), Some("tier_limit_auth_method"));
    // A plan limit, not a bad key: retrying with other credentials would not help.
    assert!(!e.is_unauthorized());
    assert_eq!(e.status(), Some(403));
}

#[tokio::test]
async fn getmcp_update_failed_from_the_seed() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path(PATH))
        .respond_with(
            ResponseTemplate::new(500)
                .set_body_raw(seeds::GETMCP_UPDATE_FAILED, "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let e = client(&server)
        .update_server(uuid_ref())
        .name("GitHub Tools v2")
        .send()
        .await
        .expect_err("500");
    let a = api(&e);
    assert_eq!(a.platform, Platform::GetMcp);
    assert_eq!(a.operation, "getmcp_update_server");
    assert_eq!(a.status, 500);
    assert_eq!(a.code.as_deref(), Some("getmcp_update_failed"));
    assert_eq!(a.message.as_deref(), Some("Failed to update server."));
    assert_eq!(a.data, Some(json!({"status": 500})));
    assert!(a.additional_errors.is_empty());
    assert_eq!(a.body, seeds::GETMCP_UPDATE_FAILED);
    assert!(!e.is_retryable());
    assert_eq!(
        e.to_string(),
        "GetMCP getmcp_update_server: HTTP 500 getmcp_update_failed: Failed to update server."
    );
}

#[tokio::test]
async fn getmcp_encryption_unavailable() {
    let e = wp_error(
        503,
        json!({"code": "getmcp_encryption_unavailable", "message": "Encryption is not available.", "data": {"status": 503}}),
    )
    .await;
    assert!(e.is_retryable());
}

#[tokio::test]
async fn additional_errors_are_kept() {
    let more = json!([
        {"code": "rest_missing_callback_param", "message": "Missing parameter(s): id", "data": {"status": 400}},
        {"code": "other", "message": "second", "data": null}
    ]);
    let e = wp_error(
        400,
        json!({"code": "rest_invalid_param", "message": "first", "data": {"status": 400}, "additional_errors": more}),
    )
    .await;
    assert_eq!(Value::Array(api(&e).additional_errors.clone()), more);
}

#[tokio::test]
async fn http_status_wins_over_data_status() {
    let e = wp_error(
        404,
        json!({"code": "getmcp_not_found", "message": "Server not found.", "data": {"status": 400}}),
    )
    .await;
    assert!(e.is_not_found());
}

#[tokio::test]
async fn retry_after_is_reported() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "7")
                .set_body_raw(
                    r#"{"code":"too_many","message":"Slow down.","data":{"status":429}}"#,
                    "application/json",
                ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let e = client(&server).get_server(1u64).await.expect_err("429");
    assert!(e.is_rate_limited());
    assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(7)));
}

const PHP_FATAL: &str = "<!DOCTYPE html>\n<html><head><title>WordPress &rsaquo; Error</title></head><body><p>There has been a critical error on this website.</p></body></html>";

#[tokio::test]
async fn html_error_page_is_an_api_error_with_its_status() {
    let e = get_error(500, PHP_FATAL, "text/html; charset=UTF-8").await;
    let a = api(&e);
    assert_eq!(a.status, 500);
    assert_eq!(a.code, None);
    assert_eq!(a.message, None);
    assert_eq!(a.data, None);
    assert!(a.additional_errors.is_empty());
    assert!(a.body.starts_with("<!DOCTYPE html>"), "{:?}", a.body);
    assert_eq!(a.body, PHP_FATAL);
    assert_eq!(e.code(), None);
    assert!(e.to_string().contains("HTTP 500"), "{e}");
    assert!(e.to_string().contains("critical error"), "{e}");
}

#[tokio::test]
async fn huge_html_page_is_cut_to_a_bounded_snippet() {
    let page = format!("<html>{}</html>", "x".repeat(100_000));
    let e = get_error(502, &page, "text/html").await;
    let a = api(&e);
    assert_eq!(a.status, 502);
    assert!(a.body.starts_with("<html>xxx"));
    assert!(a.body.len() <= mcp_admin::error::BODY_SNIPPET_LIMIT + '…'.len_utf8());
}

#[tokio::test]
async fn empty_502_is_an_api_error() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(502))
        .expect(1)
        .mount(&server)
        .await;
    let e = client(&server)
        .get_server(uuid_ref())
        .await
        .expect_err("502");
    let a = api(&e);
    assert_eq!(a.status, 502);
    assert_eq!(a.code, None);
    assert_eq!(a.message, None);
    assert_eq!(a.body, "");
    assert!(e.is_retryable());
    assert_eq!(
        e.to_string(),
        "GetMCP getmcp_get_server: HTTP 502 (empty body)"
    );
}

#[tokio::test]
async fn html_with_200_is_a_decode_error() {
    let e = get_error(200, PHP_FATAL, "text/html").await;
    match &e {
        Error::Decode {
            platform,
            operation,
            status,
            reason,
            body,
            step,
        } => {
            assert_eq!(*platform, Platform::GetMcp);
            assert_eq!(*operation, "getmcp_get_server");
            assert_eq!(*step, None);
            assert_eq!(*status, 200);
            assert!(reason.starts_with("not JSON"), "{reason}");
            assert_eq!(body, PHP_FATAL);
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
    assert_eq!(e.status(), Some(200));
}

#[tokio::test]
async fn empty_object_with_200_is_a_decode_error() {
    let e = get_error(200, "{}", "application/json").await;
    match &e {
        Error::Decode {
            status,
            reason,
            body,
            ..
        } => {
            assert_eq!(*status, 200);
            assert!(reason.contains("missing field `id`"), "{reason}");
            assert_eq!(body, "{}");
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn truncated_json_with_200_is_a_decode_error() {
    let e = get_error(
        200,
        &seeds::GETMCP_UPDATE_RESPONSE[..40],
        "application/json",
    )
    .await;
    assert!(matches!(e, Error::Decode { status: 200, .. }), "{e:?}");
}

// ---------------------------------------------------------------------------------------
// 6. Refused before any request.
// ---------------------------------------------------------------------------------------

/// Runs an update that must be refused and proves nothing reached the server.
async fn refused(build: impl FnOnce(UpdateServer) -> UpdateServer) -> (&'static str, String) {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(seed_ok())
        .expect(0)
        .mount(&server)
        .await;
    let e = build(client(&server).update_server(uuid_ref()))
        .send()
        .await
        .expect_err("refused");
    server.verify().await;
    assert!(
        server
            .received_requests()
            .await
            .expect("recording is on")
            .is_empty(),
        "nothing was sent"
    );
    assert!(e.is_invalid_input(), "{e:?}");
    assert_eq!(e.status(), None);
    match e {
        Error::InvalidInput { field, reason, .. } => (field, reason),
        other => panic!("expected Error::InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn empty_update_is_refused() {
    let (field, _) = refused(|u| u).await;
    assert_eq!(field, "update");
}

#[tokio::test]
async fn empty_name_is_refused() {
    assert_eq!(refused(|u| u.name("")).await.0, "name");
    assert_eq!(refused(|u| u.name("  \t")).await.0, "name");
}

#[tokio::test]
async fn a_bad_field_refuses_the_whole_update() {
    let (field, _) = refused(|u| u.name("fine").description("fine").rate_limit_per_min(-2)).await;
    assert_eq!(field, "rate_limit_per_min");
}

#[tokio::test]
async fn bad_origins_are_refused() {
    for bad in [
        "https://a.example/path",
        "https://a.example/",
        "https://a.example,https://b.example",
        "https://a .example",
        " https://a.example",
        "https://a.example\n",
        "*",
        "a.example",
        "//a.example",
        "ftp://a.example",
        "https://",
        "",
        "https://user@a.example",
        "https://a.example?x=1",
        "https://a.example#f",
        "https://a.example:",
        "https://a.example:443",
        "http://a.example:80",
        "https://A.example",
        "https://bücher.example",
    ] {
        let (field, reason) = refused(|u| u.cors_origins([bad])).await;
        assert_eq!(field, "cors_origins", "{bad:?}");
        assert!(!reason.is_empty());
    }
}

#[tokio::test]
async fn one_bad_origin_among_good_ones_is_refused() {
    let (field, reason) =
        refused(|u| u.cors_origins(["https://a.example", "https://b.example/x"])).await;
    assert_eq!(field, "cors_origins");
    assert!(reason.contains("https://b.example/x"), "{reason}");
}

#[tokio::test]
async fn origin_not_in_browser_form_names_the_form_to_use() {
    let (field, reason) = refused(|u| u.cors_origins(["https://Bücher.example:443"])).await;
    assert_eq!(field, "cors_origins");
    assert!(
        reason.contains("\"https://xn--bcher-kva.example\""),
        "{reason}"
    );
}

#[tokio::test]
async fn empty_origin_list_is_refused() {
    let (field, reason) = refused(|u| u.cors_origins(Vec::<String>::new())).await;
    assert_eq!(field, "cors_origins");
    assert!(reason.contains("allow_all_origins"), "{reason}");
}

#[tokio::test]
async fn rate_limit_below_minus_one_is_refused() {
    assert_eq!(
        refused(|u| u.rate_limit_per_min(-2)).await.0,
        "rate_limit_per_min"
    );
    assert_eq!(
        refused(|u| u.rate_limit_per_min(i64::MIN)).await.0,
        "rate_limit_per_min"
    );
}

#[tokio::test]
async fn empty_credential_parts_are_refused() {
    let cases = [
        TestAuthCredentials::bearer(""),
        TestAuthCredentials::bearer("   "),
        TestAuthCredentials::api_key("", "v", KeyLocation::Header),
        TestAuthCredentials::api_key("X-API-Key", "", KeyLocation::Header),
        TestAuthCredentials::api_key("", "v", KeyLocation::Query),
        TestAuthCredentials::basic("", "p"),
        TestAuthCredentials::basic("u", ""),
    ];
    for creds in cases {
        let shown = format!("{creds:?}");
        let (field, _) = refused(|u| u.test_auth_credentials(creds)).await;
        assert_eq!(field, "test_auth_credentials", "{shown}");
    }
}

#[tokio::test]
async fn raw_json_that_is_not_an_object_is_refused() {
    for raw in [
        "",
        "not json",
        "[1, 2]",
        "\"token\"",
        "42",
        "null",
        "{}",
        "{\"token\":",
    ] {
        let (field, _) =
            refused(|u| u.test_auth_credentials(TestAuthCredentials::raw_json(raw))).await;
        assert_eq!(field, "test_auth_credentials", "{raw:?}");
    }
}

#[tokio::test]
async fn body_refuses_the_same_inputs_without_io() {
    let server = MockServer::start().await;
    let gm = client(&server);
    let e = gm.update_server(1u64).body().expect_err("empty");
    assert!(e.is_invalid_input());
    let e = gm
        .update_server(1u64)
        .cors_origins(["*"])
        .body()
        .expect_err("wildcard");
    assert!(matches!(
        e,
        Error::InvalidInput {
            field: "cors_origins",
            ..
        }
    ));
    assert!(server
        .received_requests()
        .await
        .expect("recording is on")
        .is_empty());
}

// ---------------------------------------------------------------------------------------
// 7. ServerRef.
// ---------------------------------------------------------------------------------------

#[test]
fn server_ref_accepts_uuids_and_digits() {
    assert_eq!(
        UUID.parse::<ServerRef>().expect("uuid"),
        ServerRef::Uuid(Uuid::parse_str(UUID).expect("uuid"))
    );
    assert_eq!(
        UUID.to_uppercase().parse::<ServerRef>().expect("upper"),
        ServerRef::Uuid(Uuid::parse_str(UUID).expect("uuid"))
    );
    assert_eq!(
        "42".parse::<ServerRef>().expect("digits"),
        ServerRef::Id(42)
    );
    assert_eq!("0".parse::<ServerRef>().expect("zero"), ServerRef::Id(0));
    assert_eq!(
        u64::MAX.to_string().parse::<ServerRef>().expect("max"),
        ServerRef::Id(u64::MAX)
    );
    assert_eq!(ServerRef::try_from("7").expect("7"), ServerRef::Id(7));
    assert_eq!(
        ServerRef::try_from(String::from(UUID)).expect("uuid"),
        uuid_ref()
    );
}

#[test]
fn server_ref_rejects_everything_else() {
    let simple = UUID.replace('-', "");
    let braced = format!("{{{UUID}}}");
    let urn = format!("urn:uuid:{UUID}");
    let too_big = format!("{}0", u64::MAX);
    for bad in [
        "",
        "abc",
        "../x",
        "12a",
        simple.as_str(),
        braced.as_str(),
        urn.as_str(),
        " 42",
        "42 ",
        "-1",
        "+1",
        "4 2",
        "42/..",
        "%2e%2e",
        too_big.as_str(),
        "836995ae-1cff-41ec-823e-a4f07ccca3a",
        "836995ae-1cff-41ec-823e-a4f07ccca3a0x",
        "g36995ae-1cff-41ec-823e-a4f07ccca3a0",
    ] {
        let e = bad.parse::<ServerRef>().expect_err(bad);
        assert!(e.is_invalid_input(), "{bad:?}");
        assert!(
            matches!(
                e,
                Error::InvalidInput {
                    field: "server",
                    ..
                }
            ),
            "{bad:?}: {e:?}"
        );
    }
}

#[test]
fn server_ref_display_round_trips() {
    for text in [UUID, "42", "0"] {
        let r: ServerRef = text.parse().expect("parses");
        assert_eq!(r.to_string(), text);
        assert_eq!(r.to_string().parse::<ServerRef>().expect("again"), r);
    }
    let upper: ServerRef = UUID.to_uppercase().parse().expect("upper");
    assert_eq!(upper.to_string(), UUID, "displayed in the canonical form");
    assert_eq!(ServerRef::from(42u64).to_string(), "42");
}

#[test]
fn server_ref_serde() {
    assert_eq!(
        serde_json::to_value(ServerRef::from(42u64)).expect("ser"),
        json!(42)
    );
    assert_eq!(serde_json::to_value(uuid_ref()).expect("ser"), json!(UUID));
    assert_eq!(
        serde_json::from_value::<ServerRef>(json!(42)).expect("de"),
        ServerRef::Id(42)
    );
    assert_eq!(
        serde_json::from_value::<ServerRef>(json!(UUID)).expect("de"),
        uuid_ref()
    );
    assert!(serde_json::from_value::<ServerRef>(json!("../x")).is_err());
    assert!(serde_json::from_value::<ServerRef>(json!(-1)).is_err());
}

// ---------------------------------------------------------------------------------------
// 9. POST with X-HTTP-Method-Override.
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn patch_via_post_sends_post_with_override() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(seed_ok())
        .expect(2)
        .mount(&server)
        .await;
    let gm = getmcp::Client::builder(server.uri())
        .api_key(KEY)
        .retry(RetryPolicy::none())
        .patch_via_post(true)
        .build()
        .expect("builds");
    gm.update_server(uuid_ref())
        .name("GitHub Tools v2")
        .rate_limit(RateLimit::Unlimited)
        .send()
        .await
        .expect("update succeeds");
    gm.get_server(uuid_ref()).await.expect("get succeeds");

    let requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 2);
    let update = &requests[0];
    assert_eq!(update.method.as_str(), "POST");
    assert_eq!(update.url.path(), PATH);
    assert_eq!(header(update, "x-http-method-override"), Some("PATCH"));
    assert_update_headers(update);
    assert_eq!(
        body(update),
        json!({"name": "GitHub Tools v2", "rate_limit_per_min": -1})
    );
    let get = &requests[1];
    assert_eq!(get.method.as_str(), "GET");
    assert_eq!(get.url.path(), PATH);
    assert_eq!(header(get, "x-http-method-override"), None);
}

#[tokio::test]
async fn without_patch_via_post_there_is_no_override_header() {
    let request = sent(|u| u.name("x")).await;
    assert_eq!(header(&request, "x-http-method-override"), None);
}

// ---------------------------------------------------------------------------------------
// 10. Secrets stay out of Debug.
// ---------------------------------------------------------------------------------------

const TOKEN: &str = "tok-SECRET-7d1f";
const API_KEY_VALUE: &str = "key-SECRET-93ab";
const PASSWORD: &str = "pw-SECRET-41c2";
const RAW_SECRET: &str = "raw-SECRET-55e0";

fn assert_no_secret(shown: &str) {
    for secret in [KEY, TOKEN, API_KEY_VALUE, PASSWORD, RAW_SECRET] {
        assert!(!shown.contains(secret), "{secret} leaked into {shown}");
    }
}

#[tokio::test]
async fn debug_never_shows_secrets() {
    let server = MockServer::start().await;
    let gm = client(&server);
    assert_no_secret(&format!("{gm:?}"));
    assert_no_secret(&format!("{gm:#?}"));
    let builder = getmcp::Client::builder(server.uri()).api_key(KEY);
    assert_no_secret(&format!("{builder:?}"));
    assert_no_secret(&format!("{:?}", gm.raw()));

    let creds = [
        TestAuthCredentials::bearer(TOKEN),
        TestAuthCredentials::api_key("X-API-Key", API_KEY_VALUE, KeyLocation::Header),
        TestAuthCredentials::basic("admin", PASSWORD),
        TestAuthCredentials::raw_json(format!(r#"{{"secret":"{RAW_SECRET}"}}"#)),
    ];
    for c in creds {
        assert_no_secret(&format!("{c:?}"));
        assert_no_secret(&format!("{c:#?}"));
        let update = gm.update_server(uuid_ref()).test_auth_credentials(c);
        assert_no_secret(&format!("{update:?}"));
        assert_no_secret(&format!("{update:#?}"));
        let body = update.body().expect("valid");
        assert_no_secret(&format!("{body:?}"));
    }
    let shown = format!(
        "{:?}",
        TestAuthCredentials::api_key("X-API-Key", API_KEY_VALUE, KeyLocation::Query)
    );
    assert!(
        shown.contains("X-API-Key"),
        "the non-secret name is shown: {shown}"
    );
}

#[tokio::test]
async fn errors_never_show_the_key() {
    let e = get_error(
        403,
        r#"{"code":"rest_forbidden","message":"Sorry.","data":{"status":403}}"#,
        "application/json",
    )
    .await;
    assert_no_secret(&format!("{e:?}"));
    assert_no_secret(&e.to_string());
}

// ---------------------------------------------------------------------------------------
// Builder checks.
// ---------------------------------------------------------------------------------------

#[test]
fn build_refuses_missing_or_bad_keys_and_insecure_urls() {
    let missing = getmcp::Client::builder("https://yoursite.com")
        .build()
        .expect_err("no key");
    assert!(matches!(missing, Error::Config { .. }), "{missing:?}");
    let empty = getmcp::Client::builder("https://yoursite.com")
        .api_key(" ")
        .build()
        .expect_err("empty key");
    assert!(matches!(empty, Error::Config { .. }), "{empty:?}");
    let newline = getmcp::Client::builder("https://yoursite.com")
        .api_key("gmcp_x\nInjected: 1")
        .build()
        .expect_err("header-breaking key");
    assert!(matches!(newline, Error::Config { .. }), "{newline:?}");
    let insecure = getmcp::Client::builder("http://yoursite.com")
        .api_key(KEY)
        .build()
        .expect_err("plain http off loopback");
    assert!(matches!(insecure, Error::Config { .. }), "{insecure:?}");
    assert_no_secret(&format!("{insecure:?}"));
    getmcp::Client::builder("http://yoursite.com")
        .api_key(KEY)
        .allow_insecure_http()
        .build()
        .expect("allowed when asked");
    let gm = getmcp::Client::builder("https://yoursite.com/")
        .api_key(KEY)
        .build()
        .expect("https");
    assert_eq!(gm.base_url(), "https://yoursite.com");
}

// ---------------------------------------------------------------------------------------
// Redirects are never followed, so an update is never silently turned into a read.
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn redirects_are_errors_never_silent_reads() {
    for (status, via_post) in [
        (301u16, true),
        (302, true),
        (303, false),
        (303, true),
        (307, false),
        (308, true),
    ] {
        let server = MockServer::start().await;
        Mock::given(path(PATH))
            .respond_with(ResponseTemplate::new(status).insert_header("location", "/moved"))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(path("/moved"))
            .respond_with(seed_ok())
            .expect(0)
            .mount(&server)
            .await;
        let gm = getmcp::Client::builder(server.uri())
            .api_key(KEY)
            .retry(RetryPolicy::none())
            .patch_via_post(via_post)
            .build()
            .expect("builds");
        let e = gm
            .update_server(uuid_ref())
            .name("x")
            .send()
            .await
            .expect_err("a redirected update is not done");
        assert_eq!(e.status(), Some(status), "{status}: {e:?}");
        assert!(matches!(e, Error::Api(_)), "{status}: {e:?}");
        server.verify().await;
    }
}

/// serde's derived structs also take an array of field values; a 200 that is a JSON
/// array is not a server, whatever it holds.
#[tokio::test]
async fn a_200_json_array_is_never_a_server() {
    for body in ["[5]", "[3, null, 1]", "[]"] {
        match get_with(body).await {
            Err(Error::Decode { status: 200, .. }) => {}
            other => panic!("{body}: expected a decode error, got {other:?}"),
        }
    }
}

/// Configuration blobs the server echoes may hold upstream credentials.
#[test]
fn server_debug_hides_auth_configs() {
    let server: Server = serde_json::from_value(json!({
        "id": 3,
        "auth_config": "{\"token\":\"INBOUND-SECRET\"}",
        "outbound_auth_config": "{\"password\":\"OUTBOUND-SECRET\"}"
    }))
    .expect("a server");
    let debug = format!("{server:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
    assert!(
        debug.contains("auth_config: Some(\"[redacted]\")"),
        "{debug}"
    );
    // The values themselves are kept for the caller.
    assert_eq!(
        server.auth_config,
        Some(Redacted::new(json!("{\"token\":\"INBOUND-SECRET\"}")))
    );
}

// ---------------------------------------------------------------------------------------
// 11. A change of the test credentials is checked after the PATCH.
// ---------------------------------------------------------------------------------------

/// The seed's answer about the documented server, with `auth_type` as given.
fn answer_with_auth_type(auth_type: &str) -> ResponseTemplate {
    let mut answer = seed_about(uuid_ref());
    answer["auth_type"] = json!(auth_type);
    ResponseTemplate::new(200).set_body_json(answer)
}

/// Runs the update `build` makes against a site whose PATCH answers `patch` and whose
/// credentials route answers `checks`, one each, in order; returns the outcome and every
/// request received.
async fn checked_update(
    build: impl FnOnce(UpdateServer) -> UpdateServer,
    patch: ResponseTemplate,
    checks: Vec<ResponseTemplate>,
) -> (Result<Server, Error>, Vec<Request>) {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path(PATH))
        .respond_with(patch)
        .mount(&server)
        .await;
    for check in checks {
        Mock::given(method("GET"))
            .and(path(CREDENTIALS_PATH))
            .respond_with(check)
            .up_to_n_times(1)
            .expect(1)
            .mount(&server)
            .await;
    }
    let outcome = build(client(&server).update_server(uuid_ref()))
        .send()
        .await;
    server.verify().await;
    let requests = server.received_requests().await.expect("recording is on");
    (outcome, requests)
}

fn check_says(has_test: bool) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(credentials_status(has_test))
}

/// Each request as (method, path, body); a GET's body is `null`.
fn requests_made(requests: &[Request]) -> Vec<(String, String, Value)> {
    requests
        .iter()
        .map(|r| {
            let body = if r.body.is_empty() {
                Value::Null
            } else {
                body(r)
            };
            (r.method.to_string(), r.url.path().to_owned(), body)
        })
        .collect()
}

fn patch_of(body: Value) -> (String, String, Value) {
    ("PATCH".into(), PATH.into(), body)
}

fn check() -> (String, String, Value) {
    ("GET".into(), CREDENTIALS_PATH.into(), Value::Null)
}

const BEARER_TOK: &str = r#"{"token":"tok-SECRET-7d1f"}"#;

/// What `type_change_with_credentials` sends.
fn type_change_body() -> Value {
    json!({
        "name": "GitHub Tools v2",
        "auth_type": "bearer",
        "test_auth_credentials": BEARER_TOK
    })
}

fn type_change_with_credentials(u: UpdateServer) -> UpdateServer {
    u.name("GitHub Tools v2")
        .auth_type(AuthType::Bearer)
        .test_auth_credentials(TestAuthCredentials::bearer(TOKEN))
}

#[tokio::test]
async fn credentials_stored_at_the_first_check_send_nothing_more() {
    let (outcome, requests) = checked_update(
        type_change_with_credentials,
        seed_ok(),
        vec![check_says(true)],
    )
    .await;
    assert_eq!(outcome.expect("stored"), seed_server());
    assert_eq!(
        requests_made(&requests),
        [patch_of(type_change_body()), check(),]
    );
    assert_update_headers(&requests[0]);
    assert_eq!(
        header(&requests[1], "authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
}

#[tokio::test]
async fn credentials_dropped_with_a_type_change_are_sent_again_on_their_own() {
    let (outcome, requests) = checked_update(
        type_change_with_credentials,
        seed_ok(),
        vec![check_says(false), check_says(true)],
    )
    .await;
    assert_eq!(outcome.expect("stored the second time"), seed_server());
    assert_eq!(
        requests_made(&requests),
        [
            patch_of(type_change_body()),
            check(),
            patch_of(json!({"test_auth_credentials": BEARER_TOK})),
            check(),
        ]
    );
    assert_update_headers(&requests[2]);
}

/// The error an update gets when the site answered 200 without storing its change of
/// the test credentials, as one line: what was not applied, why, and what was.
fn not_applied(outcome: Result<Server, Error>) -> String {
    let e = outcome.expect_err("not applied");
    assert_no_secret(&format!("{e:?}"));
    assert_no_secret(&e.to_string());
    assert_eq!(e.status(), Some(200));
    assert!(!e.is_invalid_input() && !e.is_retryable() && !e.is_conflict());
    let may_have_applied = e.may_have_applied();
    match e {
        Error::NotApplied {
            platform: Platform::GetMcp,
            operation: "getmcp_update_server",
            status: 200,
            applied,
            not_applied,
            reason,
            ..
        } => {
            assert_eq!(not_applied, ["test_auth_credentials"]);
            assert_eq!(may_have_applied, !applied.is_empty());
            let applied = if applied.is_empty() {
                "nothing else was sent".to_owned()
            } else {
                format!("applied: {}", applied.join(", "))
            };
            format!("test_auth_credentials not applied: {reason}; {applied}")
        }
        other => panic!("expected Error::NotApplied for the update, got {other:?}"),
    }
}

#[tokio::test]
async fn credentials_dropped_twice_are_an_error_that_says_what_was_applied() {
    let (outcome, requests) = checked_update(
        type_change_with_credentials,
        seed_ok(),
        vec![check_says(false), check_says(false)],
    )
    .await;
    assert_eq!(
        not_applied(outcome),
        "test_auth_credentials not applied: the site answered 200 to the update and to the \
         credentials sent again on their own, and stored them neither time; applied: name, auth_type"
    );
    assert_eq!(requests.len(), 4);
}

#[tokio::test]
async fn credentials_dropped_while_the_type_is_none_or_oauth_are_not_sent_again() {
    for auth_type in ["none", "oauth"] {
        let (outcome, requests) = checked_update(
            |u| {
                u.rate_limit_per_min(30)
                    .test_auth_credentials(TestAuthCredentials::bearer(TOKEN))
            },
            answer_with_auth_type(auth_type),
            vec![check_says(false)],
        )
        .await;
        assert_eq!(
            not_applied(outcome),
            format!(
                "test_auth_credentials not applied: the site drops test credentials while the \
                 server's auth_type is \"{auth_type}\"; they were not sent again; applied: rate_limit_per_min"
            )
        );
        assert_eq!(
            requests_made(&requests),
            [
                patch_of(json!({"test_auth_credentials": BEARER_TOK, "rate_limit_per_min": 30})),
                check(),
            ]
        );
    }
}

#[tokio::test]
async fn a_clear_the_site_ignored_is_an_error() {
    let (outcome, requests) = checked_update(
        |u| u.clear_test_auth_credentials(),
        seed_ok(),
        vec![check_says(true)],
    )
    .await;
    assert_eq!(
        not_applied(outcome),
        "test_auth_credentials not applied: test credentials are still stored after the clear; \
         nothing else was sent"
    );
    assert_eq!(
        requests_made(&requests),
        [
            patch_of(
                json!({"test_auth_credentials": "", "clear_credentials": ["test_auth_credentials"]})
            ),
            check(),
        ]
    );
}

#[tokio::test]
async fn a_clear_that_took_is_checked_once() {
    let (outcome, requests) = checked_update(
        |u| u.status(ServerStatus::Paused).clear_test_auth_credentials(),
        seed_ok(),
        vec![check_says(false)],
    )
    .await;
    assert_eq!(outcome.expect("cleared"), seed_server());
    assert_eq!(
        requests_made(&requests),
        [
            patch_of(json!({
                "status": "paused",
                "test_auth_credentials": "",
                "clear_credentials": ["test_auth_credentials"]
            })),
            check(),
        ]
    );
}

/// Like `checked_update`, with one answer per PATCH, in order.
async fn sequenced_update(
    build: impl FnOnce(UpdateServer) -> UpdateServer,
    patches: Vec<ResponseTemplate>,
    checks: Vec<ResponseTemplate>,
) -> (Result<Server, Error>, Vec<Request>) {
    let server = MockServer::start().await;
    for (answers, on) in [(patches, "PATCH"), (checks, "GET")] {
        let route = if on == "PATCH" {
            PATH
        } else {
            CREDENTIALS_PATH
        };
        for answer in answers {
            Mock::given(method(on))
                .and(path(route))
                .respond_with(answer)
                .up_to_n_times(1)
                .expect(1)
                .mount(&server)
                .await;
        }
    }
    let outcome = build(client(&server).update_server(uuid_ref()))
        .send()
        .await;
    server.verify().await;
    let requests = server.received_requests().await.expect("recording is on");
    (outcome, requests)
}

/// The parts of an error for a call whose later request failed after the first PATCH
/// landed: (applied, not_applied, the failing request's status and code). Checks what
/// every such error shares: `may_have_applied`, the operation, no secret shown.
fn partly_applied(
    outcome: Result<Server, Error>,
) -> (Vec<&'static str>, Vec<&'static str>, u16, Option<String>) {
    let e = outcome.expect_err("a later request failed");
    assert_no_secret(&format!("{e:?}"));
    assert_no_secret(&e.to_string());
    assert!(e.may_have_applied(), "{e}");
    assert!(!e.is_invalid_input() && !e.is_not_found());
    match e {
        Error::NotApplied {
            platform: Platform::GetMcp,
            operation: "getmcp_update_server",
            status: 200,
            applied,
            not_applied,
            reason,
            cause: Some(cause),
            ..
        } => {
            assert!(reason.ends_with(&cause.to_string()), "{reason}");
            let status = cause.status().expect("the failing answer's status");
            (
                applied,
                not_applied,
                status,
                cause.code().map(str::to_owned),
            )
        }
        other => panic!("expected Error::NotApplied with a cause, got {other:?}"),
    }
}

fn invalid_credentials_400() -> ResponseTemplate {
    ResponseTemplate::new(400).set_body_json(json!({
        "code": "getmcp_invalid_credentials",
        "message": "auth_credentials for auth_type \"bearer\" must include: token.",
        "data": {"status": 400}
    }))
}

/// The site changed the type (and wiped the stored credentials), dropped the credentials
/// sent with it, and refused them when sent again: the caller learns that the type
/// changed, that the credentials are not stored, and what the site said.
#[tokio::test]
async fn credentials_refused_on_the_resend_say_that_the_auth_type_changed() {
    let (outcome, requests) = sequenced_update(
        |u| {
            u.auth_type(AuthType::Bearer)
                .test_auth_credentials(TestAuthCredentials::bearer(TOKEN))
        },
        vec![seed_ok(), invalid_credentials_400()],
        vec![check_says(false)],
    )
    .await;
    let (applied, not_applied, status, code) = partly_applied(outcome);
    assert_eq!(applied, ["auth_type"]);
    assert_eq!(not_applied, ["test_auth_credentials"]);
    assert_eq!(
        (status, code.as_deref()),
        (400, Some("getmcp_invalid_credentials"))
    );
    assert_eq!(
        requests_made(&requests),
        [
            patch_of(json!({"auth_type": "bearer", "test_auth_credentials": BEARER_TOK})),
            check(),
            patch_of(json!({"test_auth_credentials": BEARER_TOK})),
        ]
    );
}

#[tokio::test]
async fn the_message_of_a_refused_resend_names_the_type_change_and_the_answer() {
    let (outcome, _) = sequenced_update(
        type_change_with_credentials,
        vec![seed_ok(), invalid_credentials_400()],
        vec![check_says(false)],
    )
    .await;
    assert_eq!(
        outcome.expect_err("refused").to_string(),
        "GetMCP getmcp_update_server: partly applied, test_auth_credentials not applied or not \
         confirmed: the site dropped the test credentials sent with the auth_type change (which \
         also wiped those stored before); sending them again on their own failed: GetMCP \
         getmcp_update_server: HTTP 400 getmcp_invalid_credentials: auth_credentials for \
         auth_type \"bearer\" must include: token.; applied: name, auth_type"
    );
}

/// A check that fails after the PATCH landed: the update is applied, whether the
/// credentials are is unknown, and the error says both.
#[tokio::test]
async fn a_failed_check_after_the_patch_says_the_update_landed() {
    let page = ResponseTemplate::new(500).set_body_string("<html>Error</html>");
    let busy = ResponseTemplate::new(429).set_body_json(json!({
        "code": "too_many", "message": "slow down", "data": {"status": 429}
    }));
    for (failure, status) in [(page, 500), (busy, 429)] {
        let (outcome, requests) =
            sequenced_update(type_change_with_credentials, vec![seed_ok()], vec![failure]).await;
        let (applied, not_applied, got, _) = partly_applied(outcome);
        assert_eq!(applied, ["name", "auth_type"]);
        assert_eq!(not_applied, ["test_auth_credentials"]);
        assert_eq!(got, status);
        assert_eq!(
            requests_made(&requests),
            [patch_of(type_change_body()), check()]
        );
    }
}

#[tokio::test]
async fn a_failed_check_after_a_clear_may_have_applied_it() {
    let (outcome, requests) = sequenced_update(
        |u| u.clear_test_auth_credentials(),
        vec![seed_ok()],
        vec![ResponseTemplate::new(504)],
    )
    .await;
    let (applied, not_applied, status, _) = partly_applied(outcome);
    assert!(applied.is_empty());
    assert_eq!(not_applied, ["test_auth_credentials"]);
    assert_eq!(status, 504);
    assert_eq!(requests.len(), 2);
}

#[tokio::test]
async fn a_failed_second_check_says_the_credentials_were_sent_again() {
    let (outcome, requests) = sequenced_update(
        type_change_with_credentials,
        vec![seed_ok(), seed_ok()],
        vec![check_says(false), ResponseTemplate::new(503)],
    )
    .await;
    let e = outcome.expect_err("the second check failed");
    assert!(e.to_string().contains("they were sent again on their own and answered 200, but checking whether they were stored failed"), "{e}");
    let (applied, _, status, _) = partly_applied(Err(e));
    assert_eq!(applied, ["name", "auth_type"]);
    assert_eq!(status, 503);
    assert_eq!(requests.len(), 4);
}

/// Credentials that cannot pass the site's check for the type set in the same update
/// would change the type and then be refused: they are refused before sending.
#[tokio::test]
async fn credentials_that_cannot_match_the_new_auth_type_are_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let gm = client(&server);
    let mismatched = [
        (AuthType::ApiKey, TestAuthCredentials::bearer("tok")),
        (AuthType::Basic, TestAuthCredentials::bearer("tok")),
        (AuthType::Bearer, TestAuthCredentials::basic("me", "pw")),
        (
            AuthType::Bearer,
            TestAuthCredentials::api_key("k", "v", KeyLocation::Header),
        ),
        (
            AuthType::Bearer,
            TestAuthCredentials::raw_json(r#"{"tok":"x"}"#),
        ),
        (
            AuthType::Basic,
            TestAuthCredentials::raw_json(r#"{"username":"me","password":""}"#),
        ),
        (
            AuthType::ApiKey,
            TestAuthCredentials::raw_json(r#"{"name":"k","value":"v","location":"body"}"#),
        ),
    ];
    for (auth_type, credentials) in mismatched {
        let refused = gm
            .update_server(uuid_ref())
            .auth_type(auth_type.clone())
            .test_auth_credentials(credentials.clone())
            .send()
            .await
            .expect_err("refused");
        match &refused {
            Error::InvalidInput {
                field: "test_auth_credentials",
                reason,
                ..
            } => {
                assert!(
                    reason.contains(&format!(
                        "auth_type set in the same call is \"{auth_type}\""
                    )),
                    "{reason}"
                );
            }
            other => panic!("expected InvalidInput for {credentials:?}, got {other:?}"),
        }
        assert_no_secret(&refused.to_string());
    }
    let fitting = [
        (
            AuthType::Bearer,
            TestAuthCredentials::raw_json(r#"{"token":"x","extra":1}"#),
        ),
        (
            AuthType::ApiKey,
            TestAuthCredentials::api_key("k", "v", KeyLocation::Query),
        ),
        (AuthType::Basic, TestAuthCredentials::basic("me", "pw")),
    ];
    for (auth_type, credentials) in fitting {
        assert!(gm
            .update_server(uuid_ref())
            .auth_type(auth_type)
            .test_auth_credentials(credentials)
            .body()
            .is_ok());
    }
}

#[derive(Clone, Default)]
struct Capture(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

#[tokio::test]
async fn without_the_credentials_route_the_answer_is_kept_with_a_warning() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_writer(capture.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let no_route = ResponseTemplate::new(404).set_body_json(json!({
        "code": "rest_no_route",
        "message": "No route was found matching the URL and request method.",
        "data": {"status": 404}
    }));
    for build in [
        type_change_with_credentials as fn(UpdateServer) -> UpdateServer,
        |u: UpdateServer| u.clear_test_auth_credentials(),
    ] {
        let (outcome, requests) = checked_update(build, seed_ok(), vec![no_route.clone()]).await;
        assert_eq!(outcome.expect("the answer is kept"), seed_server());
        assert_eq!(requests.len(), 2, "the PATCH and the one check");
    }
    let logged = String::from_utf8(capture.0.lock().expect("lock").clone()).expect("UTF-8");
    assert_eq!(logged.matches(" WARN ").count(), 2, "{logged}");
    assert!(
        logged.contains(&format!(
            "GetMCP: the site has no GET /servers/{{id}}/credentials route, so whether the test \
             credentials were changed cannot be verified; returning the update's answer server={UUID}"
        )),
        "{logged}"
    );
    assert_no_secret(&logged);
}

#[tokio::test]
async fn another_failure_of_the_check_is_the_cause_of_a_partly_applied_update() {
    let failed = ResponseTemplate::new(500).set_body_json(json!({
        "code": "internal_server_error", "message": "Database error.", "data": {"status": 500}
    }));
    let (outcome, requests) =
        checked_update(type_change_with_credentials, seed_ok(), vec![failed]).await;
    let e = outcome.expect_err("the check failed");
    assert!(e.may_have_applied());
    let Error::NotApplied {
        cause: Some(cause), ..
    } = &e
    else {
        panic!("expected NotApplied with a cause, got {e:?}");
    };
    // The check is a step of the update called: it names the update and the step.
    let a = api(cause);
    assert_eq!(
        (a.operation, a.step, a.status, a.code.as_deref()),
        (
            "getmcp_update_server",
            Some("checking the stored test credentials"),
            500,
            Some("internal_server_error")
        )
    );
    assert_eq!(requests.len(), 2);
}

#[tokio::test]
async fn updates_that_leave_the_credentials_alone_are_not_checked() {
    let (outcome, requests) = checked_update(
        |u| u.name("x").auth_type(AuthType::Basic),
        seed_ok(),
        vec![],
    )
    .await;
    outcome.expect("updated");
    assert_eq!(
        requests_made(&requests),
        [patch_of(json!({"name": "x", "auth_type": "basic"}))]
    );
}

#[tokio::test]
async fn test_credentials_with_auth_type_none_or_oauth_are_refused() {
    for auth_type in [AuthType::NoAuth, AuthType::OAuth] {
        let (field, reason) = refused(|u| {
            u.auth_type(auth_type.clone())
                .test_auth_credentials(TestAuthCredentials::bearer("t"))
        })
        .await;
        assert_eq!(field, "test_auth_credentials");
        assert_eq!(
            reason,
            format!("the site never stores test credentials for auth_type \"{auth_type}\"")
        );
    }
    // A clear with either type is fine: the site wipes them anyway.
    assert_eq!(
        sent_body(|u| u.auth_type(AuthType::NoAuth).clear_test_auth_credentials()).await,
        json!({
            "auth_type": "none",
            "test_auth_credentials": "",
            "clear_credentials": ["test_auth_credentials"]
        })
    );
}

// ---------------------------------------------------------------------------------------
// 12. get_server_credentials.
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn get_server_credentials_reads_the_flags() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(CREDENTIALS_PATH))
        .respond_with(check_says(true))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/wp-json/getmcp/v1/servers/42/credentials"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "code": "getmcp_not_found", "message": "Server not found.", "data": {"status": 404}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let gm = client(&server);
    let status = gm.get_server_credentials(uuid_ref()).await.expect("200");
    assert_eq!(status.auth_type, Some(AuthType::Bearer));
    assert_eq!(status.auth_config, Some(Redacted::new(json!([]))));
    assert_eq!(status.outbound_auth_type, Some(OutboundAuthType::NoAuth));
    assert_eq!(status.outbound_auth_config, Some(Redacted::new(json!([]))));
    assert_eq!(status.test_auth_type, Some(AuthType::Bearer));
    assert_eq!(
        status.authentication_revision.as_deref(),
        Some("5d41402abc4b2a76b9719d911017c592a6f8e2c1d0b9a8f7e6d5c4b3a2918070")
    );
    assert!(!status.has_auth_credentials);
    assert!(status.has_test_auth_credentials);
    assert!(!status.has_outbound_auth_credentials);
    let requests = server.received_requests().await.expect("recording is on");
    assert_eq!(
        header(&requests[0], "authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert!(requests[0].body.is_empty());

    let e = gm
        .get_server_credentials(42u64)
        .await
        .expect_err("no server 42");
    assert!(e.is_not_found());
    assert_eq!(api(&e).operation, "getmcp_get_server_credentials");
}

#[tokio::test]
async fn the_documented_form_with_decoded_credentials_keeps_no_secret() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(CREDENTIALS_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "auth_type": "basic",
            "test_auth_credentials": {"username": "admin", "password": PASSWORD},
            "auth_credentials": null,
            "outbound_auth_credentials": "",
        })))
        .mount(&server)
        .await;
    let status = client(&server)
        .get_server_credentials(uuid_ref())
        .await
        .expect("decodes");
    assert!(status.has_test_auth_credentials);
    assert!(!status.has_auth_credentials && !status.has_outbound_auth_credentials);
    assert_no_secret(&format!("{status:?}"));
    assert_no_secret(&serde_json::to_string(&status).expect("serializes"));
}

// ---------------------------------------------------------------------------------------
// 13. An answer about another server is an error.
// ---------------------------------------------------------------------------------------

fn decode_reason(e: Error, expected_operation: &str) -> String {
    match e {
        Error::Decode {
            platform: Platform::GetMcp,
            operation,
            status: 200,
            reason,
            ..
        } if operation == expected_operation => reason,
        other => panic!("expected Error::Decode for {expected_operation}, got {other:?}"),
    }
}

#[tokio::test]
async fn an_answer_about_another_server_is_a_decode_error() {
    let server = MockServer::start().await;
    // The vendor's own example: its URL names 836995ae-…, its answer is about 9a3b7c8d-….
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(seeds::GETMCP_UPDATE_RESPONSE, "application/json"),
        )
        .mount(&server)
        .await;
    let gm = client(&server);
    let read = gm.get_server(uuid_ref()).await.expect_err("another server");
    assert_eq!(
        decode_reason(read, "getmcp_get_server"),
        "asked for server 836995ae-1cff-41ec-823e-a4f07ccca3a0, the answer is about server \
         9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d (id 3)"
    );
    let by_id = gm.get_server(42u64).await.expect_err("another server");
    assert_eq!(
        decode_reason(by_id, "getmcp_get_server"),
        "asked for server id 42, the answer is about server id 3"
    );
    // A write whose answer is about another server: no credentials check follows it.
    let write = gm
        .update_server(uuid_ref())
        .test_auth_credentials(TestAuthCredentials::bearer(TOKEN))
        .send()
        .await
        .expect_err("another server");
    assert_eq!(
        decode_reason(write, "getmcp_update_server"),
        "asked for server 836995ae-1cff-41ec-823e-a4f07ccca3a0, the answer is about server \
         9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d (id 3)"
    );
    let methods: Vec<String> = server
        .received_requests()
        .await
        .expect("recording is on")
        .iter()
        .map(|r| r.method.to_string())
        .collect();
    assert_eq!(methods, ["GET", "GET", "PATCH"]);
}

#[tokio::test]
async fn a_uuid_is_compared_in_any_case_and_must_be_there() {
    let upper = json!({"id": 7, "uuid": UUID.to_uppercase()}).to_string();
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_raw(upper, "application/json"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 7, "uuid": null})))
        .mount(&server)
        .await;
    let gm = client(&server);
    let s = gm.get_server(uuid_ref()).await.expect("the same UUID");
    assert_eq!(s.uuid, Some(Uuid::parse_str(UUID).expect("uuid")));
    let e = gm.get_server(uuid_ref()).await.expect_err("no uuid");
    assert_eq!(
        decode_reason(e, "getmcp_get_server"),
        "asked for server 836995ae-1cff-41ec-823e-a4f07ccca3a0, the answer carries no uuid (id 7)"
    );
}

// ---------------------------------------------------------------------------------------
// 14. `settings` may hold any JSON; the rate limit's upper bound.
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn settings_of_any_json_decode_and_survive() {
    for settings in [
        json!(["a", 1]),
        json!("text"),
        json!(42),
        json!(true),
        json!({"description": ["not", "a", "string"]}),
    ] {
        let s = get_with(&json!({"id": 4, "settings": settings}).to_string())
            .await
            .expect("any settings decode");
        assert_eq!(s.settings, settings);
        assert_eq!(s.description(), None);
        assert_eq!(
            serde_json::to_value(&s).expect("serializes")["settings"],
            settings
        );
    }
}

#[tokio::test]
async fn an_update_answered_with_list_settings_succeeds() {
    let mut answer = seed_about(uuid_ref());
    answer["settings"] = json!(["legacy", {"k": "v"}]);
    let (outcome, requests) = checked_update(
        |u| u.status(ServerStatus::Draft),
        ResponseTemplate::new(200).set_body_json(answer),
        vec![],
    )
    .await;
    let s = outcome.expect("the update was applied and is reported");
    assert_eq!(s.settings, json!(["legacy", {"k": "v"}]));
    assert_eq!(requests.len(), 1);
}

#[tokio::test]
async fn rate_limit_above_what_the_site_stores_is_refused() {
    let too_big = i64::from(i32::MAX) + 1;
    let (field, reason) = refused(|u| u.rate_limit_per_min(too_big)).await;
    assert_eq!(field, "rate_limit_per_min");
    assert_eq!(
        reason,
        "2147483648 is above 2147483647, the most the site stores (it would keep 2147483647)"
    );
    assert_eq!(
        refused(|u| u.rate_limit(RateLimit::PerMinute(u32::MAX)))
            .await
            .0,
        "rate_limit_per_min"
    );
    assert_eq!(
        sent_body(|u| u.rate_limit_per_min(i64::from(i32::MAX))).await,
        json!({"rate_limit_per_min": 2147483647})
    );
}

/// A taken slug: the site stores `…-1` and answers 201. The create is `Ok` (the server
/// exists), and a warning names both slugs.
#[tokio::test]
async fn a_taken_slug_on_create_is_ok_with_a_warning_naming_both() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_writer(capture.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let server = MockServer::start().await;
    let mut answer = seeds::getmcp_update_response();
    answer["slug"] = json!("github-tools-1");
    Mock::given(method("POST"))
        .and(path("/wp-json/getmcp/v1/servers"))
        .respond_with(ResponseTemplate::new(201).set_body_json(answer))
        .expect(1)
        .mount(&server)
        .await;
    let created = client(&server)
        .create_server("Other")
        .slug("github-tools")
        .send()
        .await
        .expect("created under another slug");
    assert_eq!(created.slug.as_deref(), Some("github-tools-1"));
    let logged = String::from_utf8(capture.0.lock().expect("lock").clone()).expect("UTF-8");
    assert_eq!(logged.matches(" WARN ").count(), 1, "{logged}");
    assert!(
        logged.contains(
            "GetMCP: the slug asked for is taken; the site stored the new server under another \
             asked=github-tools stored=github-tools-1"
        ),
        "{logged}"
    );
}
