//! HasMCP providers: the upstream APIs a server's tools call, and the top of the
//! catalog. A provider's tools are in `tools`.
//!
//! Sources: the open-source edition's code (code), the vendor's OpenAPI document (spec)
//! and knowledge base (doc); each method says which back it.

use std::collections::HashSet;

use futures_util::{stream, StreamExt, TryStreamExt};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    error::Platform,
    hasmcp::{
        catalog::{self, option_setters},
        Client, InvalidId, ProviderId, SecretValue,
    },
    id::{self, IntoId},
    paging::{List, Page, Paging, Query},
    transport::{self, ops},
    wire::{null_as_default, object_model, timestamp, wire_enum},
    Error,
};

mod tools;

pub use tools::{
    CreateProviderTool, CreateProviderToolFields, ListProviderTools, ProviderToolsQuery, Tool,
    ToolEnvelope, ToolHeader, ToolList, ToolMethod, UpdateProviderTool, UpdateProviderToolFields,
};

wire_enum! {
    /// A provider's API type; `REST` is the only supported one.
    ///
    /// `INVALID` read from the wire is `Unknown("INVALID")`: there is no variant to send
    /// a value the service refuses.
    ///
    /// ```compile_fail
    /// let invalid = mcp_admin::hasmcp::ApiType::Invalid;
    /// ```
    pub enum ApiType {
        /// `REST`
        Rest = "REST",
    }
}

wire_enum! {
    /// A provider's visibility.
    ///
    /// `INVALID` read from the wire is `Unknown("INVALID")`: there is no variant to send
    /// a value the service refuses.
    ///
    /// ```compile_fail
    /// let invalid = mcp_admin::hasmcp::VisibilityType::Invalid;
    /// ```
    pub enum VisibilityType {
        /// `INTERNAL`
        Internal = "INTERNAL",
        /// `PUBLIC`
        Public = "PUBLIC",
    }
}

/// A provider: an upstream API, with the tools that call it.
///
/// [`Client::get_provider`] fills `tools`; the open-source edition leaves them out of
/// [`Client::list_providers`], and a server's answer carries only the attached tools'
/// ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Provider {
    /// Provider id.
    pub id: ProviderId,
    /// Creation time.
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update.
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// A change counter: every write to the provider or one of its tools adds 1. It is
    /// never checked, so it cannot guard an update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// API type (fixed at creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_type: Option<ApiType>,
    /// Visibility (fixed at creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility_type: Option<VisibilityType>,
    /// Upstream base URL (fixed at creation).
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
    /// The prefix of the variables this provider reads, derived from the base URL's
    /// host (`api.stripe.com` → `API_STRIPE_COM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_prefix: Option<String>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The provider's tools (in a server's answer: the attached ones).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tools: Vec<Tool>,
    /// OAuth2 client; its secret comes back as [`SecretValue::Masked`].
    #[serde(
        default,
        rename = "oauth2Config",
        skip_serializing_if = "Option::is_none"
    )]
    pub oauth2_config: Option<OAuth2Config>,
}

/// A provider's OAuth2 client. The service answers the secret as `***`
/// ([`SecretValue::Masked`]); the builders refuse to send a masked secret back.
///
/// ```
/// use mcp_admin::hasmcp::OAuth2Config;
///
/// let read: OAuth2Config = serde_json::from_str(
///     r#"{"clientID":"app","clientSecret":"***","authURL":"https://a.example/auth","tokenURL":"https://a.example/token"}"#,
/// ).unwrap();
/// assert!(read.client_secret.unwrap().is_masked());
///
/// let new = OAuth2Config::new("app", "s3cr3t", "https://a.example/auth", "https://a.example/token");
/// assert_eq!(
///     format!("{new:?}"),
///     r#"OAuth2Config { client_id: Some("app"), client_secret: Some(Value("[redacted]")), auth_url: Some("https://a.example/auth"), token_url: Some("https://a.example/token") }"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OAuth2Config {
    /// Client id.
    #[serde(default, rename = "clientID", skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Client secret: `Masked` as read, a value as set.
    #[serde(
        default,
        rename = "clientSecret",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_secret: Option<SecretValue>,
    /// Authorization URL.
    #[serde(default, rename = "authURL", skip_serializing_if = "Option::is_none")]
    pub auth_url: Option<String>,
    /// Token URL.
    #[serde(default, rename = "tokenURL", skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
}

