//! What the SDK costs over hand-written HTTP, in one run:
//!
//! 1. building and serializing each update body (no I/O);
//! 2. updates end to end over loopback against a minimal HTTP/1.1 server, SDK against
//!    raw `reqwest` sending the same bytes with the same connection settings, at
//!    concurrency 1 and 64;
//! 3. decoding a ~1 MB HasMCP server into the typed model against `serde_json::Value`.
//!
//! `cargo bench --bench sdk` runs all of it and ends with a Markdown table of medians
//! and SDK/baseline throughput ratios.

mod support;

use std::{future::Future, pin::Pin, sync::Arc, time::Duration, time::SystemTime};

use criterion::{measurement::WallTime, BenchmarkGroup, Criterion, SamplingMode, Throughput};
use mcp_admin::{
    getmcp::{self, AuthType, ServerStatus, TestAuthCredentials},
    hasmcp::{self, ProviderRef, ServerEnvelope},
};
use reqwest::Method;
use serde_json::Value;
use tokio::{runtime::Runtime, task::JoinSet};

use support::{
    baseline::{Body, RawClient, RawRequest},
    fixtures::{self, GETMCP_UUID, HASMCP_ID, PROVIDER_ID},
    report::{self, Entry, Pair, PerIter},
    server::{RequestParts, Server},
};

const GETMCP_KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
const HASMCP_TOKEN: &str = "hasmcp-benchmark-token";
/// Tools on the server the HasMCP merged body is built from.
const MERGE_TOOLS: usize = 100;
/// Tools on the server decoded in the decode benchmark (~1 MB).
const DECODE_TOOLS: usize = 1_000;
/// Tools on the canned HasMCP server the end-to-end benchmarks answer with.
const E2E_TOOLS: usize = 5;
/// The version the canned HasMCP server is read at; PATCHes answer one more.
const VERSION: i64 = 4;
/// The name and instructions the HasMCP updates write.
const NEW_NAME: &str = "GitHubTools2";
const NEW_INSTRUCTIONS: &str = "Use these tools for GitHub issues and pull requests.";
const CONCURRENCY: [usize; 2] = [1, 64];

type Op = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// Wraps an async operation so both sides of a comparison pay the same boxing.
fn op<F, Fut>(f: F) -> Op
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    Arc::new(move || Box::pin(f()))
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

/// The GetMCP update with every field set.
fn getmcp_update(gm: &getmcp::Client) -> getmcp::UpdateServer {
    gm.update_server(GETMCP_UUID.parse::<getmcp::ServerRef>().expect("a UUID"))
        .name("GitHub Tools v2")
        .description("Updated tools for GitHub")
        .status(ServerStatus::Active)
        .auth_type(AuthType::Bearer)
        .test_auth_credentials(TestAuthCredentials::bearer("your_bearer_token"))
        .cors_origins(["https://a.example", "https://b.example"])
        .rate_limit_per_min(60)
}

/// The HasMCP update `send()` benchmarks: a rename, new instructions, the rest kept.
fn hasmcp_merge_update(hm: &hasmcp::Client) -> hasmcp::UpdateServer {
    hm.update_server(HASMCP_ID)
        .name(NEW_NAME)
        .instructions(NEW_INSTRUCTIONS)
}

/// The HasMCP update `send_exact()` benchmarks: every field, with the expected version.
fn hasmcp_exact_update(hm: &hasmcp::Client) -> hasmcp::UpdateServer {
    let tools: Vec<String> = (0..E2E_TOOLS).map(fixtures::tool_id).collect();
    hm.update_server(HASMCP_ID)
        .name(NEW_NAME)
        .instructions(NEW_INSTRUCTIONS)
        .providers([ProviderRef::new(PROVIDER_ID).tools(tools)])
        .resources(["res00000001"])
        .prompts(["prm00000001"])
        .expected_version(VERSION)
}

fn decode_server(bytes: &[u8]) -> hasmcp::Server {
    serde_json::from_slice::<ServerEnvelope>(bytes)
        .expect("a HasMCP server")
        .server
}

