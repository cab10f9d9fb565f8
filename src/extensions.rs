//! Tool-specific data, kept apart from the model under namespaced keys.

use std::collections::BTreeMap;
use std::fmt;

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

/// The JSON Schema pattern of an extension key.
#[cfg(feature = "schema")]
pub const EXTENSION_KEY_PATTERN: &str = "^[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)+$";

/// Data a tool attaches to a record, keyed by a namespaced name such as `"acme.score"`.
///
/// The namespace (the part before the first dot) names the tool, so two tools never collide.
/// Values are any JSON and are carried through parsing and writing unchanged.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Extensions(BTreeMap<String, serde_json::Value>);

impl Extensions {
    /// No extensions.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether there are none (then the field is left out of the JSON).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&serde_json::Value> {
        self.0.get(key)
    }

    /// The deepest nesting of arrays and objects an extension value may have when set through
    /// [`Extensions::insert`]: a record's extension value nested deeper than 123 levels makes a
    /// document the parser refuses (its recursion limit), and 100 leaves room for records nested
    /// deeper in a later version.
    pub const MAX_DEPTH: usize = 100;

    /// Sets `key`; fails when the key is not namespaced (`tool.name`) or the value nests arrays
    /// and objects deeper than [`Extensions::MAX_DEPTH`].
    pub fn insert(
        &mut self,
        key: impl Into<String>,
        value: serde_json::Value,
    ) -> Result<Option<serde_json::Value>, ExtensionError> {
        let key = key.into();
        if !is_extension_key(&key) {
            return Err(ExtensionError::Key(ExtensionKeyError(key)));
        }
        let depth = nesting(&value);
        if depth > Self::MAX_DEPTH {
            return Err(ExtensionError::TooDeep { key, depth });
        }
        Ok(self.0.insert(key, value))
    }

    /// Sets `key` and returns the extensions, for chaining.
    pub fn with(mut self, key: impl Into<String>, value: serde_json::Value) -> Result<Self, ExtensionError> {
        self.insert(key, value)?;
        Ok(self)
    }

    /// Every entry, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &serde_json::Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// How deeply `value` nests arrays and objects (a scalar: 0, `[]`: 1), without recursion.
fn nesting(value: &serde_json::Value) -> usize {
    use serde_json::Value;
    let mut deepest = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((v, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(map) => Box::new(map.values()),
            _ => continue,
        };
        deepest = deepest.max(depth + 1);
        stack.extend(children.map(|c| (c, depth + 1)));
    }
    deepest
}

/// Whether `key` is a namespaced extension key: dot-separated lower-case segments, at least two.
pub fn is_extension_key(key: &str) -> bool {
    let mut segments = 0;
    for segment in key.split('.') {
        let b = segment.as_bytes();
        let ok = b.first().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-'));
        if !ok {
            return false;
        }
        segments += 1;
    }
    segments >= 2
}

/// A key that is not namespaced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid extension key '{0}': expected a namespaced key such as 'acme.score' (lower-case segments joined by dots)"
)]
pub struct ExtensionKeyError(String);

/// An extension [`Extensions::insert`] refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExtensionError {
    /// The key is not namespaced.
    #[error(transparent)]
    Key(#[from] ExtensionKeyError),
    /// The value nests arrays and objects deeper than [`Extensions::MAX_DEPTH`].
    #[error(
        "extension '{key}' nests {depth} levels of arrays and objects; at most {} are allowed",
        Extensions::MAX_DEPTH
    )]
    TooDeep {
        /// The key.
        key: String,
        /// How deep the value nests.
        depth: usize,
    },
}

impl<'de> Deserialize<'de> for Extensions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Extensions;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of namespaced extension keys")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Extensions, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !is_extension_key(&key) {
                        return Err(serde::de::Error::custom(ExtensionKeyError(key)));
                    }
                    let StrictValue(value) = map.next_value()?;
                    if out.insert(key.clone(), value).is_some() {
                        return Err(serde::de::Error::custom(format_args!("duplicate extension key '{key}'")));
                    }
                }
                Ok(Extensions(out))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// The key under which serde_json, with `arbitrary_precision`, passes a number as a map.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Whether serde_json keeps numbers as their text (its `arbitrary_precision` feature, which
/// another crate of the build may turn on): then `1.50` stays `1.50`.
fn arbitrary_precision() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| "1.50".parse::<serde_json::Number>().is_ok_and(|n| n.to_string() == "1.50"))
}

/// A JSON value read like `serde_json::Value`, except that a key given twice in one object is an
/// error: `Value`'s map keeps the last silently, which would lose data without a word.
struct StrictValue(serde_json::Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde_json::{Map, Number, Value};
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(v.into())
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(v.into())
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
                // JSON text has no NaN or infinity (1e400 is already an error), so this always succeeds.
                Number::from_f64(v)
                    .map(Value::Number)
                    .ok_or_else(|| E::custom(format_args!("{v} is not a JSON number")))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::String(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::String(v))
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
                StrictValue::deserialize(d).map(|v| v.0)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(StrictValue(v)) = seq.next_element()? {
                    items.push(v);
                }
                Ok(Value::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut out = Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    // With serde_json's `arbitrary_precision` on (in any crate of the build), the
                    // parser hands a number over as a one-entry map under a private key.
                    if out.is_empty() && key == NUMBER_TOKEN && arbitrary_precision() {
                        let text: String = map.next_value()?;
                        return text.parse::<Number>().map(Value::Number).map_err(serde::de::Error::custom);
                    }
                    if out.contains_key(&key) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate key '{key}' in an extension value"
                        )));
                    }
                    let StrictValue(value) = map.next_value()?;
                    out.insert(key, value);
                }
                Ok(Value::Object(out))
            }
        }
        deserializer.deserialize_any(Visitor).map(StrictValue)
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Extensions {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Extensions".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "Tool-specific data under namespaced keys ('acme.score'); values are any JSON and are preserved.",
            "propertyNames": { "pattern": EXTENSION_KEY_PATTERN }
        })
    }
}
