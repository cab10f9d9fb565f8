#!/usr/bin/env python3
"""The Python side of the peer comparison, and the table: run by scripts/compare.sh.

Measures pydantic v2 models generated from the exported schema (model_validate_json per line,
model_dump_json per parsed dossier) and Python jsonschema on a sample, on the same lines the
Rust side measured, then prints one table with every peer and the targets met or not.
"""

import argparse
import json
import os
import statistics
import sys
import time

from bench_common import cpu_model, dossier_model, load


def median_seconds(reps, fn):
    times = []
    for _ in range(max(1, reps)):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--models", required=True, help="the module datamodel-code-generator wrote")
    ap.add_argument("--rust", required=True, help="the JSON the peers example printed")
    ap.add_argument("--mb", type=int, default=20)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--sample", type=int, default=200, help="documents for Python jsonschema")
    ap.add_argument("--rss-kib", type=int, default=0, help="peak RSS of the streaming pass")
    ap.add_argument("--stream-mb", type=float, default=0, help="size of the streamed corpus")
    args = ap.parse_args()

    import jsonschema
    import pydantic

    Dossier = dossier_model(args.models)

    lines, size = load(args.corpus, args.mb)
    rust = json.load(open(args.rust))
    if rust["docs"] != len(lines):
        sys.exit(f"the Rust side read {rust['docs']} lines, this side {len(lines)}: not the same input")
    n = len(lines)
    results = {r["name"]: r for r in rust["results"]}

    def record(name, docs, seconds):
        results[name] = {"name": name, "docs": docs, "seconds": seconds}
        print(f"  {name:<28} {docs / seconds:>10.0f} docs/s", file=sys.stderr)

    def parse_all():
        ok = 0
        for line in lines:
            try:
                Dossier.model_validate_json(line)
                ok += 1
            except pydantic.ValidationError:
                pass
        return ok

    record("pydantic_parse", n, median_seconds(args.reps, parse_all))
    parsed = []
    for line in lines:
        try:
            parsed.append(Dossier.model_validate_json(line))
        except pydantic.ValidationError:
            pass
    # exclude_none: the crate omits absent optional fields, so both write the same contract.
    record(
        "pydantic_dump",
        len(parsed),
        median_seconds(args.reps, lambda: [d.model_dump_json(exclude_none=True) for d in parsed]),
    )
    schema = json.load(open(args.schema))
    validator = jsonschema.Draft202012Validator(schema)
    sample = lines[: args.sample]
    record(
        "python_jsonschema",
        len(sample),
        median_seconds(max(1, args.reps // 2), lambda: [validator.is_valid(json.loads(s)) for s in sample]),
    )

    def per_doc(name):
        r = results[name]
        return r["seconds"] / r["docs"]

    def rate(name):
        return 1 / per_doc(name)

    ours = rate("parse_validate")
    mb_per_doc = size / n / 1e6
    rows = [
        ("defense-agreements parse+validate", "parse_validate", "Dossier::from_json + validate()"),
        ("defense-agreements parse", "parse", "typed parse only"),
        ("defense-agreements validate", "validate", "400 parsed dossiers at a time, in cache"),
        ("defense-agreements validate, cold", "validate_cold", "all parsed dossiers, mostly cache misses"),
        ("defense-agreements serialize", "serialize", "write_json"),
        ("serde_json -> Value", "value", "untyped floor"),
        ("serde_json IgnoredAny", "syntax_only", "syntax-only ceiling"),
        ("jsonschema crate", "jsonschema_crate", "parse to Value + is_valid"),
        ("jsonschema crate, validate only", "jsonschema_crate_validate_only", "is_valid on parsed Values"),
        ("pydantic v2 model_validate_json", "pydantic_parse", "datamodel-code-generator models"),
        ("pydantic v2 model_dump_json", "pydantic_dump", "exclude_none=True"),
        ("Python jsonschema", "python_jsonschema", f"json.loads + is_valid, {len(sample)} docs"),
    ]
    print()
    print(f"corpus: {n} dossiers, {size / 1e6:.1f} MB ({size // n} bytes each), single thread, medians of {args.reps} runs")
    print(f"accepted: crate {rust['valid']} valid of {rust['parsed']} parsed; jsonschema crate {rust['schema_valid']}; pydantic {len(parsed)}")
    try:
        # Other work on the machine skews wall-clock ratios: say how busy it was.
        loadavg = open("/proc/loadavg").read().split()[:3]
        print(f"load average {' '.join(loadavg)} on {os.cpu_count()} CPUs (a load above the CPU count makes the ratios unreliable)")
    except OSError:
        pass
    print(f"CPU: {cpu_model()} (the ratios move with the CPU: quote them with it)")
    print()
    print(f"| {'peer':<36} | {'docs/s':>10} | {'MB/s':>8} | {'parse+validate is':>18} | note")
    print(f"|{'-' * 38}|{'-' * 12}|{'-' * 10}|{'-' * 20}|------")
    for label, key, note in rows:
        r = rate(key)
        print(f"| {label:<36} | {r:>10.0f} | {r * mb_per_doc:>8.1f} | {ours / r:>17.2f}x | {note}")
    print()

    def target(what, value, goal, higher=True, unit="x"):
        met = value >= goal if higher else value <= goal
        sign = ">=" if higher else "<="
        print(f"- {what}: {value:.2f}{unit} (target {sign} {goal}{unit}): {'met' if met else 'NOT met'}")

    print("targets:")
    target("parse+validate vs serde_json Value", ours / rate("value"), 1.8)
    target("parse+validate vs syntax-only (IgnoredAny)", 100 * ours / rate("syntax_only"), 35, unit="%")
    target("parse+validate vs pydantic parse", ours / rate("pydantic_parse"), 5)
    target("parse+validate vs jsonschema crate", ours / rate("jsonschema_crate"), 2.5)
    target("parse+validate vs Python jsonschema", ours / rate("python_jsonschema"), 100)
    target("validation time / parse time", 100 * per_doc("validate") / per_doc("parse"), 5, higher=False, unit="%")
    target("serialize vs pydantic dump", rate("serialize") / rate("pydantic_dump"), 3.5)
    # The 10x dossier is not exactly ten times the bytes: scale the cost to exactly 10x.
    small, large = rust["scaling_bytes"]
    scaling = per_doc("scaling_10x") / per_doc("scaling_1x") * 10 * small / large
    target(f"10x larger dossier costs ({small} vs {large} bytes, per byte x10)", scaling, 10.5, higher=False)
    if args.rss_kib:
        mib = args.rss_kib / 1024
        print(f"- streaming peak RSS on {args.stream_mb:.0f} MB: {mib:.1f} MiB (target <= 16 MiB): {'met' if mib <= 16 else 'NOT met'}")


if __name__ == "__main__":
    main()
