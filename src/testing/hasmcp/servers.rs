//! The server resource: `GET`/`POST /api/v1/servers` and `GET`/`PATCH`/`DELETE
//! /api/v1/servers/{id}`, and the records the public API seeds and reads.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{
    catalog::{Attachments, Links},
    emulation::{
        self, canonical_id, decode, decode_id, encode_id, field, items, undecodable, SERVER_BODY,
    },
    state::State,
};
use crate::testing::{rfc3339, shell::Reply};

/// The version every server starts at.
const FIRST_VERSION: i64 = 1;

/// `GET /servers`: every server with its tools (the list never loads resources or
/// prompts); `{}` when there is none.
pub(super) fn list(st: &State) -> Reply {
    let mut servers = Vec::with_capacity(st.servers.len());
    for server in st.servers.values() {
        if let Err(reason) = server.readable() {
            return emulation::error(500, "failed to list servers", json!({ "reason": reason }));
        }
        let mut wire = server.wire(&st.links);
        if let Some(m) = wire.as_object_mut() {
            m.remove("resources");
            m.remove("prompts");
        }
        servers.push(wire);
    }
    let body = if servers.is_empty() {
        json!({})
    } else {
        json!({ "servers": servers })
    };
    emulation::json(200, body.to_string())
}

/// `POST /servers`: the create rules (those of an update without the id and version
/// checks), then a new server at version 1 with the body's attachments, unchecked.
pub(super) fn create(st: &mut State, body: &[u8]) -> Reply {
    let Some(update) = Update::decode(body) else {
        return undecodable();
    };
    if let Err((message, data)) = update.validate_fields() {
        return emulation::error(400, &message, data);
    }
    let id = st.new_id();
    let now = st.clock.tick();
    let server = Server {
        id: id.clone(),
        created_at: now,
        updated_at: now,
        name: update.name,
        instructions: update.instructions,
        version: FIRST_VERSION,
        proxy_headers: update.proxy_headers,
    };
    st.links.replace(&id, &update.attachments);
    // The answer is built from the request, not read back: attachments in the order
    // sent, repeats included, where storage keeps each row once (L1).
    let sent = Attachments {
        tools: (update.attachments.tools.iter())
            .map(|(provider, tool)| (canonical_id(provider), canonical_id(tool)))
            .collect(),
        resources: update
            .attachments
            .resources
            .iter()
            .map(|r| canonical_id(r))
            .collect(),
        prompts: update
            .attachments
            .prompts
            .iter()
            .map(|p| canonical_id(p))
            .collect(),
    };
    let reply = emulation::json(
        201,
        json!({ "server": server.wire_with(&sent) }).to_string(),
    );
    st.servers.insert(id, server);
    reply
}

/// `GET /servers/{id}`.
pub(super) fn get(st: &State, id: &str) -> Reply {
    match st.servers.get(&canonical_id(id)) {
        Some(server) => ok(server, &st.links, id),
        None => not_found(id),
    }
}

/// `PATCH /servers/{id}`: replaces the server; only the attachments when the version
/// is stale.
pub(super) fn patch(st: &mut State, id: &str, body: &[u8]) -> Reply {
    let Some(update) = Update::decode(body) else {
        return undecodable();
    };
    if let Err((message, data)) = update.validate(decode_id(id)) {
        return emulation::error(400, &message, data);
    }
    if let Err(reply) = lookup(st, id) {
        return reply;
    }
    let clock = &mut st.clock;
    let Some(server) = st.servers.get_mut(&canonical_id(id)) else {
        return not_found(id);
    };
    if i64::from(update.version) == server.version {
        server.write(
            update.name,
            update.instructions,
            update.proxy_headers,
            clock.tick(),
        );
    }
    st.links.replace(&server.id, &update.attachments);
    // The answer is a fresh read, which fails once the version left the int32 range.
    ok(server, &st.links, id)
}

/// `DELETE /servers/{id}`: removes the server and its links; 204 whether or not it
/// existed.
pub(super) fn delete(st: &mut State, id: &str) -> Reply {
    let id = canonical_id(id);
    st.servers.remove(&id);
    st.remove_server_links(&id);
    st.tokens.retain(|t| t.server != id);
    Reply::new(204, "application/json", "")
}

