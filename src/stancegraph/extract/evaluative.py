"""Positions stated as a judgement rather than with a cue verb.

- *Predicate nouns* ("Russia is the only obstacle to peace", "The M23 offensive is a flagrant
  violation of the ceasefire"): the speaker of the words criticises the actor the subject names,
  as its head or as the owner of what it names (possessor, compound, demonym).
- *Labelling* ("Russia has called the surveillance cooperation a provocation", "described the
  vote as a violation of ..."): the subject of a verb from ``labelling_verbs`` criticises what it
  labels with a predicate noun.
- *Condemning modifiers* ("Russia's illegal annexation of Crimea", "Asad's murderous regime",
  "the brutal Russian attack"): whoever speaks the words (a reported speaker, else the text's
  issuers or speaker) criticises the actor that owns what is condemned.
- *Evaluative adjectives* ("sanctions are overdue", "it is essential to reach a deal", "the
  measure is counterproductive"): the speaker supports or opposes what the subject (or the
  extraposed clause) names. A subject that names an actor is no proposition: nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from stancegraph.extract.clauses import negated
from stancegraph.extract.findings import Finding, RuleBase
from stancegraph.extract.syntax import Holders, holders, speaker, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from stancegraph.extract.lexicon import Cue

# Where an owner of the subject names the actor criticised: "the M23 offensive", "Russia's war".
OWNER_DEPS = frozenset({"poss", "compound", "amod"})


class EvaluativeRules(RuleBase):
    """Predicate nouns, labelling verbs and evaluative adjectives (mixed into ``Rules``)."""

    def _accused(self, subj: Token) -> str | None:
        """The actor a subject names, as its head or as the owner of what it names."""
        actors = self.ctx.actors_of(subj)
        if actors:
            return actors[0]
        for child in subj.children:
            mention = self.ctx.mentions.at(child.i)
            if child.dep_ in OWNER_DEPS and mention is not None:
                return mention.actor  # a demonym counts here: "the Russian offensive"
        return None

    def _predicate_noun(self, noun: Token, cue: Cue) -> list[Finding]:
        copula = noun.head
        subj = subject(copula)
        if subj is None or negated(copula):
            return []
        accused = self._accused(subj)
        found = speaker(copula, self.ctx)
        if accused is None or found is None or accused in found.actors:
            return []
        return self._findings(
            f"predicate-{cue.rule_id}",
            cue,
            None,
            found,
            noun,
            copula,
            [],
            None,
            "predicate",
            target_actor=accused,
        )

    def labels(self, verb: Token) -> Token | None:
        """The predicate noun a labelling verb gives its object: "called X a provocation"."""
        if verb.lemma_.lower() not in self.lex.labelling_verbs or negated(verb):
            return None
        for child in verb.children:
            if child.dep_ == "oprd" and child.lemma_.lower() in self.lex.predicate_nouns:
                return child
            if child.dep_ == "prep" and child.lower_ == "as":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in self.lex.predicate_nouns:
                        return obj
        return None

    def _labelling(self, verb: Token, label: Token) -> list[Finding]:
        cue = self.lex.predicate_nouns[label.lemma_.lower()][0]
        found = holders(verb, self.ctx, speaker_fallback=False)
        labelled = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if found is None or labelled is None:
            return []
        actors = self.ctx.actors_of(labelled)
        if actors and actors[0] in found.actors:
            return []
        return self._findings(
            f"labelling-{cue.rule_id}",
            cue,
            None,
            found,
            verb,
            verb,
            [] if actors else [labelled],
            None,
            "predicate",
            target_actor=actors[0] if actors else None,
        )

    def _condemning(self, word: Token, cue: Cue) -> list[Finding]:
        noun = word.head
        while noun.dep_ == "conj" and noun.pos_ == "ADJ":  # "illegal and illegitimate annexation"
            noun = noun.head
        if noun.pos_ not in ("NOUN", "PROPN") or word.i > noun.i:
            return []
        accused = self._owner(noun)
        found = speaker(noun, self.ctx)
        if found is not None and found.via == "speaker" and self.ctx.issuers:
            # The text's own words: its issuers' (a minister's statement is the government's).
            found = Holders(self.ctx.we_for(noun), "speaker")
        clause = noun
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if accused is None or found is None or accused in found.actors or negated(clause):
            return []
        out = self._findings(
            f"condemning-{cue.rule_id}",
            cue,
            None,
            found,
            word,
            noun,
            [],
            None,
            "predicate",
            target_actor=accused,
        )
        return [replace(f, quote=_phrase_span(noun)) for f in out]

    def _owner(self, noun: Token) -> str | None:
        """Who owns a condemned thing: "Russia's", "the Russian", "the Asad regime's"."""
        for child in noun.children:
            mention = self.ctx.mentions.at(child.i)
            if child.dep_ in OWNER_DEPS and mention is not None:
                return mention.actor
        return None

    def _evaluative(self, adj: Token, cue: Cue) -> list[Finding]:
        copula = adj.head if adj.dep_ == "acomp" else adj
        subj = subject(copula)
        if subj is None or negated(copula) or negated(adj):
            return []
        extraposed = [c for c in (*adj.children, *copula.children) if c.dep_ in ("xcomp", "ccomp")]
        if subj.lower_ == "it" and extraposed:
            target = extraposed[0]  # "it is essential to reach a deal"
        elif self.ctx.actors_of(subj) or subj.lower_ in ("we", "i", "you"):
            return []  # "Ukraine is vital", "we are essential": no proposition judged
        else:
            target = subj  # a pronoun ("they are overdue") is resolved with the target
        found = speaker(copula, self.ctx)
        if found is None:
            return []
        return self._findings(
            f"evaluative-{cue.rule_id}",
            cue,
            cue.polarity,
            found,
            adj,
            copula,
            [target],
            None,
            "hedge",
        )


def _phrase_span(noun: Token) -> tuple[int, int]:
    """The phrase up to its head and its "of" part: "Russia's illegal annexation of Crimea"."""
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
        break
    return noun.left_edge.i, end
