#!/usr/bin/env python3
"""Dead links in the crate's rendered documentation (`cargo doc` output).

Every relative link of every page under target/doc/defense_agreements/ must lead to a file that
exists and, when it names a fragment, to an element with that id. Links out (http, https,
mailto) are not followed: the check runs offline. rustdoc checks intra-doc links itself; this
catches the Markdown links of the embedded guides (docs/*.md, README.md, CHANGELOG.md), which
rustdoc passes through unchecked and which break when a page is read on docs.rs rather than on
GitHub (`[x](performance.md)` is no page there). Images too: a relative `<img src>` must be a file
(a guide's `img/x.svg` is none on docs.rs; build.rs writes such pictures inline), and a `data:`
image is refused, since docs.rs's content security policy blocks it (img-src 'self' https:).

Usage: python3 scripts/check_doc_links.py [DOC_DIR]   (default target/doc); exit 1 on a dead link.
"""

from __future__ import annotations

import html
import re
import sys
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

HREF = re.compile(r'\shref="([^"]*)"')
ID = re.compile(r'\sid="([^"]*)"')
IMG_SRC = re.compile(r'<img\s[^>]*?\bsrc="([^"]*)"')


@lru_cache(maxsize=None)
def ids_of(page: Path) -> frozenset[str]:
    text = page.read_text(encoding="utf-8", errors="replace")
    return frozenset(html.unescape(m) for m in ID.findall(text))


def is_line_range(target: Path, fragment: str) -> bool:
    """A source page's `#12-30`: rustdoc's script highlights the lines, no element has the id."""
    return "src" in target.parts and re.fullmatch(r"\d+(-\d+)?", fragment) is not None


def dead_links(doc_dir: Path, crate: str) -> list[str]:
    dead = []
    for page in sorted((doc_dir / crate).rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        for raw in HREF.findall(text):
            href = html.unescape(raw)
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("javascript:"):
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path))
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(doc_dir)}: {href}"
            if not target.resolve().is_file():
                dead.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html" and not is_line_range(target, parts.fragment):
                ids = ids_of(target.resolve())
                if parts.fragment not in ids and unquote(parts.fragment) not in ids:
                    dead.append(f"{where} (no such anchor)")
        for raw in IMG_SRC.findall(text):
            src = html.unescape(raw)
            parts = urlsplit(src)
            where = f"{page.relative_to(doc_dir)}: <img src=\"{src[:60]}\">"
            if parts.scheme == "data":
                dead.append(f"{where} (a data: image, blocked on docs.rs)")
            elif not (parts.scheme or parts.netloc) and not (page.parent / unquote(parts.path)).resolve().is_file():
                dead.append(f"{where} (no such file)")
    return dead


def main() -> int:
    doc_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "target/doc")
    if not (doc_dir / "defense_agreements" / "index.html").is_file():
        print(f"no documentation in {doc_dir}: run cargo doc first", file=sys.stderr)
        return 2
    dead = dead_links(doc_dir, "defense_agreements")
    for line in dead:
        print(line)
    pages = sum(1 for _ in (doc_dir / "defense_agreements").rglob("*.html"))
    print(f"{pages} pages, {len(dead)} dead links", file=sys.stderr)
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
