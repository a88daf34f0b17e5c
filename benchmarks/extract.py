"""Throughput of `stancegraph extract` against spaCy's own `nlp.pipe` on the same text.

About 50,000 words of news text (the seed and the invented test articles, repeated with their
paragraphs rotated so that no two documents are identical) go through `nlp.pipe` alone, then
through the whole extractor (which also uses `nlp.pipe`), in the same run; the ratio of the two
throughputs says what the rules cost on top of the parser. Goal: ratio >= 0.8.

    .venv/bin/python benchmarks/extract.py [--words 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from stancegraph.articles import read_article
from stancegraph.corpus import StanceGraph
from stancegraph.extract import Extractor
from stancegraph.loading import load
from stancegraph.model import Article

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "graph" / "articles",
    ROOT / "tests" / "data" / "extraction" / "graph" / "articles",
]


def corpus(words: int) -> list[Article]:
    """Articles adding up to about ``words`` words."""
    base = [read_article(p) for folder in SOURCES for p in sorted(folder.glob("*.txt"))]
    out: list[Article] = []
    total = 0
    n = 0
    while total < words:
        article = base[n % len(base)]
        paragraphs = [p for p in article.text.split("\n") if p.strip()]
        shift = (n // len(base)) % max(1, len(paragraphs))
        text = "\n".join(paragraphs[shift:] + paragraphs[:shift])
        out.append(replace(article, id=f"{article.id}-{n}", text=text))
        total += len(text.split())
        n += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = parser.parse_args()
    graph = load(ROOT / "graph")
    own = load(ROOT / "tests" / "data" / "extraction" / "graph")
    registry = StanceGraph(
        actors=(
            *graph.actors,
            *(a for a in own.actors if a.id not in {x.id for x in graph.actors}),
        ),
        roles=(*graph.roles, *own.roles),
        propositions=(*graph.propositions, *own.propositions),
    )
    extractor = Extractor.for_graph(registry)  # matchers are built once, here
    articles = corpus(args.words)
    words = sum(len(a.text.split()) for a in articles)
    texts = [a.text for a in articles]
    list(extractor.nlp.pipe(texts[:5]))  # warm up

    def spacy_only() -> float:
        start = time.perf_counter()
        for _ in extractor.nlp.pipe(texts, batch_size=32):
            pass
        return time.perf_counter() - start

    def extraction() -> tuple[float, int]:
        start = time.perf_counter()
        found = sum(len(r.statements) for r in extractor.extract_many(articles, batch_size=32))
        return time.perf_counter() - start, found

    spacy_times, extract_times = [], []
    statements = 0
    for _ in range(args.repeat):
        spacy_times.append(spacy_only())
        seconds, statements = extraction()
        extract_times.append(seconds)
    parse, full = min(spacy_times), min(extract_times)
    print(f"text: {len(articles)} articles, {words} words")
    print(f"spaCy nlp.pipe: {parse:.2f} s ({words / parse:,.0f} words/s)")
    print(
        f"stancegraph extract: {full:.2f} s ({words / full:,.0f} words/s), {statements} statements"
    )
    print(f"throughput ratio (extract / nlp.pipe): {parse / full:.2f} (goal >= 0.80)")


if __name__ == "__main__":
    main()
