"""Typed links decided by a learnt classifier over the entity pairs of each sentence.

The link rules read a cue and guess who its subject and object are; each new wording
needs a new rule. Here every pair of entities named in one sentence (and the block's
partner, the implicit subject of its report, with each of them; an organisation named shortly
before and called by its head noun, "die Stadt", "der Verband"; and the programme the passage
is about, named in an earlier sentence or the text's own, with each of them) is a *candidate*,
described by the words between and around the two names, the cues of
``reference/link_cues.yaml``, where they stand and for which kind of pair, the entities'
kinds and types, how often the text names the two together, and the rules' own verdict; a
maximum-entropy classifier (CRFsuite on one-item sequences) trained on the references
decides the link type and direction, or none. Measured leave one fold out, the classifier
alone found fewer true links than the rules, and added to them a few more (BENCHMARKS.md); so
it *adds* the links it is confident of (``LINK_THRESHOLD``) to the rules' links, which stay as
found (``KEEP_RULE_LINKS``) unless the classifier read the same pair in the same sentence as
another link: the rules guess a cue's subject and object, the classifier reads the clause
("sind wir der Allianz X beigetreten, einem Netzwerk, das die Stadt koordiniert": the
partner takes part in X, which the rule of "koordiniert" had made X's organiser). A pair
of the passage's programme and a name of a later sentence is read from no clause: the
classifier's link of it replaces none of the rules' (a table row's "Förderung: Aktion
Mensch" funds the project named on the line above).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pycrfsuite

from loaders.clean.textstream import Sentence, TextStream, quote
from loaders.learn.features import Features
from loaders.links.context import block_of, document_programme
from loaders.links.sentences import PROGRAMME_ANAPHOR, cue_patterns, document_sentences
from loaders.models import Block, Link
from loaders.reference import Reference, load_organisation_words, load_reference
from loaders.resolve.entities import Entity, ResolvedDocument, entity_id

__all__ = [
    "LINK_MODEL",
    "NONE",
    "Candidate",
    "candidates",
    "link_label",
    "label_link",
    "model_links",
]

LINK_MODEL = Path(__file__).with_name("links.crfsuite")
NONE = "NONE"
KEEP_RULE_LINKS = True  # the classifier adds links to the rules' (see BENCHMARKS.md)
LINK_THRESHOLD = 0.35  # see _decide; chosen on the dev references held out in ten groups
# (BENCHMARKS.md, session 35: 0.3-0.45 score alike, 0.35 best; 0.5 found 5 % fewer true links)
_MAX_MENTIONS = 40  # a longer "sentence" is a list: only neighbours are paired
_PAIR_REACH = 6  # mentions apart
_TOPIC_REACH = 6  # sentences after its last mention a programme is still the topic
_WORD = re.compile(r"[\wÄÖÜäöüß]+")
# a sentence or text that speaks for its author
FIRST_PERSON = re.compile(r"\b(?:[Ww]ir|uns|[Uu]nser\w*)\b")
_NEAR = 40  # characters on either side of a name that are "right before/after" it
_ITEM = re.compile(r"^\s*[•·▪*–-]")
_COORDINATION = re.compile(r"^[\s,;/&]*(?:und|sowie|oder|,)?[\s,;/&]*$")
_ANAPHOR = re.compile(
    r"\b(?:[Dd](?:er|ie|as|em|en|es)|[Uu]nser(?:e|er|em|en|es)?|[Dd]ies(?:e|er|em|en|es))"
    r"\s+([A-ZÄÖÜ][\wäöüß]+)(?![\w-]|\s+(?:[A-ZÄÖÜ(]|der\b|des\b|für\b|zu\b|in\b|am\b))"
)
_OWN_WORDS = re.compile(r"(?:[A-ZÄÖÜ0-9][^\s]*\s*)+")  # the capitalised words a name opens with
_ANAPHOR_REACH = 8  # sentences back an organisation named may be referred to by its head


@dataclass(frozen=True)
class Candidate:
    """Two entities of one sentence; ``first`` is the one named first (or the implicit
    subject); ``topic`` for a programme an earlier sentence named and an entity of this one,
    a pair no clause of the sentence states."""

    first: str
    second: str
    sentence: Sentence
    line: int
    last_line: int
    features: Features
    topic: bool = False


def link_label(link_type: str, source_is_first: bool) -> str:
    """The class of a link seen from a candidate's order ("PART_OF>" = first is the unit)."""
    if link_type == "COOPERATES_WITH":
        return link_type
    return link_type + (">" if source_is_first else "<")


