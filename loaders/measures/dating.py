"""Give every link and measure of a document its year.

Why: the pages filter the network by year and the change notebook compares report years,
so a fact without a year would drop out of every range. The year a sentence states is the
most specific ("2019 vereinbarten die Stadt und der Verein …"); where it states none, the
fact is as old as the report that tells it (:mod:`loaders.source.document_meta`).

A link takes a year its evidence sentence names (the stated start, "seit 2019", first);
a measure keeps the start year its own text gives (:func:`loaders.measures.titles.start_year`)
and otherwise takes the report's.

>>> from loaders.models import Link, Measure
>>> x = DocumentExtraction("d", "d", "", links=(Link("a", "b", "COOPERATES_WITH", 3,
...     "Seit 2019 arbeitet A mit B zusammen."), Link("a", "c", "SIGNED", 4, "A unterzeichnet C.")),
...     measures=(Measure("a", 1, "Kampagne", 5),), year=2021)
>>> [k.year for k in dated(x).links], [m.year for m in dated(x).measures]
([2019, 2021], [2021])
"""

from __future__ import annotations

from dataclasses import replace

from loaders.measures.titles import start_year
from loaders.models import DocumentExtraction

__all__ = ["dated"]


def dated(extraction: DocumentExtraction) -> DocumentExtraction:
    """``extraction`` with a year on every link and measure that can have one."""
    year = extraction.year
    links = tuple(
        k if k.year is not None else replace(k, year=start_year(k.evidence) or year)
        for k in extraction.links
    )
    measures = tuple(
        m if m.year is not None else replace(m, year=year) for m in extraction.measures
    )
    return replace(extraction, links=links, measures=measures)
