"""Writing extractions as coding files, in the format of ``graph/coding/ID.yaml``.

Every statement carries ``provenance: {method: extracted, rule, confidence, status: unreviewed}``
and its quote's ``start``, so the file loads with the ordinary loader. Unknown entities of the
text are listed under ``provisional.actors`` (never dropped), new propositions under
``provisional.propositions``.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML

from stancegraph.extract.pipeline import Extraction
from stancegraph.model import Statement

HEADER = (
    "# Candidate statements found by `stancegraph extract`; not reviewed by a person.\n"
    "# Review them with `stancegraph review`, or by hand in a copy under graph/coding/:\n"
    "# keep each id; set `status: confirmed`, or change what it says and set `status: corrected`,\n"
    "# or move it under `rejected:` so that no later build brings it back.\n"
)


def statement_fields(s: Statement) -> dict[str, Any]:
    """A statement as an entry of a coding file's ``statements``."""
    out: dict[str, Any] = {
        "id": s.local_id,
        "kind": s.kind.value,
        "holder": s.holder,
        "target": s.target,
    }
    if s.polarity is not None:
        out["polarity"] = s.polarity.value
    if s.conditions:
        out["conditions"] = [{"text": c.text} for c in s.conditions]
    if s.addressee is not None:
        out["addressee"] = s.addressee
    if s.title is not None:
        out["title"] = s.title
    evidence = s.evidence[0]
    out["quote"] = evidence.quote
    out["start"] = evidence.start
    if s.note:
        out["note"] = s.note
    out["provenance"] = {
        "method": s.provenance.method.value,
        "rule": s.provenance.rule,
        "confidence": s.provenance.confidence,
        "status": s.provenance.status.value,
    }
    if s.provenance.reviewer is not None:
        out["provenance"]["reviewer"] = s.provenance.reviewer
    if s.provenance.reviewed_on is not None:
        out["provenance"]["reviewed_on"] = s.provenance.reviewed_on
    return out


def coding_yaml(extraction: Extraction) -> str:
    """The coding file of one extraction, as YAML text.

    >>> from datetime import date
    >>> from stancegraph.model import Article
    >>> empty = Extraction(Article("a1", "T", date(2025, 1, 1), "Nothing here."), model="m 1")
    >>> print(coding_yaml(empty).splitlines()[-3:])
    ['article: a1', 'coder: stancegraph extract (m 1)', 'statements: []']

    """
    data: dict[str, Any] = {
        "article": extraction.article.id,
        "coder": f"stancegraph extract ({extraction.model})",
    }
    if extraction.actors or extraction.propositions or extraction.events:
        provisional: dict[str, Any] = {}
        if extraction.actors:
            provisional["actors"] = [
                {"id": a.id, "kind": a.kind.value, "name": a.name}
                | ({"aliases": list(a.aliases)} if a.aliases else {})
                for a in extraction.actors
            ]
        if extraction.propositions:
            provisional["propositions"] = [
                {"id": p.id, "label": p.label} for p in extraction.propositions
            ]
        if extraction.events:
            provisional["events"] = [
                {"id": e.id, "label": e.label} | ({"date": e.date.isoformat()} if e.date else {})
                for e in extraction.events
            ]
        data["provisional"] = provisional
    data["statements"] = [statement_fields(s) for s in extraction.statements]
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096  # one quote per line: easier to compare with the article
    yaml.allow_unicode = True
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    warnings = "".join(f"# warning: {w}\n" for w in extraction.warnings)
    return HEADER + warnings + buffer.getvalue()
