// Types of the package's API. The dossier types (`Dossier`, `Agreement`, `Actor` …) are generated
// from schemas/dossier.schema.json by json-schema-to-typescript (dossier.d.ts), the same types
// docs/schema.md generates.
import type { Dossier } from "./dossier.js";

export type * from "./dossier.js";

/** How serious an issue is: an error makes the document invalid, a warning does not. */
export type Severity = "error" | "warning";

/** One problem found in a document. */
export interface Issue {
  /** Where, as a JSON Pointer (`/agreements/0/signatures/1/signer`); "" for the document. */
  readonly path: string;
  /** Which rule, as a stable snake_case code (docs/validation.md), or why the document could
   * not be parsed (`syntax_error`, `unknown_field`, `missing_field`, `invalid_value` …). */
  readonly code: string;
  readonly severity: Severity;
  /** What is wrong, for people (the library's message, the same in Rust and Python). */
  readonly message: string;
  /** The line of a JSON Lines input (1-based); absent for a single document. */
  readonly line?: number;
}

/** Every problem found in one or more documents, in document order. */
export declare class Report implements Iterable<Issue> {
  private constructor();
  /** How many documents were parsed (those that could not be are errors in `issues`). */
  readonly dossiers: number;
  /** Every issue, warnings included. */
  readonly issues: readonly Issue[];
  /** The errors. */
  get errors(): Issue[];
  /** The warnings. */
  get warnings(): Issue[];
  /** Whether there is no error (warnings allowed). */
  get isValid(): boolean;
  /** Throws a `ValidationError` when there is an error. */
  throwIfInvalid(): void;
  [Symbol.iterator](): Iterator<Issue>;
  /** One line per issue: `PATH: SEVERITY: CODE: MESSAGE`. */
  toString(): string;
}

/** Base class of this package's errors: the document or its contents are wrong. */
export declare class DossierError extends Error {
  /** A stable snake_case code. */
  readonly code: string;
  /** A JSON Pointer into the document ("" for the document itself), or null. */
  readonly path: string | null;
}

/** The document does not have the model's shape (or a resolver document is wrong:
 * code `invalid_resolver`). `message` reads `PATH: REASON`. */
export declare class ParseError extends DossierError {
  /** The message without the path, as the report's issue gives it. */
  readonly reason: string;
  /** The JSON Lines line (1-based), or null. */
  readonly line: number | null;
}

/** The document breaks at least one rule (`Report#throwIfInvalid`): `path` and `code` of the
 * first error. */
export declare class ValidationError extends DossierError {
  readonly path: string;
  /** Every issue, warnings included. */
  readonly issues: readonly Issue[];
}

/** No agreement has the id a query named (code `unknown_agreement`). */
export declare class NotFoundError extends DossierError {}

/** A day: a `Date` (its UTC day) or a `YYYY-MM-DD` string. A string of another form throws a
 * `RangeError` whose `code` is `invalid_date`. */
export type Day = Date | string;

/** JSON text, its UTF-8 bytes, or a dossier object (as `JSON.parse` returns it). */
export type DossierInput = string | Uint8Array | Dossier;

/** An agreement's status, derived from its lifecycle (docs/lifecycle.md). */
export type AgreementStatus =
  | "negotiated"
  | "signed"
  | "provisionally_applied"
  | "in_force"
  | "suspended"
  | "terminated";

/** Where a party stands in an agreement on a day. */
export type PartyStatus =
  | "not_a_party"
  | "not_bound"
  | "provisionally_applying"
  | "bound"
  | "suspended"
  | "withdrawn"
  | "ended";

/** One span of days during which a party is bound. */
export interface BindingInterval {
  /** The first day the party is surely bound (`YYYY-MM-DD`). */
  readonly from: string;
  /** That day's date as the document writes it (`1952` stays `1952`). */
  readonly start: string;
  /** The index in the agreement's `actions` of the act that opens the span. */
  readonly openedBy: number;
  /** The first day the party is surely no longer bound; null while it still is. */
  readonly until: string | null;
  /** That day's date as written or computed, or null. */
  readonly end: string | null;
  /** The index of the act that closes the span, or null. */
  readonly closedBy: number | null;
}

/** One step of an agreement's timeline. */
export interface TimelineEntry {
  /** The day the step surely took effect (`YYYY-MM-DD`). */
  readonly day: string;
  /** Its date as written (or computed). */
  readonly date: string;
  /** The index of the act in the agreement's `actions`, when it is one. */
  readonly action: number | null;
  /** The act's type (`signature`, `entry_into_force` …), or `term_ended`. */
  readonly event: string;
  /** The agreement's status once every step of that day has taken effect. */
  readonly status: AgreementStatus;
}

/** An ATOP pledge's coding. */
export type Atop = "absent" | "conditional" | "unconditional";

/** How an agreement codes in ATOP, COW and DCAD (docs/codings.md). */
export interface Codings {
  readonly dossier: string;
  readonly agreement: string;
  readonly defense: Atop;
  readonly offense: Atop;
  readonly neutrality: Atop;
  readonly nonaggression: Atop;
  readonly consultation: Atop;
  /** The Correlates of War type, or null. */
  readonly cowType: "I" | "II" | "III" | null;
  /** Whether ATOP counts it as an alliance. */
  readonly alliance: boolean;
  /** Whether it is a defense cooperation agreement in DCAD's sense. */
  readonly defenseCooperation: boolean;
}

/** A quote citing a source whose words are not in the source's text. */
export interface Misquote {
  /** The JSON Pointer of the quote (`/agreements/0/signatures/1/citations/0/quote`). */
  readonly path: string;
  readonly source: string;
  readonly quote: string;
}

/** A parsed dossier, held by the WebAssembly module. Its memory is released by `free()`, else
 * when it is garbage collected. */
