// The API on the repository's real histories, with the values docs/python.md shows for the
// Python package (the Manila Pact, the Iran–Syria seed and its AP report).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  DossierError,
  NotFoundError,
  ParseError,
  ParsedDossier,
  ValidationError,
  diff,
  extractionProfile,
  fromProfile,
  merge,
  parse,
  schemaVersion,
  validate,
  validateLines,
} from "defense-agreements";
import { load, read } from "./common.mjs";

const manilaText = read("examples/data/manila-pact-1954.json");

test("the lifecycle views of the Manila Pact (Pakistan left on 7 November 1973)", () => {
  const manila = parse(manilaText);
  assert.ok(manila instanceof ParsedDossier);
  assert.equal(manila.status("manila-pact"), "in_force");
  assert.equal(manila.status("manila-pact", "1954-01-01"), "negotiated");
  assert.equal(manila.status("manila-pact", new Date("1954-01-01")), "negotiated");
  assert.deepEqual(manila.agreementsBinding("pakistan", "1960-01-01"), ["manila-pact"]);
  assert.equal(manila.isBound("manila-pact", "pakistan", "1960-01-01"), true);
  assert.equal(manila.isBound("manila-pact", "pakistan", new Date(Date.UTC(1975, 0, 1))), false);
  assert.equal(manila.partyStatus("manila-pact", "pakistan", "1975-01-01"), "withdrawn");
  assert.equal(manila.isBoundToward("manila-pact", "pakistan", "thailand", "1960-01-01"), true);
  const [span, ...more] = manila.bindingIntervals("manila-pact", "pakistan");
  assert.equal(more.length, 0);
  assert.equal(span.from, "1955-02-19");
  assert.equal(span.until, "1973-11-07");
  assert.equal(typeof span.openedBy, "number");
  const timeline = manila.timeline("manila-pact");
  assert.equal(timeline[0].event, "signature");
  assert.equal(timeline[0].status, "signed");
  assert.ok(timeline.some((e) => e.event === "entry_into_force" && e.status === "in_force"));
  assert.deepEqual(manila.agreementsOf("pakistan"), ["manila-pact"]);
  manila.free();
});

test("views refuse unknown agreements and malformed arguments", () => {
  const manila = parse(manilaText);
  assert.throws(() => manila.status("no-such-pact"), (e) => e instanceof NotFoundError && e instanceof DossierError && e.code === "unknown_agreement");
  assert.throws(() => manila.isBound("manila-pact", "pakistan", "1975-13-01"), (e) => e instanceof RangeError && e.code === "invalid_date");
  assert.throws(() => manila.isBound("manila-pact", "Not An Id", "1975-01-01"), (e) => e instanceof RangeError && e.code === "invalid_id");
  assert.throws(() => manila.forcesIn("XYZ"), (e) => e instanceof RangeError && e.code === "invalid_country");
  assert.throws(() => manila.isBound("manila-pact", "pakistan", new Date(NaN)), TypeError);
});

test("the seed: forces in Syria and the codings", () => {
  const seed = parse(load("examples/data/iran-syria-2020.json"));
  assert.equal(seed.id, "iran-syria-2020");
  assert.ok(seed.forcesIn("SYR").length > 0);
  const [row] = seed.codings();
  assert.equal(row.agreement, "iran-syria-2020");
  assert.equal(row.dossier, "iran-syria-2020");
  assert.equal(row.defense, "absent");
  assert.equal(row.alliance, false);
  assert.equal(row.defenseCooperation, true);
  // Back to JSON: the same document.
  assert.deepEqual(JSON.parse(JSON.stringify(seed)), seed.toJSON());
  assert.deepEqual(parse(seed.toJsonText(true)).toJSON(), seed.toJSON());
});

test("parse errors carry the JSON Pointer and the code", () => {
  const bad = '{"schema_version": "1.0", "id": "x", "actors": [{"id": "iran"}]}';
  assert.throws(
    () => parse(bad),
    (e) =>
      e instanceof ParseError &&
      e instanceof DossierError &&
      e instanceof Error &&
      e.name === "ParseError" &&
      e.path === "/actors/0" &&
      e.code === "missing_field" &&
      e.reason === "missing field `name`" &&
      e.message === "/actors/0: missing field `name`",
  );
  assert.throws(() => parse("{not json"), (e) => e instanceof ParseError && e.code === "syntax_error");
  assert.throws(() => parse(42), TypeError);
  // validate never throws for a bad document: the parse error is its one issue.
  const report = validate(bad);
  assert.equal(report.isValid, false);
  assert.equal(report.dossiers, 0);
  assert.deepEqual(report.issues, [{ path: "/actors/0", code: "missing_field", severity: "error", message: "missing field `name`" }]);
});

