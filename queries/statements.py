"""Every Cypher statement of the project, one file each in ``queries/cypher/NAME.cypher``.

Modules fetch theirs at import time with :func:`statement`, so a missing file fails
at import, not in the middle of a request. The header comment of each file lists its
``$params``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["statement", "all_statements", "CYPHER_DIR"]

CYPHER_DIR = Path(__file__).parent / "cypher"

_STATEMENTS: dict[str, str] = {
    p.stem: p.read_text(encoding="utf-8") for p in sorted(CYPHER_DIR.glob("*.cypher"))
}


def statement(name: str) -> str:
    """The text of the named statement; raises KeyError naming the missing file."""
    try:
        return _STATEMENTS[name]
    except KeyError:
        raise KeyError(f"no Cypher statement {name!r} in {CYPHER_DIR}") from None


def all_statements() -> dict[str, str]:
    return dict(_STATEMENTS)
