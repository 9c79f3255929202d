"""The one generator of every benchmark: partner reports of any size, seeded.

Why: a benchmark must load its graph the way users do (``vielfalt load``: extraction ->
:func:`loaders.load.batch.to_batch` -> :mod:`loaders.load.writer`), so this module produces what
extraction produces, :class:`loaders.models.DocumentExtraction` records, and the report
texts they could have come from (for extraction benchmarks).

The network: realistic German organisations (Stadt, Jobcenter, Polizeipräsidium,
Caritasverband, IHK, Vereine, Unternehmen, ...) and programmes (the reference programmes
and regional projects), in clusters around one programme per 500 organisations with hubs
(out-of-cluster partners chosen with weight ``1 / (rank + 1) ** 0.8``). Each report is one
organisation's: ``links_per_doc`` typed links, each with its evidence sentence as a line
of the report, the organisations it names and one measure per partner section. Every link
(source, type, target) occurs once, so ``links`` is the number of relationships written.

    >>> spec = Spec(links=1000, seed=1)
    >>> docs = list(extractions(spec))
    >>> sum(len(d.links) for d in docs), len(docs)
    (1000, 10)
    >>> docs[0].links[0].evidence == docs[0].text_lines[docs[0].links[0].line - 1]
    True
"""

from __future__ import annotations

import hashlib
import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from loaders.load.batch import GraphBatch, to_batch
from loaders.models import DocumentExtraction, Link, Measure, Organisation, Programme
from loaders.names import slugify

__all__ = ["Spec", "Network", "extractions", "batches", "report_text"]

CITIES = (
    "Aachen Ahlen Arnsberg Bergheim Bergisch-Gladbach Bielefeld Bocholt Bochum Bonn Bottrop "
    "Brühl Castrop-Rauxel Detmold Dinslaken Dormagen Dorsten Dortmund Duisburg Düren "
    "Düsseldorf Essen Euskirchen Gelsenkirchen Gladbeck Grevenbroich Gütersloh Hagen Hamm "
    "Herford Herne Herten Hilden Iserlohn Kerpen Kleve Köln Krefeld Lippstadt Lünen Marl "
    "Meerbusch Minden Moers Mönchengladbach Mülheim-an-der-Ruhr Münster Neuss Oberhausen "
    "Paderborn Ratingen Recklinghausen Remscheid Rheine Siegen Solingen Troisdorf Unna Velbert "
    "Viersen Wesel Witten Wuppertal Berlin Hamburg München Frankfurt Stuttgart Leipzig Dresden "
    "Hannover Nürnberg Bremen Kiel Mainz Erfurt Potsdam Magdeburg Schwerin Saarbrücken"
).split()
DISTRICTS = "Mitte Nord Süd Ost West Altstadt Innenstadt Neustadt Hafen Feld Heide Berg".split()
SURNAMES = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter "
    "Klein Wolf Schröder Neumann Schwarz Braun Zimmermann Krüger Hartmann Lange Werner Krause "
    "Yılmaz Kaya Demir Şahin Nowak Kowalski Popescu Haddad Rahimi Okafor Nguyen Petrović"
).split()
BRANCHES = "Logistik Bau Pflegedienst Reinigung Metallbau Software Gastronomie Handel".split()
VEREIN_WORDS = (
    "Brücke Begegnung Miteinander Zukunft Vielfalt Nachbarschaft Dialog Perspektive Horizont "
    "Kompass Anker Mosaik Regenbogen Heimat Aufbruch Chance"
).split()
VEREIN_KINDS = (
    "Integrationsverein",
    "Kulturverein",
    "Elternverein",
    "Bildungswerk",
    "Migrantenselbstorganisation",
    "Frauentreff",
    "Jugendwerk",
    "Sportverein",
)
PROGRAMMES = (
    ("Integration durch Qualifizierung (IQ)", "Foerderprogramm"),
    ("Charta der Vielfalt", "Charta"),
    ("VielfaltPlus", "Projekt"),
    ("Landesinitiative Erfolgsfaktor Interkulturelle Öffnung – NRW stärkt Vielfalt!", "Initiative"),
    ("Kommunales Integrationsmanagement", "Foerderprogramm"),
    ("Deutscher Diversity-Tag", "Veranstaltungsreihe"),
)
MEASURES = (
    "Fortbildung Interkulturelle Kompetenz",
    "Mentoringprogramm für Auszubildende",
    "Sprachkurs Deutsch im Beruf",
    "Ausbildungsmesse Vielfalt",
    "Anonymisiertes Bewerbungsverfahren",
    "Mehrsprachige Beratung",
    "Netzwerktreffen der Integrationsbeauftragten",
    "Leitbild Vielfalt",
)


