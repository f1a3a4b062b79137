//! The shared transport, through the public clients against local servers only:
//! timeouts, retries and `Retry-After`, no silent success, redirects, bounded bodies,
//! secret hygiene, the plain-http guard, the PATCH override and hostile responses.

use std::{
    io::{self, Read, Write},
    net::{TcpListener as StdListener, TcpStream as StdStream},
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant, SystemTime},
};

use mcp_admin::{
    getmcp::{self, Server, TestAuthCredentials},
    hasmcp, Error, RetryPolicy,
};
use serde_json::{json, Value};
use wiremock::{
    matchers::{any as any_request, body_json, header, method, path},
    Mock, MockBuilder, MockServer, ResponseTemplate,
};

const KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
const BEARER: &str = "Bearer gmcp_0123456789abcdef0123456789abcdef";
const SERVER_PATH: &str = "/wp-json/getmcp/v1/servers/3";

fn server_json() -> Value {
    json!({
        "id": 3,
        "uuid": "9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d",
        "name": "GitHub Tools",
        "status": "active",
        "settings": {"description": "Tools for GitHub"}
    })
}

/// Retries that cost next to nothing, so tests stay fast.
fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
}

fn builder(uri: &str) -> getmcp::ClientBuilder {
    getmcp::Client::builder(uri)
        .api_key(KEY)
        .retry(fast_retry())
}

fn client(server: &MockServer) -> getmcp::Client {
    builder(&server.uri()).build().expect("client builds")
}

fn get_server() -> MockBuilder {
    Mock::given(method("GET")).and(path(SERVER_PATH))
}

fn patch_server() -> MockBuilder {
    Mock::given(method("PATCH")).and(path(SERVER_PATH))
}

fn ok_server() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(server_json())
}

async fn request_count(server: &MockServer) -> usize {
    server
        .received_requests()
        .await
        .expect("recording is on")
        .len()
}

/// A loopback port nothing listens on (bound, then released).
fn closed_port() -> u16 {
    let listener = StdListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn assert_no_secret(text: &str) {
    assert!(!text.contains(KEY), "the key leaked into: {text}");
}

fn api_status(err: &Error) -> u16 {
    match err {
        Error::Api(api) => api.status,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

/// Reads one request head (the tests' requests carry no body) from a raw connection.
fn read_head(stream: &mut StdStream) -> io::Result<()> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        head.push(byte[0]);
    }
    Ok(())
}

/// A bare HTTP/1.1 server on `listener` answering every request with `response`
/// written as-is; returns the number of requests it answered.
fn raw_server(listener: StdListener, response: Vec<u8>) -> Arc<AtomicUsize> {
    let served = Arc::new(AtomicUsize::new(0));
    let count = served.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            if read_head(&mut stream).is_ok() {
                count.fetch_add(1, Ordering::SeqCst);
                let _ = stream.write_all(&response);
            }
        }
    });
    served
}

/// A server whose 200 response is a chunked body (no Content-Length) that never ends.
fn endless_chunked_server() -> String {
    let listener = StdListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            std::thread::spawn(move || {
                if read_head(&mut stream).is_err() {
                    return;
                }
                let head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
                let chunk = format!("400\r\n{{\"id\":3,{}\r\n", " ".repeat(1024 - 8));
                if stream.write_all(head).is_err() {
                    return;
                }
                // Stops when the client hangs up.
                while stream.write_all(chunk.as_bytes()).is_ok() {}
            });
        }
    });
    format!("http://{addr}")
}

// ---------------------------------------------------------------- defaults

#[test]
fn defaults_are_the_documented_values() {
    let policy = RetryPolicy::default();
    assert_eq!(policy.attempts(), 3);
    assert_eq!(
        policy,
        RetryPolicy::default()
            .max_attempts(3)
            .initial_backoff(Duration::from_millis(250))
            .max_backoff(Duration::from_secs(10))
    );
    assert_eq!(RetryPolicy::none().attempts(), 1);
    assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);

    let debug = format!("{:?}", getmcp::Client::builder("https://site.example"));
    for want in [
        "timeout: 30s",
        "connect_timeout: 10s",
        "max_response_bytes: 8388608",
        "max_attempts: 3",
        "initial_backoff: 250ms",
        "max_backoff: 10s",
        "allow_insecure_http: false",
        "method_override: false",
    ] {
        assert!(debug.contains(want), "{want} missing from {debug}");
    }
}

// ---------------------------------------------------------------- timeouts

#[tokio::test]
async fn whole_request_timeout_ends_a_silent_server() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ok_server().set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let gm = builder(&server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();

    let started = Instant::now();
    let err = gm.get_server(3u64).await.unwrap_err();
    let elapsed = started.elapsed();

    // The limit that ran out, and how long the call ran: here about the same.
    assert!(
        matches!(&err, Error::Timeout { after, elapsed: ran, operation: "getmcp_get_server", .. }
            if *after == Duration::from_millis(200) && ran >= after && *ran <= elapsed),
        "{err:?}"
    );
    assert!(err.to_string().ends_with("(timeout 200ms)"), "{err}");
    assert!(!err.may_have_applied(), "a read");
    assert!(err.is_timeout() && err.is_retryable());
    assert_eq!(err.status(), None);
    assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1200), "{elapsed:?}");
    // Not retried: the limit is for the whole request.
    assert_eq!(request_count(&server).await, 1);
}

/// The deadline covers every attempt: each attempt gets only what is left of it.
#[tokio::test]
async fn deadline_spans_attempts_of_a_slow_failing_server() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ResponseTemplate::new(503).set_delay(Duration::from_millis(150)))
        .mount(&server)
        .await;
    let gm = builder(&server.uri())
        .timeout(Duration::from_millis(400))
        .retry(fast_retry().max_attempts(10))
        .build()
        .unwrap();

    let started = Instant::now();
    let err = gm.get_server(3u64).await.unwrap_err();
    let elapsed = started.elapsed();

    assert!(err.is_timeout(), "{err:?}");
    assert!(elapsed < Duration::from_millis(1400), "{elapsed:?}");
    let n = request_count(&server).await;
    assert!((2..=4).contains(&n), "{n} requests");
}

