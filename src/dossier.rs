//! The dossier: the document everything else lives in, and the entry points to read and write it.

use std::collections::HashMap;
use std::io::{Read, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::actor_tree::ActorTree;
use crate::agreement::Agreement;
use crate::dispute::{Claim, Competing, Dispute};
use crate::error::Error;
use crate::extensions::Extensions;
use crate::ids::{ActorId, DossierId};
use crate::person::Person;
use crate::schema_version::SchemaVersion;
use crate::source::Source;
use crate::statement::Statement;
use crate::support::Support;
use crate::troop_presence::TroopPresence;
use crate::values::CountryCode;

/// Everything known about one or more agreements and their context: flat lists of records
/// that refer to each other by local id. One JSON file, or one JSON Lines line, is one dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[cfg_attr(feature = "schema", schemars(title = "Dossier"))]
#[non_exhaustive]
pub struct Dossier {
    /// The version of the JSON contract: "1.1" (documents of "1.0" are read unchanged).
    pub schema_version: SchemaVersion,
    /// The dossier's id.
    pub id: DossierId,
    /// A title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// States, forces, organs, organizations, armed groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Officials: signers, speakers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The agreements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Agreement>,
    /// Forces present in host countries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub troop_presences: Vec<TroopPresence>,
    /// Support relations between actors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<Support>,
    /// What officials said.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Sets of competing claims; the competing records point here by `dispute`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<Dispute>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// The `schema_version` a document declares, read before blaming anything else. The top-level
/// keys are read in order and the reading stops at `schema_version`, so a document of another
/// major version is recognized even when it is cut short or malformed further on.
fn declared_version(bytes: &[u8]) -> Option<String> {
    struct Probe<'a>(&'a mut Option<String>);
    impl<'de> serde::de::Visitor<'de> for Probe<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == "schema_version" {
                    *self.0 = map.next_value::<Option<String>>()?;
                    // Stop here: whatever follows may be broken. The parser then reports that
                    // the object is unfinished, which is ignored.
                    return Ok(());
                }
                map.next_value::<serde::de::IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let mut found = None;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let _ = serde::Deserializer::deserialize_map(&mut de, Probe(&mut found));
    found
}

impl Dossier {
    /// Parses a JSON document. A leading byte order mark is ignored.
    ///
    /// Errors name the JSON path of the problem:
    /// `/agreements/0/signatures/1/date: invalid EDTF date '2020-13-45' …`.
    pub fn from_json(json: &str) -> Result<Self, Error> {
        // Already UTF-8: skip the check `from_slice` makes.
        let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
        serde_json::from_str(json).map_err(|_| Self::diagnose(json.as_bytes()))
    }

    /// Parses a JSON document from bytes (which must be UTF-8).
    pub fn from_slice(bytes: &[u8]) -> Result<Self, Error> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // The fast path tracks no path; only a failing document is parsed again to find it.
        // Checking UTF-8 once for the whole text is far cheaper than serde_json checking
        // each string of a byte slice on its own.
        let parsed = match std::str::from_utf8(bytes) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(bytes),
        };
        parsed.map_err(|_| Self::diagnose(bytes))
    }

    /// Reads a whole JSON document from `reader`.
    pub fn from_reader(mut reader: impl Read) -> Result<Self, Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        Self::from_slice(&bytes)
    }

    fn diagnose(bytes: &[u8]) -> Error {
        if let Some(v) = declared_version(bytes) {
            if SchemaVersion::major_of(&v).is_some_and(|major| major != SchemaVersion::CURRENT.major()) {
                return Error::UnsupportedVersion { found: v };
            }
        }
        let mut de = serde_json::Deserializer::from_slice(bytes);
        match serde_path_to_error::deserialize::<_, Dossier>(&mut de) {
            Err(e) => Error::from_tracked(e),
            Ok(_) => match de.end() {
                Err(e) => Error::from_json(e, String::new()),
                // Both passes are the same parser; they can't disagree, but say so if they do.
                Ok(()) => Error::Parse {
                    path: String::new(),
                    kind: crate::error::ParseErrorKind::Syntax,
                    message: "the document could not be parsed".into(),
                    line: 0,
                    column: 0,
                },
            },
        }
    }

    /// The document as compact JSON.
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: every map key is a string.
        #[allow(clippy::expect_used)]
        serde_json::to_string(self).expect("a dossier always serializes")
    }

    /// The document as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        #[allow(clippy::expect_used)]
        serde_json::to_string_pretty(self).expect("a dossier always serializes")
    }

    /// Writes the document as compact JSON.
    pub fn write_json(&self, writer: impl Write) -> Result<(), Error> {
        serde_json::to_writer(writer, self).map_err(|e| match e.io_error_kind() {
            Some(kind) => Error::Io(std::io::Error::new(kind, e)),
            None => Error::from_json(e, String::new()),
        })
    }

    /// The agreements `actor` is a party to (any role), whatever their status: listed itself,
    /// or holding a listed party's place as the state that continues it (the United Kingdom in
    /// the 1386 Treaty of Windsor, which lists England; docs/lifecycle.md, "States that end and
    /// continue").
    pub fn agreements_of(&self, actor: impl AsRef<str>) -> impl Iterator<Item = &Agreement> {
        let successions = self.successions();
        let held: std::collections::HashSet<String> =
            successions.places_held(actor.as_ref()).into_iter().map(str::to_owned).collect();
        self.agreements.iter().filter(move |a| a.parties.iter().any(|p| held.contains(p.actor.as_str())))
    }

    /// The agreements that bind `actor` on `day`, following the succession links as the tables
    /// do: a dissolved actor is bound by nothing after its dissolution, and a state that
    /// continues a party is bound in its place (see [`Agreement::lifecycle_in`]).
    pub fn agreements_binding(&self, actor: impl AsRef<str>, day: NaiveDate) -> impl Iterator<Item = &Agreement> {
        let successions = self.successions();
        let actor = actor.as_ref().to_owned();
        let bound: Vec<&Agreement> = match ActorId::new(&actor) {
            Ok(id) => self.agreements_of(&actor).filter(|a| a.lifecycle_in(&successions).is_bound(&id, day)).collect(),
            Err(_) => Vec::new(),
        };
        bound.into_iter()
    }

    /// The succession links of the dossier's actors, indexed once: pass them to
    /// [`Agreement::lifecycle_in`] so that the views follow states that dissolve or continue
    /// one another (docs/lifecycle.md).
    pub fn successions(&self) -> crate::Successions<'_> {
        crate::Successions::new(&self.actors)
    }

    /// The foreign or domestic forces reported present in `country`. A presence marked with a
    /// `dispute` is not listed (the default [`DisputePolicy`](crate::DisputePolicy)); list those
    /// another policy counts from [`Dossier::resolve`]`(policy)`.
    pub fn forces_in(&self, country: CountryCode) -> impl Iterator<Item = &TroopPresence> {
        self.troop_presences.iter().filter(move |t| t.host_country == country && t.dispute.is_none())
    }

    /// The actor and every actor it belongs to, nearest first (IRGC, then Iran). Each actor is
    /// given once: the walk stops where a parent cycle would revisit one, and at a missing
    /// parent. Linear in the number of actors; to ask about many actors, build one
    /// [`ActorTree`] and ask it.
    pub fn ancestry(&self, actor: impl AsRef<str>) -> impl Iterator<Item = &Actor> {
        let tree = ActorTree::new(&self.actors);
        let found: Vec<&Actor> = tree.ancestry(actor.as_ref()).collect();
        found.into_iter()
    }

    /// The actors' parent links as one tree: ancestry and containment for many actors at the
    /// cost of one.
    pub fn actor_tree(&self) -> ActorTree<'_> {
        ActorTree::new(&self.actors)
    }
}

