"""`push` against a real Oxigraph server: one graph per article plus the registry, each replaced
whole, and a push that fails or is killed half-way leaves the earlier graphs as they were. The
same scenarios run on Virtuoso in test_virtuoso.py; the command line's server options are here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancegraph import StanceGraph
from stancegraph.cli import main
from stancegraph.stores.http import PASSWORD_VAR, USER_VAR
from stancegraph.stores.remote import RemoteStore
from stancegraph.stores.servers import ServerKind
from tests import push_scenarios
from tests.conftest import GRAPH_DIR
from tests.oxigraph_server import OxigraphServer
from tests.server_process import free_port


def test_push_puts_each_graph_whole_and_plain_http_reads_it(
    seed_graph: StanceGraph, fresh_oxigraph_server: OxigraphServer
) -> None:
    url = fresh_oxigraph_server.url
    push_scenarios.push_with_the_cli_and_read_with_plain_http(
        fresh_oxigraph_server, seed_graph, [], f"{url}/query", f"{url}/store"
    )


def test_push_killed_half_way_leaves_the_earlier_graphs(
    seed_graph: StanceGraph, fresh_oxigraph_server: OxigraphServer
) -> None:
    push_scenarios.killed_during_uploads_leaves_the_earlier_graphs(
        fresh_oxigraph_server, seed_graph
    )


def test_push_killed_during_its_update_leaves_the_earlier_graphs(
    seed_graph: StanceGraph, fresh_oxigraph_server: OxigraphServer
) -> None:
    push_scenarios.killed_during_the_update_leaves_the_earlier_graphs(
        fresh_oxigraph_server, seed_graph
    )


def test_push_with_a_refused_upload_changes_nothing(
    seed_graph: StanceGraph, fresh_oxigraph_server: OxigraphServer
) -> None:
    push_scenarios.refused_upload_changes_nothing(fresh_oxigraph_server, seed_graph)


def test_a_push_whose_update_fails_changes_nothing(
    seed_graph: StanceGraph, fresh_oxigraph_server: OxigraphServer
) -> None:
    left, message = push_scenarios.update_failing_at_its_end(fresh_oxigraph_server, seed_graph)
    assert left == "old"
    assert "push again" not in message


def test_a_push_of_a_thousand_graphs_is_pushed_whole(
    fresh_oxigraph_server: OxigraphServer,
) -> None:
    push_scenarios.thousands_of_graphs_are_pushed_whole(fresh_oxigraph_server)


def test_a_second_push_sends_only_the_graphs_that_changed(
    fresh_oxigraph_server: OxigraphServer,
) -> None:
    push_scenarios.a_second_push_sends_only_what_changed(fresh_oxigraph_server)


def test_the_kind_of_server_is_asked_or_given(oxigraph_server: OxigraphServer) -> None:
    detected = RemoteStore.connect(oxigraph_server.url, environ={})
    assert detected.kind is ServerKind.OXIGRAPH
    assert detected.atomic_updates
    assert detected.endpoints.graph_store == f"{oxigraph_server.url}/store"
    given = RemoteStore.connect(f"{oxigraph_server.url}/query", environ={})
    assert given.endpoints == detected.endpoints


def test_explicit_service_urls_override_the_layout(
    seed_graph: StanceGraph, oxigraph_server: OxigraphServer
) -> None:
    url = oxigraph_server.url
    services = ["--update-url", f"{url}/update", "--graph-store-url", f"{url}/store"]
    pushed = push_scenarios.cli_push(f"{url}/query", "--server", "generic", *services)
    assert pushed.exit_code == 0, pushed.output
    query = ["query", "demands", "--format", "csv", "--endpoint", f"{url}/query"]
    asked = CliRunner().invoke(main, [*query, "--server", "generic"])
    assert asked.exit_code == 0, asked.output
    assert "Keir Starmer," in asked.output


def test_a_generic_server_without_a_graph_store_cannot_be_pushed_to(
    oxigraph_server: OxigraphServer,
) -> None:
    result = push_scenarios.cli_push(f"{oxigraph_server.url}/query", "--server", "generic")
    assert result.exit_code == 1
    assert "--graph-store-url" in result.output


def test_push_to_nowhere_is_one_line_and_exit_1() -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(main, ["push", "--graph", str(GRAPH_DIR), "--endpoint", nowhere])
    assert result.exit_code == 1
    assert result.output.startswith("error: ")
    assert "unreachable" in result.output


def test_a_mistake_in_the_inputs_is_named_before_the_server_is_asked(tmp_path: Path) -> None:
    graph = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, graph, ignore=shutil.ignore_patterns(".cache"))
    coding = sorted((graph / "coding").glob("*.yaml"))[0]
    coding.write_text(coding.read_text().replace("kind: stance", "kind: stanse", 1))
    nowhere = f"http://127.0.0.1:{free_port()}"  # its kind would be asked first
    result = CliRunner().invoke(main, ["push", "--graph", str(graph), "--endpoint", nowhere])
    assert result.exit_code == 2
    assert f"{coding}:" in result.output
    assert ".kind: Input should be" in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--endpoint", "127.0.0.1:7878"], "--endpoint: '127.0.0.1:7878' is not an http(s) URL"),
        (["--endpoint", "ftp://h/x"], "is not an http(s) URL"),
        (["--endpoint", "http://h:port/"], "is not an http(s) URL"),
        (["--endpoint", "http://me:secret@h/"], f"no login in the URL: set {USER_VAR}"),
        (["--endpoint", "http://h/", "--server", "blazegraph"], "Invalid value for '--server'"),
        (["--endpoint", "http://h/", "--update-url", "nowhere"], "--update-url: 'nowhere'"),
    ],
)
def test_a_badly_named_server_is_one_line_and_exit_2(arguments: list[str], message: str) -> None:
    for command in (["push", "--graph", str(GRAPH_DIR)], ["query", "demands"]):
        result = CliRunner().invoke(main, [*command, *arguments])
        assert result.exit_code == 2, result.output
        assert message in result.output
        assert "Traceback" not in result.output


def test_server_options_need_an_endpoint() -> None:
    result = CliRunner().invoke(main, ["query", "demands", "--server", "virtuoso"])
    assert result.exit_code == 2
    assert "go with --endpoint" in result.output


def test_a_server_that_does_not_say_what_it_is_must_be_named() -> None:
    # A root that answers without a Server header: Python's own HTTP server, told to send none.
    import http.server  # noqa: PLC0415 - only this test serves HTTP itself
    import threading  # noqa: PLC0415

    class Quiet(http.server.BaseHTTPRequestHandler):
        def version_string(self) -> str:
            return ""

        def do_HEAD(self) -> None:
            self.send_response(200)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    with http.server.HTTPServer(("127.0.0.1", 0), Quiet) as quiet:
        threading.Thread(target=quiet.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{quiet.server_address[1]}"
        result = CliRunner().invoke(main, ["query", "demands", "--endpoint", url])
        quiet.shutdown()
    assert result.exit_code == 2
    assert f"cannot tell which server {url} is" in result.output
    assert "give --server oxigraph|virtuoso|fuseki|generic" in result.output


def test_half_set_credentials_are_one_line_and_exit_2(oxigraph_server: OxigraphServer) -> None:
    result = CliRunner().invoke(
        main,
        ["query", "demands", "--endpoint", oxigraph_server.url],
        env={USER_VAR: "someone", PASSWORD_VAR: ""},
    )
    assert result.exit_code == 2
    assert f"set both {USER_VAR} and {PASSWORD_VAR}, or neither" in result.output