fn bodies(c: &mut Criterion, entries: &mut Vec<Entry>) {
    let unused = "http://127.0.0.1:9";
    let gm = getmcp::Client::builder(unused)
        .api_key(GETMCP_KEY)
        .build()
        .expect("a GetMCP client");
    let hm = hasmcp::Client::builder()
        .base_url(unused)
        .token(HASMCP_TOKEN)
        .build()
        .expect("a HasMCP client");
    let current = decode_server(&fixtures::to_bytes(&fixtures::hasmcp_envelope(
        MERGE_TOOLS,
        VERSION,
    )));

    let mut g = c.benchmark_group("body");
    g.throughput(Throughput::Elements(1));
    g.bench_function("getmcp_all_fields", |b| {
        b.iter(|| {
            let body = getmcp_update(&gm).body().expect("a valid update");
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
        entries.push(Entry {
            group: "body",
            id,
            per_iter: PerIter::Ops(1),
        });
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

struct Case {
    id: &'static str,
    op: Op,
}

fn e2e_groups(
    c: &mut Criterion,
    rt: &Runtime,
    platform: &'static str,
    cases: &[Case],
    entries: &mut Vec<Entry>,
) {
    for n in CONCURRENCY {
        let group: &'static str = match (platform, n) {
            ("getmcp", 1) => "getmcp_update_c1",
            ("getmcp", _) => "getmcp_update_c64",
            (_, 1) => "hasmcp_update_c1",
            _ => "hasmcp_update_c64",
        };
        let mut g: BenchmarkGroup<'_, WallTime> = c.benchmark_group(group);
        g.throughput(Throughput::Elements(n as u64));
        if n > 1 {
            // Milliseconds an iteration: fewer, equal-sized samples keep the run short.
            g.sampling_mode(SamplingMode::Flat).sample_size(50);
        }
        for case in cases {
            g.bench_function(case.id, |b| b.to_async(rt).iter(|| run(n, &case.op)));
            entries.push(Entry {
                group,
                id: case.id,
                per_iter: PerIter::Ops(n as u64),
            });
        }
        g.finish();
    }
}

fn getmcp_e2e(c: &mut Criterion, rt: &Runtime, entries: &mut Vec<Entry>) {
    let server = Server::start(
        fixtures::GETMCP_SERVER.as_bytes(),
        fixtures::GETMCP_SERVER.as_bytes(),
    );
    let gm = getmcp::Client::builder(server.url())
        .api_key(GETMCP_KEY)
        .build()
        .expect("a GetMCP client");
    let body = getmcp_update(&gm).body().expect("a valid update");
    let raw_client = RawClient::new(GETMCP_KEY);
    let raw_request = |body: Body| RawRequest {
        client: raw_client.clone(),
        method: Method::PATCH,
        origin: server.url().into(),
        path: format!("/wp-json/getmcp/v1/servers/{GETMCP_UUID}").into(),
        body,
    };
    let hand_written = raw_request(Body::per_request(body.clone()));
    let prebuilt = raw_request(Body::prebuilt(&body));
    let sdk = op(move || {
        let update = getmcp_update(&gm);
        async move {
            update.send().await.expect("the SDK update");
        }
    });
    let raw = raw_op::<getmcp::Server>(hand_written);
    let raw_prebuilt = raw_op::<getmcp::Server>(prebuilt);
    assert_same_requests(rt, &server, "GetMCP update", &sdk, &raw);
    assert_same_requests(rt, &server, "GetMCP update", &sdk, &raw_prebuilt);
    let cases = [
        Case {
            id: "sdk_send",
            op: sdk,
        },
        Case {
            id: "raw_reqwest",
            op: raw,
        },
        Case {
            id: "raw_reqwest_prebuilt",
            op: raw_prebuilt,
        },
    ];
    e2e_groups(c, rt, "getmcp", &cases, entries);
}

fn hasmcp_e2e(c: &mut Criterion, rt: &Runtime, entries: &mut Vec<Entry>) {
    let read = fixtures::to_bytes(&fixtures::hasmcp_envelope(E2E_TOOLS, VERSION));
    // What a PATCH answers: the next version, carrying the fields the updates write.
    let mut written = fixtures::hasmcp_envelope(E2E_TOOLS, VERSION + 1);
    written["server"]["name"] = NEW_NAME.into();
    written["server"]["description"] = NEW_INSTRUCTIONS.into();
    let written = fixtures::to_bytes(&written);
    let server = Server::start(&read, &written);
    let hm = hasmcp::Client::builder()
        .base_url(server.url())
        .token(HASMCP_TOKEN)
        .build()
        .expect("a HasMCP client");
    let exact_body = hasmcp_exact_update(&hm)
        .exact_body()
        .expect("a valid update");
    let merged_body = hasmcp_merge_update(&hm)
        .merged_body(&decode_server(&read))
        .expect("a valid update");
    let raw_client = RawClient::new(HASMCP_TOKEN);
    let raw_request = |method: Method, body: Body| RawRequest {
        client: raw_client.clone(),
        method,
        origin: server.url().into(),
        path: format!("/api/v1/servers/{HASMCP_ID}").into(),
        body,
    };
    let raw_exact = raw_op::<ServerEnvelope>(raw_request(
        Method::PATCH,
        Body::per_request(exact_body.clone()),
    ));
    let raw_exact_prebuilt =
        raw_op::<ServerEnvelope>(raw_request(Method::PATCH, Body::prebuilt(&exact_body)));
    let (get, patch) = (
        raw_request(Method::GET, Body::None),
        raw_request(Method::PATCH, Body::per_request(merged_body)),
    );
    let raw_get_patch = op(move || {
        let (get, patch) = (get.clone(), patch.clone());
        async move {
            let current = get.send::<ServerEnvelope>().await.server;
            assert_eq!(current.version, Some(VERSION));
            let updated = patch.send::<ServerEnvelope>().await.server;
            assert_eq!(updated.version, Some(VERSION + 1));
        }
    });

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
    assert_same_requests(rt, &server, "HasMCP send_exact", &sdk_exact, &raw_exact);
    assert_same_requests(
        rt,
        &server,
        "HasMCP send_exact",
        &sdk_exact,
        &raw_exact_prebuilt,
    );
    assert_same_requests(rt, &server, "HasMCP send", &sdk_send, &raw_get_patch);
    let cases = [
        Case {
            id: "sdk_send_exact",
            op: sdk_exact,
        },
        Case {
            id: "raw_reqwest_patch",
            op: raw_exact,
        },
        Case {
            id: "raw_reqwest_patch_prebuilt",
            op: raw_exact_prebuilt,
        },
        Case {
            id: "sdk_send",
            op: sdk_send,
        },
        Case {
            id: "raw_reqwest_get_patch",
            op: raw_get_patch,
        },
    ];
    e2e_groups(c, rt, "hasmcp", &cases, entries);
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
        entries.push(Entry {
            group: GROUP,
            id,
            per_iter: PerIter::Bytes(len),
        });
    }
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
    getmcp_e2e(&mut c, &rt, &mut entries);
    hasmcp_e2e(&mut c, &rt, &mut entries);
    decode(&mut c, &mut entries);
    c.final_summary();

    let mut pairs = Vec::new();
    for (getmcp, hasmcp) in [
        ("getmcp_update_c1", "hasmcp_update_c1"),
        ("getmcp_update_c64", "hasmcp_update_c64"),
    ] {
        for (group, subject, baseline) in [
            (getmcp, "sdk_send", "raw_reqwest"),
            (getmcp, "sdk_send", "raw_reqwest_prebuilt"),
            (hasmcp, "sdk_send_exact", "raw_reqwest_patch"),
            (hasmcp, "sdk_send_exact", "raw_reqwest_patch_prebuilt"),
        ] {
            pairs.push(Pair {
                group,
                subject,
                baseline,
                target: Some(0.95),
            });
        }
        pairs.push(Pair {
            group: hasmcp,
            subject: "sdk_send",
            baseline: "raw_reqwest_get_patch",
            target: None,
        });
        pairs.push(Pair {
            group: hasmcp,
            subject: "sdk_send",
            baseline: "sdk_send_exact",
            target: None,
        });
    }
    pairs.push(Pair {
        group: "decode_hasmcp_1x1000",
        subject: "typed_server",
        baseline: "serde_json_value",
        target: Some(1.0),
    });
    report::print(started, &entries, &pairs);
}
