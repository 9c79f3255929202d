"""How many measure titles are fragments, over the corpus and the public texts.

Why: a measure title is what a coordinator reads in a table or a tooltip; a title such as
"Juni 2021 und dem 1" or "Mentoring-Verfahren bei dem ein" tells them nothing. This script
extracts every text (no database) and counts the titles :func:`is_fragment` rejects. The
definition is deliberately independent of how titles are made (``loaders.measures.titles``),
so improving the extractor cannot quietly redefine the figure.

A title is a fragment when

* it ends in a word that cannot end a German noun phrase: an article, a preposition, a
  conjunction, a pronoun or an auxiliary ("… bei dem ein"), a bare day number ("… und
  dem 1"), or an adjective right after an article or preposition ("… in relevanten");
* it starts mid-sentence: lower case, a month name or a bare day number;
* it is a single generic word ("Veranstaltungen") - one word without a quoted name;
* its quotation marks or brackets are not closed.

>>> [is_fragment(t) for t in ("Juni 2021 und dem 1", "Mentoring-Verfahren bei dem ein",
...                           "Veranstaltungen", "Interkulturelle Fortbildung für Führungskräfte")]
[True, True, True, False]

    .venv/bin/python bench/title_quality.py [PATH ...]   # default: corpus + bench texts
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

__all__ = ["is_fragment", "fragment_reason", "measure_titles"]

_END_WORDS = set(
    "der die das den dem des ein eine einer eines einem einen kein keine und oder sowie "
    "sondern aber bzw als wie dass ob weil wenn da denn um zu zum zur im in am an auf aus "
    "bei mit von vom für über unter nach vor seit ohne gegen durch bis zwischen neben "
    "während wegen trotz innerhalb außerhalb sich wir sie er es ihr ihre ihren ihrem ihrer "
    "unser unsere unseren unserem welche welcher welches welchen dieser diese dieses diesem "
    "diesen wird werden wurde wurden ist sind war waren hat haben hatte hatten kann können "
    "soll sollen muss müssen auch noch nicht sehr so z.b. u.a. d.h. bzw. etc".split()
)
_ARTICLE_PREP = set(
    "der die das den dem des ein eine einer eines einem einen und oder sowie zum zur im in "
    "am an auf aus bei mit von vom für über unter nach vor seit ohne gegen durch zwischen".split()
)
_MONTHS = re.compile(
    r"^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)\b"
)
_PAIRS = (("„", "“"), ("(", ")"), ("[", "]"))


def fragment_reason(title: str) -> str | None:
    """Why ``title`` is a fragment (German-free internal key), or None."""
    t = title.strip().rstrip(" …").strip()
    if not t:
        return "empty"
    words = t.split()
    last = words[-1].strip(",;:.!?\"'").lower()
    if last in _END_WORDS or re.fullmatch(r"\d{1,2}\.?", last):
        return "dangling_end"
    # "… in relevanten": an article or preposition and an adjective, the noun cut off
    if len(words) > 2 and words[-1][:1].islower() and words[-2].lower() in _ARTICLE_PREP:
        return "dangling_end"
    if t[:1].islower() or _MONTHS.match(t) or re.match(r"^\d{1,2}\.\s", t):
        return "mid_sentence_start"
    if len(words) == 1 and "„" not in t and '"' not in t:
        return "single_word"
    for a, b in _PAIRS:
        if t.count(a) != t.count(b):
            return "unbalanced"
    return None


def is_fragment(title: str) -> bool:
    """True when a reader could not take ``title`` for the name of an activity."""
    return fragment_reason(title) is not None


def measure_titles(paths: list[Path]) -> list[tuple[str, str, int | None]]:
    """(document, title, year) of every measure extracted from ``paths``."""
    from loaders.extract import extract_paths

    out = []
    for x in extract_paths(paths):
        out.extend((x.doc, m.title, m.year) for m in x.measures)
    return out


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [
        (ROOT / "../shared/corpus").resolve(),
        ROOT / "bench/extraction_texts",
    ]
    rows = measure_titles(paths)
    reasons = Counter(r for _, t, _ in rows if (r := fragment_reason(t)))
    bad = sum(reasons.values())
    dated = sum(1 for *_, y in rows if y is not None)
    share = bad / len(rows) if rows else 0.0
    print(f"Maßnahmen: {len(rows)}, Bruchstücke: {bad} ({share:.1%}), mit Jahr: {dated}")
    for reason, n in reasons.most_common():
        print(f"  {reason}: {n}")
    words = Counter(t for _, t, _ in rows if fragment_reason(t) == "single_word")
    print("  häufigste Einzelwörter:", ", ".join(f"{w} ×{n}" for w, n in words.most_common(8)))
    if "-v" in sys.argv:
        for doc, t, y in rows:
            if (r := fragment_reason(t)) is not None:
                print(f"{doc}\t{r}\t{y}\t{t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main([a for a in sys.argv[1:] if a != "-v"]))
