//! Regression tests for holes in the JSON contract found by reproducers: each document here was
//! accepted against the schema, or reported with the wrong code or position.

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

fn code_and_path(json: &str) -> (&'static str, String) {
    let e = error(json);
    (e.code(), e.path().unwrap_or_default().to_owned())
}

#[test]
fn plain_enums_are_strings_only() {
    // serde's externally tagged form `{"state": null}` parsed; the schema rejects it.
    let e = code_and_path(&doc(r#""actors":[{"id":"a","name":"A","kind":{"state":null}}]"#));
    assert_eq!(e, ("invalid_type", "/actors/0/kind".to_owned()));
}

#[test]
fn wrong_json_types_for_enums_are_type_errors_at_the_field() {
    // These were `syntax_error` "expected value", with no useful position.
    for (body, path) in [
        (r#""actors":[{"id":"a","name":"A","kind":5}]"#, "/actors/0/kind"),
        (r#""actors":[{"id":"a","name":"A","kind":null}]"#, "/actors/0/kind"),
        (
            r#""troop_presences":[{"id":"t","forces":["a"],"host_country":"SYR","strength":{"qualifier":"exact","best":1,"unit":null},"host_consent":"unknown"}]"#,
            "/troop_presences/0/strength/unit",
        ),
    ] {
        assert_eq!(code_and_path(&doc(body)), ("invalid_type", path.to_owned()), "{body}");
    }
}

#[test]
fn an_unknown_field_with_a_backtick_is_pointed_at() {
    let e = code_and_path(&doc(r#""actors":[{"id":"a","name":"A","kind":"state","a`b":1}]"#));
    assert_eq!(e, ("unknown_field", "/actors/0/a`b".to_owned()));
    let e = code_and_path(&doc(r#""actors":[{"id":"a","name":"A","kind":"state","x`, expected `y":1}]"#));
    assert_eq!(e, ("unknown_field", "/actors/0/x`, expected `y".to_owned()));
}

#[test]
fn input_cut_short_after_a_line_break_has_a_one_based_column() {
    let e = error("{\"schema_version\": \"1.0\",\n");
    match e {
        Error::Parse { line, column, .. } => assert_eq!((line, column), (2, 1)),
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().ends_with("at line 2 column 1"), "{e}");
}

#[test]
fn a_truncated_document_of_another_major_version_says_so() {
    for json in [r#"{"schema_version":"2.0","id":"d","actors":[{"#, r#"{"id":"d","schema_version":"3.1","#] {
        assert_eq!(error(json).code(), "unsupported_schema_version", "{json}");
    }
    // A cut-short document of this version is still a syntax error.
    assert_eq!(error(r#"{"schema_version":"1.0","id":"#).code(), "syntax_error");
}

#[test]
fn schema_version_minors_are_at_most_nine_digits_as_in_the_schema() {
    assert!(Dossier::from_json(&doc(r#""title":"t""#).replace("1.0", "1.123456789")).is_ok());
    let e = code_and_path(&doc(r#""title":"t""#).replace("1.0", "1.1234567890"));
    assert_eq!(e, ("invalid_value", "/schema_version".to_owned()));
}
