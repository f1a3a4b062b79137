//! The fake GetMCP's state and its router: what every route shares (the site URL, the
//! clock, the id sequence) and which handler a request goes to.

use super::{
    emulation::{self, effective_method},
    servers::{self, Record},
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
}

impl State {
    pub(super) fn new(site: &str) -> Self {
        State {
            site: site.to_owned(),
            clock: Clock::default(),
            last_id: 0,
            servers: Vec::new(),
        }
    }
}

/// A route the fake serves, with its path parameters. Each resource adds its routes
/// here and its handlers in a module of its own.
enum Route {
    /// `/getmcp/v1/servers/{id}`; `None` for an id that matches the route's pattern but
    /// no server can have.
    Server(Option<ServerRef>),
}

impl Route {
    /// The route of a path below `/wp-json`.
    fn of(route: &str) -> Option<Self> {
        let route = route.trim_end_matches('/');
        if let Some(id) = route.strip_prefix("/getmcp/v1/servers/") {
            return servers::route_id(id).map(Route::Server);
        }
        None
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
        let Some(route) = req.path.strip_prefix("/wp-json") else {
            return emulation::page_not_found();
        };
        match (Route::of(route), effective_method(req).as_str()) {
            (Some(Route::Server(id)), "GET" | "HEAD") => servers::get(self, id, authorized),
            (Some(Route::Server(id)), "PATCH") => servers::patch(self, req, id, authorized),
            _ => emulation::no_route(),
        }
    }
}

impl From<FakeServer<State>> for FakeGetMcp {
    fn from(server: FakeServer<State>) -> Self {
        FakeGetMcp(server)
    }
}
