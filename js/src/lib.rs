//! WebAssembly bindings of `defense-agreements` for JavaScript and TypeScript: the npm package
//! `defense-agreements` (docs/javascript.md).
//!
//! The bindings are thin on purpose. Every function takes JSON text and returns JSON text, or a
//! [`Handle`] on a parsed dossier; the package's own JavaScript (`js/npm/api.js`) turns the text
//! into objects, `Date`s into days and thrown error descriptions into `Error` subclasses. JSON
//! crosses the boundary as text because `JSON.parse` and `JSON.stringify` are the fastest way
//! in and out of WebAssembly, and because the library's own parser then reads every document:
//! the codes, JSON Pointers and messages are the ones Rust and Python give.

use defense_agreements::chrono::NaiveDate;
use defense_agreements::extraction;
use defense_agreements::identity::{Resolver, ResolverError};
use defense_agreements::ids::ActorId;
use defense_agreements::jsonl::Reader;
use defense_agreements::values::CountryCode;
use defense_agreements::{Agreement, Dossier, Error};
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;

/// What is thrown to JavaScript: a JSON description `{"kind", "code", "path", "message",
/// "line"}`, which the package rethrows as a `ParseError` (`kind` "parse"), a `NotFoundError`
/// ("not_found") or a `RangeError` ("argument").
fn thrown(kind: &str, code: &str, path: Option<&str>, message: &str, line: Option<u64>) -> JsValue {
    let error = json!({"kind": kind, "code": code, "path": path, "message": message, "line": line});
    JsValue::from_str(&error.to_string())
}

/// The thrown description of a parse error (a JSON Lines error keeps its line).
fn parse_error(error: &Error) -> JsValue {
    match error {
        Error::Line { line, source } => thrown("parse", source.code(), source.path(), &source.message(), Some(*line)),
        other => thrown("parse", other.code(), other.path(), &other.message(), None),
    }
}

/// The issue a document that cannot be parsed gives in a report, as Python's `validate` does.
fn parse_issue(error: &Error, line: Option<u64>) -> Value {
    let mut issue = json!({
        "path": error.path().unwrap_or_default(),
        "code": error.code(),
        "severity": "error",
        "message": error.message(),
    });
    if let (Some(line), Value::Object(map)) = (line, &mut issue) {
        map.insert("line".into(), line.into());
    }
    issue
}

/// The issues of a parsed dossier, each with `line` when it comes from a JSON Lines input.
fn issues_of(dossier: &Dossier, line: Option<u64>, out: &mut Vec<Value>) {
    for issue in dossier.validate().issues() {
        let mut value = serde_json::to_value(issue).unwrap_or(Value::Null);
        if let (Some(line), Value::Object(map)) = (line, &mut value) {
            map.insert("line".into(), line.into());
        }
        out.push(value);
    }
}

/// A report as JSON text: `{"dossiers": n, "issues": [{"path", "code", "severity", "message"}]}`.
fn report_text(dossiers: u64, issues: Vec<Value>) -> String {
    json!({"dossiers": dossiers, "issues": issues}).to_string()
}

