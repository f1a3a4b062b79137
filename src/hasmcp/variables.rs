//! HasMCP variables: the account's environment values and secrets that providers
//! read (by their `secretPrefix`).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{
    error::Platform,
    hasmcp::{catalog, Client, InvalidId, SecretValue, VariableId},
    id::{self, IntoId},
    paging::List,
    transport::{self, ops},
    wire::{null_as_default, object_model, timestamp},
    Error, Redacted,
};

/// A variable's type: `ENV` (shown in clear) or `SECRET` (stored encrypted, answered
/// as `***`). Read in any case, as the service reads it (`secret` is `Secret`); an
/// unknown value is kept.
///
/// ```
/// use mcp_admin::hasmcp::VariableType;
///
/// assert_eq!("secret".parse::<VariableType>().unwrap(), VariableType::Secret);
/// assert_eq!(VariableType::Env.to_string(), "ENV");
/// let other: VariableType = serde_json::from_str(r#""FILE""#).unwrap();
/// assert_eq!(other, VariableType::Unknown("FILE".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VariableType {
    /// `ENV`: a plain value.
    Env,
    /// `SECRET`: an encrypted value, never answered in clear.
    Secret,
    /// A value this version of the crate does not know; kept as sent.
    Unknown(String),
}

impl VariableType {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            VariableType::Env => "ENV",
            VariableType::Secret => "SECRET",
            VariableType::Unknown(other) => other,
        }
    }
}

impl fmt::Display for VariableType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for VariableType {
    type Err = std::convert::Infallible;
    /// Never fails: the known values in any case, anything else `Unknown`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_uppercase().as_str() {
            "ENV" => VariableType::Env,
            "SECRET" => VariableType::Secret,
            _ => VariableType::Unknown(s.to_owned()),
        })
    }
}

impl Serialize for VariableType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for VariableType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(s.parse().unwrap_or_else(|never| match never {}))
    }
}

/// A variable. The value of a `SECRET` one comes back as [`SecretValue::Masked`]; an
/// `ENV` value is a [`SecretValue::Value`] (hidden from `Debug` all the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Variable {
    /// Variable id.
    pub id: VariableId,
    /// Creation time (the open-source edition sends none).
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update (the open-source edition sends none).
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `ENV` or `SECRET` (fixed at creation).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub variable_type: Option<VariableType>,
    /// Name, `^[A-Z0-9_]{1,128}$` (fixed at creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Value: masked for a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<SecretValue>,
}

object_model! {
    /// `{"variable": …}`: how HasMCP wraps a variable it returns. Public for the raw
    /// client.
    #[non_exhaustive]
    pub struct VariableEnvelope {
        /// The variable.
        pub variable: Variable,
    }
}

object_model! {
    /// `{"variables": […]}`: every variable. Public for the raw client.
    #[non_exhaustive]
    pub struct VariableList {
        /// The variables.
        #[serde(
            default,
            deserialize_with = "null_as_default",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub variables: Vec<Variable>,
    }
}

/// The body of `POST /variables`, inside `{"variable": …}`; public for the raw client.
/// The value is [`Redacted`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateVariableFields {
    /// `name`: `^[A-Z0-9_]{1,128}$`.
    pub name: String,
    /// `type`: `ENV` or `SECRET`.
    #[serde(rename = "type")]
    pub variable_type: VariableType,
    /// `value`: not empty.
    pub value: Redacted<String>,
}

/// The body of `PATCH /variables/{id}`, inside `{"variable": …}`: the value is all a
/// variable can change. Public for the raw client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateVariableFields {
    /// `value`: not empty.
    pub value: Redacted<String>,
}

/// A variable to create: the name given to [`Client::create_variable`], and the type and
/// value, both required, set here and checked before sending.
#[must_use = "a create does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct CreateVariable {
    client: Client,
    name: String,
    variable_type: Option<VariableType>,
    /// Redacted: the builder's `Debug` must not show it.
    value: Option<Redacted<String>>,
}

