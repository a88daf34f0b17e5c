"""The graph every command works on: the curated inputs of ``graph/`` plus extracted statements.

``build``, ``query``, ``push``, ``export`` and ``draw`` all read the graph through
:func:`assemble`, so that a query or a pushed server answers over the same statements as the
exports (curated ones, and extracted ones that no curated statement matches, unreviewed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from stancegraph.corpus import StanceGraph
from stancegraph.extract.cache import (
    CACHE_FOLDER,
    ExtractionCache,
    extractor_digest,
    fingerprint,
)
from stancegraph.extract.progress import ProgressFactory, no_progress
from stancegraph.loading import ARTICLES_DIR, load
from stancegraph.merging import merge

if TYPE_CHECKING:
    from collections.abc import Iterable

    from stancegraph.extract.pipeline import Extraction
    from stancegraph.extract.progress import Progress
    from stancegraph.model import Article

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


def not_articles(graph_dir: Path) -> list[Path]:
    """The files in ``graph_dir/articles`` the loader does not read (not ``*.txt``, not hidden)."""
    folder = graph_dir / ARTICLES_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix != ".txt" and not p.name.startswith("."))


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
    reviewed_only: bool = False
    dask: str | None = None  # a Dask scheduler to extract on, else this machine

    def key(self) -> str:
        """What, besides the input files, decides the graph (for caches of a built store)."""
        if self.curated_only:
            return "curated-only"
        # The extractor's own code and data: a changed rule is a different graph.
        key = f"extracted:{self.model or 'default'}:{extractor_digest()}"
        return key + (":reviewed-only" if self.reviewed_only else "")

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
            reviewed_only=self.reviewed_only,
            dask=self.dask,
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
    reviewed_only: bool = False,
    dask: str | None = None,
) -> StanceGraph:
    """Load ``graph_dir`` and add the statements extraction finds that no decision leaves out.

    This is :func:`stancegraph.load`: Python sees the graph ``build`` exports and every command
    queries.

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
    for skipped in not_articles(Path(graph_dir)):
        warn(f"{skipped}: not read (an article is a .txt file)")
    if curated_only:
        report("extract: skipped (--curated-only)")
        return graph
    extractions = _extractions(graph, Path(graph_dir), model, processes, progress, dask=dask)
    for extraction in extractions.found:
        for message in extraction.warnings:
            warn(f"{graph_dir}/articles/{extraction.article.id}.txt: {message}")
        if extraction.unattributed:
            warn(
                f"{graph_dir}/articles/{extraction.article.id}.txt: {extraction.unattributed} "
                'clauses say "we" or "I" and nobody holds them: no speaker or issuers'
            )
    merged = merge(graph, extractions.found)
    articles = len(extractions.found)
    fresh = articles - extractions.cached
    report(
        f"extract: {merged.candidates} candidate statements from "
        f"{plural(articles, 'article')} ({fresh} extracted, {extractions.cached} cached), "
        f"{merged.reviewed} reviewed, {merged.rejected} rejected, "
        f"{merged.superseded} already curated, {merged.kept} kept unreviewed, "
        f"{merged.provisional_actors} provisional actors" + _unattributed_note(extractions.found)
    )
    if reviewed_only:
        # What a person wrote, confirmed or corrected: machine output nobody looked at is left out.
        kept = tuple(s for s in merged.graph.statements if s.provenance.reviewed)
        report(f"reviewed only: {len(merged.graph.statements) - len(kept)} unreviewed left out")
        return replace(merged.graph, statements=kept)
    return merged.graph


@dataclass(frozen=True, slots=True)
class _Extractions:
    """Every article's extraction, in the graph's article order, and how many were cached."""

    found: tuple[Extraction, ...]
    cached: int


def _extractions(
    graph: StanceGraph,
    graph_dir: Path,
    model: str | None,
    processes: int,
    progress: ProgressFactory,
    *,
    dask: str | None = None,
) -> _Extractions:
    """Every article's extraction: from the cache where it holds one, else extracted and kept."""
    store = ExtractionCache(graph_dir / CACHE_FOLDER, fingerprint(graph, model))
    found: dict[str, Extraction] = {}
    for article in graph.articles:
        hit = store.get(article)
        if hit is not None:
            found[article.id] = hit
    cached = len(found)
    missing = [a for a in graph.articles if a.id not in found]
    if missing:
        with progress(len(missing)) as advance:
            for extraction in _extract(graph, missing, model, processes, advance, dask):
                store.put(extraction)
                found[extraction.article.id] = extraction
    return _Extractions(tuple(found[a.id] for a in graph.articles), cached)


NAMED_AT_MOST = 5
"""Articles named in the summary line; the warnings above it name every one."""


def _unattributed_note(found: tuple[Extraction, ...]) -> str:
    """The articles whose "we" or "I" nobody holds, for the end of the summary line."""
    named = [f"{e.article.id} ({e.unattributed})" for e in found if e.unattributed]
    if not named:
        return ""
    shown = ", ".join(named[:NAMED_AT_MOST])
    more = f" and {len(named) - NAMED_AT_MOST} more" if len(named) > NAMED_AT_MOST else ""
    return (
        f"; first-person clauses left out for want of a speaker or issuers in {shown}{more}"
        " (set speaker: or issuers: in the front matter; warnings name each)"
    )


def _extract(  # noqa: PLR0917 - the parts of one extraction run
    graph: StanceGraph,
    articles: list[Article],
    model: str | None,
    processes: int,
    advance: Progress,
    dask: str | None,
) -> Iterable[Extraction]:
    """The extraction of each article: on the Dask cluster at ``dask``, else here."""
    if dask is not None:
        from stancegraph.extract.distributed import extract_with_dask  # noqa: PLC0415

        return extract_with_dask(dask, graph, articles, model, advance)
    from stancegraph.extract.pipeline import Extractor  # noqa: PLC0415 - spaCy, when needed

    extractor = Extractor.for_graph(graph, model)
    return extractor.extract_many(articles, processes=processes, progress=advance)


ASSEMBLED = Assembly()
"""The default way to read a graph folder everywhere: as ``build`` does (curated + extracted)."""
