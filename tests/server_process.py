"""A SPARQL server run by the tests as a child process: started, waited for, killed, stopped."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ServerProcess:
    """One server process; ``kill`` it as a crash would, then ``start`` it again on its data."""

    name = "server"
    url = ""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def login(self) -> dict[str, str]:
        """Environment variables for a login: none unless the server wants one."""
        return {}

    def start(self) -> None:
        raise NotImplementedError

    def launch(self, command: list[str], log: Path, ready: str, within: float) -> None:
        """Run ``command`` (output appended to ``log``) until the URL ``ready`` answers."""
        with log.open("ab") as output:
            # The child keeps its own copy of the log's descriptor.
            self.process = subprocess.Popen(command, cwd=log.parent, stdout=output, stderr=output)
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(ready, timeout=2).close()
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not answer within {within:.0f} s")

    def kill(self) -> None:
        """Stop the server at once (SIGKILL), as a crash would."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=30)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
            self.process = None
