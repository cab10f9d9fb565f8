"""Runs every code block of docs/schema.md marked `<!-- ci: NAME -->`, exactly as written, in a
scratch directory holding `schemas/` and a `dossier.json`:

- python-jsonschema: exits 0 on every valid document, 1 on every shape-invalid one;
- pydantic-codegen: generates the models, which then behave as the page says (ids are `str` and
  hashable, enums equal their strings, absent lists are `[]`, `null` lists are rejected, and every
  dump call the page names is read back by the crate);
- pydantic-use: runs on every valid document, and the crate reads the `out.json` it writes;
- json2ts, typescript, tsconfig: the program type-checks with TypeScript 5.9 and 7;
- javascript: as `validate.mjs`, exits 0 on every valid document, 1 on every shape-invalid one.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from common import ROOT, name, report, shape_invalid_files, valid_files

HERE = Path(__file__).resolve().parent
DOC = ROOT / "docs" / "schema.md"
MARKED = re.compile(r"<!-- ci: ([a-z0-9-]+) -->\n```[a-z]*\n(.*?)```", re.S)
EXPECTED = {"python-jsonschema", "pydantic-codegen", "pydantic-use", "json2ts", "typescript", "tsconfig", "javascript"}
TSC = {"5.9": HERE / "node_modules" / "typescript" / "bin" / "tsc", "7": HERE / "node_modules" / "typescript-7" / "bin" / "tsc"}


def blocks():
    found = {}
    for match in MARKED.finditer(DOC.read_text(encoding="utf-8")):
        found[match.group(1)] = match.group(2)
    return found


def run(cmd, cwd, **kw):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, **kw)


def crate_reads(path):
    """The crate's own parser and validation (the validate example): exit status 0."""
    out = run(["cargo", "run", "-q", "--example", "validate", "--", str(path)], cwd=ROOT)
    return out.returncode == 0, (out.stdout + out.stderr)[:400]


def main():
    snippets = blocks()
    failures, passed = [], 0
    missing = EXPECTED - snippets.keys()
    if missing:
        failures.append(f"docs/schema.md: no block marked {sorted(missing)}")
    print(f"{len(snippets)} marked blocks in docs/schema.md")
    valid, invalid = valid_files(), shape_invalid_files()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.symlink(ROOT / "schemas", work / "schemas")
        os.symlink(HERE / "node_modules", work / "node_modules")
        for file, key in [("validate.py", "python-jsonschema"), ("use_models.py", "pydantic-use"),
                          ("validate.ts", "typescript"), ("tsconfig.json", "tsconfig"), ("validate.mjs", "javascript")]:
            (work / file).write_text(snippets.get(key, ""), encoding="utf-8")
        (work / "package.json").write_text('{"private": true}\n', encoding="utf-8")

        def on_each(label, cmd, documents, want):
            nonlocal passed
            for path in documents:
                shutil.copyfile(path, work / "dossier.json")
                out = run(cmd, cwd=work)
                if out.returncode == want:
                    passed += 1
                else:
                    failures.append(f"{label}: {name(path)}: exit {out.returncode}, expected {want}: {(out.stdout + out.stderr)[:300]}")

        # Python jsonschema.
        on_each("python-jsonschema", [sys.executable, "validate.py"], valid, 0)
        on_each("python-jsonschema", [sys.executable, "validate.py"], invalid, 1)

        # pydantic: the codegen command as written, then the models' behaviour.
        out = run(["bash", "-c", snippets.get("pydantic-codegen", "false")], cwd=work)
        if out.returncode != 0 or not (work / "dossier_models.py").exists():
            failures.append(f"pydantic-codegen: {out.stderr[-500:]}")
        else:
            passed += 1
            failures += check_models(work, valid)
            passed += 1
            # The examples: valid documents, so the crate's validation passes on what is written.
            for path in sorted((ROOT / "examples" / "data").glob("*.json")):
                shutil.copyfile(path, work / "dossier.json")
                out = run([sys.executable, "use_models.py"], cwd=work)
                ok, why = crate_reads(work / "out.json") if out.returncode == 0 else (False, out.stderr[-300:])
                if ok:
                    passed += 1
                else:
                    failures.append(f"pydantic-use: {name(path)}: {why}")

        # TypeScript: json2ts as written, then the program under both compilers.
        out = run(["bash", "-c", snippets.get("json2ts", "false")], cwd=work)
        if out.returncode != 0:
            failures.append(f"json2ts: {(out.stdout + out.stderr)[-500:]}")
        for label, tsc in TSC.items():
            version_out = run(["node", str(tsc), "--version"], cwd=work).stdout.strip()
            out = run(["node", str(tsc), "-p", "."], cwd=work)
            if out.returncode == 0:
                passed += 1
                print(f"  typescript {label}: {version_out}: the program type-checks")
            else:
                failures.append(f"typescript {label} ({version_out}): {(out.stdout + out.stderr)[:800]}")

        # JavaScript as an ES module.
        on_each("javascript", ["node", "validate.mjs"], valid, 0)
        on_each("javascript", ["node", "validate.mjs"], invalid, 1)

    print(f"datamodel-code-generator {version('datamodel-code-generator')}, pydantic {version('pydantic')}, jsonschema {version('jsonschema')}")
    return report("docs/schema.md snippets", passed, failures, valid and invalid)


