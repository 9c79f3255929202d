"""German naming patterns for organisations and programmes that no reference list knows.

Public bodies are named by a head word and a place ("Stadt Bottrop", "Jobcenter
StädteRegion Aachen", "Polizeipräsidium Dortmund"), ministries by "Ministerium für ...",
associations and firms by a legal-form suffix ("... e. V.", "GmbH", "AG"), units of an
organisation by a unit word ("Dezernat 36 (...)", "Referat Migration"), programmes by a
cue noun before a name ("Projekt „Partnernetzwerken!“", "Kampagne #IchDuWirNRW").

>>> [(m.name, m.type) for m in find_pattern_mentions("in Kooperation mit der Stadt Bottrop")]
[('Stadt Bottrop', 'Kommune')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.names import clean_name
from loaders.org_types import org_type_of

__all__ = [
    "Mention",
    "find_pattern_mentions",
    "org_type_of",
    "normalise_org_name",
]


@dataclass(frozen=True)
class Mention:
    """One occurrence of an organisation or programme name in a document's text stream."""

    kind: str  # "org" | "programme" | "unit" (a department; its parent is decided later)
    name: str  # nominative name (the reference name when ``ref_id`` is set)
    surface: str
    start: int
    end: int
    type: str  # organisation type or programme kind ("" for units until resolved)
    ref_id: str | None = None
    origin: str = "pattern"  # "reference" | "pattern" | "suffix" | "list"
    parent: str | None = None  # name of the parent organisation when the text says it
    abbreviation: str | None = None

    def with_(self, **changes: object) -> Mention:
        return replace(self, **changes)  # type: ignore[arg-type]


_W = r"[A-ZÄÖÜ][\wÄÖÜäöüß]*(?:-[\wÄÖÜäöüß]+)*"
_NOT_NOUN = (
    r"(?![\wäöüß-]*(?:ung|ungen|heit|keit|schaft|ion|ionen|ität|nahme|nahmen|ismus|ende|enden)\b)"
)
_PLACE = rf"{_NOT_NOUN}{_W}(?:\s+(?:an\s+der|am|in\s+der|ob\s+der)\s+{_W})?"
_NOT_PLACE = (
    r"(?!(?:Die|Der|Das|Des|Dem|Den|Und|Oder|Mit|Im|In|Bei|Für|Von|Zu|Zur|Zum|Auch|Als|Sowie|"
    r"Verwaltung|Gesellschaft|Bevölkerung|Ebene|Teil|Jahr|Und|Seit|Ende|Beginn|Mitte)\b)"
)
_FOR_PHRASE = (
    rf"(?:für|des|der)\s+{_W}(?:(?:\s*,\s*|\s+und\s+|\s+)(?:{_W}|(?:der|des|den|im)\s+{_W}))*"
)

