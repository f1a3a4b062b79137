//! What the server, tool, resource and prompt modules share: calls that keep the answer's
//! status and headers, the check that an answer is about what was asked, and PHP's empty
//! forms of an object.

use std::future::Future;

use progenitor_client::ResponseValue;
use serde::{de::DeserializeOwned, Deserialize, Deserializer};
use serde_json::Value;
use uuid::Uuid;

use crate::{
    error::Platform,
    getmcp::{Client, Server, ServerRef},
    transport::{self, ops::Operation},
    Error,
};

/// Declares the create and update builders of a server's tools, resources or prompts:
/// two structs over the module's `Changes`, made by `new`, with the setters of
/// `$setters!` (a macro of the module) and `fields_for`, the checked body for an
/// operation. Each module adds `body()` and `send()`, which differ per kind.
macro_rules! item_builders {
    (
        $(#[$cmeta:meta])*
        create $create:ident;
        $(#[$umeta:meta])*
        update $update:ident($id:ident: $id_ty:ty);
        body $body:ty;
        setters $setters:ident;
    ) => {
        $(#[$cmeta])*
        #[must_use = "a create does nothing until `.send()` is awaited"]
        #[derive(Debug, Clone)]
        pub struct $create {
            client: $crate::getmcp::Client,
            server: $crate::getmcp::ServerRef,
            refused: $crate::id::Refused,
            changes: Changes,
        }

        $(#[$umeta])*
        #[must_use = "an update does nothing until `.send()` is awaited"]
        #[derive(Debug, Clone)]
        pub struct $update {
            client: $crate::getmcp::Client,
            server: $crate::getmcp::ServerRef,
            refused: $crate::id::Refused,
            $id: $id_ty,
            changes: Changes,
        }

        impl $create {
            pub(crate) fn new(
                client: $crate::getmcp::Client,
                server: $crate::getmcp::ServerRef,
                refused: $crate::id::Refused,
                name: String,
            ) -> Self {
                $create {
                    client,
                    server,
                    refused,
                    changes: Changes::default(),
                }
                .name(name)
            }

            $setters!();
            $crate::getmcp::shared::item_builders!(@fields_for $body);
        }

        impl $update {
            pub(crate) fn new(
                client: $crate::getmcp::Client,
                server: $crate::getmcp::ServerRef,
                refused: $crate::id::Refused,
                $id: $id_ty,
            ) -> Self {
                $update {
                    client,
                    server,
                    refused,
                    $id,
                    changes: Changes::default(),
                }
            }

            $setters!();
            $crate::getmcp::shared::item_builders!(@fields_for $body);
        }
    };
    (@fields_for $body:ty) => {
        /// The body of the fields set for operation `op`: the ids given first, and every
        /// refusal naming `op`.
        fn fields_for(
            &self,
            op: &$crate::transport::ops::Operation,
        ) -> Result<$body, $crate::Error> {
            self.refused.check(op)?;
            self.changes.body().map_err(|e| e.at(op))
        }
    };
}
pub(crate) use item_builders;

/// A successful answer with the status the typed value alone would lose.
pub(crate) struct Answered<T> {
    pub(crate) value: T,
    pub(crate) status: u16,
}

/// Runs one generated operation like `transport::call`, keeping the status.
pub(crate) async fn call<T: DeserializeOwned, E, F>(
    client: &Client,
    operation: &'static Operation,
    make: impl FnOnce() -> F,
) -> Result<Answered<T>, Error>
where
    F: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
{
    let answer = transport::call_answered(client.raw(), operation, make).await?;
    Ok(Answered {
        status: answer.status().as_u16(),
        value: answer.into_inner(),
    })
}

impl<T> Answered<T> {
    /// The value, when `check` finds nothing wrong with it; otherwise the hostile-answer
    /// error: a success that is not about what was asked is never a success.
    pub(crate) fn checked(
        self,
        operation: &'static Operation,
        check: impl FnOnce(&T) -> Result<(), String>,
    ) -> Result<T, Error> {
        match check(&self.value) {
            Ok(()) => Ok(self.value),
            Err(reason) => Err(wrong_answer(operation.id, self.status, reason)),
        }
    }
}

/// A success answer the crate refuses: a [`Error::Decode`] with `reason`.
pub(crate) fn wrong_answer(operation: &'static str, status: u16, reason: String) -> Error {
    Error::Decode {
        platform: Platform::GetMcp,
        operation,
        status,
        reason,
        body: String::new(),
        step: None,
    }
}

/// Whether a server object is the server `asked` names. Asked by UUID, an answer without
/// one cannot be told apart and is accepted.
pub(crate) fn is_server(asked: ServerRef, server: &Server) -> bool {
    same(asked, Some(server.id.0), server.uuid)
}

/// `Ok` when `server` is `asked`, else the reason naming both.
pub(crate) fn expect_server(asked: ServerRef, server: &Server) -> Result<(), String> {
    if is_server(asked, server) {
        Ok(())
    } else {
        Err(format!(
            "asked for server {asked}, the answer is server {}",
            describe(server.id.0, server.uuid)
        ))
    }
}

/// The ids an answered tool, resource or prompt carries.
pub(crate) struct ItemIds {
    pub(crate) id: u64,
    pub(crate) uuid: Option<Uuid>,
    /// Its server's numeric id.
    pub(crate) server_id: Option<u64>,
    /// Its server's UUID.
    pub(crate) server_uuid: Option<Uuid>,
}

/// `Ok` when an answered `kind` is the one asked for (`asked`: by UUID or numeric id;
/// `None` for a create or a list) and belongs to the server asked for. Ids missing from
/// the answer cannot contradict the request.
pub(crate) fn expect_item(
    kind: &str,
    server: ServerRef,
    asked: Option<ServerRef>,
    item: ItemIds,
) -> Result<(), String> {
    if let Some(asked) = asked.filter(|a| !same(*a, Some(item.id), item.uuid)) {
        return Err(format!(
            "asked for {kind} {asked}, the answer is {kind} {}",
            describe(item.id, item.uuid)
        ));
    }
    if same(server, item.server_id, item.server_uuid) {
        return Ok(());
    }
    let found = match (item.server_id, item.server_uuid) {
        (Some(id), uuid) => describe(id, uuid),
        (None, Some(uuid)) => uuid.to_string(),
        (None, None) => "unknown".into(),
    };
    Err(format!(
        "asked for a {kind} of server {server}, the answer's belongs to server {found}"
    ))
}

/// Whether `asked` names the item with numeric id `id` and UUID `uuid`; a side that is
/// missing from the answer cannot contradict it.
pub(crate) fn same(asked: ServerRef, id: Option<u64>, uuid: Option<Uuid>) -> bool {
    match asked {
        ServerRef::Id(n) => id.is_none_or(|id| id == n),
        ServerRef::Uuid(u) => uuid.is_none_or(|uuid| uuid == u),
    }
}

fn describe(id: u64, uuid: Option<Uuid>) -> String {
    match uuid {
        Some(uuid) => format!("{id} ({uuid})"),
        None => id.to_string(),
    }
}

/// Reads a JSON object field as PHP renders it: an empty object comes as `[]`, a missing
/// one as `null`; both read as the type's default (an empty map).
pub(crate) fn php_object<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + serde::de::DeserializeOwned,
{
    match Value::deserialize(d)? {
        Value::Null => Ok(T::default()),
        Value::Array(a) if a.is_empty() => Ok(T::default()),
        v @ Value::Object(_) => T::deserialize(v).map_err(serde::de::Error::custom),
        // The kind of value only: an error never quotes what the response held.
        other => Err(serde::de::Error::custom(format!(
            "expected an object, got {}",
            match other {
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::String(_) => "a string",
                _ => "an array",
            }
        ))),
    }
}

/// An update's body, refused when nothing is set: such a PATCH would change nothing.
pub(crate) fn changing<B: Default + PartialEq>(body: B) -> Result<B, Error> {
    if body == B::default() {
        Err(Error::invalid(
            "update",
            "nothing to update: set at least one field",
        ))
    } else {
        Ok(body)
    }
}

/// Refuses an empty or blank required text.
pub(crate) fn require_text(field: &'static str, value: Option<&str>) -> Result<(), Error> {
    match value {
        Some(v) if v.trim().is_empty() => Err(Error::invalid(
            field,
            format!("the {field} must not be empty"),
        )),
        _ => Ok(()),
    }
}

/// Refuses a JSON value that is not an object.
pub(crate) fn require_object(field: &'static str, value: Option<&Value>) -> Result<(), Error> {
    match value {
        Some(v) if !v.is_object() => Err(Error::invalid(
            field,
            format!("expected a JSON object, got {v}"),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "php_object")]
        map: BTreeMap<String, String>,
    }

    #[test]
    fn php_empty_forms_read_as_empty() {
        for text in [r#"{"map":[]}"#, r#"{"map":null}"#, "{}"] {
            let h: Holder = serde_json::from_str(text).unwrap();
            assert!(h.map.is_empty(), "{text}");
        }
        let h: Holder = serde_json::from_str(r#"{"map":{"a":"b"}}"#).unwrap();
        assert_eq!(h.map["a"], "b");
        assert!(serde_json::from_str::<Holder>(r#"{"map":["a"]}"#).is_err());
        assert!(serde_json::from_str::<Holder>(r#"{"map":"a"}"#).is_err());
    }

    #[test]
    fn references_match_what_the_answer_names() {
        let uuid = Uuid::from_u128(7);
        assert!(same(ServerRef::Id(3), Some(3), None));
        assert!(!same(ServerRef::Id(3), Some(4), Some(uuid)));
        assert!(same(ServerRef::Uuid(uuid), Some(4), Some(uuid)));
        assert!(same(ServerRef::Uuid(uuid), Some(4), None));
        assert!(!same(ServerRef::Uuid(uuid), None, Some(Uuid::from_u128(8))));
        let ids = |id, server_id| ItemIds {
            id,
            uuid: None,
            server_id: Some(server_id),
            server_uuid: None,
        };
        assert_eq!(
            expect_item("tool", ServerRef::Id(3), None, ids(5, 9)),
            Err("asked for a tool of server 3, the answer's belongs to server 9".into())
        );
        assert_eq!(
            expect_item(
                "prompt",
                ServerRef::Id(3),
                Some(ServerRef::Id(4)),
                ids(5, 3)
            ),
            Err("asked for prompt 4, the answer is prompt 5".into())
        );
        assert_eq!(
            expect_item(
                "prompt",
                ServerRef::Id(3),
                Some(ServerRef::Id(5)),
                ids(5, 3)
            ),
            Ok(())
        );
        assert!(require_object("x", Some(&json!([]))).is_err());
        assert!(require_object("x", Some(&json!({}))).is_ok());
        assert!(require_text("name", Some(" ")).is_err());
        assert!(require_text("name", None).is_ok());
    }
}
