//! The one place the desired-state engine calls the typed clients: every read and
//! write it makes goes through a function here, and comes back as a small snapshot in
//! the form the plan compares. When the clients' shapes change, only this file does.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use crate::{
    getmcp::{self, AuthType, KeyLocation, ServerOrderBy, ServerStatus, SortOrder},
    hasmcp,
    transport::ops,
    Error, Patch,
};

use super::{plan::ItemKind, spec::CredentialsSpec};

/// A HasMCP server as the plan compares it: instructions in the server's normal form
/// (absent = `""`), attachments as sets of ids.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HasLive {
    pub id: String,
    pub name: String,
    pub instructions: String,
    pub proxy: bool,
    pub version: Option<i64>,
    pub updated_at: Option<DateTime<Utc>>,
    pub tools: BTreeSet<String>,
    /// How many providers have tools attached: HasMCP refuses a PATCH while it is over 1.
    pub providers: usize,
    /// `None` when read from the list, which leaves resources and prompts out.
    pub resources: Option<BTreeSet<String>>,
    pub prompts: Option<BTreeSet<String>>,
}

impl HasLive {
    fn from_server(s: &hasmcp::Server, full: bool) -> Self {
        let ids = |items: Vec<String>| Some(items.into_iter().collect::<BTreeSet<_>>());
        HasLive {
            id: s.id.as_str().to_owned(),
            name: s.name.clone(),
            instructions: s.instructions_text().to_owned(),
            proxy: s.request_headers_proxy_enabled,
            version: s.version,
            updated_at: s.updated_at,
            tools: s
                .providers
                .iter()
                .flat_map(|p| p.tools.iter().map(|t| t.id.as_str().to_owned()))
                .collect(),
            providers: s.providers.iter().filter(|p| !p.tools.is_empty()).count(),
            resources: if full {
                ids(s
                    .resources
                    .iter()
                    .map(|r| r.id.as_str().to_owned())
                    .collect())
            } else {
                None
            },
            prompts: if full {
                ids(s.prompts.iter().map(|p| p.id.as_str().to_owned()).collect())
            } else {
                None
            },
        }
    }
}

/// What kind of item a HasMCP link step attaches.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// A provider's tool.
    Tool,
    /// A resource.
    Resource,
    /// A prompt.
    Prompt,
}

/// A catalog entry: id, and the name (or `provider/METHOD path`) a person wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CatalogItem {
    pub id: String,
    pub name: String,
}

/// Every server of the account, with their tools (one request; the list carries
/// tools but not resources or prompts).
pub(crate) async fn has_list(c: &hasmcp::Client) -> Result<Vec<HasLive>, Error> {
    Ok(c.list_servers()
        .all()
        .await?
        .iter()
        .map(|s| HasLive::from_server(s, false))
        .collect())
}

/// One server in full, or `None` when it is gone.
pub(crate) async fn has_get(c: &hasmcp::Client, id: &str) -> Result<Option<HasLive>, Error> {
    match c.get_server(id).await {
        Ok(s) => Ok(Some(HasLive::from_server(&s, true))),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(e),
    }
}

/// The providers: id and name.
pub(crate) async fn has_providers(c: &hasmcp::Client) -> Result<Vec<CatalogItem>, Error> {
    Ok(c.list_providers()
        .all()
        .await?
        .into_iter()
        .map(|p| CatalogItem {
            id: p.id.as_str().to_owned(),
            name: p.name.unwrap_or_default(),
        })
        .collect())
}

/// A provider's tools: id, and `METHOD path` as the name.
pub(crate) async fn has_provider_tools(
    c: &hasmcp::Client,
    provider: &str,
) -> Result<Vec<CatalogItem>, Error> {
    Ok(c.list_provider_tools(provider)
        .all()
        .await?
        .into_iter()
        .map(|t| CatalogItem {
            id: t.id.as_str().to_owned(),
            name: format!(
                "{} {}",
                t.method
                    .map(|m| m.as_str().to_uppercase())
                    .unwrap_or_default(),
                t.path.unwrap_or_default()
            ),
        })
        .collect())
}

