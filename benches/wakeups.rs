//! Where a request's wall time goes when instructions do not explain it: how often each
//! thread sleeps and is woken, per request, for every loopback c1 variant of the `sdk`
//! benchmark.
//!
//! `cargo bench --bench wakeups` sends [`REQUESTS`] sequential requests per variant over
//! one kept-alive connection (after [`WARM_UP`] uncounted ones) on a current-thread
//! runtime, and reads each thread's `voluntary_ctxt_switches` (a sleep: the thread
//! blocked, here in `epoll_wait`) and `nonvoluntary_ctxt_switches` (preempted) from
//! `/proc/self/task/*/status` before and after. The loopback server runs on its own
//! thread, so a sleep on either side shows on its own row. A filter argument
//! (`-- getmcp`) runs the variants whose names contain it. Counts, unlike medians, do
//! not depend much on what else the machine runs: a thread sleeps when it has nothing
//! to do, whatever the load.

#[allow(dead_code)] // Shared with the criterion benchmark, which uses the rest.
mod support;

use std::{
    collections::BTreeMap,
    fs,
    future::Future,
    time::{Duration, Instant},
};

use mcp_admin::{getmcp, hasmcp::ServerEnvelope};
use tokio::runtime::Runtime;

use support::updates::{getmcp_update, hasmcp_exact_update, GetmcpUpdate, HasmcpUpdate};

/// Requests counted per variant.
const REQUESTS: u64 = 20_000;
/// Requests sent before counting: the connection, the pool and lazy statics are set up.
const WARM_UP: u64 = 200;

/// Context switches of one thread so far.
#[derive(Clone, Copy, Default)]
struct Switches {
    voluntary: u64,
    involuntary: u64,
    /// Nanoseconds on a CPU (`schedstat`, first field).
    on_cpu: u64,
    /// Nanoseconds runnable but waiting for a CPU (`schedstat`, second field).
    waiting: u64,
}

/// Every thread of this process by name, with its switches so far.
fn switches() -> BTreeMap<String, Switches> {
    let mut out = BTreeMap::new();
    let Ok(tasks) = fs::read_dir("/proc/self/task") else {
        return out;
    };
    for task in tasks.flatten() {
        let path = task.path();
        let name = fs::read_to_string(path.join("comm")).unwrap_or_default();
        let status = fs::read_to_string(path.join("status")).unwrap_or_default();
        let field = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(0)
        };
        let schedstat = fs::read_to_string(path.join("schedstat")).unwrap_or_default();
        let mut ns = schedstat
            .split_whitespace()
            .map(|v| v.parse::<u64>().unwrap_or(0));
        let entry: &mut Switches = out.entry(name.trim().to_owned()).or_default();
        entry.voluntary += field("voluntary_ctxt_switches:");
        entry.involuntary += field("nonvoluntary_ctxt_switches:");
        entry.on_cpu += ns.next().unwrap_or(0);
        entry.waiting += ns.next().unwrap_or(0);
    }
    out
}

/// Runs `send` [`WARM_UP`] + [`REQUESTS`] times and prints switches per counted request.
fn measure<F, Fut>(rt: &Runtime, name: &str, send: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()>,
{
    rt.block_on(async {
        for _ in 0..WARM_UP {
            send().await;
        }
    });
    let before = switches();
    let started = Instant::now();
    rt.block_on(async {
        for _ in 0..REQUESTS {
            send().await;
        }
    });
    let elapsed = started.elapsed();
    let after = switches();
    let per = |n: u64| n as f64 / REQUESTS as f64;
    let mut row = format!(
        "| {name} | {:.1} µs |",
        elapsed.as_secs_f64() * 1e6 / REQUESTS as f64
    );
    for (thread, end) in &after {
        let start = before.get(thread).copied().unwrap_or_default();
        let (v, i) = (
            end.voluntary - start.voluntary,
            end.involuntary - start.involuntary,
        );
        let micros = |ns: u64| ns as f64 / 1e3 / REQUESTS as f64;
        if v + i > REQUESTS / 100 {
            row.push_str(&format!(
                " {thread}: {:.2} + {:.2}, {:.1} µs on CPU, {:.1} µs runnable |",
                per(v),
                per(i),
                micros(end.on_cpu - start.on_cpu),
                micros(end.waiting - start.waiting),
            ));
        }
    }
    println!("{row}");
}

fn main() {
    // `cargo test` runs bench targets only when asked; `cargo bench` passes `--bench`.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    let filter = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_default();
    let wanted = |name: &str| name.contains(filter.as_str());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    println!(
        "| variant | wall / request (load-dependent) | per thread: sleeps + preemptions per request |"
    );
    println!("|---|---:|---|");
    let any = |names: [&str; 3]| names.into_iter().any(wanted);
    if any(["getmcp/sdk_send", "getmcp/generated", "getmcp/raw_reqwest"]) {
        let setup = GetmcpUpdate::start(Duration::ZERO);
        let gm = setup.client.clone();
        if wanted("getmcp/sdk_send") {
            measure(&rt, "getmcp/sdk_send", || {
                let update = getmcp_update(&gm);
                async move {
                    update.send().await.expect("the SDK update");
                }
            });
        }
        if wanted("getmcp/generated") {
            measure(&rt, "getmcp/generated", || async {
                setup.send_generated().await;
            });
        }
        if wanted("getmcp/raw_reqwest") {
            measure(&rt, "getmcp/raw_reqwest", || async {
                setup.raw.send::<getmcp::Server>().await;
            });
        }
    }
    if any([
        "hasmcp/sdk_send_exact",
        "hasmcp/generated",
        "hasmcp/raw_reqwest_patch",
    ]) {
        let setup = HasmcpUpdate::start(Duration::ZERO);
        let hm = setup.client.clone();
        if wanted("hasmcp/sdk_send_exact") {
            measure(&rt, "hasmcp/sdk_send_exact", || {
                let update = hasmcp_exact_update(&hm);
                async move {
                    update.send_exact().await.expect("the SDK update");
                }
            });
        }
        if wanted("hasmcp/generated") {
            measure(&rt, "hasmcp/generated", || async {
                setup.send_generated().await;
            });
        }
        if wanted("hasmcp/raw_reqwest_patch") {
            measure(&rt, "hasmcp/raw_reqwest_patch", || async {
                setup.raw_exact.send::<ServerEnvelope>().await;
            });
        }
    }
}
