//! GetMCP (WordPress plugin) client.
mod models;
pub use models::*;
