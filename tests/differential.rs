//! Differential test: the exported JSON Schema (format assertion on) and `Dossier::from_json`
//! agree on the shape validity of generated and randomly mutated documents.
//!
//! `cargo test --test integration differential::` checks 2,000 documents; the long run is
//! `DIFFERENTIAL_CASES=100000 cargo test --release --test integration -- differential:: --nocapture`
//! (`DIFFERENTIAL_SEED` picks another pseudo-random sequence). See docs/limits.md.
//!
//! Intentional differences are listed in `KNOWN`, each recognised by a precise rule and named in
//! the output; anything else is a failure.

use std::collections::BTreeSet;

use defense_agreements::Dossier;
use serde_json::{Map, Number, Value, json};

/// A small deterministic generator (xorshift64*): the run is reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn schema() -> Value {
    Value::from(defense_agreements::schema::dossier_schema())
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// Every property name, enum value and example in the schema: replacements that are often
/// valid somewhere, so mutated documents stay near the boundary between valid and invalid.
fn schema_vocabulary(schema: &Value, keys: &mut BTreeSet<String>, values: &mut Vec<Value>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                keys.extend(props.keys().cloned());
            }
            for k in ["enum", "examples"] {
                if let Some(Value::Array(items)) = map.get(k) {
                    values.extend(items.iter().cloned());
                }
            }
            if let Some(c) = map.get("const") {
                values.push(c.clone());
            }
            map.values().for_each(|v| schema_vocabulary(v, keys, values));
        }
        Value::Array(items) => items.iter().for_each(|v| schema_vocabulary(v, keys, values)),
        _ => {}
    }
}

/// Values chosen to probe the edges of the parser: numbers of every JSON spelling, strings
/// that almost match the patterns, and every JSON type.
fn edge_values() -> Vec<Value> {
    let f = |x: f64| Number::from_f64(x).map_or(Value::Null, Value::Number);
    let mut v = vec![
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(1),
        json!(-1),
        json!(12),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(u32::MAX),
        json!(u64::from(u32::MAX) + 1),
        f(-0.0),
        f(1.0),
        f(1.5),
        f(100.0),
        f(-90.5),
        f(180.0),
        f(1e300),
        f(-1e300),
        json!([]),
        json!({}),
        json!([1, "a"]),
        json!({"a.b": 1}),
        json!({"zz": 1}),
        json!(""),
        json!(" "),
        json!("x"),
        json!(" x"),
        json!("a\u{0}b"),
        json!("محمد باقری"),
        json!("\u{202E}x"),
        json!("1.0"),
        json!("1.1"),
        json!("2.0"),
        json!("0.9"),
        json!("1.00"),
        json!("01.0"),
        json!("1.4294967296"),
        json!("2020"),
        json!("2020-07"),
        json!("2020-07-08"),
        json!("2020-02-30"),
        json!("2020-13"),
        json!("2020-07-08?"),
        json!("2020~"),
        json!("-0044%"),
        json!("-0000"),
        json!("2011/2020"),
        json!("2011/.."),
        json!("../2020"),
        json!("/2020"),
        json!("2020/"),
        json!("../.."),
        json!("2020-07-08T00:00:00Z"),
        json!("IRN"),
        json!("SYR"),
        json!("irn"),
        json!("XXX"),
        json!("fa"),
        json!("ar"),
        json!("en"),
        json!("zz"),
        json!("fas"),
        json!("FA"),
        json!("https://example.org/a"),
        json!("http://example.org"),
        json!("https://"),
        json!("ftp://example.org"),
        json!("https://exa mple.org"),
        json!("https://example.org/\u{7f}"),
        json!("iran"),
        json!("a:b.c-d_e"),
        json!("-iran"),
        json!("a".repeat(128)),
        json!("a".repeat(129)),
        json!("acme.score"),
        json!("Q794"),
    ];
    for bad in ["2020-7", "20200", "2020-00", "2020-07-32", "+2020", "2020??", "2020-07-08 "] {
        v.push(json!(bad));
    }
    v
}

