"""RDF for the registry: actors, roles, memberships (W3C ORG), propositions (SKOS), events."""

from __future__ import annotations

from datetime import date

from rdflib import URIRef
from rdflib.namespace import FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME

from stancegraph.corpus import StanceGraph
from stancegraph.iris import Iris
from stancegraph.model import ActorKind, Method
from stancegraph.rdf_sink import Lit, TripleSink, boolean, day
from stancegraph.vocab import SCHEMA, SG, WIKIDATA

ACTOR_CLASSES: dict[ActorKind, URIRef] = {
    ActorKind.PERSON: FOAF.Person,
    ActorKind.STATE: SCHEMA.Country,
    ActorKind.ORGANISATION: ORG.FormalOrganization,
    ActorKind.COALITION: ORG.OrganizationalCollaboration,
    ActorKind.GOVERNMENT_BODY: ORG.OrganizationalUnit,
    ActorKind.GROUP: FOAF.Group,
}


def add_registry(out: TripleSink, graph: StanceGraph, iris: Iris) -> None:
    """Add actors, roles, memberships, propositions and events of ``graph`` to ``out``."""
    _add_actors(out, graph, iris)
    _add_roles(out, graph, iris)
    _add_memberships(out, graph, iris)
    _add_propositions(out, graph, iris)
    _add_events(out, graph, iris)
    _add_agents(out, graph, iris)


def _add_actors(out: TripleSink, graph: StanceGraph, iris: Iris) -> None:
    for actor in graph.actors:
        node = iris.actor(actor.id)
        out.add((node, RDF.type, SG.Actor))
        out.add((node, RDF.type, ACTOR_CLASSES[actor.kind]))
        out.add((node, RDFS.label, Lit(actor.name, "en")))
        for alias in actor.aliases:
            out.add((node, SKOS.altLabel, Lit(alias, "en")))
        for demonym in actor.demonyms:
            out.add((node, SG.demonym, Lit(demonym, "en")))
        if actor.wikidata:
            out.add((node, OWL.sameAs, WIKIDATA[actor.wikidata]))
        if actor.iso3:
            out.add((node, SG.iso3166Alpha3, Lit(actor.iso3)))
        if actor.part_of:
            out.add((node, ORG.subOrganizationOf, iris.actor(actor.part_of)))
        if actor.provisional:
            out.add((node, SG.provisional, boolean(True)))


def _add_roles(out: TripleSink, graph: StanceGraph, iris: Iris) -> None:
    # ORG has no dates on org:holds, so each tenure is also an org:Membership with org:role and
    # org:memberDuring (the pattern the ORG recommendation gives for time-qualified roles).
    for role in graph.roles:
        person, organisation = iris.actor(role.holder), iris.actor(role.organisation)
        role_node, post, tenure = iris.role(role.title), iris.post(role), iris.tenure(role)
        post_label = f"{role.title} of {graph.actor(role.organisation).name}"
        out.add((role_node, RDF.type, ORG.Role))
        out.add((role_node, RDFS.label, Lit(role.title, "en")))
        out.add((post, RDF.type, ORG.Post))
        out.add((post, RDFS.label, Lit(post_label, "en")))
        out.add((post, ORG.postIn, organisation))
        out.add((post, ORG.role, role_node))
        out.add((person, ORG.holds, post))
        out.add((tenure, RDF.type, ORG.Membership))
        out.add((tenure, ORG.member, person))
        out.add((tenure, ORG.organization, organisation))
        out.add((tenure, ORG.role, role_node))
        _add_interval(out, iris, tenure, role.start, role.end)


def _add_memberships(out: TripleSink, graph: StanceGraph, iris: Iris) -> None:
    for membership in graph.memberships:
        member, organisation = iris.actor(membership.member), iris.actor(membership.organisation)
        node = iris.membership(membership)
        out.add((member, ORG.memberOf, organisation))
        out.add((node, RDF.type, ORG.Membership))
        out.add((node, ORG.member, member))
        out.add((node, ORG.organization, organisation))
        _add_interval(out, iris, node, membership.start, membership.end)


def _add_interval(
    out: TripleSink, iris: Iris, owner: URIRef, start: date | None, end: date | None
) -> None:
    interval = iris.interval(owner)
    out.add((owner, ORG.memberDuring, interval))
    out.add((interval, RDF.type, TIME.Interval))
    for which, predicate, when in (
        ("beginning", TIME.hasBeginning, start),
        ("end", TIME.hasEnd, end),
    ):
        if when is not None:
            instant = iris.instant(interval, which)
            out.add((interval, predicate, instant))
            out.add((instant, RDF.type, TIME.Instant))
            out.add((instant, TIME.inXSDDate, day(when)))


def _add_propositions(out: TripleSink, graph: StanceGraph, iris: Iris) -> None:
    scheme = iris.proposition_scheme()
    out.add((scheme, RDF.type, SKOS.ConceptScheme))
    out.add((scheme, RDFS.label, Lit("stancegraph propositions", "en")))
    for proposition in graph.propositions:
        node = iris.proposition(proposition.id)
        out.add((node, RDF.type, SG.Proposition))
        out.add((node, RDF.type, SKOS.Concept))
        out.add((node, SKOS.inScheme, scheme))
        out.add((node, SKOS.prefLabel, Lit(proposition.label, "en")))
        if proposition.broader:
            out.add((node, SKOS.broader, iris.proposition(proposition.broader)))
        else:
            out.add((node, SKOS.topConceptOf, scheme))
        for keyword in proposition.keywords:
            out.add((node, SG.keyword, Lit(keyword, "en")))
        if proposition.provisional:
            out.add((node, SG.provisional, boolean(True)))


def _add_events(out: TripleSink, graph: StanceGraph, iris: Iris) -> None:
    for event in graph.events:
        node = iris.event(event.id)
        out.add((node, RDF.type, SCHEMA.Event))
        out.add((node, SCHEMA.name, Lit(event.label, "en")))
        if event.date:
            out.add((node, SCHEMA.startDate, day(event.date)))
        if event.provisional:
            out.add((node, SG.provisional, boolean(True)))
        for participant in event.participants:
            out.add((node, SCHEMA.attendee, iris.actor(participant)))


def _add_agents(out: TripleSink, graph: StanceGraph, iris: Iris) -> None:
    # Curators and the extractor are described here once rather than in every article graph
    # that cites them: a store whose default graph is the union of quads (Oxigraph) would
    # otherwise match an agent's label once per article.
    agents = {(s.provenance.agent, s.provenance.method) for s in graph.statements}
    for name, method in sorted(agents, key=lambda pair: (pair[0], pair[1].value)):
        node = iris.agent(name)
        out.add((node, RDFS.label, Lit(name)))
        kind = PROV.Agent if method is Method.CURATED else PROV.SoftwareAgent
        out.add((node, RDF.type, kind))
