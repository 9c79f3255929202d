"""Members of organisation lists are organisations, named or not by a cue word
(loaders/mentions/list_members.py, loaders/mentions/shared_heads.py), and they get the list's
link."""

from pathlib import Path

import pytest

from loaders.extract import extract_document, to_contract
from loaders.mentions.list_members import list_members
from loaders.mentions.patterns import Mention
from loaders.mentions.roles import without_roles
from loaders.mentions.shared_heads import shared_head_mentions


def _org(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention("org", name, name, start, start + len(name), "Sonstige")


def test_unnamed_members_between_two_found_organisations_are_organisations():
    text = (
        "Partner sind die Stadt Hamm, das BüZe Ehrenfeld, die Refugee Law Clinic und der"
        " Kreis Soest."
    )
    found = [_org(text, "Stadt Hamm"), _org(text, "Kreis Soest")]
    names = [m.name for m in list_members(text, found)]
    assert names == ["Stadt Hamm", "BüZe Ehrenfeld", "Refugee Law Clinic", "Kreis Soest"]


def test_a_gap_that_is_not_only_a_list_adds_nothing():
    text = (
        "Die Stadt Hamm hat mit dem Kreis Soest und vielen Vereinen Gespräche geführt,"
        " sagt der Kreis Unna."
    )
    found = [_org(text, "Stadt Hamm"), _org(text, "Kreis Soest"), _org(text, "Kreis Unna")]
    assert list_members(text, found) == found


def test_a_single_common_word_is_no_member():
    text = "Dabei sind die Stadt Hamm, die Verwaltung und der Kreis Soest."
    found = [_org(text, "Stadt Hamm"), _org(text, "Kreis Soest")]
    assert list_members(text, found) == found


def test_a_name_cut_by_the_list_is_completed():
    text = "Dabei sind die Stadt Hamm, das Eine Welt Forum Aachen und der Kreis Soest."
    found = [_org(text, "Stadt Hamm"), _org(text, "Welt Forum"), _org(text, "Kreis Soest")]
    assert "Eine Welt Forum Aachen" in [m.name for m in list_members(text, found)]


def test_a_name_never_runs_into_the_next_bullet():
    text = "Mitveranstalter:\n- Syrischer Freundeskreis Ortenau\n- Sinti & Roma Offenburg\n"
    swallowed = _org(text, "Syrischer Freundeskreis Ortenau\n- Sinti & Roma Offenburg")
    names = [m.name for m in list_members(text, [swallowed])]
    assert names == ["Syrischer Freundeskreis Ortenau", "Sinti & Roma Offenburg"]


def test_a_plural_head_names_one_organisation_per_place():
    text = "Beteiligt sind die Bezirksregierungen Arnsberg, Detmold und Münster sowie Jobcenter."
    assert [m.name for m in shared_head_mentions(text)] == [
        "Bezirksregierung Arnsberg",
        "Bezirksregierung Detmold",
        "Bezirksregierung Münster",
    ]
    jobcenters = "Sie kommen aus fünf Jobcentern in Aachen, Bonn und Köln."
    assert [m.name for m in shared_head_mentions(jobcenters)] == [
        "Jobcenter Aachen",
        "Jobcenter Bonn",
        "Jobcenter Köln",
    ]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (  # its own legal form
            "Dabei sind die Caritasverbände Büren e.V. und Paderborn e. V. sowie die Diakonie.",
            ["Caritasverband Büren e.V.", "Caritasverband Paderborn e. V."],
        ),
        (  # the region that tells it apart
            "Beteiligte: die Städte Arnsberg, Sundern (Sauerland), Meschede,\nund Medebach.",
            ["Stadt Arnsberg", "Stadt Sundern (Sauerland)", "Stadt Meschede", "Stadt Medebach"],
        ),
    ],
)
def test_members_of_a_plural_head_keep_what_follows_their_place(text, members):
    assert [m.name for m in shared_head_mentions(text)] == members


