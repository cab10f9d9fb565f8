#!/usr/bin/env bash
# The pictures of docs/pictures.md, drawn by the command line: `--write` (re)draws them into
# docs/img/, `--check` fails when a committed one differs from a fresh drawing.
# Usage: scripts/pictures_docs.sh --write|--check [DOSSIER_BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?--write or --check}
bin=${2:-target/debug/dossier}
[ -x "$bin" ] || { cargo build --locked -q -p defense-agreements-cli; bin=target/debug/dossier; }
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
# The same commands docs/pictures.md shows.
"$bin" timeline examples/data/north-atlantic-treaty-1949.json --as-of 2026-01-01 --out "$fresh/north-atlantic-treaty.svg"
"$bin" timeline examples/data/collective-security-treaty-1992.json --as-of 2026-01-01 --out "$fresh/collective-security-treaty.svg"
"$bin" timeline tests/fixtures/histories/treaty-of-windsor-1386.json --as-of 2026-01-01 --out "$fresh/treaty-of-windsor.svg"
case "$mode" in
  --write) mkdir -p docs/img && cp "$fresh"/*.svg docs/img/ && ls -l docs/img ;;
  --check)
    for f in "$fresh"/*.svg; do
      if ! cmp -s "$f" "docs/img/$(basename "$f")"; then
        echo "docs/img/$(basename "$f") differs from what the command line draws: run scripts/pictures_docs.sh --write"
        exit 1
      fi
    done
    echo "docs/img: $(ls "$fresh" | wc -l) pictures as drawn" ;;
  *) echo "usage: $0 --write|--check [DOSSIER_BIN]"; exit 2 ;;
esac
