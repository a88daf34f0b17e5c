"""Reading codings to evaluate: one pair of files, or two folders of them pooled.

Either file may be in the project's coding format (``graph/coding/ID.yaml``) or in the plain
reading format of a careful coder (a YAML list; holder by name or alias, target as a phrase, a
quote). Names are compared case-insensitively, with a leading "the" dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stancegraph.coding import read_coding_file
from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError
from stancegraph.evaluation import Evaluation, evaluate, pooled
from stancegraph.gazetteer import with_gazetteer
from stancegraph.matching import Item, statement_item, target_of
from stancegraph.model import Article
from stancegraph.quotes import occurrences
from stancegraph.registry import Registry
from stancegraph.yamlsource import line_of, parse_yaml, read_text

GOLD_SUFFIXES = (".coding.yaml", ".yaml")


def read_items(
    path: Path, graph: StanceGraph, article: Article | None
) -> tuple[Article, list[Item]]:
    """The statements of a coding file in either format, as items to match.

    ``graph`` supplies the registry (names, aliases, labels) and the articles; ``article`` is
    needed for a reading-format file, which does not say which article it codes.

    Raises:
        InputError: the file is malformed, or a reading's holder or quote cannot be resolved.

    """
    data: Any = parse_yaml(read_text(path), path)
    if isinstance(data, dict) and "statements" in data:
        registry = Registry(
            actors=with_gazetteer([a for a in graph.actors if not a.provisional]),
            roles=graph.roles,
            memberships=graph.memberships,
            propositions=tuple(p for p in graph.propositions if not p.provisional),
            events=graph.events,
        )
        articles = {a.id: a for a in graph.articles}
        if article is not None:
            articles[article.id] = article
        coding = read_coding_file(path, registry, articles)
        with_nodes = StanceGraph(
            articles=tuple(articles.values()),
            actors=(*registry.actors, *coding.actors),
            roles=graph.roles,
            propositions=(*registry.propositions, *coding.propositions),
            events=(*graph.events, *coding.events),
        )
        found = articles[str(data["article"])]
        return found, [statement_item(s, with_nodes) for s in coding.statements]
    if not isinstance(data, list):
        raise InputError(path, "", "expected a coding file (with 'statements') or a YAML list")
    if article is None:
        raise InputError(path, "", "a reading-format file names no article: pass --article")
    return article, [_reading_item(path, data, n, graph, article) for n in range(len(data))]


def _reading_item(path: Path, data: Any, n: int, graph: StanceGraph, article: Article) -> Item:
    item = data[n]

    def fail(field: str, message: str) -> InputError:
        return InputError(path, f"[{n}].{field}", message, line=line_of(data, [n, field]))

    for field in ("holder", "kind", "target", "quote"):
        if not isinstance(item, dict) or not isinstance(item.get(field), str):
            raise fail(field, "required text field is missing")
    holder = _actor_by_name(graph, item["holder"]) or f"name:{_folded(item['holder'])}"
    quote = item["quote"]
    found = list(occurrences(article.text, quote))
    if not found:
        raise fail("quote", f"quote not found in the article text (article {article.id})")
    polarity = item.get("polarity")
    label = (
        f"{item['holder']} {item['kind']}"
        + (f" ({polarity})" if polarity else "")
        + f' -> {item["target"]}: "{quote}"'
    )
    return Item(
        holder=holder,
        kind=str(item["kind"]),
        polarity=str(polarity) if polarity else None,
        spans=((found[0], found[0] + len(quote)),),
        target=target_of(item["target"], _node_by_name(graph, item["target"])),
        label=label,
        optional=bool(item.get("optional", False)),
    )


def _folded(name: str) -> str:
    return " ".join(name.casefold().split()).removeprefix("the ")


def _actor_by_name(graph: StanceGraph, name: str) -> str | None:
    wanted = _folded(name)
    for actor in with_gazetteer(graph.actors):
        if not actor.provisional and wanted in {_folded(n) for n in (actor.name, *actor.aliases)}:
            return actor.id
    return None


def _node_by_name(graph: StanceGraph, name: str) -> str | None:
    """The registry node a gold target names exactly: an actor, a proposition or an event."""
    wanted = _folded(name)
    for proposition in graph.propositions:
        if not proposition.provisional and _folded(proposition.label) == wanted:
            return proposition.id
    for event in graph.events:
        if _folded(event.label) == wanted:
            return event.id
    return _actor_by_name(graph, name)


def _article_named(path: Path, graph: StanceGraph) -> Article | None:
    data: Any = parse_yaml(read_text(path), path)
    if isinstance(data, dict) and "article" in data:
        known = {a.id: a for a in graph.articles}
        if str(data["article"]) not in known:
            raise InputError(path, "article", f"unknown article id {data['article']!r}")
        return known[str(data["article"])]
    return None


def evaluate_files(
    gold_path: Path, pred_path: Path, graph: StanceGraph, article: Article | None = None
) -> Evaluation:
    """Evaluate the coding at ``pred_path`` against the one at ``gold_path``.

    The article is ``article`` if given, else the one the project-format file (either) names.

    Raises:
        InputError: a file is malformed or the article cannot be found.

    """
    if article is None:
        article = _article_named(pred_path, graph) or _article_named(gold_path, graph)
    article, gold = read_items(gold_path, graph, article)
    _, pred = read_items(pred_path, graph, article)
    return evaluate(gold, pred)


def _article_id(gold: Path) -> str:
    for suffix in GOLD_SUFFIXES:
        if gold.name.endswith(suffix):
            return gold.name.removesuffix(suffix)
    return gold.stem


def evaluate_folders(
    gold_dir: Path, pred_dir: Path, graph: StanceGraph
) -> list[tuple[str, Evaluation]]:
    """Each gold file of ``gold_dir`` against the prediction ``pred_dir/ID.yaml``.

    A gold file with no prediction is scored against no statements (everything a miss).

    Raises:
        InputError: a file is malformed, or a gold file's article is not in ``graph``.

    """
    known = {a.id: a for a in graph.articles}
    out: list[tuple[str, Evaluation]] = []
    for gold in sorted(p for p in gold_dir.iterdir() if p.suffix == ".yaml"):
        article_id = _article_id(gold)
        if article_id not in known:
            raise InputError(gold, "", f"no article {article_id!r} in the graph's articles")
        pred = pred_dir / f"{article_id}.yaml"
        if pred.exists():
            out.append((article_id, evaluate_files(gold, pred, graph, known[article_id])))
        else:
            _, items = read_items(gold, graph, known[article_id])
            out.append((article_id, evaluate(items, [])))
    if not out:
        raise InputError(gold_dir, "", "no gold coding files (*.yaml) in this folder")
    return out


def evaluate_paths(
    gold_path: Path, pred_path: Path, graph_dir: Path, article_path: Path | None = None
) -> str:
    """The report of ``stancegraph evaluate``: files (or folders) and graph folder in, text out.

    With two folders, the report gives the pooled scores, then one line per article.

    Raises:
        InputError: an input is wrong.

    """
    from stancegraph.articles import read_article  # noqa: PLC0415
    from stancegraph.loading import load  # noqa: PLC0415

    graph = load(graph_dir)
    if gold_path.is_dir():
        if not pred_path.is_dir():
            raise InputError(pred_path, "", "--gold is a folder, so --pred must be one too")
        per_article = evaluate_folders(gold_path, pred_path, graph)
        total = pooled(e for _, e in per_article)
        lines = [f"pooled over {len(per_article)} articles", total.report().rstrip("\n")]
        lines.append("per article, without targets:")
        lines += [
            f"  {e.without_targets['stance+commitment+demand+criticism'].line(name)}"
            for name, e in per_article
        ]
        return "\n".join(lines) + "\n"
    article = read_article(article_path) if article_path is not None else None
    return evaluate_files(gold_path, pred_path, graph, article).report()
