//! HasMCP: client, models and the update builder.
//!
//! HasMCP's PATCH replaces what it is not sent, so [`UpdateServer::send`] reads the
//! server first and sends the whole merged state with the version it read: the builder
//! is a true partial update anyway. See [`UpdateServer`] for the details and for
//! [`UpdateServer::send_exact`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), mcp_admin::Error> {
//! use mcp_admin::hasmcp;
//!
//! let hm = hasmcp::Client::from_env()?; // HASMCP_ACCESS_TOKEN, optional HASMCP_BASE_URL
//! let server = hm
//!     .update_server("kSuB9Gf6aD4")
//!     .instructions("Use these tools for GitHub")
//!     .expected_version(3)
//!     .send()
//!     .await?;
//! assert_eq!(server.version, Some(4));
//! # Ok(()) }
//! ```
mod client;
mod models;
mod update;

pub use client::{Client, ClientBuilder, ACCESS_TOKEN_VAR, BASE_URL_VAR, DEFAULT_BASE_URL};
pub use models::*;
pub use update::UpdateServer;
