"""Every Cypher statement of the project, one file each in ``queries/cypher/NAME.cypher``.

Modules fetch theirs at import time with :func:`statement`, so a missing file fails
at import, not in the middle of a request. The header comment of each file lists its
``$params``; a ``// returns: a, b`` line declares its result columns, which lets
:func:`queries.read_batch.combined` run it together with others in one round trip (a test
checks the declaration against the columns Neo4j reports).
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["Statement", "statement", "all_statements", "CYPHER_DIR"]

CYPHER_DIR = Path(__file__).parent / "cypher"
_RETURNS = re.compile(r"^// returns: (.+)$", re.MULTILINE)


class Statement(str):
    """The text of a named statement (usable wherever a query string is), with its name and
    its declared result columns (empty when the header declares none)."""

    name: str
    columns: tuple[str, ...]

    def __new__(cls, name: str, text: str) -> Statement:
        self = super().__new__(cls, text)
        self.name = name
        found = _RETURNS.search(text)
        self.columns = tuple(c.strip() for c in found.group(1).split(",")) if found else ()
        return self


_STATEMENTS: dict[str, Statement] = {
    p.stem: Statement(p.stem, p.read_text(encoding="utf-8"))
    for p in sorted(CYPHER_DIR.glob("*.cypher"))
}


def statement(name: str) -> Statement:
    """The text of the named statement; raises KeyError naming the missing file."""
    try:
        return _STATEMENTS[name]
    except KeyError:
        raise KeyError(f"no Cypher statement {name!r} in {CYPHER_DIR}") from None


def all_statements() -> dict[str, Statement]:
    return dict(_STATEMENTS)
