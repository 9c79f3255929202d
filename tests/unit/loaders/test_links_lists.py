"""Every member of a list gets the link its sentence states (loaders/links/lists.py)."""

from pathlib import Path

from loaders.clean.textstream import TextStream
from loaders.extract import extract_document, to_contract
from loaders.links.sentences import find_links
from loaders.mentions.find import find_mentions
from loaders.mentions.shared_heads import with_shared_heads
from loaders.models import Block
from loaders.reference import load_reference
from loaders.resolve.entities import resolve_document


def _links(
    text: str, partner: str | None = None, subject: str | None = None
) -> set[tuple[str, str, str]]:
    starts, at = [], 0
    for line in text.split("\n"):
        starts.append(at)
        at += len(line) + 1
    stream = TextStream(text, tuple(starts), tuple(range(1, len(starts) + 1)))
    blocks = (Block(partner, 1, 1, len(starts)),) if partner else ()
    ref = load_reference()
    resolved = resolve_document(stream, find_mentions(stream, ref), blocks, ref, subject)
    name = {resolved.id_of(key): e.canonical for key, e in resolved.entities.items()}
    links = find_links(stream, resolved, blocks, ref)
    return {(name[k.source_id], k.type, name[k.target_id]) for k in links}


def _ends(links: set[tuple[str, str, str]], link_type: str, end: str) -> set[str]:
    return {s for s, t, o in links if t == link_type and o == end} | {
        o for s, t, o in links if t == link_type and s == end
    }


def _extracted(path: Path, text: str) -> set[tuple[str, str, str]]:
    """The links the whole extraction reads from ``text`` written to ``path``."""
    path.write_text(text, encoding="utf-8")
    return {
        (x["source"], x["type"], x["target"]) for x in to_contract(extract_document(path))["links"]
    }


def _assert_each_cooperates_with_the_others(
    links: set[tuple[str, str, str]], parties: set[str]
) -> None:
    for one in parties:
        assert _ends(links, "COOPERATES_WITH", one) == parties - {one}


def test_organisers_named_in_a_list_organise_the_programme_of_the_text():
    links = _links(
        "Fachtag „Vielfalt im Quartier“\n"
        "\n"
        "Veranstalter des Fachtags sind die Stadt Gladbeck, der Kreis Wesel und die\n"
        "Stadt Herne."
    )
    organisers = _ends(links, "ORGANISED_BY", "Vielfalt im Quartier")
    assert {"Stadt Gladbeck", "Kreis Wesel", "Stadt Herne"} <= organisers


def test_bullets_after_a_lead_each_take_part():
    links = _links(
        "Im Projekt „Brücken bauen“ arbeiten diese Verbände mit:\n"
        "- Stadt Gladbeck\n"
        "- Kreis Wesel\n"
        "- Stadt Herne"
    )
    members = _ends(links, "PARTICIPATES_IN", "Brücken bauen")
    assert {"Stadt Gladbeck", "Kreis Wesel", "Stadt Herne"} <= members


def test_partners_without_a_programme_cooperate_with_the_reporting_partner():
    links = _links(
        "Unsere Partner sind die Stadt Gladbeck, der Kreis Wesel und die Stadt Herne.",
        partner="Stadt Bottrop",
    )
    partners = _ends(links, "COOPERATES_WITH", "Stadt Bottrop")
    assert {"Stadt Gladbeck", "Kreis Wesel", "Stadt Herne"} <= partners
    assert not any(t == "PARTICIPATES_IN" for _, t, _ in links)


def test_a_genitive_is_no_list_and_a_citation_states_nothing():
    links = _links(
        "Veranstalter des Fachtags „Vielfalt im Quartier“ ist das Referat Migration der "
        "Stadt Gladbeck.\n"
        "Stadt Gladbeck, Kreis Wesel und Stadt Herne (Hrsg.): Vielfalt im Quartier, 2019."
    )
    assert "Kreis Wesel" not in {e for s, _, o in links for e in (s, o)}
    assert ("Vielfalt im Quartier", "ORGANISED_BY", "Stadt Gladbeck") not in links


