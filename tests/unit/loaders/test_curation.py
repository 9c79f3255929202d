"""Coordinator corrections: stored as YAML, applied to every extraction."""

import pytest

from loaders.errors import InputError
from loaders.models import DocumentExtraction, Link, Organisation
from loaders.resolve.curation import apply_corrections
from queries.corrections import (
    Corrections,
    LinkFix,
    Merge,
    Rename,
    Retype,
    append_correction,
    load_corrections,
)


def _doc() -> DocumentExtraction:
    return DocumentExtraction(
        "d.txt",
        "d.txt",
        "0",
        organisations=(
            Organisation("stadt-koeln", "Stadt Köln", "Kommune", mentions=(1,)),
            Organisation("koeln", "Köln", "Sonstige", mentions=(5,)),
            Organisation("drk", "DRK", "Verein", mentions=(3,)),
        ),
        links=(
            Link("koeln", "drk", "COOPERATES_WITH", 5, "x"),
            Link("stadt-koeln", "drk", "FUNDED_BY", 3, "y"),
        ),
    )


def _named_links(doc: DocumentExtraction) -> set[tuple[str, str, str]]:
    name = {o.id: o.name for o in doc.organisations}
    return {(name[k.source_id], k.type, name[k.target_id]) for k in doc.links}


def test_merge_rename_retype_and_links():
    fixes = Corrections(
        merges=(Merge(names=("Köln",), into="Stadt Köln"),),
        renames=(Rename(name="DRK", to="Deutsches Rotes Kreuz"),),
        retypes=(Retype(name="Deutsches Rotes Kreuz", type="Wohlfahrtsverband"),),
        reject_links=(LinkFix(source="Stadt Köln", target="DRK", type="FUNDED_BY"),),
        add_links=(
            LinkFix(
                source="Stadt Köln",
                target="Deutsches Rotes Kreuz",
                type="PARTICIPATES_IN",
                doc="d.txt",
                line=7,
            ),
        ),
    )
    out = apply_corrections(_doc(), fixes)
    orgs = {o.name: o for o in out.organisations}
    assert set(orgs) == {"Stadt Köln", "Deutsches Rotes Kreuz"}
    assert orgs["Stadt Köln"].mentions == (1, 5)
    assert orgs["Deutsches Rotes Kreuz"].type == "Wohlfahrtsverband"
    assert _named_links(out) == {
        ("Stadt Köln", "COOPERATES_WITH", "Deutsches Rotes Kreuz"),
        ("Stadt Köln", "PARTICIPATES_IN", "Deutsches Rotes Kreuz"),
    }


def test_corrections_file_round_trip_and_survives_reload(tmp_path):
    path = tmp_path / "corrections.yaml"
    append_correction(path, Rename(name="DRK", to="Deutsches Rotes Kreuz"))
    append_correction(
        path, LinkFix(source="Köln", target="DRK", type="COOPERATES_WITH"), reject=True
    )
    loaded = load_corrections(path)
    assert len(loaded.renames) == 1 and len(loaded.reject_links) == 1
    first = apply_corrections(_doc(), loaded)
    again = apply_corrections(_doc(), load_corrections(path))
    assert first == again
    assert all(k.type != "COOPERATES_WITH" for k in again.links)


def test_invalid_corrections_file(tmp_path):
    path = tmp_path / "corrections.yaml"
    path.write_text("renames:\n  - name: X\n", encoding="utf-8")
    with pytest.raises(InputError, match="corrections.yaml"):
        load_corrections(path)


def test_a_link_added_for_every_document_goes_to_the_curation_document() -> None:
    from dataclasses import replace

    from queries.corrections import CURATION_DOC

    fixes = Corrections(
        add_links=(LinkFix(source="Stadt Köln", target="DRK", type="PARTICIPATES_IN"),)
    )
    added = ("Stadt Köln", "PARTICIPATES_IN", "DRK")
    in_doc = apply_corrections(_doc(), fixes)
    assert added not in _named_links(in_doc)
    curated = apply_corrections(replace(_doc(), doc=CURATION_DOC, links=()), fixes)
    assert _named_links(curated) == {added}
