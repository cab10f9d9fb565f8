//! The questions people ask of dossiers, answered as text: which agreements bind an actor on a
//! day, which forces are in a country, where each agreement stands, who signed it and in what
//! capacity, where its acts took place, what the actor pledges and is pledged, which facts rest
//! on one source, each agreement's lifecycle, and what the sources dispute.
//!
//! `dossier query` prints [`write_answers`]; every answer is derived from
//! the recorded lifecycle and citations, never stored. The answers count the disputed facts
//! [`Questions::policy`] counts (by default none: only undisputed facts); the facts resting on a
//! single source and the competing claims are listed as recorded, each dispute with what the
//! policy made of it. A fact is counted once however many records report it: the competing
//! versions of one disputed fact are one fact, cited by all their sources. The answers about
//! the actor follow the succession links: a state that continues a party answers for its place
//! (docs/lifecycle.md, "States that end and continue").
//!
//! The answers are tab-separated rows. A tab, line break or backslash inside a text of the
//! dossier (a title, a place's name, a signer's capacity) is written `\t`, `\n`, `\r` or `\\`,
//! so that every row is one line and has its fields.
//!
//! ```
//! use defense_agreements::answers::{Questions, write_answers};
//! use defense_agreements::prelude::*;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let manila = Dossier::from_json(include_str!("../examples/data/manila-pact-1954.json"))?;
//! let questions = Questions::new(ActorId::new("pakistan")?, "SYR".parse()?)
//!     .with_on(chrono::NaiveDate::from_ymd_opt(1975, 1, 1).ok_or("date")?);
//! let mut out = Vec::new();
//! write_answers(&mut out, std::slice::from_ref(&manila), &questions)?;
//! let text = String::from_utf8(out)?;
//! // Pakistan left SEATO on 7 November 1973: nothing binds it on 1 January 1975.
//! assert!(text.starts_with("# Agreements binding pakistan (1975-01-01)\n\n# Forces present in SYR"));
//! assert!(text.contains("manila-pact\tpakistan\twithdrawn\n"));
//! assert!(text.contains("manila-pact\tbound 1955-02-19/1973-11-07\tentry_into_force → denunciation by pakistan"));
//! # Ok(())
//! # }
//! ```

use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};

use chrono::NaiveDate;

use crate::actor_tree::ActorTree;
use crate::agreement::{Agreement, Lifecycle};
use crate::citation::Citation;
use crate::dispute::{Claim, Competing};
use crate::dispute_policy::DisputePolicy;
use crate::dossier::Dossier;
use crate::ids::{ActorId, DisputeId};
use crate::person::{Person, Post};
use crate::resolve::{Outcome, Resolved};
use crate::values::{CountryCode, Place};

/// What to ask: whose agreements, on which day, about which host country.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Questions {
    /// The actor whose binding agreements and lifecycle are given.
    pub actor: ActorId,
    /// The day statuses and bindings are taken on; the latest state when `None`.
    pub on: Option<NaiveDate>,
    /// The host country whose foreign forces are listed.
    pub country: CountryCode,
    /// Another party: whether `actor` is bound toward it on `on` (answered only with a day).
    pub toward: Option<ActorId>,
    /// Which alternatives of a dispute the answers take as fact.
    pub policy: DisputePolicy,
}

impl Questions {
    /// Questions about `actor` and forces in `country`, on the latest state of each dossier,
    /// under the default dispute policy.
    pub fn new(actor: ActorId, country: CountryCode) -> Self {
        Self { actor, on: None, country, toward: None, policy: DisputePolicy::default() }
    }
}

crate::with::with!(Questions {
    with_on: on opt NaiveDate;
    with_toward: toward opt ActorId;
    with_policy: policy val DisputePolicy;
});

