"""One named graph's triples grouped by subject, and each subject written as RDF text.

The exports are written straight from the mapping's terms (:mod:`~stancegraph.rdf_sink`), not
through an rdflib store: indexing 2.6 M triples in rdflib and running its serialisers took minutes
at 100k statements. A :class:`Section` holds one graph's triples as subject -> predicate ->
objects, in the order the mapping wrote them (which depends only on the inputs, never on a hash
seed), and renders each subject once per syntax: N-Triples lines (also the N-Quads lines, with
the graph added), a Turtle block (also TriG's, indented) and a JSON-LD node object.

The loops below run for each of the 2.6 M triples of 100k statements, so they avoid list
comprehensions (a function call each in Python 3.11) and write each term once per section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from itertools import chain
from json.encoder import encode_basestring as _json_string

from rdflib import URIRef
from rdflib.namespace import RDF, XSD

from stancegraph.rdf_ntriples import iri_term, literal_term
from stancegraph.rdf_sink import Lit, Term, Triple

Objects = dict[Term, None]
"""A subject's objects for one predicate: a dict used as an ordered set."""
Subjects = dict[URIRef, dict[URIRef, Objects]]
"""Triples grouped by subject, then predicate, each level in the order first written."""

_TYPE = RDF.type
# str's own comparison: a URIRef's __eq__ is a Python call, and is False against a plain str.
_IS_TYPE = str(RDF.type).__eq__
_IS_XSD_STRING = str(XSD.string).__eq__
# A Turtle local name that needs no escape (PN_LOCAL without ':', '%' and backslash escapes);
# any other IRI is written in full, which every reader accepts.
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")


class SubjectSink:
    """A :class:`~stancegraph.rdf_sink.TripleSink` that groups triples by subject and predicate.

    A triple added twice is kept once (a statement's extraction activity is written again by
    every statement of the article it read).

    >>> from stancegraph.vocab import SG
    >>> sink = SubjectSink()
    >>> for _ in range(2):
    ...     sink.add((SG.support, SG.polarity, Lit("x")))
    >>> sink.subjects[SG.support][SG.polarity]
    {Lit(lexical='x', lang=None, datatype=None): None}
    """

    __slots__ = ("subjects",)

    def __init__(self) -> None:
        self.subjects: Subjects = {}

    def add(self, triple: Triple) -> None:
        """Add one triple."""
        subject, predicate, obj = triple
        predicates = self.subjects.get(subject)
        if predicates is None:
            predicates = self.subjects[subject] = {}
        objects = predicates.get(predicate)
        if objects is None:
            objects = predicates[predicate] = {}
        objects[obj] = None


def count(subjects: Iterable[dict[URIRef, Objects]]) -> int:
    """How many triples there are in some subjects' predicate -> objects dicts.

    >>> count([{RDF.type: {RDF.Property: None}, RDF.value: {Lit("a"): None, Lit("b"): None}}])
    3
    """
    # One sum over the sizes of every object set, iterated in C rather than by a generator.
    return sum(map(len, chain.from_iterable(map(dict.values, subjects))))


class _Terms(dict[Term, str]):
    """One section's terms in one syntax, each written on its first use in the section.

    Terms that recur from section to section (IRIs in a prefix's namespace: vocabulary, actors,
    propositions, articles; typed literals: dates, offsets) are also kept in ``kept``, which seeds
    the next section's terms; a statement's own nodes and quotes are not, so ``kept`` stays small.
    """

    __slots__ = ("_kept", "_namespaces")

    def __init__(self, kept: dict[Term, str], namespaces: dict[str, str]) -> None:
        super().__init__(kept)
        self._kept = kept
        self._namespaces = namespaces

    def __missing__(self, term: Term) -> str:
        if isinstance(term, Lit):
            datatype = term.datatype
            keep = not term.lang and datatype is not None and not _IS_XSD_STRING(datatype)
            text = self._literal(term, keep)
        else:
            # Every namespace ends in '/' or '#', so the namespace is what precedes the last one.
            cut = max(term.rfind("/"), term.rfind("#")) + 1
            prefix = self._namespaces.get(term[:cut])
            keep = prefix is not None
            text = self._iri(term, cut, prefix)
        self[term] = text
        if keep:
            self._kept[term] = text
        return text

    def _iri(self, iri: URIRef, cut: int, prefix: str | None) -> str:
        return iri_term(iri)

    def _literal(self, literal: Lit, typed: bool) -> str:
        return literal_term(literal)


class TurtleTerms(_Terms):
    """Terms in Turtle syntax: IRIs in a prefix's namespace as prefixed names.

    >>> terms = TurtleTerms({}, {"https://stancegraph.example/ns#": "sg"})
    >>> terms[URIRef("https://stancegraph.example/ns#holder")]
    'sg:holder'
    >>> terms[URIRef("https://stancegraph.example/ns#a/b")]
    '<https://stancegraph.example/ns#a/b>'
    >>> terms[Lit("1.0", datatype=XSD.decimal)]
    '"1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """

    __slots__ = ()

    def _iri(self, iri: URIRef, cut: int, prefix: str | None) -> str:
        if prefix is not None and _LOCAL_NAME.fullmatch(iri, cut) is not None:
            return f"{prefix}:{iri[cut:]}"
        return iri_term(iri)

    def _literal(self, literal: Lit, typed: bool) -> str:
        if typed:
            assert literal.datatype is not None
            return literal_term(Lit(literal.lexical)) + "^^" + self[literal.datatype]
        return literal_term(literal)


