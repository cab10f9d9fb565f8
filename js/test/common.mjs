// What the tests share: where the repository's documents are (DOSSIER_REPO), and the command
// line's report on them (DOSSIER_RUST_REPORT, written by js/ci.sh with `dossier validate
// --format json`). The tests import the package by name, so they run against the installed
// tarball, never against the source tree.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const REPO = process.env.DOSSIER_REPO;
if (!REPO) throw new Error("DOSSIER_REPO must name the repository's root (js/ci.sh sets it)");

/** The `.json` files of a directory of the repository, sorted, as repository-relative paths. */
export function files(dir) {
  return readdirSync(join(REPO, dir))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => `${dir}/${f}`);
}

export const read = (file) => readFileSync(join(REPO, file), "utf8");
export const load = (file) => JSON.parse(read(file));

/** The Rust command line's issues by repository-relative file, or null when not given. */
export function rustIssues() {
  const path = process.env.DOSSIER_RUST_REPORT;
  if (!path) return null;
  const byFile = new Map();
  for (const { file, path: pointer, code, severity, message } of JSON.parse(readFileSync(path, "utf8")).issues) {
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push({ path: pointer, code, severity, message });
  }
  return byFile;
}
