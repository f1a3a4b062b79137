//! The variable routes, `/api/v1/variables[/{id}]`, as the open-source edition answers
//! them: the list key is always there, a `SECRET` value reads back as `***`, a type is
//! read in any case, duplicate names are stored, an update changes only the value
//! (unchecked, so even `""`) and answers 204, and a delete is 204 whether or not the
//! variable existed.

use serde_json::{json, Value};

use super::{
    catalog::Record,
    emulation::{self, canonical_id, decode_body, decode_id, text, undecodable, VARIABLE_BODY},
    state::State,
};
use crate::testing::{shell::Reply, FakeHasMcp};

/// `GET /variables`: `{"variables": []}` when there are none.
pub(super) fn list(st: &State) -> Reply {
    let variables: Vec<Value> = st.catalog.variables.values().map(render).collect();
    emulation::json(200, json!({ "variables": variables }).to_string())
}

/// `POST /variables`.
pub(super) fn create(st: &mut State, body: &[u8]) -> Reply {
    let Some(v) = decode_body(body, VARIABLE_BODY, "variable") else {
        return undecodable();
    };
    let name = text(&v, "name");
    let kind = text(&v, "type").to_ascii_uppercase();
    let value = text(&v, "value");
    let name_fits = (1..=128).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    let refusal = if !name_fits {
        Some("invalid varible name must be `[A-Z0-9_]{1,128}`")
    } else if !matches!(kind.as_str(), "ENV" | "SECRET") {
        Some("invalid variable type")
    } else if value.is_empty() {
        Some("value is required")
    } else {
        None
    };
    if let Some(message) = refusal {
        return emulation::error(400, message, Value::Null);
    }
    let fields = json!({ "type": kind, "name": name, "value": value });
    let id = st.add_record(|c| &mut c.variables, fields, false);
    let variable = st.catalog.variables.get(&id).map_or(Value::Null, render);
    emulation::json(201, json!({ "variable": variable }).to_string())
}

/// `PATCH /variables/{id}`: the value only; 204 with no body.
pub(super) fn patch(st: &mut State, id: &str, body: &[u8]) -> Reply {
    // The mapper refuses `id <= 0`: −1 is what an id above the stored range reads as.
    if decode_id(id) <= 0 {
        return undecodable();
    }
    let Some(v) = decode_body(body, VARIABLE_BODY, "variable") else {
        return undecodable();
    };
    let Some(record) = st.catalog.variables.get_mut(&canonical_id(id)) else {
        return emulation::error(
            404,
            "failed to fetch updated variable",
            json!({ "reason": "record not found", "variableId": decode_id(id) }),
        );
    };
    record.insert("value".into(), text(&v, "value").into());
    Reply::new(204, "application/json", "")
}

/// The hosted edition's answer to an accepted `PATCH /variables/{id}`: 200 with
/// `{"variable": …}` as the vendor's document has it (a secret's value as `***`).
pub(super) fn answer(st: &State, id: &str) -> Reply {
    let variable = st
        .catalog
        .variables
        .get(&canonical_id(id))
        .map_or(Value::Null, render);
    emulation::json(200, json!({ "variable": variable }).to_string())
}

/// `DELETE /variables/{id}`.
pub(super) fn delete(st: &mut State, id: &str) -> Reply {
    st.catalog.variables.remove(&canonical_id(id));
    Reply::new(204, "application/json", "")
}

/// A variable as the service renders it: a secret's value as `***`, an empty value
/// left out.
fn render(variable: &Record) -> Value {
    let mut v = variable.clone();
    let secret = v.get("type").and_then(Value::as_str) == Some("SECRET");
    match v.get("value").and_then(Value::as_str) {
        Some("") | None => {
            v.remove("value");
        }
        Some(_) if secret => {
            v.insert("value".into(), "***".into());
        }
        Some(_) => {}
    }
    Value::Object(v)
}

impl FakeHasMcp {
    /// Adds a variable (`type` `ENV` or `SECRET`, stored as given) and returns its id.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_variable("DB_URI", "SECRET", "postgres://db/main");
    /// assert_eq!(fake.variable(&id).unwrap()["value"], "***");
    /// assert_eq!(fake.variable_value(&id).as_deref(), Some("postgres://db/main"));
    /// # }
    /// ```
    pub fn seed_variable(&self, name: &str, variable_type: &str, value: &str) -> String {
        let fields = json!({ "type": variable_type, "name": name, "value": value });
        self.0
            .with_state(|st| st.add_record(|c| &mut c.variables, fields, false))
    }

    /// The variable with this id as `GET /variables` lists it (a secret's value as
    /// `***`), or `None`.
    pub fn variable(&self, id: &str) -> Option<Value> {
        self.0
            .with_state(|st| st.catalog.variables.get(&canonical_id(id)).map(render))
    }

    /// The value stored for a variable, secret or not: what no answer of the service
    /// shows, for tests that a value was sent and kept.
    pub fn variable_value(&self, id: &str) -> Option<String> {
        self.0.with_state(|st| {
            st.catalog
                .variables
                .get(&canonical_id(id))
                .and_then(|v| v.get("value"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
    }
}
