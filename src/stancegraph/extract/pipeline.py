"""The extractor: spaCy parses, then mentions, cues, holders and targets become statements.

Everything that depends only on the registry and the lexicon (matchers, indexes) is built once in
:class:`Extractor`; articles then go through ``nlp.pipe`` in batches.

Examples:
    >>> from stancegraph.loading import load
    >>> from datetime import date
    >>> from stancegraph.model import Article
    >>> extractor = Extractor.for_graph(load("graph"))
    >>> text = "Finland's president said he would back a ceasefire in Ukraine."
    >>> article = Article(id="demo", title="Demo", published=date(2025, 3, 15), text=text)
    >>> result = extractor.extract(article)
    >>> s = result.statements[0]
    >>> s.holder, s.kind.value, s.polarity.value, s.target, s.evidence[0].quote
    ('alexander-stubb', 'stance', 'support', 'ceasefire', 'he would back a ceasefire in Ukraine')

"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Literal

from stancegraph.corpus import StanceGraph
from stancegraph.extract import participation, roles
from stancegraph.extract.classifier import ClauseClassifier, learned_findings
from stancegraph.extract.lexicon import Lexicon, default_lexicon
from stancegraph.extract.mentions import ActorIndex, How, Mentions
from stancegraph.extract.nlp import load_model, model_label
from stancegraph.extract.participation import Participation, find_participation
from stancegraph.extract.progress import Progress
from stancegraph.extract.references import ReferenceIndex
from stancegraph.extract.roles import find_roles, place_forms
from stancegraph.extract.rules import Finding, Rules
from stancegraph.extract.statement_ids import distinct, statement_id
from stancegraph.extract.syntax import Context
from stancegraph.extract.targets import TargetIndex
from stancegraph.extract.turns import TurnSpeakers
from stancegraph.extract.unattributed import unattributed_first_person
from stancegraph.gazetteer import with_gazetteer
from stancegraph.ids import slug
from stancegraph.model import (
    Actor,
    ActorKind,
    Article,
    Condition,
    Event,
    Evidence,
    Method,
    Proposition,
    Provenance,
    ReviewStatus,
    Role,
    Statement,
    StatementKind,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's own default limit; longer texts need far more memory than a news article ever should.
MAX_CHARS = 1_000_000
BATCH_SIZE = 32
# The second person as a target: courtesy to whoever is spoken to.
ADDRESSED = frozenset({"you", "yourself", "yourselves"})
# A first line that does not end like a sentence is a headline.
HEADLINE_STOPS = frozenset('.!?:"\u201d')
# Frequent English function words: a text with almost none of them is not English.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "at",
        "from",
        "be",
        "are",
        "has",
        "have",
        "said",
        "will",
        "not",
        "this",
        "an",
        "which",
        "but",
        "its",
        "their",
        "he",
        "she",
        "they",
        "we",
        "would",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found in one article, ready to merge or to write as a coding file."""

    article: Article
    statements: tuple[Statement, ...] = ()
    actors: tuple[Actor, ...] = ()  # provisional, unlinked actors: every unknown entity
    propositions: tuple[Proposition, ...] = ()  # provisional propositions the statements use
    events: tuple[Event, ...] = ()  # provisional events (calls, meetings) participation is in
    warnings: tuple[str, ...] = ()
    model: str = ""
    unattributed: int = 0  # first-person clauses left out: the text names no speaker or issuer


def looks_english(text: str) -> bool:
    """Whether ``text`` reads as English: enough of its words are common English function words.

    >>> looks_english("The minister said that the talks will go on.")
    True
    >>> looks_english("Der Minister sagte, dass die Gespräche bald weitergehen werden.")
    False
    """
    words = [m.group().lower() for m in islice(_WORD.finditer(text), 2000)]
    if len(words) < 5:
        return True  # too short to tell; the parser will simply find nothing
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.08


