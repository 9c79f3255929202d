"""Which activity a text names, by the cue words of ``reference/measure_types.yaml``.

All cues go into one alternation, longest first, so a specific cue ("Mitarbeiterbefragung",
"Netzwerktreffen") wins over a general one ("Befragung", "Netzwerk") whatever the order of
the types, and a whole block is typed in one regex pass per item. The patterns for what is
*not* a measure (context, cancelled activities, link lines) live here too, so brochure and
report measures reject the same things.

>>> from loaders.reference import load_reference
>>> typed("Wir nehmen an Jobmessen teil.", load_reference())[0]
'recruiting-fair'
"""

from __future__ import annotations

import re
from typing import TypeAlias

from loaders.reference import Reference

#: A prefix tree of characters; the key "" marks the end of a word.
_Trie: TypeAlias = dict[str, "_Trie"]

__all__ = ["typed", "label_of", "Typed", "ANAPHORA", "NEGATED", "NOT_ITEM"]

Typed = tuple[str, int, int]  # type id, cue offset, type's usual category (0: none)
_SAME_CLAUSE = 60  # characters after the first cue searched for a more specific one
_CLAUSE_END = re.compile(r"[,;:.!?]\s|\s[–—]\s")
_COMPILED: dict[int, tuple[Reference, re.Pattern[str], dict[str, tuple[str, int]]]] = {}

# openings that continue the previous sentence's topic instead of reporting a new activity
ANAPHORA = re.compile(
    r"^(?:Diese[rsmn]?|Dies|Dadurch|Dabei|Damit|Daher|Deshalb|Hierbei|Hierfür|Hierdurch|"
    r"Hierzu|Darin|Davon|Dazu|So|Somit|Auf diese Weise|Insgesamt|Zusammenfassend|Aber|"
    r"Allerdings|Jedoch|Denn|Er|Sie|Es|Ziel|Hintergrund|Unabhängig davon|Neben|Dementsprechend|"
    r"Durch diese|Gerade|Auf der Grundlage|Im oben|Aufgrund|Trotz|Wie|Wenn|Da|Dass|Weil)\b"
)
# activities that did not take place, and context sentences about the pandemic years
NEGATED = re.compile(
    r"nicht (?:mehr )?(?:statt(?:finden|gefunden)|möglich|durchgeführt|realisiert|umgesetzt)|"
    r"\bnicht stat|ausgefallen|abgesagt|nichts (?:geändert|verändert)|keine Veränderung|"
    r"\b(?:fest im Griff|pandemiebedingt nicht)",
    re.IGNORECASE,
)
# link lines, web addresses and page numbers are not items
NOT_ITEM = re.compile(r"\||https?://|www\.|^\W*$|^\d+\W*$")


def _compiled(reference: Reference) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    cached = _COMPILED.get(id(reference))
    if cached is None or cached[0] is not reference:
        owner: dict[str, tuple[str, int]] = {}
        for t in reference.measure_types:
            for cue in t.cues:
                owner.setdefault(cue.lower(), (t.id, t.category or 0))
        pattern = re.compile(r"(?<![\wÄÖÜäöüß])" + _trie_pattern(list(owner)), re.IGNORECASE)
        cached = (reference, pattern, owner)
        _COMPILED[id(reference)] = cached
    return cached[1], cached[2]


def _trie_pattern(words: list[str]) -> str:
    """One regex over ``words`` shaped as a prefix tree, greedy so the longest cue wins.
    A flat alternation of some 300 cues is tried cue by cue at every word start; the tree
    branches per character and keeps typing a whole brochure cheap."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        ends = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def typed(text: str, reference: Reference) -> Typed | None:
    """The activity ``text`` names first: its type, offset and usual category. Where the
    first clause names several, the longest cue is the most specific ("Teilnahme an
    Ausbildungsmessen" is a recruiting fair, not just a participation)."""
    pattern, owner = _compiled(reference)
    found = pattern.search(text)
    if found is None:
        return None
    clause = _CLAUSE_END.search(text, found.end())
    stop = min(clause.start() if clause else len(text), found.end() + _SAME_CLAUSE)
    best = found
    for other in pattern.finditer(text, found.end(), stop):
        if len(other.group()) > len(best.group()):
            best = other
    type_id, category = owner[best.group().lower()]
    return type_id, best.start(), category


def label_of(type_id: str | None, reference: Reference) -> str | None:
    """The German label of a measure type (a title when the text offers no noun phrase)."""
    return next((t.label for t in reference.measure_types if t.id == type_id), None)
