"""Each class of bad input: a clear error naming file, line and field; exit 2; nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph.cli import main
from tests.conftest import GRAPH_DIR, SEED_ID

CODING = f"coding/{SEED_ID}.yaml"
ARTICLE = f"articles/{SEED_ID}.txt"


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def _build_fails(graph: Path, out: Path) -> str:
    result = CliRunner().invoke(main, ["build", str(graph), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not out.exists(), "a failed build must not write anything"
    return result.stderr


def test_missing_registry_file(graph_copy: Path, tmp_path: Path) -> None:
    (graph_copy / "actors.yaml").unlink()
    message = _build_fails(graph_copy, tmp_path / "out")
    assert "actors.yaml: file not found" in message


def test_missing_graph_folder(tmp_path: Path) -> None:
    message = _build_fails(tmp_path / "nowhere", tmp_path / "out")
    assert "nowhere" in message
    assert "not a folder" in message


def test_malformed_metadata_missing_title(graph_copy: Path, tmp_path: Path) -> None:
    article = graph_copy / ARTICLE
    _replace(article, "title:", "headline:")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert re.search(rf"{re.escape(str(article))}:\d+: (title|headline): ", message), message


def test_malformed_yaml_reports_line(graph_copy: Path, tmp_path: Path) -> None:
    actors = graph_copy / "actors.yaml"
    line = _line_of(actors, "id: vladimir-putin")
    _replace(actors, "id: vladimir-putin", "id: [vladimir-putin")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert "malformed YAML" in message
    found = int(re.search(r"actors\.yaml:(\d+):", message).group(1))  # type: ignore[union-attr]
    assert line <= found <= line + 3


def test_unknown_actor_id(graph_copy: Path, tmp_path: Path) -> None:
    coding = graph_copy / CODING
    _replace(coding, "holder: keir-starmer", "holder: keir-starmr")
    line = _line_of(coding, "holder: keir-starmr")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert f"{coding}:{line}: statements[" in message
    assert "].holder: unknown actor id 'keir-starmr' (did you mean 'keir-starmer'?)" in message


def test_quote_not_in_text(graph_copy: Path, tmp_path: Path) -> None:
    coding = graph_copy / CODING
    _replace(
        coding,
        "quote: tighten sanctions on Russian revenues",
        "quote: tighten sanctions on Russian oil",
    )
    line = _line_of(coding, "tighten sanctions on Russian oil")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert f"{coding}:{line}:" in message
    assert ".quote: quote not found in the article text" in message


def test_ambiguous_quote(graph_copy: Path, tmp_path: Path) -> None:
    coding = graph_copy / CODING
    _replace(coding, "quote: tighten sanctions on Russian revenues", "quote: Sir Keir")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert "quote occurs" in message
    assert "add 'start' to say which" in message


def test_start_disambiguates_a_repeated_quote(graph_copy: Path, tmp_path: Path) -> None:
    coding = graph_copy / CODING
    text = (graph_copy / ARTICLE).read_text(encoding="utf-8").split("---\n", 2)[2]
    second = text.index("Sir Keir", text.index("Sir Keir") + 1)
    _replace(
        coding,
        "quote: tighten sanctions on Russian revenues",
        f"quote: Sir Keir\n    start: {second}",
    )
    result = CliRunner().invoke(main, ["build", str(graph_copy), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output


def test_bad_date(graph_copy: Path, tmp_path: Path) -> None:
    article = graph_copy / ARTICLE
    _replace(article, "published: 2025-03-15", "published: 2025-02-30")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert f"{article}:{_line_of(article, 'published:')}: published: " in message
    assert "is not a date" in message


def test_duplicate_id(graph_copy: Path, tmp_path: Path) -> None:
    props = graph_copy / "propositions.yaml"
    _replace(props, "id: sanctions-on-russia", "id: pressure-on-russia")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert "propositions.yaml:" in message
    assert "duplicate id 'pressure-on-russia'" in message


def test_duplicate_id_across_files(graph_copy: Path, tmp_path: Path) -> None:
    props = graph_copy / "propositions.yaml"
    _replace(props, "id: sanctions-on-russia", "id: russia")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert "duplicate id 'russia' (also in actors.yaml)" in message


def test_unsafe_id(graph_copy: Path, tmp_path: Path) -> None:
    actors = graph_copy / "actors.yaml"
    _replace(actors, "id: nato", "id: nato/../x")
    line = _line_of(actors, "id: nato/../x")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert f"{actors}:{line}: actors[" in message
    assert "is not a safe id" in message


def test_unsafe_article_file_name(graph_copy: Path, tmp_path: Path) -> None:
    (graph_copy / ARTICLE).rename(graph_copy / "articles" / "bad name.txt")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert "is not a safe article id" in message


def test_not_utf8(graph_copy: Path, tmp_path: Path) -> None:
    (graph_copy / "events.yaml").write_bytes(b"events:\n  - id: x\n    label: caf\xe9\n")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert "events.yaml:3: not valid UTF-8 text" in message


def test_unknown_field_is_named(graph_copy: Path, tmp_path: Path) -> None:
    coding = graph_copy / CODING
    _replace(coding, "polarity: support", "polarty: support")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert ".polarty: unknown field" in message


def test_failed_build_leaves_previous_exports(graph_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(graph_copy), "--out", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _replace(graph_copy / CODING, "holder: keir-starmer", "holder: nobody")
    result = CliRunner().invoke(main, ["build", str(graph_copy), "--out", str(out)])
    assert result.exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (
            ("kind: stance\n    holder: ukraine", "kind: commitment\n    holder: ukraine"),
            "only stances have a polarity",
        ),
        (("polarity: conditional", "polarity: maybe"), "polarity: Input should be"),
    ],
)
def test_statement_consistency(
    graph_copy: Path, tmp_path: Path, mutation: tuple[str, str], expected: str
) -> None:
    _replace(graph_copy / CODING, *mutation)
    message = _build_fails(graph_copy, tmp_path / "out")
    assert expected in message
    assert "Value error" not in message  # the validation library's own prefix


def test_bad_base_iri_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--base-iri", "not an iri", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "not an absolute http(s) IRI" in result.output
    assert not list(tmp_path.iterdir())


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(main, ["build", str(GRAPH_DIR), "--out", str(blocker / "out")])
    assert result.exit_code == 2
    assert "cannot write the exports" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_issuer_is_named_with_its_line(graph_copy: Path, tmp_path: Path) -> None:
    article = graph_copy / ARTICLE
    _replace(article, "published:", "issuers: [united-kingdom, atlantis]\npublished:")
    message = _build_fails(graph_copy, tmp_path / "out")
    line = _line_of(article, "issuers:")
    assert f"{article}:{line}: issuers[1]: unknown actor id 'atlantis'" in message, message


def test_unknown_text_type_lists_the_known_ones(graph_copy: Path, tmp_path: Path) -> None:
    article = graph_copy / ARTICLE
    _replace(article, "published:", "text_type: blog\npublished:")
    message = _build_fails(graph_copy, tmp_path / "out")
    assert "text_type" in message
    assert "readout" in message, message


def test_a_byte_order_mark_is_accepted(graph_copy: Path, tmp_path: Path) -> None:
    for path in (graph_copy / ARTICLE, graph_copy / CODING, graph_copy / "actors.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as Windows Notepad saves
    result = CliRunner().invoke(
        main, ["build", str(graph_copy), "--out", str(tmp_path / "out"), "--curated-only"]
    )
    assert result.exit_code == 0, result.output
    plain = CliRunner().invoke(
        main, ["build", str(GRAPH_DIR), "--out", str(tmp_path / "plain"), "--curated-only"]
    )
    assert plain.exit_code == 0
    for name in ("statements.csv", "stancegraph.nt"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes()


def test_files_that_are_not_articles_are_named(graph_copy: Path, tmp_path: Path) -> None:
    article = graph_copy / ARTICLE
    for name in ("notes.md", "upper.TXT"):
        (graph_copy / "articles" / name).write_bytes(article.read_bytes())
    result = CliRunner().invoke(
        main, ["build", str(graph_copy), "--out", str(tmp_path / "out"), "--curated-only"]
    )
    assert result.exit_code == 0, result.output
    for name in ("notes.md", "upper.TXT"):
        assert f"articles/{name}: not read (an article is a .txt file)" in result.stderr


def test_an_article_saying_we_with_no_speaker_is_named(graph_copy: Path, tmp_path: Path) -> None:
    (graph_copy / "articles" / "plain-we.txt").write_text(
        "---\ntitle: Statement\npublished: 2024-02-01\n---\n"
        "We will send more air defence systems to Ukraine. We urge Russia to withdraw.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", str(graph_copy), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "left out for want of a speaker or issuers in plain-we (2)" in result.stdout
    assert 'plain-we.txt: 2 clauses say "we" or "I" and nobody holds them' in result.stderr
