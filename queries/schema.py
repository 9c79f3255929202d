"""The closed vocabulary of the graph: labels, relationship types, and the schema.

Labels and relationship types are never taken from user input: Cypher that needs one
picks it from these enums (see docs/graph-model.md for the model).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

__all__ = ["Label", "RelType", "LINK_TYPES", "CATEGORIES", "stored_direction"]


class Label(StrEnum):
    ORGANISATION = "Organisation"
    PROGRAMME = "Programme"
    MEASURE = "Measure"
    CATEGORY = "Category"
    DOCUMENT = "Document"


class RelType(StrEnum):
    # typed links between organisations and programmes, each with evidence arrays
    COOPERATES_WITH = "COOPERATES_WITH"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    SIGNED = "SIGNED"
    FUNDED_BY = "FUNDED_BY"
    PART_OF = "PART_OF"
    ORGANISED_BY = "ORGANISED_BY"
    # structure
    MENTIONS = "MENTIONS"  # (Document)-[:MENTIONS {lines, pages, quotes}]->(Organisation|Programme)
    REPORTED_IN = "REPORTED_IN"  # (Organisation)-[:REPORTED_IN {category,start,end}]->(Document)
    REPORTS = "REPORTS"  # (Organisation)-[:REPORTS]->(Measure)
    IN_CATEGORY = "IN_CATEGORY"  # (Measure)-[:IN_CATEGORY]->(Category)
    FROM_DOCUMENT = "FROM_DOCUMENT"  # (Measure)-[:FROM_DOCUMENT]->(Document)


LINK_TYPES: tuple[RelType, ...] = (
    RelType.COOPERATES_WITH,
    RelType.PARTICIPATES_IN,
    RelType.SIGNED,
    RelType.FUNDED_BY,
    RelType.PART_OF,
    RelType.ORGANISED_BY,
)

K = TypeVar("K")


def stored_direction(rel_type: str, source: K, target: K) -> tuple[K, K]:
    """Symmetric links are stored once, from the smaller key to the larger.

    >>> stored_direction("COOPERATES_WITH", "b", "a")
    ('a', 'b')
    >>> stored_direction("PART_OF", "b", "a")
    ('b', 'a')
    """
    if rel_type == RelType.COOPERATES_WITH and target < source:  # type: ignore[operator]
        return target, source
    return source, target


# the six fields of action of the NRW partner network (names shown to users, in German)
CATEGORIES: dict[int, str] = {
    1: "Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
    2: "Fortbildung / interkulturelle Kompetenz",
    3: "Chancengerechtigkeit und Teilhabe",
    4: "Evaluation, Dokumentation und Kommunikation",
    5: "Synergieeffekte durch Vernetzung",
    6: "Weitere Maßnahmen",
}
