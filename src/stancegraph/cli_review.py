"""``stancegraph review``: the terminal side of a review session (prompts, answers, summary)."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from stancegraph.cli_options import GRAPH_OPTION, MODEL_OPTION


def _ask(prompt: str, choices: Sequence[str] | None) -> str:
    kind = click.Choice(list(choices)) if choices is not None else str
    return str(click.prompt(prompt, type=kind, show_choices=False))


@click.command()
@click.argument("article")
@GRAPH_OPTION
@MODEL_OPTION
@click.option(
    "--reviewer", help="Who reviews (default: the login name); written with each decision."
)
def review(article: str, graph_dir: Path, model: str | None, reviewer: str | None) -> None:
    """Confirm, correct or reject the unreviewed extracted statements of ARTICLE, one by one.

    ARTICLE is an article id (or its .txt file). Each decision is written at once into the
    article's coding file in GRAPH/coding; every later build keeps it.
    """
    from stancegraph.review_session import review_article  # noqa: PLC0415 - spaCy, on use

    article_id = Path(article).stem if article.endswith(".txt") else article
    summary = review_article(
        graph_dir,
        article_id,
        reviewer=reviewer or getpass.getuser(),
        on=date.today(),
        ask=_ask,
        say=click.echo,
        model=model,
    )
    where = f" in {summary.path}" if summary.path is not None else ""
    click.echo(
        f"review: {summary.confirmed} confirmed, {summary.corrected} corrected, "
        f"{summary.rejected} rejected{where}; {summary.left} left to review"
    )
