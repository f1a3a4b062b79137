//! A server's resources: the model, and the requests that list, read, create, update and
//! delete them, with one builder for create and update.
//!
//! Confidence: list, get, create and update have vendor pages (vendor docs) (the list's
//! `page`/`per_page` are not documented and inferred from the other lists); delete has
//! no page and is inferred from its siblings (`DELETE /servers/{server_id}/resources/{id}`,
//! any 2xx is success) (inferred). Resources have numeric ids only.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::{
    getmcp::{
        shared::{self, changing, expect_item, php_object, require_object, require_text, ItemIds},
        Client, ResourceId, ServerId, ServerRef,
    },
    id::{self, IntoId, Refused},
    paging::{self, with_paging, List, Page, Paged, Paging, Query},
    transport::ops,
    wire::{null_as_default, object_model, timestamp, wire_enum},
    Error, Patch,
};

wire_enum! {
    /// Where a resource's content comes from (`data_source_type`); `static` when not
    /// set. The older docs list `dynamic` where the current ones list `callback`: an
    /// older site may answer `dynamic`, kept as `Unknown`.
    pub enum DataSourceType {
        /// `static`: `data_source_config` is `{"content": …}`.
        Static = "static",
        /// `url`: `data_source_config` is `{"url": …, "cache_ttl": …}`.
        Url = "url",
        /// `wp_query`: `data_source_config` holds `WP_Query` arguments.
        WpQuery = "wp_query",
        /// `callback`: a function registered on the site.
        Callback = "callback",
    }
}

object_model! {
    /// A resource of a GetMCP server: content an AI client can read by URI.
    ///
    /// ```
    /// use mcp_admin::getmcp::{DataSourceType, Resource};
    ///
    /// let r: Resource = serde_json::from_str(
    ///     r##"{"id":3,"server_id":3,"uri":"docs://guide","name":"Guide","mime_type":"text/markdown",
    ///         "data_source_type":"static","data_source_config":{"content":"# Guide"},"template_uri":null}"##,
    /// ).unwrap();
    /// assert_eq!(r.data_source_type, Some(DataSourceType::Static));
    /// assert_eq!(r.data_source_config["content"], "# Guide");
    /// ```
    #[non_exhaustive]
    pub struct Resource {
        /// Numeric id.
        pub id: ResourceId,
        /// The server's numeric id ([`Server::id`](crate::getmcp::Server::id)).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub server_id: Option<ServerId>,
        /// The URI clients read it by (any scheme).
        #[serde(default, deserialize_with = "null_as_default")]
        pub uri: String,
        /// Display name.
        #[serde(default, deserialize_with = "null_as_default")]
        pub name: String,
        /// What it holds.
        #[serde(default)]
        pub description: Option<String>,
        /// The content's MIME type; `text/plain` when not set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub mime_type: Option<String>,
        /// Where the content comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data_source_type: Option<DataSourceType>,
        /// The source's settings, per type; empty when the site has none.
        #[serde(default, deserialize_with = "php_object")]
        pub data_source_config: Map<String, Value>,
        /// An RFC 6570 URI template, for parameterized resources.
        #[serde(default)]
        pub template_uri: Option<String>,
        /// The server's UUID.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub server_uuid: Option<Uuid>,
        /// Creation time (UTC).
        #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
        pub created_at: Option<DateTime<Utc>>,
        /// Last update (UTC).
        #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
        pub updated_at: Option<DateTime<Utc>>,
    }
}

/// `Ok` when `resource` is the one asked for (none for a create or a list), on the
/// server asked for.
fn expect_resource(server: ServerRef, asked: Option<u64>, r: &Resource) -> Result<(), String> {
    let ids = ItemIds {
        id: r.id.0,
        uuid: None,
        server_id: r.server_id.map(|s| s.0),
        server_uuid: r.server_uuid,
    };
    expect_item("resource", server, asked.map(ServerRef::Id), ids)
}

