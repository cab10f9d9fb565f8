//! Property tests: arbitrary mutations of the valid example documents, at the byte level and at
//! the JSON level, never panic; whatever still parses validates, with every issue's path
//! resolving in the document, and round-trips exactly.

use std::path::PathBuf;

use defense_agreements::Dossier;
use proptest::prelude::*;
use serde_json::Value;

fn examples() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).collect()
}

/// Everything that holds for any input: no panic; a parsed document validates, and writes JSON
/// that reads back equal and writes the same again.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(d) = Dossier::from_slice(bytes) else { return Ok(()) };
    let report = d.validate();
    // Every issue's path resolves in the document as written.
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(doc) = serde_json::from_slice::<Value>(text) {
        for issue in &report {
            prop_assert!(doc.pointer(&issue.path).is_some(), "{} does not resolve", issue);
        }
    }
    let json = d.to_json();
    let back = Dossier::from_json(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
    prop_assert_eq!(&back, &d);
    prop_assert_eq!(back.to_json(), json);
    prop_assert_eq!(back.validate(), report);
    Ok(())
}

#[derive(Debug, Clone)]
enum ByteEdit {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    let tokens = prop::sample::select(vec![
        b"{".to_vec(),
        b"}".to_vec(),
        b"[".to_vec(),
        b"\"".to_vec(),
        b",".to_vec(),
        b"null".to_vec(),
        b"-0".to_vec(),
        b"1e400".to_vec(),
        b"\\u0000".to_vec(),
        b"\\ud800".to_vec(),
        b"\xEF\xBB\xBF".to_vec(),
        b"\xFF".to_vec(),
        "\u{202E}".as_bytes().to_vec(),
        b"\"acme.x\":".to_vec(),
        b"/..".to_vec(),
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Flip(i, b)),
        (any::<usize>(), tokens).prop_map(|(i, t)| ByteEdit::Insert(i, t)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        any::<usize>().prop_map(ByteEdit::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &ByteEdit) {
    let len = bytes.len().max(1);
    match edit {
        ByteEdit::Flip(i, b) => {
            if let Some(x) = bytes.get_mut(i % len) {
                *x = *b;
            }
        }
        ByteEdit::Insert(i, t) => {
            let at = i % (bytes.len() + 1);
            bytes.splice(at..at, t.iter().copied());
        }
        ByteEdit::Delete(i, n) => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            if at < end {
                bytes.drain(at..end);
            }
        }
        ByteEdit::Truncate(i) => bytes.truncate(i % len),
    }
}

/// Every node of a document, as a JSON Pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            m.iter().for_each(|(k, c)| pointers(c, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out))
        }
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| pointers(c, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        "[0-9?~%./-]{0,12}".prop_map(Value::String),
        "[a-z_]{1,12}".prop_map(Value::String),
    ]
}

proptest! {
    #[test]
    fn byte_mutations_never_panic(which in any::<usize>(), edits in prop::collection::vec(byte_edit(), 1..6)) {
        let docs = examples();
        let mut bytes = docs.get(which % docs.len().max(1)).cloned().unwrap_or_default();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        check(&bytes)?;
    }

    #[test]
    fn json_mutations_never_panic(
        which in any::<usize>(),
        edits in prop::collection::vec((any::<usize>(), replacement(), any::<bool>()), 1..6),
    ) {
        let docs = examples();
        let bytes = docs.get(which % docs.len().max(1)).cloned().unwrap_or_default();
        let mut doc: Value = serde_json::from_slice(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (i, value, remove) in edits {
            let mut all = Vec::new();
            pointers(&doc, String::new(), &mut all);
            let at = &all[i % all.len()];
            let (parent, key) = at.rsplit_once('/').unwrap_or(("", ""));
            match doc.pointer_mut(parent) {
                Some(Value::Object(m)) if remove => {
                    m.remove(&key.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(a)) if remove => {
                    if let Ok(k) = key.parse::<usize>() {
                        if k < a.len() {
                            a.remove(k);
                        }
                    }
                }
                _ => {
                    if let Some(node) = doc.pointer_mut(at) {
                        *node = value;
                    }
                }
            }
        }
        check(doc.to_string().as_bytes())?;
    }
}