/// The catalog's resources or prompts, id and name: at the top level (`provider: None`,
/// the open-source edition) or under one provider (the hosted service, which has no
/// top-level list and answers it [`Error::is_unsupported`]).
pub(crate) async fn has_items(
    c: &hasmcp::Client,
    kind: LinkKind,
    provider: Option<&str>,
) -> Result<Vec<CatalogItem>, Error> {
    let item = |id: &str, name: Option<String>| CatalogItem {
        id: id.to_owned(),
        name: name.unwrap_or_default(),
    };
    Ok(match kind {
        LinkKind::Resource => match provider {
            None => c.list_resources().all().await?,
            Some(p) => c.list_provider_resources(p).all().await?,
        }
        .into_iter()
        .map(|r| item(r.id.as_str(), r.name))
        .collect(),
        LinkKind::Prompt => match provider {
            None => c.list_prompts().all().await?,
            Some(p) => c.list_provider_prompts(p).all().await?,
        }
        .into_iter()
        .map(|p| item(p.id.as_str(), p.name))
        .collect(),
        LinkKind::Tool => Vec::new(),
    })
}

/// The scalar fields of a HasMCP server a step writes (`None`: left as is).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HasFields {
    pub name: Option<String>,
    pub instructions: Option<String>,
    pub proxy: Option<bool>,
}

/// Creates a server with its scalar fields only: attachments follow through the link
/// endpoints.
pub(crate) async fn has_create(
    c: &hasmcp::Client,
    name: &str,
    f: &HasFields,
) -> Result<HasLive, Error> {
    let s = c
        .create_server(name)
        .set_instructions(f.instructions.clone().filter(|i| !i.is_empty()))
        .set_request_headers_proxy_enabled(f.proxy)
        .send()
        .await?;
    Ok(HasLive::from_server(&s, true))
}

/// Updates the scalar fields in their own PATCH, refused without a write when the
/// server is no longer at `version`.
pub(crate) async fn has_update(
    c: &hasmcp::Client,
    id: &str,
    version: Option<i64>,
    f: &HasFields,
) -> Result<HasLive, Error> {
    let mut update = c
        .update_server(id)
        .set_name(f.name.clone())
        .set_request_headers_proxy_enabled(f.proxy)
        .set_expected_version(version);
    update = match f.instructions.as_deref() {
        None => update,
        Some("") => update.clear_instructions(),
        Some(text) => update.instructions(text),
    };
    Ok(HasLive::from_server(&update.send().await?, true))
}

/// Attaches or detaches one item through the link endpoints.
pub(crate) async fn has_link(
    c: &hasmcp::Client,
    server: &str,
    kind: LinkKind,
    item: &str,
    attach: bool,
) -> Result<(), Error> {
    match (kind, attach) {
        (LinkKind::Tool, true) => c.attach_tool(server, item).await,
        (LinkKind::Tool, false) => c.detach_tool(server, item).await,
        (LinkKind::Resource, true) => c.attach_resource(server, item).await,
        (LinkKind::Resource, false) => c.detach_resource(server, item).await,
        (LinkKind::Prompt, true) => c.attach_prompt(server, item).await,
        (LinkKind::Prompt, false) => c.detach_prompt(server, item).await,
    }
}

/// Deletes a server.
pub(crate) async fn has_delete(c: &hasmcp::Client, id: &str) -> Result<(), Error> {
    c.delete_server(id).await
}

/// A GetMCP server as the plan compares it: the stored (sanitized) strings, the
/// description `""` when absent, the origins as a set.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GmLive {
    pub id: u64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub status: String,
    pub auth_type: String,
    pub cors_origins: BTreeSet<String>,
    pub rate_limit_per_min: Option<i64>,
    pub updated_at: Option<DateTime<Utc>>,
}

impl From<&getmcp::Server> for GmLive {
    fn from(s: &getmcp::Server) -> Self {
        GmLive {
            id: s.id.0,
            slug: s.slug.clone().unwrap_or_default(),
            name: s.name.clone(),
            description: s.description().unwrap_or("").to_owned(),
            status: s
                .status
                .as_ref()
                .map(|v| v.as_str().to_owned())
                .unwrap_or_default(),
            auth_type: s
                .auth_type
                .as_ref()
                .map(|v| v.as_str().to_owned())
                .unwrap_or_else(|| "none".into()),
            cors_origins: s
                .cors_origin_list()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            rate_limit_per_min: s.rate_limit_per_min,
            updated_at: s.updated_at,
        }
    }
}

/// Every server of the site, walked in id order (stable while others write; the
/// default order moves servers between pages as they are used), 100 a page.
pub(crate) async fn gm_list(c: &getmcp::Client) -> Result<Vec<GmLive>, Error> {
    Ok(c.list_servers()
        .orderby(ServerOrderBy::Id)
        .order(SortOrder::Asc)
        .per_page(100)
        .all()
        .await?
        .iter()
        .map(GmLive::from)
        .collect())
}

