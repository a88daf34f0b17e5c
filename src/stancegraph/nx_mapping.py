"""The one mapping from a :class:`~stancegraph.corpus.StanceGraph` to a networkx graph."""

from __future__ import annotations

import networkx as nx

from stancegraph.corpus import StanceGraph
from stancegraph.model import NodeKind, Statement

Scalar = str | int | float | bool


def to_networkx(graph: StanceGraph) -> nx.MultiDiGraph:
    """A ``MultiDiGraph``: actor, proposition and event nodes; one edge per statement.

    Every attribute is a scalar (``str``, ``int``, ``float``, ``bool``) and absent rather than
    None, so networkx's GraphML and GEXF writers accept the graph as it is. Edge keys are
    statement ids; an edge runs from the holder to the target.

    Examples:
        >>> from stancegraph import load
        >>> g = to_networkx(load("graph"))
        >>> g.nodes["vladimir-putin"]["kind"], g.nodes["vladimir-putin"]["actor_kind"]
        ('actor', 'person')

    """
    out = nx.MultiDiGraph(name=graph.described)
    for actor in graph.actors:
        attrs: dict[str, Scalar] = {
            "kind": NodeKind.ACTOR.value,
            "actor_kind": actor.kind.value,
            "label": actor.name,
        }
        if actor.wikidata:
            attrs["wikidata"] = actor.wikidata
        if actor.iso3:
            attrs["iso3"] = actor.iso3
        out.add_node(actor.id, **attrs)
    for proposition in graph.propositions:
        attrs = {"kind": NodeKind.PROPOSITION.value, "label": proposition.label}
        if proposition.broader:
            attrs["broader"] = proposition.broader
        out.add_node(proposition.id, **attrs)
    for event in graph.events:
        attrs = {"kind": NodeKind.EVENT.value, "label": event.label}
        if event.date:
            attrs["date"] = event.date.isoformat()
        out.add_node(event.id, **attrs)
    for statement in graph.statements:
        out.add_edge(statement.holder, statement.target, key=statement.id, **_edge(statement))
    return out


def _edge(statement: Statement) -> dict[str, Scalar]:
    first = statement.evidence[0]
    attrs: dict[str, Scalar] = {
        "statement": statement.id,
        "kind": statement.kind.value,
        "date": statement.date.isoformat(),
        "article": statement.article,
        "quote": " … ".join(e.quote for e in statement.evidence),
        "start": first.start,
        "end": first.end,
        "provenance": statement.provenance.method.value,
        "agent": statement.provenance.agent,
        "confidence": statement.provenance.confidence,
        "reviewed": statement.provenance.reviewed,
        "status": statement.provenance.status.value,
    }
    if statement.polarity is not None:
        attrs["polarity"] = statement.polarity.value
    if statement.conditions:
        attrs["conditions"] = "; ".join(str(c) for c in statement.conditions)
    if statement.addressee is not None:
        attrs["addressee"] = statement.addressee
    if statement.title is not None:
        attrs["title"] = statement.title
    if statement.provenance.rule:
        attrs["rule"] = statement.provenance.rule
    return attrs
