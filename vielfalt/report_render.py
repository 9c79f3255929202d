"""The centrality report as Markdown, CSV or HTML, in German, with two plots.

Why its own module: the numbers come from :func:`queries.report.centrality_report`; here
only the presentation lives (headers, number format, plots), so a change of layout
never touches the computation.

Plots (matplotlib, PNG): the degree distribution and the ten actors with the highest
PageRank. Markdown writes them beside the ``.md`` file; HTML embeds them as base64.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from pathlib import Path

from queries.errors import InputError
from queries.report import ActorRow, CentralityReport
from queries.tables import csv_text, number_de

__all__ = ["render", "write_report", "plots", "actor_columns", "FORMATS", "EXPLANATIONS"]

FORMATS = ("md", "csv", "csv-excel", "html")
_LABELS = {"Organisation": "Organisation", "Programme": "Programm"}
_PLOT_NAMES = {"degree": "gradverteilung", "top10": "top10-pagerank"}
_NAME_CHARS = 60

# what each measure means, for readers without a network-analysis background
EXPLANATIONS = (
    (
        "Grad",
        "Anzahl der direkten Verbindungen eines Akteurs: Kooperationspartner, Programme, "
        "Förderer, übergeordnete Stellen. Wer viele Verbindungen hat, ist gut vernetzt, "
        "aber nicht unbedingt einflussreich.",
    ),
    (
        "PageRank",
        "Anteil der Aufmerksamkeit, der bei einem Zufallsgang durch das Netzwerk bei diesem "
        "Akteur landet (alle Werte zusammen ergeben 1). Hoch ist er bei Akteuren, die mit "
        "anderen gut vernetzten Akteuren verbunden sind; Verbindungen mit mehr Belegen "
        "zählen stärker. Die Tabelle ist danach sortiert.",
    ),
    (
        "Betweenness",
        "Anteil der kürzesten Wege zwischen zwei anderen Akteuren, die über diesen Akteur "
        "führen (0 bis 1). Hoch ist sie bei Akteuren, ohne die andere nur auf Umwegen oder "
        "gar nicht zueinander fänden.",
    ),
    (
        "Gemeinschaft",
        "Gruppe von Akteuren, die untereinander deutlich dichter verbunden sind als mit "
        "dem Rest (Louvain-Verfahren). Akteure ohne Verbindung bilden keine Gemeinschaft "
        "und werden nicht mitgezählt („–“).",
    ),
    (
        "Broker",
        "Organisation, deren Verbindungen in mindestens zwei Gemeinschaften reichen: Sie "
        "verbindet Gruppen, die sonst wenig miteinander zu tun haben. Sortiert nach der "
        "Zahl der erreichten Gemeinschaften, dann nach dem Partizipationskoeffizienten "
        "(0: alle Verbindungen in einer Gemeinschaft; nahe 1: gleichmäßig über viele "
        "verteilt).",
    ),
)


def _num(x: float, digits: int = 4) -> str:
    return number_de(float(x), digits)


def _name(text: str, limit: int | None = _NAME_CHARS) -> str:
    """One line, no table separator, at most ``limit`` characters (None: no limit)."""
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat


def actor_columns(report: CentralityReport) -> tuple[str, ...]:
    """Columns of the full actor table (CSV); the standard error only when estimated."""
    se = () if report.betweenness_exact else ("Standardfehler Betweenness",)
    return (
        "Rang", "Kennung", "Akteur", "Art", "Grad", "Gewichteter Grad", "PageRank",
        "Betweenness", *se, "Eigenvektor", "Closeness", "Gemeinschaft",
        "Partizipationskoeffizient",
    )  # fmt: skip


def _actor_values(report: CentralityReport, rank: int, a: ActorRow) -> dict[str, object]:
    return {
        "Rang": rank,
        "Kennung": a.id,
        "Akteur": _name(a.name, None),
        "Art": _LABELS.get(a.label, a.label),
        "Grad": a.degree,
        "Gewichteter Grad": a.weighted_degree,
        "PageRank": a.pagerank,
        "Betweenness": a.betweenness,
        "Standardfehler Betweenness": a.betweenness_se,
        "Eigenvektor": a.eigenvector,
        "Closeness": a.closeness,
        "Gemeinschaft": a.community or None,
        "Partizipationskoeffizient": a.participation,
    }


def _betweenness_cell(report: CentralityReport, a: ActorRow) -> str:
    if report.betweenness_exact:
        return _num(a.betweenness)
    return f"{_num(a.betweenness)} ± {_num(a.betweenness_se)}"


def _tables(report: CentralityReport, top: int) -> list[tuple[str, list[str], list[list[str]]]]:
    """The three tables of the Markdown and HTML report, narrow enough for a page."""
    actors = [
        [
            str(i + 1),
            _name(a.name),
            _LABELS.get(a.label, a.label),
            str(a.degree),
            _num(a.pagerank),
            _betweenness_cell(report, a),
            str(a.community) if a.community else "–",
        ]
        for i, a in enumerate(report.actors[:top])
    ]
    brokers = [
        [
            str(i + 1),
            _name(b.name),
            str(b.communities),
            _num(b.participation, 2),
            str(b.programmes),
            str(b.degree),
        ]
        for i, b in enumerate(report.brokers)
    ]
    names = report.names
    rank = {a.id: i for i, a in enumerate(report.actors)}  # most central first
    groups = []
    for i, c in enumerate(report.groups[:top]):
        central = sorted(c, key=lambda n: rank.get(str(n), len(rank)))[:4]
        more = f" und {len(c) - 4} weitere" if len(c) > 4 else ""
        shown_names = "; ".join(_name(names.get(str(n), str(n)), 40) for n in central)
        groups.append([str(i + 1), str(len(c)), shown_names + more])
    betweenness = "Betweenness" if report.betweenness_exact else "Betweenness ± Standardfehler"
    shown = f"{min(top, len(report.groups))} von {len(report.groups)}"
    alone = (
        f"; {report.singletons} {'Akteur' if report.singletons == 1 else 'Akteure'} "
        "ohne Gemeinschaft nicht mitgezählt"
        if report.singletons
        else ""
    )
    return [
        (
            f"Die {min(top, len(actors))} zentralsten Akteure (nach PageRank)",
            ["Rang", "Akteur", "Art", "Grad", "PageRank", betweenness, "Gemeinschaft"],
            actors,
        ),
        (
            "Broker: Vermittler zwischen Gemeinschaften",
            ["Rang", "Organisation", "Gemeinschaften", "Partizipation", "Programme", "Grad"],
            brokers,
        ),
        (
            f"Gemeinschaften ({shown}{alone})",
            ["Nr.", "Größe", "Zentralste Mitglieder"],
            groups,
        ),
    ]


def _method(report: CentralityReport) -> str:
    how = (
        "exakt berechnet"
        if report.betweenness_exact
        else f"aus {report.betweenness_pivots} zufällig gewählten Startknoten geschätzt; "
        "hinter „±“ steht der Standardfehler der Schätzung"
    )
    return (
        f"Netzwerk mit {report.nodes} Knoten (Organisationen und Programme) und "
        f"{report.edges} Verbindungen, erstellt {report.created}. Betweenness: {how}. "
        "PageRank und Gemeinschaften berücksichtigen, wie viele Belege eine Verbindung hat."
    )


def plots(report: CentralityReport) -> dict[str, bytes]:
    """PNG bytes of the two plots, keyed ``degree`` and ``top10``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

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
    labels = [_name(a.name, 40) for a in best]
    ax.barh(labels, [a.pagerank for a in best], color="#c05621")
    ax.set_title("Top 10 nach PageRank")
    ax.set_xlabel("PageRank")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: number_de(float(x), 3)))
    fig.tight_layout()
    out["top10"] = _png(fig, plt)
    return out


