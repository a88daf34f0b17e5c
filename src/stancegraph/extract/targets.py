"""Normalising a target phrase to a proposition of the registry, an actor, or a new proposition.

A :class:`TargetIndex` matches every proposition's keywords and label (by lower-case form and by
lemma) once per document; a target phrase takes the proposition whose match covers its head word,
else its longest match, else the broadest one (highest in the ``broader`` hierarchy): when
"sanctions" matches both "Targeted sanctions" and its narrower "Sanctions on Myanmar's
commanders" equally, only the broader one says no more than the text.

A keyword alone does not make a match: the proposition must fit the statement's context. A
proposition about named states ("Ceasefire in the Russia-Ukraine war": its *anchors* are Russia
and Ukraine, from its label, keywords and broader propositions) is taken only when an anchor is
named in the target's sentence or the two before, or is among the article's most-named actors;
never for a phrase that names another place
("a Gaza ceasefire"); a single keyword beside the phrase's head ("immediate release") is not
enough. A match refused this way gives a provisional proposition, and the statement says which
registry proposition was matched weakly and not taken.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from stancegraph.extract.mentions import How, Mentions
from stancegraph.ids import slug
from stancegraph.model import Proposition, StatementKind

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

PROVISIONAL_PREFIX = "new-"
PRONOUNS = frozenset({"it", "this", "that", "they", "them"})
SENTENCES_BACK = 2
LABEL_WORDS = 12
# An anchor among the article's most-named actors fits anywhere in it: an article on the war
# in Ukraine need not name Ukraine in every paragraph.
MAIN_PLACES = 3
# Words a label never ends on: "support for", "the release of the".
_DANGLING = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX", "PRON"})
# Entity types that name a place: a target phrase naming one is about that place.
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
SKIP_DEPS = frozenset({"det", "punct", "relcl", "advcl", "cc", "conj", "appos", "aux", "neg"})


@dataclass(frozen=True, slots=True)
class Target:
    """Where a statement points: a node id, and a label when the node is new (provisional)."""

    id: str
    label: str | None = None  # set for provisional propositions
    weak: str | None = None  # a registry proposition whose keywords matched but did not fit


class TargetIndex:
    """Keyword matchers over the registry's propositions, built once."""

    def __init__(
        self,
        nlp: Language,
        propositions: Sequence[Proposition],
        anchors: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        from spacy.matcher import PhraseMatcher  # noqa: PLC0415 - spaCy loads only for extraction

        by_id = {q.id: q for q in propositions}
        self._depth = {p.id: _depth(p, by_id) for p in propositions}
        # A proposition's anchors include its broader ones': "30-day ceasefire" under "Ceasefire
        # in the Russia-Ukraine war" is about Russia and Ukraine too.
        own = anchors or {}
        self._anchors = {p.id: _inherited(p, by_id, own) for p in propositions}
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        lemmatise = [n for n in ("tagger", "attribute_ruler", "lemmatizer") if n in nlp.pipe_names]
        for proposition in propositions:
            phrases = sorted({*proposition.keywords, proposition.label})
            self._lower.add(proposition.id, [nlp.make_doc(p) for p in phrases])
            with nlp.select_pipes(enable=lemmatise):
                self._lemma.add(proposition.id, list(nlp.pipe(phrases)))

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Every keyword match in ``doc`` as ``(start, end, proposition id)``."""
        found = {
            (start, end, doc.vocab.strings[key])
            for matcher in (self._lower, self._lemma)
            for key, start, end in matcher(doc)
        }
        return sorted(found)

    def resolve(
        self,
        target: Token,
        kind: StatementKind,
        matches: list[tuple[int, int, str]],
        mentions: Mentions,
    ) -> Target | None:
        """The node ``target``'s phrase stands for (see the module docstring for the order).

        A pronoun ("we are not ruling it out", "they are overdue") stands for the nearest
        proposition named before it, in its sentence or the two before; with none, None: a
        statement about "it" says nothing.
        """
        if target.pos_ == "PRON" and target.lower_ in PRONOUNS:
            return _antecedent(target, matches, self._depth)
        tokens = _phrase_tokens(target)
        if kind is StatementKind.CRITICISM:
            actor = _actor_in(target, mentions, demonyms=True)
            if actor is not None:
                return Target(actor)
        indexes = {t.i for t in tokens}
        inside = [(s, e, p) for s, e, p in matches if all(i in indexes for i in range(s, e))]
        fitting = [m for m in inside if self._fits(m, target, tokens, mentions)]
        if inside and not fitting:
            weak = max(inside, key=lambda m: (m[1] - m[0], -m[0], m[2]))[2]
            return replace(self.provisional(target), weak=weak)
        inside = fitting
        if inside:
            best = max(
                inside,
                key=lambda m: (
                    m[0] <= target.i < m[1],
                    m[1] - m[0],
                    -self._depth.get(m[2], 0),
                    -m[0],
                    m[2],
                ),
            )
            return Target(best[2])
        actor = _actor_in(target, mentions)
        if actor is not None:
            return Target(actor)
        return self.provisional(target)

    def _fits(
        self, match: tuple[int, int, str], target: Token, tokens: list[Token], mentions: Mentions
    ) -> bool:
        """Whether a keyword match of a proposition fits the target's context (module docstring)."""
        start, end, proposition = match
        if end - start == 1 and not start <= target.i < end and target.doc[start].pos_ != "NOUN":
            return False  # "immediate release": a modifier keyword beside another head
        anchors = self._anchors.get(proposition, frozenset())
        if not anchors:
            return True
        named = {m.actor for t in tokens if (m := mentions.at(t.i)) is not None}
        places = [t for t in tokens if t.ent_type_ in PLACE_ENTITIES and mentions.at(t.i) is None]
        if (named - anchors and not named & anchors) or (places and not named & anchors):
            return False  # "a Gaza ceasefire", "the ceasefire in Sudan"
        first = target.sent.start
        for _ in range(SENTENCES_BACK):
            if first == 0:
                break
            first = target.doc[first - 1].sent.start
        nearby = {m.actor for m in mentions.items if first <= m.start < target.sent.end}
        return bool(nearby & anchors) or bool(_main_places(mentions) & anchors)

    @staticmethod
    def provisional(target: Token, prefix: str = "") -> Target:
        """A new proposition labelled by ``target``'s phrase (after ``prefix``: "not ...")."""
        words = _clean_cut([t for t in _phrase_tokens(target) if not t.is_punct])
        label = prefix + (" ".join(words).strip() or target.text)
        return Target(PROVISIONAL_PREFIX + slug(label)[:60].strip("-"), label)


def _antecedent(
    pronoun: Token, matches: list[tuple[int, int, str]], depth: dict[str, int]
) -> Target | None:
    """The proposition named last before ``pronoun``: in the nearest sentence that names one."""
    sentence = pronoun.sent
    for _ in range(SENTENCES_BACK + 1):
        named = [
            m for m in matches if sentence.start <= m[0] and m[1] <= min(sentence.end, pronoun.i)
        ]
        if named:
            best = max(named, key=lambda m: (m[1] - m[0], -depth.get(m[2], 0), m[0], m[2]))
            return Target(best[2])
        if sentence.start == 0:
            return None
        sentence = pronoun.doc[sentence.start - 1].sent
    return None


def _main_places(mentions: Mentions) -> set[str]:
    """The actors a text names most (up to MAIN_PLACES): what the whole article is about."""
    counts = Counter(m.actor for m in mentions.items if m.how is not How.PRONOUN)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return {actor for actor, _ in ranked[:MAIN_PLACES]}


def _clean_cut(tokens: list[Token]) -> list[str]:
    """The phrase's words, cut (when too long) at a phrase boundary and never after "of", "the".

    A cut falls before a preposition or conjunction, so that "release of all hostages held in
    Gaza since October" keeps "release of all hostages held in Gaza" rather than stopping mid-way.
    """
    if len(tokens) > LABEL_WORDS:
        cuts = [k for k in range(3, LABEL_WORDS + 1) if tokens[k].pos_ in ("ADP", "CCONJ", "SCONJ")]
        tokens = tokens[: cuts[-1] if cuts else LABEL_WORDS]
    while len(tokens) > 1 and tokens[-1].pos_ in _DANGLING:
        tokens = tokens[:-1]
    return [t.text for t in tokens]


def _inherited(
    proposition: Proposition,
    by_id: dict[str, Proposition],
    own: Mapping[str, frozenset[str]],
) -> frozenset[str]:
    found, current, steps = set(own.get(proposition.id, ())), proposition, 0
    while current.broader is not None and current.broader in by_id and steps < 20:
        current, steps = by_id[current.broader], steps + 1
        found |= own.get(current.id, frozenset())
    return frozenset(found)


def _depth(proposition: Proposition, by_id: dict[str, Proposition]) -> int:
    depth, current = 0, proposition
    while current.broader is not None and current.broader in by_id and depth < 20:
        depth, current = depth + 1, by_id[current.broader]
    return depth


def _phrase_tokens(target: Token) -> list[Token]:
    """The target's phrase without determiners, relative clauses and coordinated phrases."""
    out = [target]
    for child in target.children:
        if child.dep_ not in SKIP_DEPS:
            out += [t for t in child.subtree if not t.is_space]
    return sorted(dict.fromkeys(out), key=lambda t: t.i)


def _actor_in(target: Token, mentions: Mentions, *, demonyms: bool = False) -> str | None:
    """An actor the target phrase is about: its head ("the Kremlin") or possessor ("Russia's").

    With ``demonyms`` (criticism), a demonym before the head counts too: condemning "the Houthi
    attacks" criticises the Houthis.
    """
    agents = [
        o
        for p in target.children
        if p.dep_ == "prep" and p.lower_ == "by"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    owners = [c for c in target.children if c.dep_ in ("poss", "compound")]
    # "the Kremlin", "Russia's delay", "attacks ... by the Rapid Support Forces"
    for token in (target, *owners, *agents):
        mention = mentions.at(token.i)
        if mention is not None and mention.how is not How.DEMONYM:
            return mention.actor
    if demonyms:
        for token in target.children:
            mention = mentions.at(token.i)
            if token.dep_ in ("amod", "compound") and mention is not None:
                return mention.actor
    return None
