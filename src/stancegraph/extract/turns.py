r"""Turns of a transcript: who is speaking in a paragraph that opens with "MINISTER OZOLS:".

A transcript gives each turn a label: upper case ("MINISTER OZOLS:"), or in title case ("Jane
Doe:", "The Prime Minister:", "Q:"), which counts only in a text with two such lines or more, so
that one "Note:" in a speech is no turn. "I" and "we" in a turn are its labelled speaker,
not the article's ``speaker``; a label the registry does not know ("QUESTION:", "MODERATOR:")
makes the turn's first person nobody, so a journalist's "we" never becomes the minister's.
Paragraphs before the first label keep the article's speaker.

Examples:
    >>> speakers = TurnSpeakers({"ozols": "andris-ozols", "minister ozols": "andris-ozols"})
    >>> text = "Intro.\n\nMINISTER OZOLS: We agree.\n\nQUESTION: Do you?"
    >>> turns = speakers.find(text)
    >>> turns
    ((8, 'andris-ozols'), (35, None))
    >>> speaker_at(turns, 20, "erik-halvorsen"), speaker_at((), 20, "erik-halvorsen")
    ('andris-ozols', 'erik-halvorsen')
    >>> speakers.find("Minister Ozols: We agree.\nQ: Do you?\nNote: one line.")
    ((0, 'andris-ozols'), (26, None), (37, None))
    >>> speakers.find("Thank you all.\nNote: we agree.")
    ()

"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from stancegraph.model import Actor, ActorKind

# An upper-case label of two letters or more at the start of a line, then a colon.
LABEL = re.compile(r"^([A-Z][A-Z.'\- ]*[A-Z])\s*:\s", re.MULTILINE)
# A label in title case: up to six capitalised words (small words between them), then a colon.
_WORD = r"(?:[A-Z][A-Za-z.'\-]*|of|the|and|for|de|van|von)"
TITLE_LABEL = re.compile(rf"^({_WORD}(?: {_WORD}){{0,5}})\s*:\s", re.MULTILINE)
MIN_TITLE_LABELS = 2

# (offset where a turn starts, its speaker or None), in order
Turns = tuple[tuple[int, str | None], ...]


@dataclass(frozen=True, slots=True)
class TurnSpeakers:
    """Registry names of people, case-folded, for reading turn labels (built once)."""

    names: Mapping[str, str]

    @classmethod
    def build(cls, actors: Iterable[Actor]) -> TurnSpeakers:
        """The names and aliases of the registry's people."""
        names: dict[str, str] = {}
        for actor in actors:
            if actor.kind is ActorKind.PERSON:
                for name in (actor.name, *actor.aliases):
                    names.setdefault(name.casefold(), actor.id)
        return cls(names)

    def find(self, text: str) -> Turns:
        """Every turn of ``text``, in order (empty for a text that is no transcript)."""
        found = {m.start(): m.group(1) for m in LABEL.finditer(text)}
        titled = [m for m in TITLE_LABEL.finditer(text) if m.start() not in found]
        if len(titled) >= MIN_TITLE_LABELS:
            found.update((m.start(), m.group(1)) for m in titled)
        return tuple((start, self._speaker(found[start])) for start in sorted(found))

    def _speaker(self, label: str) -> str | None:
        words = label.casefold().split()
        # "MINISTER OZOLS" is an alias, or its last words are: drop titles from the front.
        for n in range(len(words)):
            found = self.names.get(" ".join(words[n:]))
            if found is not None:
                return found
        return None


def speaker_at(turns: Turns, offset: int, default: str | None) -> str | None:
    """The speaker at character ``offset``: its turn's, else ``default``."""
    n = bisect_right([start for start, _ in turns], offset)
    return turns[n - 1][1] if n else default


def in_turn(turns: Turns, offset: int) -> bool:
    """Whether character ``offset`` is inside a labelled turn (after the first label)."""
    return bool(turns) and turns[0][0] <= offset