/// A wait that would end past the deadline is not started: the last answer is returned.
#[tokio::test]
async fn deadline_stops_retries_whose_wait_would_overrun_it() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let gm = builder(&server.uri())
        .timeout(Duration::from_millis(300))
        .retry(
            RetryPolicy::default()
                .max_attempts(5)
                .initial_backoff(Duration::from_secs(2))
                .max_backoff(Duration::from_secs(10)),
        )
        .build()
        .unwrap();

    let started = Instant::now();
    let err = gm.get_server(3u64).await.unwrap_err();
    assert_eq!(api_status(&err), 503);
    assert!(started.elapsed() < Duration::from_millis(300));
}

/// Zero is no time at all, not "no limit".
#[tokio::test]
async fn zero_timeout_is_an_immediate_timeout() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ok_server().set_delay(Duration::from_millis(300)))
        .mount(&server)
        .await;
    let gm = builder(&server.uri())
        .timeout(Duration::ZERO)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = gm.get_server(3u64).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(300));
}

/// `Duration::MAX` as "no limit" must work, not overflow an `Instant`.
#[tokio::test]
async fn huge_limits_do_not_overflow() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    get_server().respond_with(ok_server()).mount(&server).await;
    let gm = builder(&server.uri())
        .timeout(Duration::MAX)
        .connect_timeout(Duration::MAX)
        .retry(
            RetryPolicy::default()
                .max_attempts(u32::MAX)
                .initial_backoff(Duration::MAX)
                .max_backoff(Duration::MAX),
        )
        .build()
        .unwrap();
    assert_eq!(gm.get_server(3u64).await.unwrap().id, 3);
    assert_eq!(request_count(&server).await, 2);
}

#[tokio::test]
async fn huge_retry_after_with_an_uncapped_policy_does_not_overflow() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", u64::MAX.to_string()))
        .expect(1)
        .mount(&server)
        .await;
    let gm = builder(&server.uri())
        .timeout(Duration::from_secs(5))
        .retry(RetryPolicy::default().max_backoff(Duration::MAX))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = gm.get_server(3u64).await.unwrap_err();
    assert!(err.is_rate_limited(), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(u64::MAX)));
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn connection_refused_is_a_retryable_transport_error() {
    let port = closed_port();
    for policy in [RetryPolicy::none(), fast_retry().max_attempts(3)] {
        let gm = getmcp::Client::builder(format!("http://127.0.0.1:{port}"))
            .api_key(KEY)
            .retry(policy)
            .build()
            .unwrap();
        let started = Instant::now();
        let err = gm.get_server(3u64).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::Transport {
                    operation: "getmcp_get_server",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.is_retryable());
        assert!(!err.is_timeout());
        assert_eq!(err.status(), None);
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_no_secret(&format!("{err} {err:?}"));
    }
}

/// The port opens 150 ms after the first (refused) attempt; later attempts start no
/// earlier than 150 ms and 450 ms. Only a retried connection can reach the server.
#[tokio::test]
async fn connection_failures_are_retried() {
    let body = serde_json::to_string(&server_json()).unwrap();
    let response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes();

    for (policy, succeeds) in [
        (RetryPolicy::none(), false),
        (
            RetryPolicy::default()
                .max_attempts(3)
                .initial_backoff(Duration::from_millis(300))
                .max_backoff(Duration::from_secs(1)),
            true,
        ),
    ] {
        let port = closed_port();
        let gm = getmcp::Client::builder(format!("http://127.0.0.1:{port}"))
            .api_key(KEY)
            .retry(policy)
            .build()
            .unwrap();
        let call = tokio::spawn(async move { gm.get_server(3u64).await });
        tokio::time::sleep(Duration::from_millis(150)).await;
        let listener = StdListener::bind(("127.0.0.1", port)).expect("rebind the released port");
        let served = raw_server(listener, response.clone());
        let result = call.await.unwrap();
        if succeeds {
            assert_eq!(result.unwrap().id, 3);
            assert_eq!(served.load(Ordering::SeqCst), 1);
        } else {
            let err = result.unwrap_err();
            assert!(matches!(err, Error::Transport { .. }), "{err:?}");
            assert_eq!(served.load(Ordering::SeqCst), 0);
        }
    }
}

/// A listener whose accept queue is full, so a connect to it never completes; keep
/// the connections returned alongside it open for as long as that must hold.
async fn full_listener() -> (tokio::net::TcpListener, Vec<tokio::net::TcpStream>) {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(0).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut fillers = Vec::new();
    while let Ok(Ok(stream)) = tokio::time::timeout(
        Duration::from_millis(100),
        tokio::net::TcpStream::connect(addr),
    )
    .await
    {
        fillers.push(stream);
        assert!(fillers.len() < 64, "the accept queue never filled");
    }
    (listener, fillers)
}

/// A client of `listener` whose connects time out after `connect_ms`.
fn never_connecting(
    listener: &tokio::net::TcpListener,
    retry: RetryPolicy,
    connect_ms: u64,
) -> getmcp::Client {
    let addr = listener.local_addr().unwrap();
    builder(&format!("http://{addr}"))
        .retry(retry)
        .connect_timeout(Duration::from_millis(connect_ms))
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// A listener whose accept queue is full drops new connection attempts, so a connect
/// never completes: the connect timeout ends it, and the error names that limit.
#[tokio::test]
async fn connect_timeout_ends_a_connect_that_never_completes() {
    let (listener, _fillers) = full_listener().await;
    let gm = never_connecting(&listener, RetryPolicy::none(), 200);
    let started = Instant::now();
    let err = gm.get_server(3u64).await.unwrap_err();
    let elapsed = started.elapsed();

    assert!(
        matches!(&err, Error::Timeout { after, cause, .. }
            if *after == Duration::from_millis(200) && cause.is_connect()),
        "{err:?}"
    );
    assert!(
        err.to_string().ends_with("(connect timeout 200ms)"),
        "{err}"
    );
    assert!(err.is_retryable());
    assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1200), "{elapsed:?}");
    drop(listener);
}

