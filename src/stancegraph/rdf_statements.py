"""RDF for articles and statements.

Statements are n-ary nodes plus a shortcut triple, evidence is Web Annotation, provenance PROV-O.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import XSD as _XSD

from stancegraph.corpus import StanceGraph
from stancegraph.iris import Iris
from stancegraph.model import (
    Article,
    Evidence,
    Method,
    Polarity,
    ReviewStatus,
    Statement,
    StatementKind,
)
from stancegraph.rdf_sink import Lit, TripleSink, day, typed
from stancegraph.vocab import OA as _OA
from stancegraph.vocab import SCHEMA as _SCHEMA
from stancegraph.vocab import SG as _SG
from stancegraph.vocab import Cached

# This module runs about 25 times per statement: it reads namespace terms through caches.
DCTERMS, PROV, RDF, RDFS, XSD = (Cached(n) for n in (_DCTERMS, _PROV, _RDF, _RDFS, _XSD))
OA, SCHEMA, SG = Cached(_OA), Cached(_SCHEMA), Cached(_SG)

CONTEXT_CHARS = 32
"""How many characters of text before and after a quote go into oa:prefix and oa:suffix."""

STATEMENT_CLASSES: dict[StatementKind, URIRef] = {
    StatementKind.STANCE: SG.Stance,
    StatementKind.COMMITMENT: SG.Commitment,
    StatementKind.DEMAND: SG.Demand,
    StatementKind.CRITICISM: SG.Criticism,
    StatementKind.PARTICIPATION: SG.Participation,
    StatementKind.ROLE: SG.RoleStatement,
}
POLARITIES: dict[Polarity, URIRef] = {
    Polarity.SUPPORT: SG.support,
    Polarity.OPPOSE: SG.oppose,
    Polarity.CONDITIONAL: SG.conditional,
    Polarity.NEUTRAL: SG.neutral,
}
REVIEW_STATUSES: dict[ReviewStatus, URIRef] = {
    ReviewStatus.CURATED: SG.curated,
    ReviewStatus.CONFIRMED: SG.confirmed,
    ReviewStatus.CORRECTED: SG.corrected,
    ReviewStatus.UNREVIEWED: SG.unreviewed,
}
_STANCE_SHORTCUTS: dict[Polarity, URIRef] = {
    Polarity.SUPPORT: SG.supports,
    Polarity.OPPOSE: SG.opposes,
    Polarity.CONDITIONAL: SG.conditionallySupports,
    Polarity.NEUTRAL: SG.neutralOn,
}
_KIND_SHORTCUTS: dict[StatementKind, URIRef] = {
    StatementKind.COMMITMENT: SG.commitsTo,
    StatementKind.DEMAND: SG.demands,
    StatementKind.CRITICISM: SG.criticises,
    StatementKind.PARTICIPATION: SG.participatesIn,
    StatementKind.ROLE: SG.holdsPostIn,
}


def shortcut_predicate(statement: Statement) -> URIRef:
    """The direct holder-to-target predicate that summarises ``statement``.

    >>> from stancegraph.model import Statement, StatementKind, Polarity
    >>> s = Statement("a/s", "a", StatementKind.STANCE, "putin", "ceasefire", None, (), None,
    ...               polarity=Polarity.CONDITIONAL)  # doctest: +SKIP
    """
    if statement.kind is StatementKind.STANCE:
        assert statement.polarity is not None
        return _STANCE_SHORTCUTS[statement.polarity]
    return _KIND_SHORTCUTS[statement.kind]


def add_article(out: TripleSink, article: Article, iris: Iris) -> None:
    """Add ``article`` as a schema:NewsArticle with its full text and the text's SHA-256."""
    node = iris.article(article.id)
    out.add((node, RDF.type, SCHEMA.NewsArticle))
    out.add((node, SCHEMA.headline, Lit(article.title, article.language)))
    out.add((node, SCHEMA.datePublished, day(article.published)))
    out.add((node, SCHEMA.inLanguage, Lit(article.language)))
    out.add((node, SCHEMA.articleBody, Lit(article.text, article.language)))
    out.add((node, SG.textSha256, Lit(article.sha256)))
    if article.publisher:
        out.add((node, SCHEMA.publisher, Lit(article.publisher)))
    if article.url:
        out.add((node, SCHEMA.url, URIRef(article.url)))
    if article.speaker:
        out.add((node, SCHEMA.author, iris.actor(article.speaker)))
    for issuer in article.issuers:
        out.add((node, SCHEMA.author, iris.actor(issuer)))
    if article.licence:
        out.add((node, SCHEMA.license, Lit(article.licence)))
    if article.text_type:
        out.add((node, SCHEMA.genre, Lit(article.text_type.value)))


