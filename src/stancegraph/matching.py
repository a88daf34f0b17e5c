"""When two statements say the same thing: the rule shared by evaluation and by the build's merge.

Two statements match when they have the same holder, the same kind, the same polarity (stances
only), evidence spans that overlap, and targets that are equal or share a content word. Pairs are
matched one to one (a maximum bipartite matching), so a prediction is credited at most once.

Examples:
    >>> words = content_words
    >>> gold = Item("putin", "stance", "conditional", ((10, 40),), words("30-day ceasefire"))
    >>> pred = Item("putin", "stance", "conditional", ((30, 60),), words("A ceasefire"))
    >>> matches(gold, pred), pair_up([gold], [pred])
    (True, [(0, 0)])

"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from stancegraph.corpus import StanceGraph
from stancegraph.model import NodeKind, Statement

# Function words and words too general to say two targets are the same thing.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "with",
        "by",
        "at",
        "from",
        "as",
        "into",
        "about",
        "against",
        "than",
        "rather",
        "after",
        "before",
        "during",
        "without",
        "under",
        "over",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "this",
        "that",
        "these",
        "those",
        "any",
        "some",
        "all",
        "more",
        "most",
        "other",
        "such",
        "be",
        "is",
        "are",
        "was",
        "were",
        "should",
        "must",
        "will",
        "would",
        "can",
        "could",
        "not",
        "no",
    ]
)
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SPELLING = {
    "defense": "defence",
    "pre-conditions": "preconditions",
    "pre-condition": "precondition",
}


def content_words(*texts: str) -> frozenset[str]:
    """The content words of ``texts``, lower-cased, plural ``-s`` and spelling variants folded.

    >>> sorted(content_words("Sanctions on Russia", "defense"))
    ['defence', 'russia', 'sanction']
    """
    out: set[str] = set()
    for text in texts:
        for found in _WORD.findall(text.lower()):
            word = _SPELLING.get(found, found)
            if word in STOPWORDS:
                continue
            plural = len(word) > 3 and word.endswith("s") and not word.endswith("ss")
            out.add(word[:-1] if plural else word)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Item:
    """A statement reduced to what matching compares; ``label`` is for people reading reports."""

    holder: str
    kind: str
    polarity: str | None
    spans: tuple[tuple[int, int], ...]
    target_words: frozenset[str]
    target_id: str | None = None
    label: str = ""
    optional: bool = False


def matches(gold: Item, pred: Item) -> bool:
    """Whether ``pred`` says what ``gold`` says (see the module docstring)."""
    if gold.holder != pred.holder or gold.kind != pred.kind:
        return False
    if gold.kind == "stance" and gold.polarity != pred.polarity:
        return False
    if not any(a < d and c < b for a, b in gold.spans for c, d in pred.spans):
        return False
    same_node = gold.target_id is not None and gold.target_id == pred.target_id
    return same_node or bool(gold.target_words & pred.target_words)


def pair_up(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """A largest one-to-one set of matching ``(gold index, pred index)`` pairs, sorted."""
    options = [[j for j, p in enumerate(pred) if matches(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def statement_item(statement: Statement, graph: StanceGraph) -> Item:
    """A statement of ``graph`` as an :class:`Item`.

    Its target's words come from its label, and a proposition's keywords or an actor's aliases.
    """
    target = statement.target
    words: list[str] = [graph.label(target)]
    kind = graph.node_kind(target)
    if kind is NodeKind.PROPOSITION:
        words += graph.proposition(target).keywords
    elif kind is NodeKind.ACTOR:
        words += graph.actor(target).aliases
    return Item(
        holder=statement.holder,
        kind=statement.kind.value,
        polarity=statement.polarity.value if statement.polarity else None,
        spans=tuple((e.start, e.end) for e in statement.evidence),
        target_words=content_words(*words),
        target_id=target,
        label=f"{graph.label(statement.holder)} {statement.kind.value}"
        + (f" ({statement.polarity.value})" if statement.polarity else "")
        + f' -> {graph.label(target)}: "{statement.evidence[0].quote}"',
    )
