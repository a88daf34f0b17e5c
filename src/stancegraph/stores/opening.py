"""Choosing a store from ``--store`` / ``--endpoint``, and filling it from a ``graph/`` folder."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from stancegraph.assembly import ASSEMBLED, GraphReader, reader_key
from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError, StoreError
from stancegraph.iris import DEFAULT_BASE
from stancegraph.rdf_ntriples import iter_ntriples_by_graph
from stancegraph.stores import Store
from stancegraph.stores.memory import RdflibStore
from stancegraph.stores.oxigraph import OxigraphStore
from stancegraph.stores.remote import RemoteStore
from stancegraph.stores.servers import Server

CACHED = "cached"
DEFAULT_STORE = CACHED
"""The store queries use unless told otherwise (why: see the README's benchmark figures)."""

STORE_CHOICES = (CACHED, "rdflib", "oxigraph", "oxigraph:PATH")
STORE_FOLDER = Path(".cache") / "store"
"""Where ``cached`` keeps a graph folder's store, one per way of assembling the graph."""


def open_store(
    spec: str = DEFAULT_STORE,
    *,
    graph_dir: Path | str = "graph",
    endpoint: Server | str | None = None,
    base: str = DEFAULT_BASE,
    report: Callable[[str], None] = lambda line: None,
    reader: GraphReader = ASSEMBLED,
) -> Store:
    """A store answering over the graph built from ``graph_dir``, or the server at ``endpoint``.

    ``spec`` is ``rdflib`` or ``oxigraph`` (in memory, loaded now) or ``oxigraph:PATH`` (on disk:
    loaded only when ``graph_dir`` changed since the last load). A server (a
    :class:`~stancegraph.stores.servers.Server`, or a URL whose kind is detected) is queried as it
    is, over the graphs under ``base``'s graph prefix; ``stancegraph push`` is what loads it.
    ``reader`` reads ``graph_dir`` (as ``build`` does by default, so that queries see the
    extracted statements the exports have; ``Assembly(curated_only=True)`` for curated ones).

    Raises:
        InputError: an unknown store or server, or a mistake in ``graph_dir``'s inputs.
        StoreError: the on-disk store cannot be opened, or the server's kind cannot be asked.

    Examples:
        >>> store = open_store("rdflib", graph_dir="graph")
        >>> type(store).__name__
        'RdflibStore'

    """
    if endpoint is not None:
        return RemoteStore.connect(endpoint, base=base)
    if spec == CACHED:
        return cached_store(Path(graph_dir), base, reader, report)
    kind, _, path = spec.partition(":")
    if kind == "rdflib" and not path:
        return RdflibStore.from_graph(reader(graph_dir), base)
    if kind == "oxigraph":
        store = OxigraphStore(path or None)
        digest = input_digest(graph_dir, base, reader_key(reader)) if path else ""
        if path and store.digest() == digest:
            report(f"store: {path} is up to date with {graph_dir}")
        else:
            store.load(iter_ntriples_by_graph(reader(graph_dir), base), digest)
            if path:
                report(f"store: loaded {graph_dir} into {path}")
        return store
    raise InputError("--store", "", f"unknown store {spec!r} (choices: {', '.join(STORE_CHOICES)})")


def cached_store_path(graph_dir: Path, key: str) -> Path:
    """The on-disk store of ``graph_dir`` for one way of assembling it (``reader_key``)."""
    name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return graph_dir / STORE_FOLDER / name


def cached_store(
    graph_dir: Path,
    base: str = DEFAULT_BASE,
    reader: GraphReader = ASSEMBLED,
    report: Callable[[str], None] = lambda line: None,
) -> OxigraphStore:
    """The store kept in ``graph_dir/.cache/store``, loaded again only when an input changed.

    The store is opened for writing (Oxigraph answers about four times faster so than read-only);
    when another process holds it, an up-to-date store is opened read-only, else the graph is
    loaded into memory.
    """
    key = reader_key(reader)
    digest = input_digest(graph_dir, base, key)
    path = cached_store_path(graph_dir, key)
    try:
        path.mkdir(parents=True, exist_ok=True)
        store = OxigraphStore(path)
    except (OSError, StoreError):
        try:
            kept = OxigraphStore(path, read_only=True)
        except StoreError:
            kept = None
        if kept is not None and kept.digest() == digest:
            return kept
        report(f"store: {path} is in use or not writable; loading {graph_dir} into memory")
        store = OxigraphStore()
        store.load(iter_ntriples_by_graph(reader(graph_dir), base))
        return store
    if store.digest() != digest:
        store.load(iter_ntriples_by_graph(reader(graph_dir), base), digest)
    return store


def fill_cached_store(graph_dir: Path, graph: StanceGraph, base: str, key: str) -> bool:
    """Load an already assembled ``graph`` into ``graph_dir``'s kept store (after a build).

    Returns False when the store could not be written (in use, read-only folder): the next query
    then loads it itself.
    """
    path = cached_store_path(graph_dir, key)
    try:
        path.mkdir(parents=True, exist_ok=True)
        store = OxigraphStore(path)
        store.load(iter_ntriples_by_graph(graph, base), input_digest(graph_dir, base, key))
    except (OSError, StoreError):
        return False
    del store  # closes the database: a query may open it read-only next
    return True


def input_digest(graph_dir: Path | str, base: str, key: str = "") -> str:
    """A SHA-256 of the inputs, so that equal digests mean an equal graph.

    It covers every file of ``graph_dir`` but hidden ones (its path, size and modification time:
    reading every article again would cost a query a second per thousand articles), the base IRI,
    the stancegraph version and ``key`` (how the graph is assembled: with extraction, by which
    extractor and model, or curated only).
    """
    digest = hashlib.sha256(f"{version('stancegraph')}\n{base}\n{key}\n".encode())
    root = Path(graph_dir)
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = Path(folder) / name
            status = path.stat()
            relative = path.relative_to(root).as_posix()
            digest.update(f"{relative}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()
