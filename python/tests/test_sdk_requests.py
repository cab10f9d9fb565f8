"""extraction.request() bodies through the providers' official Python SDKs, offline.

Each SDK gets a mock HTTP transport (httpx2.MockTransport, which all three SDKs' clients take):
no request leaves the machine. For every provider the test checks that the SDK accepts our body
as its own arguments, that what it sends is our body (the profile as the structured output,
the instructions, the article) at the address ``extraction.endpoint()`` names, and that a
canned response in the shape of the provider's API reference goes through ``answer_from()``
and the extraction to a valid dossier.

The SDKs are pinned in python/ci/requirements-sdk.txt and installed by scripts/ci_sdk.sh,
which sets SDK_TESTS_REQUIRED=1; without them (the package's own test run) these tests skip.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from pathlib import Path
from typing import Any, Literal

import pytest

import defense_agreements as da

ROOT = Path(__file__).resolve().parents[2]
SEED_ANSWER = ROOT / "examples" / "extraction" / "iran-syria-2020.json"
PIPELINE = ROOT / "examples" / "pipeline"
PROFILE = ROOT / "schemas" / "dossier.extraction.schema.json"
Provider = Literal["openai-chat", "openai-responses", "anthropic", "gemini"]
PROVIDERS: list[Provider] = ["openai-chat", "openai-responses", "anthropic", "gemini"]
MODELS: dict[Provider, str] = {
    "openai-chat": "gpt-4.1",
    "openai-responses": "gpt-4.1",
    "anthropic": "claude-sonnet-4-5",
    "gemini": "gemini-2.5-flash",
}


def _sdk(name: str) -> Any:
    """The module, or a skip when the SDKs are not installed (a failure under ci_sdk.sh)."""
    if os.environ.get("SDK_TESTS_REQUIRED"):
        return importlib.import_module(name)
    return pytest.importorskip(name)


def _quotes(value: Any, source: str, out: list[str]) -> list[str]:
    """Every quote citing `source`, in document order."""
    if isinstance(value, dict):
        if value.get("source") == source and isinstance(value.get("quote"), str):
            out.append(value["quote"])
        for child in value.values():
            _quotes(child, source, out)
    elif isinstance(value, list):
        for child in value:
            _quotes(child, source, out)
    return out


def _seed_pair() -> tuple[str, dict[str, Any], str]:
    """The sample answer of docs/extraction.md, with an article made of its quotes (the seed's
    report text is not in the repository) and the report's own URL, outlet and date."""
    answer = SEED_ANSWER.read_text(encoding="utf-8")
    doc = json.loads(answer)
    report = next(s for s in doc["sources"] if s["id"] == "report")
    article = {
        "text": "\n\n".join(dict.fromkeys(_quotes(doc, "report", []))),
        "url": report["url"],
        "publisher": report["publisher"],
        "published": report["published"],
        "title": report["title"],
    }
    return "iran-syria-2020", article, answer


def _pairs() -> list[tuple[str, dict[str, Any], str]]:
    """The seed, and every article of examples/pipeline/ with its answer."""
    pairs = [_seed_pair()]
    for article_file in sorted(PIPELINE.glob("*/articles/*.json")):
        answer_file = article_file.parent.parent / "answers" / article_file.name
        if answer_file.exists():
            name = f"{article_file.parent.parent.name}/{article_file.stem}"
            article = json.loads(article_file.read_text(encoding="utf-8"))
            pairs.append((name, article, answer_file.read_text(encoding="utf-8")))
    return pairs


