//! Cold start: what a process pays to build a client and send its first request, the SDK
//! against a bare `reqwest` client doing the same (a command-line tool or a serverless
//! function pays it on every run).
//!
//! `cargo bench --bench coldstart` runs this binary again as a child process
//! [`RUNS`] times per side, alternating sides, and prints the medians of each stage the
//! child timed (building the client; the first request, connection included) and of the
//! whole child process as the parent saw it (start to exit). With `hyperfine` installed,
//! the same children can be timed by it:
//!
//! ```sh
//! hyperfine -N --warmup 20 \
//!   "target/release/deps/coldstart-<hash> --child sdk" \
//!   "target/release/deps/coldstart-<hash> --child raw '<the update's JSON body>'"
//! ```
//!
//! Each child starts the loopback server of the `sdk` benchmark on its own thread, then
//! builds its client and sends one GetMCP update (the same bytes on both sides), decoding
//! the answer. Both clients use the same TLS backend (rustls with ring). The bare client
//! reads the system's root store as it is built, though the request is plain HTTP; the
//! SDK reads it only for an `https` site (or at the first handshake), once per process.
//! The `https` rows build two clients of an `https` site in one process, sending nothing.

#[allow(dead_code)] // Shared with the criterion benchmark, which uses the rest.
mod support;

use std::{
    process::Command,
    time::{Duration, Instant},
};

use mcp_admin::getmcp;

use support::{
    baseline::{Body, RawClient, RawRequest},
    fixtures::{self, GETMCP_UUID},
    server::Server,
    updates::{getmcp_client, getmcp_update},
};

/// Child processes per side.
const RUNS: usize = 200;
/// Child processes per side run before measuring (page cache, CPU frequency).
const WARM_UP: usize = 10;

/// A row of the table: its name and the timing it shows.
type Stage = (&'static str, fn(&Stages) -> Duration);

/// One child's timings.
#[derive(Clone, Copy)]
struct Stages {
    build: Duration,
    first_request: Duration,
    process: Duration,
}

/// The child: build a client of `side` and send one update, printing the two stages in
/// nanoseconds. The bare client sends `body`, the bytes the SDK's update serializes to
/// (made by the parent, so the child builds no SDK client).
fn child(side: &str, body: String) {
    if let Some(side) = side.strip_suffix("-https") {
        return https_builds(side);
    }
    let answer = fixtures::GETMCP_SERVER.as_bytes();
    let server = Server::start(answer, answer, Duration::ZERO);
    let url = server.url();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let started = Instant::now();
    let (build, first_request) = match side {
        "sdk" => {
            let client = getmcp_client(&url);
            let built = started.elapsed();
            rt.block_on(async {
                getmcp_update(&client).send().await.expect("the SDK update");
            });
            (built, started.elapsed() - built)
        }
        _ => {
            // reqwest is built without a provider (as the SDK builds it): a bare client
            // names one, as the SDK does when the application has not.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let raw = RawClient::new(support::updates::GETMCP_KEY);
            let built = started.elapsed();
            let request = RawRequest {
                client: raw,
                method: reqwest::Method::PATCH,
                origin: url.into(),
                path: format!("/wp-json/getmcp/v1/servers/{GETMCP_UUID}").into(),
                body: Body::Prebuilt(body.into()),
            };
            let sent = Instant::now();
            rt.block_on(request.send::<getmcp::Server>());
            (built, sent.elapsed())
        }
    };
    println!("{} {}", build.as_nanos(), first_request.as_nanos());
}

/// The child of the `https` rows: builds two clients of an `https` site (nothing is
/// sent), printing each build's time in nanoseconds. The first reads the system's root
/// store on both sides.
fn https_builds(side: &str) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut times = Vec::new();
    for _ in 0..2 {
        let started = Instant::now();
        if side == "sdk" {
            std::hint::black_box(getmcp_client("https://example.com"));
        } else {
            std::hint::black_box(RawClient::new(support::updates::GETMCP_KEY));
        }
        times.push(started.elapsed().as_nanos().to_string());
    }
    println!("{}", times.join(" "));
}

/// Runs one child of `side` and reads its timings.
fn run(side: &str, body: &str) -> Stages {
    let started = Instant::now();
    let out = Command::new(std::env::current_exe().expect("this binary"))
        .args(["--child", side, body])
        .output()
        .expect("run a child");
    let process = started.elapsed();
    assert!(out.status.success(), "the {side} child failed");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut ns = text
        .split_whitespace()
        .map(|v| Duration::from_nanos(v.parse().expect("nanoseconds")));
    Stages {
        build: ns.next().expect("the build time"),
        first_request: ns.next().expect("the first request's time"),
        process,
    }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--child") {
        let side = args.get(at + 1).map(String::as_str).unwrap_or("sdk");
        return child(side, args.get(at + 2).cloned().unwrap_or_default());
    }
    // `cargo test` runs bench targets only when asked; `cargo bench` passes `--bench`.
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    let body = getmcp_update(&getmcp_client("http://127.0.0.1:9"))
        .body()
        .expect("a valid update");
    let body = serde_json::to_string(&body).expect("the body serializes");
    for _ in 0..WARM_UP {
        run("sdk", &body);
        run("raw", &body);
    }
    let (mut sdk, mut raw) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        sdk.push(run("sdk", &body));
        raw.push(run("raw", &body));
    }
    println!("| stage (median of {RUNS} processes) | SDK | bare reqwest | ratio |");
    println!("|---|---:|---:|---:|");
    print_stages(&sdk, &raw);
    let (mut sdk, mut raw) = (Vec::new(), Vec::new());
    for _ in 0..RUNS / 4 {
        sdk.push(run("sdk-https", &body));
        raw.push(run("raw-https", &body));
    }
    let stages: [Stage; 2] = [
        (
            "https, 50 processes: building the first client (both read the root store)",
            |s| s.build,
        ),
        (
            "https, 50 processes: building a second client in the same process",
            |s| s.first_request,
        ),
    ];
    print_rows(&sdk, &raw, &stages);
}

/// The rows of the http children.
fn print_stages(sdk: &[Stages], raw: &[Stages]) {
    let stages: [Stage; 4] = [
        ("build the client", |s| s.build),
        ("first request (connect, send, decode)", |s| s.first_request),
        ("build + first request", |s| s.build + s.first_request),
        ("whole process (start to exit)", |s| s.process),
    ];
    print_rows(sdk, raw, &stages);
}

/// One row per stage: the medians of both sides and their ratio.
fn print_rows(sdk: &[Stages], raw: &[Stages], stages: &[Stage]) {
    let med = |runs: &[Stages], f: fn(&Stages) -> Duration| median(runs.iter().map(f).collect());
    for &(name, f) in stages {
        let (s, r) = (med(sdk, f), med(raw, f));
        println!(
            "| {name} | {:.0} µs | {:.0} µs | {:.3} |",
            s.as_secs_f64() * 1e6,
            r.as_secs_f64() * 1e6,
            s.as_secs_f64() / r.as_secs_f64()
        );
    }
}