def test_the_parties_of_a_signed_agreement_cooperate_with_each_other():
    links = _links(
        "Die Stadt Gladbeck, der Kreis Wesel und die Stadt Herne haben am 3. Mai eine\n"
        "Kooperationsvereinbarung zur Integration unterzeichnet."
    )
    parties = {"Stadt Gladbeck", "Kreis Wesel", "Stadt Herne"}
    _assert_each_cooperates_with_the_others(links, parties)
    charter = _links(
        "Die Stadt Gladbeck und der Kreis Wesel haben die Charta der Vielfalt unterzeichnet."
    )
    assert not any(t == "COOPERATES_WITH" for _, t, _ in charter)


def test_signatories_named_through_their_people_cooperate_pairwise(tmp_path):
    path = tmp_path / "vereinbarung.txt"
    path.write_text(
        "Im Kreishaus haben Landrat Max Muster für den Kreis Soest, Erika Beispiel,\n"
        "Vorsitzende des Caritasverbands Soest e. V., und Jan Probe, Geschäftsführer der\n"
        "Diakonie Soest, die Kooperationsvereinbarung unterzeichnet.\n",
        encoding="utf-8",
    )
    links = to_contract(extract_document(path))["links"]
    pairs = {frozenset((k["source"], k["target"])) for k in links if k["type"] == "COOPERATES_WITH"}
    assert frozenset(("Kreis Soest", "Caritasverband Soest e. V.")) in pairs
    names = {n for k in links for n in (k["source"], k["target"])}
    assert not any("Muster" in n or "Beispiel" in n or "Vorsitzende" in n for n in names)


def test_the_parties_a_contract_is_made_between_cooperate_pairwise():
    """A contract's own heading states its parties, signed or not: "Kooperationsvereinbarung
    über das Projekt X zwischen 1. der Stadt A, 2. dem Kreis B, …"; a unit that acts for a
    party ("vertreten durch das Referat Migration der Stadt Soest") is no party."""
    links = _links(
        "Kooperationsvereinbarung\n"
        "über das Projekt „Brücken bauen“ zur interkulturellen Öffnung\n"
        "\n"
        "zwischen\n"
        "\n"
        "1. der Stadt Soest, vertreten durch das Referat Migration der Stadt Soest,\n"
        "2. dem Kreis Unna, vertreten durch den Landrat,\n"
        "3. dem Caritasverband Soest e. V., vertreten durch den Vorstand,\n"
        "\n"
        "§ 1 Gegenstand\n"
        "(1) Die Partner führen das Projekt gemeinsam durch.\n"
    )
    parties = {"Stadt Soest", "Kreis Unna", "Caritasverband Soest e. V."}
    _assert_each_cooperates_with_the_others(links, parties)
    named = _links(
        "Die Kooperationsvereinbarung sieht vor, dass die Stadt Soest und der Kreis\n"
        "Unna jährlich berichten."
    )
    assert not any(t == "COOPERATES_WITH" for _, t, _ in named)


def test_only_the_agreement_sentence_names_its_parties():
    links = _links(
        "Die Stadt Hamm lud ein.\n"
        "Am Montag haben die Stadt Soest und der Kreis Unna eine Kooperationsvereinbarung "
        "unterzeichnet.\n"
    )
    pairs = {frozenset((s, o)) for s, t, o in links if t == "COOPERATES_WITH"}
    assert frozenset(("Stadt Soest", "Kreis Unna")) in pairs
    assert not any("Stadt Hamm" in p for p in pairs)


def test_funders_in_a_list_fund_the_project_of_the_text():
    links = _links(
        "Projekt „Brücken bauen“\n"
        "\n"
        "Das Projekt wird gefördert durch:\n"
        "- Stadt Gera\n"
        "- Kreis Greiz\n"
        "- Jobcenter Gera\n"
    )
    funders = {o for s, t, o in links if t == "FUNDED_BY" and s == "Brücken bauen"}
    assert {"Stadt Gera", "Kreis Greiz", "Jobcenter Gera"} <= funders


