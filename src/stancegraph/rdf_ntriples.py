"""The RDF view as N-Triples per named graph, without building an rdflib store first.

rdflib's in-memory store spends most of a mapping's time indexing triples, and rdflib literals
parse their lexical form; a store that parses N-Quads itself (pyoxigraph, a SPARQL server) only
needs the text. The same mapping functions fill a :class:`LineSink` instead of an rdflib graph
(:class:`~stancegraph.rdf_sink.RdflibSink`), and the line is written straight from the mapping's
light terms, so the two views cannot drift apart (a test parses the text and compares).

The exports (:mod:`~stancegraph.rdf_export`) fill a :class:`SubjectSink` instead, which groups a
graph's triples by subject and predicate, so that the Turtle, TriG and JSON-LD that Oxigraph
writes from the text state each subject once, in one block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from stancegraph.corpus import StanceGraph
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.rdf_mapping import graph_sections
from stancegraph.rdf_sink import Lit, Term, Triple

_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_LITERAL_SPECIAL = re.compile(r'[\\"\n\r]')
_XSD_STRING = str(XSD.string)
# Characters N-Triples forbids inside <...>: written as \\uXXXX escapes, which every parser reads.
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _escape_iri(iri: str) -> str:
    return _IRI_FORBIDDEN.sub(lambda match: f"\\u{ord(match.group()):04X}", iri)


def term(node: Node) -> str:
    r"""One RDF term in N-Triples syntax.

    >>> print(term(URIRef("https://example.org/a b")))
    <https://example.org/a\u0020b>
    >>> print(term(Literal('say "hi"\n', lang="en")))
    "say \"hi\"\n"@en
    >>> term(Literal("3", datatype=XSD.integer))
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    if isinstance(node, URIRef):
        return iri_term(node)
    if isinstance(node, Literal):
        return literal_term(Lit(str(node), node.language, node.datatype))
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"not an RDF term: {node!r}")


class LineSink:
    """Collects the mapping's triples as N-Triples lines, written straight from the terms.

    Each IRI is written once per graph: a statement's node, its annotation's nodes and every
    predicate and class recur on many lines, and checking and bracketing them was most of the
    time of writing a line.
    """

    __slots__ = ("_iris", "lines")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._iris = IriTerms()

    def add(self, triple: Triple) -> None:
        """Add one triple."""
        subject, predicate, obj = triple
        iris = self._iris
        text = literal_term(obj) if isinstance(obj, Lit) else iris[obj]
        self.lines.append(f"{iris[subject]} {iris[predicate]} {text} .\n")


class IriTerms(dict[str, str]):
    """IRIs written as N-Triples terms, each checked and bracketed on its first use only.

    One per graph: predicates, classes and the graph's own nodes recur on many of its lines.
    """

    def __missing__(self, iri: str) -> str:
        self[iri] = text = iri_term(iri)
        return text


Objects = dict[Term, None]
"""A subject's objects for one predicate: a dict used as an ordered set."""
Subjects = dict[URIRef, dict[URIRef, Objects]]
"""Triples grouped by subject, then predicate, each level in the order first written."""


class SubjectSink:
    """A :class:`~stancegraph.rdf_sink.TripleSink` that groups triples by subject and predicate.

    A triple added twice is kept once (a statement's extraction activity is written again by
    every statement of the article it read).

    >>> from stancegraph.vocab import SG
    >>> sink = SubjectSink()
    >>> for _ in range(2):
    ...     sink.add((SG.support, SG.polarity, Lit("x")))
    >>> sink.subjects[SG.support][SG.polarity]
    {Lit(lexical='x', lang=None, datatype=None): None}
    """

    __slots__ = ("subjects",)

    def __init__(self) -> None:
        self.subjects: Subjects = {}

    def add(self, triple: Triple) -> None:
        """Add one triple."""
        subject, predicate, obj = triple
        predicates = self.subjects.get(subject)
        if predicates is None:
            predicates = self.subjects[subject] = {}
        objects = predicates.get(predicate)
        if objects is None:
            objects = predicates[predicate] = {}
        objects[obj] = None


def subjects_text(subjects: Subjects, which: Iterable[URIRef], graph: URIRef | None = None) -> str:
    """The triples of the subjects ``which`` as N-Triples, or as N-Quads in ``graph``.

    Subjects come in the order of ``which``, each with its predicates in the order first written.

    >>> sink = SubjectSink()
    >>> for o in ("a", "b"):
    ...     sink.add((URIRef("http://ex.org/s"), URIRef("http://ex.org/p"), Lit(o)))
    >>> print(subjects_text(sink.subjects, sink.subjects, URIRef("urn:g")), end="")
    <http://ex.org/s> <http://ex.org/p> "a" <urn:g> .
    <http://ex.org/s> <http://ex.org/p> "b" <urn:g> .
    """
    end = " .\n" if graph is None else f" {iri_term(graph)} .\n"
    iris = IriTerms()
    lines: list[str] = []
    append = lines.append  # this loop runs for each of the millions of triples of the exports
    for subject in which:
        start = iris[subject] + " "
        for predicate, objects in subjects[subject].items():
            head = start + iris[predicate] + " "
            for obj in objects:
                # A literal is mostly a graph's own text (a quote), written once: not kept.
                text = literal_term(obj) if isinstance(obj, Lit) else iris[obj]
                append(f"{head}{text}{end}")
    return "".join(lines)


def iri_term(iri: str) -> str:
    """An IRI in N-Triples (and Turtle) syntax, escaped where N-Triples requires it.

    >>> iri_term("https://example.org/a")
    '<https://example.org/a>'
    """
    return f"<{iri}>" if _IRI_FORBIDDEN.search(iri) is None else f"<{_escape_iri(iri)}>"


def literal_term(literal: Lit) -> str:
    r"""A literal in N-Triples syntax, which Turtle and TriG read as well.

    >>> print(literal_term(Lit('say "hi"', lang="en")))
    "say \"hi\""@en
    """
    lexical, lang, datatype = literal
    if _LITERAL_SPECIAL.search(lexical) is not None:
        lexical = lexical.translate(_LITERAL_ESCAPES)
    if lang:
        return f'"{lexical}"@{lang}'
    # str's comparison: rdflib's own __ne__ on terms is a Python call, run for every literal.
    if datatype is not None and not _XSD_STRING.__eq__(datatype):
        return f'"{lexical}"^^{iri_term(datatype)}'
    return f'"{lexical}"'


def ntriples_by_graph(graph: StanceGraph, base: str = DEFAULT_BASE) -> dict[str, bytes]:
    """Each named graph of :func:`~stancegraph.rdf_mapping.to_rdf` as an N-Triples document.

    Keys are the graph IRIs in a fixed order (registry first, then articles in id order).

    >>> from stancegraph import load
    >>> documents = ntriples_by_graph(load("graph"))
    >>> next(iter(documents))
    'https://stancegraph.example/id/graph/registry'
    """
    return dict(iter_ntriples_by_graph(graph, base))


def iter_ntriples_by_graph(
    graph: StanceGraph, base: str = DEFAULT_BASE
) -> Iterator[tuple[str, bytes]]:
    """The pairs of :func:`ntriples_by_graph`, each graph written only when it is asked for.

    A store that loads them one by one never holds the text of the whole corpus (at 100k
    statements that text is over 400 MB, next to the store being filled).
    """
    for name, fill in graph_sections(graph, Iris(base)):
        sink = LineSink()
        fill(sink)
        yield str(name), _document(sink)


def _document(sink: LineSink) -> bytes:
    return "".join(dict.fromkeys(sink.lines)).encode("utf-8")
