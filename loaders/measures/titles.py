"""Short titles and start years for measures.

A measure title is read in a graph view or a table, so it should be a noun phrase
("Interkulturelle Fortbildung für Führungskräfte", "Kampagne „Du machst den Unterschied“"),
not the sentence that reports it. The best source is what the author already wrote as a
name: the label before a colon, a bullet that is itself a noun phrase, a quoted name next
to the activity word. Otherwise the activity word is widened to its noun phrase: the
adjectives before it and the attributes after it, up to the first verb or punctuation.

>>> noun_phrase("Wir haben interkulturelle Fortbildungen für Führungskräfte angeboten.", 14)
'Interkulturelle Fortbildungen für Führungskräfte'
>>> start_year("Seit 2019 gibt es einen Arbeitskreis, 2021 kam ein Workshop hinzu.")
2019
"""

from __future__ import annotations

import re

__all__ = ["noun_phrase", "start_year", "item_title", "MAX_TITLE"]

MAX_TITLE = 110
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_SINCE = re.compile(rf"\b(?:seit|ab|im Jahr(?:e)?|Anfang|Ende|Mitte|Sommer|Herbst)\s+({_YEAR})\b")
_ANY_YEAR = re.compile(rf"(?<![\d/.-])({_YEAR})(?![\d])")
_WORD = re.compile(r"[\wÄÖÜäöüß*:/#'’-]+|[„“\"()]|[^\s\w]")
_ATTACH = {
    "von", "für", "mit", "zur", "zum", "der", "die", "das", "des", "den", "dem", "in", "im",
    "an", "am", "auf", "und", "über", "bei", "aus", "zu", "gegen", "ohne", "nach", "sowie",
    "einer", "eines", "einem", "ein", "eine", "unter", "durch", "vom",
}  # fmt: skip
_TRAILING = _ATTACH | {"(", "„"}
# words that leave a clause open when they end a clipped title
_CONNECTIVES = {"oder", "bzw", "bzw.", "als", "wie", "dass", "sich", "wird", "werden", "wurde",
                "wurden", "ist", "sind", "hat", "haben", "kann", "können", "soll", "sollen",
                "auch", "noch", "nicht", "sehr", "so", "u.a.", "z.b.", "ihre", "ihren", "seine",
                "seinen", "unsere", "welche", "welcher", "dieser", "diese", "dieses", "wir",
                "sie", "er", "es", "kein", "keine", "bis", "zwischen", "neben",
                "während"}  # fmt: skip
# an attributive adjective or participle ("interkulturelle", "gezielte"), not a verb ("waren")
_ADJECTIVE = re.compile(
    r"^[a-zäöü][a-zäöüß-]*(?:isch|lich|ig|iv|al|ell|bar|sam|haft|los|fach|iert|ielt|ekt|ärkt|end|neu)(?:e|en|er|es|em)$"
)
_NOT_ADJECTIVE = {"eine", "einen", "einer", "eines", "einem", "keine", "keinen", "diese", "dieser",
                  "diesen", "dieses", "alle", "allen", "aller", "werden", "wurden", "haben",
                  "sollen", "können", "konnten", "wollen", "müssen", "seine", "ihre", "ihren",
                  "unsere", "unseren", "jeweiligen", "zudem", "hierzu", "ebenfalls",
                  "oder", "aber", "sowie", "unter", "über", "hinter", "wieder", "außer", "immer",
                  "weiter", "später", "sehr", "gerne", "gern", "jeder", "jede", "jedem", "jeden",
                  "den", "dem", "der", "des", "die", "denen", "deren", "sie", "wir", "ihr", "ihrem",
                  "ihrer", "unserer", "unserem", "welche", "welcher", "welchen", "mehrere",
                  "einige", "einigen", "viele", "vielen", "andere", "anderen", "weitere",
                  "weiteren", "beiden", "beide", "besonders", "insbesondere"}  # fmt: skip
