//! The resource and prompt routes, `/api/v1/resources[/{id}]` and
//! `/api/v1/prompts[/{id}]`, as the open-source edition answers them. The two differ
//! only in their fields and messages (the [`ItemKind`] table): an update applies only
//! non-empty, non-zero fields and answers 204 even for an unknown id; a delete takes
//! the item's server links with it.
//!
//! The hosted edition keeps the same items under a provider
//! (`/api/v1/providers/{id}/resources[/{resourceID}]`, `…/prompts[/{promptID}]`, the
//! `*_under` handlers): the same records, fields and checks, each owned by the provider
//! it was made under (`State::owners`); servers attach them by id as before. A resource
//! update answers 200 with the resource there, as the vendor's document says (a prompt
//! update stays a 204); an item of another provider, or none, is a 404; deleting the
//! provider deletes its items.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::{
    catalog::{Catalog, Record},
    emulation::{
        self, canonical_id, decode_body, decode_id, present, text, undecodable, Go, PROMPT_BODY,
        RESOURCE_BODY,
    },
    state::State,
};
use crate::testing::{rfc3339, shell::Reply, FakeHasMcp};

/// Which of the two the route is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ItemKind {
    Resource,
    Prompt,
}

/// A text field: its key, how messages name it, its byte limit, and whether a create
/// needs it.
struct Text {
    key: &'static str,
    label: &'static str,
    max: usize,
    required: bool,
}

/// What tells resources and prompts apart.
struct Spec {
    one: &'static str,
    many: &'static str,
    body: Go,
    texts: &'static [Text],
    /// Raw JSON fields, and whether a create needs each.
    raw: &'static [(&'static str, bool)],
    /// Whether the item has a `size` (applied when not 0).
    sized: bool,
    /// Whether an update's id of 0 is refused as an undecodable request (the
    /// resource's mapper) rather than by validation (the prompt's `prompt ID is
    /// required`).
    id_in_mapper: bool,
    map: fn(&Catalog) -> &BTreeMap<String, Record>,
    map_mut: fn(&mut Catalog) -> &mut BTreeMap<String, Record>,
    unlink: fn(&mut State, &str),
}

const RESOURCE: Spec = Spec {
    one: "resource",
    many: "resources",
    body: RESOURCE_BODY,
    texts: &[
        Text {
            key: "name",
            label: "name",
            max: 128,
            required: true,
        },
        Text {
            key: "uri",
            label: "URI",
            max: 255,
            required: true,
        },
        Text {
            key: "description",
            label: "description",
            max: 1024,
            required: false,
        },
        Text {
            key: "mimeType",
            label: "MIME type",
            max: usize::MAX,
            required: false,
        },
    ],
    raw: &[("annotations", false)],
    sized: true,
    id_in_mapper: true,
    map: |c| &c.resources,
    map_mut: |c| &mut c.resources,
    unlink: |st, id| st.unlink_resource(id),
};

const PROMPT: Spec = Spec {
    one: "prompt",
    many: "prompts",
    body: PROMPT_BODY,
    texts: &[
        Text {
            key: "name",
            label: "name",
            max: 128,
            required: true,
        },
        Text {
            key: "description",
            label: "description",
            max: 4096,
            required: false,
        },
    ],
    raw: &[("arguments", false), ("messages", true)],
    sized: false,
    id_in_mapper: false,
    map: |c| &c.prompts,
    map_mut: |c| &mut c.prompts,
    unlink: |st, id| st.unlink_prompt(id),
};

impl ItemKind {
    /// The kind a path segment names: `resources` or `prompts`.
    pub(super) fn of(segment: &str) -> Option<ItemKind> {
        match segment {
            "resources" => Some(ItemKind::Resource),
            "prompts" => Some(ItemKind::Prompt),
            _ => None,
        }
    }

    fn spec(self) -> &'static Spec {
        match self {
            ItemKind::Resource => &RESOURCE,
            ItemKind::Prompt => &PROMPT,
        }
    }
}

/// `GET /resources` or `/prompts`: `{}` when there are none.
pub(super) fn list(st: &State, kind: ItemKind) -> Reply {
    let spec = kind.spec();
    let all = (spec.map)(&st.catalog)
        .values()
        .map(|r| Value::Object(r.clone()))
        .collect();
    emulation::list(spec.many, all)
}

