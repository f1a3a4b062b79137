//! HasMCP prompts: the account's MCP prompts, which servers attach by id.
//!
//! The methods here use `/api/v1/prompts[/{id}]`, the open-source edition's routes
//! (code); the hosted service's document nests prompts under a provider, which
//! [`Client::list_provider_prompts`] and its siblings use with these same builders and
//! models (see the `hasmcp` module docs for which to use).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    hasmcp::{
        catalog::{self, option_setters},
        prompt_parts::{self, PromptArgument, PromptMessage},
        provider_items::At,
        Client, InvalidId, PromptId,
    },
    id::{self, IntoId},
    paging::List,
    patch::Patch,
    transport::{self, ops},
    wire::{null_as_default, object_model, timestamp},
    Error,
};

/// A prompt. A server's answer carries only the attached prompts' ids.
///
/// # `arguments` and `messages`: lists on the wire, lists or objects read
///
/// The open-source edition stores both as raw JSON commented `[]PromptArgument` and
/// `[]PromptMessage`, and its MCP endpoint reads the messages as that list (code); the
/// vendor's knowledge base sends lists (doc); the vendor's OpenAPI document types both
/// `object` while describing them as those lists (spec). The client sends lists. It
/// reads a list, and also an object, mapped as follows (no source shows which object
/// the hosted service would answer, so each plausible form has one meaning):
///
/// | answered | `arguments` | `messages` |
/// |---|---|---|
/// | absent, `null` | none | none |
/// | a list | each item | each item |
/// | `{}` | none | none |
/// | an object holding the list under its own key (`{"arguments": […]}`) | that list | that list |
/// | an object with `name` / with `role` or `content` | that one argument | that one message |
/// | any other object | one argument per key: the key is its name, the value its other fields (an object) or its description (a text) | that one message |
/// | a text, number or `true`/`false` | one argument: a text is its name | one message with that value as [`PromptContent::Other`](crate::hasmcp::PromptContent::Other) |
///
/// An item is read leniently so that no shape fails the whole answer: an argument's
/// fields of another JSON type are left unset; a message's role that is not a text is
/// [`Role::Unknown`](crate::hasmcp::Role::Unknown) holding its JSON, and content the crate does not model exactly (an
/// unknown `type`, or a field it has no place for, such as `annotations`) is kept whole
/// as [`PromptContent::Other`](crate::hasmcp::PromptContent::Other), so writing a prompt back sends it unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Prompt {
    /// Prompt id.
    pub id: PromptId,
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
    /// Arguments: a list on the wire (code), also read from the vendor document's
    /// object form (see above); none when absent or `null`.
    #[serde(
        default,
        deserialize_with = "prompt_parts::arguments",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub arguments: Vec<PromptArgument>,
    /// Messages: a list on the wire (code), also read from the object form (see
    /// above); none when absent or `null`.
    #[serde(
        default,
        deserialize_with = "prompt_parts::messages",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub messages: Vec<PromptMessage>,
}

object_model! {
    /// `{"prompt": …}`: how HasMCP wraps a prompt it returns. Public for the raw client.
    #[non_exhaustive]
    pub struct PromptEnvelope {
        /// The prompt.
        pub prompt: Prompt,
    }
}

object_model! {
    /// `{"prompts": […]}`: every prompt; the key is missing when there are none
    /// (code). Public for the raw client.
    #[non_exhaustive]
    pub struct PromptList {
        /// The prompts.
        #[serde(
            default,
            deserialize_with = "null_as_default",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub prompts: Vec<Prompt>,
    }
}

/// The body of `POST /prompts`, inside `{"prompt": …}`: built and checked by
/// [`CreatePrompt`]; public for the raw client. `arguments` and `messages` are sent as
/// lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatePromptFields {
    /// `name`: 1–128 bytes.
    pub name: String,
    /// `messages`: required.
    #[serde(deserialize_with = "prompt_parts::messages")]
    pub messages: Vec<PromptMessage>,
    /// `description`: at most 4096 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `arguments`
    #[serde(
        default,
        deserialize_with = "prompt_parts::some_arguments",
        skip_serializing_if = "Option::is_none"
    )]
    pub arguments: Option<Vec<PromptArgument>>,
}

