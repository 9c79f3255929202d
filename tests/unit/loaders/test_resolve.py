"""Entity resolution inside a document and across documents."""

import re

from loaders.clean.textstream import TextStream
from loaders.mentions.find import find_mentions
from loaders.mentions.gazetteer import gazetteer_for
from loaders.mentions.patterns import Mention
from loaders.mentions.unit_names import genitive_units
from loaders.models import Block, DocumentExtraction, Link, Organisation
from loaders.reference import load_reference
from loaders.resolve.entities import entity_id, resolve_across, resolve_document


def _resolve(text: str, blocks=(), subject=None):
    stream = TextStream(text, (0,), (1,))
    return resolve_document(stream, find_mentions(stream), blocks, load_reference(), subject)


def test_variants_become_one_entity():
    resolved = _resolve(
        "Das Polizeipräsidium Dortmund und die Polizei Dortmund. Der LVR und der "
        "Landschaftsverband Rheinland."
    )
    names = sorted(e.canonical for e in resolved.entities.values() if e.lines)
    assert names == ["Landschaftsverband Rheinland", "Polizeipräsidium Dortmund"]


def test_unit_is_part_of_the_block_partner():
    text = "Das Referat Migration arbeitet mit."
    resolved = _resolve(text, (Block("Stadt Bottrop", 1, 1, 1),))
    unit = next(e for e in resolved.entities.values() if e.canonical == "Referat Migration")
    assert resolved.entities[unit.parent_key].canonical == "Stadt Bottrop"


def test_same_unit_name_under_two_parents_stays_apart():
    text = "Das Referat Migration der Stadt Bottrop und das Referat Migration der Stadt Essen."
    resolved = _resolve(text)
    units = [e for e in resolved.entities.values() if e.parent_key]
    assert len(units) == 2


def test_family_name_resolves_to_partner():
    text = "Die Caritas stellt ein."
    resolved = _resolve(text, (Block("Caritasverband für den Kreis Unna e. V.", 1, 1, 1),))
    named = {e.canonical for e in resolved.entities.values() if e.lines}
    assert named == {"Caritasverband für den Kreis Unna e. V."}


def test_resolve_across_unifies_ids_and_link_names():
    a = DocumentExtraction(
        "a.txt",
        "a.txt",
        "1",
        organisations=(Organisation("stadt-koeln", "Stadt Köln", "Kommune", mentions=(1,)),),
    )
    b = DocumentExtraction(
        "b.txt",
        "b.txt",
        "2",
        organisations=(Organisation("stadt-koeln-x", "STADT KÖLN", "Kommune", mentions=(2,)),),
        links=(Link("stadt-koeln-x", "stadt-bonn", "COOPERATES_WITH", 1, "x"),),
    )
    c = DocumentExtraction(
        "c.txt",
        "c.txt",
        "3",
        organisations=(Organisation("stadt-koeln", "Stadt Köln", "Kommune", mentions=(3,)),),
    )
    out = resolve_across([a, b, c])
    assert {d.organisations[0].id for d in out} == {"stadt-koeln"}
    assert {d.organisations[0].name for d in out} == {"Stadt Köln"}
    assert out[1].links[0].source_id == "stadt-koeln"  # links name entities by id


def test_short_forms_match_exactly_not_by_folded_key():
    from loaders.resolve.entities import _index_get, reference_index

    index = reference_index(load_reference())
    assert _index_get(index, "LaKI") is not None
    assert _index_get(index, "IKOE") is None  # folds like "LaKI" but is another name


def test_unit_with_and_without_owner_is_one_entity():
    resolved = _resolve(
        "Das Integrationsbüro der Stadt Neustadt lädt ein. Das Integrationsbüro berät.",
        subject="Stadt Neustadt",
    )
    units = [e for e in resolved.entities.values() if e.parent_key]
    assert len(units) == 1


def test_names_that_differ_in_a_short_word_stay_apart():
    # folding vowels made "KOMM-AN NRW" the reference programme "KOMM-IN NRW"
    resolved = _resolve("Das Landesprogramm KOMM-AN NRW folgte auf das Programm KOMM-IN NRW.")
    names = sorted(e.canonical for e in resolved.entities.values() if e.lines)
    assert "KOMM-IN" in names and any("KOMM-AN" in n for n in names)


