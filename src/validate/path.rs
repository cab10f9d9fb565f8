//! JSON Pointer paths built on the stack while validating, rendered only when a problem is
//! found, so that a valid document costs no allocation for them.

use std::fmt;

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// A position in the document, as a chain of segments back to the root.
#[derive(Clone, Copy)]
pub(crate) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

impl<'a> Path<'a> {
    /// The document root.
    pub(crate) const ROOT: Path<'static> = Path { parent: None, segment: Segment::Root };

    /// The member `key` of the value here.
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path { parent: Some(self), segment: Segment::Key(key) }
    }

    /// The element `index` of the array here.
    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path { parent: Some(self), segment: Segment::Index(index) }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            parent.fmt(f)?;
        }
        match self.segment {
            Segment::Root => Ok(()),
            Segment::Index(i) => write!(f, "/{i}"),
            Segment::Key(k) => {
                f.write_str("/")?;
                // RFC 6901 escaping: '~' as '~0', '/' as '~1'.
                for c in k.chars() {
                    match c {
                        '~' => f.write_str("~0")?,
                        '/' => f.write_str("~1")?,
                        c => write!(f, "{c}")?,
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_json_pointers() {
        let root = Path::ROOT;
        let agreements = root.key("agreements");
        let first = agreements.index(0);
        let sig = first.key("signatures");
        let second = sig.index(1);
        assert_eq!(second.key("signer").to_string(), "/agreements/0/signatures/1/signer");
        assert_eq!(root.to_string(), "");
        assert_eq!(root.key("a/b~c").to_string(), "/a~1b~0c");
    }
}
