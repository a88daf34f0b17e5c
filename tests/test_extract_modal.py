"""Positions without a cue word: future commitments, obligations, concern, reported "would"."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.extract.pipeline import Extractor
from stancegraph.model import Article, Polarity, Statement, StatementKind


@pytest.fixture(scope="module")
def extractor(own_extractor: Extractor) -> Extractor:
    return own_extractor


def _found(
    extractor: Extractor, text: str, speaker: str | None = None
) -> list[tuple[str, StatementKind, str]]:
    article = Article("t", "T", date(2031, 6, 1), text, speaker=speaker)
    statements: tuple[Statement, ...] = extractor.extract(article).statements
    return [(s.holder, s.kind, s.target) for s in statements]


def test_will_provide_is_a_commitment_of_its_subject(extractor: Extractor) -> None:
    found = _found(extractor, "Canada will provide 40 million dollars in humanitarian assistance.")
    assert [(h, k) for h, k, _ in found] == [("canada", StatementKind.COMMITMENT)]
    assert _found(extractor, "Canada will not provide humanitarian assistance.") == []
    assert _found(extractor, "Will Canada provide humanitarian assistance?") == []
    assert _found(extractor, "Russia will attack the port.") == []  # not a verb of giving


def test_reported_would_is_a_reported_will(extractor: Extractor) -> None:
    found = _found(extractor, "Mr Mansour said Egypt would provide humanitarian assistance.")
    assert [(h, k) for h, k, _ in found] == [("egypt", StatementKind.COMMITMENT)]
    article = Article(
        "t", "T", date(2031, 6, 1), "Ms Okafor said the United States would support sanctions."
    )
    stances = extractor.extract(article).statements
    assert [(s.holder, s.polarity) for s in stances] == [("united-states", Polarity.SUPPORT)]


def test_obligation_on_what_must_happen(extractor: Extractor) -> None:
    found = _found(extractor, "Those responsible must be held to account.", "claire-dubois")
    assert [(h, k) for h, k, _ in found] == [("claire-dubois", StatementKind.DEMAND)]
    assert _found(extractor, "The world must understand this.", "claire-dubois") == []
    assert _found(extractor, "Those responsible must be held to account.") == []  # nobody says it


def test_concern_criticises_only_a_named_actor(extractor: Extractor) -> None:
    text = "We are deeply concerned by reports that Iran continues to supply drones."
    assert _found(extractor, text, "g7") == [("g7", StatementKind.CRITICISM, "iran")]
    calm = "We are concerned about the humanitarian situation in Sudan."
    assert _found(extractor, calm, "g7") == []


def test_condemning_demonym_attacks_criticises_their_actor(extractor: Extractor) -> None:
    found = _found(extractor, "We condemn the Houthi attacks on shipping.", "g7")
    assert found == [("g7", StatementKind.CRITICISM, "houthis")]


def test_call_on_with_an_infinitive_the_parser_made_an_adverbial(extractor: Extractor) -> None:
    article = Article(
        "t", "T", date(2031, 6, 1), "We call on Iran to stop these transfers.", speaker="g7"
    )
    demands = extractor.extract(article).statements
    assert [(s.holder, s.addressee) for s in demands] == [("g7", "iran")]
    assert demands[0].target != "iran"


def test_we_agreed_in_a_persons_readout_is_the_group(extractor: Extractor) -> None:
    text = (
        "The ministers of the Nordic-Baltic Eight met in Oslo. "
        "We agreed to share more maritime surveillance data."
    )
    found = _found(extractor, text, "erik-halvorsen")
    assert [(h, k) for h, k, _ in found] == [("nordic-baltic-eight", StatementKind.COMMITMENT)]


def test_a_reported_would_keep_is_a_commitment_and_no_troops_is_none(
    own_extractor: Extractor,
) -> None:
    def found(text: str) -> list[tuple[str, str, str]]:
        article = Article("t", "T", date(2031, 10, 8), text)
        return [
            (s.holder, s.kind.value, s.target) for s in own_extractor.extract(article).statements
        ]

    assert found("Kenya said it would keep its troops in the region.") == [
        ("kenya", "commitment", "reassurance-force")
    ]
    assert found("Kenya said it would send troops.") == [
        ("kenya", "commitment", "reassurance-force")
    ]
    assert found("Kenya said it would send no troops.") == []
    assert found("Kenya said it would send neither troops nor money.") == []


def test_not_committing_to_something_opposes_it(own_extractor: Extractor) -> None:
    for text in (
        "Kenya said it would not commit troops to the mission.",
        "Kenya said it would commit neither troops nor money.",
    ):
        article = Article("t", "T", date(2031, 10, 8), text)
        found = [
            (s.holder, s.kind, s.polarity, s.target)
            for s in own_extractor.extract(article).statements
        ]
        assert found == [("kenya", StatementKind.STANCE, Polarity.OPPOSE, "reassurance-force")]
