"""Tables a PDF conversion printed with its columns side by side, read row by row.

A table of partners extracted with its layout kept prints each row's cells next to each
other, every cell broken over several lines at its own width:

    Partner                 Art der Zusammenarbeit   Förderung
    Klinikum Nordstadt      Praxispartner; Hospi-    Aktion Mensch
    Kassel gGmbH            tationen und Coachings

Read line by line, the cells of one line run into one another ("Klinikum Nordstadt
Praxispartner; Hospi- Aktion Mensch") and a name broken over two lines of its cell is two
names. Here a table's columns are found from where its lines' cells start, its rows from
where the first column's name starts anew, and each row is written as a record: the first
column's text (the row's name) and one "Header: text" line for each other cell, the form
:mod:`loaders.links.fields` reads the links of ("Beteiligte Partner: …", "Förderung: …").

A row's record stays on the row's own lines, so every line keeps its number; a row of
fewer lines than its record holds the rest on its last line, one record line after the
other (``ROW_BREAK``), which :func:`loaders.clean.textstream.build_stream` reads as lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.clean.textstream import ROW_BREAK, continues_sentence
from loaders.names import ELLIPSIS_WORDS
from loaders.reference import field_role

__all__ = ["read_tables"]

_CELL = re.compile(r"(?:(?<=\s{2})|^\s*)(\S(?:\S| (?! ))*)")  # text between gaps of 2+ spaces
_MIN_COLUMNS = 3
_MIN_ROWS = 2
_SHARE = 0.3  # of a table's lines on which a column's cells start at its place
# a cell that carries on the text above it: one that starts with a word that joins ("und
# Evaluation"), in the first column also a small letter or a bracket ("gGmbH", "(HMSI)"),
# where the names stand; or the text above broke off ("Netz-", "für", ",")
_JOINS = re.compile(r"^(?:und|oder|sowie|bzw\.?)\b")
_NAME_GOES_ON = re.compile(r"^[a-zäöüß(]")
_SLASH_AFTER_WORD = re.compile(r"\S/$")
_ROW_NUMBER = re.compile(r"\d{1,3}\.?")
_PROJECTS = re.compile(r"Projekt(?:e|titel|name)?|Vorhaben", re.IGNORECASE)  # over names
_HEADER_REACH = 12  # lines below a header that show where its columns start


@dataclass(frozen=True)
class _Table:
    first: int  # index of the header line
    last: int  # index of the table's last line
    starts: tuple[int, ...]  # where each column's text starts


def read_tables(lines: Sequence[str]) -> list[str]:
    """``lines`` with each table's rows written as records (see the module's docstring);
    lines outside tables as they are.

    >>> rows = read_tables([
    ...     "Partner            Projekt               Förderung",
    ...     "Stadt Kassel       „Vielfalt in Ver-     Land Hessen",
    ...     "                   waltung“",
    ...     "Caritasverband     „Brücken“             Aktion Mensch",
    ...     "Nordhessen e. V.",
    ... ])
    >>> rows[1], rows[2].split(ROW_BREAK)
    ('Stadt Kassel', ['Projekt: „Vielfalt in Verwaltung“', 'Förderung: Land Hessen'])
    >>> rows[3], rows[4].split(ROW_BREAK)
    ('Caritasverband Nordhessen e. V.', ['Projekt: „Brücken“', 'Förderung: Aktion Mensch'])
    """
    out = list(lines)
    i = 0
    while i < len(lines):
        table = _table_at(lines, i)
        if table is None:
            i += 1
            continue
        _write_records(lines, table, out)
        i = table.last + 1
    return _labels_in_a_column(out)


# a profile's label set in a column of its own: a word or two at the line's start, then
# the gap to the value's column ("Träger               Weser-Ems Bildungszentrum gGmbH")
_LABEL_CELL = re.compile(r"^([A-ZÄÖÜ][\wäöüß/-]*(?: [\wäöüß/-]+)?) {2,}(?=\S)")
_MIN_LABELS = 3  # label lines of one profile, two of them a record's field's


def _labels_in_a_column(lines: list[str]) -> list[str]:
    """A project's profile set as a table of two columns, its labels in the first and
    their values in the second, each value's lines starting at one column:

        Träger               Weser-Ems Bildungszentrum gGmbH, Oldenburg
        Kooperationspartner  Klinikum Oldenburg AöR; Pflegedienst Hunte-Ems gGmbH;
                             Agentur für Arbeit Oldenburg-Wilhelmshaven
        Förderung            ESF Plus / Land Niedersachsen

    Read as running text, "Förderung ESF Plus …" is no field; with a colon after each
    label it is the record :mod:`loaders.links.fields` reads. The profile's labels are
    three or more lines whose values start at one column, two at least the labels of a
    record's fields (``reference/field_labels.yaml``): a table's rows of names and roles
    ("Stadt Kassel      Koordination") are no profile.

    >>> profile = ["Träger     Verein X e. V.", "Förderung  Land Y,", "           Stadt Z",
    ...            "Laufzeit   2024 – 2026"]
    >>> _labels_in_a_column(profile)
    ['Träger: Verein X e. V.', 'Förderung: Land Y,', '           Stadt Z', 'Laufzeit: 2024 – 2026']
    """
    out = list(lines)
    i = 0
    while i < len(lines):
        run: list[tuple[int, re.Match[str]]] = []
        column, j = 0, i
        while j < len(lines):
            cell = _LABEL_CELL.match(lines[j])
            if cell is not None and (not run or cell.end() == column):
                run.append((j, cell))
                column = cell.end()
            elif not (
                run and lines[j][:column].isspace() and lines[j][column : column + 1].strip()
            ):
                break  # neither a label nor its value's next line
            j += 1
        known = sum(field_role(cell.group(1)) is not None for _, cell in run)
        if len(run) >= _MIN_LABELS and known >= 2:
            for k, cell in run:
                out[k] = f"{cell.group(1)}: {lines[k][cell.end() :]}"
        i = max(j, i + 1)
    return out


def _cells(line: str) -> list[tuple[int, str]]:
    """(start, text) of each stretch of a line set apart by two spaces or more."""
    return [(m.start(1), m.group(1)) for m in _CELL.finditer(line.rstrip())]


def _table_at(lines: Sequence[str], i: int) -> _Table | None:
    """The table whose header is line ``i``: a line of three cells or more, each opening
    with a capital, above rows whose cells start where the header's do."""
    header = _cells(lines[i])
    if len(header) < _MIN_COLUMNS or not all(text[:1].isupper() for _, text in header):
        return None
    starts = _parted_by_lines_below(lines, i, tuple(start for start, _ in header))
    last, rows, j = i, 0, i + 1
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        cells = _placed(lines[j], starts)
        if not _fits(lines[j], starts) or (len(cells) < 2 and not lines[j - 1].strip()):
            break  # a line across the columns, or one cell alone after an empty line
        rows += len(cells) >= 2 and any(start == starts[0] for start, _ in cells)
        last = j
        j += 1
    if rows < _MIN_ROWS:
        return None
    used = Counter(start for k in range(i, last + 1) for start, _ in _placed(lines[k], starts))
    if any(used[s] < _SHARE * rows for s in starts):
        return None
    return _Table(i, last, starts)


