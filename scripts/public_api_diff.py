#!/usr/bin/env python3
"""The library's public API against a baseline, from rustdoc's JSON output.

Lists every public item of the crate (modules, types, functions, constants, macros, traits),
every public method of an inherent impl, every enum variant, every public struct field and every
trait implemented for a public type, in both rustdoc JSON files, and prints what was removed and
what was added. A removal breaks callers, so it needs a new major version, or a new minor
version while the major is 0 (Cargo's semver rules); the script exits 1 when the versions given
do not allow what it found.

It sees names, not signatures: a changed argument type or a new required field of an exhaustive
struct is not caught (cargo-semver-checks catches those; docs/limits.md says why CI runs it only
on request).

Usage: python3 scripts/public_api_diff.py BASE.json BASE_VERSION NEW.json NEW_VERSION
"""

from __future__ import annotations

import json
import sys
from typing import Any

def type_name(ty: Any) -> str | None:
    if isinstance(ty, dict) and "resolved_path" in ty:
        path = ty["resolved_path"]
        return str(path.get("path") or path.get("name"))
    return None


def importable(doc: dict[str, Any]) -> dict[str, set[str]]:
    """Every path a dependent can name each local item by: through public modules and `pub use`."""
    index: dict[str, Any] = doc["index"]
    found: dict[str, set[str]] = {}

    def walk(module_id: str, prefix: list[str], seen: frozenset[str]) -> None:
        if module_id in seen or module_id not in index:
            return
        seen = seen | {module_id}
        for child_id in (index[module_id].get("inner") or {}).get("module", {}).get("items", []):
            child = index.get(str(child_id))
            if not child or child.get("visibility") != "public":
                continue
            inner = child.get("inner") or {}
            if "use" in inner:
                use = inner["use"]
                target = str(use.get("id"))
                if target not in index:  # a re-export of another crate (chrono)
                    continue
                if use.get("is_glob"):
                    walk(target, prefix, seen)
                    continue
                name = use["name"]
            else:
                target, name = str(child_id), child.get("name")
                if not name:
                    continue
            found.setdefault(target, set()).add("::".join(prefix + [name]))
            if "module" in (index[target].get("inner") or {}):
                walk(target, prefix + [name], seen)

    root = str(doc["root"])
    walk(root, [index[root]["name"]], frozenset())
    return found


def surface(doc: dict[str, Any]) -> set[str]:
    index: dict[str, Any] = doc["index"]
    names = importable(doc)
    out = set()
    for item_id, item_paths in names.items():
        inner = index[item_id].get("inner") or {}
        kind = next(iter(inner), "item")
        for path in item_paths:
            out.add(f"{kind} {path}")
            if kind == "enum":
                for v in inner["enum"].get("variants", []):
                    out.add(f"variant {path}::{index[str(v)]['name']}")
            if kind == "struct":
                struct_kind = inner["struct"].get("kind", {})
                fields = struct_kind.get("plain", {}).get("fields", []) if isinstance(struct_kind, dict) else []
                for f in fields:
                    field = index.get(str(f), {})
                    if field.get("visibility") == "public":
                        out.add(f"field {path}::{field['name']}")
    for item in index.values():
        imp = (item.get("inner") or {}).get("impl")
        if not imp or imp.get("is_synthetic") or imp.get("blanket_impl") is not None:
            continue
        target = imp.get("for", {})
        target_id = str(target.get("resolved_path", {}).get("id")) if type_name(target) else None
        for path in names.get(str(target_id), ()):
            trait = imp.get("trait")
            if trait is None:
                for m in imp.get("items", []):
                    method = index.get(str(m), {})
                    if method.get("visibility") == "public" and method.get("name"):
                        out.add(f"method {path}::{method['name']}")
            else:
                out.add(f"impl {trait.get('path') or trait.get('name')} for {path}")
    return out


def allows_breaking(base: str, new: str) -> bool:
    b = [int(x) for x in base.split("-")[0].split(".")]
    n = [int(x) for x in new.split("-")[0].split(".")]
    return n[0] > b[0] if b[0] > 0 else (n[0], n[1]) > (b[0], b[1])


def main() -> int:
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    base_file, base_version, new_file, new_version = sys.argv[1:]
    with open(base_file, encoding="utf-8") as f:
        base = surface(json.load(f))
    with open(new_file, encoding="utf-8") as f:
        new = surface(json.load(f))
    removed, added = sorted(base - new), sorted(new - base)
    for line in removed:
        print(f"- {line}")
    for line in added:
        print(f"+ {line}")
    breaking = bool(removed)
    allowed = allows_breaking(base_version, new_version)
    print(
        f"{len(base)} public items in {base_version}, {len(new)} in {new_version}: "
        f"{len(removed)} removed, {len(added)} added; "
        + ("breaking, and the version allows it" if breaking and allowed else "breaking: the version must move" if breaking else "nothing removed")
    )
    return 1 if breaking and not allowed else 0


if __name__ == "__main__":
    sys.exit(main())
