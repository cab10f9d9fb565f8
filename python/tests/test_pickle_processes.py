"""Dossiers and resolvers as objects in other processes: pickling and process pools."""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import defense_agreements as da

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "data").glob("*.json"))


def examples() -> list[da.Dossier]:
    return [da.read_file(f)[0] for f in EXAMPLES]


def in_worker(dossier: da.Dossier) -> tuple[str, int, list[str], da.Dossier]:
    """What a worker process sees of a dossier it was sent, and the dossier sent back."""
    return dossier.id, len(dossier.validate().errors), dossier.agreement_ids, dossier


def test_every_example_pickles_to_an_equal_dossier() -> None:
    for dossier in examples():
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(dossier, protocol=protocol))
            assert isinstance(again, da.Dossier)
            assert again == dossier and again.to_json() == dossier.to_json()
        assert copy.copy(dossier) == dossier and copy.deepcopy(dossier) == dossier
        # What travels is the canonical JSON, parsed again by the constructor.
        constructor, (text,) = dossier.__reduce__()
        assert constructor is da.Dossier and text == dossier.to_json()
        assert da.Dossier(text) == dossier


def test_the_constructor_parses_as_parse_does() -> None:
    text = EXAMPLES[0].read_text(encoding="utf-8")
    assert da.Dossier(text) == da.Dossier(text.encode()) == da.parse(text)
    with pytest.raises(da.ParseError):
        da.Dossier("{not json")


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_dossiers_travel_to_worker_processes_and_back(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    dossiers = examples()
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        results = list(pool.map(in_worker, dossiers))
    for dossier, (id_, errors, agreements, back) in zip(dossiers, results):
        assert (id_, errors, agreements) == (dossier.id, len(dossier.validate().errors), dossier.agreement_ids)
        assert back == dossier


def test_resolvers_and_record_keys_pickle() -> None:
    resolver = da.Resolver.load(ROOT / "examples" / "data" / "merge" / "iran-syria-2020.resolver.json")
    resolver.add("a/people/x", "b/people/x", "same", by="me", on="2026-12-07", reason="same post")
    again = pickle.loads(pickle.dumps(resolver))
    assert again == resolver and again.judgements[-1].reason == "same post"
    # A copy, not the same log: adding to one leaves the other as it was.
    again.add("a/people/y", "b/people/y", "unsure", by="me", on="2026-12-07")
    assert len(again) == len(resolver) + 1
    key = resolver.judgements[0].left
    assert pickle.loads(pickle.dumps(key)) == key


def test_reports_come_back_from_worker_processes() -> None:
    files = [*EXAMPLES, ROOT / "tests" / "fixtures" / "invalid" / "dangling_reference.json"]
    with ProcessPoolExecutor(2) as pool:
        reports = list(pool.map(da.validate_file, files))
    for path, report in zip(files, reports):
        here = da.validate_file(path)
        assert isinstance(report, da.Report) and report.issues == here.issues
        assert (report.dossiers, report.is_valid) == (here.dossiers, here.is_valid)
    assert not reports[-1].is_valid and reports[-1].errors[0].code == "dangling_reference"
    issue = da.Issue("/x", "some_rule", "warning", "why", line=3)
    assert pickle.loads(pickle.dumps(issue)) == issue and not issue.is_error
    with pytest.raises(ValueError, match="severity"):
        da.Issue("/x", "some_rule", "fatal", "why")  # type: ignore[arg-type]
