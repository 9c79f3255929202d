"""Organisations named as members of a list beside organisations already found.

"Veranstalter sind Migrafrica e. V., die Aktion Neue Nachbarn und die Volkshochschule
Köln": the members of a list share one role, and a member without a cue word (no legal
form, no head noun the patterns or the model know) is still an organisation when it
stands, like its neighbours, as a capitalised name between list separators. Reports name
partners this way all the time ("das BüZe Ehrenfeld, die Refugee Law Clinic, …"), and a
rule per head noun cannot know them.

The reading is conservative: only the stretch between two organisations already found is
read, and only when all of it splits into separators, articles and names; a name needs
two capitalised words or a word with capitals inside ("BüZe", "DaMigra"). A found name
that the list shows to be cut ("Welt Forum" in "das Eine Welt Forum Aachen und …") is
completed to the list member it is part of. A list is of one kind: a name the model took
for a programme among organisations is an organisation (unless a genre word says
otherwise). Two layout slips are undone first: a name never runs from one bullet item or
sentence into the next, and an abbreviation heading an item ("- AABF – Alevitische
Gemeinde …") is the item's short name, not a name of its own.

>>> from loaders.mentions.patterns import Mention
>>> text = "Veranstalter sind Migrafrica e. V., die Aktion Neue Nachbarn und die VHS Köln."
>>> found = [Mention("org", "Migrafrica e. V.", "Migrafrica e. V.", 18, 34, "Verein"),
...          Mention("org", "VHS Köln", "VHS Köln", 69, 77, "Sonstige")]
>>> [m.name for m in list_members(text, found)]
['Migrafrica e. V.', 'Aktion Neue Nachbarn', 'VHS Köln']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.learn.features import word_classes
from loaders.learn.nominative import nominative
from loaders.mentions.org_types import org_type_of
from loaders.mentions.patterns import Mention, normalise_org_name
from loaders.mentions.roles import is_person
from loaders.mentions.shared_heads import SHARED_HEAD_ORIGIN
from loaders.names import clean_name, is_abbreviation

__all__ = ["ENUMERATION_ORIGIN", "LIST_PARENTHESIS", "LIST_SEPARATOR", "list_members"]

ENUMERATION_ORIGIN = "enumeration"
_MAX_GAP = 400  # characters between two found organisations that a list may span
# what separates the members of a list, and a bracketed note inside one (also read by
# the list rule of links_lists)
LIST_SEPARATOR = re.compile(r"[,;•▪◦*]|\n\s*[–-]|\b(?:und|sowie|oder)\b")
LIST_PARENTHESIS = re.compile(r"\([^()]{0,120}\)")
_SEPARATOR = re.compile(rf"\s*(?:{LIST_SEPARATOR.pattern})\s*")
_ARTICLE = re.compile(r"^(?:(?:der|die|das|den|dem|des)\b\s*)?")
# a name word: capitalised, hyphenated parts, digits and "&"/"+" allowed ("BüZe", "NRW")
_WORD = r"(?:[A-ZÄÖÜ][\wÄÖÜäöüß&+.'’-]*|\d+[\w.]*)"
_JOINER = r"(?:&|für|und|im|in|am|an|von|vom|zu|zur|zum|der|des|e\.\s?V\.|gGmbH|GmbH|mbH)"
_NAME = re.compile(rf"{_WORD}(?:[ \t\n]+(?:{_WORD}|{_JOINER}(?=[ \t\n]+[A-ZÄÖÜ\d])|e\.\s?V\.))*")
_INNER_CAPITAL = re.compile(r"\w[A-ZÄÖÜ]")
_LEGAL_TAIL = re.compile(r"\s*(?:e\.\s?V\.|gGmbH|GmbH|mbH)")
_LEGAL_END = re.compile(rf"(?:{_LEGAL_TAIL.pattern}|\s+AG)$")
_ITEM_DASH = re.compile(r"[ \t]+[–-][ \t]+")
_GUESSED = frozenset({"model", "pattern", "suffix"})  # names whose ends may be wrong
# a new sentence at a line start ("… Musterstadt\nDie Stadt …")
_LINE_ARTICLE = r"\n[ \t]*(?:Die|Der|Das|Den|Dem|Des)(?=[ \t])"
# where a name ends for sure: a new bullet item or such a sentence
_BULLET_BREAK = re.compile(rf"[ \t]*(?:\n[ \t]*[•▪◦*–-]|{_LINE_ARTICLE})[ \t]+")
# where a list ends for sure: a blank line, such a sentence, a sentence end
_SENTENCE_BREAK = re.compile(rf"\n\s*\n|{_LINE_ARTICLE}|[.!?][ \t\n]+[A-ZÄÖÜ]")
_CLOSING = re.compile(r"\s*\)")
_ENDED = re.compile(r"(?<![\d.])(?<!\b\w)[.!?]\s+$")  # a sentence's end (not "1.", "e. V.")
# "… und der Heidelberger Dienste gGmbH": a second name after "und" and its article
# two names joined by "und" or a line break, each typed by its own head (see _split_coordinated)
_GLUED = re.compile(r"[ \t]+(?:und|sowie)[ \t]+|[ \t]*\n[ \t]*")
_COORDINATED = re.compile(
    r"\s+(?:und|sowie)\s+(der|die|das|dem|den|des)\s+(?=[A-ZÄÖÜ])"
)  # the list goes on after a name in brackets


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    text: str


def list_members(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the unnamed members of organisation lists added, in text order."""
    out = sorted(
        (
            q
            for m in mentions
            for p in _split_at_bullets(text, m)
            for q in _split_coordinated(text, p)
        ),
        key=lambda m: m.start,
    )
    out = _without_item_abbreviations(text, out)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        if (_is_org(a) or _is_org(b)) and 0 < b.start - a.end <= _MAX_GAP:
            read = _read_gap(text, a, b)
            if read is not None:
                a2, members, b2 = read
                out[i : i + 2] = [a2, *members, b2]
                i += len(members)
        i += 1
    return out


