"""Clauses as a classifier sees them: each predicate with a holder, and what it looks like.

The learned component decides *what* a clause says (stance, commitment, demand, criticism); syntax
decides *who* says it and *where*. A candidate is one clause (a verb that heads its own clause)
paired with one actor who may hold a position in it: the clause's own holder (its subject, "we",
the text's speaker) and the reporter above it ("the Prime Minister said the UK would ..." is held
by the Prime Minister in a readout). Features are general English: lemmas, dependency labels,
modals, negation, the holder's kind and how the holder was found; none names an article.

Examples:
    >>> from datetime import date
    >>> from stancegraph.extract.pipeline import Extractor
    >>> from stancegraph.loading import load
    >>> extractor = Extractor.for_graph(load("graph"))
    >>> doc = extractor.nlp("Finland will send more air defence systems to Ukraine.")
    >>> ctx = extractor.context(doc, date(2024, 3, 15), None)
    >>> [(c.head.text, c.holder) for c in candidates(doc, ctx, "")]
    [('send', 'finland')]
    >>> sorted(f for f in candidates(doc, ctx, "")[0].features if f.startswith(("p:", "aux:")))
    ['aux:will', 'p:send']

"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stancegraph.extract.findings import Finding
from stancegraph.extract.lexicon import Cue, Lexicon
from stancegraph.extract.mentions import FIRST_PERSON
from stancegraph.extract.syntax import (
    FIRST_PERSON_PLURAL,
    Context,
    holders,
    participants,
    speaker,
)
from stancegraph.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency labels under which a verb heads a clause of its own.
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "csubj", "parataxis"}
)
OBJECT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "The two leaders", "they": readouts and joint statements name two parties far more than more.
PLURAL_REFERENTS = 2


def label_of(kind: str, polarity: str | None) -> str:
    """The class a statement is: its kind, and for a stance its polarity.

    >>> label_of("stance", "oppose"), label_of("demand", None)
    ('stance:oppose', 'demand')
    """
    return f"{kind}:{polarity}" if kind == "stance" else kind


def is_clause_head(token: Token) -> bool:
    """Whether ``token`` is a verb heading a clause (not an auxiliary or a modifier)."""
    verbal = token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))
    return verbal and token.dep_ in CLAUSE_DEPS


def clause_of(token: Token) -> Token:
    """The head of the clause ``token`` belongs to (the nearest clause head at or above it)."""
    current = token
    while not is_clause_head(current) and current.head.i != current.i:
        current = current.head
    return current


@dataclass(frozen=True, slots=True)
class Candidate:
    """One clause and one actor who may hold a position stated in it."""

    head: Token
    holder: str
    own: tuple[int, int]  # token span of the clause's own words (nested clauses excluded)
    features: frozenset[str]


def candidates(
    doc: Doc, ctx: Context, text_type: str, rules: Iterable[Finding] = ()
) -> list[Candidate]:
    """Every (clause, holder) pair of ``doc``, in text order, with its features.

    ``rules`` are the rule findings of the same document: that a rule found a statement of some
    class for this holder in this clause is itself a feature (the learner weighs the rules).
    """
    own: defaultdict[int, list[int]] = defaultdict(list)
    for token in doc:
        own[clause_of(token).i].append(token.i)
    ruled = _rule_labels(doc, rules)
    out: list[Candidate] = []
    for index in sorted(own):
        head = doc[index]
        if not is_clause_head(head):
            continue
        words = own[index]
        span = (min(words), max(words) + 1)
        base = _clause_features(head, [doc[i] for i in words], text_type)
        base |= _lexicon_features(head, [doc[i] for i in words], ctx.lexicon)
        for holder, via in _holders_of(head, ctx).items():
            kind = ctx.kinds.get(holder)
            features = {*base, via, f"kind:{kind}"}
            # How the holder was found matters per class of cue: a reporter holds what a
            # criticism cue says, a subject state what a future verb commits it to.
            features |= {f"{via}|{f}" for f in base if f.startswith(("cue:", "modal:"))}
            if holder in ctx.issuers or holder == ctx.speaker_for(head):
                features.add("holder:default")
            features |= {f"rule:{label}" for label in ruled.get((index, holder), ())}
            out.append(Candidate(head, holder, span, frozenset(features)))
    return out


def _holders_of(head: Token, ctx: Context) -> dict[str, str]:
    """Who may hold what the clause says, and how each was found (the learner weighs them)."""
    found: dict[str, str] = {}
    own = holders(head, ctx)
    if own is not None:
        found |= dict.fromkeys(own.actors, f"via:{own.via}")
    reporter = speaker(head, ctx)
    if reporter is not None:
        for actor in reporter.actors:
            found.setdefault(actor, f"via:reporter-{reporter.via}")
    subj = _clause_subject(head)
    if subj is None:
        return found
    if subj.lower_ in FIRST_PERSON_PLURAL:
        # "we" of an official speaking for the issuing government or institution.
        for actor in ctx.issuers:
            found.setdefault(actor, "via:we-issuers")
    elif not ctx.actors_of(subj):
        for actor in _plural_referents(subj, ctx):
            found.setdefault(actor, "via:plural")
    return found


def _clause_subject(head: Token) -> Token | None:
    """The clause's subject, or the subject it shares with the clause it is coordinated with."""
    current = head
    for _ in range(4):
        subj = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None or current.dep_ not in ("conj", "xcomp", "advcl"):
            return subj
        current = current.head
    return None


