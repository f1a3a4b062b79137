//! HasMCP client.
mod models;
pub use models::*;
