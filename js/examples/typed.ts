// The dossier types are the JSON Schema's: a document built in code is checked by the compiler
// for its shape, and by `validate` for the rules no type can state.
import assert from "node:assert/strict";
import { validate, parse, type Dossier, type Agreement, type Report } from "defense-agreements";

// The second party names no actor of the dossier: the types cannot see that, validate can.
const agreement: Agreement = {
  id: "pact",
  title: "Iran–Syria defense pact",
  kind: "defense_pact",
  parties: [
    { actor: "iran", role: "party" },
    { actor: "syria", role: "party" },
  ],
};
const dossier: Dossier = {
  schema_version: "1.0",
  id: "example",
  actors: [{ id: "iran", name: "Iran", kind: "state", country: "IRN" }],
  agreements: [agreement],
};
const report: Report = validate(dossier);
assert.equal(report.isValid, false);
assert.ok(report.errors.some((i) => i.code === "dangling_reference" && i.path === "/agreements/0/parties/1/actor"));

// @ts-expect-error: "nation" is not an actor kind, and the compiler says so.
const wrong: Dossier = { schema_version: "1.0", id: "x", actors: [{ id: "a", name: "A", kind: "nation" }] };
// The parser says so too, with the path.
assert.equal(validate(wrong).issues[0]?.path, "/actors/0/kind");

// @ts-expect-error: a number is not a document.
assert.throws(() => validate(42));

const parsed = parse(dossier);
const back: Dossier = parsed.toJSON();
assert.equal(back.agreements?.[0]?.title, "Iran–Syria defense pact");
parsed.free();