def test_an_organisation_with_and_without_its_legal_form_is_one():
    text = "Die Aufbauwerk Region Leipzig GmbH koordiniert; das Aufbauwerk Region Leipzig lädt ein."
    names = ("Aufbauwerk Region Leipzig GmbH", "Aufbauwerk Region Leipzig")
    mentions = [
        Mention("org", n, n, text.index(n, 20 * k), text.index(n, 20 * k) + len(n), "Sonstige")
        for k, n in enumerate(names)
    ]
    stream = TextStream(text, (0,), (1,))
    resolved = resolve_document(stream, mentions, (), load_reference())
    assert len({key for _, key, _ in resolved.mentions}) == 1


def test_a_generic_head_in_two_partners_reports_is_two_organisations_named_by_their_owners():
    text = (
        "Das Kommunale Integrationszentrum (KI) lädt ein.\n"
        "Das Kommunale Integrationszentrum (KI) berät Vereine."
    )
    stream = TextStream(text, (0, text.index("\n") + 1), (1, 2))
    blocks = (Block("Stadt Herne", 5, 1, 1), Block("Kreis Lippe", 5, 2, 2))
    resolved = resolve_document(stream, find_mentions(stream), blocks, load_reference(), None)
    units = sorted(e.canonical for e in resolved.entities.values() if e.parent_key)
    assert units == [
        "Kommunales Integrationszentrum Herne",
        "Kommunales Integrationszentrum Kreis Lippe",
    ]


def test_units_of_two_parents_with_one_name_get_names_that_tell_them_apart():
    text = "Das Dezernat 20 berät die Ämter.\nDas Dezernat 20 plant Fortbildungen."
    stream = TextStream(text, (0, text.index("\n") + 1), (1, 2))
    blocks = (
        Block("Bezirksregierung Münster", 2, 1, 1),
        Block("Bezirksregierung Arnsberg", 2, 2, 2),
    )
    resolved = resolve_document(stream, find_mentions(stream), blocks, load_reference(), None)
    units = sorted(e.canonical for e in resolved.entities.values() if e.parent_key)
    assert units == [
        "Dezernat 20 (Bezirksregierung Arnsberg)",
        "Dezernat 20 (Bezirksregierung Münster)",
    ]
    # the id stays that of the unit named alone, so other documents' "Dezernat 20" joins it
    ids = sorted(
        entity_id(e, resolved.entities) for e in resolved.entities.values() if e.parent_key
    )
    assert ids == ["bezirksregierung-arnsberg-dezernat-20", "bezirksregierung-muenster-dezernat-20"]


def test_a_programme_named_with_and_without_its_subtitle_is_one():
    resolved = _resolve(
        "Neues Projekt „StudiumE“ gestartet. Das Projekt „StudiumE – Integration "
        "internationaler Studierender durch Engagement“ läuft drei Jahre. "
        "Mit „StudiumE“ geht es weiter."
    )
    programmes = [e for e in resolved.entities.values() if e.kind == "programme"]
    assert [e.canonical for e in programmes] == [
        "StudiumE – Integration internationaler Studierender durch Engagement"
    ]
    assert "StudiumE" in programmes[0].aliases
    assert {key for _, key, _ in resolved.mentions} == {programmes[0].key}


def test_subtitle_joins_never_chain():
    # "Alpha" is the title of "Alpha – Beta", whose key is the title of "Alpha Beta – Gamma":
    # joining both ways at once would join into a programme already joined away
    resolved = _resolve(
        "Das Projekt „Alpha – Beta“ beginnt. Das Projekt „Alpha Beta – Gamma“ folgt. "
        "Das Projekt „Alpha“ endet."
    )
    names = sorted(e.canonical for e in resolved.entities.values() if e.kind == "programme")
    assert names == ["Alpha Beta – Gamma", "Alpha – Beta"]
    assert all(key in resolved.entities for _, key, _ in resolved.mentions)


def test_a_chamber_by_its_short_form_is_the_chamber():
    resolved = _resolve(
        "Die Industrie- und Handelskammer zu Essen berät. Die IHK zu Essen und die HWK "
        "Koblenz laden ein, die Handwerkskammer Koblenz auch."
    )
    names = sorted(e.canonical for e in resolved.entities.values() if e.lines)
    assert names == ["Handwerkskammer Koblenz", "Industrie- und Handelskammer zu Essen"]


