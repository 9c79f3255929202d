"""Entity resolution: one canonical organisation or programme per real-world entity.

Within a document, mentions are grouped by a key: the reference id when the name (or
its cue-word form) is a known alias, else the normalisation key of the name with public
head words unified ("Polizei Dortmund" = "Polizeipräsidium Dortmund"). Units ("Referat
Migration") are keyed under their parent, so two partners' "Dezernat 11" stay apart;
generic names of the reporting partner's own family ("ASB", "Caritas" inside the
Caritasverband's report) resolve to the partner. :func:`resolve_across` then gives the
same entity the same id and name in every document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from loaders.clean.textstream import TextStream
from loaders.learn.places import is_town, places
from loaders.mentions.patterns import Mention, normalise_org_name, org_type_of
from loaders.mentions.shared_heads import SHARED_HEAD_ORIGIN
from loaders.models import Block
from loaders.names import clean_name, is_abbreviation, name_key, slugify
from loaders.reference import (
    OrganisationRef,
    ProgrammeRef,
    Reference,
    state_names,
    state_short_forms,
)
from loaders.resolve.across import resolve_across  # re-exported
from loaders.resolve.heads import generic_heads, municipal_heads, state_government_keys
from loaders.resolve.keys import (  # entity_key re-exported
    entity_key,
    spelled_out,
    without_legal_form,
)
from loaders.resolve.variants import (
    is_initials,
    join_fuller_names,
    join_named_without_town,
    join_same_words,
    join_short_forms,
    join_units_named_alone,
    own_words,
    take_into,
)

__all__ = [
    "Entity",
    "ResolvedDocument",
    "resolve_document",
    "resolve_across",
    "reference_index",
    "entity_key",
    "entity_id",
    "own_name",
]

#: Folded name or abbreviation -> the reference entry it names (:func:`reference_index`).
Index = dict[str, OrganisationRef | ProgrammeRef]


@dataclass
class Entity:
    key: str
    kind: str  # "org" | "programme"
    type: str
    ref_id: str | None = None
    parent_key: str | None = None
    names: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    lines: set[int] = field(default_factory=set)
    canonical: str = ""
    listed: bool = False  # named in a participants list


@dataclass(frozen=True)
class ResolvedDocument:
    entities: dict[str, Entity]
    mentions: tuple[tuple[Mention, str, int], ...]  # mention, entity key, line
    block_partners: tuple[str | None, ...]  # entity key of each block's partner
    subject: str | None  # entity key of the document's reporting organisation
    # where each speaker's turn starts in a transcript, and the speaker's organisation
    # (loaders.resolve.speakers); None for a turn of no introduced speaker
    turns: tuple[tuple[int, str | None], ...] = ()

    def subject_at(self, offset: int) -> str | None:
        """Who speaks at ``offset`` outside the blocks: the organisation of the speaker whose
        turn it is, else the document's reporting organisation."""
        if not self.turns:  # all but transcripts
            return self.subject
        at = bisect_right([start for start, _ in self.turns], offset) - 1
        speaker = self.turns[at][1] if at >= 0 else None
        return speaker if speaker is not None else self.subject

    def id_of(self, key: str) -> str:
        """The id the entity of ``key`` carries from resolution on (:func:`entity_id`)."""
        return entity_id(self.entities[key], self.entities)


_NUMBER_NOTE = re.compile(r"\s*\(.*")  # "Dezernat 11 (Personal)" is keyed as "Dezernat 11"
_INDEX: dict[int, tuple[Reference, dict[str, OrganisationRef | ProgrammeRef]]] = {}


def reference_index(reference: Reference) -> Index:
    """Normalisation key of every reference name, alias and abbreviation -> entry."""
    cached = _INDEX.get(id(reference))
    if cached is None or cached[0] is not reference:
        index: dict[str, OrganisationRef | ProgrammeRef] = {}
        items: tuple[OrganisationRef | ProgrammeRef, ...] = (
            *reference.programmes,
            *reference.organisations,
        )
        for item in items:
            for alias in (item.name, *item.aliases):
                index.setdefault(name_key(alias), item)
            for abbreviation in item.abbreviations:  # exact: "IKOE" is not "LaKI"
                index.setdefault(abbreviation_key(abbreviation), item)
        cached = (reference, index)
        _INDEX[id(reference)] = cached
    return cached[1]


