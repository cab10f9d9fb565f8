"""xref's candidates and evidence, and judgements, as objects in other processes: pickling
through their JSON form, and process pools started by spawn."""

from __future__ import annotations

import copy
import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import defense_agreements as da

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "fixtures" / "xref" / "australia-png-2025"


def candidates() -> list[da.Candidate]:
    found = da.xref([da.read_file(f)[0] for f in sorted(REPORTS.glob("*.json"))])
    # People and agreements, likely pairs and unlikely ones (evidence against included).
    assert any(c.likely for c in found) and any(not c.likely for c in found)
    assert any(e.weight < 0 for c in found for e in c.evidence)
    return found


def judgement() -> da.Judgement:
    resolver = da.Resolver()
    return resolver.add("a/agreement/x", "b/agreement/y", "not_same", by="me", on="2026-12-08", reason="two dates")


def seen(c: da.Candidate) -> tuple[str, str, int, bool, list[tuple[str, int, dict[str, Any], str]]]:
    """Everything a reader of a candidate sees."""
    evidence = [(e.type, e.weight, e.details, str(e)) for e in c.evidence]
    return str(c.left), str(c.right), c.score, c.likely, evidence


def test_candidates_and_evidence_pickle_to_what_they_were() -> None:
    for c in candidates():
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(c, protocol=protocol))
            assert isinstance(again, da.Candidate)
            assert seen(again) == seen(c) and again.to_dict() == c.to_dict() and str(again) == str(c)
        assert seen(copy.deepcopy(c)) == seen(c)
        for e in c.evidence:
            back = pickle.loads(pickle.dumps(e))
            assert isinstance(back, da.Evidence)
            assert (back.type, back.weight, back.details, str(back)) == (e.type, e.weight, e.details, str(e))


def test_the_dict_form_is_the_json_form() -> None:
    c = candidates()[0]
    data = c.to_dict()
    assert data == json.loads(c.to_json())
    assert data["score"] == c.score and data["left"]["dossier"] == c.left.dossier
    assert data["left"]["type"] == c.left.type and data["right"]["id"] == c.right.id
    assert [e["type"] for e in data["evidence"]] == [e.type for e in c.evidence]
    for e, d in zip(c.evidence, data["evidence"]):
        assert e.to_dict() == d == {"type": e.type, **e.details}
    # What travels is the JSON form, read back by a class method.
    constructor, (text,) = c.__reduce__()
    assert text == c.to_json() and seen(constructor(text)) == seen(c)


def test_judgements_pickle_and_keep_the_resolver_checks() -> None:
    j = judgement()
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(j, protocol=protocol))
        assert isinstance(again, da.Judgement) and again == j
        assert (again.decision, again.decided_by, again.decided_at, again.reason) == ("not_same", "me", "2026-12-08", "two dates")
    assert j.to_dict() == json.loads(j.to_json())
    assert j.to_dict()["judgement"] == "not_same" and j.to_dict()["left"] == {"dossier": "a", "type": "agreement", "id": "x"}
    # The way back refuses what a resolver document refuses.
    constructor, (text,) = j.__reduce__()
    data = json.loads(text)
    for broken, match in [
        ({**data, "decided_by": " "}, "decided_by"),
        ({**data, "right": {"dossier": "b", "type": "person", "id": "y"}}, "one kind"),
        ({**data, "judgement": "maybe"}, "judgement JSON"),
    ]:
        with pytest.raises(ValueError, match=match):
            constructor(json.dumps(broken))
    c = candidates()[0]
    from_candidate, _ = c.__reduce__()
    with pytest.raises(ValueError, match="candidate JSON"):
        from_candidate("{}")
    from_evidence, _ = c.evidence[0].__reduce__()
    with pytest.raises(ValueError, match="evidence JSON"):
        from_evidence('{"type": "no_such_evidence"}')


def in_worker(c: da.Candidate, j: da.Judgement) -> tuple[int, int, str, da.Candidate, da.Judgement]:
    """What a worker process sees of a candidate and a judgement it was sent, and both sent back."""
    return c.score, sum(e.weight for e in c.evidence), j.decision, c, j


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_candidates_and_judgements_travel_to_worker_processes_and_back(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    found = candidates()
    j = judgement()
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        results = list(pool.map(in_worker, found, [j] * len(found)))
    for c, (score, weights, decision, back, back_j) in zip(found, results):
        assert score == c.score and score == max(0, min(100, weights)) and decision == "not_same"
        assert seen(back) == seen(c) and back_j == j
