"""Mention finding: reference names with spelling variants and new names by pattern."""

import pytest

from loaders.clean.textstream import TextStream
from loaders.extract import extract_document
from loaders.mentions.cases import in_nominative
from loaders.mentions.find import find_mentions, with_definitions
from loaders.mentions.glued_words import without_lower_tails, without_next_line
from loaders.mentions.legal_forms import find_suffix_orgs
from loaders.mentions.patterns import Mention, find_pattern_mentions, normalise_org_name
from loaders.names import name_key


def _names(text: str) -> dict[str, str]:
    return {m.name: m.kind for m in find_mentions(TextStream(text, (0,), (1,)))}


def _organisations_of(tmp_path, name: str, text: str) -> set[str]:
    """The organisations extracted from ``text`` written to a file ``name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {o.name for o in extract_document(path).organisations}


def test_reference_names_match_ocr_and_inflection_variants():
    found = _names(
        "Das Ministerium fiir Arbeit, Integration und Soziales und die Bezirksregierung "
        "Arnsberg berichten. Der Beitrag des Westdeutschen Rundfunks und das Dezernat 36 (Kfl)."
    )
    assert (
        "Ministerium für Arbeit, Integration und Soziales des Landes Nordrhein-Westfalen" in found
    )
    assert "Bezirksregierung Arnsberg" in found
    assert "Westdeutscher Rundfunk" in found
    assert "Kompetenzzentrum für Integration" in found


def test_new_organisations_by_naming_pattern():
    found = _names(
        "In Kooperation mit der Stadt Hückeswagen, dem Jobcenter Kreis Wesel und dem "
        "Förderverein Sonnenschein e. V. sowie der Müller & Söhne GmbH."
    )
    assert found.get("Stadt Hückeswagen") == "org"
    assert found.get("Förderverein Sonnenschein e. V.") == "org"
    assert found.get("Müller & Söhne GmbH") == "org"
    assert any(n.startswith("Jobcenter Kreis Wesel") for n in found)


def test_programmes_by_cue_word():
    found = _names("Im Projekt „Brücken bauen“ und in der Kampagne #WirSindBunt wirken wir mit.")
    assert found.get("Brücken bauen") == "programme"
    assert found.get("#WirSindBunt") == "programme"


def test_abbreviation_definition_is_used_later():
    text = "Das Landesamt für Statistik (LfS) berät. Später sprach das LfS vor."
    mentions = find_mentions(TextStream(text, (0,), (1,)))
    later = [m for m in mentions if m.surface == "LfS"]
    assert len(later) == 1
    assert later[0].name == "Landesamt für Statistik"
    assert later[0].start == text.rindex("LfS")


@pytest.mark.parametrize("short", ["vbw", "VdB"])
def test_a_short_form_in_lower_case_is_defined_like_capitals(short):
    text = (
        f"Der Verband der Bildungswerke e. V. ({short}) lädt ein. "
        f"Später berichtete die {short} über das Projekt."
    )
    mentions = find_mentions(TextStream(text, (0,), (1,)))
    later = [m for m in mentions if m.start == text.rindex(short)]
    assert [m.name for m in later] == ["Verband der Bildungswerke e. V."]


def test_a_prize_and_a_quoted_title_over_three_lines_are_programmes():
    text = (
        "Die Stadt vergibt den Integrationspreis „Brücken bauen“. Sie führt das Projekt "
        "„Gewinnung von jungen\nMenschen mit Einwanderungsgeschichte für den\nöffentlichen "
        "Dienst“ durch."
    )
    found = _names(text)
    assert found.get("Brücken bauen") == "programme"
    title = "Gewinnung von jungen Menschen mit Einwanderungsgeschichte für den öffentlichen Dienst"
    assert found.get(title) == "programme"


def test_the_ministries_of_city_states_are_organisations():
    found = _names(
        "Das Projekt ist eine Kooperation zwischen der Behörde für Schule und Berufsbildung, "
        "der Behörde für Inneres und Sport und dem Senator für Wirtschaft, Arbeit und Häfen."
    )
    for name in (
        "Behörde für Schule und Berufsbildung",
        "Behörde für Inneres und Sport",
        "Senator für Wirtschaft, Arbeit und Häfen",
    ):
        assert found.get(name) == "org"


def test_participant_list_gives_units_with_parents():
    people = " • ".join(f"Vor{i} Nach{i} (Stadt Ort{i}, Amt für Sachen)" for i in range(6))
    mentions = find_mentions(TextStream(people, (0,), (1,)))
    units = [m for m in mentions if m.kind == "unit"]
    assert len(units) == 6
    assert {m.parent for m in units} == {f"Stadt Ort{i}" for i in range(6)}


def test_name_key_folds_ocr_umlauts():
    assert name_key("Interkulturelle Offnung fiir Behérden") == name_key(
        "Interkulturelle Öffnung für Behörden"
    )


def test_adjective_school_and_office_units():
    names = _names(
        "Gemeinsam mit dem Evangelischen Gymnasium Neustadt und dem Integrations- und "
        "Gleichstellungsbüro der Stadt Neustadt."
    )
    assert "Evangelisches Gymnasium Neustadt" in names
    assert any(n.startswith("Integrations- und Gleichstellungsbüro") for n in names)


def test_named_days_and_quoted_lists():
    names = _names(
        "Anlässlich des Internationalen Tages der Toleranz und der Aktion „Mut zeigen“ "
        "und „Hand reichen“ sowie am „Tag des Ehrenamts“."
    )
    for name in ("Internationaler Tag der Toleranz", "Mut zeigen", "Hand reichen"):
        assert name in names, names
    assert "Tag des Ehrenamts" in names


def test_second_numbered_unit_and_capital_heading_is_no_place():
    names = _names("Die Dezernate 12 und 47 luden ein. Schulung der Stadtverwaltung\nPARCOURS")
    assert {"Dezernat 12", "Dezernat 47"} <= set(names)
    assert not any("PARCOURS" in n for n in names)


def test_legal_form_walk_stops_at_preposition_and_genitive_owner():
    names = _names(
        "Ein Teil wurde gesponsert von MÜLLER & SOHN GmbH. Die Beratungsstelle Nord der "
        "Bildungsgesellschaft Neustadt e. V. berät."
    )
    assert "MÜLLER & SOHN GmbH" in names
    assert "Bildungsgesellschaft Neustadt e. V." in names


def test_a_short_form_in_brackets_inside_a_name_is_the_names():
    text = (
        "Unterzeichnet haben die Leipziger Verkehrsbetriebe (LVB) GmbH und die Stadt. "
        "Die LVB bilden seitdem mehr Fachkräfte aus."
    )
    stream = TextStream(text, (0,), (1,))
    found = [(m.name, m.surface) for m in find_mentions(stream) if m.kind == "org"]
    assert (
        "Leipziger Verkehrsbetriebe (LVB) GmbH",
        "Leipziger Verkehrsbetriebe (LVB) GmbH",
    ) in found
    assert ("Leipziger Verkehrsbetriebe (LVB) GmbH", "LVB") in found  # its later use
    assert not any(name.startswith("LVB)") for name, _ in found)


def test_a_line_in_capitals_run_into_a_name_is_no_part_of_it():
    from loaders.mentions.model import Mention
    from loaders.mentions.prefixes import without_capital_lines

    def cut(text: str) -> str:
        whole = Mention("org", text, text, 0, len(text), "Sonstige", origin="model")
        return without_capital_lines(text, [whole])[0].surface

    assert cut("STUDIERENDENWERK\nStudentenwerk Gießen") == "Studentenwerk Gießen"
    assert cut("Regionaldirektion Hessen der Bundesagentur für Arbeit\nDIENSTSITZ DARMSTADT") == (
        "Regionaldirektion Hessen der Bundesagentur für Arbeit"
    )
    # a name in capitals throughout, and short forms in capitals inside a name, stay
    assert cut("STADT DESSAU-ROSSLAU\nINTEGRATIONSBÜRO") == "STADT DESSAU-ROSSLAU\nINTEGRATIONSBÜRO"
    assert (
        cut("Arbeit und Leben\nDGB/VHS Hamburg e. V.") == "Arbeit und Leben\nDGB/VHS Hamburg e. V."
    )


def test_ocr_fixes_in_the_stream():
    from loaders.clean.textstream import fix_ocr

    assert fix_ocr("Genehmigungsbehdrde fir die Offnung der MaBnahmen") == (
        "Genehmigungsbehörde für die Öffnung der Maßnahmen"
    )
    assert fix_ocr("Anlasslich des Tages Uber alles") == "Anlässlich des Tages Über alles"
    # a capital I read as l: no German word opens with "lm" or "ln"
    assert fix_ocr("lm Rahmen der lntegration") == "Im Rahmen der Integration"
    # an umlaut's dots as a character of their own; digits for letters inside a word
    assert (
        fix_ocr("Einbu¨rgerung im Ma¨dchenhaus 0ldenburg")
        == "Einbürgerung im Mädchenhaus Oldenburg"
    )
    assert fix_ocr("Charta der Vie1falt") == "Charta der Vielfalt"


def test_ocr_repairs_leave_correct_spellings_alone():
    from loaders.clean.textstream import fix_ocr

    # ß never follows a consonant, and a short form with capitals keeps its B
    for written in (
        "Die KölnBäder laden ein",
        "Das Netzwerk NeBeL",
        "lt. Vertrag",
        "Elmigra",
        "in 1a Lage seit 2010",
    ):
        assert fix_ocr(written) == written


def test_workshop_series_with_a_name_keeps_its_cue_word():
    from loaders.mentions.patterns import find_pattern_mentions

    found = find_pattern_mentions("Wir begleiten eine Zukunftswerkstatt Vielfalt mit fünf Kreisen.")
    assert ("programme", "Zukunftswerkstatt Vielfalt") in {(m.kind, m.name) for m in found}
    assert not [
        m for m in find_pattern_mentions("die Werkstatt für Menschen") if m.kind == "programme"
    ]


def test_plural_project_cue_before_a_quoted_name():
    from loaders.mentions.patterns import find_pattern_mentions

    found = find_pattern_mentions("Die Module kommen aus den Projekten „Offen für Alle“ und mehr.")
    assert "Offen für Alle" in {m.name for m in found if m.kind == "programme"}


def _abbr(name: str, abbr: str, start: int):  # a known abbreviation found in a text
    from loaders.mentions.model import Mention

    return Mention(
        "org", name, abbr, start, start + len(abbr), "Verein", "x", "reference", abbreviation=abbr
    )


def test_abbreviation_compound_is_unit_of_the_abbreviated_organisation():
    from loaders.mentions.unit_names import abbreviation_units

    text = "Der XYZ-Klinikverbund und die XYZ-Kliniken"
    found = abbreviation_units(
        text, [_abbr("Xaver Verband", "XYZ", 4), _abbr("Xaver Verband", "XYZ", 30)]
    )
    assert [(m.kind, m.name, m.parent) for m in found] == [
        ("unit", "XYZ-Klinikverbund", "Xaver Verband"),
        ("org", "Xaver Verband", None),
    ]


def test_abbreviation_with_separate_unit_word_takes_its_line():
    from loaders.mentions.unit_names import abbreviation_units

    text = "XYZ Verbund Sozialer Dienste\n• Angebote"
    found = abbreviation_units(text, [_abbr("Xaver Verband", "XYZ", 0)])
    assert [(m.name, m.parent) for m in found] == [
        ("XYZ Verbund Sozialer Dienste", "Xaver Verband")
    ]


def test_service_unit_of_a_programme_run_by_an_organisation_is_its_project():
    from loaders.mentions.model import Mention
    from loaders.mentions.unit_names import programme_units

    text = "von der Servicestelle QQ Beratung und Training der Musterverein Nord e. V. betreut"
    at, of = text.index("QQ"), text.index("Musterverein")
    qq = Mention(
        "programme", "Qualität Quer", "QQ", at, at + 2, "Foerderprogramm", "qq", "reference"
    )
    owner_name = "Musterverein Nord e. V."
    owner = Mention("org", owner_name, owner_name, of, of + len(owner_name), "Verein")
    found = programme_units(text, [qq, owner])
    assert [(m.kind, m.name) for m in found] == [
        ("programme", "Servicestelle QQ Beratung und Training"),
        ("org", "Musterverein Nord e. V."),
    ]


def test_service_unit_named_after_a_programme_takes_part_in_it():
    from loaders.links.context import programme_units
    from loaders.resolve.entities import Entity

    class Out:
        links: list[tuple[str, str, str]] = []

        def add(self, source, target, type_, line, evidence):
            self.links.append((source, target, type_))

    org = Entity("o", "org", "Sonstige", canonical="QQ Fachstelle Antidiskriminierung", lines={3})
    prog = Entity("p", "programme", "Foerderprogramm", canonical="Qualität Quer", aliases={"QQ"})
    out = Out()
    programme_units(out, {"o": org, "p": prog})
    assert out.links == [("o", "p", "PARTICIPATES_IN")]


def test_place_phrase_only_with_a_known_river_or_landscape():
    names = _names(
        "Die Stadt Mülheim an der Ruhr, das Jobcenter Musterstadt an der Vielfaltswoche und "
        "die Stadt Neustadt an der Weinstraße; die Agentur für Arbeit Musterdorf am Montag."
    )
    assert "Stadt Mülheim an der Ruhr" in names
    assert "Stadt Neustadt an der Weinstraße" in names
    assert "Jobcenter Musterstadt" in names
    assert not any("Vielfalt" in n or "Montag" in n for n in names)


def test_a_town_named_with_its_landscape_keeps_it():
    """ "Freiburg im Breisgau", "Halle (Saale)": the landscape after "im" or in brackets is
    part of the town's name; any other word after "im" is not."""
    names = _names(
        "Die Stadt Freiburg im Breisgau und die Stadt Halle (Saale) laden ein; die Stadt "
        "Musterstadt im Rahmen der Woche."
    )
    assert {"Stadt Freiburg im Breisgau", "Stadt Halle (Saale)"} <= set(names)
    assert "Stadt Musterstadt" in names
    assert not any("Rahmen" in n for n in names)


