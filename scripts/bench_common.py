"""What the Python benchmark scripts share: the corpus sample, the generated pydantic models,
and the CPU's name (scripts/peers.py and scripts/python_bench.py import it from this folder)."""

import importlib.util
import platform
import sys


def load(path, mb):
    """The first lines of the corpus up to `mb` megabytes: the same rule as the Rust side
    (examples/peers.rs), so both sides measure the same documents."""
    lines, size = [], 0
    with open(path, "rb") as f:
        for raw in f:
            if size >= mb * 1_000_000:
                break
            text = raw.rstrip(b"\r\n")
            if not text.strip():
                continue
            size += len(text) + 1
            lines.append(text.decode("utf-8", "replace"))
    return lines, size


def dossier_model(models_path):
    """The `Dossier` model from the module datamodel-code-generator wrote, ready to use."""
    spec = importlib.util.spec_from_file_location("dossier_models", models_path)
    models = importlib.util.module_from_spec(spec)
    # pydantic resolves the models' forward references through sys.modules.
    sys.modules["dossier_models"] = models
    spec.loader.exec_module(models)
    model = models.Dossier
    model.model_rebuild()
    return model


def cpu_model():
    """The CPU's model name as /proc/cpuinfo gives it, else what the platform says: every
    figure is quoted with it, since ratios move between CPUs."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"
