"""Graphs for tests and benchmarks, written by the production writer (``vielfalt load``'s).

Why: a test of the API, the pages or the analytics should run on a graph that the writer
users run could have left, so a change to the writer's statements shows up in those tests
too, and no second set of write statements can drift from the first. A :class:`SampleGraph`
collects hand-checkable facts (entities, links with evidence, measures, mentions) with
chainable methods; :meth:`SampleGraph.batches` turns them into one
:class:`loaders.load.batch.GraphBatch` per document, as :func:`loaders.load.batch.to_batch`
would for the reports the facts came from, and :func:`write_graph` writes those batches with
:func:`loaders.load.bulk.write_batches`. :func:`synthetic_graph` makes a seeded clustered network
of any size for the benchmarks and the larger tests.

What the writer does, the graph gets: a link's evidence is split by document (each document
adds its own entries, in document order), every document has a content hash, and an entity
that no document names is not kept. So an entity without a link, a measure or a mention is
given a mention in the graph's first document (line 1, its name as quote): a report named
it, which is how a real isolated organisation gets into the graph.

    >>> g = SampleGraph().organisation("b", "B").organisation("a", "A")
    >>> g = g.link("b", "COOPERATES_WITH", "a", ("d.pdf", 3, -1, "A und B."))
    >>> g.links[0]["source"], g.links[0]["target"], g.links[0]["lines"]
    ('a', 'b', [3])
    >>> [b.document["id"] for b in g.batches()], g.batches()[0].links[0]["source_id"]
    (['d.pdf'], 'a')
"""

from __future__ import annotations

import hashlib
import json
import random
from bisect import bisect
from dataclasses import dataclass, field, replace
from itertools import accumulate
from typing import Any

from loaders.load.batch import GraphBatch
from loaders.load.bulk import write_batches
from loaders.load.writer import WriteResult
from queries.schema import CATEGORIES, LINK_TYPES, Label, stored_direction
from queries.settings import Settings

__all__ = ["Evidence", "SampleGraph", "write_graph", "synthetic_graph"]

Evidence = tuple[str, int, int, str]
"""Where a fact was seen: (document id, 1-based line, page or -1, quote)."""

Row = dict[str, Any]


@dataclass
class SampleGraph:
    """Facts of a graph, in the shape of the writer's rows (docs/graph-model.md).

    Build it with the chainable methods; every link needs at least one piece of evidence.
    Documents named by evidence but not added get their id as title.
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
            raise ValueError(f"unknown link type {type_!r}")
        if not evidence:
            raise ValueError(f"link {source} {type_} {target} has no evidence")
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
        organisation has a report block in ``doc`` (spanning the named lines)."""
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

    def batches(self) -> list[GraphBatch]:
        """One writer batch per document: declared documents first, then the others in the
        order the facts name them."""
        labels = {r["id"]: Label.ORGANISATION for r in self.organisations}
        for r in self.programmes:
            labels.setdefault(r["id"], Label.PROGRAMME)
        rows = {r["id"]: r for r in self.programmes + self.organisations}
        out = _Batches(self.documents)
        for lk in self.links:
            sl, tl = _label(labels, lk["source"]), _label(labels, lk["target"])
            (sl, sid), (tl, tid) = stored_direction(
                lk["type"], (sl, lk["source"]), (tl, lk["target"])
            )
            for doc, line, page, quote in zip(
                lk["docs"], lk["lines"], lk["pages"], lk["quotes"], strict=True
            ):
                out.link(doc, sl, sid, lk["type"], tl, tid, (line, page, quote))
                out.touch(doc, sid, tid)
        for m in self.measures:
            if labels.get(m["org_id"]) is not Label.ORGANISATION:
                raise ValueError(f"measure {m['id']} names no declared organisation")
            out.of(m["doc"]).measures.append(dict(m))
            out.touch(m["doc"], m["org_id"])
        for m in self.mentions:
            out.mention(m, _label(labels, m["id"]), rows[m["id"]])
            out.touch(m["doc"], m["id"])
        for id_, row in rows.items():  # a report named it: else the writer would drop it
            if not out.touched(id_):
                doc = out.first_document()
                place = {"doc": doc, "id": id_, "lines": [1], "pages": [-1], "reported": False}
                out.mention({**place, "quotes": [row["name"]]}, labels[id_], row)
                out.touch(doc, id_)
        return out.finish(labels, rows)