def test_place_words_file_is_validated(tmp_path):
    from loaders.errors import InputError
    from loaders.mentions.model import load_place_words

    good = tmp_path / "ok.yaml"
    good.write_text("words: [Ruhr, Saale]\n", encoding="utf-8")
    assert load_place_words(good) == ("Ruhr", "Saale")
    bad = tmp_path / "bad.yaml"
    bad.write_text("words: [ruhr]\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_place_words(bad)


def test_counties_and_places_of_several_words_are_named_whole():
    text = (
        "Beteiligt sind der Landkreis Celle, der Main-Kinzig-Kreis, die Stadt Bad Kissingen,\n"
        "die Stadt Schwäbisch Gmünd und die Stadt Hannoversch Münden. Der Arbeitskreis tagt."
    )
    names = {m.name for m in find_pattern_mentions(text)}
    assert {
        "Landkreis Celle",
        "Main-Kinzig-Kreis",
        "Stadt Bad Kissingen",
        "Stadt Schwäbisch Gmünd",
        "Stadt Hannoversch Münden",
    } <= names
    assert not any("Arbeitskreis" in n for n in names)


def test_a_unit_named_with_its_parent_in_the_genitive_is_a_unit_of_it():
    from loaders.mentions.model import Mention
    from loaders.mentions.unit_names import genitive_units

    def units(text: str, parent: str) -> list[tuple[str, str | None]]:
        at = text.index(parent)
        found = [Mention("org", parent, parent, at, at + len(parent), "Kommune")]
        return [(m.name, m.parent) for m in genitive_units(text, found) if m.kind == "unit"]

    assert units("Mit dem Jugendamt des Kreises Unna und", "Kreises Unna") == [
        ("Jugendamt des Kreises Unna", "Kreises Unna")
    ]
    assert units("die Gleichstellungsstelle der Stadt Essen.", "Stadt Essen") == [
        ("Gleichstellungsstelle der Stadt Essen", "Stadt Essen")
    ]
    assert units("Landrat des Kreises Unna", "Kreises Unna") == []  # an office is a person
    assert units("die Zielgruppe der Stadt Essen", "Stadt Essen") == []
    # a lower-case adjective and the unit on the next line: the adjective is cut at the
    # line break (this stopped the document's extraction with a ValueError)
    assert units(
        "von einer unabhängigen\nRechtsberatungsstelle des Kreises Unna", "Kreises Unna"
    ) == [("Rechtsberatungsstelle des Kreises Unna", "Kreises Unna")]
    # an imprint's office before the unit is not its name
    assert units("Herausgeber\nIntegrationsbüro\nder Stadt Essen", "Stadt Essen") == [
        ("Integrationsbüro der Stadt Essen", "Stadt Essen")
    ]


def test_a_name_found_whole_with_its_parent_names_the_parent_too():
    from loaders.mentions.model import Mention
    from loaders.mentions.unit_names import swallowed_parents

    def found(text: str, surface: str) -> list[tuple[str, str, str | None]]:
        at = text.index(surface)
        whole = Mention("org", surface, surface, at, at + len(surface), "Sonstige", origin="model")
        return [(m.kind, m.name, m.parent) for m in swallowed_parents(text, [whole])]

    name = "Regionaldirektion Bayern der Bundesagentur für Arbeit"
    assert found(f"Die {name} rief", name) == [
        ("unit", name, "Bundesagentur für Arbeit"),
        ("org", "Bundesagentur für Arbeit", None),
    ]
    # the parent in the genitive is named in the nominative, and its own parent is found too
    name = "Ausländerbehörde im Ordnungsamt der Hansestadt Lübeck"
    assert found(f"mit der {name}.", name) == [
        ("unit", name, "Ordnungsamt der Hansestadt Lübeck"),
        ("unit", "Ordnungsamt der Hansestadt Lübeck", "Hansestadt Lübeck"),
        ("org", "Hansestadt Lübeck", None),
    ]
    name = "Jugendmigrationsdienst des Christlichen Jugenddorfwerks Deutschland"
    assert found(f"der {name} berät", name)[-1] == (
        "org",
        "Christliches Jugenddorfwerk Deutschland",
        None,
    )
    # words of the sentence before the parent are no unit
    name = "von der Zukunftsregion Westpfalz e. V."
    assert found(f"gefördert {name}", name) == [("org", "Zukunftsregion Westpfalz e. V.", None)]
    # a legal form is the whole name's; a genitive that names no organisation is its own
    for name in ("Vereinigung der Bayerischen Wirtschaft e. V.", "Haus der Kulturen der Welt"):
        assert found(f"mit der {name}", name) == [("org", name, None)]


def test_a_name_ended_at_the_und_of_its_complement_takes_the_second_member():
    from loaders.mentions.complements import with_both_members
    from loaders.mentions.model import Mention

    def named(text: str, first: str) -> str:
        at = text.index(first)
        found = Mention("org", first, first, at, at + len(first), "Sonstige", origin="model")
        return with_both_members(text, [found])[0].name

    first = "Staatsministerium für Unterricht"
    assert named(f"das {first} und\nKultus. Die", first) == f"{first} und Kultus"
    first = "Zentrum für Integration"
    assert named(f"mit dem {first} und Migration e. V. in", first) == (
        f"{first} und Migration e. V."
    )
    first = "Ministerium für Kinder, Jugend"
    assert named(f"vom {first} und Familie gefördert", first) == f"{first} und Familie"
    # the second member opens a name of its own, or more name words follow it
    first = "Amt für Integration"
    assert named(f"das {first} und Jobcenter Köln laden ein", first) == first
    assert named(f"das {first} und Stadtverwaltung Essen", first) == first
    assert named(f"das {first} und Migration Michael Meier", first) == first
    # no complement: "und" joins two names
    assert named("die Caritas Köln und Diakonie.", "Caritas Köln") == "Caritas Köln"


def test_a_land_is_a_body_where_land_or_freistaat_names_it():
    def states(text: str) -> list[tuple[str, str]]:
        return [(m.name, m.type) for m in find_pattern_mentions(text) if m.type == "Landesbehoerde"]

    assert states("künftig vom Land Sachsen-Anhalt gefördert") == [
        ("Land Sachsen-Anhalt", "Landesbehoerde")
    ]
    assert states("ein Programm des Landes Baden-Württemberg") == [
        ("Land Baden-Württemberg", "Landesbehoerde")
    ]
    assert states("der Beauftragte des Freistaates Thüringen") == [
        ("Freistaat Thüringen", "Landesbehoerde")
    ]
    assert states("in Sachsen und im Landessportbund NRW") == []  # a place, a longer name


def test_laws_are_named_by_their_compound_or_code():
    from loaders.mentions.programmes import with_laws

    def laws(text: str) -> list[str]:
        return [m.name for m in with_laws(text, []) if m.type == "Gesetz"]

    assert laws("nach dem Infektionsschutzgesetzes und dem SGB II") == [
        "Infektionsschutzgesetz",
        "SGB II",
    ]
    assert laws("des Allgemeinen Gleichbehandlungsgesetzes (AGG)") == [
        "Allgemeines Gleichbehandlungsgesetz"
    ]
    assert laws("Das Gesetz und der Gesetzentwurf") == []


def test_an_abbreviation_the_model_tagged_as_a_name_is_the_defined_names():
    text = (
        "Sie kooperiert mit der Martin-Luther-Universität Halle-Wittenberg (MLU). Die MLU lädt ein."
    )
    start = text.index("Martin")
    found = [
        Mention(
            "org",
            "Martin-Luther-Universität Halle-Wittenberg",
            text[start : start + 42],
            start,
            start + 42,
            "Hochschule",
            origin="model",
        ),
        Mention(
            "org",
            "MLU",
            "MLU",
            text.index("MLU"),
            text.index("MLU") + 3,
            "Sonstige",
            origin="model",
        ),
    ]
    mentions = with_definitions(text, found)
    assert [m.name for m in mentions] == ["Martin-Luther-Universität Halle-Wittenberg"] * 2
    assert mentions[0].abbreviation == "MLU"
    assert mentions[1].start == text.rindex("MLU")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weak adjective after a nominative article: the strong form the name is written in
        ("Heute hat das Multikulturelle Forum e. V. eingeladen.", "Multikulturelles Forum e. V."),
        ("Seit Jahren ist der Internationale Bund e. V. dabei.", "Internationaler Bund e. V."),
        # a dative found by the legal-form rule, not set into the nominative before
        (
            "Zusammen mit dem Pädagogischen Zentrum Aachen e. V. geplant.",
            "Pädagogisches Zentrum Aachen e. V.",
        ),
        # a feminine head keeps its "-e"
        (
            "Gefördert hat die Medizinische Flüchtlingshilfe Bochum e. V. alles.",
            "Medizinische Flüchtlingshilfe Bochum e. V.",
        ),
    ],
)
def test_found_names_are_set_into_the_nominative(text, expected):
    found = [m for m in find_mentions(TextStream(text, (0,), (1,))) if m.kind == "org"]
    assert expected in {m.name for m in in_nominative(text, found)}


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("Kreisverwaltung des Rhein-Sieg-Kreises", "Rhein-Sieg-Kreis"),
        ("Stadtverwaltung der Stadt Essen", "Stadt Essen"),
        ("Kreisverwaltung des Kreises Lippe", "Kreis Lippe"),
        ("Stadtverwaltung Dessau-Roßlau", "Stadt Dessau-Roßlau"),
    ],
)
def test_the_administration_of_a_town_or_county_is_the_town_or_county(found, expected):
    assert normalise_org_name(found) == expected


