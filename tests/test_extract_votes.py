"""Votes for, against and abstentions, with and without the text they are on."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.extract.pipeline import Extractor
from stancegraph.model import Article, Polarity


def _found(extractor: Extractor, text: str) -> list[tuple[str, Polarity | None, str]]:
    article = Article("t", "T", date(2031, 10, 8), text)
    return [(s.holder, s.polarity, s.target) for s in extractor.extract(article).statements]


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Kenya voted for the draft resolution.", Polarity.SUPPORT),
        ("Kenya voted in favour of the draft resolution.", Polarity.SUPPORT),
        ("Kenya voted against the draft resolution.", Polarity.OPPOSE),
        ("Kenya abstained on the draft resolution.", Polarity.NEUTRAL),
    ],
)
def test_a_vote_on_a_named_text(own_extractor: Extractor, text: str, polarity: Polarity) -> None:
    assert _found(own_extractor, text) == [("kenya", polarity, "sanctions-resolution")]


def test_a_bare_vote_is_on_the_text_named_before_it(own_extractor: Extractor) -> None:
    text = (
        "The council debated a draft resolution on an arms embargo. Diplomats said troops were "
        "needed. China and Russia voted against, and Kenya abstained."
    )
    assert sorted(_found(own_extractor, text)) == [
        ("china", Polarity.OPPOSE, "sanctions-resolution"),
        ("kenya", Polarity.NEUTRAL, "sanctions-resolution"),
        ("russia", Polarity.OPPOSE, "sanctions-resolution"),
    ]


def test_no_statement_for_a_negated_vote_or_one_on_nothing_named(
    own_extractor: Extractor,
) -> None:
    assert _found(own_extractor, "Kenya did not vote for the draft resolution.") == []
    assert _found(own_extractor, "Troops were needed, and Kenya voted against.") == []
