"""What the RDF mapping writes into, and the terms it writes.

The mapping (``rdf_registry``, ``rdf_statements``) is written once and fills either an rdflib
graph (:class:`RdflibSink`) or N-Triples lines (:class:`~stancegraph.rdf_ntriples.LineSink`).
IRIs are :class:`rdflib.URIRef` (minted in ``iris.py``); literals are the light :class:`Lit`,
because building an rdflib :class:`~rdflib.Literal` parses its lexical form into a Python value,
which the N-Triples path never needs and which cost most of the mapping's time at 100k statements.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple, Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD


class Lit(NamedTuple):
    """A literal: its lexical form, and a language tag or a datatype (neither: ``xsd:string``).

    >>> Lit("Keir Starmer", lang="en").to_rdflib()
    rdflib.term.Literal('Keir Starmer', lang='en')
    """

    lexical: str
    lang: str | None = None
    datatype: URIRef | None = None

    def to_rdflib(self) -> Literal:
        """The same literal as an rdflib term."""
        return Literal(self.lexical, lang=self.lang, datatype=self.datatype)


Term = URIRef | Lit
Triple = tuple[URIRef, URIRef, Term]


def day(value: date) -> Lit:
    """An ``xsd:date`` literal.

    >>> day(date(2025, 3, 2))
    Lit(lexical='2025-03-02', lang=None, datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
    """
    return Lit(value.isoformat(), None, _DATE)


def boolean(value: bool) -> Lit:
    """An ``xsd:boolean`` literal in canonical form (``true``/``false``)."""
    return Lit("true" if value else "false", None, _BOOLEAN)


def typed(lexical: object, datatype: URIRef) -> Lit:
    """A literal of ``datatype`` whose lexical form is ``str(lexical)``."""
    return Lit(str(lexical), None, datatype)


_DATE, _BOOLEAN = XSD.date, XSD.boolean


class TripleSink(Protocol):
    """A destination for the mapping's triples."""

    def add(self, triple: Triple, /) -> object:
        """Add one triple."""


class RdflibSink:
    """Adds the mapping's triples to an rdflib graph, as rdflib terms."""

    __slots__ = ("graph",)

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def add(self, triple: Triple) -> None:
        """Add one triple."""
        subject, predicate, obj = triple
        self.graph.add((subject, predicate, obj.to_rdflib() if isinstance(obj, Lit) else obj))
