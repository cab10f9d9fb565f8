"""The Python package against the repository's data: the same verdicts as the crate."""

from __future__ import annotations

import datetime
import faulthandler
import importlib.metadata
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import defense_agreements as da

if sys.version_info >= (3, 11):
    import tomllib

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
SEED = DATA / "iran-syria-2020.json"
INVALID = ROOT / "tests" / "fixtures" / "invalid"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def broken_seed() -> dict[str, object]:
    """The seed with a signer nobody has heard of."""
    doc: dict[str, Any] = json.loads(seed_text())
    doc["agreements"][0]["signatures"][0]["signer"] = "nobody"
    return doc


def test_parse_accepts_str_bytes_and_dict() -> None:
    text = seed_text()
    from_str = da.parse(text)
    assert from_str == da.parse(text.encode()) == da.parse(json.loads(text))
    assert from_str.id == "iran-syria-2020"
    assert from_str.schema_version in ("1.0", "1.1", "1.2")
    assert da.parse(from_str.to_json()) == from_str
    assert da.parse(from_str.to_json(pretty=True)) == from_str
    assert da.parse(from_str.to_dict()) == from_str
    with pytest.raises(TypeError):
        da.parse(42)  # type: ignore[arg-type]


def test_parse_errors_carry_path_and_code() -> None:
    doc = json.loads(seed_text())
    doc["agreements"][0]["bogus"] = 1
    with pytest.raises(da.ParseError) as caught:
        da.parse(doc)
    err = caught.value
    assert isinstance(err, da.DossierError) and isinstance(err, ValueError)
    assert err.path == "/agreements/0/bogus"
    assert err.code == "unknown_field"
    assert err.line is None
    assert "bogus" in err.message
    with pytest.raises(da.ParseError) as caught:
        da.parse("{")
    assert caught.value.code == "syntax_error"


def test_every_invalid_fixture_reports_exactly_its_expected_issues() -> None:
    fixtures = sorted(INVALID.glob("*.json"))
    assert len(fixtures) > 20
    for fixture in fixtures:
        text = fixture.read_text(encoding="utf-8")
        expected = sorted((e["code"], e["path"]) for e in json.loads(text)["extensions"]["test.expect"])
        report = da.validate(text)
        assert sorted((i.code, i.path) for i in report) == expected, fixture.name
        assert report.dossiers == 1
        assert all(i.severity in ("error", "warning") and i.message for i in report)
        # Named after its code: an error code makes the document invalid.
        assert report.is_valid == all(i.severity == "warning" for i in report.issues), fixture.name


def test_valid_examples_are_valid() -> None:
    for path in sorted(DATA.glob("*.json")):
        report = da.validate(path.read_bytes())
        assert report.is_valid, f"{path.name}: {report}"
        report.raise_for_errors()


def test_validation_error_carries_the_first_errors_path_and_code() -> None:
    report = da.validate(broken_seed())
    assert not report.is_valid
    assert len(report.errors) == 1 and not report.warnings
    issue = report.errors[0]
    assert (issue.path, issue.code, issue.severity, issue.is_error) == (
        "/agreements/0/signatures/0/signer",
        "dangling_reference",
        "error",
        True,
    )
    assert str(issue).startswith("/agreements/0/signatures/0/signer: error: dangling_reference: ")
    assert "dangling_reference" in repr(issue)
    with pytest.raises(da.ValidationError) as caught:
        report.raise_for_errors()
    assert caught.value.path == issue.path
    assert caught.value.code == "dangling_reference"
    assert caught.value.issues == report.issues
    # The same through a parsed Dossier.
    assert da.parse(broken_seed()).validate().issues == report.issues
    assert da.validate(da.parse(broken_seed())).issues == report.issues


def test_a_document_that_does_not_parse_is_one_issue() -> None:
    report = da.validate(b'{"schema_version": "1.0", "id": "x", "actors": 3}')
    assert report.dossiers == 0
    assert [(i.path, i.code) for i in report] == [("/actors", "invalid_type")]
    assert not report.is_valid


