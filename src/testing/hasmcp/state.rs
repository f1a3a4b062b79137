//! The fake HasMCP's state and its router: what every resource shares (the clock, the
//! id sequence) and which handler a request goes to.

use std::{collections::BTreeMap, time::Instant};

use super::{
    catalog::{Catalog, Links},
    emulation::{self, encode_id},
    items::{self, ItemKind},
    limits::{self, RateLimiter, Verdict},
    links::{self, Kind},
    providers,
    servers::{self, Server},
    tokens::{self, Token},
    tools, transfer, variables, Edition, FakeHasMcp,
};
use crate::testing::{
    mix,
    shell::{FakeServer, Platform, Reply},
    Clock, RecordedRequest,
};

/// Everything the fake knows, behind one lock.
#[derive(Debug, Default)]
pub(super) struct State {
    /// Which edition the fake plays, fixed when it starts.
    pub(super) edition: Edition,
    pub(super) clock: Clock,
    /// How many ids were generated.
    ids: u64,
    pub(super) servers: BTreeMap<String, Server>,
    /// Providers and their tools, resources, prompts and variables.
    pub(super) catalog: Catalog,
    /// What is attached to which server.
    pub(super) links: Links,
    /// Minted MCP client tokens, without their values.
    pub(super) tokens: Vec<Token>,
    /// The provider of each resource and prompt made under one (hosted edition), by
    /// canonical item id.
    pub(super) owners: BTreeMap<String, String>,
    pub(super) limiter: RateLimiter,
}

impl State {
    /// An empty state of `edition`.
    pub(super) fn new(edition: Edition) -> Self {
        State {
            edition,
            ..State::default()
        }
    }

    /// A fresh id: 11 base62 characters, never given out before and held by nothing
    /// (seeds may bring their own ids).
    pub(super) fn new_id(&mut self) -> String {
        loop {
            self.ids += 1;
            // Below 2^62: positive as an int64, so the id round-trips like a real one.
            let n = mix(self.ids) >> 2;
            let id = encode_id(n);
            let taken = self.servers.contains_key(&id)
                || self.catalog.holds(&id)
                || self.tokens.iter().any(|t| t.id == id);
            if n != 0 && !taken {
                return id;
            }
        }
    }
}

