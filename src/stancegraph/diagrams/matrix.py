"""The actor x proposition stance matrix: who holds which position, ordered by similarity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from scipy.cluster.hierarchy import leaves_list, linkage

from stancegraph.analysis.stances import POLARITIES, stances
from stancegraph.corpus import StanceGraph
from stancegraph.diagrams.style import POLARITY_STYLES, note, nothing_to_draw
from stancegraph.figures import set_title, side_legend, title_for
from stancegraph.labelling import shorten, wrap
from stancegraph.model import Polarity

ROW_INCHES = 0.2
COLUMN_INCHES = 0.3
LABEL_CHARS = 32
UNREVIEWED_MARK = "*"
"""After a cell's number: some of its stances were found by extraction and not reviewed."""


@dataclass(frozen=True, slots=True)
class StanceTable:
    """Stance counts per (actor, target, polarity), rows and columns in display order."""

    actors: tuple[str, ...]
    targets: tuple[str, ...]
    counts: dict[tuple[str, str], Counter[Polarity]]
    left_out: tuple[int, int]
    unreviewed: frozenset[tuple[str, str]] = frozenset()
    """Cells holding a stance found by extraction that no person has reviewed."""


def stance_table(graph: StanceGraph, max_actors: int = 80, max_targets: int = 60) -> StanceTable:
    """Counts per cell, the most active actors and targets only, ordered by similarity.

    Rows (and columns) are ordered by average-linkage clustering of their position vectors
    (+1 support, -1 oppose, +0.5 conditional, 0 neutral or none), with optimal leaf ordering,
    so actors who take the same sides sit next to each other.

    >>> from stancegraph import load
    >>> table = stance_table(load("graph"))
    >>> len(table.actors), len(table.targets), table.left_out
    (6, 7, (0, 0))
    """
    counts: dict[tuple[str, str], Counter[Polarity]] = {}
    unreviewed: set[tuple[str, str]] = set()
    for s in stances(graph):
        assert s.polarity is not None  # stances() yields only statements with a polarity
        counts.setdefault((s.holder, s.target), Counter())[s.polarity] += 1
        if not s.provenance.reviewed:
            unreviewed.add((s.holder, s.target))
    activity: Counter[str] = Counter()
    reach: Counter[str] = Counter()
    for (actor, target), count in counts.items():
        activity[actor] += sum(count.values())
        reach[target] += sum(count.values())
    actors = sorted(activity, key=lambda a: (-activity[a], a))[:max_actors]
    targets = sorted(reach, key=lambda t: (-reach[t], t))[:max_targets]
    kept = {k: v for k, v in counts.items() if k[0] in actors and k[1] in targets}
    scores = np.zeros((len(actors), len(targets)))
    value = {Polarity.SUPPORT: 1.0, Polarity.OPPOSE: -1.0, Polarity.CONDITIONAL: 0.5}
    for (actor, target), count in kept.items():
        total = sum(count.values())
        mean = sum(value.get(p, 0.0) * n for p, n in count.items()) / total
        scores[actors.index(actor), targets.index(target)] = mean
    return StanceTable(
        actors=tuple(actors[i] for i in _similarity_order(scores)),
        targets=tuple(targets[i] for i in _similarity_order(scores.T)),
        counts=kept,
        left_out=(len(activity) - len(actors), len(reach) - len(targets)),
        unreviewed=frozenset(k for k in unreviewed if k in kept),
    )


Box = list[tuple[float, float]]


def _box(x: float, y: float, width: float, height: float) -> Box:
    # The corners of a rectangle, closed: what Path and PolyCollection take.
    right, top = x + width, y + height
    return [(x, y), (right, y), (right, top), (x, top), (x, y)]


def _similarity_order(rows: npt.NDArray[np.float64]) -> list[int]:
    if len(rows) < 3:
        return list(range(len(rows)))
    tree = linkage(rows, method="average", metric="euclidean", optimal_ordering=True)
    return [int(i) for i in leaves_list(tree)]


def matrix_size(
    graph: StanceGraph, max_actors: int = 80, max_targets: int = 60
) -> tuple[float, float]:
    """Figure size in inches that gives every row and column room for its label."""
    table = stance_table(graph, max_actors, max_targets)
    width = 2.6 + len(table.targets) * COLUMN_INCHES + 2.0
    height = 3.3 + len(table.actors) * ROW_INCHES + 0.8
    return max(width, 7.0), max(height, 5.0)


