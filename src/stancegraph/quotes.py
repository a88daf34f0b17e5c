"""Finding a quote in an article: offsets are computed from the text, never trusted from input."""

from __future__ import annotations

from collections.abc import Iterator

_TYPOGRAPHIC = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


class QuoteNotFoundError(ValueError):
    """The quote does not occur in the text (at the given start, if one was given)."""


class AmbiguousQuoteError(ValueError):
    """The quote occurs more than once and no start says which occurrence is meant."""


def occurrences(text: str, quote: str) -> Iterator[int]:
    """Every start offset of ``quote`` in ``text``, overlapping ones included.

    >>> list(occurrences("aXaXa", "a"))
    [0, 2, 4]
    """
    position = text.find(quote)
    while position != -1:
        yield position
        position = text.find(quote, position + 1)


def locate(text: str, quote: str, start: int | None = None) -> tuple[int, int]:
    """The ``(start, end)`` offsets of ``quote`` in ``text``, so that ``text[start:end] == quote``.

    Raises:
        QuoteNotFoundError: the quote is not in the text, or not at ``start``.
        AmbiguousQuoteError: the quote occurs more than once and ``start`` is None.

    >>> locate("Putin said no. Putin said yes.", "said yes")
    (21, 29)
    >>> locate("Putin said no. Putin said yes.", "Putin", start=15)
    (15, 20)

    """
    found = list(occurrences(text, quote))
    if start is not None:
        if start in found:
            return start, start + len(quote)
        where = f"; it occurs at {_listing(found)}" if found else ""
        raise QuoteNotFoundError(f"quote is not at start={start}{where}")
    if not found:
        raise QuoteNotFoundError(_not_found_hint(text, quote))
    if len(found) > 1:
        raise AmbiguousQuoteError(
            f"quote occurs {len(found)} times (at {_listing(found)}): add 'start' to say which"
        )
    return found[0], found[0] + len(quote)


def _listing(offsets: list[int]) -> str:
    return ", ".join(str(o) for o in offsets)


def _not_found_hint(text: str, quote: str) -> str:
    if quote.translate(_TYPOGRAPHIC) in text.translate(_TYPOGRAPHIC):
        return "quote not found in the article: check straight versus curly quote marks"
    if " ".join(quote.split()) in " ".join(text.split()):
        return "quote not found in the article: check spaces and line breaks"
    if quote.casefold() in text.casefold():
        return "quote not found in the article: check upper and lower case"
    return "quote not found in the article text"
