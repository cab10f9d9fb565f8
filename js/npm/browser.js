// Browser and bundler entry: fetches the WebAssembly module beside this file (bundlers that
// understand `new URL(…, import.meta.url)` copy it), before the API is used.
import init from "./wasm/defense_agreements_js.js";

await init({ module_or_path: new URL("./wasm/defense_agreements_js_bg.wasm", import.meta.url) });

export * from "./api.js";
