"""Namespaces: the project's own terms (checked against ``ontology.ttl`` by a test) and W3C ones."""

from __future__ import annotations

from importlib.resources import files

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

SG_NAMESPACE = "https://stancegraph.example/ns#"
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")


class SG(DefinedNamespace):
    """The stancegraph ontology. A misspelt term raises AttributeError instead of minting an IRI.

    >>> SG.supports
    rdflib.term.URIRef('https://stancegraph.example/ns#supports')
    """

    _NS = Namespace(SG_NAMESPACE)
    _fail = True

    Actor: URIRef
    Statement: URIRef
    Stance: URIRef
    Commitment: URIRef
    Demand: URIRef
    Criticism: URIRef
    Participation: URIRef
    RoleStatement: URIRef
    Proposition: URIRef
    Polarity: URIRef
    ReviewStatus: URIRef
    support: URIRef
    oppose: URIRef
    conditional: URIRef
    neutral: URIRef
    curated: URIRef
    confirmed: URIRef
    corrected: URIRef
    unreviewed: URIRef
    holder: URIRef
    target: URIRef
    addressee: URIRef
    polarity: URIRef
    condition: URIRef
    conditionText: URIRef
    confidence: URIRef
    reviewStatus: URIRef
    reviewedBy: URIRef
    reviewedOn: URIRef
    rule: URIRef
    supports: URIRef
    opposes: URIRef
    conditionallySupports: URIRef
    neutralOn: URIRef
    commitsTo: URIRef
    demands: URIRef
    criticises: URIRef
    participatesIn: URIRef
    holdsPostIn: URIRef
    title: URIRef
    iso3166Alpha3: URIRef
    demonym: URIRef
    keyword: URIRef
    textSha256: URIRef
    provisional: URIRef


def ontology_turtle() -> str:
    """The ontology shipped with the package, as Turtle text."""
    return files("stancegraph").joinpath("ontology.ttl").read_text(encoding="utf-8")


def ontology() -> Graph:
    """The ontology shipped with the package, parsed.

    >>> (SG.Stance, None, None) in ontology()
    True
    """
    return Graph().parse(data=ontology_turtle(), format="turtle")


class Cached:
    """A namespace whose terms are looked up once and then read as plain attributes.

    An attribute of an rdflib namespace is a function call that builds a new URIRef; code that
    runs for every statement reads its terms through one of these instead.

    >>> terms = Cached(SG)
    >>> terms.holder is terms.holder
    True
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        # Called only on a miss: the value is then kept in the instance's __dict__.
        value = getattr(self._namespace, name)
        if not isinstance(value, URIRef):
            raise AttributeError(name)
        setattr(self, name, value)
        return value
