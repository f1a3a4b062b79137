//! Updates one GetMCP server from command-line arguments and prints the result as JSON.
//! When the test credentials change, `send()` checks with the site that they were stored
//! (re-sending them once if the site dropped them), and which credentials the server
//! now has is printed too.
//!
//! ```sh
//! # against the embedded fake (no site configured):
//! cargo run --example getmcp_update -- --name "GitHub Tools v2" --rate-limit 60
//! # the site drops credentials sent with a type change; send() re-sends them:
//! cargo run --example getmcp_update -- --auth-type bearer --bearer tok
//! # against a real site:
//! GETMCP_SITE_URL=https://yoursite.com GETMCP_API_KEY=gmcp_… \
//!   cargo run --example getmcp_update -- 836995ae-1cff-41ec-823e-a4f07ccca3a0 --status paused
//! ```

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use mcp_admin::{
    getmcp::{self, AuthType, KeyLocation, ServerRef, ServerStatus, TestAuthCredentials},
    testing::FakeGetMcp,
    Patch,
};

/// Update one GetMCP server: only the fields given are sent.
#[derive(Parser, Debug)]
struct Args {
    /// The server: a UUID or numeric id. Optional against the fake (a seeded one is used).
    server: Option<String>,
    /// The WordPress site; without it, an embedded fake is started.
    #[arg(long, env = "GETMCP_SITE_URL")]
    site: Option<String>,
    /// The API key.
    #[arg(long, env = "GETMCP_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// New name.
    #[arg(long)]
    name: Option<String>,
    /// New description.
    #[arg(long, conflicts_with = "clear_description")]
    description: Option<String>,
    /// Empty the description.
    #[arg(long)]
    clear_description: bool,
    /// New status.
    #[arg(long, value_enum)]
    status: Option<Status>,
    /// Inbound authentication.
    #[arg(long, value_enum)]
    auth_type: Option<Auth>,
    /// Test credentials: a bearer token.
    #[arg(long, group = "credentials")]
    bearer: Option<String>,
    /// Test credentials: `username:password`.
    #[arg(long, group = "credentials")]
    basic: Option<String>,
    /// Test credentials: `Header-Name=value`, sent in a header.
    #[arg(long, group = "credentials")]
    header_key: Option<String>,
    /// Remove the test credentials (the site stores none while the type is none or oauth).
    #[arg(long, group = "credentials")]
    clear_credentials: bool,
    /// An allowed CORS origin (repeat for several).
    #[arg(long = "cors-origin", conflicts_with = "allow_all_origins")]
    cors_origins: Vec<String>,
    /// Allow every origin.
    #[arg(long)]
    allow_all_origins: bool,
    /// Requests per minute (-1 = no limit, 0 = site default).
    #[arg(long, allow_hyphen_values = true)]
    rate_limit: Option<i64>,
    /// Send the update as POST with X-HTTP-Method-Override (hosts that block PATCH).
    #[arg(long)]
    patch_via_post: bool,
}

#[derive(Clone, Debug, ValueEnum)]
enum Status {
    Active,
    Paused,
    Draft,
}

#[derive(Clone, Debug, ValueEnum)]
enum Auth {
    None,
    Bearer,
    ApiKey,
    Basic,
    Oauth,
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
    let (client, server, _fake) = match (&args.site, &args.api_key) {
        (Some(site), Some(key)) => {
            eprintln!("GetMCP site {site}");
            let server: ServerRef = args
                .server
                .as_deref()
                .ok_or("give the server's UUID or id")?
                .parse()?;
            let client = getmcp::Client::builder(site.as_str())
                .api_key(key.as_str())
                .patch_via_post(args.patch_via_post)
                .build()?;
            (client, server, None)
        }
        (Some(_), None) => {
            return Err("GETMCP_API_KEY (or --api-key) is required with a site".into())
        }
        (None, _) => {
            let fake = FakeGetMcp::start().await;
            let (_, uuid) = fake.seed_server("GitHub Tools");
            eprintln!("no site given: using the embedded fake at {}", fake.uri());
            let server = match &args.server {
                Some(s) => s.parse()?,
                None => ServerRef::from(uuid),
            };
            let client = getmcp::Client::builder(fake.uri())
                .api_key(fake.api_key())
                .patch_via_post(args.patch_via_post)
                .build()?;
            (client, server, Some(fake))
        }
    };

    let status = args.status.map(|status| match status {
        Status::Active => ServerStatus::Active,
        Status::Paused => ServerStatus::Paused,
        Status::Draft => ServerStatus::Draft,
    });
    let auth_type = args.auth_type.map(|auth| match auth {
        Auth::None => AuthType::NoAuth,
        Auth::Bearer => AuthType::Bearer,
        Auth::ApiKey => AuthType::ApiKey,
        Auth::Basic => AuthType::Basic,
        Auth::Oauth => AuthType::OAuth,
    });
    let credentials = match (args.bearer, args.basic, args.header_key) {
        (Some(token), _, _) => Some(TestAuthCredentials::bearer(token)),
        (_, Some(pair), _) => {
            let (user, password) = pair
                .split_once(':')
                .ok_or("--basic takes username:password")?;
            Some(TestAuthCredentials::basic(user, password))
        }
        (_, _, Some(pair)) => {
            let (name, value) = pair
                .split_once('=')
                .ok_or("--header-key takes Name=value")?;
            Some(TestAuthCredentials::api_key(
                name,
                value,
                KeyLocation::Header,
            ))
        }
        (None, None, None) => None,
    };
    let origins = (!args.cors_origins.is_empty()).then_some(args.cors_origins);
    let credentials_changed = credentials.is_some() || args.clear_credentials;

    let update = client
        .update_server(server)
        .set_name(args.name)
        .set_description(Patch::from(args.description).clear_if(args.clear_description))
        .set_status(status)
        .set_auth_type(auth_type)
        .set_test_auth_credentials(Patch::from(credentials).clear_if(args.clear_credentials))
        .set_cors_origins(Patch::from(origins).clear_if(args.allow_all_origins))
        .set_rate_limit_per_min(args.rate_limit);

    let updated = update.send().await?;
    println!("{}", serde_json::to_string_pretty(&updated)?);
    if credentials_changed {
        let status = client.get_server_credentials(server).await?;
        eprintln!(
            "stored credentials: test {}, inbound {}, outbound {}",
            status.has_test_auth_credentials,
            status.has_auth_credentials,
            status.has_outbound_auth_credentials
        );
    }
    Ok(())
}
