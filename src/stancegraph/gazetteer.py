"""The gazetteer shipped with the package: every state and the main international organisations.

A new user's article links "Germany", "the Kremlin" or "NATO" without hand-editing the registry.
A graph's own ``actors.yaml`` adds to it and overrides it: an entry with the same id replaces the
gazetteer's, and a name or alias that the graph gives one of its own actors is dropped from the
gazetteer's entries (so a graph with a "Kremlin" actor keeps it apart from Russia). Gazetteer
actors appear in a built graph only where something refers to them.

Examples:
    >>> from stancegraph.schema import ActorInput
    >>> entries = gazetteer_entries([ActorInput(id="kremlin", kind="government-body",
    ...                                          name="Kremlin", part_of="russia")])
    >>> russia = next(e for e in entries if e.id == "russia")
    >>> "Kremlin" in russia.aliases, "Moscow" in russia.aliases
    (False, True)

"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from importlib.resources import files
from pathlib import Path

from stancegraph.model import Actor
from stancegraph.schema import ActorInput, ActorsFile
from stancegraph.yamlsource import YamlFile

GAZETTEER_FILE = "gazetteer.yaml"


def _folded(name: str) -> str:
    return " ".join(name.casefold().split()).removeprefix("the ")


@functools.cache
def _shipped() -> tuple[ActorInput, ...]:
    path = Path(str(files("stancegraph") / "data" / GAZETTEER_FILE))
    return tuple(YamlFile(path).validate(ActorsFile).actors)


def gazetteer_entries(own: Iterable[ActorInput | Actor]) -> list[ActorInput]:
    """The gazetteer's entries a graph with actors ``own`` does not override, in file order."""
    own = list(own)
    own_ids = {a.id for a in own}
    taken = {_folded(n) for a in own for n in (a.name, *a.aliases)}
    out: list[ActorInput] = []
    for entry in _shipped():
        if entry.id in own_ids or _folded(entry.name) in taken:
            continue
        aliases = [a for a in entry.aliases if _folded(a) not in taken]
        demonyms = [d for d in entry.demonyms if _folded(d) not in taken]
        out.append(entry.model_copy(update={"aliases": aliases, "demonyms": demonyms}))
    return out


def to_actor(entry: ActorInput) -> Actor:
    """The model :class:`~stancegraph.model.Actor` of a validated registry entry."""
    return Actor(
        id=entry.id,
        kind=entry.kind,
        name=entry.name,
        aliases=tuple(entry.aliases),
        wikidata=entry.wikidata,
        iso3=entry.iso3,
        demonyms=tuple(entry.demonyms),
        part_of=entry.part_of,
    )


def with_gazetteer(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """``actors`` and, after them, the gazetteer's actors they do not override.

    >>> from stancegraph.model import ActorKind
    >>> found = with_gazetteer([Actor("uk", ActorKind.STATE, "United Kingdom", aliases=("UK",))])
    >>> [a.id for a in found][:1], "united-kingdom" in {a.id for a in found}
    (['uk'], False)
    """
    return (*actors, *(to_actor(e) for e in gazetteer_entries(actors)))
