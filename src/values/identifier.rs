//! External identifiers: Wikidata QIDs, COW country codes, ATOP ids, UNTS numbers.

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// An identifier of a record in an outside registry or dataset.
///
/// Local ids link records inside one dossier; these link them to the rest of the world.
/// Well-known schemes (checked by validation where their form is fixed): `wikidata` (`Q30`),
/// `cow` (COW state number, `630`: 2 to 999, no leading zeros), `atop` (ATOP alliance id, `3185`), `cow_alliance`,
/// `dcad`, `unts` (UN Treaty Series registration, `I-54321`), `iso3166` , `url`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Identifier {
    /// The registry: lower-case letters, digits, `_`, `-` or `.`.
    pub scheme: Scheme,
    /// The identifier within that registry.
    pub value: String,
}

impl Identifier {
    /// A new identifier; fails when the scheme name is malformed.
    pub fn new(scheme: &str, value: impl Into<String>) -> Result<Self, SchemeError> {
        Ok(Self { scheme: Scheme::new(scheme)?, value: value.into() })
    }

    /// Whether the value has the form its (well-known) scheme requires.
    pub fn is_well_formed(&self) -> bool {
        let v = self.value.as_str();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match self.scheme.as_str() {
            "wikidata" => v.strip_prefix('Q').is_some_and(|n| digits(n) && !n.starts_with('0')),
            // COW state numbers run from 2 (the United States) to 990 (Samoa), written without
            // leading zeros: `002` and `0` name no state, and a 20-digit number fits no column.
            "cow" => digits(v) && !v.starts_with('0') && v.len() <= 3 && v != "1",
            "atop" | "cow_alliance" | "dcad" => digits(v),
            "unts" => v.split_once('-').is_some_and(|(part, n)| matches!(part, "I" | "II") && digits(n)),
            _ => true,
        }
    }
}

/// The name of an identifier scheme, such as `wikidata` or `cow`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Scheme(String);

impl Scheme {
    /// A scheme name: 1–64 characters of `[a-z0-9_.-]` starting with a letter.
    pub fn new(name: &str) -> Result<Self, SchemeError> {
        let ok = name.len() <= 64
            && name.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'-'));
        if ok { Ok(Self(name.to_owned())) } else { Err(SchemeError(name.to_owned())) }
    }

    /// The scheme name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A string that is not an identifier scheme name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid identifier scheme '{0}': expected lower-case letters, digits, '_', '-' or '.', such as 'wikidata'")]
pub struct SchemeError(String);

impl TryFrom<String> for Scheme {
    type Error = SchemeError;
    fn try_from(name: String) -> Result<Self, SchemeError> {
        Self::new(&name)
    }
}

impl std::fmt::Display for Scheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Scheme {
    type Err = SchemeError;
    fn from_str(name: &str) -> Result<Self, SchemeError> {
        Self::new(name)
    }
}

impl From<Scheme> for String {
    fn from(s: Scheme) -> String {
        s.0
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Scheme {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IdentifierScheme".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An identifier scheme. Well-known: wikidata, cow, atop, cow_alliance, dcad, unts, url.",
            "pattern": "^[a-z][a-z0-9_.-]{0,63}$",
            "examples": ["wikidata", "cow", "atop", "unts"]
        })
    }
}

crate::objects_only::objects_only!(Identifier);