def test_a_unit_named_with_its_parent_is_the_unit_named_alone():
    text = "Das Integrationsbüro der Stadt Bottrop lädt ein. Das Integrationsbüro berät."
    stream = TextStream(text, (0,), (1,))
    found = genitive_units(text, find_mentions(stream))
    assert "Integrationsbüro der Stadt Bottrop" in {m.name for m in found}
    resolved = resolve_document(stream, found, (Block("Stadt Bottrop", 1, 1, 1),), load_reference())
    units = [e for e in resolved.entities.values() if e.parent_key and e.lines]
    assert len(units) == 1
    assert resolved.entities[units[0].parent_key].canonical == "Stadt Bottrop"


def _resolve_mentions(text: str, mentions: list[Mention], blocks=()):
    stream = TextStream(text, (0,), (1,))
    return resolve_document(stream, mentions, blocks, load_reference())


def _found(text: str, surface: str, kind: str = "org", name: str | None = None, **kw) -> Mention:
    start = text.index(surface)
    return Mention(kind, name or surface, surface, start, start + len(surface), "Sonstige", **kw)


def test_an_organisation_named_like_one_unit_is_that_unit():
    text = (
        "STADT BOTTROP: SERVICEBÜRO FÜR VIELFALT. Das Servicebüro für Vielfalt der Stadt "
        "Bottrop berät. Das Dezernat 20 der Stadt Bottrop und das Dezernat 20 der Stadt Essen."
    )
    found = [
        _found(text, "SERVICEBÜRO FÜR VIELFALT", origin="model"),
        _found(text, "Servicebüro für Vielfalt", "unit", parent="Stadt Bottrop"),
        _found(text, "Stadt Bottrop"),
        _found(text, "Dezernat 20", origin="model"),
        _found(text, "Dezernat 20 der Stadt Bottrop", "unit", parent="Stadt Bottrop"),
        _found(text, "Dezernat 20 der Stadt Essen", "unit", parent="Stadt Essen"),
        _found(text, "Stadt Essen"),
    ]
    entities = _resolve_mentions(text, found).entities.values()
    office = [e for e in entities if "SERVICEBÜRO FÜR VIELFALT" in {e.canonical, *e.aliases}]
    assert len(office) == 1 and office[0].parent_key  # the unit, named alone too
    # two parents have a "Dezernat 20": the one named alone stays apart
    assert sum(e.canonical.startswith("Dezernat 20") for e in entities) == 3


def test_a_reporter_named_by_its_bare_head_is_the_one_named_in_full():
    text = (
        "Bericht der Bezirksregierung Arnsberg. Die Bezirksregierung plant, die "
        "Bezirksregierung berät, und ihr Dezernat 36 hilft."
    )
    resolved = _resolve(text, subject="Bezirksregierung")
    named = {e.canonical for e in resolved.entities.values() if e.lines and not e.parent_key}
    assert named == {"Bezirksregierung Arnsberg"}
    assert resolved.entities[resolved.subject].canonical == "Bezirksregierung Arnsberg"


def test_a_public_head_in_an_association_s_report_is_not_the_association_s():
    text = "Die Bezirksregierung fördert uns. Das Jobcenter berät."
    found = [_found(text, "Bezirksregierung", origin="model"), _found(text, "Jobcenter")]

    def named(partner: str) -> set[str]:
        resolved = _resolve_mentions(text, found, (Block(partner, 1, 1, 1),))
        return {e.canonical for e in resolved.entities.values() if e.lines}

    # no "Bezirksregierung Arbeiter-Samariter-Bund …": the bare heads name no one
    assert named("Arbeiter-Samariter-Bund Kreisverband Xdorf e. V.") == {
        "Arbeiter-Samariter-Bund Kreisverband Xdorf e. V."
    }
    assert "Jobcenter Xdorf" in named("Stadt Xdorf")


