// Every document of the repository gives in JavaScript what it gives in Rust: each invalid
// fixture exactly the problems its `test.expect` extension lists (tests/validation.rs checks the
// same in Rust), and every document the very issues, messages included, that the Rust command
// line reports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { validate, parse, ParseError } from "defense-agreements";
import { files, load, read, rustIssues } from "./common.mjs";

const rust = rustIssues();
const invalid = files("tests/fixtures/invalid");
const sortedPairs = (issues) => issues.map((i) => `${i.code} ${i.path}`).sort();

test("there are at least 63 invalid fixtures", () => {
  assert.ok(invalid.length >= 63, `${invalid.length}`);
});

for (const file of invalid) {
  test(`invalid: ${file}`, () => {
    const doc = load(file);
    const report = validate(doc);
    assert.equal(report.dossiers, 1);
    assert.ok(report.issues.length > 0, "no issue reported");
    const expected = doc.extensions["test.expect"].map((e) => `${e.code} ${e.path ?? ""}`).sort();
    assert.deepEqual(sortedPairs(report.issues), [...new Set(expected)]);
    // A fixture named after a warning only warns; any other is invalid.
    const named = file.split("/").pop().replace(/\.json$/, "").split("--")[0];
    const warning = report.issues.some((i) => i.code === named && i.severity === "warning");
    assert.equal(report.isValid, warning);
    // The text gives what the object gives.
    assert.deepEqual(validate(read(file)).issues, report.issues);
  });
}

for (const file of [...files("tests/fixtures/valid"), ...files("examples/data"), ...files("tests/fixtures/shape-valid")]) {
  test(`valid: ${file}`, () => {
    const report = validate(read(file));
    assert.ok(report.isValid, report.toString());
    assert.equal(report.dossiers, 1);
  });
}

for (const file of files("tests/fixtures/shape-invalid")) {
  test(`shape-invalid: ${file}`, () => {
    const report = validate(read(file));
    assert.equal(report.dossiers, 0);
    assert.equal(report.issues.length, 1);
    const [issue] = report.issues;
    assert.equal(issue.severity, "error");
    assert.throws(
      () => parse(read(file)),
      (e) => e instanceof ParseError && e.code === issue.code && (e.path ?? "") === issue.path && e.reason === issue.message,
    );
  });
}

const everyDocument = [
  ...invalid,
  ...files("tests/fixtures/valid"),
  ...files("tests/fixtures/shape-valid"),
  ...files("tests/fixtures/shape-invalid"),
  ...files("examples/data"),
];

test("every document: the issues of the Rust command line, messages included", { skip: rust === null && "DOSSIER_RUST_REPORT not set" }, () => {
  let compared = 0;
  for (const file of everyDocument) {
    const js = validate(read(file)).issues.map(({ path, code, severity, message }) => ({ path, code, severity, message }));
    assert.deepEqual(js, rust.get(file) ?? [], file);
    compared += js.length;
  }
  assert.ok(compared >= 100, `${compared} issues compared`);
});