def test_validate_file_streams_json_lines_with_line_numbers(tmp_path: Path) -> None:
    good = json.dumps(json.loads(seed_text()))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(f"{good}\n\n{json.dumps(broken_seed())}\nnot json\n{good}\n", encoding="utf-8")
    report = da.validate_file(corpus)
    assert report.dossiers == 3
    assert sorted((i.line, i.code) for i in report) == [(3, "dangling_reference"), (4, "syntax_error")]
    assert str(report.issues[0]).startswith("line 3: ")
    # By name, or by request.
    renamed = tmp_path / "corpus.txt"
    renamed.write_text(corpus.read_text(encoding="utf-8"), encoding="utf-8")
    assert da.validate_file(renamed).dossiers == 0
    assert da.validate_file(str(renamed), jsonl=True).dossiers == 3
    assert da.validate_file(SEED).is_valid
    with pytest.raises(FileNotFoundError):
        da.validate_file(tmp_path / "missing.jsonl")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_validate_file_releases_the_gil(tmp_path: Path) -> None:
    # The reader blocks on the pipe until this thread writes to it: if validate_file held the
    # GIL while reading, this thread could never write and the worker would never finish.
    # A deadlock cannot be caught from Python: a watchdog thread outside the GIL ends the
    # process (a failure, with every thread's traceback) instead of letting it hang.
    faulthandler.dump_traceback_later(120, exit=True)
    pipe = tmp_path / "stream.jsonl"
    os.mkfifo(pipe)
    result: list[da.Report] = []
    worker = threading.Thread(target=lambda: result.append(da.validate_file(pipe)), daemon=True)
    worker.start()
    with open(pipe, "w", encoding="utf-8") as out:
        for _ in range(3):
            out.write(json.dumps(json.loads(seed_text())) + "\n")
    worker.join(timeout=60)
    faulthandler.cancel_dump_traceback_later()
    assert not worker.is_alive(), "validate_file held the GIL"
    assert result[0].dossiers == 3 and result[0].is_valid


def test_read_file() -> None:
    [dossier] = da.read_file(SEED)
    assert dossier.id == "iran-syria-2020"
    with pytest.raises(FileNotFoundError):
        da.read_file(ROOT / "no" / "such.json")


def test_status_and_binding_follow_the_lifecycle() -> None:
    [manila] = da.read_file(DATA / "manila-pact-1954.json")
    assert manila.agreement_ids == ["manila-pact"]
    assert manila.status("manila-pact") == "in_force"
    assert manila.status("manila-pact", on="1954-01-01") == "negotiated"
    assert "pakistan" in manila.ancestry("pakistan")
    assert "manila-pact" in manila.agreements_of("pakistan")
    # Pakistan left the Manila Pact on 7 November 1973.
    assert manila.agreements_binding("pakistan", datetime.date(1960, 1, 1)) == ["manila-pact"]
    assert manila.agreements_binding("pakistan", "1975-01-01") == []
    assert manila.is_bound("manila-pact", "pakistan", datetime.datetime(1960, 1, 1, 12, 0))
    assert not manila.is_bound("manila-pact", "pakistan", "1975-01-01")
    assert not manila.is_bound("manila-pact", "nobody", "1960-01-01")
    assert manila.is_bound_toward("manila-pact", "pakistan", "united-states", "1960-01-01")
    assert not manila.is_bound_toward("manila-pact", "pakistan", "united-states", "1975-01-01")
    assert manila.party_status("manila-pact", "pakistan", "1960-01-01") == "bound"
    assert manila.party_status("manila-pact", "pakistan", "1975-01-01") == "withdrawn"
    assert manila.party_status("manila-pact", "nobody", "1975-01-01") == "not_a_party"
    [span] = manila.binding_intervals("manila-pact", "pakistan")
    assert span.from_ <= datetime.date(1960, 1, 1) and span.until is not None
    assert datetime.date(1973, 1, 1) < span.until <= datetime.date(1974, 12, 31)
    assert span.contains("1960-01-01") and not span.contains(span.until)
    assert span.closed_by is not None
    timeline = manila.timeline("manila-pact")
    assert [e.day for e in timeline] == sorted(e.day for e in timeline)
    assert timeline[0].status in ("signed", "negotiated")
    assert any(e.event == "entry_into_force" and e.status == "in_force" for e in timeline)
    with pytest.raises(ValueError):
        manila.is_bound("manila-pact", "Not An Id!", "1960-01-01")
    with pytest.raises(KeyError):
        manila.status("no-such-agreement")
    with pytest.raises(ValueError):
        manila.status("manila-pact", on="1960-13-01")
    with pytest.raises(TypeError):
        manila.status("manila-pact", on=1960)  # type: ignore[arg-type]


