"""Shared fixtures: the real graph/ folder, and a scratch copy of it that a test may break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stancegraph import StanceGraph, load
from stancegraph.extract import Extractor

ROOT = Path(__file__).resolve().parent.parent
# The seed corpus the tests know (tests/data/seed/README.md): a user's articles added to the
# repository's graph/ change no test outcome.
GRAPH_DIR = ROOT / "tests" / "data" / "seed" / "graph"
# The repository's own graph/ and its committed exports/: only the check that exports/ is up to
# date with graph/ reads them.
REPO_GRAPH_DIR = ROOT / "graph"
REPO_EXPORTS_DIR = ROOT / "exports"
SEED_ID = "000_704e45cf9c367b27"
# The registry of the invented extraction test articles (tests/data/extraction/README.md).
OWN_GRAPH = ROOT / "tests" / "data" / "extraction" / "graph"

# Real Oxigraph and Virtuoso servers for the store and push tests.
pytest_plugins = ["tests.oxigraph_server", "tests.virtuoso_server"]


def outputs_under_hash_seeds(script: str, seeds: tuple[str, ...] = ("1", "2")) -> list[bytes]:
    """What ``python -c script`` prints, run from the repository under each hash seed."""
    return [
        subprocess.run(
            [sys.executable, "-c", script],
            check=True,
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in seeds
    ]


@pytest.fixture(scope="session")
def seed_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exports of the seed corpus, built once for every test that reads them."""
    from stancegraph.build import build  # noqa: PLC0415 - a fixture's own dependency

    out = tmp_path_factory.mktemp("seed-exports")
    build(GRAPH_DIR, out)
    return out


@pytest.fixture(scope="session")
def seed_graph() -> StanceGraph:
    """The curated coding of graph/ (no extraction): what the fixture-based tests compare."""
    return load(GRAPH_DIR, curated_only=True)


@pytest.fixture(scope="session")
def own_extractor() -> Extractor:
    """An extractor over the invented articles' registry, built once for all tests."""
    return Extractor.for_graph(load(OWN_GRAPH, curated_only=True))


@pytest.fixture
def graph_copy(tmp_path: Path) -> Path:
    """A writable copy of graph/ for tests that introduce mistakes."""
    target = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, target, ignore=shutil.ignore_patterns(".cache"))
    return target
