"""``stancegraph evaluate``: precision, recall and F1 of a coding against a gold coding.

Statements match by the rule of :mod:`stancegraph.matching`, scored twice: **without targets**
(holder, kind, polarity, overlapping evidence: how an independent scorer that does not know the
project's propositions scores) and **with targets** (also the same target). Stances, commitments,
demands and criticism are scored together and per kind; roles and participation are reported
apart so that they do not swamp them. ``optional: true`` gold items count neither as a miss nor as
a false alarm. A figure with nothing to divide by is printed as a dash (U+2013), never as a
perfect score.

Reading files, one pair or a folder of them pooled, is :mod:`stancegraph.evaluation_files`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from stancegraph.matching import Item, pair_up

POSITION_KINDS = ("stance", "commitment", "demand", "criticism")
OTHER_KINDS = ("role", "participation")
POSITIONS = "stance+commitment+demand+criticism"
OTHERS = "role+participation"
GROUPS: dict[str, tuple[str, ...]] = {
    POSITIONS: POSITION_KINDS,
    **{k: (k,) for k in POSITION_KINDS},
    OTHERS: OTHER_KINDS,
    **{k: (k,) for k in OTHER_KINDS},
}
DASH = "\u2013"


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _shown(value: float | None) -> str:
    return DASH if value is None else f"{value:.3f}"


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of true positives, false alarms and misses, and the figures they give.

    >>> print(Score(0, 0, 4).line("x").replace(DASH, "-"))
    x: P=- R=0.000 F1=0.000 (tp=0 fp=0 fn=4)
    >>> (Score(3, 1, 0) + Score(1, 0, 4)).line("pooled")
    'pooled: P=0.800 R=0.500 F1=0.615 (tp=4 fp=1 fn=4)'
    """

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """Tp / (tp + fp); None when nothing was predicted."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """Tp / (tp + fn); None when there was nothing to find."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """2 tp / (2 tp + fp + fn); None when there was nothing to find and nothing found."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def line(self, name: str) -> str:
        """One report line: ``name: P=0.900 R=0.650 F1=0.755 (tp=.. fp=.. fn=..)``."""
        return (
            f"{name}: P={_shown(self.precision)} R={_shown(self.recall)} F1={_shown(self.f1)} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def _scores(gold: Sequence[Item], pred: Sequence[Item], *, targets: bool) -> dict[str, Score]:
    pairs = pair_up(gold, pred, targets=targets)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    out: dict[str, Score] = {}
    for name, kinds in GROUPS.items():
        tp = sum(1 for i, _ in pairs if gold[i].kind in kinds and not gold[i].optional)
        fp = sum(1 for j, p in enumerate(pred) if j not in matched_pred and p.kind in kinds)
        fn = sum(
            1
            for i, g in enumerate(gold)
            if i not in matched_gold and not g.optional and g.kind in kinds
        )
        out[name] = Score(tp, fp, fn)
    return out


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores per group and kind, without and with targets, and what did not match."""

    without_targets: dict[str, Score]
    with_targets: dict[str, Score]
    misses: tuple[Item, ...]
    """Gold items no prediction matches, even without comparing targets."""
    false_alarms: tuple[Item, ...]
    """Predictions that match no gold item, even without comparing targets."""
    wrong_targets: tuple[tuple[Item, Item], ...] = ()
    """(gold, prediction) pairs that match without targets but not with them."""

    def __add__(self, other: Evaluation) -> Evaluation:
        return Evaluation(
            {k: v + other.without_targets[k] for k, v in self.without_targets.items()},
            {k: v + other.with_targets[k] for k, v in self.with_targets.items()},
            self.misses + other.misses,
            self.false_alarms + other.false_alarms,
            self.wrong_targets + other.wrong_targets,
        )

    def summary(self) -> str:
        """The score lines, without and with targets."""
        lines: list[str] = []
        for title, scores in (
            (
                "without targets (holder, kind, polarity, overlapping evidence)",
                self.without_targets,
            ),
            ("with targets (also the same target)", self.with_targets),
        ):
            lines.append(f"{title}:")
            for group in (POSITIONS, OTHERS):
                lines.append("  " + scores[group].line(group))
                lines += ["    " + scores[k].line(k) for k in GROUPS[group] if k != group]
        return "\n".join(lines) + "\n"

    def report(self) -> str:
        """The text ``stancegraph evaluate`` prints: the scores, then every item not credited."""
        lines = [self.summary().rstrip("\n"), f"misses ({len(self.misses)}):"]
        lines += [f"  - {i.label}" for i in self.misses]
        lines.append(f"false alarms ({len(self.false_alarms)}):")
        lines += [f"  - {i.label}" for i in self.false_alarms]
        lines.append(f"wrong targets ({len(self.wrong_targets)}):")
        lines += [f"  - {g.label}\n    found: {p.label}" for g, p in self.wrong_targets]
        return "\n".join(lines) + "\n"


def evaluate(gold: Sequence[Item], pred: Sequence[Item]) -> Evaluation:
    """Match ``pred`` against ``gold`` and count, without and with targets.

    >>> from stancegraph.matching import target_of as t
    >>> g = [Item("a", "demand", None, ((0, 9),), t("sanctions"))]
    >>> p = [Item("a", "demand", None, ((5, 20),), t("new sanctions")),
    ...      Item("b", "stance", "support", ((30, 40),), t("talks"))]
    >>> print(evaluate(g, p).without_targets["stance+commitment+demand+criticism"].line("x"))
    x: P=0.500 R=1.000 F1=0.667 (tp=1 fp=1 fn=0)

    """
    loose = pair_up(gold, pred, targets=False)
    strict = set(pair_up(gold, pred, targets=True))
    matched_gold = {i for i, _ in loose}
    matched_pred = {j for _, j in loose}
    strict_gold = {i for i, _ in strict}
    return Evaluation(
        without_targets=_scores(gold, pred, targets=False),
        with_targets=_scores(gold, pred, targets=True),
        misses=tuple(g for i, g in enumerate(gold) if i not in matched_gold and not g.optional),
        false_alarms=tuple(p for j, p in enumerate(pred) if j not in matched_pred),
        wrong_targets=tuple(
            (gold[i], pred[j]) for i, j in loose if i not in strict_gold and not gold[i].optional
        ),
    )


def pooled(evaluations: Iterable[Evaluation]) -> Evaluation:
    """The evaluations of several articles added up (counts pooled, not figures averaged)."""
    total = Evaluation(
        {k: Score(0, 0, 0) for k in GROUPS}, {k: Score(0, 0, 0) for k in GROUPS}, (), ()
    )
    for evaluation in evaluations:
        total = total + evaluation
    return total
