//! Messages speak JSON: no Rust type names (`struct WithdrawalTerms`, `sequence`), positions in
//! the input as it was given (a JSON Lines error names the stream's line), and each problem
//! reported with the code and path of its kind.

use defense_agreements::jsonl::Reader;
use defense_agreements::{Dossier, Error};

fn doc(body: &str) -> String {
    format!(r#"{{"schema_version":"1.0","id":"d",{body}}}"#)
}

fn error(json: &str) -> Error {
    match Dossier::from_json(json) {
        Ok(_) => panic!("accepted: {json}"),
        Err(e) => e,
    }
}

/// No Rust word a serde message could carry.
fn assert_json_terms(message: &str) {
    for rust in ["struct ", "enum ", "sequence", " map", "unit value", "u32", "u64", "f64"] {
        assert!(!message.contains(rust), "{rust:?} in {message:?}");
    }
}

fn errors_of_lines(text: &str) -> Vec<Error> {
    Reader::new(text.as_bytes()).filter_map(Result::err).collect()
}

#[test]
fn a_json_lines_line_that_is_no_object_says_so_in_json_terms() {
    for line in ["[1, 2]", "\"dossier\"", "3", "null"] {
        let errors = errors_of_lines(&format!("{line}\n"));
        let [e] = errors.as_slice() else { panic!("{line}: {errors:?}") };
        assert_eq!(e.code(), "invalid_type", "{e}");
        assert!(e.message().ends_with("expected an object"), "{e}");
        assert_json_terms(&e.to_string());
    }
    let [e] = errors_of_lines("[1, 2]\n").try_into().unwrap_or_else(|v| panic!("{v:?}"));
    assert_eq!(e.to_string(), "line 1: (root): invalid type: array, expected an object");
}

#[test]
fn a_syntax_error_in_line_8_is_at_line_8() {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/iran-syria-2020.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let line = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&seed).unwrap_or_default())
        .unwrap_or_default();
    let text = format!("{}{}\n", format!("{line}\n").repeat(7), r#"{"schema_version": "1.0", "id": }"#);
    let errors = errors_of_lines(&text);
    let [Error::Line { line: 8, source }] = errors.as_slice() else { panic!("{errors:?}") };
    assert_eq!(source.code(), "syntax_error");
    let message = errors[0].to_string();
    assert_eq!(message, "line 8: /id: expected value at column 33");
    assert!(matches!(**source, Error::Parse { line: 8, column: 33, .. }), "{source:?}");
}

#[test]
fn a_withdrawal_given_as_an_array_is_an_invalid_type_in_json_terms() {
    // The tag first and last: a tagged union buffers what comes before its tag.
    for duration in [r#"{"type":"indefinite","withdrawal":[12]}"#, r#"{"withdrawal":[12],"type":"indefinite"}"#] {
        let json = doc(&format!(
            r#""agreements":[{{"id":"g","title":"T","kind":"other","parties":[],"duration":{duration}}}]"#
        ));
        let e = error(&json);
        assert_eq!((e.code(), e.path()), ("invalid_type", Some("/agreements/0/duration/withdrawal")), "{e}");
        assert_eq!(e.message(), "invalid type: array, expected an object");
    }
}

#[test]
fn records_given_as_arrays_or_lists_given_as_objects_say_so_in_json_terms() {
    let e = error(&doc(r#""actors":[["iran","Iran","state"]]"#));
    assert_eq!((e.code(), e.path()), ("invalid_type", Some("/actors/0")));
    assert_eq!(e.message(), "invalid type: array, expected an object");
    let e = error(&doc(r#""actors":{"iran":{}}"#));
    assert_eq!((e.code(), e.path()), ("invalid_type", Some("/actors")));
    assert_eq!(e.message(), "invalid type: object, expected an array");
    let e = error(&doc(r#""actors":[{"id":"a","name":"A","kind":"state","other_names":"Tehran"}]"#));
    assert_eq!(e.message(), r#"invalid type: string "Tehran", expected an array"#);
    let e = error(&doc(r#""extensions":[]"#));
    assert_json_terms(&e.message());
}

#[test]
fn a_repeated_extension_key_is_a_duplicate_field_at_the_key() {
    let e = error(&doc(r#""extensions":{"acme.score":1,"acme.score":2}"#));
    assert_eq!((e.code(), e.path()), ("duplicate_field", Some("/extensions/acme.score")), "{e}");
    let e = error(&doc(
        r#""actors":[{"id":"a","name":"A","kind":"state","extensions":{"acme.x-y":{},"acme.z":1,"acme.x-y":[]}}]"#,
    ));
    assert_eq!((e.code(), e.path()), ("duplicate_field", Some("/actors/0/extensions/acme.x-y")), "{e}");
}
