//! The rules an agreement must keep: parties, signers, lifecycle order, clause references.

use std::collections::{HashMap, HashSet};

use super::{Agreement, Clause, Duration, Signature};
use crate::ids::ActorId;
use crate::validate::{Checker, Code, Path};
use crate::values::DayKey;
use crate::walk::IdRef;

/// Below this many parties a linear scan beats hashing.
const SMALL: usize = 16;

/// The set of actors listed as parties, for membership tests in linear time overall.
enum PartySet<'a> {
    Small(&'a [super::Party]),
    Large(HashSet<&'a str>),
}

impl<'a> PartySet<'a> {
    fn new(agreement: &'a Agreement) -> Self {
        if agreement.parties.len() <= SMALL {
            Self::Small(&agreement.parties)
        } else {
            Self::Large(agreement.parties.iter().map(|p| p.actor.as_str()).collect())
        }
    }

    fn contains(&self, actor: &str) -> bool {
        match self {
            Self::Small(parties) => parties.iter().any(|p| p.actor.as_str() == actor),
            Self::Large(set) => set.contains(actor),
        }
    }
}

/// The ids of an agreement's clauses: scanned when few, hashed when many.
struct ClauseIds<'a> {
    clauses: &'a [Clause],
    hashed: HashMap<&'a str, usize>,
}

impl<'a> ClauseIds<'a> {
    fn new(clauses: &'a [Clause]) -> Self {
        Self { clauses, hashed: HashMap::new() }
    }

    /// The first clause before `i` with the same id (recording clause `i` when hashing).
    fn first_before(&mut self, i: usize) -> Option<usize> {
        let id = self.clauses.get(i)?.id.as_str();
        if self.clauses.len() <= SMALL {
            return self.clauses[..i].iter().position(|c| c.id.as_str() == id);
        }
        match self.hashed.get(id) {
            Some(&first) => Some(first),
            None => {
                self.hashed.insert(id, i);
                None
            }
        }
    }

    fn contains(&self, id: &str) -> bool {
        if self.clauses.len() <= SMALL {
            self.clauses.iter().any(|c| c.id.as_str() == id)
        } else {
            self.hashed.contains_key(id)
        }
    }
}

