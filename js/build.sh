#!/usr/bin/env bash
# Builds the npm package `defense-agreements` into target/js/pkg and packs it into
# target/js/defense-agreements-VERSION.tgz; prints the sizes (raw and gzipped).
#
# Needs: the wasm32-unknown-unknown target (rustup), wasm-bindgen-cli of the version js/Cargo.toml
# pins, binaryen's wasm-opt, node and npm, and js/node_modules (`npm ci` in js/) for the types.
# js/ci.sh installs all of them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/js
pkg=$out/pkg

echo "-- wasm32 build (profile wasm)"
cargo build --locked -q -p defense-agreements-js --target wasm32-unknown-unknown --profile wasm
module=target/wasm32-unknown-unknown/wasm/defense_agreements_js.wasm

rm -rf "$pkg"
mkdir -p "$pkg/wasm" "$pkg/schemas"
before=$(stat -c %s "$module")
# wasm-opt runs on rustc's module, before wasm-bindgen: binaryen 108 (Debian 12) loses track of
# which table an export names once wasm-bindgen has added its second (externref) table, and the
# module then fails to load. The features are the ones rustc enables for wasm32-unknown-unknown.
# -O1, measured on this module: -Os, -Oz and -O2 take 5 % off the raw size but add 20 % to the
# gzipped size (what a browser downloads); -O1 takes a little off both.
if [ -n "${JS_NO_WASM_OPT:-}" ]; then
  echo "wasm-opt SKIPPED (binaryen not installed): the module is packed as rustc wrote it"
  optimized=$module
else
  echo "-- $(wasm-opt --version) -O1"
  optimized=$out/optimized.wasm
  wasm-opt -O1 --strip-debug --strip-producers \
    --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-multivalue \
    -o "$optimized" "$module"
fi
echo "-- wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2) (--target web: one ES module for browsers, bundlers and Node)"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$pkg/wasm" --out-name defense_agreements_js "$optimized"
bg=$pkg/wasm/defense_agreements_js_bg.wasm

cp js/npm/api.js js/npm/node.js js/npm/browser.js js/npm/index.d.ts js/npm/README.md "$pkg/"
cp schemas/dossier.schema.json schemas/dossier.extraction.schema.json "$pkg/schemas/"
# The dossier types, generated as docs/schema.md generates them.
(cd js && node_modules/.bin/json2ts -i ../schemas/dossier.schema.json -o "$pkg/dossier.d.ts")

# The package's version is the crate's.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
node -e '
  const fs = require("fs");
  const [template, target, version] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync(template, "utf8"));
  p.version = version;
  fs.writeFileSync(target, JSON.stringify(p, null, 2) + "\n");
' js/npm/package.json "$pkg/package.json" "$version"

echo "-- npm pack"
rm -f "$out"/defense-agreements-*.tgz
(cd "$pkg" && npm pack --silent --pack-destination "$out" >/dev/null)
tarball=$out/defense-agreements-$version.tgz
test -f "$tarball"

raw=$(stat -c %s "$bg")
gz=$(gzip -9 -c "$bg" | wc -c)
glue=$(cat "$pkg"/wasm/defense_agreements_js.js "$pkg"/api.js "$pkg"/browser.js | gzip -9 | wc -c)
tgz=$(stat -c %s "$tarball")
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }
kib() { awk -v b="$1" 'BEGIN { printf "%.0f KiB", b / 1024 }'; }
{
  echo "wasm from rustc: $before bytes ($(mib "$before"))"
  echo "wasm in the package (wasm-opt, wasm-bindgen): $raw bytes ($(mib "$raw")), gzipped $gz bytes ($(mib "$gz"))"
  echo "JavaScript (glue, api, entry), gzipped: $glue bytes ($(kib "$glue"))"
  echo "npm tarball: $tgz bytes ($(mib "$tgz"))"
} | tee "$out/size.txt"
# The target the issue set: the module at most 1 MiB gzipped.
test "$gz" -le 1048576