def _png(fig, plt) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _markdown(report: CentralityReport, top: int, images: dict[str, str]) -> str:
    lines = ["# Zentralitätsbericht", "", _method(report), "", "## So lesen Sie die Maße", ""]
    lines += [f"- **{term}**: {text}" for term, text in EXPLANATIONS]
    lines.append("")
    for title, header, rows in _tables(report, top):
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["_Keine Einträge._", ""]
            continue
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---:" if h in _RIGHT else "---" for h in header) + "|")
        lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows]
        lines.append("")
    for key, ref in images.items():
        title = "Gradverteilung" if key == "degree" else "Top 10 nach PageRank"
        lines += [f"![{title}]({ref})", ""]
    return "\n".join(lines)


_RIGHT = {"Rang", "Nr.", "Grad", "Größe", "Gemeinschaften", "Programme", "PageRank",
          "Partizipation", "Betweenness", "Betweenness ± Standardfehler"}  # fmt: skip


def _csv(report: CentralityReport, dialect: str) -> str:
    columns = actor_columns(report)
    rows = [_actor_values(report, i + 1, a) for i, a in enumerate(report.actors)]
    return csv_text(columns, rows, dialect)


def _html(report: CentralityReport, top: int) -> str:
    e = html.escape
    parts = [
        "<!doctype html>",
        '<html lang="de"><head><meta charset="utf-8">',
        "<title>Zentralitätsbericht</title><style>body{font-family:sans-serif;"
        "margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:2em}"
        "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}"
        "td.n{text-align:right;white-space:nowrap}dt{font-weight:bold}</style>",
        "</head><body>",
        "<h1>Zentralitätsbericht</h1>",
        f"<p>{e(_method(report))}</p>",
        "<h2>So lesen Sie die Maße</h2><dl>",
    ]
    parts += [f"<dt>{e(term)}</dt><dd>{e(text)}</dd>" for term, text in EXPLANATIONS]
    parts.append("</dl>")
    for title, header, rows in _tables(report, top):
        parts.append(f"<h2>{e(title)}</h2>")
        if not rows:
            parts.append("<p><em>Keine Einträge.</em></p>")
            continue
        right = [h in _RIGHT for h in header]
        parts.append(
            "<table><thead><tr>"
            + "".join(f"<th>{e(h)}</th>" for h in header)
            + "</tr></thead><tbody>"
        )
        parts += [
            "<tr>"
            + "".join(
                f'<td class="n">{e(c)}</td>' if r else f"<td>{e(c)}</td>"
                for c, r in zip(row, right, strict=True)
            )
            + "</tr>"
            for row in rows
        ]
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
    if fmt in ("csv", "csv-excel"):
        return _csv(report, "excel-de" if fmt == "csv-excel" else "plain")
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
    out.write_text(text, encoding="utf-8-sig" if fmt == "csv-excel" else "utf-8", newline="")
    return written
