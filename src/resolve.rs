//! Resolving disputes under a policy, once: the dossier of the facts a [`DisputePolicy`]
//! counts, from which views, codings, tables and answers are derived unchanged.
//!
//! The alternatives the policy sets aside are removed; those it counts lose their `dispute`
//! mark (under the policy they are facts). What was disputed is kept beside the dossier, so the
//! tables can say which rows rest on a disputed fact. Read as recorded, a dossier's marked
//! facts count under the default policy, which counts none of them: the codings and views of
//! an unresolved agreement skip them, and those of a resolved one have none left to skip.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Deref;

use crate::citation::{Citation, Credibility};
use crate::dispute_policy::{Backing, DisputePolicy};
use crate::dossier::Dossier;
use crate::ids::{ActorId, DisputeId};
use crate::reference::RecordRef;

/// What a marked fact bears on among the derived readings, for the tables' `disputed` column.
#[derive(Debug, Clone, Copy)]
enum Bearing<'m> {
    /// The agreement's own coding (its cooperation areas decide DCAD's reading).
    Coding(&'m str),
    /// A lifecycle act: every row of the agreement.
    Lifecycle(&'m str),
    /// A pledge: the agreement's codings, its dyads, and its obligors' rows.
    Pledge { agreement: &'m str, obligors: &'m [ActorId] },
    /// A signature: its own row.
    Signature { agreement: &'m str, party: &'m str, signer: &'m str },
    /// A troop presence or a claim about it: its rows.
    Presence(&'m str),
    /// Nothing the tables read.
    Nothing,
}

/// One fact carrying a `dispute` mark, as the walk meets it.
struct Mark<'m> {
    dispute: &'m DisputeId,
    /// Its own citations, else those it leans on (its agreement's, its person's …).
    citations: &'m [Citation],
    bears_on: Bearing<'m>,
}

/// Calls `f` on `mark`'s fact when it carries one; returns whether to keep the fact, and
/// clears the mark of a kept fact when `clear`.
fn visit(
    f: &mut dyn FnMut(Mark<'_>) -> bool,
    clear: bool,
    mark: &mut Option<crate::ids::DisputeId>,
    own: &[Citation],
    inherited: &[Citation],
    bears_on: Bearing<'_>,
) -> bool {
    let Some(dispute) = mark.as_ref() else { return true };
    let keep = f(Mark { dispute, citations: if own.is_empty() { inherited } else { own }, bears_on });
    if keep && clear {
        *mark = None;
    }
    keep
}

/// Every fact that can carry a dispute mark, in the order of
/// [`Dossier::competing_claims`] (the nested facts' walk, then the marked records): the one
/// place of the resolution that lists them. `f` says whether to keep each marked fact; a fact
/// holding others (a cooperation area and its limits) is visited before them, and they are
/// visited even when it goes.
fn walk(d: &mut Dossier, clear: bool, f: &mut dyn FnMut(Mark<'_>) -> bool) {
    for person in &mut d.people {
        let inherited = &person.citations;
        person.posts.retain_mut(|p| visit(f, clear, &mut p.dispute, &p.citations, inherited, Bearing::Nothing));
    }
    for a in &mut d.agreements {
        let (id, inherited) = (a.id.as_str(), &a.citations);
        a.actions.retain_mut(|x| {
            let joins = crate::agreement::views::joins(x);
            let keep = visit(f, clear, &mut x.dispute, &x.citations, inherited, Bearing::Lifecycle(id));
            // A party's consent set aside stays, still marked: it changes nothing, but says the
            // party joined by an act of its own, so the views do not read it as an original
            // party bound from the entry into force.
            keep || (clear && joins)
        });
        a.signatures.retain_mut(|s| {
            let bears = Bearing::Signature { agreement: id, party: s.party.as_str(), signer: s.signer.as_str() };
            let (own, mark) = (&s.citations, &mut s.dispute);
            visit(f, clear, mark, own, inherited, bears)
        });
        a.obligations.retain_mut(|o| {
            let bears = Bearing::Pledge { agreement: id, obligors: &o.obligors };
            visit(f, clear, &mut o.dispute, &o.citations, inherited, bears)
        });
        a.cooperation.retain_mut(|c| {
            let keep = visit(f, clear, &mut c.dispute, &c.citations, inherited, Bearing::Coding(id));
            c.limits.retain_mut(|l| visit(f, clear, &mut l.dispute, &l.citations, inherited, Bearing::Nothing));
            keep
        });
        a.establishes.retain_mut(|e| visit(f, clear, &mut e.dispute, &e.citations, inherited, Bearing::Nothing));
        a.related.retain_mut(|r| visit(f, clear, &mut r.dispute, &r.citations, inherited, Bearing::Nothing));
    }
    for t in &mut d.troop_presences {
        let (id, inherited) = (t.id.as_str(), &t.citations);
        t.consent_claims
            .retain_mut(|c| visit(f, clear, &mut c.dispute, &c.citations, inherited, Bearing::Presence(id)));
    }
    d.troop_presences
        .retain_mut(|t| visit(f, clear, &mut t.dispute, &t.citations, &[], Bearing::Presence(t.id.as_str())));
    d.supports.retain_mut(|s| visit(f, clear, &mut s.dispute, &s.citations, &[], Bearing::Nothing));
    d.statements.retain_mut(|s| visit(f, clear, &mut s.dispute, &s.citations, &[], Bearing::Nothing));
}

/// What the policy made of one dispute.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Outcome {
    /// The dispute (as its records' marks name it).
    pub dispute: DisputeId,
    /// The backing of each alternative, in the order of [`Competing::claims`](crate::Competing::claims).
    pub alternatives: Vec<Backing>,
    /// The positions of the alternatives that count; empty when the policy sets every one
    /// aside (under [`DisputePolicy::Undisputed`], or a dispute left unresolved).
    pub counted: Vec<usize>,
}

/// What disputed facts the rows of the tables rest on (counted or set aside).
#[derive(Debug, Default)]
pub(crate) struct Contested {
    /// By agreement id: whether its own coding rests on one.
    coding: HashSet<String>,
    /// By agreement id: whether its lifecycle (so every row of it) rests on one.
    lifecycle: HashSet<String>,
    /// By agreement id: who makes its disputed pledges (an agreement is here iff it has one).
    pledges: HashMap<String, DisputedPledges>,
    /// Counted disputed signatures by (agreement, party, signer), with their dispute.
    signatures: HashMap<(String, String, String), DisputeId>,
    /// Troop presences with a disputed fact.
    presences: HashSet<String>,
}

/// Who makes an agreement's disputed pledges, indexed by obligor.
#[derive(Debug, Default)]
struct DisputedPledges {
    /// A disputed pledge names no obligor, so binds every party.
    every_party: bool,
    /// The obligors the disputed pledges name.
    obligors: HashSet<ActorId>,
}

impl DisputedPledges {
    fn add(&mut self, obligors: &[ActorId]) {
        if obligors.is_empty() {
            self.every_party = true;
        }
        for o in obligors {
            if !self.obligors.contains(o) {
                self.obligors.insert(o.clone());
            }
        }
    }
}

impl Contested {
    /// Whether the agreement's own row rests on a disputed fact.
    pub(crate) fn agreement(&self, agreement: &str) -> bool {
        self.coding.contains(agreement) || self.pledges.contains_key(agreement) || self.lifecycle(agreement)
    }

    /// Whether the agreement's codings (ATOP's obligations, COW's type, alliance, DCA) rest on
    /// a disputed fact: a disputed pledge or coding fact. A disputed act does not count here:
    /// it bears on who is bound when, not on how the text codes.
    pub(crate) fn codings(&self, agreement: &str) -> bool {
        self.coding.contains(agreement) || self.pledges.contains_key(agreement)
    }

    /// Whether the agreement's lifecycle (who is bound when) rests on a disputed fact.
    pub(crate) fn lifecycle(&self, agreement: &str) -> bool {
        self.lifecycle.contains(agreement)
    }

    /// Whether a pledge `by` makes (`None`: any pledge) is disputed in the agreement. Constant
    /// time: the tables ask once per party, so a scan of the disputed pledges would make the
    /// agreement cost parties × disputed pledges.
    pub(crate) fn pledge(&self, agreement: &str, by: Option<&str>) -> bool {
        self.pledges.get(agreement).is_some_and(|p| by.is_none_or(|w| p.every_party || p.obligors.contains(w)))
    }

    /// The dispute a counted signature is an alternative of, if any.
    pub(crate) fn signature(&self, agreement: &str, party: &str, signer: &str) -> Option<&DisputeId> {
        self.signatures.get(&(agreement.to_owned(), party.to_owned(), signer.to_owned()))
    }

    /// Whether a troop presence rests on a disputed fact.
    pub(crate) fn presence(&self, id: &str) -> bool {
        self.presences.contains(id)
    }

    fn note(&mut self, dispute: &DisputeId, bears_on: Bearing<'_>, counted: bool) {
        // Each set is looked up before an id is copied into it: one copy per record, not per mark.
        let add = |set: &mut HashSet<String>, id: &str| {
            if !set.contains(id) {
                set.insert(id.to_owned());
            }
        };
        match bears_on {
            Bearing::Coding(a) => add(&mut self.coding, a),
            Bearing::Lifecycle(a) => add(&mut self.lifecycle, a),
            Bearing::Presence(id) => add(&mut self.presences, id),
            Bearing::Pledge { agreement, obligors } => {
                let pledges = match self.pledges.get_mut(agreement) {
                    Some(p) => p,
                    None => self.pledges.entry(agreement.to_owned()).or_default(),
                };
                pledges.add(obligors);
            }
            Bearing::Signature { agreement, party, signer } if counted => {
                self.signatures.insert((agreement.to_owned(), party.to_owned(), signer.to_owned()), dispute.clone());
            }
            Bearing::Signature { .. } | Bearing::Nothing => {}
        }
    }
}

/// A dossier with its disputes resolved under a policy: only the facts the policy counts,
/// none of them marked, and no dispute records ([`Resolved::outcomes`] says what became of
/// them). Dereferences to the [`Dossier`], so every view, coding and table of it
/// follows the policy. Made by [`Dossier::resolve`].
#[derive(Debug)]
pub struct Resolved<'a> {
    dossier: Cow<'a, Dossier>,
    policy: DisputePolicy,
    outcomes: Vec<Outcome>,
    /// Outcome by dispute id.
    position: HashMap<String, usize>,
    contested: Contested,
}

impl Deref for Resolved<'_> {
    type Target = Dossier;
    fn deref(&self) -> &Dossier {
        &self.dossier
    }
}

impl<'a> Resolved<'a> {
    /// The policy applied.
    pub fn policy(&self) -> DisputePolicy {
        self.policy
    }

    /// What became of each dispute with at least one marked fact, in order of first mark.
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// What became of the dispute with this id.
    pub fn outcome(&self, dispute: &str) -> Option<&Outcome> {
        self.position.get(dispute).and_then(|&i| self.outcomes.get(i))
    }

    /// The resolved dossier, owned.
    pub fn into_dossier(self) -> Dossier {
        self.dossier.into_owned()
    }

    pub(crate) fn contested(&self) -> &Contested {
        &self.contested
    }
}

impl Resolved<'_> {
    /// Decides the disputes over a field's value (their alternatives are values in the dispute
    /// itself); returns the values to write: the best supported, when the policy chose one.
    /// Otherwise the record keeps the value it shows (a field cannot be left empty), and the
    /// rows it bears on are flagged.
    fn field_disputes<'d>(
        &mut self,
        original: &'d Dossier,
        backing: &dyn Fn(&[Citation]) -> Backing,
    ) -> Vec<(&'d RecordRef, &'d str, &'d serde_json::Value)> {
        let mut writes = Vec::new();
        for dispute in original.disputes.iter().filter(|d| !d.alternatives.is_empty()) {
            if self.position.contains_key(dispute.id.as_str()) {
                continue;
            }
            let alternatives: Vec<Backing> = dispute.alternatives.iter().map(|a| backing(&a.citations)).collect();
            let counted = self.policy.counted(&alternatives);
            let field = dispute.field.as_deref().unwrap_or("");
            let bears = match &dispute.record {
                Some(RecordRef::Agreement { id }) if field.starts_with("/actions") => Bearing::Lifecycle(id.as_str()),
                Some(RecordRef::Agreement { id }) => Bearing::Coding(id.as_str()),
                Some(RecordRef::TroopPresence { id }) => Bearing::Presence(id.as_str()),
                _ => Bearing::Nothing,
            };
            self.contested.note(&dispute.id, bears, !counted.is_empty());
            if let (DisputePolicy::BestSupported, [winner], Some(record)) =
                (self.policy, counted.as_slice(), dispute.record.as_ref())
            {
                if let Some(alternative) = dispute.alternatives.get(*winner) {
                    writes.push((record, field, &alternative.value));
                }
            }
            self.position.insert(dispute.id.as_str().to_owned(), self.outcomes.len());
            self.outcomes.push(Outcome { dispute: dispute.id.clone(), alternatives, counted });
        }
        writes
    }
}

