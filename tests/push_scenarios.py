"""What a push must do on any real server, written once and run on Oxigraph and on Virtuoso.

Each scenario takes a running server (the test's own when it kills it) and asserts on what the
server holds afterwards, read back over HTTP.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner, Result
from rdflib import RDFS, Graph
from rdflib.compare import isomorphic

from stancegraph import StanceGraph, to_rdf
from stancegraph.cli import main
from stancegraph.errors import StoreError
from stancegraph.iris import Iris
from stancegraph.rdf_ntriples import ntriples_by_graph
from stancegraph.stores.push import STAGING_PREFIX, push
from stancegraph.stores.remote import RemoteStore
from tests.conftest import GRAPH_DIR
from tests.corpora import synthetic
from tests.server_process import ServerProcess as Server

PREFIX = str(Iris().graph_prefix())
COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
TOTAL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


FOREIGN = "urn:test:foreign"
"""A graph of someone else's on the same server, which no answer of ours may include."""


def add_foreign_graph(store: RemoteStore) -> None:
    """Give the server a graph outside the graph prefix that would change answers if it leaked."""
    actor, label = "<https://stancegraph.example/id/actor/keir-starmer>", RDFS.label.n3()
    store.update(f'INSERT DATA {{ GRAPH <{FOREIGN}> {{ {actor} {label} "Not ours"@en }} }}')


def cli_push(url: str, *options: str, env: dict[str, str] | None = None) -> Result:
    """``stancegraph push --curated-only`` of graph/ to ``url``, as a user types it."""
    # --curated-only: the seed_graph fixture compared against holds the curated codings only.
    arguments = ["push", "--graph", str(GRAPH_DIR), "--curated-only", "--endpoint", url]
    return CliRunner().invoke(main, [*arguments, *options], env=env)


def connect(server: Server, timeout: float = 60) -> RemoteStore:
    return RemoteStore.connect(server.url, environ=server.login, timeout=timeout)


def counts(store: RemoteStore) -> dict[str, int]:
    """Triples per named graph of the whole server, ours or not (Virtuoso's own are left out)."""
    rows = store.select_unscoped(COUNTS)
    return {
        str(g): int(str(n))
        for g, n in rows
        if str(g).startswith(PREFIX) or str(g).startswith(STAGING_PREFIX)
    }


def expected(documents: dict[str, bytes]) -> dict[str, int]:
    return {name: len(set(doc.splitlines())) for name, doc in documents.items()}


def total(store: RemoteStore) -> int:
    """The triples a scoped query sees (a triple stated in two graphs counts twice)."""
    ((n,),) = store.select(TOTAL).rows
    return int(str(n))


