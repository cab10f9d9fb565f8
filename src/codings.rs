//! Research codings: how an agreement would be coded in the datasets researchers use —
//! ATOP's five obligations, the Correlates of War alliance type, and DCAD's defense
//! cooperation agreement.
//!
//! Each function implements one published rule on the obligations, cooperation areas, kind
//! and parties recorded in the dossier; `docs/codings.md` maps the datasets' variables to the
//! model field by field. The codings are derived, never stored: correct the facts and the
//! codings follow.
//!
//! A fact some source disputes (an obligation or cooperation area marked with a `dispute`)
//! counts only under a [`DisputePolicy`] that counts it: the methods of an agreement read as
//! recorded apply the default, [`DisputePolicy::Undisputed`], and skip it; to code under another
//! policy, code the agreements of [`Dossier::resolve`](crate::Dossier::resolve)`(policy)`,
//! where the facts it counts are no longer marked.
//!
//! Sources:
//! - ATOP: Leeds, Ritter, Mitchell and Long, *Alliance Treaty Obligations and Provisions,
//!   1815–1944* (2002), and the ATOP codebook, version 5.1 (<http://www.atopdata.org>).
//! - COW: Gibler, *International Military Alliances, 1648–2008* (2009), and the Correlates of
//!   War Formal Alliances (v4.1) codebook (<https://correlatesofwar.org>).
//! - DCAD: Kinne, "The Defense Cooperation Agreement Dataset (DCAD)", *Journal of Conflict
//!   Resolution* 64(4), 2020.
//!
//! ```
//! use defense_agreements::Dossier;
//! use defense_agreements::codings::{Atop, CowType};
//!
//! let json = std::fs::read_to_string("examples/data/north-atlantic-treaty-1949.json")?;
//! let dossier = Dossier::from_json(&json)?;
//! let nato = dossier.agreement("north-atlantic-treaty").ok_or("missing")?;
//! assert_eq!(nato.atop_obligations().defense, Atop::Conditional); // Art. 5 + Art. 6's area
//! assert_eq!(nato.cow_type(), Some(CowType::DefensePact));
//! assert!(nato.is_alliance() && !nato.is_defense_cooperation());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;

use crate::agreement::{Agreement, AgreementKind, CooperationArea, Obligation, ObligationType, PartyRole};
use crate::dispute_policy::DisputePolicy;
use crate::ids::ActorId;

/// How an agreement codes on one of ATOP's obligations.
///
/// ATOP records each obligation as present or absent, and for the active and passive pledges
/// (defense, offense, neutrality, non-aggression) whether it is conditional (its `DEFCON`,
/// `OFFCON`, `NEUCON`, `NONAGCON`). The conditions ATOP recognizes are the crate's
/// [`ConditionType`](crate::ConditionType)s: a specific adversary, a location, a specific
/// conflict, the number of adversaries, non-compliance with a demand, non-provocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Atop {
    /// No party makes the pledge.
    Absent,
    /// Every recorded pledge of this kind carries at least one condition.
    Conditional,
    /// At least one party makes the pledge without conditions.
    Unconditional,
}

impl Atop {
    /// Whether the pledge is made at all (ATOP's 0/1 flag).
    pub fn is_present(self) -> bool {
        self != Self::Absent
    }

    /// The two ATOP columns: the flag (0/1) and the condition flag (0/1, `None` when absent).
    pub fn as_atop(self) -> (u8, Option<u8>) {
        match self {
            Self::Absent => (0, None),
            Self::Conditional => (1, Some(1)),
            Self::Unconditional => (1, Some(0)),
        }
    }

    /// The name in JSON: `absent`, `conditional`, `unconditional`.
    pub fn json_name(self) -> &'static str {
        match self {
            Self::Absent => "absent",
            Self::Conditional => "conditional",
            Self::Unconditional => "unconditional",
        }
    }

    /// A short label for tables: `-`, `cond`, `uncond`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Absent => "-",
            Self::Conditional => "cond",
            Self::Unconditional => "uncond",
        }
    }

    /// The coding of a set of pledges of one kind: the least conditional wins.
    fn of<'a>(pledges: impl Iterator<Item = &'a Obligation>) -> Self {
        pledges.fold(Self::Absent, |best, o| {
            best.max(if o.is_conditional() { Self::Conditional } else { Self::Unconditional })
        })
    }
}

impl fmt::Display for Atop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Atop {
    type Err = crate::wire::UnknownValueError;

