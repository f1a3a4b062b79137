//! What the error tests share: the secrets a client sends, and a loopback HTTP server
//! that controls every byte (it reads each request whole, keeps it, then plays a script
//! of raw writes, pauses and closes on that connection).

#![allow(dead_code)]

use mcp_admin::getmcp::{KeyLocation, TestAuthCredentials, UpdateServer};
use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

/// The GetMCP key the clients send.
pub const KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
/// The upstream API key an update sends as test credentials.
pub const UPSTREAM: &str = "upstream-key-9f8e7d6c";
/// The HasMCP token the clients send.
pub const HASMCP_TOKEN: &str = "hasmcp-token-abcdef012345";

/// `update` renamed and sending upstream credentials the server may echo.
pub fn with_credentials(update: UpdateServer) -> UpdateServer {
    update
        .name("n")
        .test_auth_credentials(TestAuthCredentials::api_key(
            "X-API-Key",
            UPSTREAM,
            KeyLocation::Header,
        ))
}

/// One step of what the server does once a request has arrived.
#[derive(Debug, Clone)]
pub enum Step {
    /// Writes these bytes.
    Write(Vec<u8>),
    /// Waits (no longer than the server lives).
    Sleep(Duration),
    /// Writes these bytes one at a time, pausing between them.
    Trickle(Vec<u8>, Duration),
    /// Writes this chunk over and over until the client hangs up.
    Endless(Vec<u8>),
    /// Aborts the connection with a TCP reset instead of a clean close.
    Reset,
    /// Writes the answer for the request's `page` query parameter (1 when absent):
    /// page `n` gets entry `(n - 1) % len`, so a short list repeats.
    ByPage(Vec<Vec<u8>>),
}

/// The server; stops accepting when dropped.
pub struct RawServer {
    pub url: String,
    requests: Arc<Mutex<Vec<Vec<u8>>>>,
    script: Arc<Mutex<Vec<Step>>>,
    stop: Arc<AtomicBool>,
}

impl RawServer {
    /// Answers every request with `script`, then closes the connection.
    pub fn start(script: Vec<Step>) -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(script));
        let stop = Arc::new(AtomicBool::new(false));
        let (kept, current, stopped) = (requests.clone(), script.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stopped.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (kept, current, stopped) =
                            (kept.clone(), current.clone(), stopped.clone());
                        std::thread::spawn(move || serve(stream, &current, &kept, &stopped));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(1)),
                }
            }
        });
        RawServer {
            url,
            requests,
            script,
            stop,
        }
    }

    /// From now on, answers with `script`, and counts requests afresh.
    pub fn play(&self, script: Vec<Step>) {
        *self.script.lock().expect("lock") = script;
        self.requests.lock().expect("lock").clear();
    }

    /// The requests received, each as its raw bytes.
    pub fn requests(&self) -> Vec<Vec<u8>> {
        self.requests.lock().expect("lock").clone()
    }

    /// How many requests arrived whole.
    pub fn served(&self) -> usize {
        self.requests.lock().expect("lock").len()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Reads one request: its head, then as many body bytes as `Content-Length` says.
fn read_request(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut request = Vec::new();
    let mut byte = [0u8; 1];
    while !request.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        request.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&request).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).ok()?;
    request.extend_from_slice(&body);
    Some(request)
}

fn serve(
    mut stream: TcpStream,
    script: &Mutex<Vec<Step>>,
    kept: &Mutex<Vec<Vec<u8>>>,
    stop: &AtomicBool,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let Some(request) = read_request(&mut stream) else {
        return;
    };
    let page = page_asked(&request);
    kept.lock().expect("lock").push(request);
    let script = script.lock().expect("lock").clone();
    for step in &script {
        let ok = match step {
            Step::Write(bytes) => stream.write_all(bytes).is_ok(),
            Step::Sleep(wait) => {
                let until = Instant::now() + *wait;
                while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                true
            }
            Step::Trickle(bytes, every) => bytes.iter().all(|b| {
                std::thread::sleep(*every);
                !stop.load(Ordering::SeqCst) && stream.write_all(&[*b]).is_ok()
            }),
            Step::Endless(chunk) => {
                while !stop.load(Ordering::SeqCst) && stream.write_all(chunk).is_ok() {}
                false
            }
            Step::ByPage(pages) => {
                pages.is_empty() || stream.write_all(&pages[(page - 1) % pages.len()]).is_ok()
            }
            Step::Reset => {
                let socket = tokio::net::TcpSocket::from_std_stream(stream);
                let _ = socket.set_zero_linger();
                return;
            }
        };
        if !ok {
            return;
        }
    }
}

/// The `page` query parameter of a request's target, 1 when absent or not a number.
fn page_asked(request: &[u8]) -> usize {
    let head = String::from_utf8_lossy(request);
    let target = head.split(' ').nth(1).unwrap_or("");
    let query = target.split_once('?').map_or("", |(_, q)| q);
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))
        .and_then(|n| n.parse().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
}

/// An HTTP/1.1 response with a `Content-Length` that matches `body`, saying that the
/// connection closes after it (as it does: a retry must not race the close).
pub fn response(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nconnection: close\r\n").into_bytes();
    for h in headers {
        out.extend_from_slice(h.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("content-length: {}\r\n\r\n", body.len()).as_bytes());
    out.extend_from_slice(body);
    out
}
