"""Turn one document's extraction into the rows the writer's statements UNWIND.

Pure and database-free: everything the writer needs (ids, labels, evidence lists) is
decided here, so the Cypher stays a plain sequence of ``UNWIND ... MERGE``. Every row names
its document, so the rows of many documents can travel in one statement
(:mod:`loaders.load.bulk`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from queries.schema import LINK_TYPES, Label, stored_direction

from ..models import DocumentExtraction, Organisation, Programme
from ..names import slugify

__all__ = ["GraphBatch", "to_batch"]

Row = dict[str, Any]


@dataclass(frozen=True)
class GraphBatch:
    document: Row
    organisations: list[Row] = field(default_factory=list)
    programmes: list[Row] = field(default_factory=list)
    org_mentions: list[Row] = field(default_factory=list)
    programme_mentions: list[Row] = field(default_factory=list)
    blocks: list[Row] = field(default_factory=list)
    measures: list[Row] = field(default_factory=list)
    links: list[Row] = field(default_factory=list)


def _mention_rows(
    doc: str,
    entities: tuple[Organisation, ...] | tuple[Programme, ...],
    lines: tuple[str, ...],
    pages: dict[int, int],
) -> list[Row]:
    rows = []
    for e in entities:
        ls = sorted(set(e.mentions))
        if not ls:
            continue
        rows.append(
            {
                "doc": doc,
                "id": e.id,
                "lines": ls,
                "pages": [pages.get(n, -1) for n in ls],
                "quotes": [lines[n - 1].strip() if 0 < n <= len(lines) else "" for n in ls],
                "aliases": [a for a in e.aliases if a != e.name],  # leave with the document
            }
        )
    return rows


def to_batch(x: DocumentExtraction) -> GraphBatch:
    """Rows for the writer; the document's own lines supply the mention quotes."""
    text = x.text_lines
    label_of: dict[str, Label] = {p.id: Label.PROGRAMME for p in x.programmes}
    label_of.update({o.id: Label.ORGANISATION for o in x.organisations})

    orgs = [
        {
            "id": o.id,
            "name": o.name,
            "type": o.type,
            "aliases": list(o.aliases),
        }
        for o in x.organisations
    ]
    partner_ids = []
    for b in x.blocks:  # a partner heading always becomes an organisation
        pid = b.partner_id
        if pid is None or label_of.get(pid) is not Label.ORGANISATION:
            pid = slugify(b.partner)
        if pid not in label_of:
            label_of[pid] = Label.ORGANISATION
            orgs.append({"id": pid, "name": b.partner, "type": "Sonstige", "aliases": []})
        partner_ids.append(pid)
    progs = [
        {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "aliases": list(p.aliases),
        }
        for p in x.programmes
    ]

    blocks: dict[str, Row] = {}
    for b, pid in zip(x.blocks, partner_ids, strict=True):
        row = blocks.setdefault(
            pid,
            {
                "doc": x.doc,
                "org_id": pid,
                "categories": [],
                "starts": [],
                "ends": [],
            },
        )
        row["categories"].append(b.category if b.category is not None else 0)
        row["starts"].append(b.start)
        row["ends"].append(b.end)

    links: dict[tuple[str, str, str, str, str], Row] = {}
    for lk in x.links:
        if (
            lk.type not in LINK_TYPES
            or lk.source_id not in label_of
            or lk.target_id not in label_of
        ):
            continue
        (sl, sid), (tl, tid) = (
            (label_of[lk.source_id], lk.source_id),
            (label_of[lk.target_id], lk.target_id),
        )
        if sid == tid and sl == tl:
            continue
        (sl, sid), (tl, tid) = stored_direction(lk.type, (sl, sid), (tl, tid))
        key = (sl, sid, lk.type, tl, tid)
        row = links.setdefault(
            key,
            {
                "source_label": str(sl),
                "source_id": sid,
                "type": lk.type,
                "target_label": str(tl),
                "target_id": tid,
                "docs": [],
                "lines": [],
                "pages": [],
                "quotes": [],
                "years": [],
            },
        )
        row["docs"].append(x.doc)
        row["lines"].append(lk.line)
        row["pages"].append(lk.page if lk.page is not None else -1)
        row["quotes"].append(lk.evidence)
        row["years"].append(lk.year if lk.year is not None else -1)

    measures = []
    for m in x.measures:
        org_id = m.org_id
        if label_of.get(org_id) is not Label.ORGANISATION:
            continue
        mid = hashlib.sha1(f"{x.doc}|{m.line}|{org_id}|{m.title}".encode()).hexdigest()[:16]
        measures.append(
            {
                "id": mid,
                "org_id": org_id,
                "title": m.title,
                "type": m.type,
                "category": m.category,
                "year": m.year,
                "doc": x.doc,
                "line": m.line,
                "page": m.page if m.page is not None else -1,
                "quote": m.evidence or m.title,
            }
        )

    return GraphBatch(
        document={
            "id": x.doc,
            "path": x.path,
            "sha256": x.sha256,
            "title": x.title,
            "publisher": x.publisher,
            "year": x.year,
        },
        organisations=orgs,
        programmes=progs,
        org_mentions=_mention_rows(x.doc, x.organisations, text, x.line_pages),
        programme_mentions=_mention_rows(x.doc, x.programmes, text, x.line_pages),
        blocks=list(blocks.values()),
        measures=measures,
        links=list(links.values()),
    )
