//! A server's credentials: `GET /getmcp/v1/servers/{id}/credentials`, and what an update
//! does to them (the plugin's authentication settings and its credential checks).

use serde_json::{json, Map, Value};

use super::{
    emulation::{forbidden, wp_error, wp_json},
    servers::{find, Record},
    state::State,
};
use crate::{
    getmcp::{
        credentials::{check_config, php_empty, secret_like},
        ServerRef,
    },
    testing::{mix, shell::Reply},
};

/// The three credential slots, as `clear_credentials` names them.
const SLOTS: [&str; 3] = [
    "auth_credentials",
    "test_auth_credentials",
    "outbound_auth_credentials",
];

/// A server's stored credentials, decoded; never part of its object.
#[derive(Debug, Clone, Default)]
pub(super) struct Stored {
    pub(super) auth: Option<Value>,
    pub(super) test: Option<Value>,
    pub(super) outbound: Option<Value>,
}

impl Stored {
    /// Takes the credential keys out of a seeded server object: each a JSON-encoded
    /// string, an object, or `null`.
    pub(super) fn take_from(object: &mut Map<String, Value>) -> Self {
        let mut take = |key: &str| match object.remove(key) {
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) => Some(serde_json::from_str(&s).unwrap_or(Value::String(s))),
            Some(Value::Null) | None => None,
            Some(v) => Some(v),
        };
        Stored {
            auth: take("auth_credentials"),
            test: take("test_auth_credentials"),
            outbound: take("outbound_auth_credentials"),
        }
    }
}

/// What an update does to a server's auth settings, beyond the plain fields.
#[derive(Debug, Default)]
pub(super) struct Change {
    /// `Some(None)` empties a slot, `Some(Some(v))` stores `v`.
    pub(super) auth: Option<Option<Value>>,
    pub(super) test: Option<Option<Value>>,
    pub(super) outbound: Option<Option<Value>>,
    /// The new `auth_config`, JSON-encoded as the plugin stores it.
    pub(super) auth_config: Option<String>,
    /// The new `outbound_auth_config`, likewise.
    pub(super) outbound_auth_config: Option<String>,
    /// The new `test_auth_type`.
    pub(super) test_auth_type: Option<Value>,
}

impl Change {
    /// Whether the stored row changes at all.
    pub(super) fn is_empty(&self) -> bool {
        self.auth.is_none()
            && self.test.is_none()
            && self.outbound.is_none()
            && self.auth_config.is_none()
            && self.outbound_auth_config.is_none()
            && self.test_auth_type.is_none()
    }

    /// Applies the change to `record`.
    pub(super) fn apply(self, record: &mut Record) {
        if let Some(auth) = self.auth {
            record.stored.auth = auth;
        }
        if let Some(test) = self.test {
            record.stored.test = test;
        }
        if let Some(outbound) = self.outbound {
            record.stored.outbound = outbound;
        }
        if let Some(config) = self.auth_config {
            record.object.insert("auth_config".into(), config.into());
        }
        if let Some(config) = self.outbound_auth_config {
            record
                .object
                .insert("outbound_auth_config".into(), config.into());
        }
        if let Some(t) = self.test_auth_type {
            record.test_auth_type = t;
        }
    }
}

/// `GET /servers/{id}/credentials`: flags, never a credential.
pub(super) fn get(st: &State, id: Option<ServerRef>, authorized: bool) -> Reply {
    if !authorized {
        // The route shares the update's permission check, and so its message.
        return forbidden("You do not have permission to update this server.");
    }
    let Some(i) = id.and_then(|id| find(st, id)) else {
        return wp_error(404, "getmcp_not_found", "Server not found.");
    };
    let record = &st.servers[i];
    let object = &record.object;
    let field = |key: &str| object.get(key).cloned().unwrap_or(Value::Null);
    wp_json(
        200,
        &json!({
            "auth_type": field("auth_type"),
            "auth_config": public_config(object.get("auth_config")),
            "outbound_auth_type": field("outbound_auth_type"),
            "outbound_auth_config": public_config(object.get("outbound_auth_config")),
            "test_auth_type": record.test_auth_type,
            "authentication_revision": revision(record),
            "auth_credentials": null,
            "has_auth_credentials": record.stored.auth.is_some(),
            "test_auth_credentials": null,
            "has_test_auth_credentials": record.stored.test.is_some(),
            "outbound_auth_credentials": null,
            "has_outbound_auth_credentials": record.stored.outbound.is_some(),
        }),
    )
}

