"""RDF export files written by Oxigraph's serialisers, one named graph at a time.

:func:`pyoxigraph.serialize` writes a whole document per call, in the order it is given the
triples: a Turtle or TriG document opens with its prefixes, a JSON-LD one is an array. The
exports are written one graph per call, so that the corpus is never held whole (at 100k
statements: 2.6 M triples, over a gigabyte of text), and a :class:`Document` joins the calls into
one file: the prefixes once at the top, and the graphs of JSON-LD in one array.

Oxigraph reads each graph from the mapping's N-Triples or N-Quads text (:func:`quads`): its parser
builds the terms far faster than Python could. It parses ``lenient``, without validating IRIs:
the graph mints its own from checked ids under a checked base, and an article's ``url`` is
written as given, as it was before Oxigraph wrote the exports.
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

Syntax = ox.RdfFormat
Graph = list[ox.Quad] | list[ox.Triple]
"""One graph's statements, in the order they are written."""

# What Oxigraph writes before a lone triple that no prefix shortens is its prelude.
_PROBE_IRI = "urn:stancegraph:probe"
_PROBE = ox.Quad(*(ox.NamedNode(_PROBE_IRI),) * 3)
_PROBE_LINE = f"<{_PROBE_IRI}> <{_PROBE_IRI}> <{_PROBE_IRI}> .\n".encode()


def quads(text: str) -> list[ox.Quad]:
    r"""The quads of an N-Quads text (N-Triples is N-Quads in the default graph), in order.

    >>> quads('<http://ex.org/s> <http://ex.org/p> "o" <urn:g> .\n')[0].graph_name
    <NamedNode value=urn:g>
    """
    return list(ox.parse(text.encode("utf-8"), ox.RdfFormat.N_QUADS, lenient=True))


class Document:
    r"""One export file in ``syntax``, written graph by graph into ``stream``.

    Examples:
        >>> import io
        >>> stream = io.BytesIO()
        >>> document = Document(stream, ox.RdfFormat.TRIG, {"ex": "http://ex.org/"})
        >>> triple = "<http://ex.org/s> <http://ex.org/p> <http://ex.org/o>"
        >>> for graph in ("urn:one", "urn:two"):
        ...     document.write(quads(f"{triple} <{graph}> .\n"))
        >>> document.close()
        >>> print(stream.getvalue().decode().expandtabs(4), end="")
        @prefix ex: <http://ex.org/> .
        <BLANKLINE>
        <urn:one> {
            ex:s ex:p ex:o .
        }
        <BLANKLINE>
        <urn:two> {
            ex:s ex:p ex:o .
        }

    """

    def __init__(self, stream: BinaryIO, syntax: Syntax, prefixes: dict[str, str]) -> None:
        self._stream = stream
        self._syntax = syntax
        self._prefixes = prefixes
        self._json = syntax == ox.RdfFormat.JSON_LD
        if self._json:
            # Each call writes an array of graph objects: the file is one array of them all.
            self._head, self._tail, self._between = b"[", b"]", b",\n"
            stream.write(b"[")
        else:
            # Each call opens with the prefixes (Turtle, TriG): the file declares them once.
            self._head, self._tail = _prelude(syntax, prefixes), b""
            # A blank line between graphs where a graph is a block (Turtle, TriG), and after
            # the prefixes; none between the lines of N-Triples and N-Quads.
            self._between = b"\n" if syntax in _BLOCKS else b""
            stream.write(self._head + self._between if self._head else b"")
        self._first = True

    def write(self, graph: Graph) -> None:
        """Write the statements of one graph, in their order."""
        if not graph:
            return
        text = _serialise(graph, self._syntax, self._prefixes)
        if not (text.startswith(self._head) and text.endswith(self._tail)):
            raise RuntimeError(f"Oxigraph's {self._syntax} no longer opens and ends as it did")
        if not self._first:
            self._stream.write(self._between)
        self._stream.write(memoryview(text)[len(self._head) : len(text) - len(self._tail)])
        self._first = False

    def close(self) -> None:
        """End the document (the stream itself is left open)."""
        if self._json:
            self._stream.write(b"]\n")


_BLOCKS = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)


def _prelude(syntax: Syntax, prefixes: dict[str, str]) -> bytes:
    """What Oxigraph writes in ``syntax`` before the first triple: the prefixes, if any."""
    text = _serialise([_PROBE], syntax, prefixes)
    if not text.endswith(_PROBE_LINE):
        raise RuntimeError(f"Oxigraph's {syntax} writes a lone triple in an unexpected way")
    return text[: -len(_PROBE_LINE)]


def _serialise(graph: Graph, syntax: Syntax, prefixes: dict[str, str]) -> bytes:
    text = ox.serialize(graph, None, syntax, prefixes=prefixes)
    assert text is not None, "Oxigraph returns the text when given no output"
    return text
