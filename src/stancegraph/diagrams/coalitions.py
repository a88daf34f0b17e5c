"""The congruence network with its coalitions, each coalition laid out in its own region."""

from __future__ import annotations

import math

import networkx as nx
from adjustText import adjust_text
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from stancegraph.analysis.coalitions import Coalition, coalitions
from stancegraph.analysis.onemode import Normalisation, congruence
from stancegraph.analysis.stances import stances
from stancegraph.corpus import StanceGraph
from stancegraph.diagrams.style import ALONE_COLOUR, COALITION_COLOURS, COALITION_MARKERS, note
from stancegraph.figures import set_title, side_legend, title_for
from stancegraph.labelling import hide_overlapping, renderer_of, shorten

Positions = dict[str, tuple[float, float]]


def coalition_layout(network: nx.Graph, groups: list[Coalition]) -> Positions:
    """Each coalition laid out on its own, coalitions on a grid, largest first.

    Coalitions use a seeded spring layout; actors who share no position with anyone go in a
    grid underneath.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> g.add_node("z")
    >>> sorted(coalition_layout(g, [("a", "b", "c"), ("x", "y"), ("z",)]))
    ['a', 'b', 'c', 'x', 'y', 'z']
    """
    real = [g for g in groups if len(g) > 1]
    alone = sorted(m for g in groups if len(g) == 1 for m in g)
    columns = max(1, math.ceil(math.sqrt(len(real))))
    cell = 2.2 * max((math.sqrt(len(g)) for g in real), default=1.0) + 1.0
    positions: Positions = {}
    for index, members in enumerate(real):
        sub = nx.Graph()
        sub.add_nodes_from(members)
        sub.add_edges_from(
            sorted((u, v) for u, v in network.subgraph(members).edges() if u < v)
            + sorted((v, u) for u, v in network.subgraph(members).edges() if v < u)
        )
        radius = math.sqrt(len(members))
        # Spring layout from a circle with a fixed seed: repeatable, and for a few dozen nodes
        # far quicker than Kamada-Kawai's optimiser.
        local = nx.spring_layout(
            sub, pos=nx.circular_layout(sub), seed=0, scale=radius, iterations=100
        )
        row, col = divmod(index, columns)
        for node in members:
            x, y = local[node]
            positions[node] = (float(x) + col * cell, float(y) - row * cell)
    rows = math.ceil(len(real) / columns) if real else 0
    # Actors alone go in a grid of their own under the coalitions (or on their own when there
    # are no coalitions), about as wide as the coalitions' grid.
    per_row = (
        max(math.ceil(columns * cell / 2.2), 3) if real else math.ceil(math.sqrt(2 * len(alone)))
    )
    top = -(rows - 0.3) * cell if real else 0.0
    for index, node in enumerate(alone):
        row, col = divmod(index, per_row)
        positions[node] = (col * 2.2, top - 1.3 * row)
    return positions


MAX_ACTORS = 80
"""The coalition diagram shows at most this many actors, those with most positions."""
MAX_EDGES = 1500
"""Above this many edges among the actors shown, each keeps only its strongest few."""
STRONGEST = 6


def draw_coalitions(
    graph: StanceGraph,
    ax: Axes,
    *,
    normalisation: Normalisation = Normalisation.JACCARD,
    seed: int = 0,
    max_actors: int = MAX_ACTORS,
) -> None:
    """Draw the congruence network into ``ax``, nodes coloured by Louvain coalition.

    Coalitions are found on the whole network; the ``max_actors`` actors with most positions
    are drawn. Edge width is the (normalised) congruence; edges inside a coalition take its
    colour, edges between coalitions are grey; in a dense network each actor keeps only its
    strongest edges. Labels that would still overlap after placement are hidden (least active
    actors first) and the diagram says how many.
    """
    full = congruence(graph, normalisation)
    every = coalitions(full, seed=seed)
    network = _shown(full, max_actors)
    groups = [tuple(m for m in g if m in network) for g in every]
    # Laid out on the full network's ties, so that thinning the drawn edges moves nobody.
    positions = coalition_layout(full.subgraph(network.nodes), [g for g in groups if g])
    number = {m: i for i, g in enumerate(groups) for m in g if len(every[i]) > 1}
    heaviest = max((abs(float(w)) for _, _, w in network.edges(data="weight")), default=1.0)
    inside: dict[int, list[tuple[tuple[float, float], tuple[float, float]]]] = {}
    widths: dict[int, list[float]] = {}
    for u, v, w in sorted(network.edges(data="weight")):
        key = number[u] if u in number and number.get(v) == number[u] else -1
        inside.setdefault(key, []).append((positions[u], positions[v]))
        widths.setdefault(key, []).append(0.4 + 2.6 * abs(float(w)) / heaviest)
    for key in sorted(inside):
        colour = COALITION_COLOURS[key % len(COALITION_COLOURS)] if key >= 0 else "#999999"
        ax.add_collection(
            LineCollection(
                inside[key],
                linewidths=widths[key],
                colors=colour,
                alpha=0.45 if key >= 0 else 0.12,
                zorder=1,
            )
        )
    handles = _nodes(ax, network, positions, every, groups)
    notes = []
    left_out = full.number_of_nodes() - network.number_of_nodes()
    if left_out:
        shown = network.number_of_nodes()
        notes.append(f"Showing the {shown} actors with most positions; {left_out} left out.")
    if not any(len(g) > 1 for g in every) and every:
        notes.append("No two actors share a position in this corpus: there are no coalitions yet.")
    hidden = _labels(ax, network, positions)
    if hidden:
        notes.append(f"{hidden} labels of less active actors hidden where they would overlap.")
    reviewed = [s.provenance.reviewed for s in stances(graph)]
    machine, total = reviewed.count(False), len(reviewed)
    if machine:
        notes.append(
            f"{machine} of the {total} stances behind it were found by extraction and not "
            "reviewed (--reviewed-only leaves them out)."
        )
    if notes:
        note(ax, " ".join(notes))
    ax.set_axis_off()
    set_title(ax, title_for(graph, "Congruence network and coalitions"), fontsize=11)
    handles.append(
        Line2D(
            [],
            [],
            color="#555555",
            linewidth=2.0,
            label=f"shared positions ({normalisation.value})",
        )
    )
    side_legend(ax, handles, "Louvain coalitions")


