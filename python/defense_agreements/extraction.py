"""From an article to a checked dossier with a language model (docs/extraction.md).

``profile()`` is the extraction profile, the JSON Schema to give a model as its structured
output. ``request()`` writes the request body for a provider's API (OpenAI Chat Completions or
Responses, Anthropic Messages, Gemini ``generateContent``): the profile as the structured output,
the instructions (cite every fact, quote verbatim, resolve dates against the publication date,
date undated acts "on or before publication") and the article. ``answer_from()`` takes the
model's answer, JSON text in the profile, out of the response body.

``extract(answer, article)`` reads the model's answer (a key given twice is a ``ParseError``
with its path), names the article's source after the article and fills it in (URL, outlet,
publication date, headline), checks every quote against the article's text and validates the
dossier, as ``dossier extract`` does. ``from_profile()`` and ``check_quotes()`` are the steps
alone; ``to_profile()`` writes a dossier in the profile's shape.
"""

from ._native import (
    AnswerError,
    Extracted,
    MisquoteError,
    QuoteReport,
    answer_from,
    check_quotes,
    endpoint,
    extract,
    from_profile,
    profile,
    request,
    to_profile,
)

__all__ = [
    "AnswerError",
    "Extracted",
    "MisquoteError",
    "QuoteReport",
    "answer_from",
    "check_quotes",
    "endpoint",
    "extract",
    "from_profile",
    "profile",
    "request",
    "to_profile",
]
