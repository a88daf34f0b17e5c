"""Votes: "X voted for Y", "voted against", "voted in favour (of Y)", "X abstained (on Y)".

A vote is a stance of its subject: for is support, against is opposition, an abstention is
neutral (the ``votes`` section of the lexicon). A vote that names what it is on takes that as
its target; a bare one ("China and Russia voted against, and Thailand abstained") is on the
text named last before it with a noun from ``vote_objects`` ("resolution", "motion", "bill"):
the proposition named just before a vote is often a part of the text, not the text. With no
such noun, or negated ("did not vote for": nothing of the voter's position), no statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stancegraph.extract.clauses import negated, quote_start, trim_end
from stancegraph.extract.findings import BASE_CONFIDENCE, HOLDER_PENALTY, Finding, RuleBase
from stancegraph.extract.syntax import holders
from stancegraph.model import StatementKind

if TYPE_CHECKING:
    from spacy.tokens import Token


class VoteRules(RuleBase):
    """Votes for, against and abstentions (mixed into ``Rules``)."""

    def _vote(self, verb: Token) -> list[Finding]:
        if negated(verb):
            return []
        for phrase, polarity in self.lex.votes.get(verb.lemma_.lower(), ()):
            matched = _phrase_end(verb, phrase.split()[1:])
            if matched is None:
                continue
            last, target = matched
            found = holders(verb, self.ctx, speaker_fallback=False)
            if target is None:
                target = self._voted_text(verb)
            if found is None or target is None:
                return []
            start = quote_start(verb, verb)
            end = max(last.i, target.right_edge.i if target.i > verb.i else last.i) + 1
            return [
                Finding(
                    f"vote-{phrase.replace(' ', '-')}",
                    StatementKind.STANCE,
                    polarity,
                    found,
                    target,
                    None,
                    (start, trim_end(verb.doc, start, end)),
                    confidence=BASE_CONFIDENCE["verb"] - HOLDER_PENALTY.get(found.via, 0.1),
                )
            ]
        return []

    def _voted_text(self, verb: Token) -> Token | None:
        """The last noun from ``vote_objects`` before ``verb`` in its document, if any."""
        for token in reversed(verb.doc[: verb.i]):
            if token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.vote_objects:
                return token
        return None


def _phrase_end(verb: Token, words: list[str]) -> tuple[Token, Token | None] | None:
    """The last token of the vote phrase after ``verb`` and the object it names, if any.

    ``words`` are the phrase's words after the verb: "for", "in favour", or none (abstain, whose
    object follows "on" if it has one). None when the verb's prepositions do not spell them.
    """
    last = verb
    for word in words:
        step = next(
            (c for c in last.children if c.lower_ == word and c.dep_ in ("prep", "pobj", "prt")),
            None,
        )
        if step is None:
            return None
        last = step
    follow = [c for c in last.children if c.dep_ == "pobj"]
    if words and follow:
        return last, follow[0]  # "voted for the resolution"
    of = next((c for c in last.children if c.dep_ == "prep" and c.lower_ in ("of", "on")), None)
    objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    return (last, objects[0]) if objects else (last, None)