def label_link(label: str, first: str, second: str) -> tuple[str, str, str] | None:
    """(source, target, type) of a class for a candidate, None for no link.

    >>> label_link("ORGANISED_BY<", "org:a", "programme:b")
    ('programme:b', 'org:a', 'ORGANISED_BY')
    """
    if label == NONE:
        return None
    if label == "COOPERATES_WITH":
        return first, second, label
    link_type, direction = label[:-1], label[-1]
    return (first, second, link_type) if direction == ">" else (second, first, link_type)


def _words(text: str, last: int | None = None, first: int | None = None) -> list[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if last is not None:
        return words[-last:]
    if first is not None:
        return words[:first]
    return words


def _entity_features(prefix: str, entity: Entity, profile: Features) -> Features:
    f: Features = {f"{prefix}.kind": entity.kind, f"{prefix}.type": entity.type}
    f.update((f"{prefix}.{name}", value) for name, value in profile.items())
    return f


def entity_profiles(resolved: ResolvedDocument) -> dict[str, Features]:
    """How much each entity looks like a real name, whatever the sentence says: how often
    the document names it, how its mentions were found (a listed reference name, a legal
    form, a naming pattern, the mention model alone) and how long its name is. A name the
    model found once in a long run of capitals is more often a fragment than a partner, and
    a link to a fragment is a wrong link however well the sentence states it.

    >>> from loaders.mentions.model import Mention
    >>> m = Mention("org", "Caritas", "Caritas", 0, 7, "Verband", origin="model")
    >>> e = Entity("org:caritas", "org", "Verband", canonical="Caritas")
    >>> entity_profiles(ResolvedDocument({e.key: e}, ((m, e.key, 1),), (), None))[e.key]
    {'n': '1', 'words': '1', 'o:model': 1.0}
    """
    counts: dict[str, int] = {}
    origins: dict[str, set[str]] = {}
    for mention, key, _ in resolved.mentions:
        counts[key] = counts.get(key, 0) + 1
        origins.setdefault(key, set()).add(mention.origin)
    out: dict[str, Features] = {}
    for key, entity in resolved.entities.items():
        n, words = counts.get(key, 0), len(entity.canonical.split())
        f: Features = {
            "n": str(min(n, 3)),
            "words": "1" if words <= 1 else "2" if words <= 3 else "4",
        }
        if entity.ref_id is not None:
            f["known"] = 1.0
        f.update((f"o:{origin}", 1.0) for origin in sorted(origins.get(key, ())))
        out[key] = f
    return out


def _pair_features(
    text: str,
    a: tuple[int, int] | None,
    b: tuple[int, int],
    first: Entity,
    second: Entity,
    between_mentions: int,
    cues: dict[str, re.Pattern[str]],
    rule: str | None,
    profiles: dict[str, Features],
) -> Features:
    f: Features = {"bias": 1.0}
    f.update(_entity_features("a", first, profiles[first.key]))
    f.update(_entity_features("b", second, profiles[second.key]))
    kinds = f["kinds"] = f"{first.kind}>{second.kind}"
    f["types"] = f"{first.type}>{second.type}"
    # the words leading up to the name of an implicit pair's only entity are not words
    # between two names: "Gemeinsam mit dem X" states a link of the partner, "Y und X" not;
    # and a cue means one thing between two organisations, another between an organisation
    # and a programme, another again for the block's partner: each cue also with its pair
    if a is None:
        f["implicit"] = 1.0
        before, between, after = "", text[: b[0]], text[b[1] :]
        btw, last, pair = "lead", "prevl", "implicit"
    else:
        before, between, after = text[: a[0]], text[a[1] : b[0]], text[b[1] :]
        btw, last, pair = "btw", "prevb", kinds
        for w in _words(before, last=3):
            f[f"bef:{w}"] = 1.0
        if a[0] < 25:
            f["a.opens"] = 1.0
        dist = len(between)
        f["dist"] = "0" if dist < 8 else "1" if dist < 30 else "2" if dist < 90 else "3"
        if _COORDINATION.match(between):
            f["coord"] = 1.0
        if between.strip() in {"der", "des"}:
            f["genitive"] = 1.0
        if between.rstrip().endswith("("):
            f["paren"] = 1.0
    words_between = _words(between)
    for w in words_between[:6] + words_between[-6:]:
        f[f"{btw}:{w}"] = 1.0
    if words_between:
        f[f"{last}:{words_between[-1]}"] = 1.0
    for w in _words(after, first=4):
        f[f"aft:{w}"] = 1.0
    f["nbetween"] = str(min(between_mentions, 3))
    if FIRST_PERSON.search(text):  # "kooperieren wir mit dem X": the sentence speaks for its author
        f[f"we|{pair}"] = 1.0
    # a cue right before or after the second name states its link more surely than one
    # anywhere in the words leading up to it ("… und seit 2019 gemeinsam mit dem X")
    near, next_ = text[max(0, b[0] - _NEAR) : b[0]], text[b[1] : b[1] + _NEAR]
    for link_type, pattern in cues.items():
        for where, part in (("near", near), ("next", next_)):
            if pattern.search(part):
                f[f"cue:{link_type}:{where}|{pair}"] = 1.0
        for where, part in (("bef", before), ("btw", between), ("aft", after)):
            if part and pattern.search(part):
                f[f"cue:{link_type}:{where}"] = 1.0
                f[f"cue:{link_type}:{where}|{pair}"] = 1.0
    if "?" in text:
        f["question"] = 1.0
    if first.parent_key == second.key:
        f["unit_of>"] = 1.0
    if second.parent_key == first.key:
        f["unit_of<"] = 1.0
    if rule:
        f[f"rule={rule}"] = 1.0
    return f


def _topic_features(
    text: str,
    b: tuple[int, int],
    topic: Entity,
    second: Entity,
    source: str,
    since: int,
    mentions: int,
    cues: dict[str, re.Pattern[str]],
    profile: Features,
) -> Features:
    """Features of an entity and the programme a passage is about, named in an earlier
    sentence (``source`` "last") or the document's own (``source`` "doc"); a phrase that
    points back to it ("dieses Projekt") is the rules' own cue. They carry
    their own prefix: the words that tie a sentence to its topic are not the words
    between two names."""
    f: Features = {"t:bias": 1.0, f"t:src:{source}": 1.0}
    f["t:a.type"] = topic.type
    f["t:b.kind"] = second.kind
    f["t:b.type"] = second.type
    f.update((f"t:b.{name}", value) for name, value in profile.items())
    f["t:since"] = "0" if since <= 1 else "1" if since <= 3 else "2"
    f["t:mentions"] = str(min(mentions, 3))
    before, after = text[: b[0]], text[b[1] :]
    for w in _words(before, last=3):
        f[f"t:bef:{w}"] = 1.0
    for w in _words(after, first=3):
        f[f"t:aft:{w}"] = 1.0
    for w in _words(text, first=3):
        f[f"t:open:{w}"] = 1.0
    if b[0] < 25:
        f["t:b.opens"] = 1.0
    if PROGRAMME_ANAPHOR.search(text):
        f["t:back"] = 1.0
    if _ITEM.match(text):
        f["t:item"] = 1.0
    for link_type, pattern in cues.items():
        if pattern.search(text):
            f[f"t:cue:{link_type}"] = 1.0
    return f


def _heads(entities: dict[str, Entity]) -> dict[str, frozenset[str]]:
    """The head words of each organisation's name (words ending in a listed head noun):
    what a definite phrase ("die Stadt", "der Verband") may call it by."""
    endings = load_organisation_words()
    out: dict[str, frozenset[str]] = {}
    for key, e in entities.items():
        if e.kind != "org":
            continue
        own = _OWN_WORDS.match(e.canonical)  # not the parent's: "Rat der Stadt X"
        words = {w.casefold() for w in _WORD.findall(own.group() if own else "")}
        heads = frozenset(w for w in words if len(w) >= 4 and w.endswith(endings))
        if heads:
            out[key] = heads
    return out


def _anaphors(
    text: str,
    taken: list[tuple[int, int]],
    recent: Sequence[str | None],
    heads: dict[str, frozenset[str]],
) -> list[tuple[str, int, int]]:
    """(entity key, start, end) of each definite phrase of a sentence whose noun is the head
    of an organisation named shortly before ("die Stadt" after "Stadt Wuppertal"), the most
    recent one first; a phrase inside a found name is none."""
    endings = load_organisation_words()
    out: list[tuple[str, int, int]] = []
    for m in _ANAPHOR.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        word = m.group(1).casefold()
        forms = {f for f in (word, word.removesuffix("s"), word.removesuffix("es")) if len(f) >= 4}
        if not any(f.endswith(endings) for f in forms):  # "des Vereins", "des Landkreises"
            continue
        for key in recent:
            if key is not None and any(h.endswith(f) for h in heads.get(key, ()) for f in forms):
                out.append((key, m.start(1), m.end(1)))
                break
    return out


def _keys_by_id(entities: dict[str, Entity]) -> dict[str, str]:
    """Entity key of every id a link may carry."""
    return {entity_id(e, entities): k for k, e in entities.items()}


def _rule_labels(
    rule_links: Sequence[Link], entities: dict[str, Entity]
) -> dict[tuple[str, str], str]:
    """The rules' verdict per ordered key pair, as a class seen from that order."""
    key_of = _keys_by_id(entities)
    out: dict[tuple[str, str], str] = {}
    for link in rule_links:
        s, t = key_of.get(link.source_id), key_of.get(link.target_id)
        if s is None or t is None:
            continue
        out[(s, t)] = link_label(link.type, True)
        out[(t, s)] = link_label(link.type, False)
    return out


def candidates(
    stream: TextStream,
    resolved: ResolvedDocument,
    blocks: tuple[Block, ...],
    rule_links: Sequence[Link],
    reference: Reference | None = None,
    sentences: Sequence[Sentence] | None = None,
) -> list[Candidate]:
    """Every entity pair of every sentence, with its features (``sentences``: the
    document's, when the caller has them already; see :func:`document_sentences`)."""
    cues = cue_patterns(reference if reference is not None else load_reference())
    entities = resolved.entities
    rules = _rule_labels(rule_links, entities)
    profiles = entity_profiles(resolved)
    starts = [m.start for m, _, _ in resolved.mentions]
    block_starts = [b.start for b in blocks]
    out: list[Candidate] = []
    if sentences is None:
        sentences = document_sentences(stream, blocks)
    own_programme = document_programme(resolved) if not blocks else None
    topic: tuple[str, int] | None = None  # last programme named, sentence index
    topic_block = -1
    heads = _heads(entities)
    recent: list[tuple[int, str, int]] = []  # (sentence index, key, block) of orgs named
    together: Counter[frozenset[str]] = Counter()  # sentences naming both of a pair
    for index, sentence in enumerate(sentences):
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        seen: dict[str, tuple[int, int, int]] = {}  # key -> (start, end, line) of 1st mention
        for m, key, line in resolved.mentions[lo:hi]:
            if key in entities and key not in seen:
                seen[key] = (m.start - sentence.start, m.end - sentence.start, line)
        here = block_of(blocks, block_starts, stream.line_at(sentence.start))
        recent = [(i, k, b) for i, k, b in recent if index - i <= _ANAPHOR_REACH]
        back: list[str | None] = [k for _, k, b in reversed(recent) if b == here]
        speaker = resolved.subject_at(sentence.start)  # the subject outside the blocks
        back.append(resolved.block_partners[here] if here >= 0 else speaker)
        taken = [(start, end) for start, end, _ in seen.values()]
        anaphoric: set[str] = set()
        for key, start, end in _anaphors(sentence.text, taken, back, heads):
            if key not in seen:
                seen[key] = (start, end, stream.line_at(sentence.start + start))
                anaphoric.add(key)
        recent.extend((index, k, here) for k in seen if k in heads and k not in anaphoric)
        if not seen:
            continue
        order = sorted(seen, key=lambda k: seen[k][0])
        first_line = seen[order[0]][2]
        last_line = max(v[2] for v in seen.values())
        at = block_of(blocks, block_starts, first_line)
        default = resolved.block_partners[at] if at >= 0 else speaker
        reach = 1 if len(order) > _MAX_MENTIONS else _PAIR_REACH
        pairs: list[tuple[str | None, str, int]] = [
            (order[i], order[j], j - i - 1)
            for i in range(len(order))
            for j in range(i + 1, min(len(order), i + 1 + reach))
        ]
        if default is not None and default in entities and default not in seen:
            pairs.extend((None, k, 0) for k in order[:_MAX_MENTIONS])
        if at != topic_block:
            topic, topic_block = None, at
        topics: dict[str, tuple[str, int]] = {}
        if topic is not None and index - topic[1] <= _TOPIC_REACH:
            topics[topic[0]] = ("last", index - topic[1])
        if own_programme is not None:
            named = topics.get(own_programme)
            topics[own_programme] = ("both", named[1]) if named else ("doc", _TOPIC_REACH + 1)
        for topic_key, (source, since) in topics.items():
            if topic_key in seen:
                continue
            for k in order[:_MAX_MENTIONS]:
                b = seen[k]
                features = _topic_features(
                    sentence.text,
                    b[:2],
                    entities[topic_key],
                    entities[k],
                    source,
                    since,
                    len(order),
                    cues,
                    profiles[k],
                )
                out.append(Candidate(topic_key, k, sentence, b[2], last_line, features, topic=True))
        programmes = [
            k for k in order if entities[k].kind == "programme" and entities[k].type != "Gesetz"
        ]
        if programmes:
            topic = (programmes[-1], index)
        for a_key, b_key, between in pairs:
            first = default if a_key is None else a_key
            assert first is not None
            b = seen[b_key]
            a = None if a_key is None else seen[a_key][:2]
            features = _pair_features(
                sentence.text,
                a,
                b[:2],
                entities[first],
                entities[b_key],
                between,
                cues,
                rules.get((first, b_key)),
                profiles,
            )
            if a_key in anaphoric:
                features["a.anaphor"] = 1.0
            if b_key in anaphoric:
                features["b.anaphor"] = 1.0
            if first == default:
                features["a.partner"] = 1.0
            out.append(Candidate(first, b_key, sentence, b[2], last_line, features))
        together.update(frozenset(p) for p in combinations(sorted(seen), 2))
    for c in out:  # how often the text names the two together: a pair it keeps naming is a pair
        n = together[frozenset((c.first, c.second))]
        c.features["together"] = "0" if n <= 1 else "1" if n <= 3 else "2"
    return out


def _decide(tagger: pycrfsuite.Tagger, features: Features) -> str:
    """The most likely link class if it is likely enough, else NONE.

    Most candidate pairs are not linked, so the classifier's prior leans to NONE; a link
    class is taken when its probability reaches ``LINK_THRESHOLD`` even if NONE is likelier.
    """
    tagger.set([features])
    labels = [y for y in tagger.labels() if y != NONE]
    if not labels:
        return NONE
    best = max(labels, key=lambda y: tagger.marginal(y, 0))
    return best if tagger.marginal(best, 0) >= LINK_THRESHOLD else NONE


def _link_key(source: str, target: str, link_type: str) -> tuple[str, str, str]:
    """A link as one (source, target, type): a cooperation has no direction, so its two
    ends are in sorted order."""
    if link_type == "COOPERATES_WITH":
        source, target = sorted((source, target))
    return source, target, link_type


def model_links(
    stream: TextStream,
    resolved: ResolvedDocument,
    blocks: tuple[Block, ...],
    rule_links: Sequence[Link],
    tagger: pycrfsuite.Tagger,
    reference: Reference | None = None,
    keep_rules: bool | None = None,
    sentences: Sequence[Sentence] | None = None,
) -> tuple[Link, ...]:
    """The rules' links and the classifier's confident links (with ``keep_rules`` off: the
    classifier decides every candidate pair, the rules only pairs that are no candidate; a
    rule's link of a pair the classifier links otherwise in the same sentence is dropped),
    one per (source, type, target) and line as :func:`loaders.links.sentences.find_links`;
    ``sentences`` as for :func:`candidates`."""
    entities = resolved.entities
    keep_rules = KEEP_RULE_LINKS if keep_rules is None else keep_rules
    found: dict[tuple[str, str, str, int], Link] = {}
    pairs: set[frozenset[str]] = set()
    # the classifier's links of a pair on each line of the sentences where it decided one
    decided_on: dict[tuple[frozenset[str], int], list[tuple[str, str, str]]] = {}

    def add(source: str, target: str, link_type: str, line: int, evidence: str) -> None:
        s, t, _ = _link_key(resolved.id_of(source), resolved.id_of(target), link_type)
        if s == t:
            return
        key = (s, link_type, t, line)
        if key not in found:
            found[key] = Link(s, t, link_type, line, evidence)

    for c in candidates(stream, resolved, blocks, rule_links, reference, sentences):
        pairs.add(frozenset((c.first, c.second)))
        decided = label_link(_decide(tagger, c.features), c.first, c.second)
        if decided is not None:
            add(decided[0], decided[1], decided[2], c.line, quote(c.sentence.text))
            if c.topic:
                continue  # read from no clause: no reason to doubt a rule's link of the pair
            for line in range(c.line, c.last_line + 1):
                pair = (frozenset((c.first, c.second)), line)
                decided_on.setdefault(pair, []).append(_link_key(*decided))
    key_of = _keys_by_id(entities)
    for link in rule_links:
        s, t = key_of.get(link.source_id), key_of.get(link.target_id)
        if s is None or t is None:
            continue
        read = decided_on.get((frozenset((s, t)), link.line), [])
        if read and _link_key(s, t, link.type) not in read:
            continue  # the classifier reads this pair in this sentence as another link
        if keep_rules or frozenset((s, t)) not in pairs:
            add(s, t, link.type, link.line, link.evidence)
    return tuple(sorted(found.values(), key=lambda k: (k.line, k.type, k.target_id)))
