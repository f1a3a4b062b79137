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

// Sites that turn a walk endless or a page huge, echo secrets in other spellings, or are
// handed input that must not become a header; and the fakes' order of checks. Probe
// classes: a site that ignores `page` or reorders its pages (with and without total
// headers), totals the walk contradicts, a page over `per_page`, an error body that
// never ends, secrets echoed case-changed, percent-, HTML- and `\uXXXX`-escaped, a
// value quoted by a decode error, header injection through tool headers and the user
// agent, a huge id, a redirect carrying a password, unauthenticated requests to the
// fakes.

/// A GetMCP client for a raw server: one attempt, so every request the server counts
/// is one the walk made.
fn gm_client(url: &str) -> getmcp::Client {
    getmcp::Client::builder(url)
        .api_key(KEY)
        .retry(RetryPolicy::default().max_attempts(1))
        .timeout(TIMEOUT)
        .build()
        .expect("client")
}

/// A HasMCP client for a raw server.
fn hm_client(url: &str) -> hasmcp::Client {
    hasmcp::Client::builder()
        .base_url(url)
        .token(HASMCP_TOKEN)
        .build()
        .expect("client")
}

/// A page of servers with these ids, and these `(X-WP-Total, X-WP-TotalPages)`.
fn servers_page(ids: &[u64], totals: (Option<u64>, Option<u64>)) -> Vec<u8> {
    let items: Vec<Value> = ids
        .iter()
        .map(|id| json!({"id": id, "name": format!("s{id}"), "status": "active", "settings": {}}))
        .collect();
    let mut headers = Vec::new();
    if let Some(total) = totals.0 {
        headers.push(format!("x-wp-total: {total}"));
    }
    if let Some(pages) = totals.1 {
        headers.push(format!("x-wp-totalpages: {pages}"));
    }
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    response("200 OK", &headers, json!(items).to_string().as_bytes())
}

/// The page a walk's `Decode` error names, and the requests the server saw.
async fn walk_ends(pages: Vec<Vec<u8>>, stream: bool) -> (Result<Vec<u64>, Error>, usize) {
    let server = RawServer::start(vec![Step::ByPage(pages)]);
    let list = gm_client(&server.url).list_servers().per_page(2);
    let walk = async move {
        if stream {
            use futures_util::TryStreamExt;
            list.into_stream()
                .map_ok(|s| s.id.0)
                .try_collect::<Vec<_>>()
                .await
        } else {
            list.all()
                .await
                .map(|servers| servers.iter().map(|s| s.id.0).collect())
        }
    };
    // A walk that does not end fails here rather than hanging the suite.
    let walked = tokio::time::timeout(Duration::from_secs(10), walk)
        .await
        .expect("the walk ends");
    (walked, server.served())
}

/// Walks `pages` and checks the walk ends with a `Decode` error naming `page` and saying
/// `says`, after exactly `page` requests.
async fn refused_at(name: &str, pages: Vec<Vec<u8>>, stream: bool, page: usize, says: &str) {
    let (walked, served) = walk_ends(pages, stream).await;
    match walked {
        Err(Error::Decode {
            status: 200,
            reason,
            ..
        }) => assert!(
            reason.contains(&format!("page {page} ")) && reason.contains(says),
            "{name}: {reason}"
        ),
        other => panic!("{name}: not a Decode error: {other:?}"),
    }
    assert_eq!(served, page, "{name}");
}

