//! What the GetMCP list, create and item tests share: clients for wiremock and the fake,
//! and the exact check of one request on the wire.
// Each test binary that includes this module uses a different subset of it.
#![allow(dead_code)]

use mcp_admin::{getmcp, testing::FakeGetMcp, Error, Platform, RetryPolicy};
use serde_json::Value;
use wiremock::{matchers::any, Mock, MockServer, Request, ResponseTemplate};

pub const KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
pub const UUID: &str = "836995ae-1cff-41ec-823e-a4f07ccca3a0";
pub const TOOL_UUID: &str = "5376af81-6bb8-4b01-800c-508d7672e394";
pub const SERVERS: &str = "/wp-json/getmcp/v1/servers";

/// A client for a wiremock server, without retries.
pub fn client(server: &MockServer) -> getmcp::Client {
    getmcp::Client::builder(server.uri())
        .api_key(KEY)
        .retry(RetryPolicy::none())
        .build()
        .expect("a loopback client builds")
}

/// A client for a fake site.
pub fn fake_client(fake: &FakeGetMcp) -> getmcp::Client {
    getmcp::Client::builder(fake.uri())
        .api_key(fake.api_key())
        .retry(RetryPolicy::none())
        .build()
        .expect("a loopback client builds")
}

/// The documented UUID as a server reference.
pub fn uuid_ref() -> getmcp::ServerRef {
    UUID.parse().expect("the documented UUID parses")
}

/// The one request the server received.
pub async fn only_request(server: &MockServer) -> Request {
    let mut received = server
        .received_requests()
        .await
        .expect("request recording is on");
    assert_eq!(received.len(), 1, "exactly one request: {received:?}");
    received.remove(0)
}

/// The request's query as sorted pairs.
pub fn query(req: &Request) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = req
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs.sort();
    pairs
}

/// Checks everything one request put on the wire: the method, the path, the whole
/// query, the bearer key, and the whole JSON body with its content type, or no body.
pub fn assert_request(
    req: &Request,
    verb: &str,
    path: &str,
    expected_query: &[(&str, &str)],
    body: Option<Value>,
) {
    assert_eq!(req.method.as_str(), verb, "method");
    assert_eq!(req.url.path(), path, "path");
    let mut expected: Vec<(String, String)> = expected_query
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    expected.sort();
    assert_eq!(query(req), expected, "query");
    let auth: Vec<_> = req.headers.get_all("authorization").iter().collect();
    assert_eq!(auth, [format!("Bearer {KEY}").as_str()]);
    match body {
        Some(expected) => {
            assert_eq!(
                req.headers.get("content-type").map(|v| v.to_str().unwrap()),
                Some("application/json")
            );
            let sent: Value = serde_json::from_slice(&req.body).expect("the body is JSON");
            assert_eq!(sent, expected, "body");
        }
        None => assert!(req.body.is_empty(), "no body: {:?}", req.body),
    }
}

/// A wiremock answering every request with `status`, `body` and `headers`.
pub async fn answering(status: u16, body: Option<Value>, headers: &[(&str, &str)]) -> MockServer {
    let mock = MockServer::start().await;
    let mut answer = ResponseTemplate::new(status);
    if let Some(body) = body {
        answer = answer.set_body_json(body);
    }
    for (name, value) in headers {
        answer = answer.insert_header(*name, *value);
    }
    Mock::given(any()).respond_with(answer).mount(&mock).await;
    mock
}

/// A wiremock that must receive nothing (checked when it is dropped).
pub async fn silent() -> MockServer {
    let mock = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&mock)
        .await;
    mock
}

/// The field of an input refused before sending.
pub fn invalid_field(e: Error) -> &'static str {
    match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("not refused before sending: {other:?}"),
    }
}

/// The operation, status and reason of an answer refused as not the expected one.
pub fn decode_reason(e: Error) -> (&'static str, u16, String) {
    match e {
        Error::Decode {
            platform: Platform::GetMcp,
            operation,
            status,
            reason,
            ..
        } => (operation, status, reason),
        other => panic!("not a Decode error: {other:?}"),
    }
}