def test_a_head_s_abbreviation_is_the_owner_s_head_and_no_one_s_in_other_reports():
    """ "das KI" in the reports of two counties is each county's Kommunales
    Integrationszentrum, not one "KI" for every report; in an association's report it
    names no one (only towns and counties have one)."""
    text = "Das KI berät Schulen.\nDas KI lädt ein.\nDas KI fördert uns."
    starts = (0, *(m.end() for m in re.finditer("\n", text)))
    stream = TextStream(text, starts, (1, 2, 3))
    found = [
        Mention("org", "KI", "KI", m.start(), m.end(), "Sonstige", origin="model")
        for m in re.finditer("KI", text)
    ]
    blocks = (
        Block("Kreis Lippe", 1, 1, 1),
        Block("Kreis Soest", 1, 2, 2),
        Block("Caritasverband Xdorf e. V.", 1, 3, 3),
    )
    resolved = resolve_document(stream, found, blocks, load_reference(), None)
    named = sorted(e.canonical for e in resolved.entities.values() if e.lines)
    assert named == [
        "Caritasverband Xdorf e. V.",
        "Kommunales Integrationszentrum Kreis Lippe",
        "Kommunales Integrationszentrum Kreis Soest",
        "Kreis Lippe",
        "Kreis Soest",
    ]


def test_resolve_across_joins_legal_form_variants_but_not_units_of_two_parents():
    def doc(name: str, *orgs: Organisation) -> DocumentExtraction:
        return DocumentExtraction(name, name, name, organisations=orgs)

    a = doc(
        "a.txt",
        Organisation("mf-ev", "Multikulturelles Forum e. V.", "Verein", mentions=(1,)),
        Organisation("ihk", "IHK Köln", "Kammer", mentions=(1,)),
        Organisation("x", "Stadt Xdorf", "Kommune", mentions=(1,)),
        Organisation("x-dez", "Dezernat 20", "Kommune", parent_id="x", mentions=(2,)),
    )
    b = doc(
        "b.txt",
        Organisation("mf", "Multikulturelles Forum", "Verein", mentions=(1,)),
        Organisation("ihk-koeln", "Industrie- und Handelskammer Köln", "Kammer", mentions=(1,)),
        Organisation("y", "Stadt Ystadt", "Kommune", mentions=(1,)),
        Organisation("y-dez", "Dezernat 20", "Kommune", parent_id="y", mentions=(2,)),
    )
    ids = [{o.name: o.id for o in d.organisations} for d in resolve_across([a, b])]
    assert ids[0]["Multikulturelles Forum e. V."] == ids[1]["Multikulturelles Forum e. V."]
    assert ids[0]["IHK Köln"] == ids[1]["IHK Köln"]
    assert ids[0]["Dezernat 20"] != ids[1]["Dezernat 20"]


def test_two_units_of_one_name_in_one_document_stay_two_and_keep_their_links():
    """Records name entities by id from resolution on: two "Dezernat 20" of two towns in
    one report are two nodes, and a link to one of them is not moved to the other."""
    doc = DocumentExtraction(
        "a.txt",
        "a.txt",
        "a",
        organisations=(
            Organisation("x", "Stadt Xdorf", "Kommune", mentions=(1,)),
            Organisation("y", "Stadt Ystadt", "Kommune", mentions=(1,)),
            Organisation("x-dez", "Dezernat 20", "Kommune", parent_id="x", mentions=(2,)),
            Organisation("y-dez", "Dezernat 20", "Kommune", parent_id="y", mentions=(3,)),
        ),
        links=(Link("y-dez", "y", "PART_OF", 3, "Dezernat 20 der Stadt Ystadt"),),
    )
    (out,) = resolve_across([doc])
    units = {o.parent_id: o.id for o in out.organisations if o.name == "Dezernat 20"}
    assert len(set(units.values())) == 2
    assert [(k.source_id, k.target_id) for k in out.links] == [(units["y"], "y")]


def test_the_bare_state_government_is_the_land_the_text_names():
    def named(text: str) -> set[str]:
        return {e.canonical for e in _resolve(text).entities.values() if e.lines}

    lower_saxony = "Das Projekt wird vom Land Niedersachsen gefördert. Die Landesregierung zahlt."
    assert named(lower_saxony) == {"Land Niedersachsen"}
    # the reference data's own Land keeps its entry; a text naming no Land is left as it was
    nrw = "Das Land Nordrhein-Westfalen fördert. Die Landesregierung zahlt."
    assert named(nrw) == {"Landesregierung Nordrhein-Westfalen"}
    assert named("Die Landesregierung zahlt.") == {"Landesregierung Nordrhein-Westfalen"}