impl CreateVariable {
    /// The type, `ENV` or `SECRET` (required; cannot change later).
    pub fn variable_type(self, variable_type: VariableType) -> Self {
        self.set_variable_type(Some(variable_type))
    }

    /// The type, or `None` (refused at `send()`: the type is required).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_variable("REGION").set_variable_type(Some(mcp_admin::hasmcp::VariableType::Env));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_variable_type(mut self, variable_type: Option<VariableType>) -> Self {
        self.variable_type = variable_type;
        self
    }

    /// The value (required): not empty, not `***`.
    pub fn value(self, value: impl Into<String>) -> Self {
        self.set_value(Some(value.into()))
    }

    /// The value, or `None` (refused at `send()`: the value is required).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_variable("REGION").set_value(Some("eu".to_owned()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_value(mut self, value: Option<String>) -> Self {
        self.value = value.map(Redacted::new);
        self
    }

    /// The body [`send`](Self::send) would POST (inside `{"variable": …}`), after
    /// checking every input; no I/O.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// use mcp_admin::hasmcp::VariableType;
    ///
    /// let body = hm.create_variable("REGION").variable_type(VariableType::Env).value("eu").body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"REGION","type":"ENV","value":"eu"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<CreateVariableFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(&ops::HASMCP_CREATE_VARIABLE))
    }

    fn checked_body(&self) -> Result<CreateVariableFields, Error> {
        let upper = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_';
        catalog::name("name", &self.name, "^[A-Z0-9_]{1,128}$", 128, upper, upper)?;
        let variable_type = match &self.variable_type {
            None => return Err(Error::invalid("type", "required: ENV or SECRET")),
            Some(t @ (VariableType::Env | VariableType::Secret)) => t.clone(),
            Some(other) => {
                return Err(Error::invalid(
                    "type",
                    format!("{other} is refused by the service: use ENV or SECRET"),
                ))
            }
        };
        let value = self.value.clone().ok_or_else(|| Error::required("value"))?;
        check_value(value.expose())?;
        Ok(CreateVariableFields {
            name: self.name.clone(),
            variable_type,
            value,
        })
    }

    /// Checks the inputs, creates the variable and returns it (a secret's value masked).
    pub async fn send(self) -> Result<Variable, Error> {
        let variable = self.body()?;
        let raw = self.client.raw();
        let body = crate::raw::types::HasmcpCreateVariableRequest { variable };
        let op = raw.hasmcp_create_variable().body(body);
        Ok(
            transport::call(raw, &ops::HASMCP_CREATE_VARIABLE, move || op.send())
                .await?
                .variable,
        )
    }
}

/// What a variable PATCH answers: the variable (the vendor document: 200 with
/// `{"variable": …}`) or none (the open-source edition and the knowledge base: 204 with
/// no body, read as `null`). Public for the raw client.
///
/// ```
/// use mcp_admin::hasmcp::UpdatedVariable;
///
/// let none: UpdatedVariable = serde_json::from_str("null").unwrap();
/// assert_eq!(none.variable, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UpdatedVariable {
    /// The updated variable, when the answer carried it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable: Option<Variable>,
}

impl<'de> Deserialize<'de> for UpdatedVariable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        catalog::updated(d, "variable").map(|variable| UpdatedVariable { variable })
    }
}

/// A change of a variable: its value, the one thing the service lets change (required).
///
/// # The answer
///
/// The vendor document answers 200 with the variable, the open-source edition and the
/// knowledge base 204 with no body. [`send`](Self::send) returns the updated variable
/// either way: a 200's as it is (no other request), or after a 204 the one found by
/// listing the variables (there is no single-variable read). A `SECRET` variable's
/// value comes back masked.
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdateVariable {
    client: Client,
    id: Result<VariableId, InvalidId>,
    /// Redacted: the builder's `Debug` must not show it.
    value: Option<Redacted<String>>,
}

impl UpdateVariable {
    /// The new value (required): not empty, not `***`.
    pub fn value(self, value: impl Into<String>) -> Self {
        self.set_value(Some(value.into()))
    }

