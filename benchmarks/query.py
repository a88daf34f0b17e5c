"""Loading the graph into a store and every named query, on rdflib and on pyoxigraph, at several
corpus sizes (the exports ``stancegraph build`` writes are timed by ``benchmarks/build.py``).

Each (engine, size) runs in a process of its own, so that its peak memory (max RSS) is its own,
pyoxigraph runs first. rdflib then gets a time limit per query: at least ``--rdflib-limit``
seconds, and at least 21 times what pyoxigraph took, so that a query rdflib does not finish still
shows whether pyoxigraph is 20 times faster (the goal): it is reported as "> limit", with the
ratio as "> N x". Usage::

    python benchmarks/query.py                       # 1k, 10k and 100k statements
    python benchmarks/query.py --sizes 1000 --rdflib-limit 10
"""

from __future__ import annotations

import argparse
import resource
import signal
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).parent))

from isolated import Put, StoppedError, run_isolated
from synthetic import generate

from stancegraph import to_rdf
from stancegraph.rdf_ntriples import iter_ntriples_by_graph
from stancegraph.sparql.binding import bind
from stancegraph.sparql.library import find, named_queries
from stancegraph.sparql.results import Results
from stancegraph.stores import Store
from stancegraph.stores.memory import RdflibStore
from stancegraph.stores.oxigraph import OxigraphStore

# (label, query name, parameters): selective ones name one actor, proposition or statement.
CASES: list[tuple[str, str, dict[str, str]]] = [
    ("stances (one proposition)", "stances", {"proposition": "prop-0001"}),
    ("timeline (one actor)", "timeline", {"actor": "actor-0001"}),
    ("evidence (one statement)", "evidence", {"statement": "synthetic-000001/s01"}),
    ("commitments (one actor)", "commitments", {"by": "actor-0001"}),
    ("demands (one actor)", "demands", {"actor": "actor-0001"}),
    ("criticism (one critic)", "criticism", {"critic": "actor-0001"}),
    ("congruence (one proposition)", "congruence", {"proposition": "prop-0001"}),
    ("conflict (one proposition)", "conflict", {"proposition": "prop-0001"}),
    ("allies (one actor)", "allies", {"actor": "actor-0001"}),
    ("participants (one event)", "participants", {"event": "event-0001"}),
    ("roles (one person, on a date)", "roles", {"date": "2024-06-01", "actor": "actor-0000"}),
    (
        "memberships (one state, on a date)",
        "memberships",
        {"date": "2024-06-01", "actor": "actor-0001"},
    ),
    ("participants (all)", "participants", {}),
    ("roles (on a date)", "roles", {"date": "2024-06-01"}),
    ("memberships (on a date)", "memberships", {"date": "2024-06-01"}),
    ("ceasefire-supporters", "ceasefire-supporters", {}),
    ("positions (all propositions)", "positions", {}),
    ("commitments (all)", "commitments", {}),
    ("criticism (all)", "criticism", {}),
    ("demands (all)", "demands", {}),
    ("agreement (all pairs, counted)", "agreement", {}),
    ("congruence (all pairs)", "congruence", {}),
    ("conflict (all pairs)", "conflict", {}),
]

# What any whole-corpus pair query costs Oxigraph before it computes anything: the pairs of
# actors that hold the same position, from the distinct positions that agreement.rq, congruence.rq
# and allies.rq start from, only counted, then only grouped by pair. Timed on pyoxigraph alone.
_POSITIONS = """{{ SELECT DISTINCT ?{actor} ?stance ?proposition WHERE {{
    VALUES ?stance {{ sg:supports sg:opposes sg:conditionallySupports sg:neutralOn }}
    ?{actor} ?stance ?proposition }} }}"""
