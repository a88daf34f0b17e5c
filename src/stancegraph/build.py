"""``stancegraph build``: load ``graph/``, derive every view, then write ``exports/`` at once."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from stancegraph.assembly import Assembly, assemble
from stancegraph.corpus import StanceGraph
from stancegraph.diagrams import DIAGRAMS, IMAGE_FORMATS, render_diagrams
from stancegraph.errors import InputError
from stancegraph.extract.progress import ProgressFactory, no_progress
from stancegraph.files import Staging
from stancegraph.formats import NETWORK_FORMATS, RDF_FORMATS
from stancegraph.iris import DEFAULT_BASE
from stancegraph.nx_mapping import to_networkx
from stancegraph.rdf_export import write_rdf
from stancegraph.stores.opening import fill_cached_store
from stancegraph.vocab import ontology_turtle

EXPORT_STEM = "stancegraph"

Reporter = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build produced."""

    graph: StanceGraph
    triples: int
    files: tuple[Path, ...]


def write_exports(graph: StanceGraph, base: str, staging: Staging, report: Reporter) -> int:
    """Write every export of ``graph`` into ``staging``, reporting each stage in one line.

    The RDF exports are written as they are produced (over a gigabyte at 100k statements);
    the others are small enough to be made whole. Returns how many triples the graph has.
    """
    streams = {name: staging.open(EXPORT_STEM + f.suffix) for name, f in RDF_FORMATS.items()}
    counts = write_rdf(graph, streams, base)
    staging.write("ontology.ttl", ontology_turtle().encode("utf-8"))
    report(f"rdf: {counts.triples} triples in {counts.graphs} named graphs, {len(streams)} formats")
    network = to_networkx(graph)
    for network_format in NETWORK_FORMATS.values():
        staging.write(EXPORT_STEM + network_format.suffix, network_format.writer(network))
    staging.write("statements.csv", statements_csv(graph))
    report(
        f"networkx: {network.number_of_nodes()} nodes, {network.number_of_edges()} edges "
        f"({', '.join(NETWORK_FORMATS)}, csv)"
    )
    for name in DIAGRAMS:
        for image_format, image in render_diagrams(graph, name).items():
            staging.write(f"{name}.{image_format}", image)
    report(f"diagrams: {', '.join(DIAGRAMS)} as {' and '.join(IMAGE_FORMATS)}")
    return counts.triples


def statements_csv(graph: StanceGraph) -> bytes:
    """One row per statement, for spreadsheets and pandas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "statement",
            "article",
            "date",
            "kind",
            "holder",
            "target",
            "polarity",
            "conditions",
            "addressee",
            "quote",
            "start",
            "end",
            "provenance",
            "confidence",
            "reviewed",
            "status",
        ]
    )
    for s in graph.statements:
        first = s.evidence[0]
        writer.writerow(
            [
                s.id,
                s.article,
                s.date.isoformat(),
                s.kind.value,
                s.holder,
                s.target,
                s.polarity.value if s.polarity else "",
                "; ".join(str(c) for c in s.conditions),
                s.addressee or "",
                first.quote,
                first.start,
                first.end,
                s.provenance.method.value,
                s.provenance.confidence,
                s.provenance.reviewed,
                s.provenance.status.value,
            ]
        )
    return buffer.getvalue().encode("utf-8")


def build(
    graph_dir: Path | str,
    out_dir: Path | str,
    *,
    base: str = DEFAULT_BASE,
    report: Reporter = lambda line: None,
    curated_only: bool = False,
    model: str | None = None,
    processes: int = 1,
    progress: ProgressFactory = no_progress,
    warn: Reporter = lambda line: None,
    dask: str | None = None,
) -> BuildResult:
    """Load ``graph_dir``, add extracted statements, and write every export into ``out_dir``.

    Every article is run through extraction: where it has a curated coding, a curated statement
    wins over an extracted one it matches and the rest are kept unreviewed; ``curated_only``
    leaves extraction out. Nothing is written unless every input is valid and every export was
    produced.

    Raises:
        InputError: an input file is wrong; nothing has been written.
        ModelNotFoundError: the spaCy model is not installed; nothing has been written.

    """
    graph = assemble(
        graph_dir,
        curated_only=curated_only,
        model=model,
        processes=processes,
        progress=progress,
        report=report,
        warn=warn,
        dask=dask,
    )
    try:
        with Staging(Path(out_dir)) as staging:
            triples = write_exports(graph, base, staging, report)
            written = staging.commit()
    except BrokenPipeError:
        raise  # a reader of the report went away; the exports are not the problem
    except OSError as error:
        raise InputError(out_dir, "", f"cannot write the exports: {error.strerror}") from None
    report(f"write: {len(written)} files to {out_dir}")
    # The store queries read (`--store cached`): after a build, a query opens it and answers.
    key = Assembly(curated_only=curated_only, model=model).key()
    if fill_cached_store(Path(graph_dir), graph, base, key):
        report(f"store: {graph_dir}/.cache/store ready for queries")
    return BuildResult(graph=graph, triples=triples, files=tuple(written))
