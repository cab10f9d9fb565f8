//! The rules an agreement must keep: parties, signers, lifecycle order, clause references.

use super::{ActionType, Agreement, Duration, Party, Signature};
use crate::ids::ActorId;
use crate::validate::{Checker, Code, IdIndex, Path, SCAN};

impl Agreement {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        c.text(&path.key("title"), &self.title);
        c.other_names(&path.key("other_titles"), &self.other_titles);
        let parties = self.check_parties(c, path);
        self.check_clauses(c, path);
        let inherited = !self.citations.is_empty();
        self.check_actions(c, path, &parties, inherited);
        let list = path.key("signatures");
        for (i, s) in self.signatures.iter().enumerate() {
            let at = list.index(i);
            check_signature(s, c, &at, &parties, inherited);
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
            let limits = at.key("limits");
            for (j, l) in co.limits.iter().enumerate() {
                let lp = limits.index(j);
                c.estimate(&lp.key("amount"), &l.amount);
                c.opt_text(&lp.key("text"), l.text.as_ref());
                c.citations(&lp, &l.citations, false);
            }
            c.citations(&at, &co.citations, !inherited);
        }
        let list = path.key("establishes");
        for (i, e) in self.establishes.iter().enumerate() {
            let at = list.index(i);
            c.citations(&at, &e.citations, false);
        }
        let list = path.key("related");
        for (i, r) in self.related.iter().enumerate() {
            let at = list.index(i);
            if let Some(external) = &r.external {
                external.check(c, &at.key("external"));
            }
            c.opt_text(&at.key("title"), r.title.as_ref());
            if r.agreement.is_none() && r.external.is_none() && r.title.is_none() {
                c.issue(
                    &at,
                    Code::RelatedTargetMissing,
                    "names neither an agreement, an external agreement nor a title",
                );
            }
            c.citations(&at, &r.citations, false);
        }
        c.languages(&path.key("languages"), &self.languages);
        c.identifiers(&path.key("identifiers"), &self.identifiers);
        c.citations(path, &self.citations, true);
    }

    /// Checks the parties and returns their index, for the rules on who may act.
    fn check_parties(&self, c: &mut Checker<'_>, path: &Path<'_>) -> IdIndex<'_, Party> {
        let list = path.key("parties");
        let mut repeated = Vec::new();
        let parties = IdIndex::build(&self.parties, |i, _| repeated.push(i));
        let distinct = self.parties.len() - repeated.len();
        let mut repeated = repeated.into_iter().peekable();
        for (i, p) in self.parties.iter().enumerate() {
            let at = list.index(i);
            if repeated.next_if_eq(&i).is_some() {
                c.issue(&at.key("actor"), Code::DuplicateParty, format!("'{}' is already listed as a party", p.actor));
            }
            c.opt_date(&at.key("from"), p.from.as_ref());
            c.opt_date(&at.key("until"), p.until.as_ref());
            c.date_pair(&at.key("until"), p.from.as_ref(), p.until.as_ref(), "role end");
            c.citations(&at, &p.citations, false);
        }
        // Only actors that are bound (`party`) or signed (`signatory`) make an agreement: an
        // observer, a depositary or a guarantor beside a single party does not.
        let makes = |p: &Party| matches!(p.role, super::PartyRole::Party | super::PartyRole::Signatory);
        let makers = if self.parties.len() <= SCAN {
            (0..self.parties.len())
                .filter(|&i| makes(&self.parties[i]))
                .filter(|&i| !self.parties[..i].iter().any(|q| makes(q) && q.actor == self.parties[i].actor))
                .count()
        } else {
            let set: crate::validate::FastSet<&str> =
                self.parties.iter().filter(|p| makes(p)).map(|p| p.actor.as_str()).collect();
            set.len()
        };
        if makers < 2 {
            c.issue(
                &list,
                Code::TooFewParties,
                format!(
                    "an agreement needs at least two actors with role party or signatory; it has {makers} (of {distinct} listed)"
                ),
            );
        }
        parties
    }

    /// Checks the clauses (references to them are resolved by the reference walk).
    fn check_clauses(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        let list = path.key("clauses");
        let mut repeated = Vec::new();
        IdIndex::build(&self.clauses, |i, first| repeated.push((i, first)));
        let mut repeated = repeated.into_iter().peekable();
        for (i, clause) in self.clauses.iter().enumerate() {
            let at = list.index(i);
            if let Some((_, first)) = repeated.next_if(|(r, _)| *r == i) {
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
    }

    fn check_actions(&self, c: &mut Checker<'_>, path: &Path<'_>, parties: &IdIndex<'_, Party>, inherited: bool) {
        let list = path.key("actions");
        for (i, a) in self.actions.iter().enumerate() {
            let at = list.index(i);
            c.date(&at.key("date"), &a.date);
            // A span of talks is an interval by nature; any other act is one day.
            if a.date.is_not_stated() && a.kind != ActionType::Negotiation {
                c.issue(
                    &at.key("date"),
                    Code::ActDateNotStated,
                    format!(
                        "the {} is dated only as {} (no earlier bound): the source does not say when",
                        a.kind.as_str(),
                        a.date
                    ),
                );
            }
            c.opt_date(&at.key("effective"), a.effective.as_ref());
            if let Some(effective) = &a.effective {
                // A notification of succession takes effect from the date of succession,
                // before it is made.
                if effective.is_definitely_before(&a.date) && a.kind != ActionType::Succession {
                    c.issue(
                        &at.key("effective"),
                        Code::EffectiveBeforeNotice,
                        format!("takes effect on {effective}, before it was made on {}", a.date),
                    );
                }
            }
            match &a.party {
                // A state continuing a party acts in its place (docs/lifecycle.md).
                Some(party) if continues_one_of(c, party, a.date.earliest(), parties) => {}
                Some(party) => member(c, &at.key("party"), party, parties),
                None if a.kind.requires_party() => {
                    c.issue(&at, Code::MissingParty, format!("a {} must name the party acting", a.kind.as_str()));
                }
                None => {}
            }
            members(c, &at.key("toward"), &a.toward, parties);
            // `performed_by` and `organ` resolve through the reference walk.
            c.place(&at.key("place"), a.place.as_ref());
            c.opt_text(&at.key("text"), a.text.as_ref());
            c.citations(&at, &a.citations, !inherited);
        }
        let signed = self.signatures.iter().any(Signature::is_signatory);
        if signed && !self.actions.iter().any(|a| a.kind == ActionType::Signature) {
            c.issue(
                &path.key("signatures"),
                Code::SignatureActMissing,
                "signatures are listed but no signature act: the status reads negotiated",
            );
        }
        // Order, withdrawals, suspensions, counterparts: src/agreement/lifecycle_check.rs.
        self.check_lifecycle(c, path);
    }
}

fn check_signature(s: &Signature, c: &mut Checker<'_>, at: &Path<'_>, parties: &IdIndex<'_, Party>, inherited: bool) {
    member(c, &at.key("party"), &s.party, parties);
    let signer = at.key("signer");
    let person = c.people.get(s.signer.as_str());
    c.opt_text(&at.key("capacity"), s.capacity.as_ref());
    c.opt_date(&at.key("date"), s.date.as_ref());
    c.place(&at.key("place"), s.place.as_ref());
    c.citations(at, &s.citations, !inherited);
    let Some(person) = person else {
        return;
    };
    // A witness may be anyone present (a mediator, the other side's leader).
    if s.capacity.is_some() || !s.is_signatory() {
        return;
    }
    if !c.has_standing(person, s.party.as_str(), s.date.as_ref()) {
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

/// Whether `actor` continues, directly or through a chain of `continues` links made by `day`,
/// one of `parties` (the Russian Federation acting for the USSR's place). O(chain length).
fn continues_one_of(
    c: &Checker<'_>,
    actor: &ActorId,
    day: Option<chrono::NaiveDate>,
    parties: &IdIndex<'_, Party>,
) -> bool {
    let (Some(day), false) = (day, parties.contains(actor.as_str())) else { return false };
    let actors = &c.dossier.actors;
    let mut at = c.actors.get(actor.as_str());
    // Each step moves to another actor: at most one step per actor.
    for _ in 0..actors.len() {
        let Some(record) = at.and_then(|i| actors.get(i)) else { return false };
        let next = record
            .succession
            .iter()
            .find(|s| s.kind == crate::SuccessionType::Continues && s.date.earliest().is_some_and(|d| d <= day));
        let Some(next) = next else { return false };
        if parties.contains(next.actor.as_str()) {
            return true;
        }
        at = c.actors.get(next.actor.as_str());
    }
    false
}

/// The actor must exist and be among the agreement's parties.
fn member(c: &mut Checker<'_>, path: &Path<'_>, actor: &ActorId, parties: &IdIndex<'_, Party>) {
    // A missing actor is reported as a dangling reference, not also as a non-party.
    if c.actors.get(actor.as_str()).is_some() && !parties.contains(actor.as_str()) {
        c.issue(path, Code::NotAParty, format!("'{actor}' is not a party of this agreement"));
    }
}

/// Each actor of a list must exist and be among the agreement's parties.
fn members(c: &mut Checker<'_>, path: &Path<'_>, actors: &[ActorId], parties: &IdIndex<'_, Party>) {
    for (i, actor) in actors.iter().enumerate() {
        member(c, &path.index(i), actor, parties);
    }
}
