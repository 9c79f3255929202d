"""Which evidence attributes a link field's selection reads (``links.evidence_selected``)."""

from __future__ import annotations

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from graph_api.types.links import evidence_selected
from queries.read_links import EVIDENCE_ATTRIBUTES


def _field(name: str, *sub: Selection) -> SelectedField:
    return SelectedField(name, {}, {}, list(sub))


def _link(*evidence: str) -> SelectedField:
    return _field(
        "partners",
        _field("organisation", _field("id")),
        _field("evidence", *(_field(n) for n in evidence)),
    )


def test_only_the_selected_attributes() -> None:
    assert evidence_selected([_link("docId", "line")]) == ("line",)
    assert evidence_selected([_link("quote", "docId", "page")]) == ("page", "quote")
    assert evidence_selected([_link("document", "__typename")]) == ()


def test_no_evidence_field_reads_none() -> None:
    assert evidence_selected([_field("partners", _field("type"))]) is None
    assert evidence_selected([]) is None


def test_merged_fields_fragments_and_unknown_fields() -> None:
    assert evidence_selected([_link("line"), _link("year")]) == ("line", "year")
    inline = InlineFragment("Evidence", [_field("quote")], {})
    spread = FragmentSpread("E", "Evidence", {}, [_field("page")])
    link = _field("partners", _field("evidence", _field("docId"), inline, spread))
    assert evidence_selected([link]) == ("page", "quote")
    assert evidence_selected([_link("somethingNew")]) == EVIDENCE_ATTRIBUTES  # unknown: read it all