/// The PATCH body of a resource: only the fields that are `Some` are sent.
///
/// Built by [`UpdateResource`]; public for the raw client.
///
/// ```
/// use mcp_admin::getmcp::UpdateResourceBody;
///
/// let body = UpdateResourceBody { template_uri: Some(String::new()), ..Default::default() };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"template_uri":""}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateResourceBody {
    /// `uri`: required on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// `name`: required on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `description`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `mime_type`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// `data_source_type`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source_type: Option<DataSourceType>,
    /// `data_source_config`: a JSON object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source_config: Option<Map<String, Value>>,
    /// `template_uri`; `""` removes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_uri: Option<String>,
}

/// The create body: the update's fields, with the fields a create needs always set (a
/// create takes no field an update does not).
///
/// Built by [`CreateResource`]; public for the raw client.
///
/// ```
/// use mcp_admin::getmcp::{CreateResourceBody, UpdateResourceBody};
///
/// let body = CreateResourceBody {
///     fields: UpdateResourceBody {
///         uri: Some("docs://guide".into()),
///         name: Some("Guide".into()),
///         ..Default::default()
///     },
/// };
/// assert_eq!(
///     serde_json::to_string(&body).unwrap(),
///     r#"{"uri":"docs://guide","name":"Guide"}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateResourceBody {
    /// What an update can send too, with the update's wire rules.
    #[serde(flatten)]
    pub fields: UpdateResourceBody,
}

/// What the caller set. Fields the API can empty are `Patch`es.
#[derive(Debug, Clone, Default, PartialEq)]
struct Changes {
    uri: Option<String>,
    name: Option<String>,
    description: Patch<String>,
    mime_type: Option<String>,
    data_source_type: Option<DataSourceType>,
    data_source_config: Option<Value>,
    template_uri: Patch<String>,
}

impl Changes {
    /// Checks every field set and builds the body of exactly those.
    fn body(&self) -> Result<UpdateResourceBody, Error> {
        let c = self;
        if let Some(uri) = c.uri.as_deref().filter(|u| !has_scheme(u)) {
            return Err(Error::invalid(
                "uri",
                format!("{uri:?}: a resource URI starts with a scheme, e.g. docs://"),
            ));
        }
        require_text("name", c.name.as_deref())?;
        if let Some(mime) = c.mime_type.as_deref().filter(|m| !is_mime_type(m)) {
            return Err(Error::invalid(
                "mime_type",
                format!("{mime:?}: expected type/subtype, e.g. text/markdown"),
            ));
        }
        require_object("data_source_config", c.data_source_config.as_ref())?;
        Ok(UpdateResourceBody {
            uri: c.uri.clone(),
            name: c.name.clone(),
            description: c.description.clone().into_wire(String::new),
            mime_type: c.mime_type.clone(),
            data_source_type: c.data_source_type.clone(),
            data_source_config: c
                .data_source_config
                .as_ref()
                .and_then(|v| v.as_object().cloned()),
            template_uri: c.template_uri.clone().into_wire(String::new),
        })
    }
}

