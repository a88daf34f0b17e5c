"""The command line: it parses arguments and calls the library, nothing more."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from stancegraph.analysis.levels import Level
from stancegraph.analysis.networks import NETWORKS
from stancegraph.analysis.onemode import Normalisation
from stancegraph.build import build as build_exports
from stancegraph.diagrams import DIAGRAMS, IMAGE_FORMATS
from stancegraph.errors import InputError
from stancegraph.formats import EXPORT_FORMATS
from stancegraph.iris import DEFAULT_BASE
from stancegraph.outputs import draw_to_file, export_to_file


class _Group(click.Group):
    """Turns an :class:`InputError` into one clear line on stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except InputError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(2)


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


_GRAPH_OPTION = click.option(
    "--graph",
    "graph_dir",
    default="graph",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The graph/ folder to read.",
)
_DAY = click.DateTime(formats=["%Y-%m-%d"])
_LEVEL_OPTION = click.option(
    "--level",
    type=click.Choice([level.value for level in Level]),
    default=Level.PERSON.value,
    show_default=True,
    help="state: a person's statements count for the state they represented that day.",
)
_FROM_OPTION = click.option("--from", "start", type=_DAY, help="First statement date (YYYY-MM-DD).")
_TO_OPTION = click.option("--to", "end", type=_DAY, help="Last statement date (YYYY-MM-DD).")


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


@main.command()
@click.argument("network", type=click.Choice(sorted(NETWORKS)))
@_GRAPH_OPTION
@click.option(
    "--format",
    "format_name",
    type=click.Choice(sorted(EXPORT_FORMATS)),
    default="graphml",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Default: NETWORK.SUFFIX",
)
@click.option(
    "--normalisation",
    type=click.Choice([n.value for n in Normalisation]),
    default=Normalisation.RAW.value,
    show_default=True,
    help="Edge weights of the one-mode networks.",
)
@_LEVEL_OPTION
@_FROM_OPTION
@_TO_OPTION
def export(  # click passes every parameter by name
    *,
    network: str,
    graph_dir: Path,
    format_name: str,
    output: Path | None,
    normalisation: str,
    level: str,
    start: datetime | None,
    end: datetime | None,
) -> None:
    """Write the derived NETWORK (two-mode, congruence, conflict, subtract) of the graph."""
    written = export_to_file(
        graph_dir,
        network,
        format_name,
        output,
        normalisation=Normalisation(normalisation),
        level=Level(level),
        start=_day(start),
        end=_day(end),
    )
    click.echo(f"wrote {written}")


@main.command()
@click.argument("kind", type=click.Choice(list(DIAGRAMS)))
@_GRAPH_OPTION
@click.option(
    "--format", "image_format", type=click.Choice(IMAGE_FORMATS), help="Default: from -o, or png."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: KIND.FORMAT"
)
@_LEVEL_OPTION
@_FROM_OPTION
@_TO_OPTION
def draw(  # click passes every parameter by name
    *,
    kind: str,
    graph_dir: Path,
    image_format: str | None,
    output: Path | None,
    level: str,
    start: datetime | None,
    end: datetime | None,
) -> None:
    """Draw the diagram KIND (actor-network, stance-matrix, coalitions, timeline)."""
    try:
        written = draw_to_file(
            graph_dir,
            kind,
            image_format,
            output,
            level=Level(level),
            start=_day(start),
            end=_day(end),
        )
    except ValueError as error:  # an output suffix that is not an image format we write
        raise click.UsageError(str(error)) from error
    click.echo(f"wrote {written}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