def plain_http_count(query_url: str, graphs: list[str]) -> int:
    """The triples of ``graphs``, counted with urllib alone: SPARQL Protocol, JSON results."""
    form = [("query", TOTAL), *[("default-graph-uri", g) for g in graphs]]
    request = urllib.request.Request(
        query_url,
        data=urllib.parse.urlencode(form).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        document = json.load(response)
    return int(document["results"]["bindings"][0]["n"]["value"])


def push_with_the_cli_and_read_with_plain_http(
    server: Server, seed_graph: StanceGraph, options: list[str], query_url: str, graph_url: str
) -> None:
    """``stancegraph push`` loads the seed; urllib alone reads the registry graph back whole."""
    result = cli_push(server.url, *options, env=server.login)
    assert result.exit_code == 0, result.output
    assert "push: 2 graphs" in result.output
    registry = urllib.parse.quote(str(Iris().registry_graph()), safe="")
    request = urllib.request.Request(
        f"{graph_url}?graph={registry}", headers={"Accept": "application/n-triples"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        on_server = Graph().parse(data=response.read(), format="nt")
    registry_graph = Graph()
    for triple in to_rdf(seed_graph).graph(Iris().registry_graph()):
        registry_graph.add(triple)
    assert isomorphic(on_server, registry_graph)
    documents = ntriples_by_graph(seed_graph)
    assert counts(connect(server)) == expected(documents)
    assert plain_http_count(query_url, list(documents)) == sum(expected(documents).values())
    again = cli_push(server.url, *options, env=server.login)
    assert again.exit_code == 0, again.output
    assert "(0 sent, 2 already the same; 0 graphs of removed articles dropped)" in again.output


def killed_during_uploads_leaves_the_earlier_graphs(
    server: Server, seed_graph: StanceGraph
) -> None:
    store = connect(server, timeout=10)
    first = ntriples_by_graph(seed_graph)
    push(store, first)
    before = counts(store)
    assert before == expected(first)
    seen = total(store)

    second = ntriples_by_graph(synthetic(200))  # a registry and 8 articles, none of them the seed

    def kill_after_three(done: int, _total: int) -> None:
        if done == 3:
            server.kill()

    with pytest.raises(StoreError, match="unreachable"):
        push(store, second, progress=kill_after_three)
    server.start()
    after = counts(store)
    assert {g: n for g, n in after.items() if g.startswith(PREFIX)} == before
    assert any(g.startswith(STAGING_PREFIX) for g in after), "the killed push staged some graphs"
    assert total(store) == seen  # the staging graphs are no part of an answer

    report = push(store, second)
    assert report.dropped == 1  # the seed article's graph, no longer in the corpus
    assert counts(store) == expected(second)  # and the staging leftovers are gone


class _KillingStore(RemoteStore):
    """Kills its server a moment after the push's final update request leaves."""

    armed: tuple[Server, float] | None = None
    timer: threading.Timer | None = None

    def update(self, update: str) -> None:
        if "COPY" in update and self.armed is not None and self.timer is None:
            server, delay = self.armed
            self.timer = threading.Timer(delay, server.kill)
            self.timer.start()
        super().update(update)


def killed_during_the_update_leaves_the_earlier_graphs(
    server: Server, seed_graph: StanceGraph, delay: float = 0.1
) -> None:
    """Kill the server while it copies the staged graphs in: after a restart, all old graphs.

    The update copies 81 graphs, 52,000 triples: about a second on both servers on a 2-core
    machine, so a kill ``delay`` seconds after it is sent lands inside it.
    """
    store = _KillingStore.connect(server.url, environ=server.login, timeout=30)
    old, new = ntriples_by_graph(seed_graph), ntriples_by_graph(synthetic(2000))
    push(store, old)
    store.armed = (server, delay)
    with pytest.raises(StoreError, match="unreachable"):  # killed before it answered
        push(store, new)
    assert store.timer is not None
    store.timer.join()
    server.start()
    ours = {g: n for g, n in counts(store).items() if g.startswith(PREFIX)}
    assert ours == expected(old), "the killed update was not undone as a whole"


class _FailingStore(RemoteStore):
    """Ends the push's final update with an operation that fails, once armed."""

    armed = False

    def update(self, update: str) -> None:
        if "COPY" in update and self.armed:
            update += " ;\nDROP GRAPH <urn:test:never-created>"
        super().update(update)


def update_failing_at_its_end(server: Server, seed_graph: StanceGraph) -> tuple[str, str]:
    """Push again, the update failing after its COPYs: which graphs are left, and the error."""
    store = _FailingStore.connect(server.url, environ=server.login)
    old, new = ntriples_by_graph(seed_graph), ntriples_by_graph(synthetic(200))
    push(store, old)
    store.armed = True
    with pytest.raises(StoreError) as failure:
        push(store, new)
    ours = {g: n for g, n in counts(store).items() if g.startswith(PREFIX)}
    assert ours in (expected(old), expected(new)), "the COPYs are last: no mix even here"
    return ("old" if ours == expected(old) else "new"), str(failure.value)


def refused_upload_changes_nothing(server: Server, seed_graph: StanceGraph) -> None:
    store = connect(server)
    push(store, ntriples_by_graph(seed_graph))
    before = counts(store)
    broken = dict(ntriples_by_graph(synthetic(100)))
    last = list(broken)[-1]
    broken[last] = b"<not N-Triples\n"
    with pytest.raises(StoreError, match=r"HTTP (400|500)"):
        push(store, broken)
    assert counts(store) == before  # no staging graph left either: they were dropped


def thousands_of_graphs_are_pushed_whole(server: Server, graphs: int = 1_050) -> None:
    """Push more graphs than a server takes operations in one update request, then fewer.

    Virtuoso 7.2 refused one request of 1,000 MOVEs; a thousand articles need as many COPYs.
    """
    store = connect(server, timeout=300)
    documents = {
        f"{PREFIX}article/many-{number:04d}": f"<urn:s{number}> <urn:p> <urn:o> .\n".encode()
        for number in range(graphs)
    }
    assert push(store, documents).graphs == graphs
    assert counts(store) == expected(documents)
    fewer = dict(list(documents.items())[:-60])
    assert push(store, fewer).dropped == 60
    assert counts(store) == expected(fewer)  # no staging graph is left either


def a_second_push_sends_only_what_changed(server: Server) -> None:
    """Push twice: the second sends the graphs whose triples differ on the server, and no more.

    One article changes between the pushes and another is edited on the server behind the push's
    back: both are sent again, because graphs are compared by what they hold, not remembered.
    """
    store = connect(server)
    documents = ntriples_by_graph(synthetic(200))  # a registry and 8 articles
    assert push(store, documents).sent == len(documents)
    again = push(store, documents)
    assert (again.sent, again.unchanged, again.dropped, again.bytes) == (0, 9, 0, 0)
    assert counts(store) == expected(documents)

    first, second = [name for name in documents if name != store.registry][:2]
    changed = {**documents, first: documents[first] + b'<urn:test:s> <urn:test:p> "new" .\n'}
    store.update(f'INSERT DATA {{ GRAPH <{second}> {{ <urn:test:s> <urn:test:p> "stray" }} }}')
    sent: list[tuple[int, int]] = []
    report = push(store, changed, progress=lambda done, total: sent.append((done, total)))
    assert (report.sent, report.unchanged) == (2, 7)
    assert sent == [(1, 2), (2, 2)]
    assert counts(store) == expected(changed)  # the stray triple is gone, the new one is there
