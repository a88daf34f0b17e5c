"""The five RDF export syntaxes, each written section by section into a binary stream.

A writer is given the sections of :mod:`~stancegraph.rdf_export` one at a time, with the subjects
to write from each: a named-graph syntax (TriG, N-Quads, JSON-LD) writes one graph per section,
a single-graph one (Turtle, N-Triples) the union, for which the caller picks the subjects so that
no triple is written twice. Nothing is sorted: sections and subjects come in the mapping's order,
which depends on the inputs alone.

Examples:
    >>> import io
    >>> from stancegraph.rdf_syntax import SubjectSink, Syntax
    >>> sink = SubjectSink()
    >>> sink.add((URIRef("http://ex.org/s"), URIRef("http://ex.org/p"), URIRef("http://ex.org/o")))
    >>> prefixes = {"ex": "http://ex.org/"}
    >>> section = Section(URIRef("urn:graph"), sink.subjects, Syntax(prefixes))
    >>> def show(writer_class: type[RdfWriter]) -> None:
    ...     stream = io.BytesIO()
    ...     writer = writer_class(stream, prefixes)
    ...     writer.write(section, sink.subjects)
    ...     writer.close()
    ...     print(stream.getvalue().decode(), end="")
    >>> show(TrigWriter)
    @prefix ex: <http://ex.org/> .
    <BLANKLINE>
    <urn:graph> {
        ex:s ex:p ex:o .
    }
    >>> show(NQuadsWriter)
    <http://ex.org/s> <http://ex.org/p> <http://ex.org/o> <urn:graph> .
    >>> show(JsonLdWriter)
    [
      {
        "@id": "urn:graph",
        "@graph": [
          {
            "@id": "http://ex.org/s",
            "http://ex.org/p": [{"@id": "http://ex.org/o"}]
          }
        ]
      }
    ]

"""

from __future__ import annotations

from collections.abc import Iterable
from json.encoder import encode_basestring as _json_string
from typing import BinaryIO, Protocol

from rdflib import URIRef

from stancegraph.rdf_ntriples import iri_term
from stancegraph.rdf_syntax import Section


class RdfWriter(Protocol):
    """Writes sections into one export."""

    def write(self, section: Section, subjects: Iterable[URIRef]) -> None:
        """Write ``subjects`` of ``section``."""

    def close(self) -> None:
        """End the document (the stream itself is left open)."""


def _prefix_lines(prefixes: dict[str, str]) -> str:
    lines = [f"@prefix {prefix}: {iri_term(ns)} .\n" for prefix, ns in sorted(prefixes.items())]
    return "".join(lines)


class TurtleWriter:
    """Turtle: the prefixes, then one block per subject, blank lines between them.

    >>> import io
    >>> from stancegraph.rdf_syntax import SubjectSink, Syntax
    >>> from stancegraph.vocab import SG
    >>> sink = SubjectSink()
    >>> sink.add((SG.support, SG.polarity, SG.oppose))
    >>> stream = io.BytesIO()
    >>> prefixes = {"sg": "https://stancegraph.example/ns#"}
    >>> writer = TurtleWriter(stream, prefixes)
    >>> writer.write(Section(None, sink.subjects, Syntax(prefixes)), sink.subjects)
    >>> writer.close()
    >>> print(stream.getvalue().decode(), end="")
    @prefix sg: <https://stancegraph.example/ns#> .
    <BLANKLINE>
    sg:support sg:polarity sg:oppose .
    """

    def __init__(self, stream: BinaryIO, prefixes: dict[str, str]) -> None:
        self._stream = stream
        stream.write(_prefix_lines(prefixes).encode("utf-8"))

    def write(self, section: Section, subjects: Iterable[URIRef]) -> None:
        """Write ``subjects`` of ``section``, each preceded by a blank line."""
        text = "\n".join(map(section.turtle.__getitem__, subjects))
        if text:
            self._stream.write(("\n" + text).encode("utf-8"))

    def close(self) -> None:
        """Nothing closes a Turtle document."""


class TrigWriter:
    """TriG: the prefixes, then each section as a named graph of indented Turtle blocks."""

    def __init__(self, stream: BinaryIO, prefixes: dict[str, str]) -> None:
        self._stream = stream
        stream.write(_prefix_lines(prefixes).encode("utf-8"))

    def write(self, section: Section, subjects: Iterable[URIRef]) -> None:
        """Write ``subjects`` as the graph ``section.name``."""
        assert section.name is not None, "TriG writes named graphs only"
        body = "\n".join(map(section.turtle.__getitem__, subjects))
        # Literals and IRIs never hold a raw line break (both are escaped), so every "\n" ends
        # a line of the block and indenting is a replace; blank lines get no trailing spaces.
        body = ("    " + body.replace("\n", "\n    ")).replace("\n    \n", "\n\n").rstrip(" ")
        text = f"\n{iri_term(section.name)} {{\n{body}}}\n"
        self._stream.write(text.encode("utf-8"))

    def close(self) -> None:
        """Nothing closes a TriG document."""


class NTriplesWriter:
    """N-Triples: one line per triple."""

    def __init__(self, stream: BinaryIO, prefixes: dict[str, str]) -> None:
        self._stream = stream

    def write(self, section: Section, subjects: Iterable[URIRef]) -> None:
        """Write the triples of ``subjects``."""
        self._stream.write("".join(map(section.ntriples.__getitem__, subjects)).encode("utf-8"))

    def close(self) -> None:
        """Nothing closes an N-Triples document."""


class NQuadsWriter:
    """N-Quads: one line per triple, ending in the section's graph."""

    def __init__(self, stream: BinaryIO, prefixes: dict[str, str]) -> None:
        self._stream = stream

    def write(self, section: Section, subjects: Iterable[URIRef]) -> None:
        """Write the triples of ``subjects`` in the graph ``section.name``."""
        assert section.name is not None, "N-Quads writes named graphs only"
        text = "".join(map(section.ntriples.__getitem__, subjects))
        # " .\n" only ever ends a line (line breaks inside terms are escaped).
        text = text.replace(" .\n", f" {iri_term(section.name)} .\n")
        self._stream.write(text.encode("utf-8"))

    def close(self) -> None:
        """Nothing closes an N-Quads document."""


class JsonLdWriter:
    """JSON-LD in expanded form: an array of named graphs, each with its nodes in ``@graph``."""

    def __init__(self, stream: BinaryIO, prefixes: dict[str, str]) -> None:
        self._stream = stream
        self._separator = "[\n"

    def write(self, section: Section, subjects: Iterable[URIRef]) -> None:
        """Write ``subjects`` as the graph object of ``section.name``."""
        assert section.name is not None, "JSON-LD writes named graphs only"
        body = ",\n".join(map(section.jsonld.__getitem__, subjects))
        name = _json_string(section.name)
        text = f'{self._separator}  {{\n    "@id": {name},\n    "@graph": [\n{body}\n    ]\n  }}'
        self._stream.write(text.encode("utf-8"))
        self._separator = ",\n"

    def close(self) -> None:
        """Close the array of graphs."""
        self._stream.write(b"[]\n" if self._separator == "[\n" else b"\n]\n")