export declare class ParsedDossier {
  private constructor();
  /** The dossier's id. */
  readonly id: string;
  /** Every cross-record rule. */
  validate(): Report;
  /** The document as an object (`JSON.stringify` uses it). */
  toJSON(): Dossier;
  /** The document as JSON text, indented when `pretty`. */
  toJsonText(pretty?: boolean): string;
  /** The document in the extraction profile's shape (every property present, `null` where
   * the document has no value). */
  toProfile(): Record<string, unknown>;
  /** Every quote citing `source` whose words are not in `article`, byte for byte. */
  checkQuotes(source: string, article: string): Misquote[];
  /** An agreement's status after every recorded act, or on `on`. Throws `NotFoundError`
   * for an unknown agreement. */
  status(agreement: string, on?: Day): AgreementStatus;
  /** Whether `actor` is bound by `agreement` on `on`. */
  isBound(agreement: string, actor: string, on: Day): boolean;
  /** Whether `actor` is bound toward `other` by `agreement` on `on`. */
  isBoundToward(agreement: string, actor: string, other: string, on: Day): boolean;
  /** Where `actor` stands in `agreement` on `on`. */
  partyStatus(agreement: string, actor: string, on: Day): PartyStatus;
  /** The spans during which `actor` is bound by `agreement`, in order. */
  bindingIntervals(agreement: string, actor: string): BindingInterval[];
  /** Every step of `agreement`'s life in order, with the status each leaves. */
  timeline(agreement: string): TimelineEntry[];
  /** The ATOP, COW and DCAD codings of every agreement. */
  codings(): Codings[];
  /** The ids of the agreements `actor` is a party to, whatever their status. */
  agreementsOf(actor: string): string[];
  /** The ids of the agreements that bind `actor` on `on`. */
  agreementsBinding(actor: string, on: Day): string[];
  /** The ids of the troop presences reported in `country` (ISO 3166-1 alpha-3). */
  forcesIn(country: string): string[];
  /** Releases the module's copy now. */
  free(): void;
}

/** A record of one input, as merge reports name it. */
export interface RecordKey {
  readonly dossier: string;
  readonly type: string;
  readonly id: string;
}

/** What a merge did (docs/merge.md); the lists are those of the Rust `MergeReport`. */
export interface MergeReport {
  /** Records taken for one: `by.type` is `identifier`, `resolver` or `same_content`. */
  readonly merged: readonly { from: RecordKey; into: string; by: { type: string; [key: string]: unknown } }[];
  /** Records renamed because their id named an unrelated record. */
  readonly renamed: readonly { from: RecordKey; to: string }[];
  /** Fields with competing values. */
  readonly conflicts: readonly { kind: string; id: string; path: string; kept: unknown; other: unknown; sources: string[]; from: RecordKey; [key: string]: unknown }[];
  /** Names and titles that became other names of a merged record. */
  readonly names: readonly { kind: string; id: string; name: string }[];
  /** Disputes created for facts the inputs disagree on. */
  readonly disputes: readonly { id: string; question: string; kind: string; record: string; path: string; sources: string[] }[];
  /** Conflicts no dispute can hold, and every validation error of the result. */
  readonly named: readonly { code: string; path: string; message: string }[];
  /** Input records that cite nothing, whose nested facts now lean on other reports' sources. */
  readonly uncited: readonly { from: RecordKey; into: string }[];
}

/** A merged dossier and what the merge did. */
export interface MergeResult {
  readonly dossier: Dossier;
  readonly report: MergeReport;
}

/** One operation of an RFC 6902 JSON Patch. */
export type PatchOp =
  | { op: "add"; path: string; value: unknown }
  | { op: "remove"; path: string }
  | { op: "replace"; path: string; value: unknown };

/** What changed between two versions of a dossier. */
export interface Diff {
  /** Records added, removed or changed, matched by id. */
  readonly records: readonly { kind: string; id: string; change: "added" | "removed" | "changed"; path: string }[];
  /** Every changed value, the deepest that differ. */
  readonly changes: readonly { change: "added" | "removed" | "changed"; path: string; old?: unknown; new?: unknown }[];
  /** The JSON Patch turning the old JSON into the new. */
  readonly patch: readonly PatchOp[];
  /** Whether the two versions are equal. */
  readonly isEmpty: boolean;
}

/** Parses a dossier; throws `ParseError` (with `path` and `code`) when the shape is wrong. */
export declare function parse(input: DossierInput): ParsedDossier;
/** Full validation of one document: every problem with its path, code and message. Never
 * throws for a bad document: one that cannot be parsed is one error issue. */
export declare function validate(dossier: DossierInput | ParsedDossier): Report;
/** Full validation of JSON Lines, one dossier per line; every issue has its `line`. */
export declare function validateLines(lines: string | Uint8Array): Report;
/** Reads a model's answer in the extraction profile's shape (docs/extraction.md) into a
 * dossier; throws `ParseError`. */
export declare function fromProfile(answer: string | Uint8Array | Record<string, unknown>): ParsedDossier;
/** The extraction profile, to give a model as its output schema. */
export declare function extractionProfile(): Record<string, unknown>;
/** Merges two dossiers, with a resolver document's judgements (text or object). Throws
 * `ParseError` for a bad input or resolver. */
export declare function merge(
  a: DossierInput | ParsedDossier,
  b: DossierInput | ParsedDossier,
  resolver?: string | Record<string, unknown> | null,
): MergeResult;
/** What changed from `oldVersion` to `newVersion`. */
export declare function diff(oldVersion: DossierInput | ParsedDossier, newVersion: DossierInput | ParsedDossier): Diff;
/** The `schema_version` this build writes (`MAJOR.MINOR`). */
export declare function schemaVersion(): string;