impl OAuth2Config {
    /// A complete client, as the service takes one: all four fields (a secret of `***`
    /// becomes [`SecretValue::Masked`] and is refused when sent).
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        auth_url: impl Into<String>,
        token_url: impl Into<String>,
    ) -> Self {
        OAuth2Config {
            client_id: Some(client_id.into()),
            client_secret: Some(SecretValue::new(client_secret)),
            auth_url: Some(auth_url.into()),
            token_url: Some(token_url.into()),
        }
    }

    /// All four fields set, URLs http(s) and a secret that is a value: the service
    /// stores an OAuth2 client only then (an update with less is silently ignored).
    fn check(&self) -> Result<(), Error> {
        const FIELD: &str = "oauth2Config";
        let missing = |what: &str| {
            Error::invalid(
                FIELD,
                format!(
                    "{what} is missing: the service stores the client only with all four fields"
                ),
            )
        };
        let id = self
            .client_id
            .as_deref()
            .ok_or_else(|| missing("clientID"))?;
        catalog::text("oauth2Config.clientID", id, usize::MAX)?;
        let secret = self
            .client_secret
            .as_ref()
            .ok_or_else(|| missing("clientSecret"))?;
        catalog::secret_to_send("oauth2Config.clientSecret", secret)?;
        let auth = self.auth_url.as_deref().ok_or_else(|| missing("authURL"))?;
        catalog::url("oauth2Config.authURL", auth)?;
        let token = self
            .token_url
            .as_deref()
            .ok_or_else(|| missing("tokenURL"))?;
        catalog::url("oauth2Config.tokenURL", token)
    }
}

object_model! {
    /// `{"provider": …}`: how HasMCP wraps a provider it returns. Public for the raw
    /// client.
    #[non_exhaustive]
    pub struct ProviderEnvelope {
        /// The provider.
        pub provider: Provider,
    }
}

object_model! {
    /// `{"providers": […]}`: the provider list. The key is missing when the list is
    /// empty (code); the vendor's knowledge base names it `data`, read as well (doc).
    /// `matchCount` and `nextToken` are the vendor's paging (spec). Public for the raw
    /// client.
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct ProviderList {
        /// The providers on this page.
        #[serde(
            default,
            alias = "data",
            deserialize_with = "null_as_default",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub providers: Vec<Provider>,
        /// How many providers match (spec).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub match_count: Option<i64>,
        /// The token of the next page, if there is one (spec).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }
}

/// The body of `POST /providers`, inside `{"provider": …}`: what is fixed at creation,
/// and the rest as an update sends it (where `name` and `description` are required).
/// Built and checked by [`CreateProvider`]; public for the raw client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateProviderFields {
    /// `apiType`: `REST`, the only supported type.
    pub api_type: ApiType,
    /// `visibilityType`: `INTERNAL` or `PUBLIC`.
    pub visibility_type: VisibilityType,
    /// `baseURL`: http(s), at most 255 bytes.
    #[serde(rename = "baseURL")]
    pub base_url: String,
    /// `name` (`^[a-zA-Z0-9]{1,16}$`), `description` (1–4096 bytes), the URLs (http(s),
    /// at most 255 bytes) and the OAuth2 client (all four fields).
    #[serde(flatten)]
    pub fields: UpdateProviderFields,
}