def test_a_time_or_frame_after_a_name_is_not_part_of_it():
    found = _names(
        "Mit 3,6 Mio. Euro unterstützt das Ministerium für Wohnen und Teilhabe im Jahr 2014 "
        "rund 100 Projekte; das Ministerium für Heimat und Sport im Rahmen des Programms X."
    )
    assert {"Ministerium für Wohnen und Teilhabe", "Ministerium für Heimat und Sport"} <= set(found)
    assert not any("Jahr" in n or "Rahmen" in n for n in found)


def test_the_european_union_is_a_known_funder():
    found = _names("Gefördert aus dem Europäischen Sozialfonds der Europäischen\nUnion und der EU.")
    assert "Europäische Union" in found


def test_the_social_fund_of_the_new_funding_period_is_its_own_programme():
    """ "Europäischer Sozialfonds Plus" (2021-2027) is not the ESF before it, and named in the
    genitive it is a programme, not an organisation "Europäischen Sozialfonds Plus"."""
    found = _names(
        "Das Projekt wird aus Mitteln des Europäischen Sozialfonds Plus gefördert; "
        "2015 half der Europäische Sozialfonds (ESF)."
    )
    assert found == {
        "Europäischer Sozialfonds Plus (ESF Plus)": "programme",
        "Europäischer Sozialfonds": "programme",
    }