    /// The label [`as_str`](Self::as_str) prints (`-`, `cond`, `uncond`) or the JSON name
    /// (`absent`, `conditional`, `unconditional`), as tables and reports hold them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "-" | "absent" => Ok(Self::Absent),
            "cond" | "conditional" => Ok(Self::Conditional),
            "uncond" | "unconditional" => Ok(Self::Unconditional),
            _ => Err(crate::wire::UnknownValueError::new(
                "ATOP coding",
                s,
                &["-", "cond", "uncond", "absent", "conditional", "unconditional"],
            )),
        }
    }
}

/// ATOP's five obligations, each with its conditionality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct AtopObligations {
    /// Active military support if a party is attacked (ATOP `DEFENSE`, `DEFCON`).
    pub defense: Atop,
    /// Joint military action regardless of attack (ATOP `OFFENSE`, `OFFCON`).
    pub offense: Atop,
    /// Not to aid an attacker of the other party (ATOP `NEUTRAL`, `NEUCON`).
    pub neutrality: Atop,
    /// Not to attack the other party (ATOP `NONAGG`, `NONAGCON`).
    pub nonaggression: Atop,
    /// To consult in a crisis (ATOP `CONSUL`). ATOP's condition flags are defined for the four
    /// pledges above; the crate reports conditionality for consultation too, from the same
    /// conditions, for information.
    pub consultation: Atop,
}

impl AtopObligations {
    fn from_obligations<'a>(obligations: impl Iterator<Item = &'a Obligation> + Clone) -> Self {
        let of = |kind: ObligationType| Atop::of(obligations.clone().filter(move |o| o.kind == kind));
        Self {
            defense: of(ObligationType::Defense),
            offense: of(ObligationType::Offense),
            neutrality: of(ObligationType::Neutrality),
            nonaggression: of(ObligationType::NonAggression),
            consultation: of(ObligationType::Consultation),
        }
    }

    /// Whether any of the five is present: ATOP's definition of an alliance.
    pub fn any(&self) -> bool {
        self.defense.is_present()
            || self.offense.is_present()
            || self.neutrality.is_present()
            || self.nonaggression.is_present()
            || self.consultation.is_present()
    }
}

/// The Correlates of War alliance type, by the highest pledge an agreement contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CowType {
    /// Type I: a defense pact — intervene militarily on the side of a partner attacked.
    DefensePact,
    /// Type II: a neutrality or non-aggression pact — at least stay out of a conflict
    /// against a partner, or do not attack it.
    NeutralityOrNonAggression,
    /// Type III: an entente — consult or cooperate in a crisis.
    Entente,
}

impl CowType {
    /// The COW label: `I`, `II`, `III`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DefensePact => "I",
            Self::NeutralityOrNonAggression => "II",
            Self::Entente => "III",
        }
    }
}

impl fmt::Display for CowType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for CowType {
    type Err = crate::wire::UnknownValueError;

    /// The COW label [`as_str`](Self::as_str) prints (`I`, `II`, `III`) or the JSON name
    /// (`defense_pact`, `neutrality_or_non_aggression`, `entente`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "I" | "defense_pact" => Ok(Self::DefensePact),
            "II" | "neutrality_or_non_aggression" => Ok(Self::NeutralityOrNonAggression),
            "III" | "entente" => Ok(Self::Entente),
            _ => Err(crate::wire::UnknownValueError::new(
                "COW alliance type",
                s,
                &["I", "II", "III", "defense_pact", "neutrality_or_non_aggression", "entente"],
            )),
        }
    }
}

/// The header of [`write_table`]'s rows.
pub const TABLE_HEADER: &str = "DOSSIER\tAGREEMENT\tDEF\tOFF\tNEU\tNAG\tCON\tCOW\tALLIANCE\tDCA\tDISPUTED";

/// Writes one tab-separated row per agreement of `dossier`, under [`TABLE_HEADER`], under the
/// default dispute policy (see [`write_table_under`]).
pub fn write_table(out: &mut impl std::io::Write, dossier: &crate::dossier::Dossier) -> std::io::Result<()> {
    write_table_under(out, dossier, DisputePolicy::default())
}

