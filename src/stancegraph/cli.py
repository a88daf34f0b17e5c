"""The command line: it parses arguments and calls the library, nothing more."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from stancegraph.build import build as build_exports
from stancegraph.errors import InputError
from stancegraph.iris import DEFAULT_BASE, is_base_iri


class _Group(click.Group):
    """Turns an :class:`InputError` into one clear line on stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except InputError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(2)


def _check_base_iri(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    if not is_base_iri(value):
        raise click.BadParameter(f"{value!r} is not an absolute http(s) IRI")
    return value


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
    "--base-iri",
    default=DEFAULT_BASE,
    show_default=True,
    callback=_check_base_iri,
    help="Base IRI of the graph's nodes.",
)
def build(graph_dir: Path, out_dir: Path, base_iri: str) -> None:
    """Build the graph from GRAPH_DIR (default: graph) and write every export."""
    build_exports(graph_dir, out_dir, base=base_iri, report=click.echo)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