def abbreviation_key(text: str) -> str:
    """Exact key of a short form (OCR's l for I folded); folded name keys would let
    "IKOE" and "LaKI" collide."""
    return "=" + text.strip().replace("l", "I")


def _index_get(index: Index, text: str) -> OrganisationRef | ProgrammeRef | None:
    if is_abbreviation(text.strip()):
        return index.get(abbreviation_key(text))
    return index.get(name_key(text))


_TOWN_HEAD = re.compile(r"^(?:Stadt|Gemeinde|Landeshauptstadt)\s+")


def qualified(head: str, owner: str) -> str:
    """A generic head named after its owner: "Jobcenter Dortmund" (a town's own is named
    by the town), "Kommunales Integrationszentrum Kreis Lippe".

    >>> qualified("Jobcenter", "Stadt Dortmund")
    'Jobcenter Dortmund'
    """
    return f"{head} {_TOWN_HEAD.sub('', owner)}"


# heads of public bodies that are named after the town or county they serve ("Jobcenter
# Dortmund", "Polizeipräsidium Dortmund"), and the owners that have them
_PLACE_OWNERS = frozenset({"Kommune", "Kreis"})
_PUBLIC_HEAD_TYPES = _PLACE_OWNERS | {"Jobcenter", "Bezirksregierung", "Polizei", "Bundesbehoerde"}


def _may_own(head: str, owner: Entity) -> bool:
    """Whether a bare generic head in ``owner``'s report is ``owner``'s own one: a town or
    county has its own Jobcenter, police or administration, named after it; "die
    Bezirksregierung" or "das Jobcenter" in the report of an association, a firm or a
    school is not the association's ("Bezirksregierung Arbeiter-Samariter-Bund …" was
    made of it) and names no one in particular.

    >>> _may_own("Bezirksregierung", Entity("k", "org", "Verein"))
    False
    >>> _may_own("Jobcenter", Entity("k", "org", "Kommune"))
    True
    >>> _may_own("Integrationsagentur", Entity("k", "org", "Wohlfahrtsverband"))
    True
    """
    public = org_type_of(head) in _PUBLIC_HEAD_TYPES or head in municipal_heads()
    return not public or owner.type in _PLACE_OWNERS


def _lookup(index: Index, mention: Mention) -> OrganisationRef | ProgrammeRef | None:
    if mention.ref_id is not None:
        return None
    named = mention.origin == _NAMED_HEAD
    for text in (mention.name,) if named else (mention.surface, mention.name):
        hit = _index_get(index, text)
        if hit is not None:
            return hit
    if mention.abbreviation:
        hit = index.get(abbreviation_key(mention.abbreviation))
        if hit is not None and _shares_a_name_word(hit.name, mention.name):
            return hit
    return None


_LONG_WORD = re.compile(r"[A-ZÄÖÜ][\wäöüß-]{7,}")


def _shares_a_name_word(known: str, found: str) -> bool:
    """A name the text defines with a known entry's abbreviation is that entry when the
    two share a long name word, whatever their case and word order ("der Landesweiten
    Koordinierungsstelle der Kommunalen Integrationszentren (LaKI)"): an abbreviation
    alone may stand for two organisations.

    >>> _shares_a_name_word("Landesweite Koordinierungsstelle Kommunale Integrationszentren",
    ...                     "Landesweiten Koordinierungsstelle der Kommunalen Integrationszentren")
    True
    >>> _shares_a_name_word("Bundesagentur für Arbeit", "Bezirksamt Mitte")
    False
    """
    stems = {w[:8].casefold() for w in _LONG_WORD.findall(known)}
    return any(w[:8].casefold() in stems for w in _LONG_WORD.findall(found))


_NAMED_HEAD = "named_head"  # a bare generic head read as the one organisation of that head


