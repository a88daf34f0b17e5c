"""Roles stated next to names and participation in calls and meetings, end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from stancegraph.errors import InputError
from stancegraph.extract.output import coding_yaml
from stancegraph.extract.pipeline import Extraction, Extractor
from stancegraph.loading import load
from stancegraph.model import Article, StatementKind

TEXT = (
    "The Prime Minister spoke to the President of the United States, Donald Trump, this "
    "afternoon. Finnish President Alexander Stubb met with Emmanuel Macron in Paris. "
    "They did not meet Vladimir Putin. Did Stubb meet Putin?"
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.for_graph(load("graph"), classifier=None)


@pytest.fixture(scope="module")
def extraction(extractor: Extractor) -> Extraction:
    article = Article("demo", "Demo", date(2024, 3, 15), TEXT)
    return extractor.extract(article)


def test_roles_are_read_with_their_place(extraction: Extraction) -> None:
    roles = {
        (s.holder, s.title, s.target, s.evidence[0].quote)
        for s in extraction.statements
        if s.kind is StatementKind.ROLE
    }
    assert ("alexander-stubb", "President", "finland", "Finnish President Alexander Stubb") in roles
    assert (
        "donald-trump",
        "President",
        "united-states",
        "President of the United States, Donald Trump",
    ) in roles


def test_participation_names_every_party_and_a_provisional_event(extraction: Extraction) -> None:
    parts = [s for s in extraction.statements if s.kind is StatementKind.PARTICIPATION]
    holders = {s.holder for s in parts}
    assert {"alexander-stubb", "emmanuel-macron", "donald-trump"} <= holders
    assert "vladimir-putin" not in holders  # negated, and asked: no participation
    events = {e.id: e for e in extraction.events}
    assert {s.target for s in parts} <= set(events)
    assert all(e.provisional and e.date == date(2024, 3, 15) for e in events.values())


def test_the_coding_file_round_trips_roles_and_events(
    extraction: Extraction, tmp_path: Path
) -> None:
    graph_dir = tmp_path / "graph"
    (graph_dir / "articles").mkdir(parents=True)
    (graph_dir / "coding").mkdir()
    for name in ("actors.yaml", "propositions.yaml"):
        (graph_dir / name).write_text(Path("graph", name).read_text(encoding="utf-8"))
    (graph_dir / "articles" / "demo.txt").write_text(
        f"---\ntitle: Demo\npublished: 2024-03-15\n---\n{TEXT}", encoding="utf-8"
    )
    (graph_dir / "coding" / "demo.yaml").write_text(coding_yaml(extraction), encoding="utf-8")
    graph = load(graph_dir)
    kinds = {s.kind for s in graph.statements}
    assert {StatementKind.ROLE, StatementKind.PARTICIPATION} <= kinds
    assert any(e.provisional for e in graph.events)
    titles = {s.title for s in graph.statements if s.kind is StatementKind.ROLE}
    assert "President" in titles


def test_a_role_without_title_is_refused(tmp_path: Path) -> None:
    graph_dir = tmp_path / "graph"
    (graph_dir / "articles").mkdir(parents=True)
    (graph_dir / "coding").mkdir()
    (graph_dir / "actors.yaml").write_text(Path("graph/actors.yaml").read_text(encoding="utf-8"))
    (graph_dir / "articles" / "a.txt").write_text(
        "---\ntitle: A\npublished: 2024-03-15\n---\nFinnish President Alexander Stubb spoke.",
        encoding="utf-8",
    )
    (graph_dir / "coding" / "a.yaml").write_text(
        "article: a\ncoder: me\nstatements:\n- id: s1\n  kind: role\n  holder: alexander-stubb\n"
        "  target: finland\n  quote: Finnish President Alexander Stubb\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="title"):
        load(graph_dir)


def _taking_part(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    article = Article("t", "A headline", date(2024, 3, 15), text)
    return [
        (s.holder, s.evidence[0].quote)
        for s in extractor.extract(article).statements
        if s.kind is StatementKind.PARTICIPATION
    ]


def test_a_list_of_titled_names_takes_part_without_the_places_of_their_titles(
    extractor: Extractor,
) -> None:
    text = (
        "Keir Starmer had a telephone conversation with President of the French Republic "
        "Emmanuel Macron and President of Ukraine Volodymyr Zelensky."
    )
    holders = [h for h, _ in _taking_part(extractor, text)]
    assert holders == ["keir-starmer", "emmanuel-macron", "volodymyr-zelenskyy"]


def test_meeting_without_an_object_is_a_meeting_of_every_subject(extractor: Extractor) -> None:
    holders = {
        h for h, _ in _taking_part(extractor, "Keir Starmer and Emmanuel Macron met in Paris.")
    }
    assert holders == {"keir-starmer", "emmanuel-macron"}
    assert _taking_part(extractor, "Keir Starmer met the challenge.") == []


def test_a_meeting_asked_for_is_no_participation(extractor: Extractor) -> None:
    text = "Zelensky urged Finland to strengthen negotiations with Emmanuel Macron."
    assert _taking_part(extractor, text) == []


def test_a_headline_gives_way_to_the_body_that_says_it_again(extractor: Extractor) -> None:
    text = (
        "Call with President Macron\n\n"
        "Keir Starmer spoke to Emmanuel Macron this morning. Vladimir Putin was not mentioned."
    )
    found = _taking_part(extractor, text)
    assert {h for h, _ in found} == {"keir-starmer", "emmanuel-macron"}
    assert all(quote.startswith("Keir Starmer") for _, quote in found)


def test_a_place_visited_is_no_participant_and_an_event_stated_again_is_not_repeated(
    extractor: Extractor,
) -> None:
    visit = _taking_part(extractor, "Keir Starmer visited Finland and met Emmanuel Macron.")
    assert {h for h, _ in visit} == {"keir-starmer", "emmanuel-macron"}
    text = (
        "Keir Starmer had a telephone conversation with Emmanuel Macron. "
        "The telephone conversation with Emmanuel Macron lasted an hour."
    )
    again = _taking_part(extractor, text)
    assert sorted(h for h, _ in again) == ["emmanuel-macron", "keir-starmer"]
