//! The parts of a HasMCP prompt: its arguments and its messages, typed as MCP defines
//! them, and how they are read whatever shape the service answers.
//!
//! How each shape is read is documented on [`Prompt`](crate::hasmcp::Prompt).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::{wire::wire_enum, Error};

/// One argument of a prompt (MCP `PromptArgument`): a value an MCP client passes when it
/// gets the prompt.
///
/// ```
/// use mcp_admin::hasmcp::PromptArgument;
///
/// let arg = PromptArgument::new("pr").description("The pull request number").required(true);
/// assert_eq!(
///     serde_json::to_string(&arg).unwrap(),
///     r#"{"name":"pr","description":"The pull request number","required":true}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct PromptArgument {
    /// The argument's name.
    pub name: String,
    /// A name for people (MCP 2025-06-18).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What to pass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether a client must pass it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

impl PromptArgument {
    /// An argument named `name`, with nothing else said about it.
    pub fn new(name: impl Into<String>) -> Self {
        PromptArgument {
            name: name.into(),
            title: None,
            description: None,
            required: None,
        }
    }

    /// A name for people.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
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

    /// An argument from one item as answered (see `Prompt`'s docs): never fails.
    fn read(item: Value) -> Self {
        match item {
            Value::Object(fields) => PromptArgument::from_fields(text(&fields, "name"), &fields),
            Value::String(name) => PromptArgument::new(name),
            _ => PromptArgument::new(""),
        }
    }

    /// Refuses an argument MCP clients could not pass: one without a name.
    pub(super) fn check(&self, field: &'static str) -> Result<(), Error> {
        if self.name.is_empty() {
            return Err(Error::invalid(
                field,
                "an argument's name must not be empty",
            ));
        }
        Ok(())
    }

    fn from_fields(name: String, fields: &Map<String, Value>) -> Self {
        PromptArgument {
            name,
            title: fields.get("title").and_then(as_text),
            description: fields.get("description").and_then(as_text),
            required: fields.get("required").and_then(Value::as_bool),
        }
    }
}

impl<'de> Deserialize<'de> for PromptArgument {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(PromptArgument::read)
    }
}

wire_enum! {
    /// Who speaks a prompt message (MCP `Role`).
    ///
    /// ```
    /// use mcp_admin::hasmcp::Role;
    ///
    /// assert_eq!("assistant".parse::<Role>().unwrap(), Role::Assistant);
    /// assert_eq!(Role::User.to_string(), "user");
    /// ```
    pub enum Role {
        /// `user`
        User = "user",
        /// `assistant`
        Assistant = "assistant",
    }
}

/// What a prompt message says (an MCP content block).
///
/// A block is one of the known variants only when it has exactly that kind's fields;
/// anything else (another `type`, or `annotations`, `_meta`, …) is kept whole as
/// [`Other`](PromptContent::Other) and sent back as it came.
///
/// ```
/// use mcp_admin::hasmcp::PromptContent;
/// use serde_json::json;
///
/// let text: PromptContent = serde_json::from_value(json!({"type": "text", "text": "Hi"})).unwrap();
/// assert_eq!(text, PromptContent::text("Hi"));
/// let link = json!({"type": "resource_link", "uri": "file:///a.md", "name": "a"});
/// let other: PromptContent = serde_json::from_value(link.clone()).unwrap();
/// assert_eq!(other, PromptContent::Other(link.clone()));
/// assert_eq!(serde_json::to_value(&other).unwrap(), link);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PromptContent {
    /// `{"type": "text", "text"}`
    #[non_exhaustive]
    Text {
        /// The text.
        text: String,
    },
    /// `{"type": "image", "data", "mimeType"}`: base64 data.
    #[non_exhaustive]
    Image {
        /// Base64-encoded image.
        data: String,
        /// Its MIME type, e.g. `image/png`.
        mime_type: String,
    },
    /// `{"type": "audio", "data", "mimeType"}`: base64 data.
    #[non_exhaustive]
    Audio {
        /// Base64-encoded audio.
        data: String,
        /// Its MIME type, e.g. `audio/wav`.
        mime_type: String,
    },
    /// `{"type": "resource", "resource"}`: an embedded resource (`uri`, `mimeType`, and
    /// `text` or `blob`), kept as an object.
    #[non_exhaustive]
    Resource {
        /// The resource's contents.
        resource: Map<String, Value>,
    },
    /// Any other block, as it came (a `resource_link`, a kind added to MCP later, or a
    /// known kind with fields the variants above do not hold). Sent as it is; a block to
    /// send must be an object with a text `type`.
    Other(Value),
}

