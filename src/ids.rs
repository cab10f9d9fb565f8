//! Typed local identifiers: an `ActorId` can't be passed where a `PersonId` is meant.
//!
//! A local id names a record inside one dossier. It is 1–128 ASCII characters: letters, digits,
//! `_`, `-`, `.` or `:`, starting with a letter or digit (`iran`, `irgc`, `bagheri`,
//! `agreement:iran-syria-2020`). The same rule is the JSON Schema pattern.

use std::borrow::Borrow;
use std::fmt;

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smol_str::SmolStr;

/// The JSON Schema pattern every local id matches.
pub const ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$";

/// Whether `s` is a well-formed local id.
pub fn is_valid_id(s: &str) -> bool {
    let b = s.as_bytes();
    (1..=128).contains(&b.len()) && b[0].is_ascii_alphanumeric() && b.iter().all(|&c| ID_BYTES[usize::from(c)])
}

/// The bytes an id may contain, as a table: every id of every document is checked, and one
/// lookup per byte beats a chain of range tests.
const ID_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-');
        i += 1;
    }
    table
};

/// A string that is not a well-formed local id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid id '{0}': expected 1-128 characters of letters, digits, '_', '-', '.' or ':', starting with a letter or digit"
)]
pub struct IdError(String);

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        // SmolStr keeps ids of up to 23 bytes inline: most ids then cost no allocation.
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(SmolStr);

        impl $name {
            /// Checks and wraps an id.
            pub fn new(id: impl AsRef<str>) -> Result<Self, IdError> {
                let id = id.as_ref();
                if is_valid_id(id) { Ok(Self(SmolStr::new(id))) } else { Err(IdError(id.to_owned())) }
            }

            /// The id as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), &*self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdError;
            fn try_from(s: &str) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("the id of ", $what))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::new(v).map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        #[cfg(feature = "schema")]
        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "description": concat!("The local id of ", $what, " in this dossier."),
                    "pattern": ID_PATTERN
                })
            }
        }
    };
}

id_type!(
    /// The id of a dossier (unique within a corpus, by convention).
    DossierId, "a dossier"
);
id_type!(
    /// The id of an [`Actor`](crate::Actor).
    ActorId, "an actor"
);
id_type!(
    /// The id of a [`Person`](crate::Person).
    PersonId, "a person"
);
id_type!(
    /// The id of an [`Agreement`](crate::Agreement).
    AgreementId, "an agreement"
);
id_type!(
    /// The id of a [`Clause`](crate::Clause), unique within its agreement.
    ClauseId, "a clause"
);
id_type!(
    /// The id of a [`TroopPresence`](crate::TroopPresence).
    TroopPresenceId, "a troop presence"
);
id_type!(
    /// The id of a [`Statement`](crate::Statement).
    StatementId, "a statement"
);
id_type!(
    /// The id of a [`Support`](crate::Support) relation.
    SupportId, "a support relation"
);
id_type!(
    /// The id of a [`Source`](crate::Source).
    SourceId, "a source"
);
id_type!(
    /// The id of a [`Dispute`](crate::Dispute): a set of competing claims.
    DisputeId, "a dispute"
);
id_type!(
    /// The id of a record of any kind, as another dossier names it (see
    /// [`ExternalRef`](crate::ExternalRef)).
    RecordId, "a record"
);

impl RecordId {
    /// The id of a record whose local id is already checked: the rule is the same for every kind.
    #[cfg(feature = "merge")]
    pub(crate) fn from_local(id: &str) -> Self {
        Self(SmolStr::new(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_ids_compare_and_hash_as_their_text() {
        use std::collections::HashSet;
        let ids = ["iran", "agreement:iran-syria-2020", "a-very-long-id-that-is-stored-on-the-heap"];
        let set: HashSet<ActorId> = ids.iter().filter_map(|s| ActorId::new(s).ok()).collect();
        for id in ids {
            assert!(set.contains(id), "{id}");
            assert_eq!(ActorId::new(id).map(|a| a.to_string()), Ok(id.to_owned()));
        }
        let mut sorted: Vec<ActorId> = set.into_iter().collect();
        sorted.sort();
        let texts: Vec<&str> = sorted.iter().map(ActorId::as_str).collect();
        assert_eq!(texts, ["a-very-long-id-that-is-stored-on-the-heap", "agreement:iran-syria-2020", "iran"]);
    }

    #[test]
    fn accepts_and_rejects_ids() {
        for ok in ["iran", "a", "agreement:iran-syria-2020", "IRGC_2020.v1", &"x".repeat(128)] {
            assert!(ActorId::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-iran", " iran", "iran syria", "é", &"x".repeat(129), "a/b"] {
            assert!(ActorId::new(bad).is_err(), "{bad}");
        }
    }
}
