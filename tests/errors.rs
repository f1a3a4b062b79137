//! The error model through the public clients, against wiremock and raw loopback
//! servers: secrets echoed back, bounded fields, the retry classification, writes whose
//! outcome is unknown, validation errors, readable messages, and the raw client's
//! errors with `?`.

mod support;

use std::time::{Duration, Instant};

use mcp_admin::{
    error::{ConflictKind, TransportError, RAW_OPERATION},
    getmcp, hasmcp, Error, Platform, RetryPolicy,
};
use serde_json::{json, Value};
use support::{with_credentials, RawServer, Step, HASMCP_TOKEN, KEY, UPSTREAM};
use wiremock::{
    matchers::{method, path},
    Mock, MockServer, ResponseTemplate,
};

const SERVER_PATH: &str = "/wp-json/getmcp/v1/servers/3";
const HASMCP_PATH: &str = "/api/v1/servers/kSuB9Gf6aD4";

fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(3)
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
}

fn gm(url: &str) -> getmcp::Client {
    getmcp::Client::builder(url)
        .api_key(KEY)
        .retry(fast_retry())
        .timeout(Duration::from_secs(2))
        .build()
        .expect("client builds")
}

fn hm(url: &str) -> hasmcp::Client {
    hasmcp::Client::builder()
        .base_url(url)
        .token(HASMCP_TOKEN)
        .retry(fast_retry())
        .build()
        .expect("client builds")
}

/// A server answering every request that `matcher` matches with `template`.
async fn serving(
    matcher: impl wiremock::Match + 'static,
    template: ResponseTemplate,
) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(matcher)
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn server_json() -> Value {
    json!({"id": 3, "name": "GitHub Tools", "status": "active", "settings": {}})
}

/// An update that sends upstream credentials the server may echo.
async fn update_with_credentials(gm: &getmcp::Client) -> Error {
    updated(with_credentials(gm.update_server(3u64))).await
}

/// The error `update` ends in.
async fn updated(update: getmcp::UpdateServer) -> Error {
    update.send().await.expect_err("the update fails")
}

fn assert_no_secret(e: &Error, secrets: &[&str]) {
    let text = format!("{e}\n{e:?}");
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} leaked into: {text}");
    }
}

fn api(e: &Error) -> &mcp_admin::ApiError {
    e.as_api()
        .unwrap_or_else(|| panic!("not an Api error: {e:?}"))
}

fn transport(e: &Error) -> &TransportError {
    match e {
        Error::Transport { cause, .. } | Error::Timeout { cause, .. } => cause,
        other => panic!("not a transport error: {other:?}"),
    }
}

/// Errors cross threads and outlive the call, as `?` into `Box<dyn Error>` needs.
#[test]
fn errors_are_send_sync_and_static() {
    fn check<T: std::error::Error + Send + Sync + 'static>() {}
    check::<Error>();
    check::<TransportError>();
    check::<mcp_admin::ConflictError>();
}

// ---------------------------------------------------------------- secrets echoed back