/// The body of `PATCH /prompts/{id}`, inside `{"prompt": …}`: only the fields set are
/// sent. Built and checked by [`UpdatePrompt`]; public for the raw client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdatePromptFields {
    /// `name`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `description`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `arguments`: replaces the stored list; `[]` empties it.
    #[serde(
        default,
        deserialize_with = "prompt_parts::some_arguments",
        skip_serializing_if = "Option::is_none"
    )]
    pub arguments: Option<Vec<PromptArgument>>,
    /// `messages`: replaces the stored list.
    #[serde(
        default,
        deserialize_with = "prompt_parts::some_messages",
        skip_serializing_if = "Option::is_none"
    )]
    pub messages: Option<Vec<PromptMessage>>,
}

/// Checks the typed parts of a prompt body: every argument and message can be sent.
fn check_parts(
    arguments: Option<&[PromptArgument]>,
    messages: Option<&[PromptMessage]>,
) -> Result<(), Error> {
    arguments
        .unwrap_or_default()
        .iter()
        .try_for_each(|a| a.check("arguments"))?;
    messages
        .unwrap_or_default()
        .iter()
        .try_for_each(|m| m.check("messages"))
}

/// A new prompt: made by [`Client::create_prompt`] (top level) or
/// [`Client::create_provider_prompt`] (under a provider) with its name;
/// [`messages`](Self::messages) are required too (the service answers 400 `prompt
/// messages are required` without them), checked before sending.
///
/// ```
/// use mcp_admin::hasmcp::{PromptArgument, PromptMessage};
/// use serde_json::json;
///
/// let hm = mcp_admin::hasmcp::Client::builder().token("tok").build()?;
/// let body = hm
///     .create_prompt("codeReview")
///     .messages([PromptMessage::user("Review PR #{{.pr}}.")])
///     .arguments([PromptArgument::new("pr").required(true)])
///     .body()?;
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     json!({
///         "name": "codeReview",
///         "messages": [{"role": "user", "content": {"type": "text", "text": "Review PR #{{.pr}}."}}],
///         "arguments": [{"name": "pr", "required": true}]
///     })
/// );
/// assert!(hm.create_prompt("codeReview").body().unwrap_err().is_invalid_input());
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[must_use = "a create does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct CreatePrompt {
    client: Client,
    /// Where it is sent: the top level or under a provider.
    at: At,
    name: String,
    /// Every other field as set (`name` unused: the create's is above); `messages`
    /// are required at `body()`/`send()`.
    set: UpdatePromptFields,
}

impl CreatePrompt {
    option_setters! { set;
        /// The description: at most 4096 bytes.
        description, set_description: String;
    }

    /// The MCP messages (required): what an MCP client gets for the prompt. An empty
    /// list is sent as `[]`, which the service stores.
    pub fn messages(self, messages: impl IntoIterator<Item = PromptMessage>) -> Self {
        self.set_messages(Some(messages.into_iter().collect()))
    }

    /// Sets or unsets the messages in one call; `None` is refused at `send()` (they
    /// are required).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("tok").build()?;
    /// let create = hm.create_prompt("greeting").set_messages(None);
    /// assert!(create.body().unwrap_err().is_invalid_input());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_messages(mut self, messages: Option<Vec<PromptMessage>>) -> Self {
        self.set.messages = messages;
        self
    }

    /// The arguments an MCP client passes when it gets the prompt.
    pub fn arguments(self, arguments: impl IntoIterator<Item = PromptArgument>) -> Self {
        self.set_arguments(Some(arguments.into_iter().collect()))
    }

    /// Sets or unsets the arguments in one call; `None` sends nothing for them.
    pub fn set_arguments(mut self, arguments: Option<Vec<PromptArgument>>) -> Self {
        self.set.arguments = arguments;
        self
    }

    /// The body this create sends, after checking every input; no I/O.
    pub fn body(&self) -> Result<CreatePromptFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(self.at.prompts().create))
    }

    /// The same create, sent where `at` says.
    pub(super) fn placed(self, at: At) -> Self {
        CreatePrompt { at, ..self }
    }

    fn checked_body(&self) -> Result<CreatePromptFields, Error> {
        self.at.check()?;
        let s = &self.set;
        catalog::text("name", &self.name, 128)?;
        let messages = s
            .messages
            .clone()
            .ok_or_else(|| Error::required("messages"))?;
        check_parts(s.arguments.as_deref(), Some(&messages))?;
        catalog::at_most("description", s.description.as_deref().unwrap_or(""), 4096)?;
        Ok(CreatePromptFields {
            name: self.name.clone(),
            messages,
            description: s.description.clone(),
            arguments: s.arguments.clone(),
        })
    }

    /// Checks the inputs, sends `POST /api/v1/prompts` (or, made by
    /// [`Client::create_provider_prompt`], `POST /api/v1/providers/{id}/prompts`), and
    /// returns the new prompt.
    ///
    /// Confidence: code for the top-level route, spec for the one under a provider. The
    /// spec types `arguments` and `messages` as objects while describing them as lists,
    /// which the code and the knowledge base hold: both are sent as lists.
    pub async fn send(self) -> Result<Prompt, Error> {
        let op = self.at.prompts().create;
        self.send_unstamped().await.map_err(|e| e.at(op))
    }

    async fn send_unstamped(self) -> Result<Prompt, Error> {
        let prompt = self.body()?;
        self.client.post_prompt(&self.at, prompt).await
    }
}

