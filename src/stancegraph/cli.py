"""The command line: it parses arguments and calls the library, nothing more."""

from __future__ import annotations

import functools
import sys
from datetime import datetime
from pathlib import Path

import click

from stancegraph.cli_choices import (
    DEFAULT_BASE,
    DEFAULT_STORE,
    DIAGRAMS,
    EXPORT_FORMATS,
    IMAGE_FORMATS,
    NETWORKS,
    NORMALISATIONS,
    RESULT_FORMATS,
    STORE_CHOICES,
)
from stancegraph.cli_corpus import init, review, serve
from stancegraph.cli_options import (
    CURATED_ONLY_OPTION,
    FROM_OPTION,
    GRAPH_OPTION,
    LEVEL_OPTION,
    MODEL_OPTION,
    PROCESSES_OPTION,
    PROPOSITIONS_OPTION,
    REVIEWED_ONLY_OPTION,
    TO_OPTION,
    ErrorReportingGroup,
    assembly,
    check_base_iri,
    period,
    progress_bar,
    say,
    server,
    server_options,
    warn,
)

# Each command imports the library it needs when it runs: `stancegraph --help` and a mistyped
# option answer at once instead of loading spaCy, rdflib, networkx and matplotlib first.
# ruff: noqa: PLC0415


@click.group(cls=ErrorReportingGroup)
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
    callback=check_base_iri,
    help="Base IRI of the graph's nodes.",
)
@click.option(
    "--curated-only", is_flag=True, help="Leave out extracted statements: curated codings only."
)
@MODEL_OPTION
@PROCESSES_OPTION
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).",
)
def build(  # noqa: PLR0917 - click passes every option as an argument
    graph_dir: Path,
    out_dir: Path,
    base_iri: str,
    curated_only: bool,
    model: str | None,
    processes: int,
    dask: str | None,
) -> None:
    """Build the graph from GRAPH_DIR (default: graph) and write every export."""
    from stancegraph.build import build as build_exports

    build_exports(
        graph_dir,
        out_dir,
        base=base_iri,
        report=say,
        curated_only=curated_only,
        model=model,
        processes=processes,
        progress=lambda total: progress_bar(total, "extract"),
        warn=warn,
        dask=dask,
    )


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    default="extracted",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write one coding file per article into.",
)
@GRAPH_OPTION
@MODEL_OPTION
@click.option(
    "--classifier",
    default=None,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A clause classifier written by `stancegraph train` (default: the shipped one).",
)
@click.option("--rules-only", is_flag=True, help="Extract with the rules alone, no classifier.")
@click.option(
    "--explain", is_flag=True, help="Show what was found in each sentence and why; write nothing."
)
@PROCESSES_OPTION
def extract(  # noqa: PLR0917 - click passes every option as an argument
    articles: tuple[Path, ...],
    out_dir: Path,
    graph_dir: Path,
    model: str | None,
    classifier: Path | None,
    rules_only: bool,
    explain: bool,
    processes: int,
) -> None:
    """Extract candidate statements from ARTICLES (files or folders of *.txt)."""
    from stancegraph.extract.run import explain_files, extract_files

    if explain:
        text = explain_files(
            list(articles), graph_dir, model=model, classifier=classifier, rules_only=rules_only
        )
        click.echo(text, nl=False)
        return

    written = extract_files(
        list(articles),
        graph_dir,
        out_dir,
        model=model,
        classifier=classifier,
        rules_only=rules_only,
        processes=processes,
        progress=lambda total: progress_bar(total, "extract"),
        warn=warn,
    )
    click.echo(f"extract: {len(written)} coding files written to {out_dir}")


