"""The command line: it parses arguments and calls the library, nothing more."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from stancegraph.build import build as build_exports
from stancegraph.errors import InputError, StoreError
from stancegraph.iris import DEFAULT_BASE
from stancegraph.querying import run
from stancegraph.sparql.library import listing
from stancegraph.sparql.results import RESULT_FORMATS
from stancegraph.stores.opening import DEFAULT_STORE, STORE_CHOICES, open_store
from stancegraph.stores.push import push_graph


class _Group(click.Group):
    """Turns an error into one clear line on stderr and an exit status.

    An :class:`InputError` (a mistake in an input or a query) exits with 2, a
    :class:`StoreError` (a store or server failed) with 1.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except InputError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(2)
        except StoreError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(1)


@click.group(cls=_Group)
@click.version_option(package_name="stancegraph")
def main() -> None:
    """stancegraph: news articles into a knowledge graph of actors and their positions."""


@main.command()
@click.argument("graph_dir", default="graph", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default="exports",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the exports into.",
)
@click.option(
    "--base-iri", default=DEFAULT_BASE, show_default=True, help="Base IRI of the graph's nodes."
)
def build(graph_dir: Path, out_dir: Path, base_iri: str) -> None:
    """Build the graph from GRAPH_DIR (default: graph) and write every export."""
    build_exports(graph_dir, out_dir, base=base_iri, report=click.echo)


def _params(_: click.Context, __: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        name, equals, value = item.partition("=")
        if not equals or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE")
        params[name] = value
    return params


_graph_dir = click.option(
    "--graph",
    "graph_dir",
    default="graph",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The graph/ folder to build the graph from.",
)


@main.command()
@click.argument("query_name", metavar="NAME|FILE.rq", required=False)
@click.option("--param", "params", multiple=True, callback=_params, help="NAME=VALUE, repeatable.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(RESULT_FORMATS)),
    default="table",
    show_default=True,
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@_graph_dir
@click.option(
    "--store",
    "store_spec",
    default=DEFAULT_STORE,
    show_default=True,
    help=f"Where to load the graph: {', '.join(STORE_CHOICES)}.",
)
@click.option("--endpoint", help="Query this SPARQL server instead (filled by `push`).")
def query(  # noqa: PLR0917 - click passes one argument per option
    query_name: str | None,
    params: dict[str, str],
    output_format: str,
    list_queries: bool,
    graph_dir: Path,
    store_spec: str,
    endpoint: str | None,
) -> None:
    """Run a named query (see --list) or a SPARQL file over the graph, print its rows."""
    if list_queries:
        click.echo(listing(), nl=False)
        return
    if query_name is None:
        raise click.UsageError("give a query NAME or FILE.rq, or --list")
    report = functools.partial(click.echo, err=True)
    store = open_store(store_spec, graph_dir=graph_dir, endpoint=endpoint, report=report)
    click.echo(RESULT_FORMATS[output_format](run(store, query_name, params)), nl=False)


@main.command()
@_graph_dir
@click.option("--endpoint", required=True, help="The SPARQL server, e.g. http://127.0.0.1:7878.")
@click.option(
    "--base-iri", default=DEFAULT_BASE, show_default=True, help="Base IRI of the graph's nodes."
)
def push(graph_dir: Path, endpoint: str, base_iri: str) -> None:
    """Load the graph into a SPARQL server: every named graph replaced whole, or none."""
    report = push_graph(graph_dir, endpoint, base_iri)
    click.echo(
        f"push: {report.graphs} graphs, {report.triples} triples to {endpoint}"
        f" ({report.dropped} graphs of removed articles dropped)"
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
