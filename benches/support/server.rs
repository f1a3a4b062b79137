//! A minimal HTTP/1.1 server on loopback that answers every request with a canned
//! response: keep-alive, `Content-Length` request bodies, nothing else. Optionally it
//! answers each request a fixed delay after it arrived (a hosted API's latency; see
//! [`wait_until`]), or answers a paged list by the request's `page` query parameter.
//!
//! Hand-rolled so the server costs next to nothing next to the client under test (a
//! mock server that matches requests would dominate the measurement). It runs on its
//! own thread and single-threaded runtime, so the client under test keeps the other core.

use std::{
    net::SocketAddr,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use bytes::{Buf, BytesMut};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};

/// A running server; it lives until the process exits.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

/// What the server answers.
enum Answers {
    /// The full response to a `GET`, and to any other method.
    Canned { get: Vec<u8>, other: Vec<u8> },
    /// The full response for each page, from page 1; any other page gets `past_end`.
    Paged {
        pages: Vec<Vec<u8>>,
        past_end: Vec<u8>,
    },
}

impl Answers {
    fn pick(&self, head: &[u8]) -> &[u8] {
        match self {
            Answers::Canned { get, other } => {
                if head.starts_with(b"GET ") {
                    get
                } else {
                    other
                }
            }
            // No `page` is page 1, as WordPress reads it.
            Answers::Paged { pages, past_end } => Some(page_number(head).unwrap_or(1))
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| pages.get(i))
                .unwrap_or(past_end),
        }
    }
}

/// The `page` query parameter of the request line, if any.
fn page_number(head: &[u8]) -> Option<usize> {
    let line = std::str::from_utf8(head).ok()?.lines().next()?;
    let target = line.split(' ').nth(1)?;
    let (_, query) = target.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))?
        .parse()
        .ok()
}

struct Shared {
    answers: Answers,
    /// How long after a request arrived it is answered.
    delay: Duration,
    capturing: AtomicBool,
    captured: Mutex<Vec<Vec<u8>>>,
}

impl Server {
    /// Starts a server answering `GET` with `get_body` and every other method with
    /// `other_body`, both as `200 OK` JSON, each `delay` after the request arrived.
    pub fn start(get_body: &[u8], other_body: &[u8], delay: Duration) -> Server {
        let answers = Answers::Canned {
            get: response(get_body, &[]),
            other: response(other_body, &[]),
        };
        Server::spawn(answers, delay)
    }

    /// Starts a server answering a paged list the WordPress way: `?page=N` (from 1)
    /// gets `pages[N - 1]` as a JSON array, any other page `[]`, each with the
    /// `X-WP-Total` (`total` items) and `X-WP-TotalPages` headers.
    pub fn start_paged(pages: &[Vec<u8>], total: usize) -> Server {
        let totals = [
            ("x-wp-total", total.to_string()),
            ("x-wp-totalpages", pages.len().to_string()),
        ];
        let answers = Answers::Paged {
            pages: pages.iter().map(|page| response(page, &totals)).collect(),
            past_end: response(b"[]", &totals),
        };
        Server::spawn(answers, Duration::ZERO)
    }

    fn spawn(answers: Answers, delay: Duration) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let addr = listener.local_addr().expect("the bound address");
        let shared = Arc::new(Shared {
            answers,
            delay,
            capturing: AtomicBool::new(false),
            captured: Mutex::new(Vec::new()),
        });
        let accept_shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name(format!("loopback-http-{}", addr.port()))
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("server runtime");
                rt.block_on(async move {
                    let listener = TcpListener::from_std(listener).expect("tokio listener");
                    loop {
                        let Ok((socket, _)) = listener.accept().await else {
                            continue;
                        };
                        let shared = Arc::clone(&accept_shared);
                        tokio::spawn(serve(socket, shared));
                    }
                });
            })
            .expect("spawn the server thread");
        Server { addr, shared }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Records every request from now on (head and body, as received), for
    /// [`Server::stop_capture`]; used to check that the SDK and the baseline send the
    /// same bytes, never while measuring.
    pub fn start_capture(&self) {
        self.shared.captured.lock().expect("capture lock").clear();
        self.shared.capturing.store(true, Ordering::SeqCst);
    }

    /// Stops recording and returns the requests recorded, in arrival order.
    pub fn stop_capture(&self) -> Vec<Vec<u8>> {
        self.shared.capturing.store(false, Ordering::SeqCst);
        std::mem::take(&mut *self.shared.captured.lock().expect("capture lock"))
    }
}