_ORG_PATTERNS: list[tuple[str, str]] = [
    (
        rf"(?:Stadt|Gemeinde|Landeshauptstadt|Hansestadt|Stadtverwaltung)\s+{_NOT_PLACE}{_PLACE}",
        "Kommune",
    ),
    (
        rf"(?:(?:{_W}-)?Kreis(?:es)?|Kreisverwaltung|Städte[Rr]egion)\s+{_NOT_PLACE}{_PLACE}",
        "Kreis",
    ),
    (rf"Bezirksregierung\s+{_NOT_PLACE}{_PLACE}", "Bezirksregierung"),
    (
        rf"(?:Polizeipräsidium|Polizeipräsidiums|Kreispolizeibehörde|Polizei|PP)\s+{_NOT_PLACE}{_PLACE}",
        "Polizei",
    ),
    (rf"[Jj]obcenter\s+(?:Kreis\s+|Städte[Rr]egion\s+)?{_NOT_PLACE}{_PLACE}", "Jobcenter"),
    (rf"(?:Agentur\s+für\s+Arbeit|Arbeitsagentur)\s+{_NOT_PLACE}{_PLACE}", "Bundesbehoerde"),
    (
        rf"(?:Handwerkskammer|Industrie-\s+und\s+Handelskammer|IHK)\s+(?:zu\s+|für\s+)?{_NOT_PLACE}{_PLACE}",
        "Kammer",
    ),
    (rf"(?:Niederrheinische|{_W}e)\s+Industrie-\s+und\s+Handelskammer", "Kammer"),
    (rf"Landschaftsverband\s+{_NOT_PLACE}{_PLACE}", "Kommune"),
    (
        rf"(?:Bundes|Landes)?[Mm]inisterium\s+{_FOR_PHRASE}(?:\s+des\s+Landes\s+{_W})?",
        "Ministerium",
    ),
    (rf"(?:Bundesamt|Landesamt)\s+{_FOR_PHRASE}", "Bundesbehoerde"),
    (
        rf"(?:Universität|Uni|Hochschule|Fachhochschule)\s+(?:{_FOR_PHRASE}|{_NOT_PLACE}{_PLACE})",
        "Hochschule",
    ),
    (
        rf"(?:Ruhr-Universität|Technische\s+Universität|Bergische\s+Universität)\s+{_PLACE}",
        "Hochschule",
    ),
    (rf"(?:Stiftung\s+{_NOT_PLACE}{_W}|{_W}-Stiftung)", "Stiftung"),
    (
        rf"(?:[A-ZÄÖÜ][\wäöüß]*(?:isch|lich)e[snm]?\s+)?"
        rf"(?:Berufskolleg|Gymnasium|Gesamtschule|Realschule|Weiterbildungskolleg)\s+{_NOT_PLACE}{_PLACE}",
        "Schule",
    ),
    (rf"Wirtschaftsförderung\s+{_NOT_PLACE}{_W}(?:\s+{_W})?(?=\s+GmbH)?", "Unternehmen"),
]
_UNIT_WORDS = (
    (
        r"Dezernat(?:e|es|s)?\s+\d+(?:\.\d+)?(?:\s*\([^()\n]{2,70}\))?"
        r"|Dezernat(?:e|es|s)?\s+(?:für\s+)?{W}(?:(?:\s*,\s*|\s+und\s+){W})*"
        r"|Referat(?:es|s)?\s+(?:für\s+)?{W}(?:\s+(?:und|für)\s+{W})*"
        r"|Fachbereich(?:es|s)?\s+(?:für\s+)?{W}(?:\s+(?:und|für)\s+{W})*"
        r"|Abteilung\s+für\s+{W}(?:\s+(?:und|für)\s+{W})*"
        r"|Amt(?:es|s)?\s+für\s+{W}(?:(?:\s*,\s*|\s+und\s+){W})*"
        r"|Stabs?stelle\s+{W}(?:\s+(?:und|für)\s+{W})*"
        r"|Koordinierungsstelle\s+{W}(?:\s+(?:und|für)\s+{W})*"
        r"|Kommunale\s+Koordinierung(?:\s+(?:und\s+)?{W}){0,4}"
        r"|Beschwerdestelle(?:\s+nach\s+dem\s+{W}(?:\s+{W})?(?:\s+\([A-Z]+\))?|\s+[A-Z]{2,5}\b)?"
        r"|Arbeitskreis(?:es)?\s+(?!der\b|des\b){W}"
        r"|(?:{W}-\s+und\s+)?[A-ZÄÖÜ][\wäöüß]*büro(?:s)?(?![\wäöüß])"
        r"|Kompetenzzentr(?:um|ums)\s+(?:für\s+)?{W}(?:\s+(?:und|für|im)\s+{W})*"
        r"|Kommunale[sn]?\s+Integrationszentr(?:um|ums)(?:\s+{P})?"
        r"|Projektteam\s+#?{W}"
        r"|Büro\s+(?:des\s+Oberbürgermeisters|für\s+{W}(?:\s+{W})?)"
        r"|(?:Gleichstellungsstelle|Ausländerbehörde|Ausbildungsabteilung|"
        r"Personal-\s+und\s+Organisationsamt|Personalamt|Studieninstitut\s+für\s+\w+\s+{W})"
    )
    .replace("{W}", _W)
    .replace("{P}", _PLACE)
)

_PROGRAMME_CUES: list[tuple[str, str]] = [
    (r"\w*[Pp]rojekt(?:es|s|en|e)?", "Projekt"),
    (r"\w*[Pp]rogramm(?:es|s)?", "Foerderprogramm"),
    (r"\w*[Kk]ampagnen?", "Kampagne"),
    (r"Motto", "Kampagne"),
    (r"\w*[Aa]usstellung", "Sonstige"),
    (r"\w*[Ff]ormat", "Projekt"),
    (r"\w*[Vv]eranstaltung", "Sonstige"),
    (r"\w*[Ii]nitiative", "Initiative"),
    (r"\w*[Nn]etzwerk(?:es|s)?|Netzwerkplattform|Plattform", "Netzwerk"),
    (r"Charta|Kontrakt(?:es|s)?|\w*[Vv]ereinbarung|Bündnis(?:ses)?|Pakt(?:es|s)?", "Charta"),
    (r"Aktion", "Kampagne"),
    (
        r"\w*[Ff]orum|\w*[Rr]eihe|\w*[Mm]esse|Wettbewerb(?:s|es)?|Fachtag(?:ung)?|Konferenz|"
        r"Aktionstag(?:es|s)?|Masterplan",
        "Veranstaltungsreihe",
    ),
]
_QUOTE_OPEN = r"[„\"»‚,“]"
_QUOTE_CLOSE = r"(?:[“”\"«‘®]|\*(?=[\s,.;)]))"
_PROGRAMME_NAME = r"(?:#\w+|[A-ZÄÖÜ][\w\-+!]*(?::?[ ]+(?:[A-ZÄÖÜ][\w\-+!]*|NRW|\d+[\w+]*))*)"

