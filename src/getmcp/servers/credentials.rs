//! `GET /servers/{id}/credentials`: which credentials a server has stored, never the
//! credentials themselves.

use serde::{
    de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor},
    Deserialize, Deserializer, Serialize,
};
use serde_json::Value;

use crate::{
    getmcp::{AuthType, Client, OutboundAuthType, ServerRef},
    id::{self, IntoId},
    transport::{self, ops},
    wire::object_model,
    Error, Redacted,
};

/// What a server has stored in each of its three credential slots, and its auth
/// settings, as `GET /servers/{id}/credentials` reports them.
///
/// The plugin answers with `has_*` flags and `null` in every `*_credentials` field
/// (code, and what ran on a real site). The vendor's page says the test credentials come
/// back decoded instead: where a site does that, only whether a value was there is read
/// (its content is skipped unread), so no secret ever ends up in this type. A flag the
/// answer does not give is taken from whether its `*_credentials` value is non-empty; an
/// answer that gives neither for a slot does not decode.
///
/// ```
/// use mcp_admin::getmcp::{AuthType, CredentialsStatus};
///
/// let status: CredentialsStatus = serde_json::from_str(
///     r#"{"auth_type":"bearer","auth_config":[],"test_auth_type":"bearer",
///         "auth_credentials":null,"has_auth_credentials":false,
///         "test_auth_credentials":null,"has_test_auth_credentials":true,
///         "outbound_auth_credentials":null,"has_outbound_auth_credentials":false}"#,
/// ).unwrap();
/// assert!(status.has_test_auth_credentials);
/// assert_eq!(status.test_auth_type, Some(AuthType::Bearer));
///
/// // The documented form, secrets included: only their presence is kept.
/// let documented: CredentialsStatus = serde_json::from_str(
///     r#"{"test_auth_credentials":{"token":"SECRET"},"auth_credentials":null,
///         "outbound_auth_credentials":""}"#,
/// ).unwrap();
/// assert!(documented.has_test_auth_credentials && !documented.has_auth_credentials);
/// assert!(!format!("{documented:?}").contains("SECRET"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CredentialsStatus {
    /// Inbound authentication of the MCP endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<AuthType>,
    /// The inbound auth configuration with secret-like keys removed by the plugin: an
    /// object, PHP's `[]`, or a JSON-encoded string. [`Redacted`] all the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_config: Option<Redacted<Value>>,
    /// Authentication towards the upstream API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_auth_type: Option<OutboundAuthType>,
    /// The outbound auth configuration, as `auth_config`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_auth_config: Option<Redacted<Value>>,
    /// The auth type the test credentials are for; the plugin keeps it equal to
    /// `auth_type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test_auth_type: Option<AuthType>,
    /// An opaque revision of the stored auth settings (sites with the extensions
    /// add-on): it changes whenever any of them does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authentication_revision: Option<String>,
    /// Inbound credentials are stored.
    pub has_auth_credentials: bool,
    /// Test credentials (what the admin panel's **Test** button uses) are stored.
    pub has_test_auth_credentials: bool,
    /// Outbound credentials are stored.
    pub has_outbound_auth_credentials: bool,
}

mod wire {
    use super::*;

    object_model! {
        /// The answer as sent: flags, and whether each credentials value was there.
        pub struct CredentialsWire {
            #[serde(default)]
            pub auth_type: Option<AuthType>,
            #[serde(default)]
            pub auth_config: Option<Redacted<Value>>,
            #[serde(default)]
            pub outbound_auth_type: Option<OutboundAuthType>,
            #[serde(default)]
            pub outbound_auth_config: Option<Redacted<Value>>,
            #[serde(default)]
            pub test_auth_type: Option<AuthType>,
            #[serde(default)]
            pub authentication_revision: Option<String>,
            #[serde(default)]
            pub has_auth_credentials: Option<bool>,
            #[serde(default)]
            pub has_test_auth_credentials: Option<bool>,
            #[serde(default)]
            pub has_outbound_auth_credentials: Option<bool>,
            #[serde(default, deserialize_with = "present")]
            pub auth_credentials: Option<bool>,
            #[serde(default, deserialize_with = "present")]
            pub test_auth_credentials: Option<bool>,
            #[serde(default, deserialize_with = "present")]
            pub outbound_auth_credentials: Option<bool>,
        }
    }
}

impl<'de> Deserialize<'de> for CredentialsStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = wire::CredentialsWire::deserialize(d)?;
        let has = |flag: Option<bool>, value: Option<bool>, slot: &str| {
            flag.or(value).ok_or_else(|| {
                de::Error::custom(format!(
                    "neither has_{slot} nor {slot}: the answer does not say whether {slot} are stored"
                ))
            })
        };
        Ok(CredentialsStatus {
            has_auth_credentials: has(
                w.has_auth_credentials,
                w.auth_credentials,
                "auth_credentials",
            )?,
            has_test_auth_credentials: has(
                w.has_test_auth_credentials,
                w.test_auth_credentials,
                "test_auth_credentials",
            )?,
            has_outbound_auth_credentials: has(
                w.has_outbound_auth_credentials,
                w.outbound_auth_credentials,
                "outbound_auth_credentials",
            )?,
            auth_type: w.auth_type,
            auth_config: w.auth_config,
            outbound_auth_type: w.outbound_auth_type,
            outbound_auth_config: w.outbound_auth_config,
            test_auth_type: w.test_auth_type,
            authentication_revision: w.authentication_revision,
        })
    }
}