def test_forces_in_a_country() -> None:
    seed = da.parse(seed_text())
    assert seed.forces_in("SYR")
    assert seed.forces_in("ISL") == []
    with pytest.raises(ValueError):
        seed.forces_in("XXX")


def test_codings() -> None:
    [nato] = da.read_file(DATA / "north-atlantic-treaty-1949.json")
    [row] = [c for c in nato.codings() if c.agreement == "north-atlantic-treaty"]
    assert row.dossier == nato.id
    assert (row.defense, row.offense, row.cow_type, row.alliance, row.defense_cooperation) == (
        "conditional",
        "absent",
        "I",
        True,
        False,
    )
    assert "cow_type='I'" in repr(row)


def test_the_dispute_policy_decides_what_counts() -> None:
    """The seed's report names Defense Minister Ayyoub as Syria's signer, AP President Assad."""
    seed = da.parse(seed_text())

    def signers(disputes: Any) -> list[tuple[object, object]]:
        rows = seed.tables(through=2024, only=["signatures"], disputes=disputes)["signatures"]
        return [(r["signer_id"], r["disputed"]) for r in rows if r["agreement_id"] == "iran-syria-2020"]

    assert signers(None) == signers("undisputed") == [("bagheri", 0)]
    assert signers("any_alternative") == [("bagheri", 0), ("ayyoub", 1), ("assad", 1)]
    # One outlet each, neither graded: unresolved.
    assert signers("best_supported") == [("bagheri", 0)]
    lines = seed_text().replace("\n", " ") + "\n"
    tables, report = da.corpus_tables(lines, through=2024, only=["signatures"], disputes="any_alternative")
    assert report.is_valid and len(tables["signatures"]) == 3
    for disputes in (None, "undisputed", "any_alternative", "best_supported"):
        assert seed.status("iran-syria-2020", disputes=disputes) == seed.status("iran-syria-2020")
        assert [c.agreement for c in seed.codings(disputes=disputes)] == ["iran-syria-2020", "astana-understandings"]
    unknown: Any = "most"
    with pytest.raises(ValueError, match="best_supported"):
        seed.codings(disputes=unknown)


def test_schema_is_the_committed_one() -> None:
    assert da.schema() == (ROOT / "schemas" / "dossier.schema.json").read_text(encoding="utf-8")
    assert da.SCHEMA_VERSION in da.schema()


def test_version_is_the_workspace_version() -> None:
    # One version for the library, the command line and this package (Cargo.toml's
    # [workspace.package]); the wheel's metadata says the same.
    if sys.version_info < (3, 11):
        pytest.skip("tomllib is new in Python 3.11")
    with open(ROOT / "Cargo.toml", "rb") as f:
        workspace = tomllib.load(f)["workspace"]["package"]
    assert da.__version__ == workspace["version"]
    assert importlib.metadata.version("defense-agreements") == da.__version__


MERGE = DATA / "merge"


def apply_patch(doc: Any, patch: list[dict[str, Any]]) -> Any:
    """RFC 6902 add, remove and replace, by hand: the patch must say what changed."""
    for op in patch:
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in op["path"].split("/")[1:]]
        if not tokens:
            assert op["op"] == "replace"
            doc = op["value"]
            continue
        parent = doc
        for t in tokens[:-1]:
            parent = parent[int(t)] if isinstance(parent, list) else parent[t]
        last = tokens[-1]
        if isinstance(parent, list):
            if op["op"] == "add":
                parent.insert(len(parent) if last == "-" else int(last), op["value"])
            elif op["op"] == "remove":
                del parent[int(last)]
            else:
                parent[int(last)] = op["value"]
        elif op["op"] == "remove":
            del parent[last]
        else:
            assert op["op"] in ("add", "replace"), op
            parent[last] = op["value"]
    return doc


