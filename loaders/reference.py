"""Reference data: known organisations, programmes, measure types and link cues.

The YAML files under ``loaders/reference/`` are data, not code: coordinators extend them
without touching the extractor. They are validated here with pydantic on first use and
cached; a broken file raises :class:`InputError` naming the file and the problem, so a
typo never turns into a silently empty gazetteer.

>>> ref = load_reference()
>>> ref.organisation("landschaftsverband-rheinland").abbreviations
('LVR',)
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from loaders.errors import InputError
from loaders.models import LINK_TYPES, ORG_TYPES, PROGRAMME_KINDS

__all__ = [
    "read_yaml",
    "REFERENCE_DIR",
    "BYLINE_LABELS_FILE",
    "OrganisationRef",
    "ProgrammeRef",
    "MeasureTypeRef",
    "Reference",
    "load_reference",
    "CUE_CLASSES",
    "ORGANISATION_WORDS_FILE",
    "load_organisation_words",
    "read_word_list",
    "word_alternatives",
    "STATES_FILE",
    "state_names",
    "state_short_forms",
    "FIELD_LABELS_FILE",
    "FIELD_LINE",
    "field_labels",
    "field_role",
]

REFERENCE_DIR = Path(__file__).with_name("reference")
ORGANISATION_WORDS_FILE = REFERENCE_DIR / "organisation_words.yaml"
BYLINE_LABELS_FILE = REFERENCE_DIR / "byline_labels.yaml"
STATES_FILE = REFERENCE_DIR / "states.yaml"
FIELD_LABELS_FILE = REFERENCE_DIR / "field_labels.yaml"
_FIELD_ROLES = ("carrier", "funder", "partner", "network", "project")
# a record's field: "Label:" opening a line (a bullet before it may stand), a few words
FIELD_LINE = re.compile(r"^[ \t]*(?:[•▪◦*–-][ \t]+)?([A-ZÄÖÜ][\wäöüß*/ -]{1,40}?)[ \t]*:(?=\s|$)")
_ID = r"^[a-z0-9][a-z0-9-]*$"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID)
    name: str = Field(min_length=2)
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @field_validator("abbreviations", "aliases", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return () if value is None else value


class OrganisationRef(_Entry):
    type: str
    parent: str | None = None

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in ORG_TYPES:
            raise ValueError(f"unknown organisation type {value!r}")
        return value


class ProgrammeRef(_Entry):
    kind: str
    organised_by: str | None = None

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in PROGRAMME_KINDS:
            raise ValueError(f"unknown programme kind {value!r}")
        return value


class MeasureTypeRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID)
    label: str
    category: int | None = Field(default=None, ge=1, le=6)
    cues: tuple[str, ...] = Field(min_length=1)


class Reference(BaseModel):
    """All reference data, with look-ups by id."""

    model_config = ConfigDict(frozen=True)

    organisations: tuple[OrganisationRef, ...]
    programmes: tuple[ProgrammeRef, ...]
    measure_types: tuple[MeasureTypeRef, ...]
    link_cues: dict[str, tuple[str, ...]]
    # list cues by position ("lead" before a list, "tail" after it), then by link type
    list_cues: dict[str, dict[str, tuple[str, ...]]] = Field(default_factory=dict)

    def organisation(self, ref_id: str) -> OrganisationRef:
        return {o.id: o for o in self.organisations}[ref_id]

    def programme(self, ref_id: str) -> ProgrammeRef:
        return {p.id: p for p in self.programmes}[ref_id]


# libyaml's loader when present: the reference files are read on every start
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """A YAML file's data; a missing or malformed file is an InputError naming it."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError as exc:
        raise InputError(str(path), "reference file is missing") from exc
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise InputError(
            str(path), f"invalid YAML: {exc}", None if line is None else line + 1
        ) from exc


def read_word_list(path: Path) -> tuple[str, ...]:
    """A YAML file that is a non-empty list of words (rule vocabulary, e.g. the labels a
    brochure prints before a chapter title or a partner's name), validated."""
    words = read_yaml(path)
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise InputError(str(path), "erwartet eine Liste von Wörtern")
    return tuple(words)


def word_alternatives(path: Path) -> str:
    """The words of a word list as one regular-expression alternation, each literal."""
    return "|".join(re.escape(w) for w in read_word_list(path))


@lru_cache(maxsize=4)
def load_organisation_words(path: Path = ORGANISATION_WORDS_FILE) -> tuple[str, ...]:
    """Head words that organisation names end with, validated (reference data, not code)."""
    try:
        raw = read_yaml(path)
        words = tuple(raw["endings"])
    except (KeyError, TypeError) as exc:
        raise InputError(str(path), f"invalid organisation words file: {exc}") from exc
    if not words or not all(isinstance(w, str) and w and w == w.lower() for w in words):
        raise InputError(str(path), "endings must be a non-empty list of lower-case words")
    return words


@lru_cache(maxsize=2)
def state_names(path: Path = STATES_FILE) -> tuple[str, ...]:
    """The Länder as texts name them ("Nordrhein-Westfalen", "NRW", "Sachsen"), validated."""
    data = read_yaml(path)
    names = data.get("states") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise InputError(str(path), "erwartet eine Liste 'states' von Ländernamen")
    return tuple(names)


