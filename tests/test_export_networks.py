"""``stancegraph export``: each derived network read back by networkx with its attributes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from stancegraph.analysis import NETWORKS, Normalisation, derived_network, export_network
from stancegraph.cli import main
from tests.conftest import GRAPH_DIR, outputs_under_hash_seeds
from tests.corpora import two_blocs

READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


@pytest.mark.parametrize("name", sorted(NETWORKS))
@pytest.mark.parametrize("format_name", sorted(READERS))
def test_network_files_keep_nodes_edges_and_attributes(
    name: str, format_name: str, tmp_path: Path
) -> None:
    network = derived_network(two_blocs(), name, normalisation=Normalisation.JACCARD)
    path = tmp_path / f"network.{format_name}"
    path.write_bytes(export_network(network, format_name))
    back = READERS[format_name](path)
    assert sorted(back.nodes) == sorted(network.nodes)
    assert {frozenset(e) for e in back.edges()} == {frozenset(e) for e in network.edges()}
    for u, v, attrs in network.edges(data=True):
        for key, value in attrs.items():
            assert back.edges[u, v][key] == pytest.approx(value), (u, v, key)
    for node, attrs in network.nodes(data=True):
        kept = dict(back.nodes[node])
        if format_name == "gexf":  # GEXF keeps the label as the node's own label
            assert kept.pop("label") == attrs["label"]
        for key, value in attrs.items():
            if key != "label" or format_name == "graphml":
                assert kept[key] == value, (node, key)


def test_congruence_export_carries_coalitions(tmp_path: Path) -> None:
    path = tmp_path / "c.graphml"
    path.write_bytes(export_network(derived_network(two_blocs(), "congruence"), "graphml"))
    back = nx.read_graphml(path)
    assert len({back.nodes[a]["coalition"] for a in ("a1", "a2", "a3")}) == 1
    assert back.nodes["a1"]["coalition"] != back.nodes["b1"]["coalition"]


def test_csv_edge_list() -> None:
    data = export_network(derived_network(two_blocs(), "subtract"), "csv").decode()
    rows = list(csv.DictReader(io.StringIO(data)))
    assert list(rows[0]) == ["source", "target", "agree", "disagree", "weight"]
    by_pair = {(r["source"], r["target"]): r for r in rows}
    assert by_pair["a1", "b1"] == {
        "source": "a1",
        "target": "b1",
        "agree": "0",
        "disagree": "3",
        "weight": "-3",
    }


def test_cli_export_writes_the_named_file(tmp_path: Path) -> None:
    out = tmp_path / "stances.gexf"
    result = CliRunner().invoke(
        main,
        ["export", "two-mode", "--graph", str(GRAPH_DIR), "--format", "gexf", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    back = nx.read_gexf(out)
    assert back.edges["vladimir-putin", "ceasefire-30-day"]["conditional"] == 2


def test_cli_export_at_state_level_in_a_window(tmp_path: Path) -> None:
    out = tmp_path / "two.csv"
    args = ["export", "two-mode", "--graph", str(GRAPH_DIR), "--format", "csv", "-o", str(out)]
    args += ["--level", "state", "--from", "2025-03-11", "--to", "2025-03-13"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert sorted((r["source"], r["target"], r["polarity"]) for r in rows) == [
        ("russia", "ceasefire-30-day", "conditional"),
        ("ukraine", "ceasefire-30-day", "support"),
    ]


def test_cli_rejects_unknown_network() -> None:
    result = CliRunner().invoke(main, ["export", "cooperation"])
    assert result.exit_code == 2
    assert "congruence" in result.output


@pytest.mark.slow
def test_exports_do_not_depend_on_the_hash_seed() -> None:
    script = (
        "import hashlib\n"
        "from stancegraph.analysis import NETWORKS, derived_network, export_network\n"
        "from tests.corpora import blocs_of_sixty\n"
        "g = blocs_of_sixty()\n"
        "for name in sorted(NETWORKS):\n"
        "    for fmt in ('graphml', 'gexf', 'csv'):\n"
        "        n = derived_network(g, name, normalisation='cosine')\n"
        "        print(name, fmt, hashlib.sha256(export_network(n, fmt)).hexdigest())\n"
    )
    assert len(set(outputs_under_hash_seeds(script))) == 1


@pytest.mark.parametrize(
    ("suffix", "reader"), [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)]
)
def test_the_format_follows_the_output_suffix(suffix: str, reader: object, tmp_path: Path) -> None:
    out = tmp_path / f"n{suffix}"
    result = CliRunner().invoke(
        main, ["export", "two-mode", "-o", str(out), "--graph", str(GRAPH_DIR), "--curated-only"]
    )
    assert result.exit_code == 0, result.output
    assert callable(reader)
    assert reader(out).number_of_edges() > 0


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["export", "two-mode", "-o", "n.gexf", "--format", "graphml"], "name the file n.graphml"),
        (["export", "two-mode", "-o", "n.txt"], ".txt is not a format written here"),
        (["draw", "timeline", "-o", "t.svg", "--format", "png"], "name the file t.png"),
        (["export", "two-mode", "--from", "2025-03-15", "--to", "2025-03-01"], "is before --from"),
        (["draw", "timeline", "--from", "2025-03-15", "--to", "2025-03-01"], "is before --from"),
    ],
)
def test_a_mismatch_is_refused_and_nothing_is_written(
    command: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*command, "--graph", str(GRAPH_DIR), "--curated-only"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []
