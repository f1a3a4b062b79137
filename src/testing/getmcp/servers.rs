//! The server resource: `GET` and `PATCH /getmcp/v1/servers/{id}`, and the records the
//! public API seeds and reads.

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::{
    credentials::{self, Change, Stored},
    emulation::{args, forbidden, json_params, wp_error, wp_json, Arg},
    sanitize,
    state::State,
};
use crate::{
    getmcp::ServerRef,
    testing::{mix, rfc3339, shell::Reply, RecordedRequest},
};

/// The largest `rate_limit_per_min` the site's 32-bit column holds; MySQL (in the
/// non-strict mode WordPress sets) stores a larger value as this one.
const MAX_RATE_LIMIT: i64 = i32::MAX as i64;

/// One stored server.
#[derive(Debug)]
pub(super) struct Record {
    pub(super) id: u64,
    uuid: Uuid,
    /// The server object, exactly as `GET` returns it.
    pub(super) object: Map<String, Value>,
    /// Decoded credentials, never part of `object`.
    pub(super) stored: Stored,
    /// `test_auth_type`, never part of `object`: every auth change sets it to the
    /// server's `auth_type`.
    pub(super) test_auth_type: Value,
}

impl Record {
    /// The server object as `GET` returns it.
    pub(super) fn wire(&self) -> Value {
        Value::Object(self.object.clone())
    }

    /// Everything stored, to tell whether a write changed anything.
    fn snapshot(&self) -> Value {
        let s = &self.stored;
        json!([self.object, s.auth, s.test, s.outbound, self.test_auth_type])
    }

    /// The numeric id.
    pub(super) fn id(&self) -> u64 {
        self.id
    }

    /// The server object, to change in place.
    pub(super) fn object_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.object
    }
}

/// The arguments of the PATCH route, in the order WordPress validates them.
/// `clear_credentials`, `authentication_revision` and `auth_config_mode` are read
/// undeclared, as the plugin does. How the plugin declares `settings` was not seen: a
/// JSON object, a list (stored as sent, as a real site does) or a JSON-encoded string
/// is taken.
pub(super) const ARGS: [(&str, Arg); 13] = [
    ("name", Arg::Str),
    ("description", Arg::Str),
    ("status", Arg::Enum(&["active", "paused", "draft"])),
    (
        "auth_type",
        Arg::Enum(&["none", "bearer", "api-key", "basic", "oauth"]),
    ),
    ("auth_config", Arg::StrOrObject),
    ("auth_credentials", Arg::StrOrObject),
    ("test_auth_credentials", Arg::StrOrObject),
    (
        "outbound_auth_type",
        Arg::Enum(&["none", "bearer", "api-key", "basic"]),
    ),
    ("outbound_auth_config", Arg::StrOrObject),
    ("outbound_auth_credentials", Arg::StrOrObject),
    ("cors_origins", Arg::Str),
    ("rate_limit_per_min", Arg::Int { minimum: -1 }),
    ("settings", Arg::StrOrObject),
];

/// `GET /servers/{id}`.
pub(super) fn get(st: &State, id: Option<ServerRef>, authorized: bool) -> Reply {
    if !authorized {
        // The update's message is the one observed; this one is worded after it.
        return forbidden("You do not have permission to view this server.");
    }
    match id.and_then(|id| find(st, id)) {
        Some(i) => server_json(&st.servers[i].object),
        None => not_found(),
    }
}

/// `PATCH /servers/{id}`: changes only the keys present.
pub(super) fn patch(
    st: &mut State,
    req: &RecordedRequest,
    id: Option<ServerRef>,
    authorized: bool,
) -> Reply {
    match json_params(req) {
        Ok(params) => patch_params(st, &params, id, authorized),
        Err(refused) => refused,
    }
}

/// The PATCH with its JSON parameters read (the create calls it with what is left of
/// its own).
pub(super) fn patch_params(
    st: &mut State,
    params: &Map<String, Value>,
    id: Option<ServerRef>,
    authorized: bool,
) -> Reply {
    let given = match args(params, &ARGS) {
        Ok(given) => given,
        Err(refused) => return refused,
    };
    if !authorized {
        return forbidden("You do not have permission to update this server.");
    }
    let Some(i) = id.and_then(|id| find(st, id)) else {
        return not_found();
    };
    let change = match credentials::prepare(&st.servers[i], params, &given) {
        Ok(change) => change,
        Err(refused) => return refused,
    };
    write(st, i, given, change);
    server_json(&st.servers[i].object)
}

