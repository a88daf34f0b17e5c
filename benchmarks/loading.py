"""Reading ``graph/`` (``stancegraph.load``): libyaml first, against the round-trip parser alone.

The synthetic corpus is written as a ``graph/`` folder once per size; then each reader loads it,
alternating, in a process of its own (for its peak memory). The baseline is the same code with
the libyaml reader refusing every file, so that each is read by ruamel.yaml's round-trip parser,
as every file was before ``yamlfast.py``. Usage::

    python benchmarks/loading.py                  # 10k and 100k statements, 3 runs each
    python benchmarks/loading.py --sizes 10000 --repeat 5
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from isolated import Put, run_isolated
from synthetic import generate, write_folder

from stancegraph import load, yamlsource
from stancegraph.yamlfast import NotLikeRoundTripError

READERS = ("libyaml first (now)", "round-trip parser only (before)")


def _refuse(text: str) -> Any:
    raise NotLikeRoundTripError("baseline: the round-trip parser reads every file")


def _job(folder: Path, reader: str) -> Any:
    def job(put: Put) -> None:
        if reader == READERS[1]:
            yamlsource.load_plain = _refuse  # type: ignore[assignment]
        wall, cpu = time.perf_counter(), time.process_time()
        graph = load(folder)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        put((time.perf_counter() - wall, time.process_time() - cpu, peak, len(graph.statements)))

    return job


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| statements | reader | median wall (s) | median CPU (s) | every run (wall) | peak MB |")
    print("|---:|---|---:|---:|---|---:|")
    for statements in args.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch) / "graph"
            write_folder(generate(statements, seed=1), folder)
            runs: dict[str, list[tuple[float, float, float, int]]] = {r: [] for r in READERS}
            for _ in range(args.repeat):
                for reader in READERS:
                    runs[reader] += list(run_isolated(_job(folder, reader), limit=3600))
            counts = {run[3] for reader in READERS for run in runs[reader]}
            assert counts == {statements}, f"the readers loaded different graphs: {counts}"
            for reader in READERS:
                walls = [run[0] for run in runs[reader]]
                cpus = [run[1] for run in runs[reader]]
                every = " / ".join(f"{w:.2f}" for w in walls)
                peak = max(run[2] for run in runs[reader])
                row = [f"{statements}", reader, f"{statistics.median(walls):.2f}"]
                row += [f"{statistics.median(cpus):.2f}", every, f"{peak:.0f}"]
                print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
