//! The "Providers' limits" table of docs/extraction.md: every figure of its profile column is
//! recounted here from schemas/dossier.extraction.schema.json, so the table fails CI as soon as
//! the profile grows past what it says. The counting follows
//! tests/extraction-profile/check_strict.py: properties, nesting and unions with every `$ref`
//! inlined (what a provider compiling the schema sees); enums, names and optional properties
//! over the schema as written.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn profile() -> Value {
    let text = std::fs::read_to_string(root().join("schemas/dossier.extraction.schema.json"))
        .unwrap_or_else(|e| panic!("schemas/dossier.extraction.schema.json: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("the profile is not JSON: {e}"))
}

#[derive(Debug, Default, PartialEq)]
struct Figures {
    properties: usize,
    nesting: usize,
    union_properties: usize,
    recursive: Vec<String>,
    enum_values: usize,
    name_characters: usize,
    largest_enum: (usize, usize),
    optional_properties: usize,
    compact_bytes: usize,
}

fn is_union(schema: &Value) -> bool {
    schema.get("anyOf").is_some() || schema.get("type").is_some_and(Value::is_array)
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Every subschema as written (definitions, properties, branches, items), not following `$ref`.
fn written<'a>(schema: &'a Value, out: &mut Vec<&'a Value>) {
    out.push(schema);
    for key in ["properties", "$defs"] {
        if let Some(children) = schema.get(key).and_then(Value::as_object) {
            children.values().for_each(|child| written(child, out));
        }
    }
    if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
        branches.iter().for_each(|branch| written(branch, out));
    }
    for key in ["items", "additionalProperties"] {
        if let Some(child) = schema.get(key).filter(|c| c.is_object()) {
            written(child, out);
        }
    }
}

/// Walks the schema with every `$ref` inlined; a definition met again on its own path is
/// recursion, recorded and not followed.
fn inlined(
    defs: &BTreeMap<String, Value>,
    schema: &Value,
    depth: usize,
    stack: &mut Vec<String>,
    figures: &mut Figures,
) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/").to_owned();
        if stack.contains(&name) {
            figures.recursive.push(name);
            return;
        }
        let definition = defs.get(&name).unwrap_or_else(|| panic!("no definition {name}"));
        stack.push(name);
        inlined(defs, definition, depth, stack, figures);
        stack.pop();
        return;
    }
    let mut depth = depth;
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        depth += 1;
        figures.nesting = figures.nesting.max(depth);
        for property in properties.values() {
            figures.properties += 1;
            figures.union_properties += usize::from(is_union(property));
            inlined(defs, property, depth, stack, figures);
        }
    }
    for branch in schema.get("anyOf").and_then(Value::as_array).into_iter().flatten() {
        inlined(defs, branch, depth, stack, figures);
    }
    if let Some(items) = schema.get("items").filter(|i| i.is_object()) {
        inlined(defs, items, depth, stack, figures);
    }
}

fn count(profile: &Value) -> Figures {
    let mut figures = Figures::default();
    let defs: BTreeMap<String, Value> = profile
        .get("$defs")
        .and_then(Value::as_object)
        .map(|d| d.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    inlined(&defs, profile, 0, &mut Vec::new(), &mut figures);

    let mut all = Vec::new();
    written(profile, &mut all);
    for schema in all {
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            figures.name_characters += properties.keys().map(|k| chars(k)).sum::<usize>();
            figures.optional_properties += properties.keys().filter(|k| !required.contains(&k.as_str())).count();
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let length: usize = values.iter().map(|v| v.as_str().map_or_else(|| chars(&v.to_string()), chars)).sum();
            figures.enum_values += values.len();
            figures.name_characters += length;
            figures.largest_enum = figures.largest_enum.max((values.len(), length));
        }
    }
    figures.name_characters += defs.keys().map(|k| chars(k)).sum::<usize>();
    figures.compact_bytes = serde_json::to_string(profile).map_or(0, |s| s.len());
    figures
}

/// 68440 as "68,440".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn count_or_none(n: usize) -> String {
    if n == 0 { "none".to_owned() } else { thousands(n) }
}

/// The profile column of the doc's table, by row label.
fn documented() -> BTreeMap<String, String> {
    let page = std::fs::read_to_string(root().join("docs/extraction.md"))
        .unwrap_or_else(|e| panic!("docs/extraction.md: {e}"));
    let table = page
        .split("\n## Providers' limits\n")
        .nth(1)
        .unwrap_or_else(|| panic!("docs/extraction.md has no \"Providers' limits\" section"));
    table
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            Some((cells.get(1)?.to_string(), cells.get(2)?.to_string()))
        })
        .collect()
}

#[test]
fn the_limits_table_of_docs_extraction_md_gives_the_profile_s_own_figures() {
    let figures = count(&profile());
    let expected = [
        ("object properties", thousands(figures.properties)),
        ("object nesting", format!("{} levels", figures.nesting)),
        ("enum values", thousands(figures.enum_values)),
        ("characters in property names, definition names, enum values", thousands(figures.name_characters)),
        (
            "largest enum (country codes)",
            format!("{} values, {} characters", thousands(figures.largest_enum.0), thousands(figures.largest_enum.1)),
        ),
        ("recursive definitions", count_or_none(figures.recursive.len())),
        ("optional properties", count_or_none(figures.optional_properties)),
        ("union-typed properties (`anyOf`, type lists)", thousands(figures.union_properties)),
        ("compact size", format!("{} bytes", thousands(figures.compact_bytes))),
    ];
    let documented = documented();
    let wrong: Vec<String> = expected
        .iter()
        .filter(|(row, value)| documented.get(*row) != Some(value))
        .map(|(row, value)| format!("{row}: the page says {:?}, the profile gives {value:?}", documented.get(*row)))
        .collect();
    assert!(wrong.is_empty(), "docs/extraction.md, \"Providers' limits\":\n{}", wrong.join("\n"));
}

#[test]
fn the_counts_see_what_they_count() {
    // A small profile counted by hand: two properties at the root, one an object of two (one of
    // them a union), reached through a $ref; one enum of three values; nothing optional.
    let schema = serde_json::json!({
        "type": "object",
        "properties": {
            "a": {"anyOf": [{"$ref": "#/$defs/inner"}, {"type": "null"}]},
            "kind": {"enum": ["x", "yy", "zzz"]}
        },
        "required": ["a", "kind"],
        "$defs": {"inner": {"type": "object", "properties": {
            "b": {"type": "string"}, "c": {"anyOf": [{"type": "string"}, {"type": "null"}]}
        }, "required": ["b"]}}
    });
    let figures = count(&schema);
    assert_eq!((figures.properties, figures.nesting, figures.union_properties), (4, 2, 2));
    assert_eq!((figures.enum_values, figures.largest_enum), (3, (3, 6)));
    // "a" "kind" "b" "c" (7) + "x" "yy" "zzz" (6) + "inner" (5)
    assert_eq!(figures.name_characters, 18);
    assert_eq!(figures.optional_properties, 1);
    assert!(figures.recursive.is_empty());

    let looped = serde_json::json!({"$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}}}}, "$ref": "#/$defs/node"});
    assert_eq!(count(&looped).recursive, ["node"]);
    assert_eq!(
        (thousands(68440), thousands(999), thousands(1000)),
        ("68,440".to_owned(), "999".to_owned(), "1,000".to_owned())
    );
}
