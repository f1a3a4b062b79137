//! What the SDK costs over hand-written HTTP, in one run:
//!
//! 1. building and serializing each update body (no I/O);
//! 2. updates end to end over loopback against a minimal HTTP/1.1 server, SDK against
//!    raw `reqwest` sending the same bytes with the same connection settings, at
//!    concurrency 1 and 64;
//! 3. the same with 1 ms of server-side delay per request (a hosted API's floor);
//! 4. reading 10,000 GetMCP servers in 100 pages;
//! 5. decoding a ~1 MB HasMCP server into the typed model against `serde_json::Value`.
//!
//! `cargo bench --bench sdk` runs all of it and ends with a Markdown table of medians
//! and SDK/baseline throughput ratios.

mod support;

use std::{future::Future, pin::Pin, sync::Arc, time::Duration, time::SystemTime};

use futures_util::StreamExt;

use criterion::{measurement::WallTime, BenchmarkGroup, Criterion, SamplingMode, Throughput};
use mcp_admin::{
    getmcp::{self, TestAuthCredentials},
    hasmcp::ServerEnvelope,
};
use serde_json::Value;
use tokio::{runtime::Runtime, task::JoinSet};

use support::{
    baseline::{RawClient, RawRequest},
    fixtures,
    report::{self, Entry, Pair, PerIter},
    server::{RequestParts, Server},
    updates::{
        self, decode_server, getmcp_update, hasmcp_exact_update, hasmcp_merge_update, GetmcpUpdate,
        HasmcpUpdate, GETMCP_KEY, VERSION,
    },
};

/// Tools on the server the HasMCP merged body is built from.
const MERGE_TOOLS: usize = 100;
/// Tools on the server decoded in the decode benchmark (~1 MB).
const DECODE_TOOLS: usize = 1_000;
const CONCURRENCY: [usize; 2] = [1, 64];
/// The server-side delay of the realistic-latency groups.
const DELAY: Duration = Duration::from_millis(1);
/// The paged list: pages of servers per page.
const PAGES: usize = 100;
const PER_PAGE: usize = 100;

/// The throughput targets, SDK against the hand-written baseline.
const LOOPBACK_TARGET: f64 = 0.90;
const DELAYED_TARGET: f64 = 0.99;
/// The paging target: the SDK stream against a hand-written paging loop.
const PAGING_TARGET: f64 = 0.95;

type Op = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// Wraps an async operation so both sides of a comparison pay the same boxing.
fn op<F, Fut>(f: F) -> Op
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    Arc::new(move || Box::pin(f()))
}

/// An operation on a shared value: each run gets its own handle to it.
fn with_shared<S, F, Fut>(shared: &Arc<S>, f: F) -> Op
where
    S: Send + Sync + 'static,
    F: Fn(Arc<S>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let shared = Arc::clone(shared);
    op(move || f(Arc::clone(&shared)))
}

/// What the server waits before each answer.
fn server_delay(delayed: bool) -> Duration {
    if delayed {
        DELAY
    } else {
        Duration::ZERO
    }
}

/// Runs `n` copies of `op` at once (as tasks when more than one) and waits for all.
async fn run(n: usize, op: &Op) {
    if n == 1 {
        return op().await;
    }
    let mut set = JoinSet::new();
    for _ in 0..n {
        set.spawn(op());
    }
    while let Some(done) = set.join_next().await {
        done.expect("a request task panicked");
    }
}

/// A baseline request as an operation: send it and decode the answer into `T`.
fn raw_op<T: serde::de::DeserializeOwned + 'static>(request: RawRequest) -> Op {
    op(move || {
        let request = request.clone();
        async move {
            request.send::<T>().await;
        }
    })
}

