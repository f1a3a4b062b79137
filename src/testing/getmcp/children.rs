//! What a server's tools, resources and prompts share in the fake: a table of rows that
//! belong to a server, and the list, create, get, update and delete handlers, driven by
//! a [`Kind`] that says what differs (arguments, defaults, the route's id form).
//!
//! Every answer carries `server_id` (numeric) and `server_uuid`; the server object's
//! count (`tool_count`, …) follows creates and deletes. Deleting a server deletes its
//! rows; duplicating it copies them.

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::{
    emulation::{args, forbidden, json_params, missing, wp_error, wp_json, Arg},
    paging::{self, Totals},
    servers,
    state::State,
    FakeGetMcp,
};
use crate::{
    getmcp::ServerRef,
    testing::{rfc3339, shell::Reply, RecordedRequest},
};

/// One stored tool, resource or prompt.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub(super) id: u64,
    pub(super) uuid: Option<Uuid>,
    /// The numeric id of the server it belongs to.
    pub(super) server: u64,
    /// The object as `GET` returns it.
    pub(super) object: Map<String, Value>,
}

/// The rows of one kind, with their own id sequence (a table of its own on the site).
#[derive(Debug, Default)]
pub(super) struct Table {
    last_id: u64,
    pub(super) rows: Vec<Row>,
}

/// What differs between tools, resources and prompts.
pub(super) struct Kind {
    /// `tool`, `resource` or `prompt`.
    pub(super) name: &'static str,
    /// The 404 message, e.g. `Tool not found.`
    pub(super) not_found: &'static str,
    /// The server object's count of them.
    pub(super) count_key: &'static str,
    /// Whether rows have a UUID, and the route takes it as the id.
    pub(super) uuid: bool,
    /// The create and update arguments, in the order WordPress validates them.
    pub(super) args: &'static [(&'static str, Arg)],
    /// The arguments a create requires.
    pub(super) required: &'static [&'static str],
    /// The list's own filters; each keeps the rows whose field equals it (`""` keeps all).
    pub(super) filters: &'static [(&'static str, Arg)],
    pub(super) default_per_page: u64,
    pub(super) totals: Totals,
    /// The fields a create fills in when the body leaves them out.
    pub(super) defaults: fn() -> Map<String, Value>,
    /// The list's order: the field sorted on (then the id).
    pub(super) sort_key: Option<&'static str>,
    pub(super) table: fn(&State) -> &Table,
    pub(super) table_mut: fn(&mut State) -> &mut Table,
}

impl Kind {
    /// The route's `{id}`: `None` when it does not match the route (`rest_no_route`),
    /// `Some(None)` for one that matches but no row can have.
    pub(super) fn route_id(&self, segment: &str) -> Option<Option<ServerRef>> {
        match servers::route_id(segment)? {
            Some(ServerRef::Uuid(_)) if !self.uuid => None,
            id => Some(id),
        }
    }

    fn position(&self, st: &State, server: u64, id: ServerRef) -> Option<usize> {
        (self.table)(st).rows.iter().position(|row| {
            row.server == server
                && match id {
                    ServerRef::Id(n) => row.id == n,
                    ServerRef::Uuid(u) => row.uuid == Some(u),
                }
        })
    }

    /// Sets the server's count of these from its rows, as the site counts table rows.
    fn count(&self, st: &mut State, server: u64) {
        let n = (self.table)(st)
            .rows
            .iter()
            .filter(|row| row.server == server)
            .count();
        if let Some(i) = servers::find(st, ServerRef::Id(server)) {
            let object = st.servers[i].object_mut();
            object.insert(self.count_key.into(), n.into());
        }
    }
}

/// Sets each of a server's counts (`tool_count`, …) from the rows it has: never a
/// literal from a seed.
pub(super) fn recount(st: &mut State, server: u64) {
    for kind in kinds() {
        kind.count(st, server);
    }
}

/// The fields of a JSON object; nothing for anything else.
pub(super) fn fields(object: Value) -> Map<String, Value> {
    match object {
        Value::Object(fields) => fields,
        _ => Map::new(),
    }
}

/// Every kind a server has, for the delete's cascade and the duplicate.
pub(super) fn kinds() -> [&'static Kind; 3] {
    [
        &super::tools::TOOLS,
        &super::resources::RESOURCES,
        &super::prompts::PROMPTS,
    ]
}