/// Whether a credentials value holds anything, as PHP's `! empty()` reads it (`null`,
/// `""`, `"0"`, `0`, `false`, `[]` and `{}` are empty); the value itself is skipped
/// without being kept.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    struct NonEmpty;

    impl<'de> Visitor<'de> for NonEmpty {
        type Value = bool;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_none<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
            d.deserialize_any(NonEmpty)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
            Ok(v != 0.0)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
            Ok(!v.is_empty() && v != "0")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
            let mut any = false;
            while seq.next_element::<IgnoredAny>()?.is_some() {
                any = true;
            }
            Ok(any)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let mut any = false;
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
                any = true;
            }
            Ok(any)
        }
    }

    d.deserialize_any(NonEmpty).map(Some)
}

impl Client {
    /// Which credentials `server` has stored (`GET /servers/{id}/credentials`): the
    /// `has_*` flags, the auth types and configs, and the add-on's
    /// `authentication_revision`. No secret is returned or kept; see
    /// [`CredentialsStatus`].
    ///
    /// [`UpdateServer::send`](crate::getmcp::UpdateServer::send) uses it to check that a
    /// credentials change was stored. Confidence: code and a run of the plugin's server
    /// code; the vendor's page documents the route but says it returns the credentials
    /// decoded. Plugin versions without the route answer 404 `rest_no_route`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (id, _) = fake.insert_server(serde_json::json!({"name": "Docs", "auth_type": "bearer"}));
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// assert!(!gm.get_server_credentials(id).await?.has_test_auth_credentials);
    ///
    /// gm.update_server(id)
    ///     .test_auth_credentials(getmcp::TestAuthCredentials::bearer("tok"))
    ///     .send()
    ///     .await?;
    /// let status = gm.get_server_credentials(id).await?;
    /// assert!(status.has_test_auth_credentials);
    /// assert_eq!(status.test_auth_type, Some(getmcp::AuthType::Bearer));
    /// # Ok(()) }
    /// ```
    pub async fn get_server_credentials(
        &self,
        server: impl IntoId<ServerRef>,
    ) -> Result<CredentialsStatus, Error> {
        let server = id::take(server, "server", &ops::GETMCP_GET_SERVER_CREDENTIALS)?;
        let raw = self.raw();
        let op = raw.getmcp_get_server_credentials().id(server);
        transport::call(raw, &ops::GETMCP_GET_SERVER_CREDENTIALS, move || op.send()).await
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::CredentialsStatus;

    fn decode(v: serde_json::Value) -> Result<CredentialsStatus, serde_json::Error> {
        serde_json::from_value(v)
    }

    #[test]
    fn flags_win_over_values_and_values_stand_in_for_missing_flags() {
        let s = decode(json!({
            "has_auth_credentials": false, "auth_credentials": {"token": "t"},
            "test_auth_credentials": "0",
            "outbound_auth_credentials": [1],
        }))
        .unwrap();
        assert_eq!(
            (
                s.has_auth_credentials,
                s.has_test_auth_credentials,
                s.has_outbound_auth_credentials
            ),
            (false, false, true)
        );
        for empty in [
            json!(null),
            json!(""),
            json!({}),
            json!([]),
            json!(0),
            json!(false),
        ] {
            let s = decode(json!({
                "auth_credentials": empty, "test_auth_credentials": empty,
                "outbound_auth_credentials": empty,
            }))
            .unwrap();
            assert!(!s.has_test_auth_credentials, "{empty}");
        }
    }

    #[test]
    fn a_slot_without_flag_or_value_does_not_decode() {
        let err =
            decode(json!({"has_auth_credentials": true, "has_outbound_auth_credentials": true}))
                .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("neither has_test_auth_credentials nor test_auth_credentials"),
            "{err}"
        );
        assert!(serde_json::from_str::<CredentialsStatus>("[true, true, true]").is_err());
    }

    #[test]
    fn serializes_flags_and_never_a_credentials_value() {
        let s = decode(json!({
            "auth_type": "basic", "test_auth_credentials": {"password": "PW"},
            "has_auth_credentials": true, "has_outbound_auth_credentials": false,
        }))
        .unwrap();
        assert_eq!(
            serde_json::to_value(&s).unwrap(),
            json!({
                "auth_type": "basic", "has_auth_credentials": true,
                "has_test_auth_credentials": true, "has_outbound_auth_credentials": false,
            })
        );
    }
}