#[tokio::test]
async fn a_walk_ends_at_a_page_it_has_walked_already_whatever_the_totals_and_order() {
    let totals = (Some(1000), Some(500));
    let total_only = (Some(1000), None);
    let none = (None, None);
    let cases = [
        (
            "ignores page, with totals",
            vec![servers_page(&[1, 2], totals)],
            2,
        ),
        (
            "ignores page, X-WP-Total only",
            vec![servers_page(&[1, 2], total_only)],
            2,
        ),
        (
            "ignores page, no totals",
            vec![servers_page(&[1, 2], none)],
            2,
        ),
        (
            "reorders, with totals",
            vec![servers_page(&[1, 2], totals), servers_page(&[2, 1], totals)],
            2,
        ),
        (
            "reorders, no totals",
            vec![servers_page(&[1, 2], none), servers_page(&[2, 1], none)],
            2,
        ),
        (
            "repeats the first page reordered after a new one",
            vec![
                servers_page(&[1, 2], totals),
                servers_page(&[3, 4], totals),
                servers_page(&[4, 1], totals),
            ],
            3,
        ),
    ];
    for (name, pages, repeat) in cases {
        for stream in [false, true] {
            refused_at(name, pages.clone(), stream, repeat, "already walked").await;
        }
    }
}

#[tokio::test]
async fn a_walk_ends_where_its_totals_are_contradicted_but_one_repeated_item_is_no_loop() {
    // More items than X-WP-Total.
    let pages = vec![servers_page(&[1, 2], (Some(1), None))];
    refused_at(
        "over X-WP-Total",
        pages,
        false,
        1,
        "X-WP-Total says there are 1",
    )
    .await;
    // A page past the X-WP-TotalPages it reports itself.
    let pages = vec![
        servers_page(&[1, 2], (Some(10), Some(5))),
        servers_page(&[3, 4], (Some(10), Some(1))),
    ];
    refused_at(
        "past X-WP-TotalPages",
        pages,
        false,
        2,
        "X-WP-TotalPages says there are 1",
    )
    .await;
    // A concurrent create shifts the list by one: the item repeats, the walk goes on.
    let pages = vec![
        servers_page(&[1, 2], (None, None)),
        servers_page(&[2, 3], (None, None)),
        servers_page(&[], (None, None)),
    ];
    let (walked, served) = walk_ends(pages, true).await;
    assert_eq!(walked.expect("a walk"), [1, 2, 2, 3]);
    assert_eq!(served, 3);
}

