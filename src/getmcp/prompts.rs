//! A server's prompts: the model, and the requests that list, read, create, update and
//! delete them, with one builder for create and update.
//!
//! Confidence: get, create and update have vendor pages (vendor docs). The list and the delete
//! have none and are inferred from their siblings: `GET /servers/{server_id}/prompts`
//! answering a bare array paged like the tool and resource lists, and
//! `DELETE /servers/{server_id}/prompts/{id}` with any 2xx taken as success (inferred).
//! Prompts have numeric ids only.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    getmcp::{
        shared::{self, changing, expect_item, require_text, ItemIds},
        Client, PromptId, ServerId, ServerRef,
    },
    id::{self, IntoId, Refused},
    paging::{self, with_paging, List, Page, Paged, Paging, Query},
    transport::ops,
    wire::{null_as_default, object_model, timestamp},
    Error, Patch,
};

/// One argument of a prompt template, filled in where the template says `{{name}}`.
///
/// ```
/// use mcp_admin::getmcp::PromptArgument;
///
/// let arg = PromptArgument::new("style").description("bullet points or paragraph").required(false);
/// assert_eq!(
///     serde_json::to_string(&arg).unwrap(),
///     r#"{"name":"style","description":"bullet points or paragraph","required":false}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PromptArgument {
    /// The argument's name, as the template refers to it.
    pub name: String,
    /// What to pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether a client must pass it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

impl PromptArgument {
    /// An argument named `name`, with nothing else said about it.
    pub fn new(name: impl Into<String>) -> Self {
        PromptArgument {
            name: name.into(),
            description: None,
            required: None,
        }
    }

    /// What to pass.
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Whether a client must pass it.
    #[must_use]
    pub fn required(mut self, required: bool) -> Self {
        self.required = Some(required);
        self
    }
}

object_model! {
    /// A prompt template of a GetMCP server.
    ///
    /// ```
    /// use mcp_admin::getmcp::Prompt;
    ///
    /// let p: Prompt = serde_json::from_str(
    ///     r#"{"id":2,"server_id":3,"name":"summarize","arguments":null,
    ///         "template_content":"Summarize: {{text}}"}"#,
    /// ).unwrap();
    /// assert!(p.arguments.is_empty());
    /// ```
    #[non_exhaustive]
    pub struct Prompt {
        /// Numeric id.
        pub id: PromptId,
        /// The server's numeric id ([`Server::id`](crate::getmcp::Server::id)).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub server_id: Option<ServerId>,
        /// The name clients ask for it by (snake_case by convention).
        #[serde(default, deserialize_with = "null_as_default")]
        pub name: String,
        /// What it is for.
        #[serde(default)]
        pub description: Option<String>,
        /// Its arguments; `null` reads as none.
        #[serde(default, deserialize_with = "null_as_default")]
        pub arguments: Vec<PromptArgument>,
        /// The template; `{{argument}}` is replaced by the argument's value.
        #[serde(default, deserialize_with = "null_as_default")]
        pub template_content: String,
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

/// `Ok` when `prompt` is the one asked for (none for a create or a list), on the server
/// asked for.
fn expect_prompt(server: ServerRef, asked: Option<u64>, p: &Prompt) -> Result<(), String> {
    let ids = ItemIds {
        id: p.id.0,
        uuid: None,
        server_id: p.server_id.map(|s| s.0),
        server_uuid: p.server_uuid,
    };
    expect_item("prompt", server, asked.map(ServerRef::Id), ids)
}

/// The PATCH body of a prompt: only the fields that are `Some` are sent.
///
/// Built by [`UpdatePrompt`]; public for the raw client.
///
/// ```
/// use mcp_admin::getmcp::UpdatePromptBody;
///
/// let body = UpdatePromptBody { arguments: Some(vec![]), ..Default::default() };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"arguments":[]}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdatePromptBody {
    /// `name`: required on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `description`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `arguments`; `[]` removes them all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Vec<PromptArgument>>,
    /// `template_content`: required on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_content: Option<String>,
}

/// The create body: the update's fields, with the fields a create needs always set (a
/// create takes no field an update does not).
///
/// Built by [`CreatePrompt`]; public for the raw client.
///
/// ```
/// use mcp_admin::getmcp::{CreatePromptBody, UpdatePromptBody};
///
/// let body = CreatePromptBody {
///     fields: UpdatePromptBody {
///         name: Some("greet".into()),
///         template_content: Some("Hello {{name}}".into()),
///         ..Default::default()
///     },
/// };
/// assert_eq!(
///     serde_json::to_string(&body).unwrap(),
///     r#"{"name":"greet","template_content":"Hello {{name}}"}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatePromptBody {
    /// What an update can send too, with the update's wire rules.
    #[serde(flatten)]
    pub fields: UpdatePromptBody,
}