/// A partial update of one prompt: [`Client::update_prompt`] (top level) or
/// [`Client::update_provider_prompt`] (under a provider).
///
/// Only non-empty texts are applied, so a name or description cannot be cleared (an
/// empty text is refused here); a list given replaces the stored one, and
/// [`clear_arguments`](Self::clear_arguments) empties the arguments. The service
/// answers 204 with no body (code, spec), so
/// [`send`](Self::send) reads the prompt back with `GET` and returns it; an unknown id,
/// also a 204 on the open-source edition, becomes that read's 404
/// ([`Error::is_not_found`]).
///
/// ```
/// let hm = mcp_admin::hasmcp::Client::builder().token("tok").build()?;
/// let body = hm.update_prompt("ASuB9Gf6aD8").description("Reviews a PR").body()?;
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"description":"Reviews a PR"}"#);
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[must_use = "an update does nothing until `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct UpdatePrompt {
    client: Client,
    /// Where it is sent: the top level or under a provider.
    at: At,
    id: Result<PromptId, InvalidId>,
    changes: UpdatePromptFields,
}

impl UpdatePrompt {
    option_setters! { changes;
        /// New name: 1–128 bytes.
        name, set_name: String;
        /// New description: 1–4096 bytes.
        description, set_description: String;
    }

    /// New arguments, replacing the stored ones.
    pub fn arguments(self, arguments: impl IntoIterator<Item = PromptArgument>) -> Self {
        self.set_arguments(Patch::Set(arguments.into_iter().collect()))
    }

    /// Removes every argument: sends `"arguments": []`, which the service stores (code).
    pub fn clear_arguments(self) -> Self {
        self.set_arguments(Patch::Clear)
    }

    /// Sets, clears or keeps the arguments in one call.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("tok").build()?;
    /// use mcp_admin::Patch;
    /// let body = hm.update_prompt("ASuB9Gf6aD8").set_arguments(Patch::Clear).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"arguments":[]}"#);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_arguments(mut self, arguments: Patch<Vec<PromptArgument>>) -> Self {
        self.changes.arguments = arguments.into_wire(Vec::new);
        self
    }

    /// New messages, replacing the stored ones.
    pub fn messages(self, messages: impl IntoIterator<Item = PromptMessage>) -> Self {
        self.set_messages(Some(messages.into_iter().collect()))
    }

    /// Sets or unsets the messages in one call; `None` sends nothing for them.
    pub fn set_messages(mut self, messages: Option<Vec<PromptMessage>>) -> Self {
        self.changes.messages = messages;
        self
    }

    /// The body this update sends, after checking the id and every input; no I/O.
    pub fn body(&self) -> Result<UpdatePromptFields, Error> {
        self.checked_body()
            .map_err(|e| e.at(self.at.prompts().update))
    }

    /// The same update, sent where `at` says.
    pub(super) fn placed(self, at: At) -> Self {
        UpdatePrompt { at, ..self }
    }

    fn checked_body(&self) -> Result<UpdatePromptFields, Error> {
        self.at.check()?;
        self.id.clone().map_err(|e| e.for_field("id"))?;
        let c = &self.changes;
        if *c == UpdatePromptFields::default() {
            return Err(Error::invalid(
                "update",
                "nothing to update: set at least one field",
            ));
        }
        if let Some(name) = &c.name {
            catalog::text("name", name, 128)?;
        }
        if let Some(description) = &c.description {
            catalog::text("description", description, 4096)?;
        }
        check_parts(c.arguments.as_deref(), c.messages.as_deref())?;
        Ok(c.clone())
    }

    /// Checks the inputs, sends `PATCH /api/v1/prompts/{id}`, then reads the prompt
    /// back and returns it.
    /// A failed read after the PATCH landed is an [`Error::NotApplied`] naming the
    /// fields sent as applied, with the read's error as `cause`.
    ///
    /// Made by [`Client::update_provider_prompt`], it sends
    /// `PATCH /api/v1/providers/{id}/prompts/{promptID}` and reads from that place.
    ///
    /// Confidence: code and spec agree on the 204 answer; the top-level path is the
    /// code's, the one under a provider the spec's.
    pub async fn send(self) -> Result<Prompt, Error> {
        let op = self.at.prompts().update;
        self.send_unstamped().await.map_err(|e| e.at(op))
    }

    async fn send_unstamped(self) -> Result<Prompt, Error> {
        let prompt = self.body()?;
        let id = self.id.map_err(|e| e.for_field("id"))?;
        let fields = [
            ("name", prompt.name.is_some()),
            ("description", prompt.description.is_some()),
            ("arguments", prompt.arguments.is_some()),
            ("messages", prompt.messages.is_some()),
        ];
        let status = self.client.patch_prompt(&self.at, &id, prompt).await?;
        catalog::read_back(
            self.at.prompts().update,
            status,
            &fields,
            self.client.read_prompt(&self.at, id).await,
        )
    }
}

