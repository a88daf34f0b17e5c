"""Drawing the actor network with matplotlib: into a given ``Axes``, never ``plt.show()``."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from adjustText import adjust_text
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox
from matplotlib.typing import LineStyleType

from stancegraph.corpus import StanceGraph
from stancegraph.figures import set_title, side_legend, title_for
from stancegraph.labelling import (
    hide_overlapping,
    marker_boxes,
    move_off_markers,
    renderer_of,
)
from stancegraph.model import ActorKind, NodeKind, Polarity, StatementKind
from stancegraph.nx_mapping import to_networkx


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How one kind of node looks."""

    marker: str
    colour: str
    label: str


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How one kind of statement looks."""

    colour: str
    linestyle: LineStyleType
    label: str


# Colours from the Okabe-Ito palette, which stays distinguishable for colour-blind readers.
ACTOR_STYLES: dict[ActorKind, NodeStyle] = {
    ActorKind.PERSON: NodeStyle("o", "#E69F00", "person"),
    ActorKind.STATE: NodeStyle("s", "#56B4E9", "state"),
    ActorKind.ORGANISATION: NodeStyle("h", "#009E73", "international organisation"),
    ActorKind.COALITION: NodeStyle("D", "#CC79A7", "coalition"),
    ActorKind.GOVERNMENT_BODY: NodeStyle("p", "#0072B2", "government body"),
    ActorKind.GROUP: NodeStyle("^", "#D55E00", "group"),
}
TARGET_STYLES: dict[NodeKind, NodeStyle] = {
    NodeKind.PROPOSITION: NodeStyle("v", "#BBBBBB", "proposition"),
    NodeKind.EVENT: NodeStyle("*", "#777777", "event"),
}
STANCE_STYLES: dict[Polarity, EdgeStyle] = {
    Polarity.SUPPORT: EdgeStyle("#1A9850", "solid", "stance: support"),
    Polarity.OPPOSE: EdgeStyle("#D73027", "solid", "stance: oppose"),
    Polarity.CONDITIONAL: EdgeStyle("#F2A900", "solid", "stance: conditional"),
    Polarity.NEUTRAL: EdgeStyle("#8C8C8C", "solid", "stance: neutral"),
}
KIND_STYLES: dict[StatementKind, EdgeStyle] = {
    StatementKind.COMMITMENT: EdgeStyle("#2C7BB6", "dashed", "commitment"),
    StatementKind.DEMAND: EdgeStyle("#7B3294", "dashdot", "demand"),
    StatementKind.CRITICISM: EdgeStyle("#A50026", "dotted", "criticism"),
    StatementKind.PARTICIPATION: EdgeStyle("#AAAAAA", (0, (1, 3)), "participation"),
    StatementKind.ROLE: EdgeStyle("#4D4D4D", (0, (5, 2, 1, 2)), "role"),
}


def edge_style(kind: str, polarity: str | None) -> EdgeStyle:
    """The style of a statement edge of this kind (and polarity, for stances).

    >>> edge_style("stance", "oppose").label
    'stance: oppose'
    """
    if kind == StatementKind.STANCE.value:
        return STANCE_STYLES[Polarity(polarity or Polarity.NEUTRAL.value)]
    return KIND_STYLES[StatementKind(kind)]


def node_style(attrs: dict[str, object]) -> NodeStyle:
    """The style of a node from its networkx attributes."""
    if attrs["kind"] == NodeKind.ACTOR.value:
        return ACTOR_STYLES[ActorKind(str(attrs["actor_kind"]))]
    return TARGET_STYLES[NodeKind(str(attrs["kind"]))]


KAMADA_KAWAI_LIMIT = 60
"""Parts with more nodes than this are laid out by a seeded spring layout: Kamada-Kawai reads
best but its optimiser takes seconds from about a hundred nodes on."""
MAX_NODES = 150
"""The actor network draws at most this many nodes, the most connected ones: past that no
picture of a few inches can be read, and the layout would take long."""
UNREVIEWED_ALPHA = 0.35
"""How opaque an edge no person has reviewed is drawn, against 1 for a reviewed one."""
ARROW_LIMIT = 200
"""Above this many distinct edges, edges are straight lines drawn as one collection per style
instead of one curved arrow each (matplotlib draws a thousand arrows slowly)."""


def layout(network: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Deterministic positions per connected part, parts placed side by side.

    Kamada-Kawai for parts up to :data:`KAMADA_KAWAI_LIMIT` nodes, a seeded spring layout
    (from a circle) for larger ones.
    """
    simple = _ordered_simple_graph(network, network.nodes)
    positions: dict[str, tuple[float, float]] = {}
    parts = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    columns = math.ceil(math.sqrt(len(parts))) if parts else 1
    for index, part in enumerate(parts):
        sub = _ordered_simple_graph(simple, part)
        scale = math.sqrt(len(part))
        if len(part) == 1:
            local = {next(iter(part)): (0.0, 0.0)}
        else:
            initial = nx.circular_layout(sub)
            if len(part) <= KAMADA_KAWAI_LIMIT:
                local = nx.kamada_kawai_layout(sub, pos=initial, scale=scale)
            else:
                local = nx.spring_layout(sub, pos=initial, seed=0, scale=scale, iterations=100)
        row, col = divmod(index, columns)
        offset_x, offset_y = col * 2.6 * max(scale, 1.0), -row * 2.6 * max(scale, 1.0)
        for node, (x, y) in local.items():
            positions[node] = (float(x) + offset_x, float(y) + offset_y)
    return positions