def test_sports_clubs_named_by_the_short_form_of_their_kind():
    from loaders.mentions.patterns import find_pattern_mentions

    text = "Dabei sind der SV Atter, die SSV Alemannia Sechshelden und der 1. FC Union Berlin."
    found = [(m.name, m.type) for m in find_pattern_mentions(text)]
    assert found == [
        ("SV Atter", "Verein"),
        ("SSV Alemannia Sechshelden", "Verein"),
        ("1. FC Union Berlin", "Verein"),
    ]


def test_local_branches_in_brackets_and_a_name_broken_over_a_line():
    def named(text: str) -> list[str]:
        stream = TextStream(text, (0,), (1,))
        return sorted(m.name for m in find_mentions(stream) if m.kind == "org")

    assert {"AWO Dortmund", "Diakonie Essen"} <= set(
        named("Standorte:\nDortmund (AWO), Essen (Diakonie)")
    )
    # the town opening the line ends the name before it; its short form is no branch
    broken = named("Die Handwerkskammer\nTrier (HWK Trier) und die IHK Trier laden ein.")
    assert "Handwerkskammer Trier" in broken
    assert "HWK Trier Trier" not in broken
    # a town opening a line goes on with the sentence before it, which is no list
    going_on = named("Wir arbeiten mit dem Universitätsklinikum\nMünster (UKM) zusammen.")
    assert "UKM Münster" not in going_on


def test_a_name_run_into_a_quoted_title_is_the_title(tmp_path):
    path = tmp_path / "meldung.txt"
    path.write_text(
        "Die Jade Hochschule startet das Integrationsprogramm für Geflüchtete „Integra“.\n"
        "Gemeinsam mit den Vereinen „Asyl“ und „Flux“ und dem Verein „inteGREATer e. V.“\n"
        "tagt der Arbeitskreis „Wohnen und Integration“ im Rathaus.\n",
        encoding="utf-8",
    )
    extraction = extract_document(path)
    programmes = {p.name for p in extraction.programmes}
    organisations = {o.name for o in extraction.organisations}
    assert {"Integra", "Wohnen und Integration"} <= programmes
    assert {"Asyl", "Flux", "inteGREATer e. V."} <= organisations
    assert not any("„" in n for n in programmes | organisations)


def test_a_section_or_page_number_or_a_genre_word_before_a_name_is_no_part_of_it(tmp_path):
    organisations = _organisations_of(
        tmp_path,
        "broschuere.txt",
        "Inhalt\n\n"
        "     Musterverein für Vielfalt e. V. ........................  5\n"
        "     Beispielwerkstatt Nord GmbH ............................  7\n\n"
        "II.2  Musterverein für Vielfalt e. V.\n\n"
        "Der Musterverein für Vielfalt e. V. arbeitet mit dem 1. FC Beispielstadt zusammen.\n"
        "Der Verein Musterhilfe e. V. und der Verein für Vielfalt e. V. laden ein.\n",
    )
    assert {"Musterverein für Vielfalt e. V.", "Musterhilfe e. V."} <= organisations
    assert "Verein für Vielfalt e. V." in organisations  # a name, not a genre word
    assert not any(
        n[:1].isdigit() or n.startswith("II") for n in organisations - {"1. FC Beispielstadt"}
    )