/// The setters [`CreateResource`] and [`UpdateResource`] share, and the body of what was set:
/// one definition for both builders, each a struct with `refused` and `changes`.
macro_rules! resource_setters {
    () => {
        /// The URI clients read it by: any scheme (`docs://guide`, `file:///…`).
        pub fn uri(self, uri: impl Into<String>) -> Self {
            self.set_uri(Some(uri.into()))
        }

        /// The URI, or `None` to leave it (a create needs one).
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// assert!(gm.update_resource(3u64, 1).set_uri(Some("no-scheme".into())).body().is_err());
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_uri(mut self, uri: Option<String>) -> Self {
            self.changes.uri = uri;
            self
        }

        /// The display name.
        pub fn name(self, name: impl Into<String>) -> Self {
            self.set_name(Some(name.into()))
        }

        /// The name, or `None` to leave it (a create needs one).
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_resource(3u64, 1).set_name(Some("Guide".into())).body()?;
        /// assert_eq!(body.name.as_deref(), Some("Guide"));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_name(mut self, name: Option<String>) -> Self {
            self.changes.name = name;
            self
        }

        /// What the resource holds.
        pub fn description(self, description: impl Into<String>) -> Self {
            self.set_description(Patch::Set(description.into()))
        }

        /// Sets, empties ([`Patch::Clear`] sends `""`) or keeps the description.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_resource(3u64, 1).set_description(mcp_admin::Patch::Clear).body()?;
        /// assert_eq!(body.description.as_deref(), Some(""));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_description(mut self, description: Patch<String>) -> Self {
            self.changes.description = description;
            self
        }

        /// The content's MIME type, `type/subtype`; `text/plain` when not set on a create.
        pub fn mime_type(self, mime_type: impl Into<String>) -> Self {
            self.set_mime_type(Some(mime_type.into()))
        }

        /// The MIME type, or `None` to leave it.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// assert!(gm.update_resource(3u64, 1).set_mime_type(Some("markdown".into())).body().is_err());
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_mime_type(mut self, mime_type: Option<String>) -> Self {
            self.changes.mime_type = mime_type;
            self
        }

        /// Where the content comes from; `static` when not set on a create.
        pub fn data_source_type(self, source: DataSourceType) -> Self {
            self.set_data_source_type(Some(source))
        }

        /// The source type, or `None` to leave it.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_resource(3u64, 1).set_data_source_type(Some(mcp_admin::getmcp::DataSourceType::Url)).body()?;
        /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"data_source_type":"url"}"#);
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_data_source_type(mut self, source: Option<DataSourceType>) -> Self {
            self.changes.data_source_type = source;
            self
        }

        /// The source's settings, a JSON object whose shape depends on the type.
        pub fn data_source_config(self, config: Value) -> Self {
            self.set_data_source_config(Some(config))
        }

        /// The settings, or `None` to leave them.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// assert!(gm.update_resource(3u64, 1).set_data_source_config(Some("x".into())).body().is_err());
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_data_source_config(mut self, config: Option<Value>) -> Self {
            self.changes.data_source_config = config;
            self
        }

        /// Static content: type `static`, config `{"content": text}`.
        pub fn static_content(self, text: impl Into<String>) -> Self {
            self.data_source_type(DataSourceType::Static)
                .data_source_config(json!({ "content": text.into() }))
        }

        /// Content fetched from `url`, cached for `cache_ttl` seconds: type `url`, config
        /// `{"url": url, "cache_ttl": cache_ttl}`.
        pub fn url_source(self, url: impl Into<String>, cache_ttl: u64) -> Self {
            self.data_source_type(DataSourceType::Url)
                .data_source_config(json!({ "url": url.into(), "cache_ttl": cache_ttl }))
        }

        /// An RFC 6570 URI template (`docs://guide/{section}`), for parameterized resources.
        pub fn template_uri(self, template: impl Into<String>) -> Self {
            self.set_template_uri(Patch::Set(template.into()))
        }

        /// Sets, removes ([`Patch::Clear`] sends `""`) or keeps the URI template.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_resource(3u64, 1).set_template_uri(mcp_admin::Patch::Clear).body()?;
        /// assert_eq!(body.template_uri.as_deref(), Some(""));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_template_uri(mut self, template: Patch<String>) -> Self {
            self.changes.template_uri = template;
            self
        }
    };
}

crate::getmcp::shared::item_builders! {
    /// A new resource: `name` (given to [`Client::create_resource`]) and [`uri`](Self::uri)
    /// are required, every other field optional and sent only when set.
    ///
    /// Checked before anything is sent ([`Error::InvalidInput`]), here and by
    /// [`UpdateResource`]: a URI without a scheme, a blank name, a MIME type that is not
    /// `type/subtype`, a `data_source_config` that is not a JSON object; a create without a
    /// URI.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm
    ///     .create_resource(3u64, "Guide")
    ///     .uri("docs://guide")
    ///     .mime_type("text/markdown")
    ///     .static_content("# Guide")
    ///     .body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({
    ///         "uri": "docs://guide",
    ///         "name": "Guide",
    ///         "mime_type": "text/markdown",
    ///         "data_source_type": "static",
    ///         "data_source_config": {"content": "# Guide"}
    ///     })
    /// );
    /// assert!(gm.create_resource(3u64, "Guide").body().is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    create CreateResource;
    /// A partial update of a resource: only the fields set are sent, with the checks of
    /// [`CreateResource`]; an update with nothing set is refused before sending.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm.update_resource(3u64, 1).mime_type("text/markdown").body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"mime_type":"text/markdown"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    update UpdateResource(resource: u64);
    body UpdateResourceBody;
    setters resource_setters;
}

