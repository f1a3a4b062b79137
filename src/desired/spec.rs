//! The description a user writes: servers per platform, keyed the way a person names
//! them, with secrets only as environment-variable references.
//!
//! Every type denies unknown keys, so a typo is an error rather than a field silently
//! left alone. A field left out means "no opinion": the plan never compares it. An
//! empty value (`""`, `[]`) is an opinion: the field should be empty.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::PlanError;

/// The whole description: one HasMCP account and any number of GetMCP sites.
///
/// ```
/// use mcp_admin::desired::Desired;
///
/// let desired = Desired::from_value(serde_json::json!({
///     "hasmcp": {"servers": [{"name": "GitHubTools", "instructions": "Use these tools"}]},
///     "getmcp": [{"site": "https://example.com", "servers": [{"slug": "docs", "name": "Docs"}]}],
/// }))?;
/// assert_eq!(desired.hasmcp.unwrap().servers[0].name, "GitHubTools");
///
/// let err = Desired::from_value(serde_json::json!({
///     "hasmcp": {"servers": [{"name": "GitHubTools", "instructons": "typo"}]},
/// }))
/// .unwrap_err();
/// assert!(err.to_string().contains("hasmcp.servers[0]"), "{err}");
/// assert!(err.to_string().contains("instructons"), "{err}");
/// # Ok::<(), mcp_admin::desired::PlanError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Desired {
    /// The HasMCP account the HasMCP client reaches; absent means "leave HasMCP alone".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hasmcp: Option<HasMcpAccount>,
    /// GetMCP sites, each matched to the client given for its `site`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub getmcp: Vec<GetMcpSite>,
}

/// Which live servers a description owns, and so may delete when pruning.
///
/// Written as `owns: all` (every server of the account or site that the file does not
/// list) or `owns: [key, …]` (only these keys). Without `owns`, pruning deletes nothing
/// there: an empty or missing section never means "delete everything". On a GetMCP
/// server it says the same of the server's tools, resources and prompts (a key names
/// an item of any kind with that key).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ownership {
    /// Every server in the account or site.
    All,
    /// The servers with these keys (HasMCP names, GetMCP slugs), or on a GetMCP
    /// server the items (tool and prompt names, resource URIs).
    Keys(Vec<String>),
}

impl Ownership {
    /// Whether a server with this key is owned.
    pub fn owns(&self, key: &str) -> bool {
        match self {
            Ownership::All => true,
            Ownership::Keys(keys) => keys.iter().any(|k| k == key),
        }
    }
}

impl Serialize for Ownership {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Ownership::All => s.serialize_str("all"),
            Ownership::Keys(keys) => keys.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Ownership {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) if s == "all" => Ok(Ownership::All),
            Value::Array(items) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    other => Err(serde::de::Error::custom(format!(
                        "`owns` lists server keys as strings, not {other}"
                    ))),
                })
                .collect::<Result<_, _>>()
                .map(Ownership::Keys),
            other => Err(serde::de::Error::custom(format!(
                "`owns` is \"all\" or a list of server keys, not {other}"
            ))),
        }
    }
}

/// The HasMCP servers of one account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct HasMcpAccount {
    /// What pruning may delete here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owns: Option<Ownership>,
    /// The servers, keyed by name.
    #[serde(default)]
    pub servers: Vec<HasMcpServer>,
}

/// A HasMCP server. Its key is `name` (1–16 of `[A-Za-z0-9]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct HasMcpServer {
    /// The name, and the key the server is matched by.
    pub name: String,
    /// The name the server had before: the live server with that name is renamed to
    /// `name` instead of another being created (Terraform's `moved`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Instructions; `""` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Whether request headers are proxied to providers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_headers_proxy_enabled: Option<bool>,
    /// The attached tools, as a set; `[]` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<ToolRef>>,
    /// The attached resources, as a set; `[]` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<ItemRef>>,
    /// The attached prompts, as a set; `[]` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompts: Option<Vec<ItemRef>>,
}

/// A catalog tool: by `id`, or by `provider` name with the tool's `method` and `path`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ToolRef {
    /// The tool id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The provider's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The tool's HTTP method (`GET`, `POST`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The tool's path template (`/repos/{owner}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl ToolRef {
    /// A tool by id.
    pub fn id(id: impl Into<String>) -> Self {
        ToolRef {
            id: Some(id.into()),
            ..ToolRef::default()
        }
    }

    /// A tool by its provider's name, method and path.
    pub fn endpoint(
        provider: impl Into<String>,
        method: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        ToolRef {
            provider: Some(provider.into()),
            method: Some(method.into()),
            path: Some(path.into()),
            ..ToolRef::default()
        }
    }
}

impl fmt::Display for ToolRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.id, &self.provider, &self.method, &self.path) {
            (Some(id), ..) => f.write_str(id),
            (None, Some(p), Some(m), Some(path)) => write!(f, "{p}/{} {path}", m.to_uppercase()),
            _ => f.write_str("(incomplete tool reference)"),
        }
    }
}