/// `POST /resources` or `/prompts`.
pub(super) fn create(st: &mut State, kind: ItemKind, body: &[u8]) -> Reply {
    let spec = kind.spec();
    match add(st, spec, body, None) {
        Ok(id) => answer(st, spec, 201, &id),
        Err(refusal) => refusal,
    }
}

/// Checks a create's body and stores the item, owned by `owner` when given (which must
/// be a provider); returns its id.
fn add(st: &mut State, spec: &Spec, body: &[u8], owner: Option<&str>) -> Result<String, Reply> {
    let Some(item) = decode_body(body, spec.body, spec.one) else {
        return Err(undecodable());
    };
    for t in spec.texts {
        let value = text(&item, t.key);
        if t.required && value.is_empty() {
            return Err(refuse(
                &format!("{} {} is required", spec.one, t.label),
                Value::Null,
            ));
        }
        too_long(spec, t, value)?;
    }
    for (key, required) in spec.raw {
        if *required && present(&item, key).is_none() {
            return Err(refuse(
                &format!("{} {key} are required", spec.one),
                Value::Null,
            ));
        }
    }
    if let Some(provider) = owner.filter(|p| !st.provider_exists(p)) {
        return Err(provider_not_found(provider));
    }
    let fields = Value::Object(changes(spec, &item));
    let id = st.add_record(spec.map_mut, fields, true);
    if let Some(provider) = owner {
        st.owners.insert(canonical_id(&id), canonical_id(provider));
    }
    Ok(id)
}

/// `GET /resources/{id}` or `/prompts/{id}`.
pub(super) fn get(st: &State, kind: ItemKind, id: &str) -> Reply {
    let spec = kind.spec();
    if decode_id(id) == 0 {
        return undecodable();
    }
    if !(spec.map)(&st.catalog).contains_key(&canonical_id(id)) {
        return not_found(spec, id);
    }
    answer(st, spec, 200, id)
}

fn not_found(spec: &Spec, id: &str) -> Reply {
    emulation::error(
        404,
        &format!("server {} not found", spec.one),
        json!({ "id": decode_id(id) }),
    )
}

/// `PATCH /resources/{id}` or `/prompts/{id}`: 204, also for an unknown id.
pub(super) fn patch(st: &mut State, kind: ItemKind, id: &str, body: &[u8]) -> Reply {
    let spec = kind.spec();
    match update(spec, id, body) {
        Ok(changes) => apply(st, spec, id, changes),
        Err(refusal) => refusal,
    }
}

/// The changes a PATCH's body asks for, after the checks the service makes.
fn update(spec: &Spec, id: &str, body: &[u8]) -> Result<Map<String, Value>, Reply> {
    let zero = decode_id(id) == 0;
    // The resource mapper refuses `id <= 0`: an id above the stored range reads as −1.
    if spec.id_in_mapper && decode_id(id) <= 0 {
        return Err(undecodable());
    }
    let Some(item) = decode_body(body, spec.body, spec.one) else {
        return Err(undecodable());
    };
    if zero {
        return Err(refuse(&format!("{} ID is required", spec.one), Value::Null));
    }
    for t in spec.texts {
        too_long(spec, t, text(&item, t.key))?;
    }
    let changes = changes(spec, &item);
    if changes.is_empty() {
        return Err(refuse(
            "no update fields provided",
            json!({ "id": decode_id(id) }),
        ));
    }
    Ok(changes)
}

/// Applies `changes` to the item, if there is one: 204 either way.
fn apply(st: &mut State, spec: &Spec, id: &str, changes: Map<String, Value>) -> Reply {
    let now = rfc3339(st.clock.tick());
    if let Some(record) = (spec.map_mut)(&mut st.catalog).get_mut(&canonical_id(id)) {
        record.extend(changes);
        record.insert("updatedAt".into(), now.into());
    }
    Reply::new(204, "application/json", "")
}

/// `DELETE /resources/{id}` or `/prompts/{id}`: the item and its server links; 204
/// whether or not it existed.
pub(super) fn delete(st: &mut State, kind: ItemKind, id: &str) -> Reply {
    let spec = kind.spec();
    if decode_id(id) == 0 {
        return undecodable();
    }
    (spec.map_mut)(&mut st.catalog).remove(&canonical_id(id));
    st.owners.remove(&canonical_id(id));
    (spec.unlink)(st, id);
    Reply::new(204, "application/json", "")
}