/// Applies validated arguments and an auth `change` to server `i`, as the plugin stores
/// them: `name` and `description` sanitized, a `name` re-deriving a unique slug (and
/// the `endpoint_url`), the rate limit clamped to the column. `updated_at` moves only
/// when a stored value changed, as MySQL's `ON UPDATE` timestamp does.
fn write(st: &mut State, i: usize, given: Vec<(&'static str, Value)>, change: Change) {
    if given.is_empty() && change.is_empty() {
        return;
    }
    let before = st.servers[i].snapshot();
    let described = given.iter().any(|(key, _)| *key == "description");
    let slug = given.iter().find(|(key, _)| *key == "name").map(|(_, v)| {
        let name = sanitize::text_field(v.as_str().unwrap_or(""));
        unique_slug(st, &name, st.servers[i].id)
    });
    let site = st.site.clone();
    let record = &mut st.servers[i];
    let server = &mut record.object;
    // Settings first: a description sent with them is written over them.
    let (settings, given): (Vec<_>, Vec<_>) =
        given.into_iter().partition(|(key, _)| *key == "settings");
    for (_, sent) in settings {
        set_settings(server, sent, described);
    }
    for (key, v) in given {
        match key {
            "description" => {
                let text = sanitize::textarea_field(v.as_str().unwrap_or(""));
                set_description(server, text.into());
            }
            "name" => {
                let name = sanitize::text_field(v.as_str().unwrap_or(""));
                server.insert("name".into(), name.into());
            }
            "rate_limit_per_min" => {
                let n = v.as_i64().unwrap_or(0).clamp(-1, MAX_RATE_LIMIT);
                server.insert(key.into(), n.into());
            }
            "auth_config"
            | "auth_credentials"
            | "test_auth_credentials"
            | "outbound_auth_config"
            | "outbound_auth_credentials" => {}
            _ => {
                server.insert(key.into(), v);
            }
        }
    }
    if let Some(slug) = slug {
        server.insert("endpoint_url".into(), format!("{site}/mcp/{slug}").into());
        server.insert("slug".into(), slug.into());
    }
    change.apply(record);
    if record.snapshot() != before {
        let now = rfc3339(st.clock.tick());
        st.servers[i].object.insert("updated_at".into(), now.into());
    }
}

/// Renames a server as another client's update would; returns it, or `None` when it
/// does not exist.
pub(super) fn rename(st: &mut State, server: ServerRef, name: &str) -> Option<Value> {
    let i = find(st, server)?;
    write(st, i, vec![("name", name.into())], Change::default());
    Some(st.servers[i].wire())
}

/// Stores an active server named `name` in the documented form, as the plugin's create
/// does: the name sanitized, the slug derived from it and made unique.
pub(super) fn seed(st: &mut State, name: &str) -> (u64, Uuid) {
    let id = st.last_id + 1;
    let name = sanitize::text_field(name);
    let slug = unique_slug(st, &name, id);
    let endpoint_url = format!("{}/mcp/{slug}", st.site);
    let now = rfc3339(st.clock.tick());
    let server = json!({
        "id": id,
        "uuid": uuid_for(id),
        "user_id": 1,
        "name": name,
        "slug": slug,
        "server_id": format!("{:016x}", mix(!id)),
        "status": "active",
        "transport_type": "streamable-http",
        "auth_type": "none",
        "auth_config": null,
        "outbound_auth_type": "none",
        "outbound_auth_config": null,
        "cors_origins": null,
        "rate_limit_per_min": 60,
        "settings": {},
        "endpoint_url": endpoint_url,
        "api_auth_pending": false,
        "tool_count": 0,
        "prompt_count": 0,
        "resource_count": 0,
        "created_at": now,
        "updated_at": now,
    });
    insert(st, server)
}

/// Stores a server object as given (see `FakeGetMcp::insert_server`); its credential
/// keys and `test_auth_type` are kept apart, as the plugin never returns them.
pub(super) fn insert(st: &mut State, server: Value) -> (u64, Uuid) {
    let Value::Object(mut object) = server else {
        panic!("FakeGetMcp::insert_server: a server is a JSON object, got {server}");
    };
    let id = match object.get("id") {
        None | Some(Value::Null) => st.last_id + 1,
        Some(v) => match v.as_u64() {
            Some(id) => id,
            None => panic!("FakeGetMcp::insert_server: id {v} is not a numeric id"),
        },
    };
    let uuid = match object.get("uuid") {
        None | Some(Value::Null) => uuid_for(id),
        Some(v) => match v.as_str().map(Uuid::try_parse) {
            Some(Ok(uuid)) => uuid,
            _ => panic!("FakeGetMcp::insert_server: uuid {v} is not a UUID"),
        },
    };
    if st.servers.iter().any(|s| s.id == id || s.uuid == uuid) {
        panic!("FakeGetMcp::insert_server: a server with id {id} or uuid {uuid} exists");
    }
    object.entry("id").or_insert(id.into());
    if object.get("uuid").is_none_or(Value::is_null) {
        object.insert("uuid".into(), uuid.to_string().into());
    }
    st.last_id = st.last_id.max(id);
    let stored = Stored::take_from(&mut object);
    let test_auth_type = match object.remove("test_auth_type") {
        Some(t) => t,
        None => object.get("auth_type").cloned().unwrap_or("none".into()),
    };
    st.servers.push(Record {
        id,
        uuid,
        object,
        stored,
        test_auth_type,
    });
    super::children::recount(st, id);
    (id, uuid)
}

/// The index of a server, found by numeric id or UUID.
pub(super) fn find(st: &State, server: ServerRef) -> Option<usize> {
    st.servers.iter().position(|s| match server {
        ServerRef::Id(id) => s.id == id,
        ServerRef::Uuid(uuid) => s.uuid == uuid,
    })
}

/// The route's `{id}`: `None` when the route does not match at all (so `rest_no_route`),
/// `Some(None)` for an id that matches the route but no server can have (a number
/// beyond `u64`).
pub(super) fn route_id(segment: &str) -> Option<Option<ServerRef>> {
    if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
        return Some(segment.parse::<u64>().ok().map(ServerRef::Id));
    }
    let groups: Vec<&str> = segment.split('-').collect();
    let lens = groups.iter().map(|g| g.len()).collect::<Vec<_>>();
    let hex = groups
        .iter()
        .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()));
    if lens == [8, 4, 4, 4, 12] && hex {
        return Some(Uuid::try_parse(segment).ok().map(ServerRef::Uuid));
    }
    None
}