@dataclass
class Extractor:
    """Everything extraction needs, built once: the pipeline, the matchers and the lexicon."""

    nlp: Language
    actors: Sequence[Actor]
    roles: Sequence[Role]
    propositions: Sequence[Proposition]
    lexicon: Lexicon = field(default_factory=default_lexicon)
    # The learned component; None extracts with the rules alone (as training does).
    classifier: ClauseClassifier | None = field(default_factory=ClauseClassifier.shipped)

    def __post_init__(self) -> None:
        self.actor_index = ActorIndex(self.nlp, self.actors, self.roles)
        self.references = ReferenceIndex.build(self.actors, self.roles, self.lexicon)
        self.turn_speakers = TurnSpeakers.build(self.actors)
        self.kinds = {a.id: a.kind for a in self.actors}
        self.places = place_forms(self.actors)
        self.target_index = TargetIndex(self.nlp, self.propositions, self._anchors())
        self.model = model_label(self.nlp)  # reading nlp.meta is slow: once per extractor
        self.agent = f"stancegraph extract ({self.model})"

    def _anchors(self) -> dict[str, frozenset[str]]:
        """The states each proposition names in its label or keywords (where it is about)."""
        texts = [". ".join((p.label, *p.keywords)) for p in self.propositions]
        out: dict[str, frozenset[str]] = {}
        for proposition, doc in zip(self.propositions, self.nlp.pipe(texts), strict=True):
            found = self.actor_index.find(doc, date.min)  # names only: no role needs a date
            named = {m.actor for m in found.items if m.how in (How.NAME, How.DEMONYM)}
            # Places make a topic's context ("the Russia-Ukraine war"); an organisation in a
            # label ("a Security Council resolution") is its venue, named or not.
            out[proposition.id] = frozenset(
                a for a in named if self.kinds.get(a) is ActorKind.STATE
            )
        return out

    @classmethod
    def for_graph(
        cls,
        graph: StanceGraph,
        model: str | None = None,
        *,
        classifier: ClauseClassifier | Literal["shipped"] | None = "shipped",
    ) -> Extractor:
        """An extractor over ``graph``'s registry and the gazetteer (not provisional nodes).

        ``classifier`` is the learned component: the shipped model, another one, or None for
        the rules alone.

        Raises:
            ModelNotFoundError: the spaCy model is not installed.

        """
        return cls(
            load_model(model),
            with_gazetteer([a for a in graph.actors if not a.provisional]),
            graph.roles,
            [p for p in graph.propositions if not p.provisional],
            classifier=ClauseClassifier.shipped() if classifier == "shipped" else classifier,
        )

    def context(
        self, doc: Doc, day: date, speaker: str | None, issuers: tuple[str, ...] = ()
    ) -> Context:
        """The per-document facts the holder rules use (mentions, speaker, issuers, collective)."""
        mentions = self.actor_index.find(doc, day)
        self.references.resolve(doc, mentions, day)
        return Context(
            mentions,
            self.lexicon,
            speaker,
            _the_collective(mentions, self.kinds),
            self.kinds,
            self.turn_speakers.find(doc.text),
            issuers,
        )

    def extract(self, article: Article) -> Extraction:
        """Candidate statements of one article."""
        return next(iter(self.extract_many([article])))

    def extract_many(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = BATCH_SIZE,
        processes: int = 1,
        progress: Progress | None = None,
    ) -> Iterator[Extraction]:
        """Candidate statements of each article, in order, parsed in batches by ``nlp.pipe``."""
        pending = list(articles)
        usable = [a for a in pending if not _refusal(a)]
        docs = self.nlp.pipe(
            (a.text for a in usable), batch_size=batch_size, n_process=max(1, processes)
        )
        for article in pending:
            refusal = _refusal(article)
            if refusal is not None:
                result = Extraction(article, warnings=(refusal,), model=self.model)
            else:
                result = self._from_doc(article, next(docs))
            if progress is not None:
                progress(1)
            yield result

    def _from_doc(self, article: Article, doc: Doc) -> Extraction:
        ctx, taking_part = self._article_context(article, doc)
        matches = self.target_index.matches(doc)
        findings = Rules(ctx).run(doc)
        if self.classifier is not None:
            text_type = article.text_type.value if article.text_type is not None else ""
            findings += learned_findings(doc, ctx, text_type, findings, self.classifier)
        statements: list[Statement] = []
        new_props: dict[str, Proposition] = {}
        seen: list[tuple[str, str, str, str, int, int]] = []
        cues_seen: set[tuple[str | int, ...]] = set()
        for finding in findings:
            if finding.target is not None and finding.target.lower_ in ADDRESSED:
                continue  # "Thank you", "welcome you": the person spoken to is no position
            target_id, weak = finding.target_actor, None
            if target_id is None and finding.target is not None:
                target = (
                    self.target_index.provisional(finding.target, "not ")
                    if finding.negative  # never the registry's proposition it denies
                    else self.target_index.resolve(
                        finding.target, finding.kind, matches, ctx.mentions
                    )
                )
                if target is None:
                    continue  # a pronoun with no proposition before it
                target_id, weak = target.id, target.weak
                if target.label is not None:
                    new_props.setdefault(
                        target.id, Proposition(target.id, target.label, provisional=True)
                    )
            if target_id is None:
                continue
            start, end = doc[finding.quote[0]].idx, _end_char(doc, finding.quote[1])
            sentence = doc[finding.quote[0]].sent.start
            for holder in finding.holders.actors:
                key = (holder, finding.kind.value, str(finding.polarity), target_id, start, end)
                same_cue = (finding.rule, sentence, *key[:4])
                if holder in (target_id, finding.addressee) or _duplicate(key, seen):
                    continue
                if same_cue in cues_seen:
                    continue  # "to open X and to let Y" pointing at one proposition: one statement
                cues_seen.add(same_cue)
                seen.append(key)
                statements.append(
                    self._statement(article, finding, holder, target_id, (start, end), weak)
                )
        statements += self._roles(article, doc, ctx)
        parts, events = self._participation(article, doc, taking_part)
        statements += parts
        statements = distinct(statements)
        used = {s.target for s in statements}
        provisional = sorted(ctx.mentions.provisional.values(), key=lambda a: a.id)
        return Extraction(
            article,
            tuple(statements),
            tuple(p.as_actor() for p in provisional),
            tuple(new_props[k] for k in sorted(new_props) if k in used),
            tuple(events[k] for k in sorted(events)),
            model=self.model,
            unattributed=unattributed_first_person(doc, ctx),
        )

    def article_context(self, article: Article, doc: Doc) -> Context:
        """The context of an article's parsed text, as extraction reads it (training, --explain)."""
        return self._article_context(article, doc)[0]

    def _article_context(self, article: Article, doc: Doc) -> tuple[Context, list[Participation]]:
        ctx = self.context(doc, article.published, article.speaker, self._issuers(article))
        taking_part = find_participation(doc, ctx)
        return replace(
            ctx, meetings=tuple((p.start, p.event, p.holders) for p in taking_part)
        ), taking_part

    def _issuers(self, article: Article) -> tuple[str, ...]:
        """Whose "we" the text is: its issuers, else the state or body its speaker serves.

        A minister's or a secretary general's "we" is their government's or organisation's
        (the registry's post on the article's date); a speaker with no such post speaks for
        themselves.
        """
        if article.issuers or article.speaker is None:
            return article.issuers
        serves = self._post_of(article.speaker, article.published)
        return (serves,) if serves is not None else ()

    def _post_of(self, person: str, day: date) -> str | None:
        """The organisation the registry says ``person`` held a post in on ``day``, if one."""
        places = sorted(
            {r.organisation for r in self.roles if r.holder == person and r.held_on(day)}
        )
        return places[0] if len(places) == 1 else None

    def _roles(self, article: Article, doc: Doc, ctx: Context) -> list[Statement]:
        out: list[Statement] = []
        for role in find_roles(doc, ctx, article.published, self.places, self._post_of):
            span = (doc[role.start].idx, _end_char(doc, role.end))
            out.append(
                self._made(
                    article,
                    StatementKind.ROLE,
                    role.holder,
                    role.organisation,
                    span,
                    roles.RULE,
                    roles.CONFIDENCE,
                    title=role.title,
                )
            )
        return out

    def _participation(
        self, article: Article, doc: Doc, everything: list[Participation]
    ) -> tuple[list[Statement], dict[str, Event]]:
        out: list[Statement] = []
        events: dict[str, Event] = {}
        headline = _headline_end(article.text)
        in_body = {h for f in everything if doc[f.start].idx >= headline for h in f.holders}
        stated: set[tuple[str, str]] = set()
        for each in everything:
            found = each
            if doc[found.start].idx < headline:
                # A headline announces what the text then says: a coder codes it there.
                found = replace(found, holders=tuple(h for h in found.holders if h not in in_body))
            elif found.via == "nominal":
                # "The telephone conversation with X resulted in ...": the event stated again.
                again = tuple(h for h in found.holders if (h, found.event) not in stated)
                found = replace(found, holders=again)
            stated.update((h, found.event) for h in found.holders)
            if not found.holders:
                continue
            label = f"{found.event} ({article.published.isoformat()})"
            event_id = f"event-{slug(article.id)}-{slug(found.event)}"[:120]
            events.setdefault(event_id, Event(event_id, label, article.published, provisional=True))
            span = (doc[found.start].idx, _end_char(doc, found.end))
            for holder in found.holders:
                out.append(
                    self._made(
                        article,
                        StatementKind.PARTICIPATION,
                        holder,
                        event_id,
                        span,
                        participation.RULE,
                        participation.CONFIDENCE,
                        note=f"holder found as {found.via}",
                    )
                )
        return out, events

    def _made(  # noqa: PLR0917 - the parts of one statement
        self,
        article: Article,
        kind: StatementKind,
        holder: str,
        target: str,
        span: tuple[int, int],
        rule: str,
        confidence: float,
        *,
        title: str | None = None,
        note: str | None = None,
    ) -> Statement:
        start, end = span
        return Statement(
            id=statement_id(article, kind, holder, target, span, title=title),
            article=article.id,
            kind=kind,
            holder=holder,
            target=target,
            date=article.published,
            evidence=(Evidence(article.id, start, end, article.text[start:end]),),
            provenance=Provenance(
                Method.EXTRACTED,
                agent=self.agent,
                rule=rule,
                confidence=confidence,
                status=ReviewStatus.UNREVIEWED,
            ),
            title=title,
            note=note,
        )

    def _statement(  # noqa: PLR0917 - the parts of one statement
        self,
        article: Article,
        finding: Finding,
        holder: str,
        target: str,
        span: tuple[int, int],
        weak: str | None = None,
    ) -> Statement:
        start, end = span
        quote = article.text[start:end]
        return Statement(
            id=statement_id(
                article,
                finding.kind,
                holder,
                target,
                span,
                polarity=finding.polarity,
                addressee=finding.addressee,
            ),
            article=article.id,
            kind=finding.kind,
            holder=holder,
            target=target,
            date=article.published,
            evidence=(Evidence(article.id, start, end, quote),),
            provenance=Provenance(
                Method.EXTRACTED,
                agent=self.agent,
                rule=finding.rule,
                confidence=finding.confidence,
                status=ReviewStatus.UNREVIEWED,
            ),
            polarity=finding.polarity,
            conditions=tuple(Condition(text=c) for c in finding.conditions),
            addressee=finding.addressee,
            note=f"holder found as {finding.holders.via}"
            + (f"; target: {weak!r} of the registry matched weakly, not taken" if weak else ""),
        )


