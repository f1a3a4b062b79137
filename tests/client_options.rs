//! The caller's own `reqwest::Client` (`http_client`) and the per-call derived clients
//! (`with_timeout`, `with_retry`), on both platforms: what the crate keeps whatever the
//! client, and what each derived client changes and leaves alone.

use std::time::{Duration, Instant};

use mcp_admin::{getmcp, hasmcp, Error, RetryPolicy};
use serde_json::json;
use wiremock::{
    matchers::{header, method, path},
    Mock, MockServer, ResponseTemplate,
};

const KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
const BEARER: &str = "Bearer gmcp_0123456789abcdef0123456789abcdef";
const TOKEN: &str = "hasmcp-token-abcdef012345";
const SERVER_PATH: &str = "/wp-json/getmcp/v1/servers/3";
const HASMCP_PATH: &str = "/api/v1/servers/kSuB9Gf6aD4";

fn ok_server() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"id": 3, "name": "GitHub Tools"}))
}

fn ok_hasmcp() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"server": {"id": "kSuB9Gf6aD4", "name": "n"}}))
}

fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
}

fn getmcp(uri: &str) -> getmcp::ClientBuilder {
    getmcp::Client::builder(uri)
        .api_key(KEY)
        .retry(fast_retry())
}

fn hasmcp(uri: &str) -> hasmcp::ClientBuilder {
    hasmcp::Client::builder()
        .base_url(uri)
        .token(TOKEN)
        .retry(fast_retry())
}

/// reqwest here is this crate's, built without a rustls provider of its own (an
/// application's reqwest with its default features brings one): install one first.
fn provider() {
    let _ = tokio_rustls::rustls::crypto::ring::default_provider().install_default();
}

/// The application's client: its own header and user agent, no redirects.
fn app_client() -> reqwest::Client {
    provider();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "x-app",
        reqwest::header::HeaderValue::from_static("inventory"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .user_agent("inventory/2.1")
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap_or_default().len()
}

#[tokio::test]
async fn the_callers_client_sends_with_the_crates_auth_and_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .and(header("authorization", BEARER))
        .and(header("x-app", "inventory"))
        .and(header("user-agent", "inventory/2.1"))
        .respond_with(ok_server())
        .expect(1)
        .mount(&server)
        .await;
    let gm = getmcp(&server.uri())
        .http_client(app_client())
        .build()
        .unwrap();
    assert_eq!(gm.get_server(3u64).await.unwrap().id, 3);
    assert_eq!(received(&server).await, 2, "the 503 was retried once");
}

#[tokio::test]
async fn the_callers_client_keeps_the_crates_whole_request_timeout() {
    let server = MockServer::start().await;
    Mock::given(path(SERVER_PATH))
        .respond_with(ok_server().set_delay(Duration::from_millis(400)))
        .mount(&server)
        .await;
    // The application's client has no limit: the builder's still ends the call.
    let started = Instant::now();
    let e = getmcp(&server.uri())
        .http_client(app_client())
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap()
        .get_server(3u64)
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Timeout { after, .. } if after == Duration::from_millis(100)),
        "{e:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(380), "{e:?}");
    // Its own shorter limit gives way to the builder's longer one.
    provider();
    let short = reqwest::Client::builder()
        .timeout(Duration::from_millis(50))
        .build()
        .unwrap();
    let gm = getmcp(&server.uri())
        .http_client(short)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    assert_eq!(gm.get_server(3u64).await.unwrap().id, 3);
}

#[tokio::test]
async fn the_callers_client_keeps_bounded_and_masked_error_bodies() {
    let server = MockServer::start().await;
    Mock::given(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"code": "getmcp_not_found", "message": format!("no server for {KEY}")}),
        ))
        .mount(&server)
        .await;
    Mock::given(path("/wp-json/getmcp/v1/servers/4"))
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(4096)))
        .mount(&server)
        .await;
    let gm = getmcp(&server.uri())
        .http_client(app_client())
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let e = gm.get_server(3u64).await.unwrap_err();
    assert!(e.is_not_found(), "{e:?}");
    assert!(!format!("{e} {e:?}").contains(KEY), "{e:?}");
    let e = gm.get_server(4u64).await.unwrap_err();
    assert!(matches!(e, Error::ResponseTooLarge { .. }), "{e:?}");
}

