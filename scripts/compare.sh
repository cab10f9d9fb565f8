#!/usr/bin/env bash
# The peer comparison: generates a corpus, measures the crate and its peers on it in one run
# (single thread), measures the streaming pass's peak memory on a >= 300 MB corpus, and prints
# one table. Needs cargo, python3 (with venv) and /usr/bin/time; installs the Python peers
# itself, pinned, in target/compare/venv. Not run by CI: it takes minutes.
#
#   scripts/compare.sh                # DOCS=5000 MB=20 REPS=7 BIG_MB=320 to change the sizes
# It ends with the parallel figure: the streaming pass on 1 and on 2 threads.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/compare
DOCS=${DOCS:-5000}
MB=${MB:-20}
REPS=${REPS:-7}
BIG_MB=${BIG_MB:-320}
mkdir -p "$OUT"

echo "== build" >&2
cargo build --release --example gen_corpus --example peers >&2
GEN=target/release/examples/gen_corpus
PEERS=target/release/examples/peers

echo "== corpus" >&2
"$GEN" "$DOCS" "$OUT/corpus.jsonl"
SCHEMA=schemas/dossier.schema.json
if [ ! -f "$SCHEMA" ]; then
  SCHEMA="$OUT/dossier.schema.json"
  "$PEERS" schema "$SCHEMA"
fi

echo "== python peers: pydantic 2.14.4, datamodel-code-generator 0.89.0, jsonschema 4.26.0" >&2
[ -x "$OUT/venv/bin/python" ] || python3 -m venv "$OUT/venv"
"$OUT/venv/bin/pip" install -q --disable-pip-version-check \
  pydantic==2.14.4 datamodel-code-generator==0.89.0 jsonschema==4.26.0 >&2
"$OUT/venv/bin/datamodel-codegen" --input "$SCHEMA" --input-file-type jsonschema \
  --output-model-type pydantic_v2.BaseModel --target-python-version 3.11 \
  --output "$OUT/models.py" 2>"$OUT/codegen.log" || { cat "$OUT/codegen.log" >&2; exit 1; }

echo "== streaming memory on ${BIG_MB} MB" >&2
# Dossiers average about 4.5 KB.
"$GEN" $((BIG_MB * 1000000 / 4400)) "$OUT/big.jsonl" 2>/dev/null
/usr/bin/time -v "$PEERS" stream "$OUT/big.jsonl" 2>"$OUT/stream.time" >&2 || { cat "$OUT/stream.time" >&2; exit 1; }
RSS_KIB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/stream.time")
STREAM_MB=$(( $(stat -c %s "$OUT/big.jsonl") / 1000000 ))

echo "== parallel streaming on ${BIG_MB} MB: 1 thread, then 2 (best of 3 each)" >&2
best() { for _ in 1 2 3; do "$PEERS" stream "$OUT/big.jsonl" --threads "$1" | sed 's/.*; \([0-9.]*\) s on.*/\1/'; done | sort -n | head -1; }
ONE=$(best 1)
TWO=$(best 2)
PARALLEL="2 threads: ${TWO} s, 1 thread: ${ONE} s, speed-up $(awk -v a="$ONE" -v b="$TWO" 'BEGIN {printf "%.2f", a / b}')x (target >= 1.8x), load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$OUT/big.jsonl"

echo "== rust peers" >&2
"$PEERS" bench "$OUT/corpus.jsonl" "$SCHEMA" --mb "$MB" --reps "$REPS" >"$OUT/rust.json"

echo "== python peers" >&2
"$OUT/venv/bin/python" scripts/peers.py --corpus "$OUT/corpus.jsonl" --schema "$SCHEMA" \
  --models "$OUT/models.py" --rust "$OUT/rust.json" --mb "$MB" --reps "$REPS" \
  --rss-kib "$RSS_KIB" --stream-mb "$STREAM_MB" | tee "$OUT/table.md"
echo
echo "Parallel streaming ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs): $PARALLEL" | tee -a "$OUT/table.md"
