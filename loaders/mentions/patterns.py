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
from functools import lru_cache

from loaders.mentions.model import NOT_PLACE, PLACE, WORD, Mention
from loaders.mentions.org_types import org_type_of
from loaders.mentions.programmes import find_plain_programmes, find_quoted_programmes
from loaders.names import clean_name
from loaders.reference import state_names
from loaders.scan import word_matches

__all__ = [
    "Mention",
    "find_pattern_mentions",
    "org_type_of",
    "normalise_org_name",
]


_W = WORD
_NOT_PLACE = NOT_PLACE
_PLACE = PLACE
# "im" joins a name's last part ("… im ländlichen Raum"), not a time or frame after it
# ("das Ministerium für Integration im Jahr 2014", "… im Rahmen des Programms")
_NOT_FRAME = r"(?!(?:Jahre?|Rahmen|Zuge|Auftrag|Namen|Vorfeld|Anschluss)\b)"
# "für Arbeit, Soziales und Integration der Freien Hansestadt": after a comma or "und" only
# more of the list, never ", der Behörde …" or "und dem Senator …" (the next name)
_NAME_GOES_ON = rf"(?:(?:\s*,\s*|\s+und\s+|\s+){_W}|\s+(?:der|des|den|im)\s+{_NOT_FRAME}{_W})*"
_FOR_PHRASE = rf"(?:für|des|der)\s+{_W}{_NAME_GOES_ON}"
_FOR_ONLY = rf"für\s+{_W}{_NAME_GOES_ON}"  # "Behörde für …", not "Behörde der Stadt"

_STATES = "|".join(sorted(map(re.escape, state_names()), key=len, reverse=True))

_ORG_PATTERNS: list[tuple[str, str]] = [
    # a Land as a body: "vom Land Hessen", "des Landes Baden-Württemberg", "Freistaat Sachsen"
    (rf"(?:Land(?:es)?|Freistaat(?:e?s)?)\s+(?:{_STATES})(?![\wÄÖÜäöüß-])", "Landesbehoerde"),
    (
        rf"(?:Stadt|Gemeinde|Landeshauptstadt|Hansestadt|Stadtverwaltung)\s+{_NOT_PLACE}{_PLACE}",
        "Kommune",
    ),
    (
        rf"(?:(?:{_W}-)?Kreis(?:es)?|Kreisverwaltung|Städte[Rr]egion)\s+{_NOT_PLACE}{_PLACE}",
        "Kreis",
    ),
    (rf"Landkreis(?:es)?\s+{_NOT_PLACE}{_PLACE}", "Kreis"),
    # "Rhein-Sieg-Kreis", "Main-Kinzig-Kreis": a county named by hyphenated parts
    (rf"{_W}(?:-{_W})*-Kreis(?:es)?(?![\wÄÖÜäöüß-])", "Kreis"),
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
    # the ministries of the city states: "Der Senator für Inneres", "Senatsverwaltung für
    # Integration, Arbeit und Soziales", "Behörde für Arbeit, Soziales, Familie und Integration"
    (rf"(?:Senator(?:in)?|Senatsverwaltung|Behörde)\s+{_FOR_ONLY}", "Ministerium"),
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
    # a sports club named by its kind's short form: "SV Atter", "1. FC Union", "TuS 1860 Bad X"
    (
        rf"(?:\d\.\s+)?(?-i:SV|SC|TSV|FC|VfL|VfB|VfR|TuS|TuRa|SpVgg|DJK|TSG|SSV|FSV|ESV|PSV|BSC|SSC)"
        rf"\s+(?:\d{{2,4}}\s+)?{_NOT_PLACE}{_W}(?:\s+{_NOT_PLACE}{_W}){{0,2}}(?=[\s,.;:)]|$)",
        "Verein",
    ),
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

_ORG_RE = [(re.compile(rf"\b{pattern}"), org_type) for pattern, org_type in _ORG_PATTERNS]
_UNIT_RE = re.compile(rf"\b(?:{_UNIT_WORDS})")
_HEAD_FORMS = [
    # the administration of a town or county is the town or county: "Kreisverwaltung des
    # Rhein-Sieg-Kreises" = "Rhein-Sieg-Kreis", not a "Kreis des Rhein-Sieg-Kreises"
    (re.compile(r"^(?:Stadt|Kreis)verwaltung\s+(?:des|der)\s+(?=[A-ZÄÖÜ])"), ""),
    (re.compile(r"^Stadtverwaltung\b"), "Stadt"),
    (re.compile(r"^Kreisverwaltung\b"), "Kreis"),
    (re.compile(r"^Kreises\b"), "Kreis"),
    (re.compile(r"^Landkreises\b"), "Landkreis"),
    (re.compile(r"^Landes\b"), "Land"),
    (re.compile(r"^Freistaate?s\b"), "Freistaat"),
    (re.compile(r"^(\S+-Kreis)es$"), r"\1"),
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


@lru_cache(maxsize=16384)
def normalise_org_name(name: str) -> str:
    """Nominative, tidy form of a found name ("Kreises Lippe" -> "Kreis Lippe").

    Remembered (a pure function of the name): the patterns find the same names again and
    again, and each is run through all the head forms.
    """
    name = clean_name(name)
    for pattern, repl in _HEAD_FORMS:
        name = pattern.sub(repl, name, count=1)
    return name


def find_pattern_mentions(text: str) -> list[Mention]:
    """Organisation, unit and programme names found by head-word patterns (may overlap)."""
    out: list[Mention] = []
    for regex, org_type in _ORG_RE:
        for m in word_matches(regex, text):
            found = _mention("org", m.group(), m.start(), m.end(), org_type)
            if found.kind != "skip":
                out.append(found)
    for m in _UNIT_RE.finditer(text):
        out.append(_mention("unit", m.group(), m.start(), m.end(), ""))
    out.extend(find_quoted_programmes(text))
    out.extend(_listed_units(text))
    out.extend(find_plain_programmes(text))
    return out


_UNIT_LIST_RE = re.compile(
    r"\bDezernate\s+\d+(?:\.\d+)?\s*(?:\([^()]{2,70}\)\s*)?(?:,|und|sowie)\s*"
    r"(\d+(?:\.\d+)?(?:\s*\([^()]{2,70}\))?)"
)


def _listed_units(text: str) -> list[Mention]:
    """The second number of "Dezernate 11 und 36" is a unit of its own ("Dezernat 36")."""
    out = []
    for m in word_matches(_UNIT_LIST_RE, text):
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
