"""Extraction results are kept per article: a second build or a query extracts nothing again,
and a change to the article, the registry or the model makes the article extracted afresh."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from stancegraph.cli import main
from stancegraph.extract.cache import CACHE_FOLDER
from tests.conftest import SEED_ID


def _build(graph: Path, out: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, ["build", str(graph), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("extract:"))
    return line


def test_a_second_build_reads_the_cache_and_writes_the_same_exports(
    graph_copy: Path, tmp_path: Path
) -> None:
    assert "(1 extracted, 0 cached)" in _build(graph_copy, tmp_path / "one")
    assert "(0 extracted, 1 cached)" in _build(graph_copy, tmp_path / "two")
    for first in sorted((tmp_path / "one").iterdir()):
        assert first.read_bytes() == (tmp_path / "two" / first.name).read_bytes(), first.name
    assert len(list((graph_copy / CACHE_FOLDER).glob(f"{SEED_ID}.*.json"))) == 1


def test_a_changed_article_or_registry_is_extracted_again(graph_copy: Path, tmp_path: Path) -> None:
    _build(graph_copy, tmp_path / "one")
    article = graph_copy / "articles" / f"{SEED_ID}.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nFinland will send more aid.\n")
    assert "(1 extracted, 0 cached)" in _build(graph_copy, tmp_path / "two")
    assert "(0 extracted, 1 cached)" in _build(graph_copy, tmp_path / "three")
    actors = graph_copy / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("name: Finland", "name: Republic of Finland"),
        encoding="utf-8",
    )
    assert "(1 extracted, 0 cached)" in _build(graph_copy, tmp_path / "four")
    # The article's older entries are gone: the cache does not grow with every edit.
    assert len(list((graph_copy / CACHE_FOLDER).glob(f"{SEED_ID}.*.json"))) == 1


def test_a_damaged_entry_is_extracted_again(graph_copy: Path, tmp_path: Path) -> None:
    _build(graph_copy, tmp_path / "one")
    (entry,) = (graph_copy / CACHE_FOLDER).glob("*.json")
    entry.write_text('{"article": ', encoding="utf-8")
    assert "(1 extracted, 0 cached)" in _build(graph_copy, tmp_path / "two")
    assert (tmp_path / "one" / "statements.csv").read_bytes() == (
        tmp_path / "two" / "statements.csv"
    ).read_bytes()


def test_curated_only_needs_no_cache(graph_copy: Path, tmp_path: Path) -> None:
    _build(graph_copy, tmp_path / "one", "--curated-only")
    assert not (graph_copy / CACHE_FOLDER).exists()
