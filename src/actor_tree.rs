//! The actors' parent links as one tree, built once: the parent of each actor, the cycles, and
//! a depth-first numbering that answers "is this actor part of that one?" in constant time.
//!
//! Every walk up an actor's parents goes through here: the `parent_cycle` rule, signer standing,
//! the country a force inherits, the COW code a table row inherits, [`Dossier::ancestry`](crate::dossier::Dossier::ancestry) and the
//! answers' signatures section. Building is linear in the number of actors; a parent chain may be
//! 100,000 long and a cycle may be any length, and nothing here recurses or walks a chain twice.
//!
//! A parent id resolves to the first actor with that id, as everywhere else.

use std::collections::HashMap;

use crate::actor::Actor;

/// The parent forest of a dossier's actors. Actors are named by their position in
/// `Dossier::actors`.
#[derive(Debug, Clone)]
pub struct ActorTree<'d> {
    actors: &'d [Actor],
    /// The first actor of each id.
    index: HashMap<&'d str, u32, foldhash::fast::RandomState>,
    /// The parent of each actor (None: no parent, or one that resolves to no actor).
    parent: Vec<Option<u32>>,
    /// The node standing for each actor in the numbering: itself, or for the members of a cycle
    /// one member of it.
    rep: Vec<u32>,
    in_cycle: Vec<bool>,
    /// Each cycle, its members in parent order.
    cycles: Vec<Vec<u32>>,
    /// For each cycle, the actor whose parent link closed it when the actors were walked in
    /// order: where the `parent_cycle` rule reports it.
    closers: Vec<u32>,
    /// The nodes that are not cycle members, parents before children.
    preorder: Vec<u32>,
    /// Depth-first entry and exit numbers of each node.
    enter: Vec<u32>,
    exit: Vec<u32>,
}

