"""Merging extracted statements into a curated graph.

A curated statement wins over an extracted one it matches by the rule of
:mod:`stancegraph.matching` without targets (same holder, kind and polarity, overlapping
evidence), paired one to one: the person's reading of that evidence replaces the machine's, whatever
target either chose. The other extracted statements are kept, unreviewed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from stancegraph.corpus import StanceGraph
from stancegraph.extract.pipeline import Extraction
from stancegraph.gazetteer import with_gazetteer
from stancegraph.matching import pair_up, statement_item
from stancegraph.model import Actor, Event, Proposition, Statement


@dataclass(frozen=True, slots=True)
class Merged:
    """The merged graph and what happened to the candidates."""

    graph: StanceGraph
    candidates: int
    kept: int
    superseded: int  # matched by a curated statement, which wins
    provisional_actors: int


def merge(graph: StanceGraph, extractions: Iterable[Extraction]) -> Merged:
    """``graph`` plus the extracted statements no statement of ``graph`` already says.

    Unknown entities become provisional actors of the merged graph (never dropped); provisional
    propositions and events are added where a kept statement points at them.
    """
    extra: list[Statement] = []
    actors: dict[str, Actor] = {a.id: a for a in graph.actors}
    propositions: dict[str, Proposition] = {p.id: p for p in graph.propositions}
    events: dict[str, Event] = {e.id: e for e in graph.events}
    candidates = superseded = 0
    for extraction in extractions:
        for actor in extraction.actors:
            actors.setdefault(actor.id, actor)
        new_props = {p.id: p for p in extraction.propositions}
        new_events = {e.id: e for e in extraction.events if e.id not in events}
        curated = [s for s in graph.statements if s.article == extraction.article.id]
        with_new = replace(
            graph,
            actors=tuple(actors.values()),
            propositions=(
                *propositions.values(),
                *(p for k, p in new_props.items() if k not in propositions),
            ),
            events=(*events.values(), *new_events.values()),
        )
        curated_items = [statement_item(s, with_new) for s in curated]
        found = [statement_item(s, with_new) for s in extraction.statements]
        replaced = {j for _, j in pair_up(curated_items, found, targets=False)}
        for index, statement in enumerate(extraction.statements):
            candidates += 1
            if index in replaced:
                superseded += 1
                continue
            extra.append(statement)
            if statement.target in new_props:
                propositions.setdefault(statement.target, new_props[statement.target])
            if statement.target in new_events:
                events.setdefault(statement.target, new_events[statement.target])
    # A kept statement may name an actor of the gazetteer that the graph had no use for yet.
    shipped = {a.id: a for a in with_gazetteer(tuple(actors.values()))}
    for statement in extra:
        for node in (statement.holder, statement.target, statement.addressee):
            if node is not None and node not in actors and node in shipped:
                actors[node] = shipped[node]
    provisional = sum(1 for a in actors.values() if a.provisional)
    merged = replace(
        graph,
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        propositions=tuple(sorted(propositions.values(), key=lambda p: p.id)),
        events=(
            *graph.events,
            *sorted((e for e in events.values() if e not in graph.events), key=lambda e: e.id),
        ),
        statements=tuple(sorted((*graph.statements, *extra), key=lambda s: s.id)),
    )
    return Merged(merged, candidates, len(extra), superseded, provisional)