/// Whether `id` is an item made under `provider`.
fn owned(st: &State, provider: &str, id: &str) -> bool {
    st.owners.get(&canonical_id(id)) == Some(&canonical_id(provider))
}

/// `GET /providers/{id}/resources` or `…/prompts` (hosted): the provider's items, `{}`
/// when there are none (an unknown provider too, as its tool list).
pub(super) fn list_under(st: &State, kind: ItemKind, provider: &str) -> Reply {
    let spec = kind.spec();
    let all = (spec.map)(&st.catalog)
        .iter()
        .filter(|(id, _)| owned(st, provider, id))
        .map(|(_, r)| Value::Object(r.clone()))
        .collect();
    emulation::list(spec.many, all)
}

/// `POST /providers/{id}/resources` or `…/prompts` (hosted): the top-level create's
/// checks, then a 404 for an unknown provider.
pub(super) fn create_under(st: &mut State, kind: ItemKind, provider: &str, body: &[u8]) -> Reply {
    let spec = kind.spec();
    match add(st, spec, body, Some(provider)) {
        Ok(id) => answer(st, spec, 201, &id),
        Err(refusal) => refusal,
    }
}

/// `GET /providers/{id}/resources/{resourceID}` or `…/prompts/{promptID}` (hosted).
pub(super) fn get_under(st: &State, kind: ItemKind, provider: &str, id: &str) -> Reply {
    if decode_id(id) != 0 && !owned(st, provider, id) {
        return not_found(kind.spec(), id);
    }
    get(st, kind, id)
}

/// `PATCH /providers/{id}/resources/{resourceID}` or `…/prompts/{promptID}` (hosted):
/// the top-level update's checks, then a 404 for an item the provider does not have;
/// a resource is answered with 200 and the resource, a prompt with 204.
pub(super) fn patch_under(
    st: &mut State,
    kind: ItemKind,
    provider: &str,
    id: &str,
    body: &[u8],
) -> Reply {
    let spec = kind.spec();
    let changes = match update(spec, id, body) {
        Ok(changes) => changes,
        Err(refusal) => return refusal,
    };
    if !owned(st, provider, id) {
        return not_found(spec, id);
    }
    let reply = apply(st, spec, id, changes);
    match kind {
        ItemKind::Resource => answer(st, spec, 200, id),
        ItemKind::Prompt => reply,
    }
}

/// `DELETE /providers/{id}/resources/{resourceID}` or `…/prompts/{promptID}` (hosted):
/// 204, whether or not the provider had the item.
pub(super) fn delete_under(st: &mut State, kind: ItemKind, provider: &str, id: &str) -> Reply {
    if decode_id(id) != 0 && !owned(st, provider, id) {
        return Reply::new(204, "application/json", "");
    }
    delete(st, kind, id)
}

/// Deletes every resource and prompt made under `provider`, with their server links, as
/// deleting the provider does in the hosted edition.
pub(super) fn delete_owned_by(st: &mut State, provider: &str) {
    let provider = canonical_id(provider);
    let items: Vec<String> = st
        .owners
        .iter()
        .filter(|(_, p)| **p == provider)
        .map(|(id, _)| id.clone())
        .collect();
    for id in items {
        for kind in [ItemKind::Resource, ItemKind::Prompt] {
            if (kind.spec().map)(&st.catalog).contains_key(&id) {
                delete(st, kind, &id);
            }
        }
    }
}

fn provider_not_found(provider: &str) -> Reply {
    emulation::error(
        404,
        "provider not found",
        json!({ "reason": "record not found", "providerID": decode_id(provider) }),
    )
}

/// The fields of `item` the service applies: non-empty texts, a non-zero size, and
/// the raw fields that are present (even as `null`).
fn changes(spec: &Spec, item: &Value) -> Map<String, Value> {
    let mut m = Map::new();
    for t in spec.texts {
        if !text(item, t.key).is_empty() {
            m.insert(t.key.into(), text(item, t.key).into());
        }
    }
    if spec.sized {
        let size = emulation::field(item, "size").as_i64().unwrap_or(0);
        if size != 0 {
            m.insert("size".into(), size.into());
        }
    }
    for (key, _) in spec.raw {
        if let Some(value) = present(item, key) {
            m.insert((*key).into(), value.clone());
        }
    }
    m
}