/// What an update with `params` (its validated arguments `given`) does to `record`'s
/// auth settings, in the plugin's order: the revision check (409
/// `authentication_conflict`), the clear list and the configurations (400
/// `authentication_invalid`), then the rules of a type change, then the credential
/// shapes (400 `getmcp_invalid_credentials`).
///
/// - A configuration (`auth_config`, `outbound_auth_config`: a JSON object or its
///   encoding) is merged key by key over the stored one (`null` removes a key), or
///   stored as sent with `"auth_config_mode": "replace"`, a type change or a new
///   `provider` / `client_id`; it is `"[]"` while the type is `none`. A secret-like
///   key at any depth, a list or bad JSON is refused.
/// - Any `auth_type` change resets `auth_config` (to the one sent, else `"[]"`) and
///   empties the test slot, whatever test credentials came with it, and the inbound
///   slot unless inbound credentials come with it; likewise an `outbound_auth_type`
///   change for the outbound slot.
/// - Inbound and outbound credentials that are empty (`""`, `null`, no non-empty part)
///   leave the slot as it is; others are merged over the stored ones part by part.
/// - Test credentials that are empty (`""`, `"0"`, `[]`, `{}`) leave the slot as it is.
/// - `clear_credentials` empties the slots it names.
/// - While the type is `none` the inbound and test slots are emptied; `oauth` empties
///   the test slot and takes any inbound object; otherwise credentials must have the
///   fields the type needs. An outbound type of `none` (or none stored) empties the
///   outbound slot.
pub(super) fn prepare(
    record: &Record,
    params: &Map<String, Value>,
    given: &[(&'static str, Value)],
) -> Result<Change, Reply> {
    let given = |key: &str| given.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
    let invalid_update = || {
        wp_error(
            400,
            "authentication_invalid",
            "Invalid authentication update.",
        )
    };
    if let Some(sent) = params
        .get("authentication_revision")
        .filter(|v| !v.is_null())
        && php_string(sent) != revision(record)
    {
        return Err(wp_error(
            409,
            "authentication_conflict",
            "Authentication changed. Reload before saving.",
        ));
    }
    let mode = params
        .get("auth_config_mode")
        .filter(|v| !v.is_null())
        .map(php_string);
    let replace = match mode.as_deref() {
        None | Some("merge") => false,
        Some("replace") => true,
        Some(_) => return Err(invalid_update()),
    };
    let clear = clear_list(params.get("clear_credentials")).ok_or_else(invalid_update)?;

    let object = &record.object;
    let current = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
    let mut change = Change::default();
    let mut slots: [Option<Option<Value>>; 2] = [None, None];
    let mut candidate = None;
    let mut changed = [false, false];
    for (n, prefix) in ["auth", "outbound_auth"].into_iter().enumerate() {
        let type_key = format!("{prefix}_type");
        let config_key = format!("{prefix}_config");
        let slot_key = format!("{prefix}_credentials");
        let now = current(&type_key);
        let new_type = given(&type_key).and_then(Value::as_str);
        let effective = new_type.map(str::to_owned).or(now.clone());
        let mode_changed = new_type.is_some_and(|t| Some(t) != now.as_deref());
        changed[n] = mode_changed;
        let old = config_object(object.get(&config_key)).unwrap_or_default();
        let sent = given(&config_key);
        let new = match sent {
            Some(v) => config_object(Some(v)).ok_or_else(invalid_update)?,
            None => Map::new(),
        };
        let differs = |key: &str, default: &str| {
            new.get(key).is_some_and(|v| {
                Some(v) != old.get(key) && !(old.get(key).is_none() && v.as_str() == Some(default))
            })
        };
        let provider_changed = differs("provider", "external") || differs("client_id", "");
        if sent.is_some() || mode_changed {
            let mut config = if replace || mode_changed || provider_changed {
                new.clone()
            } else {
                merge(old, new.clone())
            };
            if effective.as_deref() == Some("none") {
                config = Map::new();
            }
            // The same rule as the client's own check, which names the key.
            if check_config("auth_config", &config).is_err() {
                return Err(invalid_update());
            }
            let encoded = if config.is_empty() {
                "[]".to_owned()
            } else {
                Value::Object(config).to_string()
            };
            if n == 0 {
                change.auth_config = Some(encoded);
            } else {
                change.outbound_auth_config = Some(encoded);
            }
        }
        let sent_credentials = given(&slot_key).filter(|v| !php_empty(v));
        if mode_changed || provider_changed {
            slots[n] = Some(sent_credentials.cloned());
            if n == 0 {
                change.test = Some(None);
            }
        } else if let Some(sent) = sent_credentials {
            let values: Map<String, Value> = config_object(Some(sent))
                .ok_or_else(invalid_update)?
                .into_iter()
                .filter(|(_, v)| !v.is_null() && v.as_str() != Some(""))
                .collect();
            if !values.is_empty() {
                let stored = if n == 0 {
                    &record.stored.auth
                } else {
                    &record.stored.outbound
                };
                let mut merged = match stored {
                    Some(Value::Object(map)) => map.clone(),
                    _ => Map::new(),
                };
                merged.extend(values);
                slots[n] = Some(Some(Value::Object(merged)));
            }
        }
    }
    if !changed[0]
        && let Some(sent) = given("test_auth_credentials")
        && !php_empty(sent)
    {
        candidate = Some(sent);
    }
    for slot in &clear {
        match slot.as_str() {
            "auth_credentials" => slots[0] = Some(None),
            "test_auth_credentials" => {
                change.test = Some(None);
                candidate = None;
            }
            _ => slots[1] = Some(None),
        }
    }
    let effective = given("auth_type")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or(current("auth_type"))
        .unwrap_or_else(|| "none".to_owned());
    let auth_related = [
        "auth_type",
        "auth_config",
        "auth_credentials",
        "test_auth_credentials",
        "outbound_auth_type",
        "outbound_auth_config",
        "outbound_auth_credentials",
    ]
    .into_iter()
    .any(|key| given(key).is_some());
    if auth_related || candidate.is_some() {
        change.test_auth_type = Some(effective.clone().into());
    }
    let [mut auth, outbound] = slots;
    if auth_related && effective == "oauth" {
        // The controller's OAuth provider check, on the configuration as it will be.
        let config = match &change.auth_config {
            Some(encoded) => Some(Value::String(encoded.clone())),
            None => object.get("auth_config").cloned(),
        };
        let decoded = match config {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) => {
                Some(serde_json::from_str::<Value>(&s).unwrap_or(Value::Null))
            }
            Some(other) => Some(other),
        };
        if let Some(decoded) = decoded {
            let provider = decoded.get("provider");
            let known = provider.is_none_or(|p| p == "getmcp" || p == "external");
            if !(decoded.is_object() || decoded.is_array()) || !known {
                return Err(wp_error(
                    400,
                    "getmcp_invalid_oauth_provider",
                    "OAuth provider must be getmcp or external.",
                ));
            }
            // The site's own OAuth server needs no upstream secret: it wipes one.
            if provider.is_some_and(|p| p == "getmcp") {
                auth = Some(None);
            }
        }
    }
    change.auth = match effective.as_str() {
        "none" if auth_related => Some(None),
        _ => match auth {
            Some(Some(sent)) => Some(Some(checked(&effective, &sent)?)),
            other => other,
        },
    };
    if effective == "none" && auth_related {
        change.test = Some(None);
        candidate = None;
    }
    let outbound_type = given("outbound_auth_type")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or(current("outbound_auth_type"));
    change.outbound = match outbound_type.as_deref() {
        None | Some("none") if auth_related => Some(None),
        Some(t) => match outbound {
            Some(Some(sent)) => Some(Some(checked(t, &sent)?)),
            other => other,
        },
        None => outbound,
    };
    if let Some(sent) = candidate
        && !matches!(effective.as_str(), "none" | "oauth")
    {
        change.test = Some(Some(checked(&effective, sent)?));
    }
    Ok(change)
}

/// An auth configuration as the add-on reads it: `""` and `null` are empty, a string is
/// decoded; a list or bad JSON is `None` (refused).
fn config_object(v: Option<&Value>) -> Option<Map<String, Value>> {
    let decoded = match v {
        None | Some(Value::Null) => return Some(Map::new()),
        Some(Value::String(s)) if s.is_empty() => return Some(Map::new()),
        Some(Value::String(s)) => serde_json::from_str::<Value>(s).ok()?,
        Some(v) => v.clone(),
    };
    match decoded {
        Value::Object(map) => Some(map),
        Value::Array(items) if items.is_empty() => Some(Map::new()),
        Value::Null => Some(Map::new()),
        _ => None,
    }
}

/// The add-on's merge: `null` removes a key, objects merge key by key, anything else
/// replaces.
fn merge(mut old: Map<String, Value>, new: Map<String, Value>) -> Map<String, Value> {
    for (key, value) in new {
        match value {
            Value::Null => {
                old.remove(&key);
            }
            Value::Object(inner) if !inner.is_empty() => {
                let merged = match old.remove(&key) {
                    Some(Value::Object(before)) => merge(before, inner),
                    _ => inner,
                };
                old.insert(key, Value::Object(merged));
            }
            other => {
                old.insert(key, other);
            }
        }
    }
    old
}

/// `clear_credentials` as the plugin reads it: absent or `null` is none; a list (or an
/// object's values) of slot names; anything else is refused (`None`).
fn clear_list(v: Option<&Value>) -> Option<Vec<String>> {
    let items: Vec<&Value> = match v {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Object(map)) => map.values().collect(),
        Some(_) => return None,
    };
    items
        .into_iter()
        .map(|item| {
            let name = php_string(item);
            SLOTS.contains(&name.as_str()).then_some(name)
        })
        .collect()
}

