// Writes every TypeScript block of docs/javascript.md that is marked `<!-- ci: NAME -->` into
// DIR/doc-NAME.ts, where tsc --strict compiles it with the examples and docs.test.mjs runs it.
//   node js/docs-snippets.mjs DIR
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2];
const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "javascript.md"), "utf8");
const blocks = [...doc.matchAll(/<!-- ci: ([\w-]+) -->\n```ts\n([\s\S]*?)```/g)];
if (blocks.length === 0) throw new Error("docs/javascript.md: no marked TypeScript block");
const names = new Set();
for (const [, name, code] of blocks) {
  if (names.has(name)) throw new Error(`docs/javascript.md: two blocks named ${name}`);
  names.add(name);
  writeFileSync(join(dir, `doc-${name}.ts`), code);
}
writeFileSync(join(dir, "doc-snippets.json"), JSON.stringify([...names]));
console.log(`docs/javascript.md: ${names.size} TypeScript snippets`);
