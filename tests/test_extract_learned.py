"""The learned component, the training command, `extract --explain`, bare-title aliases and
targets that must fit their context, on real texts and small made-up registries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph.cli import main
from stancegraph.extract.classifier import ClauseClassifier
from stancegraph.extract.nlp import load_model
from stancegraph.extract.pipeline import Extractor
from stancegraph.gazetteer import with_gazetteer
from stancegraph.loading import load
from stancegraph.model import Actor, ActorKind, Article, Role
from stancegraph.training import corpus_examples, model_json, train

REAL_DEV = Path(__file__).parent / "data" / "real" / "dev"
TRUDEAU = REAL_DEV / "graph" / "articles" / "d5_03_trudeau-zelenskyy-call-jan-2022.txt"


@pytest.fixture(scope="module")
def dev_examples() -> list[object]:
    return list(corpus_examples(REAL_DEV))


def test_training_is_deterministic_and_labels_the_coded_clauses(dev_examples: list[object]) -> None:
    examples = corpus_examples(REAL_DEV, articles={TRUDEAU.stem})
    assert examples
    assert any(e.labels for e in examples)
    assert all(e.article == TRUDEAU.stem for e in examples)
    first = model_json(train(dev_examples, trained_on="x"))  # type: ignore[arg-type]
    assert model_json(train(dev_examples, trained_on="x")) == first  # type: ignore[arg-type]


def test_the_shipped_model_is_what_the_dev_corpus_trains(dev_examples: list[object]) -> None:
    shipped = ClauseClassifier.shipped()
    again = train(dev_examples, threshold=shipped.threshold, trained_on=shipped.trained_on)  # type: ignore[arg-type]
    shipped_file = Path(__file__).parents[1] / "src/stancegraph/extract/models/clauses.json"
    assert model_json(again) == shipped_file.read_text(encoding="utf-8")


def test_the_classifier_adds_statements_the_rules_miss() -> None:
    graph = load(REAL_DEV / "graph")
    rules_only = Extractor.for_graph(graph, classifier=None)
    with_model = Extractor.for_graph(graph)
    added = 0
    for article in graph.articles[:12]:
        rules = rules_only.extract(article).statements
        both = with_model.extract(article).statements
        learned = [s for s in both if s.provenance.rule == "learned"]
        assert len(both) == len(rules) + len(learned)
        assert all(0.0 < (s.provenance.confidence or 0) <= 1.0 for s in learned)
        added += len(learned)
    assert added


def test_explain_says_what_was_found_and_why_not() -> None:
    args = ["extract", "--explain", str(TRUDEAU), "--graph", str(REAL_DEV / "graph")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{TRUDEAU.stem}: 10 sentences")
    assert "  + criticism by justin-trudeau" in result.output
    assert "below the threshold" in result.output


def test_a_bare_title_alias_is_whoever_holds_the_title_and_was_named_last() -> None:
    actors = with_gazetteer(
        [
            Actor("rishi-sunak", ActorKind.PERSON, "Rishi Sunak", ("the Prime Minister",)),
            Actor("justin-trudeau", ActorKind.PERSON, "Justin Trudeau"),
        ]
    )
    roles = [
        Role("rishi-sunak", "Prime Minister", "united-kingdom", date(2022, 10, 25)),
        Role("justin-trudeau", "Prime Minister", "canada", date(2015, 11, 4)),
    ]
    extractor = Extractor(load_model(), actors, roles, [], classifier=None)

    def holders(text: str) -> list[str]:
        article = Article("t", "T", date(2023, 1, 5), text)
        return [
            s.holder for s in extractor.extract(article).statements if s.kind.value == "criticism"
        ]

    named = "Prime Minister Justin Trudeau met reporters. The Prime Minister condemned the attack."
    assert holders(named) == ["justin-trudeau"]
    roles = extractor.extract(Article("t", "T", date(2023, 1, 5), named)).statements
    assert [(s.holder, s.title, s.target) for s in roles if s.kind.value == "role"] == [
        ("justin-trudeau", "Prime Minister", "canada")
    ]
    assert holders("The Prime Minister condemned the attack.") == ["rishi-sunak"]


def test_a_keyword_alone_does_not_cross_conflicts() -> None:
    extractor = Extractor.for_graph(load("graph"), classifier=None)

    def targets(text: str) -> list[tuple[str, str]]:
        article = Article("t", "T", date(2024, 3, 1), text)
        return [(s.target, s.note or "") for s in extractor.extract(article).statements]

    [(target, note)] = targets("Britain called for a ceasefire in Gaza.")
    assert target == "new-ceasefire-in-gaza"
    assert "'ceasefire' of the registry matched weakly" in note
    assert [t for t, _ in targets("Russia attacked Ukraine. Britain called for a ceasefire.")] == [
        "ceasefire"
    ]
