"""The research tables from Python: the same rows, row for row, as the command line's CSV."""

from __future__ import annotations

import csv
import datetime
import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

import defense_agreements as da

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
EXAMPLES = sorted(DATA.glob("*.json"))
THROUGH = 2024
Cell = int | str | datetime.date | None


def dossier_command() -> list[str]:
    """The command line: $DOSSIER_BIN, or built from this checkout with cargo."""
    if binary := os.environ.get("DOSSIER_BIN"):
        return [binary]
    if shutil.which("cargo") is None:
        pytest.skip("neither DOSSIER_BIN nor cargo: no command line to compare with")
    manifest = str(ROOT / "Cargo.toml")
    return ["cargo", "run", "-q", "--manifest-path", manifest, "-p", "defense-agreements-cli", "--"]


def cli_csv(tmp_path: Path, *inputs: Path) -> dict[str, list[dict[str, str]]]:
    """`dossier tables --format csv` of the inputs, read back: rows as dicts of strings."""
    out = tmp_path / "cli"
    args = ["tables", "--through", str(THROUGH), "--out", str(out), *map(str, inputs)]
    subprocess.run([*dossier_command(), *args], check=True, capture_output=True)
    tables = {}
    for name in da.table_columns():
        with open(out / f"{name}.csv", newline="", encoding="utf-8") as f:
            tables[name] = list(csv.DictReader(f))
    return tables


def as_csv(value: Cell) -> str:
    """A cell as the CSV writes it: an empty field for None, `YYYY-MM-DD` for a date."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def as_csv_rows(tables: Mapping[str, Iterable[dict[str, Cell]]]) -> dict[str, list[dict[str, str]]]:
    return {name: [{k: as_csv(v) for k, v in row.items()} for row in rows] for name, rows in tables.items()}


def test_one_example_gives_the_command_lines_csv_row_for_row(tmp_path: Path) -> None:
    manila = DATA / "manila-pact-1954.json"
    ours = da.read_file(manila)[0].tables(through=THROUGH)
    theirs = cli_csv(tmp_path, manila)
    assert list(ours) == list(theirs)
    for name in theirs:
        assert as_csv_rows(ours)[name] == theirs[name], name
    assert len(ours["members"]) == 8
    assert sum(len(rows) for rows in ours.values()) > 100


def test_the_corpus_of_every_example_gives_the_command_lines_csv(tmp_path: Path) -> None:
    lines = "".join(json.dumps(json.loads(p.read_text(encoding="utf-8"))) + "\n" for p in EXAMPLES)
    ours, report = da.corpus_tables(lines, through=THROUGH)
    assert report.is_valid and report.dossiers == len(EXAMPLES)
    assert as_csv_rows(ours) == cli_csv(tmp_path, *EXAMPLES)


def test_columns_are_the_files_and_the_dicts_keys() -> None:
    columns = da.table_columns()
    assert list(columns) == [
        "agreements",
        "members",
        "state_years",
        "dyad_years",
        "directed_dyad_years",
        "directed_dyad_intervals",
        "signatures",
        "troop_presences",
    ]
    tables = da.read_file(DATA / "north-atlantic-treaty-1949.json")[0].tables(through=THROUGH)
    for name, rows in tables.items():
        names = [c for c, _, _ in columns[name]]
        assert all(list(row) == names for row in rows), name
    assert ("start", "date", False) in columns["members"]
    assert ("end", "date", True) in columns["members"]
    assert ("ccode", "int", True) in columns["members"]


def test_values_are_typed_and_tuples_follow_the_column_order() -> None:
    dossier = da.read_file(DATA / "manila-pact-1954.json")[0]
    rows = dossier.tables(through=THROUGH)
    tuples = dossier.tables(through=THROUGH, as_tuples=True)
    for name in rows:
        assert [tuple(r.values()) for r in rows[name]] == list(tuples[name])
    pakistan = next(m for m in rows["members"] if m["actor_id"] == "pakistan")
    # The denunciation took effect on 1973-11-07: the spell ends the day before.
    assert pakistan["end"] == datetime.date(1973, 11, 6)
    assert pakistan["ccode"] == 770 and pakistan["end_year"] == 1973
    assert max(r["year"] for r in rows["state_years"] if isinstance(r["year"], int)) <= THROUGH


def test_through_defaults_to_this_year() -> None:
    dossier = da.read_file(DATA / "north-atlantic-treaty-1949.json")[0]
    assert dossier.tables() == dossier.tables(through=datetime.datetime.now(datetime.timezone.utc).year)


def test_a_corpus_skips_what_does_not_validate_and_reports_each_line(tmp_path: Path) -> None:
    good = json.dumps(json.loads((DATA / "us-japan-1960.json").read_text(encoding="utf-8")))
    broken = json.loads(good)
    broken["agreements"][0]["signatures"][0]["signer"] = "nobody"
    text = "\n".join([good, "{not json", "", json.dumps(broken), good]) + "\n"
    tables, report = da.corpus_tables(text.encode(), through=THROUGH)
    assert report.dossiers == 3  # the line that does not parse is an issue, not a dossier
    assert {(i.line, i.code) for i in report.errors} >= {(2, "syntax_error"), (4, "dangling_reference")}
    assert {i.line for i in report.errors} == {2, 4}
    single = da.parse(good).tables(through=THROUGH)
    assert {name: len(rows) for name, rows in tables.items()} == {n: 2 * len(r) for n, r in single.items()}
    path = tmp_path / "corpus.jsonl"
    path.write_text(text, encoding="utf-8")
    from_file, file_report = da.corpus_tables(path, through=THROUGH, as_tuples=True)
    assert {n: len(r) for n, r in from_file.items()} == {n: len(r) for n, r in tables.items()}
    assert [(i.line, i.code) for i in file_report] == [(i.line, i.code) for i in report]
    # A file name given as str is text, not a path: refused with the fix, not read as one bad line.
    with pytest.raises(TypeError, match="pass pathlib.Path"):
        da.corpus_tables(str(path))


def test_only_limits_the_tables() -> None:
    dossier = da.read_file(DATA / "manila-pact-1954.json")[0]
    members = dossier.tables(through=THROUGH, only=["members"])
    assert list(members) == ["members"] and members["members"] == dossier.tables(through=THROUGH)["members"]
    text = dossier.to_json() + "\n"
    tables, report = da.corpus_tables(text, through=THROUGH, only=("signatures", "agreements"))
    assert list(tables) == ["agreements", "signatures"] and report.dossiers == 1
    assert da.corpus_tables(text, only=[])[0] == {}
    with pytest.raises(ValueError, match="no table 'member'"):
        dossier.tables(only=["member"])
    # A wrong name is refused before the corpus is read (here: a path that does not exist).
    with pytest.raises(ValueError, match="no table 'member'"):
        da.corpus_tables(Path("no-such-corpus.jsonl"), only=["member"])


def test_corpus_tables_rejects_other_inputs() -> None:
    with pytest.raises(TypeError):
        da.corpus_tables(42)  # type: ignore[call-overload]
    with pytest.raises(FileNotFoundError):
        da.corpus_tables(Path("no-such-corpus.jsonl"))
