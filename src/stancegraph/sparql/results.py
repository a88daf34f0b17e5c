"""SELECT results as one value type, whatever store answered, and their standard serialisations.

Every store converts its answer into :class:`Results` (rdflib terms), so that the same query gives
rows that compare equal across stores and one set of writers serves them all: SPARQL 1.1 Query
Results JSON, CSV and TSV, and a plain-text table for people.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from stancegraph.rdf_ntriples import term as ntriples_term

Value = URIRef | Literal | BNode
"""One bound value of a row."""


@dataclass(frozen=True, slots=True)
class Results:
    """The answer to a SELECT query: variable names and rows of terms (``None`` when unbound).

    Examples:
        >>> r = Results(("name",), ((Literal("Keir Starmer", lang="en"),), (None,)))
        >>> r.records()
        [{'name': 'Keir Starmer'}, {'name': None}]
        >>> r.to_csv().splitlines()
        ['name', 'Keir Starmer', '""']

    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Value | None, ...], ...]

    def __iter__(self) -> Iterator[tuple[Value | None, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts of plain Python values (IRIs as ``str``, typed literals converted)."""
        return [
            {name: python_value(value) for name, value in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]

    def normalised(self) -> Results:
        """The same results in a form to compare across stores.

        Language tags in lower case (BCP 47 tags ignore case; Oxigraph lowercases them), and
        decimals in one lexical form (Oxigraph stores ``"1.0"`` as ``"1"``).

        >>> Results(("c",), ((Literal("1.0", datatype=XSD.decimal),),)).normalised().rows
        ((rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')),),)
        """
        return Results(self.variables, tuple(tuple(map(_normalise, row)) for row in self.rows))

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON."""
        bindings = [
            {
                name: _json_term(value)
                for name, value in zip(self.variables, row, strict=True)
                if value is not None
            }
            for row in self.rows
        ]
        document = {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV: plain values, CRLF line ends as RFC 4180 says."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow(["" if v is None else _csv_value(v) for v in row])
        return buffer.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV: ``?var`` header, terms in Turtle/N-Triples syntax."""
        lines = ["\t".join(f"?{name}" for name in self.variables)]
        for row in self.rows:
            lines.append("\t".join("" if v is None else ntriples_term(v) for v in row))
        return "\n".join(lines) + "\n"

    def to_table(self) -> str:
        """A Markdown table of the values, for reading in a terminal or pasting into notes."""
        header = "| " + " | ".join(self.variables) + " |"
        lines = [header, "|" + "|".join("---" for _ in self.variables) + "|"]
        for row in self.rows:
            cells = ("" if v is None else str(v).replace("|", "\\|") for v in row)
            lines.append("| " + " | ".join(" ".join(c.split()) for c in cells) + " |")
        lines.append(f"({len(self.rows)} rows)")
        return "\n".join(lines) + "\n"


def python_value(value: Value | None) -> Any:
    """A term as a plain Python value: IRIs and blank nodes as ``str``, literals converted."""
    if value is None:
        return None
    if isinstance(value, Literal):
        converted = value.toPython()
        return str(value) if isinstance(converted, Literal) else converted
    return str(value)


def from_json_term(item: dict[str, str]) -> Value:
    """One binding of SPARQL 1.1 Query Results JSON as an rdflib term."""
    kind, value = item["type"], item["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in {"literal", "typed-literal"}:  # "typed-literal" is what SPARQL 1.0 servers send
        datatype = item.get("datatype")
        if "xml:lang" in item:
            return Literal(value, lang=item["xml:lang"])
        # RDF 1.1 servers may type plain strings as xsd:string; rdflib writes them without one.
        if datatype is None or datatype == str(XSD.string):
            return Literal(value)
        return Literal(value, datatype=URIRef(datatype))
    raise ValueError(f"unknown term type in SPARQL JSON results: {kind!r}")


def _json_term(value: Value) -> dict[str, str]:
    if isinstance(value, URIRef):
        return {"type": "uri", "value": str(value)}
    if isinstance(value, BNode):
        return {"type": "bnode", "value": str(value)}
    out = {"type": "literal", "value": str(value)}
    if value.language:
        out["xml:lang"] = value.language
    elif value.datatype is not None and value.datatype != XSD.string:
        out["datatype"] = str(value.datatype)
    return out


def _csv_value(value: Value) -> str:
    return f"_:{value}" if isinstance(value, BNode) else str(value)


def _normalise(value: Value | None) -> Value | None:
    if not isinstance(value, Literal):
        return value
    if value.language and value.language != value.language.lower():
        return Literal(str(value), lang=value.language.lower())
    if value.datatype == XSD.decimal:
        number = Decimal(str(value)).normalize()
        return Literal(f"{number:f}", datatype=XSD.decimal)
    return value


RESULT_FORMATS: MappingProxyType[str, Callable[[Results], str]] = MappingProxyType(
    {
        "table": Results.to_table,
        "csv": Results.to_csv,
        "tsv": Results.to_tsv,
        "json": Results.to_json,
    }
)
"""Writers of :class:`Results` by format name (the CLI's ``--format`` choices)."""
