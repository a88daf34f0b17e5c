"""The exported graph conforms to the shipped SHACL shapes, and the registry's Wikidata ids are
the verified ones."""

from __future__ import annotations

import csv
from importlib.resources import files
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from stancegraph import StanceGraph, to_rdf
from stancegraph.rdf_mapping import union
from stancegraph.vocab import SG

QIDS = Path(__file__).parent / "data" / "reference" / "wikidata-qids.tsv"


def _shapes() -> Graph:
    text = files("stancegraph").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


@pytest.fixture(scope="module")
def data(seed_graph: StanceGraph) -> Graph:
    return union(to_rdf(seed_graph))


def test_export_conforms_to_shapes(data: Graph) -> None:
    conforms, _, report = pyshacl.validate(data, shacl_graph=_shapes(), inference="none")
    assert conforms, report


def test_shapes_catch_a_statement_without_holder(data: Graph) -> None:
    broken = Graph()
    for triple in data:
        broken.add(triple)
    statement = next(iter(broken.subjects(RDF.type, SG.Stance)))
    broken.remove((statement, SG.holder, None))
    conforms, _, report = pyshacl.validate(broken, shacl_graph=_shapes(), inference="none")
    assert not conforms
    assert "holder" in str(report)


def test_wikidata_ids_are_the_verified_ones(seed_graph: StanceGraph) -> None:
    with QIDS.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    verified = {r["qid"]: r["name"] for r in rows if r["status"].startswith("verified")}
    linked = [a for a in seed_graph.actors if a.wikidata]
    assert len(linked) >= 15
    for actor in linked:
        assert actor.wikidata in verified, actor
        assert verified[actor.wikidata] in {actor.name, *actor.aliases}, actor
    unverified = {r["name"] for r in rows if not r["status"].startswith("verified")}
    for actor in seed_graph.actors:
        if actor.name in unverified:
            assert actor.wikidata is None, actor
