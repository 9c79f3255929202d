"""Names of one organisation that its grouping key alone does not bring together.

A unit named with its parent in the genitive ("das Integrationsbüro der Stadt
Dessau-Roßlau") is the unit the text names alone elsewhere ("das Integrationsbüro"): it is
keyed by its own words. And a unit named without its parent where it was taken for an
organisation ("INTEGRATIONS- UND GLEICHSTELLUNGSBÜRO" under a heading of the town) is the
one unit of that name the text names with its parent.

>>> own_words("Integrationsbüro der Stadt Dessau-Roßlau", "Stadt Dessau-Roßlau")
'Integrationsbüro'
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from loaders.learn.features import word_classes
from loaders.learn.places import is_place, places
from loaders.mentions.model import Mention
from loaders.mentions.patterns import normalise_org_name
from loaders.names import SPELLING_JOINERS, clean_name, name_key, spelt_by
from loaders.resolve.keys import without_legal_form

if TYPE_CHECKING:
    from loaders.resolve.entities import Entity

__all__ = [
    "own_words",
    "join_units_named_alone",
    "join_named_without_town",
    "join_short_forms",
    "join_same_words",
    "join_fuller_names",
    "fuller_name_of",
    "FULLER_BY",
    "is_initials",
    "short_form_of",
    "take_into",
]

_GENITIVE_JOIN = re.compile(r"\s+(?:der|des)\s+")


def own_words(surface: str, parent: str | None) -> str:
    """A unit's name without its parent named after it in the genitive ("Amt für Schule
    des Kreises Düren" of the "Kreis Düren" -> "Amt für Schule"); else the name as found."""
    name = clean_name(surface)
    if parent:
        parent_key = name_key(parent)
        for join in reversed(list(_GENITIVE_JOIN.finditer(name))):
            if name_key(normalise_org_name(name[join.end() :])) == parent_key:
                return name[: join.start()]
    return name


def join_units_named_alone(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    keep: Collection[str | None] = (),
) -> list[tuple[Mention, str, int]]:
    """An organisation without reference entry whose name is the own name of exactly one
    unit of the document is that unit ("Dezernat 20" of two parents stays apart); the
    organisations in ``keep`` (the partners, the reporter) stay themselves."""
    units: dict[str, set[str]] = {}  # a unit's own name key -> the units of that name
    for key, entity in entities.items():
        if key.startswith("unit:") and entity.kind == "org" and entity.parent_key in entities:
            own = key.rsplit(":", 1)[1]
            for k in {own, *map(name_key, entity.names)}:
                units.setdefault(k, set()).add(key)
    joined: dict[str, str] = {}
    for key, entity in entities.items():
        if not key.startswith("org:") or entity.ref_id or key in keep:
            continue
        into = units.get(key.removeprefix("org:"), set())
        if len(into) == 1:
            joined[key] = next(iter(into))
    return take_into(entities, resolved, joined)


def take_into(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    joined: dict[str, str],
    names: bool = True,
) -> list[tuple[Mention, str, int]]:
    """Each entity of ``joined`` taken into the one it maps to (its names, aliases, lines
    and list membership; with ``names`` off its names only as aliases, so that a short form
    named more often does not become the name); its mentions follow. An entity others are
    taken into stays itself ("X" into "X Y – Z" while "X Y – Z" goes into "X"): no chains,
    no cycles; such entries are dropped from ``joined``."""
    for key in set(joined.values()) & set(joined):
        del joined[key]
    for key, into_key in joined.items():
        alone, into = entities.pop(key), entities[into_key]
        if names:
            into.names.update(alone.names)
        into.aliases |= alone.aliases | set(alone.names)
        into.lines |= alone.lines
        into.listed = into.listed or alone.listed
    return [(m, joined.get(key, key), line) for m, key, line in resolved]


def without_town(name: str) -> str | None:
    """The name without the place it ends with, legal form aside ("Multikulturelles Forum
    Lünen e. V." -> "Multikulturelles Forum"); None when it ends with no place.

    >>> without_town("Multikulturelles Forum Lünen e. V.")
    'Multikulturelles Forum'
    >>> without_town("Multikulturelles Forum e. V.") is None
    True
    """
    words = without_legal_form(name).split()
    known = places()
    for size in (3, 2, 1):
        tail = tuple(words[-size:])
        if len(words) > size + 1 and tail in known.get(tail[0], ()):
            return " ".join(words[:-size])
    return None


