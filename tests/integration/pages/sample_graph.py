"""The hand-made graph the page tests run on: small enough to know every answer.

    Stadt A (Kommune) --COOPERATES_WITH-- Verein <B> & Co (Verein)
    Stadt A --PARTICIPATES_IN--> IQ (Programm) <--PARTICIPATES_IN-- Jobcenter C
    Jobcenter C --FUNDED_BY--> D-Stiftung;  E-Hochschule --PART_OF--> D-Stiftung
    Stadt A --SIGNED--> Charta (Programm);  Freie Schule F has no links

The cooperation quote carries markup, to prove the pages print it as text.
"""

from __future__ import annotations

from queries.network_sample import SampleGraph, write_sample
from queries.settings import Settings

EVIL_QUOTE = "Die Stadt A arbeitet mit dem Verein <script>alert(1)</script> zusammen."


def build_sample() -> SampleGraph:
    return (
        SampleGraph()
        .org("stadt-a", "Stadt A", "Kommune", "A-Stadt")
        .org("verein-b", "Verein <B> & Co", "Verein")
        .org("jc-c", "Jobcenter C", "Jobcenter")
        .org("d-stiftung", "D-Stiftung", "Stiftung")
        .org("e-hochschule", "E-Hochschule", "Hochschule")
        .org("schule-f", "Freie Schule F", "Schule")
        .prog("iq", "Integration durch Qualifizierung (IQ)", "Foerderprogramm")
        .prog("charta", "Charta der Vielfalt", "Charta")
        .link("org:stadt-a", "COOPERATES_WITH", "org:verein-b", EVIL_QUOTE)
        .link("org:stadt-a", "PARTICIPATES_IN", "prog:iq", "Stadt A ist Teil des IQ-Netzwerks.")
        .link("org:jc-c", "PARTICIPATES_IN", "prog:iq", "Das Jobcenter C wirkt im IQ mit.")
        .link("org:jc-c", "FUNDED_BY", "org:d-stiftung", "Gefördert durch die D-Stiftung.")
        .link("org:e-hochschule", "PART_OF", "org:d-stiftung", "Die Hochschule gehört zu D.")
        .link("org:stadt-a", "SIGNED", "prog:charta", "Stadt A hat die Charta unterzeichnet.")
        .measure("stadt-a", "Interkulturelle Schulung", 2)
        .measure("stadt-a", "Mehrsprachige Website", 4)
        .measure("jc-c", "Ausbildungsoffensive", 1)
    )


def load_sample(settings: Settings) -> SampleGraph:
    sample = build_sample()
    write_sample(sample, settings)
    return sample
