"""Links that need more than one sentence's cues: reference facts and back references.

A sentence often names only half of a link. "Angeboten wird die Fortbildungsreihe vom
Büro X" names the organiser; the series itself was named a sentence earlier. Reference
data knows who runs a programme (the Landesregierung its campaigns, the Charta der
Vielfalt its Diversity-Tag), which types a link the text only hints at. The rules here
take a collector with an ``add(source, target, type, line, evidence)`` method, so they
stay independent of how :mod:`loaders.links.sentences` deduplicates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import islice
from typing import Protocol, TypeAlias

from loaders.clean.textstream import Sentence, TextStream
from loaders.mentions.patterns import Mention
from loaders.models import Block
from loaders.names import is_abbreviation, token_key, tokens
from loaders.reference import Reference
from loaders.resolve.entities import Entity, ResolvedDocument

__all__ = [
    "AGENT",
    "BACK_REACH",
    "SUBJECT_REACH",
    "cue_lists",
    "document_programme",
    "initiative_events",
    "initiative_organisers",
    "organised_back",
    "named_units",
    "abbreviated_units",
    "block_of",
    "short_forms",
    "own_unit",
    "programme_units",
    "reference_links",
]

#: The mentions of one sentence: (mention, entity key, line), as ``ResolvedDocument`` keeps them.
Placed: TypeAlias = Sequence[tuple[Mention, str, int]]
#: The first match of each cue pattern in a sentence, by cue name (None: not there).
Cues: TypeAlias = dict[str, re.Match[str] | None]


class LinkSink(Protocol):
    """Where the passes put the links they find (``loaders.links.sentences`` keeps one per
    key and line)."""

    def add(self, source: str, target: str, link_type: str, line: int, evidence: str) -> None:
        """Record one link with the line and sentence that state it."""


SUBJECT_REACH = 40  # a subject named this close to the sentence start replaces the default
BACK_REACH = 900  # characters: a programme named further back is not "the series" any more
# the agent of a passive clause: "vom Verein X", "von der Stadt Y", "durch die Z"
AGENT = re.compile(r"(?:\bvom|\bvon\s+de[rmn]|\bdurch\s+d(?:en|ie|as))\s+$", re.IGNORECASE)
# "Die Fortbildungsreihe wird vom Büro X angeboten": a definite noun for a programme kind
# points back to the programme last named, when no programme is named in the sentence.
BACK_NOUN = re.compile(
    r"\b(?:[Dd](?:ie|as|er|ies\w*)|[Uu]nser\w*)\s+(?:[A-ZÄÖÜ]\w*-?)?"
    r"(?:[Rr]eihe|[Pp]rojekt|[Pp]rogramm|[Vv]eranstaltung(?:en)?|[Ii]nitiative|[Kk]ampagne|"
    r"[Vv]orhaben|[Ff]ormat|[Ww]orkshop-?[Rr]eihe)\b"
)


def block_of(blocks: Sequence[Block], starts: Sequence[int], line: int) -> int:
    """Index of the block ``line`` lies in (``starts``: the blocks' first lines), -1 outside
    every block."""
    at = bisect_left(starts, line + 1) - 1
    return at if at >= 0 and blocks[at].start <= line <= blocks[at].end else -1


def reference_links(out: LinkSink, entities: dict[str, Entity], reference: Reference) -> None:
    """Organisers and parents the reference data knows, when both ends are in the document.

    A parent counts only for a unit of the same type (the KfI is a Dezernat of its
    Bezirksregierung); a ministry is not reported as part of the Landesregierung."""
    by_ref = {e.ref_id: k for k, e in entities.items() if e.ref_id}
    for org in reference.organisations:
        if org.parent and org.id in by_ref and org.parent in by_ref:
            child, parent = entities[by_ref[org.id]], entities[by_ref[org.parent]]
            if child.kind == parent.kind == "org" and child.type == parent.type and child.lines:
                out.add(child.key, parent.key, "PART_OF", min(child.lines), child.canonical)
    initiatives = initiative_organisers(reference)
    for programme in reference.programmes:
        if programme.id in initiatives:
            continue  # linked per sentence, see initiative_events
        if programme.organised_by and programme.id in by_ref and programme.organised_by in by_ref:
            key = by_ref[programme.id]
            out.add(
                key,
                by_ref[programme.organised_by],
                "ORGANISED_BY",
                min(entities[key].lines, default=0),
                entities[key].canonical,
            )


def organised_back(
    out: LinkSink,
    sentence: Sentence,
    inside: Placed,
    entities: dict[str, Entity],
    found: Cues,
    default: str | None,
    previous: str | None,
) -> None:
    """ORGANISED_BY for the programme a sentence refers back to ("Angeboten wird die
    Fortbildungsreihe vom Büro X"): the organiser is the named agent, or the organisation
    that opens an active sentence; never a guess when neither is named."""
    organised = found.get("ORGANISED_BY")
    if previous is None or organised is None or previous not in entities:
        return
    if any(entities[k].kind == "programme" for _, k, _ in inside):
        return
    text = sentence.text
    back = BACK_NOUN.search(text)
    if back is None:
        return
    orgs = [(m.start - sentence.start, k, ln) for m, k, ln in inside if entities[k].kind == "org"]
    agents = [(k, ln) for p, k, ln in orgs if AGENT.search(text, 0, p)]
    if not agents:
        agents = [(k, ln) for p, k, ln in orgs if p < min(back.start(), SUBJECT_REACH)]
    if agents:
        out.add(previous, agents[0][0], "ORGANISED_BY", agents[0][1], text)


def initiative_organisers(reference: Reference) -> dict[str, str]:
    """Programme id -> id of the programme (initiative) that runs it, from reference data."""
    ids = {p.id for p in reference.programmes}
    return {p.id: p.organised_by for p in reference.programmes if p.organised_by in ids}


def initiative_events(
    out: LinkSink,
    inside: Placed,
    entities: dict[str, Entity],
    initiatives: dict[str, str],
    text: str,
) -> None:
    """An initiative's own event named with it ("die Diversity Challenge der Charta der
    Vielfalt") is organised by it; the fact comes from reference data, the sentence shows
    both are meant."""
    here = {ref: (k, ln) for _, k, ln in inside if (ref := entities[k].ref_id)}
    for ref_id, (key, line) in here.items():
        organiser = here.get(initiatives.get(ref_id, ""))
        if organiser is not None:
            out.add(key, organiser[0], "ORGANISED_BY", line, text)


def own_unit(unit: Entity, parent: Entity, evidence: str) -> bool:
    """``unit`` is named as a unit "of" ``parent`` in the sentence ("mit dem Arbeitskreis
    Integration der Bezirksregierung"); a unit merely listed next to its parent's name
    may still be a cooperation partner in its own right."""
    if unit.parent_key != parent.key or not parent.canonical:
        return False
    text = " ".join(evidence.split())
    head = re.escape(parent.canonical.split()[0])
    for name in {unit.canonical, *unit.names, *unit.aliases}:
        name = " ".join(name.split())
        if name and re.search(re.escape(name) + r"\s+(?:der|des)\s+" + head, text):
            return True
    return False


# the words that join a unit's own words to its parent's name: "Referat … der Stadt Köln",
# "Institut … an der Universität X"
_UNIT_JOINS = (("an", "der"), ("bei", "der"), ("der",), ("des",), ("im",), ("am",), ("beim",))
# bodies of their own that bear the name of the territory they serve: the Ministerium "des
# Landes Nordrhein-Westfalen", the Jobcenter "Kreis Paderborn", the Polizeipräsidium or the
# Agentur für Arbeit of a town are not units of the Land, the Kreis or the Stadt
_NAMED_AFTER_TERRITORY = frozenset(
    {"Ministerium", "Jobcenter", "Polizei", "Bundesbehoerde", "Kammer"}
)


def named_units(out: LinkSink, entities: dict[str, Entity]) -> None:
    """An organisation whose name ends with the name of another organisation of the text,
    joined by a genitive or a preposition of place, is a unit of it
    ("Gleichstellungsstelle des Rhein-Sieg-Kreises", "Dezernat 46 der Bezirksregierung
    Münster"): PART_OF, with the name itself as the evidence. A parent name of one plain word
    ("Caritas", "Köln") is too loose to count, and "für die Stadt Köln" names whom a body
    serves, not what it belongs to. Two names side by side without a join ("Gesundheitsamt
    Kreis Unna", "Bundespolizeiinspektion Flughafen Hannover", or a name glued to the one
    before it) state no unit: on the dev references 6 of 121 such links were true."""
    orgs = [(k, e) for k, e in entities.items() if e.kind == "org" and e.lines]
    units = [(k, e) for k, e in orgs if e.type not in _NAMED_AFTER_TERRITORY]
    by_last_word: dict[str, list[tuple[str, list[str]]]] = {}
    for key, org in orgs:
        for name in {org.canonical, *org.aliases}:
            words = tokens(name)
            if words and (len(words) >= 2 or "-" in name):
                tail = [token_key(w) for w in words]
                by_last_word.setdefault(tail[-1], []).append((key, tail))
    for key, org in units:
        for name in {org.canonical, *org.aliases}:
            words = tokens(name)
            keys = [token_key(w) for w in words]
            for parent, tail in by_last_word.get(keys[-1], []) if keys else []:
                n = len(tail)
                if parent in (key, org.parent_key) or len(keys) <= n or keys[-n:] != tail:
                    continue
                own = tuple(w.casefold() for w in words[:-n])
                join = next((j for j in _UNIT_JOINS if own[-len(j) :] == j), ())
                if join and len(own) > len(join):
                    out.add(key, parent, "PART_OF", min(org.lines), org.canonical)


_ABBREVIATED = re.compile(r"^([A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,5})-[A-ZÄÖÜ]")


def short_forms(entity: Entity) -> set[str]:
    """The names of an entity that are short forms ("LVR", "WDR")."""
    return {name for name in {entity.canonical, *entity.aliases} if is_abbreviation(name)}


def abbreviated_units(out: LinkSink, entities: dict[str, Entity]) -> None:
    """A name that opens with another organisation's short form and a hyphen is that
    organisation's: a unit ("LVR-Jugendhilfe Rheinland", "LVR-Stabsstelle Inklusion") is
    PART_OF it, a programme ("WDR-Impulsgespräche") is ORGANISED_BY it."""
    owners: dict[str, set[str]] = {}
    for key, e in entities.items():
        if e.kind == "org":
            for name in short_forms(e):
                owners.setdefault(name, set()).add(key)
    for key, e in entities.items():
        found = _ABBREVIATED.match(e.canonical)
        owner = owners.get(found.group(1), set()) if found else set()
        if len(owner) != 1 or key in owner or e.parent_key or not e.lines:
            continue
        link_type = "PART_OF" if e.kind == "org" else "ORGANISED_BY"
        out.add(key, next(iter(owner)), link_type, min(e.lines), e.canonical)


_SERVICE_UNIT = re.compile(r"(?:stelle|zentrum)\b", re.IGNORECASE)


def programme_units(out: LinkSink, entities: dict[str, Entity]) -> None:
    """A service unit named after a programme ("Fachstelle IQ ...") takes part in it."""
    # each programme's names as word sets, made once (not once per service unit)
    programmes = [
        (k, [set(re.findall(r"[\wäöüß]+", a)) for a in _names_of(e)])
        for k, e in entities.items()
        if e.kind == "programme" and e.type != "Gesetz"
    ]
    for key, org in entities.items():
        if org.kind != "org" or not org.lines or not _SERVICE_UNIT.search(org.canonical):
            continue
        words = set(re.findall(r"[\wäöüß]+", org.canonical))
        for pkey, names in programmes:
            if any(name <= words for name in names):
                out.add(key, pkey, "PARTICIPATES_IN", min(org.lines), org.canonical)


def _names_of(programme: Entity) -> set[str]:
    """A programme's names of two characters or more."""
    return {a for a in programme.aliases | {programme.canonical} if len(a) >= 2}


# a cue that introduces a list of partners: "Kooperationspartner sind:", "in Zusammenarbeit
# mit:", "Partner:"; the names follow on the same line or as the next lines / bullets
LIST_CUE = re.compile(
    r"(?:\b(?:Kooperations|Netzwerk|Projekt)?[Pp]artner(?:innen|:innen|\*innen)?"
    r"(?:\s+(?:und\s+(?:-?[Pp]artner)?)?(?:sind|waren|ist|war))?"
    r"|\b(?:in\s+)?(?:Zusammenarbeit|Kooperation)\s+mit(?:\s+de[nmr])?)\s*:(?!innen)"
)
# a bare partner cue ("Partner:", "Projektpartner sind:"): on the page of a project or
# network these are its members, not partners of the organisation that publishes the page
_MEMBERS_CUE = re.compile(r"(?:Projekt|Netzwerk)?[Pp]artner(?!\w*\s+mit)")
LIST_ITEM_CHARS = 160  # a longer piece after the cue is running text, not a list item
LIST_ITEMS = 20
_PIECE = re.compile(r"[^\n•▪;]+")  # a list item: one line, bullet or ";"-separated piece
# small words a list line may hold besides the names ("A und B", "C sowie D")
_LIST_GLUE = frozenset("und sowie oder der die das des dem den in im für von vom aus mit".split())


def _prose(text: str, spans: list[tuple[int, int]]) -> bool:
    """More than one lower-case word outside the names: running text, not a list item."""
    for a, z in sorted(spans, reverse=True):
        text = text[:a] + " " + text[z:]
    words = re.findall(r"(?<![\w.])[a-zäöüß][\wäöüß-]*", text)
    return sum(w not in _LIST_GLUE for w in words) > 1


def cue_lists(
    out: LinkSink,
    sentences: Sequence[Sentence],
    resolved: ResolvedDocument,
    blocks: tuple[Block, ...],
    stream: TextStream,
) -> None:
    """COOPERATES_WITH between the subject and every organisation listed after a partner
    cue with a colon ("Kooperationspartner sind:" then "A, B und C" or one bullet each).

    The list runs over the following lines and bullets (same block, no blank line between)
    while each is a short piece of names; the subject is an organisation named before the
    cue in its sentence, else the block partner, else the reporting organisation."""
    entities = resolved.entities
    starts = [m.start for m, _, _ in resolved.mentions]
    text = stream.text
    own_programme = document_programme(resolved) if not blocks else None

    def orgs_in(a: int, z: int) -> list[tuple[int, int, str, int]]:
        inside = resolved.mentions[bisect_left(starts, a) : bisect_left(starts, z)]
        return [(m.start - a, m.end - a, k, ln) for m, k, ln in inside if entities[k].kind == "org"]

    for sentence in sentences:
        cue = LIST_CUE.search(sentence.text)
        if cue is None:
            continue
        at = sentence.start + cue.end()
        line = stream.line_at(at)
        block = next((b for b in blocks if b.start <= line <= b.end), None)
        if own_programme is not None and _MEMBERS_CUE.match(cue.group()):
            continue  # the programme's members (loaders.links_lists), not the subject's partners
        named = orgs_in(sentence.start, sentence.start + cue.start())
        partner = resolved.block_partners[blocks.index(block)] if block else resolved.subject_at(at)
        subject = named[0][2] if named else partner
        if subject is None:
            continue
        head = text[text.rfind("\n", 0, at) + 1 : at]
        last = line
        for piece in islice(_PIECE.finditer(text, at), LIST_ITEMS):
            first = stream.line_at(piece.start())
            if block and not block.start <= first <= block.end or first > last + 1:
                break
            listed = orgs_in(piece.start(), piece.end())
            spans = [(a, z) for a, z, _, _ in listed]
            item = piece.group()
            if not item.strip():
                continue
            if not listed or len(item) > LIST_ITEM_CHARS or _prose(item, spans):
                break
            for _, _, key, item_line in listed:
                out.add(subject, key, "COOPERATES_WITH", item_line, f"{head} {item.strip()}")
            last = stream.line_at(max(piece.start(), piece.end() - 1))


def document_programme(resolved: ResolvedDocument) -> str | None:
    """A short text without partner blocks is about its first-named programme (the event
    or project of a press release or an event page)."""
    for _, key, _ in resolved.mentions:
        entity = resolved.entities[key]
        if entity.kind == "programme" and entity.type != "Gesetz":
            return key
    return None