def _shown(full: nx.Graph, max_actors: int) -> nx.Graph:
    ranked = sorted(full.nodes, key=lambda n: (-int(full.nodes[n]["positions"]), n))
    keep = set(ranked[:max_actors])
    edges = sorted(
        (min(u, v), max(u, v), attrs)
        for u, v, attrs in full.edges(data=True)
        if u in keep and v in keep
    )
    if len(edges) > MAX_EDGES:
        # A backbone: an edge stays if it is among the strongest few of either end, so the
        # picture shows structure rather than a grey mass of weak ties.
        ranked_edges: dict[str, list[tuple[float, str, str]]] = {}
        for u, v, attrs in edges:
            strength = -abs(float(attrs["weight"]))
            ranked_edges.setdefault(u, []).append((strength, u, v))
            ranked_edges.setdefault(v, []).append((strength, u, v))
        strong = {
            (u, v) for items in ranked_edges.values() for _, u, v in sorted(items)[:STRONGEST]
        }
        edges = [e for e in edges if (e[0], e[1]) in strong]
    network = nx.Graph()
    network.add_nodes_from((n, full.nodes[n]) for n in sorted(keep))
    network.add_edges_from(edges)
    return network


def _nodes(
    ax: Axes,
    network: nx.Graph,
    positions: Positions,
    every: list[Coalition],
    groups: list[Coalition],
) -> list[Line2D]:
    handles = []
    alone = sorted(m for i, g in enumerate(groups) for m in g if len(every[i]) == 1)
    for index, members in enumerate(groups):
        if len(every[index]) == 1 or not members:
            continue
        colour = COALITION_COLOURS[index % len(COALITION_COLOURS)]
        marker = COALITION_MARKERS[(index // len(COALITION_COLOURS)) % len(COALITION_MARKERS)]
        size = len(every[index])
        shown = "" if len(members) == size else f", {len(members)} shown"
        handles.append(
            _scatter(
                ax,
                network=network,
                positions=positions,
                members=members,
                colour=colour,
                marker=marker,
                label=f"coalition {index + 1} ({size} actors{shown})",
            )
        )
    if alone:
        handles.append(
            _scatter(
                ax,
                network=network,
                positions=positions,
                members=tuple(alone),
                colour=ALONE_COLOUR,
                marker="o",
                label=f"shares no position ({len(alone)})",
            )
        )
    return handles


def _scatter(
    ax: Axes,
    *,
    network: nx.Graph,
    positions: Positions,
    members: Coalition,
    colour: str,
    marker: str,
    label: str,
) -> Line2D:
    most = max(float(p) for _, p in network.nodes(data="positions"))
    ax.scatter(
        [positions[m][0] for m in members],
        [positions[m][1] for m in members],
        # Area grows with the actor's number of positions, relative to the most active actor.
        s=[30 + 170 * float(network.nodes[m]["positions"]) / most for m in members],
        c=colour,
        marker=marker,
        edgecolors="#333333",
        linewidths=0.6,
        zorder=3,
    )
    return Line2D(
        [],
        [],
        marker=marker,
        color="none",
        markerfacecolor=colour,
        markeredgecolor="#333333",
        markersize=7,
        label=label,
    )


def _labels(ax: Axes, network: nx.Graph, positions: Positions) -> int:
    nodes = sorted(network.nodes)
    if not nodes:
        return 0
    xs = [positions[n][0] for n in nodes]
    ys = [positions[n][1] for n in nodes]
    # Room for labels at the edges; equal scales keep each coalition round. The limits are
    # settled before labels are placed, since adjust_text keeps them inside the axes.
    ax.update_datalim([(min(xs) - 1.2, min(ys) - 0.8), (max(xs) + 1.2, max(ys) + 0.8)])
    ax.autoscale_view()
    ax.set_aspect("equal", adjustable="datalim")
    ax.apply_aspect()
    texts = [
        ax.text(
            positions[n][0],
            positions[n][1] - 0.12,
            shorten(str(network.nodes[n]["label"]), 26),
            fontsize=6.5,
            ha="center",
            va="top",
            zorder=4,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75},
        )
        for n in nodes
    ]
    # A fixed number of iterations, not adjustText's time limit, so the picture repeats.
    adjust_text(
        texts,
        x=xs,
        y=ys,
        ax=ax,
        expand=(1.05, 1.2),
        ensure_inside_axes=True,
        prevent_crossings=False,  # no arrows from label to node to keep uncrossed
        iter_lim=150,
    )
    priority = [float(network.nodes[n]["positions"]) for n in nodes]
    return hide_overlapping(texts, renderer_of(ax), priority)
