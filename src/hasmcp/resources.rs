//! HasMCP resources: the account's MCP resources, which servers attach by id.
//!
//! # Path: `/resources` here, `/providers/{id}/resources` on the hosted service
//!
//! The open-source edition serves them at `/api/v1/resources[/{id}]` (code), which the
//! methods here use; the vendor's spec, the hosted service's document, nests them under
//! `/providers/{id}/resources`, which [`Client::list_provider_resources`] and its
//! siblings use, with these same builders and models. A server attaches a resource by
//! its id alone (`resources: [{id}]`, in the spec as well) either way. See the
//! `hasmcp` module docs for which to use.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    hasmcp::{
        catalog::{self, option_setters},
        provider_items::At,
        Client, InvalidId, ResourceId,
    },
    id::{self, IntoId},
    paging::List,
    transport::{self, ops},
    wire::{null_as_default, object_model, timestamp},
    Error,
};

/// A resource. A server's answer carries only the attached resources' ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Resource {
    /// Resource id.
    pub id: ResourceId,
    /// Creation time.
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last update.
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// MIME type (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    /// Annotations, kept as sent (raw JSON; an object in every source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Value>,
}

object_model! {
    /// `{"resource": …}`: how HasMCP wraps a resource it returns. Public for the raw
    /// client.
    #[non_exhaustive]
    pub struct ResourceEnvelope {
        /// The resource.
        pub resource: Resource,
    }
}

object_model! {
    /// `{"resources": […]}`: every resource; the key is missing when there are none
    /// (code). Public for the raw client.
    #[non_exhaustive]
    pub struct ResourceList {
        /// The resources.
        #[serde(
            default,
            deserialize_with = "null_as_default",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub resources: Vec<Resource>,
    }
}

/// What a resource PATCH answers: the resource (the vendor document: 200 with
/// `{"resource": …}`) or none (the open-source edition: 204 with no body, read as
/// `null`). Public for the raw client.
///
/// ```
/// use mcp_admin::hasmcp::UpdatedResource;
///
/// let none: UpdatedResource = serde_json::from_str("null").unwrap();
/// assert_eq!(none.resource, None);
/// let some: UpdatedResource = serde_json::from_str(r#"{"resource":{"id":"ASuB9Gf6aD7"}}"#).unwrap();
/// assert_eq!(some.resource.unwrap().id.as_str(), "ASuB9Gf6aD7");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UpdatedResource {
    /// The updated resource, when the answer carried it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<Resource>,
}

impl<'de> Deserialize<'de> for UpdatedResource {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        catalog::updated(d, "resource").map(|resource| UpdatedResource { resource })
    }
}

/// The body of `POST /resources`, inside `{"resource": …}`: built and checked by
/// [`CreateResource`]; public for the raw client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateResourceFields {
    /// `name`: 1–128 bytes.
    pub name: String,
    /// `uri`: 1–255 bytes.
    pub uri: String,
    /// `description`: at most 1024 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `mimeType`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// `size` in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    /// `annotations`: raw JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Value>,
}

/// The body of `PATCH /resources/{id}`, inside `{"resource": …}`: only the fields set
/// are sent. Built and checked by [`UpdateResource`]; public for the raw client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateResourceFields {
    /// `name`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `uri`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// `description`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `mimeType`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// `size`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    /// `annotations`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Value>,
}

/// A new resource: made by [`Client::create_resource`] (top level) or
/// [`Client::create_provider_resource`] (under a provider) with its name;
/// [`uri`](Self::uri) is required too, checked before sending.
///
/// ```
/// let hm = mcp_admin::hasmcp::Client::builder().token("tok").build()?;
/// let body = hm
///     .create_resource("errorLogs")
///     .uri("https://api.example.com/v1/system/logs/error")
///     .mime_type("text/plain")
///     .body()?;
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     serde_json::json!({
///         "name": "errorLogs", "uri": "https://api.example.com/v1/system/logs/error",
///         "mimeType": "text/plain"
///     })
/// );
/// assert!(hm.create_resource("errorLogs").body().unwrap_err().is_invalid_input());
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[must_use = "a create does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct CreateResource {
    client: Client,
    /// Where it is sent: the top level or under a provider.
    at: At,
    name: String,
    /// Every other field as set (`name` unused: the create's is above); `uri` is
    /// required at `body()`/`send()`.
    set: UpdateResourceFields,
}

impl CreateResource {
    option_setters! { set;
        /// The URI (required): 1–255 bytes.
        uri, set_uri: String;
        /// The description: at most 1024 bytes.
        description, set_description: String;
        /// The MIME type (free text), e.g. `text/plain`.
        mime_type, set_mime_type: String;
        /// The size in bytes.
        size, set_size: i64;
        /// Annotations, sent as given (e.g. `{"audience": ["assistant"], "priority": 0.5}`).
        annotations, set_annotations: Value;
    }

    /// The body this create sends, after checking every input; no I/O.
    pub fn body(&self) -> Result<CreateResourceFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(self.at.resources().create))
    }

    /// The same create, sent where `at` says.
    pub(super) fn placed(self, at: At) -> Self {
        CreateResource { at, ..self }
    }

    fn checked_body(&self) -> Result<CreateResourceFields, Error> {
        self.at.check()?;
        let s = &self.set;
        catalog::text("name", &self.name, 128)?;
        let uri = s.uri.clone().ok_or_else(|| Error::required("uri"))?;
        catalog::text("uri", &uri, 255)?;
        catalog::at_most("description", s.description.as_deref().unwrap_or(""), 1024)?;
        if let Some(annotations) = &s.annotations {
            catalog::json("annotations", annotations)?;
        }
        Ok(CreateResourceFields {
            name: self.name.clone(),
            uri,
            description: s.description.clone(),
            mime_type: s.mime_type.clone(),
            size: s.size,
            annotations: s.annotations.clone(),
        })
    }

    /// Checks the inputs, sends `POST /api/v1/resources` (or, made by
    /// [`Client::create_provider_resource`], `POST /api/v1/providers/{id}/resources`),
    /// and returns the new resource.
    ///
    /// Confidence: code for the top-level route, spec for the one under a provider (see
    /// the module docs).
    pub async fn send(self) -> Result<Resource, Error> {
        let op = self.at.resources().create;
        self.send_unstamped().await.map_err(|e| e.at(op))
    }

    async fn send_unstamped(self) -> Result<Resource, Error> {
        let resource = self.body()?;
        self.client.post_resource(&self.at, resource).await
    }
}