def join_named_without_town(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    generic: Collection[str],
    keep: Collection[str | None] = (),
) -> list[tuple[Mention, str, int]]:
    """An organisation named once with its town and once without ("das Multikulturelle
    Forum e. V." … "Multikulturelles Forum Lünen e. V.") is one, named with the town, when
    exactly one organisation of the document bears that name with a town. A generic head
    ("Jobcenter", keys in ``generic``) names another one in each town and is never joined;
    the organisations in ``keep`` (the partners, the reporter) stay themselves."""
    towns: dict[str, set[str]] = {}  # name key without the town -> organisations with it
    for key, entity in entities.items():
        if key.startswith("org:") and not entity.ref_id:
            for name in entity.names:
                short = without_town(name)
                if short is not None:
                    towns.setdefault(name_key(short), set()).add(key)
    joined: dict[str, str] = {}
    for key, entity in entities.items():
        if not key.startswith("org:") or entity.ref_id or key in keep:
            continue
        short_keys = {name_key(without_legal_form(n)) for n in entity.names}
        candidates = {k for s in short_keys - set(generic) for k in towns.get(s, ())} - {key}
        if len(candidates) == 1:
            joined[key] = next(iter(candidates))
    return take_into(entities, resolved, joined)


_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,7}")
_YEAR = re.compile(r"(?:18|19|20)\d\d")
_OWNER_AFTER = frozenset({"der", "des", "an", "am", "in", "im"})
# the word before a town that names its own body: "Stadt", "Landeshauptstadt", "Gemeinde"
_TOWN_BODY = re.compile(r"\w*(?:[Ss]tadt|[Gg]emeinde|[Kk]reis)|Markt")
# a body named by its field before its head ("Sozialministerium", "Justizbehörde"): the body
# whose full name gives that field ("Ministerium für Soziales, Jugend und Familie")
_FIELD_HEADS = ("ministerium", "behörde")
_FIELD_BODY = re.compile(
    rf"(?P<field>[A-ZÄÖÜ][a-zäöüß]{{3,}}?)s?(?P<head>{'|'.join(_FIELD_HEADS)})"
)
_FIELD_STEM = 4  # letters a field's word and the compound's first part share at least


def is_initials(word: str) -> bool:
    """Whether a word is shaped like initials: short, with two capitals or more."""
    return _ACRONYM.fullmatch(word) is not None and sum(c.isupper() for c in word) >= 2


def short_form_of(short: str, full: str) -> bool:
    """Whether a text's ``short`` name stands for its ``full`` one: its initials
    ("KVB", "TU Darmstadt" for "Technische Universität Darmstadt"), its first word ("die Liga" for
    the "Liga der Freien Wohlfahrtspflege in Hessen"), the name before its owner
    ("Regionaldirektion Bayern der Bundesagentur für Arbeit"), a town for the town's own
    body ("Meschede" for the "Stadt Meschede"), or a town's body without its title ("Stadt
    Marburg" for the "Universitätsstadt Marburg").

    >>> short_form_of("KVB", "Kölner Verkehrs-Betriebe AG")
    True
    >>> short_form_of("TU Darmstadt", "Technische Universität Darmstadt")
    True
    >>> short_form_of("Liga", "Liga der Freien Wohlfahrtspflege"), short_form_of("IHK", "IHK Trier")
    (True, True)
    >>> short_form_of("Meschede", "Stadt Meschede"), short_form_of("Stadt Meschede", "Meschede")
    (True, False)
    >>> short_form_of("Caritasverband Bonn", "Caritasverband Bonn Fachdienst Migration")
    False
    >>> short_form_of("Stadt Marburg", "Universitätsstadt Marburg")
    True
    >>> short_form_of("Stadt Offenbach", "Kreis Offenbach")
    False
    >>> short_form_of("TuS Eintracht Hassel", "TuS Eintracht Hassel 1912 e. V.")
    True

    A name with its legal form is a name in full, not a short form ("EWE AG" of the "EWE
    WASSER GmbH", "Wolfsburg AG" of the "Stadt Wolfsburg"), and initials are spelt mostly by
    words' initials ("DaMOst" is not the "Dachverband sächsischer Migrantenorganisationen"):

    >>> short_form_of("EWE AG", "EWE WASSER GmbH"), short_form_of("Wolfsburg AG", "Stadt Wolfsburg")
    (False, False)
    >>> short_form_of("DaMOst", "Dachverband sächsischer Migrantenorganisationen e. V.")
    False
    >>> short_form_of("JVA Neumünster", "Justizvollzugsanstalt Neumünster")  # capitals alone
    True
    """
    named_in_full = without_legal_form(short) != short
    short, full = without_legal_form(short), without_legal_form(full)
    words, full_words = short.split(), full.split()
    if body := _FIELD_BODY.fullmatch(short):
        return _names_field(body["field"], body["head"], full_words)
    if not words or len(full_words) < len(words):
        return False
    # initials that are a word of the full name are its first word ("IHK" of the "IHK Trier")
    if is_initials(words[0]) and words[0] not in full_words:
        rest = words[1:]
        if rest and full_words[-len(rest) :] != rest:
            return False
        spelling = full_words[: len(full_words) - len(rest)]
        initials = sum(1 for w in spelling if w[:1].isupper())
        return (
            len(words[0]) >= 3 - len(rest)
            # "DaMOst" is not spelt from inside two words; capitals alone may spell a
            # compound's parts ("JVA" of the "Justizvollzugsanstalt")
            and (2 * initials >= len(words[0]) or words[0].isupper())
            and spelt_by(tuple(spelling), words[0].casefold())
        )
    if words[0] == "Stadt" and full_words[1:] == words[1:] and len(words) > 1:
        # the town's title left off: "Stadt Marburg" of the "Universitätsstadt Marburg"
        return full_words[0].endswith("stadt") and full_words[0] != "Stadt"
    if named_in_full or len(full_words) == len(words):
        return False
    if is_place(short):
        return full_words[1:] == words and _TOWN_BODY.fullmatch(full_words[0]) is not None
    if full_words[: len(words)] != words:
        return False
    if all(map(_YEAR.fullmatch, full_words[len(words) :])):
        return True  # a club's founding year: "TuS Hassel" of the "TuS Hassel 1912 e. V."
    return len(words) == 1 or full_words[len(words)] in _OWNER_AFTER


