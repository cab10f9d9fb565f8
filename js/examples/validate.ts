// Validates the dossier files named on the command line and prints every issue as
// `FILE: PATH: SEVERITY: CODE: MESSAGE`; exits 1 when any has an error (as `dossier validate`).
//   node out/validate.js examples/data/*.json
import { readFileSync } from "node:fs";
import { validate, type Issue, type Report } from "defense-agreements";

let failed = false;
for (const file of process.argv.slice(2)) {
  const report: Report = validate(readFileSync(file, "utf8"));
  for (const issue of report) {
    const { path, severity, code, message }: Issue = issue;
    console.log(`${file}: ${path || "(root)"}: ${severity}: ${code}: ${message}`);
  }
  failed ||= !report.isValid;
}
process.exitCode = failed ? 1 : 0;
