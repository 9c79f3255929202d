"""Cross-document resolution: one id and one canonical name per entity in every document.

Each document is resolved on its own (:mod:`loaders.resolve.entities`); the graph needs the same
organisation to carry the same id everywhere, so the groups are joined here by shared id
or normalised name, and links, parents, measures and block partners follow the new names.
Organisations are compared by the key that groups them inside a document: with and
without the legal form, a head in its short form ("Multikulturelles Forum e. V." in one
report, "Multikulturelles Forum" in another; "IHK Köln" and "Industrie- und
Handelskammer Köln").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from loaders.models import DocumentExtraction, Organisation, Programme
from loaders.names import name_key
from loaders.resolve.keys import entity_key

__all__ = ["resolve_across"]


def resolve_across(extractions: Iterable[DocumentExtraction]) -> tuple[DocumentExtraction, ...]:
    """Give one real entity the same id and canonical name in every document.

    Organisations (and programmes) of different documents are the same entity when they
    share an id or a normalised name; the group takes the id and name used most often.
    Links, parents, measures and block partners follow the new names.
    """
    docs = list(extractions)
    # (kind, document, name) -> (id, name): one name may stand for two entities in two
    # documents ("Dezernat 20" of two parents)
    canonical: dict[tuple[str, int, str], tuple[str, str]] = {}
    for kind in ("organisations", "programmes"):
        groups: dict[str, list[tuple[int, Organisation | Programme]]] = {}
        owner: dict[str, str] = {}
        for i, doc in enumerate(docs):
            for item in getattr(doc, kind):
                keys = [f"id:{item.id}", f"name:{_key(item)}"]
                root = next((owner[k] for k in keys if k in owner), keys[0])
                groups.setdefault(root, []).append((i, item))
                for k in keys:
                    owner.setdefault(k, root)
        for members in groups.values():
            ids = Counter(m.id for _, m in members)
            names = Counter(m.name for _, m in members)
            best = (ids.most_common(1)[0][0], names.most_common(1)[0][0])
            for i, m in members:
                canonical[(kind, i, m.name)] = best
    out = []
    for i, doc in enumerate(docs):

        def org_name(name: str | None, kind: str = "organisations", i: int = i) -> str | None:
            return None if name is None else canonical.get((kind, i, name), ("", name))[1]

        def any_name(name: str, i: int = i) -> str:
            return (
                canonical.get(("organisations", i, name))
                and org_name(name)
                or org_name(name, "programmes")
                or name
            )

        orgs = tuple(
            replace(
                o,
                id=canonical[("organisations", i, o.name)][0],
                name=org_name(o.name) or o.name,
                parent=org_name(o.parent),
                aliases=tuple(sorted({*o.aliases, o.name} - {org_name(o.name)})),
            )
            for o in doc.organisations
        )
        programmes = tuple(
            replace(
                p,
                id=canonical[("programmes", i, p.name)][0],
                name=org_name(p.name, "programmes") or p.name,
                aliases=tuple(sorted({*p.aliases, p.name} - {org_name(p.name, "programmes")})),
            )
            for p in doc.programmes
        )
        links = tuple(
            replace(k, source=any_name(k.source), target=any_name(k.target)) for k in doc.links
        )
        measures = tuple(replace(m, org=any_name(m.org)) for m in doc.measures)
        blocks = tuple(replace(b, partner=any_name(b.partner)) for b in doc.blocks)
        out.append(
            replace(
                doc,
                organisations=orgs,
                programmes=programmes,
                links=links,
                measures=measures,
                blocks=blocks,
            )
        )
    return tuple(out)


def _key(item: Organisation | Programme) -> str:
    """The name key an entity is known by across documents: an organisation's grouping
    key, and a unit's together with its parent's ("Dezernat 20" of two Bezirksregierungen,
    "Integrationsbüro" of two towns are two nodes)."""
    if isinstance(item, Programme):
        return name_key(item.name)
    parent = f" < {entity_key(item.parent)}" if item.parent else ""
    return entity_key(item.name) + parent
