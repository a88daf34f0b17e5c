"""Positions carried by a modal verb rather than a cue word.

- *Obligations* ("we must intensify pressure", "Russia must withdraw", "those responsible must be
  held to account", "these attacks must stop"): a demand by the speaker of the words. With a
  subject that is no actor, only a verb from the lexicon's ``obligation_predicates`` makes one
  ("the world must understand" demands nothing of anybody).
  "needs to" and "has to" (``obligation_verbs``) oblige as "must" does, and so does "it is time
  for X to" (``obligation_nouns``).
- *Future commitments* ("Canada will provide 40 million dollars", "we will deliver the launchers",
  "said it would send"): a verb from ``future_commitments`` with "will"/"shall" (or a "would" of
  reported speech) is a commitment of its subject; so is the speaker's own present of such a verb
  ("we continue to surge aid", "we are stepping up training"): what a government says it is doing
  it commits to. Negated verbs and questions give nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stancegraph.extract.clauses import TARGET_PREPS, negated
from stancegraph.extract.findings import Finding, RuleBase
from stancegraph.extract.lexicon import Cue
from stancegraph.extract.mentions import FIRST_PERSON
from stancegraph.extract.syntax import holders, speaker, subject
from stancegraph.model import StatementKind

if TYPE_CHECKING:
    from spacy.tokens import Token

PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
BE_PRESENT = frozenset({"am", "are", "is", "'re", "'m"})


class ModalRules(RuleBase):
    """Obligation demands and future commitments (mixed into ``Rules``)."""

    def _semi_modal(self, verb: Token) -> list[Finding]:
        """An obligation stated as "must" would be: "Russia needs to withdraw", "we have to act"."""
        done = next(
            (
                c
                for c in verb.children
                if c.dep_ == "xcomp"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if done is None or negated(verb):
            return []
        return self._obligation(done, subject(verb))

    def _time_for(self, noun: Token) -> list[Finding]:
        """An obligation stated as "it is time for Russia to withdraw" (``obligation_nouns``)."""
        done = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("relcl", "acl")
                and any(a.dep_ == "mark" and a.lower_ == "for" for a in c.children)
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if done is None or negated(noun.head):
            return []
        return self._obligation(done)

    def _obligation(self, verb: Token, subj: Token | None = None) -> list[Finding]:
        subj = subj if subj is not None else subject(verb)
        if subj is None or negated(verb):
            return []
        found = speaker(verb, self.ctx, first_person=subj.lower_ in FIRST_PERSON)
        if found is None:
            return []
        addressee: str | None = None
        # An object before the verb is a misparse ("No. Industry must deliver": "No" as object).
        dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        target = dobj if dobj is not None else verb
        if subj.lower_ not in FIRST_PERSON:
            actors = self.ctx.actors_of(subj)
            if actors and actors[0] in found.actors:
                return []
            if actors:
                addressee = actors[0]
            elif verb.lemma_.lower() in self.lex.obligation_predicates:
                # "those responsible must be held to account": what must happen is the target.
                if dobj is None or dobj.tag_ in PRONOUN_TAGS:
                    target = subj
            else:
                return []  # "the world must understand": no actor is being asked
        cue = Cue("must", StatementKind.DEMAND, None)
        return self._findings(
            "obligation-must", cue, None, found, verb, verb, [target], addressee, "obligation"
        )

    def _future(self, verb: Token) -> list[Finding]:
        """Commitment of the subject of "X will provide ..."."""
        if negated(verb) or verb.sent.text.rstrip().endswith("?"):
            return []
        found = holders(verb, self.ctx, speaker_fallback=False)
        if found is None:
            return []
        targets = self._future_targets(verb)
        if not targets:
            return []
        lemma = verb.lemma_.lower()
        cue = Cue(lemma, StatementKind.COMMITMENT, None)
        return self._findings(
            f"future-{lemma}", cue, None, found, verb, verb, targets[:1], None, "future"
        )

    def is_future(self, verb: Token) -> bool:
        """Whether ``verb`` is a listed verb with "will"/"shall", or a reported "would"."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.future_commitments:
            return False
        for child in verb.children:
            if child.dep_ != "aux":
                continue
            if child.lower_ in self.lex.future_modals:
                return True
            if self.backshifted(verb):
                return True  # "said Canada would provide": reported speech, not a condition
        return _ongoing_first_person(verb)

    def backshifted(self, verb: Token) -> bool:
        """Whether ``verb``'s "would" is a reported "will" ("X said it would send ...").

        Only under a past-tense reporting verb, without a negation or "only" ("would only
        accept" keeps its condition), and not in an "if" clause.
        """
        if not any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
            return False
        if negated(verb) or any(c.lower_ == "only" for c in verb.children):
            return False
        return any(
            a.pos_ == "VERB" and a.tag_ == "VBD" and a.lemma_.lower() in self.lex.reporting_verbs
            for a in verb.ancestors
        )

    @staticmethod
    def _future_targets(verb: Token) -> list[Token]:
        children = list(verb.children)
        for dep in ("dobj", "xcomp"):
            found = [c for c in children if c.dep_ == dep]
            if found:
                return found
        return [
            o
            for p in children
            if p.dep_ == "prep" and p.lower_ in TARGET_PREPS
            for o in p.children
            if o.dep_ in ("pobj", "pcomp")
        ]


def _ongoing_first_person(verb: Token) -> bool:
    """Whether "we"/"I" say they are doing it: "we continue to ...", "we are stepping up ..."."""
    subj = subject(verb)
    if subj is None or subj.lower_ not in ("we", "i"):
        return False
    if verb.tag_ in PRESENT_TAGS:
        return True
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in BE_PRESENT for c in verb.children
    )