/// Connect timeouts are retried: the error says how long the whole call ran, all
/// attempts included, besides the limit each attempt ran out of.
#[tokio::test]
async fn a_timeout_after_retries_reports_the_whole_call() {
    let (listener, _fillers) = full_listener().await;
    let gm = never_connecting(&listener, fast_retry().max_attempts(3), 100);
    let started = Instant::now();
    let err = gm.update_server(3u64).name("n").send().await.unwrap_err();
    let Error::Timeout { after, elapsed, .. } = &err else {
        panic!("not a timeout: {err:?}")
    };
    assert_eq!(*after, Duration::from_millis(100));
    assert!(*elapsed >= Duration::from_millis(300), "{err:?}");
    assert!(*elapsed <= started.elapsed(), "{err:?}");
    assert!(!err.may_have_applied(), "never connected: {err:?}");
    drop(listener);
}

// ---------------------------------------------------------------- retries

#[tokio::test]
async fn retries_503_until_success() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .with_priority(1)
        .expect(2)
        .mount(&server)
        .await;
    get_server()
        .and(header("authorization", BEARER))
        .respond_with(ok_server())
        .expect(1)
        .mount(&server)
        .await;
    let gm = client(&server);
    assert_eq!(gm.get_server(3u64).await.unwrap().name, "GitHub Tools");
    assert_eq!(request_count(&server).await, 3);
}

#[tokio::test]
async fn retries_each_retryable_status() {
    for status in [429, 502, 503, 504] {
        let server = MockServer::start().await;
        get_server()
            .respond_with(ResponseTemplate::new(status))
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        get_server().respond_with(ok_server()).mount(&server).await;
        let gm = client(&server);
        assert_eq!(gm.get_server(3u64).await.unwrap().id, 3, "after {status}");
        assert_eq!(request_count(&server).await, 2, "after {status}");
    }
}

/// The exponential wait (at least 2.5 s here) would overrun the 2 s deadline; only
/// honouring `Retry-After: 0` gets the second attempt through.
#[tokio::test]
async fn retry_after_zero_is_honoured_instead_of_the_backoff() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    get_server().respond_with(ok_server()).mount(&server).await;
    let gm = builder(&server.uri())
        .timeout(Duration::from_secs(2))
        .retry(RetryPolicy::default().initial_backoff(Duration::from_secs(5)))
        .build()
        .unwrap();
    let started = Instant::now();
    assert_eq!(gm.get_server(3u64).await.unwrap().id, 3);
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(request_count(&server).await, 2);
}

#[tokio::test]
async fn retry_after_past_http_date_is_honoured() {
    let server = MockServer::start().await;
    let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(3600));
    get_server()
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", past.as_str()))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    get_server().respond_with(ok_server()).mount(&server).await;
    let gm = builder(&server.uri())
        .timeout(Duration::from_secs(2))
        .retry(RetryPolicy::default().initial_backoff(Duration::from_secs(5)))
        .build()
        .unwrap();
    assert_eq!(gm.get_server(3u64).await.unwrap().id, 3);
    assert_eq!(request_count(&server).await, 2);
}

/// Default cap 10 s: a server asking for 11 s is not waited for.
#[tokio::test]
async fn retry_after_over_the_cap_returns_at_once_with_the_wait() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "11")
                .set_body_json(json!({"code": "rest_rate_limited", "message": "Slow down", "data": {"status": 429}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let gm = getmcp::Client::builder(server.uri())
        .api_key(KEY)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = gm.get_server(3u64).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(api_status(&err), 429);
    assert!(err.is_rate_limited() && err.is_retryable());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(11)));
    assert_eq!(err.code(), Some("rest_rate_limited"));
    assert_eq!(
        err.to_string(),
        "GetMCP getmcp_get_server: HTTP 429 rest_rate_limited: Slow down (retry after 11s)"
    );
}

#[tokio::test]
async fn retry_after_http_date_over_the_cap_is_reported() {
    let server = MockServer::start().await;
    let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
    get_server()
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", later.as_str()))
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server).get_server(3u64).await.unwrap_err();
    assert_eq!(api_status(&err), 503);
    let wait = err.retry_after().expect("retry_after kept");
    assert!(
        wait > Duration::from_secs(3590) && wait <= Duration::from_secs(3600),
        "{wait:?}"
    );
}

#[tokio::test]
async fn other_statuses_are_never_retried() {
    for status in [400, 401, 403, 404, 405, 409, 410, 422, 500, 501] {
        let server = MockServer::start().await;
        get_server()
            .respond_with(ResponseTemplate::new(status).insert_header("retry-after", "0"))
            .expect(1)
            .mount(&server)
            .await;
        let gm = builder(&server.uri())
            .retry(fast_retry().max_attempts(5))
            .build()
            .unwrap();
        let err = gm.get_server(3u64).await.unwrap_err();
        assert_eq!(api_status(&err), status);
        assert_eq!(request_count(&server).await, 1, "{status} was retried");
    }
}

