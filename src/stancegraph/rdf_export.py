"""The RDF exports of ``stancegraph build``, written in one pass over the mapping.

Each named graph is mapped (:func:`~stancegraph.rdf_mapping.graph_sections`), grouped by subject,
written as N-Triples text, serialised by Oxigraph into every export
(:mod:`~stancegraph.rdf_documents`) and dropped, so neither a store nor the corpus's text is ever
held whole (at 100k statements: 2.6 M triples, over 1 GB of exports). The rdflib dataset of
:func:`~stancegraph.rdf_mapping.to_rdf` stays the reference: tests parse every export and compare
it with that dataset.

Turtle and N-Triples hold the union of the graphs, where a triple stated in two graphs must
appear once. Only the registry graph's subjects (actors, propositions, ...) recur in other
graphs: an article graph states its holders' shortcut triples (``actor:x sg:supports prop:y``),
and two articles may state the same one. The union therefore writes the registry, then each
article graph's own subjects, then, once each, the triples the articles added to registry
subjects, grouped by subject. Any other subject is checked to appear in one article graph only.
Each article graph (TriG, N-Quads, JSON-LD) lists its own subjects first, then what it says about
registry subjects, as the union does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain, filterfalse
from typing import BinaryIO

from rdflib import URIRef

from stancegraph.collector import collector_paused
from stancegraph.corpus import StanceGraph
from stancegraph.formats import RDF_FORMATS
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.rdf_documents import Document, Graph, quads
from stancegraph.rdf_mapping import graph_sections, prefixes
from stancegraph.rdf_ntriples import Objects, Subjects, SubjectSink, subjects_text
from stancegraph.rdf_sink import TripleSink

Sections = Iterable[tuple[URIRef, Callable[[TripleSink], None]]]


@dataclass(frozen=True, slots=True)
class RdfCounts:
    """What the exports hold: distinct triples over all graphs, and named graphs."""

    triples: int
    graphs: int


def write_rdf(
    graph: StanceGraph, streams: Mapping[str, BinaryIO], base: str = DEFAULT_BASE
) -> RdfCounts:
    """Write ``graph`` as RDF into ``streams``, keyed by format name (see ``RDF_FORMATS``).

    Examples:
        >>> import io
        >>> from stancegraph import load
        >>> turtle = io.BytesIO()
        >>> write_rdf(load("graph", curated_only=True), {"turtle": turtle})
        RdfCounts(triples=1734, graphs=2)
        >>> turtle.getvalue().decode().splitlines()[0]
        '@prefix prop: <https://stancegraph.example/id/proposition/> .'

    """
    iris = Iris(base)
    with collector_paused():
        return write_sections(graph_sections(graph, iris), streams, prefixes(iris))


def write_sections(
    sections: Sections, streams: Mapping[str, BinaryIO], prefix_map: dict[str, str]
) -> RdfCounts:
    """Write ``sections`` (the first one the registry) into ``streams`` by format name.

    Examples:
        A triple two article graphs state about a registry subject is written once, at the end:

        >>> import io
        >>> from stancegraph.rdf_sink import Lit
        >>> actor, label, says = (URIRef("http://ex.org/" + name) for name in ("a", "l", "says"))
        >>> def registry(out: TripleSink) -> None:
        ...     out.add((actor, label, Lit("A")))
        >>> def article(out: TripleSink) -> None:
        ...     out.add((actor, says, URIRef("http://ex.org/yes")))
        >>> names = [URIRef(f"urn:{n}") for n in ("registry", "one", "two")]
        >>> turtle = io.BytesIO()
        >>> sections = zip(names, [registry, article, article], strict=True)
        >>> write_sections(sections, {"turtle": turtle}, {"ex": "http://ex.org/"})
        RdfCounts(triples=2, graphs=3)
        >>> print(turtle.getvalue().decode(), end="")
        @prefix ex: <http://ex.org/> .
        <BLANKLINE>
        ex:a ex:l "A" .
        <BLANKLINE>
        ex:a ex:says ex:yes .

    Raises:
        ValueError: a subject outside the first section is described in two sections, which
            the union could then hold twice; the mapping never does this.

    """
    by_graph: list[Document] = []
    union: list[Document] = []
    for name, stream in streams.items():
        rdf_format = RDF_FORMATS[name]
        document = Document(stream, rdf_format.syntax, prefix_map)
        (by_graph if rdf_format.named_graphs else union).append(document)
    shared: Subjects | None = None
    added: Subjects = {}
    own: list[URIRef]
    common: list[URIRef]
    seen: set[URIRef] = set()
    triples = graphs = 0
    for name, fill in sections:
        sink = SubjectSink()
        fill(sink)
        subjects = sink.subjects
        graphs += 1
        if shared is None:
            shared, own, common = subjects, list(subjects), []
        else:
            own, common = _split_subjects(subjects, shared, added, seen)
        stated = count(map(subjects.__getitem__, own))
        triples += stated
        if by_graph:
            # Oxigraph parses the graph once, a quad per line; the union's part of it, which
            # comes first, is taken from the same quads (in 40% of the time of parsing it again).
            graph = quads(subjects_text(subjects, own + common, name))
            _write(by_graph, graph)
            if union:
                _write(union, [quad.triple for quad in graph[:stated]])
        elif union:
            _write(union, quads(subjects_text(subjects, own)))
    if added and union:
        _write(union, quads(subjects_text(added, added)))
    for document in by_graph + union:
        document.close()
    return RdfCounts(triples + count(added.values()), graphs)


def _write(documents: list[Document], graph: Graph) -> None:
    for document in documents:
        document.write(graph)


def count(subjects: Iterable[dict[URIRef, Objects]]) -> int:
    """How many triples there are in some subjects' predicate -> objects dicts.

    >>> from rdflib.namespace import RDF
    >>> from stancegraph.rdf_sink import Lit
    >>> count([{RDF.type: {RDF.Property: None}, RDF.value: {Lit("a"): None, Lit("b"): None}}])
    3
    """
    # One sum over the sizes of every object set, iterated in C rather than by a generator.
    return sum(map(len, chain.from_iterable(map(dict.values, subjects))))


def _split_subjects(
    subjects: Subjects, shared: Subjects, added: Subjects, seen: set[URIRef]
) -> tuple[list[URIRef], list[URIRef]]:
    """The subjects of an article graph that no other graph describes, and the shared ones.

    The triples it states about a shared subject go into ``added``, unless the registry or an
    earlier graph stated them already. (Set operations: this runs for every subject.)
    """
    common = subjects.keys() & shared.keys()
    in_common: list[URIRef] = []
    if not common:
        own = list(subjects)
    else:
        own = list(filterfalse(common.__contains__, subjects))
        in_common = list(filter(common.__contains__, subjects))  # in the graph's order
    if not seen.isdisjoint(own):
        repeated = next(subject for subject in own if subject in seen)
        raise ValueError(f"{repeated} is described in two article graphs")
    seen.update(own)
    for subject in in_common:
        known, extra = shared[subject], added.setdefault(subject, {})
        for predicate, objects in subjects[subject].items():
            stated = known.get(predicate, {})
            new = extra.setdefault(predicate, {})
            new.update((obj, None) for obj in objects if obj not in stated)
            if not new:
                del extra[predicate]
        if not extra:
            del added[subject]
    return own, in_common
