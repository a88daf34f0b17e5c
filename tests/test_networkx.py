"""The networkx view: expected nodes and edges, scalar attributes GraphML and GEXF accept."""

from __future__ import annotations

import io

import networkx as nx

from stancegraph import StanceGraph, to_networkx
from stancegraph.formats import NETWORK_FORMATS


def test_nodes_are_actors_propositions_and_events(seed_graph: StanceGraph) -> None:
    g = to_networkx(seed_graph)
    assert isinstance(g, nx.MultiDiGraph)
    kinds = nx.get_node_attributes(g, "kind")
    assert sum(1 for k in kinds.values() if k == "actor") == len(seed_graph.actors)
    assert sum(1 for k in kinds.values() if k == "proposition") == len(seed_graph.propositions)
    assert sum(1 for k in kinds.values() if k == "event") == len(seed_graph.events)
    assert g.nodes["nato"] == {
        "kind": "actor",
        "actor_kind": "organisation",
        "label": "NATO",
        "wikidata": "Q7184",
    }
    assert g.nodes["ceasefire-30-day"]["broader"] == "ceasefire"


def test_one_edge_per_statement_from_holder_to_target(seed_graph: StanceGraph) -> None:
    g = to_networkx(seed_graph)
    assert g.number_of_edges() == len(seed_graph.statements)
    for statement in seed_graph.statements:
        attrs = g.edges[statement.holder, statement.target, statement.id]
        assert attrs["kind"] == statement.kind.value
        assert attrs["date"] == statement.date.isoformat()
    putin = [a for _, t, a in g.out_edges("vladimir-putin", data=True) if t == "ceasefire-30-day"]
    assert {a["polarity"] for a in putin} == {"conditional"}
    assert all(a["provenance"] == "curated" and a["confidence"] == 1.0 for a in putin)
    demands = {
        (u, v, a.get("addressee"))
        for u, v, a in g.edges(data=True)
        if a["kind"] == "demand" and u == "volodymyr-zelenskyy"
    }
    assert ("volodymyr-zelenskyy", "european-defence-production", "european-nations") in demands


def test_every_attribute_is_a_scalar(seed_graph: StanceGraph) -> None:
    g = to_networkx(seed_graph)
    values = [v for _, a in g.nodes(data=True) for v in a.values()]
    values += [v for _, _, a in g.edges(data=True) for v in a.values()]
    assert all(isinstance(v, str | int | float | bool) for v in values)


def test_graphml_keeps_attributes(seed_graph: StanceGraph) -> None:
    g = to_networkx(seed_graph)
    data = NETWORK_FORMATS["graphml"].writer(g)
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes["vladimir-putin"]["label"] == "Vladimir Putin"
    quotes = {a["quote"] for _, _, a in back.edges(data=True)}
    assert "tighten sanctions on Russian revenues" in quotes


def test_gexf_is_readable(seed_graph: StanceGraph) -> None:
    data = NETWORK_FORMATS["gexf"].writer(to_networkx(seed_graph))
    back = nx.read_gexf(io.BytesIO(data))
    assert back.number_of_nodes() == to_networkx(seed_graph).number_of_nodes()
