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

crate::wire::wire_enum!(Severity, "severity" {
    Warning = "warning",
    Error = "error",
});

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $doc:literal;)*) => {
        /// A validation rule, by its stable code: the crate's rules in snake_case
        /// (`dangling_reference`; `docs/validation.md` describes each), a downstream crate's own
        /// rules namespaced (`acme.no_secret_annex`, see [`Code::custom`]).
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = $doc]
                $variant,
            )*
            /// A rule of another crate, by its namespaced code: a tool name, a dot, the rule's
            /// name (`acme.no_secret_annex`). Its issues carry their own severity.
            Custom(CustomCode),
        }

        impl Code {
            /// Every code of the crate's own rules, in the order of `docs/validation.md`.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in reports: `dangling_reference`, `acme.no_secret_annex`.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Code::$variant => $name,)*
                    Code::Custom(c) => c.as_str(),
                }
            }

            /// How serious a breach of this rule is (for a custom rule, which sets the severity
            /// of each issue itself: [`Severity::Error`]).
            pub fn severity(&self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                    Code::Custom(_) => Severity::Error,
                }
            }

            /// What the rule requires, in one sentence (empty for a custom rule).
            pub fn description(&self) -> &'static str {
                match self {
                    $(Code::$variant => $doc,)*
                    Code::Custom(_) => "",
                }
            }

            fn builtin(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(Code::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

impl Code {
    /// A code for a downstream crate's own rule: namespaced like an extension key (lower-case
    /// segments joined by dots, at least two: `acme.no_secret_annex`), so it never collides with
    /// the crate's codes, present or future.
    pub fn custom(code: impl Into<String>) -> Result<Self, CodeError> {
        CustomCode::new(code).map(Code::Custom)
    }

    /// Whether this is a downstream crate's rule.
    pub fn is_custom(&self) -> bool {
        matches!(self, Code::Custom(_))
    }
}

/// The namespaced code of a downstream crate's rule (see [`Code::custom`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomCode(String);

impl CustomCode {
    /// Checks a namespaced code: `acme.no_secret_annex`.
    pub fn new(code: impl Into<String>) -> Result<Self, CodeError> {
        let code = code.into();
        if crate::extensions::is_extension_key(&code) { Ok(Self(code)) } else { Err(CodeError(code)) }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CustomCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A string that is neither a code of the crate nor a namespaced custom code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown rule code '{0}': expected one of the crate's codes (dangling_reference …) or a namespaced custom code such as 'acme.no_secret_annex'"
)]
pub struct CodeError(String);

impl std::str::FromStr for Code {
    type Err = CodeError;
    /// A code of the crate by its name, or a namespaced custom code.
    fn from_str(s: &str) -> Result<Self, CodeError> {
        match Code::builtin(s) {
            Some(code) => Ok(code),
            None => Code::custom(s),
        }
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::values::from_str::deserialize_from_str(deserializer, "a rule code")
    }
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
    AmbiguousActOrder = "ambiguous_act_order", Warning, "An act's dates and its place among the acts cannot both hold: acts listed after it, whose dates may be the same or later, take effect before its first possible day (the replay counts it from that day; docs/lifecycle.md).";
    ActionAfterEnd = "action_after_end", Warning, "A lifecycle act takes effect after the agreement's fixed term ran out with no renewal: it changes nothing.";
    RenewalAfterTermEnd = "renewal_after_term_end", Warning, "An agreement-wide renewal can only have taken effect after the fixed term it would extend had ended, so it revives nothing.";
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
    DisputeMixedRecords = "dispute_mixed_records", Error, "The alternatives of one dispute are records of different kinds (or nested in different agreements), or both marked records and values, so they cannot compete.";
    DisputeFieldIncomplete = "dispute_field_incomplete", Error, "A dispute over a field's value lacks its record, its field or its alternatives.";
    ExternalReferenceIncomplete = "external_reference_incomplete", Error, "A reference to another dossier gives neither a dossier and an id nor an outside identifier (an id alone is ambiguous).";
    ActorNotInExistence = "actor_not_in_existence", Error, "An actor signs or acts on a date after its dissolution or before its founding.";
    AccessedBeforePublished = "accessed_before_published", Error, "A source's accessed date is before its publication date.";
    SelfObligation = "self_obligation", Error, "An obligation's only obligor is also its only beneficiary.";
    SelfSupport = "self_support", Error, "A support relation's supporter is its recipient.";
    SelfRelation = "self_relation", Error, "An agreement amends, supersedes or otherwise relates to itself.";
    RelationCycle = "relation_cycle", Error, "Agreements supersede each other in a cycle.";
    SuccessionCycle = "succession_cycle", Error, "An actor succeeds itself, directly or through a cycle of succession links (England continues England).";
    SelfCooperation = "self_cooperation", Error, "A cooperation's only provider is also its only recipient (a host basing its own forces).";
    CountryCodeMismatch = "country_code_mismatch", Error, "An actor's country code is not the state its COW code names (Iran coded PER).";
    DuplicateStateCode = "duplicate_state_code", Error, "Two state actors that surely exist at the same time share one COW code.";
    NoEntryIntoForce = "no_entry_into_force", Warning, "Entry into force is recorded for some parties only, never for the agreement, so no one is ever bound.";
    WithdrawalByNonParty = "withdrawal_by_non_party", Warning, "An observer, guarantor, depositary or beneficiary withdraws or denounces: it was never bound; its role's `until` records the end.";
    EmptyList = "empty_list", Error, "A list that needs at least one element is empty (troop presence forces, support types).";
    MissingCitation = "missing_citation", Warning, "A fact-bearing record cites no source (nested facts inherit their agreement's citations).";
    UnusedSource = "unused_source", Warning, "A source is never cited.";
    UnreferencedActor = "unreferenced_actor", Warning, "An actor is referred to by no other record.";
    CountryCodeOutOfPeriod = "country_code_out_of_period", Warning, "An actor signs or acts under a country code ISO 3166 had withdrawn by then (SUN after 1992).";
    FactAfterSources = "fact_after_sources", Warning, "A fact is dated after the publication of every source cited for it.";
    PresenceInOwnCountry = "presence_in_own_country", Warning, "A troop presence's forces belong to the host country itself.";
    KindContradictsObligations = "kind_contradicts_obligations", Warning, "An agreement's kind contradicts its obligations (a defense_pact without a defense pledge; a non_aggression pact with one).";
    SignatoryAccedes = "signatory_accedes", Warning, "A party that signed the agreement also accedes to it.";
    DuplicateSource = "duplicate_source", Warning, "Two sources share a URL, or a title, publisher and date.";
    ActDateNotStated = "act_date_not_stated", Warning, "A lifecycle act is dated only by a latest date (`../2025-09-17`): the source tells of it without saying when.";
    SignatureActMissing = "signature_act_missing", Warning, "An agreement lists signatures but no signature act, so its status reads negotiated: record the act, dated `../PUBLISHED` when the source gives no date.";
    DisputeTooFewAlternatives = "dispute_too_few_alternatives", Warning, "A dispute has fewer than two alternatives (records marked with it, or values), so it relates nothing.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
