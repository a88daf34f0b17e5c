"""The library of named queries: ``.rq`` files in the package, each documented by its header.

A query file opens with comment lines: the first says what the query answers, the following ones
add detail, and each ``# @param NAME KIND[?] description`` line declares a parameter (``?``: it may
be left out, and then the query is not restricted by it). The same header makes a user's own
``FILE.rq`` take parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from stancegraph.errors import QueryError
from stancegraph.sparql.params import KINDS

_PARAM = re.compile(r"#\s*@param\s+(?P<name>\S+)\s+(?P<kind>[a-z]+)(?P<optional>\??)\s*(?P<doc>.*)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Parameter:
    """A declared parameter: the SPARQL variable it binds, what kind of value it takes."""

    name: str
    kind: str
    optional: bool
    description: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A query of the library (or a user's file) with its documentation and parameters."""

    name: str
    path: str
    text: str
    summary: str
    parameters: tuple[Parameter, ...]

    def parameter(self, name: str) -> Parameter:
        """The declared parameter ``name``.

        Raises:
            QueryError: the query declares no such parameter.

        """
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        declared = ", ".join(p.name for p in self.parameters) or "none"
        raise QueryError(self.path, f"param {name}", f"unknown parameter (declared: {declared})")


def parse(name: str, path: str, text: str) -> NamedQuery:
    r"""Read the header of a query's text.

    Raises:
        QueryError: a ``@param`` line is malformed or names an unknown kind.

    Examples:
        >>> q = parse("x", "x.rq", "# Who said it.\n# @param actor actor? the holder\nSELECT ...")
        >>> q.summary, q.parameters[0].kind, q.parameters[0].optional
        ('Who said it.', 'actor', True)

    """
    description: list[str] = []
    parameters: list[Parameter] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        if "@param" not in stripped:
            description.append(stripped.lstrip("#").strip())
            continue
        match = _PARAM.fullmatch(stripped)
        if match is None or _NAME.fullmatch(match["name"]) is None:
            raise QueryError(
                path, "@param", "expected '# @param NAME KIND[?] description'", line=number
            )
        if match["kind"] not in KINDS:
            kinds = ", ".join(sorted(KINDS))
            raise QueryError(
                path, "@param", f"unknown kind {match['kind']!r} (kinds: {kinds})", line=number
            )
        parameters.append(
            Parameter(match["name"], match["kind"], bool(match["optional"]), match["doc"].strip())
        )
    # The summary is the header's first sentence, which may run over more than one line.
    summary = " ".join(description).split(". ")[0].strip()
    return NamedQuery(name, path, text, summary, tuple(parameters))


def named_queries() -> dict[str, NamedQuery]:
    """Every query of the library by name, in name order.

    >>> "stances" in named_queries()
    True
    """
    folder = files("stancegraph").joinpath("queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name.removesuffix(".rq")
            out[name] = parse(name, f"queries/{entry.name}", entry.read_text(encoding="utf-8"))
    return out


def find(name_or_file: str) -> NamedQuery:
    """A named query, or the query in a ``.rq`` file (a path ending in ``.rq``).

    Raises:
        QueryError: no query has that name, or the file cannot be read.

    """
    if name_or_file.endswith(".rq") or "/" in name_or_file:
        path = Path(name_or_file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(path, "", f"cannot read query file: {error}") from None
        return parse(path.stem, str(path), text)
    library = named_queries()
    if name_or_file not in library:
        raise QueryError(name_or_file, "", f"unknown query; named queries: {', '.join(library)}")
    return library[name_or_file]


def listing() -> str:
    """The library as text: each query's name, what it answers, and its parameters."""
    lines = []
    for query in named_queries().values():
        lines.append(f"{query.name}: {query.summary}")
        for p in query.parameters:
            kind = f"{p.kind}, optional" if p.optional else p.kind
            lines.append(f"    --param {p.name}=...  ({kind}) {p.description}")
    return "\n".join(lines) + "\n"
