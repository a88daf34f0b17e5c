"""The RDF exports of ``stancegraph build``, written in one pass over the mapping.

Each named graph is mapped (:func:`~stancegraph.rdf_mapping.graph_sections`), grouped by subject,
written into every export and dropped, so neither an rdflib store nor the corpus's text is ever
held whole (at 100k statements: 2.6 M triples, over 1 GB of exports). The rdflib dataset of
:func:`~stancegraph.rdf_mapping.to_rdf` stays the reference: tests parse every export and compare
it with that dataset.

Turtle and N-Triples hold the union of the graphs, where a triple stated in two graphs must
appear once. Only the registry graph's subjects (actors, propositions, ...) recur in other
graphs: an article graph states its holders' shortcut triples (``actor:x sg:supports prop:y``),
and two articles may state the same one. The union therefore writes the registry, then each
article graph's own subjects, then, once each, the triples the articles added to registry
subjects, grouped by subject. Any other subject is checked to appear in one article graph only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import filterfalse
from typing import BinaryIO

from rdflib import URIRef

from stancegraph.collector import collector_paused
from stancegraph.corpus import StanceGraph
from stancegraph.formats import RDF_FORMATS
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.rdf_mapping import graph_sections, prefixes
from stancegraph.rdf_sink import TripleSink
from stancegraph.rdf_syntax import Section, Subjects, SubjectSink, Syntax, count
from stancegraph.rdf_writers import RdfWriter

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
        >>> write_rdf(load("graph"), {"turtle": turtle})
        RdfCounts(triples=1734, graphs=2)
        >>> turtle.getvalue().decode().splitlines()[0]
        '@prefix actor: <https://stancegraph.example/id/actor/> .'

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
    syntax = Syntax(prefix_map)
    by_graph: list[RdfWriter] = []
    union: list[RdfWriter] = []
    for name, stream in streams.items():
        rdf_format = RDF_FORMATS[name]
        writer = rdf_format.writer(stream, prefix_map)
        (by_graph if rdf_format.named_graphs else union).append(writer)
    shared: Subjects | None = None
    added: Subjects = {}
    seen: set[URIRef] = set()
    triples = graphs = 0
    for name, fill in sections:
        sink = SubjectSink()
        fill(sink)
        section = Section(name, sink.subjects, syntax)
        graphs += 1
        for writer in by_graph:
            writer.write(section, sink.subjects)
        if shared is None:
            shared = sink.subjects
            own: Iterable[URIRef] = sink.subjects
        else:
            own = _own_subjects(sink.subjects, shared, added, seen)
        triples += count(map(sink.subjects.__getitem__, own))
        for writer in union:
            writer.write(section, own)
    if added:
        for writer in union:
            writer.write(Section(None, added, syntax), added)
    for writer in by_graph + union:
        writer.close()
    return RdfCounts(triples + count(added.values()), graphs)


def _own_subjects(
    subjects: Subjects, shared: Subjects, added: Subjects, seen: set[URIRef]
) -> list[URIRef]:
    """The subjects of an article graph that no other graph describes.

    The triples it states about a shared subject go into ``added``, unless the registry or an
    earlier graph stated them already. (Set operations: this runs for every subject.)
    """
    common = subjects.keys() & shared.keys()
    own = list(filterfalse(common.__contains__, subjects)) if common else list(subjects)
    if not seen.isdisjoint(own):
        repeated = next(subject for subject in own if subject in seen)
        raise ValueError(f"{repeated} is described in two article graphs")
    seen.update(own)
    for subject in filter(common.__contains__, subjects):  # in the graph's order
        known, extra = shared[subject], added.setdefault(subject, {})
        for predicate, objects in subjects[subject].items():
            stated = known.get(predicate, {})
            new = extra.setdefault(predicate, {})
            new.update((obj, None) for obj in objects if obj not in stated)
            if not new:
                del extra[predicate]
        if not extra:
            del added[subject]
    return own