def test_towns_named_without_their_qualifier_and_districts_are_members():
    # GeoNames names "Kempten (Allgäu)" and "Marburg an der Lahn"; texts leave that off,
    # and a district is named after its towns ("Trier-Saarburg") or by its region
    text = (
        "Es beteiligten sich die Städte Memmingen, Augsburg und Kempten, die Landkreise "
        "Günzburg und Oberallgäu und die Jobcenter Trier-Stadt und Trier-Saarburg. "
        "Die beiden Städte Kassel und Marburg koordinieren."
    )
    assert [m.name for m in shared_head_mentions(text)] == [
        "Stadt Memmingen",
        "Stadt Augsburg",
        "Stadt Kempten",
        "Landkreis Günzburg",
        "Landkreis Oberallgäu",
        "Jobcenter Trier-Stadt",
        "Jobcenter Trier-Saarburg",
        "Stadt Kassel",
        "Stadt Marburg",
    ]
    # one place of two is enough; one of three is not
    assert shared_head_mentions("die Landkreise Oberallgäu, Ostallgäu und Unterallgäu") == []


def test_towns_as_places_and_common_nouns_name_nobody():
    assert shared_head_mentions("Es gab Feste in den Städten Köln, Bonn und Aachen.") == []
    assert shared_head_mentions("Sie gaben den Städten Geld, Personal und Zeit.") == []


def test_members_of_an_organiser_list_organise_the_event(tmp_path: Path):
    path = tmp_path / "fachtag.txt"
    path.write_text(
        "Fachtag „Vielfalt im Quartier“\n\n"
        "Veranstalter des Fachtags sind die Stadt Gladbeck, die Refugee Law Clinic,\n"
        "das BüZe Ehrenfeld und die Städte Herne, Bochum und Dortmund.\n",
        encoding="utf-8",
    )
    extraction = extract_document(path)
    names = {o.name for o in extraction.organisations}
    assert {"Refugee Law Clinic", "BüZe Ehrenfeld", "Stadt Herne", "Stadt Dortmund"} <= names
    organisers = {
        link["target"]
        for link in to_contract(extraction)["links"]
        if link["type"] == "ORGANISED_BY" and link["source"] == "Vielfalt im Quartier"
    }
    assert {"Refugee Law Clinic", "BüZe Ehrenfeld", "Stadt Bochum"} <= organisers


def test_an_abbreviation_heading_a_list_item_is_no_name_of_its_own():
    text = "Mit dabei:\n- AABF – Alevitische Gemeinde Deutschland e. V.\n"
    found = [
        Mention("programme", "AABF", "AABF", 13, 17, "Projekt", origin="model"),
        _org(text, "Alevitische Gemeinde Deutschland e. V."),
    ]
    assert [m.name for m in list_members(text, found)] == ["Alevitische Gemeinde Deutschland e. V."]


def test_people_named_beside_their_office_are_no_organisations():
    text = "Es sprachen Landrat Max Muster und Erika Beispiel, Geschäftsführerin der Stadt Hamm."
    found = [
        Mention("org", "Max Muster", "Max Muster", 20, 30, "Sonstige", origin="model"),
        Mention("org", "Erika Beispiel", "Erika Beispiel", 35, 49, "Sonstige", origin="model"),
    ]
    assert without_roles(text, found) == []


def test_people_of_a_participant_list_with_their_organisation_in_brackets_are_no_organisations():
    text = (
        "• Doreen Barzel (Stiftung Mercator) • Jan-Alexander Muster (Mülheim & Business GmbH) "
        "• Konzerthaus Dortmund (Kooperationspartner) • Caritas Essen (Stadt Essen)"
    )

    def model(name: str, span: str | None = None) -> Mention:
        surface = span or name
        start = text.index(surface)
        return Mention(
            "org", name, surface, start, start + len(surface), "Sonstige", origin="model"
        )

    found = [
        model(
            "Doreen Barzel", "• Doreen Barzel (Stiftung Mercator"
        ),  # a model span, bullet and all
        model("Jan-Alexander Muster"),
        model("Konzerthaus Dortmund"),
        model("Caritas Essen"),
    ]
    assert [m.name for m in without_roles(text, found)] == ["Konzerthaus Dortmund", "Caritas Essen"]


