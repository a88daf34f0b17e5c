"""When two statements say the same thing: the rule shared by evaluation and by the build's merge.

Two statements **match without targets** when they have the same holder, the same kind, the same
polarity (stances only) and evidence spans that overlap: the way an independent scorer that does
not know the project's propositions scores. They **match with targets** when, in addition, their
targets are the same thing:

- when both targets are nodes of the registry (actors, propositions, events that are not
  provisional), they must be the same node;
- otherwise the targets' phrases are compared: they match when their head nouns are the same (the
  last content word before the first preposition: "military *aid* to Ukraine"), or when they share
  at least two content words, or one that is half of the shorter phrase's words;
- names (capitalised words: "Gaza", "Ukraine") are never enough on their own, and two phrases that
  both name places or actors and share none of those names match only when they share three other
  content words ("a ceasefire in Gaza" is not "a ceasefire in the Russia-Ukraine war").

Words are compared by their first five letters, after lower-casing and folding spelling variants,
so that "deploy" meets "deployment" and "sanctions" meets "sanctioned". Pairs are matched one to
one (a maximum bipartite matching), so a prediction is credited at most once.

Examples:
    >>> gold = Item("putin", "stance", "conditional", ((10, 40),), target_of("30-day ceasefire"))
    >>> pred = Item("putin", "stance", "conditional", ((30, 60),), target_of("A ceasefire"))
    >>> matches(gold, pred), pair_up([gold], [pred])
    (True, [(0, 0)])
    >>> matches(Item("a", "demand", None, ((0, 5),), target_of("Russia's war")),
    ...         Item("a", "demand", None, ((0, 5),), target_of("Iran's drones")))
    False
    >>> gaza = Item("a", "stance", "support", ((0, 5),), target_of("ceasefire in Gaza"))
    >>> ukraine = Item("a", "stance", "support", ((0, 5),),
    ...                target_of("Ceasefire in the Russia-Ukraine war"))
    >>> matches(gaza, ukraine), matches(gaza, ukraine, targets=False)
    (False, True)

"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

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
        "new",
        "further",
    ]
)
# A target phrase's head is the last content word before the first of these words.
_HEAD_ENDS = frozenset(
    [
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "into",
        "about",
        "against",
        "over",
        "between",
        "toward",
        "towards",
        "that",
        "which",
        "who",
        "under",
        "after",
        "before",
        "during",
        "without",
        "through",
        "across",
        "amid",
    ]
)
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_SPELLING = {
    "defense": "defence",
    "pre-conditions": "preconditions",
    "pre-condition": "precondition",
    "cease-fire": "ceasefire",
}
_STEM = 5
# Phrases that name different places or actors are still the same thing when they share this many
# other content words ("clearing mines from the approaches to Odesa / to Ukraine's ports").
_SAME_TOPIC = 3


def _stem(word: str) -> str:
    word = _SPELLING.get(word, word)
    return word[:_STEM]


def content_words(*texts: str) -> frozenset[str]:
    """The content words of ``texts``: lower-cased, spelling folded, cut to their first 5 letters.

    Single letters (the ``s`` of a possessive) and :data:`STOPWORDS` are left out.

    >>> sorted(content_words("Sanctions on Russia's", "defense"))
    ['defen', 'russi', 'sanct']
    """
    out: set[str] = set()
    for text in texts:
        for token in _TOKEN.findall(text):
            word = token.lower()
            if len(word) > 1 and word not in STOPWORDS:
                out.add(_stem(word))
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Target:
    """What a statement is about, reduced to what matching compares.

    ``node`` is the registry node the target resolves to, if any; ``words`` its content words,
    ``head`` its head noun and ``names`` its capitalised words (all as :func:`content_words`).
    """

    node: str | None = None
    words: frozenset[str] = frozenset()
    head: str | None = None
    names: frozenset[str] = frozenset()


def target_of(phrase: str, node: str | None = None) -> Target:
    """The :class:`Target` of a phrase, resolved to the registry node ``node`` when given.

    >>> t = target_of("Military aid to Ukraine")
    >>> t.head, sorted(t.names), sorted(t.words)
    ('aid', ['ukrai'], ['aid', 'milit', 'ukrai'])
    """
    tokens = _TOKEN.findall(phrase.replace("\u2019", "'"))
    head: str | None = None
    names: set[str] = set()
    for token in tokens:
        word = token.lower()
        if word in _HEAD_ENDS and head is not None:
            break
        if len(word) > 1 and word not in STOPWORDS:
            head = _stem(word)
    for position, token in enumerate(tokens):
        possessive = phrase[phrase.find(token) + len(token) :].startswith("'s")
        if token[:1].isupper() and (position > 0 or possessive) and len(token) > 1:
            names.add(_stem(token.lower()))
    return Target(node, content_words(phrase), head, frozenset(names))


@dataclass(frozen=True, slots=True)
class Item:
    """A statement reduced to what matching compares; ``label`` is for people reading reports."""

    holder: str
    kind: str
    polarity: str | None
    spans: tuple[tuple[int, int], ...]
    target: Target = field(default_factory=Target)
    label: str = ""
    optional: bool = False


def same_target(gold: Target, pred: Target) -> bool:
    """Whether two targets are the same thing (see the module docstring)."""
    if gold.node is not None and pred.node is not None:
        return gold.node == pred.node
    plain_gold, plain_pred = gold.words - gold.names, pred.words - pred.names
    shared = plain_gold & plain_pred
    if gold.names and pred.names and not gold.names & pred.names and len(shared) < _SAME_TOPIC:
        return False
    if gold.head is not None and gold.head == pred.head and gold.head in plain_gold:
        return True
    shorter = min(len(plain_gold), len(plain_pred))
    return len(shared) >= 2 or (bool(shared) and 2 * len(shared) >= shorter)


def matches(gold: Item, pred: Item, *, targets: bool = True) -> bool:
    """Whether ``pred`` says what ``gold`` says, with or without comparing targets."""
    if gold.holder != pred.holder or gold.kind != pred.kind:
        return False
    if gold.kind == "stance" and gold.polarity != pred.polarity:
        return False
    if not any(a < d and c < b for a, b in gold.spans for c, d in pred.spans):
        return False
    return not targets or same_target(gold.target, pred.target)


def pair_up(
    gold: Sequence[Item], pred: Sequence[Item], *, targets: bool = True
) -> list[tuple[int, int]]:
    """A largest one-to-one set of matching ``(gold index, pred index)`` pairs, sorted."""
    options = [[j for j, p in enumerate(pred) if matches(g, p, targets=targets)] for g in gold]
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

    Its target is compared by its label (a proposition's keywords and an actor's aliases are the
    extractor's business, not evidence that two targets are the same), and by its node when that
    node is in the registry rather than provisional. A role's target is its post: "President of
    Finland", as a reader writes it, not the state alone.
    """
    target = statement.target
    label = graph.label(target)
    if statement.title is not None:
        label = f"{statement.title} of {label}"
        return Item(
            holder=statement.holder,
            kind=statement.kind.value,
            polarity=None,
            spans=tuple((e.start, e.end) for e in statement.evidence),
            target=target_of(label, None),
            label=f"{graph.label(statement.holder)} role -> {label}: "
            f'"{statement.evidence[0].quote}"',
        )
    return Item(
        holder=statement.holder,
        kind=statement.kind.value,
        polarity=statement.polarity.value if statement.polarity else None,
        spans=tuple((e.start, e.end) for e in statement.evidence),
        target=target_of(label, None if _provisional(graph, target) else target),
        label=f"{graph.label(statement.holder)} {statement.kind.value}"
        + (f" ({statement.polarity.value})" if statement.polarity else "")
        + f' -> {label}: "{statement.evidence[0].quote}"',
    )


def _provisional(graph: StanceGraph, node: str) -> bool:
    kind = graph.node_kind(node)
    if kind is NodeKind.ACTOR:
        return graph.actor(node).provisional
    if kind is NodeKind.PROPOSITION:
        return graph.proposition(node).provisional
    return graph.event(node).provisional
