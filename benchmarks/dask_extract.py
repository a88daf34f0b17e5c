"""Extraction throughput on a Dask cluster of 1 and 2 local workers, beside the single process.

The same articles (real texts, see ``extract.py``) are extracted by one ``Extractor`` in this
process, then through ``stancegraph.extract.distributed`` on a ``LocalCluster`` of 1 and of 2
worker processes (one thread each). Each cluster first extracts one article per worker so that
loading spaCy is not timed; the results are checked equal to the single process's.

    .venv/bin/python benchmarks/dask_extract.py [--words 30000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from distributed import LocalCluster
from extract import corpus

from stancegraph.extract.distributed import extract_with_dask
from stancegraph.extract.pipeline import Extractor
from stancegraph.loading import load

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=30_000)
    args = parser.parse_args()
    graph = load(ROOT / "graph")
    articles = corpus(args.words)
    words = sum(len(a.text.split()) for a in articles)
    start = time.perf_counter()
    expected = list(Extractor.for_graph(graph).extract_many(articles))
    single = time.perf_counter() - start
    print(f"{len(articles)} articles, {words} words")
    print("| run | seconds | words/s | against one process |")
    print("|---|---|---|---|")
    print(f"| one process | {single:.1f} | {words / single:.0f} | 1.00 |")
    for workers in (1, 2):
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster:
            extract_with_dask(cluster.scheduler_address, graph, articles[:workers], None)
            start = time.perf_counter()
            found = extract_with_dask(cluster.scheduler_address, graph, articles, None)
            seconds = time.perf_counter() - start
        assert found == expected, "the cluster found something else"
        print(
            f"| dask, {workers} worker{'s' if workers > 1 else ''} | {seconds:.1f} | "
            f"{words / seconds:.0f} | {single / seconds:.2f} |"
        )


if __name__ == "__main__":
    main()
