//! `dossier query`: the questions people ask of dossiers, answered from their lifecycle.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use defense_agreements::ids::ActorId;
use defense_agreements::values::{CountryCode, Estimate, EstimateQualifier};
use defense_agreements::{Agreement, Citation, Dossier};

use crate::input::Inputs;

/// Answer questions: binding agreements, forces present, statuses, signers, single sources.
///
/// The five questions: which agreements bind an actor, which forces are in a country, the
/// status of every agreement, who signed each one, and which facts rest on a single source.
///
/// Every answer is derived from the recorded lifecycle (entry into force, ratifications,
/// withdrawals), never stored. Output is tab separated, one section per question.
/// Exit status: 0 on success, 1 when an input cannot be read or parsed (the others are still
/// answered), 2 on bad usage.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example (Pakistan left the Manila Pact on 7 November 1973):\n  \
    dossier query --actor pakistan --on 1975-01-01 examples/data/manila-pact-1954.json")]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: Inputs,
    /// The actor whose binding agreements are listed.
    #[arg(long, default_value = "united-states", value_parser = parse_actor)]
    actor: ActorId,
    /// The day the statuses and bindings are taken on (YYYY-MM-DD); the latest state otherwise.
    #[arg(long, value_name = "YYYY-MM-DD")]
    on: Option<NaiveDate>,
    /// The host country whose foreign forces are listed (ISO 3166-1 alpha-3).
    #[arg(long, default_value = "SYR", value_name = "ISO3")]
    country: CountryCode,
}

fn parse_actor(text: &str) -> Result<ActorId, String> {
    ActorId::new(text).map_err(|e| e.to_string())
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let mut dossiers = Vec::new();
    let mut failed = false;
    args.inputs.for_each(|origin, parsed| {
        match parsed {
            Ok(d) => dossiers.push(d),
            Err(e) => {
                failed = true;
                eprintln!("dossier query: {origin}: {e}");
            }
        }
        Ok(())
    })?;
    let mut out = crate::output::stdout();
    answer(&mut out, &args, &dossiers)?;
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
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

fn status(a: &Agreement, on: Option<NaiveDate>) -> String {
    let s = on.map_or_else(|| a.status(), |d| a.status_on(d));
    // The JSON name (`in_force`), as the schema and other tools spell it.
    serde_json::to_value(s).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_else(|| format!("{s:?}"))
}

fn answer(out: &mut impl Write, args: &Args, dossiers: &[Dossier]) -> io::Result<()> {
    let when = args.on.map_or_else(|| "latest".to_string(), |d| d.to_string());
    let actor = args.actor.as_str();

    writeln!(out, "# Agreements binding {actor} ({when})")?;
    for d in dossiers {
        let found: Vec<&Agreement> = match args.on {
            Some(day) => d.agreements_binding(actor, day).collect(),
            None => d.agreements_of(actor).collect(),
        };
        for a in found {
            writeln!(out, "{}\t{}\t{}", a.id, status(a, args.on), a.title)?;
        }
    }

    writeln!(out, "\n# Forces present in {}", args.country)?;
    for d in dossiers {
        for t in d.forces_in(args.country) {
            let forces: Vec<&str> = t.forces.iter().map(|f| f.as_str()).collect();
            let as_of = t.as_of.as_ref().map_or_else(String::new, |a| format!(" (as of {a})"));
            writeln!(out, "{}\t{}\t{}{as_of}", t.id, forces.join(", "), strength(&t.strength))?;
        }
    }

    writeln!(out, "\n# Status ({when})")?;
    for d in dossiers {
        for a in &d.agreements {
            writeln!(out, "{}\t{}", a.id, status(a, args.on))?;
        }
    }

    // Who signed, for whom, in what capacity: the capacity given, else the signer's post in the
    // party or one of its organs. Competing reports of one signature are both listed.
    writeln!(out, "\n# Signatures")?;
    for d in dossiers {
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
                writeln!(out, "{}\t{}\t{name}\t{capacity}\t[{}]", a.id, s.party, cited.join(", "))?;
            }
        }
    }

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
    Ok(())
}