def add_statement(out: TripleSink, statement: Statement, graph: StanceGraph, iris: Iris) -> None:
    """Add ``statement`` as a node, its shortcut triple, its evidence and its provenance."""
    node = iris.statement(statement.id)
    holder = iris.actor(statement.holder)
    target = iris.node(graph.node_kind(statement.target), statement.target)
    out.add((holder, shortcut_predicate(statement), target))
    out.add((node, RDF.type, SG.Statement))
    out.add((node, RDF.type, STATEMENT_CLASSES[statement.kind]))
    out.add((node, SG.holder, holder))
    out.add((node, SG.target, target))
    out.add((node, DCTERMS.date, day(statement.date)))
    if statement.polarity is not None:
        out.add((node, SG.polarity, POLARITIES[statement.polarity]))
    if statement.addressee is not None:
        out.add((node, SG.addressee, iris.actor(statement.addressee)))
    for condition in statement.conditions:
        if condition.proposition is not None:
            out.add((node, SG.condition, iris.proposition(condition.proposition)))
        if condition.text is not None:
            out.add((node, SG.conditionText, Lit(condition.text, "en")))
    if statement.title is not None:
        out.add((node, SG.title, Lit(statement.title, "en")))
    if statement.note:
        out.add((node, RDFS.comment, Lit(statement.note, "en")))
    _add_provenance(out, node, statement, iris)
    article = graph.article(statement.article)
    for index, evidence in enumerate(statement.evidence, start=1):
        _add_evidence(out, node, statement.id, index, evidence, article, iris)


def _add_provenance(out: TripleSink, node: URIRef, statement: Statement, iris: Iris) -> None:
    provenance = statement.provenance
    out.add((node, PROV.wasDerivedFrom, iris.article(statement.article)))
    # The lexical form always has a decimal point ("1.0", "0.85"), as Turtle writes decimals,
    # so that a parsed export compares equal term for term.
    confidence = str(round(provenance.confidence, 3))
    out.add((node, SG.confidence, typed(confidence, XSD.decimal)))
    out.add((node, SG.reviewStatus, REVIEW_STATUSES[provenance.status]))
    if provenance.reviewer is not None:
        out.add((node, SG.reviewedBy, Lit(provenance.reviewer)))
    if provenance.reviewed_on is not None:
        out.add((node, SG.reviewedOn, typed(provenance.reviewed_on.isoformat(), XSD.date)))
    # The agent itself (label, type) is described once, in the registry graph.
    agent = iris.agent(provenance.agent)
    if provenance.method is Method.CURATED:
        out.add((node, PROV.wasAttributedTo, agent))
        return
    activity = iris.extraction(statement.article)
    out.add((node, PROV.wasGeneratedBy, activity))
    out.add((activity, RDF.type, PROV.Activity))
    out.add((activity, PROV.used, iris.article(statement.article)))
    out.add((activity, PROV.wasAssociatedWith, agent))
    if provenance.rule:
        out.add((node, SG.rule, Lit(provenance.rule)))


def _add_evidence(  # noqa: PLR0917 - one call site, every argument is needed
    out: TripleSink,
    statement_node: URIRef,
    statement_id: str,
    index: int,
    evidence: Evidence,
    article: Article,
    iris: Iris,
) -> None:
    start, end = evidence.start, evidence.end
    annotation = iris.evidence(statement_id, index)
    target = iris.evidence(statement_id, index, "target")
    quote_selector = iris.evidence(statement_id, index, "quote")
    position_selector = iris.evidence(statement_id, index, "position")
    text = article.text
    out.add((annotation, RDF.type, OA.Annotation))
    out.add((annotation, OA.motivatedBy, OA.describing))
    out.add((annotation, OA.hasBody, statement_node))
    out.add((annotation, OA.hasTarget, target))
    out.add((target, RDF.type, OA.SpecificResource))
    out.add((target, OA.hasSource, iris.article(article.id)))
    out.add((target, OA.hasSelector, quote_selector))
    out.add((target, OA.hasSelector, position_selector))
    out.add((quote_selector, RDF.type, OA.TextQuoteSelector))
    out.add((quote_selector, OA.exact, Lit(text[start:end])))
    prefix, suffix = text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
    if prefix:
        out.add((quote_selector, OA.prefix, Lit(prefix)))
    if suffix:
        out.add((quote_selector, OA.suffix, Lit(suffix)))
    out.add((position_selector, RDF.type, OA.TextPositionSelector))
    out.add((position_selector, OA.start, typed(start, XSD.nonNegativeInteger)))
    out.add((position_selector, OA.end, typed(end, XSD.nonNegativeInteger)))
