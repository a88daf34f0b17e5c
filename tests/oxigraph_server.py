"""A real Oxigraph server for the tests: ``oxigraph serve`` on a free loopback port, on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from stancegraph.serving import oxigraph_binary
from tests.server_process import ServerProcess, free_port


class OxigraphServer(ServerProcess):
    """One server process over one data folder; it can be killed and started again on both."""

    name = "oxigraph"

    def __init__(self, location: Path) -> None:
        super().__init__()
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [oxigraph_binary(), "serve", "--location", str(self.location)]
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
