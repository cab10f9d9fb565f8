//! States that end and continue: the typed relation between an actor and the one whose
//! legal identity it carries on (the United Kingdom continues Great Britain, which continued
//! England; the Russian Federation continues the USSR), succeeds, or dissolved into.
//! docs/lifecycle.md ("States that end and continue") gives the rules the views follow.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::citation::Citation;
use crate::ids::ActorId;
use crate::values::EdtfDate;

/// How this actor relates to another over time: one entry of an actor's `succession` list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Succession {
    /// The relation.
    #[serde(rename = "type")]
    pub kind: SuccessionType,
    /// The other actor.
    pub actor: ActorId,
    /// When it took effect: the first day this actor holds the other's place (`continues`),
    /// or the day the other took over or this actor dissolved.
    pub date: EdtfDate,
    /// Sources (the actor's, when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl Succession {
    /// A relation of `kind` to `actor` from `date`.
    pub fn new(kind: SuccessionType, actor: ActorId, date: EdtfDate) -> Self {
        Self { kind, actor, date, citations: Vec::new() }
    }
}

crate::with::with!(Succession {
    with_citations: citations list Citation;
});

crate::objects_only::objects_only!(Succession);

/// The relation between an actor and another over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SuccessionType {
    /// This actor continues the other's legal identity from `date`: it is bound by the other's
    /// agreements and holds its place in them (the Russian Federation and the USSR, 1991;
    /// Great Britain and England, 1707). The only relation that carries obligations.
    Continues,
    /// The other actor succeeded this one on `date` without continuing it (a successor state
    /// after a dissolution): it takes on this actor's agreements only by its own acts.
    SucceededBy,
    /// This actor dissolved on `date`, and the other is one of the states it dissolved into
    /// (Czechoslovakia into the Czech Republic and Slovakia, 1993).
    DissolvedInto,
}

crate::wire::wire_enum!(SuccessionType, "succession type" {
    Continues = "continues",
    SucceededBy = "succeeded_by",
    DissolvedInto = "dissolved_into",
});

/// One stretch of time in which an actor holds a party's place in an agreement: its own
/// (until it dissolves or another continues it), or a predecessor's it continues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seat<'a> {
    /// The actor that holds the place.
    pub(crate) holder: &'a str,
    /// The first day held (`None`: from the start).
    pub(crate) from: Option<NaiveDate>,
    /// The first day no longer held (`None`: still held).
    pub(crate) until: Option<NaiveDate>,
}

impl Seat<'_> {
    pub(crate) fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day < u)
    }
}

/// The succession links of a dossier's actors, indexed once (O(a) in the actors and their
/// links): who continues whom from when, and when each actor ceased to exist.
#[derive(Debug, Default)]
pub struct Successions<'a> {
    /// The first day each dissolved actor no longer exists (the last day its `dissolved` date
    /// may denote, like any act's).
    gone: HashMap<&'a str, NaiveDate>,
    /// For a predecessor, the actor continuing it and the first day it does (the earliest
    /// when several are recorded).
    continued_by: HashMap<&'a str, (NaiveDate, &'a str)>,
}

impl<'a> Successions<'a> {
    /// Indexes the `dissolved` dates and `continues` links of these actors.
    pub fn new(actors: &'a [Actor]) -> Self {
        let mut out = Self::default();
        for a in actors {
            if let Some(day) = a.dissolved.as_ref().and_then(EdtfDate::latest) {
                out.gone.entry(a.id.as_str()).or_insert(day);
            }
            for s in a.succession.iter().filter(|s| s.kind == SuccessionType::Continues) {
                let Some(day) = s.date.latest() else { continue };
                let slot = out.continued_by.entry(s.actor.as_str()).or_insert((day, a.id.as_str()));
                if day < slot.0 {
                    *slot = (day, a.id.as_str());
                }
            }
        }
        out
    }

    /// Whether nothing is recorded: no actor dissolved or continued.
    pub fn is_empty(&self) -> bool {
        self.gone.is_empty() && self.continued_by.is_empty()
    }

    /// The places `actor` holds at some time: its own, and those of every actor whose place
    /// passes to it through a chain of `continues` links (the United Kingdom holds England's
    /// and Great Britain's). Linear in the links.
    pub fn places_held<'s>(&'s self, actor: &'s str) -> std::collections::HashSet<&'s str> {
        let mut predecessors: HashMap<&str, Vec<&str>> = HashMap::new();
        for (predecessor, (_, successor)) in &self.continued_by {
            predecessors.entry(successor).or_default().push(predecessor);
        }
        let mut held = std::collections::HashSet::from([actor]);
        let mut next = vec![actor];
        while let Some(holder) = next.pop() {
            for p in predecessors.get(holder).into_iter().flatten() {
                if held.insert(p) {
                    next.push(p);
                }
            }
        }
        held
    }

    /// The actors holding `party`'s place in turn: `party` itself until it dissolves or is
    /// continued, then each continuing actor until it in turn ends. A single seat with no end
    /// when nothing is recorded. At most one seat per actor (a cycle of links stops).
    pub(crate) fn seats(&self, party: &'a str) -> Vec<Seat<'a>> {
        let mut out: Vec<Seat<'a>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let (mut holder, mut from) = (party, None);
        loop {
            let next = self.continued_by.get(holder).copied();
            let gone = self.gone.get(holder).copied();
            // Held until continued, else until gone.
            let until = match (next, gone) {
                (Some((d, _)), _) => Some(d),
                (None, g) => g,
            };
            let until = match (until, from) {
                (Some(u), Some(f)) if u < f => Some(f),
                (u, _) => u,
            };
            out.push(Seat { holder, from, until });
            seen.insert(holder);
            match next {
                Some((day, successor)) if !seen.contains(successor) => {
                    holder = successor;
                    from = Some(from.map_or(day, |f: NaiveDate| f.max(day)));
                }
                _ => break,
            }
        }
        out
    }
}
