//! HasMCP providers and their tools: the catalog a server's tools come from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    hasmcp::ServerId,
    wire::{null_as_default, timestamp, wire_enum},
    Redacted,
};

wire_enum! {
    /// A provider's API type; `REST` is the only supported one.
    pub enum ApiType {
        /// `INVALID`
        Invalid = "INVALID",
        /// `REST`
        Rest = "REST",
    }
}

wire_enum! {
    /// A provider's visibility.
    pub enum VisibilityType {
        /// `INVALID`
        Invalid = "INVALID",
        /// `INTERNAL`
        Internal = "INTERNAL",
        /// `PUBLIC`
        Public = "PUBLIC",
    }
}

wire_enum! {
    /// The HTTP method a tool calls.
    pub enum ToolMethod {
        /// `GET`
        Get = "GET",
        /// `HEAD`
        Head = "HEAD",
        /// `POST`
        Post = "POST",
        /// `PUT`
        Put = "PUT",
        /// `PATCH`
        Patch = "PATCH",
        /// `DELETE`
        Delete = "DELETE",
        /// `CONNECT`
        Connect = "CONNECT",
        /// `OPTIONS`
        Options = "OPTIONS",
        /// `TRACE`
        Trace = "TRACE",
    }
}

/// A provider attached to a server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// Provider id.
    pub id: ServerId,
    /// Creation time.
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update.
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Provider version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// API type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_type: Option<ApiType>,
    /// Visibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility_type: Option<VisibilityType>,
    /// Upstream base URL.
    #[serde(default, rename = "baseURL", skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Documentation URL.
    #[serde(
        default,
        rename = "documentURL",
        skip_serializing_if = "Option::is_none"
    )]
    pub document_url: Option<String>,
    /// Icon URL.
    #[serde(default, rename = "iconURL", skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// Secret prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_prefix: Option<String>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The tools of this provider attached to the server.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tools: Vec<Tool>,
    /// OAuth2 settings; `client_secret` never shows in `Debug`.
    #[serde(
        default,
        rename = "oauth2Config",
        skip_serializing_if = "Option::is_none"
    )]
    pub oauth2_config: Option<OAuth2Config>,
}

/// A tool of a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tool {
    /// Tool id.
    pub id: ServerId,
    /// Owning provider (the open-source edition may report `00000000000`).
    #[serde(
        default,
        rename = "providerID",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider_id: Option<String>,
    /// HTTP method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<ToolMethod>,
    /// Path template, e.g. `/users/{id}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// MCP tool name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// MCP tool title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON schema of the path arguments.
    #[serde(
        default,
        rename = "pathArgsJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub path_args_json_schema: Option<Value>,
    /// JSON schema of the query arguments.
    #[serde(
        default,
        rename = "queryArgsJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub query_args_json_schema: Option<Value>,
    /// JSON schema of the request body.
    #[serde(
        default,
        rename = "reqBodyJSONSchema",
        skip_serializing_if = "Option::is_none"
    )]
    pub req_body_json_schema: Option<Value>,
    /// Headers sent upstream; their values never show in `Debug`.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub headers: Vec<ToolHeader>,
    /// OAuth2 scopes.
    #[serde(
        default,
        rename = "oauth2Scopes",
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub oauth2_scopes: Vec<String>,
}

/// A header a tool sends upstream. Its value may be a secret, so it is [`Redacted`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolHeader {
    /// Header name.
    #[serde(default)]
    pub key: String,
    /// Header value.
    #[serde(default)]
    pub value: Redacted<String>,
}

/// A provider's OAuth2 client; `client_secret` is [`Redacted`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OAuth2Config {
    /// Client id.
    #[serde(default, rename = "clientID", skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Client secret.
    #[serde(
        default,
        rename = "clientSecret",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_secret: Option<Redacted<String>>,
    /// Authorization URL.
    #[serde(default, rename = "authURL", skip_serializing_if = "Option::is_none")]
    pub auth_url: Option<String>,
    /// Token URL.
    #[serde(default, rename = "tokenURL", skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::{OAuth2Config, ToolHeader};

    #[test]
    fn tool_header_debug_hides_the_value() {
        let h: ToolHeader =
            serde_json::from_str(r#"{"key":"Authorization","value":"Bearer UPSTREAM"}"#).unwrap();
        assert_eq!(h.value.expose(), "Bearer UPSTREAM");
        assert_eq!(
            format!("{h:?}"),
            r#"ToolHeader { key: "Authorization", value: "[redacted]" }"#
        );
        assert_eq!(
            serde_json::to_string(&h).unwrap(),
            r#"{"key":"Authorization","value":"Bearer UPSTREAM"}"#
        );
    }

    #[test]
    fn oauth2_config_debug_hides_the_client_secret() {
        let c: OAuth2Config =
            serde_json::from_str(r#"{"clientID":"app","clientSecret":"SHHH"}"#).unwrap();
        assert_eq!(
            c.client_secret.as_ref().map(|s| s.expose().as_str()),
            Some("SHHH")
        );
        assert_eq!(
            format!("{c:?}"),
            r#"OAuth2Config { client_id: Some("app"), client_secret: Some("[redacted]"), auth_url: None, token_url: None }"#
        );
    }
}
