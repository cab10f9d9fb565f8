//! Tool-specific data, kept apart from the model under namespaced keys.

use std::collections::BTreeMap;
use std::fmt;

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

use crate::strict_value::StrictValue;

/// The JSON Schema pattern of an extension key.
#[cfg(feature = "schema")]
pub(crate) const EXTENSION_KEY_PATTERN: &str = "^[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)+$";

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
pub(crate) fn is_extension_key(key: &str) -> bool {
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
                    let StrictValue::<false>(value) = map.next_value()?;
                    if out.insert(key.clone(), value).is_some() {
                        // serde's own words for a repeated field, so that it is reported like one:
                        // `duplicate_field` at the key.
                        return Err(serde::de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                }
                Ok(Extensions(out))
            }
        }
        deserializer.deserialize_map(Visitor)
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