fn bodies(c: &mut Criterion, entries: &mut Vec<Entry>) {
    let unused = "http://127.0.0.1:9";
    let gm = updates::getmcp_client(unused);
    let hm = updates::hasmcp_client(unused);
    let current = decode_server(&fixtures::to_bytes(&fixtures::hasmcp_envelope(
        MERGE_TOOLS,
        VERSION,
    )));

    let mut g = c.benchmark_group("body");
    g.throughput(Throughput::Elements(1));
    g.bench_function("getmcp_all_fields", |b| {
        b.iter(|| {
            let body = getmcp_update(&gm)
                .test_auth_credentials(TestAuthCredentials::bearer("your_bearer_token"))
                .body()
                .expect("a valid update");
            serde_json::to_vec(&body).expect("the body serializes")
        })
    });
    g.bench_function("hasmcp_merged_1x100", |b| {
        b.iter(|| {
            let body = hasmcp_merge_update(&hm)
                .merged_body(std::hint::black_box(&current))
                .expect("a valid update");
            serde_json::to_vec(&body).expect("the body serializes")
        })
    });
    g.bench_function("hasmcp_exact", |b| {
        b.iter(|| {
            let body = hasmcp_exact_update(&hm)
                .exact_body()
                .expect("a valid update");
            serde_json::to_vec(&body).expect("the body serializes")
        })
    });
    g.finish();
    for id in ["getmcp_all_fields", "hasmcp_merged_1x100", "hasmcp_exact"] {
        entries.push(Entry::new("body", id, PerIter::Ops(1)));
    }
}

/// Sends `sdk` and `baseline` once each while the server records, and checks that
/// they put the same bytes on the wire: the comparison is only fair if they do.
fn assert_same_requests(rt: &Runtime, server: &Server, what: &str, sdk: &Op, baseline: &Op) {
    server.start_capture();
    rt.block_on(sdk());
    let from_sdk = server.stop_capture();
    server.start_capture();
    rt.block_on(baseline());
    let from_baseline = server.stop_capture();
    let parse = |reqs: &[Vec<u8>]| {
        reqs.iter()
            .map(|r| RequestParts::parse(r))
            .collect::<Vec<_>>()
    };
    let (s, b) = (parse(&from_sdk), parse(&from_baseline));
    assert!(!s.is_empty(), "{what}: the SDK sent nothing");
    assert_eq!(
        s, b,
        "{what}: the SDK and the baseline send different requests"
    );
}

