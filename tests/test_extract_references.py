"""Holders that the text does not name: "it", "they", "his government", "the initiative", turns."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.evaluation import POSITION_KINDS
from stancegraph.extract.pipeline import Extractor
from stancegraph.model import Article, Polarity

Found = list[tuple[str, str, Polarity | None, str]]


@pytest.fixture(scope="module")
def extractor(own_extractor: Extractor) -> Extractor:
    return own_extractor


def _found(
    extractor: Extractor, text: str, speaker: str | None = None, day: date = date(2031, 10, 8)
) -> Found:
    article = Article("t", "T", day, text, speaker=speaker)
    return [
        (s.holder, s.kind.value, s.polarity, s.target)
        for s in extractor.extract(article).statements
        if s.kind.value in POSITION_KINDS
    ]


def test_they_after_two_subjects_is_both(extractor: Extractor) -> None:
    found = _found(extractor, "Russia and China said they could not support the draft resolution.")
    assert [(h, p) for h, _, p, _ in found] == [
        ("russia", Polarity.OPPOSE),
        ("china", Polarity.OPPOSE),
    ]


def test_it_is_the_subject_of_the_clause_above(extractor: Extractor) -> None:
    found = _found(extractor, "Kenya welcomed the talks but said it would not back the draft.")
    assert ("kenya", "stance", Polarity.OPPOSE, "sanctions-resolution") in found


def test_it_after_a_thing_or_a_person_is_left_alone(extractor: Extractor) -> None:
    text = "The draft resolution was welcomed by Kenya. It rejected any deadline."
    assert [h for h, *_ in _found(extractor, text)] == ["kenya"]
    text = "Julien Marchetti spoke first. It rejected any deadline."
    assert _found(extractor, text) == []


def test_expletive_it_is_never_an_actor(extractor: Extractor) -> None:
    found = _found(extractor, "Kenya said it is premature to back the draft resolution.")
    assert found == [("kenya", "stance", Polarity.CONDITIONAL, "sanctions-resolution")]


def test_his_government_is_the_state_he_serves(extractor: Extractor) -> None:
    text = "Mr Mansour said his government would back a legally binding agreement."
    found = _found(extractor, text, day=date(2031, 9, 10))
    assert [(h, p) for h, _, p, _ in found] == [("egypt", Polarity.SUPPORT)]


def test_the_initiative_is_the_one_named_before(extractor: Extractor) -> None:
    text = (
        "Estonia hosted the Baltic Cable Security Initiative. "
        "The initiative rejected the new anchor rules."
    )
    found = _found(extractor, text, day=date(2031, 5, 1))
    assert ("baltic-cable-initiative", "stance", Polarity.OPPOSE, "anchor-rules") in found
    assert _found(extractor, "The initiative rejected the new anchor rules.") == []


def test_each_transcript_turn_has_its_speaker(extractor: Extractor) -> None:
    text = (
        "MINISTER HALVORSEN: We support the maritime patrol.\n\n"
        "MINISTER OZOLS: We support the maritime patrol too.\n\n"
        "QUESTION: We support the maritime patrol, don't we?"
    )
    found = _found(extractor, text, speaker="erik-halvorsen", day=date(2031, 11, 20))
    assert [h for h, *_ in found] == ["erik-halvorsen", "andris-ozols"]


def test_a_pronoun_target_is_the_proposition_named_before(extractor: Extractor) -> None:
    text = (
        "QUESTION: Will Norway join a reassurance force?\n\n"
        "MINISTER HALVORSEN: We are not ruling it out."
    )
    found = _found(extractor, text, speaker="erik-halvorsen", day=date(2031, 11, 20))
    assert found == [("erik-halvorsen", "stance", Polarity.CONDITIONAL, "reassurance-force")]
    nothing_before = "MINISTER HALVORSEN: We are not ruling it out."
    assert _found(extractor, nothing_before, speaker="erik-halvorsen") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Russian foreign ministry rejected the draft resolution.",
        "Russia's delegation rejected the draft resolution.",
    ],
)
def test_a_ministry_or_delegation_of_a_state_is_the_state(extractor: Extractor, text: str) -> None:
    assert _found(extractor, text) == [
        ("russia", "stance", Polarity.OPPOSE, "sanctions-resolution")
    ]


def test_a_ministry_of_a_demonym_that_names_no_state_is_nobody(extractor: Extractor) -> None:
    assert _found(extractor, "The foreign ministry rejected the draft resolution.") == []


def test_blaming_each_other_is_a_criticism_each_way(extractor: Extractor) -> None:
    found = _found(extractor, "Russia and China blamed each other for the failed vote.")
    assert sorted((h, k, t) for h, k, _, t in found) == [
        ("china", "criticism", "russia"),
        ("russia", "criticism", "china"),
    ]


def test_the_two_leaders_are_the_participants_of_the_meeting_before(extractor: Extractor) -> None:
    met = "Alexander Stubb spoke to Kaja Tamm this morning. "
    found = _found(extractor, met + "The two leaders condemned the attack on Kyiv.")
    assert [(h, k) for h, k, _, _ in found] == [
        ("alexander-stubb", "criticism"),
        ("kaja-tamm", "criticism"),
    ]
    assert _found(extractor, "The two leaders condemned the attack on Kyiv.") == []
    they = _found(extractor, met + "They condemned the attack on Kyiv.")
    assert [h for h, _, _, _ in they] == ["alexander-stubb", "kaja-tamm"]


def test_a_condemning_modifier_is_criticism_of_the_owner_by_the_speaker(
    extractor: Extractor,
) -> None:
    article = Article(
        "t",
        "T",
        date(2031, 10, 8),
        "Canada said that Russia's illegal annexation of Crimea changed nothing.",
    )
    found = [
        (s.holder, s.kind.value, s.target, s.evidence[0].quote)
        for s in extractor.extract(article).statements
    ]
    assert ("canada", "criticism", "russia", "Russia's illegal annexation of Crimea") in found
    plain = Article("t", "T", date(2031, 10, 8), "Canada said that Russia's annexation changed.")
    assert not any(s.kind.value == "criticism" for s in extractor.extract(plain).statements)


def test_what_we_say_we_are_doing_is_a_commitment(extractor: Extractor) -> None:
    def kinds(text: str) -> list[str]:
        article = Article("t", "T", date(2031, 10, 8), text, speaker="claire-dubois")
        return [s.kind.value for s in extractor.extract(article).statements]

    assert kinds("We are stepping up training of the coast guard.") == ["commitment"]
    assert kinds("We stepped up training of the coast guard.") == []  # a report of the past
    assert kinds("They are stepping up training of the coast guard.") == []


def test_their_support_voiced_by_the_leaders_is_each_leaders(extractor: Extractor) -> None:
    met = "Alexander Stubb spoke to Kaja Tamm this morning. "
    found = _found(extractor, met + "The leaders voiced their firm support for a ceasefire.")
    assert [(h, k, p) for h, k, p, _ in found] == [
        ("alexander-stubb", "stance", Polarity.SUPPORT),
        ("kaja-tamm", "stance", Polarity.SUPPORT),
    ]


def test_needs_to_obliges_as_must_does_and_committed_to_commits(extractor: Extractor) -> None:
    def found(text: str) -> list[tuple[str, str, str | None]]:
        article = Article("t", "T", date(2031, 10, 8), text, speaker="claire-dubois")
        return [
            (s.kind.value, s.holder, s.addressee) for s in extractor.extract(article).statements
        ]

    demanded = found("Russia needs to withdraw its troops.")
    assert [(k, a) for k, _, a in demanded] == [("demand", "russia")]
    assert found("Russia does not need to withdraw its troops.") == []
    assert [k for k, _, _ in found("Sweden committed to provide two ships.")] == ["commitment"]


def test_it_is_time_for_x_to_is_a_demand_on_x(extractor: Extractor) -> None:
    def demands(text: str) -> list[tuple[str, str | None]]:
        article = Article("t", "T", date(2031, 10, 8), text, speaker="claire-dubois")
        return [(s.kind.value, s.addressee) for s in extractor.extract(article).statements]

    assert demands("It is time for Russia to withdraw its troops.") == [("demand", "russia")]
    assert demands("It is not time for Russia to withdraw its troops.") == []