def _bare_heads_to_named(
    mentions: Sequence[Mention], heads: dict[str, str], subject: str | None = None
) -> list[Mention]:
    """In a text without partner reports, a bare generic head ("die Agentur für Arbeit",
    "das Jobcenter") in a text that names exactly one organisation of that head ("die
    Agentur für Arbeit Flensburg") is that organisation, not the federal agency or no one
    (its surface is then no key into the reference: ``_NAMED_HEAD``). In the report of an
    organisation of that head ("die Bezirksregierung" in the Bezirksregierung's own report)
    the bare head is the reporter, as :func:`resolve_document` decides.

    >>> from loaders.mentions.patterns import Mention
    >>> named = Mention("org", "Jobcenter Oberhavel", "Jobcenter Oberhavel", 0, 19, "Jobcenter")
    >>> bare = Mention("org", "Jobcenter", "Jobcenter", 40, 49, "Jobcenter")
    >>> [m.name for m in _bare_heads_to_named([named, bare], generic_heads())]
    ['Jobcenter Oberhavel', 'Jobcenter Oberhavel']
    """

    own = name_key(subject) if subject else ""

    def surface_key(m: Mention) -> str:
        return name_key(normalise_org_name(clean_name(m.surface)))

    def head_of(m: Mention) -> str | None:  # the head's key, for its short form too
        key = surface_key(m)
        head = name_key(heads[key]) if key in heads else None
        return head if head is not None and not own.startswith(head) else None

    named: dict[str, set[str]] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.kind not in ("org", "unit") or name_key(m.name) in heads:
            continue
        for key in (name_key(m.name), surface_key(m)):
            for h in heads:
                if key.startswith(h + " "):
                    named.setdefault(h, set()).add(name_key(m.name))
                    first.setdefault(h, m)
    out = []
    for m in mentions:
        head = head_of(m) if m.kind in ("org", "unit") else None
        q = first.get(head) if head is not None else None
        if head is not None and q is not None and len(named[head]) == 1 and not m.parent:
            m = m.with_(
                kind=q.kind,
                name=q.name,
                ref_id=q.ref_id,
                type=q.type,
                parent=q.parent,
                origin=_NAMED_HEAD,
            )
        out.append(m)
    return out


_STATE_BODY = re.compile(r"^(?:Land|Freistaat)\s+\S")


def _government_of_the_named_state(mentions: Sequence[Mention], index: Index) -> list[Mention]:
    """ "Die Landesregierung" in a text that names one Land as a body ("vom Land
    Niedersachsen gefördert") is that Land, not the entry the reference data gives the
    bare word (North Rhine-Westphalia's government, in a text from Lower Saxony).

    >>> land = Mention("org", "Land Niedersachsen", "Land Niedersachsen", 0, 18, "Landesbehoerde")
    >>> bare = Mention("org", "Landesregierung Nordrhein-Westfalen", "Landesregierung", 30, 45,
    ...                "Landesbehoerde", ref_id="landesregierung-nrw", origin="reference")
    >>> [m.name for m in _government_of_the_named_state([land, bare], {})]
    ['Land Niedersachsen', 'Land Niedersachsen']
    """
    states = {m.name: m for m in mentions if m.kind == "org" and _STATE_BODY.match(m.name)}
    if len(states) != 1:
        return list(mentions)
    state = next(iter(states.values()))
    known = _index_get(index, state.name)  # "Land Nordrhein-Westfalen": the entry itself
    words = state_government_keys()
    out = []
    for m in mentions:
        bare = name_key(clean_name(m.surface)) in words
        if bare and m.ref_id is not None and (known is None or known.id != m.ref_id):
            m = m.with_(name=state.name, type=state.type, ref_id=None, origin=_NAMED_HEAD)
        out.append(m)
    return out


def _states_in(text: str) -> set[str]:
    """The Länder ``text`` names (one name for "NRW" and "Nordrhein-Westfalen")."""
    return {state_short_forms().get(s, s) for s in state_names() if s in text}


