"""Apply coordinator corrections to an extraction, on every load.

Corrections (``queries.corrections``) name organisations by name or alias, so they keep
working when re-extraction changes line numbers. Merges run first, then renames and
retypes; links are renamed along and rejected or added last. A correction that names
nothing in this document changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from loaders.models import DocumentExtraction, Link, Measure, Organisation
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
    renamed: dict[str, str] = {}  # old canonical name -> new canonical name
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
            parent=(target or group[0]).parent,
            mentions=tuple(sorted({m for o in group for m in o.mentions})),
        )
        renamed.update({o.name: name for o in group})
        orgs = [o for o in orgs if o not in group] + [merged]
    for rename in corrections.renames:
        key = name_key(rename.name)
        for i, o in enumerate(orgs):
            if key in _names(o):
                kept = tuple(sorted(({*o.aliases, o.name}) - {rename.to}))
                orgs[i] = replace(o, name=rename.to, aliases=kept)
                renamed[o.name] = rename.to
    for retype in corrections.retypes:
        key = name_key(retype.name)
        orgs = [replace(o, type=retype.type) if key in _names(o) else o for o in orgs]

    def new(name: str) -> str:
        seen = set()
        while name in renamed and name not in seen:
            seen.add(name)
            name = renamed[name]
        return name

    orgs = [replace(o, parent=new(o.parent)) if o.parent else o for o in orgs]
    links = [replace(k, source=new(k.source), target=new(k.target)) for k in extraction.links]
    links = _fix_links(extraction.doc, links, corrections, new)
    measures = [replace(m, org=new(m.org)) for m in extraction.measures]
    fix = next((d for d in corrections.documents if d.doc == extraction.doc), None)
    return replace(
        extraction,
        title=fix.title if fix and fix.title else extraction.title,
        publisher=fix.publisher if fix and fix.publisher else extraction.publisher,
        year=fix.year if fix and fix.year else extraction.year,
        organisations=tuple(sorted(orgs, key=lambda o: o.id)),
        links=tuple(links),
        measures=tuple(measures),
        blocks=tuple(replace(b, partner=new(b.partner)) for b in extraction.blocks),
    )


def _same_link(link: Link, source: str, target: str, link_type: str) -> bool:
    ends = (name_key(link.source), name_key(link.target))
    wanted = (name_key(source), name_key(target))
    if link.type != link_type:
        return False
    return ends == wanted or (link_type == "COOPERATES_WITH" and ends == wanted[::-1])


def _fix_links(
    doc: str, links: list[Link], corrections: Corrections, new: Callable[[str], str]
) -> list[Link]:
    """Reject and add links; a fix may use names from before a merge or rename."""
    for fix in corrections.reject_links:
        if fix.doc in (None, doc):
            source, target = new(fix.source), new(fix.target)
            links = [k for k in links if not _same_link(k, source, target, fix.type)]
    for fix in corrections.add_links:
        source, target = new(fix.source), new(fix.target)
        # a link for every document is written once, as evidence of the curation document
        wanted_here = fix.doc == doc or (fix.doc is None and doc == CURATION_DOC)
        if wanted_here and not any(_same_link(k, source, target, fix.type) for k in links):
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


_ = Measure  # measures are renamed with their organisation above
