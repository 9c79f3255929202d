"""Write small hand-checkable graphs (tests) and large synthetic ones (benchmarks).

Why: tests need graphs whose right answers can be read off the test file, benchmarks need
tens of thousands of nodes, and both must look to every reader exactly like a loaded corpus
(docs/graph-model.md: keys, evidence lists, ``COOPERATES_WITH`` stored once from the smaller
id to the larger, measures with their document and category). So there is one writer: a
:class:`SampleGraph` collects rows, :func:`write_sample_graph` writes them in UNWIND
batches (entities first, then what refers to them), and :func:`synthetic_graph` makes a
seeded clustered network of any size.

    >>> g = SampleGraph().organisation("b", "B").organisation("a", "A")
    >>> g = g.link("b", "COOPERATES_WITH", "a", ("d.pdf", 3, -1, "A und B."))
    >>> g.links[0]["source"], g.links[0]["target"], g.links[0]["lines"]
    ('a', 'b', [3])
"""

from __future__ import annotations

import logging
import random
import time
from bisect import bisect
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from . import db
from .errors import InputError
from .folding import refresh_search_text
from .schema import CATEGORIES, LINK_TYPES, stored_direction
from .settings import Settings
from .statements import statement

__all__ = ["Evidence", "SampleGraph", "write_sample_graph", "synthetic_graph"]

log = logging.getLogger(__name__)

Evidence = tuple[str, int, int, str]
"""Where a fact was seen: (document id, 1-based line, page or -1, quote)."""

Row = dict[str, Any]
_KINDS = ("organisations", "programmes", "documents", "links", "links_new", "measures", "mentions")
_STATEMENTS = {kind: statement(f"sample_{kind}") for kind in _KINDS}


@dataclass
class SampleGraph:
    """Rows per statement (see the header of each ``sample_*.cypher`` for their fields).

    Build it with the chainable methods; every link needs at least one piece of evidence.
    Documents named by measures or mentions but not added are written with their id as
    title.
    """

    organisations: list[Row] = field(default_factory=list)
    programmes: list[Row] = field(default_factory=list)
    documents: list[Row] = field(default_factory=list)
    links: list[Row] = field(default_factory=list)
    measures: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)

    def organisation(
        self, id_: str, name: str, type_: str = "Kommune", *aliases: str
    ) -> SampleGraph:
        self.organisations.append(
            {"id": id_, "name": name, "type": type_, "aliases": list(aliases)}
        )
        return self

    def programme(
        self, id_: str, name: str, kind: str = "Foerderprogramm", *aliases: str
    ) -> SampleGraph:
        self.programmes.append({"id": id_, "name": name, "kind": kind, "aliases": list(aliases)})
        return self

    def document(self, id_: str, title: str) -> SampleGraph:
        self.documents.append({"id": id_, "title": title})
        return self

    def link(self, source: str, type_: str, target: str, *evidence: Evidence) -> SampleGraph:
        """A typed link in the direction of the graph model, with its evidence."""
        if type_ not in LINK_TYPES:
            raise InputError("sample graph", f"unknown link type {type_!r}")
        if not evidence:
            raise InputError("sample graph", f"link {source} {type_} {target} has no evidence")
        source, target = stored_direction(type_, source, target)
        docs, lines, pages, quotes = (list(column) for column in zip(*evidence, strict=True))
        self.links.append(
            {
                "source": source,
                "target": target,
                "type": str(type_),
                "docs": docs,
                "lines": lines,
                "pages": pages,
                "quotes": quotes,
            }
        )
        return self

    def measure(
        self,
        id_: str,
        org_id: str,
        title: str,
        evidence: Evidence,
        *,
        category: int | None = None,
        type_: str | None = None,
        year: int | None = None,
    ) -> SampleGraph:
        doc, line, page, quote = evidence
        self.measures.append(
            {
                "id": id_,
                "org_id": org_id,
                "title": title,
                "type": type_,
                "category": category,
                "year": year,
                "doc": doc,
                "line": line,
                "page": page,
                "quote": quote,
            }
        )
        return self

    def mention(
        self, doc: str, id_: str, *places: tuple[int, int, str], reported: bool = False
    ) -> SampleGraph:
        """``doc`` names entity ``id_`` at ``places`` (line, page, quote); ``reported``: the
        organisation has a report block in ``doc``."""
        lines, pages, quotes = (list(column) for column in zip(*places, strict=True))
        self.mentions.append(
            {
                "doc": doc,
                "id": id_,
                "lines": lines,
                "pages": pages,
                "quotes": quotes,
                "reported": reported,
            }
        )
        return self


