//! Server export and import, the hosted edition's `GET /servers/{id}/export` and
//! `POST /servers/import`.
//!
//! The vendor publishes no schema for the document, so the fake's is its own: the
//! server as `GET` answers it inside `{"server": …}`, without what the service assigns
//! (`id`, `createdAt`, `updatedAt`, `version`), attachments as ids. An import is then a
//! `POST /servers` of that document: the same checks (a 422 for a body that does not
//! decode, a 400 for a bad name, …), a new server at version 1 with the same links.

use serde_json::{json, Value};

use super::{emulation, servers, state::State};
use crate::testing::shell::Reply;

/// `GET /servers/{id}/export`: 404 for an unknown server, as its read.
pub(super) fn export(st: &State, id: &str) -> Reply {
    if let Err(reply) = servers::lookup(st, id) {
        return reply;
    }
    let Some(Value::Object(mut server)) = servers::find(st, id) else {
        return emulation::internal("failed to export server");
    };
    for assigned in ["id", "createdAt", "updatedAt", "version"] {
        server.remove(assigned);
    }
    emulation::json(200, json!({ "server": server }).to_string())
}

/// `POST /servers/import`: 201 with the new server.
pub(super) fn import(st: &mut State, body: &[u8]) -> Reply {
    servers::create(st, body)
}
