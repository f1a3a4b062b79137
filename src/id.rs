//! [`IntoId`]: how every method parameter that names a resource takes its id, on both
//! platforms.
//!
//! One sealed conversion per kind, in the manner of reqwest's `IntoUrl`: the typed id,
//! the model of that kind (`&Server` where a server is named) and text (`&str`,
//! `String`, `&String`, checked inside the call; a bad one is
//! [`Error::InvalidInput`](crate::Error::InvalidInput) and nothing is sent). An id of
//! another kind does not compile:
//!
//! ```compile_fail
//! # async fn demo(hm: mcp_admin::hasmcp::Client, tool: mcp_admin::hasmcp::Tool) {
//! hm.delete_server(&tool.id).await; // a ToolId is not a server id
//! # }
//! ```
//!
//! ```compile_fail
//! # async fn demo(gm: mcp_admin::getmcp::Client, tool: mcp_admin::getmcp::Tool) {
//! gm.delete_server(&tool).await; // a tool is not a server
//! # }
//! ```
//!
//! Text and bare numbers carry no kind: `"ASuB9Gf6aD4"` or `42u64` is accepted for any
//! kind whose form it has. Prefer the typed id or the model where you have one.

use crate::{transport::ops::Operation, Error};

/// A value that names a resource of kind `K` (an id type such as
/// [`hasmcp::ServerId`](crate::hasmcp::ServerId) or
/// [`getmcp::ServerRef`](crate::getmcp::ServerRef)). Sealed: the implementations listed
/// below are all there are.
///
/// ```no_run
/// # async fn demo(hm: mcp_admin::hasmcp::Client, gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
/// let server = hm.get_server("ASuB9Gf6aD4").await?; // text, checked in the call
/// hm.get_server(&server.id).await?;                 // the typed id
/// hm.update_server(&server).name("Renamed").send().await?; // the model
/// let all = hm.list_servers().all().await?;          // every list is a `List`
/// let stream = hm.list_servers().into_stream();
///
/// let site = gm.get_server("836995ae-1cff-41ec-823e-a4f07ccca3a0").await?;
/// let prompt = gm.get_prompt(&site, 2u64).await?;
/// gm.delete_prompt(&site, &prompt).await?;
/// # drop((all, stream)); Ok(()) }
/// ```
pub trait IntoId<K>: sealed::Sealed<K> {}

impl<K, T: sealed::Sealed<K>> IntoId<K> for T {}

pub(crate) mod sealed {
    /// The conversion itself, out of callers' reach.
    pub trait Sealed<K> {
        /// The id, or why the text given is not one.
        fn into_id(self) -> Result<K, super::InvalidId>;
    }
}

/// Why a string is not an id of the kind wanted. Cheap to clone, so a builder can keep
/// the outcome of converting its id and report it at every use; [`InvalidId::for_field`]
/// names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidId(pub(crate) String);

impl InvalidId {
    /// The error for `field` (the operation is named where the call is known).
    pub(crate) fn for_field(self, field: &'static str) -> Error {
        Error::invalid(field, self.0)
    }
}

/// Converts `id` given to the call of `op`, naming `field` in the error.
pub(crate) fn take<K>(id: impl IntoId<K>, field: &'static str, op: &Operation) -> Result<K, Error> {
    sealed::Sealed::into_id(id).map_err(|e| e.for_field(field).at(op))
}

/// Converts `id` for a builder, which keeps the outcome and reports it at `send()`.
pub(crate) fn keep<K>(id: impl IntoId<K>) -> Result<K, InvalidId> {
    sealed::Sealed::into_id(id)
}

/// What a builder was given that is not an id: the field and why. The builder holds a
/// placeholder in the id's place, and reports this at `body()` / `send()` (nothing is
/// sent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Refused(Option<(&'static str, InvalidId)>);

impl Refused {
    /// Converts `id` for a builder: the id, or `placeholder` with the refusal kept.
    pub(crate) fn keep<K>(&mut self, id: impl IntoId<K>, field: &'static str, placeholder: K) -> K {
        match sealed::Sealed::into_id(id) {
            Ok(id) => id,
            Err(why) => {
                if self.0.is_none() {
                    self.0 = Some((field, why));
                }
                placeholder
            }
        }
    }

    /// Converts each of `ids` for a builder: the ids, without those refused, the first
    /// refusal kept.
    pub(crate) fn keep_all<K, I: IntoId<K>>(
        &mut self,
        ids: impl IntoIterator<Item = I>,
        field: &'static str,
    ) -> Vec<K> {
        ids.into_iter()
            .filter_map(|id| match sealed::Sealed::into_id(id) {
                Ok(id) => Some(id),
                Err(why) => {
                    if self.0.is_none() {
                        self.0 = Some((field, why));
                    }
                    None
                }
            })
            .collect()
    }

    /// The first refusal, without an operation: the caller names it with `Error::at`.
    pub(crate) fn check_unstamped(&self) -> Result<(), Error> {
        match &self.0 {
            None => Ok(()),
            Some((field, why)) => Err(why.clone().for_field(field)),
        }
    }

    /// The first refusal, as the error of operation `op`.
    pub(crate) fn check(&self, op: &Operation) -> Result<(), Error> {
        match &self.0 {
            None => Ok(()),
            Some((field, why)) => Err(why.clone().for_field(field).at(op)),
        }
    }
}

/// Implements [`IntoId`] for an id type: itself, a reference to it, and text parsed with
/// `$parse` (a `fn(&str) -> Result<Id, InvalidId>`).
macro_rules! id_conversions {
    ($id:ty, $parse:path) => {
        impl $crate::id::sealed::Sealed<$id> for $id {
            fn into_id(self) -> Result<$id, $crate::id::InvalidId> {
                Ok(self)
            }
        }
        impl $crate::id::sealed::Sealed<$id> for &$id {
            fn into_id(self) -> Result<$id, $crate::id::InvalidId> {
                Ok(self.clone())
            }
        }
        impl $crate::id::sealed::Sealed<$id> for &str {
            fn into_id(self) -> Result<$id, $crate::id::InvalidId> {
                $parse(self)
            }
        }
        impl $crate::id::sealed::Sealed<$id> for String {
            fn into_id(self) -> Result<$id, $crate::id::InvalidId> {
                $parse(&self)
            }
        }
        impl $crate::id::sealed::Sealed<$id> for &String {
            fn into_id(self) -> Result<$id, $crate::id::InvalidId> {
                $parse(self)
            }
        }
    };
}
pub(crate) use id_conversions;

/// Implements [`IntoId`] for `&Model`, whose id is read with `$get`.
macro_rules! model_id {
    ($model:ty => $id:ty, $get:expr) => {
        impl $crate::id::sealed::Sealed<$id> for &$model {
            fn into_id(self) -> Result<$id, $crate::id::InvalidId> {
                let get: fn(&$model) -> $id = $get;
                Ok(get(self))
            }
        }
    };
}
pub(crate) use model_id;
