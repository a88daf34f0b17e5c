"""Extraction quality floors, asserted from the output of `stancegraph evaluate` and
`stancegraph evaluate-mentions` on real articles, so that a regression fails CI."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph.cli import main
from stancegraph.evaluation import evaluate
from stancegraph.matching import Item, same_target, target_of
from tests.conftest import GRAPH_DIR, SEED_ID

DATA = Path(__file__).parent / "data"
OWN = DATA / "extraction"
REFERENCE = DATA / "reference" / f"{SEED_ID}.coding.yaml"
# Each set's pooled counts from `stancegraph evaluate` with this version: (tp, fp) scored without
# targets, then with targets. A change may lose up to TOLERANCE true positives or add up to
# TOLERANCE false alarms per figure before a test fails; a real gain is recorded here by hand.
# t1-t6 are the development articles the rules were written on; t7-t15 were held out when they
# were added (coded and committed before the extractor first ran on them), and each later round
# tuned on the set before (see tests/data/extraction/README.md), so they guard regressions only.
# Their gold codes a minister's "we" as the minister; the real corpus's conventions (and the
# extractor since 2026-12-07) make it the minister's government, which costs a few counts here.
TOLERANCE = 2
SETS: dict[str, tuple[range, tuple[int, int], tuple[int, int]]] = {
    "t1-t6": (range(1, 7), (76, 6), (63, 21)),
    "t7-t9": (range(7, 10), (28, 2), (21, 9)),
    "t10-t12": (range(10, 13), (36, 4), (22, 18)),
    "t13-t15": (range(13, 16), (25, 7), (20, 12)),
}
SEED_COUNTS = ((19, 2), (15, 6))
REAL_DEV = DATA / "real" / "dev"
# The real development part (tests/data/real): the clause model is trained on it, so these are
# in-sample figures that guard regressions; honest figures are its leave-one-batch-out ones
# (`stancegraph train --cross-validate`) and the test part's, which no test scores.
REAL_DEV_COUNTS = ((310, 57), (199, 168))
REAL_DEV_ROLES_AND_PARTICIPATION = ((164, 37), (144, 57))
MENTION_ARTICLES = ["t1_baltic_communique", "t2_minister_speech", "t3_nile_talks_report"]
ROLES_AND_PARTICIPATION = re.compile(
    r"^  role\+participation: P=\S+ R=\S+ F1=\S+ \(tp=(\d+) fp=(\d+) fn=(\d+)\)", re.M
)
POOLED = re.compile(
    r"^  stance\+commitment\+demand\+criticism: P=\S+ R=\S+ F1=\S+ \(tp=(\d+) fp=(\d+) fn=(\d+)\)",
    re.M,
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


def _within(
    report: str,
    expected: tuple[tuple[int, int], tuple[int, int]],
    pattern: re.Pattern[str] = POOLED,
) -> None:
    counts = [tuple(int(x) for x in m.groups()) for m in pattern.finditer(report)]
    assert len(counts) == len(expected), report
    for (tp, fp, _), (want_tp, want_fp) in zip(counts, expected, strict=True):
        assert tp >= want_tp - TOLERANCE, report
        assert fp <= want_fp + TOLERANCE, report


def test_seed_against_the_careful_reading(predictions: Path) -> None:
    report = _run(
        ["evaluate", "--gold", str(REFERENCE), "--pred", str(predictions / f"{SEED_ID}.yaml")]
    )
    _within(report, SEED_COUNTS)
    assert "misses (" in report
    assert "false alarms (" in report
    assert "wrong targets (" in report


@pytest.mark.parametrize("name", sorted(SETS))
def test_invented_sets_pooled(predictions: Path, tmp_path: Path, name: str) -> None:
    numbers, without_targets, with_targets = SETS[name]
    for n in numbers:
        (gold,) = (OWN / "gold").glob(f"t{n}_*.coding.yaml")
        shutil.copy(gold, tmp_path / gold.name)
    report = _run(
        [
            "evaluate",
            "--graph",
            str(OWN / "graph"),
            "--gold",
            str(tmp_path),
            "--pred",
            str(predictions),
        ]
    )
    assert report.startswith(f"pooled over {len(numbers)} articles"), report
    _within(report, (without_targets, with_targets))


def test_real_development_part_pooled(tmp_path: Path) -> None:
    graph = REAL_DEV / "graph"
    _run(["extract", str(graph / "articles"), "--graph", str(graph), "-o", str(tmp_path)])
    args = ["evaluate", "--graph", str(graph), "--gold", str(REAL_DEV / "gold")]
    report = _run([*args, "--pred", str(tmp_path)])
    assert report.startswith("pooled over 70 articles"), report
    _within(report, REAL_DEV_COUNTS)
    _within(report, REAL_DEV_ROLES_AND_PARTICIPATION, ROLES_AND_PARTICIPATION)


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
    sanctions = target_of("sanctions")
    gold = [
        Item("a", "demand", None, ((0, 10),), sanctions),
        Item("a", "commitment", None, ((20, 30),), sanctions, optional=True),
        Item("b", "commitment", None, ((40, 50),), sanctions, optional=True),
    ]
    pred = [
        Item("a", "demand", None, ((5, 8),), sanctions),
        Item("a", "commitment", None, ((25, 28),), sanctions),
    ]
    for scores in (evaluate(gold, pred).without_targets, evaluate(gold, pred).with_targets):
        score = scores["stance+commitment+demand+criticism"]
        assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_polarity_and_holder_must_agree() -> None:
    ceasefire = target_of("ceasefire")
    gold = [Item("putin", "stance", "support", ((0, 10),), ceasefire)]
    wrong_polarity = [Item("putin", "stance", "oppose", ((0, 10),), ceasefire)]
    wrong_holder = [Item("trump", "stance", "support", ((0, 10),), ceasefire)]
    no_overlap = [Item("putin", "stance", "support", ((10, 20),), ceasefire)]
    for pred in (wrong_polarity, wrong_holder, no_overlap):
        score = evaluate(gold, pred).without_targets["stance"]
        assert (score.tp, score.fp, score.fn) == (0, 1, 1)


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Russia's war", "Iran's drones", False),  # a possessive is no shared word
        ("ceasefire in Gaza", "Ceasefire in the Russia-Ukraine war", False),
        ("release of hostages", "Immediate and unconditional ceasefire", False),
        ("military aid to Ukraine", "More military aid", True),  # the same head noun
        ("deploy troops to Ukraine", "Deployment of troops", True),  # words meet by their stem
        ("aid to Ukraine", "Sanctions on Ukraine", False),  # a shared name is not enough
        ("30-day ceasefire", "30-day ceasefire", True),
    ],
)
def test_targets_match_by_head_or_substantial_overlap(gold: str, pred: str, same: bool) -> None:
    assert same_target(target_of(gold), target_of(pred)) is same


def test_targets_in_the_registry_match_only_as_the_same_node() -> None:
    assert not same_target(target_of("Russia", "russia"), target_of("Kremlin", "kremlin"))
    assert same_target(target_of("Russia", "russia"), target_of("the Russian Federation", "russia"))
    # One side unresolved: the phrases decide.
    assert same_target(target_of("sanctions on Russia"), target_of("Sanctions", "sanctions"))


def test_nothing_predicted_is_no_perfect_precision() -> None:
    gold = [Item("a", "demand", None, ((0, 10),), target_of("sanctions"))]
    line = evaluate(gold, []).without_targets["demand"].line("demand")
    assert line == "demand: P=\u2013 R=0.000 F1=0.000 (tp=0 fp=0 fn=1)"
    nothing = evaluate([], []).with_targets["criticism"].line("criticism")
    assert nothing == "criticism: P=\u2013 R=\u2013 F1=\u2013 (tp=0 fp=0 fn=0)"


def test_a_wrong_target_is_credited_without_targets_only() -> None:
    gold = [Item("a", "demand", None, ((0, 10),), target_of("sanctions on Russia"))]
    pred = [Item("a", "demand", None, ((0, 10),), target_of("a ceasefire in Gaza"))]
    evaluation = evaluate(gold, pred)
    assert evaluation.without_targets["demand"].tp == 1
    assert evaluation.with_targets["demand"].tp == 0
    assert evaluation.wrong_targets == ((gold[0], pred[0]),)


def test_reading_format_needs_an_article(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["evaluate", "--gold", str(REFERENCE), "--pred", str(REFERENCE)]
    )
    assert result.exit_code == 2
    assert "pass --article" in result.stderr