def test_a_programme_among_the_partner_items_is_a_partner_not_the_project():
    links = _links(
        "Kooperationspartner:\n- Projekt „ThINKA“\n- Kreis Greiz\n- Jobcenter Gera\n",
        partner="Stadt Gera",
    )
    assert ("Kreis Greiz", "COOPERATES_WITH", "Stadt Gera") in links
    assert ("Kreis Greiz", "PARTICIPATES_IN", "ThINKA") not in links


def test_partners_listed_on_the_page_of_a_project_take_part_in_it():
    links = _links(
        "Projekt „Brücken bauen“\n"
        "\n"
        "Das Projekt begleitet Familien beim Ankommen.\n"
        "\n"
        "Partner:\n"
        "- Stadt Gladbeck\n"
        "- Kreis Wesel\n"
        "- Stadt Herne"
    )
    members = _ends(links, "PARTICIPATES_IN", "Brücken bauen")
    assert {"Stadt Gladbeck", "Kreis Wesel", "Stadt Herne"} <= members
    assert not any(t == "COOPERATES_WITH" for _, t, _ in links)


def test_signers_named_before_a_verb_at_the_end_sign_the_charter():
    links = _links(
        "Am 20. März haben die Stadt Gladbeck, der Kreis Wesel und die Stadt Herne gemeinsam "
        "die „Charta der Vielfalt“ unterzeichnet."
    )
    assert {"Stadt Gladbeck", "Kreis Wesel", "Stadt Herne"} <= _ends(
        links, "SIGNED", "Charta der Vielfalt"
    )


def test_signatories_listed_after_the_agreement_cooperate_pairwise():
    links = _links(
        "Die Kooperationsvereinbarung unterzeichneten zwölf Organisationen, darunter:\n"
        "- Stadt Gladbeck\n"
        "- Kreis Wesel\n"
        "- Stadt Herne"
    )
    assert {"Kreis Wesel", "Stadt Herne"} <= _ends(links, "COOPERATES_WITH", "Stadt Gladbeck")
    assert "Stadt Herne" in _ends(links, "COOPERATES_WITH", "Kreis Wesel")


def test_a_role_after_a_partner_makes_it_the_organiser_and_members_are_no_partners():
    # "Partner:" on a project's page lists its members; "(Koordinator)" runs it
    text = (
        "Stadt Gladbeck – Projekte\n"
        "\n"
        "Projekt „Brücken bauen“\n"
        "\n"
        "Die Stadt Gladbeck stellt das Projekt vor.\n"
        "\n"
        "Partner:\n"
        "- Kreis Wesel (Koordinator)\n"
        "- Stadt Herne\n"
        "- Stadt Bottrop\n"
    )
    links = _links(text, subject="Stadt Gladbeck")
    assert {"Kreis Wesel", "Stadt Herne", "Stadt Bottrop"} <= _ends(
        links, "PARTICIPATES_IN", "Brücken bauen"
    )
    assert _ends(links, "ORGANISED_BY", "Brücken bauen") == {"Kreis Wesel"}
    assert not _ends(links, "COOPERATES_WITH", "Stadt Gladbeck")


def test_a_joint_act_of_listed_organisations():
    # members of a joint invitation cooperate pairwise; a project that is a joint project of
    # a list is run by each member
    links = _links(
        "Auf gemeinsame Einladung der Stadt Gladbeck, des Kreises Wesel und der Stadt Herne "
        "trafen sich 40 Vereine.\n"
        "Das Projekt „Brücken bauen“ ist ein Gemeinschaftsprojekt der Stadt Bottrop und der "
        "Stadt Essen."
    )
    assert {"Kreis Wesel", "Stadt Herne"} <= _ends(links, "COOPERATES_WITH", "Stadt Gladbeck")
    assert _ends(links, "ORGANISED_BY", "Brücken bauen") == {"Stadt Bottrop", "Stadt Essen"}


def test_a_funding_label_in_a_headed_item_funds_the_items_head():
    links = _links(
        "Weitere Dienste des Vereins:\n"
        "- Projekt „Lotsen für Alle“: Die Lotsinnen besuchen Neuzugewanderte und geben\n"
        "  erste Hinweise an das Programm „Ankommen in Herne“ weiter. Gefördert durch:\n"
        "  Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration\n"
        "- Projekt „Brücken bauen“: Beratung für Familien."
    )
    funded = _ends(links, "FUNDED_BY", "Lotsen für Alle")
    assert any(f.startswith("Ministerium für Kinder, Jugend") for f in funded)
    assert not _ends(links, "FUNDED_BY", "Ankommen in Herne")
    assert not _ends(links, "FUNDED_BY", "Brücken bauen")


