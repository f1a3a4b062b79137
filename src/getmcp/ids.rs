//! GetMCP's ids: what its routes take ([`ServerRef`], [`ToolRef`], [`PromptId`],
//! [`ResourceId`]) and the numeric ids its models carry ([`ServerId`], [`ToolId`]), each
//! accepted where its kind is named.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::{
    getmcp::{Prompt, Resource, Server, Tool, ToolRef},
    id::{id_conversions, model_id, sealed::Sealed, InvalidId},
};

/// Which server: its UUID, or its numeric id (accepted for backwards compatibility).
///
/// Parsing accepts exactly those two forms, so a caller's string can never put
/// anything else into the request path.
///
/// ```
/// use mcp_admin::getmcp::ServerRef;
///
/// let by_uuid: ServerRef = "836995ae-1cff-41ec-823e-a4f07ccca3a0".parse()?;
/// let by_id = ServerRef::from(42u64);
/// assert_eq!(by_id.to_string(), "42");
/// assert!("../admin".parse::<ServerRef>().is_err());
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ServerRef {
    /// By UUID (the documented form).
    Uuid(Uuid),
    /// By numeric id.
    Id(u64),
}

impl From<Uuid> for ServerRef {
    fn from(u: Uuid) -> Self {
        ServerRef::Uuid(u)
    }
}

impl From<u64> for ServerRef {
    fn from(id: u64) -> Self {
        ServerRef::Id(id)
    }
}

impl From<&Server> for ServerRef {
    /// The server's UUID where it has one, else its numeric id.
    fn from(s: &Server) -> Self {
        s.uuid.map_or(ServerRef::Id(s.id.0), ServerRef::Uuid)
    }
}

impl FromStr for ServerRef {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse::<u64>().map(ServerRef::Id).map_err(|_| {
                crate::Error::invalid("server", format!("numeric id {s:?} is out of range"))
            });
        }
        // Only the hyphenated 36-character form: it is what the API documents.
        if s.len() == 36
            && let Ok(u) = Uuid::try_parse(s)
        {
            return Ok(ServerRef::Uuid(u));
        }
        Err(crate::Error::invalid(
            "server",
            format!("{s:?} is neither a UUID (8-4-4-4-12 hex) nor a numeric id"),
        ))
    }
}

impl TryFrom<&str> for ServerRef {
    type Error = crate::Error;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for ServerRef {
    type Error = crate::Error;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl fmt::Display for ServerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerRef::Uuid(u) => write!(f, "{}", u.hyphenated()),
            ServerRef::Id(id) => write!(f, "{id}"),
        }
    }
}

impl Serialize for ServerRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ServerRef::Uuid(u) => u.serialize(s),
            ServerRef::Id(id) => s.serialize_u64(*id),
        }
    }
}

impl<'de> Deserialize<'de> for ServerRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Number(n) => n
                .as_u64()
                .map(ServerRef::Id)
                .ok_or_else(|| serde::de::Error::custom("a server id is a non-negative integer")),
            Value::String(s) => s.parse().map_err(serde::de::Error::custom),
            _ => Err(serde::de::Error::custom("expected a UUID or a numeric id")),
        }
    }
}

impl ServerRef {
    /// Text given where a server is named: a UUID or a numeric id.
    fn from_text(s: &str) -> Result<Self, InvalidId> {
        s.parse().map_err(reason_of)
    }
}

/// The reason of an [`Error::InvalidInput`](crate::Error::InvalidInput), as an
/// [`InvalidId`] that the call names its field and operation for.
pub(crate) fn reason_of(e: crate::Error) -> InvalidId {
    match e {
        crate::Error::InvalidInput { reason, .. } => InvalidId(reason),
        other => InvalidId(other.to_string()),
    }
}

id_conversions!(ServerRef, ServerRef::from_text);

impl ToolRef {
    /// Text given where a tool is named: a UUID or a numeric id.
    fn from_text(s: &str) -> Result<Self, InvalidId> {
        s.parse().map_err(reason_of)
    }
}

id_conversions!(ToolRef, ToolRef::from_text);
model_id!(Server => ServerRef, |s| ServerRef::from(s));

impl Sealed<ServerRef> for u64 {
    fn into_id(self) -> Result<ServerRef, InvalidId> {
        Ok(ServerRef::Id(self))
    }
}

impl Sealed<ServerRef> for Uuid {
    fn into_id(self) -> Result<ServerRef, InvalidId> {
        Ok(ServerRef::Uuid(self))
    }
}

impl Sealed<ToolRef> for u64 {
    fn into_id(self) -> Result<ToolRef, InvalidId> {
        Ok(ToolRef::Id(self))
    }
}

