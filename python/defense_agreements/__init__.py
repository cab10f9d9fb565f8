"""Defense-agreement dossiers: parse, validate and query them with the crate's own rules.

The JSON Schema (``schema()``) checks shapes; ``validate()`` also checks every cross-record
rule a schema cannot express: dangling references, signers without standing, impossible
dates. ``merge()`` joins two dossiers and ``diff()`` compares two versions;
``Dossier.tables()`` and ``corpus_tables()`` give the research tables (docs/tables.md). See
docs/python.md.
"""

from ._native import (
    SCHEMA_VERSION,
    BindingInterval,
    Codings,
    Diff,
    Dossier,
    DossierError,
    Issue,
    MergeResult,
    ParseError,
    Report,
    TimelineEntry,
    ValidationError,
    __version__,
    corpus_tables,
    diff,
    merge,
    parse,
    read_file,
    schema,
    table_columns,
    validate,
    validate_file,
)
from . import extraction

__all__ = [
    "SCHEMA_VERSION",
    "BindingInterval",
    "Codings",
    "Diff",
    "Dossier",
    "DossierError",
    "Issue",
    "MergeResult",
    "ParseError",
    "Report",
    "TimelineEntry",
    "ValidationError",
    "__version__",
    "corpus_tables",
    "diff",
    "extraction",
    "merge",
    "parse",
    "read_file",
    "schema",
    "table_columns",
    "validate",
    "validate_file",
]
