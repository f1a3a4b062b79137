#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod desired;
pub mod error;
pub mod getmcp;
pub mod hasmcp;
mod id;
pub mod paging;
pub mod patch;
mod secret;
#[cfg(feature = "testing")]
#[cfg_attr(docsrs, doc(cfg(feature = "testing")))]
pub mod testing;
mod transport;
mod wire;

pub use error::{ApiError, ConflictError, ConflictKind, Error, Platform, TransportError};
pub use id::IntoId;
pub use paging::{List, Page};
pub use patch::Patch;
pub use secret::Redacted;
pub use transport::{Certificate, Identity, Proxy, RetryPolicy};

/// The client progenitor generates from `openapi.yaml`: the escape hatch for anything
/// the typed clients do not cover. It shares the typed clients' transport (auth,
/// retries, timeouts, tracing) through its inner [`raw::Transport`], which only the typed
/// clients' builders construct: reach a configured raw client with `.raw()` on either.
#[allow(
    missing_docs,
    unused_imports,
    clippy::all,
    clippy::pedantic,
    rustdoc::all
)]
pub mod raw {
    /// The generated client's inner value: the shared transport's settings.
    pub use crate::transport::Transport;
    include!(concat!(env!("OUT_DIR"), "/raw.rs"));
}
