//! The version of the JSON contract a document is written in.

use std::fmt;

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `"MAJOR.MINOR"`. A new minor version only adds optional fields and enum values; a new
/// major version may break documents. This crate reads documents of its major version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchemaVersion {
    major: u32,
    minor: u32,
}

impl SchemaVersion {
    /// The version this crate writes.
    pub const CURRENT: SchemaVersion = SchemaVersion { major: 1, minor: 2 };

    /// The major version.
    pub const fn major(&self) -> u32 {
        self.major
    }

    /// The minor version.
    pub const fn minor(&self) -> u32 {
        self.minor
    }

    /// Parses `"MAJOR.MINOR"` of a version this crate reads: the major version of
    /// [`SchemaVersion::CURRENT`], any minor of at most nine digits (no leading zeros), as the
    /// schema's pattern says.
    pub fn parse(text: &str) -> Result<Self, SchemaVersionError> {
        match Self::parse_any(text) {
            Some(v) if v.major == Self::CURRENT.major => Ok(v),
            Some(_) => Err(SchemaVersionError { text: text.to_owned(), unsupported: true }),
            None => Err(SchemaVersionError { text: text.to_owned(), unsupported: false }),
        }
    }

    /// The major version `text` declares, when it is shaped `MAJOR.MINOR`, whatever the major.
    pub fn major_of(text: &str) -> Option<u32> {
        Self::parse_any(text).map(|v| v.major)
    }

    /// `MAJOR.MINOR`, each at most nine digits (so it fits in u32 and the schema's pattern) and
    /// without leading zeros.
    fn parse_any(text: &str) -> Option<Self> {
        let (major, minor) = text.split_once('.')?;
        let number = |s: &str| -> Option<u32> {
            let canonical = (1..=9).contains(&s.len())
                && s.bytes().all(|b| b.is_ascii_digit())
                && (s == "0" || !s.starts_with('0'));
            canonical.then(|| s.parse().ok()).flatten()
        };
        Some(Self { major: number(major)?, minor: number(minor)? })
    }
}

/// A `schema_version` this crate does not read: malformed, or of another major version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct SchemaVersionError {
    text: String,
    unsupported: bool,
}

impl SchemaVersionError {
    /// Whether the text is a well-formed version of another major version (rather than malformed).
    pub fn is_unsupported(&self) -> bool {
        self.unsupported
    }

    fn describe(&self) -> String {
        if self.unsupported {
            format!(
                "unsupported schema_version '{}': this crate reads {}.x documents",
                self.text,
                SchemaVersion::CURRENT.major
            )
        } else {
            format!("invalid schema_version '{}': expected MAJOR.MINOR such as \"1.0\"", self.text)
        }
    }
}

impl std::str::FromStr for SchemaVersion {
    type Err = SchemaVersionError;
    fn from_str(text: &str) -> Result<Self, SchemaVersionError> {
        Self::parse(text)
    }
}

impl Default for SchemaVersion {
    fn default() -> Self {
        Self::CURRENT
    }
}

impl fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = SchemaVersion;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a schema version string such as \"1.0\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<SchemaVersion, E> {
                SchemaVersion::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for SchemaVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "The version of this contract the document is written in, MAJOR.MINOR. This schema describes major version 1.",
            "pattern": "^1\\.(?:0|[1-9][0-9]{0,8})$",
            "examples": ["1.2"]
        })
    }
}
