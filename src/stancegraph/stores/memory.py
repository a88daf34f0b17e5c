"""The rdflib store: the graph's RDF dataset in memory, queried as the union of its graphs."""

from __future__ import annotations

import warnings

from rdflib import BNode, Dataset, Literal, URIRef

from stancegraph.corpus import StanceGraph
from stancegraph.errors import StoreError
from stancegraph.iris import DEFAULT_BASE
from stancegraph.rdf_mapping import to_rdf
from stancegraph.sparql.results import Results, Value


class RdflibStore:
    """A store over an rdflib :class:`~rdflib.Dataset` (shared, not copied).

    Examples:
        >>> from stancegraph import load
        >>> store = RdflibStore.from_graph(load("graph"))
        >>> query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://stancegraph.example/ns#Stance> }"
        >>> store.select(query).records()
        [{'n': 11}]

    """

    name = "rdflib"

    def __init__(self, dataset: Dataset) -> None:
        # The mapping puts every triple in a named graph; a view with default_union=True over the
        # same underlying store lets queries without GRAPH see them all, as on the other stores.
        self._union = Dataset(store=dataset.store, default_union=True)

    @classmethod
    def from_graph(cls, graph: StanceGraph, base: str = DEFAULT_BASE) -> RdflibStore:
        """A store holding ``graph`` mapped to RDF."""
        return cls(to_rdf(graph, base))

    def select(self, query: str) -> Results:
        """The rows of a SELECT query."""
        try:
            with warnings.catch_warnings():
                # rdflib 7's SPARQL engine itself calls Dataset members that rdflib deprecates.
                warnings.filterwarnings("ignore", r"Dataset\.\w+ is deprecated", DeprecationWarning)
                result = self._union.query(query)
                # Evaluation is lazy: it runs here, inside the same warning filter.
                rows = tuple(tuple(_value(v) for v in row) for row in result)  # type: ignore[union-attr]
        except StoreError:
            raise
        except Exception as error:  # rdflib's evaluation errors have no common base class
            raise StoreError(f"rdflib could not answer the query: {error}") from error
        return Results(tuple(str(v) for v in result.vars or ()), rows)


def _value(value: object) -> Value | None:
    if value is None or isinstance(value, URIRef | Literal | BNode):
        return value
    raise StoreError(f"unexpected value in rdflib results: {value!r}")