/// Writes the nine answers for `dossiers`, one tab-separated section each.
pub fn write_answers(out: &mut impl Write, dossiers: &[Dossier], q: &Questions) -> io::Result<()> {
    let when = q.on.map_or_else(|| "latest".to_owned(), |d| d.to_string());
    let actor = &q.actor;
    // Decided once per dossier: every derived answer below reads the facts the policy counts.
    let resolved: Vec<Resolved<'_>> = dossiers.iter().map(|d| d.resolve(q.policy)).collect();
    // Without a day, "latest" is the state the record leads to: after every act, as
    // `Agreement::status` reads it.
    let day = q.on.unwrap_or(NaiveDate::MAX);

    // `agreements_binding` applies the lifecycle: entry into force, the actor's own
    // ratification, its withdrawal once effective, and the places it holds by succession.
    writeln!(out, "# Agreements binding {actor} ({when})")?;
    for d in &resolved {
        for a in d.agreements_binding(actor, day) {
            writeln!(out, "{}\t{}\t{}", a.id, status(a, q.on), cell(&a.title))?;
        }
    }

    writeln!(out, "\n# Forces present in {}", q.country)?;
    for d in &resolved {
        for t in d.forces_in(q.country) {
            let forces: Vec<&str> = t.forces.iter().map(|f| f.as_str()).collect();
            let as_of = t.as_of.as_ref().map_or_else(String::new, |a| format!(" (as of {a})"));
            writeln!(out, "{}\t{}\t{}{as_of}", t.id, forces.join(", "), t.strength)?;
        }
    }

    writeln!(out, "\n# Status ({when})")?;
    for d in &resolved {
        for a in &d.agreements {
            writeln!(out, "{}\t{}", a.id, status(a, q.on))?;
        }
    }

    // The capacity given, else the signer's post in the party or one of its organs. The
    // signatures the policy counts; a disputed one is shown with its rivals.
    writeln!(out, "\n# Signatures")?;
    for (d, original) in resolved.iter().zip(dossiers) {
        let competing = original.competing_claims();
        let rivals: HashMap<&str, String> =
            competing.iter().map(|c| (c.dispute.id.as_str(), disputed(original, c))).collect();
        // One tree and one post index per dossier: asking `Dossier::ancestry` per post indexed
        // every actor each time, and scanning every post per signature is quadratic too.
        let mut posts = SignerPosts::new(d);
        for a in &d.agreements {
            for s in &a.signatures {
                let person = posts.person(s.signer.as_str());
                let name = person.map_or(s.signer.as_str(), |(_, p)| p.name.as_str());
                let post = person.and_then(|(i, _)| posts.first_post_in(i, s.party.as_str())).map(|p| p.title.as_str());
                let capacity = s.capacity.as_deref().or(post).unwrap_or("(capacity unknown)");
                let cited: Vec<&str> = sources(&s.citations, &a.citations).into_iter().collect();
                let dispute = d.contested().signature(a.id.as_str(), s.party.as_str(), s.signer.as_str());
                let dispute = dispute.and_then(|id| rivals.get(id.as_str()));
                let dispute = dispute.map_or_else(String::new, |text| format!("\t{}", cell(text)));
                let (name, capacity) = (cell(name), cell(capacity));
                writeln!(out, "{}\t{}\t{name}\t{capacity}\t[{}]{dispute}", a.id, s.party, cited.join(", "))?;
            }
        }
    }

    // Where each act and signature the policy counts took place.
    writeln!(out, "\n# Places")?;
    for d in &resolved {
        for a in &d.agreements {
            for act in &a.actions {
                if let Some(place) = &act.place {
                    let what = format!("{}{}", act.kind, by(act.party.as_ref()));
                    let cited = list(&sources(&act.citations, &a.citations));
                    writeln!(out, "{}\t{what}\t{}\t{}\t[{cited}]", a.id, act.date, cell(&place_text(place)))?;
                }
            }
            for s in &a.signatures {
                if let Some(place) = &s.place {
                    let date = s.date.as_ref().map_or_else(|| "(date not given)".to_owned(), ToString::to_string);
                    let cited = list(&sources(&s.citations, &a.citations));
                    let what = format!("signature by {} for {}", s.signer, s.party);
                    writeln!(out, "{}\t{what}\t{date}\t{}\t[{cited}]", a.id, cell(&place_text(place)))?;
                }
            }
        }
    }

    // What the actor pledges or is pledged, in the agreements that bind it: the obligations
    // whose obligors or beneficiaries include a place it holds (or name no one: every party).
    writeln!(out, "\n# Obligations of {actor} in the agreements binding it ({when})")?;
    for d in &resolved {
        let successions = d.successions();
        let held = successions.places_held(actor.as_str());
        let holds = |ids: &[ActorId]| ids.is_empty() || ids.iter().any(|i| held.contains(i.as_str()));
        for a in d.agreements_binding(actor, day) {
            for o in a.obligations.iter().filter(|o| holds(&o.obligors) || holds(&o.beneficiaries)) {
                let conditions: Vec<String> = o
                    .conditions
                    .iter()
                    .map(|c| c.text.as_ref().map_or_else(|| c.kind.to_string(), |t| format!("{}: {t}", c.kind)))
                    .collect();
                let conditions = if conditions.is_empty() { "unconditional".to_owned() } else { conditions.join("; ") };
                let cited = list(&sources(&o.citations, &a.citations));
                let (from, to) = (actors(&o.obligors), actors(&o.beneficiaries));
                writeln!(out, "{}\t{}\t{from} → {to}\t{}\t[{cited}]", a.id, o.kind, cell(&conditions))?;
            }
        }
    }

    // Candidates for corroboration. A fact is counted once: records marked with one dispute
    // are versions of one fact (two dates of one signing), cited by all their sources.
    writeln!(out, "\n# Facts resting on a single source")?;
    for d in dossiers {
        let mut facts = Facts::default();
        for a in &d.agreements {
            facts.add(format!("agreement {}", a.id), None, &a.citations, &[]);
            for act in &a.actions {
                let what = format!("{} {} of {}{}", act.kind, act.date, a.id, by(act.party.as_ref()));
                facts.add(what, act.dispute.as_ref(), &act.citations, &a.citations);
            }
            for s in &a.signatures {
                let what = format!("signature of {} by {} for {}", a.id, s.signer, s.party);
                facts.add(what, s.dispute.as_ref(), &s.citations, &a.citations);
            }
        }
        for t in &d.troop_presences {
            facts.add(format!("troop presence {}", t.id), t.dispute.as_ref(), &t.citations, &[]);
        }
        for s in &d.statements {
            facts.add(format!("statement {}", s.id), s.dispute.as_ref(), &s.citations, &[]);
        }
        for (what, cited) in facts.list {
            if cited.len() == 1 {
                writeln!(out, "{}\t{what}\t[{}]", d.id, list(&cited))?;
            }
        }
    }

    // One replay per agreement answers every question on any day; the replay follows the
    // succession links, so a continuing state's lifecycle is its predecessor's place.
    writeln!(out, "\n# Lifecycle of {actor} ({when})")?;
    for d in &resolved {
        let successions = d.successions();
        for a in d.agreements_of(actor) {
            write_lifecycle(out, a, &a.lifecycle_in(&successions), q)?;
        }
    }

    writeln!(out, "\n# Competing claims")?;
    for (d, r) in dossiers.iter().zip(&resolved) {
        for c in d.competing_claims() {
            let question = c.dispute.question.as_deref().unwrap_or("");
            let verdict = verdict(d, &c, r.outcome(c.dispute.id.as_str()), q.policy);
            let (question, verdict, rivals) = (cell(question), cell(&verdict), disputed(d, &c));
            writeln!(out, "{}\t{}\t{}\t{question}\t{verdict}", d.id, c.dispute.id, cell(&rivals))?;
        }
    }
    Ok(())
}