def _canned_response(provider: Provider, body: dict[str, Any], answer: str) -> dict[str, Any]:
    """A successful response carrying `answer`, shaped as each provider's API reference shows
    one (ids, usage and the echoed settings included, so the SDKs parse it as they would a real
    one)."""
    if provider == "openai-chat":
        return {
            "id": "chatcmpl-BzQ5pA3n8F2x9kLmW4tYvR7sJd1Ec",
            "object": "chat.completion",
            "created": 1752055200,
            "model": "gpt-4.1-2025-04-14",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": answer, "refusal": None, "annotations": []},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": 14210,
                "completion_tokens": 3120,
                "total_tokens": 17330,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {
                    "reasoning_tokens": 0,
                    "audio_tokens": 0,
                    "accepted_prediction_tokens": 0,
                    "rejected_prediction_tokens": 0,
                },
            },
            "service_tier": "default",
            "system_fingerprint": "fp_b3f1157249",
        }
    if provider == "openai-responses":
        return {
            "id": "resp_686e3b2f6a3c81a2b5d1f7e0c4a9d8e20f1b2c3d4e5f6a7b",
            "object": "response",
            "created_at": 1752055200,
            "status": "completed",
            "error": None,
            "incomplete_details": None,
            "instructions": body["instructions"],
            "max_output_tokens": None,
            "model": "gpt-4.1-2025-04-14",
            "output": [
                {
                    "id": "msg_686e3b30a1b081a2a9c4d2e6f7b8c9d00f1b2c3d4e5f6a7b",
                    "type": "message",
                    "status": "completed",
                    "role": "assistant",
                    "content": [{"type": "output_text", "text": answer, "annotations": [], "logprobs": []}],
                }
            ],
            "parallel_tool_calls": True,
            "previous_response_id": None,
            "reasoning": {"effort": None, "summary": None},
            "store": True,
            "temperature": 1.0,
            "text": body["text"],
            "tool_choice": "auto",
            "tools": [],
            "top_p": 1.0,
            "truncation": "disabled",
            "usage": {
                "input_tokens": 14210,
                "input_tokens_details": {"cached_tokens": 0},
                "output_tokens": 3120,
                "output_tokens_details": {"reasoning_tokens": 0},
                "total_tokens": 17330,
            },
            "user": None,
            "metadata": {},
        }
    if provider == "anthropic":
        return {
            "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-5-20250929",
            # A forced tool call: the tool_use block alone, no text before it.
            "content": [
                {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "record_dossier", "input": json.loads(answer)}
            ],
            "stop_reason": "tool_use",
            "stop_sequence": None,
            "usage": {
                "input_tokens": 15032,
                "output_tokens": 3408,
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": 0,
                "service_tier": "standard",
            },
        }
    return {
        "candidates": [
            {
                "content": {"parts": [{"text": answer}], "role": "model"},
                "finishReason": "STOP",
                "avgLogprobs": -0.0421,
                "index": 0,
            }
        ],
        "usageMetadata": {
            "promptTokenCount": 13876,
            "candidatesTokenCount": 3011,
            "totalTokenCount": 16887,
            "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 13876}],
        },
        "modelVersion": "gemini-2.5-flash",
        "responseId": "x8VtaLfSJ4a2nvgP6tKU4Aw",
    }


class Recorder:
    """A mock transport's handler: keeps every request, answers each with `response`."""

    def __init__(self, httpx2: Any, response: dict[str, Any]) -> None:
        self.httpx2 = httpx2
        self.response = response
        self.requests: list[Any] = []

    def __call__(self, request: Any) -> Any:
        self.requests.append(request)
        return self.httpx2.Response(200, json=self.response, headers={"content-type": "application/json"})

    def client(self) -> Any:
        return self.httpx2.Client(transport=self.httpx2.MockTransport(self))


def _send(provider: Provider, body: dict[str, Any], recorder: Recorder) -> Any:
    """Our body through the provider's SDK, as a pipeline would pass it; the SDK's result."""
    model = MODELS[provider]
    if provider in ("openai-chat", "openai-responses"):
        openai = _sdk("openai")
        client = openai.OpenAI(api_key="sk-test", http_client=recorder.client(), max_retries=0)
        if provider == "openai-chat":
            return client.chat.completions.create(**body)
        return client.responses.create(**body)
    if provider == "anthropic":
        anthropic = _sdk("anthropic")
        client = anthropic.Anthropic(api_key="sk-ant-test", http_client=recorder.client(), max_retries=0)
        return client.messages.create(**body)
    genai = _sdk("google.genai")
    types = _sdk("google.genai.types")
    client = genai.Client(api_key="test-key", http_options=types.HttpOptions(httpx_client=recorder.client()))
    # The SDK's config takes the REST body's generationConfig fields and the system instruction.
    config = types.GenerateContentConfig.model_validate(
        {**body["generationConfig"], "systemInstruction": body["systemInstruction"]}
    )
    return client.models.generate_content(model=model, contents=body["contents"], config=config)


def _schema_of(provider: Provider, body: dict[str, Any]) -> Any:
    """The structured-output schema of a request body, and that it is asked for strictly where
    the provider has a strict mode the profile fits."""
    if provider == "openai-chat":
        assert body["response_format"]["type"] == "json_schema"
        assert body["response_format"]["json_schema"]["strict"] is True
        return body["response_format"]["json_schema"]["schema"]
    if provider == "openai-responses":
        assert body["text"]["format"]["type"] == "json_schema" and body["text"]["format"]["strict"] is True
        return body["text"]["format"]["schema"]
    if provider == "anthropic":
        assert body["tool_choice"] == {"type": "tool", "name": body["tools"][0]["name"]}
        return body["tools"][0]["input_schema"]
    assert body["generationConfig"]["responseMimeType"] == "application/json"
    return body["generationConfig"]["responseJsonSchema"]


