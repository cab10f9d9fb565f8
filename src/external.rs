//! References to records kept in another dossier.

use serde::{Deserialize, Serialize};

use crate::ids::{DossierId, RecordId};
use crate::values::Identifier;

/// A pointer to a record in another dossier: by the dossier's id and the record's local id,
/// by outside identifiers (UNTS number, ATOP id, Wikidata QID …), or both.
///
/// The kind of record is the field's: `Related.external` points at an agreement. Local ids
/// are unique only within their dossier, so an `id` needs its `dossier`; identifiers are
/// global and may stand alone. A corpus resolves the reference with [`ExternalRef::matches`]:
/// `{"dossier": "north-atlantic-treaty-1949", "id": "north-atlantic-treaty"}` or
/// `{"identifiers": [{"scheme": "unts", "value": "I-541"}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct ExternalRef {
    /// The dossier holding the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier: Option<DossierId>,
    /// The record's local id in that dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// Outside identifiers of the record; any one of them that the record also carries
    /// identifies it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
}

impl ExternalRef {
    /// A reference to record `id` of dossier `dossier`.
    pub fn new(dossier: DossierId, id: RecordId) -> Self {
        Self { dossier: Some(dossier), id: Some(id), identifiers: Vec::new() }
    }

    /// A reference by outside identifiers alone.
    pub fn by_identifiers(identifiers: Vec<Identifier>) -> Self {
        Self { dossier: None, id: None, identifiers }
    }

    /// Whether the reference says enough to find its record: a dossier and an id, or at least
    /// one outside identifier.
    pub fn is_complete(&self) -> bool {
        (self.dossier.is_some() && self.id.is_some()) || (self.id.is_none() && !self.identifiers.is_empty())
    }

    /// Whether the record `id` of dossier `dossier`, carrying `identifiers`, is the one referred
    /// to. A given dossier and id must both agree; identifiers match on equal scheme and value
    /// (any one suffices), within the given dossier when there is one.
    pub fn matches(&self, dossier: &str, id: &str, identifiers: &[Identifier]) -> bool {
        if self.dossier.as_ref().is_some_and(|d| d.as_str() != dossier) {
            return false;
        }
        match &self.id {
            Some(own) => own.as_str() == id,
            None => self.identifiers.iter().any(|i| identifiers.contains(i)),
        }
    }
}

use crate::validate::{Checker, Code, Path};

impl ExternalRef {
    /// Checks what can be checked without the other dossier: that the reference is complete,
    /// that its identifiers are well formed, and, when it names this very dossier, that the
    /// record exists here.
    /// The record is an agreement (`Related.external`, the only field of this type so far).
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        if !self.is_complete() {
            let why = if self.id.is_some() { "an id needs the dossier it belongs to" } else { "it names no record" };
            c.issue(
                path,
                Code::ExternalReferenceIncomplete,
                format!("give a dossier and an id, or an outside identifier: {why}"),
            );
        }
        c.identifiers(&path.key("identifiers"), &self.identifiers);
        if let (Some(dossier), Some(id)) = (&self.dossier, &self.id) {
            if *dossier == c.dossier.id && c.agreements.get(id.as_str()).is_none() {
                c.issue(&path.key("id"), Code::DanglingReference, format!("no agreement has id '{id}'"));
            }
        }
    }
}

crate::with::with!(ExternalRef {
    with_dossier: dossier opt DossierId;
    with_id: id opt RecordId;
    with_identifiers: identifiers list Identifier;
});

crate::objects_only::objects_only!(ExternalRef);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_by_dossier_and_id_or_by_identifier() -> Result<(), Box<dyn std::error::Error>> {
        let unts = Identifier::new("unts", "I-541")?;
        let by_id = ExternalRef::new(DossierId::new("nato-1949")?, RecordId::new("nat")?);
        assert!(by_id.is_complete());
        assert!(by_id.matches("nato-1949", "nat", &[]));
        assert!(!by_id.matches("other", "nat", &[]));
        assert!(!by_id.matches("nato-1949", "other", &[]));
        let by_unts = ExternalRef::by_identifiers(vec![unts.clone()]);
        assert!(by_unts.is_complete());
        assert!(by_unts.matches("any", "any", std::slice::from_ref(&unts)));
        assert!(!by_unts.matches("any", "any", &[]));
        let mut id_only = ExternalRef::by_identifiers(Vec::new());
        assert!(!id_only.is_complete());
        id_only.id = Some(RecordId::new("nat")?);
        id_only.identifiers.push(unts);
        assert!(!id_only.is_complete(), "an id is local: it needs its dossier");
        Ok(())
    }
}
