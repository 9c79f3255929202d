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
    Links, parents, measures and block partners name entities by id and follow the new ids.
    """
    docs = list(extractions)
    # (document, old id) -> (id, name), per kind: one name may stand for two entities in
    # two documents ("Dezernat 20" of two parents)
    canonical: dict[str, dict[tuple[int, str], tuple[str, str]]] = {}
    for kind in ("organisations", "programmes"):
        groups: dict[str, list[tuple[int, Organisation | Programme]]] = {}
        owner: dict[str, str] = {}
        for i, doc in enumerate(docs):
            parents = {o.id: o.name for o in doc.organisations}
            for item in getattr(doc, kind):
                keys = [f"id:{item.id}", f"name:{_key(item, parents)}"]
                root = next((owner[k] for k in keys if k in owner), keys[0])
                groups.setdefault(root, []).append((i, item))
                for k in keys:
                    owner.setdefault(k, root)
        found = canonical[kind] = {}
        for members in groups.values():
            ids = Counter(m.id for _, m in members)
            names = Counter(m.name for _, m in members)
            best = (ids.most_common(1)[0][0], names.most_common(1)[0][0])
            for i, m in members:
                found[(i, m.id)] = best
    orgs_of, programmes_of = canonical["organisations"], canonical["programmes"]
    out = []
    for i, doc in enumerate(docs):

        def new_id(old: str, i: int = i) -> str:
            return (orgs_of.get((i, old)) or programmes_of.get((i, old)) or (old, ""))[0]

        orgs = tuple(
            replace(
                o,
                id=orgs_of[(i, o.id)][0],
                name=orgs_of[(i, o.id)][1],
                parent_id=new_id(o.parent_id) if o.parent_id else None,
                aliases=tuple(sorted({*o.aliases, o.name} - {orgs_of[(i, o.id)][1]})),
            )
            for o in doc.organisations
        )
        programmes = tuple(
            replace(
                p,
                id=programmes_of[(i, p.id)][0],
                name=programmes_of[(i, p.id)][1],
                aliases=tuple(sorted({*p.aliases, p.name} - {programmes_of[(i, p.id)][1]})),
            )
            for p in doc.programmes
        )
        links = tuple(
            replace(k, source_id=new_id(k.source_id), target_id=new_id(k.target_id))
            for k in doc.links
        )
        measures = tuple(replace(m, org_id=new_id(m.org_id)) for m in doc.measures)
        blocks = tuple(
            replace(
                b,
                partner_id=new_id(b.partner_id),
                partner=orgs_of.get((i, b.partner_id), ("", b.partner))[1],
            )
            if b.partner_id
            else b
            for b in doc.blocks
        )
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


def _key(item: Organisation | Programme, names: dict[str, str]) -> str:
    """The name key an entity is known by across documents: an organisation's grouping
    key, and a unit's together with its parent's (``names``: the document's organisation
    names by id; "Dezernat 20" of two Bezirksregierungen, "Integrationsbüro" of two towns
    are two nodes)."""
    if isinstance(item, Programme):
        return name_key(item.name)
    parent = names.get(item.parent_id) if item.parent_id else None
    return entity_key(item.name) + (f" < {entity_key(parent)}" if parent else "")