/// Whatever the server echoes of the key and the credentials sent, no error shows it.
#[tokio::test]
async fn secrets_echoed_back_never_reach_an_error() {
    let cases: Vec<(&str, ResponseTemplate)> = vec![
        (
            "an HTML page quoting the request headers",
            ResponseTemplate::new(500).set_body_raw(
                format!("<html><pre>PATCH /servers/3\nAuthorization: Bearer {KEY}\nX-API-Key: {UPSTREAM}</pre></html>"),
                "text/html",
            ),
        ),
        (
            "a message quoting the key",
            ResponseTemplate::new(400).set_body_json(json!({
                "code": "rest_invalid_param",
                "message": format!("key {KEY} cannot test {UPSTREAM}"),
                "data": {"status": 400}
            })),
        ),
        (
            "data and additional errors holding credentials",
            ResponseTemplate::new(400).set_body_json(json!({
                "code": "getmcp_invalid_credentials",
                "message": "bad",
                "data": {"status": 400, "received": {"value": UPSTREAM, "clientSecret": "cs-other-0001"}},
                "additional_errors": [{"code": "x", "message": "m",
                    "data": {"test_auth_credentials": format!("{{\"value\":\"{UPSTREAM}\"}}")}}]
            })),
        ),
        (
            "a headers object",
            ResponseTemplate::new(403).set_body_json(json!({
                "code": "rest_forbidden", "message": "no",
                "data": {"status": 403, "headers": {"Authorization": format!("Bearer {KEY}"), "X-Custom-Auth": "hdr-secret-42"}}
            })),
        ),
        (
            "a 2xx followed by junk",
            ResponseTemplate::new(200).set_body_raw(
                format!(r#"{{"id":3,"name":"x","token":"{KEY}"}}<b>Notice</b> {UPSTREAM}"#),
                "application/json",
            ),
        ),
        (
            "a 503 quoting the credentials on every attempt, so the last one's answer is kept",
            ResponseTemplate::new(503).set_body_json(json!({
                "code": "unavailable",
                "message": format!("cannot store {UPSTREAM} now"),
                "data": {"status": 503}
            })),
        ),
        (
            "a token in a Location header",
            ResponseTemplate::new(302).insert_header(
                "location",
                format!("https://login.example/?k={KEY}&c={UPSTREAM}&access_token=loc-secret-7").as_str(),
            ),
        ),
    ];
    // With retries the transport keeps a copy of the request for the next attempt, and
    // masks with the body of that copy; without, or on the last attempt, with its own.
    let policies = [
        ("retries", fast_retry()),
        ("no retries", RetryPolicy::none()),
    ];
    for ((case, template), (policy, retry)) in cases
        .into_iter()
        .flat_map(|case| policies.clone().map(move |policy| (case.clone(), policy)))
    {
        let case = format!("{case}, {policy}");
        let server = serving(method("PATCH"), template).await;
        let client = getmcp::Client::builder(server.uri())
            .api_key(KEY)
            .retry(retry)
            .timeout(Duration::from_secs(2))
            .build()
            .expect("client builds");
        let e = update_with_credentials(&client).await;
        assert_no_secret(
            &e,
            &[
                KEY,
                UPSTREAM,
                "cs-other-0001",
                "hdr-secret-42",
                "loc-secret-7",
            ],
        );
        assert!(format!("{e}{e:?}").contains("[redacted]"), "{case}: {e:?}");
    }
}

#[tokio::test]
async fn an_echoed_message_is_masked_in_place() {
    let server = serving(
        method("PATCH"),
        ResponseTemplate::new(400).set_body_json(json!({
            "code": "rest_invalid_param",
            "message": format!("key {KEY} cannot test {UPSTREAM}"),
            "data": {"status": 400, "params": {"test_auth_credentials": "Invalid."}}
        })),
    )
    .await;
    let e = update_with_credentials(&gm(&server.uri())).await;
    assert_eq!(
        e.to_string(),
        "GetMCP getmcp_update_server: HTTP 400 rest_invalid_param: key [redacted] cannot test \
         [redacted] [invalid: test_auth_credentials]"
    );
}

/// A 2xx body cut short, with the key and credentials in what arrived: the JSON-aware
/// masking cannot run, the known secrets are masked anyway.
#[tokio::test]
async fn a_success_cut_short_shows_no_secret() {
    let start = format!(
        r#"{{"id":3,"echo":"Authorization: Bearer {KEY}","test_auth_credentials":"{{\"value\":\"{UPSTREAM}"#
    );
    let mut head =
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 4000\r\n\r\n"
            .to_vec();
    head.extend_from_slice(start.as_bytes());
    let raw = RawServer::start(vec![Step::Write(head)]);
    let e = update_with_credentials(&gm(&raw.url)).await;
    assert!(matches!(e, Error::Decode { status: 200, .. }), "{e:?}");
    assert_no_secret(&e, &[KEY, UPSTREAM, &UPSTREAM[..8]]);
    assert!(e.may_have_applied(), "a 200 to a write whose body was lost");
}

#[tokio::test]
async fn hasmcp_echoes_of_the_token_are_masked() {
    let server = serving(path(HASMCP_PATH), ResponseTemplate::new(401).set_body_raw(
            format!(r#"{{"error":{{"code":401,"message":"authentication failed for Bearer {HASMCP_TOKEN}","data":{{"reason":"token {HASMCP_TOKEN} unknown"}}}}}}"#),
            "text/plain",
        )).await;
    let e = hm(&server.uri())
        .get_server("kSuB9Gf6aD4")
        .await
        .unwrap_err();
    assert_no_secret(&e, &[HASMCP_TOKEN]);
    assert_eq!(
        e.to_string(),
        "HasMCP hasmcp_get_server: HTTP 401: authentication failed for Bearer [redacted] \
         (reason: token [redacted] unknown)"
    );
}

// ---------------------------------------------------------------- base URLs

#[test]
fn a_base_url_password_never_shows_whatever_its_form() {
    for url in [
        "user:pw-s3cret@site.example",
        "//user:pw-s3cret@site.example",
        "http:/\\user:pw-s3cret@site.example",
        "https://user:pw-s3cret@site.example",
        "user:pw-s3cret@127.0.0.1:8080/blog",
    ] {
        let e = getmcp::Client::builder(url)
            .api_key(KEY)
            .build()
            .expect_err(url);
        assert!(matches!(e, Error::Config { .. }), "{e:?}");
        assert!(!format!("{e}{e:?}").contains("s3cret"), "{url}: {e}");
        let e = hasmcp::Client::builder()
            .base_url(url)
            .token("t0ken")
            .build()
            .expect_err(url);
        assert!(!format!("{e}{e:?}").contains("s3cret"), "{url}: {e}");
    }
}

// ---------------------------------------------------------------- bounds

#[tokio::test]
async fn a_huge_json_error_gives_a_bounded_error() {
    // Within the 64 KiB an error's body is read to, every field far over the limit.
    let huge = "m".repeat(32 << 10);
    let big = "b".repeat(4 << 10);
    let server = serving(
        method("GET"),
        ResponseTemplate::new(400).set_body_json(json!({
            "code": big.clone(),
            "message": huge,
            "data": {"status": 400, "params": {"a": big.clone()}, "reason": big.clone()},
            "additional_errors": [{"code": "x", "message": big}],
        })),
    )
    .await;
    let e = gm(&server.uri()).get_server(3u64).await.unwrap_err();
    let limit = mcp_admin::error::BODY_SNIPPET_LIMIT;
    assert!(e.to_string().len() < 4 * limit, "{}", e.to_string().len());
    assert!(
        format!("{e:?}").len() < 12 * limit,
        "{}",
        format!("{e:?}").len()
    );
    let a = api(&e);
    assert_eq!(
        a.message.as_deref(),
        Some(format!("{}…", "m".repeat(limit)).as_str())
    );
    assert_eq!(e.status(), Some(400));

    // Past those 64 KiB the body is not read: the status and a bounded snippet stay.
    let server = serving(
        method("GET"),
        ResponseTemplate::new(400).set_body_json(json!({"message": "m".repeat(3 << 20)})),
    )
    .await;
    let e = gm(&server.uri()).get_server(3u64).await.unwrap_err();
    assert_eq!(e.status(), Some(400));
    assert!(format!("{e}{e:?}").len() < 12 * limit);
    assert!(
        api(&e).body.starts_with(r#"{"message":"mmm"#),
        "{}",
        api(&e).body
    );
}

// ---------------------------------------------------------------- retry classification

/// Answers that are not HTTP will come again: not retried by the client, not retryable.
#[tokio::test]
async fn malformed_answers_are_neither_retried_nor_retryable() {
    let huge_header = format!("HTTP/1.1 200 OK\r\nx-big: {}\r\n\r\n", "a".repeat(1 << 20));
    let cases: [(&str, Vec<u8>); 4] = [
        (
            "garbage status line",
            b"HTTP/1.1 abc nonsense\r\n\r\n".to_vec(),
        ),
        ("1 MiB header", huge_header.into_bytes()),
        (
            "NUL in a header",
            b"HTTP/1.1 200 OK\r\nx-a: b\0c\r\ncontent-length: 2\r\n\r\n{}".to_vec(),
        ),
        (
            "two Content-Lengths",
            b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}x".to_vec(),
        ),
    ];
    for (case, bytes) in cases {
        let raw = RawServer::start(vec![Step::Write(bytes)]);
        let e = gm(&raw.url).get_server(3u64).await.unwrap_err();
        let cause = transport(&e);
        assert!(cause.is_malformed_response(), "{case}: {e:?}");
        assert!(!e.is_retryable(), "{case}: {e:?}");
        assert!(!e.is_timeout() && !cause.is_connect() && !cause.is_connection_lost());
        assert_eq!(raw.served(), 1, "{case}: sent once");
        assert!(
            e.to_string()
                .starts_with("GetMCP getmcp_get_server: the answer is not valid HTTP: "),
            "{case}: {e}"
        );
    }
}

/// A connection closed or reset before any answer: a read is retried and retryable; a
/// write is retryable but not retried (it may have been applied).
#[tokio::test]
async fn a_lost_connection_is_retried_for_reads_and_flagged_for_writes() {
    for (case, script) in [("closed", vec![]), ("reset", vec![Step::Reset])] {
        let raw = RawServer::start(script.clone());
        let e = gm(&raw.url).get_server(3u64).await.unwrap_err();
        assert!(transport(&e).is_connection_lost(), "{case}: {e:?}");
        assert!(e.is_retryable() && !e.may_have_applied(), "{case}: {e:?}");
        assert_eq!(raw.served(), 3, "{case}: a read is sent again");

        let raw = RawServer::start(script);
        let e = update_with_credentials(&gm(&raw.url)).await;
        assert!(transport(&e).is_connection_lost(), "{case}: {e:?}");
        assert!(e.is_retryable() && e.may_have_applied(), "{case}: {e:?}");
        assert_eq!(raw.served(), 1, "{case}: a write is sent once");
        assert_no_secret(&e, &[KEY, UPSTREAM]);
    }
}

// ---------------------------------------------------------------- outcome unknown

#[tokio::test]
async fn a_write_that_timed_out_after_sending_may_have_applied() {
    let server = serving(
        method("PATCH"),
        ResponseTemplate::new(200).set_delay(Duration::from_secs(2)),
    )
    .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(2)))
        .mount(&server)
        .await;
    let client = getmcp::Client::builder(server.uri())
        .api_key(KEY)
        .timeout(Duration::from_millis(150))
        .build()
        .unwrap();
    let e = client
        .update_server(3u64)
        .name("n")
        .send()
        .await
        .unwrap_err();
    assert!(e.is_timeout() && e.may_have_applied(), "{e:?}");
    let e = client.get_server(3u64).await.unwrap_err();
    assert!(e.is_timeout() && !e.may_have_applied(), "a read: {e:?}");
}

