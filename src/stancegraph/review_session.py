"""Going through an article's unreviewed statements one by one, as ``stancegraph review`` does.

The session asks and tells through two functions, so the terminal (click's prompts) and a test
(a list of answers) drive the same code. Each decision is written to the coding file at once and
atomically: quitting, or a crash, loses nothing decided before.

Examples:
    >>> import shutil, tempfile
    >>> from datetime import date
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp()) / "graph"
    >>> _ = shutil.copytree("graph", folder)
    >>> answers = iter(["r", "a", "q"])
    >>> summary = review_article(
    ...     folder, "000_704e45cf9c367b27", reviewer="Ann", on=date(2026, 12, 7),
    ...     ask=lambda prompt, choices: next(answers), say=lambda text: None,
    ... )
    >>> summary.rejected, summary.confirmed, summary.left
    (1, 1, 7)

"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from stancegraph.corpus import StanceGraph
from stancegraph.errors import did_you_mean
from stancegraph.model import Polarity, Statement, StatementKind
from stancegraph.reviewing import Pending, ReviewFile, pending

Ask = Callable[[str, Sequence[str] | None], str]
"""Asks a question; with choices, the answer is one of them."""
Say = Callable[[str], None]

ACTIONS = {
    "a": "accept",
    "r": "reject",
    "k": "change kind",
    "p": "change polarity",
    "h": "change holder",
    "t": "change target",
    "s": "skip",
    "q": "quit",
}
POSITION_KINDS = [k.value for k in StatementKind]
POLARITIES = [p.value for p in Polarity]
_SENTENCE_END = re.compile('[.!?]["\u201d\u2019)]?\\s|\n')


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """What a session decided, and where it wrote it."""

    path: Path | None
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    left: int = 0  # skipped, or not reached before quitting


def review_article(
    graph_dir: Path | str,
    article_id: str,
    *,
    reviewer: str,
    on: date,
    ask: Ask,
    say: Say,
    model: str | None = None,
) -> ReviewSummary:
    """Review the unreviewed extracted statements of ``article_id`` in ``graph_dir``.

    Raises:
        InputError: the folder does not load, or has no such article.

    """
    todo = pending(graph_dir, article_id, model)
    review = ReviewFile.for_article(graph_dir, article_id, reviewer=reviewer)
    counts = {"confirmed": 0, "corrected": 0, "rejected": 0}
    written: Path | None = None
    if not todo.statements:
        say(f"{article_id}: nothing to review")
        return ReviewSummary(None, left=0)
    for number, original in enumerate(todo.statements, start=1):
        say(f"\n[{number}/{len(todo.statements)}]")
        decision, statement = _decide(original, todo, ask, say)
        if decision == "q":
            return ReviewSummary(written, **counts, left=len(todo.statements) - number + 1)
        if decision == "s":
            continue
        if decision == "r":
            review.reject(original, on=on)
            counts["rejected"] += 1
        elif statement == original:
            review.confirm(statement, todo.provisional, on=on)
            counts["confirmed"] += 1
        else:
            review.correct(statement, todo.provisional, on=on)
            counts["corrected"] += 1
        written = review.save()
    done = sum(counts.values())
    return ReviewSummary(written, **counts, left=len(todo.statements) - done)


def _decide(statement: Statement, todo: Pending, ask: Ask, say: Say) -> tuple[str, Statement]:
    """Ask until the person accepts, rejects, skips or quits; changes come back in the statement."""
    graph = todo.graph
    current = statement
    say(describe(current, graph))
    while True:
        choice = ask(
            "  " + ", ".join(f"[{k}] {v}" for k, v in ACTIONS.items()), list(ACTIONS)
        ).strip()
        if choice in ("a", "r", "s", "q"):
            return choice, current
        if choice == "k":
            current = _with_kind(
                current, ask(f"  kind ({current.kind.value})", POSITION_KINDS), ask
            )
        elif choice == "p" and current.kind is StatementKind.STANCE:
            current = replace(current, polarity=Polarity(ask("  polarity", POLARITIES)))
        elif choice == "p":
            say("  only a stance has a polarity")
            continue
        elif choice == "h":
            current = replace(current, holder=_node(ask, say, "holder (actor id)", _actors(graph)))
        elif choice == "t":
            targets = sorted(
                {*_actors(graph), *(p.id for p in graph.propositions)}
                | {e.id for e in graph.events}
            )
            current = replace(current, target=_node(ask, say, "target (id)", targets))
        say(describe(current, graph))


def _with_kind(statement: Statement, kind_name: str, ask: Ask) -> Statement:
    kind = StatementKind(kind_name)
    polarity = statement.polarity
    if kind is StatementKind.STANCE and polarity is None:
        polarity = Polarity(ask("  polarity", POLARITIES))
    elif kind is not StatementKind.STANCE:
        polarity = None
    title = statement.title if kind is StatementKind.ROLE else None
    if kind is StatementKind.ROLE and title is None:
        title = ask("  title of the post", None).strip() or "member"
    return replace(statement, kind=kind, polarity=polarity, title=title, addressee=None)


def _actors(graph: StanceGraph) -> list[str]:
    return sorted(a.id for a in graph.actors)


def _node(ask: Ask, say: Say, what: str, known: Sequence[str]) -> str:
    """An id the person types, asked again until it names something known."""
    while True:
        answer = ask(f"  {what}", None).strip()
        if answer in known:
            return answer
        say(f"  unknown id {answer!r}{did_you_mean(answer, known)}")


def describe(statement: Statement, graph: StanceGraph) -> str:
    """A statement as a person reviews it: what it says, and its quote marked in its sentence."""
    parts = [statement.kind.value]
    if statement.polarity is not None:
        parts.append(statement.polarity.value)
    said = f"{graph.label(statement.holder)} — {' '.join(parts)} — {graph.label(statement.target)}"
    if statement.title is not None:
        said += f" (as {statement.title})"
    if statement.addressee is not None:
        said += f", addressed to {graph.label(statement.addressee)}"
    how = statement.provenance
    said += f"\n  found by {how.rule} (confidence {how.confidence:.2f})"
    evidence = statement.evidence[0]
    text = graph.article(statement.article).text
    return said + "\n  " + in_sentence(text, evidence.start, evidence.end)


def in_sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, with that quote between »«.

    >>> in_sentence("Hello. UK backs X firmly. Bye.", 10, 17)
    'UK »backs X« firmly.'
    """
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    first = before[-1] if before else 0
    after = _SENTENCE_END.search(text, end)
    last = after.start() + 1 if after is not None else len(text)
    return f"{text[first:start]}»{text[start:end]}«{text[end:last]}".strip()
