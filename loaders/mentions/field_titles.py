"""A field of action's title is no organisation's or programme's name.

A brochure heads its chapters, and often each report, with the field of action it
belongs to ("HANDLUNGSFELD 3 | Chancengerechtigkeit und Teilhabe"); set in a name's place,
the mention model reads the title as a name. The fields' titles are the contract's
(``categories.yaml``), so a name that is one of them is dropped.

>>> names = ("Chancengerechtigkeit und Teilhabe", "Fortbildungsangebote für Beschäftigte in Kitas")
>>> found = [Mention("org", n, n, 0, len(n), "") for n in names]
>>> [m.name for m in without_field_titles(found)]
['Fortbildungsangebote für Beschäftigte in Kitas']
"""

from __future__ import annotations

import re

from loaders.mentions.model import Mention
from loaders.sections.chapters import load_categories

__all__ = ["without_field_titles"]


def without_field_titles(mentions: list[Mention]) -> list[Mention]:
    """The mentions without those whose name is a field of action's title (the title's
    patterns may stop inside its last word: "… mit Einwanderungs" of "…geschichte")."""
    titles = [pattern for category in load_categories() for pattern in category.headings]
    return [m for m in mentions if not any(_whole(t.match(m.name), m.name) for t in titles)]


def _whole(match: re.Match[str] | None, name: str) -> bool:
    return match is not None and not re.search(r"\s", name[match.end() :])
