// The package's API over the WebAssembly module (js/src/lib.rs). The module speaks JSON text;
// this file turns it into objects, `Date`s into days, and thrown error descriptions into the
// Error subclasses below. The entry points (node.js, browser.js) load the module first.
import * as native from "./wasm/defense_agreements_js.js";

/** Base class of this package's errors: the document or its contents are wrong. */
export class DossierError extends Error {
  constructor(message, { code, path = null } = {}) {
    super(message);
    this.name = "DossierError";
    /** A stable snake_case code (docs/validation.md; `syntax_error`, `unknown_field` … for parsing). */
    this.code = code;
    /** A JSON Pointer into the document ("" for the document itself), or null. */
    this.path = path;
  }
}

/** The document does not have the model's shape (or a resolver document is wrong). */
export class ParseError extends DossierError {
  constructor({ code, path, message, line = null }) {
    // The message reads as the library's: "/actors/0: missing field `name`".
    super(path === null ? message : `${path === "" ? "(root)" : path}: ${message}`, { code, path });
    this.name = "ParseError";
    /** The message without the path, as the report's issue gives it. */
    this.reason = message;
    /** The JSON Lines line (1-based), or null. */
    this.line = line;
  }
}

/** The document breaks at least one rule (`Report#throwIfInvalid`). */
export class ValidationError extends DossierError {
  constructor(issues) {
    const errors = issues.filter((i) => i.severity === "error");
    const first = errors[0];
    super(`${errors.length} validation error(s); first: ${issueText(first)}`, { code: first.code, path: first.path });
    this.name = "ValidationError";
    /** Every issue, warnings included. */
    this.issues = issues;
  }
}

/** No agreement has the id a query named. */
export class NotFoundError extends DossierError {
  constructor({ code, message }) {
    super(message, { code });
    this.name = "NotFoundError";
  }
}

function issueText(issue) {
  const line = issue.line === undefined ? "" : `line ${issue.line}: `;
  return `${line}${issue.path === "" ? "(root)" : issue.path}: ${issue.severity}: ${issue.code}: ${issue.message}`;
}

/** Rethrows what the module threw as the package's errors; anything else as it is. */
function rethrow(thrown) {
  if (typeof thrown !== "string") throw thrown;
  let d;
  try {
    d = JSON.parse(thrown);
  } catch {
    throw new DossierError(thrown, { code: "internal" });
  }
  if (d.kind === "parse") throw new ParseError(d);
  if (d.kind === "not_found") throw new NotFoundError(d);
  const error = new RangeError(d.message);
  error.code = d.code;
  throw error;
}

function call(f) {
  try {
    return f();
  } catch (e) {
    return rethrow(e);
  }
}

const decoder = new TextDecoder();

/** JSON text from text, UTF-8 bytes or a plain object (as JSON.parse returns it). */
function jsonText(input, what = "dossier") {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array) return decoder.decode(input);
  if (input !== null && typeof input === "object" && !Array.isArray(input)) return JSON.stringify(input);
  throw new TypeError(`expected a ${what} as JSON text, UTF-8 bytes or an object`);
}

/** `YYYY-MM-DD` from a string (checked by the module) or a Date (its UTC day). */
function dayText(day) {
  if (typeof day === "string") return day;
  if (day instanceof Date && !Number.isNaN(day.getTime())) return day.toISOString().slice(0, 10);
  throw new TypeError("expected a Date or a 'YYYY-MM-DD' string");
}

/** Every problem found in one or more documents, in document order. */
export class Report {
  constructor({ dossiers, issues }) {
    /** How many documents were parsed (those that could not be are errors in `issues`). */
    this.dossiers = dossiers;
    /** Every issue, warnings included. */
    this.issues = issues;
  }
  /** The errors. */
  get errors() {
    return this.issues.filter((i) => i.severity === "error");
  }
  /** The warnings. */
  get warnings() {
    return this.issues.filter((i) => i.severity === "warning");
  }
  /** Whether there is no error (warnings allowed). */
  get isValid() {
    return !this.issues.some((i) => i.severity === "error");
  }
  /** Throws a ValidationError when there is an error. */
  throwIfInvalid() {
    if (!this.isValid) throw new ValidationError(this.issues);
  }
  [Symbol.iterator]() {
    return this.issues[Symbol.iterator]();
  }
  /** One line per issue: `PATH: SEVERITY: CODE: MESSAGE`, as Rust's report prints. */
  toString() {
    return this.issues.map((i) => `${issueText(i)}\n`).join("");
  }
}

/** A parsed dossier, held by the WebAssembly module: query it, validate it, or turn it back
 * into JSON. Its memory is released by `free()`, else when it is garbage collected. */
