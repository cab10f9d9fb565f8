"""Defense-agreement dossiers: parse, validate and query them with the crate's own rules.

The JSON Schema (``schema()``) checks shapes; ``validate()`` also checks every cross-record
rule a schema cannot express: dangling references, signers without standing, impossible
dates. See docs/python.md.
"""

from ._native import (
    SCHEMA_VERSION,
    BindingInterval,
    Codings,
    Dossier,
    DossierError,
    Issue,
    ParseError,
    Report,
    TimelineEntry,
    ValidationError,
    __version__,
    parse,
    read_file,
    schema,
    validate,
    validate_file,
)

__all__ = [
    "SCHEMA_VERSION",
    "BindingInterval",
    "Codings",
    "Dossier",
    "DossierError",
    "Issue",
    "ParseError",
    "Report",
    "TimelineEntry",
    "ValidationError",
    "__version__",
    "parse",
    "read_file",
    "schema",
    "validate",
    "validate_file",
]