/// The body of `PATCH /providers/{id}`, inside `{"provider": …}`, and the changeable
/// part of [`CreateProviderFields`]: only the fields set are sent. Built and checked by
/// [`UpdateProvider`]; public for the raw client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateProviderFields {
    /// `name`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `description`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `documentURL`
    #[serde(
        default,
        rename = "documentURL",
        skip_serializing_if = "Option::is_none"
    )]
    pub document_url: Option<String>,
    /// `iconURL`
    #[serde(default, rename = "iconURL", skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// `oauth2Config`
    #[serde(
        default,
        rename = "oauth2Config",
        skip_serializing_if = "Option::is_none"
    )]
    pub oauth2_config: Option<OAuth2Config>,
}

/// The checks create and update share, on the fields set: the name pattern, the
/// description's length, http(s) URLs of at most 255 bytes, and a complete OAuth2
/// client with a real secret.
fn check_fields(f: &UpdateProviderFields) -> Result<(), Error> {
    if let Some(name) = &f.name {
        let alnum = |b: u8| b.is_ascii_alphanumeric();
        catalog::name("name", name, "^[a-zA-Z0-9]{1,16}$", 16, alnum, alnum)?;
    }
    if let Some(description) = &f.description {
        catalog::text("description", description, 4096)?;
    }
    if let Some(url) = &f.document_url {
        catalog::url("documentURL", url)?;
    }
    if let Some(url) = &f.icon_url {
        catalog::url("iconURL", url)?;
    }
    f.oauth2_config.as_ref().map_or(Ok(()), OAuth2Config::check)
}

