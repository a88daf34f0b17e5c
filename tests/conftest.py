"""Shared fixtures: the real graph/ folder, and a scratch copy of it that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from stancegraph import StanceGraph, load

ROOT = Path(__file__).resolve().parent.parent
GRAPH_DIR = ROOT / "graph"
EXPORTS_DIR = ROOT / "exports"
SEED_ID = "000_704e45cf9c367b27"

# Real Oxigraph and Virtuoso servers for the store and push tests.
pytest_plugins = ["tests.oxigraph_server", "tests.virtuoso_server"]


@pytest.fixture(scope="session")
def seed_graph() -> StanceGraph:
    return load(GRAPH_DIR)


@pytest.fixture
def graph_copy(tmp_path: Path) -> Path:
    """A writable copy of graph/ for tests that introduce mistakes."""
    target = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, target)
    return target