def test_a_head_s_short_form_is_the_one_named_organisation_of_that_head():
    text = (
        "Die Agentur für Arbeit Flensburg und das Diakonische Werk kooperieren. "
        "Die Arbeitsagentur berät."
    )
    named = {e.canonical for e in _resolve(text).entities.values() if e.lines}
    assert "Agentur für Arbeit Flensburg" in named
    assert "Bundesagentur für Arbeit" not in named  # the reference data's entry for the word


def test_a_club_named_with_and_without_its_town_is_one():
    text = "Das Multikulturelle Forum e. V. lädt ein. Das Multikulturelle Forum Lünen e. V. berät."
    found = [
        _found(text, "Multikulturelle Forum e. V.", name="Multikulturelles Forum e. V."),
        _found(
            text, "Multikulturelle Forum Lünen e. V.", name="Multikulturelles Forum Lünen e. V."
        ),
    ]
    resolved = _resolve_mentions(text, found)
    assert [e.canonical for e in resolved.entities.values()] == [
        "Multikulturelles Forum Lünen e. V."
    ]


def test_a_land_s_bodies_are_not_read_from_bare_words_in_another_land_s_text():
    def named(text: str) -> set[str]:
        return {e.canonical for e in _resolve(text).entities.values() if e.lines}

    text = "Der Landkreistag Rheinland-Pfalz berichtet. Die Landesregierung zahlt."
    assert "Landesregierung Nordrhein-Westfalen" not in named(text)
    assert "Landesregierung Nordrhein-Westfalen" in named(text.replace("Rheinland-Pfalz", "NRW"))


def test_a_town_s_body_named_by_the_town_alone_is_one():
    text = "Die Stadt Meschede lädt ein. Meschede und die Caritas Meschede e. V. beraten."
    found = [
        _found(text, "Stadt Meschede"),
        _found(text, "Meschede und", name="Meschede"),
        _found(text, "Caritas Meschede e. V."),
    ]
    resolved = _resolve_mentions(text, found)
    named = {e.canonical: sorted(e.aliases) for e in resolved.entities.values()}
    assert named == {"Stadt Meschede": ["Meschede"], "Caritas Meschede e. V.": []}


def test_a_town_s_body_named_without_its_title_is_one_and_a_town_alone_is_a_place():
    text = (
        "Pressemitteilung – Frankfurt am Main, Januar 2025. Die Universitätsstadt Marburg "
        "und der Kreis Offenbach laden ein. Die Stadt Marburg und die Stadt Offenbach beraten."
    )
    found = [
        _found(text, "Frankfurt am Main"),
        _found(text, "Universitätsstadt Marburg"),
        _found(text, "Kreis Offenbach"),
        _found(text, "Stadt Marburg"),
        _found(text, "Stadt Offenbach"),
    ]
    resolved = _resolve_mentions(text, found)
    named = {e.canonical: sorted(e.aliases) for e in resolved.entities.values()}
    assert named == {
        "Universitätsstadt Marburg": ["Stadt Marburg"],
        "Kreis Offenbach": [],
        "Stadt Offenbach": [],  # a town's body and its district's are two
    }
    assert {k for _, k, _ in resolved.mentions} == set(resolved.entities)


def test_initials_and_a_first_word_name_the_one_organisation_named_in_full():
    text = (
        "Die Zentrale Bildungsstelle Kiel und der Verband Liga der Freien Wohlfahrtspflege. "
        "Die ZBK berät, die Liga fördert. Die EWE AG und die EWE WASSER GmbH spenden."
    )
    found = [
        _found(text, "Zentrale Bildungsstelle Kiel"),
        _found(text, "Liga der Freien Wohlfahrtspflege"),
        _found(text, "ZBK"),
        _found(text, "Liga fördert", name="Liga"),
        _found(text, "EWE AG"),
        _found(text, "EWE WASSER GmbH"),
    ]
    resolved = _resolve_mentions(text, found)
    named = sorted(e.canonical for e in resolved.entities.values())
    # the full names stay the names, however often the short forms are used
    assert named == [
        "EWE AG",
        "EWE WASSER GmbH",
        "Liga der Freien Wohlfahrtspflege",
        "Zentrale Bildungsstelle Kiel",
    ]
    keys = {resolved.entities[k].canonical for _, k, _ in resolved.mentions}
    assert keys == set(named)