/// Writes one tab-separated row per agreement of `dossier`, under [`TABLE_HEADER`], counting the
/// disputed facts `policy` counts: ATOP's five obligations (`-`, `cond`, `uncond`), the COW type
/// (`I`, `II`, `III` or `-`), whether ATOP counts it as an alliance, whether it is a defense
/// cooperation agreement in DCAD's sense, and whether the codings rest on a disputed fact
/// (an obligation or cooperation area some source disputes, counted or set aside) (`yes`/`no`).
/// `dossier codings` prints it; the research tables ([`crate::tables`])
/// carry the same codings as typed columns.
pub fn write_table_under(
    out: &mut impl std::io::Write,
    dossier: &crate::dossier::Dossier,
    policy: DisputePolicy,
) -> std::io::Result<()> {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let resolved = dossier.resolve(policy);
    for a in &resolved.agreements {
        // Derived from the recorded obligations, cooperation, kind and parties; nothing is
        // stored, so correcting a fact corrects its codings.
        let atop = a.atop_obligations();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            dossier.id,
            a.id,
            atop.defense,
            atop.offense,
            atop.neutrality,
            atop.nonaggression,
            atop.consultation,
            a.cow_type().map_or("-", CowType::as_str),
            yes_no(a.is_alliance()),
            yes_no(a.is_defense_cooperation()),
            yes_no(resolved.contested().codings(a.id.as_str())),
        )?;
    }
    Ok(())
}

