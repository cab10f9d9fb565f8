"""The documents the consumers check, shared by the Python checks."""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schemas" / "dossier.schema.json"

# Documents that parse in Rust (the invalid/ fixtures parse, then fail validate()).
VALID_DIRS = ["examples/data", "tests/fixtures/valid", "tests/fixtures/invalid", "tests/fixtures/shape-valid"]
SHAPE_INVALID_DIR = "tests/fixtures/shape-invalid"


def files(rel_dir):
    return sorted((ROOT / rel_dir).glob("*.json"))


def valid_files():
    return [p for d in VALID_DIRS for p in files(d)]


def shape_invalid_files():
    return files(SHAPE_INVALID_DIR)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def name(path):
    return str(path.relative_to(ROOT))


def report(consumer, passed, failures, checked_any):
    """Prints the failures and the closing count line; returns the exit status."""
    for f in failures:
        print("  FAIL", f)
    print(f"{consumer}: {passed} passed, {len(failures)} failed")
    if not checked_any:
        print("  FAIL no documents found")
        return 1
    return 1 if failures else 0
