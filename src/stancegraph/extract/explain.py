"""``stancegraph extract --explain``: what the extractor saw in each sentence, and why.

For every sentence: the statements kept (kind, polarity, holder and how it was found, target,
the rule or the classifier's probability), and for a sentence with none the reason: no actor who
could hold a position, or the classifier's best guess and the threshold it did not reach.

Examples:
    >>> from datetime import date
    >>> from stancegraph.loading import load
    >>> from stancegraph.model import Article
    >>> extractor = Extractor.for_graph(load("graph"))
    >>> text = "Finland condemned the strikes. The weather was mild."
    >>> article = Article(id="demo", title="Demo", published=date(2024, 3, 1), text=text)
    >>> print(explain(extractor, article))
    demo: 2 sentences, 1 statement
    <BLANKLINE>
    [1] Finland condemned the strikes.
      + criticism by finland (subject) -> new-strikes [rule verb-condemn, confidence 0.8]
    <BLANKLINE>
    [2] The weather was mild.
      - nothing: no actor who could hold a position (no subject, speaker or issuer)
    <BLANKLINE>

"""

from __future__ import annotations

from collections import defaultdict

from stancegraph.extract.clause_features import candidates
from stancegraph.extract.pipeline import Extractor
from stancegraph.extract.rules import Rules
from stancegraph.model import Article, Statement


def _statement_line(statement: Statement) -> str:
    polarity = f" ({statement.polarity.value})" if statement.polarity is not None else ""
    via = statement.note.removeprefix("holder found as ") if statement.note else "?"
    provenance = statement.provenance
    how = f"rule {provenance.rule}" if provenance.rule != "learned" else "classifier"
    return (
        f"  + {statement.kind.value}{polarity} by {statement.holder} ({via}) -> "
        f"{statement.target} [{how}, confidence {provenance.confidence}]"
    )


def explain(extractor: Extractor, article: Article) -> str:
    """The sentence-by-sentence account of one article's extraction."""
    result = extractor.extract(article)
    doc = extractor.nlp(article.text)
    ctx = extractor.article_context(article, doc)
    text_type = article.text_type.value if article.text_type is not None else ""
    sentences = list(doc.sents)
    starts = [s.start_char for s in sentences]
    by_sentence: defaultdict[int, list[Statement]] = defaultdict(list)
    for statement in result.statements:
        offset = statement.evidence[0].start
        index = max(i for i, start in enumerate(starts) if start <= offset)
        by_sentence[index].append(statement)
    best: dict[int, tuple[float, str, str]] = {}
    if extractor.classifier is not None:
        model = extractor.classifier
        for candidate in candidates(doc, ctx, text_type, Rules(ctx).run(doc)):
            index = starts.index(candidate.head.sent.start_char)
            for label, probability in model.probabilities(candidate.features).items():
                if probability > best.get(index, (-1.0, "", ""))[0]:
                    best[index] = (probability, label, candidate.holder)
    count = len(result.statements)
    lines = [
        f"{article.id}: {len(sentences)} sentences, {count} statement{'s' if count != 1 else ''}",
        "",
    ]
    for index, sentence in enumerate(sentences):
        lines.append(f"[{index + 1}] {' '.join(sentence.text.split())}")
        found = by_sentence.get(index, [])
        lines += [_statement_line(s) for s in found]
        if not found:
            lines.append(f"  - nothing: {_why_not(best.get(index), extractor)}")
        lines.append("")
    return "\n".join(lines)


def _why_not(guess: tuple[float, str, str] | None, extractor: Extractor) -> str:
    if guess is None:
        return "no actor who could hold a position (no subject, speaker or issuer)"
    probability, label, holder = guess
    if extractor.classifier is None:
        return f"no cue of the lexicon for {holder} (rules only)"
    threshold = extractor.classifier.threshold
    if probability < threshold:
        return (
            f"no cue of the lexicon; the classifier's best guess, {label} by {holder}, has "
            f"probability {probability:.2f}, below the threshold {threshold}"
        )
    return (
        f"{label} by {holder} (probability {probability:.2f}) was dropped: its target was its "
        "holder, or a pronoun with nothing before it to stand for"
    )
