"""The graph every command works on: the curated inputs of ``graph/`` plus extracted statements.

``build``, ``query``, ``push``, ``export`` and ``draw`` all read the graph through
:func:`assemble`, so that a query or a pushed server answers over the same statements as the
exports (curated ones, and extracted ones that no curated statement matches, unreviewed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from stancegraph.corpus import StanceGraph
from stancegraph.extract.pipeline import Extractor, ProgressFactory, no_progress
from stancegraph.loading import load
from stancegraph.merging import merge

Reporter = Callable[[str], None]
GraphReader = Callable[[Path | str], StanceGraph]
"""Reads a graph folder: :func:`~stancegraph.loading.load` (curated only), or an Assembly."""


def reader_key(reader: GraphReader) -> str:
    """What a reader adds to the input files (for caches); empty for plain :func:`load`."""
    return reader.key() if isinstance(reader, Assembly) else ""


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an s unless the count is one.

    >>> plural(1, "article"), plural(41, "statement")
    ('1 article', '41 statements')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _quiet(_line: str) -> None:
    """Report nothing."""


@dataclass(frozen=True, slots=True)
class Assembly:
    """How to read a graph folder: with or without extraction, which model, how reported."""

    curated_only: bool = False
    model: str | None = None
    processes: int = 1
    progress: ProgressFactory = no_progress
    report: Reporter = field(default=_quiet)
    warn: Reporter = field(default=_quiet)

    def key(self) -> str:
        """What, besides the input files, decides the graph (for caches of a built store)."""
        return "curated-only" if self.curated_only else f"extracted:{self.model or 'default'}"

    def __call__(self, graph_dir: Path | str) -> StanceGraph:
        """Read ``graph_dir`` as :func:`assemble` does with these settings."""
        return assemble(
            graph_dir,
            curated_only=self.curated_only,
            model=self.model,
            processes=self.processes,
            progress=self.progress,
            report=self.report,
            warn=self.warn,
        )


def assemble(
    graph_dir: Path | str,
    *,
    curated_only: bool = False,
    model: str | None = None,
    processes: int = 1,
    progress: ProgressFactory = no_progress,
    report: Reporter = _quiet,
    warn: Reporter = _quiet,
) -> StanceGraph:
    """Load ``graph_dir`` and add the statements extraction finds that no curated one matches.

    Every article is run through extraction: where it has a curated coding, a curated statement
    wins over an extracted one it matches and the rest are kept unreviewed; ``curated_only``
    leaves extraction out. Each stage reports one line.

    Raises:
        InputError: an input file is wrong.
        ModelNotFoundError: the spaCy model is not installed.

    Examples:
        >>> graph = assemble("graph", curated_only=True)
        >>> all(s.provenance.reviewed for s in graph.statements)
        True

    """
    graph = load(graph_dir)
    counts = ", ".join(
        plural(len(items), noun)
        for items, noun in (
            (graph.articles, "article"),
            (graph.actors, "actor"),
            (graph.propositions, "proposition"),
            (graph.events, "event"),
            (graph.statements, "statement"),
        )
    )
    report(f"load: {counts} from {graph_dir}")
    if curated_only:
        report("extract: skipped (--curated-only)")
        return graph
    extractor = Extractor.for_graph(graph, model)
    with progress(len(graph.articles)) as advance:
        extractions = list(
            extractor.extract_many(graph.articles, processes=processes, progress=advance)
        )
    for extraction in extractions:
        for message in extraction.warnings:
            warn(f"{graph_dir}/articles/{extraction.article.id}.txt: {message}")
    merged = merge(graph, extractions)
    report(
        f"extract: {merged.candidates} candidate statements from "
        f"{plural(len(extractions), 'article')}, "
        f"{merged.reviewed} reviewed, {merged.rejected} rejected, "
        f"{merged.superseded} already curated, {merged.kept} kept unreviewed, "
        f"{merged.provisional_actors} provisional actors"
    )
    return merged.graph