def test_an_office_with_its_holder_is_no_organisation():
    text = "Grußworte: Staatsministerin Annette Widmann-Mauz und die Stadt Hamm."
    found = [
        Mention(
            "org", "x", "Staatsministerin Annette Widmann-Mauz", 11, 48, "Sonstige", origin="model"
        ),
        _org(text, "Stadt Hamm"),
    ]
    assert [m.name for m in without_roles(text, found)] == ["Stadt Hamm"]


def test_a_guessed_name_over_und_and_an_article_is_two_organisations():
    text = "Gefördert werden der Rhein-Neckar-Kreis und der Heidelberger Dienste gGmbH."
    start = text.index("Rhein")
    end = text.rindex(".")
    found = [Mention("org", "x", text[start:end], start, end, "Sonstige", origin="suffix")]
    names = [m.name for m in list_members(text, found)]
    assert names == ["Rhein-Neckar-Kreis", "Heidelberger Dienste gGmbH"]


def test_names_glued_over_und_or_a_line_are_split_only_when_each_has_a_head():
    def names(text: str) -> list[str]:
        start = text.index(" ") + 1
        end = text.index(" arbeiten") if " arbeiten" in text else text.rindex(".")
        found = [Mention("org", "x", text[start:end], start, end, "Sonstige", origin="model")]
        return [m.name for m in list_members(text, found)]

    assert names("die Universität Bielefeld und Ruhr Universität Bochum.") == [
        "Universität Bielefeld",
        "Ruhr Universität Bochum",
    ]
    assert names("Bericht Rhein-Sieg-Kreis\nStadt Duisburg.") == [
        "Rhein-Sieg-Kreis",
        "Stadt Duisburg",
    ]
    assert names("das Ministerium für Arbeit und Soziales.") == ["x"]
    assert names("die Agentur für Arbeit\nBremen-Bremerhaven.") == ["x"]
    # two companies, each closed by its legal form; a name and its legal form over a line stay
    assert names("die EWE VERTRIEB GmbH und EWE WASSER GmbH.") == [
        "EWE VERTRIEB GmbH",
        "EWE WASSER GmbH",
    ]
    assert names("der Caritasverband\nWorms e. V.") == ["x"]
    # ... also where the first name's legal form stands on the next line
    assert names("die Ahmadiyya Muslim Jamaat\ne. V. und Binodon Bangla e. V. arbeiten mit.") == [
        "Ahmadiyya Muslim Jamaat e. V.",
        "Binodon Bangla e. V.",
    ]


def test_an_office_before_a_body_with_von_or_without_article_is_cut_off():
    text = "Es sprachen Co-Geschäftsführer von Afropa e.V. und Vorstand IN VIA Paderborn e.V."
    first = text.index("Co-")
    second = text.index("Vorstand")
    found = [
        Mention("org", "x", text[first : text.index(" und")], first, text.index(" und"), "Verein"),
        Mention("org", "y", text[second:], second, len(text), "Verein"),
    ]
    names = [m.name for m in without_roles(text, found)]
    assert names == ["Afropa e.V.", "IN VIA Paderborn e.V."]


def test_an_office_before_a_persons_name_without_article_leaves_no_organisation():
    text = "Es sprach Präsident Max Muster."
    start = text.index("Präsident")
    found = [Mention("org", "x", "Präsident Max Muster", start, start + 20, "Sonstige")]
    assert without_roles(text, found) == []


def test_a_plural_generic_head_with_von_names_each_member():
    text = "Er begrüßte die Vorsitzenden der Integrationsräte von Dortmund und Lünen."
    assert [m.name for m in shared_head_mentions(text)] == [
        "Integrationsrat Dortmund",
        "Integrationsrat Lünen",
    ]


