"""``stancegraph extract``: articles in, coding files out, all written at once or not at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from stancegraph.articles import read_article
from stancegraph.errors import InputError
from stancegraph.extract.classifier import ClauseClassifier
from stancegraph.extract.output import coding_yaml
from stancegraph.extract.pipeline import Extraction, Extractor
from stancegraph.extract.progress import ProgressFactory, no_progress
from stancegraph.files import write_atomically
from stancegraph.ids import is_safe_id
from stancegraph.loading import load
from stancegraph.model import Article

Warn = Callable[[str], None]


def article_paths(paths: Sequence[Path]) -> list[Path]:
    """The article files named by ``paths``: files as given, folders as their ``*.txt`` files.

    Raises:
        InputError: a path does not exist, or a folder holds no ``.txt`` file.

    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise InputError(path, "", "the folder holds no article (*.txt)")
            out += found
        elif path.is_file():
            out.append(path)
        else:
            raise InputError(path, "", "file not found")
    return list(dict.fromkeys(out))


def read_articles(paths: Sequence[Path], actor_ids: set[str]) -> list[Article]:
    """Read and check every article before any is processed, so a bad one stops everything.

    Raises:
        InputError: an article is unreadable, not UTF-8, empty, badly named or has bad metadata.

    """
    articles: list[Article] = []
    for path in paths:
        if not is_safe_id(path.stem):
            raise InputError(path, "", f"file name {path.stem!r} is not a safe article id")
        articles.append(read_article(path, actor_ids))
    return articles


def extract_files(
    paths: Sequence[Path],
    graph_dir: Path,
    out_dir: Path,
    *,
    model: str | None = None,
    classifier: Path | None = None,
    rules_only: bool = False,
    processes: int = 1,
    progress: ProgressFactory = no_progress,
    warn: Warn = lambda message: None,
) -> list[Path]:
    """Extract statements from the articles at ``paths`` into ``out_dir/ID.yaml``, one per article.

    The registry comes from ``graph_dir``; the learned component is the shipped model, the one
    in the file ``classifier``, or none with ``rules_only``. Every article is read and checked
    first and every coding rendered in memory; then all files are written atomically, so a
    failure leaves ``out_dir`` as it was. Articles that cannot be processed (not English, too
    long) give an empty coding and a warning.

    Raises:
        InputError: an input is wrong; nothing has been written.
        ModelNotFoundError: the spaCy model is not installed; nothing has been written.

    """
    graph = load(graph_dir)
    files = article_paths(paths)
    articles = read_articles(files, {a.id for a in graph.actors})
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise InputError(files[ids.index(twice[0])], "", f"article id {twice[0]!r} given twice")
    extractor = Extractor.for_graph(
        graph, model, classifier=_classifier(classifier, rules_only=rules_only)
    )
    results: list[Extraction] = []
    with progress(len(articles)) as advance:
        results = list(extractor.extract_many(articles, processes=processes, progress=advance))
    rendered: dict[str, bytes] = {}
    for path, result in zip(files, results, strict=True):
        for message in result.warnings:
            warn(f"{path}: {message}")
        rendered[f"{result.article.id}.yaml"] = coding_yaml(result).encode("utf-8")
    return write_atomically(out_dir, rendered)


def _classifier(path: Path | None, *, rules_only: bool) -> ClauseClassifier | None:
    if rules_only:
        return None
    return ClauseClassifier.read(path) if path is not None else ClauseClassifier.shipped()


def explain_files(
    paths: Sequence[Path],
    graph_dir: Path,
    *,
    model: str | None = None,
    classifier: Path | None = None,
    rules_only: bool = False,
) -> str:
    """``extract --explain``: the sentence-by-sentence account of each article; nothing written.

    Raises:
        InputError: an input is wrong.
        ModelNotFoundError: the spaCy model is not installed.

    """
    from stancegraph.extract.explain import explain  # noqa: PLC0415 - only this command needs it

    graph = load(graph_dir)
    articles = read_articles(article_paths(paths), {a.id for a in graph.actors})
    extractor = Extractor.for_graph(
        graph, model, classifier=_classifier(classifier, rules_only=rules_only)
    )
    return "\n".join(explain(extractor, article) for article in articles)
