"""Write small, hand-checkable graphs (tests) and large synthetic ones (benchmarks).

The rows follow docs/graph-model.md exactly (keys, evidence lists, symmetric
``COOPERATES_WITH`` from the smaller id to the larger), so what the API reads from a sample
graph is what it reads from a loaded corpus. Rows are written in UNWIND batches.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from . import db
from .schema import RelType
from .settings import Settings
from .statements import statement

__all__ = ["SampleGraph", "link_row", "write_sample_graph"]

log = logging.getLogger(__name__)

_STATEMENTS = {
    "organisations": statement("api_sample_organisations"),
    "programmes": statement("api_sample_programmes"),
    "documents": statement("api_sample_documents"),
    "links": statement("api_curation_merge_links"),
    "new_links": statement("api_sample_links_new"),
    "measures": statement("api_sample_measures"),
    "mentions": statement("api_sample_mentions"),
}


def link_row(source: str, target: str, type_: RelType | str,
             evidence: Sequence[tuple[str, int, int, str]]) -> dict[str, Any]:
    """A link row with parallel evidence lists; symmetric links ordered smaller id first.

    >>> link_row("b", "a", "COOPERATES_WITH", [("d.pdf", 3, -1, "Satz")])["source"]
    'a'
    """
    kind = RelType(type_)
    if kind is RelType.COOPERATES_WITH and target < source:
        source, target = target, source
    return {
        "source": source, "target": target, "type": str(kind),
        "docs": [e[0] for e in evidence], "lines": [e[1] for e in evidence],
        "pages": [e[2] for e in evidence], "quotes": [e[3] for e in evidence],
    }


@dataclass
class SampleGraph:
    """Rows per statement; see the header of each ``api_sample_*.cypher`` for the fields."""

    organisations: list[dict[str, Any]] = field(default_factory=list)
    programmes: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def write_sample_graph(
    graph: SampleGraph,
    settings: Settings | None = None,
    *,
    batch_size: int = 5000,
    links_are_new: bool = False,
) -> None:
    """Write every row of ``graph`` (entities first, then what refers to them).

    ``links_are_new=True`` promises that the graph holds none of the links yet and that no
    (source, target, type) repeats: they are then CREATEd without looking for an existing
    link, which is what makes a 500k-link benchmark graph load in minutes rather than hours.
    """
    for name in ("organisations", "programmes", "documents", "links", "measures", "mentions"):
        rows = getattr(graph, name)
        stmt = _STATEMENTS["new_links" if name == "links" and links_are_new else name]
        t0 = time.perf_counter()
        for i, batch in enumerate(_batches(rows, batch_size)):
            db.write(stmt, settings, rows=batch)
            if i % 20 == 19:
                log.info("%s: %d rows written", name, (i + 1) * batch_size)
        if rows:
            secs = time.perf_counter() - t0
            log.info("%s: %d rows in %.1f s (%.0f rows/s)", name, len(rows), secs,
                     len(rows) / max(secs, 1e-9))
