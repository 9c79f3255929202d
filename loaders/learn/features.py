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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np

from loaders.errors import InputError
from loaders.learn.places import places
from loaders.learn.tokens import Token
from loaders.mentions.model import Mention
from loaders.reference import REFERENCE_DIR, load_organisation_words, read_yaml

__all__ = [
    "WordClasses",
    "word_classes",
    "token_features",
    "token_items",
    "Features",
    "Item",
    "TokenLayout",
    "token_layout",
    "attribute_name",
]

Features = dict[str, str | float]
CLASSES_FILE = REFERENCE_DIR / "mention_features.yaml"
_QUOTES_OPEN = frozenset('„‚»"')
_QUOTES_CLOSE = frozenset('“”«‘"')


@dataclass(frozen=True)
class WordClasses:
    legal_forms: frozenset[str]
    programme_cues: frozenset[str]
    programme_endings: tuple[str, ...]
    head_endings: tuple[str, ...]  # from reference/organisation_words.yaml
    function_words: frozenset[str]
    relation_cues: frozenset[str]
    role_words: frozenset[str]
    date_words: frozenset[str]


@lru_cache(maxsize=4)
def word_classes(path: Path = CLASSES_FILE) -> WordClasses:
    """The word classes (reference data), validated: lists of lower-case words."""
    data = read_yaml(path)
    fields = set(WordClasses.__dataclass_fields__) - {"head_endings"}
    if not isinstance(data, dict) or set(data) != fields:
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
        head_endings=tuple(sorted(load_organisation_words(), key=len, reverse=True)),
        function_words=frozenset(data["function_words"]),
        relation_cues=frozenset(data["relation_cues"]),
        role_words=frozenset(data["role_words"]),
        date_words=frozenset(data["date_words"]),
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


_LETTER_CLASSES = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜabcdefghijklmnopqrstuvwxyzäöüß", "X" * 29 + "x" * 30
)
_DIGIT = re.compile(r"\d")
_RUN = re.compile(r"(.)\1+")


def _shape(word: str) -> str:
    """Capitals X, small letters x, digits d (any Unicode digit), runs as one: "Xx-Xx"."""
    return _runs_as_one(word.translate(_LETTER_CLASSES))


@lru_cache(maxsize=4096)
def _runs_as_one(letter_classes: str) -> str:
    """The rest of :func:`_shape`, remembered: words of one length and one pattern of
    capitals ("Xxxxxxx") share it, so a document has a few hundred of these, not thousands."""
    return _RUN.sub(r"\1", _DIGIT.sub("d", letter_classes))[:6]


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
    if not w.isalpha() and any(c.isdigit() for c in w):  # (a letter is never a digit)
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
_OFFSETS = (-2, -1, 1, 2)


def _own_features(
    tokens: Sequence[Token], text: str, mentions: Sequence[Mention]
) -> list[Features]:
    """Each token's own features: its word's, its line position, its rule and place tags.

    Tokens alike in all of these share one dict (so their derived forms are built once).
    """
    wc = word_classes()
    lower_seen = {t.text for t in tokens if t.text[:1].islower()}
    caps = Counter(t.text for t in tokens if t.text[:1].isupper())
    endings = _endings(wc)
    by_word: dict[str, Features] = {}
    by_token: dict[tuple[object, ...], Features] = {}
    own: list[Features] = []
    last = len(tokens) - 1
    last_break = text.rfind("\n")
    for i, (t, rule, place) in enumerate(
        zip(tokens, _rule_tags(tokens, mentions), _place_tags(tokens), strict=True)
    ):
        # tokens hold no line break and only white space lies between them: a token ends
        # its line when a line break comes before the next token; on the text's last line
        # every token counts as a line end (as the model was trained)
        line_end = (
            i == last or t.end > last_break or text.find("\n", t.end, tokens[i + 1].start) != -1
        )
        key = (t.text, t.line_start, line_end, rule, place)
        f = by_token.get(key)
        if f is None:
            base = by_word.get(t.text)
            if base is None:
                base = by_word[t.text] = _word_features(t.text, wc, endings, lower_seen, caps)
            f = dict(base)
            if t.line_start:
                f["line.start"] = 1.0
            if line_end:
                f["line.end"] = 1.0
            f["rule"] = rule
            if place:
                f["place"] = place
            by_token[key] = f
        own.append(f)
    return own


def _context(f: Features, off: int) -> Features:
    """A neighbour's features as the token ``off`` places away sees them."""
    keys = _FAR_KEYS if abs(off) == 2 else _CONTEXT_KEYS
    return {f"{off}:{k}": f[k] for k in keys if k in f}


def token_features(
    tokens: Sequence[Token], text: str, mentions: Sequence[Mention]
) -> list[Features]:
    """One feature dict per token, neighbours' features prefixed with their offset."""
    own = _own_features(tokens, text, mentions)
    # a neighbour's features depend on its own features only (shared dicts): the prefixed
    # copies are made once per such dict and offset
    prefixed: dict[tuple[int, int], Features] = {}
    out: list[Features] = []
    last = len(own) - 1
    for i, f in enumerate(own):
        feats = dict(f)
        feats["bias"] = 1.0
        for off in _OFFSETS:
            j = i + off
            if 0 <= j <= last:
                key = (id(own[j]), off)
                found = prefixed.get(key)
                if found is None:
                    found = prefixed[key] = _context(own[j], off)
                feats.update(found)
            else:
                feats[f"{off}:edge"] = 1.0
        if i > 0:
            feats["-1|0:w"] = f"{own[i - 1]['w']}|{f['w']}"
        if i < last:
            feats["0|+1:w"] = f"{f['w']}|{own[i + 1]['w']}"
        out.append(feats)
    return out


