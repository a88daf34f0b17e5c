"""A parameter naming a node the graph does not have is a mistake, not an empty answer.

"Who demanded what of keir-starmr" answering "(0 rows)" reads exactly like "nobody demanded
anything of Keir Starmer". Before a query runs, each parameter of a node kind (actor,
proposition, event, article, statement) is looked up in the store it runs on; an unknown one
stops with the closest id the store does know.

Examples:
    >>> import stancegraph
    >>> from stancegraph.querying import as_store
    >>> from stancegraph.sparql.library import find
    >>> store = as_store(stancegraph.load("graph", curated_only=True))
    >>> check_known(store, find("demands"), {"actor": "keir-starmer"})
    >>> try:
    ...     check_known(store, find("demands"), {"actor": "keir-starmr"})
    ... except QueryError as error:
    ...     print(error.message)
    unknown actor 'keir-starmr' (did you mean 'keir-starmer'?)

"""

from __future__ import annotations

from collections.abc import Mapping

from stancegraph.errors import QueryError, did_you_mean
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.rdf_ntriples import term
from stancegraph.sparql.library import NamedQuery
from stancegraph.sparql.params import KINDS, ParameterValueError
from stancegraph.stores import Store

NODE_KINDS = ("actor", "proposition", "event", "article", "statement")
# A well-formed id of each kind: the IRI minted for it, without it, is the kind's IRI prefix.
_PROBES = {"statement": "x/x"}


def check_known(
    store: Store, query: NamedQuery, values: Mapping[str, str], base: str = DEFAULT_BASE
) -> None:
    """Raise :class:`QueryError` if a node parameter of ``query`` names nothing in ``store``."""
    iris = Iris(base)
    for name, value in values.items():
        kind = query.parameter(name).kind
        if kind not in NODE_KINDS:
            continue
        try:
            node = KINDS[kind](value, iris)
        except ParameterValueError:
            continue  # bind() reports a malformed value with its own message
        if store.select(f"SELECT ?p WHERE {{ {term(node)} ?p ?o }} LIMIT 1").rows:
            continue
        probe = _PROBES.get(kind, "x")
        prefix = str(KINDS[kind](probe, iris))[: -len(probe)]
        hint = did_you_mean(value, _ids_under(store, prefix))
        raise QueryError(query.path, f"param {name}", f"unknown {kind} {value!r}{hint}")


def _ids_under(store: Store, prefix: str) -> list[str]:
    literal = prefix.replace("\\", "\\\\").replace('"', '\\"')
    found = store.select(
        f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{literal}")) }}'
    )
    return sorted(str(row[0])[len(prefix) :] for row in found.rows if row[0] is not None)
