"""Apply coordinator corrections to an extraction, on every load.

Corrections (``queries.corrections``) name organisations by name or alias, so they keep
working when re-extraction changes line numbers; the records they change name entities by
id, so a rename changes one name and a merge maps ids. Merges run first, then renames and
retypes; links follow the merges and are rejected or added last. A correction that names
nothing in this document changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from loaders.models import DocumentExtraction, Link, Organisation, Programme
from loaders.names import name_key, slugify
from queries.corrections import CURATION_DOC, Corrections

__all__ = ["apply_corrections"]


def _names(org: Organisation) -> set[str]:
    return {name_key(org.name), *(name_key(a) for a in org.aliases)}


def apply_corrections(
    extraction: DocumentExtraction, corrections: Corrections
) -> DocumentExtraction:
    """``extraction`` with ``corrections`` applied (a new record; the input is unchanged)."""
    orgs = list(extraction.organisations)
    merged_into: dict[str, str] = {}  # old id -> id of the organisation it was merged into
    for merge in corrections.merges:
        keys = {name_key(n) for n in (*merge.names, merge.into)}
        group = [o for o in orgs if _names(o) & keys]
        if not group:
            continue
        target = next((o for o in group if name_key(o.name) == name_key(merge.into)), None)
        name = target.name if target else merge.into
        aliases = {a for o in group for a in (o.name, *o.aliases)} - {name}
        merged = Organisation(
            id=target.id if target else slugify(name),
            name=name,
            type=(target or group[0]).type,
            aliases=tuple(sorted(aliases)),
            parent_id=(target or group[0]).parent_id,
            mentions=tuple(sorted({m for o in group for m in o.mentions})),
        )
        merged_into.update({o.id: merged.id for o in group})
        orgs = [o for o in orgs if o not in group] + [merged]
    for rename in corrections.renames:  # a rename keeps the id
        key = name_key(rename.name)
        for i, o in enumerate(orgs):
            if key in _names(o):
                kept = tuple(sorted(({*o.aliases, o.name}) - {rename.to}))
                orgs[i] = replace(o, name=rename.to, aliases=kept)
    for retype in corrections.retypes:
        key = name_key(retype.name)
        orgs = [replace(o, type=retype.type) if key in _names(o) else o for o in orgs]

    def new(old: str) -> str:
        seen = set()
        while old in merged_into and old not in seen:
            seen.add(old)
            old = merged_into[old]
        return old

    orgs = [replace(o, parent_id=new(o.parent_id)) if o.parent_id else o for o in orgs]
    links = [
        replace(k, source_id=new(k.source_id), target_id=new(k.target_id)) for k in extraction.links
    ]
    named = _ids_by_name(orgs, extraction.programmes)
    links = _fix_links(extraction.doc, links, corrections, named)
    measures = [replace(m, org_id=new(m.org_id)) for m in extraction.measures]
    names = {o.id: o.name for o in orgs}
    fix = next((d for d in corrections.documents if d.doc == extraction.doc), None)
    return replace(
        extraction,
        title=fix.title if fix and fix.title else extraction.title,
        publisher=fix.publisher if fix and fix.publisher else extraction.publisher,
        year=fix.year if fix and fix.year else extraction.year,
        organisations=tuple(sorted(orgs, key=lambda o: o.id)),
        links=tuple(links),
        measures=tuple(measures),
        blocks=tuple(
            replace(
                b, partner_id=new(b.partner_id), partner=names.get(new(b.partner_id), b.partner)
            )
            if b.partner_id
            else b
            for b in extraction.blocks
        ),
    )


def _ids_by_name(
    orgs: list[Organisation], programmes: tuple[Programme, ...]
) -> Callable[[str], str | None]:
    """The id a correction's name stands for: an organisation's name or alias (as the
    corrections left them, so a fix may use a name from before a merge or rename), else a
    programme's."""
    index: dict[str, str] = {}
    for p in programmes:
        for n in (p.name, *p.aliases):
            index.setdefault(name_key(n), p.id)
    for o in orgs:
        for n in (o.name, *o.aliases):
            index[name_key(n)] = o.id
    return lambda name: index.get(name_key(name))


def _same_link(link: Link, source: str, target: str, link_type: str) -> bool:
    ends = (link.source_id, link.target_id)
    if link.type != link_type:
        return False
    return ends == (source, target) or (link_type == "COOPERATES_WITH" and ends == (target, source))


def _fix_links(
    doc: str, links: list[Link], corrections: Corrections, id_of: Callable[[str], str | None]
) -> list[Link]:
    """Reject and add links; a fix names entities by name, and names nothing here when
    neither end is known in this document."""
    for fix in corrections.reject_links:
        source, target = id_of(fix.source), id_of(fix.target)
        if fix.doc in (None, doc) and source and target:
            links = [k for k in links if not _same_link(k, source, target, fix.type)]
    for fix in corrections.add_links:
        source, target = id_of(fix.source), id_of(fix.target)
        # a link for every document is written once, as evidence of the curation document
        wanted_here = fix.doc == doc or (fix.doc is None and doc == CURATION_DOC)
        if not (wanted_here and source and target):
            continue
        if not any(_same_link(k, source, target, fix.type) for k in links):
            links.append(
                Link(
                    source,
                    target,
                    fix.type,
                    fix.line or 1,
                    fix.evidence or "coordinator correction",
                )
            )
    return links
