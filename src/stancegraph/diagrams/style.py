"""Shared look of the diagrams: polarity styles that read in colour and in greyscale, labels."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes

from stancegraph.labelling import wrap
from stancegraph.model import Polarity


@dataclass(frozen=True, slots=True)
class PolarityStyle:
    """How one polarity looks: fill, hatch (for greyscale), marker, and text colour on the fill."""

    colour: str
    hatch: str
    marker: str
    text: str
    label: str


# Okabe-Ito colours, chosen so that their lightness differs too (blue darkest, grey lightest),
# and hatching on the two middle ones: the four stay apart when printed in greyscale.
POLARITY_STYLES: dict[Polarity, PolarityStyle] = {
    Polarity.SUPPORT: PolarityStyle("#0072B2", "", "^", "white", "support"),
    Polarity.OPPOSE: PolarityStyle("#D55E00", "////", "v", "black", "oppose"),
    Polarity.CONDITIONAL: PolarityStyle("#E69F00", "....", "D", "black", "conditional"),
    Polarity.NEUTRAL: PolarityStyle("#D0D0D0", "", "o", "black", "neutral"),
}

COALITION_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
"""Okabe-Ito colours for coalitions; beyond seven, markers tell them apart (see below)."""
COALITION_MARKERS = ("o", "s", "D", "^", "v", "p", "h")
ALONE_COLOUR = "#BBBBBB"


def note(ax: Axes, text: str) -> None:
    """A small note under the legend, at the right of the plot: what was left out."""
    ax.annotate(
        wrap(text, 38, 6),
        xy=(1.01, 0.0),
        xycoords="axes fraction",
        ha="left",
        va="bottom",
        fontsize=7,
        color="#555555",
    )


def nothing_to_draw(ax: Axes, words: str) -> None:
    """Say in words that the selection holds nothing to draw, instead of an empty axis.

    An empty axis shows dates from 1970 or limits matplotlib cannot set (and warns about).
    """
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        words,
        ha="center",
        va="center",
        fontsize=11,
        color="#555555",
        transform=ax.transAxes,
    )
