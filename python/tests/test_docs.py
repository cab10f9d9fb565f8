"""Every Python snippet of docs/python.md runs as written, from the repository root."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "python.md").read_text(encoding="utf-8"), re.S)


def test_there_are_snippets() -> None:
    assert len(SNIPPETS) >= 5


@pytest.mark.parametrize("code", SNIPPETS, ids=[f"snippet{i}" for i in range(len(SNIPPETS))])
def test_snippet_runs(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "docs/python.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    # A comment after a print shows what it prints: the output must contain it.
    for shown in re.findall(r"print\(.*\)\s+# (.+)", code):
        if not shown.startswith(("ids ", "ATOP", "the first")):
            assert shown.strip() in out, f"{shown!r} not printed; got:\n{out}"
