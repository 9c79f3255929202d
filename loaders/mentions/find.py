"""Find organisation and programme mentions in a cleaned document.

Two sources feed one list: the reference gazetteer (known names, spelling-tolerant) and
German naming patterns (new names). Where they overlap the longer name wins, except that
a known name ending where a pattern ends wins over the pattern (the pattern has then
swallowed sentence words on its left). Two document conventions are read as well:
``Name (ABK)`` defines an abbreviation that later stands for the name, and a list of
``Person (Organisation, Unit)`` items names participants and the units they belong to.

>>> from loaders.clean.textstream import TextStream
>>> text = "Die Stadt Bottrop und das Landesamt für Statistik (LfS) arbeiten mit dem LfS."
>>> [(m.name, m.start) for m in find_mentions(TextStream(text, (0,), (1,)))]
[('Stadt Bottrop', 4), ('Landesamt für Statistik', 26), ('Landesamt für Statistik', 73)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from loaders.clean.textstream import TextStream
from loaders.learn.places import places
from loaders.mentions.acronyms import find_acronym_names, spelt_in_lower_case
from loaders.mentions.gazetteer import gazetteer_for
from loaders.mentions.legal_forms import find_suffix_orgs
from loaders.mentions.patterns import Mention, find_pattern_mentions, org_type_of
from loaders.mentions.unit_names import abbreviation_units, programme_units
from loaders.names import clean_name, is_abbreviation
from loaders.reference import Reference, load_reference

__all__ = ["Mention", "find_mentions", "with_definitions", "LIST_ORIGIN", "BRANCH_ORIGIN"]

LIST_ORIGIN = "list"
_DEFINITION = re.compile(
    r"\s*[“”\"]?\s*\(\s*([A-ZÄÖÜ][\w.&/-]{1,10}(?:\s+NRW)?|[a-zäöü]{3,5})\s*\)"
)
# a short form defined inside a name, before its legal form
_DEFINED_INSIDE = re.compile(r"\S\s+\(\s*([A-ZÄÖÜ][\w.&/-]{1,10})\s*\)\s+\S")
_PARENT_LINK = re.compile(r"\s*(?:der|des|beim|bei\s+der|am|an\s+der)\s+$")
_LIST_ITEM = re.compile(
    r"(?:^|•|\n)\s*(?:(?:Dr|Prof)\.\s*)*[A-ZÄÖÜ][\w'-]+(?:\s+[A-ZÄÖÜ][\w'-]+){1,3}\s*"
    r"\(((?:[^()]|\([^()]*\)){2,200})\)"
)
_UNIT_SPLIT = re.compile(r"^\s*(?:,|–|-(?=\s*[A-ZÄÖÜ]))\s*")
_MIN_LIST_ITEMS = 5
_ROLE = re.compile(
    r"(?:Dezernent|Leiter|Geschäftsführ|Teamleit|Referent|Beauftragt|Stadtr|"
    r"Oberbürgermeister|Bürgermeister|Vorsitzend|Vorstand|Sprecher)"
)


def find_mentions(stream: TextStream, reference: Reference | None = None) -> list[Mention]:
    """All mentions in ``stream``, without overlaps, in text order."""
    ref = reference if reference is not None else load_reference()
    text = stream.text
    known = [
        Mention(
            h.kind,
            h.name,
            h.surface,
            h.start,
            h.end,
            h.type,
            h.ref_id,
            "reference",
            abbreviation=h.surface if h.abbreviation else None,
        )
        for h in gazetteer_for(ref).find(text)
    ]
    found = find_pattern_mentions(text) + find_suffix_orgs(text) + find_acronym_names(text)
    chosen = _select(known, found)
    chosen = _attach_parents(text, chosen)
    chosen = with_definitions(text, chosen)
    chosen = _read_participant_lists(text, chosen)
    chosen = programme_units(text, abbreviation_units(text, chosen))
    chosen = _read_branches(text, chosen)
    return sorted(chosen, key=lambda m: m.start)


BRANCH_ORIGIN = "branch"
_BRANCH = re.compile(
    r"(?:^|(?<=[,;:•])|(?<=\bund)|(?<=\bsowie))\s*"
    r"(?P<place>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)\s*"
    r"\(\s*(?P<org>[A-ZÄÖÜ][\w.&-]*(?:\s+[A-ZÄÖÜ][\w.&-]*){0,2})\s*\)",
    re.MULTILINE,
)


def _read_branches(text: str, mentions: list[Mention]) -> list[Mention]:
    """``Dortmund (AWO), Essen (Diakonie)``: a list of local branches, each named by its
    place and, in brackets, its organisation: "AWO Dortmund", "Diakonie Essen"."""
    known = places()
    out = list(mentions)
    for m in _BRANCH.finditer(text):
        place, org = m.group("place"), m.group("org")
        words = tuple(place.split())
        if words not in known.get(words[0], ()) or org.split()[0] in known:
            continue
        name = f"{org} {place}"
        start, end = m.start("place"), m.end()
        if not _opens_an_item(text, start):
            continue  # "… mit dem Universitätsklinikum\nMünster (UKM)": a sentence goes on
        if any(k.start < start < k.end for k in mentions):
            continue  # the end of a name broken over the line: "Handwerkskammer\nTrier (HWK Trier)"
        out = [k for k in out if not (start <= k.start < end)]
        out.append(
            Mention(
                "org", name, text[start:end], start, end, org_type_of(name), origin=BRANCH_ORIGIN
            )
        )
    return out


def _opens_an_item(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens an item of a list: at the text's start, after an
    item's end or a list's opening (",", ";", ":", "•", ")"), or after "und"/"sowie"; a
    line break alone is no list, the sentence before may go on across it."""
    before = text[max(0, start - 8) : start].rstrip()
    return not before or before[-1] in ",;:•)" or before.endswith((" und", " sowie"))


