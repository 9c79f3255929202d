"""Synergy effects: organisations that do not cooperate yet but would fit together.

Field of action 5 of the partner network is "Synergieeffekte durch Vernetzung"; this
module proposes such links and says why, so a coordinator can judge each proposal.
For two organisations without a direct link (and not two units of one parent, which
belong to one organisation) the score adds four signals:

====================  =====================================================  ======
signal                measure                                                weight
====================  =====================================================  ======
shared programmes     programmes/networks both take part in or signed        1.0 each
common partners       Adamic-Adar over COOPERATES_WITH (rare partners count   1.0
                      more than hubs)
similar measures      cosine of the measure profiles (fields of action and    1.0
                      measure types), counted from :data:`MIN_SIMILARITY` on
same place            both names point at the same town ("Stadt Duisburg",    0.5
                      "Jobcenter Duisburg"); skipped when a name has none
====================  =====================================================  ======

Every suggestion carries one German sentence per signal that contributed.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_nodes_from([("a", {"label": "Organisation", "name": "Stadt Essen"}),
...                   ("b", {"label": "Organisation", "name": "Jobcenter Essen"}),
...                   ("c", {"label": "Organisation", "name": "Verein C"}),
...                   ("p", {"label": "Programme", "name": "Charta"})])
>>> G.add_edge("a", "p", types="SIGNED"); G.add_edge("b", "p", types="SIGNED")
>>> G.add_edge("a", "c", types="COOPERATES_WITH")
>>> [(s.target_id, s.score) for s in synergies(G, {}, "a")]
[('b', 1.5)]
>>> synergies(G, {}, "a")[0].reasons
('Beide haben die Charta unterzeichnet', 'Beide sind in Essen ansässig')
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping

import networkx as nx

from .. import db
from ..errors import InputError, NotFound
from ..projection import (
    ORGANISATION,
    PROGRAMME,
    link_types_of,
    organisations_naming,
    similar_profiles,
    synergy_neighbourhood,
)
from ..records import SynergySuggestion
from ..schema import CATEGORIES
from ..settings import Settings
from ..statements import statement
from ..tables import number_de
from .german import both_phrase
from .measure_types import measure_type_labels
from .regions import region_of

__all__ = ["synergies", "synergies_for", "cosine", "MIN_SIMILARITY", "WEIGHTS"]

log = logging.getLogger(__name__)

MIN_SIMILARITY = 0.5
WEIGHTS = {"programme": 1.0, "partners": 1.0, "profile": 1.0, "region": 0.5}
_MEMBERSHIP = {"PARTICIPATES_IN", "SIGNED"}
_ORGANISATION = statement("analytics_organisation")


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two sparse vectors (0.0 when one is empty).

    >>> cosine({"x": 1, "y": 1}, {"x": 1})
    0.7071
    """
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return round(dot / (na * nb), 4) if na and nb else 0.0


def _shared(pa: Mapping[str, float], pb: Mapping[str, float], prefix: str) -> list[str]:
    """Profile keys with ``prefix`` both have, most measures first (ties by key)."""
    keys = [k for k in pa if k.startswith(prefix) and k in pb]
    return sorted(keys, key=lambda k: (-(pa[k] + pb[k]), k))


def _measures_reason(pa: Mapping[str, float], pb: Mapping[str, float], sim: float) -> str:
    """Which measures both report: the two leading measure types and fields of action."""
    labels = measure_type_labels()
    types = [f"„{labels.get(k[4:], k[4:])}“" for k in _shared(pa, pb, "typ:")[:2]]
    fields = [
        f"„{CATEGORIES[int(k[5:])]}“"
        for k in _shared(pa, pb, "feld:")[:2]
        if int(k[5:]) in CATEGORIES
    ]
    where = ("im Handlungsfeld " if len(fields) == 1 else "in den Handlungsfeldern ") + (
        " und ".join(fields)
    )
    text = f"Ähnliche Maßnahmen (Ähnlichkeit {number_de(sim, 2)})"
    if types:
        return text + ": bei beiden v. a. " + " und ".join(types) + (f" {where}" if fields else "")
    return text + (f", v. a. {where}" if fields else "")


def _names(G: nx.Graph, ids: list[str], limit: int = 3) -> str:
    names = sorted(G.nodes[i].get("name", i) for i in ids)
    text = ", ".join(names[:limit])
    return text + (f" und {len(names) - limit} weitere" if len(names) > limit else "")


class _Index:
    """Neighbourhoods computed once per graph: memberships, partners, places."""

    def __init__(self, G: nx.Graph) -> None:
        self.G = G
        self.orgs = sorted(n for n, d in G.nodes(data=True) if d.get("label") == ORGANISATION)
        self.members: dict[str, dict[str, str]] = {o: {} for o in self.orgs}
        self.partners: dict[str, set[str]] = {o: set() for o in self.orgs}
        self.linked: dict[str, set[str]] = {o: set() for o in self.orgs}
        self.family: dict[str, set[str]] = {o: set() for o in self.orgs}  # PART_OF ends
        for o in self.orgs:
            for n in G[o]:
                types = link_types_of(G, o, n)
                if G.nodes[n].get("label") == PROGRAMME and types & _MEMBERSHIP:
                    self.members[o][n] = (
                        "SIGNED"
                        if types == {"SIGNED"}
                        else ("PARTICIPATES_IN" if "SIGNED" not in types else "BOTH")
                    )
                elif G.nodes[n].get("label") == ORGANISATION:
                    self.linked[o].add(n)
                    if "PART_OF" in types:
                        self.family[o].add(n)
                    if "COOPERATES_WITH" in types:
                        self.partners[o].add(n)
        self.region = {o: region_of(G.nodes[o].get("name", "")) for o in self.orgs}


