"""Two organisations' names joined by "und" into one mention are two mentions, resolved
against the names the text gives alone.

A finder that runs on over an "und" ("Brückmann Antriebstechnik und Dreier Blechtechnik",
"Jobcenter Dithmarschen und dem Westküstenklinikum Heide") names an organisation nobody
has. Where the words before and after the "und" each name an organisation that the text
names elsewhere on its own, the mention is those two. The members of a "für" complement
("Ministerium für Familie, Arbeit und Soziales") are what a body does, not names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.mentions.complements import OPEN_COMPLEMENT
from loaders.mentions.model import Mention
from loaders.resolve.keys import entity_key

__all__ = ["without_joined_names"]

_BODIES = ("org", "unit")
# the "und" between two names, with the article the second one may take
_JOIN = re.compile(r"\s+und\s+(?:(?:der|dem|den|des|die|das)\s+)?")


def without_joined_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each organisation's mention that joins two names the text names
    on their own elsewhere split into those two, each as the text names it alone.

    >>> text = "Die Stadt Ahlen hilft. Die Caritas Ahlen berät. Stadt Ahlen und Caritas Ahlen."
    >>> found = [Mention("org", n, n, text.index(n), text.index(n) + len(n), "Sonstige")
    ...          for n in ("Stadt Ahlen", "Caritas Ahlen")]
    >>> joined = "Stadt Ahlen und Caritas Ahlen"
    >>> at = text.index(joined)
    >>> found.append(Mention("org", joined, joined, at, at + len(joined), "Sonstige"))
    >>> [(m.name, m.start - at) for m in without_joined_names(text, found)[2:]]
    [('Stadt Ahlen', 0), ('Caritas Ahlen', 16)]
    """
    named: dict[str, Mention] = {}  # each organisation's or unit's first mention, by key
    for m in mentions:
        if m.kind in _BODIES:
            named.setdefault(entity_key(m.name), m)
    out: list[Mention] = []
    for m in mentions:
        parts = _two_names(text, m, named) if m.kind in _BODIES and " und " in m.name else None
        out.extend(parts or [m])
    return out


def _two_names(text: str, mention: Mention, named: dict[str, Mention]) -> list[Mention] | None:
    surface = text[mention.start : mention.end]
    for join in _JOIN.finditer(surface):
        first, second = surface[: join.start()], surface[join.end() :]
        if OPEN_COMPLEMENT.search(first):
            continue  # "… für Familie, Arbeit und Soziales": one body's fields
        names = [" ".join(first.split()), " ".join(second.split())]
        before, after = (named.get(entity_key(name)) for name in names)
        if before is not None and after is not None:
            a, b = mention.start + len(first), mention.start + join.end()
            return [
                before.with_(surface=text[mention.start : a], start=mention.start, end=a),
                after.with_(surface=text[b : mention.end], start=b, end=mention.end),
            ]
    return None
