"""Time windows over statement dates: one window, or a sequence of moving windows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from stancegraph.corpus import StanceGraph


def window(graph: StanceGraph, start: date | None = None, end: date | None = None) -> StanceGraph:
    """The statements dated from ``start`` to ``end`` (both inclusive; None: unbounded).

    Actors, propositions and events are kept whole; articles are those that hold a kept
    statement, so the graph's date range describes the window.

    Raises:
        ValueError: ``end`` is before ``start`` (a window that could hold nothing).

    >>> from stancegraph import load
    >>> g = window(load("graph"), end=date(2025, 3, 13))
    >>> sorted({s.date.isoformat() for s in g.statements})
    ['2025-03-11', '2025-03-13']

    """
    if start is not None and end is not None and end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    kept = tuple(
        s
        for s in graph.statements
        if (start is None or start <= s.date) and (end is None or s.date <= end)
    )
    used = {s.article for s in kept}
    articles = tuple(a for a in graph.articles if a.id in used)
    return replace(graph, statements=kept, articles=articles)


@dataclass(frozen=True, slots=True)
class Window:
    """One moving window: its first and last day (inclusive) and the graph of its statements."""

    start: date
    end: date
    graph: StanceGraph


def moving_windows(graph: StanceGraph, size: int, step: int | None = None) -> list[Window]:
    """Windows of ``size`` days, every ``step`` days (default ``size``: no overlap).

    The first window starts on the earliest statement date; windows continue until one reaches
    the latest statement date. Each window's graph is :func:`window` of ``graph``.

    Raises:
        ValueError: ``size`` or ``step`` is not positive.

    >>> from stancegraph import load
    >>> windows = moving_windows(load("graph", curated_only=True), 3)
    >>> [(w.start.isoformat(), len(w.graph.statements)) for w in windows]
    [('2025-03-11', 5), ('2025-03-14', 36)]

    """
    step = size if step is None else step
    if size < 1 or step < 1:
        raise ValueError(f"window size and step must be at least one day, not {size}, {step}")
    if not graph.statements:
        return []
    first = min(s.date for s in graph.statements)
    last = max(s.date for s in graph.statements)
    out = []
    start = first
    while True:
        end = start + timedelta(days=size - 1)
        out.append(Window(start, end, window(graph, start, end)))
        if end >= last:
            return out
        start += timedelta(days=step)
