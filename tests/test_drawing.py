"""The actor network drawing: labels that do not overlap, a legend, a title with the dates."""

from __future__ import annotations

import itertools
from dataclasses import replace

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from stancegraph import StanceGraph
from stancegraph.analysis import Level, PropositionLevel, at_level, at_proposition_level
from stancegraph.diagrams import render_diagram
from stancegraph.drawing import draw_actor_network
from stancegraph.figures import FIGURE_SIZE, title_for


def _drawn(seed_graph: StanceGraph) -> tuple[Figure, FigureCanvasAgg]:
    figure = Figure(figsize=FIGURE_SIZE, dpi=110, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    draw_actor_network(seed_graph, figure.add_subplot())
    canvas.draw()
    return figure, canvas


def test_node_labels_do_not_overlap(seed_graph: StanceGraph) -> None:
    figure, canvas = _drawn(seed_graph)
    renderer = canvas.get_renderer()
    (ax,) = figure.axes
    labels = [t for t in ax.texts if isinstance(t, Text) and t.get_text()]
    assert len(labels) >= 30
    boxes = [t.get_window_extent(renderer) for t in labels]
    overlapping = [
        (labels[i].get_text(), labels[j].get_text())
        for i, j in itertools.combinations(range(len(boxes)), 2)
        if boxes[i].overlaps(boxes[j])
    ]
    assert not overlapping


def test_legend_and_title(seed_graph: StanceGraph) -> None:
    (ax,) = _drawn(seed_graph)[0].axes
    legend = ax.get_legend()
    entries = {t.get_text() for t in legend.get_texts()}
    assert {
        "person",
        "state",
        "proposition",
        "stance: conditional",
        "demand",
        "criticism",
    } <= entries
    title = ax.get_title()
    assert f'"{seed_graph.articles[0].title}", 2025-03-15' in title


def test_render_gives_png_and_svg(seed_graph: StanceGraph) -> None:
    assert render_diagram(seed_graph, "actor-network", "png").startswith(b"\x89PNG")
    assert b"<svg" in render_diagram(seed_graph, "actor-network", "svg")[:500]


def test_no_label_covers_another_nodes_marker(seed_graph: StanceGraph) -> None:
    figure, canvas = _drawn(seed_graph)
    renderer = canvas.get_renderer()
    (ax,) = figure.axes
    # One scatter and one label per node, both drawn in node order.
    markers = [c for c in ax.collections if isinstance(c, PathCollection)]
    labels = [t for t in ax.texts if isinstance(t, Text) and t.get_text()]
    assert len(markers) == len(labels) >= 30
    centres = [tuple(ax.transData.transform(m.get_offsets()[0])) for m in markers]
    radius = 8 * figure.dpi / 72  # scatter size 260 pt^2: about 16 pt across
    covered = []
    for index, label in enumerate(labels):
        if not label.get_visible():
            continue
        box = label.get_window_extent(renderer)
        for other, (x, y) in enumerate(centres):
            inside_x = box.x0 - radius < x < box.x1 + radius
            inside_y = box.y0 - radius < y < box.y1 + radius
            if other != index and inside_x and inside_y:
                covered.append(label.get_text().replace("\n", " "))
    assert not covered


def test_title_says_the_views_and_not_the_folder_name(seed_graph: StanceGraph) -> None:
    # A folder named with brackets is no view (the views were once read from the name).
    named = replace(seed_graph, name="graph (copy 2)")
    assert title_for(named, "Actor network").startswith('Actor network — "')
    viewed = at_proposition_level(at_level(named, Level.STATE), PropositionLevel.BROADEST)
    title = title_for(viewed, "Actor network")
    assert title.startswith('Actor network (state level, broadest propositions) — "')
    assert "copy" not in title