class _JsonLdValues(_Terms):
    """Objects as JSON-LD value or node objects, in expanded form (no context to resolve)."""

    __slots__ = ()

    def _iri(self, iri: URIRef, cut: int, prefix: str | None) -> str:
        return '{"@id": ' + _json_string(iri) + "}"

    def _literal(self, literal: Lit, typed: bool) -> str:
        lexical, lang, datatype = literal
        if lang:
            return f'{{"@value": {_json_string(lexical)}, "@language": {_json_string(lang)}}}'
        if typed:
            assert datatype is not None
            return f'{{"@value": {_json_string(lexical)}, "@type": {_json_string(datatype)}}}'
        return f'{{"@value": {_json_string(lexical)}}}'


class Syntax:
    """What the sections of one export run share: the prefixes, and the terms they all use."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes
        self.namespaces = {namespace: prefix for prefix, namespace in prefixes.items()}
        self.ntriples: dict[Term, str] = {}
        self.turtle: dict[Term, str] = {}
        self.jsonld: dict[Term, str] = {}
        # Predicates, written once per run (Turtle writes rdf:type as "a"; JSON-LD as "@type").
        self.verbs = TurtleTerms({_TYPE: "a"}, self.namespaces)
        self.keys: dict[URIRef, str] = {}


class Section:
    """One named graph (``name``; ``None`` for triples outside any) and its subjects' text.

    Each syntax's text of every subject is made on first use and kept, so that Turtle and TriG
    share one rendering, and N-Triples and N-Quads another.

    >>> from stancegraph.vocab import SG
    >>> sink = SubjectSink()
    >>> sink.add((SG.support, _TYPE, SG.Polarity))
    >>> sink.add((SG.support, SG.polarity, Lit("yes", lang="en")))
    >>> section = Section(None, sink.subjects, Syntax({"sg": "https://stancegraph.example/ns#"}))
    >>> print(section.turtle[SG.support], end="")
    sg:support a sg:Polarity ;
        sg:polarity "yes"@en .
    """

    def __init__(self, name: URIRef | None, subjects: Subjects, syntax: Syntax) -> None:
        self.name = name
        self.subjects = subjects
        self._syntax = syntax

    @cached_property
    def ntriples(self) -> dict[URIRef, str]:
        """Each subject's triples as N-Triples lines."""
        terms = _Terms(self._syntax.ntriples, self._syntax.namespaces)
        out = {}
        for subject, predicates in self.subjects.items():
            lines = []
            for predicate, objects in predicates.items():
                head = f"{terms[subject]} {terms[predicate]} "
                for obj in objects:
                    lines.append(f"{head}{terms[obj]} .\n")
            out[subject] = "".join(lines)
        return out

    @cached_property
    def turtle(self) -> dict[URIRef, str]:
        """Each subject as a Turtle block: predicates after ';', objects after ','."""
        terms = TurtleTerms(self._syntax.turtle, self._syntax.namespaces)
        verbs = self._syntax.verbs
        out = {}
        for subject, predicates in self.subjects.items():
            pairs = []
            for predicate, objects in predicates.items():
                if len(objects) == 1:
                    for obj in objects:
                        pairs.append(f"{verbs[predicate]} {terms[obj]}")
                else:
                    listed = ",\n        ".join(map(terms.__getitem__, objects))
                    pairs.append(f"{verbs[predicate]} {listed}")
            out[subject] = f"{terms[subject]} " + " ;\n    ".join(pairs) + " .\n"
        return out

    @cached_property
    def jsonld(self) -> dict[URIRef, str]:
        """Each subject as a JSON-LD node object, indented to sit in a graph's ``@graph``."""
        values = _JsonLdValues(self._syntax.jsonld, self._syntax.namespaces)
        keys = self._syntax.keys
        out = {}
        for subject, predicates in self.subjects.items():
            members = ['"@id": ' + _json_string(subject)]
            for predicate, objects in predicates.items():
                key = keys.get(predicate)
                if key is None:
                    key = keys[predicate] = _json_string(predicate)
                types = (
                    [o for o in objects if not isinstance(o, Lit)] if _IS_TYPE(predicate) else ()
                )
                if len(types) == len(objects):
                    members.append(f'"@type": [{", ".join(map(_json_string, types))}]')
                elif len(objects) == 1:
                    for obj in objects:
                        members.append(f"{key}: [{values[obj]}]")
                else:
                    members.append(f"{key}: [{', '.join(map(values.__getitem__, objects))}]")
            out[subject] = "      {\n        " + ",\n        ".join(members) + "\n      }"
        return out