impl CreateResource {
    /// The body this create sends, after checking every input; no I/O.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// assert!(gm.create_resource(3u64, "A").uri("docs://a").set_uri(None).body().is_err());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<CreateResourceBody, Error> {
        let fields = self.fields_for(&ops::GETMCP_CREATE_RESOURCE)?;
        if fields.uri.is_none() {
            return Err(Error::required("uri").at(&ops::GETMCP_CREATE_RESOURCE));
        }
        if fields.name.is_none() {
            return Err(Error::required("name").at(&ops::GETMCP_CREATE_RESOURCE));
        }
        Ok(CreateResourceBody { fields })
    }

    /// Checks the inputs, creates the resource, and returns it as the site stored it.
    /// The status code is not documented: 200 and 201 are both taken.
    pub async fn send(self) -> Result<Resource, Error> {
        let body = self.body()?;
        let op = self
            .client
            .raw()
            .getmcp_create_resource()
            .server_id(self.server);
        shared::call(&self.client, &ops::GETMCP_CREATE_RESOURCE, move || {
            op.body(body).send()
        })
        .await?
        .checked(&ops::GETMCP_CREATE_RESOURCE, |r| {
            expect_resource(self.server, None, r)
        })
    }
}

impl UpdateResource {
    /// Empties the description: sends `"description": ""`.
    pub fn clear_description(self) -> Self {
        self.set_description(Patch::Clear)
    }

    /// Removes the URI template: sends `"template_uri": ""`.
    pub fn clear_template_uri(self) -> Self {
        self.set_template_uri(Patch::Clear)
    }

    /// The body this update sends, after checking every input; no I/O.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_resource(3u64, 1).clear_template_uri().body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"template_uri":""}"#);
    /// assert!(gm.update_resource(3u64, 1).body().is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<UpdateResourceBody, Error> {
        changing(self.fields_for(&ops::GETMCP_UPDATE_RESOURCE)?)
            .map_err(|e| e.at(&ops::GETMCP_UPDATE_RESOURCE))
    }

    /// Checks the inputs, sends the PATCH with exactly the fields set, and returns the
    /// resource as the site reports it afterwards.
    pub async fn send(self) -> Result<Resource, Error> {
        let body = self.body()?;
        let (server, id) = (self.server, self.resource);
        let op = self.client.raw().getmcp_update_resource().server_id(server);
        shared::call(&self.client, &ops::GETMCP_UPDATE_RESOURCE, move || {
            op.id(id).body(body).send()
        })
        .await?
        .checked(&ops::GETMCP_UPDATE_RESOURCE, |r| {
            expect_resource(server, Some(id), r)
        })
    }
}

/// RFC 3986: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`, then something.
fn has_scheme(uri: &str) -> bool {
    match uri.split_once(':') {
        Some((scheme, rest)) => {
            !rest.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// `type/subtype`, optionally with parameters, without whitespace in the type.
fn is_mime_type(mime: &str) -> bool {
    let essence = mime.split(';').next().unwrap_or("").trim();
    match essence.split_once('/') {
        Some((ty, sub)) => {
            let token = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "!#$&^_.+-".contains(c))
            };
            token(ty) && token(sub)
        }
        None => false,
    }
}

/// What a server's resource list asks for besides paging: the server.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourcesQuery {
    server: ServerRef,
    refused: Refused,
}

/// `GET /servers/{server_id}/resources`: see [`List`] for paging (not documented for
/// this list (inferred)).
pub type ListResources = List<ResourcesQuery>;

impl Paged for ResourcesQuery {}

impl Query for ResourcesQuery {
    type Item = Resource;
    type Client = Client;
    const OPERATION: &'static str = ops::GETMCP_LIST_RESOURCES.id;

    fn check(&self) -> Result<(), Error> {
        self.refused.check(&ops::GETMCP_LIST_RESOURCES)
    }

    async fn fetch(&self, client: &Client, paging: Paging) -> Result<Page<Resource>, Error> {
        let op = client.raw().getmcp_list_resources().server_id(self.server);
        let op = with_paging!(op, paging);
        let check = |item: &_| expect_resource(self.server, None, item);
        paging::fetch(
            client,
            &ops::GETMCP_LIST_RESOURCES,
            paging,
            move || op.send(),
            check,
        )
        .await
    }
}

