//! Substring search in time linear in the pattern, after indexing the text once in time linear
//! in the text: the quote check asks one question per quote of one article.

/// A suffix automaton of a text: whether a string occurs in it and where it first ends, in time
/// linear in the string, after building in time linear in the text (at most 2n states and 3n
/// transitions). Indexes are `u32`: texts over 2 GiB are searched with `str::find` instead.
pub(crate) struct SubstringIndex {
    states: Vec<SamState>,
}

/// No suffix link (the root's).
const NONE: u32 = u32::MAX;

struct SamState {
    len: u32,
    link: u32,
    /// The byte offset just past the first occurrence of the strings this state stands for.
    first_end: u32,
    /// Sorted by byte: a state has at most 256 transitions and usually very few.
    next: Vec<(u8, u32)>,
}

impl SamState {
    fn get(&self, byte: u8) -> Option<u32> {
        self.next.binary_search_by_key(&byte, |&(b, _)| b).ok().map(|i| self.next[i].1)
    }

    fn set(&mut self, byte: u8, to: u32) {
        match self.next.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.next[i].1 = to,
            Err(i) => self.next.insert(i, (byte, to)),
        }
    }
}

/// A text, indexed for substring search. It does not hold the text: each search is given the
/// text it was built from.
pub(crate) enum TextIndex {
    Automaton(SubstringIndex),
    Plain,
}

impl TextIndex {
    pub(crate) fn new(text: &str) -> Self {
        // 2n + 1 states must fit below NONE.
        if text.len() < (u32::MAX / 2 - 1) as usize {
            Self::Automaton(SubstringIndex::new(text.as_bytes()))
        } else {
            Self::Plain
        }
    }

    pub(crate) fn contains(&self, text: &str, pattern: &str) -> bool {
        self.find(text, pattern).is_some()
    }

    /// The byte range of the first occurrence of `pattern` in `text`, the text indexed.
    pub(crate) fn find(&self, text: &str, pattern: &str) -> Option<std::ops::Range<usize>> {
        match self {
            Self::Automaton(index) => {
                let end = index.first_end(pattern.as_bytes())?;
                Some(end - pattern.len()..end)
            }
            Self::Plain => text.find(pattern).map(|start| start..start + pattern.len()),
        }
    }
}

impl SubstringIndex {
    fn new(text: &[u8]) -> Self {
        let mut states = Vec::with_capacity(2 * text.len() + 1);
        states.push(SamState { len: 0, link: NONE, first_end: 0, next: Vec::new() });
        let mut last = 0usize;
        for &byte in text {
            let cur = states.len();
            let len = states[last].len + 1;
            states.push(SamState { len, link: NONE, first_end: len, next: Vec::new() });
            let mut p = last as u32;
            while p != NONE && states[p as usize].get(byte).is_none() {
                states[p as usize].set(byte, cur as u32);
                p = states[p as usize].link;
            }
            if p == NONE {
                states[cur].link = 0;
            } else {
                let q = states[p as usize].get(byte).unwrap_or(0);
                if states[p as usize].len + 1 == states[q as usize].len {
                    states[cur].link = q;
                } else {
                    let clone = states.len() as u32;
                    let copy = SamState {
                        len: states[p as usize].len + 1,
                        link: states[q as usize].link,
                        // A clone's strings first occur where the state it was split from ends.
                        first_end: states[q as usize].first_end,
                        next: states[q as usize].next.clone(),
                    };
                    states.push(copy);
                    while p != NONE && states[p as usize].get(byte) == Some(q) {
                        states[p as usize].set(byte, clone);
                        p = states[p as usize].link;
                    }
                    states[q as usize].link = clone;
                    states[cur].link = clone;
                }
            }
            last = cur;
        }
        Self { states }
    }

    /// Where the first occurrence of `pattern` ends, if it occurs.
    fn first_end(&self, pattern: &[u8]) -> Option<usize> {
        let mut state = 0u32;
        for &byte in pattern {
            state = self.states[state as usize].get(byte)?;
        }
        Some(self.states[state as usize].first_end as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_agrees_with_str_find() {
        let texts = ["", "a", "abracadabra", "mississippi", "aaaaaaaaab", "the quick brown fox, the quick"];
        for text in texts {
            let index = TextIndex::new(text);
            // Every substring of the text and of a few others.
            let probes: Vec<&str> = texts
                .iter()
                .flat_map(|t| (0..=t.len()).flat_map(move |i| (i..=t.len()).map(move |j| &t[i..j])))
                .collect();
            for probe in probes {
                let expected = text.find(probe).map(|s| s..s + probe.len());
                assert_eq!(index.find(text, probe), expected, "{text:?} / {probe:?}");
            }
        }
    }
}