impl Client {
    /// Lists every prompt (`GET /api/v1/prompts`); `{}` is an empty list.
    ///
    /// Confidence: code.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// for p in hm.list_prompts().all().await? {
    ///     println!("{} {:?}", p.id, p.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_prompts(&self) -> ListPrompts {
        List::new(self.clone(), PromptsQuery {})
    }

    /// The whole list, one request.
    async fn all_prompts(&self) -> Result<Vec<Prompt>, Error> {
        let raw = self.raw();
        let op = raw.hasmcp_list_prompts();
        Ok(
            transport::call(raw, &ops::HASMCP_LIST_PROMPTS, move || op.send())
                .await?
                .prompts,
        )
    }

    /// Reads one prompt (`GET /api/v1/prompts/{id}`). An unknown id is a 404 (`server
    /// prompt not found`, [`Error::is_not_found`]).
    ///
    /// Confidence: code.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let prompt = hm.get_prompt("ASuB9Gf6aD8").await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_prompt(&self, id: impl IntoId<PromptId>) -> Result<Prompt, Error> {
        const OP: &ops::Operation = &ops::HASMCP_GET_PROMPT;
        let id = id::take(id, "id", &ops::HASMCP_GET_PROMPT)?;
        let raw = self.raw();
        let op = raw.hasmcp_get_prompt().id(id.clone());
        let prompt = transport::call(raw, OP, move || op.send()).await?.prompt;
        catalog::same_id(OP, 200, "prompt", id.as_str(), prompt.id.as_str())?;
        Ok(prompt)
    }

    /// Starts a new prompt with its name (1–128 bytes); its MCP messages
    /// ([`messages`](CreatePrompt::messages)) are required too, checked before sending.
    /// Nothing is sent until [`CreatePrompt::send`].
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::hasmcp::PromptMessage;
    /// let prompt = hm
    ///     .create_prompt("greeting")
    ///     .messages([PromptMessage::user("Hi")])
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn create_prompt(&self, name: impl Into<String>) -> CreatePrompt {
        CreatePrompt {
            client: self.clone(),
            at: At::Account,
            name: name.into(),
            set: UpdatePromptFields::default(),
        }
    }

    /// Starts a partial update of prompt `id` (see [`UpdatePrompt`]). The id is checked
    /// here once; a bad one is reported by `body` and `send`.
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let prompt = hm.update_prompt("ASuB9Gf6aD8").name("codeReview").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn update_prompt(&self, id: impl IntoId<PromptId>) -> UpdatePrompt {
        UpdatePrompt {
            client: self.clone(),
            at: At::Account,
            id: id::keep(id),
            changes: UpdatePromptFields::default(),
        }
    }

    /// Deletes a prompt (`DELETE /api/v1/prompts/{id}`) and every server's link to it.
    ///
    /// Confidence: code. An unknown id is a success too (204).
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// hm.delete_prompt("ASuB9Gf6aD8").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_prompt(&self, id: impl IntoId<PromptId>) -> Result<(), Error> {
        let id = id::take(id, "id", &ops::HASMCP_DELETE_PROMPT)?;
        let raw = self.raw();
        let op = raw.hasmcp_delete_prompt().id(id);
        transport::call(raw, &ops::HASMCP_DELETE_PROMPT, move || op.send()).await
    }
}

whole_list! {
    /// What [`Client::list_prompts`] asks for: every prompt, all of them (HasMCP does not page).
    PromptsQuery {} => Prompt, HASMCP_LIST_PROMPTS, |client, _query| client.all_prompts().await
}

/// The list [`Client::list_prompts`] returns.
pub type ListPrompts = List<PromptsQuery>;
