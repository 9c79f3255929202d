"""Associations and firms named by their legal form ("... e. V.", "... GmbH", "... AG").

The suffix is easy to find; the start of the name is not. The name is walked back word by
word from the suffix while words are capitalised or name-internal connectors ("für",
"und", "&"), and stops at punctuation, at sentence words ("Mitglied", "Kooperation") and
at a short line above (a heading or a person's name, not part of the name).

>>> [m.name for m in find_suffix_orgs("Mitwirkung: IKU GmbH und die Petek e.V. in Essen")]
['IKU GmbH', 'Petek e.V.']
>>> [m.name for m in find_suffix_orgs("mit dem Caritasverband für die Stadt Bonn e. V.")]
['Caritasverband für die Stadt Bonn e. V.']
>>> [m.name for m in find_suffix_orgs("Träger sind Caritas Köln e. V. und Diakonie Köln e. V.")]
['Caritas Köln e. V.', 'Diakonie Köln e. V.']

A person's role or a byline's label before a genitive article is no part of the name; a
name that holds such an article is one:

>>> [m.name for m in find_suffix_orgs("Ein Beitrag der Sparda-Bank Hessen eG")]
['Sparda-Bank Hessen eG']
>>> [m.name for m in find_suffix_orgs("die Brücke der Kulturen Hildesheim e. V.")]
['Brücke der Kulturen Hildesheim e. V.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.learn.features import word_classes
from loaders.mentions.patterns import Mention, normalise_org_name, org_type_of
from loaders.reference import BYLINE_LABELS_FILE, read_word_list

__all__ = ["LEGAL_FORM", "LEGAL_FORM_RE", "find_suffix_orgs"]

#: A German legal form ending a name ("e. V.", "gGmbH", "GmbH & Co. KG", "AG").
LEGAL_FORM = r"(?:e\.\s?V\.|e\.V\b|gGmbH|GmbH(?:\s*&\s*Co\.\s*KG)?|mbH|gAG|AG|GbR|KG|eG)"
#: A legal form standing as a word of its own.
LEGAL_FORM_RE = re.compile(rf"(?<![\w.-]){LEGAL_FORM}(?!\w)")
_INNER = frozenset(
    {
        "für",
        "und",
        "der",
        "des",
        "zur",
        "zum",
        "von",
        "de",
        "du",
        "&",
        "+",
        "im",
        "in",
        "an",
        "am",
        "den",
        "e",
        "V",
        "Co",
        "mbH",
        "-",
    }
)
_STOP = frozenset(
    {
        "Mitglied",
        "Mitglieder",
        "Mitgliedschaft",
        "Partner",
        "Partnerin",
        "Partnern",
        "Kooperation",
        "Kooperationspartner",
        "Zusammenarbeit",
        "Träger",
        "Trägerschaft",
        "Dach",
        "Tochter",
        "Tochterunternehmen",
        "Tochtergesellschaft",
        "Gründung",
        "Beispiel",
        "Beispiele",
        "Rahmen",
        "Projekt",
        "Seit",
        "Auch",
        "Mit",
        "Durch",
        "Bei",
        "Beim",
        "Für",
        "Von",
        "Vom",
        "Im",
        "In",
        "Der",
        "Die",
        "Das",
        "Dem",
        "Den",
        "Des",
        "Ein",
        "Eine",
        "Einer",
        "Als",
        "Über",
        "Unter",
        "Nach",
        "Vor",
        "Zum",
        "Zur",
        "Am",
        "An",
        "Auf",
        "Aus",
        "Und",
        "Oder",
        "Sowie",
        "Herausgeber",
        "Herausgeberin",
        "Druck",
        "Mitwirkung",
        "Kontakt",
        "Vereinsmitgründung",
        "Dr",
        "Prof",
        "Layout",
        "Redaktion",
        "Gestaltung",
        "Foto",
    }
)


_WINDOW_WORD = re.compile(r"[#\wÄÖÜäöüß][\wÄÖÜäöüß.'’-]*|[&+-]|[^\s\w]")


def _left_name(text: str, end: int, closed: int = -1) -> int:
    """Start of the capitalised name that ends at ``end`` (walks left word by word, not
    past ``closed``: where another name's legal form ended, "Caritas Köln e. V. und …").
    A short form in brackets before the legal form is inside the name: "Leipziger
    Verkehrsbetriebe (LVB) GmbH"."""
    short = _SHORT_FORM_BEFORE.search(text, max(0, end - _SHORT_FORM_REACH), end)
    if short is not None:
        start = _left_name(text, short.start(), closed)
        return start if start < short.start() else end
    window_start = max(0, end - 160)
    words = list(_WINDOW_WORD.finditer(text, window_start, end))
    start = end
    taken = 0
    for n in range(len(words) - 1, -1, -1):
        m = words[n]
        if m.start() < closed:
            break
        raw = m.group()
        word = raw.rstrip(".")
        previous = words[n - 1].group() if n else ""
        if word in ("der", "des") and (
            _HEAD_NOUN.match(text, start, end) or _role_or_byline(previous)
        ):
            break  # "Servicestelle ... der Auslandsgesellschaft X e.V.": the name starts after
        if not word or not (word[0].isalnum() or word[0] in "#&+-"):
            break  # punctuation such as ( , : „ ends the name
        if word in _STOP or (raw.endswith(".") and (len(word) > 3 or word.isdigit())):
            break
        if "\n" in text[m.end() : start] and _line_length_before(text, m.end()) < 30:
            break  # a short line above is a heading or a person, not part of the name
        if not (
            word[:1].isupper()
            or word[:1] in "#&+-"
            or word[:1].isdigit()
            or word in _INNER
            or (taken == 0 and word.isalpha())
            or _FOR_ARTICLE.search(text, window_start, m.end())  # "für die Stadt Bonn e. V."
        ):
            break
        start = m.start()
        taken += 1
        if taken >= 12:
            break
    # "gesponsert von PETERS & HELBIG GmbH", "unter dem Dach von Binemo e. V.": after a
    # lower-case verb or a word that ends names "von" is a preposition
    von = _VON.match(text, start, end)
    before = _WORD_BEFORE.search(text, window_start, start)
    if von and before and (before.group(1).islower() or before.group(1) in _STOP):
        start = von.end()
    # no dangling connector at the left edge
    while connector := _LEADING_CONNECTOR.match(text, start, end):
        start = connector.end()
    return start


_SHORT_FORM_BEFORE = re.compile(r"(?<=\S)\s+\(\s*[A-ZÄÖÜ][\wÄÖÜ.&-]{0,11}\s*\)\s*$")
_SHORT_FORM_REACH = 20
# an organisation's head noun right after a genitive article starts a new name
_HEAD_NOUN = re.compile(
    r"[A-ZÄÖÜ][\wäöüß-]*(?:gesellschaft|verband|verein|stiftung|forum|gemeinde|zentrum|"
    r"institut|akademie|kammer|bund|werk|agentur|hochschule|universität)\b"
)
_VON = re.compile(r"vo[nm]\s+")
_FOR_ARTICLE = re.compile(r"\bfür\s+(?:die|das)$")  # the articles a name holds after "für"
_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Za-zÄÖÜäöüß]{3,})\s+$")
_LEADING_CONNECTOR = re.compile(r"(?:für|und|der|des|zur|zum|im|in|an|am|den|&|\+|-)\s+")


