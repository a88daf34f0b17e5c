"""The README's SPARQL queries return exactly the rows the README shows, on the committed exports,
and the README's Python example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import GRAPH_DIR, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
QUERY_AND_TABLE = re.compile(r"```sparql\n(?P<query>.*?)```\s*\n(?P<table>(?:\|[^\n]*\|\n)+)", re.S)


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _examples() -> list[tuple[str, list[str], list[list[str]]]]:
    examples = []
    for match in QUERY_AND_TABLE.finditer(README):
        lines = match["table"].strip().splitlines()
        header, rows = _cells(lines[0]), [_cells(line) for line in lines[2:]]
        examples.append((match["query"], header, rows))
    return examples


def test_readme_has_three_query_examples() -> None:
    assert len(_examples()) == 3


@pytest.fixture(scope="module")
def exported(seed_exports: Path) -> Graph:
    return Graph().parse(seed_exports / "stancegraph.ttl", format="turtle")


@pytest.mark.parametrize("index", range(3))
def test_readme_query_returns_the_rows_shown(exported: Graph, index: int) -> None:
    query, header, rows = _examples()[index]
    result = exported.query(query)
    assert [str(v) for v in result.vars or []] == header
    got = [["" if value is None else str(value) for value in row] for row in result]
    assert got == rows
    assert rows, "an example with no rows shows nothing"


def test_readme_queries_are_the_shipped_query_files() -> None:
    shipped = {
        "\n".join(line for line in p.read_text().splitlines() if not line.startswith("#")).strip()
        for p in (ROOT / "src" / "stancegraph" / "queries").glob("*.rq")
    }
    for query, _, _ in _examples():
        assert query.strip() in shipped


def test_readme_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = re.search(r"```python\n(.*?)```", README, re.S)
    assert code is not None
    monkeypatch.chdir(GRAPH_DIR.parent)  # its graph/ is the seed the README shows
    namespace: dict[str, object] = {}
    exec(compile(code.group(1), "README.md", "exec"), namespace)
    assert "Vladimir Putin conditional 30-day ceasefire" in capsys.readouterr().out
    assert len(list(namespace["rows"])) > 0  # type: ignore[call-overload]
    assert len(code.group(1).strip().splitlines()) <= 10


def test_every_readme_python_block_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # In order, in one namespace, as a reader pasting them into one session would run them; the
    # on-disk store the README names goes to a temporary folder instead.
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) >= 3
    monkeypatch.chdir(GRAPH_DIR.parent)  # its graph/ is the seed the README shows
    namespace: dict[str, object] = {}
    for number, block in enumerate(blocks, 1):
        code = block.replace("/tmp/sg-store", str(tmp_path / "sg-store"))
        exec(compile(code, f"README.md python block {number}", "exec"), namespace)
    assert "frame" in namespace
    assert capsys.readouterr().out