def test_merge_keeps_both_syrian_signers() -> None:
    report = da.read_file(MERGE / "iran-syria-2020-report.json")[0]
    ap = (MERGE / "iran-syria-2020-ap.json").read_text(encoding="utf-8")
    resolver = (MERGE / "iran-syria-2020.resolver.json").read_text(encoding="utf-8")
    result = da.merge(report, ap, resolver)
    assert isinstance(result, da.MergeResult)
    merged = result.dossier
    # The inputs are taken in a canonical order (by id): AP's dossier comes first, whatever the
    # order of the arguments.
    assert merged.id == "iran-syria-2020-ap"
    assert merged.validate().is_valid
    # The two states by their identifiers, the agreement by the resolver's judgement.
    assert [m.by for m in result.merged] == ["identifier", "identifier", "resolver"]
    assert result.merged[2].from_ == da.RecordKey("iran-syria-2020-report", "agreement", "iran-syria-2020")
    assert result.renamed == [] and result.conflicts == []
    assert len(result.names) == 1 and not result.is_empty
    # The report's dossier title is not lost: a named conflict.
    assert [c.code for c in result.named] == ["dossier_title"]
    assert result.uncited == []
    as_dict = result.report.to_dict()
    assert sorted(as_dict) == ["conflicts", "disputes", "merged", "named", "names", "renamed", "uncited"]
    assert [m["by"]["type"] for m in as_dict["merged"]] == [m.by for m in result.merged]
    assert [n["code"] for n in as_dict["named"]] == ["dossier_title"]
    # The two signers the reports name become the alternatives of one dispute.
    [dispute] = result.disputes
    assert dispute.record == "iran-syria-2020" and dispute.path == "/signatures"
    agreement = merged.to_dict()["agreements"][0]
    syrian = [s["signer"] for s in agreement["signatures"] if s["party"] == "syria"]
    assert syrian == ["assad", "ayyoub"]
    assert "MergeResult(" in repr(result)


def test_merge_without_resolver_keeps_the_agreements_apart() -> None:
    report = (MERGE / "iran-syria-2020-report.json").read_text(encoding="utf-8")
    ap = json.loads((MERGE / "iran-syria-2020-ap.json").read_text(encoding="utf-8"))
    result = da.merge(report, ap)
    assert [m.by for m in result.merged] == ["identifier", "identifier"]
    # The report's agreement (the second in the canonical order) names an unrelated record: it
    # is renamed.
    assert [r.from_.id for r in result.renamed] == ["iran-syria-2020"]
    assert len(result.dossier.agreement_ids) == len(da.parse(report).agreement_ids) + 1


def test_merge_errors_are_the_package_errors() -> None:
    with pytest.raises(da.ParseError) as bad_input:
        da.merge('{"id": 1}', seed_text())
    assert bad_input.value.code
    with pytest.raises(da.ParseError) as bad_resolver:
        da.merge(seed_text(), seed_text(), {"resolver_version": "2.0"})
    assert bad_resolver.value.code == "invalid_resolver"
    assert isinstance(bad_resolver.value, da.DossierError)
    with pytest.raises(TypeError):
        da.merge(seed_text(), seed_text(), 42)  # type: ignore[arg-type]


def test_diff_of_a_dossier_with_itself_is_empty() -> None:
    seed = da.parse(seed_text())
    d = da.diff(seed, seed_text())
    assert d.is_empty and len(d) == 0
    assert d.records == [] and d.changes == [] and d.patch == []


def test_a_patch_applied_by_hand_gives_the_new_version() -> None:
    old = json.loads(seed_text())
    new = json.loads(seed_text())
    new["title"] = "A new title"
    removed = new["actors"].pop()["id"]
    new["sources"].append({"id": "added-source", "title": "An added source", "kind": "news_report"})
    d = da.diff(old, new)
    assert not d.is_empty
    assert ("changed", "/title", old["title"], "A new title") in [(c.change, c.path, c.old, c.new) for c in d.changes]
    assert any(r.id == removed and r.change == "removed" and r.kind == "actor" for r in d.records)
    assert apply_patch(da.parse(old).to_dict(), d.patch) == da.parse(new).to_dict()
    assert da.diff(new, old).patch != d.patch
    with pytest.raises(da.ParseError):
        da.diff(old, "{not json")
