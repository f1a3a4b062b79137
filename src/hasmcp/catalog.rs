//! What the catalog's resources (providers and their tools, variables, resources,
//! prompts) share: the masked secret, the input checks every builder makes before
//! sending, and the check that an answer is about the record asked for.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{error::Platform, hasmcp::go_url::Refusal, transport::ops::Operation, Error, Redacted};

/// A secret as HasMCP returns it: never in clear once stored.
///
/// The service answers `***` in place of a stored secret (a `SECRET` variable's value,
/// a provider's OAuth2 `clientSecret`). This type keeps that mask apart from a value, so
/// `***` can never be read as the secret or sent back as one by accident: the builders
/// refuse [`SecretValue::Masked`] (and the text `***`) where they would send a secret.
///
/// ```
/// use mcp_admin::hasmcp::SecretValue;
///
/// let masked: SecretValue = serde_json::from_str(r#""***""#).unwrap();
/// assert!(masked.is_masked());
/// assert_eq!(masked.expose(), None);
///
/// let value = SecretValue::new("s3cr3t");
/// assert_eq!(value.expose(), Some("s3cr3t"));
/// assert_eq!(format!("{value:?}"), r#"Value("[redacted]")"#);
/// assert_eq!(serde_json::to_string(&value).unwrap(), r#""s3cr3t""#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SecretValue {
    /// The service holds a secret here but answered only `***`.
    Masked,
    /// A value: one you give, or one the service answered in clear.
    Value(Redacted<String>),
}

impl SecretValue {
    /// What the service answers in place of a stored secret.
    pub const MASK: &'static str = "***";

    /// `value` as a secret; the text `***` is [`SecretValue::Masked`], since the
    /// service would read it as "keep the stored one".
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        if value == Self::MASK {
            SecretValue::Masked
        } else {
            SecretValue::Value(Redacted::new(value))
        }
    }

    /// `true` when the service answered `***`.
    pub fn is_masked(&self) -> bool {
        matches!(self, SecretValue::Masked)
    }

    /// The value, or `None` when it is masked.
    pub fn expose(&self) -> Option<&str> {
        match self {
            SecretValue::Masked => None,
            SecretValue::Value(v) => Some(v.expose()),
        }
    }
}

impl fmt::Debug for SecretValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretValue::Masked => f.write_str("Masked"),
            SecretValue::Value(v) => f.debug_tuple("Value").field(v).finish(),
        }
    }
}

impl From<&str> for SecretValue {
    fn from(value: &str) -> Self {
        SecretValue::new(value)
    }
}

impl From<String> for SecretValue {
    fn from(value: String) -> Self {
        SecretValue::new(value)
    }
}

impl Serialize for SecretValue {
    /// As on the wire: the value, or `***`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.expose().unwrap_or(Self::MASK))
    }
}

impl<'de> Deserialize<'de> for SecretValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(SecretValue::new)
    }
}

