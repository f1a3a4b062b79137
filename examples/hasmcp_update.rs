//! Updates one HasMCP server from command-line arguments and prints the result as JSON.
//!
//! ```sh
//! # against the embedded fake (no token configured):
//! cargo run --example hasmcp_update -- --name GitHubToolsV2 --clear-prompts
//! # against the hosted service:
//! HASMCP_ACCESS_TOKEN=… cargo run --example hasmcp_update -- ASuB9Gf6aD4 --instructions "Use these tools"
//! ```

use std::process::ExitCode;

use clap::Parser;
use mcp_admin::{
    hasmcp::{self, ProviderRef},
    testing::FakeHasMcp,
    Patch,
};

/// Update one HasMCP server: a partial update (read, merge, write with the version read).
#[derive(Parser, Debug)]
struct Args {
    /// The server id (11 characters). Optional against the fake (a seeded one is used).
    id: Option<String>,
    /// The access token; without it, an embedded fake is started.
    #[arg(long, env = "HASMCP_ACCESS_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// The origin of a self-hosted edition.
    #[arg(long, env = "HASMCP_BASE_URL")]
    base_url: Option<String>,
    /// New name (1-16 letters and digits).
    #[arg(long)]
    name: Option<String>,
    /// New instructions.
    #[arg(long, conflicts_with = "clear_instructions")]
    instructions: Option<String>,
    /// Empty the instructions.
    #[arg(long)]
    clear_instructions: bool,
    /// Proxy request headers to the providers (true or false).
    #[arg(long)]
    proxy_headers: Option<bool>,
    /// Attach this provider (replacing the current one), with --tool ids.
    #[arg(long, conflicts_with = "clear_providers")]
    provider: Option<String>,
    /// A tool of --provider to attach (repeat for several).
    #[arg(long = "tool", requires = "provider")]
    tools: Vec<String>,
    /// Detach every provider and tool.
    #[arg(long)]
    clear_providers: bool,
    /// Detach every resource.
    #[arg(long)]
    clear_resources: bool,
    /// Detach every prompt.
    #[arg(long)]
    clear_prompts: bool,
    /// Only update if the server is at this version.
    #[arg(long)]
    expected_version: Option<i64>,
    /// Re-read and re-apply this many times when another writer came first.
    #[arg(long, default_value_t = 2)]
    retry_on_conflict: u32,
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
    let (client, id, _fake) = match &args.token {
        Some(token) => {
            let mut builder = hasmcp::Client::builder().token(token.as_str());
            if let Some(base) = &args.base_url {
                builder = builder.base_url(base.as_str());
            }
            let client = builder.build()?;
            eprintln!("HasMCP at {}", client.base_url());
            (client, args.id.clone().ok_or("give the server id")?, None)
        }
        None => {
            let fake = FakeHasMcp::start().await;
            let (provider, tool, resource, prompt) =
                (fake.new_id(), fake.new_id(), fake.new_id(), fake.new_id());
            let seeded = fake.insert_server(serde_json::json!({
                "name": "GitHubTools",
                "instructions": "Use these tools for GitHub",
                "providers": [{ "id": provider, "tools": [{ "id": tool }] }],
                "resources": [{ "id": resource }],
                "prompts": [{ "id": prompt }],
            }));
            eprintln!("no token given: using the embedded fake at {}", fake.uri());
            let client = hasmcp::Client::builder()
                .base_url(fake.uri())
                .token(fake.token())
                .build()?;
            (client, args.id.clone().unwrap_or(seeded), Some(fake))
        }
    };

    let providers = args
        .provider
        .map(|provider| vec![ProviderRef::new(provider).tools(args.tools)]);
    let update = client
        .update_server(&id)
        .set_name(args.name)
        .set_instructions(Patch::from(args.instructions).clear_if(args.clear_instructions))
        .set_request_headers_proxy_enabled(args.proxy_headers)
        .set_providers(Patch::from(providers).clear_if(args.clear_providers))
        .set_resources(Patch::Keep.clear_if(args.clear_resources))
        .set_prompts(Patch::Keep.clear_if(args.clear_prompts))
        .set_expected_version(args.expected_version)
        .retry_on_conflict(args.retry_on_conflict);

    let updated = update.send().await?;
    println!("{}", serde_json::to_string_pretty(&updated)?);
    Ok(())
}