def test_a_person_named_before_the_organisation_they_speak_for_is_cut_off():
    text = (
        "- Christina Katz von diversu e. V. berichtete, Baraa Abu El-Khair vom Nour Energy "
        "e. V. stellte vor, und der Mannheimer Altertumsverein von 1859 e. V. lud ein."
    )

    def model(name: str) -> Mention:
        start = text.index(name)
        return Mention("org", name, name, start, start + len(name), "Sonstige", origin="model")

    found = [
        model("Christina Katz von diversu e. V."),
        model("Baraa Abu El-Khair vom Nour Energy e. V."),
        model("Mannheimer Altertumsverein von 1859 e. V."),  # a club's year, no person
    ]
    assert [m.name for m in without_roles(text, found)] == [
        "diversu e. V.",
        "Nour Energy e. V.",
        "Mannheimer Altertumsverein von 1859 e. V.",
    ]


def test_a_compound_plural_head_names_its_members_by_its_singular_ending():
    text = (
        "Sie entstand aus den Landwirtschaftskammern Hannover und Weser-Ems. "
        "Die Polizeidirektionen Braunschweig und Göttingen beraten."
    )
    assert [m.name for m in shared_head_mentions(text)] == [
        "Landwirtschaftskammer Hannover",
        "Landwirtschaftskammer Weser-Ems",
        "Polizeidirektion Braunschweig",
        "Polizeidirektion Göttingen",
    ]
    # after "in" a compound names the bodies in those places, not their names
    assert shared_head_mentions("die Migrantenvereine in Esslingen und Nürtingen") == []


def test_a_name_after_a_sentences_end_is_not_completed_with_the_word_before_it():
    """ "… verbindet Betriebe und Beratungsstellen.\nStadtwerke Celle GmbH": the name opens
    the next line's sentence; "Beratungsstellen." ends the one before."""
    text = (
        "Das Netzwerk Vielfalt Südheide verbindet Betriebe und Beratungsstellen.\n"
        "Stadtwerke Celle GmbH\nWir versorgen rund 40.000 Haushalte."
    )
    guessed = _org(text, "Netzwerk Vielfalt Südheide verbindet Betriebe").with_(origin="model")
    found = [guessed, _org(text, "Stadtwerke Celle GmbH").with_(origin="suffix")]
    names = [m.name for m in list_members(text, found)]
    assert "Stadtwerke Celle GmbH" in names
    assert not any("Beratungsstellen" in name for name in names)


def test_a_plural_head_of_towns_bodies_names_a_unit_of_each_town(tmp_path: Path):
    """ "die Gesundheitsämter der Kreise Soest und Unna": each member is its Kreis's own
    office, part of it, and takes the sentence's link; the Kreise are no members."""
    text = "Die Gesundheitsämter der Kreise Soest und Unna wirken im Netzwerk mit."
    members = shared_head_mentions(text)
    assert [(m.kind, m.name, m.parent) for m in members] == [
        ("unit", "Gesundheitsamt Kreis Soest", "Kreis Soest"),
        ("unit", "Gesundheitsamt Kreis Unna", "Kreis Unna"),
    ]
    path = tmp_path / "meldung.txt"
    path.write_text(
        "Netzwerk Gesundheit Hellweg\n\nDas Netzwerk Gesundheit Hellweg arbeitet mit den "
        "Ausländerbehörden der Städte Hamm und Lünen zusammen.\n",
        encoding="utf-8",
    )
    links = {
        (k["source"], k["type"], k["target"]) for k in to_contract(extract_document(path))["links"]
    }
    for town in ("Hamm", "Lünen"):
        assert (f"Ausländerbehörde Stadt {town}", "PART_OF", f"Stadt {town}") in links


def test_a_plural_of_bund_names_one_organisation_per_place():
    text = "Wir arbeiten mit den Stadtsportbünden Hamm, Herne und Solingen zusammen."
    assert [m.name for m in shared_head_mentions(text)] == [
        "Stadtsportbund Hamm",
        "Stadtsportbund Herne",
        "Stadtsportbund Solingen",
    ]