def _ordered_simple_graph(network: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    # networkx subgraph views may iterate nodes in set order, which changes with the hash seed;
    # layouts depend on node order, so the graph is rebuilt with sorted nodes and edges.
    keep = set(nodes)
    out = nx.Graph()
    out.add_nodes_from(sorted(keep))
    out.add_edges_from(
        sorted({tuple(sorted((u, v))) for u, v in network.edges() if u in keep and v in keep})
    )
    return out


def draw_actor_network(graph: StanceGraph, ax: Axes, *, max_nodes: int = MAX_NODES) -> None:
    """Draw actors and what their statements point at, styled by kind, with legend and title.

    Only nodes that take part in at least one statement are drawn, so a large registry does
    not crowd the picture; of those, the ``max_nodes`` with most statements. Statements of one
    kind between the same two nodes are one edge, thicker the more there are.
    """
    full = to_networkx(graph)
    network, dropped = _most_connected(full, max_nodes)
    positions = layout(network)
    _draw_edges(ax, network, positions)
    nodes = sorted(network.nodes)
    small = len(nodes) <= SMALL_NETWORK
    marker_size = MARKER_SIZE if small else MARKER_SIZE_LARGE
    for node in nodes:
        style = node_style(network.nodes[node])
        x, y = positions[node]
        ax.scatter(
            [x],
            [y],
            s=marker_size,
            marker=style.marker,
            c=style.colour,
            edgecolors="#333333",
            linewidths=0.8,
            zorder=3,
        )
    # Labels start just below their node; adjust_text then moves them off nodes and each other.
    texts = [
        ax.text(
            positions[node][0],
            positions[node][1] - 0.18,
            _wrap(str(network.nodes[node]["label"])),
            fontsize=7,
            ha="center",
            va="top",
            zorder=4,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
        for node in nodes
    ]
    ax.set_axis_off()
    set_title(ax, title_for(graph, "Actor network"), fontsize=11)
    _legend(ax, network)
    if texts:
        xs = [p[0] for p in positions.values()]
        ys = [p[1] for p in positions.values()]
        ax.set_xlim(min(xs) - 1.0, max(xs) + 1.0)
        ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
        markers = marker_boxes(ax, [positions[n] for n in nodes], marker_size)
        to_data = ax.transData.inverted()
        adjust_text(
            texts,
            x=[positions[n][0] for n in nodes],
            y=[positions[n][1] for n in nodes],
            # Markers as boxes, not points: a point lets a label slide over the marker's disc.
            objects=[Bbox(to_data.transform(box)) for box in markers],
            ax=ax,
            expand=(1.1, 1.3),
            force_static=(0.5, 1.0),
            ensure_inside_axes=True,
            # Checking every label's path against every other is what makes adjust_text slow
            # on large graphs; there are no label arrows to keep apart anyway.
            prevent_crossings=small,
            # A fixed number of iterations, not adjustText's default time limit: the result
            # must not depend on how busy the machine is.
            iter_lim=400 if small else 10,
        )
        # Whatever adjust_text could not separate is hidden, least connected node first.
        degree = [float(full.degree(n)) for n in nodes]
        renderer = renderer_of(ax)
        move_off_markers(texts, markers, renderer)
        hidden = hide_overlapping(texts, renderer, degree, markers)
        left_out = [f"{dropped} less connected nodes left out"] if dropped else []
        left_out += [f"{hidden} labels hidden where they would overlap"] if hidden else []
        if left_out:
            # Under the plot, not in it: a note inside may cover a label placed near the edge.
            ax.annotate(
                "; ".join(left_out) + ".",
                xy=(0.0, 0.0),
                xycoords="axes fraction",
                xytext=(0, -4),
                textcoords="offset points",
                va="top",
                fontsize=7,
                color="#555555",
                annotation_clip=False,
            )


SMALL_NETWORK = 60
"""Nodes up to which markers are large and labels are placed with every check."""
MARKER_SIZE = 260
"""Node marker area in points squared, at up to :data:`SMALL_NETWORK` nodes."""
MARKER_SIZE_LARGE = 120
"""Node marker area in points squared, above :data:`SMALL_NETWORK` nodes."""


def _most_connected(full: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, int]:
    used = sorted({n for edge in full.edges() for n in edge})
    ranked = sorted(used, key=lambda n: (-full.degree(n), n))
    keep = set(ranked[:max_nodes])
    network = nx.MultiDiGraph()
    network.add_nodes_from((n, full.nodes[n]) for n in sorted(keep))
    network.add_edges_from(
        sorted(
            (e for e in full.edges(keys=True, data=True) if e[0] in keep and e[1] in keep),
            key=lambda e: e[2],
        )
    )
    return network, len(used) - len(keep)


def _wrap(label: str, width: int = 22) -> str:
    words, lines, current = label.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return "\n".join(lines)


def _draw_edges(
    ax: Axes, network: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]
) -> None:
    grouped: Counter[tuple[str, str, EdgeStyle, bool]] = Counter()
    for source, target, attrs in network.edges(data=True):
        style = edge_style(str(attrs["kind"]), attrs.get("polarity"))
        grouped[(source, target, style, bool(attrs["reviewed"]))] += 1
    order = sorted(grouped, key=lambda g: (g[0], g[1], g[2].label, not g[3]))
    if len(order) > ARROW_LIMIT:
        _draw_lines(ax, grouped, order, positions)
        return
    seen: Counter[tuple[str, str]] = Counter()
    for source, target, style, reviewed in order:
        pair = (min(source, target), max(source, target))
        # Different kinds of statement between the same two nodes bend by increasing amounts
        # so that each stays visible.
        bend = 0.08 + 0.12 * seen[pair]
        seen[pair] += 1
        ax.annotate(
            "",
            xy=positions[target],
            xytext=positions[source],
            arrowprops={
                "arrowstyle": "-|>",
                "color": style.colour,
                "linestyle": style.linestyle,
                "linewidth": 1.3 * (1 + math.log2(grouped[(source, target, style, reviewed)]) / 2),
                # Machine output no person has reviewed is drawn faint.
                "alpha": 1.0 if reviewed else UNREVIEWED_ALPHA,
                "shrinkA": 9,
                "shrinkB": 9,
                "mutation_scale": 9,
                "connectionstyle": f"arc3,rad={bend:.2f}",
            },
            zorder=2,
        )


def _draw_lines(
    ax: Axes,
    grouped: Counter[tuple[str, str, EdgeStyle, bool]],
    order: list[tuple[str, str, EdgeStyle, bool]],
    positions: dict[str, tuple[float, float]],
) -> None:
    styles = sorted({(g[2], g[3]) for g in order}, key=lambda s: (s[0].label, not s[1]))
    for style, reviewed in styles:
        mine = [g for g in order if g[2] == style and g[3] is reviewed]
        ax.add_collection(
            LineCollection(
                [(positions[s], positions[t]) for s, t, _, _ in mine],
                linewidths=[0.6 * (1 + math.log2(grouped[g])) for g in mine],
                colors=style.colour,
                linestyles=style.linestyle,
                alpha=0.45 if reviewed else 0.45 * UNREVIEWED_ALPHA,
                zorder=2,
            )
        )


def _legend(ax: Axes, network: nx.MultiDiGraph) -> None:
    node_styles = {node_style(network.nodes[n]) for n in network.nodes}
    edge_styles = {
        edge_style(str(a["kind"]), a.get("polarity")) for _, _, a in network.edges(data=True)
    }
    handles = [
        Line2D(
            [],
            [],
            marker=s.marker,
            color="none",
            markerfacecolor=s.colour,
            markeredgecolor="#333333",
            markersize=8,
            label=s.label,
        )
        for s in [*ACTOR_STYLES.values(), *TARGET_STYLES.values()]
        if s in node_styles
    ]
    handles += [
        Line2D([], [], color=s.colour, linestyle=s.linestyle, linewidth=1.6, label=s.label)
        for s in [*STANCE_STYLES.values(), *KIND_STYLES.values()]
        if s in edge_styles
    ]
    if not all(a["reviewed"] for _, _, a in network.edges(data=True)):
        handles.append(
            Line2D(
                [],
                [],
                color="#333333",
                alpha=UNREVIEWED_ALPHA,
                linewidth=1.6,
                label="faint: found by extraction, not reviewed",
            )
        )
    side_legend(ax, handles, "nodes and statements")