def test_a_reference_entry_decides_the_kind_of_what_names_it():
    # a quoted title read as a programme that the reference data lists as an organisation
    # is that organisation: one id is never an organisation in one text, a programme in another
    text = "Die Stadt Hagen tritt der Städtekooperation „Integration.Interkommunal“ bei."
    found = [_found(text, "Integration.Interkommunal", kind="programme")]
    resolved = _resolve_mentions(text, found)
    kinds = {e.canonical: e.kind for e in resolved.entities.values()}
    assert kinds == {"Städtekooperation Integration.Interkommunal": "org"}


def test_capital_initials_spell_a_compound_and_take_the_kind_of_the_full_name():
    # "JVA" spells the parts of one compound; mixed-case initials ("DaMOst") may not; and
    # the initials of a programme named in full are that programme, whatever they were
    # read as
    text = (
        "Die Justizvollzugsanstalt Neumünster und das Projekt Handwerk integriert Migranten. "
        "Die JVA Neumünster bildet aus, HiM berät. Der Dachverband sächsischer "
        "Migrantenorganisationen und DaMOst."
    )
    found = [
        _found(text, "Justizvollzugsanstalt Neumünster"),
        _found(text, "Handwerk integriert Migranten", kind="programme"),
        _found(text, "JVA Neumünster"),
        _found(text, "HiM"),
        _found(text, "Dachverband sächsischer Migrantenorganisationen"),
        _found(text, "DaMOst"),
    ]
    resolved = _resolve_mentions(text, found)
    kinds = {e.canonical: e.kind for e in resolved.entities.values()}
    assert kinds == {
        "Justizvollzugsanstalt Neumünster": "org",
        "Handwerk integriert Migranten": "programme",
        "Dachverband sächsischer Migrantenorganisationen": "org",
        "DaMOst": "org",
    }


def test_names_with_the_same_own_words_in_another_order_are_one_organisation():
    text = (
        "Die Arbeiterwohlfahrt Kreisverband Nürnberg e. V. und das Jobcenter im Kreis "
        "Paderborn. Der Kreisverband Nürnberg der Arbeiterwohlfahrt berät, das Jobcenter "
        "Kreis Paderborn fördert, die Stadt Offenbach und der Kreis Offenbach helfen."
    )
    found = [
        _found(text, "Arbeiterwohlfahrt Kreisverband Nürnberg e. V."),
        _found(text, "Jobcenter im Kreis Paderborn"),
        _found(text, "Kreisverband Nürnberg der Arbeiterwohlfahrt"),
        _found(text, "Jobcenter Kreis Paderborn"),
        _found(text, "Stadt Offenbach"),
        _found(text, "Kreis Offenbach"),
    ]
    resolved = _resolve_mentions(text, found)
    assert len(resolved.entities) == 4
    assert {resolved.entities[k].canonical for _, k, _ in resolved.mentions[:4]} == {
        e.canonical for e in resolved.entities.values() if "Offenbach" not in e.canonical
    }
    assert {"Stadt Offenbach", "Kreis Offenbach"} <= {
        e.canonical for e in resolved.entities.values()
    }


def test_an_organisation_named_with_its_short_form_before_a_dash_is_one():
    # initials or a full name with a legal form beside the dash are the same organisation's
    text = (
        "Das INBI – Institut zur Förderung von Bildung und Integration und die Kaizen – "
        "Verein für Kampfkunst e. V. Das Institut zur Förderung von Bildung und Integration "
        "berät, der Verein für Kampfkunst e. V. trainiert, die Stadt Kaizen hilft."
    )
    found = [
        _found(text, "INBI – Institut zur Förderung von Bildung und Integration"),
        _found(text, "Kaizen – Verein für Kampfkunst e. V."),
        _found(
            text,
            "Institut zur Förderung von Bildung und Integration berät",
            name=("Institut zur Förderung von Bildung und Integration"),
        ),
        _found(text, "Verein für Kampfkunst e. V. trainiert", name="Verein für Kampfkunst e. V."),
    ]
    resolved = _resolve_mentions(text, found)
    assert len(resolved.entities) == 2


