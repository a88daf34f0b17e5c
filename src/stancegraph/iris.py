"""Minting IRIs: the one place that decides what every node of the graph is called."""

from __future__ import annotations

import re

from rdflib import URIRef

from stancegraph.ids import slug
from stancegraph.model import Membership, NodeKind, Role

DEFAULT_BASE = "https://stancegraph.example/id/"


def is_base_iri(base: str) -> bool:
    """Whether ``base`` can prefix the graph's IRIs: absolute http(s), no spaces or brackets.

    >>> is_base_iri("https://example.org/kg/"), is_base_iri("example.org")
    (True, False)
    """
    return re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", base) is not None


class Iris:
    """IRIs of a graph's nodes under one base IRI (configurable, so a team can use its own domain).

    >>> iris = Iris("https://example.org/kg/")
    >>> iris.actor("keir-starmer")
    rdflib.term.URIRef('https://example.org/kg/actor/keir-starmer')
    >>> iris.statement("a1/s1")
    rdflib.term.URIRef('https://example.org/kg/statement/a1/s1')
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not is_base_iri(base):
            raise ValueError(f"{base!r} is not an absolute http(s) IRI to mint node IRIs under")
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base
        self._kept: dict[tuple[str, ...], URIRef] = {}

    def _mint(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def _remembered(self, *parts: str) -> URIRef:
        # For the few nodes every statement names again (its holder, target, article, agent):
        # minting a URIRef checks its characters, which cost a tenth of the N-Triples mapping.
        iri = self._kept.get(parts)
        if iri is None:
            iri = self._kept[parts] = self._mint(*parts)
        return iri

    def node(self, kind: NodeKind, node_id: str) -> URIRef:
        """The IRI of an actor, proposition or event."""
        return self._remembered(kind.value, node_id)

    def actor(self, actor_id: str) -> URIRef:
        """The IRI of an actor."""
        return self._remembered("actor", actor_id)

    def proposition(self, proposition_id: str) -> URIRef:
        """The IRI of a proposition."""
        return self._remembered("proposition", proposition_id)

    def proposition_scheme(self) -> URIRef:
        """The SKOS concept scheme that holds every proposition."""
        return self._mint("propositions")

    def event(self, event_id: str) -> URIRef:
        """The IRI of an event."""
        return self._mint("event", event_id)

    def article(self, article_id: str) -> URIRef:
        """The IRI of an article."""
        return self._remembered("article", article_id)

    def statement(self, statement_id: str) -> URIRef:
        """The IRI of a statement (its id is ``ARTICLE/LOCAL``)."""
        return self._mint("statement", statement_id)

    def evidence(self, statement_id: str, index: int, part: str = "") -> URIRef:
        """The IRI of a statement's n-th annotation, or of one of its parts (target, selectors)."""
        parts = ["statement", statement_id, "evidence", str(index)]
        return self._mint(*parts, part) if part else self._mint(*parts)

    def role(self, title: str) -> URIRef:
        """The IRI of an org:Role such as 'President'."""
        return self._mint("role", slug(title))

    def post(self, role: Role) -> URIRef:
        """The IRI of a post: a role in one organisation (President of Finland)."""
        return self._mint("post", role.organisation, slug(role.title))

    def tenure(self, role: Role) -> URIRef:
        """The IRI of one person's time in a post."""
        start = role.start.isoformat() if role.start else "unknown-start"
        return self._mint("tenure", role.holder, role.organisation, slug(role.title), start)

    def membership(self, membership: Membership) -> URIRef:
        """The IRI of one membership span."""
        start = membership.start.isoformat() if membership.start else "unknown-start"
        return self._mint("membership", membership.member, membership.organisation, start)

    def interval(self, owner: URIRef) -> URIRef:
        """The IRI of the time:Interval of a tenure or membership."""
        return URIRef(f"{owner}/interval")

    def instant(self, owner: URIRef, which: str) -> URIRef:
        """The IRI of the beginning or end of an interval."""
        return URIRef(f"{owner}/{which}")

    def agent(self, name: str) -> URIRef:
        """The IRI of a curator or of the extraction software."""
        iri = self._kept.get(("agent name", name))
        if iri is None:
            iri = self._kept["agent name", name] = self._mint("agent", slug(name))
        return iri

    def extraction(self, article_id: str) -> URIRef:
        """The IRI of the extraction activity that read one article."""
        return self._remembered("activity", "extraction", article_id)

    def graph_prefix(self) -> URIRef:
        """The start of every named graph's IRI (what ``push`` owns on a server)."""
        return self._mint("graph", "")

    def registry_graph(self) -> URIRef:
        """The named graph holding actors, roles, memberships, propositions and events."""
        return self._mint("graph", "registry")

    def article_graph(self, article_id: str) -> URIRef:
        """The named graph holding one article and its statements."""
        return self._mint("graph", "article", article_id)
