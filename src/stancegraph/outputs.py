"""Writing one derived network or one diagram to a file: what ``export`` and ``draw`` do."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from stancegraph.analysis.levels import Level, PropositionLevel
from stancegraph.analysis.networks import derived_network, export_network, view
from stancegraph.analysis.onemode import Normalisation
from stancegraph.assembly import ASSEMBLED, GraphReader
from stancegraph.diagrams import IMAGE_FORMATS, render_diagram
from stancegraph.files import write_atomically
from stancegraph.formats import EXPORT_FORMATS


def chosen_format(
    given: str | None, output: Path | None, suffixes: dict[str, str], default: str
) -> str:
    """The format to write: ``given``, else the one ``output``'s suffix names, else ``default``.

    Raises:
        ValueError: ``given`` and the suffix disagree, or the suffix names no format we write.

    >>> chosen_format(None, Path("n.gexf"), {".gexf": "gexf", ".graphml": "graphml"}, "graphml")
    'gexf'
    >>> chosen_format("graphml", Path("n.gexf"), {".gexf": "gexf", ".graphml": "graphml"}, "x")
    Traceback (most recent call last):
    ...
    ValueError: n.gexf ends in .gexf, which is not graphml: name the file n.graphml or drop --format

    """
    suffix = output.suffix.lower() if output is not None else ""
    named = suffixes.get(suffix)
    if output is not None and suffix and named is None:
        choices = ", ".join(sorted(suffixes))
        raise ValueError(f"{output.name}: {suffix} is not a format written here ({choices})")
    if given is not None and named is not None and given != named:
        assert output is not None
        wanted = next(k for k, v in suffixes.items() if v == given)
        raise ValueError(
            f"{output.name} ends in {suffix}, which is not {given}: "
            f"name the file {output.with_suffix(wanted).name} or drop --format"
        )
    return given or named or default


def export_to_file(
    graph_dir: Path | str,
    network: str,
    format_name: str | None = None,
    output: Path | None = None,
    *,
    normalisation: Normalisation = Normalisation.RAW,
    level: Level = Level.PERSON,
    propositions: PropositionLevel = PropositionLevel.AS_CODED,
    start: date | None = None,
    end: date | None = None,
    reader: GraphReader = ASSEMBLED,
) -> Path:
    """Load ``graph_dir``, derive ``network`` and write it; the path written is returned.

    The format is ``format_name``, else the suffix of ``output``, else GraphML; ``output``
    defaults to ``NETWORK.SUFFIX`` in the current folder; ``reader`` reads the graph (as
    ``build`` does by default: curated and extracted statements; ``Assembly(curated_only=True)``
    for the curated ones).

    Raises:
        InputError: an input file is wrong; nothing has been written.
        KeyError: an unknown network or format name.
        ValueError: ``output``'s suffix is not ``format_name``'s, or no format we write.

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     export_to_file("graph", "two-mode", "csv", Path(tmp) / "stances.csv").name
        'stances.csv'

    """
    suffixes = {f.suffix: name for name, f in EXPORT_FORMATS.items()}
    format_name = chosen_format(format_name, output, suffixes, "graphml")
    graph = reader(graph_dir)
    derived = derived_network(
        graph,
        network,
        normalisation=normalisation,
        level=level,
        propositions=propositions,
        start=start,
        end=end,
    )
    target = output or Path(network + EXPORT_FORMATS[format_name].suffix)
    write_atomically(target.parent, {target.name: export_network(derived, format_name)})
    return target


def draw_to_file(
    graph_dir: Path | str,
    diagram: str,
    image_format: str | None = None,
    output: Path | None = None,
    *,
    level: Level = Level.PERSON,
    propositions: PropositionLevel = PropositionLevel.AS_CODED,
    start: date | None = None,
    end: date | None = None,
    reader: GraphReader = ASSEMBLED,
) -> Path:
    """Load ``graph_dir``, draw ``diagram`` and write it; the path written is returned.

    The format is ``image_format``, else the suffix of ``output``, else PNG; ``output``
    defaults to ``DIAGRAM.FORMAT`` in the current folder.

    Raises:
        InputError: an input file is wrong; nothing has been written.
        KeyError: an unknown diagram.
        ValueError: an image format other than PNG or SVG.

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     draw_to_file("graph", "stance-matrix", output=Path(tmp) / "m.svg").name
        'm.svg'

    """
    if image_format is not None and image_format not in IMAGE_FORMATS:
        raise ValueError(f"cannot draw {image_format!r}; choose one of {', '.join(IMAGE_FORMATS)}")
    chosen = chosen_format(image_format, output, {f".{f}": f for f in IMAGE_FORMATS}, "png")
    graph = view(reader(graph_dir), level, propositions, start, end)
    target = output or Path(f"{diagram}.{chosen}")
    write_atomically(target.parent, {target.name: render_diagram(graph, diagram, chosen)})
    return target