impl Agreement {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        c.text(&path.key("title"), &self.title);
        c.other_names(&path.key("other_titles"), &self.other_titles);
        let clauses = self.check_clauses(c, path);
        crate::walk::read::agreement(self, path, &mut |at, id| match id {
            IdRef::Clause(clause) => {
                if !clauses.contains(clause.as_str()) {
                    c.issue(at, Code::DanglingReference, format!("no clause of this agreement has id '{clause}'"));
                }
            }
            other => {
                c.resolve(at, other);
            }
        });
        self.check_parties(c, path);
        let parties = PartySet::new(self);
        let inherited = !self.citations.is_empty();
        self.check_actions(c, path, &parties, inherited);
        let list = path.key("signatures");
        for (i, s) in self.signatures.iter().enumerate() {
            check_signature(s, c, &list.index(i), &parties, inherited);
        }
        if let Some(duration) = &self.duration {
            let at = path.key("duration");
            if let Duration::UntilEvent { event, .. } = duration {
                c.text(&at.key("event"), event);
            }
            if let Some(w) = duration.withdrawal() {
                let wp = at.key("withdrawal");
                c.opt_text(&wp.key("text"), w.text.as_ref());
                c.citations(&wp, &w.citations, false);
            }
        }
        let list = path.key("obligations");
        for (i, o) in self.obligations.iter().enumerate() {
            let at = list.index(i);
            members(c, &at.key("obligors"), &o.obligors, &parties);
            members(c, &at.key("beneficiaries"), &o.beneficiaries, &parties);
            let conditions = at.key("conditions");
            for (j, cond) in o.conditions.iter().enumerate() {
                let cp = conditions.index(j);
                c.opt_text(&cp.key("text"), cond.text.as_ref());
            }
            c.opt_text(&at.key("text"), o.text.as_ref());
            c.citations(&at, &o.citations, !inherited);
        }
        let list = path.key("cooperation");
        for (i, co) in self.cooperation.iter().enumerate() {
            let at = list.index(i);
            members(c, &at.key("providers"), &co.providers, &parties);
            members(c, &at.key("recipients"), &co.recipients, &parties);
            c.opt_text(&at.key("text"), co.text.as_ref());
            c.citations(&at, &co.citations, !inherited);
        }
        let list = path.key("related");
        for (i, r) in self.related.iter().enumerate() {
            let at = list.index(i);
            c.opt_text(&at.key("title"), r.title.as_ref());
            if r.agreement.is_none() && r.title.is_none() {
                c.issue(&at, Code::RelatedTargetMissing, "names neither an agreement nor a title");
            }
            c.citations(&at, &r.citations, false);
        }
        c.languages(&path.key("languages"), &self.languages);
        c.identifiers(&path.key("identifiers"), &self.identifiers);
        c.citations(path, &self.citations, true);
    }

    fn check_parties(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        let list = path.key("parties");
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, p) in self.parties.iter().enumerate() {
            let at = list.index(i);
            let actor = at.key("actor");
            let repeated = if self.parties.len() <= SMALL {
                self.parties[..i].iter().any(|q| q.actor == p.actor)
            } else {
                !seen.insert(p.actor.as_str())
            };
            if repeated {
                c.issue(&actor, Code::DuplicateParty, format!("'{}' is already listed as a party", p.actor));
            }
            c.citations(&at, &p.citations, false);
        }
        let distinct = if self.parties.len() <= SMALL {
            (0..self.parties.len())
                .filter(|&i| !self.parties[..i].iter().any(|q| q.actor == self.parties[i].actor))
                .count()
        } else {
            seen.len()
        };
        if distinct < 2 {
            c.issue(&list, Code::TooFewParties, format!("an agreement needs at least two parties; it has {distinct}"));
        }
    }

    /// Checks the clauses and returns their ids, for the references to them.
    fn check_clauses(&self, c: &mut Checker<'_>, path: &Path<'_>) -> ClauseIds<'_> {
        let list = path.key("clauses");
        let mut ids = ClauseIds::new(&self.clauses);
        for (i, clause) in self.clauses.iter().enumerate() {
            let at = list.index(i);
            if let Some(first) = ids.first_before(i) {
                c.issue(
                    &at.key("id"),
                    Code::DuplicateId,
                    format!("clause id '{}' is already used by clause {first}", clause.id),
                );
            }
            c.opt_text(&at.key("number"), clause.number.as_ref());
            c.text(&at.key("text"), &clause.text);
            c.language(&at.key("language"), clause.language.as_ref());
            c.citations(&at, &clause.citations, false);
        }
        ids
    }

    fn check_actions(&self, c: &mut Checker<'_>, path: &Path<'_>, parties: &PartySet<'_>, inherited: bool) {
        const STAGES: usize = 5;
        let list = path.key("actions");
        // The latest start of any act of each stage: an act must not end before one of an
        // earlier stage begins. Agreement-wide acts bind everyone; a party's acts bind only it.
        let mut global: [Option<DayKey>; STAGES] = [None; STAGES];
        // Per-party maxima are hashed only for long lifecycles; short ones are scanned below.
        let mut by_party: HashMap<&str, [Option<DayKey>; STAGES]> = HashMap::new();
        let hashed = self.actions.len() > SMALL;
        let mut terminated: Option<DayKey> = None;
        for (i, a) in self.actions.iter().enumerate() {
            let at = list.index(i);
            c.date(&at.key("date"), &a.date);
            c.opt_date(&at.key("effective"), a.effective.as_ref());
            if let Some(effective) = &a.effective {
                if effective.is_definitely_before(&a.date) {
                    c.issue(
                        &at.key("effective"),
                        Code::EffectiveBeforeNotice,
                        format!("takes effect on {effective}, before it was made on {}", a.date),
                    );
                }
            }
            match &a.party {
                Some(party) => member(c, &at.key("party"), party, parties),
                None if a.kind.requires_party() => {
                    c.issue(&at, Code::MissingParty, format!("a {} must name the party acting", a.kind.as_str()));
                }
                None => {}
            }
            members(c, &at.key("toward"), &a.toward, parties);
            c.place(&at.key("place"), a.place.as_ref());
            c.opt_text(&at.key("text"), a.text.as_ref());
            c.citations(&at, &a.citations, !inherited);
            let stage = a.kind.stage().min(STAGES - 1);
            if let Some(start) = a.date.earliest_key() {
                let slot = match &a.party {
                    None => Some(&mut global[stage]),
                    Some(p) if hashed => Some(&mut by_party.entry(p.as_str()).or_insert([None; STAGES])[stage]),
                    Some(_) => None,
                };
                if let Some(slot) = slot {
                    *slot = (*slot).max(Some(start));
                }
            }
            if a.party.is_none() && a.kind == super::ActionType::Termination {
                if let Some(end) = a.date.latest_key() {
                    terminated = Some(terminated.map_or(end, |t| t.min(end)));
                }
            }
        }
        for (i, a) in self.actions.iter().enumerate() {
            let Some(end) = a.date.latest_key() else { continue };
            let stage = a.kind.stage().min(STAGES - 1);
            // A termination preceding later acts is reported as action_after_termination on
            // those acts, not twice.
            let counts = |s: &usize| a.kind != super::ActionType::Termination || *s != 2;
            let earlier = |list: &[Option<DayKey>; STAGES]| (0..stage).filter(counts).filter_map(|s| list[s]).max();
            let own = match &a.party {
                None => None,
                Some(p) if hashed => by_party.get(p.as_str()).and_then(earlier),
                Some(p) => self
                    .actions
                    .iter()
                    .filter(|o| o.party.as_ref() == Some(p))
                    .filter(|o| {
                        let s = o.kind.stage().min(STAGES - 1);
                        s < stage && counts(&s)
                    })
                    .filter_map(|o| o.date.earliest_key())
                    .max(),
            };
            let before = earlier(&global).max(own);
            let at = list.index(i);
            if let Some(before) = before.filter(|b| *b > end) {
                c.issue(
                    &at.key("date"),
                    Code::LifecycleOutOfOrder,
                    format!("{} on {} precedes an act of an earlier stage dated {before}", a.kind.as_str(), a.date),
                );
            }
            if let (Some(t), Some(start)) = (terminated, a.date.earliest_key()) {
                if a.kind != super::ActionType::Termination && start > t {
                    c.issue(
                        &at.key("date"),
                        Code::ActionAfterTermination,
                        format!("{} on {} is after the termination on {t}", a.kind.as_str(), a.date),
                    );
                }
            }
        }
    }
}

