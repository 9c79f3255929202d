"""Names that open with a truncated compound: "Zuwanderungs- und Integrationsbüro".

German joins two compounds with the same last part by cutting it from the first one
("Forschungs- und Transferstelle" = Forschungsstelle und Transferstelle). Such a name is one
office or body; finders that start a name at a capitalised whole word leave the cut part
out ("Transferstelle …"). The cut part right before a name belongs to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.mentions.model import Mention

__all__ = ["with_truncated_compounds"]

# "Zuwanderungs- und ", "Aus- oder ", "Frauen- & " right before a name
_CUT_PART = re.compile(r"(?<![\wÄÖÜäöüß-])([A-ZÄÖÜ][\wäöüß]*-\s*(?:und|oder|&)\s+)$")
_REACH = 40


def with_truncated_compounds(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions extended back over a truncated compound right before them.

    >>> m = Mention("org", "Integrationsbüro", "Integrationsbüro", 18, 34, "Sonstige")
    >>> [x.name for x in with_truncated_compounds("Zuwanderungs- und Integrationsbüro", [m])]
    ['Zuwanderungs- und Integrationsbüro']
    """
    out = []
    for m in mentions:
        cut = _CUT_PART.search(text, max(0, m.start - _REACH), m.start)
        if m.ref_id is None and cut is not None and m.name.startswith(m.surface.split()[0]):
            part = " ".join(cut.group(1).split())
            m = m.with_(
                name=f"{part} {m.name}", surface=text[cut.start(1) : m.end], start=cut.start(1)
            )
        out.append(m)
    return out
