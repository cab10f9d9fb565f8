//! How long an agreement lasts and how a party may leave it.

use std::num::NonZeroU32;

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::ClauseId;

/// The term of an agreement. Tagged by `type`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub enum Duration {
    /// No end date.
    #[non_exhaustive]
    Indefinite {
        /// How a party may leave, when the text says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        withdrawal: Option<WithdrawalTerms>,
    },
    /// A term of years, possibly renewed.
    #[non_exhaustive]
    FixedTerm {
        /// The term in years, at least one.
        years: NonZeroU32,
        /// What happens when the term ends.
        renewal: Renewal,
        /// The length in years of each renewed period, when it differs from the first term
        /// (the Sino-Soviet treaty of 1950: 30 years, then successive five-year periods).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        renewal_years: Option<NonZeroU32>,
        /// How a party may leave, when the text says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        withdrawal: Option<WithdrawalTerms>,
    },
    /// Until something happens (a peace settlement, a successor agreement).
    #[non_exhaustive]
    UntilEvent {
        /// The event, in words.
        event: String,
        /// How a party may leave, when the text says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        withdrawal: Option<WithdrawalTerms>,
    },
}

impl Duration {
    /// No end date, withdrawal terms unknown.
    pub fn indefinite() -> Self {
        Self::Indefinite { withdrawal: None }
    }

    /// A term of `years`, with what happens at its end.
    pub fn fixed_term(years: NonZeroU32, renewal: Renewal) -> Self {
        Self::FixedTerm { years, renewal, renewal_years: None, withdrawal: None }
    }

    /// Until `event` happens.
    pub fn until_event(event: impl Into<String>) -> Self {
        Self::UntilEvent { event: event.into(), withdrawal: None }
    }

    /// The same term with withdrawal terms.
    #[must_use]
    pub fn with_withdrawal(mut self, terms: WithdrawalTerms) -> Self {
        match &mut self {
            Self::Indefinite { withdrawal }
            | Self::FixedTerm { withdrawal, .. }
            | Self::UntilEvent { withdrawal, .. } => *withdrawal = Some(terms),
        }
        self
    }

    /// The same fixed term, each renewed period lasting `years`. Only a fixed term is renewed:
    /// any other term is returned as it is.
    #[must_use]
    pub fn with_renewal_years(mut self, years: NonZeroU32) -> Self {
        if let Self::FixedTerm { renewal_years, .. } = &mut self {
            *renewal_years = Some(years);
        }
        self
    }

    /// The withdrawal terms, whatever the term.
    pub fn withdrawal(&self) -> Option<&WithdrawalTerms> {
        match self {
            Self::Indefinite { withdrawal }
            | Self::FixedTerm { withdrawal, .. }
            | Self::UntilEvent { withdrawal, .. } => withdrawal.as_ref(),
        }
    }

    /// The withdrawal terms, writable, whatever the kind of duration.
    pub fn withdrawal_mut(&mut self) -> Option<&mut WithdrawalTerms> {
        match self {
            Self::Indefinite { withdrawal }
            | Self::FixedTerm { withdrawal, .. }
            | Self::UntilEvent { withdrawal, .. } => withdrawal.as_mut(),
        }
    }
}

/// What happens at the end of a fixed term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Renewal {
    /// It ends.
    None,
    /// It renews for a further period unless a party gives notice (its denunciation).
    Automatic,
    /// It renews if the parties agree: each `renewal` act extends it by one period.
    ByAgreement,
}

crate::wire::wire_enum!(Renewal, "renewal" {
    None = "none",
    Automatic = "automatic",
    ByAgreement = "by_agreement",
});

/// The terms on which a party may withdraw or denounce (ATOP RENOUNCE).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct WithdrawalTerms {
    /// Notice required, in months: 12 for "one year after notice".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_months: Option<u32>,
    /// Years in force before notice may be given: 20 for NATO Art. 13, 10 for US–Japan Art. X.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before_years: Option<u32>,
    /// The clause that says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseId>,
    /// The terms in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Sources for the terms (the agreement's, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl WithdrawalTerms {
    /// Terms with nothing said yet (every field is optional).
    pub fn new() -> Self {
        Self::default()
    }
}

crate::with::with!(WithdrawalTerms {
    with_notice_months: notice_months opt u32;
    with_not_before_years: not_before_years opt u32;
    with_clause: clause opt ClauseId;
    with_text: text opt String;
    with_citations: citations list Citation;
});

/// [`Duration`]'s reader (see [`crate::tagged`]): the same variants and fields, externally tagged.
#[derive(Deserialize)]
#[serde(remote = "Duration", rename_all = "snake_case", deny_unknown_fields)]
enum DurationByTag {
    Indefinite {
        #[serde(default)]
        withdrawal: Option<WithdrawalTerms>,
    },
    FixedTerm {
        years: NonZeroU32,
        renewal: Renewal,
        #[serde(default)]
        renewal_years: Option<NonZeroU32>,
        #[serde(default)]
        withdrawal: Option<WithdrawalTerms>,
    },
    UntilEvent {
        event: String,
        #[serde(default)]
        withdrawal: Option<WithdrawalTerms>,
    },
}

crate::tagged::tagged_union!(Duration, DurationByTag, "a duration object with a `type`");
crate::objects_only::objects_only!(WithdrawalTerms);
