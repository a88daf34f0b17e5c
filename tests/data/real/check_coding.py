"""Check the real corpus as coders write it: front matter, dates, quotes, kinds (see CODING.md).

Run ``python tests/data/real/check_coding.py [dev|test|dev/BATCH ...]``; it prints one line per
problem and a count of statements per kind, and exits 1 when there is a problem. It reads no
extractor output.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).parent
TEXT_TYPES = {
    "press-statement",
    "readout",
    "speech",
    "joint-statement",
    "summit-declaration",
    "transcript",
    "institutional-statement",
    "news-report",
}
KINDS = {"stance", "commitment", "demand", "criticism", "participation", "role", "membership"}
POLARITIES = {"support", "oppose", "conditional", "neutral"}
REQUIRED_META = ("title", "published", "url", "licence", "text_type")


def split_article(path: Path) -> tuple[dict[str, object], str]:
    """The front matter and the body of an article file, as the loader splits them."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[0].rstrip("\r") != "---":
        raise ValueError("does not start with '---'")
    closing = next(i for i, line in enumerate(lines[1:], start=1) if line.rstrip("\r") == "---")
    meta = yaml.safe_load("\n".join(lines[1:closing])) or {}
    return meta, "\n".join(lines[closing + 1 :])


def _meta_problems(article: Path, meta: dict[str, object], defined: set[str]) -> list[str]:
    problems = [
        f"{article}: front matter field {field!r} is missing"
        for field in REQUIRED_META
        if not meta.get(field)
    ]
    published = meta.get("published")
    if not isinstance(published, date):
        problems.append(f"{article}: published is not a YYYY-MM-DD date")
    elif published.year == 2025:
        problems.append(f"{article}: a text of 2025 may not be used")
    if meta.get("text_type") not in TEXT_TYPES:
        problems.append(f"{article}: text_type {meta.get('text_type')!r} is not one of the list")
    speaker = meta.get("speaker")
    if speaker is not None and speaker not in defined:
        problems.append(f"{article}: speaker {speaker!r} is not in registry/*.yaml")
    return problems


def _item_problems(where: str, item: dict[str, object], body: str) -> list[str]:
    problems = [
        f"{where}.{field} is missing"
        for field in ("holder", "kind", "target", "quote")
        if not isinstance(item.get(field), str) or not str(item[field]).strip()
    ]
    kind, polarity, quote = item.get("kind"), item.get("polarity"), item.get("quote")
    if kind not in KINDS:
        problems.append(f"{where}.kind {kind!r} is not a kind")
    if kind == "stance" and polarity not in POLARITIES:
        problems.append(f"{where}.polarity {polarity!r}: a stance needs one")
    if kind != "stance" and polarity is not None:
        problems.append(f"{where}.polarity: only stances have one")
    if isinstance(quote, str) and quote not in body:
        problems.append(f"{where}.quote is not an exact substring: {quote[:60]!r}")
    return problems


def check_part(part: Path, prefix: str = "") -> tuple[list[str], Counter[str], int]:
    """Problems, statement counts per kind and the number of texts of one part (or one batch)."""
    problems: list[str] = []
    kinds: Counter[str] = Counter()
    defined: set[str] = set()
    for fragment in sorted((part / "registry").glob("*.yaml")):
        data = yaml.safe_load(fragment.read_text(encoding="utf-8")) or {}
        defined |= {str(a["id"]) for a in data.get("actors", [])}
    articles = sorted((part / "graph" / "articles").glob(f"{prefix}*.txt"))
    for article in articles:
        try:
            meta, body = split_article(article)
        except (ValueError, StopIteration, yaml.YAMLError) as error:
            problems.append(f"{article}: front matter: {error}")
            continue
        problems += _meta_problems(article, meta, defined)
        gold = part / "gold" / f"{article.stem}.coding.yaml"
        if not gold.exists():
            problems.append(f"{article}: no gold coding {gold.name}")
            continue
        items = yaml.safe_load(gold.read_text(encoding="utf-8")) or []
        for n, item in enumerate(items):
            problems += _item_problems(f"{gold}: [{n}]", item, body)
            if not item.get("optional"):
                kinds[str(item.get("kind"))] += 1
    return problems, kinds, len(articles)


def texts_table(part: Path) -> str:
    """The README's table of one part's texts: address, date, type, source, licence, size."""
    rows = [
        "| id | date | type | publisher | licence | words | statements |",
        "|---|---|---|---|---|---|---|",
    ]

    def natural(path: Path) -> tuple[str, int, str]:
        batch = path.stem.split("_", 1)[0]
        digits = "".join(c for c in batch if c.isdigit())
        return batch.rstrip("0123456789"), int(digits or 0), path.stem

    for article in sorted((part / "graph" / "articles").glob("*.txt"), key=natural):
        meta, body = split_article(article)
        gold = part / "gold" / f"{article.stem}.coding.yaml"
        if not gold.exists():
            raise SystemExit(f"{article}: no gold coding {gold.name}; run the check first")
        items = yaml.safe_load(gold.read_text(encoding="utf-8")) or []
        counted = sum(1 for item in items if not item.get("optional"))
        cells = [
            f"[{article.stem}]({meta['url']})",
            str(meta["published"]),
            str(meta["text_type"]),
            str(meta.get("publisher", "")),
            str(meta["licence"]),
            str(len(body.split())),
            str(counted),
        ]
        rows.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


def main(parts: list[str]) -> int:
    """Check each named part (default: both) and report; ``--table PART`` prints its table."""
    if parts[:1] == ["--table"]:
        for name in parts[1:]:
            print(texts_table(HERE / name), end="")
        return 0
    failed = False
    for name in parts or ["dev", "test"]:
        part, _, prefix = name.partition("/")
        problems, kinds, texts = check_part(HERE / part, prefix)
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
        summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        print(f"{name}: {texts} texts, {sum(kinds.values())} statements ({summary})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