def _names_field(field: str, head: str, full_words: list[str]) -> bool:
    """Whether a full name of a body with ``head`` among its first two words
    ("Hessisches Ministerium") lists ``field`` among its fields ("für Soziales und
    Integration", "des Innern"): the compound "Sozialministerium", "Innenministerium" (a
    word the two begin alike with, bar a letter or two of its ending).

    >>> _names_field("Sozial", "ministerium", "Ministerium für Soziales und Integration".split())
    True
    >>> _names_field("Innen", "ministerium", "Hessisches Ministerium des Innern".split())
    True
    >>> _names_field("Justiz", "ministerium", "Ministerium für Soziales und Integration".split())
    False

    A federal body's compound says so ("Bundesfamilienministerium"); the Land's does not:

    >>> federal = "Bundesministerium für Arbeit und Soziales".split()
    >>> [_names_field(f, "ministerium", federal) for f in ("Sozial", "Bundessozial")]
    [False, True]
    """
    heads = [w.casefold() for w in full_words[:2] if w.casefold().endswith(head)]
    stem = field.casefold()
    federal = stem.startswith("bundes")  # "Bundesfamilienministerium", a federal body
    if not heads or federal != heads[0].startswith("bundes"):
        return False
    stem = stem.removeprefix("bundes")
    for word in full_words[1:]:
        word = word.strip(",").casefold()
        shared = len(os.path.commonprefix([stem, word]))
        if shared >= _FIELD_STEM and shared >= min(len(stem), len(word)) - 1:
            return True
    return False


def _genre_labelled(name: str) -> bool:
    """Whether a programme's name opens with a genre word before its own name ("Programm
    Integra", "Landesprogramm Start Deutsch"): the word is a label, not part of the name.

    >>> _genre_labelled("Landesprogramm Start Deutsch"), _genre_labelled("Start Deutsch")
    (True, False)
    """
    words = name.split(maxsplit=1)
    if len(words) < 2 or not words[1][:1].isupper():
        return False
    classes = word_classes()
    first = words[0].casefold()
    return first in classes.programme_cues or first.endswith(classes.programme_endings)


