"""Parameter values from the command line or Python, turned into RDF terms by declared kind.

An analyst writes ``--param holder=keir-starmer`` or ``--param date=2025-03-15``; the kind the query
declares says which IRI or typed literal that is. Whatever the value, the result is an RDF term
that is later written in N-Triples syntax, so no value can change the query around it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from stancegraph.ids import is_safe_id
from stancegraph.iris import Iris
from stancegraph.model import Polarity, StatementKind
from stancegraph.rdf_statements import POLARITIES, STATEMENT_CLASSES

Term = URIRef | Literal


class ParameterValueError(ValueError):
    """A value that does not fit its parameter's kind; the message says what was expected."""


def _iri(value: str) -> URIRef:
    if ":" not in value or any(c in value for c in '<>"{}|^`\\ '):
        raise ParameterValueError(f"{value!r} is not an absolute IRI")
    return URIRef(value)


def _node(mint: Callable[[Iris, str], URIRef]) -> Callable[[str, Iris], Term]:
    def convert(value: str, iris: Iris) -> Term:
        if value.startswith(("http://", "https://", "urn:")):
            return _iri(value)
        if not is_safe_id(value):
            raise ParameterValueError(f"{value!r} is neither an id nor an http(s) IRI")
        return mint(iris, value)

    return convert


def _statement(value: str, iris: Iris) -> Term:
    if value.startswith(("http://", "https://", "urn:")):
        return _iri(value)
    parts = value.split("/")
    if len(parts) != 2 or not all(is_safe_id(part) for part in parts):
        raise ParameterValueError(f"{value!r} is not a statement id ARTICLE-ID/STATEMENT-ID")
    return iris.statement(value)


def _date(value: str, _: Iris) -> Term:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ParameterValueError(f"{value!r} is not a date YYYY-MM-DD") from None
    return Literal(day.isoformat(), datatype=XSD.date)


def _choice(
    enum: type[Polarity] | type[StatementKind], terms: Mapping[Any, URIRef], what: str
) -> Callable[[str, Iris], Term]:
    def convert(value: str, _: Iris) -> Term:
        try:
            return terms[enum(value)]
        except ValueError:
            choices = ", ".join(member.value for member in enum)
            raise ParameterValueError(f"{value!r} is not {what} ({choices})") from None

    return convert


def _text(value: str, _: Iris) -> Term:
    return Literal(value)


KINDS: MappingProxyType[str, Callable[[str, Iris], Term]] = MappingProxyType(
    {
        "actor": _node(Iris.actor),
        "proposition": _node(Iris.proposition),
        "event": _node(Iris.event),
        "article": _node(Iris.article),
        "statement": _statement,
        "date": _date,
        "polarity": _choice(Polarity, POLARITIES, "a polarity"),
        "kind": _choice(StatementKind, STATEMENT_CLASSES, "a statement kind"),
        "iri": lambda value, _: _iri(value),
        "text": _text,
    }
)
"""Parameter kinds and how a value of each becomes a term.

>>> KINDS["actor"]("keir-starmer", Iris())
rdflib.term.URIRef('https://stancegraph.example/id/actor/keir-starmer')
>>> KINDS["date"]("2025-03-15", Iris())
rdflib.term.Literal('2025-03-15', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
"""
