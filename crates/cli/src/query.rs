//! `dossier query`: the questions people ask of dossiers, answered from their lifecycle.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use defense_agreements::answers::{Questions, write_answers};
use defense_agreements::ids::ActorId;
use defense_agreements::values::CountryCode;

use crate::input::Inputs;

/// Answer questions: binding agreements, forces present, statuses, signers, places,
/// obligations, single sources, lifecycles, disputes.
///
/// Nine answers: which agreements bind an actor (on `--on`, else in the state the record leads
/// to), which forces are in a country, the status of every agreement, who signed each one (and
/// in what capacity), where its acts and signatures took place, what the actor pledges and is
/// pledged in the agreements binding it, which facts rest on a single source (each fact once:
/// the versions of a disputed fact are one fact), the lifecycle of each agreement of the actor
/// (its standing, the spans it was bound, the timeline; bound toward `--toward` when given),
/// and the competing claims of the sources.
///
/// Every answer is derived from the recorded lifecycle (entry into force, ratifications,
/// withdrawals) and follows the states that continue others (a continuing state answers for
/// its predecessor's place), never stored. Output is tab separated, one section per question; a
/// tab, line break or backslash inside a field's text is written `\t`, `\n`, `\r` or `\\`.
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
    /// Another party: whether the actor is bound toward it on `--on` (which it needs).
    #[arg(long, value_parser = parse_actor, value_name = "ID", requires = "on")]
    toward: Option<ActorId>,
    #[command(flatten)]
    disputes: crate::disputes::Disputes,
}

fn parse_actor(text: &str) -> Result<ActorId, String> {
    ActorId::new(text).map_err(|e| e.to_string())
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let mut dossiers = Vec::new();
    let failed = args.inputs.for_each_dossier("query", |d| {
        dossiers.push(d);
        Ok(())
    })?;
    let mut questions = Questions::new(args.actor, args.country);
    questions.on = args.on;
    questions.toward = args.toward;
    questions.policy = args.disputes.policy();
    let mut out = crate::output::stdout();
    write_answers(&mut out, &dossiers, &questions)?;
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
