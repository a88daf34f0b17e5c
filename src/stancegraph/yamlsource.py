"""Reading YAML input with line numbers, and validating it against a schema at the edge.

Validation errors become :class:`~stancegraph.errors.InputError` naming the file, the line and the
field, so a user can go straight to the mistake.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.constructor import BaseConstructor, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import ScalarNode

from stancegraph.errors import InputError
from stancegraph.yamlfast import NotLikeRoundTripError, load_plain

ModelT = TypeVar("ModelT", bound=BaseModel)


def _timestamp_as_text(constructor: BaseConstructor, node: ScalarNode) -> str:
    # Dates stay text here: the schema parses them, so an impossible date such as 2025-02-30
    # is reported with its file, line and field instead of failing inside the YAML parser.
    return str(constructor.construct_scalar(node))


class _TextDates(RoundTripConstructor):
    """The round-trip constructor, with dates as text.

    A subclass: ``add_constructor`` on the library's own class would change every other
    round-trip reader in the process (the review's writer, which keeps dates as they are).
    """


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _parser() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDates
    return yaml


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, or raise :class:`InputError` saying why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "", "file not found") from None
    except OSError as exc:
        raise InputError(path, "", f"cannot read file: {exc.strerror}") from None
    try:
        # utf-8-sig: Windows Notepad starts a UTF-8 file with a byte-order mark.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(path, "", "not valid UTF-8 text", line=line) from None


def parse_yaml(text: str, path: Path, *, first_line: int = 1) -> Any:
    """Parse YAML ``text`` read from ``path``, whose line ``first_line`` the text starts on."""
    try:
        return _parser().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(path, "", f"malformed YAML: {problem}", line=line) from None


def line_of(data: Any, location: Sequence[str | int], first_line: int = 1) -> int | None:
    """The file line of the deepest node along ``location`` in data parsed by :func:`parse_yaml`."""
    line: int | None = None
    node = data
    for key in location:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(key, int) and isinstance(node, list):
                if lc is not None:
                    line = lc.item(key)[0] + first_line
                node = node[key]
            elif isinstance(node, dict) and key in node:
                if lc is not None:
                    line = lc.key(key)[0] + first_line
                node = node[key]
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
    if line is None and getattr(data, "lc", None) is not None:
        line = data.lc.line + first_line
    return line


def field_name(location: Sequence[str | int]) -> str:
    """Render a validation location as a field path: ``actors[3].roles[0].start``.

    >>> field_name(("actors", 3, "roles", 0, "start"))
    'actors[3].roles[0].start'
    """
    out = ""
    for key in location:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def validate(model: type[ModelT], data: Any, path: Path, *, first_line: int = 1) -> ModelT:
    """Validate parsed YAML against ``model``; the first problem becomes an :class:`InputError`."""
    if data is None:
        raise InputError(path, "", "the file is empty", line=first_line)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        # Pydantic adds the name of a union member or a tagged choice to the location; those are
        # not keys of the file and would only confuse the field path.
        location = [part for part in error["loc"] if not _is_schema_artifact(part)]
        message = _without_prefix(error["msg"])
        if error["type"] == "extra_forbidden":
            message = "unknown field (check its spelling)"
        elif error["type"] == "missing":
            message = "required field is missing"
        _raise(path, data, location, message, first_line)


def _without_prefix(message: str) -> str:
    """A validator's own message, without the "Value error, " pydantic puts before it."""
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message


def _is_schema_artifact(part: str | int) -> bool:
    return isinstance(part, str) and (
        part[:1].isupper() or "[" in part or part.startswith("function-")
    )


def _raise(
    path: Path, data: Any, location: list[str | int], message: str, first_line: int
) -> NoReturn:
    raise InputError(path, field_name(location), message, line=line_of(data, location, first_line))


class YamlFile:
    """A parsed YAML file that can point at any of its fields when something is wrong with it.

    It is read by libyaml into plain values (:mod:`stancegraph.yamlfast`), several times faster
    than by the round-trip parser; the round-trip parser reads it only to find the line of a
    mistake, or when libyaml's reading could differ from its own.

    >>> source = YamlFile(Path("graph/actors.yaml"))
    >>> print(source.error(["actors", 0, "kind"], "not a person, state, ..."))
    graph/actors.yaml:24: actors[0].kind: not a person, state, ...
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = read_text(path)
        self._lined: Any = None
        try:
            self.data: Any = load_plain(self.text)
        except NotLikeRoundTripError:
            self.data = self._lined = parse_yaml(self.text, path)

    def validate(self, model: type[ModelT]) -> ModelT:
        """Validate the whole file against ``model``."""
        if self.data is not None:
            try:
                return model.model_validate(self.data)
            except ValidationError:
                pass  # read again with lines, to say where
        return validate(model, self._with_lines(), self.path)

    def error(self, location: Sequence[str | int], message: str) -> InputError:
        """An :class:`InputError` for the field at ``location`` (raise it)."""
        line = line_of(self._with_lines(), location)
        return InputError(self.path, field_name(location), message, line=line)

    def _with_lines(self) -> Any:
        if self._lined is None:
            self._lined = parse_yaml(self.text, self.path)
        return self._lined
