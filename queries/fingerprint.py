"""The whole graph as one comparable value: how a reload is proven to change nothing.

Why: equal counts of nodes and relationships say little; a reload that renamed an
organisation, doubled a quote inside an evidence list or moved a measure to another
category keeps every count. The fingerprint is every node (labels and properties) and every
relationship (type, its ends by label and id, properties) as sorted lines of text, plus a
digest of them, so two graphs compare equal only when they hold the same facts.

Properties that legitimately differ between two loads of the same data are named in
:data:`VOLATILE` and left out; nothing else is. Relationship ends are named by their ``id``
(every node of the graph model has one), not by Neo4j's internal ids, which differ between
two loads.

    fingerprint(settings) == fingerprint(settings)   # after a second `vielfalt load`

>>> node_line(["Organisation"], {"name": "Stadt A", "id": "stadt-a"})
'(Organisation {"id": "stadt-a", "name": "Stadt A"})'
>>> node_line(["Document"], {"id": "a.txt", "loaded_at": "2026-12-02T21:00", "revision": 3})
'(Document {"id": "a.txt"})'
>>> node_line(["Document"], {"id": "a.txt", "revision": -4})
'(Document {"hidden": true, "id": "a.txt"})'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import db
from .settings import Settings
from .statements import statement

__all__ = ["VOLATILE", "HIDDEN_BY", "Fingerprint", "fingerprint", "node_line"]

VOLATILE: Mapping[str, frozenset[str]] = {
    "Document": frozenset({"loaded_at", "revision"}),
    "Category": frozenset({"document_changes"}),
}
"""Properties left out, by node label or relationship type: ``Document.loaded_at`` is the
time of the document's last load, ``Document.revision`` counts its writes (a forced reload
adds one), ``Category.document_changes`` counts the documents' writes and removals
(docs/reliability.md, "Whole documents during a load"). Whether the document is hidden (a
negative revision: a write under way or interrupted) is a fact, though, and kept as
``hidden`` (:data:`HIDDEN_BY`)."""

HIDDEN_BY: Mapping[str, str] = {"Document": "revision"}
"""Label -> the counter whose negative value hides the node from readers."""

_NODES = statement("dump_nodes")
_RELATIONSHIPS = statement("dump_relationships")


@dataclass(frozen=True)
class Fingerprint:
    """Sorted node lines and relationship lines; equal graphs have equal fingerprints."""

    nodes: tuple[str, ...]
    relationships: tuple[str, ...]

    @property
    def digest(self) -> str:
        """A short stable hash of the whole fingerprint (for logs and benchmarks)."""
        text = "\n".join(self.nodes + ("",) + self.relationships)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def _props(
    labels: Sequence[str], props: Mapping[str, Any], volatile: Mapping[str, frozenset[str]]
) -> str:
    skip = frozenset().union(*(volatile.get(label, frozenset()) for label in labels))
    kept = {k: v for k, v in props.items() if k not in skip}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str)


def node_line(
    labels: Sequence[str],
    props: Mapping[str, Any],
    volatile: Mapping[str, frozenset[str]] = VOLATILE,
) -> str:
    """One node as text: sorted labels and its properties but the volatile ones (and
    ``hidden`` for a hidden document)."""
    counters = [HIDDEN_BY[label] for label in labels if label in HIDDEN_BY]
    if any((props.get(c) or 0) < 0 for c in counters):
        props = {**props, "hidden": True}
    return f"({':'.join(sorted(labels))} {_props(labels, props, volatile)})"


def _end(labels: Sequence[str], id_: Any) -> str:
    return f"({':'.join(sorted(labels))} {json.dumps(id_, ensure_ascii=False, default=str)})"


def fingerprint(
    settings: Settings | None = None, *, volatile: Mapping[str, frozenset[str]] = VOLATILE
) -> Fingerprint:
    """Read the whole graph (two statements) as a :class:`Fingerprint`."""
    nodes = sorted(node_line(r["labels"], r["props"], volatile) for r in db.read(_NODES, settings))
    rels = sorted(
        f"{_end(r['source_labels'], r['source'])}"
        f"-[{r['type']} {_props([r['type']], r['props'], volatile)}]->"
        f"{_end(r['target_labels'], r['target'])}"
        for r in db.read(_RELATIONSHIPS, settings)
    )
    return Fingerprint(tuple(nodes), tuple(rels))
