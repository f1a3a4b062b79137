//! Updates one server on each platform and prints what changed.
//!
//! With no configuration it starts the embedded fake HasMCP and GetMCP servers
//! (`mcp_admin::testing`) on loopback, so it runs offline:
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! To talk to the real platforms instead, set for GetMCP `GETMCP_SITE_URL`,
//! `GETMCP_API_KEY` and `GETMCP_SERVER` (a UUID or numeric id), and for HasMCP
//! `HASMCP_ACCESS_TOKEN` and `HASMCP_SERVER_ID` (optionally `HASMCP_BASE_URL`, and
//! `HASMCP_TOOL_ID` for a tool to attach). Each platform is configured on its own; the
//! other keeps using its fake.

use std::{fmt::Debug, process::ExitCode};

use clap::Parser;
use mcp_admin::{
    getmcp::{self, RateLimit},
    hasmcp,
    testing::{FakeGetMcp, FakeHasMcp},
};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Updates one server on each platform and prints what changed.
///
/// With no configuration it starts embedded fake HasMCP and GetMCP servers on
/// loopback, so it runs offline.
#[derive(Parser)]
#[command(after_help = "\
Environment (each platform on its own; an unconfigured one uses its fake):
  GetMCP: GETMCP_SITE_URL, GETMCP_API_KEY, GETMCP_SERVER (a UUID or numeric id)
  HasMCP: HASMCP_ACCESS_TOKEN, HASMCP_SERVER_ID, optionally HASMCP_BASE_URL, HASMCP_TOOL_ID")]
struct Args {}

#[tokio::main]
async fn main() -> ExitCode {
    // Prints help and exits 0 for --help/-h, or a usage error and exits 2 for anything else.
    Args::parse();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<()> {
    getmcp_demo().await?;
    println!();
    hasmcp_demo().await?;
    Ok(())
}

async fn getmcp_demo() -> Result<()> {
    // The fake must outlive the requests: keep it bound until the end of the function.
    let (client, server, _fake) = match std::env::var_os(getmcp::SITE_URL_VAR) {
        Some(site) => {
            println!(
                "GetMCP: talking to the real site {} (from {})",
                site.to_string_lossy(),
                getmcp::SITE_URL_VAR
            );
            let server: getmcp::ServerRef = required("GETMCP_SERVER")?.parse()?;
            (getmcp::Client::from_env()?, server, None)
        }
        None => {
            let fake = FakeGetMcp::start().await;
            let (_, uuid) = fake.seed_server("GitHub Tools");
            println!(
                "GetMCP: no {} set; using the embedded fake at {}",
                getmcp::SITE_URL_VAR,
                fake.uri()
            );
            let client = getmcp::Client::builder(fake.uri())
                .api_key(fake.api_key())
                .build()?;
            (client, getmcp::ServerRef::from(uuid), Some(fake))
        }
    };

    let before = client.get_server(server).await?;
    let after = client
        .update_server(server)
        .description("Updated by the mcp-admin quickstart")
        .rate_limit(RateLimit::PerMinute(120))
        .send()
        .await?;

    println!(
        "updated GetMCP server {server} ({}): only the fields set were sent",
        after.name
    );
    change("description", before.description(), after.description());
    change("rate_limit", before.rate_limit(), after.rate_limit());
    unchanged("name", &before.name, &after.name)?;
    unchanged("status", &before.status, &after.status)?;
    unchanged("endpoint_url", &before.endpoint_url, &after.endpoint_url)?;
    Ok(())
}

async fn hasmcp_demo() -> Result<()> {
    let (client, id, extra_tool, _fake) = match std::env::var_os(hasmcp::ACCESS_TOKEN_VAR) {
        Some(_) => {
            println!(
                "HasMCP: talking to the real service (from {})",
                hasmcp::ACCESS_TOKEN_VAR
            );
            (
                hasmcp::Client::from_env()?,
                required("HASMCP_SERVER_ID")?,
                std::env::var("HASMCP_TOOL_ID").ok(),
                None,
            )
        }
        None => {
            let fake = FakeHasMcp::start().await;
            let provider = fake.seed_provider("GitHub");
            let (tool, extra) = (
                fake.seed_tool(&provider, "listRepos"),
                fake.seed_tool(&provider, "getRepo"),
            );
            let (resource, prompt) = (
                fake.seed_resource("readme", "file:///README.md"),
                fake.seed_prompt("summarize"),
            );
            let id = fake.insert_server(serde_json::json!({
                "name": "GitHubTools",
                "instructions": "Use these tools for GitHub",
                "version": 3,
                "requestHeadersProxyEnabled": true,
                "providers": [{ "id": provider, "tools": [{ "id": tool }] }],
                "resources": [{ "id": resource }],
                "prompts": [{ "id": prompt }],
            }));
            println!(
                "HasMCP: no {} set; using the embedded fake at {}",
                hasmcp::ACCESS_TOKEN_VAR,
                fake.uri()
            );
            let client = hasmcp::Client::builder()
                .base_url(fake.uri())
                .token(fake.token())
                .build()?;
            (client, id, Some(extra), Some(fake))
        }
    };

    let before = client.get_server(&id).await?;
    // HasMCP's PATCH replaces what it is not sent; send() reads first, so the
    // instructions, the proxy flag and every attachment survive this rename.
    let after = client
        .update_server(&id)
        .name("GitHubToolsV2")
        .retry_on_conflict(2)
        .send()
        .await?;

    println!("updated HasMCP server {id}: a partial update on a replacing API");
    change("name", &before.name, &after.name);
    change("version", before.version, after.version);
    unchanged(
        "instructions",
        before.instructions_text(),
        after.instructions_text(),
    )?;
    unchanged(
        "requestHeadersProxyEnabled",
        before.request_headers_proxy_enabled,
        after.request_headers_proxy_enabled,
    )?;
    let attachments = |s: &hasmcp::Server| {
        let ids = |ids: Vec<&str>| ids.join(",");
        format!(
            "providers [{}], tools [{}], resources [{}], prompts [{}]",
            ids(s.providers.iter().map(|p| p.id.as_str()).collect()),
            ids(s
                .providers
                .iter()
                .flat_map(|p| &p.tools)
                .map(|t| t.id.as_str())
                .collect()),
            ids(s.resources.iter().map(|r| r.id.as_str()).collect()),
            ids(s.prompts.iter().map(|p| p.id.as_str()).collect()),
        )
    };
    unchanged("attachments", attachments(&before), attachments(&after))?;

    // One more tool: one request on the link endpoint, no read and no PATCH, so no
    // other writer's attachment can be replaced away (see the hasmcp module docs).
    if let Some(tool) = extra_tool {
        client.attach_tool(&id, &tool).await?;
        let tools = client.list_server_tools(&id).all().await?;
        println!(
            "  attached tool {tool:<15} the server now has {} tools",
            tools.len()
        );
    }
    Ok(())
}

fn required(name: &str) -> Result<String> {
    std::env::var(name)
        .map_err(|_| format!("{name} must be set to say which server to update").into())
}

fn change(field: &str, before: impl Debug, after: impl Debug) {
    println!("  {field:<28} {before:?} → {after:?}");
}

/// Prints a field that must not have changed, and fails if it did.
fn unchanged<T: Debug + PartialEq>(field: &str, before: T, after: T) -> Result<()> {
    if before != after {
        return Err(format!(
            "{field} changed although the update did not touch it: {before:?} → {after:?}"
        )
        .into());
    }
    println!("  {field:<28} {after:?} (kept)");
    Ok(())
}
