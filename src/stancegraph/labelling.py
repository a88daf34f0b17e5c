"""Text labels in diagrams: shortening, wrapping, and hiding those that would overlap."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text


def shorten(label: str, width: int = 40) -> str:
    """``label`` cut to ``width`` characters with an ellipsis.

    >>> shorten("Foreign troops deployed in Ukraine after a ceasefire", 30)
    'Foreign troops deployed in Uk…'
    """
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def wrap(label: str, width: int = 30, lines: int = 2) -> str:
    """``label`` on at most ``lines`` lines of about ``width`` characters, cut with an ellipsis.

    >>> print(wrap("Foreign troops deployed in Ukraine after a ceasefire", 24))
    Foreign troops deployed
    in Ukraine after a ceas…
    """
    out: list[str] = []
    for word in label.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], shorten(" ".join(out[lines - 1 :]), width)]
    return "\n".join(shorten(line, width) for line in out)


def hide_overlapping(
    texts: Sequence[Text], renderer: RendererBase, priority: Sequence[float]
) -> int:
    """Hide labels that still overlap another after placement, lowest ``priority`` first.

    Returns how many were hidden, so a diagram can say so rather than drop labels silently.
    """
    boxes = np.array(
        [[*t.get_window_extent(renderer).extents] for t in texts], dtype=np.float64
    ).reshape(-1, 4)
    order = sorted(range(len(texts)), key=lambda i: (-priority[i], i))
    kept: list[int] = []
    hidden = 0
    for index in order:
        x0, y0, x1, y1 = boxes[index]
        if kept:
            other = boxes[kept]
            clash = (
                (x0 < other[:, 2]) & (other[:, 0] < x1) & (y0 < other[:, 3]) & (other[:, 1] < y1)
            )
            if clash.any():
                texts[index].set_visible(False)
                hidden += 1
                continue
        kept.append(index)
    return hidden


def renderer_of(ax: Axes) -> RendererBase:
    """The renderer that will draw ``ax``, to measure text before the figure is saved."""
    figure = ax.get_figure(root=True)
    assert figure is not None  # an Axes always belongs to a figure
    if not hasattr(figure.canvas, "get_renderer"):
        # A bare Figure has no drawing canvas yet; Agg measures text as the PNG will show it.
        FigureCanvasAgg(figure)
    renderer: RendererBase = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    return renderer
