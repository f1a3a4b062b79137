//! A server's life cycle besides reads and updates: the paged list (`GET /servers`),
//! create (`POST /servers`), delete with its cascade, toggle and duplicate; and the fake's
//! public reads of the whole list and a concurrent delete.

use serde_json::{json, Value};

use super::{
    children::{copy_all, kinds, remove_all},
    emulation::{args, forbidden, json_params, missing, wp_json, Arg},
    paging::{self, Totals},
    servers::{self, server_json, unique_slug, ARGS},
    state::State,
    FakeGetMcp,
};
use crate::{
    getmcp::ServerRef,
    testing::{mix, rfc3339, shell::Reply, RecordedRequest},
};

/// The list's filters and sort. The plugin declares enums for `status`, `orderby` and
/// `order` but gives them a `sanitize_callback` and no `validate_callback`, so WordPress
/// never checks them: any value is taken (plugin code; a run on WordPress 6.1).
const FILTERS: [(&str, Arg); 4] = [
    ("status", Arg::Str),
    ("search", Arg::Str),
    ("orderby", Arg::Str),
    ("order", Arg::Str),
];

/// The sort keys the list knows; any other reads as the default, `last_used_at`.
const SORT_KEYS: [&str; 7] = [
    "id",
    "name",
    "slug",
    "status",
    "created_at",
    "updated_at",
    "last_used_at",
];

/// The create's own arguments, besides the update's.
const CREATE_ONLY: [(&str, Arg); 2] = [("slug", Arg::Str), ("instructions", Arg::Str)];