/// What the policy made of a dispute: "best_supported: counts Bashar al-Assad", "undisputed:
/// set aside", "best_supported: unresolved, set aside". A field keeps the value its record
/// shows unless `best_supported` chose one.
fn verdict(d: &Dossier, c: &Competing<'_>, outcome: Option<&Outcome>, policy: DisputePolicy) -> String {
    let texts = alternatives(d, c);
    let counted: Vec<&str> =
        outcome.map_or(&[][..], |o| &o.counted).iter().filter_map(|&i| texts.get(i)).map(String::as_str).collect();
    let written = policy == DisputePolicy::BestSupported && counted.len() == 1;
    if !c.dispute.alternatives.is_empty() && !written {
        return format!("{policy}: the record's own value stands, flagged disputed");
    }
    match (counted.is_empty(), policy) {
        (false, _) => format!("{policy}: counts {}", counted.join(" and ")),
        (true, DisputePolicy::BestSupported) => format!("{policy}: unresolved, set aside"),
        (true, _) => format!("{policy}: set aside"),
    }
}

/// Where `q.actor` stands in `a` on `q.on`, the spans it was bound with the acts that open and
/// close them, and the agreement's timeline.
fn write_lifecycle(out: &mut impl Write, a: &Agreement, life: &Lifecycle<'_>, q: &Questions) -> io::Result<()> {
    if let Some(day) = q.on {
        writeln!(out, "{}\t{}\t{}", a.id, q.actor, life.party_status_on(&q.actor, day).as_str())?;
        if let Some(other) = &q.toward {
            let bound = life.is_bound_toward(&q.actor, other, day);
            writeln!(out, "{}\t{} bound toward {other}: {bound}", a.id, q.actor)?;
        }
    }
    let act = |i: Option<usize>| {
        i.and_then(|i| a.actions.get(i)).map_or_else(
            || "end of term".to_owned(),
            |x| format!("{}{}", x.kind, x.party.as_ref().map_or_else(String::new, |p| format!(" by {p}"))),
        )
    };
    // A span opened or closed because the place passed on names the act `succession`, as the
    // tables do.
    for span in life.binding_intervals(&q.actor) {
        let end = span.end.map_or_else(|| "..".to_owned(), |e| e.to_string());
        let closed = match (span.until, span.closed_by_succession) {
            (None, _) => "still bound".to_owned(),
            (Some(_), true) => "succession".to_owned(),
            (Some(_), false) => act(span.closed_by),
        };
        let opened = if span.opened_by_succession { "succession".to_owned() } else { act(Some(span.opened_by)) };
        writeln!(out, "{}\tbound {}/{end}\t{opened} → {closed}", a.id, span.start)?;
    }
    for step in life.timeline() {
        writeln!(out, "{}\t{}\t{}\t{}", a.id, step.date, act(step.action), step.status.as_str())?;
    }
    Ok(())
}

