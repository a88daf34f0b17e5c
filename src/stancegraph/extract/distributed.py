"""Extraction on a Dask cluster: the articles go to its workers, the results come back in order.

For archives of hundreds of thousands of articles, parsing is the cost, and it is the same work
per article; ``dask.distributed`` already schedules such work over many machines, so stancegraph
hands it the articles instead of running a scheduler of its own. Each worker builds the extractor
once for the registry it is sent (spaCy, the matchers, the classifier) and keeps it for every
later article of that registry; the results are gathered in the articles' order and cached by
the caller exactly as a local run's, so the graph is byte for byte the same.

Workers need stancegraph and the spaCy model installed, as on the machine that builds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError
from stancegraph.model import Article

if TYPE_CHECKING:
    from stancegraph.extract.pipeline import Extraction, Extractor
    from stancegraph.extract.progress import Progress

INSTALL = "pip install 'stancegraph[dask]'"


def registry_of(graph: StanceGraph) -> StanceGraph:
    """What a worker needs to extract: the registry, without articles or statements."""
    return replace(graph, articles=(), statements=(), rejections=())


@cache
def _extractor(registry: StanceGraph, model: str | None) -> Extractor:
    from stancegraph.extract.pipeline import Extractor  # noqa: PLC0415 - on the worker

    return Extractor.for_graph(registry, model)


def extract_on_worker(article: Article, registry: StanceGraph, model: str | None) -> Extraction:
    """Extract one article on a worker, with the extractor it keeps for ``registry``."""
    return _extractor(registry, model).extract(article)


def extract_with_dask(
    address: str,
    graph: StanceGraph,
    articles: Sequence[Article],
    model: str | None,
    progress: Progress | None = None,
) -> list[Extraction]:
    """The extraction of each of ``articles``, computed on the Dask cluster at ``address``.

    Raises:
        InputError: dask.distributed is not installed, or no scheduler answers at ``address``.

    """
    try:
        from distributed import Client  # noqa: PLC0415 - an optional dependency
    except ImportError:
        raise InputError("--dask", "", f"dask.distributed is not installed: {INSTALL}") from None
    try:
        # distributed's Client and scatter carry no type hints yet.
        client = Client(address, timeout=10, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as error:
        raise InputError("--dask", "", f"no Dask scheduler answers at {address}: {error}") from None
    with client:
        registry = client.scatter(registry_of(graph), broadcast=True)  # type: ignore[no-untyped-call]
        futures = client.map(
            extract_on_worker, list(articles), registry=registry, model=model, pure=False
        )
        out: list[Extraction] = []
        for future in futures:  # in the articles' order, whichever worker finished first
            out.append(future.result())
            if progress is not None:
                progress(1)
    return out
