"""Inputs that are not Unicode text, and files read one way everywhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import defense_agreements as da

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "data" / "iran-syria-2020.json"
MANILA = ROOT / "examples" / "data" / "manila-pact-1954.json"


def with_surrogate() -> tuple[str, dict[str, Any]]:
    """The seed with a lone surrogate in its title, as JSON text (not escaped) and as a dict."""
    doc: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    doc["title"] = "Iran\ud800Syria"
    return json.dumps(doc, ensure_ascii=False), doc


def test_a_lone_surrogate_in_a_str_is_a_parse_error_with_its_path() -> None:
    text, _ = with_surrogate()
    with pytest.raises(da.ParseError) as caught:
        da.parse(text)
    err = caught.value
    assert err.path == "/title" and err.code == "syntax_error"
    assert f"U+D800 (not Unicode text) at character {text.index(chr(0xD800))}" in err.message
    assert not isinstance(err, UnicodeError)
    with pytest.raises(da.ParseError, match="U\\+D800"):
        da.Dossier(text)
    with pytest.raises(da.ParseError, match="U\\+D800"):
        da.merge(text, SEED.read_text(encoding="utf-8"))
    with pytest.raises(da.ParseError, match="U\\+D800"):
        da.merge_all([text])
    with pytest.raises(da.ParseError, match="U\\+D800"):
        da.xref([text])
    with pytest.raises(da.ParseError, match="U\\+D800"):
        da.diff(text, text)


def test_a_lone_surrogate_in_a_dict_is_a_parse_error_with_its_path() -> None:
    _, doc = with_surrogate()
    with pytest.raises(da.ParseError) as caught:
        da.parse(doc)
    assert caught.value.path == "/title"


def test_validate_reports_a_lone_surrogate_as_an_issue() -> None:
    text, _ = with_surrogate()
    report = da.validate(text)
    [issue] = report.errors
    assert (issue.path, issue.code) == ("/title", "syntax_error") and "U+D800" in issue.message
    assert report.dossiers == 0


def test_corpus_tables_reports_the_line_holding_a_surrogate() -> None:
    text, _ = with_surrogate()
    lines = MANILA.read_text(encoding="utf-8").replace("\n", " ") + "\n" + text.replace("\n", " ") + "\n"
    tables, report = da.corpus_tables(lines, through=2000, only=["members"])
    assert [(i.line, i.path) for i in report.errors] == [(2, "/title")]
    assert tables["members"] == da.parse(MANILA.read_text(encoding="utf-8")).tables(through=2000)["members"]


def test_a_resolver_with_a_lone_surrogate_is_a_parse_error() -> None:
    with pytest.raises(da.ParseError) as caught:
        da.Resolver('{"resolver_version": "1.0", "judgements": [], "x": "\ud83d"}')
    assert caught.value.code == "invalid_resolver" and "U+D83D" in str(caught.value)


def test_corpus_tables_reads_a_single_dossier_file_as_validate_file_does(tmp_path: Path) -> None:
    tables, report = da.corpus_tables(MANILA, through=2000)
    assert report.is_valid and report.dossiers == 1 and len(report) == len(da.validate_file(MANILA))
    assert tables == da.read_file(MANILA)[0].tables(through=2000)
    # A pretty-printed JSON Lines name is still read line by line, unless told otherwise.
    pretty = tmp_path / "manila.jsonl"
    pretty.write_text(MANILA.read_text(encoding="utf-8"), encoding="utf-8")
    assert not da.corpus_tables(pretty)[1].is_valid
    assert da.corpus_tables(pretty, jsonl=False, through=2000)[0] == tables
    assert da.validate_file(pretty, jsonl=False).is_valid
    assert len(da.read_file(pretty, jsonl=False)) == 1
    # A broken single document: one error, no line, no tables.
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    tables, report = da.corpus_tables(broken)
    assert [(i.line, i.code) for i in report.errors] == [(None, "syntax_error")]
    assert all(rows == [] for rows in tables.values())


def test_ndjson_is_json_lines_everywhere(tmp_path: Path) -> None:
    lines = tmp_path / "corpus.ndjson"
    one = da.read_file(MANILA)[0].to_json()
    seed = da.read_file(SEED)[0].to_json()
    lines.write_text(one + "\n" + seed + "\n", encoding="utf-8")
    assert [d.id for d in da.read_file(lines)] == ["manila-pact-1954", "iran-syria-2020"]
    assert da.validate_file(lines).dossiers == 2
    assert da.corpus_tables(lines)[1].dossiers == 2
    with pytest.raises(da.ParseError):
        da.read_file(lines, jsonl=False)
