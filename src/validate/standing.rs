//! Precomputed indexes that keep the signer-standing rule linear on any input.
//!
//! "Does the signer hold, at the signature date, a post in the party or in an organ under it?"
//! asked naively costs signatures × the signer's posts × the depth of the parent chain: cubic on
//! a crafted document. Two indexes, each built once and only when needed, answer it instead:
//!
//! - [`Ancestry`]: the parent links as a forest, each parent cycle collapsed into one root (every
//!   member of a cycle is an ancestor of every other, which is what following the links would
//!   find), numbered in depth-first order so that "is `q` an ancestor of `o`" is two comparisons.
//! - [`PostTree`]: every post, grouped by person and ordered by its organization's depth-first
//!   number, in a merge-sort tree keyed by the post's start with the running latest end. A
//!   signature's question becomes a range query of O(log² posts).
//!
//! Small inputs keep the direct scans: a signer with a handful of posts is checked post by post.

use crate::dossier::Dossier;
use crate::values::{DayKey, EdtfDate};

use super::IdIndex;

/// A person with at most this many posts is checked by scanning them.
const FEW_POSTS: usize = 16;

/// The parent forest of the actors, in depth-first order.
pub(crate) struct Ancestry<'d> {
    /// The actor each index resolves to as a parent or an organization: its first record.
    /// `rep[i]` is the node standing for actor `i` (a cycle's members share one).
    rep: Vec<u32>,
    /// Depth-first entry and exit numbers of each node.
    enter: Vec<u32>,
    exit: Vec<u32>,
    /// Ties the index to the dossier it was built from.
    _dossier: std::marker::PhantomData<&'d Dossier>,
}

