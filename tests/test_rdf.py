"""The RDF view: every export, written without rdflib, parses back to the rdflib mapping;
shortcuts and statements agree; every project term is defined in the shipped ontology; evidence
offsets point at the quote."""

from __future__ import annotations

import io
import json
from collections import Counter
from functools import cache

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from stancegraph import StanceGraph, load, to_rdf
from stancegraph.formats import RDF_FORMATS
from stancegraph.iris import Iris
from stancegraph.rdf_export import write_rdf, write_sections
from stancegraph.rdf_mapping import union
from stancegraph.rdf_sink import Lit, TripleSink
from stancegraph.rdf_statements import shortcut_predicate
from stancegraph.vocab import OA, SG, SG_NAMESPACE, WIKIDATA, ontology
from tests.conftest import GRAPH_DIR, outputs_under_hash_seeds
from tests.corpora import synthetic
from tests.test_query import _awkward


@pytest.fixture(scope="module")
def dataset(seed_graph: StanceGraph) -> Dataset:
    return to_rdf(seed_graph)


def _named_graphs(ds: Dataset) -> dict[str, Graph]:
    out = {}
    for graph in ds.graphs():
        if len(graph):
            out[str(graph.identifier)] = _lower_case_languages(graph)
    return out


def _lower_case_languages(graph: Graph) -> Graph:
    """``graph`` with its language tags in lower case, as Oxigraph writes them.

    Language tags are case-insensitive (BCP 47), RDF's value space of them is lower case, and
    Oxigraph, which writes the exports, normalises them so: the mapping's ``de-CH`` is ``de-ch``
    in every export, as in the pyoxigraph store.
    """
    out = Graph()
    for s, p, o in graph:
        tagged = isinstance(o, Literal) and o.language
        out.add((s, p, Literal(str(o), lang=o.language.lower()) if tagged else o))
    return out


@cache
def _corpus(which: str) -> StanceGraph:
    return {"seed": load, "synthetic": lambda _: synthetic(300), "awkward": lambda _: _awkward()}[
        which
    ](GRAPH_DIR)


@cache
def _exports(which: str) -> dict[str, bytes]:
    streams = {name: io.BytesIO() for name in RDF_FORMATS}
    write_rdf(_corpus(which), streams)
    return {name: stream.getvalue() for name, stream in streams.items()}


@pytest.mark.filterwarnings("ignore:(Dataset|ConjunctiveGraph).*deprecated:DeprecationWarning")
@pytest.mark.parametrize("which", ["seed", "synthetic", "awkward"])
@pytest.mark.parametrize("name", sorted(RDF_FORMATS))
def test_export_parses_back_to_the_rdflib_mapping(which: str, name: str) -> None:
    fmt = RDF_FORMATS[name]
    data = _exports(which)[name]
    dataset = to_rdf(_corpus(which))
    if fmt.named_graphs:
        parsed = Dataset()
        parsed.parse(data=data, format=fmt.rdflib_name)
        expected = _named_graphs(dataset)
        got = _named_graphs(parsed)
        assert sorted(got) == sorted(expected)
        for identifier, graph in expected.items():
            assert isomorphic(graph, got[identifier]), identifier
    else:
        parsed_graph = Graph().parse(data=data, format=fmt.rdflib_name)
        assert isomorphic(parsed_graph, _lower_case_languages(union(dataset)))


@pytest.mark.parametrize("name", ["turtle", "n-triples"])
def test_union_exports_state_a_triple_held_by_two_graphs_once(name: str) -> None:
    dataset = to_rdf(_corpus("synthetic"))
    holders = Counter((s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None)))
    assert max(holders.values()) > 1, "the corpus has a triple in two article graphs"
    # pyoxigraph's parser yields each triple as often as the file states it (rdflib's merges).
    syntax = {"turtle": ox.RdfFormat.TURTLE, "n-triples": ox.RdfFormat.N_TRIPLES}[name]
    stated = list(ox.parse(_exports("synthetic")[name], syntax))
    assert len(stated) == len(set(stated)) == len(holders)


def test_counts_are_the_distinct_triples_and_the_named_graphs(seed_graph: StanceGraph) -> None:
    counts = write_rdf(seed_graph, {})
    dataset = to_rdf(seed_graph)
    assert counts.triples == len(union(dataset))
    assert counts.graphs == len(_named_graphs(dataset))


def test_a_subject_described_by_two_article_graphs_is_refused() -> None:
    registry, node = URIRef("urn:registry"), URIRef("urn:node")

    def fill_registry(out: TripleSink) -> None:
        out.add((registry, RDFS.label, Lit("registry")))

    def fill_article(out: TripleSink) -> None:
        out.add((node, RDFS.label, Lit("x")))

    sections = [(registry, fill_registry), (URIRef("urn:a"), fill_article)]
    assert write_sections(sections, {}, {}).triples == 2
    with pytest.raises(ValueError, match="two article graphs"):
        write_sections([*sections, (URIRef("urn:b"), fill_article)], {}, {})


@pytest.mark.slow
def test_exports_do_not_depend_on_the_hash_seed() -> None:
    script = (
        "import io, sys; from tests.corpora import synthetic; "
        "from stancegraph.rdf_export import write_rdf; from stancegraph.formats import RDF_FORMATS;"
        "streams = {n: io.BytesIO() for n in RDF_FORMATS}; write_rdf(synthetic(300), streams); "
        "sys.stdout.buffer.write(b''.join(s.getvalue() for s in streams.values()))"
    )
    runs = outputs_under_hash_seeds(script)
    assert runs[0] == runs[1] == b"".join(_exports("synthetic").values())


