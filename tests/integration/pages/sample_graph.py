"""The hand-made graph the page tests run on: small enough to know every answer.

    Stadt A (Kommune) --COOPERATES_WITH-- Verein <B> & Co (Verein)
    Stadt A --PARTICIPATES_IN--> IQ (Programm) <--PARTICIPATES_IN-- Jobcenter C
    Jobcenter C --FUNDED_BY--> D-Stiftung;  E-Hochschule --PART_OF--> D-Stiftung
    Stadt A --SIGNED--> Charta (Programm);  Freie Schule F has no links

The cooperation quote carries markup, to prove the pages print it as text.
"""

from __future__ import annotations

from queries.settings import Settings
from tests.graphs import SampleGraph, write_graph

EVIL_QUOTE = "Die Stadt A arbeitet mit dem Verein <script>alert(1)</script> zusammen."
DOC = "sample.txt"


def build_sample() -> SampleGraph:
    return (
        SampleGraph()
        .organisation("stadt-a", "Stadt A", "Kommune", "A-Stadt")
        .organisation("verein-b", "Verein <B> & Co", "Verein")
        .organisation("jc-c", "Jobcenter C", "Jobcenter")
        .organisation("d-stiftung", "D-Stiftung", "Stiftung")
        .organisation("e-hochschule", "E-Hochschule", "Hochschule")
        .organisation("schule-f", "Freie Schule F", "Schule")
        .programme("iq", "Integration durch Qualifizierung (IQ)", "Foerderprogramm")
        .programme("charta", "Charta der Vielfalt", "Charta")
        .link("stadt-a", "COOPERATES_WITH", "verein-b", (DOC, 1, -1, EVIL_QUOTE))
        .link(
            "stadt-a", "PARTICIPATES_IN", "iq", (DOC, 2, -1, "Stadt A ist Teil des IQ-Netzwerks.")
        )
        .link("jc-c", "PARTICIPATES_IN", "iq", (DOC, 3, -1, "Das Jobcenter C wirkt im IQ mit."))
        .link("jc-c", "FUNDED_BY", "d-stiftung", (DOC, 4, -1, "Gefördert durch die D-Stiftung."))
        .link("e-hochschule", "PART_OF", "d-stiftung", (DOC, 5, -1, "Die Hochschule gehört zu D."))
        .link("stadt-a", "SIGNED", "charta", (DOC, 6, -1, "Stadt A hat die Charta unterzeichnet."))
        .measure(
            "m-stadt-a-0",
            "stadt-a",
            "Interkulturelle Schulung",
            (DOC, 1000, -1, "Interkulturelle Schulung."),
            category=2,
            year=2020,
        )
        .measure(
            "m-stadt-a-1",
            "stadt-a",
            "Mehrsprachige Website",
            (DOC, 1001, -1, "Mehrsprachige Website."),
            category=4,
            year=2021,
        )
        .measure(
            "m-jc-c-2",
            "jc-c",
            "Ausbildungsoffensive",
            (DOC, 1002, -1, "Ausbildungsoffensive."),
            category=1,
            year=2022,
        )
    )


def load_sample(settings: Settings) -> SampleGraph:
    sample = build_sample()
    write_graph(sample, settings)
    return sample
