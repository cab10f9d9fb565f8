"""What a Python user does with round-5 results: slice and pickle tables, compare results."""

from __future__ import annotations

import datetime
import json
import pickle
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import defense_agreements as da
from defense_agreements import extraction

ROOT = Path(__file__).resolve().parents[2]
NATO = ROOT / "examples" / "data" / "north-atlantic-treaty-1949.json"
SEED = ROOT / "examples" / "data" / "iran-syria-2020.json"
MERGE = ROOT / "examples" / "data" / "merge"


def nato() -> da.Dossier:
    [dossier] = da.read_file(NATO)
    return dossier


def test_a_table_slices_as_the_list_of_rows_it_replaces() -> None:
    members = nato().tables(through=2024)["members"]
    rows = members.rows()
    assert members[1:4] == rows[1:4]
    assert members[:2] == rows[:2] and members[::-1] == rows[::-1] and members[-3:] == rows[-3:]
    assert members[100:] == []
    first: dict[str, Any] = members[0]
    assert first == rows[0]
    tuples = nato().tables(through=2024, as_tuples=True)["members"]
    assert tuples[:2] == tuples.tuples()[:2]
    with pytest.raises(TypeError, match="integers or slices"):
        members["actor_id"]  # type: ignore[call-overload]


def test_a_table_pickles_with_its_schema_and_rows() -> None:
    tables = nato().tables(through=2024)
    for name, table in tables.items():
        again = pickle.loads(pickle.dumps(table))
        assert isinstance(again, da.Table)
        assert again == table, name
        assert (again.name, again.column_names, len(again)) == (name, table.column_names, len(table))
    # An empty table keeps its columns; tuples stay tuples.
    empty = tables["troop_presences"]
    assert len(empty) == 0 and pickle.loads(pickle.dumps(empty)).column_names == empty.column_names
    tuples = nato().tables(through=2024, as_tuples=True)["members"]
    assert pickle.loads(pickle.dumps(tuples))[0] == tuples[0]


def test_a_table_rebuilt_refuses_rows_that_do_not_fit() -> None:
    rebuild = da._native._table_from_tuples
    with pytest.raises(ValueError, match="no table"):
        rebuild("nope", [])
    with pytest.raises(ValueError, match="cells"):
        rebuild("members", [("x",)])
    with pytest.raises(TypeError, match="table cell"):
        rebuild("agreements", [(1.5,) * len(da.table_columns()["agreements"])])  # type: ignore[list-item]


def members_table(path: str) -> da.Table[dict[str, da._native._Cell]]:
    """A worker's share of a corpus: its members table."""
    tables, _ = da.corpus_tables(Path(path), through=2024, only=["members"])
    return tables["members"]


def test_tables_come_back_from_worker_processes() -> None:
    with ProcessPoolExecutor(1) as pool:
        [members] = list(pool.map(members_table, [str(NATO)]))
    assert members == nato().tables(through=2024)["members"]
    assert members[0]["start"] == datetime.date(1949, 8, 24)


def test_merge_results_compare_by_value() -> None:
    report = da.read_file(MERGE / "iran-syria-2020-report.json")[0]
    ap = da.read_file(MERGE / "iran-syria-2020-ap.json")[0]
    resolver = MERGE / "iran-syria-2020.resolver.json"
    one, two = da.merge(report, ap, resolver), da.merge(ap, report, resolver)
    assert one.report == two.report and one == two
    alone = da.merge(report, ap)
    assert one.report != alone.report and one != alone
    assert "disputes=1" in repr(one)


def test_conflicts_compare_by_value() -> None:
    a: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    b: dict[str, Any] = json.loads(json.dumps(a))
    b["id"] = "other"
    b["agreements"][0]["kind"] = "memorandum_of_understanding"
    resolver = da.Resolver()
    resolver.add((a["id"], "agreement", "iran-syria-2020"), ("other", "agreement", "iran-syria-2020"), "same", by="t")
    [first] = da.merge(a, b, resolver).conflicts
    [again] = da.merge(b, a, resolver).conflicts
    assert first == again
    b["agreements"][0]["kind"] = "defense_pact"
    [other] = da.merge(a, b, resolver).conflicts
    assert first != other


def test_a_diff_compares_and_gives_its_plain_data() -> None:
    [old] = da.read_file(SEED)
    data = old.to_dict()
    data["title"] = "Iran–Syria military agreement"
    d = da.diff(old, data)
    assert d == da.diff(old, data) and d != da.diff(old, old)
    assert d.changes == da.diff(old, data).changes
    plain = d.to_dict()
    assert sorted(plain) == ["changes", "patch", "records"]
    assert plain["changes"] == [
        {"change": "changed", "path": "/title", "old": old.title, "new": "Iran–Syria military agreement"}
    ]
    assert plain["patch"] == d.patch


def test_the_package_docstring_reads_once() -> None:
    doc = da.__doc__ or ""
    assert doc.count("See") == 1 and doc.count("``merge()``") == 1


PNG = ROOT / "examples" / "pipeline" / "us-papua-new-guinea-2023"


def test_extraction_reads_answer_and_article_files_from_paths() -> None:
    answer, article = PNG / "answers" / "upi.json", PNG / "articles" / "upi.json"
    by_path = extraction.extract(answer, article)
    by_text = extraction.extract(answer.read_text(encoding="utf-8"), json.loads(article.read_text(encoding="utf-8")))
    assert by_path.dossier == by_text.dossier and by_path.source == by_text.source
    assert extraction.from_profile(answer) == extraction.from_profile(answer.read_bytes())
    body = extraction.request(article, provider="anthropic", model="claude")
    assert body == extraction.request(json.loads(article.read_text(encoding="utf-8")), provider="anthropic", model="claude")
    with pytest.raises(FileNotFoundError, match="missing.json"):
        extraction.extract(PNG / "answers" / "missing.json", article)
    with pytest.raises(ValueError, match="not an article file"):
        extraction.extract(answer, answer)
    # A str stays text, never a file name.
    with pytest.raises(da.ParseError):
        extraction.from_profile(str(answer))


def test_a_lone_surrogate_in_an_answer_is_a_parse_error() -> None:
    with pytest.raises(da.ParseError, match="U\\+D800") as e:
        extraction.from_profile('{"id": "\ud800"}')
    assert e.value.code == "syntax_error"
    with pytest.raises(da.ParseError, match="U\\+DCFF"):
        extraction.answer_from('{"content": "\udcff"}', provider="anthropic")


def test_check_quotes_refuses_a_source_the_dossier_does_not_have() -> None:
    article = json.loads((PNG / "articles" / "upi.json").read_text(encoding="utf-8"))
    done = extraction.extract(PNG / "answers" / "upi.json", article)
    checked = extraction.check_quotes(done.dossier, article["text"], source=done.source)
    assert len(checked) == len(done.quotes) > 0
    # The default source, `report`, was renamed after the article: no silent empty check.
    with pytest.raises(ValueError, match="no source 'report'.*upi.com"):
        extraction.check_quotes(done.dossier, article["text"])


def test_dossier_tables_let_other_threads_run() -> None:
    # Every year to 4000 of every NATO dyad: seconds of work, during which a Python thread must
    # get the interpreter (the tables are built without the GIL). Counted, not timed.
    ticks = 0
    done = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        members = nato().tables(through=4000, only=["members"])["members"]
    finally:
        done.set()
        ticker.join()
    assert len(members) == 15
    assert ticks > 20
