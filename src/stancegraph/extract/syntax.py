"""Who holds a position: grammatical subjects, reported speakers and collectives.

The rule from the anchors (GDELT, PETRARCH): never pair an actor with a cue outside the cue's
syntactic reach. A holder is the subject of the cue's clause, reached only through links that
share the subject (coordination, participles, ``to``-infinitives), or the speaker of a reporting
verb above it. Any other subject (a noun that is not an actor) means no holder: no statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from stancegraph.extract.lexicon import Lexicon
from stancegraph.extract.mentions import FIRST_PERSON, How, Mentions
from stancegraph.extract.turns import Turns, in_turn, speaker_at
from stancegraph.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
EXPLETIVES = frozenset({"it", "there", "this"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours"})
# Links along which a clause without its own subject shares the subject of its head.
# Modifiers that give a plural noun an owner of its own: "NATO leaders", "Europe's leaders".
OWNING_DEPS = frozenset({"compound", "nmod", "poss", "amod", "prep"})
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "acomp"})
MAX_CLIMB = 8
PLURAL_MINIMUM = 2
THEY_AFTER_MEETING = 2  # sentences


@dataclass(frozen=True, slots=True)
class Holders:
    """Actors holding a position and how they were found (for the confidence)."""

    actors: tuple[str, ...]
    via: str  # subject | pronoun | speaker | collective


@dataclass(frozen=True, slots=True)
class Context:
    """What the holder rules need to know about one document."""

    mentions: Mentions
    lexicon: Lexicon
    speaker: str | None  # the article's first-person speaker, if its metadata names one
    collective: str | None  # the one coalition (else organisation) the article names, if any
    kinds: dict[str, ActorKind]
    turns: Turns = ()  # a transcript's labelled turns: each has its own speaker
    issuers: tuple[str, ...] = ()  # whose "we" the text is (an institution, a group, governments)
    # Who took part in each meeting, call or visit the text states: (token, event, participants).
    meetings: tuple[tuple[int, str, tuple[str, ...]], ...] = ()

    def participants_before(
        self, token: Token, kind: ActorKind, *, within: int | None = None
    ) -> tuple[str, ...]:
        """The actors of ``kind`` of the last meeting stated before ``token``, if two or more.

        "Sunak spoke to Zelenskyy ... The two leaders agreed": the leaders are its participants.
        With ``within``, only a meeting at most that many sentences back counts.
        """
        before = [m for m in self.meetings if m[0] < token.i]
        if not before:
            return ()
        start, event, _ = before[-1]
        if within is not None and _sentences_between(token, start) > within:
            return ()
        # Every statement of the same event counts: a later mention may name fewer of them.
        actors = dict.fromkeys(a for _, e, found in before if e == event for a in found)
        wanted = tuple(a for a in actors if self.kinds.get(a) is kind)
        return wanted if len(wanted) >= PLURAL_MINIMUM else ()

    def speaker_for(self, token: Token) -> str | None:
        """Who "I" and "we" are at ``token``: its turn's speaker, else the article's."""
        return speaker_at(self.turns, token.idx, self.speaker)

    def we_for(self, token: Token) -> tuple[str, ...]:
        """Who "we" is at ``token``: its turn's speaker in a transcript, else the issuers.

        Outside a turn, a text with issuers speaks for them ("we" of a council's conclusions, of
        two governments' joint statement, of a minister speaking for her state); without
        issuers "we" is the article's speaker, as "I" is.
        """
        if in_turn(self.turns, token.idx):
            speaking = speaker_at(self.turns, token.idx, None)
            return (speaking,) if speaking is not None else ()
        if self.issuers:
            return self.issuers
        return (self.speaker,) if self.speaker is not None else ()

    def actors_of(self, token: Token) -> tuple[str, ...]:
        """Actors named by the noun phrase whose head is ``token`` (and its coordinated heads).

        Only a mention that covers the head counts: "Russian revenues" does not name Russia as
        the phrase's referent, "Finnish President Alexander Stubb" names Stubb.
        """
        out: list[str] = []
        for head in (token, *conjuncts(token)):
            mention = self.mentions.at(head.i)
            if mention is None:
                # "the African Union envoy, Amina Diallo": the apposition names the person.
                appos = next((c for c in head.children if c.dep_ == "appos"), None)
                mention = self.mentions.at(appos.i) if appos is not None else None
            if mention is not None and mention.how is not How.DEMONYM:
                out += mention.actors
        return tuple(dict.fromkeys(out))


def _sentences_between(token: Token, start: int) -> int:
    first = token.doc[start].sent.start
    return sum(1 for s in token.doc.sents if first < s.start <= token.i)


def conjuncts(token: Token) -> list[Token]:
    """The heads coordinated with ``token``: "China" in "Russia and China"."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *conjuncts(child)]
    return out


def subject(token: Token) -> Token | None:
    """The token's own grammatical subject, if it has one."""
    return next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)


