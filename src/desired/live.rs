//! The one place the desired-state engine calls the typed clients: every read and
//! write it makes goes through a function here, and comes back as a small snapshot in
//! the form the plan compares. When the clients' shapes change, only this file does.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::{
    getmcp::{self, AuthType, KeyLocation, ServerOrderBy, ServerStatus, SortOrder},
    hasmcp, Error,
};

use super::spec::CredentialsSpec;

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

/// The catalog's resources or prompts: id and name.
pub(crate) async fn has_items(
    c: &hasmcp::Client,
    kind: LinkKind,
) -> Result<Vec<CatalogItem>, Error> {
    let item = |id: &str, name: Option<String>| CatalogItem {
        id: id.to_owned(),
        name: name.unwrap_or_default(),
    };
    Ok(match kind {
        LinkKind::Resource => c
            .list_resources()
            .all()
            .await?
            .into_iter()
            .map(|r| item(r.id.as_str(), r.name))
            .collect(),
        LinkKind::Prompt => c
            .list_prompts()
            .all()
            .await?
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
            id: s.id,
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
