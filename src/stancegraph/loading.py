"""Loading a ``graph/`` folder into a :class:`~stancegraph.corpus.StanceGraph`."""

from __future__ import annotations

from pathlib import Path

from stancegraph.articles import read_article
from stancegraph.coding import read_coding_file
from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError
from stancegraph.ids import is_safe_id
from stancegraph.model import Actor, Article, Proposition, Statement
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
    # Provisional actors and propositions (written by `stancegraph extract`) may recur in several
    # codings under the same id; the first file in sorted order defines them.
    new_actors: dict[str, Actor] = {}
    new_propositions: dict[str, Proposition] = {}
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
    return StanceGraph(
        articles=tuple(articles[k] for k in sorted(articles)),
        actors=tuple(sorted((*registry.actors, *new_actors.values()), key=lambda a: a.id)),
        roles=registry.roles,
        memberships=registry.memberships,
        propositions=tuple(
            sorted((*registry.propositions, *new_propositions.values()), key=lambda p: p.id)
        ),
        events=registry.events,
        statements=tuple(statements[k] for k in sorted(statements)),
        name=root.resolve().name,
    )