def test_a_reference_entry_named_without_its_legal_form_is_the_entry():
    """The reference knows the "Landessportbund Nordrhein-Westfalen e. V."; the text also
    names it without the legal form, found by the naming rules: one organisation."""
    text = (
        "Der Landessportbund Nordrhein-Westfalen e. V. lädt ein; die Sportjugend im "
        "Landessportbund Nordrhein-Westfalen und der Landessportbund Nordrhein-Westfalen laden mit."
    )
    names = ("Landessportbund Nordrhein-Westfalen e. V.", "Landessportbund Nordrhein-Westfalen")
    starts = (text.index(names[0]), text.rindex(names[1]))
    mentions = [
        Mention(
            "org", names[0], names[0], starts[0], starts[0] + len(names[0]), "Verband", "lsb-nrw"
        ),
        Mention("org", names[1], names[1], starts[1], starts[1] + len(names[1]), "Verband"),
    ]
    stream = TextStream(text, (0,), (1,))
    resolved = resolve_document(stream, mentions, (), load_reference())
    assert {key for _, key, _ in resolved.mentions} == {"ref:lsb-nrw"}


def test_a_one_word_alias_fires_only_where_the_word_is_spelt_like_it():
    """Folding vowels and endings gives "Solms" and "Siemens" one key; a surname is no
    company."""
    text = "Dr. Henrike Solms-Adebayo dankt der Siemens AG und Siemens."
    hits = gazetteer_for(load_reference()).find(text)
    assert [h.surface for h in hits if h.ref_id == "siemens"] == ["Siemens AG", "Siemens"]


def test_a_ministry_named_by_its_field_is_the_land_ministry_of_that_field():
    """ "Sozialministerium" is the Land's "Ministerium für Soziales, …", not the federal
    ministry for "Arbeit und Soziales"; "Wirtschaftsministerium" the one for "Wirtschaft"."""
    text = (
        "Das Ministerium für Soziales, Jugend und Familie fördert das Projekt, das "
        "Ministerium für Wirtschaft, Verkehr und Arbeit auch. Auch das "
        "Bundesministerium für Arbeit und Soziales gibt Geld. Das Sozialministerium und das "
        "Wirtschaftsministerium laden ein."
    )
    names = (
        "Ministerium für Soziales, Jugend und Familie",
        "Ministerium für Wirtschaft, Verkehr und Arbeit",
        "Bundesministerium für Arbeit und Soziales",
        "Sozialministerium",
        "Wirtschaftsministerium",
    )
    resolved = _resolve_mentions(text, [_found(text, name) for name in names])
    assert {e.canonical for e in resolved.entities.values() if e.lines} == set(names[:3])


def test_a_name_is_written_without_the_abbreviation_in_brackets_after_it():
    """ "Europäischer Sozialfonds Plus (ESF Plus)" (a reference entry's name) and a name
    the text gives with its short form in brackets are written without it: the bracketed
    form and the short form are aliases."""
    resolved = _resolve(
        "Das Projekt wird aus dem Europäischen Sozialfonds Plus (ESF Plus) gefördert. Das "
        "Institut für Arbeitsmarkt- und Berufsforschung (IAB) begleitet es."
    )
    named = {e.canonical: e.aliases for e in resolved.entities.values() if e.lines}
    assert "Europäischer Sozialfonds Plus" in named
    assert {"ESF Plus", "Europäischer Sozialfonds Plus (ESF Plus)"} <= named[
        "Europäischer Sozialfonds Plus"
    ]
    assert not any("(" in name for name in named)


def test_an_organisation_named_with_its_lands_short_form_and_in_full_is_one_named_in_full():
    """ "… NRW" twice and "… des Landes Nordrhein-Westfalen" once are one organisation,
    named in full: the Land's short form names no other organisation."""
    names = ["Justizakademie NRW", "Justizakademie des Landes Nordrhein-Westfalen"]
    text = f"Die {names[0]} bildet aus. Die {names[1]} berät. Die {names[0]} lädt ein."
    starts = [text.index(names[0]), text.index(names[1]), text.rindex(names[0])]
    mentions = [
        Mention("org", n, n, start, start + len(n), "Sonstige")
        for n, start in zip([*names, names[0]], starts, strict=True)
    ]
    stream = TextStream(text, (0,), (1,))
    resolved = resolve_document(stream, mentions, (), load_reference())
    assert [e.canonical for e in resolved.entities.values() if e.lines] == [names[1]]
