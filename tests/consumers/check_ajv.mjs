// ajv (draft 2020-12 build) with ajv-formats: the schema compiles in strict mode with no
// options, every valid document passes and every shape-invalid one fails.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { SCHEMA, load, name, shapeInvalidFiles, validFiles, version, summary } from "./common.mjs";

console.log(`ajv ${version("ajv")}, ajv-formats ${version("ajv-formats")}`);
const failures = [];
let passed = 0;

// Strict mode is ajv's default; `strict: true` also turns strictTypes, strictTuples and
// strictRequired from warnings into errors. Both must compile without any other option.
const validators = {};
for (const [label, options] of [["default", undefined], ["strict: true", { strict: true }]]) {
  const ajv = options === undefined ? new Ajv2020() : new Ajv2020(options);
  addFormats(ajv);
  const warnings = [];
  const log = console.warn;
  console.warn = (...args) => warnings.push(args.join(" "));
  try {
    validators[label] = ajv.compile(load(SCHEMA));
    passed += 1;
  } catch (e) {
    failures.push(`compile (${label}): ${e.message}`);
  } finally {
    console.warn = log;
  }
  if (warnings.length > 0) failures.push(`compile (${label}) warned: ${warnings.join("; ")}`);
}

const validate = validators["strict: true"] ?? validators["default"];
if (validate) {
  const valid = validFiles();
  const invalid = shapeInvalidFiles();
  if (valid.length === 0 || invalid.length === 0) failures.push("no documents found");
  for (const path of valid) {
    if (validate(load(path))) passed += 1;
    else failures.push(`${name(path)}: rejected: ${JSON.stringify(validate.errors.slice(0, 3))}`);
  }
  for (const path of invalid) {
    if (!validate(load(path))) passed += 1;
    else failures.push(`${name(path)}: accepted, but serde rejects it`);
  }
}
summary("ajv", passed, failures);