@main.command()
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="A gold coding file, or a folder of them (ID.coding.yaml or ID.yaml) to pool.",
)
@click.option(
    "--pred",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="The coding to score, or a folder of them (ID.yaml) when --gold is a folder.",
)
@click.option(
    "--article",
    "article_path",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The article coded (needed when neither file is in the project's coding format).",
)
@GRAPH_OPTION
def evaluate(gold: Path, pred: Path, article_path: Path | None, graph_dir: Path) -> None:
    """Precision, recall and F1 of the coding PRED against the coding GOLD (files or folders)."""
    from stancegraph.evaluation_files import evaluate_paths

    click.echo(evaluate_paths(gold, pred, graph_dir, article_path), nl=False)


@main.command()
@click.argument(
    "corpora", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path)
)
@click.option("-o", "--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--c", "strength", default=0.3, show_default=True, help="Inverse regularisation.")
@click.option("--threshold", default=0.5, show_default=True, help="Probability to keep a clause.")
@click.option("--cross-validate", is_flag=True, help="Also report leave-one-batch-out figures.")
def train(
    corpora: tuple[Path, ...],
    out: Path,
    strength: float,
    threshold: float,
    cross_validate: bool,
) -> None:
    """Train the clause classifier on CORPORA (folders with graph/ and gold/), write it to OUT."""
    from stancegraph.training import cross_validation_report, train_corpora

    if cross_validate:
        for corpus in corpora:
            click.echo(f"{corpus}:")
            click.echo(
                cross_validation_report(corpus, c=strength, thresholds=(threshold,)), nl=False
            )
    train_corpora(list(corpora), out, c=strength, threshold=threshold)
    click.echo(f"train: model written to {out}")


@main.command("evaluate-mentions")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@GRAPH_OPTION
@MODEL_OPTION
def evaluate_mentions(gold: Path, graph_dir: Path, model: str | None) -> None:
    """How many hand-labelled actor mentions in GOLD extraction links to the right actor."""
    from stancegraph.mention_evaluation import evaluate_mention_file

    click.echo(evaluate_mention_file(gold, graph_dir, model), nl=False)


@main.command()
@click.argument("network", type=click.Choice(NETWORKS))
@GRAPH_OPTION
@CURATED_ONLY_OPTION
@REVIEWED_ONLY_OPTION
@MODEL_OPTION
@click.option(
    "--format",
    "format_name",
    type=click.Choice(EXPORT_FORMATS),
    help="Default: from -o, or graphml.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Default: NETWORK.SUFFIX",
)
@click.option(
    "--normalisation",
    type=click.Choice(NORMALISATIONS),
    default="raw",
    show_default=True,
    help="Edge weights of the one-mode networks.",
)
@LEVEL_OPTION
@PROPOSITIONS_OPTION
@FROM_OPTION
@TO_OPTION
def export(  # click passes every parameter by name
    *,
    network: str,
    graph_dir: Path,
    curated_only: bool,
    reviewed_only: bool,
    model: str | None,
    format_name: str | None,
    output: Path | None,
    normalisation: str,
    level: str,
    propositions: str,
    start: datetime | None,
    end: datetime | None,
) -> None:
    """Write the derived NETWORK (two-mode, congruence, conflict, subtract) of the graph."""
    from stancegraph.analysis.levels import Level, PropositionLevel
    from stancegraph.analysis.onemode import Normalisation
    from stancegraph.outputs import export_to_file

    first, last = period(start, end)
    try:
        written = export_to_file(
            graph_dir,
            network,
            format_name,
            output,
            normalisation=Normalisation(normalisation),
            level=Level(level),
            propositions=PropositionLevel(propositions),
            start=first,
            end=last,
            reader=assembly(curated_only, model, reviewed_only),
        )
    except ValueError as error:  # an output suffix that is not the format asked for
        raise click.UsageError(str(error)) from error
    click.echo(f"wrote {written}")


@main.command()
@click.argument("kind", type=click.Choice(DIAGRAMS))
@GRAPH_OPTION
@CURATED_ONLY_OPTION
@REVIEWED_ONLY_OPTION
@MODEL_OPTION
@click.option(
    "--format", "image_format", type=click.Choice(IMAGE_FORMATS), help="Default: from -o, or png."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: KIND.FORMAT"
)
@LEVEL_OPTION
@PROPOSITIONS_OPTION
@FROM_OPTION
@TO_OPTION
def draw(  # click passes every parameter by name
    *,
    kind: str,
    graph_dir: Path,
    curated_only: bool,
    reviewed_only: bool,
    model: str | None,
    image_format: str | None,
    output: Path | None,
    level: str,
    propositions: str,
    start: datetime | None,
    end: datetime | None,
) -> None:
    """Draw the diagram KIND (actor-network, stance-matrix, coalitions, timeline)."""
    from stancegraph.analysis.levels import Level, PropositionLevel
    from stancegraph.outputs import draw_to_file

    first, last = period(start, end)
    try:
        written = draw_to_file(
            graph_dir,
            kind,
            image_format,
            output,
            level=Level(level),
            propositions=PropositionLevel(propositions),
            start=first,
            end=last,
            reader=assembly(curated_only, model, reviewed_only),
        )
    except ValueError as error:  # an output suffix that is not an image format we write
        raise click.UsageError(str(error)) from error
    click.echo(f"wrote {written}")