impl PromptContent {
    /// A text block.
    pub fn text(text: impl Into<String>) -> Self {
        PromptContent::Text { text: text.into() }
    }

    /// An image block: base64 `data` of MIME type `mime_type`.
    pub fn image(data: impl Into<String>, mime_type: impl Into<String>) -> Self {
        PromptContent::Image {
            data: data.into(),
            mime_type: mime_type.into(),
        }
    }

    /// An audio block: base64 `data` of MIME type `mime_type`.
    pub fn audio(data: impl Into<String>, mime_type: impl Into<String>) -> Self {
        PromptContent::Audio {
            data: data.into(),
            mime_type: mime_type.into(),
        }
    }

    /// An embedded resource block; `resource` holds `uri`, `mimeType`, and `text` or
    /// `blob`.
    pub fn resource(resource: Map<String, Value>) -> Self {
        PromptContent::Resource { resource }
    }

    /// The text of a [`Text`](PromptContent::Text) block.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            PromptContent::Text { text } => Some(text),
            _ => None,
        }
    }

    /// A block as answered: a known variant when its fields are exactly that kind's.
    fn read(value: Value) -> Self {
        let Value::Object(fields) = &value else {
            return PromptContent::Other(value);
        };
        let keys = |want: &[&str]| {
            fields.len() == want.len() && want.iter().all(|k| fields.contains_key(*k))
        };
        let string = |key: &str| fields.get(key).and_then(Value::as_str).map(str::to_owned);
        let known = match fields.get("type").and_then(Value::as_str) {
            Some("text") if keys(&["type", "text"]) => string("text").map(PromptContent::text),
            Some(kind @ ("image" | "audio")) if keys(&["type", "data", "mimeType"]) => {
                string("data")
                    .zip(string("mimeType"))
                    .map(|(data, mime_type)| {
                        if kind == "image" {
                            PromptContent::Image { data, mime_type }
                        } else {
                            PromptContent::Audio { data, mime_type }
                        }
                    })
            }
            Some("resource") if keys(&["type", "resource"]) => match fields.get("resource") {
                Some(Value::Object(resource)) => Some(PromptContent::resource(resource.clone())),
                _ => None,
            },
            _ => None,
        };
        known.unwrap_or(PromptContent::Other(value))
    }
}

impl Serialize for PromptContent {
    /// As MCP writes a block: `type` first, then the kind's fields.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let PromptContent::Other(value) = self {
            return value.serialize(s);
        }
        let mut map = s.serialize_map(None)?;
        match self {
            PromptContent::Text { text } => {
                map.serialize_entry("type", "text")?;
                map.serialize_entry("text", text)?;
            }
            PromptContent::Image { data, mime_type } | PromptContent::Audio { data, mime_type } => {
                let kind = if matches!(self, PromptContent::Image { .. }) {
                    "image"
                } else {
                    "audio"
                };
                map.serialize_entry("type", kind)?;
                map.serialize_entry("data", data)?;
                map.serialize_entry("mimeType", mime_type)?;
            }
            PromptContent::Resource { resource } => {
                map.serialize_entry("type", "resource")?;
                map.serialize_entry("resource", resource)?;
            }
            PromptContent::Other(_) => {}
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for PromptContent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(PromptContent::read)
    }
}

