"""The benchmark's seeded synthetic corpus, for tests that need every kind of statement."""

from __future__ import annotations

import importlib.util
from functools import cache

from stancegraph import StanceGraph
from tests.conftest import ROOT


@cache
def synthetic(statements: int) -> StanceGraph:
    """benchmarks/synthetic.py's corpus of ``statements`` statements (seed 7)."""
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    graph: StanceGraph = module.generate(statements, seed=7)
    return graph
