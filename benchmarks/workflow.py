"""A user's loop on a corpus of real-length articles: build, query, add one article, rebuild.

Every step runs the command line in a process of its own, as a user types it, on a corpus folder
of ``--articles`` texts (the seed and the invented test articles, repeated with their paragraphs
rotated: about 600 words each) with the seed's registry. Side by side in the same run:

- ``stancegraph --help`` against the interpreter starting and doing nothing;
- a query after the build (the store the build left) against the same query reading the graph
  again into memory (``--store oxigraph``: what every query did before the cache);
- a rebuild after adding one article against the full first build;
- the merge of 10,000 and of 50,000 curated statements, every article extracted with no
  candidate (linear: ratio ~5).

    .venv/bin/python benchmarks/workflow.py [--articles 1000]

Goals (issue 14): query < 1 s, rebuild <= 10 % of the full build, --help < 0.5 s, merge linear.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extract import corpus
from synthetic import generate

from stancegraph.extract.pipeline import Extraction
from stancegraph.merging import merge

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_ARTICLE = 600


def _timed(*command: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def _stancegraph(*args: str) -> float:
    return _timed(sys.executable, "-m", "stancegraph.cli", *args)


def _write_corpus(folder: Path, articles: int) -> None:
    for name in ("actors.yaml", "propositions.yaml", "events.yaml"):
        shutil.copy(ROOT / "graph" / name, folder / name)
    (folder / "articles").mkdir()
    (folder / "coding").mkdir()
    for number, article in enumerate(corpus(articles * WORDS_PER_ARTICLE)[:articles]):
        front = f"---\ntitle: Article {number}\npublished: {article.published.isoformat()}\n---\n"
        (folder / "articles" / f"a{number:05d}.txt").write_text(front + article.text, "utf-8")


def _merge_seconds(statements: int) -> float:
    graph = generate(statements, seed=1)
    nothing_found = [Extraction(article) for article in graph.articles]
    start = time.perf_counter()
    merge(graph, nothing_found)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        graph = Path(scratch) / "graph"
        graph.mkdir()
        _write_corpus(graph, args.articles)
        out = str(Path(scratch) / "exports")
        help_s = _stancegraph("--help")
        python_s = _timed(sys.executable, "-c", "pass")
        rows.append(("--help", f"{help_s:.2f} s", f"interpreter alone {python_s:.2f} s"))
        full = _stancegraph("build", str(graph), "--out", out)
        rows.append(("first build", f"{full:.1f} s", f"{args.articles} articles"))
        for label, params in (
            ("every demand", ()),
            ("one actor's", ("--param", "actor=keir-starmer")),
        ):
            cached = min(
                _stancegraph("query", "demands", "--graph", str(graph), *params) for _ in range(3)
            )
            memory = _stancegraph(
                "query", "demands", "--graph", str(graph), "--store", "oxigraph", *params
            )
            rows.append(
                (
                    f"query: {label}",
                    f"{cached:.2f} s",
                    f"read again: {memory:.2f} s ({memory / cached:.1f}x)",
                )
            )
        source = graph / "articles" / "a00000.txt"
        shutil.copy(source, graph / "articles" / "added.txt")
        again = _stancegraph("build", str(graph), "--out", out)
        rows.append(
            (
                "rebuild, one article added",
                f"{again:.1f} s",
                f"{again / full:.0%} of the first build",
            )
        )
    small, large = _merge_seconds(10_000), _merge_seconds(50_000)
    rows.append(
        (
            "merge 10k / 50k statements",
            f"{small:.3f} / {large:.3f} s",
            f"ratio {large / small:.1f} (linear: 5)",
        )
    )
    print("| step | time | side by side |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