/// Stores a server from its wire form (see `FakeHasMcp::insert_server`) and returns
/// its id.
pub(super) fn insert(st: &mut State, server: &Value) -> String {
    let seed = match Seed::deserialize(server) {
        Ok(seed) => seed,
        Err(e) => panic!("FakeHasMcp::insert_server: not a HasMCP server: {e}"),
    };
    let id = match seed.id {
        Some(id) => canonical_id(&id),
        None => st.new_id(),
    };
    if st.servers.contains_key(&id) {
        panic!("FakeHasMcp::insert_server: a server with id {id} exists");
    }
    let created_at = seed.created_at.unwrap_or_else(|| st.clock.tick());
    let record = Server {
        id: id.clone(),
        created_at,
        updated_at: seed.updated_at.unwrap_or(created_at),
        name: seed.name.unwrap_or_default(),
        instructions: seed.instructions.unwrap_or_default(),
        version: seed.version.unwrap_or(FIRST_VERSION),
        proxy_headers: seed.request_headers_proxy_enabled.unwrap_or(false),
    };
    let attachments = Attachments {
        tools: tool_rows(
            seed.providers
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.id, p.tools.unwrap_or_default().into_iter().map(|t| t.id))),
        ),
        resources: seed
            .resources
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.id)
            .collect(),
        prompts: seed
            .prompts
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.id)
            .collect(),
    };
    st.links.replace(&id, &attachments);
    st.servers.insert(id.clone(), record);
    id
}

/// The server in wire form, if it exists.
pub(super) fn find(st: &State, id: &str) -> Option<Value> {
    st.servers
        .get(&canonical_id(id))
        .map(|server| server.wire(&st.links))
}

/// Renames a server as another client's accepted update would, keeping the rest;
/// returns it in wire form.
pub(super) fn rename(st: &mut State, id: &str, name: &str) -> Option<Value> {
    let now = st.clock.tick();
    let server = st.servers.get_mut(&canonical_id(id))?;
    let (instructions, proxy_headers) = (server.instructions.clone(), server.proxy_headers);
    server.write(name.into(), instructions, proxy_headers, now);
    Some(server.wire(&st.links))
}

/// One stored server, as the database holds it.
#[derive(Debug, Clone)]
pub(super) struct Server {
    id: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    name: String,
    instructions: String,
    /// The column is wider than the service's int32 field: `version + 1` is computed
    /// by the database, so it can leave the int32 range, and then no read succeeds.
    version: i64,
    proxy_headers: bool,
}

impl Server {
    /// What an update with the current version writes: the fields and a new version.
    fn write(
        &mut self,
        name: String,
        instructions: String,
        proxy_headers: bool,
        now: DateTime<Utc>,
    ) {
        self.name = name;
        self.instructions = instructions;
        self.proxy_headers = proxy_headers;
        self.version += 1;
        self.updated_at = now;
    }

    /// Whether the service can read this row back into its model, or the database
    /// driver's error when the version does not fit the int32 field.
    fn readable(&self) -> Result<(), String> {
        if i32::try_from(self.version).is_ok() {
            return Ok(());
        }
        Err(format!(
            "sql: Scan error on column index 6, name \"version\": converting driver.Value \
             type int64 (\"{}\") to a int32: value out of range",
            self.version
        ))
    }

    /// The server object of a response, with its attachments from `links`.
    fn wire(&self, links: &Links) -> Value {
        self.wire_with(&links.of(&self.id))
    }

    /// The server object of a response with these attachments, in their order; tools
    /// are grouped under their providers in the order each provider first comes.
    fn wire_with(&self, attached: &Attachments) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), self.id.clone().into());
        m.insert("createdAt".into(), rfc3339(self.created_at).into());
        m.insert("updatedAt".into(), rfc3339(self.updated_at).into());
        m.insert(
            "requestHeadersProxyEnabled".into(),
            self.proxy_headers.into(),
        );
        if !self.name.is_empty() {
            m.insert("name".into(), self.name.clone().into());
        }
        if !self.instructions.is_empty() {
            m.insert("instructions".into(), self.instructions.clone().into());
        }
        if self.version != 0 {
            m.insert("version".into(), self.version.into());
        }
        let mut providers: Vec<(&str, Vec<Value>)> = Vec::new();
        for (provider, tool) in &attached.tools {
            let tool = json!({ "id": tool, "providerID": encode_id(0) });
            match providers.iter_mut().find(|(p, _)| p == provider) {
                Some((_, tools)) => tools.push(tool),
                None => providers.push((provider, vec![tool])),
            }
        }
        if !providers.is_empty() {
            let providers: Vec<Value> = providers
                .into_iter()
                .map(|(id, tools)| json!({ "id": id, "tools": tools }))
                .collect();
            m.insert("providers".into(), providers.into());
        }
        for (key, ids) in [
            ("resources", &attached.resources),
            ("prompts", &attached.prompts),
        ] {
            if !ids.is_empty() {
                let items: Vec<Value> = ids.iter().map(|id| json!({ "id": id })).collect();
                m.insert(key.into(), items.into());
            }
        }
        Value::Object(m)
    }
}

/// A decoded create or update body, with Go's zero values for what was omitted.
#[derive(Debug)]
struct Update {
    name: String,
    instructions: String,
    version: i32,
    proxy_headers: bool,
    providers: usize,
    attachments: Attachments,
}

