"""One-mode actor networks: congruence, conflict and subtract, as in discourse network analysis.

Each actor's *positions* are the (target, polarity) pairs it has stated at least once. Two actors
agree on a target when they share a position on it (both support it, or both state it
conditionally, ...); they disagree when one supports what the other opposes. Conditional and
neutral stances agree only with the same polarity and never conflict: a conditional "yes" is
not a "no".

- congruence: the number of positions two actors share;
- conflict: the number of targets where one supports and the other opposes;
- subtract: congruence minus conflict (after normalisation when one is asked for).

An actor that changed its mind holds both positions, so it agrees and disagrees with a steady
actor at once; use a time window (:mod:`stancegraph.analysis.periods`) to separate the periods.

Normalisations divide by the actors' numbers of positions ``n_i`` and ``n_j``: ``jaccard`` by
the size of the union of their positions (``n_i + n_j - shared``), ``cosine`` by
``sqrt(n_i * n_j)``. Both keep weights in [0, 1] and stop prolific speakers from dominating.
"""

from __future__ import annotations

from enum import StrEnum

import networkx as nx
import numpy as np
import numpy.typing as npt
from scipy import sparse

from stancegraph.analysis.stances import POLARITIES, stances
from stancegraph.corpus import StanceGraph
from stancegraph.model import Polarity

FloatMatrix = npt.NDArray[np.float64]


class Normalisation(StrEnum):
    """How one-mode edge weights are scaled."""

    RAW = "raw"
    JACCARD = "jaccard"
    COSINE = "cosine"


class OneMode(StrEnum):
    """The one-mode actor networks."""

    CONGRUENCE = "congruence"
    CONFLICT = "conflict"
    SUBTRACT = "subtract"


def congruence(graph: StanceGraph, normalisation: Normalisation = Normalisation.RAW) -> nx.Graph:
    """Actors linked by the positions they share; ``weight`` is the (normalised) count.

    Every edge also carries ``agree`` and ``disagree``, the raw counts, and every node
    ``label``, ``actor_kind`` and ``positions`` (its number of positions).

    In the seed article no two actors share a stance yet, so every actor is isolated:

    >>> from stancegraph import load
    >>> g = congruence(load("graph"))
    >>> g.number_of_nodes(), g.number_of_edges()
    (6, 0)
    """
    return actor_network(graph, OneMode.CONGRUENCE, normalisation)


def conflict(graph: StanceGraph, normalisation: Normalisation = Normalisation.RAW) -> nx.Graph:
    """Actors linked by the targets on which one supports what the other opposes."""
    return actor_network(graph, OneMode.CONFLICT, normalisation)


def subtract(graph: StanceGraph, normalisation: Normalisation = Normalisation.RAW) -> nx.Graph:
    """Congruence minus conflict: positive where two actors mostly agree, negative where not."""
    return actor_network(graph, OneMode.SUBTRACT, normalisation)


def actor_network(
    graph: StanceGraph, kind: OneMode, normalisation: Normalisation = Normalisation.RAW
) -> nx.Graph:
    """The one-mode network ``kind`` with ``normalisation``; see the module docstring.

    Nodes are every actor with at least one stance, isolated or not, in id order. Congruence
    has an edge where two actors share a position, conflict where they disagree, and subtract
    where either holds (its weight may then be zero: as much agreement as disagreement).

    Examples:
        >>> from stancegraph import load
        >>> g = actor_network(load("graph"), OneMode.CONGRUENCE, Normalisation.JACCARD)
        >>> sorted(g.nodes)[:3]
        ['alexander-stubb', 'coalition-of-the-willing', 'keir-starmer']

    """
    # Plain strings ("jaccard") are accepted too; the comparisons below are by identity.
    kind, normalisation = OneMode(kind), Normalisation(normalisation)
    actors, targets, matrix = _positions(graph)
    counts = np.asarray(matrix.sum(axis=1), dtype=np.float64).ravel()
    shared = (matrix @ matrix.T).toarray().astype(np.float64)
    support = matrix[:, _columns(targets, Polarity.SUPPORT)]
    oppose = matrix[:, _columns(targets, Polarity.OPPOSE)]
    against = (support @ oppose.T + oppose @ support.T).toarray().astype(np.float64)
    if kind is OneMode.CONGRUENCE:
        weight = _normalised(shared, shared, counts, normalisation)
    elif kind is OneMode.CONFLICT:
        weight = _normalised(against, shared, counts, normalisation)
    else:
        weight = _normalised(shared, shared, counts, normalisation) - _normalised(
            against, shared, counts, normalisation
        )
    out = nx.Graph(name=f"{graph.described}: {kind.value} ({normalisation.value})")
    for index, actor in enumerate(actors):
        out.add_node(
            actor,
            label=graph.label(actor),
            actor_kind=graph.actor(actor).kind.value,
            positions=int(counts[index]),
        )
    if kind is OneMode.CONGRUENCE:
        keep = shared > 0
    elif kind is OneMode.CONFLICT:
        keep = against > 0
    else:
        keep = (shared > 0) | (against > 0)
    rows, cols = np.nonzero(np.triu(keep, k=1))
    raw = normalisation is Normalisation.RAW
    # Pairs come out of np.nonzero in row-major order, and actors are sorted, so edges are
    # added in a fixed order whatever the hash seed.
    out.add_edges_from(
        (
            actors[i],
            actors[j],
            {
                "weight": int(weight[i, j]) if raw else round(float(weight[i, j]), 6),
                "agree": int(shared[i, j]),
                "disagree": int(against[i, j]),
            },
        )
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
    )
    return out


def _positions(graph: StanceGraph) -> tuple[list[str], list[str], sparse.csr_array]:
    # One row per actor, one column per (target, polarity): 1 where the actor holds it.
    pairs = {(s.holder, s.target, s.polarity) for s in stances(graph)}
    actors = sorted({h for h, _, _ in pairs})
    targets = sorted({t for _, t, _ in pairs})
    row = {a: i for i, a in enumerate(actors)}
    col = {t: i for i, t in enumerate(targets)}
    order = {p: i for i, p in enumerate(POLARITIES)}
    cells = sorted(
        (row[h], col[t] * len(POLARITIES) + order[p]) for h, t, p in pairs if p is not None
    )
    data = np.ones(len(cells), dtype=np.int64)
    rows = np.array([r for r, _ in cells], dtype=np.int64)
    cols = np.array([c for _, c in cells], dtype=np.int64)
    shape = (len(actors), len(targets) * len(POLARITIES))
    return actors, targets, sparse.csr_array((data, (rows, cols)), shape=shape)


def _columns(targets: list[str], polarity: Polarity) -> list[int]:
    offset = POLARITIES.index(polarity)
    return [i * len(POLARITIES) + offset for i in range(len(targets))]


def _normalised(
    weight: FloatMatrix, shared: FloatMatrix, counts: FloatMatrix, normalisation: Normalisation
) -> FloatMatrix:
    if normalisation is Normalisation.RAW:
        return weight
    if normalisation is Normalisation.JACCARD:
        denominator = counts[:, None] + counts[None, :] - shared
    else:
        denominator = np.sqrt(counts[:, None] * counts[None, :])
    # Every actor here holds at least one position, so the denominators are positive.
    return weight / denominator
