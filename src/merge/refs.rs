//! Rewriting the references of a dossier through an id map, with the reference walk.

use std::collections::HashMap;

use crate::dossier::Dossier;
use crate::walk::RecordKind;

/// Makes every reference of `d` to a record of `kind` whose id is in `map` name the mapped id
/// instead: one pass over the references, whatever the size of the map. Record ids themselves
/// are not changed.
pub(crate) fn remap(d: &mut Dossier, kind: RecordKind, map: &HashMap<String, String>) {
    if map.is_empty() {
        return;
    }
    for mut r in d.references_mut() {
        if r.kind() == kind {
            if let Some(new) = map.get(r.id()) {
                // Every mapped id is a local id already: setting it cannot fail.
                let _ = r.set_id(new);
            }
        }
    }
}
