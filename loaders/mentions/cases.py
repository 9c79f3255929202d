"""Every found name in the nominative, whichever rule found it.

The model's names and the list members are set into the nominative where they are found;
the legal-form and head-word patterns take the words as they stand, so "mit dem
Multikulturellen Forum e. V." or "das Multikulturelle Forum e. V." kept their adjective's
case and the organisation was named "Multikulturellen Forum e. V." beside "Multikulturelles
Forum". One pass over all names reads the article before each and sets the name back.

>>> from loaders.mentions.model import Mention
>>> text = "mit dem Multikulturellen Forum e. V. arbeitet"
>>> found = Mention("org", "Multikulturellen Forum e. V.", text[8:36], 8, 36, "Verein",
...                 origin="suffix")
>>> [m.name for m in in_nominative(text, [found])]
['Multikulturelles Forum e. V.']
"""

from __future__ import annotations

from loaders.learn.nominative import article_before, nominative
from loaders.mentions.model import Mention
from loaders.mentions.patterns import normalise_org_name
from loaders.names import clean_name

__all__ = ["in_nominative"]


def in_nominative(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each organisation's or unit's own words in the nominative; names
    taken from the reference, and names no longer spelt as found, stay as they are."""
    out = []
    for m in mentions:
        if m.kind != "programme" and m.ref_id is None and _as_found(m):
            article = article_before(text, m.start)
            if article is not None:
                name = normalise_org_name(nominative(m.name, article))
                if name != m.name:
                    m = m.with_(name=name)
        out.append(m)
    return out


def _as_found(m: Mention) -> bool:
    """Whether the name starts with the words of its surface (not set into a case yet)."""
    found = clean_name(m.surface).split(" ", 1)[0]
    return bool(found) and m.name.split(" ", 1)[0].casefold() == found.casefold()