/// `dossier` with each value written into its record's field (through the JSON form, which
/// reaches any field a pointer names). A value the field cannot hold leaves the dossier as it
/// was: validation reports such an alternative.
fn write_values(dossier: Dossier, writes: &[(&RecordRef, &str, &serde_json::Value)]) -> Dossier {
    let Ok(mut json) = serde_json::to_value(&dossier) else { return dossier };
    for (record, field, value) in writes {
        let list = match record {
            RecordRef::Actor { .. } => "actors",
            RecordRef::Person { .. } => "people",
            RecordRef::Agreement { .. } => "agreements",
            RecordRef::TroopPresence { .. } => "troop_presences",
            RecordRef::Support { .. } => "supports",
            RecordRef::Statement { .. } => "statements",
        };
        let target = json
            .get_mut(list)
            .and_then(serde_json::Value::as_array_mut)
            .and_then(|records| records.iter_mut().find(|r| r.get("id").and_then(|i| i.as_str()) == Some(record.id())))
            .and_then(|r| r.pointer_mut(field));
        if let Some(slot) = target {
            *slot = (*value).clone();
        }
    }
    serde_json::to_string(&json).ok().and_then(|text| Dossier::from_json(&text).ok()).unwrap_or(dossier)
}

impl Dossier {
    /// The dossier of the facts `policy` counts: alternatives it sets aside removed, those it
    /// counts unmarked; views, codings, tables and answers of it follow the policy. One
    /// exception: a party's consent (ratification, accession …) set aside stays, still marked,
    /// with its dispute record. It changes nothing in the views, but says the party joined by
    /// an act of its own, so it is not read as an original party bound from the entry into
    /// force (docs/lifecycle.md, "Disputed acts"). Without disputes, the dossier itself (no
    /// copy). Linear in the dossier.
    ///
    /// ```
    /// use defense_agreements::{DisputePolicy, Dossier};
    ///
    /// let dossier = Dossier::from_json(include_str!("../examples/data/iran-syria-2020.json"))?;
    /// let signers = |d: &Dossier| d.agreements[0].signatures.iter().map(|s| s.signer.to_string()).collect::<Vec<_>>();
    /// // The report names the defense minister as Syria's signer, AP the president.
    /// assert_eq!(signers(&dossier.resolve(DisputePolicy::AnyAlternative)), ["bagheri", "ayyoub", "assad"]);
    /// // One source each, neither graded: no alternative is better supported.
    /// assert_eq!(signers(&dossier.resolve(DisputePolicy::BestSupported)), ["bagheri"]);
    /// assert_eq!(signers(&dossier.resolve(DisputePolicy::default())), ["bagheri"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(&self, policy: DisputePolicy) -> Resolved<'_> {
        let mut resolved = Resolved {
            dossier: Cow::Borrowed(self),
            policy,
            outcomes: Vec::new(),
            position: HashMap::new(),
            contested: Contested::default(),
        };
        if self.disputes.is_empty() {
            return resolved;
        }
        // Independent sources: distinct publishers, else distinct sources.
        let publisher: HashMap<&str, &str> =
            self.sources.iter().filter_map(|s| Some((s.id.as_str(), s.publisher.as_deref()?))).collect();
        let backing = |citations: &[Citation]| {
            let mut outlets = BTreeSet::new();
            let mut credibility: Option<Credibility> = None;
            for c in citations {
                let id = c.source.as_str();
                outlets.insert(publisher.get(id).map_or((false, id), |p| (true, *p)));
                credibility = match (credibility, c.credibility) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            Backing::new(outlets.len(), credibility)
        };

        let mut dossier = self.clone();
        // First pass: each mark's dispute and backing, in walk order.
        let position = &mut resolved.position;
        let mut marks: Vec<(usize, usize)> = Vec::new(); // (outcome, alternative)
        walk(&mut dossier, false, &mut |m| {
            // Looked up before inserting: one copy of the id per dispute, not per mark.
            let o = match position.get(m.dispute.as_str()) {
                Some(&o) => o,
                None => {
                    let next = resolved.outcomes.len();
                    position.insert(m.dispute.as_str().to_owned(), next);
                    resolved.outcomes.push(Outcome {
                        dispute: m.dispute.clone(),
                        alternatives: Vec::new(),
                        counted: Vec::new(),
                    });
                    next
                }
            };
            if let Some(outcome) = resolved.outcomes.get_mut(o) {
                marks.push((o, outcome.alternatives.len()));
                outcome.alternatives.push(backing(m.citations));
            }
            true
        });
        let mut counts: Vec<Vec<bool>> = Vec::with_capacity(resolved.outcomes.len());
        for o in &mut resolved.outcomes {
            o.counted = policy.counted(&o.alternatives);
            let mut flags = vec![false; o.alternatives.len()];
            for &i in &o.counted {
                if let Some(f) = flags.get_mut(i) {
                    *f = true;
                }
            }
            counts.push(flags);
        }
        // Second pass, over the same marks in the same order: keep what counts.
        let mut seq = marks.into_iter();
        let contested = &mut resolved.contested;
        walk(&mut dossier, true, &mut |m| {
            let keep = seq.next().and_then(|(o, alt)| counts.get(o).and_then(|c| c.get(alt)).copied()).unwrap_or(false);
            contested.note(m.dispute, m.bears_on, keep);
            keep
        });
        let writes = resolved.field_disputes(self, &backing);
        if !writes.is_empty() {
            dossier = write_values(dossier, &writes);
        }
        // Every mark left is gone but those of the consents set aside (above): only their
        // dispute records stay.
        let marked: HashSet<&str> = dossier
            .agreements
            .iter()
            .flat_map(|a| a.actions.iter().filter_map(|x| x.dispute.as_ref().map(|d| d.as_str())))
            .collect();
        let kept: Vec<_> = dossier.disputes.iter().filter(|d| marked.contains(d.id.as_str())).cloned().collect();
        dossier.disputes = kept;
        resolved.dossier = Cow::Owned(dossier);
        resolved
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The scan the per-agreement index replaced, kept as the reference it must agree with:
    /// a pledge `by` makes is disputed when a marked pledge of the agreement names no obligor
    /// or names `by`.
    fn scanned(d: &Dossier, agreement: &str, by: Option<&str>) -> bool {
        d.agreements.iter().filter(|a| a.id.as_str() == agreement).flat_map(|a| &a.obligations).any(|o| {
            o.dispute.is_some()
                && by.is_none_or(|w| o.obligors.is_empty() || o.obligors.iter().any(|x| x.as_str() == w))
        })
    }

    /// A dossier of `agreements`, each a list of pledges `(obligors, disputed, source)` among
    /// parties a0…a5; a disputed pledge is an alternative of one of two disputes.
    fn dossier(agreements: &[Vec<(Vec<usize>, bool, usize)>]) -> Dossier {
        let actors = (0..6).map(|i| format!(r#"{{"id":"a{i}","name":"A{i}","kind":"state"}}"#)).collect::<Vec<_>>();
        let parties = (0..6).map(|i| format!(r#"{{"actor":"a{i}","role":"party"}}"#)).collect::<Vec<_>>();
        let agreements = agreements.iter().enumerate().map(|(k, pledges)| {
            let obligations = pledges.iter().enumerate().map(|(n, (obligors, disputed, source))| {
                let obligors = obligors.iter().map(|i| format!("\"a{i}\"")).collect::<Vec<_>>().join(",");
                let mark = if *disputed { format!(r#","dispute":"d{}""#, n % 2) } else { String::new() };
                format!(r#"{{"type":"defense","obligors":[{obligors}],"citations":[{{"source":"s{source}"}}]{mark}}}"#)
            });
            format!(
                r#"{{"id":"p{k}","title":"P","kind":"defense_pact","parties":[{}],"obligations":[{}]}}"#,
                parties.join(","),
                obligations.collect::<Vec<_>>().join(",")
            )
        });
        let json = format!(
            r#"{{"schema_version":"1.0","id":"d","actors":[{}],"agreements":[{}],
                "sources":[{{"id":"s0","title":"S"}},{{"id":"s1","title":"S"}},{{"id":"s2","title":"S"}}],
                "disputes":[{{"id":"d0"}},{{"id":"d1"}}]}}"#,
            actors.join(","),
            agreements.collect::<Vec<_>>().join(",")
        );
        Dossier::from_json(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn indexed_disputed_pledges_answer_as_the_scan(
            agreements in prop::collection::vec(
                prop::collection::vec(
                    (prop::collection::vec(0usize..6, 0..3), any::<bool>(), 0usize..3),
                    0..6,
                ),
                1..4,
            ),
        ) {
            let d = dossier(&agreements);
            for policy in DisputePolicy::ALL {
                let resolved = d.resolve(*policy);
                for k in 0..agreements.len() + 1 {
                    let agreement = format!("p{k}");
                    let parties = (0..6).map(|i| format!("a{i}")).collect::<Vec<_>>();
                    for by in parties.iter().map(|p| Some(p.as_str())).chain([None]) {
                        prop_assert_eq!(
                            resolved.contested().pledge(&agreement, by),
                            scanned(&d, &agreement, by),
                            "{} {:?} under {}", agreement, by, policy
                        );
                    }
                }
            }
        }
    }
}
