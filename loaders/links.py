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

from loaders.models import Block, Link
from loaders.reference import Reference
from loaders.resolve import Entity, ResolvedDocument
from loaders.textstream import TextStream, split_sentences

__all__ = ["find_links"]

_EVIDENCE_CHARS = 220
_COMPILED: dict[int, tuple[Reference, dict[str, re.Pattern[str]]]] = {}
_SUBJECT_REACH = 40  # a subject named this close to the sentence start replaces the default
_NO_PARTICIPATION = frozenset({"Gesetz", "Charta"})


def _cues(reference: Reference) -> dict[str, re.Pattern[str]]:
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
        self.entities = resolved.entities
        self.links: dict[tuple[str, str, str], Link] = {}

    def add(self, source: str, target: str, link_type: str, line: int, evidence: str) -> None:
        if source == target or source not in self.entities or target not in self.entities:
            return
        if link_type == "COOPERATES_WITH":
            source, target = sorted((source, target))
        key = (source, link_type, target)
        if key not in self.links:
            text = " ".join(evidence.split())[:_EVIDENCE_CHARS]
            self.links[key] = Link(
                self.entities[source].canonical,
                self.entities[target].canonical,
                link_type,
                line,
                text,
            )


def find_links(
    stream: TextStream,
    resolved: ResolvedDocument,
    blocks: tuple[Block, ...],
    reference: Reference,
    project_key: str | None = None,
) -> tuple[Link, ...]:
    """All typed links of one document, deduplicated by (source, type, target)."""
    cues = _cues(reference)
    entities = resolved.entities
    out = _Collector(resolved)
    starts = [m.start for m, _, _ in resolved.mentions]
    block_starts = [b.start for b in blocks]
    cuts = {0, len(stream.text)}
    for b in blocks:  # a sentence never runs from one partner's block into the next
        cuts.update((stream.offset_of_line(b.start), stream.offset_of_line(b.end + 1)))
    edges = sorted(cuts)
    sentences = [
        s for a, z in zip(edges, edges[1:], strict=False) for s in split_sentences(stream, a, z)
    ]
    for sentence in sentences:
        lo = bisect_left(starts, sentence.start)
        hi = bisect_left(starts, sentence.end)
        if lo == hi:
            continue
        inside = resolved.mentions[lo:hi]
        first_line = inside[0][2]
        at = bisect_left(block_starts, first_line + 1) - 1
        in_block = at >= 0 and blocks[at].start <= first_line <= blocks[at].end
        default = resolved.block_partners[at] if in_block else resolved.subject
        found = {t: p.search(sentence.text) for t, p in cues.items()}
        _sentence_links(
            out, entities, sentence.start, sentence.text, inside, found, default, in_block
        )
    for key, entity in entities.items():
        if entity.parent_key and entity.lines:
            out.add(key, entity.parent_key, "PART_OF", min(entity.lines), entity.canonical)
        if project_key and entity.listed and entity.kind == "org":
            out.add(key, project_key, "PARTICIPATES_IN", min(entity.lines), entity.canonical)
    _reference_links(out, entities, reference)
    return tuple(sorted(out.links.values(), key=lambda link: (link.line, link.type, link.target)))


def _sentence_links(
    out: _Collector,
    entities: dict[str, Entity],
    offset: int,
    text: str,
    inside: tuple,
    found: dict,
    default: str | None,
    in_block: bool,
) -> None:
    orgs = [(m.start - offset, key, line) for m, key, line in inside if entities[key].kind == "org"]
    programmes = [
        (m.start - offset, key, line)
        for m, key, line in inside
        if entities[key].kind == "programme"
    ]

    def subject_before(position: int) -> str | None:
        """The sentence's first organisation if it comes before ``position``, else the default."""
        before = [key for pos, key, _ in orgs if pos < min(position, _SUBJECT_REACH)]
        return before[0] if before else default

    coop = found.get("COOPERATES_WITH")
    if coop is not None:
        subject = subject_before(coop.start())
        for pos, key, line in orgs:
            if pos > coop.start() and subject is not None:
                out.add(subject, key, "COOPERATES_WITH", line, text)
    funded = found.get("FUNDED_BY")
    if funded is not None:
        funders = [(p, k, ln) for p, k, ln in orgs + programmes if p > funded.start()]
        receivers = [k for p, k, _ in programmes if p < funded.start()] or [
            subject_before(funded.start())
        ]
        if funders and receivers[0] is not None:
            out.add(receivers[0], min(funders)[1], "FUNDED_BY", min(funders)[2], text)
    organised = found.get("ORGANISED_BY")
    for pos, key, line in programmes:
        kind = entities[key].type
        if funded is not None and any(k == key for p, k, _ in programmes if p > funded.start()):
            continue
        if kind == "Charta":
            signed = found.get("SIGNED")
            subject = subject_before(signed.start()) if signed is not None else None
            if subject is not None:
                out.add(subject, key, "SIGNED", line, text)
            continue
        if kind in _NO_PARTICIPATION:
            continue
        if organised is not None:
            after = [k for p, k, _ in orgs if p > pos and k != default]
            organiser = after[0] if after else subject_before(pos)
            if organiser is not None:
                out.add(key, organiser, "ORGANISED_BY", line, text)
            continue
        subject = subject_before(pos)
        if subject is not None and (in_block or found.get("PARTICIPATES_IN") is not None):
            out.add(subject, key, "PARTICIPATES_IN", line, text)


def _reference_links(out: _Collector, entities: dict[str, Entity], reference: Reference) -> None:
    """Organisers and parents the reference data knows, when both ends are in the document."""
    by_ref = {e.ref_id: k for k, e in entities.items() if e.ref_id}
    for programme in reference.programmes:
        if programme.organised_by and programme.id in by_ref and programme.organised_by in by_ref:
            key = by_ref[programme.id]
            out.add(
                key,
                by_ref[programme.organised_by],
                "ORGANISED_BY",
                min(entities[key].lines, default=0),
                entities[key].canonical,
            )
