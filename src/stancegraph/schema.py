"""Schemas of the input files in ``graph/``: what a user may write, checked once at the edge.

The models mirror the YAML layout documented in ``graph/README.md``; :mod:`stancegraph.loading`
turns them into the domain model.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from stancegraph.ids import ID_PATTERN
from stancegraph.model import ActorKind, Method, Polarity, ReviewStatus, StatementKind, TextType


def _safe_id(value: str) -> str:
    if ID_PATTERN.fullmatch(value) is None:
        raise ValueError(
            f"{value!r} is not a safe id: use 1-100 letters, digits, '-' or '_', "
            "starting with a letter or digit"
        )
    return value


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                f"{value!r} is not a date: write YYYY-MM-DD, e.g. 2025-03-15"
            ) from None
    raise ValueError(f"{value!r} is not a date: write YYYY-MM-DD, e.g. 2025-03-15")


def _qid(value: str) -> str:
    if re.fullmatch(r"Q[1-9][0-9]*", value) is None:
        raise ValueError(f"{value!r} is not a Wikidata item id such as Q145")
    return value


SafeId = Annotated[str, AfterValidator(_safe_id)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Text = Annotated[str, Field(min_length=1)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class RoleInput(_Input):
    """A post held by a person."""

    title: Text
    of: SafeId
    start: IsoDate | None = None
    end: IsoDate | None = None


class MembershipInput(_Input):
    """Membership of an organisation or coalition."""

    of: SafeId
    start: IsoDate | None = None
    end: IsoDate | None = None


class ActorInput(_Input):
    """One entry of ``actors.yaml``."""

    id: SafeId
    kind: ActorKind
    name: Text
    aliases: list[Text] = []
    wikidata: Annotated[str, AfterValidator(_qid)] | None = None
    iso3: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    demonyms: list[Text] = []
    part_of: SafeId | None = None
    roles: list[RoleInput] = []
    memberships: list[MembershipInput] = []


class ActorsFile(_Input):
    """``actors.yaml``."""

    actors: list[ActorInput]


class PropositionInput(_Input):
    """One entry of ``propositions.yaml``."""

    id: SafeId
    label: Text
    broader: SafeId | None = None
    keywords: list[Text] = []


class PropositionsFile(_Input):
    """``propositions.yaml``."""

    propositions: list[PropositionInput]


class EventInput(_Input):
    """One entry of ``events.yaml``."""

    id: SafeId
    label: Text
    date: IsoDate | None = None
    participants: list[SafeId] = []


class EventsFile(_Input):
    """``events.yaml``."""

    events: list[EventInput]


class ArticleMetadata(_Input):
    """The front matter of an article file."""

    title: Text
    published: IsoDate
    publisher: Text | None = None
    url: Text | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "en"
    speaker: SafeId | None = None
    issuers: list[SafeId] = []
    licence: Text | None = None
    text_type: TextType | None = None


class ConditionInput(_Input):
    """A condition: a proposition id or free text, not both."""

    proposition: SafeId | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Self:
        if (self.proposition is None) == (self.text is None):
            raise ValueError("give either 'proposition' or 'text'")
        return self


class EvidenceInput(_Input):
    """One quote; ``start`` picks the occurrence when the quote occurs more than once."""

    quote: Text
    start: Annotated[int, Field(ge=0, strict=True)] | None = None


class ProvenanceInput(_Input):
    """How an extracted statement was made, and what a person decided about it.

    ``reviewed: true`` alone confirms it; ``status`` says so precisely (``confirmed`` or
    ``corrected``), ``reviewer`` and ``reviewed_on`` who reviewed it and when.
    """

    method: Method
    rule: Text | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0
    reviewed: bool | None = None
    status: ReviewStatus | None = None
    reviewer: Text | None = None
    reviewed_on: IsoDate | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.method is Method.CURATED:
            if self.status not in (None, ReviewStatus.CURATED):
                raise ValueError(f"a curated statement's status is 'curated', not {self.status}")
            return self
        if self.status is ReviewStatus.CURATED:
            raise ValueError(
                "an extracted statement is 'confirmed', 'corrected' or 'unreviewed', not 'curated'"
            )
        reviewed = self.status is not ReviewStatus.UNREVIEWED
        if self.status is not None and self.reviewed is not None and self.reviewed != reviewed:
            raise ValueError(f"'reviewed: {str(self.reviewed).lower()}' contradicts the status")
        return self

    def review_status(self) -> ReviewStatus:
        """The status this provenance gives its statement."""
        if self.method is Method.CURATED:
            return ReviewStatus.CURATED
        if self.status is not None:
            return self.status
        return ReviewStatus.CONFIRMED if self.reviewed else ReviewStatus.UNREVIEWED


class StatementInput(_Input):
    """One entry of a coding file's ``statements``."""

    id: SafeId
    kind: StatementKind
    holder: SafeId
    target: SafeId
    polarity: Polarity | None = None
    conditions: list[ConditionInput] = []
    addressee: SafeId | None = None
    date: IsoDate | None = None
    quote: Text | None = None
    start: Annotated[int, Field(ge=0, strict=True)] | None = None
    evidence: list[EvidenceInput] | None = None
    note: str | None = None
    title: Text | None = None
    provenance: ProvenanceInput | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if (self.quote is None) == (self.evidence is None):
            raise ValueError("give either 'quote' or 'evidence' (a list of quotes)")
        if self.evidence is not None and not self.evidence:
            raise ValueError("'evidence' needs at least one quote")
        if self.start is not None and self.quote is None:
            raise ValueError("'start' goes with 'quote'; in 'evidence' give each item its start")
        if self.kind is StatementKind.STANCE and self.polarity is None:
            raise ValueError("a stance needs a polarity: support, oppose, conditional or neutral")
        if self.kind is not StatementKind.STANCE and self.polarity is not None:
            raise ValueError(f"only stances have a polarity, not a {self.kind.value}")
        if self.kind is StatementKind.ROLE and self.title is None:
            raise ValueError("a role needs the post's 'title' (the target is where it is held)")
        if self.kind is not StatementKind.ROLE and self.title is not None:
            raise ValueError(f"only roles have a title, not a {self.kind.value}")
        return self

    def quotes(self) -> list[EvidenceInput]:
        """The evidence items, whichever way they were written."""
        if self.evidence is not None:
            return list(self.evidence)
        assert self.quote is not None
        return [EvidenceInput(quote=self.quote, start=self.start)]


