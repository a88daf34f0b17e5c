"""A SPARQL 1.1 server: queries over the SPARQL Protocol, loading over the Graph Store Protocol.

One URL names the server. For Oxigraph (``http://host:7878``) the query, update and graph store
services are ``/query``, ``/update`` and ``/store`` below it; Fuseki-style dataset URLs work the
same way. Another layout is given with explicit URLs.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from stancegraph.errors import StoreError
from stancegraph.sparql.results import Results, from_json_term

RESULTS_JSON = "application/sparql-results+json"


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The three service URLs of a server.

    >>> Endpoints.of("http://127.0.0.1:7878")
    Endpoints(query='http://127.0.0.1:7878/query', update='http://127.0.0.1:7878/update', graph_store='http://127.0.0.1:7878/store')
    >>> Endpoints.of("http://127.0.0.1:7878/query").update
    'http://127.0.0.1:7878/update'
    """

    query: str
    update: str
    graph_store: str

    @classmethod
    def of(cls, url: str) -> Endpoints:
        """The services of the server at ``url`` (its root, or its ``/query`` service)."""
        root = url.rstrip("/").removesuffix("/query").removesuffix("/sparql")
        return cls(f"{root}/query", f"{root}/update", f"{root}/store")


def request(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 300,
) -> bytes:
    """The body of an HTTP response.

    Raises:
        StoreError: the server is unreachable or answered with an error status (its message).

    """
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip()[:500]
        raise StoreError(f"{method} {url}: HTTP {error.code}: {detail}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise StoreError(f"{method} {url}: server unreachable: {reason}") from None


class RemoteStore:
    """A SPARQL 1.1 server, queried over the union of its named graphs.

    The union: Oxigraph takes the ``union-default-graph`` parameter; servers that ignore it
    (Virtuoso, GraphDB) query every graph by default anyway.
    """

    name = "endpoint"

    def __init__(self, url: str, timeout: float = 300) -> None:
        self.endpoints = Endpoints.of(url)
        self.timeout = timeout

    def select(self, query: str) -> Results:
        """The rows of a SELECT query, asked in SPARQL 1.1 Query Results JSON."""
        form = urllib.parse.urlencode({"query": query, "union-default-graph": ""})
        data = request(
            self.endpoints.query,
            method="POST",
            body=form.encode("utf-8"),
            headers={
                "Accept": RESULTS_JSON,
                "Content-Type": "application/x-www-form-urlencoded",
            },
            timeout=self.timeout,
        )
        try:
            document = json.loads(data)
            variables = tuple(document["head"]["vars"])
            rows = tuple(
                tuple(from_json_term(binding[v]) if v in binding else None for v in variables)
                for binding in document["results"]["bindings"]
            )
        except (ValueError, KeyError, TypeError) as error:
            raise StoreError(f"{self.endpoints.query}: not SPARQL JSON results: {error}") from None
        return Results(variables, rows)

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update request (one request: one transaction on Oxigraph)."""
        request(
            self.endpoints.update,
            method="POST",
            body=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
            timeout=self.timeout,
        )

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph with an N-Triples document (Graph Store Protocol PUT)."""
        query = urllib.parse.urlencode({"graph": graph})
        request(
            f"{self.endpoints.graph_store}?{query}",
            method="PUT",
            body=ntriples,
            headers={"Content-Type": "application/n-triples"},
            timeout=self.timeout,
        )
