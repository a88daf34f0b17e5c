"""Export formats as objects in one registry: name, file suffix, media type and writer."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import networkx as nx
from rdflib import Dataset
from rdflib.plugins.serializers.trig import TrigSerializer

from stancegraph.rdf_mapping import union


@dataclass(frozen=True, slots=True)
class RdfFormat:
    """An RDF serialisation; ``named_graphs`` formats keep one graph per article."""

    name: str
    suffix: str
    media_type: str
    rdflib_name: str
    named_graphs: bool

    def serialize(self, dataset: Dataset) -> bytes:
        """The dataset in this format, deterministic for the same dataset."""
        with warnings.catch_warnings():
            # rdflib 7's own TriG, JSON-LD and N-Quads writers still call Dataset.contexts()
            # and Dataset.default_context, which rdflib itself deprecates.
            warnings.filterwarnings("ignore", r"Dataset\.\w+ is deprecated", DeprecationWarning)
            return self._serialize(dataset)

    def _serialize(self, dataset: Dataset) -> bytes:
        if self.rdflib_name == "trig":
            return _sorted_trig(dataset)
        source = dataset if self.named_graphs else union(dataset)
        data: bytes = source.serialize(format=self.rdflib_name, encoding="utf-8")
        if self.rdflib_name == "json-ld":
            document = _sorted_json(json.loads(data))
            return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        if self.rdflib_name in {"nt", "nquads"}:
            # Line-based formats come out in the store's iteration order; sorting the lines
            # makes the file the same on every run whatever the hash seed.
            lines = sorted(set(data.decode("utf-8").splitlines()))
            data = ("\n".join(line for line in lines if line) + "\n").encode("utf-8")
        return data


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG writer, with the named graphs in IRI order instead of the store's order."""

    def preprocess(self) -> None:
        # Subject order inside each graph depends on reference counts accumulated over the graphs
        # seen so far, so the graphs must be visited in a fixed order too.
        self.contexts.sort(key=lambda context: str(context.identifier))
        super().preprocess()


def _sorted_trig(dataset: Dataset) -> bytes:
    stream = io.BytesIO()
    _SortedTrigSerializer(dataset).serialize(stream, encoding="utf-8")
    return stream.getvalue()


def _sorted_json(value: Any) -> Any:
    # JSON-LD arrays other than @list are unordered sets, so sorting them changes no triple but
    # makes the file independent of the store's iteration order.
    if isinstance(value, dict):
        return {key: _sorted_json(item) if key != "@list" else item for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


@dataclass(frozen=True, slots=True)
class NetworkFormat:
    """A graph-file format for networkx graphs (Gephi, yEd, Cytoscape)."""

    name: str
    suffix: str
    media_type: str
    writer: Callable[[nx.Graph], bytes]


def _graphml(graph: nx.Graph) -> bytes:
    return ("\n".join(nx.generate_graphml(graph, prettyprint=True)) + "\n").encode("utf-8")


def _gexf(graph: nx.Graph) -> bytes:
    # networkx stamps today's date into <meta lastmodifieddate=...>; the attribute is optional
    # in GEXF and is dropped so that an export built tomorrow is byte-identical to today's.
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
            RdfFormat("turtle", ".ttl", "text/turtle", "turtle", named_graphs=False),
            RdfFormat("trig", ".trig", "application/trig", "trig", named_graphs=True),
            RdfFormat("json-ld", ".jsonld", "application/ld+json", "json-ld", named_graphs=True),
            RdfFormat("n-triples", ".nt", "application/n-triples", "nt", named_graphs=False),
            RdfFormat("n-quads", ".nq", "application/n-quads", "nquads", named_graphs=True),
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
            NetworkFormat("graphml", ".graphml", "application/graphml+xml", _graphml),
            NetworkFormat("gexf", ".gexf", "application/gexf+xml", _gexf),
        )
    }
)
"""Network formats by name."""

EXPORT_FORMATS: MappingProxyType[str, NetworkFormat] = MappingProxyType(
    {
        **NETWORK_FORMATS,
        "csv": NetworkFormat("csv", ".csv", "text/csv", edge_list_csv),
    }
)
"""Formats a derived network can be exported in: the network formats plus a CSV edge list.

>>> sorted(EXPORT_FORMATS)
['csv', 'gexf', 'graphml']
"""
