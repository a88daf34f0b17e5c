"""The exports read by engines other than the one that wrote them: Oxigraph parses the Turtle and
answers the README's queries with the README's rows; PyLD reads the JSON-LD into the same quads."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from pyld import jsonld
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from tests.test_readme import _examples


@pytest.fixture(scope="module")
def oxigraph_store(seed_exports: Path) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(path=str(seed_exports / "stancegraph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def test_oxigraph_reads_the_turtle_export(
    oxigraph_store: pyoxigraph.Store, seed_exports: Path
) -> None:
    rdflib_count = len(Graph().parse(seed_exports / "stancegraph.ttl", format="turtle"))
    assert len(oxigraph_store) == rdflib_count


def _term(value: object) -> str:
    if value is None:
        return ""
    assert isinstance(value, pyoxigraph.Literal | pyoxigraph.NamedNode)
    return value.value


@pytest.mark.parametrize("index", range(3))
def test_oxigraph_answers_readme_queries_with_readme_rows(
    oxigraph_store: pyoxigraph.Store, index: int
) -> None:
    query, header, rows = _examples()[index]
    solutions = oxigraph_store.query(query)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    assert [v.value for v in solutions.variables] == header
    got = [[_term(solution[name]) for name in header] for solution in solutions]
    assert got == rows


@pytest.mark.filterwarnings("ignore:(Dataset|ConjunctiveGraph).*deprecated:DeprecationWarning")
def test_pyld_reads_json_ld_into_the_same_quads(seed_exports: Path) -> None:
    document = json.loads((seed_exports / "stancegraph.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    from_pyld = Dataset()
    from_pyld.parse(data=nquads, format="nquads")
    ours = Dataset()
    ours.parse(seed_exports / "stancegraph.nq", format="nquads")
    by_name = {str(g.identifier): g for g in ours.graphs() if len(g)}
    theirs = {str(g.identifier): g for g in from_pyld.graphs() if len(g)}
    assert sorted(theirs) == sorted(by_name)
    for name, graph in by_name.items():
        assert isomorphic(_plain(graph), _plain(theirs[name])), name


def _plain(graph: Graph) -> Graph:
    out = Graph()
    for triple in graph:
        out.add(triple)
    return out
