//! `test_auth_credentials`: typed credentials, encoded as the JSON string the API wants.

use serde::Serialize;

use crate::{getmcp::AuthType, Error, Redacted};

/// Where an API key goes when the admin panel tests the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum KeyLocation {
    /// In a request header.
    Header,
    /// In a query parameter.
    Query,
}

/// Credentials the admin panel's **Test** button uses; stored encrypted by the plugin.
///
/// The API takes them as a JSON-encoded *string*; this type does the encoding, so a
/// caller never hand-builds JSON inside JSON. The secret parts are [`Redacted`], so
/// `Debug` never shows them.
///
/// ```
/// use mcp_admin::getmcp::{KeyLocation, TestAuthCredentials};
///
/// let c = TestAuthCredentials::bearer("tok");
/// assert_eq!(c.to_json_string()?, r#"{"token":"tok"}"#);
/// let k = TestAuthCredentials::api_key("X-API-Key", "k", KeyLocation::Header);
/// assert_eq!(k.to_json_string()?, r#"{"name":"X-API-Key","value":"k","location":"header"}"#);
/// assert!(!format!("{k:?}").contains("\"k\""));
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TestAuthCredentials {
    /// `{"token": …}`
    Bearer {
        /// The bearer token.
        token: Redacted<String>,
    },
    /// `{"name": …, "value": …, "location": "header"|"query"}`
    ApiKey {
        /// Header or query parameter name.
        name: String,
        /// The key.
        value: Redacted<String>,
        /// Header or query.
        location: KeyLocation,
    },
    /// `{"username": …, "password": …}`
    Basic {
        /// User name.
        username: String,
        /// Password.
        password: Redacted<String>,
    },
    /// A JSON object, sent as given (for credential shapes this crate does not know).
    RawJson(Redacted<String>),
}

impl TestAuthCredentials {
    /// Bearer token credentials.
    pub fn bearer(token: impl Into<String>) -> Self {
        TestAuthCredentials::Bearer {
            token: Redacted::new(token.into()),
        }
    }

    /// API key credentials, sent in a header or query parameter named `name`.
    pub fn api_key(
        name: impl Into<String>,
        value: impl Into<String>,
        location: KeyLocation,
    ) -> Self {
        TestAuthCredentials::ApiKey {
            name: name.into(),
            value: Redacted::new(value.into()),
            location,
        }
    }

    /// HTTP basic credentials.
    ///
    /// ```
    /// let c = mcp_admin::getmcp::TestAuthCredentials::basic("me", "pw");
    /// assert_eq!(c.to_json_string()?, r#"{"username":"me","password":"pw"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        TestAuthCredentials::Basic {
            username: username.into(),
            password: Redacted::new(password.into()),
        }
    }

    /// The escape hatch: a JSON object as text, sent unchanged; checked to be a
    /// non-empty object when sent.
    ///
    /// ```
    /// use mcp_admin::getmcp::TestAuthCredentials;
    ///
    /// let c = TestAuthCredentials::raw_json(r#"{"client_id":"abc","client_secret":"s"}"#);
    /// assert_eq!(c.to_json_string()?, r#"{"client_id":"abc","client_secret":"s"}"#);
    /// assert!(TestAuthCredentials::raw_json("[1]").to_json_string().is_err());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn raw_json(json: impl Into<String>) -> Self {
        TestAuthCredentials::RawJson(Redacted::new(json.into()))
    }

    /// The JSON-encoded string sent as `test_auth_credentials`. Refuses empty parts and
    /// raw text that is not a JSON object.
    pub fn to_json_string(&self) -> Result<String, Error> {
        const FIELD: &str = "test_auth_credentials";
        let non_empty = |what: &str, v: &str| {
            if v.trim().is_empty() {
                Err(Error::invalid(FIELD, format!("{what} is empty")))
            } else {
                Ok(())
            }
        };
        let encoded = match self {
            TestAuthCredentials::Bearer { token } => {
                let token = token.expose();
                non_empty("the bearer token", token)?;
                serde_json::to_string(&Bearer { token })
            }
            TestAuthCredentials::ApiKey {
                name,
                value,
                location,
            } => {
                let value = value.expose();
                non_empty("the API key name", name)?;
                non_empty("the API key value", value)?;
                serde_json::to_string(&ApiKey {
                    name,
                    value,
                    location: *location,
                })
            }
            TestAuthCredentials::Basic { username, password } => {
                let password = password.expose();
                non_empty("the username", username)?;
                non_empty("the password", password)?;
                serde_json::to_string(&Basic { username, password })
            }
            TestAuthCredentials::RawJson(text) => {
                let text = text.expose();
                return match serde_json::from_str::<serde_json::Value>(text) {
                    Ok(serde_json::Value::Object(o)) if !o.is_empty() => Ok(text.clone()),
                    Ok(_) => Err(Error::invalid(
                        FIELD,
                        "raw credentials must be a non-empty JSON object",
                    )),
                    Err(e) => Err(Error::invalid(
                        FIELD,
                        format!("raw credentials are not JSON: {e}"),
                    )),
                };
            }
        };
        encoded.map_err(|e| Error::invalid(FIELD, e.to_string()))
    }
}