def _single_names() -> Iterator[tuple[str, str]]:
    for city in CITIES:
        c = city.replace("-", " ") if "an-der" in city else city
        yield f"Stadt {c}", "Kommune"
        yield f"Jobcenter {c}", "Jobcenter"
        yield f"Polizeipräsidium {c}", "Polizei"
        yield f"Caritasverband für die Stadt {c} e.V.", "Wohlfahrtsverband"
        yield f"Diakonisches Werk {c}", "Wohlfahrtsverband"
        yield f"AWO Kreisverband {c} e.V.", "Wohlfahrtsverband"
        yield f"DRK-Kreisverband {c} e.V.", "Wohlfahrtsverband"
        yield f"Industrie- und Handelskammer {c}", "Kammer"
        yield f"Handwerkskammer {c}", "Kammer"
        yield f"Hochschule {c}", "Hochschule"
        yield f"Agentur für Arbeit {c}", "Bundesbehoerde"
        yield f"DGB-Stadtverband {c}", "Gewerkschaft"
    for c in ("Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster"):
        yield f"Bezirksregierung {c}", "Bezirksregierung"


def _many_names(rng: random.Random) -> Iterator[tuple[str, str]]:
    """Names of Vereine, Unternehmen, Schulen, Stiftungen, Medien: endless, never repeated."""
    seen: set[str] = set()
    while True:
        c = rng.choice(CITIES).replace("-", " ")
        d = rng.choice(DISTRICTS)
        kind = rng.random()
        if kind < 0.45:
            name = f"{rng.choice(VEREIN_KINDS)} {rng.choice(VEREIN_WORDS)} {c}-{d} e.V."
            type_ = "Verein"
        elif kind < 0.75:
            name = f"{rng.choice(SURNAMES)} {rng.choice(BRANCHES)} GmbH {c}"
            type_ = "Unternehmen"
        elif kind < 0.9:
            name = f"{rng.choice(SURNAMES)}-Gesamtschule {c}-{d}"
            type_ = "Schule"
        elif kind < 0.97:
            name = f"{rng.choice(SURNAMES)}-Stiftung {c}"
            type_ = "Stiftung"
        else:
            name = f"Radio {c} {d}"
            type_ = "Medien"
        n = 2
        base = name
        while name in seen:  # a second branch of the same name: "..., Standort 2"
            name, n = f"{base}, Standort {n}", n + 1
        seen.add(name)
        yield name, type_


