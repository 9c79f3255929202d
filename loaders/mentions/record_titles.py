"""A project's title over its profile's fields: the project a record's fields are about.

A collection of project profiles prints each project's title, then its fields:

    Projekt 5
    Digital fit in den Job
    Träger: AWO Bezirksverband Weser-Ems e. V.
    Förderung: ESF Plus / Land Niedersachsen

A project's title has no cue word a name is known by ("Digital fit in den Job"); the fields
below it that name who runs it ("Träger", ``reference/field_labels.yaml``) and who funds it
or works with it say that the line above is a project's name. Where no name was found on
that line, the line is the project's (a numbering before it, "Projekt 2 |", is no part of
it), where the line above it ends a sentence or the record before; a line that names a
body (a directory's "Migrationsberatungsstelle Lörrach" over its "Träger:") keeps the
name found there. A box's word ("Veranstaltungsdetails"), a place or
a date over an event's organiser is no title: a title here is two words or more, without
a comma or a figure.
"""

from __future__ import annotations

import re

from loaders.mentions.model import Mention
from loaders.names import clean_name
from loaders.reference import FIELD_LINE, field_role

__all__ = ["with_record_titles"]

# a profile's number before or over its title: "Projekt 5", "Projekt 2 |", "Vorhaben 3:"
_NUMBERING = re.compile(r"^(?:Projekt|Vorhaben|Maßnahme)\s+\d{1,2}\s*(?:[|:–-]\s*)?")
_MIN_WORDS, _MAX_WORDS = 2, 12
_MIN_ROLES = 2  # fields that say who runs, funds or works with it: a project's profile
_RECORD_LINES = 8
_FIELDS_ABOVE = 3  # fields of the record before its carrier's


def with_record_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` and the title of each project whose profile names its carrier and one
    more body it works with, where no name was found on the title's line.

    >>> text = "Projekt 5\\nDigital fit in den Job\\nTräger: AWO e. V.\\nFörderung: Land X"
    >>> [m.name for m in with_record_titles(text, [])]
    ['Digital fit in den Job']
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    found = list(mentions)
    for k, line in enumerate(lines):
        if _role(line) != "carrier":
            continue
        above = k - 1
        while above >= 0 and k - above <= _FIELDS_ABOVE and FIELD_LINE.match(lines[above]):
            above -= 1
        known = sum(_role(f) is not None for f in lines[above + 1 : above + _RECORD_LINES])
        title = _title_span(lines[above]) if above >= 0 and known >= _MIN_ROLES else None
        if title is None or above and not _ends_before(lines[above - 1]):
            continue
        start, end = offsets[above] + title[0], offsets[above] + title[1]
        if any(m.start < end and start < m.end for m in mentions):
            continue  # the line names a body or a programme already
        surface = text[start:end]
        found.append(Mention("programme", clean_name(surface), surface, start, end, "Projekt"))
    return sorted(found, key=lambda m: m.start)


def _ends_before(line: str) -> bool:
    """Whether a line above a title ends what came before: a sentence, or a field of the
    record before ("Kontakt: …"), or is the project's number ("Projekt 5"); a title's
    first line does not ("1) IQ Beratung in der Hanse- und Universitätsstadt" over
    "Rostock und …")."""
    ended = line.rstrip().endswith((".", "!", "?"))
    return ended or bool(FIELD_LINE.match(line) or _NUMBERING.fullmatch(line.strip()))


def _role(line: str) -> str | None:
    """The role of the field a line opens ("Träger: …" the carrier's), else None."""
    label = FIELD_LINE.match(line)
    return field_role(label.group(1)) if label else None


def _title_span(line: str) -> tuple[int, int] | None:
    """Where a project's title stands on its line (after its numbering), else None: a
    title is a few words that open with a capital or a quote and end no sentence."""
    numbering = _NUMBERING.match(line)
    start = numbering.end() if numbering else 0
    title = line[start:].rstrip()
    words = title.split()
    if (
        not words
        or not _MIN_WORDS <= len(words) <= _MAX_WORDS
        or title.endswith((".", ":"))
        or re.search(r"[,;\d]", title)  # a list, a place after a comma, a date
        or not (title[:1].isupper() or title[:1] in '„»"')
    ):
        return None
    return start, start + len(title)
