//! Records are JSON objects, and nothing else.
//!
//! serde's derived `Deserialize` for a struct also reads a JSON array, taking the fields by
//! position (`["iran", "Iran", "state"]` as an actor); internally tagged enums likewise accept an
//! array whose first element is the tag. The JSON contract (and the schema) says objects only, so
//! every record derives with `#[serde(remote = "Self")]` — which makes the derive generate inherent
//! `serialize`/`deserialize` functions instead of the trait impls — and the trait impls below call
//! them through [`ObjectsOnly`], which asks the parser for a map.

use serde::de::{Deserializer, Visitor};

/// A deserializer that reads structs and tagged enums only from JSON objects.
pub(crate) struct ObjectsOnly<D>(pub(crate) D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        // Internally tagged enums ask for "any" value; they too must be objects.
        self.0.deserialize_map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// Implements `Serialize` and `Deserialize` for types whose derives carry `remote = "Self"`.
macro_rules! objects_only {
    ($($ty:ty),* $(,)?) => {
        $(
            impl serde::Serialize for $ty {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    <$ty>::serialize(self, serializer)
                }
            }

            impl<'de> serde::Deserialize<'de> for $ty {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    <$ty>::deserialize($crate::objects_only::ObjectsOnly(deserializer))
                }
            }
        )*
    };
}

pub(crate) use objects_only;