def _messages(provider: Provider, body: dict[str, Any]) -> tuple[str, str]:
    """The system prompt and the user's message of a request body."""
    if provider == "openai-chat":
        return body["messages"][0]["content"], body["messages"][1]["content"]
    if provider == "openai-responses":
        return body["instructions"], body["input"][0]["content"]
    if provider == "anthropic":
        return body["system"], body["messages"][0]["content"]
    return body["systemInstruction"]["parts"][0]["text"], body["contents"][0]["parts"][0]["text"]


def _sdk_result_json(provider: Provider, result: Any) -> str:
    """The SDK's result object back as response JSON, as a pipeline that kept it would save it."""
    if provider == "gemini":
        # google-genai's models are snake_case in Python, camelCase (the REST names) by alias.
        return str(result.model_dump_json(by_alias=True, exclude_none=True))
    return str(result.model_dump_json())


def _extract(answer: str, article: dict[str, Any]) -> Any:
    """The answer read as `dossier extract` reads it, misquotes dropped, typographic variants
    of the article's words allowed (the real reporting has them: examples/pipeline/README.md)."""
    extract = getattr(da.extraction, "extract", None)
    if extract is None:
        pytest.skip("extraction.extract() is not in this build")
    return extract(answer, article, quotes="normalized", on_misquote="drop")


PAIRS = _pairs()


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("pair", PAIRS, ids=[name for name, _, _ in PAIRS])
def test_the_sdk_sends_our_body_and_its_answer_extracts(provider: Provider, pair: tuple[str, dict[str, Any], str]) -> None:
    httpx2 = _sdk("httpx2")
    _, article, answer = pair
    model = MODELS[provider]
    body = da.extraction.request(article, provider=provider, model=model)
    recorder = Recorder(httpx2, _canned_response(provider, body, answer))

    result = _send(provider, body, recorder)

    # The SDK accepted the body and sent it, once, where endpoint() says.
    assert len(recorder.requests) == 1
    sent_request = recorder.requests[0]
    assert sent_request.method == "POST"
    assert str(sent_request.url) == da.extraction.endpoint(provider=provider, model=model)
    sent = json.loads(sent_request.content)
    # What the SDK sent is our body: nothing of ours dropped or changed (an SDK may add its own
    # defaults, which would be listed here).
    assert {k: sent.get(k) for k in body} == body
    assert set(sent) - set(body) == set()
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    del profile["$schema"], profile["$id"]
    assert _schema_of(provider, sent) == profile
    system, user = _messages(provider, sent)
    assert article["text"] in user
    assert "Cite every fact" in system and "Quotes are verbatim" in system
    published = article.get("published") or ""
    if re.match(r"\d{4}-\d{2}-\d{2}", published):
        assert f"../{published[:10]}" in system  # the undated-act rule names the day

    # The canned response's answer comes out of the raw body and of the SDK's own result.
    raw = recorder.response
    assert json.loads(da.extraction.answer_from(json.dumps(raw), provider=provider)) == json.loads(answer)
    from_sdk = da.extraction.answer_from(_sdk_result_json(provider, result), provider=provider)
    assert json.loads(from_sdk) == json.loads(answer)

    # And the extraction makes a valid dossier of it, citing the article under its own id.
    extracted = _extract(from_sdk, article)
    assert extracted.ok, [str(i) for i in extracted.report.errors]
    assert extracted.dossier.validate().is_valid
    sources = {s["id"]: s for s in extracted.dossier.to_dict()["sources"]}
    assert extracted.source in sources and "report" not in sources
    if article.get("url"):
        assert sources[extracted.source]["url"] == article["url"]
    assert extracted.quotes and all(q.found for q in extracted.quotes), extracted.misquotes


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_response_without_an_answer_raises_answer_error(provider: Provider) -> None:
    cuts: dict[Provider, dict[str, Any]] = {
        "openai-chat": {"choices": [{"index": 0, "finish_reason": "length", "message": {"content": "{", "refusal": None}}]},
        "openai-responses": {"status": "incomplete", "incomplete_details": {"reason": "max_output_tokens"}, "output": []},
        "anthropic": {"type": "message", "stop_reason": "max_tokens", "content": []},
        "gemini": {"candidates": [{"finishReason": "MAX_TOKENS", "content": {"parts": [{"text": "{"}]}}]},
    }
    cut = cuts[provider]
    with pytest.raises(da.extraction.AnswerError) as caught:
        da.extraction.answer_from(cut, provider=provider)
    assert caught.value.code == "truncated"
