"""Type stubs of the native module (python/src/lib.rs)."""

import datetime
import os
from collections.abc import Iterator, Sequence
from typing import Any, Final, Literal, final, overload

__all__ = [
    "SCHEMA_VERSION",
    "AnswerError",
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
    "answer_from",
    "corpus_tables",
    "diff",
    "endpoint",
    "merge",
    "parse",
    "read_file",
    "request",
    "schema",
    "table_columns",
    "validate",
    "validate_file",
]

__version__: Final[str]
SCHEMA_VERSION: Final[str]

_Day = datetime.date | str
_Json = str | bytes | dict[str, Any]
# Which alternatives of a dispute count as fact (docs/merge.md, "The dispute policy"); None: "undisputed".
_Disputes = Literal["undisputed", "any_alternative", "best_supported"] | None
# One value of a table row (docs/tables.md): None for a null; bool columns give bool (a subclass of int).
_Cell = int | str | datetime.date | None
_Rows = dict[str, list[dict[str, _Cell]]]
_TupleRows = dict[str, list[tuple[_Cell, ...]]]

class DossierError(ValueError):
    """Base class of this package's errors."""

class ParseError(DossierError):
    """The document does not have the model's shape."""

    path: str | None
    code: str
    message: str
    line: int | None

class ValidationError(DossierError):
    """The document breaks at least one rule (raised by ``Report.raise_for_errors``)."""

    path: str
    code: str
    issues: list[Issue]