_INFLECTED = re.compile(r"^[a-zäöü][a-zäöüß-]+(?:e|en|er|es|em)$")  # "… für gendergerechte"
_NOUN_START = re.compile(r"^[A-ZÄÖÜ#„\"][\wÄÖÜäöüß*:/#'’.-]*")
_FUNCTION_START = re.compile(
    r"^(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Eines|Im|In|Am|An|Auf|Für|Bei|Mit|Seit|Zu|Zum|"
    r"Zur|Durch|Nach|Von|Vom|Über|Unter|Auch|Außerdem|Zudem|Dabei|Daher|Dies|Diese|Dieser|"
    r"Dieses|Hier|Hierbei|So|Es|Wir|Sie|Er|Alle|Als|Aus|Da|Dass|Wenn|Um|Neben|Insbesondere|"
    r"Insgesamt|Ziel|Weitere|Weiterhin|Darüber|Jede|Jeder|Jedes|Viele|Einige|Leider|Aufgrund)\b"
)
_CLAUSE_END = re.compile(r"[,;:.!?]\s|[,;:.!?]$|\s[–—]\s|\s\(")
# a full stop that ends an abbreviation or an ordinal number, not a clause
_ABBREVIATION = re.compile(
    r"(?:\b(?:u\.\s?a|z\.\s?B|z\.\s?T|d\.\s?h|ggf|bzw|etc|ca|vgl|usw|evtl|inkl|bspw|"
    r"sog|Nr|Dr|Prof|St|Abs|Mio|Mrd)|\b[a-zA-Z]|\b\d{1,2})\.$"
)
_QUOTED = re.compile(r"„[^“”\"]{3,80}[“”\"]|\"[^\"]{3,80}\"")


def _clause_end(text: str, start: int = 0) -> re.Match[str] | None:
    """The first clause end at or after ``start`` that is not inside a quoted name
    ("Konferenz „Open Up+. Vielfalt trifft Gestaltung“" is one clause)."""
    for m in _CLAUSE_END.finditer(text, start):
        if m.group().startswith(".") and _ABBREVIATION.search(text, 0, m.start() + 1):
            continue  # "u.a.", "z.B.", "ggf.", "am 29. Juni"
        before = text[start : m.start()]
        if before.count("„") <= before.count("“") + before.count("”"):
            return m
    return None


def _balanced(title: str) -> str:
    """A title whose quotation marks and brackets pair up: a name left open is cut off
    before its opening mark, a stray closing mark is dropped."""
    for opening, closing in (("„", "“"), ("(", ")")):
        if opening not in title and closing not in title and (opening != "„" or "”" not in title):
            continue  # no mark of this pair: the title stays as it is
        depth, cut = 0, None
        out = []
        for i, ch in enumerate(title):
            if ch == opening:
                depth += 1
                cut = i if depth == 1 else cut
            elif ch == closing or (opening == "„" and ch == "”"):
                if depth == 0:
                    continue  # a closing mark without its opening one
                depth -= 1
            out.append(ch)
        title = "".join(out)
        if depth > 0 and cut is not None:
            title = title[:cut] if cut > 0 else title.replace(opening, "")
    return _trim(title)


def _trim(title: str) -> str:
    """Strip punctuation and words that cannot end a noun phrase from the end."""
    words = title.strip(" ,;:-–—•/").split()
    while len(words) > 1 and (
        words[-1].strip(",;:").lower() in _TRAILING | _CONNECTIVES
        or (_ADJECTIVE.match(words[-1]) and words[-1] not in _NOT_ADJECTIVE)
        or (_INFLECTED.match(words[-1]) and words[-2].lower() in _ATTACH)
    ):
        words.pop()  # "… in den Akademien und überbetrieblichen" ends at "Akademien"
    return " ".join(words).strip(" ,;:-–—•/")


