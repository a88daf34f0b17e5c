"""What every diagram shares: its size and resolution, its title, its legend, its bytes.

The settings here make rebuilds byte-identical: no date or software version in the files, a fixed
SVG id salt, and text kept as text so that the SVG stays searchable.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

from stancegraph.corpus import StanceGraph
from stancegraph.labelling import wrap

FIGURE_SIZE = (13.0, 9.0)
"""Inches; at 110 dpi the PNG is 1430 x 990 pixels."""


TITLE_LINES = 3
"""Lines a diagram's title may take before it is cut."""
CHAR_WIDTH = 0.6
"""The width of an average character of the title font, in ems."""


def set_title(ax: Axes, text: str, *, fontsize: float, pad: float = 6.0) -> None:
    """Give ``ax`` the title ``text``, wrapped to the figure's width rather than cut by it.

    A long headline goes on to a second and third line.
    """
    figure = ax.get_figure(root=True)
    assert figure is not None  # an Axes always belongs to a figure
    width_points = figure.get_figwidth() * 72 * 0.75  # centred on the axes, not the figure
    chars = max(20, int(width_points / (fontsize * CHAR_WIDTH)))
    ax.set_title(wrap(text, chars, TITLE_LINES), fontsize=fontsize, pad=pad)


def title_for(graph: StanceGraph, what: str) -> str:
    """A diagram title saying what the picture is drawn from: the article, or how many and when.

    The folder's name says nothing to a reader of the picture ("graph"), so it is left out.

    >>> from stancegraph import load
    >>> title_for(load("graph"), "Actor network")
    'Actor network — "Military Planning for Ukraine Peace Ceasefire Moves Forward", 2025-03-15'
    >>> from stancegraph.analysis import Level, at_level
    >>> title_for(at_level(load("graph"), Level.STATE), "Map").split(" — ")[0]
    'Map (state level)'
    """
    span = graph.date_range()
    dates = ""
    if span is not None:
        first, last = span
        dates = f", {first.isoformat()}" + (f" to {last.isoformat()}" if last != first else "")
    if graph.views:
        what = f"{what} ({', '.join(graph.views)})"
    if len(graph.articles) == 1:
        return f'{what} — "{graph.articles[0].title}"{dates}'
    return f"{what} — {len(graph.articles)} articles{dates}"


def side_legend(ax: Axes, handles: Sequence[Artist], title: str) -> None:
    """The legend every diagram has: at the right of the plot, top aligned, no frame."""
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=7,
        frameon=False,
        title=title,
        title_fontsize=8,
    )


DPI = 110
RC: dict[RcKeyType, str] = {"svg.hashsalt": "stancegraph", "svg.fonttype": "none"}
"""Settings every diagram is drawn with: a fixed SVG id salt and text kept as text."""


def figure_bytes(figure: Figure, image_format: str) -> bytes:
    """``figure`` saved as PNG or SVG, with no date or version in it so rebuilds are identical."""
    buffer = io.BytesIO()
    metadata: dict[str, str | None] = (
        {"Date": None, "Creator": None} if image_format == "svg" else {"Software": None}
    )
    figure.savefig(buffer, format=image_format, metadata=metadata)
    return buffer.getvalue()
