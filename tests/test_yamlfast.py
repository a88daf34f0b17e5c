"""The libyaml reader gives the round-trip parser's values, or steps aside; mistakes keep lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stancegraph.errors import InputError
from stancegraph.yamlfast import NotLikeRoundTripError, load_plain
from stancegraph.yamlsource import YamlFile, parse_yaml
from tests.conftest import ROOT

REPO_YAML = sorted(
    path
    for folder in ("graph", "tests/data", "src/stancegraph")
    for path in (ROOT / folder).rglob("*.yaml")
)

# Plain scalars where YAML 1.1 (PyYAML's own resolver) and YAML 1.2 differ, and their neighbours.
SCALARS = [
    "yes", "no", "on", "off", "y", "n", "Yes", "NO", "true", "False", "TRUE",
    "010", "0o10", "0x1F", "0b101", "-0b1", "1_000", "+5", "-0", "0", "007", "0o", "_1", "1__2",
    "1.5", "1e3", "12e3", "+12.5e-3", "0.", ".5", "1_0.5", "-.inf", ".INF",
    "1:20", "190:20:30", "~", "null", "Null", "", "2025-03-15", "2025-3-5",
    "2025-03-15T10:00:00Z", "2025-03-15 10:00:00", "12:30", "<<", "=", "plain text", "'quoted'",
    '"double"', "[a, b]", "{a: 1}",
]  # fmt: skip


def _plain(value: Any) -> Any:
    """ruamel's round-trip containers and scalar subclasses as plain Python values."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value


def _same_as_round_trip(text: str) -> None:
    expected = _plain(parse_yaml(text, Path("x.yaml")))
    try:
        got = load_plain(text)
    except NotLikeRoundTripError:
        return  # the caller reads it with the round-trip parser: the same values by definition
    assert got == expected, text
    assert [type(v) for v in _leaves(got)] == [type(v) for v in _leaves(expected)], text


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in (*_leaves(k), *_leaves(v))]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


@pytest.mark.parametrize("scalar", SCALARS)
def test_a_plain_scalar_reads_as_in_yaml_1_2(scalar: str) -> None:
    _same_as_round_trip(f"value: {scalar}\nlist: [{scalar}]\n")


def test_yaml_1_1_booleans_and_octals_are_not_read_as_such() -> None:
    expected = {"a": ["no", "on", "yes", "off", 10, 8]}
    assert load_plain("a: [no, on, yes, off, 010, 0o10]") == expected


@pytest.mark.parametrize("path", REPO_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository_reads_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_plain(text) == _plain(parse_yaml(text, path))  # none of them needs the fallback


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a repeated key: the round-trip parser refuses it
        "a: !!set {x}\n",
        "a: !custom x\n",
        "---\na: 1\n---\nb: 2\n",
        "? [1]\n: x\n",
        "a: [\n",
    ],
)
def test_what_libyaml_could_read_differently_is_left_to_the_round_trip_parser(text: str) -> None:
    with pytest.raises(NotLikeRoundTripError):
        load_plain(text)


def test_an_explicit_standard_tag_is_read_as_it_says() -> None:
    # The round-trip parser keeps such a scalar as a tagged object, which no field of the schema
    # accepts; read here it is the value the tag names.
    text = "a: [!!str 010, !!int '7', !!float 1, !!null '', !!bool true]"
    assert load_plain(text) == {"a": ["010", 7, 1.0, None, True]}


def test_merge_keys_read_as_in_the_round_trip_parser() -> None:
    _same_as_round_trip("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n")


def test_a_repeated_key_is_still_reported_with_its_line(tmp_path: Path) -> None:
    file = tmp_path / "actors.yaml"
    file.write_text("actors:\n  - id: a\n    id: b\n")
    with pytest.raises(InputError) as caught:
        YamlFile(file)
    assert caught.value.line == 3
    assert "duplicate key" in str(caught.value)


def test_a_file_read_fast_still_points_at_the_line_of_a_mistake(tmp_path: Path) -> None:
    file = tmp_path / "events.yaml"
    file.write_text("# events\nevents:\n  - id: x\n    label: X\n    date: 2025-02-30\n")
    source = YamlFile(file)
    assert source.data == {"events": [{"id": "x", "label": "X", "date": "2025-02-30"}]}
    error = source.error(["events", 0, "date"], "not a date")
    assert (error.line, error.field) == (5, "events[0].date")
