"""Sections: :class:`~loaders.models.CleanText` -> :class:`~loaders.models.Block` records, one
partner's report for one field of action.

* :mod:`.chapters` - the chapters, one per field of action
* :mod:`.headings` - the partner headings that open each report
* :mod:`.learnt` - the same read by a classifier, for layouts no rule knows
* :mod:`.forms` - the same read by the form a brochure repeats around its names
* :mod:`.columns` - reading order across columns and page ends
* :mod:`.blocks` - :func:`~loaders.sections.blocks.split_sections`, the blocks themselves
"""
