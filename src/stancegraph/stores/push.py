"""``stancegraph push``: load the graph into a SPARQL server, all graphs or none.

Each named graph (the registry, one per article) is first uploaded whole with the Graph Store
Protocol under a staging name that no query asks for. Only when every upload has succeeded does
one SPARQL Update request move the staged graphs over the real ones (``MOVE`` replaces the
target whole) and drop the graphs of articles no longer in the corpus. A server that runs an
update request as one transaction (Oxigraph does) therefore shows the old graphs or the new
ones, never a mix: a push that fails or is killed half-way leaves the earlier graphs as they
were, and the staging graphs it left behind are dropped by the next push.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from stancegraph.assembly import GraphReader
from stancegraph.errors import StoreError
from stancegraph.iris import DEFAULT_BASE, Iris
from stancegraph.loading import load
from stancegraph.rdf_ntriples import ntriples_by_graph, term
from stancegraph.stores.remote import RemoteStore

STAGING_PREFIX = "urn:stancegraph:staging:"
"""Graph names of uploads not yet moved into place."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push changed on the server."""

    graphs: int
    triples: int
    dropped: int
    bytes: int


def push(
    store: RemoteStore,
    documents: Mapping[str, bytes],
    graph_prefix: str,
    progress: Progress = lambda done, total: None,
) -> PushReport:
    """Replace the server's graphs under ``graph_prefix`` with ``documents`` (name -> N-Triples).

    Raises:
        StoreError: an upload or the final update failed; the server's graphs are unchanged.

    """
    leftovers = graph_names(store, STAGING_PREFIX)
    stale = graph_names(store, graph_prefix) - set(documents)
    token = uuid.uuid4().hex
    staged: dict[str, str] = {}
    try:
        for index, (name, document) in enumerate(documents.items()):
            staging = f"{STAGING_PREFIX}{token}:{index}"
            store.put_graph(staging, document)
            staged[name] = staging
            progress(index + 1, len(documents))
        operations = [f"DROP SILENT GRAPH {_iri(g)}" for g in sorted(leftovers | stale)]
        operations += [f"MOVE {_iri(s)} TO {_iri(name)}" for name, s in staged.items()]
        store.update(" ;\n".join(operations))
    except StoreError:
        _drop_quietly(store, staged.values())
        raise
    return PushReport(
        graphs=len(documents),
        triples=sum(document.count(b"\n") for document in documents.values()),
        dropped=len(stale),
        bytes=sum(len(document) for document in documents.values()),
    )


def graph_names(store: RemoteStore, prefix: str) -> set[str]:
    """The names of the server's named graphs that start with ``prefix``."""
    results = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
    return {str(row[0]) for row in results if row[0] is not None and str(row[0]).startswith(prefix)}


def _iri(name: str) -> str:
    return term(URIRef(name))


def _drop_quietly(store: RemoteStore, staging: Iterable[str]) -> None:
    # Best effort only: the server may be the thing that failed. Staging graphs left behind are
    # part of the union default graph until the next push drops them (see the README).
    names = list(staging)
    if not names:
        return
    with contextlib.suppress(StoreError):
        store.update(" ;\n".join(f"DROP SILENT GRAPH {_iri(n)}" for n in names))


def push_graph(
    graph_dir: Path | str,
    url: str,
    base: str = DEFAULT_BASE,
    progress: Progress = lambda done, total: None,
    reader: GraphReader = load,
) -> PushReport:
    """Load ``graph_dir`` with ``reader``, map it and :func:`push` it to the server at ``url``.

    Raises:
        InputError: a mistake in the inputs (nothing is sent).
        StoreError: the push failed; the server's graphs are unchanged.

    """
    documents = ntriples_by_graph(reader(graph_dir), base)
    return push(RemoteStore(url), documents, str(Iris(base).graph_prefix()), progress)
