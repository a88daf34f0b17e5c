"""A synthetic corpus pushed to a real SPARQL server and queried there, beside the embedded store.

Starts the server the tests start (``tests/oxigraph_server.py``, or ``tests/virtuoso_server.py``
given 2.7 GB of buffers and no row limit) on a free loopback port, pushes the corpus with
``stancegraph.stores.push`` (then again with one article changed, which sends only that one),
then runs named queries and the pair-row floors of ``benchmarks/query.py`` on the server and on
the in-memory pyoxigraph store, and compares their rows: a server that answers fast but loses
rows is reported as such (and one that orders them otherwise: Virtuoso sorts long strings that
share a long prefix out of order). Usage::

    python benchmarks/server.py --server virtuoso --statements 100000
    python benchmarks/server.py --server oxigraph --statements 10000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))  # the tests' server helpers

from query import CASES as QUERY_CASES
from query import FLOORS, best_of, is_floor
from synthetic import generate
from tests.oxigraph_server import OxigraphServer
from tests.server_process import ServerProcess
from tests.virtuoso_server import started

from stancegraph.querying import as_store
from stancegraph.rdf_ntriples import ntriples_by_graph
from stancegraph.sparql.binding import bind
from stancegraph.sparql.library import find
from stancegraph.sparql.results import Results
from stancegraph.stores.push import push
from stancegraph.stores.remote import RemoteStore

# A few of benchmarks/query.py's cases: selective, whole-corpus, and the pair queries.
_TIMED = {
    "evidence (one statement)",
    "timeline (one actor)",
    "allies (one actor)",
    "congruence (one proposition)",
    "positions (all propositions)",
    "roles (on a date)",
    "memberships (on a date)",
    "commitments (all)",
    "agreement (all pairs, counted)",
    "congruence (all pairs)",
}
CASES = [case for case in QUERY_CASES if case[0] in _TIMED]

# Debian's row limit would cut the all-pairs answers; its 80 MB of buffers would read a corpus
# of 100k statements from disk at every query.
_LARGER = {
    "NumberOfBuffers = 10000": "NumberOfBuffers = 340000",
    "MaxDirtyBuffers = 6000": "MaxDirtyBuffers = 250000",
    "ResultSetMaxRows = 10000": "ResultSetMaxRows = 5000000",
}


def _start(kind: str, folder: Path) -> ServerProcess:
    if kind == "virtuoso":
        return started(folder / "virtuoso", _LARGER)
    server = OxigraphServer(folder / "data")
    server.start()
    return server


def _compared(answer: Results, expected: Results) -> str:
    """Rows (of how many expected), whether they are the same rows, and in the same order."""
    got, wanted = answer.normalised().rows, expected.normalised().rows
    if is_floor(answer):
        rows = f"n = {got[0][0]} of {wanted[0][0]}"
    else:
        rows = f"{len(got)} of {len(wanted)}"
    same = sorted(map(repr, got)) == sorted(map(repr, wanted))
    return f"{rows} | {'yes' if same else 'NO'} | {'yes' if got == wanted else 'no'}"


def _one_article_changed(documents: dict[str, bytes]) -> dict[str, bytes]:
    """``documents`` with one more triple in the last article, as after a corrected coding."""
    last = list(documents)[-1]
    return {**documents, last: documents[last] + b'<urn:bench:s> <urn:bench:p> "changed" .\n'}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=["oxigraph", "virtuoso"], default="oxigraph")
    parser.add_argument("--statements", type=int, default=10_000)
    args = parser.parse_args()
    graph = generate(args.statements, seed=1)
    embedded = as_store(graph)
    with tempfile.TemporaryDirectory(prefix="stancegraph-server-") as folder:
        server = _start(args.server, Path(folder))
        try:
            os.environ.update(server.login)
            remote = RemoteStore.connect(server.url, timeout=3600)
            documents = ntriples_by_graph(graph)
            start = time.perf_counter()
            report = push(remote, documents)
            print(f"push: {time.perf_counter() - start:.1f} s, {report.graphs} graphs,")
            print(f"{report.triples} triples, to {args.server} ({args.statements} statements)")
            start = time.perf_counter()
            report = push(remote, _one_article_changed(documents))
            print(f"push again, one article changed: {time.perf_counter() - start:.1f} s,")
            print(f"{report.sent} graphs sent, {report.unchanged} already the same\n")
            print(f"| query | {args.server} (s) | embedded (s) | rows | same rows | same order |")
            print("|---|---:|---:|---|---|---|")
            texts = [(label, bind(find(name), params)) for label, name, params in CASES]
            for label, text in [*texts, *FLOORS]:
                there, answer = best_of(remote, text, 2)
                here, expected = best_of(embedded, text, 2)
                print(f"| {label} | {there:.3f} | {here:.3f} | {_compared(answer, expected)} |")
                sys.stdout.flush()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
