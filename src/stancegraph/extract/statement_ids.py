"""The ids of extracted statements: what a statement says names it, not its place in the output.

A review decision points at an extracted statement by its id; the id must survive a new rule
finding another statement before it, so it is made from the article, the evidence span and the
statement's content.

Examples:
    >>> from datetime import date
    >>> from stancegraph.model import Article, StatementKind
    >>> a = Article("a1", "T", date(2024, 1, 1), "We back the truce.")
    >>> statement_id(a, StatementKind.CRITICISM, "uk", "russia", (0, 5))
    'a1/x-f40ebe637e'

"""

from __future__ import annotations

from stancegraph.ids import content_id
from stancegraph.model import Article, Polarity, Statement, StatementKind


def statement_id(
    article: Article,
    kind: StatementKind,
    holder: str,
    target: str,
    span: tuple[int, int],
    *,
    polarity: Polarity | None = None,
    addressee: str | None = None,
    title: str | None = None,
) -> str:
    """An extracted statement's id, from its article, evidence span and what it says.

    Not its position in the output: a review decision must keep pointing at the statement when
    a new rule finds another one before it.
    """
    parts = (kind.value, holder, target, str(polarity), str(addressee), str(title))
    return f"{article.id}/" + content_id("x", article.id, *map(str, span), *parts)


def distinct(statements: list[Statement]) -> list[Statement]:
    """``statements`` without repeats of one id (the same thing said on the same evidence)."""
    seen: set[str] = set()
    out: list[Statement] = []
    for statement in statements:
        if statement.id not in seen:
            seen.add(statement.id)
            out.append(statement)
    return out
