"""`build --dask ADDRESS` extracts on a real dask.distributed cluster (a scheduler and two worker
processes on 127.0.0.1) and builds the same exports, byte for byte, as a local build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph.cli import main
from tests.conftest import GRAPH_DIR, OWN_GRAPH
from tests.server_process import free_port

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real scheduler and two workers, as `dask scheduler` and `dask worker` start them."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("dask")
    common = {"stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--dashboard-address",
                ":0",
            ],
            cwd=logs,
            **common,
        )
    ]
    _wait_for_scheduler(address)
    for _ in range(2):
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "distributed.cli.dask_worker",
                    address,
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--host",
                    "127.0.0.1",
                    "--dashboard-address",
                    ":0",
                ],
                cwd=logs,
                **common,
            )
        )
    _wait_for_workers(address, 2)
    yield address
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=60)


def _wait_for_scheduler(address: str) -> None:
    from distributed import Client  # noqa: PLC0415

    deadline = time.monotonic() + 120
    while True:
        try:
            Client(address, timeout=2).close()  # type: ignore[no-untyped-call]
            return
        except (OSError, TimeoutError):
            assert time.monotonic() < deadline, "the Dask scheduler did not start"
            time.sleep(0.5)


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client  # noqa: PLC0415

    with Client(address, timeout=30) as client:  # type: ignore[no-untyped-call]
        client.wait_for_workers(count, timeout=120)


def _corpus(folder: Path) -> Path:
    graph = folder / "graph"
    shutil.copytree(GRAPH_DIR, graph, ignore=shutil.ignore_patterns(".cache"))
    for article in sorted((OWN_GRAPH / "articles").glob("*.txt"))[:6]:
        shutil.copy(article, graph / "articles" / article.name)
    return graph


def test_a_dask_build_writes_the_same_exports_as_a_local_one(
    scheduler: str, tmp_path: Path
) -> None:
    here, there = _corpus(tmp_path / "here"), _corpus(tmp_path / "there")
    local = CliRunner().invoke(main, ["build", str(here), "--out", str(tmp_path / "local")])
    assert local.exit_code == 0, local.output
    remote = CliRunner().invoke(
        main, ["build", str(there), "--out", str(tmp_path / "dask"), "--dask", scheduler]
    )
    assert remote.exit_code == 0, remote.output
    assert "(7 extracted, 0 cached)" in remote.stdout
    for exported in sorted((tmp_path / "local").iterdir()):
        assert exported.read_bytes() == (tmp_path / "dask" / exported.name).read_bytes(), exported
    # The workers' results went into the same cache a local run fills.
    again = CliRunner().invoke(main, ["build", str(there), "--out", str(tmp_path / "again")])
    assert "(0 extracted, 7 cached)" in again.stdout


def test_no_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    graph = _corpus(tmp_path)
    address = f"tcp://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(
        main, ["build", str(graph), "--out", str(tmp_path / "out"), "--dask", address]
    )
    assert result.exit_code == 2
    assert f"no Dask scheduler answers at {address}" in result.stderr
    assert not (tmp_path / "out").exists()
