"""What every extraction rule produces, and the parts the rule families share.

A ``Finding`` is one candidate statement before its target is normalised; ``RuleBase`` holds the
confidences, the quote span, the conditions and the actor a concern blames.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from stancegraph.extract.clauses import (
    mentions_condition,
    phrase,
    quote_start,
    right,
    trim_end,
)
from stancegraph.model import Polarity, StatementKind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from stancegraph.extract.lexicon import Cue
    from stancegraph.extract.syntax import Context, Holders

# Base confidence of each family of rules, lowered below for indirect holders and targets.
BASE_CONFIDENCE = {
    "verb": 0.8,
    "noun": 0.75,
    "adjective": 0.75,
    "hedge": 0.7,
    "predicate": 0.6,
    "obligation": 0.6,
    "future": 0.7,
}
# Dependencies of a clause that a condition marker can start: "if ...", "as long as ...".
CONDITION_DEPS = frozenset({"advcl", "advmod"})
HOLDER_PENALTY = {"subject": 0.0, "speaker": 0.05, "pronoun": 0.1, "collective": 0.25}


@dataclass(frozen=True, slots=True)
class Finding:
    """One candidate statement before its target is normalised to a registry node."""

    rule: str
    kind: StatementKind
    polarity: Polarity | None
    holders: Holders
    target: Token | None  # head of the target phrase; None when target_actor is set
    target_actor: str | None
    quote: tuple[int, int]  # token span [start, end)
    conditions: tuple[str, ...] = ()
    addressee: str | None = None
    confidence: float = 0.5
    negative: bool = False  # a commitment not to do its target ("has no intention of ...")


def reciprocated(finding: Finding, reciprocals: frozenset[str]) -> list[Finding]:
    """``finding``, or one finding per holder and other holder when they act on each other.

    "A and B blamed each other" is A's criticism of B and B's of A.
    """
    target, holders = finding.target, finding.holders.actors
    if target is None or len(holders) < 2 or target.i == 0:
        return [finding]
    if target.doc[target.i - 1 : target.i + 1].text.lower() not in reciprocals:
        return [finding]
    return [
        replace(
            finding,
            holders=replace(finding.holders, actors=(holder,)),
            target=None,
            target_actor=other,
        )
        for holder in holders
        for other in holders
        if other != holder
    ]


class RuleBase:
    """State and helpers shared by the rule families (one instance per document's rules)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.lex = ctx.lexicon

    def _blamed(self, target: Token, found: Holders) -> str | None:
        """The actor a concern is about, if the target names one as agent.

        The subject of a clause in ``target``'s phrase ("reports that Iran continues ..."), a
        possessor or demonym ("Russian submarine activity"), or a "by" agent; never a place named
        in passing ("the situation in Sudan"), nor the holder.
        """
        for token in target.subtree:
            mention = self.ctx.mentions.at(token.i)
            if mention is None or mention.actor in found.actors:
                continue
            if token.dep_ in ("nsubj", "poss", "amod", "compound") or (
                token.dep_ == "pobj" and token.head.lower_ == "by"
            ):
                return mention.actor
        return None

    def _findings(  # noqa: PLR0917 - each argument is one part of a statement
        self,
        rule: str,
        cue: Cue,
        polarity: Polarity | None,
        found: Holders,
        cue_token: Token,
        clause: Token,
        targets: list[Token],
        addressee: str | None,
        family: str,
        *,
        target_actor: str | None = None,
        negative: bool = False,
        conditions: tuple[str, ...] = (),
    ) -> list[Finding]:
        conditions = (*conditions, *self._conditions(clause, cue_token))
        if polarity is Polarity.SUPPORT and conditions:
            polarity = Polarity.CONDITIONAL
        confidence = BASE_CONFIDENCE[family] - HOLDER_PENALTY.get(found.via, 0.1)
        start = quote_start(clause, cue_token)
        out: list[Finding] = []
        for n, target in enumerate(targets or [None]):
            if target is None:
                end = max(cue_token.i, clause.i, right(clause), right(cue_token)) + 1
                span = (start, trim_end(cue_token.doc, start, end))
            elif n == 0:
                span = (start, trim_end(target.doc, start, max(cue_token.i, right(target)) + 1))
            else:
                span = (target.left_edge.i, trim_end(target.doc, target.i, right(target) + 1))
            out.append(
                Finding(
                    rule,
                    cue.kind,
                    polarity if cue.kind is StatementKind.STANCE else None,
                    found,
                    target,
                    target_actor,
                    span,
                    conditions,
                    addressee,
                    round(max(0.1, confidence), 2),
                    negative,
                )
            )
        return out

    def _conditions(self, clause: Token, cue: Token) -> tuple[str, ...]:
        out: list[str] = []
        lex = self.lex
        # "ready to back X as long as ...": the condition may hang on the cue's infinitive.
        infinitives = [c for owner in (clause, cue) for c in owner.children if c.dep_ == "xcomp"]
        for owner in dict.fromkeys((clause, cue, *infinitives)):
            for child in owner.children:
                text = phrase(child)
                # "if ..." clauses ("as long as" is parsed as an adverb: advmod); "while seeking
                # clarification", "but stipulated conditions"; "with pre-conditions" (not
                # "without conditions").
                marked = self._is_condition_clause(child)
                seeking = child.dep_ in ("advcl", "conj") and (
                    child.lemma_.lower() in lex.condition_verbs
                )
                with_ = child.dep_ == "prep" and child.lower_ == "with"
                if marked or (
                    (seeking or with_) and mentions_condition(child, lex.condition_nouns)
                ):
                    out.append(text)
        for token in cue.sent:
            if token.i > cue.i and token.dep_ == "acl" and token.lower_ in lex.condition_markers:
                # "supports the mission provided (that) Sudan agrees": the parser takes the
                # marker for a participle of the object; the condition runs to the sentence end.
                end = trim_end(token.doc, token.i, token.sent.end)
                out.append(token.doc[token.i : end].text)
        return tuple(dict.fromkeys(out))

    def _conditional_regions(self, clauses: list[Token]) -> set[int]:
        """Tokens of "if"/"unless" clauses: conditions of a statement, never statements."""
        out: set[int] = set()
        for token in clauses:
            if self._is_condition_clause(token):
                out.update(t.i for t in token.subtree)
        return out

    def _is_condition_clause(self, token: Token) -> bool:
        """Whether ``token`` heads a clause that opens with a condition marker ("if", "unless")."""
        return token.dep_ in CONDITION_DEPS and phrase(token).lower().startswith(
            self.lex.condition_markers
        )
