"""defense_agreements.extraction: the profile, the answer loader, the quote check and extract()."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import defense_agreements as da
from defense_agreements import extraction

ROOT = Path(__file__).resolve().parents[2]
ANSWER = ROOT / "examples" / "extraction" / "iran-syria-2020.json"


def answer() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(ANSWER.read_text(encoding="utf-8"))
    return loaded


def quotes() -> list[str]:
    """Every quote of the sample answer citing its report."""
    return [q.quote for q in extraction.check_quotes(extraction.from_profile(answer()), "")]


def article(url: str = "https://example.org/news/iran-syria", skip_first: bool = False) -> dict[str, str | None]:
    qs = quotes()
    kept = [q for q in qs if not (skip_first and q == qs[0])]
    return {
        "url": url,
        "publisher": "Example News",
        "published": "2020-07-09",
        "title": "Iran and Syria sign",
        "text": " … ".join(kept),
    }


def test_profile_is_the_schema_a_model_is_given() -> None:
    profile = extraction.profile()
    assert profile["type"] == "object"
    assert set(profile["required"]) == set(profile["properties"])
    assert extraction.to_profile(extraction.from_profile(answer())) == answer()


def test_from_profile_refuses_duplicate_keys_with_their_path() -> None:
    text = json.dumps(answer())
    with pytest.raises(da.ParseError) as caught:
        extraction.from_profile('{"title": "x", ' + text[1:])
    assert (caught.value.code, caught.value.path) == ("duplicate_field", "/title")
    broken = answer()
    broken["actors"][0]["extensions"] = [{"key": "acme.x", "value": '{"k": 1, "k": 2}'}]
    with pytest.raises(da.ParseError) as caught:
        extraction.from_profile(json.dumps(broken))
    assert (caught.value.code, caught.value.path) == ("invalid_value", "/actors/0/extensions/0/value")


def test_extract_names_the_source_after_the_article_and_fills_it_in() -> None:
    result = extraction.extract(json.dumps(answer()), article())
    assert result.source == "example.org:news-iran-syria"
    assert result.ok and result.report.is_valid and not result.misquotes
    assert all(q.status == "exact" for q in result.quotes)
    source = next(s for s in result.dossier.to_dict()["sources"] if s["id"] == result.source)
    assert source["url"] == "https://example.org/news/iran-syria"
    assert (source["publisher"], source["published"]) == ("Example News", "2020-07-09")
    # Two articles' dossiers merge without renaming their sources.
    other = extraction.extract(answer(), article("https://apnews.com/article/x"))
    merged = da.merge(result.dossier, other.dossier)
    assert {s["id"] for s in merged.dossier.to_dict()["sources"]} >= {result.source, other.source}


def test_a_misquote_fails_or_drops_its_citation() -> None:
    missing = article(skip_first=True)
    with pytest.raises(extraction.MisquoteError) as caught:
        extraction.extract(answer(), missing)
    assert caught.value.code == "misquote"
    assert caught.value.path.endswith("/quote")
    assert caught.value.quotes and all(q.status == "misquoted" for q in caught.value.quotes)
    assert isinstance(caught.value, da.DossierError)

    dropped = extraction.extract(answer(), missing, on_misquote="drop")
    assert dropped.misquotes and all(q.quote == quotes()[0] for q in dropped.misquotes)
    kept = extraction.check_quotes(dropped.dossier, missing["text"] or "", source=dropped.source)
    assert kept and all(q.found for q in kept)


def test_normalized_quotes_say_which_normalization_they_needed() -> None:
    typeset = article()
    # No-break spaces where the answer has spaces, as many pages set them.
    typeset["text"] = (typeset["text"] or "").replace(" ", "\u00a0")
    with pytest.raises(extraction.MisquoteError):
        extraction.extract(answer(), typeset)
    result = extraction.extract(answer(), typeset, quotes="normalized")
    spaced = [q for q in result.quotes if " " in q.quote]
    assert spaced and all(q.status == "normalized" and q.normalizations == ["white_space"] for q in spaced)
    assert all(q.article_words == q.quote.replace(" ", "\u00a0") for q in spaced)
    # The dossier keeps the article's own words: an exact check of it passes.
    again = extraction.check_quotes(result.dossier, typeset["text"] or "", source=result.source)
    assert all(q.status == "exact" for q in again)


def test_quote_checks_trim_and_warn_about_short_quotes() -> None:
    dossier = extraction.from_profile(answer())
    reports = extraction.check_quotes(dossier, "Iran", quotes="normalized", min_quote=1000)
    assert reports and all(q.short for q in reports)
    assert all(not q.found for q in reports if q.quote.strip() != "Iran")
    with pytest.raises(ValueError):
        extraction.check_quotes(dossier, "", quotes="fuzzy")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        extraction.extract(answer(), article(), on_misquote="ignore")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        extraction.extract(answer(), 42)  # type: ignore[arg-type]


@pytest.mark.skipif(
    not (os.environ.get("DOSSIER_BIN") or shutil.which("dossier")), reason="no dossier command to compare with"
)
def test_extract_agrees_with_the_command_line(tmp_path: Path) -> None:
    binary = os.environ.get("DOSSIER_BIN") or shutil.which("dossier") or "dossier"
    article_file = tmp_path / "article.json"
    article_file.write_text(json.dumps(article()), encoding="utf-8")
    run = subprocess.run(
        [binary, "extract", "--article", str(article_file), str(ANSWER)], capture_output=True, check=True
    )
    from_cli = da.parse(run.stdout)
    assert from_cli == extraction.extract(answer(), article()).dossier