def _without_an_unnamed_states_bodies(
    mentions: Sequence[Mention], index: Index, text: str
) -> list[Mention]:
    """A reference entry of one Land's body ("Landesregierung Nordrhein-Westfalen") read
    from words that name no Land ("die Landesregierung", "das Integrationsministerium") is
    not that body in a text that names other Länder but not that one: in a report from
    Rhineland-Palatinate the words mean its own government, which the reference data does
    not hold; another body's words ("Paritätischer Wohlfahrtsverband") name it as the text
    does. A text that names no Land is left to the reference data.

    >>> bare = Mention("org", "Landesregierung Nordrhein-Westfalen", "Landesregierung", 4, 19,
    ...                "Landesbehoerde", ref_id="landesregierung-nrw", origin="reference")
    >>> from loaders.reference import load_reference
    >>> index = reference_index(load_reference())
    >>> text = "In Sachsen-Anhalt zahlt die Landesregierung"
    >>> [m.name for m in _without_an_unnamed_states_bodies([bare], index, text)]
    []
    >>> len(_without_an_unnamed_states_bodies([bare], index, "Die Landesregierung (NRW)"))
    1
    """
    named = _states_in(text)
    if not named:
        return list(mentions)
    out = []
    for m in mentions:
        entry = (
            _index_get(index, m.name) if m.ref_id is not None and m.kind != "programme" else None
        )
        if entry is not None and entry.id == m.ref_id:
            own = _states_in(entry.name)
            if own and not _states_in(m.surface):
                if not own & named:
                    if name_key(clean_name(m.surface)) in state_government_keys():
                        continue  # "die Landesregierung": no body of its own
                    name = normalise_org_name(clean_name(m.surface))
                    m = m.with_(name=name, ref_id=None, type=org_type_of(name), origin=_NAMED_HEAD)
        out.append(m)
    return out


def _named_subject(
    mentions: Sequence[Mention], heads: dict[str, str], subject: str | None
) -> str | None:
    """The reporter named by a bare generic head ("die Bezirksregierung", named most often)
    is the one organisation of that head the text names ("Umsetzungsbericht der
    Bezirksregierung Arnsberg"): else the bare head became an organisation of its own
    beside it.

    >>> from loaders.mentions.patterns import Mention
    >>> named = Mention("org", "Jobcenter Oberhavel", "Jobcenter Oberhavel", 0, 19, "Jobcenter")
    >>> _named_subject([named], generic_heads(), "Jobcenter")
    'Jobcenter Oberhavel'
    """
    head = name_key(subject) if subject else ""
    if head not in heads:
        return subject
    named = {
        name_key(m.name): m.name
        for m in mentions
        if m.kind == "org" and name_key(m.name).startswith(head + " ")
    }
    return next(iter(named.values())) if len(named) == 1 else subject


def _placed(name: str) -> bool:
    """A unit-shaped name that ends in a town ("Kommunales Integrationszentrum Köln") is
    that town's, not a unit of the report's partner.

    >>> _placed("Kommunales Integrationszentrum Köln"), _placed("Referat Integration")
    (True, False)
    """
    words = name.split()
    for size in (3, 2, 1):
        if len(words) > size and tuple(words[-size:]) in places().get(words[-size], ()):
            return True
    return False


def _family_of(partner_name: str, mention: Mention) -> bool:
    """True when a generic name ("ASB", "Caritas") belongs to the partner's own family; a
    name that goes on with words the partner's lacks names another member of it ("die
    Bezirksregierung Köln" in the report of the Bezirksregierung Düsseldorf).

    >>> m = Mention("org", "Caritas", "Caritas", 0, 7, "Verein")
    >>> _family_of("Caritasverband Köln e. V.", m)
    True
    >>> m = Mention("org", "Bezirksregierung Köln", "Bezirksregierung Köln", 0, 21, "Behoerde")
    >>> _family_of("Bezirksregierung Düsseldorf", m)
    False
    """
    first = partner_name.split()[0].casefold() if partner_name else ""
    own = set(partner_name.casefold().split())
    words = [w.split() for w in (mention.surface, mention.name) if w]
    return bool(first) and any(
        first.startswith(w[0].casefold()) and {x.casefold() for x in w[1:]} <= own for w in words
    )


