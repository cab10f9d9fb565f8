//! Hostile input: every case gives a clear error or a correct result, never a panic, a hang or
//! a stack overflow. Sizes and limits are documented in docs/limits.md.
//!
//! The largest inputs (a 100 MB string, a million records) take minutes in a debug build, so
//! `cargo test` runs them at a smaller scale that still crosses every scan/hash threshold;
//! `HOSTILE_FULL=1 cargo test --release --test integration hostile::` (as CI does) runs the full sizes.

use defense_agreements::{Dossier, Error, ParseErrorKind};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// `full` when `HOSTILE_FULL` is set, else `small`.
fn scale(full: usize, small: usize) -> usize {
    if std::env::var_os("HOSTILE_FULL").is_some_and(|v| !v.is_empty() && v != "0") { full } else { small }
}

const HEAD: &str = r#"{"schema_version":"1.0","id":"d""#;

/// A minimal dossier with `body` spliced in after the id.
fn doc(body: &str) -> String {
    if body.is_empty() { format!("{HEAD}}}") } else { format!("{HEAD},{body}}}") }
}

fn parse_error(json: &[u8]) -> Error {
    match Dossier::from_slice(json) {
        Ok(d) => panic!("expected an error, parsed {:?}", d.id),
        Err(e) => e,
    }
}

fn kind(e: &Error) -> Option<ParseErrorKind> {
    match e {
        Error::Parse { kind, .. } => Some(*kind),
        _ => None,
    }
}

fn nested(depth: usize) -> String {
    let mut s = "[".repeat(depth);
    s.push_str(&"]".repeat(depth));
    s
}

fn round_trip(d: &Dossier) -> Dossier {
    Dossier::from_json(&d.to_json()).unwrap_or_else(|e| panic!("written JSON does not parse back: {e}"))
}

