//! GetMCP, the WordPress plugin: client, models and the partial-update builder.
//!
//! GetMCP's `PATCH /wp-json/getmcp/v1/servers/{id}` is a true merge-PATCH: only the
//! keys present change. [`UpdateServer`] sends exactly the fields you set.
//!
//! ```no_run
//! # async fn demo() -> Result<(), mcp_admin::Error> {
//! use mcp_admin::getmcp;
//!
//! let gm = getmcp::Client::from_env()?; // GETMCP_SITE_URL, GETMCP_API_KEY
//! let server = gm.update_server(42u64).description("Updated tools for GitHub").send().await?;
//! assert_eq!(server.description(), Some("Updated tools for GitHub"));
//! # Ok(()) }
//! ```
mod client;
mod credentials;
mod models;
mod update;

pub use client::{Client, ClientBuilder, API_KEY_VAR, SITE_URL_VAR};
pub use credentials::{KeyLocation, TestAuthCredentials};
pub use models::*;
pub use update::UpdateServer;