/// The JSON name of a serializable value (`in_force`, `conditional`).
fn json_name(value: impl serde::Serialize) -> String {
    match serde_json::to_value(&value) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A day from `YYYY-MM-DD` (the package turns a `Date` into that form first).
fn day(text: &str) -> Result<NaiveDate, JsValue> {
    text.parse()
        .map_err(|e| thrown("argument", "invalid_date", None, &format!("'{text}' is not a YYYY-MM-DD date: {e}"), None))
}

/// An actor id, or a thrown `invalid_id`.
fn actor_id(text: &str) -> Result<ActorId, JsValue> {
    ActorId::new(text).map_err(|e| thrown("argument", "invalid_id", None, &format!("'{text}': {e}"), None))
}

/// Full validation of one document (JSON text): every problem, never a throw. A document that
/// cannot be parsed is one error issue whose code says why (`unknown_field`, `syntax_error` …).
#[wasm_bindgen]
pub fn validate(text: &str) -> String {
    match Dossier::from_json(text) {
        Ok(dossier) => {
            let mut issues = Vec::new();
            issues_of(&dossier, None, &mut issues);
            report_text(1, issues)
        }
        Err(e) => report_text(0, vec![parse_issue(&e, None)]),
    }
}

/// Full validation of JSON Lines text, one dossier per line; every issue has its `line`.
#[wasm_bindgen(js_name = validateLines)]
pub fn validate_lines(text: &str) -> String {
    let mut reader = Reader::new(text.as_bytes());
    let (mut dossiers, mut issues) = (0, Vec::new());
    while let Some(parsed) = reader.next() {
        let line = Some(reader.line_number());
        match parsed {
            Ok(dossier) => {
                dossiers += 1;
                issues_of(&dossier, line, &mut issues);
            }
            Err(Error::Line { source, .. }) => issues.push(parse_issue(&source, line)),
            Err(e) => issues.push(parse_issue(&e, line)),
        }
    }
    report_text(dossiers, issues)
}

/// Reads a model's answer in the extraction profile's shape (docs/extraction.md) into a dossier.
#[wasm_bindgen(js_name = fromProfile)]
pub fn from_profile(text: &str) -> Result<Handle, JsValue> {
    extraction::from_profile_json(text).map(Handle).map_err(|e| parse_error(&e))
}

/// The extraction profile (`schemas/dossier.extraction.schema.json`) as text.
#[wasm_bindgen(js_name = extractionProfile)]
pub fn extraction_profile() -> String {
    extraction::PROFILE_SCHEMA.to_owned()
}

/// The `schema_version` this build writes (`MAJOR.MINOR`).
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> String {
    defense_agreements::SchemaVersion::CURRENT.to_string()
}

/// Parses a dossier (JSON text); throws a parse error with `path` and `code`.
#[wasm_bindgen]
pub fn parse(text: &str) -> Result<Handle, JsValue> {
    Dossier::from_json(text).map(Handle).map_err(|e| parse_error(&e))
}

/// A resolver from JSON text; an empty one for `None`.
fn resolver(text: Option<String>) -> Result<Resolver, JsValue> {
    let Some(text) = text else { return Ok(Resolver::new()) };
    Resolver::from_json(&text).map_err(|e| {
        let path = match &e {
            ResolverError::Judgement { index, .. } => Some(format!("/judgements/{index}")),
            _ => None,
        };
        thrown("parse", "invalid_resolver", path.as_deref(), &e.to_string(), None)
    })
}

/// Merges two dossiers with a resolver document's judgements (docs/merge.md): JSON text
/// `{"dossier": …, "report": {"merged", "renamed", "conflicts", "names", "disputes", "named",
/// "uncited"}}`.
#[wasm_bindgen]
pub fn merge(a: &Handle, b: &Handle, resolver_json: Option<String>) -> Result<String, JsValue> {
    let resolver = resolver(resolver_json)?;
    let merged = defense_agreements::merge::merge(&a.0, &b.0, &resolver).map_err(|e| parse_error(&e))?;
    let report = serde_json::to_string(&merged.report).unwrap_or_else(|_| "null".into());
    Ok(format!(r#"{{"dossier":{},"report":{report}}}"#, merged.dossier.to_json()))
}

/// What changed from `old` to `new`: JSON text `{"records", "changes", "patch"}`, the patch in
/// RFC 6902 form.
#[wasm_bindgen]
pub fn diff(old: &Handle, new: &Handle) -> String {
    serde_json::to_string(&defense_agreements::diff::diff(&old.0, &new.0)).unwrap_or_else(|_| "null".into())
}

/// A parsed dossier, kept in WebAssembly memory so that queries need not parse it again.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Handle(Dossier);

impl Handle {
    fn agreement(&self, id: &str) -> Result<&Agreement, JsValue> {
        self.0
            .agreement(id)
            .ok_or_else(|| thrown("not_found", "unknown_agreement", None, &format!("no agreement '{id}'"), None))
    }
}

#[wasm_bindgen]
impl Handle {
    /// The dossier's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.0.id.to_string()
    }

    /// Every cross-record rule, as [`validate`] reports it.
    pub fn validate(&self) -> String {
        let mut issues = Vec::new();
        issues_of(&self.0, None, &mut issues);
        report_text(1, issues)
    }

    /// The document as JSON text (indented when `pretty`).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self, pretty: bool) -> String {
        if pretty { self.0.to_json_pretty() } else { self.0.to_json() }
    }

    /// The document in the extraction profile's shape, as JSON text (for few-shot examples).
    #[wasm_bindgen(js_name = toProfile)]
    pub fn to_profile(&self) -> String {
        extraction::to_profile(&self.0).to_string()
    }

    /// Every quote citing `source` whose words are not in `article`, byte for byte: JSON text
    /// `[{"path", "source", "quote"}]`.
    #[wasm_bindgen(js_name = checkQuotes)]
    pub fn check_quotes(&self, source: &str, article: &str) -> String {
        let misquotes: Vec<Value> = extraction::check_quotes(&self.0, source, article)
            .into_iter()
            .map(|m| json!({"path": m.path, "source": m.source, "quote": m.quote}))
            .collect();
        Value::Array(misquotes).to_string()
    }

    /// An agreement's status after every recorded act, or on `on` (`YYYY-MM-DD`).
    pub fn status(&self, agreement: &str, on: Option<String>) -> Result<String, JsValue> {
        let a = self.agreement(agreement)?;
        Ok(json_name(match on {
            Some(on) => a.status_on(day(&on)?),
            None => a.status(),
        }))
    }

    /// Whether `actor` is bound by `agreement` on `on`.
    #[wasm_bindgen(js_name = isBound)]
    pub fn is_bound(&self, agreement: &str, actor: &str, on: &str) -> Result<bool, JsValue> {
        Ok(self.agreement(agreement)?.is_bound(&actor_id(actor)?, day(on)?))
    }

    /// Whether `actor` is bound toward `other` by `agreement` on `on`.
    #[wasm_bindgen(js_name = isBoundToward)]
    pub fn is_bound_toward(&self, agreement: &str, actor: &str, other: &str, on: &str) -> Result<bool, JsValue> {
        Ok(self.agreement(agreement)?.is_bound_toward(&actor_id(actor)?, &actor_id(other)?, day(on)?))
    }

    /// Where `actor` stands in `agreement` on `on` (`not_a_party`, `bound`, `withdrawn` …).
    #[wasm_bindgen(js_name = partyStatus)]
    pub fn party_status(&self, agreement: &str, actor: &str, on: &str) -> Result<String, JsValue> {
        Ok(json_name(self.agreement(agreement)?.party_status_on(&actor_id(actor)?, day(on)?)))
    }

    /// The spans during which `actor` is bound by `agreement`: JSON text
    /// `[{"from", "start", "openedBy", "until", "end", "closedBy"}]`.
    #[wasm_bindgen(js_name = bindingIntervals)]
    pub fn binding_intervals(&self, agreement: &str, actor: &str) -> Result<String, JsValue> {
        let spans: Vec<Value> = self
            .agreement(agreement)?
            .binding_intervals(&actor_id(actor)?)
            .iter()
            .map(|i| {
                json!({
                    "from": i.from.to_string(),
                    "start": i.start.to_string(),
                    "openedBy": i.opened_by,
                    "until": i.until.map(|d| d.to_string()),
                    "end": i.end.as_ref().map(ToString::to_string),
                    "closedBy": i.closed_by,
                })
            })
            .collect();
        Ok(Value::Array(spans).to_string())
    }

    /// Every step of `agreement`'s life in order: JSON text
    /// `[{"day", "date", "action", "event", "status"}]`.
    pub fn timeline(&self, agreement: &str) -> Result<String, JsValue> {
        let steps: Vec<Value> = self
            .agreement(agreement)?
            .timeline()
            .iter()
            .map(|e| {
                // An act is named by its type (`signature`), any other event by its tag
                // (`term_ended`).
                let event = match serde_json::to_value(e.event) {
                    Ok(Value::Object(map)) => map.get("action").or_else(|| map.get("type")).cloned(),
                    _ => None,
                };
                json!({
                    "day": e.day.to_string(),
                    "date": e.date.to_string(),
                    "action": e.action,
                    "event": event,
                    "status": json_name(e.status),
                })
            })
            .collect();
        Ok(Value::Array(steps).to_string())
    }

    /// The ATOP, COW and DCAD codings of every agreement (docs/codings.md): JSON text.
    pub fn codings(&self) -> String {
        let rows: Vec<Value> = self
            .0
            .agreements
            .iter()
            .map(|a| {
                let atop = a.atop_obligations();
                json!({
                    "dossier": self.0.id.as_str(),
                    "agreement": a.id.as_str(),
                    "defense": json_name(atop.defense),
                    "offense": json_name(atop.offense),
                    "neutrality": json_name(atop.neutrality),
                    "nonaggression": json_name(atop.nonaggression),
                    "consultation": json_name(atop.consultation),
                    "cowType": a.cow_type().map(|t| t.as_str()),
                    "alliance": a.is_alliance(),
                    "defenseCooperation": a.is_defense_cooperation(),
                })
            })
            .collect();
        Value::Array(rows).to_string()
    }

    /// The ids of the agreements `actor` is a party to: JSON text.
    #[wasm_bindgen(js_name = agreementsOf)]
    pub fn agreements_of(&self, actor: &str) -> String {
        let ids: Vec<&str> = self.0.agreements_of(actor).map(|a| a.id.as_str()).collect();
        json!(ids).to_string()
    }

    /// The ids of the agreements that bind `actor` on `on`: JSON text.
    #[wasm_bindgen(js_name = agreementsBinding)]
    pub fn agreements_binding(&self, actor: &str, on: &str) -> Result<String, JsValue> {
        let ids: Vec<&str> = self.0.agreements_binding(actor, day(on)?).map(|a| a.id.as_str()).collect();
        Ok(json!(ids).to_string())
    }

    /// The ids of the troop presences reported in `country` (ISO 3166-1 alpha-3): JSON text.
    #[wasm_bindgen(js_name = forcesIn)]
    pub fn forces_in(&self, country: &str) -> Result<String, JsValue> {
        let country: CountryCode = country
            .parse()
            .map_err(|e| thrown("argument", "invalid_country", None, &format!("'{country}': {e}"), None))?;
        let ids: Vec<&str> = self.0.forces_in(country).map(|t| t.id.as_str()).collect();
        Ok(json!(ids).to_string())
    }
}
