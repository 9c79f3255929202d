"""A second, dated report on top of the sample graph, written by the real loader.

The sample graph's own document carries no year of its own (its year is read from its
measures: 2022); this report, of 2019, adds a cooperation of Stadt A with the D-Stiftung
whose sentence names 2018, and one of the Verein with the E-Hochschule dated by the report.
"""

from __future__ import annotations

from loaders.load.batch import to_batch
from loaders.load.writer import write_batch
from loaders.measures.dating import dated
from loaders.models import DocumentExtraction, Link, Organisation
from queries.settings import Settings

__all__ = ["REPORT", "dated_report", "write_dated_report"]

REPORT = "bericht-2019.txt"
_ORGS = {
    "Stadt A": ("stadt-a", "Kommune"),
    "D-Stiftung": ("d-stiftung", "Stiftung"),
    "Verein <B> & Co": ("verein-b", "Verein"),
    "E-Hochschule": ("e-hochschule", "Hochschule"),
}


def dated_report(year: int = 2019) -> DocumentExtraction:
    lines = (
        "Bericht über die Zusammenarbeit",
        "Seit 2018 kooperiert die Stadt A mit der D-Stiftung.",
        "Der Verein B arbeitet mit der E-Hochschule zusammen.",
    )
    return dated(
        DocumentExtraction(
            doc=REPORT,
            path=REPORT,
            sha256=f"dated-report-{year}",
            title="Bericht über die Zusammenarbeit",
            publisher="Stadt A",
            year=year,
            organisations=tuple(
                Organisation(id=i, name=n, type=t, mentions=(2 if n.startswith(("S", "D")) else 3,))
                for n, (i, t) in _ORGS.items()
            ),
            links=(
                Link("stadt-a", "d-stiftung", "COOPERATES_WITH", 2, lines[1]),
                Link("verein-b", "e-hochschule", "COOPERATES_WITH", 3, lines[2]),
            ),
            text_lines=lines,
        )
    )


def write_dated_report(settings: Settings, year: int = 2019) -> DocumentExtraction:
    x = dated_report(year)
    write_batch(to_batch(x), settings, force=True)
    return x
