"""The names the command line offers, known before any library is imported.

``stancegraph --help`` must not import spaCy, rdflib, networkx and matplotlib to list the
choices of an option; a test checks each tuple here against the library's own registry.
"""

from __future__ import annotations

NETWORKS = ("conflict", "congruence", "subtract", "two-mode")
EXPORT_FORMATS = ("csv", "gexf", "graphml")
NORMALISATIONS = ("raw", "jaccard", "cosine")
DIAGRAMS = ("actor-network", "stance-matrix", "coalitions", "timeline")
IMAGE_FORMATS = ("png", "svg")
RESULT_FORMATS = ("table", "csv", "tsv", "json")
DEFAULT_STORE = "cached"
STORE_CHOICES = ("cached", "rdflib", "oxigraph", "oxigraph:PATH")
DEFAULT_BASE = "https://stancegraph.example/id/"
SERVER_KINDS = ("auto", "oxigraph", "virtuoso", "fuseki", "generic")
LEVELS = ("person", "state")
PROPOSITION_LEVELS = ("as-coded", "broadest")
MODEL_ENV_VAR = "STANCEGRAPH_SPACY_MODEL"
