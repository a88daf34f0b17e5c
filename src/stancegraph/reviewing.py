"""A person's review of extracted statements, written into the article's curated coding file.

:func:`pending` gives the extracted statements of one article that no decision covers yet (the
same merge rule as ``build``); a :class:`ReviewFile` records a decision about one of them, keeping
the file's comments and order (round-trip YAML), and writes the file atomically. Confirmed and
corrected statements keep their id, rule and confidence, and say who reviewed them and when;
rejected ones go under ``rejected:``, where every later build reads them.

Examples:
    >>> import shutil, tempfile
    >>> from datetime import date
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp()) / "graph"
    >>> _ = shutil.copytree("graph", folder)
    >>> for coding in (folder / "coding").glob("*.yaml"):
    ...     coding.unlink()
    >>> todo = pending(folder, "000_704e45cf9c367b27")
    >>> review = ReviewFile.for_article(folder, todo.article, reviewer="Ann")
    >>> review.reject(todo.statements[0], on=date(2026, 12, 7))
    >>> review.confirm(todo.statements[1], todo.provisional, on=date(2026, 12, 7))
    >>> _ = review.save()
    >>> after = pending(folder, "000_704e45cf9c367b27")
    >>> len(after.statements) == len(todo.statements) - 2
    True

"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError, did_you_mean
from stancegraph.extract.output import statement_fields
from stancegraph.extract.pipeline import Extraction, Extractor
from stancegraph.files import write_atomically
from stancegraph.loading import CODING_DIR, load
from stancegraph.merging import merge
from stancegraph.model import Actor, Event, Proposition, ReviewStatus, Statement


@dataclass(frozen=True, slots=True)
class Pending:
    """The extracted statements of one article still to review, and what they refer to."""

    graph: StanceGraph
    article: str
    statements: tuple[Statement, ...]
    provisional: Extraction


def pending(graph_dir: Path | str, article_id: str, model: str | None = None) -> Pending:
    """The unreviewed extracted statements of ``article_id``, in text order.

    Raises:
        InputError: the folder does not load, or has no such article.

    """
    graph = load(graph_dir)
    known = {a.id: a for a in graph.articles}
    if article_id not in known:
        raise InputError(
            Path(graph_dir) / "articles",
            "",
            f"unknown article {article_id!r}" + did_you_mean(article_id, known),
        )
    extraction = Extractor.for_graph(graph, model).extract(known[article_id])
    merged = merge(graph, [extraction]).graph
    ids = {s.id for s in merged.statements if s.provenance.status is ReviewStatus.UNREVIEWED}
    todo = [s for s in extraction.statements if s.id in ids]
    todo.sort(key=lambda s: (s.evidence[0].start, s.id))
    return Pending(merged, article_id, tuple(todo), extraction)


class ReviewFile:
    """The curated coding file of one article, open for review decisions."""

    def __init__(self, path: Path, data: CommentedMap, reviewer: str) -> None:
        self.path = path
        self.data = data
        self.reviewer = reviewer

    @classmethod
    def for_article(cls, graph_dir: Path | str, article_id: str, *, reviewer: str) -> ReviewFile:
        """The article's coding file in ``graph_dir/coding`` (a new one if it has none)."""
        folder = Path(graph_dir) / CODING_DIR
        path = folder / f"{article_id}.yaml"
        yaml = _yaml()
        for candidate in [path, *sorted(folder.glob("*.yaml"))]:
            if not candidate.is_file():
                continue
            data = yaml.load(candidate.read_text(encoding="utf-8-sig"))
            if isinstance(data, CommentedMap) and data.get("article") == article_id:
                return cls(candidate, data, reviewer)
        fresh = CommentedMap([("article", article_id), ("coder", reviewer), ("statements", [])])
        return cls(path, fresh, reviewer)

    def confirm(self, statement: Statement, refers: Extraction, *, on: date) -> None:
        """Keep ``statement`` as extraction found it, confirmed by the reviewer on ``on``."""
        self._keep(statement, ReviewStatus.CONFIRMED, refers, on)

    def correct(self, statement: Statement, refers: Extraction, *, on: date) -> None:
        """Keep ``statement`` (already changed by the reviewer) as a correction of its id."""
        self._keep(statement, ReviewStatus.CORRECTED, refers, on)

    def reject(self, statement: Statement, *, on: date) -> None:
        """Record that ``statement`` is wrong: no later build brings it back."""
        entry = _mapping(statement_fields(statement))
        entry.pop("provenance", None)
        entry["reviewer"] = self.reviewer
        entry["reviewed_on"] = on
        self._section("rejected").append(entry)

    def save(self) -> Path:
        """Write the file atomically; the earlier version stays whole if anything fails."""
        buffer = io.StringIO()
        _yaml().dump(self.data, buffer)
        write_atomically(self.path.parent, {self.path.name: buffer.getvalue().encode("utf-8")})
        return self.path

    def _keep(
        self, statement: Statement, status: ReviewStatus, refers: Extraction, on: date
    ) -> None:
        reviewed = replace(
            statement,
            provenance=replace(
                statement.provenance, status=status, reviewer=self.reviewer, reviewed_on=on
            ),
        )
        entry = _mapping(statement_fields(reviewed))
        self._section("statements").append(entry)
        self._declare(reviewed, refers)

    def _section(self, name: str) -> CommentedSeq:
        section = self.data.get(name)
        if not isinstance(section, CommentedSeq):
            section = CommentedSeq(section or [])
            self.data[name] = section
        return section

    def _declare(self, statement: Statement, refers: Extraction) -> None:
        """Declare the provisional nodes ``statement`` names, as the loader needs them."""
        wanted = {statement.holder, statement.target, statement.addressee}
        tables: tuple[
            tuple[str, tuple[Actor, ...] | tuple[Proposition, ...] | tuple[Event, ...]], ...
        ]
        tables = (
            ("actors", refers.actors),
            ("propositions", refers.propositions),
            ("events", refers.events),
        )
        for section, nodes in tables:
            for node in nodes:
                if node.id in wanted:
                    self._declare_node(section, _node_fields(node))

    def _declare_node(self, section: str, fields: dict[str, Any]) -> None:
        provisional = self.data.get("provisional")
        if not isinstance(provisional, CommentedMap):
            provisional = CommentedMap()
            # Before the statements, where `stancegraph extract` writes it.
            self.data.insert(list(self.data).index("statements"), "provisional", provisional)
        items = provisional.get(section)
        if not isinstance(items, CommentedSeq):
            items = CommentedSeq(items or [])
            provisional[section] = items
        if all(item.get("id") != fields["id"] for item in items):
            items.append(_mapping(fields))


def _node_fields(node: Actor | Proposition | Event) -> dict[str, Any]:
    if isinstance(node, Actor):
        return {"id": node.id, "kind": node.kind.value, "name": node.name} | (
            {"aliases": list(node.aliases)} if node.aliases else {}
        )
    if isinstance(node, Proposition):
        return {"id": node.id, "label": node.label}
    return {"id": node.id, "label": node.label} | (
        {"date": node.date.isoformat()} if node.date else {}
    )


def _mapping(fields: dict[str, Any]) -> CommentedMap:
    out = CommentedMap()
    for key, value in fields.items():
        out[key] = _mapping(value) if isinstance(value, dict) else value
    return out


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # one quote per line, as `stancegraph extract` writes them
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml
