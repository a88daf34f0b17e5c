"""Benchmark of the analysis and the diagrams on the synthetic corpus.

Targets (issue 5): every derived network plus coalitions on 100,000 statements in under 10 s
together; each diagram of a 60-actor corpus drawn in under 3 s. Prints each figure::

    .venv/bin/python benchmarks/analysis.py [--statements 100000] [--seed 1]
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from typing import Any

from synthetic import generate

from stancegraph.analysis import (
    Level,
    Normalisation,
    OneMode,
    actor_network,
    at_level,
    centrality,
    coalitions,
    contradictions,
    position_changes,
    two_mode,
)
from stancegraph.diagrams import DIAGRAMS, render_diagram

NETWORK_BUDGET = 10.0
DIAGRAM_BUDGET = 3.0
SIXTY_ACTORS = 12_000  # the generator makes one actor per 200 statements


def timed(label: str, work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(f"  {label:<40} {seconds:6.2f} s")
    return seconds, result


def analyse(statements: int, seed: int) -> None:
    graph = generate(statements, seed)
    print(
        f"corpus: {len(graph.statements)} statements, {len(graph.actors)} actors, "
        f"{len(graph.propositions)} propositions"
    )
    print("derived networks and coalitions:")
    total = 0.0
    seconds, network = timed("two-mode", lambda: two_mode(graph))
    total += seconds
    print(f"    {network.number_of_nodes()} nodes, {network.number_of_edges()} edges")
    congruence = None
    for kind in OneMode:
        for normalisation in Normalisation:
            seconds, network = timed(
                f"{kind.value} ({normalisation.value})",
                lambda k=kind, n=normalisation: actor_network(graph, k, n),
            )
            total += seconds
            if kind is OneMode.CONGRUENCE and normalisation is Normalisation.JACCARD:
                congruence = network
    assert congruence is not None
    nodes, edges = congruence.number_of_nodes(), congruence.number_of_edges()
    print(f"    congruence: {nodes} nodes, {edges} edges")
    seconds, found = timed(
        "coalitions (Louvain, jaccard congruence)", lambda: coalitions(congruence)
    )
    total += seconds
    print(f"    {len(found)} coalitions, largest {len(found[0])} actors")
    verdict = "ok" if total < NETWORK_BUDGET else "OVER BUDGET"
    print(f"  {'total':<40} {total:6.2f} s  (budget {NETWORK_BUDGET:.0f} s: {verdict})")

    print("other analyses (not in the budget):")
    timed("state level", lambda: at_level(graph, Level.STATE))
    timed("position changes", lambda: len(position_changes(graph)))
    timed("contradictions", lambda: len(contradictions(graph)))
    timed("centrality of the congruence network", lambda: centrality(congruence))


def draw(seed: int) -> None:
    small = generate(SIXTY_ACTORS, seed)
    actors = len({s.holder for s in small.statements})
    print(f"diagrams of a {actors}-actor corpus ({len(small.statements)} statements), PNG:")
    for name in DIAGRAMS:
        seconds, _ = timed(name, lambda n=name: render_diagram(small, n, "png"))
        verdict = "ok" if seconds < DIAGRAM_BUDGET else "OVER BUDGET"
        print(f"    budget {DIAGRAM_BUDGET:.0f} s: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    analyse(args.statements, args.seed)
    # The 100k corpus (freed when analyse returns) holds millions of objects that every full
    # garbage collection walks, and drawing triggers many: collect before timing diagrams.
    gc.collect()
    draw(args.seed)


if __name__ == "__main__":
    main()
