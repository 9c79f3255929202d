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