/// One server, or `None` when it is gone.
pub(crate) async fn gm_get(c: &getmcp::Client, id: u64) -> Result<Option<GmLive>, Error> {
    match c.get_server(id).await {
        Ok(s) => Ok(Some(GmLive::from(&s))),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether test credentials are stored.
pub(crate) async fn gm_has_test_credentials(c: &getmcp::Client, id: u64) -> Result<bool, Error> {
    Ok(c.get_server_credentials(id)
        .await?
        .has_test_auth_credentials)
}

/// The fields of a GetMCP server a step writes (`None`: left as is).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct GmFields {
    pub name: Option<String>,
    pub description: Option<String>,
    pub status: Option<String>,
    pub auth_type: Option<String>,
    pub cors_origins: Option<Vec<String>>,
    pub rate_limit_per_min: Option<i64>,
}

/// Test credentials from the description, with the secret read now.
pub(crate) fn credentials(spec: &CredentialsSpec, secret: String) -> getmcp::TestAuthCredentials {
    match spec {
        CredentialsSpec::Bearer { .. } => getmcp::TestAuthCredentials::bearer(secret),
        CredentialsSpec::ApiKey { name, location, .. } => getmcp::TestAuthCredentials::api_key(
            name.clone(),
            secret,
            if location == "query" {
                KeyLocation::Query
            } else {
                KeyLocation::Header
            },
        ),
        CredentialsSpec::Basic { username, .. } => {
            getmcp::TestAuthCredentials::basic(username.clone(), secret)
        }
    }
}

fn status(s: &str) -> ServerStatus {
    s.parse().unwrap_or(ServerStatus::Unknown(s.to_owned()))
}

fn auth_type(s: &str) -> AuthType {
    s.parse().unwrap_or(AuthType::Unknown(s.to_owned()))
}

/// Creates a server with an explicit slug.
pub(crate) async fn gm_create(
    c: &getmcp::Client,
    slug: &str,
    name: &str,
    f: &GmFields,
    creds: Option<getmcp::TestAuthCredentials>,
) -> Result<GmLive, Error> {
    let s = c
        .create_server(name)
        .slug(slug)
        .set_description(f.description.clone().filter(|d| !d.is_empty()))
        .set_status(f.status.as_deref().map(status))
        .set_auth_type(f.auth_type.as_deref().map(auth_type))
        .set_test_auth_credentials(creds)
        .set_cors_origins(f.cors_origins.clone().filter(|o| !o.is_empty()))
        .set_rate_limit_per_min(f.rate_limit_per_min)
        .send()
        .await?;
    Ok(GmLive::from(&s))
}

/// A merge-PATCH of exactly the fields given; credentials are verified after the
/// write by the client.
pub(crate) async fn gm_update(
    c: &getmcp::Client,
    id: u64,
    f: &GmFields,
    creds: Option<getmcp::TestAuthCredentials>,
) -> Result<GmLive, Error> {
    let mut u = c
        .update_server(id)
        .set_name(f.name.clone())
        .set_status(f.status.as_deref().map(status))
        .set_auth_type(f.auth_type.as_deref().map(auth_type))
        .set_rate_limit_per_min(f.rate_limit_per_min);
    u = match f.description.as_deref() {
        None => u,
        Some("") => u.clear_description(),
        Some(d) => u.description(d),
    };
    u = match &f.cors_origins {
        None => u,
        Some(o) if o.is_empty() => u.allow_all_origins(),
        Some(o) => u.cors_origins(o.clone()),
    };
    if let Some(creds) = creds {
        u = u.test_auth_credentials(creds);
    }
    Ok(GmLive::from(&u.send().await?))
}

/// Deletes a server.
pub(crate) async fn gm_delete(c: &getmcp::Client, id: u64) -> Result<(), Error> {
    c.delete_server(id).await
}

/// A GetMCP server's tool, resource or prompt as the plan compares it: its key, and
/// every field the description can state, in the server's normal form (an absent
/// description or template `""`, the documented defaults for an absent method,
/// status, back-off, MIME type and source type, PHP's `[]` as `{}`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GmItem {
    pub id: u64,
    pub key: String,
    pub updated_at: Option<DateTime<Utc>>,
    pub values: Map<String, Value>,
}

fn text(v: Option<&String>) -> Value {
    json!(v.map_or("", String::as_str))
}

fn or<T: AsRef<str>>(v: Option<&T>, default: &str) -> Value {
    json!(v.map_or(default, AsRef::as_ref))
}

