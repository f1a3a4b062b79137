//! The pieces of the `sdk` benchmark that are not measurements: fixtures, the loopback
//! HTTP server, the raw-reqwest baselines and the summary table.

pub mod baseline;
pub mod fixtures;
pub mod report;
pub mod server;
pub mod updates;
