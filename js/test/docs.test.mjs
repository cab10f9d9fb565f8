// Runs, from the repository's root, every snippet of docs/javascript.md and the TypeScript
// examples as tsc compiled them (out/), against the installed package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const REPO = process.env.DOSSIER_REPO;
const OUT = join(process.cwd(), "out");

function run(script, ...args) {
  const r = spawnSync(process.execPath, [join(OUT, script), ...args], { cwd: REPO, encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

for (const name of JSON.parse(readFileSync("doc-snippets.json", "utf8"))) {
  test(`docs/javascript.md: ${name}`, () => {
    const { status, out } = run(`doc-${name}.js`);
    assert.equal(status, 0, out);
  });
}

test("examples/typed.ts", () => {
  const { status, out } = run("typed.js");
  assert.equal(status, 0, out);
});

test("examples/validate.ts: 0 on the examples, 1 and the issue on an invalid fixture", () => {
  assert.equal(run("validate.js", "examples/data/manila-pact-1954.json", "examples/data/us-japan-1960.json").status, 0);
  const { status, out } = run("validate.js", "tests/fixtures/invalid/dangling_reference.json");
  assert.equal(status, 1);
  assert.match(out, /\/agreements\/0\/signatures\/1\/signer: error: dangling_reference: no person has id 'nobody'/);
});

test("examples/pipeline.ts: the answer against an article holding its quotes, and one missing", () => {
  const answer = "examples/extraction/iran-syria-2020.json";
  const quotes = readFileSync(join(REPO, answer), "utf8").match(/"quote": ?"(?:[^"\\]|\\.)*"/g).map((q) => JSON.parse(q.replace(/^"quote": ?/, "")));
  const dir = mkdtempSync(join(tmpdir(), "dossier-article-"));
  writeFileSync(join(dir, "full.txt"), quotes.join("\n"));
  writeFileSync(join(dir, "short.txt"), quotes.slice(1).join("\n"));
  const full = run("pipeline.js", answer, join(dir, "full.txt"), "report");
  assert.equal(full.status, 0, full.out);
  const short = run("pipeline.js", answer, join(dir, "short.txt"), "report");
  assert.equal(short.status, 1);
  assert.match(short.out, /\/quote: not in the article: /);
});
