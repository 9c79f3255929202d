"""Small hand-made graphs for tests and synthetic large ones for benchmarks.

Tests need graphs whose right answers are known by hand; benchmarks need thousands of
nodes. Both are written with the same statements, shaped exactly as docs/graph-model.md
says, so the pages cannot tell them from loaded data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .db import write
from .errors import InputError
from .schema import CATEGORIES, LINK_TYPES, Label
from .settings import Settings
from .statements import statement

__all__ = ["SampleGraph", "write_sample", "synthetic_graph"]

_ENTITIES = statement("network_sample_entities")
_LINKS = statement("network_sample_links")
_MEASURES = statement("network_sample_measures")
_LABEL = {"org": Label.ORGANISATION.value, "prog": Label.PROGRAMME.value}
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


@dataclass
class SampleGraph:
    """Rows to write: organisations, programmes, links (``(src key, type, dst key, quote)``)
    and measures (``(org id, title, category)``)."""

    orgs: list[dict[str, object]] = field(default_factory=list)
    progs: list[dict[str, object]] = field(default_factory=list)
    links: list[tuple[str, str, str, str]] = field(default_factory=list)
    measures: list[tuple[str, str, int | None]] = field(default_factory=list)

    def org(self, id_: str, name: str, type_: str = "Kommune", *aliases: str) -> SampleGraph:
        self.orgs.append({"id": id_, "name": name, "type": type_, "aliases": list(aliases)})
        return self

    def prog(self, id_: str, name: str, kind: str = "Foerderprogramm") -> SampleGraph:
        self.progs.append({"id": id_, "name": name, "kind": kind, "aliases": []})
        return self

    def link(self, src: str, type_: str, dst: str, quote: str = "") -> SampleGraph:
        self.links.append((src, type_, dst, quote))
        return self

    def measure(self, org_id: str, title: str, category: int | None) -> SampleGraph:
        self.measures.append((org_id, title, category))
        return self


def _link_row(i: int, src: str, type_: str, dst: str, quote: str) -> dict[str, object]:
    if type_ not in LINK_TYPES:
        raise InputError("sample graph", f"unknown link type {type_!r}")
    (sk, _, sid), (tk, _, tid) = src.partition(":"), dst.partition(":")
    if sk not in _LABEL or tk not in _LABEL:
        raise InputError("sample graph", f"node keys must start with org: or prog: ({src}, {dst})")
    return {
        "source_label": _LABEL[sk],
        "source_id": sid,
        "type": type_,
        "target_label": _LABEL[tk],
        "target_id": tid,
        "docs": ["sample.txt"],
        "lines": [i + 1],
        "pages": [-1],
        "quotes": [quote or f"{sid} und {tid}"],
    }


def write_sample(sample: SampleGraph, settings: Settings | None = None, batch: int = 2000) -> None:
    """Write the sample into the (usually freshly cleared) graph; safe to run twice."""
    write(_ENTITIES, settings, orgs=sample.orgs, progs=sample.progs)
    rows = [_link_row(i, *lk) for i, lk in enumerate(sample.links)]
    for start in range(0, len(rows), batch):
        write(_LINKS, settings, rows=rows[start : start + batch])
    measures = [
        {
            "id": f"m-{org}-{i}",
            "org_id": org,
            "title": title,
            "type": None,
            "category": cat,
            "year": 2020 + i % 5,
            "doc": "sample.txt",
            "line": 1000 + i,
            "page": -1,
            "quote": f"{title}.",
        }
        for i, (org, title, cat) in enumerate(sample.measures)
    ]
    for start in range(0, len(measures), batch):
        write(_MEASURES, settings, rows=measures[start : start + batch])


def synthetic_graph(n_orgs: int, n_progs: int = 20, *, seed: int = 0) -> SampleGraph:
    """A clustered random network of roughly ``2 * n_orgs`` links, for benchmarks.

    >>> g = synthetic_graph(50, 5)
    >>> len(g.orgs), len(g.progs), len(g.links) > 50
    (50, 5, True)
    """
    rng = random.Random(seed)
    g = SampleGraph()
    for p in range(n_progs):
        g.prog(f"p{p}", f"Programm {p}")
    for o in range(n_orgs):
        g.org(f"o{o}", f"Organisation {o}", rng.choice(ORG_TYPES))
        g.measure(f"o{o}", f"Maßnahme {o}", rng.choice(list(CATEGORIES)))
    seen: set[tuple[str, str]] = set()
    for o in range(n_orgs):
        cluster = o % n_progs
        if rng.random() < 0.6:
            g.link(f"org:o{o}", "PARTICIPATES_IN", f"prog:p{cluster}")
        for _ in range(rng.choice((0, 1, 1, 2))):
            other = (
                rng.randrange(n_orgs)
                if rng.random() < 0.2
                else cluster + n_progs * rng.randrange(max(n_orgs // n_progs, 1))
            )
            a, b = sorted((o, min(other, n_orgs - 1)))
            if a != b and (f"o{a}", f"o{b}") not in seen:
                seen.add((f"o{a}", f"o{b}"))
                g.link(f"org:o{a}", "COOPERATES_WITH", f"org:o{b}")
    return g
