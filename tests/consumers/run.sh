#!/usr/bin/env bash
# Checks schemas/dossier.schema.json in the tools other-language consumers use, unchanged:
# Python jsonschema, datamodel-code-generator + pydantic v2, ajv (strict) + ajv-formats,
# json-schema-to-typescript + tsc --strict; and every marked snippet of docs/schema.md, as written
# (check_docs.py; it runs the crate's validate example, so it needs cargo). Installs the pinned versions (requirements.txt,
# package-lock.json) into tests/consumers/.venv and tests/consumers/node_modules.
# Needs python3 (3.11+) with venv, and node 20+ with npm.
set -euo pipefail
cd "$(dirname "$0")"

echo "-- installing consumers (pinned)"
python3 --version
node --version
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
npm ci --no-audit --no-fund --loglevel=error

status=0
run() {
    echo "-- $1"
    shift
    "$@" || status=1
}
run "python jsonschema" .venv/bin/python check_jsonschema.py
run "datamodel-code-generator + pydantic" .venv/bin/python check_pydantic.py
run "ajv" node check_ajv.mjs
run "json-schema-to-typescript + tsc" node check_typescript.mjs
run "docs/schema.md snippets" .venv/bin/python check_docs.py
if [ "$status" -ne 0 ]; then
    echo "schema consumers: FAILED"
fi
exit "$status"
