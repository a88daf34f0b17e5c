"""Scoping a query to named graphs with ``FROM`` clauses written into its text.

The SPARQL Protocol's ``default-graph-uri`` parameter says the same, but Virtuoso echoes each one
back as a response header, and Python's HTTP client refuses a response with over 100 headers:
``FROM`` in the query itself works on Oxigraph and Virtuoso alike, for any number of graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from stancegraph.rdf_ntriples import iri_term
from stancegraph.sparql.binding import NOT_SYNTAX

# Before the query's WHERE group: its first brace, or the WHERE keyword, or a FROM of its own
# (not a variable ?from, a prefixed name ex:from or a prefix from:).
_TOKENS = re.compile(
    NOT_SYNTAX + r"|(?P<brace>\{)|(?<![?$:\w])(?P<keyword>WHERE|FROM)(?![:\w])",
    re.S | re.I,
)


def with_dataset(query: str, graphs: Iterable[str]) -> str:
    """``query`` over the merge of ``graphs``: one ``FROM`` clause each, before its WHERE group.

    A query that names a dataset of its own (a ``FROM`` clause) is left as it is.

    Raises:
        ValueError: the text has no WHERE group (it is not a query).

    >>> print(with_dataset("SELECT ?s WHERE { ?s ?p ?o }", ["urn:a", "urn:b"]))
    SELECT ?s FROM <urn:a>
    FROM <urn:b>
    WHERE { ?s ?p ?o }
    >>> print(with_dataset("SELECT ?from { ?from ?p '{' }", ["urn:a"]))
    SELECT ?from FROM <urn:a>
    { ?from ?p '{' }
    >>> with_dataset("SELECT * FROM <urn:mine> WHERE { ?s ?p ?o }", ["urn:a"])
    'SELECT * FROM <urn:mine> WHERE { ?s ?p ?o }'

    """
    for match in _TOKENS.finditer(query):
        keyword = (match["keyword"] or "").upper()
        if keyword == "FROM":
            return query
        if keyword == "WHERE" or match["brace"]:
            clauses = "".join(f"FROM {iri_term(graph)}\n" for graph in graphs)
            return query[: match.start()] + clauses + query[match.start() :]
    raise ValueError("no WHERE group to scope")