class _Kept:
    """The mentions kept so far, in the order they were kept, found by place.

    Why: each candidate asks which kept mentions it overlaps; reading all of them for every
    candidate grows with the square of a long report's mentions. A mention is no longer
    than the longest one, so only those starting less than that before the candidate's end
    can overlap it, and a sorted list of starts finds them.
    """

    def __init__(self, mentions: list[Mention], longest: int) -> None:
        self._longest = longest
        self._order = 0
        self._by_order: dict[int, Mention] = {}
        self._starts: list[tuple[int, int]] = []  # (start, order), sorted
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        insort(self._starts, (m.start, self._order))
        self._by_order[self._order] = m
        self._order += 1

    def overlapping(self, cand: Mention) -> list[tuple[int, Mention]]:
        """(order, mention) of the kept mentions that overlap ``cand``, in kept order."""
        lo = bisect_left(self._starts, (cand.start - self._longest, -1))
        hi = bisect_left(self._starts, (cand.end, -1))
        found = [
            (order, self._by_order[order])
            for start, order in self._starts[lo:hi]
            if cand.start < self._by_order[order].end
        ]
        return sorted(found, key=lambda pair: pair[0])

    def remove(self, order: int) -> None:
        m = self._by_order.pop(order)
        del self._starts[bisect_left(self._starts, (m.start, order))]

    def mentions(self) -> list[Mention]:
        """All kept mentions, in the order they were kept."""
        return [self._by_order[order] for order in sorted(self._by_order)]


def _select(known: list[Mention], found: list[Mention]) -> list[Mention]:
    longest = max((m.end - m.start for m in (*known, *found)), default=0)
    kept = _Kept(known, longest)
    for cand in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        hits = kept.overlapping(cand)
        overlapping = [k for _, k in hits]
        if not overlapping:
            kept.add(cand)
            continue
        winner = _replacing(cand, overlapping)
        if winner is None:
            continue
        for order, _ in hits:  # (a mention equal to one of these overlaps as well)
            kept.remove(order)
        kept.add(winner)
    return sorted(kept.mentions(), key=lambda m: m.start)


def _replacing(cand: Mention, overlapping: list[Mention]) -> Mention | None:
    """What takes the place of the kept mentions ``cand`` overlaps, or None when they stay:
    a longer name that holds them all, unless a known name ends where it ends; a unit
    around a known organisation ("Dezernat 36 (Kompetenzzentrum ... – KfI)") is that
    organisation."""
    contains_all = all(cand.start <= k.start and k.end <= cand.end for k in overlapping)
    longer = all(cand.end - cand.start > k.end - k.start for k in overlapping)
    known_at_end = any(k.origin == "reference" and k.end >= cand.end - 1 for k in overlapping)
    if not (contains_all and longer) or (known_at_end and cand.kind != "unit"):
        return None
    if cand.kind == "unit":
        inner = [k for k in overlapping if k.kind == "org" and k.ref_id]
        if inner and "(" in cand.surface:
            return cand.with_(
                kind="org",
                name=inner[0].name,
                ref_id=inner[0].ref_id,
                type=inner[0].type,
                origin="reference",
            )
    return cand


