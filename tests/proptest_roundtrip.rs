//! Property tests: arbitrary documents valid under the exported JSON Schema are read by the
//! parser, round-trip exactly, serialize canonically, and lose nothing.
//!
//! The documents are generated from the schema itself (every record type, every optional field,
//! every enum value, strings from the schema's patterns, names in any script), so a new field is
//! covered as soon as it is in the schema.

use defense_agreements::Dossier;
use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::{Map, Value};

/// Text that names and quotes are made of: Latin, Persian, Arabic, bidi controls, NUL, emoji,
/// escapes JSON must write, combining marks.
fn text() -> BoxedStrategy<String> {
    let chars = prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('\u{0621}', '\u{064A}'),
        1 => Just('\u{067E}'),
        1 => Just('\u{06CC}'),
        1 => Just(' '),
        1 => prop::sample::select(vec!['\u{0}', '"', '\\', '\n', '\u{7f}', '\u{200F}', '\u{202E}', '\u{2067}', '\u{FEFF}', '\u{1F6E1}', '\u{0301}', '\u{10FFFF}', 'é']),
    ];
    prop::collection::vec(chars, 1..16).prop_map(|c| c.into_iter().collect()).boxed()
}

/// Any JSON value, for extension values: integers across u64 and i64, floats, text, nesting.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("JSON numbers are finite", |f| f.is_finite()).prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z\u{0627}-\u{0629}]{0,4}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

fn regex(pattern: &str) -> BoxedStrategy<String> {
    let body = pattern.strip_prefix('^').unwrap_or(pattern);
    let body = body.strip_suffix('$').unwrap_or(body);
    proptest::string::string_regex(body).unwrap_or_else(|e| panic!("pattern {pattern}: {e}")).boxed()
}

/// A strategy for the instances of one schema (`defs` resolves `$ref`).
fn strategy(schema: &Value, defs: &Map<String, Value>) -> BoxedStrategy<Value> {
    if let Some(Value::String(r)) = schema.get("$ref") {
        let name = r.trim_start_matches("#/$defs/");
        let def = defs.get(name).unwrap_or_else(|| panic!("no $defs/{name}"));
        return strategy(def, defs);
    }
    if let Some(c) = schema.get("const") {
        return Just(c.clone()).boxed();
    }
    if let Some(Value::Array(items)) = schema.get("enum") {
        return prop::sample::select(items.clone()).boxed();
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(branches)) = schema.get(key) {
            return Union::new(branches.iter().map(|b| strategy(b, defs))).boxed();
        }
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        // No `type`: any JSON value (a dispute's alternative values); scalars are enough here.
        None => vec!["null", "boolean", "integer", "string"],
        _ => panic!("unsupported schema: {schema}"),
    };
    Union::new(types.into_iter().map(|t| typed(t, schema, defs))).boxed()
}

fn typed(t: &str, schema: &Value, defs: &Map<String, Value>) -> BoxedStrategy<Value> {
    match t {
        "null" => Just(Value::Null).boxed(),
        "boolean" => any::<bool>().prop_map(Value::Bool).boxed(),
        "string" => match schema.get("pattern").and_then(Value::as_str) {
            Some(p) => regex(p).prop_map(Value::String).boxed(),
            None => text().prop_map(Value::String).boxed(),
        },
        "integer" => {
            let min = schema.get("minimum").and_then(Value::as_u64).unwrap_or(0);
            let max = schema.get("maximum").and_then(Value::as_u64).unwrap_or(u64::MAX);
            prop_oneof![Just(min), Just(max), min..=max, min..=max.min(min.saturating_add(20))]
                .prop_map(Value::from)
                .boxed()
        }
        "number" => {
            let min = schema.get("minimum").and_then(Value::as_f64).unwrap_or(-1e9);
            let max = schema.get("maximum").and_then(Value::as_f64).unwrap_or(1e9);
            prop_oneof![Just(min), Just(max), Just(-0.0), min..=max].prop_map(Value::from).boxed()
        }
        "array" => {
            let item = schema.get("items").map_or_else(any_json, |i| strategy(i, defs));
            prop::collection::vec(item, 0..3).prop_map(Value::Array).boxed()
        }
        "object" => object(schema, defs),
        other => panic!("unsupported type {other}"),
    }
}

