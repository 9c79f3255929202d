"""Typed links from sentence cues, with the block partner as subject."""

from loaders.clean.textstream import TextStream
from loaders.links.context import named_units
from loaders.links.sentences import find_links
from loaders.mentions.find import find_mentions
from loaders.models import Block
from loaders.reference import load_reference
from loaders.resolve.entities import Entity, resolve_document


def _links(text: str, partner: str | None = "Stadt Bottrop"):
    stream = TextStream(text, (0,), (1,))
    blocks = (Block(partner, 1, 1, 1),) if partner else ()
    ref = load_reference()
    resolved = resolve_document(stream, find_mentions(stream, ref), blocks, ref)
    name = {resolved.id_of(key): e.canonical for key, e in resolved.entities.items()}
    links = find_links(stream, resolved, blocks, ref)
    return {(name[k.source_id], k.type, name[k.target_id]) for k in links}


def test_cooperation_with_partner_as_subject():
    links = _links("Das Angebot läuft in Kooperation mit dem DRK und der Stadt Gladbeck.")
    assert ("DRK", "COOPERATES_WITH", "Stadt Bottrop") in links or (
        "Stadt Bottrop",
        "COOPERATES_WITH",
        "DRK",
    ) in links
    assert any("Stadt Gladbeck" in (s, t) and k == "COOPERATES_WITH" for s, k, t in links)


def test_charter_signed_and_programme_participation():
    links = _links(
        "Im Jahr 2019 wurde die Charta der Vielfalt unterzeichnet. "
        "Wir beteiligen uns am Deutschen Diversity-Tag."
    )
    assert ("Stadt Bottrop", "SIGNED", "Charta der Vielfalt") in links
    assert ("Stadt Bottrop", "PARTICIPATES_IN", "Deutscher Diversity-Tag") in links


def test_funded_by_and_unit_part_of():
    links = _links("Das Referat Migration hat ein Projekt, gefördert durch Engagement Global.")
    assert ("Referat Migration", "PART_OF", "Stadt Bottrop") in links
    assert any(t == "FUNDED_BY" and target == "Engagement Global" for _, t, target in links)


def test_no_link_without_cue_outside_blocks():
    assert _links("Die Stadt Gladbeck und die Stadt Herne.", partner=None) == set()


def test_signing_sentence_names_every_signer():
    links = _links(
        "Mit der Unterzeichnung der Charta der Vielfalt haben sich die Stadt Gladbeck "
        "und der Kreis Wesel verpflichtet.",
        partner=None,
    )
    assert ("Stadt Gladbeck", "SIGNED", "Charta der Vielfalt") in links
    assert ("Kreis Wesel", "SIGNED", "Charta der Vielfalt") in links


def test_occasion_is_participation_even_when_organised():
    links = _links(
        "Anlässlich des 7. Deutschen Diversity-Tages wurde, organisiert vom Referat Migration, "
        "eine Lesung angeboten."
    )
    assert ("Stadt Bottrop", "PARTICIPATES_IN", "Deutscher Diversity-Tag") in links
    assert not any(t == "ORGANISED_BY" for _, t, _ in links)


def test_own_project_is_organised_but_taking_part_wins():
    own = _links("Mit unserem Projekt „Brücken bauen“ erreichen wir neue Zielgruppen.")
    assert ("Brücken bauen", "ORGANISED_BY", "Stadt Bottrop") in own
    joined = _links(
        "Mit einer eigenen Aktion haben wir uns an der Kampagne „Farbe zeigen“ beteiligt."
    )
    assert ("Stadt Bottrop", "PARTICIPATES_IN", "Farbe zeigen") in joined


def test_funder_must_follow_the_cue_closely():
    links = _links(
        "Die Förderung von Chancengleichheit ist seit Jahren ein wichtiges Ziel in allen "
        "Bereichen des Hauses und wird mit der Stadt Gladbeck besprochen."
    )
    assert not any(t == "FUNDED_BY" for _, t, _ in links)


