"""Names whose "für" complement has two members: "Staatsministerium für Unterricht und Kultus".

Offices and ministries are named for what they do, and what they do is often two things
("Büro für Migration und Inklusion", "Berufskolleg für Wirtschaft und Verwaltung"). A
finder that stops at the "und" (the mention model does, where "und" ends a line) leaves
the second member out and names another office. The capitalised word after the "und" is
the name's, unless it opens a name of its own ("… für Integration und Stadt Köln",
"… und Jobcentern") or the words after it go on as a name would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.mentions.model import Mention
from loaders.mentions.unit_names import names_an_organisation

__all__ = ["OPEN_COMPLEMENT", "with_both_members"]

# "für <Word>" or "für <Word>, <Word>" at the end of a name
OPEN_COMPLEMENT = re.compile(r"\bfür(?:\s+[A-ZÄÖÜ][\wäöüß-]*,?)+$")
# "und <Word>" after the name, then no further capitalised word of the same name
_SECOND_MEMBER = re.compile(
    r"[ \t]*\n?[ \t]*und[ \t]*\n?[ \t]*([A-ZÄÖÜ][\wäöüß-]+)"
    rf"(?=[.,;:)]|\s+[a-zäöüß(]|\s*$|[ \t]*{LEGAL_FORM})"
)
_LEGAL_FORM_NEXT = re.compile(rf"[ \t]*{LEGAL_FORM}")  # "… und Migration e. V.": the name's


def with_both_members(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Organisation names extended over the second member of their "für" complement.

    >>> text = "das Staatsministerium für Unterricht und\\nKultus. Es"
    >>> m = Mention("org", "Staatsministerium für Unterricht", text[4:36], 4, 36, "Ministerium")
    >>> [x.name for x in with_both_members(text, [m])]
    ['Staatsministerium für Unterricht und Kultus']
    """
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        second = _SECOND_MEMBER.match(text, m.end) if m.kind == "org" and not m.ref_id else None
        if (
            second is not None
            and OPEN_COMPLEMENT.search(m.surface)
            and second.start(1) not in starts
            and not names_an_organisation(second.group(1))
        ):
            legal = _LEGAL_FORM_NEXT.match(text, second.end(1))
            end = legal.end() if legal else second.end(1)
            name = f"{m.name} und {' '.join(text[second.start(1) : end].split())}"
            m = m.with_(name=name, surface=text[m.start : end], end=end)
        out.append(m)
    return out
