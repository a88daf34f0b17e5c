"""Every command reads the graph the way build does: a query answers over the statements the
exports hold (curated plus unreviewed extracted ones) unless --curated-only says otherwise."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph

from stancegraph.assembly import Assembly, assemble, reader_key
from stancegraph.cli import main
from stancegraph.loading import load
from tests.conftest import GRAPH_DIR, ROOT

DEMANDS = ROOT / "src" / "stancegraph" / "queries" / "demands.rq"


def _query_rows(*extra: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        main, ["query", "demands", "--graph", str(GRAPH_DIR), "--format", "json", *extra]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    bindings: list[dict[str, object]] = document["results"]["bindings"]
    return bindings


def test_query_sees_the_statements_the_exports_hold(seed_exports: Path) -> None:
    exported = Graph().parse(seed_exports / "stancegraph.ttl", format="turtle")
    expected = len(list(exported.query(DEMANDS.read_text(encoding="utf-8"))))
    assert len(_query_rows()) == expected


def test_curated_only_leaves_extracted_statements_out() -> None:
    curated = load(GRAPH_DIR)
    assembled = assemble(GRAPH_DIR)
    extra = len(assembled.statements) - len(curated.statements)
    assert extra > 0
    assert all(
        not s.provenance.reviewed for s in assembled.statements if s not in curated.statements
    )
    assert len(_query_rows("--curated-only")) < len(_query_rows())


def test_store_caches_know_how_the_graph_was_assembled() -> None:
    assert reader_key(load) == ""
    assert reader_key(Assembly(curated_only=True)) != reader_key(Assembly())
    assert reader_key(Assembly(model="en_core_web_sm")) != reader_key(Assembly())


def test_python_and_the_command_line_answer_the_same_rows() -> None:
    import stancegraph  # noqa: PLC0415 - the public entry point is what is compared

    graph = stancegraph.load(GRAPH_DIR)
    statuses = {s.provenance.status.value for s in graph.statements if s.kind.value == "demand"}
    assert {"curated", "unreviewed"} <= statuses  # both kinds of statement are compared
    from_python = [
        {key: str(value) for key, value in row.items() if value is not None}
        for row in stancegraph.query(graph, "demands")
    ]
    from_cli = [
        {key: cell["value"] for key, cell in row.items()}  # type: ignore[union-attr]
        for row in _query_rows()
    ]
    key = lambda row: sorted(row.items())  # noqa: E731 - one sort key, used twice
    assert sorted(from_python, key=key) == sorted(from_cli, key=key)
    assert len(from_python) > len(
        stancegraph.query(stancegraph.load(GRAPH_DIR, curated_only=True), "demands")
    )


def test_every_python_entry_point_reads_the_same_graph(tmp_path: Path) -> None:
    import stancegraph  # noqa: PLC0415 - the public entry points are what is compared
    from stancegraph.outputs import export_to_file  # noqa: PLC0415

    loaded = stancegraph.query(stancegraph.load(GRAPH_DIR), "demands")
    stored = stancegraph.query(stancegraph.open_store("oxigraph", graph_dir=GRAPH_DIR), "demands")
    assert sorted(map(str, loaded)) == sorted(map(str, stored))
    written = export_to_file(GRAPH_DIR, "two-mode", "csv", tmp_path / "n.csv")
    edges = written.read_text(encoding="utf-8").splitlines()[1:]
    curated = export_to_file(
        GRAPH_DIR, "two-mode", "csv", tmp_path / "c.csv", reader=Assembly(curated_only=True)
    )
    assert len(edges) >= len(curated.read_text(encoding="utf-8").splitlines()[1:])
