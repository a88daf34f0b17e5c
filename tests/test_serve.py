"""`stancegraph serve` starts the real Oxigraph server on the built store: plain SPARQL over HTTP
gives the rows `stancegraph query` gives, and stopping the command stops the server."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from stancegraph.cli import main
from tests.conftest import ROOT
from tests.server_process import free_port

DEMANDS = ROOT / "src" / "stancegraph" / "queries" / "demands.rq"


def _ask(url: str, query: str) -> str:
    data = urllib.parse.urlencode({"query": query}).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while True:
        assert server.poll() is None, "the server stopped before it answered"
        try:
            _ask(url, "ASK {}")
            return
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, "the server did not answer in time"
            time.sleep(0.2)


def test_plain_http_gets_the_rows_query_gets_and_stop_stops_it(graph_copy: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/query"
    command = [sys.executable, "-m", "stancegraph.cli", "serve", "--graph", str(graph_copy)]
    server = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_for(url, server)
        over_http = _ask(url, DEMANDS.read_text(encoding="utf-8")).replace("\r\n", "\n")
        refused = _update_refused(f"http://127.0.0.1:{port}/update")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    local = CliRunner().invoke(
        main, ["query", "demands", "--graph", str(graph_copy), "--format", "csv"]
    )
    assert local.exit_code == 0, local.output
    assert sorted(over_http.splitlines()[1:]) == sorted(local.stdout.splitlines()[1:])
    assert len(over_http.splitlines()) > 1
    assert refused  # read-only by default
    try:
        _ask(url, "ASK {}")
        still_up = True
    except (urllib.error.URLError, ConnectionError):
        still_up = False
    assert not still_up, "the Oxigraph server outlived the command"


def _update_refused(url: str) -> bool:
    data = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode("utf-8")
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30):
            return False
    except urllib.error.HTTPError:
        return True