/// A new provider: made by [`Client::create_provider`] with everything the service
/// requires; the rest is optional.
///
/// [`body`](Self::body) (and [`send`](Self::send)) check every input first: the name
/// pattern, the description's length, http(s) URLs of at most 255 bytes, and an OAuth2
/// client with all four fields and a real secret.
///
/// ```
/// use mcp_admin::hasmcp::{Client, OAuth2Config, VisibilityType};
///
/// let hm = Client::builder().token("tok").build()?;
/// let body = hm
///     .create_provider("stripeApi").visibility(VisibilityType::Public).base_url("https://api.stripe.com/v1").description("Payments")
///     .document_url("https://stripe.com/docs/api")
///     .body()?;
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     serde_json::json!({
///         "apiType": "REST", "visibilityType": "PUBLIC", "baseURL": "https://api.stripe.com/v1",
///         "name": "stripeApi", "description": "Payments", "documentURL": "https://stripe.com/docs/api"
///     })
/// );
/// let masked = OAuth2Config::new("app", "***", "https://a.example/auth", "https://a.example/token");
/// let refused = hm
///     .create_provider("stripeApi").visibility(VisibilityType::Public).base_url("https://api.stripe.com/v1").description("Payments")
///     .oauth2_config(masked)
///     .body();
/// assert!(refused.unwrap_err().is_invalid_input());
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[must_use = "a create does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct CreateProvider {
    client: Client,
    api_type: ApiType,
    visibility_type: Option<VisibilityType>,
    base_url: Option<String>,
    fields: UpdateProviderFields,
}

impl CreateProvider {
    /// Who may see the provider (required): `INTERNAL` or `PUBLIC`.
    pub fn visibility(self, visibility: VisibilityType) -> Self {
        self.set_visibility(Some(visibility))
    }

    /// The visibility, or `None` (refused at `send()`: it is required).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_provider("stripeApi").set_visibility(Some(mcp_admin::hasmcp::VisibilityType::Public));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_visibility(mut self, visibility: Option<VisibilityType>) -> Self {
        self.visibility_type = visibility;
        self
    }

    /// The upstream base URL (required): http(s).
    pub fn base_url(self, base_url: impl Into<String>) -> Self {
        self.set_base_url(Some(base_url.into()))
    }

    /// The base URL, or `None` (refused at `send()`: it is required).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_provider("stripeApi").set_base_url(Some("https://api.stripe.com/v1".into()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_base_url(mut self, base_url: Option<String>) -> Self {
        self.base_url = base_url;
        self
    }

    /// What the provider is for (required, not empty).
    pub fn description(self, description: impl Into<String>) -> Self {
        self.set_description(Some(description.into()))
    }

    /// The description, or `None` (refused at `send()`: it is required).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_provider("stripeApi").set_description(Some("Payments".into()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_description(mut self, description: Option<String>) -> Self {
        self.fields.description = description;
        self
    }

    /// The API type; `REST` (the default) is the only one the service supports, and
    /// any other is refused before sending.
    pub fn api_type(mut self, api_type: ApiType) -> Self {
        self.api_type = api_type;
        self
    }

    option_setters! { fields;
        /// The documentation URL: http(s), at most 255 bytes.
        document_url, set_document_url: String;
        /// The icon URL: http(s), at most 255 bytes.
        icon_url, set_icon_url: String;
        /// The OAuth2 client: all four fields, and the secret itself (not `***`).
        oauth2_config, set_oauth2_config: OAuth2Config;
    }

    /// The body this create sends, after checking every input; no I/O.
    pub fn body(&self) -> Result<CreateProviderFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(&ops::HASMCP_CREATE_PROVIDER))
    }

    fn checked_body(&self) -> Result<CreateProviderFields, Error> {
        if self.api_type != ApiType::Rest {
            return Err(Error::invalid(
                "apiType",
                format!("{} is refused by the service: use REST", self.api_type),
            ));
        }
        let visibility_type = match &self.visibility_type {
            None => {
                return Err(Error::invalid(
                    "visibilityType",
                    "required: INTERNAL or PUBLIC",
                ))
            }
            Some(v @ (VisibilityType::Internal | VisibilityType::Public)) => v.clone(),
            Some(other) => {
                return Err(Error::invalid(
                    "visibilityType",
                    format!("{other} is refused by the service: use INTERNAL or PUBLIC"),
                ))
            }
        };
        let base_url = self
            .base_url
            .clone()
            .ok_or_else(|| Error::required("baseURL"))?;
        catalog::url("baseURL", &base_url)?;
        if self.fields.description.is_none() {
            return Err(Error::required("description"));
        }
        check_fields(&self.fields)?;
        Ok(CreateProviderFields {
            api_type: self.api_type.clone(),
            visibility_type,
            base_url,
            fields: self.fields.clone(),
        })
    }

    /// Checks the inputs, sends `POST /api/v1/providers`, and returns the new provider
    /// (at `version` 1, with its `secretPrefix`).
    ///
    /// Confidence: code and spec agree on the route and the 201 answer. The open-source
    /// edition answers its own validation failures with **HTTP 500** and `data.reason`
    /// (the checks here catch those inputs first).
    pub async fn send(self) -> Result<Provider, Error> {
        self.send_unstamped()
            .await
            .map_err(|e| e.at(&ops::HASMCP_CREATE_PROVIDER))
    }

    async fn send_unstamped(self) -> Result<Provider, Error> {
        let provider = self.body()?;
        let raw = self.client.raw();
        let body = crate::raw::types::HasmcpCreateProviderRequest { provider };
        let op = raw.hasmcp_create_provider().body(body);
        Ok(
            transport::call(raw, &ops::HASMCP_CREATE_PROVIDER, move || op.send())
                .await?
                .provider,
        )
    }
}

/// A partial update of one provider: [`Client::update_provider`].
///
/// The service applies only the non-empty fields it is sent, so nothing can be
/// cleared: there is no `clear_*`, and an empty text is refused here rather than sent
/// to be ignored. `apiType`, `visibilityType` and `baseURL` are fixed at creation and
/// have no setter. The OAuth2 client is replaced only when all four of its fields come
/// with a secret that is not `***`; anything less is refused here, since the service
/// would silently keep the old one.
///
/// ```
/// use mcp_admin::hasmcp::Client;
///
/// let hm = Client::builder().token("tok").build()?;
/// let body = hm.update_provider("ASuB9Gf6aD5").description("Payments and refunds").body()?;
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"description":"Payments and refunds"}"#);
///
/// assert!(hm.update_provider("ASuB9Gf6aD5").body().unwrap_err().is_invalid_input()); // nothing set
/// assert!(hm.update_provider("ASuB9Gf6aD5").name("").body().unwrap_err().is_invalid_input());
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdateProvider {
    client: Client,
    id: Result<ProviderId, InvalidId>,
    changes: UpdateProviderFields,
}