#[tokio::test]
async fn updates_are_retried_with_the_same_body() {
    let server = MockServer::start().await;
    patch_server()
        .and(body_json(json!({"name": "Renamed"})))
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    patch_server()
        .and(body_json(json!({"name": "Renamed"})))
        .and(header("content-type", "application/json"))
        .respond_with(ok_server())
        .expect(1)
        .mount(&server)
        .await;
    let gm = client(&server);
    gm.update_server(3u64).name("Renamed").send().await.unwrap();
}

/// A retry is the same request again, byte for byte: method, URL, every header and the
/// body, for a plain PATCH and for one carried by a POST with a method override.
#[tokio::test]
async fn a_retry_sends_exactly_the_first_request() {
    for override_method in [false, true] {
        let server = MockServer::start().await;
        Mock::given(any_request())
            .respond_with(ResponseTemplate::new(503))
            .up_to_n_times(2)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(any_request())
            .respond_with(ok_server())
            .mount(&server)
            .await;
        let gm = builder(&server.uri())
            .patch_via_post(override_method)
            .build()
            .unwrap();
        gm.update_server(3u64)
            .name("Renamed")
            .cors_origins(["https://a.example"])
            .send()
            .await
            .unwrap();
        let sent = server.received_requests().await.unwrap();
        assert_eq!(sent.len(), 3, "two retries");
        let expected_method = if override_method { "POST" } else { "PATCH" };
        for request in &sent {
            assert_eq!(request.method.as_str(), expected_method);
            assert_eq!(request.url, sent[0].url);
            assert_eq!(request.headers, sent[0].headers);
            assert_eq!(request.body, sent[0].body);
        }
        assert_eq!(
            serde_json::from_slice::<Value>(&sent[0].body).unwrap(),
            json!({"name": "Renamed", "cors_origins": "https://a.example"})
        );
        assert_eq!(
            sent[0]
                .headers
                .get("x-http-method-override")
                .map(|v| v.to_str().unwrap()),
            override_method.then_some("PATCH")
        );
    }
}

#[tokio::test]
async fn no_retry_policy_sends_once() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let gm = builder(&server.uri())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = gm.get_server(3u64).await.unwrap_err();
    assert_eq!(api_status(&err), 503);
    assert!(err.is_retryable());
}

#[tokio::test]
async fn max_attempts_bounds_retries_and_the_last_status_is_kept() {
    for (attempts, status) in [(2u32, 503u16), (3, 504)] {
        let server = MockServer::start().await;
        get_server()
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_json(json!({"code": "upstream", "message": "down"})),
            )
            .expect(u64::from(attempts))
            .mount(&server)
            .await;
        let gm = builder(&server.uri())
            .retry(fast_retry().max_attempts(attempts))
            .build()
            .unwrap();
        let err = gm.get_server(3u64).await.unwrap_err();
        assert_eq!(api_status(&err), status);
        assert_eq!(err.code(), Some("upstream"));
        assert_eq!(request_count(&server).await, attempts as usize);
    }
}

// ---------------------------------------------------------------- no silent success

async fn get_answered_with(template: ResponseTemplate) -> Error {
    let server = MockServer::start().await;
    get_server()
        .respond_with(template)
        .expect(1)
        .mount(&server)
        .await;
    builder(&server.uri())
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
        .get_server(3u64)
        .await
        .expect_err("must not be a success")
}

