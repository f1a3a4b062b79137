//! The fake GetMCP's state and its router: what every route shares (the site URL, the
//! clock, the id sequence) and which handler a request goes to.

use super::{
    children::{self, Kind, Table},
    credentials,
    emulation::{self, effective_method},
    lifecycle,
    prompts::PROMPTS,
    resources::RESOURCES,
    servers::{self, Record},
    tools::TOOLS,
    FakeGetMcp,
};
use crate::{
    getmcp::ServerRef,
    testing::{
        shell::{FakeServer, Platform, Reply},
        Clock, RecordedRequest,
    },
};

/// Everything the fake knows, behind one lock.
#[derive(Debug)]
pub(super) struct State {
    /// The site URL, for `endpoint_url`.
    pub(super) site: String,
    pub(super) clock: Clock,
    /// The highest numeric id given out or inserted.
    pub(super) last_id: u64,
    pub(super) servers: Vec<Record>,
    pub(super) tools: Table,
    pub(super) resources: Table,
    pub(super) prompts: Table,
}

impl State {
    pub(super) fn new(site: &str) -> Self {
        State {
            site: site.to_owned(),
            clock: Clock::default(),
            last_id: 0,
            servers: Vec::new(),
            tools: Table::default(),
            resources: Table::default(),
            prompts: Table::default(),
        }
    }
}

/// A route the fake serves, with its path parameters. Each resource adds its routes
/// here and its handlers in a module of its own. A server id that matches a route's
/// pattern but no server can have is `None`.
enum Route {
    /// `/getmcp/v1/servers`
    Servers,
    /// `/getmcp/v1/servers/{id}`
    Server(Option<ServerRef>),
    /// `/getmcp/v1/servers/{id}/credentials`.
    ServerCredentials(Option<ServerRef>),
    /// `/getmcp/v1/servers/{id}/toggle`
    Toggle(Option<ServerRef>),
    /// `/getmcp/v1/servers/{id}/duplicate`
    Duplicate(Option<ServerRef>),
    /// `/getmcp/v1/servers/{server_id}/tools`, `/resources` or `/prompts`
    Children(&'static Kind, Option<ServerRef>),
    /// `/getmcp/v1/servers/{server_id}/tools/{id}`, and so on
    Child(&'static Kind, Option<ServerRef>, Option<ServerRef>),
}

impl Route {
    /// The route of a path below `/wp-json`.
    fn of(route: &str) -> Option<Self> {
        let route = route.trim_end_matches('/');
        if route == "/getmcp/v1/servers" {
            return Some(Route::Servers);
        }
        let rest = route.strip_prefix("/getmcp/v1/servers/")?;
        let mut parts = rest.splitn(3, '/');
        let server = servers::route_id(parts.next()?)?;
        let (what, child) = (parts.next(), parts.next());
        let kind = |name: &str| {
            [&TOOLS, &RESOURCES, &PROMPTS]
                .into_iter()
                .find(|kind| name.strip_suffix('s') == Some(kind.name))
        };
        Some(match (what, child) {
            (None, _) => Route::Server(server),
            (Some("credentials"), None) => Route::ServerCredentials(server),
            (Some("toggle"), None) => Route::Toggle(server),
            (Some("duplicate"), None) => Route::Duplicate(server),
            (Some(name), None) => Route::Children(kind(name)?, server),
            (Some(name), Some(id)) => {
                let kind = kind(name)?;
                Route::Child(kind, server, kind.route_id(id)?)
            }
        })
    }

    /// The methods the plugin registers on the route, as WordPress lists them in the
    /// `Allow` header of an answer to a caller allowed to use them.
    fn allow(&self) -> &'static str {
        match self {
            Route::Servers | Route::Children(..) => "GET, POST",
            Route::Server(_) | Route::Child(..) => "GET, PATCH, DELETE",
            Route::ServerCredentials(_) => "GET",
            Route::Toggle(_) => "PATCH",
            Route::Duplicate(_) => "POST",
        }
    }
}

impl Platform for State {
    type Fake = FakeGetMcp;
    const NAME: &'static str = "FakeGetMcp";
    const RATE_LIMITED: &'static str = "Too Many Requests";

    fn internal_error(_reason: &str) -> Reply {
        emulation::critical_error()
    }

    fn is_write(req: &RecordedRequest) -> bool {
        !matches!(effective_method(req).as_str(), "GET" | "HEAD" | "OPTIONS")
    }

    fn handle(&mut self, req: &RecordedRequest, authorized: bool) -> Reply {
        let Some(path) = req.path.strip_prefix("/wp-json") else {
            return emulation::page_not_found();
        };
        let Some(route) = Route::of(path) else {
            return emulation::no_route();
        };
        let reply = match (&route, effective_method(req).as_str()) {
            (Route::Servers, "GET" | "HEAD") => lifecycle::list(self, req, authorized),
            (Route::Servers, "POST") => lifecycle::create(self, req, authorized),
            (Route::Server(id), "GET" | "HEAD") => servers::get(self, *id, authorized),
            (Route::Server(id), "PATCH") => servers::patch(self, req, *id, authorized),
            (Route::Server(id), "DELETE") => lifecycle::delete(self, *id, authorized),
            (Route::ServerCredentials(id), "GET" | "HEAD") => {
                credentials::get(self, *id, authorized)
            }
            (Route::Toggle(id), "PATCH") => lifecycle::toggle(self, *id, authorized),
            (Route::Duplicate(id), "POST") => lifecycle::duplicate(self, *id, authorized),
            (Route::Children(kind, server), method) => {
                let answer = match method {
                    "GET" | "HEAD" => children::list(self, kind, req, *server, authorized),
                    "POST" => children::create(self, kind, req, *server, authorized),
                    _ => Err(emulation::no_route()),
                };
                answer.unwrap_or_else(|refused| refused)
            }
            (Route::Child(kind, server, id), method) => {
                let answer = match method {
                    "GET" | "HEAD" => children::get(self, kind, *server, *id, authorized),
                    "PATCH" => children::patch(self, kind, req, *server, *id, authorized),
                    "DELETE" => children::delete(self, kind, *server, *id, authorized),
                    _ => Err(emulation::no_route()),
                };
                answer.unwrap_or_else(|refused| refused)
            }
            _ => return emulation::no_route(),
        };
        // WordPress lists the route's methods whose permission check passes: all of
        // them with the key, none without.
        if authorized {
            reply.header("Allow", route.allow())
        } else {
            reply
        }
    }
}

impl From<FakeServer<State>> for FakeGetMcp {
    fn from(server: FakeServer<State>) -> Self {
        FakeGetMcp(server)
    }
}