/// A route the fake serves, with its path parameters. Each resource adds its routes
/// here and its handlers in a module of its own.
enum Route<'a> {
    /// `/api/v1/servers`
    Servers,
    /// `/api/v1/servers/{id}`
    Server(&'a str),
    /// `/api/v1/servers/{id}/{tools|resources|prompts}`
    Links(&'a str, Kind),
    /// `/api/v1/servers/{id}/{tools|resources|prompts}/{itemID}`
    Link(&'a str, Kind, &'a str),
    /// `/api/v1/servers/{id}/tokens`
    Tokens(&'a str),
    /// `/api/v1/servers/{id}/tokens/{tokenID}`
    Token(&'a str, &'a str),
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
    /// `/api/v1/providers/{id}/resources` and `…/prompts` (hosted)
    ProviderItems(&'a str, ItemKind),
    /// `/api/v1/providers/{id}/resources/{resourceID}` and `…/prompts/{promptID}`
    /// (hosted)
    ProviderItem(&'a str, ItemKind, &'a str),
    /// `/api/v1/servers/{id}/export` (hosted)
    Export(&'a str),
}

impl<'a> Route<'a> {
    fn of(path: &'a str) -> Option<Self> {
        let rest = path.strip_prefix("/api/v1/")?;
        // The router strips every trailing slash (`/servers/{id}//` is the server).
        let rest = rest.trim_end_matches('/');
        let segments: Vec<&str> = rest.split('/').collect();
        if segments.iter().skip(1).any(|s| s.is_empty()) {
            return None;
        }
        match segments.as_slice() {
            ["servers"] => Some(Route::Servers),
            ["servers", id] => Some(Route::Server(id)),
            ["servers", id, "tokens"] => Some(Route::Tokens(id)),
            ["servers", id, "export"] => Some(Route::Export(id)),
            ["servers", id, "tokens", token] => Some(Route::Token(id, token)),
            ["servers", id, kind] => Kind::of(kind).map(|k| Route::Links(id, k)),
            ["servers", id, kind, item] => Kind::of(kind).map(|k| Route::Link(id, k, item)),
            ["providers"] => Some(Route::Providers),
            ["providers", id] => Some(Route::Provider(id)),
            ["providers", id, "tools"] => Some(Route::ProviderTools(id)),
            ["providers", id, "tools", tool] => Some(Route::ProviderTool(id, tool)),
            ["providers", id, kind] => ItemKind::of(kind).map(|k| Route::ProviderItems(id, k)),
            ["providers", id, kind, item] => {
                ItemKind::of(kind).map(|k| Route::ProviderItem(id, k, item))
            }
            ["variables"] => Some(Route::Variables),
            ["variables", id] => Some(Route::Variable(id)),
            ["resources"] => Some(Route::Items(ItemKind::Resource)),
            ["resources", id] => Some(Route::Item(ItemKind::Resource, id)),
            ["prompts"] => Some(Route::Items(ItemKind::Prompt)),
            ["prompts", id] => Some(Route::Item(ItemKind::Prompt, id)),
            _ => None,
        }
    }

    /// The methods `edition` registers on this route (a `GET` also answers `HEAD`).
    fn methods(&self, edition: Edition) -> &'static [&'static str] {
        let hosted = edition == Edition::Hosted;
        match self {
            // `POST /servers/import` (hosted) shares the path of `/servers/{id}`.
            Route::Server(id) if hosted && *id == "import" => {
                &["GET", "HEAD", "POST", "DELETE", "PATCH"]
            }
            // The open-source edition mints tokens but neither lists nor revokes them.
            Route::Tokens(_) if !hosted => &["POST"],
            Route::Token(..) if !hosted => &[],
            // Resources and prompts: at the top level in the open-source edition, under
            // a provider in the hosted one; server export only in the hosted one.
            Route::Items(_) | Route::Item(..) if hosted => &[],
            Route::ProviderItems(..) | Route::ProviderItem(..) | Route::Export(_) if !hosted => &[],
            Route::ProviderItems(..) => &["GET", "HEAD", "POST"],
            Route::ProviderItem(..) => &["GET", "HEAD", "DELETE", "PATCH"],
            Route::Export(_) => &["GET", "HEAD"],
            Route::Servers | Route::Links(..) | Route::Tokens(_) => &["GET", "HEAD", "POST"],
            Route::Server(_) => &["GET", "HEAD", "DELETE", "PATCH"],
            Route::Link(..) | Route::Token(..) => &["DELETE"],
            Route::Providers | Route::ProviderTools(_) | Route::Variables | Route::Items(_) => {
                &["GET", "HEAD", "POST"]
            }
            Route::Provider(_) | Route::ProviderTool(..) | Route::Item(..) => {
                &["GET", "HEAD", "DELETE", "PATCH"]
            }
            Route::Variable(_) => &["DELETE", "PATCH"],
        }
    }
}

/// The methods the framework knows, in its order.
const METHODS: [&str; 9] = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
];

/// The `Allow` header of a 405: every method some route matches for the path, in the
/// framework's order. The web app's catch-all `GET /*` matches every path, so `GET`
/// and `HEAD` are always in it.
fn allow(route: Option<&Route<'_>>, edition: Edition, method: &str) -> String {
    let registered = route.map_or(&[][..], |r| r.methods(edition));
    METHODS
        .into_iter()
        .filter(|m| *m != method && (matches!(*m, "GET" | "HEAD") || registered.contains(m)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Platform for State {
    type Fake = FakeHasMcp;
    const NAME: &'static str = "FakeHasMcp";
    const RATE_LIMITED: &'static str = r#"{"error": {"message":"ratelimited", "code":429}}"#;
    /// The framework's `ServerHeader`: the app's short name and version.
    const SERVER: Option<&'static str> = Some("hasmcp-ce v0.2.2");

    fn internal_error(reason: &str) -> Reply {
        emulation::internal(reason)
    }

    fn is_write(req: &RecordedRequest) -> bool {
        !matches!(req.method.as_str(), "GET" | "HEAD" | "OPTIONS")
    }

    fn handle(&mut self, req: &RecordedRequest, authorized: bool) -> Reply {
        // The framework refuses a large body before any middleware.
        if req.body.len() > limits::MAX_BODY_BYTES {
            return limits::body_too_large();
        }
        // The framework knows nine methods and refuses any other before any middleware.
        if !METHODS.contains(&req.method.as_str()) {
            return Reply::text(400, "Invalid http method");
        }
        // The API's middleware (CORS, rate limiter, authentication) is mounted on the
        // prefix, so it also runs for `/api/v1foo`.
        if !req.path.starts_with("/api/v1") {
            return self.route(req);
        }
        let options = req.method == "OPTIONS";
        let has = |name| req.header(name).is_some_and(|v| !v.is_empty());
        if options && has("origin") && has("access-control-request-method") {
            // A CORS preflight, answered by the CORS middleware before the limiter.
            return Reply::text(204, "");
        }
        let headers = match self.limiter.check(Instant::now()) {
            Verdict::Limited(reply) => return reply,
            Verdict::Pass(headers) => headers,
            Verdict::Off => Vec::new(),
        };
        // Authentication lets every `OPTIONS` through (then no route has the method).
        let reply = if authorized || options {
            self.route(req)
        } else {
            emulation::unauthorized()
        };
        headers
            .into_iter()
            .fold(reply, |reply, (name, value)| reply.header(name, value))
    }
}

impl State {
    /// The handler of an authorized request.
    fn route(&mut self, req: &RecordedRequest) -> Reply {
        let (path, body) = (req.path.as_str(), req.body.as_slice());
        let method = match req.method.as_str() {
            "HEAD" => "GET",
            method => method,
        };
        let edition = self.edition;
        // A route the edition does not register is no route: the web app's catch-all
        // answers its `GET`, and any other method is a 405.
        let route = Route::of(path).filter(|r| r.methods(edition).contains(&method));
        match (&route, method) {
            (Some(Route::Server(_)), "POST") => transfer::import(self, body),
            (Some(Route::Export(id)), "GET") => transfer::export(self, id),
            (Some(Route::ProviderItems(provider, kind)), "GET") => {
                items::list_under(self, *kind, provider)
            }
            (Some(Route::ProviderItems(provider, kind)), "POST") => {
                items::create_under(self, *kind, provider, body)
            }
            (Some(Route::ProviderItem(provider, kind, id)), "GET") => {
                items::get_under(self, *kind, provider, id)
            }
            (Some(Route::ProviderItem(provider, kind, id)), "PATCH") => {
                items::patch_under(self, *kind, provider, id, body)
            }
            (Some(Route::ProviderItem(provider, kind, id)), "DELETE") => {
                items::delete_under(self, *kind, provider, id)
            }
            (Some(Route::Servers), "GET") => servers::list(self),
            (Some(Route::Servers), "POST") => servers::create(self, body),
            (Some(Route::Server(id)), "GET") => servers::get(self, id),
            (Some(Route::Server(id)), "PATCH") => servers::patch(self, id, body),
            (Some(Route::Server(id)), "DELETE") => servers::delete(self, id),
            (Some(Route::Links(id, kind)), "GET") => links::list(self, *kind, id),
            (Some(Route::Links(id, kind)), "POST") => links::link(self, *kind, id, body),
            (Some(Route::Link(id, kind, item)), "DELETE") => links::unlink(self, *kind, id, item),
            (Some(Route::Tokens(id)), "GET") => tokens::list(self, id),
            (Some(Route::Tokens(id)), "POST") => tokens::create(self, id, body),
            (Some(Route::Token(id, token)), "DELETE") => tokens::revoke(self, id, token),
            (Some(Route::Providers), "GET") => providers::list(self),
            (Some(Route::Providers), "POST") => providers::create(self, body),
            (Some(Route::Provider(id)), "GET") => providers::get(self, id),
            (Some(Route::Provider(id)), "PATCH") => providers::patch(self, id, body),
            (Some(Route::Provider(id)), "DELETE") => {
                // Under the hosted edition a provider's resources and prompts go with it.
                items::delete_owned_by(self, id);
                providers::delete(self, id)
            }
            (Some(Route::ProviderTools(id)), "GET") => tools::list(self, id),
            (Some(Route::ProviderTools(id)), "POST") => tools::create(self, id, body),
            (Some(Route::ProviderTool(_, tool)), "GET") => tools::get(self, tool),
            (Some(Route::ProviderTool(id, tool)), "PATCH") => tools::patch(self, id, tool, body),
            (Some(Route::ProviderTool(id, tool)), "DELETE") => tools::delete(self, id, tool),
            (Some(Route::Variables), "GET") => variables::list(self),
            (Some(Route::Variables), "POST") => variables::create(self, body),
            (Some(Route::Variable(id)), "PATCH") => {
                let reply = variables::patch(self, id, body);
                match edition {
                    // The vendor's document answers 200 with the variable.
                    Edition::Hosted if reply.status() == 204 => variables::answer(self, id),
                    _ => reply,
                }
            }
            (Some(Route::Variable(id)), "DELETE") => variables::delete(self, id),
            (Some(Route::Items(kind)), "GET") => items::list(self, *kind),
            (Some(Route::Items(kind)), "POST") => items::create(self, *kind, body),
            (Some(Route::Item(kind, id)), "GET") => items::get(self, *kind, id),
            (Some(Route::Item(kind, id)), "PATCH") => items::patch(self, *kind, id, body),
            (Some(Route::Item(kind, id)), "DELETE") => items::delete(self, *kind, id),
            (_, "GET") => emulation::web_page(),
            (_, _) => Reply::text(405, "Method Not Allowed").header(
                "allow",
                allow(Route::of(path).as_ref(), edition, req.method.as_str()),
            ),
        }
    }
}

impl From<FakeServer<State>> for FakeHasMcp {
    fn from(server: FakeServer<State>) -> Self {
        FakeHasMcp(server)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_lists_what_the_path_answers_in_the_frameworks_order() {
        let open = Edition::OpenSource;
        let server = Route::of("/api/v1/servers/00000000001");
        assert_eq!(
            allow(server.as_ref(), open, "PUT"),
            "GET, HEAD, DELETE, PATCH"
        );
        let link = Route::of("/api/v1/servers/00000000001/tools/00000000002");
        assert_eq!(allow(link.as_ref(), open, "POST"), "GET, HEAD, DELETE");
        assert_eq!(allow(None, open, "POST"), "GET, HEAD");
        let servers = Route::of("/api/v1/servers/");
        assert_eq!(allow(servers.as_ref(), open, "DELETE"), "GET, HEAD, POST");
        // Each edition's Allow names only the routes it has.
        let hosted = Edition::Hosted;
        let tokens = Route::of("/api/v1/servers/00000000001/tokens/00000000002");
        assert_eq!(allow(tokens.as_ref(), open, "DELETE"), "GET, HEAD");
        assert_eq!(allow(tokens.as_ref(), hosted, "PUT"), "GET, HEAD, DELETE");
        let import = Route::of("/api/v1/servers/import");
        assert_eq!(
            allow(import.as_ref(), open, "POST"),
            "GET, HEAD, DELETE, PATCH"
        );
        assert_eq!(
            allow(import.as_ref(), hosted, "PUT"),
            "GET, HEAD, POST, DELETE, PATCH"
        );
        let nested = Route::of("/api/v1/providers/00000000001/prompts/00000000002");
        assert_eq!(allow(nested.as_ref(), open, "PATCH"), "GET, HEAD");
        assert_eq!(
            allow(nested.as_ref(), hosted, "PUT"),
            "GET, HEAD, DELETE, PATCH"
        );
        let top = Route::of("/api/v1/resources");
        assert_eq!(allow(top.as_ref(), hosted, "PUT"), "GET, HEAD");
        assert_eq!(allow(top.as_ref(), open, "PUT"), "GET, HEAD, POST");
        assert!(Route::of("/api/v1/servers/x/widgets").is_none());
        assert!(Route::of("/api/v1/servers//tools").is_none());
    }
}
