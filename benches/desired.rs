//! Desired state against hand-written code doing the same with the typed client, on the
//! fake HasMCP over loopback:
//!
//! 1. `plan`, 1,000 servers × 10 attached tools, converged (the steady state): the plan
//!    against `list_servers()`;
//! 2. the same with `resources: []` stated on every server, so each needs its own GET:
//!    the plan against `list_servers()` + 1,000 `get_server` at 8 at once;
//! 3. `apply` of 1,000 instruction changes at concurrency 8 against 1,000
//!    `update_server(id).instructions(..).expected_version(v).send()` at 8 at once.
//!
//! Each case runs `ROUNDS` times, alternating which side goes first, on a fresh fake
//! each time; the table gives the medians and the requests each side sent.
//! `cargo bench --bench desired`.
//!
//! With `DESIRED_BENCH_ONE=<mode>` it runs one side once and nothing else, for counting
//! instructions under callgrind (`scripts/desired-callgrind.sh`). The fake runs in the
//! same process, so its work counts on both sides alike. Modes: `setup` (the fixture),
//! `describe` / `describe-res` (and the description), `plan` / `plan-res` (and the
//! plan), `hand` / `hand-res` (the fixture and the reads by hand), `plan-v2` (the
//! description and plan that `apply` applies), `apply`, `hand-apply`.

use std::time::{Duration, Instant};

use futures_util::{stream, StreamExt};
use mcp_admin::{
    desired::{self, ApplyOptions, Clients, Desired, PlanOptions},
    hasmcp,
    testing::FakeHasMcp,
};
use serde_json::{json, Value};