/// Declares, inside a builder's `impl`, the setters of optional fields kept in
/// `self.<target>`: `x(v)` takes anything that converts, `set_x(Option<T>)` forwards an
/// optional value in one call (`None` leaves the field unset, so it is not sent).
macro_rules! option_setters {
    ($target:ident; $( $(#[$doc:meta])* $field:ident, $set:ident: $ty:ty; )+) => { $(
        $(#[$doc])*
        pub fn $field(self, value: impl Into<$ty>) -> Self {
            self.$set(Some(value.into()))
        }

        #[doc = concat!("Sets or unsets `", stringify!($field), "` in one call; `None` sends nothing for it.")]
        pub fn $set(mut self, value: Option<$ty>) -> Self {
            self.$target.$field = value;
            self
        }
    )+ };
}
pub(super) use option_setters;

/// A secret the caller gives, checked before it is sent: not empty and not the mask.
pub(super) fn secret_to_send(field: &'static str, secret: &SecretValue) -> Result<(), Error> {
    match secret.expose() {
        None => Err(Error::invalid(
            field,
            "`***` is the mask the service answers in place of a stored secret; \
             sending it back would keep the stored one, so give the secret itself",
        )),
        Some("") => Err(Error::invalid(field, "the secret must not be empty")),
        Some(_) => Ok(()),
    }
}

/// `text` is not empty and at most `max` bytes (the service counts bytes).
pub(super) fn text(field: &'static str, text: &str, max: usize) -> Result<(), Error> {
    if text.is_empty() {
        return Err(Error::invalid(
            field,
            "must not be empty: the service ignores an empty value, it cannot clear one",
        ));
    }
    at_most(field, text, max)
}

/// `text` is at most `max` bytes; empty is fine.
pub(super) fn at_most(field: &'static str, text: &str, max: usize) -> Result<(), Error> {
    if text.len() > max {
        return Err(Error::invalid(
            field,
            format!("{} bytes is over the limit of {max}", text.len()),
        ));
    }
    Ok(())
}

/// An http(s) URL with a host name, at most 255 bytes: refused exactly where the service
/// refuses it (Go's `url.Parse`, then the scheme and a non-empty host name; see
/// [`go_url`](crate::hasmcp::go_url)), which answers those with a 500.
pub(super) fn url(field: &'static str, value: &str) -> Result<(), Error> {
    text(field, value, 255)?;
    match crate::hasmcp::go_url::check(value) {
        Ok(_) => Ok(()),
        Err(refusal) => {
            let said = refusal.service_text();
            let why = match &refusal {
                Refusal::Invalid(why) => {
                    format!("{value:?}: the service cannot parse it ({said}: {why})")
                }
                _ => format!("{value:?}: {said}"),
            };
            Err(Error::invalid(field, why))
        }
    }
}

/// `value` matches a name pattern: a first character from `first`, then up to
/// `max - 1` characters from `rest`. `pattern` is how the error spells it.
pub(super) fn name(
    field: &'static str,
    value: &str,
    pattern: &str,
    max: usize,
    first: fn(u8) -> bool,
    rest: fn(u8) -> bool,
) -> Result<(), Error> {
    let fits = match value.as_bytes() {
        [] => false,
        [head, tail @ ..] => value.len() <= max && first(*head) && tail.iter().all(|b| rest(*b)),
    };
    if fits {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{value:?} does not match {pattern}"),
        ))
    }
}

/// A JSON value the service cannot take as "unset": `null` would be stored or fail
/// to compile as a schema, so it is refused.
pub(super) fn json(field: &'static str, value: &serde_json::Value) -> Result<(), Error> {
    if value.is_null() {
        return Err(Error::invalid(
            field,
            "null cannot be sent: leave the field unset to keep it",
        ));
    }
    Ok(())
}

/// The answer of `operation` is about `got`, not the `asked` record: the
/// hostile-server rule makes that an error rather than a success about something else.
pub(super) fn same_id(
    operation: &'static Operation,
    status: u16,
    what: &str,
    asked: &str,
    got: &str,
) -> Result<(), Error> {
    if asked == got {
        return Ok(());
    }
    Err(Error::Decode {
        platform: Platform::HasMcp,
        operation: operation.id,
        status,
        reason: format!(
            "asked for {what} {asked}, the answer is about {what} {got}{}",
            crate::hasmcp::ids::range_note(asked)
        ),
        body: String::new(),
        step: None,
    })
}

