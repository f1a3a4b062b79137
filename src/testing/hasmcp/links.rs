//! A server's links to catalog items, one row at a time:
//! `GET`/`POST /servers/{id}/{tools|resources|prompts}` and
//! `DELETE /servers/{id}/{tools|resources|prompts}/{itemID}`.
//!
//! The three kinds were written separately in the service and differ in their
//! details, which the fake keeps: bad ids are a 500 for tools (plain Go errors) and a
//! 400 for resources and prompts; only tools check the server on unlink; an unknown
//! tool is a 409, an unknown resource or prompt a 404; prompt links are listed under
//! the singular key `prompt`.

use serde_json::{json, Value};

use super::{
    emulation::{
        self, canonical_id, decode, decode_id, encode_id, field, undecodable, SERVER_PROMPT_BODY,
        SERVER_RESOURCE_BODY, SERVER_TOOL_BODY,
    },
    servers,
    state::State,
};
use crate::testing::shell::Reply;

/// What a server links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Tools,
    Resources,
    Prompts,
}

impl Kind {
    /// The kind a path segment names.
    pub(super) fn of(segment: &str) -> Option<Kind> {
        match segment {
            "tools" => Some(Kind::Tools),
            "resources" => Some(Kind::Resources),
            "prompts" => Some(Kind::Prompts),
            _ => None,
        }
    }
}

/// `GET /servers/{id}/{kind}`: the link rows, `{}` when there is none (and, the list
/// not checking the server, for an unknown server too).
pub(super) fn list(st: &State, kind: Kind, server: &str) -> Reply {
    if decode_id(server) <= 0 {
        return bad_id(kind, "invalid server ID");
    }
    let attached = st.links.of(server);
    let row = |item: (&str, &str)| -> Value {
        let mut row = json!({ "serverID": canonical_id(server) });
        row[item.0] = item.1.into();
        row
    };
    let (key, rows): (&str, Vec<Value>) = match kind {
        Kind::Tools => (
            "tools",
            attached
                .tools
                .iter()
                .map(|(provider, tool)| {
                    json!({
                        "serverID": canonical_id(server),
                        "providerID": provider,
                        "toolID": tool,
                    })
                })
                .collect(),
        ),
        Kind::Resources => (
            "resources",
            attached
                .resources
                .iter()
                .map(|id| row(("resourceID", id)))
                .collect(),
        ),
        Kind::Prompts => (
            "prompt",
            attached
                .prompts
                .iter()
                .map(|id| row(("promptID", id)))
                .collect(),
        ),
    };
    let body = if rows.is_empty() {
        json!({})
    } else {
        json!({ key: rows })
    };
    emulation::json(200, body.to_string())
}

/// `POST /servers/{id}/{kind}`: adds one link; 201 with a body whose ids are all zero.
pub(super) fn link(st: &mut State, kind: Kind, server: &str, body: &[u8]) -> Reply {
    let (shape, envelope, item_key) = match kind {
        Kind::Tools => (SERVER_TOOL_BODY, "tool", "toolID"),
        Kind::Resources => (SERVER_RESOURCE_BODY, "resource", "resourceID"),
        Kind::Prompts => (SERVER_PROMPT_BODY, "prompt", "promptID"),
    };
    let Some(value) = decode(body, shape) else {
        return undecodable();
    };
    let item = field(field(&value, envelope), item_key)
        .as_str()
        .unwrap_or("")
        .to_owned();
    if let Err(reply) = check_ids(kind, server, &item) {
        return reply;
    }
    if let Err(reply) = servers::lookup(st, server) {
        return reply;
    }
    let (server_n, item_n) = (decode_id(server), decode_id(&item));
    let linked = match kind {
        Kind::Tools => {
            let Some(provider) = st.tool_provider(&item) else {
                return emulation::error(
                    409,
                    "tool does not exist",
                    json!({ "reason": "record not found", "serverID": server_n, "toolID": item_n }),
                );
            };
            if !st.links.link_tool(server, &provider, &item) {
                return emulation::error(
                    409,
                    "server tool already exists",
                    json!({
                        "reason": "duplicated key not allowed",
                        "serverID": server_n,
                        "toolID": item_n,
                    }),
                );
            }
            json!({ "serverID": encode_id(0), "providerID": encode_id(0), "toolID": encode_id(0) })
        }
        Kind::Resources => {
            if !st.resource_exists(&item) {
                return emulation::error(
                    404,
                    "resource not found",
                    json!({ "resourceID": item_n }),
                );
            }
            if !st.links.link_resource(server, &item) {
                return emulation::error(
                    409,
                    "server resource association already exists",
                    json!({ "serverID": server_n, "resourceID": item_n }),
                );
            }
            json!({ "serverID": encode_id(0), "resourceID": encode_id(0) })
        }
        Kind::Prompts => {
            if !st.prompt_exists(&item) {
                return emulation::error(404, "prompt not found", json!({ "promptID": item_n }));
            }
            if !st.links.link_prompt(server, &item) {
                return emulation::error(
                    409,
                    "server prompt association already exists",
                    json!({ "serverID": server_n, "promptID": item_n }),
                );
            }
            json!({ "serverID": encode_id(0), "promptID": encode_id(0) })
        }
    };
    emulation::json(201, json!({ envelope: linked }).to_string())
}

/// `DELETE /servers/{id}/{kind}/{itemID}`: removes one link; 204 whether or not it
/// existed. Only tools check that the server exists.
pub(super) fn unlink(st: &mut State, kind: Kind, server: &str, item: &str) -> Reply {
    if let Err(reply) = check_ids(kind, server, item) {
        return reply;
    }
    match kind {
        Kind::Tools => {
            if let Err(reply) = servers::lookup(st, server) {
                return reply;
            }
            st.links.unlink_server_tool(server, item);
        }
        Kind::Resources => {
            st.links.unlink_server_resource(server, item);
        }
        Kind::Prompts => {
            st.links.unlink_server_prompt(server, item);
        }
    }
    Reply::new(204, "application/json", "")
}

/// The service's check that both ids decode to a positive number.
fn check_ids(kind: Kind, server: &str, item: &str) -> Result<(), Reply> {
    let (server_msg, item_msg) = match kind {
        Kind::Tools => (
            "server ID must be greater than 0",
            "tool ID must be greater than 0",
        ),
        Kind::Resources => (
            "server ID must be greater than 0",
            "resource ID must be greater than 0",
        ),
        Kind::Prompts => ("invalid server ID", "invalid prompt ID"),
    };
    if decode_id(server) <= 0 {
        return Err(bad_id(kind, server_msg));
    }
    if decode_id(item) <= 0 {
        return Err(bad_id(kind, item_msg));
    }
    Ok(())
}

/// A bad id: a plain Go error (500) for tools, a 400 without `data` for the others.
fn bad_id(kind: Kind, message: &str) -> Reply {
    match kind {
        Kind::Tools => emulation::internal(message),
        Kind::Resources | Kind::Prompts => emulation::error(400, message, Value::Null),
    }
}
