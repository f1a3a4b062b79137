//! Tracing output of the shared transport, captured at TRACE: every attempt shows,
//! secrets and bodies never do.
//!
//! The only test in its binary: a thread-scoped subscriber (`set_default`) misses
//! spans whose callsites other test threads registered first.

use std::{
    io::{self, Write},
    net::TcpListener,
    sync::{Arc, Mutex},
    time::Duration,
};

use mcp_admin::{
    getmcp::{self, TestAuthCredentials},
    RetryPolicy,
};
use serde_json::json;
use wiremock::{
    matchers::{header, method, path},
    Mock, MockServer, ResponseTemplate,
};

const KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
const BEARER: &str = "Bearer gmcp_0123456789abcdef0123456789abcdef";

/// Server `id`: an answer about another server than the one asked for is an error.
fn ok_server(id: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"id": id, "name": "GitHub Tools"}))
}

fn builder(uri: &str) -> getmcp::ClientBuilder {
    getmcp::Client::builder(uri).api_key(KEY).retry(
        RetryPolicy::default()
            .initial_backoff(Duration::from_millis(1))
            .max_backoff(Duration::from_millis(5)),
    )
}

fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn assert_no_secret(text: &str) {
    assert!(!text.contains(KEY), "the key leaked into: {text}");
}

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

/// Every kind of outcome, traced at TRACE with span events: the key, the credentials
/// sent and the response bodies never appear; every attempt and its fields do.
#[test]
fn trace_output_shows_attempts_and_never_secrets() {
    const CREDENTIAL: &str = "cred-secret-5f2a9c";
    const BODY_MARKER: &str = "body-marker-7d1e";
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_writer(capture.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    let mut shown = Vec::new();
    rt.block_on(async {
        let server = MockServer::start().await;
        Mock::given(path("/wp-json/getmcp/v1/servers/1"))
            .and(header("authorization", BEARER))
            .respond_with(ok_server(1))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(path("/wp-json/getmcp/v1/servers/2"))
            .respond_with(
                ResponseTemplate::new(404)
                    .set_body_json(json!({"code": "getmcp_not_found", "message": BODY_MARKER})),
            )
            .mount(&server)
            .await;
        Mock::given(path("/wp-json/getmcp/v1/servers/3"))
            .and(method("GET"))
            .respond_with(ResponseTemplate::new(503).set_body_string(BODY_MARKER))
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(path("/wp-json/getmcp/v1/servers/3"))
            .respond_with(ok_server(3))
            .mount(&server)
            .await;
        // The check that follows an update of the test credentials.
        Mock::given(path("/wp-json/getmcp/v1/servers/3/credentials"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "has_auth_credentials": false,
                "has_test_auth_credentials": true,
                "has_outbound_auth_credentials": false,
            })))
            .mount(&server)
            .await;
        Mock::given(path("/wp-json/getmcp/v1/servers/4"))
            .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "60"))
            .mount(&server)
            .await;
        Mock::given(path("/wp-json/getmcp/v1/servers/5"))
            .respond_with(ok_server(5).set_delay(Duration::from_secs(2)))
            .mount(&server)
            .await;

        let gm = builder(&server.uri()).build().unwrap();
        let posting = builder(&server.uri()).patch_via_post(true).build().unwrap();
        let slow = builder(&server.uri())
            .timeout(Duration::from_millis(100))
            .build()
            .unwrap();
        let refused = getmcp::Client::builder(format!("http://127.0.0.1:{}", closed_port()))
            .api_key(KEY)
            .retry(RetryPolicy::none())
            .build()
            .unwrap();

        assert!(gm.get_server(1u64).await.is_ok());
        shown.push(format!("{gm:?}"));
        for result in [
            gm.get_server(2u64).await,
            gm.get_server(3u64).await,
            gm.get_server(4u64).await,
            slow.get_server(5u64).await,
            refused.get_server(1u64).await,
            posting
                .update_server(3u64)
                .test_auth_credentials(TestAuthCredentials::bearer(CREDENTIAL))
                .send()
                .await,
        ] {
            match result {
                Ok(server) => shown.push(format!("{server:?}")),
                Err(e) => shown.push(format!("{e} | {e:?}")),
            }
        }
        let bad = getmcp::Client::builder(server.uri())
            .api_key(format!("{KEY}\n"))
            .build()
            .unwrap_err();
        shown.push(format!("{bad} | {bad:?}"));
    });
    drop(_guard);

    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    for text in shown.iter().chain([&log]) {
        assert_no_secret(text);
        assert!(!text.contains(CREDENTIAL), "credential leaked into: {text}");
    }
    assert!(!log.contains(BODY_MARKER), "a body was logged: {log}");
    for want in [
        "mcp_admin.request",
        "platform=GetMCP",
        "getmcp_get_server",
        "getmcp_update_server",
        "method=GET",
        "method=POST",
        "path=\"/wp-json/getmcp/v1/servers/{id}\"",
        "attempt=1",
        "attempt=2",
        "status=200",
        "status=404",
        "status=503",
        "status=429",
        "elapsed_ms=",
        "retrying",
    ] {
        assert!(log.contains(want), "{want} missing from the trace:\n{log}");
    }
    // One event per answered attempt even without span events: 200, 404, 503 and its
    // retry, 429, the POST and its credentials check; one per failed attempt: the
    // timeout and the refusal.
    let events = |what: &str| {
        log.lines()
            .filter(|l| {
                l.ends_with(&format!("mcp_admin::transport::hooks: {what}"))
                    || l.contains(&format!("mcp_admin::transport::hooks: {what} "))
            })
            .count()
    };
    assert_eq!(events("response"), 7, "{log}");
    assert_eq!(events("request failed"), 2, "{log}");
}
