"""Checks schemas/dossier.extraction.schema.json against the structured-output rules the
providers document (docs/extraction.md cites them), and validates the profile documents given
on the command line against it.

Fails on any rule every provider states (closed objects, every property required, no
unsupported keyword, OpenAI's published size limits). Anthropic's per-request grammar limits
(optional and union-typed parameters) are counted and printed, not enforced: the full profile
exceeds them by design (docs/extraction.md says what to do)."""

import json
import pathlib
import sys

from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROFILE = ROOT / "schemas" / "dossier.extraction.schema.json"

# The keywords the profile may use: those in all three providers' lists (OpenAI strict mode,
# Anthropic structured outputs, Gemini responseJsonSchema), plus the constraints some providers
# enforce and the others ignore or move into the description (pattern, minimum, maximum).
COMMON = {"type", "properties", "required", "additionalProperties", "items", "anyOf", "enum",
          "description", "title", "$ref", "$defs"}
CONSTRAINTS = {"pattern", "minimum", "maximum"}
ROOT_ONLY = {"$schema", "$id"}

# OpenAI Structured Outputs, "Supported schemas" (limits as published).
OPENAI_MAX_PROPERTIES = 5000
OPENAI_MAX_NESTING = 10
OPENAI_MAX_ENUM_VALUES = 1000
OPENAI_MAX_STRING_LENGTH = 120_000
OPENAI_LARGE_ENUM = 250
OPENAI_LARGE_ENUM_MAX_LENGTH = 15_000
# Anthropic structured outputs / strict tool use, per request (printed, not enforced).
ANTHROPIC_MAX_OPTIONAL = 24
ANTHROPIC_MAX_UNION = 16


def subschemas(schema, path="#"):
    """Every subschema with its JSON Pointer (not the values of enum)."""
    yield path, schema
    for key, child in schema.items():
        if key in ("properties", "$defs"):
            for name, sub in child.items():
                yield from subschemas(sub, f"{path}/{key}/{name}")
        elif key == "anyOf":
            for i, sub in enumerate(child):
                yield from subschemas(sub, f"{path}/{key}/{i}")
        elif key in ("items", "additionalProperties") and isinstance(child, dict):
            yield from subschemas(child, f"{path}/{key}")


def resolve(root, schema):
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].removeprefix("#/$defs/")]
    return schema


def is_union(root, schema):
    return "anyOf" in schema or isinstance(schema.get("type"), list)


def expanded(root, schema, depth, stats, stack):
    """Walks the schema with every $ref inlined, as a provider compiling it sees it."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        if name in stack:
            stats["recursive"].add(name)
            return
        return expanded(root, root["$defs"][name], depth, stats, stack + (name,))
    if "properties" in schema:
        depth += 1
        stats["depth"] = max(stats["depth"], depth)
        for sub in schema["properties"].values():
            stats["properties"] += 1
            if is_union(root, sub):
                stats["union_properties"] += 1
            expanded(root, sub, depth, stats, stack)
    for sub in schema.get("anyOf", []):
        expanded(root, sub, depth, stats, stack)
    if isinstance(schema.get("items"), dict):
        expanded(root, schema["items"], depth, stats, stack)


def main(documents):
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    problems = []

    if profile.get("type") != "object" or "anyOf" in profile:
        problems.append("#: the root must be an object schema, not a union")
    enum_values, string_length = 0, 0
    for path, schema in subschemas(profile):
        allowed = COMMON | CONSTRAINTS | (ROOT_ONLY if path == "#" else set())
        for key in schema:
            if key not in allowed:
                problems.append(f"{path}: keyword {key!r} is not in every provider's supported list")
        if isinstance(schema.get("type"), list):
            problems.append(f"{path}: a list of types (the Anthropic SDK accepts one type per schema)")
        if "$ref" in schema and len(schema) > 1:
            problems.append(f"{path}: keywords beside $ref (OpenAI and Gemini take none)")
        if schema.get("type") == "object" or "properties" in schema:
            names = list(schema.get("properties", {}))
            if not names:
                problems.append(f"{path}: an object without properties (an open map)")
            if schema.get("additionalProperties") is not False:
                problems.append(f"{path}: additionalProperties is not false")
            if sorted(schema.get("required", [])) != sorted(names):
                problems.append(f"{path}: not every property is required")
            string_length += sum(len(n) for n in names)
        if "enum" in schema:
            values = schema["enum"]
            enum_values += len(values)
            length = sum(len(str(v)) for v in values)
            string_length += length
            if len(values) > OPENAI_LARGE_ENUM and length > OPENAI_LARGE_ENUM_MAX_LENGTH:
                problems.append(f"{path}: {len(values)} enum values of {length} characters")
    string_length += sum(len(n) for n in profile.get("$defs", {}))

    stats = {"depth": 0, "properties": 0, "union_properties": 0, "recursive": set()}
    expanded(profile, profile, 0, stats, ())
    if stats["recursive"]:
        problems.append(f"recursive definitions {sorted(stats['recursive'])} (Anthropic supports none)")
    for name, value, limit in [
        ("object properties (inlined)", stats["properties"], OPENAI_MAX_PROPERTIES),
        ("object nesting levels", stats["depth"], OPENAI_MAX_NESTING),
        ("enum values", enum_values, OPENAI_MAX_ENUM_VALUES),
        ("characters of names and enum values", string_length, OPENAI_MAX_STRING_LENGTH),
    ]:
        print(f"  {name}: {value} (OpenAI limit {limit})")
        if value > limit:
            problems.append(f"{name}: {value} > {limit}")
    compact = json.dumps(profile, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    print(f"  size: {len(compact)} bytes compact (UTF-8), {len(profile['$defs'])} definitions")
    print(f"  union-typed properties (inlined): {stats['union_properties']} "
          f"(Anthropic strict: at most {ANTHROPIC_MAX_UNION} per request; not enforced here)")

    Draft202012Validator.check_schema(profile)
    validator = Draft202012Validator(profile)
    for path in documents:
        errors = list(validator.iter_errors(json.loads(pathlib.Path(path).read_text(encoding="utf-8"))))
        for e in errors[:3]:
            problems.append(f"{path}: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    print(f"  {len(documents)} profile document(s) validated")

    for p in problems:
        print("  FAIL", p)
    print(f"strict-mode rules: {'FAILED' if problems else 'ok'}")
    return 1 if problems or not documents else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