def _refusal(article: Article) -> str | None:
    """Why an article is not parsed at all (it then yields no statements), or None."""
    if not article.language.lower().startswith("en"):
        return f"language {article.language!r} is not supported (English only): no statements"
    if len(article.text) > MAX_CHARS:
        return (
            f"the text is {len(article.text):,} characters long, more than the {MAX_CHARS:,} "
            "extraction handles: split it into articles; no statements"
        )
    if not looks_english(article.text):
        return "the text does not look like English (English only): no statements"
    return None


def _the_collective(mentions: Mentions, kinds: dict[str, ActorKind]) -> str | None:
    named = {m.actor for m in mentions.items}
    for kind in (ActorKind.COALITION, ActorKind.ORGANISATION):
        found = sorted(a for a in named if kinds.get(a) is kind)
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _end_char(doc: Doc, end_token: int) -> int:
    """Where the quote ends: after its last word (a run of spaces is a token of its own)."""
    index = end_token - 1
    while index > 0 and doc[index].is_space:
        index -= 1
    last = doc[index]
    return last.idx + len(last.text)


def _duplicate(
    key: tuple[str, str, str, str, int, int], seen: list[tuple[str, str, str, str, int, int]]
) -> bool:
    """The same holder, kind, polarity and target over overlapping text is one statement."""
    return any(key[:4] == other[:4] and other[4] < key[5] and key[4] < other[5] for other in seen)


def _headline_end(text: str) -> int:
    """Where the text's first line ends if it is a headline (no closing stop), else 0."""
    first = text.partition("\n")[0].strip()
    if first and first[-1] not in HEADLINE_STOPS:
        return len(text.partition("\n")[0])
    return 0
