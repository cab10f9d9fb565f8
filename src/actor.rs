//! Actors: states, armed forces, state organs, organizations, armed groups, coalitions.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::ActorId;
use crate::name::OtherName;
use crate::succession::Succession;
use crate::values::{CountryCode, EdtfDate, Identifier, Place};

/// Any organization that acts: a state, its armed forces or a ministry, an international
/// organization, a militia.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Actor {
    /// Local id.
    pub id: ActorId,
    /// The usual English name.
    pub name: String,
    /// Other names and spellings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<OtherName>,
    /// What sort of actor it is.
    pub kind: ActorKind,
    /// The state it is, or belongs to (ISO 3166 alpha-3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// The actor it is part of: the IRGC's parent is Iran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<ActorId>,
    /// States or others that back it (a militia's sponsors).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<ActorId>,
    /// When it came into being (a state's independence, an organization's founding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<EdtfDate>,
    /// When it ceased to exist (SEATO: 1977-06-30). Its agreements may outlive it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolved: Option<EdtfDate>,
    /// Where an organization has its seat (SEATO: Bangkok; the Western European Union:
    /// London, then Brussels): a place, not an actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<Place>,
    /// How it ends or carries on another: the actor it continues (the United Kingdom, Great
    /// Britain), was succeeded by, or dissolved into, with the date and sources. Only
    /// `continues` carries agreements: see docs/lifecycle.md.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub succession: Vec<Succession>,
    /// Outside identifiers: COW country code, Wikidata QID …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Sources for what is said of the actor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Actor {
    /// An actor with a name and kind and nothing else.
    pub fn new(id: ActorId, name: impl Into<String>, kind: ActorKind) -> Self {
        Self {
            id,
            name: name.into(),
            other_names: Vec::new(),
            kind,
            country: None,
            parent: None,
            sponsors: Vec::new(),
            founded: None,
            dissolved: None,
            seat: None,
            succession: Vec::new(),
            identifiers: Vec::new(),
            citations: Vec::new(),
            extensions: Extensions::new(),
        }
    }

    /// A state, with its country code.
    pub fn state(id: ActorId, name: impl Into<String>, country: CountryCode) -> Self {
        let mut actor = Self::new(id, name, ActorKind::State);
        actor.country = Some(country);
        actor
    }
}

/// What sort of organization an actor is (ACLED and Popolo classifications, merged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActorKind {
    /// A sovereign state.
    State,
    /// A state's armed forces as a whole, or one service.
    ArmedForces,
    /// A ministry, agency or other organ of a state (a defense ministry, the IRGC).
    StateOrgan,
    /// An organization of states (NATO, SEATO, the CSTO).
    IntergovernmentalOrganization,
    /// An armed group outside any state's forces (Hezbollah).
    NonStateArmedGroup,
    /// A militia, possibly state-backed.
    Militia,
    /// A coalition or bloc of actors ("axis of resistance").
    Coalition,
    /// Anything else.
    Other,
}

crate::wire::wire_enum!(ActorKind, "actor kind" {
    State = "state",
    ArmedForces = "armed_forces",
    StateOrgan = "state_organ",
    IntergovernmentalOrganization = "intergovernmental_organization",
    NonStateArmedGroup = "non_state_armed_group",
    Militia = "militia",
    Coalition = "coalition",
    Other = "other",
});

use crate::validate::{Checker, Code, Path};

impl Actor {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        c.text(&path.key("name"), &self.name);
        c.other_names(&path.key("other_names"), &self.other_names);
        c.opt_date(&path.key("founded"), self.founded.as_ref());
        c.opt_date(&path.key("dissolved"), self.dissolved.as_ref());
        c.date_pair(&path.key("dissolved"), self.founded.as_ref(), self.dissolved.as_ref(), "dissolved");
        c.place(&path.key("seat"), self.seat.as_ref());
        let list = path.key("succession");
        for (i, s) in self.succession.iter().enumerate() {
            let at = list.index(i);
            c.date(&at.key("date"), &s.date);
            c.citations(&at, &s.citations, false);
        }
        c.identifiers(&path.key("identifiers"), &self.identifiers);
        c.citations(path, &self.citations, false);
    }
}

/// Reports each cycle in the parent links once, at the `parent` field that closes it.
/// Linear: every actor is walked at most once.
pub(crate) fn check_parent_cycles(c: &mut Checker<'_>) {
    const NEW: u8 = 0;
    const ON_WALK: u8 = 1;
    const DONE: u8 = 2;
    let actors = &c.dossier.actors;
    let mut state = vec![NEW; actors.len()];
    let mut walk = Vec::new();
    let mut cycles = Vec::new();
    for start in 0..actors.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            match state.get(i).copied() {
                Some(NEW) => {
                    state[i] = ON_WALK;
                    walk.push(i);
                    at = actors[i].parent.as_ref().and_then(|p| c.actors.get(p.as_str()));
                }
                Some(ON_WALK) => {
                    // The walk came back to an actor of its own: the link into `i` closes a cycle.
                    if let Some(&last) = walk.last() {
                        cycles.push(last);
                    }
                    at = None;
                }
                _ => at = None,
            }
        }
        for i in walk.drain(..) {
            state[i] = DONE;
        }
    }
    let list = Path::ROOT.key("actors");
    for i in cycles {
        let record = list.index(i);
        let id = actors.get(i).map_or("", |a| a.id.as_str());
        c.issue(
            &record.key("parent"),
            Code::ParentCycle,
            format!("actor '{id}' is its own ancestor through its parent links"),
        );
    }
}

crate::with::with!(Actor {
    with_other_names: other_names list OtherName;
    with_country: country opt CountryCode;
    with_parent: parent opt ActorId;
    with_sponsors: sponsors list ActorId;
    with_founded: founded opt EdtfDate;
    with_dissolved: dissolved opt EdtfDate;
    with_seat: seat opt Place;
    with_succession: succession list Succession;
    with_identifiers: identifiers list Identifier;
    with_citations: citations list Citation;
    with_extensions: extensions val Extensions;
});

crate::objects_only::objects_only!(Actor);
