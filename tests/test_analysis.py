"""The analysis functions against hand-made corpora whose answers are counted by hand."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from stancegraph import Actor, ActorKind, Proposition, Role
from stancegraph.analysis import (
    Level,
    Normalisation,
    PropositionLevel,
    at_level,
    at_proposition_level,
    centrality,
    coalitions,
    conflict,
    congruence,
    contradictions,
    moving_windows,
    position_changes,
    subtract,
    two_mode,
    window,
)
from tests.conftest import GRAPH_DIR, ROOT
from tests.corpora import blocs_of_sixty, corpus, two_blocs

A, B = ("a1", "a2", "a3"), ("b1", "b2")


def _weights(network: object) -> dict[tuple[str, str], float]:
    return {tuple(sorted((u, v))): w for u, v, w in network.edges(data="weight")}  # type: ignore[attr-defined]


def test_congruence_links_each_bloc_inside_and_never_across() -> None:
    weights = _weights(congruence(two_blocs()))
    assert weights[("a1", "a2")] == weights[("a2", "a3")] == 3
    assert weights[("b1", "b2")] == 3
    assert weights[("a1", "c")] == 1  # c shares only "support p1" with bloc A
    assert not [pair for pair in weights if pair[0][0] == "a" and pair[1][0] == "b"]
    # d's conditional stance and e's neutral one agree with nobody's plain support or opposition.
    assert not [pair for pair in weights if "d" in pair or "e" in pair]


def test_conflict_links_the_blocs_across_only() -> None:
    weights = _weights(conflict(two_blocs()))
    assert {pair: w for pair, w in weights.items() if pair[0] in A and pair[1] in B} == {
        (a, b): 3 for a in A for b in B
    }
    assert weights[("b1", "c")] == 1
    assert set(weights) == {(a, b) for a in A for b in B} | {("b1", "c"), ("b2", "c")}


def test_subtract_is_congruence_minus_conflict() -> None:
    weights = _weights(subtract(two_blocs()))
    assert weights[("a1", "a3")] == 3
    assert weights[("a2", "b2")] == -3
    assert weights[("a1", "c")] == 1
    assert weights[("b1", "c")] == -1


def test_normalisations() -> None:
    graph = two_blocs()
    jaccard = _weights(congruence(graph, Normalisation.JACCARD))
    cosine = _weights(congruence(graph, Normalisation.COSINE))
    assert jaccard[("a1", "a2")] == cosine[("a1", "a2")] == 1.0
    # c holds 1 position, a1 holds 3, they share 1: Jaccard 1/3, cosine 1/sqrt(3).
    assert jaccard[("a1", "c")] == pytest.approx(1 / 3)
    assert cosine[("a1", "c")] == pytest.approx(1 / math.sqrt(3))
    assert _weights(conflict(graph, Normalisation.JACCARD))[("b1", "c")] == pytest.approx(1 / 4)
    sub = _weights(subtract(graph, Normalisation.COSINE))
    assert sub[("a1", "b1")] == -1.0
    assert all(-1.0 <= w <= 1.0 for w in sub.values())


def test_every_edge_keeps_both_raw_counts() -> None:
    network = subtract(two_blocs(), Normalisation.JACCARD)
    assert network.edges["a1", "b1"]["agree"] == 0
    assert network.edges["a1", "b1"]["disagree"] == 3
    assert network.nodes["a1"]["positions"] == 3


def test_two_mode_is_signed_and_keeps_conditional_distinct() -> None:
    network = two_mode(two_blocs())
    assert network.edges["a1", "p3"]["sign"] == -1
    assert network.edges["b1", "p3"]["sign"] == 1
    conditional = network.edges["d", "p1"]
    assert (conditional["polarity"], conditional["conditional"], conditional["sign"]) == (
        "conditional",
        1,
        0,
    )
    assert {network.nodes[n]["bipartite"] for n in ("p1", "p2", "p3")} == {1}
    assert network.number_of_edges() == 3 * 3 + 2 * 3 + 3


def test_coalitions_are_the_two_blocs_and_repeat() -> None:
    network = congruence(two_blocs())
    found = coalitions(network, seed=7)
    assert ("b1", "b2") in found
    assert any(set(A) <= set(c) for c in found)
    assert coalitions(network, seed=7) == found
    assert ("d",) in found  # no shared position: a coalition of one


def test_coalitions_recover_four_blocs_of_sixty() -> None:
    graph = blocs_of_sixty()
    found = coalitions(congruence(graph, Normalisation.JACCARD), seed=0)
    bloc_of = {a.id: int(a.id.split("-")[1]) % 4 for a in graph.actors}
    # Most members of each large coalition come from one bloc.
    for members in found[:4]:
        blocs = [bloc_of[m] for m in members]
        assert max(blocs.count(b) for b in set(blocs)) >= 0.75 * len(blocs)


def test_centrality_ranks_the_broker_first() -> None:
    # c agrees with bloc A and is the only actor that does: no broker here, so take a star.
    graph = corpus(
        [("hub", f"p{i}", "support", "2025-01-01") for i in range(3)]
        + [(f"leaf{i}", f"p{i}", "support", "2025-01-02") for i in range(3)]
    )
    table = centrality(congruence(graph))
    assert table["degree"].to_dict() == {"hub": 3, "leaf0": 1, "leaf1": 1, "leaf2": 1}
    assert table["betweenness"].idxmax() == "hub"
    assert table["eigenvector"].idxmax() == "hub"
    assert table.loc["hub", "label"] == "Hub"


def test_position_change_with_both_quotes() -> None:
    graph = corpus(
        [
            ("flipper", "p1", "support", "2025-01-01"),
            ("flipper", "p1", "support", "2025-01-15"),
            ("flipper", "p1", "oppose", "2025-02-01"),
            ("steady", "p1", "support", "2025-02-01"),
        ]
    )
    changes = position_changes(graph)
    assert len(changes) == 1
    row = changes.iloc[0]
    assert (row["actor"], row["target"]) == ("flipper", "p1")
    assert (row["first_date"], row["second_date"]) == ("2025-01-15", "2025-02-01")
    assert (row["first_polarity"], row["second_polarity"]) == ("support", "oppose")
    assert row["first_quote"] == "flipper says support on p1 (statement 1)."
    assert row["second_quote"] == "flipper says oppose on p1 (statement 2)."
    assert contradictions(graph).empty
    # Within a 30-day span the same pair is a contradiction, not a change; the first
    # support, 31 days before the opposition, is outside the span.
    assert position_changes(graph, within=30).empty
    within = contradictions(graph, within=30)
    assert within[["first_date", "second_date"]].values.tolist() == [["2025-01-15", "2025-02-01"]]


def test_contradiction_on_one_day_and_conditional_is_no_contradiction() -> None:
    graph = corpus(
        [
            ("x", "p1", "support", "2025-01-01"),
            ("x", "p1", "oppose", "2025-01-01"),
            ("y", "p1", "support", "2025-01-01"),
            ("y", "p1", "conditional", "2025-01-01"),
        ]
    )
    found = contradictions(graph)
    assert found[["actor", "first_polarity", "second_polarity"]].values.tolist() == [
        ["x", "support", "oppose"]
    ]
    assert found.iloc[0]["first_quote"] != found.iloc[0]["second_quote"]


def test_window_and_moving_windows() -> None:
    graph = two_blocs()
    january = window(graph, date(2025, 1, 1), date(2025, 1, 31))
    assert {s.date.month for s in january.statements} == {1}
    assert len(january.statements) == 15
    assert january.date_range() == (date(2025, 1, 10), date(2025, 1, 20))
    windows = moving_windows(graph, size=10, step=5)
    assert [(w.start.isoformat(), w.end.isoformat()) for w in windows] == [
        ("2025-01-10", "2025-01-19"),
        ("2025-01-15", "2025-01-24"),
        ("2025-01-20", "2025-01-29"),
        ("2025-01-25", "2025-02-03"),
    ]
    assert [len(w.graph.statements) for w in windows] == [10, 5, 5, 3]
    # A window's congruence counts only its own statements: p3 was stated on the 20th.
    assert _weights(congruence(windows[0].graph))[("a1", "a2")] == 2
    with pytest.raises(ValueError, match="at least one day"):
        moving_windows(graph, size=0)


def test_state_level_follows_the_role_held_that_day() -> None:
    actors = [
        Actor("pm", ActorKind.PERSON, "Prime Minister"),
        Actor("land", ActorKind.STATE, "Land"),
        Actor("union", ActorKind.ORGANISATION, "Union"),
        Actor("ministry", ActorKind.GOVERNMENT_BODY, "Ministry", part_of="land"),
        Actor("pundit", ActorKind.PERSON, "Pundit"),
    ]
    roles = [
        Role("pm", "Prime Minister", "land", date(2024, 1, 1), date(2024, 12, 31)),
        Role("pm", "Secretary General", "union", date(2024, 6, 1)),
    ]
    graph = corpus(
        [
            ("pm", "p1", "support", "2024-03-01"),  # only the state role
            ("pm", "p1", "support", "2024-09-01"),  # both roles: the state wins
            ("pm", "p1", "oppose", "2025-03-01"),  # only the organisation role
            ("ministry", "p1", "support", "2025-03-01"),
            ("pundit", "p1", "oppose", "2025-03-01"),
            ("pm", "p1", "oppose", "2023-03-01"),  # before any role
        ],
        actors=actors,
        roles=roles,
    )
    holders = {
        s.date.isoformat() + " " + s.evidence[0].quote.split()[0]: s.holder
        for s in at_level(graph, Level.STATE).statements
    }
    assert holders == {
        "2024-03-01 pm": "land",
        "2024-09-01 pm": "land",
        "2025-03-01 pm": "union",
        "2025-03-01 ministry": "land",
        "2025-03-01 pundit": "pundit",
        "2023-03-01 pm": "pm",
    }
    assert at_level(graph, Level.PERSON) is graph
    state = congruence(at_level(graph, Level.STATE))
    assert "ministry" not in state
    assert state.nodes["land"]["label"] == "Land"


def test_seed_state_level_maps_leaders_to_their_states(seed_graph: object) -> None:
    graph = at_level(seed_graph, Level.STATE)  # type: ignore[arg-type]
    putin = [s for s in graph.statements if "putin-conditional-ceasefire" in s.id]
    assert putin
    assert {s.holder for s in putin} == {"russia"}


def test_readme_analysis_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Analysis") :]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    monkeypatch.chdir(GRAPH_DIR.parent)  # its graph/ is the seed the README shows
    exec(compile(code.group(1), "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("conditional\n")
    assert "('russia',)" in out
    assert "volodymyr-zelenskyy" in out


def test_broadest_propositions_join_stances_on_narrower_ones() -> None:
    rows = [
        ("x", "ceasefire-30-day", "support", "2025-03-01"),
        ("y", "ceasefire-immediate", "support", "2025-03-01"),
        ("z", "ceasefire-by-land", "oppose", "2025-03-02"),
        ("w", "sanctions", "support", "2025-03-02"),
        ("w", "x", "criticism", "2025-03-02"),
    ]
    graph = corpus(rows)
    # A three-level hierarchy: ceasefire > ceasefire-immediate > ceasefire-by-land.
    broader = {
        "ceasefire-30-day": "ceasefire",
        "ceasefire-immediate": "ceasefire",
        "ceasefire-by-land": "ceasefire-immediate",
    }
    propositions = [replace(p, broader=broader.get(p.id)) for p in graph.propositions]
    graph = replace(graph, propositions=(*propositions, Proposition("ceasefire", "Ceasefire")))
    assert not _weights(congruence(graph))
    assert not _weights(conflict(graph))

    top = at_proposition_level(graph, PropositionLevel.BROADEST)
    assert _weights(congruence(top)) == {("x", "y"): 1}
    assert _weights(conflict(top)) == {("x", "z"): 1, ("y", "z"): 1}
    moved = {s.id: s.target for s in top.statements}
    assert sorted(set(moved.values())) == ["ceasefire", "sanctions", "x"]  # an actor stays
    assert [s.evidence for s in top.statements] == [s.evidence for s in graph.statements]
    assert at_proposition_level(graph, PropositionLevel.AS_CODED) is graph


def test_export_at_broadest_propositions_from_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner  # noqa: PLC0415 - only this test drives the CLI

    from stancegraph.cli import main  # noqa: PLC0415

    out = tmp_path / "congruence.csv"
    args = ["export", "congruence", "--graph", str(GRAPH_DIR), "--curated-only"]
    args += ["--format", "csv", "-o", str(out), "--level", "state"]
    result = CliRunner().invoke(main, [*args, "--propositions", "broadest"])
    assert result.exit_code == 0, result.output
    edges = {tuple(line.split(",")[:2]) for line in out.read_text().splitlines()[1:]}
    # The UK's leader backs an immediate ceasefire and Ukraine a 30-day one: both a ceasefire.
    assert ("ukraine", "united-kingdom") in edges
    result = CliRunner().invoke(main, [*args, "--propositions", "as-coded"])
    assert result.exit_code == 0, result.output
    assert "ukraine,united-kingdom" not in out.read_text()