def test_a_role_or_a_byline_before_a_genitive_article_is_no_part_of_the_name():
    named = [
        m.name
        for text in (
            "Ein Beitrag der Sparda-Bank Hessen eG",
            "Gründer und Vorstandsvorsitzender der United Internet AG",
            "die Brücke der Kulturen Hildesheim e. V.",
            "unter dem Dach von Binemo e. V. und bei unserer Tochter DB Fernverkehr AG",
        )
        for m in find_suffix_orgs(text)
    ]
    assert named == [
        "Sparda-Bank Hessen eG",
        "United Internet AG",
        "Brücke der Kulturen Hildesheim e. V.",
        "Binemo e. V.",
        "DB Fernverkehr AG",
    ]


def test_words_before_a_name_the_text_names_alone_elsewhere_are_no_part_of_it(tmp_path):
    organisations = _organisations_of(
        tmp_path,
        "bericht.txt",
        "Chancengerechtigkeit und Teilhabe\n"
        "Solarwerk Lausitz GmbH bildet Geflüchtete aus. Vertreterinnen von Sisters e. V.\n"
        "besuchten uns. Gemeinsam mit Sisters e. V. und der Solarwerk Lausitz GmbH planen\n"
        "wir ein Fest. Die Gemeinnützige Gesellschaft für Arbeit mbH, kurz Gesellschaft für\n"
        "Arbeit mbH, berät.\n",
    )
    assert {"Solarwerk Lausitz GmbH", "Sisters e. V."} <= organisations
    assert not any(n.startswith(("Chancengerechtigkeit", "Vertreterinnen")) for n in organisations)
    # an adjective that agrees with the noun after it opens the name
    assert "Gemeinnützige Gesellschaft für Arbeit mbH" in organisations


def test_a_town_after_a_legal_form_is_no_part_of_the_name():
    from loaders.mentions.glued_words import without_town_after

    text = (
        "Lenne Kunststofftechnik GmbH Plettenberg\n"
        "Gewosie Wohnungsbaugenossenschaft Bremen-Nord eG\nVegesack · seit 2019\n"
        "Deutsche Bahn AG Branche Mobilität"
    )
    found = []
    for name in (
        "Lenne Kunststofftechnik GmbH Plettenberg",
        "Gewosie Wohnungsbaugenossenschaft Bremen-Nord eG\nVegesack",
        "Deutsche Bahn AG Branche Mobilität",
    ):
        start = text.index(name)
        found.append(Mention("org", " ".join(name.split()), name, start, start + len(name), ""))
    assert [m.name for m in without_town_after(text, found)] == [
        "Lenne Kunststofftechnik GmbH",
        "Gewosie Wohnungsbaugenossenschaft Bremen-Nord eG",
        "Deutsche Bahn AG Branche Mobilität",  # no town: left to the other rules
    ]


def test_a_law_a_round_table_or_an_alliance_read_as_an_organisation_is_a_programme(tmp_path):
    from loaders.errors import InputError
    from loaders.mentions.kinds import as_programmes, programme_heads

    names = (
        "Psychisch-Kranken-Gesetz (PsychKG)",
        "Runder Tisch für Integration Flensburg",
        "Regionale Fachkräfteallianz Landkreis Görlitz",
        "Landkreis Görlitz",  # the first head word decides
        "Runder Tisch Marxloh e. V.",  # a registered club
    )
    found = [Mention("org", n, n, 0, len(n), "") for n in names]
    assert [(m.kind, m.type) for m in as_programmes(found)] == [
        ("programme", "Gesetz"),
        ("programme", "Netzwerk"),
        ("programme", "Netzwerk"),
        ("org", ""),
        ("org", ""),
    ]
    bad = tmp_path / "heads.yaml"
    bad.write_text("heads: [gesetz]\n", encoding="utf-8")
    with pytest.raises(InputError):
        programme_heads(bad)


