"""Reading the registry: actors (with roles and memberships), propositions and events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from stancegraph.gazetteer import gazetteer_entries, to_actor
from stancegraph.model import Actor, Event, Membership, Proposition, Role
from stancegraph.schema import (
    ActorInput,
    ActorsFile,
    EventInput,
    EventsFile,
    PropositionInput,
    PropositionsFile,
)
from stancegraph.yamlsource import YamlFile

ACTORS_FILE = "actors.yaml"
PROPOSITIONS_FILE = "propositions.yaml"
EVENTS_FILE = "events.yaml"


@dataclass(frozen=True, slots=True)
class Registry:
    """Everything a coding refers to, with every internal reference checked."""

    actors: tuple[Actor, ...]
    roles: tuple[Role, ...]
    memberships: tuple[Membership, ...]
    propositions: tuple[Proposition, ...]
    events: tuple[Event, ...]
    gazetteer_ids: frozenset[str] = frozenset()
    """Actors taken from the shipped gazetteer, not from the graph's ``actors.yaml``."""

    def ids(self) -> tuple[set[str], set[str], set[str]]:
        """The actor, proposition and event ids."""
        return (
            {a.id for a in self.actors},
            {p.id for p in self.propositions},
            {e.id for e in self.events},
        )


def read_registry(folder: Path) -> Registry:
    """Read ``actors.yaml``, ``propositions.yaml`` and (if present) ``events.yaml`` in ``folder``.

    Raises:
        InputError: a file is missing or malformed, an id repeats, or a reference does not resolve.

    """
    actors_file = YamlFile(folder / ACTORS_FILE)
    actors_in = actors_file.validate(ActorsFile).actors
    props_file = YamlFile(folder / PROPOSITIONS_FILE)
    props_in = props_file.validate(PropositionsFile).propositions
    events_path = folder / EVENTS_FILE
    events_file = YamlFile(events_path) if events_path.exists() else None
    events_in = events_file.validate(EventsFile).events if events_file else []

    first_seen: dict[str, str] = {}
    for source, section, ids in (
        (actors_file, "actors", [a.id for a in actors_in]),
        (props_file, "propositions", [p.id for p in props_in]),
        (events_file, "events", [e.id for e in events_in]),
    ):
        for index, item_id in enumerate(ids):
            assert source is not None
            if item_id in first_seen:
                raise source.error(
                    [section, index, "id"], f"duplicate id {item_id!r} (also {first_seen[item_id]})"
                )
            first_seen[item_id] = f"in {source.path.name}"

    gazetteer = gazetteer_entries(actors_in)
    known = [*actors_in, *gazetteer]
    roles, memberships = _roles_and_memberships(actors_file, actors_in, known)
    _check_references(actors_file, known, props_file, props_in, events_file, events_in)
    return Registry(
        actors=tuple(sorted((to_actor(a) for a in known), key=lambda a: a.id)),
        roles=tuple(sorted(roles, key=_role_key)),
        memberships=tuple(sorted(memberships, key=_membership_key)),
        propositions=tuple(
            sorted(
                (Proposition(p.id, p.label, p.broader, tuple(p.keywords)) for p in props_in),
                key=lambda p: p.id,
            )
        ),
        events=tuple(
            sorted(
                (Event(e.id, e.label, e.date, tuple(e.participants)) for e in events_in),
                key=lambda e: e.id,
            )
        ),
        gazetteer_ids=frozenset(a.id for a in gazetteer),
    )


def _roles_and_memberships(
    source: YamlFile, actors_in: list[ActorInput], known: list[ActorInput]
) -> tuple[list[Role], list[Membership]]:
    actor_ids = {a.id for a in known}
    roles: list[Role] = []
    memberships: list[Membership] = []
    for i, actor in enumerate(actors_in):
        for j, role in enumerate(actor.roles):
            if role.of not in actor_ids:
                raise source.error(["actors", i, "roles", j, "of"], _unknown("actor", role.of))
            _check_span(source, ["actors", i, "roles", j], role.start, role.end)
            roles.append(Role(actor.id, role.title, role.of, role.start, role.end))
        for j, member in enumerate(actor.memberships):
            where: list[str | int] = ["actors", i, "memberships", j]
            if member.of not in actor_ids:
                raise source.error([*where, "of"], _unknown("actor", member.of))
            _check_span(source, where, member.start, member.end)
            memberships.append(Membership(actor.id, member.of, member.start, member.end))
    return roles, memberships


def _check_references(  # noqa: PLR0917 - the three files and their parsed contents
    actors_file: YamlFile,
    actors_in: list[ActorInput],
    props_file: YamlFile,
    props_in: list[PropositionInput],
    events_file: YamlFile | None,
    events_in: list[EventInput],
) -> None:
    actor_ids = {a.id for a in actors_in}
    prop_ids = {p.id for p in props_in}
    for i, actor in enumerate(actors_in):
        if actor.part_of is not None and actor.part_of not in actor_ids:
            raise actors_file.error(["actors", i, "part_of"], _unknown("actor", actor.part_of))
    for i, prop in enumerate(props_in):
        if prop.broader is not None and prop.broader not in prop_ids:
            where: list[str | int] = ["propositions", i, "broader"]
            raise props_file.error(where, _unknown("proposition", prop.broader))
    _check_no_cycles(props_file, {p.id: p.broader for p in props_in})
    for i, event in enumerate(events_in):
        for j, participant in enumerate(event.participants):
            if participant not in actor_ids and events_file is not None:
                where = ["events", i, "participants", j]
                raise events_file.error(where, _unknown("actor", participant))


def _unknown(kind: str, ref: str) -> str:
    return f"unknown {kind} id {ref!r}"


def _check_span(
    source: YamlFile, where: list[str | int], start: date | None, end: date | None
) -> None:
    if start is not None and end is not None and end < start:
        raise source.error([*where, "end"], f"ends ({end}) before it starts ({start})")


def _check_no_cycles(source: YamlFile, broader: dict[str, str | None]) -> None:
    for index, start in enumerate(broader):
        seen = {start}
        current = broader[start]
        while current is not None:
            if current in seen:
                raise source.error(
                    ["propositions", index, "broader"],
                    f"'broader' makes a cycle through {current!r}",
                )
            seen.add(current)
            current = broader.get(current)


def _role_key(role: Role) -> tuple[str, str, str, str]:
    return (role.holder, role.organisation, role.title, str(role.start))


def _membership_key(m: Membership) -> tuple[str, str, str]:
    return (m.member, m.organisation, str(m.start))
