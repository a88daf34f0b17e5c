"""Actor mentions: names, aliases, demonyms, dated role titles, pronouns and unknown entities.

Entities that the registry does not know are kept as provisional, unlinked actors.

An :class:`ActorIndex` is built once per registry and spaCy vocabulary; :meth:`ActorIndex.find`
then labels every token of a parsed article with the actor it mentions, if any.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from stancegraph.ids import slug
from stancegraph.model import Actor, ActorKind, Role

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


class How(StrEnum):
    """How a mention names its actor."""

    NAME = "name"  # a name or alias from the registry
    ROLE = "role"  # "the Finnish president": whoever held the post on the article's date
    TITLE = "title"  # "the president": the most recent person holding such a post
    DEMONYM = "demonym"  # "Russian revenues": points at Russia, as a modifier only
    PRONOUN = "pronoun"  # "he", "her": the most recent person; "it", "they": see references.py
    DESCRIPTION = "description"  # "the initiative", "Egypt's government": see references.py
    PROVISIONAL = "provisional"  # an entity the registry does not know


ENTITY_KINDS = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANISATION,
    "GPE": ActorKind.STATE,
    "NORP": ActorKind.GROUP,
}
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "hers"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
# How far back (in sentences) a pronoun or bare title looks for its person.
ANAPHOR_WINDOW = 4
PROVISIONAL_PREFIX = "unlinked-"


@dataclass(frozen=True, slots=True)
class Mention:
    """Tokens ``start:end`` of a document name actor ``actor`` (an id)."""

    start: int
    end: int
    actor: str
    how: How
    others: tuple[str, ...] = ()  # "they" after "Russia and China": the actors after the first

    @property
    def actors(self) -> tuple[str, ...]:
        """Every actor the mention names (more than one only for a plural pronoun)."""
        return (self.actor, *self.others)


@dataclass(frozen=True, slots=True)
class ProvisionalActor:
    """An entity of the text that is not in the registry: kept, flagged as unlinked."""

    id: str
    kind: ActorKind
    name: str
    aliases: tuple[str, ...] = ()

    def as_actor(self) -> Actor:
        """The provisional actor as a model :class:`~stancegraph.model.Actor`."""
        return Actor(self.id, self.kind, self.name, aliases=self.aliases, provisional=True)


@dataclass(slots=True)
class Mentions:
    """The actor mentions of one document, indexed by token."""

    items: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    provisional: dict[str, ProvisionalActor] = field(default_factory=dict)
    in_quote: frozenset[int] = frozenset()

    def add(self, mention: Mention) -> None:
        """Record ``mention`` for each of its tokens."""
        self.items.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention

    def at(self, token_index: int) -> Mention | None:
        """The mention that covers the token at ``token_index``, if any."""
        return self.by_token.get(token_index)


class ActorIndex:
    """Matchers for every way the registry names an actor, built once per registry.

    Examples:
        >>> from stancegraph.extract.nlp import load_model
        >>> from stancegraph.loading import load
        >>> graph = load("graph")
        >>> index = ActorIndex(load_model(), graph.actors, graph.roles)
        >>> doc = load_model()("The Finnish president met Putin. He said little.")
        >>> found = index.find(doc, date(2025, 3, 15))
        >>> [(doc[m.start : m.end].text, m.actor, m.how.value) for m in found.items]
        [('Finnish president', 'alexander-stubb', 'role'), ('Putin', 'vladimir-putin', 'name'), \
('He', 'alexander-stubb', 'pronoun')]

    """

    def __init__(self, nlp: Language, actors: Sequence[Actor], roles: Sequence[Role]) -> None:
        from spacy.matcher import PhraseMatcher  # noqa: PLC0415 - spaCy loads only for extraction

        self.actors = {a.id: a for a in actors}
        self.roles = tuple(roles)
        # Names match whatever their case ("Coalition of the Willing", "The Kremlin"), but see
        # _case_fits: a single lower-case word is never a name, nor a lower-cased acronym.
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact: dict[str, frozenset[str]] = {}
        self._keys: dict[str, tuple[How, tuple[str, ...]]] = {}
        patterns: dict[str, set[str]] = {}

        def add(key: str, how: How, targets: tuple[str, ...], phrases: Iterable[str]) -> None:
            self._keys[key] = (how, targets)
            patterns.setdefault(key, set()).update(p for p in phrases if p.strip())

        # An alias that is only a title ("the Prime Minister") is read as the title: whoever
        # holds it and was named last, the alias's owner only when nobody was.
        titles = {form.lower(): r.title for r in roles for form in _title_forms(r.title)}
        self._title_aliases: dict[str, set[str]] = {}
        for actor in actors:
            names = [actor.name]
            for alias in actor.aliases:
                bare = titles.get(alias.lower().removeprefix("the ").strip())
                if bare is None:
                    names.append(alias)
                else:
                    self._title_aliases.setdefault(bare, set()).add(actor.id)
            add(f"name:{actor.id}", How.NAME, (actor.id,), names)
            if actor.demonyms:
                # "Egyptians", "Russians": the plural of a demonym in -n names the people.
                plurals = [f"{d}s" for d in actor.demonyms if d.endswith("n")]
                add(f"demonym:{actor.id}", How.DEMONYM, (actor.id,), (*actor.demonyms, *plurals))
        for title in sorted({r.title for r in roles}):
            add(f"title:{title}", How.TITLE, (title,), _title_forms(title))
        for title, org in sorted({(r.title, r.organisation) for r in roles}):
            place = self.actors[org]
            forms = [
                f"{p} {t}"
                for p in (*place.demonyms, place.name, *place.aliases)
                for t in _title_forms(title)
            ]
            forms += [
                f"{t} of {p}" for p in (place.name, *place.aliases) for t in _title_forms(title)
            ]
            forms += [
                f"{p}'s {t}" for p in (place.name, *place.aliases) for t in _title_forms(title)
            ]
            add(f"role:{title}|{org}", How.ROLE, (title, org), forms)
        for key in sorted(patterns):
            self._exact[key] = frozenset(patterns[key])
            # make_doc only tokenises: building the patterns costs no parsing.
            self._matcher.add(key, [nlp.make_doc(p) for p in sorted(patterns[key])])

    def holders_of(self, title: str, organisation: str | None, day: date) -> list[str]:
        """Ids of the people holding ``title`` (in ``organisation``, if given) on ``day``."""
        return sorted(
            {
                r.holder
                for r in self.roles
                if r.title == title
                and (organisation is None or r.organisation == organisation)
                and r.held_on(day)
            }
        )

    def find(self, doc: Doc, day: date) -> Mentions:
        """Every actor mention in ``doc``, with roles resolved as of ``day``."""
        from spacy.util import filter_spans  # noqa: PLC0415

        found = Mentions(in_quote=_quoted_tokens(doc))
        hits = [
            (self._vocab_key(doc, k), s, e)
            for k, s, e in self._matcher(doc)
            if _case_fits(doc[s:e], self._exact[self._vocab_key(doc, k)])
        ]
        spans = filter_spans([doc[s:e] for _, s, e in hits])
        keyed = {(s, e): k for k, s, e in hits}
        raw: list[tuple[int, int, How, tuple[str, ...]]] = []
        for span in spans:
            how, targets = self._keys[keyed[(span.start, span.end)]]
            raw.append((span.start, span.end, how, targets))
        raw = _merge_titles_with_names(raw, self.actors)
        self._add_entities(doc, raw, found)
        for start, end, how, targets in raw:
            actor = self._resolve(how, targets, day)
            if actor is not None:
                found.add(Mention(start, end, actor, how))
        self._resolve_anaphora(doc, day, found)
        found.items.sort(key=lambda m: m.start)
        return found

    def _vocab_key(self, doc: Doc, key: int) -> str:
        return str(doc.vocab.strings[key])

    def _resolve(self, how: How, targets: tuple[str, ...], day: date) -> str | None:
        if how is How.ROLE:
            holders = self.holders_of(targets[0], targets[1], day)
            return holders[0] if len(holders) == 1 else None
        if how is How.TITLE:
            return None  # anaphoric: resolved in document order by _resolve_anaphora
        return targets[0]

    def _add_entities(
        self, doc: Doc, raw: list[tuple[int, int, How, tuple[str, ...]]], found: Mentions
    ) -> None:
        """Entities no registry mention overlaps become provisional actors, never dropped."""
        taken = {i for s, e, how, _ in raw if how is not How.TITLE for i in range(s, e)}
        surnames: dict[str, str] = {}
        for ent in doc.ents:
            kind = ENTITY_KINDS.get(ent.label_)
            if kind is None or any(i in taken for i in range(ent.start, ent.end)):
                continue
            tokens = [t for t in ent if t.lower_ not in {"the", "'s", "\u2019s"}]
            if not tokens or not any(t.text[:1].isupper() for t in tokens):
                continue
            if len(tokens) == 1 and tokens[0].tag_ in ("NNS", "NNPS"):
                continue  # "The Secretaries welcomed": a capitalised plural noun is no name
            name = doc[tokens[0].i : tokens[-1].i + 1].text
            actor_id = PROVISIONAL_PREFIX + slug(name)
            if kind is ActorKind.PERSON and len(tokens) == 1 and name in surnames:
                actor_id = surnames[name]
            elif kind is ActorKind.PERSON and len(tokens) > 1:
                surnames.setdefault(tokens[-1].text, actor_id)
            known = found.provisional.get(actor_id)
            if known is None:
                found.provisional[actor_id] = ProvisionalActor(actor_id, kind, name)
            elif name != known.name and name not in known.aliases:
                aliases = tuple(sorted((*known.aliases, name)))
                found.provisional[actor_id] = ProvisionalActor(
                    actor_id, known.kind, known.name, aliases
                )
            start = ent.start
            # "Prime Minister Jane Doe": the title belongs to the unknown person, not to the
            # registry's holder of some post.
            raw[:] = [r for r in raw if not (r[2] in (How.TITLE, How.ROLE) and r[1] == ent.start)]
            for r in list(raw):
                if r[2] in (How.TITLE, How.ROLE) and r[0] <= ent.start < r[1]:
                    raw.remove(r)
            found.add(Mention(start, ent.end, actor_id, How.PROVISIONAL))
        # "Friedrich Merz ... Merz said": the parser's entity tagger may miss the bare surname.
        for token in doc:
            if (
                token.pos_ == "PROPN"
                and token.text in surnames
                and token.i not in taken
                and found.at(token.i) is None
            ):
                found.add(Mention(token.i, token.i + 1, surnames[token.text], How.PROVISIONAL))

    def _resolve_anaphora(self, doc: Doc, day: date, found: Mentions) -> None:
        """Third-person pronouns and bare titles point at the most recent compatible person."""
        titles = {
            m_start: targets[0]
            for m_start, targets in self._title_spans(doc).items()
            if found.at(m_start) is None
        }
        sentence_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        people: list[tuple[int, str, bool, bool]] = []  # (token, actor, is_subject, quoted)
        pending = sorted(found.items, key=lambda m: m.start)
        position = 0
        for token in doc:
            while position < len(pending) and pending[position].start <= token.i:
                mention = pending[position]
                position += 1
                if self._is_person(mention.actor, found):
                    head = _head_token(doc, mention)
                    people.append(
                        (
                            mention.start,
                            mention.actor,
                            head.dep_.startswith("nsubj"),
                            mention.start in found.in_quote,
                        )
                    )
            resolved: str | None = None
            how = How.PRONOUN
            if token.lower_ in THIRD_PERSON and token.pos_ == "PRON" and found.at(token.i) is None:
                resolved = _most_recent(people, token, sentence_of, found)
            elif token.i in titles:
                how = How.TITLE
                holders = set(self.holders_of(titles[token.i], None, day))
                compatible = [p for p in people if p[1] in holders]
                resolved = _most_recent(compatible, token, sentence_of, found)
                owners = self._title_aliases.get(titles[token.i], set())
                if resolved is None and len(owners) == 1:
                    resolved = next(iter(owners))
            if resolved is not None:
                length = _title_length(doc, token.i, titles.get(token.i)) if how is How.TITLE else 1
                mention = Mention(token.i, token.i + length, resolved, how)
                found.add(mention)
                people.append(
                    (token.i, resolved, token.dep_.startswith("nsubj"), token.i in found.in_quote)
                )

    def _title_spans(self, doc: Doc) -> dict[int, tuple[str, ...]]:
        out: dict[int, tuple[str, ...]] = {}
        for key, start, _ in self._matcher(doc):
            how, targets = self._keys[self._vocab_key(doc, key)]
            if how is How.TITLE:
                out[start] = targets
        return out

    def _is_person(self, actor_id: str, found: Mentions) -> bool:
        actor = self.actors.get(actor_id)
        if actor is not None:
            return actor.kind is ActorKind.PERSON
        provisional = found.provisional.get(actor_id)
        return provisional is not None and provisional.kind is ActorKind.PERSON


def _case_fits(span: Span, patterns: frozenset[str]) -> bool:
    """Whether ``span``, matched without regard to case, is written as a name would be.

    It is when it is one of ``patterns`` as written; otherwise when it is several words ("coalition
    of the willing") or one capitalised word ("The", "Kremlin"), and the pattern it matches is no
    acronym ("us" is not "US", "who" is not "WHO"; "Nato" is "NATO").

    >>> from stancegraph.extract.nlp import load_model
    >>> doc = load_model().make_doc("us and The Coalition Of The Willing and may Nato")
    >>> [_case_fits(doc[a:b], frozenset(p)) for a, b, p in
    ...  [(0, 1, {"US"}), (2, 7, {"the Coalition of the Willing"}), (8, 9, {"May"}),
    ...   (9, 10, {"NATO"})]]
    [False, True, False, True]
    """
    text = span.text
    if text in patterns:
        return True
    same = [p for p in patterns if p.lower() == text.lower()]
    if any(p.replace(".", "").isupper() and len(p.replace(".", "")) <= 5 for p in same):
        # An acronym of four letters or more may be written as a word: "Nato", "Asean".
        return len(text) >= 4 and text[:1].isupper() and text[1:].islower()
    return bool(same) and (len(span) > 1 or text[:1].isupper())


def _title_forms(title: str) -> list[str]:
    return sorted({title, title.lower(), title[:1].upper() + title[1:].lower()})


def _title_length(doc: Doc, start: int, title: str | None) -> int:
    return len(title.split()) if title else 1


def _merge_titles_with_names(
    raw: list[tuple[int, int, How, tuple[str, ...]]], actors: dict[str, Actor]
) -> list[tuple[int, int, How, tuple[str, ...]]]:
    """Join a title to the name after it ("Finnish President Alexander Stubb" is Stubb)."""
    out: list[tuple[int, int, How, tuple[str, ...]]] = []
    for item in sorted(raw):
        if (
            out
            and out[-1][2] in (How.ROLE, How.TITLE)
            and out[-1][1] == item[0]
            and item[2] is How.NAME
            and actors[item[3][0]].kind is ActorKind.PERSON
        ):
            out[-1] = (out[-1][0], item[1], How.NAME, item[3])
        else:
            out.append(item)
    return out


def _head_token(doc: Doc, mention: Mention) -> Token:
    span = doc[mention.start : mention.end]
    return span.root


def _most_recent(
    people: list[tuple[int, str, bool, bool]],
    token: Token,
    sentence_of: dict[int, int],
    found: Mentions,
) -> str | None:
    """The person a pronoun or bare title points at.

    The nearest sentence naming someone; within it a subject first, else the last person named.
    Quoted words are skipped outside quotes ("“... Putin ...,” he stated" is not Putin speaking).
    """
    here = sentence_of[token.i]
    quoted = token.i in found.in_quote
    window = [
        p
        for p in people
        if p[0] < token.i
        and here - sentence_of[p[0]] <= ANAPHOR_WINDOW
        and (quoted or not p[3] or here != sentence_of[p[0]])
    ]
    if not window:
        return None
    nearest = max(sentence_of[p[0]] for p in window)
    in_sentence = [p for p in window if sentence_of[p[0]] == nearest]
    subjects = [p for p in in_sentence if p[2]]
    return (subjects or in_sentence)[-1][1]


def _quoted_tokens(doc: Doc) -> frozenset[int]:
    """Indexes of tokens inside quotation marks; straight quotes toggle, paragraphs reset."""
    inside = False
    out: set[int] = set()
    for token in doc:
        if "\n" in token.text:
            inside = False
            continue
        if token.text in {"\u201c", "``"}:
            inside = True
        elif token.text in {"\u201d", "''"}:
            inside = False
        elif token.text == '"':
            inside = not inside
        elif inside:
            out.add(token.i)
    return frozenset(out)