def test_demonstrative_project_is_the_one_funded():
    links = _links(
        "Im Projekt „Neue Wege“ lernen Auszubildende gemeinsam. "
        "Dieses Projekt wird aus Mitteln des Asyl-, Migrations- und Integrationsfonds "
        "kofinanziert.",
        partner=None,
    )
    assert any(s == "Neue Wege" and t == "FUNDED_BY" for s, t, _ in links)


def test_motto_names_the_subjects_own_activity():
    links = _links("Unter dem Motto „Bunt ist besser“ stellen sich neue Kolleginnen vor.")
    assert ("Bunt ist besser", "ORGANISED_BY", "Stadt Bottrop") in links


def test_reference_parent_of_same_type_gives_part_of():
    links = _links(
        "Die Bezirksregierung Arnsberg und das Kompetenzzentrum für Integration laden ein.",
        partner=None,
    )
    assert ("Kompetenzzentrum für Integration", "PART_OF", "Bezirksregierung Arnsberg") in links


def test_series_named_back_is_organised_by_the_agent():
    links = _links(
        "Die Reihe „Vielfalt am Mittwoch“ vermittelt Grundlagen der Vielfalt. "
        "Die Termine sind kostenfrei. "
        "Angeboten wird die Fortbildungsreihe vom Integrationsbüro der Stadt Herne.",
        partner=None,
    )
    assert any(
        s == "Vielfalt am Mittwoch" and t == "ORGANISED_BY" and "Integrationsbüro" in o
        for s, t, o in links
    )


def test_no_back_reference_without_a_named_organiser():
    links = _links(
        "Die Reihe „Vielfalt am Mittwoch“ vermittelt Grundlagen. "
        "Die Reihe wird jedes Jahr neu konzipiert, auch für die Stadt Herne.",
        partner=None,
    )
    assert not any(t == "ORGANISED_BY" for _, t, _ in links)


def test_conceived_by_owner_is_organiser():
    links = _links(
        "Die Module werden im Projekt „Offen für Alle“ der Brückenschlag gGmbH "
        "konzipiert und durchgeführt.",
        partner=None,
    )
    assert ("Offen für Alle", "ORGANISED_BY", "Brückenschlag gGmbH") in links


def test_cooperation_between_partners():
    links = _links(
        "Die Beratung entsteht in Kooperation zwischen dem Kreis Wesel und der Stadt Herne.",
        partner=None,
    )
    assert ("Kreis Wesel", "COOPERATES_WITH", "Stadt Herne") in links or (
        "Stadt Herne",
        "COOPERATES_WITH",
        "Kreis Wesel",
    ) in links


def test_initiative_runs_its_own_event_when_named_together():
    links = _links("Wir nehmen an der Diversity Challenge der Charta der Vielfalt teil.")
    assert ("Diversity Challenge", "ORGANISED_BY", "Charta der Vielfalt") in links
    alone = _links("Wir nehmen an der Diversity Challenge teil. Wir beteiligen uns.")
    assert not any(t == "ORGANISED_BY" for _, t, _ in alone)


def test_partners_named_before_a_reciprocal_verb():
    links = _links("Der Kreis Wesel und die Stadt Herne kooperieren seit 2019.", partner=None)
    assert {tuple(sorted((s, o))) for s, t, o in links if t == "COOPERATES_WITH"} == {
        ("Kreis Wesel", "Stadt Herne")
    }


def test_funding_programme_is_not_owned_by_a_genitive():
    links = _links(
        "Die Kurse werden von der Servicestelle im Förderprogramm „Integration durch "
        "Qualifizierung (IQ)“ der Brückenschlag gGmbH konzipiert.",
        partner=None,
    )
    assert not any(t == "ORGANISED_BY" and "Qualifizierung" in s for s, t, _ in links)