/// A free text as one field of a tab-separated row: a tab or line break in a title or a place
/// name would split the row or start a false one, so they are written as `\t`, `\n` and `\r`,
/// and a backslash as `\\` (the escapes of PostgreSQL's text format and of linear TSV).
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\t', '\n', '\r', '\\']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The distinct sources of a fact: its own citations, else those it inherits.
fn sources<'a>(own: &'a [Citation], inherited: &'a [Citation]) -> BTreeSet<&'a str> {
    let cited = if own.is_empty() { inherited } else { own };
    cited.iter().map(|c| c.source.as_str()).collect()
}

/// Facts with their sources, counted once: the records marked with one dispute are one fact
/// (named by its first record), their sources joined.
#[derive(Default)]
struct Facts<'a> {
    list: Vec<(String, BTreeSet<&'a str>)>,
    disputed: HashMap<&'a str, usize>,
}

impl<'a> Facts<'a> {
    fn add(&mut self, what: String, dispute: Option<&'a DisputeId>, own: &'a [Citation], inherited: &'a [Citation]) {
        let cited = sources(own, inherited);
        let Some(dispute) = dispute else {
            self.list.push((what, cited));
            return;
        };
        match self.disputed.get(dispute.as_str()).and_then(|&i| self.list.get_mut(i)) {
            Some((_, joined)) => joined.extend(cited),
            None => {
                self.disputed.insert(dispute.as_str(), self.list.len());
                self.list.push((format!("{what} (one fact in dispute {dispute})"), cited));
            }
        }
    }
}

fn list(sources: &BTreeSet<&str>) -> String {
    sources.iter().copied().collect::<Vec<_>>().join(", ")
}

/// " by pakistan", or nothing for an act of the agreement as a whole.
fn by(party: Option<&ActorId>) -> String {
    party.map_or_else(String::new, |p| format!(" by {p}"))
}

/// "Riyadh (SAU)", or the name alone.
fn place_text(place: &Place) -> String {
    place.country.map_or_else(|| place.name.clone(), |c| format!("{} ({c})", place.name))
}

/// "usa, japan", or "every party" for an empty list.
fn actors(ids: &[ActorId]) -> String {
    if ids.is_empty() {
        "every party".to_owned()
    } else {
        ids.iter().map(ActorId::as_str).collect::<Vec<_>>().join(", ")
    }
}

fn status(a: &Agreement, on: Option<NaiveDate>) -> &'static str {
    on.map_or_else(|| a.status(), |d| a.status_on(d)).as_str()
}

