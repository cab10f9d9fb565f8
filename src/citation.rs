//! Citations: which source says a fact, where, and how credibly.

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::ids::SourceId;

/// A pointer from a fact to the [`Source`](crate::Source) that reports it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Citation {
    /// The source, by id.
    pub source: SourceId,
    /// Where in the source: "para. 3", "Art. 5", "p. 12".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// The words of the source that support the fact, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// How credible this source's claim is, on the Admiralty scale (1 confirmed … 6 cannot be judged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
}

impl Citation {
    /// A bare citation of a source.
    pub fn new(source: SourceId) -> Self {
        Self { source, locator: None, quote: None, credibility: None }
    }

    /// A bare citation of a source (the same as [`Citation::new`]).
    pub fn of(source: SourceId) -> Self {
        Self::new(source)
    }

    /// The same citation with the supporting words.
    pub fn quoting(mut self, quote: impl Into<String>) -> Self {
        self.quote = Some(quote.into());
        self
    }

    /// The same citation with a locator.
    pub fn at(mut self, locator: impl Into<String>) -> Self {
        self.locator = Some(locator.into());
        self
    }
}

/// Information credibility on the Admiralty (NATO AJP-2.1) scale: 1 (confirmed by other
/// sources) to 6 (truth cannot be judged). Serialized as the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Credibility(u8);

impl Credibility {
    /// A grade from 1 to 6.
    pub fn new(grade: u8) -> Result<Self, CredibilityError> {
        if (1..=6).contains(&grade) { Ok(Self(grade)) } else { Err(CredibilityError(Some(grade))) }
    }

    /// The grade, 1 to 6.
    pub fn grade(&self) -> u8 {
        self.0
    }
}

/// A credibility grade outside 1..=6, or text that is not a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", match .0 {
    Some(grade) => format!("credibility {grade} is outside 1..=6"),
    None => "credibility is a grade from 1 to 6, written as one digit".to_owned(),
})]
pub struct CredibilityError(Option<u8>);

impl TryFrom<u8> for Credibility {
    type Error = CredibilityError;
    fn try_from(grade: u8) -> Result<Self, CredibilityError> {
        Self::new(grade)
    }
}

impl std::fmt::Display for Credibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Credibility {
    type Err = CredibilityError;
    /// The grade as a digit, `1` to `6`.
    fn from_str(s: &str) -> Result<Self, CredibilityError> {
        match s.as_bytes() {
            [digit @ b'0'..=b'9'] => Self::new(digit - b'0'),
            _ => Err(CredibilityError(None)),
        }
    }
}

impl From<Credibility> for u8 {
    fn from(c: Credibility) -> u8 {
        c.0
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Credibility {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Credibility".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "description": "Admiralty information credibility: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged.",
            "minimum": 1,
            "maximum": 6
        })
    }
}

crate::with::with!(Citation {
    with_locator: locator opt String;
    with_quote: quote opt String;
    with_credibility: credibility opt Credibility;
});

crate::objects_only::objects_only!(Citation);
