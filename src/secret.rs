//! [`Redacted<T>`]: the one type every secret in the crate's models is held in.
//!
//! A model derives `Debug`; a field whose type is `Redacted<_>` prints as `"[redacted]"`,
//! so a new secret field is hidden by its type instead of by a hand-kept list.
//!
//! Why not the `secrecy` crate: its `SecretBox`/`SecretString` deliberately implement
//! neither `PartialEq` nor `Hash`, serialize only types marked `SerializableSecret` (not
//! `String`, not `serde_json::Value`), and require `Zeroize`. The models derive
//! `Debug, Clone, PartialEq, Serialize, Deserialize` and send these values back to the
//! platforms, so they need all of that; what they need from a secret type is only that it
//! stays out of `Debug`, logs and errors.

use serde::{Deserialize, Serialize};

/// What every redacted value prints as; the only place the crate spells it.
pub(crate) const REDACTED: &str = "[redacted]";

/// A value that never shows in `Debug` output (it prints `"[redacted]"`) and has no
/// `Display`; read it with [`expose`](Redacted::expose).
///
/// Serializes and deserializes exactly as `T`, so the wire format is unchanged.
///
/// ```
/// use mcp_admin::Redacted;
///
/// let secret = Redacted::new(String::from("client-secret-123"));
/// assert_eq!(format!("{secret:?}"), r#""[redacted]""#);
/// assert_eq!(secret.expose(), "client-secret-123");
/// assert_eq!(serde_json::to_string(&secret).unwrap(), r#""client-secret-123""#);
/// let back: Redacted<String> = serde_json::from_str(r#""s""#).unwrap();
/// assert_eq!(back.into_inner(), "s");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Redacted<T>(T);

impl<T> Redacted<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        Redacted(value)
    }

    /// Borrows the secret: the one way to read it, easy to find in a review.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the secret.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Redacted<T> {
    fn from(value: T) -> Self {
        Redacted(value)
    }
}

impl From<&str> for Redacted<String> {
    fn from(value: &str) -> Self {
        Redacted(value.to_owned())
    }
}

impl<T> std::fmt::Debug for Redacted<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(REDACTED, f)
    }
}

#[cfg(test)]
mod tests {
    use super::Redacted;

    #[test]
    fn debug_hides_the_value_in_every_form() {
        let secret = Redacted::new(serde_json::json!({"token": "TOP"}));
        assert_eq!(format!("{secret:?}"), "\"[redacted]\"");
        assert_eq!(format!("{secret:#?}"), "\"[redacted]\"");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(\"[redacted]\")");
    }

    #[test]
    fn serde_is_transparent() {
        let secret: Redacted<serde_json::Value> =
            serde_json::from_str(r#"{"token":"TOP"}"#).expect("decodes");
        assert_eq!(secret.expose()["token"], "TOP");
        assert_eq!(
            serde_json::to_string(&secret).expect("encodes"),
            r#"{"token":"TOP"}"#
        );
        assert_eq!(
            Redacted::from(String::from("a")),
            Redacted::new(String::from("a"))
        );
    }
}
