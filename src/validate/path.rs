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

impl Path<'_> {
    /// The JSON Pointer, rendered straight into a string: reports of a large corpus render
    /// thousands of paths, and going through `fmt` character by character cost more than the
    /// check that found the problem.
    pub(crate) fn render(&self) -> String {
        let mut out = String::with_capacity(48);
        self.render_into(&mut out);
        out
    }

    fn render_into(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.render_into(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Index(i) => {
                out.push('/');
                push_decimal(out, i);
            }
            Segment::Key(k) => crate::pointer::push_token(out, k),
        }
    }
}

/// Appends `n` in decimal, without the formatting machinery.
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
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
        assert_eq!(agreements.index(1234567890).render(), "/agreements/1234567890");
        assert_eq!(agreements.index(0).key("é/ü").render(), "/agreements/0/é~1ü");
    }
}
