//! Suspensions by one party toward some others only (VCLT Arts. 58, 60), as strips in time:
//! from the day one takes effect until the matching resumption, the acting party's exit or
//! the agreement's end.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::agreement::ActionType;
use crate::{Action, Agreement};

/// A suspension by one party toward some others only (VCLT Arts. 58, 60), from the day it took
/// effect until the matching resumption, the acting party's exit or the agreement's end.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Directed {
    pub(crate) by: String,
    pub(crate) toward: String,
    pub(crate) mutual: bool,
    pub(crate) from: NaiveDate,
    pub(crate) until: Option<NaiveDate>,
}

/// The directed suspensions of the agreement's counted acts, in order of taking effect.
/// O(n log n) for n acts: each strip is opened once and closed at most once (open strips are
/// kept by pair, and by acting party for the acts that end them all).
pub(crate) fn directed(agreement: &Agreement) -> Vec<Directed> {
    let mut acts: Vec<(NaiveDate, usize, &Action)> = agreement
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.dispute.is_none())
        .filter_map(|(i, a)| agreement.effect_of(i).map(|(day, _)| (day, i, a)))
        .collect();
    acts.sort_by_key(|(day, i, _)| (*day, *i));
    let mut out: Vec<Directed> = Vec::new();
    // The open strips (indexes into `out`) by pair, and the counterparts each party opened
    // strips toward (some may be closed since: looked up in `open`, they are gone).
    let mut open: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut toward_of: HashMap<&str, Vec<&str>> = HashMap::new();
    let close = |out: &mut Vec<Directed>, strips: Option<Vec<usize>>, day: NaiveDate| {
        for i in strips.into_iter().flatten() {
            if let Some(d) = out.get_mut(i) {
                d.until = Some(day);
            }
        }
    };
    for (day, _, a) in &acts {
        let Some(by) = &a.party else {
            if a.kind == ActionType::Termination {
                for (_, strips) in open.drain() {
                    close(&mut out, Some(strips), *day);
                }
                toward_of.clear();
            }
            continue;
        };
        let by = by.as_str();
        let ends_all = matches!(a.kind, ActionType::Withdrawal | ActionType::Denunciation)
            || (matches!(a.kind, ActionType::Resumption | ActionType::Termination) && a.toward.is_empty());
        match a.kind {
            ActionType::Suspension if !a.toward.is_empty() => {
                for t in &a.toward {
                    open.entry((by, t.as_str())).or_default().push(out.len());
                    toward_of.entry(by).or_default().push(t.as_str());
                    out.push(Directed {
                        by: by.to_owned(),
                        toward: t.to_string(),
                        mutual: a.is_mutual(),
                        from: *day,
                        until: None,
                    });
                }
            }
            _ if ends_all => {
                for t in toward_of.remove(by).unwrap_or_default() {
                    close(&mut out, open.remove(&(by, t)), *day);
                }
            }
            ActionType::Resumption => {
                for t in &a.toward {
                    close(&mut out, open.remove(&(by, t.as_str())), *day);
                }
            }
            _ => {}
        }
    }
    out
}
