"""Links stated once for every member of a list of organisations.

German reports name partners in lists: "Veranstalter der Konferenz sind A, B und C",
"In der Projektgruppe arbeiten Vertreter dieser Verbände mit:" followed by one bullet
each, "A, B und C beteiligen sich an X". The sentence states one relation, and each
member gets it. The subject rules of :mod:`loaders.links.sentences` pair a cue with one subject
and one object, so they miss the members after the first, or give them the wrong type.

Here a *list* is two or more organisations named one after the other with nothing but
commas, "und"/"sowie"/"oder", articles, bullets, abbreviations or a parenthesis between
them (a lead line ending in ":" continues into the bullet items after it). The cue
before the list (``lead`` in ``reference/list_cues.yaml``) or after it (``tail``) gives
the type; the other end is the programme the passage names (in the sentence, else the
one named shortly before, else the document's own programme for a short text), or, for
cooperation, the organisation named before the cue, else the reporting partner; funders
("Das Projekt wird gefördert durch: - A - B") fund the programme, else that organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from loaders.clean.textstream import Sentence, TextStream
from loaders.links.context import LinkSink, block_of, document_programme
from loaders.mentions.list_members import LIST_PARENTHESIS, LIST_SEPARATOR
from loaders.mentions.patterns import Mention
from loaders.models import Block
from loaders.reference import Reference
from loaders.resolve.entities import Entity, ResolvedDocument

__all__ = ["ListCues", "list_cues", "coordinated_runs", "list_links"]

_MIN_MEMBERS = 2
_BACK_REACH = 900  # characters: a programme named further back is not "the project" any more
# what may stand between two list members besides separators: articles, an abbreviation
# ("- BAGIV – Bundesarbeitsgemeinschaft …"), a legal-form tail the name did not take
_GLUE = re.compile(
    r"(?:[\s,;:/&•▪◦*–-]|\bund\b|\bsowie\b|\boder\b|\bd(?:er|ie|as|em|en|es)\b"
    r"|\b[A-ZÄÖÜ][A-ZÄÖÜa-zäöü]{0,2}[A-ZÄÖÜ]{1,7}\b|\be\.\s?V\.|\bgGmbH\b|\bGmbH\b)*"
)
# "das Referat der Stadt Köln": an article alone attaches a genitive, it joins no list
_BULLET = re.compile(r"^\s*[•▪◦➔>*–-]")
_BULLET_CHARS = "•▪◦➔>*–- \n\t"
# a passage that stops on a comma, an article or "und" was cut inside a list
_OPEN_END = re.compile(r"(?:,|\b(?:und|sowie|oder|der|die|das|dem|den|des|zwischen))$")
_SEGMENT_MAX = 1500
# "… vereinbarung zwischen A und B", "Kooperationsvertrag über das Projekt X zwischen 1. A, 2. B"
_BETWEEN = re.compile(r"[^.;:]{0,200}?\bzwischen\b|[^.;:]{0,40}?\bmit\b")
_UNFINISHED = re.compile(r"(?:\b[a-zäöüß]+|[,„-])[ \t]*$")  # "… ein Angebot des"
_EVIDENCE_MAX = 200
# a bibliography entry names publishers, not a relation
_CITATION = re.compile(r"\(Hrsg\.\)|\bISBN\b")
_NO_PROGRAMME_TYPES = frozenset({"Gesetz"})
_NOT_A_PROJECT = frozenset({"Gesetz", "Charta"})  # what "the project" cannot point back to
# a lead that points back to a programme by its kind: "Das Projekt wird gefördert durch:"
_BACK_REFERENCE = re.compile(
    r"\b(?:das|dieses|unser|die|diese|unsere)\s+(Projekt|Initiative)\b", re.I
)


@dataclass(frozen=True)
class ListCues:
    """Compiled lead and tail cues, one pattern per link type."""

    lead: dict[str, re.Pattern[str]]
    tail: dict[str, re.Pattern[str]]
    agreement: re.Pattern[str]  # the nouns of a cooperation agreement
    role: dict[str, re.Pattern[str]]  # "(Koordinator)" right after a member


_COMPILED: dict[int, tuple[Reference, ListCues]] = {}


def list_cues(reference: Reference) -> ListCues:
    """The list cues of the reference data, compiled once per reference object."""
    cached = _COMPILED.get(id(reference))
    if cached is None or cached[0] is not reference:

        def compile_all(cues: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
            return {
                t: re.compile(r"(?<!\w)(?:" + "|".join(p) + r")", re.IGNORECASE)
                for t, p in cues.items()
                if p
            }

        cues = reference.list_cues
        lead, tail = compile_all(cues["lead"]), compile_all(cues["tail"])
        role = {
            t: re.compile(r"\s*\((?:" + "|".join(p) + r")[^()\n]{0,40}\)")
            for t, p in cues["role"].items()
            if p
        }
        cached = (
            reference,
            ListCues(lead, tail, compile_all(cues["agreement"])["COOPERATES_WITH"], role),
        )
        _COMPILED[id(reference)] = cached
    return cached[1]


@dataclass(frozen=True)
class _Named:
    start: int  # offsets in the stream
    end: int
    key: str
    line: int


def coordinated_runs(text: str, named: Sequence[_Named]) -> list[list[_Named]]:
    """Runs of two or more different entities joined only by list glue.

    >>> t = "Veranstalter sind Migrafrica e. V., die VHS Köln und das Museum X."
    >>> n = [_Named(18, 28, "a", 1), _Named(40, 48, "b", 1), _Named(57, 65, "c", 1)]
    >>> [[m.key for m in run] for run in coordinated_runs(t, n)]
    [['a', 'b', 'c']]
    """
    runs: list[list[_Named]] = []
    current: list[_Named] = []
    for item in named:
        if current:
            gap = LIST_PARENTHESIS.sub(" ", text[current[-1].end : item.start])
            if _GLUE.fullmatch(gap) is None or LIST_SEPARATOR.search(gap) is None:
                runs.append(current)
                current = []
        if not current or all(m.key != item.key for m in current):
            current.append(item)
    runs.append(current)
    return [r for r in runs if len({m.key for m in r}) >= _MIN_MEMBERS]


def _segments(
    stream: TextStream, sentences: Sequence[Sentence]
) -> Iterable[tuple[int, int, int | None]]:
    """(start, end, items) of each passage a list can span: a sentence, joined with the
    next one where the split cut a list ("…, die" | "Volkshochschule Köln, …", a lead ending
    in ":" before its items, one bullet after another); ``items`` is where the bullet items
    after a lead begin, None when there are none."""
    i = 0
    while i < len(sentences):
        start, end, j = sentences[i].start, sentences[i].end, i + 1
        items = None
        while j < len(sentences) and end - start < _SEGMENT_MAX:
            before = stream.text[start : sentences[j].start].rstrip(_BULLET_CHARS)
            bullet = _BULLET.match(stream.text[sentences[j - 1].end : sentences[j].end])
            lead = before.endswith(":")
            if not (lead or _OPEN_END.search(before) or (bullet and items is not None)):
                break
            if lead and bullet and items is None:
                items = sentences[j].start
            end, j = sentences[j].end, j + 1
        yield start, end, items
        i = j


def list_links(
    out: LinkSink,
    sentences: Sequence[Sentence],
    resolved: ResolvedDocument,
    blocks: tuple[Block, ...],
    stream: TextStream,
    reference: Reference,
) -> None:
    """Add the link each list states for every member (see the module docstring)."""
    cues = list_cues(reference)
    entities = resolved.entities
    mentions = resolved.mentions
    starts = [m.start for m, _, _ in mentions]
    block_starts = [b.start for b in blocks]
    own_programme = document_programme(resolved) if not blocks else None
    text = stream.text
    sentence_starts = [s.start for s in sentences]
    for a, z, items in _segments(stream, sentences):
        if _CITATION.search(text, a, z):
            continue
        inside = mentions[bisect_left(starts, a) : bisect_left(starts, z)]
        orgs = [_Named(m.start, m.end, k, ln) for m, k, ln in inside if entities[k].kind == "org"]
        if len(orgs) < _MIN_MEMBERS:
            continue
        _signatories(out, cues, orgs, entities, (a, z, items), text, sentence_starts)
        programmes = [
            _Named(m.start, m.end, k, ln)
            for m, k, ln in inside
            if entities[k].kind == "programme" and entities[k].type not in _NO_PROGRAMME_TYPES
        ]
        runs = [(run, False) for run in coordinated_runs(text, orgs)]
        stop = _items_end(text, items, z) if items is not None else z
        if items is not None:  # one member or more per bullet, with prose around them
            bulleted = {o.key: o for o in reversed(orgs) if items <= o.start < stop}
            if len(bulleted) >= _MIN_MEMBERS:
                runs.append((sorted(bulleted.values(), key=lambda o: o.start), True))
        for run, is_bullets in runs:
            lead = text[a : run[0].start]
            found = _cue(cues.lead, lead, last=True)
            if found is None and not is_bullets:
                found = _cue(cues.tail, text[run[-1].end : z], last=False)
            if found is None:
                continue
            link_type, cue = found
            # a programme named as a bullet item is a member of the list, not its frame
            in_lead = [p for p in programmes if items is None or not items <= p.start < stop]
            programme = _programme_of(text, in_lead, run, mentions, starts, a, entities, lead)
            programme = programme or own_programme
            if link_type == "PARTNER":
                # "Partner des Projekts X sind A, B": partners of the programme take part in
                # it; "Partner sind A, B" in an organisation's report cooperate with it
                own = [
                    p.key
                    for p in programmes
                    if a + cue.end() <= p.start and _before_list(text, p, run)
                ]
                programme = own[0] if own else None
            first_line = run[0].line
            at = block_of(blocks, block_starts, first_line)
            partner = resolved.block_partners[at] if at >= 0 else resolved.subject_at(a)
            named_subject = _subject(orgs, run, cue, a, sentence_starts)
            if link_type == "PARTNER" and programme is None and named_subject is None:
                # "Partner:" on the page of a project or an event: its partners
                programme = own_programme
            subject = named_subject or partner
            if link_type == "SIGNED" and cues.agreement.search(text, a, z):
                continue  # an agreement's parties cooperate (_signatories), sign nothing
            if link_type == "JOINT":
                before = _named_before(programmes, a + cue.start(), sentence_starts)
                framed = before[-1].key if before else None
                if framed is None and named_subject is None:
                    _pairwise(out, run, _passage(text, a + cue.start(), run[-1].end))
                    continue
                link_type = "ORGANISED_BY" if framed else "COOPERATES_WITH"
                programme = framed
            for member in run:
                evidence = _evidence(text, a, cue, member)
                _add(out, entities, link_type, member, programme, subject, evidence)
                for role_type, role in cues.role.items():
                    stated = role.match(text, member.end)
                    if stated is not None:
                        evidence = " ".join(text[member.start : stated.end()].split())
                        _add(out, entities, role_type, member, programme, None, evidence)


def _signatories(
    out: LinkSink,
    cues: ListCues,
    orgs: list[_Named],
    entities: dict[str, Entity],
    passage: tuple[int, int, int | None],
    text: str,
    sentence_starts: list[int],
) -> None:
    """The parties of a cooperation agreement signed in this passage, or stated as made
    "zwischen" them (a contract's own heading: "Kooperationsvereinbarung über das Projekt X
    zwischen 1. der Stadt A, 2. dem Kreis B, …"), cooperate pairwise, also when the sentence
    names them through the people who signed ("… haben Landrat X für den Kreis A, Y,
    Vorstand des Vereins B, … die Kooperationsvereinbarung unterzeichnet"): every
    organisation the sentence names before the agreement, after "zwischen"/"mit" after it,
    or in the bullet items after it ("Die Kooperationsvereinbarung unterzeichneten …,
    darunter: - A - B - C"). ``passage`` is (start, end, where its bullet items begin)."""
    a, z, items = passage
    noun = cues.agreement.search(text, a, z)
    if noun is None:
        return
    between = _BETWEEN.match(text, noun.end())
    signed = [c for c in (cues.lead.get("SIGNED"), cues.tail.get("SIGNED")) if c is not None]
    stated = between is not None and between.group().endswith("zwischen")
    if not (stated or any(c.search(text, a, z) for c in signed)):
        return  # an agreement is named, but not whose: neither signed nor "zwischen" its parties
    sentence = max(a, sentence_starts[bisect_right(sentence_starts, noun.start()) - 1])
    parties: dict[str, _Named] = {}
    listed = range(items, _items_end(text, items, z)) if items and noun.start() < items else ()
    for o in orgs:
        if (
            sentence <= o.start < noun.start()
            or (between and o.start >= noun.end())
            or o.start in listed
        ):
            parties.setdefault(o.key, o)
    # a party's unit that acts for it ("vertreten durch das Amt für … der Stadt") is no party
    parties = {k: o for k, o in parties.items() if entities[k].parent_key not in parties}
    if len(parties) >= _MIN_MEMBERS:
        _pairwise(out, list(parties.values()), _passage(text, sentence, z))


def _passage(text: str, start: int, end: int) -> str:
    """The words of ``text[start:end]``, shortened to an evidence quote."""
    words = " ".join(text[start:end].split())
    return words if len(words) <= _EVIDENCE_MAX else words[: _EVIDENCE_MAX - 2] + " …"


def _pairwise(out: LinkSink, named: list[_Named], evidence: str) -> None:
    """Every two of ``named`` cooperate (the parties of one agreement or one joint act)."""
    for i, one in enumerate(named):
        for other in named[i + 1 :]:
            out.add(one.key, other.key, "COOPERATES_WITH", other.line, evidence)


def _items_end(text: str, items: int, z: int) -> int:
    """Where the bullet items end: at a line that is neither a new bullet nor the wrapped
    rest of an item (indented, in lower case, or after a line that stops mid-phrase)."""
    at = text.find("\n", items, z)
    while at != -1:
        line = text[at + 1 : text.find("\n", at + 1, z) if "\n" in text[at + 1 : z] else z]
        unfinished = _UNFINISHED.search(text, max(0, at - 40), at) is not None
        wrapped = line[:1].isspace() or line[:1].islower() or unfinished
        if not (_BULLET.match(line) or wrapped):
            return at
        at = text.find("\n", at + 1, z)
    return z


def _subject(
    orgs: list[_Named],
    run: list[_Named],
    cue: re.Match[str],
    a: int,
    sentence_starts: list[int],
) -> str | None:
    """The organisation the sentence of a lead cue names before it, if any."""
    at = a + cue.start()
    if at > run[0].start:  # a tail cue: the members are the subjects
        return None
    members = {m.key for m in run}
    before = [o.key for o in _named_before(orgs, at, sentence_starts) if o.key not in members]
    return before[0] if before else None


def _named_before(named: list[_Named], at: int, sentence_starts: list[int]) -> list[_Named]:
    """What the sentence of ``at`` names before it ("Das Projekt X ist ein
    Gemeinschaftsprojekt der …": X)."""
    sentence_start = sentence_starts[bisect_right(sentence_starts, at) - 1]
    return [n for n in named if sentence_start <= n.start and n.end <= at]


def _evidence(text: str, a: int, cue: re.Match[str], member: _Named) -> str:
    """The words that state the link: from the cue to the member, shortened in the middle."""
    lo, hi = sorted((a + cue.start(), member.start))
    hi = max(hi, member.end, a + cue.end())
    words = " ".join(text[lo:hi].split())
    if len(words) <= _EVIDENCE_MAX:
        return words
    name = " ".join(text[member.start : member.end].split())
    cue_words = " ".join(cue.group().split())
    return f"{cue_words} … {name}" if lo < member.start else f"{name} … {cue_words}"


def _add(
    out: LinkSink,
    entities: dict[str, Entity],
    link_type: str,
    member: _Named,
    programme: str | None,
    subject: str | None,
    evidence: str,
) -> None:
    if link_type == "COOPERATES_WITH" or (link_type == "PARTNER" and programme is None):
        if subject is not None:
            out.add(subject, member.key, "COOPERATES_WITH", member.line, evidence)
        return
    if link_type == "FUNDED_BY":
        funded = programme or subject
        if funded is not None and funded != member.key:
            out.add(funded, member.key, "FUNDED_BY", member.line, evidence)
        return
    if programme is None:
        return
    if link_type == "ORGANISED_BY":
        out.add(programme, member.key, "ORGANISED_BY", member.line, evidence)
    elif link_type == "SIGNED":
        if entities[programme].type == "Charta":
            out.add(member.key, programme, "SIGNED", member.line, evidence)
    elif link_type in ("PARTICIPATES_IN", "PARTNER") and entities[programme].type != "Charta":
        out.add(member.key, programme, "PARTICIPATES_IN", member.line, evidence)


def _cue(
    patterns: dict[str, re.Pattern[str]], text: str, last: bool
) -> tuple[str, re.Match[str]] | None:
    """The cue nearest to the list: the last one before it, or the first one after it;
    a partner noun only where no verb or other cue says more."""
    best = None
    for link_type, pattern in patterns.items():
        if link_type == "PARTNER":
            continue
        for match in pattern.finditer(text):
            if best is None or (
                match.start() > best[1].start() if last else match.start() < best[1].start()
            ):
                best = (link_type, match)
            if not last:
                break
    if best is None and "PARTNER" in patterns:
        partners = list(patterns["PARTNER"].finditer(text))
        if partners:
            best = ("PARTNER", partners[-1] if last else partners[0])
    return best


def _before_list(text: str, name: _Named, run: list[_Named]) -> bool:
    """``name`` stands before the list, not as one of its items: something other than list
    glue lies between them ("Projekt X" as the first bullet is an item)."""
    return name.end <= run[0].start and _GLUE.fullmatch(text[name.end : run[0].start]) is None


def _programme_of(
    text: str,
    programmes: list[_Named],
    run: list[_Named],
    mentions: tuple[tuple[Mention, str, int], ...],
    starts: list[int],
    a: int,
    entities: dict[str, Entity],
    lead: str,
) -> str | None:
    """The programme the list belongs to: named in the passage outside the list (before
    it first), else the last one named shortly before the passage — of the kind the lead
    refers back to ("Das Projekt wird gefördert durch:" a project, not the federal
    programme named last). A name joined to the list by list glue only ("- AABF –
    Alevitische Gemeinde …") is one of its items."""
    before = [p.key for p in programmes if _before_list(text, p, run)]
    after = [p.key for p in programmes if p.start >= run[-1].end]
    if before:
        return before[-1]
    if after:
        return after[0]
    back = _BACK_REFERENCE.search(lead)
    kind = back.group(1).capitalize() if back else None
    lo = bisect_left(starts, a - _BACK_REACH)
    for mention, key, _ in reversed(mentions[lo : bisect_left(starts, a)]):
        entity: Entity = entities[key]
        if entity.kind == "programme" and entity.type not in _NOT_A_PROJECT:
            if kind is not None and entity.type != kind:
                continue
            if _BULLET.match(text[text.rfind("\n", 0, mention.start) + 1 : mention.start]):
                continue  # an item of a list before: one of its members, not "the project"
            return key
    return None