impl TestAuthCredentials {
    /// Refuses credentials whose shape cannot pass the site's check for `auth_type`
    /// (bearer needs `token`; api-key `name`, `value` and `location` `header` or `query`;
    /// basic `username` and `password`), so that an update which also changes the type
    /// is refused before anything is sent instead of failing after the type changed.
    /// Raw JSON is checked for the keys the type needs; a type this crate does not know
    /// is left to the site.
    pub(crate) fn check_fits(&self, auth_type: &AuthType) -> Result<(), Error> {
        let needs: &[&str] = match auth_type {
            AuthType::Bearer => &["token"],
            AuthType::ApiKey => &["name", "value", "location"],
            AuthType::Basic => &["username", "password"],
            _ => return Ok(()),
        };
        let shape = match self {
            TestAuthCredentials::Bearer { .. } => Some(AuthType::Bearer),
            TestAuthCredentials::ApiKey { .. } => Some(AuthType::ApiKey),
            TestAuthCredentials::Basic { .. } => Some(AuthType::Basic),
            TestAuthCredentials::RawJson(_) => None,
        };
        let refuse = |what: String| {
            Err(Error::invalid(
                "test_auth_credentials",
                format!(
                    "{what}, but the auth_type set in this update is \"{auth_type}\", which needs {}; \
                     the site would change the type and then refuse the credentials",
                    needs.join(", ")
                ),
            ))
        };
        if let Some(shape) = shape {
            return if shape == *auth_type {
                Ok(())
            } else {
                refuse(format!("these are {shape} credentials"))
            };
        }
        let object = match serde_json::from_str::<serde_json::Value>(&self.to_json_string()?) {
            Ok(serde_json::Value::Object(object)) => object,
            _ => return Ok(()),
        };
        let missing: Vec<&str> = needs
            .iter()
            .copied()
            .filter(|key| object.get(*key).is_none_or(php_empty))
            .collect();
        if !missing.is_empty() {
            return refuse(format!("the raw credentials lack {}", missing.join(", ")));
        }
        let location = object.get("location").and_then(serde_json::Value::as_str);
        if *auth_type == AuthType::ApiKey && !matches!(location, Some("header" | "query")) {
            return refuse("the raw credentials' location is not \"header\" or \"query\"".into());
        }
        Ok(())
    }
}

/// PHP's `empty()` on a decoded JSON value: what the site reads as a missing part (the
/// fake's credential check uses it too).
pub(crate) fn php_empty(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty() || s == "0",
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

#[derive(Serialize)]
struct Bearer<'a> {
    token: &'a str,
}

#[derive(Serialize)]
struct ApiKey<'a> {
    name: &'a str,
    value: &'a str,
    location: KeyLocation,
}

#[derive(Serialize)]
struct Basic<'a> {
    username: &'a str,
    password: &'a str,
}

#[cfg(test)]
mod tests {
    use super::{KeyLocation, TestAuthCredentials};

    #[test]
    fn debug_shows_the_shape_but_no_secret_part() {
        let shown = [
            TestAuthCredentials::bearer("TOK"),
            TestAuthCredentials::api_key("X-Key", "VAL", KeyLocation::Query),
            TestAuthCredentials::basic("me", "PW"),
            TestAuthCredentials::raw_json(r#"{"s":"RAW"}"#),
        ]
        .map(|c| format!("{c:?}"));
        assert_eq!(
            shown,
            [
                r#"Bearer { token: "[redacted]" }"#,
                r#"ApiKey { name: "X-Key", value: "[redacted]", location: Query }"#,
                r#"Basic { username: "me", password: "[redacted]" }"#,
                r#"RawJson("[redacted]")"#,
            ]
        );
    }
}
