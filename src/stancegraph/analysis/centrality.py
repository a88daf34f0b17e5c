"""Centrality of the actors (and targets) in a derived network, as a pandas table."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

BETWEENNESS_EDGE_LIMIT = 20_000
"""Above this many edges betweenness (Dijkstra from every node, in Python) takes minutes; it is
left empty (NaN) rather than approximated by sampling."""


def centrality(network: nx.Graph, weight: str = "weight") -> pd.DataFrame:
    """Degree, strength, eigenvector and betweenness centrality of every node, sorted by id.

    Weights count by absolute value (a strong disagreement is a strong tie). ``degree`` is the
    number of neighbours; ``strength`` the sum of absolute weights; ``eigenvector`` the leading
    eigenvector of the absolute weight matrix (power iteration, deterministic); ``betweenness``
    is weighted with distance ``1 / |weight|`` and normalised, NaN when the network has more
    than :data:`BETWEENNESS_EDGE_LIMIT` edges.

    Examples:
        >>> g = nx.Graph()
        >>> g.add_weighted_edges_from([("a", "hub", 2), ("b", "hub", 1), ("c", "hub", 1)])
        >>> table = centrality(g)
        >>> table.loc["hub", ["degree", "strength", "betweenness"]].tolist()
        [3.0, 4.0, 1.0]
        >>> table["eigenvector"].idxmax()
        'hub'

    """
    nodes = sorted(network.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted(
        (index[u], index[v], abs(float(w)))
        for u, v, w in network.edges(data=weight, default=1.0)
        if u != v
    )
    rows = [i for i, _, _ in edges] + [j for _, j, _ in edges]
    cols = [j for _, j, _ in edges] + [i for i, _, _ in edges]
    values = [w for _, _, w in edges] * 2
    size = len(nodes)
    matrix = sparse.csr_array((values, (rows, cols)), shape=(size, size), dtype=np.float64)
    degree = np.diff(matrix.indptr).astype(np.float64)
    table = pd.DataFrame(
        {
            "label": [str(network.nodes[n].get("label", n)) for n in nodes],
            "degree": degree,
            "strength": np.asarray(matrix.sum(axis=1), dtype=np.float64),
            "eigenvector": _eigenvector(matrix),
            "betweenness": _betweenness(network, nodes, edges),
        },
        index=pd.Index(nodes, name="node"),
    )
    return table


def _eigenvector(matrix: sparse.csr_array) -> list[float]:
    size = matrix.shape[0]
    if size == 0:
        return []
    # Power iteration on A + I: the shift makes it converge on bipartite graphs too, and unlike
    # ARPACK (random start vector) it gives the same digits on every run.
    vector = np.full(size, 1.0 / math.sqrt(size))
    for _ in range(1000):
        step = matrix @ vector + vector
        norm = float(np.linalg.norm(step))
        step = step / norm
        if float(np.abs(step - vector).max()) < 1e-12:
            vector = step
            break
        vector = step
    return [round(float(v), 9) for v in vector]


def _betweenness(
    network: nx.Graph, nodes: list[str], edges: list[tuple[int, int, float]]
) -> list[float]:
    if len(edges) > BETWEENNESS_EDGE_LIMIT:
        return [math.nan] * len(nodes)
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_weighted_edges_from(
        ((nodes[i], nodes[j], 1.0 / w) for i, j, w in edges if w > 0), weight="distance"
    )
    scores = nx.betweenness_centrality(ordered, weight="distance", normalized=True)
    return [round(float(scores[n]), 9) for n in nodes]
