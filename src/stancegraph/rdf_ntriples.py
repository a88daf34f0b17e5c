"""The RDF view as N-Triples per named graph, without building an rdflib store first.

rdflib's in-memory store spends most of a mapping's time indexing triples; a store that parses
N-Quads itself (pyoxigraph, a SPARQL server) only needs the text. The same mapping functions fill
a :class:`LineSink` instead of an rdflib graph, so the two views cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from stancegraph.corpus import StanceGraph
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.rdf_mapping import map_graph

_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
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
        iri = str(node)
        return f"<{iri}>" if _IRI_FORBIDDEN.search(iri) is None else f"<{_escape_iri(iri)}>"
    if isinstance(node, Literal):
        text = f'"{str(node).translate(_LITERAL_ESCAPES)}"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None and node.datatype != XSD.string:
            return f"{text}^^{term(node.datatype)}"
        return text
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"not an RDF term: {node!r}")


class LineSink:
    """Collects triples as N-Triples lines; has the one method the mapping functions call."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        """Add one triple."""
        subject, predicate, obj = triple
        self.lines.append(f"{term(subject)} {term(predicate)} {term(obj)} .\n")


def ntriples_by_graph(graph: StanceGraph, base: str = DEFAULT_BASE) -> dict[str, bytes]:
    """Each named graph of :func:`~stancegraph.rdf_mapping.to_rdf` as an N-Triples document.

    Keys are the graph IRIs in a fixed order (registry first, then articles in id order).

    >>> from stancegraph import load
    >>> documents = ntriples_by_graph(load("graph"))
    >>> next(iter(documents))
    'https://stancegraph.example/id/graph/registry'
    """
    sinks: dict[str, LineSink] = {}

    def sink_for(name: URIRef) -> LineSink:
        return sinks.setdefault(str(name), LineSink())

    map_graph(graph, Iris(base), sink_for)
    # A triple can be added twice (the same curator for every statement): keep its first line.
    return {name: "".join(dict.fromkeys(s.lines)).encode("utf-8") for name, s in sinks.items()}


def nquads(documents: dict[str, bytes]) -> bytes:
    """The N-Quads document of named graphs given as N-Triples documents."""
    return b"".join(_with_graph(name, document) for name, document in documents.items())


def _with_graph(name: str, document: bytes) -> bytes:
    suffix = f" {term(URIRef(name))} .\n".encode()
    lines: Iterable[bytes] = document.splitlines()
    return b"".join(line[:-2] + suffix for line in lines if line)