def _parted_by_lines_below(
    lines: Sequence[str], i: int, starts: tuple[int, ...]
) -> tuple[int, ...]:
    """The header's column starts with those the lines below show: where a single space
    parts two headers ("Nr. Projekt", "Laufzeit Förder-"), the cells of the lines below
    start under the second one, on two lines at least, or on the header's own second
    line ("summe €" under "Förder-").

    >>> _parted_by_lines_below(["Nr. Projekt    Träger", "1   Brücken    Stadt A",
    ...                         "2   Lotsen     Stadt B"], 0, (0, 15))
    (0, 4, 15)
    """
    header = _cells(lines[i])
    below = Counter(
        start for line in lines[i + 1 : i + 1 + _HEADER_REACH] for start, _ in _cells(line)
    )
    # the header's own second line counts twice: its words go on in small letters
    second = _cells(lines[i + 1]) if i + 1 < len(lines) else []
    if second and all(text[:1].islower() for _, text in second):
        below.update(start for start, _ in second)
    more = {
        start
        for start, n in below.items()
        if n >= 2
        and lines[i][start - 1 : start] == " "
        and any(s < start < s + len(text) for s, text in header)
    }
    return tuple(sorted({*starts, *more}))


def _placed(line: str, starts: tuple[int, ...]) -> list[tuple[int, str]]:
    """The cells of ``line``, a cell parted where a column starts after a single space (a
    cell filled to its edge: "Unternehmerverein Rhein- Ausbildung")."""
    out = []
    for start, text in _cells(line):
        for s in starts:
            if start < s < start + len(text) and line[s - 1] == " ":
                out.append((start, line[start : s - 1].strip()))
                text, start = line[s : start + len(text)], s
        out.append((start, text))
    return out


