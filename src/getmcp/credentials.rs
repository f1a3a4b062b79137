//! Typed credentials and auth settings, encoded as the JSON strings the API wants:
//! `test_auth_credentials`, `auth_credentials` and [`OutboundAuth`].

use serde::Serialize;
use serde_json::{Map, Value};

use crate::{
    getmcp::{AuthType, OutboundAuthType},
    Error, Redacted,
};

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

/// Credentials in the shapes the plugin checks: those the admin panel's **Test** button
/// uses (`test_auth_credentials`), the inbound `auth_credentials` and the outbound ones
/// ([`OutboundAuth`]); all three slots take the same shapes and are stored encrypted.
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
        self.encode("test_auth_credentials")
    }

    /// The JSON-encoded string sent in the slot `field`; a refusal names `field`.
    pub(crate) fn encode(&self, field: &'static str) -> Result<String, Error> {
        let non_empty = |what: &str, v: &str| {
            if v.trim().is_empty() {
                Err(Error::invalid(field, format!("{what} is empty")))
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
                        field,
                        "raw credentials must be a non-empty JSON object",
                    )),
                    Err(e) => Err(Error::invalid(
                        field,
                        format!("raw credentials are not JSON: {e}"),
                    )),
                };
            }
        };
        encoded.map_err(|e| Error::invalid(field, e.to_string()))
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
        self.check_fits_as("test_auth_credentials", "auth_type", auth_type)
    }

    /// [`check_fits`](Self::check_fits) for the slot `field`, whose type is set as
    /// `type_field`.
    pub(crate) fn check_fits_as(
        &self,
        field: &'static str,
        type_field: &str,
        auth_type: &AuthType,
    ) -> Result<(), Error> {
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
                field,
                format!(
                    "{what}, but the {type_field} set in the same call is \"{auth_type}\", which needs {}; \
                     the site would refuse them",
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
        let object = match serde_json::from_str::<serde_json::Value>(&self.encode(field)?) {
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

/// Parts of a key the plugin treats as secret in an auth configuration (matched without
/// regard to case, at any depth): it refuses a configuration holding one with a 400
/// `authentication_invalid`, and leaves them out of what the credentials route shows.
pub(crate) const SECRET_LIKE_KEYS: [&str; 6] = [
    "secret",
    "access_token",
    "refresh_token",
    "password",
    "authorization",
    "api_key",
];

/// Whether the plugin reads `key` as secret-like (see [`SECRET_LIKE_KEYS`]).
pub(crate) fn secret_like(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SECRET_LIKE_KEYS.iter().any(|s| key.contains(s))
}

/// Refuses an auth configuration (`field`) the site would refuse or show: a key that
/// reads as secret-like at any depth (the site answers 400 `authentication_invalid`, and
/// the configuration is returned in every server read, so a secret there would leak).
pub(crate) fn check_config(field: &'static str, config: &Map<String, Value>) -> Result<(), Error> {
    let mut stack: Vec<(String, &Map<String, Value>)> = vec![(String::new(), config)];
    while let Some((path, map)) = stack.pop() {
        for (key, value) in map {
            let at = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if secret_like(key) {
                return Err(Error::invalid(
                    field,
                    format!(
                        "the key `{at}` reads as a secret ({}); the site refuses it here \
                         (400 authentication_invalid): put secrets in the credentials",
                        SECRET_LIKE_KEYS.join(", ")
                    ),
                ));
            }
            match value {
                Value::Object(inner) => stack.push((at, inner)),
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if let Value::Object(inner) = item {
                            stack.push((format!("{at}[{i}]"), inner));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// How the server authenticates towards its upstream API: the type, its credentials
/// and, optionally, its configuration, set together (`outbound_auth_type`,
/// `outbound_auth_credentials`, `outbound_auth_config`).
///
/// The credentials take the shapes of [`TestAuthCredentials`] and are sent
/// JSON-encoded; `Debug` never shows their secret parts. To remove the outbound
/// authentication, use the update's `clear_outbound_auth` (type `none`, which makes the
/// site wipe the outbound credentials).
///
/// ```
/// use mcp_admin::getmcp::{KeyLocation, OutboundAuth, OutboundAuthType};
///
/// let auth = OutboundAuth::api_key("X-API-Key", "SECRET-KEY", KeyLocation::Header);
/// assert_eq!(auth.auth_type(), &OutboundAuthType::ApiKey);
/// assert!(!format!("{auth:?}").contains("SECRET-KEY"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OutboundAuth {
    auth_type: OutboundAuthType,
    credentials: TestAuthCredentials,
    /// Redacted: a secret put here by mistake is refused before sending, and must not
    /// be shown before that either.
    config: Option<Redacted<Map<String, Value>>>,
}

impl OutboundAuth {
    /// A bearer token sent upstream.
    ///
    /// ```
    /// let auth = mcp_admin::getmcp::OutboundAuth::bearer("tok");
    /// assert_eq!(auth.auth_type(), &mcp_admin::getmcp::OutboundAuthType::Bearer);
    /// ```
    pub fn bearer(token: impl Into<String>) -> Self {
        Self::typed(OutboundAuthType::Bearer, TestAuthCredentials::bearer(token))
    }

    /// An API key sent upstream in a header or query parameter named `name`.
    ///
    /// ```
    /// use mcp_admin::getmcp::{KeyLocation, OutboundAuth, OutboundAuthType};
    ///
    /// let auth = OutboundAuth::api_key("key", "k", KeyLocation::Query);
    /// assert_eq!(auth.auth_type(), &OutboundAuthType::ApiKey);
    /// ```
    pub fn api_key(
        name: impl Into<String>,
        value: impl Into<String>,
        location: KeyLocation,
    ) -> Self {
        Self::typed(
            OutboundAuthType::ApiKey,
            TestAuthCredentials::api_key(name, value, location),
        )
    }

    /// HTTP basic credentials sent upstream.
    ///
    /// ```
    /// use mcp_admin::getmcp::{OutboundAuth, OutboundAuthType};
    ///
    /// let auth = OutboundAuth::basic("me", "PW-SECRET");
    /// assert_eq!(auth.auth_type(), &OutboundAuthType::Basic);
    /// assert!(!format!("{auth:?}").contains("PW-SECRET"));
    /// ```
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        Self::typed(
            OutboundAuthType::Basic,
            TestAuthCredentials::basic(username, password),
        )
    }

    /// Any type with any credentials (raw JSON for a shape this crate does not know);
    /// credentials that cannot pass the site's check for `auth_type` are refused when
    /// the builder checks its inputs, and so is the type `none` (clear the outbound
    /// authentication instead).
    ///
    /// ```
    /// use mcp_admin::getmcp::{OutboundAuth, OutboundAuthType, TestAuthCredentials};
    ///
    /// let auth = OutboundAuth::new(
    ///     OutboundAuthType::Bearer,
    ///     TestAuthCredentials::raw_json(r#"{"token":"t","note":"x"}"#),
    /// );
    /// assert_eq!(auth.auth_type(), &OutboundAuthType::Bearer);
    /// ```
    pub fn new(auth_type: OutboundAuthType, credentials: TestAuthCredentials) -> Self {
        Self::typed(auth_type, credentials)
    }

    fn typed(auth_type: OutboundAuthType, credentials: TestAuthCredentials) -> Self {
        OutboundAuth {
            auth_type,
            credentials,
            config: None,
        }
    }

    /// Adds the outbound configuration, sent JSON-encoded as `outbound_auth_config` and
    /// replacing the stored one (an update sends `"auth_config_mode": "replace"` with it,
    /// so that sites with the extensions add-on do not merge it key by key). A key that reads as a secret (`secret`, `password`,
    /// `api_key`, `authorization`, `access_token`, `refresh_token`, at any depth) is
    /// refused before sending: the site refuses it too, and returns the configuration in
    /// every read.
    ///
    /// ```
    /// use mcp_admin::getmcp::OutboundAuth;
    ///
    /// let config = serde_json::json!({"audience": "api"});
    /// let auth = OutboundAuth::bearer("tok").config(config.as_object().unwrap().clone());
    /// assert_eq!(auth.config_value().unwrap()["audience"], "api");
    /// ```
    pub fn config(mut self, config: Map<String, Value>) -> Self {
        self.config = Some(Redacted::new(config));
        self
    }

    /// The type sent as `outbound_auth_type`.
    pub fn auth_type(&self) -> &OutboundAuthType {
        &self.auth_type
    }

    /// The configuration, if one was added.
    pub fn config_value(&self) -> Option<&Map<String, Value>> {
        self.config.as_ref().map(Redacted::expose)
    }

    /// The three wire values after checking them: the type, the JSON-encoded
    /// credentials and the JSON-encoded configuration.
    pub(crate) fn encode(&self) -> Result<(OutboundAuthType, String, Option<String>), Error> {
        const FIELD: &str = "outbound_auth_credentials";
        let as_inbound = match &self.auth_type {
            OutboundAuthType::Bearer => AuthType::Bearer,
            OutboundAuthType::ApiKey => AuthType::ApiKey,
            OutboundAuthType::Basic => AuthType::Basic,
            OutboundAuthType::NoAuth => {
                return Err(Error::invalid(
                    "outbound_auth_type",
                    "\"none\" takes no credentials; clear the outbound authentication instead",
                ))
            }
            other => AuthType::Unknown(other.as_str().to_owned()),
        };
        self.credentials
            .check_fits_as(FIELD, "outbound_auth_type", &as_inbound)?;
        let credentials = self.credentials.encode(FIELD)?;
        let config = match &self.config {
            None => None,
            Some(config) => {
                check_config("outbound_auth_config", config.expose())?;
                Some(Value::Object(config.expose().clone()).to_string())
            }
        };
        Ok((self.auth_type.clone(), credentials, config))
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