/// One message of a prompt (MCP `PromptMessage`): who says it and what.
///
/// ```
/// use mcp_admin::hasmcp::{PromptContent, PromptMessage, Role};
///
/// let m = PromptMessage::user("Review PR #{{.pr}}.");
/// assert_eq!(m.role, Role::User);
/// assert_eq!(m.content.as_text(), Some("Review PR #{{.pr}}."));
/// assert_eq!(
///     serde_json::to_string(&m).unwrap(),
///     r#"{"role":"user","content":{"type":"text","text":"Review PR #{{.pr}}."}}"#
/// );
/// let image = PromptMessage::new(Role::Assistant, PromptContent::image("iVBORw0KGgo=", "image/png"));
/// # let _ = image;
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PromptMessage {
    /// Who says it.
    pub role: Role,
    /// What is said.
    pub content: PromptContent,
}

impl PromptMessage {
    /// A message of `role` saying `content`.
    pub fn new(role: Role, content: PromptContent) -> Self {
        PromptMessage { role, content }
    }

    /// A text message from the user. The open-source edition fills in arguments with
    /// Go's `text/template` (`{{.pr}}`) when an MCP client gets the prompt (code).
    pub fn user(text: impl Into<String>) -> Self {
        PromptMessage::new(Role::User, PromptContent::text(text))
    }

    /// A text message from the assistant.
    pub fn assistant(text: impl Into<String>) -> Self {
        PromptMessage::new(Role::Assistant, PromptContent::text(text))
    }

    /// A message from one item as answered (see `Prompt`'s docs): never fails.
    fn read(item: Value) -> Self {
        let Value::Object(mut fields) = item else {
            return PromptMessage::new(Role::Unknown(String::new()), PromptContent::Other(item));
        };
        let role = match fields.remove("role") {
            Some(Value::String(role)) => role.parse().unwrap_or_else(|never| match never {}),
            Some(other) => Role::Unknown(other.to_string()),
            None => Role::Unknown(String::new()),
        };
        let content = PromptContent::read(fields.remove("content").unwrap_or(Value::Null));
        PromptMessage::new(role, content)
    }

    /// Refuses what cannot be a message to send: an empty role, content that is not
    /// an object with a text `type`.
    pub(super) fn check(&self, field: &'static str) -> Result<(), Error> {
        if self.role.as_str().is_empty() {
            return Err(Error::invalid(field, "a message's role must not be empty"));
        }
        match &self.content {
            PromptContent::Other(value) if value.get("type").and_then(Value::as_str).is_none() => {
                Err(Error::invalid(
                    field,
                    format!(
                        "content {value} is not an MCP content block (an object with a text `type`)"
                    ),
                ))
            }
            _ => Ok(()),
        }
    }
}

impl<'de> Deserialize<'de> for PromptMessage {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(PromptMessage::read)
    }
}

/// A text value, or `None` for any other JSON type.
fn as_text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// Field `key` of an answered object as text; `""` when absent or of another type.
fn text(fields: &Map<String, Value>, key: &str) -> String {
    fields.get(key).and_then(as_text).unwrap_or_default()
}

/// What an answered `arguments` or `messages` value holds, before its items are read.
enum Shape {
    /// The items of a list (also the list under the object's own key).
    Items(Vec<Value>),
    /// One item: an object that is one (it has one of the item's keys), or a scalar.
    One(Value),
    /// Any other non-empty object.
    Keyed(Map<String, Value>),
}

/// Sorts `value` into a [`Shape`]: `own` is the field's name (`{"messages": […]}` is
/// the list inside), `item_keys` the keys that make an object one item.
fn shape(value: Option<Value>, own: &str, item_keys: &[&str]) -> Shape {
    match value {
        None | Some(Value::Null) => Shape::Items(Vec::new()),
        Some(Value::Array(items)) => Shape::Items(items),
        Some(Value::Object(mut fields)) => {
            if fields.is_empty() {
                return Shape::Items(Vec::new());
            }
            if let Some(Value::Array(items)) = fields.get_mut(own) {
                return Shape::Items(std::mem::take(items));
            }
            if item_keys.iter().any(|k| fields.contains_key(*k)) {
                return Shape::One(Value::Object(fields));
            }
            Shape::Keyed(fields)
        }
        Some(scalar) => Shape::One(scalar),
    }
}