def _sentence_title(text: str, at: int) -> str:
    """The clause around offset ``at``: what a single-word noun phrase stood in."""
    start = 0
    for m in re.finditer(r"[.!?;:]\s+", text[:at]):
        if not (m.group().startswith(".") and _ABBREVIATION.search(text, 0, m.start() + 1)):
            start = m.end()
    end = _clause_end(text, max(at, start))
    clause = text[start : end.start() if end else len(text)]
    return _clip(_capitalise(clause.strip()))


def start_year(text: str) -> int | None:
    """The year a measure started: "seit 2019" / "im Jahr 2022" first, else the first year."""
    since = _SINCE.search(text)
    if since:
        return int(since.group(1))
    found = _ANY_YEAR.search(text)
    return int(found.group(1)) if found else None


def _clip(title: str) -> str:
    title = title.strip(" ,;:-–—•").lstrip("(")
    if len(title) <= MAX_TITLE:
        return _balanced(title)
    cut = title[:MAX_TITLE].rsplit(" ", 1)[0]
    return _balanced(cut.rstrip(" ,;:(„-")) + " …"


def _single_word(title: str) -> bool:
    return len(title.split()) == 1 and "„" not in title


def _capitalise(title: str) -> str:
    return title[:1].upper() + title[1:] if title[:1].islower() else title


def noun_phrase(text: str, at: int, fallback: str | None = None) -> str:
    """The noun phrase around the word at offset ``at``: adjectives before it, attributes
    (prepositional phrases, genitives, a quoted name) after it, up to a verb or a clause end.
    A verb cue ("eingestellt") has no noun phrase: then ``fallback`` (the type's label)."""
    if fallback and text[at : at + 1].islower():
        return _sentence_title(text, at) if _single_word(fallback) else fallback
    word_start = text.rfind(" ", 0, at) + 1
    head_end = at
    while head_end < len(text) and not text[head_end].isspace():
        head_end += 1
    before = text[:word_start].split()
    lead: list[str] = []
    for word in reversed(before[-3:]):
        bare = word.strip('„“"(),')
        if word != bare or not _ADJECTIVE.match(bare) or bare in _NOT_ADJECTIVE:
            break
        lead.insert(0, bare)
    words = [text[word_start:head_end].rstrip(",;:.!?)")]
    rest = text[head_end:]
    quoted = _QUOTED.match(rest.lstrip())
    if quoted:
        words.append(quoted.group())
    else:
        clause = _CLAUSE_END.search(rest)
        tail = rest[: clause.start()] if clause else rest
        for word in tail.split()[:9]:
            bare = word.strip('„“"')
            if (
                bare in _ATTACH
                or _NOUN_START.match(word)
                or (_ADJECTIVE.match(bare) and bare not in _NOT_ADJECTIVE)
            ):
                words.append(word)
                continue
            break
        while len(words) > 1 and words[-1].lower() in _TRAILING:
            words.pop()
    title = _clip(_capitalise(" ".join(lead + words)))
    if _single_word(title):  # "Vorstellungsgespräche": the clause says what was done
        return _sentence_title(text, at)
    return title


def item_title(
    text: str, label: str | None, bullet: bool, cue_at: int | None, fallback: str | None = None
) -> str:
    """Title of an item: its label, its opening noun phrase, or the phrase around the cue."""
    if label and len(label.split()) <= 8 and not _FUNCTION_START.match(label):
        if not _single_word(label):
            return _clip(label)
        rest = text.split(":", 1)[1].strip() if ":" in text else ""
        end = _clause_end(rest)
        detail = rest[: end.start()] if end else rest
        if not detail:
            return _clip(label)
        return _clip(f"{label}: {detail}")  # "Direktmailings: Ansprache von Bewerbern"
    first = _clause_end(text)
    opening = text[: first.start()] if first else text
    if (bullet or cue_at is None) and not _FUNCTION_START.match(opening):
        if len(opening.split()) <= 14:
            return _clip(opening)
    if cue_at is not None:
        return noun_phrase(text, cue_at, fallback)
    return _clip(opening)