def test_the_project_a_lead_points_back_to_is_the_last_project_not_a_list_item():
    links = _links(
        "Im Projekt „Brücken bauen“ entsteht eine Begrüßungsmappe. Es läuft im Rahmen des\n"
        "Bundesprogramms „Demokratie leben!“.\n"
        "\n"
        "Kooperationspartner:\n"
        "- Projekt „Lotsen für Alle“\n"
        "- Stadt Herne\n"
        "\n"
        "Das Projekt wird gefördert durch:\n"
        "- Bundesministerium für Familie, Senioren, Frauen und Jugend\n"
        "- Kreis Wesel"
    )
    funders = _ends(links, "FUNDED_BY", "Brücken bauen")
    assert {"Bundesministerium für Familie, Senioren, Frauen und Jugend", "Kreis Wesel"} <= funders
    assert not _ends(links, "FUNDED_BY", "Lotsen für Alle")
    assert not _ends(links, "FUNDED_BY", "Demokratie leben!")


def test_a_records_labelled_fields_link_its_name_to_the_names_in_them():
    links = _links(
        "Wegweiser Beratung\n"
        "\n"
        "1  Beratung für Erwachsene\n"
        "Migrationsdienst Rheinhessen e. V.\n"
        "angesiedelt bei der IHK Rheinhessen\n"
        "Träger: Caritasverband Mainz e. V.\n"
        "Telefon: 06131 2826-0\n"
        "Förderung: Europäischer Sozialfonds Plus (ESF Plus) und Stadt Mainz\n"
        "Kooperation: Jobcenter Mainz, Agentur für Arbeit Mainz\n"
        "\n"
        "2  Projekt „Brücken bauen“\n"
        "Projektträger: Evangelische Jugendhilfe Bingen e. V.\n"
        "Partner: Stadt Bingen, Türkischer Elternverein Bingen e. V.\n"
    )
    center = "Migrationsdienst Rheinhessen e. V."
    assert _ends(links, "COOPERATES_WITH", center) == {
        "Caritasverband Mainz e. V.",
        "Jobcenter Mainz",
        "Agentur für Arbeit Mainz",
    }
    funders = {o for s, t, o in links if s == center and t == "FUNDED_BY"}
    assert {"Europäischer Sozialfonds Plus", "Stadt Mainz"} <= funders
    # the record's name is the line it fills, not a name the description mentions
    assert not any(
        s == "IHK Rheinhessen" for s, t, _ in links if t in ("FUNDED_BY", "COOPERATES_WITH")
    )
    # a programme's carrier runs it, its partners take part in it
    assert ("Brücken bauen", "ORGANISED_BY", "Evangelische Jugendhilfe Bingen e. V.") in links
    assert ("Türkischer Elternverein Bingen e. V.", "PARTICIPATES_IN", "Brücken bauen") in links


def test_a_record_whose_title_names_nothing_takes_no_name_from_the_text_above(tmp_path):
    path = tmp_path / "foerderliste.txt"
    path.write_text(
        "Gefördert wurden fünf Projekte.\n"
        "Die Universität Hildesheim berät die Projekte.\n"
        "\n"
        "(3) Brücken hinter Mauern\n"
        "Projektträger: Justizvollzugsanstalt Hannover\n"
        "Beteiligt: Bildungsinstitut Celle\n",
        encoding="utf-8",
    )
    found = to_contract(extract_document(path))
    assert "Justizvollzugsanstalt Hannover" in {o["name"] for o in found["organisations"]}
    assert not any(
        "Justizvollzugsanstalt Hannover" in (k["source"], k["target"]) for k in found["links"]
    )


def test_one_label_in_running_text_makes_no_record():
    links = _links(
        "Die Stadt Mainz berichtet über ihre Arbeit.\n"
        "Wichtig ist uns: Caritasverband Mainz e. V. und Jobcenter Mainz sind dabei.\n"
    )
    assert not any("Stadt Mainz" in (s, o) and t == "COOPERATES_WITH" for s, t, o in links)