impl From<getmcp::Tool> for GmItem {
    fn from(t: getmcp::Tool) -> Self {
        let values = Map::from_iter([
            ("description".to_owned(), text(t.description.as_ref())),
            ("endpoint_url".to_owned(), text(t.endpoint_url.as_ref())),
            (
                "http_method".to_owned(),
                json!(t.http_method.as_ref().map_or("GET", |m| m.as_str())),
            ),
            ("input_schema".to_owned(), Value::Object(t.input_schema)),
            ("parameter_mapping".to_owned(), json!(t.parameter_mapping)),
            ("cache_ttl".to_owned(), json!(t.cache_ttl)),
            ("timeout".to_owned(), json!(t.timeout)),
            ("retry_count".to_owned(), json!(t.retry_count)),
            (
                "retry_backoff".to_owned(),
                json!(t.retry_backoff.as_ref().map_or("none", |b| b.as_str())),
            ),
            (
                "status".to_owned(),
                json!(t.status.as_ref().map_or("active", |s| s.as_str())),
            ),
        ]);
        GmItem {
            id: t.id.0,
            key: t.name,
            updated_at: t.updated_at,
            values,
        }
    }
}

impl From<getmcp::Resource> for GmItem {
    fn from(r: getmcp::Resource) -> Self {
        let values = Map::from_iter([
            ("name".to_owned(), json!(r.name)),
            ("description".to_owned(), text(r.description.as_ref())),
            (
                "mime_type".to_owned(),
                or(r.mime_type.as_ref(), "text/plain"),
            ),
            (
                "data_source_type".to_owned(),
                json!(r.data_source_type.as_ref().map_or("static", |s| s.as_str())),
            ),
            (
                "data_source_config".to_owned(),
                Value::Object(r.data_source_config),
            ),
            ("template_uri".to_owned(), text(r.template_uri.as_ref())),
        ]);
        GmItem {
            id: r.id.0,
            key: r.uri,
            updated_at: r.updated_at,
            values,
        }
    }
}

impl From<getmcp::Prompt> for GmItem {
    fn from(p: getmcp::Prompt) -> Self {
        let values = Map::from_iter([
            ("description".to_owned(), text(p.description.as_ref())),
            ("arguments".to_owned(), json!(p.arguments)),
            ("template_content".to_owned(), json!(p.template_content)),
        ]);
        GmItem {
            id: p.id.0,
            key: p.name,
            updated_at: p.updated_at,
            values,
        }
    }
}

/// Every tool, resource or prompt of a server.
pub(crate) async fn gm_items(
    c: &getmcp::Client,
    server: u64,
    kind: ItemKind,
) -> Result<Vec<GmItem>, Error> {
    Ok(match kind {
        ItemKind::Tool => gm_collect(c.list_tools(server).all().await?),
        ItemKind::Resource => gm_collect(c.list_resources(server).all().await?),
        ItemKind::Prompt => gm_collect(c.list_prompts(server).all().await?),
    })
}

fn gm_collect<T: Into<GmItem>>(items: Vec<T>) -> Vec<GmItem> {
    items.into_iter().map(Into::into).collect()
}

/// The item fields a plan writes, each under its own name in an error.
const ITEM_FIELDS: [&str; 15] = [
    "description",
    "endpoint_url",
    "http_method",
    "parameter_mapping",
    "cache_ttl",
    "timeout",
    "retry_count",
    "retry_backoff",
    "status",
    "name",
    "mime_type",
    "data_source_type",
    "template_uri",
    "arguments",
    "template_content",
];

/// Reads a field's planned value as `T`, or refuses it under the field's name (only a
/// saved plan edited by hand gets there: the plan checked every value). The caller
/// stamps the refusal with the GetMCP call it was for.
fn value<T: serde::de::DeserializeOwned>(field: &str, v: &Value) -> Result<T, Error> {
    serde_json::from_value(v.clone()).map_err(|e| {
        let name = ITEM_FIELDS.into_iter().find(|f| *f == field);
        Error::invalid(name.unwrap_or("fields"), format!("{v}: {e}"))
    })
}

/// The GetMCP create or update of `kind`: what a refused planned value is stamped with.
fn item_op(kind: ItemKind, create: bool) -> &'static ops::Operation {
    match (kind, create) {
        (ItemKind::Tool, true) => &ops::GETMCP_CREATE_TOOL,
        (ItemKind::Tool, false) => &ops::GETMCP_UPDATE_TOOL,
        (ItemKind::Resource, true) => &ops::GETMCP_CREATE_RESOURCE,
        (ItemKind::Resource, false) => &ops::GETMCP_UPDATE_RESOURCE,
        (ItemKind::Prompt, true) => &ops::GETMCP_CREATE_PROMPT,
        (ItemKind::Prompt, false) => &ops::GETMCP_UPDATE_PROMPT,
    }
}

