"""Small hand-made graphs written to Neo4j exactly as docs/graph-model.md describes them.

Why: analytics tests need graphs whose centralities and synergy scores can be checked by
hand, and demos need a graph before the corpus is loaded. The loaders write the real
corpus; this writer only knows the few properties the analytics read, and merges, so
writing the same sample twice changes nothing.

A link is ``(source, type, target)`` with the direction of the graph model
(organisation -> programme for ``PARTICIPATES_IN``/``SIGNED``); ``COOPERATES_WITH`` is
stored once from the smaller id to the larger, as the loaders do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .. import db
from ..errors import InputError
from ..schema import LINK_TYPES, Label, RelType
from ..settings import Settings
from ..statements import statement

__all__ = ["SampleGraph", "write_sample_graph", "EXAMPLE"]

_ENTITIES = statement("analytics_sample_entities")
_LINKS = statement("analytics_sample_links")
_MEASURES = statement("analytics_sample_measures")


@dataclass(frozen=True)
class SampleGraph:
    """``organisations``: (id, name, type); ``programmes``: (id, name, kind);
    ``links``: (source, type, target[, evidence count]); ``measures``: (org id, category,
    measure type or None)."""

    organisations: Sequence[tuple[str, str, str]] = ()
    programmes: Sequence[tuple[str, str, str]] = ()
    links: Sequence[tuple] = ()
    measures: Sequence[tuple[str, int, str | None]] = field(default_factory=tuple)


def _link_rows(links: Iterable[tuple]) -> list[dict]:
    rows = []
    allowed = {t.value for t in LINK_TYPES}
    for i, link in enumerate(links):
        source, kind, target = link[0], str(link[1]), link[2]
        count = int(link[3]) if len(link) > 3 else 1
        if kind not in allowed:
            raise InputError("sample graph", f"unknown link type {kind!r}", line=i + 1)
        if kind == RelType.COOPERATES_WITH and target < source:
            source, target = target, source
        for k in range(count):
            rows.append(
                {
                    "source": source,
                    "type": kind,
                    "target": target,
                    "doc": "sample",
                    "line": i * 100 + k + 1,
                    "quote": f"{source} {kind} {target}",
                }
            )
    return rows


def write_sample_graph(sample: SampleGraph, settings: Settings | None = None) -> None:
    """Merge the sample into the graph in one transaction (all of it or nothing)."""
    orgs = [{"id": i, "name": n, "type": t, "kind": None} for i, n, t in sample.organisations]
    progs = [{"id": i, "name": n, "type": None, "kind": k} for i, n, k in sample.programmes]
    links = _link_rows(sample.links)
    measures = [
        {
            "id": f"sample-{org}-{j}",
            "org_id": org,
            "title": f"Maßnahme {j}",
            "type": mtype,
            "category": cat,
            "doc": "sample",
            "line": j + 1,
        }
        for j, (org, cat, mtype) in enumerate(sample.measures)
    ]

    def work(tx) -> None:  # type: ignore[no-untyped-def]
        tx.run(_ENTITIES, label=Label.ORGANISATION.value, rows=orgs).consume()
        tx.run(_ENTITIES, label=Label.PROGRAMME.value, rows=progs).consume()
        tx.run(_LINKS, rows=links).consume()
        tx.run(_MEASURES, rows=measures).consume()

    db.execute(work, settings)


# Stadt Duisburg and Jobcenter Duisburg both signed the Charta and share partner Verein X
# (whose only partners they are), but do not cooperate: the top synergy pair.
# VHS Essen cooperates with Stadt Duisburg already; Verein Y stands alone.
EXAMPLE = SampleGraph(
    organisations=(
        ("stadt-duisburg", "Stadt Duisburg", "Kommune"),
        ("jobcenter-duisburg", "Jobcenter Duisburg", "Jobcenter"),
        ("verein-x", "Verein X", "Verein"),
        ("vhs-essen", "Volkshochschule Essen", "Sonstige"),
        ("verein-y", "Verein Y", "Verein"),
    ),
    programmes=(
        ("charta", "Charta der Vielfalt", "Charta"),
        ("iq", "IQ Netzwerk", "Netzwerk"),
    ),
    links=(
        ("stadt-duisburg", "SIGNED", "charta", 2),
        ("jobcenter-duisburg", "SIGNED", "charta"),
        ("vhs-essen", "PARTICIPATES_IN", "iq"),
        ("stadt-duisburg", "COOPERATES_WITH", "verein-x"),
        ("verein-x", "COOPERATES_WITH", "jobcenter-duisburg"),
        ("vhs-essen", "COOPERATES_WITH", "stadt-duisburg"),
    ),
    measures=(
        ("stadt-duisburg", 2, "intercultural-training"),
        ("jobcenter-duisburg", 2, "intercultural-training"),
        ("verein-y", 1, "job-ad-clause"),
    ),
)
