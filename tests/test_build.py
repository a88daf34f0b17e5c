"""``stancegraph build``: identical rebuilds, fresh committed exports, one report line a stage."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph.build import build
from stancegraph.cli import main
from tests.conftest import GRAPH_DIR, REPO_EXPORTS_DIR, REPO_GRAPH_DIR

EXPECTED_FILES = {
    "stancegraph.ttl",
    "stancegraph.trig",
    "stancegraph.jsonld",
    "stancegraph.nt",
    "stancegraph.nq",
    "stancegraph.graphml",
    "stancegraph.gexf",
    "statements.csv",
    "ontology.ttl",
    "actor-network.png",
    "actor-network.svg",
    "stance-matrix.png",
    "stance-matrix.svg",
    "coalitions.png",
    "coalitions.svg",
    "timeline.png",
    "timeline.svg",
}


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    build(GRAPH_DIR, out)
    return out


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_build_writes_every_export(fresh_build: Path) -> None:
    assert set(_contents(fresh_build)) == EXPECTED_FILES


def test_committed_exports_are_not_stale(tmp_path: Path) -> None:
    # The one test that reads the repository's own graph/: the rest use the seed fixture.
    build(REPO_GRAPH_DIR, tmp_path)
    committed = _contents(REPO_EXPORTS_DIR)
    stale = [name for name, data in _contents(tmp_path).items() if committed.get(name) != data]
    assert not stale, f"exports/ is stale: run `make build` (and commit it): {stale}"


@pytest.mark.slow
def test_rebuild_in_another_process_is_byte_identical(fresh_build: Path, tmp_path: Path) -> None:
    # A different hash seed changes the iteration order of sets and dicts keyed by strings in
    # rdflib and networkx; the exports must not depend on it.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-m", "stancegraph.cli", "build", str(GRAPH_DIR), "--out", str(tmp_path)],
        check=True,
        env=env,
        capture_output=True,
    )
    assert _contents(tmp_path) == _contents(fresh_build)


def test_each_stage_reports_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(GRAPH_DIR), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "load",
        "extract",
        "rdf",
        "networkx",
        "diagrams",
        "write",
        "store",
    ]
    assert "1 article, 21 actors" in lines[0]
    assert "41 statements" in lines[0]
    assert "candidate statements" in lines[1]
    assert "triples" in lines[2]
    assert lines[5] == f"write: 17 files to {tmp_path}"


def test_no_temporary_files_are_left(fresh_build: Path) -> None:
    assert not [p for p in fresh_build.iterdir() if p.name.startswith(".")]


def _no_diagram(*args: object) -> dict[str, bytes]:
    raise RuntimeError("no diagram today")


def test_a_build_that_fails_half_way_leaves_the_previous_exports(
    fresh_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The RDF exports are streamed into staged files before the diagrams are drawn: a failure
    # then must neither replace nor leave behind any of them.
    out = tmp_path / "exports"
    shutil.copytree(fresh_build, out)
    monkeypatch.setattr("stancegraph.build.render_diagrams", _no_diagram)
    with pytest.raises(RuntimeError, match="no diagram today"):
        build(GRAPH_DIR, out, curated_only=True)
    assert _contents(out) == _contents(fresh_build)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_first_build_that_fails_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stancegraph.build.render_diagrams", _no_diagram)
    with pytest.raises(RuntimeError):
        build(GRAPH_DIR, tmp_path / "new" / "exports", curated_only=True)
    assert not (tmp_path / "new" / "exports").exists()
