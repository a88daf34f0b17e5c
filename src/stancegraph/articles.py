"""Reading article files: YAML front matter, then the body exactly as published."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path

from stancegraph.errors import InputError
from stancegraph.model import Article
from stancegraph.schema import ArticleMetadata
from stancegraph.yamlsource import line_of, parse_yaml, read_text, validate

DELIMITER = "---"


def read_article(path: Path, known_actors: Set[str] | None = None) -> Article:
    """Read one article file; its id is the file name without ``.txt``.

    ``known_actors``, when given, are the actor ids the ``speaker`` may name.

    Raises:
        InputError: the file is missing, not UTF-8, has no front matter, or bad metadata.

    """
    text = read_text(path)
    lines = text.split("\n")
    if lines[0].rstrip("\r") != DELIMITER:
        raise InputError(
            path,
            "",
            "an article starts with a '---' line, then its metadata (title, published)",
            line=1,
        )
    closing = next(
        (i for i, line in enumerate(lines[1:], start=1) if line.rstrip("\r") == DELIMITER), None
    )
    if closing is None:
        raise InputError(path, "", "the front matter is not closed by a '---' line", line=1)
    front_matter = "\n".join(lines[1:closing])
    body = "\n".join(lines[closing + 1 :])
    data = parse_yaml(front_matter, path, first_line=2)
    meta = validate(ArticleMetadata, data, path, first_line=2)
    if known_actors is not None:
        named: list[tuple[str, list[str | int], str]] = []
        if meta.speaker is not None:
            named.append(("speaker", ["speaker"], meta.speaker))
        named += [(f"issuers[{n}]", ["issuers", n], a) for n, a in enumerate(meta.issuers)]
        for field, keys, actor in named:
            if actor not in known_actors:
                line = line_of(data, keys, first_line=2)
                raise InputError(path, field, f"unknown actor id {actor!r}", line=line)
    if not body.strip():
        raise InputError(
            path, "", "the article has no text after its front matter", line=closing + 1
        )
    return Article(
        id=path.stem,
        title=meta.title,
        published=meta.published,
        text=body,
        publisher=meta.publisher,
        url=meta.url,
        language=meta.language,
        speaker=meta.speaker,
        issuers=tuple(meta.issuers),
        licence=meta.licence,
        text_type=meta.text_type,
    )
