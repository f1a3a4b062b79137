//! Resources and prompts under a provider, where the hosted service's document keeps
//! them (`/providers/{id}/resources[/{resourceID}]`, `/providers/{id}/prompts[/{promptID}]`),
//! beside the open-source edition's top-level routes (`/resources`, `/prompts`).
//!
//! Both families share the builders, bodies and models of `resources` and `prompts`:
//! [`At`] says where a builder sends, and the helpers here pick the operation for it.

use crate::{
    hasmcp::{
        catalog, Client, CreatePrompt, CreatePromptFields, CreateResource, CreateResourceFields,
        InvalidId, Prompt, PromptId, ProviderId, Resource, ResourceId, UpdatePrompt,
        UpdatePromptFields, UpdateResource, UpdateResourceFields,
    },
    id::{self, IntoId},
    paging::List,
    transport::{
        self,
        ops::{self, Operation},
    },
    Error,
};

/// Where a resource or prompt is addressed.
#[derive(Debug, Clone)]
pub(super) enum At {
    /// At the top level, `/resources` and `/prompts`: the open-source edition.
    Account,
    /// Under a provider, `/providers/{id}/resources` and `…/prompts`: the hosted
    /// service's document. Holds the provider, or why the id given is not one.
    Provider(Result<ProviderId, InvalidId>),
}

/// The write operations of one family, which its builders are stamped with.
pub(super) struct ItemOps {
    pub(super) create: &'static Operation,
    pub(super) update: &'static Operation,
}

const RESOURCES: ItemOps = ItemOps {
    create: &ops::HASMCP_CREATE_RESOURCE,
    update: &ops::HASMCP_UPDATE_RESOURCE,
};
const PROVIDER_RESOURCES: ItemOps = ItemOps {
    create: &ops::HASMCP_CREATE_PROVIDER_RESOURCE,
    update: &ops::HASMCP_UPDATE_PROVIDER_RESOURCE,
};
const PROMPTS: ItemOps = ItemOps {
    create: &ops::HASMCP_CREATE_PROMPT,
    update: &ops::HASMCP_UPDATE_PROMPT,
};
const PROVIDER_PROMPTS: ItemOps = ItemOps {
    create: &ops::HASMCP_CREATE_PROVIDER_PROMPT,
    update: &ops::HASMCP_UPDATE_PROVIDER_PROMPT,
};

impl At {
    /// Under the provider `id`, kept for the builder to report a bad id at `send()`.
    fn provider(id: impl IntoId<ProviderId>) -> At {
        At::Provider(id::keep(id))
    }

    /// The resource operations of this place.
    pub(super) fn resources(&self) -> &'static ItemOps {
        match self {
            At::Account => &RESOURCES,
            At::Provider(_) => &PROVIDER_RESOURCES,
        }
    }

    /// The prompt operations of this place.
    pub(super) fn prompts(&self) -> &'static ItemOps {
        match self {
            At::Account => &PROMPTS,
            At::Provider(_) => &PROVIDER_PROMPTS,
        }
    }

    /// The provider id is one (nothing to check at the top level).
    pub(super) fn check(&self) -> Result<(), Error> {
        self.provider_id().map(|_| ())
    }

    fn provider_id(&self) -> Result<Option<ProviderId>, Error> {
        match self {
            At::Account => Ok(None),
            At::Provider(id) => id.clone().map(Some).map_err(|e| e.for_field("provider_id")),
        }
    }
}

/// The two ids of an item under a provider, checked before anything is sent.
fn item_ids<K>(
    provider: impl IntoId<ProviderId>,
    item: impl IntoId<K>,
    field: &'static str,
    op: &Operation,
) -> Result<(ProviderId, K), Error> {
    let provider = id::take(provider, "provider_id", op)?;
    let item = id::take(item, field, op)?;
    Ok((provider, item))
}