#[tokio::test]
async fn writes_refused_or_answered_with_an_error_did_not_apply() {
    let refused = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let e = update_with_credentials(&gm(&refused)).await;
    assert!(transport(&e).is_connect() && e.is_retryable(), "{e:?}");
    assert!(!e.may_have_applied(), "nothing was sent: {e:?}");

    let server = serving(method("PATCH"), ResponseTemplate::new(500).set_body_json(json!({
            "code": "getmcp_update_failed", "message": "Failed to update server.", "data": {"status": 500}
        }))).await;
    let e = update_with_credentials(&gm(&server.uri())).await;
    assert!(!e.may_have_applied(), "{e:?}");

    let e = updated(gm(&server.uri()).update_server(3u64).name("")).await;
    assert!(e.is_invalid_input() && !e.may_have_applied(), "{e:?}");
}

/// A HasMCP PATCH answered with the version it should give but not the name written:
/// a conflict whose `Debug` says why, though `expected == found`.
#[tokio::test]
async fn a_conflict_with_equal_versions_says_why() {
    let server = MockServer::start().await;
    let at = |version: i64, name: &str| json!({"server": {"id": "kSuB9Gf6aD4", "name": name, "version": version}});
    Mock::given(method("GET"))
        .and(path(HASMCP_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(at(7, "Before")))
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(HASMCP_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(at(8, "TheirName")))
        .mount(&server)
        .await;
    let e = hm(&server.uri())
        .update_server("kSuB9Gf6aD4")
        .name("Mine")
        .send()
        .await
        .unwrap_err();
    let Error::Conflict(c) = &e else {
        panic!("not a conflict: {e:?}")
    };
    assert_eq!((c.expected, c.found), (Some(8), Some(8)));
    assert_eq!(c.kind(), ConflictKind::ChangesNotKept);
    assert!(format!("{e:?}").contains("kind: ChangesNotKept"), "{e:?}");
    assert!(e.may_have_applied());
}

// ---------------------------------------------------------------- validation

#[tokio::test]
async fn wordpress_validation_errors_name_their_arguments() {
    let server = serving(method("PATCH"), ResponseTemplate::new(400).set_body_json(json!({
            "code": "rest_invalid_param",
            "message": "Invalid parameter(s): status",
            "data": {"status": 400,
                     "params": {"status": "status is not one of active, paused, and draft."},
                     "details": {"status": {"code": "rest_not_in_enum", "message": "m", "data": null}}}
        }))).await;
    let e = updated(gm(&server.uri()).update_server(3u64).name("n")).await;
    assert!(e.is_validation() && !e.is_invalid_input(), "{e:?}");
    let params = e.invalid_params().expect("params");
    assert_eq!(
        Value::Object(params.clone()),
        json!({"status": "status is not one of active, paused, and draft."})
    );
}

/// HasMCP's message and `data.reason` always reach `Display`: a 409 for an unknown
/// tool, a 500 for a validation failure, a 422 whose code is 400.
#[tokio::test]
async fn hasmcp_messages_and_reasons_reach_the_display() {
    let cases = [
        (
            409,
            json!({"error": {"code": 409, "message": "tool not found"}}),
            "HTTP 409: tool not found",
            false,
        ),
        (
            500,
            json!({"error": {"code": 500, "message": "internal server error", "data": {"reason": "name must be 1-16 letters or digits"}}}),
            "HTTP 500: internal server error (reason: name must be 1-16 letters or digits)",
            true,
        ),
        (
            422,
            json!({"error": {"code": 400, "message": "invalid request body"}}),
            "HTTP 422 (code 400): invalid request body",
            true,
        ),
        (
            404,
            json!({"error": {"code": 404, "message": "server not found", "data": {"reason": "record not found", "serverID": 42}}}),
            "HTTP 404: server not found (reason: record not found)",
            false,
        ),
    ];
    for (status, body, want, validation) in cases {
        let server = serving(
            path(HASMCP_PATH),
            ResponseTemplate::new(status).set_body_json(&body),
        )
        .await;
        let e = hm(&server.uri())
            .get_server("kSuB9Gf6aD4")
            .await
            .unwrap_err();
        assert_eq!(e.to_string(), format!("HasMCP hasmcp_get_server: {want}"));
        assert_eq!(e.is_validation(), validation, "{status}");
    }
}

// ---------------------------------------------------------------- messages

/// The root cause is in the top line, and not repeated down the chain.
#[tokio::test]
async fn a_transport_error_names_its_root_cause_once() {
    let refused = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let e = gm(&refused).get_server(3u64).await.unwrap_err();
    let text = e.to_string();
    assert!(
        text.starts_with("GetMCP getmcp_get_server: could not connect: ")
            && text.contains("onnection refused"),
        "{text}"
    );
    assert!(std::error::Error::source(&e).is_none());
    // The library's chain is one step further, behind the crate's own type.
    let cause = transport(&e);
    assert_eq!(cause.to_string(), "could not connect");
    let library = std::error::Error::source(cause).expect("the HTTP library's error");
    assert!(library.is::<reqwest::Error>());
}

// ---------------------------------------------------------------- byte order mark

#[tokio::test]
async fn a_byte_order_mark_before_json_is_tolerated_and_a_notice_is_not() {
    let server = MockServer::start().await;
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(server_json().to_string().as_bytes());
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(bom, "application/json"))
        .mount(&server)
        .await;
    assert_eq!(gm(&server.uri()).get_server(3u64).await.unwrap().id, 3);

    let server = MockServer::start().await;
    let notice = format!(
        "<br />\n<b>Notice</b>: Undefined index in x.php on line 3<br />\n{}",
        server_json()
    );
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(notice, "application/json"))
        .mount(&server)
        .await;
    let e = gm(&server.uri()).get_server(3u64).await.unwrap_err();
    assert!(matches!(e, Error::Decode { status: 200, .. }), "{e:?}");
}

