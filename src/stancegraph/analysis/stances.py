"""The stances an analysis counts, and the two-mode actor x proposition network they form.

Discourse network analysis codes a statement as (actor, concept, agreement). Here that is a
``stance`` statement on a proposition (or an event): its holder, its target and its polarity.
Stances on actors ("Japan supports the coalition of the willing") say who backs whom, not what
they think, and would make the two-mode network lose its two modes; like commitments, demands,
criticism and participation they are left to the actor network.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import networkx as nx

from stancegraph.corpus import StanceGraph
from stancegraph.model import NodeKind, Polarity, Statement, StatementKind

POLARITIES: tuple[Polarity, ...] = tuple(Polarity)
"""Every polarity in a fixed order (support, oppose, conditional, neutral)."""

SIGNS: dict[Polarity, int] = {
    Polarity.SUPPORT: 1,
    Polarity.OPPOSE: -1,
    Polarity.CONDITIONAL: 0,
    Polarity.NEUTRAL: 0,
}
"""The sign of a polarity: conditional and neutral stances are neither for nor against."""


def stances(graph: StanceGraph) -> Iterator[Statement]:
    """The stances of ``graph`` on propositions and events, in statement id order.

    >>> from stancegraph import load
    >>> sum(1 for _ in stances(load("graph")))
    10
    """
    for statement in graph.statements:
        if (
            statement.kind is StatementKind.STANCE
            and statement.polarity is not None
            and graph.node_kind(statement.target) is not NodeKind.ACTOR
        ):
            yield statement


def two_mode(graph: StanceGraph) -> nx.Graph:
    """The bipartite actor x target network of stances, signed by polarity.

    One edge per (actor, target) pair that has at least one stance. Edge attributes: ``support``,
    ``oppose``, ``conditional`` and ``neutral`` (statement counts, so conditional support stays
    distinct from plain support), ``weight`` (all stances), ``polarity`` (the one polarity used,
    or ``mixed``), ``sign`` (+1 all support, -1 all oppose, else 0), ``first`` and ``last`` (ISO
    dates). Nodes carry ``bipartite`` (0 actors, 1 targets), ``kind`` and ``label``.

    Examples:
        >>> from stancegraph import load
        >>> g = two_mode(load("graph"))
        >>> e = g.edges["vladimir-putin", "ceasefire-30-day"]
        >>> e["polarity"], e["conditional"], e["sign"]
        ('conditional', 2, 0)

    """
    counts: dict[tuple[str, str], Counter[Polarity]] = {}
    dates: dict[tuple[str, str], list[str]] = {}
    for s in stances(graph):
        assert s.polarity is not None  # stances() yields only statements with a polarity
        pair = (s.holder, s.target)
        counts.setdefault(pair, Counter())[s.polarity] += 1
        dates.setdefault(pair, []).append(s.date.isoformat())
    out = nx.Graph(name=f"{graph.described}: two-mode stances")
    holders = sorted({h for h, _ in counts})
    targets = sorted({t for _, t in counts})
    for node in holders:
        out.add_node(node, bipartite=0, kind=NodeKind.ACTOR.value, label=graph.label(node))
    for node in targets:
        out.add_node(node, bipartite=1, kind=graph.node_kind(node).value, label=graph.label(node))
    for pair in sorted(counts):
        count = counts[pair]
        used = [p for p in POLARITIES if count[p]]
        signs = {SIGNS[p] for p in used}
        attrs: dict[str, str | int] = {p.value: count[p] for p in POLARITIES}
        attrs["weight"] = sum(count.values())
        attrs["polarity"] = used[0].value if len(used) == 1 else "mixed"
        attrs["sign"] = signs.pop() if len(signs) == 1 and len(used) == 1 else 0
        attrs["first"], attrs["last"] = min(dates[pair]), max(dates[pair])
        out.add_edge(*pair, **attrs)
    return out
