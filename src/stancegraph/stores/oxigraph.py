"""The pyoxigraph store: in memory, or on disk where it is kept until the inputs change.

Loading parses N-Triples in bulk, which is several times faster than adding Python terms one by
one. A store on disk records a digest of the inputs it was loaded from (in the default graph, which
queries never see: they run over the union of the named graphs), so that the next run over the
same ``graph/`` reuses it and skips loading and mapping altogether.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from stancegraph.errors import StoreError
from stancegraph.sparql.results import Results, Value

_DIGEST_SUBJECT = ox.NamedNode("urn:stancegraph:store")
_DIGEST_PREDICATE = ox.NamedNode("https://stancegraph.example/ns#inputDigest")
_XSD_STRING = str(XSD.string)  # read once: a namespace attribute is a lookup each time


class OxigraphStore:
    """A store over a :class:`pyoxigraph.Store`.

    Examples:
        >>> from stancegraph import load
        >>> from stancegraph.rdf_ntriples import ntriples_by_graph
        >>> store = OxigraphStore()
        >>> store.load(ntriples_by_graph(load("graph")))
        >>> query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://stancegraph.example/ns#Stance> }"
        >>> store.select(query).records()
        [{'n': 11}]

    """

    name = "oxigraph"

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        try:
            if path is None:
                self.store = ox.Store()
            else:
                self.store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as error:
            raise StoreError(f"cannot open the oxigraph store at {path}: {error}") from error
        self.path = path

    def load(
        self, documents: Mapping[str, bytes] | Iterable[tuple[str, bytes]], digest: str = ""
    ) -> None:
        """Replace the whole content with named graphs given as N-Triples documents.

        ``documents`` maps graph IRIs to documents, or yields (IRI, document) pairs: a generator
        such as :func:`~stancegraph.rdf_ntriples.iter_ntriples_by_graph` is consumed one graph at
        a time, so the whole corpus's text is never held next to the store.
        """
        pairs = documents.items() if isinstance(documents, Mapping) else documents
        self.store.clear()
        # One N-Triples document per graph: no N-Quads copy of every line (time and memory).
        # Lenient: the documents are this package's own output, whose IRIs the mapping checked
        # and escaped; skipping the parser's re-validation makes loading about a third faster.
        # On disk, bulk_load writes sorted files in one go; in memory, the transactional load is
        # faster (4.4 s instead of 6.1 s for the 2.6 M triples of 100k statements).
        add = self.store.bulk_load if self.path is not None else self.store.load
        for name, document in pairs:
            add(document, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name), lenient=True)
        if digest:
            self.store.add(ox.Quad(_DIGEST_SUBJECT, _DIGEST_PREDICATE, ox.Literal(digest)))
        self.store.flush()

    def digest(self) -> str:
        """The input digest recorded by the last :meth:`load` ("" if none)."""
        for quad in self.store.quads_for_pattern(
            _DIGEST_SUBJECT, _DIGEST_PREDICATE, None, ox.DefaultGraph()
        ):
            value = quad.object
            return value.value if isinstance(value, ox.Literal) else ""
        return ""

    def select(self, query: str) -> Results:
        """The rows of a SELECT query over the union of the named graphs."""
        try:
            return _results(self._solutions(query))
        except (SyntaxError, OSError, ValueError) as error:
            raise StoreError(f"oxigraph could not answer the query: {error}") from error

    def select_csv(self, query: str) -> str:
        r"""The rows of a SELECT query as SPARQL 1.1 Query Results CSV, written by Oxigraph.

        The same text as ``select(query).to_csv()`` (a test compares the two on every named
        query), without making a Python term of every value.

        >>> from stancegraph import load
        >>> from stancegraph.rdf_ntriples import ntriples_by_graph
        >>> store = OxigraphStore()
        >>> store.load(ntriples_by_graph(load("graph")))
        >>> query = "SELECT ?s ?n WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?n }"
        >>> store.select_csv(query) == store.select(query).to_csv()
        True

        """
        try:
            solutions = self._solutions(query)
            if len(solutions.variables) < 2:
                # Oxigraph writes a row of one unbound value as an empty line, the shared writer
                # as "" (an empty line reads as no row at all): such results go through it.
                return _results(solutions).to_csv()
            written = solutions.serialize(format=ox.QueryResultsFormat.CSV)
        except (SyntaxError, OSError, ValueError) as error:
            raise StoreError(f"oxigraph could not answer the query: {error}") from error
        assert written is not None  # serialize returns the bytes when given no file
        return written.decode("utf-8")

    def _solutions(self, query: str) -> ox.QuerySolutions:
        solutions = self.store.query(query, use_default_graph_as_union=True)
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError("only SELECT queries give rows")
        return solutions


def _results(solutions: ox.QuerySolutions) -> Results:
    variables = tuple(v.value for v in solutions.variables)
    # Labels, dates and polarities recur from row to row: each distinct term is made an rdflib
    # term once (an rdflib literal parses its lexical form, which was about a third of the time
    # of a query of thousands of rows at 1k statements).
    values: dict[Any, Value | None] = {None: None}

    def value(term: Any) -> Value | None:
        if term in values:
            return values[term]
        made = values[term] = _value(term)
        return made

    return Results(variables, tuple(tuple(map(value, solution)) for solution in solutions))


def _value(term: Any) -> Value | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # RDF 1.1 gives plain strings the datatype xsd:string; rdflib writes them without one.
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise StoreError(f"unexpected value in oxigraph results: {term!r}")
