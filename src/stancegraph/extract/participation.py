"""Participation in calls, meetings, summits and visits, and the events it is in.

Two constructions, with the lexicon's word lists: a meeting verb whose subject takes part
together with the actors after it ("the Prime Minister spoke to President X", "Trudeau met with
Berset", "Sunak hosted Zelenskyy"), and an event verb with an event noun ("attended the summit",
"held talks", "had a telephone conversation with X", "joined the call"). Every actor of the
subject (or "we", or the text's speaker) and of the "with"/"to" phrase or object takes part.
Negated clauses and questions state no participation.

The pipeline makes each phrase a provisional event of the article, dated by the article
("telephone conversation (2017-01-18)"), one per phrase and article: a person links it to the
registry's event when reviewing.

Examples:
    >>> from datetime import date
    >>> from stancegraph.extract.pipeline import Extractor
    >>> from stancegraph.loading import load
    >>> extractor = Extractor.for_graph(load("graph"), classifier=None)
    >>> doc = extractor.nlp("Finland's president met Emmanuel Macron in Paris.")
    >>> ctx = extractor.context(doc, date(2024, 3, 15), None)
    >>> [(p.holders, p.event) for p in find_participation(doc, ctx)]
    [(('alexander-stubb', 'emmanuel-macron'), 'meeting')]

"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from stancegraph.extract.clause_features import is_clause_head
from stancegraph.extract.mentions import How
from stancegraph.extract.syntax import Context, conjuncts, holders
from stancegraph.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RULE = "participation"
CONFIDENCE = 0.7
PARTNER_PREPS = frozenset({"with", "to", "by"})
# Verbs of going somewhere: they take part in a visit to a place, named or not in the registry.
TRAVEL = frozenset({"visit", "travel"})
NOUN_BY_VERB = {"meet": "meeting", "visit": "visit", "travel": "visit", "host": "meeting"}
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
MAX_LABEL_WORDS = 6
# Links inside one noun phrase that may lead to further names of the same list.
PHRASE_DEPS = frozenset({"compound", "conj", "appos", "nmod", "pobj", "npadvmod"})
SEPARATORS = frozenset({",", "and", ";"})


@dataclass(frozen=True, slots=True)
class Participation:
    """Who took part, in what (a phrase naming the event), and the words that say it."""

    holders: tuple[str, ...]
    event: str  # the event's phrase: "telephone conversation", "summit in Singapore"
    start: int  # token span of the evidence
    end: int
    via: str


def find_participation(doc: Doc, ctx: Context) -> list[Participation]:
    """Every statement of taking part in the text, in text order."""
    out: list[Participation] = []
    taken: set[int] = set()
    for token in doc:
        found = _at(token, ctx)
        if found is not None:
            out.append(found)
            taken.update(range(found.start, found.end))
    for token in doc:
        if token.i not in taken:
            found = _nominal(token, ctx)
            if found is not None:
                out.append(found)
    return sorted(out, key=lambda p: p.start)


def _nominal(noun: Token, ctx: Context) -> Participation | None:
    """Taking part stated by an event noun: "in my meetings with Prime Minister X".

    The partners take part, and so does the owner ("my", "our"), or else the holder of the
    clause around the noun.
    """
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.lexicon.event_nouns:
        return None
    if _negated_or_asked(noun.head) or _wished_for(noun.head, ctx):
        return None
    partners: list[str] = []
    heads: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            heads += [c for c in child.children if c.dep_ == "pobj"]
    for head in heads:
        partners += _actors_or_their_states(head, ctx)
    if not partners:
        return None
    owner: tuple[str, ...] = ()
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ in ("my", "our"):
        owner = ctx.we_for(poss) if poss.lower_ == "our" else _speaker(poss, ctx)
    elif poss is not None:
        owner = ctx.actors_of(poss)
    else:
        clause = noun.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        found = holders(clause, ctx) if clause.pos_ in ("VERB", "AUX") else None
        owner = found.actors if found is not None else ()
    people = tuple(dict.fromkeys((*owner, *partners)))
    words = [noun, *(w for h in heads for w in h.subtree)]
    if poss is not None:
        words.append(poss)
    start, end = min(w.i for w in words), max(w.i for w in words) + 1
    return Participation(people, _phrase(noun), start, end, "nominal")


def _wished_for(verb: Token, ctx: Context) -> bool:
    """A meeting asked for is none yet: "urged Europe to strengthen negotiations with X".

    An infinitive of any verb but a meeting or event verb ("agreed to hold talks") governs a
    meeting that is wanted, not held.
    """
    lemma = verb.lemma_.lower()
    lex = ctx.lexicon
    if lemma in lex.meeting_verbs or lemma in lex.event_verbs:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _speaker(token: Token, ctx: Context) -> tuple[str, ...]:
    speaking = ctx.speaker_for(token)
    return (speaking,) if speaking is not None else ()


def _at(verb: Token, ctx: Context) -> Participation | None:
    lemma = verb.lemma_.lower()
    lex = ctx.lexicon
    if verb.pos_ != "VERB" or not is_clause_head(verb) or _negated_or_asked(verb):
        return None
    event_noun = _event_object(verb, ctx)
    partners = _partners(verb, ctx, event_noun)
    if lemma in TRAVEL:
        # "I visited Moscow", "travelled to Israel": the place is where, not who, took part.
        partners = tuple(a for a in partners if ctx.kinds.get(a) is ActorKind.PERSON)
    if lemma in lex.meeting_verbs or lemma in TRAVEL:
        # "We welcome the announcement", "meet the challenge", "called for a ceasefire": no
        # partner, no event, no place gone to: no meeting.
        gone = lemma in TRAVEL and _goes_to(verb)
        if not partners and event_noun is None and not gone and not _met_together(verb):
            return None
        phrase = _phrase(event_noun) if event_noun is not None else NOUN_BY_VERB.get(lemma, "call")
    elif lemma in lex.event_verbs and event_noun is not None:
        phrase = _phrase(event_noun)
    elif lemma == "join" and partners and any(c.dep_ == "agent" for c in verb.children):
        phrase = "meeting"  # "President Zelenskyy was joined by leaders of ..."
    else:
        return None
    own = holders(verb, ctx)
    subjects = own.actors if own is not None else ()
    subject_word = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject_word is not None and own is not None and own.via == "subject":
        # "President Trump and Chairman Kim Jong Un held ...": every name of the subject.
        subjects = (*subjects, *_named_in(subject_word, ctx))
    people = tuple(dict.fromkeys((*subjects, *partners)))
    if not people:
        return None
    words = [verb, *_subject_tokens(verb)]
    if event_noun is not None:
        words += list(event_noun.subtree)
    for partner in _partner_heads(verb, event_noun):
        words += list(partner.subtree)
    start = min(w.i for w in words)
    end = min(max(w.i for w in words) + 1, verb.sent.end)
    return Participation(people, phrase, start, end, own.via if own is not None else "object")


def _met_together(verb: Token) -> bool:
    """Whether "meet" has no object: "the ministers met in Munich" is a meeting of its subjects."""
    return verb.lemma_.lower() == "meet" and not any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children
    )


def _goes_to(verb: Token) -> bool:
    """Whether the verb has a place as its object or after "to": "visited Kyiv", "went to X"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.ent_type_ in PLACE_ENTITIES:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(c.ent_type_ in PLACE_ENTITIES for c in child.children if c.dep_ == "pobj")
        ):
            return True
    return False


