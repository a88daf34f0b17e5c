"""Writing one derived network or one diagram to a file: what ``export`` and ``draw`` do."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from stancegraph.analysis.levels import Level
from stancegraph.analysis.networks import derived_network, export_network
from stancegraph.analysis.onemode import Normalisation
from stancegraph.files import write_atomically
from stancegraph.formats import EXPORT_FORMATS
from stancegraph.loading import load


def export_to_file(
    graph_dir: Path | str,
    network: str,
    format_name: str,
    output: Path | None = None,
    *,
    normalisation: Normalisation = Normalisation.RAW,
    level: Level = Level.PERSON,
    start: date | None = None,
    end: date | None = None,
) -> Path:
    """Load ``graph_dir``, derive ``network`` and write it; the path written is returned.

    ``output`` defaults to ``NETWORK.SUFFIX`` in the current folder.

    Raises:
        InputError: an input file is wrong; nothing has been written.
        KeyError: an unknown network or format name.

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     export_to_file("graph", "two-mode", "csv", Path(tmp) / "stances.csv").name
        'stances.csv'

    """
    graph = load(graph_dir)
    derived = derived_network(
        graph, network, normalisation=normalisation, level=level, start=start, end=end
    )
    target = output or Path(network + EXPORT_FORMATS[format_name].suffix)
    write_atomically(target.parent, {target.name: export_network(derived, format_name)})
    return target