_ORG_RE = [(re.compile(rf"\b{pattern}"), org_type) for pattern, org_type in _ORG_PATTERNS]
_UNIT_RE = re.compile(rf"\b(?:{_UNIT_WORDS})")
_PROGRAMME_QUOTED_RE = [
    (
        re.compile(
            rf"\b(?:{cue})\s*\(?\s*(?:des\s+|der\s+|zur\s+|zum\s+)?{_QUOTE_OPEN}(?=[\w#])"
            rf"([^“”\"«®\n]{{2,100}}?(?:\n[^“”\"«®\n]{{1,80}}?)?){_QUOTE_CLOSE}"
        ),
        kind,
    )
    for cue, kind in _PROGRAMME_CUES
]
_PROGRAMME_PLAIN_RE = re.compile(
    rf"\b(?:Projekt(?:es|s|en)?|Pilotprojekt(?:es|s)?|Modellprojekt(?:es|s)?|Landesprogramm(?:s|es)?|"
    rf"Bundesprogramm(?:s|es)?|Förderprogramm(?:s|es)?|Kampagne|Netzwerkplattform|Berufsmesse|"
    rf"Masterplan|\w*[Ww]erkstatt)\s+{_NOT_PLACE}(?!Die\b|Der\b|Das\b)({_PROGRAMME_NAME})"
)
# "3. Interkommunales Forum Integration", "5. Deutscher Diversity-Tag": a numbered event
_NUMBERED_EVENT_RE = re.compile(
    rf"\b\d{{1,2}}\.\s+((?:{_W}\s+)?(?:Forum|Fachtag|Fachtagung|Kongress|Konferenz|Netzwerktreffen|"
    rf"Aktionstag|Tag)\b(?:[ ]+(?!Die\b|Der\b|Das\b){_W})?)"
)
# "Internationaler Tag der Toleranz", "am „Tag des Flüchtlings“": a named day of action
_NAMED_DAY_RE = re.compile(
    rf"\b(?:(?:Internationale|Deutsche|Bundesweite|Europäische|Weltweite)[nrs]?\s+)?"
    rf"Tag(?:es|s)?\s+(?:der|des|gegen)\s+{_W}(?:\s+und\s+{_W})?"
)
# "„#IchDuWirNRW“ und „Du machst den Unterschied“": more quoted names after a cued one
_QUOTED_MORE_RE = re.compile(
    rf"\s*(?:,|und|sowie|oder)\s*{_QUOTE_OPEN}(?=[\w#])([^“”\"«®\n]{{2,80}}?(?:\n[^“”\"«®\n]{{1,60}}?)?)"
    rf"{_QUOTE_CLOSE}"
)
_PROGRAMME_KIND_OF = {
    "Projekt": "Projekt",
    "Pilotprojekt": "Projekt",
    "Modellprojekt": "Projekt",
    "Landesprogramm": "Foerderprogramm",
    "Bundesprogramm": "Foerderprogramm",
    "Förderprogramm": "Foerderprogramm",
    "Kampagne": "Kampagne",
    "Netzwerkplattform": "Netzwerk",
    "Berufsmesse": "Veranstaltungsreihe",
    "Masterplan": "Sonstige",
}

_HEAD_FORMS = [
    (re.compile(r"^Stadtverwaltung\b"), "Stadt"),
    (re.compile(r"^Kreisverwaltung\b"), "Kreis"),
    (re.compile(r"^Kreises\b"), "Kreis"),
    (re.compile(r"^Polizeipräsidiums\b"), "Polizeipräsidium"),
    (re.compile(r"^PP\b"), "Polizeipräsidium"),
    (re.compile(r"^jobcenter\b"), "Jobcenter"),
    (re.compile(r"^(Dezernat|Referat|Fachbereich|Amt)(?:es|s|e)\b"), r"\1"),
    (re.compile(r"^(Kompetenzzentr|Integrationszentr)ums\b"), r"\1um"),
    (re.compile(r"^(\w*büro)s\b"), r"\1"),
    (re.compile(r"^Arbeitskreises\b"), "Arbeitskreis"),
    (re.compile(r"^(\w+(?:isch|lich))e[nm]?\s+(?=(?:Gymnasium|\w*kolleg)\b)"), r"\1es "),
    (re.compile(r"^(\w+(?:isch|lich))e[nm]\s+(?=\w*schule\b)"), r"\1e "),
    (re.compile(r"^(Kommunale)[sn]\b"), r"\1s"),
    (re.compile(r"^Städteregion\b"), "StädteRegion"),
    (re.compile(r"^(\w*(?:projekt|programm))(?:es|s)\b", re.IGNORECASE), r"\1"),
]


