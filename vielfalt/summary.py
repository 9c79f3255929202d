"""Tables that summarise the graph and a load, for the terminal."""

from __future__ import annotations

from rich.table import Table

__all__ = ["counts_table"]


def counts_table(counts: dict[str, dict[str, int]]) -> Table:
    table = Table(title="Graph")
    table.add_column("Art")
    table.add_column("Name")
    table.add_column("Anzahl", justify="right")
    for kind, label in (("nodes", "Knoten"), ("relationships", "Kanten")):
        for name, n in sorted(counts.get(kind, {}).items()):
            table.add_row(label, name, str(n))
    return table