fn decode_status(err: &Error) -> (u16, &str, &str) {
    match err {
        Error::Decode {
            status,
            reason,
            body,
            ..
        } => (*status, reason.as_str(), body.as_str()),
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn success_status_with_a_body_that_is_not_a_server_is_an_error() {
    let html = "<html><body>Maintenance</body></html>";
    let err = get_answered_with(ResponseTemplate::new(200).set_body_raw(html, "text/html")).await;
    let (status, reason, body) = decode_status(&err);
    assert_eq!((status, body), (200, html));
    assert!(reason.starts_with("not JSON"), "{reason}");
    assert_eq!(err.status(), Some(200));

    let err = get_answered_with(ResponseTemplate::new(200).set_body_json(json!([]))).await;
    let (status, reason, body) = decode_status(&err);
    assert_eq!((status, body), (200, "[]"));
    assert!(reason.starts_with("unexpected shape"), "{reason}");

    let err = get_answered_with(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    assert_eq!(decode_status(&err).0, 200);

    let full = serde_json::to_string(&server_json()).unwrap();
    let truncated = &full[..full.len() / 2];
    let err =
        get_answered_with(ResponseTemplate::new(200).set_body_raw(truncated, "application/json"))
            .await;
    let (status, reason, body) = decode_status(&err);
    assert_eq!((status, body), (200, truncated));
    assert!(reason.starts_with("not JSON"), "{reason}");

    // PHP notices printed before the JSON.
    let noisy = format!("<b>Notice</b>: Undefined index{full}");
    let err =
        get_answered_with(ResponseTemplate::new(200).set_body_raw(noisy, "application/json")).await;
    assert_eq!(decode_status(&err).0, 200);
}

#[tokio::test]
async fn other_success_statuses_are_errors_even_with_a_server_body() {
    let err = get_answered_with(ResponseTemplate::new(204)).await;
    let (status, reason, body) = decode_status(&err);
    assert_eq!((status, body), (204, ""));
    assert_eq!(reason, "empty body");

    for status in [201, 202, 203, 206] {
        let err =
            get_answered_with(ResponseTemplate::new(status).set_body_json(server_json())).await;
        let (got, reason, _) = decode_status(&err);
        assert_eq!(got, status);
        assert!(reason.starts_with("unexpected status"), "{reason}");
    }
}

#[tokio::test]
async fn an_update_answered_without_a_server_is_not_done() {
    let server = MockServer::start().await;
    patch_server()
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server)
        .update_server(3u64)
        .name("x")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                status: 204,
                operation: "getmcp_update_server",
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn error_statuses_keep_their_status_whatever_the_body() {
    for (status, template) in [
        (404, ResponseTemplate::new(404).set_body_json(json!({"code": "getmcp_not_found", "message": "Server not found.", "data": {"status": 404}}))),
        (404, ResponseTemplate::new(404).set_body_raw("<html>Not Found</html>", "text/html")),
        (500, ResponseTemplate::new(500).set_body_json(server_json())),
        (502, ResponseTemplate::new(502).set_body_raw("Bad Gateway", "text/plain")),
        (403, ResponseTemplate::new(403)),
        (418, ResponseTemplate::new(418).set_body_raw("{\"code\":", "application/json")),
    ] {
        let err = get_answered_with(template).await;
        assert_eq!(api_status(&err), status, "{err:?}");
        assert_eq!(err.status(), Some(status));
    }
    let err = get_answered_with(ResponseTemplate::new(404).set_body_json(json!({"code": "getmcp_not_found", "message": "Server not found.", "data": {"status": 404}}))).await;
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some("getmcp_not_found"));
}

#[tokio::test]
async fn json_with_another_content_type_is_still_decoded() {
    let server = MockServer::start().await;
    get_server()
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(serde_json::to_vec(&server_json()).unwrap(), "text/html"),
        )
        .mount(&server)
        .await;
    let got = client(&server).get_server(3u64).await.unwrap();
    let want: Server = serde_json::from_value(server_json()).unwrap();
    assert_eq!(got, want);
}

// ---------------------------------------------------------------- redirects

/// A redirect is never followed: it could turn an update into a GET (301/302 after
/// POST, 303 after anything) that then "succeeds" with the unchanged server.
#[tokio::test]
async fn redirects_are_errors_and_never_followed() {
    let cases = [
        (false, 301),
        (false, 302),
        (false, 303),
        (false, 307),
        (false, 308),
        (true, 301),
        (true, 302),
        (true, 303),
        (true, 307),
    ];
    for (via_post, status) in cases {
        let server = MockServer::start().await;
        let elsewhere = format!("{}/moved/servers/3", server.uri());
        Mock::given(path(SERVER_PATH))
            .respond_with(
                ResponseTemplate::new(status).insert_header("location", elsewhere.as_str()),
            )
            .expect(2)
            .mount(&server)
            .await;
        Mock::given(path("/moved/servers/3"))
            .respond_with(ok_server())
            .expect(0)
            .mount(&server)
            .await;
        let gm = builder(&server.uri())
            .patch_via_post(via_post)
            .build()
            .unwrap();

        let err = gm
            .update_server(3u64)
            .name("Renamed")
            .send()
            .await
            .expect_err("a redirected update is not done");
        assert_eq!(api_status(&err), status, "{err:?}");
        let message = err
            .as_api()
            .and_then(|a| a.message.clone())
            .unwrap_or_default();
        assert!(message.contains(&elsewhere), "{message}");

        let err = gm.get_server(3u64).await.expect_err("redirected read");
        assert_eq!(api_status(&err), status);
        assert_eq!(request_count(&server).await, 2);
    }
}

// ---------------------------------------------------------------- bounded bodies

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let big = format!("{{\"id\":3,\"name\":\"{}\"}}", "x".repeat(10 * 1024));
    for status in [200u16, 500] {
        let server = MockServer::start().await;
        get_server()
            .respond_with(
                ResponseTemplate::new(status).set_body_raw(big.clone(), "application/json"),
            )
            .expect(1)
            .mount(&server)
            .await;
        let gm = builder(&server.uri())
            .max_response_bytes(1024)
            .build()
            .unwrap();
        let err = gm.get_server(3u64).await.unwrap_err();
        assert!(
            matches!(err, Error::ResponseTooLarge { status: s, limit: 1024, operation: "getmcp_get_server", .. } if s == status),
            "{err:?}"
        );
        assert_eq!(err.status(), Some(status));
    }
}

#[tokio::test]
async fn the_limit_is_inclusive() {
    let json = serde_json::to_string(&server_json()).unwrap();
    let server = MockServer::start().await;
    for (len, ok) in [(1024usize, true), (1025, false)] {
        server.reset().await;
        let padded = format!("{json}{}", " ".repeat(len - json.len()));
        get_server()
            .respond_with(ResponseTemplate::new(200).set_body_raw(padded, "application/json"))
            .mount(&server)
            .await;
        let gm = builder(&server.uri())
            .max_response_bytes(1024)
            .build()
            .unwrap();
        let result = gm.get_server(3u64).await;
        assert_eq!(result.is_ok(), ok, "{len} bytes: {result:?}");
    }
}

/// A declared length over the limit is refused from the headers: the body, which
/// this server never finishes sending, is not waited for.
#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_before_reading() {
    let listener = StdListener::bind("127.0.0.1:0").expect("bind");
    let uri = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        if read_head(&mut stream).is_ok() {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000000\r\n\r\n{\"id\":3,",
            );
            // Hold the connection open with the body unfinished.
            std::thread::sleep(Duration::from_secs(3));
        }
    });
    let gm = builder(&uri)
        .max_response_bytes(1024)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = gm.get_server(3u64).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                status: 200,
                limit: 1024,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(1));
}

