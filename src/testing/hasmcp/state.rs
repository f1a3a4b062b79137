//! The fake HasMCP's state and its router: what every resource shares (the clock, the
//! id sequence) and which handler a request goes to.

use std::collections::BTreeMap;

use super::{
    catalog::{Catalog, Links},
    emulation::{self, encode_id},
    items::{self, ItemKind},
    providers,
    servers::{self, Server},
    tools, variables, FakeHasMcp,
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
    // The catalog.
    /// `/api/v1/providers`
    Providers,
    /// `/api/v1/providers/{id}`
    Provider(&'a str),
    /// `/api/v1/providers/{id}/tools`
    ProviderTools(&'a str),
    /// `/api/v1/providers/{id}/tools/{toolID}`
    ProviderTool(&'a str, &'a str),
    /// `/api/v1/variables`
    Variables,
    /// `/api/v1/variables/{id}`
    Variable(&'a str),
    /// `/api/v1/resources` and `/api/v1/prompts`
    Items(ItemKind),
    /// `/api/v1/resources/{id}` and `/api/v1/prompts/{id}`
    Item(ItemKind, &'a str),
}

impl<'a> Route<'a> {
    fn of(path: &'a str) -> Option<Self> {
        let rest = path.strip_prefix("/api/v1/")?;
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let segments: Vec<&str> = rest.split('/').collect();
        match segments.as_slice() {
            ["servers", id] if !id.is_empty() => Some(Route::Server(id)),
            ["providers"] => Some(Route::Providers),
            ["providers", id] if !id.is_empty() => Some(Route::Provider(id)),
            ["providers", id, "tools"] if !id.is_empty() => Some(Route::ProviderTools(id)),
            ["providers", id, "tools", tool] if !id.is_empty() && !tool.is_empty() => {
                Some(Route::ProviderTool(id, tool))
            }
            ["variables"] => Some(Route::Variables),
            ["variables", id] if !id.is_empty() => Some(Route::Variable(id)),
            ["resources"] => Some(Route::Items(ItemKind::Resource)),
            ["resources", id] if !id.is_empty() => Some(Route::Item(ItemKind::Resource, id)),
            ["prompts"] => Some(Route::Items(ItemKind::Prompt)),
            ["prompts", id] if !id.is_empty() => Some(Route::Item(ItemKind::Prompt, id)),
            _ => None,
        }
    }
}

impl Platform for State {
    type Fake = FakeHasMcp;
    const NAME: &'static str = "FakeHasMcp";
    const RATE_LIMITED: &'static str = r#"{"error": {"message":"ratelimited", "code":429}}"#;

    fn internal_error(reason: &str) -> Reply {
        emulation::internal(reason)
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
            (Some(Route::Providers), "GET") => providers::list(self),
            (Some(Route::Providers), "POST") => providers::create(self, &req.body),
            (Some(Route::Provider(id)), "GET") => providers::get(self, id),
            (Some(Route::Provider(id)), "PATCH") => providers::patch(self, id, &req.body),
            (Some(Route::Provider(id)), "DELETE") => providers::delete(self, id),
            (Some(Route::ProviderTools(id)), "GET") => tools::list(self, id),
            (Some(Route::ProviderTools(id)), "POST") => tools::create(self, id, &req.body),
            (Some(Route::ProviderTool(_, tool)), "GET") => tools::get(self, tool),
            (Some(Route::ProviderTool(id, tool)), "PATCH") => {
                tools::patch(self, id, tool, &req.body)
            }
            (Some(Route::ProviderTool(id, tool)), "DELETE") => tools::delete(self, id, tool),
            (Some(Route::Variables), "GET") => variables::list(self),
            (Some(Route::Variables), "POST") => variables::create(self, &req.body),
            (Some(Route::Variable(id)), "PATCH") => variables::patch(self, id, &req.body),
            (Some(Route::Variable(id)), "DELETE") => variables::delete(self, id),
            (Some(Route::Items(kind)), "GET") => items::list(self, kind),
            (Some(Route::Items(kind)), "POST") => items::create(self, kind, &req.body),
            (Some(Route::Item(kind, id)), "GET") => items::get(self, kind, id),
            (Some(Route::Item(kind, id)), "PATCH") => items::patch(self, kind, id, &req.body),
            (Some(Route::Item(kind, id)), "DELETE") => items::delete(self, kind, id),
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
