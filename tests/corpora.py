"""Small hand-made corpora with known answers, built as StanceGraph values (no files)."""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from stancegraph import (
    Actor,
    ActorKind,
    Article,
    Evidence,
    Method,
    Polarity,
    Proposition,
    Provenance,
    Role,
    StanceGraph,
    Statement,
    StatementKind,
)
from tests.conftest import ROOT

Row = tuple[str, str, str, str]
"""holder, target, polarity (or a statement kind for non-stances), ISO date."""

CURATED = Provenance(Method.CURATED, "test")


def corpus(
    rows: Iterable[Row],
    *,
    actors: Iterable[Actor] = (),
    roles: Iterable[Role] = (),
    name: str = "test corpus",
) -> StanceGraph:
    """One article per date; each row becomes a statement quoting its own sentence."""
    rows = list(rows)
    known = {a.id: a for a in actors}
    holders = {h for h, _, _, _ in rows}
    targets = {t for _, t, _, _ in rows} - holders - set(known)
    for holder in sorted(holders - set(known)):
        known[holder] = Actor(holder, ActorKind.STATE, holder.replace("-", " ").title())
    by_day: dict[str, list[tuple[int, Row]]] = {}
    for number, row in enumerate(rows):
        by_day.setdefault(row[3], []).append((number, row))
    articles, statements = [], []
    for day, items in sorted(by_day.items()):
        article_id = f"article-{day}"
        text = ""
        for number, (holder, target, what, _) in items:
            sentence = f"{holder} says {what} on {target} (statement {number})."
            start = len(text)
            text += sentence + " "
            kind = StatementKind.STANCE if what in set(Polarity) else StatementKind(what)
            statements.append(
                Statement(
                    id=f"{article_id}/s{number:04d}",
                    article=article_id,
                    kind=kind,
                    holder=holder,
                    target=target,
                    date=date.fromisoformat(day),
                    evidence=(Evidence(article_id, start, start + len(sentence), sentence),),
                    provenance=CURATED,
                    polarity=Polarity(what) if kind is StatementKind.STANCE else None,
                )
            )
        articles.append(Article(article_id, f"Report of {day}", date.fromisoformat(day), text))
    return StanceGraph(
        articles=tuple(articles),
        actors=tuple(sorted(known.values(), key=lambda a: a.id)),
        roles=tuple(roles),
        propositions=tuple(
            Proposition(t, t.replace("-", " ").capitalize()) for t in sorted(targets)
        ),
        statements=tuple(sorted(statements, key=lambda s: s.id)),
        name=name,
    )


def two_blocs() -> StanceGraph:
    """Bloc A (a1-a3) supports p1, p2 and opposes p3; bloc B (b1, b2) the reverse.

    c supports p1 only; d states p1 conditionally; e is neutral on p3.
    """
    rows: list[Row] = []
    for actor in ("a1", "a2", "a3"):
        rows += [(actor, "p1", "support", "2025-01-10"), (actor, "p2", "support", "2025-01-10")]
        rows += [(actor, "p3", "oppose", "2025-01-20")]
    for actor in ("b1", "b2"):
        rows += [(actor, "p1", "oppose", "2025-01-10"), (actor, "p2", "oppose", "2025-01-10")]
        rows += [(actor, "p3", "support", "2025-01-20")]
    rows += [("c", "p1", "support", "2025-02-01"), ("d", "p1", "conditional", "2025-02-01")]
    rows += [("e", "p3", "neutral", "2025-02-01")]
    return corpus(rows, name="two blocs")


FIRST = [
    "Anna",
    "Berit",
    "Carlos",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
]
LAST = [
    "Abara",
    "Brandt",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Grasso",
    "Haddad",
    "Ivanova",
    "Jensen",
]
STATES = [
    "Aldoria",
    "Belmont",
    "Corvania",
    "Drenland",
    "Estovia",
    "Fernmark",
    "Galdor",
    "Hestia",
    "Istria",
    "Jorvik",
]
ISSUES = [
    "ceasefire along the current front line",
    "sanctions on energy exports",
    "security guarantees",
    "peacekeeping troops",
    "frozen assets for reconstruction",
    "membership talks",
    "arms deliveries",
    "prisoner exchange",
    "grain corridor",
    "nuclear plant inspections",
    "war crimes tribunal",
    "direct negotiations",
    "air defence systems",
    "energy price cap",
    "refugee protection",
    "demilitarised zone",
    "long-range missiles",
    "reparations",
    "border referendum",
    "humanitarian corridors",
]


def blocs_of_sixty(seed: int = 0, actors: int = 60, blocs: int = 4) -> StanceGraph:
    """``actors`` actors in ``blocs`` blocs over the 20 issues, with realistic label lengths.

    Each bloc has an ideal polarity per issue; each actor states 5-9 positions over six months,
    following its bloc 85% of the time. Some actors also commit, demand or criticise.
    """
    rng = random.Random(seed)
    polarities = [p.value for p in Polarity]
    ideals = [[rng.choice(polarities[:3]) for _ in ISSUES] for _ in range(blocs)]
    people = []
    for number in range(actors):
        if number % 3 == 2:
            name = f"{STATES[number % len(STATES)]} {['', 'Republic', 'Union'][number % 3]}"
            name = f"{name.strip()} {number}"
            people.append(Actor(f"actor-{number:02d}", ActorKind.STATE, name))
        else:
            name = f"{FIRST[number % len(FIRST)]} {LAST[(number * 7) % len(LAST)]}-{number}"
            people.append(Actor(f"actor-{number:02d}", ActorKind.PERSON, name))
    issue_ids = [issue.replace(" ", "-") for issue in ISSUES]
    start = date(2025, 1, 1)
    rows: list[Row] = []
    for number, actor in enumerate(people):
        ideal = ideals[number % blocs]
        for issue in rng.sample(range(len(ISSUES)), rng.randint(5, 9)):
            polarity = ideal[issue] if rng.random() < 0.85 else rng.choice(polarities)
            day = start + timedelta(days=rng.randrange(180))
            rows.append((actor.id, issue_ids[issue], polarity, day.isoformat()))
        if number % 5 == 0:
            other = people[(number + 7) % actors].id
            day = start + timedelta(days=rng.randrange(180))
            rows.append((actor.id, other, StatementKind.CRITICISM.value, day.isoformat()))
        if number % 4 == 1:
            day = start + timedelta(days=rng.randrange(180))
            rows.append((actor.id, issue_ids[number % 20], "commitment", day.isoformat()))
    graph = corpus(rows, actors=people, name=f"{actors} actors in {blocs} blocs")
    labels = dict(zip(issue_ids, ISSUES, strict=True))
    propositions = tuple(
        Proposition(p.id, labels.get(p.id, p.label).capitalize()) for p in graph.propositions
    )
    return StanceGraph(
        articles=graph.articles,
        actors=graph.actors,
        propositions=propositions,
        statements=graph.statements,
        name=graph.name,
    )


@cache
def synthetic(statements: int) -> StanceGraph:
    """benchmarks/synthetic.py's corpus of ``statements`` statements (seed 7)."""
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    graph: StanceGraph = module.generate(statements, seed=7)
    return graph
