"""A timeline of statements per actor: one row per actor, one mark per statement kind a day."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from stancegraph.corpus import StanceGraph
from stancegraph.diagrams.style import POLARITY_STYLES, note, nothing_to_draw
from stancegraph.figures import set_title, side_legend, title_for
from stancegraph.labelling import shorten
from stancegraph.model import Polarity, Statement, StatementKind

ROW_INCHES = 0.2
ROW_SHARE = 0.56
"""How much of an actor's row the marks of one day may spread over, top to bottom."""
MAX_STEP = 0.2
"""The most two stacked marks are apart, in rows."""


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

    Every mark sits exactly on its day: kinds of statement made by one actor on one day are
    stacked within the actor's row, not moved sideways (at a span of two years a few points
    sideways are days). Statements no person has reviewed are drawn hollow. The figure should be
    :func:`timeline_size` large so that no actor label overlaps another.
    """
    actors = timeline_actors(graph, max_actors)
    if not actors:
        set_title(ax, title_for(graph, "Statements over time"), fontsize=11)
        nothing_to_draw(ax, "No statements in this selection.")
        return
    row = {a: i for i, a in enumerate(actors)}
    counts: Counter[tuple[str, str, date, bool]] = Counter(
        (_mark_of(s), s.holder, s.date, s.provenance.reviewed)
        for s in graph.statements
        if s.holder in row
    )
    used_names = [name for name in MARKS if any(m == name for m, _, _, _ in counts)]
    # Kinds said on the same day are stacked within the row, a fixed share of it apart.
    step = min(ROW_SHARE / max(1, len(used_names) - 1), MAX_STEP) if len(used_names) > 1 else 0.0
    offsets = {name: (i - (len(used_names) - 1) / 2) * step for i, name in enumerate(used_names)}
    used: list[Mark] = []
    machine = False
    for name, mark in MARKS.items():
        for reviewed in (True, False):
            points = sorted(
                (a, d, n) for (m, a, d, r), n in counts.items() if m == name and r is reviewed
            )
            if not points:
                continue
            if mark not in used:
                used.append(mark)
            machine = machine or not reviewed
            line_marker = mark.marker == "|"
            ax.scatter(
                [_num(d) for _, d, _ in points],
                [row[a] + offsets[name] for a, _, _ in points],
                s=[22 * (1 + math.log2(n)) for _, _, n in points],
                marker=mark.marker,
                # Unreviewed machine output: hollow, in the kind's colour.
                c=mark.colour if reviewed or line_marker else "white",
                # "|" is a line marker: it takes its colour from the face and has no edge.
                edgecolors=None if line_marker else ("#333333" if reviewed else mark.colour),
                linewidths=(1.2 if line_marker else 0.5) if reviewed else 1.1,
                alpha=1.0 if reviewed or not line_marker else 0.5,
                zorder=3,
                clip_on=False,
            )
    ax.set_yticks(range(len(actors)))
    ax.set_yticklabels([shorten(graph.label(a), 32) for a in actors], fontsize=7)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    days = [d for _, _, d, _ in counts]
    # Room on both sides for the widest mark: a day, or 2 % of a long span.
    pad = max(1.0, (_num(max(days)) - _num(min(days))) * 0.02)
    ax.set_xlim(_num(min(days)) - pad, _num(max(days)) + pad)
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
    set_title(ax, title_for(graph, "Statements over time"), fontsize=11)
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
    if machine:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                color="none",
                markerfacecolor="white",
                markeredgecolor="#555555",
                markersize=7,
                linestyle="none",
                label="hollow: found by extraction, not reviewed",
            )
        )
    side_legend(ax, handles, "statement (larger: more that day)")
    left_out = len({s.holder for s in graph.statements}) - len(actors)
    if left_out:
        note(ax, f"Showing the {len(actors)} most active actors; {left_out} left out.")
