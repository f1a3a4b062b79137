//! Lists HasMCP providers with their tools and ids: what to attach to a server.
//!
//! ```sh
//! # against the embedded fake, seeded with a few providers and tools (no token configured):
//! cargo run --example hasmcp_catalog
//! # against the hosted service, one provider only:
//! HASMCP_ACCESS_TOKEN=… cargo run --example hasmcp_catalog -- --provider ASuB9Gf6aD5
//! ```

use std::process::ExitCode;

use clap::Parser;
use mcp_admin::{
    hasmcp::{self, Provider},
    testing::FakeHasMcp,
};

/// List HasMCP providers and, under each, its tools (id, method, path, name).
#[derive(Parser, Debug)]
struct Args {
    /// The access token; without it, an embedded fake is started and seeded.
    #[arg(long, env = "HASMCP_ACCESS_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// The origin of a self-hosted edition.
    #[arg(long, env = "HASMCP_BASE_URL")]
    base_url: Option<String>,
    /// Only this provider (by id).
    #[arg(long)]
    provider: Option<String>,
    /// Also list the account's resources, prompts and variables.
    #[arg(long)]
    all: bool,
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
    let (client, _fake) = match &args.token {
        Some(token) => {
            let mut builder = hasmcp::Client::builder().token(token.as_str());
            if let Some(base) = &args.base_url {
                builder = builder.base_url(base.as_str());
            }
            let client = builder.build()?;
            eprintln!("HasMCP at {}", client.base_url());
            (client, None)
        }
        None => {
            let fake = FakeHasMcp::start().await;
            let github = fake.seed_provider("GitHub");
            fake.seed_tool(&github, "listRepos");
            fake.seed_tool(&github, "getIssue");
            let stripe = fake.seed_provider("Stripe");
            fake.seed_tool(&stripe, "lookupCustomer");
            fake.seed_resource("readme", "file:///README.md");
            fake.seed_prompt("summarize");
            fake.seed_variable("STRIPE_API_KEY", "SECRET", "sk_test_123");
            eprintln!("no token given: using the embedded fake at {}", fake.uri());
            let client = hasmcp::Client::builder()
                .base_url(fake.uri())
                .token(fake.token())
                .build()?;
            (client, Some(fake))
        }
    };

    let providers = match &args.provider {
        Some(id) => vec![client.get_provider(id).await?],
        None => client.list_providers().all().await?,
    };
    for provider in providers {
        // A list may leave the tools out (the open-source edition does): ask for them.
        let tools = if provider.tools.is_empty() {
            client.list_provider_tools(&provider.id).all().await?
        } else {
            provider.tools.clone()
        };
        print_provider(&provider);
        for tool in tools {
            let method = tool.method.as_ref().map_or("?", |m| m.as_str());
            let path = tool.path.as_deref().unwrap_or("?");
            let name = tool.name.as_deref().unwrap_or("");
            println!("    tool {}  {method} {path}  {name}", tool.id);
        }
    }

    if args.all {
        for r in client.list_resources().all().await? {
            let name = r.name.as_deref().unwrap_or("");
            println!(
                "resource {}  {name}  {}",
                r.id,
                r.uri.as_deref().unwrap_or("")
            );
        }
        for p in client.list_prompts().all().await? {
            println!("prompt {}  {}", p.id, p.name.as_deref().unwrap_or(""));
        }
        for v in client.list_variables().all().await? {
            let kind = v.variable_type.as_ref().map_or("?", |t| t.as_str());
            let value = v.value.as_ref().and_then(|s| s.expose()).unwrap_or("***");
            println!(
                "variable {}  {kind} {} = {value}",
                v.id,
                v.name.as_deref().unwrap_or("")
            );
        }
    }
    Ok(())
}

fn print_provider(p: &Provider) {
    println!(
        "provider {}  {}  {}",
        p.id,
        p.name.as_deref().unwrap_or(""),
        p.base_url.as_deref().unwrap_or("")
    );
}
