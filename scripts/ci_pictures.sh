#!/usr/bin/env bash
# The pictures in CI (.ci/run; docs/pictures.md): every example dossier's HTML report and every
# agreement's timeline drawn with the command line; the reports opened in Debian's Chromium,
# headless (scripts/ci_pictures.mjs, through js's playwright-core), at 1280 px and 390 px,
# screenshotted into target/pictures/ and checked for what a person would see; and the
# pictures committed under docs/img/ compared with freshly drawn ones.
#
# Installs chromium from apt when it is missing, and js's npm tools (js/package-lock.json)
# when they are. Without Chromium and without apt the browser check says SKIPPED; the rest
# always runs. DOSSIER_BIN: the command line to use (default: the one CI installed, else built).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/pictures
rm -rf "$out"
mkdir -p "$out/html" "$out/svg"

echo "-- the render feature alone on the core"
cargo check --locked -q -p defense-agreements --no-default-features --features render
cargo clippy --locked -q -p defense-agreements --no-default-features --features render --all-targets -- -D warnings

bin=${DOSSIER_BIN:-}
if [ -z "$bin" ]; then
  if [ -x target/ci-install/bin/dossier ]; then
    bin=target/ci-install/bin/dossier
  else
    cargo build --locked -q -p defense-agreements-cli
    bin=target/debug/dossier
  fi
fi

echo "-- every example: its report and each agreement's timeline"
# A fixed day, so that the pictures are the same on every run.
as_of=2026-01-01
examples=$(ls examples/data/*.json examples/data/merge/*.json | grep -v '\.resolver\.json$')
manifest=$out/manifest.json
echo "[" >"$manifest"
sep=""
for f in $examples; do
  name=$(basename "$f" .json)
  "$bin" report --html "$f" --as-of "$as_of" --out "$out/html/$name.html"
  printf '%s{"html": "%s", "json": "%s"}\n' "$sep" "$out/html/$name.html" "$root/$f" >>"$manifest"
  sep=","
  for id in $(python3 -c 'import json,sys; [print(a["id"]) for a in json.load(open(sys.argv[1])).get("agreements", [])]' "$f"); do
    "$bin" timeline "$f" --agreement "$id" --as-of "$as_of" --out "$out/svg/$id.svg"
    python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$out/svg/$id.svg"
  done
done
echo "]" >>"$manifest"
ls "$out/html" | wc -l | xargs echo "reports:"
ls "$out/svg" | wc -l | xargs echo "timelines (each well-formed XML):"

echo "-- docs/img: the committed pictures are the ones the command line draws"
bash scripts/pictures_docs.sh --check "$bin"

echo "-- the reports in headless Chromium"
browser=/usr/bin/chromium
if [ ! -x "$browser" ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/dev/null 2>&1 || true
fi
probe=$(mktemp -d)
if [ -x "$browser" ] && timeout 60 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$probe" \
  --dump-dom about:blank >/dev/null 2>&1; then
  [ -d js/node_modules/playwright-core ] || (cd js && npm ci --no-audit --no-fund --loglevel=error)
  MANIFEST=$manifest SHOTS=$out CHROMIUM=$browser DOSSIER_REPO=$root \
    node --test --test-reporter=spec scripts/ci_pictures.mjs
  echo "screenshots (file, width x page height, size):"
  cat "$out/sizes.txt"
else
  echo "SKIPPED: the reports in Chromium ($browser not installed, or does not start, and apt unavailable)"
fi
rm -rf "$probe"