def test_own_unit_named_as_partner_is_part_of_not_cooperation():
    links = _links(
        "Der Arbeitskreis Vielfalt der Stadt Bottrop tagt monatlich. In enger Zusammenarbeit "
        "mit dem Arbeitskreis Vielfalt der Stadt wurde der Fragebogen angepasst."
    )
    assert ("Arbeitskreis Vielfalt der Stadt Bottrop", "PART_OF", "Stadt Bottrop") in links
    assert not any(k == "COOPERATES_WITH" for _, k, _ in links)


def test_evidence_is_a_trimmed_sentence_without_list_marks():
    stream = TextStream("> **In Kooperation mit dem DRK** läuft das Angebot.", (0,), (1,))
    blocks = (Block("Stadt Bottrop", 1, 1, 1),)
    ref = load_reference()
    resolved = resolve_document(stream, find_mentions(stream, ref), blocks, ref)
    (link,) = find_links(stream, resolved, blocks, ref)
    assert link.evidence == "In Kooperation mit dem DRK läuft das Angebot."


def _cooperates(links, a: str, b: str) -> bool:
    return (a, "COOPERATES_WITH", b) in links or (b, "COOPERATES_WITH", a) in links


def test_partners_listed_after_a_colon_cue():
    inline = _links("Partner: Stadt Gladbeck, Kreis Wesel\nWeitere Informationen folgen bald.")
    assert _cooperates(inline, "Stadt Bottrop", "Stadt Gladbeck")
    assert _cooperates(inline, "Stadt Bottrop", "Kreis Wesel")
    bullets = _links(
        "Das Angebot läuft in Zusammenarbeit mit:\n• Stadt Gladbeck\n• Kreis Wesel\n"
        "Im Sommer hat das Jobcenter Musterstadt noch einmal Gäste zu sich eingeladen."
    )
    assert _cooperates(bullets, "Stadt Bottrop", "Stadt Gladbeck")
    assert _cooperates(bullets, "Stadt Bottrop", "Kreis Wesel")
    assert not any("Jobcenter Musterstadt" in (s, t) for s, _, t in bullets)
    from loaders.links.context import LIST_CUE

    assert LIST_CUE.search("mit Kooperationspartner:innen wie der Stadt Gladbeck") is None


def test_an_apposition_names_the_programmes_owner():
    links = _links(
        "Vorgestellt wurde das Projekt „Studis mit Studis“, ein Angebot der Stadt Gladbeck.",
        partner=None,
    )
    assert ("Studis mit Studis", "ORGANISED_BY", "Stadt Gladbeck") in links
    assert not any(t == "PARTICIPATES_IN" for _, t, _ in links)


def test_a_unit_named_after_its_parent_is_part_of_it():
    links = _links(
        "Die Gleichstellungsstelle des Rhein-Sieg-Kreises berät gemeinsam mit dem "
        "Rhein-Sieg-Kreis. Der Caritasverband für die Stadt Gladbeck lädt die Stadt Gladbeck ein.",
        partner=None,
    )
    assert ("Gleichstellungsstelle des Rhein-Sieg-Kreises", "PART_OF", "Rhein-Sieg-Kreis") in links
    # "für die Stadt Gladbeck" names whom the association serves, not its parent
    assert not any(t == "PART_OF" and o == "Stadt Gladbeck" for _, t, o in links)


def test_a_unit_is_joined_to_its_parent_by_a_genitive_not_set_beside_it():
    class Sink:
        def __init__(self) -> None:
            self.links: list[tuple[str, str, str]] = []

        def add(self, source: str, target: str, link_type: str, line: int, evidence: str) -> None:
            self.links.append((source, link_type, target))

    def org(key: str, name: str, org_type: str = "Verein") -> Entity:
        return Entity(key, "org", org_type, canonical=name, lines={1})

    entities = {
        e.key: e
        for e in (
            org("town", "Stadt Unna", "Kommune"),
            org("office", "Gesundheitsamt der Stadt Unna", "Kommune"),
            org("beside", "Gesundheitsamt Stadt Unna", "Kommune"),
            org("airport", "Flughafen Hannover", "Unternehmen"),
            org("police", "Bundespolizeiinspektion Flughafen Hannover", "Sonstige"),
        )
    }
    sink = Sink()
    named_units(sink, entities)
    assert ("office", "PART_OF", "town") in sink.links
    assert not any(s in ("beside", "police") for s, _, _ in sink.links), sink.links


