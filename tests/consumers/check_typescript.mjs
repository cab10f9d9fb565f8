// json-schema-to-typescript generates the types; `tsc --strict` compiles every valid document
// assigned to a `Dossier`, and refuses documents whose shape is wrong in ways types can see.
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { compile } from "json-schema-to-typescript";
import { ROOT, SCHEMA, load, name, shapeInvalidFiles, validFiles, version, summary } from "./common.mjs";

console.log(`json-schema-to-typescript ${version("json-schema-to-typescript")}, typescript ${version("typescript")}`);
const TSC = join(ROOT, "tests", "consumers", "node_modules", "typescript", "bin", "tsc");

// Shape errors a type checker sees (enums, required and unknown properties, JSON types,
// null in a list). Patterns, number bounds and property-name rules are not types.
const TYPE_VISIBLE = new Set([
  "wrong_enum_value.json",
  "missing_required_field.json",
  "unknown_field.json",
  "unknown_field_root.json",
  "unknown_field_in_tagged_variant.json",
  "unknown_field_in_record_ref.json",
  "unknown_field_in_coordinates.json",
  "unknown_tag.json",
  "missing_tag.json",
  "missing_field_in_tagged_variant.json",
  "wrong_type.json",
  "wrong_type_object.json",
  "null_vec.json",
  "null_in_vec.json",
  "null_required.json",
  "bad_country.json",
  "lowercase_country.json",
  "bad_nato_grade.json",
]);

const dir = mkdtempSync(join(tmpdir(), "dossier-ts-"));
const failures = [];
let passed = 0;

function tsc(files) {
  try {
    execFileSync(process.execPath, [TSC, "--strict", "--noEmit", "--target", "es2022", "--module", "nodenext", ...files], {
      cwd: dir,
      encoding: "utf8",
    });
    return "";
  } catch (e) {
    return (e.stdout || "") + (e.stderr || "") || String(e);
  }
}

// A document as a typed constant: the object literal is checked against the type, excess
// properties included.
function asModule(path) {
  return `import type { Dossier } from "./dossier.js";\nexport const doc: Dossier = ${JSON.stringify(load(path), null, 2)};\n`;
}

try {
  const types = await compile(load(SCHEMA), "Dossier", { bannerComment: "", cwd: join(ROOT, "schemas") });
  writeFileSync(join(dir, "dossier.ts"), types);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const typesErrors = tsc(["dossier.ts"]);
  if (typesErrors) failures.push(`generated types do not compile:\n${typesErrors}`);
  else passed += 1;

  const valid = validFiles();
  const modules = valid.map((path, i) => {
    const file = `valid_${i}.ts`;
    writeFileSync(join(dir, file), asModule(path));
    return file;
  });
  const out = tsc(["dossier.ts", ...modules]);
  for (const [i, path] of valid.entries()) {
    const errs = out.split("\n").filter((l) => l.startsWith(`valid_${i}.ts(`));
    if (errs.length === 0 && !(out && !out.includes("valid_"))) passed += 1;
    else failures.push(`${name(path)}: does not type-check:\n    ${errs.slice(0, 3).join("\n    ") || out.slice(0, 500)}`);
  }

  const invalid = shapeInvalidFiles().filter((p) => TYPE_VISIBLE.has(p.split(/[\\/]/).pop()));
  if (valid.length === 0 || invalid.length < TYPE_VISIBLE.size) failures.push("documents missing");
  // One compilation for all of them; each file must have an error of its own.
  const invalidModules = invalid.map((path, i) => {
    const file = `invalid_${i}.ts`;
    writeFileSync(join(dir, file), asModule(path));
    return file;
  });
  const invalidOut = tsc(["dossier.ts", ...invalidModules]);
  for (const [i, path] of invalid.entries()) {
    if (invalidOut.includes(`invalid_${i}.ts(`)) passed += 1;
    else failures.push(`${name(path)}: type-checks, but serde rejects it`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
summary("typescript", passed, failures);
