#!/usr/bin/env bash
# The JavaScript section of CI (.ci/run): builds the npm package from a clean checkout, installs
# the tarball into an empty project, and runs, against the installed package: the Node tests
# (node --test; every fixture against the Rust command line), `tsc --strict` on the TypeScript
# examples and on every snippet of docs/javascript.md (then runs them), the speed comparison with
# ajv, and the offline page in headless Chromium.
#
# Installs what it needs: the wasm32-unknown-unknown target (rustup), wasm-bindgen-cli (crates.io,
# the version js/Cargo.toml pins), binaryen and chromium (Debian), the npm tools of js/package.json
# (pinned by js/package-lock.json). Without apt (no binaryen) the module is packed without
# wasm-opt; without Chromium the browser check says SKIPPED. Everything else fails hard.
# DOSSIER_BIN: the command line to compare with (default: the one CI installed, else built here).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/js
mkdir -p "$out"
start=$SECONDS
step() { echo "-- $1 ($((SECONDS - start)) s)"; }

step "toolchain: wasm32 target, wasm-bindgen-cli, binaryen, chromium"
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target list --installed | grep -qx wasm32-unknown-unknown
pin=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' js/Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$pin" ]; then
  cargo install --locked --version "$pin" wasm-bindgen-cli
fi
apt_install() {
  command -v apt-get >/dev/null || return 1
  if [ -z "${JS_APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null 2>&1 || return 1
    JS_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}
command -v wasm-opt >/dev/null || apt_install binaryen || true
browser=/usr/bin/chromium
[ -x "$browser" ] || apt_install chromium || true

step "npm tools (js/package-lock.json)"
(cd js && npm ci --no-audit --no-fund --loglevel=error)

step "clippy (wasm32)"
cargo clippy --locked -q -p defense-agreements-js --target wasm32-unknown-unknown -- -D warnings

step "build and pack"
JS_NO_WASM_OPT=$(command -v wasm-opt >/dev/null || echo 1) bash js/build.sh
tarball=$(ls "$out"/defense-agreements-*.tgz)

step "install the tarball into an empty project"
app=$out/app
rm -rf "$app"
mkdir -p "$app"
cp js/test/*.mjs js/test-browser/*.mjs js/examples/*.ts js/examples/tsconfig.json "$app/"
(
  cd "$app"
  echo '{"name": "dossier-app", "private": true, "type": "module"}' >package.json
  npm install --no-audit --no-fund --loglevel=error "$tarball"
  # The tools come from js/node_modules by path, so the app's own dependencies are the
  # package alone.
  ln -s "$root/js/node_modules/@types" node_modules/@types
  ln -s "$root/js/node_modules/playwright-core" node_modules/playwright-core
  ln -s "$root/js/node_modules/ajv" node_modules/ajv
  ln -s "$root/js/node_modules/ajv-formats" node_modules/ajv-formats
)
test ! -e "$app/node_modules/defense-agreements/src"

step "the Rust command line's report on every document, to compare with"
bin=${DOSSIER_BIN:-}
if [ -z "$bin" ]; then
  if [ -x target/ci-install/bin/dossier ]; then
    bin=target/ci-install/bin/dossier
  else
    cargo build --locked -q -p defense-agreements-cli
    bin=target/debug/dossier
  fi
fi
# Exit status 1: the documents have errors, as intended.
"$bin" validate --format json tests/fixtures/invalid/*.json tests/fixtures/valid/*.json \
  tests/fixtures/shape-valid/*.json tests/fixtures/shape-invalid/*.json examples/data/*.json \
  >"$out/rust-report.json" || test $? -eq 1

step "node --test, against the installed package"
(cd "$app" && DOSSIER_REPO=$root DOSSIER_RUST_REPORT=$out/rust-report.json node --test --test-reporter=spec fixtures.test.mjs api.test.mjs)

step "tsc --strict: the examples and docs/javascript.md's snippets, then run"
node js/docs-snippets.mjs "$app"
(cd "$app" && "$root/js/node_modules/.bin/tsc" -p tsconfig.json)
(cd "$app" && DOSSIER_REPO=$root node --test --test-reporter=spec docs.test.mjs)

step "validate in Node against ajv (shape only), generated corpus"
# The corpus the generator section of .ci/run wrote (1,000 dossiers, some with known defects),
# else the same made here.
corpus=$root/target/ci-corpus.jsonl
if [ ! -s "$corpus" ]; then
  corpus=$out/corpus.jsonl
  cargo run --locked -q --example gen_corpus -- 1000 "$corpus" >/dev/null
fi
(cd "$app" && node bench.mjs "$corpus" "$root/schemas/dossier.schema.json" | tee "$out/bench.txt")

step "the offline page in headless Chromium"
page=$out/page
rm -rf "$page"
mkdir -p "$page/defense-agreements"
cp js/page/* "$page/"
cp -r "$app"/node_modules/defense-agreements/{api.js,browser.js,wasm} "$page/defense-agreements/"
probe=$(mktemp -d)
if [ -x "$browser" ] && timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$probe" \
  --dump-dom about:blank >/dev/null 2>&1; then
  (cd "$app" && PAGE_DIR=$page CHROMIUM=$browser SHOTS=$out DOSSIER_REPO=$root node --test --test-reporter=spec page.test.mjs)
else
  echo "SKIPPED: the page in Chromium ($browser not installed, or does not start, and apt unavailable)"
fi
rm -rf "$probe"

step "done"
cat "$out/size.txt"
