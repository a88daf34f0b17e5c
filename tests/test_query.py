"""`stancegraph query` and `stancegraph.query`: the library, safe parameters, clear errors with
exit status 2, standard result formats; the N-Triples view equals the rdflib view."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.plugins.sparql.results.jsonresults import JSONResultParser

import stancegraph
from stancegraph import Actor, ActorKind, StanceGraph, to_rdf
from stancegraph.cli import main
from stancegraph.errors import QueryError
from stancegraph.querying import run, written
from stancegraph.rdf_ntriples import ntriples_by_graph
from stancegraph.sparql.binding import bind
from stancegraph.sparql.library import find, named_queries, parse
from stancegraph.stores.memory import RdflibStore
from stancegraph.stores.oxigraph import OxigraphStore
from tests.conftest import GRAPH_DIR, SEED_ID
from tests.corpora import corpus, synthetic


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["query", *args, "--graph", str(GRAPH_DIR)])
    return result.exit_code, result.stdout, result.stderr


def test_every_named_query_says_what_it_answers_and_parses() -> None:
    for name, query in named_queries().items():
        assert query.text.startswith("# "), name
        assert len(query.summary) > 20, name
        values = {p.name: _example(p.kind) for p in query.parameters if not p.optional}
        bind(query, values)  # parses with rdflib, is a SELECT


def _example(kind: str) -> str:
    return {"date": "2025-03-15", "statement": f"{SEED_ID}/x"}.get(kind, "keir-starmer")


def test_list_shows_every_query_and_its_parameters() -> None:
    code, out, _ = _cli("--list")
    assert code == 0
    for name, query in named_queries().items():
        assert f"{name}: " in out
        for parameter in query.parameters:
            assert f"--param {parameter.name}=" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-query"], "unknown query; named queries: agreement, allies, ceasefire-"),
        (["stances"], "queries/stances.rq: param proposition: required parameter not given"),
        (["roles", "--param", "date=2025-13-01"], "'2025-13-01' is not a date"),
        (["stances", "--param", "proposition=ceasefire", "--param", "who=x"], "unknown parameter"),
        (["timeline", "--param", "actor=x> } ; DROP ALL"], "neither an id nor an http(s) IRI"),
        (["timeline", "--param", "actor=http://x/>{"], "is not an absolute IRI"),
        (["missing.rq"], "missing.rq: cannot read query file"),
        (["--store", "sqlite"], "unknown store 'sqlite'"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    if args[0] == "--store":
        args = ["demands", *args]
    code, out, err = _cli(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_query_mistakes_are_reported_before_the_graph_is_read(tmp_path: Path) -> None:
    # The graph folder is broken: had it been read first, its error would be the one reported.
    broken = tmp_path / "graph"
    (broken / "coding").mkdir(parents=True)
    (broken / "actors.yaml").write_text("actors: [\n")
    for args, message in [
        (["no-such-query"], "unknown query"),
        (["stances"], "required parameter not given"),
    ]:
        result = CliRunner().invoke(main, ["query", *args, "--graph", str(broken)])
        assert result.exit_code == 2
        assert message in result.stderr
        assert "actors.yaml" not in result.stderr
    # And the same folder does fail once the query itself is sound.
    result = CliRunner().invoke(main, ["query", "demands", "--graph", str(broken)])
    assert result.exit_code == 2
    assert "actors.yaml" in result.stderr


def test_malformed_query_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("# Broken.\nSELECT ?x\nWHERE { ?x ?y }\n")
    code, _, err = _cli(str(bad))
    assert code == 2
    assert f"error: {bad}:3: malformed SPARQL" in err
    construct = tmp_path / "construct.rq"
    construct.write_text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }\n")
    assert "only SELECT" in _cli(str(construct))[2]


def test_a_value_cannot_escape_its_term() -> None:
    query = parse("t", "t.rq", '# @param q text\nSELECT ?s WHERE { ?s ?p ?q . FILTER(?q != "#{") }')
    hostile = '"} } DELETE WHERE { ?s ?p ?o } #'
    text = bind(query, {"q": hostile})
    # The value is one escaped literal in a VALUES block, inserted at the WHERE group's brace
    # (not at the '{' inside the string literal of the FILTER).
    assert 'VALUES ?q { "\\"} } DELETE WHERE { ?s ?p ?o } #" }' in text
    assert text.index("VALUES") < text.index("?s ?p ?q")


def test_bind_marker_places_a_parameter_inside_a_sub_query() -> None:
    query = parse(
        "t",
        "t.rq",
        "# @param who actor?\n# @param on proposition?\n"
        "SELECT ?who WHERE {\n"
        "  { SELECT DISTINCT ?who ?on WHERE {\n"
        "      # @bind who\n"
        "      ?who ?stance ?on } }\n"
        "  ?on ?p ?label }\n",
    )
    text = bind(query, {"who": "keir-starmer", "on": "ceasefire"})
    lines = text.splitlines()
    # `who` goes right after its marker, inside the sub-query; `on` (no marker) at the outer brace.
    assert lines[lines.index("      # @bind who") + 1].startswith(" VALUES ?who {")
    assert lines[2].startswith("SELECT ?who WHERE { VALUES ?on {")
    assert text.count("VALUES") == 2
    assert bind(query, {}) == query.text  # nothing given, nothing inserted


def test_bind_marker_naming_an_undeclared_parameter_is_an_error(tmp_path: Path) -> None:
    file = tmp_path / "typo.rq"
    file.write_text(
        "# Labels.\n# @param actor actor? the actor\nSELECT ?l WHERE {\n  # @bind actr\n"
        "  ?actor <http://www.w3.org/2000/01/rdf-schema#label> ?l }\n"
    )
    code, _, err = _cli(str(file))
    assert code == 2
    assert f"error: {file}:4: @bind: 'actr' is not a declared parameter" in err


def test_user_file_with_declared_parameter(tmp_path: Path) -> None:
    file = tmp_path / "labels.rq"
    file.write_text(
        "# The label of an actor.\n# @param actor actor the actor\n"
        "SELECT ?label WHERE { ?actor <http://www.w3.org/2000/01/rdf-schema#label> ?label }\n"
    )
    code, out, _ = _cli(str(file), "--param", "actor=vladimir-putin", "--format", "tsv")
    assert code == 0
    assert out == '?label\n"Vladimir Putin"@en\n'


def test_json_is_sparql_results_json_and_csv_is_standard() -> None:
    args = ["stances", "--param", "proposition=ceasefire-30-day", "--store", "rdflib"]
    code, out, _ = _cli(*args, "--format", "json")
    assert code == 0
    parsed = JSONResultParser().parse(io.StringIO(out))
    expected = RdflibStore(to_rdf(stancegraph.load(GRAPH_DIR))).select(
        bind(find("stances"), {"proposition": "ceasefire-30-day"})
    )
    assert [str(v) for v in parsed.vars or []] == list(expected.variables)
    assert [tuple(row) for row in parsed] == list(expected.rows)  # type: ignore[arg-type]
    assert json.loads(out)["head"]["vars"][0] == "holder"
    code, out, _ = _cli(*args, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == list(expected.variables)
    assert expected.to_csv().endswith("\r\n")  # RFC 4180 line ends (the test runner drops \r)
    assert len(rows) == len(expected.rows) + 1
    assert {row[1] for row in rows[1:]} == {"support", "conditional"}


def test_python_api_rows_and_dataframe(seed_graph: StanceGraph) -> None:
    rows = stancegraph.query(seed_graph, "criticism", critic="keir-starmer")
    assert rows
    assert {row["by"] for row in rows} == {"Keir Starmer"}
    frame = rows.to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["by", "of", "date", "quote", "statement"]
    assert len(frame) == len(rows)
    same = stancegraph.query(to_rdf(seed_graph), "criticism", critic="keir-starmer")
    assert list(same) == list(rows)
    with pytest.raises(QueryError, match="required parameter"):
        stancegraph.query(seed_graph, "timeline")


def _awkward() -> StanceGraph:
    """Text N-Triples must escape (quotes, backslashes, line breaks), non-ASCII, a region tag."""
    name = 'Said "no" \\ twice\r\nthen\tleft — Zoë 😀'
    rows = [("odd", "p1", "support", "2025-01-10"), ("b", "p1", "oppose", "2025-01-10")]
    graph = corpus(rows, actors=[Actor("odd", ActorKind.PERSON, name, aliases=('a "b"',))])
    article = replace(
        graph.articles[0],
        title=name,
        publisher="back\\slash",
        url="https://example.org/straße?q=ä&x=1#frag",
        language="de-CH",
    )
    return replace(graph, articles=(article,))


def test_oxigraph_csv_is_the_shared_writers_csv_on_awkward_text(tmp_path: Path) -> None:
    store = OxigraphStore()
    store.load(ntriples_by_graph(_awkward()))
    single = tmp_path / "single.rq"  # one column with an unbound value: "" rather than no line
    single.write_text("# One unbound value.\nSELECT ?x WHERE { OPTIONAL { ?s <urn:none> ?x } }\n")
    cases = [("stances", {"proposition": "p1"}), ("conflict", {}), ("timeline", {"actor": "odd"})]
    for name, params in [*cases, (str(single), {})]:
        csv_text = written(store, name, params, "csv")
        assert csv_text == run(store, name, params).to_csv(), name
    assert 'Said ""no"" \\ twice\r\nthen\tleft — Zoë 😀' in written(store, "conflict", {}, "csv")


@pytest.mark.parametrize("which", ["seed", "synthetic", "awkward"])
def test_ntriples_view_is_the_rdflib_view(seed_graph: StanceGraph, which: str) -> None:
    graph = {"seed": seed_graph, "synthetic": synthetic(300), "awkward": _awkward()}[which]
    documents = ntriples_by_graph(graph)
    dataset: Dataset = to_rdf(graph)
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert set(documents) == names
    for name, document in documents.items():
        expected = Graph()
        for triple in dataset.graph(name):  # type: ignore[arg-type]
            expected.add(triple)
        parsed = Graph().parse(data=document, format="nt")
        assert len(parsed) == len(expected) == document.count(b"\n"), name
        assert isomorphic(parsed, expected), name
    if which != "seed":
        return
    body = next(
        iter(
            Graph()
            .parse(data=documents[list(documents)[1]], format="nt")
            .objects(
                predicate=stancegraph.vocab.SCHEMA.articleBody  # type: ignore[attr-defined]
            )
        )
    )
    assert isinstance(body, Literal)
    assert str(body) == seed_graph.article(SEED_ID).text


@pytest.mark.parametrize(
    ("query_name", "param", "message"),
    [
        (
            "demands",
            "actor=keir-starmr",
            "unknown actor 'keir-starmr' (did you mean 'keir-starmer'?)",
        ),
        (
            "stances",
            "proposition=ceasfire",
            "unknown proposition 'ceasfire' (did you mean 'ceasefire'?)",
        ),
        ("evidence", f"statement={SEED_ID}/nothing-like-it", "unknown statement"),
    ],
)
def test_a_parameter_naming_nothing_is_an_error_not_zero_rows(
    query_name: str, param: str, message: str
) -> None:
    status, out, err = _cli(query_name, "--param", param, "--curated-only")
    assert status == 2
    assert message in err
    assert out == ""


def test_a_known_actor_with_no_rows_answers_zero_rows() -> None:
    status, out, _ = _cli("demands", "--param", "actor=new-zealand", "--curated-only")
    assert status == 0
    assert "(0 rows)" in out


def test_python_queries_refuse_unknown_ids_too(seed_graph: StanceGraph) -> None:
    with pytest.raises(QueryError, match="did you mean 'vladimir-putin'"):
        stancegraph.query(seed_graph, "demands", actor="vladimir-puttin")
