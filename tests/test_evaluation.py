"""Extraction quality floors, asserted from the output of `stancegraph evaluate` and
`stancegraph evaluate-mentions` on real articles, so that a regression fails CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph.cli import main
from stancegraph.evaluation import evaluate
from stancegraph.matching import Item, content_words
from tests.conftest import GRAPH_DIR, SEED_ID

DATA = Path(__file__).parent / "data"
OWN = DATA / "extraction"
REFERENCE = DATA / "reference" / f"{SEED_ID}.coding.yaml"
# Development articles: the extractor was tuned on these (t4-t6 after their held-out first run,
# whose figures the README keeps apart), so they must reach the development targets.
OWN_ARTICLES = [
    "t1_baltic_communique",
    "t2_minister_speech",
    "t3_nile_talks_report",
    "t4_g7_red_sea_statement",
    "t5_security_council_report",
    "t6_defence_press_conference",
]
MENTION_ARTICLES = OWN_ARTICLES[:3]  # the others' mentions are not labelled
# Held out: coded by hand and committed before the extractor first ran on them. t7-t9 were run
# once more after a round of work on the development articles only; their floors are that run's
# figures (precision, F1), rounded down (a later round tuned on them, so they now guard against
# regressions only). t10-t12's floors are their first run's figures (a later round tuned on
# them). t13-t15's are their figures with this version, whose rounds never read them: far below
# the development targets, because that is what the extractor honestly reaches on text it was
# not tuned on. A higher floor needs a real gain, not tuning on these texts.
HELD_OUT_FLOORS = {
    "t7_arms_control_talks": (1.0, 0.48),
    "t8_shoal_collision": (0.62, 0.40),
    "t9_eu_belarus_sanctions": (0.90, 0.66),
    "t10_au_south_sudan_summit": (0.73, 0.64),
    "t11_nato_air_defence_ministers": (0.80, 0.48),
    "t12_un_myanmar_aid_vote": (0.83, 0.38),
    "t13_black_sea_grain_talks": (0.72, 0.57),
    "t14_caucasus_treaty_signing": (0.70, 0.40),
    "t15_g20_frozen_assets": (0.60, 0.41),
}
LINE = re.compile(
    r"^stance\+commitment\+demand\+criticism: P=([\d.]+) R=([\d.]+) F1=([\d.]+)", re.M
)


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def predictions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pred")
    _run(["extract", str(GRAPH_DIR / "articles"), "-o", str(out)])
    _run(
        ["extract", str(OWN / "graph" / "articles"), "--graph", str(OWN / "graph"), "-o", str(out)]
    )
    return out


def _figures(report: str) -> tuple[float, float, float]:
    found = LINE.search(report)
    assert found, report
    p, r, f1 = (float(x) for x in found.groups())
    return p, r, f1


def test_seed_against_the_careful_reading(predictions: Path) -> None:
    report = _run(
        ["evaluate", "--gold", str(REFERENCE), "--pred", str(predictions / f"{SEED_ID}.yaml")]
    )
    precision, _, f1 = _figures(report)
    assert precision >= 0.85, report
    assert f1 >= 0.75, report
    assert "misses (" in report
    assert "false alarms (" in report


def _own_report(predictions: Path, name: str) -> str:
    return _run(
        [
            "evaluate",
            "--graph",
            str(OWN / "graph"),
            "--gold",
            str(OWN / "gold" / f"{name}.coding.yaml"),
            "--pred",
            str(predictions / f"{name}.yaml"),
        ]
    )


@pytest.mark.parametrize("name", OWN_ARTICLES)
def test_own_articles_against_their_hand_coding(predictions: Path, name: str) -> None:
    report = _own_report(predictions, name)
    precision, _, f1 = _figures(report)
    assert precision >= 0.85, report
    assert f1 >= 0.75, report


@pytest.mark.parametrize("name", sorted(HELD_OUT_FLOORS))
def test_held_out_articles_against_their_hand_coding(predictions: Path, name: str) -> None:
    report = _own_report(predictions, name)
    precision, _, f1 = _figures(report)
    min_precision, min_f1 = HELD_OUT_FLOORS[name]
    assert precision >= min_precision, report
    assert f1 >= min_f1, report


def _accuracy(args: list[str]) -> tuple[int, int]:
    report = _run(["evaluate-mentions", *args])
    found = re.search(r"accuracy=[\d.]+ \((\d+)/(\d+)\)", report)
    assert found, report
    return int(found.group(1)), int(found.group(2))


def test_seed_mentions_linked() -> None:
    correct, total = _accuracy([str(OWN / "mentions" / f"{SEED_ID}.mentions.yaml")])
    assert total >= 50
    assert correct / total >= 0.95


def test_own_articles_mentions_linked() -> None:
    correct = total = 0
    for name in MENTION_ARTICLES:
        right, labelled = _accuracy(
            ["--graph", str(OWN / "graph"), str(OWN / "mentions" / f"{name}.mentions.yaml")]
        )
        correct, total = correct + right, total + labelled
    assert total >= 50
    assert correct / total >= 0.95


def test_optional_gold_items_count_neither_way() -> None:
    words = content_words("sanctions")
    gold = [
        Item("a", "demand", None, ((0, 10),), words),
        Item("a", "commitment", None, ((20, 30),), words, optional=True),
        Item("b", "commitment", None, ((40, 50),), words, optional=True),
    ]
    pred = [
        Item("a", "demand", None, ((5, 8),), words),
        Item("a", "commitment", None, ((25, 28),), words),
    ]
    score = evaluate(gold, pred).scores["stance+commitment+demand+criticism"]
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_polarity_and_holder_must_agree() -> None:
    words = content_words("ceasefire")
    gold = [Item("putin", "stance", "support", ((0, 10),), words)]
    wrong_polarity = [Item("putin", "stance", "oppose", ((0, 10),), words)]
    wrong_holder = [Item("trump", "stance", "support", ((0, 10),), words)]
    no_overlap = [Item("putin", "stance", "support", ((10, 20),), words)]
    for pred in (wrong_polarity, wrong_holder, no_overlap):
        score = evaluate(gold, pred).scores["stance"]
        assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_reading_format_needs_an_article(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["evaluate", "--gold", str(REFERENCE), "--pred", str(REFERENCE)]
    )
    assert result.exit_code == 2
    assert "pass --article" in result.stderr
