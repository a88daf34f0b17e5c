"""Doctests run in a folder of their own: its ``graph/`` is the seed corpus the examples show.

A user who adds an article to the repository's ``graph/`` changes no example's answer (only the
test that says the committed ``exports/`` are stale, which asks for ``make build``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.doctest import DoctestItem

DOCTEST_FOLDER = Path(__file__).resolve().parent / "tests" / "data" / "seed"


@pytest.fixture(autouse=True)
def _doctests_read_the_seed(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if isinstance(request.node, DoctestItem):
        monkeypatch.chdir(DOCTEST_FOLDER)