/// What the caller set. Fields the API can empty are `Patch`es.
#[derive(Debug, Clone, Default, PartialEq)]
struct Changes {
    name: Option<String>,
    description: Patch<String>,
    arguments: Patch<Vec<PromptArgument>>,
    template_content: Option<String>,
}

impl Changes {
    /// Checks every field set and builds the body of exactly those.
    fn body(&self) -> Result<UpdatePromptBody, Error> {
        let c = self;
        require_text("name", c.name.as_deref())?;
        require_text("template_content", c.template_content.as_deref())?;
        if let Patch::Set(arguments) = &c.arguments {
            let mut seen = HashSet::new();
            for arg in arguments {
                if arg.name.trim().is_empty() {
                    return Err(Error::invalid("arguments", "an argument name is empty"));
                }
                if !seen.insert(arg.name.as_str()) {
                    return Err(Error::invalid(
                        "arguments",
                        format!("{:?} is named twice", arg.name),
                    ));
                }
            }
        }
        Ok(UpdatePromptBody {
            name: c.name.clone(),
            description: c.description.clone().into_wire(String::new),
            arguments: c.arguments.clone().into_wire(Vec::new),
            template_content: c.template_content.clone(),
        })
    }
}

/// The setters [`CreatePrompt`] and [`UpdatePrompt`] share, and the body of what was set:
/// one definition for both builders, each a struct with `refused` and `changes`.
macro_rules! prompt_setters {
    () => {
        /// The name clients ask for the prompt by; snake_case is the convention.
        pub fn name(self, name: impl Into<String>) -> Self {
            self.set_name(Some(name.into()))
        }

        /// The name, or `None` to leave it (a create needs one).
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_prompt(3u64, 2).set_name(Some("summarize".into())).body()?;
        /// assert_eq!(body.name.as_deref(), Some("summarize"));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_name(mut self, name: Option<String>) -> Self {
            self.changes.name = name;
            self
        }

        /// What the prompt is for.
        pub fn description(self, description: impl Into<String>) -> Self {
            self.set_description(Patch::Set(description.into()))
        }

        /// Sets, empties ([`Patch::Clear`] sends `""`) or keeps the description.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_prompt(3u64, 2).set_description(mcp_admin::Patch::Clear).body()?;
        /// assert_eq!(body.description.as_deref(), Some(""));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_description(mut self, description: Patch<String>) -> Self {
            self.changes.description = description;
            self
        }

        /// Adds an argument to the list this write sends. The whole list is sent: on an
        /// update it replaces the stored one.
        pub fn argument(mut self, argument: PromptArgument) -> Self {
            let mut arguments = match std::mem::take(&mut self.changes.arguments) {
                Patch::Set(arguments) => arguments,
                Patch::Keep | Patch::Clear => Vec::new(),
            };
            arguments.push(argument);
            self.set_arguments(Patch::Set(arguments))
        }

        /// Every argument.
        pub fn arguments(self, arguments: impl IntoIterator<Item = PromptArgument>) -> Self {
            self.set_arguments(Patch::Set(arguments.into_iter().collect()))
        }

        /// Sets, empties ([`Patch::Clear`] sends `[]`) or keeps the arguments.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_prompt(3u64, 2).set_arguments(mcp_admin::Patch::Clear).body()?;
        /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"arguments":[]}"#);
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_arguments(mut self, arguments: Patch<Vec<PromptArgument>>) -> Self {
            self.changes.arguments = arguments;
            self
        }

        /// The template: `{{argument}}` is replaced by the argument's value.
        pub fn template_content(self, template: impl Into<String>) -> Self {
            self.set_template_content(Some(template.into()))
        }

        /// The template, or `None` to leave it (a create needs one).
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// assert!(gm.update_prompt(3u64, 2).set_template_content(Some(" ".into())).body().is_err());
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_template_content(mut self, template: Option<String>) -> Self {
            self.changes.template_content = template;
            self
        }
    };
}

