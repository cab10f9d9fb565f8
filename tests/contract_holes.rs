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

fn agreement_with(duration: &str) -> String {
    doc(&format!(
        r#""agreements":[{{"id":"g","title":"T","kind":"other","parties":[{{"actor":"a","role":"party"}}],"duration":{duration}}}]"#
    ))
}

fn statement_about(reference: &str) -> String {
    doc(&format!(
        r#""statements":[{{"id":"s","text":"T","mode":"direct_quote","about":[{{"type":"actor","id":"a"}},{reference}]}}]"#
    ))
}

#[test]
fn errors_inside_tagged_unions_name_the_field_in_words() {
    // serde's buffered internally tagged enums reported these at the union, in Rust words
    // ("invalid value: integer `-12`, expected u32"). With the tag first (as written) or last
    // (as a sorted-key writer puts it), the path is the field's.
    for duration in [
        r#"{"type":"indefinite","withdrawal":{"notice_months":-12}}"#,
        r#"{"withdrawal":{"notice_months":-12},"type":"indefinite"}"#,
    ] {
        let e = error(&agreement_with(duration));
        assert_eq!(
            (e.code(), e.path()),
            ("invalid_value", Some("/agreements/0/duration/withdrawal/notice_months")),
            "{duration}"
        );
        assert_eq!(e.message(), "invalid value: integer `-12`, expected a whole number from 0 to 4294967295");
    }
    for duration in
        [r#"{"type":"fixed_term","years":0,"renewal":"none"}"#, r#"{"renewal":"none","years":0,"type":"fixed_term"}"#]
    {
        let e = error(&agreement_with(duration));
        assert_eq!((e.code(), e.path()), ("invalid_value", Some("/agreements/0/duration/years")), "{duration}");
        assert!(e.message().ends_with("expected a whole number from 1 to 4294967295"), "{e}");
    }
    for reference in [r#"{"type":"person","id":"has space"}"#, r#"{"id":"has space","type":"person"}"#] {
        let e = error(&statement_about(reference));
        assert_eq!((e.code(), e.path()), ("invalid_value", Some("/statements/0/about/1/id")), "{reference}");
    }
}

#[test]
fn tagged_unions_report_their_tag_and_shape_where_they_are_wrong() {
    for (reference, code, path) in [
        (r#"{"type":"country","id":"a"}"#, "invalid_value", "/statements/0/about/1/type"),
        (r#"{"id":"a","type":"country"}"#, "invalid_value", "/statements/0/about/1/type"),
        (r#"{"type":7,"id":"a"}"#, "invalid_type", "/statements/0/about/1/type"),
        (r#"{"id":"a"}"#, "missing_field", "/statements/0/about/1"),
        (r#"{"type":"actor"}"#, "missing_field", "/statements/0/about/1"),
        (r#"{"type":"actor","id":"a","note":"x"}"#, "unknown_field", "/statements/0/about/1/note"),
        (r#"{"note":"x","type":"actor","id":"a"}"#, "unknown_field", "/statements/0/about/1/note"),
        (r#"{"type":"actor","id":"a","type":"actor"}"#, "duplicate_field", "/statements/0/about/1/type"),
        (r#"{"id":"a","type":"actor","type":"actor"}"#, "duplicate_field", "/statements/0/about/1/type"),
        (r#"{"type":"actor","id":"a","id":"b"}"#, "duplicate_field", "/statements/0/about/1/id"),
        (r#"["actor","a"]"#, "invalid_type", "/statements/0/about/1"),
        (r#"null"#, "invalid_type", "/statements/0/about/1"),
    ] {
        let e = error(&statement_about(reference));
        assert_eq!((e.code(), e.path().unwrap_or_default()), (code, path), "{reference}: {e}");
    }
}

#[test]
fn tagged_unions_read_the_same_whatever_the_tag_position() -> Result<(), Error> {
    let first = Dossier::from_json(&agreement_with(
        r#"{"type":"fixed_term","years":10,"renewal":"automatic","renewal_years":5,"withdrawal":{"notice_months":12}}"#,
    ))?;
    let last = Dossier::from_json(&agreement_with(
        r#"{"years":10,"withdrawal":{"notice_months":12},"renewal":"automatic","renewal_years":5,"type":"fixed_term"}"#,
    ))?;
    assert_eq!(first, last);
    // Written back with the tag first.
    assert!(last.to_json().contains(r#""duration":{"type":"fixed_term","years":10,"#), "{}", last.to_json());
    let about = Dossier::from_json(&statement_about(r#"{"id":"b","type":"agreement"}"#))?;
    assert_eq!(Dossier::from_json(&about.to_json())?, about);
    Ok(())
}

#[test]
fn repeated_keys_before_a_tag_are_still_errors() {
    // Fields before `type` are buffered; a plain `serde_json::Value` would keep the last of two
    // repeated keys silently (found in review: this was accepted with notice_months 2).
    for (duration, path) in [
        (r#"{"withdrawal":{"notice_months":1,"notice_months":2},"type":"indefinite"}"#, "/withdrawal/notice_months"),
        (r#"{"type":"indefinite","withdrawal":{"notice_months":1,"notice_months":2}}"#, "/withdrawal/notice_months"),
        (
            r#"{"withdrawal":{"citations":[{"source":"s","source":"t"}]},"type":"indefinite"}"#,
            "/withdrawal/citations/0/source",
        ),
        (r#"{"withdrawal":{},"withdrawal":{},"type":"indefinite"}"#, "/withdrawal"),
    ] {
        let e = error(&agreement_with(duration));
        assert_eq!(
            (e.code(), e.path()),
            ("duplicate_field", Some(format!("/agreements/0/duration{path}").as_str())),
            "{duration}: {e}"
        );
    }
}

#[test]
fn a_union_read_through_serde_directly_says_where_in_words() {
    // Read outside `Dossier::from_json` (a downstream struct holding a duration), the error of a
    // field before the tag carries its path as readable text, with no marker characters.
    let e = serde_json::from_str::<defense_agreements::agreement::Duration>(
        r#"{"years":0,"renewal":"automatic","type":"fixed_term"}"#,
    )
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(e.starts_with(r#"at "/years": invalid value: integer `0`, expected a nonzero u32"#), "{e}");
    assert!(!e.contains('\u{1}'), "{e:?}");
    // A key that looks like the end of the path does not end it.
    let json = doc(
        r#""statements":[{"id":"s","text":"T","mode":"direct_quote","about":[{"id":"a","x\": y":1,"type":"actor"}]}]"#,
    );
    let e = error(&json);
    assert_eq!((e.code(), e.path()), ("unknown_field", Some("/statements/0/about/0/x\": y")), "{e}");
}

#[test]
fn small_counts_are_described_in_words_too() {
    let e = error(&doc(
        r#""agreements":[{"id":"g","title":"T","kind":"other","parties":[{"actor":"a","role":"party"}],"citations":[{"source":"s","credibility":300}]}]"#,
    ));
    assert_eq!(e.path(), Some("/agreements/0/citations/0/credibility"), "{e}");
    assert!(e.message().ends_with("expected a whole number from 0 to 255"), "{e}");
}
