//! Plans (and with `--apply`, applies) the servers described in a YAML file, the way
//! `terraform plan`/`apply` does.
//!
//! With no credentials set it starts the embedded fakes and seeds them (a drifted
//! server, an extra one, a catalog, a GetMCP server's tools), so the plan is not
//! empty and everything runs offline:
//!
//! ```sh
//! cargo run --example desired_state -- --file examples/desired.yaml
//! cargo run --example desired_state -- --file examples/desired.yaml --apply --prune
//! ```
//!
//! To use the real platforms set `HASMCP_ACCESS_TOKEN` (optionally `HASMCP_BASE_URL`)
//! and `GETMCP_SITE_URL` with `GETMCP_API_KEY`; the file's `site` must then be the
//! `GETMCP_SITE_URL`. Exit status: 0 no changes (or all applied), 2 changes planned and
//! not applied, 1 an error or a step not applied.

use std::{collections::BTreeSet, path::PathBuf, process::ExitCode};

use clap::Parser;
use mcp_admin::{
    desired::{self, ApplyOptions, Clients, Desired, PlanOptions},
    getmcp, hasmcp,
    testing::{FakeGetMcp, FakeHasMcp},
};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Plans, and with --apply applies, the servers a YAML file describes.
#[derive(Parser)]
#[command(after_help = "\
Environment (an unconfigured platform uses its embedded fake):
  HasMCP: HASMCP_ACCESS_TOKEN, optionally HASMCP_BASE_URL
  GetMCP: GETMCP_SITE_URL, GETMCP_API_KEY
Exit status: 0 no changes or all applied; 2 changes planned (not applied); 1 error.")]
struct Args {
    /// The description (YAML).
    #[arg(long, default_value = "examples/desired.yaml")]
    file: PathBuf,
    /// Carry the plan out.
    #[arg(long)]
    apply: bool,
    /// Plan deletes for servers the file owns (`owns`) but no longer lists.
    #[arg(long)]
    prune: bool,
    /// At most this many servers read or changed at once.
    #[arg(long, default_value_t = 4)]
    concurrency: usize,
    /// Print the plan as JSON instead of a diff.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if std::env::var_os(getmcp::SITE_URL_VAR).is_none()
        && std::env::var_os("GETMCP_TEST_TOKEN").is_none()
    {
        // A demo value for the fakes only; a real run reads the caller's.
        // SAFETY: set before the runtime starts, while this is the only thread.
        unsafe { std::env::set_var("GETMCP_TEST_TOKEN", "demo-token-for-the-fake") };
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(&args)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("desired_state failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The fakes, kept alive while the clients use them.
struct Fakes(Option<FakeHasMcp>, Vec<FakeGetMcp>);

async fn run(args: &Args) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| format!("cannot read {}: {e}", args.file.display()))?;
    let value: serde_json::Value = serde_yaml_ng::from_str(&text)?;
    let desired = Desired::from_value(value)?;
    let (clients, _fakes) = clients(&desired).await?;

    let options = PlanOptions::new()
        .prune(args.prune)
        .concurrency(args.concurrency);
    let plan = desired::plan_with(&clients, &desired, &options).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&plan)?);
    } else {
        println!("{plan}");
    }
    if plan.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    if !args.apply {
        return Ok(ExitCode::from(2));
    }
    println!();
    let report = desired::apply_with(
        &clients,
        &plan,
        &ApplyOptions::new().concurrency(args.concurrency),
    )
    .await;
    println!("{report}");
    if !report.all_applied() {
        return Ok(ExitCode::FAILURE);
    }
    let again = desired::plan_with(&clients, &desired, &options).await?;
    println!("\nPlanning again: {}", again.summary());
    Ok(ExitCode::SUCCESS)
}

/// Clients from the environment, or fakes seeded so the plan has something to do.
async fn clients(desired: &Desired) -> Result<(Clients, Fakes)> {
    let mut clients = Clients::new();
    let mut fakes = Fakes(None, Vec::new());
    if desired.hasmcp.is_some() {
        if std::env::var_os(hasmcp::ACCESS_TOKEN_VAR).is_some() {
            clients = clients.hasmcp(hasmcp::Client::from_env()?);
        } else {
            let fake = FakeHasMcp::start().await;
            seed_hasmcp(&fake);
            eprintln!(
                "HasMCP: no {} set; using a seeded fake",
                hasmcp::ACCESS_TOKEN_VAR
            );
            clients = clients.hasmcp(
                hasmcp::Client::builder()
                    .base_url(fake.uri())
                    .token(fake.token())
                    .build()?,
            );
            fakes.0 = Some(fake);
        }
    }
    let sites: BTreeSet<&str> = desired.getmcp.iter().map(|s| s.site.as_str()).collect();
    if let Ok(site) = std::env::var(getmcp::SITE_URL_VAR) {
        clients = clients.getmcp(site, getmcp::Client::from_env()?);
    } else {
        for site in sites {
            let fake = FakeGetMcp::start().await;
            let (server, _) = fake.seed_server("GitHub Tools");
            fake.insert_tool(
                server,
                serde_json::json!({"name": "list_repos",
                    "endpoint_url": "https://api.github.com/users/{user}/repos",
                    "parameter_mapping": {"user": {"target": "path"}}}),
            );
            fake.seed_tool(server, "list_gists");
            fake.seed_server("Old Demo");
            eprintln!(
                "GetMCP: no {} set; using a seeded fake for {site}",
                getmcp::SITE_URL_VAR
            );
            let client = getmcp::Client::builder(fake.uri())
                .api_key(fake.api_key())
                .build()?;
            clients = clients.getmcp(site, client);
            fakes.1.push(fake);
        }
    }
    Ok((clients, fakes))
}

/// A catalog, a server that drifted from the file, and one the file does not list.
fn seed_hasmcp(fake: &FakeHasMcp) {
    let github = fake.seed_provider("GitHub");
    let repos = fake.seed_tool(&github, "repos");
    fake.seed_tool(&github, "issues");
    let stray = fake.seed_tool(&github, "gists");
    fake.seed_resource("readme", "file:///README.md");
    fake.seed_prompt("summarize");
    let server = fake.seed_server("GitHubTools", "Old instructions");
    fake.link_tool(&server, &repos);
    fake.link_tool(&server, &stray);
    fake.seed_server("Scratch", "");
}