def holders(clause: Token, ctx: Context, *, speaker_fallback: bool = True) -> Holders | None:
    """Who holds a position stated in the clause headed by ``clause``, or None if nobody safely.

    Examples:
        >>> from datetime import date
        >>> from stancegraph.extract.pipeline import Extractor
        >>> from stancegraph.loading import load
        >>> extractor = Extractor.for_graph(load("graph"))
        >>> doc = extractor.nlp("Zelensky said that it is premature to talk.")
        >>> ctx = extractor.context(doc, date(2025, 3, 15), None)
        >>> holders(doc[4], ctx).actors, holders(doc[4], ctx).via
        (('volodymyr-zelenskyy',), 'speaker')

    """
    current = clause
    for _ in range(MAX_CLIMB):
        subj = subject(current)
        if sum(1 for c in current.children if c.dep_ in SUBJECT_DEPS) > 1:
            return None  # two subjects: the parse went wrong, and a guess could be wrong too
        if subj is not None:
            return _subject_holders(subj, current, ctx, speaker_fallback=speaker_fallback)
        head = current.head
        if current.dep_ == "xcomp":
            # Object control: "France persuaded Germany to back it" -> Germany backs it.
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                actors = ctx.actors_of(obj)
                return Holders(actors, "subject") if actors else None
        if current.dep_ == "advcl" and any(c.dep_ == "mark" for c in current.children):
            break  # "if ...", "because ...": a subordinate clause with no subject of its own
        if current.dep_ not in SHARED_SUBJECT_DEPS or head.i == current.i:
            break
        quoted = ctx.mentions.in_quote
        if current.i not in quoted and head.i in quoted:
            # A participle outside quotation marks ("...," insisting that ...) shares the subject
            # of the reporting clause, not of a verb inside the quoted words it got attached to.
            while head.i in quoted and head.head.i != head.i:
                head = head.head
        current = head
    return speaker(clause, ctx) if speaker_fallback else None


def _subject_holders(
    subj: Token, clause: Token, ctx: Context, *, speaker_fallback: bool
) -> Holders | None:
    word = subj.lower_
    if word in FIRST_PERSON:
        return _first_person_holders(word, clause, ctx)
    if word in EXPLETIVES and ctx.mentions.at(subj.i) is None:
        return speaker(clause, ctx) if speaker_fallback else None
    met = participants(subj, ctx)
    if met:
        return Holders(met, "plural")
    if word in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        actors = ctx.actors_of(clause.head)
        return Holders(actors, "subject") if actors else None
    actors = ctx.actors_of(subj)
    if actors:
        how = ctx.mentions.at(subj.i)
        indirect = (How.PRONOUN, How.TITLE, How.DESCRIPTION)
        via = "pronoun" if how is not None and how.how in indirect else "subject"
        return Holders(actors, via)
    collective = collective_actor(subj, ctx)
    return Holders((collective,), "collective") if collective else None


def participants(noun: Token, ctx: Context) -> tuple[str, ...]:
    """Whom "the two leaders", "both sides", "the Secretaries" stand for: the last meeting's.

    Only a plural noun with no actor of its own ("NATO leaders" is NATO's) refers back, and
    "they" just after a meeting ("X spoke to Y. They agreed ...") is the two who met.
    """
    if noun.lower_ == "they":
        return ctx.participants_before(noun, ActorKind.PERSON, within=THEY_AFTER_MEETING)
    if (
        ctx.mentions.at(noun.i) is not None
        or noun.tag_ != "NNS"
        or any(c.dep_ in OWNING_DEPS for c in noun.children)
    ):
        return ()
    lemma = noun.lemma_.lower()
    if lemma in ctx.lexicon.plural_people:
        return ctx.participants_before(noun, ActorKind.PERSON)
    if lemma in ctx.lexicon.plural_parties:
        return ctx.participants_before(noun, ActorKind.STATE)
    return ()


