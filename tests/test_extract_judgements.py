"""Positions stated as judgements, authorship, refusals with exceptions, and conditions."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.extract.pipeline import Extractor
from stancegraph.model import Article, Polarity, Statement


@pytest.fixture(scope="module")
def extractor(own_extractor: Extractor) -> Extractor:
    return own_extractor


def _statements(
    extractor: Extractor, text: str, speaker: str | None = None
) -> tuple[Statement, ...]:
    article = Article("t", "T", date(2031, 10, 8), text, speaker=speaker)
    return extractor.extract(article).statements


def test_evaluative_adjective_is_the_speakers_stance(extractor: Extractor) -> None:
    found = _statements(extractor, "Targeted sanctions are overdue.", "claire-dubois")
    assert [(s.holder, s.polarity, s.target) for s in found] == [
        ("claire-dubois", Polarity.SUPPORT, "targeted-sanctions")
    ]
    text = "Sanctions are not premature; they are overdue."
    assert [s.target for s in _statements(extractor, text, "claire-dubois")] == [
        "targeted-sanctions"
    ]
    assert _statements(extractor, "Kenya is vital.", "claire-dubois") == ()
    assert _statements(extractor, "Targeted sanctions are overdue.") == ()  # nobody says it


def test_violation_by_an_owner_of_the_subject(extractor: Extractor) -> None:
    text = '"The M23 offensive is a violation of the ceasefire," Julien Marchetti told the council.'
    found = _statements(extractor, text)
    assert [(s.holder, s.kind.value, s.target) for s in found] == [
        ("julien-marchetti", "criticism", "m23")
    ]


def test_calling_something_a_provocation_criticises_it(extractor: Extractor) -> None:
    found = _statements(extractor, "Russia called the maritime patrol a provocation.")
    assert [(s.holder, s.kind.value, s.target) for s in found] == [
        ("russia", "criticism", "maritime-patrol")
    ]


def test_drafting_a_text_supports_it(extractor: Extractor) -> None:
    found = _statements(extractor, "France, which drafted the resolution, urged a vote.")
    assert ("france", Polarity.SUPPORT, "sanctions-resolution") in [
        (s.holder, s.polarity, s.target) for s in found
    ]


def test_no_intention_is_a_commitment_not_to(extractor: Extractor) -> None:
    text = "Norway has no intention of deploying offensive weapons near the border."
    found = _statements(extractor, text)
    assert [(s.holder, s.kind.value) for s in found] == [("norway", "commitment")]
    assert found[0].target.startswith("new-not-deploying")


def test_refusing_any_text_that_does_not_is_conditional(extractor: Extractor) -> None:
    text = "Russia said it would veto any resolution that did not also name the FDLR."
    found = _statements(extractor, text)
    assert [(s.holder, s.polarity) for s in found] == [("russia", Polarity.CONDITIONAL)]
    assert found[0].conditions[0].text == "that did not also name the FDLR"
    plain = _statements(extractor, "Russia said it would veto any resolution that named the FDLR.")
    assert [s.polarity for s in plain] == [Polarity.OPPOSE]


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Egypt supports the monitoring mission as long as Sudan agrees.", "as long as Sudan"),
        ("Egypt supports the monitoring mission provided that Sudan agrees.", "provided that"),
        ("Egypt would support the monitoring mission only when the fighting stops.", "only when"),
    ],
)
def test_conditions_the_parser_hides(extractor: Extractor, text: str, condition: str) -> None:
    found = _statements(extractor, text)
    assert [s.polarity for s in found] == [Polarity.CONDITIONAL]
    assert found[0].conditions[0].text.startswith(condition)


def test_warned_that_is_a_reporting_frame_not_a_stance(extractor: Extractor) -> None:
    found = _statements(extractor, "Kenya warned that it would reject the draft resolution.")
    assert [(s.holder, s.polarity) for s in found] == [("kenya", Polarity.OPPOSE)]
    assert _statements(extractor, "Kenya warned that the vote would be close.") == ()


def test_unacceptable_is_the_speakers_opposition(extractor: Extractor) -> None:
    found = _statements(extractor, "Kenya said the draft resolution was unacceptable.")
    assert [(s.holder, s.polarity, s.target) for s in found] == [
        ("kenya", Polarity.OPPOSE, "sanctions-resolution")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The draft resolution, which was tabled by Kenya, failed.",
        "The draft resolution, drawn up by Kenya, failed.",
    ],
)
def test_a_text_tabled_or_drawn_up_by_an_actor_has_its_support(
    extractor: Extractor, text: str
) -> None:
    found = _statements(extractor, text)
    assert [(s.holder, s.polarity, s.target) for s in found] == [
        ("kenya", Polarity.SUPPORT, "sanctions-resolution")
    ]