impl Sealed<ToolRef> for Uuid {
    fn into_id(self) -> Result<ToolRef, InvalidId> {
        Ok(ToolRef::Uuid(self))
    }
}

model_id!(Tool => ToolRef, |t| ToolRef::from(t));

/// Declares a numeric GetMCP id (prompts and resources have no UUID).
macro_rules! numeric_id {
    ($(#[$meta:meta])* $name:ident, $model:ty) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl From<u64> for $name {
            fn from(id: u64) -> Self {
                $name(id)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        /// Equal to the bare number it holds, as the fakes' seeds and the docs give ids.
        impl PartialEq<u64> for $name {
            fn eq(&self, other: &u64) -> bool {
                self.0 == *other
            }
        }

        impl Sealed<$name> for $name {
            fn into_id(self) -> Result<$name, InvalidId> {
                Ok(self)
            }
        }

        impl Sealed<$name> for &$name {
            fn into_id(self) -> Result<$name, InvalidId> {
                Ok(*self)
            }
        }

        impl Sealed<$name> for u64 {
            fn into_id(self) -> Result<$name, InvalidId> {
                Ok($name(self))
            }
        }

        model_id!($model => $name, |m| m.id);
    };
}

/// A numeric id that also names its kind where the routes take a reference (`$wide`:
/// the UUID or the numeric id): `ServerId` where a [`ServerRef`] is taken.
macro_rules! numeric_ref {
    ($name:ident => $wide:ident) => {
        impl From<$name> for $wide {
            fn from(id: $name) -> Self {
                $wide::Id(id.0)
            }
        }

        impl Sealed<$wide> for $name {
            fn into_id(self) -> Result<$wide, InvalidId> {
                Ok($wide::from(self))
            }
        }

        impl Sealed<$wide> for &$name {
            fn into_id(self) -> Result<$wide, InvalidId> {
                Ok($wide::from(*self))
            }
        }
    };
}

numeric_id! {
    /// A server's numeric id, as [`Server::id`] and a tool's, resource's or prompt's
    /// `server_id` hold it; a `u64` or a `&Server` converts too. Where a server is named
    /// it is a [`ServerRef`] (`ServerRef::Id`): the routes take the UUID or this.
    ///
    /// Not the 16-hex [`Server::public_id`] (the wire's `server_id` of a server object).
    ///
    /// ```
    /// use mcp_admin::getmcp::{ServerId, ServerRef};
    ///
    /// assert_eq!(ServerRef::from(ServerId(3)), ServerRef::Id(3));
    /// assert_eq!(ServerId::from(3u64).to_string(), "3");
    /// ```
    ServerId, Server
}

numeric_ref!(ServerId => ServerRef);

numeric_id! {
    /// A tool's numeric id, as [`Tool::id`] holds it; a `u64` or a `&Tool` converts too.
    /// Where a tool is named it is a [`ToolRef`] (`ToolRef::Id`): the routes take the
    /// UUID or this.
    ///
    /// ```
    /// use mcp_admin::getmcp::{ToolId, ToolRef};
    ///
    /// assert_eq!(ToolRef::from(ToolId(5)), ToolRef::Id(5));
    /// ```
    ///
    /// A tool's id does not name a server, nor a prompt:
    ///
    /// ```compile_fail
    /// # async fn demo(gm: mcp_admin::getmcp::Client, tool: mcp_admin::getmcp::Tool) {
    /// gm.delete_server(tool.id).await;
    /// # }
    /// ```
    ///
    /// ```compile_fail
    /// # async fn demo(gm: mcp_admin::getmcp::Client, tool: mcp_admin::getmcp::Tool) {
    /// gm.delete_prompt(3u64, tool.id).await;
    /// # }
    /// ```
    ToolId, Tool
}

numeric_ref!(ToolId => ToolRef);

numeric_id! {
    /// A prompt's numeric id, e.g. `PromptId(2)`; a `u64` or a `&Prompt` converts too.
    ///
    /// ```
    /// use mcp_admin::getmcp::PromptId;
    ///
    /// assert_eq!(PromptId::from(2u64).to_string(), "2");
    /// ```
    PromptId, Prompt
}

numeric_id! {
    /// A resource's numeric id, e.g. `ResourceId(2)`; a `u64` or a `&Resource` converts too.
    ///
    /// ```
    /// use mcp_admin::getmcp::ResourceId;
    ///
    /// assert_eq!(ResourceId::from(2u64).to_string(), "2");
    /// ```
    ResourceId, Resource
}
