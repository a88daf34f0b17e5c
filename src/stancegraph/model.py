"""The domain model: immutable values that every view (RDF, networkx, drawings) is derived from.

Identifiers are plain strings validated at the input edge (see :mod:`stancegraph.ids`); references
between values are by id, and :class:`~stancegraph.corpus.StanceGraph` resolves them.

Examples:
    >>> from datetime import date
    >>> article = Article(id="a1", title="T", published=date(2025, 3, 15), text="Putin said no.")
    >>> article.sha256[:12]
    'd4cc49463287'
    >>> ev = Evidence(article="a1", start=0, end=5, quote="Putin")
    >>> ev.quote == article.text[ev.start : ev.end]
    True

"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ActorKind(StrEnum):
    """What sort of actor a node is."""

    PERSON = "person"
    STATE = "state"
    ORGANISATION = "organisation"
    COALITION = "coalition"
    GOVERNMENT_BODY = "government-body"
    GROUP = "group"


class StatementKind(StrEnum):
    """What a statement asserts about its holder."""

    STANCE = "stance"
    COMMITMENT = "commitment"
    DEMAND = "demand"
    CRITICISM = "criticism"
    PARTICIPATION = "participation"
    ROLE = "role"
    """The holder held a post (``title``) in the target, a state or organisation, as the text
    states it ("Finnish President Alexander Stubb")."""


class Polarity(StrEnum):
    """The direction of a stance."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    CONDITIONAL = "conditional"
    NEUTRAL = "neutral"


class TextType(StrEnum):
    """What sort of text an article is: it decides who "I" and "we" are, and how turns read."""

    PRESS_STATEMENT = "press-statement"
    READOUT = "readout"
    SPEECH = "speech"
    JOINT_STATEMENT = "joint-statement"
    SUMMIT_DECLARATION = "summit-declaration"
    TRANSCRIPT = "transcript"
    INSTITUTIONAL_STATEMENT = "institutional-statement"
    NEWS_REPORT = "news-report"


class Method(StrEnum):
    """How a statement was coded."""

    CURATED = "curated"
    EXTRACTED = "extracted"


class ReviewStatus(StrEnum):
    """Where a statement stands with a person: the closed set every statement is in.

    A rejected statement is not among them: a rejection is recorded in the coding file and keeps
    the statement out of the graph (see :class:`Rejection`).
    """

    CURATED = "curated"
    """Written by a person."""
    CONFIRMED = "confirmed"
    """Found by extraction; a person confirmed it as it was."""
    CORRECTED = "corrected"
    """Found by extraction; a person changed what it says."""
    UNREVIEWED = "unreviewed"
    """Found by extraction; no person has looked at it."""


class NodeKind(StrEnum):
    """What a statement's target (or any graph node) is."""

    ACTOR = "actor"
    PROPOSITION = "proposition"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: metadata plus the body exactly as stored."""

    id: str
    title: str
    published: date
    text: str
    publisher: str | None = None
    url: str | None = None
    language: str = "en"
    speaker: str | None = None
    """The one "I" of a first-person text (an actor id)."""
    issuers: tuple[str, ...] = ()
    """Whose "we" the text is: the issuing institution, the group, or every government of a
    joint statement (actor ids)."""
    licence: str | None = None
    text_type: TextType | None = None

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the UTF-8 body, so a reader can check the text offsets refer to."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Role:
    """A person holding a post (``title``) in a state or organisation for a span of time."""

    holder: str
    title: str
    organisation: str
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date) -> bool:
        """Whether the role was held on ``day`` (open ends count as unbounded).

        >>> Role("p", "President", "s", date(2020, 1, 1)).held_on(date(2025, 1, 1))
        True
        """
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Membership:
    """An actor's membership of an organisation or coalition for a span of time."""

    member: str
    organisation: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, state, organisation, coalition, government body or group."""

    id: str
    kind: ActorKind
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    iso3: str | None = None
    demonyms: tuple[str, ...] = ()
    part_of: str | None = None
    provisional: bool = False
    """True for an actor that extraction found in a text but could not link to the registry."""


@dataclass(frozen=True, slots=True)
class Proposition:
    """Something actors take positions on; ``broader`` links it into a small hierarchy."""

    id: str
    label: str
    broader: str | None = None
    keywords: tuple[str, ...] = ()
    provisional: bool = False
    """True for a proposition extraction named after a phrase, as none in the registry fit."""


@dataclass(frozen=True, slots=True)
class Event:
    """A summit, meeting or talks, with its date and known participants."""

    id: str
    label: str
    date: datetime.date | None = None  # the module: a field named "date" hides the type
    participants: tuple[str, ...] = ()
    provisional: bool = False
    """True for an event extraction named after the text (a call, a meeting) for want of one in
    the registry."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """An exact quote and its character offsets: ``article.text[start:end] == quote``."""

    article: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition attached to a statement: a proposition id, or free text."""

    proposition: str | None = None
    text: str | None = None

    def __str__(self) -> str:
        return self.proposition if self.proposition is not None else (self.text or "")


@dataclass(frozen=True, slots=True)
class Provenance:
    """How a statement was coded: by a curator, or by an extraction rule with a confidence.

    An extracted statement a person confirmed or corrected keeps its rule and confidence, and
    says who reviewed it and when.
    """

    method: Method
    agent: str
    rule: str | None = None
    confidence: float = 1.0
    status: ReviewStatus = ReviewStatus.CURATED
    reviewer: str | None = None
    reviewed_on: date | None = None

    @property
    def reviewed(self) -> bool:
        """Whether a person wrote, confirmed or corrected the statement."""
        return self.status is not ReviewStatus.UNREVIEWED


@dataclass(frozen=True, slots=True)
class Statement:
    """One position taken by an actor, backed by evidence.

    ``id`` is unique in the graph: ``ARTICLE/LOCAL-ID``.
    """

    id: str
    article: str
    kind: StatementKind
    holder: str
    target: str
    date: datetime.date
    evidence: tuple[Evidence, ...]
    provenance: Provenance
    polarity: Polarity | None = None
    conditions: tuple[Condition, ...] = ()
    addressee: str | None = None
    note: str | None = None
    title: str | None = None
    """The post of a role statement, as the text names it ("President")."""

    @property
    def local_id(self) -> str:
        """The id within its article's coding file."""
        return self.id.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Rejection:
    """A person's decision that an extracted statement is wrong: no later build brings it back.

    ``statement`` is the extracted statement's id. What it said (holder, kind, polarity, evidence
    span), where the coding file gives it, also keeps out the same reading under another id
    (an extractor whose evidence span moved a little).
    """

    statement: str
    article: str
    holder: str | None = None
    kind: StatementKind | None = None
    polarity: Polarity | None = None
    span: tuple[int, int] | None = None
    reviewer: str | None = None
    reviewed_on: date | None = None
