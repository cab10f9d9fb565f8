//! The colours and words of the pictures, in one place: the timeline's bars and the report's
//! legend say the same. Every text colour is at least 7:1 against the white page (WCAG AAA);
//! the bars carry no text.

use crate::AgreementStatus;
use crate::agreement::PartyStatus;

/// The page's text colour.
pub(crate) const INK: &str = "#1a202c";
/// Secondary text (axis labels, notes): 7.6:1 on white.
pub(crate) const MUTED: &str = "#3f4756";
/// Disputed facts: a dark red, 8.2:1 on white.
pub(crate) const DISPUTED: &str = "#9b1c1c";
/// Directed suspensions.
pub(crate) const DIRECTED: &str = "#b7410e";
/// Lane separators and the axis.
pub(crate) const RULE: &str = "#cbd2dc";

/// The fill of a party's bar, and its name in the legend.
pub(crate) fn party(status: PartyStatus) -> (&'static str, &'static str) {
    match status {
        PartyStatus::Bound => ("#2b6cb0", "bound"),
        PartyStatus::ProvisionallyApplying => ("#90c2ec", "provisionally applying"),
        PartyStatus::Suspended => ("#e0a526", "suspended"),
        PartyStatus::Withdrawn => ("#c3c9d3", "withdrawn"),
        _ => ("#ffffff", "not bound"),
    }
}

/// The fill of the agreement's own bar, and its name.
pub(crate) fn agreement(status: AgreementStatus) -> (&'static str, &'static str) {
    match status {
        AgreementStatus::InForce => ("#2f855a", "in force"),
        AgreementStatus::ProvisionallyApplied => ("#9ae6b4", "provisionally applied"),
        AgreementStatus::Suspended => ("#e0a526", "suspended"),
        AgreementStatus::Signed => ("#d6dde6", "signed, not in force"),
        AgreementStatus::Terminated => ("#ffffff", "terminated"),
        _ => ("#ffffff", "negotiated"),
    }
}

/// The party states the legend lists, in order.
pub(crate) const PARTY_STATES: [PartyStatus; 4] =
    [PartyStatus::Bound, PartyStatus::ProvisionallyApplying, PartyStatus::Suspended, PartyStatus::Withdrawn];