impl Client {
    /// `POST` a new resource where `at` says.
    pub(super) async fn post_resource(
        &self,
        at: &At,
        resource: CreateResourceFields,
    ) -> Result<Resource, Error> {
        let raw = self.raw();
        let body = crate::raw::types::HasmcpCreateResourceRequest { resource };
        let op = at.resources().create;
        let answer = match at.provider_id()? {
            None => {
                let call = raw.hasmcp_create_resource().body(body);
                transport::call(raw, op, move || call.send()).await?
            }
            Some(provider) => {
                let call = raw
                    .hasmcp_create_provider_resource()
                    .id(provider)
                    .body(body);
                transport::call(raw, op, move || call.send()).await?
            }
        };
        Ok(answer.resource)
    }

    /// `PATCH` resource `id` where `at` says; the answer's body is not read.
    pub(super) async fn patch_resource(
        &self,
        at: &At,
        id: &ResourceId,
        resource: UpdateResourceFields,
    ) -> Result<(u16, Option<Resource>), Error> {
        let raw = self.raw();
        let body = crate::raw::types::HasmcpUpdateResourceRequest { resource };
        let op = at.resources().update;
        let answer = match at.provider_id()? {
            None => {
                let call = raw.hasmcp_update_resource().id(id.clone()).body(body);
                transport::call_answered(raw, op, move || call.send()).await?
            }
            Some(provider) => {
                let call = raw
                    .hasmcp_update_provider_resource()
                    .id(provider)
                    .resource_id(id.clone())
                    .body(body);
                transport::call_answered(raw, op, move || call.send()).await?
            }
        };
        let status = answer.status().as_u16();
        Ok((status, answer.into_inner().resource))
    }

    /// Reads resource `id` where `at` says (the read after an update).
    pub(super) async fn read_resource(&self, at: &At, id: ResourceId) -> Result<Resource, Error> {
        match at.provider_id()? {
            None => self.get_resource(id).await,
            Some(provider) => self.get_provider_resource(provider, id).await,
        }
    }

    /// `POST` a new prompt where `at` says.
    pub(super) async fn post_prompt(
        &self,
        at: &At,
        prompt: CreatePromptFields,
    ) -> Result<Prompt, Error> {
        let raw = self.raw();
        let body = crate::raw::types::HasmcpCreatePromptRequest { prompt };
        let op = at.prompts().create;
        let answer = match at.provider_id()? {
            None => {
                let call = raw.hasmcp_create_prompt().body(body);
                transport::call(raw, op, move || call.send()).await?
            }
            Some(provider) => {
                let call = raw.hasmcp_create_provider_prompt().id(provider).body(body);
                transport::call(raw, op, move || call.send()).await?
            }
        };
        Ok(answer.prompt)
    }

    /// `PATCH` prompt `id` where `at` says (204, no body).
    pub(super) async fn patch_prompt(
        &self,
        at: &At,
        id: &PromptId,
        prompt: UpdatePromptFields,
    ) -> Result<u16, Error> {
        let raw = self.raw();
        let body = crate::raw::types::HasmcpUpdatePromptRequest { prompt };
        let op = at.prompts().update;
        let answer = match at.provider_id()? {
            None => {
                let call = raw.hasmcp_update_prompt().id(id.clone()).body(body);
                transport::call_answered(raw, op, move || call.send()).await?
            }
            Some(provider) => {
                let call = raw
                    .hasmcp_update_provider_prompt()
                    .id(provider)
                    .prompt_id(id.clone())
                    .body(body);
                transport::call_answered(raw, op, move || call.send()).await?
            }
        };
        Ok(answer.status().as_u16())
    }

    /// Reads prompt `id` where `at` says (the read after an update).
    pub(super) async fn read_prompt(&self, at: &At, id: PromptId) -> Result<Prompt, Error> {
        match at.provider_id()? {
            None => self.get_prompt(id).await,
            Some(provider) => self.get_provider_prompt(provider, id).await,
        }
    }