impl Update {
    /// Decodes like Go's `json.Unmarshal` into the server's request type; `None` where
    /// that fails.
    fn decode(body: &[u8]) -> Option<Update> {
        let value = decode(body, SERVER_BODY)?;
        let server = field(&value, "server");
        let text = |key| {
            field(server, key)
                .as_str()
                .map(str::to_owned)
                .unwrap_or_default()
        };
        let id_of = |item: &Value| field(item, "id").as_str().unwrap_or("").to_owned();
        let providers = items(field(server, "providers"));
        Some(Update {
            name: text("name"),
            instructions: text("instructions"),
            version: field(server, "version")
                .as_i64()
                .and_then(|v| i32::try_from(v).ok())
                .unwrap_or(0),
            proxy_headers: field(server, "requestHeadersProxyEnabled")
                .as_bool()
                .unwrap_or(false),
            providers: providers.len(),
            attachments: Attachments {
                tools: tool_rows(providers.iter().map(|p| {
                    let tools: Vec<String> = items(field(p, "tools")).iter().map(id_of).collect();
                    (id_of(p), tools)
                })),
                resources: items(field(server, "resources"))
                    .iter()
                    .map(id_of)
                    .collect(),
                prompts: items(field(server, "prompts")).iter().map(id_of).collect(),
            },
        })
    }

    /// The update's validation, in the service's order: the message and `data` of the
    /// first failure.
    fn validate(&self, server_id: i64) -> Result<(), (String, Value)> {
        if server_id == 0 {
            return Err(("invalid server ID".into(), json!({ "serverID": server_id })));
        }
        if self.version == 0 {
            return Err(("invalid server version".into(), json!({ "version": 0 })));
        }
        self.validate_fields()
    }

    /// The checks create and update share, in the service's order.
    fn validate_fields(&self) -> Result<(), (String, Value)> {
        if self.name.is_empty() || self.name.len() > 16 {
            return Err((
                "name must be between 1 and 16 characters".into(),
                json!({ "name": self.name }),
            ));
        }
        if !self.name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err((
                "name must be `[a-zA-Z0-9]{1,16}".into(),
                json!({ "name": self.name }),
            ));
        }
        if self.instructions.len() > 4096 {
            return Err((
                "instructions must be less than 4096 characters".into(),
                json!({ "instructions": self.instructions }),
            ));
        }
        if self.providers > 1 {
            return Err((
                "max providers allowed per MCP server is set to 1".into(),
                json!({ "providersCount": self.providers }),
            ));
        }
        Ok(())
    }
}

/// What `insert_server` accepts.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Seed {
    id: Option<String>,
    name: Option<String>,
    instructions: Option<String>,
    version: Option<i64>,
    request_headers_proxy_enabled: Option<bool>,
    providers: Option<Vec<SeedProvider>>,
    resources: Option<Vec<SeedId>>,
    prompts: Option<Vec<SeedId>>,
    created_at: Option<DateTime<Utc>>,
    updated_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct SeedProvider {
    id: String,
    tools: Option<Vec<SeedId>>,
}

#[derive(Deserialize)]
struct SeedId {
    id: String,
}

/// The `(provider, tool)` attachment rows of providers and their tools. A provider
/// without tools adds no row; the link store drops repeated rows.
fn tool_rows<P, T>(providers: P) -> Vec<(String, String)>
where
    P: IntoIterator<Item = (String, T)>,
    T: IntoIterator<Item = String>,
{
    providers
        .into_iter()
        .flat_map(|(provider, tools)| tools.into_iter().map(move |t| (provider.clone(), t)))
        .collect()
}

/// `{"server": …}` with `status`.
fn reply(status: u16, server: &Server, links: &Links) -> Reply {
    emulation::json(status, json!({ "server": server.wire(links) }).to_string())
}

/// A fresh read of `server` (asked for as `id`): 200, or the 500 of a row the service
/// cannot read.
fn ok(server: &Server, links: &Links, id: &str) -> Reply {
    match server.readable() {
        Ok(()) => reply(200, server, links),
        Err(reason) => unreadable(&reason, id),
    }
}

fn unreadable(reason: &str, id: &str) -> Reply {
    emulation::error(
        500,
        "failed to get server",
        json!({ "reason": reason, "serverID": decode_id(id) }),
    )
}

/// The 404 of a server that does not exist, asked for as `id`.
fn not_found(id: &str) -> Reply {
    emulation::error(
        404,
        "server not found",
        json!({ "reason": "record not found", "serverID": decode_id(id) }),
    )
}

/// The service's read of a server before it acts on it: the 404 of a missing one, the
/// 500 of one it cannot read.
pub(super) fn lookup(st: &State, id: &str) -> Result<(), Reply> {
    match st.servers.get(&canonical_id(id)) {
        None => Err(not_found(id)),
        Some(server) => server.readable().map_err(|reason| unreadable(&reason, id)),
    }
}
