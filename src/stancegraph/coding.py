"""Reading curated coding files into statements, with every reference and quote checked."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from stancegraph.model import (
    Article,
    Condition,
    Evidence,
    Method,
    Provenance,
    Statement,
)
from stancegraph.quotes import locate
from stancegraph.registry import Registry
from stancegraph.schema import CodingFile, StatementInput
from stancegraph.yamlsource import YamlFile


def read_coding(
    path: Path, registry: Registry, articles: Mapping[str, Article]
) -> tuple[Statement, ...]:
    """Read one coding file into statements about its article.

    Raises:
        InputError: the file is malformed, names an unknown article, actor, proposition or event,
            repeats a statement id, or quotes text that is not (or not once) in the article.

    """
    source = YamlFile(path)
    coding = source.validate(CodingFile)
    article = articles.get(coding.article)
    if article is None:
        raise source.error(
            ["article"], f"unknown article id {coding.article!r} (no such file in articles/)"
        )
    actor_ids, proposition_ids, event_ids = registry.ids()
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
                raise source.error([*where, field], f"unknown {kind} id {ref!r}")
        for j, condition in enumerate(item.conditions):
            if condition.proposition is not None and condition.proposition not in proposition_ids:
                raise source.error(
                    [*where, "conditions", j, "proposition"],
                    f"unknown proposition id {condition.proposition!r}",
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
            )
        )
    return tuple(statements)


def _evidence(
    source: YamlFile, where: list[str | int], item: StatementInput, article: Article
) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for j, quote in enumerate(item.quotes()):
        location = [*where, "quote"] if item.evidence is None else [*where, "evidence", j, "quote"]
        try:
            start, end = locate(article.text, quote.quote, quote.start)
        except ValueError as exc:
            raise source.error(location, f"{exc} (article {article.id})") from None
        out.append(Evidence(article.id, start, end, quote.quote))
    return tuple(out)


def _provenance(item: StatementInput, coder: str) -> Provenance:
    given = item.provenance
    if given is None or given.method is Method.CURATED:
        return Provenance(Method.CURATED, agent=coder, rule=None, confidence=1.0, reviewed=True)
    return Provenance(
        Method.EXTRACTED,
        agent=coder,
        rule=given.rule,
        confidence=given.confidence,
        reviewed=given.reviewed,
    )