def _attach_parents(text: str, mentions: list[Mention]) -> list[Mention]:
    """``Ausbildungsabteilung des LVR``: a unit followed by der/des + organisation."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "unit" or i + 1 >= len(out):
            continue
        nxt = out[i + 1]
        gap = text[m.end : nxt.start]
        if nxt.kind == "org" and len(gap) <= 12 and _PARENT_LINK.fullmatch(gap):
            genitive = gap.split()[0] in ("der", "des")
            name = f"{m.name} {gap.strip()} {nxt.surface}" if genitive else m.name
            out[i] = m.with_(parent=nxt.name, name=name)
    return out


_WORD_CHAR = re.compile(r"[\w-]")


def with_definitions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Record ``Name (ABK)`` and find the later uses of ABK.

    ABK found as a name of its own (the mention model tags "MLU" in "Martin-Luther-
    Universität Halle-Wittenberg (MLU)") is the defined name, not another organisation."""
    out = list(mentions)
    defined: dict[str, Mention] = {}
    for i, m in enumerate(out):
        if m.kind == "programme" and m.ref_id is None:
            continue
        d = _DEFINITION.match(text, m.end)
        inside = None if d else _DEFINED_INSIDE.search(m.surface)
        short = d.group(1) if d else inside.group(1) if inside else ""
        spelt = is_abbreviation(short) or spelt_in_lower_case(short, m.name)
        # after the name ("Landesamt für Statistik (LfS)") or inside it, before its legal
        # form ("Leipziger Verkehrsbetriebe (LVB) GmbH")
        if (d or inside) and spelt and (inside or short not in m.name):
            out[i] = m.with_(abbreviation=short)
            defined.setdefault(short, out[i].with_(end=d.end()) if d else out[i])
    out = [
        m
        for m in out
        if not (m.surface in defined and m.ref_id is None and m.start >= defined[m.surface].start)
    ]
    covered = bytearray(len(text) + 1)  # 1 where a mention stands: a later use is no name there
    for m in out:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    for abbreviation, owner in defined.items():
        # the word start is checked by hand: a pattern that begins with a look-behind is
        # tried at every character, one that begins with the letters jumps to them
        pattern = re.compile(rf"{re.escape(abbreviation)}(?![\w-])")
        for hit in pattern.finditer(text, owner.end):
            if covered[hit.start()] or (hit.start() and _WORD_CHAR.match(text, hit.start() - 1)):
                continue
            out.append(
                owner.with_(
                    surface=abbreviation, start=hit.start(), end=hit.end(), origin="abbreviation"
                )
            )
            covered[hit.start() : hit.end()] = b"\x01" * (hit.end() - hit.start())
    return sorted(out, key=lambda m: m.start)


def _read_participant_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """``Person (Organisation, Unit)`` items: every organisation named takes part."""
    items = list(_LIST_ITEM.finditer(text))
    if len(items) < _MIN_LIST_ITEMS:
        return mentions
    out = list(mentions)
    for item in items:
        start, end = item.start(1), item.end(1)
        inside = [m for m in out if start <= m.start and m.end <= end and m.kind != "programme"]
        if not inside:
            name = clean_name(text[start:end].split(" – ")[0])
            if len(name) >= 3:
                out.append(
                    Mention(
                        "org",
                        name,
                        name,
                        start,
                        start + len(name),
                        org_type_of(name),
                        origin=LIST_ORIGIN,
                    )
                )
            continue
        first = inside[0]
        rest = text[first.end : end]
        split = _UNIT_SPLIT.match(rest)
        if (
            first.kind == "org"
            and first.start - start <= 1
            and split
            and rest[split.end() :].strip()
            and not _ROLE.match(rest[split.end() :])
        ):
            unit_text = clean_name(rest[split.end() :].split(" – ")[0])
            unit = Mention(
                "unit",
                f"{unit_text} der {first.name}",
                unit_text,
                first.end + split.end(),
                end,
                "",
                origin=LIST_ORIGIN,
                parent=first.name,
            )
            out = [m for m in out if not (unit.start <= m.start and m.end <= end)]
            out.append(unit)
        elif first.kind == "unit" and first.parent is None and len(inside) > 1:
            out[out.index(first)] = first.with_(
                parent=inside[1].name, origin=LIST_ORIGIN, name=f"{first.name} der {inside[1].name}"
            )
        else:
            for m in inside:
                out[out.index(m)] = m.with_(origin=LIST_ORIGIN)
    return sorted(out, key=lambda m: m.start)
