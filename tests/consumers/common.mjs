// The documents the Node consumers check (the same lists as common.py).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCHEMA = join(ROOT, "schemas", "dossier.schema.json");

// Documents that parse in Rust (the invalid/ fixtures parse, then fail validate()).
const VALID_DIRS = ["examples/data", "tests/fixtures/valid", "tests/fixtures/invalid", "tests/fixtures/shape-valid"];
const SHAPE_INVALID_DIR = "tests/fixtures/shape-invalid";

function files(relDir) {
  const dir = join(ROOT, relDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f));
}

export const validFiles = () => VALID_DIRS.flatMap(files);
export const shapeInvalidFiles = () => files(SHAPE_INVALID_DIR);
export const load = (path) => JSON.parse(readFileSync(path, "utf8"));
export const name = (path) => relative(ROOT, path);

export function version(pkg) {
  return JSON.parse(readFileSync(join(ROOT, "tests", "consumers", "node_modules", pkg, "package.json"), "utf8")).version;
}

export function summary(label, passed, failures) {
  for (const f of failures) console.log(`  FAIL ${f}`);
  console.log(`${label}: ${passed} passed, ${failures.length} failed`);
  process.exitCode = failures.length === 0 && passed > 0 ? 0 : 1;
}
