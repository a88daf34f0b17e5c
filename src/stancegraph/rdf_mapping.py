"""The one mapping from a :class:`~stancegraph.corpus.StanceGraph` to an RDF dataset."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDFS, SKOS, TIME, XSD

from stancegraph.corpus import StanceGraph
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.model import Article, Statement
from stancegraph.rdf_registry import add_registry
from stancegraph.rdf_sink import RdflibSink, TripleSink
from stancegraph.rdf_statements import add_article, add_statement
from stancegraph.vocab import OA, SCHEMA, SG_NAMESPACE, WIKIDATA


def to_rdf(graph: StanceGraph, base: str = DEFAULT_BASE) -> Dataset:
    """The graph as an RDF dataset: one named graph for the registry and one per article.

    Examples:
        >>> from stancegraph import load
        >>> dataset = to_rdf(load("graph"))
        >>> len(list(dataset.graphs())) >= 2
        True

    """
    iris = Iris(base)
    dataset = Dataset()
    bind_prefixes(dataset, iris)
    map_graph(graph, iris, lambda name: RdflibSink(dataset.graph(name)))
    return dataset


def map_graph(graph: StanceGraph, iris: Iris, graph_for: Callable[[URIRef], TripleSink]) -> None:
    """Write ``graph`` into the sinks ``graph_for`` returns for each named graph's IRI.

    The registry graph comes first, then one graph per article in the graph's article order.
    """
    for name, fill in graph_sections(graph, iris):
        fill(graph_for(name))


def graph_sections(
    graph: StanceGraph, iris: Iris
) -> Iterator[tuple[URIRef, Callable[[TripleSink], None]]]:
    """Each named graph's IRI and a function that writes that whole graph into a sink.

    The registry graph comes first, then one graph per article (the article, then its statements
    in the graph's statement order), so that a caller can write, use and drop one graph at a time.
    """
    yield iris.registry_graph(), lambda out: add_registry(out, graph, iris)
    by_article: dict[str, list[Statement]] = {article.id: [] for article in graph.articles}
    for statement in graph.statements:
        by_article[statement.article].append(statement)
    for article in graph.articles:

        def fill(out: TripleSink, article: Article = article) -> None:
            add_article(out, article, iris)
            for statement in by_article.pop(article.id):
                add_statement(out, statement, graph, iris)

        yield iris.article_graph(article.id), fill


def union(dataset: Dataset) -> Graph:
    """Every triple of every named graph in one graph (for formats without named graphs)."""
    merged = Graph()
    for prefix, namespace in dataset.namespaces():
        merged.bind(prefix, namespace, override=True, replace=True)
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        merged.add((subject, predicate, obj))
    return merged


def bind_prefixes(target: Graph, iris: Iris) -> None:
    """Bind the prefixes every export uses, so that Turtle and TriG read well."""
    for prefix, namespace in prefixes(iris).items():
        target.bind(prefix, Namespace(namespace), override=True, replace=True)


def prefixes(iris: Iris) -> dict[str, str]:
    """The prefixes every export uses, by name: the graph's own namespaces and W3C ones.

    >>> prefixes(Iris())["actor"]
    'https://stancegraph.example/id/actor/'
    """
    namespaces = {
        "sg": SG_NAMESPACE,
        "actor": iris.base + "actor/",
        "prop": iris.base + "proposition/",
        "event": iris.base + "event/",
        "article": iris.base + "article/",
        "stmt": iris.base + "statement/",
        "org": ORG,
        "foaf": FOAF,
        "schema": SCHEMA,
        "oa": OA,
        "prov": PROV,
        "skos": SKOS,
        "time": TIME,
        "owl": OWL,
        "rdfs": RDFS,
        "xsd": XSD,
        "dcterms": DCTERMS,
        "wd": WIKIDATA,
    }
    return {prefix: str(namespace) for prefix, namespace in namespaces.items()}
