"""The learned component: a linear classifier over clauses, trained on the hand-coded corpus.

For each (clause, holder) candidate of :mod:`stancegraph.extract.clause_features` it gives the
probability of each statement class (``stance:support``, ``stance:oppose``, ``commitment``,
``demand``, ``criticism``). Where the rules found nothing of a class for that holder in that
sentence and the probability reaches the model's threshold (set for precision first), the clause
becomes a finding: holder from syntax, the clause's own words as evidence, its object as target.

The weights are a JSON file shipped inside the package (``extract/models/clauses.json``), written
by ``stancegraph train`` from the project's own coded texts; scoring is a sum of weights, so no
learning library is needed at run time and nothing is downloaded.

Examples:
    >>> model = ClauseClassifier.shipped()
    >>> sorted(model.labels)
    ['commitment', 'criticism', 'demand', 'stance:oppose', 'stance:support']
    >>> 0.0 <= model.probabilities(frozenset({"p:condemn", "aux:will"}))["criticism"] <= 1.0
    True

"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stancegraph.errors import InputError
from stancegraph.extract.clause_features import OBJECT_DEPS, Candidate, candidates
from stancegraph.extract.findings import Finding
from stancegraph.extract.syntax import Context, Holders
from stancegraph.model import Polarity, StatementKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FORMAT = "stancegraph-clause-classifier/1"
RULE = "learned"
NEGATING_DETERMINERS = frozenset({"no", "neither", "nor"})
TARGET_PREPS = frozenset({"for", "to", "on", "against", "of", "with", "in"})


@dataclass(frozen=True, slots=True)
class LabelWeights:
    """One class's bias and feature weights (a logistic regression)."""

    bias: float
    weights: dict[str, float]

    def probability(self, features: frozenset[str]) -> float:
        """The probability of the class given ``features``."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))


@dataclass(frozen=True, slots=True)
class ClauseClassifier:
    """Per-class weights, the decision threshold, and what the model was trained on."""

    labels: dict[str, LabelWeights]
    threshold: float
    trained_on: str = ""

    @classmethod
    def shipped(cls) -> ClauseClassifier:
        """The model that ships with the package (read once per process)."""
        return _shipped()

    @classmethod
    def read(cls, path: Path) -> ClauseClassifier:
        """A model file written by ``stancegraph train``.

        Raises:
            InputError: the file is not such a model.

        """
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(path, "", f"cannot read the model: {error}") from None
        return cls.from_dict(data, path)

    @classmethod
    def from_dict(cls, data: Any, where: Path | None = None) -> ClauseClassifier:
        """A model from its JSON form (see :meth:`to_dict`)."""
        source = where or Path("<model>")
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(source, "format", f"not a clause classifier (expected {FORMAT!r})")
        labels = {
            name: LabelWeights(float(w["bias"]), {k: float(v) for k, v in w["weights"].items()})
            for name, w in data["labels"].items()
        }
        return cls(labels, float(data["threshold"]), str(data.get("trained_on", "")))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: sorted keys and rounded weights, so that a retrain is byte-identical."""
        return {
            "format": FORMAT,
            "trained_on": self.trained_on,
            "threshold": self.threshold,
            "labels": {
                name: {"bias": w.bias, "weights": dict(sorted(w.weights.items()))}
                for name, w in sorted(self.labels.items())
            },
        }

    def probabilities(self, features: frozenset[str]) -> dict[str, float]:
        """Each class's probability for one candidate."""
        return {name: w.probability(features) for name, w in self.labels.items()}


@cache
def _shipped() -> ClauseClassifier:
    text = resources.files("stancegraph.extract").joinpath("models/clauses.json").read_text("utf-8")
    return ClauseClassifier.from_dict(json.loads(text))


# Rules that read a phrase, not the clause: the clause itself is still the classifier's to read.
ASIDE_RULES = ("condemning-",)


def learned_findings(
    doc: Doc, ctx: Context, text_type: str, rules: list[Finding], model: ClauseClassifier
) -> list[Finding]:
    """Findings the classifier adds to the rules': one per sentence, holder and class at most."""
    # Precision first: where a rule read a sentence for a holder, the rule's reading stands (a
    # second class beside it is far more often a confusion than a second statement), and a
    # negated clause or a question is left to the rules, which know what each does to a cue.
    ruled = {
        (doc[f.quote[0]].sent.start, holder)
        for f in rules
        if not f.rule.startswith(ASIDE_RULES)  # a phrase inside the clause: the clause is unread
        for holder in f.holders.actors
    }
    taken: set[tuple[int, str, str]] = set()
    out: list[Finding] = []
    for candidate in candidates(doc, ctx, text_type, rules):
        sentence = candidate.head.sent.start
        question = candidate.head.sent.text.rstrip().endswith("?")
        if (sentence, candidate.holder) in ruled or question or _negated(candidate.head):
            continue
        for label, probability in sorted(model.probabilities(candidate.features).items()):
            key = (sentence, candidate.holder, label)
            if probability < model.threshold or key in taken:
                continue
            taken.add(key)
            out.append(_finding(candidate, label, probability, ctx))
    return out


def _negated(head: Token) -> bool:
    """Whether the clause, or what it reports, is negated.

    "did not send", "said it would send no troops", "neither troops nor money".
    """
    for clause in (head, *(c for c in head.children if c.dep_ in ("ccomp", "xcomp"))):
        for child in clause.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ in OBJECT_DEPS and any(
                c.lower_ in NEGATING_DETERMINERS for c in child.children
            ):
                return True
    return False


def _label(finding: Finding) -> str:
    polarity = finding.polarity.value if finding.polarity is not None else None
    return (
        f"{finding.kind.value}:{polarity}"
        if finding.kind is StatementKind.STANCE
        else str(finding.kind.value)
    )


def _finding(candidate: Candidate, label: str, probability: float, ctx: Context) -> Finding:
    kind, _, polarity = label.partition(":")
    target = _target(candidate.head)
    target_actor = None
    if kind == StatementKind.CRITICISM.value:
        named = [a for a in ctx.actors_of(target) if a != candidate.holder]
        target_actor = named[0] if named else None
    return Finding(
        rule=RULE,
        kind=StatementKind(kind),
        polarity=Polarity(polarity) if polarity else None,
        holders=Holders((candidate.holder,), "learned"),
        target=None if target_actor else target,
        target_actor=target_actor,
        quote=candidate.own,
        confidence=round(probability, 3),
    )


def _target(head: Token) -> Token:
    """What the clause is about: its object, else the object of its first telling preposition."""
    for child in head.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ in ("xcomp", "ccomp"):
            return child
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return head
