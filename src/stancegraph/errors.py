"""The exceptions a user's mistake or missing install becomes: each is reported in one line."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches
from pathlib import Path


def did_you_mean(wanted: str, known: Iterable[str]) -> str:
    """A hint naming the known name closest to ``wanted`` ("did you mean"), or nothing.

    >>> did_you_mean("keir-starmr", ["keir-starmer", "emmanuel-macron"])
    " (did you mean 'keir-starmer'?)"
    >>> did_you_mean("zzz", ["keir-starmer"])
    ''
    """
    close = get_close_matches(wanted, sorted(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class InputError(Exception):
    """A mistake in an input file, reported with the file, line and field it concerns.

    Examples:
        >>> print(InputError(Path("graph/actors.yaml"), "actors[3].id", "duplicate id", line=12))
        graph/actors.yaml:12: actors[3].id: duplicate id

    """

    def __init__(
        self, path: Path | str, field: str, message: str, *, line: int | None = None
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {field}{self.message}"


class QueryError(InputError):
    """A query that cannot run: unknown name, bad parameter or malformed SPARQL.

    It names the query file, and the line when the SPARQL itself is wrong.

    Examples:
        >>> print(QueryError("queries/x.rq", "param date", "'2025-13-01' is not a date"))
        queries/x.rq: param date: '2025-13-01' is not a date

    """


class StoreError(Exception):
    """A store or SPARQL server failed to load or answer (unreachable, refused, bad response)."""


class ModelNotFoundError(Exception):
    """The spaCy model asked for is not installed (the message says how to install it)."""
