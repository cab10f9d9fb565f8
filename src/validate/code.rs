//! The stable machine codes of validation problems.

use std::fmt;

use serde::Serialize;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a look; the document is still valid.
    Warning,
    /// The document breaks a rule of the model.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $doc:literal;)*) => {
        /// A validation rule, by its stable snake_case code. `docs/validation.md` describes each.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = $doc]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in the order of `docs/validation.md`.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in reports: `dangling_reference`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// How serious a breach of this rule is.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// What the rule requires, in one sentence.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $doc,)* }
            }
        }
    };
}

codes! {
    DuplicateId = "duplicate_id", Error, "Two records of the same kind share an id (clauses: within one agreement).";
    DanglingReference = "dangling_reference", Error, "A reference names no record of the kind it points to.";
    TooFewParties = "too_few_parties", Error, "An agreement has fewer than two actors in its parties.";
    DuplicateParty = "duplicate_party", Error, "An actor is listed twice in one agreement's parties.";
    NotAParty = "not_a_party", Error, "An obligor, beneficiary, provider, recipient, signing party or acting party is not among the agreement's parties.";
    SignerWithoutStanding = "signer_without_standing", Error, "A signer holds no post in the party they sign for (or in one of its organs) at the signature date, and the signature gives no capacity.";
    MissingParty = "missing_party", Error, "A withdrawal, denunciation, accession or reservation does not name the party acting.";
    LifecycleOutOfOrder = "lifecycle_out_of_order", Error, "A lifecycle act precedes one it must follow (negotiation, then signature, then consent, then entry into force; termination after entry into force; amendments, suspensions, renewals and withdrawals after signature).";
    ActionAfterTermination = "action_after_termination", Error, "A lifecycle act is dated after the agreement's termination (one that is itself in order).";
    ResumptionWithoutSuspension = "resumption_without_suspension", Error, "A resumption ends no suspension of the same scope (the agreement, the party, the party toward a counterpart) that may precede it.";
    WithdrawalBeforeBound = "withdrawal_before_bound", Error, "A withdrawal or denunciation is notified before the party could have been bound (before entry into force, or before its own consent took effect).";
    RepeatedWithdrawal = "repeated_withdrawal", Error, "A party withdraws again without having ratified, acceded or otherwise rejoined since its earlier withdrawal.";
    ActionAfterWithdrawal = "action_after_withdrawal", Error, "A party's suspension, resumption, amendment, renewal or termination comes after its withdrawal took effect and before any re-accession.";
    SignatureDateMismatch = "signature_date_mismatch", Error, "A signature record's date cannot be the date of the signature act (the party's own signature act when it has one, else the agreement's).";
    PartyTermination = "party_termination", Error, "A termination names a party but no counterparts: a party leaves by withdrawal or denunciation.";
    InvalidCounterpart = "invalid_counterpart", Error, "An act names counterparts (`toward`) without a party, names the acting party itself, or is of a type that has none (only suspension, resumption and termination do).";
    EffectiveBeforeNotice = "effective_before_notice", Error, "An act takes effect before the date it was made (a withdrawal effective before its notice).";
    ImpossibleDate = "impossible_date", Error, "A date names a day that does not exist, such as 2020-02-30.";
    DateRangeReversed = "date_range_reversed", Error, "An interval or a start/end pair ends before it starts.";
    EstimateBoundsReversed = "estimate_bounds_reversed", Error, "An estimate's bounds are out of order: low <= best <= high is required.";
    EstimateQualifierMismatch = "estimate_qualifier_mismatch", Error, "An estimate's bounds do not fit its qualifier (at_most needs high and no low, range needs low and high, ...).";
    EmptyText = "empty_text", Error, "A text field that must say something is empty or only white space.";
    UntrimmedText = "untrimmed_text", Error, "A text field starts or ends with white space.";
    ControlCharacter = "control_character", Error, "A text field holds a control character (NUL, ESC, DEL, C1 …); tab and line breaks are allowed.";
    UnknownLanguage = "unknown_language", Error, "A language code is shaped right but ISO 639 does not assign it.";
    InvalidIdentifier = "invalid_identifier", Error, "An outside identifier does not have the form its well-known scheme requires (wikidata: Q42; cow: digits; unts: I-1234).";
    ParentCycle = "parent_cycle", Error, "An actor is, through its chain of parents, its own parent.";
    StatementWithoutSpeaker = "statement_without_speaker", Error, "A statement has neither speakers nor an actor on whose behalf it was made.";
    RelatedTargetMissing = "related_target_missing", Error, "A related-agreement entry names neither an agreement in the dossier nor a title.";
    EmptyList = "empty_list", Error, "A list that needs at least one element is empty (troop presence forces, support types).";
    MissingCitation = "missing_citation", Warning, "A fact-bearing record cites no source (nested facts inherit their agreement's citations).";
    UnusedSource = "unused_source", Warning, "A source is never cited.";
    UnreferencedActor = "unreferenced_actor", Warning, "An actor is referred to by no other record.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
