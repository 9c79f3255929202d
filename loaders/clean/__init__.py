"""Clean: :class:`~loaders.models.SourceText` -> :class:`~loaders.models.CleanText` and the
:class:`~loaders.clean.textstream.TextStream` the later stages search.

* :mod:`.repair` - joined hyphenations, flagged headers and footers, a 1:1 line map
* :mod:`.textstream` - one searchable string that still knows every character's line
"""