impl UpdateProvider {
    option_setters! { changes;
        /// New name: `^[a-zA-Z0-9]{1,16}$`.
        name, set_name: String;
        /// New description: 1–4096 bytes.
        description, set_description: String;
        /// New documentation URL: http(s), at most 255 bytes.
        document_url, set_document_url: String;
        /// New icon URL: http(s), at most 255 bytes.
        icon_url, set_icon_url: String;
        /// A new OAuth2 client, replacing the stored one: all four fields, and the
        /// secret itself (a client read back has a masked secret and is refused).
        oauth2_config, set_oauth2_config: OAuth2Config;
    }

    /// The body this update sends, after checking the id and every input; no I/O.
    pub fn body(&self) -> Result<UpdateProviderFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(&ops::HASMCP_UPDATE_PROVIDER))
    }

    fn checked_body(&self) -> Result<UpdateProviderFields, Error> {
        self.id.clone().map_err(|e| e.for_field("id"))?;
        let c = &self.changes;
        if *c == UpdateProviderFields::default() {
            return Err(Error::invalid(
                "update",
                "nothing to update: set at least one field",
            ));
        }
        check_fields(c)?;
        Ok(c.clone())
    }

    /// Checks the inputs, sends `PATCH /api/v1/providers/{id}`, and returns the
    /// provider as updated (its `version` + 1).
    ///
    /// Confidence: code (the spec agrees on the route and the 200 answer). On the
    /// open-source edition an unknown id is not a 404: it answers **500** `failed to get
    /// provider` (`data.reason` `record not found`), which [`Error::is_not_found`]
    /// reads as not found.
    pub async fn send(self) -> Result<Provider, Error> {
        self.send_unstamped()
            .await
            .map_err(|e| e.at(&ops::HASMCP_UPDATE_PROVIDER))
    }

    async fn send_unstamped(self) -> Result<Provider, Error> {
        let provider = self.body()?;
        let id = self.id.map_err(|e| e.for_field("id"))?;
        let raw = self.client.raw();
        let body = crate::raw::types::HasmcpUpdateProviderRequest { provider };
        let op = raw.hasmcp_update_provider().id(id.clone()).body(body);
        const OP: &ops::Operation = &ops::HASMCP_UPDATE_PROVIDER;
        let provider = transport::call(raw, OP, move || op.send()).await?.provider;
        catalog::same_id(OP, 200, "provider", id.as_str(), provider.id.as_str())?;
        Ok(provider)
    }
}

/// What [`Client::list_providers`] asks for: every provider (HasMCP's cursor is followed
/// inside the one page), and whether to fill in each one's tools.
#[derive(Debug, Clone)]
pub struct ProvidersQuery {
    /// How many tool lists to fetch at a time, when asked to fill them in.
    with_tools: Option<usize>,
}

impl Query for ProvidersQuery {
    type Item = Provider;
    type Client = Client;
    const OPERATION: &'static str = ops::HASMCP_LIST_PROVIDERS.id;

    fn check(&self) -> Result<(), Error> {
        match self.with_tools {
            Some(0) => Err(Error::invalid("with_tools", "at least 1 request at a time")),
            _ => Ok(()),
        }
    }

    async fn fetch(&self, client: &Client, _: Paging) -> Result<Page<Provider>, Error> {
        let mut providers = client.all_providers().await?;
        if let Some(at_once) = self.with_tools {
            let ids: Vec<ProviderId> = providers.iter().map(|p| p.id.clone()).collect();
            let lists: Vec<Vec<Tool>> = stream::iter(ids)
                .map(|id| client.list_provider_tools(id).all())
                .buffered(at_once)
                .try_collect()
                .await
                .map_err(|e| {
                    e.in_step(&ops::HASMCP_LIST_PROVIDERS, "listing a provider's tools")
                })?;
            for (provider, tools) in providers.iter_mut().zip(lists) {
                provider.tools = tools;
            }
        }
        Ok(Page::whole(providers))
    }
}

