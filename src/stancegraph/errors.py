"""The one exception type for mistakes in a user's input."""

from __future__ import annotations

from pathlib import Path


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
