"""Holders as a reader resolves them: the issuers' "we", title-case turns, names in any case."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph import StanceGraph
from stancegraph.extract import Extractor
from stancegraph.model import Article


@pytest.fixture(scope="module")
def extractor(seed_graph: StanceGraph) -> Extractor:
    return Extractor.for_graph(seed_graph)


def _found(extractor: Extractor, text: str, **meta: object) -> list[tuple[str, str]]:
    article = Article("t", "T", date(2024, 6, 1), text, **meta)  # type: ignore[arg-type]
    return sorted((s.holder, s.kind.value) for s in extractor.extract(article).statements)


def test_we_of_a_joint_statement_is_every_issuer(extractor: Extractor) -> None:
    text = "We condemn Russia's attacks on Ukraine's energy grid."
    found = _found(extractor, text, issuers=("united-kingdom", "japan"))
    assert found == [("japan", "criticism"), ("united-kingdom", "criticism")]


def test_we_of_a_speech_with_issuers_is_the_state_and_i_the_speaker(extractor: Extractor) -> None:
    text = "I welcome the ceasefire. We will provide more military aid to Ukraine."
    found = _found(extractor, text, speaker="keir-starmer", issuers=("united-kingdom",))
    assert ("keir-starmer", "stance") in found
    assert ("united-kingdom", "commitment") in found
    assert ("keir-starmer", "commitment") not in found


def test_without_issuers_we_stays_with_the_speaker(extractor: Extractor) -> None:
    found = _found(
        extractor, "We will provide more military aid to Ukraine.", speaker="keir-starmer"
    )
    assert found == [("keir-starmer", "commitment")]


def test_title_case_turn_labels_are_turns(extractor: Extractor) -> None:
    text = (
        "Keir Starmer: We will provide more military aid to Ukraine.\n\n"
        "Question: Will you also support a ceasefire?\n\n"
        "Keir Starmer: I support a ceasefire."
    )
    found = _found(extractor, text, speaker="donald-trump")
    assert ("keir-starmer", "commitment") in found
    assert ("keir-starmer", "stance") in found
    assert all(holder != "donald-trump" for holder, _ in found)


def test_a_name_in_capitals_is_the_same_actor(extractor: Extractor) -> None:
    found = _found(extractor, "The COALITION OF THE WILLING urged Russia to accept a ceasefire.")
    assert found == [("coalition-of-the-willing", "demand")]
