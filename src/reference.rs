//! References to records of any kind, for fields that may point at more than one kind.

use serde::{Deserialize, Serialize};

use crate::ids::{ActorId, AgreementId, PersonId, StatementId, SupportId, TroopPresenceId};

/// A typed pointer to a record in the same dossier: `{"type": "actor", "id": "turkey"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub enum RecordRef {
    /// An [`Actor`](crate::Actor).
    Actor {
        /// Its id.
        id: ActorId,
    },
    /// A [`Person`](crate::Person).
    Person {
        /// Its id.
        id: PersonId,
    },
    /// An [`Agreement`](crate::Agreement).
    Agreement {
        /// Its id.
        id: AgreementId,
    },
    /// A [`TroopPresence`](crate::TroopPresence).
    TroopPresence {
        /// Its id.
        id: TroopPresenceId,
    },
    /// A [`Support`](crate::Support).
    Support {
        /// Its id.
        id: SupportId,
    },
    /// A [`Statement`](crate::Statement).
    Statement {
        /// Its id.
        id: StatementId,
    },
}

impl RecordRef {
    /// The id referred to, whatever the kind.
    pub fn id(&self) -> &str {
        match self {
            Self::Actor { id } => id.as_str(),
            Self::Person { id } => id.as_str(),
            Self::Agreement { id } => id.as_str(),
            Self::TroopPresence { id } => id.as_str(),
            Self::Support { id } => id.as_str(),
            Self::Statement { id } => id.as_str(),
        }
    }
}

macro_rules! from_id {
    ($($id:ident => $variant:ident),*) => {
        $(impl From<$id> for RecordRef {
            fn from(id: $id) -> Self {
                Self::$variant { id }
            }
        })*
    };
}

from_id!(ActorId => Actor, PersonId => Person, AgreementId => Agreement, TroopPresenceId => TroopPresence,
    SupportId => Support, StatementId => Statement);

/// [`RecordRef`]'s reader (see [`crate::tagged`]): the same variants and fields, externally tagged.
#[derive(Deserialize)]
#[serde(remote = "RecordRef", rename_all = "snake_case", deny_unknown_fields)]
enum RecordRefByTag {
    Actor { id: ActorId },
    Person { id: PersonId },
    Agreement { id: AgreementId },
    TroopPresence { id: TroopPresenceId },
    Support { id: SupportId },
    Statement { id: StatementId },
}

crate::tagged::tagged_union!(RecordRef, RecordRefByTag, "a record reference object with a `type`");
