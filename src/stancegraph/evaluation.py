"""``stancegraph evaluate``: precision, recall and F1 of a coding against a gold coding.

Either file may be in the project's coding format (``graph/coding/ID.yaml``) or in the plain
reading format of a careful coder (a YAML list; holder by name or alias, target as a phrase, a
quote; ``optional: true`` items count neither as a miss nor as a false alarm). Statements match by
the rule of :mod:`stancegraph.matching`. Stances, commitments, demands and criticism are scored
together and per kind; roles and participation are reported apart so that they do not swamp them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancegraph.coding import read_coding_file
from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError
from stancegraph.matching import Item, content_words, pair_up, statement_item
from stancegraph.model import Article
from stancegraph.quotes import occurrences
from stancegraph.registry import Registry
from stancegraph.yamlsource import line_of, parse_yaml, read_text

POSITION_KINDS = ("stance", "commitment", "demand", "criticism")
OTHER_KINDS = ("role", "participation")
POSITIONS = "stance+commitment+demand+criticism"
OTHERS = "role+participation"


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of true positives, false alarms and misses, and the figures they give."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn); 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        """One report line: ``name: P=0.900 R=0.650 F1=0.755 (tp=.. fp=.. fn=..)``."""
        return (
            f"{name}: P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})"
        )


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores per group and per kind, with the unmatched items of each side."""

    scores: dict[str, Score]
    misses: tuple[Item, ...]
    false_alarms: tuple[Item, ...]

    def report(self) -> str:
        """The text ``stancegraph evaluate`` prints."""
        lines = [self.scores[POSITIONS].line(POSITIONS)]
        lines += ["  " + self.scores[k].line(k) for k in POSITION_KINDS]
        lines.append(self.scores[OTHERS].line(OTHERS))
        lines.append(self.scores["all"].line("all"))
        lines.append(f"misses ({len(self.misses)}):")
        lines += [f"  - {i.label}" for i in self.misses]
        lines.append(f"false alarms ({len(self.false_alarms)}):")
        lines += [f"  - {i.label}" for i in self.false_alarms]
        return "\n".join(lines) + "\n"


def evaluate(gold: Sequence[Item], pred: Sequence[Item]) -> Evaluation:
    """Match ``pred`` against ``gold`` and count (optional gold items count neither way).

    >>> from stancegraph.matching import content_words as w
    >>> g = [Item("a", "demand", None, ((0, 9),), w("sanctions"))]
    >>> p = [Item("a", "demand", None, ((5, 20),), w("new sanctions")),
    ...      Item("b", "stance", "support", ((30, 40),), w("talks"))]
    >>> print(evaluate(g, p).scores["stance+commitment+demand+criticism"].line("x"))
    x: P=0.500 R=1.000 F1=0.667 (tp=1 fp=1 fn=0)

    """
    pairs = pair_up(gold, pred)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    optional_pred = {j for i, j in pairs if gold[i].optional}
    misses = [g for i, g in enumerate(gold) if i not in matched_gold and not g.optional]
    alarms = [p for j, p in enumerate(pred) if j not in matched_pred]
    scores: dict[str, Score] = {}
    groups = {**{k: (k,) for k in POSITION_KINDS}, POSITIONS: POSITION_KINDS, OTHERS: OTHER_KINDS}
    groups["all"] = POSITION_KINDS + OTHER_KINDS
    for name, kinds in groups.items():
        tp = sum(1 for i, j in pairs if gold[i].kind in kinds and j not in optional_pred)
        fp = sum(1 for p in alarms if p.kind in kinds)
        fn = sum(1 for g in misses if g.kind in kinds)
        scores[name] = Score(tp, fp, fn)
    return Evaluation(scores, tuple(misses), tuple(alarms))


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
            actors=tuple(a for a in graph.actors if not a.provisional),
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
            events=graph.events,
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
    holder = _actor_by_name(graph, item["holder"]) or f"name:{item['holder'].casefold()}"
    quote = item["quote"]
    found = list(occurrences(article.text, quote))
    if not found:
        raise fail("quote", f"quote not found in the article text (article {article.id})")
    target_id = _actor_by_name(graph, item["target"])
    words = content_words(item["target"])
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
        target_words=words,
        target_id=target_id,
        label=label,
        optional=bool(item.get("optional", False)),
    )


def _actor_by_name(graph: StanceGraph, name: str) -> str | None:
    wanted = name.casefold().removeprefix("the ")
    for actor in graph.actors:
        names = {n.casefold().removeprefix("the ") for n in (actor.name, *actor.aliases)}
        if wanted in names:
            return actor.id
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
        for path in (pred_path, gold_path):
            data: Any = parse_yaml(read_text(path), path)
            if isinstance(data, dict) and "article" in data:
                known = {a.id: a for a in graph.articles}
                if str(data["article"]) not in known:
                    raise InputError(path, "article", f"unknown article id {data['article']!r}")
                article = known[str(data["article"])]
                break
    article, gold = read_items(gold_path, graph, article)
    _, pred = read_items(pred_path, graph, article)
    return evaluate(gold, pred)


def evaluate_paths(
    gold_path: Path, pred_path: Path, graph_dir: Path, article_path: Path | None = None
) -> str:
    """The report of ``stancegraph evaluate``: files and graph folder in, text out.

    Raises:
        InputError: an input is wrong.

    """
    from stancegraph.articles import read_article  # noqa: PLC0415
    from stancegraph.loading import load  # noqa: PLC0415

    graph = load(graph_dir)
    article = read_article(article_path) if article_path is not None else None
    return evaluate_files(gold_path, pred_path, graph, article).report()
