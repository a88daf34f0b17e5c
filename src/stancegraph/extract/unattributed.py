"""First-person clauses nobody holds: the text says "we" or "I" but names no speaker or issuer.

Their positions cannot be attributed, so extraction leaves them out; counting them lets the build
say which articles need a ``speaker:`` or ``issuers:`` in their front matter, instead of
answering with fewer statements and no word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stancegraph.extract.syntax import Context, holders, speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})


def unattributed_first_person(doc: Doc, ctx: Context) -> int:
    """How many clauses have "I" or "we" as subject and no holder (no speaker, no reporter).

    Examples:
        >>> from datetime import date
        >>> from stancegraph.extract.pipeline import Extractor
        >>> from stancegraph.loading import load
        >>> extractor = Extractor.for_graph(load("graph"))
        >>> doc = extractor.nlp("We will send more aid. Keir Starmer said we must act.")
        >>> unattributed_first_person(doc, extractor.context(doc, date(2024, 3, 1), None))
        1

    """
    if ctx.speaker is not None or ctx.issuers or ctx.turns:
        return 0
    return sum(
        1
        for token in doc
        if token.dep_ in ("nsubj", "nsubjpass")
        and token.lower_ in FIRST_PERSON_SUBJECTS
        and holders(token.head, ctx) is None
        and speaker(token.head, ctx) is None
    )
