"""What ``stancegraph build`` costs on the synthetic corpus: its RDF exports, then the whole build.

Goal (the performance issue): at 100k statements, build plus Turtle export under 10 s and peak
memory under 2 GB. Rows, each size and row in a process of its own (its peak memory, max RSS, is
its own), times in wall seconds with the process's CPU seconds beside them:

- ``map + Turtle``: the build's RDF writer (``write_rdf``) mapping the corpus and writing Turtle
  alone to a file: the goal's "build plus Turtle", on the path ``stancegraph build`` runs.
- ``map + five formats``: the same writer with the five formats the build writes.
- ``rdflib: to_rdf + Turtle`` (``--reference``): what the build did before, rdflib's dataset and
  its Turtle serialiser; stopped at ``--reference-limit`` seconds.
- ``pyoxigraph: load + Turtle`` (``--reference``): the figure measured before this benchmark
  existed, a side path no command runs: N-Triples loaded into an in-memory pyoxigraph store, and
  Turtle written from the store's index (a triple held by two graphs is written twice).
- ``build: STAGE`` (``--whole``): ``stancegraph.build.build`` on the corpus written as a
  ``graph/`` folder, ``curated_only`` (the synthetic corpus has no text for extraction), each
  stage timed between two of its report lines, then each non-RDF export on its own.

Usage::

    python benchmarks/build.py --sizes 100000 --repeat 3 --reference --whole
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pyoxigraph as ox
from isolated import Put, StoppedError, run_isolated
from synthetic import generate, write_folder

from stancegraph import StanceGraph, to_rdf
from stancegraph.build import build, statements_csv
from stancegraph.diagrams import DIAGRAMS, IMAGE_FORMATS, render_diagrams
from stancegraph.formats import NETWORK_FORMATS, RDF_FORMATS
from stancegraph.loading import load
from stancegraph.nx_mapping import to_networkx
from stancegraph.rdf_export import write_rdf
from stancegraph.rdf_mapping import union
from stancegraph.rdf_ntriples import iter_ntriples_by_graph
from stancegraph.stores.oxigraph import OxigraphStore

Report = Callable[[str, float, float], None]


def _rdf(formats: list[str]) -> Callable[[int, Report], None]:
    def run(statements: int, report: Report) -> None:
        graph = generate(statements, seed=1)
        with tempfile.TemporaryDirectory() as folder:
            streams = {
                name: (Path(folder) / f"x{RDF_FORMATS[name].suffix}").open("wb") for name in formats
            }
            wall, cpu = time.perf_counter(), time.process_time()
            write_rdf(graph, streams)
            for stream in streams.values():
                stream.close()  # part of writing a file: what is still buffered goes out
            report("", time.perf_counter() - wall, time.process_time() - cpu)

    return run


def _reference(statements: int, report: Report) -> None:
    graph = generate(statements, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        wall, cpu = time.perf_counter(), time.process_time()
        dataset = to_rdf(graph)
        report(": to_rdf", time.perf_counter() - wall, time.process_time() - cpu)
        union(dataset).serialize(Path(folder) / "x.ttl", format="turtle", encoding="utf-8")
        report("", time.perf_counter() - wall, time.process_time() - cpu)


def _store(statements: int, report: Report) -> None:
    graph = generate(statements, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        wall, cpu = time.perf_counter(), time.process_time()
        store = OxigraphStore()
        store.load(iter_ntriples_by_graph(graph))
        report(": load", time.perf_counter() - wall, time.process_time() - cpu)
        triples = (quad.triple for quad in store.store.quads_for_pattern(None, None, None))
        ox.serialize(triples, Path(folder) / "x.ttl", ox.RdfFormat.TURTLE)
        report("", time.perf_counter() - wall, time.process_time() - cpu)


def _whole(statements: int, report: Report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        graph_dir, out = Path(folder) / "graph", Path(folder) / "exports"
        write_folder(generate(statements, seed=1), graph_dir)
        marks = [(time.perf_counter(), time.process_time())]

        def stage(line: str) -> None:
            marks.append((time.perf_counter(), time.process_time()))
            (wall, cpu), (last_wall, last_cpu) = marks[-1], marks[-2]
            report(f": {line.split(':', maxsplit=1)[0]}", wall - last_wall, cpu - last_cpu)

        build(graph_dir, out, curated_only=True, report=stage)
        report(": total", marks[-1][0] - marks[0][0], marks[-1][1] - marks[0][1])
        report(": " + _PEAK, _peak(), 0.0)
        _parts(load(graph_dir), report)


def _parts(graph: StanceGraph, report: Report) -> None:
    def timed(label: str, work: Callable[[], object]) -> object:
        wall, cpu = time.perf_counter(), time.process_time()
        value = work()
        report(f" part: {label}", time.perf_counter() - wall, time.process_time() - cpu)
        return value

    network = to_networkx(graph)
    for name, network_format in NETWORK_FORMATS.items():
        timed(name, lambda writer=network_format.writer: writer(network))
    timed("statements.csv", lambda: statements_csv(graph))
    # As the build draws them: every format of a diagram at once (the actor network is drawn
    # once for both).
    for diagram in DIAGRAMS:
        formats = " and ".join(IMAGE_FORMATS)
        timed(f"{diagram} ({formats})", lambda d=diagram: render_diagrams(graph, d))


_PEAK = "peak memory (MB)"


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(
    job: Callable[[int, Report], None], statements: int, limit: float
) -> dict[str, tuple[float, float]]:
    """Every figure one job reports at one size, in a process of its own stopped at ``limit`` s."""

    def isolated(put: Put) -> None:
        job(statements, lambda label, wall, cpu: put((label, wall, cpu)))
        put((": " + _PEAK + ", whole process", _peak(), 0.0))

    figures: dict[str, tuple[float, float]] = {}
    try:
        for label, wall, cpu in run_isolated(isolated, limit):
            figures[label] = (wall, cpu)
    except StoppedError:
        figures["stopped"] = (limit, 0.0)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each RDF row (median shown)")
    parser.add_argument("--reference", action="store_true", help="also time the rdflib path")
    parser.add_argument("--reference-limit", type=float, default=300, help="seconds per size")
    parser.add_argument("--whole", action="store_true", help="also time the whole build")
    args = parser.parse_args()
    rows: list[tuple[str, Callable[[int, Report], None], int, float]] = [
        ("map + Turtle", _rdf(["turtle"]), args.repeat, 600),
        ("map + five formats", _rdf(list(RDF_FORMATS)), args.repeat, 600),
    ]
    if args.reference:
        rows.append(("pyoxigraph: load + Turtle", _store, args.repeat, 600))
        rows.append(("rdflib: to_rdf + Turtle", _reference, 1, args.reference_limit))
    if args.whole:
        rows.append(("build", _whole, 1, 3600))
    for statements in args.sizes:
        print(f"\n### {statements} statements (seconds; memory in MB)\n")
        print("| step | median wall | median CPU | every run (wall) |")
        print("|---|---:|---:|---|")
        for label, job, repeat, limit in rows:
            runs = [measure(job, statements, limit) for _ in range(repeat)]
            for key in dict.fromkeys(k for run in runs for k in run):
                walls = [run[key][0] for run in runs if key in run]
                cpus = [run[key][1] for run in runs if key in run]
                name = f"{label}{key}" if key != "stopped" else f"{label}: stopped at the limit"
                memory = _PEAK in key  # in the wall column; no CPU time
                cells = [f"{statistics.median(walls):.2f}"]
                cells.append("" if memory else f"{statistics.median(cpus):.2f}")
                cells.append(" / ".join(f"{wall:.2f}" for wall in walls))
                print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