def normalise_org_name(name: str) -> str:
    """Nominative, tidy form of a found name ("Kreises Lippe" -> "Kreis Lippe")."""
    name = clean_name(name)
    for pattern, repl in _HEAD_FORMS:
        name = pattern.sub(repl, name, count=1)
    return name


def find_pattern_mentions(text: str) -> list[Mention]:
    """Organisation, unit and programme names found by head-word patterns (may overlap)."""
    out: list[Mention] = []
    for regex, org_type in _ORG_RE:
        for m in regex.finditer(text):
            found = _mention("org", m.group(), m.start(), m.end(), org_type)
            if found.kind != "skip":
                out.append(found)
    for m in _UNIT_RE.finditer(text):
        out.append(_mention("unit", m.group(), m.start(), m.end(), ""))
    for regex, kind in _PROGRAMME_QUOTED_RE:
        for m in regex.finditer(text):
            name = clean_name(m.group(1))
            if len(name) >= 3 and not name.islower():
                out.append(Mention("programme", name, m.group(), m.start(), m.end(), kind))
                out.extend(_more_quoted(text, m.end(), kind))
    for m in _NAMED_DAY_RE.finditer(text):
        name = _DAY_FORMS.sub(r"\1er Tag", clean_name(m.group()))
        name = re.sub(r"^Tag(?:es|s)\b", "Tag", name)
        out.append(Mention("programme", name, m.group(), m.start(), m.end(), "Veranstaltungsreihe"))
    out.extend(_listed_units(text))
    for m in _PROGRAMME_PLAIN_RE.finditer(text):
        cue = re.sub(r"(?:es|s)$", "", m.group().split()[0])
        name = clean_name(m.group(1))
        if cue == "Masterplan" or cue.lower().endswith("werkstatt"):  # the cue is in the name
            name = f"{cue} {name}"
        if len(name) >= 3:
            kind = _PROGRAMME_KIND_OF.get(cue, "Projekt")
            out.append(Mention("programme", name, m.group(), m.start(), m.end(), kind))
    for m in _NUMBERED_EVENT_RE.finditer(text):
        name = clean_name(m.group(1))
        out.append(
            Mention("programme", name, m.group(), m.start(1), m.end(), "Veranstaltungsreihe")
        )
    return out


_DAY_FORMS = re.compile(r"^(\w+)e[nrs]?\s+Tag(?:es|s)?\b")
_UNIT_LIST_RE = re.compile(
    r"\bDezernate\s+\d+(?:\.\d+)?\s*(?:\([^()]{2,70}\)\s*)?(?:,|und|sowie)\s*"
    r"(\d+(?:\.\d+)?(?:\s*\([^()]{2,70}\))?)"
)


def _more_quoted(text: str, end: int, kind: str) -> list[Mention]:
    """Quoted names that continue a cued one ("Kampagnen „A“ und „B“") have its kind."""
    out = []
    while (m := _QUOTED_MORE_RE.match(text, end)) is not None:
        name = clean_name(m.group(1))
        if len(name) < 3 or name.islower():
            break
        out.append(Mention("programme", name, m.group(1), m.start(1), m.end(1), kind))
        end = m.end()
    return out


def _listed_units(text: str) -> list[Mention]:
    """The second number of "Dezernate 11 und 36" is a unit of its own ("Dezernat 36")."""
    out = []
    for m in _UNIT_LIST_RE.finditer(text):
        surface = m.group(1)
        name = clean_name("Dezernat " + " ".join(surface.split()))
        out.append(Mention("unit", name, surface, m.start(1), m.end(1), ""))
    return out


def _mention(kind: str, surface: str, start: int, end: int, org_type: str) -> Mention:
    trimmed = surface.rstrip(" \n-–,")
    head, *rest = trimmed.split()
    place = " ".join(rest)
    if kind == "org" and len(place) > 4 and place.isupper() and not head.isupper():
        kind = "skip"  # "Stadtverwaltung\nPARCOURS": a heading in capitals is no place
    name = normalise_org_name(trimmed)
    return Mention(kind, name, trimmed, start, start + len(trimmed), org_type)
