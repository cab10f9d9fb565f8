"""The pictures from Python: Dossier.timeline_svg(), Dossier.report_html() and the HTML a
notebook shows (_repr_html_), on the example dossiers."""

import datetime
import re
import xml.dom.minidom
from pathlib import Path

import pytest

import defense_agreements as da

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"


def load(name: str) -> da.Dossier:
    return da.parse((DATA / name).read_text(encoding="utf-8"))


def test_timeline_svg_draws_every_party_of_the_collective_security_treaty() -> None:
    cst = load("collective-security-treaty-1992.json")
    svg = cst.timeline_svg(as_of=datetime.date(2026, 1, 1))
    document = xml.dom.minidom.parseString(svg)
    lanes = [g.getAttribute("data-actor") for g in document.getElementsByTagName("g") if g.getAttribute("data-actor")]
    parties = [p["actor"] for p in cst.to_dict()["agreements"][0]["parties"]]
    assert lanes == parties
    # The same picture as the command line's (docs/img/), by the same options.
    assert svg == cst.timeline_svg("collective-security-treaty", as_of="2026-01-01", disputes="undisputed")
    committed = (DATA.parents[1] / "docs" / "img" / "collective-security-treaty.svg").read_text(encoding="utf-8")
    assert svg + "\n" == committed


def test_unknown_agreements_and_bad_options_raise() -> None:
    nato = load("north-atlantic-treaty-1949.json")
    with pytest.raises(KeyError, match="no agreement 'warsaw-pact'"):
        nato.timeline_svg("warsaw-pact")
    with pytest.raises(ValueError):
        nato.timeline_svg(as_of="yesterday")
    with pytest.raises(ValueError):
        nato.timeline_svg(disputes="loudest")  # type: ignore[arg-type]


def test_the_report_and_the_notebook_view() -> None:
    seed = load("iran-syria-2020.json")
    page = seed.report_html(as_of="2026-01-01", disputes="any_alternative")
    assert page.startswith("<!DOCTYPE html>")
    assert "Who signed for Syria" in page
    shown = seed._repr_html_()
    # A fragment for a notebook: no page, no global styles, one picture per agreement.
    assert shown.startswith("<div") and "<html" not in shown and "<style" not in shown
    assert shown.count("<svg ") == len(seed.agreement_ids) == 2
    assert "Iran–Syria comprehensive military agreement" in shown
    # Counts read as English, one in the singular: "1 dispute".
    assert "2 agreements, 2 sources, 1 dispute" in shown, shown[:300]


def test_the_python_snippets_of_docs_pictures_md_run(monkeypatch: pytest.MonkeyPatch) -> None:
    root = DATA.parents[1]
    snippets = re.findall(r"```python\n(.*?)```", (root / "docs" / "pictures.md").read_text(encoding="utf-8"), re.S)
    assert snippets
    monkeypatch.chdir(root)
    for code in snippets:
        exec(compile(code, "docs/pictures.md", "exec"), {})
