//! Reading internally tagged unions (`{"type": "fixed_term", "years": 10, …}`) so that an error
//! inside one names the field that is wrong.
//!
//! serde's derive for `#[serde(tag = "type")]` buffers the whole object before it knows the
//! variant and then reads the buffer: an error inside points at the object, not the field, and
//! the JSON path tracker never sees the fields. Here the tag's key is looked for first; the
//! variant is read from the tag's own value, and the remaining fields straight from the parser,
//! through the same map — so every error keeps its full path. Writers put the tag first (this
//! crate always does), and then nothing is buffered. Fields before the tag are buffered as JSON
//! values (strictly: a repeated key is still an error); an error inside one of them carries its
//! own path out at the start of the message (`at "/withdrawal/notice_months": …`, readable as it
//! is), which [`crate::Error`] moves back into the path (see [`crate::pointer::split_nested`]).
//!
//! Each union keeps its `Serialize` and schema derives (internally tagged), and reads through a
//! `remote` mirror deriving an externally tagged `Deserialize`: serde checks at compile time that
//! the mirror's variants and fields are exactly the union's.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, VariantAccess, Visitor};

use crate::strict_value::StrictValue;

/// The tag's key.
const TAG: &str = "type";

/// An internally tagged union read through its externally tagged mirror.
pub(crate) trait ByTag: Sized {
    /// What the union is, for "expected …" messages: "a duration object".
    const EXPECTING: &'static str;

    /// Reads the union through the mirror's externally tagged `Deserialize`.
    fn deserialize_by_tag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// Reads `T` from a JSON object holding a `type` key.
pub(crate) fn deserialize<'de, T: ByTag, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(TagVisitor(PhantomData))
}

struct TagVisitor<T>(PhantomData<T>);

impl<'de, T: ByTag> Visitor<'de> for TagVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut before = Vec::new();
        loop {
            match map.next_key_seed(KeySeed)? {
                None => return Err(de::Error::missing_field(TAG)),
                Some(Key::Tag) => return T::deserialize_by_tag(Rest { before, map }),
                Some(Key::Other(key)) => {
                    // Strict: `Value` alone would keep the last of two repeated keys silently.
                    let StrictValue::<true>(value) = map.next_value()?;
                    before.push((key, value));
                }
            }
        }
    }
}

enum Key {
    Tag,
    Other(String),
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(if key == TAG { Key::Tag } else { Key::Other(key.to_owned()) })
    }
}

/// The union's object after its tag's key: the tag's value comes next from `map`, then the
/// fields buffered before the tag, then the rest of `map`.
struct Rest<A> {
    before: Vec<(String, serde_json::Value)>,
    map: A,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Rest<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, A::Error> {
        // Only the mirror's derived enum visitor reads a `Rest`, and it asks for an enum.
        Err(de::Error::custom("a tagged union is read as an enum"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for Rest<A> {
    type Error = A::Error;
    type Variant = Fields<A>;

    fn variant_seed<S: DeserializeSeed<'de>>(mut self, seed: S) -> Result<(S::Value, Fields<A>), A::Error> {
        // Read from the parser as the `type` field's value, so a bad tag is reported there.
        let variant = self.map.next_value_seed(seed)?;
        Ok((variant, Fields { before: self.before.into_iter(), pending: None, map: self.map }))
    }
}

/// A variant's fields: those buffered before the tag, then the rest of the object.
struct Fields<A> {
    before: std::vec::IntoIter<(String, serde_json::Value)>,
    pending: Option<(String, serde_json::Value)>,
    map: A,
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Fields<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::StructVariant, &"a variant without fields"))
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, _seed: S) -> Result<S::Value, A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::StructVariant, &"a newtype variant"))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::StructVariant, &"a tuple variant"))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Fields<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        match self.before.next() {
            Some((key, value)) => {
                let read = seed.deserialize(key.as_str().into_deserializer()).map(Some);
                self.pending = Some((key, value));
                read
            }
            // A second `type` is a repeated field, not an unknown one.
            None => self.map.next_key_seed(NotTheTag(seed)),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let Some((key, value)) = self.pending.take() else { return self.map.next_value_seed(seed) };
        let mut track = serde_path_to_error::Track::new();
        seed.deserialize(serde_path_to_error::Deserializer::new(value, &mut track)).map_err(|e| {
            let mut path = String::new();
            crate::pointer::push_token(&mut path, &key);
            path.push_str(&crate::pointer::render(&track.path()));
            de::Error::custom(crate::pointer::nest(path, e))
        })
    }
}

/// A field-name seed that refuses the tag's key: the tag was read already.
struct NotTheTag<K>(K);

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for NotTheTag<K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for NotTheTag<K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<K::Value, E> {
        if key == TAG {
            return Err(de::Error::duplicate_field(TAG));
        }
        self.0.deserialize(key.into_deserializer())
    }
}

/// Implements `Serialize` (the union's own derive, internally tagged), `Deserialize` (through
/// [`deserialize`]) and [`ByTag`] (through the mirror `$by_tag`) for `$ty`.
macro_rules! tagged_union {
    ($ty:ty, $by_tag:ty, $expecting:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::tagged::deserialize(deserializer)
            }
        }

        impl $crate::tagged::ByTag for $ty {
            const EXPECTING: &'static str = $expecting;

            fn deserialize_by_tag<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$by_tag>::deserialize(deserializer)
            }
        }
    };
}

pub(crate) use tagged_union;
