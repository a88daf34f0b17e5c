"""``stancegraph serve``: the real Oxigraph server over the store a build keeps, for a team.

The store in ``graph/.cache/store`` is brought up to date first (as ``query`` does), then
``oxigraph serve-read-only`` answers SPARQL over HTTP on 127.0.0.1, with the union of all named
graphs as the default graph, so that a plain query (``curl`` with no ``FROM``) sees every article
and the registry. The server runs until the command is stopped (Ctrl-C or SIGTERM), and stops
with it.
"""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from stancegraph.assembly import ASSEMBLED, GraphReader
from stancegraph.errors import InputError
from stancegraph.iris import DEFAULT_BASE
from stancegraph.stores.opening import cached_store

DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: beside this Python, else on the PATH.

    Raises:
        InputError: it is not installed.

    """
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        message = "the Oxigraph server is not installed: pip install oxigraph"
        raise InputError("oxigraph", "", message)
    return found


def server_command(location: Path, port: int, *, writable: bool = False) -> list[str]:
    """The command line of the server over ``location`` on ``127.0.0.1:port``.

    >>> server_command(Path("s"), 7878)[1:]
    ['serve-read-only', '--location', 's', '--bind', '127.0.0.1:7878', '--union-default-graph']
    """
    mode = "serve" if writable else "serve-read-only"
    return [
        oxigraph_binary(),
        mode,
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]


def serve(
    graph_dir: Path | str,
    *,
    port: int = DEFAULT_PORT,
    writable: bool = False,
    base: str = DEFAULT_BASE,
    reader: GraphReader = ASSEMBLED,
    report: Callable[[str], None] = lambda line: None,
) -> int:
    """Serve ``graph_dir``'s store until stopped; the server's exit status is returned.

    Raises:
        InputError: an input is wrong, or the Oxigraph server is not installed.

    """
    store = cached_store(Path(graph_dir), base, reader, report)
    location = store.path
    if location is None:
        raise InputError(graph_dir, "", "the store is in use by another process; try again")
    # The server opens the database itself: this process must have let go of it first.
    del store
    gc.collect()
    command = server_command(Path(location), port, writable=writable)
    mode = "read-write" if writable else "read-only"
    report(f"serve: {graph_dir} at http://127.0.0.1:{port}/query ({mode}, union of all graphs)")
    server = subprocess.Popen(command)
    try:
        return server.wait()
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
