"""Extraction pipeline for one document, and its JSON form (the extraction contract).

    read_source -> clean -> split_sections -> find_mentions -> resolve -> links, measures

No database is needed; :func:`to_contract` gives the JSON object that
``shared/eval/README.md`` describes. :func:`extract_paths` reports a file that cannot be
read through ``on_error`` and goes on with the others.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from loaders.clean.repair import clean
from loaders.clean.textstream import Sentence, TextStream, build_stream, paragraph_breaks
from loaders.errors import InputError
from loaders.learn.crf import MODEL_FILE, load_tagger
from loaders.learn.relations import FIRST_PERSON, LINK_MODEL, model_links
from loaders.learn.tagging import model_mentions
from loaders.learn.viterbi import load_model
from loaders.links.sentences import document_sentences, find_links
from loaders.measures.dating import dated
from loaders.measures.partners import find_measures
from loaders.mentions.cases import in_nominative
from loaders.mentions.complements import with_both_members
from loaders.mentions.compounds import with_truncated_compounds
from loaders.mentions.find import find_mentions, with_definitions
from loaders.mentions.glued_words import (
    without_blank_lines,
    without_glued_words,
    without_lower_tails,
    without_next_line,
    without_town_after,
    without_town_before,
)
from loaders.mentions.kinds import as_programmes
from loaders.mentions.list_members import list_members
from loaders.mentions.not_names import without_non_names
from loaders.mentions.patterns import Mention
from loaders.mentions.prefixes import without_capital_lines, without_prefixes
from loaders.mentions.programmes import with_laws
from loaders.mentions.quoted_titles import with_quoted_titles
from loaders.mentions.record_titles import with_record_titles
from loaders.mentions.roles import without_roles
from loaders.mentions.shared_heads import with_shared_heads
from loaders.mentions.unit_names import genitive_units, swallowed_parents
from loaders.models import (
    Block,
    CleanText,
    DocumentExtraction,
    Link,
    Organisation,
    Programme,
    SourceText,
)
from loaders.names import clean_name, name_key
from loaders.reference import Reference, load_reference
from loaders.resolve.curation import apply_corrections
from loaders.resolve.entities import (
    ResolvedDocument,
    entity_id,
    entity_key,
    own_name,
    resolve_across,
    resolve_document,
)
from loaders.resolve.joined_names import without_joined_names
from loaders.resolve.keys import spelled_out
from loaders.resolve.speakers import speaker_turns
from loaders.resolve.variants import FULLER_BY, fuller_name_of
from loaders.sections.blocks import split_sections
from loaders.source.document_meta import document_meta
from loaders.source.files import iter_source_files, read_source
from queries.corrections import Corrections

__all__ = [
    "Analysis",
    "analyse_document",
    "extract_document",
    "extract_paths",
    "to_contract",
    "document_title",
]

log = logging.getLogger(__name__)

_GENRE = re.compile(
    r"^(?:Ergebnisdokumentation|Dokumentation|Bericht|Umsetzungsbericht|Broschüre|Einladung|"
    r"Programm|Inhalt|Impressum)\s*$",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(r"^\W*(?:Herausgeber(?:in)?|Hrsg\.)\W*$|^\W*Herausgeber(?:in)?\W*:", re.I)
# the next imprint entry ("Druck:", "**Gestaltung:**", "Redaktion:") ends the publisher's
_IMPRINT_LABEL = re.compile(r"^\W*[A-ZÄÖÜ][\w /-]{1,40}?:")
_TITLE_LINES = 12


def document_title(text: CleanText) -> tuple[str, str]:
    """(title, subtitle) from the first lines, skipping genre words like "Dokumentation"."""
    found: list[str] = []
    for line in text.lines[:40]:
        stripped = clean_name(line.replace("#", "").replace("*", ""))
        if not stripped or _GENRE.match(stripped) or re.fullmatch(r"[\W\d]+", stripped):
            continue
        if (
            re.match(
                r"^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                r"November|Dezember)\b",
                stripped,
            )
            or len(found) == 2
        ):
            break
        found.append(stripped)
        if len(found) == 1 and len(stripped) > 70:
            break
    if not found:
        return "", ""
    return found[0], (found[1] if len(found) > 1 and len(found[1]) <= 60 else "")


def _title_mentions(stream: TextStream, title: str, subtitle: str) -> list[Mention]:
    name = f"{title} – {subtitle}" if subtitle else title
    key = name_key(title)
    found = []
    for m in re.finditer(re.escape(title.split()[0]), stream.text):
        candidate = stream.text[m.start() : m.start() + len(title) + 4]
        if name_key(candidate).startswith(key):
            found.append(
                Mention(
                    "programme",
                    name,
                    title,
                    m.start(),
                    m.start() + len(title),
                    "Projekt",
                    origin="title",
                )
            )
    return found


_DEFINITION_GAP = 3  # characters between a name and "(ABK)"
_FIRST_PERSON_MIN = 3  # "wir" this often: the text speaks for its author
_MEDIA = "Medien"  # the organisation type of newspapers and broadcasters
_QUOTATION = re.compile(r"„[^“”]*[“”]|»[^«]*«|\"[^\"]*\"")


def _subject_name(text: CleanText, stream: TextStream, mentions: list[Mention]) -> str | None:
    """The reporting organisation: the publisher; else, in a text that speaks as "wir",
    the organisation its first line names (a website's or a report's masthead:
    "JAHRESBERICHT 2017 – CARITASVERBAND …", "Mosaik e. V. – Verein für …"); else the most
    often named organisation."""
    for i, line in enumerate(text.lines):
        if _PUBLISHER.match(line):
            start = stream.offset_of_line(i + 1)
            end = start + 300
            for j in range(i + 1, min(i + 15, len(text.lines))):
                if _IMPRINT_LABEL.match(text.lines[j]) and not _PUBLISHER.match(text.lines[j]):
                    end = min(end, stream.offset_of_line(j + 1))
                    break
            for m in mentions:
                if m.kind == "org" and start <= m.start < end:
                    return m.name
            break
    if masthead := _masthead_name(text, stream, mentions):
        return masthead
    # named most often (a name and its abbreviation right after it, "X (ABK)", count once;
    # with or without its legal form, one organisation); the first named wins a tie
    counts: dict[str, int] = {}
    ends: dict[str, int] = {}
    first: dict[str, str] = {}
    for m in mentions:
        if m.kind == "org":
            key = entity_key(m.name)
            defined = m.start - ends.get(key, -10) <= _DEFINITION_GAP
            counts[key] = counts.get(key, 0) + (0 if defined else 1)
            ends[key] = m.end
            first.setdefault(key, m.name)
    return first[max(counts, key=lambda k: counts[k])] if counts else None


def _masthead_name(text: CleanText, stream: TextStream, mentions: list[Mention]) -> str | None:
    """The organisation the first line names, if the text speaks as "wir" outside the
    quotations it prints (so the line is its author's masthead, not a newspaper's that
    quotes others speaking as "wir"; nor a broadcaster's that interviews them)."""
    first = next((i for i, line in enumerate(text.lines) if line), None)
    unquoted = _QUOTATION.sub(" ", stream.text)
    if first is None or len(FIRST_PERSON.findall(unquoted)) < _FIRST_PERSON_MIN:
        return None
    start, end = stream.offset_of_line(first + 1), stream.offset_of_line(first + 2)
    return next(
        (
            m.name
            for m in mentions
            if m.kind == "org" and start <= m.start < end and m.type != _MEDIA  # a broadcaster
        ),
        None,
    )


@dataclass(frozen=True)
class Analysis:
    """A document up to its resolved entities and the rules' links: what the link model
    reads, in training and in extraction alike."""

    source: SourceText
    text: CleanText
    blocks: tuple[Block, ...]
    stream: TextStream
    resolved: ResolvedDocument
    rule_links: tuple[Link, ...]
    title: str
    sentences: tuple[Sentence, ...]  # cut once: the rules' and the link model's sentences


def analyse_document(
    path: Path | str,
    reference: Reference | None = None,
    model: Path | None = None,
    heading_model: Path | None = None,
) -> Analysis:
    """Read, clean, split, find mentions (rules, then the mention model) and resolve."""
    ref = reference if reference is not None else load_reference()
    source = read_source(path)
    text = clean(source)
    blocks = split_sections(text, heading_model)
    stream = build_stream(text)
    mentions = find_mentions(stream, ref)
    compiled = load_model(model or MODEL_FILE)
    if compiled is not None:
        mentions = with_both_members(stream.text, model_mentions(stream, mentions, compiled))
    # a line in capitals run into a name is cut before the name defines its short form
    # ("WEITERE MASSNAHMEN" over "Theaterpädagogisches Zentrum … (TPZ)")
    mentions = without_capital_lines(stream.text, mentions)
    if compiled is not None:
        mentions = with_definitions(stream.text, mentions)
    mentions = genitive_units(stream.text, without_roles(stream.text, mentions))
    mentions = without_prefixes(stream.text, mentions)
    mentions = without_glued_words(stream.text, swallowed_parents(stream.text, mentions))
    mentions = without_town_after(stream.text, mentions)
    mentions = with_quoted_titles(stream.text, with_laws(stream.text, mentions))
    mentions = list_members(stream.text, with_shared_heads(stream.text, mentions))
    mentions = with_record_titles(stream.text, mentions)
    mentions = without_next_line(stream.text, without_town_before(stream.text, mentions))
    mentions = without_lower_tails(stream.text, mentions)
    mentions = without_blank_lines(stream.text, paragraph_breaks(text, stream), mentions)
    mentions = with_truncated_compounds(stream.text, in_nominative(stream.text, mentions))
    mentions = as_programmes(without_non_names(without_joined_names(stream.text, mentions)))
    title, subtitle = document_title(text)
    project_key = None
    has_list = any(m.origin == "list" for m in mentions)
    if not blocks and title and has_list:
        extra = _title_mentions(stream, title, subtitle)
        mentions = sorted(mentions + extra, key=lambda m: m.start)
        if extra:
            project_key = "programme:" + name_key(extra[0].name)
    subject = None if blocks else _subject_name(text, stream, mentions)
    resolved = resolve_document(stream, mentions, blocks, ref, subject)
    if not blocks:
        resolved = replace(resolved, turns=speaker_turns(stream, resolved))
    sentences = tuple(document_sentences(stream, blocks))
    set_aside = [(i + 1, line) for i, line in enumerate(text.lines) if text.noise[i]]
    rule_links = find_links(stream, resolved, blocks, ref, project_key, sentences, set_aside)
    return Analysis(source, text, blocks, stream, resolved, rule_links, title, sentences)


def extract_document(
    path: Path | str,
    reference: Reference | None = None,
    corrections: Corrections | None = None,
    model: Path | None = None,
    link_model: Path | None = None,
    heading_model: Path | None = None,
) -> DocumentExtraction:
    """Extract organisations, programmes, links and measures from one file.

    Mentions, sentence links and the names that open a brochure's reports are decided by
    the learnt models (``model``, ``link_model``, ``heading_model``; default: the
    committed ones) where they exist, with what the rules found as their evidence.
    """
    ref = reference if reference is not None else load_reference()
    a = analyse_document(path, ref, model, heading_model)
    links = a.rule_links
    link_tagger = load_tagger(link_model or LINK_MODEL)
    if link_tagger is not None:
        links = model_links(
            a.stream, a.resolved, a.blocks, a.rule_links, link_tagger, sentences=a.sentences
        )
    measures = find_measures(a.stream, a.blocks, a.resolved, ref)
    organisations, programmes = _one_kind_per_id(
        _one_record_per_id(_organisations(a.resolved)),
        _one_record_per_id(_programmes(a.resolved)),
    )
    listed = {o.id for o in organisations} | {p.id for p in programmes}
    # a link names only entities the extraction lists: a bare generic head that was only
    # a unit's parent ("der Arbeitskreis Integration der Bezirksregierung") is not listed
    links = tuple(k for k in links if k.source_id in listed and k.target_id in listed)
    source = a.source
    meta = document_meta(a.text)
    extraction = DocumentExtraction(
        doc=source.name,
        path=source.path,
        sha256=source.sha256,
        title=meta.title or a.title,
        publisher=meta.publisher,
        year=meta.year,
        blocks=_with_partner_ids(a.blocks, a.resolved),
        organisations=organisations,
        programmes=programmes,
        links=links,
        measures=measures,
        line_pages={i + 1: p for i, p in enumerate(source.pages) if p is not None},
        text_lines=source.lines,
    )
    if corrections is not None:
        extraction = apply_corrections(extraction, corrections)
    extraction = dated(extraction)  # after the corrections: a corrected year counts
    log.info(
        "%s: %d organisations, %d programmes, %d links",
        source.name,
        len(extraction.organisations),
        len(extraction.programmes),
        len(extraction.links),
    )
    return extraction


def _organisations(resolved: ResolvedDocument) -> tuple[Organisation, ...]:
    entities = resolved.entities
    out = []
    for entity in entities.values():
        if entity.kind != "org" or not entity.lines:
            continue
        parent_key = entity.parent_key if entity.parent_key in entities else None
        parent = entities[parent_key].canonical if parent_key else None
        aliases = set(entity.aliases)
        own = own_name(entity, entities)
        if parent and name_key(parent) not in name_key(own):
            # "Dezernat 46" of the Bezirksregierung Münster is also known by both names
            aliases.add(f"{own} {parent}")
        out.append(
            Organisation(
                id=entity_id(entity, entities),
                name=entity.canonical,
                type=entity.type,
                aliases=tuple(sorted(aliases)),
                parent_id=resolved.id_of(parent_key) if parent_key else None,
                mentions=tuple(sorted(entity.lines)),
            )
        )
    return tuple(sorted(out, key=lambda o: o.id))


def _with_partner_ids(blocks: tuple[Block, ...], resolved: ResolvedDocument) -> tuple[Block, ...]:
    """Each block with the id of the organisation its partner heading was resolved to, and
    the fullest name the partner's reports give it (:func:`fullest_name`): a partner that
    reports twice may name itself in full in one of them only."""
    spans: dict[str | None, list[tuple[int, int]]] = {}
    for b, key in zip(blocks, resolved.block_partners, strict=True):
        spans.setdefault(key, []).append((b.start, b.end))
    named: dict[str, list[str]] = {}
    for mention, key, line in resolved.mentions:
        if any(start <= line <= end for start, end in spans.get(key, [])):
            named.setdefault(key, []).append(mention.name)
    return tuple(
        replace(
            b,
            partner=fullest_name(b.partner, named.get(key, [])),
            partner_id=resolved.id_of(key),
        )
        if key is not None and key in resolved.entities
        else b
        for b, key in zip(blocks, resolved.block_partners, strict=True)
    )


def fullest_name(heading: str, names: Iterable[str]) -> str:
    """The longest of ``names`` (the partner's, as its report names it) that goes on from
    the heading's words, or that the heading is a short form of
    (:func:`~loaders.resolve.variants.fuller_name_of`): a heading set short ("FACHKLINIK
    SONNENHANG", "IHK Schwaben") stands for the partner the report names in full ("In der
    Fachklinik Sonnenhang Bad Berleburg …", "die Industrie- und Handelskammer Schwaben").
    Words are compared with the Land spelled out (:func:`spelled_out`); a report that
    names its partner shorter than the heading ("Unfallkasse NRW") keeps the heading.

    >>> fullest_name("Klinikum Nord", ["Klinikum Nord gGmbH", "Klinikum"])
    'Klinikum Nord gGmbH'
    >>> fullest_name("Klinik Süd", ["Klinikum Nord gGmbH", "Klinik Süd Die Klinik Süd"])
    'Klinik Süd'
    >>> fullest_name("IHK Schwaben", ["Industrie- und Handelskammer Schwaben"])
    'Industrie- und Handelskammer Schwaben'
    >>> fullest_name("Justizakademie NRW", ["Justizakademie des Landes Nordrhein-Westfalen"])
    'Justizakademie des Landes Nordrhein-Westfalen'
    >>> fullest_name("Justizakademie Nordrhein-Westfalen", ["Justizakademie NRW"])
    'Justizakademie Nordrhein-Westfalen'
    """
    words = spelled_out(heading).split()

    def goes_on(name: str) -> bool:
        own = spelled_out(name).split()
        tail = own[len(words) :]
        # not the heading run on into a sentence naming it again
        return own[: len(words)] == words and len(tail) <= FULLER_BY and words[0] not in tail

    return max((heading, *(n for n in names if goes_on(n) or fuller_name_of(heading, n))), key=len)


R = TypeVar("R", Organisation, Programme)


def _one_record_per_id(records: tuple[R, ...]) -> tuple[R, ...]:
    """Entities that came out with one id are one record (links name them by id): the
    name with the most mentions, the other names as aliases ("Kompetenzzentrum … im
    Sport" and "Kompetenzzentrum … im Sport des LSB NRW", a unit with and without its
    parent).

    >>> a = Programme("ikoe", "IKÖ", "Projekt", mentions=(1, 4))
    >>> _one_record_per_id((a, Programme("ikoe", "IKOE", "Projekt", mentions=(2,))))
    (Programme(id='ikoe', name='IKÖ', kind='Projekt', aliases=('IKOE',), mentions=(1, 2, 4)),)
    """
    by_id: dict[str, list[R]] = {}
    for r in records:
        by_id.setdefault(r.id, []).append(r)
    out = []
    for group in by_id.values():
        first = max(group, key=_mention_count)
        names = {n for member in group for n in _names(member)} - {first.name}
        mentions = sorted({m for member in group for m in member.mentions})
        out.append(replace(first, aliases=tuple(sorted(names)), mentions=tuple(mentions)))
    return tuple(out)


def _mention_count(record: Organisation | Programme) -> int:
    return len(record.mentions)


def _names(record: Organisation | Programme) -> tuple[str, ...]:
    return (record.name, *record.aliases)


def _one_kind_per_id(
    organisations: tuple[Organisation, ...], programmes: tuple[Programme, ...]
) -> tuple[tuple[Organisation, ...], tuple[Programme, ...]]:
    """A name read as an organisation in one place and as a programme in another ("Gender
    Netzwerk NRW") is one thing: the reading with more mentions wins (a tie: programme)."""
    by_id = {p.id: p for p in programmes}
    clash = {o.id for o in organisations if o.id in by_id}
    orgs_won = {
        o.id for o in organisations if o.id in clash and len(o.mentions) > len(by_id[o.id].mentions)
    }
    return (
        tuple(o for o in organisations if o.id not in clash or o.id in orgs_won),
        tuple(p for p in programmes if p.id not in orgs_won),
    )


def _programmes(resolved: ResolvedDocument) -> tuple[Programme, ...]:
    entities = resolved.entities
    out = [
        Programme(
            id=entity_id(e, entities),
            name=e.canonical,
            kind=e.type,
            aliases=tuple(sorted(e.aliases)),
            mentions=tuple(sorted(e.lines)),
        )
        for e in entities.values()
        if e.kind == "programme" and e.lines
    ]
    return tuple(sorted(out, key=lambda p: p.id))


def extract_paths(
    paths: Iterable[Path | str],
    on_error: Callable[[InputError], None] | None = None,
    reference: Reference | None = None,
    corrections: Corrections | None = None,
    progress: Callable[[str], None] | None = None,
    model: Path | None = None,
    link_model: Path | None = None,
    on_duplicate: Callable[[str, str], None] | None = None,
) -> list[DocumentExtraction]:
    """Extract every readable file under ``paths``, resolved across the documents.

    A path or file that cannot be read (or trips a bug) goes to ``on_error`` as an
    InputError naming it, and the others go on; ``progress`` hears each file's name when it
    is done. A file with the same content as one before it (the same report under another
    name) is extracted once: ``on_duplicate(path, first_doc)`` hears about the second.
    """
    ref = reference if reference is not None else load_reference()
    out = []
    seen: dict[str, str] = {}  # content hash -> document id
    for path in iter_source_files(paths, on_error):
        try:
            extraction = extract_document(path, ref, corrections, model, link_model)
            if extraction.sha256 in seen:
                if on_duplicate is not None:
                    on_duplicate(str(path), seen[extraction.sha256])
            else:
                seen[extraction.sha256] = extraction.doc
                out.append(extraction)
        except Exception as exc:  # a bug on one document must not stop the others
            error = (
                exc
                if isinstance(exc, InputError)
                else InputError(str(path), f"unerwarteter Fehler bei der Extraktion ({exc!r})")
            )
            if not isinstance(exc, InputError):
                log.exception("extraction failed on %s", path)
            if on_error is None:
                raise error from exc
            on_error(error)
        if progress:
            progress(Path(path).name)
    return list(resolve_across(out))


def to_contract(extraction: DocumentExtraction) -> dict[str, Any]:
    """The JSON object of the extraction contract (lists, ``page`` only for PDFs)."""
    pages = extraction.line_pages
    names = {p.id: p.name for p in extraction.programmes}
    names.update({o.id: o.name for o in extraction.organisations})

    def paged(item: dict[str, Any], line: int) -> dict[str, Any]:
        if pages and line in pages:
            item["page"] = pages[line]
        return item

    return {
        "doc": extraction.doc,
        "blocks": [
            {"partner": b.partner, "category": b.category, "start": b.start, "end": b.end}
            for b in extraction.blocks
        ],
        "organisations": [
            {
                "id": o.id,
                "name": o.name,
                "aliases": list(o.aliases),
                "type": o.type,
                "parent": names.get(o.parent_id) if o.parent_id else None,
                "mentions": list(o.mentions),
            }
            for o in extraction.organisations
        ],
        "programmes": [
            {
                "id": p.id,
                "name": p.name,
                "aliases": list(p.aliases),
                "kind": p.kind,
                "mentions": list(p.mentions),
            }
            for p in extraction.programmes
        ],
        "links": [
            paged(
                {
                    "source": names.get(k.source_id, k.source_id),
                    "target": names.get(k.target_id, k.target_id),
                    "type": k.type,
                    "line": k.line,
                    "evidence": k.evidence,
                },
                k.line,
            )
            for k in extraction.links
        ],
        "measures": [
            paged(
                {
                    "org": names.get(m.org_id, m.org_id),
                    "category": m.category,
                    "title": m.title,
                    "line": m.line,
                    "type": m.type,
                    "year": m.year,
                },
                m.line,
            )
            for m in extraction.measures
        ],
    }
