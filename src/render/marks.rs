//! The acts drawn as marks: each recorded act of the agreement, where it stands in time, whose
//! lane it goes on, and whether a source disputes it and the dispute policy counts it.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::agreement::ActionType;
use crate::reference::RecordRef;
use crate::{Action, Agreement, DisputePolicy, Dossier};

/// The shape of a mark, by what the act does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Signature, negotiation: a step toward consent (a diamond).
    Step,
    /// Consent taking effect, entry into force, provisional application (a circle).
    Consent,
    /// A change while bound: suspension, resumption, amendment, renewal, reservation … (a square).
    Change,
    /// Withdrawal, denunciation, termination (a triangle pointing down).
    Exit,
}

impl Shape {
    fn of(kind: ActionType) -> Self {
        match kind {
            ActionType::Negotiation | ActionType::Signature | ActionType::DomesticApproval => Self::Step,
            ActionType::Ratification
            | ActionType::Approval
            | ActionType::Accession
            | ActionType::Succession
            | ActionType::ProvisionalApplication
            | ActionType::EntryIntoForce => Self::Consent,
            ActionType::Withdrawal | ActionType::Denunciation | ActionType::Termination => Self::Exit,
            _ => Self::Change,
        }
    }
}

/// How a source dispute bears on an act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Disputed {
    /// The dispute's id, and its question when it has one.
    pub(crate) dispute: String,
    pub(crate) question: Option<String>,
    /// Whether the policy takes the act as fact (the lanes then follow it).
    pub(crate) counted: bool,
    /// Only one of its fields is disputed (the record is kept, its value may be the wrong one).
    pub(crate) field: Option<String>,
}

/// One act, placed.
#[derive(Debug, Clone)]
pub(crate) struct Mark<'a> {
    pub(crate) action: &'a Action,
    /// The day it surely took effect (the last day its written date may denote); `None` when it
    /// never surely did (an open date): it is listed, not drawn.
    pub(crate) day: Option<NaiveDate>,
    pub(crate) shape: Shape,
    pub(crate) disputed: Option<Disputed>,
}

/// The acts of `agreement` as recorded (before any dispute is resolved), each with its place
/// in time and, for an alternative of a dispute, whether `policy` counts it: the resolved
/// agreement (`counted`, the same acts less those set aside, in the same order) holds it.
/// Linear in the acts and the dossier's disputes.
pub(crate) fn marks<'a>(
    dossier: &'a Dossier,
    agreement: &'a Agreement,
    counted: Option<&Agreement>,
    policy: DisputePolicy,
) -> Vec<Mark<'a>> {
    let kept: &[Action] = counted.map_or(&[], |a| a.actions.as_slice());
    let (mut j, total) = (0usize, agreement.actions.len());
    let questions: HashMap<&str, &str> =
        dossier.disputes.iter().filter_map(|d| Some((d.id.as_str(), d.question.as_deref()?))).collect();
    let question = |id: &str| questions.get(id).map(|q| (*q).to_owned());
    // Disputes over one field of an act: `/actions/N/...` of this agreement.
    let mut field_disputes: HashMap<usize, Disputed> = HashMap::new();
    for d in &dossier.disputes {
        let (Some(RecordRef::Agreement { id }), Some(field)) = (&d.record, &d.field) else { continue };
        if id.as_str() != agreement.id.as_str() {
            continue;
        }
        let Some(rest) = field.strip_prefix("/actions/") else { continue };
        let index = rest.split('/').next().and_then(|n| n.parse::<usize>().ok());
        if let Some(index) = index {
            field_disputes.entry(index).or_insert(Disputed {
                dispute: d.id.to_string(),
                question: d.question.clone(),
                // The record keeps one of the values whatever the policy; the picture
                // shows that value and says it is disputed.
                counted: policy != DisputePolicy::Undisputed,
                field: Some(field.clone()),
            });
        }
    }
    agreement
        .actions
        .iter()
        .enumerate()
        .map(|(i, action)| {
            let disputed = match &action.dispute {
                Some(id) => {
                    // The resolved list keeps the order and drops only set-aside alternatives:
                    // this act was kept when the next kept act is it (less its mark), or when
                    // as many acts remain on both sides.
                    let same = kept.get(j).is_some_and(|k| {
                        let mut mine = action.clone();
                        mine.dispute = None;
                        *k == mine || kept.len().saturating_sub(j) == total - i
                    });
                    if same {
                        j += 1;
                    }
                    Some(Disputed {
                        dispute: id.to_string(),
                        question: question(id.as_str()),
                        counted: same,
                        field: None,
                    })
                }
                None => {
                    j += 1;
                    field_disputes.get(&i).cloned()
                }
            };
            Mark { action, day: agreement.effect_of(i).map(|(day, _)| day), shape: Shape::of(action.kind), disputed }
        })
        .collect()
}

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
