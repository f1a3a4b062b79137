//! Attaches tools to a HasMCP server, or detaches them, one link request each, and
//! prints the server's tool links as JSON.
//!
//! ```sh
//! # against the embedded fake (no token configured):
//! cargo run --example hasmcp_attach
//! cargo run --example hasmcp_attach -- --detach
//! # against the hosted service:
//! HASMCP_ACCESS_TOKEN=… cargo run --example hasmcp_attach -- --server ASuB9Gf6aD4 --tool ASuB9Gf6aD6
//! ```
//!
//! The link endpoints change one attachment without reading and rewriting the server,
//! so two of these running at once cannot undo each other.

use std::process::ExitCode;

use clap::Parser;
use mcp_admin::{hasmcp, testing::FakeHasMcp};

/// Attach (or detach) tools to one HasMCP server through its link endpoints.
#[derive(Parser, Debug)]
struct Args {
    /// The server id (11 characters). Optional against the fake (a seeded one is used).
    #[arg(long)]
    server: Option<String>,
    /// A tool id (repeat for several). Optional against the fake (a seeded one is used).
    #[arg(long = "tool")]
    tools: Vec<String>,
    /// Detach the tools instead of attaching them.
    #[arg(long)]
    detach: bool,
    /// The access token; without it, an embedded fake is started.
    #[arg(long, env = "HASMCP_ACCESS_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// The origin of a self-hosted edition.
    #[arg(long, env = "HASMCP_BASE_URL")]
    base_url: Option<String>,
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> ExitCode {
    match run(Args::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<()> {
    // The fake must outlive the requests: keep it bound until the end.
    let (client, server, tools, _fake) = match &args.token {
        Some(token) => {
            let mut builder = hasmcp::Client::builder().token(token.as_str());
            if let Some(base) = &args.base_url {
                builder = builder.base_url(base.as_str());
            }
            let client = builder.build()?;
            eprintln!("HasMCP at {}", client.base_url());
            let server = args.server.clone().ok_or("give --server")?;
            if args.tools.is_empty() {
                return Err("give at least one --tool".into());
            }
            (client, server, args.tools.clone(), None)
        }
        None => {
            let fake = FakeHasMcp::start().await;
            let provider = fake.seed_provider("GitHub");
            let seeded_tool = fake.seed_tool(&provider, "listRepos");
            let seeded = fake.seed_server("GitHubTools", "Use these tools for GitHub");
            if args.detach {
                // Something to detach.
                fake.link_tool(&seeded, &seeded_tool);
            }
            eprintln!("no token given: using the embedded fake at {}", fake.uri());
            let client = hasmcp::Client::builder()
                .base_url(fake.uri())
                .token(fake.token())
                .build()?;
            let tools = if args.tools.is_empty() {
                vec![seeded_tool]
            } else {
                args.tools.clone()
            };
            (
                client,
                args.server.clone().unwrap_or(seeded),
                tools,
                Some(fake),
            )
        }
    };

    for tool in &tools {
        if args.detach {
            // A tool that is not attached is still a success.
            client.detach_tool(&server, tool).await?;
            eprintln!("detached {tool}");
        } else {
            match client.attach_tool(&server, tool).await {
                Ok(()) => eprintln!("attached {tool}"),
                // 409: attached already, or no such tool; the server's message says which.
                Err(e) if e.is_conflict() => eprintln!("not attached {tool}: {e}"),
                Err(e) => return Err(e.into()),
            }
        }
    }
    let links = client.list_server_tools(&server).all().await?;
    println!("{}", serde_json::to_string_pretty(&links)?);
    Ok(())
}
