"""`stancegraph init` makes a corpus a new user can fill and build; its examples are valid input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from stancegraph.cli import main
from stancegraph.loading import load
from tests.conftest import GRAPH_DIR, SEED_ID


def test_a_new_corpus_builds_with_one_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    made = CliRunner().invoke(main, ["init", str(corpus)])
    assert made.exit_code == 0, made.output
    shutil.copy(GRAPH_DIR / "articles" / f"{SEED_ID}.txt", corpus / "articles")
    built = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "exports")])
    assert built.exit_code == 0, built.output
    # The gazetteer links the seed's states and organisations without a registry entry.
    rows = (tmp_path / "exports" / "statements.csv").read_text(encoding="utf-8").splitlines()
    assert any(",ukraine," in row for row in rows)


def test_the_commented_examples_are_valid_input(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    CliRunner().invoke(main, ["init", str(corpus)])
    for name in ("actors.yaml", "propositions.yaml", "events.yaml"):
        path = corpus / name
        text = path.read_text(encoding="utf-8")
        key = name.removesuffix(".yaml")
        example = "\n".join(
            line.removeprefix("#") for line in text.splitlines() if re.match(r"#   ", line)
        )
        path.write_text(f"{key}:\n{example}\n", encoding="utf-8")
    (corpus / "actors.yaml").write_text(
        (corpus / "actors.yaml").read_text(encoding="utf-8")
        + "   - {id: ruritania, kind: state, name: Ruritania}\n"
        + "   - {id: borduria, kind: state, name: Borduria}\n",
        encoding="utf-8",
    )
    graph = load(corpus)
    assert graph.actor("jane-doe").name == "Jane Doe"
    assert graph.proposition("ceasefire").label == "Ceasefire"


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "mine.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "corpus")])
    assert result.exit_code == 2
    assert "exists and is not empty" in result.stderr
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["mine.txt"]