def _suggest(
    ix: _Index, profiles: Mapping[str, Mapping[str, float]], a: str, b: str
) -> SynergySuggestion | None:
    G, score, reasons = ix.G, 0.0, []
    for p in sorted(set(ix.members[a]) & set(ix.members[b]), key=lambda p: G.nodes[p]["name"]):
        kinds = {ix.members[a][p], ix.members[b][p]}
        relation = kinds.pop() if len(kinds) == 1 else "BOTH"
        reasons.append(both_phrase(relation, G.nodes[p]["name"], G.nodes[p].get("kind")))
        score += WEIGHTS["programme"]
    common = sorted(ix.partners[a] & ix.partners[b])
    if common:
        aa = sum(1.0 / math.log(len(ix.partners[z])) for z in common)
        score += WEIGHTS["partners"] * aa
        reasons.append(f"Gemeinsame Kooperationspartner: {_names(G, common)}")
    sim = cosine(profiles.get(a, {}), profiles.get(b, {}))
    if sim >= MIN_SIMILARITY:
        score += WEIGHTS["profile"] * sim
        reasons.append(_measures_reason(profiles[a], profiles[b], sim))
    if ix.region[a] and ix.region[a] == ix.region[b]:
        score += WEIGHTS["region"]
        reasons.append(f"Beide sind in {ix.region[a]} ansässig")
    if not reasons:
        return None
    return SynergySuggestion(
        source_id=a,
        target_id=b,
        target_name=G.nodes[b].get("name", b),
        score=round(score, 4),
        reasons=tuple(reasons),
    )


def _candidates(ix: _Index, profiles: Mapping[str, Mapping[str, float]], a: str) -> set[str]:
    """Organisations sharing anything with ``a``; the others would score 0."""
    G, out = ix.G, set[str]()
    for p in ix.members[a]:
        out.update(n for n in G[p] if n in ix.members and p in ix.members[n])
    for z in ix.partners[a]:
        out.update(ix.partners[z])
    if ix.region[a]:
        out.update(o for o in ix.orgs if ix.region[o] == ix.region[a])
    if profiles.get(a):
        out.update(
            o
            for o in ix.orgs
            if o in profiles and cosine(profiles[a], profiles[o]) >= MIN_SIMILARITY
        )
    out.discard(a)
    # linked pairs already work together; units of one parent belong to one organisation
    return {b for b in out - ix.linked[a] if not ix.family[a] & ix.family.get(b, set())}


def synergies(
    G: nx.Graph,
    profiles: Mapping[str, Mapping[str, float]],
    org_id: str | None = None,
    *,
    first: int = 10,
) -> list[SynergySuggestion]:
    """The ``first`` best-scoring unlinked organisation pairs, best first.

    With ``org_id``, pairs of that organisation (``source_id`` is always ``org_id``);
    without, all pairs, each reported once with the smaller id as ``source_id``. Ties
    are broken by the ids, so the result is reproducible.
    """
    if first < 1:
        raise InputError("first", f"must be at least 1, not {first}")
    ix = _Index(G)
    if org_id is not None and org_id not in ix.members:
        raise NotFound(f"keine Organisation mit der Kennung {org_id!r}")
    sources = [org_id] if org_id is not None else ix.orgs
    found = []
    for a in sources:
        for b in _candidates(ix, profiles, a):
            if org_id is None and b < a:
                continue
            s = _suggest(ix, profiles, a, b)
            if s is not None:
                found.append(s)
    found.sort(key=lambda s: (-s.score, s.source_id, s.target_id))
    return found[:first]


def synergies_for(
    org_id: str, *, first: int = 10, settings: Settings | None = None
) -> list[SynergySuggestion]:
    """Synergy suggestions for one organisation, read from Neo4j (API, pages, CLI).

    Raises :class:`~queries.errors.NotFound` for an id that is no organisation.
    """
    found = db.read(_ORGANISATION, settings, id=org_id)
    if not found:
        raise NotFound(f"keine Organisation mit der Kennung {org_id!r}")
    # only what the score of this organisation reads: the same answer as over the whole
    # projection (a test compares both), without reading the whole graph
    place = region_of(found[0]["name"] or "")
    also = organisations_naming(place, settings) if place else []
    profiles = similar_profiles(org_id, MIN_SIMILARITY - 0.01, settings)
    G = synergy_neighbourhood(org_id, [*also, *profiles], settings)
    return synergies(G, profiles, org_id, first=first)
