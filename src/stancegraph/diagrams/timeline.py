"""A timeline of statements per actor: one row per actor, one mark per statement kind a day."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.transforms import ScaledTranslation

from stancegraph.corpus import StanceGraph
from stancegraph.diagrams.style import POLARITY_STYLES, note
from stancegraph.figures import side_legend, title_for
from stancegraph.labelling import shorten
from stancegraph.model import Polarity, Statement, StatementKind

ROW_INCHES = 0.2


@dataclass(frozen=True, slots=True)
class Mark:
    """How one sort of statement is marked on the timeline."""

    marker: str
    colour: str
    label: str


MARKS: dict[str, Mark] = {
    **{p.value: Mark(s.marker, s.colour, f"stance: {s.label}") for p, s in POLARITY_STYLES.items()},
    StatementKind.COMMITMENT.value: Mark("s", "#56B4E9", "commitment"),
    StatementKind.DEMAND.value: Mark("P", "#009E73", "demand"),
    StatementKind.CRITICISM.value: Mark("X", "#CC79A7", "criticism"),
    StatementKind.PARTICIPATION.value: Mark("|", "#333333", "participation"),
    StatementKind.ROLE.value: Mark("h", "#BBBBBB", "role"),
}
"""Marks by polarity (stances) or statement kind (everything else), in legend order."""


def _mark_of(statement: Statement) -> str:
    if statement.kind is StatementKind.STANCE:
        return (statement.polarity or Polarity.NEUTRAL).value
    return statement.kind.value


def _num(day: date) -> float:
    # matplotlib's day numbers (days since 1970-01-01), as matplotlib.dates.date2num gives.
    return float(day.toordinal() - date(1970, 1, 1).toordinal())


def timeline_actors(graph: StanceGraph, max_actors: int = 80) -> list[str]:
    """The actors shown, most active first cut to ``max_actors``, ordered by first statement.

    >>> from stancegraph import load
    >>> timeline_actors(load("graph"))[:2]
    ['ukraine', 'united-states']
    """
    activity = Counter(s.holder for s in graph.statements)
    first: dict[str, date] = {}
    for s in graph.statements:
        first[s.holder] = min(first.get(s.holder, s.date), s.date)
    shown = sorted(activity, key=lambda a: (-activity[a], a))[:max_actors]
    return sorted(shown, key=lambda a: (first[a], a))


def timeline_size(graph: StanceGraph, max_actors: int = 80) -> tuple[float, float]:
    """Figure size in inches: a row per actor, tall enough that labels cannot overlap."""
    return 13.0, max(4.0, 1.8 + ROW_INCHES * len(timeline_actors(graph, max_actors)))


def draw_timeline(graph: StanceGraph, ax: Axes, *, max_actors: int = 80) -> None:
    """Draw when each actor said what into ``ax``; a mark's area grows with statements that day.

    Kinds of statement made by one actor on one day sit side by side within the actor's row.
    The figure should be :func:`timeline_size` large so that no actor label overlaps another.
    """
    actors = timeline_actors(graph, max_actors)
    row = {a: i for i, a in enumerate(actors)}
    counts: Counter[tuple[str, str, date]] = Counter(
        (_mark_of(s), s.holder, s.date) for s in graph.statements if s.holder in row
    )
    used_names = [name for name in MARKS if any(m == name for m, _, _ in counts)]
    # Kinds said on the same day sit side by side, a fixed number of points apart whatever
    # the span of dates, so that they never cover each other.
    offsets = {name: (i - (len(used_names) - 1) / 2) * 9.0 for i, name in enumerate(used_names)}
    figure = ax.get_figure(root=True)
    assert figure is not None  # an Axes always belongs to a figure
    used = []
    for name, mark in MARKS.items():
        points = sorted((a, d, n) for (m, a, d), n in counts.items() if m == name)
        if not points:
            continue
        used.append(mark)
        ax.scatter(
            [_num(d) for _, d, _ in points],
            [row[a] for a, _, _ in points],
            s=[22 * (1 + math.log2(n)) for _, _, n in points],
            marker=mark.marker,
            c=mark.colour,
            # "|" is a line marker: it takes its colour from the face and has no edge.
            edgecolors="#333333" if mark.marker != "|" else None,
            linewidths=0.5 if mark.marker != "|" else 1.2,
            zorder=3,
            transform=ax.transData
            + ScaledTranslation(offsets[name] / 72, 0, figure.dpi_scale_trans),
        )
    ax.set_yticks(range(len(actors)))
    ax.set_yticklabels([shorten(graph.label(a), 32) for a in actors], fontsize=7)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    days = [d for _, _, d in counts]
    if days:
        ax.set_xlim(
            _num(min(days) - timedelta(days=1)),
            _num(max(days) + timedelta(days=1)),
        )
    # matplotlib.dates has no type hints yet, hence the ignores.
    locator = mdates.AutoDateLocator(maxticks=12)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="y", color="#EEEEEE", linewidth=0.6)
    ax.grid(axis="x", color="#F4F4F4", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title_for(graph, "Statements over time"), fontsize=11)
    handles = [
        Line2D(
            [],
            [],
            marker=m.marker,
            color="none" if m.marker != "|" else m.colour,
            markerfacecolor=m.colour,
            markeredgecolor="#333333" if m.marker != "|" else m.colour,
            markersize=7,
            linestyle="none",
            label=m.label,
        )
        for m in used
    ]
    side_legend(ax, handles, "statement (larger: more that day)")
    left_out = len({s.holder for s in graph.statements}) - len(actors)
    if left_out:
        note(ax, f"Showing the {len(actors)} most active actors; {left_out} left out.")