crate::getmcp::shared::item_builders! {
    /// A new prompt: `name` (given to [`Client::create_prompt`]) and
    /// [`template_content`](Self::template_content) are required, every other field optional
    /// and sent only when set.
    ///
    /// Checked before anything is sent ([`Error::InvalidInput`]), here and by
    /// [`UpdatePrompt`]: a blank name or template, an argument with a blank or repeated name;
    /// a create without a template.
    ///
    /// ```
    /// use mcp_admin::getmcp::PromptArgument;
    ///
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm
    ///     .create_prompt(3u64, "summarize_article")
    ///     .template_content("Summarize:\n\n{{article_text}}")
    ///     .argument(PromptArgument::new("article_text").required(true))
    ///     .body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({
    ///         "name": "summarize_article",
    ///         "arguments": [{"name": "article_text", "required": true}],
    ///         "template_content": "Summarize:\n\n{{article_text}}"
    ///     })
    /// );
    /// assert!(gm.create_prompt(3u64, "summarize_article").body().is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    create CreatePrompt;
    /// A partial update of a prompt: only the fields set are sent, with the checks of
    /// [`CreatePrompt`]; an update with nothing set is refused before sending.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm.update_prompt(3u64, 2).description("Short summaries").body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"description":"Short summaries"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    update UpdatePrompt(prompt: u64);
    body UpdatePromptBody;
    setters prompt_setters;
}

impl CreatePrompt {
    /// The body this create sends, after checking every input; no I/O.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_prompt(3u64, "greet").template_content("Hello {{name}}").body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"greet","template_content":"Hello {{name}}"}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<CreatePromptBody, Error> {
        let fields = self.fields_for(&ops::GETMCP_CREATE_PROMPT)?;
        if fields.name.is_none() {
            return Err(Error::required("name").at(&ops::GETMCP_CREATE_PROMPT));
        }
        if fields.template_content.is_none() {
            return Err(Error::required("template_content").at(&ops::GETMCP_CREATE_PROMPT));
        }
        Ok(CreatePromptBody { fields })
    }

    /// Checks the inputs, creates the prompt, and returns it as the site stored it. The
    /// status code is not documented: 200 and 201 are both taken.
    pub async fn send(self) -> Result<Prompt, Error> {
        let body = self.body()?;
        let op = self
            .client
            .raw()
            .getmcp_create_prompt()
            .server_id(self.server);
        shared::call(&self.client, &ops::GETMCP_CREATE_PROMPT, move || {
            op.body(body).send()
        })
        .await?
        .checked(&ops::GETMCP_CREATE_PROMPT, |p| {
            expect_prompt(self.server, None, p)
        })
    }
}

impl UpdatePrompt {
    /// Empties the description: sends `"description": ""`.
    pub fn clear_description(self) -> Self {
        self.set_description(Patch::Clear)
    }

    /// Removes every argument: sends `"arguments": []`.
    pub fn clear_arguments(self) -> Self {
        self.set_arguments(Patch::Clear)
    }

    /// The body this update sends, after checking every input; no I/O.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_prompt(3u64, 2).clear_arguments().body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"arguments":[]}"#);
    /// assert!(gm.update_prompt(3u64, 2).body().is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<UpdatePromptBody, Error> {
        changing(self.fields_for(&ops::GETMCP_UPDATE_PROMPT)?)
            .map_err(|e| e.at(&ops::GETMCP_UPDATE_PROMPT))
    }

    /// Checks the inputs, sends the PATCH with exactly the fields set, and returns the
    /// prompt as the site reports it afterwards.
    pub async fn send(self) -> Result<Prompt, Error> {
        let body = self.body()?;
        let (server, id) = (self.server, self.prompt);
        let op = self.client.raw().getmcp_update_prompt().server_id(server);
        shared::call(&self.client, &ops::GETMCP_UPDATE_PROMPT, move || {
            op.id(id).body(body).send()
        })
        .await?
        .checked(&ops::GETMCP_UPDATE_PROMPT, |p| {
            expect_prompt(server, Some(id), p)
        })
    }
}

/// What a server's prompt list asks for besides paging: the server.
#[derive(Debug, Clone, PartialEq)]
pub struct PromptsQuery {
    server: ServerRef,
    refused: Refused,
}

/// `GET /servers/{server_id}/prompts` (inferred): see [`List`] for paging.
pub type ListPrompts = List<PromptsQuery>;

impl Paged for PromptsQuery {}

impl Query for PromptsQuery {
    type Item = Prompt;
    type Client = Client;
    const OPERATION: &'static str = ops::GETMCP_LIST_PROMPTS.id;

    fn check(&self) -> Result<(), Error> {
        self.refused.check(&ops::GETMCP_LIST_PROMPTS)
    }

