"""The centrality report as Markdown, CSV or HTML, in German, with two plots.

Why its own module: the numbers come from :func:`queries.report.centrality_report`; here
only the presentation lives (headers, number format, plots), so a change of layout
never touches the computation.

Plots (matplotlib, PNG): the degree distribution and the ten actors with the highest
PageRank. Markdown writes them beside the ``.md`` file; HTML embeds them as base64.
"""

from __future__ import annotations

import base64
import csv
import html
import io
from collections import Counter
from pathlib import Path

from .errors import InputError
from .report import ActorRow, CentralityReport

__all__ = ["render", "write_report", "plots", "FORMATS", "ACTOR_COLUMNS"]

FORMATS = ("md", "csv", "html")
ACTOR_COLUMNS = (
    "Rang",
    "Kennung",
    "Akteur",
    "Art",
    "Grad",
    "Gewichteter Grad",
    "Betweenness",
    "Standardfehler Betweenness",
    "PageRank",
    "Eigenvektor",
    "Closeness",
    "Gemeinschaft",
    "Partizipationskoeffizient",
)
_LABELS = {"Organisation": "Organisation", "Programme": "Programm"}
_PLOT_NAMES = {"degree": "gradverteilung", "top10": "top10-pagerank"}


def _num(x: float) -> str:
    return f"{x:.4f}".replace(".", ",")


def _actor_cells(rank: int, a: ActorRow) -> list[str]:
    return [
        str(rank),
        a.id,
        a.name,
        _LABELS.get(a.label, a.label),
        str(a.degree),
        f"{a.weighted_degree:g}".replace(".", ","),
        _num(a.betweenness),
        _num(a.betweenness_se),
        _num(a.pagerank),
        _num(a.eigenvector),
        _num(a.closeness),
        str(a.community),
        _num(a.participation),
    ]


def _tables(report: CentralityReport, top: int) -> list[tuple[str, list[str], list[list[str]]]]:
    actors = [_actor_cells(i + 1, a) for i, a in enumerate(report.actors[:top])]
    brokers = [
        [
            str(i + 1),
            b.name,
            _num(b.participation),
            str(b.communities),
            str(b.programmes),
            str(b.degree),
        ]
        for i, b in enumerate(report.brokers)
    ]
    names = report.names
    groups = [
        [
            str(i + 1),
            str(len(c)),
            ", ".join(names.get(str(n), str(n)) for n in c[:5]) + (" …" if len(c) > 5 else ""),
        ]
        for i, c in enumerate(report.communities[:top])
    ]
    return [
        (
            f"Die {min(top, len(actors))} zentralsten Akteure (nach PageRank)",
            list(ACTOR_COLUMNS),
            actors,
        ),
        (
            "Vermittler zwischen Gemeinschaften (Broker)",
            [
                "Rang",
                "Organisation",
                "Partizipationskoeffizient",
                "Gemeinschaften",
                "Programme",
                "Grad",
            ],
            brokers,
        ),
        (
            f"Gemeinschaften (Louvain), {len(report.communities)} insgesamt",
            ["Nr.", "Größe", "Mitglieder (Auswahl)"],
            groups,
        ),
    ]


def _method(report: CentralityReport) -> str:
    how = (
        "exakt"
        if report.betweenness_exact
        else f"geschätzt aus {report.betweenness_pivots} zufälligen Startknoten "
        "(siehe Spalte „Standardfehler Betweenness“)"
    )
    return (
        f"Netzwerk mit {report.nodes} Knoten und {report.edges} Kanten, erstellt "
        f"{report.created}. Betweenness und Closeness über Pfadlängen, {how}; "
        "PageRank, Eigenvektor und Gewichteter Grad nach Anzahl der Belege."
    )