/// No Content-Length and a body that never ends: reading stops at the limit.
#[tokio::test]
async fn an_endless_chunked_body_stops_at_the_limit() {
    let uri = endless_chunked_server();
    for (limit, gm) in [
        (
            4096,
            builder(&uri).max_response_bytes(4096).build().unwrap(),
        ),
        (8 * 1024 * 1024, builder(&uri).build().unwrap()),
    ] {
        let started = Instant::now();
        let err = gm.get_server(3u64).await.unwrap_err();
        assert!(
            matches!(err, Error::ResponseTooLarge { status: 200, limit: l, .. } if l == limit),
            "{err:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}

// ---------------------------------------------------------------- secrets

#[test]
fn debug_of_builders_and_clients_never_shows_the_key() {
    let b = getmcp::Client::builder("https://site.example").api_key(KEY);
    assert_no_secret(&format!("{b:?}"));
    let c = b.build().unwrap();
    assert_no_secret(&format!("{c:?}"));
    assert_no_secret(&format!("{:?}", c.raw()));
    let update = c
        .update_server(3u64)
        .test_auth_credentials(TestAuthCredentials::bearer(KEY));
    assert_no_secret(&format!("{update:?}"));
    assert_no_secret(&format!("{:?}", update.body().unwrap()));
}

#[test]
fn tokens_that_cannot_go_in_a_header_are_refused_at_build() {
    for bad in [
        format!("{KEY}\n"),
        format!("{KEY}\r\nX-Injected: 1"),
        format!("\n{KEY}"),
        format!("{KEY}\0"),
        format!("{KEY}\u{7f}"),
        format!("{KEY}\t"),
        format!("{KEY} extra"),
        format!(" {KEY}"),
        format!("{KEY}é"),
        format!("{KEY}\u{200b}"),
        String::new(),
        "   ".to_owned(),
    ] {
        let err = getmcp::Client::builder("https://site.example")
            .api_key(bad.as_str())
            .build()
            .expect_err("refused");
        assert!(matches!(&err, Error::Config { .. }), "{bad:?}: {err:?}");
        let text = format!("{err} {err:?}");
        assert_no_secret(&text);
        assert!(text.contains("GetMCP"), "{text}");
    }
    let missing = getmcp::Client::builder("https://site.example")
        .build()
        .unwrap_err();
    assert!(
        missing.to_string().contains(getmcp::API_KEY_VAR),
        "{missing}"
    );
}

// ---------------------------------------------------------------- transport guard

#[test]
fn plain_http_is_refused_unless_loopback_or_allowed() {
    let build = |url: &str, allow: bool| {
        let b = getmcp::Client::builder(url).api_key(KEY);
        if allow {
            b.allow_insecure_http().build()
        } else {
            b.build()
        }
    };
    for refused in [
        "http://example.com",
        "http://site.example/blog",
        "http://127.0.0.1.example.com",
        "http://localhost.example.com",
        "http://10.0.0.1:8080",
    ] {
        let err = build(refused, false).expect_err(refused);
        assert!(
            matches!(&err, Error::Config { reason: m, .. } if m.contains("allow_insecure_http")),
            "{err:?}"
        );
        assert!(build(refused, true).is_ok(), "{refused} with the opt-in");
    }
    for fine in [
        "https://example.com",
        "https://site.example/blog",
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://localhost:8080",
        "http://[::1]:8080",
    ] {
        assert!(build(fine, false).is_ok(), "{fine}");
    }
    for never in [
        "ftp://example.com",
        "file:///etc/passwd",
        "https://user:pw@example.com",
        "not a url",
    ] {
        assert!(
            matches!(build(never, true), Err(Error::Config { .. })),
            "{never}"
        );
    }
}

// ---------------------------------------------------------------- PATCH override

#[tokio::test]
async fn patch_via_post_sends_post_with_the_override_header() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(SERVER_PATH))
        .and(header("x-http-method-override", "PATCH"))
        .and(header("content-type", "application/json"))
        .and(header("authorization", BEARER))
        .and(body_json(json!({"description": "New"})))
        .respond_with(ok_server())
        .expect(1)
        .mount(&server)
        .await;
    patch_server()
        .respond_with(ok_server())
        .expect(0)
        .mount(&server)
        .await;
    get_server()
        .respond_with(ok_server())
        .expect(1)
        .mount(&server)
        .await;
    let gm = builder(&server.uri()).patch_via_post(true).build().unwrap();
    gm.update_server(3u64)
        .description("New")
        .send()
        .await
        .unwrap();
    gm.get_server(3u64).await.unwrap();

    let reads: Vec<_> = server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.method.as_str() == "GET")
        .collect();
    assert_eq!(reads.len(), 1);
    assert!(!reads[0].headers.contains_key("x-http-method-override"));
}

#[tokio::test]
async fn without_the_opt_in_updates_are_plain_patch() {
    let server = MockServer::start().await;
    patch_server()
        .and(body_json(json!({"description": "New"})))
        .respond_with(ok_server())
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok_server())
        .expect(0)
        .mount(&server)
        .await;
    client(&server)
        .update_server(3u64)
        .description("New")
        .send()
        .await
        .unwrap();
    let sent = server.received_requests().await.unwrap();
    assert!(!sent[0].headers.contains_key("x-http-method-override"));
}

// ---------------------------------------------------------------- HasMCP shares it

const HASMCP_PATH: &str = "/api/v1/servers/kSuB9Gf6aD4";

fn hasmcp_client(server: &MockServer) -> hasmcp::Client {
    hasmcp::Client::builder()
        .base_url(server.uri())
        .token("hasmcp-token-a1b2c3")
        .retry(fast_retry())
        .build()
        .unwrap()
}

#[tokio::test]
async fn hasmcp_retries_and_reports_like_getmcp() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(HASMCP_PATH))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "0")
                .set_body_json(json!({"error": {"message": "ratelimited", "code": 429}})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(HASMCP_PATH))
        .and(header("authorization", "Bearer hasmcp-token-a1b2c3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"server": {"id": "kSuB9Gf6aD4", "name": "GitHubTools", "version": 3}}),
        ))
        .mount(&server)
        .await;
    let hm = hasmcp_client(&server);
    assert_eq!(
        hm.get_server("kSuB9Gf6aD4").await.unwrap().name,
        "GitHubTools"
    );
    assert_eq!(request_count(&server).await, 2);

    server.reset().await;
    Mock::given(any_request())
        .respond_with(ResponseTemplate::new(200).set_body_raw("<html>login</html>", "text/html"))
        .expect(1)
        .mount(&server)
        .await;
    // A web page where JSON was expected: the open-source edition's answer to a route
    // it does not have. Never a success, never retried.
    let err = hm.get_server("kSuB9Gf6aD4").await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Unsupported {
                status: 200,
                operation: "hasmcp_get_server",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!format!("{err:?} {hm:?}").contains("hasmcp-token-a1b2c3"));
}

