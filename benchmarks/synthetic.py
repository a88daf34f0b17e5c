"""A seeded synthetic corpus of realistic shape, for benchmarks of build, query and analysis.

The numbers follow what coded news looks like: about 25 statements per article, one actor per
200 statements (at least 40), one proposition per 300 (at least 30), one event (a summit or
talks, with a few known participants) per 500 (at least 10), stances about half of all
statements, and dates spread over two years. Participation statements name an event. The first
proposition is "Ceasefire", the root of a share of the hierarchy, as in news of a war. Every
quote is a sentence of its article, so the evidence offsets are real.

Use it from Python::

    from synthetic import generate
    graph = generate(10_000, seed=1)

or write a ``graph/`` folder that ``stancegraph build`` reads::

    python benchmarks/synthetic.py --statements 10000 --out /tmp/synthetic-graph
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

from stancegraph import (
    Actor,
    ActorKind,
    Article,
    Event,
    Evidence,
    Membership,
    Method,
    Polarity,
    Proposition,
    Provenance,
    ReviewStatus,
    Role,
    StanceGraph,
    Statement,
    StatementKind,
)

STATEMENTS_PER_ARTICLE = 25
KIND_WEIGHTS = {
    StatementKind.STANCE: 45,
    StatementKind.COMMITMENT: 15,
    StatementKind.DEMAND: 15,
    StatementKind.CRITICISM: 15,
    StatementKind.PARTICIPATION: 10,
}
POLARITY_WEIGHTS = {
    Polarity.SUPPORT: 50,
    Polarity.OPPOSE: 25,
    Polarity.CONDITIONAL: 15,
    Polarity.NEUTRAL: 10,
}
ACTOR_KIND_WEIGHTS = {
    ActorKind.PERSON: 50,
    ActorKind.STATE: 30,
    ActorKind.ORGANISATION: 8,
    ActorKind.COALITION: 4,
    ActorKind.GOVERNMENT_BODY: 5,
    ActorKind.GROUP: 3,
}
VERBS = {
    StatementKind.STANCE: "said it backed",
    StatementKind.COMMITMENT: "pledged to pursue",
    StatementKind.DEMAND: "urged action on",
    StatementKind.CRITICISM: "criticised",
    StatementKind.PARTICIPATION: "took part in",
}
START = date(2024, 1, 1)


def generate(statements: int, seed: int = 0) -> StanceGraph:
    """A synthetic graph with ``statements`` statements, the same for the same seed."""
    rng = random.Random(seed)
    actors = _actors(rng, max(40, statements // 200))
    states = [a.id for a in actors if a.kind is ActorKind.STATE]
    organisations = [
        a.id for a in actors if a.kind in {ActorKind.ORGANISATION, ActorKind.COALITION}
    ]
    roles = tuple(
        Role(a.id, "Minister", rng.choice(states), START - timedelta(days=rng.randrange(2000)))
        for a in actors
        if a.kind is ActorKind.PERSON
    )
    memberships = tuple(
        Membership(state, org, START - timedelta(days=rng.randrange(20000)))
        for state in states
        for org in rng.sample(organisations, k=min(2, len(organisations)))
    )
    propositions = _propositions(rng, max(30, statements // 300))
    events = _events(rng, max(10, statements // 500), actors)
    event_ids = [e.id for e in events]
    articles: list[Article] = []
    coded: list[Statement] = []
    kinds, kind_weights = zip(*KIND_WEIGHTS.items(), strict=True)
    polarities, polarity_weights = zip(*POLARITY_WEIGHTS.items(), strict=True)
    actor_ids = [a.id for a in actors]
    proposition_ids = [p.id for p in propositions]
    for number in range(max(1, -(-statements // STATEMENTS_PER_ARTICLE))):
        article_id = f"synthetic-{number:06d}"
        published = START + timedelta(days=rng.randrange(730))
        count = min(STATEMENTS_PER_ARTICLE, statements - len(coded))
        sentences: list[str] = []
        drafts = []
        for index in range(count):
            kind = rng.choices(kinds, kind_weights)[0]
            holder = rng.choice(actor_ids)
            if kind is StatementKind.CRITICISM:
                target = rng.choice([a for a in rng.sample(actor_ids, 2) if a != holder])
            elif kind is StatementKind.PARTICIPATION:
                target = rng.choice(event_ids)
            else:
                target = rng.choice(proposition_ids)
            sentence = f"{holder} {VERBS[kind]} {target} (item {index})."
            drafts.append(
                (
                    index,
                    kind,
                    holder,
                    target,
                    len(" ".join(sentences)) + (1 if sentences else 0),
                    sentence,
                )
            )
            sentences.append(sentence)
        text = " ".join(sentences)
        articles.append(Article(article_id, f"Synthetic report {number}", published, text))
        for index, kind, holder, target, start, sentence in drafts:
            polarity = (
                rng.choices(polarities, polarity_weights)[0]
                if kind is StatementKind.STANCE
                else None
            )
            extracted = rng.random() < 0.3
            provenance = (
                Provenance(
                    Method.EXTRACTED,
                    "stancegraph",
                    f"R{rng.randrange(1, 20)}",
                    round(rng.uniform(0.5, 0.95), 2),
                    ReviewStatus.UNREVIEWED,
                )
                if extracted
                else Provenance(Method.CURATED, "synthetic coder")
            )
            coded.append(
                Statement(
                    id=f"{article_id}/s{index:02d}",
                    article=article_id,
                    kind=kind,
                    holder=holder,
                    target=target,
                    date=published,
                    evidence=(Evidence(article_id, start, start + len(sentence), sentence),),
                    provenance=provenance,
                    polarity=polarity,
                )
            )
    return StanceGraph(
        articles=tuple(articles),
        actors=tuple(sorted(actors, key=lambda a: a.id)),
        roles=roles,
        memberships=memberships,
        propositions=tuple(propositions),
        events=tuple(events),
        statements=tuple(sorted(coded, key=lambda s: s.id)),
        name=f"synthetic-{statements}",
    )


def _actors(rng: random.Random, count: int) -> list[Actor]:
    kinds, weights = zip(*ACTOR_KIND_WEIGHTS.items(), strict=True)
    out = []
    for number in range(count):
        kind = kinds[number] if number < len(kinds) else rng.choices(kinds, weights)[0]
        out.append(Actor(f"actor-{number:04d}", kind, f"Actor {number} ({kind.value})"))
    return out


def _propositions(rng: random.Random, count: int) -> list[Proposition]:
    ids = ["ceasefire"] + [f"prop-{number:04d}" for number in range(1, count)]
    out = []
    for number, id_ in enumerate(ids):
        broader = ids[rng.randrange(number)] if number >= 10 else None
        label = "Ceasefire" if number == 0 else f"Proposition {number}"
        out.append(Proposition(id_, label, broader))
    return out


def _events(rng: random.Random, count: int, actors: list[Actor]) -> list[Event]:
    actor_ids = [a.id for a in actors]
    return [
        Event(
            f"event-{number:04d}",
            f"Summit {number}",
            START + timedelta(days=rng.randrange(730)),
            tuple(sorted(rng.sample(actor_ids, rng.randint(2, 6)))),
        )
        for number in range(count)
    ]


def write_folder(graph: StanceGraph, folder: Path) -> None:
    """Write ``graph`` as a ``graph/`` folder (YAML written as JSON, which YAML accepts)."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "coding").mkdir(parents=True, exist_ok=True)
    roles: dict[str, list[dict[str, str]]] = {}
    for r in graph.roles:
        roles.setdefault(r.holder, []).append(
            {"title": r.title, "of": r.organisation, "start": str(r.start)}
        )
    members: dict[str, list[dict[str, str]]] = {}
    for m in graph.memberships:
        members.setdefault(m.member, []).append({"of": m.organisation, "start": str(m.start)})
    actors = [
        {
            "id": a.id,
            "kind": a.kind.value,
            "name": a.name,
            "roles": roles.get(a.id, []),
            "memberships": members.get(a.id, []),
        }
        for a in graph.actors
    ]
    (folder / "actors.yaml").write_text(json.dumps({"actors": actors}, indent=1), encoding="utf-8")
    propositions = [
        {"id": p.id, "label": p.label, "broader": p.broader} for p in graph.propositions
    ]
    (folder / "propositions.yaml").write_text(
        json.dumps({"propositions": propositions}, indent=1), encoding="utf-8"
    )
    events = [
        {"id": e.id, "label": e.label, "date": str(e.date), "participants": list(e.participants)}
        for e in graph.events
    ]
    (folder / "events.yaml").write_text(json.dumps({"events": events}, indent=1), encoding="utf-8")
    by_article: dict[str, list[Statement]] = {}
    for s in graph.statements:
        by_article.setdefault(s.article, []).append(s)
    for article in graph.articles:
        front = f"---\ntitle: {json.dumps(article.title)}\npublished: {article.published}\n---\n"
        (folder / "articles" / f"{article.id}.txt").write_text(
            front + article.text, encoding="utf-8"
        )
        items = []
        for s in by_article.get(article.id, []):
            item: dict[str, object] = {
                "id": s.local_id,
                "kind": s.kind.value,
                "holder": s.holder,
                "target": s.target,
                "quote": s.evidence[0].quote,
            }
            if s.polarity:
                item["polarity"] = s.polarity.value
            if s.provenance.method is Method.EXTRACTED:
                item["provenance"] = {
                    "method": "extracted",
                    "rule": s.provenance.rule,
                    "confidence": s.provenance.confidence,
                }
            items.append(item)
        coding = {"article": article.id, "coder": "synthetic coder", "statements": items}
        (folder / "coding" / f"{article.id}.yaml").write_text(
            json.dumps(coding, indent=1), encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write_folder(generate(args.statements, args.seed), args.out)


if __name__ == "__main__":
    main()