/// The arguments `value` holds, in any shape `Prompt`'s docs list.
fn read_arguments(value: Option<Value>) -> Vec<PromptArgument> {
    match shape(value, "arguments", &["name"]) {
        Shape::Items(items) => items.into_iter().map(PromptArgument::read).collect(),
        Shape::One(item) => vec![PromptArgument::read(item)],
        Shape::Keyed(by_name) => by_name
            .into_iter()
            .map(|(name, value)| match value {
                Value::Object(fields) => PromptArgument::from_fields(name, &fields),
                Value::String(description) => PromptArgument::new(name).description(description),
                _ => PromptArgument::new(name),
            })
            .collect(),
    }
}

/// The messages `value` holds, in any shape `Prompt`'s docs list.
fn read_messages(value: Option<Value>) -> Vec<PromptMessage> {
    match shape(value, "messages", &["role", "content"]) {
        Shape::Items(items) => items.into_iter().map(PromptMessage::read).collect(),
        Shape::One(item) => vec![PromptMessage::read(item)],
        Shape::Keyed(fields) => vec![PromptMessage::read(Value::Object(fields))],
    }
}

/// Reads a model's `arguments`: any shape `Prompt`'s docs list; `null` and absent are
/// none.
pub(crate) fn arguments<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PromptArgument>, D::Error> {
    Option::<Value>::deserialize(d).map(read_arguments)
}

/// Reads a model's `messages`: any shape `Prompt`'s docs list; `null` and absent are
/// none.
pub(crate) fn messages<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PromptMessage>, D::Error> {
    Option::<Value>::deserialize(d).map(read_messages)
}

/// [`arguments`] for an optional body field: `null` is `None`.
pub(crate) fn some_arguments<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<PromptArgument>>, D::Error> {
    let value = Option::<Value>::deserialize(d)?;
    Ok(value.map(|v| read_arguments(Some(v))))
}

/// [`messages`] for an optional body field: `null` is `None`.
pub(crate) fn some_messages<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<PromptMessage>>, D::Error> {
    let value = Option::<Value>::deserialize(d)?;
    Ok(value.map(|v| read_messages(Some(v))))
}

#[cfg(test)]
mod tests {
    use super::{
        read_arguments, read_messages, PromptArgument, PromptContent, PromptMessage, Role,
    };
    use serde_json::{json, Value};

    fn args(v: Value) -> Vec<PromptArgument> {
        read_arguments(Some(v))
    }

    fn msgs(v: Value) -> Vec<PromptMessage> {
        read_messages(Some(v))
    }

    #[test]
    fn arguments_read_from_every_shape() {
        let pr = PromptArgument::new("pr")
            .description("The PR")
            .required(true);
        let listed = json!([{"name": "pr", "description": "The PR", "required": true}]);
        assert_eq!(args(listed.clone()), vec![pr.clone()]);
        assert_eq!(read_arguments(None), vec![]);
        assert_eq!(args(Value::Null), vec![]);
        assert_eq!(args(json!({})), vec![]);
        assert_eq!(args(json!({"arguments": listed})), vec![pr.clone()]);
        assert_eq!(
            args(json!({"name": "pr", "description": "The PR", "required": true})),
            vec![pr.clone()]
        );
        let mut keyed = args(json!({
            "pr": {"description": "The PR", "required": true}, "style": "short or long", "n": 5
        }));
        keyed.sort_by(|a, b| a.name.cmp(&b.name));
        assert_eq!(
            keyed,
            vec![
                PromptArgument::new("n"),
                pr,
                PromptArgument::new("style").description("short or long"),
            ]
        );
        assert_eq!(args(json!("pr")), vec![PromptArgument::new("pr")]);
        assert_eq!(
            args(json!(["pr", 7])),
            vec![PromptArgument::new("pr"), PromptArgument::new("")]
        );
        // Fields of another JSON type are left unset.
        assert_eq!(
            args(json!([{"name": "pr", "required": "yes", "title": 3}])),
            vec![PromptArgument::new("pr")]
        );
    }

