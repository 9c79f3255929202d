"""Typed links from sentence cues, with the block partner as subject."""

from loaders.links import find_links
from loaders.mentions import find_mentions
from loaders.models import Block
from loaders.reference import load_reference
from loaders.resolve import resolve_document
from loaders.textstream import TextStream


def _links(text: str, partner: str | None = "Stadt Bottrop"):
    stream = TextStream(text, (0,), (1,))
    blocks = (Block(partner, 1, 1, 1),) if partner else ()
    ref = load_reference()
    resolved = resolve_document(stream, find_mentions(stream, ref), blocks, ref)
    return {(k.source, k.type, k.target) for k in find_links(stream, resolved, blocks, ref)}


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
