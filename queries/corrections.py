"""Coordinator corrections to extracted data, kept in one YAML file.

Extraction is automatic and sometimes wrong; a coordinator's fix (merge two organisations,
rename one, change its type, reject or add a link) is stored as data and applied on every
load (``loaders.resolve.curation.apply_corrections``), so it survives re-extraction. The API
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
    "DocumentFix",
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


class DocumentFix(_Model):
    """Title, publisher or report year of document ``doc`` where the text misleads."""

    doc: str = Field(min_length=1)
    title: str | None = Field(default=None, min_length=1)
    publisher: str | None = Field(default=None, min_length=1)
    year: int | None = Field(default=None, ge=1900, le=2100)


class Corrections(_Model):
    merges: tuple[Merge, ...] = ()
    renames: tuple[Rename, ...] = ()
    retypes: tuple[Retype, ...] = ()
    reject_links: tuple[LinkFix, ...] = ()
    add_links: tuple[LinkFix, ...] = ()
    documents: tuple[DocumentFix, ...] = ()


_PYDANTIC_PROBLEMS = {
    "missing": "Angabe fehlt",
    "extra_forbidden": "unbekanntes Feld",
    "string_too_short": "darf nicht leer sein",
    "too_short": "darf nicht leer sein",
    "literal_error": "unbekannter Verknüpfungstyp",
    "greater_than_equal": "ist zu klein",
    "less_than_equal": "ist zu groß",
    "model_type": "muss eine Zuordnung (Schlüssel: Wert) sein",
    "dict_type": "muss eine Zuordnung (Schlüssel: Wert) sein",
    "string_type": "muss ein Text sein",
    "int_type": "muss eine ganze Zahl sein",
    "int_parsing": "muss eine ganze Zahl sein",
    "tuple_type": "muss eine Liste sein",
}


_MAX_EXPANDED_NODES = 100_000  # what the data may grow to once aliases are expanded


def _expanded_size(node: yaml.Node, memo: dict[int, int], active: set[int]) -> int:
    """Nodes of the document with every alias expanded, computed without expanding."""
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active:
        raise ValueError("recursive alias")
    active.add(key)
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, memo, active) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, memo, active) + _expanded_size(v, memo, active)
    active.discard(key)
    memo[key] = min(size, _MAX_EXPANDED_NODES + 1)
    return memo[key]


def _parse_yaml(text: str, source: str, max_aliases: int) -> object:
    """Safe YAML: plain data only (no Python tags), bounded aliases.

    Aliases are counted on the event stream, and the size the document would have with
    its aliases expanded is computed on the composed (shared) node graph, both before any
    Python object is built: a "billion laughs" document is refused in linear time.
    """
    try:
        aliases = sum(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, yaml.SafeLoader))
        if aliases > max_aliases:
            raise InputError(
                source,
                f"zu viele YAML-Aliase ({aliases}, erlaubt {max_aliases}: CORRECTIONS_MAX_ALIASES)",
            )
        root = yaml.compose(text, yaml.SafeLoader)
        if root is not None:
            try:
                size = _expanded_size(root, {}, set())
            except ValueError:
                raise InputError(source, "YAML-Alias verweist auf sich selbst") from None
            if size > _MAX_EXPANDED_NODES:
                raise InputError(
                    source, f"YAML-Aliase vervielfachen die Daten (über {_MAX_EXPANDED_NODES})"
                )
        return yaml.safe_load(text)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(
            source, "nicht erlaubtes YAML-Tag (nur einfache Daten erlaubt)", line
        ) from exc
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(source, "ungültiges YAML", line) from exc
    except yaml.YAMLError as exc:
        raise InputError(source, "ungültiges YAML") from exc


def load_corrections(
    path: Path | str, max_bytes: int | None = None, max_aliases: int | None = None
) -> Corrections:
    """Corrections stored at ``path``; a missing file means no corrections.

    The file is untrusted input: at most ``max_bytes`` (``CORRECTIONS_MAX_BYTES``), UTF-8,
    safe YAML with at most ``max_aliases`` aliases (``CORRECTIONS_MAX_ALIASES``).
    """
    from queries.settings import get_settings

    file = Path(path)
    source = str(file)
    if not file.exists():
        return Corrections()
    s = get_settings()
    limit = max_bytes if max_bytes is not None else s.corrections_max_bytes
    alias_limit = max_aliases if max_aliases is not None else s.corrections_max_aliases
    try:
        with file.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(source, f"nicht lesbar ({exc.strerror or exc})") from exc
    if len(raw) > limit:
        raise InputError(source, f"Datei zu groß (über {limit} Bytes: CORRECTIONS_MAX_BYTES)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(source, "keine UTF-8-Datei") from exc
    data = _parse_yaml(text, source, alias_limit)
    if data is None:
        return Corrections()
    try:
        return Corrections.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "oberste Ebene"
        problem = _PYDANTIC_PROBLEMS.get(first["type"], "ungültiger Wert")
        raise InputError(source, f"{where}: {problem}") from exc


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
