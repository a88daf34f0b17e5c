"""What the RDF mapping writes into: anything with ``add(triple)``."""

from __future__ import annotations

from typing import Protocol

from rdflib.term import Node


class TripleSink(Protocol):
    """A destination for triples: :class:`rdflib.Graph` is one, so is an N-Triples line buffer."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object:
        """Add one triple."""
