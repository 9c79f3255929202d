"""Organisations named by one plural head and a list of places.

"die Bezirksregierungen Arnsberg, Detmold und Münster", "der Städte Achern, Kehl und Lahr",
"aus fünf Jobcentern in Aachen, Bonn und Köln", "die Integrationsräte von Dortmund und
Lünen": the head noun stands once, in the plural,
and each place of the list is one organisation ("Bezirksregierung Arnsberg"). The heads
and their singulars are rule vocabulary (``reference/plural_heads.yaml``); a list counts
when at least two of its members are German places (``reference/places.yaml``) and none
looks like a common noun, so "den Städten Geld und Personal" names nobody; towns after
"in"/"aus" ("in den Städten Köln und Bonn") are places, not bodies that act. A head owned by
the towns' bodies ("die Gesundheitsämter der Kreise Soest und Unna") names a unit of each
("Gesundheitsamt Kreis Soest", part of the "Kreis Soest").

>>> text = "Beteiligt sind die Bezirksregierungen Arnsberg, Detmold und Münster."
>>> [(m.name, text[m.start:m.end]) for m in shared_head_mentions(text)]
[('Bezirksregierung Arnsberg', 'Arnsberg'), ('Bezirksregierung Detmold', 'Detmold'), \
('Bezirksregierung Münster', 'Münster')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from loaders.errors import InputError
from loaders.learn.places import is_town
from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.mentions.model import PLACE_OPENER
from loaders.mentions.org_types import org_type_of
from loaders.mentions.patterns import Mention
from loaders.reference import REFERENCE_DIR, read_yaml

__all__ = [
    "PLURAL_HEADS_FILE",
    "SHARED_HEAD_ORIGIN",
    "TERRITORIES",
    "shared_head_mentions",
    "with_shared_heads",
]

PLURAL_HEADS_FILE = REFERENCE_DIR / "plural_heads.yaml"
SHARED_HEAD_ORIGIN = "shared_head"
TERRITORIES = frozenset({"Stadt", "Gemeinde", "Kreis", "Landkreis"})
# a member may name its territory: "die Jobcenter Dortmund und Kreis Unna"
_TERRITORY = rf"(?:(?:{'|'.join(sorted(TERRITORIES))})\s+(?=[A-ZÄÖÜ]))?"
_PLACE = (
    rf"{_TERRITORY}(?:{PLACE_OPENER}\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*"
    r"(?:\s+(?:an\s+der|am|im|in\s+der|ob\s+der)\s+[A-ZÄÖÜ][a-zäöüß]+)?"
)
# a member may carry its own legal form: "die Caritasverbände Büren e. V. und Paderborn e. V."
# or the region that tells it apart: "die Städte Arnsberg, Sundern (Sauerland) und Meschede"
_REGION = r"(?:\s*\([A-ZÄÖÜ][\wäöüß. -]{1,30}\))?"
_MEMBER = rf"{_PLACE}{_REGION}(?:\s+{LEGAL_FORM})?"
_MEMBER_RE = re.compile(rf"(?P<place>{_PLACE}){_REGION}(?:\s+{LEGAL_FORM})?")
# "in den Städten Köln und Bonn": towns as places, not as bodies that act
_LOCATIVE = re.compile(r"\b(?:in|aus)\s+(?:den\s+|der\s+|allen\s+)?(?:\w+\s+)?$")
_GENITIVE = {"Stadt": "der Stadt", "Gemeinde": "der Gemeinde", "Kreis": "des Kreises",
             "Landkreis": "des Landkreises"}  # fmt: skip
_COMMON_NOUN = re.compile(r"(?:ung|heit|keit|schaft|ion|tät|nahme|ismus|en)$")


@lru_cache(maxsize=2)
def _plural_heads(path: Path = PLURAL_HEADS_FILE) -> dict[str, str]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InputError(str(path), "erwartet Paare 'Plural: Singular'")
    return {" ".join(k.split()): v for k, v in data.items()}


def _singular(head: str, path: Path = PLURAL_HEADS_FILE) -> str:
    """The singular that names each member: the head's own entry, else its compound's
    ending made singular ("Landwirtschaftskammern" -> "Landwirtschaftskammer")."""
    heads = _plural_heads(path)
    if head in heads:
        return heads[head]
    for plural, singular in heads.items():
        if plural.startswith("-") and head.endswith(plural[1:]):
            return head[: len(head) - len(plural) + 1] + singular[1:]
    return head


@lru_cache(maxsize=2)
def _pattern(path: Path = PLURAL_HEADS_FILE) -> re.Pattern[str]:
    heads = sorted((h for h in _plural_heads(path) if not h.startswith("-")), key=len, reverse=True)
    endings = sorted(
        (h[1:] for h in _plural_heads(path) if h.startswith("-")), key=len, reverse=True
    )
    compound = rf"[A-ZÄÖÜ][\wäöüß]*(?:-[\wäöüß]+)*(?:{'|'.join(map(re.escape, endings))})"
    head = "|".join([*(re.escape(h).replace(r"\ ", r"\s+") for h in heads), compound])
    territories = "|".join(p for p, s in _plural_heads(path).items() if s in TERRITORIES)
    return re.compile(
        rf"(?<![\wäöüß-])(?P<head>{head})\s+(?:(?:in|aus|von)\s+|der\s+(?P<of>{territories})\s+)?"
        rf"(?P<list>{_MEMBER}(?:\s*,\s*{_MEMBER})*\s*,?\s+(?:und|sowie)\s+{_MEMBER})"
        rf"(?![\wäöüß-])"
    )


def _placed(name: str) -> bool:
    """A member that names a place: a town, also without its official qualifier
    ("Kempten"), or a district named after towns ("Trier-Saarburg", "Darmstadt-Dieburg"),
    with its territory or without ("Kreis Unna")."""
    first, _, rest = name.partition(" ")
    if first in TERRITORIES and rest:
        name = rest
    return is_town(name) or is_town(name.split("-")[0])


def shared_head_mentions(text: str, path: Path = PLURAL_HEADS_FILE) -> list[Mention]:
    """One mention per place of every plural-head list in ``text``, on the place's span."""
    out: list[Mention] = []
    for match in _pattern(path).finditer(text):
        head = " ".join(match.group("head").split())
        singular = _singular(head, path)
        if singular in TERRITORIES and _LOCATIVE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            continue
        if (
            head not in _plural_heads(path)
            and not match["of"]
            and match.end("head") + 1 < match.start("list")
        ):
            continue  # "Migrantenvereine in Esslingen und Nürtingen": clubs there, not names
        members = list(_MEMBER_RE.finditer(match.group("list")))
        names = [" ".join(m.group("place").split()) for m in members]
        placed = [n for n in names if _placed(n)]
        if len(placed) < min(2, len(names) - 1) or any(
            _COMMON_NOUN.search(n) and n not in placed for n in names
        ):
            continue
        offset = match.start("list")
        territory = _singular(match["of"], path) if match["of"] else None
        for member in members:
            place = " ".join(member.group(0).split())
            kind, name, surface, parent = "org", f"{singular} {place}", member.group(0), None
            if territory is not None:
                # "die Gesundheitsämter der Kreise Soest und Unna": each a unit of its own
                # Kreis, named as the head with its place ("Gesundheitsamt Kreis Soest")
                parent = f"{territory} {place}"
                kind, name = "unit", f"{singular} {parent}"
                surface = f"{singular} {_GENITIVE[territory]} {place}"
            out.append(
                Mention(
                    kind,
                    name,
                    surface,
                    offset + member.start(),
                    offset + member.end(),
                    org_type_of(name) if parent is None else "",
                    origin=SHARED_HEAD_ORIGIN,
                    parent=parent,
                )
            )
    return out


def with_shared_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the members of plural-head lists; a member replaces the mentions
    it overlaps (a bare place, a list swallowed into one name)."""
    found = shared_head_mentions(text)
    if not found:
        return mentions
    kept = [m for m in mentions if not any(f.start < m.end and m.start < f.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)
