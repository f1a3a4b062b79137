//! What GetMCP's routes take as a server id: [`ServerRef`].

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::getmcp::Server;

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
        s.uuid.map_or(ServerRef::Id(s.id), ServerRef::Uuid)
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
