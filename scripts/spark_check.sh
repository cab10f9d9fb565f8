#!/usr/bin/env bash
# The Spark path, checked against the command line: generates a corpus, turns it into the
# research tables with PySpark in local mode (local[2]) and the Python package (validation and
# table production per partition, scripts/spark_tables.py), and compares the verdicts with
# `dossier validate` and the tables with `dossier tables --format parquet --partition`, row for
# row. Exit status 1 on any difference. Installs what it needs: Java 17 (apt, only when `java`
# is missing), and in target/spark/venv pinned pyspark and maturin from PyPI. See the Spark
# section of docs/tables.md.
#
#   scripts/spark_check.sh        # SPARK_DOCS=20000 SPARK_PARTITIONS=8 THROUGH=2024 to change them
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/spark
DOCS=${SPARK_DOCS:-20000}
PARTITIONS=${SPARK_PARTITIONS:-8}
THROUGH=${THROUGH:-2024}
PYSPARK=4.3.0  # Spark 4 runs on Java 17 or 21
MATURIN=1.16.0 # as .ci/run
mkdir -p "$OUT"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "== java" >&2
if ! command -v java >/dev/null; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  if ! { "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }; then
    # CI sets SPARK_OPTIONAL=1: a machine without Java and without apt access skips the check,
    # saying so, rather than failing everything else.
    if [ "${SPARK_OPTIONAL:-0}" = 1 ]; then
      echo "SKIPPED: Java 17 is missing and could not be installed; the Spark check did not run" >&2
      exit 0
    fi
    echo "Java 17 is needed: install openjdk-17-jre-headless" >&2
    exit 1
  fi
fi
java -version 2>&1 | head -1 >&2

echo "== venv: pyspark $PYSPARK, maturin $MATURIN" >&2
[ -x "$OUT/venv/bin/python" ] || python3 -m venv "$OUT/venv"
"$OUT/venv/bin/pip" install -q --disable-pip-version-check "pyspark==$PYSPARK" "maturin==$MATURIN"

echo "== build: command line, corpus generator, Python wheel" >&2
cargo build --locked --release -p defense-agreements-cli >&2
rm -rf "$OUT/wheels"
"$OUT/venv/bin/maturin" build --locked --release -m python/Cargo.toml -o "$OUT/wheels" >&2
"$OUT/venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$OUT"/wheels/defense_agreements-*.whl
DOSSIER=target/release/dossier

echo "== corpus: $DOCS dossiers" >&2
cargo run --locked --release --example gen_corpus -- "$DOCS" "$OUT/corpus.jsonl"

# The command line, timed. Both exit 1 because the corpus holds invalid dossiers (about 2 %).
echo "== command line: dossier validate, dossier tables" >&2
rm -rf "$OUT/cli-tables" "$OUT/tables"
t0=$(now)
"$DOSSIER" validate --quiet --format json "$OUT/corpus.jsonl" >"$OUT/cli-validate.json" || [ $? -eq 1 ]
t1=$(now)
"$DOSSIER" tables --format parquet --partition --through "$THROUGH" --out "$OUT/cli-tables" "$OUT/corpus.jsonl" \
  2>"$OUT/cli-tables.log" || [ $? -eq 1 ]
t2=$(now)
tail -1 "$OUT/cli-tables.log" >&2

echo "== Spark: local[2], $PARTITIONS partitions" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
"$OUT/venv/bin/python" scripts/spark_tables.py "$OUT/corpus.jsonl" --out "$OUT/tables" \
  --cli-tables "$OUT/cli-tables" --cli-validate "$OUT/cli-validate.json" --through "$THROUGH" \
  --partitions "$PARTITIONS" --report "$OUT/report.json" || status=$?

echo "  corpus: $DOCS dossiers, $(du -m "$OUT/corpus.jsonl" | cut -f1) MB"
echo "  command line: validate $(secs "$t0" "$t1") s, tables (Parquet, partitioned) $(secs "$t1" "$t2") s, together $(secs "$t0" "$t2") s"
echo "  CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$status" -ne 0 ]; then
  echo "spark_check: FAILED: Spark and the command line differ (see DIFFERENCE lines above)" >&2
  exit 1
fi
echo "spark_check: OK: same verdicts and same tables as the command line"
