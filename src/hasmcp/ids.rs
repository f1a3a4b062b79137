//! HasMCP ids: one type per kind, all `^[A-Za-z0-9]{11}$`.
//!
//! Every id type comes from [`def_id!`], so each has the same checks and traits; a
//! caller's string is checked before it can reach a request path, and ids decoded from
//! responses are taken as sent.

use crate::{Error, Platform};

pub(crate) use crate::id::InvalidId;

/// Checks `s` against `^[A-Za-z0-9]{11}$`.
pub(crate) fn check(s: &str) -> Result<(), InvalidId> {
    if s.len() == 11 && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err(InvalidId(format!(
            "{s:?} is not a HasMCP id (11 characters A-Z, a-z, 0-9)"
        )))
    }
}

/// The largest id HasMCP stores: its ids are 63-bit numbers written in base 62
/// (`0-9A-Za-z`), and this is `i64::MAX`.
pub(crate) const MAX_STORED: &str = "AzL8n0Y58m7";

/// Why an answer about another id than `asked` may not be the service's doing: `asked`
/// is above [`MAX_STORED`], which the open-source server wraps or reads as −1. Empty for
/// an id in range. The alphabet is in ASCII order, so text order is number order.
pub(crate) fn range_note(asked: &str) -> String {
    if asked.len() == 11 && asked > MAX_STORED {
        format!(
            "; {asked} is out of the range HasMCP stores (ids are 63-bit numbers in base 62, \
             at most {MAX_STORED}): the service wraps it or reads it as -1, so it answers \
             about another id"
        )
    } else {
        String::new()
    }
}

/// Checks an id given for `field` (e.g. `"resources"`), naming that field on failure.
pub(crate) fn check_id(field: &'static str, id: &str) -> Result<(), Error> {
    check(id).map_err(|e| e.for_field(field))
}

/// Declares an id type: a checked `String` newtype with `new`, `as_str`, `FromStr`,
/// `TryFrom<&str | String | &String>`, `AsRef<str>`, `Display`, `Debug` (as the
/// string), transparent serde, `Clone, PartialEq, Eq, Hash, PartialOrd, Ord`, and
/// [`IntoId`](crate::IntoId) for itself, `&` itself and text.
macro_rules! def_id {
    ($(#[$meta:meta])* $name:ident, $example:literal) => {
        $(#[$meta])*
        ///
        /// 11 characters `[A-Za-z0-9]`. Parsing refuses anything else, so a caller's
        /// string never reaches a request path unchecked; ids decoded from responses are
        /// taken as sent.
        ///
        /// ```
        #[doc = concat!("use mcp_admin::hasmcp::", stringify!($name), ";")]
        ///
        #[doc = concat!("let id: ", stringify!($name), " = \"", $example, "\".parse()?;")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("let refused = \"short\".parse::<", stringify!($name), ">();")]
        /// assert!(refused.unwrap_err().is_invalid_input());
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        #[derive(
            Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Checks `s` against `^[A-Za-z0-9]{11}$`; the error names the field `id`.
            pub fn new(s: impl Into<String>) -> Result<Self, Error> {
                Self::parse(s.into()).map_err(|e| {
                    e.for_field("id")
                        .at_named(Platform::HasMcp, concat!(stringify!($name), "::new"))
                })
            }

            pub(crate) fn parse(s: String) -> Result<Self, InvalidId> {
                check(&s).map(|()| $name(s))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Text given where this kind is named, checked.
            fn from_text(s: &str) -> Result<Self, InvalidId> {
                Self::parse(s.to_owned())
            }
        }

        crate::id::id_conversions!($name, $name::from_text);

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(&self.0, f)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = Error;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                $name::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                $name::new(s)
            }
        }

        impl TryFrom<&String> for $name {
            type Error = Error;
            fn try_from(s: &String) -> Result<Self, Self::Error> {
                $name::new(s.as_str())
            }
        }

        impl From<&$name> for $name {
            fn from(id: &$name) -> Self {
                id.clone()
            }
        }
    };
}

def_id! {
    /// A server id, e.g. `ASuB9Gf6aD4`.
    ServerId, "ASuB9Gf6aD4"
}

def_id! {
    /// A provider id.
    ProviderId, "ASuB9Gf6aD5"
}

def_id! {
    /// A provider tool id.
    ToolId, "ASuB9Gf6aD6"
}

def_id! {
    /// A resource id.
    ResourceId, "ASuB9Gf6aD7"
}

def_id! {
    /// A prompt id.
    PromptId, "ASuB9Gf6aD8"
}

def_id! {
    /// A variable id.
    VariableId, "ASuB9Gf6aD9"
}

def_id! {
    /// An MCP client token id.
    TokenId, "ASuB9Gf6aDa"
}

crate::id::model_id!(super::Server => ServerId, |s| s.id.clone());
crate::id::model_id!(super::Provider => ProviderId, |p| p.id.clone());
crate::id::model_id!(super::Tool => ToolId, |t| t.id.clone());
crate::id::model_id!(super::Resource => ResourceId, |r| r.id.clone());
crate::id::model_id!(super::Prompt => PromptId, |p| p.id.clone());
crate::id::model_id!(super::Variable => VariableId, |v| v.id.clone());
crate::id::model_id!(super::ServerToken => TokenId, |t| t.id.clone());

#[cfg(test)]
mod tests {
    use super::{PromptId, ServerId, TokenId};
    use crate::Error;

    #[test]
    fn every_kind_is_checked_the_same_way() {
        for bad in ["", "short", "ASuB9Gf6aD/", "ASuB9Gf6aD44", "ASuB9Gf6aDé"] {
            match bad.parse::<TokenId>() {
                Err(Error::InvalidInput {
                    field,
                    reason,
                    operation,
                    ..
                }) => {
                    assert_eq!((field, operation), ("id", "TokenId::new"));
                    assert_eq!(
                        reason,
                        format!("{bad:?} is not a HasMCP id (11 characters A-Z, a-z, 0-9)")
                    );
                }
                other => panic!("{bad:?}: {other:?}"),
            }
        }
        let id = PromptId::try_from(String::from("ASuB9Gf6aD4")).unwrap();
        assert_eq!(id.to_string(), "ASuB9Gf6aD4");
        assert_eq!(format!("{id:?}"), "\"ASuB9Gf6aD4\"");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"ASuB9Gf6aD4\"");
        let back: PromptId = serde_json::from_str("\"ASuB9Gf6aD4\"").unwrap();
        assert_eq!(back, id);
        assert_eq!(
            ServerId::from(&ServerId::new("ASuB9Gf6aD4").unwrap()).as_ref(),
            "ASuB9Gf6aD4"
        );
    }
}