def resolve_document(
    stream: TextStream,
    mentions: list[Mention],
    blocks: tuple[Block, ...],
    reference: Reference,
    subject_name: str | None = None,
) -> ResolvedDocument:
    """Group ``mentions`` into entities; units get their parent from the text or the block."""
    index = reference_index(reference)
    heads = generic_heads()
    mentions = _government_of_the_named_state(mentions, index)
    mentions = _without_an_unnamed_states_bodies(mentions, index, stream.text)
    if not blocks:
        subject_name = _named_subject(mentions, heads, subject_name)
        mentions = _bare_heads_to_named(mentions, heads, subject_name)
    entities: dict[str, Entity] = {}
    block_starts = [b.start for b in blocks]

    def add(
        key: str,
        kind: str,
        type_: str,
        name: str,
        line: int,
        ref_id: str | None = None,
        alias: str | None = None,
    ) -> Entity:
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = Entity(key, kind, type_, ref_id)
        entity.names[name] += 1
        entity.aliases.update(a for a in (name, alias) if a)
        if line:
            entity.lines.add(line)
        return entity

    def key_of_name(name: str, line: int = 0) -> str:
        hit = _index_get(index, name)
        if hit is not None:
            add(
                "ref:" + hit.id,
                *_kind_of(hit),
                hit.name,
                line,
                hit.id,
                name,
            )
            return "ref:" + hit.id
        name = normalise_org_name(name)
        key = entity_key(name)
        add(key, "org", org_type_of(name), name, line)
        return key

    partner_keys = tuple(key_of_name(b.partner, b.end) if b.partner else None for b in blocks)
    # each block's partner as ``partner_keys[blocks.index(block)]`` gives it (the first equal
    # block's), looked up once: ``index`` compares block after block for every mention
    first_equal: dict[Block, int] = {}
    for i, b in enumerate(blocks):
        first_equal.setdefault(b, i)
    block_partner = [partner_keys[first_equal[b]] for b in blocks]
    subject = key_of_name(subject_name) if subject_name else None
    resolved: list[tuple[Mention, str, int]] = []
    for m in mentions:
        line = stream.line_at(m.start)
        at = bisect_right(block_starts, line) - 1
        block = blocks[at] if at >= 0 and blocks[at].start <= line <= blocks[at].end else None
        partner = block_partner[at] if block is not None else None
        hit = _lookup(index, m)
        ref_id = m.ref_id or (hit.id if hit is not None else None)
        head = heads.get(name_key(m.name)) if m.kind == "org" else None
        if head is not None:
            owner = partner or subject
            if owner is None or owner not in entities:
                continue  # a bare "das Jobcenter" outside any report names no one
            owner_name = entities[owner].names.most_common(1)[0][0]
            if name_key(owner_name).startswith(name_key(head)):
                key = owner  # "die Bezirksregierung" in its own report
                add(key, "org", entities[key].type, owner_name, line)
            elif not _may_own(head, entities[owner]):
                continue  # "die Bezirksregierung" in an association's report is not its own
            else:
                key = f"unit:{owner}:{name_key(head)}"
                name = qualified(head, owner_name)
                add(key, "org", org_type_of(name), name, line, alias=m.surface)
                entities[key].parent_key = owner
            resolved.append((m, key, line))
            continue
        if m.kind == "unit" and not (m.parent is None and _placed(m.name)):
            # the towns of a shared head's list are named only there, as the units' parents
            # ("die Gesundheitsämter der Kreise Soest und Unna"); other parents are named
            # by mentions of their own where the text names them
            named_here = line if m.origin == SHARED_HEAD_ORIGIN else 0
            parent_key = key_of_name(m.parent, named_here) if m.parent else partner or subject
            if parent_key is None or parent_key not in entities:
                continue
            unit_head = heads.get(name_key(m.name))
            if (
                unit_head is not None
                and not m.parent
                and not _may_own(unit_head, entities[parent_key])
            ):
                continue  # "des Kommunalen Integrationszentrums" in a firm's report: not its own
            bare = own_words(m.surface, m.parent)  # "Integrationsbüro der Stadt X"
            bare = bare.split(" der ")[0] if m.origin == "list" else bare
            bare = normalise_org_name(bare)  # "Integrationsbüros der Stadt X" = "Integrationsbüro"
            bare = heads.get(name_key(bare), bare)  # "KI": the head it abbreviates
            key = f"unit:{parent_key}:{name_key(_NUMBER_NOTE.sub('', bare))}"
            name = m.name
            if unit_head is not None:  # "das Kommunale Integrationszentrum (KI)": the owner's
                key = f"unit:{parent_key}:{name_key(unit_head)}"  # its short form too
                name = qualified(unit_head, entities[parent_key].names.most_common(1)[0][0])
            entity = add(key, "org", entities[parent_key].type, name, line, alias=m.surface)
            entity.parent_key = parent_key
        elif ref_id is not None:
            item = hit if hit is not None else None
            if block is not None and m.kind == "org" and _family_of(block.partner, m) and partner:
                key = partner
                add(key, "org", entities[key].type, entities[key].names.most_common(1)[0][0], line)
            else:
                key = "ref:" + ref_id
                name = item.name if item is not None else m.name
                # the reference entry decides the kind: "Städtekooperation „Integration.
                # Interkommunal“" read as a programme's title is the organisation it lists
                kind, type_ = _kind_of(item) if item is not None else (m.kind, str(m.type))
                entity = add(
                    key,
                    kind,
                    type_,
                    name,
                    line,
                    ref_id,
                    m.surface if m.origin != "abbreviation" else None,
                )
        elif m.kind == "programme":
            key = "programme:" + name_key(m.name)
            add(key, "programme", m.type, m.name, line)
        else:
            key = entity_key(m.name)
            add(key, "org", m.type or org_type_of(m.name), m.name, line)
        if m.abbreviation:
            entities[key].aliases.add(m.abbreviation)
        if m.origin == "list":
            entities[key].listed = True
        resolved.append((m, key, line))
    resolved = join_units_named_alone(entities, resolved, keep={*partner_keys, subject})
    resolved = join_named_without_town(entities, resolved, heads, keep={*partner_keys, subject})
    resolved = join_short_forms(entities, resolved, heads, keep={*partner_keys, subject})
    resolved = join_same_words(entities, resolved, keep={*partner_keys, subject})
    resolved = join_fuller_names(entities, resolved, (*partner_keys, subject))
    resolved = _without_towns_alone(entities, resolved, keep={*partner_keys, subject})
    _finish(entities, reference)
    resolved = _join_subtitled(entities, resolved, keep={*partner_keys, subject})
    return ResolvedDocument(entities, tuple(resolved), partner_keys, subject)


