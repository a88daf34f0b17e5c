"""A real Oxigraph server for the tests: ``oxigraph serve`` on a free loopback port, on disk."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _binary() -> str:
    beside_python = Path(sys.executable).parent / "oxigraph"
    found = str(beside_python) if beside_python.exists() else shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


class OxigraphServer:
    """One server process over one data folder; it can be killed and started again on both."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [_binary(), "serve", "--location", str(self.location)]
        with (self.location.parent / "oxigraph.log").open("ab") as log:
            # The child keeps its own copy of the log's descriptor.
            self.process = subprocess.Popen(
                [*command, "--bind", f"127.0.0.1:{self.port}"], stdout=log, stderr=log
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1).close()
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        raise RuntimeError("oxigraph did not answer within 20 s")

    def kill(self) -> None:
        """Stop the server at once (SIGKILL), as a crash would."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None


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