/// A server's rows as the list returns them, in the list's order.
pub(super) fn rows_of(kind: &Kind, st: &State, server: u64) -> Vec<Value> {
    let mut rows: Vec<&Row> = (kind.table)(st)
        .rows
        .iter()
        .filter(|row| row.server == server)
        .collect();
    if let Some(key) = kind.sort_key {
        rows.sort_by_key(|row| (row.object.get(key).and_then(Value::as_i64), row.id));
    }
    rows.into_iter()
        .map(|row| Value::Object(row.object.clone()))
        .collect()
}

/// A handler's answer: the reply, or the refusal that cut it short (which is a reply
/// too).
pub(super) type Answer = Result<Reply, Reply>;

/// WordPress's order of checks on these routes: the arguments (`given`, already read and
/// validated), then the key, then the server. Returns what was given and the server's
/// index.
fn admit<T>(
    st: &State,
    kind: &Kind,
    given: Result<T, Reply>,
    authorized: bool,
    server: Option<ServerRef>,
) -> Result<(T, usize), Reply> {
    let given = given?;
    if !authorized {
        return Err(forbidden(&format!(
            "You do not have permission to manage this {}.",
            kind.name
        )));
    }
    match server.and_then(|s| servers::find(st, s)) {
        Some(i) => Ok((given, i)),
        None => Err(servers::not_found()),
    }
}

/// The index of the row `id` of the server at index `i`: a 404 when it does not exist
/// or belongs to another server.
fn locate(st: &State, kind: &Kind, i: usize, id: Option<ServerRef>) -> Result<usize, Reply> {
    let server = st.servers[i].id();
    id.and_then(|id| kind.position(st, server, id))
        .ok_or_else(|| wp_error(404, "getmcp_not_found", kind.not_found))
}

/// `GET /servers/{server_id}/<kind>s`.
pub(super) fn list(
    st: &State,
    kind: &Kind,
    req: &RecordedRequest,
    server: Option<ServerRef>,
    authorized: bool,
) -> Answer {
    let read = paging::read(req, kind.filters, kind.default_per_page);
    let ((window, filters), i) = admit(st, kind, read, authorized, server)?;
    let mut rows = rows_of(kind, st, st.servers[i].id());
    for (key, wanted) in filters.iter().filter(|(_, v)| *v != "") {
        rows.retain(|row| row.get(*key) == Some(wanted));
    }
    Ok(paging::reply(rows, window, kind.totals))
}

/// `POST /servers/{server_id}/<kind>s`: 201 with the new row.
pub(super) fn create(
    st: &mut State,
    kind: &Kind,
    req: &RecordedRequest,
    server: Option<ServerRef>,
    authorized: bool,
) -> Answer {
    let given = json_params(req).and_then(|params| {
        missing(&params, kind.required)?;
        args(&params, kind.args)
    });
    let (given, i) = admit(st, kind, given, authorized, server)?;
    let parent = st.servers[i].wire();
    let given = given.into_iter().map(|(k, v)| (k.to_owned(), v));
    let object = new_row(kind, st, &parent, given);
    Ok(wp_json(201, &Value::Object(object)))
}

/// Stores a new row of `kind` on the server `parent`, from the defaults and `given`.
fn new_row(
    kind: &Kind,
    st: &mut State,
    parent: &Value,
    given: impl IntoIterator<Item = (String, Value)>,
) -> Map<String, Value> {
    let server = parent["id"].as_u64().unwrap_or(0);
    let now = rfc3339(st.clock.tick());
    let table = (kind.table_mut)(st);
    table.last_id += 1;
    let id = table.last_id;
    let uuid = kind.uuid.then(|| servers::uuid_for(id | 1 << 63));
    let mut object = (kind.defaults)();
    object.insert("id".into(), id.into());
    if let Some(uuid) = uuid {
        object.insert("uuid".into(), uuid.to_string().into());
        object.insert("server_hex".into(), parent["server_id"].clone());
    }
    object.insert("server_id".into(), server.into());
    object.extend(given);
    if kind.sort_key.is_some() {
        let order = table.rows.iter().filter(|row| row.server == server).count();
        object.insert("sort_order".into(), order.into());
    }
    object.insert("server_uuid".into(), parent["uuid"].clone());
    object.insert("created_at".into(), now.clone().into());
    object.insert("updated_at".into(), now.into());
    table.rows.push(Row {
        id,
        uuid,
        server,
        object: object.clone(),
    });
    kind.count(st, server);
    object
}

