"""Loading a ``graph/`` folder into a :class:`~stancegraph.corpus.StanceGraph`."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace
from pathlib import Path

from stancegraph.articles import read_article
from stancegraph.coding import read_coding_file
from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError
from stancegraph.ids import is_safe_id
from stancegraph.model import Actor, Article, Event, Proposition, Rejection, Statement
from stancegraph.registry import read_registry

ARTICLES_DIR = "articles"
CODING_DIR = "coding"


def load(folder: Path | str) -> StanceGraph:
    """Load and validate every input in ``folder`` (see ``graph/README.md`` for the layout).

    Raises:
        InputError: the first mistake found, naming its file, line and field.

    Examples:
        >>> graph = load("graph")
        >>> graph.actor("vladimir-putin").wikidata
        'Q7747'

    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError(root, "", "not a folder: expected a graph/ folder with actors.yaml")
    registry = read_registry(root)
    actor_ids = registry.ids()[0]
    articles: dict[str, Article] = {}
    for path in sorted((root / ARTICLES_DIR).glob("*.txt")):
        if not is_safe_id(path.stem):
            raise InputError(path, "", f"file name {path.stem!r} is not a safe article id")
        article = read_article(path, actor_ids)
        articles[article.id] = article
    statements: dict[str, Statement] = {}
    # Provisional actors, propositions and events (written by `stancegraph extract`) may recur in
    # codings under the same id; the first file in sorted order defines them.
    new_actors: dict[str, Actor] = {}
    new_propositions: dict[str, Proposition] = {}
    new_events: dict[str, Event] = {}
    rejections: list[Rejection] = []
    for path in sorted((root / CODING_DIR).glob("*.yaml")):
        coding = read_coding_file(path, registry, articles)
        for statement in coding.statements:
            if statement.id in statements:
                raise InputError(
                    path, "id", f"statement {statement.id!r} is coded in another file as well"
                )
            statements[statement.id] = statement
        for actor in coding.actors:
            new_actors.setdefault(actor.id, actor)
        for proposition in coding.propositions:
            new_propositions.setdefault(proposition.id, proposition)
        for event in coding.events:
            new_events.setdefault(event.id, event)
        rejections += coding.rejections
    graph = StanceGraph(
        articles=tuple(articles[k] for k in sorted(articles)),
        actors=tuple(sorted((*registry.actors, *new_actors.values()), key=lambda a: a.id)),
        roles=registry.roles,
        memberships=registry.memberships,
        propositions=tuple(
            sorted((*registry.propositions, *new_propositions.values()), key=lambda p: p.id)
        ),
        events=(*registry.events, *(new_events[k] for k in sorted(new_events))),
        statements=tuple(statements[k] for k in sorted(statements)),
        rejections=tuple(sorted(rejections, key=lambda r: r.statement)),
        name=root.resolve().name,
    )
    return without_unused(graph, registry.gazetteer_ids)


def without_unused(graph: StanceGraph, droppable: Set[str]) -> StanceGraph:
    """``graph`` without the actors of ``droppable`` (the gazetteer's) that nothing refers to.

    A statement's holder, target or addressee, a role, a membership, an event's participant, an
    article's speaker or issuers, and the ``part_of`` of an actor kept all keep an actor.
    """
    used: set[str] = set()
    for s in graph.statements:
        used.update(x for x in (s.holder, s.target, s.addressee) if x is not None)
    used.update(x for r in graph.roles for x in (r.holder, r.organisation))
    used.update(x for m in graph.memberships for x in (m.member, m.organisation))
    used.update(p for e in graph.events for p in e.participants)
    for article in graph.articles:
        used.update((*article.issuers, *([article.speaker] if article.speaker else [])))
    used.update(a.id for a in graph.actors if a.id not in droppable)
    by_id = {a.id: a for a in graph.actors}
    pending = list(used)
    while pending:
        actor = by_id.get(pending.pop())
        parent = actor.part_of if actor is not None else None
        if parent is not None and parent not in used:
            used.add(parent)
            pending.append(parent)
    return replace(graph, actors=tuple(a for a in graph.actors if a.id in used))
