"""Membership lines: "Mitglied seit 2015", "im Netzwerk seit 2019", "Partner seit 2022".

A network's directory or its partners' reports print, under each member's name or at the
end of its heading line, since when it belongs: "Bremerhaven · im Netzwerk seit 2020",
"DIENSTSITZ DARMSTADT · MITGLIEDSBEHÖRDE SEIT 2022", "– Landesamt X, Partner seit 2022".
No sentence names the network there: it is the one the document is about
(:func:`loaders.links.context.document_programme`). The member is the organisation named on
the line before the words, else the partner whose report holds the line, else the entry's
name: the first organisation named since the empty line above.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from loaders.clean.textstream import TextStream, quote
from loaders.links.context import LinkSink, block_of, document_programme
from loaders.models import Block
from loaders.reference import REFERENCE_DIR, word_alternatives
from loaders.resolve.entities import ResolvedDocument

__all__ = ["MEMBERSHIP_LABELS_FILE", "membership_lines"]

MEMBERSHIP_LABELS_FILE = REFERENCE_DIR / "membership_labels.yaml"
_MAX_LINE = 70  # characters: a longer line is running text ("… ist seit 2015 Mitglied …")
_ENTRY_LINES = 6  # lines above a membership line where the entry's name may stand
_FIELDS = re.compile(r"\s[·|•]\s")  # a line of fields: "Partner seit 2019 | 96 Einsatzkräfte"


@lru_cache(maxsize=4)
def _membership(path: Path = MEMBERSHIP_LABELS_FILE) -> re.Pattern[str]:
    """The words, then "seit" and a year (a month may come before it), ending the line
    or standing after a separator."""
    return re.compile(
        rf"(?:^|[·|•,;–—]\s*)(?:{word_alternatives(path)})\W{{0,3}}\s*seit\s*:?\s*"
        r"(?:[A-Za-zäöüÄÖÜ]+\s+)?\d{4}(?:\W*$|\s*[·|•]\s)",
        re.IGNORECASE,
    )


def membership_lines(
    out: LinkSink,
    resolved: ResolvedDocument,
    stream: TextStream,
    blocks: tuple[Block, ...],
    set_aside: Sequence[tuple[int, str]] = (),
) -> None:
    """PARTICIPATES_IN from each membership line's member to the document's network; of
    the lines the cleaning ``set_aside`` ((number, text): a report's box of facts read as
    page furniture, "Standort: Hagen" / "Im Partnernetzwerk seit: 2019"), those inside a
    partner's report, for that partner."""
    network = document_programme(resolved)
    if network is None:
        return
    pattern = _membership()
    block_starts = [b.start for b in blocks]
    for number, line in set_aside:
        at = block_of(blocks, block_starts, number)
        partner = resolved.block_partners[at] if at >= 0 else None
        if partner is not None and partner != network and _states(pattern, line):
            out.add(partner, network, "PARTICIPATES_IN", number, quote(line))
    lines = stream.text.split("\n")
    starts = [m.start for m, _, _ in resolved.mentions]
    for k, line in enumerate(lines):
        fields = bool(_FIELDS.search(line))
        found = _states(pattern, line)
        if found is None:
            continue
        number = stream.lines[k]
        at = block_of(blocks, block_starts, number)
        # on a line of fields the member opens the line ("Stadtwerke X GmbH · im Netzwerk
        # seit 2021"); a body in a field of its own is another ("Tochter der X AG | Partner
        # seit 2019 | …"), and the member is the partner whose report the line opens
        before = _first_org(resolved, starts, stream.starts[k], stream.starts[k] + found.start())
        if fields and before is not None and not _opens_line(resolved, starts, stream, k):
            before = None
        member = (
            before
            or (resolved.block_partners[at] if at >= 0 else None)
            or _entry_name(resolved, starts, stream, k)
        )
        if member is not None and member != network:
            out.add(member, network, "PARTICIPATES_IN", number, quote(line))


def _states(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
    """The membership words of a line short enough (or set in fields) to be no sentence."""
    if "seit" not in line.lower() or (len(line) > _MAX_LINE and not _FIELDS.search(line)):
        return None
    return pattern.search(line)


def _first_org(resolved: ResolvedDocument, starts: list[int], lo: int, hi: int) -> str | None:
    """The first organisation named between offsets ``lo`` and ``hi``: on the membership
    line before its words, or on the entry's lines above it."""
    mentions = resolved.mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]
    return next((key for _, key, _ in mentions if resolved.entities[key].kind == "org"), None)


def _opens_line(resolved: ResolvedDocument, starts: list[int], stream: TextStream, k: int) -> bool:
    """Whether an organisation's name opens line ``k`` of the stream."""
    at = bisect_left(starts, stream.starts[k])
    return at < len(starts) and starts[at] == stream.starts[k]


def _entry_name(
    resolved: ResolvedDocument, starts: list[int], stream: TextStream, k: int
) -> str | None:
    """The first organisation named on the entry's lines above line ``k``: from the line
    after the last empty one (the stream keeps none; the line numbers show them)."""
    first = k
    while (
        first > 0
        and k - first < _ENTRY_LINES
        and stream.lines[first] - stream.lines[first - 1] == 1
    ):
        first -= 1
    return _first_org(resolved, starts, stream.starts[first], stream.starts[k])
