"""A real Virtuoso for the tests marked ``virtuoso``: ``virtuoso-t`` on free loopback ports.

The binaries come from Debian's ``virtuoso-opensource`` package. Without them the tests are
skipped with the reason (a developer's machine); with ``STANCEGRAPH_REQUIRE_VIRTUOSO=1`` (CI)
they fail instead, so that a CI machine without Virtuoso cannot pass by skipping them.

The server runs from a database created in a temporary folder on first start. It gets one
user for stancegraph, ``stancegraph``, with a random password and only the ``SPARQL_UPDATE``
role (what ``/sparql-auth`` and ``/sparql-graph-crud-auth`` check); the anonymous ``SPARQL``
user keeps its read-only rights, and the ``dba`` password is replaced by a random one.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from stancegraph.stores.http import PASSWORD_VAR, USER_VAR
from tests.server_process import ServerProcess, free_port

REQUIRE_VAR = "STANCEGRAPH_REQUIRE_VIRTUOSO"
USER = "stancegraph"

_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
; About 80 MB of buffers and two threads per query: the CI machine has 2 cores and little memory.
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
DirsAllowed = .

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4

[SPARQL]
; Debian's default, so that the tests meet the answer limit a packaged server has.
ResultSetMaxRows = 10000
"""


_MISSING = "Virtuoso is not installed (apt-get install virtuoso-opensource)"


def _binaries() -> tuple[str, str] | None:
    server = shutil.which("virtuoso-t")
    # Debian names Virtuoso's isql "isql-vt": a bare "isql" on PATH is usually unixODBC's.
    isql = shutil.which("isql-vt")
    return None if server is None or isql is None else (server, isql)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the tests marked ``virtuoso`` when it is missing, in one line of the summary."""
    if _binaries() is not None or os.environ.get(REQUIRE_VAR) == "1":
        return
    skip = pytest.mark.skip(reason=f"{_MISSING}; {REQUIRE_VAR}=1 makes this a failure")
    for item in items:
        if "virtuoso" in item.keywords:
            item.add_marker(skip)


class VirtuosoServer(ServerProcess):
    """One Virtuoso over one database folder; it can be killed and started again on it."""

    name = "virtuoso"

    def __init__(self, folder: Path) -> None:
        super().__init__()
        found = _binaries()
        if found is None:  # only with REQUIRE_VAR set: the tests were not skipped
            pytest.fail(f"{_MISSING}, and {REQUIRE_VAR}=1 requires it")
        self.binary, self.isql = found
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.sql_port = free_port()
        self.http_port = free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.password = secrets.token_urlsafe(18)
        self.ini = folder / "virtuoso.ini"
        self.ini.write_text(
            _INI.format(folder=folder, sql_port=self.sql_port, http_port=self.http_port)
        )

    @property
    def login(self) -> dict[str, str]:
        """The environment variables that let stancegraph log in as the update user."""
        return {USER_VAR: USER, PASSWORD_VAR: self.password}

    def start(self) -> None:
        command = [self.binary, "+foreground", "+configfile", str(self.ini)]
        # A first start creates the database (a few seconds); a restart after a kill first
        # replays the transaction log, and opens the HTTP port only when that is done.
        ready = f"{self.url}/sparql?query=ASK%7B%7D"
        self.launch(command, self.folder / "stdout.log", ready, within=120)

    def grant(self) -> None:
        """Create the update user and retire the default ``dba`` password (once, after start)."""
        script = (
            f"DB.DBA.USER_CREATE('{USER}', '{self.password}');\n"
            f'GRANT SPARQL_UPDATE TO "{USER}";\n'
            f"USER_SET_PASSWORD('dba', '{secrets.token_urlsafe(18)}');\n"
        )
        # isql logs in as dba with the default password of a new database when given none, so
        # no password is on its command line; the script comes on stdin.
        done = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", "dba", "VERBOSE=OFF", "ERRORS=STDOUT"],
            input=script.encode(),
            capture_output=True,
            check=False,
            timeout=60,
        )
        output = done.stdout.decode(errors="replace")
        if done.returncode != 0 or "Error" in output:
            raise RuntimeError(f"isql failed ({done.returncode}): {output}")


def started(folder: Path, settings: Mapping[str, str] | None = None) -> VirtuosoServer:
    """A new server, started and granted; ``settings`` replace lines of its ``virtuoso.ini``."""
    server = VirtuosoServer(folder)
    text = server.ini.read_text()
    for line, replacement in (settings or {}).items():
        if line not in text:
            raise ValueError(f"no line {line!r} in virtuoso.ini to replace")
        text = text.replace(line, replacement)
    server.ini.write_text(text)
    server.start()
    try:
        server.grant()
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """A server shared by the tests that push and query."""
    server = started(tmp_path_factory.mktemp("virtuoso-shared"))
    yield server
    server.stop()


@pytest.fixture
def fresh_virtuoso_server(tmp_path: Path) -> Iterator[VirtuosoServer]:
    """A server of the test's own, which the test may kill and restart."""
    server = started(tmp_path / "virtuoso")
    yield server
    server.stop()
