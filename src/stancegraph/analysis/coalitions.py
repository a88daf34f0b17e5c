"""Coalitions: Louvain communities of the congruence network, seeded so that results repeat."""

from __future__ import annotations

import networkx as nx

Coalition = tuple[str, ...]


def coalitions(
    network: nx.Graph, *, seed: int = 0, resolution: float = 1.0, weight: str = "weight"
) -> list[Coalition]:
    """Louvain communities of ``network``, each sorted, largest first (ties: first member).

    Only positive weights count: in a subtract network the negative edges say who is *not* in a
    coalition together. Isolated actors form coalitions of one. The same network, seed and
    resolution give the same coalitions whatever the hash seed.

    Examples:
        >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
        >>> coalitions(g)
        [('a', 'b', 'c'), ('x', 'y')]

    """
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(network.nodes))
    # Louvain visits nodes in a seeded shuffle of the graph's own node order, so the graph is
    # rebuilt in sorted order: networkx graphs built elsewhere may iterate in set order.
    ordered.add_weighted_edges_from(
        sorted(
            (min(u, v), max(u, v), float(w))
            for u, v, w in network.edges(data=weight, default=1.0)
            if float(w) > 0
        )
    )
    found = nx.community.louvain_communities(ordered, resolution=resolution, seed=seed)
    return sorted((tuple(sorted(c)) for c in found), key=lambda c: (-len(c), c[0]))


def with_coalitions(network: nx.Graph, *, seed: int = 0, resolution: float = 1.0) -> nx.Graph:
    """A copy of ``network`` whose nodes carry ``coalition``: 1 for the largest, 2, ...

    >>> g = with_coalitions(nx.Graph([("a", "b"), ("c", "d"), ("d", "e")]))
    >>> [g.nodes[n]["coalition"] for n in "abcde"]
    [2, 2, 1, 1, 1]
    """
    out = nx.Graph(network)
    for number, members in enumerate(coalitions(network, seed=seed, resolution=resolution), 1):
        for member in members:
            out.nodes[member]["coalition"] = number
    return out