def _plural_referents(subj: Token, ctx: Context) -> tuple[str, ...]:
    """The two people (or states) named last before "they", "the two leaders", "both sides"."""
    group = participants(subj, ctx)
    if group:
        return group
    lemma = subj.lemma_.lower()
    if subj.lower_ == "they" or (subj.tag_ == "NNS" and lemma in ctx.lexicon.plural_people):
        wanted = {ActorKind.PERSON}
    elif subj.tag_ == "NNS" and lemma in ctx.lexicon.plural_parties:
        wanted = {ActorKind.STATE}
    else:
        return ()
    named: list[str] = []
    for mention in sorted(ctx.mentions.items, key=lambda m: -m.start):
        if mention.start >= subj.i:
            continue
        for actor in mention.actors:
            if ctx.kinds.get(actor) in wanted and actor not in named:
                named.append(actor)
        if len(named) >= PLURAL_REFERENTS:
            break
    return tuple(named) if len(named) == PLURAL_REFERENTS else ()


def _clause_features(head: Token, words: list[Token], text_type: str) -> set[str]:
    governor = head.head.lemma_.lower() if head.head.i != head.i else "none"
    features = {f"p:{head.lemma_.lower()}", f"d:{head.dep_}", f"gov:{governor}", f"tt:{text_type}"}
    for child in head.children:
        if child.dep_ in ("aux", "auxpass"):
            features.add(f"aux:{child.lower_}")
        elif child.dep_ == "neg":
            features.add("neg")
        elif child.dep_ in OBJECT_DEPS:
            features.add(f"obj:{child.lemma_.lower()}")
        elif child.dep_ == "prep":
            features.add(f"prep:{child.lower_}")
        elif child.dep_ in SUBJECT_DEPS:
            first = child.lower_ in FIRST_PERSON
            features.add(f"subj:{child.lower_ if first else child.ent_type_ or child.pos_}")
    for word in words:
        if not (word.is_punct or word.is_stop):
            features.add(f"w:{word.lemma_.lower()}")
        if word.pos_ == "ADJ":
            features.add(f"adj:{word.lemma_.lower()}")
    if head.sent.text.rstrip().endswith("?"):
        features.add("question")
    return features


def _cue_classes(cues: tuple[Cue, ...]) -> set[str]:
    return {label_of(c.kind.value, c.polarity.value if c.polarity else None) for c in cues}


def _lexicon_features(head: Token, words: list[Token], lexicon: Lexicon) -> set[str]:
    """The lexicon's classes of the clause's words: they carry over to lemmas never seen."""
    lemma = head.lemma_.lower()
    cues = tuple(c for c in lexicon.verbs.get(lemma, ()) if c.applies_to(head))
    features = {f"cue:{c}" for c in _cue_classes(cues)}
    if lemma in lexicon.reporting_verbs:
        features.add("reporting")
    if head.head.lemma_.lower() in lexicon.reporting_verbs and head.head.i != head.i:
        features.add("gov:reporting")
    for child in head.children:
        if child.dep_ == "aux" and child.lower_ in lexicon.future_modals:
            features.add("modal:future")
        if child.dep_ == "aux" and child.lower_ in lexicon.obligation_modals:
            features.add("modal:obligation")
    for word in words:
        low, lem = word.lower_, word.lemma_.lower()
        if word.pos_ == "NOUN":
            features |= {f"noun-cue:{c}" for c in _cue_classes(lexicon.nouns.get(lem, ()))}
        for table, name in ((lexicon.adjectives, "adj-cue"), (lexicon.evaluatives, "eval-cue")):
            features |= {f"{name}:{c}" for c in _cue_classes(table.get(low, ()))}
    return features


def _rule_labels(doc: Doc, rules: Iterable[Finding]) -> dict[tuple[int, str], set[str]]:
    """(clause head, holder) -> the classes rules found for that holder in that clause."""
    out: defaultdict[tuple[int, str], set[str]] = defaultdict(set)
    for finding in rules:
        polarity = finding.polarity.value if finding.polarity is not None else None
        label = label_of(finding.kind.value, polarity)
        heads = {clause_of(doc[i]).i for i in range(*finding.quote)}
        for head in heads:
            for holder in finding.holders.actors:
                out[head, holder].add(label)
    return out