    async fn fetch(&self, client: &Client, paging: Paging) -> Result<Page<Prompt>, Error> {
        let op = client.raw().getmcp_list_prompts().server_id(self.server);
        let op = with_paging!(op, paging);
        let check = |item: &_| expect_prompt(self.server, None, item);
        paging::fetch(
            client,
            &ops::GETMCP_LIST_PROMPTS,
            paging,
            move || op.send(),
            check,
        )
        .await
    }
}

impl Client {
    /// Lists a server's prompts, a page at a time (inferred: no vendor page documents
    /// this route); see [`List`]. Every prompt answered must belong to the server asked
    /// for.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Writing");
    /// fake.seed_prompt(server, "summarize", "Summarize: {{text}}");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let prompts = gm.list_prompts(server).all().await?;
    /// assert_eq!(prompts[0].template_content, "Summarize: {{text}}");
    /// # Ok(()) }
    /// ```
    pub fn list_prompts(&self, server: impl IntoId<ServerRef>) -> ListPrompts {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        List::new(self.clone(), PromptsQuery { server, refused })
    }

    /// Reads one prompt of a server, by its numeric id.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Writing");
    /// let id = fake.seed_prompt(server, "summarize", "Summarize: {{text}}");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// assert_eq!(gm.get_prompt(server, id).await?.name, "summarize");
    /// # Ok(()) }
    /// ```
    pub async fn get_prompt(
        &self,
        server: impl IntoId<ServerRef>,
        prompt: impl IntoId<PromptId>,
    ) -> Result<Prompt, Error> {
        const OP: &ops::Operation = &ops::GETMCP_GET_PROMPT;
        let server = id::take(server, "server", OP)?;
        let prompt = id::take::<PromptId>(prompt, "prompt", OP)?.0;
        let op = self.raw().getmcp_get_prompt().server_id(server).id(prompt);
        shared::call(self, &ops::GETMCP_GET_PROMPT, move || op.send())
            .await?
            .checked(&ops::GETMCP_GET_PROMPT, |p| {
                expect_prompt(server, Some(prompt), p)
            })
    }

    /// Starts creating a prompt named `name` on a server; its template
    /// ([`template_content`](CreatePrompt::template_content)) is required too, checked
    /// before sending. See [`CreatePrompt`] for every field.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp::{self, PromptArgument}, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Writing");
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    /// let prompt = gm
    ///     .create_prompt(server, "summarize")
    ///     .template_content("Summarize in {{style}}: {{text}}")
    ///     .arguments([PromptArgument::new("text").required(true), PromptArgument::new("style")])
    ///     .send()
    ///     .await?;
    /// assert_eq!(prompt.arguments.len(), 2);
    /// # Ok(()) }
    /// ```
    pub fn create_prompt(
        &self,
        server: impl IntoId<ServerRef>,
        name: impl Into<String>,
    ) -> CreatePrompt {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        CreatePrompt::new(self.clone(), server, refused, name.into())
    }

    /// Starts a partial update of a prompt: only the fields you set are sent.
    ///
    /// ```no_run
    /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let p = gm.update_prompt(3u64, 2).template_content("Summarize briefly: {{text}}").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn update_prompt(
        &self,
        server: impl IntoId<ServerRef>,
        prompt: impl IntoId<PromptId>,
    ) -> UpdatePrompt {
        let mut refused = Refused::default();
        let server = refused.keep(server, "server", ServerRef::Id(0));
        let prompt = refused.keep(prompt, "prompt", PromptId(0)).0;
        UpdatePrompt::new(self.clone(), server, refused, prompt)
    }

    /// Deletes a prompt of a server (inferred: no vendor page documents this route; its
    /// path follows the prompt's get and update, and any 2xx is taken as success).
    ///
    /// ```no_run
    /// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
    /// gm.delete_prompt(3u64, 2).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_prompt(
        &self,
        server: impl IntoId<ServerRef>,
        prompt: impl IntoId<PromptId>,
    ) -> Result<(), Error> {
        const OP: &ops::Operation = &ops::GETMCP_DELETE_PROMPT;
        let server = id::take(server, "server", OP)?;
        let prompt = id::take::<PromptId>(prompt, "prompt", OP)?.0;
        let op = self
            .raw()
            .getmcp_delete_prompt()
            .server_id(server)
            .id(prompt);
        shared::call(self, &ops::GETMCP_DELETE_PROMPT, move || op.send())
            .await
            .map(drop)
    }
}
