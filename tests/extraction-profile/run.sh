#!/usr/bin/env bash
# Offline checks of the extraction profile (schemas/dossier.extraction.schema.json):
# the providers' documented strict-mode rules and limits (check_strict.py), and the Anthropic and
# OpenAI Python SDKs' own schema converters (check_sdks.py), on the profile shape of every example
# dossier. No API is called. Installs the pinned versions (requirements.txt) into
# tests/extraction-profile/.venv. Needs python3 (3.11+) with venv, and cargo.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"

echo "-- installing SDKs (pinned)"
python3 --version
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt

echo "-- the examples in the profile's shape"
out="$root/target/extraction-profile"
mkdir -p "$out"
docs=()
for f in "$root"/examples/data/*.json; do
    (cd "$root" && cargo run -q --example extraction -- --to-profile "$f") > "$out/$(basename "$f")"
    docs+=("$out/$(basename "$f")")
done

status=0
echo "-- strict-mode rules and limits"
.venv/bin/python check_strict.py "${docs[@]}" || status=1
echo "-- SDK converters"
.venv/bin/python check_sdks.py "${docs[@]}" || status=1
if [ "$status" -ne 0 ]; then
    echo "extraction profile: FAILED"
fi
exit "$status"
