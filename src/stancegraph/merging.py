"""Merging extracted statements into a curated graph, with every review decision kept.

For each article, an extracted statement is left out of the graph when a person has decided
about it, in this order:

1. **reviewed**: a statement of a coding file has its id (a person confirmed or corrected it,
   keeping the id), or, for a reviewed copy whose ids an older extractor gave, it came from
   extraction and has exactly the same evidence span and the same holder or kind;
2. **rejected**: a rejection names its id, or says the same thing (holder, kind, polarity) on
   overlapping evidence;
3. **superseded**: a hand-written statement says the same by the rule of
   :mod:`stancegraph.matching` without targets (same holder, kind and polarity, overlapping
   evidence), or, failing that, has the same holder and kind on overlapping evidence: the
   person's reading of that evidence wins whatever the polarity, paired one to one.

The rest are kept, unreviewed. A reviewed copy marked ``confirmed`` that no longer says what the
extraction says is ``corrected``. Statements are grouped by article once, so the merge grows
linearly with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from stancegraph.corpus import StanceGraph
from stancegraph.extract.pipeline import Extraction
from stancegraph.gazetteer import with_gazetteer
from stancegraph.matching import Item, pair_up
from stancegraph.model import (
    Actor,
    Event,
    Method,
    Proposition,
    Rejection,
    ReviewStatus,
    Statement,
)


@dataclass(frozen=True, slots=True)
class Merged:
    """The merged graph and what happened to the candidates."""

    graph: StanceGraph
    candidates: int
    kept: int
    superseded: int  # matched by a hand-written statement, which wins
    provisional_actors: int
    reviewed: int = 0  # a person's confirmed or corrected copy stands in for it
    rejected: int = 0  # a person rejected it


@dataclass(frozen=True, slots=True)
class _Decisions:
    """Which extracted statements of one article a person's decisions leave out."""

    reviewed: dict[int, Statement]  # extracted index -> the curated statement standing in
    rejected: set[int]
    superseded: set[int]


def merge(graph: StanceGraph, extractions: Iterable[Extraction]) -> Merged:
    """``graph`` plus the extracted statements no decision of a person leaves out.

    Unknown entities become provisional actors of the merged graph (never dropped); provisional
    propositions and events are added where a kept statement points at them.
    """
    extra: list[Statement] = []
    actors: dict[str, Actor] = {a.id: a for a in graph.actors}
    propositions: dict[str, Proposition] = {p.id: p for p in graph.propositions}
    events: dict[str, Event] = {e.id: e for e in graph.events}
    curated_of: defaultdict[str, list[Statement]] = defaultdict(list)
    for statement in graph.statements:
        curated_of[statement.article].append(statement)
    rejections_of: defaultdict[str, list[Rejection]] = defaultdict(list)
    for rejection in graph.rejections:
        rejections_of[rejection.article].append(rejection)
    corrected: dict[str, Statement] = {}
    candidates = superseded = reviewed = rejected = 0
    for extraction in extractions:
        for actor in extraction.actors:
            actors.setdefault(actor.id, actor)
        new_props = {p.id: p for p in extraction.propositions}
        new_events = {e.id: e for e in extraction.events if e.id not in events}
        found = extraction.statements
        article = extraction.article.id
        decisions = _decide(found, curated_of[article], rejections_of[article])
        candidates += len(found)
        reviewed += len(decisions.reviewed)
        rejected += len(decisions.rejected)
        superseded += len(decisions.superseded)
        corrected |= _corrections(decisions, found)
        left_out = decisions.reviewed.keys() | decisions.rejected | decisions.superseded
        for index, statement in enumerate(found):
            if index in left_out:
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
    curated = (corrected.get(s.id, s) for s in graph.statements)
    merged = replace(
        graph,
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        propositions=tuple(sorted(propositions.values(), key=lambda p: p.id)),
        events=(
            *graph.events,
            *sorted((e for e in events.values() if e not in graph.events), key=lambda e: e.id),
        ),
        statements=tuple(sorted((*curated, *extra), key=lambda s: s.id)),
    )
    kept = len(extra)
    return Merged(merged, candidates, kept, superseded, provisional, reviewed, rejected)