/// The credentials as stored, once they have the fields `auth_type` needs.
fn checked(auth_type: &str, sent: &Value) -> Result<Value, Reply> {
    let invalid = |message: String| wp_error(400, "getmcp_invalid_credentials", &message);
    let decoded = match sent {
        Value::String(s) => serde_json::from_str::<Value>(s).ok(),
        other => Some(other.clone()),
    };
    let Some(decoded) = decoded.filter(|v| v.is_object() || v.is_array()) else {
        return Err(invalid(
            "auth_credentials must be a valid JSON object.".into(),
        ));
    };
    let required: &[&str] = match auth_type {
        "bearer" => &["token"],
        "api-key" => &["name", "value", "location"],
        "basic" => &["username", "password"],
        _ => &[],
    };
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|key| decoded.get(key).is_none_or(php_empty))
        .collect();
    if !missing.is_empty() {
        return Err(invalid(format!(
            "auth_credentials for auth_type \"{auth_type}\" must include: {}.",
            missing.join(", ")
        )));
    }
    let location = decoded.get("location").and_then(Value::as_str);
    if auth_type == "api-key" && !matches!(location, Some("header" | "query")) {
        return Err(invalid(
            "auth_credentials.location must be \"header\" or \"query\" for api-key auth.".into(),
        ));
    }
    Ok(decoded)
}

