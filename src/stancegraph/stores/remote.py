"""A SPARQL 1.1 server: queries over the SPARQL Protocol, loading over the Graph Store Protocol.

Queries are scoped to the graph's own named graphs (the registry and one per article, all under
the graph prefix), listed just before and written into the query as ``FROM`` clauses: the
server's other graphs (Virtuoso's system graphs, someone else's data) and the staging graphs of
an interrupted push are never part of an answer. Where each service lives is
:mod:`stancegraph.stores.servers`' business, logins :mod:`stancegraph.stores.http`'s.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Mapping
from typing import Self

from rdflib import Literal

from stancegraph.errors import StoreError
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.rdf_ntriples import term
from stancegraph.sparql.dataset import with_dataset
from stancegraph.sparql.results import Results, from_json_term
from stancegraph.stores.http import PASSWORD_VAR, USER_VAR, Credentials, Http, Reply
from stancegraph.stores.sameness import same_triples
from stancegraph.stores.servers import Endpoints, Server, ServerKind

RESULTS_JSON = "application/sparql-results+json"
_REFUSED = re.compile(r"HTTP 403|SECURITY|[Pp]ermission denied")
# Virtuoso names its result row limit (ResultSetMaxRows) in this header when an answer reached it.
_MAX_ROWS = "X-SPARQL-MaxRows"


class RemoteStore:
    """A SPARQL 1.1 server, queried over the graph's own named graphs only.

    Build one with :meth:`connect`, or from :class:`~stancegraph.stores.servers.Endpoints`:

    >>> store = RemoteStore(Endpoints("http://h/sparql", "http://h/sparql", None))
    >>> store.registry
    'https://stancegraph.example/id/graph/registry'
    """

    name = "endpoint"

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        kind: ServerKind = ServerKind.GENERIC,
        base: str = DEFAULT_BASE,
        http: Http | None = None,
    ) -> None:
        self.endpoints = endpoints
        self.kind = kind
        self.http = http or Http()
        iris = Iris(base)
        self.prefix = str(iris.graph_prefix())
        self.registry = str(iris.registry_graph())

    @classmethod
    def connect(
        cls,
        server: Server | str,
        *,
        base: str = DEFAULT_BASE,
        timeout: float = 300,
        environ: Mapping[str, str] = os.environ,
    ) -> Self:
        """The server ``server`` names (a URL: its kind detected), logging in as ``environ`` says.

        Raises:
            InputError: a malformed URL, a server of unknown kind, half-set credentials.
            StoreError: the server is unreachable (when its kind had to be asked).

        """
        http = Http(Credentials.from_environment(environ), timeout)
        server = server if isinstance(server, Server) else Server(server)
        kind = server.resolved_kind(http)
        return cls(server.endpoints(http, kind), kind=kind, base=base, http=http)

    @property
    def atomic_updates(self) -> bool:
        """Whether the server runs an update request all or nothing, even when one part fails.

        Oxigraph does; Virtuoso 7 keeps the operations before a failed one (see the README).
        Of the others, not checked here, nothing is assumed.
        """
        return self.kind is ServerKind.OXIGRAPH

    @property
    def operations_per_update(self) -> int | None:
        """How many operations one update request may hold on this server (None: no limit known).

        Virtuoso 7.2 compiles a request whole and refuses one of 1,000 ``MOVE`` operations ("Query
        too large, variables in state over the limit"; 500 pass), so a push of a corpus of
        thousands of articles sends its operations in parts. A failed operation already left
        the ones before it done (see :attr:`atomic_updates`); what the parts add is that a
        server killed between two of them keeps the first (see :mod:`stancegraph.stores.push`).
        """
        return 200 if self.kind is ServerKind.VIRTUOSO else None

    def select(self, query: str) -> Results:
        """The rows of a SELECT query over the union of the graph's own named graphs.

        The dataset is the registry and every graph under the graph prefix, one ``FROM`` each
        (see :mod:`stancegraph.sparql.dataset`): the registry is named even when the server has
        no graph yet, so that an empty server answers with no rows rather than with everything.
        """
        # On Oxigraph the names of all graphs come as cheaply as ours (it keeps a list of them).
        names = self.graphs("") if self.kind is ServerKind.OXIGRAPH else self.graphs()
        if self.kind is ServerKind.OXIGRAPH and all(g.startswith(self.prefix) for g in names):
            # Every graph of the server is ours: Oxigraph's own union of its graphs is the same
            # dataset (bar a push that stages a graph in between), and a list of them makes it
            # slow (401 graphs: 10 s against 0.11 s).
            return self._select(query, [("union-default-graph", "")])
        ours = [
            self.registry,
            *sorted({g for g in names if g.startswith(self.prefix)} - {self.registry}),
        ]
        scoped = with_dataset(query, ours)
        if self.kind is ServerKind.VIRTUOSO:
            # Joins in the order written, as the named queries are (most selective first):
            # Virtuoso 7.2's optimiser otherwise spends 11 s planning congruence.rq on the seed
            # (10 ms in this order) and, reordering, loses rows of stances.rq.
            scoped = f'define sql:select-option "order"\n{scoped}'
        return self._select(scoped, [])

    def select_unscoped(self, query: str) -> Results:
        """The rows of a SELECT query over the server's own dataset (``GRAPH ?g`` sees all)."""
        return self._select(query, [])

    def graphs(self, *prefixes: str) -> list[str]:
        """The names of the server's named graphs under any of ``prefixes`` (by default ours).

        One request for all the prefixes: on Virtuoso a listing scans all its quads. ``""``
        lists every graph on Oxigraph.
        """
        starts = [term(Literal(prefix)) for prefix in prefixes or (self.prefix,)]
        test = " || ".join(f"STRSTARTS(STR(?g), {start})" for start in starts)
        # Oxigraph lists its graphs from their names with an empty pattern; Virtuoso answers an
        # empty pattern with one unbound row, so the others match a triple of each graph.
        pattern = "{ }" if self.kind is ServerKind.OXIGRAPH else "{ ?s ?p ?o }"
        found = self.select_unscoped(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {pattern} FILTER({test}) }}"
        )
        return [str(row[0]) for row in found if row[0] is not None]

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update request."""
        self._write(
            self.endpoints.update,
            "POST",
            update.encode("utf-8"),
            {"Content-Type": "application/sparql-update"},
        )

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph with an N-Triples document (Graph Store Protocol PUT).

        Raises:
            StoreError: the server failed, or has no graph store service we know of.

        """
        self._write(
            self._graph_store_url(graph),
            "PUT",
            ntriples,
            {"Content-Type": "application/n-triples"},
        )

    def holds(self, graph: str, ntriples: bytes) -> bool:
        """Whether the server's ``graph`` already states the triples of ``ntriples``.

        Read with the Graph Store Protocol and compared, literals by value, by
        :func:`~stancegraph.stores.sameness.same_triples`.

        Raises:
            StoreError: the server failed, or has no graph store service we know of.

        """
        reply = self.http.request(
            self._graph_store_url(graph), headers={"Accept": "application/n-triples"}
        )
        return same_triples(reply.body, reply.headers.get_content_type(), ntriples)

    def _graph_store_url(self, graph: str) -> str:
        if self.endpoints.graph_store is None:
            raise StoreError(
                f"{self.endpoints.query}: no Graph Store Protocol service known for a"
                f" {self.kind} server: give its URL (--graph-store-url)"
            )
        return f"{self.endpoints.graph_store}?{urllib.parse.urlencode({'graph': graph})}"

    def _write(self, url: str, method: str, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.http.request(url, method=method, body=body, headers=headers)
        except StoreError as error:
            if self.http.credentials is not None or not _REFUSED.search(str(error)):
                raise
            # Virtuoso refuses an anonymous write with 403 (graph store) or 500 (update) and
            # "SECURITY" in its page.
            raise StoreError(
                f"{error} (the server does not let anonymous users write: set {USER_VAR} and"
                f" {PASSWORD_VAR} to a user who may; see the README's Virtuoso section)"
            ) from None

    def _select(self, query: str, dataset: list[tuple[str, str]]) -> Results:
        reply = self.http.request(
            self.endpoints.query,
            method="POST",
            body=urllib.parse.urlencode([("query", query), *dataset]).encode("utf-8"),
            headers={"Accept": RESULTS_JSON, "Content-Type": "application/x-www-form-urlencoded"},
        )
        results = _parse_results(reply, self.endpoints.query)
        limit = reply.headers.get(_MAX_ROWS)
        if limit is not None and limit.isdigit() and len(results) >= int(limit):
            raise StoreError(
                f"{self.endpoints.query}: the answer stopped at the server's limit of {limit}"
                " rows (Virtuoso: raise ResultSetMaxRows in [SPARQL] of virtuoso.ini)"
            )
        return results


def _parse_results(reply: Reply, url: str) -> Results:
    try:
        document = json.loads(reply.body)
        variables = tuple(document["head"]["vars"])
        rows = tuple(
            tuple(from_json_term(binding[v]) if v in binding else None for v in variables)
            for binding in document["results"]["bindings"]
        )
    except (ValueError, KeyError, TypeError) as error:
        raise StoreError(f"{url}: not SPARQL JSON results: {error}") from None
    return Results(variables, rows)