def _decide(
    found: Sequence[Statement], curated: Sequence[Statement], rejections: Sequence[Rejection]
) -> _Decisions:
    by_id = {s.id: s for s in curated}
    reviewed = {i: by_id[s.id] for i, s in enumerate(found) if s.id in by_id}
    standing_in = {s.id for s in reviewed.values()}
    # A reviewed copy from an older extractor: its ids differ, its evidence spans do not.
    copies = [
        s for s in curated if s.provenance.method is Method.EXTRACTED and s.id not in standing_in
    ]
    for index, statement in enumerate(found):
        if index in reviewed:
            continue
        twin = next((c for c in copies if _same_candidate(c, statement)), None)
        if twin is not None:
            reviewed[index] = twin
            copies.remove(twin)
            standing_in.add(twin.id)
    open_ = [i for i in range(len(found)) if i not in reviewed]
    rejected = {i for i in open_ if any(_rejects(r, found[i]) for r in rejections)}
    open_ = [i for i in open_ if i not in rejected]
    written = [s for s in curated if s.id not in standing_in]
    superseded: set[int] = set()
    for with_polarity in (True, False):
        people = [_item(s, with_polarity) for s in written]
        machine = [_item(found[i], with_polarity) for i in open_]
        pairs = pair_up(people, machine, targets=False)
        superseded |= {open_[j] for _, j in pairs}
        taken = {i for i, _ in pairs}
        written = [s for n, s in enumerate(written) if n not in taken]
        open_ = [i for i in open_ if i not in superseded]
    return _Decisions(reviewed, rejected, superseded)


def _corrections(decisions: _Decisions, found: Sequence[Statement]) -> dict[str, Statement]:
    """The confirmed copies that no longer say what extraction says: they are corrections."""
    return {
        person.id: _with_status(person, ReviewStatus.CORRECTED)
        for index, person in decisions.reviewed.items()
        if person.provenance.status is ReviewStatus.CONFIRMED
        and _says(person) != _says(found[index])
    }


def _item(statement: Statement, with_polarity: bool) -> Item:
    return Item(
        holder=statement.holder,
        kind=statement.kind.value,
        polarity=statement.polarity.value if with_polarity and statement.polarity else None,
        spans=tuple((e.start, e.end) for e in statement.evidence),
    )


def _span(statement: Statement) -> tuple[int, int]:
    first = statement.evidence[0]
    return first.start, first.end


def _same_candidate(copy: Statement, statement: Statement) -> bool:
    """Whether a person's copy of an extracted statement is of ``statement`` (same span)."""
    return _span(copy) == _span(statement) and (
        copy.holder == statement.holder or copy.kind is statement.kind
    )


def _rejects(rejection: Rejection, statement: Statement) -> bool:
    if rejection.statement == statement.id:
        return True
    if rejection.holder is None or rejection.kind is None or rejection.span is None:
        return False
    start, end = rejection.span
    return (
        rejection.holder == statement.holder
        and rejection.kind is statement.kind
        and (rejection.polarity is None or rejection.polarity is statement.polarity)
        and any(e.start < end and start < e.end for e in statement.evidence)
    )


def _says(statement: Statement) -> tuple[object, ...]:
    """What a statement says, evidence included: a change of any of it is a correction."""
    return (
        statement.kind,
        statement.holder,
        statement.target,
        statement.polarity,
        statement.addressee,
        statement.title,
        statement.conditions,
        tuple((e.start, e.end) for e in statement.evidence),
    )


def _with_status(statement: Statement, status: ReviewStatus) -> Statement:
    return replace(statement, provenance=replace(statement.provenance, status=status))