class ProvisionalActorInput(_Input):
    """An actor found in the text but not in the registry (written by ``stancegraph extract``)."""

    id: SafeId
    kind: ActorKind
    name: Text
    aliases: list[Text] = []


class ProvisionalPropositionInput(_Input):
    """A proposition named after a phrase of the text because none in the registry fit."""

    id: SafeId
    label: Text
    keywords: list[Text] = []


class ProvisionalEventInput(_Input):
    """An event named after the text (a call, a meeting) because none in the registry fit."""

    id: SafeId
    label: Text
    date: IsoDate | None = None


class ProvisionalInput(_Input):
    """Actors, propositions and events a coding introduces, until a curator registers them."""

    actors: list[ProvisionalActorInput] = []
    propositions: list[ProvisionalPropositionInput] = []
    events: list[ProvisionalEventInput] = []


class RejectionInput(_Input):
    """An extracted statement a person rejected: its id, and (optionally) what it said.

    A whole statement moved from ``statements`` to ``rejected`` is one; so is an id alone. Its
    references are not checked: they may name a provisional actor the file no longer declares.
    """

    id: SafeId
    kind: StatementKind | None = None
    holder: SafeId | None = None
    target: SafeId | None = None
    polarity: Polarity | None = None
    conditions: list[ConditionInput] = []
    addressee: SafeId | None = None
    title: Text | None = None
    quote: Text | None = None
    start: Annotated[int, Field(ge=0, strict=True)] | None = None
    note: str | None = None
    provenance: ProvenanceInput | None = None
    reviewer: Text | None = None
    reviewed_on: IsoDate | None = None


class CodingFile(_Input):
    """A coding file: the statements of one article, and the extracted ones a person rejected."""

    article: SafeId
    coder: Text
    provisional: ProvisionalInput | None = None
    statements: list[StatementInput]
    rejected: list[RejectionInput] = []
