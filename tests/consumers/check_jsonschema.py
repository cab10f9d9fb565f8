"""Python jsonschema: Draft202012Validator with the format checker validates every valid
document and rejects every shape-invalid one."""

import sys

from importlib.metadata import version

from jsonschema import Draft202012Validator, FormatChecker

from common import SCHEMA, load, name, report, shape_invalid_files, valid_files


def main():
    schema = load(SCHEMA)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    failures = []
    valid, invalid = valid_files(), shape_invalid_files()
    for path in valid:
        errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.absolute_path))
        if errors:
            failures.append(f"{name(path)}: rejected: " + "; ".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:3]))
    for path in invalid:
        if validator.is_valid(load(path)):
            failures.append(f"{name(path)}: accepted, but serde rejects it")
    print(f"jsonschema {version('jsonschema')}")
    return report("python-jsonschema", len(valid) + len(invalid) - len(failures), failures, valid and invalid)


if __name__ == "__main__":
    sys.exit(main())
