"""Every derived network by name, for exports and the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

import networkx as nx

from stancegraph.analysis.coalitions import with_coalitions
from stancegraph.analysis.levels import Level, PropositionLevel, at_level, at_proposition_level
from stancegraph.analysis.onemode import Normalisation, OneMode, actor_network
from stancegraph.analysis.periods import window
from stancegraph.analysis.stances import two_mode
from stancegraph.corpus import StanceGraph
from stancegraph.formats import EXPORT_FORMATS


@dataclass(frozen=True, slots=True)
class DerivedNetwork:
    """A network derived from a graph: its name, what it is, and how it is built."""

    name: str
    description: str
    build: Callable[[StanceGraph, Normalisation], nx.Graph]


def _one_mode(kind: OneMode) -> Callable[[StanceGraph, Normalisation], nx.Graph]:
    def build(graph: StanceGraph, normalisation: Normalisation) -> nx.Graph:
        network = actor_network(graph, kind, normalisation)
        # Coalitions are what a reader of a congruence network looks for first, so they ride
        # along as a node attribute (Gephi can colour by it).
        return with_coalitions(network) if kind is OneMode.CONGRUENCE else network

    return build


NETWORKS: MappingProxyType[str, DerivedNetwork] = MappingProxyType(
    {
        n.name: n
        for n in (
            DerivedNetwork(
                "two-mode",
                "actors x targets, signed by polarity",
                lambda graph, _: two_mode(graph),
            ),
            DerivedNetwork(
                "congruence",
                "actors sharing positions, with coalitions",
                _one_mode(OneMode.CONGRUENCE),
            ),
            DerivedNetwork("conflict", "actors on opposite sides", _one_mode(OneMode.CONFLICT)),
            DerivedNetwork("subtract", "congruence minus conflict", _one_mode(OneMode.SUBTRACT)),
        )
    }
)
"""Derived networks by name.

>>> sorted(NETWORKS)
['conflict', 'congruence', 'subtract', 'two-mode']
"""


def derived_network(
    graph: StanceGraph,
    name: str,
    *,
    normalisation: Normalisation = Normalisation.RAW,
    level: Level = Level.PERSON,
    propositions: PropositionLevel = PropositionLevel.AS_CODED,
    start: date | None = None,
    end: date | None = None,
) -> nx.Graph:
    """The network ``name`` of ``graph`` at ``level``, over statements from ``start`` to ``end``.

    ``propositions`` compares stances on propositions as coded or on their broadest ancestor.

    Raises:
        KeyError: ``name`` is not in :data:`NETWORKS` (the message lists the valid names).

    Examples:
        >>> from stancegraph import load
        >>> g = derived_network(load("graph"), "congruence", level=Level.STATE)
        >>> "russia" in g, "vladimir-putin" in g
        (True, False)

    """
    if name not in NETWORKS:
        raise KeyError(f"unknown network {name!r}; choose one of {', '.join(sorted(NETWORKS))}")
    return NETWORKS[name].build(view(graph, level, propositions, start, end), normalisation)


def view(
    graph: StanceGraph,
    level: Level = Level.PERSON,
    propositions: PropositionLevel = PropositionLevel.AS_CODED,
    start: date | None = None,
    end: date | None = None,
) -> StanceGraph:
    """``graph`` as a network or diagram shows it: a date window, a holder and a proposition level.

    Statements dated ``start`` to ``end`` are kept, then moved to ``level`` and ``propositions``.

    >>> from stancegraph import load
    >>> sorted({s.holder for s in view(load("graph"), Level.STATE).statements})[:2]
    ['australia', 'canada']
    """
    return at_proposition_level(at_level(window(graph, start, end), level), propositions)


def export_network(network: nx.Graph, format_name: str) -> bytes:
    r"""``network`` in one of :data:`~stancegraph.formats.EXPORT_FORMATS` (GraphML, GEXF, CSV).

    >>> export_network(nx.Graph([("a", "b", {"weight": 2})]), "csv").decode()
    'source,target,weight\na,b,2\n'
    """
    return EXPORT_FORMATS[format_name].writer(network)