/// A catalog resource or prompt: by `id` or by `name`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ItemRef {
    /// The id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl ItemRef {
    /// An item by id.
    pub fn id(id: impl Into<String>) -> Self {
        ItemRef {
            id: Some(id.into()),
            name: None,
        }
    }

    /// An item by name.
    pub fn name(name: impl Into<String>) -> Self {
        ItemRef {
            id: None,
            name: Some(name.into()),
        }
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.id, &self.name) {
            (Some(id), _) => f.write_str(id),
            (None, Some(name)) => write!(f, "\"{name}\""),
            (None, None) => f.write_str("(empty reference)"),
        }
    }
}

/// The GetMCP servers of one site.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GetMcpSite {
    /// The site's origin, as given to the client for it (`https://example.com`).
    pub site: String,
    /// What pruning may delete on this site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owns: Option<Ownership>,
    /// The servers, keyed by slug.
    #[serde(default)]
    pub servers: Vec<GetMcpServer>,
}

/// A GetMCP server. Its key is `slug`, already in the form WordPress stores
/// (lower-case ASCII letters, digits, `-` and `_`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GetMcpServer {
    /// The slug, and the key the server is matched by.
    pub slug: String,
    /// Display name (needed to create the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description; `""` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `active`, `paused` or `draft`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `none`, `bearer`, `api-key`, `basic` or `oauth`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<String>,
    /// The credentials the admin panel's Test button uses, with the secret as an
    /// environment-variable reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_credentials: Option<CredentialsSpec>,
    /// Bump it to send the credentials again (their values cannot be read back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials_version: Option<u64>,
    /// Allowed origins, as a set; `[]` allows all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cors_origins: Option<Vec<String>>,
    /// Requests per minute: −1 no limit, 0 the site's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_min: Option<i64>,
    /// Which of this server's tools, resources and prompts that the description does
    /// not list pruning may delete: `all`, or their keys. Without it, none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owns: Option<Ownership>,
    /// The server's tools, keyed by name; absent leaves them alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<GetMcpTool>>,
    /// The server's resources, keyed by URI; absent leaves them alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<GetMcpResource>>,
    /// The server's prompts, keyed by name; absent leaves them alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompts: Option<Vec<GetMcpPrompt>>,
}

/// A GetMCP server's tool. Its key is `name`: the name an AI client calls it by, which
/// MCP requires to be unique on a server (the site keeps no unique index, so a name
/// that two live tools share is refused rather than guessed at). Headers are not
/// described: they hold secrets, and the site returns them in clear.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GetMcpTool {
    /// The name (`get_forecast`), and the key.
    pub name: String,
    /// What it does; `""` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The URL it calls, with `{placeholders}` for path parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_method: Option<String>,
    /// The JSON Schema of its arguments (an object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_schema: Option<serde_json::Map<String, Value>>,
    /// Where each argument goes in the outbound request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_mapping: Option<std::collections::BTreeMap<String, ParameterSpec>>,
    /// Seconds a response is cached; 0 for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_ttl: Option<u64>,
    /// Seconds before the call times out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    /// Retries, 0–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_count: Option<u8>,
    /// `none`, `linear` or `exponential`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_backoff: Option<String>,
    /// `active` or `paused`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// Where a tool argument goes: `target` (`path`, `query`, `body`, `header`) and the
/// name used there (`key`, the argument's own when absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ParameterSpec {
    /// `path`, `query`, `body` or `header`.
    pub target: String,
    /// The name used there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// A GetMCP server's resource. Its key is `uri`: what an AI client reads it by, unique
/// on a server for MCP (a URI two live resources share is refused); names are only
/// labels.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GetMcpResource {
    /// The URI (`docs://guide`), and the key.
    pub uri: String,
    /// Display name (needed to create it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it holds; `""` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The content's MIME type (`text/markdown`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// `static`, `url`, `wp_query` or `callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source_type: Option<String>,
    /// The source's settings (an object; `{"content": …}` for `static`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source_config: Option<serde_json::Map<String, Value>>,
    /// An RFC 6570 URI template; `""` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_uri: Option<String>,
}

/// A GetMCP server's prompt. Its key is `name`: what an AI client asks for it by,
/// unique on a server for MCP (a name two live prompts share is refused).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GetMcpPrompt {
    /// The name (`summarize`), and the key.
    pub name: String,
    /// What it is for; `""` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its arguments, in order; `[]` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Vec<ArgumentSpec>>,
    /// The template, with `{{argument}}` placeholders (needed to create it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_content: Option<String>,
}

/// A prompt argument.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ArgumentSpec {
    /// Its name, as the template refers to it.
    pub name: String,
    /// What to pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether a client must pass it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

/// Test credentials, the secret part given as `${env:NAME}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CredentialsSpec {
    /// `auth_type: bearer`.
    Bearer {
        /// The token.
        token: EnvRef,
    },
    /// `auth_type: api-key`.
    ApiKey {
        /// Header or query parameter name.
        name: String,
        /// The key.
        value: EnvRef,
        /// `header` or `query`.
        location: String,
    },
    /// `auth_type: basic`.
    Basic {
        /// User name.
        username: String,
        /// Password.
        password: EnvRef,
    },
}