def test_funders_named_before_the_participle_and_coordinated():
    links = _links(
        "Im Projekt „Neue Wege“ lernen Auszubildende gemeinsam. Das vom Bundesamt für Migration "
        "und Flüchtlinge geförderte Projekt läuft bis 2024.",
        partner=None,
    )
    assert ("Neue Wege", "FUNDED_BY", "Bundesamt für Migration und Flüchtlinge") in links
    links = _links(
        "Das Projekt „Neue Wege“ wird aus Mitteln des Bundesamtes für Migration und "
        "Flüchtlinge und des Landes Nordrhein-Westfalen finanziert.",
        partner=None,
    )
    funders = {o for s, t, o in links if s == "Neue Wege" and t == "FUNDED_BY"}
    assert len(funders) == 2


def test_the_territory_in_a_bodys_name_makes_it_no_unit():
    links = _links(
        "Das Ministerium für Schule und Bildung des Landes Nordrhein-Westfalen und das Land "
        "Nordrhein-Westfalen laden ein. Das Jobcenter Kreis Paderborn und der Kreis Paderborn "
        "beraten.",
        partner=None,
    )
    assert not any(t == "PART_OF" and "Ministerium" in s for s, t, _ in links)
    assert not any(t == "PART_OF" and s.startswith("Jobcenter") for s, t, _ in links)


def test_a_funder_neither_acts_nor_runs_the_programme():
    links = _links(
        "In dem vom Bundesamt für Migration und Flüchtlinge geförderten Pilotprojekt hatte die "
        "Stadt Gladbeck in Kooperation mit dem Caritasverband Gladbeck e. V. Neues erprobt. "
        "Das Projekt „Neue Wege“ wurde gestartet, das durch das Land Nordrhein-Westfalen "
        "gefördert wird.",
        partner=None,
    )
    bamf = "Bundesamt für Migration und Flüchtlinge"
    assert not any(t == "COOPERATES_WITH" and bamf in (s, o) for s, t, o in links)
    assert ("Neue Wege", "FUNDED_BY", "Landesregierung Nordrhein-Westfalen") in links
    assert not any(s == "Neue Wege" and t == "ORGANISED_BY" for s, t, _ in links)


def test_the_organisation_after_the_auxiliary_of_an_inverted_clause_is_the_subject():
    links = _links(
        "In dem vom Bundesamt für Migration und Flüchtlinge geförderten Pilotprojekt hatte "
        "die Stadt Gladbeck von 2016 bis 2019 in Kooperation mit dem Caritasverband Gladbeck "
        "e. V. Neues erprobt.",
    )
    assert any(
        {s, o} == {"Stadt Gladbeck", "Caritasverband Gladbeck e. V."} and t == "COOPERATES_WITH"
        for s, t, o in links
    )


def test_a_carried_body_is_a_unit_of_its_carrier_and_a_service_point_its_partner():
    links = _links(
        "Das Welcome Center Gladbeck e. V., dessen Träger die IHK Nord Westfalen ist, berät. "
        "Träger der Brücke Gladbeck e. V. ist der Caritasverband Gladbeck e. V. heute. "
        "Die Brücke Essen e. V. ist in Trägerschaft der AWO Essen. Träger ist ein Konsortium "
        "aus der Stadt Gladbeck.",
        partner=None,
    )
    assert ("Brücke Gladbeck e. V.", "PART_OF", "Caritasverband Gladbeck e. V.") in links
    assert any(s == "Brücke Essen e. V." and t == "PART_OF" for s, t, _ in links)
    assert any(
        "Welcome Center Gladbeck e. V." in (s, o) and t == "COOPERATES_WITH" for s, t, o in links
    )
    # the carrier is named right after the cue, not somewhere later in the sentence
    assert not any("Stadt Gladbeck" in (s, o) for s, _, o in links)


