"""Normalisation keys and slugs for organisation and programme names.

Names reach us in many spellings: inflected ("des Westdeutschen Rundfunks"), hyphenated or
not ("Uni Duisburg-Essen" / "Uni Duisburg Essen"), upper case ("INTEGRATION.INTERKOMMUNAL")
and OCR-garbled ("fiir" for "für", "Offnung" for "Öffnung", "Behérde" for "Behörde",
"Kfl" for "KfI"). Matching works on *token keys* that fold all of these onto one form:
case is dropped, every run of vowels (with or without diacritics, and the letters OCR
mistakes for them) becomes ``*``, and inflection endings are cut from long words.

>>> token_key("Offnung") == token_key("Öffnung")
True
>>> token_key("fiir") == token_key("für") == token_key("fur")
True
>>> name_key("des Westdeutschen Rundfunks") == name_key("Westdeutscher Rundfunk")
True
>>> slugify("Stadt Mülheim an der Ruhr")
'stadt-muelheim-an-der-ruhr'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

__all__ = [
    "TOKEN_RE",
    "tokens",
    "token_key",
    "name_key",
    "name_words",
    "slugify",
    "clean_name",
    "is_abbreviation",
    "short_words_agree",
    "ELLIPSIS_WORDS",
    "SPELLING_JOINERS",
    "SPELLING_WORD",
    "spelt_by",
]

TOKEN_RE = re.compile(r"#?\w+", re.UNICODE)
# an ß read as B: only after a vowel (ß never follows a consonant: "KölnBäder" is a
# compound), and not inside a short form written with capitals ("NeBeL")
SHARP_S = r"(?<=[aeiouyäöü])BB?(?=[a-zäöü])(?![a-zäöü]*[A-ZÄÖÜ])"
_OCR_SHARP_S = re.compile(SHARP_S)
_VOWEL_RUN = re.compile(r"[aeiouyäöüáàâãåéèêëíìîïóòôõúùûý*]+")
_ENDING = re.compile(r"(?:ern|ens|es|en|er|em|e|s|n)$")
_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})
_LEADING_ARTICLE = re.compile(r"^(?:der|die|das|des|dem|den)\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """Fold one word onto its matching key (case, umlauts, OCR vowels, inflection)."""
    t = unicodedata.normalize("NFKC", token)
    t = _OCR_SHARP_S.sub("ss", t)
    t = t.casefold().replace("ß", "ss")
    # OCR reads a capital I as l and "ü" as "ii"/"i"; fold l and i together
    t = t.replace("l", "i")
    for _ in range(2):  # "Kreises" -> "Kreis" -> "Krei", like "Kreis" -> "Krei"
        if len(t) > 4 and not t[-1].isdigit():
            t = _ENDING.sub("", t) or t
    return _VOWEL_RUN.sub("*", t)


def tokens(text: str) -> list[str]:
    """The words of a name (``#tags`` and numbers included), punctuation dropped."""
    return TOKEN_RE.findall(text)


_SHORT = 3  # letters: a word this short carries too little for a folded key
# the small words inside names, folded like any word also when written in capitals
_JOINERS = frozenset("für und der die das des dem den zur zum im am von vom mit aus bei".split())


def _plain(word: str) -> str:
    """Case and diacritics dropped, OCR's l for I folded: "Für" -> "fur"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("l", "i")


def name_words(name: str) -> list[str]:
    """The words of a name without a leading article."""
    return tokens(_LEADING_ARTICLE.sub("", name.strip()))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Key of a whole name; a leading article is ignored. A short capitalised word keeps
    its letters: folding its vowels would make "KOMM-AN" and "KOMM-IN" one programme.

    Remembered like :func:`token_key`: every stage keys the same names again (a document
    asks about 8,000 times for some 2,500 names).

    >>> name_key("KOMM-AN NRW") == name_key("Komm-An NRW") != name_key("KOMM-IN NRW")
    True
    """
    return " ".join(
        _plain(w)
        if len(w) <= _SHORT and not w.islower() and w.casefold() not in _JOINERS
        else token_key(w)
        for w in name_words(name)
    )


_UMLAUT_SLUG = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slugify(name: str) -> str:
    """A readable, content-derived id: lower case, umlauts spelled out, ``-`` between words."""
    s = unicodedata.normalize("NFKC", name).casefold().translate(_UMLAUT_SLUG)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"\be\s*\.?\s*v\b\.?", "ev", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:80].rstrip("-") or "x"


