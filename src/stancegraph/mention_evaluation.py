"""``stancegraph evaluate-mentions``: how often extraction links an actor mention correctly.

A mention file lists, for one article, hand-labelled mentions: the words (``text``, the
``occurrence``-th whole-word, case-sensitive occurrence, default 1) and the actor meant
(``actor``: an id; ``unlinked`` for an entity the registry does not know, which must come out as a
provisional actor; ``null`` for words that name no actor). ``modifier: true`` marks a demonym used
as an adjective ("Russian revenues"), which must point at its actor as a modifier only.
A labelled mention is linked correctly when the extracted mention overlapping it most says the
same. Accuracy = correct / labelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from stancegraph.articles import read_article
from stancegraph.extract.mentions import How, Mention
from stancegraph.extract.pipeline import Extractor
from stancegraph.loading import load
from stancegraph.yamlsource import YamlFile

UNLINKED = "unlinked"


class _MentionInput(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    occurrence: int = 1
    actor: str | None
    modifier: bool = False


class _MentionFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    article: str
    mentions: list[_MentionInput]


@dataclass(frozen=True, slots=True)
class MentionScore:
    """Labelled mentions, how many were linked correctly, and a line per error."""

    total: int
    correct: int
    errors: tuple[str, ...]

    @property
    def accuracy(self) -> float:
        """Correct / total (1.0 for no labels)."""
        return self.correct / self.total if self.total else 1.0

    def report(self) -> str:
        """The text ``stancegraph evaluate-mentions`` prints."""
        head = f"mention linking: accuracy={self.accuracy:.3f} ({self.correct}/{self.total})\n"
        return head + "".join(f"  - {e}\n" for e in self.errors)


def _is_correct(expected: _MentionInput, found: Mention | None) -> bool:
    if expected.actor is None:
        return found is None
    if found is None:
        return False
    if expected.actor == UNLINKED:
        return found.how is How.PROVISIONAL
    if expected.modifier:
        return found.actor == expected.actor and found.how is How.DEMONYM
    return found.actor == expected.actor and found.how is not How.DEMONYM


def evaluate_mention_file(path: Path, graph_dir: Path, model: str | None = None) -> str:
    """Score the mentions labelled in ``path`` (see the module docstring) and report.

    Raises:
        InputError: the file is malformed, or a labelled text does not occur often enough.

    """
    source = YamlFile(path)
    gold = source.validate(_MentionFile)
    graph = load(graph_dir)
    article = read_article(path.parent / gold.article, {a.id for a in graph.actors})
    extractor = Extractor.for_graph(graph, model)
    doc = extractor.nlp(article.text)
    found = extractor.context(doc, article.published, article.speaker).mentions.items
    correct, errors = 0, []
    for n, item in enumerate(gold.mentions):
        spans = [
            m.start() for m in re.finditer(rf"(?<!\w){re.escape(item.text)}(?!\w)", article.text)
        ]
        if len(spans) < item.occurrence:
            where: list[Any] = ["mentions", n, "occurrence"]
            raise source.error(where, f"{item.text!r} occurs {len(spans)} times in the article")
        start = spans[item.occurrence - 1]
        end = start + len(item.text)
        best = _overlapping(doc, found, start, end)
        if _is_correct(item, best):
            correct += 1
        else:
            got = f"{best.actor} ({best.how.value})" if best else "nothing"
            errors.append(f"{item.text!r} at {start}: expected {item.actor}, found {got}")
    return MentionScore(len(gold.mentions), correct, tuple(errors)).report()


def _overlapping(doc: Any, found: list[Mention], start: int, end: int) -> Mention | None:
    best: Mention | None = None
    best_overlap = 0
    for mention in found:
        span = doc[mention.start : mention.end]
        overlap = min(end, span.end_char) - max(start, span.start_char)
        if overlap > best_overlap:
            best, best_overlap = mention, overlap
    return best
