"""Who "wir" is in an interview, a panel or a press conference: the speaker's organisation.

A transcript gives each speaker's turn a label ("SANDNER: Deshalb haben sechs Partner die
Allianz gegründet …", "Rohlfs: Über die Fortbildungsreihe …") and introduces each speaker
once with the body they speak for ("Dr. Ulrike Sandner, Beigeordnete … der Stadt Leipzig",
"Anke Rohlfs, Leiterin des Integrationsbüros der Stadt Oldenburg"). Within a turn, "wir",
"unser Referat" and a cue without a subject ("Zusammen mit der Handwerkskammer bauen wir …")
speak for that body, not for the document's reporting organisation. A turn runs to the next
label; a label of no introduced speaker ("FRAGE (Leipziger Volkszeitung):") ends it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.clean.textstream import TextStream
from loaders.resolve.entities import ResolvedDocument

__all__ = ["speaker_turns"]

# a turn's label at a line's start: a surname (after "Frau", "Herr", a title), or a word in
# capitals, with a note in brackets, and a colon
_TURN = re.compile(
    r"(?:(?:Frau|Herr)\s+)?(?:(?:Dr|Prof)\.\s+)*(?P<label>[A-ZÄÖÜ][^\W\d_]+(?:-[^\W\d_]+)?)"
    r"(?:\s*\([^)\n]{1,60}\))?:\s+\S"
)
_GIVEN_NAME = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+(?:[A-Z]\.\s+)?"
_REACH = 160  # characters after a speaker's name their body is named in
_MIN_TURNS = 2


def speaker_turns(
    stream: TextStream, resolved: ResolvedDocument
) -> tuple[tuple[int, str | None], ...]:
    """(offset, organisation key or None) where each turn starts, in order; none when fewer
    than two turns are an introduced speaker's."""
    text = stream.text
    bodies: dict[str, str | None] = {}
    turns: list[tuple[int, str | None]] = []
    for start in stream.starts:
        found = _TURN.match(text, start)
        if found is None:
            continue
        label = found["label"]
        if label.casefold() not in bodies:
            bodies[label.casefold()] = _body_of(text, resolved, label)
        body = bodies[label.casefold()]
        if body is not None or label.isupper():  # "FRAGE (Zeitung):" ends a speaker's turn
            turns.append((start, body))
    if sum(1 for _, body in turns if body is not None) < _MIN_TURNS:
        return ()
    return tuple(turns)


def _body_of(text: str, resolved: ResolvedDocument, surname: str) -> str | None:
    """The organisation named right after the speaker's introduction ("Anke Rohlfs, Leiterin
    des Integrationsbüros der Stadt Oldenburg"), within the sentence; the label may be set
    in capitals ("ROHLFS")."""
    intro = re.search(_GIVEN_NAME + "(?i:" + re.escape(surname) + r"),\s", text)
    if intro is None:
        return None
    end = intro.end() + _REACH
    stop = re.search(r"[.;:]\s", text[intro.end() : end])
    if stop is not None:
        end = intro.end() + stop.start()
    starts = [m.start for m, _, _ in resolved.mentions]
    for mention, key, _ in resolved.mentions[bisect_left(starts, intro.end()) :]:
        if mention.start >= end:
            break
        if resolved.entities[key].kind == "org":
            return key
    return None