def write_sample_graph(
    graph: SampleGraph,
    settings: Settings | None = None,
    *,
    batch_size: int = 5000,
    links_are_new: bool = False,
) -> None:
    """Write every row of ``graph``; writing it twice changes nothing but ``loaded_at``.

    ``links_are_new=True`` promises that the database holds none of the links yet and that
    no (source, type, target) repeats: they are then CREATEd without looking for an existing
    link, which is what makes a 500k-link benchmark graph load in minutes rather than hours.
    """
    listed = {d["id"] for d in graph.documents}
    named = dict.fromkeys(r["doc"] for r in graph.measures + graph.mentions)
    documents = graph.documents + [{"id": d, "title": d} for d in named if d not in listed]
    for kind, rows in (
        ("organisations", graph.organisations),
        ("programmes", graph.programmes),
        ("documents", documents),
        ("links_new" if links_are_new else "links", graph.links),
        ("measures", graph.measures),
        ("mentions", graph.mentions),
    ):
        t0 = time.perf_counter()
        for start in range(0, len(rows), batch_size):
            db.write(_STATEMENTS[kind], settings, rows=rows[start : start + batch_size])
        if len(rows) > batch_size:
            secs = time.perf_counter() - t0
            log.info(
                "%s: %d rows in %.1f s (%.0f rows/s)",
                kind,
                len(rows),
                secs,
                len(rows) / max(secs, 1e-9),
            )
    ids = [r["id"] for r in graph.organisations + graph.programmes]
    for start in range(0, len(ids), batch_size):
        part = ids[start : start + batch_size]
        db.execute(lambda tx: refresh_search_text(tx, part), settings)  # noqa: B023 (runs now)


ORG_TYPES = (
    "Kommune",
    "Kreis",
    "Verein",
    "Wohlfahrtsverband",
    "Jobcenter",
    "Polizei",
    "Unternehmen",
    "Hochschule",
    "Stiftung",
    "Kammer",
)
CITIES = ("Köln", "Düsseldorf", "Duisburg", "Essen", "Münster", "Bielefeld", "Bonn", "Aachen")


def synthetic_graph(
    n_orgs: int,
    n_progs: int = 20,
    *,
    n_links: int | None = None,
    hub_exponent: float = 0.0,
    seed: int = 0,
) -> SampleGraph:
    """A seeded clustered network: ``n_orgs`` organisations ``org-000000``..., one measure
    each, and ``n_progs`` programmes ``prog-0000``..., one per cluster.

    Organisation ``o`` belongs to the cluster of programme ``o % n_progs`` and joins that
    programme with probability 0.6; in each round it then starts 0, 1, 1 or 2 cooperations
    (uniform choice), 80 % with its own cluster and 20 % with any organisation, chosen with
    weight ``1 / (o + 1) ** hub_exponent`` (0: uniformly; 0.8 makes hubs with thousands of
    partners). One round gives about 1.6 links per organisation; with ``n_links``, rounds
    repeat until exactly that many links exist (or a round adds none).

    >>> g = synthetic_graph(50, 5)
    >>> len(g.organisations), len(g.programmes), len(g.links) > 50
    (50, 5, True)
    >>> len(synthetic_graph(50, 5, n_links=120, hub_exponent=0.8).links)
    120
    """
    rng = random.Random(seed)
    g = SampleGraph()
    docs = [f"bericht-{d:04d}.pdf" for d in range(max(1, n_orgs // 100))]
    for d in docs:
        g.document(d, f"Bericht {d}")
    progs = [f"prog-{p:04d}" for p in range(n_progs)]
    for p, prog in enumerate(progs):
        g.programme(prog, f"Programm {p}")
    orgs = [f"org-{o:06d}" for o in range(n_orgs)]
    for o, org in enumerate(orgs):
        type_ = rng.choice(ORG_TYPES)
        g.organisation(org, f"{type_} {CITIES[o % len(CITIES)]} {o}", type_)
        where = (docs[o % len(docs)], 1 + o % 500, -1, f"Maßnahme {o}.")
        g.measure(
            f"m-{o:06d}",
            org,
            f"Maßnahme {o}",
            where,
            category=rng.choice(list(CATEGORIES)),
            year=2020 + o % 5,
        )

    def link(a: str, type_: str, b: str) -> None:
        i = len(g.links)
        g.link(a, type_, b, (docs[i % len(docs)], 1 + i % 500, -1, f"{a} und {b}"))

    cum = list(accumulate(1.0 / (o + 1) ** hub_exponent for o in range(n_orgs)))
    per_cluster = max(n_orgs // n_progs, 1)
    target = n_links if n_links is not None else float("inf")
    seen: set[tuple[int, int]] = set()
    first_round = True
    while True:
        before = len(g.links)
        for o in range(n_orgs):
            cluster = o % n_progs
            if first_round and rng.random() < 0.6:
                link(orgs[o], "PARTICIPATES_IN", progs[cluster])
            for _ in range(rng.choice((0, 1, 1, 2))):
                if rng.random() >= 0.2:
                    other = cluster + n_progs * rng.randrange(per_cluster)
                elif hub_exponent:
                    other = bisect(cum, rng.random() * cum[-1])
                else:
                    other = rng.randrange(n_orgs)
                a, b = sorted((o, min(other, n_orgs - 1)))
                if a != b and (a, b) not in seen:
                    seen.add((a, b))
                    link(orgs[a], "COOPERATES_WITH", orgs[b])
            if len(g.links) >= target:
                del g.links[n_links:]
                return g
        if n_links is None or len(g.links) == before:
            return g
        first_round = False
