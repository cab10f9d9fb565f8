//! Rewriting the references of a dossier to records of one kind, through an id map.

use std::collections::HashMap;

use crate::Dossier;
use crate::identity::RecordKind;

/// Makes every reference of `d` to a record of `kind` whose id is in `map` name the mapped id
/// instead. Record ids themselves are not changed.
pub(crate) fn remap(d: &mut Dossier, kind: RecordKind, map: &HashMap<String, String>) {
    if map.is_empty() {
        return;
    }
    macro_rules! set {
        ($id:expr) => {
            if let Some(new) = map.get($id.as_str()) {
                if let Ok(new) = new.parse() {
                    *$id = new;
                }
            }
        };
    }
    macro_rules! cites {
        ($list:expr) => {
            if kind == RecordKind::Source {
                for c in $list.iter_mut() {
                    set!(&mut c.source);
                }
            }
        };
    }
    let actors = kind == RecordKind::Actor;
    for a in &mut d.actors {
        if actors {
            if let Some(p) = a.parent.as_mut() {
                set!(p);
            }
            a.sponsors.iter_mut().for_each(|s| set!(s));
        }
        cites!(a.citations);
    }
    for p in &mut d.people {
        for post in &mut p.posts {
            if actors {
                set!(&mut post.organization);
            }
            cites!(post.citations);
        }
        cites!(p.citations);
    }
    for a in &mut d.agreements {
        for p in &mut a.parties {
            if actors {
                set!(&mut p.actor);
            }
            cites!(p.citations);
        }
        for x in &mut a.actions {
            if actors {
                if let Some(p) = x.party.as_mut() {
                    set!(p);
                }
            }
            cites!(x.citations);
        }
        for s in &mut a.signatures {
            if actors {
                set!(&mut s.party);
            }
            if kind == RecordKind::Person {
                set!(&mut s.signer);
            }
            cites!(s.citations);
        }
        if let Some(w) = a.duration.as_mut().and_then(duration_withdrawal) {
            cites!(w.citations);
        }
        for o in &mut a.obligations {
            if actors {
                o.obligors.iter_mut().chain(o.beneficiaries.iter_mut()).for_each(|x| set!(x));
                o.conditions.iter_mut().flat_map(|c| c.actors.iter_mut()).for_each(|x| set!(x));
            }
            cites!(o.citations);
        }
        for c in &mut a.cooperation {
            if actors {
                c.providers.iter_mut().chain(c.recipients.iter_mut()).for_each(|x| set!(x));
            }
            cites!(c.citations);
        }
        for c in &mut a.clauses {
            cites!(c.citations);
        }
        for r in &mut a.related {
            if kind == RecordKind::Agreement {
                if let Some(x) = r.agreement.as_mut() {
                    set!(x);
                }
            }
            cites!(r.citations);
        }
        cites!(a.citations);
    }
    for t in &mut d.troop_presences {
        if actors {
            t.forces.iter_mut().for_each(|x| set!(x));
        }
        if kind == RecordKind::Agreement {
            if let Some(x) = t.agreement.as_mut() {
                set!(x);
            }
        }
        cites!(t.citations);
    }
    for s in &mut d.supports {
        if actors {
            set!(&mut s.supporter);
            set!(&mut s.recipient);
        }
        cites!(s.citations);
    }
    for s in &mut d.statements {
        if kind == RecordKind::Person {
            s.speakers.iter_mut().for_each(|x| set!(x));
        }
        if actors {
            s.on_behalf_of.iter_mut().for_each(|x| set!(x));
        }
        for r in &mut s.about {
            use crate::RecordRef as R;
            match (kind, r) {
                (RecordKind::Actor, R::Actor { id }) => set!(id),
                (RecordKind::Person, R::Person { id }) => set!(id),
                (RecordKind::Agreement, R::Agreement { id }) => set!(id),
                (RecordKind::TroopPresence, R::TroopPresence { id }) => set!(id),
                (RecordKind::Support, R::Support { id }) => set!(id),
                (RecordKind::Statement, R::Statement { id }) => set!(id),
                _ => {}
            }
        }
        cites!(s.citations);
    }
}

fn duration_withdrawal(d: &mut crate::Duration) -> Option<&mut crate::WithdrawalTerms> {
    match d {
        crate::Duration::Indefinite { withdrawal }
        | crate::Duration::FixedTerm { withdrawal, .. }
        | crate::Duration::UntilEvent { withdrawal, .. } => withdrawal.as_mut(),
    }
}
