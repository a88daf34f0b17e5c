"""Binding parameters into a query with a ``VALUES`` block, and checking the query before it runs.

The same text goes to every store (rdflib, pyoxigraph, a server), so the rows cannot differ
because one engine pre-binds variables (``initBindings``) and another joins them. The block goes
first in the outermost group, where every pattern and FILTER of the query sees the values; the
values are RDF terms written in N-Triples syntax, never the user's text itself.

A query may instead place a parameter with a ``# @bind NAME [NAME ...]`` comment line inside a
sub-query: the block then goes right after each such line. An engine computes a sub-query before
joining it, so a value bound only outside would come too late to make it selective.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pyparsing import ParseException
from rdflib.plugins.sparql import prepareQuery

from stancegraph.errors import QueryError
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.rdf_ntriples import term
from stancegraph.sparql.library import NamedQuery
from stancegraph.sparql.params import KINDS, ParameterValueError, Term

NOT_SYNTAX = (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*"
)
"""What can hold a ``{``, ``#`` or keyword that is not syntax: strings (long ones first), IRIs
and comments. A pattern that tries it first sees only syntax in its own alternatives."""
_SKIP = re.compile(NOT_SYNTAX + r"|(?P<brace>\{)", re.S)
_MARKER = re.compile(r"#\s*@bind\b(?P<names>[^\n]*)")


def bind(query: NamedQuery, values: Mapping[str, str], base: str = DEFAULT_BASE) -> str:
    r"""The query's text with ``values`` bound to its declared parameters, checked to parse.

    Raises:
        QueryError: an undeclared or missing parameter, a value of the wrong kind, or SPARQL
            that does not parse (with its line) or is not a SELECT query.

    Examples:
        >>> from stancegraph.sparql.library import parse
        >>> q = parse("x", "x.rq", "# @param who actor\nSELECT ?who WHERE { ?s ?p ?who }")
        >>> print(bind(q, {"who": "keir-starmer"}))
        # @param who actor
        SELECT ?who WHERE { VALUES ?who { <https://stancegraph.example/id/actor/keir-starmer> }
         ?s ?p ?who }

    """
    iris = Iris(base)
    terms: dict[str, Term] = {}
    for name, value in values.items():
        parameter = query.parameter(name)
        try:
            terms[name] = KINDS[parameter.kind](value, iris)
        except ParameterValueError as error:
            raise QueryError(query.path, f"param {name}", str(error)) from None
    missing = [p.name for p in query.parameters if not p.optional and p.name not in terms]
    if missing:
        raise QueryError(query.path, f"param {missing[0]}", "required parameter not given")
    markers = _markers(query)
    text = _insert_values(query, terms, markers) if terms else query.text
    check(text, query.path)
    return text


def _insert_values(
    query: NamedQuery, terms: Mapping[str, Term], markers: list[tuple[int, list[str]]]
) -> str:
    placed = {name for _, names in markers for name in names}
    # Inserted from the end backwards, so that earlier positions stay valid.
    insertions = [(end, [n for n in names if n in terms]) for end, names in markers]
    outer = [name for name in terms if name not in placed]
    if outer:
        brace = next((m for m in _SKIP.finditer(query.text) if m["brace"]), None)
        if brace is None:
            raise QueryError(query.path, "", "no WHERE group to bind parameters in")
        insertions.append((brace.end(), outer))
    text = query.text
    for position, names in sorted(insertions, reverse=True):
        block = "".join(f" VALUES ?{name} {{ {term(terms[name])} }}\n" for name in names)
        text = text[:position] + block + text[position:]
    return text


def _markers(query: NamedQuery) -> list[tuple[int, list[str]]]:
    """Each ``# @bind`` line's end (where its block goes) and the parameters it places."""
    declared = {p.name for p in query.parameters}
    found = []
    for match in _SKIP.finditer(query.text):
        marker = _MARKER.fullmatch(match[0])
        if marker is None:
            continue
        names = marker["names"].split()
        line = query.text.count("\n", 0, match.start()) + 1
        if not names:
            raise QueryError(query.path, "@bind", "expected '# @bind NAME [NAME ...]'", line=line)
        for name in names:
            if name not in declared:
                message = f"{name!r} is not a declared parameter (# @param {name} KIND ...)"
                raise QueryError(query.path, "@bind", message, line=line)
        end = match.end() + 1 if query.text.startswith("\n", match.end()) else match.end()
        found.append((end, names))
    return found


def check(text: str, path: str) -> None:
    """Parse ``text`` as SPARQL and require a SELECT query.

    Raises:
        QueryError: a syntax error (with its line), an undefined prefix, or not a SELECT.

    """
    try:
        prepared = prepareQuery(text)
    except ParseException as error:
        raise QueryError(path, "", f"malformed SPARQL: {error.msg}", line=error.lineno) from None
    except Exception as error:  # rdflib raises a bare Exception for an unknown prefix
        raise QueryError(path, "", f"malformed SPARQL: {error}") from None
    if prepared.algebra.name != "SelectQuery":
        raise QueryError(path, "", "only SELECT queries give rows; this is not one")