impl Agreement {
    /// ATOP's five obligations (codebook v5.1), each absent, conditional or unconditional.
    ///
    /// Rule: an obligation is present when any party undertakes it (ATOP's alliance-level
    /// file codes a provision present when at least one member undertakes it; asymmetric
    /// pledges are broken down in its member-level file, see
    /// [`atop_obligations_of`](Self::atop_obligations_of)). It is conditional when every
    /// recorded pledge of that type carries at least one [`Condition`](crate::Condition);
    /// one unconditional pledge makes it unconditional. A pledge marked with a `dispute` does
    /// not count (the default [`DisputePolicy`]; see the module documentation).
    ///
    /// ```
    /// use defense_agreements::{Agreement, AgreementKind, Condition, ConditionType, Obligation, ObligationType, Party, PartyRole};
    /// use defense_agreements::codings::Atop;
    /// use defense_agreements::ids::{ActorId, AgreementId};
    ///
    /// let parties = vec![Party::full(ActorId::new("a")?), Party::full(ActorId::new("b")?)];
    /// let mut pact = Agreement::new(AgreementId::new("pact")?, "A pact", AgreementKind::DefensePact, parties);
    /// let mut defense = Obligation::mutual(ObligationType::Defense);
    /// let mut in_europe = Condition::new(ConditionType::Location);
    /// in_europe.text = Some("an attack in Europe".into());
    /// defense.conditions = vec![in_europe];
    /// pact.obligations = vec![defense, Obligation::mutual(ObligationType::Consultation)];
    ///
    /// let atop = pact.atop_obligations();
    /// assert_eq!(atop.defense, Atop::Conditional);
    /// assert_eq!(atop.consultation, Atop::Unconditional);
    /// assert_eq!(atop.offense, Atop::Absent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn atop_obligations(&self) -> AtopObligations {
        AtopObligations::from_obligations(self.obligations.iter().filter(|o| o.dispute.is_none()))
    }

    /// ATOP's member-level view: the obligations `actor` itself undertakes (pledges whose
    /// obligors include it, or name no one and so bind every party). An actor that is not a
    /// full party undertakes nothing.
    ///
    /// For the Manila Pact this is where the United States' understanding shows: its defense
    /// pledge is conditional on communist aggression as well as on the treaty area.
    pub fn atop_obligations_of(&self, actor: impl AsRef<str>) -> AtopObligations {
        let actor = actor.as_ref();
        let is_party = self.party_actors().any(|a| a.as_str() == actor);
        AtopObligations::from_obligations(self.obligations.iter().filter(move |o| {
            o.dispute.is_none() && is_party && (o.obligors.is_empty() || o.obligors.iter().any(|x| x.as_str() == actor))
        }))
    }

    /// The Correlates of War alliance type (Formal Alliances v4.1 codebook; Gibler 2009), by
    /// the highest pledge: a defense obligation makes a Type I defense pact; else neutrality
    /// or non-aggression a Type II pact; else consultation a Type III entente; else `None`
    /// (COW does not code the agreement as an alliance).
    ///
    /// Conditions do not lower the type: COW codes the kind of commitment, not its scope. An
    /// offense pledge alone has no COW type (COW's typology has none for it).
    ///
    /// ```
    /// use defense_agreements::{Agreement, AgreementKind, Obligation, ObligationType, Party, PartyRole};
    /// use defense_agreements::codings::CowType;
    /// use defense_agreements::ids::{ActorId, AgreementId};
    ///
    /// let parties = vec![Party::full(ActorId::new("a")?), Party::full(ActorId::new("b")?)];
    /// let mut pact = Agreement::new(AgreementId::new("p")?, "A pact", AgreementKind::NonAggression, parties);
    /// assert_eq!(pact.cow_type(), None);
    /// pact.obligations = vec![Obligation::mutual(ObligationType::Consultation)];
    /// assert_eq!(pact.cow_type(), Some(CowType::Entente));
    /// pact.obligations.push(Obligation::mutual(ObligationType::NonAggression));
    /// assert_eq!(pact.cow_type(), Some(CowType::NeutralityOrNonAggression));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cow_type(&self) -> Option<CowType> {
        let atop = self.atop_obligations();
        if atop.defense.is_present() {
            Some(CowType::DefensePact)
        } else if atop.neutrality.is_present() || atop.nonaggression.is_present() {
            Some(CowType::NeutralityOrNonAggression)
        } else if atop.consultation.is_present() {
            Some(CowType::Entente)
        } else {
            None
        }
    }

    /// Whether ATOP would count the agreement as an alliance: it contains at least one of the
    /// five obligations (defense, offense, neutrality, non-aggression, consultation).
    ///
    /// ATOP also requires a written agreement between at least two independent states; the
    /// crate takes the recorded agreement as that and does not check statehood.
    pub fn is_alliance(&self) -> bool {
        self.atop_obligations().any()
    }

    /// Whether the agreement is a defense cooperation agreement in DCAD's sense (Kinne 2020):
    /// a formal, bilateral framework for routine defense cooperation **without** a mutual
    /// defense pledge. Operationalized as all of:
    ///
    /// 1. exactly two distinct full parties (role `party`) — DCAD codes bilateral
    ///    agreements only; a multilateral framework is outside its population;
    /// 2. no defense and no offense obligation — those make it an alliance, which DCAD
    ///    sets apart;
    /// 3. a framework for cooperation: the kind is `defense_cooperation` or
    ///    `military_cooperation`; or the kind is not one of the single-purpose kinds
    ///    (status of forces, basing, arms transfer, ceasefire, the pact kinds) and at least
    ///    one cooperation area beyond basing, status of forces, procurement and `other` is
    ///    recorded. DCAD leaves out agreements confined to one narrow issue, such as a SOFA
    ///    or a single arms sale.
    ///
    /// ```
    /// use defense_agreements::{Agreement, AgreementKind, Cooperation, CooperationArea, Party, PartyRole};
    /// use defense_agreements::ids::{ActorId, AgreementId};
    ///
    /// let parties = vec![Party::full(ActorId::new("a")?), Party::full(ActorId::new("b")?)];
    /// let mut deal = Agreement::new(AgreementId::new("d")?, "A deal", AgreementKind::Other, parties);
    /// assert!(!deal.is_defense_cooperation()); // no cooperation recorded yet
    /// deal.cooperation = vec![Cooperation::mutual(CooperationArea::Training)];
    /// assert!(deal.is_defense_cooperation());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_defense_cooperation(&self) -> bool {
        let parties: HashSet<&ActorId> =
            self.parties.iter().filter(|p| p.role == PartyRole::Party).map(|p| &p.actor).collect();
        if parties.len() != 2 {
            return false;
        }
        let atop = self.atop_obligations();
        if atop.defense.is_present() || atop.offense.is_present() {
            return false;
        }
        match self.kind {
            AgreementKind::DefenseCooperation | AgreementKind::MilitaryCooperation => true,
            AgreementKind::StatusOfForces
            | AgreementKind::Basing
            | AgreementKind::ArmsTransfer
            | AgreementKind::Ceasefire
            | AgreementKind::DefensePact
            | AgreementKind::NonAggression
            | AgreementKind::Neutrality
            | AgreementKind::Entente => false,
            _ => self.cooperation.iter().any(|c| c.dispute.is_none() && is_framework_area(c.area)),
        }
    }
}

/// Areas that on their own make a framework of routine cooperation (not one narrow issue).
fn is_framework_area(area: CooperationArea) -> bool {
    !matches!(
        area,
        CooperationArea::Basing
            | CooperationArea::StatusOfForces
            | CooperationArea::Procurement
            | CooperationArea::Other
    )
}
