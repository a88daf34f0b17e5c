"""Text labels in diagrams: shortening, wrapping, and hiding those that would overlap."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from matplotlib.transforms import Bbox


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
    texts: Sequence[Text],
    renderer: RendererBase,
    priority: Sequence[float],
    markers: Sequence[Bbox] = (),
) -> int:
    """Hide labels that still overlap another after placement, lowest ``priority`` first.

    With ``markers`` (display-space boxes, ``markers[i]`` the node that ``texts[i]`` names), a
    label that covers another node's marker is hidden too: a hidden marker would misread the
    picture more than a missing label. Returns how many were hidden, so that a diagram can say
    so rather than drop labels silently.
    """
    boxes = np.array(
        [[*t.get_window_extent(renderer).extents] for t in texts], dtype=np.float64
    ).reshape(-1, 4)
    order = sorted(range(len(texts)), key=lambda i: (-priority[i], i))
    kept: list[int] = []
    hidden = 0
    for index in order:
        x0, y0, x1, y1 = boxes[index]
        clash = covers_marker(Bbox(boxes[index].reshape(2, 2)), markers, index)
        if kept and not clash:
            other = boxes[kept]
            clash = bool(
                (
                    (x0 < other[:, 2])
                    & (other[:, 0] < x1)
                    & (y0 < other[:, 3])
                    & (other[:, 1] < y1)
                ).any()
            )
        if clash:
            texts[index].set_visible(False)
            hidden += 1
            continue
        kept.append(index)
    return hidden


def covers_marker(box: Bbox, markers: Sequence[Bbox], own: int) -> bool:
    """Whether ``box`` overlaps any of ``markers`` but the one at index ``own``."""
    return any(box.overlaps(marker) for i, marker in enumerate(markers) if i != own)


def move_off_markers(
    texts: Sequence[Text], markers: Sequence[Bbox], renderer: RendererBase
) -> None:
    """Move each label that covers another node's marker to a free place beside its own node.

    ``markers[i]`` is the display-space box of the node ``texts[i]`` names. Places are tried
    below, above, right, left, then diagonally; the first that covers no other marker and no
    other label wins, and a label with no free place stays where it is (and is hidden by
    :func:`hide_overlapping`, which counts it).
    """
    boxes = [t.get_window_extent(renderer) for t in texts]
    for index, text in enumerate(texts):
        if not covers_marker(boxes[index], markers, index):
            continue
        box, own = boxes[index], markers[index]
        across = own.width / 2 + box.width / 2 + 2
        up = own.height / 2 + box.height / 2 + 2
        places = [(0, -up), (0, up), (across, 0), (-across, 0)]
        places += [(sx * across, sy * up) for sx in (1, -1) for sy in (-1, 1)]
        for dx, dy in places:
            x0 = own.x0 + own.width / 2 + dx - box.width / 2
            y0 = own.y0 + own.height / 2 + dy - box.height / 2
            candidate = Bbox.from_bounds(x0, y0, box.width, box.height)
            others = (b for i, b in enumerate(boxes) if i != index and texts[i].get_visible())
            if covers_marker(candidate, markers, index) or any(
                candidate.overlaps(b) for b in others
            ):
                continue
            transform = text.get_transform()
            anchor = transform.transform(text.get_position())
            shift = (candidate.x0 - box.x0, candidate.y0 - box.y0)
            x, y = transform.inverted().transform(anchor + shift)
            text.set_position((float(x), float(y)))
            boxes[index] = candidate
            break


def marker_boxes(ax: Axes, centres: Sequence[tuple[float, float]], size: float) -> list[Bbox]:
    """Display-space boxes of square-ish markers of ``size`` points squared at data ``centres``.

    Display space, because a marker's size is fixed in points whatever the data limits are.
    """
    figure = ax.get_figure(root=True)
    assert figure is not None  # an Axes always belongs to a figure
    figure.draw_without_rendering()  # settles the layout: data-to-display transforms are final
    half = math.sqrt(size) / 2 * figure.dpi / 72
    boxes = []
    for centre in centres:
        x, y = ax.transData.transform(centre)
        boxes.append(Bbox.from_extents(x - half, y - half, x + half, y + half))
    return boxes


def renderer_of(ax: Axes) -> RendererBase:
    """The renderer that will draw ``ax``, to measure text before the figure is saved."""
    figure = ax.get_figure(root=True)
    assert figure is not None  # an Axes always belongs to a figure
    if not hasattr(figure.canvas, "get_renderer"):
        # A bare Figure has no drawing canvas yet; Agg measures text as the PNG will show it.
        FigureCanvasAgg(figure)
    renderer: RendererBase = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    return renderer
