//! What every picture of one dossier shares, built once: the dossier resolved under the
//! policy, actors' names, the succession links, and each agreement's counted version.

use std::collections::HashMap;

use crate::succession::Successions;
use crate::{Agreement, DisputePolicy, Dossier, Resolved};

/// The shared lookups of the pictures of one dossier (linear to build).
pub(crate) struct Context<'a> {
    pub(crate) dossier: &'a Dossier,
    pub(crate) resolved: &'a Resolved<'a>,
    pub(crate) names: HashMap<&'a str, &'a str>,
    pub(crate) successions: Successions<'a>,
    /// The resolved agreements by id.
    counted: HashMap<&'a str, &'a Agreement>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(dossier: &'a Dossier, resolved: &'a Resolved<'a>) -> Self {
        let mut counted = HashMap::with_capacity(resolved.agreements.len());
        for a in &resolved.agreements {
            counted.entry(a.id.as_str()).or_insert(a);
        }
        Self {
            dossier,
            resolved,
            names: super::lanes::names(dossier),
            successions: Successions::new(&resolved.actors),
            counted,
        }
    }

    /// The policy the pictures follow.
    pub(crate) fn policy(&self) -> DisputePolicy {
        self.resolved.policy()
    }

    /// The agreement as the policy counts it (the recorded one if the resolution lost it).
    pub(crate) fn counted(&self, agreement: &'a Agreement) -> &'a Agreement {
        self.counted.get(agreement.id.as_str()).copied().unwrap_or(agreement)
    }
}
