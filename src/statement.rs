//! Statements: what officials said, quoted or paraphrased, and about what.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::{ActorId, DisputeId, PersonId, StatementId};
use crate::reference::RecordRef;
use crate::values::{EdtfDate, LanguageCode, Place};

/// Something said by people or on behalf of actors, as a source reports it.
///
/// A joint statement has several speakers or none (`on_behalf_of` then says whose it is);
/// at least one of `speakers` and `on_behalf_of` is required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Statement {
    /// Local id.
    pub id: StatementId,
    /// Who spoke.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<PersonId>,
    /// For whom.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on_behalf_of: Vec<ActorId>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EdtfDate>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The words, or their gist.
    pub text: String,
    /// Whether `text` is a verbatim quotation or a paraphrase.
    pub mode: StatementMode,
    /// The language of `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageCode>,
    /// What the statement is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<RecordRef>,
    /// Sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this statement is one alternative of: reports that disagree on who said it,
    /// or when, give statements sharing a dispute, at most one of them true (see
    /// [`Dispute`](crate::Dispute)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Statement {
    /// A statement with its text and nothing else.
    pub fn new(id: StatementId, text: impl Into<String>, mode: StatementMode) -> Self {
        Self {
            id,
            speakers: Vec::new(),
            on_behalf_of: Vec::new(),
            date: None,
            place: None,
            text: text.into(),
            mode,
            language: None,
            about: Vec::new(),
            citations: Vec::new(),
            dispute: None,
            extensions: Extensions::new(),
        }
    }
}

/// How a statement's text relates to what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatementMode {
    /// The speaker's words, verbatim (as the source prints them).
    DirectQuote,
    /// The source's rendering of what was said.
    Paraphrase,
}

crate::wire::wire_enum!(StatementMode, "statement mode" {
    DirectQuote = "direct_quote",
    Paraphrase = "paraphrase",
});

use crate::validate::{Checker, Code, Path};

impl Statement {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        if self.speakers.is_empty() && self.on_behalf_of.is_empty() {
            c.issue(path, Code::StatementWithoutSpeaker, "a statement needs speakers or on_behalf_of");
        }
        c.opt_date(&path.key("date"), self.date.as_ref());
        c.place(&path.key("place"), self.place.as_ref());
        c.text(&path.key("text"), &self.text);
        c.language(&path.key("language"), self.language.as_ref());
        c.citations(path, &self.citations, true);
    }
}

crate::with::with!(Statement {
    with_speakers: speakers list PersonId;
    with_on_behalf_of: on_behalf_of list ActorId;
    with_date: date opt EdtfDate;
    with_place: place opt Place;
    with_language: language opt LanguageCode;
    with_about: about list RecordRef;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
    with_extensions: extensions val Extensions;
});

crate::objects_only::objects_only!(Statement);
