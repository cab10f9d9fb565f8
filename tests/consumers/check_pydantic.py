"""datamodel-code-generator turns the schema into pydantic v2 models; the models load every
valid document and reject the shape-invalid ones that pydantic can see."""

import importlib.util
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from common import SCHEMA, name, report, shape_invalid_files, valid_files

# Every shape-invalid fixture must be rejected, except these, which pydantic cannot see:
# (none at present; a fixture that pydantic accepts is a failure until it is listed here with why)
PYDANTIC_BLIND = {}


def generate(out_dir):
    out = Path(out_dir) / "dossier_models.py"
    subprocess.run(
        [
            sys.executable, "-m", "datamodel_code_generator",
            "--input", str(SCHEMA),
            "--input-file-type", "jsonschema",
            "--output-model-type", "pydantic_v2.BaseModel",
            "--target-python-version", "3.11",
            # Class names from the schema's titles: DurationFixedTerm rather than Duration2.
            "--use-title-as-name",
            # As docs/schema.md: ids are plain str, enums subclass str, absent lists are [] (the
            # schema's default) and null lists are refused.
            "--collapse-root-models",
            "--use-subclass-enum",
            "--strict-nullable",
            # Any other absent field is MISSING, not None, and is left out when written.
            "--use-missing-sentinel",
            "--target-pydantic-version", "2.14",
            "--formatters", "builtin",
            "--disable-timestamp",
            "--output", str(out),
        ],
        check=True,
    )
    spec = importlib.util.spec_from_file_location("dossier_models", out)
    module = importlib.util.module_from_spec(spec)
    # pydantic resolves the models' forward references through sys.modules.
    sys.modules["dossier_models"] = module
    spec.loader.exec_module(module)
    return module


def main():
    print(f"datamodel-code-generator {version('datamodel-code-generator')}, pydantic {version('pydantic')}")
    with tempfile.TemporaryDirectory() as tmp:
        models = generate(tmp)
    Dossier = models.Dossier
    failures, passed = [], 0
    valid, invalid = valid_files(), shape_invalid_files()
    for path in valid:
        try:
            Dossier.model_validate_json(path.read_bytes())
            passed += 1
        except Exception as e:  # a ValidationError, or anything else the models raise
            failures.append(f"{name(path)}: rejected: {str(e)[:400]}")
    for path in invalid:
        try:
            Dossier.model_validate_json(path.read_bytes())
        except Exception:
            passed += 1
            continue
        if path.name in PYDANTIC_BLIND:
            passed += 1
        else:
            failures.append(f"{name(path)}: accepted, but serde and the schema reject it")
    return report("pydantic", passed, failures, valid and invalid)


if __name__ == "__main__":
    sys.exit(main())
