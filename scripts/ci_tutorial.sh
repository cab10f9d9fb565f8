#!/usr/bin/env bash
# Runs docs/extraction.md's tutorial as a reader would: every ```bash block of the page, in
# order, in one shell (set -euo pipefail), then every ```python block, in order, in one Python
# process, both from the repository's root on examples/pipeline/. What the blocks write goes to
# target/tutorial/. A block that fails fails CI; so does a page without blocks.
#
# The command line and the Python package are the ones CI installed before this step
# (target/ci-install/bin/dossier, the wheel in target/py-ci); DOSSIER_BIN and PYTHON override
# them, and whichever is missing is built here.
set -euo pipefail
cd "$(dirname "$0")/.."

doc=docs/extraction.md
dossier_bin=${DOSSIER_BIN:-target/ci-install/bin/dossier}
python_bin=${PYTHON:-target/py-ci/bin/python}

if [ ! -x "$dossier_bin" ]; then
  cargo install --locked --path crates/cli --root target/ci-install --target-dir target
  dossier_bin=target/ci-install/bin/dossier
fi
if ! "$python_bin" -c 'import defense_agreements.extraction' 2>/dev/null; then
  python3 -m venv target/py-ci
  target/py-ci/bin/pip install -q --disable-pip-version-check maturin==1.16.0
  target/py-ci/bin/maturin build --locked --release -m python/Cargo.toml -o target/py-wheels
  target/py-ci/bin/pip install -q --disable-pip-version-check --force-reinstall target/py-wheels/defense_agreements-*.whl
  python_bin=target/py-ci/bin/python
fi

# The fenced blocks of one language, in order, as one program.
blocks() {
  awk -v lang="$1" '/^```/ { if (inside) { inside = 0; next } if ($0 == "```" lang) { inside = 1; next } } inside { print }' "$doc"
}

rm -rf target/tutorial
shell=$(blocks bash)
python=$(blocks python)
test -n "$shell" && test -n "$python" || { echo "$doc: no bash or python blocks"; exit 1; }

echo "== $doc: the shell tutorial"
bin_dir=$(cd "$(dirname "$dossier_bin")" && pwd)
PATH="$bin_dir:$PATH" bash -euo pipefail -c "$shell"

echo "== $doc: the Python tutorial"
"$python_bin" -c "$python"
