"""Generic heads: names that stand for a different organisation in each place.

"das Jobcenter", "das Kommunale Integrationszentrum", "das KI", "die Landesregierung":
reference data (``reference/generic_heads.yaml``, ``reference/states.yaml``) read by the
resolution inside a document, which qualifies a bare head by its owner, and by the grouping
key, which reads a head's short form as the head ("KI des Kreises Soest" = "Kommunales
Integrationszentrum des Kreises Soest").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from loaders.errors import InputError
from loaders.names import name_key
from loaders.reference import REFERENCE_DIR, STATES_FILE, read_yaml

__all__ = [
    "GENERIC_HEADS_FILE",
    "generic_heads",
    "head_short_forms",
    "municipal_heads",
    "state_government_keys",
]

GENERIC_HEADS_FILE = REFERENCE_DIR / "generic_heads.yaml"


@lru_cache(maxsize=2)
def generic_heads(path: Path = GENERIC_HEADS_FILE) -> dict[str, str]:
    """Name key of every generic head, and of its standard short form -> its nominative
    form (reference data)."""
    heads, _, short = _generic_heads_data(path)
    return {name_key(h): h for h in heads} | {name_key(k): v for k, v in short.items()}


@lru_cache(maxsize=2)
def municipal_heads(path: Path = GENERIC_HEADS_FILE) -> frozenset[str]:
    """The generic heads only a town or county has (reference data)."""
    return frozenset(_generic_heads_data(path)[1])


def head_short_forms(path: Path = GENERIC_HEADS_FILE) -> dict[str, str]:
    """A head's standard short form -> the head ("KI" -> "Kommunales Integrationszentrum",
    "Arbeitsagentur" -> "Agentur für Arbeit")."""
    return dict(_generic_heads_data(path)[2])


@lru_cache(maxsize=4)
def _generic_heads_data(path: Path) -> tuple[list[str], list[str], dict[str, str]]:
    data = read_yaml(path)
    heads = data.get("heads") if isinstance(data, dict) else None
    if not isinstance(heads, list) or not all(isinstance(h, str) and h for h in heads):
        raise InputError(str(path), "erwartet eine Liste 'heads' von Namen")
    municipal = data.get("municipal") or []
    short = data.get("short_forms") or {}
    if not isinstance(municipal, list) or not all(h in heads for h in municipal):
        raise InputError(str(path), "'municipal' nennt Köpfe aus 'heads'")
    if not isinstance(short, dict) or not all(
        isinstance(k, str) and v in heads for k, v in short.items()
    ):
        raise InputError(str(path), "'short_forms' bildet Kurzformen auf Köpfe aus 'heads' ab")
    return heads, municipal, short


@lru_cache(maxsize=2)
def state_government_keys(path: Path = STATES_FILE) -> frozenset[str]:
    """Name keys of the words for a Land's government that name no Land ("Landesregierung")."""
    data = read_yaml(path)
    words = data.get("government") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise InputError(str(path), "erwartet eine Liste 'government' von Wörtern")
    return frozenset(name_key(w) for w in words)