impl<'d> Ancestry<'d> {
    // Graph code over parallel arrays: indexing by node reads better than zipped iterators.
    #[allow(clippy::needless_range_loop)]
    pub(crate) fn build(dossier: &'d Dossier, actors: &IdIndex<'d, crate::actor::Actor>) -> Self {
        let list = &dossier.actors;
        let n = list.len().min(u32::MAX as usize);
        // The parent of each actor, as an index (None: no parent, or one that resolves nowhere).
        let parent: Vec<Option<usize>> =
            list.iter().map(|a| a.parent.as_ref().and_then(|p| actors.get(p.as_str()))).collect();
        // Cycles of the parent graph (each actor has at most one parent, so every walk ends in
        // a root or a cycle): the same three-colour walk as the parent_cycle rule.
        const NEW: u8 = 0;
        const ON_WALK: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; n];
        let mut rep: Vec<u32> = (0..n as u32).collect();
        let mut in_cycle = vec![false; n];
        let mut walk = Vec::new();
        for start in 0..n {
            let mut at = Some(start);
            while let Some(i) = at {
                match state[i] {
                    NEW => {
                        state[i] = ON_WALK;
                        walk.push(i);
                        at = parent[i];
                    }
                    ON_WALK => {
                        // The walk's tail from `i` onwards is a cycle: collapse it into `i`.
                        let from = walk.iter().rposition(|&w| w == i).unwrap_or(0);
                        for &member in &walk[from..] {
                            rep[member] = i as u32;
                            in_cycle[member] = true;
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
        // Children of each representative, as one flat array (counting sort by parent).
        let up = |i: usize| -> Option<usize> { if in_cycle[i] { None } else { parent[i].map(|p| rep[p] as usize) } };
        let mut first_child = vec![0u32; n + 1];
        for i in 0..n {
            if rep[i] as usize == i {
                if let Some(p) = up(i) {
                    first_child[p + 1] += 1;
                }
            }
        }
        for i in 0..n {
            first_child[i + 1] += first_child[i];
        }
        let mut fill = first_child.clone();
        let mut children = vec![0u32; first_child[n] as usize];
        for i in 0..n {
            if rep[i] as usize == i {
                if let Some(p) = up(i) {
                    children[fill[p] as usize] = i as u32;
                    fill[p] += 1;
                }
            }
        }
        // Depth-first numbering without recursion: a parent chain may be 100,000 long.
        let mut enter = vec![0u32; n];
        let mut exit = vec![0u32; n];
        let mut clock = 0u32;
        let mut stack: Vec<(u32, u32)> = Vec::new();
        for r in 0..n {
            if rep[r] as usize != r || up(r).is_some() {
                continue;
            }
            stack.push((r as u32, first_child[r]));
            enter[r] = clock;
            clock += 1;
            while let Some(top) = stack.last_mut() {
                let (node, next) = (top.0 as usize, top.1);
                if next < first_child[node + 1] {
                    top.1 += 1;
                    let child = children[next as usize] as usize;
                    enter[child] = clock;
                    clock += 1;
                    stack.push((child as u32, first_child[child]));
                } else {
                    exit[node] = clock;
                    stack.pop();
                }
            }
        }
        Self { rep, enter, exit, _dossier: std::marker::PhantomData }
    }

    /// The depth-first number of actor `i`'s node.
    pub(crate) fn order(&self, i: usize) -> u32 {
        self.rep.get(i).and_then(|&r| self.enter.get(r as usize)).copied().unwrap_or(0)
    }

    /// The depth-first numbers of the nodes under actor `i` (itself included): `start..end`.
    pub(crate) fn span(&self, i: usize) -> (u32, u32) {
        let r = self.rep.get(i).copied().unwrap_or(0) as usize;
        (self.enter.get(r).copied().unwrap_or(0), self.exit.get(r).copied().unwrap_or(0))
    }

    /// Whether actor `q` is actor `o` or one of its ancestors.
    pub(crate) fn contains(&self, q: usize, o: usize) -> bool {
        let (start, end) = self.span(q);
        (start..end).contains(&self.order(o))
    }
}

/// When a post may have been held: its start's first day (None: no bound) and its end's last
/// day (None: no bound). A post may be held during a date `d` when
/// `start <= d.latest` and `end >= d.earliest` (see [`Post::may_be_held_during`](crate::Post)).
#[derive(Clone, Copy)]
struct Tenure {
    start: Option<DayKey>,
    end: Option<DayKey>,
}

impl Tenure {
    fn of(post: &crate::person::Post) -> Self {
        Self {
            start: post.start.as_ref().and_then(EdtfDate::earliest_key),
            end: post.end.as_ref().and_then(EdtfDate::latest_key),
        }
    }
}

/// "Not ended before": an end of `None` is later than every day.
fn end_reaches(end: Option<DayKey>, day: DayKey) -> bool {
    end.is_none_or(|e| e >= day)
}

/// Every post of every person with many posts, in a merge-sort tree.
pub(crate) struct PostTree {
    /// Per person (by position): the range of `order` holding their posts, when indexed.
    person: Vec<Option<(u32, u32)>>,
    /// The posts' organizations' depth-first numbers, sorted within each person.
    order: Vec<u32>,
    /// Level `k` of the tree: runs of `2^k` leaves, each sorted by start, with the running
    /// latest end (`None` = no end) along the run.
    levels: Vec<Vec<(Option<DayKey>, Option<DayKey>)>>,
}

impl PostTree {
    pub(crate) fn build(dossier: &Dossier, ancestry: &Ancestry<'_>, actors: &IdIndex<'_, crate::actor::Actor>) -> Self {
        let mut person = vec![None; dossier.people.len()];
        let mut leaves: Vec<(u32, Tenure)> = Vec::new();
        for (p, who) in dossier.people.iter().enumerate() {
            if who.posts.len() <= FEW_POSTS {
                continue;
            }
            let from = leaves.len();
            for post in &who.posts {
                // A post in an organization that resolves nowhere gives standing in no party
                // that resolves (and standing is judged only in parties that do).
                if let Some(o) = actors.get(post.organization.as_str()) {
                    leaves.push((ancestry.order(o), Tenure::of(post)));
                }
            }
            leaves[from..].sort_unstable_by_key(|l| l.0);
            person[p] = Some((from as u32, leaves.len() as u32));
        }
        let order: Vec<u32> = leaves.iter().map(|l| l.0).collect();
        let mut levels = Vec::new();
        let mut level: Vec<(Option<DayKey>, Option<DayKey>)> = leaves.iter().map(|l| (l.1.start, l.1.end)).collect();
        let mut width = 1usize;
        while width < leaves.len().max(1) * 2 {
            // Store this level with running maxima of the end, then merge pairs of runs.
            let mut stored = level.clone();
            for run in stored.chunks_mut(width) {
                let mut best: Option<Option<DayKey>> = None;
                for e in run.iter_mut() {
                    let reach = match (best, e.1) {
                        (None, x) => x,
                        (Some(None), _) | (_, None) => None,
                        (Some(Some(a)), Some(b)) => Some(a.max(b)),
                    };
                    best = Some(reach);
                    e.1 = reach;
                }
            }
            levels.push(stored);
            if width >= leaves.len() {
                break;
            }
            let mut merged = Vec::with_capacity(level.len());
            for pair in level.chunks(width * 2) {
                let (a, b) = pair.split_at(width.min(pair.len()));
                let (mut i, mut j) = (0, 0);
                while i < a.len() || j < b.len() {
                    if j >= b.len() || (i < a.len() && a[i].0 <= b[j].0) {
                        merged.push(a[i]);
                        i += 1;
                    } else {
                        merged.push(b[j]);
                        j += 1;
                    }
                }
            }
            level = merged;
            width *= 2;
        }
        Self { person, order, levels }
    }

    /// Whether person `p` is indexed here (has many posts).
    pub(crate) fn has(&self, p: usize) -> bool {
        self.person.get(p).is_some_and(Option::is_some)
    }

    /// Whether person `p` holds a post in an organization numbered within `span`, that may be
    /// held during `[earliest, latest]` (None: unbounded).
    pub(crate) fn any(&self, p: usize, span: (u32, u32), earliest: Option<DayKey>, latest: Option<DayKey>) -> bool {
        let Some(Some((from, to))) = self.person.get(p).copied() else { return false };
        let slice = &self.order[from as usize..to as usize];
        let lo = from as usize + slice.partition_point(|&o| o < span.0);
        let hi = from as usize + slice.partition_point(|&o| o < span.1);
        // Standard iterative decomposition of [lo, hi) into aligned runs of the tree.
        let (mut lo, mut hi, mut k) = (lo, hi, 0usize);
        while lo < hi {
            let width = 1usize << k;
            if lo & width != 0 {
                if self.run_has(k, lo, earliest, latest) {
                    return true;
                }
                lo += width;
            }
            if hi & width != 0 {
                hi -= width;
                if self.run_has(k, hi, earliest, latest) {
                    return true;
                }
            }
            k += 1;
            if k > self.levels.len() {
                break;
            }
        }
        false
    }

    /// Whether the run of level `k` starting at `at` has a post started by `latest` and not
    /// ended before `earliest`.
    fn run_has(&self, k: usize, at: usize, earliest: Option<DayKey>, latest: Option<DayKey>) -> bool {
        let Some(level) = self.levels.get(k) else { return false };
        let end = (at + (1usize << k)).min(level.len());
        let Some(run) = level.get(at..end) else { return false };
        // Posts whose start is at most `latest` form a prefix of the run (no start sorts first).
        let started = match latest {
            None => run.len(),
            Some(l) => run.partition_point(|e| e.0.is_none_or(|s| s <= l)),
        };
        let Some(last) = started.checked_sub(1).and_then(|i| run.get(i)) else { return false };
        match earliest {
            None => true,
            Some(day) => end_reaches(last.1, day),
        }
    }
}

/// The indexes, built on first use: a dossier whose signatures all give a capacity, or whose
/// signers have few posts in a small actor list, never pays for them.
#[derive(Default)]
pub(crate) struct Standing<'d> {
    ancestry: Option<Ancestry<'d>>,
    posts: Option<PostTree>,
}

/// Up to this many actors, a parent chain is short enough to walk.
const FEW_ACTORS: usize = 16;

impl<'d> super::Checker<'d> {
    /// Whether person `person` (by position) holds a post in `party` or an organ under it that
    /// may be held during `date`. A party that resolves to no actor is not judged (true): the
    /// dangling reference is reported on its own.
    pub(crate) fn has_standing(&mut self, person: usize, party: &str, date: Option<&EdtfDate>) -> bool {
        let dossier = self.dossier;
        let Some(who) = dossier.people.get(person) else { return true };
        let Some(q) = self.actors.get(party) else { return true };
        let many = who.posts.len() > FEW_POSTS;
        if !many && dossier.actors.len() <= FEW_ACTORS {
            return who.posts.iter().any(|post| {
                date.is_none_or(|d| post.may_be_held_during(d)) && self.walk_belongs(post.organization.as_str(), party)
            });
        }
        if self.standing.ancestry.is_none() {
            self.standing.ancestry = Some(Ancestry::build(dossier, &self.actors));
        }
        let Some(ancestry) = self.standing.ancestry.as_ref() else { return true };
        if !many {
            return who.posts.iter().any(|post| {
                date.is_none_or(|d| post.may_be_held_during(d))
                    && self.actors.get(post.organization.as_str()).is_some_and(|o| ancestry.contains(q, o))
            });
        }
        if self.standing.posts.is_none() {
            self.standing.posts = Some(PostTree::build(dossier, ancestry, &self.actors));
        }
        let Some(tree) = self.standing.posts.as_ref() else { return true };
        debug_assert!(tree.has(person));
        let earliest = date.and_then(EdtfDate::earliest_key);
        let latest = date.and_then(EdtfDate::latest_key);
        tree.any(person, ancestry.span(q), earliest, latest)
    }

    /// Whether `organization` is `party` or, through its parents, part of it: the direct walk,
    /// for short actor lists (bounded by their length, so a cycle cannot loop).
    fn walk_belongs(&self, organization: &str, party: &str) -> bool {
        let actors = &self.dossier.actors;
        let mut current = organization;
        for _ in 0..=actors.len() {
            if current == party {
                return true;
            }
            let parent = self.actors.get(current).and_then(|i| actors.get(i)).and_then(|a| a.parent.as_ref());
            match parent {
                Some(p) => current = p.as_str(),
                None => return false,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::dossier::Dossier;
    use crate::validate::Code;

    /// A signer with many posts goes through the tree; the answers must match the scan's.
    #[test]
    fn many_posts_answer_as_few_do() -> Result<(), Box<dyn std::error::Error>> {
        for posts in [3usize, 40] {
            let mut list: Vec<String> = (0..posts)
                .map(|i| {
                    format!(r#"{{"title":"T{i}","organization":"mod","start":"{}","end":"{}"}}"#, 1900 + i, 1900 + i)
                })
                .collect();
            list.push(r#"{"title":"Elsewhere","organization":"other","start":"2020"}"#.into());
            let json = format!(
                r#"{{"schema_version":"1.1","id":"d",
                "actors":[{{"id":"a","name":"A","kind":"state"}},{{"id":"b","name":"B","kind":"state"}},
                          {{"id":"mod","name":"M","kind":"state_organ","parent":"a"}},
                          {{"id":"other","name":"O","kind":"state"}}],
                "people":[{{"id":"p","name":"P","posts":[{}]}}],
                "agreements":[{{"id":"x","title":"X","kind":"other",
                    "parties":[{{"actor":"a","role":"party"}},{{"actor":"b","role":"party"}},{{"actor":"other","role":"party"}}],
                    "signatures":[{{"party":"a","signer":"p","date":"1901-06"}},
                                  {{"party":"a","signer":"p","date":"1850"}},
                                  {{"party":"a","signer":"p","date":"2100"}},
                                  {{"party":"a","signer":"p"}},
                                  {{"party":"b","signer":"p","date":"1901"}},
                                  {{"party":"other","signer":"p","date":"2100"}},
                                  {{"party":"other","signer":"p","date":"2019"}}]}}]}}"#,
                list.join(",")
            );
            let report = Dossier::from_json(&json)?.validate();
            let flagged: Vec<&str> = report
                .issues()
                .iter()
                .filter(|i| i.code == Code::SignerWithoutStanding)
                .map(|i| i.path.as_str())
                .collect();
            let at = |i: usize| format!("/agreements/0/signatures/{i}/signer");
            let expected = [at(1), at(2), at(4), at(6)];
            assert_eq!(flagged, expected, "{posts} posts: {report}");
        }
        Ok(())
    }

    /// Random parent forests (with cycles and dangling parents), posts and signatures: every
    /// path (walk, ancestry scan, post tree) must agree with the definition, followed naively.
    #[test]
    fn indexes_agree_with_the_naive_walk() -> Result<(), Box<dyn std::error::Error>> {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut with, mut without) = (0, 0);
        for round in 0..60 {
            let actors = [6, 12, 40][round % 3];
            let posts = [4, 30][(round / 3) % 2];
            let mut parents: Vec<Option<String>> = Vec::new();
            let mut list = Vec::new();
            for i in 0..actors {
                let parent = match next(5) {
                    0 => None,
                    1 => Some("ghost".to_string()),
                    _ => Some(format!("a{}", next(actors))),
                };
                let p = parent.as_ref().map_or(String::new(), |p| format!(r#","parent":"{p}""#));
                list.push(format!(r#"{{"id":"a{i}","name":"A","kind":"state"{p}}}"#));
                parents.push(parent);
            }
            let mut held = Vec::new();
            let mut post_json = Vec::new();
            for _ in 0..posts {
                let org = next(actors);
                let (start, end) = (1950 + next(40), next(3));
                let end = (end > 0).then(|| start + next(10));
                let e = end.map_or(String::new(), |e| format!(r#","end":"{e}""#));
                post_json.push(format!(r#"{{"title":"T","organization":"a{org}","start":"{start}"{e}}}"#));
                held.push((org, start, end));
            }
            let mut sigs = Vec::new();
            let mut expected = Vec::new();
            for k in 0..25 {
                let party = next(actors);
                let year = 1945 + next(60);
                sigs.push(format!(r#"{{"party":"a{party}","signer":"p","date":"{year}"}}"#));
                // The definition: some post, held that year, in the party or under it.
                let under = |org: usize| {
                    let mut current = format!("a{org}");
                    for _ in 0..=actors {
                        if current == format!("a{party}") {
                            return true;
                        }
                        let i: Option<usize> = current.strip_prefix('a').and_then(|n| n.parse().ok());
                        match i.and_then(|i| parents.get(i).cloned().flatten()) {
                            Some(p) => current = p,
                            None => return false,
                        }
                    }
                    false
                };
                let ok =
                    held.iter().any(|&(org, start, end)| start <= year && end.is_none_or(|e| e >= year) && under(org));
                if !ok {
                    expected.push(format!("/agreements/0/signatures/{k}/signer"));
                }
            }
            let parties: Vec<String> = (0..actors).map(|i| format!(r#"{{"actor":"a{i}","role":"party"}}"#)).collect();
            let json = format!(
                r#"{{"schema_version":"1.1","id":"d","actors":[{}],"people":[{{"id":"p","name":"P","posts":[{}]}}],
                "agreements":[{{"id":"x","title":"X","kind":"other","parties":[{}],"signatures":[{}]}}]}}"#,
                list.join(","),
                post_json.join(","),
                parties.join(","),
                sigs.join(",")
            );
            let report = Dossier::from_json(&json)?.validate();
            let flagged: Vec<String> = report
                .issues()
                .iter()
                .filter(|i| i.code == Code::SignerWithoutStanding)
                .map(|i| i.path.clone())
                .collect();
            assert_eq!(flagged, expected, "round {round}: {actors} actors, {posts} posts\n{json}");
            without += expected.len();
            with += 25 - expected.len();
        }
        // Both answers occur often, so the comparison means something.
        assert!(with > 200 && without > 200, "{with} with standing, {without} without");
        Ok(())
    }
}
