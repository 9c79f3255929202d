"""Units named after their parent's abbreviation or after the programme they serve.

German organisations name their branches by prefixing their own abbreviation: a
"LVR-Klinikverbund" or an "ABC Verbund Sozialer Dienste" is a unit of the organisation
the abbreviation stands for, not an organisation of its own and not the parent itself.
Only a singular unit head word counts ("ABC-Kliniken" are many units, "ABC-eigener" no
unit at all), and a separated head word takes only the capitalised words of its line.

Service units of a programme are named "Servicestelle/Fachstelle/Koordinierungsstelle
<Programme> <Topic>" or "<Programme> Fachstelle <Topic>"; they are organisations that take
part in the programme, which :func:`loaders.links.context.programme_units` links. When the
text names who runs it ("... der <Organisation>") it is that organisation's project.

>>> from loaders.mentions.model import Mention
>>> text = "Der ABC-Klinikverbund hat"
>>> abc = Mention("org", "Arbeitsbund Cottbus", "ABC", 4, 7, "Verein", "abc", "reference",
...               abbreviation="ABC")
>>> [(m.kind, m.name, m.parent) for m in abbreviation_units(text, [abc])]
[('unit', 'ABC-Klinikverbund', 'Arbeitsbund Cottbus')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.learn.nominative import nominative
from loaders.mentions.model import WORD, Mention
from loaders.mentions.patterns import normalise_org_name, org_type_of
from loaders.mentions.roles import is_role
from loaders.names import clean_name
from loaders.reference import load_organisation_words

__all__ = [
    "abbreviation_units",
    "genitive_units",
    "has_head_word",
    "names_an_organisation",
    "programme_units",
    "swallowed_parents",
]

_HEADS = (
    r"(?:[Kk]linik(?:verbund)?|[Vv]erbund|[Mm]useum|[Aa]kademie|[Ss]tabsstelle|[Ii]nstitut|"
    r"[Zz]entrum|[Aa]rchiv|[Kk]olleg|[Bb]ibliothek|[Ss]tiftung|[Kk]oordinierungsstelle|"
    r"[Ff]achstelle|[Ss]ervicestelle|[Bb]üro|[Aa]usbildungszentrum)"
)
# "-Klinikverbund", "-Landesmuseum", "-Stabsstelle Vielfalt": a hyphenated compound
_COMPOUND = re.compile(
    rf"-(?:[A-ZÄÖÜ][a-zäöüß]*)?{_HEADS}(?![\wäöüß-])(?:[ \t]+(?!Die\b|Der\b|Das\b)[A-ZÄÖÜ]"
    rf"[\wäöüß-]+){{0,3}}"
)
# " Verbund Heilpädagogischer Hilfen": a separated head word and the rest of its line
_SEPARATE = re.compile(
    r"[ \t]+(?:Verbund|Museum|Akademie|Stabsstelle|Klinik|Institut|Zentrum|Archiv|Kolleg)"
    r"(?:[ \t]+(?:(?:für|und)[ \t]+)?(?!Die\b|Der\b|Das\b)[A-ZÄÖÜ][\wäöüß-]+){1,3}"
)
_SERVICE = r"(?:Servicestelle|Fachstelle|Koordinierungsstelle|Landeskoordinierungsstelle)"
_TOPIC = rf"{WORD}(?:[ \t\n]+(?:und|für|zur)?[ \t\n]*{WORD}){{0,5}}"
_SERVICE_BEFORE = re.compile(rf"\b{_SERVICE}[ \t]+$")
_AFTER_PROGRAMME = re.compile(rf"[ \t]+{_TOPIC}")
_SERVICE_AFTER = re.compile(rf"[ \t-]+{_SERVICE}[ \t\n]+{_TOPIC}")
_OWNER = re.compile(r"[ \t\n]+(?:der|des)[ \t\n]+$")


def abbreviation_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """Turn "<ABBR>-<Unit>" and "<ABBR> <Unit> <Name>" after a known abbreviation into units."""
    out: list[Mention] = []
    swallowed_until = -1
    for m in mentions:
        if m.start < swallowed_until:
            continue
        if m.kind == "org" and m.abbreviation and m.surface == m.abbreviation:
            tail = _COMPOUND.match(text, m.end) or _SEPARATE.match(text, m.end)
            if tail is not None:
                name = clean_name(text[m.start : tail.end()])
                unit = Mention("unit", name, name, m.start, tail.end(), "", parent=m.name)
                out.append(unit)
                swallowed_until = tail.end()
                continue
        out.append(m)
    return out


_SWALLOWED = re.compile(rf"{_SERVICE}\s.+?\s(?:der|des)\s+(?=[A-ZÄÖÜ])")


def _split_swallowed(mentions: list[Mention]) -> list[Mention]:
    """A legal-form name that begins with a service unit ("Servicestelle X der Verein Y
    e. V.") is two names: the project and the organisation running it."""
    out = []
    for m in mentions:
        cut = _SWALLOWED.match(m.surface) if m.kind == "org" and not m.ref_id else None
        if cut is None:
            out.append(m)
            continue
        head = m.surface[: cut.end()].rsplit(maxsplit=1)[0]
        name = clean_name(head)
        out.append(Mention("programme", name, head, m.start, m.start + len(head), "Projekt"))
        rest = m.surface[cut.end() :]
        out.append(m.with_(name=clean_name(rest), surface=rest, start=m.start + cut.end()))
    return out


def programme_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Servicestelle <Programme> <Topic>" / "<Programme> Fachstelle <Topic>" as units."""
    out = _split_swallowed(mentions)
    for m in list(out):
        if m.kind != "programme" or m.origin != "reference" or m not in out:
            continue
        before = _SERVICE_BEFORE.search(text, max(0, m.start - 40), m.start)
        if before is not None:
            topic = _AFTER_PROGRAMME.match(text, m.end)
            start, end = before.start(), topic.end() if topic else m.end
        elif (after := _SERVICE_AFTER.match(text, m.end)) is not None:
            start, end = m.start, after.end()
        else:
            continue
        name = clean_name(text[start:end])
        owner = next((o for o in out if o.kind == "org" and o.start > end), None)
        run_by = owner is not None and _OWNER.fullmatch(text, end, owner.start) is not None
        inside = [o for o in out if start <= o.start and o.end <= end]
        out = [o for o in out if o not in inside]
        if run_by:  # "Servicestelle IQ X der Verein Y": a project Y runs within the programme
            out.append(Mention("programme", name, name, start, end, "Projekt"))
        else:
            out.append(Mention("org", name, name, start, end, "Sonstige"))
    return sorted(out, key=lambda m: m.start)


# a unit's own words before its parent's name in the genitive: "Jugendamt des Rhein-Sieg-
# Kreises", "Mobiler Übersetzungsdienst der Stadt Solingen", "Institut für Politik- und
# Verwaltungswissenschaften der Universität Rostock", "International Office der …"
_UNIT_HEAD = (
    r"[A-ZÄÖÜ][\wäöüß-]*(?:stelle|amt|behörde|beratung|rat|abteilung|dienst|büro|referat|"
    r"institut|zentrum|redaktion|archiv|bibliothek)(?:e?s)?|Institut|International\s+Office"
)
_GENITIVE_UNIT = re.compile(
    rf"(?:\b(der|des|die|das|dem|den)\s+)?"
    rf"((?:[A-ZÄÖÜa-zäöü][\wäöüß]*e[rsnm]?\s+)?(?:{_UNIT_HEAD})"
    r"(?:\s+für\s+[A-ZÄÖÜ][^.;:()„“\n]{0,80}?)?)"
    r"\s+(der|des)\s+$"
)
_UNIT_REACH = 160
_FIRST_WORD = re.compile(r"\S+\s+")


def _after_genitive_article(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in "der" or "des" and white space, as every match
    of ``_GENITIVE_UNIT`` there does.

    Why: the search tries the pattern at every place of the reach; most names have no
    such article before them, and this test spares the search there.
    """
    before = text[start:end]
    words = before.rstrip()
    return len(words) < len(before) and words.endswith(("der", "des"))


def genitive_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """A unit named with its parent in the genitive ("die Gleichstellungsstelle der Stadt
    Essen") is a unit of that organisation, named in full; what was found inside its own
    words ("Gleichstellungsstelle") gives way to it. Offices are people ("Landrat des
    Kreises"), not units."""
    out = list(mentions)
    for parent in mentions:
        if parent.kind != "org":
            continue
        reach = max(0, parent.start - _UNIT_REACH)
        if not _after_genitive_article(text, reach, parent.start):
            continue
        found = _GENITIVE_UNIT.search(text, reach, parent.start)
        if found is None or is_role(found.group(2).split()[-1]):
            continue
        start, own_words = found.start(2), found.group(2)
        office = len(own_words.split()) > 1 and is_role(own_words.split()[0])
        if office or own_words[:1].islower() and found.group(1) is None:
            # "sowie Jugendamt": no adjective; "Herausgeber Integrationsbüro": an office
            cut = _FIRST_WORD.match(own_words)  # its white space may be a line break
            if cut is not None:
                start, own_words = start + cut.end(), own_words[cut.end() :]
        own = nominative(clean_name(own_words), found.group(1))
        own = own[:1].upper() + own[1:]
        name = clean_name(f"{own} {found.group(3)} {text[parent.start : parent.end]}")
        out = [m for m in out if not (start <= m.start and m.end <= parent.start)]
        out.append(
            Mention(
                "unit",
                name,
                text[start : parent.end],
                start,
                parent.end,
                "",
                origin="pattern",
                parent=parent.name,
            )
        )
    return sorted(out, key=lambda m: (m.start, -m.end))


# where a name joins its parent in the genitive ("… der Bundesagentur für Arbeit") or as
# the body it sits in ("Ausländerbehörde im Ordnungsamt …"): the join and a capital after it
_PARENT_JOIN = re.compile(r"[ \t\n]+(der|des|im|beim)[ \t\n]+(?=[A-ZÄÖÜ])")
_ORG_HEAD = re.compile(
    "(?:" + "|".join(map(re.escape, load_organisation_words())) + r")(?:e?s|n)?$", re.I
)
_HEAD_WORDS = 2  # "Leibniz Universität Hannover": the head word may follow one name word


def names_an_organisation(name: str) -> bool:
    """Whether one of a name's first words is an organisation's head word ("Stadt",
    "Bundesagentur", "Jugenddorfwerk"). A legal form alone does not count: in
    "Vereinigung der Bayerischen Wirtschaft e. V." it is the whole name's."""
    return has_head_word(w for w in name.split()[:_HEAD_WORDS] if w[:1].isupper())


def has_head_word(words: Iterable[str]) -> bool:
    """Whether one of ``words`` (or of their hyphenated parts) ends in an organisation's
    head word, inflected or not."""
    return any(_ORG_HEAD.search(part) for w in words for part in w.split("-") if part)


def _parent_start(text: str, m: Mention) -> tuple[int, str] | None:
    """Where the parent's name begins inside ``m`` and the article before it, or None."""
    for join in _PARENT_JOIN.finditer(text, m.start, m.end):
        surface = text[join.end() : m.end]
        if "(" in text[m.start : join.start()] and ")" not in text[m.start : join.start()]:
            continue  # inside brackets: "Dezernat 36 (Kompetenzzentrum … der …)"
        if names_an_organisation(nominative(clean_name(surface), join.group(1))):
            return join.end(), join.group(1)
    return None


def swallowed_parents(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name found whole with its parent in it ("Regionaldirektion Bayern der
    Bundesagentur für Arbeit", "Integrationsrat der Stadt Siegen") names two organisations:
    the unit, named in full, and its parent, which the text names too. Where the words
    before the parent are the sentence's, not a name's ("von der Zukunftsregion
    Westpfalz e. V."), the parent is all there is."""
    out: list[Mention] = []
    todo = list(mentions)
    while todo:
        m = todo.pop(0)
        found = None
        if m.kind == "org" and m.ref_id is None and m.parent is None:
            found = _parent_start(text, m)
        if found is None:
            out.append(m)
            continue
        start, article = found
        surface = text[start : m.end]
        name = normalise_org_name(nominative(clean_name(surface), article))
        parent = Mention("org", name, surface, start, m.end, org_type_of(name), origin=m.origin)
        if text[m.start : m.start + 1].isupper():
            out.append(m.with_(kind="unit", parent=name))
        todo.insert(0, parent)  # "… im Ordnungsamt der Hansestadt Lübeck": its parent too
    return sorted(out, key=lambda m: (m.start, -m.end))
