"""Typed links between resolved entities, read from sentence cues.

Inside a brochure block the reporting partner is the subject of its sentences, unless an
organisation is named before the cue. A cue from ``reference/link_cues.yaml`` types the
link ("in Kooperation mit der Stadt Bottrop" -> COOPERATES_WITH); a programme named in a
partner's block is taken part in unless an organiser cue says the partner runs it.
Units are PART_OF their parent; list participants take part in the document's project.
Every link keeps the original line and the sentence as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TypeAlias

from loaders.clean.textstream import Sentence, TextStream, quote, split_sentences
from loaders.links.context import AGENT as _AGENT
from loaders.links.context import BACK_REACH as _BACK_REACH
from loaders.links.context import SUBJECT_REACH as _SUBJECT_REACH
from loaders.links.context import (
    Cues,
    LinkSink,
    Placed,
    abbreviated_units,
    block_of,
    cue_lists,
    initiative_events,
    initiative_organisers,
    named_units,
    organised_back,
    own_unit,
    programme_units,
    reference_links,
    short_forms,
)
from loaders.links.fields import record_fields
from loaders.links.items import item_funders
from loaders.links.lists import list_links
from loaders.links.memberships import membership_lines
from loaders.models import Block, Link
from loaders.reference import Reference
from loaders.resolve.entities import Entity, ResolvedDocument

__all__ = ["PROGRAMME_ANAPHOR", "find_links", "document_sentences", "cue_patterns"]

#: A mention inside a sentence: (offset in the sentence, entity key, line).
Spot: TypeAlias = tuple[int, str, int]

_COMPILED: dict[int, tuple[Reference, dict[str, re.Pattern[str]]]] = {}
_NO_PARTICIPATION = frozenset({"Gesetz", "Charta"})
_NOT_PROJECTS = frozenset({"Gesetz", "Charta", "Foerderprogramm"})
_FUNDER_REACH = 60  # a funder is named right after "gefördert von", not a clause later
# what may stand between a funding cue and the funder it introduces ("gefördert durch: - X")
_AFTER_CUE = re.compile(r"[\s:„“\"'•*–-]*(?:(?:de[rsmn]|die|das)\s+)?[„\"]?")
# an agent marker right before a funder ("… wird das Projekt vom X", "aus Mitteln des X")
_AGENT_END = re.compile(
    r"(?:\b(?:von|vom|durch)(?:\s+(?:de[rsmn]|die|das))?|\bMitteln\s+de[rs])\s+[„\"]?$"
)
# between "Finanziert wird" and the funded programme's name
_RECEIVER_GAP = re.compile(r"\s*(?:wird|werden|wurde|wurden)?\s*(?:das|die|der)?\s*[„\"]?")
# an attributive participle ("das geförderte Projekt") and the noun it qualifies before a name
_ATTRIBUTIVE = re.compile(r"(?:fördert|finanziert)e[nmrs]?$", re.IGNORECASE)
_HEAD_GAP = re.compile(r"\s+(?:[A-ZÄÖÜ][\w-]*\s+){0,2}[„\"»]?")
_FUNDER_JOIN = re.compile(
    r"[\s“”\")]*(?:,|\bund\b|\bsowie\b)\s*(?:(?:de[rsmn]|die|das|vom|von)\s+)?[„\"]?\s*"
)
_OCCASION_REACH = 30
_MAX_SIGNERS = 4
_PASSIVE = re.compile(r"(?:durch|von|vom)$|^(?:Projekt)?Träger|^Federführung", re.IGNORECASE)
_MOTTO = re.compile(r"Motto\b")
# an apposition naming a programme's owner, right before the owner's name
_APPOSITION = re.compile(
    r"[“”\"»«]?\s*[,–-]\s*(?:ein|eine|das|die|der)\s+(?:[\wäöüß-]+\s+)?"
    r"(?:Projekt|Angebot|Programm|Initiative|Kampagne|Veranstaltung|Reihe|Format|Vorhaben|"
    r"Aktion|Workshop)\w*\s+(?:der|des|von|vom)\s+$"
)
_APPOSITION_REACH = 250  # characters from the programme's start to its owner
_OWNER = re.compile(r"(?<=[\w“”\"])\s+(?:der|des)\s+$")  # "Projekt X der Y": Y owns X
# a phrase that points back to the programme named before ("dieses Projekt"); the link
# classifier reads it too
PROGRAMME_ANAPHOR = re.compile(
    r"\b(?:dies\w*|das|unser\w*)\s+(?:[\w-]+\s+){0,8}?(?:Projekt|Vorhaben|Programm|Reihe|Veranstaltung)",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"(?:zwischen|von)$")
_OF_CARRIED = re.compile(r"\s+(?:der|des)\s")  # "Träger der X", not "Träger ist der X"
_WHOSE = re.compile(r",\s*(?:dessen|deren)\s+$")  # "X, dessen Träger …"
# between a carrier cue and the carrier's name: "Träger ist der", "Trägerschaft des"
_CARRIER_NAMED = re.compile(r"\s*(?:ist|sind|war|wird)?\s*(?:de[rsmn]|die|das)?\s*")
# the finite auxiliary or modal of a clause, then the subject's article: "… hatte die X"
_INVERTED = re.compile(
    r"\b(?:hat|hatte|haben|hatten|ist|war|sind|waren|kann|konnte|soll|sollte|will|wollte)"
    r"\s+(?:die|der|das)\s+$"
)
# "Die Stadt X und der Verein Y kooperieren": the partners are named before a reciprocal verb
_RECIPROCAL = re.compile(r"^(?:kooperier|arbeite\w*\s+.{0,40}zusammen)", re.IGNORECASE)
# a subsidiary and its owner: "X, eine Tochter der Y", "Als Tochtergesellschaft des Y …";
# "unsere Tochter(gesellschaft), die X" names a subsidiary of the speaker
_DAUGHTER_OF = re.compile(
    r"(?<!\w)\w*tochter(?:gesellschaft|unternehmen)?\s+(?:der|des|von)\s", re.IGNORECASE
)
_DAUGHTER_REACH = 40  # characters from a name to the cue of what it is ("…, eine Tochter der")
_APPOSED = re.compile(r",\s*(?:eine[rm]?|die|der)\s+(?:\S+\s+)?$")  # "X, eine (100 %) Tochter"
# a relative clause whose subject is the speaker: "…, mit dem wir seit 2021 kooperieren"
_RELATIVE_WE = re.compile(
    r",\s+(?P<prep>mit|an)\s+(?P<which>dem|der|denen)\s+(?:wir|uns)\b[^,;:]*", re.IGNORECASE
)
_JUST_BEFORE = re.compile(r"[\s)“”\"]{0,3}")  # between a name and the clause's comma
_LISTED = re.compile(r"\s*(?:,|und|sowie)\s*(?:(?:de[rmns]|die|das)\s+)?")  # between listed names
_TAKES_PART = re.compile(r"beteilig|teil|mitwirk|mitarbeit|engagier", re.IGNORECASE)
_OUR_DAUGHTER = re.compile(
    r"(?<!\w)unser(?:e|er|en|em)?\s+\w*tochter(?:gesellschaft|unternehmen)?,?\s+(?:die\s+|der\s+)?",
    re.IGNORECASE,
)


def cue_patterns(reference: Reference) -> dict[str, re.Pattern[str]]:
    """The link cues of the reference data, one compiled pattern per link type."""
    cached = _COMPILED.get(id(reference))
    if cached is None or cached[0] is not reference:
        compiled = {
            t: re.compile(r"(?<!\w)(?:" + "|".join(p) + r")", re.IGNORECASE)
            for t, p in reference.link_cues.items()
            if p
        }
        cached = (reference, compiled)
        _COMPILED[id(reference)] = cached
    return cached[1]


class _Collector:
    def __init__(self, resolved: ResolvedDocument) -> None:
        self.resolved = resolved
        self.entities = resolved.entities
        self.links: dict[tuple[str, str, str, int], Link] = {}

    def add(self, source: str, target: str, link_type: str, line: int, evidence: str) -> None:
        if source == target or source not in self.entities or target not in self.entities:
            return
        if link_type == "COOPERATES_WITH":
            # "mit dem Arbeitskreis X der Bezirksregierung": a unit is part of its parent,
            # not a cooperation partner of it
            for unit, parent in ((source, target), (target, source)):
                if own_unit(self.entities[unit], self.entities[parent], evidence):
                    source, target, link_type = unit, parent, "PART_OF"
                    break
            else:
                source, target = sorted((source, target))
        key = (source, link_type, target, line)
        if key not in self.links:  # the first pass to find a statement gives its evidence
            self.links[key] = Link(
                self.resolved.id_of(source),
                self.resolved.id_of(target),
                link_type,
                line,
                quote(evidence),
            )


def find_links(
    stream: TextStream,
    resolved: ResolvedDocument,
    blocks: tuple[Block, ...],
    reference: Reference,
    project_key: str | None = None,
    sentences: Sequence[Sentence] | None = None,
    set_aside: Sequence[tuple[int, str]] = (),
) -> tuple[Link, ...]:
    """All typed links of one document, one per (source, type, target) and line: a relation
    stated in several places keeps each statement, so every report that states it shows it
    (the graph keeps one relation with all its evidence, ``loaders.load.batch``).

    ``sentences`` are the document's (:func:`document_sentences`) when the caller has them
    already: the link model reads the same sentences, and cutting them is not cheap.
    ``set_aside`` are the lines the cleaning kept out of the stream, (number, text), for
    the membership lines among them (:func:`loaders.links.memberships.membership_lines`).
    """
    cues = cue_patterns(reference)
    entities = resolved.entities
    out = _Collector(resolved)
    starts = [m.start for m, _, _ in resolved.mentions]
    block_starts = [b.start for b in blocks]
    if sentences is None:
        sentences = document_sentences(stream, blocks)
    initiatives = initiative_organisers(reference)
    previous_programme: str | None = None  # the project "dieses Projekt" points back to
    previous_end = 0
    for sentence in sentences:
        lo = bisect_left(starts, sentence.start)
        hi = bisect_left(starts, sentence.end)
        if lo == hi:
            continue
        inside = resolved.mentions[lo:hi]
        first_line = inside[0][2]
        at = block_of(blocks, block_starts, first_line)
        in_block = at >= 0
        default = resolved.block_partners[at] if in_block else resolved.subject_at(sentence.start)
        found = {t: p.search(sentence.text) for t, p in cues.items()}
        initiative_events(out, inside, entities, initiatives, sentence.text)
        if sentence.start - previous_end <= _BACK_REACH:
            organised_back(out, sentence, inside, entities, found, default, previous_programme)
        _sentence_links(
            out,
            entities,
            sentence.start,
            sentence.text,
            inside,
            found,
            default,
            in_block,
            previous_programme,
            cues.get("SERVICE_POINT"),
        )
        projects = [
            k
            for _, k, _ in inside
            if entities[k].kind == "programme" and entities[k].type not in _NOT_PROJECTS
        ]
        last = projects[-1] if projects else None
        if last is not None:
            previous_programme, previous_end = last, sentence.end
    for key, entity in entities.items():
        if entity.parent_key and entity.lines:
            out.add(key, entity.parent_key, "PART_OF", min(entity.lines), entity.canonical)
        if project_key and entity.listed and entity.kind == "org":
            out.add(key, project_key, "PARTICIPATES_IN", min(entity.lines), entity.canonical)
    reference_links(out, entities, reference)
    cue_lists(out, sentences, resolved, blocks, stream)
    list_links(out, sentences, resolved, blocks, stream, reference)
    item_funders(out, resolved, stream, reference)
    record_fields(out, resolved, stream)
    membership_lines(out, resolved, stream, blocks, set_aside)
    programme_units(out, entities)
    named_units(out, entities)
    abbreviated_units(out, entities)
    return tuple(
        sorted(out.links.values(), key=lambda link: (link.line, link.type, link.target_id))
    )


def document_sentences(stream: TextStream, blocks: tuple[Block, ...]) -> list[Sentence]:
    """The sentences of a document; a sentence never runs from one partner's block into
    the next."""
    cuts = {0, len(stream.text)}
    for b in blocks:
        cuts.update((stream.offset_of_line(b.start), stream.offset_of_line(b.end + 1)))
    edges = sorted(cuts)
    return [
        s for a, z in zip(edges, edges[1:], strict=False) for s in split_sentences(stream, a, z)
    ]


def _sentence_links(
    out: _Collector,
    entities: dict[str, Entity],
    offset: int,
    text: str,
    inside: Placed,
    found: Cues,
    default: str | None,
    in_block: bool,
    previous_programme: str | None = None,
    service_point: re.Pattern[str] | None = None,
) -> None:
    orgs = [(m.start - offset, key, line) for m, key, line in inside if entities[key].kind == "org"]
    programmes = [
        (m.start - offset, key, line)
        for m, key, line in inside
        if entities[key].kind == "programme"
    ]

    funders: set[str] = set()  # named by the funding cue: they fund, they do not act

    def subject_before(position: int) -> str | None:
        """The sentence's first organisation if it comes before ``position``, else the default.

        An organisation after a passive "vom"/"von der"/"durch die" is the agent, so it is
        the subject even when the sentence opens with other words; not so the funder of a
        funding clause ("In dem vom BAMF geförderten Projekt hatte die X in Kooperation mit
        der Y …": the BAMF does not cooperate). The organisation right after the auxiliary of
        a clause that opens with other words is its subject too ("… hatte die X …")."""
        before = [
            key
            for pos, key, _ in orgs
            if pos < position
            and key not in funders
            and (
                pos < _SUBJECT_REACH
                or _AGENT.search(text, 0, pos)
                or _INVERTED.search(text, 0, pos)
            )
        ]
        return before[0] if before else default

    spans = [(m.start - offset, m.end - offset, k, ln) for m, k, ln in inside]
    funded = found.get("FUNDED_BY")
    if funded is not None:
        keys = {k for _, k, _ in programmes}
        funders.update(_funding(out, text, funded, spans, keys, subject_before, previous_programme))
    coop = found.get("COOPERATES_WITH")
    if coop is not None:
        subject = subject_before(coop.start())
        after = [(k, ln) for p, k, ln in orgs if p > coop.start()]
        if _BETWEEN.search(coop.group()) and after:  # "in Kooperation zwischen X und Y"
            subject = subject or after[0][0]
        before = [(k, ln) for p, k, ln in orgs if p < coop.start()]
        if _RECIPROCAL.match(coop.group()) and len(before) > 1:  # "X und Y kooperieren"
            after += before[1:]
            subject = before[0][0]
        for key, line in after:
            if subject is not None:
                out.add(subject, key, "COOPERATES_WITH", line, text)
    carrier = found.get("CARRIER")
    if carrier is not None:
        _carried(out, entities, text, orgs, carrier, service_point)
    if "ochter" in text or "OCHTER" in text:  # most sentences name no subsidiary
        _subsidiaries(out, text, orgs, {start: end for start, end, _, _ in spans}, default)
    if default is not None and (" wir" in text or " uns" in text):
        _relative_we(out, entities, text, spans, default, funders)
    mottos = {key for m, key, _ in inside if _MOTTO.match(m.surface)}
    _programme_links(
        out, entities, text, orgs, programmes, found, subject_before, in_block, mottos, funders
    )


def _subsidiaries(
    out: LinkSink, text: str, orgs: list[Spot], ends: dict[int, int], default: str | None
) -> None:
    """A subsidiary is PART_OF its owner: "X, eine Tochter der Y" (the name right before the
    cue, ``ends`` giving where each name ends; with none, the sentence's unnamed subject,
    "Als Tochtergesellschaft der Y bieten wir …", unless the cue stands in apposition to a
    name not read), and "unsere Tochter, die X" names a subsidiary of the unnamed subject."""
    for cue in _DAUGHTER_OF.finditer(text):
        before = [(p, k) for p, k, _ in orgs if p < cue.start()]
        after = [(k, ln) for p, k, ln in orgs if p >= cue.end()]
        if before:
            near = cue.start() - ends[before[-1][0]] <= _DAUGHTER_REACH
            child = before[-1][1] if near else None
        else:  # "Als Tochter der Y", "Wir sind eine Tochter der Y"; not after an unread name
            child = None if _APPOSED.search(text, 0, cue.start()) else default
        if after and child is not None:
            out.add(child, after[0][0], "PART_OF", after[0][1], text)
    for cue in _OUR_DAUGHTER.finditer(text):
        named = [(k, ln) for p, k, ln in orgs if p == cue.end()]
        if named and default is not None:
            out.add(named[0][0], default, "PART_OF", named[0][1], text)


def _relative_we(
    out: LinkSink,
    entities: dict[str, Entity],
    text: str,
    spans: list[tuple[int, int, str, int]],
    default: str,
    funders: set[str],
) -> None:
    """ "X, mit dem wir seit 2021 kooperieren", "…, mit denen wir Kurse anbieten": what the
    speaker does *with* the body a relative clause refers back to, it does together with it
    (COOPERATES_WITH); "das Projekt X, an dem wir uns beteiligen" is one it takes part in.
    The clause refers to the name right before its comma ("denen": to the names listed
    there); its "wir" is the sentence's unnamed subject (the report's partner). After a
    funder ("eine Förderung durch die ADS, mit der wir …") it refers to the funding."""
    for clause in _RELATIVE_WE.finditer(text):
        right_before = (
            (k, ln) for _, end, k, ln in spans if _JUST_BEFORE.fullmatch(text, end, clause.start())
        )
        named = next(right_before, None)
        if named is None:
            continue
        referred = [named]
        if clause["which"].lower() == "denen":  # the list before: "der IB und die AWO, mit denen"
            ends = sorted((e, s, k, ln) for s, e, k, ln in spans if e <= clause.start())
            at = ends[-1][1]  # where the name right before the clause starts
            for end, start, k, ln in reversed(ends[:-1]):
                if not _LISTED.fullmatch(text, end, at):
                    break
                referred.append((k, ln))
                at = start
        prep = clause["prep"].lower()
        for key, line in referred:
            if key in funders:
                continue
            kind = entities[key].kind
            if prep == "mit" and kind == "org":
                out.add(default, key, "COOPERATES_WITH", line, text)
            elif prep == "an" and kind == "programme" and _TAKES_PART.search(clause.group()):
                out.add(default, key, "PARTICIPATES_IN", line, text)


def _carried(
    out: LinkSink,
    entities: dict[str, Entity],
    text: str,
    orgs: list[Spot],
    carrier: re.Match[str],
    service_point: re.Pattern[str] | None,
) -> None:
    """The body a carrier cue names as carried, and its carrier, both named in the
    sentence: "Träger der X ist der Y", "X, dessen Träger die Y ist", "X ist in
    Trägerschaft des Y", "X wird vom Y getragen". The carried is PART_OF its carrier; a named
    service point works with its carrier (COOPERATES_WITH, GUIDELINES.md)."""
    start = carrier.start()
    before = [(p, k, ln) for p, k, ln in orgs if p < start]
    after = [(p, k, ln) for p, k, ln in orgs if p > start]
    if carrier.group().casefold().startswith("getragen"):
        if len(before) < 2:
            return
        (_, carried, _), (_, body, line) = before[0], before[-1]  # "X wird vom Y getragen"
    elif not after:
        return
    elif _OF_CARRIED.match(text, carrier.end()) and len(after) > 1:
        (_, carried, _), (_, body, line) = after[0], after[1]  # "Träger der X ist der Y"
    elif before and _CARRIER_NAMED.fullmatch(text, carrier.end(), after[0][0]):
        # "X, dessen Träger die Y ist": the name before; "X ist in Trägerschaft des Y": the subject
        carried = before[-1 if _WHOSE.search(text, 0, start) else 0][1]
        _, body, line = after[0]
    else:
        return
    if carried == body:
        return
    point = service_point is not None and service_point.search(entities[carried].canonical)
    out.add(carried, body, "COOPERATES_WITH" if point else "PART_OF", line, text)


def _funding(
    out: LinkSink,
    text: str,
    funded: re.Match[str],
    spans: list[tuple[int, int, str, int]],
    programme_keys: set[str],
    subject_before: Callable[[int], str | None],
    previous_programme: str | None,
) -> set[str]:
    """Funders and the funded of a funding cue (``spans``: start, end, key, line of each
    name in the sentence).

    The funders are named right after the cue ("gefördert durch X", "Projektförderung des
    X", "Gefördert wird das Projekt vom X") or as the agent just before it ("vom Bund
    gefördert", "das vom Land geförderte Projekt", "AMIF-gefördert"), with the names joined
    to the first one by "und"/commas ("aus Mitteln der EU und des Bundes"). The funded is a
    programme before the cue, one named right after it ("Finanziert wird X aus …"), the
    project a demonstrative points back to ("Dieses Projekt wird … gefördert"), or the
    subject. Returns the funders' keys."""
    start, end = funded.start(), funded.end()
    receivers: list[str | None] = [k for a, _, k, _ in spans if a < start and k in programme_keys]
    head = next(((a, k) for a, _, k, _ in spans if a >= end), None)
    if (
        head is not None
        and head[1] in programme_keys
        and _ATTRIBUTIVE.search(funded.group())
        and _HEAD_GAP.fullmatch(text[end : head[0]])
    ):
        # "das vom Land geförderte Programm „X“": the participle qualifies the funded
        receivers = [head[1]]
    first: int | None = None
    for i, (a, _, key, _) in enumerate(spans):
        if a < end or a > end + _FUNDER_REACH or receivers[:1] == [key]:
            continue
        gap = text[end:a]
        if _AFTER_CUE.fullmatch(gap) or _AGENT_END.search(gap):
            first = i
            break
        if not receivers and key in programme_keys and _RECEIVER_GAP.fullmatch(gap):
            receivers = [key]  # "Finanziert wird EULE.pro aus Mitteln des …"
    if first is None:
        for i, (a, z, _, _) in enumerate(spans):
            if (
                z <= start
                and start - z <= _FUNDER_REACH
                and (_AGENT_END.search(text, max(0, a - 16), a) or text[z:start] == "-")
            ):
                first = i  # the last such agent before the cue wins
    if first is None:
        return set()
    funders = [spans[first]]
    for span in spans[first + 1 :]:  # the names coordinated with the first funder
        if not _FUNDER_JOIN.fullmatch(text[funders[-1][1] : span[0]]):
            break
        funders.append(span)
    funder_keys = {k for _, _, k, _ in funders}
    receivers = [k for k in receivers if k not in funder_keys]
    if not receivers and previous_programme and PROGRAMME_ANAPHOR.search(text):
        receivers = [previous_programme]
    receiver = receivers[0] if receivers else subject_before(start)
    for _, _, key, line in funders:
        if receiver is not None and key != receiver:
            out.add(receiver, key, "FUNDED_BY", line, text)
    return funder_keys


def _programme_links(
    out: LinkSink,
    entities: dict[str, Entity],
    text: str,
    orgs: list[Spot],
    programmes: list[Spot],
    found: Cues,
    subject_before: Callable[[int], str | None],
    in_block: bool,
    mottos: frozenset[str] | set[str] = frozenset(),
    funders: frozenset[str] | set[str] = frozenset(),
) -> None:
    """SIGNED for charters, else ORGANISED_BY or PARTICIPATES_IN by the cues present.

    A motto ("unter dem Motto „X“") names the subject's own activity, so it is run by it;
    the agent of a funding clause funds the programme and does not run it ("das Projekt …
    gestartet, das durch das BAMF gefördert wird")."""
    funded = found.get("FUNDED_BY")
    organised = found.get("ORGANISED_BY")
    own = found.get("OWN_PROJECT") is not None and found.get("TAKES_PART") is None
    occasion = found.get("OCCASION")
    for pos, key, line in programmes:
        kind = entities[key].type
        if funded is not None and any(k == key for p, k, _ in programmes if p > funded.start()):
            continue
        if kind == "Charta":
            _signed(out, key, line, text, orgs, found.get("SIGNED"), subject_before)
            continue
        if kind in _NO_PARTICIPATION:
            continue
        if occasion is not None and occasion.end() <= pos <= occasion.end() + _OCCASION_REACH:
            subject = subject_before(occasion.start())
            if subject is not None:
                out.add(subject, key, "PARTICIPATES_IN", line, text)
            continue
        owner = _apposed_owner(text, orgs, programmes, pos)
        if owner is not None:  # "„SmS“, ein Projekt der Universität Konstanz"
            out.add(key, owner, "ORGANISED_BY", line, text)
            continue
        if organised is not None or own or key in mottos:
            # a funding programme belongs to its funder, never to "X der Y" in a sentence
            owner_ok = kind != "Foerderprogramm"
            organiser = _agent_after(text, orgs, pos, organised, owner_ok) or subject_before(pos)
            if organiser is not None and organiser not in funders:
                out.add(key, organiser, "ORGANISED_BY", line, text)
            continue
        subject = subject_before(pos)
        if subject is not None and _named_after(entities[key], entities[subject]):
            out.add(key, subject, "ORGANISED_BY", line, text)  # "Vielfalt im LVR er-leben"
        elif subject is not None and (in_block or found.get("PARTICIPATES_IN") is not None):
            out.add(subject, key, "PARTICIPATES_IN", line, text)


def _named_after(programme: Entity, org: Entity) -> bool:
    """Whether a programme bears its organisation's short form or name as a word of its own
    ("Vielfalt im LVR er-leben", "WDR-Impulsgespräche"): the organisation's own offer."""
    words = set(re.findall(r"[\wÄÖÜäöüß]+", programme.canonical))
    return bool(words & short_forms(org)) or org.canonical in programme.canonical


def _apposed_owner(text: str, orgs: list[Spot], programmes: list[Spot], pos: int) -> str | None:
    """The organisation an apposition names as the programme's owner: "„X“, ein Projekt der
    Y", "X – ein Angebot des Z" (the apposition follows the programme's name directly)."""
    nxt = min((p for p, _, _ in programmes if p > pos), default=len(text))
    for p, key, _ in orgs:
        if pos < p < nxt and p - pos <= _APPOSITION_REACH:
            hit = _APPOSITION.search(text, pos, p)
            if hit is not None:
                return key
    return None


def _agent_after(
    text: str,
    orgs: list[Spot],
    pos: int,
    organised: re.Match[str] | None,
    owner_ok: bool = True,
) -> str | None:
    """The organiser named after the programme in a passive clause ("durchgeführt von X",
    "Träger ist X", "X wird vom Verein Y organisiert")."""
    if organised is None:
        return None
    if _PASSIVE.search(organised.group()):
        after = [k for p, k, _ in orgs if p > organised.start()]
        if after:
            return after[0]
    agents = [
        k
        for p, k, _ in orgs
        if p > pos and (_AGENT.search(text, 0, p) or (owner_ok and _OWNER.search(text, 0, p)))
    ]
    return agents[0] if agents else None


def _signed(
    out: LinkSink,
    key: str,
    line: int,
    text: str,
    orgs: list[Spot],
    signed: re.Match[str] | None,
    subject_before: Callable[[int], str | None],
) -> None:
    """Signers: the subject before the cue, or every organisation the sentence names when
    it opens with the signing ("Mit der Unterzeichnung der Charta haben X und Y ...")."""
    if signed is None:
        return
    if any(pos < signed.start() for pos, _, _ in orgs) or not orgs:
        subject = subject_before(signed.start())
        if subject is not None:
            out.add(subject, key, "SIGNED", line, text)
        return
    for _, org, org_line in orgs[:_MAX_SIGNERS]:
        out.add(org, key, "SIGNED", org_line, text)
