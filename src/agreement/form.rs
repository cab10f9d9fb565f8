//! The form of an instrument: a treaty, an exchange of notes, a joint communiqué …

use serde::Serialize;

/// The form the instrument takes, as distinct from what it does ([`AgreementKind`]): the
/// same defense pledge can be a treaty or an exchange of notes, and a joint communiqué or a
/// memorandum of understanding is usually no treaty at all (VCLT Art. 2(1)(a) looks at
/// intent, not name; the form is what the record shows).
///
/// [`AgreementKind`]: super::AgreementKind
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InstrumentForm {
    /// A treaty so called (a treaty of alliance, of friendship, of mutual defense).
    Treaty,
    /// A convention.
    Convention,
    /// An agreement so called, one document signed by the parties.
    Agreement,
    /// A protocol to another instrument, or standing alone.
    Protocol,
    /// An exchange of notes (or of letters) between governments, each note one half of the
    /// agreement (the US–Japan 1960 exchange on prior consultation).
    ExchangeOfNotes,
    /// A memorandum of understanding.
    MemorandumOfUnderstanding,
    /// A joint communiqué issued at the end of a meeting.
    JointCommunique,
    /// A joint declaration or joint statement.
    JointDeclaration,
    /// An arrangement (the Five Power Defence Arrangements of 1971).
    Arrangement,
    /// A charter or constitutive act of an organization.
    Charter,
    /// An oral or unwritten understanding.
    Unwritten,
    /// Anything else.
    Other,
}

crate::wire::wire_enum!(InstrumentForm, "instrument form" {
    Treaty = "treaty",
    Convention = "convention",
    Agreement = "agreement",
    Protocol = "protocol",
    ExchangeOfNotes = "exchange_of_notes",
    MemorandumOfUnderstanding = "memorandum_of_understanding",
    JointCommunique = "joint_communique",
    JointDeclaration = "joint_declaration",
    Arrangement = "arrangement",
    Charter = "charter",
    Unwritten = "unwritten",
    Other = "other",
});
