"""Position changes and contradictions: where an actor's polarity on a target differs.

Both compare an actor's stances on the same target, ordered by date (then statement id):

- a *position change* is a stance whose polarity differs from the actor's previous stance on
  that target, made more than ``within`` days later (support, then conditional support, is a
  change);
- a *contradiction* is a pair of stances on the same target made at most ``within`` days apart,
  one supporting and the other opposing.

With the default ``within=0`` a change is across dates and a contradiction on one date, so no
pair is both. Every row carries both statements, their dates, articles and quotes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pandas as pd

from stancegraph.analysis.stances import stances
from stancegraph.corpus import StanceGraph
from stancegraph.model import Polarity, Statement

_SIDES = ("first", "second")
_FIELDS = ("statement", "date", "polarity", "article", "quote")
COLUMNS = ["actor", "target", *(f"{side}_{f}" for side in _SIDES for f in _FIELDS)]
"""The columns of both tables."""

_OPPOSITE = {frozenset({Polarity.SUPPORT, Polarity.OPPOSE})}


def position_changes(graph: StanceGraph, within: int = 0) -> pd.DataFrame:
    """Each time an actor's polarity on a target differs from its previous stance on it.

    Examples:
        >>> from stancegraph import load
        >>> position_changes(load("graph")).empty
        True

    """
    rows = []
    for history in _histories(graph):
        for before, after in itertools.pairwise(history):
            if before.polarity != after.polarity and (after.date - before.date).days > within:
                rows.append(_row(before, after))
    return pd.DataFrame(rows, columns=COLUMNS)


def contradictions(graph: StanceGraph, within: int = 0) -> pd.DataFrame:
    """Pairs of stances by one actor on one target, ``within`` days apart, support vs oppose.

    >>> from stancegraph import load
    >>> len(contradictions(load("graph"), within=30))
    0
    """
    rows = []
    for history in _histories(graph):
        for first, second in itertools.combinations(history, 2):
            close = abs((second.date - first.date).days) <= within
            if close and frozenset({first.polarity, second.polarity}) in _OPPOSITE:
                rows.append(_row(first, second))
    return pd.DataFrame(rows, columns=COLUMNS)


def _histories(graph: StanceGraph) -> Iterator[list[Statement]]:
    by_pair: dict[tuple[str, str], list[Statement]] = {}
    for s in stances(graph):
        by_pair.setdefault((s.holder, s.target), []).append(s)
    for pair in sorted(by_pair):
        yield sorted(by_pair[pair], key=lambda s: (s.date, s.id))


def _row(first: Statement, second: Statement) -> list[str]:
    row = [first.holder, first.target]
    for s in (first, second):
        quote = " … ".join(e.quote for e in s.evidence)
        polarity = s.polarity.value if s.polarity else ""
        row += [s.id, s.date.isoformat(), polarity, s.article, quote]
    return row