    /// Lists a provider's resources (`GET /api/v1/providers/{id}/resources`); `{}` is an
    /// empty list.
    ///
    /// **Hosted service** (the vendor's document). The open-source edition has no such
    /// route (its web page answers, read as [`Error::is_unsupported`]): use
    /// [`Client::list_resources`] there.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::{Edition, FakeHasMcp}};
    ///
    /// let fake = FakeHasMcp::builder().edition(Edition::Hosted).start().await;
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let provider = fake.seed_provider("GitHub");
    /// hm.create_provider_resource(&provider, "readme")
    ///     .uri("file:///README.md")
    ///     .send()
    ///     .await?;
    /// let resources = hm.list_provider_resources(&provider).all().await?;
    /// assert_eq!(resources[0].name.as_deref(), Some("readme"));
    /// # Ok(()) }
    /// ```
    pub fn list_provider_resources(
        &self,
        provider_id: impl IntoId<ProviderId>,
    ) -> ListProviderResources {
        let provider = id::keep(provider_id);
        List::new(self.clone(), ProviderResourcesQuery { provider })
    }

    /// A provider's resources, one request.
    async fn all_provider_resources(
        &self,
        q: &ProviderResourcesQuery,
    ) -> Result<Vec<Resource>, Error> {
        const OP: &Operation = &ops::HASMCP_LIST_PROVIDER_RESOURCES;
        let provider = q
            .provider
            .clone()
            .map_err(|e| e.for_field("provider_id").at(OP))?;
        let raw = self.raw();
        let op = raw.hasmcp_list_provider_resources().id(provider);
        Ok(transport::call(raw, OP, move || op.send()).await?.resources)
    }