/// Servers in the fixture; `DESIRED_BENCH_SERVERS` changes it (the callgrind runs use
/// fewer: the fake is slow under valgrind).
fn servers() -> usize {
    std::env::var("DESIRED_BENCH_SERVERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000)
}
const TOOLS: usize = 10;
const CONCURRENCY: usize = 8;
const ROUNDS: usize = 7;

struct Fixture {
    fake: FakeHasMcp,
    client: hasmcp::Client,
    ids: Vec<String>,
    tools: Vec<String>,
}

fn fixture() -> Fixture {
    let fake = futures_executor_block_on(FakeHasMcp::start());
    fake.without_rate_limit();
    let provider = fake.seed_provider("GitHub");
    let tools: Vec<String> = (0..TOOLS)
        .map(|t| fake.seed_tool(&provider, &format!("t{t}")))
        .collect();
    let ids = (0..servers())
        .map(|i| {
            fake.insert_server(json!({
                "name": format!("S{i}"),
                "providers": [{"id": provider, "tools": tools.iter().map(|t| json!({"id": t})).collect::<Vec<_>>()}],
            }))
        })
        .collect();
    let client = hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        // Under callgrind the fake answers slowly.
        .timeout(Duration::from_secs(600))
        .build()
        .expect("client");
    Fixture {
        fake,
        client,
        ids,
        tools,
    }
}

/// The fake starts on its own thread; starting it needs no runtime of ours.
fn futures_executor_block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

fn description(f: &Fixture, instructions: &str, resources: bool) -> Desired {
    let servers: Vec<Value> = (0..servers())
        .map(|i| {
            let mut s = json!({
                "name": format!("S{i}"),
                "instructions": instructions,
                "tools": f.tools.iter().map(|t| json!({"id": t})).collect::<Vec<_>>(),
            });
            if resources {
                s["resources"] = json!([]);
            }
            s
        })
        .collect();
    Desired::from_value(json!({"hasmcp": {"servers": servers}})).expect("description")
}

struct Sample {
    time: Duration,
    requests: usize,
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Runs `sdk` and `hand` `ROUNDS` times each on fresh fixtures, alternating the order.
fn compare<S, H>(rt: &tokio::runtime::Runtime, name: &str, sdk: S, hand: H)
where
    S: Fn(&tokio::runtime::Runtime, &Fixture) -> Sample,
    H: Fn(&tokio::runtime::Runtime, &Fixture) -> Sample,
{
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let (mut ra, mut rb) = (0, 0);
    for round in 0..ROUNDS {
        let mut run_sdk = || {
            let s = sdk(rt, &fixture());
            ra = s.requests;
            a.push(s.time);
        };
        let mut run_hand = || {
            let s = hand(rt, &fixture());
            rb = s.requests;
            b.push(s.time);
        };
        if round % 2 == 0 {
            run_sdk();
            run_hand();
        } else {
            run_hand();
            run_sdk();
        }
    }
    let (ma, mb) = (median(a), median(b));
    println!(
        "| {name} | {ra} | {:.1} ms | {rb} | {:.1} ms | {:.3} |",
        ma.as_secs_f64() * 1e3,
        mb.as_secs_f64() * 1e3,
        ma.as_secs_f64() / mb.as_secs_f64()
    );
}

fn requests(rt: &tokio::runtime::Runtime, f: &Fixture) -> usize {
    rt.block_on(f.fake.requests()).len()
}

fn plan_case(resources: bool) -> impl Fn(&tokio::runtime::Runtime, &Fixture) -> Sample {
    move |rt, f| {
        let d = description(f, "", resources);
        let clients = Clients::new().hasmcp(f.client.clone());
        let options = PlanOptions::new().concurrency(CONCURRENCY);
        let start = Instant::now();
        let plan = rt
            .block_on(desired::plan_with(&clients, &d, &options))
            .expect("plan");
        let time = start.elapsed();
        assert!(plan.is_empty(), "{plan}");
        Sample {
            time,
            requests: requests(rt, f),
        }
    }
}

fn hand_read(resources: bool) -> impl Fn(&tokio::runtime::Runtime, &Fixture) -> Sample {
    move |rt, f| {
        let start = Instant::now();
        rt.block_on(async {
            let servers = f.client.list_servers().all().await.expect("list");
            assert_eq!(servers.len(), self::servers());
            if resources {
                let full: Vec<_> =
                    stream::iter(servers.iter().map(|s| f.client.get_server(s.id.as_str())))
                        .buffer_unordered(CONCURRENCY)
                        .collect()
                        .await;
                assert!(full
                    .iter()
                    .all(|s| s.as_ref().is_ok_and(|s| s.resources.is_empty())));
            }
        });
        Sample {
            time: start.elapsed(),
            requests: requests(rt, f),
        }
    }
}

fn apply_case(rt: &tokio::runtime::Runtime, f: &Fixture) -> Sample {
    let d = description(f, "v2", false);
    let clients = Clients::new().hasmcp(f.client.clone());
    let plan = rt.block_on(desired::plan(&clients, &d)).expect("plan");
    assert_eq!(plan.changes.len(), servers());
    let before = requests(rt, f);
    let start = Instant::now();
    let report = rt.block_on(desired::apply_with(
        &clients,
        &plan,
        &ApplyOptions::new().concurrency(CONCURRENCY),
    ));
    let time = start.elapsed();
    assert!(report.all_applied());
    Sample {
        time,
        requests: requests(rt, f) - before,
    }
}

fn hand_apply(rt: &tokio::runtime::Runtime, f: &Fixture) -> Sample {
    let before = requests(rt, f);
    let start = Instant::now();
    rt.block_on(async {
        let done: Vec<_> = stream::iter(f.ids.iter().map(|id| {
            f.client
                .update_server(id.as_str())
                .instructions("v2")
                .expected_version(1)
                .send()
        }))
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
        assert!(done.iter().all(Result::is_ok));
    });
    Sample {
        time: start.elapsed(),
        requests: requests(rt, f) - before,
    }
}

fn main() {
    // `cargo test --benches` runs benches with `--test`: build, do nothing.
    if std::env::args().any(|a| a == "--test") {
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    if let Ok(mode) = std::env::var("DESIRED_BENCH_ONE") {
        let f = fixture();
        let s = match mode.as_str() {
            "setup" => Sample {
                time: Duration::ZERO,
                requests: 0,
            },
            "describe" | "describe-res" => {
                std::hint::black_box(description(&f, "", mode == "describe-res"));
                Sample {
                    time: Duration::ZERO,
                    requests: 0,
                }
            }
            "plan-v2" => {
                let d = description(&f, "v2", false);
                let clients = Clients::new().hasmcp(f.client.clone());
                let plan = rt.block_on(desired::plan(&clients, &d)).expect("plan");
                std::hint::black_box(plan);
                Sample {
                    time: Duration::ZERO,
                    requests: requests(&rt, &f),
                }
            }
            "plan" => plan_case(false)(&rt, &f),
            "hand" => hand_read(false)(&rt, &f),
            "plan-res" => plan_case(true)(&rt, &f),
            "hand-res" => hand_read(true)(&rt, &f),
            "apply" => apply_case(&rt, &f),
            "hand-apply" => hand_apply(&rt, &f),
            other => panic!("unknown DESIRED_BENCH_ONE={other}"),
        };
        println!("{mode}: {} requests in {:?}", s.requests, s.time);
        return;
    }
    println!("| case | desired: requests | desired: median | by hand: requests | by hand: median | ratio |");
    println!("|---|---|---|---|---|---|");
    compare(
        &rt,
        "plan, 1,000 × 10 tools",
        plan_case(false),
        hand_read(false),
    );
    compare(
        &rt,
        "plan, 1,000 × 10 tools + resources",
        plan_case(true),
        hand_read(true),
    );
    compare(&rt, "apply, 1,000 updates at 8", apply_case, hand_apply);
}