def test_one_named_graph_per_article_plus_registry(
    seed_graph: StanceGraph, dataset: Dataset
) -> None:
    iris = Iris()
    names = set(_named_graphs(dataset))
    expected = {str(iris.registry_graph())} | {
        str(iris.article_graph(a.id)) for a in seed_graph.articles
    }
    assert names == expected


def test_json_ld_is_plain_json_with_graphs() -> None:
    document = json.loads(_exports("seed")["json-ld"])
    ids = {item["@id"] for item in document} if isinstance(document, list) else set()
    assert str(Iris().registry_graph()) in ids


def test_shortcuts_and_statement_nodes_agree(seed_graph: StanceGraph, dataset: Dataset) -> None:
    merged = union(dataset)
    shortcut_terms = {
        SG.supports,
        SG.opposes,
        SG.conditionallySupports,
        SG.neutralOn,
        SG.commitsTo,
        SG.demands,
        SG.criticises,
        SG.participatesIn,
    }
    shortcuts = {(s, p, o) for s, p, o in merged if p in shortcut_terms}
    from_statements = set()
    for node in merged.subjects(RDF.type, SG.Statement):
        holder = merged.value(node, SG.holder)
        target = merged.value(node, SG.target)
        kind = {merged.value(node, RDF.type, any=True)} and set(merged.objects(node, RDF.type))
        polarity = merged.value(node, SG.polarity)
        if SG.Stance in kind:
            predicate = {
                SG.support: SG.supports,
                SG.oppose: SG.opposes,
                SG.conditional: SG.conditionallySupports,
                SG.neutral: SG.neutralOn,
            }[polarity]
        else:
            (predicate,) = [
                {
                    SG.Commitment: SG.commitsTo,
                    SG.Demand: SG.demands,
                    SG.Criticism: SG.criticises,
                    SG.Participation: SG.participatesIn,
                }[k]
                for k in kind
                if k not in {SG.Statement}
            ]
        from_statements.add((holder, predicate, target))
    assert shortcuts == from_statements
    assert len(list(merged.subjects(RDF.type, SG.Statement))) == len(seed_graph.statements)
    putin, ceasefire = Iris().actor("vladimir-putin"), Iris().proposition("ceasefire-30-day")
    assert (putin, SG.conditionallySupports, ceasefire) in merged
    assert all(shortcut_predicate(s) in shortcut_terms for s in seed_graph.statements)


def test_every_project_term_is_defined_in_the_ontology(dataset: Dataset) -> None:
    onto = ontology()
    used = {
        term
        for triple in union(dataset)
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(SG_NAMESPACE)
    }
    assert used, "the data uses project terms"
    for term in sorted(used):
        assert (term, RDFS.label, None) in onto, f"{term} has no label"
        assert (term, RDFS.comment, None) in onto, f"{term} has no comment"


def test_ontology_and_namespace_class_list_the_same_terms() -> None:
    onto = ontology()
    defined = {
        str(s)[len(SG_NAMESPACE) :]
        for s in onto.subjects(RDFS.label, None)
        if str(s).startswith(SG_NAMESPACE) and str(s) != SG_NAMESPACE
    }
    declared = set(SG.__annotations__)
    assert defined == declared
    with pytest.raises(AttributeError):
        _ = SG.supportz


def test_evidence_selectors_point_at_the_quote(seed_graph: StanceGraph, dataset: Dataset) -> None:
    merged = union(dataset)
    iris = Iris()
    checked = 0
    for statement in seed_graph.statements:
        for index, evidence in enumerate(statement.evidence, start=1):
            text = seed_graph.article(evidence.article).text
            position = iris.evidence(statement.id, index, "position")
            quote = iris.evidence(statement.id, index, "quote")
            start = merged.value(position, OA.start).toPython()
            end = merged.value(position, OA.end).toPython()
            exact = str(merged.value(quote, OA.exact))
            assert text[start:end] == exact == evidence.quote
            source = merged.value(iris.evidence(statement.id, index, "target"), OA.hasSource)
            assert source == iris.article(evidence.article)
            checked += 1
    assert checked >= len(seed_graph.statements)


def test_actors_link_to_wikidata_and_roles_are_dated(dataset: Dataset) -> None:
    merged = union(dataset)
    iris = Iris()
    assert (iris.actor("vladimir-putin"), OWL.sameAs, WIKIDATA["Q7747"]) in merged
    assert (iris.actor("united-kingdom"), OWL.sameAs, WIKIDATA["Q145"]) in merged
    # Unverified QIDs stay empty rather than guessed.
    assert merged.value(iris.actor("keir-starmer"), OWL.sameAs) is None
    rows = list(
        merged.query(
            """
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?role ?start WHERE {
              ?m org:member ?person ; org:role/rdfs:label ?role ;
                 org:memberDuring/time:hasBeginning/time:inXSDDate ?start .
            }""",
            initBindings={"person": iris.actor("keir-starmer")},
        )
    )
    assert [(str(r[0]), r[1].toPython().isoformat()) for r in rows] == [
        ("Prime Minister", "2024-07-05")
    ]


def test_base_iri_is_configurable(seed_graph: StanceGraph) -> None:
    merged = union(to_rdf(seed_graph, base="https://example.org/kg/"))
    subjects = {str(s) for s in merged.subjects() if isinstance(s, URIRef)}
    assert "https://example.org/kg/actor/keir-starmer" in subjects
    assert not any(s.startswith("https://stancegraph.example/id/") for s in subjects)
    label = merged.value(URIRef("https://example.org/kg/actor/keir-starmer"), RDFS.label)
    assert label == Literal("Keir Starmer", lang="en")
