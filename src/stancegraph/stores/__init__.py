"""Stores that answer SPARQL over the graph, behind one interface.

- :class:`~stancegraph.stores.memory.RdflibStore`: rdflib in memory, nothing to set up;
- :class:`~stancegraph.stores.oxigraph.OxigraphStore`: pyoxigraph, in memory or on disk;
- :class:`~stancegraph.stores.remote.RemoteStore`: a SPARQL 1.1 server.

Each answers :meth:`Store.select` with :class:`~stancegraph.sparql.results.Results` over the union
of the graph's named graphs (the registry plus one graph per article).
"""

from __future__ import annotations

from typing import Protocol

from stancegraph.sparql.results import Results


class Store(Protocol):
    """Anything that answers a SELECT query over the union of the graph's named graphs."""

    def select(self, query: str) -> Results:
        """The rows of a SELECT query (its text already bound and checked).

        Raises:
            StoreError: the store failed to answer.

        """
        ...


__all__ = ["Store"]