    /// The new value, or `None` (refused at `send()`: there is nothing else to change).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let update = hm.update_variable("ASuB9Gf6aD9").set_value(Some("us".to_owned()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_value(mut self, value: Option<String>) -> Self {
        self.value = value.map(Redacted::new);
        self
    }

    /// The body [`send`](Self::send) would PATCH (inside `{"variable": …}`), after
    /// checking every input; no I/O.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let body = hm.update_variable("ASuB9Gf6aD9").value("us").body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"value":"us"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<UpdateVariableFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(&ops::HASMCP_UPDATE_VARIABLE))
    }

    fn checked_body(&self) -> Result<UpdateVariableFields, Error> {
        self.id.clone().map_err(|e| e.for_field("id"))?;
        let value = self
            .value
            .clone()
            .ok_or_else(|| Error::invalid("value", "required: the value is all that changes"))?;
        check_value(value.expose())?;
        Ok(UpdateVariableFields { value })
    }

    /// Checks the inputs, sends the PATCH, and returns the updated variable (see the
    /// type's docs).
    ///
    /// After a 204, a failed list is an [`Error::NotApplied`] with `applied` naming
    /// `value` and the list's error as `cause`; a list without the variable (deleted
    /// since) is an [`Error::NotApplied`] with `applied` naming `value` and no cause.
    /// Both have [`Error::may_have_applied`] `true`.
    pub async fn send(self) -> Result<Variable, Error> {
        self.send_unstamped()
            .await
            .map_err(|e| e.at(&ops::HASMCP_UPDATE_VARIABLE))
    }

    async fn send_unstamped(self) -> Result<Variable, Error> {
        const OP: &ops::Operation = &ops::HASMCP_UPDATE_VARIABLE;
        let variable = self.body()?;
        let id = self.id.map_err(|e| e.for_field("id"))?;
        let raw = self.client.raw();
        let body = crate::raw::types::HasmcpUpdateVariableRequest { variable };
        let op = raw.hasmcp_update_variable().id(id.clone()).body(body);
        let answer = transport::call_answered(raw, OP, move || op.send()).await?;
        let status = answer.status().as_u16();
        if let Some(variable) = answer.into_inner().variable {
            catalog::same_id(OP, status, "variable", id.as_str(), variable.id.as_str())?;
            return Ok(variable);
        }
        const FIELDS: &[(&str, bool)] = &[("value", true)];
        let listed = catalog::read_back(OP, status, FIELDS, self.client.all_variables().await)?;
        listed
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| Error::NotApplied {
                platform: Platform::HasMcp,
                operation: OP.id,
                status,
                applied: catalog::applied(FIELDS),
                not_applied: Vec::new(),
                reason: format!(
                    "the update was answered with success; variable {id} is not in the list \
                     read afterwards (deleted since?)"
                ),
                cause: None,
            })
    }
}

/// A value to send: not empty, and not the mask `***` (which reads back as "masked").
fn check_value(value: &str) -> Result<(), Error> {
    catalog::secret_to_send("value", &SecretValue::new(value))
}

