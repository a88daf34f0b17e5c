"""`push` against a real Oxigraph server: one graph per article plus the registry, each replaced
whole, and a push that fails or is killed half-way leaves the earlier graphs as they were."""

from __future__ import annotations

import urllib.request

import pytest
from click.testing import CliRunner
from rdflib import Graph
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
from tests.oxigraph_server import OxigraphServer, free_port

PREFIX = str(Iris().graph_prefix())
COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def _counts(store: RemoteStore) -> dict[str, int]:
    return {str(row[0]): int(str(row[1])) for row in store.select(COUNTS)}


def _expected_counts(documents: dict[str, bytes]) -> dict[str, int]:
    return {name: len(set(doc.splitlines())) for name, doc in documents.items()}


def test_push_puts_each_graph_whole_and_plain_http_reads_it(
    seed_graph: StanceGraph, fresh_oxigraph_server: OxigraphServer
) -> None:
    url = fresh_oxigraph_server.url
    # --curated-only: the seed_graph fixture compared against holds the curated codings only.
    result = CliRunner().invoke(
        main, ["push", "--graph", str(GRAPH_DIR), "--curated-only", "--endpoint", url]
    )
    assert result.exit_code == 0, result.output
    assert "push: 2 graphs" in result.output
    registry = str(Iris().registry_graph())
    request = urllib.request.Request(
        f"{url}/store?graph={registry}", headers={"Accept": "application/n-triples"}
    )
    with urllib.request.urlopen(request) as response:
        on_server = Graph().parse(data=response.read(), format="nt")
    expected = Graph()
    for triple in to_rdf(seed_graph).graph(Iris().registry_graph()):
        expected.add(triple)
    assert isomorphic(on_server, expected)
    documents = ntriples_by_graph(seed_graph)
    assert _counts(RemoteStore(url)) == _expected_counts(documents)


def test_push_killed_half_way_leaves_the_earlier_graphs(
    seed_graph: StanceGraph, fresh_oxigraph_server: OxigraphServer
) -> None:
    server = fresh_oxigraph_server
    store = RemoteStore(server.url, timeout=10)
    first = ntriples_by_graph(seed_graph)
    push(store, first, PREFIX)
    before = _counts(store)
    assert before == _expected_counts(first)

    second = ntriples_by_graph(synthetic(200))  # a registry and 8 articles, none of them the seed

    def kill_after_three(done: int, total: int) -> None:
        if done == 3:
            server.kill()

    with pytest.raises(StoreError, match="unreachable"):
        push(store, second, PREFIX, progress=kill_after_three)
    server.start()
    after = _counts(store)
    assert {g: n for g, n in after.items() if g.startswith(PREFIX)} == before
    assert any(g.startswith(STAGING_PREFIX) for g in after), "the killed push staged some graphs"

    report = push(store, second, PREFIX)
    assert report.dropped == 1  # the seed article's graph, no longer in the corpus
    assert _counts(store) == _expected_counts(second)  # and the staging leftovers are gone


def test_push_with_a_refused_upload_changes_nothing(
    seed_graph: StanceGraph, fresh_oxigraph_server: OxigraphServer
) -> None:
    store = RemoteStore(fresh_oxigraph_server.url)
    documents = ntriples_by_graph(seed_graph)
    push(store, documents, PREFIX)
    before = _counts(store)
    broken = dict(ntriples_by_graph(synthetic(100)))
    last = list(broken)[-1]
    broken[last] = b"<not N-Triples\n"
    with pytest.raises(StoreError, match="HTTP 400"):
        push(store, broken, PREFIX)
    assert _counts(store) == before  # no staging graph left either: they were dropped


def test_push_to_nowhere_is_one_line_and_exit_1() -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(main, ["push", "--graph", str(GRAPH_DIR), "--endpoint", nowhere])
    assert result.exit_code == 1
    assert result.output.startswith("error: ")
    assert "unreachable" in result.output