def draw_stance_matrix(
    graph: StanceGraph, ax: Axes, *, max_actors: int = 80, max_targets: int = 60
) -> None:
    """Draw the stance matrix into ``ax``: one cell per actor and target, the count inside.

    A cell's fill is the polarity (colour, lightness and hatching); a cell whose actor took more
    than one position on the target is split in stripes, one per polarity, as wide as its share.
    The figure should be :func:`matrix_size` large so that no label overlaps another.
    """
    table = stance_table(graph, max_actors, max_targets)
    if not table.counts:
        set_title(ax, title_for(graph, "Stance matrix"), fontsize=10, pad=12)
        nothing_to_draw(ax, "No stances in this selection.")
        return
    rows = {a: i for i, a in enumerate(table.actors)}
    cols = {t: j for j, t in enumerate(table.targets)}
    # One collection per polarity and one for the patches behind the numbers: thousands of
    # single patches (or text boxes) take seconds to draw.
    stripes: dict[Polarity, list[Box]] = {p: [] for p in POLARITIES}
    backs: list[Box] = []
    back_colours: list[str] = []
    for (actor, target), count in sorted(table.counts.items()):
        y, x = rows[actor], cols[target]
        total = sum(count.values())
        left = x - 0.45
        used = [p for p in POLARITIES if count[p]]
        for polarity in used:
            width = 0.9 * count[polarity] / total
            stripes[polarity].append(_box(left, y - 0.42, width, 0.84))
            left += width
        # The number sits on a plain patch of its cell's colour so that hatching does not
        # run through the digits; a striped cell gets a white patch.
        single = POLARITY_STYLES[used[0]] if len(used) == 1 else None
        shown = f"{total}{UNREVIEWED_MARK if (actor, target) in table.unreviewed else ''}"
        digits = len(shown)
        backs.append(_box(x - 0.1 - 0.08 * digits, y - 0.28, 0.2 + 0.16 * digits, 0.56))
        back_colours.append(single.colour if single else "white")
        ax.text(
            x,
            y,
            shown,
            ha="center",
            va="center",
            fontsize=6.5,
            fontweight="bold",
            color=single.text if single else "black",
            zorder=4,
            # Thousands of cell numbers need not be measured by the layout engine: they sit
            # inside the axes whatever happens.
            in_layout=False,
        )
    for polarity, patches in stripes.items():
        if not patches:
            continue
        style = POLARITY_STYLES[polarity]
        # All stripes of a polarity are one compound path: Agg fills a hatch pattern once per
        # path, so one path is far quicker than thousands of hatched rectangles.
        outline = Path.make_compound_path(*(Path(box, closed=True) for box in patches))
        ax.add_patch(
            PathPatch(
                outline,
                facecolor=style.colour,
                hatch=style.hatch or None,
                edgecolor="white",
                linewidth=0.0,
                zorder=2,
            )
        )
    ax.add_collection(
        PolyCollection(backs, facecolors=back_colours, edgecolors="none", linewidths=0.0, zorder=3)
    )
    ax.set_xlim(-0.5, len(table.targets) - 0.5)
    ax.set_ylim(len(table.actors) - 0.5, -0.5)
    ax.set_xticks(range(len(table.targets)))
    ax.set_xticklabels(
        [wrap(graph.label(t), LABEL_CHARS) for t in table.targets], rotation=90, fontsize=7
    )
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(table.actors)))
    ax.set_yticklabels([shorten(graph.label(a), LABEL_CHARS) for a in table.actors], fontsize=7)
    ax.tick_params(length=0)
    ax.set_xticks(np.arange(-0.5, len(table.targets)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(table.actors)), minor=True)
    ax.grid(which="minor", color="#EEEEEE", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    set_title(ax, title_for(graph, "Stance matrix"), fontsize=10, pad=12)
    handles = [
        Patch(facecolor=s.colour, hatch=s.hatch, edgecolor="white", label=s.label)
        for s in POLARITY_STYLES.values()
    ]
    if table.unreviewed:
        handles.append(
            Patch(
                facecolor="white",
                edgecolor="#999999",
                label=f"{UNREVIEWED_MARK} found by extraction, not reviewed",
            )
        )
    side_legend(ax, handles, "stance (number: statements)")
    dropped_actors, dropped_targets = table.left_out
    if dropped_actors or dropped_targets:
        note(
            ax,
            f"Showing the {len(table.actors)} most active actors and {len(table.targets)} most "
            f"discussed targets; {dropped_actors} actors and {dropped_targets} targets left out.",
        )
