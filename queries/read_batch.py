"""Several described reads as one statement: one database round trip for a request level.

Each read whose statement declares its result columns (``// returns:``) becomes a subquery
that collects its rows into one list; parameters are prefixed per read so they cannot
clash. The answer of the combined read is the list of the reads' answers, in order.

``$hidden``, the documents the request's view leaves out (:mod:`queries.view`), is one
parameter shared by all of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .db import Read
from .statements import Statement

__all__ = ["combinable", "combined"]

_PARAM = re.compile(r"\$(?!hidden\b)([A-Za-z_][A-Za-z0-9_]*)")  # all but the view's $hidden


def combinable(spec: Read[Any]) -> bool:
    """Whether ``spec`` can run inside a combined statement (its columns are declared)."""
    return isinstance(spec.query, Statement) and bool(spec.query.columns)


def combined(reads: Sequence[Read[Any]]) -> Read[list[Any]]:
    """One read that answers all of ``reads`` (each :func:`combinable`) in one round trip."""
    reads = list(reads)
    if not all(combinable(r) for r in reads):
        raise ValueError("only reads whose statements declare their columns can be combined")
    statements = tuple(r.query for r in reads if isinstance(r.query, Statement))
    params = {f"q{i}_{k}": v for i, r in enumerate(reads) for k, v in r.params.items()}

    def shape(rows: list[dict[str, Any]]) -> list[Any]:
        (row,) = rows
        answers = [row[f"r{i}"] for i in range(len(reads))]
        return [r.shape(answer) for r, answer in zip(reads, answers, strict=True)]

    return Read(_combined_text(statements), params, shape)


@lru_cache(maxsize=256)
def _combined_text(statements: tuple[Statement, ...]) -> str:
    """``CALL () { CALL () { <statement> } RETURN collect({...}) AS r0 } ... RETURN r0, ...``

    The inner subquery keeps the statement's own rows (and ORDER BY); the outer one always
    yields exactly one row, so a statement without rows cannot drop the others' results.
    """
    parts = []
    for i, text in enumerate(statements):
        code = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
        body = _PARAM.sub(rf"$q{i}_\1", code).strip()
        columns = ", ".join(f"{c}: {c}" for c in text.columns)
        parts.append(
            f"CALL () {{\n  CALL () {{\n{body}\n  }}\n  RETURN collect({{{columns}}}) AS r{i}\n}}"
        )
    returned = [f"r{i}" for i in range(len(statements))]
    parts.append("RETURN " + ", ".join(returned))
    return "\n".join(parts)