fn object(schema: &Value, defs: &Map<String, Value>) -> BoxedStrategy<Value> {
    if let Some(Value::String(p)) = schema.get("propertyNames").and_then(|n| n.get("pattern")) {
        return prop::collection::btree_map(regex(p), any_json(), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
            .boxed();
    }
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map_or_else(Vec::new, |r| r.iter().filter_map(Value::as_str).collect());
    let mut fields: Vec<BoxedStrategy<Option<(String, Value)>>> = Vec::new();
    if let Some(Value::Object(props)) = schema.get("properties") {
        for (name, prop) in props {
            let s = strategy(prop, defs);
            let name = name.clone();
            if required.contains(&name.as_str()) {
                fields.push(s.prop_map(move |v| Some((name.clone(), v))).boxed());
            } else {
                fields.push(prop::option::weighted(0.5, s).prop_map(move |v| v.map(|v| (name.clone(), v))).boxed());
            }
        }
    }
    fields.prop_map(|entries| Value::Object(entries.into_iter().flatten().collect())).boxed()
}

fn documents() -> BoxedStrategy<Value> {
    let schema = Value::from(defense_agreements::schema::dossier_schema());
    let defs = schema.get("$defs").and_then(Value::as_object).cloned().unwrap_or_default();
    strategy(&schema, &defs)
}

/// The document without what means "absent" (null optional fields, empty lists and extensions,
/// the default unit), which the writer may leave out or write. Nothing else may change.
fn canonical(v: &Value, in_extensions: bool) -> Value {
    match v {
        Value::Object(map) if !in_extensions => Value::Object(
            map.iter()
                .filter(|(k, v)| {
                    !(v.is_null()
                        || v.as_array().is_some_and(Vec::is_empty)
                        || (k.as_str() == "extensions" && v.as_object().is_some_and(Map::is_empty))
                        || (k.as_str() == "unit" && v.as_str() == Some("personnel")))
                })
                .map(|(k, v)| (k.clone(), canonical(v, k == "extensions")))
                .collect(),
        ),
        // Extension values are kept as they are, nulls and empty lists included.
        Value::Object(map) => Value::Object(map.clone()),
        Value::Array(items) => Value::Array(items.iter().map(|i| canonical(i, false)).collect()),
        other => other.clone(),
    }
}

proptest! {
    #[test]
    fn schema_valid_documents_parse_round_trip_and_lose_nothing(doc in documents()) {
        let json = doc.to_string();
        let d = match Dossier::from_json(&json) {
            Ok(d) => d,
            Err(e) => return Err(TestCaseError::fail(format!("the schema accepts it, the parser does not: {e}\n{json}"))),
        };
        let written = d.to_json();
        let back = Dossier::from_json(&written).map_err(|e| TestCaseError::fail(format!("{e}\n{written}")))?;
        prop_assert_eq!(&back, &d);
        // Canonical: serialize ∘ parse ∘ serialize is a fixed point, compact and pretty.
        prop_assert_eq!(&back.to_json(), &written);
        let pretty = Dossier::from_json(&d.to_json_pretty()).ok();
        prop_assert_eq!(pretty.as_ref(), Some(&d));
        // No data loss: what is written is what was read, up to the documented defaults.
        let written_value: Value = serde_json::from_str(&written).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(canonical(&written_value, false), canonical(&doc, false));
        // Validation never panics and sees the same document after the round trip.
        prop_assert_eq!(d.validate(), back.validate());
    }
}

proptest! {
    /// Numbers as people write them (many digits, exponents) are read once: writing what was read
    /// and reading it again gives the same value, in coordinates and in extension values.
    #[test]
    fn written_numbers_read_back_the_same(
        lat in "-?[0-8]?[0-9]\\.[0-9]{1,25}",
        ext in "-?[0-9]{1,25}(\\.[0-9]{1,25})?([eE][-+]?[0-9]{1,3})?",
    ) {
        let json = format!(
            r#"{{"schema_version":"1.0","id":"d","statements":[{{"id":"s","text":"T","mode":"paraphrase","place":{{"name":"P","coordinates":{{"latitude":{lat},"longitude":{lat}}}}}}}],"extensions":{{"acme.n":{ext}}}}}"#
        );
        // 1e400-like exponents are refused; everything else must read back equal.
        if let Ok(d) = Dossier::from_json(&json) {
            let back = Dossier::from_json(&d.to_json()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&back, &d);
            prop_assert_eq!(back.to_json(), d.to_json());
        }
    }
}