    /// Reads one resource of a provider
    /// (`GET /api/v1/providers/{id}/resources/{resourceID}`).
    ///
    /// **Hosted service** (the vendor's document); the open-source edition answers its
    /// web page ([`Error::is_unsupported`]): use [`Client::get_resource`] there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let resource = hm.get_provider_resource("ASuB9Gf6aD5", "ASuB9Gf6aD7").await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_provider_resource(
        &self,
        provider_id: impl IntoId<ProviderId>,
        resource_id: impl IntoId<ResourceId>,
    ) -> Result<Resource, Error> {
        const OP: &Operation = &ops::HASMCP_GET_PROVIDER_RESOURCE;
        let (provider, id) = item_ids(provider_id, resource_id, "resource_id", OP)?;
        let raw = self.raw();
        let op = raw
            .hasmcp_get_provider_resource()
            .id(provider)
            .resource_id(id.clone());
        let resource = transport::call(raw, OP, move || op.send()).await?.resource;
        catalog::same_id(OP, 200, "resource", id.as_str(), resource.id.as_str())?;
        Ok(resource)
    }

    /// Starts a new resource of provider `provider_id`, with its name (1–128 bytes); its
    /// URI ([`uri`](CreateResource::uri), 1–255 bytes) is required too, checked before
    /// sending. The builder of [`Client::create_resource`], sent to
    /// `POST /api/v1/providers/{id}/resources`. Nothing is sent until
    /// [`CreateResource::send`].
    ///
    /// **Hosted service** (the vendor's document); the open-source edition answers 405
    /// ([`Error::is_unsupported`], nothing created): use [`Client::create_resource`]
    /// there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let resource = hm
    ///     .create_provider_resource("ASuB9Gf6aD5", "errorLogs")
    ///     .uri("https://api.example.com/logs")
    ///     .mime_type("text/plain")
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn create_provider_resource(
        &self,
        provider_id: impl IntoId<ProviderId>,
        name: impl Into<String>,
    ) -> CreateResource {
        self.create_resource(name).placed(At::provider(provider_id))
    }

    /// Starts a partial update of resource `resource_id` of provider `provider_id`: the
    /// builder of [`Client::update_resource`], sent to
    /// `PATCH /api/v1/providers/{id}/resources/{resourceID}`. The vendor's document
    /// answers 200 with the resource, which is returned as it came; after a 204 (also
    /// accepted) the resource is read back from the same place.
    ///
    /// **Hosted service** (the vendor's document); the open-source edition answers 405
    /// ([`Error::is_unsupported`], nothing changed): use [`Client::update_resource`]
    /// there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let resource = hm
    ///     .update_provider_resource("ASuB9Gf6aD5", "ASuB9Gf6aD7")
    ///     .description("Today's errors")
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn update_provider_resource(
        &self,
        provider_id: impl IntoId<ProviderId>,
        resource_id: impl IntoId<ResourceId>,
    ) -> UpdateResource {
        self.update_resource(resource_id)
            .placed(At::provider(provider_id))
    }

    /// Deletes a resource of a provider
    /// (`DELETE /api/v1/providers/{id}/resources/{resourceID}`, 204).
    ///
    /// **Hosted service** (the vendor's document); the open-source edition answers 405
    /// ([`Error::is_unsupported`], nothing deleted): use [`Client::delete_resource`]
    /// there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.delete_provider_resource("ASuB9Gf6aD5", "ASuB9Gf6aD7").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_provider_resource(
        &self,
        provider_id: impl IntoId<ProviderId>,
        resource_id: impl IntoId<ResourceId>,
    ) -> Result<(), Error> {
        const OP: &Operation = &ops::HASMCP_DELETE_PROVIDER_RESOURCE;
        let (provider, id) = item_ids(provider_id, resource_id, "resource_id", OP)?;
        let raw = self.raw();
        let op = raw
            .hasmcp_delete_provider_resource()
            .id(provider)
            .resource_id(id);
        transport::call(raw, OP, move || op.send()).await
    }

    /// Lists a provider's prompts (`GET /api/v1/providers/{id}/prompts`); `{}` is an
    /// empty list.
    ///
    /// **Hosted service** (the vendor's document). The open-source edition has no such
    /// route (its web page answers, read as [`Error::is_unsupported`]): use
    /// [`Client::list_prompts`] there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// for p in hm.list_provider_prompts("ASuB9Gf6aD5").all().await? {
    ///     println!("{} {:?}", p.id, p.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_provider_prompts(
        &self,
        provider_id: impl IntoId<ProviderId>,
    ) -> ListProviderPrompts {
        let provider = id::keep(provider_id);
        List::new(self.clone(), ProviderPromptsQuery { provider })
    }

    /// A provider's prompts, one request.
    async fn all_provider_prompts(&self, q: &ProviderPromptsQuery) -> Result<Vec<Prompt>, Error> {
        const OP: &Operation = &ops::HASMCP_LIST_PROVIDER_PROMPTS;
        let provider = q
            .provider
            .clone()
            .map_err(|e| e.for_field("provider_id").at(OP))?;
        let raw = self.raw();
        let op = raw.hasmcp_list_provider_prompts().id(provider);
        Ok(transport::call(raw, OP, move || op.send()).await?.prompts)
    }

    /// Reads one prompt of a provider (`GET /api/v1/providers/{id}/prompts/{promptID}`).
    ///
    /// **Hosted service** (the vendor's document); the open-source edition answers its
    /// web page ([`Error::is_unsupported`]): use [`Client::get_prompt`] there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let prompt = hm.get_provider_prompt("ASuB9Gf6aD5", "ASuB9Gf6aD8").await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_provider_prompt(
        &self,
        provider_id: impl IntoId<ProviderId>,
        prompt_id: impl IntoId<PromptId>,
    ) -> Result<Prompt, Error> {
        const OP: &Operation = &ops::HASMCP_GET_PROVIDER_PROMPT;
        let (provider, id) = item_ids(provider_id, prompt_id, "prompt_id", OP)?;
        let raw = self.raw();
        let op = raw
            .hasmcp_get_provider_prompt()
            .id(provider)
            .prompt_id(id.clone());
        let prompt = transport::call(raw, OP, move || op.send()).await?.prompt;
        catalog::same_id(OP, 200, "prompt", id.as_str(), prompt.id.as_str())?;
        Ok(prompt)
    }

    /// Starts a new prompt of provider `provider_id`, with its name; its messages
    /// ([`messages`](CreatePrompt::messages)) are required too, checked before sending.
    /// The builder of [`Client::create_prompt`], sent to
    /// `POST /api/v1/providers/{id}/prompts`. Nothing is sent until
    /// [`CreatePrompt::send`].
    ///
    /// **Hosted service** (the vendor's document); the open-source edition answers 405
    /// ([`Error::is_unsupported`], nothing created): use [`Client::create_prompt`] there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::hasmcp::PromptMessage;
    /// let prompt = hm
    ///     .create_provider_prompt("ASuB9Gf6aD5", "greeting")
    ///     .messages([PromptMessage::user("Hi")])
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn create_provider_prompt(
        &self,
        provider_id: impl IntoId<ProviderId>,
        name: impl Into<String>,
    ) -> CreatePrompt {
        self.create_prompt(name).placed(At::provider(provider_id))
    }

    /// Starts a partial update of prompt `prompt_id` of provider `provider_id`: the
    /// builder of [`Client::update_prompt`], sent to
    /// `PATCH /api/v1/providers/{id}/prompts/{promptID}` (204) and read back from the
    /// same place.
    ///
    /// **Hosted service** (the vendor's document); the open-source edition answers 405
    /// ([`Error::is_unsupported`], nothing changed): use [`Client::update_prompt`] there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let prompt = hm
    ///     .update_provider_prompt("ASuB9Gf6aD5", "ASuB9Gf6aD8")
    ///     .name("codeReview")
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn update_provider_prompt(
        &self,
        provider_id: impl IntoId<ProviderId>,
        prompt_id: impl IntoId<PromptId>,
    ) -> UpdatePrompt {
        self.update_prompt(prompt_id)
            .placed(At::provider(provider_id))
    }

    /// Deletes a prompt of a provider
    /// (`DELETE /api/v1/providers/{id}/prompts/{promptID}`, 204).
    ///
    /// **Hosted service** (the vendor's document); the open-source edition answers 405
    /// ([`Error::is_unsupported`], nothing deleted): use [`Client::delete_prompt`] there.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.delete_provider_prompt("ASuB9Gf6aD5", "ASuB9Gf6aD8").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_provider_prompt(
        &self,
        provider_id: impl IntoId<ProviderId>,
        prompt_id: impl IntoId<PromptId>,
    ) -> Result<(), Error> {
        const OP: &Operation = &ops::HASMCP_DELETE_PROVIDER_PROMPT;
        let (provider, id) = item_ids(provider_id, prompt_id, "prompt_id", OP)?;
        let raw = self.raw();
        let op = raw
            .hasmcp_delete_provider_prompt()
            .id(provider)
            .prompt_id(id);
        transport::call(raw, OP, move || op.send()).await
    }
}

whole_list! {
    /// What [`Client::list_provider_resources`] asks for: a provider's resources, all of
    /// them (HasMCP does not page).
    ProviderResourcesQuery {
        /// The provider, or why the id given is not one.
        provider: Result<ProviderId, InvalidId>,
    } => Resource, HASMCP_LIST_PROVIDER_RESOURCES, |client, query| client.all_provider_resources(query).await
}

/// The list [`Client::list_provider_resources`] returns.
pub type ListProviderResources = List<ProviderResourcesQuery>;

whole_list! {
    /// What [`Client::list_provider_prompts`] asks for: a provider's prompts, all of them
    /// (HasMCP does not page).
    ProviderPromptsQuery {
        /// The provider, or why the id given is not one.
        provider: Result<ProviderId, InvalidId>,
    } => Prompt, HASMCP_LIST_PROVIDER_PROMPTS, |client, query| client.all_provider_prompts(query).await
}

/// The list [`Client::list_provider_prompts`] returns.
pub type ListProviderPrompts = List<ProviderPromptsQuery>;
