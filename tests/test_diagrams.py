"""Every diagram at the seed's size and at 60 actors: no overlapping labels, legend, title."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text

from stancegraph import StanceGraph, load
from stancegraph.analysis import Normalisation, coalitions, congruence, stances
from stancegraph.cli import main
from stancegraph.diagrams import (
    DIAGRAMS,
    IMAGE_FORMATS,
    draw_coalitions,
    render_diagram,
    render_diagrams,
)
from stancegraph.diagrams.style import POLARITY_STYLES
from stancegraph.drawing import draw_actor_network
from tests.conftest import GRAPH_DIR
from tests.corpora import blocs_of_sixty

CORPORA = ("seed", "sixty")


@cache
def _corpus(name: str) -> StanceGraph:
    return load(GRAPH_DIR) if name == "seed" else blocs_of_sixty()


@cache
def _drawn(kind: str, corpus: str) -> tuple[Axes, FigureCanvasAgg]:
    graph = _corpus(corpus)
    figure = Figure(figsize=DIAGRAMS[kind].size(graph), dpi=110, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    DIAGRAMS[kind].draw(graph, ax)
    canvas.draw()
    return ax, canvas


def _labels(ax: Axes) -> list[Text]:
    # An axis turned off draws no tick labels, whatever they say.
    ticks = [*ax.get_xticklabels(), *ax.get_yticklabels()] if ax.axison else []
    return [t for t in [*ax.texts, *ticks] if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("kind", list(DIAGRAMS))
def test_no_two_labels_overlap(kind: str, corpus: str) -> None:
    ax, canvas = _drawn(kind, corpus)
    renderer = canvas.get_renderer()
    labels = _labels(ax)
    assert labels
    boxes = np.array([t.get_window_extent(renderer).extents for t in labels])
    x0, y0, x1, y1 = (boxes[:, i][:, None] for i in range(4))
    clash = (x0 < x1.T) & (x1 > x0.T) & (y0 < y1.T) & (y1 > y0.T)
    np.fill_diagonal(clash, val=False)
    pairs = [
        (labels[i].get_text(), labels[j].get_text())
        for i, j in zip(*np.nonzero(clash), strict=True)
    ]
    assert not pairs


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("kind", list(DIAGRAMS))
def test_legend_and_title_with_source_and_dates(kind: str, corpus: str) -> None:
    ax, _ = _drawn(kind, corpus)
    graph = _corpus(corpus)
    assert ax.get_legend() is not None
    first, last = graph.date_range() or (None, None)
    source = (
        f"{len(graph.articles)} articles" if len(graph.articles) > 1 else graph.articles[0].title
    )
    assert source in " ".join(ax.get_title().split())
    assert str(first) in " ".join(ax.get_title().split())
    assert str(last) in " ".join(ax.get_title().split())


@pytest.mark.parametrize("corpus", CORPORA)
def test_matrix_counts_every_stance_and_labels_every_actor(corpus: str) -> None:
    ax, _ = _drawn("stance-matrix", corpus)
    graph = _corpus(corpus)
    numbers = [int(t.get_text()) for t in ax.texts if t.get_text().isdigit()]
    assert sum(numbers) == sum(1 for _ in stances(graph))
    holders = {graph.label(s.holder) for s in stances(graph)}
    assert {t.get_text() for t in ax.get_yticklabels()} == holders


def test_matrix_legend_has_all_four_polarities() -> None:
    ax, _ = _drawn("stance-matrix", "seed")
    legend = ax.get_legend()
    assert legend is not None
    entries = [t.get_text() for t in legend.get_texts()]
    assert entries == ["support", "oppose", "conditional", "neutral"]


def test_polarities_differ_in_greyscale() -> None:
    # Lightness alone separates the four fills by at least a tenth of the range; the two
    # middle ones are also hatched differently.
    grey = sorted(
        float(np.dot(to_rgb(s.colour), [0.299, 0.587, 0.114])) for s in POLARITY_STYLES.values()
    )
    assert min(b - a for a, b in itertools.pairwise(grey)) > 0.1
    hatches = [s.hatch for s in POLARITY_STYLES.values()]
    assert len(set(hatches)) == 3


def test_coalition_legend_matches_the_analysis() -> None:
    ax, _ = _drawn("coalitions", "sixty")
    legend = ax.get_legend()
    assert legend is not None
    entries = [t.get_text() for t in legend.get_texts() if t.get_text().startswith("coalition")]
    found = coalitions(congruence(_corpus("sixty"), Normalisation.JACCARD))
    assert entries == [f"coalition {i + 1} ({len(c)} actors)" for i, c in enumerate(found)]


@pytest.mark.parametrize("kind", ["coalitions", "actor-network"])
def test_nearly_every_label_is_shown_at_sixty_actors(kind: str) -> None:
    ax, _ = _drawn(kind, "sixty")
    shown = [t for t in ax.texts if t.get_visible() and t.get_text() and t.get_fontsize() < 7.5]
    drawn = [t for t in ax.texts if t.get_text() and t.get_fontsize() < 7.5]
    assert len(shown) >= 0.9 * len(drawn)


def test_timeline_has_a_row_per_actor() -> None:
    ax, _ = _drawn("timeline", "sixty")
    graph = _corpus("sixty")
    assert len(ax.get_yticklabels()) == len({s.holder for s in graph.statements})


@pytest.mark.parametrize("kind", [k for k in DIAGRAMS if k != "actor-network"])
def test_render_is_repeatable(kind: str) -> None:
    # The actor network's repeatability is checked by the build tests, across hash seeds.
    graph = _corpus("seed")
    assert render_diagram(graph, kind, "svg") == render_diagram(graph, kind, "svg")


@pytest.mark.parametrize("kind", [k for k, d in DIAGRAMS.items() if d.saved_as_drawn])
@pytest.mark.parametrize("corpus", ["seed", "sixty"])
def test_a_diagram_drawn_once_for_every_format_is_as_if_drawn_for_each(
    kind: str, corpus: str
) -> None:
    graph = _corpus(corpus)
    both = render_diagrams(graph, kind)
    assert list(both) == list(IMAGE_FORMATS)
    for image_format, image in both.items():
        assert image == render_diagram(graph, kind, image_format), image_format


def test_cli_draw_takes_the_format_from_the_file_name(tmp_path: Path) -> None:
    out = tmp_path / "matrix.svg"
    args = ["draw", "stance-matrix", "--graph", str(GRAPH_DIR), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert b"<svg" in out.read_bytes()[:500]
    png = tmp_path / "t.png"
    args = ["draw", "timeline", "--graph", str(GRAPH_DIR), "--format", "png", "-o", str(png)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert png.read_bytes().startswith(b"\x89PNG")


def test_cli_draw_rejects_unknown_kind() -> None:
    result = CliRunner().invoke(main, ["draw", "pie-chart"])
    assert result.exit_code == 2
    assert "stance-matrix" in result.output


def test_cli_draw_refuses_a_format_it_cannot_write(tmp_path: Path) -> None:
    out = tmp_path / "matrix.pdf"
    result = CliRunner().invoke(
        main, ["draw", "timeline", "--graph", str(GRAPH_DIR), "-o", str(out)]
    )
    assert result.exit_code == 2
    assert ".pdf is not a format written here" in result.output
    assert not out.exists()


def _drawn_with(draw: Callable[[Axes], None]) -> Axes:
    figure = Figure(figsize=(13, 9), dpi=110, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    draw(ax)
    canvas.draw()
    return ax


def test_coalitions_of_a_large_corpus_show_the_most_active_and_say_so() -> None:
    graph = _corpus("sixty")
    ax = _drawn_with(lambda ax: draw_coalitions(graph, ax, max_actors=20))
    names = {" ".join(t.get_text().split()) for t in ax.texts}
    assert any(name.startswith("Showing the 20 actors with most positions; 40") for name in names)
    legend = ax.get_legend()
    assert legend is not None
    assert any("shown)" in t.get_text() for t in legend.get_texts())
    assert len([t for t in ax.texts if t.get_fontsize() < 7]) == 20


def test_actor_network_of_a_large_corpus_keeps_the_most_connected() -> None:
    graph = _corpus("sixty")
    ax = _drawn_with(lambda ax: draw_actor_network(graph, ax, max_nodes=30))
    labels = [t for t in ax.texts if t.get_fontsize() == 7 and t.get_text()]
    notes = [t.get_text() for t in labels if "less connected nodes left out" in t.get_text()]
    assert notes
    assert notes[0].startswith("50 less connected nodes left out")
    assert len(labels) == 30 + 1


def test_every_timeline_mark_sits_on_its_day_inside_the_axes() -> None:
    # Two years of statements (blocs_of_sixty spans them): a mark moved a few points sideways
    # would be days off, and one on the first or last day would be cut by the axes.
    ax, canvas = _drawn("timeline", "sixty")
    graph = _corpus("sixty")
    days = {float((s.date - date(1970, 1, 1)).days) for s in graph.statements}
    assert {float(x) for c in ax.collections for x, _ in c.get_offsets()} == days
    one_day = ax.transData.transform((1.0, 0.0))[0] - ax.transData.transform((0.0, 0.0))[0]
    box = ax.get_window_extent(canvas.get_renderer())
    for collection in ax.collections:
        data = collection.get_offsets()
        shown = collection.get_offset_transform().transform(data)
        on_day = ax.transData.transform(data)
        for (x, y), (day_x, _) in zip(shown, on_day, strict=True):
            assert abs(x - day_x) < one_day / 4
            assert box.x0 < x < box.x1
            assert box.y0 < y < box.y1


def test_unreviewed_statements_are_drawn_hollow_and_named_in_the_legend() -> None:
    ax, _ = _drawn("timeline", "seed")
    legend = ax.get_legend()
    assert legend is not None
    assert "hollow: found by extraction, not reviewed" in [t.get_text() for t in legend.texts]
    faces = [tuple(f) for c in ax.collections for f in c.get_facecolors()]
    assert (1.0, 1.0, 1.0, 1.0) in faces


@pytest.mark.parametrize(
    ("kind", "words"),
    [("timeline", "No statements in this selection."), ("stance-matrix", "No stances")],
)
def test_an_empty_selection_says_so_in_words(kind: str, words: str, tmp_path: Path) -> None:
    out = tmp_path / "t.svg"
    result = CliRunner().invoke(
        main, ["draw", kind, "--graph", str(GRAPH_DIR), "--from", "2030-01-01", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
    text = out.read_text(encoding="utf-8")
    assert words in text
    assert "1970" not in text


@cache
def _extracted_only() -> StanceGraph:
    """The seed with no curated coding: every statement is unreviewed machine output."""
    folder = Path(tempfile.mkdtemp()) / "graph"
    shutil.copytree(GRAPH_DIR, folder, ignore=shutil.ignore_patterns(".cache", "coding"))
    (folder / "coding").mkdir()
    return load(folder)


@pytest.mark.parametrize(
    ("kind", "entry"),
    [
        ("actor-network", "faint: found by extraction, not reviewed"),
        ("stance-matrix", "* found by extraction, not reviewed"),
        ("timeline", "hollow: found by extraction, not reviewed"),
    ],
)
def test_every_diagram_says_which_statements_no_person_reviewed(kind: str, entry: str) -> None:
    graph = _extracted_only()
    for shown, expected in ((graph, True), (load(GRAPH_DIR, curated_only=True), False)):
        figure = Figure(figsize=DIAGRAMS[kind].size(shown), dpi=80, layout="constrained")
        ax = figure.add_subplot()
        DIAGRAMS[kind].draw(shown, ax)
        legend = ax.get_legend()
        assert legend is not None
        assert (entry in [t.get_text() for t in legend.texts]) is expected


def test_reviewed_only_leaves_machine_output_out() -> None:
    assert any(not s.provenance.reviewed for s in load(GRAPH_DIR).statements)
    assert all(s.provenance.reviewed for s in load(GRAPH_DIR, reviewed_only=True).statements)


def test_coalitions_say_how_many_stances_are_unreviewed() -> None:
    figure = Figure(figsize=(13, 9), dpi=80, layout="constrained")
    ax = figure.add_subplot()
    draw_coalitions(_extracted_only(), ax)
    notes = [" ".join(t.get_text().split()) for t in ax.texts]
    assert any("found by extraction and not reviewed" in n for n in notes), notes


def test_a_long_headline_is_wrapped_not_cut() -> None:
    graph = load(GRAPH_DIR, curated_only=True)
    headline = (
        "Joint statement of the foreign ministers on the situation in the region, the "
        "humanitarian corridors agreed at the talks and the next round of negotiations"
    )
    long = replace(graph, articles=(replace(graph.articles[0], title=headline),))
    for kind in DIAGRAMS:
        figure = Figure(figsize=DIAGRAMS[kind].size(long), dpi=80, layout="constrained")
        canvas = FigureCanvasAgg(figure)
        ax = figure.add_subplot()
        DIAGRAMS[kind].draw(long, ax)
        canvas.draw()
        title = ax.title
        assert " ".join(title.get_text().split()).endswith('negotiations", 2025-03-15'), kind
        box = title.get_window_extent(canvas.get_renderer())
        assert box.x0 >= 0
        assert box.x1 <= figure.bbox.x1, kind
