//! The server resource: `GET` and `PATCH /getmcp/v1/servers/{id}`, and the records the
//! public API seeds and reads.

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::{
    emulation::{args, forbidden, json_params, wp_error, wp_json, Arg},
    state::State,
};
use crate::{
    getmcp::ServerRef,
    testing::{mix, rfc3339, shell::Reply, RecordedRequest},
};

/// One stored server.
#[derive(Debug)]
pub(super) struct Record {
    id: u64,
    uuid: Uuid,
    /// The server object, exactly as `GET` returns it.
    object: Map<String, Value>,
    /// Decoded test credentials, never part of `object`.
    credentials: Option<Value>,
}

impl Record {
    /// The server object as `GET` returns it.
    pub(super) fn wire(&self) -> Value {
        Value::Object(self.object.clone())
    }

    /// The decoded test credentials, if any.
    pub(super) fn credentials(&self) -> Option<Value> {
        self.credentials.clone()
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
pub(super) const ARGS: [(&str, Arg); 7] = [
    ("name", Arg::Str),
    ("description", Arg::Str),
    ("status", Arg::Enum(&["active", "paused", "draft"])),
    (
        "auth_type",
        Arg::Enum(&["none", "bearer", "api-key", "basic", "oauth"]),
    ),
    ("test_auth_credentials", Arg::Str),
    ("cors_origins", Arg::Str),
    ("rate_limit_per_min", Arg::Int { minimum: -1 }),
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
    let given = match json_params(req).and_then(|params| args(&params, &ARGS)) {
        Ok(given) => given,
        Err(refused) => return refused,
    };
    if !authorized {
        return forbidden("You do not have permission to update this server.");
    }
    let Some(i) = id.and_then(|id| find(st, id)) else {
        return not_found();
    };
    let mut credentials = None;
    for (key, v) in &given {
        if *key == "test_auth_credentials" {
            match decode_credentials(v.as_str().unwrap_or("")) {
                Some(c) => credentials = Some(c),
                None => {
                    return wp_error(
                        400,
                        "getmcp_invalid_credentials",
                        "Invalid test credentials: expected a JSON-encoded object.",
                    )
                }
            }
        }
    }
    write(st, i, given, credentials);
    server_json(&st.servers[i].object)
}

/// Applies validated arguments to server `i`; `credentials` is the decoded
/// `test_auth_credentials`, if given. Nothing given, nothing changes, not even
/// `updated_at`.
fn write(st: &mut State, i: usize, given: Vec<(&str, Value)>, credentials: Option<Option<Value>>) {
    if given.is_empty() {
        return;
    }
    let to_none = given
        .iter()
        .any(|(key, v)| *key == "auth_type" && v.as_str() == Some("none"));
    let now = rfc3339(st.clock.tick());
    let site = st.site.clone();
    let record = &mut st.servers[i];
    if let Some(c) = credentials {
        record.credentials = c;
    }
    let server = &mut record.object;
    for (key, v) in given {
        match key {
            "description" => set_description(server, v),
            "name" => {
                if server.get("name") != Some(&v) {
                    let slug = slugify(v.as_str().unwrap_or(""));
                    server.insert("endpoint_url".into(), format!("{site}/mcp/{slug}").into());
                    server.insert("slug".into(), slug.into());
                }
                server.insert("name".into(), v);
            }
            "test_auth_credentials" => {}
            _ => {
                server.insert(key.into(), v);
            }
        }
    }
    if to_none {
        server.insert("auth_config".into(), Value::Null);
        record.credentials = None;
    }
    record.object.insert("updated_at".into(), now.into());
}

/// Renames a server as another client's update would; returns it, or `None` when it
/// does not exist.
pub(super) fn rename(st: &mut State, server: ServerRef, name: &str) -> Option<Value> {
    let i = find(st, server)?;
    write(st, i, vec![("name", name.into())], None);
    Some(st.servers[i].wire())
}

/// Stores an active server named `name` in the documented form.
pub(super) fn seed(st: &mut State, name: &str) -> (u64, Uuid) {
    let id = st.last_id + 1;
    let slug = slugify(name);
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

/// Stores a server object as given (see `FakeGetMcp::insert_server`).
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
    st.servers.push(Record {
        id,
        uuid,
        object,
        credentials: None,
    });
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

/// `Some(None)` clears, `Some(Some(object))` stores, `None` is refused.
fn decode_credentials(encoded: &str) -> Option<Option<Value>> {
    if encoded.is_empty() {
        return Some(None);
    }
    match serde_json::from_str::<Value>(encoded) {
        Ok(v @ Value::Object(_)) => Some(Some(v)),
        _ => None,
    }
}

/// Merges `description` into `settings`, keeping the other settings (PHP's `[]` and
/// `null` become an object).
fn set_description(server: &mut Map<String, Value>, description: Value) {
    let settings = server
        .entry("settings")
        .or_insert_with(|| Value::Object(Map::new()));
    if !settings.is_object() {
        *settings = Value::Object(Map::new());
    }
    if let Value::Object(settings) = settings {
        settings.insert("description".into(), description);
    }
}

/// The slug WordPress derives from a name: lower case, every run of other characters
/// a single `-`, none at either end.
pub(super) fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
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
    fn slugs_like_wordpress() {
        assert_eq!(slugify("GitHub Tools v2"), "github-tools-v2");
        assert_eq!(slugify("  --Hello,   World!! "), "hello-world");
        assert_eq!(slugify("!!!"), "");
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
