#!/usr/bin/env bash
# Writes the research tables of the example dossiers (CSV, Parquet, Parquet partitioned by
# year) and checks them in DuckDB (pinned in tests/tables/requirements.txt, in a venv).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/ci-tables
rm -rf "$out/csv" "$out/parquet" "$out/partitioned"
# The command line (its default features include Parquet).
dossier=(cargo run -q -p defense-agreements-cli --)
"${dossier[@]}" tables --through 2024 --out "$out/csv" examples/data/*.json
"${dossier[@]}" tables --format parquet --through 2024 --out "$out/parquet" examples/data/*.json
"${dossier[@]}" tables --format parquet --partition --through 2024 --out "$out/partitioned" examples/data/*.json
if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
fi
"$out/venv/bin/pip" install -q -r tests/tables/requirements.txt
"$out/venv/bin/python" tests/tables/check_duckdb.py "$out"
