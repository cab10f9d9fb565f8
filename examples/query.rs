//! Load dossiers and answer the questions people ask of them.
//!
//! ```text
//! cargo run --example query -- [--actor ID] [--on YYYY-MM-DD] [--country ISO3] [--toward ID] FILE...
//! ```
//!
//! FILE is a dossier (`.json`) or a stream of them (`.jsonl`, one per line). The program
//! prints five answers:
//!
//! 1. the agreements that bind `--actor` (default `united-states`): on `--on` when given,
//!    else every agreement it is a party to, with its latest status;
//! 2. the forces present in `--country` (default `SYR`), with their estimated strength;
//! 3. the status of every agreement on `--on` (or its latest status);
//! 4. who signed each agreement, for which party, in what capacity;
//! 5. which facts rest on a single source;
//! 6. the lifecycle views of every agreement `--actor` is a party to: where it stands on `--on`,
//!    whether it is bound toward `--toward` (when given), the spans it was bound with the acts
//!    that open and close them, and the agreement's timeline;
//! 7. the competing claims: "disputed: X or Y, per sources S1, S2" (a signature, troop presence
//!    or other record that is one alternative of a dispute is also printed with its rivals).
//!
//! Try: `cargo run --example query -- --actor pakistan --on 1975-01-01 examples/data/*.json`
//! (Pakistan left the Manila Pact on 7 November 1973), or
//! `cargo run --example query -- --actor uzbekistan --toward russia --on 2008-01-01 examples/data/collective-security-treaty-1992.json`
//! (Uzbekistan left the Collective Security Treaty in 1999, returned in 2006 and was suspended
//! in 2012).
//!
//! Exit status: 0 on success, 1 when a file cannot be read or parsed, 2 on bad usage.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use defense_agreements::ids::ActorId;
use defense_agreements::values::{CountryCode, Estimate, EstimateQualifier};
use defense_agreements::{Agreement, Citation, Claim, Competing, Dossier, jsonl};

