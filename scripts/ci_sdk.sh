#!/usr/bin/env bash
# The request bodies of `extraction.request()` sent through the providers' official Python SDKs
# (openai, anthropic, google-genai; pinned in python/ci/requirements-sdk.txt) against a mock HTTP
# transport: no request leaves the machine and no key is needed. Each canned response goes
# through `extraction.answer_from()` and the extraction to a valid dossier
# (python/tests/test_sdk_requests.py, docs/extraction.md).
#
# Reuses the Python section's virtual environment and installed wheel (target/py-ci) when CI has
# made them; run alone, it makes both (maturin pinned as there).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/py-ci
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import defense_agreements.extraction" 2>/dev/null; then
    echo "-- building the wheel into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check maturin==1.16.0 pytest==9.2.0
    rm -rf target/py-wheels
    "$venv/bin/maturin" build --locked --release -m python/Cargo.toml -o target/py-wheels
    "$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall target/py-wheels/defense_agreements-*.whl
fi
echo "-- installing the SDKs (pinned)"
"$venv/bin/pip" install -q --disable-pip-version-check -r python/ci/requirements-sdk.txt
"$venv/bin/python" -c "from importlib.metadata import version as v; print(*(f'{p} {v(p)}' for p in ('openai', 'anthropic', 'google-genai', 'httpx2')), sep=', ')"
echo "-- pytest (outside the source tree, so the installed wheel is tested)"
# SDK_TESTS_REQUIRED: a missing SDK is a failure here, not a skip.
(cd target && SDK_TESTS_REQUIRED=1 py-ci/bin/pytest -q -rs ../python/tests/test_sdk_requests.py)
