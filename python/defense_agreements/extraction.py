"""Asking a language model for a dossier, and reading its answer (docs/extraction.md).

``request()`` writes the request body for a provider's API (OpenAI Chat Completions or
Responses, Anthropic Messages, Gemini ``generateContent``): the extraction profile as the
structured output, the instructions (cite every fact, quote verbatim, resolve dates against the
publication date, date undated acts "on or before publication") and the article.
``answer_from()`` takes the model's answer, JSON text in the profile, out of the response body.
"""

from ._native import AnswerError, answer_from, endpoint, request

__all__ = ["AnswerError", "answer_from", "endpoint", "request"]
