//! The dossier: the document everything else lives in, and the entry points to read and write it.

use std::io::{Read, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::agreement::Agreement;
use crate::error::Error;
use crate::extensions::Extensions;
use crate::ids::DossierId;
use crate::person::Person;
use crate::schema_version::SchemaVersion;
use crate::source::Source;
use crate::statement::Statement;
use crate::support::Support;
use crate::troop_presence::TroopPresence;
use crate::validate::{Checker, Path, Report};
use crate::values::CountryCode;

/// Everything known about one or more agreements and their context: flat lists of records
/// that refer to each other by local id. One JSON file, or one JSON Lines line, is one dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[cfg_attr(feature = "schema", schemars(title = "Dossier"))]
#[non_exhaustive]
pub struct Dossier {
    /// The version of the JSON contract: "1.0".
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
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// Just enough of a document to read its version before blaming anything else.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

impl Dossier {
    /// An empty dossier of the current schema version.
    pub fn new(id: DossierId) -> Self {
        Self {
            schema_version: SchemaVersion::CURRENT,
            id,
            title: None,
            actors: Vec::new(),
            people: Vec::new(),
            agreements: Vec::new(),
            troop_presences: Vec::new(),
            supports: Vec::new(),
            statements: Vec::new(),
            sources: Vec::new(),
            extensions: Extensions::new(),
        }
    }

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
        if let Ok(VersionProbe { schema_version: Some(serde_json::Value::String(v)) }) = serde_json::from_slice(bytes) {
            if SchemaVersion::parse(&v).is_some_and(|sv| sv.major() != SchemaVersion::CURRENT.major()) {
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

    /// Checks every rule of the model and returns every problem found.
    pub fn validate(&self) -> Report {
        let mut c = Checker::new(self);
        let root = Path::ROOT;
        c.opt_text(&root.key("title"), self.title.as_ref());
        let list = root.key("actors");
        for (i, r) in self.actors.iter().enumerate() {
            r.check(&mut c, &list.index(i));
        }
        crate::actor::check_parent_cycles(&mut c);
        let list = root.key("people");
        for (i, r) in self.people.iter().enumerate() {
            r.check(&mut c, &list.index(i));
        }
        let list = root.key("agreements");
        for (i, r) in self.agreements.iter().enumerate() {
            r.check(&mut c, &list.index(i));
        }
        let list = root.key("troop_presences");
        for (i, r) in self.troop_presences.iter().enumerate() {
            r.check(&mut c, &list.index(i));
        }
        let list = root.key("supports");
        for (i, r) in self.supports.iter().enumerate() {
            r.check(&mut c, &list.index(i));
        }
        let list = root.key("statements");
        for (i, r) in self.statements.iter().enumerate() {
            r.check(&mut c, &list.index(i));
        }
        let list = root.key("sources");
        for (i, r) in self.sources.iter().enumerate() {
            r.check(&mut c, &list.index(i));
        }
        c.finish()
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|r| r.id.as_str() == id)
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|r| r.id.as_str() == id)
    }

    /// The agreement with this id.
    pub fn agreement(&self, id: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|r| r.id.as_str() == id)
    }

    /// The troop presence with this id.
    pub fn troop_presence(&self, id: &str) -> Option<&TroopPresence> {
        self.troop_presences.iter().find(|r| r.id.as_str() == id)
    }

    /// The statement with this id.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|r| r.id.as_str() == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|r| r.id.as_str() == id)
    }

    /// The agreements `actor` is a party to (any role), whatever their status.
    pub fn agreements_of<'a>(&'a self, actor: &'a str) -> impl Iterator<Item = &'a Agreement> + 'a {
        self.agreements.iter().filter(move |a| a.parties.iter().any(|p| p.actor.as_str() == actor))
    }

    /// The agreements that bind `actor` on `day` (see [`Agreement::binds_on`]).
    pub fn agreements_binding<'a>(
        &'a self,
        actor: &'a str,
        day: NaiveDate,
    ) -> impl Iterator<Item = &'a Agreement> + 'a {
        self.agreements
            .iter()
            .filter(move |a| a.parties.iter().any(|p| p.actor.as_str() == actor && a.binds_on(&p.actor, day)))
    }

    /// The foreign or domestic forces reported present in `country`.
    pub fn forces_in(&self, country: CountryCode) -> impl Iterator<Item = &TroopPresence> {
        self.troop_presences.iter().filter(move |t| t.host_country == country)
    }

    /// The actor and every actor it belongs to, nearest first (IRGC, then Iran). Stops at a
    /// cycle or a missing parent.
    pub fn ancestry<'a>(&'a self, actor: &'a str) -> impl Iterator<Item = &'a Actor> + 'a {
        let mut next = self.actor(actor);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let current = next?;
            steps += 1;
            next = if steps > self.actors.len() {
                None
            } else {
                current.parent.as_ref().and_then(|p| self.actor(p.as_str()))
            };
            Some(current)
        })
    }
}

crate::objects_only::objects_only!(Dossier);