def _kind_of(item: OrganisationRef | ProgrammeRef) -> tuple[str, str]:
    """A reference entry's kind and its type (an organisation's) or kind (a programme's)."""
    if isinstance(item, OrganisationRef):
        return "org", item.type
    return "programme", item.kind


def _without_towns_alone(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    keep: Collection[str | None] = (),
) -> list[tuple[Mention, str, int]]:
    """Without the organisations named only by a town ("Pressemitteilung – Frankfurt am
    Main, Januar 2025", "in Oberhausen"): a town acts as its body, named "Stadt X", and a
    town alone that the short forms did not join to one is a place. Partners and the
    reporter stay."""
    towns = {
        key
        for key, entity in entities.items()
        if key.startswith("org:")
        and not entity.ref_id
        and key not in keep
        and all(is_town(n) for n in entity.names)
    }
    for key in towns:
        del entities[key]
    return [r for r in resolved if r[1] not in towns]


# a programme's name and its subtitle: "StudiumE – Integration internationaler Studierender"
_SUBTITLED = re.compile(r"^(\S.{1,60}?)\s+[–-]\s+(\S.*)$")


def _other_names(kind: str, name: str) -> tuple[str, ...]:
    """The names a name with a dash gives its entity besides itself: a programme's name
    before its subtitle; an organisation's short form and its full name ("INBI – Institut
    zur Förderung von Bildung und Integration", "Zentrale Erstanlaufstelle Anerkennung –
    ZEA") or its brand and full name with a legal form ("VIA Bayern – Verband für
    Interkulturelle Arbeit e. V."). A dash after an organisation may also name its unit
    ("Wetteraukreis – Fachdienst Frauen"): then it gives no other name."""
    titled = _SUBTITLED.match(name)
    if titled is None:
        return ()
    before, after = titled.group(1), titled.group(2)
    if kind == "programme":
        return (before,)
    initials = any(len(side.split()) == 1 and is_initials(side) for side in (before, after))
    if initials or without_legal_form(after) != after:
        return (before, after)
    return ()


def _join_subtitled(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    keep: Collection[str | None] = (),
) -> list[tuple[Mention, str, int]]:
    """A programme named once with its subtitle and once without ("Neues Projekt „StudiumE“
    gestartet" … "das Projekt „StudiumE – Integration internationaler Studierender durch
    Engagement“") is one programme, named in full; so is an organisation named once with
    its short form or brand before a dash and once by either alone (:func:`_other_names`).
    The partners and the reporter (``keep``) stay themselves."""
    named = {k: e for k, e in entities.items() if e.kind == "programme" or k.startswith("org:")}
    titled: dict[tuple[str, str], str] = {}  # kind, a name the dash gives -> named in full
    for key, entity in named.items():
        for name in entity.names:
            for other in _other_names(entity.kind, name):
                titled.setdefault((entity.kind, name_key(without_legal_form(other))), key)
    joined: dict[str, str] = {}
    for key, entity in named.items():
        if entity.ref_id or key in keep:  # the partners and the reporter stay themselves
            continue
        owns = (name_key(without_legal_form(n)) for n in entity.names)
        full = next((titled[entity.kind, k] for k in owns if (entity.kind, k) in titled), None)
        if full not in (None, key):
            joined[key] = full
    resolved = take_into(entities, resolved, joined)  # drops chains from ``joined``
    for full in set(joined.values()):
        entities[full].aliases.discard(entities[full].canonical)
    return resolved