struct Options {
    actor: String,
    on: Option<NaiveDate>,
    country: CountryCode,
    toward: Option<String>,
    files: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        actor: "united-states".into(),
        on: None,
        country: "SYR".parse().map_err(|e| format!("{e}"))?,
        toward: None,
        files: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--actor" => options.actor = value("--actor")?,
            "--toward" => options.toward = Some(value("--toward")?),
            "--on" => {
                let v = value("--on")?;
                options.on = Some(v.parse().map_err(|e| format!("--on {v}: {e}"))?);
            }
            "--country" => {
                let v = value("--country")?;
                options.country = v.parse().map_err(|e| format!("--country {v}: {e}"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => options.files.push(file.into()),
        }
    }
    if options.files.is_empty() {
        return Err("no files given".into());
    }
    Ok(options)
}

/// "as many as 2,500", "8,000 to 12,000": the estimate as the source put it.
fn strength(e: &Estimate) -> String {
    let n = |v: Option<u64>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
    match e.qualifier {
        EstimateQualifier::Exact => n(e.best),
        EstimateQualifier::Approximately => format!("about {}", n(e.best)),
        EstimateQualifier::AtLeast => format!("at least {}", n(e.low)),
        EstimateQualifier::AtMost => format!("as many as {}", n(e.high)),
        EstimateQualifier::Range => format!("{} to {}", n(e.low), n(e.high)),
        _ => "unknown".into(),
    }
}

/// The distinct sources of a fact: its own citations, else those it inherits.
fn sources<'a>(own: &'a [Citation], inherited: &'a [Citation]) -> BTreeSet<&'a str> {
    let cited = if own.is_empty() { inherited } else { own };
    cited.iter().map(|c| c.source.as_str()).collect()
}

/// One alternative of a dispute, in a few words: the signer's name, the estimate …
fn claim(d: &Dossier, c: &Claim<'_>) -> String {
    match c {
        Claim::Signature { signature, .. } => {
            d.person(signature.signer.as_str()).map_or_else(|| signature.signer.to_string(), |p| p.name.clone())
        }
        Claim::TroopPresence(t) => format!("{} ({})", strength(&t.strength), t.id),
        Claim::Obligation { obligation, .. } => format!("{:?}", obligation.kind),
        Claim::Cooperation { cooperation, .. } => format!("{:?}", cooperation.area),
        Claim::Related { related, .. } => related
            .agreement
            .as_ref()
            .map(ToString::to_string)
            .or_else(|| related.title.clone())
            .unwrap_or_else(|| "another agreement".into()),
        Claim::Support(s) => format!("{} to {}", s.supporter, s.recipient),
        Claim::Post { person, post } => format!("{}, {}", person.name, post.title),
        Claim::Limit { limit, .. } => strength(&limit.amount),
        Claim::Establishment { establishment, .. } => establishment.organization.to_string(),
        Claim::ConsentClaim { claim, .. } => format!("{} says {:?}", claim.claimant, claim.consent),
        _ => "another claim".into(),
    }
}

/// "disputed: X or Y, per sources S1, S2".
fn disputed(d: &Dossier, competing: &Competing<'_>) -> String {
    let claims: Vec<String> = competing.claims.iter().map(|c| claim(d, c)).collect();
    let sources: Vec<&str> = competing.sources().into_iter().map(|s| s.as_str()).collect();
    format!("disputed: {}, per sources {}", claims.join(" or "), sources.join(", "))
}

fn status(a: &Agreement, on: Option<NaiveDate>) -> String {
    let s = on.map_or_else(|| a.status(), |d| a.status_on(d));
    // The JSON name (`in_force`), as the schema and other tools spell it.
    serde_json::to_value(s).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_else(|| format!("{s:?}"))
}

fn main() -> ExitCode {
    // Output goes through a writer so that a closed pipe (`| head`) ends it quietly instead of
    // panicking inside println!.
    match run(&mut std::io::stdout().lock()) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run(out: &mut impl Write) -> std::io::Result<ExitCode> {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("query: {e}\nusage: query [--actor ID] [--on YYYY-MM-DD] [--country ISO3] [--toward ID] FILE...");
            return Ok(ExitCode::from(2));
        }
    };
    let mut dossiers = Vec::new();
    for file in &options.files {
        match jsonl::read_file(file) {
            Ok(mut d) => dossiers.append(&mut d),
            Err(e) => {
                eprintln!("query: {file}: {e}");
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    let when = options.on.map_or_else(|| "latest".to_string(), |d| d.to_string());

    // 1. Which agreements bind an actor. `agreements_binding` applies the lifecycle: entry into
    // force, the actor's own ratification, and its withdrawal once effective.
    writeln!(out, "# Agreements binding {} ({when})", options.actor)?;
    let Ok(actor) = ActorId::new(&options.actor) else {
        eprintln!("query: '{}' is not a valid actor id", options.actor);
        return Ok(ExitCode::from(2));
    };
    for d in &dossiers {
        let found: Vec<&Agreement> = match options.on {
            Some(day) => d.agreements_binding(actor.as_str(), day).collect(),
            None => d.agreements_of(actor.as_str()).collect(),
        };
        for a in found {
            writeln!(out, "{}\t{}\t{}", a.id, status(a, options.on), a.title)?;
        }
    }

    // 2. Which forces are present in a country, and how many.
    writeln!(out, "\n# Forces present in {}", options.country)?;
    for d in &dossiers {
        for t in d.forces_in(options.country) {
            let forces: Vec<&str> = t.forces.iter().map(|f| f.as_str()).collect();
            let as_of = t.as_of.as_ref().map_or_else(String::new, |a| format!(" (as of {a})"));
            writeln!(out, "{}\t{}\t{}{as_of}", t.id, forces.join(", "), strength(&t.strength))?;
        }
    }

    // 3. The status of each agreement on the date: derived from its lifecycle, never stored.
    writeln!(out, "\n# Status ({when})")?;
    for d in &dossiers {
        for a in &d.agreements {
            writeln!(out, "{}\t{}", a.id, status(a, options.on))?;
        }
    }

    // 4. Who signed, for whom, in what capacity: the capacity given, else the signer's post.
    // Competing reports of one signature are both listed, each with its source.
    writeln!(out, "\n# Signatures")?;
    for d in &dossiers {
        let competing = d.competing_claims();
        let rivals: HashMap<&str, String> = competing.iter().map(|c| (c.dispute.id.as_str(), disputed(d, c))).collect();
        for a in &d.agreements {
            for s in &a.signatures {
                let person = d.person(s.signer.as_str());
                let name = person.map_or(s.signer.as_str(), |p| p.name.as_str());
                // The post that gives standing: one in the party itself or in one of its organs.
                let post = person
                    .and_then(|p| {
                        p.posts.iter().find(|post| d.ancestry(post.organization.as_str()).any(|a| a.id == s.party))
                    })
                    .map(|p| p.title.as_str());
                let capacity = s.capacity.as_deref().or(post).unwrap_or("(capacity unknown)");
                let cited: Vec<&str> = sources(&s.citations, &a.citations).into_iter().collect();
                let dispute = s.dispute.as_ref().and_then(|id| rivals.get(id.as_str()));
                let dispute = dispute.map_or_else(String::new, |text| format!("\t{text}"));
                writeln!(out, "{}\t{}\t{name}\t{capacity}\t[{}]{dispute}", a.id, s.party, cited.join(", "))?;
            }
        }
    }

    // 5. Facts resting on a single source: candidates for corroboration.
    writeln!(out, "\n# Facts resting on a single source")?;
    for d in &dossiers {
        let mut single = |what: String, own: &[Citation], inherited: &[Citation]| -> std::io::Result<()> {
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
                single(format!("{} {} of {}{who}", act.kind.as_str(), act.date, a.id), &act.citations, &a.citations)?;
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

    // 6. The lifecycle views: one replay per agreement answers every question on any day.
    writeln!(out, "\n# Lifecycle of {} ({when})", options.actor)?;
    let toward = match options.toward.as_deref().map(ActorId::new) {
        Some(Ok(id)) => Some(id),
        Some(Err(_)) => {
            eprintln!("query: '{}' is not a valid actor id", options.toward.unwrap_or_default());
            return Ok(ExitCode::from(2));
        }
        None => None,
    };
    for d in &dossiers {
        for a in d.agreements_of(actor.as_str()) {
            let life = a.lifecycle();
            if let Some(day) = options.on {
                let standing = serde_json::to_value(life.party_status_on(&actor, day))
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                writeln!(out, "{}\t{}\t{standing}", a.id, options.actor)?;
                if let Some(other) = &toward {
                    let bound = life.is_bound_toward(&actor, other, day);
                    writeln!(out, "{}\t{} bound toward {other}: {bound}", a.id, options.actor)?;
                }
            }
            // Each span: from, to (".." while still bound), and the acts that open and close it.
            let act = |i: Option<usize>| {
                i.and_then(|i| a.actions.get(i)).map_or_else(
                    || "end of term".to_string(),
                    |x| {
                        format!(
                            "{}{}",
                            x.kind.as_str(),
                            x.party.as_ref().map_or_else(String::new, |p| format!(" by {p}"))
                        )
                    },
                )
            };
            for span in life.binding_intervals(&actor) {
                let end = span.end.map_or_else(|| "..".to_string(), |e| e.to_string());
                let closed = if span.until.is_some() { act(span.closed_by) } else { "still bound".to_string() };
                writeln!(out, "{}\tbound {}/{end}\t{} → {closed}", a.id, span.start, act(Some(span.opened_by)))?;
            }
            for step in life.timeline() {
                let status = serde_json::to_value(step.status).ok().and_then(|v| v.as_str().map(String::from));
                writeln!(out, "{}\t{}\t{}\t{}", a.id, step.date, act(step.action), status.unwrap_or_default())?;
            }
        }
    }

    // 7. Competing claims: records that sources give as alternatives, at most one of them true.
    writeln!(out, "\n# Competing claims")?;
    for d in &dossiers {
        for c in d.competing_claims() {
            let question = c.dispute.question.as_deref().unwrap_or("");
            writeln!(out, "{}\t{}\t{}\t{question}", d.id, c.dispute.id, disputed(d, &c))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
