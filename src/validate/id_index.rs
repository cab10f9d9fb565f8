//! The one id index of validation: the positions of records (or parties, or clauses) by id.

use std::collections::HashMap;

/// Up to this many items, ids are found by scanning the items: with a handful of short ids that
/// beats hashing, and it needs no allocation.
pub(crate) const SCAN: usize = 16;

/// Something with a key to index it by: a record's id, a clause's id, a party's actor.
pub(crate) trait Keyed {
    fn key(&self) -> &str;
}

macro_rules! keyed_records {
    ([] $($kind:ident, $list:ident, $one:ident, $id:ident, $ty:ident, $noun:literal;)*) => {
        $(impl Keyed for crate::$ty {
            fn key(&self) -> &str {
                self.id.as_str()
            }
        })*
    };
}
crate::records::record_kinds!(keyed_records []);

impl Keyed for crate::agreement::Clause {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

impl Keyed for crate::agreement::Party {
    fn key(&self) -> &str {
        self.actor.as_str()
    }
}

/// Maps keys to positions (the first item, when a key is repeated): scanned in place when the
/// items are few, hashed when many. Building and each lookup are linear in the worst case for a
/// scan of at most [`SCAN`] items, constant on average for the hash, so any document is indexed
/// in linear time.
pub(crate) enum IdIndex<'d, T> {
    /// Few items: scanned in place (monomorphized, so the comparison inlines).
    Scan(&'d [T]),
    /// Many items: hashed. foldhash is several times faster than SipHash on short keys and,
    /// seeded per process, still keeps crafted ids from degrading the table.
    Hash(HashMap<&'d str, usize, foldhash::fast::RandomState>),
}

impl<'d, T: Keyed> IdIndex<'d, T> {
    /// Indexes `items`, calling `duplicate(i, first)` for each item whose key an earlier item
    /// `first` already has.
    pub(crate) fn build(items: &'d [T], mut duplicate: impl FnMut(usize, usize)) -> Self {
        if items.len() <= SCAN {
            for (i, r) in items.iter().enumerate() {
                let key = r.key();
                if let Some(first) = items[..i].iter().position(|o| o.key() == key) {
                    duplicate(i, first);
                }
            }
            return Self::Scan(items);
        }
        let mut map = HashMap::with_capacity_and_hasher(items.len(), foldhash::fast::RandomState::default());
        for (i, r) in items.iter().enumerate() {
            let key = r.key();
            if let Some(first) = map.insert(key, i) {
                // Keep the first item as the one lookups find.
                map.insert(key, first);
                duplicate(i, first);
            }
        }
        Self::Hash(map)
    }

    /// Indexes `items` when duplicates do not matter here.
    pub(crate) fn new(items: &'d [T]) -> Self {
        Self::build(items, |_, _| {})
    }

    /// The position of the first item with this key.
    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        match self {
            Self::Scan(items) => items.iter().position(|r| r.key() == key),
            Self::Hash(map) => map.get(key).copied(),
        }
    }

    /// Whether some item has this key.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}
