//! The extraction profile: dossiers in the shape LLM structured output and tool input need,
//! and the check that quoted citations are the source's own words.
//!
//! The profile (`schemas/dossier.extraction.schema.json`) is the dossier schema with every
//! property required: a value the source does not give is `null`, a list with nothing in it
//! is `[]`, and `extensions` are a list of `{"key", "value"}` pairs whose value is JSON text.
//! [`from_profile`] reads such a document into a [`Dossier`] (then call
//! [`Dossier::validate`]); [`to_profile`] writes a dossier in the profile's shape (for
//! few-shot examples, or to check a round trip). Neither needs the `schemars` code: the
//! conversion follows the committed profile, which is compiled into the crate.
//!
//! ```
//! use defense_agreements::extraction::{from_profile_json, to_profile};
//!
//! let text = std::fs::read_to_string("examples/data/iran-syria-2020.json")?;
//! let dossier = defense_agreements::Dossier::from_json(&text)?;
//! let profile = to_profile(&dossier);
//! assert!(profile["actors"][0]["founded"].is_null()); // absent: null, not left out
//! let back = from_profile_json(&profile.to_string())?;
//! assert_eq!(back, dossier);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod answer;
mod article;
mod extract;
mod instructions;
mod normalize;
mod provider;
mod quotes;
mod request;
mod source_id;
mod text_index;

pub use answer::{AnswerError, answer_from};
pub use article::Article;
pub use extract::{ExtractOptions, Extracted, OnMisquote, extract};
pub use instructions::{ARTICLE_SOURCE_ID, article_message, instructions};
pub use normalize::Normalization;
pub use provider::{Provider, UnknownProvider};
pub use quotes::{QuoteMatching, QuoteReport, QuoteStatus};
pub use request::{RequestOptions, SCHEMA_NAME, TOOL_NAME, request, request_schema};

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::dossier::Dossier;
use crate::error::Error;
use crate::error::ParseErrorKind;
use crate::strict_value::StrictValue;

/// The extraction profile as committed under `schemas/` (a test keeps it equal to
/// `schema::extraction_schema()`).
pub const PROFILE_SCHEMA: &str = include_str!("../../schemas/dossier.extraction.schema.json");

/// The extraction profile, parsed.
pub fn profile_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(PROFILE_SCHEMA).unwrap_or(Value::Null))
}

const EXTENSIONS_REF: &str = "#/$defs/Extensions";

/// Reads a document in the extraction profile's shape (JSON text) into a dossier.
///
/// Errors are the parser's, with the JSON path of the problem ([`Dossier::from_json`]); as
/// there, a key given twice in one object is an error (`duplicate_field` at the key; inside an
/// extension value, `invalid_value` at that value), not the last one silently kept.
pub fn from_profile_json(json: &str) -> Result<Dossier, Error> {
    from_profile(parse_strict(json)?)
}

/// JSON text to a value, refusing a key given twice in one object, with its path.
pub(crate) fn parse_strict(json: &str) -> Result<Value, Error> {
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value =
        serde_path_to_error::deserialize::<_, StrictValue<true>>(&mut deserializer).map_err(Error::from_tracked)?;
    deserializer.end().map_err(|e| Error::from_json(e, String::new()))?;
    Ok(value.0)
}

/// Reads a document in the extraction profile's shape into a dossier: `null` values and
/// `null` lists are dropped (absent), extension entries become the `extensions` object.
///
/// The result is parsed as any document is, so every shape error of the profile document
/// is reported with its JSON path; an extension whose `value` is not JSON text is an
/// `invalid_value` error at that `value`. Call [`Dossier::validate`] on the result.
pub fn from_profile(mut document: Value) -> Result<Dossier, Error> {
    let schema = profile_schema();
    let walker = Walker { defs: defs(schema) };
    let mut path = String::new();
    walker.to_canonical(&mut document, schema, &mut path)?;
    Dossier::from_json(&document.to_string())
}

/// A dossier in the extraction profile's shape: every property present, `null` where the
/// dossier has no value, `[]` for empty lists, extensions as `{key, value}` pairs.
pub fn to_profile(dossier: &Dossier) -> Value {
    // A dossier always serializes (every map key is a string).
    let mut document = serde_json::to_value(dossier).unwrap_or(Value::Null);
    let schema = profile_schema();
    Walker { defs: defs(schema) }.to_profile(&mut document, schema);
    document
}

fn defs(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("$defs").and_then(Value::as_object)
}

