"""Our curated coding of the seed against a careful coder's independent reading of it.

The reading (tests/data/reference/, copied from the project's shared seed) uses plain names and
quotes; each of its statements must be matched by one of ours with the same holder, kind and
polarity whose evidence overlaps its quote. Its ``role`` items must be roles in the registry.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from stancegraph import StanceGraph

READING = Path(__file__).parent / "data" / "reference" / "000_704e45cf9c367b27.coding.yaml"


def _reading() -> list[dict[str, str]]:
    items: list[dict[str, str]] = YAML(typ="safe").load(READING.read_text(encoding="utf-8"))
    return items


def _actor_id(graph: StanceGraph, name: str) -> str:
    wanted = name.casefold()
    for actor in graph.actors:
        if wanted in {n.casefold() for n in (actor.name, *actor.aliases)}:
            return actor.id
    raise AssertionError(f"the registry has no actor named {name!r}")


def test_the_reading_has_42_statements() -> None:
    assert len(_reading()) == 42


@pytest.mark.parametrize("index", range(42))
def test_reference_statement_is_in_our_coding(seed_graph: StanceGraph, index: int) -> None:
    item = _reading()[index]
    holder = _actor_id(seed_graph, item["holder"])
    article = seed_graph.articles[0]
    start = article.text.index(item["quote"])
    end = start + len(item["quote"])
    if item["kind"] == "role":
        title, _, place = item["target"].partition(" of ")
        organisation = _actor_id(seed_graph, place.removeprefix("the "))
        assert any(
            r.holder == holder
            and r.title == title
            and r.organisation == organisation
            and r.held_on(article.published)
            for r in seed_graph.roles
        ), item
        return
    matches = [
        s
        for s in seed_graph.statements
        if s.holder == holder
        and s.kind.value == item["kind"]
        and (s.polarity.value if s.polarity else None) == item.get("polarity")
        and any(e.start < end and start < e.end for e in s.evidence)
    ]
    assert matches, f"no curated statement matches the reference reading: {item}"