    #[test]
    fn messages_read_from_every_shape() {
        let hi = PromptMessage::user("Hi");
        let one = json!({"role": "user", "content": {"type": "text", "text": "Hi"}});
        assert_eq!(msgs(json!([one.clone()])), vec![hi.clone()]);
        assert_eq!(read_messages(None), vec![]);
        assert_eq!(msgs(json!({})), vec![]);
        assert_eq!(msgs(json!({"messages": [one.clone()]})), vec![hi.clone()]);
        assert_eq!(msgs(one), vec![hi]);
        assert_eq!(
            msgs(json!({"text": "Hi"})),
            vec![PromptMessage::new(
                Role::Unknown(String::new()),
                PromptContent::Other(Value::Null)
            )]
        );
        assert_eq!(
            msgs(json!("Hi")),
            vec![PromptMessage::new(
                Role::Unknown(String::new()),
                PromptContent::Other(json!("Hi"))
            )]
        );
        assert_eq!(
            msgs(
                json!([{"role": 1, "content": "Hi"}, {"role": "system", "content": {"type": "text", "text": "x"}}])
            ),
            vec![
                PromptMessage::new(Role::Unknown("1".into()), PromptContent::Other(json!("Hi"))),
                PromptMessage::new(Role::Unknown("system".into()), PromptContent::text("x")),
            ]
        );
    }

    #[test]
    fn content_is_a_known_kind_only_with_exactly_its_fields() {
        let read = |v: Value| serde_json::from_value::<PromptContent>(v).unwrap();
        assert_eq!(
            read(json!({"type": "image", "data": "AA==", "mimeType": "image/png"})),
            PromptContent::image("AA==", "image/png")
        );
        assert_eq!(
            read(json!({"type": "audio", "data": "AA==", "mimeType": "audio/wav"})),
            PromptContent::audio("AA==", "audio/wav")
        );
        let embedded = json!({"uri": "file:///a.md", "mimeType": "text/markdown", "text": "# A"});
        let resource = read(json!({"type": "resource", "resource": embedded}));
        assert_eq!(
            serde_json::to_value(&resource).unwrap(),
            json!({"type": "resource", "resource": embedded})
        );
        assert!(matches!(resource, PromptContent::Resource { .. }));
        for kept in [
            json!({"type": "text", "text": "Hi", "annotations": {"priority": 1}}),
            json!({"type": "text", "text": 5}),
            json!({"type": "image", "data": "AA=="}),
            json!({"type": "resource", "resource": "file:///a.md"}),
            json!({"type": "resource_link", "uri": "file:///a.md", "name": "a"}),
            json!(null),
        ] {
            let content = read(kept.clone());
            assert_eq!(content, PromptContent::Other(kept.clone()));
            assert_eq!(serde_json::to_value(&content).unwrap(), kept);
        }
    }

    #[test]
    fn what_cannot_be_sent_is_refused() {
        assert!(PromptArgument::new("pr").check("arguments").is_ok());
        assert!(PromptArgument::new("")
            .check("arguments")
            .unwrap_err()
            .is_invalid_input());
        assert!(PromptMessage::user("x").check("messages").is_ok());
        let other = PromptMessage::new(
            Role::User,
            PromptContent::Other(json!({"type": "resource_link", "uri": "u", "name": "n"})),
        );
        assert!(other.check("messages").is_ok());
        for bad in [
            PromptMessage::new(Role::Unknown(String::new()), PromptContent::text("x")),
            PromptMessage::new(Role::User, PromptContent::Other(Value::Null)),
            PromptMessage::new(Role::User, PromptContent::Other(json!({"text": "x"}))),
        ] {
            assert!(
                bad.check("messages").unwrap_err().is_invalid_input(),
                "{bad:?}"
            );
        }
    }
}
