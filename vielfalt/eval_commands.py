"""CLI commands `vielfalt eval` and `vielfalt train`: measure and retrain the extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from loaders.evaluation import (
    SCORED,
    Row,
    block_line_accuracy,
    evaluate,
    load_manifest,
    micro,
    train,
)

__all__ = ["register"]

console = Console()
err = Console(stderr=True)
_LABELS = {"organisations": "Org.", "programmes": "Progr.", "links": "Links"}


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}".replace(".", ",")


def _table(rows: list[Row]) -> Table:
    table = Table(title="Extraktion gegen Referenzen (F1)", title_justify="left")
    table.add_column("Referenz")
    table.add_column("Rolle")
    for key in SCORED:
        table.add_column(_LABELS[key], justify="right")
    table.add_column("Blockzeilen", justify="right")
    table.add_column("erster Blick (Org./Progr./Links)", justify="right")
    for row in rows:
        first = row.reference.first_sight
        table.add_row(
            row.reference.name,
            row.reference.role if row.held_out else f"{row.reference.role} (gesehen)",
            *(_f(row.scores[k]["f1"]) for k in SCORED),
            _f(row.scores.get("block_lines_accuracy")),
            "/".join(_f(first.get(k)) for k in SCORED) if first else "",
        )
    return table


def _summary(rows: list[Row]) -> Table:
    table = Table(title="Mikro-Mittel (P / R / F1)", title_justify="left")
    table.add_column("Rolle")
    for key in SCORED:
        table.add_column(_LABELS[key], justify="right")
    table.add_column("Blockzeilen", justify="right")
    for role in ("dev", "sealed"):
        chosen = [r for r in rows if r.reference.role == role]
        if not chosen:
            continue
        cells = []
        for key in SCORED:
            m = micro(chosen, key)
            cells.append(f"{_f(m['precision'])} / {_f(m['recall'])} / {_f(m['f1'])}")
        table.add_row(role, *cells, _f(block_line_accuracy(chosen)))
    return table


def eval_command(
    leave_out: Annotated[
        bool,
        typer.Option(
            "--auslassen/--ohne-auslassen",
            help="dev references scored by a model trained without them (slow, honest)",
        ),
    ] = False,
    fold_models: Annotated[
        Path | None,
        typer.Option(
            "--faltmodelle",
            help="mit --auslassen: die Modelle je Fold in diesem Ordner behalten und beim "
            "nächsten Lauf wiederverwenden (misst eine Regeländerung bei festen Modellen)",
        ),
    ] = None,
) -> None:
    """Score the extraction on every reference (dev and sealed), per reference and averaged."""
    if fold_models is not None and not leave_out:
        err.print("Fehler: --faltmodelle gilt nur zusammen mit --auslassen.")
        raise typer.Exit(2)
    rows = evaluate(
        load_manifest(),
        leave_out=leave_out,
        progress=lambda n: err.print(n),
        fold_models=fold_models,
    )
    console.print(_table(rows))
    console.print(_summary(rows))
    if not leave_out:
        console.print(
            "dev (gesehen): vom Modell gelernt; ehrlich sind 'sealed' und "
            "`vielfalt eval --auslassen`."
        )


def train_command() -> None:
    """Train the mention, link and heading models on every dev reference (deterministic)."""
    for path in train(progress=lambda m: err.print(m)):
        console.print(f"Modell geschrieben: {path} ({path.stat().st_size // 1024} KiB)")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
    app.command("train")(train_command)