/// serde_json's message without its position, which is in the value's text, not the answer's.
fn in_text(e: serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}

pub(crate) fn parse_error(path: String, kind: ParseErrorKind, message: String) -> Error {
    Error::Parse { path, kind, message, line: 0, column: 0 }
}

/// Walks a document beside the profile schema. Each value is visited once and each step of
/// the schema is a bounded number of lookups, so a walk is linear in the document.
struct Walker<'a> {
    defs: Option<&'a Map<String, Value>>,
}

impl<'a> Walker<'a> {
    /// Follows `$ref`s (the profile's own, `#/$defs/Name`) to a schema with content.
    fn resolve(&self, mut schema: &'a Value) -> &'a Value {
        // The profile has no reference cycles; the bound only guards a broken profile.
        for _ in 0..8 {
            let Some(name) = schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) else {
                break;
            };
            match self.defs.and_then(|d| d.get(name)) {
                Some(target) => schema = target,
                None => break,
            }
        }
        schema
    }

    fn is_extensions(schema: &Value) -> bool {
        schema.get("$ref").and_then(Value::as_str) == Some(EXTENSIONS_REF)
    }

    /// The branch of an `anyOf` that `value` belongs to; `canonical` says which side's shape
    /// the value has (extensions are an object there, a list in the profile).
    fn branch(&self, value: &Value, variants: &'a [Value], canonical: bool) -> Option<&'a Value> {
        variants.iter().find(|v| self.matches(value, v, canonical, 0))
    }

    fn matches(&self, value: &Value, schema: &'a Value, canonical: bool, depth: u8) -> bool {
        if Self::is_extensions(schema) {
            return if canonical { value.is_object() } else { value.is_array() };
        }
        let schema = self.resolve(schema);
        if let Some(variants) = schema.get("anyOf").and_then(Value::as_array) {
            return depth < 8 && variants.iter().any(|v| self.matches(value, v, canonical, depth + 1));
        }
        // A tagged variant: `"type": {"enum": ["fixed_term"]}` (or `const`).
        if let Some(tag) = schema.get("properties").and_then(|p| p.get("type")) {
            let tag = tag.get("const").or_else(|| tag.get("enum").and_then(Value::as_array).and_then(|e| e.first()));
            if tag.is_some() {
                return value.get("type") == tag;
            }
        }
        match schema.get("type").and_then(Value::as_str) {
            Some("null") => value.is_null(),
            Some("object") => value.is_object(),
            Some("array") => value.is_array(),
            Some("string") => value.is_string(),
            Some("integer") | Some("number") => value.is_number(),
            Some("boolean") => value.is_boolean(),
            _ => false,
        }
    }

    /// Whether a property's schema is a list (absent means `[]`).
    fn is_list(&self, schema: &'a Value) -> bool {
        if Self::is_extensions(schema) {
            return true;
        }
        let schema = self.resolve(schema);
        match schema.get("anyOf").and_then(Value::as_array) {
            Some(variants) => {
                variants.iter().all(|v| Self::is_extensions(v) || self.resolve(v).get("type") == Some(&"array".into()))
            }
            None => schema.get("type").and_then(Value::as_str) == Some("array"),
        }
    }

    fn to_profile(&self, value: &mut Value, schema: &'a Value) {
        if Self::is_extensions(schema) {
            if let Value::Object(map) = value {
                let entries = std::mem::take(map)
                    .into_iter()
                    .map(|(key, v)| {
                        let mut entry = Map::new();
                        entry.insert("key".into(), key.into());
                        entry.insert("value".into(), v.to_string().into());
                        Value::Object(entry)
                    })
                    .collect();
                *value = Value::Array(entries);
            }
            return;
        }
        let schema = self.resolve(schema);
        if let Some(variants) = schema.get("anyOf").and_then(Value::as_array) {
            if let Some(branch) = self.branch(value, variants, true) {
                self.to_profile(value, branch);
            }
            return;
        }
        match value {
            Value::Object(map) => {
                let Some(properties) = schema.get("properties").and_then(Value::as_object) else { return };
                for (name, property) in properties {
                    match map.get_mut(name) {
                        Some(child) => self.to_profile(child, property),
                        None => {
                            let empty = if self.is_list(property) { Value::Array(Vec::new()) } else { Value::Null };
                            map.insert(name.clone(), empty);
                        }
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item) = schema.get("items") {
                    items.iter_mut().for_each(|v| self.to_profile(v, item));
                }
            }
            _ => {}
        }
    }

    fn to_canonical(&self, value: &mut Value, schema: &'a Value, path: &mut String) -> Result<(), Error> {
        if Self::is_extensions(schema) {
            if let Value::Array(entries) = value {
                *value = Value::Object(extensions_object(std::mem::take(entries), path)?);
            }
            return Ok(());
        }
        let schema = self.resolve(schema);
        if let Some(variants) = schema.get("anyOf").and_then(Value::as_array) {
            if let Some(branch) = self.branch(value, variants, false) {
                self.to_canonical(value, branch, path)?;
            }
            return Ok(());
        }
        let len = path.len();
        match value {
            Value::Object(map) => {
                // Absent and null are the same for optional values; lists must be absent.
                map.retain(|_, v| !v.is_null());
                let Some(properties) = schema.get("properties").and_then(Value::as_object) else { return Ok(()) };
                for (name, child) in map.iter_mut() {
                    if let Some(property) = properties.get(name) {
                        crate::pointer::push_token(path, name);
                        self.to_canonical(child, property, path)?;
                        path.truncate(len);
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item) = schema.get("items") {
                    for (i, v) in items.iter_mut().enumerate() {
                        path.push('/');
                        path.push_str(&i.to_string());
                        self.to_canonical(v, item, path)?;
                        path.truncate(len);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// `[{"key": "acme.x", "value": "1"}]` to `{"acme.x": 1}`. Key rules are left to the parser;
/// a value that is not JSON text, or a key given twice, is an error here.
fn extensions_object(entries: Vec<Value>, path: &mut String) -> Result<Map<String, Value>, Error> {
    let mut out = Map::new();
    let mut seen: HashMap<String, ()> = HashMap::with_capacity(entries.len());
    for (i, entry) in entries.into_iter().enumerate() {
        let at = |field: &str| format!("{path}/{i}{field}");
        let Value::Object(mut entry) = entry else {
            return Err(parse_error(at(""), ParseErrorKind::InvalidType, "expected an object {key, value}".into()));
        };
        let key = match entry.remove("key") {
            Some(Value::String(key)) => key,
            _ => return Err(parse_error(at("/key"), ParseErrorKind::MissingField, "expected a string key".into())),
        };
        let value = match entry.remove("value") {
            // As in a canonical document, a key given twice in the value is an error.
            Some(Value::String(text)) => match serde_json::from_str::<StrictValue<false>>(&text) {
                Ok(StrictValue(value)) => value,
                Err(e) if e.is_data() => {
                    return Err(parse_error(at("/value"), ParseErrorKind::InvalidValue, in_text(e)));
                }
                Err(e) => {
                    let message = format!("not JSON text: {}", in_text(e));
                    return Err(parse_error(at("/value"), ParseErrorKind::InvalidValue, message));
                }
            },
            _ => return Err(parse_error(at("/value"), ParseErrorKind::MissingField, "expected a string value".into())),
        };
        if let Some(extra) = entry.keys().next() {
            return Err(parse_error(at(""), ParseErrorKind::UnknownField, format!("unknown field '{extra}'")));
        }
        if seen.insert(key.clone(), ()).is_some() {
            return Err(parse_error(
                at("/key"),
                ParseErrorKind::DuplicateField,
                format!("extension '{key}' given twice"),
            ));
        }
        out.insert(key, value);
    }
    Ok(out)
}

/// A quoted citation whose words are not found verbatim in its source's text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Misquote {
    /// The JSON Pointer of the quote (`/agreements/0/signatures/1/citations/0/quote`).
    pub path: String,
    /// The source the citation names.
    pub source: String,
    /// The quoted words.
    pub quote: String,
}

impl Misquote {
    /// A misquote at `path`.
    pub fn new(path: impl Into<String>, source: impl Into<String>, quote: impl Into<String>) -> Self {
        Self { path: path.into(), source: source.into(), quote: quote.into() }
    }
}

impl std::fmt::Display for Misquote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: not in source '{}': {:?}", self.path, self.source, self.quote)
    }
}

/// Every citation of `source` whose `quote` is not found, byte for byte, in `text` (the
/// source's full text: the article an extraction was made from).
///
/// Matching is exact: no case folding and no whitespace or quotation-mark normalization, since
/// a quote is meant to be the source's own words ([`check_quotes_with`] offers a normalized
/// level). A quote that starts or ends with white space is a misquote too, whatever the text:
/// [`Dossier::validate`] refuses such text (`untrimmed_text`), and the two checks agree
/// ([`extract`] trims quotes before it checks them). The text is indexed once (a suffix
/// automaton), so the check takes time linear in the text plus the quotes, on any input.
///
/// ```
/// use defense_agreements::extraction::check_quotes;
///
/// let json = std::fs::read_to_string("examples/data/iran-syria-2020.json")?;
/// let dossier = defense_agreements::Dossier::from_json(&json)?;
/// let misquotes = check_quotes(&dossier, "report", "an unrelated text");
/// assert!(!misquotes.is_empty());
/// assert!(misquotes[0].path.ends_with("/quote"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_quotes(dossier: &Dossier, source: &str, text: &str) -> Vec<Misquote> {
    check_quotes_with(dossier, source, text, QuoteMatching::Exact, 0)
        .into_iter()
        .filter(|q| !q.found() || q.normalizations.contains(&Normalization::Trim))
        .map(|q| Misquote::new(q.path, source, q.quote))
        .collect()
}

/// The check of every citation of `source` that has a `quote`, against `text`, at the level
/// `matching`: found or not, after which normalizations, and whether it is shorter than
/// `min_chars` characters. In document order. Linear in the text plus the quotes.
///
/// ```
/// use defense_agreements::extraction::{Normalization, QuoteMatching, QuoteStatus, check_quotes_with};
/// use defense_agreements::{Citation, Dossier, Source, ids::SourceId, Actor, ActorKind};
///
/// let mut dossier = Dossier::new("d".parse()?);
/// dossier.sources.push(Source::new(SourceId::new("a")?, "A"));
/// let mut actor = Actor::new("iran".parse()?, "Iran", ActorKind::State);
/// actor.citations.push(Citation::of(SourceId::new("a")?).quoting("Iran's army"));
/// dossier.actors.push(actor);
/// let text = "Iran\u{2019}s army said";
/// let exact = check_quotes_with(&dossier, "a", text, QuoteMatching::Exact, 0);
/// assert_eq!(exact[0].status, QuoteStatus::Misquoted);
/// let normalized = check_quotes_with(&dossier, "a", text, QuoteMatching::Normalized, 0);
/// assert_eq!(normalized[0].status, QuoteStatus::Normalized);
/// assert_eq!(normalized[0].normalizations, [Normalization::Quotes]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_quotes_with(
    dossier: &Dossier,
    source: &str,
    text: &str,
    matching: QuoteMatching,
    min_chars: usize,
) -> Vec<QuoteReport> {
    let document = serde_json::to_value(dossier).unwrap_or(Value::Null);
    let mut quotes = Vec::new();
    collect_quotes(&document, &mut String::new(), source, &mut quotes);
    let mut checker = quotes::QuoteChecker::new(text, matching, min_chars);
    quotes.into_iter().map(|(path, quote)| checker.check(path, &quote)).collect()
}

/// Every `(path of quote, quote)` of a citation object (`{"source", "quote", …}`) naming `source`.
pub(crate) fn collect_quotes(value: &Value, path: &mut String, source: &str, out: &mut Vec<(String, String)>) {
    let len = path.len();
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(s)), Some(Value::String(q))) = (map.get("source"), map.get("quote")) {
                if s == source {
                    out.push((format!("{path}/quote"), q.clone()));
                }
            }
            for (key, child) in map {
                // Extension values are a tool's data, not the model's citations.
                if key == "extensions" {
                    continue;
                }
                crate::pointer::push_token(path, key);
                collect_quotes(child, path, source, out);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push('/');
                path.push_str(&i.to_string());
                collect_quotes(child, path, source, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_entries_need_json_values_and_distinct_keys() {
        let entries = |v: Value| match v {
            Value::Array(a) => a,
            _ => Vec::new(),
        };
        let ok = extensions_object(
            entries(serde_json::json!([{"key": "a.b", "value": "{\"x\": [1]}"}])),
            &mut "/extensions".into(),
        );
        assert_eq!(ok.ok().map(Value::Object), Some(serde_json::json!({"a.b": {"x": [1]}})));
        let bad = extensions_object(
            entries(serde_json::json!([{"key": "a.b", "value": "not json"}])),
            &mut "/extensions".into(),
        );
        assert_eq!(bad.err().and_then(|e| e.path().map(str::to_owned)).as_deref(), Some("/extensions/0/value"));
        let twice = serde_json::json!([{"key": "a.b", "value": "1"}, {"key": "a.b", "value": "2"}]);
        let twice = extensions_object(entries(twice), &mut "/extensions".into());
        assert_eq!(twice.err().map(|e| e.code()), Some("duplicate_field"));
    }
}
