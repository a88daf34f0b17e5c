"""Roles stated next to a name: "Finnish President Alexander Stubb", "X, the Prime Minister".

Also "the President of Switzerland, Alain Berset".

A title is a run of the lexicon's title words (``title_heads`` with ``title_modifiers``, "of",
"the" and the names of states and organisations) that holds at least one head word and touches
a person's name, before it or in apposition after it. The post is held in the state or
organisation the title names ("of Ukraine", "Finnish", "EU"), else in the one the registry gives
the person on the article's date, else the statement is not made: a role needs a place.

Examples:
    >>> from datetime import date
    >>> from stancegraph.extract.pipeline import Extractor
    >>> from stancegraph.loading import load
    >>> extractor = Extractor.for_graph(load("graph"), classifier=None)
    >>> doc = extractor.nlp("Finnish President Alexander Stubb met the press.")
    >>> ctx = extractor.context(doc, date(2024, 3, 15), None)
    >>> places = place_forms(extractor.actors)
    >>> [(r.holder, r.title, r.organisation, doc[r.start : r.end].text)
    ...  for r in find_roles(doc, ctx, date(2024, 3, 15), places)]
    [('alexander-stubb', 'President', 'finland', 'Finnish President Alexander Stubb')]

"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from stancegraph.extract.mentions import How, Mention
from stancegraph.extract.syntax import Context
from stancegraph.model import Actor, ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RULE = "role-title"
CONFIDENCE = 0.8
GLUE = frozenset({"of", "the", "for", "and", "'s", "\u2019s", "-"})
PLACES = frozenset({ActorKind.STATE, ActorKind.ORGANISATION, ActorKind.COALITION})
MAX_PLACE_WORDS = 6
# Registry roles seen by the person's id: who holds which post where, and when.
RegistryPosts = Callable[[str, date], str | None]


def place_forms(actors: Iterable[Actor]) -> dict[str, str]:
    """Lower-case names, aliases and demonyms of states and organisations -> their ids.

    A title's place is read from its words, not from the actor mentions: a mention of a post
    ("the President of the United States") swallows the state's name.
    """
    out: dict[str, str] = {}
    for actor in sorted(actors, key=lambda a: a.id):
        if actor.kind in PLACES:
            for form in (actor.name, *actor.aliases, *actor.demonyms):
                out.setdefault(form.lower(), actor.id)
    return out


@dataclass(frozen=True, slots=True)
class StatedRole:
    """A person, the post the text gives them, where it is held, and the words that say it."""

    holder: str
    title: str
    organisation: str
    start: int  # token span of title and name
    end: int


def find_roles(
    doc: Doc,
    ctx: Context,
    day: date,
    places: Mapping[str, str],
    registry_post: RegistryPosts | None = None,
) -> list[StatedRole]:
    """Every role the text states next to a person's name, in text order, once per person.

    ``places`` are :func:`place_forms`; ``registry_post`` gives the organisation of the post the
    registry knows a person held on a day, for a title that names no place ("President Putin").
    """
    spots = _place_tokens(doc, places)
    best: dict[tuple[str, str], tuple[tuple[int, int, int], StatedRole]] = {}
    for mention in ctx.mentions.items:
        if mention.how not in (How.NAME, How.PROVISIONAL):
            continue
        if ctx.kinds.get(mention.actor, _provisional_kind(mention, doc)) is not ActorKind.PERSON:
            continue
        for span in _title_spans(doc, mention, ctx, spots):
            stated = _stated(doc, mention, span, ctx, spots, (day, registry_post))
            if stated is None:
                continue
            # A text states a post once in full ("the President of Ukraine, Volodymyr
            # Zelenskyy") and then in short ("President Zelenskyy"): the full statement is it.
            named = any(i in spots for i in range(*span))
            rank = (-int(named), -(stated.end - stated.start), stated.start)
            key = (stated.holder, stated.organisation)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, stated)
    return sorted((stated for _, stated in best.values()), key=lambda r: r.start)


def _place_tokens(doc: Doc, places: Mapping[str, str]) -> dict[int, str]:
    """Token index -> the state or organisation whose name (or demonym) covers it."""
    out: dict[int, str] = {}
    i = 0
    while i < len(doc):
        for size in range(min(MAX_PLACE_WORDS, len(doc) - i), 0, -1):
            actor = places.get(doc[i : i + size].text.lower())
            if actor is not None and doc[i].text[:1].isupper():
                out.update(dict.fromkeys(range(i, i + size), actor))
                i += size - 1
                break
        i += 1
    return out


def _provisional_kind(mention: Mention, doc: Doc) -> ActorKind | None:
    if mention.how is How.PROVISIONAL and doc[mention.start].ent_type_ == "PERSON":
        return ActorKind.PERSON
    return None


def _is_title_word(token: Token, ctx: Context, spots: Mapping[int, str]) -> bool:
    low = token.lower_
    lex = ctx.lexicon
    return low in lex.title_heads or low in lex.title_modifiers or token.i in spots


def _title_spans(
    doc: Doc, mention: Mention, ctx: Context, spots: Mapping[int, str]
) -> list[tuple[int, int]]:
    """Token spans of titles touching the name: inside the mention's start, before, after."""
    name_start = mention.start
    while name_start < mention.end - 1 and (
        _is_title_word(doc[name_start], ctx, spots) or doc[name_start].lower_ in GLUE
    ):
        name_start += 1
    if not any(doc[i].pos_ == "PROPN" for i in range(name_start, mention.end)):
        return []
    spans: list[tuple[int, int]] = []
    # "Prime Minister Keir Starmer", "President of the French Republic Emmanuel Macron".
    start = name_start
    while start > 0 and (
        _is_title_word(doc[start - 1], ctx, spots)
        or (doc[start - 1].lower_ in GLUE and start - 1 > 0)
    ):
        start -= 1
    spans.append(_trimmed(doc, start, name_start))
    # "Boris Johnson, the Prime Minister", "Josep Borrell, EU High Representative".
    after = mention.end
    if after + 1 < len(doc) and doc[after].text == ",":
        end = after + 1
        while end < len(doc) and (_is_title_word(doc[end], ctx, spots) or doc[end].lower_ in GLUE):
            end += 1
        spans.append(_trimmed(doc, after + 1, end))
    # "the President of Switzerland, Alain Berset".
    if start == name_start and start >= 2 and doc[start - 1].text == ",":
        first = start - 1
        while first > 0 and (
            _is_title_word(doc[first - 1], ctx, spots) or doc[first - 1].lower_ in GLUE
        ):
            first -= 1
        spans.append(_trimmed(doc, first, start - 1))
    return [s for s in spans if s[0] < s[1] and _has_head(doc, s, ctx)]


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in GLUE:
        start += 1
    while end > start and doc[end - 1].lower_ in GLUE:
        end -= 1
    return start, end


def _has_head(doc: Doc, span: tuple[int, int], ctx: Context) -> bool:
    # A title is capitalised as English writes posts next to names; "the leaders" is not one.
    return any(
        doc[i].lower_ in ctx.lexicon.title_heads and doc[i].text[:1].isupper() for i in range(*span)
    )


def _stated(  # noqa: PLR0917 - the parts one role is made of
    doc: Doc,
    mention: Mention,
    span: tuple[int, int],
    ctx: Context,
    spots: Mapping[int, str],
    registry: tuple[date, RegistryPosts | None],
) -> StatedRole | None:
    day, registry_post = registry
    named = [spots[i] for i in range(*span) if i in spots]
    organisation = named[0] if named else None
    if organisation is None and registry_post is not None:
        organisation = registry_post(mention.actor, day)
    if organisation is None:
        return None
    words = [doc[i] for i in range(*span) if i not in spots]
    while words and words[0].lower_ in GLUE:
        words.pop(0)
    while words and words[-1].lower_ in GLUE:
        words.pop()
    if not words:
        return None
    title = " ".join(w.text for w in words)
    start, end = min(span[0], mention.start), max(span[1], mention.end)
    return StatedRole(mention.actor, title, organisation, start, end)
