"""The cue lexicon: words that signal a position, read once from the YAML file in this package.

Examples:
    >>> lexicon = default_lexicon()
    >>> cue = lexicon.verbs["rule"][0]
    >>> cue.phrase, cue.kind.value, cue.polarity.value if cue.polarity else None
    ('rule out', 'stance', 'oppose')
    >>> "say" in lexicon.reporting_verbs
    True

"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from stancegraph.model import Polarity, StatementKind
from stancegraph.yamlsource import parse_yaml, validate

if TYPE_CHECKING:
    from spacy.tokens import Token

LEXICON_FILE = "cues.yaml"


class _CueInput(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    lemma: str
    kind: StatementKind
    polarity: Polarity | None = None
    target: Literal["infinitive", "actor"] | None = None
    negation: Literal["kept", "refusal"] | None = None
    not_with: list[str] = []


class _VoteInput(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    phrase: str
    polarity: Polarity


class _LexiconInput(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    verbs: list[_CueInput]
    nouns: list[_CueInput]
    adjectives: list[_CueInput]
    hedges: list[_CueInput]
    predicate_nouns: list[_CueInput]
    evaluatives: list[_CueInput]
    labelling_verbs: list[str]
    light_verbs: list[str]
    receiving_verbs: list[str]
    reporting_verbs: list[str]
    collectives: list[str]
    state_nouns: list[str]
    reciprocals: list[str]
    votes: list[_VoteInput]
    vote_objects: list[str]
    condition_markers: list[str]
    condition_verbs: list[str]
    condition_nouns: list[str]
    weakening_modals: list[str]
    obligation_modals: list[str]
    obligation_predicates: list[str]
    future_commitments: list[str]
    future_modals: list[str]
    condemning_modifiers: list[_CueInput] = []
    obligation_verbs: list[str] = []
    obligation_nouns: list[str] = []
    plural_people: list[str] = []
    plural_parties: list[str] = []
    title_heads: list[str] = []
    title_modifiers: list[str] = []
    meeting_verbs: list[str] = []
    event_verbs: list[str] = []
    event_nouns: list[str] = []


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: ``phrase`` is the lemma plus an optional particle ("rule out")."""

    phrase: str
    kind: StatementKind
    polarity: Polarity | None
    infinitive_only: bool = False
    actor_only: bool = False  # "concerned about X": only an actor named in the target counts
    keeps_negation: bool = False  # "has no intention of X" is still a commitment: not to X
    negated_refuses: bool = False  # "would not commit to X" opposes X
    not_with: frozenset[str] = frozenset()  # object lemmas that make the word no cue

    def applies_to(self, verb: Token) -> bool:
        """Whether the verb is this cue with the objects it has ("commit troops", not "crimes").

        >>> from stancegraph.extract.nlp import load_model
        >>> cue = default_lexicon().verbs["commit"][0]
        >>> doc = load_model()("They committed war crimes. We committed troops.")
        >>> cue.applies_to(doc[1]), cue.applies_to(doc[6])
        (False, True)
        """
        if not self.not_with:
            return True
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return not any(o.lemma_.lower() in self.not_with for o in objects)

    def refusal(self) -> Cue:
        """The stance of a negated ``negation: refusal`` cue: support, which negation flips."""
        return Cue(self.phrase, StatementKind.STANCE, Polarity.SUPPORT, self.infinitive_only)

    @property
    def head(self) -> str:
        """The lemma of the word that carries the cue ("rule" in "rule out")."""
        return self.phrase.split()[0]

    @property
    def particle(self) -> str | None:
        """The particle or preposition a phrasal cue needs ("out" in "rule out"), if any."""
        parts = self.phrase.split()
        return parts[1] if len(parts) > 1 else None

    @property
    def rule_id(self) -> str:
        """A stable part of the rule id naming this cue: ``rule-out``."""
        return self.phrase.replace(" ", "-")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cues indexed by the lemma of their head word, and the closed word lists the rules use."""

    verbs: dict[str, tuple[Cue, ...]]
    nouns: dict[str, tuple[Cue, ...]]
    adjectives: dict[str, tuple[Cue, ...]]
    hedges: dict[str, tuple[Cue, ...]]
    predicate_nouns: dict[str, tuple[Cue, ...]]
    evaluatives: dict[str, tuple[Cue, ...]]
    labelling_verbs: frozenset[str]
    light_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    collectives: frozenset[str]
    state_nouns: frozenset[str]
    reciprocals: frozenset[str]
    votes: dict[str, tuple[tuple[str, Polarity], ...]]  # by the verb's lemma: (phrase, polarity)
    vote_objects: frozenset[str]
    condition_markers: tuple[str, ...]
    condition_verbs: frozenset[str]
    condition_nouns: frozenset[str]
    weakening_modals: frozenset[str]
    obligation_modals: frozenset[str]
    obligation_predicates: frozenset[str]
    future_commitments: frozenset[str]
    future_modals: frozenset[str]
    # "Russia's illegal annexation", "the regime's brutal crackdown": words that condemn.
    condemning_modifiers: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    obligation_verbs: frozenset[str] = frozenset()  # "needs to", "has to": as "must"
    obligation_nouns: frozenset[str] = frozenset()  # "it is time for X to"
    plural_people: frozenset[str] = frozenset()  # "the two leaders", "the Secretaries"
    plural_parties: frozenset[str] = frozenset()  # "both sides", "the two countries"
    title_heads: frozenset[str] = frozenset()  # "President", "Minister": a post by itself
    title_modifiers: frozenset[str] = frozenset()  # "Prime", "Foreign", "Deputy": part of one
    meeting_verbs: frozenset[str] = frozenset()  # "met", "spoke to": taking part needs no noun
    event_verbs: frozenset[str] = frozenset()  # "attended", "held": taking part in an event noun
    event_nouns: frozenset[str] = frozenset()  # "summit", "call", "talks"


def _votes(votes: list[_VoteInput]) -> dict[str, tuple[tuple[str, Polarity], ...]]:
    out: dict[str, list[tuple[str, Polarity]]] = {}
    for vote in votes:
        out.setdefault(vote.phrase.split()[0], []).append((vote.phrase, vote.polarity))
    return {verb: tuple(phrases) for verb, phrases in out.items()}


def _index(cues: list[_CueInput]) -> dict[str, tuple[Cue, ...]]:
    out: dict[str, list[Cue]] = {}
    for item in cues:
        cue = Cue(
            item.lemma,
            item.kind,
            item.polarity,
            infinitive_only=item.target == "infinitive",
            actor_only=item.target == "actor",
            keeps_negation=item.negation == "kept",
            negated_refuses=item.negation == "refusal",
            not_with=frozenset(word.lower() for word in item.not_with),
        )
        out.setdefault(cue.head, []).append(cue)
    # Phrasal cues first, so "call for" is tried before a bare "call".
    return {
        k: tuple(sorted(v, key=lambda c: (c.particle is None, c.phrase))) for k, v in out.items()
    }


def read_lexicon(path: Path | None = None) -> Lexicon:
    """Read a cue lexicon (by default the one shipped in this package).

    Raises:
        InputError: the file is missing or malformed, naming its line and field.

    """
    if path is None:
        resource = files("stancegraph.extract").joinpath(LEXICON_FILE)
        text, where = resource.read_text(encoding="utf-8"), Path(str(resource))
    else:
        from stancegraph.yamlsource import read_text  # noqa: PLC0415 - only for custom lexicons

        text, where = read_text(path), path
    data: Any = parse_yaml(text, where)
    parsed = validate(_LexiconInput, data, where)
    return Lexicon(
        verbs=_index(parsed.verbs),
        nouns=_index(parsed.nouns),
        adjectives=_index(parsed.adjectives),
        hedges=_index(parsed.hedges),
        predicate_nouns=_index(parsed.predicate_nouns),
        evaluatives=_index(parsed.evaluatives),
        labelling_verbs=frozenset(parsed.labelling_verbs),
        light_verbs=frozenset(parsed.light_verbs),
        receiving_verbs=frozenset(parsed.receiving_verbs),
        reporting_verbs=frozenset(parsed.reporting_verbs),
        collectives=frozenset(parsed.collectives),
        state_nouns=frozenset(parsed.state_nouns),
        reciprocals=frozenset(parsed.reciprocals),
        votes=_votes(parsed.votes),
        vote_objects=frozenset(parsed.vote_objects),
        condition_markers=tuple(parsed.condition_markers),
        condition_verbs=frozenset(parsed.condition_verbs),
        condition_nouns=frozenset(parsed.condition_nouns),
        weakening_modals=frozenset(parsed.weakening_modals),
        obligation_modals=frozenset(parsed.obligation_modals),
        obligation_predicates=frozenset(parsed.obligation_predicates),
        future_commitments=frozenset(parsed.future_commitments),
        future_modals=frozenset(parsed.future_modals),
        condemning_modifiers=_index(parsed.condemning_modifiers),
        obligation_verbs=frozenset(parsed.obligation_verbs),
        obligation_nouns=frozenset(parsed.obligation_nouns),
        plural_people=frozenset(parsed.plural_people),
        plural_parties=frozenset(parsed.plural_parties),
        title_heads=frozenset(parsed.title_heads),
        title_modifiers=frozenset(parsed.title_modifiers),
        meeting_verbs=frozenset(parsed.meeting_verbs),
        event_verbs=frozenset(parsed.event_verbs),
        event_nouns=frozenset(parsed.event_nouns),
    )


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with stancegraph, read once per process."""
    return read_lexicon()
