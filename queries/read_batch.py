"""Several described reads as one statement: one database round trip for a request level.

Each read whose statement declares its result columns (``// returns:``) becomes a subquery
that collects its rows into one list; parameters are prefixed per read so they cannot
clash. The answer of the combined read is the list of the reads' answers, in order.

Reads of whole documents (``api_links_of_keys``, ``api_measures_of_organisations``) declare
``hidden``, ``changes`` and ``stale`` (docs/reliability.md, "Whole documents during a load").
Combined, they must agree on every document: the combined read reports ``stale`` when one
of them does or when their counts of document changes differ (a document was shown or
removed between two of them), and each of them leaves out the documents any of them found
hidden. ``db.fetch`` repeats a stale read whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .db import Read
from .statements import Statement

__all__ = ["combinable", "combined"]

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_WHOLE = {"hidden", "changes", "stale"}  # the columns of a whole-documents read


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
        whole = [i for i, s in enumerate(statements) if _WHOLE <= set(s.columns)]
        hidden = sorted({d for i in whole for x in answers[i] for d in x["hidden"]})
        for i in whole:  # what one of them left out, all of them leave out
            answers[i] = [{**x, "hidden": hidden} for x in answers[i]]
        return [r.shape(answer) for r, answer in zip(reads, answers, strict=True)]

    return Read(_combined_text(statements), params, shape)


@lru_cache(maxsize=256)
def _combined_text(statements: tuple[Statement, ...]) -> str:
    """``CALL () { CALL () { <statement> } RETURN collect({...}) AS r0 } ... RETURN r0, ...``
    (and ``stale`` when whole-documents reads are among them: see the module docstring).

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
    whole = [i for i, s in enumerate(statements) if _WHOLE <= set(s.columns)]
    if whole:
        stale = " OR ".join(f"r{i}[0].stale" for i in whole)
        counts = " + ".join(f"[r{i}[0].changes]" for i in whole)
        returned.append(f"{stale} OR any(c IN {counts} WHERE c <> r{whole[0]}[0].changes) AS stale")
    parts.append("RETURN " + ", ".join(returned))
    return "\n".join(parts)