_PAIRS = _POSITIONS.format(actor="a1") + "\n" + _POSITIONS.format(actor="a2")
_SG = "PREFIX sg: <https://stancegraph.example/ns#>\n"
FLOORS: list[tuple[str, str]] = [
    ("floor: agreeing pair rows, counted", f"{_SG}SELECT (COUNT(*) AS ?n) WHERE {{ {_PAIRS} }}"),
    (
        "floor: the same rows grouped by pair",
        f"{_SG}SELECT (COUNT(*) AS ?n) WHERE {{ SELECT ?a1 ?a2 (COUNT(*) AS ?c)"
        f" WHERE {{ {_PAIRS} }} GROUP BY ?a1 ?a2 }}",
    ),
]

Report = Callable[[str, float, str], None]

# rdflib's limit per query is at least this many times pyoxigraph's time: enough to tell whether
# the 20x goal is met when rdflib does not finish.
GOAL_RATIO = 20
LIMIT_RATIO = GOAL_RATIO + 1
OVER_LIMIT = "over the limit"


def _timed(report: Report, label: str, action: Callable[[], object], note: str = "") -> object:
    start = time.perf_counter()
    value = action()
    report(label, time.perf_counter() - start, note)
    return value


def _queries(store: Store, report: Report, repeat: int) -> None:
    for label, name, params in CASES:
        _query(store, report, repeat, f"query: {label}", bind(find(name), params))


class _OverLimitError(BaseException):
    """A query ran past its limit (a BaseException, so that no ``except Exception`` in rdflib
    swallows it)."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _OverLimitError


def _limited_queries(store: Store, report: Report, limits: Mapping[str, float]) -> None:
    """Each query once, stopped by an alarm at its limit: rdflib's engine is Python, which runs
    the alarm's handler between two steps, so the process and its built store carry on."""
    previous = signal.signal(signal.SIGALRM, _stop)
    try:
        for label, name, params in CASES:
            key = f"query: {label}"
            signal.setitimer(signal.ITIMER_REAL, limits[key])
            start = time.perf_counter()
            try:
                results = store.select(bind(find(name), params))
            except _OverLimitError:
                report(key, limits[key], OVER_LIMIT)
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            report(key, time.perf_counter() - start, f"{len(results)} rows")
    finally:
        signal.signal(signal.SIGALRM, previous)


def best_of(store: Store, text: str, repeat: int) -> tuple[float, Results]:
    """The best time of ``repeat`` runs of ``text`` (one past a second), and its answer."""
    best, results = float("inf"), Results((), ())
    for _ in range(repeat):
        start = time.perf_counter()
        results = store.select(text)
        best = min(best, time.perf_counter() - start)
        if best > 1.0:  # a best-of-3 says nothing more about a query that takes seconds
            break
    return best, results


def is_floor(results: Results) -> bool:
    """Whether ``results`` answer one of :data:`FLOORS`: one row, the count ``n``."""
    return results.variables == ("n",)


def _query(store: Store, report: Report, repeat: int, label: str, text: str) -> None:
    best, results = best_of(store, text, repeat)
    if is_floor(results):
        ((count,),) = results.rows
        report(label, best, f"n = {count}")
    else:
        report(label, best, f"{len(results)} rows")


def _run_rdflib(statements: int, report: Report, limits: Mapping[str, float]) -> None:
    graph = generate(statements, seed=1)
    dataset = _timed(report, "build (map to store)", lambda: to_rdf(graph))
    assert dataset is not None
    _peak(report, "peak memory after build (MB)")
    _limited_queries(RdflibStore(dataset), report, limits)  # type: ignore[arg-type]


def _run_oxigraph(statements: int, report: Report, limits: Mapping[str, float]) -> None:
    graph = generate(statements, seed=1)
    store = OxigraphStore()

    def build() -> None:
        # Graph by graph: each document is written, loaded and dropped.
        store.load(iter_ntriples_by_graph(graph))

    _timed(report, "build (map to store)", build)
    _peak(report, "peak memory after build (MB)")
    _queries(store, report, repeat=3)
    for label, text in FLOORS:
        _query(store, report, 3, label, text)