def plots(report: CentralityReport) -> dict[str, bytes]:
    """PNG bytes of the two plots, keyed ``degree`` and ``top10``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = {}
    fig, ax = plt.subplots(figsize=(6, 4))
    counts = Counter(a.degree for a in report.actors)
    if counts:
        xs = sorted(counts)
        if max(xs) > 50:  # heavy tail: points on log axes (0 stays visible with symlog)
            ax.plot(xs, [counts[x] for x in xs], "o", color="#2b6cb0", markersize=4)
            ax.set_xscale("symlog", linthresh=1)
            ax.set_yscale("log")
        else:
            ax.bar(xs, [counts[x] for x in xs], color="#2b6cb0")
    ax.set_title("Gradverteilung")
    ax.set_xlabel("Grad (Anzahl Verbindungen)")
    ax.set_ylabel("Anzahl Akteure")
    out["degree"] = _png(fig, plt)
    fig, ax = plt.subplots(figsize=(7, 4))
    best = report.actors[:10][::-1]
    labels = [a.name if len(a.name) <= 40 else a.name[:39] + "…" for a in best]
    ax.barh(labels, [a.pagerank for a in best], color="#c05621")
    ax.set_title("Top 10 nach PageRank")
    ax.set_xlabel("PageRank")
    fig.tight_layout()
    out["top10"] = _png(fig, plt)
    return out


def _png(fig, plt) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _markdown(report: CentralityReport, top: int, images: dict[str, str]) -> str:
    lines = ["# Zentralitätsbericht", "", _method(report), ""]
    for title, header, rows in _tables(report, top):
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["_Keine Einträge._", ""]
            continue
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
        lines.append("")
    for key, ref in images.items():
        title = "Gradverteilung" if key == "degree" else "Top 10 nach PageRank"
        lines += [f"![{title}]({ref})", ""]
    return "\n".join(lines)


def _csv(report: CentralityReport) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ACTOR_COLUMNS)
    writer.writerows(_actor_cells(i + 1, a) for i, a in enumerate(report.actors))
    return buf.getvalue()


def _html(report: CentralityReport, top: int) -> str:
    e = html.escape
    parts = [
        "<!doctype html>",
        '<html lang="de"><head><meta charset="utf-8">',
        "<title>Zentralitätsbericht</title><style>body{font-family:sans-serif;"
        "margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
        "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}</style>",
        "</head><body>",
        "<h1>Zentralitätsbericht</h1>",
        f"<p>{e(_method(report))}</p>",
    ]
    for title, header, rows in _tables(report, top):
        parts.append(f"<h2>{e(title)}</h2>")
        if not rows:
            parts.append("<p><em>Keine Einträge.</em></p>")
            continue
        parts.append(
            "<table><thead><tr>"
            + "".join(f"<th>{e(h)}</th>" for h in header)
            + "</tr></thead><tbody>"
        )
        parts += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows]
        parts.append("</tbody></table>")
    for key, png in plots(report).items():
        alt = "Gradverteilung" if key == "degree" else "Top 10 nach PageRank"
        data = base64.b64encode(png).decode("ascii")
        parts.append(f'<figure><img alt="{alt}" src="data:image/png;base64,{data}"></figure>')
    parts.append("</body></html>")
    return "\n".join(parts)


def render(report: CentralityReport, fmt: str, *, top: int = 20) -> str:
    """The report as text; Markdown without plots (see :func:`write_report`)."""
    if fmt == "md":
        return _markdown(report, top, {})
    if fmt == "csv":
        return _csv(report)
    if fmt == "html":
        return _html(report, top)
    raise InputError("format", f"unknown report format {fmt!r}; allowed: {', '.join(FORMATS)}")


def write_report(report: CentralityReport, fmt: str, out: Path, *, top: int = 20) -> list[Path]:
    """Write the report to ``out`` (Markdown: plots as PNG files beside it); the paths."""
    if fmt not in FORMATS:
        render(report, fmt)  # raises the InputError
    out.parent.mkdir(parents=True, exist_ok=True)
    written = [out]
    if fmt == "md":
        images = {}
        for key, png in plots(report).items():
            path = out.with_name(f"{out.stem}-{_PLOT_NAMES[key]}.png")
            path.write_bytes(png)
            images[key] = path.name
            written.append(path)
        text = _markdown(report, top, images)
    else:
        text = render(report, fmt, top=top)
    out.write_text(text, encoding="utf-8")
    return written