def _fits(line: str, starts: tuple[int, ...]) -> bool:
    """Whether each cell of ``line`` starts at a column's place and ends before the next."""
    for start, text in _placed(line, starts):
        if start not in starts:
            return False
        after = [s for s in starts if s > start]
        if after and start + len(text) >= after[0]:
            return False
    return True


def _columns(line: str, starts: tuple[int, ...]) -> list[str]:
    """The text of each column on ``line`` ("" where the line leaves it empty)."""
    texts = [""] * len(starts)
    for start, text in _placed(line, starts):
        texts[starts.index(start)] = text
    return texts


def _write_records(lines: Sequence[str], table: _Table, out: list[str]) -> None:
    """Write ``table``'s rows into ``out`` as records; its header lines, and a page's
    repetition of them, are left empty."""
    header_line = _columns(lines[table.first], table.starts)
    header: list[list[str]] = [[] for _ in table.starts]
    rows: list[tuple[list[int], list[list[str]]]] = []
    above = [""] * len(table.starts)
    in_header = repeated = False
    for k in range(table.first, table.last + 1):
        if not lines[k].strip():
            in_header = repeated = False
            above = [""] * len(table.starts)
            continue
        texts = _columns(lines[k], table.starts)
        in_header = k == table.first or (in_header and not texts[0])
        repeated = texts == header_line or (repeated and not texts[0])
        if in_header or repeated:
            if in_header:
                for column, text in zip(header, texts, strict=True):
                    column.extend([text] if text else [])
            out[k] = ""
            above = [""] * len(table.starts)
            continue
        if not rows or _opens_row(texts, above):
            rows.append(([], [[] for _ in table.starts]))
        numbers, cells = rows[-1]
        numbers.append(k)
        for column, text in zip(cells, texts, strict=True):
            column.extend([text] if text else [])
        above = texts
    labels = [_joined(column) for column in header]
    # a first column of running numbers ("Nr.") counts the rows: the name is the next one's
    numbered = all(_ROW_NUMBER.fullmatch(_joined(cells[0])) for _, cells in rows)
    name = 1 if numbered and len(table.starts) > _MIN_COLUMNS else 0
    projects = _PROJECTS.fullmatch(labels[name]) is not None
    for numbers, cells in rows:
        record = [_as_project(_joined(cells[name])) if projects else _joined(cells[name])] + [
            f"{label}: {_joined(column)}"
            for label, column in zip(labels[name + 1 :], cells[name + 1 :], strict=True)
            if column
        ]
        for n, k in enumerate(numbers):
            last = n == len(numbers) - 1
            out[k] = ROW_BREAK.join(record[n:]) if last else (record[n] if n < len(record) else "")


def _as_project(name: str) -> str:
    """A project's name as a text names a project: "Projekt „…“"."""
    return f"Projekt {name}" if name[:1] in '„“"»' else f"Projekt „{name}“"


def _opens_row(texts: list[str], above: list[str]) -> bool:
    """Whether a line begins a new row: its first column names something anew, another
    column too, and no cell carries on the text above it."""
    if not texts[0] or sum(1 for t in texts if t) < 2:
        return False
    if above[0] and _NAME_GOES_ON.match(texts[0]):
        return False
    for text, previous in zip(texts, above, strict=True):
        broke_off = continues_sentence(previous) or previous.endswith("/")
        if text and previous and (broke_off or _JOINS.match(text)):
            return False
    return True


def _joined(parts: list[str]) -> str:
    """A cell's lines as one text: a word broken at a hyphen is joined ("Ver-" "waltung"),
    a compound's hyphen kept ("Rhein-" "Neckar"), a left-out part's too ("Aus-" "und
    Weiterbildung")."""
    text = ""
    for part in parts:  # a slash right after a word joins it to the next ("und/oder")
        left_out = part.split()[0] in ELLIPSIS_WORDS
        if text.endswith("-") and part[:1].islower() and not left_out:
            text = text[:-1] + part
        elif not text or (text.endswith("-") and not left_out) or _SLASH_AFTER_WORD.search(text):
            text += part
        else:
            text += " " + part
    return text