def test_members_of_the_partners_family_in_other_places_are_organisations_of_their_own():
    """In the report of the Bezirksregierung Düsseldorf, "die Bezirksregierungen Köln,
    Arnsberg und Münster" are three other Bezirksregierungen, not the partner again."""
    text = "Dem Arbeitskreis gehören auch die Bezirksregierungen Köln, Arnsberg und Münster an."
    stream = TextStream(text, (0,), (1,))
    ref = load_reference()
    blocks = (Block("Bezirksregierung Düsseldorf", 1, 1, 1),)
    mentions = with_shared_heads(text, find_mentions(stream, ref))
    resolved = resolve_document(stream, mentions, blocks, ref)
    named = {resolved.entities[key].canonical for _, key, _ in resolved.mentions}
    assert {
        "Bezirksregierung Köln",
        "Bezirksregierung Arnsberg",
        "Bezirksregierung Münster",
    } <= named
    assert "Bezirksregierung Düsseldorf" not in named


def test_those_who_bear_the_cost_of_a_project_fund_it():
    links = _links(
        "Das Projekt „Brücken bauen“ startete 2022.\n"
        "Die Grundfinanzierung des Projekts tragen der Kreis Wesel und die Stadt Herne."
    )
    assert {"Kreis Wesel", "Stadt Herne"} <= _ends(links, "FUNDED_BY", "Brücken bauen")


def test_a_list_before_the_particle_that_closes_the_sentence_takes_part():
    """ "Im Projekt arbeiten A, B und C mit.": the verb's particle after the list."""
    links = _links(
        "Das Projekt „Brücken bauen“ startete 2022.\n"
        "Im Projekt arbeiten die Stadt Gladbeck, der Kreis Wesel und die Stadt Herne mit."
    )
    members = _ends(links, "PARTICIPATES_IN", "Brücken bauen")
    assert {"Stadt Gladbeck", "Kreis Wesel", "Stadt Herne"} <= members


def test_a_table_of_partners_links_each_row_by_its_columns(tmp_path):
    links = _extracted(
        tmp_path / "kooperationspartner.txt",
        "Anhang 2: Kooperationspartner und Förderer\n"
        "\n"
        "Partner                        Projekt                    Förderung\n"
        "Jobcenter Stadt Kassel         „Brücken in Arbeit“        Aktion Mensch\n"
        "Klinikum Nordstadt Kassel      „Interkulturelle Pflege-   Stiftung Nordhessische\n"
        "gGmbH                          teams“                     Wirtschaft\n"
        "\n"
        "Weitere Partner\n"
        "\n"
        "Organisation                   Maßnahmen                  Beteiligte Partner\n"
        "Handwerkskammer Kassel         Beratung von Betrieben     Agentur für Arbeit Kassel;\n"
        "                                                          Stadt Kassel\n"
        "IG Metall Nordhessen           Seminare für Betriebs-     Bildungswerk Arbeit\n"
        "                               räte                       Nordhessen e. V.\n",
    )
    # a row takes part in its project; its funding column funds the project, not the row
    assert ("Jobcenter Stadt Kassel", "PARTICIPATES_IN", "Brücken in Arbeit") in links
    assert ("Brücken in Arbeit", "FUNDED_BY", "Aktion Mensch") in links
    pflege = "Interkulturelle Pflegeteams"
    assert ("Klinikum Nordstadt Kassel gGmbH", "PARTICIPATES_IN", pflege) in links
    assert (pflege, "FUNDED_BY", "Stiftung Nordhessische Wirtschaft") in links
    assert not any(s == "Jobcenter Stadt Kassel" for s, t, _ in links if t == "FUNDED_BY")
    # the partners a row names in its partners' column are its partners
    partners = _ends(links, "COOPERATES_WITH", "Handwerkskammer Kassel")
    assert {"Agentur für Arbeit Kassel", "Stadt Kassel"} <= partners
    assert "Bildungswerk Arbeit Nordhessen e. V." in _ends(
        links, "COOPERATES_WITH", "IG Metall Nordhessen"
    )


