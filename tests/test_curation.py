"""A person's decisions about extracted statements stick: confirmed, corrected and rejected
statements stay so on every later build, by `stancegraph review` or by hand in a coding file."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from ruamel.yaml import YAML

from stancegraph.cli import main
from stancegraph.reviewing import pending
from tests.conftest import GRAPH_DIR, SEED_ID

TWO_VALUES = """
PREFIX sg: <https://stancegraph.example/ns#>
SELECT ?s WHERE {
  { ?s sg:polarity ?a, ?b } UNION { ?s sg:reviewStatus ?a, ?b } UNION { ?s sg:holder ?a, ?b }
  FILTER (?a != ?b)
}
"""


@pytest.fixture
def uncoded(tmp_path: Path) -> Path:
    """graph/ without its curated coding: every statement of the seed is extracted."""
    folder = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, folder, ignore=shutil.ignore_patterns(".cache"))
    for coding in (folder / "coding").glob("*.yaml"):
        coding.unlink()
    return folder


def _build(graph: Path, out: Path) -> dict[str, dict[str, str]]:
    result = CliRunner().invoke(main, ["build", str(graph), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with (out / "statements.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    ids = Counter(row["statement"] for row in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    rdf = Graph().parse(out / "stancegraph.ttl", format="turtle")
    assert list(rdf.query(TWO_VALUES)) == []
    return {row["statement"]: row for row in rows}


def _extracted(graph: Path, tmp_path: Path) -> dict[str, object]:
    out = tmp_path / "extracted"
    result = CliRunner().invoke(
        main, ["extract", str(graph / "articles"), "-o", str(out), "--graph", str(graph)]
    )
    assert result.exit_code == 0, result.output
    data: dict[str, object] = YAML(typ="safe").load(out / f"{SEED_ID}.yaml")
    return data


def _write(path: Path, data: object) -> None:
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)


def test_review_decisions_stick_across_rebuilds(uncoded: Path, tmp_path: Path) -> None:
    before = pending(uncoded, SEED_ID).statements
    rejected, confirmed, corrected = before[0], before[1], before[2]
    assert corrected.holder != "keir-starmer"
    answers = "r\na\nh\nkeir-starmr\nkeir-starmer\na\nq\n"
    result = CliRunner().invoke(
        main, ["review", SEED_ID, "--graph", str(uncoded), "--reviewer", "Ann"], input=answers
    )
    assert result.exit_code == 0, result.output
    assert "did you mean 'keir-starmer'?" in result.output
    assert "1 confirmed, 1 corrected, 1 rejected" in result.output
    first = _build(uncoded, tmp_path / "one")
    assert rejected.id not in first
    assert first[confirmed.id]["status"] == "confirmed"
    assert first[corrected.id]["holder"] == "keir-starmer"
    assert first[corrected.id]["status"] == "corrected"
    assert {first[i]["provenance"] for i in (confirmed.id, corrected.id)} == {"extracted"}
    rdf = Graph().parse(tmp_path / "one" / "stancegraph.ttl", format="turtle")
    reviewed_by = rdf.namespace_manager.expand_curie("sg:reviewedBy")
    reviewers = {str(o) for o in rdf.objects(None, reviewed_by)}
    assert reviewers == {"Ann"}
    second = _build(uncoded, tmp_path / "two")
    assert first == second
    assert len(pending(uncoded, SEED_ID).statements) == len(before) - 3


def test_hand_edited_copy_corrects_and_rejects(uncoded: Path, tmp_path: Path) -> None:
    data = _extracted(uncoded, tmp_path)
    statements = data["statements"]
    assert isinstance(statements, list)
    stance = next(s for s in statements if s["polarity"] == "support")
    stance["polarity"] = "oppose"
    stance["provenance"]["status"] = "confirmed"  # a person who forgot to say "corrected"
    thrown = next(s for s in statements if s["kind"] == "demand")
    statements.remove(thrown)
    data["rejected"] = [thrown]
    _write(uncoded / "coding" / f"{SEED_ID}.yaml", data)
    built = _build(uncoded, tmp_path / "out")
    assert thrown["id"] not in {i.rsplit("/", 1)[-1] for i in built}
    row = built[f"{SEED_ID}/{stance['id']}"]
    assert (row["polarity"], row["status"]) == ("oppose", "corrected")


def test_rejection_keeps_out_the_same_reading_under_another_id(
    uncoded: Path, tmp_path: Path
) -> None:
    data = _extracted(uncoded, tmp_path)
    statements = data["statements"]
    assert isinstance(statements, list)
    criticism = next(s for s in statements if s["kind"] == "criticism")
    moved = {**criticism, "id": "x-0000000000"}  # as an older extractor named it
    _write(
        uncoded / "coding" / f"{SEED_ID}.yaml",
        {"article": SEED_ID, "coder": "Ann", "statements": [], "rejected": [moved]},
    )
    built = _build(uncoded, tmp_path / "out")
    assert f"{SEED_ID}/{criticism['id']}" not in built


def test_hand_written_statement_wins_whatever_its_polarity(uncoded: Path, tmp_path: Path) -> None:
    data = _extracted(uncoded, tmp_path)
    statements = data["statements"]
    assert isinstance(statements, list)
    machine = next(s for s in statements if s["polarity"] == "conditional")
    mine = {
        "id": "my-reading",
        "kind": "stance",
        "holder": machine["holder"],
        "target": machine["target"],
        "polarity": "oppose",
        "quote": machine["quote"],
        "start": machine["start"],
    }
    _write(
        uncoded / "coding" / f"{SEED_ID}.yaml",
        {"article": SEED_ID, "coder": "Ann", "statements": [mine]},
    )
    built = _build(uncoded, tmp_path / "out")
    assert f"{SEED_ID}/{machine['id']}" not in built
    assert built[f"{SEED_ID}/my-reading"]["status"] == "curated"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"provenance": {"method": "extracted", "status": "curated"}}, "not 'curated'"),
        ({"provenance": {"method": "extracted", "status": "rejected"}}, "status"),
        (
            {"provenance": {"method": "extracted", "status": "confirmed", "reviewed": False}},
            "contradicts the status",
        ),
    ],
)
def test_a_wrong_review_status_is_a_clear_error(
    uncoded: Path, entry: dict[str, object], message: str
) -> None:
    statement = {"id": "s1", "kind": "criticism", "holder": "keir-starmer", "target": "kremlin"}
    statement |= {"quote": "He criticized the Kremlin's procrastination"} | entry
    _write(
        uncoded / "coding" / f"{SEED_ID}.yaml",
        {"article": SEED_ID, "coder": "Ann", "statements": [statement]},
    )
    result = CliRunner().invoke(main, ["build", str(uncoded), "--out", str(uncoded.parent / "x")])
    assert result.exit_code == 2
    assert f"{SEED_ID}.yaml" in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (uncoded.parent / "x").exists()


def test_kept_and_rejected_at_once_is_a_clear_error(uncoded: Path) -> None:
    statement = {"id": "s1", "kind": "criticism", "holder": "keir-starmer", "target": "kremlin"}
    statement["quote"] = "He criticized the Kremlin's procrastination"
    _write(
        uncoded / "coding" / f"{SEED_ID}.yaml",
        {"article": SEED_ID, "coder": "Ann", "statements": [statement], "rejected": [{"id": "s1"}]},
    )
    result = CliRunner().invoke(main, ["build", str(uncoded), "--out", str(uncoded.parent / "x")])
    assert result.exit_code == 2
    assert "both kept and rejected" in result.stderr


def test_review_of_an_unknown_article_says_so(uncoded: Path) -> None:
    result = CliRunner().invoke(main, ["review", SEED_ID[:-1], "--graph", str(uncoded)])
    assert result.exit_code == 2
    assert f"did you mean {SEED_ID!r}" in result.stderr
