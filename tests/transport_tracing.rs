//! Tracing output of the shared transport, captured at TRACE: every attempt shows,
//! secrets and bodies never do; each attempt's span carries OpenTelemetry's HTTP client
//! fields.
//!
//! The only test in its binary, in two parts run one after the other: a thread-scoped
//! subscriber (`set_default`) misses spans whose callsites other test threads
//! registered first.

use std::{
    collections::BTreeMap,
    fmt,
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

/// Server 3 answers its first GET with `first` (a 503), then with itself.
async fn mount_503_then_ok(server: &MockServer, first: ResponseTemplate) {
    Mock::given(path("/wp-json/getmcp/v1/servers/3"))
        .and(method("GET"))
        .respond_with(first)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(path("/wp-json/getmcp/v1/servers/3"))
        .respond_with(ok_server(3))
        .mount(server)
        .await;
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

#[test]
fn tracing() {
    trace_output_shows_attempts_and_never_secrets();
    spans_carry_the_open_telemetry_http_client_fields();
}

/// Every kind of outcome, traced at TRACE with span events: the key, the credentials
/// sent and the response bodies never appear; every attempt and its fields do.
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
        mount_503_then_ok(
            &server,
            ResponseTemplate::new(503).set_body_string(BODY_MARKER),
        )
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
        "mcp_admin.platform=GetMCP",
        "mcp_admin.operation=\"getmcp_get_server\"",
        "mcp_admin.operation=\"getmcp_update_server\"",
        "http.request.method=GET",
        "http.request.method=POST",
        "url.template=\"/wp-json/getmcp/v1/servers/{id}\"",
        "mcp_admin.attempt=1",
        "mcp_admin.attempt=2",
        "http.request.resend_count=1",
        "http.response.status_code=200",
        "http.response.status_code=404",
        "http.response.status_code=503",
        "http.response.status_code=429",
        "error.type=\"404\"",
        "error.type=\"timeout\"",
        "error.type=\"connect\"",
        "mcp_admin.elapsed_ms=",
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

/// A span's fields by name, as recorded at its creation and later.
type Recorded = BTreeMap<String, String>;

/// Each span's name and the fields recorded on it.
#[derive(Clone, Default)]
struct Spans(Arc<Mutex<Vec<(&'static str, Recorded)>>>);

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl tracing::field::Visit for Fields<'_> {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl tracing::Subscriber for Spans {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, attrs: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut fields = BTreeMap::new();
        attrs.record(&mut Fields(&mut fields));
        let mut spans = self.0.lock().unwrap();
        spans.push((attrs.metadata().name(), fields));
        tracing::span::Id::from_u64(spans.len() as u64)
    }
    fn record(&self, span: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut spans = self.0.lock().unwrap();
        values.record(&mut Fields(&mut spans[span.into_u64() as usize - 1].1));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, _: &tracing::Event<'_>) {}
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

/// The fields each attempt's span holds once the call is over, read from the subscriber:
/// OpenTelemetry's names (`url.full` as sent, the template, the server, the status, the
/// error type) and the crate's own under `mcp_admin.`.
fn spans_carry_the_open_telemetry_http_client_fields() {
    let spans = Spans::default();
    let _guard = tracing::subscriber::set_default(spans.clone());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let port = closed_port();
    let uri = rt.block_on(async {
        let server = MockServer::start().await;
        mount_503_then_ok(&server, ResponseTemplate::new(503)).await;
        let gm = builder(&server.uri()).build().unwrap();
        assert!(gm.get_server(3u64).await.is_ok());
        let refused = getmcp::Client::builder(format!("http://127.0.0.1:{port}"))
            .api_key(KEY)
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        assert!(refused.delete_server(9u64).await.is_err());
        server.uri()
    });
    drop(_guard);

    let recorded: Vec<BTreeMap<String, String>> = spans
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|(name, _)| *name == "mcp_admin.request")
        .map(|(_, fields)| fields.clone())
        .collect();
    let server_port = uri.rsplit(':').next().unwrap().to_owned();
    let want = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let common = [
        ("otel.kind", "client"),
        ("otel.name", "GET /wp-json/getmcp/v1/servers/{id}"),
        ("http.request.method", "GET"),
        ("url.template", "/wp-json/getmcp/v1/servers/{id}"),
        ("server.address", "127.0.0.1"),
        ("server.port", server_port.as_str()),
        ("mcp_admin.platform", "GetMCP"),
        ("mcp_admin.operation", "getmcp_get_server"),
    ];
    let url = format!("{uri}/wp-json/getmcp/v1/servers/3");
    let without_elapsed = |mut fields: BTreeMap<String, String>| {
        let elapsed = fields.remove("mcp_admin.elapsed_ms");
        assert!(
            elapsed.is_some_and(|ms| ms.parse::<u64>().is_ok()),
            "{fields:?}"
        );
        fields
    };
    assert_eq!(recorded.len(), 3, "{recorded:#?}");
    let mut first = want(&common);
    first.extend(want(&[
        ("url.full", url.as_str()),
        ("mcp_admin.attempt", "1"),
        ("http.response.status_code", "503"),
        ("error.type", "503"),
        ("otel.status_code", "ERROR"),
    ]));
    assert_eq!(without_elapsed(recorded[0].clone()), first);
    let mut second = want(&common);
    second.extend(want(&[
        ("url.full", url.as_str()),
        ("mcp_admin.attempt", "2"),
        ("http.request.resend_count", "1"),
        ("http.response.status_code", "200"),
    ]));
    assert_eq!(without_elapsed(recorded[1].clone()), second);
    let refused_url = format!("http://127.0.0.1:{port}/wp-json/getmcp/v1/servers/9");
    let port = port.to_string();
    assert_eq!(
        without_elapsed(recorded[2].clone()),
        want(&[
            ("otel.kind", "client"),
            ("otel.name", "DELETE /wp-json/getmcp/v1/servers/{id}"),
            ("http.request.method", "DELETE"),
            ("url.full", refused_url.as_str()),
            ("url.template", "/wp-json/getmcp/v1/servers/{id}"),
            ("server.address", "127.0.0.1"),
            ("server.port", port.as_str()),
            ("mcp_admin.platform", "GetMCP"),
            ("mcp_admin.operation", "getmcp_delete_server"),
            ("mcp_admin.attempt", "1"),
            ("error.type", "connect"),
            ("otel.status_code", "ERROR"),
        ])
    );
}