#[test]
fn client_level_options_beside_the_callers_client_are_refused() {
    provider();
    let e = getmcp("https://site.example")
        .http_client(reqwest::Client::new())
        .connect_timeout(Duration::from_secs(1))
        .no_proxy()
        .build()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "GetMCP ClientBuilder::build: client configuration: http_client() uses the given \
         reqwest::Client as it is; set connect_timeout, no_proxy on that client instead"
    );
    let e = hasmcp("https://hasmcp.example")
        .user_agent("other/1")
        .tls_built_in_root_certs(false)
        .http_client(reqwest::Client::new())
        .build()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "HasMCP ClientBuilder::build: client configuration: http_client() uses the given \
         reqwest::Client as it is; set user_agent, tls_built_in_root_certs on that client instead"
    );
    // The options the transport applies itself go with it.
    assert!(hasmcp("https://hasmcp.example")
        .http_client(reqwest::Client::new())
        .timeout(Duration::from_secs(3))
        .retry(RetryPolicy::none())
        .max_response_bytes(10)
        .build()
        .is_ok());
}

#[tokio::test]
async fn with_timeout_changes_only_the_derived_clients_limit() {
    let server = MockServer::start().await;
    Mock::given(path(SERVER_PATH))
        .respond_with(ok_server().set_delay(Duration::from_millis(300)))
        .mount(&server)
        .await;
    Mock::given(path(HASMCP_PATH))
        .respond_with(ok_hasmcp().set_delay(Duration::from_millis(300)))
        .mount(&server)
        .await;
    let gm = getmcp(&server.uri())
        .timeout(Duration::from_millis(80))
        .build()
        .unwrap();
    let hm = hasmcp(&server.uri())
        .timeout(Duration::from_millis(80))
        .build()
        .unwrap();

    let patient = gm.with_timeout(Duration::from_secs(5));
    assert_eq!(patient.get_server(3u64).await.unwrap().id, 3);
    assert_eq!(patient.base_url(), gm.base_url());
    let e = gm.get_server(3u64).await.unwrap_err();
    assert!(matches!(e, Error::Timeout { after, .. } if after == Duration::from_millis(80)));
    // Shorter than the client's own limit works too.
    let e = patient
        .with_timeout(Duration::from_millis(50))
        .get_server(3u64)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Timeout { after, .. } if after == Duration::from_millis(50)));

    assert_eq!(
        hm.with_timeout(Duration::from_secs(5))
            .get_server("kSuB9Gf6aD4")
            .await
            .unwrap()
            .name,
        "n"
    );
    assert!(hm.get_server("kSuB9Gf6aD4").await.unwrap_err().is_timeout());
}

#[tokio::test]
async fn with_retry_changes_only_the_derived_clients_policy() {
    let server = MockServer::start().await;
    for at in [SERVER_PATH, HASMCP_PATH] {
        Mock::given(path(at))
            .respond_with(ResponseTemplate::new(503))
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
    }
    Mock::given(path(SERVER_PATH))
        .respond_with(ok_server())
        .mount(&server)
        .await;
    Mock::given(path(HASMCP_PATH))
        .respond_with(ok_hasmcp())
        .mount(&server)
        .await;
    let gm = getmcp(&server.uri()).build().unwrap();
    let hm = hasmcp(&server.uri()).build().unwrap();

    // The derived clients try once: the 503 is the answer, with the same key.
    let e = gm
        .with_retry(RetryPolicy::none())
        .get_server(3u64)
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(503), "{e:?}");
    let e = hm
        .with_retry(RetryPolicy::none())
        .get_server("kSuB9Gf6aD4")
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(503), "{e:?}");
    assert_eq!(received(&server).await, 2);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].headers["authorization"], BEARER);
    assert_eq!(
        requests[1].headers["authorization"],
        format!("Bearer {TOKEN}")
    );

    // The originals keep their policy.
    Mock::given(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    assert_eq!(gm.get_server(3u64).await.unwrap().id, 3);
    assert_eq!(received(&server).await, 4);
}