class _FullNames:
    """The names a short form may stand for, found by its first word, by the words after a
    town body's first word, or (initials) by the first letter: :func:`short_form_of` is
    asked about a few names, not about every pair of the document's names."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.by_initial: dict[str, list[tuple[str, str]]] = {}
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        self.by_rest: dict[str, list[tuple[str, str]]] = {}
        self.by_head: dict[str, list[tuple[str, str]]] = {}  # "ministerium" -> ministries
        for key, entity in entities.items():
            for full in entity.names:
                words = without_legal_form(full).split()
                lower = words[0].islower() or words[0].casefold() in SPELLING_JOINERS
                initial = "" if lower else words[0][0].casefold()
                self.by_initial.setdefault(initial, []).append((key, full))
                self.by_first.setdefault(words[0], []).append((key, full))
                self.by_rest.setdefault(" ".join(words[1:]), []).append((key, full))
                for head in _FIELD_HEADS:
                    if any(w.casefold().endswith(head) for w in words[:2]):
                        self.by_head.setdefault(head, []).append((key, full))

    def candidates(self, short: str) -> list[tuple[str, str]]:
        """(entity key, name) of the names ``short`` may stand for."""
        words = without_legal_form(short).split()
        if not words:
            return []
        if is_initials(words[0]):  # spelt from the first word on, bar a lower-case one
            return self.by_initial.get(words[0][0].casefold(), []) + self.by_initial.get("", [])
        titled = self.by_rest.get(" ".join(words[1:]), []) if words[0] == "Stadt" else []
        if body := _FIELD_BODY.fullmatch(short):  # "Sozialministerium": the ministries' names
            titled += self.by_head.get(body["head"], [])
        return self.by_first.get(words[0], []) + self.by_rest.get(" ".join(words), []) + titled


def join_short_forms(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    generic: Collection[str],
    keep: Collection[str | None] = (),
) -> list[tuple[Mention, str, int]]:
    """An organisation or programme named in full and elsewhere by a short form
    (:func:`short_form_of`) or by one of the names it was given in full ("MBE" after
    "Migrationsberatung für erwachsene Zuwanderer (MBE)") is one, when exactly one entity of
    the document answers to the short form; so is a programme named once after a genre word
    ("Programm Integra") and once without it, named without it. Initials join the entity
    they spell whatever kind they were read as ("HiM" of the programme "Handwerk integriert
    Migranten"). A generic head ("Jobcenter", keys in
    ``generic``) names another one in each town and is never joined; the organisations in
    ``keep`` (the partners, the reporter) stay themselves, and no unit is joined with its
    parent."""
    by_name: dict[str, set[str]] = {}  # a name or alias -> the entities that bear it
    by_own_name: dict[str, set[str]] = {}  # the same for names without aliases
    for key, entity in entities.items():
        for name in {*entity.names, *entity.aliases}:
            by_name.setdefault(name_key(name), set()).add(key)
        for name in entity.names:
            by_own_name.setdefault(name_key(name), set()).add(key)
    fulls = _FullNames(entities)
    joined: dict[str, str] = {}
    for key, entity in entities.items():
        if entity.ref_id or key in keep or not key.startswith(("org:", "programme:")):
            continue
        names = {n for n in entity.names if name_key(without_legal_form(n)) not in generic}
        into = {k for n in names for k in by_name.get(name_key(n), ())}
        if entity.kind == "programme":  # "Landesprogramm Start Deutsch" is "Start Deutsch"
            labelled = (n.split(maxsplit=1)[1] for n in entity.names if _genre_labelled(n))
            into |= {k for n in labelled for k in by_own_name.get(name_key(n), ())}
        into -= {key}
        if not into:
            into = {
                k
                for n in names
                for k, full in fulls.candidates(n)
                if k != key and short_form_of(n, full)
            }
        initials = any(is_initials(n.split()[0]) for n in names if n.split())
        into = {
            k
            for k in into
            if (entities[k].kind == entity.kind or initials)
            and key != entities[k].parent_key
            and k != entity.parent_key
        }
        if len(into) == 1:
            joined[key] = next(iter(into))
    return take_into(entities, resolved, joined, names=False)


# words that join a name's own words and may be left out or set elsewhere ("Jobcenter im
# Kreis Paderborn", "Regionaldirektion Nord der Bundesagentur für Arbeit")
_JOINING_WORDS = frozenset(
    {"der", "die", "das", "des", "dem", "den", "in", "im", "am", "an", "zu", "zur", "zum",
     "von", "vom", "für", "und", "bei", "beim", "e.", "v."}
)  # fmt: skip
_WORD_SPLIT = re.compile(r"[\s,/()–—]+")


def own_word_set(name: str) -> frozenset[str]:
    """A name's words without its legal form and joining words, in any order and case.

    >>> own_word_set("Regionaldirektion Nord der Bundesagentur für Arbeit") == own_word_set(
    ...     "Bundesagentur für Arbeit, Regionaldirektion Nord")
    True
    >>> own_word_set("Jobcenter im Kreis Paderborn") == own_word_set("Jobcenter Kreis Paderborn")
    True
    """
    words = _WORD_SPLIT.split(without_legal_form(name).casefold())
    return frozenset(w for w in words if w and w not in _JOINING_WORDS)


def join_same_words(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    keep: Collection[str | None] = (),
) -> list[tuple[Mention, str, int]]:
    """Organisations (or programmes) whose names have the same own words are one, set in
    another order, case or with other joining words ("Kreisverband Nürnberg der
    Arbeiterwohlfahrt" and "Arbeiterwohlfahrt Kreisverband Nürnberg e. V."). Two words at
    least; units (keyed by their parent) are left alone, and two reference entries or two of
    ``keep`` (partners, the reporter) stay apart. The one kept is one of ``keep``, else a
    reference entry, else the most often named."""
    groups: dict[tuple[str, frozenset[str]], list[str]] = {}
    for key, entity in entities.items():
        if not key.startswith(("org:", "programme:", "ref:")):
            continue  # a unit is keyed by its parent too: one name, several units
        for name in entity.names:
            words = own_word_set(name)
            if len(words) >= 2:
                group = groups.setdefault((entity.kind, words), [])
                if key not in group:
                    group.append(key)
    joined: dict[str, str] = {}
    for keys in groups.values():
        keys = [k for k in keys if k not in joined]
        if len(keys) < 2:
            continue
        kept = [k for k in keys if k in keep]
        refs = {entities[k].ref_id for k in keys} - {None}
        if len(kept) > 1 or len(refs) > 1:
            continue
        into = (
            kept[0]
            if kept
            else max(
                keys,
                key=lambda k: (entities[k].ref_id is not None, sum(entities[k].names.values()), k),
            )
        )
        joined.update({k: into for k in keys if k != into})
    return take_into(entities, resolved, joined, names=False)


FULLER_BY = 3  # words a fuller name adds to a short one (a town, a legal form, initials);
# more make another body ("Caritasverband Bonn Fachdienst Migration") or a sentence


def fuller_name_of(short: str, full: str) -> bool:
    """Whether ``full`` names the body ``short`` names, with words that do not make it
    another: ``short`` is its short form (:func:`short_form_of`), or its own words stand in
    ``full`` in their order from its first word on and ``full`` adds a place or initials
    only ("Fachklinik Sonnenhang" of the "Fachklinik Sonnenhang Bad Berleburg", "Arbeit und
    Leben Hamburg" of "Arbeit und Leben DGB/VHS Hamburg e. V.").

    >>> fuller_name_of("Fachklinik Sonnenhang", "Fachklinik Sonnenhang Bad Berleburg")
    True
    >>> fuller_name_of("Arbeit und Leben Hamburg", "Arbeit und Leben DGB/VHS Hamburg e. V.")
    True
    >>> fuller_name_of("Caritasverband Bonn", "Caritasverband Bonn Fachdienst Migration")
    False
    >>> fuller_name_of("Stadt Bonn", "Stadt Bonn"), fuller_name_of("Bus GmbH", "Hagen Bus GmbH")
    (False, False)
    """
    words, full_words = without_legal_form(short).split(), without_legal_form(full).split()
    if words[:1] != ["Stadt"] and short_form_of(short, full):
        return True  # (a town's title is no part of its body's name: "Kupferstadt Stolberg")
    runs: list[list[str]] = [[]]  # the words ``full`` adds, in runs between ``short``'s
    at = 0
    for word in full_words:
        if at < len(words) and word == words[at]:
            at += 1
            runs.append([])
        else:
            runs[-1].append(word)
    added = [run for run in runs if run]
    if at < len(words) or runs[0] or not added or sum(map(len, added)) > FULLER_BY:
        return False
    return all(
        is_place(" ".join(run)) or all(is_initials(p) for w in run for p in w.split("/"))
        for run in added
    )  # initials: "DGB/VHS", "NRW"


def join_fuller_names(
    entities: dict[str, Entity],
    resolved: list[tuple[Mention, str, int]],
    partners: Collection[str | None],
) -> list[tuple[Mention, str, int]]:
    """A partner whose heading gives a short form of its name is the organisation its
    reports name in full (:func:`fuller_name_of`): "KLINIKEN AM RHEINBOGEN" over "Die
    Kliniken am Rheinbogen Leverkusen gGmbH …". The other steps never join a partner into
    another; this joins another into the partner, when it is the only partner the name
    can be a fuller form of. Reference entries and units stay themselves."""
    heads = [k for k in dict.fromkeys(partners) if k in entities and k.startswith("org:")]
    joined: dict[str, str] = {}
    for key, entity in entities.items():
        if entity.ref_id or not key.startswith("org:") or key in heads:
            continue
        into = [
            p
            for p in heads
            if key not in (entities[p].parent_key, p)
            and any(fuller_name_of(s, f) for s in entities[p].names for f in entity.names)
        ]
        if len(into) == 1:
            joined[key] = into[0]
    return take_into(entities, resolved, joined)
