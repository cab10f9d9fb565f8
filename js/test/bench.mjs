// Speed of `validate` in Node against ajv (shape only) on a generated corpus, in one run:
//   node bench.mjs CORPUS.jsonl SCHEMA.json
// Each document is one line of JSON text. ajv: JSON.parse, then the compiled schema (shape only).
// The package: validate(text) (the library's parser and every cross-record rule), and
// validate(object) (JSON.stringify first). Median of 5 timed passes after one warm-up pass, by
// the wall clock and by the process's CPU time (the steadier of the two on a shared machine).
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { validate } from "defense-agreements";

const [corpusFile, schemaFile] = process.argv.slice(2);
const lines = readFileSync(corpusFile, "utf8").split("\n").filter((l) => l.trim() !== "");
const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
const objects = lines.map((l) => JSON.parse(l));

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const shape = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));

function time(label, f) {
  let result = f(); // warm-up
  const runs = [];
  const cpuRuns = [];
  for (let i = 0; i < 5; i += 1) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    result = f();
    const used = process.cpuUsage(c);
    runs.push(Number(process.hrtime.bigint() - t) / 1e9);
    cpuRuns.push((used.user + used.system) / 1e6);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[2];
  const s = median(runs);
  const cpu = median(cpuRuns);
  return { label, s, cpu, docs: lines.length / s, mb: bytes / 1e6 / s, cpuDocs: lines.length / cpu, rejected: result };
}

const results = [
  time("ajv 8.20.0 (shape only): JSON.parse + validate", () => lines.filter((l) => !shape(JSON.parse(l))).length),
  time("defense-agreements: validate(text)", () => lines.filter((l) => !validate(l).isValid).length),
  time("defense-agreements: validate(object)", () => objects.filter((o) => !validate(o).isValid).length),
];

const cpu = cpus();
console.log(`CPU: ${cpu[0]?.model.trim()}, ${cpu.length} vCPUs; Node ${process.version}`);
console.log(`corpus: ${lines.length} documents, ${(bytes / 1e6).toFixed(1)} MB (${corpusFile.split("/").pop()})`);
console.log("");
console.log("| validator | documents/s | MB/s | wall, median of 5 | documents per CPU second | rejected |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.label} | ${Math.round(r.docs)} | ${r.mb.toFixed(1)} | ${r.s.toFixed(3)} s | ${Math.round(r.cpuDocs)} | ${r.rejected} of ${lines.length} |`,
  );
}
