"""Coordinator corrections to extracted data, kept in one YAML file.

Extraction is automatic and sometimes wrong; a coordinator's fix (merge two organisations,
rename one, change its type, reject or add a link) is stored as data and applied on every
load (``loaders.curation.apply_corrections``), so it survives re-extraction. The API
appends to the file; this module validates, loads and saves it.

>>> c = Corrections(renames=[Rename(name="Stadt Koeln", to="Stadt Köln")])
>>> c.renames[0].to
'Stadt Köln'
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from queries.errors import InputError

__all__ = [
    "CURATION_DOC",
    "Merge",
    "Rename",
    "Retype",
    "LinkFix",
    "Corrections",
    "load_corrections",
    "save_corrections",
    "append_correction",
]

# the pseudo-document whose evidence carries links that coordinators added by hand
CURATION_DOC = "curation"

LinkType = Literal[
    "COOPERATES_WITH", "PARTICIPATES_IN", "SIGNED", "FUNDED_BY", "PART_OF", "ORGANISED_BY"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Merge(_Model):
    """Treat ``names`` as the organisation ``into`` (their aliases and mentions join it)."""

    names: tuple[str, ...] = Field(min_length=1)
    into: str = Field(min_length=1)


class Rename(_Model):
    name: str = Field(min_length=1)
    to: str = Field(min_length=1)


class Retype(_Model):
    name: str = Field(min_length=1)
    type: str = Field(min_length=1)


class LinkFix(_Model):
    """A link to reject or to add; ``doc`` limits it to one document (None: every one)."""

    source: str = Field(min_length=1)
    target: str = Field(min_length=1)
    type: LinkType
    doc: str | None = None
    line: int | None = Field(default=None, ge=1)
    evidence: str = ""


class Corrections(_Model):
    merges: tuple[Merge, ...] = ()
    renames: tuple[Rename, ...] = ()
    retypes: tuple[Retype, ...] = ()
    reject_links: tuple[LinkFix, ...] = ()
    add_links: tuple[LinkFix, ...] = ()


def load_corrections(path: Path | str) -> Corrections:
    """Corrections stored at ``path``; a missing file means no corrections."""
    file = Path(path)
    if not file.exists():
        return Corrections()
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        return Corrections.model_validate(data)
    except yaml.YAMLError as exc:
        raise InputError(str(file), f"invalid YAML: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise InputError(str(file), f"{where}: {first['msg']}") from exc


def save_corrections(corrections: Corrections, path: Path | str) -> None:
    """Write ``corrections`` to ``path`` atomically (write a sibling, then rename)."""
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_suffix(file.suffix + ".tmp")
    data = corrections.model_dump(mode="json", exclude_defaults=True)
    tmp.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tmp.replace(file)


def append_correction(
    path: Path | str, correction: Merge | Rename | Retype | LinkFix, *, reject: bool = False
) -> Corrections:
    """Add one correction to the file at ``path`` and return the new whole."""
    current = load_corrections(path)
    fields: dict[type, str] = {Merge: "merges", Rename: "renames", Retype: "retypes"}
    field = fields.get(type(correction))
    if field is None:
        field = "reject_links" if reject else "add_links"
    updated = current.model_copy(update={field: (*getattr(current, field), correction)})
    save_corrections(updated, path)
    return updated
