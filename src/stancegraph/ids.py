"""Identifiers: one rule for every id, so that ids are safe in IRIs and file names."""

from __future__ import annotations

import hashlib
import re

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def is_safe_id(value: str) -> bool:
    """Whether ``value`` can be used as an id (in an IRI path segment and as a file name).

    >>> is_safe_id("keir-starmer"), is_safe_id("000_704e45cf9c367b27"), is_safe_id("../x")
    (True, True, False)
    """
    return ID_PATTERN.fullmatch(value) is not None


def slug(text: str) -> str:
    """A safe id made from free text, for IRIs of things that have a name but no id.

    >>> slug("Prime Minister of the United Kingdom")
    'prime-minister-of-the-united-kingdom'
    """
    lowered = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return lowered[:100] or "x"


def content_id(prefix: str, *parts: str) -> str:
    """A short id that depends only on ``parts``: the same content gets the same id on every run.

    Extracted statements are named so (after their article, evidence span and what they say),
    so that a person's review decision keeps pointing at the statement after re-extraction.

    >>> content_id("x", "a1", "stance", "uk", "ceasefire", "support", "10", "42")
    'x-d936b9f294'
    >>> content_id("x", "a1") == content_id("x", "a1") != content_id("x", "a2")
    True
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:10]}"