def _params(_: click.Context, __: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        name, equals, value = item.partition("=")
        if not equals or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE")
        params[name] = value
    return params


@main.command()
@click.argument("query_name", metavar="NAME|FILE.rq", required=False)
@click.option("--param", "params", multiple=True, callback=_params, help="NAME=VALUE, repeatable.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(RESULT_FORMATS),
    default="table",
    show_default=True,
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@GRAPH_OPTION
@CURATED_ONLY_OPTION
@REVIEWED_ONLY_OPTION
@MODEL_OPTION
@click.option(
    "--store",
    "store_spec",
    default=DEFAULT_STORE,
    show_default=True,
    help=f"Where to load the graph: {', '.join(STORE_CHOICES)}.",
)
@click.option("--endpoint", help="Query this SPARQL server instead (filled by `push`).")
@server_options
def query(  # click passes every parameter by name
    *,
    query_name: str | None,
    params: dict[str, str],
    output_format: str,
    list_queries: bool,
    graph_dir: Path,
    curated_only: bool,
    reviewed_only: bool,
    model: str | None,
    store_spec: str,
    endpoint: str | None,
    server_kind: str,
    query_url: str | None,
    update_url: str | None,
    graph_store_url: str | None,
) -> None:
    """Run a named query (see --list) or a SPARQL file over the graph, print its rows."""
    from stancegraph.querying import answer_as_text
    from stancegraph.sparql.binding import bind
    from stancegraph.sparql.known import check_known
    from stancegraph.sparql.library import find, listing
    from stancegraph.stores.opening import open_store

    if list_queries:
        click.echo(listing(), nl=False)
        return
    if query_name is None:
        raise click.UsageError("give a query NAME or FILE.rq, or --list")
    # Checked before the graph is read: a mistyped name must not cost a build and a spaCy run.
    named = find(query_name)
    text = bind(named, params)
    report = functools.partial(click.echo, err=True)
    store = open_store(
        store_spec,
        graph_dir=graph_dir,
        endpoint=server(endpoint, server_kind, query_url, update_url, graph_store_url),
        report=report,
        reader=assembly(curated_only, model, reviewed_only),
    )
    check_known(store, named, params)
    click.echo(answer_as_text(store, text, output_format), nl=False)


@main.command()
@GRAPH_OPTION
@CURATED_ONLY_OPTION
@MODEL_OPTION
@click.option("--endpoint", required=True, help="The SPARQL server, e.g. http://127.0.0.1:7878.")
@server_options
@click.option(
    "--base-iri",
    default=DEFAULT_BASE,
    callback=check_base_iri,
    show_default=True,
    help="Base IRI of the graph's nodes.",
)
def push(  # click passes every parameter by name
    *,
    graph_dir: Path,
    curated_only: bool,
    model: str | None,
    endpoint: str,
    server_kind: str,
    query_url: str | None,
    update_url: str | None,
    graph_store_url: str | None,
    base_iri: str,
) -> None:
    """Load the graph into a SPARQL server: every named graph replaced whole, or none.

    Graphs the server already holds with the same triples are read back and left as they are.

    A login, when the server wants one, is read from STANCEGRAPH_SPARQL_USER and
    STANCEGRAPH_SPARQL_PASSWORD.
    """
    from stancegraph.stores.push import push_graph
    from stancegraph.stores.servers import Server, ServerKind

    target = Server(endpoint, ServerKind(server_kind), query_url, update_url, graph_store_url)
    report = push_graph(graph_dir, target, base_iri, reader=assembly(curated_only, model))
    click.echo(
        f"push: {report.graphs} graphs, {report.triples} triples to {endpoint}"
        f" ({report.sent} sent, {report.unchanged} already the same;"
        f" {report.dropped} graphs of removed articles dropped)"
    )


for command in (init, review, serve):
    main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