#[tokio::test]
async fn hasmcp_redirects_and_big_bodies_are_errors() {
    let server = MockServer::start().await;
    Mock::given(path(HASMCP_PATH))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/login"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/login"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let err = hasmcp_client(&server)
        .get_server("kSuB9Gf6aD4")
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), 302);

    let err = hasmcp::Client::builder()
        .base_url("http://example.com")
        .token("t")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config { .. }));
    let err = hasmcp::Client::builder()
        .token("line\nbreak")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config { .. }));
}

// ---------------------------------------------------------------- hostile input

mod hostile {
    use super::*;
    use proptest::{
        collection::vec,
        prelude::*,
        test_runner::{Config, TestCaseError, TestRunner},
    };

    /// Bytes a header value may hold: visible ASCII, space, tab and obs-text.
    fn header_bytes() -> impl Strategy<Value = Vec<u8>> {
        vec(
            prop_oneof![8 => 0x20u8..=0x7e, 1 => Just(b'\t'), 1 => 0x80u8..=0xff],
            0..40,
        )
    }

    fn retry_after() -> impl Strategy<Value = Option<Vec<u8>>> {
        let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(86_400));
        let future = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(86_400));
        prop_oneof![
            3 => Just(None),
            1 => Just(Some(b"0".to_vec())),
            1 => (0u64..200).prop_map(|s| Some(s.to_string().into_bytes())),
            1 => Just(Some(u64::MAX.to_string().into_bytes())),
            1 => Just(Some(b"99999999999999999999999".to_vec())),
            1 => Just(Some(b"-1".to_vec())),
            1 => Just(Some(past.into_bytes())),
            1 => Just(Some(future.into_bytes())),
            2 => header_bytes().prop_map(Some),
        ]
    }

    fn content_type() -> impl Strategy<Value = Option<Vec<u8>>> {
        prop_oneof![
            Just(None),
            Just(Some(b"application/json".to_vec())),
            Just(Some(b"application/json; charset=UTF-8".to_vec())),
            Just(Some(b"text/html".to_vec())),
            header_bytes().prop_map(Some),
        ]
    }

    fn server_body() -> impl Strategy<Value = Vec<u8>> {
        (
            any::<u64>(),
            ".{0,20}",
            prop_oneof![Just("active"), Just("paused"), Just("bogus")],
            prop::option::of(".{0,10}"),
        )
            .prop_map(|(id, name, status, extra)| {
                let mut v = json!({"id": id, "name": name, "status": status, "settings": []});
                if let Some(extra) = extra {
                    v[extra] = json!({"nested": [1, null, "x"]});
                }
                serde_json::to_vec(&v).unwrap()
            })
    }

    fn body() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            4 => server_body(),
            2 => (server_body(), any::<prop::sample::Index>()).prop_map(|(b, i)| {
                let cut = i.index(b.len());
                b[..cut].to_vec()
            }),
            2 => Just(br#"{"code":"rest_forbidden","message":"Sorry","data":{"status":401}}"#.to_vec()),
            1 => Just(br#"{"error":{"code":429,"message":"ratelimited"}}"#.to_vec()),
            1 => Just(b"[]".to_vec()),
            1 => Just(b"{}".to_vec()),
            1 => Just(b"null".to_vec()),
            1 => Just(b"<html><body>Error</body></html>".to_vec()),
            1 => Just(Vec::new()),
            3 => vec(any::<u8>(), 0..300),
        ]
    }

    fn parsed_retry_after(raw: Option<&[u8]>) -> Option<Duration> {
        let value = std::str::from_utf8(raw?).ok()?.trim();
        if let Ok(secs) = value.parse::<u64>() {
            return Some(Duration::from_secs(secs));
        }
        let when = httpdate::parse_http_date(value).ok()?;
        Some(when.duration_since(SystemTime::now()).unwrap_or_default())
    }

    pub const CASES: u32 = 1500;

    /// Arbitrary status, `Retry-After`, `Content-Type` and body, for reads and updates:
    /// never a panic; a success exactly when the status is 200 and the body is a server;
    /// otherwise an error carrying the status that was sent; retries exactly when the
    /// policy says so.
    #[test]
    fn arbitrary_responses_map_to_the_right_outcome() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let server = rt.block_on(MockServer::start());
        let policy = RetryPolicy::default()
            .max_attempts(2)
            .initial_backoff(Duration::from_millis(1))
            .max_backoff(Duration::from_millis(5));
        let gm = builder(&server.uri()).retry(policy).build().unwrap();

        let strategy = (
            prop_oneof![
                3 => Just(200u16),
                1 => Just(404u16),
                1 => Just(429u16),
                1 => Just(503u16),
                4 => 200u16..=599,
            ],
            retry_after(),
            content_type(),
            body(),
            any::<bool>(),
        );
        let mut runner = TestRunner::new(Config {
            cases: CASES,
            failure_persistence: None,
            ..Config::default()
        });
        let started = Instant::now();
        let result = runner.run(
            &strategy,
            |(status, retry_after, content_type, body, update)| {
                rt.block_on(async {
                    server.reset().await;
                    let mut template = ResponseTemplate::new(status).set_body_bytes(body.clone());
                    if let Some(v) = &retry_after {
                        let v = wiremock::http::HeaderValue::from_bytes(v).unwrap();
                        template = template.insert_header("retry-after", v);
                    }
                    if let Some(v) = &content_type {
                        let v = wiremock::http::HeaderValue::from_bytes(v).unwrap();
                        template = template.insert_header("content-type", v);
                    }
                    Mock::given(any_request())
                        .respond_with(template)
                        .mount(&server)
                        .await;

                    let result = if update {
                        gm.update_server(3u64).name("n").send().await
                    } else {
                        gm.get_server(3u64).await
                    };
                    let sent = request_count(&server).await;

                    let wait = parsed_retry_after(retry_after.as_deref());
                    let retried = matches!(status, 429 | 502 | 503 | 504)
                        && wait.is_none_or(|w| w <= Duration::from_millis(5));
                    prop_assert_eq!(sent, if retried { 2 } else { 1 });

                    // 204 and 304 carry no body on the wire; an answer about another
                    // server than the one asked for (3) is refused.
                    let expected = (status == 200)
                        .then(|| serde_json::from_slice::<Server>(&body).ok())
                        .flatten()
                        .filter(|s| s.id == 3);
                    match (result, expected) {
                        (Ok(got), Some(want)) => prop_assert_eq!(got, want),
                        (Ok(got), None) => {
                            return Err(TestCaseError::fail(format!("silent success: {got:?}")))
                        }
                        (Err(e), Some(_)) => {
                            return Err(TestCaseError::fail(format!("valid server refused: {e:?}")))
                        }
                        (Err(e), None) => {
                            prop_assert_eq!(e.status(), Some(status), "{:?}", e);
                            if (200..300).contains(&status) {
                                prop_assert!(matches!(e, Error::Decode { .. }), "{:?}", e);
                            } else {
                                prop_assert!(matches!(e, Error::Api(_)), "{:?}", e);
                                let secs_form = retry_after
                                    .as_deref()
                                    .and_then(|v| std::str::from_utf8(v).ok())
                                    .and_then(|v| v.trim().parse::<u64>().ok());
                                if let Some(secs) = secs_form {
                                    prop_assert_eq!(
                                        e.retry_after(),
                                        Some(Duration::from_secs(secs))
                                    );
                                }
                            }
                            let text = format!("{e} {e:?}");
                            prop_assert!(!text.contains(KEY));
                        }
                    }
                    Ok(())
                })
            },
        );
        eprintln!(
            "hostile responses: {CASES} cases in {:?}",
            started.elapsed()
        );
        result.unwrap();
    }

    /// Any string as the key: `build()` never panics, and accepts exactly the keys
    /// made of visible ASCII.
    #[test]
    fn arbitrary_keys_build_or_are_refused() {
        let mut runner = TestRunner::new(Config {
            cases: 1000,
            failure_persistence: None,
            ..Config::default()
        });
        // Mostly keys that must be refused: an accepted one builds a whole HTTP client.
        let strategy = prop_oneof![
            1 => "[!-~]{1,60}",
            4 => ".{0,60}",
            4 => "[!-~]{0,20}[ \t\r\n\u{0}-\u{1f}\u{7f}-\u{10ffff}][!-~]{0,20}",
        ];
        runner
            .run(&strategy, |key| {
                let result = getmcp::Client::builder("https://site.example")
                    .api_key(key.as_str())
                    .build();
                let visible = !key.is_empty() && key.bytes().all(|b| b.is_ascii_graphic());
                prop_assert_eq!(result.is_ok(), visible, "{:?}", key);
                if let Err(e) = result {
                    prop_assert!(matches!(e, Error::Config { .. }), "{:?}", e);
                }
                Ok(())
            })
            .unwrap();
    }
}