@lru_cache(maxsize=2)
def state_short_forms(path: Path = STATES_FILE) -> dict[str, str]:
    """Each Land's short form with its name ("NRW": "Nordrhein-Westfalen"), validated."""
    data = read_yaml(path)
    short = data.get("short_forms") if isinstance(data, dict) else None
    if not isinstance(short, dict) or not all(
        isinstance(k, str) and v in state_names(path) for k, v in short.items()
    ):
        raise InputError(str(path), "'short_forms' bildet Kurzformen auf Länder aus 'states' ab")
    return dict(short)


@lru_cache(maxsize=4)
def field_labels(path: Path = FIELD_LABELS_FILE) -> dict[str, re.Pattern[str]]:
    """The label pattern of each role of a record's field (reference data), validated:
    read by the table reader (loaders.clean.tables) and the records' links
    (loaders.links.fields)."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != set(_FIELD_ROLES):
        raise InputError(str(path), f"erwartet genau die Schlüssel {list(_FIELD_ROLES)}")
    out = {}
    for role, labels in data.items():
        if (
            not isinstance(labels, list)
            or not labels
            or not all(isinstance(x, str) for x in labels)
        ):
            raise InputError(str(path), f"'{role}' muss eine Liste regulärer Ausdrücke sein")
        try:
            out[role] = re.compile("(?:" + "|".join(labels) + r")\Z", re.IGNORECASE)
        except re.error as exc:
            raise InputError(str(path), f"'{role}': ungültiger Ausdruck ({exc})") from exc
    return out


def field_role(label: str) -> str | None:
    """The role a record's field label gives the names of its value ("Träger" the
    carrier's), else None ("Telefon")."""
    named = " ".join(label.split())
    return next((role for role, pattern in field_labels().items() if pattern.match(named)), None)


def _validate_list(path: Path, model: type[BaseModel]) -> tuple[Any, ...]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise InputError(str(path), "expected a list of entries")
    items = []
    for number, item in enumerate(data, start=1):
        try:
            items.append(model.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise InputError(str(path), f"entry {number}: {where}: {first['msg']}") from exc
    ids = [getattr(i, "id", "") for i in items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InputError(str(path), f"duplicate ids: {', '.join(duplicates)}")
    return tuple(items)


# cue classes besides the link types: they refine a link's type rather than make one.
# OWN_PROJECT: the sentence's subject runs the programme ("unser Projekt", "eigene");
# TAKES_PART: explicit taking part, stronger than OWN_PROJECT;
# OCCASION: the programme is an outside event the subject joins ("anlässlich des ...").
CUE_CLASSES = ("OWN_PROJECT", "TAKES_PART", "OCCASION", "CARRIER", "SERVICE_POINT")


def _validate_cues(path: Path) -> dict[str, tuple[str, ...]]:
    return _check_cues(path, read_yaml(path))


def _check_cues(
    path: Path, data: object, classes: tuple[str, ...] = CUE_CLASSES
) -> dict[str, tuple[str, ...]]:
    """A mapping from link type (or cue class) to a list of valid regular expressions."""
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a mapping from link type to cue list")
    cues: dict[str, tuple[str, ...]] = {}
    for link_type, patterns in data.items():
        if link_type not in LINK_TYPES and link_type not in classes:
            raise InputError(str(path), f"unknown link type {link_type!r}")
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise InputError(str(path), f"{link_type}: expected a list of strings")
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise InputError(str(path), f"{link_type}: bad pattern {pattern!r}: {exc}") from exc
        cues[link_type] = tuple(patterns)
    return cues


def _validate_list_cues(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """``lead``, ``tail``, ``agreement`` and ``role`` sections, each a cue file of its own
    (see _validate_cues)."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != {"lead", "tail", "agreement", "role"}:
        raise InputError(str(path), "expected the sections 'lead', 'tail', 'agreement' and 'role'")
    return {where: _check_cues(path, cues, ("PARTNER", "JOINT")) for where, cues in data.items()}


def _check_parents(path: Path, orgs: tuple[OrganisationRef, ...]) -> None:
    known = {o.id for o in orgs}
    for org in orgs:
        if org.parent is not None and org.parent not in known:
            raise InputError(str(path), f"{org.id}: unknown parent {org.parent!r}")


@lru_cache(maxsize=8)
def load_reference(directory: Path | str | None = None) -> Reference:
    """Load and validate the reference YAML files of ``directory`` (cached per directory)."""
    base = Path(directory) if directory is not None else REFERENCE_DIR
    orgs_path = base / "organisations.yaml"
    orgs = _validate_list(orgs_path, OrganisationRef)
    _check_parents(orgs_path, orgs)
    programmes_path = base / "programmes.yaml"
    programmes = _validate_list(programmes_path, ProgrammeRef)
    # an initiative may run its own events (the Charta der Vielfalt its Diversity-Tag), so
    # an organiser is an organisation or another programme
    known = {o.id for o in orgs} | {p.id for p in programmes}
    for programme in programmes:
        if programme.organised_by is not None and programme.organised_by not in known:
            raise InputError(
                str(programmes_path),
                f"{programme.id}: unknown organiser {programme.organised_by!r}",
            )
    return Reference(
        organisations=orgs,
        programmes=programmes,
        measure_types=_validate_list(base / "measure_types.yaml", MeasureTypeRef),
        link_cues=_validate_cues(base / "link_cues.yaml"),
        list_cues=_validate_list_cues(base / "list_cues.yaml"),
    )