impl Client {
    /// Lists a server's resources, a page at a time; see [`List`]. Every resource
    /// answered must belong to the server asked for.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Docs");
    /// fake.seed_resource(server, "docs://guide", "Guide");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let resources = gm.list_resources(server).all().await?;
    /// assert_eq!(resources[0].uri, "docs://guide");
    /// # Ok(()) }
    /// ```
    pub fn list_resources(&self, server: impl IntoId<ServerRef>) -> ListResources {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        List::new(self.clone(), ResourcesQuery { server, refused })
    }

    /// Reads one resource of a server, by its numeric id.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Docs");
    /// let id = fake.seed_resource(server, "docs://guide", "Guide");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// assert_eq!(gm.get_resource(server, id).await?.name, "Guide");
    /// # Ok(()) }
    /// ```
    pub async fn get_resource(
        &self,
        server: impl IntoId<ServerRef>,
        resource: impl IntoId<ResourceId>,
    ) -> Result<Resource, Error> {
        const OP: &ops::Operation = &ops::GETMCP_GET_RESOURCE;
        let server = id::take(server, "server", OP)?;
        let resource = id::take::<ResourceId>(resource, "resource", OP)?.0;
        let op = self
            .raw()
            .getmcp_get_resource()
            .server_id(server)
            .id(resource);
        shared::call(self, &ops::GETMCP_GET_RESOURCE, move || op.send())
            .await?
            .checked(&ops::GETMCP_GET_RESOURCE, |r| {
                expect_resource(server, Some(resource), r)
            })
    }

    /// Starts creating a resource named `name` on a server; its [`uri`](CreateResource::uri)
    /// is required too, checked before sending. See [`CreateResource`] for every field.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Docs");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let r = gm
    ///     .create_resource(server, "Guide")
    ///     .uri("docs://guide")
    ///     .url_source("https://example.com/guide.md", 300)
    ///     .send()
    ///     .await?;
    /// assert_eq!(r.mime_type.as_deref(), Some("text/plain"));
    /// # Ok(()) }
    /// ```
    pub fn create_resource(
        &self,
        server: impl IntoId<ServerRef>,
        name: impl Into<String>,
    ) -> CreateResource {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        CreateResource::new(self.clone(), server, refused, name.into())
    }

    /// Starts a partial update of a resource: only the fields you set are sent.
    ///
    /// ```no_run
    /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let r = gm.update_resource(3u64, 1).description("Step by step").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn update_resource(
        &self,
        server: impl IntoId<ServerRef>,
        resource: impl IntoId<ResourceId>,
    ) -> UpdateResource {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        let resource = refused.keep(resource, "resource", ResourceId(0)).0;
        UpdateResource::new(self.clone(), server, refused, resource)
    }

    /// Deletes a resource of a server (inferred: no vendor page documents this route;
    /// its path follows the resource's get and update, and any 2xx is taken as success).
    ///
    /// ```no_run
    /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
    /// gm.delete_resource(3u64, 1).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_resource(
        &self,
        server: impl IntoId<ServerRef>,
        resource: impl IntoId<ResourceId>,
    ) -> Result<(), Error> {
        const OP: &ops::Operation = &ops::GETMCP_DELETE_RESOURCE;
        let server = id::take(server, "server", OP)?;
        let resource = id::take::<ResourceId>(resource, "resource", OP)?.0;
        let op = self
            .raw()
            .getmcp_delete_resource()
            .server_id(server)
            .id(resource);
        shared::call(self, &ops::GETMCP_DELETE_RESOURCE, move || op.send())
            .await
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_mime_types() {
        for ok in ["docs://guide", "file:///etc/x", "urn:isbn:1", "a+b.c-d:x"] {
            assert!(has_scheme(ok), "{ok}");
        }
        for bad in ["", "guide", "://x", "1docs://x", "docs:", "do cs://x"] {
            assert!(!has_scheme(bad), "{bad}");
        }
        for ok in [
            "text/plain",
            "text/markdown; charset=utf-8",
            "application/vnd.api+json",
        ] {
            assert!(is_mime_type(ok), "{ok}");
        }
        for bad in ["", "text", "text/", "/plain", "te xt/plain"] {
            assert!(!is_mime_type(bad), "{bad}");
        }
    }
}
