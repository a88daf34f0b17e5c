"""Which kind of SPARQL server a URL names, and where its query, update and graph store live.

Servers put the SPARQL 1.1 services at different paths below their root:

========== ==================== ============================== ===================================
kind       query                update                         Graph Store Protocol
========== ==================== ============================== ===================================
oxigraph   ``/query``           ``/update``                    ``/store``
virtuoso   ``/sparql``          ``/sparql`` (``/sparql-auth``) ``/sparql-graph-crud`` (``-auth``)
fuseki     ``/DATASET/query``   ``/DATASET/update``            ``/DATASET/data``
generic    the URL itself       the URL itself                 none: give it explicitly
========== ==================== ============================== ===================================

Virtuoso's ``-auth`` services are used when credentials are set (see
:mod:`stancegraph.stores.http`). ``auto`` asks the server (a ``HEAD`` of its root) and reads its
``Server`` header, which Oxigraph and Virtuoso fill with their name; anything else must be named.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, replace
from enum import StrEnum

from stancegraph.errors import InputError
from stancegraph.stores.http import USER_VAR, Http


class ServerKind(StrEnum):
    """The kinds of SPARQL server whose layout stancegraph knows."""

    AUTO = "auto"
    OXIGRAPH = "oxigraph"
    VIRTUOSO = "virtuoso"
    FUSEKI = "fuseki"
    GENERIC = "generic"


SERVER_KINDS = tuple(kind.value for kind in ServerKind)
"""The ``--server`` choices."""

# The name each server puts in its ``Server`` header (checked on Oxigraph 0.5 and Virtuoso 7.2).
_SIGNATURES = {"oxigraph/": ServerKind.OXIGRAPH, "virtuoso/": ServerKind.VIRTUOSO}


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The service URLs of a server (``graph_store`` None: the server has none we know of)."""

    query: str
    update: str
    graph_store: str | None


def check_url(url: str, option: str = "--endpoint") -> str:
    """``url`` if it is an absolute http(s) URL without a login in it.

    Raises:
        InputError: anything else, naming ``option``.

    >>> check_url("http://127.0.0.1:8890/sparql")
    'http://127.0.0.1:8890/sparql'
    >>> check_url("127.0.0.1:8890")
    Traceback (most recent call last):
    ...
    stancegraph.errors.InputError: --endpoint: '127.0.0.1:8890' is not an http(s) URL

    """
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        parts = urllib.parse.urlsplit("")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InputError(option, "", f"{url!r} is not an http(s) URL")
    if parts.username is not None or parts.password is not None:
        # A password in a URL is visible in the process list and the shell's history.
        raise InputError(option, "", f"no login in the URL: set {USER_VAR} and its password")
    return url


def server_kind(value: str) -> ServerKind:
    """The :class:`ServerKind` named ``value``.

    Raises:
        InputError: an unknown kind.

    >>> server_kind("virtuoso")
    <ServerKind.VIRTUOSO: 'virtuoso'>

    """
    try:
        return ServerKind(value)
    except ValueError:
        choices = ", ".join(SERVER_KINDS)
        raise InputError("--server", "", f"unknown server {value!r} (choices: {choices})") from None


def layout(url: str, kind: ServerKind, *, authenticated: bool = False) -> Endpoints:
    """The services of the ``kind`` server at ``url`` (its root, or its query service).

    ``authenticated``: writes go to the services that take a login (Virtuoso's ``-auth``).

    >>> layout("http://127.0.0.1:7878", ServerKind.OXIGRAPH)
    Endpoints(query='http://127.0.0.1:7878/query', update='http://127.0.0.1:7878/update', graph_store='http://127.0.0.1:7878/store')
    >>> layout("http://127.0.0.1:8890/sparql", ServerKind.VIRTUOSO, authenticated=True).update
    'http://127.0.0.1:8890/sparql-auth'
    >>> layout("http://127.0.0.1:3030/news/query", ServerKind.FUSEKI).graph_store
    'http://127.0.0.1:3030/news/data'

    """
    root = url.rstrip("/")
    if kind is ServerKind.OXIGRAPH:
        root = root.removesuffix("/query")
        return Endpoints(f"{root}/query", f"{root}/update", f"{root}/store")
    if kind is ServerKind.VIRTUOSO:
        root = root.removesuffix("/sparql-auth").removesuffix("/sparql")
        auth = "-auth" if authenticated else ""
        return Endpoints(
            f"{root}/sparql", f"{root}/sparql{auth}", f"{root}/sparql-graph-crud{auth}"
        )
    if kind is ServerKind.FUSEKI:
        dataset = root.removesuffix("/query").removesuffix("/sparql")
        return Endpoints(f"{dataset}/query", f"{dataset}/update", f"{dataset}/data")
    if kind is ServerKind.GENERIC:
        return Endpoints(url, url, None)
    raise ValueError(f"no layout for {kind}: detect it first")


def detect(url: str, http: Http) -> ServerKind:
    """The kind of the server at ``url``, from the ``Server`` header of its root.

    Raises:
        InputError: the header names no server we know (then ``--server`` must say).
        StoreError: the server is unreachable.

    """
    parts = urllib.parse.urlsplit(url)
    root = f"{parts.scheme}://{parts.netloc}/"
    header = http.head(root)[1].get("Server", "")
    for signature, kind in _SIGNATURES.items():
        if signature in header.lower():
            return kind
    said = f"it says Server: {header}" if header else "it does not say"
    raise InputError(
        "--server",
        "",
        f"cannot tell which server {url} is ({said}): give --server "
        + "|".join(kind.value for kind in ServerKind if kind is not ServerKind.AUTO),
    )


@dataclass(frozen=True, slots=True)
class Server:
    """A SPARQL server as a user names it: a URL, its kind, and any service given explicitly.

    >>> Server("http://127.0.0.1:8890", ServerKind.VIRTUOSO).endpoints(Http()).query
    'http://127.0.0.1:8890/sparql'
    >>> Server("http://h/sparql", ServerKind.GENERIC, graph_store="http://h/rdf").endpoints(Http())
    Endpoints(query='http://h/sparql', update='http://h/sparql', graph_store='http://h/rdf')

    """

    url: str
    kind: ServerKind = ServerKind.AUTO
    query: str | None = None
    update: str | None = None
    graph_store: str | None = None

    def __post_init__(self) -> None:
        check_url(self.url)
        for option, value in (
            ("--query-url", self.query),
            ("--update-url", self.update),
            ("--graph-store-url", self.graph_store),
        ):
            if value is not None:
                check_url(value, option)
        # Python callers may name the kind as a string; the frozen instance keeps the enum.
        object.__setattr__(self, "kind", server_kind(self.kind))

    def resolved_kind(self, http: Http) -> ServerKind:
        """The server's kind: as given, or detected (see :func:`detect`)."""
        return detect(self.url, http) if self.kind is ServerKind.AUTO else self.kind

    def endpoints(self, http: Http, kind: ServerKind | None = None) -> Endpoints:
        """The service URLs: the layout of the server's kind, with the explicit ones over it."""
        found = layout(
            self.url,
            kind or self.resolved_kind(http),
            authenticated=http.credentials is not None,
        )
        return replace(
            found,
            query=self.query or found.query,
            update=self.update or found.update,
            graph_store=self.graph_store or found.graph_store,
        )
