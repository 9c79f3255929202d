"""Whole-pipeline extraction on corpus files and on files the tests write."""

import json
from pathlib import Path

import pytest

from loaders.errors import InputError
from loaders.extract import analyse_document, extract_document, extract_paths, to_contract
from loaders.names import is_abbreviation, name_key
from loaders.resolve.across import resolve_across
from loaders.resolve.heads import generic_heads

CORPUS = Path(__file__).parents[3].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def test_contract_shape_for_a_written_file(tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text(
        "Herausgeber:\nStadt Musterstadt\n\nDie Stadt Musterstadt arbeitet in Kooperation mit "
        "dem Jobcenter Musterkreis und hat die Charta der Vielfalt unterzeichnet.\n",
        encoding="utf-8",
    )
    data = to_contract(extract_document(path))
    json.dumps(data)  # plain JSON types only
    assert set(data) == {"doc", "blocks", "organisations", "programmes", "links", "measures"}
    names = {o["name"] for o in data["organisations"]}
    assert {"Stadt Musterstadt", "Jobcenter Musterkreis"} <= names
    assert all("page" not in link for link in data["links"])
    types = {(k["source"], k["type"], k["target"]) for k in data["links"]}
    assert ("Stadt Musterstadt", "SIGNED", "Charta der Vielfalt") in types
    for link in data["links"]:
        assert link["line"] >= 1 and link["evidence"]


def test_a_relation_stated_twice_keeps_both_statements(tmp_path):
    # a reader of either passage (a partner's report, a page of a brochure) finds it there
    path = tmp_path / "zweimal.txt"
    said = "Die Stadt Musterstadt arbeitet in Kooperation mit dem Jobcenter Musterkreis."
    path.write_text(f"{said}\n\nDazu gab es eine Messe.\n\n{said}\n", encoding="utf-8")
    links = extract_document(path).links
    lines = {k.line for k in links if k.type == "COOPERATES_WITH"}
    assert lines == {1, 5}


def test_a_name_opening_with_a_truncated_compound_keeps_it(tmp_path):
    path = tmp_path / "buero.txt"
    path.write_text(
        "Gemeinsam mit der Forschungs- und\nTransferstelle Migration der Universität "
        "Musterstadt lädt die Stadt ein.\n",
        encoding="utf-8",
    )
    names = {o.name for o in extract_document(path).organisations}
    assert "Forschungs- und Transferstelle Migration der Universität Musterstadt" in names


def test_a_text_without_names_gives_an_empty_extraction(tmp_path):
    for i, text in enumerate(("Hallo Welt.\n", "Diak")):
        path = tmp_path / f"leer{i}.txt"
        path.write_text(text, encoding="utf-8")
        data = to_contract(extract_document(path))  # raised ValueError before
        assert data["organisations"] == [] and data["links"] == []


def test_bad_file_is_reported_and_others_continue(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Die Stadt Bottrop berichtet.\n", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x00\x01\x02" * 400)
    errors: list[InputError] = []
    docs = extract_paths([tmp_path], on_error=errors.append)
    assert [d.doc for d in docs] == ["a.txt"]
    assert len(errors) == 1 and "b.txt" in str(errors[0])


@needs_corpus
def test_ocr_document_resolves_garbled_names():
    doc = extract_document(next(CORPUS.glob("000_*.txt")))
    names = {o.name for o in doc.organisations}
    assert "Bezirksregierung Arnsberg" in names
    assert "Kompetenzzentrum für Integration" in names
    assert (
        "Ministerium für Arbeit, Integration und Soziales des Landes Nordrhein-Westfalen" in names
    )


@needs_corpus
def test_mention_lines_point_at_the_name():
    path = next(CORPUS.glob("003_*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    doc = extract_document(path)
    for org in doc.organisations:
        if org.name.startswith("Stadt ") and not org.parent_id:
            place = org.name.split()[1]
            assert any(place in lines[n - 1] for n in org.mentions), org.name


def test_measures_of_a_written_report_are_short_and_typed(tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text(
        "Herausgeber:\nStadt Musterstadt\n\nSeit 2019 bietet die Stadt Musterstadt "
        "interkulturelle Fortbildungen für alle Führungskräfte an.\n",
        encoding="utf-8",
    )
    measures = to_contract(extract_document(path))["measures"]
    assert [(m["org"], m["type"], m["year"], m["category"]) for m in measures] == [
        ("Stadt Musterstadt", "intercultural-training", 2019, 2)
    ]
    assert all(len(m["title"]) <= 110 for m in measures)


def test_the_printer_in_the_imprint_is_not_the_reporting_organisation(tmp_path):
    report = tmp_path / "flyer.md"
    report.write_text(
        "Impressum\n\nHerausgeber:\nMax Muster (V.i.S.d.P.)\nRedaktion: Erika Muster\n"
        "Druck: Muster Print GmbH, Bonn\n\n"
        "Die Stadt Musterstadt stellt ihre Arbeit vor. Die Stadt Musterstadt lädt ein.\n\n"
        "Wir arbeiten in Kooperation mit dem Jobcenter Musterstadt.\n",
        encoding="utf-8",
    )
    links = to_contract(extract_document(report))["links"]
    partners = {
        frozenset((k["source"], k["target"])) for k in links if k["type"] == "COOPERATES_WITH"
    }
    assert frozenset(("Stadt Musterstadt", "Jobcenter Musterstadt")) in partners
    assert not any("Print" in k["source"] or "Print" in k["target"] for k in links)


@needs_corpus
def test_no_node_of_the_corpus_graph_is_a_bare_generic_head():
    """ "das KI" in the reports of several towns and "die Kl" (OCR) of the statewide text
    were one node, standing for a different organisation in each place: a false path,
    broker and synergy for every report that names its own KI."""
    heads = generic_heads()

    def bare(name: str) -> bool:
        folded = name.replace("l", "I") if is_abbreviation(name) else name  # OCR reads I as l
        return name_key(folded) in heads

    docs = resolve_across(extract_document(p) for p in sorted(CORPUS.glob("*.txt")))
    named = [(d.doc, o.name) for d in docs for o in d.organisations if bare(o.name)]
    assert named == []


def test_membership_fields_of_a_profile_line_link_the_entrys_member(tmp_path: Path) -> None:
    """A profile line sets its facts apart with bars: "Mitglied seit 2019" is one field of
    it, and an organisation in another field ("Tochter der …") is not the member."""
    text = (
        "Netzwerk Vielfalt Südheide\nMitgliederverzeichnis\n\n"
        "Das Netzwerk Vielfalt Südheide verbindet Betriebe und Beratungsstellen.\n\n"
        "Stadtwerke Celle GmbH\n"
        "Tochter der Versorgungsholding Niedersachsen AG | Mitglied seit 2019 | Celle und Umland\n"
        "Wir versorgen rund 40.000 Haushalte mit Strom und Wasser.\n\n"
        "Caritasverband Celle e. V.\nMitglied seit 2016 | 120 Beschäftigte\n"
        "Wir beraten Zugewanderte in allen Fragen des Ankommens.\n"
    )
    path = tmp_path / "verzeichnis.txt"
    path.write_text(text, encoding="utf-8")
    analysis = analyse_document(path)
    entities = analysis.resolved.entities
    members = {
        entities[key].canonical
        for link in analysis.rule_links
        if link.type == "PARTICIPATES_IN" and link.line in (7, 11)
        for key in entities
        if analysis.resolved.id_of(key) == link.source_id
    }
    assert members == {"Stadtwerke Celle GmbH", "Caritasverband Celle e. V."}


def test_membership_lines_link_each_member_to_the_documents_network(tmp_path: Path) -> None:
    """A directory prints "Mitglied seit 2015" under each member's entry, a brochure "· im
    Netzwerk seit 2019" after a name: the member takes part in the network the document
    is about."""
    text = (
        "Netzwerk Vielfalt Südheide\nMitgliederverzeichnis\n\n"
        "Das Netzwerk Vielfalt Südheide verbindet Betriebe und Beratungsstellen.\n\n"
        "Agentur für Arbeit Celle\nBahnhofstraße 5, 29221 Celle\n"
        "Beratung von Betrieben zur Beschäftigung internationaler Fachkräfte\n"
        "Mitglied seit 2015\n\n"
        "Caritasverband Celle e. V.\nFritzenwiese 7, 29221 Celle\n"
        "Migrationsberatung und Sprachkurse\nMitglied seit 2018\n\n"
        "Stadtwerke Celle GmbH · im Netzwerk seit 2021\n"
    )
    path = tmp_path / "verzeichnis.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(path)
    names = {**{o.id: o.name for o in extraction.organisations},
             **{p.id: p.name for p in extraction.programmes}}  # fmt: skip
    members = {
        names[link.source_id]
        for link in extraction.links
        if link.type == "PARTICIPATES_IN" and names[link.target_id] == "Netzwerk Vielfalt Südheide"
    }
    assert members == {
        "Agentur für Arbeit Celle",
        "Caritasverband Celle e. V.",
        "Stadtwerke Celle GmbH",
    }


def _website(tmp_path: Path, masthead: str, quoted: bool) -> Path:
    """A page that names the city more often than the association its first line names;
    its "wir" speaks outside quotations, or only inside them."""
    said = [
        "Wir arbeiten eng mit der Stadt Musterstadt zusammen.",
        "Unsere Beratung findet in Räumen der Stadt Musterstadt statt.",
        "Wir sind Mitglied im Integrationsrat der Stadt Musterstadt.",
    ]
    body = [f"„{line}“, sagt die Vorsitzende." if quoted else line for line in said]
    path = tmp_path / "seite.txt"
    path.write_text("\n".join([masthead, "", *body, "Die Stadt Musterstadt fördert."]) + "\n")
    return path


def test_a_text_that_speaks_as_wir_is_the_one_its_first_line_names(tmp_path):
    """A website's or report's masthead names its author: the one "wir" stands for,
    though the text names the city more often."""
    path = _website(tmp_path, "Kulturbrücke Musterstadt e. V. – Über uns", quoted=False)
    resolved = analyse_document(path).resolved
    assert resolved.entities[resolved.subject].canonical == "Kulturbrücke Musterstadt e. V."


def test_a_masthead_over_quotations_speaking_as_wir_is_no_author(tmp_path):
    """A newspaper quotes others speaking as "wir": its masthead is not who they are."""
    path = _website(tmp_path, "Musterstädter Anzeiger e. V. – Lokales", quoted=True)
    resolved = analyse_document(path).resolved
    assert resolved.entities[resolved.subject].canonical == "Stadt Musterstadt"


def test_two_names_joined_by_und_are_the_two_organisations_named_alone(tmp_path):
    """A mention run on over "und" that joins two names the text names on their own
    elsewhere is those two organisations, not a third."""
    path = tmp_path / "bericht.txt"
    path.write_text(
        "Die Brandhorst Antriebstechnik GmbH bildet aus. Die Lennetal Gießerei GmbH\n"
        "auch. Seit 2022 bieten Brandhorst Antriebstechnik und Lennetal Gießerei\n"
        "gemeinsam Praktika für Geflüchtete an.\n",
        encoding="utf-8",
    )
    names = {o["name"] for o in to_contract(extract_document(path))["organisations"]}
    assert not any(" und " in name for name in names)
    assert {"Brandhorst Antriebstechnik GmbH", "Lennetal Gießerei GmbH"} <= names
