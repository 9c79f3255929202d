"""The hand-checkable graph of the analytics tests and notebooks.

Stadt Duisburg and Jobcenter Duisburg both signed the Charta and share partner Verein X
(whose only partners they are), but do not cooperate: the top synergy pair. VHS Essen
cooperates with Stadt Duisburg already; Verein Y stands alone. Stadt Duisburg's signature
has two pieces of evidence (weight 2).
"""

from __future__ import annotations

from tests.graphs import SampleGraph

__all__ = ["example_graph"]

DOC = "sample"


def example_graph() -> SampleGraph:
    return (
        SampleGraph()
        .organisation("stadt-duisburg", "Stadt Duisburg", "Kommune")
        .organisation("jobcenter-duisburg", "Jobcenter Duisburg", "Jobcenter")
        .organisation("verein-x", "Verein X", "Verein")
        .organisation("vhs-essen", "Volkshochschule Essen", "Sonstige")
        .organisation("verein-y", "Verein Y", "Verein")
        .programme("charta", "Charta der Vielfalt", "Charta")
        .programme("iq", "IQ Netzwerk", "Netzwerk")
        .link(
            "stadt-duisburg",
            "SIGNED",
            "charta",
            (DOC, 1, -1, "stadt-duisburg SIGNED charta"),
            (DOC, 2, -1, "stadt-duisburg SIGNED charta"),
        )
        .link(
            "jobcenter-duisburg",
            "SIGNED",
            "charta",
            (DOC, 101, -1, "jobcenter-duisburg SIGNED charta"),
        )
        .link("vhs-essen", "PARTICIPATES_IN", "iq", (DOC, 201, -1, "vhs-essen PARTICIPATES_IN iq"))
        .link(
            "stadt-duisburg",
            "COOPERATES_WITH",
            "verein-x",
            (DOC, 301, -1, "stadt-duisburg COOPERATES_WITH verein-x"),
        )
        .link(
            "jobcenter-duisburg",
            "COOPERATES_WITH",
            "verein-x",
            (DOC, 401, -1, "jobcenter-duisburg COOPERATES_WITH verein-x"),
        )
        .link(
            "stadt-duisburg",
            "COOPERATES_WITH",
            "vhs-essen",
            (DOC, 501, -1, "stadt-duisburg COOPERATES_WITH vhs-essen"),
        )
        .measure(
            "sample-stadt-duisburg-0",
            "stadt-duisburg",
            "Maßnahme 0",
            (DOC, 1, -1, "Maßnahme 0"),
            category=2,
            type_="intercultural-training",
        )
        .measure(
            "sample-jobcenter-duisburg-1",
            "jobcenter-duisburg",
            "Maßnahme 1",
            (DOC, 2, -1, "Maßnahme 1"),
            category=2,
            type_="intercultural-training",
        )
        .measure(
            "sample-verein-y-2",
            "verein-y",
            "Maßnahme 2",
            (DOC, 3, -1, "Maßnahme 2"),
            category=1,
            type_="job-ad-clause",
        )
    )
