"""The extraction profile passes the providers' own SDK schema converters, offline:

- Anthropic: `anthropic.transform_schema` (what `messages.parse` applies to an output format)
  accepts the profile and changes nothing but what the API documents as unsupported
  (`pattern`, `minimum`, `maximum`, and the root's `$schema`/`$id`, moved into descriptions;
  `type` beside an `enum` left out, the values carrying it).
- OpenAI: the SDK's strict-schema pass (`openai.lib._pydantic._ensure_strict_json_schema`, what
  `to_strict_json_schema` and `pydantic_function_tool` apply) leaves the profile unchanged: it is
  already strict.

Both converted schemas still accept every profile document given on the command line."""

import copy
import json
import pathlib
import sys
from importlib.metadata import version

import anthropic
from jsonschema import Draft202012Validator
from openai.lib._pydantic import _ensure_strict_json_schema

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROFILE = ROOT / "schemas" / "dossier.extraction.schema.json"
# Moved into descriptions by the Anthropic SDK, as the API documents them unsupported.
ANTHROPIC_MOVED = {"pattern", "minimum", "maximum"}
ANTHROPIC_MOVED_AT_ROOT = ANTHROPIC_MOVED | {"$schema", "$id"}


def compare(original, converted, path, problems):
    """Same schema tree, except keywords the SDK moved into the description."""
    if not isinstance(original, dict):
        if original != converted:
            problems.append(f"{path}: {original!r} became {converted!r}")
        return
    moved = ANTHROPIC_MOVED_AT_ROOT if path == "#" else ANTHROPIC_MOVED
    for key, value in original.items():
        if key in moved and key not in converted:
            if f"{key}: " not in converted.get("description", ""):
                problems.append(f"{path}: {key} dropped, not moved into the description")
            continue
        if key == "type" and "enum" in converted:
            # The SDK writes a literal as a bare `enum`; the values carry the type.
            continue
        if key not in converted:
            problems.append(f"{path}: {key} lost")
        elif key == "description":
            if not converted[key].startswith(value):
                problems.append(f"{path}: description rewritten")
        elif key in ("properties", "$defs"):
            for name, sub in value.items():
                compare(sub, converted[key].get(name), f"{path}/{key}/{name}", problems)
        elif key == "anyOf":
            for i, (a, b) in enumerate(zip(value, converted[key])):
                compare(a, b, f"{path}/anyOf/{i}", problems)
        elif key == "items":
            compare(value, converted[key], f"{path}/items", problems)
        elif value != converted[key]:
            problems.append(f"{path}: {key} {value!r} became {converted[key]!r}")
    for key in converted:
        if key not in original and key != "description":
            problems.append(f"{path}: {key} added")


def main(documents):
    print(f"anthropic {version('anthropic')}, openai {version('openai')}, jsonschema {version('jsonschema')}")
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    problems = []

    try:
        for_anthropic = anthropic.transform_schema(copy.deepcopy(profile))
    except Exception as e:  # the failure the issue reports is an AssertionError
        for_anthropic = None
        problems.append(f"anthropic.transform_schema failed: {type(e).__name__}: {e}")
    if for_anthropic is not None:
        compare(profile, for_anthropic, "#", problems)

    original = copy.deepcopy(profile)
    for_openai = _ensure_strict_json_schema(copy.deepcopy(profile), path=(), root=original)
    if for_openai != profile:
        diffs = []
        compare_plain(profile, for_openai, "#", diffs)
        problems.append("the OpenAI SDK's strict pass changed the profile: " + "; ".join(diffs[:5]))

    for name, schema in [("anthropic", for_anthropic), ("openai", for_openai)]:
        if schema is None:
            continue
        validator = Draft202012Validator(schema)
        for path in documents:
            doc = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
            for e in list(validator.iter_errors(doc))[:3]:
                problems.append(f"{name}: {path}: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")

    for p in problems:
        print("  FAIL", p)
    print(f"sdk converters: {'FAILED' if problems else 'ok'} ({len(documents)} profile document(s))")
    return 1 if problems or not documents else 0


def compare_plain(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in set(a) | set(b):
            if key not in a or key not in b:
                out.append(f"{path}: {key} {'added' if key not in a else 'removed'}")
            else:
                compare_plain(a[key], b[key], f"{path}/{key}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            compare_plain(x, y, f"{path}/{i}", out)
    elif a != b:
        out.append(f"{path}: {a!r} became {b!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