def _negated_or_asked(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.sent.text.rstrip().endswith("?")


def _event_object(verb: Token, ctx: Context) -> Token | None:
    """The event noun the verb takes: its object, or the object of "in"/"at" ("took part in")."""
    nouns = ctx.lexicon.event_nouns
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in nouns:
            return child
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in nouns:
                    return obj
        if child.dep_ == "dobj" and child.lemma_.lower() == "part":  # "take part in"
            for prep in child.children:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in nouns:
                        return obj
    return None


def _partner_heads(verb: Token, event_noun: Token | None) -> list[Token]:
    out: list[Token] = []
    owners = [verb] if event_noun is None else [verb, event_noun]
    event_at = event_noun.i if event_noun is not None else -1
    for owner in owners:
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in PARTNER_PREPS:
                out += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "dobj" and owner.i == verb.i and child.i != event_at:
                out.append(child)
            elif child.dep_ == "agent":
                out += [c for c in child.children if c.dep_ == "pobj"]
    return out


def _partners(verb: Token, ctx: Context, event_noun: Token | None) -> tuple[str, ...]:
    out: list[str] = []
    for head in _partner_heads(verb, event_noun):
        if head.dep_ == "dobj" and ctx.mentions.at(head.i) is None:
            # "welcomed Japan's G7 Presidency": an object is a partner only if it is a name.
            continue
        out += _actors_or_their_states(head, ctx)
    return tuple(dict.fromkeys(out))


def _named_in(head: Token, ctx: Context) -> list[str]:
    """Every actor a phrase names, read off its words rather than its parse.

    The small parser splits long lists of titled names ("Chancellor of Germany Angela Merkel,
    President of the French Republic Emmanuel Macron and ...") in ways its links do not follow,
    so the names are taken from the phrase's words. A state or organisation that only belongs
    to a person's title ("of Germany" before "Angela Merkel") is that person's, not a partner.
    """
    words = sorted(_phrase_words(head), key=lambda t: t.i)
    found: list[_Named] = []
    seen: set[int] = set()
    for word in words:
        mention = ctx.mentions.at(word.i)
        if mention is None or mention.how is How.DEMONYM or mention.start in seen:
            continue
        seen.add(mention.start)
        for actor in mention.actors:
            person = ctx.kinds.get(actor) is ActorKind.PERSON
            found.append(_Named(mention.start, mention.end, actor, person))
    out: list[str] = []
    for index, named in enumerate(found):
        if not named.person and _in_a_title(head.doc, named, found[:index], found[index + 1 :]):
            continue
        out.append(named.actor)
    return out


def _phrase_words(head: Token) -> list[Token]:
    """The words of the noun phrase and its coordinated, appositive and "of" parts.

    Clauses inside it ("who has ...", "that talks will begin in X") and other prepositions
    ("competition with China") name what the phrase is about, not who it is.
    """
    out = [head]
    for child in head.children:
        keep = child.dep_ in PHRASE_DEPS or (child.dep_ == "prep" and child.lower_ == "of")
        if keep:
            out += _phrase_words(child)
    return out


@dataclass(frozen=True, slots=True)
class _Named:
    start: int
    end: int
    actor: str
    person: bool


def _in_a_title(doc: Doc, named: _Named, before: list[_Named], after: list[_Named]) -> bool:
    """Whether a place only belongs to a person's title.

    "President of Ukraine Petro Poroshenko" (the next name is a person's, nothing but title
    words between) or "Prime Minister Hailemariam of Ethiopia" (just after a person's name).
    """
    following = next(iter(after), None)
    if following is not None and following.person:
        between = doc[named.end : following.start]
        if not any(t.lower_ in SEPARATORS for t in between):
            return True
    previous = before[-1] if before else None
    if previous is not None and previous.person:
        between = doc[previous.end : named.start]
        return all(t.lower_ in ("of", "the") for t in between) and len(between) > 0
    return False


def _actors_or_their_states(head: Token, ctx: Context) -> list[str]:
    """The actors a phrase names; for "the leaders of Israel and Qatar", the states."""
    named = _named_in(head, ctx)
    if named:
        return named
    for token in (head, *conjuncts(head)):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        named += ctx.actors_of(obj)
    return named


def _subject_tokens(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return list(child.subtree)
    return []


def _phrase(noun: Token) -> str:
    """The event noun with its compounds and adjectives: "first, historic summit" -> "summit"."""
    kept = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.pos_ != "PUNCT"]
    words = [*(c.lower_ for c in kept if c.is_alpha), noun.lower_][-MAX_LABEL_WORDS:]
    return " ".join(words)
