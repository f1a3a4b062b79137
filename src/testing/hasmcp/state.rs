//! The fake HasMCP's state and its router: what every resource shares (the clock, the
//! id sequence) and which handler a request goes to.

use std::collections::BTreeMap;

use super::{
    catalog::{Catalog, Links},
    emulation::{self, encode_id},
    servers::{self, Server},
    FakeHasMcp,
};
use crate::testing::{
    mix,
    shell::{FakeServer, Platform, Reply},
    Clock, RecordedRequest,
};

/// Everything the fake knows, behind one lock.
#[derive(Debug, Default)]
pub(super) struct State {
    pub(super) clock: Clock,
    /// How many ids were generated.
    ids: u64,
    pub(super) servers: BTreeMap<String, Server>,
    /// Providers and their tools, resources, prompts and variables.
    pub(super) catalog: Catalog,
    /// What is attached to which server.
    pub(super) links: Links,
}

impl State {
    /// A fresh id: 11 base62 characters, never given out before and held by nothing
    /// (seeds may bring their own ids).
    pub(super) fn new_id(&mut self) -> String {
        loop {
            self.ids += 1;
            // Below 2^62: positive as an int64, so the id round-trips like a real one.
            let n = mix(self.ids) >> 2;
            let id = encode_id(n);
            if n != 0 && !self.servers.contains_key(&id) && !self.catalog.holds(&id) {
                return id;
            }
        }
    }
}

/// A route the fake serves, with its path parameters. Each resource adds its routes
/// here and its handlers in a module of its own.
enum Route<'a> {
    /// `/api/v1/servers/{id}`
    Server(&'a str),
}

impl<'a> Route<'a> {
    fn of(path: &'a str) -> Option<Self> {
        let rest = path.strip_prefix("/api/v1/")?;
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let segments: Vec<&str> = rest.split('/').collect();
        match segments.as_slice() {
            ["servers", id] if !id.is_empty() => Some(Route::Server(id)),
            _ => None,
        }
    }
}

impl Platform for State {
    type Fake = FakeHasMcp;
    const NAME: &'static str = "FakeHasMcp";
    const RATE_LIMITED: &'static str = r#"{"error": {"message":"ratelimited", "code":429}}"#;

    fn internal_error(reason: &str) -> Reply {
        emulation::error(
            500,
            "internal server error",
            serde_json::json!({ "reason": reason }),
        )
    }

    fn is_write(req: &RecordedRequest) -> bool {
        !matches!(req.method.as_str(), "GET" | "HEAD" | "OPTIONS")
    }

    fn handle(&mut self, req: &RecordedRequest, authorized: bool) -> Reply {
        let path = req.path.as_str();
        let under_api = path == "/api/v1" || path.starts_with("/api/v1/");
        if under_api && !authorized {
            return emulation::unauthorized();
        }
        let method = req.method.as_str();
        match (Route::of(path), method) {
            (Some(Route::Server(id)), "GET") => servers::get(self, id),
            (Some(Route::Server(id)), "PATCH") => servers::patch(self, id, &req.body),
            (Some(_), _) => Reply::text(405, "Method Not Allowed"),
            (None, _) => Reply::text(404, format!("Cannot {method} {path}")),
        }
    }
}

impl From<FakeServer<State>> for FakeHasMcp {
    fn from(server: FakeServer<State>) -> Self {
        FakeHasMcp(server)
    }
}
