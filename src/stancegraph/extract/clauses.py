"""Small facts about a parsed clause that the rules share.

Negation, modality, coordinated targets, the edges of a phrase and the conditions it carries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stancegraph.extract.lexicon import Cue
from stancegraph.extract.syntax import subject
from stancegraph.model import Polarity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TARGET_PREPS = ("for", "to", "on", "of", "against", "with", "at", "about", "toward", "towards")


def depth(token: Token) -> int:
    """How many heads lie above ``token`` in its sentence."""
    return sum(1 for _ in token.ancestors)


NEGATING_DETERMINERS = frozenset({"no", "neither"})


def negated(token: Token) -> bool:
    """Whether ``token`` has a negation of its own.

    "not", "never", or a negating determiner on its object ("will send no troops", "would
    commit neither troops nor money").
    """
    return any(
        c.dep_ == "neg"
        or (c.dep_ == "advmod" and c.lower_ == "never")
        or (
            c.dep_ == "dobj"
            and any(
                d.lower_ in NEGATING_DETERMINERS for d in c.children if d.dep_ in ("det", "preconj")
            )
        )
        for c in token.children
    )


def polarity_of(cue: Cue, clause: Token, weakening: frozenset[str]) -> Polarity | None:
    """The cue's polarity, flipped by negation and weakened by a modal ("could support")."""
    polarity = cue.polarity
    if polarity is None:
        return None
    if negated(clause):
        # "did not support" opposes; "did not rule out" leaves the door open.
        return Polarity.OPPOSE if polarity is Polarity.SUPPORT else Polarity.CONDITIONAL
    if polarity is not Polarity.CONDITIONAL and any(
        c.dep_ == "aux" and c.lower_ in weakening for c in clause.children
    ):
        return Polarity.CONDITIONAL
    return polarity


def with_conjuncts(target: Token, cue: Token) -> list[Token]:
    """A target and the targets coordinated with it ("to hasten X and strengthen Y").

    A base-form verb coordinated with a finite cue ("agreed to increase X, tighten Y") belongs
    to the cue's "to"-infinitive too, whatever the parser attached it to.
    """
    out = [target]
    out += [c for c in target.children if c.dep_ == "conj" and c.pos_ == target.pos_]
    if target.tag_ == "VB" and cue.tag_ in ("VBD", "VBZ", "VBP"):
        stack = [c for c in cue.children if c.dep_ == "conj"]
        while stack:
            conj = stack.pop(0)
            if conj.tag_ == "VB" and subject(conj) is None:
                out.append(conj)
                stack += [c for c in conj.children if c.dep_ == "conj"]
    return sorted(dict.fromkeys(out), key=lambda t: t.i)


def unless_clause(target: Token) -> Token | None:
    """The negated relative clause of "any X that does not Y": the exception a refusal makes.

    "Moscow would veto any resolution that did not also name the FDLR" refuses only some.
    """
    if not any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in target.children):
        return None
    return next((c for c in target.children if c.dep_ == "relcl" and negated(c)), None)


def noun_targets(noun: Token) -> list[Token]:
    """What a noun cue is about: "support for X", "commitment to do X"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            objects = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects[:1]
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VB":
            return [child]
    return []


def mentions_condition(token: Token, nouns: frozenset[str]) -> bool:
    """Whether ``token``'s phrase names a condition that is not negated ("without conditions")."""
    words = [t.lower_ for t in token.subtree]
    for i, t in enumerate(token.subtree):
        if t.lemma_.lower() in nouns or t.lower_.rstrip("s") in nouns:
            before = words[max(0, i - 3) : i]
            if not {"without", "no"} & set(before):
                return True
    return False


def phrase(token: Token) -> str:
    """The text of ``token``'s phrase without punctuation at its edges."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end].text


def right(token: Token) -> int:
    """The last token of ``token``'s phrase, without coordinated phrases and relative clauses."""
    right = token.i
    for child in token.children:
        if child.i > token.i and child.dep_ not in ("conj", "cc", "relcl", "punct", "appos"):
            right = max(right, child.right_edge.i)
    return right


def quote_start(clause: Token, cue: Token) -> int:
    """The first token of a quote: the clause's subject if it precedes, else the cue."""
    subj = subject(clause)
    start = min(cue.i, clause.i)
    if subj is not None and subj.i < clause.i:
        start = min(start, subj.left_edge.i)
    doc = clause.doc
    while start < cue.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start


def trim_end(doc: Doc, start: int, end: int) -> int:
    """``end`` moved left past punctuation and spaces, but not before ``start``."""
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end