def _split_at_bullets(text: str, m: Mention) -> list[Mention]:
    """A name never runs from one bullet item or sentence into the next ("Freundeskreis
    Ortenau\\n- Sinti & Roma Offenburg" is two names); the parts that are names stay."""
    cuts = list(_BULLET_BREAK.finditer(text, m.start, m.end))
    if not cuts:
        return [m]
    bounds = [m.start, *[x for c in cuts for x in (c.start(), c.end())], m.end]
    parts = []
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        name = _member_name(text[lo:hi])
        if name is not None:
            parts.append(
                m.with_(
                    name=name,
                    surface=text[lo:hi],
                    start=lo,
                    end=hi,
                    ref_id=None,
                    type=org_type_of(name) if m.kind != "programme" else m.type,
                )
            )
    return parts


def _split_coordinated(text: str, m: Mention) -> list[Mention]:
    """A guessed name that runs over two names is two organisations: "der Rhein-Neckar-Kreis
    und der Heidelberger Dienste gGmbH" (an article after "und" starts a second name), "die
    Universität Bielefeld und Ruhr Universität Bochum", headings glued over lines
    ("Rhein-Sieg-Kreis\nStadt Duisburg"): both sides capitalised names with a head noun of
    their own ("Ministerium für Arbeit und Soziales" stays one)."""
    if not _is_org(m) or m.origin not in _GUESSED:
        return [m]
    cut = _COORDINATED.search(text, m.start, m.end)
    if cut is not None:
        pieces = [(m.start, cut.start(), None), (cut.end(), m.end, cut.group(1))]
    else:
        bounds = [m.start]
        for glue in _GLUED.finditer(text, m.start, m.end):
            if "\n" in glue.group() and _LEGAL_TAIL.match(text, glue.end()):
                continue  # a name's legal form on the next line: "Jamaat\ne. V." is one name
            bounds += [glue.start(), glue.end()]
        bounds.append(m.end)
        pieces = [(lo, hi, None) for lo, hi in zip(bounds[::2], bounds[1::2], strict=True)]
        named = [text[lo:hi] for lo, hi, _ in pieces]
        if len(pieces) < 2 or not (all(map(_headed, named)) or all(map(_closed, named))):
            return [m]
    parts = []
    for lo, hi, article in pieces:
        words = text[lo:hi].strip()
        if _NAME.fullmatch(_LEGAL_END.sub("", words)) is None:
            return [m]
        name = normalise_org_name(nominative(clean_name(words), article))
        parts.append(
            m.with_(
                name=name,
                surface=words,
                start=lo,
                end=lo + len(words),
                ref_id=None,
                type=org_type_of(name),
            )
        )
    return parts


def _closed(words: str) -> bool:
    """Capitalised words closed by a legal form: "EWE VERTRIEB GmbH und EWE WASSER GmbH"
    are two companies though neither has a head noun."""
    core = _LEGAL_END.sub("", words.strip())
    return core != words.strip() and all(w[:1].isupper() for w in core.split())


def _headed(words: str) -> bool:
    """Capitalised words only, with a head noun that types them ("Stadt Duisburg")."""
    core = _LEGAL_END.sub("", words.strip())
    return all(w[:1].isupper() for w in core.split()) and org_type_of(core) != "Sonstige"


