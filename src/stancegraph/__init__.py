"""stancegraph: news articles into an evidence-backed knowledge graph of actors and positions.

``load`` reads a graph folder as ``build`` does: the curated statements and the extracted ones no
review decision leaves out (``curated_only=True`` for the curated ones alone).

Examples:
    >>> import stancegraph
    >>> graph = stancegraph.load("graph")
    >>> graph.statements == stancegraph.load("graph").statements  # deterministic
    True
    >>> len(stancegraph.load("graph", curated_only=True).statements) < len(graph.statements)
    True
    >>> dataset = stancegraph.to_rdf(graph)
    >>> network = stancegraph.to_networkx(graph)
    >>> network.number_of_edges() == len(graph.statements)
    True

"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from stancegraph.corpus import StanceGraph
from stancegraph.errors import InputError
from stancegraph.model import (
    Actor,
    ActorKind,
    Article,
    Condition,
    Event,
    Evidence,
    Membership,
    Method,
    NodeKind,
    Polarity,
    Proposition,
    Provenance,
    Rejection,
    ReviewStatus,
    Role,
    Statement,
    StatementKind,
)

if TYPE_CHECKING:
    from stancegraph.assembly import assemble as load
    from stancegraph.nx_mapping import to_networkx
    from stancegraph.querying import query
    from stancegraph.rdf_mapping import to_rdf
    from stancegraph.stores.opening import open_store

# Imported on first use: they bring in spaCy, rdflib, networkx or pyoxigraph, which a command
# such as `stancegraph --help` has no use for.
_ON_FIRST_USE = {
    "load": ("stancegraph.assembly", "assemble"),
    "open_store": ("stancegraph.stores.opening", "open_store"),
    "query": ("stancegraph.querying", "query"),
    "to_networkx": ("stancegraph.nx_mapping", "to_networkx"),
    "to_rdf": ("stancegraph.rdf_mapping", "to_rdf"),
}


def __getattr__(name: str) -> Any:
    """Import an entry point of :data:`_ON_FIRST_USE` when it is first asked for."""
    if name not in _ON_FIRST_USE:
        raise AttributeError(f"module 'stancegraph' has no attribute {name!r}")
    module, attribute = _ON_FIRST_USE[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Condition",
    "Event",
    "Evidence",
    "InputError",
    "Membership",
    "Method",
    "NodeKind",
    "Polarity",
    "Proposition",
    "Provenance",
    "Rejection",
    "ReviewStatus",
    "Role",
    "StanceGraph",
    "Statement",
    "StatementKind",
    "load",
    "open_store",
    "query",
    "to_networkx",
    "to_rdf",
]
__version__ = "0.1.0"
