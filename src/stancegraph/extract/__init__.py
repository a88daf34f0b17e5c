"""Automatic extraction of statements from article text (spaCy, rules, a cue lexicon as data).

Public API: :class:`Extractor` (built once per registry), :class:`Extraction` (one article's
result), :func:`load_model`, and :func:`write_codings` (coding files in the curated format).
"""

from stancegraph.extract.nlp import DEFAULT_MODEL, ENV_VAR, ModelNotFoundError, load_model
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
