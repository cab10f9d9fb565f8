#!/usr/bin/env bash
# The research tables as Arrow data from Python: pyarrow, polars, pandas and DuckDB (pinned in
# python/ci/requirements-arrow.txt, in a venv under target/) read `Dossier.tables()` and
# `corpus_tables()` through the Arrow PyCapsule interface (python/tests/test_arrow_tables.py),
# and every snippet of docs/research.md runs (python/tests/test_research_doc.py). Reuses the
# wheel of the Python section of .ci/run when it is there, else builds one.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/ci-arrow/venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check -r python/ci/requirements-arrow.txt
wheels=target/py-wheels
if ! compgen -G "$wheels/defense_agreements-*.whl" >/dev/null; then
  "$venv/bin/maturin" build --locked --release -m python/Cargo.toml -o "$wheels"
fi
"$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$wheels"/defense_agreements-*.whl
# Outside the source tree, so that the installed wheel is what is tested.
cd target
ci-arrow/venv/bin/pytest -q ../python/tests/test_arrow_tables.py ../python/tests/test_research_doc.py