/// A partial update of one resource: [`Client::update_resource`] (top level) or
/// [`Client::update_provider_resource`] (under a provider).
///
/// The service applies only non-empty, non-zero fields, so nothing can be cleared:
/// there is no `clear_*`, and an empty text or a size of 0 is refused here.
///
/// # The answer: when [`send`](Self::send) reads the resource back
///
/// The open-source edition answers 204 with no body (code); the spec answers 200 with
/// the resource (spec). Both are a success and `send()` returns the updated resource
/// either way: the one in a 200's body as it is (no other request), or after a 204
/// the one read with `GET`. An unknown id (to which the open-source edition also
/// answers 204) becomes that read's 404 ([`Error::is_not_found`]).
///
/// ```
/// let hm = mcp_admin::hasmcp::Client::builder().token("tok").build()?;
/// let body = hm.update_resource("ASuB9Gf6aD7").size(4096).body()?;
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"size":4096}"#);
/// assert!(hm.update_resource("ASuB9Gf6aD7").size(0).body().unwrap_err().is_invalid_input());
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdateResource {
    client: Client,
    /// Where it is sent: the top level or under a provider.
    at: At,
    id: Result<ResourceId, InvalidId>,
    changes: UpdateResourceFields,
}

impl UpdateResource {
    option_setters! { changes;
        /// New name: 1–128 bytes.
        name, set_name: String;
        /// New URI: 1–255 bytes.
        uri, set_uri: String;
        /// New description: 1–1024 bytes.
        description, set_description: String;
        /// New MIME type.
        mime_type, set_mime_type: String;
        /// New size in bytes (not 0, which the service ignores).
        size, set_size: i64;
        /// New annotations, replacing the stored ones.
        annotations, set_annotations: Value;
    }

    /// The body this update sends, after checking the id and every input; no I/O.
    pub fn body(&self) -> Result<UpdateResourceFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(self.at.resources().update))
    }

    /// The same update, sent where `at` says.
    pub(super) fn placed(self, at: At) -> Self {
        UpdateResource { at, ..self }
    }

    fn checked_body(&self) -> Result<UpdateResourceFields, Error> {
        self.at.check()?;
        self.id.clone().map_err(|e| e.for_field("id"))?;
        let c = &self.changes;
        if *c == UpdateResourceFields::default() {
            return Err(Error::invalid(
                "update",
                "nothing to update: set at least one field",
            ));
        }
        for (field, value, max) in [
            ("name", &c.name, 128),
            ("uri", &c.uri, 255),
            ("description", &c.description, 1024),
            ("mimeType", &c.mime_type, usize::MAX),
        ] {
            if let Some(value) = value {
                catalog::text(field, value, max)?;
            }
        }
        if c.size == Some(0) {
            return Err(Error::invalid(
                "size",
                "0 is ignored by the service: a size cannot be cleared",
            ));
        }
        if let Some(annotations) = &c.annotations {
            catalog::json("annotations", annotations)?;
        }
        Ok(c.clone())
    }

    /// Checks the inputs, sends `PATCH /api/v1/resources/{id}`, and returns the updated
    /// resource: a 200's, or after a 204 the one read back (see the type's docs).
    /// A failed read after the PATCH landed is an [`Error::NotApplied`] naming the
    /// fields sent as applied, with the read's error as `cause`
    /// ([`Error::may_have_applied`] is `true`).
    ///
    /// Made by [`Client::update_provider_resource`], it sends
    /// `PATCH /api/v1/providers/{id}/resources/{resourceID}` and reads from that place.
    ///
    /// Confidence: code for the top-level route; spec for the one under a provider,
    /// which answers 200.
    pub async fn send(self) -> Result<Resource, Error> {
        let op = self.at.resources().update;
        self.send_unstamped().await.map_err(|e| e.at(op))
    }

    async fn send_unstamped(self) -> Result<Resource, Error> {
        let resource = self.body()?;
        let id = self.id.map_err(|e| e.for_field("id"))?;
        let fields = [
            ("name", resource.name.is_some()),
            ("uri", resource.uri.is_some()),
            ("description", resource.description.is_some()),
            ("mimeType", resource.mime_type.is_some()),
            ("size", resource.size.is_some()),
            ("annotations", resource.annotations.is_some()),
        ];
        let op = self.at.resources().update;
        let (status, answered) = self.client.patch_resource(&self.at, &id, resource).await?;
        if let Some(resource) = answered {
            catalog::same_id(op, status, "resource", id.as_str(), resource.id.as_str())?;
            return Ok(resource);
        }
        catalog::read_back(
            op,
            status,
            &fields,
            self.client.read_resource(&self.at, id).await,
        )
    }
}