def test_a_town_ending_the_line_above_after_a_comma_opens_no_name(tmp_path):
    """A list of signatories, one per line with its seat: "…, Kiel" over "Arbeiterwohlfahrt
    Kreisverband Ostholstein e. V." is the seat of the name above, not the first word of
    the name below, also where the list's separators made it one member."""
    text = (
        "Unterzeichnende Organisationen des Bündnisses:\n"
        "Förde-Werkstatt für Interkulturelle Bildung e. V., Kiel\n"
        "Arbeiterwohlfahrt Kreisverband Ostholstein e. V., Eutin\n"
        "Polnischer Elternverein Nordfriesland e. V., Husum\n"
        "Stadt Neumünster\n"
    )
    names = _organisations_of(tmp_path, "brief.txt", text)
    assert "Arbeiterwohlfahrt Kreisverband Ostholstein e. V." in names
    assert "Stadt Neumünster" in names
    assert not any(name.startswith(("Kiel ", "Eutin ", "Husum ")) for name in names)


def test_the_next_lines_words_are_no_part_of_a_name_the_text_names_without_them():
    """ "Netzwerk Vielfalt Nord" over "Mitgliederverzeichnis" is the network, which the text
    names alone below, and a heading's words below a ministry's name are not the name's;
    "Jugendamt" over a town is the town's Jugendamt."""
    from loaders.mentions.glued_words import without_next_line

    text = (
        "Netzwerk Vielfalt Nord\nMitgliederverzeichnis\nDas Netzwerk Vielfalt Nord lädt ein.\n"
        "Jugendamt\nDortmund\nDas Jugendamt berät.\nVom Hessischen Ministerium für Soziales\n"
        "Interkulturelle Öffnung gibt es Geld. Das Ministerium für Soziales hilft."
    )
    found = []
    for name, kind in (
        ("Netzwerk Vielfalt Nord\nMitgliederverzeichnis", "programme"),
        ("Netzwerk Vielfalt Nord", "programme"),
        ("Jugendamt\nDortmund", "org"),
        ("Jugendamt", "org"),
        ("Ministerium für Soziales\nInterkulturelle Öffnung", "org"),
        ("Ministerium für Soziales", "org"),
    ):
        start = text.index(name, found[-1].end if found else 0)
        found.append(Mention(kind, " ".join(name.split()), name, start, start + len(name), ""))
    assert [m.name for m in without_next_line(text, found)] == [
        "Netzwerk Vielfalt Nord",
        "Netzwerk Vielfalt Nord",
        "Jugendamt Dortmund",
        "Jugendamt",
        "Ministerium für Soziales",
        "Ministerium für Soziales",
    ]


def test_a_member_of_a_shared_head_list_may_name_its_territory():
    """ "die Jobcenter Dortmund und Kreis Unna": the second member is the Jobcenter of the
    Kreis Unna, not a "Jobcenter Kreis"."""
    from loaders.mentions.shared_heads import shared_head_mentions

    text = "Mit den Jobcentern Dortmund und Kreis Unna haben wir ein Projekt gestartet."
    assert [m.name for m in shared_head_mentions(text)] == [
        "Jobcenter Dortmund",
        "Jobcenter Kreis Unna",
    ]


def test_a_name_runs_over_no_empty_line_unless_the_text_is_double_spaced():
    """A title set apart from its subtitle by empty lines is the name alone; in a text
    extracted double-spaced an empty line ends nothing, and a page's furniture between a
    name's words is no empty line."""
    from loaders.clean.repair import clean
    from loaders.clean.textstream import build_stream, paragraph_breaks
    from loaders.mentions.glued_words import without_blank_lines
    from loaders.models import SourceText

    def cut(lines: tuple[str, ...], name: str) -> str:
        text = clean(SourceText("t.txt", "t.txt", lines, (None,) * len(lines), "0"))
        stream = build_stream(text)
        surface = name.replace(" ", "\n", 1) if "\n" not in name else name
        start = stream.text.index(surface.split("\n")[0])
        end = start + len(surface)
        found = [Mention("programme", " ".join(surface.split()), surface, start, end, "Netzwerk")]
        return without_blank_lines(stream.text, paragraph_breaks(text, stream), found)[0].name

    title = ("Bund.Vielfalt.Rhein-Main", "", "", "Vielfalt im Bundesdienst", "")
    body = tuple(f"Die Behörden der Region berichten {n}." for n in range(9))
    assert cut((*title, *body), "Bund.Vielfalt.Rhein-Main Vielfalt") == "Bund.Vielfalt.Rhein-Main"
    spaced = tuple(x for line in (*title[::3], *body) for x in (line, ""))
    assert cut(spaced, "Bund.Vielfalt.Rhein-Main Vielfalt") == "Bund.Vielfalt.Rhein-Main Vielfalt"