_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s,;:„“”\"'‚‘’»«•·*_–—-]+|[\s,;:„“”\"'‚‘’»«•·*_–—-]+$")


def clean_name(text: str) -> str:
    """Collapse whitespace and strip quotes, bullets and dashes around a name."""
    s = _SPACES.sub(" ", text)
    s = _EDGE_PUNCT.sub("", s)
    if s.count("(") > s.count(")"):
        s = s.rsplit("(", 1)[0].rstrip()
    if s.count(")") > s.count("(") and s.endswith(")"):
        s = s[:-1].rstrip()
    return s


def is_abbreviation(word: str) -> bool:
    """True for short forms like ``LVR``, ``KfI``, ``HSPV NRW``, ``G.I.B.``."""
    w = word.replace(".", "").replace(" ", "").replace("-", "")
    if not w or len(w) > 12 or not w[0].isupper():
        return False
    upper = sum(c.isupper() for c in w)
    return upper >= 2 and upper * 2 >= len(w) - w.count("NRW")


def short_words_agree(words: Sequence[str], other: Sequence[str]) -> bool:
    """Whether the short words of two names with the same key are the same words.

    Folding vowels makes "KOMM-AN" and "KOMM-IN", "ver.di" and "vor die" one key; a short
    word must match letter for letter (case, diacritics and OCR's l/I aside).

    >>> short_words_agree(["KOMM", "AN"], ["KOMM", "IN"]), short_words_agree(["fur"], ["für"])
    (False, True)
    >>> short_words_agree(["LeIQ", "Netzwerk"], ["IQ", "Netzwerk"])
    False
    """
    for a, b in zip(words, other, strict=False):
        short, long_ = sorted((a, b), key=len)
        if len(short) > _SHORT:
            continue
        if len(long_) <= _SHORT:
            if _plain(a) != _plain(b):
                return False
        elif short.isupper() and not _plain(long_).startswith(_plain(short)):
            return False  # an abbreviation inside a longer word: "LeIQ" is not "IQ"
    return True


_ALIKE = 0.75  # share of letters two spellings of one word have in common (OCR, inflection)


def spelt_alike(word: str, other: str) -> bool:
    """Whether two words with one key are spelt alike, not only folded alike: folding
    vowels and endings makes "Solms" and "Siemens" one key, but they share few letters
    in order; an OCR or inflected form shares most ("Carltas", "Caritas").

    >>> spelt_alike("Solms", "Siemens"), spelt_alike("Carltas", "Caritas")
    (False, True)
    >>> spelt_alike("Diakonies", "Diakonie")
    True
    """
    a, b = _plain(word), _plain(other)
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= _ALIKE


# small words a short form may skip ("Bundesamt für Migration und Flüchtlinge" -> BAMF)
# a word of a name that may spell a short form's letters ("Verkehrs-Betriebe" is one word)
SPELLING_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w-]*")
SPELLING_JOINERS = frozenset("für und der des die das von vom zur zum im in am an mit auf".split())
# words after "Aus-" that show the hyphen stands for a left-out part ("Aus- und Weiterbildung")
ELLIPSIS_WORDS = frozenset(
    {"und", "oder", "bzw", "bzw.", "sowie", "als", "bis", "noch", "wie", "u.", "&", "/"}
)


@lru_cache(maxsize=4096)
def spelt_by(words: tuple[str, ...], letters: str) -> bool:
    """Whether ``letters`` (lower case) are spelt by ``words``: each capitalised word gives
    its initial and may give further letters from inside, in order ("Austauschdienst": a,
    d); a joiner or a word in lower case may give its initial or none.

    >>> spelt_by(("Kölner", "Verkehrs-Betriebe"), "kvb"), spelt_by(("Stadtwerke", "Köln"), "kvb")
    (True, False)
    """
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word.casefold() in SPELLING_JOINERS or word.islower():
        skip = spelt_by(rest, letters)
        return skip or bool(letters) and word[0] == letters[0] and spelt_by(rest, letters[1:])
    if not letters or word[:1].casefold() != letters[0]:
        return False
    inner = word[1:].casefold()
    # the word may give further letters from inside, in order ("Austauschdienst": a, d)
    taken, at = 1, 0
    if spelt_by(rest, letters[1:]):
        return True
    while taken < len(letters):
        at = inner.find(letters[taken], at) + 1
        if at == 0:
            return False
        taken += 1
        if spelt_by(rest, letters[taken:]):
            return True
    return False
