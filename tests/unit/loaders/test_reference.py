"""Reference YAML: loads, is consistent, and a broken file names itself."""

from pathlib import Path

import pytest

from loaders.errors import InputError
from loaders.reference import CUE_CLASSES, REFERENCE_DIR, load_reference


def test_reference_loads_with_known_entries():
    ref = load_reference()
    ids = {o.id for o in ref.organisations}
    assert {"landschaftsverband-rheinland", "wdr", "ihk-nrw", "kfi"} <= ids
    assert "IQ" in ref.programme("iq").abbreviations
    assert set(ref.link_cues) == {
        "COOPERATES_WITH",
        "PARTICIPATES_IN",
        "SIGNED",
        "FUNDED_BY",
        "PART_OF",
        "ORGANISED_BY",
        *CUE_CLASSES,
    }


def test_unknown_cue_class_is_rejected(tmp_path):
    for name in ("organisations", "programmes", "measure_types"):
        (tmp_path / f"{name}.yaml").write_text(
            (REFERENCE_DIR / f"{name}.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "link_cues.yaml").write_text("LIKES:\n  - mag\n", encoding="utf-8")
    with pytest.raises(InputError, match="LIKES"):
        load_reference(tmp_path)


def test_no_alias_was_split_at_a_comma():
    ref = load_reference()
    for item in (*ref.organisations, *ref.programmes):
        for alias in item.aliases:
            assert len(alias) > 3 or alias.isupper(), (item.id, alias)


def _copy_reference(tmp_path: Path) -> Path:
    for file in REFERENCE_DIR.glob("*.yaml"):
        (tmp_path / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_invalid_yaml_names_file_and_line(tmp_path):
    base = _copy_reference(tmp_path)
    (base / "programmes.yaml").write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_reference(base)
    assert "programmes.yaml" in str(err.value)
    assert "invalid YAML" in err.value.problem


def test_unknown_type_is_refused(tmp_path):
    base = _copy_reference(tmp_path)
    (base / "organisations.yaml").write_text(
        "- id: foo\n  name: Foo e. V.\n  type: Raumschiff\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="unknown organisation type"):
        load_reference(base)


def test_an_initiative_may_organise_its_own_events():
    from loaders.reference import load_reference

    ref = load_reference()
    organiser = ref.programme("diversity-challenge").organised_by
    assert organiser in {p.id for p in ref.programmes}


def test_standing_institutions_are_organisations_not_programmes():
    ref = load_reference()
    orgs = {o.id for o in ref.organisations}
    programmes = {p.id for p in ref.programmes}
    for institution in ("kommunale-integrationszentren", "iq-fachstelle-ika"):
        assert institution in orgs
        assert institution not in programmes
