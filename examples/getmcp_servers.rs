//! Lists GetMCP servers as a table (name, status, uuid, tools), walking every page
//! lazily: one page is held at a time.
//!
//! ```sh
//! # against the embedded fake, seeded with a few servers (no site configured):
//! cargo run --example getmcp_servers -- --per-page 2
//! # against a real site:
//! GETMCP_SITE_URL=https://yoursite.com GETMCP_API_KEY=gmcp_… \
//!   cargo run --example getmcp_servers -- --status active --search github
//! ```

use std::{pin::pin, process::ExitCode};

use clap::{Parser, ValueEnum};
use futures_util::TryStreamExt;
use mcp_admin::{
    getmcp::{self, Server, ServerOrderBy, ServerStatus, SortOrder},
    testing::FakeGetMcp,
};

/// List GetMCP servers, every page, as a table.
#[derive(Parser, Debug)]
struct Args {
    /// The WordPress site; without it, an embedded fake is started and seeded.
    #[arg(long, env = "GETMCP_SITE_URL")]
    site: Option<String>,
    /// The API key.
    #[arg(long, env = "GETMCP_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// Only servers with this status.
    #[arg(long, value_enum)]
    status: Option<Status>,
    /// Only servers whose name or slug contains this text.
    #[arg(long)]
    search: Option<String>,
    /// Servers per request, 1–100 (the site's default is 20).
    #[arg(long)]
    per_page: Option<u64>,
    /// Sort by name instead of by id.
    #[arg(long)]
    by_name: bool,
    /// Newest (or last by name) first.
    #[arg(long)]
    descending: bool,
}

#[derive(Clone, Debug, ValueEnum)]
enum Status {
    Active,
    Paused,
    Draft,
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
    let (client, _fake) = match (&args.site, &args.api_key) {
        (Some(site), Some(key)) => {
            eprintln!("GetMCP site {site}");
            let client = getmcp::Client::builder(site.as_str())
                .api_key(key.as_str())
                .build()?;
            (client, None)
        }
        (Some(_), None) => {
            return Err("GETMCP_API_KEY (or --api-key) is required with a site".into())
        }
        (None, _) => {
            let fake = seeded_fake().await?;
            eprintln!("no site given: using the embedded fake at {}", fake.uri());
            let client = getmcp::Client::builder(fake.uri())
                .api_key(fake.api_key())
                .build()?;
            (client, Some(fake))
        }
    };

    let status = args.status.map(|status| match status {
        Status::Active => ServerStatus::Active,
        Status::Paused => ServerStatus::Paused,
        Status::Draft => ServerStatus::Draft,
    });
    let orderby = if args.by_name {
        ServerOrderBy::Name
    } else {
        ServerOrderBy::Id
    };
    let order = if args.descending {
        SortOrder::Desc
    } else {
        SortOrder::Asc
    };
    // Ordered by a key that does not move while others use the servers: see the
    // paging docs for what a walk guarantees.
    let servers = client
        .list_servers()
        .set_status(status)
        .set_search(args.search)
        .set_per_page(args.per_page)
        .orderby(orderby)
        .order(order);

    println!(
        "{:<32} {:<8} {:<36} {:>5}",
        "NAME", "STATUS", "UUID", "TOOLS"
    );
    let mut stream = pin!(servers.into_stream());
    let mut count = 0;
    while let Some(server) = stream.try_next().await? {
        println!("{}", row(&server));
        count += 1;
    }
    eprintln!("{count} server(s)");
    Ok(())
}

/// One table row; what the site left out shows as `-`.
fn row(server: &Server) -> String {
    let status = server.status.as_ref().map_or("-", |s| s.as_str());
    let uuid = server
        .uuid
        .map_or_else(|| "-".to_owned(), |u| u.to_string());
    let tools = server
        .tool_count
        .map_or_else(|| "-".to_owned(), |n| n.to_string());
    format!(
        "{:<32} {status:<8} {uuid:<36} {tools:>5}",
        truncate(&server.name, 32)
    )
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width - 1).collect();
    cut.push('…');
    cut
}

/// A fake site with a few servers in different states, some with tools.
async fn seeded_fake() -> Result<FakeGetMcp> {
    let fake = FakeGetMcp::start().await;
    let client = getmcp::Client::builder(fake.uri())
        .api_key(fake.api_key())
        .build()?;
    let seeds = [
        (
            "GitHub Tools",
            &["list_repos", "create_issue", "merge_pr"][..],
        ),
        ("Stripe Payments", &["create_customer", "refund"][..]),
        ("Weather", &["get_forecast"][..]),
        ("Internal Docs", &[][..]),
    ];
    for (name, tools) in seeds {
        let (id, _) = fake.seed_server(name);
        for tool in tools {
            fake.seed_tool(id, tool);
        }
    }
    client.toggle_server(2u64).await?;
    client.duplicate_server(1u64).await?;
    Ok(fake)
}