def test_the_noun_of_an_attributive_funding_participle_is_the_funded():
    links = _links(
        "Im Projekt „Alte Wege“ lernen Auszubildende. Das vom Land Nordrhein-Westfalen "
        "geförderte Programm „Neue Wege“ läuft bis 2024.",
        partner=None,
    )
    assert ("Neue Wege", "FUNDED_BY", "Landesregierung Nordrhein-Westfalen") in links
    assert not any("Neue Wege" == o and t == "FUNDED_BY" for _, t, o in links)
    assert not any("Alte Wege" == s and t == "FUNDED_BY" for s, t, _ in links)


def test_a_name_opening_with_a_short_form_belongs_to_its_organisation():
    from loaders.links.context import abbreviated_units
    from loaders.resolve.entities import Entity

    found = []

    class Sink:
        def add(self, source, target, link_type, line, evidence):
            found.append((source, link_type, target))

    entities = {
        "v": Entity("v", "org", "Verband", canonical="Xaver Verband", aliases={"XVB"}, lines={1}),
        "j": Entity("j", "org", "Sonstige", canonical="XVB-Jugendhilfe Nord", lines={5}),
        "p": Entity("p", "programme", "Projekt", canonical="XVB-Impulsgespräche", lines={7}),
        "o": Entity("o", "org", "Sonstige", canonical="ABC-Zentrum", lines={9}),
    }
    abbreviated_units(Sink(), entities)
    assert found == [("j", "PART_OF", "v"), ("p", "ORGANISED_BY", "v")]


def test_a_programme_named_after_the_partner_is_run_by_it():
    links = _links(
        "Der Xaver Verband (XVB) bildet aus. Neu ist die Reihe „Vielfalt im XVB erleben“.",
        partner="Xaver Verband",
    )
    assert ("Vielfalt im XVB erleben", "ORGANISED_BY", "Xaver Verband") in links
    assert ("Xaver Verband", "PARTICIPATES_IN", "Vielfalt im XVB erleben") not in links


def test_a_membership_line_in_a_reports_box_of_facts_is_the_partners(tmp_path):
    """Each report sets a box of facts into its text ("Standort: …", "Beschäftigte: …",
    "Im Partnernetzwerk seit: 2019"); the cleaning reads the recurring box as page furniture,
    yet its membership line says the partner belongs to the document's network."""
    from loaders.extract import extract_document, to_contract

    lines = [
        "Partnernetzwerk „Vielfalt im Dienst Musterland“",
        "Berichte der Partner 2024",
        "",
        "Handlungsfeld 1: Erhöhung des Anteils der Beschäftigten mit Einwanderungsgeschichte",
        "",
    ]
    partners = [
        ("STADT HAMM", "Hamm", 2019),
        ("STADT UNNA", "Unna", 2021),
        ("KREIS SOEST", "Soest", 2020),
    ]
    for n, (heading, town, year) in enumerate(partners):
        if n == 2:  # a second field's chapter: the chapters are the fields'
            lines += ["Handlungsfeld 2: Stärkung der interkulturellen Kompetenz", ""]
        lines += [
            heading,
            f"Die Verwaltung in {town} wirbt auf Messen um Auszubildende und",
            f"Standort: {town}",
            "Beschäftigte: rund 2.300",
            f"Im Partnernetzwerk seit: {year}",
            "bietet ihren Beschäftigten Schulungen zur interkulturellen Kompetenz an.",
            "",
        ]
    path = tmp_path / "partnerberichte.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = to_contract(extract_document(path))
    members = {k["source"] for k in found["links"] if k["type"] == "PARTICIPATES_IN"}
    assert {"Stadt Hamm", "Stadt Unna", "Kreis Soest"} <= members
