"""The shipped gazetteer: states and organisations link without a registry entry, the graph's own
actors override it, and a build keeps only the gazetteer actors something refers to."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from stancegraph.extract.pipeline import Extractor
from stancegraph.loading import load
from stancegraph.model import Article
from tests.conftest import GRAPH_DIR


def test_a_state_unknown_to_the_registry_is_linked_from_the_gazetteer() -> None:
    extractor = Extractor.for_graph(load(GRAPH_DIR))
    text = "Germany urged Iran to release the detained aid workers."
    found = extractor.extract(Article("g", "G", date(2024, 5, 2), text)).statements
    assert [(s.holder, s.kind.value, s.addressee) for s in found] == [("germany", "demand", "iran")]


def test_the_graph_overrides_the_gazetteer() -> None:
    graph = load(GRAPH_DIR)
    actors = {a.id: a for a in Extractor.for_graph(graph).actors}
    assert actors["russia"] == graph.actor("russia")  # the graph's own entry, not the shipped one
    assert "Beijing" in actors["china"].aliases  # the seed graph has no China: the gazetteer's
    # The seed graph has a Kremlin actor of its own, so no gazetteer entry claims that name.
    assert all("Kremlin" not in a.aliases for k, a in actors.items() if k != "kremlin")


def test_only_used_gazetteer_actors_are_in_the_graph(graph_copy: Path) -> None:
    before = {a.id for a in load(graph_copy).actors}
    assert "germany" not in before
    article = graph_copy / "articles" / "000_704e45cf9c367b27.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("published:", "issuers: [germany]\npublished:", 1))
    after = {a.id for a in load(graph_copy).actors}
    assert after - before == {"germany"}
