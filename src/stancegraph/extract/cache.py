"""Extraction results kept per article, so that no command extracts the same text twice.

An entry is named after everything that decides what extraction finds in an article: the
article (text and metadata), the extractor (the code and data of this package: rules, cue
lexicon, classifier weights, gazetteer), the spaCy model and its installed version, and the
registry the extractor links to. Change any of them and the entry is simply not found; an
article's older entries are removed when its new one is written. Entries are JSON written
atomically, so a killed build leaves no half entry behind.

Examples:
    >>> import tempfile
    >>> from datetime import date
    >>> from stancegraph.extract.pipeline import Extraction
    >>> from stancegraph.model import Article
    >>> cache = ExtractionCache(Path(tempfile.mkdtemp()), "fingerprint")
    >>> article = Article("a1", "T", date(2024, 1, 1), "Nothing here.")
    >>> cache.get(article) is None
    True
    >>> cache.put(Extraction(article, model="m"))
    >>> cache.get(article) == Extraction(article, model="m")
    True

"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from stancegraph.corpus import StanceGraph
from stancegraph.extract.nlp import resolve_model_name
from stancegraph.files import write_atomically
from stancegraph.model import Article

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from stancegraph.extract.pipeline import Extraction

CACHE_FOLDER = Path(".cache") / "extractions"
"""Where a graph folder keeps its extraction cache (``graph/.cache/extractions``)."""


@cache
def _extraction_type() -> TypeAdapter[Extraction]:
    from pydantic import TypeAdapter  # noqa: PLC0415 - a query with its store ready needs none

    from stancegraph.extract.pipeline import Extraction  # noqa: PLC0415

    return TypeAdapter(Extraction)


@cache
def _article_type() -> TypeAdapter[Article]:
    from pydantic import TypeAdapter  # noqa: PLC0415

    return TypeAdapter(Article)


@cache
def extractor_digest() -> str:
    """The digest of the extractor's own code and data (a changed rule is a new extractor)."""
    digest = hashlib.sha256()
    for package in ("stancegraph.extract", "stancegraph.extract.models", "stancegraph.data"):
        root = resources.files(package)
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".py", ".yaml", ".json", ".csv")):
                digest.update(entry.name.encode("utf-8"))
                digest.update(entry.read_bytes())
    return digest.hexdigest()


def _installed_version(model: str) -> str:
    for name in (model, model.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return ""


def fingerprint(graph: StanceGraph, model: str | None) -> str:
    """What besides the article decides what extraction finds in it."""
    name = resolve_model_name(model)
    registry = (
        [a for a in graph.actors if not a.provisional],
        graph.roles,
        graph.memberships,
        [p for p in graph.propositions if not p.provisional],
    )
    digest = hashlib.sha256()
    for part in (extractor_digest(), name, _installed_version(name), repr(registry)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


class ExtractionCache:
    """The extraction results of one graph folder, one JSON file per article."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def _path(self, article: Article) -> Path:
        digest = hashlib.sha256(self.fingerprint.encode("utf-8"))
        digest.update(_article_type().dump_json(article))
        return self.folder / f"{article.id}.{digest.hexdigest()[:24]}.json"

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of ``article``; None when there is none or it is unreadable."""
        path = self._path(article)
        from pydantic import ValidationError  # noqa: PLC0415

        try:
            return _extraction_type().validate_json(path.read_bytes())
        except (OSError, ValidationError):
            return None

    def put(self, extraction: Extraction) -> None:
        """Keep ``extraction``; the article's older entries go (best effort: a cache may fail)."""
        path = self._path(extraction.article)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.folder, {path.name: _extraction_type().dump_json(extraction)})
            for old in self.folder.glob(f"{extraction.article.id}.*.json"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:
            return  # a read-only corpus still builds; it just extracts every time