def test_a_name_the_text_names_alone_does_not_run_on_into_lower_case_words():
    """The model may run a name on into the words after it; a lower-case word after the part
    the text names alone is the sentence's, unless it joins a name's parts or a legal form
    follows ("Verband kommunaler Versorger Westfalen-Lippe e. V.")."""
    text = (
        "Stadt Nord, Caritasverband, Verband kommunaler Versorger.\n"
        "Seit 2019 bietet die Stadt Nord interkulturelle Kurse an. Der Caritasverband für die "
        "Stadt Nord berät. Der Verband kommunaler Versorger Westfalen-Lippe e. V. lädt ein."
    )

    def at(name: str, start: int = 0) -> Mention:
        begin = text.index(name, start)
        return Mention("org", name, name, begin, begin + len(name), "Sonstige")

    found = [
        at("Stadt Nord"),
        at("Caritasverband"),
        at("Verband kommunaler Versorger"),
        at("Stadt Nord interkulturelle Kurse", 60),
        at("Caritasverband für die Stadt Nord", 60),
        at("Verband kommunaler Versorger Westfalen-Lippe e. V.", 60),
    ]
    assert [m.name for m in without_lower_tails(text, found)][3:] == [
        "Stadt Nord",
        "Caritasverband für die Stadt Nord",
        "Verband kommunaler Versorger Westfalen-Lippe e. V.",
    ]


def test_a_field_of_actions_title_is_no_organisation(tmp_path):
    """A field's title set on its own line above a report ("Chancengerechtigkeit und
    Teilhabe") is read by the mention model as a name; the contract's field titles are none."""
    text = "\n".join(
        [
            "Partnerberichte 2023 | Erfolgsfaktor Interkulturelle Öffnung – NRW stärkt Vielfalt!",
            "HANDLUNGSFELD 3 | Chancengerechtigkeit und Teilhabe",
            "",
            "Vereinigung der Unternehmerverbände Niederrhein-Süd e. V.",
            "Die VUN ist der Zusammenschluss von sieben Branchen- und Regionalverbänden in Mön-",
            "chengladbach, Krefeld und im Rhein-Kreis Neuss. 2022 haben wir zusammen mit der AWO",
            "Kreisverband Mönchengladbach e. V. den Leitfaden „Fair ausgeschrieben“ erarbeitet.",
            "",
            "8",
            "HANDLUNGSFELD 3",
            "Chancengerechtigkeit und Teilhabe",
            "",
            "Marketing-Club Bergisches Land e. V.",
            "Unser Club hat 2023 gemeinsam mit der Bergischen Universität Wuppertal einen",
            "Workshop zur Teilhabe veranstaltet.",
        ]
    )
    path = tmp_path / "felder.txt"
    path.write_text(text + "\n", encoding="utf-8")
    extraction = extract_document(path)
    names = {o.name for o in extraction.organisations} | {p.name for p in extraction.programmes}
    assert "Bergische Universität Wuppertal" in names
    assert not any("Chancengerechtigkeit" in name for name in names)


def test_a_pronoun_alone_is_no_name():
    """ "Sie verpflichtet die Betriebe …": the model may read a sentence's pronoun as a name;
    in capitals the same letters may be a programme's short form (Hessen's "WIR")."""
    from loaders.mentions.not_names import without_non_names

    found = [
        Mention(kind, name, name, 0, len(name), "", origin="model")
        for kind, name in (("org", "Sie"), ("programme", "Viele"), ("programme", "WIR"))
    ]
    assert [m.name for m in without_non_names(found)] == ["WIR"]


def test_a_short_form_stands_for_its_name_without_the_capitals_line_above(tmp_path):
    """A field's title in capitals right over a partner's name with its short form ("WEITERE
    MASSNAHMEN" over "Theaterpädagogisches Zentrum … (TPZ)"): the short form stands for the
    name alone, so "Das TPZ ist Mitglied …" links the partner itself."""
    path = tmp_path / "tpz.txt"
    path.write_text(
        "Kultur öffnet Türen | Partnerberichte 2024\n"
        "HANDLUNGSFELD 6 · WEITERE MASSNAHMEN\n\n"
        "Theaterpädagogisches Zentrum Musterland e. V. (TPZ)\n"
        "Sitz: Musterstadt | 22 Beschäftigte | Partner seit 2020\n\n"
        "Vielfalt im Team braucht Strukturen. Das TPZ hat 2024 einen Kodex beschlossen.\n\n"
        "Das TPZ ist Mitglied der Bundesarbeitsgemeinschaft Spiel & Theater.\n",
        encoding="utf-8",
    )
    extraction = extract_document(path)
    assert not any("MASSNAHMEN" in o.name for o in extraction.organisations)


def test_a_name_run_on_into_the_titles_of_the_documents_parts_ends_before_them():
    """A title page's ministry over the contents' "Inhalt" and the "Vorwort" under it:
    the parts' titles are no words of the name, though the text names it nowhere else."""
    text = "Ministerium für Beispiele und Vielfalt\ndes Landes Musterland\nInhalt\nVorwort\n"
    end = text.index("\nVorwort") + len("\nVorwort")
    found = Mention("org", " ".join(text[:end].split()), text[:end], 0, end, "Ministerium")
    (cut,) = without_next_line(text, [found])
    assert cut.name == "Ministerium für Beispiele und Vielfalt des Landes Musterland"