export class ParsedDossier {
  #handle;
  constructor(handle) {
    this.#handle = handle;
  }
  /** The dossier's id. */
  get id() {
    return this.#handle.id;
  }
  /** Every cross-record rule. */
  validate() {
    return new Report(JSON.parse(this.#handle.validate()));
  }
  /** The document as an object (`JSON.stringify` uses it). */
  toJSON() {
    return JSON.parse(this.#handle.toJson(false));
  }
  /** The document as JSON text, indented when `pretty`. */
  toJsonText(pretty = false) {
    return this.#handle.toJson(pretty);
  }
  /** The document in the extraction profile's shape (for few-shot examples). */
  toProfile() {
    return JSON.parse(this.#handle.toProfile());
  }
  /** Every quote citing `source` whose words are not in `article`, byte for byte. */
  checkQuotes(source, article) {
    return JSON.parse(this.#handle.checkQuotes(source, article));
  }
  /** An agreement's status after every recorded act, or on `on`. */
  status(agreement, on) {
    return call(() => this.#handle.status(agreement, on === undefined ? undefined : dayText(on)));
  }
  /** Whether `actor` is bound by `agreement` on `on`. */
  isBound(agreement, actor, on) {
    return call(() => this.#handle.isBound(agreement, actor, dayText(on)));
  }
  /** Whether `actor` is bound toward `other` by `agreement` on `on`. */
  isBoundToward(agreement, actor, other, on) {
    return call(() => this.#handle.isBoundToward(agreement, actor, other, dayText(on)));
  }
  /** Where `actor` stands in `agreement` on `on`. */
  partyStatus(agreement, actor, on) {
    return call(() => this.#handle.partyStatus(agreement, actor, dayText(on)));
  }
  /** The spans during which `actor` is bound by `agreement`, in order. */
  bindingIntervals(agreement, actor) {
    return JSON.parse(call(() => this.#handle.bindingIntervals(agreement, actor)));
  }
  /** Every step of `agreement`'s life in order, with the status each leaves. */
  timeline(agreement) {
    return JSON.parse(call(() => this.#handle.timeline(agreement)));
  }
  /** The ATOP, COW and DCAD codings of every agreement. */
  codings() {
    return JSON.parse(this.#handle.codings());
  }
  /** The ids of the agreements `actor` is a party to. */
  agreementsOf(actor) {
    return JSON.parse(this.#handle.agreementsOf(actor));
  }
  /** The ids of the agreements that bind `actor` on `on`. */
  agreementsBinding(actor, on) {
    return JSON.parse(call(() => this.#handle.agreementsBinding(actor, dayText(on))));
  }
  /** The ids of the troop presences reported in `country` (ISO 3166-1 alpha-3). */
  forcesIn(country) {
    return JSON.parse(call(() => this.#handle.forcesIn(country)));
  }
  /** Releases the module's copy now. */
  free() {
    this.#handle.free();
  }
  /** The module's handle, for merge and diff. @internal */
  static handleOf(dossier) {
    return dossier.#handle;
  }
}

/** Parses a dossier (JSON text, UTF-8 bytes or an object); throws ParseError. */
export function parse(input) {
  return new ParsedDossier(call(() => native.parse(jsonText(input))));
}

/** Reads a model's answer in the extraction profile's shape into a dossier; throws ParseError. */
export function fromProfile(answer) {
  return new ParsedDossier(call(() => native.fromProfile(jsonText(answer, "profile document"))));
}

/** Full validation of one document; never throws for a bad document. */
export function validate(input) {
  if (input instanceof ParsedDossier) return input.validate();
  return new Report(JSON.parse(native.validate(jsonText(input))));
}

/** Full validation of JSON Lines (text or bytes), one dossier per line; issues carry `line`. */
export function validateLines(input) {
  const text = input instanceof Uint8Array ? decoder.decode(input) : input;
  if (typeof text !== "string") throw new TypeError("expected JSON Lines as text or UTF-8 bytes");
  return new Report(JSON.parse(native.validateLines(text)));
}

/** Runs `f` on parsed handles of the inputs, freeing the ones parsed here. */
function withHandles(inputs, f) {
  const owned = [];
  try {
    const handles = inputs.map((input) => {
      if (input instanceof ParsedDossier) return ParsedDossier.handleOf(input);
      const parsed = parse(input);
      owned.push(parsed);
      return ParsedDossier.handleOf(parsed);
    });
    return f(...handles);
  } finally {
    owned.forEach((p) => p.free());
  }
}

/** Merges two dossiers (docs/merge.md), with an optional resolver document. */
export function merge(a, b, resolver) {
  const resolverText = resolver === undefined || resolver === null ? undefined : jsonText(resolver, "resolver");
  return JSON.parse(withHandles([a, b], (x, y) => call(() => native.merge(x, y, resolverText))));
}

/** What changed from `old` to `new`: records by id, every changed value, the JSON Patch. */
export function diff(oldVersion, newVersion) {
  const d = JSON.parse(withHandles([oldVersion, newVersion], (x, y) => native.diff(x, y)));
  d.isEmpty = d.patch.length === 0;
  return d;
}

/** The extraction profile (JSON Schema) to give a model as its output schema. */
export function extractionProfile() {
  return JSON.parse(native.extractionProfile());
}

/** The `schema_version` this build writes (`MAJOR.MINOR`). A function, not a constant: the
 * module is loaded by the entry point after this file is evaluated. */
export function schemaVersion() {
  return native.schemaVersion();
}