#[tokio::test]
async fn every_paged_list_gets_the_guard() {
    let tools = |ids: &[u64]| {
        let items: Vec<Value> = ids
            .iter()
            .map(|id| json!({"id": id, "server_id": 3, "name": format!("t{id}")}))
            .collect();
        response(
            "200 OK",
            &["x-wp-total: 90", "x-wp-totalpages: 45"],
            json!(items).to_string().as_bytes(),
        )
    };
    let server = RawServer::start(vec![Step::ByPage(vec![tools(&[1, 2]), tools(&[2, 1])])]);
    let walked = gm_client(&server.url)
        .list_tools(3u64)
        .per_page(2)
        .all()
        .await;
    match walked {
        Err(Error::Decode { reason, .. }) => assert!(reason.contains("page 2 "), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(server.served(), 2);
}

#[tokio::test]
async fn a_page_over_per_page_is_refused() {
    let server = RawServer::start(vec![Step::Write(servers_page(
        &[1, 2, 3],
        (Some(3), Some(1)),
    ))]);
    let page = gm_client(&server.url)
        .list_servers()
        .per_page(2)
        .send()
        .await;
    assert!(
        matches!(&page, Err(Error::Decode { reason, .. }) if reason.contains("holds 3 items, more than the 2")),
        "{page:?}"
    );
    let ids: Vec<u64> = (1..=101).collect();
    server.play(vec![Step::Write(servers_page(&ids, (None, None)))]);
    let page = gm_client(&server.url).list_servers().send().await;
    assert!(
        matches!(&page, Err(Error::Decode { reason, .. }) if reason.contains("holds 101 items, more than the 100")),
        "{page:?}"
    );
}

#[tokio::test]
async fn an_error_body_is_read_only_as_far_as_its_error_needs() {
    // A 500 that declares 4 MiB, sends 100 KiB, then stalls: the error is made from
    // the start, without waiting for (or holding) the rest.
    let head =
        b"HTTP/1.1 500 X\r\ncontent-type: text/html\r\ncontent-length: 4194304\r\n\r\n".to_vec();
    let server = RawServer::start(vec![
        Step::Write([head, vec![b'x'; 100 * 1024]].concat()),
        Step::Sleep(Duration::from_secs(3)),
    ]);
    let began = Instant::now();
    let e = gm_client(&server.url)
        .get_server(3u64)
        .await
        .expect_err("a 500");
    assert_eq!(e.status(), Some(500), "{e:?}");
    assert!(!e.is_timeout());
    assert!(began.elapsed() < TIMEOUT, "{:?}", began.elapsed());
}

/// An upstream secret with every character an escaping changes.
const SPECIAL: &str = "up&st<re\"am/ké'y-1";

fn all_escaped(text: &str) -> String {
    text.encode_utf16().map(|u| format!("\\u{u:04x}")).collect()
}

#[tokio::test]
async fn secrets_are_masked_in_every_spelling_a_server_echoes() {
    let forms = [
        SPECIAL.to_owned(),
        SPECIAL.to_uppercase(),
        "up%26st%3cre%22am%2fk%c3%a9%27y-1".to_owned(),
        "up%26st%3Cre%22am%2Fk%C3%A9%27y-1".to_owned(),
        "up&amp;st&lt;re&quot;am/ké&#39;y-1".to_owned(),
        "up&amp;st&lt;re&quot;am/ké&#039;y-1".to_owned(),
        "up&#38;st&#60;re&#34;am/ké&#39;y-1".to_owned(),
        "up&#x26;st&#x3c;re&#x22;am/ké&#x27;y-1".to_owned(),
        "up&st<re\\\"am\\/k\\u00e9'y-1".to_owned(),
        all_escaped(SPECIAL),
        KEY.to_uppercase(),
        all_escaped(KEY),
    ];
    let page = forms.join("\n<br>");
    // As text (an HTML page), and inside JSON strings (each form escaped once more).
    let json_body = json!({"code": "echo", "message": page, "data": {"echo": forms}}).to_string();
    let server = RawServer::start(Vec::new());
    for reply in [
        response("500 X", &["content-type: text/html"], page.as_bytes()),
        response("400 X", &[], json_body.as_bytes()),
        response(
            "200 OK",
            &[],
            format!("{{\"id\":3,\"echo\":\"{page}").as_bytes(),
        ),
    ] {
        server.play(vec![Step::Write(reply)]);
        let update = gm_client(&server.url)
            .update_server(3u64)
            .name("n")
            .test_auth_credentials(getmcp::TestAuthCredentials::api_key(
                "X-API-Key",
                SPECIAL,
                getmcp::KeyLocation::Header,
            ));
        let e = update.send().await.expect_err("an echo");
        let text = format!("{e}\n{e:?}");
        for form in &forms {
            assert!(!text.contains(form.as_str()), "{form} in {text}");
        }
    }
}

#[tokio::test]
async fn a_decode_error_names_the_field_but_never_quotes_the_value() {
    let body = json!({"id": 3, "name": "x", "status": "active", "settings": {}, "tool_count": "resp-secret-ABC123"});
    let server = RawServer::start(vec![Step::Write(response(
        "200 OK",
        &[],
        body.to_string().as_bytes(),
    ))]);
    match gm_client(&server.url).get_server(3u64).await {
        Err(Error::Decode { reason, .. }) => {
            assert!(!reason.contains("resp-secret"), "{reason}");
            assert!(
                reason.contains("tool_count") && reason.contains("u64"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn input_that_becomes_a_header_is_checked_before_sending() {
    let server = RawServer::start(Vec::new());
    let hm = hm_client(&server.url);
    for header in [
        hasmcp::ToolHeader::new("X-A", "v\r\nX-Injected: 1"),
        hasmcp::ToolHeader::new("X-A\n", "v"),
        hasmcp::ToolHeader::new("X-A", "v\0w"),
    ] {
        let created = hm
            .create_provider_tool("kSuB9Gf6aD4", hasmcp::ToolMethod::Get, "/x")
            .headers([header.clone()])
            .send()
            .await;
        assert!(
            matches!(&created, Err(Error::InvalidInput { field: "headers", reason, .. }) if !reason.contains("Injected")),
            "{created:?}"
        );
        let updated = hm
            .update_provider_tool("kSuB9Gf6aD4", "kSuB9Gf6aD5")
            .headers([header])
            .send()
            .await;
        assert!(
            matches!(
                &updated,
                Err(Error::InvalidInput {
                    field: "headers",
                    ..
                })
            ),
            "{updated:?}"
        );
    }
    assert_eq!(server.served(), 0);
    let gm = getmcp::Client::builder(&server.url)
        .api_key(KEY)
        .user_agent("tool/1\r\nX-Injected: 1")
        .build();
    assert!(
        matches!(&gm, Err(Error::Config { reason: m, .. }) if m.contains("the user agent")),
        "{:?}",
        gm.err()
    );
    let hm = hasmcp::Client::builder()
        .base_url(&server.url)
        .token(HASMCP_TOKEN)
        .user_agent("tool/1\0")
        .build();
    assert!(
        matches!(&hm, Err(Error::Config { reason: m, .. }) if m.contains("the user agent")),
        "{:?}",
        hm.err()
    );
}

#[tokio::test]
async fn errors_about_input_are_bounded_and_a_redirect_hides_its_password() {
    let server = RawServer::start(Vec::new());
    let hm = hm_client(&server.url);
    let huge = "x".repeat(1 << 20);
    let e = hm.get_server(&huge).await.expect_err("a huge id");
    assert!(e.is_invalid_input(), "{e:?}");
    assert!(format!("{e}\n{e:?}").len() < 4096);
    assert_eq!(server.served(), 0);

    server.play(vec![Step::Write(response(
        "302 Found",
        &["location: https://admin:loc-pass-123@elsewhere.example/login"],
        b"",
    ))]);
    let e = gm_client(&server.url)
        .get_server(3u64)
        .await
        .expect_err("a redirect");
    let text = format!("{e}\n{e:?}");
    assert!(!text.contains("loc-pass-123"), "{text}");
    assert!(text.contains("elsewhere.example"), "{text}");
}

#[tokio::test]
async fn the_fakes_check_the_token_before_a_fault_or_a_write_hook() {
    use mcp_admin::testing::{FakeGetMcp, FakeHasMcp, Fault};
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs");
    let one = RetryPolicy::default().max_attempts(1);
    let client = |key: &str| {
        getmcp::Client::builder(fake.uri())
            .api_key(key)
            .retry(one.clone())
            .build()
            .expect("client")
    };
    fake.inject(Fault::Unavailable, 1);
    let stranger = client("gmcp_ffffffffffffffffffffffffffffffff")
        .get_server(id)
        .await;
    assert!(stranger.expect_err("unauthenticated").is_unauthorized());
    let e = client(fake.api_key())
        .get_server(id)
        .await
        .expect_err("the fault");
    assert_eq!(e.status(), Some(503));

    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let ran = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = ran.clone();
    fake.before_next_write(move |_| flag.store(true, std::sync::atomic::Ordering::SeqCst));
    let client = |token: &str| {
        hasmcp::Client::builder()
            .base_url(fake.uri())
            .token(token)
            .retry(one.clone())
            .build()
            .expect("client")
    };
    let stranger = client("not-the-token").delete_server(&id).await;
    assert!(stranger.expect_err("unauthenticated").is_unauthorized());
    assert!(!ran.load(std::sync::atomic::Ordering::SeqCst));
    client(fake.token())
        .delete_server(&id)
        .await
        .expect("deleted");
    assert!(ran.load(std::sync::atomic::Ordering::SeqCst));
}
