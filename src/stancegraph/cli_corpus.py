"""A user's own corpus: ``init`` it, ``review`` what extraction found, ``serve`` it.

Each command imports the library it needs when it runs (see ``cli``).
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from stancegraph.cli_options import CURATED_ONLY_OPTION, GRAPH_OPTION, MODEL_OPTION, assembly, say


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


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Make FOLDER an empty corpus (articles/, coding/, the registry files, a README)."""
    from stancegraph.starting import init_corpus  # noqa: PLC0415

    made = init_corpus(folder)
    click.echo(f"init: {folder} with {', '.join(p.name for p in made)}")
    click.echo(f"next: add articles/ID.txt, then `stancegraph build {folder}`")


@click.command()
@GRAPH_OPTION
@CURATED_ONLY_OPTION
@MODEL_OPTION
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--writable", is_flag=True, help="Accept SPARQL updates (a build replaces them).")
def serve(  # click passes every parameter by name
    *, graph_dir: Path, curated_only: bool, model: str | None, port: int, writable: bool
) -> None:
    """Serve the graph over SPARQL on 127.0.0.1 with the Oxigraph server, until stopped.

    Plain queries see every article and the registry (the default graph is the union of all
    named graphs): curl -H 'Accept: text/csv' --data-urlencode query@demands.rq
    http://127.0.0.1:7878/query
    """
    from stancegraph.serving import serve as serve_graph  # noqa: PLC0415

    status = serve_graph(
        graph_dir, port=port, writable=writable, reader=assembly(curated_only, model), report=say
    )
    sys.exit(status)
