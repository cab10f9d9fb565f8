#!/usr/bin/env bash
# The Python package against pydantic v2 models generated from the schema, on the same corpus:
# builds the wheel with maturin, installs it and the pinned pydantic peers in
# target/python-bench/venv, generates the models as scripts/compare.sh does, and prints one table
# (scripts/python_bench.py). Needs cargo and python3 (with venv). Not run by CI: it takes minutes.
#
#   scripts/python_bench.sh                 # DOCS=5000 MB=20 REPS=7 to change the sizes
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/python-bench
DOCS=${DOCS:-5000}
MB=${MB:-20}
REPS=${REPS:-7}
mkdir -p "$OUT"

echo "== build" >&2
cargo build --release --example gen_corpus >&2
"target/release/examples/gen_corpus" "$DOCS" "$OUT/corpus.jsonl"

echo "== venv: pydantic 2.14.4, datamodel-code-generator 0.89.0, maturin 1.16.0" >&2
[ -x "$OUT/venv/bin/python" ] || python3 -m venv "$OUT/venv"
"$OUT/venv/bin/pip" install -q --disable-pip-version-check \
  pydantic==2.14.4 datamodel-code-generator==0.89.0 maturin==1.16.0 >&2
"$OUT/venv/bin/datamodel-codegen" --input schemas/dossier.schema.json --input-file-type jsonschema \
  --output-model-type pydantic_v2.BaseModel --target-python-version 3.11 \
  --output "$OUT/models.py" 2>"$OUT/codegen.log" || { cat "$OUT/codegen.log" >&2; exit 1; }

echo "== wheel" >&2
rm -rf "$OUT/wheels"
"$OUT/venv/bin/maturin" build --release -m python/Cargo.toml -o "$OUT/wheels" >&2
"$OUT/venv/bin/pip" install -q --disable-pip-version-check --force-reinstall "$OUT"/wheels/defense_agreements-*.whl >&2

echo "== measure" >&2
"$OUT/venv/bin/python" scripts/python_bench.py --corpus "$OUT/corpus.jsonl" --models "$OUT/models.py" \
  --mb "$MB" --reps "$REPS" | tee "$OUT/table.md"
