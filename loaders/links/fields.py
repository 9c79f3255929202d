"""Links stated by a record's labelled fields: "Träger: …", "Förderung: …", "Kooperation: …".

A directory of services, a project's profile or a funding list prints a name and then
lines of "Label: value" about it:

    Migrationsberatungsstelle Lörrach
    Träger: Caritasverband Markgräflerland e. V.
    Telefon: 07621 4080-30
    Förderung: Bundesprogramm Migrationsberatung für erwachsene Zuwanderer (MBE)
    Kooperation: Jobcenter Landkreis Lörrach, Jugendmigrationsdienst Lörrach

No sentence states these links; the layout does. The fields are about the record's name,
the one named on the lines above its first field (after the record before it), and the
label says what each name of the value is to it (``reference/field_labels.yaml``). A value
may go on over the next lines ("… Zuwanderer (MBE)\\ndes Bundesministeriums …"). A table
of partners is read as such records too (:mod:`loaders.clean.tables`): a row's project and
the project's funder stand side by side, so a record's funders fund the programmes it
names as its projects, not the record.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.clean.textstream import TextStream, quote
from loaders.links.context import LinkSink
from loaders.reference import FIELD_LABELS_FILE, FIELD_LINE, field_labels, field_role
from loaders.resolve.entities import Entity, ResolvedDocument

__all__ = ["FIELD_LABELS_FILE", "field_labels", "record_fields"]

_MAX_LABEL_WORDS = 4
_MIN_FIELDS = 2  # one "Label:" line alone is a sentence's colon, not a record
_HEAD_LINES = 3  # lines above the first field where the record's name stands
_MIN_FILLED = 0.5  # of its line that the record's name fills
_ITEM_NUMBER = re.compile(r"^(?:[A-Z]{1,2}\s?)?\d{1,2}(?:\.\d{1,2})*\.?\s+")
# a line the value goes on from: it breaks a word or a phrase, or a list ("A; B;")
_GOES_ON = re.compile(r"(?:[-,;]|\b(?:und|oder|sowie|des|der|dem|den|aus|für|von|vom|im|in|mit))$")


@dataclass(frozen=True)
class _Field:
    role: str | None  # a role of field_labels.yaml, None for other fields ("Telefon")
    start: int  # offsets of the value in the stream, over the lines it goes on to
    end: int
    line_text: str


def record_fields(out: LinkSink, resolved: ResolvedDocument, stream: TextStream) -> None:
    """The links each record's fields state between the record's name and the names in
    their values."""
    text = stream.text
    starts = [m.start for m, _, _ in resolved.mentions]
    lines = text.split("\n")
    offsets = [*stream.starts, len(text) + 1]  # where each line starts, and the text's end
    done = -1  # the last line of the record before
    i = 0
    while i < len(lines):
        if _field(lines[i]) is None:
            i += 1
            continue
        last, fields = _record(lines, offsets, i)
        if len(fields) >= _MIN_FIELDS:
            head = range(max(done + 1, i - _HEAD_LINES), i)
            # the record's own lines: those after the last empty line above it (the stream
            # keeps no empty lines of a document; the original line numbers show them)
            gaps = [k for k in (*head, i) if k and _after_gap(stream, lines, k)]
            head = range(max(head.start, *gaps) if gaps else head.start, i)
            subject = _record_name(resolved, starts, lines, offsets, head)
            if subject is None and fields[0].role == "project":
                # a profile that opens with its project's field ("Projekt: ABI") is its
                subject = _record_name(resolved, starts, lines, offsets, range(i, i + 1))
                fields = fields[1:]
            if subject is not None:
                _field_links(out, resolved, starts, subject, fields)
        done = i = last
        i += 1


def _after_gap(stream: TextStream, lines: list[str], k: int) -> bool:
    """Whether an empty line stands before line ``k`` of the stream."""
    return not lines[k - 1].strip() or stream.lines[k] - stream.lines[k - 1] > 1


def _field(line: str) -> re.Match[str] | None:
    found = FIELD_LINE.match(line)
    if found is None or len(found.group(1).split()) > _MAX_LABEL_WORDS:
        return None
    return found


def _record(lines: list[str], offsets: list[int], first: int) -> tuple[int, list[_Field]]:
    """The last line of the record whose fields begin at line ``first``, and its fields."""
    fields: list[_Field] = []
    i = first
    while i < len(lines):
        found = _field(lines[i])
        if found is None:
            break
        end = i
        while end + 1 < len(lines) and _goes_on(lines[end], lines[end + 1]):
            end += 1
        role = field_role(found.group(1))
        start = offsets[i] + found.end()
        stop = offsets[end] + len(lines[end])
        fields.append(_Field(role, start, stop, " ".join(lines[i : end + 1])))
        i = end + 1
    return i - 1, fields


def _goes_on(line: str, following: str) -> bool:
    """Whether ``following`` carries on the value of ``line``."""
    if not following.strip() or _field(following) is not None:
        return False
    return following.lstrip()[:1].islower() or bool(_GOES_ON.search(line.rstrip()))


def _record_name(
    resolved: ResolvedDocument,
    starts: list[int],
    lines: list[str],
    offsets: list[int],
    head: range,
) -> str | None:
    """The entity whose name fills most of a line of ``head``, the record's lines above
    its first field, and half of it at least: a record prints its name on a line of its
    own ("Welcome Center Dreiländereck"), a line of description names others in passing
    ("angesiedelt bei der IHK Hochrhein-Bodensee"), a title may name none ("(3) Brücken
    hinter Mauern")."""
    best: tuple[float, int] = (_MIN_FILLED, 0)
    chosen = None
    lo, hi = bisect_left(starts, offsets[head.start]), bisect_left(starts, offsets[head.stop])
    for mention, key, _ in resolved.mentions[lo:hi]:
        i = bisect_right(offsets, mention.start) - 1
        line_end = offsets[i] + len(lines[i])
        own = len(_ITEM_NUMBER.sub("", lines[i].strip()))  # "M 1.2", "3.1": the record's number
        filled = (min(mention.end, line_end) - mention.start) / max(1, own)
        if (filled, -i) > best:
            best, chosen = (filled, -i), key
    return chosen


def _field_links(
    out: LinkSink,
    resolved: ResolvedDocument,
    starts: list[int],
    subject: str,
    fields: Sequence[_Field],
) -> None:
    entities = resolved.entities
    record = entities[subject]

    def named(f: _Field) -> list[tuple[str, int]]:
        found = resolved.mentions[bisect_left(starts, f.start) : bisect_left(starts, f.end)]
        return [(key, line) for _, key, line in found if key not in (subject, record.parent_key)]

    # the programmes the record takes part in as its projects: what its funders fund
    projects = [
        key
        for f in fields
        if f.role == "project"
        for key, _ in named(f)
        if entities[key].kind == "programme"
    ]
    for f in fields:
        if f.role is None:
            continue
        for key, line in named(f):
            if f.role == "funder" and record.kind == "org" and projects:
                for project in projects:
                    out.add(project, key, "FUNDED_BY", line, quote(f.line_text))
                continue
            link = _link(f.role, subject, record, key, entities[key])
            if link is not None:
                out.add(*link, line, quote(f.line_text))


def _link(
    role: str, subject: str, record: Entity, key: str, named: Entity
) -> tuple[str, str, str] | None:
    """(source, target, type) of what ``named`` is to the record, by the field's role."""
    org, programme = named.kind == "org", named.kind == "programme"
    if role == "funder":
        return subject, key, "FUNDED_BY"
    if role == "carrier" and org:
        kind = "ORGANISED_BY" if record.kind == "programme" else "COOPERATES_WITH"
        return subject, key, kind
    if role == "partner" and org:
        if record.kind == "programme":
            return key, subject, "PARTICIPATES_IN"
        return subject, key, "COOPERATES_WITH"
    if role in ("network", "project") and programme and record.kind == "org":
        return subject, key, "PARTICIPATES_IN"
    return None
