"""Every named query returns the same rows on rdflib, on pyoxigraph and on a real Oxigraph server
that `push` filled, on the seed article and on a synthetic corpus with every kind of statement."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal

from stancegraph import StanceGraph, to_rdf
from stancegraph.querying import run, written
from stancegraph.rdf_ntriples import ntriples_by_graph
from stancegraph.sparql.library import named_queries
from stancegraph.sparql.results import Results
from stancegraph.stores import Store
from stancegraph.stores.memory import RdflibStore
from stancegraph.stores.oxigraph import OxigraphStore
from stancegraph.stores.push import push
from stancegraph.stores.remote import RemoteStore
from tests import push_scenarios
from tests.conftest import SEED_ID
from tests.corpora import synthetic
from tests.oxigraph_server import OxigraphServer

SEED_CASES: list[tuple[str, dict[str, str]]] = [
    ("agreement", {}),
    ("allies", {"actor": "ukraine"}),
    ("ceasefire-supporters", {}),
    ("commitments", {}),
    ("commitments", {"by": "keir-starmer"}),
    ("conflict", {}),
    ("congruence", {}),
    ("congruence", {"proposition": "ceasefire-30-day"}),
    ("criticism", {}),
    ("criticism", {"critic": "keir-starmer"}),
    ("demands", {}),
    ("demands", {"actor": "european-nations"}),
    ("evidence", {"statement": f"{SEED_ID}/putin-conditional-ceasefire-1"}),
    ("memberships", {"date": "2025-03-15"}),
    ("participants", {}),
    ("participants", {"event": "coalition-summit-2025-03-15"}),
    ("positions", {}),
    ("roles", {"date": "2025-03-15"}),
    ("roles", {"date": "2005-01-01", "actor": "vladimir-putin"}),
    ("stances", {"proposition": "ceasefire"}),
    ("timeline", {"actor": "keir-starmer"}),
]
SYNTHETIC_CASES: list[tuple[str, dict[str, str]]] = [
    ("agreement", {}),
    ("allies", {"actor": "actor-0002"}),
    ("ceasefire-supporters", {}),
    ("commitments", {"by": "actor-0003"}),
    ("conflict", {}),
    ("conflict", {"proposition": "prop-0004"}),
    ("congruence", {}),
    ("congruence", {"proposition": "prop-0004"}),
    ("criticism", {}),
    ("demands", {"actor": "actor-0007"}),
    ("evidence", {"statement": "synthetic-000003/s04"}),
    ("memberships", {"date": "2024-06-01"}),
    ("positions", {}),
    ("roles", {"date": "2024-06-01"}),
    ("stances", {"proposition": "prop-0001"}),
    ("stances", {"proposition": "ceasefire"}),  # the root of a hierarchy
    ("timeline", {"actor": "actor-0002"}),
]


def _stores(graph: StanceGraph, server_url: str, *, foreign: bool) -> dict[str, Store]:
    documents = ntriples_by_graph(graph)
    embedded = OxigraphStore()
    embedded.load(documents)
    remote = RemoteStore.connect(server_url, environ={})
    push(remote, documents)
    if foreign:
        # A graph not ours on the server: queries then list their graphs as FROM clauses, where
        # without one they take Oxigraph's own union of every graph. Both ways are compared.
        push_scenarios.add_foreign_graph(remote)
    return {"rdflib": RdflibStore(to_rdf(graph)), "oxigraph": embedded, "endpoint": remote}


@pytest.fixture(scope="module")
def seed_stores(seed_graph: StanceGraph, oxigraph_server: OxigraphServer) -> dict[str, Store]:
    return _stores(seed_graph, oxigraph_server.url, foreign=True)


@pytest.fixture(scope="module")
def synthetic_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Store]]:
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-synthetic") / "data")
    server.start()
    yield _stores(synthetic(600), server.url, foreign=False)
    server.stop()


def test_the_seed_cases_cover_every_named_query() -> None:
    assert {name for name, _ in SEED_CASES} == set(named_queries())


def _same_rows_everywhere(stores: dict[str, Store], name: str, params: dict[str, str]) -> None:
    answers = {label: run(store, name, params).normalised() for label, store in stores.items()}
    reference = answers["rdflib"]
    for label, answer in answers.items():
        assert answer.variables == reference.variables, label
        assert answer.rows == reference.rows, f"{name} {params} on {label}"


@pytest.mark.parametrize(("name", "params"), SEED_CASES)
def test_every_store_returns_the_same_rows_on_the_seed(
    seed_stores: dict[str, Store], name: str, params: dict[str, str]
) -> None:
    _same_rows_everywhere(seed_stores, name, params)


@pytest.mark.parametrize(("name", "params"), SYNTHETIC_CASES)
def test_every_store_returns_the_same_rows_on_a_synthetic_corpus(
    synthetic_stores: dict[str, Store], name: str, params: dict[str, str]
) -> None:
    _same_rows_everywhere(synthetic_stores, name, params)


@pytest.mark.parametrize(
    ("corpus", "name", "params"),
    [("seed", *case) for case in SEED_CASES] + [("synthetic", *case) for case in SYNTHETIC_CASES],
)
def test_oxigraph_writes_the_csv_the_shared_writer_writes(
    request: pytest.FixtureRequest, corpus: str, name: str, params: dict[str, str]
) -> None:
    store = request.getfixturevalue(f"{corpus}_stores")["oxigraph"]
    assert written(store, name, params, "csv") == run(store, name, params).to_csv()


def _column(results: Results, variable: str) -> list[str]:
    index = results.variables.index(variable)
    return [str(row[index]) for row in results.rows]


def test_seed_answers_are_what_the_article_says(seed_graph: StanceGraph) -> None:
    store = RdflibStore(to_rdf(seed_graph))
    stances = run(store, "stances", {"proposition": "ceasefire"})
    assert "Vladimir Putin" in _column(stances, "holder")
    assert set(_column(stances, "polarity")) == {"support", "conditional"}
    evidence = run(store, "evidence", {"statement": f"{SEED_ID}/putin-conditional-ceasefire-1"})
    (row,) = evidence.records()
    text = seed_graph.article(SEED_ID).text
    assert text[row["start"] : row["end"]] == row["quote"]
    assert row["method"] == "curated"
    # Putin was President 2000-2008 and again from 2012: the 2005 question finds the first term.
    roles = run(store, "roles", {"date": "2005-01-01", "actor": "vladimir-putin"}).records()
    assert [(r["role"], r["of"]) for r in roles] == [("President", "Russia")]


def test_conflict_on_synthetic_pairs_a_supporter_with_an_opponent() -> None:
    graph = synthetic(600)
    rows = run(RdflibStore(to_rdf(graph)), "conflict", {}).records()
    assert rows
    labels = {a.name: a.id for a in graph.actors}
    props = {p.label: p.id for p in graph.propositions}
    stances = {(s.holder, s.target, s.polarity.value) for s in graph.statements if s.polarity}
    for row in rows[:50]:
        on = props[row["on"]]
        # Conditional support opposes nothing, as in the analysis conflict network.
        assert (labels[row["supporter"]], on, "support") in stances
        assert (labels[row["opponent"]], on, "oppose") in stances


def test_language_tags_compare_without_case() -> None:
    results = Results(("x",), ((Literal("a", lang="en-GB"),),))
    assert results.normalised().rows[0][0] == Literal("a", lang="en-gb")


def _query_on_disk(location: Path, graph_dir: Path) -> tuple[str, str]:
    # A process per run, as an analyst runs it; the store's lock is released when it exits.
    command = [str(Path(sys.executable).parent / "stancegraph"), "query", "demands", "--format"]
    command += ["csv", "--store", f"oxigraph:{location}", "--graph", str(graph_dir)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout, done.stderr


def test_persistent_oxigraph_store_is_reused_until_inputs_change(
    tmp_path: Path, graph_copy: Path
) -> None:
    location = tmp_path / "store"
    rows, log = _query_on_disk(location, graph_copy)
    assert "Keir Starmer," in rows
    assert "loaded" in log
    again, log = _query_on_disk(location, graph_copy)
    assert again == rows
    assert "is up to date" in log
    actors = graph_copy / "actors.yaml"
    actors.write_text(actors.read_text().replace("name: Keir Starmer", "name: Sir Keir Starmer"))
    changed, log = _query_on_disk(location, graph_copy)
    assert "loaded" in log
    assert "Sir Keir Starmer," in changed
    assert "\nKeir Starmer," not in changed
