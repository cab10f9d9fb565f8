//! JSON Pointers (RFC 6901), the one way this crate names a place in a document: in parse errors,
//! validation issues, diffs, patches and merge reports.
//!
//! A pointer is `""` (the whole document) or a sequence of `/token`s, where a token is an object
//! key or an array index, with `~` written `~0` and `/` written `~1`.
//!
//! ```
//! use defense_agreements::pointer;
//! assert_eq!(pointer::escape_token("a/b~c"), "a~1b~0c");
//! assert_eq!(pointer::split("/extensions/a~1b~0c/0"), Some(vec!["extensions".into(), "a/b~c".into(), "0".into()]));
//! assert_eq!(pointer::split("no-slash"), None);
//! ```
//!
//! This module depends on nothing else of the crate, so that every other module may use it.

use std::borrow::Cow;

/// Escapes one reference token (`a/b~c` is `a~1b~0c`); a token with nothing to escape is borrowed.
pub fn escape_token(token: &str) -> Cow<'_, str> {
    if token.contains(['~', '/']) {
        let mut out = String::with_capacity(token.len() + 2);
        push_escaped(&mut out, token);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(token)
    }
}

/// Appends `/` and the escaped `token` to `pointer`.
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    push_escaped(pointer, token);
}

fn push_escaped(out: &mut String, token: &str) {
    if !token.contains(['~', '/']) {
        out.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// The unescaped tokens of `pointer`, or `None` when it is not a JSON Pointer (neither empty nor
/// starting with `/`, or holding a `~` not followed by `0` or `1`).
pub fn split(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    pointer.strip_prefix('/')?.split('/').map(unescape).collect()
}

fn unescape(token: &str) -> Option<String> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        match c {
            '~' => match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

/// Renders the path serde_path_to_error tracked as a JSON Pointer.
pub(crate) fn render(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } => push_token(&mut out, key),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

/// Puts `path` (a pointer below the value being read) at the start of an error `message`, as
/// `at "/path": message`, for [`split_nested`] to take out again: a field buffered before a
/// tagged union's `type` is read in a deserializer of its own, whose errors would otherwise lose
/// their place. The path is a JSON string, so that no key can end it early.
pub(crate) fn nest(path: String, message: impl std::fmt::Display) -> String {
    let quoted = serde_json::Value::String(path).to_string();
    format!("at {quoted}: {message}")
}

/// Splits a message made by [`nest`] into the path and the message itself. Messages not made
/// that way come back whole. (No other message of the crate or of serde starts with `at "`.)
pub(crate) fn split_nested(message: &str) -> (Option<String>, &str) {
    let Some(quoted) = message.strip_prefix("at ").filter(|m| m.starts_with('"')) else { return (None, message) };
    let mut strings = serde_json::Deserializer::from_str(quoted).into_iter::<String>();
    match strings.next() {
        Some(Ok(path)) => match quoted.get(strings.byte_offset()..).and_then(|rest| rest.strip_prefix(": ")) {
            Some(rest) => (Some(path), rest),
            None => (None, message),
        },
        _ => (None, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_splits_back() {
        for token in ["plain", "a/b", "~", "~1", "/~0/", "é/ü", ""] {
            let mut pointer = String::new();
            push_token(&mut pointer, token);
            assert_eq!(pointer, format!("/{}", escape_token(token)));
            assert_eq!(split(&pointer), Some(vec![token.to_owned()]));
        }
        assert!(matches!(escape_token("plain"), Cow::Borrowed("plain")));
        assert_eq!(split(""), Some(vec![]));
        assert_eq!(split("/"), Some(vec![String::new()]));
        assert_eq!(split("/a~2"), None);
        assert_eq!(split("/a~"), None);
    }

    #[test]
    fn nested_paths_survive_any_key() {
        let message = nest("/a\": b/~0".into(), "expected a string");
        assert_eq!(split_nested(&message), (Some("/a\": b/~0".into()), "expected a string"));
        assert_eq!(split_nested("at line 3"), (None, "at line 3"));
        assert_eq!(split_nested("at \"unterminated"), (None, "at \"unterminated"));
    }
}
