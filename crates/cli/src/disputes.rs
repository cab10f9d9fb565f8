//! `--disputes POLICY`: which alternatives of a dispute the subcommands that derive readings
//! (query, codings, tables) take as fact.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use defense_agreements::DisputePolicy;

/// The dispute policy flag, shared by the subcommands that derive readings.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Disputes {
    /// Which alternatives of a dispute count as fact: `undisputed` (none: only facts no source
    /// disputes), `any_alternative` (all of them), `best_supported` (the one better supported
    /// than every rival by citation credibility and independent sources; none on a tie).
    /// docs/merge.md states the rules.
    #[arg(
        long = "disputes",
        value_name = "POLICY",
        default_value = "undisputed",
        value_parser = PossibleValuesParser::new(DisputePolicy::ALL.iter().map(|p| p.as_str()))
            .try_map(|s| s.parse::<DisputePolicy>())
    )]
    policy: DisputePolicy,
}

impl Disputes {
    /// The policy chosen.
    pub(crate) fn policy(&self) -> DisputePolicy {
        self.policy
    }
}