/// The list [`Client::list_providers`] returns.
pub type ListProviders = List<ProvidersQuery>;

impl ListProviders {
    /// Fills in each provider's `tools` (which the open-source edition's list leaves
    /// empty) with one [`list_provider_tools`](Client::list_provider_tools) request per
    /// provider, at most `at_once` (at least 1) in flight. The first error ends the list.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// # let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// # let github = fake.seed_provider("GitHub");
    /// # fake.seed_tool(&github, "listRepos");
    /// # let hm = mcp_admin::hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let providers = hm.list_providers().with_tools(4).all().await?;
    /// assert_eq!(providers[0].tools.len(), 1);
    /// # Ok(()) }
    /// ```
    pub fn with_tools(self, at_once: usize) -> Self {
        self.set_with_tools(Some(at_once))
    }

    /// Fills in the tools `at_once` at a time, or (`None`) leaves them as listed.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let list = hm.list_providers().set_with_tools(None);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_with_tools(mut self, at_once: Option<usize>) -> Self {
        self.query.with_tools = at_once;
        self
    }
}

impl Client {
    /// Lists every provider (`GET /api/v1/providers`).
    ///
    /// Follows the vendor's cursor (`nextToken`) until the last page (spec); the
    /// open-source edition never pages, and leaves each provider's `tools` out (code):
    /// use [`list_provider_tools`](Self::list_provider_tools) or
    /// [`get_provider`](Self::get_provider) for them. An empty answer (`{}`) is an empty
    /// list.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// # let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// # let github = fake.seed_provider("GitHub");
    /// # fake.seed_tool(&github, "listRepos");
    /// # let hm = mcp_admin::hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// // The open-source edition lists providers without their tools: ask for them.
    /// for p in hm.list_providers().with_tools(4).all().await? {
    ///     for tool in &p.tools {
    ///         println!("{} {:?}: tool {} {:?}", p.id, p.name, tool.id, tool.name);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_providers(&self) -> ListProviders {
        List::new(self.clone(), ProvidersQuery { with_tools: None })
    }

    /// Every provider: the vendor's cursor followed to the end.
    async fn all_providers(&self) -> Result<Vec<Provider>, Error> {
        const OP: &ops::Operation = &ops::HASMCP_LIST_PROVIDERS;
        let raw = self.raw();
        let mut all = Vec::new();
        let mut token: Option<String> = None;
        let mut seen = HashSet::new();
        loop {
            let mut request = raw.hasmcp_list_providers();
            if let Some(token) = &token {
                request = request.token(token.clone());
            }
            let page = transport::call(raw, OP, move || request.send()).await?;
            all.extend(page.providers);
            match page.next_token.filter(|t| !t.is_empty()) {
                None => return Ok(all),
                Some(next) if seen.insert(next.clone()) => token = Some(next),
                Some(next) => {
                    return Err(Error::Decode {
                        platform: Platform::HasMcp,
                        operation: OP.id,
                        status: 200,
                        reason: format!("the page token {next:?} came back twice"),
                        body: String::new(),
                        step: None,
                    })
                }
            }
        }
    }

    /// Reads one provider with all its tools (`GET /api/v1/providers/{id}`); its
    /// OAuth2 secret comes back [`SecretValue::Masked`].
    ///
    /// Confidence: code and spec. An unknown id is a 404 ([`Error::is_not_found`]).
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let provider = hm.get_provider("ASuB9Gf6aD5").await?;
    /// for tool in &provider.tools {
    ///     println!("{} {:?} {:?}", tool.id, tool.method, tool.path);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn get_provider(&self, id: impl IntoId<ProviderId>) -> Result<Provider, Error> {
        const OP: &ops::Operation = &ops::HASMCP_GET_PROVIDER;
        let id = id::take(id, "id", &ops::HASMCP_GET_PROVIDER)?;
        let raw = self.raw();
        let op = raw.hasmcp_get_provider().id(id.clone());
        let provider = transport::call(raw, OP, move || op.send()).await?.provider;
        catalog::same_id(OP, 200, "provider", id.as_str(), provider.id.as_str())?;
        Ok(provider)
    }

    /// Starts a new provider named `name` (`^[a-zA-Z0-9]{1,16}$`). The service also
    /// requires its visibility, the upstream base URL (http(s)) and a description:
    /// setters of [`CreateProvider`], checked before sending. The API type is `REST`.
    /// Nothing is sent until [`CreateProvider::send`].
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::hasmcp::VisibilityType;
    ///
    /// let provider = hm
    ///     .create_provider("stripeApi").visibility(VisibilityType::Public).base_url("https://api.stripe.com/v1").description("Payments")
    ///     .send()
    ///     .await?;
    /// assert_eq!(provider.secret_prefix.as_deref(), Some("API_STRIPE_COM"));
    /// # Ok(()) }
    /// ```
    pub fn create_provider(&self, name: impl Into<String>) -> CreateProvider {
        CreateProvider {
            client: self.clone(),
            api_type: ApiType::Rest,
            visibility_type: None,
            base_url: None,
            fields: UpdateProviderFields {
                name: Some(name.into()),
                ..UpdateProviderFields::default()
            },
        }
    }

    /// Starts a partial update of provider `id` (see [`UpdateProvider`]). The id is
    /// checked here once; a bad one is reported by `body` and `send`.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let provider = hm.update_provider("ASuB9Gf6aD5").description("Payments and refunds").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn update_provider(&self, id: impl IntoId<ProviderId>) -> UpdateProvider {
        UpdateProvider {
            client: self.clone(),
            id: id::keep(id),
            changes: UpdateProviderFields::default(),
        }
    }

    /// Deletes a provider (`DELETE /api/v1/providers/{id}`), its tools, and every
    /// server's link to them.
    ///
    /// Confidence: code and spec. An unknown id is a success too (204) (code): the
    /// delete is idempotent and tells you nothing about whether the provider existed.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.delete_provider("ASuB9Gf6aD5").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_provider(&self, id: impl IntoId<ProviderId>) -> Result<(), Error> {
        let id = id::take(id, "id", &ops::HASMCP_DELETE_PROVIDER)?;
        let raw = self.raw();
        let op = raw.hasmcp_delete_provider().id(id);
        transport::call(raw, &ops::HASMCP_DELETE_PROVIDER, move || op.send()).await
    }
}

