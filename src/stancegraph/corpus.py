"""The read-only container that holds one loaded graph: the single source of truth in memory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from stancegraph.model import (
    Actor,
    Article,
    Event,
    Membership,
    NodeKind,
    Proposition,
    Rejection,
    Role,
    Statement,
)


@dataclass(frozen=True, slots=True)
class StanceGraph:
    """Articles, actors, propositions, events and the statements that link them.

    Every tuple is sorted by id, so that everything derived from the graph is deterministic.

    Examples:
        >>> from stancegraph.model import ActorKind
        >>> g = StanceGraph(actors=(Actor("uk", ActorKind.STATE, "United Kingdom"),))
        >>> g.node_kind("uk").value, g.actor("uk").name
        ('actor', 'United Kingdom')

    """

    articles: tuple[Article, ...] = ()
    actors: tuple[Actor, ...] = ()
    roles: tuple[Role, ...] = ()
    memberships: tuple[Membership, ...] = ()
    propositions: tuple[Proposition, ...] = ()
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    """Extracted statements a person rejected: merging keeps them out of the graph."""
    name: str = "stancegraph corpus"
    views: tuple[str, ...] = ()
    """How the graph was derived from its inputs, in order ("state level", "broadest
    propositions"): diagram titles and network names say it."""
    _kinds: Mapping[str, NodeKind] = field(init=False, repr=False, compare=False)
    _actors: Mapping[str, Actor] = field(init=False, repr=False, compare=False)
    _articles: Mapping[str, Article] = field(init=False, repr=False, compare=False)
    _propositions: Mapping[str, Proposition] = field(init=False, repr=False, compare=False)
    _events: Mapping[str, Event] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kinds: dict[str, NodeKind] = {}
        kinds.update(dict.fromkeys((e.id for e in self.events), NodeKind.EVENT))
        kinds.update(dict.fromkeys((p.id for p in self.propositions), NodeKind.PROPOSITION))
        kinds.update(dict.fromkeys((a.id for a in self.actors), NodeKind.ACTOR))
        # The dataclass is frozen so that nobody mutates a loaded graph; the indexes are derived
        # once here and never change afterwards.
        object.__setattr__(self, "_kinds", MappingProxyType(kinds))
        object.__setattr__(self, "_actors", MappingProxyType({a.id: a for a in self.actors}))
        object.__setattr__(self, "_articles", MappingProxyType({a.id: a for a in self.articles}))
        props = {p.id: p for p in self.propositions}
        object.__setattr__(self, "_propositions", MappingProxyType(props))
        object.__setattr__(self, "_events", MappingProxyType({e.id: e for e in self.events}))

    def node_kind(self, node_id: str) -> NodeKind:
        """Whether ``node_id`` names an actor, a proposition or an event (KeyError if none)."""
        return self._kinds[node_id]

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id."""
        return self._actors[actor_id]

    def article(self, article_id: str) -> Article:
        """The article with this id."""
        return self._articles[article_id]

    def proposition(self, proposition_id: str) -> Proposition:
        """The proposition with this id."""
        return self._propositions[proposition_id]

    def event(self, event_id: str) -> Event:
        """The event with this id."""
        return self._events[event_id]

    def label(self, node_id: str) -> str:
        """A human-readable label for an actor, proposition or event id."""
        kind = self.node_kind(node_id)
        if kind is NodeKind.ACTOR:
            return self._actors[node_id].name
        if kind is NodeKind.PROPOSITION:
            return self._propositions[node_id].label
        return self._events[node_id].label

    @property
    def described(self) -> str:
        """The name with the views in brackets, as networkx graphs are named.

        >>> StanceGraph(name="graph", views=("state level",)).described
        'graph (state level)'
        """
        return "".join([self.name, *(f" ({view})" for view in self.views)])

    def date_range(self) -> tuple[date, date] | None:
        """The first and last article dates, or None for a graph without articles."""
        if not self.articles:
            return None
        days = [a.published for a in self.articles]
        return min(days), max(days)