def test_in_a_transcript_wir_is_the_speakers_organisation(tmp_path):
    links = _extracted(
        tmp_path / "pressekonferenz.txt",
        "Stadt Musterstadt – Pressekonferenz zum Start der Allianz Vielfalt\n"
        "\n"
        "Auf dem Podium:\n"
        "Dr. Ulrike Sandner, Beigeordnete der Stadt Musterstadt\n"
        "Jens Krebs, Hauptgeschäftsführer der Handwerkskammer Musterstadt\n"
        "Moderation: Anja Kersten, Pressesprecherin der Stadt Musterstadt\n"
        "\n"
        "KERSTEN: Herr Krebs, was bringt die Kammer in die Allianz ein?\n"
        "\n"
        "KREBS: Zusammen mit der Agentur für Arbeit Musterstadt bauen wir ein Portal\n"
        "für Ausbildungsplätze auf.\n"
        "\n"
        "KERSTEN: Frau Dr. Sandner, wer berät die Familien?\n"
        "\n"
        "SANDNER: Dafür kooperieren wir seit 2020 mit dem Caritasverband Musterstadt e. V.\n",
    )
    chamber, city = "Handwerkskammer Musterstadt", "Stadt Musterstadt"
    assert "Agentur für Arbeit Musterstadt" in _ends(links, "COOPERATES_WITH", chamber)
    assert "Agentur für Arbeit Musterstadt" not in _ends(links, "COOPERATES_WITH", city)
    assert "Caritasverband Musterstadt e. V." in _ends(links, "COOPERATES_WITH", city)


def test_a_subsidiary_is_part_of_its_owner():
    named = _links("Die Stadtwerke Hamm GmbH ist eine hundertprozentige Tochter der Stadt Hamm.")
    assert ("Stadtwerke Hamm GmbH", "PART_OF", "Stadt Hamm") in named
    ours = _links(
        "Gemeinsam mit unserer Tochtergesellschaft Brandhorst Netze GmbH bilden wir aus.",
        partner="Brandhorst Energie AG",
    )
    assert ("Brandhorst Netze GmbH", "PART_OF", "Brandhorst Energie AG") in ours
    we = _links(
        "Als hundertprozentige Tochter der Stadt Lindenfurt bilden wir jedes Jahr aus.",
        partner="Stadtwerke Lindenfurt GmbH",
    )
    assert ("Stadtwerke Lindenfurt GmbH", "PART_OF", "Stadt Lindenfurt") in we
    # a subsidiary the text names without a legal form is no reason to make the partner one
    other = _links(
        "Nordhafen Logistik, eine Tochter der Hansehafen Holding AG, beschäftigt 40 Menschen.",
        partner="Brückenwerk Nord gGmbH",
    )
    assert not any(t == "PART_OF" and s == "Brückenwerk Nord gGmbH" for s, t, _ in other)


def test_a_numbered_measure_of_a_concept_is_led_by_its_lead_and_joined_by_the_others(
    tmp_path: Path,
) -> None:
    """A concept's catalogue numbers its measures ("M 1.2") and prints who leads each
    ("Federführung:") and who takes part ("Beteiligte:"): the measure's title, after its
    number, is the record's name."""
    links = _extracted(
        tmp_path / "konzept.txt",
        "Integrationskonzept der Stadt Musterstadt\n\n"
        "M 1.2  Sprachcafé „Deutsch im Quartier“\n"
        "       Gesprächstreff in der Stadtbücherei, zweimal in der Woche.\n"
        "       Federführung:  Volkshochschule Musterstadt\n"
        "       Beteiligte:    Flüchtlingshilfe Musterstadt e. V.\n"
        "       Zeitraum:      2024 – 2028\n",
    )
    assert ("Deutsch im Quartier", "ORGANISED_BY", "Volkshochschule Musterstadt") in links
    assert _ends(links, "PARTICIPATES_IN", "Deutsch im Quartier") == {
        "Flüchtlingshilfe Musterstadt e. V."
    }


