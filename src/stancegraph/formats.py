"""Export formats as objects in one registry: name, file suffix, media type and writer."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

import networkx as nx
import pyoxigraph as ox

from stancegraph.collector import collector_paused


@dataclass(frozen=True, slots=True)
class RdfFormat:
    """An RDF serialisation; ``named_graphs`` formats keep one graph per article.

    ``syntax`` is the format Oxigraph writes it in (see :func:`~stancegraph.rdf_export.write_rdf`);
    ``rdflib_name`` is the name rdflib parses it by.

    >>> RDF_FORMATS["trig"].suffix, RDF_FORMATS["trig"].named_graphs
    ('.trig', True)
    """

    name: str
    rdflib_name: str
    syntax: ox.RdfFormat

    @property
    def suffix(self) -> str:
        """The file name suffix, from Oxigraph's table."""
        return "." + self.syntax.file_extension

    @property
    def named_graphs(self) -> bool:
        """Whether the format keeps named graphs (a dataset syntax)."""
        return bool(self.syntax.supports_datasets)


@dataclass(frozen=True, slots=True)
class NetworkFormat:
    """A graph-file format for networkx graphs (Gephi, yEd, Cytoscape)."""

    name: str
    suffix: str
    writer: Callable[[nx.Graph], bytes]


def _graphml(graph: nx.Graph) -> bytes:
    with collector_paused():  # networkx builds an XML element per node, edge and attribute
        return ("\n".join(nx.generate_graphml(graph, prettyprint=True)) + "\n").encode("utf-8")


def _gexf(graph: nx.Graph) -> bytes:
    # networkx stamps today's date into <meta lastmodifieddate=...>; the attribute is optional
    # in GEXF and is dropped so that an export built tomorrow is byte-identical to today's.
    with collector_paused():  # as for GraphML
        lines = nx.generate_gexf(graph, prettyprint=True)
        text = "\n".join(_STAMP.sub("<meta>", line) for line in lines)
    return (text + "\n").encode("utf-8")


_STAMP = re.compile(r'<meta lastmodifieddate="[0-9-]+">')


def edge_list_csv(graph: nx.Graph) -> bytes:
    """An edge list: ``source``, ``target``, then every edge attribute in name order.

    Node attributes are not in an edge list; GraphML and GEXF keep them.

    >>> print(edge_list_csv(nx.Graph([("b", "a", {"w": 1})])).decode(), end="")
    source,target,w
    b,a,1
    """
    keys = sorted({key for _, _, attrs in graph.edges(data=True) for key in attrs})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "target", *keys])
    for source, target, attrs in graph.edges(data=True):
        writer.writerow([source, target, *(attrs.get(key, "") for key in keys)])
    return buffer.getvalue().encode("utf-8")


RDF_FORMATS: MappingProxyType[str, RdfFormat] = MappingProxyType(
    {
        f.name: f
        for f in (
            RdfFormat("turtle", "turtle", ox.RdfFormat.TURTLE),
            RdfFormat("trig", "trig", ox.RdfFormat.TRIG),
            RdfFormat("json-ld", "json-ld", ox.RdfFormat.JSON_LD),
            RdfFormat("n-triples", "nt", ox.RdfFormat.N_TRIPLES),
            RdfFormat("n-quads", "nquads", ox.RdfFormat.N_QUADS),
        )
    }
)
"""RDF formats by name.

>>> sorted(RDF_FORMATS)
['json-ld', 'n-quads', 'n-triples', 'trig', 'turtle']
"""

NETWORK_FORMATS: MappingProxyType[str, NetworkFormat] = MappingProxyType(
    {
        f.name: f
        for f in (
            NetworkFormat("graphml", ".graphml", _graphml),
            NetworkFormat("gexf", ".gexf", _gexf),
        )
    }
)
"""Network formats by name."""

EXPORT_FORMATS: MappingProxyType[str, NetworkFormat] = MappingProxyType(
    {
        **NETWORK_FORMATS,
        "csv": NetworkFormat("csv", ".csv", edge_list_csv),
    }
)
"""Formats a derived network can be exported in: the network formats plus a CSV edge list.

>>> sorted(EXPORT_FORMATS)
['csv', 'gexf', 'graphml']
"""
