#!/usr/bin/env python3
"""The Python package against pydantic v2 models on the same corpus: run by
scripts/python_bench.sh.

Every measure is per document, on the same lines, in one process, and the measures alternate
rep by rep so that a change in the machine's load hits them all alike. Prints a table and the
target: full validation (parse + every cross-record rule) at least 5x faster than pydantic's
shape-only parse.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time

from bench_common import cpu_model, dossier_model, load


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--models", required=True, help="the module datamodel-code-generator wrote")
    ap.add_argument("--mb", type=int, default=20)
    ap.add_argument("--reps", type=int, default=7)
    args = ap.parse_args()

    import pydantic

    import defense_agreements as da

    Model = dossier_model(args.models)

    lines, size = load(args.corpus, args.mb)
    n = len(lines)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
        sample_file = f.name

    def pydantic_parse():
        for line in lines:
            try:
                Model.model_validate_json(line)
            except pydantic.ValidationError:
                pass

    def da_parse():
        for line in lines:
            try:
                da.parse(line)
            except da.ParseError:
                pass

    def da_validate():
        for line in lines:
            da.validate(line)

    def da_validate_file():
        da.validate_file(sample_file)

    measures = [
        ("pydantic_parse", "pydantic v2 model_validate_json", "shape only: generated models"),
        ("da_validate", "defense_agreements.validate(str)", "parse + every cross-record rule, per line"),
        ("da_parse", "defense_agreements.parse(str)", "shape only"),
        ("da_validate_file", "defense_agreements.validate_file", "the same lines as one .jsonl, GIL released"),
    ]
    fns = {"pydantic_parse": pydantic_parse, "da_parse": da_parse, "da_validate": da_validate,
           "da_validate_file": da_validate_file}
    times = {key: [] for key, _, _ in measures}
    for fn in fns.values():  # warm-up: imports, caches, allocator
        fn()
    for _ in range(args.reps):
        for key, fn in fns.items():
            # CPU time of this process: time spent preempted by other work on a busy machine
            # does not count (cache pollution by that work still does).
            start = time.process_time()
            fn()
            times[key].append(time.process_time() - start)
    os.unlink(sample_file)

    # Verdicts: how many documents each accepts as well-formed.
    pyd_ok = 0
    for line in lines:
        try:
            Model.model_validate_json(line)
            pyd_ok += 1
        except pydantic.ValidationError:
            pass
    reports = [da.validate(line) for line in lines]
    parsed = sum(r.dossiers for r in reports)
    valid = sum(1 for r in reports if r.is_valid)

    rate = {key: n / statistics.median(t) for key, t in times.items()}
    ours = rate["da_validate"]
    print(f"corpus: {n} dossiers, {size / 1e6:.1f} MB ({size // n} bytes each), one thread, CPU time (time.process_time), medians of {args.reps} alternating runs")
    print(f"CPU: {cpu_model()}; load average {' '.join(open('/proc/loadavg').read().split()[:3])} on {os.cpu_count()} CPUs")
    print(f"Python {platform.python_version()}, pydantic {pydantic.VERSION}, defense_agreements {da.__version__}")
    print(f"accepted as well-formed: pydantic {pyd_ok}, defense_agreements {parsed}; valid after every rule: {valid}")
    print()
    print(f"| {'measure':<36} | {'docs/s':>8} | {'MB/s':>6} | {'validate() is':>13} | note")
    print(f"|{'-' * 38}|{'-' * 10}|{'-' * 8}|{'-' * 15}|------")
    for key, label, note in measures:
        r = rate[key]
        print(f"| {label:<36} | {r:>8.0f} | {r * size / n / 1e6:>6.1f} | {ours / r:>12.2f}x | {note}")
    print()
    ratio = ours / rate["pydantic_parse"]
    spread = [p / v for p, v in zip(times["pydantic_parse"], times["da_validate"])]
    print(f"- full validation vs pydantic shape-only parse: {ratio:.2f}x (per-rep range {min(spread):.2f}x-{max(spread):.2f}x; "
          f"target >= 5x): {'met' if ratio >= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