def _finish(entities: dict[str, Entity], reference: Reference) -> None:
    refs = {e.id: e for e in (*reference.organisations, *reference.programmes)}
    for entity in entities.values():
        item = refs.get(entity.ref_id or "")
        if item is not None:
            entity.canonical = item.name
            entity.aliases.update(item.aliases)
            entity.aliases.update(item.abbreviations)
        else:
            # a name counts with its forms that differ in how they name the Land, and the
            # longest of them is the name ("… des Landes Nordrhein-Westfalen", not "… NRW")
            form = {name: spelled_out(name) for name in entity.names}
            forms = Counter[str]()
            for name, count in entity.names.items():
                forms[form[name]] += count
            entity.canonical = max(entity.names, key=lambda n: (forms[form[n]], len(n)))
        entity.aliases.discard(entity.canonical)
    _without_bracketed_abbreviations(entities)
    _tell_units_apart(entities)


_BRACKETED = re.compile(r"\s+\(([^()]+)\)$")


def _without_bracketed_abbreviations(entities: dict[str, Entity]) -> None:
    """A name is written without the abbreviation a text puts after it in brackets:
    "Europäischer Sozialfonds Plus (ESF Plus)" is "Europäischer Sozialfonds Plus", with
    the bracketed form and the abbreviation as aliases. Readers and other reports name
    it either way; the name alone is the one both forms come close to, while the bracket
    makes a short name differ from the plain one by half its length. A name already
    borne by another entity keeps its bracket."""
    taken = {e.canonical for e in entities.values()}
    for entity in entities.values():
        found = _BRACKETED.search(entity.canonical)
        if found is None or not is_abbreviation(found.group(1)):
            continue
        bare = entity.canonical[: found.start()]
        if bare in taken:
            continue
        entity.aliases.update((entity.canonical, found.group(1)))
        entity.aliases.discard(bare)
        entity.canonical = bare
        taken.add(bare)


def _tell_units_apart(entities: dict[str, Entity]) -> None:
    """Units of different parents that bear the same name ("Dezernat 20" of two
    Bezirksregierungen) are named with their parent, so no name stands for two of them:
    links and the graph find their ends by name."""
    by_name: dict[str, list[Entity]] = {}
    for entity in entities.values():
        if entity.kind == "org" and entity.lines:
            by_name.setdefault(entity.canonical, []).append(entity)
    for same in by_name.values():
        if len(same) < 2:
            continue
        for entity in same:
            parent = entities.get(entity.parent_key or "")
            if parent is None or parent.canonical in entity.canonical:
                continue
            entity.aliases.add(entity.canonical)
            entity.canonical = f"{entity.canonical}{_told_apart(parent)}"


def _told_apart(parent: Entity) -> str:
    return f" ({parent.canonical})"


def own_name(entity: Entity, entities: dict[str, Entity]) -> str:
    """A unit's name without the parent that tells it apart (:func:`_tell_units_apart`):
    its id and its "name and parent" alias stay those of the unit named alone."""
    parent = entities.get(entity.parent_key or "")
    if parent is None:
        return entity.canonical
    return entity.canonical.removesuffix(_told_apart(parent))


def entity_id(entity: Entity, entities: dict[str, Entity]) -> str:
    """Content-derived id: the reference id, or a slug of the name (units under the parent)."""
    if entity.ref_id:
        return entity.ref_id
    if entity.parent_key and entity.parent_key in entities:
        parent = entities[entity.parent_key]
        own = own_name(entity, entities)
        if parent.canonical not in own:
            return slugify(f"{parent.canonical} {own}")
    return slugify(entity.canonical)