/// A scalar as PHP's string cast gives it; anything else as its JSON.
fn php_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "1".into(),
        Value::Bool(false) | Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// An auth configuration as the credentials route shows it: decoded, secret-like keys
/// removed at any depth; PHP's `[]` when empty or unreadable.
fn public_config(config: Option<&Value>) -> Value {
    let decoded = match config {
        Some(Value::String(s)) => serde_json::from_str(s).unwrap_or(Value::Null),
        Some(v) => v.clone(),
        None => Value::Null,
    };
    match decoded {
        Value::Object(map) if !map.is_empty() => Value::Object(without_secrets(map)),
        _ => Value::Array(Vec::new()),
    }
}

fn without_secrets(map: Map<String, Value>) -> Map<String, Value> {
    map.into_iter()
        .filter(|(key, _)| !secret_like(key))
        .map(|(key, value)| match value {
            Value::Object(inner) => (key, Value::Object(without_secrets(inner))),
            other => (key, other),
        })
        .collect()
}

/// A revision of the auth settings that changes whenever any of them does: 64 hex
/// digits, as the plugin's HMAC-SHA256.
fn revision(record: &Record) -> String {
    let o = &record.object;
    let parts = json!([
        record.id,
        o.get("auth_type"),
        o.get("auth_config"),
        o.get("outbound_auth_type"),
        o.get("outbound_auth_config"),
        record.stored.auth,
        record.stored.test,
        record.stored.outbound,
    ])
    .to_string();
    let seed = parts.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (0..4u64)
        .map(|k| format!("{:016x}", mix(seed ^ k)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_lists_name_known_slots_only() {
        assert_eq!(clear_list(None), Some(vec![]));
        assert_eq!(clear_list(Some(&json!(null))), Some(vec![]));
        assert_eq!(
            clear_list(Some(&json!({"a": "test_auth_credentials"}))),
            Some(vec!["test_auth_credentials".to_owned()])
        );
        assert_eq!(clear_list(Some(&json!("test_auth_credentials"))), None);
        assert_eq!(clear_list(Some(&json!(["token"]))), None);
        assert_eq!(clear_list(Some(&json!([1]))), None);
    }

    #[test]
    fn public_configs_lose_secret_like_keys() {
        let config = json!(
            r#"{"provider":"external","client_secret":"s","nested":{"API_KEY":"k","scope":"x"}}"#
        );
        assert_eq!(
            public_config(Some(&config)),
            json!({"provider": "external", "nested": {"scope": "x"}})
        );
        for empty in [
            json!("[]"),
            json!(null),
            json!("not json"),
            json!("[1]"),
            json!(""),
        ] {
            assert_eq!(public_config(Some(&empty)), json!([]), "{empty}");
        }
    }
}
