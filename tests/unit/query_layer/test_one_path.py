"""One read path and one write path, checked on the source: every row type of the library
packages is defined once, and no statement creates nodes or relationships unconditionally
(the writer MERGEs; a schema statement creates a constraint or an index)."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("queries", "loaders", "graph_api")
_CREATE = re.compile(r"(?<!ON )\bCREATE\b")


def _dataclass_names(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any("dataclass" in ast.unparse(d) for d in node.decorator_list)
    ]


def test_no_row_type_is_defined_twice() -> None:
    names = Counter(
        name
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        for name in _dataclass_names(path)
    )
    assert names["MeasureRow"] == 1  # the records are seen
    assert [n for n, k in names.items() if k > 1] == []


def test_no_statement_creates_outside_the_schema() -> None:
    creating = [
        path.name
        for path in (ROOT / "queries" / "cypher").glob("*.cypher")
        if not path.name.startswith("schema_")
        and _CREATE.search(
            "\n".join(
                line
                for line in path.read_text(encoding="utf-8").splitlines()
                if not line.startswith("//")
            )
        )
    ]
    assert creating == []