def test_a_relative_clause_with_wir_links_the_partner_to_the_name_it_refers_back_to() -> None:
    """ "…, mit dem wir seit 2023 kooperieren": the partner works with the name right before
    the clause's comma ("denen": with each name listed there); "…, an dem wir uns
    beteiligen" after a project: the partner takes part in it."""
    partner = "Stadtwerke Musterstadt GmbH"
    links = _links(
        "Die Beratung übernimmt der Caritasverband Musterstadt e. V., mit dem wir seit 2023 "
        "kooperieren. Wichtige Partner sind der Verein Miteinander e. V. und die "
        "Handwerkskammer Beispielstadt, mit denen wir eng zusammenarbeiten. 2024 startete "
        "das Projekt „Brücken bauen“, an dem wir uns als Praxispartner beteiligen.",
        partner=partner,
    )
    assert {
        "Caritasverband Musterstadt e. V.",
        "Verein Miteinander e. V.",
        "Handwerkskammer Beispielstadt",
    } <= _ends(links, "COOPERATES_WITH", partner)
    assert (partner, "PARTICIPATES_IN", "Brücken bauen") in links


def test_project_profiles_set_as_label_and_value_columns_state_their_links(
    tmp_path: Path,
) -> None:
    """A collection of project profiles sets each project's title, then its labels in a
    column of their own and the values beside them, without colons: the title (no cue word
    names it a project) is run by the "Träger", funded by the "Förderung" and works with
    its "Kooperationspartner", whose list goes on over the next line after a semicolon."""
    links = _extracted(
        tmp_path / "steckbriefe.txt",
        "Projektsteckbriefe des Landesprogramms\n\n"
        "Die folgenden Steckbriefe stellen die geförderten Projekte vor.\n\n"
        "Projekt 1\n"
        "Digital fit in den Job\n"
        "Träger               Bildungswerk Musterstadt gGmbH\n"
        "Kooperationspartner  Jobcenter Musterstadt; Volkshochschule Musterstadt;\n"
        "                     Handwerkskammer Beispielstadt\n"
        "Förderung            Aktion Mensch\n"
        "Laufzeit             01.01.2024 – 31.12.2026\n"
        "Kontakt              Erika Muster, muster@example.org\n\n"
        "Projekt 2\n"
        "Mama arbeitet in Musterstadt\n"
        "Träger               Frauenverein Musterstadt e. V.\n"
        "Kooperationspartner  Familienzentrum Musterstadt\n"
        "Förderung            Stiftung Beispielstadt\n"
        "Laufzeit             01.09.2023 – 31.08.2026\n",
    )
    assert ("Digital fit in den Job", "ORGANISED_BY", "Bildungswerk Musterstadt gGmbH") in links
    assert ("Digital fit in den Job", "FUNDED_BY", "Aktion Mensch") in links
    assert {"Jobcenter Musterstadt", "Handwerkskammer Beispielstadt"} <= _ends(
        links, "COOPERATES_WITH", "Bildungswerk Musterstadt gGmbH"
    )
    assert (
        "Mama arbeitet in Musterstadt",
        "ORGANISED_BY",
        "Frauenverein Musterstadt e. V.",
    ) in links


def test_a_profile_that_opens_with_its_projects_field_is_that_projects(tmp_path: Path) -> None:
    """ "Projekt   Akademische Brückenqualifizierung (ABI)" as a profile's first field: the
    fields below it are the project's, though no name stands above them."""
    links = _extracted(
        tmp_path / "profil.txt",
        "Hochschule Musterstadt\n\nKurzprofil\n"
        "---------------------------------------------\n"
        "Projekt          Akademische Brückenqualifizierung International (ABI)\n"
        "Träger           Hochschule Musterstadt\n"
        "Förderung        Förderprogramm „Integration durch Qualifizierung (IQ)“\n"
        "Laufzeit         seit 2019\n"
        "---------------------------------------------\n",
    )
    abi = "Akademische Brückenqualifizierung International"
    assert {abi, f"{abi} (ABI)"} & _ends(links, "ORGANISED_BY", "Hochschule Musterstadt")
    assert {abi, f"{abi} (ABI)"} & _ends(links, "FUNDED_BY", "Integration durch Qualifizierung")
