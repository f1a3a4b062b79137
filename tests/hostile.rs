//! Hostile and faulty servers, every byte under control (raw TCP on loopback): every
//! 2xx/3xx/4xx/5xx shape in three framings, broken HTTP, trickled and endless bodies,
//! `Retry-After` variants and echoed secrets. For every case: no panic, no success
//! unless the answer was the server, no secret in the error, a bounded error, the
//! status where one arrived, and retries exactly as documented.

mod support;

use std::{
    sync::Arc,
    time::{Duration, Instant, SystemTime},
};

use mcp_admin::{getmcp, hasmcp, Error, RetryPolicy};
use serde_json::{json, Value};
use support::{response, with_credentials, RawServer, Step, HASMCP_TOKEN, KEY, UPSTREAM};

const TIMEOUT: Duration = Duration::from_secs(1);
const MAX_BODY: usize = 64 * 1024;
const ATTEMPTS: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Call {
    /// GetMCP `get_server`.
    GmGet,
    /// GetMCP `update_server` sending upstream credentials.
    GmUpdate,
    /// HasMCP `get_server`.
    HmGet,
}

impl Call {
    fn secrets(self) -> &'static [&'static str] {
        match self {
            Call::GmGet => &[KEY],
            Call::GmUpdate => &[KEY, UPSTREAM],
            Call::HmGet => &[HASMCP_TOKEN],
        }
    }

    fn server_body(self) -> Vec<u8> {
        match self {
            Call::GmGet => gm_server().to_string().into_bytes(),
            Call::GmUpdate => gm_update_answer().to_string().into_bytes(),
            Call::HmGet => hm_server().to_string().into_bytes(),
        }
    }
}

fn gm_server() -> Value {
    json!({"id": 3, "name": "GitHub Tools", "status": "active", "settings": {}})
}

/// The server, also readable as a credentials status saying the test credentials are
/// stored: the raw server gives every request the same answer, and an update that sends
/// test credentials reads that status back after its PATCH.
fn gm_update_answer() -> Value {
    let mut answer = gm_server();
    answer["has_auth_credentials"] = false.into();
    answer["has_test_auth_credentials"] = true.into();
    answer["has_outbound_auth_credentials"] = false.into();
    answer
}

fn hm_server() -> Value {
    json!({"server": {"id": "kSuB9Gf6aD4", "name": "Tools", "version": 3}})
}

#[derive(Debug, Clone, PartialEq)]
enum Expect {
    /// The server, exactly.
    Success,
    /// An error carrying this status.
    Status(u16),
    /// An error without a status; `retryable` as given.
    NoStatus { retryable: bool },
    /// `Error::ResponseTooLarge`.
    TooLarge,
    /// `Error::Timeout`.
    Timeout,
    /// Framing a lenient parser may accept: a success only if it is the server.
    Either,
}

#[derive(Debug, Clone)]
struct Case {
    name: String,
    script: Vec<Step>,
    call: Call,
    expect: Expect,
    /// Requests the server must see.
    served: usize,
    /// `Error::retry_after()` must be this.
    retry_after: Option<Option<Duration>>,
}

impl Case {
    fn new(name: impl Into<String>, call: Call, script: Vec<Step>, expect: Expect) -> Case {
        let served = match (&expect, call) {
            (Expect::Status(429 | 502 | 503 | 504), _) => ATTEMPTS,
            // The PATCH, then the read of the credentials status that checks it.
            (Expect::Success, Call::GmUpdate) => 2,
            _ => 1,
        };
        Case {
            name: name.into(),
            script,
            call,
            expect,
            served,
            retry_after: None,
        }
    }

