"""Names that are no names: a field of action's title, a pronoun.

A brochure heads its chapters, and often each report, with the field of action it
belongs to ("HANDLUNGSFELD 3 | Chancengerechtigkeit und Teilhabe"); set in a name's place,
the mention model reads the title as a name. The fields' titles are the contract's
(``categories.yaml``). A sentence that opens with a pronoun or a determiner standing for
a name ("Sie verpflichtet die Betriebe …", "Viele Maßnahmen …") can lead it to read the
word alone as one (``pronouns.yaml``, a closed class of words).

>>> names = ("Chancengerechtigkeit und Teilhabe", "Fortbildungsangebote für Beschäftigte in Kitas",
...          "Sie", "WIR")
>>> found = [Mention("org", n, n, 0, len(n), "") for n in names]
>>> [m.name for m in without_non_names(found)]
['Fortbildungsangebote für Beschäftigte in Kitas', 'WIR']
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from loaders.errors import InputError
from loaders.mentions.model import Mention
from loaders.reference import REFERENCE_DIR, read_yaml
from loaders.sections.chapters import load_categories

__all__ = ["PRONOUNS_FILE", "pronouns", "without_non_names"]

PRONOUNS_FILE = REFERENCE_DIR / "pronouns.yaml"


@lru_cache(maxsize=4)
def pronouns(path: Path = PRONOUNS_FILE) -> frozenset[str]:
    """The pronouns, determiners and question words (reference data), in lower case."""
    data = read_yaml(path)
    words = data.get("words") if isinstance(data, dict) else None
    if not isinstance(words, str) or not words.split():
        raise InputError(str(path), "erwartet 'words': eine Liste von Wörtern")
    return frozenset(words.lower().split())


def without_non_names(mentions: list[Mention]) -> list[Mention]:
    """The mentions without those whose name is a field of action's title (the title's
    patterns may stop inside its last word: "… mit Einwanderungs" of "…geschichte") or a
    pronoun alone (in capitals it may be a short form: Hessen's programme "WIR")."""
    titles = [pattern for category in load_categories() for pattern in category.headings]
    words = pronouns()
    return [
        m
        for m in mentions
        if (m.name.isupper() or m.name.lower() not in words)
        and not any(_whole(t.match(m.name), m.name) for t in titles)
    ]


def _whole(match: re.Match[str] | None, name: str) -> bool:
    return match is not None and not re.search(r"\s", name[match.end() :])