def _peak(report: Report, label: str) -> None:
    report(label, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "")


def _job(engine: str, statements: int, limits: Mapping[str, float]) -> Callable[[Put], None]:
    def job(put: Put) -> None:
        def report(label: str, seconds: float, note: str) -> None:
            put((label, seconds, note))

        (_run_rdflib if engine == "rdflib" else _run_oxigraph)(statements, report, limits)
        _peak(report, "peak memory (MB)")

    return job


def rdflib_limits(oxigraph: Mapping[str, tuple[float, str]], least: float) -> dict[str, float]:
    """rdflib's limit for each query: ``least`` seconds, or enough to decide the 20x goal."""
    return {
        f"query: {label}": max(least, LIMIT_RATIO * oxigraph.get(f"query: {label}", (0.0, ""))[0])
        for label, _, _ in CASES
    }


def measure(
    engine: str, statements: int, limit: float, limits: Mapping[str, float]
) -> dict[str, tuple[float, str]]:
    """Every timing of one engine at one size, stopping at ``limit`` seconds in all."""
    timings: dict[str, tuple[float, str]] = {}
    try:
        for label, seconds, note in run_isolated(_job(engine, statements, limits), limit):
            timings[label] = (seconds, note)
            print(f"  {engine:8} {statements:>7} {label:34} {seconds:10.4f} {note}", flush=True)
    except StoppedError:
        timings["stopped"] = (limit, "time limit")
    return timings


def _cell(timings: dict[str, tuple[float, str]], label: str, limit: float) -> str:
    if label in timings:
        seconds, note = timings[label]
        if note == OVER_LIMIT:
            return f"> {seconds:.3f}"
        return f"{seconds:.3f}" if "memory" not in label else f"{seconds:.0f}"
    return f"> {limit:.0f} s" if "stopped" in timings else "-"


def _ratio(rdflib: tuple[float, str] | None, oxigraph: tuple[float, str] | None) -> str:
    if rdflib is None or oxigraph is None or oxigraph[0] <= 0:
        return ""
    ratio = f"{rdflib[0] / oxigraph[0]:.0f}x"
    return f"> {ratio}" if rdflib[1] == OVER_LIMIT else ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument(
        "--rdflib-limit", type=float, default=60, help="seconds per query at least (see above)"
    )
    parser.add_argument("--oxigraph-limit", type=float, default=1800, help="seconds per size")
    parser.add_argument(
        "--rdflib-build-limit", type=float, default=600, help="seconds for rdflib's build"
    )
    args = parser.parse_args()
    assert {name for _, name, _ in CASES} == set(named_queries()), "a named query is not timed"
    labels = ["build (map to store)", "peak memory after build (MB)"]
    labels += [f"query: {label}" for label, _, _ in CASES] + [label for label, _ in FLOORS]
    labels += ["peak memory (MB)"]
    for statements in args.sizes:
        oxigraph = measure("oxigraph", statements, args.oxigraph_limit, {})
        limits = rdflib_limits(oxigraph, args.rdflib_limit)
        in_all = args.rdflib_build_limit + sum(limits.values())
        rdflib = measure("rdflib", statements, in_all, limits)
        print(f"\n### {statements} statements (seconds; memory in MB)\n")
        print("| step | rdflib | pyoxigraph | rdflib / pyoxigraph | rows |")
        print("|---|---:|---:|---:|---|")
        for label in labels:
            ratio = _ratio(rdflib.get(label), oxigraph.get(label))
            note = oxigraph.get(label, (0.0, ""))[1]
            row = [label, _cell(rdflib, label, in_all)]
            row += [_cell(oxigraph, label, args.oxigraph_limit), ratio, note]
            print("| " + " | ".join(row) + " |")
        print(flush=True)


if __name__ == "__main__":
    main()