/// Stores a row of `kind` on `server` with `fields` over the defaults, as a seed does,
/// and returns it; `None` when there is no such server.
pub(super) fn seed(
    kind: &Kind,
    st: &mut State,
    server: ServerRef,
    fields: Map<String, Value>,
) -> Option<Map<String, Value>> {
    let parent = st.servers[servers::find(st, server)?].wire();
    Some(new_row(kind, st, &parent, fields))
}

impl FakeGetMcp {
    /// Stores a row of `kind` on `server` (see [`seed`]), or panics: seeding a missing
    /// server is a bug in the test.
    pub(super) fn seed_row(
        &self,
        kind: &Kind,
        server: ServerRef,
        fields: Map<String, Value>,
    ) -> Map<String, Value> {
        match self.0.with_state(|st| seed(kind, st, server, fields)) {
            Some(row) => row,
            None => panic!("FakeGetMcp: no server {server:?} to add a {} to", kind.name),
        }
    }

    /// A server's rows of `kind` in the list's order; empty when it has none or does not
    /// exist.
    pub(super) fn rows(&self, kind: &Kind, server: ServerRef) -> Vec<Value> {
        self.0.with_state(|st| match servers::find(st, server) {
            Some(i) => rows_of(kind, st, st.servers[i].id()),
            None => Vec::new(),
        })
    }

    /// The row of `kind` with numeric id `id`, on any server.
    pub(super) fn row(&self, kind: &Kind, id: u64) -> Option<Value> {
        self.0.with_state(|st| {
            (kind.table)(st)
                .rows
                .iter()
                .find(|row| row.id == id)
                .map(|row| Value::Object(row.object.clone()))
        })
    }
}

/// `GET /servers/{server_id}/<kind>s/{id}`.
pub(super) fn get(
    st: &State,
    kind: &Kind,
    server: Option<ServerRef>,
    id: Option<ServerRef>,
    authorized: bool,
) -> Answer {
    let ((), i) = admit(st, kind, Ok(()), authorized, server)?;
    let at = locate(st, kind, i, id)?;
    Ok(wp_json(
        200,
        &Value::Object((kind.table)(st).rows[at].object.clone()),
    ))
}

/// `PATCH /servers/{server_id}/<kind>s/{id}`: changes only the keys present.
pub(super) fn patch(
    st: &mut State,
    kind: &Kind,
    req: &RecordedRequest,
    server: Option<ServerRef>,
    id: Option<ServerRef>,
    authorized: bool,
) -> Answer {
    let given = json_params(req).and_then(|params| args(&params, kind.args));
    let (given, i) = admit(st, kind, given, authorized, server)?;
    let at = locate(st, kind, i, id)?;
    if !given.is_empty() {
        let now = rfc3339(st.clock.tick());
        let object = &mut (kind.table_mut)(st).rows[at].object;
        for (key, v) in given {
            object.insert(key.into(), v);
        }
        object.insert("updated_at".into(), now.into());
    }
    Ok(wp_json(
        200,
        &Value::Object((kind.table)(st).rows[at].object.clone()),
    ))
}

/// `DELETE /servers/{server_id}/<kind>s/{id}`: 200 `{"deleted": true}`, as the server
/// delete answers (inferred); a second delete is a 404.
pub(super) fn delete(
    st: &mut State,
    kind: &Kind,
    server: Option<ServerRef>,
    id: Option<ServerRef>,
    authorized: bool,
) -> Answer {
    let ((), i) = admit(st, kind, Ok(()), authorized, server)?;
    let at = locate(st, kind, i, id)?;
    let row = (kind.table_mut)(st).rows.remove(at);
    kind.count(st, row.server);
    Ok(wp_json(200, &json!({ "deleted": true })))
}

/// Removes every row of `server` (a server delete's cascade).
pub(super) fn remove_all(kind: &Kind, st: &mut State, server: u64) {
    (kind.table_mut)(st).rows.retain(|row| row.server != server);
}

/// Copies every row of `from` to the server `to` (a duplicate), with new ids.
pub(super) fn copy_all(kind: &Kind, st: &mut State, from: u64, to: &Value) {
    let rows: Vec<Row> = (kind.table)(st)
        .rows
        .iter()
        .filter(|row| row.server == from)
        .cloned()
        .collect();
    for row in rows {
        let given = row
            .object
            .into_iter()
            .filter(|(k, _)| kind.args.iter().any(|(a, _)| a == k));
        new_row(kind, st, to, given);
    }
}