fn too_long(spec: &Spec, t: &Text, value: &str) -> Result<(), Reply> {
    if value.len() > t.max {
        return Err(refuse(
            &format!(
                "{} {} exceeds maximum length of {}",
                spec.one, t.label, t.max
            ),
            Value::Null,
        ));
    }
    Ok(())
}

fn refuse(message: &str, data: Value) -> Reply {
    emulation::error(400, message, data)
}

fn answer(st: &State, spec: &Spec, status: u16, id: &str) -> Reply {
    let item = (spec.map)(&st.catalog)
        .get(&canonical_id(id))
        .map_or(Value::Null, |r| Value::Object(r.clone()));
    let mut body = Map::new();
    body.insert(spec.one.into(), item);
    emulation::json(status, Value::Object(body).to_string())
}

impl FakeHasMcp {
    /// The resource with this id as `GET /resources/{id}` returns it inside
    /// `{"resource": …}`, or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_resource("readme", "file:///README.md");
    /// assert_eq!(fake.resource(&id).unwrap()["uri"], "file:///README.md");
    /// # }
    /// ```
    pub fn resource(&self, id: &str) -> Option<Value> {
        self.item(ItemKind::Resource, id)
    }

    /// The prompt with this id as `GET /prompts/{id}` returns it inside
    /// `{"prompt": …}`, or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_prompt("summarize");
    /// assert_eq!(fake.prompt(&id).unwrap()["name"], "summarize");
    /// # }
    /// ```
    pub fn prompt(&self, id: &str) -> Option<Value> {
        self.item(ItemKind::Prompt, id)
    }

    /// Adds a resource under a provider, as the hosted edition's
    /// `POST /providers/{id}/resources` makes one, and returns its id. It is the same
    /// record [`FakeHasMcp::resource`] shows and servers attach.
    ///
    /// # Panics
    ///
    /// When the provider does not exist: a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use mcp_admin::testing::{Edition, FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::builder().edition(Edition::Hosted).start().await;
    /// let provider = fake.seed_provider("GitHub");
    /// let id = fake.seed_provider_resource(&provider, "readme", "file:///README.md");
    /// assert_eq!(fake.resource(&id).unwrap()["name"], "readme");
    /// # }
    /// ```
    pub fn seed_provider_resource(&self, provider_id: &str, name: &str, uri: &str) -> String {
        self.seed_under(
            provider_id,
            ItemKind::Resource,
            json!({ "name": name, "uri": uri }),
        )
    }

    /// Adds a prompt under a provider, as the hosted edition's
    /// `POST /providers/{id}/prompts` makes one, and returns its id.
    ///
    /// # Panics
    ///
    /// When the provider does not exist: a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use mcp_admin::testing::{Edition, FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::builder().edition(Edition::Hosted).start().await;
    /// let provider = fake.seed_provider("GitHub");
    /// let id = fake.seed_provider_prompt(&provider, "summarize");
    /// assert_eq!(fake.prompt(&id).unwrap()["name"], "summarize");
    /// # }
    /// ```
    pub fn seed_provider_prompt(&self, provider_id: &str, name: &str) -> String {
        self.seed_under(provider_id, ItemKind::Prompt, json!({ "name": name }))
    }

    fn seed_under(&self, provider_id: &str, kind: ItemKind, fields: Value) -> String {
        self.0.with_state(|st| {
            if !st.provider_exists(provider_id) {
                panic!("FakeHasMcp: no provider has id {provider_id}");
            }
            let id = st.add_record(kind.spec().map_mut, fields, true);
            st.owners
                .insert(canonical_id(&id), canonical_id(provider_id));
            id
        })
    }

    fn item(&self, kind: ItemKind, id: &str) -> Option<Value> {
        self.0.with_state(|st| {
            (kind.spec().map)(&st.catalog)
                .get(&canonical_id(id))
                .map(|r| Value::Object(r.clone()))
        })
    }
}
