//! Sources: the reports, texts and datasets facts come from.

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

use crate::extensions::Extensions;
use crate::ids::SourceId;
use crate::values::{EdtfDate, Identifier, LanguageCode};

/// A document that reports facts: a news report, a treaty text, a dataset, a book.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Source {
    /// Local id.
    pub id: SourceId,
    /// The title (a headline, a treaty's name, a dataset's name).
    pub title: String,
    /// What kind of document it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// Who published it: "Associated Press", "NATO".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Where it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<EdtfDate>,
    /// When it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<EdtfDate>,
    /// The language it is written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageCode>,
    /// How reliable the source is, on the Admiralty scale (A completely reliable … F cannot be judged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// Outside identifiers (DOI, UNTS number …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Source {
    /// A source with a title and nothing else.
    pub fn new(id: SourceId, title: impl Into<String>) -> Self {
        Self {
            id,
            title: title.into(),
            kind: None,
            publisher: None,
            authors: Vec::new(),
            url: None,
            published: None,
            accessed: None,
            language: None,
            reliability: None,
            identifiers: Vec::new(),
            extensions: Extensions::new(),
        }
    }
}

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// A news report.
    NewsReport,
    /// The text of an agreement (official or published).
    TreatyText,
    /// A government's or organization's own statement or press release.
    OfficialStatement,
    /// A research dataset (ATOP, COW, DCAD …).
    Dataset,
    /// A book or article of scholarship.
    Scholarly,
    /// A reference work (encyclopedia, registry).
    Reference,
    /// Anything else.
    Other,
}

crate::wire::wire_enum!(SourceKind, "source kind" {
    NewsReport = "news_report",
    TreatyText = "treaty_text",
    OfficialStatement = "official_statement",
    Dataset = "dataset",
    Scholarly = "scholarly",
    Reference = "reference",
    Other = "other",
});

/// Source reliability on the Admiralty (NATO AJP-2.1) scale. Serialized as the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

crate::wire::wire_enum!(Reliability, "reliability" {
    A = "A",
    B = "B",
    C = "C",
    D = "D",
    E = "E",
    F = "F",
});

/// An absolute `http` or `https` address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Url(String);

impl Url {
    /// Checks and wraps an address: `http://` or `https://` followed by at least one character
    /// and no spaces or control characters.
    pub fn new(url: impl Into<String>) -> Result<Self, UrlError> {
        let url = url.into();
        let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
        match rest {
            Some(rest) if !rest.is_empty() && rest.chars().all(|c| c > ' ' && c != '\u{7f}') => Ok(Self(url)),
            _ => Err(UrlError(url)),
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Url {
    type Err = UrlError;
    fn from_str(s: &str) -> Result<Self, UrlError> {
        Self::new(s)
    }
}

/// A string that is not an http(s) address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid URL '{0}': expected an absolute http:// or https:// address without spaces")]
pub struct UrlError(String);

impl<'de> Deserialize<'de> for Url {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::values::from_str::deserialize_from_str(deserializer, "an http(s) URL")
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Url {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Url".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An absolute http:// or https:// address with no spaces or control characters.",
            "pattern": "^https?://[^\\u0000-\\u0020\\u007F]+$"
        })
    }
}

use crate::validate::{Checker, Path};

impl Source {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        c.text(&path.key("title"), &self.title);
        c.opt_text(&path.key("publisher"), self.publisher.as_ref());
        c.texts(&path.key("authors"), &self.authors);
        c.opt_date(&path.key("published"), self.published.as_ref());
        c.opt_date(&path.key("accessed"), self.accessed.as_ref());
        c.language(&path.key("language"), self.language.as_ref());
        c.identifiers(&path.key("identifiers"), &self.identifiers);
    }
}

crate::with::with!(Source {
    with_kind: kind opt SourceKind;
    with_publisher: publisher opt String;
    with_authors: authors list String;
    with_url: url opt Url;
    with_published: published opt EdtfDate;
    with_accessed: accessed opt EdtfDate;
    with_language: language opt LanguageCode;
    with_reliability: reliability opt Reliability;
    with_identifiers: identifiers list Identifier;
    with_extensions: extensions val Extensions;
});

crate::objects_only::objects_only!(Source);
