"""The tables' `through` year: at most 9999, the last year a dossier's dates can name."""

from __future__ import annotations

from pathlib import Path

import pytest

import defense_agreements as da

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"


def test_a_through_year_past_9999_is_a_value_error() -> None:
    nato = da.read_file(DATA / "north-atlantic-treaty-1949.json")[0]
    with pytest.raises(ValueError, match="9999"):
        nato.tables(through=10**6)
    with pytest.raises(ValueError, match="9999"):
        da.corpus_tables((DATA / "us-japan-1960.json").read_text().replace("\n", " ") + "\n", through=10_000)


def test_through_9999_runs_an_open_spell_to_9999() -> None:
    us_japan = da.read_file(DATA / "us-japan-1960.json")[0]
    rows = us_japan.tables(through=9999, only=["dyad_years"])["dyad_years"]
    years = [row["year"] for row in rows if row["agreement_id"] == "us-japan-1960"]
    assert years == list(range(1960, 10_000))