def _first_person_holders(word: str, clause: Token, ctx: Context) -> Holders | None:
    if word == "we" and _collective_agreement(clause, ctx):
        # "we agreed to ..." in a person's readout of a meeting: the group, not the speaker.
        return Holders((ctx.collective,), "collective")  # type: ignore[arg-type]
    found = speaker(clause, ctx, first_person=True)
    reported = found is not None and found.actors != (ctx.speaker_for(clause),)
    if word in FIRST_PERSON_PLURAL and not reported and ctx.we_for(clause):
        return Holders(ctx.we_for(clause), "speaker")
    return found


def _collective_agreement(clause: Token, ctx: Context) -> bool:
    """Whether "we agreed" is spoken by a person, in an article naming one coalition."""
    speaking = ctx.speaker_for(clause)
    return (
        clause.lemma_.lower() == "agree"
        and ctx.collective is not None
        and speaking is not None
        and ctx.kinds.get(speaking) is ActorKind.PERSON
        and ctx.kinds.get(ctx.collective) is ActorKind.COALITION
    )


def collective_actor(noun: Token, ctx: Context) -> str | None:
    """The actor a plural collective noun stands for: "NATO leaders", "the leaders" (definite).

    "the leaders agreed" in an article that names exactly one coalition is that coalition; a bare
    "Leaders" (a headline) or "world leaders" is nobody in particular.
    """
    if noun.lemma_.lower() not in ctx.lexicon.collectives or noun.tag_ != "NNS":
        return None
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "poss", "amod"):
            for actor in ctx.actors_of(child):
                if ctx.kinds.get(actor) is not ActorKind.PERSON:
                    return actor
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                for actor in ctx.actors_of(obj):
                    if ctx.kinds.get(actor) is not ActorKind.PERSON:
                        return actor
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    modified = any(c.dep_ in ("amod", "compound", "nmod") for c in noun.children)
    return ctx.collective if definite and not modified else None


def speaker(token: Token, ctx: Context, *, first_person: bool = False) -> Holders | None:
    """The speaker of the words ``token`` is in.

    The subject of a reporting verb above it ("..., he stated"), "according to X", else the
    article's first-person speaker.
    """
    current = token
    for _ in range(MAX_CLIMB * 2):
        if _is_reporting_verb(current, ctx):
            subj = subject(current)
            if subj is not None and current.i != token.i and subj.lower_ not in FIRST_PERSON:
                actors = ctx.actors_of(subj)
                if actors:
                    how = ctx.mentions.at(subj.i)
                    pronoun = how is not None and how.how is How.PRONOUN
                    return Holders(actors, "pronoun" if pronoun else "speaker")
                return None  # reported by someone the registry cannot name: nobody safely
        for child in current.children:
            if child.lower_ == "according":
                for prep in child.children:
                    for obj in prep.children:
                        actors = ctx.actors_of(obj)
                        if actors:
                            return Holders(actors, "speaker")
        if current.head.i == current.i:
            reporter = _quote_reporter(current, token, ctx)
            if reporter is not None:
                return reporter
            break
        current = current.head
    return _text_speaker(token, ctx, first_person=first_person)


def _text_speaker(token: Token, ctx: Context, *, first_person: bool) -> Holders | None:
    """Who speaks words nobody in the sentence is reported to say: the text's speaker or issuers."""
    if not first_person and _has_reporting_ancestor(token, ctx):
        return None
    speaking = ctx.speaker_for(token)
    if speaking is not None:
        return Holders((speaking,), "speaker")
    # An unattributed position in an institution's text is the institution's.
    group = ctx.we_for(token) if ctx.issuers else ()
    return Holders(group, "speaker") if group else None


def _has_reporting_ancestor(token: Token, ctx: Context) -> bool:
    return any(_is_reporting_verb(a, ctx) for a in token.ancestors)


def _quote_reporter(top: Token, token: Token, ctx: Context) -> Holders | None:
    """The speaker of quoted words whose reporting clause the parser made a conjunct.

    In '"The offensive is a violation," Marchetti told the council' the parser may coordinate
    "told" with "is" rather than put "is" under it.
    """
    quoted = ctx.mentions.in_quote
    if token.i not in quoted:
        return None
    for child in top.children:
        if child.dep_ == "conj" and child.i not in quoted and _is_reporting_verb(child, ctx):
            subj = subject(child)
            actors = ctx.actors_of(subj) if subj is not None else ()
            if actors and subj is not None and subj.lower_ not in FIRST_PERSON:
                return Holders(actors, "speaker")
    return None


def _is_reporting_verb(token: Token, ctx: Context) -> bool:
    """Whether ``token`` is a verb that reports speech ("said", "told", "warned")."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in ctx.lexicon.reporting_verbs
