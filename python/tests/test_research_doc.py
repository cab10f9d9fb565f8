"""Every snippet of docs/research.md runs, in order, as a notebook would: the Python blocks share
one namespace, each print's `# comment` must be a line of what it printed, and each SQL block
runs on the DuckDB connection `con` the page makes, giving exactly the rows shown under it
(`-- a | b`, NULL for a null). A print followed by lines of `# ` comments shows its
whole output. Needs pandas, polars, pyarrow and duckdb
(python/ci/requirements-arrow.txt); skipped without them.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "research.md"
BLOCKS = re.findall(r"```(python|sql)\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)

for module in ("pyarrow", "pandas", "polars", "duckdb"):
    pytest.importorskip(module)


def shown_rows(sql: str) -> list[str]:
    return [line.removeprefix("-- ") for line in sql.splitlines() if line.startswith("-- ")]


def as_text(value: object) -> str:
    return "NULL" if value is None else str(value)


def test_the_page_answers_each_question_in_python_and_sql() -> None:
    assert sum(lang == "python" for lang, _ in BLOCKS) >= 4
    assert sum(lang == "sql" for lang, _ in BLOCKS) >= 3
    assert all(shown_rows(code) for lang, code in BLOCKS if lang == "sql")


def test_every_snippet_runs_and_shows_what_it_gives() -> None:
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for n, (lang, code) in enumerate(BLOCKS):
            if lang == "python":
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    exec(compile(code, f"docs/research.md block {n}", "exec"), namespace)
                printed = [line.rstrip() for line in out.getvalue().splitlines()]
                for shown in re.findall(r"^print\(.*\)\s+# (.+)$", code, re.M):
                    assert shown.rstrip() in printed, f"block {n}: {shown!r} not printed; got:\n{out.getvalue()}"
                # A print followed by comment lines shows a whole output, line for line.
                for shown in re.findall(r"^print\(.*\)\n((?:# .*\n)+)", code, re.M):
                    lines = [line.removeprefix("# ").rstrip() for line in shown.splitlines()]
                    start = printed.index(lines[0]) if lines[0] in printed else -1
                    assert printed[start : start + len(lines)] == lines, f"block {n}: not printed:\n{shown}"
            else:
                con = namespace["con"]
                rows = con.sql(code).fetchall()  # type: ignore[attr-defined]
                got = [" | ".join(as_text(v) for v in row) for row in rows]
                assert got == shown_rows(code), f"block {n}:\n{code}"
    finally:
        os.chdir(cwd)