impl<'d> ActorTree<'d> {
    /// The tree of a dossier's actors (`ActorTree::new(&dossier.actors)`).
    // Graph code over parallel arrays: indexing by node reads better than zipped iterators.
    #[allow(clippy::needless_range_loop)]
    pub fn new(actors: &'d [Actor]) -> Self {
        let n = actors.len().min(u32::MAX as usize - 1);
        let actors = &actors[..n];
        let mut index: HashMap<&str, u32, _> = HashMap::with_capacity_and_hasher(n, Default::default());
        for (i, a) in actors.iter().enumerate() {
            index.entry(a.id.as_str()).or_insert(i as u32);
        }
        let parent: Vec<Option<u32>> =
            actors.iter().map(|a| a.parent.as_ref().and_then(|p| index.get(p.as_str()).copied())).collect();
        // Each actor has at most one parent, so every walk ends in a root or a cycle: the
        // three-colour walk finds each cycle once.
        const NEW: u8 = 0;
        const ON_WALK: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; n];
        let mut rep: Vec<u32> = (0..n as u32).collect();
        let mut in_cycle = vec![false; n];
        let mut cycles = Vec::new();
        let mut closers = Vec::new();
        let mut walk: Vec<u32> = Vec::new();
        for start in 0..n {
            let mut at = Some(start as u32);
            while let Some(i) = at {
                let iu = i as usize;
                match state[iu] {
                    NEW => {
                        state[iu] = ON_WALK;
                        walk.push(i);
                        at = parent[iu];
                    }
                    ON_WALK => {
                        // The walk's tail from `i` on is a cycle; the last actor walked closed it.
                        let from = walk.iter().rposition(|&w| w == i).unwrap_or(0);
                        for &member in &walk[from..] {
                            rep[member as usize] = i;
                            in_cycle[member as usize] = true;
                        }
                        cycles.push(walk[from..].to_vec());
                        closers.push(walk.last().copied().unwrap_or(i));
                        at = None;
                    }
                    _ => at = None,
                }
            }
            for i in walk.drain(..) {
                state[i as usize] = DONE;
            }
        }
        // Children of each node, as one flat array (counting sort by parent).
        let up = |i: usize| -> Option<usize> {
            if in_cycle[i] { None } else { parent[i].map(|p| rep[p as usize] as usize) }
        };
        let is_node = |i: usize| rep[i] as usize == i;
        let mut first_child = vec![0u32; n + 1];
        for i in 0..n {
            if let Some(p) = up(i).filter(|_| is_node(i)) {
                first_child[p + 1] += 1;
            }
        }
        for i in 0..n {
            first_child[i + 1] += first_child[i];
        }
        let mut fill = first_child.clone();
        let mut children = vec![0u32; first_child[n] as usize];
        for i in 0..n {
            if let Some(p) = up(i).filter(|_| is_node(i)) {
                children[fill[p] as usize] = i as u32;
                fill[p] += 1;
            }
        }
        // Depth-first numbering without recursion.
        let mut enter = vec![0u32; n];
        let mut exit = vec![0u32; n];
        let mut preorder = Vec::with_capacity(n);
        let mut clock = 0u32;
        let mut stack: Vec<(u32, u32)> = Vec::new();
        for r in 0..n {
            if !is_node(r) || up(r).is_some() {
                continue;
            }
            stack.push((r as u32, first_child[r]));
            enter[r] = clock;
            clock += 1;
            preorder.push(r as u32);
            while let Some(top) = stack.last_mut() {
                let (node, next) = (top.0 as usize, top.1);
                if next < first_child[node + 1] {
                    top.1 += 1;
                    let child = children[next as usize] as usize;
                    enter[child] = clock;
                    clock += 1;
                    preorder.push(child as u32);
                    stack.push((child as u32, first_child[child]));
                } else {
                    exit[node] = clock;
                    stack.pop();
                }
            }
        }
        Self { actors, index, parent, rep, in_cycle, cycles, closers, preorder, enter, exit }
    }

    /// The position of the first actor with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|&i| i as usize)
    }

    /// The actor at `position` and every actor it belongs to, nearest first, each once: the walk
    /// stops where a parent cycle would come back to an actor already given.
    pub fn ancestors(&self, position: usize) -> impl Iterator<Item = &'d Actor> + '_ {
        self.ancestor_positions(position).filter_map(|i| self.actors.get(i))
    }

    /// The actor with this id and every actor it belongs to, nearest first (IRGC, then Iran).
    pub fn ancestry(&self, id: &str) -> impl Iterator<Item = &'d Actor> + '_ {
        self.position(id).into_iter().flat_map(|i| self.ancestors(i))
    }

    /// The positions of [`ancestors`](Self::ancestors).
    pub(crate) fn ancestor_positions(&self, position: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = (position < self.actors.len()).then_some(position as u32);
        // The first cycle member met: the walk ends when it comes round to it again.
        let mut entered: Option<u32> = None;
        std::iter::from_fn(move || {
            let i = next?;
            let iu = i as usize;
            if self.in_cycle[iu] {
                match entered {
                    Some(first) if first == i => return None,
                    None => entered = Some(i),
                    Some(_) => {}
                }
            }
            next = self.parent[iu];
            Some(iu)
        })
    }

    /// Whether the actor at `part` is the actor at `whole` or one of the actors under it.
    pub fn is_within(&self, part: usize, whole: usize) -> bool {
        let (start, end) = self.span(whole);
        part < self.actors.len() && (start..end).contains(&self.order(part))
    }

    /// The depth-first number of the actor's node.
    pub(crate) fn order(&self, i: usize) -> u32 {
        self.rep.get(i).and_then(|&r| self.enter.get(r as usize)).copied().unwrap_or(0)
    }

    /// The depth-first numbers of the nodes under the actor (itself included): `start..end`.
    pub(crate) fn span(&self, i: usize) -> (u32, u32) {
        let Some(&r) = self.rep.get(i) else { return (0, 0) };
        (self.enter[r as usize], self.exit[r as usize])
    }

    /// For each actor where a parent cycle was closed (see `parent_cycle`), its position.
    pub(crate) fn cycle_closers(&self) -> &[u32] {
        &self.closers
    }

    /// For every actor, the value `own` gives for it or else for its nearest ancestor that has
    /// one (a force's country, inherited from the state it belongs to). Linear.
    pub(crate) fn inherit<T: Copy>(&self, own: impl Fn(&'d Actor) -> Option<T>) -> Vec<Option<T>> {
        let n = self.actors.len();
        let mut out: Vec<Option<T>> = vec![None; n];
        // Around each cycle, backwards twice: a member takes its own value, else the next one's.
        for cycle in &self.cycles {
            let k = cycle.len();
            let mut last = None;
            for step in (0..2 * k).rev() {
                let i = cycle[step % k] as usize;
                if let Some(v) = self.actors.get(i).and_then(&own) {
                    last = Some(v);
                }
                out[i] = last;
            }
        }
        for &i in &self.preorder {
            let i = i as usize;
            out[i] = self.actors.get(i).and_then(&own).or_else(|| self.parent[i].and_then(|p| out[p as usize]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::ActorKind;
    use crate::ids::ActorId;

    fn actors(links: &[(&str, Option<&str>)]) -> Vec<Actor> {
        links
            .iter()
            .map(|(id, parent)| {
                let a = Actor::new(ActorId::new(id).unwrap_or_else(|e| panic!("{e}")), *id, ActorKind::StateOrgan);
                match parent {
                    Some(p) => a.with_parent(ActorId::new(p).unwrap_or_else(|e| panic!("{e}"))),
                    None => a,
                }
            })
            .collect()
    }

    fn ids(it: impl Iterator<Item = usize>, list: &[Actor]) -> Vec<String> {
        it.map(|i| list[i].id.to_string()).collect()
    }

    #[test]
    fn ancestry_containment_and_cycles() {
        let list = actors(&[
            ("iran", None),
            ("irgc", Some("iran")),
            ("quds", Some("irgc")),
            ("a", Some("b")),
            ("b", Some("c")),
            ("c", Some("a")),
            ("d", Some("b")),
            ("lost", Some("nowhere")),
        ]);
        let t = ActorTree::new(&list);
        assert_eq!(ids(t.ancestor_positions(2), &list), ["quds", "irgc", "iran"]);
        assert_eq!(ids(t.ancestor_positions(6), &list), ["d", "b", "c", "a"]);
        assert_eq!(ids(t.ancestor_positions(7), &list), ["lost"]);
        assert!(t.is_within(2, 0) && t.is_within(1, 1) && !t.is_within(0, 2));
        assert!(t.is_within(6, 3) && t.is_within(3, 5) && !t.is_within(5, 6));
        assert_eq!(t.cycle_closers(), [5]);
        let country = t.inherit(|a| (a.id.as_str() == "iran" || a.id.as_str() == "c").then_some(a.id.as_str()));
        assert_eq!(
            country,
            [Some("iran"), Some("iran"), Some("iran"), Some("c"), Some("c"), Some("c"), Some("c"), None]
        );
    }

    #[test]
    fn a_long_chain_is_walked_once() {
        let names: Vec<String> = (0..100_000).map(|i| format!("a{i}")).collect();
        let links: Vec<(&str, Option<&str>)> =
            names.iter().enumerate().map(|(i, n)| (n.as_str(), i.checked_sub(1).map(|p| names[p].as_str()))).collect();
        let list = actors(&links);
        let t = ActorTree::new(&list);
        assert!(t.is_within(99_999, 0));
        assert_eq!(t.inherit(|a| (a.id.as_str() == "a0").then_some(1)).iter().flatten().count(), 100_000);
    }
}