test("validate takes text, bytes, an object or a parsed dossier, and throws on request", () => {
  const file = "tests/fixtures/invalid/dangling_reference.json";
  const text = read(file);
  const fromText = validate(text);
  assert.deepEqual(validate(new TextEncoder().encode(text)).issues, fromText.issues);
  assert.deepEqual(validate(JSON.parse(text)).issues, fromText.issues);
  assert.deepEqual(validate(parse(text)).issues, fromText.issues);
  assert.deepEqual([...fromText], fromText.issues);
  const [issue] = fromText.errors;
  assert.equal(issue.path, "/agreements/0/signatures/1/signer");
  assert.equal(issue.message, "no person has id 'nobody'");
  assert.match(fromText.toString(), /^\/agreements\/0\/signatures\/1\/signer: error: dangling_reference: no person has id 'nobody'\n/);
  assert.throws(
    () => fromText.throwIfInvalid(),
    (e) => e instanceof ValidationError && e.code === "dangling_reference" && e.path === issue.path && e.issues.length === fromText.issues.length,
  );
  validate(manilaText).throwIfInvalid();
});

test("JSON Lines: every issue has its line", () => {
  const minimal = JSON.stringify(load("tests/fixtures/valid/minimal.json"));
  const dangling = JSON.stringify(load("tests/fixtures/invalid/dangling_reference.json"));
  const report = validateLines(`${minimal}\n${dangling}\n{not json\n\n${minimal}\n`);
  assert.equal(report.dossiers, 3);
  assert.deepEqual(
    report.errors.map((i) => [i.line, i.code]),
    [
      [2, "dangling_reference"],
      [3, "syntax_error"],
    ],
  );
});

test("merge: the report and the AP story, with the resolver's judgement", () => {
  const folder = "examples/data/merge/";
  const result = merge(read(`${folder}iran-syria-2020-report.json`), load(`${folder}iran-syria-2020-ap.json`), read(`${folder}iran-syria-2020.resolver.json`));
  assert.deepEqual(
    result.report.merged.map((m) => m.by.type),
    ["identifier", "identifier", "resolver"],
  );
  const syrians = result.dossier.agreements[0].signatures.filter((s) => s.party === "syria").map((s) => s.signer);
  assert.deepEqual(syrians, ["assad", "ayyoub"]);
  assert.ok(validate(result.dossier).isValid);
  assert.throws(
    () => merge(manilaText, manilaText, { resolver_version: "9.0", judgements: [] }),
    (e) => e instanceof ParseError && e.code === "invalid_resolver",
  );
});

test("diff: a changed title is one replace", () => {
  const old = load("examples/data/iran-syria-2020.json");
  const changed = { ...old, title: "Iran–Syria military agreement" };
  const d = diff(old, changed);
  assert.deepEqual(d.patch, [{ op: "replace", path: "/title", value: "Iran–Syria military agreement" }]);
  assert.equal(d.isEmpty, false);
  assert.equal(diff(old, parse(old)).isEmpty, true);
});

test("extraction: the loader, the profile and the quote check", () => {
  const answer = read("examples/extraction/iran-syria-2020.json");
  const dossier = fromProfile(answer);
  assert.ok(dossier.validate().isValid);
  assert.deepEqual(dossier.toJSON(), parse(read("examples/data/iran-syria-2020.json")).toJSON());
  assert.deepEqual(dossier.toProfile(), JSON.parse(answer));
  assert.equal(extractionProfile().$schema, "https://json-schema.org/draft/2020-12/schema");
  // The article, made of the quotes themselves: every quote is found; change one and it is not.
  const quotes = JSON.stringify(dossier.toJSON()).match(/"quote":"(?:[^"\\]|\\.)*"/g).map((q) => JSON.parse(q.slice(8)));
  assert.ok(quotes.length > 15);
  assert.deepEqual(dossier.checkQuotes("report", quotes.join("\n")), []);
  const missing = dossier.checkQuotes("report", quotes.slice(1).join("\n"));
  assert.ok(missing.length >= 1 && missing.every((m) => m.source === "report" && m.path.endsWith("/quote")));
  assert.ok(missing.some((m) => m.quote === quotes[0]));
  // A shape error in an answer names its path.
  const broken = JSON.parse(answer);
  broken.agreements[0].kind = "pact";
  assert.throws(() => fromProfile(broken), (e) => e instanceof ParseError && e.path === "/agreements/0/kind" && e.code === "invalid_value");
});

test("the schema version", () => {
  assert.match(schemaVersion(), /^1\.\d+$/);
});