def check_models(work, valid):
    """What the page says of the generated models."""
    problems = []
    spec = importlib.util.spec_from_file_location("dossier_models", work / "dossier_models.py")
    models = importlib.util.module_from_spec(spec)
    sys.modules["dossier_models"] = models
    spec.loader.exec_module(models)
    seed = ROOT / "examples" / "data" / "iran-syria-2020.json"
    d = models.Dossier.model_validate_json(seed.read_bytes())
    signature = d.agreements[0].signatures[0]
    if not (isinstance(signature.signer, str) and signature.signer == "bagheri"):
        problems.append(f"an id is not a str equal to its text: {signature.signer!r}")
    if len({a.id for a in d.actors}) != len(d.actors):
        problems.append("ids are not hashable as their strings")
    if not (d.actors[0].kind == "state" and isinstance(d.actors[0].kind, str)):
        problems.append(f"an enum does not equal its string: {d.actors[0].kind!r}")
    unset = [a for a in d.actors if "other_names" not in json.loads(seed.read_text(encoding="utf-8"))["actors"][d.actors.index(a)]]
    if not unset or any(a.other_names != [] or len(a.other_names) != 0 for a in unset):
        problems.append("an absent list is not []")
    doc = json.loads(seed.read_text(encoding="utf-8"))
    doc["actors"][0]["other_names"] = None
    try:
        models.Dossier.model_validate(doc)
        problems.append('"other_names": null is accepted')
    except Exception:
        pass
    # Every dump call the page names is read back by the crate, on every valid document.
    dumps = work / "dumps"
    dumps.mkdir()
    for i, path in enumerate(valid):
        m = models.Dossier.model_validate_json(path.read_bytes())
        for j, kwargs in enumerate(({}, {"exclude_unset": True}, {"exclude_none": True})):
            (dumps / f"{i:03}-{j}-{path.name}").write_text(m.model_dump_json(**kwargs), encoding="utf-8")
    # The crate parses every dump (the invalid/ fixtures then fail validation, as they should).
    files = sorted(dumps.iterdir())
    out = run(["cargo", "run", "-q", "--example", "validate", "--", "--format", "json", *map(str, files)], cwd=ROOT)
    try:
        issues = json.loads(out.stdout)["issues"]
    except (ValueError, KeyError):
        issues = [{"file": "?", "code": "no output", "message": (out.stdout + out.stderr)[:300]}]
    shape = {"unknown_field", "missing_field", "invalid_type", "invalid_value", "duplicate_field", "syntax_error", "no output"}
    for issue in issues:
        if issue["code"] in shape:
            kwargs = ({}, {"exclude_unset": True}, {"exclude_none": True})[int(Path(issue["file"]).name.split("-")[1])] if issue["file"] != "?" else "?"
            problems.append(f"model_dump_json({kwargs}) of {Path(issue['file']).name}: refused: {issue['code']}: {issue['message'][:200]}")
    print(f"  pydantic models: {len(files)} dumps (plain, exclude_unset, exclude_none) parsed by the crate")
    return [f"pydantic-codegen: {p}" for p in problems]


if __name__ == "__main__":
    sys.exit(main())
