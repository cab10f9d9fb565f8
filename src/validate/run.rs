//! The validation of a whole dossier: every record's references resolved and its own rules
//! checked, in one pass over the lists of the table of record kinds.

use super::{Checker, Path, Report};
use crate::dossier::Dossier;
use crate::walk::IdRef;

/// `Dossier::validate`, from the table of record kinds.
macro_rules! validate_lists {
    ([] $($kind:ident, $list:ident, $one:ident, $id:ident, $ty:ident, $noun:literal;)*) => {
        impl Dossier {
            /// Checks every rule of the model and returns every problem found.
            pub fn validate(&self) -> Report {
                let mut c = Checker::new(self);
                let root = Path::ROOT;
                c.opt_text(&root.key("title"), self.title.as_ref());
                $(
                    let list = root.key(stringify!($list));
                    for (i, r) in self.$list.iter().enumerate() {
                        let at = list.index(i);
                        crate::walk::read::$one(r, &at, &mut |path, id| {
                            // A record naming itself (an actor as its own sponsor) resolves, to
                            // itself, and must not count as referenced by another record.
                            if id.kind() == crate::walk::RecordKind::$kind && id.as_str() == r.id.as_str() {
                                return;
                            }
                            let agreement = matches!(id, IdRef::Clause(_)).then_some(i);
                            c.resolve(path, id, agreement);
                        });
                        r.check(&mut c, &at);
                    }
                )*
                crate::actor::check_parent_cycles(&mut c);
                c.finish()
            }
        }
    };
}
crate::records::record_kinds!(validate_lists []);