@final
class Issue:
    """One problem found in a document."""

    @property
    def path(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> Literal["error", "warning"]: ...
    @property
    def message(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def is_error(self) -> bool: ...

@final
class Report:
    """Every problem found in one or more documents, in document order."""

    @property
    def issues(self) -> list[Issue]: ...
    @property
    def errors(self) -> list[Issue]: ...
    @property
    def warnings(self) -> list[Issue]: ...
    @property
    def is_valid(self) -> bool: ...
    @property
    def dossiers(self) -> int: ...
    def raise_for_errors(self) -> None: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Issue]: ...

_Atop = Literal["absent", "conditional", "unconditional"]

@final
class Codings:
    """How an agreement codes in ATOP, COW and DCAD."""

    @property
    def dossier(self) -> str: ...
    @property
    def agreement(self) -> str: ...
    @property
    def defense(self) -> _Atop: ...
    @property
    def offense(self) -> _Atop: ...
    @property
    def neutrality(self) -> _Atop: ...
    @property
    def nonaggression(self) -> _Atop: ...
    @property
    def consultation(self) -> _Atop: ...
    @property
    def cow_type(self) -> Literal["I", "II", "III"] | None: ...
    @property
    def alliance(self) -> bool: ...
    @property
    def defense_cooperation(self) -> bool: ...

_Status = Literal["negotiated", "signed", "provisionally_applied", "in_force", "suspended", "terminated"]

_PartyStatus = Literal["not_a_party", "not_bound", "provisionally_applying", "bound", "suspended", "withdrawn", "ended", "dissolved"]

@final
class BindingInterval:
    """One span of days during which a party is bound."""

    @property
    def from_(self) -> datetime.date: ...
    @property
    def start(self) -> str: ...
    @property
    def opened_by(self) -> int: ...
    @property
    def until(self) -> datetime.date | None: ...
    @property
    def end(self) -> str | None: ...
    @property
    def closed_by(self) -> int | None: ...
    def contains(self, day_: _Day) -> bool: ...

@final
class TimelineEntry:
    """One step of an agreement's timeline, with the status it leaves."""

    @property
    def day(self) -> datetime.date: ...
    @property
    def date(self) -> str: ...
    @property
    def action(self) -> int | None: ...
    @property
    def event(self) -> str: ...
    @property
    def status(self) -> _Status: ...

@final
class Dossier:
    """A parsed dossier: immutable; query it, validate it, or turn it back into JSON."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def schema_version(self) -> str: ...
    @property
    def agreement_ids(self) -> list[str]: ...
    def validate(self) -> Report: ...
    def to_json(self, *, pretty: bool = False) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def status(self, agreement: str, on: _Day | None = None, *, disputes: _Disputes = None) -> _Status: ...
    def is_bound(self, agreement: str, actor: str, on: _Day, *, disputes: _Disputes = None) -> bool: ...
    def is_bound_toward(
        self, agreement: str, actor: str, other: str, on: _Day, *, disputes: _Disputes = None
    ) -> bool: ...
    def party_status(self, agreement: str, actor: str, on: _Day, *, disputes: _Disputes = None) -> _PartyStatus: ...
    def binding_intervals(self, agreement: str, actor: str, *, disputes: _Disputes = None) -> list[BindingInterval]: ...
    def timeline(self, agreement: str, *, disputes: _Disputes = None) -> list[TimelineEntry]: ...
    def agreements_of(self, actor: str) -> list[str]: ...
    def agreements_binding(self, actor: str, on: _Day, *, disputes: _Disputes = None) -> list[str]: ...
    def forces_in(self, country: str, *, disputes: _Disputes = None) -> list[str]: ...
    def ancestry(self, actor: str) -> list[str]: ...
    def codings(self, *, disputes: _Disputes = None) -> list[Codings]: ...
    @overload
    def tables(
        self,
        *,
        through: int | None = None,
        as_tuples: Literal[False] = False,
        only: Sequence[str] | None = None,
        disputes: _Disputes = None,
    ) -> _Rows: ...
    @overload
    def tables(
        self,
        *,
        through: int | None = None,
        as_tuples: Literal[True],
        only: Sequence[str] | None = None,
        disputes: _Disputes = None,
    ) -> _TupleRows: ...
    def timeline_svg(
        self, agreement: str | None = None, *, as_of: _Day | None = None, disputes: _Disputes = None, width: int = 960
    ) -> str: ...
    def report_html(self, *, as_of: _Day | None = None, disputes: _Disputes = None) -> str: ...
    def _repr_html_(self) -> str: ...

def parse(data: _Json) -> Dossier: ...
def read_file(path: str | os.PathLike[str]) -> list[Dossier]: ...
def validate(data: _Json | Dossier) -> Report: ...
def validate_file(path: str | os.PathLike[str], *, jsonl: bool | None = None) -> Report: ...
def schema() -> str: ...
def table_columns() -> dict[str, list[tuple[str, Literal["int", "bool", "text", "date"], bool]]]: ...
@overload
def corpus_tables(
    source: str | bytes | os.PathLike[str],
    *,
    through: int | None = None,
    as_tuples: Literal[False] = False,
    only: Sequence[str] | None = None,
    disputes: _Disputes = None,
) -> tuple[_Rows, Report]: ...
@overload
def corpus_tables(
    source: str | bytes | os.PathLike[str],
    *,
    through: int | None = None,
    as_tuples: Literal[True],
    only: Sequence[str] | None = None,
    disputes: _Disputes = None,
) -> tuple[_TupleRows, Report]: ...

@final
class MergeResult:
    """A merged dossier and what the merge did."""

    @property
    def dossier(self) -> Dossier: ...
    @property
    def report(self) -> dict[str, list[dict[str, Any]]]: ...
    @property
    def merged(self) -> list[dict[str, Any]]: ...
    @property
    def renamed(self) -> list[dict[str, Any]]: ...
    @property
    def conflicts(self) -> list[dict[str, Any]]: ...
    @property
    def names(self) -> list[dict[str, Any]]: ...
    @property
    def disputes(self) -> list[dict[str, Any]]: ...
    @property
    def named(self) -> list[dict[str, Any]]: ...
    @property
    def uncited(self) -> list[dict[str, Any]]: ...
    @property
    def is_empty(self) -> bool: ...

@final
class Diff:
    """What changed between two versions of a dossier."""

    @property
    def records(self) -> list[dict[str, Any]]: ...
    @property
    def changes(self) -> list[dict[str, Any]]: ...
    @property
    def patch(self) -> list[dict[str, Any]]: ...
    @property
    def is_empty(self) -> bool: ...
    def __len__(self) -> int: ...

def merge(a: _Json | Dossier, b: _Json | Dossier, resolver: _Json | None = None) -> MergeResult: ...
def diff(old: _Json | Dossier, new: _Json | Dossier) -> Diff: ...

# The provider APIs of extraction.request() and extraction.answer_from() (docs/extraction.md).
_Provider = Literal["openai-chat", "openai-responses", "anthropic", "gemini"]

class AnswerError(ValueError):
    """A provider's response holds no usable answer."""

    code: Literal["json", "provider", "refused", "truncated", "blocked", "missing"]
    message: str

def request(
    article: str | dict[str, str | None], *, provider: _Provider, model: str, max_tokens: int | None = None
) -> dict[str, Any]: ...
def endpoint(*, provider: _Provider, model: str) -> str: ...
def answer_from(response: _Json, *, provider: _Provider) -> str: ...
