//! Competing claims: which records each dispute gathers, and whether they can compete.
//!
//! One pass over the dispute marks (`nested::marks`: the one list of what may carry a mark),
//! one counter and one kind of alternative per dispute: linear in the number of marks,
//! whatever their distribution.

use super::{Checker, Code, Path};
use crate::nested;

/// Reports the alternatives of one dispute that cannot compete, the disputes that gather fewer
/// than two, and the disputes over a field that do not say which.
pub(crate) fn finish(c: &mut Checker<'_>) {
    let dossier = c.dossier;
    // Per dispute, by position: how many alternatives, and the kind (and record) of the first.
    let mut slots: Vec<(usize, Option<(&'static str, usize)>)> =
        dossier.disputes.iter().map(|d| (d.alternatives.len(), None)).collect();
    nested::marks(dossier, &mut |record, id, marked| {
        let Some(i) = c.disputes.get(id.as_str()) else { return };
        let Some(slot) = slots.get_mut(i) else { return };
        slot.0 += 1;
        let kind = marked.alternative();
        match slot.1 {
            None => slot.1 = Some(kind),
            Some(first) if first != kind => {
                let (first, this) = (first.0, kind.0);
                let same = if first == this { " of another record" } else { "" };
                c.issue(
                    &record.key("dispute"),
                    Code::DisputeMixedRecords,
                    format!("dispute '{id}' opposes a {first} to this {this}{same}: alternatives must be records of one kind"),
                );
            }
            Some(_) => {}
        }
    });
    let list = Path::ROOT.key("disputes");
    for (i, d) in dossier.disputes.iter().enumerate() {
        let at = list.index(i);
        if d.is_over_field() && (d.record.is_none() || d.field.is_none() || d.alternatives.is_empty()) {
            c.issue(
                &at,
                Code::DisputeFieldIncomplete,
                format!("dispute '{}' is over a field: it needs record, field and alternatives", d.id),
            );
        }
        let (count, kind) = slots.get(i).copied().unwrap_or((0, None));
        if !d.alternatives.is_empty() && kind.is_some() {
            c.issue(
                &at,
                Code::DisputeMixedRecords,
                format!("dispute '{}' has both value alternatives and marked records", d.id),
            );
        }
        if count < 2 {
            c.issue(
                &at,
                Code::DisputeTooFewAlternatives,
                format!("dispute '{}' has {count} alternative(s); it needs two", d.id),
            );
        }
    }
}
