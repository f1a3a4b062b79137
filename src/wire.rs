//! Serde pieces both platforms' models share: forward-compatible enums and
//! lenient timestamps.

/// Declares a `#[non_exhaustive]` string enum whose unknown values decode into
/// `Unknown(String)` instead of failing the whole response.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the crate does not know; kept as sent.
            Unknown(String),
        }

        impl $name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(other) => other.as_str(),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            /// Never fails: an unknown value becomes `Unknown`.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(match s {
                    $( $wire => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Ok(s.parse().unwrap_or_else(|never| match never {}))
            }
        }
    };
}
pub(crate) use wire_enum;

/// Declares a model that decodes only from a JSON object.
///
/// serde's derived structs also accept an array of field values, which would let a 200
/// answering `[5]` decode as a server: a silent success on a body that is not the
/// expected one. So the public struct derives `Debug, Clone, PartialEq, Serialize`, and a
/// private shadow with the same fields and attributes derives `Deserialize`; the public
/// `Deserialize` reads a map into the shadow and moves its fields over. Nothing but the
/// trait impls is public, so `Model::deserialize(d)` is always the object-only one.
macro_rules! object_model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty, )+
        }
    ) => {
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        $(#[$meta])*
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )+
        }

        const _: () = {
            #[derive(serde::Deserialize)]
            $(#[$meta])*
            struct Shadow {
                $( $(#[$fmeta])* $field: $ty, )+
            }

            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    struct ObjectOnly;
                    impl<'de> serde::de::Visitor<'de> for ObjectOnly {
                        type Value = Shadow;
                        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                            f.write_str("a JSON object")
                        }
                        fn visit_map<A: serde::de::MapAccess<'de>>(
                            self,
                            map: A,
                        ) -> Result<Shadow, A::Error> {
                            <Shadow as serde::Deserialize>::deserialize(
                                serde::de::value::MapAccessDeserializer::new(map),
                            )
                        }
                    }
                    let s = d.deserialize_map(ObjectOnly)?;
                    Ok($name { $( $field: s.$field, )+ })
                }
            }
        };
    };
}
pub(crate) use object_model;

/// Reads `null` as the type's default: both platforms send `null` where they mean
/// "none" (PHP's empty values, Go's nil slices).
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + serde::Deserialize<'de>,
{
    Ok(<Option<T> as serde::Deserialize>::deserialize(d)?.unwrap_or_default())
}

/// Timestamps as the platforms send them: RFC 3339, or MySQL's `YYYY-MM-DD HH:MM:SS`
/// or `YYYY-MM-DDTHH:MM:SS` without a zone (UTC). Anything else, including WordPress's
/// zero date, reads as `None` rather than failing the whole response.
pub(crate) mod timestamp {
    use chrono::{DateTime, NaiveDateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn parse(s: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .ok()
            .or_else(|| {
                ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
                    .map(|t| t.and_utc())
            })
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        let s = Option::<std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(s.as_deref().and_then(parse))
    }

    pub(crate) fn serialize<S: Serializer>(
        t: &Option<DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::timestamp::parse;

    super::object_model! {
        /// test
        #[serde(rename_all = "camelCase")]
        pub struct Point {
            /// x
            pub x_pos: i64,
            /// y
            #[serde(default)]
            pub y: i64,
        }
    }

    #[test]
    fn object_models_read_only_objects() {
        let p: Point = serde_json::from_str(r#"{"xPos":1,"extra":true}"#).unwrap();
        assert_eq!(p, Point { x_pos: 1, y: 0 });
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"xPos":1,"y":0}"#);
        let err = serde_json::from_str::<Point>("[1, 2]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected a JSON object at line 1 column 0"
        );
        // Called through the type, `deserialize` is the trait's object-only one.
        let mut d = serde_json::Deserializer::from_str("[1, 2]");
        assert!(Point::deserialize(&mut d).is_err());
        let mut d = serde_json::Deserializer::from_str(r#"{"xPos":3}"#);
        assert_eq!(
            Point::deserialize(&mut d).unwrap(),
            Point { x_pos: 3, y: 0 }
        );
    }

    wire_enum! {
        /// test
        pub enum Colour {
            /// red
            Red = "red",
        }
    }

    #[test]
    fn unknown_values_survive() {
        let c: Colour = serde_json::from_str("\"teal\"").unwrap();
        assert_eq!(c, Colour::Unknown("teal".into()));
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"teal\"");
        assert_eq!(
            serde_json::from_str::<Colour>("\"red\"").unwrap(),
            Colour::Red
        );
    }

    #[test]
    fn timestamps() {
        assert!(parse("2025-03-18T10:00:00Z").is_some());
        assert!(parse("2025-03-18 10:00:00").is_some());
        assert_eq!(parse("2025-03-18T10:00:00"), parse("2025-03-18T10:00:00Z"));
        assert!(parse("0000-00-00 00:00:00").is_none());
    }
}
