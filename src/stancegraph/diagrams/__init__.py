"""Diagrams of a stance graph, each drawn into a given matplotlib ``Axes`` (never shown).

Examples:
    >>> from matplotlib.figure import Figure
    >>> from stancegraph import load
    >>> graph = load("graph")
    >>> figure = Figure(figsize=DIAGRAMS["stance-matrix"].size(graph))
    >>> DIAGRAMS["stance-matrix"].draw(graph, figure.add_subplot())
    >>> render_diagram(graph, "timeline", "png")[1:4]
    b'PNG'

"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import MappingProxyType

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from stancegraph.corpus import StanceGraph
from stancegraph.diagrams.coalitions import coalition_layout, draw_coalitions
from stancegraph.diagrams.matrix import draw_stance_matrix, matrix_size, stance_table
from stancegraph.diagrams.timeline import draw_timeline, timeline_size
from stancegraph.drawing import draw_actor_network
from stancegraph.figures import DPI, FIGURE_SIZE, RC, figure_bytes

IMAGE_FORMATS = ("png", "svg")


@dataclass(frozen=True, slots=True)
class Diagram:
    """A kind of diagram: its name, what it shows, how it draws and how large it wants to be."""

    name: str
    description: str
    draw: Callable[[StanceGraph, Axes], None]
    size: Callable[[StanceGraph], tuple[float, float]]
    saved_as_drawn: bool = False
    """Whether one drawing can be saved in every format with the bytes of a fresh drawing each.

    True only where it pays and holds: the actor network places its labels for seconds, and a
    second save leaves it as it was (a test checks it). The others are quick to draw, and their
    constrained layout moved a little on a second save (the seed's coalitions and timeline SVG).
    """


DIAGRAMS: MappingProxyType[str, Diagram] = MappingProxyType(
    {
        d.name: d
        for d in (
            Diagram(
                "actor-network",
                "actors and what their statements point at",
                draw_actor_network,
                lambda graph: FIGURE_SIZE,
                saved_as_drawn=True,
            ),
            Diagram(
                "stance-matrix",
                "actor x proposition stances, ordered by similarity",
                draw_stance_matrix,
                matrix_size,
            ),
            Diagram(
                "coalitions",
                "congruence network coloured by Louvain coalition",
                draw_coalitions,
                lambda graph: FIGURE_SIZE,
            ),
            Diagram(
                "timeline",
                "statements per actor over time",
                draw_timeline,
                timeline_size,
            ),
        )
    }
)
"""Diagrams by name, in the order the README shows them."""


def render_diagram(graph: StanceGraph, name: str, image_format: str) -> bytes:
    """Diagram ``name`` of ``graph`` as PNG or SVG bytes, identical for identical graphs.

    Raises:
        KeyError: ``name`` is not in :data:`DIAGRAMS` (the message lists the valid names).

    """
    return render_diagrams(graph, name, (image_format,))[image_format]


def render_diagrams(
    graph: StanceGraph, name: str, image_formats: Iterable[str] = IMAGE_FORMATS
) -> dict[str, bytes]:
    """Diagram ``name`` of ``graph`` in each of ``image_formats``, drawn once where it can be.

    Each is byte for byte what :func:`render_diagram` gives for its format.

    >>> from stancegraph import load
    >>> sorted(render_diagrams(load("graph"), "timeline"))
    ['png', 'svg']

    Raises:
        KeyError: ``name`` is not in :data:`DIAGRAMS` (the message lists the valid names).

    """
    if name not in DIAGRAMS:
        raise KeyError(f"unknown diagram {name!r}; choose one of {', '.join(DIAGRAMS)}")
    diagram = DIAGRAMS[name]
    with mpl.rc_context(RC):
        if diagram.saved_as_drawn:
            figure = _drawn(graph, diagram)
            return {
                image_format: figure_bytes(figure, image_format) for image_format in image_formats
            }
        return {
            image_format: figure_bytes(_drawn(graph, diagram), image_format)
            for image_format in image_formats
        }


def _drawn(graph: StanceGraph, diagram: Diagram) -> Figure:
    figure = Figure(figsize=diagram.size(graph), dpi=DPI, layout="constrained")
    diagram.draw(graph, figure.add_subplot())
    return figure


__all__ = [
    "DIAGRAMS",
    "IMAGE_FORMATS",
    "Diagram",
    "coalition_layout",
    "draw_coalitions",
    "draw_stance_matrix",
    "draw_timeline",
    "matrix_size",
    "render_diagram",
    "render_diagrams",
    "stance_table",
    "timeline_size",
]
