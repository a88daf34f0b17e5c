"""The SPARQL queries that pair actors (congruence, conflict, agreement) follow the same rule as
the analysis networks: a position is (proposition, polarity), a conditional or neutral stance
agrees only with the same polarity and conflicts with nothing, and a stance on an actor is no
position. Checked on rdflib and on pyoxigraph."""

from __future__ import annotations

from collections import Counter

import pytest

from stancegraph import StanceGraph, to_rdf
from stancegraph.analysis import OneMode, actor_network
from stancegraph.querying import run
from stancegraph.rdf_ntriples import ntriples_by_graph
from stancegraph.stores import Store
from stancegraph.stores.memory import RdflibStore
from stancegraph.stores.oxigraph import OxigraphStore
from tests.corpora import corpus

Pair = frozenset[str]

ROWS = [
    ("alpha", "p1", "support", "2025-01-01"),
    ("beta", "p1", "support", "2025-01-02"),  # agrees with alpha
    ("beta", "p1", "support", "2025-01-03"),  # the same position again, in another article
    ("gamma", "p1", "conditional", "2025-01-01"),  # neither agrees nor conflicts with alpha
    ("delta", "p1", "conditional", "2025-01-03"),  # agrees with gamma
    ("epsilon", "p1", "oppose", "2025-01-01"),  # conflicts with alpha and beta only
    ("zeta", "p1", "neutral", "2025-01-02"),
    ("eta", "p1", "neutral", "2025-01-03"),  # agrees with zeta
    ("epsilon", "p2", "oppose", "2025-01-02"),
    ("alpha", "p2", "oppose", "2025-01-03"),  # agrees with epsilon on p2, conflicts on p1
    ("alpha", "p2", "support", "2025-01-04"),  # alpha changed its mind: holds both positions
    ("beta", "p2", "support", "2025-01-01"),
    ("gamma", "alpha", "support", "2025-01-02"),  # stances on an actor: no position
    ("theta", "alpha", "support", "2025-01-02"),
]


@pytest.fixture(scope="module")
def graph() -> StanceGraph:
    return corpus(ROWS)


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(request: pytest.FixtureRequest, graph: StanceGraph) -> Store:
    if request.param == "rdflib":
        return RdflibStore(to_rdf(graph))
    oxigraph = OxigraphStore()
    oxigraph.load(ntriples_by_graph(graph))
    return oxigraph


def _ids(graph: StanceGraph) -> dict[str, str]:
    return {actor.name: actor.id for actor in graph.actors}


def _network(graph: StanceGraph, kind: OneMode, attribute: str) -> Counter[Pair]:
    network = actor_network(graph, kind)
    return Counter({frozenset((a, b)): data[attribute] for a, b, data in network.edges(data=True)})


def _pairs(graph: StanceGraph, store: Store, name: str, first: str, second: str) -> Counter[Pair]:
    ids = _ids(graph)
    rows = run(store, name, {}).records()
    return Counter(frozenset((ids[row[first]], ids[row[second]])) for row in rows)


def test_congruence_pairs_the_actors_the_analysis_pairs(graph: StanceGraph, store: Store) -> None:
    expected = _network(graph, OneMode.CONGRUENCE, "agree")
    assert _pairs(graph, store, "congruence", "actor1", "actor2") == expected
    assert frozenset(("alpha", "gamma")) not in expected  # support and conditional: no agreement
    assert expected[frozenset(("gamma", "delta"))] == 1
    assert expected[frozenset(("zeta", "eta"))] == 1


def test_conflict_pairs_the_actors_the_analysis_pairs(graph: StanceGraph, store: Store) -> None:
    expected = _network(graph, OneMode.CONFLICT, "disagree")
    assert _pairs(graph, store, "conflict", "supporter", "opponent") == expected
    assert expected[frozenset(("alpha", "epsilon"))] == 2
    assert frozenset(("gamma", "epsilon")) not in expected  # conditional opposes nothing


def test_agreement_counts_are_the_analysis_weights(graph: StanceGraph, store: Store) -> None:
    ids = _ids(graph)
    network = actor_network(graph, OneMode.SUBTRACT)
    expected = {
        frozenset((a, b)): (data["agree"], data["disagree"])
        for a, b, data in network.edges(data=True)
    }
    rows = run(store, "agreement", {}).records()
    got = {
        frozenset((ids[row["actor1"]], ids[row["actor2"]])): (row["agree"], row["disagree"])
        for row in rows
    }
    assert len(rows) == len(got)  # each pair once
    assert got == expected
    assert (rows[0]["agree"], rows[0]["disagree"]) == (2, 1)  # the most agreeing pair first


def test_a_proposition_limits_the_pairs(graph: StanceGraph, store: Store) -> None:
    ids = _ids(graph)
    rows = run(store, "congruence", {"proposition": "p2"}).records()
    assert {frozenset((ids[r["actor1"]], ids[r["actor2"]])) for r in rows} == {
        frozenset(("alpha", "epsilon")),
        frozenset(("alpha", "beta")),
    }
    assert {r["polarity"] for r in rows} == {"oppose", "support"}


def test_a_proposition_limits_the_conflicts_to_the_same_rows(
    graph: StanceGraph, store: Store
) -> None:
    # The proposition is bound inside both sides' sub-queries (# @bind): the rows must be those
    # of the unbound query on that proposition, no more and no fewer.
    every = run(store, "conflict", {}).records()
    bound = run(store, "conflict", {"proposition": "p2"}).records()
    on_p2 = {r["on"] for r in bound}
    assert len(on_p2) == 1
    assert bound == [r for r in every if r["on"] in on_p2]
    ids = _ids(graph)
    assert {(ids[r["supporter"]], ids[r["opponent"]]) for r in bound} == {
        ("alpha", "epsilon"),
        ("beta", "epsilon"),
        ("beta", "alpha"),  # alpha holds both positions, but does not conflict with itself
    }


def test_allies_are_the_actors_row_of_the_agreement_counts(
    graph: StanceGraph, store: Store
) -> None:
    ids = _ids(graph)
    pairs = run(store, "agreement", {}).records()
    for actor in sorted({ids[r["actor1"]] for r in pairs} | {ids[r["actor2"]] for r in pairs}):
        expected = {}
        for row in pairs:
            one, two = ids[row["actor1"]], ids[row["actor2"]]
            if actor in (one, two):
                expected[two if one == actor else one] = (row["agree"], row["disagree"])
        rows = run(store, "allies", {"actor": actor}).records()
        assert {ids[r["other"]]: (r["agree"], r["disagree"]) for r in rows} == expected, actor
        assert len(rows) == len(expected)
    # alpha and beta: both support p1 and p2; alpha also opposes p2, which beta supports.
    alpha = run(store, "allies", {"actor": "alpha"}).records()
    assert (ids[alpha[0]["other"]], alpha[0]["agree"], alpha[0]["disagree"]) == ("beta", 2, 1)