def _without_item_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "- AABF – Alevitische Gemeinde Deutschland e. V.": an abbreviation that heads a list
    item before a dash is the short name of the organisation after it, not a name of its
    own."""
    out: list[Mention] = []
    for m, nxt in zip(mentions, [*mentions[1:], None], strict=False):  # a text without names too
        if (
            nxt is not None
            and m.origin in _GUESSED
            and _is_org(nxt)
            and is_abbreviation(m.surface)
            and _ITEM_DASH.fullmatch(text, m.end, nxt.start)
        ):
            continue
        out.append(m)
    return out


def _is_org(m: Mention) -> bool:
    return m.kind in ("org", "unit")


def _read_gap(text: str, a: Mention, b: Mention) -> tuple[Mention, list[Mention], Mention] | None:
    """The list read between ``a`` and ``b``, or None when the gap is not only a list."""
    gap_start = a.end
    tail = _LEGAL_TAIL.match(text, gap_start) or _CLOSING.match(text, gap_start)
    if tail:
        gap_start = tail.end()
    pieces = _pieces(text, gap_start, b.start)
    # a sentence that ends right before the second name: the name opens the next one
    ended = _SENTENCE_BREAK.search(text, a.end, b.start) or _ENDED.search(text, a.end, b.start)
    if pieces is None or len(pieces) < 2 or ended:
        return None  # no separator: not a list (a genitive, an apposition, a sentence)
    head, *middle, last = pieces
    members: list[Mention] = []
    for piece in middle:
        name = _member_name(piece.text)
        if name is None:
            return None
        start = piece.start + (len(piece.text) - len(piece.text.lstrip()))
        start += len(_ARTICLE.match(piece.text.lstrip()).group(0))  # type: ignore[union-attr]
        if is_person(text, start, piece.end):
            return None  # "A, Max Muster, Vorsitzender des B": people, not a list of names
        members.append(
            Mention(
                "org",
                name,
                text[start : piece.end].strip(),
                start,
                piece.end,
                org_type_of(name) or "Sonstige",
                origin=ENUMERATION_ORIGIN,
            )
        )
    a2 = _extend(text, a, head, right=True)
    b2 = _extend(text, b, last, right=False)
    if a2 is None or b2 is None:
        return None
    if _is_org(a2) or members:
        b2 = _as_organisation(b2)
    if _is_org(b2) or members:
        a2 = _as_organisation(a2)
    if not (members or a2 is not a or b2 is not b):
        return None
    return a2, members, b2


def _as_organisation(m: Mention) -> Mention:
    """A list is of one kind: a name the model took for a programme, coordinated with
    organisations ("…, das Kommunale Integrationszentrum Köln und das
    Rautenstrauch-Joest-Museum"), is an organisation, unless a genre word says otherwise."""
    genre = m.surface.split()[0].casefold() in word_classes().programme_cues
    if m.kind != "programme" or m.origin != "model" or genre:
        return m
    return m.with_(kind="org", type=org_type_of(m.name))


def _pieces(text: str, start: int, end: int) -> list[_Piece] | None:
    """The gap cut at list separators (parentheses blanked), or None without separators."""
    gap = LIST_PARENTHESIS.sub(lambda m: " " * len(m.group(0)), text[start:end])
    cuts = list(_SEPARATOR.finditer(gap))
    if not cuts:
        return None
    bounds = [0, *[x for c in cuts for x in (c.start(), c.end())], len(gap)]
    return [
        _Piece(start + lo, start + hi, gap[lo:hi])
        for lo, hi in zip(bounds[::2], bounds[1::2], strict=True)
    ]


def _member_name(piece: str) -> str | None:
    """The organisation a list piece names ("die Refugee Law Clinic"), or None."""
    words = _ARTICLE.sub("", piece.strip())
    if not words or _NAME.fullmatch(words) is None:
        return None
    capitalised = [w for w in words.split() if w[:1].isupper() or w[:1].isdigit()]
    if len(capitalised) < 2 and not _INNER_CAPITAL.search(words):
        return None
    return clean_name(words)


def _extend(text: str, m: Mention, piece: _Piece, right: bool) -> Mention | None:
    """``m`` completed by the capitalised words of its list piece; ``m`` itself when the
    piece holds only an article or nothing; None when the piece holds anything else."""
    words = _ARTICLE.sub("", piece.text.strip()) if not right else piece.text.strip()
    if not words or (m.origin == SHARED_HEAD_ORIGIN and not right):
        return m  # nothing but an article, or the plural head of the place that follows
    if m.origin not in _GUESSED or not _is_org(m) or _NAME.fullmatch(words) is None:
        return None
    if right:
        start, end = m.start, piece.start + len(piece.text.rstrip())
    else:
        start, end = piece.start + len(piece.text.rstrip()) - len(words), m.end
    name = clean_name(text[start:end])
    return m.with_(
        name=name, surface=text[start:end], start=start, end=end, type=org_type_of(name) or m.type
    )