/// `GET /servers`: 20 a page, most recently used first; `X-WP-Total` and
/// `X-WP-TotalPages`.
pub(super) fn list(st: &State, req: &RecordedRequest, authorized: bool) -> Reply {
    let (window, given) = match paging::read(req, &FILTERS, 20) {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    if !authorized {
        return forbidden("Sorry, you are not allowed to list servers.");
    }
    let arg = |key: &str| {
        given
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.as_str())
    };
    let mut all: Vec<Value> = st.servers.iter().map(|s| s.wire()).collect();
    if let Some(status) = arg("status").filter(|s| !s.is_empty()) {
        all.retain(|s| s["status"] == status);
    }
    if let Some(text) = arg("search").map(str::to_lowercase) {
        all.retain(|s| {
            ["name", "slug"].iter().any(|key| {
                s[*key]
                    .as_str()
                    .is_some_and(|v| v.to_lowercase().contains(&text))
            })
        });
    }
    let orderby = arg("orderby")
        .filter(|key| SORT_KEYS.contains(key))
        .unwrap_or("last_used_at");
    let ascending = arg("order") == Some("ASC");
    // A stable sort on the key alone: ties keep the table's (insertion) order, as the
    // database returns them, whichever the direction.
    all.sort_by(|a, b| {
        let order = sort_key(a, orderby).cmp(&sort_key(b, orderby));
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
    paging::reply(all, window, Totals::Both)
}

/// What a server sorts by: numbers as numbers, text as text. A server never used sorts
/// by `created_at` under `last_used_at`.
fn sort_key(server: &Value, orderby: &str) -> (Option<u64>, String) {
    let v = match orderby {
        "last_used_at" if server["last_used_at"].is_null() => &server["created_at"],
        key => &server[key],
    };
    let text = v.as_str().unwrap_or_default().to_owned();
    (v.as_u64(), text)
}

/// `POST /servers`: 201 with the new server. The update's fields apply as the update
/// applies them; a derived slug is de-duplicated with `-1`, `-2`, …
pub(super) fn create(st: &mut State, req: &RecordedRequest, authorized: bool) -> Reply {
    let schema: Vec<(&'static str, Arg)> = ARGS.iter().chain(&CREATE_ONLY).copied().collect();
    let (mut params, given) = match json_params(req).and_then(|params| {
        missing(&params, &["name"])?;
        let given = args(&params, &schema)?;
        Ok((params, given))
    }) {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    if !authorized {
        return forbidden("Sorry, you are not allowed to create servers.");
    }
    let arg = |key: &str| {
        given
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    };
    let name = arg("name").and_then(|v| v.as_str().map(str::to_owned));
    let (id, _) = servers::seed(st, name.as_deref().unwrap_or_default());
    let Some(i) = servers::find(st, ServerRef::Id(id)) else {
        return servers::not_found();
    };
    // A new server starts with the type asked for: its test credentials are checked
    // against that type, not dropped as they are with a type change on an update.
    if let Some(auth_type) = arg("auth_type").filter(Value::is_string) {
        st.servers[i]
            .object_mut()
            .insert("auth_type".into(), auth_type);
    }
    // The create stores `settings` as sent with the instructions written into them
    // (the description follows through the update's rule, which writes it over them),
    // and `auth_config` as sent: it has none of the update's merge or secret check.
    let object = st.servers[i].object_mut();
    if let Some(sent) = params.remove("settings").filter(|v| !v.is_null()) {
        let settings = match sent {
            Value::String(text) => serde_json::from_str(&text).unwrap_or(json!({})),
            other => other,
        };
        object.insert("settings".into(), settings);
    }
    if let Some(text) = arg("instructions").and_then(|v| v.as_str().map(strip_controls)) {
        let settings = object.entry("settings").or_insert_with(|| json!({}));
        if !settings.is_object() {
            *settings = json!({});
        }
        if let Some(map) = settings.as_object_mut() {
            map.insert("instructions".into(), text.into());
        }
    }
    if let Some(config) = params.remove("auth_config").filter(|v| !v.is_null()) {
        let stored = match config {
            Value::String(text) => text,
            other => other.to_string(),
        };
        object.insert("auth_config".into(), stored.into());
    }
    // The update's fields, by the update's handler: one rule for both.
    let updated = servers::patch_params(st, &params, Some(ServerRef::Id(id)), true);
    let Some(i) = servers::find(st, ServerRef::Id(id)) else {
        return updated;
    };
    if updated.status() != 200 {
        st.servers.remove(i);
        return updated;
    }
    // The slug last: the update's `name` re-derives one, the create's own wins. The
    // plugin makes either unique (`generate_unique_slug`): a taken `github-tools`
    // becomes `github-tools-1`.
    let wanted = arg("slug")
        .and_then(|v| v.as_str().map(str::to_owned))
        .filter(|s| !s.is_empty())
        .or(name);
    let slug = unique_slug(st, wanted.as_deref().unwrap_or_default(), id);
    set_slug(st, i, &slug);
    let object = st.servers[i].object_mut();
    let created = object.get("created_at").cloned().unwrap_or(Value::Null);
    object.insert("updated_at".into(), created);
    wp_json(201, &st.servers[i].wire())
}

/// Sets server `i`'s slug and the endpoint URL that follows it.
fn set_slug(st: &mut State, i: usize, slug: &str) {
    let endpoint_url = format!("{}/mcp/{slug}", st.site);
    let object = st.servers[i].object_mut();
    object.insert("slug".into(), slug.into());
    object.insert("endpoint_url".into(), endpoint_url.into());
}

/// Instructions as the plugin stores them: control characters stripped, line breaks
/// and tabs kept.
fn strip_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .collect()
}

/// `DELETE /servers/{id}`: 200 `{"deleted": true}`, and the server's tools, resources
/// and prompts go with it; a second delete is a 404.
pub(super) fn delete(st: &mut State, id: Option<ServerRef>, authorized: bool) -> Reply {
    if !authorized {
        return forbidden("Sorry, you are not allowed to delete this server.");
    }
    match id.and_then(|id| remove(st, id)) {
        Some(()) => wp_json(200, &json!({ "deleted": true })),
        None => servers::not_found(),
    }
}

/// Removes a server and everything it owns; `None` when there is no such server.
fn remove(st: &mut State, id: ServerRef) -> Option<()> {
    let i = servers::find(st, id)?;
    let record = st.servers.remove(i);
    for kind in kinds() {
        remove_all(kind, st, record.id());
    }
    Some(())
}

/// `PATCH /servers/{id}/toggle`: `active` becomes `paused`, anything else `active`.
pub(super) fn toggle(st: &mut State, id: Option<ServerRef>, authorized: bool) -> Reply {
    if !authorized {
        return forbidden("Sorry, you are not allowed to update this server.");
    }
    let Some(i) = id.and_then(|id| servers::find(st, id)) else {
        return servers::not_found();
    };
    let now = rfc3339(st.clock.tick());
    let object = st.servers[i].object_mut();
    let next = if object.get("status") == Some(&json!("active")) {
        "paused"
    } else {
        "active"
    };
    object.insert("status".into(), next.into());
    object.insert("updated_at".into(), now.into());
    server_json(object)
}

/// `POST /servers/{id}/duplicate`: 201 with the copy, named `<name> (Copy)`, a draft,
/// with new ids, a new slug, the tools, resources and prompts copied, and no
/// credentials.
pub(super) fn duplicate(st: &mut State, id: Option<ServerRef>, authorized: bool) -> Reply {
    if !authorized {
        return forbidden("Sorry, you are not allowed to create servers.");
    }
    let Some(i) = id.and_then(|id| servers::find(st, id)) else {
        return servers::not_found();
    };
    let source = st.servers[i].wire();
    let from = st.servers[i].id();
    let name = format!("{} (Copy)", source["name"].as_str().unwrap_or_default());
    let new_id = st.last_id + 1;
    let now = rfc3339(st.clock.tick());
    let mut copy = source;
    if let Value::Object(fields) = &mut copy {
        fields.remove("id");
        fields.remove("uuid");
    }
    copy["name"] = name.as_str().into();
    copy["status"] = "draft".into();
    copy["server_id"] = format!("{:016x}", mix(!new_id)).into();
    copy["created_at"] = now.as_str().into();
    copy["updated_at"] = now.into();
    for key in ["tool_count", "resource_count", "prompt_count"] {
        copy[key] = 0.into();
    }
    let (new_id, _) = servers::insert(st, copy);
    let Some(i) = servers::find(st, ServerRef::Id(new_id)) else {
        return servers::not_found();
    };
    let slug = unique_slug(st, &name, new_id);
    set_slug(st, i, &slug);
    let parent = st.servers[i].wire();
    for kind in kinds() {
        copy_all(kind, st, from, &parent);
    }
    let Some(i) = servers::find(st, ServerRef::Id(new_id)) else {
        return servers::not_found();
    };
    wp_json(201, &st.servers[i].wire())
}

impl FakeGetMcp {
    /// Every server as `GET` returns it, in id order.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// fake.seed_server("A");
    /// fake.seed_server("B");
    /// let names: Vec<_> = fake.servers().iter().map(|s| s["name"].clone()).collect();
    /// assert_eq!(names, ["A", "B"]);
    /// # }
    /// ```
    pub fn servers(&self) -> Vec<Value> {
        self.0.with_state(|st| {
            let mut all: Vec<Value> = st.servers.iter().map(|s| s.wire()).collect();
            all.sort_by_key(|s| s["id"].as_u64());
            all
        })
    }

    /// Deletes a server as another client would, with its tools, resources and prompts;
    /// `false` when there is no such server. In a
    /// [`FakeGetMcp::before_next_write`] hook or between pages of a walk, it plays a
    /// concurrent writer.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (id, _) = fake.seed_server("Old");
    /// assert!(fake.remove_server(id));
    /// assert!(!fake.remove_server(id));
    /// # }
    /// ```
    pub fn remove_server(&self, server: impl Into<ServerRef>) -> bool {
        let server = server.into();
        self.0.with_state(|st| remove(st, server).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_lose_control_characters_only() {
        assert_eq!(strip_controls("a\u{0}b\u{7f}\n\tc"), "ab\n\tc");
    }
}
