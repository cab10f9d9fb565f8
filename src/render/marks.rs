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
/// agreement (`counted`, the same acts less those set aside, in the same order; a party's
/// consent set aside stays there, still marked) holds it.
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
                    // A party's consent set aside stays in the resolved list, still marked
                    // (`Dossier::resolve`): the same act, not counted.
                    let (same, counted) = match kept.get(j) {
                        Some(k) if k.dispute.is_some() => (*k == *action, false),
                        k => {
                            let same = k.is_some_and(|k| {
                                let mut mine = action.clone();
                                mine.dispute = None;
                                *k == mine || kept.len().saturating_sub(j) == total - i
                            });
                            (same, same)
                        }
                    };
                    if same {
                        j += 1;
                    }
                    Some(Disputed { dispute: id.to_string(), question: question(id.as_str()), counted, field: None })
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
