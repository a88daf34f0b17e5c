"""Roles stated next to names and participation in calls and meetings, end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from stancegraph.errors import InputError
from stancegraph.extract.output import coding_yaml
from stancegraph.extract.pipeline import Extractor
from stancegraph.loading import load
from stancegraph.model import Article, StatementKind

TEXT = (
    "The Prime Minister spoke to the President of the United States, Donald Trump, this "
    "afternoon. Finnish President Alexander Stubb met with Emmanuel Macron in Paris. "
    "They did not meet Vladimir Putin. Did Stubb meet Putin?"
)


@pytest.fixture(scope="module")
def extraction():  # type: ignore[no-untyped-def]
    extractor = Extractor.for_graph(load("graph"), classifier=None)
    article = Article("demo", "Demo", date(2024, 3, 15), TEXT)
    return extractor.extract(article)


def test_roles_are_read_with_their_place(extraction) -> None:  # type: ignore[no-untyped-def]
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


def test_participation_names_every_party_and_a_provisional_event(extraction) -> None:  # type: ignore[no-untyped-def]
    parts = [s for s in extraction.statements if s.kind is StatementKind.PARTICIPATION]
    holders = {s.holder for s in parts}
    assert {"alexander-stubb", "emmanuel-macron", "donald-trump"} <= holders
    assert "vladimir-putin" not in holders  # negated, and asked: no participation
    events = {e.id: e for e in extraction.events}
    assert {s.target for s in parts} <= set(events)
    assert all(e.provisional and e.date == date(2024, 3, 15) for e in events.values())


def test_the_coding_file_round_trips_roles_and_events(extraction, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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
