"""Choosing a store from ``--store`` / ``--endpoint``, and filling it from a ``graph/`` folder."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from stancegraph.assembly import GraphReader, reader_key
from stancegraph.errors import InputError
from stancegraph.iris import DEFAULT_BASE
from stancegraph.loading import load
from stancegraph.rdf_ntriples import iter_ntriples_by_graph
from stancegraph.stores import Store
from stancegraph.stores.memory import RdflibStore
from stancegraph.stores.oxigraph import OxigraphStore
from stancegraph.stores.remote import RemoteStore
from stancegraph.stores.servers import Server

DEFAULT_STORE = "oxigraph"
"""The store queries use unless told otherwise (why: see the README's benchmark figures)."""

STORE_CHOICES = ("rdflib", "oxigraph", "oxigraph:PATH")


def open_store(
    spec: str = DEFAULT_STORE,
    *,
    graph_dir: Path | str = "graph",
    endpoint: Server | str | None = None,
    base: str = DEFAULT_BASE,
    report: Callable[[str], None] = lambda line: None,
    reader: GraphReader = load,
) -> Store:
    """A store answering over the graph built from ``graph_dir``, or the server at ``endpoint``.

    ``spec`` is ``rdflib`` or ``oxigraph`` (in memory, loaded now) or ``oxigraph:PATH`` (on disk:
    loaded only when ``graph_dir`` changed since the last load). A server (a
    :class:`~stancegraph.stores.servers.Server`, or a URL whose kind is detected) is queried as it
    is, over the graphs under ``base``'s graph prefix; ``stancegraph push`` is what loads it.
    ``reader`` reads ``graph_dir`` (curated statements only by default; the command line passes
    an :class:`~stancegraph.assembly.Assembly` so that queries see the extracted statements the
    exports have).

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


def input_digest(graph_dir: Path | str, base: str, key: str = "") -> str:
    """A SHA-256 of the inputs, so that equal digests mean an equal graph.

    It covers every file of ``graph_dir``, the base IRI, the stancegraph version and ``key`` (how
    the graph is assembled: with extraction and which model, or curated only).
    """
    digest = hashlib.sha256(f"{version('stancegraph')}\n{base}\n{key}\n".encode())
    folder = Path(graph_dir)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if relative.startswith(".") or "/." in relative:
            continue
        digest.update(relative.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
