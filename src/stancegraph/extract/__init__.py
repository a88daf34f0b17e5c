"""Automatic extraction of statements from article text (spaCy, rules, a cue lexicon as data).

Public API: :class:`Extractor` (built once per registry), :class:`Extraction` (one article's
result), :func:`load_model`, and :func:`write_codings` (coding files in the curated format).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from stancegraph.extract.nlp import DEFAULT_MODEL, ENV_VAR, ModelNotFoundError, load_model

if TYPE_CHECKING:
    from stancegraph.extract.pipeline import Extraction, Extractor, looks_english

__all__ = [
    "DEFAULT_MODEL",
    "ENV_VAR",
    "Extraction",
    "Extractor",
    "ModelNotFoundError",
    "load_model",
    "looks_english",
]

# The pipeline loads the cue lexicon and the rules: a query that finds its store up to date
# imports this package (for the extractor's digest) and has no use for them.
_PIPELINE = ("Extraction", "Extractor", "looks_english")


def __getattr__(name: str) -> Any:
    """Import the pipeline's names when one is first asked for."""
    if name not in _PIPELINE:
        raise AttributeError(f"module 'stancegraph.extract' has no attribute {name!r}")
    value = getattr(import_module("stancegraph.extract.pipeline"), name)
    globals()[name] = value
    return value