/// The pointers of every node of `doc`.
fn pointers(doc: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match doc {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(v, &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

struct Vocabulary {
    keys: Vec<String>,
    values: Vec<Value>,
}

/// One random change somewhere in `doc`.
fn mutate(doc: &mut Value, rng: &mut Rng, vocab: &Vocabulary) {
    let mut all = Vec::new();
    pointers(doc, "", &mut all);
    let Some(at) = rng.pick(&all).cloned() else { return };
    let donor = rng.pick(&all).and_then(|p| doc.pointer(p)).cloned();
    let Some(node) = doc.pointer_mut(&at) else { return };
    match rng.below(10) {
        // Replace by an interesting value.
        0..=2 => {
            if let Some(v) = rng.pick(&vocab.values) {
                *node = v.clone();
            }
        }
        // Replace by another node of the same document (a record where a string goes …).
        3 => {
            if let Some(v) = donor {
                *node = v;
            }
        }
        // Remove a member or an item.
        4..=5 => match node {
            Value::Object(map) if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                if let Some(k) = rng.pick(&keys) {
                    map.remove(k);
                }
            }
            Value::Array(items) if !items.is_empty() => {
                let i = rng.below(items.len());
                items.remove(i);
            }
            _ => *node = Value::Null,
        },
        // Add a member: a known name (often of another record type) or an extension key.
        6..=7 => match node {
            Value::Object(map) => {
                let key = if rng.chance(20) {
                    "acme.extra".to_owned()
                } else {
                    rng.pick(&vocab.keys).cloned().unwrap_or_default()
                };
                let value = rng.pick(&vocab.values).cloned().unwrap_or(Value::Null);
                map.insert(key, value);
            }
            Value::Array(items) => {
                let item = if rng.chance(50) {
                    items.first().cloned().unwrap_or(Value::Null)
                } else {
                    rng.pick(&vocab.values).cloned().unwrap_or(Value::Null)
                };
                items.push(item);
            }
            _ => {}
        },
        // Edit a string or a number in place.
        _ => match node {
            Value::String(s) => {
                let mut chars: Vec<char> = s.chars().collect();
                let i = rng.below(chars.len() + 1);
                match rng.below(3) {
                    0 if i < chars.len() => {
                        chars.remove(i);
                    }
                    1 => chars.insert(
                        i,
                        *rng.pick(&['/', '.', '-', '?', '~', '%', ' ', '0', '9', 'A', 'é', '\u{0}']).unwrap_or(&'x'),
                    ),
                    _ => chars.truncate(i),
                }
                *s = chars.into_iter().collect();
            }
            Value::Number(n) => {
                let choices = [
                    n.as_u64().and_then(|x| x.checked_add(1)).map(Value::from),
                    n.as_i64().map(|x| Value::from(x.wrapping_neg())),
                    n.as_f64().and_then(|x| Number::from_f64(x + 0.5)).map(Value::Number),
                    n.as_f64().and_then(|x| Number::from_f64(-x)).map(Value::Number),
                    // The same value written as a float: 5 as 5.0.
                    n.as_f64().and_then(Number::from_f64).map(Value::Number),
                ];
                if let Some(Some(v)) = rng.pick(&choices) {
                    *node = v.clone();
                }
            }
            other => *other = Value::Bool(true),
        },
    }
}

/// A generated document: a random selection of the example's records, sometimes reordered.
fn generate(example: &Map<String, Value>, rng: &mut Rng) -> Value {
    let mut doc = Map::new();
    for (k, v) in example {
        match v {
            Value::Array(items) => {
                let mut kept: Vec<Value> = items.iter().filter(|_| rng.chance(50)).cloned().collect();
                if rng.chance(20) {
                    kept.reverse();
                }
                if !kept.is_empty() || rng.chance(10) {
                    doc.insert(k.clone(), Value::Array(kept));
                }
            }
            _ => {
                doc.insert(k.clone(), v.clone());
            }
        }
    }
    Value::Object(doc)
}

/// Whether a difference explains the disagreement on a document, given serde's error (when it
/// rejects) and the schema's errors as (instance path, message).
type Rule = fn(doc: &Value, error: Option<&defense_agreements::Error>, schema_errors: &[(String, String)]) -> bool;

/// An intentional difference between the schema and the parser, recognised by a precise rule.
struct Known {
    name: &'static str,
    why: &'static str,
    applies: Rule,
}

/// Whether `v` holds, at any depth, a number written as a float whose value is `x`.
fn holds_float(v: &Value, x: f64) -> bool {
    match v {
        Value::Number(n) => n.is_f64() && n.as_f64() == Some(x),
        Value::Array(items) => items.iter().any(|i| holds_float(i, x)),
        Value::Object(map) => map.values().any(|i| holds_float(i, x)),
        _ => false,
    }
}

/// serde's "invalid type: floating point `12.0`, expected a whole number …" for an integral float
/// found at (or under) the error's path.
fn is_integral_float_error(doc: &Value, e: &defense_agreements::Error) -> bool {
    let message = e.to_string();
    let Some(rest) = message.split_once("invalid type: floating point `").map(|(_, r)| r) else { return false };
    let Some(x) = rest.split('`').next().and_then(|t| t.parse::<f64>().ok()) else { return false };
    x.fract() == 0.0 && e.path().and_then(|p| doc.pointer(p)).is_some_and(|v| holds_float(v, x))
}

const KNOWN: &[Known] = &[Known {
    name: "integral-float-count",
    why: "JSON Schema's `integer` is mathematical (1.0, 1e2 and -0 are integers); the parser reads \
              counts (u64/u32) only when written as integers, so no float is ever rounded into a count",
    applies: |doc, error, _| error.is_some_and(|e| is_integral_float_error(doc, e)),
}];

#[test]
fn schema_and_parser_agree_on_generated_and_mutated_documents() -> Result<(), Box<dyn std::error::Error>> {
    let cases = env_number("DIFFERENTIAL_CASES", 2_000);
    let mut rng = Rng(env_number("DIFFERENTIAL_SEED", 0x5EED_D0551E2) | 1);
    let schema = schema();
    let validator = validator(&schema);
    let mut keys = BTreeSet::new();
    let mut values = edge_values();
    schema_vocabulary(&schema, &mut keys, &mut values);
    let vocab = Vocabulary { keys: keys.into_iter().collect(), values };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut files: Vec<_> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    let mut examples = Vec::new();
    for path in &files {
        let Value::Object(example) = serde_json::from_str::<Value>(&std::fs::read_to_string(path)?)? else {
            panic!("{}: not an object", path.display())
        };
        examples.push(example);
    }
    assert!(!examples.is_empty(), "no examples in {}", dir.display());

    let mut both_accept = 0u64;
    let mut both_reject = 0u64;
    let mut known_counts = vec![0u64; KNOWN.len()];
    let mut disagreements = Vec::new();
    let mut parser_disagreements = Vec::new();
    for case in 0..cases {
        let example = &examples[rng.below(examples.len())];
        let mut doc = generate(example, &mut rng);
        // A fifth stay unmutated (valid), the rest get one to four changes.
        let changes = if rng.chance(20) { 0 } else { 1 + rng.below(4) };
        for _ in 0..changes {
            mutate(&mut doc, &mut rng, &vocab);
        }
        let json = doc.to_string();
        let parsed = Dossier::from_json(&json);
        // The fast path (where a faster parser would go: docs/performance.md) and serde_json
        // alone must give the same verdict and the same dossier.
        let reference = serde_json::from_str::<Dossier>(&json);
        match (&parsed, &reference) {
            // Compared as written too: `-0.0 == 0.0`, but they are different documents.
            (Ok(fast), Ok(slow)) if fast == slow && fast.to_json() == slow.to_json() => {}
            (Err(_), Err(_)) => {}
            _ => parser_disagreements.push(format!(
                "case {case}: fast path {:?}, serde_json {:?}\n  document: {json}",
                parsed.is_ok(),
                reference.is_ok()
            )),
        }
        let schema_ok = validator.is_valid(&doc);
        match (&parsed, schema_ok) {
            (Ok(_), true) => both_accept += 1,
            (Err(_), false) => both_reject += 1,
            _ => {
                let schema_errors: Vec<(String, String)> =
                    validator.iter_errors(&doc).map(|e| (e.instance_path().to_string(), e.to_string())).collect();
                let error = parsed.as_ref().err();
                match KNOWN.iter().position(|k| (k.applies)(&doc, error, &schema_errors)) {
                    Some(i) => known_counts[i] += 1,
                    None => disagreements.push(format!(
                        "case {case}: parser {}, schema {}\n  parser: {}\n  schema: {schema_errors:?}\n  document: {json}",
                        if parsed.is_ok() { "accepts" } else { "rejects" },
                        if schema_ok { "accepts" } else { "rejects" },
                        error.map_or_else(String::new, ToString::to_string),
                    )),
                }
            }
        }
    }
    println!("{cases} documents: {both_accept} accepted by both, {both_reject} rejected by both");
    for (k, n) in KNOWN.iter().zip(&known_counts) {
        println!("  intentional difference {}: {n} ({})", k.name, k.why);
    }
    assert!(
        parser_disagreements.is_empty(),
        "{} differences between the fast path and serde_json:\n{}",
        parser_disagreements.len(),
        parser_disagreements.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
    let shown: Vec<&String> = disagreements.iter().take(10).collect();
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
    // Both verdicts occur often: the comparison is not vacuous.
    assert!(both_accept * 10 >= cases && both_reject * 10 >= cases, "{both_accept} accepted, {both_reject} rejected");
    Ok(())
}

#[test]
fn intentional_differences_are_real() -> Result<(), Box<dyn std::error::Error>> {
    let schema = schema();
    let validator = validator(&schema);
    let base = |body: &str| format!(r#"{{"schema_version":"1.0","id":"d",{body}}}"#);
    let strength = |v: &str| {
        base(&format!(
            r#""troop_presences":[{{"id":"t","forces":["a"],"host_country":"SYR","strength":{{"best":{v},"qualifier":"exact"}},"host_consent":"unknown"}}]"#
        ))
    };
    // integral-float-count: the schema accepts these, the parser does not.
    for v in ["-0", "1.0", "1e2"] {
        let json = strength(v);
        assert!(validator.is_valid(&serde_json::from_str(&json)?), "{v}");
        assert!(Dossier::from_json(&json).is_err(), "{v}");
    }
    // Out-of-range and non-integers: both reject.
    for v in ["1.5", "-1", "18446744073709551616"] {
        let json = strength(v);
        assert!(!validator.is_valid(&serde_json::from_str(&json)?), "{v}");
        assert!(Dossier::from_json(&json).is_err(), "{v}");
    }
    // duplicate-keys: JSON Schema sees the parsed value, in which the last duplicate won.
    let json = base(r#""title":"a","title":"b""#);
    assert!(validator.is_valid(&serde_json::from_str(&json)?));
    assert!(Dossier::from_json(&json).is_err());
    // Nulls in optional fields mean "absent" to both.
    let json = base(r#""title":null"#);
    assert_eq!(validator.is_valid(&serde_json::from_str(&json)?), Dossier::from_json(&json).is_ok());
    Ok(())
}

#[test]
fn date_edge_strings_agree() -> Result<(), Box<dyn std::error::Error>> {
    // -0000 was accepted by the schema's pattern and refused by the parser (found by the
    // schema-driven property test).
    let schema = schema();
    let validator = validator(&schema);
    for date in [
        "-0000",
        "-0000?",
        "-0000/2020",
        "../-0000",
        "0000",
        "-0001",
        "-0010",
        "-0100",
        "-1000",
        "-9999-12-31%",
        "2020-02-30",
        "2020/2011",
        "/",
        "../..",
        "2020/-0000",
    ] {
        let doc = json!({
            "schema_version": "1.0",
            "id": "d",
            "statements": [{"id": "s", "text": "T", "mode": "paraphrase", "date": date}],
        });
        let parsed = Dossier::from_json(&doc.to_string()).is_ok();
        assert_eq!(validator.is_valid(&doc), parsed, "{date}: parser {parsed}");
    }
    Ok(())
}

#[test]
fn extension_key_edge_strings_agree() {
    let schema = schema();
    let validator = validator(&schema);
    let mut accepted = 0;
    for key in [
        "a.b",
        "acme.score",
        "a-b.c_d",
        "1.2",
        "a.b.c",
        "a",
        "a..b",
        ".a.b",
        "a.b.",
        "A.b",
        "a.B",
        "a.b\n",
        "\na.b",
        "a. b",
        "é.b",
        "_a.b",
        "a._b",
        "a.-b",
        "",
        ".",
    ] {
        let mut extensions = serde_json::Map::new();
        extensions.insert(key.to_owned(), json!(1));
        let doc = json!({"schema_version": "1.0", "id": "d", "extensions": extensions});
        let parsed = Dossier::from_json(&doc.to_string()).is_ok();
        accepted += usize::from(parsed);
        assert_eq!(validator.is_valid(&doc), parsed, "{key:?}: parser {parsed}");
    }
    assert_eq!(accepted, 5);
}

/// The fast path of `Dossier::from_json` (where a faster parser would go: see "Faster parsers"
/// in docs/performance.md) against serde_json alone, on text no `Value` can produce: duplicate keys, nesting
/// at the recursion limit, numbers at and past the edges, escapes, stray bytes. Same verdict
/// and, where both accept, the same dossier.
#[test]
fn fast_path_and_serde_json_agree_on_hostile_text() -> Result<(), Box<dyn std::error::Error>> {
    let head = r#"{"schema_version":"1.0","id":"d""#;
    let doc = |body: &str| if body.is_empty() { format!("{head}}}") } else { format!("{head},{body}}}") };
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let strength = |v: &str| {
        doc(&format!(
            r#""troop_presences":[{{"id":"t","forces":["a"],"host_country":"SYR","strength":{{"best":{v},"qualifier":"exact"}},"host_consent":"unknown"}}]"#
        ))
    };
    let notice = |v: &str| {
        doc(&format!(
            r#""agreements":[{{"id":"g","title":"T","kind":"other","parties":[{{"actor":"a","role":"party"}}],"duration":{{"type":"indefinite","withdrawal":{{"notice_months":{v}}}}}}}]"#
        ))
    };
    let numbers = [
        "0",
        "-0",
        "-0.0",
        "0.0",
        "1",
        "1.0",
        "1e2",
        "1E2",
        "1e-2",
        "-1",
        "01",
        "1.",
        ".5",
        "+1",
        "1e400",
        "-1e400",
        "1e-400",
        "5e-324",
        "1.7976931348623157e308",
        "1.7976931348623157e309",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "4294967295",
        "4294967296",
        "99999999999999999999999999999999999999",
        "0.1e1",
        "1_000",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "\"5\"",
        "true",
        "null",
        "[]",
        "{}",
    ];
    let mut cases: Vec<String> = Vec::new();
    for n in numbers {
        cases.push(strength(n));
        cases.push(notice(n));
        cases.push(doc(&format!(r#""extensions":{{"a.n":{n}}}"#)));
        cases.push(doc(&format!(r#""extensions":{{"a.n":[{n},{{"k":{n}}}]}}"#)));
    }
    for depth in [1, 100, 124, 125, 126, 127, 128, 129, 200, 5000] {
        cases.push(doc(&format!(r#""extensions":{{"a.deep":{}}}"#, nested(depth))));
        cases.push(doc(&format!(r#""extensions":{{"a.deep":{}{}}}"#, "{\"k\":".repeat(depth), "}".repeat(depth))));
        cases.push(doc(&format!(r#""title":{}"#, nested(depth))));
    }
    for body in [
        r#""title":"a","title":"b""#,
        r#""extensions":{"a.b":1,"a.b":2}"#,
        r#""extensions":{"a.b":{"k":1,"k":2}}"#,
        r#""extensions":{"a.b":[{"x":{"k":1,"k":1}}]}"#,
        r#""title":"\ud800""#,
        r#""title":"\udc00\ud800""#,
        r#""title":"\ud83d\ude00""#,
        r#""title":"\u0000""#,
        r#""title":"\x41""#,
        r#""title":"\/\b\f\n\r\t\"\\""#,
        "\"title\":\"tab\tinside\"",
        "\"title\":\"nul\u{0}inside\"",
        "\"title\":\"line\nbreak\"",
        r#""title":'single'"#,
        r#""title":"t",}"#,
        r#""actors":[{"id":"a","name":"A","kind":"state"},]"#,
        r#""title":"t" /* comment */"#,
        r#""title":"\u00e9\u200f""#,
        r#""title":"é""#,
        r#""extensions":{"":1}"#,
        r#""extensions":{"a.b":"\ud800"}"#,
        "",
    ] {
        cases.push(doc(body));
    }
    let base = doc(r#""title":"t""#);
    for text in [
        format!(" \n\t{base} \r\n"),
        format!("{base} x"),
        format!("{base}{base}"),
        format!("\u{FEFF}{base}"),
        format!("\u{FEFF}\u{FEFF}{base}"),
        base.replace("1.0", "1.1"),
        base.replace("1.0", "2.0"),
        base[..base.len() - 1].to_owned(),
        String::new(),
        "null".into(),
        "[]".into(),
    ] {
        cases.push(text);
    }
    let mut differences = Vec::new();
    for json in &cases {
        let fast = Dossier::from_json(json);
        let slow = serde_json::from_str::<Dossier>(json.strip_prefix('\u{FEFF}').unwrap_or(json));
        match (&fast, &slow) {
            (Ok(a), Ok(b)) if a == b && a.to_json() == b.to_json() => {}
            (Err(_), Err(_)) => {}
            (Ok(_), Ok(_)) => differences.push(format!("different dossiers: {json}")),
            _ => differences.push(format!(
                "fast path {:?}, serde_json {:?}: {json}",
                fast.as_ref().map(|_| ()).map_err(ToString::to_string),
                slow.as_ref().map(|_| ()).map_err(ToString::to_string)
            )),
        }
        // The byte entry point too (a JSON Lines line goes through it).
        if Dossier::from_slice(json.as_bytes()).ok() != fast.ok() {
            differences.push(format!("from_slice and from_json differ: {json}"));
        }
    }
    assert!(differences.is_empty(), "{} differences:\n{}", differences.len(), differences.join("\n"));
    Ok(())
}
