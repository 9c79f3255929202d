"""Measures: blocks and resolved entities -> :class:`~loaders.models.Measure` records, and
a year for every link and measure.

* :mod:`.units` - report items: bullets, labelled items, paragraphs
* :mod:`.taxonomy` - the activity an item names (``reference/measure_types.yaml``)
* :mod:`.titles` - short titles and start years
* :mod:`.partners` - :func:`~loaders.measures.partners.find_measures`, per partner and field
* :mod:`.subject` - measures of a report's own organisation, outside brochures
* :mod:`.dating` - the year of every link and measure
"""
