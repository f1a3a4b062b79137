//! `test_auth_credentials`: typed credentials, encoded as the JSON string the API wants.

use std::fmt;

use serde::Serialize;

use crate::Error;

/// Where an API key goes when the admin panel tests the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyLocation {
    /// In a request header.
    Header,
    /// In a query parameter.
    Query,
}

/// Credentials the admin panel's **Test** button uses; stored encrypted by the plugin.
///
/// The API takes them as a JSON-encoded *string*; this type does the encoding, so a
/// caller never hand-builds JSON inside JSON. `Debug` never shows the secret parts.
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
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TestAuthCredentials {
    /// `{"token": …}`
    Bearer {
        /// The bearer token.
        token: String,
    },
    /// `{"name": …, "value": …, "location": "header"|"query"}`
    ApiKey {
        /// Header or query parameter name.
        name: String,
        /// The key.
        value: String,
        /// Header or query.
        location: KeyLocation,
    },
    /// `{"username": …, "password": …}`
    Basic {
        /// User name.
        username: String,
        /// Password.
        password: String,
    },
    /// A JSON object, sent as given (for credential shapes this crate does not know).
    RawJson(String),
}

impl TestAuthCredentials {
    /// Bearer token credentials.
    pub fn bearer(token: impl Into<String>) -> Self {
        TestAuthCredentials::Bearer {
            token: token.into(),
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
            value: value.into(),
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
            password: password.into(),
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
        TestAuthCredentials::RawJson(json.into())
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
                non_empty("the bearer token", token)?;
                serde_json::to_string(&Bearer { token })
            }
            TestAuthCredentials::ApiKey {
                name,
                value,
                location,
            } => {
                non_empty("the API key name", name)?;
                non_empty("the API key value", value)?;
                serde_json::to_string(&ApiKey {
                    name,
                    value,
                    location: *location,
                })
            }
            TestAuthCredentials::Basic { username, password } => {
                non_empty("the username", username)?;
                non_empty("the password", password)?;
                serde_json::to_string(&Basic { username, password })
            }
            TestAuthCredentials::RawJson(text) => {
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
                }
            }
        };
        encoded.map_err(|e| Error::invalid(FIELD, e.to_string()))
    }
}

impl fmt::Debug for TestAuthCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const HIDDEN: &str = "[redacted]";
        match self {
            TestAuthCredentials::Bearer { .. } => {
                f.debug_struct("Bearer").field("token", &HIDDEN).finish()
            }
            TestAuthCredentials::ApiKey { name, location, .. } => f
                .debug_struct("ApiKey")
                .field("name", name)
                .field("value", &HIDDEN)
                .field("location", location)
                .finish(),
            TestAuthCredentials::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &HIDDEN)
                .finish(),
            TestAuthCredentials::RawJson(_) => f.debug_tuple("RawJson").field(&HIDDEN).finish(),
        }
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
