"""Reading curated coding files into statements, with every reference and quote checked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from stancegraph.errors import did_you_mean
from stancegraph.model import (
    Actor,
    Article,
    Condition,
    Event,
    Evidence,
    Method,
    Proposition,
    Provenance,
    Rejection,
    ReviewStatus,
    Statement,
)
from stancegraph.quotes import locate
from stancegraph.registry import Registry
from stancegraph.schema import CodingFile, ProvisionalInput, RejectionInput, StatementInput
from stancegraph.yamlsource import YamlFile


@dataclass(frozen=True, slots=True)
class Coding:
    """What one coding file holds.

    Its statements, the provisional nodes they refer to, and the extracted statements a person
    rejected.
    """

    statements: tuple[Statement, ...]
    actors: tuple[Actor, ...] = ()
    propositions: tuple[Proposition, ...] = ()
    events: tuple[Event, ...] = ()
    rejections: tuple[Rejection, ...] = ()


def read_coding_file(path: Path, registry: Registry, articles: Mapping[str, Article]) -> Coding:
    """Read one coding file: statements, and the provisional actors, propositions, events.

    Raises:
        InputError: the file is malformed, names an unknown article, actor, proposition or event,
            repeats a statement id, declares a provisional id the registry already uses, or quotes
            text that is not (or not once) in the article.

    """
    source = YamlFile(path)
    coding = source.validate(CodingFile)
    article = articles.get(coding.article)
    if article is None:
        raise source.error(
            ["article"], f"unknown article id {coding.article!r} (no such file in articles/)"
        )
    actor_ids, proposition_ids, event_ids = registry.ids()
    new_actors, new_propositions, new_events = _provisional(
        source, coding.provisional, actor_ids | proposition_ids | event_ids
    )
    actor_ids = actor_ids | {a.id for a in new_actors}
    proposition_ids = proposition_ids | {p.id for p in new_propositions}
    event_ids = event_ids | {e.id for e in new_events}
    node_ids = actor_ids | proposition_ids | event_ids
    statements: list[Statement] = []
    seen: set[str] = set()
    for index, item in enumerate(coding.statements):
        where: list[str | int] = ["statements", index]
        if item.id in seen:
            raise source.error([*where, "id"], f"duplicate statement id {item.id!r}")
        seen.add(item.id)
        for field, ref, allowed, kind in (
            ("holder", item.holder, actor_ids, "actor"),
            ("target", item.target, node_ids, "actor, proposition or event"),
            ("addressee", item.addressee, actor_ids, "actor"),
        ):
            if ref is not None and ref not in allowed:
                message = f"unknown {kind} id {ref!r}{did_you_mean(ref, allowed)}"
                raise source.error([*where, field], message)
        for j, condition in enumerate(item.conditions):
            if condition.proposition is not None and condition.proposition not in proposition_ids:
                raise source.error(
                    [*where, "conditions", j, "proposition"],
                    f"unknown proposition id {condition.proposition!r}"
                    + did_you_mean(condition.proposition, proposition_ids),
                )
        statements.append(
            Statement(
                id=f"{article.id}/{item.id}",
                article=article.id,
                kind=item.kind,
                holder=item.holder,
                target=item.target,
                date=item.date or article.published,
                evidence=_evidence(source, where, item, article),
                provenance=_provenance(item, coding.coder),
                polarity=item.polarity,
                conditions=tuple(Condition(c.proposition, c.text) for c in item.conditions),
                addressee=item.addressee,
                note=item.note,
                title=item.title,
            )
        )
    rejections = _rejections(source, coding.rejected, article, seen)
    return Coding(tuple(statements), new_actors, new_propositions, new_events, rejections)


def _rejections(
    source: YamlFile, given: list[RejectionInput], article: Article, seen: set[str]
) -> tuple[Rejection, ...]:
    out: list[Rejection] = []
    for index, item in enumerate(given):
        where: list[str | int] = ["rejected", index]
        if item.id in seen:
            raise source.error(
                [*where, "id"], f"statement {item.id!r} is both kept and rejected in this file"
            )
        seen.add(item.id)
        span = None
        if item.quote is not None:
            span = _located(source, [*where, "quote"], article, item.quote, item.start)
        out.append(
            Rejection(
                statement=f"{article.id}/{item.id}",
                article=article.id,
                holder=item.holder,
                kind=item.kind,
                polarity=item.polarity,
                span=span,
                reviewer=item.reviewer,
                reviewed_on=item.reviewed_on,
            )
        )
    return tuple(out)


def _provisional(
    source: YamlFile, given: ProvisionalInput | None, registry_ids: set[str]
) -> tuple[tuple[Actor, ...], tuple[Proposition, ...], tuple[Event, ...]]:
    if given is None:
        return (), (), ()
    seen: set[str] = set()
    for section, ids in (
        ("actors", [a.id for a in given.actors]),
        ("propositions", [p.id for p in given.propositions]),
        ("events", [e.id for e in given.events]),
    ):
        for index, item_id in enumerate(ids):
            if item_id in registry_ids or item_id in seen:
                raise source.error(
                    ["provisional", section, index, "id"],
                    f"id {item_id!r} is already used (in the registry or above)",
                )
            seen.add(item_id)
    actors = tuple(
        Actor(a.id, a.kind, a.name, aliases=tuple(a.aliases), provisional=True)
        for a in given.actors
    )
    propositions = tuple(
        Proposition(p.id, p.label, keywords=tuple(p.keywords), provisional=True)
        for p in given.propositions
    )
    events = tuple(Event(e.id, e.label, e.date, provisional=True) for e in given.events)
    return actors, propositions, events


def _evidence(
    source: YamlFile, where: list[str | int], item: StatementInput, article: Article
) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for j, quote in enumerate(item.quotes()):
        location = [*where, "quote"] if item.evidence is None else [*where, "evidence", j, "quote"]
        start, end = _located(source, location, article, quote.quote, quote.start)
        out.append(Evidence(article.id, start, end, quote.quote))
    return tuple(out)


def _located(
    source: YamlFile, where: list[str | int], article: Article, quote: str, start: int | None
) -> tuple[int, int]:
    """Where ``quote`` is in the article, or an error naming the field that gives it."""
    try:
        return locate(article.text, quote, start)
    except ValueError as exc:
        raise source.error(where, f"{exc} (article {article.id})") from None


def _provenance(item: StatementInput, coder: str) -> Provenance:
    given = item.provenance
    if given is None or given.method is Method.CURATED:
        return Provenance(Method.CURATED, agent=coder, status=ReviewStatus.CURATED)
    return Provenance(
        Method.EXTRACTED,
        agent=coder,
        rule=given.rule,
        confidence=given.confidence,
        status=given.review_status(),
        reviewer=given.reviewer,
        reviewed_on=given.reviewed_on,
    )
