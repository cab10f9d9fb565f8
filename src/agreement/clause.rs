//! Clauses: articles of an agreement's text.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::ClauseId;
use crate::values::LanguageCode;

/// An article or paragraph of the text, when it is known. Obligations and cooperation point
/// at it by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Clause {
    /// Local id, unique within the agreement.
    pub id: ClauseId,
    /// The article's number as the text gives it: "Art. 5", "Article V".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The text, verbatim, or as much of it as is known (`mode` says which).
    pub text: String,
    /// How `text` renders the article: verbatim, a translation, a paraphrase or a summary.
    /// Absent: not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<TextMode>,
    /// The language of `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageCode>,
    /// Where the text was read (the agreement's sources, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl Clause {
    /// A clause with its text and nothing else.
    pub fn new(id: ClauseId, text: impl Into<String>) -> Self {
        Self { id, number: None, text: text.into(), mode: None, language: None, citations: Vec::new() }
    }
}

/// How a clause's text renders the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TextMode {
    /// The words of an authentic text, as signed.
    Verbatim,
    /// The words of a translation (official or not) of an authentic text; `language` is the
    /// translation's.
    Translation,
    /// The article's content in other words, sentence by sentence.
    Paraphrase,
    /// A shorter account of what the article says.
    Summary,
}

crate::wire::wire_enum!(TextMode, "text mode" {
    Verbatim = "verbatim",
    Translation = "translation",
    Paraphrase = "paraphrase",
    Summary = "summary",
});

crate::with::with!(Clause {
    with_number: number opt String;
    with_mode: mode opt TextMode;
    with_language: language opt LanguageCode;
    with_citations: citations list Citation;
});

crate::objects_only::objects_only!(Clause);
