"""Discourse network analysis of a stance graph: plain functions, networkx or pandas out.

Examples:
    >>> from stancegraph import load
    >>> from stancegraph.analysis import Level, at_level, centrality, two_mode
    >>> graph = load("graph")
    >>> sorted(two_mode(graph).neighbors("vladimir-putin"))
    ['ceasefire-30-day']
    >>> centrality(two_mode(graph))["degree"].idxmax()
    'volodymyr-zelenskyy'
    >>> sorted(two_mode(at_level(graph, Level.STATE)).neighbors("russia"))
    ['ceasefire-30-day']

"""

from stancegraph.analysis.centrality import centrality
from stancegraph.analysis.changes import contradictions, position_changes
from stancegraph.analysis.coalitions import coalitions, with_coalitions
from stancegraph.analysis.levels import Level, PropositionLevel, at_level, at_proposition_level
from stancegraph.analysis.networks import NETWORKS, derived_network, export_network
from stancegraph.analysis.onemode import (
    Normalisation,
    OneMode,
    actor_network,
    conflict,
    congruence,
    subtract,
)
from stancegraph.analysis.periods import Window, moving_windows, window
from stancegraph.analysis.stances import stances, two_mode

__all__ = [
    "NETWORKS",
    "Level",
    "Normalisation",
    "OneMode",
    "PropositionLevel",
    "Window",
    "actor_network",
    "at_level",
    "at_proposition_level",
    "centrality",
    "coalitions",
    "conflict",
    "congruence",
    "contradictions",
    "derived_network",
    "export_network",
    "moving_windows",
    "position_changes",
    "stances",
    "subtract",
    "two_mode",
    "window",
    "with_coalitions",
]
