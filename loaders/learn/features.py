"""What the mention model sees of each token.

Word form, shape, affixes, the word classes of ``reference/mention_features.yaml``, the
rules' opinion (the gazetteer's and the naming patterns' mentions, as B/I tags with their
kind and origin), two document-level hints (is this word also written in lower case here,
so a common word; how often is it capitalised) and the same for the neighbours. The rules
are evidence here, not the decision: the model weighs them against everything else.

>>> from loaders.learn.tokens import tokenize
>>> toks = tokenize("mit der Caritas Essen e. V.")
>>> feats = token_features(toks, "mit der Caritas Essen e. V.", [])
>>> feats[2]["w"], feats[2]["shape"], feats[4]["cls.legal"]
('caritas', 'Xx', 1.0)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders.errors import InputError
from loaders.learn.places import places
from loaders.learn.tokens import Token
from loaders.mention_model import Mention
from loaders.reference import REFERENCE_DIR, read_yaml

__all__ = ["WordClasses", "word_classes", "token_features", "Features"]

Features = dict[str, str | float]
CLASSES_FILE = REFERENCE_DIR / "mention_features.yaml"
_QUOTES_OPEN = frozenset('„‚»"')
_QUOTES_CLOSE = frozenset('“”«‘"')


@dataclass(frozen=True)
class WordClasses:
    legal_forms: frozenset[str]
    programme_cues: frozenset[str]
    programme_endings: tuple[str, ...]
    head_endings: tuple[str, ...]
    function_words: frozenset[str]
    relation_cues: frozenset[str]
    role_words: frozenset[str]


@lru_cache(maxsize=4)
def word_classes(path: Path = CLASSES_FILE) -> WordClasses:
    """The word classes (reference data), validated: lists of lower-case words."""
    data = read_yaml(path)
    fields = WordClasses.__dataclass_fields__
    if not isinstance(data, dict) or set(data) != set(fields):
        raise InputError(str(path), f"erwartet genau die Schlüssel {sorted(fields)}")
    for key, words in data.items():
        if not isinstance(words, list) or not all(
            isinstance(w, str) and w == w.lower() for w in words
        ):
            raise InputError(str(path), f"'{key}' muss eine Liste kleingeschriebener Wörter sein")
    return WordClasses(
        legal_forms=frozenset(data["legal_forms"]),
        programme_cues=frozenset(data["programme_cues"]),
        programme_endings=tuple(data["programme_endings"]),
        head_endings=tuple(sorted(data["head_endings"], key=len, reverse=True)),
        function_words=frozenset(data["function_words"]),
        relation_cues=frozenset(data["relation_cues"]),
        role_words=frozenset(data["role_words"]),
    )


def _place_tags(tokens: Sequence[Token]) -> list[str | None]:
    """B/I where a German place name stands (longest name first)."""
    known = places()
    tags: list[str | None] = [None] * len(tokens)
    i = 0
    while i < len(tokens):
        for words in known.get(tokens[i].text, ()):
            if tuple(t.text for t in tokens[i : i + len(words)]) == words:
                tags[i] = "B"
                for j in range(i + 1, i + len(words)):
                    tags[j] = "I"
                i += len(words) - 1
                break
        i += 1
    return tags


def _shape(word: str) -> str:
    s = re.sub(r"[A-ZÄÖÜ]", "X", word)
    s = re.sub(r"[a-zäöüß]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1", s)[:6]


def _rule_tags(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[str]:
    tags = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    for m in mentions:
        i = bisect_left(starts, m.start)
        origin = "ref" if m.origin == "reference" else "pat"
        first = True
        while i < len(tokens) and tokens[i].start < m.end:
            tags[i] = f"{'B' if first else 'I'}-{m.kind}-{origin}"
            first = False
            i += 1
    return tags


def _word_features(
    w: str, wc: WordClasses, endings: re.Pattern[str], lower_seen: set[str], caps: Counter[str]
) -> Features:
    """Features of a word form (the same wherever it stands in the document)."""
    low = w.casefold()
    f: Features = {
        "w": low,
        "shape": _shape(w),
        "suf3": low[-3:],
        "suf4": low[-4:],
        "pre3": low[:3],
        "len": str(min(len(w), 12) // 3),
    }
    if w[:1].isupper():
        f["cap"] = 1.0
        if low in lower_seen:
            f["doc.lower_seen"] = 1.0
        f["doc.caps"] = str(min(caps[w], 4))
    if w.isupper() and len(w) > 1:
        f["upper"] = 1.0
    if any(c.isdigit() for c in w):
        f["digit"] = 1.0
    if "-" in w[1:-1]:
        f["hyphen"] = 1.0
    if w in _QUOTES_OPEN:
        f["q.open"] = 1.0
    if w in _QUOTES_CLOSE:
        f["q.close"] = 1.0
    if low in wc.legal_forms:
        f["cls.legal"] = 1.0
    if low in wc.programme_cues or low.endswith(wc.programme_endings):
        f["cls.prog"] = 1.0
    head = endings.search(low)
    if head:
        f["cls.head"] = 1.0
        f["head"] = head.group()
    if low in wc.function_words:
        f["cls.func"] = 1.0
    if low in wc.relation_cues:
        f["cls.rel"] = 1.0
    if low in wc.role_words:
        f["cls.role"] = 1.0
    return f


@lru_cache(maxsize=4)
def _endings(wc: WordClasses) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, wc.head_endings)) + ")$")


_CONTEXT_KEYS = (
    "w",
    "shape",
    "cap",
    "cls.legal",
    "cls.prog",
    "cls.head",
    "cls.func",
    "cls.rel",
    "cls.role",
    "q.open",
    "q.close",
    "rule",
    "line.start",
    "doc.lower_seen",
    "place",
)


_FAR_KEYS = ("shape", "cls.head", "cls.func", "cls.legal", "rule", "q.open", "q.close")


def token_features(
    tokens: Sequence[Token], text: str, mentions: Sequence[Mention]
) -> list[Features]:
    """One feature dict per token, neighbours' features prefixed with their offset."""
    wc = word_classes()
    lower_seen = {t.text for t in tokens if t.text[:1].islower()}
    caps = Counter(t.text for t in tokens if t.text[:1].isupper())
    endings = _endings(wc)
    by_word: dict[str, Features] = {}
    own: list[Features] = []
    for t in tokens:
        base = by_word.get(t.text)
        if base is None:
            base = by_word[t.text] = _word_features(t.text, wc, endings, lower_seen, caps)
        f = dict(base)
        if t.line_start:
            f["line.start"] = 1.0
        line_end = text.find("\n", t.end)
        if line_end == -1 or not text[t.end : line_end].strip():
            f["line.end"] = 1.0
        own.append(f)
    for f, tag, place in zip(own, _rule_tags(tokens, mentions), _place_tags(tokens), strict=True):
        f["rule"] = tag
        if place:
            f["place"] = place
    # a neighbour's features depend on its word, rule tag, place tag and line start only:
    # the prefixed copies are made once per such signature and offset
    signatures = [
        (t.text, f["rule"], f.get("place"), t.line_start) for t, f in zip(tokens, own, strict=True)
    ]
    prefixed: dict[tuple[object, int], Features] = {}

    def context(j: int, off: int) -> Features:
        key = (signatures[j], off)
        found = prefixed.get(key)
        if found is None:
            keys = _FAR_KEYS if abs(off) == 2 else _CONTEXT_KEYS
            found = prefixed[key] = {f"{off}:{k}": own[j][k] for k in keys if k in own[j]}
        return found

    out: list[Features] = []
    last = len(own) - 1
    for i, f in enumerate(own):
        feats = dict(f)
        feats["bias"] = 1.0
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j <= last:
                feats.update(context(j, off))
            else:
                feats[f"{off}:edge"] = 1.0
        if i > 0:
            feats["-1|0:w"] = f"{own[i - 1]['w']}|{f['w']}"
        if i < last:
            feats["0|+1:w"] = f"{f['w']}|{own[i + 1]['w']}"
        out.append(feats)
    return out