/// The outcome of the read that follows a PATCH which landed (answered `status`, the
/// service answers some PATCHes with 204 and no body): a failed read is an
/// [`Error::NotApplied`] that says the PATCH was applied (`applied`: the wire names of
/// the fields it set, those of `fields` marked `true`) and that its result could not be
/// read. A read that finds no such item is returned as the update's not-found (the
/// open-source service answers a PATCH of an unknown id with 204 and changes nothing).
/// Either error names the update and the step (`reading the result`), not the read.
pub(crate) fn read_back<T>(
    write: &Operation,
    status: u16,
    fields: &[(&'static str, bool)],
    read: Result<T, Error>,
) -> Result<T, Error> {
    read.map_err(|e| {
        let e = e.in_step(write, "reading the result");
        if e.is_not_found() {
            return e;
        }
        Error::partly_applied(
            Platform::HasMcp,
            write.id,
            status,
            applied(fields),
            Vec::new(),
            "the update was answered with success; reading the result afterwards failed",
            e,
        )
    })
}

/// The wire names of the fields marked `true`: what a PATCH that landed applied.
pub(crate) fn applied(fields: &[(&'static str, bool)]) -> Vec<&'static str> {
    fields
        .iter()
        .filter(|(_, set)| *set)
        .map(|(f, _)| *f)
        .collect()
}

/// Reads the answer to a PATCH that is `{key: item}` (the vendor document's 200) or
/// none (the open-source edition's 204, read as `null`; also `{}`): the item, if any.
/// Anything else is not such an answer.
pub(crate) fn updated<'de, D, T>(d: D, key: &'static str) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    use serde::de::{Error as _, Unexpected};
    match Option::<serde_json::Value>::deserialize(d)? {
        None => Ok(None),
        Some(serde_json::Value::Object(mut answer)) => match answer.remove(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(item) => T::deserialize(item).map(Some).map_err(D::Error::custom),
        },
        Some(other) => {
            let got = match &other {
                serde_json::Value::Array(_) => Unexpected::Seq,
                serde_json::Value::Bool(b) => Unexpected::Bool(*b),
                serde_json::Value::String(_) => Unexpected::Other("string"),
                _ => Unexpected::Other("number"),
            };
            let expected = format!("{{\"{key}\": …}} or no body");
            Err(D::Error::invalid_type(got, &expected.as_str()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{name, secret_to_send, url, SecretValue};
    use crate::Error;

    fn reason(e: Error) -> (&'static str, String) {
        match e {
            Error::InvalidInput { field, reason, .. } => (field, reason),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_mask_is_never_a_value() {
        assert_eq!(SecretValue::new("***"), SecretValue::Masked);
        assert_eq!(SecretValue::from(String::from("***")), SecretValue::Masked);
        assert_eq!(format!("{:?}", SecretValue::Masked), "Masked");
        assert_eq!(
            serde_json::to_string(&SecretValue::Masked).unwrap(),
            r#""***""#
        );
        let (field, why) =
            reason(secret_to_send("clientSecret", &SecretValue::Masked).unwrap_err());
        assert_eq!(field, "clientSecret");
        assert!(why.starts_with("`***` is the mask"), "{why}");
        let (_, why) = reason(secret_to_send("value", &SecretValue::new("")).unwrap_err());
        assert_eq!(why, "the secret must not be empty");
        assert!(secret_to_send("value", &SecretValue::new("x")).is_ok());
    }

    #[test]
    fn urls_are_http_with_a_host() {
        assert!(url("baseURL", "https://api.stripe.com/v1").is_ok());
        assert!(url("baseURL", "HTTP://localhost:8080").is_ok());
        for bad in [
            "",
            "ftp://x.example",
            "api.stripe.com",
            "https://",
            "http://x/%zz",
            "http:/x",
        ] {
            assert!(url("baseURL", bad).is_err(), "{bad}");
        }
        let long = format!("https://a.example/{}", "x".repeat(238));
        assert_eq!(long.len(), 256);
        let (_, why) = reason(url("baseURL", &long).unwrap_err());
        assert_eq!(why, "256 bytes is over the limit of 255");
    }

    #[test]
    fn names_follow_their_pattern() {
        let lower = |b: u8| b.is_ascii_lowercase();
        let alnum = |b: u8| b.is_ascii_alphanumeric();
        assert!(name("name", "lookupCustomer", "P", 20, lower, alnum).is_ok());
        assert!(name("name", "a", "P", 20, lower, alnum).is_ok());
        for bad in [
            "",
            "LookupCustomer",
            "lookup_customer",
            "a23456789012345678901",
        ] {
            let (field, why) = reason(name("name", bad, "P", 20, lower, alnum).unwrap_err());
            assert_eq!((field, why), ("name", format!("{bad:?} does not match P")));
        }
    }
}
