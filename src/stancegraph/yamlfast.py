"""Reading YAML fast with libyaml (PyYAML's C parser), resolving plain scalars as YAML 1.2 does.

The round-trip parser of ruamel.yaml (:mod:`stancegraph.yamlsource`) knows the line of every
node, which error messages need, but it is pure Python: at 100k statements it spent 50 s on the
coding files. A file is therefore read here first, into plain values; only a file with a mistake
is read again by the round-trip parser, to say where the mistake is.

PyYAML resolves YAML 1.1, where ``no`` is false and ``010`` is eight. The plain scalars here are
resolved by ruamel.yaml's own table for YAML 1.2 (``ruamel.yaml.resolver.implicit_resolvers``),
so both readers give the same values: ``no`` stays text, ``010`` is ten. Dates stay text, as in
the round-trip reader (the schema parses them). A scalar with an explicit standard tag
(``!!str 010``) is the value its tag names; the round-trip reader keeps a tagged object, which
no field of the schema accepts. Anything this reader does not handle the same way, a repeated
key for one, raises :class:`NotLikeRoundTripError`, and the caller reads the file with the
round-trip parser, which accepts it or names the problem.
"""

from __future__ import annotations

from typing import Any

import yaml
from ruamel.yaml.resolver import implicit_resolvers
from yaml._yaml import CParser
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.resolver import BaseResolver

_YAML_1_2 = (1, 2)
_MERGE = "tag:yaml.org,2002:merge"


class NotLikeRoundTripError(Exception):
    """The text may read differently here than in the round-trip parser: use that parser."""


class _Resolver(BaseResolver):
    """Plain scalars resolved by ruamel.yaml's YAML 1.2 table, nothing else."""


for _versions, _tag, _pattern, _first in implicit_resolvers:
    if _YAML_1_2 in _versions:
        _Resolver.add_implicit_resolver(_tag, _pattern, list(_first))


class _Loader(CParser, SafeConstructor, _Resolver):
    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        SafeConstructor.__init__(self)
        _Resolver.__init__(self)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        # SafeConstructor keeps the last of two equal keys; the round-trip parser refuses them.
        explicit = {id(key) for key, _ in node.value if key.tag != _MERGE}
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                if id(key_node) in explicit:
                    if key in seen:
                        raise NotLikeRoundTripError(f"repeated key {key!r}")
                    seen.add(key)
                mapping[key] = self.construct_object(value_node, deep=deep)
            except TypeError as error:  # an unhashable key
                raise NotLikeRoundTripError(str(error)) from None
        return mapping


def _yaml_1_2_int(loader: _Loader, node: Node) -> int:
    assert isinstance(node, ScalarNode)
    text = str(loader.construct_scalar(node)).replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    for prefix, base in (("0b", 2), ("0o", 8), ("0x", 16)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits, 10)  # "010" is ten in YAML 1.2


def _as_text(loader: _Loader, node: Node) -> str:
    assert isinstance(node, ScalarNode)
    return str(loader.construct_scalar(node))


# The class's own table, not SafeConstructor's, which PyYAML's other loaders share. SafeConstructor
# makes Python sets, pair lists and bytes of the last four tags, the round-trip reader its own
# types: with no constructor they are an error here, and the round-trip reader reads them.
_Loader.yaml_constructors = {
    **SafeConstructor.yaml_constructors,
    "tag:yaml.org,2002:int": _yaml_1_2_int,
    "tag:yaml.org,2002:timestamp": _as_text,
}
for _tag in ("set", "omap", "pairs", "binary"):
    del _Loader.yaml_constructors[f"tag:yaml.org,2002:{_tag}"]


def load_plain(text: str) -> Any:
    r"""The values of one YAML document, as plain dicts, lists and scalars.

    Raises:
        NotLikeRoundTripError: the text is not valid YAML for libyaml, or uses something this
            reader does not read as the round-trip parser does; read it with that parser instead.

    Examples:
        >>> load_plain("published: 2025-03-15\nflags: [no, on, 010, 0o10, 1_000]\n")
        {'published': '2025-03-15', 'flags': ['no', 'on', 10, 8, 1000]}

    """
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as error:
        raise NotLikeRoundTripError(str(error)) from None
    finally:
        loader.dispose()