/// One alternative of a dispute, in a few words: the signer's name, the estimate …
fn claim(d: &Dossier, c: &Claim<'_>) -> String {
    match c {
        Claim::Signature { signature, .. } => {
            let name =
                d.person(signature.signer.as_str()).map_or_else(|| signature.signer.to_string(), |p| p.name.clone());
            let role = if signature.is_signatory() { "" } else { " (witness)" };
            format!("{name}{role}")
        }
        Claim::TroopPresence(t) => format!("{} ({})", t.strength, t.id),
        Claim::Obligation { obligation, .. } => obligation.kind.to_string(),
        Claim::Cooperation { cooperation, .. } => cooperation.area.to_string(),
        Claim::Related { related, .. } => related
            .agreement
            .as_ref()
            .map(ToString::to_string)
            .or_else(|| related.title.clone())
            .unwrap_or_else(|| "another agreement".into()),
        Claim::Support(s) => format!("{} to {}", s.supporter, s.recipient),
        Claim::Post { person, post } => format!("{}, {}", person.name, post.title),
        Claim::Limit { limit, .. } => limit.amount.to_string(),
        Claim::Establishment { establishment, .. } => establishment.organization.to_string(),
        Claim::ConsentClaim { claim, .. } => format!("{} says {}", claim.claimant, claim.consent),
        Claim::Action { action, .. } => {
            let place = action.place.as_ref().map_or_else(String::new, |p| format!(" in {}", p.name));
            format!("{} on {}{place}", action.kind, action.date)
        }
        Claim::Statement(s) => format!("{} ({})", s.text, s.id),
    }
}

/// The alternatives of a dispute in a few words: its competing records, or the values it gives
/// for a field, in the order of [`Outcome::alternatives`].
fn alternatives(d: &Dossier, competing: &Competing<'_>) -> Vec<String> {
    let values = competing.dispute.alternatives.iter().map(|a| match &a.value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    competing.claims.iter().map(|c| claim(d, c)).chain(values).collect()
}

/// "disputed: X or Y, per sources S1, S2".
fn disputed(d: &Dossier, competing: &Competing<'_>) -> String {
    let claims = alternatives(d, competing);
    let sources: Vec<&str> = competing.sources().into_iter().map(|s| s.as_str()).collect();
    format!("disputed: {}, per sources {}", claims.join(" or "), sources.join(", "))
}

/// The first post (in list order) a person holds in an actor or one of its organs, for any
/// number of questions in time linear in the posts (up to a log factor): each person's posts are
/// sorted once by their organization's place in the [`ActorTree`], and the actors under a party
/// are one range of that order, whose first post a sparse table finds.
/// One person's posts as (organization order, position), sorted, with the range minima.
type PostIndex = (Vec<(u32, u32)>, Vec<Vec<u32>>);

struct SignerPosts<'d> {
    dossier: &'d Dossier,
    tree: ActorTree<'d>,
    people: HashMap<&'d str, usize>,
    /// Per person, built on first question: posts as (organization order, position), sorted,
    /// and `min[k][i]` = the least position among entries `i .. i + 2^k`.
    sorted: Vec<Option<PostIndex>>,
}

impl<'d> SignerPosts<'d> {
    fn new(dossier: &'d Dossier) -> Self {
        let mut people = HashMap::with_capacity(dossier.people.len());
        for (i, p) in dossier.people.iter().enumerate() {
            people.entry(p.id.as_str()).or_insert(i);
        }
        let sorted = vec![None; dossier.people.len()];
        Self { dossier, tree: ActorTree::new(&dossier.actors), people, sorted }
    }

    /// The first person with this id, and their position.
    fn person(&self, id: &str) -> Option<(usize, &'d Person)> {
        let i = *self.people.get(id)?;
        Some((i, self.dossier.people.get(i)?))
    }

    fn first_post_in(&mut self, person: usize, party: &str) -> Option<&'d Post> {
        let who = self.dossier.people.get(person)?;
        let (start, end) = self.tree.span(self.tree.position(party)?);
        let tree = &self.tree;
        let (entries, min) = self.sorted.get_mut(person)?.get_or_insert_with(|| {
            let mut entries: Vec<(u32, u32)> = who
                .posts
                .iter()
                .enumerate()
                .filter_map(|(j, post)| Some((tree.order(tree.position(post.organization.as_str())?), j as u32)))
                .collect();
            entries.sort_unstable();
            let mut min = vec![entries.iter().map(|e| e.1).collect::<Vec<u32>>()];
            let mut width = 1;
            while 2 * width <= entries.len() {
                let Some(last) = min.last() else { break };
                let next = (0..=entries.len() - 2 * width).map(|i| last[i].min(last[i + width])).collect();
                min.push(next);
                width *= 2;
            }
            (entries, min)
        });
        let from = entries.partition_point(|e| e.0 < start);
        let to = entries.partition_point(|e| e.0 < end);
        if from >= to {
            return None;
        }
        let k = (usize::BITS - 1 - (to - from).leading_zeros()) as usize;
        let level = min.get(k)?;
        let first = (*level.get(from)?).min(*level.get(to - (1 << k))?);
        who.posts.get(first as usize)
    }
}
