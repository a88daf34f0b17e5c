"""Which registry proposition a target phrase stands for."""

from __future__ import annotations

from datetime import date

from stancegraph.extract.pipeline import Extractor
from stancegraph.model import Article


def _targets(extractor: Extractor, text: str) -> list[str]:
    article = Article("t", "T", date(2033, 4, 12), text)
    return [s.target for s in extractor.extract(article).statements]


def test_an_equal_match_takes_the_broader_proposition(own_extractor: Extractor) -> None:
    # The test registry has "Targeted sanctions on commanders" (keyword "sanctions") and its
    # narrower "Sanctions on Myanmar's military commanders" (keyword "sanctions" too): the text
    # says nothing of Myanmar, so the narrower one would claim more than it says.
    assert _targets(own_extractor, "Kenya backed new sanctions.") == ["targeted-sanctions"]
