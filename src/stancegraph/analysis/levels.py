"""Person level and state level: whose positions the statements count as."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import StrEnum

from stancegraph.corpus import StanceGraph
from stancegraph.model import ActorKind, Role, Statement


class Level(StrEnum):
    """The level at which statements are attributed to actors."""

    PERSON = "person"
    """As coded: a statement belongs to whoever made it."""
    STATE = "state"
    """A person's statement belongs to the state or organisation they represented that day."""


def at_level(graph: StanceGraph, level: Level) -> StanceGraph:
    """``graph`` with each statement's holder moved to ``level``.

    At state level a person's statement is attributed to the organisation of the role they held
    on the statement's date (a state's role before any other, then the latest to start); a
    government body's statement goes to the state it is part of. A person without a role that
    day keeps their own statements. Statement ids, dates and evidence are unchanged.

    Examples:
        >>> from stancegraph import load
        >>> g = at_level(load("graph"), Level.STATE)
        >>> sorted({s.holder for s in g.statements if s.target == "ceasefire-30-day"})
        ['russia', 'ukraine']

    """
    if Level(level) is Level.PERSON:
        return graph
    roles: dict[str, list[Role]] = {}
    for role in graph.roles:
        roles.setdefault(role.holder, []).append(role)
    statements = []
    for s in graph.statements:
        holder = _representing(graph, roles, s.holder, s.date)
        statements.append(s if holder == s.holder else replace(s, holder=holder))
    return _viewed(graph, tuple(statements), "state level")


def _representing(
    graph: StanceGraph, roles: dict[str, list[Role]], actor_id: str, day: date
) -> str:
    actor = graph.actor(actor_id)
    if actor.kind is ActorKind.GOVERNMENT_BODY and actor.part_of is not None:
        return actor.part_of
    held = [r for r in roles.get(actor_id, []) if r.held_on(day)]
    if actor.kind is not ActorKind.PERSON or not held:
        return actor_id

    def preference(role: Role) -> tuple[bool, int, str]:
        # One person can hold two posts at once (a head of state who chairs an organisation
        # in turn); the state is whom they speak for unless said otherwise.
        is_state = graph.actor(role.organisation).kind is ActorKind.STATE
        started = -(role.start.toordinal() if role.start else 0)
        return (not is_state, started, role.organisation)

    return min(held, key=preference).organisation


class PropositionLevel(StrEnum):
    """The level of the proposition hierarchy at which stances are compared."""

    AS_CODED = "as-coded"
    """Each statement on the proposition it was coded with."""
    BROADEST = "broadest"
    """Each statement on the most general proposition above it (``broader`` followed up)."""


def at_proposition_level(graph: StanceGraph, level: PropositionLevel) -> StanceGraph:
    """``graph`` with every statement on a proposition moved up to ``level`` of the hierarchy.

    Two actors who back different ceasefires (a 30-day one, an immediate one) share no position
    as coded, but both back a ceasefire: at the broadest level they agree. Statement ids, dates,
    polarities and evidence are unchanged; targets that are actors or events stay as they are.

    Examples:
        >>> from stancegraph import load
        >>> graph = load("graph", curated_only=True)
        >>> graph.proposition("ceasefire-30-day").broader
        'ceasefire'
        >>> moved = at_proposition_level(graph, PropositionLevel.BROADEST)
        >>> sorted({s.target for s in moved.statements if s.holder == "vladimir-putin"})
        ['ceasefire']

    """
    if PropositionLevel(level) is PropositionLevel.AS_CODED:
        return graph
    broadest = {p.id: _broadest(graph, p.id) for p in graph.propositions}

    def moved(statement: Statement) -> Statement:
        top = broadest.get(statement.target, statement.target)
        return statement if top == statement.target else replace(statement, target=top)

    statements = tuple(moved(s) for s in graph.statements)
    return _viewed(graph, statements, "broadest propositions")


def _broadest(graph: StanceGraph, proposition_id: str) -> str:
    seen = {proposition_id}
    current = graph.proposition(proposition_id)
    while current.broader is not None and current.broader not in seen:
        # The loader rejects cycles; the guard keeps a hand-made graph from looping forever.
        seen.add(current.broader)
        current = graph.proposition(current.broader)
    return current.id


def _viewed(graph: StanceGraph, statements: tuple[Statement, ...], view: str) -> StanceGraph:
    """``graph`` with ``statements`` instead of its own, marked as seen in ``view``."""
    return replace(graph, statements=statements, views=(*graph.views, view))