// ---------------------------------------------------------------- the raw client

async fn raw_get(gm: &getmcp::Client) -> Result<getmcp::Server, Error> {
    let id: getmcp::ServerRef = 3u64.into();
    Ok(gm
        .raw()
        .getmcp_get_server()
        .id(id)
        .send()
        .await?
        .into_inner())
}

async fn raw_hasmcp_get(hm: &hasmcp::Client) -> Result<hasmcp::Server, Error> {
    Ok(hm
        .raw()
        .hasmcp_get_server()
        .id("kSuB9Gf6aD4")
        .send()
        .await?
        .into_inner()
        .server)
}

/// The raw client's errors convert with `?`, keeping the status, `Retry-After` and the
/// body, and the WordPress `data` whole.
#[tokio::test]
async fn raw_client_errors_convert_with_the_question_mark() {
    let server = MockServer::start().await;
    let body = json!({
        "code": "rest_invalid_param", "message": "Invalid parameter(s): id",
        "data": {"status": 400, "params": {"id": "Invalid."},
                 "details": {"id": {"code": "rest_invalid_type"}}, "extra": [1]}
    });
    Mock::given(path(SERVER_PATH))
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("retry-after", "7")
                .set_body_json(&body),
        )
        .mount(&server)
        .await;
    let client = gm(&server.uri());
    let e = raw_get(&client).await.unwrap_err();
    let a = api(&e);
    assert_eq!(
        (a.platform, a.operation, a.status),
        (Platform::GetMcp, RAW_OPERATION, 400)
    );
    assert_eq!(a.code.as_deref(), Some("rest_invalid_param"));
    assert_eq!(a.data, Some(body["data"].clone()));
    assert_eq!(e.retry_after(), Some(Duration::from_secs(7)));
    assert!(e.is_validation());

    // The generated type keeps `params`, `details` and any other member of `data`.
    let id: getmcp::ServerRef = 3u64.into();
    let Err(mcp_admin::raw::Error::ErrorResponse(raw)) =
        client.raw().getmcp_get_server().id(id).send().await
    else {
        panic!("an error response")
    };
    let data = raw.into_inner().data.expect("data");
    assert_eq!(data.status, Some(400));
    assert_eq!(Value::Object(data.params), json!({"id": "Invalid."}));
    assert_eq!(
        Value::Object(data.details),
        json!({"id": {"code": "rest_invalid_type"}})
    );
    assert_eq!(Value::Object(data.extra), json!({"extra": [1]}));

    let server = serving(path(HASMCP_PATH), ResponseTemplate::new(404).set_body_json(json!({
            "error": {"code": 404, "message": "server not found", "data": {"reason": "record not found"}}
        }))).await;
    let e = raw_hasmcp_get(&hm(&server.uri())).await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "HasMCP raw client: HTTP 404: server not found (reason: record not found)"
    );
    assert!(e.is_not_found());

    let refused = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let e = raw_get(&gm(&refused)).await.unwrap_err();
    assert!(transport(&e).is_connect() && e.is_retryable(), "{e:?}");
    assert!(!e.may_have_applied(), "{e:?}");
}