def _role_or_byline(word: str) -> bool:
    """Whether the word before a genitive article is a person's role or a byline's label,
    which the name that follows the article is not part of ("Vorstandsvorsitzender des
    Caritasverbands Rhein-Sieg e. V.", "Ein Beitrag der Sparda-Bank Hessen eG")."""
    return word in _byline_labels() or word.casefold().endswith(tuple(word_classes().role_words))


@lru_cache(maxsize=1)
def _byline_labels() -> frozenset[str]:
    return frozenset(read_word_list(BYLINE_LABELS_FILE))


def _line_length_before(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1)


def find_suffix_orgs(text: str) -> list[Mention]:
    """Associations and firms named by a legal-form suffix ("... e. V.", "... GmbH")."""
    out = []
    closed = -1  # end of the legal form before: another name's, which ends that name
    for m in LEGAL_FORM_RE.finditer(text):
        start = _left_name(text, m.start(), closed)
        closed = m.end()
        if start >= m.start():
            continue
        name = normalise_org_name(text[start : m.end()])
        if len(name) - len(m.group()) < 2 or name.split()[0] in _STOP:
            continue
        out.append(
            Mention(
                "org",
                name,
                text[start : m.end()],
                start,
                m.end(),
                org_type_of(name),
                origin="suffix",
            )
        )
    return out