macro_rules! tool_setters {
    ($w:expr, $fields:expr) => {{
        let mut w = $w;
        for (field, v) in $fields {
            w = match *field {
                "description" => w.description(value::<String>(field, v)?),
                "endpoint_url" => w.endpoint_url(value::<String>(field, v)?),
                "http_method" => w.http_method(value(field, v)?),
                "input_schema" => w.input_schema(Value::clone(v)),
                "parameter_mapping" => w.set_parameter_mapping(Some(value(field, v)?)),
                "cache_ttl" => w.cache_ttl(value(field, v)?),
                "timeout" => w.timeout(value(field, v)?),
                "retry_count" => w.retry_count(value(field, v)?),
                "retry_backoff" => w.retry_backoff(value(field, v)?),
                "status" => w.status(value(field, v)?),
                _ => w,
            };
        }
        w
    }};
}

macro_rules! resource_setters {
    ($w:expr, $fields:expr) => {{
        let mut w = $w;
        for (field, v) in $fields {
            w = match *field {
                "name" => w.name(value::<String>(field, v)?),
                "description" => w.description(value::<String>(field, v)?),
                "mime_type" => w.mime_type(value::<String>(field, v)?),
                "data_source_type" => w.data_source_type(value(field, v)?),
                "data_source_config" => w.data_source_config(Value::clone(v)),
                "template_uri" => w.template_uri(value::<String>(field, v)?),
                _ => w,
            };
        }
        w
    }};
}

macro_rules! prompt_setters {
    ($w:expr, $fields:expr) => {{
        let mut w = $w;
        for (field, v) in $fields {
            w = match *field {
                "description" => w.description(value::<String>(field, v)?),
                "arguments" => w.set_arguments(Patch::Set(value(field, v)?)),
                "template_content" => w.template_content(value::<String>(field, v)?),
                _ => w,
            };
        }
        w
    }};
}

/// Creates a tool, resource or prompt with `key` and the `fields` given; returns its
/// id. The one place each kind's create builder is called.
pub(crate) async fn gm_item_create(
    c: &getmcp::Client,
    server: u64,
    kind: ItemKind,
    key: &str,
    fields: &[(&str, &Value)],
) -> Result<u64, Error> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(f, _)| *f == name)
            .map(|(_, v)| value::<String>(name, v))
            .transpose()
    };
    let created = async {
        Ok(match kind {
            ItemKind::Tool => {
                tool_setters!(c.create_tool(server, key), fields)
                    .send()
                    .await?
                    .id
                    .0
            }
            ItemKind::Resource => {
                let name = field("name")?.unwrap_or_default();
                resource_setters!(c.create_resource(server, name).uri(key), fields)
                    .send()
                    .await?
                    .id
                    .0
            }
            ItemKind::Prompt => {
                let template = field("template_content")?.unwrap_or_default();
                prompt_setters!(
                    c.create_prompt(server, key).template_content(template),
                    fields
                )
                .send()
                .await?
                .id
                .0
            }
        })
    };
    created.await.map_err(|e: Error| e.at(item_op(kind, true)))
}

/// A partial update of exactly the `fields` given.
pub(crate) async fn gm_item_update(
    c: &getmcp::Client,
    server: u64,
    kind: ItemKind,
    id: u64,
    fields: &[(&str, &Value)],
) -> Result<(), Error> {
    let updated = async {
        match kind {
            ItemKind::Tool => tool_setters!(c.update_tool(server, id), fields)
                .send()
                .await
                .map(drop),
            ItemKind::Resource => resource_setters!(c.update_resource(server, id), fields)
                .send()
                .await
                .map(drop),
            ItemKind::Prompt => prompt_setters!(c.update_prompt(server, id), fields)
                .send()
                .await
                .map(drop),
        }
    };
    updated.await.map_err(|e: Error| e.at(item_op(kind, false)))
}

/// Deletes a tool, resource or prompt.
pub(crate) async fn gm_item_delete(
    c: &getmcp::Client,
    server: u64,
    kind: ItemKind,
    id: u64,
) -> Result<(), Error> {
    match kind {
        ItemKind::Tool => c.delete_tool(server, id).await,
        ItemKind::Resource => c.delete_resource(server, id).await,
        ItemKind::Prompt => c.delete_prompt(server, id).await,
    }
}