/// Through the whole call, `Timeout` reports how long the call ran, not one attempt.
#[tokio::test]
async fn a_timeout_reports_the_whole_call() {
    let slow = RawServer::start(vec![Step::Sleep(Duration::from_secs(3))]);
    let client = getmcp::Client::builder(&slow.url)
        .api_key(KEY)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let e = client.get_server(3u64).await.unwrap_err();
    let Error::Timeout { after, elapsed, .. } = &e else {
        panic!("not a timeout: {e:?}")
    };
    assert_eq!(*after, Duration::from_millis(300));
    assert!(*elapsed >= *after && *elapsed <= started.elapsed(), "{e:?}");
    assert!(e.to_string().contains("(timeout 300ms)"), "{e}");
}

/// A read an update makes (before its PATCH, or to check or show what the PATCH did)
/// that fails in any way names the update called and the step, not the read's own
/// operation; the read itself changed nothing.
#[tokio::test]
async fn a_failed_read_inside_an_update_names_the_update_and_the_step() {
    // HasMCP reads the server before its PATCH: a 200 that holds no server.
    let mock = serving(
        method("GET"),
        ResponseTemplate::new(200).set_body_json(json!({"server": 5})),
    )
    .await;
    let e = hm(&mock.uri())
        .update_server("kSuB9Gf6aD4")
        .name("Renamed")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Decode {
                operation: "hasmcp_update_server",
                step: Some("reading the server"),
                ..
            }
        ),
        "{e:?}"
    );
    let text = e.to_string();
    assert!(
        text.starts_with("HasMCP hasmcp_update_server: HTTP 200 with a body")
            && text.ends_with(" (reading the server)"),
        "{text}"
    );
    assert!(!e.may_have_applied(), "{e:?}");
    let sent = mock.received_requests().await.expect("recorded");
    assert!(sent.iter().all(|r| r.method.as_str() == "GET"), "no PATCH");

    // The same read timing out.
    let slow = RawServer::start(vec![Step::Sleep(Duration::from_secs(3))]);
    let e = hasmcp::Client::builder()
        .base_url(&slow.url)
        .token(HASMCP_TOKEN)
        .retry(RetryPolicy::none())
        .timeout(Duration::from_millis(300))
        .build()
        .expect("client builds")
        .update_server("kSuB9Gf6aD4")
        .name("Renamed")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Timeout {
                operation: "hasmcp_update_server",
                step: Some("reading the server"),
                ..
            }
        ),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .ends_with("(timeout 300ms) (reading the server)"),
        "{e}"
    );
    assert!(!e.may_have_applied(), "{e:?}");

    // HasMCP reads a resource back after its PATCH (answered 204): it is not there.
    let mock = MockServer::start().await;
    let one = "/api/v1/resources/ASuB9Gf6aD4";
    Mock::given(method("PATCH"))
        .and(path(one))
        .respond_with(ResponseTemplate::new(204))
        .mount(&mock)
        .await;
    Mock::given(method("GET"))
        .and(path(one))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(json!({"error": {"code": 404, "message": "resource not found"}})),
        )
        .mount(&mock)
        .await;
    let e = hm(&mock.uri())
        .update_resource("ASuB9Gf6aD4")
        .name("logs")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "HasMCP hasmcp_update_resource: HTTP 404: resource not found (reading the result)"
    );
    assert!(e.is_not_found(), "{e:?}");

    // GetMCP checks the stored test credentials after its PATCH: a 200 that holds no
    // status. The PATCH landed, so the call is `NotApplied`; the check's error names the
    // update and the step.
    let mock = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path(SERVER_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(server_json()))
        .mount(&mock)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{SERVER_PATH}/credentials")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!("nope")))
        .mount(&mock)
        .await;
    let e = update_with_credentials(&gm(&mock.uri())).await;
    let Error::NotApplied {
        operation,
        cause: Some(cause),
        ..
    } = &e
    else {
        panic!("not NotApplied: {e:?}")
    };
    assert_eq!(*operation, "getmcp_update_server");
    assert!(
        matches!(
            cause.as_ref(),
            Error::Decode {
                operation: "getmcp_update_server",
                step: Some("checking the stored test credentials"),
                ..
            }
        ),
        "{cause:?}"
    );
    assert!(
        cause
            .to_string()
            .ends_with(" (checking the stored test credentials)"),
        "{cause}"
    );
}
