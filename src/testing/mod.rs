//! Stateful fake HasMCP and GetMCP servers, for testing code that uses this crate
//! without the real services (feature `testing`).
//!
//! Each fake listens on a random loopback port and keeps servers in memory. It answers
//! the way the real API does — the status codes, error bodies and quirks in the
//! crate's notes on both APIs — rather than with canned replies: GetMCP merges only
//! the keys sent; HasMCP replaces what a PATCH omits and ignores a stale version for
//! everything but the attachments. Tests can seed servers, inspect state, inject
//! faults (rate limits, outages, error pages, slow answers) and play a concurrent
//! writer just before a write lands ([`FakeHasMcp::before_next_write`]).
//!
//! Ids, UUIDs and timestamps are deterministic: the same calls on a new fake give the
//! same results. Time is a logical clock that starts at `2025-01-01T00:00:00Z` and
//! moves one second with every write, so `updated_at` always moves on an update.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), mcp_admin::Error> {
//! use mcp_admin::{getmcp, hasmcp, testing::{FakeGetMcp, FakeHasMcp}};
//!
//! let fake = FakeGetMcp::start().await;
//! let (id, _uuid) = fake.seed_server("GitHub Tools");
//! let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
//! let server = gm.update_server(id).description("Tools for GitHub").send().await?;
//! assert_eq!(server.description(), Some("Tools for GitHub"));
//! assert_eq!(fake.server(id).unwrap()["settings"]["description"], "Tools for GitHub");
//!
//! let fake = FakeHasMcp::start().await;
//! let id = fake.seed_server("GitHubTools", "Use these tools for GitHub");
//! let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
//! let server = hm.update_server(id.as_str()).name("GitHubTools2").send().await?;
//! assert_eq!(server.version, Some(2));
//! assert_eq!(server.instructions_text(), "Use these tools for GitHub");
//! # Ok(()) }
//! ```
//!
//! The fakes record every request they receive as a [`RecordedRequest`]; see
//! [`FakeHasMcp::requests`].
//!
//! Each fake serves HTTP/1.1 from a thread of its own, so it keeps answering whatever
//! the test's runtime is doing, and stops when it is dropped. Starting one panics when
//! the machine cannot give it a loopback port or a thread: a test cannot run without
//! them.

mod faults;
mod getmcp;
mod hasmcp;
mod request;
mod shell;

use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Duration as TimeDelta, Utc};

pub use faults::Fault;
pub use getmcp::FakeGetMcp;
pub use hasmcp::{Edition, FakeHasMcp, FakeHasMcpBuilder};
pub use request::RecordedRequest;

/// Locks shared state. A panic while it was held cannot leave it half-written (every
/// change is computed first and stored at the end), so a poisoned lock is used as is.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A logical clock: deterministic, and strictly increasing with every write.
#[derive(Debug)]
struct Clock(DateTime<Utc>);

impl Default for Clock {
    fn default() -> Self {
        // 2025-01-01T00:00:00Z
        Clock(DateTime::<Utc>::UNIX_EPOCH + TimeDelta::seconds(1_735_689_600))
    }
}

impl Clock {
    /// Moves one second forward and returns the new time.
    fn tick(&mut self) -> DateTime<Utc> {
        self.0 += TimeDelta::seconds(1);
        self.0
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the form both platforms use.
fn rfc3339(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// SplitMix64: a fixed, well-mixed sequence for ids that look random but are not.
fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