#[cfg(test)]
mod tests {
    use super::{OAuth2Config, ProviderList};
    use crate::hasmcp::SecretValue;

    #[test]
    fn oauth2_config_debug_hides_the_client_secret() {
        let c: OAuth2Config =
            serde_json::from_str(r#"{"clientID":"app","clientSecret":"SHHH"}"#).unwrap();
        assert_eq!(
            c.client_secret.as_ref().and_then(SecretValue::expose),
            Some("SHHH")
        );
        assert_eq!(
            format!("{c:?}"),
            r#"OAuth2Config { client_id: Some("app"), client_secret: Some(Value("[redacted]")), auth_url: None, token_url: None }"#
        );
    }

    #[test]
    fn provider_lists_read_every_key_and_no_arrays() {
        for text in ["{}", r#"{"providers":null}"#, r#"{"providers":[]}"#] {
            let list: ProviderList = serde_json::from_str(text).unwrap();
            assert!(list.providers.is_empty(), "{text}");
        }
        let list: ProviderList =
            serde_json::from_str(r#"{"data":[{"id":"ASuB9Gf6aD5"}],"nextToken":"n"}"#).unwrap();
        assert_eq!(list.providers[0].id.as_str(), "ASuB9Gf6aD5");
        assert_eq!(list.next_token.as_deref(), Some("n"));
        assert!(serde_json::from_str::<ProviderList>("[[]]").is_err());
    }
}
