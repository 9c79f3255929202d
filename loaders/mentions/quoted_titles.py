"""Titles in quotes that a found name ran into.

A genre phrase and a quoted title ("Integrationsprogramm für Geflüchtete „Integra“",
"Arbeitskreis „Wohnen und Integration“") name the title; a name found up to the inside of
the quotes holds an opening quote without its closing one, and the quoted title is the
name the guidelines give (a programme is named without its genre words).
"""

from __future__ import annotations

import re

from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.mentions.org_types import org_type_of
from loaders.mentions.patterns import Mention
from loaders.names import clean_name

__all__ = ["with_quoted_titles"]

_LEGAL_FORM = re.compile(LEGAL_FORM)
# an opening quote inside a name and the title it opens, to its closing quote (a blank line
# or 120 characters end the search)
_OPENING = re.compile(r"[„»]|(?<![\w])\"(?=\w)")  # "“" closes a German title: not here
# a club's name in quotes: "den Vereinen „Asyl“ und „Flux“", "Verein „Miteinander“"
_CLUB_BEFORE = re.compile(r"[Vv]erein(?:e|en|s)?\s*$")
_TITLE_END = re.compile(r"[“”«\"]|\n[ \t]*\n")


def with_quoted_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name that holds an opening quote without its closing one ran from a genre phrase
    into a title: "Integrationsprogramm für Geflüchtete „Integra", "Arbeitskreis „Wohnen und
    Integration", "Verein „inteGREATer e. V.". The title in the quotes is the name (the
    guidelines name programmes without their genre words): a programme, or an organisation
    where it has a legal form ("inteGREATer e. V.") or a club is named ("den Vereinen
    „Asyl“"). What the genre phrase was (a network, a working group, a city cooperation)
    does not make the title a body: the references name "Arbeitskreis „Wohnen und
    Integration“" and "Städtekooperation „Integration.Interkommunal“" as programmes.

    >>> text = "das Integrationsprogramm für Geflüchtete „Integra“ der Hochschule"
    >>> end = text.index("“")
    >>> found = Mention("programme", text[4:end], text[4:end], 4, end, "Foerderprogramm")
    >>> [(m.name, m.kind, text[m.start:m.end]) for m in with_quoted_titles(text, [found])]
    [('Integra', 'programme', 'Integra')]
    """
    out = []
    for m in mentions:
        opening = _OPENING.search(text, m.start, m.end)
        if (
            opening is None
            or opening.start() == m.start
            or _TITLE_END.search(text, opening.end(), m.end)
        ):
            out.append(m)
            continue
        close = _TITLE_END.search(text, opening.end(), opening.end() + 120)
        end = close.start() if close is not None and close.group()[:1] != "\n" else m.end
        name = clean_name(text[opening.end() : end])
        if len(name) < 2:
            out.append(m)
            continue
        club = _CLUB_BEFORE.search(text, m.start, opening.start()) is not None
        kind = "org" if club or _LEGAL_FORM.search(name) else "programme"
        type_ = org_type_of(name) if kind == "org" else m.type if m.kind == kind else "Projekt"
        out.append(
            m.with_(
                kind=kind,
                name=name,
                surface=text[opening.end() : end],
                start=opening.end(),
                end=end,
                type=type_,
                ref_id=None,
            )
        )
    return out
