"""Bad input to `stancegraph extract`: a clear message or an empty result, never a traceback,
and nothing half-written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from stancegraph.cli import main
from tests.conftest import GRAPH_DIR, SEED_ID

HEAD = "---\ntitle: T\npublished: 2025-03-15\n---\n"


def _article(folder: Path, name: str, body: str | bytes) -> Path:
    path = folder / f"{name}.txt"
    if isinstance(body, bytes):
        path.write_bytes(HEAD.encode() + body)
    else:
        path.write_text(HEAD + body, encoding="utf-8")
    return path


def _extract(*paths: Path, out: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *map(str, paths), "-o", str(out)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def _statements(path: Path) -> list[object]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    statements: list[object] = data["statements"]
    return statements


def test_empty_article_is_a_clear_error_and_nothing_is_written(tmp_path: Path) -> None:
    empty = _article(tmp_path, "empty", "\n")
    out = tmp_path / "out"
    code, _, err = _extract(GRAPH_DIR / "articles" / f"{SEED_ID}.txt", empty, out=out)
    assert code == 2
    assert f"{empty}:" in err
    assert "no text" in err
    assert not out.exists()


def test_article_naming_no_actor_gives_an_empty_coding(tmp_path: Path) -> None:
    path = _article(tmp_path, "weather", "It rained all day in the valley. The river rose.\n")
    code, _, _ = _extract(path, out=tmp_path / "out")
    assert code == 0
    assert _statements(tmp_path / "out" / "weather.yaml") == []


def test_non_english_text_gives_a_warning_and_an_empty_coding(tmp_path: Path) -> None:
    body = (
        "Der Bundeskanzler sagte am Montag, dass die Regierung einen Waffenstillstand "
        "unterstütze und die Sanktionen gegen Russland verschärfen wolle.\n"
    )
    path = _article(tmp_path, "deutsch", body)
    code, _, err = _extract(path, out=tmp_path / "out")
    assert code == 0
    assert "does not look like English" in err
    assert _statements(tmp_path / "out" / "deutsch.yaml") == []


def test_non_english_language_metadata(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text("---\ntitle: T\npublished: 2025-03-15\nlanguage: fr\n---\nPutin a dit non.\n")
    code, _, err = _extract(path, out=tmp_path / "out")
    assert code == 0
    assert "language 'fr' is not supported" in err


def test_non_utf8_file_is_a_clear_error(tmp_path: Path) -> None:
    path = _article(tmp_path, "latin1", "Putin backed the plan.\nCaf\xe9".encode("latin-1"))
    out = tmp_path / "out"
    code, _, err = _extract(path, out=out)
    assert code == 2
    assert f"{path}:6: not valid UTF-8 text" in err
    assert not out.exists()


def test_five_megabyte_article_gives_a_warning_and_an_empty_coding(tmp_path: Path) -> None:
    sentence = "Putin backed a ceasefire in the talks with the United States. "
    path = _article(tmp_path, "huge", sentence * (5_000_000 // len(sentence) + 1))
    assert path.stat().st_size > 5_000_000
    code, _, err = _extract(path, out=tmp_path / "out")
    assert code == 0
    assert "characters long" in err
    assert "split it" in err
    assert _statements(tmp_path / "out" / "huge.yaml") == []


def test_missing_article_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = _extract(tmp_path / "nope.txt", out=tmp_path / "out")
    assert code == 2
    assert "nope.txt: file not found" in err