impl Dossier {
    /// Every dispute with its competing records (for a dispute over a field, its value
    /// alternatives are in [`Dispute::alternatives`]). One pass over the dossier.
    pub fn competing_claims<'a>(&'a self) -> Vec<Competing<'a>> {
        let mut position: HashMap<&str, usize> = HashMap::with_capacity(self.disputes.len());
        let mut out: Vec<Competing<'a>> = Vec::with_capacity(self.disputes.len());
        for d in &self.disputes {
            if !position.contains_key(d.id.as_str()) {
                position.insert(d.id.as_str(), out.len());
                out.push(Competing { dispute: d, claims: Vec::new() });
            }
        }
        if out.is_empty() {
            return out;
        }
        crate::nested::marks(self, &mut |_, id, marked| {
            let Some(claim) = Claim::from_marked(marked) else { return };
            if let Some(c) = position.get(id.as_str()).and_then(|i| out.get_mut(*i)) {
                c.claims.push(claim);
            }
        });
        out
    }
}

crate::with::with!(Dossier {
    with_title: title opt String;
    with_actors: actors list Actor;
    with_people: people list Person;
    with_agreements: agreements list Agreement;
    with_troop_presences: troop_presences list TroopPresence;
    with_supports: supports list Support;
    with_statements: statements list Statement;
    with_sources: sources list Source;
    with_disputes: disputes list Dispute;
    with_extensions: extensions val Extensions;
});
/// The constructor and lookups, from the table of record kinds.
macro_rules! dossier_lists {
    ([] $($kind:ident, $list:ident, $one:ident, $id:ident, $ty:ident, $noun:literal;)*) => {
        impl Dossier {
            /// An empty dossier of the current schema version.
            pub fn new(id: DossierId) -> Self {
                Self {
                    schema_version: SchemaVersion::CURRENT,
                    id,
                    title: None,
                    $($list: Vec::new(),)*
                    extensions: Extensions::new(),
                }
            }

            $(
                #[doc = concat!("The ", $noun, " with this id (the first, if two share it). Takes a `&str` or a [`", stringify!($id), "`](crate::ids::", stringify!($id), ").")]
                pub fn $one(&self, id: impl AsRef<str>) -> Option<&$ty> {
                    let id = id.as_ref();
                    self.$list.iter().find(|r| r.id.as_str() == id)
                }
            )*
        }
    };
}
crate::records::record_kinds!(dossier_lists []);

crate::objects_only::objects_only!(Dossier);
