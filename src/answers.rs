//! The questions people ask of dossiers, answered as text: which agreements bind an actor on a
//! day, which forces are in a country, where each agreement stands, who signed it and in what
//! capacity, which facts rest on one source, each agreement's lifecycle, and what the sources
//! dispute.
//!
//! `dossier query` and `examples/query.rs` print [`write_answers`]; every answer is derived from
//! the recorded lifecycle and citations, never stored. The answers count the disputed facts
//! [`Questions::policy`] counts (by default none: only undisputed facts); the facts resting on a
//! single source and the competing claims are listed as recorded, each dispute with what the
//! policy made of it.
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

use crate::agreement::Agreement;
use crate::citation::Citation;
use crate::dispute::{Claim, Competing};
use crate::dispute_policy::DisputePolicy;
use crate::dossier::Dossier;
use crate::ids::ActorId;
use crate::resolve::{Outcome, Resolved};
use crate::values::CountryCode;

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

/// Writes the seven answers for `dossiers`, one tab-separated section each.
pub fn write_answers(out: &mut impl Write, dossiers: &[Dossier], q: &Questions) -> io::Result<()> {
    let when = q.on.map_or_else(|| "latest".to_owned(), |d| d.to_string());
    let actor = &q.actor;
    // Decided once per dossier: every derived answer below reads the facts the policy counts.
    let resolved: Vec<Resolved<'_>> = dossiers.iter().map(|d| d.resolve(q.policy)).collect();

    // `agreements_binding` applies the lifecycle: entry into force, the actor's own
    // ratification, and its withdrawal once effective.
    writeln!(out, "# Agreements binding {actor} ({when})")?;
    for d in &resolved {
        let found: Vec<&Agreement> = match q.on {
            Some(day) => d.agreements_binding(actor, day).collect(),
            None => d.agreements_of(actor).collect(),
        };
        for a in found {
            writeln!(out, "{}\t{}\t{}", a.id, status(a, q.on), a.title)?;
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
        for a in &d.agreements {
            for s in &a.signatures {
                let person = d.person(s.signer.as_str());
                let name = person.map_or(s.signer.as_str(), |p| p.name.as_str());
                let post = person
                    .and_then(|p| {
                        p.posts.iter().find(|post| d.ancestry(post.organization.as_str()).any(|a| a.id == s.party))
                    })
                    .map(|p| p.title.as_str());
                let capacity = s.capacity.as_deref().or(post).unwrap_or("(capacity unknown)");
                let cited: Vec<&str> = sources(&s.citations, &a.citations).into_iter().collect();
                let dispute = d.contested().signature(a.id.as_str(), s.party.as_str(), s.signer.as_str());
                let dispute = dispute.and_then(|id| rivals.get(id.as_str()));
                let dispute = dispute.map_or_else(String::new, |text| format!("\t{text}"));
                writeln!(out, "{}\t{}\t{name}\t{capacity}\t[{}]{dispute}", a.id, s.party, cited.join(", "))?;
            }
        }
    }

    // Candidates for corroboration.
    writeln!(out, "\n# Facts resting on a single source")?;
    for d in dossiers {
        let mut single = |what: String, own: &[Citation], inherited: &[Citation]| -> io::Result<()> {
            let s = sources(own, inherited);
            if s.len() == 1 {
                writeln!(out, "{}\t{what}\t[{}]", d.id, s.into_iter().collect::<Vec<_>>().join(", "))?;
            }
            Ok(())
        };
        for a in &d.agreements {
            single(format!("agreement {}", a.id), &a.citations, &[])?;
            for act in &a.actions {
                let who = act.party.as_ref().map_or_else(String::new, |p| format!(" by {p}"));
                single(format!("{} {} of {}{who}", act.kind, act.date, a.id), &act.citations, &a.citations)?;
            }
            for s in &a.signatures {
                single(format!("signature of {} by {} for {}", a.id, s.signer, s.party), &s.citations, &a.citations)?;
            }
        }
        for t in &d.troop_presences {
            single(format!("troop presence {}", t.id), &t.citations, &[])?;
        }
        for s in &d.statements {
            single(format!("statement {}", s.id), &s.citations, &[])?;
        }
    }

    // One replay per agreement answers every question on any day.
    writeln!(out, "\n# Lifecycle of {actor} ({when})")?;
    for d in &resolved {
        for a in d.agreements_of(actor) {
            write_lifecycle(out, a, q)?;
        }
    }

    writeln!(out, "\n# Competing claims")?;
    for (d, r) in dossiers.iter().zip(&resolved) {
        for c in d.competing_claims() {
            let question = c.dispute.question.as_deref().unwrap_or("");
            let verdict = verdict(d, &c, r.outcome(c.dispute.id.as_str()), q.policy);
            writeln!(out, "{}\t{}\t{}\t{question}\t{verdict}", d.id, c.dispute.id, disputed(d, &c))?;
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
fn write_lifecycle(out: &mut impl Write, a: &Agreement, q: &Questions) -> io::Result<()> {
    let life = a.lifecycle();
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
    for span in life.binding_intervals(&q.actor) {
        let end = span.end.map_or_else(|| "..".to_owned(), |e| e.to_string());
        let closed = if span.until.is_some() { act(span.closed_by) } else { "still bound".to_owned() };
        writeln!(out, "{}\tbound {}/{end}\t{} → {closed}", a.id, span.start, act(Some(span.opened_by)))?;
    }
    for step in life.timeline() {
        writeln!(out, "{}\t{}\t{}\t{}", a.id, step.date, act(step.action), step.status.as_str())?;
    }
    Ok(())
}

/// The distinct sources of a fact: its own citations, else those it inherits.
fn sources<'a>(own: &'a [Citation], inherited: &'a [Citation]) -> BTreeSet<&'a str> {
    let cited = if own.is_empty() { inherited } else { own };
    cited.iter().map(|c| c.source.as_str()).collect()
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
