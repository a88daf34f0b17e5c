"""The command line as a process: a closed pipe ends it quietly, a SIGTERM leaves no temporary
file behind (and a later build clears the ones an older kill left)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import GRAPH_DIR

COMMAND = [sys.executable, "-m", "stancegraph.cli"]


def test_a_reader_that_stops_early_ends_the_build_quietly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build = subprocess.Popen(
        [*COMMAND, "build", str(GRAPH_DIR), "--out", str(out), "--curated-only"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert build.stdout is not None
    build.stdout.readline()
    build.stdout.close()  # as `stancegraph build | head -1` does
    _, errors = build.communicate(timeout=300)
    assert build.returncode == 0, errors
    assert errors == b""
    assert (out / "statements.csv").is_file()  # the build went on to the end


def test_a_reader_that_stops_early_ends_a_query_quietly() -> None:
    query = subprocess.Popen(
        [*COMMAND, "query", "positions", "--graph", str(GRAPH_DIR), "--curated-only"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert query.stdout is not None
    query.stdout.close()
    _, errors = query.communicate(timeout=300)
    assert query.returncode == 0, errors
    assert b"Traceback" not in errors
    assert b"BrokenPipe" not in errors


def test_a_killed_build_leaves_no_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".stancegraph.ttl.left.tmp"
    stale.write_bytes(b"half an export from a build killed long ago")
    an_hour_ago = time.time() - 2 * 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    graph = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, graph, ignore=shutil.ignore_patterns(".cache"))
    build = subprocess.Popen(
        [*COMMAND, "build", str(graph), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while not list(out.glob(".*.tmp")) or stale.exists():
        assert build.poll() is None, "the build ended before it staged an export"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=120) == 128 + signal.SIGTERM
    assert sorted(p.name for p in out.iterdir()) == []
    assert list((graph / ".cache" / "extractions").glob(".*.tmp")) == []