def _label(labels: dict[str, Label], id_: str) -> Label:
    if id_ not in labels:
        raise ValueError(f"{id_!r} is neither a declared organisation nor a programme")
    return labels[id_]


class _Batches:
    """The rows of each document while :meth:`SampleGraph.batches` sorts facts into them."""

    def __init__(self, documents: list[Row]) -> None:
        self.titles = {d["id"]: d["title"] for d in documents}
        self.order: dict[str, GraphBatch] = {}
        self.entities: dict[str, list[str]] = {}  # document -> entity ids it names
        self.links: dict[str, dict[tuple[str, ...], Row]] = {}
        for d in documents:
            self.of(d["id"])

    def of(self, doc: str) -> GraphBatch:
        if doc not in self.order:
            self.order[doc] = GraphBatch(document={"id": doc})
            self.entities[doc] = []
            self.links[doc] = {}
        return self.order[doc]

    def first_document(self) -> str:
        return next(iter(self.order), "sample.txt")

    def touch(self, doc: str, *ids: str) -> None:
        self.of(doc)
        self.entities[doc] += [i for i in ids if i not in self.entities[doc]]

    def touched(self, id_: str) -> bool:
        return any(id_ in ids for ids in self.entities.values())

    def link(
        self,
        doc: str,
        sl: Label,
        sid: str,
        type_: str,
        tl: Label,
        tid: str,
        place: tuple[int, int, str],
    ) -> None:
        self.of(doc)
        row = self.links[doc].setdefault(
            (str(sl), sid, type_, str(tl), tid),
            {
                "source_label": str(sl),
                "source_id": sid,
                "type": type_,
                "target_label": str(tl),
                "target_id": tid,
                "docs": [],
                "lines": [],
                "pages": [],
                "quotes": [],
            },
        )
        row["docs"].append(doc)
        row["lines"].append(place[0])
        row["pages"].append(place[1])
        row["quotes"].append(place[2])

    def mention(self, m: Row, label: Label, entity: Row) -> None:
        batch = self.of(m["doc"])
        row = {k: m[k] for k in ("doc", "id", "lines", "pages", "quotes")}
        row["aliases"] = [a for a in entity["aliases"] if a != entity["name"]]
        if label is Label.PROGRAMME:
            batch.programme_mentions.append(row)
            return
        batch.org_mentions.append(row)
        if m["reported"]:
            batch.blocks.append(
                {
                    "doc": m["doc"],
                    "org_id": m["id"],
                    "categories": [0],
                    "starts": [min(m["lines"])],
                    "ends": [max(m["lines"])],
                }
            )

    def finish(self, labels: dict[str, Label], rows: dict[str, Row]) -> list[GraphBatch]:
        out = []
        for doc, batch in self.order.items():
            for id_ in self.entities[doc]:
                row = {**rows[id_], "aliases": list(rows[id_]["aliases"])}
                organisation = labels[id_] is Label.ORGANISATION
                (batch.organisations if organisation else batch.programmes).append(row)
            batch.links.extend(self.links[doc].values())
            content = json.dumps(
                [batch.organisations, batch.programmes, batch.org_mentions]
                + [batch.programme_mentions, batch.blocks, batch.measures, batch.links],
                sort_keys=True,
                ensure_ascii=False,
            )
            document = {
                "id": doc,
                "path": doc,
                "sha256": hashlib.sha256(content.encode()).hexdigest(),
                "title": self.titles.get(doc, doc),
            }
            out.append(replace(batch, document=document))
        return out


def write_graph(graph: SampleGraph, settings: Settings | None = None) -> list[WriteResult]:
    """Write ``graph`` as ``vielfalt load`` writes reports; writing it again changes nothing."""
    return write_batches(graph.batches(), settings)


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
