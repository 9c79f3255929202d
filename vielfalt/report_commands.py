"""CLI commands for analytics: ``vielfalt report centrality|synergies`` and ``vielfalt export``.

Why here: the CLI lives in ``vielfalt`` (it sits above ``queries``); these commands only
parse options, call one ``queries`` function each and print or write the result. Project
errors reach users as one line through :func:`vielfalt.cli.main`. The analytics stack
(scipy, matplotlib) is imported when a command runs, so other commands start fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from queries.errors import InputError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["register", "report_app", "EXPORT_HELP"]

# queries.export.EXPORT_FORMATS, written out: importing queries.export loads the driver
# and networkx, which `vielfalt --help` and `extract` must not wait for (a unit test
# keeps the two in step)
EXPORT_HELP = "graphml, gexf, csv, csv-excel, json"

report_app = typer.Typer(
    help="Auswertungen des Netzwerks (Zentralität, Synergien).", no_args_is_help=True
)
console = Console()

LinkTypes = Annotated[
    list[str] | None,
    typer.Option(
        "--link-type", help="nur diese Verbindungsarten (mehrfach möglich), z. B. COOPERATES_WITH"
    ),
]
Programmes = Annotated[
    list[str] | None,
    typer.Option("--programme", help="nur diese Programme (Kennung) und ihre Organisationen"),
]
Fields = Annotated[
    list[int] | None,
    typer.Option(
        "--field", help="nur Organisationen mit Maßnahmen in diesen Handlungsfeldern (1-6)"
    ),
]


def _projection(
    link_types: list[str] | None, programmes: list[str] | None, fields: list[int] | None
) -> nx.Graph:
    from queries.projection import project

    return project(
        link_types=link_types or None, programmes=programmes or None, categories=fields or None
    )


@report_app.command("centrality")
def centrality(
    fmt: Annotated[str, typer.Option("--format", help="md, csv oder html")] = "md",
    out: Annotated[Path | None, typer.Option(help="Zieldatei (ohne: Ausgabe auf stdout)")] = None,
    top: Annotated[int, typer.Option(min=1, help="Zeilen der Tabellen")] = 20,
    seed: Annotated[int, typer.Option(help="Zufallsstartwert (Louvain, Stichproben)")] = 0,
    link_type: LinkTypes = None,
    programme: Programmes = None,
    field: Fields = None,
) -> None:
    """Zentralitätsbericht: zentrale Akteure, Broker, Gemeinschaften, Diagramme."""
    from queries.report import centrality_report

    from .report_render import FORMATS, render, write_report

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise InputError(
            "--format", f"unknown report format {fmt!r}; allowed: " + ", ".join(FORMATS)
        )
    report = centrality_report(_projection(link_type, programme, field), seed=seed)
    if out is None:
        typer.echo(render(report, fmt, top=top))
        return
    for path in write_report(report, fmt, out, top=top):
        console.print(f"geschrieben: {path}")


@report_app.command("synergies")
def synergy_report(
    organisation: Annotated[
        str | None,
        typer.Option(help="Kennung der Organisation (ohne: die besten Paare im ganzen Netzwerk)"),
    ] = None,
    first: Annotated[int, typer.Option(min=1, help="Anzahl Vorschläge")] = 10,
) -> None:
    """Synergie-Vorschläge: Organisationen, die noch nicht kooperieren, aber gut passen.

    Same computation as ``queries.analytics.synergy.synergies_for`` (API, pages); the
    projection is read once here so that both sides of a pair can be named.
    """
    from queries.analytics.synergy import synergies
    from queries.projection import measure_profiles, project

    G = project()
    found = synergies(G, measure_profiles(), organisation, first=first)
    if not found:
        console.print("Keine Synergie-Vorschläge gefunden.")
        return
    console.print("[bold]Synergie-Vorschläge[/bold]")
    for i, s in enumerate(found, start=1):
        source = G.nodes[s.source_id].get("name", s.source_id)
        score = f"{s.score:.2f}".replace(".", ",")
        console.print(
            f"\n{i}. {source} ({s.source_id}) ↔ {s.target_name} ({s.target_id}) – {score} Punkte",
            highlight=False,
            soft_wrap=True,
        )
        for reason in s.reasons:
            console.print(f"   • {reason}", highlight=False, soft_wrap=True)


def export(
    fmt: Annotated[str, typer.Option("--format", help=EXPORT_HELP)],
    out: Annotated[Path, typer.Option(help="Zieldatei")],
    link_type: LinkTypes = None,
    programme: Programmes = None,
    field: Fields = None,
) -> None:
    """Das Netzwerk (Organisationen, Programme, Verbindungen) als Datei exportieren."""
    from queries.export import EXPORT_FORMATS, export_graph, export_network

    if fmt.lower() not in EXPORT_FORMATS:
        raise InputError(
            "--format", f"unknown export format {fmt!r}; allowed: " + ", ".join(EXPORT_FORMATS)
        )

    H = export_network(_projection(link_type, programme, field))
    for path in export_graph(H, fmt, out):
        console.print(f"geschrieben: {path}")
    console.print(f"{H.number_of_nodes()} Knoten, {H.number_of_edges()} Verbindungen")


def register(app: typer.Typer) -> None:
    """Add ``report`` (centrality, synergies) and ``export`` to the ``vielfalt`` app."""
    app.add_typer(report_app, name="report")
    app.command("export")(export)
