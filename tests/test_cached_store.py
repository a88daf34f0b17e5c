"""Queries read the store a build leaves in graph/.cache/store, and never a stale one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from stancegraph.assembly import Assembly
from stancegraph.cli import main
from stancegraph.stores.opening import cached_store_path
from tests.conftest import SEED_ID


def _rows(graph: Path, *extra: str) -> list[str]:
    result = CliRunner().invoke(
        main, ["query", "demands", "--graph", str(graph), "--format", "csv", *extra]
    )
    assert result.exit_code == 0, result.output
    return sorted(result.stdout.splitlines()[1:])


def test_after_a_build_queries_answer_from_its_store(graph_copy: Path, tmp_path: Path) -> None:
    built = CliRunner().invoke(main, ["build", str(graph_copy), "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert "store: " in built.stdout
    store = cached_store_path(graph_copy, Assembly().key())
    assert store.is_dir()
    assert _rows(graph_copy) == _rows(graph_copy, "--store", "oxigraph")


def test_a_changed_input_is_loaded_again(graph_copy: Path) -> None:
    before = _rows(graph_copy)
    coding = graph_copy / "coding" / f"{SEED_ID}.yaml"
    text = coding.read_text(encoding="utf-8")
    assert "kind: demand" in text
    coding.write_text(text.replace("kind: demand", "kind: criticism"), encoding="utf-8")
    after = _rows(graph_copy)
    assert after != before
    assert after == _rows(graph_copy, "--store", "oxigraph")


def test_a_store_held_by_another_process_still_answers(graph_copy: Path) -> None:
    command = [sys.executable, "-m", "stancegraph.cli", "query", "demands", "--format", "csv"]
    first = subprocess.run(  # fills the kept store, in a process of its own as a user's
        [*command, "--graph", str(graph_copy)], capture_output=True, text=True, check=True
    )
    expected = sorted(first.stdout.splitlines()[1:])
    path = cached_store_path(graph_copy, Assembly().key())
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        done = subprocess.run(
            [*command, "--graph", str(graph_copy)], capture_output=True, text=True, check=False
        )
    finally:
        holder.kill()
        holder.communicate()
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.splitlines()[1:]) == expected


HOLD = """
import sys, time
import pyoxigraph
store = pyoxigraph.Store(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""
