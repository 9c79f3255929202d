"""People and their offices are not organisations.

Reports name organisations through the people who act for them: "Harald Klippel,
Vorstandsvorsitzender des Caritasverbands Rhein-Sieg e.V.", "Landrat Sebastian Schuster für
den Rhein-Sieg-Kreis". A name found with the office glued on ("Vorstandsvorsitzender des
Caritasverbands …") is the organisation after the office, and one found with a person's
name before "von"/"vom"/"bei" ("Christina Katz von diversu e. V.") the organisation after
the person; a short capitalised name with an office right before or after it, and nothing
of an organisation in it, is a person. The
offices are the role words of ``reference/mention_features.yaml``, also as the end of a
compound ("Diakoniepastor", "Projektleiterin").

>>> from loaders.mentions.patterns import Mention
>>> text = "Harald Klippel, Vorstandsvorsitzender des Caritasverbands Rhein-Sieg e.V., sprach."
>>> found = [Mention("org", "Harald Klippel", "Harald Klippel", 0, 14, "Sonstige", origin="model"),
...          Mention("org", "x", text[16:73], 16, 73, "Verband", origin="suffix")]
>>> [m.name for m in without_roles(text, found)]
['Caritasverband Rhein-Sieg e.V.']
"""

from __future__ import annotations

import re

from loaders.learn.features import word_classes
from loaders.learn.nominative import nominative
from loaders.learn.places import is_town
from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.mentions.patterns import Mention, normalise_org_name, org_type_of
from loaders.names import clean_name

__all__ = ["is_person", "is_role", "is_titled_person", "without_roles"]

# an office before the name: "Vorsitzender des X", "Co-Geschäftsführer von X", "Vorstand X e.V."
_GLUED_ROLE = re.compile(r"([\wÄÖÜäöüß-]+)\s+(?:(des|der)\s+|von\s+)?(?=[A-ZÄÖÜ])")
_WORD_BEFORE = re.compile(r"([\wÄÖÜäöüß-]+)\s+$")
_ROLE_AFTER = re.compile(r"\s*,\s*([\wÄÖÜäöüß-]+)")
_KEPT = frozenset({"reference", "branch"})  # known names and document conventions stand
# a person glued before the organisation they speak for: "Christina Katz von diversu e. V.",
# "Anna Muster vom Caritasverband X", "Max Muster bei der Stadt Y"
_PERSON_OF = re.compile(
    r"((?:[A-ZÄÖÜ][\wäöüß'-]+\s+){1,2}[A-ZÄÖÜ][\wäöüß'-]+)\s+"
    r"(von\s+der|von\s+den|vom|von|bei\s+der|beim|bei)\s+(?=[^\W\d])"
)


def is_role(word: str) -> bool:
    """A job title or office ("Vorstandsvorsitzender", "Diakoniepastor", "Landrätin")."""
    low = word.casefold()
    return any(low.endswith(r) for r in word_classes().role_words)


def is_person(text: str, start: int, end: int, starts: frozenset[int] = frozenset()) -> bool:
    """True for two or three capitalised words with no organisation word in them and an
    office right before ("Landrat Max Muster") or after ("Max Muster, Vorsitzender"), or,
    as participant lists write people, an organisation in brackets right after ("Doreen
    Barzel (Stiftung Mercator) • …": ``starts`` are where the text's mentions start)."""
    words = text[start:end].split()
    if not 2 <= len(words) <= 3 or not all(
        w[:1].isupper() and w.replace("-", "").isalpha() for w in words
    ):
        return False
    if org_type_of(" ".join(words)) != "Sonstige":
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _ROLE_AFTER.match(text, end)
    if (before and is_role(before.group(1))) or (after and is_role(after.group(1))):
        return True
    bracket = _ORG_IN_BRACKETS.match(text, end)
    return bracket is not None and (
        bracket.start(1) in starts or _names_a_body(clean_name(bracket.group(1)))
    )


# "Max Muster (Stiftung X, Abteilung Y)": the bracket's first name is an organisation's
_ORG_IN_BRACKETS = re.compile(r"[ \t]*\((?:Dr\.\s*)?([^,()\n]{2,80})[,)]")


def is_titled_person(text: str, start: int, end: int) -> bool:
    """An office and a person's name taken for an organisation: "Staatsministerin Annette
    Widmann-Mauz", "Sächsische Staatsministerin für Integration, Petra Köpping"."""
    words = [w.strip(",") for w in text[start:end].split()]
    person = words[-2:]
    if len(words) < 2 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in person):
        return False
    if org_type_of(" ".join(person)) != "Sonstige":
        return False
    if is_role(words[0]) and len(words) <= 4:
        return all(w[:1].isupper() for w in words[1:])
    comma = text.rfind(",", start, end)
    return comma > start and any(is_role(w) for w in words[:2])


def _names_a_body(name: str) -> bool:
    """Whether a name after an office without "des"/"der" is an organisation's (it has an
    organisation word or a legal form), not a person's ("Vorstand IN VIA Paderborn e.V.",
    not "Präsident Max Muster")."""
    return org_type_of(name) != "Sonstige" or re.search(LEGAL_FORM, name) is not None


def without_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without persons, and with offices cut from the names they were glued to."""
    out = []
    starts = frozenset(m.start for m in mentions if m.kind != "programme")
    for m in mentions:
        if m.origin in _KEPT or m.kind == "programme":
            out.append(m)
            continue
        person = _PERSON_OF.match(text, m.start, m.end)
        if person and _is_personal_name(person.group(1)):
            rest = clean_name(text[person.end() : m.end])
            if _names_a_body(rest):
                case = person.group(2).split()[-1]  # "vom": nominative reads it as "dem"
                name = normalise_org_name(
                    nominative(rest, None if case in ("von", "bei") else case)
                )
                start = person.end()
                out.append(
                    m.with_(
                        name=name, surface=text[start : m.end], start=start, type=org_type_of(name)
                    )
                )
                continue
        glued = _GLUED_ROLE.match(text, m.start, m.end)
        rest = clean_name(text[glued.end() : m.end]) if glued else ""
        if glued and is_role(glued.group(1)) and (glued.group(2) or _names_a_body(rest)):
            start = glued.end()
            case = glued.group(2)
            name = normalise_org_name(nominative(rest, case) if case else rest)
            out.append(
                m.with_(name=name, surface=text[start : m.end], start=start, type=org_type_of(name))
            )
        elif not (_names_a_person(text, m, starts) or is_titled_person(text, m.start, m.end)):
            out.append(m)
    return out


def _head_word(word: str) -> bool:
    """An organisation's head word, also as a compound's end ("Altertumsverein")."""
    return word.casefold().endswith(word_classes().head_endings)


def _is_personal_name(words: str) -> bool:
    """Two or three capitalised words of letters with nothing of an organisation or a place
    in them: shaped like a person's name ("Christina Katz", "Baraa Abu El-Khair")."""
    parts = words.split()
    return (
        2 <= len(parts) <= 3
        and all(w.replace("-", "").replace("'", "").isalpha() for w in parts)
        and org_type_of(words) == "Sonstige"
        and not any(is_role(w) or is_town(w) or _head_word(w) for w in parts)
    )


def _names_a_person(text: str, m: Mention, starts: frozenset[int]) -> bool:
    """:func:`is_person` on the name itself: a model span may hold a list bullet or the
    bracket after the name ("• Doreen Barzel (Stiftung Mercator")."""
    at = text.find(m.name, m.start, m.end)
    start, end = (at, at + len(m.name)) if at >= 0 else (m.start, m.end)
    return is_person(text, start, end, starts)