impl Client {
    /// Lists every variable (`GET /api/v1/variables`); secret values come back
    /// [`SecretValue::Masked`].
    ///
    /// Confidence: code and spec.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// for v in hm.list_variables().all().await? {
    ///     let shown = v.value.as_ref().and_then(|s| s.expose()).unwrap_or("***");
    ///     println!("{} {:?} = {shown}", v.id, v.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_variables(&self) -> ListVariables {
        List::new(self.clone(), VariablesQuery {})
    }

    /// The whole list, one request.
    async fn all_variables(&self) -> Result<Vec<Variable>, Error> {
        let raw = self.raw();
        let op = raw.hasmcp_list_variables();
        Ok(
            transport::call(raw, &ops::HASMCP_LIST_VARIABLES, move || op.send())
                .await?
                .variables,
        )
    }

    /// Starts creating a variable named `name` (`POST /api/v1/variables`); the type and
    /// the value are required setters of [`CreateVariable`]. `name` must match
    /// `^[A-Z0-9_]{1,128}$`, the type be `ENV` or `SECRET`, and the value be non-empty
    /// and not `***`; all three are checked before sending. Name and type cannot change
    /// later.
    ///
    /// Confidence: code and spec. Sources disagree on duplicate names: the vendor's
    /// knowledge base says 409, the open-source edition stores a second variable of the
    /// same name (201).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::hasmcp::VariableType;
    /// # let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// # let hm = mcp_admin::hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    ///
    /// let v = hm
    ///     .create_variable("STRIPE_API_KEY")
    ///     .variable_type(VariableType::Secret)
    ///     .value("sk_live_…")
    ///     .send()
    ///     .await?;
    /// assert!(v.value.unwrap().is_masked()); // the service never shows it again
    ///
    /// let refused = hm.create_variable("stripe-key").variable_type(VariableType::Env).value("x").send().await;
    /// assert!(refused.unwrap_err().is_invalid_input()); // nothing was sent
    /// # Ok(()) }
    /// ```
    pub fn create_variable(&self, name: impl Into<String>) -> CreateVariable {
        CreateVariable {
            client: self.clone(),
            name: name.into(),
            variable_type: None,
            value: None,
        }
    }

    /// Starts changing a variable (`PATCH /api/v1/variables/{id}`): the value is all
    /// the service lets a variable change, and [`UpdateVariable::value`] is required.
    ///
    /// `send()` returns the updated variable: the spec's 200 carries it, and after the
    /// open-source edition's 204 (also the knowledge base's) it is found by listing the
    /// variables (see [`UpdateVariable`]).
    ///
    /// Confidence: code; sources disagree on the answer (above). An unknown id is a 404
    /// `failed to fetch updated variable` (code).
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let variable = hm.update_variable("ASuB9Gf6aD9").value("sk_live_new").send().await?;
    /// assert!(variable.value.is_some_and(|v| v.is_masked())); // a SECRET's value
    /// # Ok(()) }
    /// ```
    pub fn update_variable(&self, id: impl IntoId<VariableId>) -> UpdateVariable {
        UpdateVariable {
            client: self.clone(),
            id: id::keep(id),
            value: None,
        }
    }

    /// Deletes a variable (`DELETE /api/v1/variables/{id}`).
    ///
    /// Confidence: code and spec. An unknown id is a success too (204) (code).
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.delete_variable("ASuB9Gf6aD9").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_variable(&self, id: impl IntoId<VariableId>) -> Result<(), Error> {
        let id = id::take(id, "id", &ops::HASMCP_DELETE_VARIABLE)?;
        let raw = self.raw();
        let op = raw.hasmcp_delete_variable().id(id);
        transport::call(raw, &ops::HASMCP_DELETE_VARIABLE, move || op.send()).await
    }
}

whole_list! {
    /// What [`Client::list_variables`] asks for: every variable, all of them (HasMCP does not page).
    VariablesQuery {} => Variable, HASMCP_LIST_VARIABLES, |client, _query| client.all_variables().await
}

/// The list [`Client::list_variables`] returns.
pub type ListVariables = List<VariablesQuery>;

#[cfg(test)]
mod tests {
    use super::{Variable, VariableType};
    use crate::hasmcp::SecretValue;

    #[test]
    fn types_read_in_any_case_and_keep_unknown_values() {
        for (text, ty) in [
            ("ENV", VariableType::Env),
            ("env", VariableType::Env),
            ("Secret", VariableType::Secret),
        ] {
            assert_eq!(text.parse::<VariableType>().unwrap(), ty, "{text}");
        }
        let v: Variable = serde_json::from_str(
            r#"{"id":"ASuB9Gf6aD9","type":"secret","name":"DB_URI","value":"***"}"#,
        )
        .unwrap();
        assert_eq!(v.variable_type, Some(VariableType::Secret));
        assert_eq!(v.value, Some(SecretValue::Masked));
        assert_eq!(
            serde_json::to_value(&v).unwrap(),
            serde_json::json!({"id":"ASuB9Gf6aD9","type":"SECRET","name":"DB_URI","value":"***"})
        );
    }
}