fn response(body: &[u8], headers: &[(&str, String)]) -> Vec<u8> {
    let mut head =
        String::from("HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
    let mut out = head.into_bytes();
    out.extend_from_slice(body);
    out
}

/// Serves one connection until the client closes it.
async fn serve(mut socket: TcpStream, shared: Arc<Shared>) {
    // Nagle would hold back a response written while the client still has an ACK pending.
    let _ = socket.set_nodelay(true);
    let mut buf = BytesMut::with_capacity(16 * 1024);
    loop {
        let head_len = loop {
            if let Some(end) = find_head_end(&buf) {
                break end;
            }
            match socket.read_buf(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        };
        let head = &buf[..head_len];
        assert!(
            header(head, "transfer-encoding").is_none(),
            "the benchmark server reads Content-Length bodies only"
        );
        let body_len = header(head, "content-length")
            .map(|v| v.parse::<usize>().expect("a numeric Content-Length"))
            .unwrap_or(0);
        let total = head_len + body_len;
        while buf.len() < total {
            match socket.read_buf(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
        let arrived = Instant::now();
        if shared.capturing.load(Ordering::Relaxed) {
            let request = buf[..total].to_vec();
            shared.captured.lock().expect("capture lock").push(request);
        }
        let reply = shared.answers.pick(&buf[..head_len]);
        buf.advance(total);
        if !shared.delay.is_zero() {
            wait_until(arrived + shared.delay).await;
        }
        if socket.write_all(reply).await.is_err() {
            return;
        }
    }
}

/// Waits until `deadline` to within the operating system's high-resolution timer,
/// without holding up the other connections.
///
/// Not `tokio::time::sleep`: tokio's timer wheel counts whole milliseconds and rounds a
/// deadline up to the next tick, so a 1 ms delay lasts 1–2 ms and ends on a tick
/// boundary, which ties the answer to when the client happened to send (a client a few
/// µs slower can lose a whole tick). A hosted API's latency is not quantized. Here a
/// blocking-pool thread sleeps out the rest of the delay with `std::thread::sleep`
/// (`nanosleep`: late by at most the thread's timer slack, 50 µs by default, and not
/// aligned to any grid), while the runtime thread goes on serving: 64 connections
/// waiting at once hold 64 sleeping pool threads (tokio allows 512). Spinning out the
/// last stretch instead would be exact but would burn a core the client needs.
async fn wait_until(deadline: Instant) {
    tokio::task::spawn_blocking(move || {
        let remaining = deadline.saturating_duration_since(Instant::now());
        if !remaining.is_zero() {
            std::thread::sleep(remaining);
        }
    })
    .await
    .expect("the delay thread");
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

/// The value of header `name` (ASCII case-insensitive) in a request head.
fn header<'a>(head: &'a [u8], name: &str) -> Option<&'a str> {
    let head = std::str::from_utf8(head).ok()?;
    head.split("\r\n").skip(1).find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// A request split into its request line, its headers sorted (names lowercased), and
/// its body: two requests that differ only in header order compare equal.
#[derive(Debug, PartialEq, Eq)]
pub struct RequestParts {
    /// `METHOD /path HTTP/1.1`
    pub line: String,
    /// `(name, value)`, sorted.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl RequestParts {
    /// Splits a captured request.
    pub fn parse(raw: &[u8]) -> RequestParts {
        let end = find_head_end(raw).expect("a complete request head");
        let head = std::str::from_utf8(&raw[..end]).expect("an ASCII request head");
        let mut lines = head.split("\r\n").filter(|l| !l.is_empty());
        let line = lines.next().expect("a request line").to_owned();
        let mut headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        headers.sort();
        RequestParts {
            line,
            headers,
            body: raw[end..].to_vec(),
        }
    }
}
