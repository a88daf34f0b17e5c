"""A real Oxigraph server for the tests: ``oxigraph serve`` on a free loopback port, on disk."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server_process import ServerProcess, free_port


def _binary() -> str:
    beside_python = Path(sys.executable).parent / "oxigraph"
    found = str(beside_python) if beside_python.exists() else shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


class OxigraphServer(ServerProcess):
    """One server process over one data folder; it can be killed and started again on both."""

    name = "oxigraph"

    def __init__(self, location: Path) -> None:
        super().__init__()
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [_binary(), "serve", "--location", str(self.location)]
        command += ["--bind", f"127.0.0.1:{self.port}"]
        log = self.location.parent / "oxigraph.log"
        self.launch(command, log, f"{self.url}/query?query=ASK%7B%7D", within=20)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A server shared by the tests that only push and query."""
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-shared") / "data")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def fresh_oxigraph_server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A server of the test's own, which the test may kill and restart."""
    server = OxigraphServer(tmp_path / "data")
    server.start()
    yield server
    server.stop()