/// A body cut short after the status arrived still gives an error with that status
/// (and what arrived), never a bare transport error.
#[tokio::test]
async fn a_body_cut_short_keeps_its_status() {
    let cases: [(&[u8], u16); 3] = [
        (b"HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"code\":\"getmcp_update_failed\"", 500),
        (b"HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\ncontent-length: 1000\r\n\r\n<html>proxy", 502),
        (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"id\":3,", 200),
    ];
    for (response, status) in cases {
        let listener = StdListener::bind("127.0.0.1:0").expect("bind");
        let uri = format!("http://{}", listener.local_addr().expect("addr"));
        let served = raw_server(listener, response.to_vec());
        let err = builder(&uri)
            .retry(RetryPolicy::none())
            .build()
            .expect("client")
            .get_server(3u64)
            .await
            .expect_err("a truncated body is never a success");
        assert_eq!(err.status(), Some(status), "{err:?}");
        assert_eq!(served.load(Ordering::SeqCst), 1);
        match (&err, status) {
            (Error::Decode { reason, body, .. }, 200) => {
                assert!(reason.contains("cut short"), "{reason}");
                assert_eq!(body, "");
            }
            (Error::Api(api), 500) => assert!(
                api.body.starts_with("{\"code\":\"getmcp_update_failed\""),
                "{api:?}"
            ),
            (Error::Api(api), 502) => {
                assert_eq!(api.body, "<html>proxy");
                assert!(err.is_retryable());
            }
            _ => panic!("{status}: unexpected {err:?}"),
        }
    }
}

/// A create behind a proxy's 502 may exist already: it is not sent twice (a second
/// server would be made). A 503 says it was not handled: that one is retried.
#[tokio::test]
async fn a_create_is_not_repeated_after_a_502_but_is_after_a_503() {
    for (status, attempts) in [(502u16, 1usize), (503, 2)] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/wp-json/getmcp/v1/servers"))
            .respond_with(ResponseTemplate::new(status))
            .mount(&server)
            .await;
        let gm = builder(&server.uri())
            .retry(fast_retry().max_attempts(2))
            .build()
            .unwrap();
        let err = gm.create_server("Tools").send().await.unwrap_err();
        assert_eq!(api_status(&err), status);
        assert_eq!(request_count(&server).await, attempts, "after {status}");
    }
}
