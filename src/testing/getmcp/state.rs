//! The fake GetMCP's state and its router: what every route shares (the site URL, the
//! clock, the id sequence) and which handler a request goes to.

use super::{
    credentials,
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
    /// `/getmcp/v1/servers/{id}/credentials`.
    ServerCredentials(Option<ServerRef>),
}

impl Route {
    /// The route of a path below `/wp-json`.
    fn of(route: &str) -> Option<Self> {
        let route = route.trim_end_matches('/');
        let rest = route.strip_prefix("/getmcp/v1/servers/")?;
        if let Some(id) = rest.strip_suffix("/credentials") {
            return servers::route_id(id).map(Route::ServerCredentials);
        }
        servers::route_id(rest).map(Route::Server)
    }

    /// The methods the plugin registers on the route, as WordPress lists them in the
    /// `Allow` header of an answer to a caller allowed to use them.
    fn allow(&self) -> &'static str {
        match self {
            Route::Server(_) => "GET, PATCH, DELETE",
            Route::ServerCredentials(_) => "GET",
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
            (Route::Server(id), "GET" | "HEAD") => servers::get(self, *id, authorized),
            (Route::Server(id), "PATCH") => servers::patch(self, req, *id, authorized),
            (Route::ServerCredentials(id), "GET" | "HEAD") => {
                credentials::get(self, *id, authorized)
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
