//! The summary: medians read back from criterion's own estimates, and the ratios
//! against the baselines measured in the same run, as a Markdown table.

use std::{
    fmt::Write as _,
    path::{Path, PathBuf},
    time::SystemTime,
};

use serde_json::Value;

/// What one iteration of a benchmark processes, for the throughput column.
#[derive(Clone, Copy)]
pub enum PerIter {
    /// Operations (requests, bodies).
    Ops(u64),
    /// Input bytes.
    Bytes(u64),
}

/// One benchmark of the run.
pub struct Entry {
    /// Criterion group name.
    group: String,
    /// Criterion function id.
    id: &'static str,
    /// What one iteration processes.
    per_iter: PerIter,
}

impl Entry {
    /// Benchmark `group/id`, processing `per_iter` an iteration.
    pub fn new(group: &str, id: &'static str, per_iter: PerIter) -> Entry {
        Entry {
            group: group.to_owned(),
            id,
            per_iter,
        }
    }
}

/// An SDK measurement against its baseline.
pub struct Pair {
    /// The group both are in.
    group: String,
    /// The measured function id.
    subject: &'static str,
    /// The baseline function id.
    baseline: &'static str,
    /// The lowest acceptable throughput ratio subject/baseline, if there is a target.
    target: Option<f64>,
}

impl Pair {
    /// `group/subject` against `group/baseline`, with its target if it has one.
    pub fn new(
        group: &str,
        subject: &'static str,
        baseline: &'static str,
        target: Option<f64>,
    ) -> Pair {
        Pair {
            group: group.to_owned(),
            subject,
            baseline,
            target,
        }
    }
}

struct Median {
    ns: f64,
    low: f64,
    high: f64,
}

/// Where criterion writes, found the way criterion finds it.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Path::new(&target).join("criterion");
    }
    let from_metadata = std::env::var_os("CARGO").and_then(|cargo| {
        let out = std::process::Command::new(cargo)
            .args(["metadata", "--format-version", "1", "--no-deps"])
            .output()
            .ok()?;
        let meta: Value = serde_json::from_slice(&out.stdout).ok()?;
        Some(PathBuf::from(meta["target_directory"].as_str()?).join("criterion"))
    });
    from_metadata.unwrap_or_else(|| PathBuf::from("target/criterion"))
}

/// The median of `group/id`, if criterion wrote it during this run.
fn median(dir: &Path, group: &str, id: &str, since: SystemTime) -> Option<Median> {
    let path = dir.join(group).join(id).join("new").join("estimates.json");
    let fresh = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= since);
    if !fresh {
        return None;
    }
    let json: Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    let m = &json["median"];
    Some(Median {
        ns: m["point_estimate"].as_f64()?,
        low: m["confidence_interval"]["lower_bound"].as_f64()?,
        high: m["confidence_interval"]["upper_bound"].as_f64()?,
    })
}

fn time(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

fn throughput(per_iter: PerIter, ns: f64) -> String {
    let per_sec = 1e9 / ns;
    match per_iter {
        PerIter::Ops(n) => format!("{:.0} op/s", n as f64 * per_sec),
        PerIter::Bytes(n) => format!("{:.0} MB/s", n as f64 * per_sec / 1e6),
    }
}

/// Prints the medians of every benchmark that ran since `since`, then each pair's
/// throughput ratio (baseline time / subject time; above 1 is faster than the
/// baseline), and writes the same Markdown to `<criterion dir>/sdk-summary.md`.
pub fn print(since: SystemTime, entries: &[Entry], pairs: &[Pair]) {
    let dir = criterion_dir();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| benchmark | median | 95% CI of the median | throughput |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|");
    let mut any = false;
    for e in entries {
        let Some(m) = median(&dir, &e.group, e.id, since) else {
            continue;
        };
        any = true;
        let _ = writeln!(
            out,
            "| {}/{} | {} | {} – {} | {} |",
            e.group,
            e.id,
            time(m.ns),
            time(m.low),
            time(m.high),
            throughput(e.per_iter, m.ns)
        );
    }
    if !any {
        return;
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| subject | baseline | throughput ratio | target | met |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|:---:|");
    for p in pairs {
        let (Some(s), Some(b)) = (
            median(&dir, &p.group, p.subject, since),
            median(&dir, &p.group, p.baseline, since),
        ) else {
            continue;
        };
        let ratio = b.ns / s.ns;
        let (target, met) = match p.target {
            Some(t) => (format!("≥ {t:.2}"), if ratio >= t { "yes" } else { "NO" }),
            None => ("–".to_owned(), "–"),
        };
        let _ = writeln!(
            out,
            "| {}/{} | {} | {ratio:.3} | {target} | {met} |",
            p.group, p.subject, p.baseline
        );
    }
    println!("\n{out}");
    let file = dir.join("sdk-summary.md");
    match std::fs::write(&file, &out) {
        Ok(()) => println!("(also written to {})", file.display()),
        Err(e) => eprintln!("could not write {}: {e}", file.display()),
    }
}
