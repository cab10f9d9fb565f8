"""From a model's answer to a checked dossier (docs/extraction.md).

``profile()`` is the extraction profile, the JSON Schema to give a model as its structured
output. ``extract(answer, article)`` reads the model's answer in that shape (a key given twice
is a ``ParseError`` with its path), names the article's source after the article and fills it
in (URL, outlet, publication date, headline), checks every quote against the article's text
and validates the dossier, as ``dossier extract`` does. ``from_profile()`` and
``check_quotes()`` are the steps alone; ``to_profile()`` writes a dossier in the profile's
shape.
"""

from ._native import (
    Extracted,
    MisquoteError,
    QuoteReport,
    check_quotes,
    extract,
    from_profile,
    profile,
    to_profile,
)

__all__ = [
    "Extracted",
    "MisquoteError",
    "QuoteReport",
    "check_quotes",
    "extract",
    "from_profile",
    "profile",
    "to_profile",
]