Item = list[bytes]
A = TypeVar("A")  # an attribute as its user wants it: its name, or a model's number for it


def attribute_name(key: str, value: str | float) -> bytes:
    """A feature as the CRFsuite attribute python-crfsuite makes of it: ``key:value`` for
    a string value, ``key`` (weight 1) for 1.0."""
    if isinstance(value, str):
        return f"{key}:{value}".encode()
    if value == 1.0:
        return key.encode()
    raise ValueError(f"feature {key} has weight {value}: attribute lists hold 1.0 only")


@dataclass(frozen=True)
class TokenLayout(Generic[A]):
    """Every token's attributes as shared lists: token ``i`` has ``blocks[b]`` for each
    ``b`` of ``parts[i]`` in order, then the word pairs ``left[i - 1]`` (if ``i > 0``)
    and ``right[i]`` (if ``i`` is not the last token)."""

    blocks: list[list[A]]
    parts: np.ndarray  # (tokens, 6) block numbers: own, bias, neighbours -2, -1, +1, +2
    left: list[A]  # "-1|0:w" of the pair (i, i + 1), seen from token i + 1
    right: list[A]  # "0|+1:w" of the pair (i, i + 1), seen from token i


_BIAS_BLOCK = 0  # then the edge blocks 1-4, for offsets -2, -1, 1, 2
_NEIGHBOUR_FORMS = tuple(
    (off, f"{off}:", _FAR_KEYS if abs(off) == 2 else _CONTEXT_KEYS) for off in _OFFSETS
)


def token_layout(
    tokens: Sequence[Token],
    text: str,
    mentions: Sequence[Mention],
    encode: Callable[[bytes], A],
) -> TokenLayout[A]:
    """:func:`token_features` as CRFsuite attributes (same attributes, same order), each
    attribute name passed through ``encode`` once per document.

    Why: the tagger and the trainer turn every dict into attribute names anyway. Here a
    shared own-feature dict gives its own and its four neighbour forms once, each feature
    is named once, and the tagger can take numbers instead of names (a test checks the
    attributes against the dicts', and the tags against python-crfsuite's).
    """
    own = _own_features(tokens, text, mentions)
    memo: dict[tuple[object, ...], A] = {}
    blocks: list[list[A]] = [[encode(b"bias")]]
    blocks += [[encode(attribute_name(f"{off}:edge", 1.0))] for off in _OFFSETS]
    forms: dict[int, int] = {}  # id of an own dict -> the first of its five blocks
    rows: list[int] = []
    for f in own:
        row = forms.get(id(f))
        if row is None:
            first = len(blocks)
            block: list[A] = []
            for kv in f.items():
                e = memo.get(kv)
                if e is None:
                    e = memo[kv] = encode(attribute_name(*kv))
                block.append(e)
            blocks.append(block)
            for off, prefix, keys in _NEIGHBOUR_FORMS:
                block = []
                for k in keys:
                    if k in f:
                        m = (off, k, f[k])
                        e = memo.get(m)
                        if e is None:
                            e = memo[m] = encode(attribute_name(prefix + k, f[k]))
                        block.append(e)
                blocks.append(block)
            row = forms[id(f)] = first
        rows.append(row)
    # neighbours beyond the text's ends: the edge blocks 1-4
    firsts = np.array([-1, -1, *rows, -1, -1], dtype=np.intp)  # token i at i + 2
    n = len(own)
    edge = firsts == -1
    parts = np.empty((n, 6), dtype=np.intp)
    parts[:, 0] = firsts[2 : n + 2]
    parts[:, 1] = _BIAS_BLOCK
    for column, (off, shift) in enumerate(((-2, 1), (-1, 2), (1, 3), (2, 4)), start=2):
        neighbour = slice(2 + off, 2 + off + n)
        parts[:, column] = np.where(edge[neighbour], column - 1, firsts[neighbour] + shift)
    words = [f["w"] for f in own]
    pairs = [f"{a}|{b}" for a, b in zip(words, words[1:], strict=False)]
    left = [encode(f"-1|0:w:{p}".encode()) for p in pairs]
    right = [encode(f"0|+1:w:{p}".encode()) for p in pairs]
    return TokenLayout(blocks, parts, left, right)


def _name(attribute: bytes) -> bytes:
    return attribute


def token_items(tokens: Sequence[Token], text: str, mentions: Sequence[Mention]) -> list[Item]:
    """:func:`token_features` as CRFsuite attribute lists, one per token, in the same order."""
    layout = token_layout(tokens, text, mentions, _name)
    blocks = layout.blocks
    out: list[Item] = []
    last = len(layout.parts) - 1
    for i, (a, b, c, d, e, f) in enumerate(layout.parts.tolist()):
        item = [*blocks[a], *blocks[b], *blocks[c], *blocks[d], *blocks[e], *blocks[f]]
        if i > 0:
            item.append(layout.left[i - 1])
        if i < last:
            item.append(layout.right[i])
        out.append(item)
    return out