    fn served(mut self, n: usize) -> Case {
        self.served = n;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Body {
    Server,
    WpError,
    HasError,
    Html,
    Empty,
    Junk,
    Echo,
}

fn body(kind: Body, call: Call, status: u16) -> Vec<u8> {
    match kind {
        Body::Server => call.server_body(),
        Body::WpError => json!({"code": "getmcp_x", "message": "Nope.", "data": {"status": status}})
            .to_string()
            .into_bytes(),
        Body::HasError => json!({"error": {"code": status, "message": "nope", "data": {"reason": "r"}}})
            .to_string()
            .into_bytes(),
        Body::Html => b"<html><body><h1>Error</h1><p>Something went wrong.</p></body></html>".to_vec(),
        Body::Empty => Vec::new(),
        Body::Junk => (0..300u32).map(|i| (i * 7919 % 251) as u8).collect(),
        Body::Echo => json!({
            "code": "echo",
            "message": format!("Authorization: Bearer {KEY}; key {UPSTREAM}; {HASMCP_TOKEN}"),
            "data": {"status": status, "headers": {"Authorization": format!("Bearer {HASMCP_TOKEN}")},
                     "test_auth_credentials": format!("{{\"value\":\"{UPSTREAM}\"}}"),
                     "clientSecret": "cs-other"},
            "additional_errors": [{"code": "c", "message": format!("token {KEY}")}]
        })
        .to_string()
        .into_bytes(),
    }
}

#[derive(Debug, Clone, Copy)]
enum Framing {
    Length,
    Chunked,
    Close,
}

fn framed(status: u16, framing: Framing, body: &[u8]) -> Vec<u8> {
    let line = format!("{status} X");
    let ct = "content-type: application/json";
    match framing {
        Framing::Length => response(&line, &[ct], body),
        Framing::Chunked => {
            let mut out = format!("HTTP/1.1 {line}\r\n{ct}\r\nconnection: close\r\ntransfer-encoding: chunked\r\n\r\n")
                .into_bytes();
            let (a, b) = body.split_at(body.len() / 2);
            for part in [a, b] {
                if !part.is_empty() {
                    out.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
                    out.extend_from_slice(part);
                    out.extend_from_slice(b"\r\n");
                }
            }
            out.extend_from_slice(b"0\r\n\r\n");
            out
        }
        Framing::Close => {
            let mut out =
                format!("HTTP/1.1 {line}\r\n{ct}\r\nconnection: close\r\n\r\n").into_bytes();
            out.extend_from_slice(body);
            out
        }
    }
}

const STATUSES: &[u16] = &[
    200, 201, 202, 203, 204, 206, 299, 300, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405,
    409, 410, 413, 422, 429, 451, 500, 501, 502, 503, 504, 599,
];

/// Every status in every framing with every kind of body.
fn status_matrix() -> Vec<Case> {
    let mut cases = Vec::new();
    let kinds = [
        Body::Server,
        Body::WpError,
        Body::HasError,
        Body::Html,
        Body::Empty,
        Body::Junk,
        Body::Echo,
    ];
    for &status in STATUSES {
        for framing in [Framing::Length, Framing::Chunked, Framing::Close] {
            for kind in kinds {
                for call in [Call::GmGet, Call::GmUpdate, Call::HmGet] {
                    // Updates and HasMCP: every status, in one framing, with the bodies
                    // that matter to them.
                    let sampled = call == Call::GmGet
                        || (matches!(framing, Framing::Length)
                            && matches!(
                                kind,
                                Body::Server | Body::WpError | Body::HasError | Body::Echo
                            ));
                    if !sampled {
                        continue;
                    }
                    let expect = if status == 200 && kind == Body::Server {
                        Expect::Success
                    } else {
                        Expect::Status(status)
                    };
                    let bytes = framed(status, framing, &body(kind, call, status));
                    cases.push(Case::new(
                        format!("{status} {framing:?} {kind:?} {call:?}"),
                        call,
                        vec![Step::Write(bytes)],
                        expect,
                    ));
                }
            }
        }
    }
    cases
}

/// Broken HTTP, cut and endless bodies, slow servers.
fn broken() -> Vec<Case> {
    let server = gm_server().to_string();
    let ok_head = |extra: &str| format!("HTTP/1.1 200 OK\r\n{extra}\r\n");
    let malformed = Expect::NoStatus { retryable: false };
    let lost = Expect::NoStatus { retryable: true };
    let w = |s: String| vec![Step::Write(s.into_bytes())];
    let mut cases = vec![
        Case::new("garbage status line", Call::GmGet, w("HTTP/1.1 abc nonsense\r\n\r\n".into()), malformed.clone()),
        Case::new("not HTTP at all", Call::GmGet, w("hello world\r\n\r\n".into()), malformed.clone()),
        Case::new("a body without a head", Call::GmGet, w(server.clone()), malformed.clone()),
        Case::new("HTTP/2.0 status line", Call::GmGet, w(format!("HTTP/2.0 200 OK\r\ncontent-length: {}\r\n\r\n{server}", server.len())), malformed.clone()),
        Case::new("1 MiB header", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\nx-big: {}\r\n\r\n", "a".repeat(1 << 20))), malformed.clone()),
        Case::new("NUL in a header", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\nx-a: b\0c\r\ncontent-length: {}\r\n\r\n{server}", server.len())), malformed.clone()),
        Case::new("two Content-Lengths", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{server}")), malformed.clone()),
        Case::new("Content-Length not a number", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\ncontent-length: abc\r\n\r\n{server}")), malformed.clone()),
        Case::new("negative Content-Length", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\ncontent-length: -5\r\n\r\n{server}")), malformed.clone()),
        Case::new("a header line without a colon", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\nnocolon\r\ncontent-length: {}\r\n\r\n{server}", server.len())), malformed.clone()),
        Case::new("status 99", Call::GmGet, w("HTTP/1.1 99 X\r\ncontent-length: 0\r\n\r\n".into()), malformed.clone()),
        Case::new("status 1000", Call::GmGet, w("HTTP/1.1 1000 X\r\ncontent-length: 0\r\n\r\n".into()), malformed.clone()),
        Case::new("status 600", Call::GmGet, vec![Step::Write(response("600 X", &[], server.as_bytes()))], Expect::Status(600)),
        Case::new("status 999 update", Call::GmUpdate, vec![Step::Write(response("999 X", &[], b"{}"))], Expect::Status(999)),
        Case::new("no reason phrase", Call::GmGet, w(format!("HTTP/1.1 200\r\ncontent-length: {}\r\n\r\n{server}", server.len())), Expect::Either),
        Case::new("LF-only line endings", Call::GmGet, w(format!("HTTP/1.1 200 OK\ncontent-length: {}\n\n{server}", server.len())), Expect::Either),
        Case::new("HTTP/1.0, close-delimited", Call::GmGet, w(format!("HTTP/1.0 200 OK\r\n\r\n{server}")), Expect::Success),
        Case::new("chunked and Content-Length", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\ncontent-length: 3\r\n\r\n{:x}\r\n{server}\r\n0\r\n\r\n", server.len())), Expect::Either),
        Case::new("a bad chunk size", Call::GmGet, w(format!("{}transfer-encoding: chunked\r\n\r\nzz\r\n{server}", ok_head(""))), Expect::Status(200)),
        Case::new("a body shorter than its length", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{server}", server.len() + 50)), Expect::Status(200)),
        Case::new("junk after the declared length", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{server}<b>junk</b>", server.len())), Expect::Success),
        Case::new("an update answered with a body cut short", Call::GmUpdate, w(format!("HTTP/1.1 200 OK\r\ncontent-length: 999\r\n\r\n{}", &server[..10])), Expect::Status(200)),
        Case::new("closed before any byte", Call::GmGet, vec![], lost.clone()).served(ATTEMPTS),
        Case::new("reset before any byte", Call::GmGet, vec![Step::Reset], lost.clone()).served(ATTEMPTS),
        Case::new("an update closed before any byte", Call::GmUpdate, vec![], lost.clone()),
        Case::new("an update reset before any byte", Call::GmUpdate, vec![Step::Reset], lost.clone()),
        Case::new("the head cut short", Call::GmGet, w("HTTP/1.1 200 OK\r\ncontent-len".into()), lost.clone()).served(ATTEMPTS),
        Case::new("100 Continue, then nothing", Call::GmGet, w("HTTP/1.1 100 Continue\r\n\r\n".into()), lost.clone()).served(ATTEMPTS),
        Case::new("103 Early Hints, then the server", Call::GmGet, w(format!("HTTP/1.1 103 Early Hints\r\nlink: </x>\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{server}", server.len())), Expect::Either),
        Case::new("101 Switching Protocols", Call::GmGet, w("HTTP/1.1 101 Switching Protocols\r\nupgrade: x\r\nconnection: upgrade\r\n\r\n".into()), Expect::Either),
        Case::new("a BOM before the server", Call::GmGet, vec![Step::Write(response("200 OK", &[], &[b"\xEF\xBB\xBF".as_slice(), server.as_bytes()].concat()))], Expect::Success),
        Case::new("a PHP notice before the server", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\n\r\n<b>Notice</b>: x\n{server}")), Expect::Status(200)),
        Case::new("JSON as text/html", Call::GmGet, vec![Step::Write(response("200 OK", &["content-type: text/html"], server.as_bytes()))], Expect::Success),
        Case::new("gzip declared, plain sent", Call::GmGet, vec![Step::Write(response("200 OK", &["content-encoding: gzip"], server.as_bytes()))], Expect::Either),
        Case::new("a server list", Call::GmGet, vec![Step::Write(response("200 OK", &[], format!("[{server}]").as_bytes()))], Expect::Status(200)),
        Case::new("null", Call::GmGet, vec![Step::Write(response("200 OK", &[], b"null"))], Expect::Status(200)),
        Case::new("a declared length over the limit", Call::GmGet, w(format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{server}", MAX_BODY + 1)), Expect::TooLarge),
        Case::new("an error with a declared length over the limit", Call::GmGet, w(format!("HTTP/1.1 500 X\r\ncontent-length: {}\r\n\r\n", 10 << 20)), Expect::TooLarge),
        Case::new("an endless chunked body", Call::GmGet, vec![Step::Write(ok_head("transfer-encoding: chunked\r\n").into_bytes()), Step::Endless(format!("400\r\n{}\r\n", " ".repeat(1024)).into_bytes())], Expect::TooLarge),
        Case::new("an endless close-delimited body", Call::GmGet, vec![Step::Write(ok_head("").into_bytes()), Step::Endless(vec![b' '; 4096])], Expect::TooLarge),
        Case::new("an endless error body", Call::GmUpdate, vec![Step::Write(b"HTTP/1.1 500 X\r\n\r\n".to_vec()), Step::Endless(vec![b'x'; 4096])], Expect::TooLarge),
        Case::new("silent after the request", Call::GmGet, vec![Step::Sleep(Duration::from_secs(2))], Expect::Timeout),
        Case::new("an update left unanswered", Call::GmUpdate, vec![Step::Sleep(Duration::from_secs(2))], Expect::Timeout),
        Case::new("a trickled head", Call::GmGet, vec![Step::Trickle(ok_head("content-length: 2\r\n").into_bytes(), Duration::from_millis(40))], Expect::Timeout),
        Case::new("a trickled body", Call::GmGet, vec![Step::Write(format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n", server.len()).into_bytes()), Step::Trickle(server.clone().into_bytes(), Duration::from_millis(20))], Expect::Timeout),
        Case::new("a trickled body within the limit", Call::GmGet, vec![Step::Write(format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n", server.len()).into_bytes()), Step::Trickle(server.clone().into_bytes(), Duration::from_micros(500))], Expect::Success),
        Case::new("a 503 trickled past the limit", Call::GmGet, vec![Step::Trickle(b"HTTP/1.1 503 X\r\ncontent-length: 0\r\n\r\n".to_vec(), Duration::from_millis(60))], Expect::Timeout),
        Case::new("a 302 to a login page", Call::GmUpdate, vec![Step::Write(response("302 Found", &["location: /wp-login.php"], b""))], Expect::Status(302)),
        Case::new("a 301 with a body", Call::GmGet, vec![Step::Write(response("301 X", &["location: https://elsewhere.example/"], server.as_bytes()))], Expect::Status(301)),
    ];
    for case in &mut cases {
        if case.call == Call::GmUpdate && case.served == ATTEMPTS {
            case.served = 1;
        }
    }
    cases
}

/// `Retry-After` on 429 and 503: waited when within the cap (5 ms), returned at once
/// with the wait when over it, and ignored (plain backoff) when unreadable.
fn retry_afters() -> Vec<Case> {
    let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(86_400));
    let future = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(86_400));
    let variants: Vec<(String, usize, Option<Option<Duration>>)> = vec![
        ("0".into(), ATTEMPTS, Some(Some(Duration::ZERO))),
        ("1".into(), 1, Some(Some(Duration::from_secs(1)))),
        ("-1".into(), ATTEMPTS, Some(None)),
        ("abc".into(), ATTEMPTS, Some(None)),
        ("1.5".into(), ATTEMPTS, Some(None)),
        ("".into(), ATTEMPTS, Some(None)),
        (
            u64::MAX.to_string(),
            1,
            Some(Some(Duration::from_secs(u64::MAX))),
        ),
        ("99999999999999999999999".into(), ATTEMPTS, Some(None)),
        (past, ATTEMPTS, Some(Some(Duration::ZERO))),
        (future, 1, None),
        ("  3  ".into(), 1, Some(Some(Duration::from_secs(3)))),
    ];
    let mut cases = Vec::new();
    for status in [429u16, 503] {
        for (value, served, retry_after) in &variants {
            for call in [Call::GmGet, Call::GmUpdate] {
                let header = format!("retry-after: {value}");
                let bytes = response(&format!("{status} X"), &[&header], b"");
                let mut case = Case::new(
                    format!("{status} Retry-After {value:?} {call:?}"),
                    call,
                    vec![Step::Write(bytes)],
                    Expect::Status(status),
                )
                .served(*served);
                case.retry_after = *retry_after;
                cases.push(case);
            }
        }
    }
    cases
}

/// The key and the credentials sent, echoed back everywhere a server may put them.
fn echoes() -> Vec<Case> {
    let page =
        format!("<html><pre>Authorization: Bearer {KEY}\r\nX-API-Key: {UPSTREAM}</pre></html>");
    let cut = format!(
        r#"{{"id":3,"echo":"Bearer {KEY}","test_auth_credentials":"{{\"value\":\"{}"#,
        &UPSTREAM[..12]
    );
    let junk = format!(r#"{{"id":3,"name":"x","token":"{KEY}"}}<b>Notice</b> {UPSTREAM}"#);
    let location = format!("location: https://login.example/?k={KEY}&c={UPSTREAM}");
    let escaped = json!({"code": "e", "message": "m", "data": {"sent": format!("{{\"api_key\":\"{KEY}\"}}"), "url": format!("https:\\/\\/x\\/?k={UPSTREAM}")}}).to_string();
    let mut cases = Vec::new();
    for call in [Call::GmGet, Call::GmUpdate] {
        let c = |name: &str, bytes: Vec<u8>, expect: Expect| {
            Case::new(
                format!("echo: {name} {call:?}"),
                call,
                vec![Step::Write(bytes)],
                expect,
            )
        };
        let head = |status: &str, framing: &str| format!("HTTP/1.1 {status}\r\n{framing}\r\n");
        cases.extend([
            c(
                "an HTML page",
                response("500 X", &["content-type: text/html"], page.as_bytes()),
                Expect::Status(500),
            ),
            c(
                "a 2xx cut short",
                format!("{}{cut}", head("200 OK", "content-length: 4000\r\n")).into_bytes(),
                Expect::Status(200),
            ),
            c(
                "a 2xx cut short, chunked",
                format!(
                    "{}{:x}\r\n{cut}",
                    head("200 OK", "transfer-encoding: chunked\r\n"),
                    cut.len() + 100
                )
                .into_bytes(),
                Expect::Status(200),
            ),
            c(
                "a 2xx followed by junk",
                format!("{}{junk}", head("200 OK", "")).into_bytes(),
                Expect::Status(200),
            ),
            c(
                "a Location header",
                response("302 X", &[&location], b""),
                Expect::Status(302),
            ),
            c(
                "a reason phrase",
                response(&format!("400 Bearer {KEY}"), &[], b""),
                Expect::Status(400),
            ),
            c(
                "JSON in a JSON string, escaped slashes",
                response("400 X", &[], escaped.as_bytes()),
                Expect::Status(400),
            ),
            c(
                "an error body cut short mid-secret",
                format!(
                    "{}{{\"message\":\"{}",
                    head("500 X", "content-length: 900\r\n"),
                    &KEY[..20]
                )
                .into_bytes(),
                Expect::Status(500),
            ),
        ]);
        let trickled = vec![Step::Trickle(
            response("500 X", &[], page.as_bytes()),
            Duration::from_micros(200),
        )];
        cases.push(Case::new(
            format!("echo: a trickled page {call:?}"),
            call,
            trickled,
            Expect::Status(500),
        ));
    }
    cases
}

/// One client of each kind, for one server.
struct Clients {
    gm: getmcp::Client,
    hm: hasmcp::Client,
}

impl Clients {
    fn new(url: &str) -> Clients {
        let retry = RetryPolicy::default()
            .max_attempts(ATTEMPTS as u32)
            .initial_backoff(Duration::from_millis(1))
            .max_backoff(Duration::from_millis(5));
        Clients {
            gm: getmcp::Client::builder(url)
                .api_key(KEY)
                .retry(retry.clone())
                .timeout(TIMEOUT)
                .max_response_bytes(MAX_BODY)
                .build()
                .expect("client"),
            hm: hasmcp::Client::builder()
                .base_url(url)
                .token(HASMCP_TOKEN)
                .retry(retry)
                .timeout(TIMEOUT)
                .max_response_bytes(MAX_BODY)
                .build()
                .expect("client"),
        }
    }

    /// Runs a call; `Ok` holds the success as JSON, to compare with what was sent.
    async fn run(self: Arc<Self>, call: Call) -> Result<Value, Error> {
        let json = |v| serde_json::to_value(v).expect("serializes");
        match call {
            Call::GmGet => self.gm.get_server(3u64).await.map(json),
            Call::GmUpdate => with_credentials(self.gm.update_server(3u64))
                .send()
                .await
                .map(json),
            Call::HmGet => self
                .hm
                .get_server("kSuB9Gf6aD4")
                .await
                .map(|s| serde_json::to_value(s).expect("serializes")),
        }
    }
}

#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    panics: Vec<String>,
    silent_successes: Vec<String>,
    leaks: Vec<String>,
    other: Vec<String>,
}

/// What `case` must show: the failures, by kind.
fn check(
    case: &Case,
    result: &Result<Value, Error>,
    served: usize,
    took: Duration,
    tally: &mut Tally,
) {
    let expected_success = match case.call {
        Call::HmGet => serde_json::to_value(
            serde_json::from_value::<hasmcp::Server>(hm_server()["server"].clone()).unwrap(),
        )
        .unwrap(),
        Call::GmGet => {
            serde_json::to_value(serde_json::from_value::<getmcp::Server>(gm_server()).unwrap())
                .unwrap()
        }
        Call::GmUpdate => serde_json::to_value(
            serde_json::from_value::<getmcp::Server>(gm_update_answer()).unwrap(),
        )
        .unwrap(),
    };
    let name = &case.name;
    match (result, &case.expect) {
        (Ok(got), Expect::Success | Expect::Either) if *got == expected_success => {}
        (Ok(got), _) => tally.silent_successes.push(format!("{name}: {got}")),
        (Err(e), Expect::Success) => tally.other.push(format!("{name}: refused: {e:?}")),
        (Err(e), expect) => {
            let text = format!("{e}\n{e:?}");
            for secret in case.call.secrets() {
                if text.contains(secret) || text.contains(&secret[..12]) {
                    tally.leaks.push(format!("{name}: {text}"));
                }
            }
            if text.len() > 12 * 1024 {
                tally
                    .other
                    .push(format!("{name}: {} bytes of error text", text.len()));
            }
            let fine = match expect {
                Expect::Status(s) => e.status() == Some(*s),
                Expect::NoStatus { retryable } => {
                    e.status().is_none() && e.is_retryable() == *retryable
                }
                Expect::TooLarge => matches!(e, Error::ResponseTooLarge { .. }),
                Expect::Timeout => e.is_timeout() && e.is_retryable(),
                Expect::Either => true,
                Expect::Success => unreachable!(),
            };
            if !fine {
                tally
                    .other
                    .push(format!("{name}: expected {expect:?}, got {e:?}"));
            }
            if let Some(wait) = case.retry_after
                && e.retry_after() != wait
            {
                tally.other.push(format!(
                    "{name}: retry_after {:?}, expected {wait:?}",
                    e.retry_after()
                ));
            }
            // A write whose answer was lost may have applied; one refused with an
            // error status did not.
            if case.call == Call::GmUpdate {
                let unknown = matches!(
                    expect,
                    Expect::Timeout | Expect::NoStatus { retryable: true }
                ) || matches!(expect, Expect::Status(s) if (200..300).contains(s));
                if matches!(
                    expect,
                    Expect::Status(_) | Expect::Timeout | Expect::NoStatus { .. }
                ) && e.may_have_applied() != unknown
                {
                    tally.other.push(format!(
                        "{name}: may_have_applied {} for {e:?}",
                        e.may_have_applied()
                    ));
                }
            }
        }
    }
    if served != case.served && !matches!(case.expect, Expect::Either) {
        tally.other.push(format!(
            "{name}: {served} requests, expected {}",
            case.served
        ));
    }
    if took > TIMEOUT + Duration::from_secs(2) {
        tally.other.push(format!("{name}: took {took:?}"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_servers_never_panic_succeed_silently_or_leak() {
    let started = Instant::now();
    let mut cases = status_matrix();
    cases.extend(broken());
    cases.extend(retry_afters());
    cases.extend(echoes());

    // Sixteen servers, each with its clients, take the cases in turn: a client costs
    // more to build than a case to run.
    let lanes = 16;
    let mut queues: Vec<Vec<Case>> = (0..lanes).map(|_| Vec::new()).collect();
    for (i, case) in cases.into_iter().enumerate() {
        queues[i % lanes].push(case);
    }
    let mut running = tokio::task::JoinSet::new();
    for queue in queues {
        running.spawn(async move {
            let server = RawServer::start(Vec::new());
            let clients = Arc::new(Clients::new(&server.url));
            // A first exchange, so that starting up is not part of any case.
            server.play(vec![Step::Write(response(
                "200 OK",
                &[],
                &Call::GmGet.server_body(),
            ))]);
            clients
                .clone()
                .run(Call::GmGet)
                .await
                .expect("the warm-up succeeds");
            let mut done = Vec::new();
            for case in queue {
                server.play(case.script.clone());
                let began = Instant::now();
                let outcome = tokio::spawn(clients.clone().run(case.call)).await;
                let took = began.elapsed();
                // Let a retry that raced the check arrive before counting.
                tokio::time::sleep(Duration::from_millis(5)).await;
                let served = server.requests().len();
                done.push((case, outcome, served, took));
            }
            done
        });
    }
    let mut tally = Tally::default();
    let mut results = Vec::new();
    while let Some(lane) = running.join_next().await {
        results.extend(lane.expect("a lane never panics"));
    }
    for (case, outcome, served, took) in results {
        tally.cases += 1;
        match outcome {
            Err(join) if join.is_panic() => tally.panics.push(case.name.clone()),
            Err(join) => tally.other.push(format!("{}: {join}", case.name)),
            Ok(result) => check(&case, &result, served, took, &mut tally),
        }
    }
    eprintln!(
        "hostile servers: {} cases in {:?}: {} panics, {} silent successes, {} leaks, {} other failures",
        tally.cases,
        started.elapsed(),
        tally.panics.len(),
        tally.silent_successes.len(),
        tally.leaks.len(),
        tally.other.len(),
    );
    for failure in tally
        .panics
        .iter()
        .chain(&tally.silent_successes)
        .chain(&tally.leaks)
        .chain(&tally.other)
    {
        eprintln!("  {failure}");
    }
    assert!(tally.cases > 1000, "{} cases", tally.cases);
    assert!(
        tally.panics.is_empty()
            && tally.silent_successes.is_empty()
            && tally.leaks.is_empty()
            && tally.other.is_empty()
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}
