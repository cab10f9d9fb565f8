// Node entry: loads the WebAssembly module synchronously from the package's own files.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/defense_agreements_js.js";

initSync({ module: readFileSync(new URL("./wasm/defense_agreements_js_bg.wasm", import.meta.url)) });

export * from "./api.js";
