"""German labels of the measure types, for sentences that name them.

Measures store a type id (``intercultural-training``); its label ("Interkulturelle
Fortbildung") is reference data kept with the loaders in
``loaders/reference/measure_types.yaml``. This module reads that file as data (it imports
nothing from ``loaders``); without it, the id stands in for the label.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["measure_type_labels", "MEASURE_TYPES_FILE"]

log = logging.getLogger(__name__)

MEASURE_TYPES_FILE = Path(__file__).resolve().parents[2] / "loaders/reference/measure_types.yaml"


@lru_cache(maxsize=1)
def measure_type_labels(path: Path = MEASURE_TYPES_FILE) -> dict[str, str]:
    """Type id -> German label; empty when the reference file cannot be read."""
    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        log.warning("no measure type labels (%s)", exc)
        return {}
    return {str(r["id"]): str(r["label"]) for r in rows if isinstance(r, dict) and "label" in r}
