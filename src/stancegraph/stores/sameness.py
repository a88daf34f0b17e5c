"""Whether a server already holds a graph as a push would leave it, so that the push can skip it.

A push replaces graphs whole, and on Oxigraph its last steps (one update that copies every staged
graph into place, all or nothing, then the drop of the staging graphs) cost far more than reading
the graphs back: at 10,000 statements 14 s for 401 graphs against 2 s to fetch and compare them.
Most pushes follow a small change (a new article, a corrected coding), so a graph that already
reads back the same is left alone, and only the others are staged and copied.

The comparison errs one way only: a graph is "the same" when both documents state the same
triples, and anything else (an unknown media type, a document that does not parse, a blank
node, which has no name to compare by) counts as changed and is pushed.
"""

from __future__ import annotations

import pyoxigraph as ox


def same_triples(theirs: bytes, media_type: str, ours: bytes) -> bool:
    r"""Whether ``theirs`` (a document of ``media_type``) states the triples of N-Triples ``ours``.

    Both are first put through an Oxigraph store, which keeps a literal by its value
    (``"1.0"^^xsd:decimal`` as ``"1"``, ``"5"^^xsd:nonNegativeInteger`` as the integer 5, a
    language tag in lower case), as Oxigraph and Virtuoso store what a push sends them: read
    back, their graphs are written so. A server that keeps every literal as written would not be
    sent a change of a literal's form alone, which no answer of the embedded store shows either.

    >>> ours = b'<urn:a> <urn:p> "1.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
    >>> same_triples(b"<urn:a> <urn:p> 1.0 .", "text/turtle", ours)
    True
    >>> same_triples(b"<urn:a> <urn:p> 1.5 .", "text/turtle", ours)
    False
    >>> same_triples(b"<html>", "text/html", ours)
    False
    """
    rdf_format = ox.RdfFormat.from_media_type(media_type)
    if rdf_format is None:
        return False
    try:
        mine, their = _stored(ours, ox.RdfFormat.N_TRIPLES), _stored(theirs, rdf_format)
    except SyntaxError:
        return False
    return mine == their and not any(_has_blank_node(quad) for quad in mine)


def _stored(document: bytes, rdf_format: ox.RdfFormat) -> set[ox.Quad]:
    store = ox.Store()
    store.load(document, format=rdf_format)
    return set(store)


def _has_blank_node(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)