impl Client {
    /// Lists every resource (`GET /api/v1/resources`); `{}` is an empty list.
    ///
    /// Confidence: code (the spec lists them per provider; see the module docs).
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// for r in hm.list_resources().all().await? {
    ///     println!("{} {:?} {:?}", r.id, r.name, r.uri);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_resources(&self) -> ListResources {
        List::new(self.clone(), ResourcesQuery {})
    }

    /// The whole list, one request.
    async fn all_resources(&self) -> Result<Vec<Resource>, Error> {
        let raw = self.raw();
        let op = raw.hasmcp_list_resources();
        Ok(
            transport::call(raw, &ops::HASMCP_LIST_RESOURCES, move || op.send())
                .await?
                .resources,
        )
    }

    /// Reads one resource (`GET /api/v1/resources/{id}`). An unknown id is a 404
    /// (`server resource not found`, [`Error::is_not_found`]).
    ///
    /// Confidence: code.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let resource = hm.get_resource("ASuB9Gf6aD7").await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_resource(&self, id: impl IntoId<ResourceId>) -> Result<Resource, Error> {
        const OP: &ops::Operation = &ops::HASMCP_GET_RESOURCE;
        let id = id::take(id, "id", &ops::HASMCP_GET_RESOURCE)?;
        let raw = self.raw();
        let op = raw.hasmcp_get_resource().id(id.clone());
        let resource = transport::call(raw, OP, move || op.send()).await?.resource;
        catalog::same_id(OP, 200, "resource", id.as_str(), resource.id.as_str())?;
        Ok(resource)
    }

    /// Starts a new resource with its name (1–128 bytes); its URI
    /// ([`uri`](CreateResource::uri), 1–255 bytes) is required too, checked before
    /// sending. Nothing is sent until [`CreateResource::send`].
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let resource = hm
    ///     .create_resource("errorLogs")
    ///     .uri("https://api.example.com/v1/system/logs/error")
    ///     .mime_type("text/plain")
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn create_resource(&self, name: impl Into<String>) -> CreateResource {
        CreateResource {
            client: self.clone(),
            at: At::Account,
            name: name.into(),
            set: UpdateResourceFields::default(),
        }
    }

    /// Starts a partial update of resource `id` (see [`UpdateResource`]). The id is
    /// checked here once; a bad one is reported by `body` and `send`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// # let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// # let id = fake.seed_resource("errorLogs", "https://api.example.com/logs");
    /// # let hm = mcp_admin::hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let resource = hm.update_resource(&id).description("Today's errors").send().await?;
    /// assert_eq!(resource.name.as_deref(), Some("errorLogs")); // read back after the 204
    /// assert_eq!(resource.description.as_deref(), Some("Today's errors"));
    /// # Ok(()) }
    /// ```
    pub fn update_resource(&self, id: impl IntoId<ResourceId>) -> UpdateResource {
        UpdateResource {
            client: self.clone(),
            at: At::Account,
            id: id::keep(id),
            changes: UpdateResourceFields::default(),
        }
    }

    /// Deletes a resource (`DELETE /api/v1/resources/{id}`) and every server's link to
    /// it.
    ///
    /// Confidence: code. An unknown id is a success too (204).
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.delete_resource("ASuB9Gf6aD7").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_resource(&self, id: impl IntoId<ResourceId>) -> Result<(), Error> {
        let id = id::take(id, "id", &ops::HASMCP_DELETE_RESOURCE)?;
        let raw = self.raw();
        let op = raw.hasmcp_delete_resource().id(id);
        transport::call(raw, &ops::HASMCP_DELETE_RESOURCE, move || op.send()).await
    }
}

whole_list! {
    /// What [`Client::list_resources`] asks for: every resource, all of them (HasMCP does not page).
    ResourcesQuery {} => Resource, HASMCP_LIST_RESOURCES, |client, _query| client.all_resources().await
}

/// The list [`Client::list_resources`] returns.
pub type ListResources = List<ResourcesQuery>;