fn check_signature(s: &Signature, c: &mut Checker<'_>, at: &Path<'_>, parties: &PartySet<'_>, inherited: bool) {
    member(c, &at.key("party"), &s.party, parties);
    let signer = at.key("signer");
    let person = c.people.get(s.signer.as_str());
    c.opt_text(&at.key("capacity"), s.capacity.as_ref());
    c.opt_date(&at.key("date"), s.date.as_ref());
    c.place(&at.key("place"), s.place.as_ref());
    c.citations(at, &s.citations, !inherited);
    let Some(person) = person.and_then(|i| c.dossier.people.get(i)) else {
        return;
    };
    if s.capacity.is_some() {
        return;
    }
    let standing = person.posts.iter().any(|post| {
        s.date.as_ref().is_none_or(|d| post.may_be_held_during(d))
            && belongs_to(c, post.organization.as_str(), s.party.as_str())
    });
    if !standing {
        c.issue(
            &signer,
            Code::SignerWithoutStanding,
            format!(
                "'{}' holds no post in '{}' or its organs at the signature date, and no capacity is given",
                s.signer, s.party
            ),
        );
    }
}

/// Whether `organization` is `party` or, through its parents, part of it.
fn belongs_to(c: &Checker<'_>, organization: &str, party: &str) -> bool {
    let actors = &c.dossier.actors;
    let mut current = organization;
    // Bounded: a parent cycle (reported elsewhere) must not loop forever.
    for _ in 0..=actors.len() {
        if current == party {
            return true;
        }
        let parent = c.actors.get(current).and_then(|i| actors.get(i)).and_then(|a| a.parent.as_ref());
        match parent {
            Some(p) => current = p.as_str(),
            None => return false,
        }
    }
    false
}

/// The actor must exist and be among the agreement's parties.
fn member(c: &mut Checker<'_>, path: &Path<'_>, actor: &ActorId, parties: &PartySet<'_>) {
    // A missing actor is reported as a dangling reference, not also as a non-party.
    if c.actors.get(actor.as_str()).is_some() && !parties.contains(actor.as_str()) {
        c.issue(path, Code::NotAParty, format!("'{actor}' is not a party of this agreement"));
    }
}

/// Each actor of a list must exist and be among the agreement's parties.
fn members(c: &mut Checker<'_>, path: &Path<'_>, actors: &[ActorId], parties: &PartySet<'_>) {
    for (i, actor) in actors.iter().enumerate() {
        member(c, &path.index(i), actor, parties);
    }
}