#[test]
fn nesting_100_000_deep_is_an_error_not_a_stack_overflow() {
    let deep = nested(100_000);
    for json in [
        deep.clone(),
        format!("{{{}}}", "\"a\":{".repeat(100_000)),
        doc(&format!(r#""title":{deep}"#)),
        doc(&format!(r#""unknown":{deep}"#)),
        doc(&format!(r#""extensions":{{"acme.deep":{deep}}}"#)),
        doc(&format!(r#""actors":[{{"id":"a","name":"A","kind":"state","extensions":{{"acme.deep":{deep}}}}}]"#)),
    ] {
        let e = parse_error(json.as_bytes());
        assert!(
            matches!(
                kind(&e),
                Some(ParseErrorKind::Syntax | ParseErrorKind::InvalidType | ParseErrorKind::UnknownField)
            ),
            "{e}"
        );
    }
    // The extension case names serde_json's limit, so the user knows what to change.
    let e = parse_error(doc(&format!(r#""extensions":{{"acme.deep":{deep}}}"#)).as_bytes());
    assert!(e.to_string().contains("recursion limit exceeded"), "{e}");
}

#[test]
fn extension_values_nest_up_to_the_documented_depth() -> TestResult {
    // serde_json allows 127 open brackets in all; the document and the extensions object take two.
    let ok = doc(&format!(r#""extensions":{{"acme.deep":{}}}"#, nested(125)));
    let d = Dossier::from_json(&ok)?;
    assert_eq!(round_trip(&d), d);
    let too_deep = doc(&format!(r#""extensions":{{"acme.deep":{}}}"#, nested(126)));
    let e = parse_error(too_deep.as_bytes());
    assert_eq!(kind(&e), Some(ParseErrorKind::Syntax), "{e}");
    Ok(())
}

#[test]
fn a_100_mb_string_loads_and_round_trips() -> TestResult {
    let megabytes = scale(100, 4);
    let title = "\u{1F6E1}ab\"\\\u{0}".repeat(megabytes * 1024 * 1024 / 10);
    let mut d = Dossier::from_json(&doc(""))?;
    d.title = Some(title);
    let json = d.to_json();
    assert!(json.len() > megabytes * 1024 * 1024);
    let back = Dossier::from_json(&json)?;
    assert!(back == d, "{megabytes} MB title changed in the round trip");
    // The NUL in it is kept, and reported: one problem, at the title.
    let report = back.validate();
    assert_eq!(report.len(), 1, "{report}");
    assert!(report.has(defense_agreements::Code::ControlCharacter, "/title"), "{report}");
    Ok(())
}

#[test]
fn invalid_utf8_is_a_syntax_error_with_a_position() {
    for bytes in [
        doc(r#""title":"ab__""#).into_bytes().into_iter().map(|b| if b == b'_' { 0xFF } else { b }).collect::<Vec<_>>(),
        b"\xC0\x80".to_vec(),
        [HEAD.as_bytes(), b",\"title\":\"\xED\xA0\x80\"}"].concat(),
        [HEAD.as_bytes(), b",\"extensions\":{\"a.b\":\"\xF8\x88\x80\x80\x80\"}}"].concat(),
        [HEAD.as_bytes(), b",\"extensions\":{\"a.\xFF\":1}}"].concat(),
    ] {
        let e = parse_error(&bytes);
        assert_eq!(kind(&e), Some(ParseErrorKind::Syntax), "{e}");
        let Error::Parse { line, column, .. } = e else { panic!("not a parse error") };
        assert!(line >= 1 && column >= 1);
    }
}

#[test]
fn lone_surrogate_escapes_are_errors() {
    let e = parse_error(doc(r#""title":"\ud800""#).as_bytes());
    assert_eq!(kind(&e), Some(ParseErrorKind::Syntax), "{e}");
}

#[test]
fn one_byte_order_mark_is_ignored_two_are_an_error() -> TestResult {
    let with_bom = format!("\u{FEFF}{}", doc(r#""title":"t""#));
    assert_eq!(Dossier::from_json(&with_bom)?, Dossier::from_json(&doc(r#""title":"t""#))?);
    assert_eq!(Dossier::from_slice(with_bom.as_bytes())?.title.as_deref(), Some("t"));
    let e = parse_error(format!("\u{FEFF}{with_bom}").as_bytes());
    assert_eq!(kind(&e), Some(ParseErrorKind::Syntax), "{e}");
    // A UTF-16 BOM means the document is not UTF-8.
    let e = parse_error(b"\xFF\xFE{\x00}\x00");
    assert_eq!(kind(&e), Some(ParseErrorKind::Syntax), "{e}");
    Ok(())
}

#[test]
fn duplicate_keys_are_errors_everywhere() {
    let strength = r#""strength":{"best":5,"best":6,"qualifier":"exact"}"#;
    let cases = [
        (r#"{"schema_version":"1.0","id":"a","id":"b"}"#.to_owned(), "/id"),
        (doc(r#""title":"a","title":"b""#), "/title"),
        (
            doc(&format!(
                r#""troop_presences":[{{"id":"t","forces":["a"],"host_country":"SYR",{strength},"host_consent":"unknown"}}]"#
            )),
            "/troop_presences/0/strength/best",
        ),
        (doc(r#""extensions":{"a.b":1,"a.b":2}"#), "/extensions"),
        (doc(r#""extensions":{"a.b":{"k":1,"k":2}}"#), "/extensions/a.b"),
        (doc(r#""extensions":{"a.b":[{"x":{"k":1,"k":1}}]}"#), "/extensions/a.b"),
    ];
    for (json, at) in cases {
        let e = parse_error(json.as_bytes());
        assert!(matches!(kind(&e), Some(ParseErrorKind::DuplicateField | ParseErrorKind::InvalidValue)), "{json}: {e}");
        assert!(e.to_string().contains("duplicate"), "{json}: {e}");
        assert!(e.path().is_some_and(|p| p.starts_with(at)), "{json}: {e} (expected at {at})");
    }
}

fn strength(value: &str) -> String {
    doc(&format!(
        r#""troop_presences":[{{"id":"t","forces":["a"],"host_country":"SYR","strength":{{"best":{value},"qualifier":"exact"}},"host_consent":"unknown"}}]"#
    ))
}

#[test]
fn odd_numbers_where_counts_go_are_clear_errors() -> TestResult {
    for (value, wanted) in [
        ("1e400", "out of range"),
        ("-1e400", "out of range"),
        ("-0", "floating point"),
        ("-0.0", "floating point"),
        ("1.0", "floating point"),
        ("1e2", "floating point"),
        ("-1", "invalid value"),
        ("18446744073709551616", "floating point"),
        ("99999999999999999999999999999999999999", "floating point"),
        ("\"5\"", "invalid type"),
        ("NaN", "expected value"),
        ("Infinity", "expected value"),
    ] {
        let e = parse_error(strength(value).as_bytes());
        assert!(e.to_string().contains(wanted), "{value}: {e}");
        if kind(&e) != Some(ParseErrorKind::Syntax) {
            assert_eq!(e.path(), Some("/troop_presences/0/strength/best"), "{value}: {e}");
        }
    }
    // The largest count is read exactly.
    let d = Dossier::from_json(&strength(&u64::MAX.to_string()))?;
    assert_eq!(d.troop_presences.first().and_then(|t| t.strength.best), Some(u64::MAX));
    assert_eq!(round_trip(&d), d);
    for (json, wanted) in [
        (r#""duration":{"type":"indefinite","withdrawal":{"notice_months":4294967296}}"#, "invalid value"),
        (r#""duration":{"type":"indefinite","withdrawal":{"notice_months":-0}}"#, "floating point"),
    ] {
        let agreement = format!(
            r#""agreements":[{{"id":"g","title":"T","kind":"other","parties":[{{"actor":"a","role":"party"}}],{json}}}]"#
        );
        let e = parse_error(doc(&agreement).as_bytes());
        assert!(e.to_string().contains(wanted), "{json}: {e}");
    }
    Ok(())
}

#[test]
fn extension_numbers_beyond_f64_are_rejected_not_rounded() -> TestResult {
    let e = parse_error(doc(r#""extensions":{"a.b":1e400}"#).as_bytes());
    assert!(e.to_string().contains("out of range"), "{e}");
    // Integers that fit u64 or i64 are kept exactly.
    let json = doc(&format!(r#""extensions":{{"a.max":{},"a.min":{}}}"#, u64::MAX, i64::MIN));
    let d = Dossier::from_json(&json)?;
    assert_eq!(d.to_json(), json);
    Ok(())
}

#[test]
fn nul_and_bidi_characters_in_names_round_trip_exactly() -> TestResult {
    let names = [
        "محمد باقری",
        "علی عبدالله ایوب",
        "سپاه پاسداران انقلاب اسلامی",
        "حزب الله",
        "\u{202E}evil\u{202C}",
        "a\u{0}b",
        "\u{200F}\u{200E}\u{2067}x\u{2069}",
        "ZWJ\u{200D}\u{FE0F}",
        "\u{10FFFF}",
    ];
    for name in names {
        let json = doc(&format!(
            r#""people":[{{"id":"p","name":{n},"other_names":[{{"name":{n},"language":"fa","kind":"native"}}]}}]"#,
            n = serde_json::to_string(name)?
        ));
        let d = Dossier::from_json(&json)?;
        let person = d.people.first().ok_or("no person")?;
        assert_eq!(person.name, name);
        assert_eq!(person.other_names.first().map(|n| n.name.as_str()), Some(name));
        let back = round_trip(&d);
        assert_eq!(back, d);
        assert_eq!(back.to_json(), d.to_json());
        assert_eq!(back.people.first().map(|p| p.name.as_bytes()), Some(name.as_bytes()));
        // Kept either way; a NUL is reported, direction marks and joiners are ordinary text.
        let flagged = d.validate().has(defense_agreements::Code::ControlCharacter, "/people/0/name");
        assert_eq!(flagged, name.contains('\u{0}'), "{name:?}");
    }
    Ok(())
}

/// A large dossier: `n` actors, `n` statements, one agreement with `parties` parties and actions.
fn big(n: usize, parties: usize) -> String {
    use std::fmt::Write;
    let mut s = String::from(r#"{"schema_version":"1.0","id":"big","actors":["#);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(s, r#"{{"id":"a{i}","name":"Actor {i}","kind":"state","parent":"a{}"}}"#, i / 2);
    }
    s.push_str(r#"],"people":[{"id":"p","name":"P"}],"statements":["#);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(
            s,
            r#"{{"id":"s{i}","speakers":["p"],"on_behalf_of":["a{i}"],"date":"2020-07-08","text":"Said {i}.","mode":"paraphrase"}}"#
        );
    }
    s.push_str(r#"],"agreements":[{"id":"g","title":"G","kind":"other","parties":["#);
    for i in 0..parties {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(s, r#"{{"actor":"a{}","role":"party"}}"#, i % n.max(1));
    }
    s.push_str(r#"],"actions":["#);
    for i in 0..parties {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(s, r#"{{"type":"signature","party":"a{}","date":"2020"}}"#, i % n.max(1));
    }
    s.push_str("]}]}");
    s
}

#[test]
fn a_million_records_parse_and_validate() -> TestResult {
    let (n, parties) = (scale(1_000_000, 20_000), scale(100_000, 2_000));
    let json = big(n, parties);
    let d = Dossier::from_json(&json)?;
    assert_eq!(d.actors.len(), n);
    assert_eq!(d.statements.len(), n);
    assert_eq!(d.agreements.first().map(|a| a.parties.len()), Some(parties));
    let report = d.validate();
    // a0 is its own parent: exactly one cycle, reported; everything else resolves.
    assert!(
        report.errors().all(|i| i.path.starts_with("/actors/0")),
        "{:?}",
        report.errors().take(5).collect::<Vec<_>>()
    );
    assert_eq!(round_trip(&d), d);
    Ok(())
}

#[test]
fn a_million_duplicate_ids_are_each_reported_once() -> TestResult {
    let mut json = String::from(r#"{"schema_version":"1.0","id":"dups","actors":["#);
    let n = scale(1_000_000, 20_000);
    for i in 0..n {
        if i > 0 {
            json.push(',');
        }
        json.push_str(r#"{"id":"same","name":"Same","kind":"state"}"#);
    }
    json.push_str("]}");
    let report = Dossier::from_json(&json)?.validate();
    let dups = report.issues().iter().filter(|i| i.code == defense_agreements::Code::DuplicateId).count();
    assert_eq!(dups, n - 1);
    Ok(())
}

/// The rendered message of a representative bad input, with its code and path: a change in
/// wording shows up in review as a snapshot diff.
fn rendered(json: &str) -> String {
    rendered_bytes(json.as_bytes())
}

fn rendered_bytes(json: &[u8]) -> String {
    let e = parse_error(json);
    format!("code: {}\npath: {}\nmessage: {e}", e.code(), e.path().unwrap_or("-"))
}

#[test]
fn error_message_snapshots() {
    let actor = |body: &str| doc(&format!(r#""actors":[{{"id":"iran","name":"Iran","kind":"state"{body}}}]"#));
    insta::assert_snapshot!("unknown_field", rendered(&actor(r#","nmae":"x""#)));
    insta::assert_snapshot!("missing_field", rendered(&doc(r#""actors":[{"id":"iran","kind":"state"}]"#)));
    insta::assert_snapshot!(
        "bad_date",
        rendered(&doc(r#""statements":[{"id":"s","text":"T","mode":"paraphrase","date":"2020-13-45"}]"#))
    );
    insta::assert_snapshot!("bad_country", rendered(&actor(r#","country":"XYZ""#)));
    insta::assert_snapshot!("wrong_type", rendered(&actor(r#","other_names":"Tehran""#)));
    insta::assert_snapshot!(
        "unknown_enum_value",
        rendered(&doc(r#""actors":[{"id":"iran","name":"Iran","kind":"empire"}]"#))
    );
    insta::assert_snapshot!("bad_id", rendered(&doc(r#""actors":[{"id":"-iran","name":"Iran","kind":"state"}]"#)));
    insta::assert_snapshot!("syntax_error", rendered("{\"schema_version\":\"1.0\",\n\"id\":\"d\",,}"));
    insta::assert_snapshot!("truncated", rendered(r#"{"schema_version":"1.0","id":"d","actors":["#));
    insta::assert_snapshot!("unsupported_schema_version", rendered(r#"{"schema_version":"2.0","id":"d"}"#));
    insta::assert_snapshot!("duplicate_field", rendered(&doc(r#""title":"a","title":"b""#)));
    insta::assert_snapshot!("duplicate_extension_key", rendered(&doc(r#""extensions":{"acme.x":{"k":1,"k":2}}"#)));
    insta::assert_snapshot!("bad_extension_key", rendered(&doc(r#""extensions":{"Acme":1}"#)));
    insta::assert_snapshot!("count_as_float", rendered(&strength("-0")));
    insta::assert_snapshot!("count_too_large", rendered(&strength("1e400")));
    insta::assert_snapshot!("too_deep", rendered(&doc(&format!(r#""extensions":{{"acme.deep":{}}}"#, nested(200)))));
    insta::assert_snapshot!("invalid_utf8", rendered_bytes(&[HEAD.as_bytes(), b",\"title\":\"\xFF\"}"].concat()));
}

#[test]
fn jsonl_error_message_snapshot() {
    use defense_agreements::jsonl::Reader;
    let input = format!("{}\n\n{}\n", doc(""), doc(r#""agreements":[{"id":"g"}]"#));
    let errors: Vec<String> = Reader::new(input.as_bytes())
        .filter_map(Result::err)
        .map(|e| format!("code: {}\npath: {}\nmessage: {e}", e.code(), e.path().unwrap_or("-")))
        .collect();
    insta::assert_snapshot!("jsonl_line_error", errors.join("\n---\n"));
}
