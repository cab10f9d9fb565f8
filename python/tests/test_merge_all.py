"""merge_all over many dossiers, and the typed records of merge and diff results."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import defense_agreements as da

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "data" / "iran-syria-2020.json"
MERGE = ROOT / "examples" / "data" / "merge"
RUSSIA_IRAN = ROOT / "tests" / "fixtures" / "xref" / "russia-iran-2025"


def seed() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return doc


def other_kind() -> tuple[dict[str, Any], dict[str, Any], da.Resolver]:
    """The seed, and a copy (dossier `other`) calling the agreement a memorandum, judged the same."""
    a = seed()
    b = json.loads(json.dumps(a))
    b["id"] = "other"
    b["agreements"][0]["kind"] = "memorandum_of_understanding"
    agreement = a["agreements"][0]["id"]
    resolver = da.Resolver()
    resolver.add((a["id"], "agreement", agreement), ("other", "agreement", agreement), "same", by="test", on="2026-12-07")
    return a, b, resolver


def test_merge_all_of_two_is_merge() -> None:
    report = da.read_file(MERGE / "iran-syria-2020-report.json")[0]
    ap = da.read_file(MERGE / "iran-syria-2020-ap.json")[0]
    resolver = da.Resolver.load(MERGE / "iran-syria-2020.resolver.json")
    two = da.merge(report, ap, resolver)
    many = da.merge_all([report, ap], MERGE / "iran-syria-2020.resolver.json")
    assert many.dossier == two.dossier
    assert many.report.to_dict() == two.report.to_dict()


def test_merge_all_is_order_free() -> None:
    inputs = [da.read_file(f)[0] for f in sorted(RUSSIA_IRAN.glob("*.json"))][:4]
    resolver = da.Resolver()
    for c in da.xref(inputs):
        if c.likely:
            resolver.add(c.left, c.right, "same", by="test", on="2026-12-07")
    first = da.merge_all(inputs, resolver)
    assert len(first.merged) > 0 and len(first.disputes) > 0
    for order in itertools.permutations(inputs):
        again = da.merge_all(order, resolver)
        assert again.dossier.to_json() == first.dossier.to_json()
        assert again.report.to_dict() == first.report.to_dict()
    # Any iterable: a generator, JSON text, dicts.
    mixed = da.merge_all(d if i % 2 else d.to_json() for i, d in enumerate(inputs))
    assert mixed.dossier == da.merge_all(inputs).dossier


def test_merge_all_names_the_result() -> None:
    inputs = [da.read_file(MERGE / f)[0] for f in ("russia-dprk-2024-afp.json", "russia-dprk-2024-interfax.json")]
    resolver = da.Resolver.load(MERGE / "russia-dprk-2024.resolver.json")
    default = da.merge_all(inputs, resolver)
    assert default.dossier.id == min(d.id for d in inputs)
    named = da.merge_all(inputs, resolver, id="russia-dprk-2024", title="Russia–DPRK treaty, 2024")
    assert (named.dossier.id, named.dossier.title) == ("russia-dprk-2024", "Russia–DPRK treaty, 2024")
    assert named.dossier.agreement_ids == default.dossier.agreement_ids
    # The inputs' titles differ: a named conflict, unless the result's title was chosen.
    assert [n.code for n in default.named] == ["dossier_title"]
    assert [n.code for n in named.named] == []
    with pytest.raises(ValueError, match="id"):
        da.merge_all(inputs, id="Not An Id")
    with pytest.raises(ValueError, match="at least one"):
        da.merge_all([])
    with pytest.raises(TypeError, match="iterable of dossiers"):
        da.merge_all(inputs[0])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable of dossiers"):
        da.merge_all(inputs[0].to_json())
    with pytest.raises(da.ParseError):
        da.merge_all([inputs[0], "{not json"])


def test_a_conflict_is_typed_and_disputed() -> None:
    a, b, resolver = other_kind()
    result = da.merge(a, b, resolver)
    [conflict] = result.conflicts
    assert isinstance(conflict, da.Conflict)
    assert (conflict.kind, conflict.id, conflict.path) == ("agreement", "iran-syria-2020", "/kind")
    assert (conflict.kept, conflict.other) == ("military_cooperation", "memorandum_of_understanding")
    assert conflict.from_ == da.RecordKey("other", "agreement", "iran-syria-2020")
    assert conflict.sources == ["report"]
    [dispute] = result.disputes
    assert isinstance(dispute, da.DisputeAdded)
    assert (dispute.kind, dispute.record, dispute.path) == ("agreement", "iran-syria-2020", "/kind")
    merged_by = {m.by for m in result.merged}
    assert merged_by <= {"identifier", "resolver", "same_content"} and "resolver" in merged_by
    identified = [m for m in result.merged if m.by == "identifier"]
    assert identified and all(m.scheme and m.value for m in identified)
    assert all(m.scheme is None and m.value is None for m in result.merged if m.by != "identifier")
    # Without the judgement the agreements stay apart: the other one is renamed.
    apart = da.merge(a, b)
    assert [(r.from_.type, r.from_.id) for r in apart.renamed if r.from_.type == "agreement"] == [
        ("agreement", "iran-syria-2020")
    ]
    assert apart.conflicts == []


def test_a_not_same_judgement_keeps_apart_what_identifiers_join() -> None:
    a, b, _ = other_kind()
    joined = da.merge_all([a, b])
    assert any(m.from_ == da.RecordKey("other", "actor", "iran") and m.by == "identifier" for m in joined.merged)
    resolver = da.Resolver()
    resolver.add("iran-syria-2020/actors/iran", "other/actors/iran", "not_same", by="test", on="2026-12-07")
    apart = da.merge_all([a, b], resolver)
    assert not any(m.from_ == da.RecordKey("other", "actor", "iran") for m in apart.merged)
    assert da.RecordKey("other", "actor", "iran") in [r.from_ for r in apart.renamed]


def test_the_report_as_data_matches_the_typed_records() -> None:
    a, b, resolver = other_kind()
    result = da.merge_all([a, b], resolver)
    data = result.report.to_dict()
    assert [(m["from"]["id"], m["into"], m["by"]["type"]) for m in data["merged"]] == [
        (m.from_.id, m.into, m.by) for m in result.merged
    ]
    assert [(c["path"], c["kept"], c["other"]) for c in data["conflicts"]] == [
        (c.path, c.kept, c.other) for c in result.conflicts
    ]
    assert [n["name"] for n in data["names"]] == [n.name for n in result.names]
    assert result.report.merged[0].from_ == result.merged[0].from_
    assert not result.is_empty and not result.report.is_empty
    assert "MergeReport(" in repr(result.report) and "MergedRecord(" in repr(result.merged[0])


def test_diff_records_and_changes_are_typed() -> None:
    old = seed()
    new = json.loads(json.dumps(old))
    new["title"] = "A new title"
    removed = new["actors"].pop()
    new["sources"].append({"id": "added-source", "title": "An added source", "kind": "news_report"})
    d = da.diff(old, new)
    records = {(r.kind, r.id, r.change) for r in d.records}
    assert ("actor", removed["id"], "removed") in records
    assert ("source", "added-source", "added") in records
    title = next(c for c in d.changes if c.path == "/title")
    assert isinstance(title, da.Change) and (title.change, title.old, title.new) == ("changed", old["title"], "A new title")
    gone = next(c for c in d.changes if c.change == "removed" and c.old == removed)
    assert gone.new is None
    added = next(c for c in d.changes if c.change == "added" and c.path.startswith("/sources/"))
    assert added.old is None and added.new["id"] == "added-source"
    assert [r for r in d.records if isinstance(r, da.RecordChange)] == d.records


def cli() -> list[str]:
    """The command line: $DOSSIER_BIN, or built from this checkout with cargo."""
    if binary := os.environ.get("DOSSIER_BIN"):
        return [binary]
    if shutil.which("cargo") is None:
        pytest.skip("neither DOSSIER_BIN nor cargo: no command line to compare with")
    manifest = str(ROOT / "Cargo.toml")
    return ["cargo", "run", "-q", "--manifest-path", manifest, "-p", "defense-agreements-cli", "--"]


def test_a_resolver_built_in_python_merges_as_the_command_line_does(tmp_path: Path) -> None:
    files = sorted(RUSSIA_IRAN.glob("*.json"))
    inputs = [da.read_file(f)[0] for f in files]
    resolver = da.Resolver()
    for c in da.xref(inputs):
        if c.likely:
            resolver.add(c.left, c.right, "same", by="test", on="2026-12-07")
    resolver.save(tmp_path / "judgements.json")
    ours = da.merge_all(inputs, resolver)
    args = [*cli(), "merge", "--resolver", str(tmp_path / "judgements.json"), "--report", str(tmp_path / "report.json")]
    run = subprocess.run([*args, *map(str, files)], capture_output=True, text=True, check=False)
    assert run.stdout, run.stderr
    assert da.parse(run.stdout) == ours.dossier
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == ours.report.to_dict()