/// A benchmark id and what it runs.
type Case = (&'static str, Op);

/// `<platform>_update[_<delay>]_c<n>`.
fn group_name(platform: &str, delayed: bool, n: usize) -> String {
    let delay = if delayed { "_1ms" } else { "" };
    format!("{platform}_update{delay}_c{n}")
}

fn e2e_groups(
    c: &mut Criterion,
    rt: &Runtime,
    group: &str,
    n: usize,
    cases: &[Case],
    entries: &mut Vec<Entry>,
) {
    let mut g: BenchmarkGroup<'_, WallTime> = c.benchmark_group(group);
    g.throughput(Throughput::Elements(n as u64));
    if n > 1 {
        // Milliseconds an iteration: fewer, equal-sized samples keep the run short.
        g.sampling_mode(SamplingMode::Flat).sample_size(50);
    }
    for (id, op) in cases {
        g.bench_function(*id, |b| b.to_async(rt).iter(|| run(n, op)));
        entries.push(Entry::new(group, id, PerIter::Ops(n as u64)));
    }
    g.finish();
}

/// GetMCP updates at each concurrency; with `delayed`, against a server that waits
/// [`DELAY`] before each answer, and only the SDK against the hand-written baseline.
fn getmcp_e2e(c: &mut Criterion, rt: &Runtime, delayed: bool, entries: &mut Vec<Entry>) {
    let setup = Arc::new(GetmcpUpdate::start(server_delay(delayed)));
    let gm = setup.client.clone();
    let sdk = op(move || {
        let update = getmcp_update(&gm);
        async move {
            update.send().await.expect("the SDK update");
        }
    });
    let raw = raw_op::<getmcp::Server>(setup.raw.clone());
    let raw_prebuilt = raw_op::<getmcp::Server>(setup.raw_prebuilt.clone());
    let generated = with_shared(&setup, |setup| async move {
        setup.send_generated().await;
    });
    let server = &setup.server;
    assert_same_requests(rt, server, "GetMCP update", &sdk, &raw);
    assert_same_requests(rt, server, "GetMCP update", &sdk, &raw_prebuilt);
    assert_same_requests(rt, server, "GetMCP update", &sdk, &generated);
    let mut cases = vec![("sdk_send", sdk), ("raw_reqwest", raw)];
    if !delayed {
        cases.extend([
            ("raw_reqwest_prebuilt", raw_prebuilt),
            ("generated", generated),
        ]);
    }
    for n in CONCURRENCY {
        e2e_groups(c, rt, &group_name("getmcp", delayed, n), n, &cases, entries);
    }
}

/// HasMCP updates at each concurrency; with `delayed`, against a server that waits
/// [`DELAY`] before each answer, and only `send_exact()` against its baseline.
fn hasmcp_e2e(c: &mut Criterion, rt: &Runtime, delayed: bool, entries: &mut Vec<Entry>) {
    let setup = Arc::new(HasmcpUpdate::start(server_delay(delayed)));
    let raw_exact = raw_op::<ServerEnvelope>(setup.raw_exact.clone());
    let raw_exact_prebuilt = raw_op::<ServerEnvelope>(setup.raw_exact_prebuilt.clone());
    let (get, patch) = (setup.raw_get.clone(), setup.raw_merged_patch.clone());
    let raw_get_patch = op(move || {
        let (get, patch) = (get.clone(), patch.clone());
        async move {
            let current = get.send::<ServerEnvelope>().await.server;
            assert_eq!(current.version, Some(VERSION));
            let updated = patch.send::<ServerEnvelope>().await.server;
            assert_eq!(updated.version, Some(VERSION + 1));
        }
    });
    let generated = with_shared(&setup, |setup| async move {
        setup.send_generated().await;
    });
    let hm = setup.client.clone();
    let sdk_exact = {
        let hm = hm.clone();
        op(move || {
            let update = hasmcp_exact_update(&hm);
            async move {
                update.send_exact().await.expect("the SDK update");
            }
        })
    };
    let sdk_send = op(move || {
        let update = hasmcp_merge_update(&hm);
        async move {
            let server = update.send().await.expect("the SDK update");
            assert_eq!(server.version, Some(VERSION + 1));
        }
    });
    let server = &setup.server;
    assert_same_requests(rt, server, "HasMCP send_exact", &sdk_exact, &raw_exact);
    assert_same_requests(
        rt,
        server,
        "HasMCP send_exact",
        &sdk_exact,
        &raw_exact_prebuilt,
    );
    assert_same_requests(rt, server, "HasMCP send_exact", &sdk_exact, &generated);
    assert_same_requests(rt, server, "HasMCP send", &sdk_send, &raw_get_patch);
    let mut cases = vec![
        ("sdk_send_exact", sdk_exact),
        ("raw_reqwest_patch", raw_exact),
    ];
    if !delayed {
        cases.extend([
            ("raw_reqwest_patch_prebuilt", raw_exact_prebuilt),
            ("generated", generated),
            ("sdk_send", sdk_send),
            ("raw_reqwest_get_patch", raw_get_patch),
        ]);
    }
    for n in CONCURRENCY {
        e2e_groups(c, rt, &group_name("hasmcp", delayed, n), n, &cases, entries);
    }
}

/// Every GetMCP server of a 100-page list: the SDK's `list_servers().into_stream()`
/// against a hand-written paging loop decoding the same pages.
fn paging(c: &mut Criterion, rt: &Runtime, entries: &mut Vec<Entry>) {
    const GROUP: &str = "getmcp_list_10000";
    let total = PAGES * PER_PAGE;
    let server = Server::start_paged(&fixtures::getmcp_pages(PAGES, PER_PAGE), total);
    let origin = server.url();
    let raw = RawClient::new(GETMCP_KEY);
    let read_all = || {
        raw.get_pages::<getmcp::Server>(
            &origin,
            "/wp-json/getmcp/v1/servers",
            PER_PAGE as u32,
            |server| {
                std::hint::black_box(server);
            },
        )
    };
    assert_eq!(rt.block_on(read_all()), total, "every server is read once");
    let gm = updates::getmcp_client(&origin);
    let stream_all = || {
        // `page(1)`: the first request names its page, as the baseline's does.
        let stream = gm
            .list_servers()
            .page(1)
            .per_page(PER_PAGE as u64)
            .into_stream();
        async move {
            let mut stream = std::pin::pin!(stream);
            let mut seen = 0usize;
            while let Some(server) = stream.next().await {
                std::hint::black_box(server.expect("a server"));
                seen += 1;
            }
            seen
        }
    };
    assert_eq!(
        rt.block_on(stream_all()),
        total,
        "every server is streamed once"
    );
    let mut g = c.benchmark_group(GROUP);
    g.throughput(Throughput::Elements(total as u64));
    g.sampling_mode(SamplingMode::Flat).sample_size(20);
    g.bench_function("raw_reqwest_pages", |b| b.to_async(rt).iter(read_all));
    g.bench_function("sdk_into_stream", |b| b.to_async(rt).iter(stream_all));
    g.finish();
    for id in ["raw_reqwest_pages", "sdk_into_stream"] {
        entries.push(Entry::new(GROUP, id, PerIter::Ops(total as u64)));
    }
}

fn decode(c: &mut Criterion, entries: &mut Vec<Entry>) {
    const GROUP: &str = "decode_hasmcp_1x1000";
    let bytes = fixtures::to_bytes(&fixtures::hasmcp_envelope(DECODE_TOOLS, VERSION));
    let len = bytes.len() as u64;
    let mut g = c.benchmark_group(GROUP);
    g.throughput(Throughput::Bytes(len));
    g.sampling_mode(SamplingMode::Flat).sample_size(50);
    g.bench_function("typed_server", |b| {
        b.iter(|| decode_server(std::hint::black_box(&bytes)))
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(std::hint::black_box(&bytes)).expect("JSON"))
    });
    g.finish();
    for id in ["typed_server", "serde_json_value"] {
        entries.push(Entry::new(GROUP, id, PerIter::Bytes(len)));
    }
}

