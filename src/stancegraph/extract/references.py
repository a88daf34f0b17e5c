"""References to actors that do not name them: "it", "they", "his government", "the initiative".

Names, roles and person pronouns are found by :mod:`stancegraph.extract.mentions`; this module then
resolves, in document order (so that a reference may point at an earlier one), the references
that stand for states, organisations and groups:

- "it"/"its" and "they"/"their" as a subject or possessor: the actors named by the subject of the
  nearest clause above the pronoun ("Russia and China said they could not ..." is both; "Kenya
  welcomed the draft but said it wanted ..." is Kenya), else by the main subject of the previous
  sentence of the same paragraph. If that subject names no actor, or the wrong number ("it" for
  two, "they" for one), or a person for "it", the pronoun is left alone: "it" may well be the plan
  or the text, and no statement is better than a wrong one. Expletive "it" ("it is premature
  to ...") is never resolved.
- "his government", "her country", "Egypt's government" (nouns listed as ``state_nouns`` in the
  lexicon): the state itself, or the state the person served on the article's date; "the
  Russian foreign ministry" (after a demonym): that state.
- "the initiative", "the commission": the one actor named earlier in the article whose name of
  several words has that singular head noun ("the Baltic Cable Security Initiative").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from stancegraph.extract.lexicon import Lexicon
from stancegraph.extract.mentions import How, Mention, Mentions
from stancegraph.extract.syntax import RELATIVE_PRONOUNS, SUBJECT_DEPS, conjuncts
from stancegraph.model import Actor, ActorKind, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SINGULAR = frozenset({"it", "its"})
PLURAL = frozenset({"they", "their"})
# Only a subject or a possessor is resolved: "ruling it out" or "walk away from it" is a thing.
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# How many sentences back, within the paragraph, a pronoun looks for the subject it repeats.
SENTENCES_BACK = 2
COPULAS = frozenset({"be", "seem", "appear", "remain"})


@dataclass(frozen=True, slots=True)
class ReferenceIndex:
    """What resolving references needs from the registry, built once per registry.

    Examples:
        >>> from stancegraph.extract.pipeline import Extractor
        >>> from stancegraph.loading import load
        >>> extractor = Extractor.for_graph(load("graph"))
        >>> doc = extractor.nlp("Russia and China said they could not support the text.")
        >>> found = extractor.actor_index.find(doc, date(2031, 10, 8))
        >>> extractor.references.resolve(doc, found, date(2031, 10, 8))
        >>> found.at(4).actors
        ('russia', 'china')

    """

    kinds: Mapping[str, ActorKind]
    part_of: Mapping[str, str]
    roles: Sequence[Role]
    heads: Mapping[str, tuple[str, ...]]  # a name's head noun -> the actors it can stand for
    state_nouns: frozenset[str]
    agentive: frozenset[str]  # "it is ready to ...": adjectives whose "it" is an actor

    @classmethod
    def build(
        cls, actors: Iterable[Actor], roles: Sequence[Role], lexicon: Lexicon
    ) -> ReferenceIndex:
        """The index over a registry's actors and roles, with the lexicon's word lists."""
        actors = list(actors)
        heads: dict[str, list[str]] = {}
        for actor in actors:
            head = _name_head(actor.name)
            if head is not None and actor.kind is not ActorKind.PERSON:
                heads.setdefault(head, []).append(actor.id)
        return cls(
            kinds={a.id: a.kind for a in actors},
            part_of={a.id: a.part_of for a in actors if a.part_of is not None},
            roles=tuple(roles),
            heads={k: tuple(v) for k, v in heads.items()},
            state_nouns=lexicon.state_nouns,
            agentive=frozenset(lexicon.adjectives),
        )

    def resolve(self, doc: Doc, found: Mentions, day: date) -> None:
        """Add to ``found`` a mention for every reference this module can resolve safely."""
        paragraph = _paragraphs(doc)
        sentences = list(doc.sents)
        sentence_of = {t.i: n for n, sent in enumerate(sentences) for t in sent}
        named_before: set[str] = set()
        for token in doc:
            mention = found.at(token.i)
            if mention is not None:
                if mention.how is How.NAME:
                    named_before.add(mention.actor)
                continue
            word = token.lower_
            actors: tuple[str, ...] = ()
            how, start = How.PRONOUN, token.i
            if token.pos_ == "PRON" and word in SINGULAR | PLURAL and token.dep_ in PRONOUN_DEPS:
                if word != "it" or not _expletive(token, self.agentive):
                    subject = _governing_subject(token) or _previous_subject(
                        token, sentences, sentence_of, paragraph
                    )
                    actors = self._agreeing(token, subject, found) if subject is not None else ()
            elif _common_noun(token) and token.lemma_.lower() in self.state_nouns:
                actors, how = self._state_of_owner(token, found, day)
            elif token.tag_ == "NN" and word in self.heads and _bare_definite(token):
                earlier = [a for a in self.heads[word] if a in named_before]
                if len(earlier) == 1:
                    actors, how, start = (earlier[0],), How.DESCRIPTION, token.i - 1
            if actors:
                found.add(Mention(start, token.i + 1, actors[0], how, actors[1:]))

    def _kind(self, actor: str, found: Mentions) -> ActorKind | None:
        provisional = found.provisional.get(actor)
        return provisional.kind if provisional is not None else self.kinds.get(actor)

    def _agreeing(self, pronoun: Token, subject: Token, found: Mentions) -> tuple[str, ...]:
        """The actors ``subject`` names, if they agree in number (and kind) with ``pronoun``."""
        actors: list[str] = []
        for head in (subject, *conjuncts(subject)):
            mention = found.at(head.i)
            if mention is None or mention.how is How.DEMONYM:
                return ()  # "Russia and the text": not a group of actors
            actors += mention.actors
        unique = tuple(dict.fromkeys(actors))
        if pronoun.lower_ in SINGULAR:
            single = len(unique) == 1 and self._kind(unique[0], found) is not ActorKind.PERSON
            return unique if single else ()
        plural_name = len(unique) == 1 and subject.tag_ in ("NNPS", "NNS")  # "the Houthis"
        return unique if len(unique) > 1 or plural_name else ()

    def _state_of_owner(
        self, noun: Token, found: Mentions, day: date
    ) -> tuple[tuple[str, ...], How]:
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        mention = found.at(owner.i) if owner is not None else None
        if owner is None:
            # "the Russian foreign ministry": a demonym names the state itself.
            modifiers = (found.at(c.i) for c in noun.children if c.dep_ in ("amod", "compound"))
            states = {m.actor for m in modifiers if m is not None and m.how is How.DEMONYM}
            if len(states) == 1:
                return (states.pop(),), How.DESCRIPTION
        if mention is None or mention.how is How.DEMONYM or mention.others:
            return (), How.PRONOUN
        how = How.PRONOUN if mention.how is How.PRONOUN else How.DESCRIPTION
        state = self._state(mention.actor, found, day)
        return ((state,), how) if state is not None else ((), how)

    def _state(self, actor: str, found: Mentions, day: date) -> str | None:
        """The state ``actor`` is, belongs to, or (a person) served on ``day``, if just one."""
        kind = self._kind(actor, found)
        if kind is ActorKind.STATE:
            return actor
        if kind is ActorKind.GOVERNMENT_BODY:
            owner = self.part_of.get(actor)
            return owner if owner and self.kinds.get(owner) is ActorKind.STATE else None
        if kind is not ActorKind.PERSON:
            return None
        states = {
            state
            for role in self.roles
            if role.holder == actor and role.held_on(day)
            for state in [self._state(role.organisation, found, day)]
            if state is not None
        }
        return states.pop() if len(states) == 1 else None


def _common_noun(token: Token) -> bool:
    """A singular common noun, or a lower-case one the tagger called proper ("foreign ministry")."""
    return token.tag_ == "NN" or (token.tag_ == "NNP" and token.text.islower())


def _name_head(name: str) -> str | None:
    """The head noun of a name of several words: "initiative", "coalition" (before "of")."""
    words = name.split()
    if len(words) < 2:
        return None
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.lower() if head[:1].isupper() and not head.lower().endswith("s") else None


def _bare_definite(token: Token) -> bool:
    """Whether ``token`` is a bare "the NOUN" ("the initiative", not "the new initiative")."""
    before = [c for c in token.children if c.i < token.i]
    return len(before) == 1 and before[0].lower_ == "the" and before[0].i == token.i - 1


def _expletive(token: Token, agentive: frozenset[str]) -> bool:
    """Whether "it" stands for what follows: "it is premature to ...", "it seems that ...".

    Not before an adjective of the lexicon, whose subject acts: "it is ready to send ...".
    """
    head = token.head
    if token.dep_ == "expl":
        return True
    if head.lemma_.lower() not in COPULAS:
        return False
    later = [c for c in head.children if c.i > token.i]
    return any(c.dep_ in ("ccomp", "xcomp") for c in later) or any(
        g.dep_ in ("ccomp", "xcomp")
        for c in later
        if c.dep_ in ("acomp", "attr") and c.lower_ not in agentive
        for g in c.children
    )


def _governing_subject(token: Token) -> Token | None:
    """The subject of the nearest clause above ``token`` that precedes it and does not hold it."""
    for ancestor in token.ancestors:
        for child in ancestor.children:
            if child.dep_ not in SUBJECT_DEPS or child.i >= token.i:
                continue
            if child.left_edge.i <= token.i <= child.right_edge.i:
                continue  # the pronoun's own phrase: "its delegation said"
            if child.lower_ in RELATIVE_PRONOUNS:
                continue  # "an agreement that limited its arsenal": look further up
            return child
    return None


def _previous_subject(
    token: Token, sentences: list[Span], sentence_of: dict[int, int], paragraph: dict[int, int]
) -> Token | None:
    """The main subject of the nearest earlier sentence of the paragraph that has one."""
    here = sentence_of[token.i]
    for n in range(here - 1, max(-1, here - 1 - SENTENCES_BACK), -1):
        sentence = sentences[n]
        if paragraph[sentence.root.i] != paragraph[token.i]:
            return None
        subject = next((c for c in sentence.root.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
    return None


def _paragraphs(doc: Doc) -> dict[int, int]:
    """The paragraph number of every token: a token holding a line break starts a new one."""
    out: dict[int, int] = {}
    number = 0
    for token in doc:
        if "\n" in token.text:
            number += 1
        out[token.i] = number
    return out
