"""The extraction rules: a cue word, its holder, its target, and what qualifies it.

Each rule has an id (``verb-support``, ``noun-acceptance``, ``hedge-premature``, ...) recorded in
the provenance of what it produces. Rules look only inside the cue's syntactic reach.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stancegraph.extract.clauses import (
    TARGET_PREPS,
    depth,
    negated,
    noun_targets,
    phrase,
    polarity_of,
    unless_clause,
    with_conjuncts,
)
from stancegraph.extract.evaluative import EvaluativeRules
from stancegraph.extract.findings import Finding, reciprocated
from stancegraph.extract.lexicon import Cue
from stancegraph.extract.mentions import FIRST_PERSON
from stancegraph.extract.modal import ModalRules
from stancegraph.extract.syntax import RELATIVE_PRONOUNS, Holders, holders, subject
from stancegraph.extract.votes import VoteRules
from stancegraph.model import Polarity, StatementKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Finding", "Rules"]


# A possessive that can only be the light verb's subject's: "we reaffirm our", "they voiced their".
OWN_POSSESSIVES = FIRST_PERSON | frozenset({"their", "his", "her", "its"})


class Rules(ModalRules, EvaluativeRules, VoteRules):
    """Applies the lexicon's cues to a parsed document (one instance per extractor)."""

    def run(self, doc: Doc) -> list[Finding]:
        """Every finding in ``doc``: outer cues first; a cue inside another's target is skipped."""
        lex = self.lex
        lemmas = {
            *lex.verbs,
            *lex.nouns,
            *lex.predicate_nouns,
            *lex.labelling_verbs,
            *lex.votes,
            *lex.obligation_verbs,
            *lex.obligation_nouns,
        }
        words = {*lex.adjectives, *lex.hedges, *lex.evaluatives, *lex.condemning_modifiers}
        candidates: dict[int, Token] = {}
        advcls: list[Token] = []
        # One pass over the tokens picks the few that can carry a cue; only those are examined.
        for token in doc:
            if token.lemma_.lower() in lemmas or token.lower_ in words:
                candidates[token.i] = token
            elif token.dep_ == "aux" and (
                token.lower_ in lex.obligation_modals or self.is_future(token.head)
            ):
                candidates[token.head.i] = token.head  # "must stop", "will provide"
            if token.dep_ == "advcl" or (token.dep_ == "advmod" and token.n_lefts):
                advcls.append(token)  # "if ..."; "as long as ..." (an adverb with its "as")
        conditional = self._conditional_regions(advcls)
        consumed: set[int] = set()
        findings: list[Finding] = []
        # Shallow tokens first, so that in "refused to back" or "urged X to commit" the outer cue
        # decides and the inner one is part of its target.
        order = sorted(candidates.values(), key=lambda t: (depth(t), t.i))
        for token in order:
            if token.i in conditional:
                continue
            if token.i in consumed and not self._explicit_holder(token):
                continue
            found = self._apply(token)
            for finding in found:
                findings.append(finding)
                # A target before the quote (a bare vote's text) is no phrase this cue governs.
                if finding.target is not None and finding.target.i >= finding.quote[0]:
                    consumed.update(t.i for t in finding.target.subtree)
        ordered = sorted(findings, key=lambda f: (f.quote, f.rule, f.holders.actors))
        return [one for finding in ordered for one in reciprocated(finding, lex.reciprocals)]

    def _explicit_holder(self, token: Token) -> bool:
        """Whether a cue names its own holder ("the call by the AU for ...", "proposed by X").

        Such a reported position is kept even inside another statement's target.
        """
        if token.pos_ == "VERB" and token.dep_ == "acl" and token.lemma_.lower() in self.lex.verbs:
            return any(c.dep_ == "agent" for c in token.children)  # "a plan proposed by X"
        return (
            token.pos_ == "NOUN"
            and token.lemma_.lower() in self.lex.nouns
            and any(
                c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in token.children
            )
        )

    def _apply(self, token: Token) -> list[Finding]:  # noqa: PLR0911, PLR0912 - a branch per cue family
        lemma = token.lemma_.lower()
        label = self.labels(token) if token.pos_ == "VERB" else None
        if label is not None:
            return self._labelling(token, label)  # "called the cooperation a provocation"
        if token.pos_ == "VERB" and lemma in self.lex.votes:
            return self._vote(token)
        cues = [c for c in self.lex.verbs.get(lemma, ()) if c.applies_to(token)]
        if token.pos_ == "VERB" and cues:
            found = self._verb(token, tuple(cues))
            if found or token.lower_ not in self.lex.adjectives:
                return found
        if token.pos_ == "NOUN" and lemma in self.lex.nouns:
            return self._noun(token, self.lex.nouns[lemma])
        if token.dep_ == "attr" and lemma in self.lex.predicate_nouns:
            return self._predicate_noun(token, self.lex.predicate_nouns[lemma][0])
        if token.dep_ in ("amod", "conj") and token.lower_ in self.lex.condemning_modifiers:
            return self._condemning(token, self.lex.condemning_modifiers[token.lower_][0])
        if token.pos_ in ("ADJ", "VERB") and token.dep_ in (
            "acomp",
            "conj",
            "amod",
            "ROOT",
            "ccomp",
            "xcomp",
            "advcl",
        ):
            word = token.lower_
            if word in self.lex.adjectives:
                return self._adjective(token, self.lex.adjectives[word][0], "adjective")
            if word in self.lex.hedges:
                return self._adjective(token, self.lex.hedges[word][0], "hedge")
            if word in self.lex.evaluatives:
                return self._evaluative(token, self.lex.evaluatives[word][0])
        if token.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in self.lex.obligation_modals for c in token.children
        ):
            return self._obligation(token)
        if token.pos_ in ("VERB", "AUX") and lemma in self.lex.obligation_verbs:
            return self._semi_modal(token)
        if token.pos_ == "NOUN" and lemma in self.lex.obligation_nouns:
            return self._time_for(token)
        if self.is_future(token):
            return self._future(token)
        return []

    # ------------------------------------------------------------------ verbs
    def _verb(self, verb: Token, cues: tuple[Cue, ...]) -> list[Finding]:
        cue = self._phrasal(verb, cues)
        denied = negated(verb)
        if cue is not None and cue.negated_refuses and denied:
            cue = cue.refusal()
        if cue is None or (denied and cue.kind is not StatementKind.STANCE):
            return []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        reduced = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "a compromise proposed by X"
        addressee: str | None = None
        if passive or reduced:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            by = [o for o in (agent.children if agent is not None else ()) if o.dep_ == "pobj"]
            actors = self.ctx.actors_of(by[0]) if by else ()
            found: Holders | None = Holders(actors, "subject") if actors else None
            # "the text, which was tabled by X": the relative pronoun stands for the text.
            relative = verb.dep_ == "relcl"
            targets = (
                [verb.head]
                if reduced
                else [
                    verb.head if relative and c.lower_ in RELATIVE_PRONOUNS else c
                    for c in verb.children
                    if c.dep_ == "nsubjpass"
                ]
            )
        else:
            found = holders(verb, self.ctx, speaker_fallback=False)
            targets, addressee = self._verb_targets(verb, cue)
        if found is None or not targets:
            return []
        if cue.kind is StatementKind.DEMAND and addressee is None and targets[0].dep_ == "ccomp":
            content_subject = subject(targets[0])
            if content_subject is None or not self.ctx.actors_of(content_subject):
                # "insisting that a path to peace should begin without conditions": a demand
                # addressed to nobody, on a proposition, is support for that proposition.
                cue = Cue(cue.phrase, StatementKind.STANCE, Polarity.SUPPORT)
        polarity = polarity_of(cue, verb, self.lex.weakening_modals)
        if polarity is Polarity.CONDITIONAL and self.backshifted(verb):
            polarity = cue.polarity  # "said Washington would support": reported "will support"
        refusal = cue.polarity is Polarity.OPPOSE and not negated(verb)
        exception = unless_clause(targets[0]) if refusal else None
        if exception is not None:
            # "would veto any resolution that did not also name X": it would accept one that did.
            polarity = Polarity.CONDITIONAL
        return self._findings(
            f"verb-{cue.rule_id}",
            cue,
            polarity,
            found,
            verb,
            verb,
            targets,
            addressee,
            "verb",
            conditions=(phrase(exception),) if exception is not None else (),
        )

    def _phrasal(self, verb: Token, cues: tuple[Cue, ...]) -> Cue | None:
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
        own_particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        for cue in cues:
            if cue.particle is not None and cue.particle in particles:
                return cue
            if cue.particle is None and not own_particles:
                return cue  # "back" but not "back down"
        return None

    def _verb_targets(self, verb: Token, cue: Cue) -> tuple[list[Token], str | None]:
        children = list(verb.children)
        xcomp = [c for c in children if c.dep_ == "xcomp"]
        dobj = [c for c in children if c.dep_ == "dobj"]
        preps = {c.lower_: c for c in children if c.dep_ == "prep"}
        addressee: str | None = None
        # "committed to provide", "urged X to stop": the parser often makes the infinitive an advcl.
        infinitives = [
            c
            for c in children
            if c.dep_ == "advcl" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
        ]
        if cue.kind is StatementKind.DEMAND:
            named = dobj or [
                o
                for p in ("on", "upon", "to")
                if p in preps
                for o in preps[p].children
                if o.dep_ == "pobj"
            ]
            xcomp = xcomp or infinitives
            if named and xcomp:
                actors = self.ctx.actors_of(named[0])
                addressee = actors[0] if actors else None
                return with_conjuncts(xcomp[0], verb), addressee
        if cue.kind is StatementKind.COMMITMENT and not dobj:
            xcomp = xcomp or infinitives
        if xcomp:
            return with_conjuncts(xcomp[0], verb), None
        if cue.infinitive_only:
            objects = [
                o for p in ("to", "on") if p in preps for o in preps[p].children if o.dep_ == "pobj"
            ]
            return objects[:1], None
        if dobj:
            return [dobj[0]], None
        wanted = (cue.particle,) if cue.particle else TARGET_PREPS
        for name in wanted:
            prep = preps.get(name or "")
            if prep is not None:
                objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
                if objects:
                    return objects[:1], None
        ccomp = [c for c in children if c.dep_ == "ccomp"]
        return ccomp[:1], None

    # ------------------------------------------------------------------ nouns
    def _noun(self, noun: Token, cues: tuple[Cue, ...]) -> list[Finding]:  # noqa: PLR0911, PLR0912
        cue = cues[0]
        head = noun.head
        found: Holders | None = None
        target_actor: str | None = None
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is None:
            # "the call by the African Union for ...": the agent holds it, as a possessor would.
            poss = next(
                (
                    o
                    for p in noun.children
                    if p.dep_ == "prep" and p.lower_ == "by"
                    for o in p.children
                    if o.dep_ == "pobj"
                ),
                None,
            )
        denied = negated(head) or any(c.dep_ == "neg" or c.lower_ == "no" for c in noun.children)
        if denied and not cue.keeps_negation:
            return []
        if (
            poss is not None
            and poss.lower_ in OWN_POSSESSIVES
            and noun.dep_ == "dobj"
            and head.lemma_.lower() in self.lex.light_verbs
        ):
            # "We reaffirm our commitment to ...": the speaker's, as "we" would be; "the leaders
            # voiced their support for ...": the subject's own.
            found, clause = holders(head, self.ctx, speaker_fallback=False), head
        elif poss is not None:
            actors = self.ctx.actors_of(poss)
            if not actors:
                return []  # "the military's support": a possessor that is no actor
            mention = self.ctx.mentions.at(poss.i)
            found = Holders(
                actors, "pronoun" if mention and mention.how.value == "pronoun" else "subject"
            )
            clause = head if noun.dep_ == "dobj" else noun
        elif noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.receiving_verbs:
            # "the plan won support from X": X holds it, the plan is its target.
            sources = [
                o
                for p in (*head.children, *noun.children)
                if p.dep_ == "prep" and p.lower_ in ("from", "of")
                for o in p.children
                if o.dep_ == "pobj"
            ]
            actors = self.ctx.actors_of(sources[0]) if sources else ()
            subj = subject(head)
            if not actors or subj is None:
                return []
            found = Holders(actors, "subject")
            owner = head.head if subj.lower_ in ("which", "that", "who") else subj
            owners = self.ctx.actors_of(owner)
            if not owners:
                return []
            target_actor, clause = owners[0], head
        elif noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.light_verbs:
            found, clause = holders(head, self.ctx, speaker_fallback=True), head
        elif noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "NOUN"):
            # "... devise plans in support of a peace agreement": the clause's subject.
            verb = head.head if head.head.pos_ == "VERB" else head.head.head
            found, clause = holders(verb, self.ctx, speaker_fallback=False), verb
        else:
            return []
        if found is None:
            return []
        targets = [] if target_actor else noun_targets(noun)
        if cue.actor_only:
            target_actor = self._blamed(targets[0], found) if targets else None
            targets = []
        if not targets and target_actor is None:
            return []
        polarity = polarity_of(cue, clause, self.lex.weakening_modals)
        return self._findings(
            f"noun-{cue.rule_id}",
            cue,
            polarity,
            found,
            noun,
            clause,
            targets,
            None,
            "noun",
            target_actor=target_actor,
            negative=denied,
        )

    # ------------------------------------------------------------------ adjectives
    def _adjective(self, adj: Token, cue: Cue, family: str) -> list[Finding]:
        copula = adj.head if adj.dep_ in ("acomp", "amod") else adj
        if adj.dep_ == "conj":
            copula = adj.head.head if adj.head.dep_ == "acomp" else adj.head
        if negated(copula) or negated(adj):
            return []
        found = holders(copula, self.ctx, speaker_fallback=family == "hedge")
        targets = [c for c in adj.children if c.dep_ == "xcomp"] or [
            c for c in copula.children if c.dep_ == "xcomp"
        ]
        if not targets:
            targets = [
                o
                for p in adj.children
                if p.dep_ == "prep" and p.lower_ in ("about", "of", "on", "over", "to", "by")
                for o in p.children
                if o.dep_ in ("pobj", "pcomp")
            ]
        if found is None or not targets:
            return []
        blamed = self._blamed(targets[0], found) if cue.actor_only else None
        if cue.actor_only and blamed is None:
            return []
        return self._findings(
            f"{family}-{cue.rule_id}",
            cue,
            cue.polarity,
            found,
            adj,
            copula,
            [] if blamed else targets[:1],
            None,
            family,
            target_actor=blamed,
        )
