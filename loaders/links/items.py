"""Funders named by a label inside a list item that is headed by a name.

Overview pages list services or projects one bullet each: the item opens with the name
and a colon, describes it, and closes with a label: "- Integrationslotsendienst: Die
Lotsinnen besuchen … Gefördert durch: Ministerium für Soziales (MSGFuF)". The label
belongs to the item's head, not to the last programme the description happens to name,
and the funders after it are often one name only (no list for :mod:`loaders.links.lists`).
The label words are the ``FUNDED_BY`` lead cues of ``reference/list_cues.yaml`` followed
by a colon.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.clean.textstream import TextStream, quote
from loaders.links.context import LinkSink
from loaders.links.lists import list_cues
from loaders.reference import Reference
from loaders.resolve.entities import ResolvedDocument

__all__ = ["item_funders"]

_ITEM = re.compile(r"^[ \t]*[•▪◦➔*–-][ \t]+", re.MULTILINE)  # a bullet opening an item
# after the head's name: a closing bracket or a bracketed short form, then the colon
_HEAD_END = re.compile(r"[)\s]*(?:\([^()\n]{1,15}\)\s*)?:")
_HEAD_REACH = 3  # characters after the bullet where the head's name must start
_LABEL_END = re.compile(r"\s*:")  # "Gefördert durch:" is a label; "gefördert durch das Land" is not
_FUNDING_PROGRAMME = "Foerderprogramm"  # a funder may be a fund ("Europäischer Sozialfonds")


def _items(text: str) -> list[tuple[int, int]]:
    """(start, end) of each bullet item: from its bullet to the next bullet, an empty
    line, or the end of the text."""
    opens = [m.end() for m in _ITEM.finditer(text)]
    out = []
    for n, start in enumerate(opens):
        stop = opens[n + 1] if n + 1 < len(opens) else len(text)
        blank = text.find("\n\n", start, stop)
        out.append((start, blank if blank != -1 else stop))
    return out


def item_funders(
    out: LinkSink, resolved: ResolvedDocument, stream: TextStream, reference: Reference
) -> None:
    """FUNDED_BY from an item's head to each name after a funding label in the item."""
    label = list_cues(reference).lead.get("FUNDED_BY")
    if label is None:
        return
    entities = resolved.entities
    mentions = resolved.mentions
    starts = [m.start for m, _, _ in mentions]
    text = stream.text
    for start, end in _items(text):
        inside = mentions[bisect_left(starts, start) : bisect_left(starts, end)]
        if len(inside) < 2:
            continue
        head, head_key, _ = inside[0]
        if head.start - start > _HEAD_REACH or not _HEAD_END.match(text, head.end):
            continue
        name = " ".join(text[head.start : head.end].split())
        for cue in label.finditer(text, head.end, end):
            colon = _LABEL_END.match(text, cue.end())
            if colon is None:
                continue
            for mention, key, line in inside:
                if mention.start < colon.end() or key == head_key:
                    continue
                if entities[key].kind != "org" and entities[key].type != _FUNDING_PROGRAMME:
                    continue
                evidence = " ".join(text[cue.start() : mention.end].split())
                out.add(head_key, key, "FUNDED_BY", line, quote(f"{name}: … {evidence}"))
            break  # the first label of the item names its funders