@dataclass(frozen=True)
class Spec:
    """What to generate: ``links`` typed links in reports of ``links_per_doc`` each, with
    one organisation per ``links_per_org`` links and one programme per 500 organisations."""

    links: int
    seed: int = 0
    links_per_doc: int = 100
    links_per_org: int = 10
    doc_prefix: str = "bericht"

    @property
    def organisations(self) -> int:
        return max(20, self.links // self.links_per_org)

    @property
    def programmes(self) -> int:
        return max(len(PROGRAMMES), self.organisations // 500)


class Network:
    """The seeded entities and link keys of a :class:`Spec` (no texts yet)."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        rng = random.Random(spec.seed)
        named = list(_single_names())
        rng.shuffle(named)
        many = _many_names(rng)
        pairs = named[: spec.organisations] + [
            next(many) for _ in range(spec.organisations - len(named))
        ]
        self.orgs = [Organisation(slugify(n), n, t) for n, t in pairs]
        progs = list(PROGRAMMES) + [
            (f"Projekt {rng.choice(VEREIN_WORDS)} {rng.choice(CITIES)} {i + 1}", "Projekt")
            for i in range(spec.programmes - len(PROGRAMMES))
        ]
        self.programmes = [Programme(slugify(n), n, k) for n, k in progs]
        self._rng = rng

    @cached_property
    def links(self) -> list[tuple[int, str, int, bool]]:
        """(source org, type, target org or programme, target is a programme), distinct."""
        rng, n, n_progs = self._rng, len(self.orgs), len(self.programmes)
        cum = list(accumulate(1.0 / (o + 1) ** 0.8 for o in range(n)))
        per_cluster = max(n // n_progs, 1)
        seen: set[tuple[int, str, int, bool]] = set()
        out: list[tuple[int, str, int, bool]] = []
        while len(out) < self.spec.links:
            o = rng.randrange(n)
            cluster = o % n_progs
            r = rng.random()
            if r < 0.08:
                key = (o, rng.choice(("PARTICIPATES_IN", "SIGNED", "FUNDED_BY")), cluster, True)
            elif r < 0.1:
                key = (o, "PART_OF", bisect(cum, rng.random() * cum[-1]), False)
            else:
                if rng.random() < 0.8:
                    other = min(cluster + n_progs * rng.randrange(per_cluster), n - 1)
                else:
                    other = bisect(cum, rng.random() * cum[-1])
                key = (min(o, other), "COOPERATES_WITH", max(o, other), False)
            if key[0] != key[2] or key[3]:
                if key not in seen:
                    seen.add(key)
                    out.append(key)
        return out


_SENTENCES = {
    "COOPERATES_WITH": "Gemeinsam mit {b} hat {a} {y} das Angebot „{m}“ durchgeführt.",
    "PARTICIPATES_IN": "{a} beteiligt sich seit {y} am Programm {b}.",
    "SIGNED": "{a} hat im Jahr {y} die {b} unterzeichnet.",
    "FUNDED_BY": "{a} wird seit {y} im Rahmen von {b} gefördert.",
    "PART_OF": "{a} ist seit {y} Mitglied im {b}.",
}


def _document(net: Network, d: int, keys: list[tuple[int, str, int, bool]]) -> DocumentExtraction:
    spec = net.spec
    rng = random.Random(spec.seed * 1_000_003 + d)
    reporter = net.orgs[keys[0][0]]
    lines = [f"Bericht {2020 + d % 5}: {reporter.name}", "", "Maßnahmen und Partner", ""]
    links, measures = [], []
    org_lines: dict[int, list[int]] = {}
    prog_lines: dict[int, list[int]] = {}
    for k, (s, type_, t, to_prog) in enumerate(keys):
        a = net.orgs[s]
        b = net.programmes[t] if to_prog else net.orgs[t]
        year = 2015 + rng.randrange(10)
        sentence = _SENTENCES[type_].format(
            a=a.name, b=b.name, y=year, m=MEASURES[(d + k) % len(MEASURES)]
        )
        lines.append(sentence)
        line = len(lines)
        org_lines.setdefault(s, []).append(line)
        (prog_lines if to_prog else org_lines).setdefault(t, []).append(line)
        links.append(Link(a.id, b.id, type_, line, sentence))
        if k % 10 == 0:
            measures.append(
                Measure(a.id, 1 + (d + k) % 6, MEASURES[k % len(MEASURES)], line, None, year)
            )
    text = "\n".join(lines)
    return DocumentExtraction(
        doc=f"{spec.doc_prefix}-{spec.seed}-{d:06d}.txt",
        path=f"synthetic/{spec.doc_prefix}-{spec.seed}-{d:06d}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        title=lines[0],
        organisations=tuple(
            Organisation(o.id, o.name, o.type, mentions=tuple(org_lines[i]))
            for i in sorted(org_lines)
            for o in (net.orgs[i],)
        ),
        programmes=tuple(
            Programme(p.id, p.name, p.kind, mentions=tuple(prog_lines[i]))
            for i in sorted(prog_lines)
            for p in (net.programmes[i],)
        ),
        links=tuple(links),
        measures=tuple(measures),
        text_lines=tuple(lines),
    )


def extractions(spec: Spec) -> Iterator[DocumentExtraction]:
    """The reports of ``spec`` as extraction results (generated lazily, one per report).

    Links are grouped by their first organisation, so a report reads like one partner's.
    """
    net = Network(spec)
    keys = sorted(net.links, key=lambda k: (k[0], k[1], k[2]))
    for d, start in enumerate(range(0, len(keys), spec.links_per_doc)):
        yield _document(net, d, keys[start : start + spec.links_per_doc])


def batches(spec: Spec) -> Iterator[GraphBatch]:
    """The writer's rows of every report (``to_batch`` of :func:`extractions`)."""
    return (to_batch(x) for x in extractions(spec))


def report_text(x: DocumentExtraction) -> str:
    """A report's text as a brochure would put it: title, publisher, partner sections.

    Input for extraction benchmarks: what :func:`extractions` says a report contains,
    written out as prose with headings and a Herausgeber line.
    """
    out = [x.title, "", "Herausgeber:", x.organisations[0].name if x.organisations else "", ""]
    for i, line in enumerate(x.text_lines[4:]):
        if i % 10 == 0:
            out += ["", f"Handlungsfeld {1 + i // 10 % 6}", ""]
        out.append(line)
    return "\n".join(out) + "\n"