impl CredentialsSpec {
    /// The `auth_type` these credentials are for.
    pub fn auth_type(&self) -> &'static str {
        match self {
            CredentialsSpec::Bearer { .. } => "bearer",
            CredentialsSpec::ApiKey { .. } => "api-key",
            CredentialsSpec::Basic { .. } => "basic",
        }
    }

    /// The reference to the secret.
    pub fn secret(&self) -> &EnvRef {
        match self {
            CredentialsSpec::Bearer { token } => token,
            CredentialsSpec::ApiKey { value, .. } => value,
            CredentialsSpec::Basic { password, .. } => password,
        }
    }
}

/// A reference to an environment variable, written `${env:NAME}`: the only way a
/// description holds a secret. The value is read when the plan is applied, never
/// stored in a plan, a report or an error.
///
/// ```
/// use mcp_admin::desired::EnvRef;
///
/// let r: EnvRef = serde_json::from_str(r#""${env:GH_TOKEN}""#).unwrap();
/// assert_eq!(r.name(), "GH_TOKEN");
/// assert!(serde_json::from_str::<EnvRef>(r#""ghp_literal""#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EnvRef(String);

impl EnvRef {
    /// A reference to the variable `name`.
    pub fn new(name: impl Into<String>) -> Self {
        EnvRef(name.into())
    }

    /// The variable's name.
    pub fn name(&self) -> &str {
        &self.0
    }

    /// Whether the variable is set (and valid Unicode).
    pub fn is_set(&self) -> bool {
        std::env::var(&self.0).is_ok()
    }

    /// The variable's value, read now.
    pub(crate) fn read(&self) -> Option<String> {
        std::env::var(&self.0).ok()
    }
}

impl fmt::Display for EnvRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${{env:{}}}", self.0)
    }
}

impl Serialize for EnvRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EnvRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let name = s
            .strip_prefix("${env:")
            .and_then(|rest| rest.strip_suffix('}'))
            .filter(|name| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            });
        match name {
            Some(name) => Ok(EnvRef(name.to_owned())),
            None => Err(serde::de::Error::custom(
                "a secret is written as an environment-variable reference, `${env:NAME}`; \
                 the file never holds the value",
            )),
        }
    }
}

impl Desired {
    /// Reads a description from any format's generic value (JSON, or YAML and TOML
    /// read into a `serde_json::Value`), naming the path of the first entry that does
    /// not fit: `hasmcp.servers[2]: unknown field `instructons`, …`.
    pub fn from_value(value: Value) -> Result<Self, PlanError> {
        match Desired::deserialize(&value) {
            Ok(desired) => Ok(desired),
            Err(e) => Err(PlanError::invalid(locate(&value), e.to_string())),
        }
    }
}

/// The path of the innermost list entry that fails to read on its own, or `(top level)`.
fn locate(value: &Value) -> String {
    fn fails<'a, T: Deserialize<'a>>(v: &'a Value) -> bool {
        T::deserialize(v).is_err()
    }
    fn entries<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = (usize, &'a Value)> {
        v.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
    }
    if let Some(hm) = value.get("hasmcp") {
        for (i, server) in entries(hm, "servers") {
            if fails::<HasMcpServer>(server) {
                let at = format!("hasmcp.servers[{i}]");
                for list in ["tools", "resources", "prompts"] {
                    for (j, item) in entries(server, list) {
                        let bad = if list == "tools" {
                            fails::<ToolRef>(item)
                        } else {
                            fails::<ItemRef>(item)
                        };
                        if bad {
                            return format!("{at}.{list}[{j}]");
                        }
                    }
                }
                return at;
            }
        }
        if fails::<HasMcpAccount>(hm) {
            return "hasmcp".into();
        }
    }
    for (i, site) in entries(value, "getmcp") {
        for (j, server) in entries(site, "servers") {
            if fails::<GetMcpServer>(server) {
                let at = format!("getmcp[{i}].servers[{j}]");
                for list in ["tools", "resources", "prompts"] {
                    for (k, item) in entries(server, list) {
                        let bad = match list {
                            "tools" => fails::<GetMcpTool>(item),
                            "resources" => fails::<GetMcpResource>(item),
                            _ => fails::<GetMcpPrompt>(item),
                        };
                        if !bad {
                            continue;
                        }
                        let at = format!("{at}.{list}[{k}]");
                        if let Some((name, _)) = item
                            .get("parameter_mapping")
                            .and_then(Value::as_object)
                            .into_iter()
                            .flatten()
                            .find(|(_, m)| fails::<ParameterSpec>(m))
                        {
                            return format!("{at}.parameter_mapping.{name}");
                        }
                        if let Some((n, _)) =
                            entries(item, "arguments").find(|(_, a)| fails::<ArgumentSpec>(a))
                        {
                            return format!("{at}.arguments[{n}]");
                        }
                        return at;
                    }
                }
                return at;
            }
        }
        if fails::<GetMcpSite>(site) {
            return format!("getmcp[{i}]");
        }
    }
    "(top level)".into()
}