/// Every SDK/baseline pair the summary reports, with its target where there is one.
fn pairs() -> Vec<Pair> {
    let mut pairs = Vec::new();
    for delayed in [false, true] {
        let target = if delayed {
            DELAYED_TARGET
        } else {
            LOOPBACK_TARGET
        };
        for n in CONCURRENCY {
            let (getmcp, hasmcp) = (
                group_name("getmcp", delayed, n),
                group_name("hasmcp", delayed, n),
            );
            pairs.push(Pair::new(&getmcp, "sdk_send", "raw_reqwest", Some(target)));
            pairs.push(Pair::new(
                &hasmcp,
                "sdk_send_exact",
                "raw_reqwest_patch",
                Some(target),
            ));
            if delayed {
                continue;
            }
            pairs.push(Pair::new(&getmcp, "sdk_send", "raw_reqwest_prebuilt", None));
            pairs.push(Pair::new(
                &hasmcp,
                "sdk_send_exact",
                "raw_reqwest_patch_prebuilt",
                None,
            ));
            pairs.push(Pair::new(
                &hasmcp,
                "sdk_send",
                "raw_reqwest_get_patch",
                None,
            ));
            pairs.push(Pair::new(&hasmcp, "sdk_send", "sdk_send_exact", None));
            pairs.push(Pair::new(&getmcp, "generated", "raw_reqwest", None));
            pairs.push(Pair::new(&hasmcp, "generated", "raw_reqwest_patch", None));
        }
    }
    pairs.push(Pair::new(
        "getmcp_list_10000",
        "sdk_into_stream",
        "raw_reqwest_pages",
        Some(PAGING_TARGET),
    ));
    pairs.push(Pair::new(
        "decode_hasmcp_1x1000",
        "typed_server",
        "serde_json_value",
        Some(1.0),
    ));
    pairs
}

fn main() {
    let started = SystemTime::now();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    // One client thread; the loopback servers run on their own threads.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let mut entries = Vec::new();
    bodies(&mut c, &mut entries);
    for delayed in [false, true] {
        getmcp_e2e(&mut c, &rt, delayed, &mut entries);
        hasmcp_e2e(&mut c, &rt, delayed, &mut entries);
    }
    paging(&mut c, &rt, &mut entries);
    decode(&mut c, &mut entries);
    c.final_summary();
    report::print(started, &entries, &pairs());
}