/// `settings` as the plugin stores them: merged over the stored settings (top-level
/// keys, as PHP's `array_merge`) when a `description` comes with them, which is then
/// written over them; else stored as sent, replacing all (an empty object or list as
/// `[]`). A JSON-encoded string is decoded first.
fn set_settings(server: &mut Map<String, Value>, sent: Value, described: bool) {
    let sent = match sent {
        Value::String(text) => serde_json::from_str(&text).unwrap_or(Value::String(text)),
        other => other,
    };
    let stored = match (described, sent) {
        (true, Value::Object(sent)) => {
            let mut merged = match server.get("settings") {
                Some(Value::Object(map)) => map.clone(),
                _ => Map::new(),
            };
            merged.extend(sent);
            Value::Object(merged)
        }
        (true, _) => return,
        (false, Value::Object(map)) if map.is_empty() => Value::Array(Vec::new()),
        (false, sent) => sent,
    };
    server.insert("settings".into(), stored);
}

/// Merges `description` into `settings`, keeping the other settings as PHP's array
/// does: `[]`, `null` and scalars become an object, a list keeps its items under their
/// indexes.
fn set_description(server: &mut Map<String, Value>, description: Value) {
    let settings = server
        .entry("settings")
        .or_insert_with(|| Value::Object(Map::new()));
    let mut object = match settings.take() {
        Value::Object(map) => map,
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Map::new(),
    };
    object.insert("description".into(), description);
    *settings = Value::Object(object);
}

/// The slug the plugin gives server `id` named `name`: WordPress's `sanitize_title`, a
/// `server-` token when that is empty, then `-1`, `-2`, … while another server has it.
pub(super) fn unique_slug(st: &State, name: &str, id: u64) -> String {
    let mut slug = sanitize::title(name);
    if slug.is_empty() {
        slug = format!("server-{:08x}", mix(id) as u32);
    }
    let taken = |slug: &str| {
        st.servers
            .iter()
            .any(|s| s.id != id && s.object.get("slug").and_then(Value::as_str) == Some(slug))
    };
    let original = slug.clone();
    let mut n = 1;
    while taken(&slug) {
        slug = format!("{original}-{n}");
        n += 1;
    }
    slug
}

/// A version-4-shaped UUID that depends only on `id`.
pub(super) fn uuid_for(id: u64) -> Uuid {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&mix(id).to_be_bytes());
    bytes[8..].copy_from_slice(&mix(id ^ 0xffff_0000).to_be_bytes());
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

pub(super) fn server_json(object: &Map<String, Value>) -> Reply {
    wp_json(200, &Value::Object(object.clone()))
}

pub(super) fn not_found() -> Reply {
    wp_error(404, "getmcp_not_found", "Server not found.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_never_empty() {
        let mut st = State::new("https://yoursite.com");
        let (a, _) = seed(&mut st, "Café Tools_v3.0");
        let (b, _) = seed(&mut st, "Cafe Tools_v3.0");
        let (c, _) = seed(&mut st, "café tools v3 0");
        let slug = |st: &State, id: u64| {
            st.servers[find(st, ServerRef::Id(id)).unwrap()].object["slug"].clone()
        };
        assert_eq!(slug(&st, a), "cafe-tools_v3-0");
        assert_eq!(slug(&st, b), "cafe-tools_v3-0-1");
        assert_eq!(slug(&st, c), "cafe-tools-v3-0");
        // A server keeps its own slug when renamed to the same name.
        rename(&mut st, ServerRef::Id(b), "Cafe Tools_v3.0");
        assert_eq!(slug(&st, b), "cafe-tools_v3-0-1");
        let (d, _) = seed(&mut st, "!!!");
        assert_eq!(slug(&st, d), format!("server-{:08x}", mix(d) as u32));
    }

    #[test]
    fn route_ids() {
        assert_eq!(route_id("42"), Some(Some(ServerRef::Id(42))));
        assert_eq!(route_id("99999999999999999999999"), Some(None));
        let upper = "836995AE-1CFF-41EC-823E-A4F07CCCA3A0";
        assert!(matches!(route_id(upper), Some(Some(ServerRef::Uuid(_)))));
        assert_eq!(route_id("abc"), None);
        assert_eq!(route_id("836995ae1cff41ec823ea4f07ccca3a0"), None);
    }
}
