"""Training the clause classifier on hand-coded texts, and measuring it honestly.

The training data is a corpus folder laid out as ``tests/data/real/dev``: ``graph/`` (articles and
registry) and ``gold/ID.coding.yaml`` (a careful reader's coding). Each (clause, holder) candidate
of an article is labelled with the classes of the gold statements held by that holder whose quote
overlaps the clause's own words; a statement overlapping several clauses of its holder labels the
shallowest one only. scikit-learn fits one logistic regression per class; the weights are written
as JSON that :class:`~stancegraph.extract.classifier.ClauseClassifier` reads without it.

:func:`cross_validate` trains on all batches but one (files ``BATCH_NN_...``) and scores the
held-out batch with the real extractor and the real scorer: the figure a new text would get.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError
from stancegraph.evaluation import Evaluation, pooled
from stancegraph.evaluation_files import evaluate_files, read_items
from stancegraph.extract.classifier import ClauseClassifier, LabelWeights
from stancegraph.extract.clause_features import Candidate, candidates, label_of
from stancegraph.extract.output import coding_yaml
from stancegraph.extract.pipeline import Extractor
from stancegraph.extract.rules import Rules
from stancegraph.files import write_atomically
from stancegraph.loading import load
from stancegraph.model import Article

POSITIONS = ("stance", "commitment", "demand", "criticism")
LABELS = ("commitment", "criticism", "demand", "stance:oppose", "stance:support")
DEFAULT_C = 0.3
DEFAULT_THRESHOLD = 0.5
# Weights this small change no probability in the third decimal; leaving them out keeps the file
# small and its bytes stable across platforms.
MIN_WEIGHT = 1e-4


@dataclass(frozen=True, slots=True)
class Example:
    """One candidate with the classes a careful reader gave it (``optional`` ones apart)."""

    article: str
    features: frozenset[str]
    labels: frozenset[str]
    optional: frozenset[str]


def corpus_examples(folder: Path, *, articles: set[str] | None = None) -> list[Example]:
    """The labelled candidates of a corpus folder (``graph/`` and ``gold/``), in file order.

    Raises:
        InputError: the folder is not such a corpus, or a coding does not resolve.

    """
    graph = load(folder / "graph")
    extractor = Extractor.for_graph(graph, classifier=None)
    return [
        example
        for article, gold in _pairs(folder, graph, articles)
        for example in _article_examples(extractor, graph, article, gold)
    ]


def _pairs(folder: Path, graph: StanceGraph, wanted: set[str] | None) -> list[tuple[Article, Path]]:
    gold_dir = folder / "gold"
    if not gold_dir.is_dir():
        raise InputError(gold_dir, "", "not a folder: a training corpus has gold/ID.coding.yaml")
    known = {a.id: a for a in graph.articles}
    out: list[tuple[Article, Path]] = []
    for gold in sorted(gold_dir.glob("*.coding.yaml")):
        article_id = gold.name.removesuffix(".coding.yaml")
        if article_id not in known:
            raise InputError(gold, "", f"no article {article_id!r} in {folder / 'graph'}")
        if wanted is None or article_id in wanted:
            out.append((known[article_id], gold))
    return out


def _article_examples(
    extractor: Extractor, graph: StanceGraph, article: Article, gold: Path
) -> list[Example]:
    _, items = read_items(gold, graph, article)
    doc = extractor.nlp(article.text)
    ctx = extractor.article_context(article, doc)
    found = candidates(doc, ctx, _text_type(article), Rules(ctx).run(doc))
    labels: defaultdict[int, set[str]] = defaultdict(set)
    optional: defaultdict[int, set[str]] = defaultdict(set)
    for item in items:
        if item.kind not in POSITIONS:
            continue
        start, end = item.spans[0]
        hits = [
            n for n, c in enumerate(found) if c.holder == item.holder and _overlaps(c, start, end)
        ]
        if hits:
            shallowest = min(hits, key=lambda n: (_depth(found[n]), found[n].head.i))
            (optional if item.optional else labels)[shallowest].add(
                label_of(item.kind, item.polarity)
            )
    return [
        Example(article.id, c.features, frozenset(labels[n]), frozenset(optional[n]))
        for n, c in enumerate(found)
    ]


def _overlaps(candidate: Candidate, start: int, end: int) -> bool:
    doc = candidate.head.doc
    first, last = doc[candidate.own[0]], doc[candidate.own[1] - 1]
    return first.idx < end and start < last.idx + len(last.text)


def _depth(candidate: Candidate) -> int:
    return sum(1 for _ in candidate.head.ancestors)


def _text_type(article: Article) -> str:
    return article.text_type.value if article.text_type is not None else ""


def train(
    examples: Sequence[Example],
    *,
    c: float = DEFAULT_C,
    threshold: float = DEFAULT_THRESHOLD,
    trained_on: str = "",
) -> ClauseClassifier:
    """Fit one logistic regression per class on ``examples`` (deterministic: same data, same model).

    Raises:
        ValueError: a class has no positive example.

    """
    from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415 - training only
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(sorted(e.features), 1) for e in examples])
    names = vectorizer.get_feature_names_out()
    labels: dict[str, LabelWeights] = {}
    for label in LABELS:
        wanted = [label in e.labels for e in examples]
        if not any(wanted):
            raise ValueError(f"no example of {label!r} to learn from")
        fitted = LogisticRegression(C=c, max_iter=5000).fit(matrix, wanted)
        weights = {
            str(name): round(float(w), 4)
            for name, w in zip(names, fitted.coef_[0], strict=True)
            if abs(w) >= MIN_WEIGHT
        }
        labels[label] = LabelWeights(round(float(fitted.intercept_[0]), 4), weights)
    return ClauseClassifier(labels, threshold, trained_on)


def _batch(article_id: str) -> str:
    return article_id.split("_", 1)[0]


def cross_validate(
    folder: Path,
    *,
    c: float = DEFAULT_C,
    thresholds: Iterable[float] = (DEFAULT_THRESHOLD,),
    progress: Callable[[str], None] = lambda batch: None,
) -> dict[float, Evaluation]:
    """Leave one batch out: train on the others, extract the held-out texts, score them.

    Returns the pooled evaluation over every held-out article, for each threshold.
    """
    graph = load(folder / "graph")
    examples = corpus_examples(folder)
    pairs = _pairs(folder, graph, None)
    batches = sorted({_batch(a.id) for a, _ in pairs})
    results: dict[float, list[Evaluation]] = {t: [] for t in thresholds}
    extractor = Extractor.for_graph(graph, classifier=None)
    for batch in batches:
        progress(batch)
        training = [e for e in examples if _batch(e.article) != batch]
        held_out = [(a, g) for a, g in pairs if _batch(a.id) == batch]
        for threshold in results:
            extractor.classifier = train(training, c=c, threshold=threshold)
            results[threshold] += _scored(extractor, graph, held_out)
    return {t: pooled(found) for t, found in results.items()}


def _scored(
    extractor: Extractor, graph: StanceGraph, pairs: list[tuple[Article, Path]]
) -> list[Evaluation]:
    out: list[Evaluation] = []
    with tempfile.TemporaryDirectory() as scratch:
        for article, gold in pairs:
            pred = Path(scratch) / f"{article.id}.yaml"
            pred.write_text(coding_yaml(extractor.extract(article)), encoding="utf-8")
            out.append(evaluate_files(gold, pred, graph, article))
    return out


def model_json(model: ClauseClassifier) -> str:
    """The model file's text: one weight a line is needless; sorted, indented JSON is diffable."""
    return json.dumps(model.to_dict(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def train_corpora(
    folders: Sequence[Path],
    out: Path,
    *,
    c: float = DEFAULT_C,
    threshold: float = DEFAULT_THRESHOLD,
) -> ClauseClassifier:
    """Train on every corpus folder and write the model to ``out`` (atomically).

    Raises:
        InputError: a folder is not a coded corpus, or it has no example of some class.

    """
    examples = [e for folder in folders for e in corpus_examples(folder)]
    names = ", ".join(folder.as_posix() for folder in folders)
    try:
        model = train(examples, c=c, threshold=threshold, trained_on=names)
    except ValueError as error:
        raise InputError(folders[0], "gold", str(error)) from None
    write_atomically(out.parent, {out.name: model_json(model).encode("utf-8")})
    return model


def cross_validation_report(
    folder: Path, *, c: float = DEFAULT_C, thresholds: Sequence[float] = (DEFAULT_THRESHOLD,)
) -> str:
    """Leave-one-batch-out figures of :func:`cross_validate`, one block per threshold."""
    lines: list[str] = []
    for threshold, evaluation in cross_validate(folder, c=c, thresholds=thresholds).items():
        lines.append(f"threshold {threshold}, every batch held out once:")
        lines.append(evaluation.summary().rstrip("\n"))
    return "\n".join(lines) + "\n"
